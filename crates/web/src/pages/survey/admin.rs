//! The questionnaire for admins (`/admin/survey`): the statements in Dutch and English, the
//! report mark on or off, the open question; each save that changes something is a new
//! version, and the page lists them.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use buurtteam_app::AppError;
use buurtteam_app::survey::admin::{self as uc, QuestionnaireInput, StatementInput};

use super::super::admin::AdminPage;
use super::super::form::{FormData, FormState, PageForm};
use super::super::{Chrome, StaffPage, app_error_page, render, saved};
use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/admin/survey", get(page).post(submit))
}

/// One row of the statements' table (existing ones, then empty rows to add).
pub struct Row {
    pub n: usize,
    pub key: String,
    pub text_nl: String,
    pub text_en: String,
}

/// A version in the history.
pub struct VersionRow {
    pub version: i64,
    pub at: String,
    pub by: String,
    pub statements: i64,
}

#[derive(Template)]
#[template(path = "survey/admin.html")]
struct AdminSurveyPage {
    page: Chrome,
    version: i64,
    rows: Vec<Row>,
    report_mark: bool,
    open_nl: String,
    open_en: String,
    versions: Vec<VersionRow>,
    form: FormState,
}

/// Empty rows offered to add statements.
const EMPTY_ROWS: usize = 2;

async fn show(state: &AppState, admin: &StaffPage, form: FormState, status: StatusCode) -> Response {
    let chrome = admin.chrome("admin");
    let tr = admin.tr();
    let o = match uc::overview(&state.app, &admin.actor).await {
        Ok(o) => o,
        Err(e) => return app_error_page(&chrome, e),
    };
    let sent = !form.values.0.is_empty();
    let mut rows: Vec<Row> = if sent {
        (0..form.values.all("key").len())
            .map(|n| Row {
                n,
                key: form.values.all("key").get(n).map(|s| (*s).to_owned()).unwrap_or_default(),
                text_nl: form.values.all("text_nl").get(n).map(|s| (*s).to_owned()).unwrap_or_default(),
                text_en: form.values.all("text_en").get(n).map(|s| (*s).to_owned()).unwrap_or_default(),
            })
            .collect()
    } else {
        o.current
            .statements
            .iter()
            .enumerate()
            .map(|(n, s)| Row { n, key: s.key.clone(), text_nl: s.text_nl.clone(), text_en: s.text_en.clone() })
            .collect()
    };
    if !sent {
        let start = rows.len();
        rows.extend((start..start + EMPTY_ROWS).map(|n| Row {
            n,
            key: String::new(),
            text_nl: String::new(),
            text_en: String::new(),
        }));
    }
    let (report_mark, open_nl, open_en) = if sent {
        (
            form.values.get("report_mark").is_some(),
            form.values.get("open_question_nl").unwrap_or_default().to_owned(),
            form.values.get("open_question_en").unwrap_or_default().to_owned(),
        )
    } else {
        (
            o.current.report_mark,
            o.current.open_question_nl.clone().unwrap_or_default(),
            o.current.open_question_en.clone().unwrap_or_default(),
        )
    };
    let versions = o
        .versions
        .iter()
        .map(|v| VersionRow {
            version: v.version,
            at: tr.date(&v.created_at.to_zoned(state.app.settings.time_zone.clone()).date()),
            by: v.created_by.clone().unwrap_or_else(|| tr.t("survey-admin-by-system")),
            statements: v.statements,
        })
        .collect();
    let page = AdminSurveyPage {
        version: o.current.version,
        rows,
        report_mark,
        open_nl,
        open_en,
        versions,
        form,
        page: chrome,
    };
    render(status, &page)
}

async fn page(State(state): State<AppState>, AdminPage(admin): AdminPage) -> Response {
    show(&state, &admin, FormState::default(), StatusCode::OK).await
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct NoInput {}

/// The form's rows into the API's input: `key`, `text_nl` and `text_en` repeat per row.
fn input_of(values: &FormData) -> QuestionnaireInput {
    let (keys, nl, en) = (values.all("key"), values.all("text_nl"), values.all("text_en"));
    let statements = (0..keys.len().max(nl.len()).max(en.len()))
        .map(|i| StatementInput {
            key: keys.get(i).map(|s| (*s).to_owned()),
            text_nl: nl.get(i).map(|s| (*s).to_owned()),
            text_en: en.get(i).map(|s| (*s).to_owned()),
        })
        .collect();
    QuestionnaireInput {
        statements,
        report_mark: values.get("report_mark").is_some(),
        open_question_nl: values.opt("open_question_nl"),
        open_question_en: values.opt("open_question_en"),
    }
}

async fn submit(State(state): State<AppState>, form: PageForm<NoInput>) -> Response {
    let admin = &form.page;
    match uc::save(&state.app, &admin.actor, &input_of(&form.values)).await {
        Ok(_) => saved("/admin/survey", "survey-saved"),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(form.values.clone()).with_errors(admin.tr(), &errors);
            show(&state, admin, shown, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => app_error_page(&admin.chrome("admin"), e),
    }
}
