//! Mijn Buurtteam: the portal where a family reads and works in its own plan, and network
//! members see the goal they were invited onto.

use axum::Router;

use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}
