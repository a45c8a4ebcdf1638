//! Logging in through an OpenID provider (decision 0017): the buttons on `/login` lead to
//! `/login/sso/{provider}`, which sends the browser to the provider with a fresh `state` bound
//! to it by a cookie; the provider sends it back to `/login/sso/{provider}/callback`. Refusals
//! (no account, deactivated, not invited, an answer that does not belong to this browser) get
//! a page that says what to do. After logging out at the provider, it sends the browser to
//! `/login/sso/{provider}/logged-out`.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use buurtteam_app::sso::{self, Callback, Failure, Kind};
use serde::Deserialize;

use super::{AnyPage, Chrome, render};
use crate::AppState;
use crate::session;

/// The cookie that binds a log-in's `state` to the browser that started it.
const STATE_COOKIE: &str = "bt_sso";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login/sso/{provider}", get(begin))
        .route("/login/sso/{provider}/callback", get(callback))
        .route("/login/sso/{provider}/logged-out", get(logged_out))
}

/// A button on the log-in page.
pub struct Button {
    pub href: String,
    pub label: String,
}

/// The buttons for the log-in page: staff providers, or DigiD on the way into Mijn Buurtteam.
pub fn buttons(state: &AppState, chrome: &Chrome, next: &str) -> Vec<Button> {
    let kind = if next.starts_with("/portal") { Kind::DigiD } else { Kind::Staff };
    state
        .app
        .sso
        .config
        .of_kind(kind)
        .map(|p| Button {
            href: format!("/login/sso/{}?next={}", p.id, super::login::urlencode(next)),
            label: chrome.tr.t1("sso-button", "provider", p.name.clone()),
        })
        .collect()
}

/// Whether the password form is shown: always to families, to staff unless switched off.
pub fn password_form(state: &AppState, next: &str) -> bool {
    next.starts_with("/portal") || state.app.sso.config.local_passwords != sso::LocalPasswords::Off
}

#[derive(Deserialize, Default)]
pub struct NextQuery {
    next: Option<String>,
}

async fn begin(
    State(state): State<AppState>,
    page: AnyPage,
    Path(provider): Path<String>,
    Query(q): Query<NextQuery>,
) -> Response {
    let next = super::redirect::same_origin_path(q.next.as_deref());
    match sso::begin(&state.app, &provider, &next).await {
        Ok(started) => {
            let mut r = Redirect::to(&started.url).into_response();
            let secure = if state.config.secure_cookies { "; Secure" } else { "" };
            // Lax: the provider's answer is a top-level navigation from its site.
            let c = format!(
                "{STATE_COOKIE}={}; Path=/login/sso/{provider}; HttpOnly; SameSite=Lax; Max-Age=600{secure}",
                started.state
            );
            if let Ok(v) = HeaderValue::from_str(&c) {
                r.headers_mut().append(header::SET_COOKIE, v);
            }
            r
        }
        Err(e) => refused(&state, page.chrome, &provider, e),
    }
}

#[derive(Deserialize, Default)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

async fn callback(
    State(state): State<AppState>,
    page: AnyPage,
    Path(provider): Path<String>,
    Query(q): Query<CallbackQuery>,
    headers: HeaderMap,
) -> Response {
    let bound = session::cookie_value(&headers, STATE_COOKIE);
    let cb = Callback {
        code: q.code.as_deref(),
        state: q.state.as_deref(),
        error: q.error.as_deref(),
        bound_state: bound.as_deref(),
    };
    let mut r = match sso::finish(&state.app, &provider, &cb).await {
        Ok(done) => {
            let target = if done.logged_in.second_factor_pending {
                format!("/login/second-factor?next={}", super::login::urlencode(&done.next))
            } else {
                done.next
            };
            let mut r = Redirect::to(&target).into_response();
            r.headers_mut().append(header::SET_COOKIE, session::cookie(&state, &done.logged_in.token));
            r
        }
        Err(e) => refused(&state, page.chrome, &provider, e),
    };
    let clear = format!("{STATE_COOKIE}=; Path=/login/sso/{provider}; HttpOnly; SameSite=Lax; Max-Age=0");
    if let Ok(v) = HeaderValue::from_str(&clear) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

async fn logged_out(State(state): State<AppState>, Path(provider): Path<String>) -> Response {
    let portal = state.app.sso.config.provider(&provider).is_some_and(|p| p.kind == Kind::DigiD);
    let to = if portal { "/login?reason=logged-out&next=/portal" } else { "/login?reason=logged-out" };
    Redirect::to(to).into_response()
}

#[derive(Template)]
#[template(path = "sso_logout.html")]
struct LogoutPage {
    page: Chrome,
    provider: String,
    url: String,
}

/// After our session ended: on to the provider's end of session. A page that goes on by
/// itself (`Refresh`) with a link, not a redirect of the log-out form, whose `form-action
/// 'self'` would stop a redirect to another site.
pub fn on_to_provider(state: &AppState, chrome: Chrome, provider: &str, url: String) -> Response {
    let name = state.app.sso.config.provider(provider).map(|p| p.name.clone()).unwrap_or_default();
    let mut r = render(
        StatusCode::OK,
        &LogoutPage { page: Chrome { current: "", ..chrome }, provider: name, url: url.clone() },
    );
    if let Ok(v) = HeaderValue::from_str(&format!("0;url={url}")) {
        r.headers_mut().insert(HeaderName::from_static("refresh"), v);
    }
    r
}

#[derive(Template)]
#[template(path = "sso_refused.html")]
struct RefusedPage {
    page: Chrome,
    title: String,
    detail: String,
    /// Where to go from here, and its words.
    links: Vec<(String, String)>,
}

/// The page for a log-in through a provider that did not open a session.
fn refused(state: &AppState, mut chrome: Chrome, provider: &str, e: Failure) -> Response {
    let p = state.app.sso.config.provider(provider);
    let family = p.is_some_and(|p| p.kind == Kind::DigiD);
    if family {
        chrome.tr = chrome.tr.for_family();
    }
    let tr = chrome.tr;
    let name = p.map(|p| p.name.clone()).unwrap_or_default();
    let (status, key) = match &e {
        Failure::UnknownProvider => {
            return super::error_page(
                &chrome,
                StatusCode::NOT_FOUND,
                "error-not-found-title",
                "error-not-found-detail",
            );
        }
        Failure::App(_) => {
            tracing::error!(error = %e, "single sign-on failed");
            (StatusCode::SERVICE_UNAVAILABLE, "unavailable")
        }
        Failure::Unavailable => (StatusCode::BAD_GATEWAY, "unavailable"),
        Failure::State => (StatusCode::BAD_REQUEST, "state"),
        Failure::Refused | Failure::Token(_) => (StatusCode::BAD_REQUEST, "refused"),
        Failure::UnknownAccount => (StatusCode::FORBIDDEN, "unknown-account"),
        Failure::Deactivated => (StatusCode::FORBIDDEN, "deactivated"),
        Failure::NotInvited => (StatusCode::FORBIDDEN, "not-invited"),
    };
    if let Failure::Token(why) = &e {
        tracing::info!(provider, why = %why, "an ID token was refused");
    }
    let next = if family { "/portal" } else { "/" };
    let mut links = vec![(format!("/login?next={next}"), tr.t("sso-again"))];
    if key == "not-invited" {
        links.insert(0, ("/portal/activate".to_owned(), tr.t("sso-use-code")));
    }
    let page = RefusedPage {
        title: tr.t1(&format!("sso-{key}-title"), "provider", name.clone()),
        detail: tr.t1(&format!("sso-{key}-detail"), "provider", name),
        links,
        page: Chrome { current: "", ..chrome },
    };
    render(status, &page)
}
