//! The worklist (`/`, its page in `today`) and a team's waiting list, and the texts of a case
//! in a list that both share.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_app::cases::{self, CaseView};
use buurtteam_app::organisation;
use buurtteam_domain::case::CaseStatus;
use buurtteam_domain::ids::TeamId;
use buurtteam_store::organisation::Team;

use super::i18n::Tr;
use super::{Chrome, StaffPage, render};

mod caseload;
mod claim;
mod today;
use crate::AppState;
pub use caseload::page as caseload;
pub use claim::{assign, claim};
pub use today::page;

/// One case as a row of a list, its texts ready.
pub struct Row {
    pub id: i64,
    pub clients: String,
    pub referred_on: String,
    /// What is due next, e.g. "Kennismaking uiterlijk 27 november 2026".
    pub next: String,
    /// "nog 2 werkdagen", "vandaag", "3 werkdagen te laat".
    pub countdown: String,
    pub overdue: bool,
    pub requested: String,
    /// Who carries it (0: nobody yet).
    pub worker_id: i64,
    pub waited_days: i64,
}

pub fn clients_label(view: &CaseView) -> String {
    view.case.clients_label()
}

pub(super) fn row(tr: Tr, view: &CaseView, today: jiff::civil::Date) -> Row {
    let c = &view.case;
    let (next, countdown, overdue) = match c.status {
        CaseStatus::Referred => {
            let (next, countdown, overdue) = intake_due_text(tr, view);
            (next, countdown, overdue)
        }
        CaseStatus::IntakeHeld => match c.start_due_on {
            Some(due) => {
                let (countdown, overdue) = tr.countdown(due, today);
                (tr.t1("next-start", "date", tr.date(&due)), countdown, overdue)
            }
            None => (String::new(), String::new(), false),
        },
        _ => match c.next_evaluation_on.filter(|_| c.status == CaseStatus::InSupport) {
            // In support: the family plan's next evaluation, when one is planned.
            Some(due) => super::plan::evaluation_due(tr, due, today),
            None => {
                let changed = c.updated_at.to_zoned(jiff::tz::TimeZone::UTC).date();
                (tr.t1("last-activity", "date", tr.date(&changed)), String::new(), false)
            }
        },
    };
    Row {
        id: c.id.0,
        clients: clients_label(view),
        referred_on: tr.date(&c.referred_on),
        next,
        countdown,
        overdue,
        worker_id: c.worker_id.map_or(0, |w| w.0),
        requested: c.requested_intake_on.map(|d| tr.date(&d)).unwrap_or_default(),
        waited_days: i64::from((today - c.referred_on).get_days()),
    }
}

/// The intake's due date and working-day countdown; where the referrer or the family asked
/// for a later intake, the countdown runs to that date.
pub fn intake_due_text(tr: Tr, view: &CaseView) -> (String, String, bool) {
    let c = &view.case;
    let left = view.next_working_days_left.or(view.intake_working_days_left).unwrap_or(0);
    let countdown = match left {
        0 => tr.t("countdown-today"),
        n if n > 0 => tr.t1("countdown-left", "days", n),
        n => tr.t1("countdown-late", "days", -n),
    };
    let next = match (c.later_intake_requested_by, c.next_due_on) {
        (Some(by), Some(next)) if next > c.intake_due_on => {
            tr.t2("next-intake-requested", "date", tr.date(&next), "by", tr.code("requested-by", by.code()))
        }
        _ => tr.t1("next-intake", "date", tr.date(&c.intake_due_on)),
    };
    (next, countdown, left < 0)
}

#[derive(Template)]
#[template(path = "waiting_list.html")]
struct WaitingListPage {
    page: Chrome,
    team: String,
    rows: Vec<Row>,
    teams: Vec<(i64, String)>,
    team_id: i64,
    /// The team's workers, to assign a referral to.
    workers: Vec<(i64, String)>,
}

pub async fn waiting_list(State(state): State<AppState>, staff: StaffPage, Path(team_id): Path<i64>) -> Response {
    let tr = staff.tr();
    let chrome = staff.chrome("worklist");
    let list = or_error_page!(cases::waiting_list(&state.app, &staff.actor, TeamId(team_id)).await, &chrome);
    let teams = or_error_page!(organisation::list_teams(&state.app, &staff.actor).await, &chrome);
    let my_teams: Vec<Team> = teams.into_iter().filter(|t| staff.actor.team_ids.contains(&t.id)).collect();
    let today = state.app.today();
    let rows = list.cases.iter().map(|v| row(tr, v, today)).collect();

    render(
        StatusCode::OK,
        &WaitingListPage {
            page: chrome,
            team: my_teams.iter().find(|t| t.id.0 == team_id).map(|t| t.name.clone()).unwrap_or_default(),
            rows,
            teams: my_teams.iter().map(|t| (t.id.0, t.name.clone())).collect(),
            team_id,
            workers: list.staff.iter().map(|(id, name)| (id.0, name.clone())).collect(),
        },
    )
}
