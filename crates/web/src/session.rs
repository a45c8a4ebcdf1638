//! Session log-in for staff: an HttpOnly, SameSite=Lax cookie that serves pages and the API
//! alike, and the `Staff` extractor that turns it into an actor.

use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use buurtteam_app::auth;
use buurtteam_domain::policy::Actor;
use buurtteam_store::organisation::User;
use serde::Deserialize;

use crate::AppState;
use crate::api::dto::UserOut;
use crate::problem::{ApiError, Problem};

pub const COOKIE: &str = "bt_session";

/// The value of the cookie `name` in the request, if any.
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value.to_owned())
}

/// The session token from the request's cookies, if any.
pub fn token(headers: &HeaderMap) -> Option<String> {
    cookie_value(headers, COOKIE).filter(|v| !v.is_empty() && v.len() <= 128)
}

/// The session cookie holding `token`: a browser session cookie (no `Max-Age` or `Expires`),
/// so closing the browser forgets it; the server ends the session itself after the idle and
/// absolute limits of the settings.
pub fn cookie(state: &AppState, token: &str) -> HeaderValue {
    set_cookie(state, &format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax"))
}

/// Removes the session cookie from the browser.
pub fn clear_cookie(state: &AppState) -> HeaderValue {
    set_cookie(state, &format!("{COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"))
}

fn set_cookie(state: &AppState, cookie: &str) -> HeaderValue {
    let secure = if state.config.secure_cookies { "; Secure" } else { "" };
    HeaderValue::from_str(&format!("{cookie}{secure}")).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// A logged-in staff member.
pub struct Staff {
    pub actor: Actor,
    pub user: User,
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let token = token(&parts.headers).ok_or_else(|| ApiError::from(buurtteam_app::AppError::Unauthenticated))?;
        let (actor, user) = auth::authenticate(&state.app, &token).await?;
        if auth::must_enrol(&state.app, &user)
            && !buurtteam_app::sso::second_factor_at_provider(&state.app, &token).await
        {
            return Err(buurtteam_app::AppError::SecondFactorEnrolmentRequired.into());
        }
        Ok(Self { actor, user })
    }
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct LoginInput {
    pub email: String,
    pub password: String,
    /// The current code from the authenticator app (or a recovery code), for accounts with a
    /// second factor.
    pub totp_code: Option<String>,
}

/// The address a request comes from: the peer, or with `trust_forwarded_for` the last hop
/// in `X-Forwarded-For` (set this only behind a proxy that writes that header).
pub fn client_addr(parts: &axum::http::request::Parts, state: &AppState) -> Option<std::net::IpAddr> {
    if state.config.trust_forwarded_for
        && let Some(ip) = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse().ok())
    {
        return Some(ip);
    }
    parts.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip())
}

/// The client address as an extractor.
pub struct ClientAddr(pub Option<std::net::IpAddr>);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(Self(client_addr(parts, state)))
    }
}

/// Log in with e-mail and password; sets the session cookie.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", request_body = LoginInput,
    responses(
        (status = 200, description = "Logged in; the session cookie is set", body = UserOut),
        (status = 401, description = "Wrong e-mail or password, or the second factor is missing", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The password was right, but staff log in through single sign-on here (BUURTTEAM_LOCAL_PASSWORDS)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts; the account or address is locked for a while", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn login(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    body: Result<Json<LoginInput>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(input) = body?;
    let attempt = auth::Credentials {
        email: &input.email,
        password: &input.password,
        second_factor: input.totp_code.as_deref(),
        allow_pending: false,
        client,
    };
    let logged_in = auth::login(&state.app, &attempt).await.map_err(|e| match e {
        buurtteam_app::AppError::Unauthenticated => {
            ApiError::new("unauthenticated", "Wrong e-mail address or password.")
        }
        other => other.into(),
    })?;
    let mut response = Json(UserOut::from(&logged_in.user)).into_response();
    response.headers_mut().insert(header::SET_COOKIE, cookie(&state, &logged_in.token));
    Ok(response)
}

/// Log out: ends the session on the server and clears the cookie.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth", responses((status = 204, description = "Logged out")))]
pub async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    if let Some(t) = token(&headers) {
        auth::logout(&state.app, &t).await?;
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    response.headers_mut().insert(header::SET_COOKIE, clear_cookie(&state));
    Ok(response)
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct PasswordChangeInput {
    pub current_password: Option<String>,
    /// At least 10 characters; not a common or leaked password (also not with digits added),
    /// not one character repeated or an obvious sequence, not made of your name or e-mail
    /// address or the name of the service, not your current password.
    pub new_password: Option<String>,
    /// The new password once more.
    pub repeat_password: Option<String>,
}

/// Change your own password. Every other session of yours ends; this one stays.
#[utoipa::path(post, path = "/api/v1/auth/password", tag = "auth", request_body = PasswordChangeInput,
    responses(
        (status = 204, description = "Changed; your other sessions have ended"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The current password is wrong (`wrong_password`) or the new one is refused: \
            `password_too_short`, `password_too_long`, `password_common`, `password_pattern`, `password_personal`, \
            `password_current`, `password_mismatch`", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn change_password(
    State(state): State<AppState>,
    headers: HeaderMap,
    staff: Staff,
    body: Result<Json<PasswordChangeInput>, axum::extract::rejection::JsonRejection>,
) -> Result<StatusCode, ApiError> {
    let Json(input) = body?;
    let session = token(&headers).unwrap_or_default();
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    auth::change_password(
        &state.app,
        &staff.actor,
        &session,
        &text(&input.current_password),
        &text(&input.new_password),
        &text(&input.repeat_password),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Who is logged in.
#[utoipa::path(get, path = "/api/v1/auth/me", tag = "auth",
    responses(
        (status = 200, body = UserOut),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn me(staff: Staff) -> Json<UserOut> {
    Json(UserOut::from(&staff.user))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_session_cookie_among_others() {
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, HeaderValue::from_static("a=1; bt_session=abc123; b=2"));
        assert_eq!(token(&h).as_deref(), Some("abc123"));
        h.insert(header::COOKIE, HeaderValue::from_static("bt_session_x=1"));
        assert_eq!(token(&h), None);
    }
}
