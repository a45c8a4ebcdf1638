//! The one flow of the two activation pages, a family member's (`/portal/activate`) and a
//! member of staff's (`/account/activate`): a one-time code, an e-mail address and a new
//! password typed twice, then logged in. There is no session yet, so the form's CSRF token is
//! tied to a cookie of the page's own. What differs between the two is a [`Flow`].

use std::future::Future;
use std::net::IpAddr;

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use buurtteam_app::{AppError, auth};
use buurtteam_domain::password::PasswordContext;
use buurtteam_domain::validation::FieldError;

use super::form::{FormData, FormState};
use super::{Chrome, app_error_page};
use crate::AppState;
use crate::session;

/// What one activation page has of its own.
pub(crate) struct Flow {
    /// The cookie holding the form's CSRF token, scoped to `path`.
    pub cookie: &'static str,
    pub path: &'static str,
    /// The navigation item the page marks as current.
    pub current: &'static str,
    /// The catalogue's prefix of the page's messages (`<prefix>-expired`, `<prefix>-held-off`).
    pub messages: &'static str,
    /// Where the new account starts.
    pub home: &'static str,
    /// Where the browser goes when logging in right after activation fails.
    pub fallback: &'static str,
    /// Renders the page's template.
    pub render: fn(StatusCode, Chrome, FormState) -> Response,
}

impl Flow {
    /// The page with a fresh CSRF token in its cookie.
    pub(crate) fn page(&self, state: &AppState, mut chrome: Chrome, status: StatusCode, form: FormState) -> Response {
        let token = super::login::new_csrf();
        chrome.csrf = token.clone();
        chrome.current = self.current;
        let mut r = (self.render)(status, chrome, form);
        let secure = if state.config.secure_cookies { "; Secure" } else { "" };
        let c = format!("{}={token}; Path={}; HttpOnly; SameSite=Strict; Max-Age=3600{secure}", self.cookie, self.path);
        if let Ok(v) = HeaderValue::from_str(&c) {
            r.headers_mut().append(header::SET_COOKIE, v);
        }
        r
    }

    /// Checks the form, activates with `activate(code, email, password)` and logs the new
    /// account in; or shows the form again with what went wrong (the passwords never sent back).
    pub(crate) async fn submit<F, Fut>(
        &self,
        state: &AppState,
        chrome: Chrome,
        client: Option<IpAddr>,
        headers: &HeaderMap,
        form: FormData,
        activate: F,
    ) -> Response
    where
        F: FnOnce(Option<String>, String, String) -> Fut,
        Fut: Future<Output = Result<(), AppError>>,
    {
        let tr = chrome.tr;
        let expected = session::cookie_value(headers, self.cookie).unwrap_or_default();
        let kept = FormData(
            ["code", "email"].iter().map(|n| ((*n).to_owned(), form.get(n).unwrap_or_default().to_owned())).collect(),
        );
        if expected.is_empty() || form.get("_csrf") != Some(expected.as_str()) {
            let shown =
                FormState { general: Some(tr.t(&format!("{}-expired", self.messages))), ..FormState::new(kept) };
            return self.page(state, chrome, StatusCode::FORBIDDEN, shown);
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
            return self.page(state, chrome, StatusCode::UNPROCESSABLE_ENTITY, shown);
        }
        match activate(form.opt("code"), email.clone(), password.clone()).await {
            Ok(()) => {}
            Err(AppError::Validation(errors)) => {
                let shown = FormState::new(kept).with_errors(tr, &errors);
                return self.page(state, chrome, StatusCode::UNPROCESSABLE_ENTITY, shown);
            }
            Err(AppError::TooManyActivations { retry_after }) => {
                let minutes = (retry_after.as_secs() + 59) / 60;
                let message = tr.t1(&format!("{}-held-off", self.messages), "minutes", minutes);
                let shown = FormState { general: Some(message), ..FormState::new(kept) };
                let mut r = self.page(state, chrome, StatusCode::TOO_MANY_REQUESTS, shown);
                r.headers_mut().insert(header::RETRY_AFTER, retry_after.as_secs().into());
                return r;
            }
            Err(e) => return app_error_page(&chrome, e),
        }
        // The account is ready: log in with what was just typed, ending a session this browser
        // may still hold (of someone else, on a shared computer).
        if let Some(old) = session::token(headers)
            && let Err(e) = auth::logout(&state.app, &old).await
        {
            tracing::warn!(error = %e, "ending the previous session");
        }
        let attempt =
            auth::Credentials { email: &email, password: &password, second_factor: None, allow_pending: true, client };
        match auth::login(&state.app, &attempt).await {
            Ok(logged_in) => {
                let target = if logged_in.second_factor_pending {
                    format!("/login/second-factor?next={}", self.home)
                } else {
                    self.home.to_owned()
                };
                let mut r = Redirect::to(&target).into_response();
                r.headers_mut().append(header::SET_COOKIE, session::cookie(state, &logged_in.token));
                r
            }
            Err(e) => {
                tracing::info!(error = %e, "log-in right after activation");
                let mut r = Redirect::to(self.fallback).into_response();
                r.headers_mut().append(header::SET_COOKIE, session::clear_cookie(state));
                r
            }
        }
    }
}

/// The form's own checks, before the code is used: a new password as the rules want it (for
/// an account with this e-mail address), typed the same twice — the rule every password form
/// shares (`auth::check_new_password_twice`). The code and the address are the use case's to judge.
pub(crate) fn password_errors(password: &str, repeat: &str, email: &str) -> Vec<FieldError> {
    let context = PasswordContext { email: Some(email), ..PasswordContext::default() };
    auth::check_new_password_twice(("password", password), ("repeat_password", repeat), &context)
        .err()
        .into_iter()
        .collect()
}
