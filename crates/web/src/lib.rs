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
use axum::response::IntoResponse;
use axum::routing::get;
use buurtteam_app::App;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;

pub use problem::ApiError;

/// Largest request body accepted (a referral with a long request text fits many times over).
const MAX_BODY_BYTES: usize = 1024 * 1024;

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
        .layer(axum::middleware::from_fn(problem::plain_errors_as_problems))
        .layer(axum::middleware::from_fn(docs::version_header))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(CatchPanicLayer::custom(problem::panic_response));
    security::with_headers(router, hsts)
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
