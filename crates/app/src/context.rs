//! The one way a use case acts on a case: [`on_case`] opens a write transaction (through the
//! writer on SQLite), decides on the case's team alone whether the actor may take the action at
//! all, loads what the rest of the job needs once (the case, its household members, the
//! actor's standing, now and today) into a [`CaseContext`], and hands it to the job, which
//! checks the domain rules, acts, and appends its audit row ([`CaseContext::entry`]) in the
//! same transaction. The decision comes before anything of the case is read, so a case that
//! does not exist and one the actor may not see cost the same. Reads run there too, so a read and its
//! log row commit together.
//!
//! A refusal rolls the job back and is then logged once, on its own, through
//! [`crate::refusals`]: the same work and the same 404 for "does not exist" and "not yours to
//! see" (decision 0011). The family plan runs on the same context (`plan::context::run`),
//! with its own resolution of what a plan request names and its own policy.
//!
//! ```ignore
//! pub async fn start_support(app: &App, actor: &Actor, id: CaseId, input: &StartInput) -> Result<CaseView> {
//!     let started_on = /* validate the input first: nothing is opened for a bad request */;
//!     on_case(app, actor, id, Action::StartSupport, move |tx, ctx, now| Box::pin(async move {
//!         ctx.step(Step::StartSupport, started_on)?;
//!         store::set_started(tx, ctx.case.id, ctx.case.status, started_on, now).await.map_err(concurrent)?;
//!         let mut entry = ctx.entry(AuditAction::CaseSupportStarted);
//!         entry.detail = serde_json::json!({ "started_on": started_on.to_string() });
//!         audit::append(tx, &entry).await?;
//!         ctx.view(tx).await
//!     })).await
//! }
//! ```

use std::sync::{Arc, Mutex};

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::calendar::WorkingDayCalendar;
use buurtteam_domain::codes::{HouseholdRole, Role};
use buurtteam_domain::ids::{CaseId, HouseholdId, TeamId};
use buurtteam_domain::policy::{self, Action, Actor, Decision, Relation};
use buurtteam_store::audit::{self, Refused};
use buurtteam_store::cases::{self as case_store, Case};
use buurtteam_store::households::{self, Household, Person};
use buurtteam_store::organisation::{self, Team};
use buurtteam_store::plan::{self as plan_store, NetworkInvitation};
use buurtteam_store::{JobFuture, Tx};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::privacy::emergency::{self, ActiveGrant};
use crate::refusals::{self, Attempt};
use crate::{App, AppError, Result, audit_entry};

/// The actor's standing towards one case.
#[derive(Debug, Clone)]
pub(crate) enum Standing {
    /// Staff, with their relation to the case's team.
    Staff(Role, Relation),
    /// A household member invited into the case (Mijn Buurtteam).
    Member { person: buurtteam_domain::ids::PersonId, client: bool, authority: bool },
    /// A network member, with their live invitations.
    Network { live: Vec<NetworkInvitation> },
    /// A portal account with nothing in this case.
    Outsider,
}

/// Where a refusal decided inside the transaction waits to be logged once it has rolled back.
#[derive(Debug, Clone, Default)]
pub(crate) struct RefusalSlot(Arc<Mutex<Option<Attempt>>>);

impl RefusalSlot {
    pub(crate) fn put(&self, attempt: Attempt) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = Some(attempt);
        }
    }

    fn take(&self) -> Option<Attempt> {
        self.0.lock().ok().and_then(|mut slot| slot.take())
    }

    /// The outcome of a runner's transaction: a refusal put here is logged now that the
    /// transaction has rolled back (and the writer is free), then answered.
    async fn settle<T>(&self, app: &App, actor: &Actor, outcome: Result<T>) -> Result<T> {
        match outcome {
            Err(refusal @ (AppError::Forbidden(_) | AppError::NotFound(_))) => match self.take() {
                Some(attempt) => Err(refusals::refuse(app, Some(actor), attempt, refusal).await),
                None => Err(refusal),
            },
            other => other,
        }
    }
}

/// What a use case on one case needs, read once in the transaction that acts on it.
pub(crate) struct CaseContext {
    pub(crate) app: App,
    pub(crate) actor: Actor,
    pub(crate) case: Case,
    /// The members of the case's household.
    pub(crate) members: Vec<Person>,
    pub(crate) standing: Standing,
    /// The active emergency grant the actor reads this case under (decision 0023), if any.
    pub(crate) emergency: Option<ActiveGrant>,
    pub(crate) today: Date,
    pub(crate) now: Timestamp,
}

impl CaseContext {
    /// Reads the case `case_id` with its household members and the actor's standing.
    pub(crate) async fn load(tx: &mut Tx, app: &App, actor: &Actor, case_id: CaseId) -> Result<Self> {
        let case = case_store::get(tx, case_id).await?.ok_or(AppError::NotFound("case"))?;
        let members = households::members(tx, case.household_id).await?;
        let mut emergency = None;
        let standing = match actor.role {
            Role::FamilyMember => match actor.person_id {
                Some(person)
                    if members.iter().any(|m| m.id == person)
                        && plan_store::invited_to_case(tx, actor.user_id, case_id).await? =>
                {
                    let me = members.iter().find(|m| m.id == person);
                    Standing::Member {
                        person,
                        client: case.clients.iter().any(|c| c.person_id == person),
                        authority: me.is_some_and(|m| m.role == HouseholdRole::Parent && m.parental_authority),
                    }
                }
                _ => Standing::Outsider,
            },
            Role::NetworkMember => {
                let live: Vec<NetworkInvitation> = plan_store::invitations_of_user(tx, actor.user_id)
                    .await?
                    .into_iter()
                    .filter(|i| i.live())
                    .collect();
                Standing::Network { live }
            }
            role => {
                let (relation, grant) =
                    emergency::relation_to_case(tx, actor, case_id, case.team_id, app.now()).await?;
                emergency = grant;
                Standing::Staff(role, relation)
            }
        };
        Ok(Self {
            app: app.clone(),
            actor: actor.clone(),
            case,
            members,
            standing,
            emergency,
            today: app.today(),
            now: app.now(),
        })
    }

    /// A member of the case's household.
    pub(crate) fn person(&self, id: buurtteam_domain::ids::PersonId) -> Option<&Person> {
        self.members.iter().find(|m| m.id == id)
    }

    /// The audit row of `action` on this case, by the actor, now.
    pub(crate) fn entry(&self, action: AuditAction) -> audit::Entry {
        let mut entry = audit_entry(Some(&self.actor), self.now, action, "case");
        entry.object_id = Some(self.case.id.0);
        entry.case_id = Some(self.case.id);
        entry.household_id = Some(self.case.household_id);
        entry
    }

    /// The working-day calendar, read in the job's transaction.
    pub(crate) async fn calendar(&self, tx: &mut Tx) -> Result<WorkingDayCalendar> {
        self.app.calendar(tx).await
    }
}

/// Runs `job` on the case `id` for `action`, in one write transaction: decided on the case's
/// team alone (one query, whether or not the case exists), then the context is loaded and the
/// job acts. A refusal rolls back and is logged as one `case.access_refused` row. It is a 404
/// where the policy hides the case (docs/access.md: `hidden`; a case that does not exist is
/// hidden from everyone), a 403 where it only denies the action on a case the actor may know
/// (a family worker assigning a case of their own team).
pub(crate) async fn on_case<T, F>(app: &App, actor: &Actor, id: CaseId, action: Action, job: F) -> Result<T>
where
    T: Send + 'static,
    F: for<'t> FnOnce(&'t mut Tx, CaseContext, Timestamp) -> JobFuture<'t, Result<T>> + Send + 'static,
{
    let slot = RefusalSlot::default();
    let (owned_app, owned_actor, inner) = (app.clone(), actor.clone(), slot.clone());
    let outcome = app
        .db
        .write(move |tx| {
            Box::pin(async move {
                let (app, actor) = (&owned_app, &owned_actor);
                let mut attempt = Attempt::new(Refused::Case, "case").on(id.0).with("attempted", action.code());
                let found = case_store::team_and_household(tx, id).await?;
                // The grant query runs for a case that does not exist too (as team 0): the
                // same work for a miss and a refusal.
                let team = found.map_or(TeamId(0), |(team, _)| team);
                let (relation, _) = emergency::relation_to_case(tx, actor, id, team, app.now()).await?;
                let decision = match found {
                    Some(_) => policy::decide(actor.role, relation, action),
                    None => Decision::Hidden,
                };
                if decision != Decision::Allow {
                    if let Some((_, household)) = found {
                        (attempt.case_id, attempt.household_id) = (Some(id), Some(household));
                    }
                    let exists = attempt.case_id.is_some();
                    inner.put(attempt.with("exists", exists));
                    // Deny: the actor may know the case (it is their team's) but not do this.
                    return Err(match decision {
                        Decision::Deny => {
                            AppError::Forbidden(format!("your role may not {}", action.code().replace('_', " ")))
                        }
                        _ => AppError::NotFound("case"),
                    });
                }
                let ctx = CaseContext::load(tx, app, actor, id).await?;
                // A voided referral is only read (and its log); nothing more happens on it.
                if ctx.case.voided.is_some() && action != Action::ReadCase {
                    return Err(AppError::Conflict {
                        message: "the referral was voided as registered by mistake".into(),
                        current_status: Some(ctx.case.status),
                    });
                }
                // A read under an emergency grant is flagged (only reads get this far on one).
                if let Some(grant) = ctx.emergency {
                    emergency::flag_read(tx, grant, ctx.entry(AuditAction::CaseEmergencyRead), action.code()).await?;
                }
                let now = ctx.now;
                job(tx, ctx, now).await
            })
        })
        .await;
    slot.settle(app, actor, outcome).await
}

/// What a use case on one team needs, read in the transaction that acts on it.
pub(crate) struct TeamContext {
    pub(crate) app: App,
    pub(crate) actor: Actor,
    pub(crate) team: Team,
    pub(crate) today: Date,
    pub(crate) now: Timestamp,
}

impl TeamContext {
    /// An audit row of `action` about this team's cases, by the actor, now.
    pub(crate) fn entry(&self, action: AuditAction) -> audit::Entry {
        audit_entry(Some(&self.actor), self.now, action, "case")
    }

    /// The working-day calendar, read in the job's transaction.
    pub(crate) async fn calendar(&self, tx: &mut Tx) -> Result<WorkingDayCalendar> {
        self.app.calendar(tx).await
    }
}

/// Runs `job` on the team `id` for `action` (`view` names the page in a refusal's row), in one
/// write transaction, as [`on_case`] does on a case: a team that does not exist is refused as
/// another team's, with the same 404 and one `team.access_refused` row after the rollback.
pub(crate) async fn on_team<T, F>(
    app: &App,
    actor: &Actor,
    id: TeamId,
    action: Action,
    view: &'static str,
    job: F,
) -> Result<T>
where
    T: Send + 'static,
    F: for<'t> FnOnce(&'t mut Tx, TeamContext, Timestamp) -> JobFuture<'t, Result<T>> + Send + 'static,
{
    let slot = RefusalSlot::default();
    let (owned_app, owned_actor, inner) = (app.clone(), actor.clone(), slot.clone());
    let outcome = app
        .db
        .write(move |tx| {
            Box::pin(async move {
                let (app, actor) = (&owned_app, &owned_actor);
                let team = organisation::get_team(tx, id).await?;
                let relation = if team.is_some() { policy::relation_to_team(actor, id) } else { Relation::OtherTeam };
                let refusal = match policy::decide(actor.role, relation, action) {
                    Decision::Allow => None,
                    Decision::Deny => {
                        Some(AppError::Forbidden(format!("your role may not {}", action.code().replace('_', " "))))
                    }
                    Decision::Hidden => Some(AppError::NotFound("team")),
                };
                let team = match (team, refusal) {
                    (Some(team), None) => team,
                    (team, refusal) => {
                        inner.put(
                            Attempt::new(Refused::Team, "team")
                                .on(id.0)
                                .with("view", view)
                                .with("exists", team.is_some())
                                .with("attempted", action.code()),
                        );
                        return Err(refusal.unwrap_or(AppError::NotFound("team")));
                    }
                };
                let ctx =
                    TeamContext { app: app.clone(), actor: actor.clone(), team, today: app.today(), now: app.now() };
                let now = ctx.now;
                job(tx, ctx, now).await
            })
        })
        .await;
    slot.settle(app, actor, outcome).await
}

/// What a use case on one household needs, read in the transaction that acts on it.
pub(crate) struct HouseholdContext {
    pub(crate) actor: Actor,
    pub(crate) household: Household,
    pub(crate) now: Timestamp,
}

impl HouseholdContext {
    /// The audit row of `action` on this household, by the actor, now.
    pub(crate) fn entry(&self, action: AuditAction) -> audit::Entry {
        let mut entry = audit_entry(Some(&self.actor), self.now, action, "household");
        entry.object_id = Some(self.household.id.0);
        entry.household_id = Some(self.household.id);
        entry
    }
}

/// Runs `job` on the household `id` (or the one it was merged into) for `action`, in one write
/// transaction, as [`on_case`] does on a case: decided from who registered the household and the teams of its cases (the
/// same two small queries whether or not it exists); only an allowed household is read. A
/// refusal rolls back and is logged as one `household.access_refused` row; it is always a 404.
pub(crate) async fn on_household<T, F>(app: &App, actor: &Actor, id: HouseholdId, action: Action, job: F) -> Result<T>
where
    T: Send + 'static,
    F: for<'t> FnOnce(&'t mut Tx, HouseholdContext, Timestamp) -> JobFuture<'t, Result<T>> + Send + 'static,
{
    let slot = RefusalSlot::default();
    let (owned_app, owned_actor, inner) = (app.clone(), actor.clone(), slot.clone());
    let outcome = app
        .db
        .write(move |tx| {
            Box::pin(async move {
                let (app, actor) = (&owned_app, &owned_actor);
                // An old link to a household merged into another one leads to that one.
                let id = buurtteam_store::repair::surviving(tx, id).await?;
                let created_by = households::created_by(tx, id).await?;
                let case_teams = households::case_team_ids(tx, id).await?;
                let own = case_teams.iter().any(|t| actor.team_ids.contains(t))
                    || (case_teams.is_empty() && created_by == Some(actor.user_id));
                let (relation, grant) = if own {
                    (Relation::OwnTeam, None)
                } else {
                    emergency::relation_to_household(tx, actor, id, app.now()).await?
                };
                let allowed = created_by.is_some() && policy::decide(actor.role, relation, action) == Decision::Allow;
                let household = if allowed { households::get(tx, id).await? } else { None };
                let Some(household) = household else {
                    let mut attempt = Attempt::new(Refused::Household, "household")
                        .on(id.0)
                        .with("exists", created_by.is_some())
                        .with("attempted", action.code());
                    attempt.household_id = created_by.map(|_| id);
                    inner.put(attempt);
                    return Err(AppError::NotFound("household"));
                };
                let now = app.now();
                let ctx = HouseholdContext { actor: actor.clone(), household, now };
                if let Some(grant) = grant {
                    emergency::flag_read(tx, grant, ctx.entry(AuditAction::CaseEmergencyRead), action.code()).await?;
                }
                job(tx, ctx, now).await
            })
        })
        .await;
    slot.settle(app, actor, outcome).await
}
