//! Handing cases over (overdracht; issue 20, decision 0037), by the team manager of the case's
//! team: to another worker of the team, to another team when the household moved (the old team
//! loses access from then on), a stand-in (*waarnemer*) for a period, and many cases of one
//! worker at once, all or nothing. Every change of worker or team is written to the case's
//! history (`store::handover`) and the audit log in the same transaction.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::case::CaseStatus;
use buurtteam_domain::handover::{self as rules, Candidate, CaseFacts, Refusal};
use buurtteam_domain::ids::{CaseId, TeamId, UserId};
use buurtteam_domain::policy::{Action, Actor};
use buurtteam_domain::validation::Errors;
use buurtteam_store::cases::{self as store, Case};
use buurtteam_store::handover::{self as history, Holder, TeamSpell};
use buurtteam_store::{Tx, audit, organisation};
use jiff::civil::Date;
use serde::Deserialize;

use super::{CaseView, case_entry, concurrent};
use crate::context::{on_case, on_team};
use crate::{App, AppError, Result, input};

/// `POST /api/v1/cases/{id}/handover`: to a worker of the case's team, to another team, or to
/// another team and one of its workers.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HandoverInput {
    /// The family worker or team manager who is to carry the case (of the team that holds it
    /// after the handover).
    pub to_worker_id: Option<i64>,
    /// Another team, when the household moved: the case goes there (without a worker, unless
    /// `to_worker_id` names one of that team) and the old team loses access.
    pub to_team_id: Option<i64>,
    /// `YYYY-MM-DD`, from the referral up to today; today when left out.
    pub on: Option<String>,
}

/// `POST /api/v1/cases/{id}/stand-in`: a stand-in (waarnemer) for a period.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StandInInput {
    /// A family worker or team manager of the case's team, other than its worker.
    pub worker_id: Option<i64>,
    /// The first day (`YYYY-MM-DD`, may be planned ahead).
    pub from_on: Option<String>,
    /// The last day, on or after `from_on`.
    pub until_on: Option<String>,
}

/// `POST /api/v1/teams/{id}/handover`: many cases of one worker at once, all or nothing.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkHandoverInput {
    /// The worker (absent or leaving) whose cases are handed over.
    pub from_worker_id: Option<i64>,
    /// Who takes them over (or stands in, with `until_on`).
    pub to_worker_id: Option<i64>,
    /// The cases to hand over; empty: every open case and open referral `from_worker_id` carries
    /// in the team.
    #[serde(default)]
    pub case_ids: Vec<i64>,
    /// `YYYY-MM-DD`: the day of the handover (up to today), or with `until_on` the stand-in's
    /// first day; today when left out.
    pub on: Option<String>,
    /// When given, `to_worker_id` stands in until this day (inclusive) instead of taking over.
    pub until_on: Option<String>,
}

/// What a bulk handover did.
#[derive(Debug, Clone)]
pub struct BulkOutcome {
    pub case_ids: Vec<CaseId>,
    pub stand_in: bool,
}

/// Who held a case when, and its teams.
#[derive(Debug, Clone)]
pub struct History {
    pub holders: Vec<Holder>,
    /// Empty when the case never moved to another team.
    pub teams: Vec<TeamSpell>,
}

fn facts(case: &Case) -> CaseFacts {
    CaseFacts {
        status: case.status,
        team_id: case.team_id,
        referred_on: case.referred_on,
        worker_id: case.worker_id,
        last_change_on: None,
    }
}

async fn candidate(tx: &mut Tx, id: UserId) -> Result<Option<Candidate>> {
    Ok(organisation::get_user(tx, id).await?.map(|u| Candidate {
        id: u.id,
        role: u.role,
        active: u.active,
        team_ids: u.team_ids,
    }))
}

fn refused(refusal: Refusal, status: CaseStatus) -> AppError {
    AppError::Conflict { message: refusal.to_string(), current_status: Some(status) }
}

/// Hands case `id` over (the team manager of its team).
pub async fn handover(app: &App, actor: &Actor, id: CaseId, input: &HandoverInput) -> Result<CaseView> {
    let today = app.today();
    let mut errors = Errors::default();
    let to_worker = input.to_worker_id.map(UserId);
    let to_team = input.to_team_id.map(TeamId);
    let on = input::optional_past_date(&mut errors, "on", input.on.as_deref(), today).unwrap_or(today);
    errors.finish()?;
    on_case(app, actor, id, Action::AssignCase, move |tx, ctx, now| {
        Box::pin(async move {
            let case = CaseFacts { last_change_on: history::last_change_on(tx, id).await?, ..facts(&ctx.case) };
            let worker = match to_worker {
                Some(w) => Some((w, candidate(tx, w).await?)),
                None => None,
            };
            let team = match to_team {
                Some(t) => Some((t, organisation::get_team(tx, t).await?.is_some())),
                None => None,
            };
            let plan = rules::check(&case, worker.as_ref().map(|(w, c)| (*w, c.as_ref())), team, on, ctx.today)
                .map_err(|e| AppError::Validation(e.0))?
                .map_err(|r| refused(r, case.status))?;
            if !plan.changes(&case) {
                return ctx.view(tx).await;
            }
            let by = ctx.actor.user_id;
            if let Some(new_team) = plan.to_team {
                history::transfer(tx, id, case.team_id, new_team, case.referred_on, on, by, now)
                    .await
                    .map_err(concurrent)?;
                let mut entry = ctx.entry(AuditAction::CaseTransferred);
                entry.detail = serde_json::json!({
                    "on": on.to_string(), "team_id": new_team, "previous_team_id": case.team_id,
                    "previous_worker_id": case.worker_id,
                });
                audit::append(tx, &entry).await?;
            }
            if let Some(worker) = plan.to_worker.filter(|w| plan.to_team.is_some() || Some(*w) != case.worker_id) {
                store::set_worker(tx, id, worker, false, now).await.map_err(concurrent)?;
                history::begin_worker(tx, id, Some(worker), on, Some(by), now).await?;
                let mut entry = ctx.entry(AuditAction::CaseHandedOver);
                entry.detail = serde_json::json!({
                    "on": on.to_string(), "worker_id": worker,
                    "previous_worker_id": if plan.to_team.is_some() { None } else { case.worker_id },
                });
                audit::append(tx, &entry).await?;
            }
            ctx.view(tx).await
        })
    })
    .await
}

/// Sets a stand-in on case `id` for a period (the team manager of its team).
pub async fn set_stand_in(app: &App, actor: &Actor, id: CaseId, input: &StandInInput) -> Result<History> {
    let today = app.today();
    let mut errors = Errors::default();
    let worker = input::id(&mut errors, "worker_id", input.worker_id).map(UserId);
    let from = input::planned_date(&mut errors, "from_on", input.from_on.as_deref(), today);
    let until = input::planned_date(&mut errors, "until_on", input.until_on.as_deref(), today);
    errors.finish()?;
    let (Some(worker), Some(from), Some(until)) = (worker, from, until) else {
        return Err(AppError::Internal("validated stand-in lacks a field".into()));
    };
    on_case(app, actor, id, Action::AssignCase, move |tx, ctx, now| {
        Box::pin(async move {
            let case = facts(&ctx.case);
            let c = candidate(tx, worker).await?;
            rules::check_stand_in(&case, (worker, c.as_ref()), from, until)
                .map_err(|e| AppError::Validation(e.0))?
                .map_err(|r| refused(r, case.status))?;
            history::add_stand_in(tx, id, worker, from, until, ctx.actor.user_id, now).await?;
            let mut entry = ctx.entry(AuditAction::CaseStandInSet);
            entry.detail = serde_json::json!({
                "worker_id": worker, "from_on": from.to_string(), "until_on": until.to_string(),
            });
            audit::append(tx, &entry).await?;
            Ok(History { holders: history::holders(tx, id).await?, teams: history::teams(tx, id).await? })
        })
    })
    .await
}

/// Who held case `id` when (staff who may read the case; the read is part of the file's).
pub async fn history_of(app: &App, actor: &Actor, id: CaseId) -> Result<History> {
    on_case(app, actor, id, Action::ReadCase, move |tx, _ctx, _| {
        Box::pin(async move {
            Ok(History { holders: history::holders(tx, id).await?, teams: history::teams(tx, id).await? })
        })
    })
    .await
}

/// The part of a file's history a job on an already loaded case reads (no log row of its own).
pub(crate) async fn history_in(tx: &mut Tx, id: CaseId) -> Result<History> {
    Ok(History { holders: history::holders(tx, id).await?, teams: history::teams(tx, id).await? })
}

/// Hands many cases of one worker of `team` over at once, or sets a stand-in on them: all of
/// them or, when any one may not be, none (the team manager of the team).
pub async fn bulk_handover(app: &App, actor: &Actor, team: TeamId, input: &BulkHandoverInput) -> Result<BulkOutcome> {
    let today = app.today();
    let mut errors = Errors::default();
    let from_worker = input::id(&mut errors, "from_worker_id", input.from_worker_id).map(UserId);
    let to_worker = input::id(&mut errors, "to_worker_id", input.to_worker_id).map(UserId);
    let stand_in = input.until_on.as_deref().is_some_and(|s| !s.trim().is_empty());
    let (on, until) = if stand_in {
        let on = input::optional_planned_date(&mut errors, "on", input.on.as_deref(), today).unwrap_or(today);
        (on, input::planned_date(&mut errors, "until_on", input.until_on.as_deref(), today))
    } else {
        (input::optional_past_date(&mut errors, "on", input.on.as_deref(), today).unwrap_or(today), None)
    };
    errors.finish()?;
    let (Some(from_worker), Some(to_worker)) = (from_worker, to_worker) else {
        return Err(AppError::Internal("validated handover lacks a worker".into()));
    };
    let chosen: Vec<CaseId> = input.case_ids.iter().copied().map(CaseId).collect();
    on_team(app, actor, team, Action::AssignCase, "handover", move |tx, ctx, now| {
        Box::pin(async move {
            let ids =
                if chosen.is_empty() { history::open_cases_of(tx, ctx.team.id, from_worker).await? } else { chosen };
            let mut errors = Errors::default();
            if ids.is_empty() {
                errors.add("case_ids", "the worker carries no open case in this team").code("required");
            }
            let target = candidate(tx, to_worker).await?;
            let mut cases = Vec::with_capacity(ids.len());
            for (i, id) in ids.iter().enumerate() {
                // A case of another team is named as one that does not exist.
                match store::get(tx, *id).await? {
                    Some(c) if c.team_id == ctx.team.id && c.voided.is_none() && c.worker_id == Some(from_worker) => {
                        cases.push(c)
                    }
                    _ => {
                        errors
                            .add(
                                format!("case_ids[{i}]"),
                                format!("case {} is not an open case this worker carries in this team", id.0),
                            )
                            .code("not_carried");
                    }
                }
            }
            if !errors.is_empty() {
                return Err(AppError::Validation(errors.0));
            }
            for case in &cases {
                let facts = CaseFacts { last_change_on: history::last_change_on(tx, case.id).await?, ..facts(case) };
                let status = facts.status;
                if stand_in {
                    let until = until.unwrap_or(on);
                    rules::check_stand_in(&facts, (to_worker, target.as_ref()), on, until)
                        .map_err(|e| AppError::Validation(e.0))?
                        .map_err(|r| refused(r, status))?;
                    history::add_stand_in(tx, case.id, to_worker, on, until, ctx.actor.user_id, now).await?;
                    let mut entry = case_entry(&ctx.actor, now, AuditAction::CaseStandInSet, case);
                    entry.detail = serde_json::json!({
                        "worker_id": to_worker, "from_on": on.to_string(), "until_on": until.to_string(), "bulk": true,
                    });
                    audit::append(tx, &entry).await?;
                } else {
                    let plan = rules::check(&facts, Some((to_worker, target.as_ref())), None, on, ctx.today)
                        .map_err(|e| AppError::Validation(e.0))?
                        .map_err(|r| refused(r, status))?;
                    if !plan.changes(&facts) {
                        continue;
                    }
                    store::set_worker(tx, case.id, to_worker, false, now).await.map_err(concurrent)?;
                    history::begin_worker(tx, case.id, Some(to_worker), on, Some(ctx.actor.user_id), now).await?;
                    let mut entry = case_entry(&ctx.actor, now, AuditAction::CaseHandedOver, case);
                    entry.detail = serde_json::json!({
                        "on": on.to_string(), "worker_id": to_worker, "previous_worker_id": from_worker, "bulk": true,
                    });
                    audit::append(tx, &entry).await?;
                }
            }
            Ok(BulkOutcome { case_ids: cases.iter().map(|c| c.id).collect(), stand_in })
        })
    })
    .await
}

/// The open cases of absent workers of `team` that nobody holds today: the worker is fully
/// absent (an absence spell running today) and no stand-in covers today.
pub async fn uncovered(tx: &mut Tx, team: TeamId, today: Date) -> Result<Vec<CaseId>> {
    Ok(history::uncovered(tx, team, today).await?)
}

/// For a team manager's worklist: per team they manage, how many open cases of absent workers
/// nobody holds today. Counts only (no case is read), so no `case.list` row; others get none.
pub async fn uncovered_counts(app: &App, actor: &Actor) -> Result<Vec<(TeamId, usize)>> {
    if actor.role != buurtteam_domain::codes::Role::TeamManager {
        return Ok(Vec::new());
    }
    let today = app.today();
    let mut tx = app.db.begin_read().await?;
    let mut counts = Vec::new();
    for team in &actor.team_ids {
        let n = history::uncovered(&mut tx, *team, today).await?.len();
        if n > 0 {
            counts.push((*team, n));
        }
    }
    Ok(counts)
}
