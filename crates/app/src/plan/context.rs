//! The context a plan use case runs in: who the actor is to the case (staff of its team, a
//! household member, a network member, or nobody), read in the write transaction that acts,
//! and [`run`], which resolves what the request names, decides, acts and logs, or logs the
//! refusal.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::codes::{HouseholdRole, Role};
use buurtteam_domain::ids::{CaseId, GoalId, TeamId};
use buurtteam_domain::policy::plan::{
    self as plan_policy, AgeBand, GoalFacts, Member, Owner, PlanAction, Target, Viewer,
};
use buurtteam_domain::policy::{Actor, Decision};
use buurtteam_store::Tx;
use buurtteam_store::audit::{self, Refused};
use buurtteam_store::plan::{self as store, Goal};
use jiff::Timestamp;

use crate::context::CaseContext;
use crate::refusals::{self, Attempt};
use crate::{App, AppError, Result, audit_entry};

pub(super) use crate::context::Standing;

/// What a decision on a case's plan needs: the case context (the case, its household members,
/// the actor's standing), read in the transaction that acts on it, asked through the plan
/// policy.
pub(super) struct Context(CaseContext);

impl std::ops::Deref for Context {
    type Target = CaseContext;

    fn deref(&self) -> &CaseContext {
        &self.0
    }
}

impl Context {
    /// The context of a reader other than the actor (staff producing a member's inzage).
    pub(super) fn of(ctx: CaseContext) -> Self {
        Self(ctx)
    }

    pub(super) fn facts(&self, goal: &Goal) -> GoalFacts {
        let owner = match goal.client_id {
            None => Owner::Household,
            // A goal about a household member stays with the team until they are a client.
            Some(c) => match self.person(c) {
                Some(p) if self.case.clients.iter().any(|x| x.person_id == c) => {
                    Owner::Client(AgeBand::of(p.birth_date, self.today))
                }
                _ => Owner::NonClientMember,
            },
        };
        GoalFacts { owner, confidential: goal.confidential, shared: goal.shared }
    }

    pub(super) fn viewer(&self, goal: Option<&Goal>) -> Viewer {
        match &self.standing {
            Standing::Staff(role, rel) => Viewer::Staff(*role, *rel),
            Standing::Member { person, client, authority } => {
                let owner = goal.and_then(|g| g.client_id);
                let member = if owner == Some(*person) {
                    Member::OwnGoal
                } else if *authority
                    && owner.and_then(|o| self.person(o)).is_some_and(|p| p.role == HouseholdRole::Child)
                {
                    Member::ParentWithAuthority
                } else if goal.is_none() && *authority {
                    // Case-wide: a parent with authority counts as family.
                    Member::ParentWithAuthority
                } else if *client || *authority {
                    // A parent with authority counts as family even when not a client.
                    Member::OtherClient
                } else {
                    Member::NonClient
                };
                Viewer::Member(member)
            }
            Standing::Network { live } => {
                Viewer::Network { invited: goal.is_some_and(|g| live.iter().any(|i| i.goal_id == g.id)) }
            }
            Standing::Outsider => Viewer::Network { invited: false },
        }
    }

    pub(super) fn decide(&self, action: PlanAction, goal: Option<&Goal>) -> Decision {
        let target = goal.map_or(Target::Case, |g| Target::Goal(self.facts(g)));
        // A portal account without standing in this case gets nothing, not even a 403.
        if matches!(self.standing, Standing::Outsider) {
            return Decision::Hidden;
        }
        plan_policy::decide(self.viewer(goal), action, target)
    }

    pub(super) fn allows(&self, action: PlanAction, goal: Option<&Goal>) -> bool {
        self.decide(action, goal) == Decision::Allow
    }

    pub(super) fn require(&self, action: PlanAction, goal: Option<&Goal>) -> Result<()> {
        match self.decide(action, goal) {
            Decision::Allow => Ok(()),
            Decision::Deny => Err(AppError::Forbidden(format!("you may not {} here", action.code().replace('_', " ")))),
            Decision::Hidden => Err(AppError::NotFound(if goal.is_some() { "goal" } else { "case" })),
        }
    }

    pub(super) fn entry(&self, now: Timestamp, action: AuditAction, goal: Option<&Goal>) -> audit::Entry {
        let mut e = audit_entry(Some(&self.actor), now, action, if goal.is_some() { "goal" } else { "plan" });
        e.case_id = Some(self.case.id);
        e.household_id = Some(self.case.household_id);
        if let Some(g) = goal {
            e.object_id = Some(g.id.0);
            e.goal_id = Some(g.id);
            e.client_id = g.client_id;
        }
        e
    }

    /// A closed case's plan is kept as it was; only scores at closure (and working notes) are
    /// still added. A voided referral's plan does not change at all (decision 0020).
    pub(super) fn open(&self) -> Result<()> {
        if self.case.voided.is_some() {
            return Err(AppError::Conflict {
                message: "the referral was voided as registered by mistake".into(),
                current_status: Some(self.case.status),
            });
        }
        if self.case.status == buurtteam_domain::case::CaseStatus::Closed {
            return Err(AppError::Conflict {
                message: "the case is closed; its plan can no longer change".into(),
                current_status: Some(self.case.status),
            });
        }
        Ok(())
    }

    pub(super) fn is_staff(&self) -> bool {
        matches!(self.standing, Standing::Staff(..))
    }
}

/// What a plan request names (a case, goal, action, proposal or invitation): resolved to its
/// case inside the transaction that acts on it, so that an id that does not exist and one the
/// actor may not see take the same path.
pub(super) type At = store::Named;

/// Whether the actor may have anything at all in the case `found` (its id and team), decided
/// from ids alone before anything of the case is read: staff of its team, a household member
/// invited into it, a network member invited onto one of its goals. A record that does not
/// exist goes through the same query as one that does, so a miss and a refusal cost the same.
async fn may_enter(tx: &mut Tx, actor: &Actor, found: Option<(CaseId, TeamId)>, now: Timestamp) -> Result<bool> {
    let (case, team) = found.unwrap_or((CaseId(0), TeamId(0)));
    let standing = match actor.role {
        Role::FamilyMember => store::invited_to_case(tx, actor.user_id, case).await?,
        Role::NetworkMember => store::network_invited_to_case(tx, actor.user_id, case).await?,
        role => {
            let (relation, _) = crate::privacy::emergency::relation_to_case(tx, actor, case, team, now).await?;
            let staff = Viewer::Staff(role, relation);
            plan_policy::decide(staff, PlanAction::ReadGoal, Target::Case) != Decision::Hidden
        }
    };
    Ok(found.is_some() && standing)
}

/// Runs `job` in a write transaction with the context of the case `at` names. A refusal, and
/// a name that leads nowhere, roll the job back and are then logged on their own (NEN 7513
/// logs attempts too) as one `case.access_refused` row: the same work and the same 404 for
/// "does not exist" and "not yours to see".
pub(super) async fn run<T, F>(app: &App, actor: &Actor, at: At, job: F) -> Result<T>
where
    T: Send + 'static,
    F: for<'t> FnOnce(&'t mut Tx, Context, Timestamp) -> buurtteam_store::JobFuture<'t, Result<T>> + Send + 'static,
{
    let (owned_app, owned) = (app.clone(), actor.clone());
    let outcome = app
        .db
        .write(move |tx| {
            Box::pin(async move {
                let found = store::case_of(tx, at).await?;
                if !may_enter(tx, &owned, found, owned_app.now()).await? {
                    return Err(AppError::NotFound("plan"));
                }
                let case = found.map_or(CaseId(0), |(case, _)| case);
                let ctx = CaseContext::load(tx, &owned_app, &owned, case).await?;
                let now = ctx.now;
                // Under an emergency grant only reads are allowed (the plan policy refuses the
                // rest, which rolls this flag back with the job).
                if let Some(grant) = ctx.emergency {
                    let entry = ctx.entry(AuditAction::CaseEmergencyRead);
                    crate::privacy::emergency::flag_read(tx, grant, entry, "plan").await?;
                }
                job(tx, Context(ctx), now).await
            })
        })
        .await;
    match outcome {
        Err(refusal @ (AppError::Forbidden(_) | AppError::NotFound(_))) => {
            Err(refused(app, Some(actor), at, refusal).await)
        }
        other => other,
    }
}

/// Logs a refused plan request and returns the refusal (every 404 of the plan is the same).
pub(super) async fn refused(app: &App, actor: Option<&Actor>, at: At, refusal: AppError) -> AppError {
    let (kind, id) = at.object();
    let found = async {
        let mut tx = app.db.begin_read().await?;
        store::case_of(&mut tx, at).await
    };
    let case = match found.await {
        Ok(found) => found.map(|(case, _)| case),
        Err(e) => return e.into(),
    };
    let mut attempt =
        Attempt::new(Refused::Case, kind).on(id).with("exists", case.is_some()).with("reason", refusal.to_string());
    // In the case's own log for its team managers; the portal never shows these rows.
    attempt.case_id = case;
    let refusal = match refusal {
        AppError::NotFound(_) => AppError::NotFound("plan"),
        other => other,
    };
    refusals::refuse(app, actor, attempt, refusal).await
}

/// A goal of the context's case (404 otherwise).
pub(super) async fn goal_in(tx: &mut Tx, ctx: &Context, id: GoalId) -> Result<Goal> {
    store::goal(tx, id).await?.filter(|g| g.case_id == ctx.case.id).ok_or(AppError::NotFound("goal"))
}
