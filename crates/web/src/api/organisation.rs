//! Districts with their neighbourhoods and postcode areas, teams, closure days, the
//! organisation's own code-list labels and the district populations (staff users: `users`).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use buurtteam_app::districts::{self, DistrictPatch, NeighbourhoodInput, NeighbourhoodPatch};
use buurtteam_app::organisation::{self as uc, ClosureDayInput, DistrictInput, TeamInput, TeamPatch};
use buurtteam_app::reference::{self, CodeLabelInput, PopulationUpload};
use buurtteam_domain::ids::{DistrictId, NeighbourhoodId, TeamId};
use buurtteam_store::districts::Neighbourhood;
use jiff::civil::Date;
use serde::Serialize;
use utoipa::ToSchema;

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

/// Change a team: `name` (the former one stays in the history of names), `kind`,
/// `district_ids` (the districts it serves), `phone`, `email` (`null` clears), or end it
/// (`active: false` or `ended_on`; `active: true` undoes it). An ended team keeps its cases
/// and figures and takes no new referrals. Admin only.
#[utoipa::path(patch, path = "/api/v1/teams/{id}", tag = "organisation", params(("id" = i64, Path)),
    request_body = TeamPatch,
    responses(
        (status = 200, body = TeamOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A team with this name exists", body = Problem, content_type = "application/problem+json"),
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

/// A neighbourhood (buurt) of a district with its postcode areas.
#[derive(Debug, Serialize, ToSchema)]
pub struct NeighbourhoodOut {
    pub id: i64,
    pub district_id: i64,
    pub name: String,
    /// As written: `3511`, `3511-3514`, `3511 AB-3511 AZ`.
    pub postcode_areas: Vec<String>,
    /// From this day on its postcodes no longer name its district; `null` while in use.
    pub ended_on: Option<Date>,
}

impl From<Neighbourhood> for NeighbourhoodOut {
    fn from(n: Neighbourhood) -> Self {
        Self {
            id: n.id.0,
            district_id: n.district_id.0,
            name: n.name,
            postcode_areas: n.areas.iter().map(ToString::to_string).collect(),
            ended_on: n.ended_on,
        }
    }
}

/// Rename or end a district (`active: false` or `ended_on`; `active: true` undoes it). The
/// former name stays in the history of names. Admin only.
#[utoipa::path(patch, path = "/api/v1/districts/{id}", tag = "organisation", params(("id" = i64, Path)),
    request_body = DistrictPatch,
    responses(
        (status = 200, body = DistrictOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A district with this name exists", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn change_district(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<DistrictPatch>,
) -> Result<Json<DistrictOut>, ApiError> {
    let Json(patch) = body?;
    Ok(Json(districts::change_district(&s.app, &staff.actor, DistrictId(id), &patch).await?.into()))
}

/// Add a neighbourhood (buurt) to a district, with its postcode areas; a household whose
/// postcode lies in one of them belongs to the district. Areas may not overlap those of
/// another neighbourhood (422 on `postcode_areas`). Admin only.
#[utoipa::path(post, path = "/api/v1/districts/{id}/neighbourhoods", tag = "organisation",
    params(("id" = i64, Path)), request_body = NeighbourhoodInput,
    responses(
        (status = 201, body = NeighbourhoodOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The district has ended, or has a neighbourhood with this name", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_neighbourhood(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<NeighbourhoodInput>,
) -> Created<NeighbourhoodOut> {
    let Json(input) = body?;
    let n = districts::create_neighbourhood(&s.app, &staff.actor, DistrictId(id), &input).await?;
    Ok((StatusCode::CREATED, Json(n.into())))
}

/// List the neighbourhoods of every district with their postcode areas.
#[utoipa::path(get, path = "/api/v1/neighbourhoods", tag = "organisation",
    responses((status = 200, body = ListOut<NeighbourhoodOut>), (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn list_neighbourhoods(
    State(s): State<AppState>,
    staff: Staff,
) -> Result<Json<ListOut<NeighbourhoodOut>>, ApiError> {
    let items = districts::list_neighbourhoods(&s.app, &staff.actor).await?;
    Ok(Json(ListOut { items: items.into_iter().map(Into::into).collect() }))
}

/// Rename a neighbourhood, replace its postcode areas, or end it. Admin only.
#[utoipa::path(patch, path = "/api/v1/neighbourhoods/{id}", tag = "organisation", params(("id" = i64, Path)),
    request_body = NeighbourhoodPatch,
    responses(
        (status = 200, body = NeighbourhoodOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn change_neighbourhood(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<NeighbourhoodPatch>,
) -> Result<Json<NeighbourhoodOut>, ApiError> {
    let Json(patch) = body?;
    Ok(Json(districts::change_neighbourhood(&s.app, &staff.actor, NeighbourhoodId(id), &patch).await?.into()))
}

/// A code-list label in the organisation's own words.
#[derive(Debug, Serialize, ToSchema)]
pub struct CodeLabelOut {
    pub code_list: String,
    pub code: String,
    pub lang: String,
    /// The organisation's label; `null`: the standard label.
    pub label: Option<String>,
}

/// List the code-list labels the organisation words its own way (the others are standard).
#[utoipa::path(get, path = "/api/v1/code-labels", tag = "organisation",
    responses((status = 200, body = ListOut<CodeLabelOut>), (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn list_code_labels(
    State(s): State<AppState>,
    staff: Staff,
) -> Result<Json<ListOut<CodeLabelOut>>, ApiError> {
    let items = reference::list_code_labels(&s.app, &staff.actor).await?;
    Ok(Json(ListOut {
        items: items
            .into_iter()
            .map(|l| CodeLabelOut { code_list: l.code_list, code: l.code, lang: l.lang, label: Some(l.label) })
            .collect(),
    }))
}

/// Set the organisation's own label of a code (an empty `label` restores the standard one).
/// Pages show it from the next request on. Admin only.
#[utoipa::path(put, path = "/api/v1/code-labels", tag = "organisation", request_body = CodeLabelInput,
    responses(
        (status = 200, body = CodeLabelOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn set_code_label(
    State(s): State<AppState>,
    staff: Staff,
    body: Body<CodeLabelInput>,
) -> Result<Json<CodeLabelOut>, ApiError> {
    let Json(input) = body?;
    let label = reference::set_code_label(&s.app, &staff.actor, &input).await?;
    let text = |v: &Option<String>| v.as_deref().unwrap_or_default().trim().to_owned();
    Ok(Json(CodeLabelOut {
        code_list: text(&input.code_list),
        code: text(&input.code),
        lang: text(&input.lang),
        label,
    }))
}

/// One line of a population file as it would be saved.
#[derive(Debug, Serialize, ToSchema)]
pub struct PopulationLineOut {
    pub line: usize,
    pub district: String,
    pub reference_date: Date,
    pub residents: u64,
    pub residents_0_17: Option<u64>,
}

/// An error in a population file, by line (`line 3`, or `file`).
#[derive(Debug, Serialize, ToSchema)]
pub struct PopulationErrorOut {
    pub field: String,
    pub message: String,
}

/// What a population file would save, and what is wrong with it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PopulationPreviewOut {
    pub lines: Vec<PopulationLineOut>,
    /// Empty: the file can be saved.
    pub errors: Vec<PopulationErrorOut>,
    /// The source its comment lines name.
    pub source: String,
}

/// Check a population file (the CSV `buurtteam import populations` takes) without saving it:
/// the lines read and the errors per line. Admin only.
#[utoipa::path(post, path = "/api/v1/district-populations/previews", tag = "organisation",
    request_body = PopulationUpload,
    responses(
        (status = 200, body = PopulationPreviewOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn preview_populations(
    State(s): State<AppState>,
    staff: Staff,
    body: Body<PopulationUpload>,
) -> Result<Json<PopulationPreviewOut>, ApiError> {
    let Json(upload) = body?;
    let p = reference::preview_populations(&s.app, &staff.actor, &upload).await?;
    Ok(Json(PopulationPreviewOut {
        lines: p
            .lines
            .into_iter()
            .map(|l| PopulationLineOut {
                line: l.line,
                district: l.district,
                reference_date: l.reference_date,
                residents: l.residents,
                residents_0_17: l.residents_0_17,
            })
            .collect(),
        errors: p.errors.into_iter().map(|e| PopulationErrorOut { field: e.field, message: e.message }).collect(),
        source: p.source,
    }))
}

/// How many districts' figures were saved.
#[derive(Debug, Serialize, ToSchema)]
pub struct PopulationImportOut {
    pub districts: usize,
}

/// Save a population file after the same checks as the preview; a file with any error saves
/// nothing (422, the errors by line). Replaces earlier figures of a district on the same
/// reference date. Admin only.
#[utoipa::path(post, path = "/api/v1/district-populations", tag = "organisation", request_body = PopulationUpload,
    responses(
        (status = 201, body = PopulationImportOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn import_populations(
    State(s): State<AppState>,
    staff: Staff,
    body: Body<PopulationUpload>,
) -> Created<PopulationImportOut> {
    let Json(upload) = body?;
    let districts = reference::import_populations(&s.app, &staff.actor, &upload).await?;
    Ok((StatusCode::CREATED, Json(PopulationImportOut { districts })))
}
