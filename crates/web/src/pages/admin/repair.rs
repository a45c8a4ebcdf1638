//! Data repair in the administration, `/admin/repair` (decision 0020): what was repaired, in
//! ids, counts and codes only. The repairs themselves need someone who may see the families:
//! a team manager voids a referral from its case file and merges a household from there;
//! the admin, who is asked about them, sees that and when it was done, by whom, never whose.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_app::repair as uc;
use buurtteam_domain::audit::AuditAction;

use super::AdminPage;
use crate::AppState;
use crate::pages::{Chrome, app_error_page, render};

/// How many repairs the page lists.
const LIMIT: i64 = 100;

pub struct RepairRow {
    pub when: String,
    pub who: String,
    pub what: String,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "admin/repair.html")]
struct RepairPage {
    page: Chrome,
    rows: Vec<RepairRow>,
}

pub async fn repair(State(state): State<AppState>, AdminPage(admin): AdminPage) -> Response {
    let chrome = admin.chrome("admin");
    let tr = chrome.tr;
    let found = match uc::repairs(&state.app, &admin.actor, LIMIT).await {
        Ok(r) => r,
        Err(e) => return app_error_page(&chrome, e),
    };
    let tz = state.app.settings.time_zone.clone();
    let rows = found
        .into_iter()
        .map(|r| {
            let z = r.occurred_at.to_zoned(tz.clone());
            let when =
                tr.t2("plan-at", "date", tr.date(&z.date()), "time", format!("{:02}:{:02}", z.hour(), z.minute()));
            let id = r.object_id.unwrap_or_default();
            let (what, detail) = match r.action {
                AuditAction::CaseVoided => (
                    tr.t1("admin-repair-voided", "id", id),
                    r.reason_code.map(|c| tr.code("void-reason", c.code())).unwrap_or_default(),
                ),
                _ => (
                    tr.t2("admin-repair-merged", "from", r.merged_from.unwrap_or_default(), "into", id),
                    tr.t2(
                        "admin-repair-moved",
                        "members",
                        r.members.unwrap_or_default(),
                        "cases",
                        r.cases.unwrap_or_default(),
                    ),
                ),
            };
            RepairRow { when, who: r.actor_name.unwrap_or_else(|| "—".to_owned()), what, detail }
        })
        .collect();
    render(StatusCode::OK, &RepairPage { page: chrome, rows })
}
