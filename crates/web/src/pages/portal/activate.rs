//! Activating a Mijn Buurtteam account with a one-time code. There is no session yet: the
//! form's CSRF token is tied to a cookie of its own instead (`bt_activate`), and the form is
//! read here rather than by `form::PageForm`.

use super::*;

/// The cookie with the activation form's CSRF token (there is no session yet to tie it to).
const ACTIVATE_CSRF_COOKIE: &str = "bt_activate";

#[derive(Template)]
#[template(path = "portal_activate.html")]
struct ActivatePage {
    page: Chrome,
    form: FormState,
}

fn activate_page(state: &AppState, mut chrome: Chrome, status: StatusCode, form: FormState) -> Response {
    let token = crate::pages::login::new_csrf();
    chrome.csrf = token.clone();
    chrome.current = "activate";
    let mut r = render(status, &ActivatePage { page: chrome, form });
    let secure = if state.config.secure_cookies { "; Secure" } else { "" };
    let c = format!(
        "{ACTIVATE_CSRF_COOKIE}={token}; Path=/portal/activate; HttpOnly; SameSite=Strict; Max-Age=3600{secure}"
    );
    if let Ok(v) = HeaderValue::from_str(&c) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

pub(super) async fn activate_form(State(state): State<AppState>, page: AnyPage) -> Response {
    activate_page(&state, page.chrome, StatusCode::OK, FormState::default())
}

/// The form's own checks, before the code is used: a new password as the rules want it (for
/// an account with this e-mail address), typed the same twice — the rule every password form
/// shares (`auth::check_new_password_twice`). The code and the address are the use case's to judge.
fn password_errors(password: &str, repeat: &str, email: &str) -> Vec<FieldError> {
    let context = PasswordContext { email: Some(email), ..PasswordContext::default() };
    auth::check_new_password_twice(("password", password), ("repeat_password", repeat), &context)
        .err()
        .into_iter()
        .collect()
}

pub(super) async fn activate_submit(
    State(state): State<AppState>,
    page: AnyPage,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    form: FormData,
) -> Response {
    let tr = page.chrome.tr;
    let expected = session::cookie_value(&headers, ACTIVATE_CSRF_COOKIE).unwrap_or_default();
    // Passwords are never sent back to the browser.
    let kept = FormData(
        ["code", "email"].iter().map(|n| ((*n).to_owned(), form.get(n).unwrap_or_default().to_owned())).collect(),
    );
    if expected.is_empty() || form.get("_csrf") != Some(expected.as_str()) {
        let shown = FormState { general: Some(tr.t("portal-activate-expired")), ..FormState::new(kept) };
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
    let input = ActivateInput { code: form.opt("code"), email: Some(email.clone()), password: Some(password.clone()) };
    match uc::activate(&state.app, &input, client).await {
        Ok(()) => {}
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(kept).with_errors(tr, &errors);
            return activate_page(&state, page.chrome, StatusCode::UNPROCESSABLE_ENTITY, shown);
        }
        Err(AppError::TooManyActivations { retry_after }) => {
            let minutes = (retry_after.as_secs() + 59) / 60;
            let shown = FormState {
                general: Some(tr.t1("portal-activate-held-off", "minutes", minutes)),
                ..FormState::new(kept)
            };
            let mut r = activate_page(&state, page.chrome, StatusCode::TOO_MANY_REQUESTS, shown);
            r.headers_mut().insert(header::RETRY_AFTER, retry_after.as_secs().into());
            return r;
        }
        Err(e) => return app_error_page(&page.chrome, e),
    }
    // The account is ready: log in with what was just typed, ending a session this browser
    // may still hold (of someone else, on a shared computer).
    if let Some(old) = session::token(&headers)
        && let Err(e) = auth::logout(&state.app, &old).await
    {
        tracing::warn!(error = %e, "ending the previous session");
    }
    let attempt =
        auth::Credentials { email: &email, password: &password, second_factor: None, allow_pending: true, client };
    match auth::login(&state.app, &attempt).await {
        Ok(logged_in) => {
            let target = if logged_in.second_factor_pending { "/login/second-factor?next=/portal" } else { "/portal" };
            let mut r = Redirect::to(target).into_response();
            r.headers_mut().append(header::SET_COOKIE, session::cookie(&state, &logged_in.token));
            r
        }
        Err(e) => {
            tracing::info!(error = %e, "log-in right after activation");
            let mut r = Redirect::to("/login?reason=activated&next=/portal").into_response();
            r.headers_mut().append(header::SET_COOKIE, session::clear_cookie(&state));
            r
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::i18n::Lang;

    #[test]
    fn the_activation_form_checks_the_new_password() {
        let email = "karin.jansen@example.nl";
        let short = password_errors("kort", "kort", email);
        assert_eq!(short.len(), 1);
        assert_eq!((short[0].field.as_str(), short[0].code), ("password", "password_too_short"));
        let state = FormState::default().with_errors(Tr::new(Lang::Nl), &short);
        assert_eq!(state.error("password"), "Kies een wachtwoord van minstens 10 tekens.");
        let nl = |password: &str| {
            let errors = password_errors(password, password, email);
            FormState::default().with_errors(Tr::new(Lang::Nl), &errors).error("password")
        };
        assert!(nl("wachtwoord1").contains("veelgebruikt"), "{}", nl("wachtwoord1"));
        assert!(nl("aaaaaaaaaa").contains("reeks"), "{}", nl("aaaaaaaaaa"));
        assert!(nl("KarinJansen!").contains("e-mailadres"), "{}", nl("KarinJansen!"));
        let mismatch = password_errors("een lange zin als wachtwoord", "een andere zin", email);
        assert_eq!((mismatch[0].field.as_str(), mismatch[0].code), ("repeat_password", "password_mismatch"));
        assert!(password_errors("een lange zin als wachtwoord", "een lange zin als wachtwoord", email).is_empty());
    }
}
