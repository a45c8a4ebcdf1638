//! `/privacy/processing`: the processing register as the privacy officer reads it (the same
//! list as `/admin/processing`, without the links to change it).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_app::processing as uc;

use super::PrivacyPage;
use crate::AppState;
use crate::pages::admin::processing::{ListPage, rows};
use crate::pages::render;

pub(super) async fn list(State(state): State<AppState>, PrivacyPage(officer): PrivacyPage) -> Response {
    let chrome = officer.chrome("privacy");
    let tr = chrome.tr;
    let all = or_error_page!(uc::list_activities(&state.app, &officer.actor).await, &chrome);
    render(
        StatusCode::OK,
        &ListPage {
            rows: rows(tr, all),
            editable: false,
            back_href: "/privacy",
            back_text: tr.t("privacy-back"),
            page: chrome,
        },
    )
}
