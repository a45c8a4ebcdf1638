//! Households and their members.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderName, StatusCode, header};
use buurtteam_app::households::{self as uc, HouseholdInput};
use buurtteam_domain::ids::HouseholdId;

use super::Body;
use super::dto::HouseholdOut;
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff;

/// Register a household with its members (a BSN is optional and must pass the 11-test).
#[utoipa::path(post, path = "/api/v1/households", tag = "households", request_body = HouseholdInput,
    responses(
        (status = 201, body = HouseholdOut, headers(("Location" = String, description = "The new household"))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_household(
    State(s): State<AppState>,
    staff: Staff,
    body: Body<HouseholdInput>,
) -> Result<(StatusCode, [(HeaderName, String); 2], Json<HouseholdOut>), ApiError> {
    let Json(input) = body?;
    let h = uc::create(&s.app, &staff.actor, &input).await?;
    // The answer is the household as `GET` on it shows it: an idempotent retry reads it again.
    let at = format!("/api/v1/households/{}", h.id.0);
    Ok((StatusCode::CREATED, [(header::LOCATION, at.clone()), (header::CONTENT_LOCATION, at)], Json(h.into())))
}

/// Read a household. Logged in the audit log.
#[utoipa::path(get, path = "/api/v1/households/{id}", tag = "households", params(("id" = i64, Path)),
    responses((status = 200, body = HouseholdOut), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_household(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Json<HouseholdOut>, ApiError> {
    Ok(Json(uc::get(&s.app, &staff.actor, HouseholdId(id)).await?.into()))
}
