//! Complaints (decision 0032): registered on a case by its team, submitted in Mijn Buurtteam,
//! handled in steps by the case's team managers towards a decision within six weeks (once put
//! off by four). Who sees what is `domain::policy::complaints` (docs/access.md).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderName, StatusCode, header};
use buurtteam_app::complaints::{
    self as uc, ComplaintInput, ComplaintView, ExtensionInput, LessonsInput, ListItem, StepInput,
};
use buurtteam_domain::ids::CaseId;
use jiff::civil::Date;
use serde::Serialize;
use utoipa::ToSchema;

use super::Body;
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff as Account;

/// A handling step. `note` only for the case's team managers.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintStepOut {
    /// `received`, `worker_conversation`, `team_manager_mediation`, `management`, `external_committee`.
    pub step: String,
    pub on: Date,
    pub outcome: Option<String>,
    pub note: Option<String>,
}

/// A complaint as the reader may see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintOut {
    pub id: i64,
    pub case_id: i64,
    pub team_id: i64,
    pub subject: String,
    /// `worker`, `team` or `organisation`.
    pub against: String,
    /// The worker complained about (staff only).
    pub against_worker: Option<String>,
    pub wish: String,
    /// `staff` or `portal`.
    pub channel: String,
    pub received_on: Date,
    /// Six weeks after receipt, ten once put off.
    pub decide_by: Date,
    /// The day the complainant was told the decision is put off.
    pub extended_on: Option<Date>,
    /// Why it was put off (team managers only).
    pub extension_reason: Option<String>,
    /// `well_founded`, `partly_well_founded`, `unfounded`, `withdrawn`, `resolved_informally`.
    pub outcome: Option<String>,
    pub decided_on: Option<Date>,
    /// Working days left to `decide_by` while undecided (negative: late).
    pub working_days_left: Option<i32>,
    pub within_deadline: Option<bool>,
    /// What the team learned (the team managers and the worker complained about).
    pub lessons: Option<String>,
    pub steps: Vec<ComplaintStepOut>,
}

impl From<ComplaintView> for ComplaintOut {
    fn from(k: ComplaintView) -> Self {
        Self {
            id: k.id,
            case_id: k.case_id.0,
            team_id: k.team_id.0,
            subject: k.subject,
            against: k.against.code().into(),
            against_worker: k.against_worker,
            wish: k.wish,
            channel: k.channel,
            received_on: k.received_on,
            decide_by: k.decide_by,
            extended_on: k.extended_on,
            extension_reason: k.extension_reason,
            outcome: k.outcome.map(|o| o.code().into()),
            decided_on: k.decided_on,
            working_days_left: k.working_days_left,
            within_deadline: k.within_deadline,
            lessons: k.lessons,
            steps: k
                .steps
                .into_iter()
                .map(|s| ComplaintStepOut {
                    step: s.step.code().into(),
                    on: s.on,
                    outcome: s.outcome.map(|o| o.code().into()),
                    note: s.note,
                })
                .collect(),
        }
    }
}

/// A complaint in the team manager's list.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintItemOut {
    pub id: i64,
    pub case_id: i64,
    pub team: String,
    pub subject: String,
    pub against: String,
    pub received_on: Date,
    pub decide_by: Date,
    pub extended: bool,
    pub last_step: String,
    pub outcome: Option<String>,
    pub working_days_left: Option<i32>,
}

impl From<ListItem> for ComplaintItemOut {
    fn from(k: ListItem) -> Self {
        Self {
            id: k.id,
            case_id: k.case_id.0,
            team: k.team_name,
            subject: k.subject,
            against: k.against.code().into(),
            received_on: k.received_on,
            decide_by: k.decide_by,
            extended: k.extended,
            last_step: k.last_step.code().into(),
            outcome: k.outcome.map(|o| o.code().into()),
            working_days_left: k.working_days_left,
        }
    }
}

type Created = Result<(StatusCode, [(HeaderName, String); 2], Json<ComplaintOut>), ApiError>;

fn created(k: ComplaintView) -> Created {
    let at = format!("/api/v1/complaints/{}", k.id);
    Ok((StatusCode::CREATED, [(header::LOCATION, at.clone()), (header::CONTENT_LOCATION, at)], Json(k.into())))
}

/// Register a complaint on a case (staff of the case's team), received today: the answer
/// carries its `id` and `decide_by`, six weeks on (Jeugdwet art. 4.2.2).
#[utoipa::path(post, path = "/api/v1/complaints", tag = "complaints", request_body = ComplaintInput,
    responses(
        (status = 201, body = ComplaintOut, headers(("Location" = String, description = "The complaint"))),
        (status = 404, description = "No such case, or not of your teams", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn register_complaint(State(s): State<AppState>, a: Account, body: Body<ComplaintInput>) -> Created {
    let Json(input) = body?;
    created(uc::register(&s.app, &a.actor, &input).await?)
}

/// The complaints of the team manager's teams, newest first, with the working-day countdown.
#[utoipa::path(get, path = "/api/v1/complaints", tag = "complaints",
    responses(
        (status = 200, body = Vec<ComplaintItemOut>),
        (status = 403, description = "Not a team manager", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_complaints(State(s): State<AppState>, a: Account) -> Result<Json<Vec<ComplaintItemOut>>, ApiError> {
    Ok(Json(uc::list_for_teams(&s.app, &a.actor, false).await?.into_iter().map(Into::into).collect()))
}

/// One complaint: for the case's team managers everything; for the worker complained about
/// its steps without notes; in the portal for the complainant and the parents with authority.
#[utoipa::path(get, path = "/api/v1/complaints/{id}", tag = "complaints", params(("id" = i64, Path)),
    responses(
        (status = 200, body = ComplaintOut),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_complaint(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
) -> Result<Json<ComplaintOut>, ApiError> {
    Ok(Json(uc::get(&s.app, &a.actor, id).await?.into()))
}

/// Record a handling step (the case's team managers): after the last step in the order
/// received, worker_conversation, team_manager_mediation, management, external_committee; on a
/// day not in the future and not before receipt. An `outcome` decides the complaint; after that
/// only the external committee may follow (409 otherwise).
#[utoipa::path(post, path = "/api/v1/complaints/{id}/steps", tag = "complaints", params(("id" = i64, Path)),
    request_body = StepInput,
    responses(
        (status = 201, body = ComplaintOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Out of order, or decided", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn record_step(State(s): State<AppState>, a: Account, Path(id): Path<i64>, body: Body<StepInput>) -> Created {
    let Json(input) = body?;
    created(uc::record_step(&s.app, &a.actor, id, &input).await?)
}

/// Put off the decision by four weeks, once, with the day the complainant was told (within the
/// six weeks) and the reason.
#[utoipa::path(post, path = "/api/v1/complaints/{id}/extension", tag = "complaints", params(("id" = i64, Path)),
    request_body = ExtensionInput,
    responses(
        (status = 200, body = ComplaintOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Put off before, or decided", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn extend(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<ExtensionInput>,
) -> Result<Json<ComplaintOut>, ApiError> {
    let Json(input) = body?;
    Ok(Json(uc::extend(&s.app, &a.actor, id, &input).await?.into()))
}

/// Write what the team learned from the complaint (the case's team managers).
#[utoipa::path(put, path = "/api/v1/complaints/{id}/lessons", tag = "complaints", params(("id" = i64, Path)),
    request_body = LessonsInput,
    responses(
        (status = 200, body = ComplaintOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn record_lessons(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<LessonsInput>,
) -> Result<Json<ComplaintOut>, ApiError> {
    let Json(input) = body?;
    Ok(Json(uc::record_lessons(&s.app, &a.actor, id, &input).await?.into()))
}

/// The complaints on a case that the reader may see.
#[utoipa::path(get, path = "/api/v1/cases/{id}/complaints", tag = "complaints", params(("id" = i64, Path)),
    responses(
        (status = 200, body = Vec<ComplaintOut>),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn case_complaints(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
) -> Result<Json<Vec<ComplaintOut>>, ApiError> {
    Ok(Json(uc::of_case(&s.app, &a.actor, CaseId(id)).await?.into_iter().map(Into::into).collect()))
}

/// Mijn Buurtteam: the complaints on the family's case that the signed-in member may see.
#[utoipa::path(get, path = "/api/v1/portal/complaints", tag = "complaints",
    responses(
        (status = 200, body = Vec<ComplaintOut>),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn portal_complaints(State(s): State<AppState>, a: Account) -> Result<Json<Vec<ComplaintOut>>, ApiError> {
    Ok(Json(uc::portal_list(&s.app, &a.actor).await?.1.into_iter().map(Into::into).collect()))
}

/// Mijn Buurtteam: submit a complaint about the family's case (a parent, or a young person
/// from 12 about their own help), received today.
#[utoipa::path(post, path = "/api/v1/portal/complaints", tag = "complaints", request_body = ComplaintInput,
    responses(
        (status = 201, body = ComplaintOut),
        (status = 403, description = "Not a parent, nor a client from 12", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn submit_complaint(State(s): State<AppState>, a: Account, body: Body<ComplaintInput>) -> Created {
    let Json(input) = body?;
    created(uc::submit(&s.app, &a.actor, &input).await?)
}

/// Complaints received in a period for one team: how many, by outcome, how many were decided
/// within the deadline (docs/kpi.md). Counts other than `received` under 5 are `"<5"`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintCountsOut {
    pub team_id: i64,
    pub received: u64,
    /// Per outcome code: a number, or `"<5"`.
    #[schema(value_type = Object)]
    pub by_outcome: std::collections::BTreeMap<String, serde_json::Value>,
    /// A number, or `"<5"`.
    #[schema(value_type = Object)]
    pub open: serde_json::Value,
    /// A number, or `"<5"`.
    #[schema(value_type = Object)]
    pub decided_within_deadline: serde_json::Value,
    /// A number, or `"<5"`.
    #[schema(value_type = Object)]
    pub decided_late: serde_json::Value,
}

fn shown(n: u64) -> serde_json::Value {
    if n > 0 && n < buurtteam_domain::kpi::SUPPRESS_BELOW {
        serde_json::Value::from(buurtteam_domain::kpi::SUPPRESSED)
    } else {
        serde_json::Value::from(n)
    }
}

/// The period, as sent: checked after who asks is decided (an outsider gets a 403 whatever
/// the dates), then a 422 per field.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
pub struct Period {
    /// First day (`YYYY-MM-DD`).
    #[param(format = Date, required = true)]
    pub from: Option<String>,
    /// Last day (`YYYY-MM-DD`).
    #[param(format = Date, required = true)]
    pub to: Option<String>,
}

/// Steering: complaints per team in a period (team managers: their teams; analysts: all).
#[utoipa::path(get, path = "/api/v1/complaint-counts", tag = "complaints", params(Period),
    responses(
        (status = 200, body = Vec<ComplaintCountsOut>),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn complaint_counts(
    State(s): State<AppState>,
    a: Account,
    axum::extract::Query(p): axum::extract::Query<Period>,
) -> Result<Json<Vec<ComplaintCountsOut>>, ApiError> {
    let rows = uc::counts_between(&s.app, &a.actor, p.from.as_deref(), p.to.as_deref()).await?;
    Ok(Json(
        rows.into_iter()
            .map(|t| ComplaintCountsOut {
                team_id: t.team_id.0,
                received: t.counts.received,
                by_outcome: t.counts.by_outcome.iter().map(|(o, n)| (o.code().to_owned(), shown(*n))).collect(),
                open: shown(t.counts.open),
                decided_within_deadline: shown(t.counts.decided_within_deadline),
                decided_late: shown(t.counts.decided_late),
            })
            .collect(),
    ))
}
