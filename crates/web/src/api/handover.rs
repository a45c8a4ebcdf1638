//! Handing cases over (decision 0037): to another worker or team, a stand-in for a period,
//! many cases of one worker at once, and who held a case when.

use axum::Json;
use axum::extract::{Path, State};
use buurtteam_app::cases::handover::{self as uc, BulkHandoverInput, HandoverInput, History, StandInInput};
use buurtteam_domain::ids::{CaseId, TeamId};
use serde::Serialize;
use utoipa::ToSchema;

use super::Body;
use super::cases::{Step, step};
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff;

/// One spell of someone holding the case.
#[derive(Debug, Serialize, ToSchema)]
pub struct HolderOut {
    pub worker_id: i64,
    pub name: String,
    /// `worker`, or `stand_in` (waarnemer) for a period.
    pub kind: &'static str,
    pub from_on: String,
    /// The day it ended (a stand-in: the last day); `null`: still.
    pub until_on: Option<String>,
}

/// One spell of a team holding the case.
#[derive(Debug, Serialize, ToSchema)]
pub struct TeamSpellOut {
    pub team_id: i64,
    pub name: String,
    pub from_on: String,
    pub until_on: Option<String>,
}

/// Who held the case when, and (when it moved) its teams.
#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryOut {
    pub holders: Vec<HolderOut>,
    /// Empty when the case never moved to another team.
    pub teams: Vec<TeamSpellOut>,
}

impl From<History> for HistoryOut {
    fn from(h: History) -> Self {
        Self {
            holders: h
                .holders
                .into_iter()
                .map(|x| HolderOut {
                    worker_id: x.worker_id.0,
                    name: x.name,
                    kind: if x.stand_in { "stand_in" } else { "worker" },
                    from_on: x.from_on.to_string(),
                    until_on: x.until_on.map(|d| d.to_string()),
                })
                .collect(),
            teams: h
                .teams
                .into_iter()
                .map(|t| TeamSpellOut {
                    team_id: t.team_id.0,
                    name: t.name,
                    from_on: t.from_on.to_string(),
                    until_on: t.until_on.map(|d| d.to_string()),
                })
                .collect(),
        }
    }
}

/// What a bulk handover did.
#[derive(Debug, Serialize, ToSchema)]
pub struct BulkHandoverOut {
    /// The cases handed over (or given the stand-in).
    pub case_ids: Vec<i64>,
    /// `true`: a stand-in was set; `false`: the cases changed worker.
    pub stand_in: bool,
}

/// Hand a case over (the team manager of its team): to another worker of the team
/// (`to_worker_id`), or to another team when the household moved (`to_team_id`, optionally
/// with a worker of that team). From a transfer on, the old team no longer finds the case (404).
#[utoipa::path(post, path = "/api/v1/cases/{id}/handover", tag = "cases", params(("id" = i64, Path)), request_body = HandoverInput,
    responses(
        (status = 200, description = "The case, as it is after the handover", body = super::dto::CaseOut),
        (status = 403, description = "Not the team manager", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is closed", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn handover(State(s): State<AppState>, staff: Staff, Path(id): Path<i64>, body: Body<HandoverInput>) -> Step {
    let Json(input) = body?;
    step(uc::handover(&s.app, &staff.actor, CaseId(id), &input).await?)
}

/// Set a stand-in (waarnemer) on a case for a period (the team manager of its team).
#[utoipa::path(post, path = "/api/v1/cases/{id}/stand-ins", tag = "cases", params(("id" = i64, Path)), request_body = StandInInput,
    responses(
        (status = 201, description = "Who holds the case when, with the stand-in", body = HistoryOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is closed", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn set_stand_in(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<StandInInput>,
) -> Result<(axum::http::StatusCode, Json<HistoryOut>), ApiError> {
    let Json(input) = body?;
    let history = uc::set_stand_in(&s.app, &staff.actor, CaseId(id), &input).await?;
    Ok((axum::http::StatusCode::CREATED, Json(history.into())))
}

/// Who held a case when: its workers, stand-ins and (when it moved) its teams.
#[utoipa::path(get, path = "/api/v1/cases/{id}/holders", tag = "cases", params(("id" = i64, Path)),
    responses(
        (status = 200, body = HistoryOut),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn holders(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Json<HistoryOut>, ApiError> {
    Ok(Json(uc::history_of(&s.app, &staff.actor, CaseId(id)).await?.into()))
}

/// Hand many cases of one worker of the team over at once (an absent or leaving worker), or set
/// a stand-in on them with `until_on`: all of them, or none when any one may not be.
#[utoipa::path(post, path = "/api/v1/teams/{id}/handover", tag = "cases", params(("id" = i64, Path)), request_body = BulkHandoverInput,
    responses(
        (status = 200, body = BulkHandoverOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A case is closed", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn bulk_handover(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<BulkHandoverInput>,
) -> Result<Json<BulkHandoverOut>, ApiError> {
    let Json(input) = body?;
    let outcome = uc::bulk_handover(&s.app, &staff.actor, TeamId(id), &input).await?;
    Ok(Json(BulkHandoverOut { case_ids: outcome.case_ids.iter().map(|c| c.0).collect(), stand_in: outcome.stand_in }))
}
