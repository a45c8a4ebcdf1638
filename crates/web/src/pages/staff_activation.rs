//! `/account/activate`: a member of staff sets their password with the one-time code the admin
//! handed over (a new account, or a forgotten password), then is logged in. There is no
//! session yet: the form's CSRF token is tied to a cookie of its own (`bt_staff_activate`), as
//! on the portal's activation page, and the protections are the portal's too
//! (`app::accounts::activate`).

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use buurtteam_app::accounts::{StaffActivateInput, activate};
use buurtteam_app::{AppError, auth};
use buurtteam_domain::password::PasswordContext;
use buurtteam_domain::validation::FieldError;

use super::form::{FormData, FormState};
use super::{AnyPage, Chrome, app_error_page, render};
use crate::AppState;
use crate::session::{self, ClientAddr};

const CSRF_COOKIE: &str = "bt_staff_activate";

#[derive(Template)]
#[template(path = "account_activate.html")]
struct ActivatePage {
    page: Chrome,
    form: FormState,
}

fn activate_page(state: &AppState, mut chrome: Chrome, status: StatusCode, form: FormState) -> Response {
    let token = super::login::new_csrf();
    chrome.csrf = token.clone();
    chrome.current = "account";
    let mut r = render(status, &ActivatePage { page: chrome, form });
    let secure = if state.config.secure_cookies { "; Secure" } else { "" };
    let c = format!("{CSRF_COOKIE}={token}; Path=/account/activate; HttpOnly; SameSite=Strict; Max-Age=3600{secure}");
    if let Ok(v) = HeaderValue::from_str(&c) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

pub async fn form(State(state): State<AppState>, page: AnyPage) -> Response {
    activate_page(&state, page.chrome, StatusCode::OK, FormState::default())
}

/// The form's own checks: the password rules, typed the same twice.
fn password_errors(password: &str, repeat: &str, email: &str) -> Vec<FieldError> {
    let context = PasswordContext { email: Some(email), ..PasswordContext::default() };
    auth::check_new_password_twice(("password", password), ("repeat_password", repeat), &context)
        .err()
        .into_iter()
        .collect()
}

pub async fn submit(
    State(state): State<AppState>,
    page: AnyPage,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    form: FormData,
) -> Response {
    let tr = page.chrome.tr;
    let expected = session::cookie_value(&headers, CSRF_COOKIE).unwrap_or_default();
    // Passwords are never sent back to the browser.
    let kept = FormData(
        ["code", "email"].iter().map(|n| ((*n).to_owned(), form.get(n).unwrap_or_default().to_owned())).collect(),
    );
    if expected.is_empty() || form.get("_csrf") != Some(expected.as_str()) {
        let shown = FormState { general: Some(tr.t("staff-activate-expired")), ..FormState::new(kept) };
        return activate_page(&state, page.chrome, StatusCode::FORBIDDEN, shown);
    }
    let email = form.get("email").unwrap_or_default().trim().to_owned();
    let password = form.get("password").unwrap_or_default().to_owned();
    let mut errors = Vec::new();
    for field in ["code", "email"] {
        if form.get(field).is_none_or(|v| v.trim().is_empty()) {
            let mut e = FieldError::new(field, "is required");
            e.code("required");
            errors.push(e);
        }
    }
    errors.extend(password_errors(&password, form.get("repeat_password").unwrap_or_default(), &email));
    if !errors.is_empty() {
        let shown = FormState::new(kept).with_errors(tr, &errors);
        return activate_page(&state, page.chrome, StatusCode::UNPROCESSABLE_ENTITY, shown);
    }
    let input =
        StaffActivateInput { code: form.opt("code"), email: Some(email.clone()), password: Some(password.clone()) };
    match activate(&state.app, &input, client).await {
        Ok(()) => {}
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(kept).with_errors(tr, &errors);
            return activate_page(&state, page.chrome, StatusCode::UNPROCESSABLE_ENTITY, shown);
        }
        Err(AppError::TooManyActivations { retry_after }) => {
            let minutes = (retry_after.as_secs() + 59) / 60;
            let shown = FormState {
                general: Some(tr.t1("staff-activate-held-off", "minutes", minutes)),
                ..FormState::new(kept)
            };
            let mut r = activate_page(&state, page.chrome, StatusCode::TOO_MANY_REQUESTS, shown);
            r.headers_mut().insert(header::RETRY_AFTER, retry_after.as_secs().into());
            return r;
        }
        Err(e) => return app_error_page(&page.chrome, e),
    }
    // The password is set: log in with what was just typed, ending a session this browser may
    // still hold (of someone else, on a shared computer).
    if let Some(old) = session::token(&headers)
        && let Err(e) = auth::logout(&state.app, &old).await
    {
        tracing::warn!(error = %e, "ending the previous session");
    }
    let attempt =
        auth::Credentials { email: &email, password: &password, second_factor: None, allow_pending: true, client };
    match auth::login(&state.app, &attempt).await {
        Ok(logged_in) => {
            let target = if logged_in.second_factor_pending { "/login/second-factor?next=/" } else { "/" };
            let mut r = Redirect::to(target).into_response();
            r.headers_mut().append(header::SET_COOKIE, session::cookie(&state, &logged_in.token));
            r
        }
        Err(e) => {
            tracing::info!(error = %e, "log-in right after activation");
            let mut r = Redirect::to("/login").into_response();
            r.headers_mut().append(header::SET_COOKIE, session::clear_cookie(&state));
            r
        }
    }
}
