//! The family plan (gezinsplan) in the staff pages: goals, actions, scores, evaluations,
//! working notes, versions and agreement, network invitations and the access log.

use axum::Router;

use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}
