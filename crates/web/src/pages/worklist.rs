//! The worklist (`/`) and a team's waiting list.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_app::cases::{self, CaseView, Scope, WorklistInput};
use buurtteam_app::organisation;
use buurtteam_domain::case::CaseStatus;
use buurtteam_domain::ids::{TeamId, UserId};
use buurtteam_store::organisation::Team;

use super::i18n::Tr;
use super::{Chrome, StaffPage, app_error_page, render};
use crate::AppState;

/// One case as a row of a list, its texts ready.
pub struct Row {
    pub id: i64,
    pub clients: String,
    pub team: String,
    pub referred_on: String,
    /// What is due next, e.g. "Kennismaking uiterlijk 27 november 2026".
    pub next: String,
    /// "nog 2 werkdagen", "vandaag", "3 werkdagen te laat".
    pub countdown: String,
    pub overdue: bool,
    pub worker: String,
    pub requested: String,
    pub waited_days: i64,
}

pub fn clients_label(view: &CaseView) -> String {
    view.case.clients.iter().map(|c| format!("{} {}", c.given_name, c.family_name)).collect::<Vec<_>>().join(", ")
}

fn row(tr: Tr, view: &CaseView, teams: &[Team], staff: &[(UserId, String)], today: jiff::civil::Date) -> Row {
    let c = &view.case;
    let (next, countdown, overdue) = match c.status {
        CaseStatus::Referred => {
            let (next, countdown, overdue) = intake_due_text(tr, view);
            (next, countdown, overdue)
        }
        CaseStatus::IntakeHeld => match c.start_due_on {
            Some(due) => {
                let days = i64::from((due - today).get_days());
                let countdown = match days {
                    0 => tr.t("countdown-today"),
                    n if n > 0 => tr.t1("countdown-days-left", "days", n),
                    n => tr.t1("countdown-days-late", "days", -n),
                };
                (tr.t1("next-start", "date", tr.date(&due)), countdown, days < 0)
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
        team: teams.iter().find(|t| t.id == c.team_id).map(|t| t.name.clone()).unwrap_or_default(),
        referred_on: tr.date(&c.referred_on),
        next,
        countdown,
        overdue,
        worker: c
            .worker_id
            .and_then(|w| staff.iter().find(|(id, _)| *id == w))
            .map_or_else(|| tr.t("worker-none"), |(_, n)| n.clone()),
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

pub struct ShownSection {
    pub title: String,
    pub id: String,
    pub rows: Vec<Row>,
    pub total: i64,
    pub overdue: usize,
}

#[derive(Template)]
#[template(path = "worklist.html")]
struct WorklistPage {
    page: Chrome,
    sections: Vec<ShownSection>,
    teams: Vec<(String, String)>,
    statuses: Vec<(String, String)>,
    scope: &'static str,
    team_id: String,
    status: String,
    error: Option<String>,
}

/// The filters from the query string; empty values (the "all teams" option) count as absent,
/// and a team that is not a number as team 0, which the use case reports as not yours.
fn filters(query: &[(String, String)]) -> WorklistInput {
    let get =
        |name: &str| query.iter().find(|(n, _)| n == name).map(|(_, v)| v.trim().to_owned()).filter(|v| !v.is_empty());
    WorklistInput {
        team_id: get("team_id").map(|t| t.parse().unwrap_or(0)),
        status: get("status"),
        scope: get("scope"),
    }
}

pub async fn page(
    State(state): State<AppState>,
    staff: StaffPage,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let input = filters(&query);
    let tr = staff.tr();
    let chrome = staff.chrome("worklist");
    if !buurtteam_domain::policy::has_client_access(staff.actor.role) {
        // Analysts and administrators work with no client records: no worklist to show.
        return super::error_page(&chrome, StatusCode::OK, "home-no-cases-title", "home-no-cases-detail");
    }
    let (list, error) = match cases::worklist(&state.app, &staff.actor, &input).await {
        Ok(l) => (l, None),
        Err(buurtteam_app::AppError::Validation(_)) => {
            // A hand-edited filter: show the unfiltered list and say so.
            match cases::worklist(&state.app, &staff.actor, &WorklistInput::default()).await {
                Ok(l) => (l, Some(tr.t("worklist-bad-filter"))),
                Err(e) => return app_error_page(&chrome, e),
            }
        }
        Err(e) => return app_error_page(&chrome, e),
    };
    let today = state.app.today();
    let my_teams = &list.teams;
    let sections = list
        .sections
        .iter()
        .map(|s| {
            let rows: Vec<Row> = s.items.iter().map(|v| row(tr, v, my_teams, &list.staff, today)).collect();
            ShownSection {
                title: tr.code("worklist-section", s.status.code()),
                id: s.status.code().replace('_', "-"),
                overdue: rows.iter().filter(|r| r.overdue).count(),
                rows,
                total: s.total,
            }
        })
        .collect();
    let mut team_options = vec![(String::new(), tr.t("filter-all-teams"))];
    team_options.extend(my_teams.iter().map(|t| (t.id.0.to_string(), t.name.clone())));
    let mut statuses = vec![(String::new(), tr.t("filter-all-statuses"))];
    statuses.extend(
        [CaseStatus::Referred, CaseStatus::IntakeHeld, CaseStatus::InSupport]
            .iter()
            .map(|s| (s.code().to_owned(), tr.code("status", s.code()))),
    );
    let ok = error.is_none();
    render(
        StatusCode::OK,
        &WorklistPage {
            page: chrome,
            sections,
            teams: team_options,
            statuses,
            scope: if list.scope == Scope::Mine { "mine" } else { "team" },
            team_id: if ok { input.team_id.map(|t| t.to_string()).unwrap_or_default() } else { String::new() },
            status: if ok { input.status.clone().unwrap_or_default() } else { String::new() },
            error,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_filters_mean_all_and_a_bad_team_is_kept_for_the_use_case_to_refuse() {
        let q = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
        };
        let all = filters(&q(&[("scope", "team"), ("team_id", ""), ("status", "")]));
        assert_eq!((all.team_id, all.status.as_deref(), all.scope.as_deref()), (None, None, Some("team")));
        let one = filters(&q(&[("team_id", "7"), ("status", "referred")]));
        assert_eq!((one.team_id, one.status.as_deref()), (Some(7), Some("referred")));
        assert_eq!(filters(&q(&[("team_id", "x")])).team_id, Some(0));
    }
}

#[derive(Template)]
#[template(path = "waiting_list.html")]
struct WaitingListPage {
    page: Chrome,
    team: String,
    rows: Vec<Row>,
    teams: Vec<(i64, String)>,
    team_id: i64,
}

pub async fn waiting_list(State(state): State<AppState>, staff: StaffPage, Path(team_id): Path<i64>) -> Response {
    let tr = staff.tr();
    let chrome = staff.chrome("worklist");
    let list = or_error_page!(cases::waiting_list(&state.app, &staff.actor, TeamId(team_id)).await, &chrome);
    let teams = or_error_page!(organisation::list_teams(&state.app, &staff.actor).await, &chrome);
    let my_teams: Vec<Team> = teams.into_iter().filter(|t| staff.actor.team_ids.contains(&t.id)).collect();
    let today = state.app.today();
    let rows = list.iter().map(|v| row(tr, v, &my_teams, &[], today)).collect();
    render(
        StatusCode::OK,
        &WaitingListPage {
            page: chrome,
            team: my_teams.iter().find(|t| t.id.0 == team_id).map(|t| t.name.clone()).unwrap_or_default(),
            rows,
            teams: my_teams.iter().map(|t| (t.id.0, t.name.clone())).collect(),
            team_id,
        },
    )
}
