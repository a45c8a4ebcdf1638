//! Actions under a goal.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::codes::Performer;
use buurtteam_domain::ids::{GoalActionId, GoalId, NetworkInvitationId, PersonId};
use buurtteam_domain::policy::Actor;
use buurtteam_domain::policy::plan::PlanAction;
use buurtteam_domain::validation::Errors;
use buurtteam_store::plan::{self as store, GoalAction};

use crate::{App, AppError, Result, input};

use super::context::{At, Context, Standing, goal_in, run};
use super::inputs::{ActionInput, ActionPatch};
use super::{MAX_TITLE, changed, invalid, json};

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
            let mut listed = None;
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
                Some(Performer::Partner) if input.performer_partner_id.is_some() => {
                    let named = input.performer_partner_id;
                    let field = "performer_partner_id";
                    listed = crate::partners::for_case(tx, &mut errors, field, named, ctx.case.id).await?;
                }
                Some(Performer::Partner) if partner.is_none() => {
                    errors
                        .add("performer_partner_id", "choose the partner organisation (or name one in performer_name)")
                        .code("required");
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
                performer_name: match &listed {
                    Some(p) => Some(p.name.as_str()),
                    None => partner.as_deref().filter(|_| performer == Some(Performer::Partner)),
                },
                performer_partner_id: listed.as_ref().map(|p| p.id),
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
pub(super) fn is_own_action(ctx: &Context, action: &GoalAction) -> bool {
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
