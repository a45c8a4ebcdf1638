//! Refusals decided in the web layer, logged like those of the use cases: a page form without
//! the session's CSRF token, a state change from another site. Whatever refuses puts a
//! [`Refusal`] on its response; [`layer`] appends the `form.access_refused` row (durable)
//! before the response goes out. Without a logged-in actor nothing is logged: anyone on the
//! internet could otherwise fill the append-only log.

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use buurtteam_domain::policy::Actor;

use crate::AppState;
use crate::problem::ApiError;

/// What was refused, carried on the refusing response.
#[derive(Debug, Clone)]
pub struct Refusal {
    pub actor: Actor,
    /// `csrf_token` or `cross_site`.
    pub reason: &'static str,
    pub method: String,
    pub path: String,
}

/// `response` with `refusal` to be logged.
pub fn attach(mut response: Response, refusal: Refusal) -> Response {
    response.extensions_mut().insert(refusal);
    response
}

pub async fn layer(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    if let Some(r) = response.extensions_mut().remove::<Refusal>()
        && let Err(e) = buurtteam_app::refusals::form_refused(&state.app, &r.actor, r.reason, &r.method, &r.path).await
    {
        return ApiError::from(e).into_response();
    }
    response
}
