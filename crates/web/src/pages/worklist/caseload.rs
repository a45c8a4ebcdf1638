//! `/teams/{id}/caseload`: a team manager's view of who carries what, with each worker's cases
//! to reassign in place.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_app::cases::{self, WorkerLoad};
use buurtteam_domain::ids::TeamId;

use super::{Row, row};
use crate::AppState;
use crate::pages::{Chrome, StaffPage, render};

/// One worker's line, with their cases.
pub struct LoadRow {
    pub worker_id: i64,
    pub name: String,
    pub referred: usize,
    pub intake_held: usize,
    pub in_support: usize,
    pub open: usize,
    pub overdue: usize,
    pub next_due: String,
    pub cases: Vec<Row>,
}

#[derive(Template)]
#[template(path = "caseload.html")]
struct CaseloadPage {
    page: Chrome,
    team: String,
    team_id: i64,
    rows: Vec<LoadRow>,
    unassigned: LoadRow,
    /// The team's workers, to assign a case to.
    workers: Vec<(i64, String)>,
    /// Cases of workers absent today that no stand-in holds: id, clients, worker (decision 0037).
    uncovered: Vec<(i64, String, String)>,
}

pub async fn page(State(state): State<AppState>, staff: StaffPage, Path(team_id): Path<i64>) -> Response {
    let tr = staff.tr();
    let chrome = staff.chrome("worklist");
    let load = or_error_page!(cases::caseload(&state.app, &staff.actor, TeamId(team_id)).await, &chrome);
    let line = |l: &WorkerLoad| LoadRow {
        worker_id: l.worker.as_ref().map_or(0, |(id, _)| id.0),
        name: l.worker.as_ref().map_or_else(|| tr.t("worker-none"), |(_, n)| n.clone()),
        referred: l.referred,
        intake_held: l.intake_held,
        in_support: l.in_support,
        open: l.open(),
        overdue: l.overdue,
        next_due: l.next_due_on.map(|d| tr.date(&d)).unwrap_or_else(|| "—".to_owned()),
        cases: l.cases.iter().map(|v| row(tr, v, load.today)).collect(),
    };
    let rows: Vec<LoadRow> = load.workers.iter().map(line).collect();
    let workers = load.workers.iter().filter_map(|l| l.worker.as_ref().map(|(id, n)| (id.0, n.clone()))).collect();
    render(
        StatusCode::OK,
        &CaseloadPage {
            page: chrome,
            team: load.team.name.clone(),
            team_id,
            unassigned: line(&load.unassigned),
            uncovered: load
                .uncovered
                .iter()
                .map(|v| {
                    let worker = load
                        .workers
                        .iter()
                        .find_map(|l| l.worker.as_ref().filter(|(id, _)| Some(*id) == v.case.worker_id))
                        .map_or_else(String::new, |(_, n)| n.clone());
                    (v.case.id.0, super::clients_label(v), worker)
                })
                .collect(),
            rows,
            workers,
        },
    )
}
