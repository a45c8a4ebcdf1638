//! Data repair (decision 0020): voiding a referral registered by mistake and merging a
//! household registered twice, both by a team manager.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderName, header};
use buurtteam_app::repair::{self as uc, MergeInput, VoidInput};
use buurtteam_domain::ids::{CaseId, HouseholdId};
use serde::Serialize;
use utoipa::ToSchema;

use super::Body;
use super::dto::CaseOut;
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff;

/// Void a referral registered by mistake, with a reason (a team manager of the case's team;
/// only before its intake). The case stays readable, marked voided, and counts in no list or
/// figure any more.
#[utoipa::path(post, path = "/api/v1/cases/{id}/void", tag = "cases", params(("id" = i64, Path)), request_body = VoidInput,
    responses(
        (status = 200, description = "The voided case", body = CaseOut),
        (status = 403, description = "Not a team manager", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The intake was held already, or the case is voided already", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn void_case(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<VoidInput>,
) -> Result<([(HeaderName, String); 1], Json<CaseOut>), ApiError> {
    let Json(input) = body?;
    let view = uc::void_case(&s.app, &staff.actor, CaseId(id), &input).await?;
    Ok(([(header::CONTENT_LOCATION, format!("/api/v1/cases/{}", view.case.id.0))], Json(view.into())))
}

/// What a merge moved.
#[derive(Debug, Serialize, ToSchema)]
pub struct MergeOut {
    /// The household that remains (the path's).
    pub household_id: i64,
    /// The household merged into it: it points there from now on.
    pub merged_household_id: i64,
    pub members_moved: i64,
    pub case_ids_moved: Vec<i64>,
}

/// Merge a household registered twice into this one (a team manager of every case of both).
/// The other household's members and cases move here; it keeps pointing here, so old links
/// and the access logs of both stay readable. Members who may be one person are both kept.
#[utoipa::path(post, path = "/api/v1/households/{id}/merge", tag = "households", params(("id" = i64, Path)), request_body = MergeInput,
    responses(
        (status = 200, description = "What moved", body = MergeOut),
        (status = 403, description = "Not a team manager", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Either household is not found, or has a case of a team you do not manage", body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn merge_households(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<MergeInput>,
) -> Result<Json<MergeOut>, ApiError> {
    let Json(input) = body?;
    let m = uc::merge_households(&s.app, &staff.actor, HouseholdId(id), &input).await?;
    Ok(Json(MergeOut {
        household_id: m.surviving.0,
        merged_household_id: m.merged.0,
        members_moved: m.members_moved,
        case_ids_moved: m.cases_moved.iter().map(|c| c.0).collect(),
    }))
}
