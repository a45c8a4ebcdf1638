//! Security headers on every response, and refusal of cross-site state changes.

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::AppState;
use crate::problem::ApiError;
use crate::refusals::Refusal;

/// Adds nosniff, no framing, no referrer and a strict Content Security Policy (no inline
/// scripts) to every response of `router`; `Cache-Control: no-store` to every response that
/// does not say otherwise (API answers, pages, redirects and errors hold client data or follow
/// from it; only the static assets set their own caching); and with `hsts` (the site is served
/// over HTTPS, as secure cookies say) `Strict-Transport-Security` for a year.
pub fn with_headers<S: Clone + Send + Sync + 'static>(router: axum::Router<S>, hsts: bool) -> axum::Router<S> {
    let set = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    let router = if hsts { router.layer(set(header::STRICT_TRANSPORT_SECURITY, "max-age=31536000")) } else { router };
    router
        .layer(set(header::CACHE_CONTROL, "no-store"))
        .layer(set(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(set(header::REFERRER_POLICY, "no-referrer"))
        .layer(set(header::X_FRAME_OPTIONS, "DENY"))
        .layer(set(
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ))
}

/// Browsers say where a request comes from (`Sec-Fetch-Site`); a state-changing request
/// from another site is refused, whatever cookies it carries. When it carries a live session,
/// the refusal is logged under that account (`form.access_refused`, reason `cross_site`).
pub async fn cross_site_guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let cross_site =
        req.headers().get("sec-fetch-site").and_then(|v| v.to_str().ok()).is_some_and(|v| v == "cross-site");
    if unsafe_method && cross_site {
        let refused =
            ApiError::new("forbidden", "Requests from other sites may not change anything here.").into_response();
        let Some(token) = crate::session::token(req.headers()) else { return refused };
        let Ok((actor, _)) = buurtteam_app::auth::authenticate(&state.app, &token).await else { return refused };
        let refusal = Refusal {
            actor,
            reason: "cross_site",
            method: req.method().to_string(),
            path: req.uri().path().to_owned(),
        };
        return crate::refusals::attach(refused, refusal);
    }
    next.run(req).await
}
