//! The experience survey in the case file (`/cases/{id}/survey`): who was invited, when, and
//! whether they answered (never what); inviting a parent or a client from 12; printing the
//! letter with the code and its QR code; typing in a paper response against its code.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use buurtteam_app::AppError;
use buurtteam_app::survey::{self as uc, InvitationView, InviteInput, PaperInput};
use buurtteam_domain::ids::CaseId;
use buurtteam_domain::survey::{self as rules, Moment};
use buurtteam_domain::validation::FieldError;
use serde::Deserialize;

use super::super::form::{FormState, PageForm};
use super::super::{Chrome, StaffPage, app_error_page, render, saved};
use super::{Questions, read_answers};
use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cases/{id}/survey", get(page))
        .route("/cases/{id}/survey-invitations", post(invite))
        .route("/cases/{id}/survey-invitations/{inv}/letter", get(letter))
        .route("/cases/{id}/survey-responses", post(paper))
}

/// An invitation as the list shows it.
pub struct Row {
    pub name: String,
    pub moment: String,
    pub invited_on: String,
    pub state: String,
    pub letter_href: Option<String>,
    /// Reminded and not answered: hand the letter over again.
    pub hand_over: bool,
}

#[derive(Template)]
#[template(path = "survey/case.html")]
struct CasePage {
    page: Chrome,
    id: i64,
    title: String,
    rows: Vec<Row>,
    people: Vec<(String, String)>,
    moments: Vec<(String, String)>,
    invite_form: FormState,
    /// The paper form (its answers, as the family ticked them).
    form: FormState,
    /// The questions of the paper form (the newest questionnaire).
    questions: Questions,
    action: String,
    csrf: String,
    /// The paper form (staff): the code field comes first.
    paper: bool,
}

fn row(tr: super::super::i18n::Tr, case: i64, v: &InvitationView) -> Row {
    let state = if v.answered {
        "answered"
    } else if v.expired {
        "expired"
    } else if v.reminded {
        "reminded"
    } else {
        "open"
    };
    Row {
        name: v.name.clone(),
        moment: tr.t(&format!("survey-moment-{}", v.moment.code().replace('_', "-"))),
        invited_on: tr.date(&v.invited_on),
        state: tr.t1(&format!("survey-state-{state}"), "date", tr.date(&v.expires_on)),
        letter_href: v.printable.then(|| format!("/cases/{case}/survey-invitations/{}/letter", v.id)),
        hand_over: v.reminded && !v.answered && !v.expired,
    }
}

async fn show(
    state: &AppState,
    staff: &StaffPage,
    id: i64,
    invite_form: FormState,
    paper_form: FormState,
    status: StatusCode,
) -> Response {
    let chrome = staff.chrome("");
    let tr = staff.tr();
    let file = match buurtteam_app::cases::file(&state.app, &staff.actor, CaseId(id)).await {
        Ok(f) => f,
        Err(e) => return app_error_page(&chrome, e),
    };
    let invitations = match uc::of_case(&state.app, &staff.actor, CaseId(id)).await {
        Ok(v) => v,
        Err(e) => return app_error_page(&chrome, e),
    };
    let questionnaire = {
        let mut tx = match state.app.db.begin_read().await {
            Ok(tx) => tx,
            Err(e) => return app_error_page(&chrome, e.into()),
        };
        match buurtteam_store::survey::current(&mut tx).await {
            Ok(q) => q,
            Err(e) => return app_error_page(&chrome, e.into()),
        }
    };
    // Only who is asked: the parents, and the clients from 12.
    let clients: Vec<_> = file.view.case.clients.iter().map(|c| c.person_id).collect();
    let today = state.app.today();
    let people = std::iter::once((String::new(), tr.t("choose")))
        .chain(
            file.household
                .members
                .iter()
                .filter(|m| {
                    let member = rules::Member {
                        id: m.id,
                        role: m.role,
                        birth_date: m.birth_date,
                        client: clients.contains(&m.id),
                    };
                    rules::respondent(&member, today).is_some()
                })
                .map(|m| (m.id.0.to_string(), format!("{} {}", m.given_name, m.family_name))),
        )
        .collect();
    let moments = Moment::ALL
        .iter()
        .map(|m| (m.code().to_owned(), tr.t(&format!("survey-moment-{}", m.code().replace('_', "-")))))
        .collect();
    let page = CasePage {
        id,
        title: file.view.case.clients_label(),
        rows: invitations.iter().map(|v| row(tr, id, v)).collect(),
        people,
        moments,
        invite_form,
        form: paper_form,
        questions: Questions::new(tr, &questionnaire),
        action: format!("/cases/{id}/survey-responses"),
        csrf: chrome.csrf.clone(),
        paper: true,
        page: chrome,
    };
    render(status, &page)
}

async fn page(State(state): State<AppState>, staff: StaffPage, Path(id): Path<i64>) -> Response {
    show(&state, &staff, id, FormState::default(), FormState::default(), StatusCode::OK).await
}

async fn invite(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<InviteInput>) -> Response {
    let staff = &form.page;
    match uc::invite(&state.app, &staff.actor, CaseId(id), &form.input).await {
        Ok(invited) => Redirect::to(&format!("/cases/{id}/survey-invitations/{}/letter", invited.id)).into_response(),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(form.values.clone()).with_errors(staff.tr(), &errors);
            show(&state, staff, id, shown, FormState::default(), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict { message, .. }) => {
            let mut shown = FormState::new(form.values.clone());
            shown.general = Some(if message.contains("already invited") {
                staff.tr().t("survey-already-invited")
            } else {
                staff.tr().t("survey-not-started")
            });
            show(&state, staff, id, shown, FormState::default(), StatusCode::CONFLICT).await
        }
        Err(e) => app_error_page(&staff.chrome(""), e),
    }
}

#[derive(Template)]
#[template(path = "survey/letter.html")]
struct LetterPage {
    page: Chrome,
    back: String,
    name: String,
    team: String,
    team_phone: String,
    moment: String,
    expires_on: String,
    code: Option<String>,
    link: String,
    qr: String,
}

async fn letter(
    State(state): State<AppState>,
    staff: StaffPage,
    headers: HeaderMap,
    Path((id, inv)): Path<(i64, i64)>,
) -> Response {
    let chrome = staff.chrome("");
    let tr = staff.tr();
    let letter = match uc::letter(&state.app, &staff.actor, CaseId(id), inv).await {
        Ok(l) => l,
        Err(e) => return app_error_page(&chrome, e),
    };
    // The link on paper must be whole: this server's own address, as the browser reached it.
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    let base = format!("{}://{host}", if state.config.secure_cookies { "https" } else { "http" });
    let link = letter.code.as_ref().map(|c| format!("{base}/survey/{}", c.replace('-', ""))).unwrap_or_default();
    let qr = if link.is_empty() { String::new() } else { qr_svg(&link) };
    let page = LetterPage {
        back: format!("/cases/{id}/survey"),
        name: letter.name,
        team: letter.team,
        team_phone: letter.team_phone.unwrap_or_default(),
        moment: tr.t(&format!("survey-moment-{}", letter.moment.code().replace('_', "-"))),
        expires_on: tr.date(&letter.expires_on),
        code: letter.code,
        link,
        qr,
        page: chrome,
    };
    render(StatusCode::OK, &page)
}

/// The QR code of a link as inline SVG (no image crate).
fn qr_svg(link: &str) -> String {
    match qrcode::QrCode::new(link.as_bytes()) {
        Ok(code) => code.render::<qrcode::render::svg::Color>().min_dimensions(160, 160).quiet_zone(true).build(),
        Err(_) => String::new(),
    }
}

/// The paper form: the code from the letter; the answers as the family ticked them.
#[derive(Debug, Default, Deserialize)]
pub struct PaperFields {
    pub code: Option<String>,
}

async fn paper(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<PaperFields>) -> Response {
    let staff = &form.page;
    let tr = staff.tr();
    let questionnaire = {
        let read = async {
            let mut tx = state.app.db.begin_read().await?;
            Ok::<_, AppError>(buurtteam_store::survey::current(&mut tx).await?)
        };
        match read.await {
            Ok(q) => q,
            Err(e) => return app_error_page(&staff.chrome(""), e),
        }
    };
    let mut errors: Vec<FieldError> = Vec::new();
    if form.input.code.as_deref().is_none_or(|c| c.trim().is_empty()) {
        let mut e = FieldError::new("code", tr.t("survey-error-code"));
        e.code("required");
        errors.push(e);
    }
    let response = match read_answers(tr, &questionnaire, &form.values) {
        Ok(r) => Some(r),
        Err(more) => {
            errors.extend(more);
            None
        }
    };
    let shown = |errors: &[FieldError]| FormState::new(form.values.clone()).with_errors(tr, errors);
    let (Some(response), true) = (response, errors.is_empty()) else {
        return show(&state, staff, id, FormState::default(), shown(&errors), StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let input = PaperInput { code: form.input.code.clone(), response };
    match uc::enter_paper(&state.app, &staff.actor, CaseId(id), &input).await {
        Ok(()) => saved(&format!("/cases/{id}/survey"), "survey-paper"),
        Err(AppError::Validation(errors)) => {
            show(&state, staff, id, FormState::default(), shown(&errors), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict { .. }) => {
            let mut state_shown = FormState::new(form.values.clone());
            state_shown.general = Some(tr.t("survey-answered-text"));
            show(&state, staff, id, FormState::default(), state_shown, StatusCode::CONFLICT).await
        }
        Err(e) => app_error_page(&staff.chrome(""), e),
    }
}
