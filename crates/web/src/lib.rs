//! The HTTP face of buurtteam: the `/api/v1` JSON API with its OpenAPI document and
//! reference page, session log-in, problem+json errors, idempotent retries, health checks.
//! Handlers stay thin: parse, call a use case in `buurtteam_app`, render.

mod api;
mod docs;
mod idempotency;
pub mod pages;
mod pdf;
mod problem;
mod readiness;
mod refusals;
mod security;
mod server;
mod session;

use std::future::Future;

pub use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use buurtteam_app::App;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;

pub use problem::ApiError;

/// Largest request body accepted (a referral with a long request text fits many times over).
const MAX_BODY_BYTES: usize = 1024 * 1024;
/// Largest signal file accepted by the outreach upload (`POST .../campaigns/{id}/signals`): a
/// CSV of 50,000 rows is about 5 MB.
const MAX_UPLOAD_BYTES: usize = 32 * 1024 * 1024;

/// Whether `path` is an upload of a signal file, which may be larger than any other body.
fn is_signal_upload(path: &str) -> bool {
    let path = path.strip_prefix("/api/v1").unwrap_or(path);
    path.strip_prefix("/campaigns/")
        .and_then(|rest| rest.strip_suffix("/signals"))
        .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
}

/// Limits every request body to [`MAX_BODY_BYTES`], signal files to [`MAX_UPLOAD_BYTES`]: a
/// declared length beyond it is refused at once (413), a streamed body where it passes the limit.
async fn limit_body(req: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    let max = if is_signal_upload(req.uri().path()) { MAX_UPLOAD_BYTES } else { MAX_BODY_BYTES };
    let declared = req
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|len| len > max as u64) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let (parts, body) = req.into_parts();
    let limited = axum::body::Body::new(http_body_util::Limited::new(body, max));
    next.run(axum::extract::Request::from_parts(parts, limited)).await
}

/// Web settings beside the application's.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Mark the session cookie `Secure` (set when served over HTTPS, directly or via a proxy),
    /// and tell browsers to use HTTPS only (`Strict-Transport-Security`).
    pub secure_cookies: bool,
    /// Take the client address from `X-Forwarded-For` (only behind a proxy that sets it).
    pub trust_forwarded_for: bool,
    /// A design-token stylesheet to use instead of Utrecht's, and the class it themes.
    pub theme: Option<Theme>,
    /// How long a connection may take to send a request's head (also how long an idle
    /// kept-alive connection stays open) before it is closed.
    pub header_read_timeout: std::time::Duration,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            secure_cookies: false,
            trust_forwarded_for: false,
            theme: None,
            header_read_timeout: std::time::Duration::from_secs(10),
        }
    }
}

/// Another organisation's NL Design System tokens.
#[derive(Debug, Clone)]
pub struct Theme {
    /// The CSS with the tokens (custom properties scoped to `class`).
    pub css: String,
    /// The class on `<body>` that applies them, e.g. `denhaag-theme`.
    pub class: String,
}

#[derive(Clone)]
pub struct AppState {
    pub app: App,
    pub config: WebConfig,
}

/// The whole application as an axum router.
pub fn router(app: App, config: WebConfig) -> Router {
    let hsts = config.secure_cookies;
    let state = AppState { app, config };
    let (api, openapi) = api::routes().split_for_parts();
    let openapi = docs::finish(openapi);
    let openapi_json = std::sync::Arc::new(serde_json::to_string(&openapi).unwrap_or_default());
    let reference_page = std::sync::Arc::new(docs::reference_page());
    let routes = Router::new()
        .merge(api)
        .route(
            "/api/v1/openapi.json",
            get(move || {
                let body = openapi_json.clone();
                async move { ([(axum::http::header::CONTENT_TYPE, "application/json")], body.as_str().to_owned()) }
            }),
        )
        .route(
            "/api/v1/docs",
            get(move || {
                let page = reference_page.clone();
                async move { axum::response::Html(page.as_str().to_owned()) }
            }),
        )
        .merge(pages::routes())
        .route("/healthz", get(healthz))
        .merge(readiness::routes(state.app.db.clone()))
        .fallback(not_found)
        .with_state(state.clone());
    // The idempotency layer answers a retry by reading the resource again through `routes`,
    // so it wraps the routes as a whole (as the fallback of an outer router) rather than each
    // route after routing, as `Router::layer` on `routes` would.
    let replay = idempotency::Replay { state: state.clone(), routes: routes.clone() };
    let router = Router::new()
        .fallback_service(routes)
        .layer(axum::middleware::from_fn_with_state(replay, idempotency::layer))
        .layer(axum::middleware::from_fn_with_state(state.clone(), security::cross_site_guard))
        .layer(axum::middleware::from_fn_with_state(state, refusals::layer))
        // The extractors' own limit steps aside for `limit_body`'s, which knows the path.
        .layer(axum::extract::DefaultBodyLimit::max(MAX_UPLOAD_BYTES))
        .layer(axum::middleware::from_fn(limit_body))
        .layer(axum::middleware::from_fn(problem::plain_errors_as_problems))
        .layer(axum::middleware::from_fn(docs::version_header))
        .layer(CatchPanicLayer::custom(problem::panic_response));
    // Pages, API answers and the OpenAPI document go gzipped to a client that asks for it
    // (Accept-Encoding); the assets carry their own compressed copy and are left as they are.
    // Brotli would save a little more on pages of a few kB but adds a large crate to compile.
    security::with_headers(router, hsts).layer(tower_http::compression::CompressionLayer::new())
}

/// Liveness: the process answers. Touches no database.
async fn healthz() -> &'static str {
    "ok"
}

/// No route: problem+json under `/api`, an HTML page elsewhere.
async fn not_found(
    State(state): State<AppState>,
    uri: axum::http::Uri,
    headers: axum::http::HeaderMap,
) -> axum::response::Response {
    if uri.path().starts_with("/api/") {
        ApiError::not_found().into_response()
    } else {
        pages::not_found_page(&state, &headers, uri.path())
    }
}

/// Serves another router (the print server of `pages::print`) until the task is dropped.
pub async fn serve_router(listener: TcpListener, router: Router) -> std::io::Result<()> {
    axum::serve(listener, router).await
}

/// Serves until `shutdown` completes, then finishes the requests in flight. A connection that
/// does not send a complete request head within `config.header_read_timeout` is closed.
pub async fn serve(
    listener: TcpListener,
    app: App,
    config: WebConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let timeout = config.header_read_timeout;
    server::serve(listener, router(app, config), timeout, shutdown).await
}

#[cfg(test)]
mod body_limit_tests {
    use super::is_signal_upload;

    #[test]
    fn only_signal_uploads_get_the_larger_limit() {
        assert!(is_signal_upload("/api/v1/campaigns/12/signals"));
        assert!(is_signal_upload("/campaigns/3/signals"));
        assert!(!is_signal_upload("/api/v1/campaigns//signals"));
        assert!(!is_signal_upload("/api/v1/campaigns/12/addresses"));
        assert!(!is_signal_upload("/api/v1/cases/12/signals"));
        assert!(!is_signal_upload("/api/v1/campaigns/1/x/signals"));
    }
}
