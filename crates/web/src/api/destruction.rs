//! Retention and destruction (decision 0024): requests to destroy a file, the privacy
//! officer's decision on them, and legal holds. Answers name file numbers, relations and ages,
//! dates and codes: never a name or anything of the file's content.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderName, StatusCode, header};
use buurtteam_app::privacy::destruction::{self as holds_uc, HoldInput};
use buurtteam_app::privacy::requests::{self as uc, DecisionInput, RequestInput};
use buurtteam_domain::codes::{DestructionOutcome, DestructionScope, RefusalGround, RequesterRelation};
use buurtteam_store::destruction::requests::{LegalHold, Request};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use utoipa::ToSchema;

use super::Body;
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff;

/// A request to destroy a file, with its deadline and, once made, the decision.
#[derive(Debug, Serialize, ToSchema)]
pub struct DestructionRequestOut {
    pub id: i64,
    /// The case while it exists; `null` once its file is destroyed.
    pub case_id: Option<i64>,
    /// The file number, kept after destruction.
    pub case_number: i64,
    pub team_id: i64,
    /// The household member who asked; `null` once their data is destroyed.
    pub requested_by_person_id: Option<i64>,
    pub requester_relation: RequesterRelation,
    /// Their age on `received_on`.
    pub requester_age: i16,
    pub received_on: Date,
    /// Three calendar months after `received_on` (the last day of the month where the day
    /// does not exist).
    pub decide_by: Date,
    pub scope: DestructionScope,
    pub registered_at: Timestamp,
    /// `null` while the request is open.
    pub outcome: Option<DestructionOutcome>,
    pub refusal_ground: Option<RefusalGround>,
    pub note: Option<String>,
    pub copy_offered_on: Option<Date>,
    pub decided_at: Option<Timestamp>,
    /// Whether the whole file was destroyed (only its tombstone is left).
    pub destroyed: bool,
}

impl From<Request> for DestructionRequestOut {
    fn from(r: Request) -> Self {
        let d = r.decision.as_ref();
        Self {
            id: r.id,
            case_id: r.case_id.map(|c| c.0),
            case_number: r.case_number,
            team_id: r.team_id.0,
            requested_by_person_id: r.requested_by.map(|p| p.0),
            requester_relation: r.relation,
            requester_age: r.age,
            received_on: r.received_on,
            decide_by: r.decide_by,
            scope: r.scope,
            registered_at: r.registered_at,
            outcome: d.map(|d| d.outcome),
            refusal_ground: d.and_then(|d| d.refusal_ground),
            note: d.and_then(|d| d.note.clone()),
            copy_offered_on: d.and_then(|d| d.copy_offered_on),
            decided_at: d.map(|d| d.decided_at),
            destroyed: r.tombstone_id.is_some(),
        }
    }
}

fn request_uri(id: i64) -> String {
    format!("/api/v1/destruction-requests/{id}")
}

/// Register a written request to destroy a file: by staff of the case's team or by the
/// privacy officer. The requester is a parent with parental authority, or a child or client
/// aged 12 or over on `received_on` (else 422 with code `too_young` or `not_entitled` on
/// `requested_by_person_id`). The answer is due by `decide_by`, three months on.
#[utoipa::path(post, path = "/api/v1/destruction-requests", tag = "privacy", request_body = RequestInput,
    responses(
        (status = 201, body = DestructionRequestOut, headers(("Location" = String, description = "The request"))),
        (status = 404, description = "No such case, or not of your teams", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The referral was voided", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn register_request(
    State(s): State<AppState>,
    staff: Staff,
    body: Body<RequestInput>,
) -> Result<(StatusCode, [(HeaderName, String); 2], Json<DestructionRequestOut>), ApiError> {
    let Json(input) = body?;
    let r = uc::register_request(&s.app, &staff.actor, &input).await?;
    let at = request_uri(r.id);
    Ok((StatusCode::CREATED, [(header::LOCATION, at.clone()), (header::CONTENT_LOCATION, at)], Json(r.into())))
}

/// The requests: open ones first by their deadline, then decided ones. The privacy officer
/// sees all; family workers and team managers those of their teams.
#[utoipa::path(get, path = "/api/v1/destruction-requests", tag = "privacy",
    responses(
        (status = 200, body = Vec<DestructionRequestOut>),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_requests(
    State(s): State<AppState>,
    staff: Staff,
) -> Result<Json<Vec<DestructionRequestOut>>, ApiError> {
    Ok(Json(uc::list_requests(&s.app, &staff.actor).await?.into_iter().map(Into::into).collect()))
}

/// One request, as the list shows it.
#[utoipa::path(get, path = "/api/v1/destruction-requests/{id}", tag = "privacy", params(("id" = i64, Path)),
    responses(
        (status = 200, body = DestructionRequestOut),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_request(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Json<DestructionRequestOut>, ApiError> {
    let found = uc::list_requests(&s.app, &staff.actor).await?.into_iter().find(|r| r.id == id);
    Ok(Json(found.ok_or(buurtteam_app::AppError::NotFound("destruction request"))?.into()))
}

/// Decide a request (the privacy officer). `granted` destroys what was asked (the whole file
/// must be closed and without an active legal hold), `partially_granted` the part (working
/// notes, contact summaries, appointments, comments), in the same transaction; `refused` needs
/// `refusal_ground`. Granting needs `copy_offered_on`: the family is offered a copy first.
#[utoipa::path(post, path = "/api/v1/destruction-requests/{id}/decision", tag = "privacy", params(("id" = i64, Path)),
    request_body = DecisionInput,
    responses(
        (status = 200, body = DestructionRequestOut),
        (status = 403, description = "Not the privacy officer", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Decided already; the case is open; a legal hold keeps the file", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn decide_request(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<DecisionInput>,
) -> Result<([(HeaderName, String); 1], Json<DestructionRequestOut>), ApiError> {
    let Json(input) = body?;
    let r = uc::decide_request(&s.app, &staff.actor, id, &input).await?;
    Ok(([(header::CONTENT_LOCATION, request_uri(r.id))], Json(r.into())))
}

/// A legal hold: the file is kept past its retention date while it is active.
#[derive(Debug, Serialize, ToSchema)]
pub struct LegalHoldOut {
    pub id: i64,
    pub case_id: i64,
    pub reason: String,
    /// The last day it holds; `null`: until lifted.
    pub until: Option<Date>,
    pub placed_at: Timestamp,
    pub lifted_at: Option<Timestamp>,
}

impl From<LegalHold> for LegalHoldOut {
    fn from(h: LegalHold) -> Self {
        Self {
            id: h.id,
            case_id: h.case_id.0,
            reason: h.reason,
            until: h.until,
            placed_at: h.placed_at,
            lifted_at: h.lifted.map(|(_, at)| at),
        }
    }
}

/// Place a legal hold on a file (the privacy officer).
#[utoipa::path(post, path = "/api/v1/legal-holds", tag = "privacy", request_body = HoldInput,
    responses(
        (status = 201, body = LegalHoldOut),
        (status = 403, description = "Not the privacy officer", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn place_hold(
    State(s): State<AppState>,
    staff: Staff,
    body: Body<HoldInput>,
) -> Result<(StatusCode, Json<LegalHoldOut>), ApiError> {
    let Json(input) = body?;
    Ok((StatusCode::CREATED, Json(holds_uc::place_hold(&s.app, &staff.actor, &input).await?.into())))
}

/// The legal holds not lifted (the privacy officer).
#[utoipa::path(get, path = "/api/v1/legal-holds", tag = "privacy",
    responses(
        (status = 200, body = Vec<LegalHoldOut>),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_holds(State(s): State<AppState>, staff: Staff) -> Result<Json<Vec<LegalHoldOut>>, ApiError> {
    Ok(Json(holds_uc::active_holds(&s.app, &staff.actor).await?.into_iter().map(Into::into).collect()))
}

/// Lift a legal hold (the privacy officer).
#[utoipa::path(post, path = "/api/v1/legal-holds/{id}/lift", tag = "privacy", params(("id" = i64, Path)),
    responses(
        (status = 200, body = LegalHoldOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such hold, or lifted already", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn lift_hold(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Json<LegalHoldOut>, ApiError> {
    Ok(Json(holds_uc::lift_hold(&s.app, &staff.actor, id).await?.into()))
}
