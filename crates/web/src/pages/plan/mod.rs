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
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use buurtteam_app::AppError;
use buurtteam_app::cases::{self, CaseFile};
use buurtteam_app::plan::{
    self as uc, ActionInput, ActionPatch, AgreementInput, AppointmentInput, EvaluationInput, EvaluationScore,
    GoalInput, GoalPatch, GoalView, NetworkInvitationInput, PlanView, PortalInvitationInput, ProposalDecision,
    ScoreInput, TextInput,
};
use buurtteam_domain::codes::{GoalStatus, LifeDomain, Performer, ProposalStatus};
use buurtteam_domain::ids::{CaseId, GoalActionId, GoalId, NetworkInvitationId, PersonId, ProposalId, UserId};
use buurtteam_domain::person::age_on;
use buurtteam_domain::plan_policy::AgeBand;
use buurtteam_domain::validation::FieldError;
use buurtteam_store::plan::Version;
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde_json::Value;

use super::form::{FormData, FormState};
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
        .route("/cases/{id}/plan/history", get(history))
        .route("/cases/{id}/notes", get(notes).post(add_note))
        .route("/cases/{id}/access-log", get(access_log))
}

// ---------------------------------------------------------------------------------------
// Texts shared with the worklist and the family file.

/// The next evaluation: "Evaluatie uiterlijk 3 december 2026", a countdown in days ("nog 10
/// dagen", "vandaag", "3 dagen te laat") and whether it is overdue.
pub fn evaluation_due(tr: Tr, due: Date, today: Date) -> (String, String, bool) {
    let days = i64::from((due - today).get_days());
    let countdown = match days {
        0 => tr.t("countdown-today"),
        n if n > 0 => tr.t1("countdown-days-left", "days", n),
        n => tr.t1("countdown-days-late", "days", -n),
    };
    (tr.t1("next-evaluation", "date", tr.date(&due)), countdown, days < 0)
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

// ---------------------------------------------------------------------------------------
// The forms of the plan page and where their errors go.

/// The forms a goal card has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GoalForm {
    Change,
    Action,
    Score,
    Network,
    Comment,
}

/// The form a POST came from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    AddGoal,
    Goal(i64, GoalForm),
    /// The evaluation form, with the goals whose scores were sent, in order.
    Evaluation(Vec<i64>),
    Appointment,
    Agreement,
    /// A button without fields of its own (a portal invitation, a decision, "done").
    Button,
}

/// The field of this page's form that an error of the use case belongs to.
fn form_field(target: &Target, api: &str) -> String {
    let renamed = |pairs: &[(&str, &str)]| {
        pairs.iter().find(|(a, _)| *a == api).map_or_else(|| api.to_owned(), |(_, f)| (*f).to_owned())
    };
    const GOAL: &[(&str, &str)] = &[
        ("life_domain", "goal_domain"),
        ("title", "goal_title"),
        ("description", "goal_description"),
        ("client_id", "goal_client"),
        ("status", "goal_status"),
        ("confidential_reason", "goal_reason"),
        ("shared", "goal_shared"),
    ];
    match target {
        Target::AddGoal => renamed(GOAL),
        Target::Goal(goal, form) => {
            let field = match form {
                GoalForm::Change => renamed(GOAL),
                GoalForm::Action => renamed(&[
                    ("description", "action_description"),
                    ("performer", "action_performer"),
                    ("person_id", "action_person"),
                    ("network_invitation_id", "action_network"),
                    ("performer_name", "action_partner"),
                    ("due_on", "action_due_on"),
                ]),
                GoalForm::Score => renamed(&[("measured_on", "score_measured_on"), ("score", "score_value")]),
                GoalForm::Network => {
                    renamed(&[("name", "network_name"), ("relation", "network_relation"), ("email", "network_email")])
                }
                GoalForm::Comment => renamed(&[("body", "comment_body")]),
            };
            format!("g{goal}.{field}")
        }
        Target::Evaluation(goals) => {
            // `scores[2].score` and `scores[2].goal_id` belong to the third goal's select.
            let row =
                api.strip_prefix("scores[").and_then(|r| r.split(']').next()).and_then(|r| r.parse::<usize>().ok());
            match row.and_then(|i| goals.get(i)) {
                Some(goal) => format!("evaluation_score_{goal}"),
                None => renamed(&[
                    ("held_on", "evaluation_held_on"),
                    ("went_well", "evaluation_went_well"),
                    ("changes", "evaluation_changes"),
                    ("next_on", "evaluation_next_on"),
                ]),
            }
        }
        Target::Appointment => renamed(&[
            ("starts_at", "appointment_starts_at"),
            ("place", "appointment_place"),
            ("description", "appointment_description"),
        ]),
        Target::Agreement => renamed(&[("person_id", "agreement_person")]),
        Target::Button => api.to_owned(),
    }
}

fn renamed(target: &Target, errors: Vec<FieldError>) -> Vec<FieldError> {
    errors.into_iter().map(|e| FieldError { field: form_field(target, &e.field), ..e }).collect()
}

/// What a successful step shows once, on the page that answers it.
pub struct Notice {
    pub text: String,
    /// A one-time code to hand over.
    pub code: String,
    pub hint: String,
}

/// A one-time code just made, to be shown on the page that answers the POST.
enum NewCode {
    Network { name: String, code: String },
    Portal { person: PersonId, code: String },
}

/// The plan page's forms that show something other than their defaults.
#[derive(Default)]
struct Forms {
    add_goal: Option<FormState>,
    goal: Option<(i64, GoalForm, FormState)>,
    evaluation: Option<FormState>,
    appointment: Option<FormState>,
    agreement: Option<FormState>,
    /// An error of a button without fields.
    general: Option<String>,
    code: Option<NewCode>,
}

impl Forms {
    fn place(&mut self, target: Target, state: FormState) {
        match target {
            Target::AddGoal => self.add_goal = Some(state),
            Target::Goal(goal, form) => self.goal = Some((goal, form, state)),
            Target::Evaluation(_) => self.evaluation = Some(state),
            Target::Appointment => self.appointment = Some(state),
            Target::Agreement => self.agreement = Some(state),
            Target::Button => {
                let mut texts: Vec<String> = state.errors.iter().map(|e| e.message.clone()).collect();
                texts.extend(state.general);
                self.general = Some(texts.join(" "));
            }
        }
    }

    fn goal_form(&self, goal: i64, form: GoalForm) -> Option<FormState> {
        self.goal.as_ref().filter(|(g, f, _)| *g == goal && *f == form).map(|(_, _, s)| s.clone())
    }
}

fn values(pairs: Vec<(String, String)>) -> FormState {
    FormState::new(FormData(pairs))
}

// ---------------------------------------------------------------------------------------
// The plan page.

pub struct ActionRow {
    pub id: i64,
    pub description: String,
    pub performer: String,
    pub due: String,
    pub overdue: bool,
    pub done: Option<String>,
}

pub struct CommentRow {
    pub author: String,
    pub when: String,
    pub body: String,
}

pub struct ProposalRow {
    pub id: i64,
    pub author: String,
    pub when: String,
    pub title: String,
    pub description: String,
    pub status: String,
    pub pending: bool,
}

pub struct NetworkRow {
    pub id: i64,
    pub name: String,
    pub relation: String,
    pub state: String,
    pub revocable: bool,
}

pub struct GoalCard {
    pub id: i64,
    pub domain: String,
    pub title: String,
    pub description: String,
    pub owner: String,
    pub status: String,
    pub open: bool,
    pub confidential: bool,
    pub confidential_reason: String,
    pub shared: bool,
    pub latest_score: Option<String>,
    /// Date and score, oldest first.
    pub scores: Vec<(String, String)>,
    pub actions: Vec<ActionRow>,
    pub comments: Vec<CommentRow>,
    pub proposals: Vec<ProposalRow>,
    pub network: Vec<NetworkRow>,
    pub may_change: bool,
    pub may_invite: bool,
    pub may_comment: bool,
    pub may_share: bool,
    /// The goal's network members who can carry an action.
    pub network_options: Options,
    pub change: FormState,
    pub action: FormState,
    pub score: FormState,
    pub invite: FormState,
    pub comment: FormState,
}

impl GoalCard {
    /// The name of a field of this goal's forms.
    pub fn n(&self, field: &str) -> String {
        format!("g{}.{field}", self.id)
    }
}

pub struct EvaluationRow {
    pub held_on: String,
    pub went_well: String,
    pub changes: String,
    pub next_on: String,
    pub recorded_by: String,
}

pub struct AgreementRow {
    pub version: i64,
    pub person: String,
    pub how: String,
    pub when: String,
    pub current: bool,
}

pub struct MemberRow {
    pub id: i64,
    pub name: String,
    pub detail: String,
    /// 12 or older: may get an account in Mijn Buurtteam.
    pub may_portal: bool,
}

/// A score select of the evaluation form.
pub struct ScoreField {
    pub name: String,
    pub label: String,
}

#[derive(Template)]
#[template(path = "plan.html")]
struct PlanPage {
    page: Chrome,
    head: Head,
    version: i64,
    next_evaluation: Option<(String, String, bool)>,
    notice: Option<Notice>,
    general: Option<String>,
    goals: Vec<GoalCard>,
    add_goal: FormState,
    domains: Options,
    owners: Options,
    statuses: Options,
    performers: Options,
    members: Options,
    score_options: Options,
    score_choices: Options,
    evaluations: Vec<EvaluationRow>,
    evaluation: FormState,
    evaluation_scores: Vec<ScoreField>,
    appointments: Vec<(String, String, String)>,
    appointment: FormState,
    agreements: Vec<AgreementRow>,
    agreed_current: Vec<String>,
    may_agree: bool,
    agreement: FormState,
    household: Vec<MemberRow>,
}

fn goal_card(tr: Tr, tz: &TimeZone, today: Date, file: &CaseFile, g: &GoalView, forms: &Forms) -> GoalCard {
    let goal = &g.goal;
    let id = goal.id.0;
    let p = |field: &str| format!("g{id}.{field}");
    let actions = g
        .actions
        .iter()
        .map(|a| {
            let who = tr.code("performer", a.action.performer.code());
            let performer = match &a.performer_label {
                Some(label) if !label.is_empty() => format!("{who}: {label}"),
                _ => who,
            };
            ActionRow {
                id: a.action.id.0,
                description: a.action.description.clone(),
                performer,
                due: a.action.due_on.map(|d| tr.t1("plan-action-due", "date", tr.date(&d))).unwrap_or_default(),
                overdue: a.action.done_on.is_none() && a.action.due_on.is_some_and(|d| d < today),
                done: a.action.done_on.map(|d| tr.t1("plan-action-done-on", "date", tr.date(&d))),
            }
        })
        .collect();
    let mut scores = g.scores.clone().unwrap_or_default();
    scores.sort_by_key(|s| s.measured_on);
    let latest_score = scores.last().map(|s| {
        tr.t2("plan-latest-score", "score", score_label(tr, i64::from(s.score)), "date", tr.date(&s.measured_on))
    });
    let author = |a: &buurtteam_store::plan::Author| format!("{} ({})", a.name, tr.code("role", a.role.code()));
    let proposals = g
        .proposals
        .iter()
        .map(|pr| ProposalRow {
            id: pr.id.0,
            author: author(&pr.author),
            when: when(tr, tz, pr.created_at),
            title: pr.title.clone(),
            description: pr.description.clone(),
            status: tr.code("proposal-status", pr.status.code()),
            pending: pr.status == ProposalStatus::Pending,
        })
        .collect();
    let network: Vec<NetworkRow> = g
        .network
        .iter()
        .map(|n| NetworkRow {
            id: n.id.0,
            name: n.name.clone(),
            relation: n.relation.clone(),
            state: tr.t(&format!("plan-network-state-{}", n.state)),
            revocable: n.revocable,
        })
        .collect();
    let mut network_options = vec![(String::new(), tr.t("choose"))];
    network_options.extend(
        g.network
            .iter()
            .filter(|n| n.state != "revoked")
            .map(|n| (n.id.0.to_string(), format!("{} ({})", n.name, n.relation))),
    );
    let flag = |on: bool| if on { "true".to_owned() } else { String::new() };
    let change = forms.goal_form(id, GoalForm::Change).unwrap_or_else(|| {
        values(vec![
            (p("goal_domain"), goal.life_domain.code().to_owned()),
            (p("goal_title"), goal.title.clone()),
            (p("goal_description"), goal.description.clone()),
            (p("goal_client"), goal.client_id.map(|c| c.0.to_string()).unwrap_or_default()),
            (p("goal_status"), goal.status.code().to_owned()),
            (p("goal_confidential"), flag(goal.confidential)),
            (p("goal_reason"), goal.confidential_reason.clone().unwrap_or_default()),
            (p("goal_shared"), flag(goal.shared)),
        ])
    });
    GoalCard {
        id,
        domain: tr.code("life-domain", goal.life_domain.code()),
        title: goal.title.clone(),
        description: goal.description.clone(),
        owner: owner_label(tr, file, goal.client_id),
        status: tr.code("goal-status", goal.status.code()),
        open: goal.status == GoalStatus::Open,
        confidential: goal.confidential,
        confidential_reason: goal.confidential_reason.clone().unwrap_or_default(),
        shared: goal.shared,
        latest_score,
        scores: scores.iter().map(|s| (tr.date(&s.measured_on), score_label(tr, i64::from(s.score)))).collect(),
        actions,
        comments: g
            .comments
            .iter()
            .map(|c| CommentRow { author: author(&c.author), when: when(tr, tz, c.created_at), body: c.body.clone() })
            .collect(),
        proposals,
        network,
        may_change: g.may.change,
        may_invite: g.may.invite_network,
        may_comment: g.may.comment,
        may_share: g.may.share,
        network_options,
        change,
        action: forms
            .goal_form(id, GoalForm::Action)
            .unwrap_or_else(|| values(vec![(p("action_performer"), Performer::FamilyWorker.code().to_owned())])),
        score: forms
            .goal_form(id, GoalForm::Score)
            .unwrap_or_else(|| values(vec![(p("score_measured_on"), today.to_string())])),
        invite: forms.goal_form(id, GoalForm::Network).unwrap_or_default(),
        comment: forms.goal_form(id, GoalForm::Comment).unwrap_or_default(),
    }
}

fn build(
    tr: Tr,
    chrome: Chrome,
    tz: &TimeZone,
    today: Date,
    file: &CaseFile,
    plan: &PlanView,
    forms: Forms,
) -> PlanPage {
    let goals: Vec<GoalCard> = plan.goals.iter().map(|g| goal_card(tr, tz, today, file, g, &forms)).collect();
    let domains = LifeDomain::ALL.iter().map(|d| (d.code().to_owned(), tr.code("life-domain", d.code()))).collect();
    let mut owners = vec![(String::new(), tr.t("plan-owner-household"))];
    owners.extend(
        plan.household
            .iter()
            .filter(|m| m.client)
            .map(|m| (m.id.0.to_string(), format!("{} {}", m.given_name, m.family_name))),
    );
    let statuses = GoalStatus::ALL.iter().map(|s| (s.code().to_owned(), tr.code("goal-status", s.code()))).collect();
    let performers = Performer::ALL.iter().map(|s| (s.code().to_owned(), tr.code("performer", s.code()))).collect();
    let mut members = vec![(String::new(), tr.t("choose"))];
    members.extend(plan.household.iter().map(|m| (m.id.0.to_string(), format!("{} {}", m.given_name, m.family_name))));
    let mut score_options = vec![(String::new(), tr.t("plan-score-none"))];
    score_options.extend((1..=5).map(|s| (s.to_string(), score_label(tr, s))));
    let mut score_choices = score_options.clone();
    score_choices[0].1 = tr.t("choose");
    let mut evaluations: Vec<EvaluationRow> = Vec::new();
    let mut held: Vec<_> = plan.evaluations.clone().unwrap_or_default();
    held.sort_by_key(|e| std::cmp::Reverse((e.held_on, e.id)));
    for e in &held {
        evaluations.push(EvaluationRow {
            held_on: tr.date(&e.held_on),
            went_well: e.went_well.clone(),
            changes: e.changes.clone(),
            next_on: tr.opt_date(&e.next_on),
            recorded_by: staff_name(file, e.recorded_by),
        });
    }
    let evaluation_scores = plan
        .goals
        .iter()
        .filter(|g| g.goal.status == GoalStatus::Open && g.may.change)
        .map(|g| ScoreField {
            name: format!("evaluation_score_{}", g.goal.id.0),
            label: tr.t1("plan-evaluation-score-for", "goal", g.goal.title.clone()),
        })
        .collect();
    let mut appointments = plan.appointments.clone().unwrap_or_default();
    appointments.sort_by_key(|a| a.starts_at);
    let agreements = plan
        .agreements
        .iter()
        .rev()
        .map(|a| {
            let person = name_in(file, a.person_id).unwrap_or_default();
            let how = if a.recorded_by.role.is_staff() {
                tr.t1("plan-agreed-on-behalf", "worker", a.recorded_by.name.clone())
            } else {
                tr.t("plan-agreed-in-portal")
            };
            AgreementRow {
                version: a.version,
                person,
                how,
                when: when(tr, tz, a.created_at),
                current: a.version == plan.version,
            }
        })
        .collect::<Vec<_>>();
    let mut agreed_current: Vec<String> = agreements.iter().filter(|a| a.current).map(|a| a.person.clone()).collect();
    agreed_current.dedup();
    let household = file
        .household
        .members
        .iter()
        .map(|m| MemberRow {
            id: m.id.0,
            name: person_name(m),
            detail: format!(
                "{}, {}",
                tr.code("household-role", m.role.code()),
                tr.t1("age-years", "years", i64::from(age_on(m.birth_date, today)))
            ),
            may_portal: AgeBand::of(m.birth_date, today).may_have_account(),
        })
        .collect();
    let next_evaluation = plan.next_evaluation_on.map(|d| evaluation_due(tr, d, today));
    let mut evaluation =
        forms.evaluation.unwrap_or_else(|| values(vec![("evaluation_held_on".into(), today.to_string())]));
    // A score select is named after its goal: the summary says which goal.
    for e in &mut evaluation.errors {
        let goal = e.field.strip_prefix("evaluation_score_").and_then(|g| g.parse::<i64>().ok());
        if let Some(g) = goal.and_then(|g| plan.goals.iter().find(|x| x.goal.id.0 == g)) {
            e.summary = format!("{}: {}", g.goal.title, e.message);
        }
    }
    let notice = forms.code.map(|c| {
        let (text, code) = match c {
            NewCode::Network { name, code } => (tr.t1("plan-network-invited", "name", name), code),
            NewCode::Portal { person, code } => {
                (tr.t1("plan-portal-invited", "name", name_in(file, person).unwrap_or_default()), code)
            }
        };
        Notice { text, code, hint: tr.t("plan-code-hint") }
    });
    PlanPage {
        page: chrome,
        head: Head::of(tr, file),
        version: plan.version,
        next_evaluation,
        notice,
        general: forms.general,
        goals,
        add_goal: forms
            .add_goal
            .unwrap_or_else(|| values(vec![("goal_domain".into(), LifeDomain::Parenting.code().into())])),
        domains,
        owners,
        statuses,
        performers,
        members,
        score_options,
        score_choices,
        evaluations,
        evaluation,
        evaluation_scores,
        appointments: appointments
            .iter()
            .map(|a| (when(tr, tz, a.starts_at), a.place.clone(), a.description.clone()))
            .collect(),
        appointment: forms.appointment.unwrap_or_default(),
        agreements,
        agreed_current,
        may_agree: plan.may_agree,
        agreement: forms.agreement.unwrap_or_default(),
        household,
    }
}

/// The plan page of case `id` with `forms`.
async fn show(state: &AppState, staff: &StaffPage, id: i64, status: StatusCode, forms: Forms) -> Response {
    let chrome = chrome_at(staff, format!("/cases/{id}/plan"));
    let file = or_error_page!(cases::file(&state.app, &staff.actor, CaseId(id)).await, &chrome);
    let plan = or_error_page!(uc::staff_plan(&state.app, &staff.actor, CaseId(id)).await, &chrome);
    let tz = state.app.settings.time_zone.clone();
    render(status, &build(staff.tr(), chrome, &tz, state.app.today(), &file, &plan, forms))
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
    form: FormData,
    result: Result<T, AppError>,
    target: Target,
    anchor: impl FnOnce(&T) -> String,
) -> Response {
    let tr = staff.tr();
    let mut forms = Forms::default();
    let status = match result {
        Ok(done) => return Redirect::to(&format!("/cases/{id}/plan#{}", anchor(&done))).into_response(),
        Err(AppError::Validation(errors)) => {
            let errors = renamed(&target, errors);
            forms.place(target, FormState::new(form).with_errors(tr, &errors));
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Err(AppError::Conflict { message, .. }) => {
            tracing::info!(%message, case = id, "plan step refused");
            let mut shown = FormState::new(form);
            shown.general = Some(match target {
                Target::Agreement => tr.t("plan-agree-no-goals"),
                Target::Button => tr.t("plan-proposal-decided"),
                _ => tr.t1("step-refused", "reason", message),
            });
            forms.place(target, shown);
            StatusCode::CONFLICT
        }
        Err(e) => return app_error_page(&chrome_at(staff, format!("/cases/{id}/plan")), e),
    };
    show(state, staff, id, status, forms).await
}

macro_rules! csrf {
    ($staff:expr, $form:expr) => {
        if let Err(r) = $staff.check_csrf(&$form) {
            return *r;
        }
    };
}

pub async fn add_goal(
    State(state): State<AppState>,
    staff: StaffPage,
    Path(id): Path<i64>,
    form: FormData,
) -> Response {
    csrf!(staff, form);
    let input = GoalInput {
        life_domain: form.opt("goal_domain"),
        title: form.opt("goal_title"),
        description: form.opt("goal_description"),
        client_id: form.id("goal_client"),
        confidential: form.get("goal_confidential") == Some("true"),
        confidential_reason: form.opt("goal_reason"),
    };
    let result = uc::add_goal(&state.app, &staff.actor, CaseId(id), &input).await;
    after(&state, &staff, id, form, result, Target::AddGoal, |g| format!("goal-{}", g.id.0)).await
}

pub async fn change_goal(
    State(state): State<AppState>,
    staff: StaffPage,
    Path((id, goal)): Path<(i64, i64)>,
    form: FormData,
) -> Response {
    csrf!(staff, form);
    let f = |n: &str| form.opt(&format!("g{goal}.{n}"));
    let flag = |n: &str| form.get(&format!("g{goal}.{n}")) == Some("true");
    let patch = GoalPatch {
        life_domain: f("goal_domain"),
        // Sent empty, the title is reported as required rather than left unchanged.
        title: Some(f("goal_title").unwrap_or_default()),
        description: Some(f("goal_description").unwrap_or_default()),
        client_id: Some(form.id(&format!("g{goal}.goal_client"))),
        status: f("goal_status"),
        confidential: Some(flag("goal_confidential")),
        confidential_reason: Some(f("goal_reason").unwrap_or_default()),
        // Only where the form offers it (a client of 16 or older).
        shared: form.get(&format!("g{goal}.goal_shared_offered")).map(|_| flag("goal_shared")),
    };
    let result = uc::change_goal(&state.app, &staff.actor, GoalId(goal), &patch).await;
    after(&state, &staff, id, form, result, Target::Goal(goal, GoalForm::Change), |g| format!("goal-{}", g.id.0)).await
}

pub async fn add_action(
    State(state): State<AppState>,
    staff: StaffPage,
    Path((id, goal)): Path<(i64, i64)>,
    form: FormData,
) -> Response {
    csrf!(staff, form);
    let f = |n: &str| form.opt(&format!("g{goal}.{n}"));
    let input = ActionInput {
        description: f("action_description"),
        performer: f("action_performer"),
        person_id: form.id(&format!("g{goal}.action_person")),
        network_invitation_id: form.id(&format!("g{goal}.action_network")),
        performer_name: f("action_partner"),
        due_on: f("action_due_on"),
    };
    let result = uc::add_action(&state.app, &staff.actor, GoalId(goal), &input).await;
    after(&state, &staff, id, form, result, Target::Goal(goal, GoalForm::Action), |_| format!("goal-{goal}")).await
}

pub async fn add_score(
    State(state): State<AppState>,
    staff: StaffPage,
    Path((id, goal)): Path<(i64, i64)>,
    form: FormData,
) -> Response {
    csrf!(staff, form);
    let f = |n: &str| form.opt(&format!("g{goal}.{n}"));
    // A score that is not a number is reported as out of range rather than as missing.
    let input =
        ScoreInput { measured_on: f("score_measured_on"), score: f("score_value").map(|s| s.parse().unwrap_or(0)) };
    let result = uc::add_score(&state.app, &staff.actor, GoalId(goal), &input).await;
    after(&state, &staff, id, form, result, Target::Goal(goal, GoalForm::Score), |_| format!("goal-{goal}")).await
}

pub async fn comment(
    State(state): State<AppState>,
    staff: StaffPage,
    Path((id, goal)): Path<(i64, i64)>,
    form: FormData,
) -> Response {
    csrf!(staff, form);
    let input = TextInput { body: form.opt(&format!("g{goal}.comment_body")) };
    let result = uc::comment(&state.app, &staff.actor, GoalId(goal), &input).await;
    after(&state, &staff, id, form, result, Target::Goal(goal, GoalForm::Comment), |_| format!("goal-{goal}")).await
}

/// Invites a network member onto a goal. The one-time code is shown on the page that answers
/// the POST, once; it never travels in a URL.
pub async fn invite_network(
    State(state): State<AppState>,
    staff: StaffPage,
    Path((id, goal)): Path<(i64, i64)>,
    form: FormData,
) -> Response {
    csrf!(staff, form);
    let f = |n: &str| form.opt(&format!("g{goal}.{n}"));
    let input =
        NetworkInvitationInput { name: f("network_name"), relation: f("network_relation"), email: f("network_email") };
    let name = input.name.clone().unwrap_or_default();
    match uc::invite_network(&state.app, &staff.actor, GoalId(goal), &input).await {
        Ok((_, code)) => {
            let code = Some(NewCode::Network { name, code });
            show(&state, &staff, id, StatusCode::OK, Forms { code, ..Forms::default() }).await
        }
        Err(e) => {
            let target = Target::Goal(goal, GoalForm::Network);
            after(&state, &staff, id, form, Err::<(), _>(e), target, |_| String::new()).await
        }
    }
}

pub async fn revoke_network(
    State(state): State<AppState>,
    staff: StaffPage,
    Path((id, invitation)): Path<(i64, i64)>,
    form: FormData,
) -> Response {
    csrf!(staff, form);
    let result = uc::revoke_network(&state.app, &staff.actor, NetworkInvitationId(invitation)).await;
    let goal = form.id("goal").unwrap_or_default();
    after(&state, &staff, id, form, result, Target::Button, |_| format!("goal-{goal}")).await
}

pub async fn set_action_done(
    State(state): State<AppState>,
    staff: StaffPage,
    Path((id, action)): Path<(i64, i64)>,
    form: FormData,
) -> Response {
    csrf!(staff, form);
    let patch = ActionPatch { done: Some(form.get("done") == Some("true")) };
    let result = uc::set_action_done(&state.app, &staff.actor, GoalActionId(action), &patch).await;
    after(&state, &staff, id, form, result, Target::Button, |a| format!("goal-{}", a.goal_id.0)).await
}

pub async fn decide_proposal(
    State(state): State<AppState>,
    staff: StaffPage,
    Path((id, proposal)): Path<(i64, i64)>,
    form: FormData,
) -> Response {
    csrf!(staff, form);
    let decision = ProposalDecision {
        accept: match form.get("accept") {
            Some("true") => Some(true),
            Some("false") => Some(false),
            _ => None,
        },
    };
    let result = uc::decide_proposal(&state.app, &staff.actor, ProposalId(proposal), &decision).await;
    after(&state, &staff, id, form, result, Target::Button, |g| format!("goal-{}", g.id.0)).await
}

pub async fn record_evaluation(
    State(state): State<AppState>,
    staff: StaffPage,
    Path(id): Path<i64>,
    form: FormData,
) -> Response {
    csrf!(staff, form);
    let mut scores = Vec::new();
    let mut goals = Vec::new();
    for (name, value) in &form.0 {
        let Some(goal) = name.strip_prefix("evaluation_score_").and_then(|g| g.parse::<i64>().ok()) else { continue };
        if value.trim().is_empty() {
            continue;
        }
        // A score that is not a number is reported as out of range.
        scores.push(EvaluationScore { goal_id: goal, score: value.trim().parse().unwrap_or(0) });
        goals.push(goal);
    }
    let input = EvaluationInput {
        held_on: form.opt("evaluation_held_on"),
        went_well: form.opt("evaluation_went_well"),
        changes: form.opt("evaluation_changes"),
        next_on: form.opt("evaluation_next_on"),
        scores,
    };
    let result = uc::record_evaluation(&state.app, &staff.actor, CaseId(id), &input).await;
    after(&state, &staff, id, form, result, Target::Evaluation(goals), |_| "evaluations-heading".to_owned()).await
}

pub async fn plan_appointment(
    State(state): State<AppState>,
    staff: StaffPage,
    Path(id): Path<i64>,
    form: FormData,
) -> Response {
    csrf!(staff, form);
    let input = AppointmentInput {
        starts_at: form.opt("appointment_starts_at"),
        place: form.opt("appointment_place"),
        description: form.opt("appointment_description"),
    };
    let result = uc::plan_appointment(&state.app, &staff.actor, CaseId(id), &input).await;
    after(&state, &staff, id, form, result, Target::Appointment, |_| "appointments-heading".to_owned()).await
}

pub async fn agree(State(state): State<AppState>, staff: StaffPage, Path(id): Path<i64>, form: FormData) -> Response {
    csrf!(staff, form);
    let input = AgreementInput { person_id: form.id("agreement_person") };
    let result = uc::agree(&state.app, &staff.actor, CaseId(id), &input).await;
    after(&state, &staff, id, form, result, Target::Agreement, |_| "agreement-heading".to_owned()).await
}

/// Invites a household member into Mijn Buurtteam; the one-time code is shown once, on the
/// page that answers the POST.
pub async fn invite_to_portal(
    State(state): State<AppState>,
    staff: StaffPage,
    Path(id): Path<i64>,
    form: FormData,
) -> Response {
    csrf!(staff, form);
    let input = PortalInvitationInput { person_id: form.id("person_id") };
    match uc::invite_to_portal(&state.app, &staff.actor, CaseId(id), &input).await {
        Ok(code) => {
            let person = PersonId(input.person_id.unwrap_or_default());
            let code = Some(NewCode::Portal { person, code });
            show(&state, &staff, id, StatusCode::OK, Forms { code, ..Forms::default() }).await
        }
        Err(e) => after(&state, &staff, id, form, Err::<(), _>(e), Target::Button, |_| String::new()).await,
    }
}

// ---------------------------------------------------------------------------------------
// The history: every version in words.

pub struct HistoryRow {
    pub version: i64,
    pub when: String,
    pub who: String,
    pub what: String,
    pub goal: String,
    pub details: Vec<String>,
}

#[derive(Template)]
#[template(path = "plan_history.html")]
struct HistoryPage {
    page: Chrome,
    head: Head,
    rows: Vec<HistoryRow>,
}

/// Reads the versions into words: the goal each concerns (by its latest title), and for each
/// change what was set or what went from what to what.
struct Describer<'a> {
    tr: Tr,
    file: &'a CaseFile,
    goals: std::collections::HashMap<i64, String>,
    invitations: std::collections::HashMap<i64, String>,
}

fn text_of(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned)
}

impl<'a> Describer<'a> {
    fn new(tr: Tr, file: &'a CaseFile, versions: &[Version]) -> Self {
        let mut goals = std::collections::HashMap::new();
        let mut invitations = std::collections::HashMap::new();
        // Oldest first, so that the latest title wins.
        for v in versions.iter().rev() {
            let Some(after) = &v.state_after else { continue };
            if let (Some(goal), Some(title)) = (v.goal_id, text_of(after, "title")) {
                goals.insert(goal.0, title);
            }
            if v.change == "network.invited"
                && let Some(inv) = after.get("invitation_id").and_then(Value::as_i64)
            {
                let name = text_of(after, "name").unwrap_or_default();
                let relation = text_of(after, "relation").unwrap_or_default();
                invitations.insert(inv, format!("{name} ({relation})"));
            }
        }
        Self { tr, file, goals, invitations }
    }

    /// A goal field's value in words.
    fn value(&self, key: &str, v: Option<&Value>) -> String {
        let tr = self.tr;
        let v = v.unwrap_or(&Value::Null);
        match key {
            "life_domain" => v.as_str().map(|c| tr.code("life-domain", c)).unwrap_or_default(),
            "status" => v.as_str().map(|c| tr.code("goal-status", c)).unwrap_or_default(),
            "client_id" => owner_label(tr, self.file, v.as_i64().map(PersonId)),
            "confidential" | "shared" => tr.t(if v.as_bool() == Some(true) { "plan-yes" } else { "plan-no" }),
            _ => match v.as_str() {
                Some(s) if !s.is_empty() => format!("“{s}”"),
                _ => "—".to_owned(),
            },
        }
    }

    fn field_label(&self, key: &str) -> String {
        self.tr.t(&format!("plan-field-{}", key.replace('_', "-")))
    }

    fn date(&self, v: &Value, key: &str) -> Option<String> {
        text_of(v, key).and_then(|d| d.parse::<Date>().ok()).map(|d| self.tr.date(&d))
    }

    fn details(&self, version: &Version) -> Vec<String> {
        let tr = self.tr;
        let none = Value::Null;
        let before = version.state_before.as_ref().unwrap_or(&none);
        let after = version.state_after.as_ref().unwrap_or(&none);
        const GOAL_FIELDS: &[&str] = &[
            "title",
            "description",
            "life_domain",
            "client_id",
            "status",
            "confidential",
            "confidential_reason",
            "shared",
        ];
        let set = |key: &str| {
            tr.t2("plan-history-set", "field", self.field_label(key), "value", self.value(key, after.get(key)))
        };
        match version.change.as_str() {
            "goal.added" => {
                let mut out: Vec<String> = ["title", "life_domain", "client_id"].iter().map(|k| set(k)).collect();
                if after.get("confidential").and_then(Value::as_bool) == Some(true) {
                    out.push(set("confidential_reason"));
                }
                out
            }
            "goal.changed" | "goal.sharing_changed" | "goal.proposal_accepted" => GOAL_FIELDS
                .iter()
                .filter(|k| before.get(**k) != after.get(**k))
                .map(|k| {
                    tr.tn(
                        "plan-history-changed",
                        &[
                            ("field", self.field_label(k).into()),
                            ("before", self.value(k, before.get(*k)).into()),
                            ("after", self.value(k, after.get(*k)).into()),
                        ],
                    )
                })
                .collect(),
            "goal.scored" => {
                let score = after.get("score").and_then(Value::as_i64).unwrap_or_default();
                let on = self.date(after, "measured_on").unwrap_or_default();
                vec![tr.t2("plan-history-score", "score", score_label(tr, score), "date", on)]
            }
            "action.added" => {
                let mut out =
                    vec![tr.t1("plan-history-action", "action", text_of(after, "description").unwrap_or_default())];
                if let Some(p) = text_of(after, "performer") {
                    // Who exactly: the household member, the network member or the organisation.
                    let named = after
                        .get("performer_person_id")
                        .and_then(Value::as_i64)
                        .and_then(|id| name_in(self.file, PersonId(id)))
                        .or_else(|| {
                            let inv = after.get("performer_invitation_id").and_then(Value::as_i64)?;
                            self.invitations.get(&inv).cloned()
                        })
                        .or_else(|| text_of(after, "performer_name"));
                    let mut value = tr.code("performer", &p);
                    if let Some(name) = named.filter(|n| !n.is_empty()) {
                        value = format!("{value}: {name}");
                    }
                    out.push(tr.t2("plan-history-set", "field", tr.t("plan-field-performer"), "value", value));
                }
                if let Some(due) = self.date(after, "due_on") {
                    out.push(tr.t1("plan-action-due", "date", due));
                }
                out
            }
            "action.done" | "action.reopened" => {
                vec![tr.t1("plan-history-action", "action", text_of(after, "description").unwrap_or_default())]
            }
            "evaluation.recorded" => {
                let e = after.get("evaluation").unwrap_or(&none);
                let mut out = Vec::new();
                if let Some(held) = self.date(e, "held_on") {
                    out.push(tr.t1("plan-history-evaluation-held", "date", held));
                }
                if let Some(next) = self.date(e, "next_on") {
                    out.push(tr.t2("plan-history-set", "field", tr.t("label-evaluation-next-on"), "value", next));
                }
                for s in after.get("scores").and_then(Value::as_array).into_iter().flatten() {
                    let goal = s.get("goal_id").and_then(Value::as_i64).unwrap_or_default();
                    let score = s.get("score").and_then(Value::as_i64).unwrap_or_default();
                    out.push(tr.t2(
                        "plan-history-goal-score",
                        "goal",
                        self.goals.get(&goal).cloned().unwrap_or_default(),
                        "score",
                        score_label(tr, score),
                    ));
                }
                out
            }
            "network.invited" | "network.revoked" => {
                let inv = after.get("invitation_id").and_then(Value::as_i64).unwrap_or_default();
                vec![tr.t1("plan-history-network", "name", self.invitations.get(&inv).cloned().unwrap_or_default())]
            }
            _ => Vec::new(),
        }
    }

    fn row(&self, tz: &TimeZone, v: &Version) -> HistoryRow {
        let tr = self.tr;
        let key = format!("plan-change-{}", v.change.replace(['.', '_'], "-"));
        let mut what = tr.t(&key);
        if what == key {
            what = v.change.clone();
        }
        HistoryRow {
            version: v.version,
            when: when(tr, tz, v.created_at),
            who: format!("{} ({})", v.changed_by.name, tr.code("role", v.changed_by.role.code())),
            what,
            goal: v.goal_id.and_then(|g| self.goals.get(&g.0).cloned()).unwrap_or_default(),
            details: self.details(v),
        }
    }
}

pub async fn history(State(state): State<AppState>, staff: StaffPage, Path(id): Path<i64>) -> Response {
    let chrome = staff.chrome("");
    let file = or_error_page!(cases::file(&state.app, &staff.actor, CaseId(id)).await, &chrome);
    let versions = or_error_page!(uc::history(&state.app, &staff.actor, CaseId(id)).await, &chrome);
    let tr = staff.tr();
    let tz = state.app.settings.time_zone.clone();
    let describer = Describer::new(tr, &file, &versions);
    let rows = versions.iter().map(|v| describer.row(&tz, v)).collect();
    render(StatusCode::OK, &HistoryPage { page: chrome, head: Head::of(tr, &file), rows })
}

// ---------------------------------------------------------------------------------------
// Working notes: staff only.

pub struct NoteRow {
    pub author: String,
    pub when: String,
    pub body: String,
}

#[derive(Template)]
#[template(path = "plan_notes.html")]
struct NotesPage {
    page: Chrome,
    head: Head,
    notes: Vec<NoteRow>,
    form: FormState,
}

async fn show_notes(state: &AppState, staff: &StaffPage, id: i64, status: StatusCode, form: FormState) -> Response {
    let chrome = chrome_at(staff, format!("/cases/{id}/notes"));
    let file = or_error_page!(cases::file(&state.app, &staff.actor, CaseId(id)).await, &chrome);
    let notes = or_error_page!(uc::working_notes(&state.app, &staff.actor, CaseId(id)).await, &chrome);
    let tr = staff.tr();
    let tz = state.app.settings.time_zone.clone();
    let notes = notes
        .iter()
        .map(|n| NoteRow {
            author: format!("{} ({})", n.author.name, tr.code("role", n.author.role.code())),
            when: when(tr, &tz, n.created_at),
            body: n.body.clone(),
        })
        .collect();
    render(status, &NotesPage { page: chrome, head: Head::of(tr, &file), notes, form })
}

pub async fn notes(State(state): State<AppState>, staff: StaffPage, Path(id): Path<i64>) -> Response {
    show_notes(&state, &staff, id, StatusCode::OK, FormState::default()).await
}

pub async fn add_note(
    State(state): State<AppState>,
    staff: StaffPage,
    Path(id): Path<i64>,
    form: FormData,
) -> Response {
    csrf!(staff, form);
    let input = TextInput { body: form.opt("note_body") };
    match uc::add_working_note(&state.app, &staff.actor, CaseId(id), &input).await {
        Ok(_) => Redirect::to(&format!("/cases/{id}/notes")).into_response(),
        Err(AppError::Validation(errors)) => {
            let errors: Vec<FieldError> = errors
                .into_iter()
                .map(|e| FieldError {
                    field: if e.field == "body" { "note_body".into() } else { e.field.clone() },
                    ..e
                })
                .collect();
            let shown = FormState::new(form).with_errors(staff.tr(), &errors);
            show_notes(&state, &staff, id, StatusCode::UNPROCESSABLE_ENTITY, shown).await
        }
        Err(e) => app_error_page(&chrome_at(&staff, format!("/cases/{id}/notes")), e),
    }
}

// ---------------------------------------------------------------------------------------
// The access log of a case, for team managers.

pub struct AccessRow {
    pub when: String,
    pub who: String,
    pub role: String,
    pub what: String,
    pub goal: String,
    pub about: String,
    pub session: String,
}

#[derive(Template)]
#[template(path = "plan_access_log.html")]
struct AccessLogPage {
    page: Chrome,
    head: Head,
    rows: Vec<AccessRow>,
    limit: i64,
}

/// The catalogue key of an access-log action `a.b_c`: `access-action-a-b-c`. An action without
/// one shows as its code.
fn access_action_key(action: &str) -> String {
    format!("access-action-{}", action.replace(['.', '_'], "-"))
}

pub async fn access_log(State(state): State<AppState>, staff: StaffPage, Path(id): Path<i64>) -> Response {
    let chrome = staff.chrome("");
    // The log first: only team managers read it, and for anyone else nothing else is read.
    let log = or_error_page!(uc::case_access_log(&state.app, &staff.actor, CaseId(id)).await, &chrome);
    let file = or_error_page!(cases::file(&state.app, &staff.actor, CaseId(id)).await, &chrome);
    let tr = staff.tr();
    let tz = state.app.settings.time_zone.clone();
    let rows = log
        .iter()
        .map(|r| {
            let key = access_action_key(&r.action);
            let mut what = tr.t(&key);
            if what == key {
                what = r.action.clone();
            }
            let mut about = r.client_id.and_then(|c| name_in(&file, c)).unwrap_or_default();
            if let Some(person) = r.acting_for.and_then(|p| name_in(&file, p)) {
                about = tr.t1("access-acting-for", "name", person);
            }
            AccessRow {
                when: when(tr, &tz, r.occurred_at),
                who: match (&r.actor_name, r.actor_user_id) {
                    // The account's number tells two people of the same name apart.
                    (Some(name), Some(user)) => {
                        tr.t2("access-who", "name", name.as_str(), "account", user.0.to_string())
                    }
                    (Some(name), None) => name.clone(),
                    _ => "—".to_owned(),
                },
                role: r.actor_role.as_deref().map(|c| tr.code("role", c)).unwrap_or_else(|| "—".to_owned()),
                what,
                goal: r.goal_title.clone().unwrap_or_default(),
                about,
                session: r.session_ref.clone().unwrap_or_default(),
            }
        })
        .collect();
    render(
        StatusCode::OK,
        &AccessLogPage { page: chrome, head: Head::of(tr, &file), rows, limit: uc::ACCESS_LOG_LIMIT },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_land_on_the_field_of_the_form_that_was_sent() {
        assert_eq!(form_field(&Target::AddGoal, "title"), "goal_title");
        assert_eq!(form_field(&Target::Goal(7, GoalForm::Change), "confidential_reason"), "g7.goal_reason");
        assert_eq!(form_field(&Target::Goal(7, GoalForm::Score), "score"), "g7.score_value");
        assert_eq!(form_field(&Target::Evaluation(vec![4, 9]), "scores[1].score"), "evaluation_score_9");
        assert_eq!(form_field(&Target::Evaluation(vec![4, 9]), "next_on"), "evaluation_next_on");
        assert_eq!(form_field(&Target::Agreement, "person_id"), "agreement_person");
    }

    #[test]
    fn refusals_and_replays_read_as_sentences_in_the_access_log() {
        use buurtteam_store::audit::{REPLAYED, Refused};
        for lang in [super::super::i18n::Lang::Nl, super::super::i18n::Lang::En] {
            let tr = Tr::new(lang);
            for action in Refused::ALL.iter().map(|r| r.action()).chain([REPLAYED]) {
                let key = access_action_key(action);
                assert_ne!(tr.t(&key), key, "{key} in {lang:?}");
            }
        }
    }

    #[test]
    fn field_ids_are_unique_per_goal_and_labels_found() {
        let tr = Tr::new(super::super::i18n::Lang::Nl);
        let mut e = FieldError::new("g7.goal_title", "is required");
        e.code("required");
        let state = FormState::default().with_errors(tr, &[e]);
        assert_eq!(state.errors[0].anchor, "g7-goal_title");
        assert_eq!(state.errors[0].summary, "Doel in de woorden van het gezin: Vul dit in.");
    }

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
