//! `/admin/processing`: the processing register (verwerkingsregister, AVG art. 30). The list of
//! the product's processing activities with purpose, legal basis and retention, and a page per
//! activity to change its texts (each change a new version, logged with before and after). The
//! privacy officer reads the same list at `/privacy/processing` (`pages::privacy`).

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use buurtteam_app::AppError;
use buurtteam_app::processing::{self as uc, ActivityInput};
use buurtteam_store::processing::Activity;

use super::AdminPage;
use crate::AppState;
use crate::pages::form::{FormData, FormState, PageForm, Scope};
use crate::pages::i18n::{Lang, Tr};
use crate::pages::{Chrome, StaffPage, app_error_page, render, saved};

pub fn routes() -> Router<AppState> {
    Router::new().route("/admin/processing", get(list)).route("/admin/processing/{code}", get(edit).post(submit))
}

/// One activity as the list shows it.
pub(crate) struct Row {
    pub code: String,
    pub name: String,
    pub purpose: String,
    pub legal_basis: String,
    pub data_subjects: String,
    pub data_categories: String,
    pub retention: String,
    pub version: i64,
    pub status: String,
}

pub(crate) fn rows(tr: Tr, all: Vec<Activity>) -> Vec<Row> {
    all.into_iter()
        .map(|a| Row {
            name: match tr.lang {
                Lang::Nl => a.texts.name_nl,
                Lang::En => a.texts.name_en,
            },
            purpose: a.texts.purpose,
            legal_basis: a.texts.legal_basis,
            data_subjects: a.texts.data_subjects,
            data_categories: a.texts.data_categories,
            retention: a.texts.retention,
            version: a.version,
            status: tr.t(if a.texts.active { "processing-active" } else { "processing-inactive" }),
            code: a.code,
        })
        .collect()
}

#[derive(Template)]
#[template(path = "admin/processing.html")]
pub(crate) struct ListPage {
    pub page: Chrome,
    pub rows: Vec<Row>,
    /// Admins change activities; the privacy officer reads them.
    pub editable: bool,
    pub back_href: &'static str,
    pub back_text: String,
}

async fn list(State(state): State<AppState>, AdminPage(admin): AdminPage) -> Response {
    let chrome = admin.chrome("admin");
    let tr = chrome.tr;
    let all = or_error_page!(uc::list_activities(&state.app, &admin.actor).await, &chrome);
    render(
        StatusCode::OK,
        &ListPage {
            rows: rows(tr, all),
            editable: true,
            back_href: "/admin",
            back_text: tr.t("admin-back"),
            page: chrome,
        },
    )
}

#[derive(Template)]
#[template(path = "admin/processing_edit.html")]
struct EditPage {
    page: Chrome,
    code: String,
    name: String,
    version: i64,
    form: FormState,
    actives: Vec<(String, String)>,
}

/// The ids of the form's fields (`processing-purpose`) and their labels in error summaries
/// (`label-processing-purpose`).
fn scope() -> Scope {
    Scope::new("processing", "processing")
}

/// The form's values from the activity as it is.
fn values(a: &Activity) -> FormData {
    let t = &a.texts;
    FormData(vec![
        ("name_nl".to_owned(), t.name_nl.clone()),
        ("name_en".to_owned(), t.name_en.clone()),
        ("purpose".to_owned(), t.purpose.clone()),
        ("legal_basis".to_owned(), t.legal_basis.clone()),
        ("data_subjects".to_owned(), t.data_subjects.clone()),
        ("data_categories".to_owned(), t.data_categories.clone()),
        ("retention".to_owned(), t.retention.clone()),
        ("active".to_owned(), t.active.to_string()),
    ])
}

async fn edit_page(
    state: &AppState,
    admin: &StaffPage,
    code: &str,
    status: StatusCode,
    form: Option<FormState>,
) -> Response {
    let chrome = admin.chrome("admin");
    let tr = chrome.tr;
    let activity = or_error_page!(uc::get_activity(&state.app, &admin.actor, code).await, &chrome);
    let form = form.unwrap_or_else(|| FormState::new(values(&activity)).in_scope(scope()));
    let name = match tr.lang {
        Lang::Nl => activity.texts.name_nl.clone(),
        Lang::En => activity.texts.name_en.clone(),
    };
    let actives =
        vec![("true".to_owned(), tr.t("processing-active")), ("false".to_owned(), tr.t("processing-inactive"))];
    render(status, &EditPage { code: activity.code, name, version: activity.version, form, actives, page: chrome })
}

async fn edit(State(state): State<AppState>, AdminPage(admin): AdminPage, Path(code): Path<String>) -> Response {
    edit_page(&state, &admin, &code, StatusCode::OK, None).await
}

async fn submit(State(state): State<AppState>, Path(code): Path<String>, form: PageForm<ActivityInput>) -> Response {
    let PageForm { page: admin, mut input, values, .. } = form;
    // An emptied field arrives as absent, which would keep the text: on this form it is empty.
    for (name, field) in [
        ("name_nl", &mut input.name_nl),
        ("name_en", &mut input.name_en),
        ("purpose", &mut input.purpose),
        ("legal_basis", &mut input.legal_basis),
        ("data_subjects", &mut input.data_subjects),
        ("data_categories", &mut input.data_categories),
        ("retention", &mut input.retention),
    ] {
        if field.is_none() && values.get(name).is_some() {
            *field = Some(String::new());
        }
    }
    match uc::change_activity(&state.app, &admin.actor, &code, &input).await {
        Ok(_) => saved("/admin/processing", "processing-changed"),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(values).in_scope(scope()).with_errors(admin.tr(), &errors);
            edit_page(&state, &admin, &code, StatusCode::UNPROCESSABLE_ENTITY, Some(shown)).await
        }
        Err(e) => app_error_page(&admin.chrome("admin"), e),
    }
}
