//! The family plan (gezinsplan) in the staff pages: goals, actions, scores, evaluations,
//! working notes, versions and agreement, network invitations and the access log.
//!
//! - `/cases/{id}/plan`: the plan with a card per goal and the forms to change it;
//! - `/cases/{id}/plan/history`: every version in words (who changed what, when);
//! - `/cases/{id}/notes`: the working notes, for staff only (never in Mijn Buurtteam);
//! - `/cases/{id}/access-log`: who read or changed what, for team managers.
//!
//! Every form posts to its own path and, like the family file, redirects back to the plan
//! (post/redirect/get) or shows the plan again with the error beside the field and the input
//! kept. A one-time invitation code is the exception: it never goes into a URL, so the page
//! that shows it is the answer to the POST itself.
//!
//! The plan page has a form per goal for several things; each field's name carries the goal
//! (`g12.goal_title`), so every id on the page is unique and an error lands beside the field of
//! the form that was sent. The field names end in a name of this page's own (`goal_title`, not
//! the API's `title`): the error summary takes the field's label from `label-goal-title`.
//!
//! Each page also opens the family file (`cases::file`, logged as its own `case.read`): the
//! plan view has neither birth dates (who is old enough for Mijn Buurtteam, ages beside the
//! names) nor the names of the team's staff (who recorded an evaluation).

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use buurtteam_app::AppError;
use buurtteam_app::cases::{self, CaseFile};
use buurtteam_app::plan::{
    self as uc, ActionInput, ActionPatch, AgreementInput, AppointmentInput, ClientInput, EvaluationInput, GoalInput,
    GoalPatch, GoalView, NetworkInvitationInput, PlanView, PortalInvitationInput, ProposalDecision, ScoreInput,
    TextInput,
};
use buurtteam_domain::codes::{GoalStatus, LifeDomain, Performer, ProposalStatus};
use buurtteam_domain::ids::{CaseId, GoalActionId, GoalId, NetworkInvitationId, PersonId, ProposalId, UserId};
use buurtteam_domain::person::age_on;
use buurtteam_domain::policy::plan::AgeBand;
#[cfg(test)]
use buurtteam_domain::validation::FieldError;
use buurtteam_store::plan::Version;
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Deserialize;
use serde_json::Value;

use super::form::{FormData, FormState, PageForm, Rows};
use super::i18n::Tr;
use super::{Chrome, StaffPage, app_error_page, render};
use crate::AppState;

type Options = Vec<(String, String)>;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cases/{id}/plan", get(page))
        .route("/cases/{id}/plan/goals", post(add_goal))
        .route("/cases/{id}/plan/goals/{goal}", post(change_goal))
        .route("/cases/{id}/plan/goals/{goal}/actions", post(add_action))
        .route("/cases/{id}/plan/goals/{goal}/scores", post(add_score))
        .route("/cases/{id}/plan/goals/{goal}/comments", post(comment))
        .route("/cases/{id}/plan/goals/{goal}/network", post(invite_network))
        .route("/cases/{id}/plan/actions/{action}/done", post(set_action_done))
        .route("/cases/{id}/plan/proposals/{proposal}", post(decide_proposal))
        .route("/cases/{id}/plan/network/{invitation}/revoke", post(revoke_network))
        .route("/cases/{id}/plan/evaluations", post(record_evaluation))
        .route("/cases/{id}/plan/appointments", post(plan_appointment))
        .route("/cases/{id}/plan/agreements", post(agree))
        .route("/cases/{id}/plan/portal-invitations", post(invite_to_portal))
        .route("/cases/{id}/plan/clients", post(make_client))
        .route("/cases/{id}/plan/group-support", post(group_support::record_group_support))
        .route("/cases/{id}/plan/history", get(history))
        .route("/cases/{id}/notes", get(notes).post(add_note))
        .route("/cases/{id}/access-log", get(access_log))
}

// ---------------------------------------------------------------------------------------
// Texts shared with the worklist and the family file.

/// The next evaluation: "Evaluatie uiterlijk 3 december 2026", a countdown in days ("nog 10
/// dagen", "vandaag", "3 dagen te laat") and whether it is overdue.
pub fn evaluation_due(tr: Tr, due: Date, today: Date) -> (String, String, bool) {
    let (countdown, overdue) = tr.countdown(due, today);
    (tr.t1("next-evaluation", "date", tr.date(&due)), countdown, overdue)
}

/// "23 november 2026 om 14:05" in the organisation's time zone.
fn when(tr: Tr, tz: &TimeZone, ts: Timestamp) -> String {
    let z = ts.to_zoned(tz.clone());
    tr.t2("plan-at", "date", tr.date(&z.date()), "time", format!("{:02}:{:02}", z.hour(), z.minute()))
}

fn person_name(p: &buurtteam_store::households::Person) -> String {
    format!("{} {}", p.given_name, p.family_name)
}

fn name_in(file: &CaseFile, id: PersonId) -> Option<String> {
    file.household.members.iter().find(|m| m.id == id).map(person_name)
}

fn staff_name(file: &CaseFile, id: UserId) -> String {
    file.staff.iter().find(|(u, _, _)| *u == id).map(|(_, n, _)| n.clone()).unwrap_or_default()
}

fn score_label(tr: Tr, score: i64) -> String {
    tr.t2("plan-score-text", "score", score, "meaning", tr.t(&format!("plan-score-{score}")))
}

/// Who a goal belongs to: a client by name, or the household as a whole.
fn owner_label(tr: Tr, file: &CaseFile, client: Option<PersonId>) -> String {
    client.and_then(|c| name_in(file, c)).unwrap_or_else(|| tr.t("plan-owner-household"))
}

/// What the page header of every plan page shows.
pub struct Head {
    pub id: i64,
    pub clients: String,
    pub status: String,
}

impl Head {
    fn of(tr: Tr, file: &CaseFile) -> Self {
        let c = &file.view.case;
        Self {
            id: c.id.0,
            clients: super::worklist::clients_label(&file.view),
            status: tr.code("status", c.status.code()),
        }
    }
}

/// The chrome of a plan page at `path`: also after a POST, so that the language switch
/// returns to the page rather than to the form's address.
fn chrome_at(staff: &StaffPage, path: String) -> Chrome {
    Chrome { path, query: String::new(), ..staff.chrome("") }
}

/// The plan page of case `id` with `forms`.
async fn show(state: &AppState, staff: &StaffPage, id: i64, status: StatusCode, forms: Forms) -> Response {
    let chrome = chrome_at(staff, format!("/cases/{id}/plan"));
    let file = or_error_page!(cases::file(&state.app, &staff.actor, CaseId(id)).await, &chrome);
    let plan = or_error_page!(uc::staff_plan(&state.app, &staff.actor, CaseId(id)).await, &chrome);
    let tz = state.app.settings.time_zone.clone();
    let mut page = build(staff.tr(), chrome, &tz, state.app.today(), &file, &plan, forms);
    let mut domains = file.view.case.life_domains.clone();
    domains.extend(plan.goals.iter().map(|g| g.goal.life_domain));
    domains.sort();
    domains.dedup();
    page.useful = crate::pages::knowledge::useful_here(state, &staff.actor, &domains).await;
    render(status, &page)
}

pub async fn page(State(state): State<AppState>, staff: StaffPage, Path(id): Path<i64>) -> Response {
    show(&state, &staff, id, StatusCode::OK, Forms::default()).await
}

/// After a step: back to the plan at `anchor` (post/redirect/get), or the plan again with the
/// form's errors beside its fields and the input kept.
async fn after<T>(
    state: &AppState,
    staff: &StaffPage,
    id: i64,
    (values, rows): (FormData, Rows),
    result: Result<T, AppError>,
    target: Target,
    anchor: impl FnOnce(&T) -> String,
) -> Response {
    let tr = staff.tr();
    let mut forms = Forms::default();
    let status = match result {
        Ok(done) => return super::saved(&format!("/cases/{id}/plan#{}", anchor(&done)), "plan-saved"),
        Err(AppError::Validation(errors)) => {
            let shown = target.form(values.0).with_errors(tr, &rows.errors(errors));
            forms.place(target, shown);
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Err(AppError::Conflict { message, .. }) => {
            tracing::info!(%message, case = id, "plan step refused");
            let mut shown = target.form(values.0);
            shown.general = Some(match target {
                Target::Agreement => tr.t("plan-agree-no-goals"),
                Target::Button => tr.t("plan-proposal-decided"),
                // What is left: the case was closed meanwhile (the message says so for the log).
                _ => tr.t("plan-case-closed"),
            });
            forms.place(target, shown);
            StatusCode::CONFLICT
        }
        Err(e) => return app_error_page(&chrome_at(staff, format!("/cases/{id}/plan")), e),
    };
    show(state, staff, id, status, forms).await
}

mod access_log;
mod forms;
mod group_support;
mod history;
mod notes;
mod steps;
mod view;

use access_log::access_log;
use forms::*;
use history::history;
use notes::{add_note, notes};
use steps::*;
use view::build;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_evaluation_says_in_words_when_it_is_late() {
        let tr = Tr::new(super::super::i18n::Lang::Nl);
        let today = jiff::civil::date(2026, 11, 23);
        let (next, countdown, late) = evaluation_due(tr, jiff::civil::date(2026, 11, 20), today);
        assert_eq!(next, "Evaluatie uiterlijk 20 november 2026");
        assert_eq!((countdown.as_str(), late), ("3 dagen te laat", true));
        let (_, countdown, late) = evaluation_due(tr, jiff::civil::date(2026, 11, 24), today);
        assert_eq!((countdown.as_str(), late), ("nog 1 dag", false));
    }
}
