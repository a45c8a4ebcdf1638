//! Staff absence (decision 0036): spells recorded by HR or the team manager, read by them and
//! by the person themselves. No reason is asked or kept.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use buurtteam_app::absence::{self as uc, AbsenceChange, AbsenceInput};
use buurtteam_domain::ids::UserId;
use buurtteam_store::absence::Absence;
use serde::Serialize;
use utoipa::ToSchema;

use super::Body;
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff;

/// An absence spell.
#[derive(Debug, Serialize, ToSchema)]
pub struct AbsenceOut {
    pub id: i64,
    pub user_id: i64,
    #[schema(format = Date)]
    pub starts_on: String,
    #[schema(value_type = Option<String>, format = Date)]
    pub expected_back_on: Option<String>,
    /// The last day absent; `null` while the spell lasts.
    #[schema(value_type = Option<String>, format = Date)]
    pub ends_on: Option<String>,
    /// The part of the contract the person is absent (100: fully).
    pub percentage: u8,
}

impl From<Absence> for AbsenceOut {
    fn from(a: Absence) -> Self {
        Self {
            id: a.id,
            user_id: a.user_id.0,
            starts_on: a.spell.starts_on.to_string(),
            expected_back_on: a.spell.expected_back_on.map(|d| d.to_string()),
            ends_on: a.spell.ends_on.map(|d| d.to_string()),
            percentage: a.spell.percentage,
        }
    }
}

/// A staff member's spells, latest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct AbsencesOut {
    pub items: Vec<AbsenceOut>,
}

/// Record an absence spell of a staff member (HR; the team manager of one of their teams, not
/// for themselves). Never a reason: a field `reason` is refused like any unknown field.
#[utoipa::path(post, path = "/api/v1/users/{id}/absences", tag = "absence", params(("id" = i64, Path)), request_body = AbsenceInput,
    responses(
        (status = 201, body = AbsenceOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn record(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<AbsenceInput>,
) -> Result<(StatusCode, Json<AbsenceOut>), ApiError> {
    let Json(input) = body?;
    let spell = uc::record(&s.app, &staff.actor, UserId(id), &input).await?;
    Ok((StatusCode::CREATED, Json(spell.into())))
}

/// A staff member's absence spells (HR; their team manager; themselves). The read is logged.
#[utoipa::path(get, path = "/api/v1/users/{id}/absences", tag = "absence", params(("id" = i64, Path)),
    responses(
        (status = 200, body = AbsencesOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list(State(s): State<AppState>, staff: Staff, Path(id): Path<i64>) -> Result<Json<AbsencesOut>, ApiError> {
    let spells = uc::of_user(&s.app, &staff.actor, UserId(id)).await?;
    Ok(Json(AbsencesOut { items: spells.into_iter().map(Into::into).collect() }))
}

/// Change a spell: its end (`ends_on`, the last day absent), expected return or percentage.
#[utoipa::path(patch, path = "/api/v1/absences/{id}", tag = "absence", params(("id" = i64, Path)), request_body = AbsenceChange,
    responses(
        (status = 200, body = AbsenceOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn change(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<AbsenceChange>,
) -> Result<Json<AbsenceOut>, ApiError> {
    let Json(input) = body?;
    Ok(Json(uc::change(&s.app, &staff.actor, id, &input).await?.into()))
}
