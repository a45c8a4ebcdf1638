//! Group support considered in every case, and the collective approach's activities (issue
//! 19). Decided by `buurtteam_domain::policy::group_support` in the use cases.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use buurtteam_app::collective::{self, CollectiveActivityInput, CollectiveList, CollectiveQuery, Recorded};
use buurtteam_app::plan::{self as uc, GroupSupportInput, GroupSupportView};
use buurtteam_domain::group_support::NotUsedReason;
use buurtteam_domain::ids::CaseId;
use buurtteam_store::group_support::CollectiveActivity;
use serde::Serialize;

use super::Body;
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff;

/// Whether group support was considered in a case, and whether it is used.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct GroupSupportOut {
    pub case_id: i64,
    /// Recorded as considered, or used.
    pub considered: bool,
    /// Someone of the case takes part in a group (not on a waiting list).
    pub used: bool,
    /// The groups they take part in.
    pub groups: Vec<String>,
    /// Whether a record was made at all (`false`: not asked yet).
    pub recorded: bool,
    /// Why it is not used, as recorded.
    pub reason: Option<NotUsedReason>,
    pub reason_text: Option<String>,
    /// The day it was recorded, `YYYY-MM-DD`.
    pub recorded_on: Option<String>,
    pub recorded_by: Option<i64>,
}

impl From<GroupSupportView> for GroupSupportOut {
    fn from(v: GroupSupportView) -> Self {
        let (considered, used) = (v.considered(), v.used());
        let r = v.record;
        Self {
            case_id: v.case_id.0,
            considered,
            used,
            groups: v.groups,
            recorded: r.is_some(),
            reason: r.as_ref().and_then(|r| r.reason),
            reason_text: r.as_ref().map(|r| r.reason_text.clone()).filter(|t| !t.is_empty()),
            recorded_on: r.as_ref().map(|r| r.recorded_on.to_string()),
            recorded_by: r.as_ref().map(|r| r.recorded_by.0),
        }
    }
}

/// Whether group support was considered in a case and, if it is not used, why (staff of the
/// case's team; read under an emergency grant).
#[utoipa::path(get, path = "/api/v1/cases/{id}/group-support", tag = "plan", params(("id" = i64, Path)),
    responses((status = 200, body = GroupSupportOut), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_group_support(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Json<GroupSupportOut>, ApiError> {
    Ok(Json(uc::group_support(&s.app, &staff.actor, CaseId(id)).await?.into()))
}

/// Record whether group support was considered in a case and, if it is not used, why
/// (`reason`: `no_suitable_group`, `family_declined`, `not_needed_now`, `waiting_for_a_group`,
/// `other` with `reason_text`). Replaces the last record; the audit log keeps the history
/// (`case.group_support_recorded`). Staff of the case's team; 409 on a closed case.
#[utoipa::path(put, path = "/api/v1/cases/{id}/group-support", tag = "plan", params(("id" = i64, Path)),
    request_body = GroupSupportInput,
    responses((status = 200, body = GroupSupportOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn record_group_support(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    body: Body<GroupSupportInput>,
) -> Result<Json<GroupSupportOut>, ApiError> {
    let Json(input) = body?;
    Ok(Json(uc::record_group_support(&s.app, &staff.actor, CaseId(id), &input).await?.into()))
}

/// A meeting of the collective approach: counts by kind, never names.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CollectiveActivityOut {
    pub id: i64,
    pub team_id: i64,
    pub district_id: i64,
    /// `YYYY-MM-DD`.
    pub held_on: String,
    pub theme: String,
    pub partners: Vec<String>,
    pub parents: u64,
    pub young_people: u64,
    pub professionals: u64,
    /// The signals gathered, with names and numbers removed.
    pub signals: String,
    pub created_by: i64,
}

impl From<CollectiveActivity> for CollectiveActivityOut {
    fn from(a: CollectiveActivity) -> Self {
        Self {
            id: a.id,
            team_id: a.team_id.0,
            district_id: a.district_id.0,
            held_on: a.held_on.to_string(),
            theme: a.theme,
            partners: a.partners,
            parents: a.participants.parents,
            young_people: a.participants.young_people,
            professionals: a.participants.professionals,
            signals: a.signals,
            created_by: a.created_by.0,
        }
    }
}

/// A recorded activity, and whether names or numbers were taken out of its signals.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RecordedOut {
    #[serde(flatten)]
    pub activity: CollectiveActivityOut,
    /// `true` when names or numbers were removed from the signals before they were stored.
    pub signals_redacted: bool,
}

impl From<Recorded> for RecordedOut {
    fn from(r: Recorded) -> Self {
        Self { activity: r.activity.into(), signals_redacted: r.signals_redacted }
    }
}

/// The activities of one district in the period.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DistrictActivitiesOut {
    pub district_id: i64,
    pub name: String,
    pub activities: Vec<CollectiveActivityOut>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CollectiveListOut {
    pub from: String,
    pub to: String,
    pub districts: Vec<DistrictActivitiesOut>,
}

impl From<CollectiveList> for CollectiveListOut {
    fn from(l: CollectiveList) -> Self {
        Self {
            from: l.from.to_string(),
            to: l.to.to_string(),
            districts: l
                .districts
                .into_iter()
                .map(|(d, list)| DistrictActivitiesOut {
                    district_id: d.id.0,
                    name: d.name,
                    activities: list.into_iter().map(Into::into).collect(),
                })
                .collect(),
        }
    }
}

/// Record a meeting of the collective approach in a district one of the actor's teams serves
/// (family workers, team managers). The signals are stored with names and numbers removed;
/// `signals_redacted` says whether any were. Logged as `collective_activity.recorded`.
#[utoipa::path(post, path = "/api/v1/collective-activities", tag = "groups", request_body = CollectiveActivityInput,
    responses((status = 201, body = RecordedOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn record_collective_activity(
    State(s): State<AppState>,
    staff: Staff,
    body: Body<CollectiveActivityInput>,
) -> Result<(StatusCode, Json<RecordedOut>), ApiError> {
    let Json(input) = body?;
    Ok((StatusCode::CREATED, Json(collective::record(&s.app, &staff.actor, &input).await?.into())))
}

/// The collective activities of the districts the actor's teams serve (or of one of them),
/// newest first, in a period (by default the twelve months up to today).
#[utoipa::path(get, path = "/api/v1/collective-activities", tag = "groups", params(CollectiveQuery),
    responses((status = 200, body = CollectiveListOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn list_collective_activities(
    State(s): State<AppState>,
    staff: Staff,
    query: Result<Query<CollectiveQuery>, QueryRejection>,
) -> Result<Json<CollectiveListOut>, ApiError> {
    let Query(q) = query?;
    Ok(Json(collective::list(&s.app, &staff.actor, &q).await?.into()))
}
