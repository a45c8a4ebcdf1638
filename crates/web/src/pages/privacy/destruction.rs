//! Retention and destruction (decision 0024) on the pages: the privacy officer's worklist
//! `/privacy/destruction` (open requests by deadline, overdue ones marked, each with its
//! decision form; legal holds placed and lifted; the latest tombstones), and the form on the
//! case file where the team registers a written request (`/cases/{id}/destruction-request`).
//! The officer sees file numbers, the requester's relation and age, dates and codes: never a
//! name or the file's content.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_app::AppError;
use buurtteam_app::privacy::destruction::{self as holds_uc, HoldInput};
use buurtteam_app::privacy::requests::{self as uc, DecisionInput, RequestInput};
use buurtteam_domain::codes::{DestructionOutcome, DestructionScope, RefusalGround};
use buurtteam_domain::ids::CaseId;
use buurtteam_store::destruction::requests::Request;

use super::PrivacyPage;
use crate::AppState;
use crate::pages::form::{FormData, FormState, NoFields, PageForm, Scope};
use crate::pages::i18n::Tr;
use crate::pages::{Chrome, StaffPage, app_error_page, render, saved};

type Options = Vec<(String, String)>;

/// An open request on the worklist, with its decision form.
pub struct OpenRequest {
    pub id: i64,
    pub case_number: String,
    pub requester: String,
    pub received_on: String,
    pub decide_by: String,
    pub overdue: bool,
    pub scope: String,
    pub form: FormState,
}

/// A decided request, in one line.
pub struct DecidedRequest {
    pub case_number: String,
    pub outcome: String,
    pub decided_on: String,
}

pub struct HoldLine {
    pub id: i64,
    pub case_number: String,
    pub reason: String,
    pub until: String,
}

#[derive(Template)]
#[template(path = "privacy/destruction.html")]
struct WorklistPage {
    page: Chrome,
    open: Vec<OpenRequest>,
    decided: Vec<DecidedRequest>,
    holds: Vec<HoldLine>,
    hold_form: FormState,
    tombstones: Vec<(String, String, String)>,
    outcomes: Options,
    grounds: Options,
    retention_years: i64,
}

fn outcomes(tr: Tr) -> Options {
    DestructionOutcome::ALL.iter().map(|o| (o.code().to_owned(), tr.code("destruction-outcome", o.code()))).collect()
}

fn grounds(tr: Tr) -> Options {
    std::iter::once((String::new(), tr.t("choose")))
        .chain(RefusalGround::ALL.iter().map(|g| (g.code().to_owned(), tr.code("refusal-ground", g.code()))))
        .collect()
}

fn decision_scope(id: i64) -> Scope {
    Scope::new(format!("r{id}"), "destruction")
}

fn hold_scope() -> Scope {
    Scope::new("hold", "hold")
}

fn requester(tr: Tr, r: &Request) -> String {
    tr.t2(
        "destruction-requester",
        "relation",
        tr.code("requester-relation", r.relation.code()),
        "age",
        i64::from(r.age),
    )
}

/// Which form to show again with its errors: a request's decision, or the hold form.
enum Shown {
    None,
    Decision(i64, FormState),
    Hold(FormState),
}

async fn worklist(state: &AppState, officer: &StaffPage, shown: Shown, status: StatusCode) -> Response {
    let chrome = officer.chrome("privacy");
    let tr = chrome.tr;
    let app = &state.app;
    let loaded = async {
        Ok::<_, AppError>((
            uc::list_requests(app, &officer.actor).await?,
            holds_uc::active_holds(app, &officer.actor).await?,
            holds_uc::tombstones(app, &officer.actor).await?,
        ))
    };
    let (requests, holds, tombstones) = match loaded.await {
        Ok(x) => x,
        Err(e) => return app_error_page(&chrome, e),
    };
    let today = app.today();
    let (mut again, hold_form) = match shown {
        Shown::Decision(id, form) => (Some((id, form)), FormState::default().in_scope(hold_scope())),
        Shown::Hold(form) => (None, form),
        Shown::None => (None, FormState::default().in_scope(hold_scope())),
    };
    let mut open = Vec::new();
    let mut decided = Vec::new();
    for r in &requests {
        let number = tr.t1("case-number", "id", r.case_number);
        match &r.decision {
            None => {
                let form = match again.take_if(|(id, _)| *id == r.id) {
                    Some((_, form)) => form,
                    None => FormState::new(FormData(vec![("outcome".into(), "granted".into())]))
                        .in_scope(decision_scope(r.id)),
                };
                open.push(OpenRequest {
                    id: r.id,
                    case_number: number,
                    requester: requester(tr, r),
                    received_on: tr.date(&r.received_on),
                    decide_by: tr.date(&r.decide_by),
                    overdue: r.decide_by < today,
                    scope: tr.code("destruction-scope", r.scope.code()),
                    form,
                });
            }
            Some(d) => decided.push(DecidedRequest {
                case_number: number,
                outcome: {
                    let done = tr.t(&format!("destruction-done-{}", d.outcome.code().replace('_', "-")));
                    match d.refusal_ground {
                        Some(g) => format!("{done} ({})", tr.code("refusal-ground", g.code())),
                        None => done,
                    }
                },
                decided_on: tr.date(&d.decided_at.to_zoned(app.settings.time_zone.clone()).date()),
            }),
        }
    }
    let holds = holds
        .iter()
        .map(|h| HoldLine {
            id: h.id,
            case_number: tr.t1("case-number", "id", h.case_id.0),
            reason: h.reason.clone(),
            until: h.until.map_or_else(|| tr.t("hold-until-lifted"), |d| tr.date(&d)),
        })
        .collect();
    let tombstones = tombstones
        .iter()
        .map(|t| {
            (
                tr.t1("case-number", "id", t.case_id.0),
                tr.code("destruction-reason", t.reason.code()),
                tr.date(&t.destroyed_at.to_zoned(app.settings.time_zone.clone()).date()),
            )
        })
        .collect();
    let page = WorklistPage {
        page: chrome,
        open,
        decided,
        holds,
        hold_form,
        tombstones,
        outcomes: outcomes(tr),
        grounds: grounds(tr),
        retention_years: i64::from(app.settings.retention_years),
    };
    render(status, &page)
}

pub async fn page(State(state): State<AppState>, PrivacyPage(officer): PrivacyPage) -> Response {
    worklist(&state, &officer, Shown::None, StatusCode::OK).await
}

/// The officer's decision on request `id`; errors show beside that request's form.
pub async fn decide(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<DecisionInput>) -> Response {
    let staff = &form.page;
    match uc::decide_request(&state.app, &staff.actor, id, &form.input).await {
        Ok(_) => saved("/privacy/destruction", "destruction-decided"),
        Err(AppError::Validation(errors)) => {
            let shown =
                FormState::new(form.values.clone()).in_scope(decision_scope(id)).with_errors(staff.tr(), &errors);
            worklist(&state, staff, Shown::Decision(id, shown), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e @ AppError::Conflict { .. }) => {
            let mut shown = FormState::new(form.values.clone()).in_scope(decision_scope(id));
            shown.general = Some(conflict_text(staff.tr(), &e));
            worklist(&state, staff, Shown::Decision(id, shown), StatusCode::CONFLICT).await
        }
        Err(e) => app_error_page(&staff.chrome("privacy"), e),
    }
}

/// A conflict in the officer's words: an open case, a legal hold, decided already.
fn conflict_text(tr: Tr, e: &AppError) -> String {
    let text = e.to_string();
    let key = if text.contains("legal hold") {
        "destruction-conflict-hold"
    } else if text.contains("still open") {
        "destruction-conflict-open"
    } else {
        "destruction-conflict-decided"
    };
    tr.t(key)
}

pub async fn place_hold(State(state): State<AppState>, form: PageForm<HoldInput>) -> Response {
    let staff = &form.page;
    match holds_uc::place_hold(&state.app, &staff.actor, &form.input).await {
        Ok(_) => saved("/privacy/destruction#holds-heading", "hold-placed"),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(form.values.clone()).in_scope(hold_scope()).with_errors(staff.tr(), &errors);
            worklist(&state, staff, Shown::Hold(shown), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::NotFound(_)) => {
            let mut shown = FormState::new(form.values.clone()).in_scope(hold_scope());
            shown.general = Some(staff.tr().t("hold-unknown-case"));
            worklist(&state, staff, Shown::Hold(shown), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => app_error_page(&staff.chrome("privacy"), e),
    }
}

pub async fn lift_hold(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<NoFields>) -> Response {
    let staff = &form.page;
    match holds_uc::lift_hold(&state.app, &staff.actor, id).await {
        Ok(_) => saved("/privacy/destruction#holds-heading", "hold-lifted"),
        Err(e) => app_error_page(&staff.chrome("privacy"), e),
    }
}

#[derive(Template)]
#[template(path = "privacy/request_new.html")]
struct RegisterPage {
    page: Chrome,
    id: i64,
    form: FormState,
    members: Options,
    scopes: Options,
}

fn register_scope() -> Scope {
    Scope::new("", "destruction")
}

async fn register_page(state: &AppState, staff: &StaffPage, id: i64, form: FormState, status: StatusCode) -> Response {
    let chrome = staff.chrome("");
    let file = match buurtteam_app::cases::file(&state.app, &staff.actor, CaseId(id)).await {
        Ok(f) => f,
        Err(e) => return app_error_page(&chrome, e),
    };
    let tr = staff.tr();
    let members = std::iter::once((String::new(), tr.t("choose")))
        .chain(file.household.members.iter().map(|m| {
            let role = tr.code("household-role", m.role.code());
            (m.id.0.to_string(), format!("{} {} ({role})", m.given_name, m.family_name))
        }))
        .collect();
    let scopes =
        DestructionScope::ALL.iter().map(|s| (s.code().to_owned(), tr.code("destruction-scope", s.code()))).collect();
    render(status, &RegisterPage { page: chrome, id, form, members, scopes })
}

pub async fn register_form(State(state): State<AppState>, staff: StaffPage, Path(id): Path<i64>) -> Response {
    let today = state.app.today().to_string();
    let values = FormData(vec![("received_on".into(), today), ("scope".into(), "full".into())]);
    register_page(&state, &staff, id, FormState::new(values).in_scope(register_scope()), StatusCode::OK).await
}

/// The form posts the API's input; the case comes from the path.
pub async fn register_submit(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<RequestInput>,
) -> Response {
    let staff = &form.page;
    let input = RequestInput { case_id: Some(id), ..form.input };
    match uc::register_request(&state.app, &staff.actor, &input).await {
        Ok(_) => saved(&format!("/cases/{id}"), "destruction-requested"),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(form.values.clone()).in_scope(register_scope()).with_errors(staff.tr(), &errors);
            register_page(&state, staff, id, shown, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => app_error_page(&staff.chrome(""), e),
    }
}
