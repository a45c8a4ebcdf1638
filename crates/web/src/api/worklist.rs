//! The worklist of today (`GET /api/v1/worklist`): the same sections as the page `/`, for an
//! app on a worker's phone.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use buurtteam_app::cases::{self as uc, Scope, Section, Worklist, WorklistInput};
use buurtteam_store::agenda::AgendaItem;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use utoipa::ToSchema;

use super::dto::CaseOut;
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff;

/// The worklist: the agenda (appointments of today and this week, actions due within 7 days,
/// the family's proposals and unanswered comments, evaluations due within 14 days, silent
/// cases) and the cases by phase. Without `section` every section holds its first items
/// (agenda 5, phases 50); with `section` that one section, 50 a page.
#[utoipa::path(get, path = "/api/v1/worklist", tag = "cases", params(WorklistInput),
    responses((status = 200, body = WorklistOut), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn worklist(
    State(s): State<AppState>,
    staff: Staff,
    query: Result<Query<WorklistInput>, QueryRejection>,
) -> Result<Json<WorklistOut>, ApiError> {
    let Query(input) = query?;
    Ok(Json(uc::worklist(&s.app, &staff.actor, &input).await?.into()))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorklistOut {
    /// `mine` (the caller's cases and new referrals nobody carries) or `team`.
    pub scope: String,
    /// The worker whose cases these are, if one.
    pub worker_id: Option<i64>,
    pub sections: Vec<WorklistSectionOut>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorklistSectionOut {
    /// `appointments`, `actions`, `proposals`, `comments`, `evaluations`, `silent`, or a phase:
    /// `referred`, `intake_held`, `in_support`.
    pub section: String,
    /// The cases of a phase section.
    pub cases: Vec<CaseOut>,
    /// The items of an agenda section.
    pub items: Vec<AgendaItemOut>,
    /// How many there are in all.
    pub total: i64,
    pub offset: i64,
    pub limit: i64,
}

/// One thing to do on a case.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgendaItemOut {
    pub case_id: i64,
    /// Who carries the case.
    pub worker_id: Option<i64>,
    /// The clients' names, e.g. "Priya Öztürk, Deniz Öztürk".
    pub clients: String,
    /// When an action or evaluation is due; for a silent case the date of the last contact.
    pub on: Option<Date>,
    /// When an appointment starts, or a proposal or comment was written.
    pub at: Option<Timestamp>,
    /// The action, the proposal's title, the comment, or the appointment's place and description.
    pub text: String,
    pub goal_id: Option<i64>,
    pub goal_title: Option<String>,
    /// Who wrote a proposal or comment.
    pub by: Option<String>,
}

impl From<Worklist> for WorklistOut {
    fn from(w: Worklist) -> Self {
        let Worklist { scope, worker, sections, cases, .. } = w;
        let item = |i: AgendaItem| AgendaItemOut {
            case_id: i.case_id.0,
            worker_id: i.worker_id.map(|u| u.0),
            clients: cases.get(&i.case_id).map(|v| v.case.clients_label()).unwrap_or_default(),
            on: i.on,
            at: i.at,
            text: i.text,
            goal_id: i.goal.as_ref().map(|(g, _)| g.0),
            goal_title: i.goal.map(|(_, t)| t),
            by: i.by,
        };
        let section = |s: Section| WorklistSectionOut {
            section: s.kind.code().to_owned(),
            cases: s.items.into_iter().map(CaseOut::from).collect(),
            items: s.agenda.into_iter().map(item).collect(),
            total: s.total,
            offset: s.offset,
            limit: s.limit,
        };
        Self {
            scope: if scope == Scope::Mine { "mine" } else { "team" }.to_owned(),
            worker_id: worker.map(|u| u.0),
            sections: sections.into_iter().map(section).collect(),
        }
    }
}

/// A team's caseload per worker (team managers of the team): open cases by phase, overdue
/// cases and the next deadline per worker, and the cases nobody carries yet.
#[utoipa::path(get, path = "/api/v1/teams/{id}/caseload", tag = "cases", params(("id" = i64, Path)),
    responses((status = 200, body = CaseloadOut), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn caseload(
    State(s): State<AppState>,
    staff: Staff,
    axum::extract::Path(id): axum::extract::Path<i64>,
) -> Result<Json<CaseloadOut>, ApiError> {
    let load = uc::caseload(&s.app, &staff.actor, buurtteam_domain::ids::TeamId(id)).await?;
    Ok(Json(CaseloadOut {
        team_id: load.team.id.0,
        workers: load.workers.iter().map(WorkerLoadOut::from).collect(),
        unassigned: WorkerLoadOut::from(&load.unassigned),
        uncovered_case_ids: load.uncovered.iter().map(|v| v.case.id.0).collect(),
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CaseloadOut {
    pub team_id: i64,
    /// Fewest open cases first.
    pub workers: Vec<WorkerLoadOut>,
    /// The open cases nobody carries yet.
    pub unassigned: WorkerLoadOut,
    /// Open cases of workers absent today that no stand-in holds (decision 0037).
    pub uncovered_case_ids: Vec<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorkerLoadOut {
    /// Absent for the cases nobody carries.
    pub worker_id: Option<i64>,
    pub name: Option<String>,
    /// New referrals held.
    pub referred: usize,
    pub intake_held: usize,
    pub in_support: usize,
    /// Cases whose next deadline has passed.
    pub overdue: usize,
    pub next_due_on: Option<Date>,
    /// Their open cases, earliest deadline first.
    pub case_ids: Vec<i64>,
}

impl From<&uc::WorkerLoad> for WorkerLoadOut {
    fn from(l: &uc::WorkerLoad) -> Self {
        Self {
            worker_id: l.worker.as_ref().map(|(id, _)| id.0),
            name: l.worker.as_ref().map(|(_, n)| n.clone()),
            referred: l.referred,
            intake_held: l.intake_held,
            in_support: l.in_support,
            overdue: l.overdue,
            next_due_on: l.next_due_on,
            case_ids: l.cases.iter().map(|v| v.case.id.0).collect(),
        }
    }
}
