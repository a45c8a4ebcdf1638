//! Districts, teams and closure days (staff users: `users`).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use buurtteam_app::organisation::{self as uc, ClosureDayInput, DistrictInput, TeamInput, TeamPatch};
use buurtteam_domain::ids::TeamId;
use jiff::civil::Date;

use super::Body;
use super::dto::{ClosureDayOut, DistrictOut, ListOut, TeamOut};
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff;

type Created<T> = Result<(StatusCode, Json<T>), ApiError>;

/// Create a district (wijk). Admin only.
#[utoipa::path(post, path = "/api/v1/districts", tag = "organisation", request_body = DistrictInput,
    responses(
        (status = 201, body = DistrictOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A district with this name exists", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_district(
    State(s): State<AppState>,
    staff: Staff,
    body: Body<DistrictInput>,
) -> Created<DistrictOut> {
    let Json(input) = body?;
    let d = uc::create_district(&s.app, &staff.actor, &input).await?;
    Ok((StatusCode::CREATED, Json(d.into())))
}

/// List the districts.
#[utoipa::path(get, path = "/api/v1/districts", tag = "organisation", responses((status = 200, body = ListOut<DistrictOut>)))]
pub async fn list_districts(State(s): State<AppState>, staff: Staff) -> Result<Json<ListOut<DistrictOut>>, ApiError> {
    let items = uc::list_districts(&s.app, &staff.actor).await?;
    Ok(Json(ListOut { items: items.into_iter().map(Into::into).collect() }))
}

/// Create a team: a neighbourhood team in a district, or a city-wide school team. Admin only.
#[utoipa::path(post, path = "/api/v1/teams", tag = "organisation", request_body = TeamInput,
    responses(
        (status = 201, body = TeamOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_team(State(s): State<AppState>, staff: Staff, body: Body<TeamInput>) -> Created<TeamOut> {
    let Json(input) = body?;
    let t = uc::create_team(&s.app, &staff.actor, &input).await?;
    Ok((StatusCode::CREATED, Json(t.into())))
}

/// Change a team's contact details (`phone`, `email`; `null` clears). Admin only.
#[utoipa::path(patch, path = "/api/v1/teams/{id}", tag = "organisation", params(("id" = i64, Path)),
    request_body = TeamPatch,
    responses(
        (status = 200, body = TeamOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn change_team(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<TeamPatch>,
) -> Result<Json<TeamOut>, ApiError> {
    let Json(patch) = body?;
    Ok(Json(uc::change_team(&s.app, &staff.actor, TeamId(id), &patch).await?.into()))
}

/// List the teams.
#[utoipa::path(get, path = "/api/v1/teams", tag = "organisation", responses((status = 200, body = ListOut<TeamOut>)))]
pub async fn list_teams(State(s): State<AppState>, staff: Staff) -> Result<Json<ListOut<TeamOut>>, ApiError> {
    let items = uc::list_teams(&s.app, &staff.actor).await?;
    Ok(Json(ListOut { items: items.into_iter().map(Into::into).collect() }))
}

/// Add a closure day of the organisation (e.g. a bridge day). Intake deadlines of cases still
/// waiting for their intake move accordingly. Admin only.
#[utoipa::path(post, path = "/api/v1/closure-days", tag = "organisation", request_body = ClosureDayInput,
    responses(
        (status = 201, body = ClosureDayOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn add_closure_day(
    State(s): State<AppState>,
    staff: Staff,
    body: Body<ClosureDayInput>,
) -> Created<ClosureDayOut> {
    let Json(input) = body?;
    let (day, description) = uc::add_closure_day(&s.app, &staff.actor, &input).await?;
    Ok((StatusCode::CREATED, Json(ClosureDayOut { day, description })))
}

/// List the organisation's closure days.
#[utoipa::path(get, path = "/api/v1/closure-days", tag = "organisation", responses((status = 200, body = ListOut<ClosureDayOut>)))]
pub async fn list_closure_days(
    State(s): State<AppState>,
    staff: Staff,
) -> Result<Json<ListOut<ClosureDayOut>>, ApiError> {
    let items = uc::list_closure_days(&s.app, &staff.actor).await?;
    Ok(Json(ListOut {
        items: items.into_iter().map(|(day, description)| ClosureDayOut { day, description }).collect(),
    }))
}

/// Remove a closure day. Admin only.
#[utoipa::path(delete, path = "/api/v1/closure-days/{day}", tag = "organisation",
    params(("day" = String, Path, description = "YYYY-MM-DD")),
    responses((status = 204), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn remove_closure_day(
    State(s): State<AppState>,
    staff: Staff,
    Path(day): Path<String>,
) -> Result<StatusCode, ApiError> {
    let day: Date = day.parse().map_err(|_| ApiError::new("invalid-request", "The day is a date as YYYY-MM-DD."))?;
    uc::remove_closure_day(&s.app, &staff.actor, day).await?;
    Ok(StatusCode::NO_CONTENT)
}
