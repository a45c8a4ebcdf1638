//! The experience survey's pages (issue 17): the public page a code opens (`/survey`,
//! `/survey/{code}`: no account, phone first, no JavaScript needed), the same questions in Mijn
//! Buurtteam (`portal`), the case file's invitations, letter and paper responses (`staff`),
//! and the admins' questionnaire (`admin`).

pub mod admin;
pub mod portal;
pub mod staff;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use buurtteam_app::AppError;
use buurtteam_app::survey::{self as uc, AnswerIn, ResponseInput};
use buurtteam_domain::survey::normalise_code;
use buurtteam_domain::validation::FieldError;
use buurtteam_store::survey::Questionnaire;
use serde::Deserialize;

use super::form::{FormData, FormState};
use super::i18n::{Lang, Tr};
use super::{Chrome, base_chrome, render};
use crate::AppState;
use crate::session::ClientAddr;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/survey", get(enter_code))
        .route("/survey/thanks", get(thanks))
        .route("/survey/{code}", get(questions).post(submit))
        .merge(portal::routes())
        .merge(staff::routes())
        .merge(admin::routes())
}

/// One statement with its five choices, as the form shows it.
pub struct StatementView {
    /// The radio buttons' name: `agree_<id>`.
    pub name: String,
    pub text: String,
}

/// The questions of one questionnaire in the page's language.
pub struct Questions {
    pub statements: Vec<StatementView>,
    pub report_mark: bool,
    pub open_question: Option<String>,
    /// The five points of the agree scale: (value, label).
    pub scale: Vec<(String, String)>,
    /// Report marks 1 to 10, with "no mark" first.
    pub marks: Vec<(String, String)>,
}

impl Questions {
    pub fn new(tr: Tr, q: &Questionnaire) -> Self {
        let en = tr.lang == Lang::En;
        Self {
            statements: q
                .statements
                .iter()
                .map(|s| StatementView {
                    name: format!("agree_{}", s.id),
                    text: if en { s.text_en.clone() } else { s.text_nl.clone() },
                })
                .collect(),
            report_mark: q.report_mark,
            open_question: if en { q.open_question_en.clone() } else { q.open_question_nl.clone() },
            scale: (1..=5).map(|n| (n.to_string(), tr.t(&format!("survey-agree-{n}")))).collect(),
            marks: std::iter::once((String::new(), tr.t("survey-mark-none")))
                .chain((1..=10).map(|n| (n.to_string(), n.to_string())))
                .collect(),
        }
    }
}

/// Reads the answer form into the API's input; a statement left open is an error of its own
/// radio group (said in the page's words), before the use case is asked.
pub fn read_answers(tr: Tr, q: &Questionnaire, form: &FormData) -> Result<ResponseInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut answers = Vec::new();
    let en = tr.lang == Lang::En;
    for s in &q.statements {
        let name = format!("agree_{}", s.id);
        let text = if en { s.text_en.as_str() } else { s.text_nl.as_str() };
        match form.get(&name).and_then(|v| v.parse::<i64>().ok()).filter(|v| (1..=5).contains(v)) {
            Some(agree) => answers.push(AnswerIn { statement_id: Some(s.id), agree: Some(agree) }),
            None => {
                let mut e = FieldError::new(name, tr.t1("survey-error-choose", "statement", text));
                e.code("survey_choose").arg("statement", text);
                errors.push(e);
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ResponseInput {
        answers,
        report_mark: form.get("report_mark").and_then(|v| v.parse().ok()),
        comment: form.opt("comment"),
    })
}

#[derive(Template)]
#[template(path = "survey/answer.html")]
struct AnswerPage {
    page: Chrome,
    action: String,
    questions: Questions,
    form: FormState,
    csrf: String,
    /// The paper form (staff): the code field comes first.
    paper: bool,
}

#[derive(Template)]
#[template(path = "survey/message.html")]
struct MessagePage {
    page: Chrome,
    title: String,
    text: String,
    /// Show the form to type a code.
    code_form: bool,
    code_error: Option<String>,
}

/// A page without a session in the language of `?lang=`, else the switch's cookie.
fn chrome_for(state: &AppState, headers: &HeaderMap, path: &str, lang: Option<&str>) -> Chrome {
    let mut chrome = base_chrome(state, headers, path);
    // No choice made on this site yet: the browser's language, if it is English.
    let chosen = crate::session::cookie_value(headers, super::i18n::LANG_COOKIE).is_some();
    let browser = (!chosen && crate::api::survey::english(None, headers)).then_some(Lang::En);
    if let Some(lang) = lang.and_then(Lang::parse).or(browser) {
        chrome.tr = Tr::new(lang).with_labels(state.app.labels);
    }
    chrome.current = "survey";
    chrome
}

fn message(chrome: Chrome, status: StatusCode, key: &str, code_form: bool, code_error: Option<String>) -> Response {
    let tr = chrome.tr;
    let page = MessagePage {
        title: tr.t(&format!("survey-{key}-title")),
        text: tr.t(&format!("survey-{key}-text")),
        page: chrome,
        code_form,
        code_error,
    };
    render(status, &page)
}

#[derive(Debug, Deserialize)]
pub struct CodeQuery {
    code: Option<String>,
    lang: Option<String>,
}

/// `/survey`: type the code from the letter (the QR code leads straight to `/survey/{code}`).
async fn enter_code(State(state): State<AppState>, headers: HeaderMap, Query(q): Query<CodeQuery>) -> Response {
    let chrome = chrome_for(&state, &headers, "/survey", q.lang.as_deref());
    match q.code.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(typed) => match normalise_code(typed) {
            Some(code) => Redirect::to(&format!("/survey/{code}")).into_response(),
            None => {
                let error = chrome.tr.t("survey-error-code");
                message(chrome, StatusCode::UNPROCESSABLE_ENTITY, "start", true, Some(error))
            }
        },
        None => message(chrome, StatusCode::OK, "start", true, None),
    }
}

async fn thanks(State(state): State<AppState>, headers: HeaderMap, Query(q): Query<CodeQuery>) -> Response {
    message(chrome_for(&state, &headers, "/survey/thanks", q.lang.as_deref()), StatusCode::OK, "thanks", false, None)
}

/// The page of an error with a code: expired or unknown, already answered, held off.
fn code_error(chrome: Chrome, e: AppError) -> Response {
    match e {
        AppError::NotFound(_) => message(chrome, StatusCode::NOT_FOUND, "expired", true, None),
        AppError::Conflict { .. } => message(chrome, StatusCode::CONFLICT, "answered", false, None),
        AppError::TooManyActivations { retry_after } => {
            let mut r = message(chrome, StatusCode::TOO_MANY_REQUESTS, "held-off", false, None);
            r.headers_mut().insert(header::RETRY_AFTER, retry_after.as_secs().into());
            r
        }
        other => super::app_error_page(&chrome, other),
    }
}

#[derive(Debug, Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

async fn questions(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    Path(code): Path<String>,
    Query(q): Query<LangQuery>,
) -> Response {
    let chrome = chrome_for(&state, &headers, &format!("/survey/{code}"), q.lang.as_deref());
    match uc::open(&state.app, &code, client).await {
        Ok(opened) => answer_page(chrome, &code, &opened.questionnaire, FormState::default(), StatusCode::OK),
        Err(e) => code_error(chrome, e),
    }
}

fn answer_page(chrome: Chrome, code: &str, q: &Questionnaire, form: FormState, status: StatusCode) -> Response {
    let questions = Questions::new(chrome.tr, q);
    let page = AnswerPage {
        action: format!("/survey/{code}"),
        questions,
        form,
        csrf: String::new(),
        paper: false,
        page: chrome,
    };
    render(status, &page)
}

async fn submit(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    Path(code): Path<String>,
    Query(q): Query<LangQuery>,
    form: FormData,
) -> Response {
    let chrome = chrome_for(&state, &headers, &format!("/survey/{code}"), q.lang.as_deref());
    let tr = chrome.tr;
    let opened = match uc::open(&state.app, &code, client).await {
        Ok(o) => o,
        Err(e) => return code_error(chrome, e),
    };
    let input = match read_answers(tr, &opened.questionnaire, &form) {
        Ok(input) => input,
        Err(errors) => {
            let shown = FormState::new(form).with_errors(tr, &errors);
            return answer_page(chrome, &code, &opened.questionnaire, shown, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    match uc::answer(&state.app, &code, &input, client).await {
        Ok(()) => Redirect::to(&format!("/survey/thanks?lang={}", tr.lang.code())).into_response(),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(form).with_errors(tr, &errors);
            answer_page(chrome, &code, &opened.questionnaire, shown, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) => code_error(chrome, e),
    }
}
