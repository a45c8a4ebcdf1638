//! `/privacy/emergency-access` and `/privacy/unusual-access` (decision 0023): every emergency
//! access, and the reports of unusual access over a period, each marked justified or not with
//! a note. Staff names, file numbers, times and counts; never a file's content.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_app::AppError;
use buurtteam_app::privacy::emergency::{self as uc, ReviewInput};
use buurtteam_app::privacy::unusual::{self, PeriodQuery, RowReviewInput};
use buurtteam_store::emergency::Review;
use jiff::Timestamp;

use super::PrivacyPage;
use crate::AppState;
use crate::pages::form::{FormData, FormState, PageForm, Scope};
use crate::pages::i18n::Tr;
use crate::pages::{Chrome, app_error_page, render, saved};

/// A moment as the pages write it: the date the Dutch way and the time, in the organisation's
/// time zone.
fn moment(tr: Tr, tz: &jiff::tz::TimeZone, t: Timestamp) -> String {
    let z = t.to_zoned(tz.clone());
    format!("{} {:02}:{:02}", tr.date(&z.date()), z.hour(), z.minute())
}

fn review_text(tr: Tr, tz: &jiff::tz::TimeZone, r: &Review) -> String {
    let verdict = tr.t(if r.justified { "privacy-review-justified" } else { "privacy-review-not-justified" });
    let date = moment(tr, tz, r.at);
    tr.tn(
        "privacy-review-by",
        &[
            ("verdict", verdict.as_str().into()),
            ("name", r.by_name.as_str().into()),
            ("date", date.as_str().into()),
            ("note", r.note.as_str().into()),
        ],
    )
}

/// One row of either page, with its review form.
pub struct Row {
    pub who: String,
    pub case: String,
    pub team: String,
    pub reason: String,
    pub period: String,
    pub reads: String,
    pub review: Option<String>,
    /// The review form: where it posts, its hidden fields, its state.
    pub action: String,
    pub hidden: Vec<(&'static str, String)>,
    pub form: FormState,
}

#[derive(Template)]
#[template(path = "privacy/emergency_access.html")]
struct GrantsPage {
    page: Chrome,
    rows: Vec<Row>,
}

fn review_form(ids: String, sent: Option<&FormState>) -> FormState {
    sent.cloned().unwrap_or_else(|| FormState::new(FormData::default())).in_scope(Scope::new(ids, "privacy"))
}

async fn grants_page(
    state: &AppState,
    officer: &PrivacyPage,
    sent: Option<(i64, FormState)>,
    status: StatusCode,
) -> Response {
    let chrome = officer.0.chrome("privacy");
    let tr = chrome.tr;
    let tz = &state.app.settings.time_zone;
    let grants = match uc::list(&state.app, &officer.0.actor).await {
        Ok(g) => g,
        Err(e) => return app_error_page(&chrome, e),
    };
    let rows = grants
        .into_iter()
        .map(|g| {
            let mine = sent.as_ref().filter(|(id, _)| *id == g.id).map(|(_, f)| f);
            Row {
                who: g.user_name,
                case: tr.t1("privacy-case-number", "id", g.case.0),
                team: g.team_name,
                reason: g.reason,
                period: format!("{} – {}", moment(tr, tz, g.granted_at), moment(tr, tz, g.ends_at)),
                reads: g.reads.to_string(),
                review: g.review.as_ref().map(|r| review_text(tr, tz, r)),
                action: format!("/privacy/emergency-access/{}/review", g.id),
                hidden: Vec::new(),
                form: review_form(format!("g{}", g.id), mine),
            }
        })
        .collect();
    render(status, &GrantsPage { page: chrome, rows })
}

pub async fn grants(State(state): State<AppState>, officer: PrivacyPage) -> Response {
    grants_page(&state, &officer, None, StatusCode::OK).await
}

pub async fn review_grant(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<ReviewInput>) -> Response {
    let staff = &form.page;
    match uc::review(&state.app, &staff.actor, id, &form.input).await {
        Ok(_) => saved("/privacy/emergency-access", "privacy-reviewed"),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(form.values.clone())
                .in_scope(Scope::new(format!("g{id}"), "privacy"))
                .with_errors(staff.tr(), &errors);
            let officer = PrivacyPage(form.page);
            grants_page(&state, &officer, Some((id, shown)), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => app_error_page(&staff.chrome("privacy"), e),
    }
}

#[derive(Template)]
#[template(path = "privacy/unusual_access.html")]
struct UnusualPage {
    page: Chrome,
    period: FormState,
    rules: String,
    rows: Vec<Row>,
}

async fn unusual_page(
    state: &AppState,
    officer: &PrivacyPage,
    q: &PeriodQuery,
    sent: Option<(String, FormState)>,
    status: StatusCode,
) -> Response {
    let chrome = officer.0.chrome("privacy");
    let tr = chrome.tr;
    let tz = &state.app.settings.time_zone;
    let values = FormData(vec![
        ("from".to_owned(), q.from.clone().unwrap_or_default()),
        ("to".to_owned(), q.to.clone().unwrap_or_default()),
    ]);
    let report = match unusual::report(&state.app, &officer.0.actor, q).await {
        Ok(r) => r,
        Err(AppError::Validation(errors)) => {
            let period = FormState::new(values).in_scope(Scope::new("", "privacy")).with_errors(tr, &errors);
            let page = UnusualPage { page: chrome, period, rules: String::new(), rows: Vec::new() };
            return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
        Err(e) => return app_error_page(&chrome, e),
    };
    let (from, to) = (report.from.to_string(), report.to.to_string());
    let period = FormState::new(FormData(vec![("from".to_owned(), from.clone()), ("to".to_owned(), to.clone())]))
        .in_scope(Scope::new("", "privacy"));
    let rows = report
        .rows
        .into_iter()
        .map(|r| {
            let cases = r.cases.iter().map(|c| c.0.to_string()).collect::<Vec<_>>().join(", ");
            let name = r.matched_name.clone().unwrap_or_default();
            let detail = match r.kind {
                unusual::Kind::ManyFiles => {
                    tr.t2("privacy-detail-many-files", "count", r.cases.len() as i64, "cases", cases.as_str())
                }
                unusual::Kind::FamilyName => {
                    tr.t2("privacy-detail-family-name", "name", name.as_str(), "cases", cases.as_str())
                }
                unusual::Kind::Colleague => tr.tn(
                    "privacy-detail-colleague",
                    &[
                        ("name", name.as_str().into()),
                        ("colleague", r.colleague_name.clone().unwrap_or_default().as_str().into()),
                        ("cases", cases.as_str().into()),
                    ],
                ),
            };
            let key = format!("{}-{}-{}", r.kind.code(), r.user.0, r.subject);
            let mine = sent.as_ref().filter(|(k, _)| *k == key).map(|(_, f)| f);
            Row {
                who: r.user_name,
                case: tr.t(&format!("privacy-kind-{}", r.kind.code().replace('_', "-"))),
                team: String::new(),
                reason: detail,
                period: format!("{} – {}", moment(tr, tz, r.from), moment(tr, tz, r.to)),
                reads: String::new(),
                review: r.review.as_ref().map(|v| review_text(tr, tz, v)),
                action: "/privacy/unusual-access/review".to_owned(),
                hidden: vec![
                    ("kind", r.kind.code().to_owned()),
                    ("user_id", r.user.0.to_string()),
                    ("subject", r.subject.clone()),
                    ("from", from.clone()),
                    ("to", to.clone()),
                ],
                form: review_form(format!("r-{key}"), mine),
            }
        })
        .collect();
    let rules = tr.t2("privacy-unusual-rules", "cases", report.burst_cases as i64, "minutes", report.burst_minutes);
    render(status, &UnusualPage { page: chrome, period, rules, rows })
}

pub async fn unusual_access(
    State(state): State<AppState>,
    officer: PrivacyPage,
    Query(q): Query<PeriodQuery>,
) -> Response {
    unusual_page(&state, &officer, &q, None, StatusCode::OK).await
}

pub async fn review_unusual(State(state): State<AppState>, form: PageForm<RowReviewInput>) -> Response {
    let staff = &form.page;
    let q =
        PeriodQuery { from: form.values.get("from").map(str::to_owned), to: form.values.get("to").map(str::to_owned) };
    match unusual::review(&state.app, &staff.actor, &form.input).await {
        Ok(()) => {
            let (from, to) = (q.from.unwrap_or_default(), q.to.unwrap_or_default());
            let safe = |d: &str| d.parse::<jiff::civil::Date>().map(|d| d.to_string()).unwrap_or_default();
            saved(&format!("/privacy/unusual-access?from={}&to={}", safe(&from), safe(&to)), "privacy-reviewed")
        }
        Err(AppError::Validation(errors)) => {
            let key = format!(
                "{}-{}-{}",
                form.values.get("kind").unwrap_or_default(),
                form.values.get("user_id").unwrap_or_default(),
                form.values.get("subject").unwrap_or_default()
            );
            let shown = FormState::new(form.values.clone())
                .in_scope(Scope::new(format!("r-{key}"), "privacy"))
                .with_errors(staff.tr(), &errors);
            let officer = PrivacyPage(form.page);
            unusual_page(&state, &officer, &q, Some((key, shown)), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => app_error_page(&staff.chrome("privacy"), e),
    }
}
