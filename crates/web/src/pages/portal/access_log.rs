//! Who looked at my file: Mijn Buurtteam's access log in plain words, repeats on one day on
//! one line.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_app::AppError;
use buurtteam_app::plan::{self as uc, AccessView};
use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::codes::Role;
use jiff::tz::TimeZone;

use super::super::i18n::Tr;
use super::super::{Chrome, app_error_page, error_page, render};
use super::{PortalPage, person_label, when};
use crate::AppState;

pub(super) struct LogLine {
    pub(super) when: String,
    pub(super) text: String,
}

/// One row of the access log as a sentence: "Fatima de Vries (gezinswerker) heeft het
/// gezinsplan bekeken."
pub(super) fn log_sentence(tr: Tr, row: &AccessView) -> String {
    let who = match &row.actor_name {
        Some(name) => person_label(tr, name, row.actor_role.as_deref().and_then(Role::parse)),
        None => tr.t("portal-log-someone"),
    };
    let goal = row.goal_title.clone().unwrap_or_default();
    match row.kind {
        // A read that names a goal (a network member's): they saw that goal, not the plan.
        Some(AuditAction::PlanRead) if row.goal_title.is_some() => {
            tr.tn("portal-log-goal-read", &[("who", who.into()), ("goal", goal.into())])
        }
        Some(action) => tr.audit(action, who, goal),
        // A stored code this version does not know (written by another version of the
        // application): the family still sees that someone looked at or changed their file, in
        // general words, and the operators get a warning to add the action and its sentences.
        None => {
            tracing::warn!(action = %row.action, "an audit action without a sentence in the portal");
            let key = if row.goal_title.is_some() { "portal-log-other-goal" } else { "portal-log-other" };
            tr.tn(key, &[("who", who.into()), ("goal", goal.into())])
        }
    }
}

/// A row as a line: with its time, or for repeats with the day (in the date column) and how
/// often: "2 december 2026 — Fatima Şahin (gezinswerker) heeft het gezinsplan bekeken — 4 keer."
pub(super) fn log_line(tr: Tr, tz: &TimeZone, row: &AccessView) -> LogLine {
    let text = log_sentence(tr, row);
    if row.times <= 1 {
        return LogLine { when: when(tr, tz, row.occurred_at), text };
    }
    let day = tr.date(&row.occurred_at.to_zoned(tz.clone()).date());
    let text = tr.tn(
        "portal-log-repeated",
        &[("what", text.trim_end_matches('.').to_owned().into()), ("count", i64::from(row.times).into())],
    );
    LogLine { when: day, text }
}

#[derive(Template)]
#[template(path = "portal_access_log.html")]
struct AccessLogPage {
    page: Chrome,
    entries: Vec<LogLine>,
}

pub(super) async fn access_log(State(state): State<AppState>, reader: PortalPage) -> Response {
    let chrome = reader.chrome("portal-log");
    if reader.is_network() {
        return error_page(&chrome, StatusCode::FORBIDDEN, "portal-log-forbidden-title", "portal-log-forbidden-detail");
    }
    let tr = chrome.tr;
    let tz = &state.app.settings.time_zone;
    let rows = match uc::portal_access_log(&state.app, &reader.actor).await {
        Ok(rows) => rows,
        Err(AppError::NotFound(_)) => Vec::new(),
        Err(e) => return app_error_page(&chrome, e),
    };
    let entries = rows.iter().map(|r| log_line(tr, tz, r)).collect();
    render(StatusCode::OK, &AccessLogPage { page: chrome, entries })
}
