//! The access log of a case, for team managers and for the family members themselves.

use buurtteam_domain::audit::{self as audit_action, AuditAction};
use buurtteam_domain::ids::{CaseId, GoalId, PersonId, UserId};
use buurtteam_domain::policy::Actor;
use buurtteam_domain::policy::plan::PlanAction;
use buurtteam_store::audit::{self};
use buurtteam_store::plan::{self as store, Plan};
use jiff::Timestamp;

use crate::{App, AppError, Result};

use super::context::{At, Standing, run};
use super::views::portal_case;

#[derive(Debug, Clone)]
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
