//! `/privacy/log` ("Logboek controleren"): the verifications of the audit log's hash chain
//! (decision 0021), a button that runs one now, and the current heads to download and keep
//! elsewhere. Also the alert the admin and privacy start pages show when the last verification
//! found a break, or none ran for 48 hours.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use buurtteam_app::privacy::integrity::{self, Alert};
use buurtteam_domain::policy::Actor;
use buurtteam_store::audit::chain::{Broken, Problem};
use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::PrivacyPage;
use crate::AppState;
use crate::pages::form::{NoFields, PageForm};
use crate::pages::i18n::Tr;
use crate::pages::{Chrome, app_error_page, render};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/privacy/log", get(page))
        .route("/privacy/log/verify", post(verify_now))
        .route("/privacy/log/heads.json", get(heads))
}

/// How many verifications the page lists.
const SHOWN: i64 = 30;

/// The alert banner, in words.
pub(crate) struct IntegrityAlert {
    pub title: String,
    pub text: String,
    pub todo: String,
}

/// "23 november 2026 om 14:05" in the organisation's time zone.
fn when(tr: Tr, tz: &TimeZone, ts: Timestamp) -> String {
    let z = ts.to_zoned(tz.clone());
    tr.t2("plan-at", "date", tr.date(&z.date()), "time", format!("{:02}:{:02}", z.hour(), z.minute()))
}

/// What is wrong with a row, in plain Dutch (or English).
fn problem_text(tr: Tr, p: &Problem) -> String {
    match p {
        Problem::Unchained => tr.t("privacy-log-problem-unchained"),
        Problem::Gap { expected_seq } => tr.t1("privacy-log-problem-gap", "expected", *expected_seq),
        Problem::Altered => tr.t("privacy-log-problem-altered"),
        Problem::DetailAltered => tr.t("privacy-log-problem-detail-altered"),
        Problem::HeadMismatch { head_seq, last_seq } => {
            tr.t2("privacy-log-problem-head-mismatch", "head", *head_seq, "last", *last_seq)
        }
        Problem::OutOfOrder => tr.t("privacy-log-problem-out-of-order"),
        Problem::ExportedHeadMissing { exported_seq, last_seq } => {
            tr.t2("privacy-log-problem-exported-head-missing", "exported", *exported_seq, "last", *last_seq)
        }
        Problem::ExportedHeadAltered { exported_seq } => {
            tr.t1("privacy-log-problem-exported-head-altered", "exported", *exported_seq)
        }
        Problem::PseudonymisedWithoutTombstone => tr.t("privacy-log-problem-pseudonymised-without-tombstone"),
    }
}

/// "regel 17 (keten 0, plaats 17)": which row, and where.
fn row_text(tr: Tr, b: &Broken) -> String {
    let chain = b.chain.map_or_else(|| "—".to_owned(), |c| c.to_string());
    let seq = b.seq.map_or_else(|| "—".to_owned(), |s| s.to_string());
    match b.id {
        Some(id) => tr.tn("privacy-log-row", &[("id", id.into()), ("chain", chain.into()), ("seq", seq.into())]),
        None => tr.t1("privacy-log-row-gone", "chain", chain),
    }
}

/// The banner for `alert`, if there is one.
fn banner(tr: Tr, tz: &TimeZone, alert: Option<Alert>) -> Option<IntegrityAlert> {
    Some(match alert? {
        Alert::Broken { verified_at, first } => IntegrityAlert {
            title: tr.t("privacy-log-alert-broken-title"),
            text: tr.tn(
                "privacy-log-alert-broken-text",
                &[
                    ("when", when(tr, tz, verified_at).into()),
                    ("row", row_text(tr, &first).into()),
                    ("problem", problem_text(tr, &first.problem).into()),
                ],
            ),
            todo: tr.t("privacy-log-alert-broken-todo"),
        },
        Alert::Stale { last } => IntegrityAlert {
            title: tr.t("privacy-log-alert-stale-title"),
            text: match last {
                Some(at) => tr.t1("privacy-log-alert-stale-text", "when", when(tr, tz, at)),
                None => tr.t("privacy-log-alert-stale-never"),
            },
            todo: tr.t("privacy-log-alert-stale-todo"),
        },
    })
}

/// The banner for the admin and privacy start pages, for `actor` (none when all is well; an
/// error reading it shows as no banner and is logged, so the start page still opens).
pub(crate) async fn alert_banner(state: &AppState, tr: Tr, actor: &Actor) -> Option<IntegrityAlert> {
    match integrity::alert(&state.app, actor).await {
        Ok(alert) => banner(tr, &state.app.settings.time_zone, alert),
        Err(e) => {
            tracing::warn!(error = %e, "cannot read the audit log's last verification");
            None
        }
    }
}

/// A verification as the page lists it.
struct Shown {
    when: String,
    by: String,
    rows: String,
    chains: String,
    whole: bool,
    outcome: String,
}

#[derive(Template)]
#[template(path = "privacy/log.html")]
struct LogPage {
    page: Chrome,
    integrity_alert: Option<IntegrityAlert>,
    verifications: Vec<Shown>,
}

async fn page(State(state): State<AppState>, PrivacyPage(officer): PrivacyPage) -> Response {
    let chrome = officer.chrome("privacy");
    let tr = chrome.tr;
    let tz = state.app.settings.time_zone.clone();
    let list = match integrity::verifications(&state.app, &officer.actor, SHOWN).await {
        Ok(l) => l,
        Err(e) => return app_error_page(&chrome, e),
    };
    let verifications = list
        .into_iter()
        .map(|r| Shown {
            when: when(tr, &tz, r.verified_at),
            by: r.ran_by_name.clone().unwrap_or_else(|| tr.t("privacy-log-by-schedule")),
            rows: tr.number(r.rows),
            chains: tr.number(r.chains),
            whole: r.first_broken.is_none(),
            outcome: match &r.first_broken {
                None => tr.t("privacy-log-whole"),
                Some(b) => format!("{}: {}", row_text(tr, b), problem_text(tr, &b.problem)),
            },
        })
        .collect();
    let integrity_alert = alert_banner(&state, tr, &officer.actor).await;
    render(StatusCode::OK, &LogPage { page: chrome, integrity_alert, verifications })
}

/// "Nu controleren": runs the verification and shows the page again with its outcome on top.
async fn verify_now(State(state): State<AppState>, form: PageForm<NoFields>) -> Response {
    let officer = &form.page;
    match integrity::verify_now(&state.app, &officer.actor).await {
        Ok(c) if c.verification.broken.is_empty() => crate::pages::saved("/privacy/log", "audit-log-verified"),
        Ok(_) => crate::pages::saved("/privacy/log", "audit-log-verified-broken"),
        Err(e) => app_error_page(&officer.chrome("privacy"), e),
    }
}

/// The heads as they are now, as a file (the same JSON as `buurtteam audit heads`).
async fn heads(State(state): State<AppState>, PrivacyPage(officer): PrivacyPage) -> Response {
    let export = match integrity::current_heads(&state.app, &officer.actor).await {
        Ok(e) => e,
        Err(e) => return app_error_page(&officer.chrome("privacy"), e),
    };
    let body = serde_json::to_string_pretty(&export).unwrap_or_default();
    let stamp = export.at.strftime("%Y%m%dT%H%M%SZ");
    let mut r = body.into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"buurtteam-audit-heads-{stamp}.json\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    r
}
