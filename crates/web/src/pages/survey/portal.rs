//! The experience survey in Mijn Buurtteam (`/portal/survey`): the logged-in person's open
//! invitations, and the same questions as the public page, answered there (channel `portal`).

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use buurtteam_app::AppError;
use buurtteam_app::survey as uc;

use super::super::form::{FormState, PageForm};
use super::super::portal::PortalPage;
use super::super::{Chrome, app_error_page, render};
use super::{Questions, read_answers};
use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/portal/survey", get(list)).route("/portal/survey/{id}", get(questions).post(submit))
}

/// An open invitation in the portal.
pub struct Open {
    pub href: String,
    pub moment: String,
    pub until: String,
    pub reminded: bool,
}

#[derive(Template)]
#[template(path = "survey/portal.html")]
struct ListPage {
    page: Chrome,
    open: Vec<Open>,
    done: bool,
}

#[derive(Template)]
#[template(path = "survey/portal_answer.html")]
struct AnswerPage {
    page: Chrome,
    action: String,
    questions: Questions,
    form: FormState,
    csrf: String,
    /// The paper form (staff): the code field comes first.
    paper: bool,
}

async fn list_page(state: &AppState, portal: &PortalPage, done: bool) -> Response {
    let chrome = portal.chrome("portal-survey");
    let tr = chrome.tr;
    match uc::open_for_me(&state.app, &portal.actor).await {
        Ok(open) => {
            let open = open
                .into_iter()
                .map(|v| Open {
                    href: format!("/portal/survey/{}", v.id),
                    moment: tr.t(&format!("survey-moment-{}", v.moment.code().replace('_', "-"))),
                    until: tr.date(&v.expires_on),
                    reminded: v.reminded,
                })
                .collect();
            render(StatusCode::OK, &ListPage { page: chrome, open, done })
        }
        Err(e) => app_error_page(&chrome, e),
    }
}

async fn list(State(state): State<AppState>, portal: PortalPage, uri: axum::http::Uri) -> Response {
    let done = uri.query().is_some_and(|q| q.contains("done=survey-answered"));
    list_page(&state, &portal, done).await
}

async fn answer_page(state: &AppState, portal: &PortalPage, id: i64, form: FormState, status: StatusCode) -> Response {
    let chrome = portal.chrome("portal-survey");
    match uc::open_in_portal(&state.app, &portal.actor, id).await {
        Ok(opened) => {
            let page = AnswerPage {
                action: format!("/portal/survey/{id}"),
                questions: Questions::new(chrome.tr, &opened.questionnaire),
                form,
                csrf: chrome.csrf.clone(),
                paper: false,
                page: chrome,
            };
            render(status, &page)
        }
        Err(e) => app_error_page(&chrome, e),
    }
}

async fn questions(State(state): State<AppState>, portal: PortalPage, Path(id): Path<i64>) -> Response {
    answer_page(&state, &portal, id, FormState::default(), StatusCode::OK).await
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct NoInput {}

async fn submit(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<NoInput, PortalPage>) -> Response {
    let portal = &form.page;
    let tr = portal.chrome("portal-survey").tr;
    let opened = match uc::open_in_portal(&state.app, &portal.actor, id).await {
        Ok(o) => o,
        Err(e) => return app_error_page(&portal.chrome("portal-survey"), e),
    };
    let input = match read_answers(tr, &opened.questionnaire, &form.values) {
        Ok(i) => i,
        Err(errors) => {
            let shown = FormState::new(form.values.clone()).with_errors(tr, &errors);
            return answer_page(&state, portal, id, shown, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    match uc::answer_in_portal(&state.app, &portal.actor, id, &input).await {
        Ok(()) => Redirect::to("/portal/survey?done=survey-answered").into_response(),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(form.values.clone()).with_errors(tr, &errors);
            answer_page(&state, portal, id, shown, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => app_error_page(&portal.chrome("portal-survey"), e),
    }
}
