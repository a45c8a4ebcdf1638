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
        let item = |i: AgendaItem| AgendaItemOut {
            case_id: i.case_id.0,
            worker_id: i.worker_id.map(|u| u.0),
            clients: w.cases.get(&i.case_id).map(|v| client_names(&v.case)).unwrap_or_default(),
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
        let sections = w.sections.clone().into_iter().map(section).collect();
        Self {
            scope: if w.scope == Scope::Mine { "mine" } else { "team" }.to_owned(),
            worker_id: w.worker.map(|u| u.0),
            sections,
        }
    }
}

fn client_names(c: &buurtteam_store::cases::Case) -> String {
    c.clients.iter().map(|p| format!("{} {}", p.given_name, p.family_name)).collect::<Vec<_>>().join(", ")
}
