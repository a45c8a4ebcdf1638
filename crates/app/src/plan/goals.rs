//! Goals of the plan and their self-sufficiency scores.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::codes::{GoalStatus, LifeDomain};
use buurtteam_domain::ids::{CaseId, GoalId, PersonId};
use buurtteam_domain::policy::Actor;
use buurtteam_domain::policy::plan::PlanAction;
use buurtteam_domain::validation::Errors;
use buurtteam_store::plan::{self as store, Goal, GoalFields, Score};

use crate::{App, Result, input};

use super::context::{At, Context, goal_in, run};
use super::inputs::{ClientInput, GoalInput, GoalPatch, ScoreInput};
use super::{MAX_TEXT, MAX_TITLE, changed, json, score_value};

/// Whom a goal is for: any member of the household, a client of the case or not (a goal about
/// a member who is not a client stays with the team until the worker makes them one).
pub(super) fn check_client(errors: &mut Errors, ctx: &Context, client: Option<i64>) -> Option<PersonId> {
    let id = PersonId(client?);
    if ctx.person(id).is_some() {
        Some(id)
    } else {
        errors
            .add("client_id", format!("person {} is not a member of this household", id.0))
            .code("not_household_member");
        None
    }
}

pub(super) fn check_confidential(errors: &mut Errors, confidential: bool, reason: Option<&str>) -> Option<String> {
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

/// Makes a household member a client of the case, from the plan ("Ook cliënt maken"): their
/// goals then follow the portal's age rules instead of staying with the team. Staff of the
/// team only; logged for the person as `case.client_added`. Making a client of someone who
/// is one already changes nothing.
pub async fn make_client(app: &App, actor: &Actor, case: CaseId, input: &ClientInput) -> Result<()> {
    let person = input.person_id;
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            ctx.require(PlanAction::AddGoal, None)?;
            ctx.open()?;
            let Some(id) = person.map(PersonId) else {
                return Err(super::invalid("person_id", "name the household member", "required"));
            };
            if ctx.person(id).is_none() {
                return Err(super::invalid("person_id", "is not in this household", "not_household_member"));
            }
            if buurtteam_store::cases::add_client(tx, ctx.case.id, id).await? {
                let mut entry = ctx.entry(now, AuditAction::CaseClientAdded, None);
                entry.object_type = "case";
                entry.object_id = Some(ctx.case.id.0);
                entry.client_id = Some(id);
                buurtteam_store::audit::append(tx, &entry).await?;
            }
            Ok(())
        })
    })
    .await
}
