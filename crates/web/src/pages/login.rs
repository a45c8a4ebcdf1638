//! Logging in (password, then the second factor where the account has one) and out.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use buurtteam_app::{AppError, auth};
use serde::Deserialize;

use super::form::{FormData, FormState};
use super::{AnyPage, Chrome, render};
use crate::AppState;
use crate::session::{self, ClientAddr};

/// The cookie with the log-in form's CSRF token (there is no session yet to tie it to).
const LOGIN_CSRF_COOKIE: &str = "bt_login";

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    page: Chrome,
    form: FormState,
    next: String,
    /// A notice above the form (logged out, session ended).
    notice: Option<String>,
    /// "Inloggen met <provider>" (single sign-on, `pages::sso`).
    buttons: Vec<super::sso::Button>,
    /// The e-mail and password form (staff passwords can be switched off).
    password_form: bool,
}

#[derive(Template)]
#[template(path = "second_factor.html")]
struct SecondFactorPage {
    page: Chrome,
    form: FormState,
    next: String,
}

#[derive(Deserialize, Default)]
pub struct NextQuery {
    next: Option<String>,
    #[serde(default)]
    reason: Option<String>,
}

/// Only paths of this site: a log-in must not send anyone to another site.
fn safe_next(next: Option<&str>) -> String {
    super::redirect::same_origin_path(next)
}

pub(super) fn new_csrf() -> String {
    let mut bytes = [0u8; 16];
    rand::fill(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The log-in form, with a fresh CSRF token in a cookie and in the form.
fn login_page(
    state: &AppState,
    mut chrome: Chrome,
    status: StatusCode,
    form: FormState,
    next: String,
    notice: Option<String>,
) -> Response {
    let token = new_csrf();
    chrome.csrf = token.clone();
    chrome.current = "login";
    // On the way into Mijn Buurtteam the page speaks to a family.
    if next.starts_with("/portal") {
        chrome.tr = chrome.tr.for_family();
    }
    let buttons = super::sso::buttons(state, &chrome, &next);
    let password_form = super::sso::password_form(state, &next);
    let mut r = render(status, &LoginPage { page: chrome, form, next, notice, buttons, password_form });
    let secure = if state.config.secure_cookies { "; Secure" } else { "" };
    let c = format!("{LOGIN_CSRF_COOKIE}={token}; Path=/login; HttpOnly; SameSite=Strict; Max-Age=3600{secure}");
    if let Ok(v) = HeaderValue::from_str(&c) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

pub async fn form(State(state): State<AppState>, page: AnyPage, Query(q): Query<NextQuery>) -> Response {
    let next = safe_next(q.next.as_deref());
    let tr = if next.starts_with("/portal") { page.chrome.tr.for_family() } else { page.chrome.tr };
    let notice = match q.reason.as_deref() {
        Some("logged-out") => Some(tr.t("login-logged-out")),
        Some("activated") => Some(tr.t("portal-login-activated")),
        _ => None,
    };
    login_page(&state, page.chrome, StatusCode::OK, FormState::default(), next, notice)
}

pub async fn submit(
    State(state): State<AppState>,
    page: AnyPage,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    form: FormData,
) -> Response {
    let tr = page.chrome.tr;
    let next = safe_next(form.get("next"));
    let expected = session::cookie_value(&headers, LOGIN_CSRF_COOKIE).unwrap_or_default();
    let mut shown = FormState::new(FormData(vec![("email".into(), form.get("email").unwrap_or_default().to_owned())]));
    if expected.is_empty() || !super::constant_eq(form.get("_csrf").unwrap_or_default().as_bytes(), expected.as_bytes())
    {
        shown.general = Some(tr.t("login-expired-form"));
        return login_page(&state, page.chrome, StatusCode::FORBIDDEN, shown, next, None);
    }
    let attempt = auth::Credentials {
        email: form.get("email").unwrap_or_default(),
        password: form.get("password").unwrap_or_default(),
        second_factor: None,
        allow_pending: true,
        client,
    };
    match auth::login(&state.app, &attempt).await {
        Ok(logged_in) => {
            // Portal accounts start in Mijn Buurtteam rather than at the staff start page.
            let next = if next == "/" { logged_in.user.role.start_page().to_owned() } else { next };
            let target = if logged_in.second_factor_pending {
                format!("/login/second-factor?next={}", urlencode(&next))
            } else {
                next
            };
            let mut r = Redirect::to(&target).into_response();
            r.headers_mut().append(header::SET_COOKIE, session::cookie(&state, &logged_in.token));
            r
        }
        Err(AppError::Unauthenticated) => {
            shown.general = Some(tr.t("login-failed"));
            login_page(&state, page.chrome, StatusCode::UNAUTHORIZED, shown, next, None)
        }
        Err(AppError::Forbidden(_)) => {
            shown.general = Some(tr.t("login-password-off"));
            login_page(&state, page.chrome, StatusCode::FORBIDDEN, shown, next, None)
        }
        Err(AppError::TooManyAttempts { retry_after, account_locked }) => {
            let minutes = (retry_after.as_secs() + 59) / 60;
            let key = if account_locked { "login-locked" } else { "login-throttled" };
            shown.general = Some(tr.t1(key, "minutes", minutes));
            let mut r = login_page(&state, page.chrome, StatusCode::TOO_MANY_REQUESTS, shown, next, None);
            r.headers_mut().insert(header::RETRY_AFTER, retry_after.as_secs().into());
            r
        }
        Err(e) => super::app_error_page(&page.chrome, e),
    }
}

pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub async fn second_factor_form(page: AnyPage, headers: HeaderMap, Query(q): Query<NextQuery>) -> Response {
    let Some(token) = session::token(&headers) else { return Redirect::to("/login").into_response() };
    let mut chrome = page.chrome;
    chrome.set_session_csrf(&token);
    render(
        StatusCode::OK,
        &SecondFactorPage { page: chrome, form: FormState::default(), next: safe_next(q.next.as_deref()) },
    )
}

pub async fn second_factor_submit(
    State(state): State<AppState>,
    page: AnyPage,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    form: FormData,
) -> Response {
    let Some(token) = session::token(&headers) else { return Redirect::to("/login").into_response() };
    let mut chrome = page.chrome;
    chrome.set_session_csrf(&token);
    let tr = chrome.tr;
    let next = safe_next(form.get("next"));
    if !chrome.csrf_accepts(form.get("_csrf").unwrap_or_default()) {
        return super::error_page(&chrome, StatusCode::FORBIDDEN, "error-csrf-title", "error-csrf-detail");
    }
    match auth::second_factor(&state.app, &token, form.get("code").unwrap_or_default(), client).await {
        Ok(_) => Redirect::to(&next).into_response(),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(FormData::default()).with_errors(tr, &errors);
            render(StatusCode::UNPROCESSABLE_ENTITY, &SecondFactorPage { page: chrome, form: shown, next })
        }
        Err(AppError::TooManyAttempts { retry_after, .. }) => {
            let minutes = (retry_after.as_secs() + 59) / 60;
            let shown = FormState { general: Some(tr.t1("login-locked", "minutes", minutes)), ..Default::default() };
            render(StatusCode::TOO_MANY_REQUESTS, &SecondFactorPage { page: chrome, form: shown, next })
        }
        Err(AppError::Unauthenticated) => Redirect::to("/login").into_response(),
        Err(e) => super::app_error_page(&chrome, e),
    }
}

/// Ends the session on the server and clears the cookie: for staff and portal accounts alike
/// (the form carries the session's CSRF token).
pub async fn logout(State(state): State<AppState>, page: AnyPage, headers: HeaderMap, form: FormData) -> Response {
    let Some(token) = session::token(&headers) else { return Redirect::to("/login").into_response() };
    let sent = form.get("_csrf").unwrap_or_default();
    if !super::csrf_matches(sent, &super::csrf_token(&token)) {
        return super::error_page(&page.chrome, StatusCode::FORBIDDEN, "error-csrf-title", "error-csrf-detail");
    }
    // A session from a provider that ends sessions too goes on to end that one.
    let at_provider = buurtteam_app::sso::end_session_url(&state.app, &token).await;
    if let Err(e) = auth::logout(&state.app, &token).await {
        return super::app_error_page(&page.chrome, e);
    }
    // A family member logged out of Mijn Buurtteam is spoken to as one on the log-in page.
    let to = if form.get("next") == Some("/portal") {
        "/login?reason=logged-out&next=/portal"
    } else {
        "/login?reason=logged-out"
    };
    let mut r = match at_provider {
        Some((provider, url)) => super::sso::on_to_provider(&state, page.chrome, &provider, url),
        None => Redirect::to(to).into_response(),
    };
    r.headers_mut().insert(header::SET_COOKIE, session::clear_cookie(&state));
    r
}
