//! The family plan (gezinsplan) as use cases, for staff and for Mijn Buurtteam alike.
//!
//! Every use case runs in one write transaction: it reads what the policy needs (the case,
//! the household, the actor's standing), asks `plan_policy::decide`, acts, records the plan's
//! next version for a change, and appends the access-log row, so a read or change and its log
//! row commit together or not at all. Reads run there too: no plan leaves the server unlogged.

use buurtteam_domain::audit::{self as audit_action, AuditAction};
use buurtteam_domain::codes::{GoalStatus, HouseholdRole, LifeDomain, Performer, ProposalStatus, Role};
use buurtteam_domain::ids::{CaseId, GoalActionId, GoalId, NetworkInvitationId, PersonId, ProposalId, UserId};
use buurtteam_domain::plan_policy::{self, AgeBand, Member, PlanAction, Target, Viewer};
use buurtteam_domain::policy::{Actor, Decision};
use buurtteam_domain::validation::Errors;
use buurtteam_store::Tx;
use buurtteam_store::audit::{self, Refused};
use buurtteam_store::plan::{
    self as store, Agreement, Appointment, Comment, Evaluation, Goal, GoalAction, GoalFields, Plan, Proposal, Score,
    Version, WorkingNote,
};
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Deserializer, Serialize};

pub use crate::activation::{ActivateInput, activate};
use crate::refusals::{self, Attempt};
use crate::{App, AppError, Result, input};

pub const MAX_TITLE: usize = 200;
pub const MAX_TEXT: usize = 4000;
/// How long a one-time invitation code stays valid.
pub const CODE_VALID_FOR: SignedDuration = SignedDuration::from_hours(14 * 24);

/// Deserialises a field that may be absent (no change) or `null` (set to nothing).
fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> std::result::Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GoalInput {
    #[cfg_attr(feature = "openapi", schema(value_type = Option<LifeDomain>))]
    pub life_domain: Option<String>,
    /// The goal in the family's own words.
    pub title: Option<String>,
    pub description: Option<String>,
    /// The client the goal belongs to; `null` for the household as a whole.
    pub client_id: Option<i64>,
    #[serde(default)]
    pub confidential: bool,
    /// Required when `confidential`: why the goal is kept from the family.
    pub confidential_reason: Option<String>,
}

/// A change to a goal: absent fields stay as they are.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GoalPatch {
    #[cfg_attr(feature = "openapi", schema(value_type = Option<LifeDomain>))]
    pub life_domain: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub client_id: Option<Option<i64>>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<GoalStatus>))]
    pub status: Option<String>,
    pub confidential: Option<bool>,
    pub confidential_reason: Option<String>,
    /// Shared with the family by its client of 16 or older.
    pub shared: Option<bool>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScoreInput {
    pub measured_on: Option<String>,
    /// 1 (acute problems) to 5 (fully self-sufficient).
    pub score: Option<i64>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActionInput {
    pub description: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Performer>))]
    pub performer: Option<String>,
    /// With performer `family_member`: which household member.
    pub person_id: Option<i64>,
    /// With performer `network_member`: the invitation of that network member onto this goal.
    pub network_invitation_id: Option<i64>,
    /// With performer `partner`: the organisation, in words.
    pub performer_name: Option<String>,
    pub due_on: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActionPatch {
    pub done: Option<bool>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TextInput {
    pub body: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProposalInput {
    pub title: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProposalDecision {
    pub accept: Option<bool>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationScore {
    pub goal_id: i64,
    pub score: i64,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationInput {
    pub held_on: Option<String>,
    pub went_well: Option<String>,
    pub changes: Option<String>,
    /// The next evaluation; it appears on the worklist.
    pub next_on: Option<String>,
    /// Self-sufficiency per goal, measured at this evaluation.
    #[serde(default)]
    pub scores: Vec<EvaluationScore>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AppointmentInput {
    /// Local date and time in the organisation's time zone, `YYYY-MM-DDTHH:MM`.
    pub starts_at: Option<String>,
    pub place: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgreementInput {
    /// The household member on whose behalf the worker records agreement (staff only).
    pub person_id: Option<i64>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortalInvitationInput {
    pub person_id: Option<i64>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NetworkInvitationInput {
    pub name: Option<String>,
    /// How they relate to the family, in words ("buurvrouw", "opa").
    pub relation: Option<String>,
    pub email: Option<String>,
}

// ---------------------------------------------------------------------------------------
// Who the actor is to a case, and the transaction a use case runs in: `plan/context.rs`.

mod context;

use context::{At, Context, Standing, goal_in, run};

/// A validation error on one field.
pub(crate) fn invalid(field: &str, message: &str, code: &'static str) -> AppError {
    let mut errors = Errors::default();
    errors.add(field, message).code(code);
    match errors.finish() {
        Err(e) => e.into(),
        Ok(()) => AppError::Internal("a field error was lost".into()),
    }
}

fn json<T: Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

/// Records the change as the plan's next version and logs it; returns the version.
async fn changed(
    tx: &mut Tx,
    ctx: &Context,
    now: Timestamp,
    change: AuditAction,
    goal: Option<&Goal>,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<i64> {
    let version = store::record_version(
        tx,
        &store::Change {
            case: ctx.case.id,
            by: ctx.actor.user_id,
            change,
            goal: goal.map(|g| g.id),
            before: before.as_ref(),
            after: after.as_ref(),
        },
        now,
    )
    .await?;
    let mut entry = ctx.entry(now, change, goal);
    entry.detail = serde_json::json!({ "version": version });
    audit::append(tx, &entry).await?;
    Ok(version)
}

fn score_value(errors: &mut Errors, field: &str, score: Option<i64>) -> Option<i32> {
    match score {
        Some(s @ 1..=5) => Some(s as i32),
        Some(_) => {
            errors
                .add(field, "is a whole number from 1 (acute problems) to 5 (fully self-sufficient)")
                .code("score_range");
            None
        }
        None => {
            errors.add(field, "is required (1 to 5)").code("required");
            None
        }
    }
}

// ---------------------------------------------------------------------------------------
// Goals.

fn check_client(errors: &mut Errors, ctx: &Context, client: Option<i64>) -> Option<PersonId> {
    let id = PersonId(client?);
    if ctx.case.clients.iter().any(|c| c.person_id == id) {
        Some(id)
    } else {
        errors.add("client_id", format!("person {} is not a client of this case", id.0)).code("not_a_client");
        None
    }
}

fn check_confidential(errors: &mut Errors, confidential: bool, reason: Option<&str>) -> Option<String> {
    let reason = input::optional_long_text(errors, "confidential_reason", reason, MAX_TEXT);
    if confidential && reason.is_none() {
        errors
            .add("confidential_reason", "give the reason why this goal is kept confidential")
            .code("confidential_reason_required");
    }
    if confidential { reason } else { None }
}

/// Adds a goal to the plan of a case.
pub async fn add_goal(app: &App, actor: &Actor, case: CaseId, input: &GoalInput) -> Result<Goal> {
    let mut errors = Errors::default();
    let life_domain =
        input::code(&mut errors, "life_domain", input.life_domain.as_deref(), LifeDomain::parse, LifeDomain::accepted);
    let title = input::text(&mut errors, "title", input.title.as_deref(), MAX_TITLE);
    let description = input::optional_long_text(&mut errors, "description", input.description.as_deref(), MAX_TEXT);
    let reason = check_confidential(&mut errors, input.confidential, input.confidential_reason.as_deref());
    let input = input.clone();
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            ctx.require(PlanAction::AddGoal, None)?;
            ctx.open()?;
            let client_id = check_client(&mut errors, &ctx, input.client_id);
            errors.finish()?;
            let fields = GoalFields {
                client_id,
                life_domain: life_domain.unwrap_or(LifeDomain::Parenting),
                title: title.unwrap_or_default(),
                description: description.unwrap_or_default(),
                status: GoalStatus::Open,
                confidential: input.confidential,
                confidential_reason: reason,
                shared: false,
            };
            let id = store::insert_goal(tx, ctx.case.id, &fields, ctx.actor.user_id, now).await?;
            let goal = goal_in(tx, &ctx, id).await?;
            changed(tx, &ctx, now, AuditAction::GoalAdded, Some(&goal), None, Some(json(&fields))).await?;
            Ok(goal)
        })
    })
    .await
}

/// Changes a goal. Staff change anything; a client of 16 or older shares or unshares their
/// own goal; everything else from the portal goes through a proposal.
pub async fn change_goal(app: &App, actor: &Actor, id: GoalId, patch: &GoalPatch) -> Result<Goal> {
    let patch = patch.clone();
    run(app, actor, At::Goal(id), move |tx, ctx, now| {
        Box::pin(async move {
            let goal = goal_in(tx, &ctx, id).await?;
            ctx.require(PlanAction::ReadGoal, Some(&goal))?;
            let only_sharing = patch.life_domain.is_none()
                && patch.title.is_none()
                && patch.description.is_none()
                && patch.client_id.is_none()
                && patch.status.is_none()
                && patch.confidential.is_none()
                && patch.confidential_reason.is_none();
            if patch.shared.is_some_and(|s| s != goal.shared) {
                ctx.require(PlanAction::ShareGoal, Some(&goal))?;
            }
            if !only_sharing {
                ctx.require(PlanAction::ChangeGoal, Some(&goal))?;
                ctx.open()?;
            }
            let mut errors = Errors::default();
            let mut f = goal.fields();
            if let Some(d) = &patch.life_domain {
                f.life_domain =
                    input::code(&mut errors, "life_domain", Some(d), LifeDomain::parse, LifeDomain::accepted)
                        .unwrap_or(f.life_domain);
            }
            if patch.title.is_some() {
                f.title = input::text(&mut errors, "title", patch.title.as_deref(), MAX_TITLE).unwrap_or_default();
            }
            if patch.description.is_some() {
                f.description =
                    input::optional_long_text(&mut errors, "description", patch.description.as_deref(), MAX_TEXT)
                        .unwrap_or_default();
            }
            if let Some(client) = patch.client_id {
                f.client_id = check_client(&mut errors, &ctx, client);
            }
            if let Some(s) = &patch.status {
                f.status = input::code(&mut errors, "status", Some(s), GoalStatus::parse, GoalStatus::accepted)
                    .unwrap_or(f.status);
            }
            if let Some(c) = patch.confidential {
                f.confidential = c;
            }
            if patch.confidential.is_some() || patch.confidential_reason.is_some() {
                let reason =
                    patch.confidential_reason.as_deref().or(f.confidential_reason.as_deref()).map(str::to_owned);
                f.confidential_reason = check_confidential(&mut errors, f.confidential, reason.as_deref());
            }
            if let Some(s) = patch.shared {
                f.shared = s;
            }
            errors.finish()?;
            if f == goal.fields() {
                return Ok(goal);
            }
            store::update_goal(tx, id, &f, now).await?;
            let after = goal_in(tx, &ctx, id).await?;
            let change = if only_sharing { AuditAction::GoalSharingChanged } else { AuditAction::GoalChanged };
            changed(tx, &ctx, now, change, Some(&after), Some(json(&goal.fields())), Some(json(&f))).await?;
            Ok(after)
        })
    })
    .await
}

/// Records a self-sufficiency score (1–5) for a goal.
pub async fn add_score(app: &App, actor: &Actor, id: GoalId, input: &ScoreInput) -> Result<Score> {
    let mut errors = Errors::default();
    let today = app.today();
    let measured_on = input::past_date(&mut errors, "measured_on", input.measured_on.as_deref(), today);
    let score = score_value(&mut errors, "score", input.score);
    errors.finish()?;
    let (measured_on, score) = (measured_on.unwrap_or(today), score.unwrap_or(1));
    run(app, actor, At::Goal(id), move |tx, ctx, now| {
        Box::pin(async move {
            let goal = goal_in(tx, &ctx, id).await?;
            ctx.require(PlanAction::ChangeGoal, Some(&goal))?;
            store::insert_score(tx, id, measured_on, score, ctx.actor.user_id, now).await?;
            let s = Score { goal_id: id, measured_on, score };
            changed(tx, &ctx, now, AuditAction::GoalScored, Some(&goal), None, Some(json(&s))).await?;
            Ok(s)
        })
    })
    .await
}

/// Adds an action under a goal.
pub async fn add_action(app: &App, actor: &Actor, id: GoalId, input: &ActionInput) -> Result<GoalAction> {
    let mut errors = Errors::default();
    let description = input::text(&mut errors, "description", input.description.as_deref(), MAX_TITLE);
    let performer =
        input::code(&mut errors, "performer", input.performer.as_deref(), Performer::parse, Performer::accepted);
    let due_on = input::optional_planned_date(&mut errors, "due_on", input.due_on.as_deref(), app.today());
    let partner = input::optional_text(&mut errors, "performer_name", input.performer_name.as_deref(), MAX_TITLE);
    let input = input.clone();
    run(app, actor, At::Goal(id), move |tx, ctx, now| {
        Box::pin(async move {
            let goal = goal_in(tx, &ctx, id).await?;
            ctx.require(PlanAction::ChangeGoal, Some(&goal))?;
            ctx.open()?;
            let mut person = None;
            let mut invitation = None;
            match performer {
                Some(Performer::FamilyMember) => match input.person_id.map(PersonId) {
                    Some(p) if ctx.person(p).is_some() => person = Some(p),
                    Some(p) => {
                        errors
                            .add("person_id", format!("person {} is not in this household", p.0))
                            .code("not_household_member");
                    }
                    None => {
                        errors.add("person_id", "name the household member who does this").code("required");
                    }
                },
                Some(Performer::NetworkMember) => {
                    let inv = match input.network_invitation_id {
                        Some(i) => store::network_invitation(tx, NetworkInvitationId(i)).await?,
                        None => None,
                    };
                    match inv {
                        Some(i) if i.goal_id == id && i.revoked_at.is_none() => invitation = Some(i.id),
                        _ => {
                            errors
                                .add("network_invitation_id", "name a network member invited onto this goal")
                                .code("not_invited");
                        }
                    }
                }
                Some(Performer::Partner) if partner.is_none() => {
                    errors.add("performer_name", "name the partner organisation").code("required");
                }
                _ => {}
            }
            errors.finish()?;
            let new = store::NewAction {
                goal_id: id,
                description: description.as_deref().unwrap_or_default(),
                performer: performer.unwrap_or(Performer::FamilyWorker),
                performer_person_id: person,
                performer_invitation_id: invitation,
                performer_name: partner.as_deref().filter(|_| performer == Some(Performer::Partner)),
                due_on,
                created_by: ctx.actor.user_id,
            };
            let action_id = store::insert_action(tx, &new, now).await?;
            let action = store::action(tx, action_id).await?.ok_or(AppError::NotFound("action"))?;
            changed(tx, &ctx, now, AuditAction::ActionAdded, Some(&goal), None, Some(json(&action))).await?;
            Ok(action)
        })
    })
    .await
}

/// Whether an action is the actor's own (assigned to their person or their invitation).
fn is_own_action(ctx: &Context, action: &GoalAction) -> bool {
    match &ctx.standing {
        Standing::Staff(..) => true,
        Standing::Member { person, .. } => action.performer_person_id == Some(*person),
        Standing::Network { live } => action.performer_invitation_id.is_some_and(|i| live.iter().any(|l| l.id == i)),
        Standing::Outsider => false,
    }
}

/// Marks an action done or open again. Staff may mark any action; a family or network member
/// only actions assigned to them.
pub async fn set_action_done(app: &App, actor: &Actor, id: GoalActionId, patch: &ActionPatch) -> Result<GoalAction> {
    let Some(done) = patch.done else {
        return Err(invalid("done", "is required (true or false)", "required"));
    };
    run(app, actor, At::Action(id), move |tx, ctx, now| {
        Box::pin(async move {
            let action = store::action(tx, id).await?.ok_or(AppError::NotFound("action"))?;
            let goal = goal_in(tx, &ctx, action.goal_id).await?;
            ctx.require(PlanAction::CompleteOwnAction, Some(&goal))?;
            ctx.open()?;
            if !is_own_action(&ctx, &action) {
                return Err(AppError::Forbidden("you may only mark your own actions done".into()));
            }
            let done_on = done.then_some(ctx.today);
            if action.done_on.is_some() == done {
                return Ok(action);
            }
            store::set_action_done(tx, id, done_on, ctx.actor.user_id).await?;
            let after = store::action(tx, id).await?.ok_or(AppError::NotFound("action"))?;
            let change = if done { AuditAction::ActionDone } else { AuditAction::ActionReopened };
            changed(tx, &ctx, now, change, Some(&goal), Some(json(&action)), Some(json(&after))).await?;
            Ok(after)
        })
    })
    .await
}

/// Adds a comment to a goal (staff, family or network member who can see it).
pub async fn comment(app: &App, actor: &Actor, id: GoalId, input: &TextInput) -> Result<i64> {
    let mut errors = Errors::default();
    let body = input::long_text(&mut errors, "body", input.body.as_deref(), MAX_TEXT);
    errors.finish()?;
    let body = body.unwrap_or_default();
    run(app, actor, At::Goal(id), move |tx, ctx, now| {
        Box::pin(async move {
            let goal = goal_in(tx, &ctx, id).await?;
            ctx.require(PlanAction::CommentOnGoal, Some(&goal))?;
            ctx.open()?;
            let comment = store::insert_comment(tx, id, ctx.actor.user_id, &body, now).await?;
            let mut entry = ctx.entry(now, AuditAction::GoalCommented, Some(&goal));
            entry.detail = serde_json::json!({ "comment_id": comment });
            audit::append(tx, &entry).await?;
            Ok(comment)
        })
    })
    .await
}

/// Proposes new words for a goal from the portal; the worker accepts or declines.
pub async fn propose(app: &App, actor: &Actor, id: GoalId, input: &ProposalInput) -> Result<ProposalId> {
    let mut errors = Errors::default();
    let title = input::text(&mut errors, "title", input.title.as_deref(), MAX_TITLE);
    let description = input::optional_long_text(&mut errors, "description", input.description.as_deref(), MAX_TEXT);
    errors.finish()?;
    run(app, actor, At::Goal(id), move |tx, ctx, now| {
        Box::pin(async move {
            let goal = goal_in(tx, &ctx, id).await?;
            ctx.require(PlanAction::ProposeGoalChange, Some(&goal))?;
            ctx.open()?;
            let pid = store::insert_proposal(
                tx,
                id,
                ctx.actor.user_id,
                title.as_deref().unwrap_or_default(),
                description.as_deref().unwrap_or_default(),
                now,
            )
            .await?;
            let mut entry = ctx.entry(now, AuditAction::GoalChangeProposed, Some(&goal));
            entry.detail = serde_json::json!({ "proposal_id": pid.0 });
            audit::append(tx, &entry).await?;
            Ok(pid)
        })
    })
    .await
}

/// Accepts (the goal takes the proposed words, as a new version) or declines a proposal.
pub async fn decide_proposal(app: &App, actor: &Actor, id: ProposalId, input: &ProposalDecision) -> Result<Goal> {
    let Some(accept) = input.accept else {
        return Err(invalid("accept", "is required (true or false)", "required"));
    };
    run(app, actor, At::Proposal(id), move |tx, ctx, now| {
        Box::pin(async move {
            let proposal = store::proposal(tx, id).await?.ok_or(AppError::NotFound("proposal"))?;
            let goal_id = proposal.goal_id;
            let goal = goal_in(tx, &ctx, goal_id).await?;
            ctx.require(PlanAction::DecideProposal, Some(&goal))?;
            let status = if accept { ProposalStatus::Accepted } else { ProposalStatus::Declined };
            if !store::decide_proposal(tx, id, status, ctx.actor.user_id, now).await? {
                return Err(AppError::Conflict {
                    message: "this proposal was decided already".into(),
                    current_status: None,
                });
            }
            if !accept {
                let mut entry = ctx.entry(now, AuditAction::GoalProposalDeclined, Some(&goal));
                entry.detail = serde_json::json!({ "proposal_id": id.0 });
                audit::append(tx, &entry).await?;
                return Ok(goal);
            }
            let mut f = goal.fields();
            f.title = proposal.title.clone();
            if !proposal.description.is_empty() {
                f.description = proposal.description.clone();
            }
            store::update_goal(tx, goal_id, &f, now).await?;
            let after = goal_in(tx, &ctx, goal_id).await?;
            changed(
                tx,
                &ctx,
                now,
                AuditAction::GoalProposalAccepted,
                Some(&after),
                Some(json(&goal.fields())),
                Some(json(&f)),
            )
            .await?;
            Ok(after)
        })
    })
    .await
}

// ---------------------------------------------------------------------------------------
// Case-wide parts of the plan.

/// Records an evaluation with its scores per goal; the next date goes on the worklist.
pub async fn record_evaluation(app: &App, actor: &Actor, case: CaseId, input: &EvaluationInput) -> Result<Evaluation> {
    let today = app.today();
    let mut errors = Errors::default();
    let held_on = input::past_date(&mut errors, "held_on", input.held_on.as_deref(), today);
    let went_well = input::long_text(&mut errors, "went_well", input.went_well.as_deref(), MAX_TEXT);
    let changes = input::long_text(&mut errors, "changes", input.changes.as_deref(), MAX_TEXT);
    let next_on = input::optional_planned_date(&mut errors, "next_on", input.next_on.as_deref(), today);
    if let (Some(h), Some(n)) = (held_on, next_on)
        && n <= h
    {
        errors.add("next_on", "lies after the evaluation itself").code("next_after_held");
    }
    let mut scores = Vec::new();
    for (i, s) in input.scores.iter().enumerate() {
        if let Some(v) = score_value(&mut errors, &format!("scores[{i}].score"), Some(s.score)) {
            scores.push((GoalId(s.goal_id), v));
        }
    }
    errors.finish()?;
    let held_on = held_on.unwrap_or(today);
    let (went_well, changes) = (went_well.unwrap_or_default(), changes.unwrap_or_default());
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            ctx.require(PlanAction::RecordEvaluation, None)?;
            ctx.open()?;
            let mut goals = Vec::new();
            let mut errors = Errors::default();
            for (i, (g, _)) in scores.iter().enumerate() {
                match store::goal(tx, *g).await?.filter(|x| x.case_id == ctx.case.id) {
                    Some(goal) => goals.push(goal),
                    None => {
                        errors.add(format!("scores[{i}].goal_id"), "is not a goal of this plan").code("not_a_goal");
                    }
                }
            }
            errors.finish()?;
            let new = store::NewEvaluation { held_on, went_well: &went_well, changes: &changes, next_on };
            let eid = store::insert_evaluation(tx, ctx.case.id, &new, ctx.actor.user_id, now).await?;
            for (goal, (_, score)) in goals.iter().zip(&scores) {
                store::insert_score(tx, goal.id, held_on, *score, ctx.actor.user_id, now).await?;
            }
            let evaluation = Evaluation {
                id: eid,
                held_on,
                went_well: went_well.clone(),
                changes: changes.clone(),
                next_on,
                recorded_by: ctx.actor.user_id,
            };
            let after = serde_json::json!({ "evaluation": json(&evaluation), "scores": scores.iter().map(|(g, s)| serde_json::json!({"goal_id": g.0, "score": s})).collect::<Vec<_>>() });
            changed(tx, &ctx, now, AuditAction::EvaluationRecorded, None, None, Some(after)).await?;
            Ok(evaluation)
        })
    })
    .await
}

/// Adds a working note (werkaantekening): staff only, never shown in the portal.
pub async fn add_working_note(app: &App, actor: &Actor, case: CaseId, input: &TextInput) -> Result<i64> {
    let mut errors = Errors::default();
    let body = input::long_text(&mut errors, "body", input.body.as_deref(), MAX_TEXT);
    errors.finish()?;
    let body = body.unwrap_or_default();
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            ctx.require(PlanAction::WriteWorkingNotes, None)?;
            let id = store::insert_working_note(tx, ctx.case.id, &body, ctx.actor.user_id, now).await?;
            let mut entry = ctx.entry(now, AuditAction::WorkingNoteAdded, None);
            entry.object_type = "working_note";
            entry.object_id = Some(id);
            audit::append(tx, &entry).await?;
            Ok(id)
        })
    })
    .await
}

/// The working notes of a case, newest first (staff of the team only).
pub async fn working_notes(app: &App, actor: &Actor, case: CaseId) -> Result<Vec<WorkingNote>> {
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            ctx.require(PlanAction::ReadWorkingNotes, None)?;
            let notes = store::working_notes(tx, ctx.case.id).await?;
            audit::append(tx, &ctx.entry(now, AuditAction::WorkingNotesRead, None)).await?;
            Ok(notes)
        })
    })
    .await
}

/// Plans an appointment the family sees in the portal.
pub async fn plan_appointment(app: &App, actor: &Actor, case: CaseId, input: &AppointmentInput) -> Result<Appointment> {
    let mut errors = Errors::default();
    let starts_at =
        input::planned_time(&mut errors, "starts_at", input.starts_at.as_deref(), &app.settings.time_zone, app.today());
    let place = input::text(&mut errors, "place", input.place.as_deref(), MAX_TITLE);
    let description = input::text(&mut errors, "description", input.description.as_deref(), MAX_TITLE);
    errors.finish()?;
    let (starts_at, place, description) =
        (starts_at.unwrap_or_else(Timestamp::now), place.unwrap_or_default(), description.unwrap_or_default());
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            ctx.require(PlanAction::PlanAppointment, None)?;
            ctx.open()?;
            let id =
                store::insert_appointment(tx, ctx.case.id, starts_at, &place, &description, ctx.actor.user_id, now)
                    .await?;
            let a = Appointment { id, starts_at, place: place.clone(), description: description.clone() };
            let mut entry = ctx.entry(now, AuditAction::AppointmentPlanned, None);
            entry.object_type = "appointment";
            entry.object_id = Some(id);
            audit::append(tx, &entry).await?;
            Ok(a)
        })
    })
    .await
}

/// Records agreement to the current version of the plan: by a family member for themselves in
/// the portal, or by the worker on behalf of a named household member.
pub async fn agree(app: &App, actor: &Actor, case: CaseId, input: &AgreementInput) -> Result<Agreement> {
    let on_behalf = input.person_id.map(PersonId);
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            ctx.require(PlanAction::AgreeToPlan, None)?;
            ctx.open()?;
            let person = match (&ctx.standing, on_behalf) {
                (Standing::Member { person, .. }, _) => *person,
                (_, Some(p)) if ctx.person(p).is_some() => p,
                (_, Some(_)) => return Err(invalid("person_id", "is not in this household", "not_household_member")),
                (_, None) => return Err(invalid("person_id", "name the household member who agreed", "required")),
            };
            let plan = store::load(tx, ctx.case.id).await?;
            if plan.goals.is_empty() {
                return Err(AppError::Conflict { message: "the plan has no goals yet".into(), current_status: None });
            }
            store::insert_agreement(tx, ctx.case.id, plan.version, person, ctx.actor.user_id, now).await?;
            let mut entry = ctx.entry(now, AuditAction::PlanAgreed, None);
            entry.client_id = Some(person);
            if ctx.is_staff() {
                entry.acting_for = Some(person);
            }
            entry.detail = serde_json::json!({ "version": plan.version });
            audit::append(tx, &entry).await?;
            let recorded_by =
                buurtteam_store::plan::Author { user_id: ctx.actor.user_id, name: String::new(), role: ctx.actor.role };
            Ok(Agreement { version: plan.version, person_id: person, recorded_by, created_at: now })
        })
    })
    .await
}

/// The versions of the plan (who changed what, when), newest first, as far as the reader
/// may see the goals they concern.
pub async fn history(app: &App, actor: &Actor, case: CaseId) -> Result<Vec<Version>> {
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            ctx.require(PlanAction::ReadHistory, None)?;
            let plan = store::load(tx, ctx.case.id).await?;
            let versions = store::versions(tx, ctx.case.id).await?;
            let visible = |v: &Version| match v.goal_id {
                None => true,
                Some(g) => {
                    plan.goals.iter().find(|x| x.id == g).is_some_and(|x| ctx.allows(PlanAction::ReadGoal, Some(x)))
                }
            };
            let readable = |g: i64| {
                plan.goals.iter().find(|x| x.id.0 == g).is_some_and(|x| ctx.allows(PlanAction::ReadGoal, Some(x)))
            };
            let out: Vec<Version> = versions
                .into_iter()
                .filter(visible)
                .map(|mut v| {
                    // An evaluation's scores name several goals: keep those the reader may see.
                    if let Some(scores) =
                        v.state_after.as_mut().and_then(|a| a.get_mut("scores")).and_then(|s| s.as_array_mut())
                    {
                        scores.retain(|s| s["goal_id"].as_i64().is_some_and(readable));
                    }
                    v
                })
                .collect();
            audit::append(tx, &ctx.entry(now, AuditAction::PlanHistoryRead, None)).await?;
            Ok(out)
        })
    })
    .await
}

// ---------------------------------------------------------------------------------------
// Reading the plan.

/// A household member as shown beside goals and actions.
#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    pub id: PersonId,
    pub given_name: String,
    pub family_name: String,
    pub role: HouseholdRole,
    pub client: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActionView {
    #[serde(flatten)]
    pub action: GoalAction,
    /// The performer's name (a household member, a network member or a partner).
    pub performer_label: Option<String>,
    /// Whether the reader may mark it done.
    pub mine: bool,
}

/// What the reader may do with a goal.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GoalPermissions {
    pub comment: bool,
    pub propose: bool,
    pub share: bool,
    pub invite_network: bool,
    pub change: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct NetworkView {
    pub id: NetworkInvitationId,
    pub name: String,
    pub relation: String,
    /// `invited` (code not used yet), `active` or `revoked`.
    pub state: &'static str,
    /// Whether the reader may revoke it.
    pub revocable: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct GoalView {
    #[serde(flatten)]
    pub goal: Goal,
    /// The client's name; `None` for a household goal. (`goal.confidential_reason` reaches the
    /// portal only for the goal's own client.)
    pub client_name: Option<String>,
    pub actions: Vec<ActionView>,
    /// `None`: the reader may not see the scores.
    pub scores: Option<Vec<Score>>,
    pub comments: Vec<Comment>,
    pub proposals: Vec<Proposal>,
    pub network: Vec<NetworkView>,
    pub may: GoalPermissions,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanView {
    pub case_id: CaseId,
    pub version: i64,
    pub household: Vec<PersonView>,
    pub goals: Vec<GoalView>,
    /// `None` where the reader may not see them.
    pub evaluations: Option<Vec<Evaluation>>,
    pub appointments: Option<Vec<Appointment>>,
    pub agreements: Vec<Agreement>,
    pub next_evaluation_on: Option<Date>,
    /// Whether the reader may record agreement to the current version.
    pub may_agree: bool,
    /// For a family member: whether they agreed to the current version.
    pub agreed_to_current: bool,
    /// The reader's own person record, in the portal.
    pub me: Option<PersonId>,
}

fn name_of(ctx: &Context, p: PersonId) -> Option<String> {
    ctx.person(p).map(|m| format!("{} {}", m.given_name, m.family_name))
}

fn build_view(ctx: &Context, plan: Plan, next_evaluation_on: Option<Date>) -> PlanView {
    let reader = ctx.actor.user_id;
    let mut goals = Vec::new();
    for goal in &plan.goals {
        if !ctx.allows(PlanAction::ReadGoal, Some(goal)) {
            continue;
        }
        let may = GoalPermissions {
            comment: ctx.allows(PlanAction::CommentOnGoal, Some(goal)),
            propose: ctx.allows(PlanAction::ProposeGoalChange, Some(goal)),
            share: ctx.allows(PlanAction::ShareGoal, Some(goal)),
            invite_network: ctx.allows(PlanAction::InviteNetwork, Some(goal)),
            change: ctx.allows(PlanAction::ChangeGoal, Some(goal)),
        };
        let invitation_name =
            |id: NetworkInvitationId| plan.invitations.iter().find(|i| i.id == id).map(|i| i.name.clone());
        let actions = plan
            .actions
            .iter()
            .filter(|a| a.goal_id == goal.id)
            .map(|a| ActionView {
                performer_label: match a.performer {
                    Performer::FamilyMember => a.performer_person_id.and_then(|p| name_of(ctx, p)),
                    Performer::NetworkMember => a.performer_invitation_id.and_then(invitation_name),
                    Performer::Partner => a.performer_name.clone(),
                    Performer::FamilyWorker => None,
                },
                mine: ctx.allows(PlanAction::CompleteOwnAction, Some(goal)) && is_own_action(ctx, a),
                action: a.clone(),
            })
            .collect();
        let network = if may.invite_network || ctx.is_staff() {
            plan.invitations
                .iter()
                .filter(|i| i.goal_id == goal.id)
                .map(|i| NetworkView {
                    id: i.id,
                    name: i.name.clone(),
                    relation: i.relation.clone(),
                    state: if i.revoked_at.is_some() {
                        "revoked"
                    } else if i.user_id.is_some() {
                        "active"
                    } else {
                        "invited"
                    },
                    revocable: i.revoked_at.is_none()
                        && plan_policy::decide(
                            ctx.viewer(Some(goal)),
                            PlanAction::RevokeNetworkInvitation,
                            Target::Invitation { by_viewer: i.invited_by == reader },
                        ) == Decision::Allow,
                })
                .collect()
        } else {
            Vec::new()
        };
        let mut goal_out = goal.clone();
        if !ctx.is_staff() && ctx.viewer(Some(goal)) != Viewer::Member(Member::OwnGoal) {
            goal_out.confidential_reason = None;
        }
        goals.push(GoalView {
            client_name: goal.client_id.and_then(|p| name_of(ctx, p)),
            actions,
            scores: ctx
                .allows(PlanAction::ReadScores, Some(goal))
                .then(|| plan.scores.iter().filter(|s| s.goal_id == goal.id).cloned().collect()),
            comments: plan.comments.iter().filter(|c| c.goal_id == goal.id).cloned().collect(),
            proposals: plan
                .proposals
                .iter()
                .filter(|p| p.goal_id == goal.id && (ctx.is_staff() || p.author.user_id == reader))
                .cloned()
                .collect(),
            network,
            may,
            goal: goal_out,
        });
    }
    let me = match &ctx.standing {
        Standing::Member { person, .. } => Some(*person),
        _ => None,
    };
    let household = if matches!(ctx.standing, Standing::Network { .. }) {
        Vec::new()
    } else {
        ctx.members
            .iter()
            .map(|m| PersonView {
                id: m.id,
                given_name: m.given_name.clone(),
                family_name: m.family_name.clone(),
                role: m.role,
                client: ctx.case.clients.iter().any(|c| c.person_id == m.id),
            })
            .collect()
    };
    PlanView {
        case_id: ctx.case.id,
        version: plan.version,
        household,
        goals,
        evaluations: ctx.allows(PlanAction::ReadEvaluations, None).then_some(plan.evaluations),
        appointments: ctx.allows(PlanAction::ReadAppointments, None).then_some(plan.appointments),
        agreed_to_current: me
            .is_some_and(|p| plan.agreements.iter().any(|a| a.person_id == p && a.version == plan.version)),
        agreements: if ctx.allows(PlanAction::ReadHistory, None) { plan.agreements } else { Vec::new() },
        next_evaluation_on,
        may_agree: ctx.allows(PlanAction::AgreeToPlan, None),
        me,
    }
}

async fn read_plan(tx: &mut Tx, ctx: &Context, now: Timestamp) -> Result<PlanView> {
    let plan = store::load(tx, ctx.case.id).await?;
    let next = store::next_evaluation(tx, ctx.case.id).await?;
    let view = build_view(ctx, plan, next);
    let mut entry = ctx.entry(now, AuditAction::PlanRead, None);
    entry.detail = serde_json::json!({ "goals": view.goals.iter().map(|g| g.goal.id.0).collect::<Vec<_>>() });
    audit::append(tx, &entry).await?;
    Ok(view)
}

/// The plan of a case for staff of its team (everything but the working notes).
pub async fn staff_plan(app: &App, actor: &Actor, case: CaseId) -> Result<PlanView> {
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            if !ctx.is_staff() {
                return Err(AppError::NotFound("case"));
            }
            // On the case as a whole this asks only "staff of the case's team".
            ctx.require(PlanAction::ReadGoal, None)?;
            read_plan(tx, &ctx, now).await
        })
    })
    .await
}

/// The case a portal account works in: the latest case a household member was invited to,
/// or the case of a network member's latest live invitation.
/// Either refusal is logged.
async fn portal_case(app: &App, actor: &Actor) -> Result<CaseId> {
    let mut tx = app.db.begin_read().await?;
    let case = match actor.role {
        Role::FamilyMember => store::latest_invited_case(&mut tx, actor.user_id).await?,
        Role::NetworkMember => {
            let live = store::invitations_of_user(&mut tx, actor.user_id).await?;
            match live.iter().rev().find(|i| i.live()) {
                Some(i) => store::goal(&mut tx, i.goal_id).await?.map(|g| g.case_id),
                None => None,
            }
        }
        _ => None,
    };
    drop(tx);
    let refusal = match case {
        Some(case) => return Ok(case),
        None if actor.role.is_staff() => AppError::Forbidden("Mijn Buurtteam is for families and their network".into()),
        None => AppError::NotFound("plan"),
    };
    let attempt = Attempt::new(Refused::Plan, "portal").with("reason", refusal.to_string());
    Err(refusals::refuse(app, Some(actor), attempt, refusal).await)
}

/// The plan as the logged-in family or network member may see it.
pub async fn portal_plan(app: &App, actor: &Actor) -> Result<PlanView> {
    let case = portal_case(app, actor).await?;
    run(app, actor, At::Case(case), move |tx, ctx, now| Box::pin(async move { read_plan(tx, &ctx, now).await })).await
}

/// Agreement from the portal, for oneself.
pub async fn portal_agree(app: &App, actor: &Actor) -> Result<Agreement> {
    let case = portal_case(app, actor).await?;
    agree(app, actor, case, &AgreementInput::default()).await
}

// ---------------------------------------------------------------------------------------
// Invitations.

/// A one-time code: 12 characters from an alphabet without look-alikes (about 60 bits),
/// shown as three groups of four.
fn new_code() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 12];
    crate::auth::random_bytes(&mut bytes);
    let chars: Vec<char> = bytes.iter().map(|b| ALPHABET[(*b as usize) % ALPHABET.len()] as char).collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// The code as typed: upper case, without spaces or dashes; stored only as its hash.
pub(crate) fn code_hash(code: &str) -> String {
    let normal: String = code.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect();
    crate::auth::token_hash(&normal)
}

/// Invites a household member of 12 or older into Mijn Buurtteam; returns the one-time code.
pub async fn invite_to_portal(app: &App, actor: &Actor, case: CaseId, input: &PortalInvitationInput) -> Result<String> {
    let person = input.person_id.map(PersonId);
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            ctx.require(PlanAction::InviteToPortal, None)?;
            ctx.open()?;
            let mut errors = Errors::default();
            match person.and_then(|p| ctx.person(p)) {
                None if person.is_none() => {
                    errors.add("person_id", "name the household member to invite").code("required");
                }
                None => {
                    errors.add("person_id", "is not in this household").code("not_household_member");
                }
                Some(p) if !AgeBand::of(p.birth_date, ctx.today).may_have_account() => {
                    errors
                        .add("person_id", "children under 12 get no account of their own; their parents read along")
                        .code("too_young_for_portal");
                }
                Some(_) => {}
            }
            errors.finish()?;
            let person = person.unwrap_or(PersonId(0));
            let code = new_code();
            let expires = now.checked_add(CODE_VALID_FOR).unwrap_or(now);
            let id = store::insert_portal_invitation(
                tx,
                ctx.case.id,
                person,
                &code_hash(&code),
                ctx.actor.user_id,
                expires,
                now,
            )
            .await?;
            let mut entry = ctx.entry(now, AuditAction::PortalInvited, None);
            entry.object_type = "portal_invitation";
            entry.object_id = Some(id);
            entry.client_id = Some(person);
            audit::append(tx, &entry).await?;
            Ok(code)
        })
    })
    .await
}

/// Invites a network member onto one goal; returns the invitation's id and one-time code.
pub async fn invite_network(
    app: &App,
    actor: &Actor,
    goal: GoalId,
    input: &NetworkInvitationInput,
) -> Result<(NetworkInvitationId, String)> {
    let mut errors = Errors::default();
    let name = input::text(&mut errors, "name", input.name.as_deref(), 100);
    let relation = input::text(&mut errors, "relation", input.relation.as_deref(), 100);
    let email = input::text(&mut errors, "email", input.email.as_deref(), 254).map(|e| e.to_lowercase());
    if email.as_deref().is_some_and(|e| !crate::organisation::valid_email(e)) {
        errors.add("email", "is not an e-mail address (name@example.nl)").code("invalid_email");
    }
    errors.finish()?;
    let (name, relation, email) = (name.unwrap_or_default(), relation.unwrap_or_default(), email.unwrap_or_default());
    run(app, actor, At::Goal(goal), move |tx, ctx, now| {
        Box::pin(async move {
            let g = goal_in(tx, &ctx, goal).await?;
            ctx.require(PlanAction::InviteNetwork, Some(&g))?;
            ctx.open()?;
            let code = new_code();
            let hash = code_hash(&code);
            let new = store::NewInvitation {
                goal_id: goal,
                name: &name,
                relation: &relation,
                email: &email,
                code_hash: &hash,
                invited_by: ctx.actor.user_id,
                expires_at: now.checked_add(CODE_VALID_FOR).unwrap_or(now),
            };
            let id = store::insert_network_invitation(tx, &new, now).await?;
            changed(
                tx,
                &ctx,
                now,
                AuditAction::NetworkInvited,
                Some(&g),
                None,
                Some(serde_json::json!({ "invitation_id": id.0, "name": name, "relation": relation })),
            )
            .await?;
            Ok((id, code))
        })
    })
    .await
}

/// Revokes a network invitation: the inviter or staff of the team. It takes effect at once:
/// the next request of that network member no longer sees the goal.
pub async fn revoke_network(app: &App, actor: &Actor, id: NetworkInvitationId) -> Result<()> {
    run(app, actor, At::Invitation(id), move |tx, ctx, now| {
        Box::pin(async move {
            let inv = store::network_invitation(tx, id).await?.ok_or(AppError::NotFound("invitation"))?;
            let goal = goal_in(tx, &ctx, inv.goal_id).await?;
            if !ctx.allows(PlanAction::ReadGoal, Some(&goal)) {
                return Err(AppError::NotFound("invitation"));
            }
            let by_viewer = inv.invited_by == ctx.actor.user_id;
            match plan_policy::decide(
                ctx.viewer(Some(&goal)),
                PlanAction::RevokeNetworkInvitation,
                Target::Invitation { by_viewer },
            ) {
                Decision::Allow => {}
                Decision::Deny => {
                    return Err(AppError::Forbidden(
                        "only the one who invited, or the family worker, may revoke this".into(),
                    ));
                }
                Decision::Hidden => return Err(AppError::NotFound("invitation")),
            }
            if !store::revoke_network_invitation(tx, id, ctx.actor.user_id, now).await? {
                return Ok(());
            }
            changed(
                tx,
                &ctx,
                now,
                AuditAction::NetworkRevoked,
                Some(&goal),
                None,
                Some(serde_json::json!({ "invitation_id": id.0 })),
            )
            .await?;
            Ok(())
        })
    })
    .await
}

// ---------------------------------------------------------------------------------------
// The access log.

#[derive(Debug, Clone, Serialize)]
pub struct AccessView {
    pub occurred_at: Timestamp,
    /// For team managers only: which account.
    pub actor_user_id: Option<UserId>,
    pub actor_name: Option<String>,
    pub actor_role: Option<String>,
    /// What happened, as a stable code (`plan.read`, `goal.changed` ...): as stored, or in
    /// the portal as the family sees it (`AuditAction::portal_code`).
    pub action: String,
    /// The stored action, for the pages; `None` for a code this version does not know.
    #[serde(skip)]
    pub kind: Option<AuditAction>,
    pub goal_id: Option<GoalId>,
    pub goal_title: Option<String>,
    pub client_id: Option<PersonId>,
    pub acting_for: Option<PersonId>,
    /// For team managers only: the session it came from.
    pub session_ref: Option<String>,
}

fn access_view(row: buurtteam_store::audit::AccessRow, plan: &Plan, with_session: bool) -> AccessView {
    AccessView {
        kind: row.kind(),
        occurred_at: row.occurred_at,
        actor_user_id: row.actor_user_id.filter(|_| with_session),
        actor_name: row.actor_name,
        actor_role: row.actor_role,
        action: row.action,
        goal_title: row.goal_id.and_then(|g| plan.goals.iter().find(|x| x.id == g).map(|x| x.title.clone())),
        goal_id: row.goal_id,
        client_id: row.client_id,
        acting_for: row.acting_for,
        session_ref: row.session_ref.filter(|_| with_session),
    }
}

/// The most rows an access-log read returns.
pub const ACCESS_LOG_LIMIT: i64 = 500;

/// The access log of a case, newest first: team managers of its team.
pub async fn case_access_log(app: &App, actor: &Actor, case: CaseId) -> Result<Vec<AccessView>> {
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            ctx.require(PlanAction::ReadCaseAccessLog, None)?;
            let plan = store::load(tx, ctx.case.id).await?;
            let rows = audit::access_log(tx, ctx.case.id, ACCESS_LOG_LIMIT).await?;
            audit::append(tx, &ctx.entry(now, AuditAction::AccessLogRead, None)).await?;
            Ok(rows.into_iter().map(|r| access_view(r, &plan, true)).collect())
        })
    })
    .await
}

/// Who looked at the family member's file, newest first: rows about the case as a whole or
/// about them, never about goals they may not see, and not their own.
pub async fn portal_access_log(app: &App, actor: &Actor) -> Result<Vec<AccessView>> {
    let case = portal_case(app, actor).await?;
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            ctx.require(PlanAction::ReadOwnAccessLog, None)?;
            let me = match &ctx.standing {
                Standing::Member { person, .. } => *person,
                _ => return Err(AppError::Forbidden("only family members read the access log".into())),
            };
            let plan = store::load(tx, ctx.case.id).await?;
            let rows = audit::access_log(tx, ctx.case.id, ACCESS_LOG_LIMIT).await?;
            // Rows about a goal follow that goal's rule; other rows must be about the case as
            // a whole or about the reader. Which actions show, and as what, is the domain's.
            let visible = |r: &buurtteam_store::audit::AccessRow| {
                let about = match r.goal_id {
                    Some(g) => {
                        plan.goals.iter().find(|x| x.id == g).is_some_and(|x| ctx.allows(PlanAction::ReadGoal, Some(x)))
                    }
                    None => r.client_id.is_none() || r.client_id == Some(me),
                };
                about && r.actor_user_id != Some(ctx.actor.user_id) && audit_action::portal_code(&r.action).is_some()
            };
            let out = rows
                .into_iter()
                .filter(visible)
                .map(|r| {
                    let mut v = access_view(r, &plan, false);
                    v.action = audit_action::portal_code(&v.action).unwrap_or_default().to_owned();
                    v
                })
                .collect();
            audit::append(tx, &ctx.entry(now, AuditAction::AccessLogRead, None)).await?;
            Ok(out)
        })
    })
    .await
}
