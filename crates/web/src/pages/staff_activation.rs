//! `/account/activate`: a member of staff sets their password with the one-time code the admin
//! handed over (a new account, or a forgotten password), then is logged in. The flow is the
//! portal's (`pages::activation`), and so are the protections (`app::accounts::activate`).

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use buurtteam_app::accounts::{StaffActivateInput, activate};

use super::activation::Flow;
use super::form::{FormData, FormState};
use super::{AnyPage, Chrome, render};
use crate::AppState;
use crate::session::ClientAddr;

#[derive(Template)]
#[template(path = "account_activate.html")]
struct ActivatePage {
    page: Chrome,
    form: FormState,
}

const FLOW: Flow = Flow {
    cookie: "bt_staff_activate",
    path: "/account/activate",
    current: "account",
    messages: "staff-activate",
    home: "/",
    fallback: "/login",
    render: |status, page, form| render(status, &ActivatePage { page, form }),
};

pub async fn form(State(state): State<AppState>, page: AnyPage) -> Response {
    FLOW.page(&state, page.chrome, StatusCode::OK, FormState::default())
}

pub async fn submit(
    State(state): State<AppState>,
    page: AnyPage,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    form: FormData,
) -> Response {
    let app = state.app.clone();
    FLOW.submit(&state, page.chrome, client, &headers, form, |code, email, password| async move {
        activate(&app, &StaffActivateInput { code, email: Some(email), password: Some(password) }, client).await
    })
    .await
}
