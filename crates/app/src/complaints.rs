//! Complaints (klachten, decision 0032): registered by staff on a case or submitted in Mijn
//! Buurtteam, handled by the case's team managers in steps towards a decision within six weeks
//! (once put off by four), with what the team learned. Every use case runs in one write
//! transaction through [`run`]: what the request names is resolved to its case, the actor's
//! standing in that case is read ([`CaseContext`]), `domain::policy::complaints` decides, the
//! job acts and appends its audit row. A refusal rolls back and is logged on its own.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::codes::{HouseholdRole, Role};
use buurtteam_domain::complaints::{self as rules, Against, Outcome, RecordedStep, Step};
use buurtteam_domain::ids::{CaseId, PersonId, TeamId, UserId};
use buurtteam_domain::policy::complaints::{self as policy, ComplaintAction, Member, Viewer};
use buurtteam_domain::policy::plan::AgeBand;
use buurtteam_domain::policy::{Actor, Decision, relation_to_team};
use buurtteam_domain::validation::Errors;
use buurtteam_store::Tx;
use buurtteam_store::audit::{self, Refused};
use buurtteam_store::complaints::{self as store, Complaint, NewComplaint};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Deserialize;

use crate::context::{CaseContext, Standing};
use crate::refusals::{self, Attempt};
use crate::{App, AppError, Result, audit_entry, input};

const MAX_SUBJECT: usize = 200;
const MAX_TEXT: usize = 4000;

/// A complaint to register (`POST /api/v1/complaints`, the case file's form, the portal).
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComplaintInput {
    /// The case the complaint is about (the portal: the family's own case; may be left out).
    pub case_id: Option<i64>,
    pub subject: Option<String>,
    /// `worker`, `team` or `organisation`.
    pub against: Option<String>,
    /// What the complainant wants.
    pub wish: Option<String>,
    /// The household member who complains (staff; the portal takes the one signed in).
    pub complainant_person_id: Option<i64>,
}

/// A handling step (`POST /api/v1/complaints/{id}/steps`).
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StepInput {
    /// `worker_conversation`, `team_manager_mediation`, `management`, `external_committee`.
    pub step: Option<String>,
    /// The day of the step (`YYYY-MM-DD`): not in the future, not before receipt.
    pub on: Option<String>,
    /// `well_founded`, `partly_well_founded`, `unfounded`, `withdrawn`, `resolved_informally`.
    pub outcome: Option<String>,
    /// For the team managers only.
    pub note: Option<String>,
}

/// Putting the decision off by four weeks, with the notice to the complainant.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExtensionInput {
    /// The day the complainant was told (`YYYY-MM-DD`), within the six weeks.
    pub notice_on: Option<String>,
    pub reason: Option<String>,
}

/// What the team learned from the complaint.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LessonsInput {
    pub lessons: Option<String>,
}

/// A step as the viewer may see it (the note only for team managers).
#[derive(Debug, Clone)]
pub struct StepView {
    pub step: Step,
    pub on: Date,
    pub outcome: Option<Outcome>,
    pub note: Option<String>,
    pub recorded_by: String,
}

/// A complaint as the viewer may see it.
#[derive(Debug, Clone)]
pub struct ComplaintView {
    pub id: i64,
    pub case_id: CaseId,
    pub team_id: TeamId,
    pub team_name: String,
    pub subject: String,
    pub against: Against,
    /// The worker complained about (staff only).
    pub against_worker: Option<String>,
    pub wish: String,
    pub channel: String,
    pub received_on: Date,
    pub decide_by: Date,
    pub extended_on: Option<Date>,
    pub extension_reason: Option<String>,
    pub outcome: Option<Outcome>,
    pub decided_on: Option<Date>,
    /// Working days from today to `decide_by` (negative: late); `None` once decided.
    pub working_days_left: Option<i32>,
    /// Whether it was decided within the deadline (`None` while undecided).
    pub within_deadline: Option<bool>,
    pub lessons: Option<String>,
    pub steps: Vec<StepView>,
    /// What the viewer may do with it.
    pub may_handle: bool,
    pub may_read_notes: bool,
}

/// What a complaint request names.
#[derive(Debug, Clone, Copy)]
enum At {
    Case(CaseId),
    Complaint(i64),
}

struct Ctx(CaseContext);

impl std::ops::Deref for Ctx {
    type Target = CaseContext;
    fn deref(&self) -> &CaseContext {
        &self.0
    }
}

impl Ctx {
    fn viewer(&self, complaint: Option<&Complaint>) -> Option<Viewer> {
        match &self.standing {
            Standing::Staff(role, relation) => Some(Viewer::Staff {
                role: *role,
                relation: *relation,
                concerned: complaint.is_some_and(|k| k.against_user_id == Some(self.actor.user_id)),
            }),
            Standing::Member { person, client, authority } => {
                let me = self.person(*person);
                let member = match complaint {
                    Some(k) if k.complainant_person_id == Some(*person) => Member::Complainant,
                    Some(_) if *authority => Member::ParentWithAuthority,
                    Some(_) => Member::Other,
                    None => match me {
                        Some(p) if p.role == HouseholdRole::Parent => {
                            if *authority {
                                Member::ParentWithAuthority
                            } else {
                                Member::Parent
                            }
                        }
                        // A young person from 12, about their own help.
                        Some(p) if *client && AgeBand::of(p.birth_date, self.today) != AgeBand::Under12 => {
                            Member::YoungClient
                        }
                        _ => Member::Other,
                    },
                };
                Some(Viewer::Member(member))
            }
            _ => None,
        }
    }

    fn decide(&self, action: ComplaintAction, complaint: Option<&Complaint>) -> Decision {
        self.viewer(complaint).map_or(Decision::Hidden, |v| policy::decide(v, action))
    }

    fn require(&self, action: ComplaintAction, complaint: Option<&Complaint>) -> Result<()> {
        match self.decide(action, complaint) {
            Decision::Allow => Ok(()),
            Decision::Deny => Err(AppError::Forbidden(format!("you may not {} here", action.code().replace('_', " ")))),
            Decision::Hidden => Err(AppError::NotFound(if complaint.is_some() { "complaint" } else { "case" })),
        }
    }

    fn entry(&self, now: Timestamp, action: AuditAction, id: i64) -> audit::Entry {
        let mut e = audit_entry(Some(&self.actor), now, action, "complaint");
        e.object_id = Some(id);
        e.case_id = Some(self.case.id);
        e.household_id = Some(self.case.household_id);
        e
    }

    async fn view(&self, tx: &mut Tx, k: Complaint) -> Result<ComplaintView> {
        let notes = self.decide(ComplaintAction::ReadNotes, Some(&k)) == Decision::Allow;
        let lessons = self.decide(ComplaintAction::ReadLessons, Some(&k)) == Decision::Allow;
        let handle = self.decide(ComplaintAction::RecordStep, Some(&k)) == Decision::Allow;
        let staff = matches!(self.standing, Standing::Staff(..));
        let calendar = self.calendar(tx).await?;
        let recorded = k.recorded();
        Ok(ComplaintView {
            id: k.id,
            case_id: k.case_id,
            team_id: k.team_id,
            team_name: k.team_name,
            subject: k.subject,
            against: k.against,
            against_worker: if staff { k.against_user_name } else { None },
            wish: k.wish,
            channel: k.channel,
            received_on: k.received_on,
            decide_by: k.decide_by,
            extended_on: k.extended_on,
            extension_reason: if notes { k.extension_reason } else { None },
            outcome: k.outcome,
            decided_on: k.decided_on,
            working_days_left: k
                .outcome
                .is_none()
                .then(|| rules::working_days_left(&calendar, self.today, k.decide_by)),
            within_deadline: rules::within_deadline(k.received_on, k.extended_on.is_some(), &recorded),
            lessons: if lessons { k.lessons } else { None },
            steps: k
                .steps
                .into_iter()
                .map(|s| StepView {
                    step: s.step.step,
                    on: s.step.on,
                    outcome: s.step.outcome,
                    note: if notes { s.note } else { None },
                    recorded_by: if staff { s.recorded_by_name } else { String::new() },
                })
                .collect(),
            may_handle: handle,
            may_read_notes: notes,
        })
    }
}

/// Whether the actor may have anything at all in the case `found` (its id and team), decided
/// from ids alone: staff of its team (no emergency grant opens a complaint), or a household
/// member invited into it.
async fn may_enter(tx: &mut Tx, actor: &Actor, found: Option<(CaseId, TeamId)>) -> Result<bool> {
    let (case, team) = found.unwrap_or((CaseId(0), TeamId(0)));
    let standing = match actor.role {
        Role::FamilyMember => buurtteam_store::plan::invited_to_case(tx, actor.user_id, case).await?,
        Role::FamilyWorker | Role::TeamManager => {
            relation_to_team(actor, team) == buurtteam_domain::policy::Relation::OwnTeam
        }
        _ => false,
    };
    Ok(found.is_some() && standing)
}

async fn resolve(tx: &mut Tx, at: At) -> Result<Option<(CaseId, TeamId)>> {
    match at {
        At::Case(case) => Ok(buurtteam_store::cases::team_and_household(tx, case).await?.map(|(t, _)| (case, t))),
        At::Complaint(id) => Ok(store::case_of(tx, id).await?),
    }
}

async fn run<T, F>(app: &App, actor: &Actor, at: At, job: F) -> Result<T>
where
    T: Send + 'static,
    F: for<'t> FnOnce(&'t mut Tx, Ctx, Timestamp) -> buurtteam_store::JobFuture<'t, Result<T>> + Send + 'static,
{
    let (owned_app, owned) = (app.clone(), actor.clone());
    let outcome = app
        .db
        .write(move |tx| {
            Box::pin(async move {
                let found = resolve(tx, at).await?;
                if !may_enter(tx, &owned, found).await? {
                    return Err(AppError::NotFound(match at {
                        At::Case(_) => "case",
                        At::Complaint(_) => "complaint",
                    }));
                }
                let case = found.map_or(CaseId(0), |(case, _)| case);
                let ctx = CaseContext::load(tx, &owned_app, &owned, case).await?;
                let now = ctx.now;
                job(tx, Ctx(ctx), now).await
            })
        })
        .await;
    match outcome {
        Err(refusal @ (AppError::Forbidden(_) | AppError::NotFound(_))) => {
            let (kind, id) = match at {
                At::Case(c) => ("case", c.0),
                At::Complaint(id) => ("complaint", id),
            };
            let attempt = Attempt::new(Refused::Case, kind).on(id).with("reason", refusal.to_string());
            Err(refusals::refuse(app, Some(actor), attempt, refusal).await)
        }
        other => other,
    }
}

async fn complaint_in(tx: &mut Tx, ctx: &Ctx, id: i64) -> Result<Complaint> {
    store::get(tx, id).await?.filter(|k| k.case_id == ctx.case.id).ok_or(AppError::NotFound("complaint"))
}

struct Checked {
    subject: Option<String>,
    against: Option<Against>,
    wish: Option<String>,
}

fn check_input(errors: &mut Errors, input: &ComplaintInput) -> Checked {
    Checked {
        subject: input::text(errors, "subject", input.subject.as_deref(), MAX_SUBJECT),
        against: input::code(errors, "against", input.against.as_deref(), Against::parse, Against::accepted),
        wish: input::long_text(errors, "wish", input.wish.as_deref(), MAX_TEXT),
    }
}

async fn create(
    tx: &mut Tx,
    ctx: &Ctx,
    now: Timestamp,
    checked: Checked,
    complainant: Option<PersonId>,
    channel: &'static str,
) -> Result<ComplaintView> {
    let against = checked.against.unwrap_or(Against::Team);
    // A complaint about a worker is about the case's worker: they see it and its steps.
    let against_user_id: Option<UserId> =
        if against == Against::Worker { ctx.case.worker_id.or(ctx.case.intake_worker_id) } else { None };
    let received_on = ctx.today;
    let new = NewComplaint {
        case_id: ctx.case.id,
        team_id: ctx.case.team_id,
        subject: checked.subject.as_deref().unwrap_or_default(),
        against,
        against_user_id,
        wish: checked.wish.as_deref().unwrap_or_default(),
        complainant_person_id: complainant,
        channel,
        received_on,
        decide_by: rules::decide_by(received_on, false),
        by: ctx.actor.user_id,
    };
    let id = store::insert(tx, &new, now).await?;
    let action = if channel == "portal" { AuditAction::ComplaintSubmitted } else { AuditAction::ComplaintRegistered };
    let mut entry = ctx.entry(now, action, id);
    entry.detail = serde_json::json!({ "against": against.code(), "decide_by": new.decide_by.to_string() });
    audit::append(tx, &entry).await?;
    let k = complaint_in(tx, ctx, id).await?;
    ctx.view(tx, k).await
}

/// Registers a complaint on a case (staff of the case's team), received today.
pub async fn register(app: &App, actor: &Actor, input: &ComplaintInput) -> Result<ComplaintView> {
    let mut errors = Errors::default();
    let case = input::id(&mut errors, "case_id", input.case_id);
    let checked = check_input(&mut errors, input);
    let complainant = input.complainant_person_id;
    errors.finish()?;
    let case = CaseId(case.unwrap_or_default());
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            ctx.require(ComplaintAction::Register, None)?;
            if let Some(p) = complainant
                && ctx.person(PersonId(p)).is_none()
            {
                let mut errors = Errors::default();
                errors.add("complainant_person_id", "is not a member of the case's household").code("invalid");
                errors.finish()?;
            }
            create(tx, &ctx, now, checked, complainant.map(PersonId), "staff").await
        })
    })
    .await
}

/// The case a family member's portal shows (the latest they were invited into).
async fn portal_case(app: &App, actor: &Actor) -> Result<CaseId> {
    let case = if actor.role == Role::FamilyMember {
        let mut tx = app.db.begin_read().await?;
        buurtteam_store::plan::latest_invited_case(&mut tx, actor.user_id).await?
    } else {
        None
    };
    match case {
        Some(case) => Ok(case),
        None => {
            let refusal = AppError::NotFound("case");
            let attempt = Attempt::new(Refused::Case, "portal").with("reason", "complaints");
            Err(refusals::refuse(app, Some(actor), attempt, refusal).await)
        }
    }
}

/// Submits a complaint in Mijn Buurtteam, about the family's case: a parent, or a young
/// person from 12 who is a client of it.
pub async fn submit(app: &App, actor: &Actor, input: &ComplaintInput) -> Result<ComplaintView> {
    let mut errors = Errors::default();
    let checked = check_input(&mut errors, input);
    errors.finish()?;
    let case = match input.case_id {
        Some(c) => CaseId(c),
        None => portal_case(app, actor).await?,
    };
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            ctx.require(ComplaintAction::Submit, None)?;
            let me = ctx.actor.person_id;
            create(tx, &ctx, now, checked, me, "portal").await
        })
    })
    .await
}

/// One complaint, as the actor may see it.
pub async fn get(app: &App, actor: &Actor, id: i64) -> Result<ComplaintView> {
    run(app, actor, At::Complaint(id), move |tx, ctx, now| {
        Box::pin(async move {
            let k = complaint_in(tx, &ctx, id).await?;
            ctx.require(ComplaintAction::ReadComplaint, Some(&k))?;
            audit::append(tx, &ctx.entry(now, AuditAction::ComplaintRead, id)).await?;
            ctx.view(tx, k).await
        })
    })
    .await
}

/// Records a handling step (the case's team managers).
pub async fn record_step(app: &App, actor: &Actor, id: i64, input: &StepInput) -> Result<ComplaintView> {
    let mut errors = Errors::default();
    let step = input::code(&mut errors, "step", input.step.as_deref(), Step::parse, Step::accepted);
    let on = input::date(&mut errors, "on", input.on.as_deref());
    let outcome =
        input::optional_code(&mut errors, "outcome", input.outcome.as_deref(), Outcome::parse, Outcome::accepted);
    let note = input::optional_long_text(&mut errors, "note", input.note.as_deref(), MAX_TEXT);
    errors.finish()?;
    let (step, on) = (step.unwrap_or(Step::WorkerConversation), on.unwrap_or_default());
    run(app, actor, At::Complaint(id), move |tx, ctx, now| {
        Box::pin(async move {
            let k = complaint_in(tx, &ctx, id).await?;
            ctx.require(ComplaintAction::RecordStep, Some(&k))?;
            let next = RecordedStep { step, on, outcome };
            if let Err(e) = rules::check_step(&k.recorded(), next, ctx.today) {
                if e.is_date() {
                    let mut errors = Errors::default();
                    errors.add("on", e.to_string()).code("invalid_date");
                    errors.finish()?;
                }
                return Err(AppError::Conflict { message: e.to_string(), current_status: None });
            }
            store::add_step(tx, id, next, note.as_deref(), ctx.actor.user_id, now).await?;
            let mut entry = ctx.entry(now, AuditAction::ComplaintStepRecorded, id);
            entry.detail = serde_json::json!({
                "step": step.code(), "on": on.to_string(), "outcome": outcome.map(|o| o.code()),
            });
            audit::append(tx, &entry).await?;
            let k = complaint_in(tx, &ctx, id).await?;
            ctx.view(tx, k).await
        })
    })
    .await
}

/// Puts off the decision by four weeks, once, with the notice date and the reason.
pub async fn extend(app: &App, actor: &Actor, id: i64, input: &ExtensionInput) -> Result<ComplaintView> {
    let mut errors = Errors::default();
    let notice_on = input::date(&mut errors, "notice_on", input.notice_on.as_deref());
    let reason = input::long_text(&mut errors, "reason", input.reason.as_deref(), MAX_TEXT);
    errors.finish()?;
    let (notice_on, reason) = (notice_on.unwrap_or_default(), reason.unwrap_or_default());
    run(app, actor, At::Complaint(id), move |tx, ctx, now| {
        Box::pin(async move {
            let k = complaint_in(tx, &ctx, id).await?;
            ctx.require(ComplaintAction::Extend, Some(&k))?;
            if let Err(e) =
                rules::check_extension(k.received_on, k.extended_on.is_some(), &k.recorded(), notice_on, ctx.today)
            {
                if e.is_date() {
                    let mut errors = Errors::default();
                    errors.add("notice_on", e.to_string()).code("invalid_date");
                    errors.finish()?;
                }
                return Err(AppError::Conflict { message: e.to_string(), current_status: None });
            }
            let decide_by = rules::decide_by(k.received_on, true);
            store::extend(tx, id, notice_on, &reason, decide_by, now).await?;
            let mut entry = ctx.entry(now, AuditAction::ComplaintExtended, id);
            entry.detail =
                serde_json::json!({ "notice_on": notice_on.to_string(), "decide_by": decide_by.to_string() });
            audit::append(tx, &entry).await?;
            let k = complaint_in(tx, &ctx, id).await?;
            ctx.view(tx, k).await
        })
    })
    .await
}

/// Writes what the team learned (the case's team managers).
pub async fn record_lessons(app: &App, actor: &Actor, id: i64, input: &LessonsInput) -> Result<ComplaintView> {
    let mut errors = Errors::default();
    let lessons = input::long_text(&mut errors, "lessons", input.lessons.as_deref(), MAX_TEXT);
    errors.finish()?;
    let lessons = lessons.unwrap_or_default();
    run(app, actor, At::Complaint(id), move |tx, ctx, now| {
        Box::pin(async move {
            let k = complaint_in(tx, &ctx, id).await?;
            ctx.require(ComplaintAction::RecordLessons, Some(&k))?;
            store::set_lessons(tx, id, &lessons, now).await?;
            audit::append(tx, &ctx.entry(now, AuditAction::ComplaintLessonsRecorded, id)).await?;
            let k = complaint_in(tx, &ctx, id).await?;
            ctx.view(tx, k).await
        })
    })
    .await
}

/// The complaints on one case that the actor may see (the case file, the portal).
pub async fn of_case(app: &App, actor: &Actor, case: CaseId) -> Result<Vec<ComplaintView>> {
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            let mut out = Vec::new();
            for k in store::of_case(tx, ctx.case.id).await? {
                if ctx.decide(ComplaintAction::ReadComplaint, Some(&k)) == Decision::Allow {
                    out.push(ctx.view(tx, k).await?);
                }
            }
            if !out.is_empty() {
                let mut entry = audit_entry(Some(&ctx.actor), now, AuditAction::ComplaintList, "case");
                entry.object_id = Some(ctx.case.id.0);
                entry.case_id = Some(ctx.case.id);
                entry.household_id = Some(ctx.case.household_id);
                audit::append(tx, &entry).await?;
            }
            Ok(out)
        })
    })
    .await
}

/// The complaints the signed-in family member may see, on their family's case.
pub async fn portal_list(app: &App, actor: &Actor) -> Result<(CaseId, Vec<ComplaintView>)> {
    let case = portal_case(app, actor).await?;
    Ok((case, of_case(app, actor, case).await?))
}

/// A complaint in a team manager's list, with its countdown.
#[derive(Debug, Clone)]
pub struct ListItem {
    pub id: i64,
    pub case_id: CaseId,
    pub team_name: String,
    pub subject: String,
    pub against: Against,
    pub received_on: Date,
    pub decide_by: Date,
    pub extended: bool,
    pub last_step: Step,
    pub outcome: Option<Outcome>,
    pub working_days_left: Option<i32>,
}

/// The complaints of the team manager's teams, newest first (`open_only`: undecided only, for
/// the worklist).
pub async fn list_for_teams(app: &App, actor: &Actor, open_only: bool) -> Result<Vec<ListItem>> {
    let viewer =
        Viewer::Staff { role: actor.role, relation: buurtteam_domain::policy::Relation::NoRecord, concerned: false };
    let viewer = if actor.role.is_staff() { Some(viewer) } else { None };
    if viewer.is_none_or(|v| policy::decide(v, ComplaintAction::ListTeam) != Decision::Allow) {
        let refusal = AppError::Forbidden("only team managers list complaints".into());
        let attempt = Attempt::new(Refused::Team, "complaints").with("attempted", "list_team");
        return Err(refusals::refuse(app, Some(actor), attempt, refusal).await);
    }
    let (owned_app, owned) = (app.clone(), actor.clone());
    app.db
        .write(move |tx| {
            Box::pin(async move {
                let now = owned_app.now();
                let today = owned_app.today();
                let calendar = owned_app.calendar(tx).await?;
                let rows = if open_only {
                    store::open_of_teams(tx, &owned.team_ids).await?
                } else {
                    store::of_teams(tx, &owned.team_ids).await?
                };
                let items: Vec<ListItem> = rows
                    .into_iter()
                    .map(|k| ListItem {
                        id: k.id,
                        case_id: k.case_id,
                        last_step: k.steps.last().map_or(Step::Received, |s| s.step.step),
                        working_days_left: k
                            .outcome
                            .is_none()
                            .then(|| rules::working_days_left(&calendar, today, k.decide_by)),
                        team_name: k.team_name,
                        subject: k.subject,
                        against: k.against,
                        received_on: k.received_on,
                        decide_by: k.decide_by,
                        extended: k.extended_on.is_some(),
                        outcome: k.outcome,
                    })
                    .collect();
                if !items.is_empty() {
                    audit::append(tx, &audit_entry(Some(&owned), now, AuditAction::ComplaintList, "complaint")).await?;
                }
                Ok(items)
            })
        })
        .await
}

/// Whether `actor` reads the complaint counts at all: a 403 (logged once) before anything
/// about the request itself is looked at.
async fn may_read_counts(app: &App, actor: &Actor) -> Result<()> {
    let viewer =
        Viewer::Staff { role: actor.role, relation: buurtteam_domain::policy::Relation::NoRecord, concerned: false };
    if !actor.role.is_staff() || policy::decide(viewer, ComplaintAction::ReadCounts) != Decision::Allow {
        let refusal = AppError::Forbidden("only team managers and analysts read complaint counts".into());
        let attempt = Attempt::new(Refused::Kpi, "complaints").with("attempted", "read_counts");
        return Err(refusals::refuse(app, Some(actor), attempt, refusal).await);
    }
    Ok(())
}

/// [`counts`] for a period as sent (`YYYY-MM-DD`, both required): who asks is decided first,
/// so that an outsider is refused whatever the query; then the dates are checked (422).
pub async fn counts_between(app: &App, actor: &Actor, from: Option<&str>, to: Option<&str>) -> Result<Vec<TeamCounts>> {
    may_read_counts(app, actor).await?;
    let mut errors = Errors::default();
    let from = input::date(&mut errors, "from", from);
    let to = input::date(&mut errors, "to", to);
    errors.finish()?;
    let (Some(from), Some(to)) = (from, to) else { return Err(AppError::Internal("a field error was lost".into())) };
    counts(app, actor, from, to).await
}

/// Steering counts of the complaints received in `[from, to]`, per team: for team managers
/// their teams, for analysts every team. Counts under 5 are suppressed as the KPIs are
/// (`None`), except the number received, which the seeds report as it is (7 in half a year).
#[derive(Debug, Clone)]
pub struct TeamCounts {
    pub team_id: TeamId,
    pub counts: rules::Counts,
}

pub async fn counts(app: &App, actor: &Actor, from: Date, to: Date) -> Result<Vec<TeamCounts>> {
    may_read_counts(app, actor).await?;
    if to < from {
        let mut errors = Errors::default();
        errors.add("to", "lies before from").code("invalid");
        errors.finish()?;
    }
    let mut tx = app.db.begin_read().await?;
    let rows = store::received_between(&mut tx, from, to).await?;
    drop(tx);
    let mut teams: Vec<TeamId> = rows.iter().map(|r| r.team_id).collect();
    teams.sort();
    teams.dedup();
    if actor.role == Role::TeamManager {
        teams.retain(|t| actor.team_ids.contains(t));
    }
    Ok(teams
        .into_iter()
        .map(|team| {
            let facts: Vec<rules::CountFacts> = rows
                .iter()
                .filter(|r| r.team_id == team)
                .map(|r| rules::CountFacts {
                    received_on: r.received_on,
                    decide_by: r.decide_by,
                    outcome: r.outcome,
                    decided_on: r.decided_on,
                })
                .collect();
            TeamCounts { team_id: team, counts: rules::count(&facts) }
        })
        .collect())
}
