//! Who carries a case, from the lists: "Oppakken" on a new referral of the worklist, and a
//! team manager's "Toewijzen" on the waiting list. Both go back to the list they came from
//! (a GET, so a reload does not send the form again) with a short confirmation.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use buurtteam_app::AppError;
use buurtteam_app::cases::{self, AssignInput};
use buurtteam_domain::ids::CaseId;
use serde::Deserialize;

use crate::AppState;
use crate::pages::form::PageForm;
use crate::pages::{app_error_page, redirect};

#[derive(Debug, Default, Deserialize)]
pub struct ClaimForm {
    /// The list to go back to (a path of this site).
    pub next: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct AssignForm {
    pub worker_id: Option<i64>,
    pub next: Option<String>,
}

/// `next` with `done=<what>` added: the list the user came from, saying what happened.
fn back(next: Option<&str>, done: &str) -> Response {
    let path = redirect::same_origin_path(next);
    let sep = if path.contains('?') { '&' } else { '?' };
    Redirect::to(&format!("{path}{sep}done={done}")).into_response()
}

pub async fn claim(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<ClaimForm>) -> Response {
    let next = form.input.next.as_deref();
    match cases::claim(&state.app, &form.page.actor, CaseId(id)).await {
        Ok(_) => back(next, "claimed"),
        // Someone was quicker: back to the list, which now shows who holds it.
        Err(AppError::Conflict { .. }) => back(next, "held"),
        Err(e) => app_error_page(&form.page.chrome, e),
    }
}

pub async fn assign(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<AssignForm>) -> Response {
    let input = AssignInput { worker_id: form.input.worker_id };
    match cases::assign(&state.app, &form.page.actor, CaseId(id), &input).await {
        Ok(_) => back(form.input.next.as_deref(), "assigned"),
        Err(e) => app_error_page(&form.page.chrome, e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_to_the_list_with_what_happened_and_never_to_another_site() {
        let to =
            |next: Option<&str>| back(next, "claimed").headers()["location"].to_str().unwrap_or_default().to_owned();
        assert_eq!(to(Some("/?scope=mine&section=referred")), "/?scope=mine&section=referred&done=claimed");
        assert_eq!(to(Some("/teams/3/waiting-list")), "/teams/3/waiting-list?done=claimed");
        assert_eq!(to(Some("https://evil.example/")), "/?done=claimed");
        assert_eq!(to(None), "/?done=claimed");
    }
}
