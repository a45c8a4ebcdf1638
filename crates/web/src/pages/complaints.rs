//! Complaints for staff (decision 0032): the team manager's list with the working-day
//! countdown, and one complaint with its steps (notes only for the team managers), the step
//! form, the extension and what the team learned.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use buurtteam_app::AppError;
use buurtteam_app::complaints::{self as uc, ComplaintInput, ComplaintView, ExtensionInput, LessonsInput, StepInput};
use buurtteam_domain::complaints::{Against, Outcome, Step};
use buurtteam_domain::ids::CaseId;

use super::form::PageForm;
use super::i18n::Tr;
use super::{Chrome, StaffPage, app_error_page, render};
use crate::AppState;

pub(super) struct Row {
    id: i64,
    case_id: i64,
    team: String,
    subject: String,
    received: String,
    state: String,
    countdown: String,
}

fn countdown(tr: Tr, days: Option<i32>) -> String {
    match days {
        None => String::new(),
        Some(d) if d >= 0 => tr.t1("complaint-days-left", "days", i64::from(d)),
        Some(d) => tr.t1("complaint-days-late", "days", i64::from(-d)),
    }
}

fn state(tr: Tr, outcome: Option<Outcome>, step: Step) -> String {
    match outcome {
        Some(o) => tr.t(&format!("complaint-outcome-{}", o.code().replace('_', "-"))),
        None => tr.t(&format!("complaint-step-{}", step.code().replace('_', "-"))),
    }
}

#[derive(Template)]
#[template(path = "complaints.html")]
struct ListPage {
    page: Chrome,
    rows: Vec<Row>,
}

pub(super) async fn list(State(state_): State<AppState>, staff: StaffPage) -> Response {
    let chrome = staff.chrome("complaints");
    let tr = chrome.tr;
    match uc::list_for_teams(&state_.app, &staff.actor, false).await {
        Ok(items) => {
            let rows = items
                .into_iter()
                .map(|k| Row {
                    id: k.id,
                    case_id: k.case_id.0,
                    team: k.team_name,
                    subject: k.subject,
                    received: tr.date(&k.received_on),
                    state: state(tr, k.outcome, k.last_step),
                    countdown: countdown(tr, k.working_days_left),
                })
                .collect();
            render(StatusCode::OK, &ListPage { page: chrome, rows })
        }
        Err(e) => app_error_page(&chrome, e),
    }
}

pub(super) struct StepRow {
    on: String,
    step: String,
    outcome: String,
    note: String,
}

#[derive(Template)]
#[template(path = "complaint.html")]
struct OnePage {
    page: Chrome,
    id: i64,
    case_id: i64,
    subject: String,
    wish: String,
    against: String,
    received: String,
    decide_by: String,
    extended: bool,
    countdown: String,
    lessons: String,
    steps: Vec<StepRow>,
    may_handle: bool,
    step_choices: Vec<(&'static str, String)>,
    outcome_choices: Vec<(&'static str, String)>,
    error: String,
}

fn one_page(chrome: Chrome, k: ComplaintView, error: String) -> OnePage {
    let tr = chrome.tr;
    OnePage {
        id: k.id,
        case_id: k.case_id.0,
        subject: k.subject,
        wish: k.wish,
        against: match &k.against_worker {
            Some(name) => format!("{} ({name})", tr.t(&format!("complaint-against-{}", k.against.code()))),
            None => tr.t(&format!("complaint-against-{}", k.against.code())),
        },
        received: tr.date(&k.received_on),
        decide_by: tr.date(&k.decide_by),
        extended: k.extended_on.is_some(),
        countdown: countdown(tr, k.working_days_left),
        lessons: k.lessons.unwrap_or_default(),
        steps: k
            .steps
            .into_iter()
            .map(|s| StepRow {
                on: tr.date(&s.on),
                step: tr.t(&format!("complaint-step-{}", s.step.code().replace('_', "-"))),
                outcome: s
                    .outcome
                    .map(|o| tr.t(&format!("complaint-outcome-{}", o.code().replace('_', "-"))))
                    .unwrap_or_default(),
                note: s.note.unwrap_or_default(),
            })
            .collect(),
        may_handle: k.may_handle,
        step_choices: Step::ALL[1..]
            .iter()
            .map(|s| (s.code(), tr.t(&format!("complaint-step-{}", s.code().replace('_', "-")))))
            .collect(),
        outcome_choices: Outcome::ALL
            .iter()
            .map(|o| (o.code(), tr.t(&format!("complaint-outcome-{}", o.code().replace('_', "-")))))
            .collect(),
        error,
        page: chrome,
    }
}

pub(super) async fn one(State(s): State<AppState>, staff: StaffPage, Path(id): Path<i64>) -> Response {
    let chrome = staff.chrome("worklist");
    match uc::get(&s.app, &staff.actor, id).await {
        Ok(k) => render(StatusCode::OK, &one_page(chrome, k, String::new())),
        Err(e) => app_error_page(&chrome, e),
    }
}

/// After a change: back to the complaint, or the complaint again with the reason it was refused.
async fn after<T>(s: &AppState, staff: &StaffPage, id: i64, result: Result<T, AppError>) -> Response {
    let chrome = staff.chrome("worklist");
    let message = match result {
        Ok(_) => return Redirect::to(&format!("/complaints/{id}")).into_response(),
        Err(AppError::Validation(errors)) => {
            errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("; ")
        }
        Err(AppError::Conflict { message, .. }) => message,
        Err(e) => return app_error_page(&chrome, e),
    };
    let error = format!("{} {message}", chrome.tr.t("complaint-refused"));
    match uc::get(&s.app, &staff.actor, id).await {
        Ok(k) => render(StatusCode::UNPROCESSABLE_ENTITY, &one_page(chrome, k, error)),
        Err(e) => app_error_page(&chrome, e),
    }
}

pub(super) async fn step(
    State(s): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<StepInput, StaffPage>,
) -> Response {
    let PageForm { page: staff, mut input, .. } = form;
    if input.outcome.as_deref() == Some("") {
        input.outcome = None;
    }
    let result = uc::record_step(&s.app, &staff.actor, id, &input).await;
    after(&s, &staff, id, result).await
}

pub(super) async fn extend(
    State(s): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<ExtensionInput, StaffPage>,
) -> Response {
    let PageForm { page: staff, input, .. } = form;
    let result = uc::extend(&s.app, &staff.actor, id, &input).await;
    after(&s, &staff, id, result).await
}

pub(super) async fn lessons(
    State(s): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<LessonsInput, StaffPage>,
) -> Response {
    let PageForm { page: staff, input, .. } = form;
    let result = uc::record_lessons(&s.app, &staff.actor, id, &input).await;
    after(&s, &staff, id, result).await
}

/// A complaint of the case as the viewer may see it (the case's complaints page).
pub(super) struct CaseRow {
    id: i64,
    subject: String,
    received: String,
    state: String,
    steps: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "complaint_case.html")]
struct CasePage {
    page: Chrome,
    done: bool,
    case_id: i64,
    complaints: Vec<CaseRow>,
    against: Vec<(&'static str, String)>,
    chosen: String,
    errors: Vec<String>,
    subject: String,
    wish: String,
}

#[derive(serde::Deserialize)]
pub(super) struct Done {
    done: Option<String>,
}

async fn case_page(
    s: &AppState,
    staff: &StaffPage,
    case: i64,
    status: StatusCode,
    errors: Vec<String>,
    input: &ComplaintInput,
    done: bool,
) -> Response {
    let chrome = staff.chrome("worklist");
    let tr = chrome.tr;
    let list = match uc::of_case(&s.app, &staff.actor, CaseId(case)).await {
        Ok(list) => list,
        Err(e) => return app_error_page(&chrome, e),
    };
    let complaints = list
        .into_iter()
        .map(|k| CaseRow {
            id: k.id,
            subject: k.subject,
            received: tr.date(&k.received_on),
            state: state(tr, k.outcome, k.steps.last().map_or(Step::Received, |s| s.step)),
            steps: k
                .steps
                .iter()
                .map(|s| (tr.date(&s.on), tr.t(&format!("complaint-step-{}", s.step.code().replace('_', "-")))))
                .collect(),
        })
        .collect();
    let page = CasePage {
        done,
        case_id: case,
        complaints,
        against: Against::ALL
            .iter()
            .map(|a| (a.code(), tr.t(&format!("complaint-case-against-{}", a.code()))))
            .collect(),
        chosen: input.against.clone().unwrap_or_else(|| Against::ALL[0].code().to_owned()),
        errors,
        subject: input.subject.clone().unwrap_or_default(),
        wish: input.wish.clone().unwrap_or_default(),
        page: chrome,
    };
    render(status, &page)
}

/// `/cases/{id}/complaints`: the case's complaints the viewer may see, and the form to register one.
pub(super) async fn case_complaints(
    State(s): State<AppState>,
    staff: StaffPage,
    Path(id): Path<i64>,
    Query(q): Query<Done>,
) -> Response {
    let done = q.done.as_deref() == Some("registered");
    case_page(&s, &staff, id, StatusCode::OK, Vec::new(), &ComplaintInput::default(), done).await
}

/// Registers a complaint on the case (staff of the case's team), received today.
pub(super) async fn case_register(
    State(s): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<ComplaintInput, StaffPage>,
) -> Response {
    let PageForm { page: staff, mut input, .. } = form;
    input.case_id = Some(id);
    if input.complainant_person_id == Some(0) {
        input.complainant_person_id = None;
    }
    match uc::register(&s.app, &staff.actor, &input).await {
        // The registering worker may not see it afterwards (decision 0032): back to the case's list.
        Ok(_) => Redirect::to(&format!("/cases/{id}/complaints?done=registered")).into_response(),
        Err(AppError::Validation(errors)) => {
            let tr = staff.chrome("worklist").tr;
            let errors = errors
                .iter()
                .map(|e| match e.field.as_str() {
                    "subject" | "against" | "wish" => tr.t(&format!("complaint-case-{}", e.field)),
                    other => format!("{other}: {}", e.message),
                })
                .collect();
            case_page(&s, &staff, id, StatusCode::UNPROCESSABLE_ENTITY, errors, &input, false).await
        }
        Err(e) => app_error_page(&staff.chrome("worklist"), e),
    }
}
