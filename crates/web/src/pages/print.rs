//! A private, one-off server for printing the half-year report to PDF: it serves that report
//! (and the assets) for one staff member fixed in advance, under a random path, on 127.0.0.1,
//! to a headless browser started by `buurtteam report half-year`. It is never part of the
//! application's own router, so it adds no way in without a session.

use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;
use buurtteam_app::App;
use buurtteam_domain::policy::Actor;
use buurtteam_store::organisation::User;

use super::dashboards::{DashQuery, half_year_report};
use super::i18n::{Lang, Tr};
use super::{StaffPage, assets, base_chrome};
use crate::{AppState, WebConfig};

/// The report for `user`, under `/{secret}/reports/half-year`, plus `/assets/{name}`.
pub fn router(app: App, config: WebConfig, actor: Actor, user: User, lang: Lang, secret: &str) -> Router {
    let state = AppState { app, config };
    let mut chrome = base_chrome(&state, &axum::http::HeaderMap::new(), "/reports/half-year");
    chrome.tr = Tr::new(lang).with_labels(state.app.labels);
    chrome.current = "dashboards";
    chrome.for_user(&actor, &user);
    let report = move |state: State<AppState>, query: Query<DashQuery>| {
        let staff =
            StaffPage { actor: actor.clone(), user: user.clone(), chrome: chrome.clone(), token: String::new() };
        async move { half_year_report(state, staff, query).await }
    };
    Router::new()
        .route(&format!("/{secret}/reports/half-year"), get(report))
        .route("/assets/{name}", get(assets::serve))
        .with_state(state)
}
