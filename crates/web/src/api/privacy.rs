//! Emergency access (break the glass) and the privacy officer's review of it and of unusual
//! access (decision 0023). The privacy officer sees staff names, case numbers, times and
//! counts, never the content of a file.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderName, StatusCode, header};
use buurtteam_app::privacy::emergency::{self as uc, RequestInput, ReviewInput};
use buurtteam_app::privacy::unusual::{self, PeriodQuery, RowReviewInput};
use buurtteam_domain::ids::CaseId;
use buurtteam_store::emergency::{Grant, Review};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use utoipa::ToSchema;

use super::Body;
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff;

/// An emergency access granted.
#[derive(Debug, Serialize, ToSchema)]
pub struct EmergencyAccessOut {
    pub id: i64,
    pub case_id: i64,
    /// Until when the case reads as for its own team (read only).
    pub until: Timestamp,
}

/// Ask for emergency access to a case of another team, with a reason (family workers and team
/// managers): for `--emergency-access-hours` (default 4) the case, its household, contacts and
/// plan read as for its own team; nothing can be changed. Every read under it is flagged in
/// the access log, and the privacy officer reviews it.
#[utoipa::path(post, path = "/api/v1/cases/{id}/emergency-access", tag = "cases", params(("id" = i64, Path)),
    request_body = RequestInput,
    responses(
        (status = 201, body = EmergencyAccessOut, headers(("Location" = String, description = "The case, to read now"))),
        (status = 403, description = "Your role does not work with client files", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case (logged like any other probe)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The reason is missing, too short or too long; or the case is of your own team (`own_team`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn request_emergency_access(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<RequestInput>,
) -> Result<(StatusCode, [(HeaderName, String); 1], Json<EmergencyAccessOut>), ApiError> {
    let Json(input) = body?;
    let g = uc::request(&s.app, &staff.actor, CaseId(id), &input).await?;
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, format!("/api/v1/cases/{}", g.case_id.0))],
        Json(EmergencyAccessOut { id: g.id, case_id: g.case_id.0, until: g.until }),
    ))
}

/// A review by the privacy officer.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReviewOut {
    pub justified: bool,
    pub note: String,
    pub reviewed_by: i64,
    pub reviewed_by_name: String,
    pub reviewed_at: Timestamp,
}

impl From<Review> for ReviewOut {
    fn from(r: Review) -> Self {
        Self {
            justified: r.justified,
            note: r.note,
            reviewed_by: r.by.0,
            reviewed_by_name: r.by_name,
            reviewed_at: r.at,
        }
    }
}

/// An emergency access as the privacy officer sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct EmergencyGrantOut {
    pub id: i64,
    pub user_id: i64,
    pub user_name: String,
    pub case_id: i64,
    pub team_id: i64,
    pub team_name: String,
    pub reason: String,
    pub granted_at: Timestamp,
    pub until: Timestamp,
    /// Reads of the file made under it.
    pub reads: i64,
    /// `null` until reviewed.
    pub review: Option<ReviewOut>,
}

impl From<Grant> for EmergencyGrantOut {
    fn from(g: Grant) -> Self {
        Self {
            id: g.id,
            user_id: g.user.0,
            user_name: g.user_name,
            case_id: g.case.0,
            team_id: g.team.0,
            team_name: g.team_name,
            reason: g.reason,
            granted_at: g.granted_at,
            until: g.ends_at,
            reads: g.reads,
            review: g.review.map(Into::into),
        }
    }
}

/// Every emergency access, those not yet reviewed first (privacy officers only).
#[utoipa::path(get, path = "/api/v1/privacy/emergency-accesses", tag = "privacy",
    responses(
        (status = 200, body = Vec<EmergencyGrantOut>),
        (status = 403, description = "Not a privacy officer", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_emergency_accesses(
    State(s): State<AppState>,
    staff: Staff,
) -> Result<Json<Vec<EmergencyGrantOut>>, ApiError> {
    Ok(Json(uc::list(&s.app, &staff.actor).await?.into_iter().map(Into::into).collect()))
}

/// Mark an emergency access justified or not, with a note (privacy officers only; audited).
#[utoipa::path(post, path = "/api/v1/privacy/emergency-accesses/{id}/review", tag = "privacy",
    params(("id" = i64, Path)), request_body = ReviewInput,
    responses(
        (status = 200, body = EmergencyGrantOut),
        (status = 403, description = "Not a privacy officer", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn review_emergency_access(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<ReviewInput>,
) -> Result<Json<EmergencyGrantOut>, ApiError> {
    let Json(input) = body?;
    Ok(Json(uc::review(&s.app, &staff.actor, id, &input).await?.into()))
}

/// One row of the report of unusual access.
#[derive(Debug, Serialize, ToSchema)]
pub struct UnusualRowOut {
    /// `many_files`, `family_name` or `colleague`.
    pub kind: String,
    pub user_id: i64,
    pub user_name: String,
    /// What a review names this row by (with `kind` and `user_id`).
    pub subject: String,
    pub from: Timestamp,
    pub to: Timestamp,
    pub case_ids: Vec<i64>,
    /// The family name that matched, as recorded for the household member.
    pub matched_name: Option<String>,
    /// `colleague`: whose family name it is.
    pub colleague_name: Option<String>,
    pub review: Option<ReviewOut>,
}

/// The report of unusual access over a period.
#[derive(Debug, Serialize, ToSchema)]
pub struct UnusualAccessOut {
    pub from: Date,
    pub to: Date,
    /// `many_files`: more than this many distinct files ...
    pub many_files_cases: usize,
    /// ... within this many minutes.
    pub many_files_minutes: i64,
    pub rows: Vec<UnusualRowOut>,
}

/// Reports of unusual access over a period (default the last 7 days; at most 92): many files
/// in a short time, files of people with the reader's family name, files of colleagues'
/// households (privacy officers only).
#[utoipa::path(get, path = "/api/v1/privacy/unusual-access", tag = "privacy", params(PeriodQuery),
    responses(
        (status = 200, body = UnusualAccessOut),
        (status = 403, description = "Not a privacy officer", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn unusual_access(
    State(s): State<AppState>,
    staff: Staff,
    query: Result<Query<PeriodQuery>, QueryRejection>,
) -> Result<Json<UnusualAccessOut>, ApiError> {
    let Query(q) = query?;
    let r = unusual::report(&s.app, &staff.actor, &q).await?;
    Ok(Json(UnusualAccessOut {
        from: r.from,
        to: r.to,
        many_files_cases: r.burst_cases,
        many_files_minutes: r.burst_minutes,
        rows: r
            .rows
            .into_iter()
            .map(|row| UnusualRowOut {
                kind: row.kind.code().to_owned(),
                user_id: row.user.0,
                user_name: row.user_name,
                subject: row.subject,
                from: row.from,
                to: row.to,
                case_ids: row.cases.iter().map(|c| c.0).collect(),
                matched_name: row.matched_name,
                colleague_name: row.colleague_name,
                review: row.review.map(Into::into),
            })
            .collect(),
    }))
}

/// Mark a row of the report of unusual access justified or not, with a note (privacy officers
/// only; audited).
#[utoipa::path(post, path = "/api/v1/privacy/unusual-access/review", tag = "privacy", request_body = RowReviewInput,
    responses(
        (status = 204, description = "Recorded"),
        (status = 403, description = "Not a privacy officer", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such staff member", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn review_unusual_access(
    State(s): State<AppState>,
    staff: Staff,
    body: Body<RowReviewInput>,
) -> Result<StatusCode, ApiError> {
    let Json(input) = body?;
    unusual::review(&s.app, &staff.actor, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}
