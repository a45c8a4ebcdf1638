//! `/emergency-access`: a family worker or team manager asks for emergency access to a file of
//! another team (decision 0023) by its number and a reason, and lands on the file, read only.
//! The search page links here ("Noodtoegang"). An unknown number answers as an unknown case
//! does everywhere (the 404 page), and is logged.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_app::AppError;
use buurtteam_app::privacy::emergency::{self as uc, NumberInput};

use super::form::{FormState, PageForm, Scope};
use super::{Chrome, StaffPage, app_error_page, render, saved};
use crate::AppState;

#[derive(Template)]
#[template(path = "emergency.html")]
struct RequestPage {
    page: Chrome,
    form: FormState,
    hours: i64,
}

fn scope() -> Scope {
    Scope::new("", "emergency")
}

fn show(state: &AppState, staff: &StaffPage, form: FormState, status: StatusCode) -> Response {
    let page =
        RequestPage { page: staff.chrome("search"), form, hours: i64::from(state.app.settings.emergency_access_hours) };
    render(status, &page)
}

pub async fn form(State(state): State<AppState>, staff: StaffPage) -> Response {
    if let Err(e) = uc::open_request(&state.app, &staff.actor).await {
        return app_error_page(&staff.chrome("search"), e);
    }
    show(&state, &staff, FormState::default().in_scope(scope()), StatusCode::OK)
}

pub async fn submit(State(state): State<AppState>, form: PageForm<NumberInput>) -> Response {
    let staff = &form.page;
    match uc::request_by_number(&state.app, &staff.actor, &form.input).await {
        Ok(granted) => saved(&format!("/cases/{}", granted.case_id.0), "emergency-granted"),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(form.values.clone()).in_scope(scope()).with_errors(staff.tr(), &errors);
            show(&state, staff, shown, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) => app_error_page(&staff.chrome("search"), e),
    }
}
