//! Comments on a goal and proposals for new words from the portal.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::codes::ProposalStatus;
use buurtteam_domain::ids::{GoalId, ProposalId};
use buurtteam_domain::policy::Actor;
use buurtteam_domain::policy::plan::PlanAction;
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit::{self};
use buurtteam_store::plan::{self as store, Goal};

use crate::{App, AppError, Result, input};

use super::context::{At, goal_in, run};
use super::inputs::{ProposalDecision, ProposalInput, TextInput};
use super::{MAX_TEXT, MAX_TITLE, changed, invalid, json};

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
