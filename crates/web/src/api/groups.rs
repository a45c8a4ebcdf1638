//! Group support (issue 19): group offers, sessions, participants, the waiting list and
//! attendance. Who may do what: `docs/access.md`, "Group support".

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderName, StatusCode, header};
use buurtteam_app::groups::{
    self as uc, AttendanceInput, EnrolInput, GroupInput, GroupView, LeaveInput, ListQuery, ParticipantView,
    SessionInput, StatusInput,
};
use buurtteam_domain::groups::{GroupStatus, GroupTheme, LeaveReason};
use buurtteam_domain::ids::{GroupId, GroupParticipantId, GroupSessionId};
use buurtteam_store::groups::{Group, Session};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use utoipa::ToSchema;

use super::Body;
use super::dto::ListOut;
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff;

#[derive(Debug, Serialize, ToSchema)]
pub struct DistrictRefOut {
    pub id: i64,
    pub name: String,
}

/// Someone who leads the group: one of our staff (`user_id`) or someone of a partner.
#[derive(Debug, Serialize, ToSchema)]
pub struct FacilitatorOut {
    pub user_id: Option<i64>,
    pub name: String,
    pub partner: bool,
}

/// A group offer: no client data, shown to all staff who work with client records.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupOut {
    pub id: i64,
    pub team_id: i64,
    pub team_name: String,
    pub theme: GroupTheme,
    pub name: String,
    pub target_group: String,
    pub min_age: Option<i64>,
    pub max_age: Option<i64>,
    pub location: String,
    pub capacity: i64,
    pub status: GroupStatus,
    pub districts: Vec<DistrictRefOut>,
    pub facilitators: Vec<FacilitatorOut>,
    /// Places taken (participants not waiting and not left).
    pub participants_active: i64,
    /// On the waiting list.
    pub waiting: i64,
    /// The next session from now.
    pub next_session_at: Option<Timestamp>,
}

impl From<Group> for GroupOut {
    fn from(g: Group) -> Self {
        Self {
            id: g.id.0,
            team_id: g.team_id.0,
            team_name: g.team_name,
            theme: g.theme,
            name: g.name,
            target_group: g.target_group,
            min_age: g.min_age,
            max_age: g.max_age,
            location: g.location,
            capacity: g.capacity,
            status: g.status,
            districts: g.districts.into_iter().map(|(id, name)| DistrictRefOut { id: id.0, name }).collect(),
            facilitators: g
                .facilitators
                .into_iter()
                .map(|f| FacilitatorOut { user_id: f.user_id.map(|u| u.0), partner: f.user_id.is_none(), name: f.name })
                .collect(),
            participants_active: g.active,
            waiting: g.waiting,
            next_session_at: g.next_session,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SessionOut {
    pub id: i64,
    pub group_id: i64,
    pub starts_at: Timestamp,
    pub place: String,
    /// Participants recorded present.
    pub present: i64,
    /// People present who are not registered as participants.
    pub anonymous_present: i64,
    /// When attendance was recorded; `null`: not yet.
    pub attendance_recorded_at: Option<Timestamp>,
}

impl From<Session> for SessionOut {
    fn from(s: Session) -> Self {
        Self {
            id: s.id.0,
            group_id: s.group_id.0,
            starts_at: s.starts_at,
            place: s.place,
            present: s.present,
            anonymous_present: s.anonymous_present,
            attendance_recorded_at: s.attendance_recorded_at,
        }
    }
}

/// A participant. `case_id`, `person_id`, `goal_id` and `goal_title` are given only to staff of
/// the client's own case team; everyone else who may see participants sees the name only.
#[derive(Debug, Serialize, ToSchema)]
pub struct ParticipantOut {
    pub id: i64,
    pub group_id: i64,
    pub name: String,
    /// Enrolled from their case (a client), or by name only.
    pub client: bool,
    pub person_id: Option<i64>,
    pub case_id: Option<i64>,
    pub goal_id: Option<i64>,
    pub goal_title: Option<String>,
    /// On the waiting list.
    pub waiting: bool,
    pub enrolled_on: Date,
    pub left_on: Option<Date>,
    pub leave_reason: Option<LeaveReason>,
    pub leave_note: Option<String>,
}

impl From<ParticipantView> for ParticipantOut {
    fn from(v: ParticipantView) -> Self {
        let p = v.participant;
        let file = v.file_visible;
        Self {
            id: p.id.0,
            group_id: p.group_id.0,
            name: p.name,
            client: v.client,
            person_id: p.person_id.filter(|_| file).map(|x| x.0),
            case_id: p.case_id.filter(|_| file).map(|x| x.0),
            goal_id: p.goal_id.filter(|_| file).map(|x| x.0),
            goal_title: p.goal_title.filter(|_| file),
            waiting: p.waiting,
            enrolled_on: p.enrolled_on,
            left_on: p.left_on,
            leave_reason: p.leave_reason,
            leave_note: p.leave_note,
        }
    }
}

/// One group with its sessions and, for its team and facilitators, its participants.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupDetailOut {
    #[serde(flatten)]
    pub group: GroupOut,
    pub sessions: Vec<SessionOut>,
    /// Everyone enrolled, waiting or left; absent for staff who may not see participants.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub participants: Option<Vec<ParticipantOut>>,
}

impl From<GroupView> for GroupDetailOut {
    fn from(v: GroupView) -> Self {
        Self {
            group: v.group.into(),
            sessions: v.sessions.into_iter().map(Into::into).collect(),
            participants: v.participants.map(|ps| ps.into_iter().map(Into::into).collect()),
        }
    }
}

fn group_uri(id: i64) -> String {
    format!("/api/v1/groups/{id}")
}

type Created<T> = Result<(StatusCode, [(HeaderName, String); 1], Json<T>), ApiError>;

/// Create a group offer on your team (team managers). Starts `planned`.
#[utoipa::path(post, path = "/api/v1/groups", tag = "groups", request_body = GroupInput,
    params(("Idempotency-Key" = Option<String>, Header, description = "Retries with the same key return the first result")),
    responses(
        (status = 201, body = GroupDetailOut, headers(("Location" = String, description = "The new group"))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_group(State(s): State<AppState>, staff: Staff, body: Body<GroupInput>) -> Created<GroupDetailOut> {
    let Json(input) = body?;
    let view = uc::create(&s.app, &staff.actor, &input).await?;
    Ok((StatusCode::CREATED, [(header::LOCATION, group_uri(view.group.id.0))], Json(view.into())))
}

/// The group offers, filtered by district, theme and status (staff who work with client records).
#[utoipa::path(get, path = "/api/v1/groups", tag = "groups", params(ListQuery),
    responses(
        (status = 200, body = ListOut<GroupOut>),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_groups(
    State(s): State<AppState>,
    staff: Staff,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Result<Json<ListOut<GroupOut>>, ApiError> {
    let Query(q) = query?;
    let items = uc::list(&s.app, &staff.actor, &q).await?;
    Ok(Json(ListOut { items: items.into_iter().map(Into::into).collect() }))
}

/// One group with its sessions; its team and facilitators also get its participants (a read
/// that is logged).
#[utoipa::path(get, path = "/api/v1/groups/{id}", tag = "groups", params(("id" = i64, Path)),
    responses(
        (status = 200, body = GroupDetailOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_group(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Json<GroupDetailOut>, ApiError> {
    Ok(Json(uc::get(&s.app, &staff.actor, GroupId(id)).await?.into()))
}

/// Change a group's status: `planned` to `running` or `ended`, `running` to `ended` (its team manager).
#[utoipa::path(post, path = "/api/v1/groups/{id}/status", tag = "groups", params(("id" = i64, Path)), request_body = StatusInput,
    responses(
        (status = 200, body = GroupDetailOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn set_group_status(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<StatusInput>,
) -> Result<Json<GroupDetailOut>, ApiError> {
    let Json(input) = body?;
    Ok(Json(uc::set_status(&s.app, &staff.actor, GroupId(id), &input).await?.into()))
}

/// Add a session to a group (its team manager).
#[utoipa::path(post, path = "/api/v1/groups/{id}/sessions", tag = "groups", params(("id" = i64, Path)), request_body = SessionInput,
    responses(
        (status = 201, body = SessionOut, headers(("Location" = String, description = "The group"))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The group has ended", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn add_session(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<SessionInput>,
) -> Created<SessionOut> {
    let Json(input) = body?;
    let session = uc::add_session(&s.app, &staff.actor, GroupId(id), &input).await?;
    Ok((StatusCode::CREATED, [(header::LOCATION, group_uri(id))], Json(session.into())))
}

/// Enrol someone: a client from their case (`case_id`, `person_id`, optionally a plan goal
/// `goal_id`; staff of the case's team), or someone who is not a client by `name` (the group's
/// team or a facilitator). A full group puts them on the waiting list (`"waiting": true`).
#[utoipa::path(post, path = "/api/v1/groups/{id}/participants", tag = "groups", params(("id" = i64, Path)), request_body = EnrolInput,
    responses(
        (status = 201, description = "Enrolled; `waiting` is true when the group was full", body = ParticipantOut, headers(("Location" = String, description = "The group"))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such group, or a case that is not your team's", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already enrolled, or the group has ended", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn enrol(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<EnrolInput>,
) -> Created<ParticipantOut> {
    let Json(input) = body?;
    let done = uc::enrol(&s.app, &staff.actor, GroupId(id), &input).await?;
    Ok((StatusCode::CREATED, [(header::LOCATION, group_uri(id))], Json(done.participant.into())))
}

/// Record that a participant leaves, with a reason; the first on the waiting list moves up.
#[utoipa::path(post, path = "/api/v1/group-participants/{id}/leave", tag = "groups", params(("id" = i64, Path)), request_body = LeaveInput,
    responses(
        (status = 200, body = ParticipantOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Left already", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn leave(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<LeaveInput>,
) -> Result<Json<ParticipantOut>, ApiError> {
    let Json(input) = body?;
    Ok(Json(uc::leave(&s.app, &staff.actor, GroupParticipantId(id), &input).await?.into()))
}

/// Record a session's attendance: `present` lists the participants who came; every other
/// participant of the group is recorded absent.
#[utoipa::path(post, path = "/api/v1/group-sessions/{id}/attendance", tag = "groups", params(("id" = i64, Path)), request_body = AttendanceInput,
    responses(
        (status = 200, body = SessionOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The session has not taken place yet", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn record_attendance(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<AttendanceInput>,
) -> Result<Json<SessionOut>, ApiError> {
    let Json(input) = body?;
    Ok(Json(uc::record_attendance(&s.app, &staff.actor, GroupSessionId(id), &input).await?.into()))
}
