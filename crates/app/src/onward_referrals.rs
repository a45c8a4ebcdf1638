//! Onward referrals (inzet aanvullende hulp; issue 15 part 2, decision 0040): a case's worker
//! refers the family on to a partner of the social map and keeps its start, end and outcome up.
//! Decided as recording a contact (`Action::RecordOnwardReferral`: the case's team, never under
//! an emergency grant, never a portal account); read as the case file is, and logged.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::case::CaseStatus;
use buurtteam_domain::codes::{LifeDomain, Role};
use buurtteam_domain::ids::{CaseId, OnwardReferralId, PartnerId, PersonId, UserId};
use buurtteam_domain::onward_referrals::{self as rules, Dates, OnwardOutcome, OnwardReferralKind};
use buurtteam_domain::policy::{Action, Actor};
use buurtteam_domain::validation::Errors;
use buurtteam_store::StoreError;
use buurtteam_store::audit;
use buurtteam_store::onward_referrals::{self as store, NewOnwardReferral, OnwardReferral, Progress};
use buurtteam_store::organisation;
use buurtteam_store::partners;
use serde::Deserialize;

use crate::context::on_case;
use crate::{App, AppError, Result, input};

/// A new onward referral, as the API and the page send it.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OnwardReferralInput {
    /// The partner it goes to (one of a kind that fits `kind`, still active).
    pub partner_id: Option<i64>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<OnwardReferralKind>))]
    pub kind: Option<String>,
    /// The household members it is for (at least one; members of the case's household).
    #[serde(default)]
    pub client_ids: Vec<i64>,
    /// The day it was referred (`YYYY-MM-DD`): not in the future, not before the case's referral.
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub referred_on: Option<String>,
    /// The life domains it is about (codes of `LifeDomain`).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<LifeDomain>))]
    pub life_domains: Vec<String>,
    /// The coordinator (a worker of the case's team); the case's family worker by default.
    pub coordinator: Option<i64>,
}

/// A change of an onward referral's progress. A field left out stays as it is; an empty string
/// clears it.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OnwardReferralChange {
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub started_on: Option<String>,
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub ended_on: Option<String>,
    /// How it ended (only with `ended_on`).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<OnwardOutcome>))]
    pub outcome: Option<String>,
    /// The coordinator: an active family worker or team manager of the case's team. Left out
    /// (or empty, as a page form sends it) it stays as it is.
    pub coordinator_id: Option<i64>,
    /// The version the change was made on; another version is a 409.
    pub version: Option<i32>,
}

fn date_faults(errors: &mut Errors, faults: Vec<rules::DateFault>) {
    for f in faults {
        let e = errors.add(f.field(), f.message());
        e.code(f.code());
        if let rules::DateFault::BeforeCaseReferral { case_referred_on } = f {
            e.arg("date", case_referred_on);
        }
    }
}

/// Records an onward referral on an open case.
pub async fn record(app: &App, actor: &Actor, id: CaseId, input: &OnwardReferralInput) -> Result<OnwardReferral> {
    let mut errors = Errors::default();
    let kind = input::code(
        &mut errors,
        "kind",
        input.kind.as_deref(),
        OnwardReferralKind::parse,
        OnwardReferralKind::accepted,
    );
    let partner_id = input::id(&mut errors, "partner_id", input.partner_id);
    if input.client_ids.is_empty() {
        errors.add("client_ids", "name at least one member of the household").code("required");
    }
    let referred_on = input::date(&mut errors, "referred_on", input.referred_on.as_deref());
    let mut life_domains = Vec::new();
    for (i, d) in input.life_domains.iter().enumerate() {
        if let Some(d) =
            input::code(&mut errors, &format!("life_domains[{i}]"), Some(d), LifeDomain::parse, LifeDomain::accepted)
        {
            life_domains.push(d);
        }
    }
    life_domains.sort();
    life_domains.dedup();
    let clients = input.client_ids.clone();
    let coordinator = input.coordinator;
    on_case(app, actor, id, Action::RecordOnwardReferral, move |tx, ctx, now| {
        Box::pin(async move {
            for (i, p) in clients.iter().enumerate() {
                if !ctx.members.iter().any(|m| m.id.0 == *p) {
                    let e =
                        errors.add(format!("client_ids[{i}]"), format!("person {p} is not a member of this household"));
                    e.code("not_household_member");
                }
            }
            let partner = match partner_id {
                Some(p) => partners::get(tx, PartnerId(p)).await?,
                None => None,
            };
            match (&partner, partner_id) {
                (None, Some(p)) => {
                    errors.add("partner_id", format!("partner {p} does not exist")).code("unknown_partner");
                }
                (Some(p), _) if p.fields.ended_on.is_some() => {
                    errors.add("partner_id", "the partner has ended; choose an active one").code("partner_ended");
                }
                (Some(p), _) => {
                    if let Some(k) = kind
                        && !k.fits(p.kind)
                    {
                        let fitting: Vec<&str> = k.fitting_partners().iter().map(|f| f.code()).collect();
                        errors
                            .add(
                                "partner_id",
                                format!("a partner of kind {} does not fit; one of: {}", p.kind, fitting.join(", ")),
                            )
                            .code("partner_kind_mismatch");
                    }
                }
                _ => {}
            }
            let coordinator = match coordinator {
                Some(u) => {
                    if !is_team_worker(tx, ctx.case.team_id, u).await? {
                        errors
                            .add("coordinator", format!("user {u} does not work in the case's team"))
                            .code("not_team_worker");
                    }
                    Some(UserId(u))
                }
                None => ctx.case.worker_id,
            };
            if let Some(on) = referred_on {
                let d = Dates { referred_on: on, started_on: None, ended_on: None, outcome: None };
                date_faults(&mut errors, rules::check_dates(&d, ctx.case.referred_on, ctx.today));
            }
            errors.finish()?;
            if ctx.case.status == CaseStatus::Closed {
                return Err(AppError::Conflict {
                    message: "the case is closed; an onward referral is recorded while it is open".into(),
                    current_status: Some(ctx.case.status),
                });
            }
            let (Some(partner), Some(kind), Some(referred_on)) = (partner, kind, referred_on) else {
                return Err(AppError::Internal("validated input went missing".into()));
            };
            let mut client_ids: Vec<PersonId> = clients.into_iter().map(PersonId).collect();
            client_ids.sort();
            client_ids.dedup();
            let new = NewOnwardReferral {
                case_id: id,
                partner_id: partner.id,
                kind,
                referred_on,
                coordinator_id: coordinator,
                client_ids: &client_ids,
                life_domains: &life_domains,
                recorded_by: ctx.actor.user_id,
            };
            let oid = store::insert(tx, &new, now).await?;
            let mut entry = ctx.entry(AuditAction::OnwardReferralRecorded);
            entry.object_type = "onward_referral";
            entry.object_id = Some(oid.0);
            entry.detail = serde_json::json!({
                "partner_id": partner.id.0,
                "kind": kind.code(),
                "referred_on": referred_on.to_string(),
            });
            audit::append(tx, &entry).await?;
            store::get(tx, oid).await?.ok_or(AppError::NotFound("onward referral"))
        })
    })
    .await
}

/// A date field of a change: left out, cleared (`""`) or set.
fn change_date(
    errors: &mut Errors,
    field: &str,
    value: Option<&str>,
    current: Option<jiff::civil::Date>,
) -> Option<jiff::civil::Date> {
    match value.map(str::trim) {
        None => current,
        Some("") => None,
        Some(v) => input::date(errors, field, Some(v)),
    }
}

/// Whether user `u` may coordinate on the case of team `team`: an active family worker or
/// team manager of that team.
async fn is_team_worker(tx: &mut buurtteam_store::Tx, team: buurtteam_domain::ids::TeamId, u: i64) -> Result<bool> {
    let staff = organisation::team_staff(tx, team).await?;
    Ok(staff.iter().any(|(id, _, role)| id.0 == u && matches!(role, Role::FamilyWorker | Role::TeamManager)))
}

/// Changes the start, end, outcome or coordinator of onward referral `id`.
pub async fn change(
    app: &App,
    actor: &Actor,
    id: OnwardReferralId,
    input: &OnwardReferralChange,
) -> Result<OnwardReferral> {
    let found = {
        let mut tx = app.db.begin_read().await?;
        store::case_of(&mut tx, id).await?
    };
    let Some((case_id, _)) = found else { return Err(AppError::NotFound("onward referral")) };
    let input = input.clone();
    let outcome = on_case(app, actor, case_id, Action::RecordOnwardReferral, move |tx, ctx, now| {
        Box::pin(async move {
            let current = store::get(tx, id).await?.ok_or(AppError::NotFound("onward referral"))?;
            let mut errors = Errors::default();
            let started_on = change_date(&mut errors, "started_on", input.started_on.as_deref(), current.started_on);
            let ended_on = change_date(&mut errors, "ended_on", input.ended_on.as_deref(), current.ended_on);
            let outcome = match input.outcome.as_deref().map(str::trim) {
                None => current.outcome,
                Some("") => None,
                Some(v) => {
                    input::optional_code(&mut errors, "outcome", Some(v), OnwardOutcome::parse, OnwardOutcome::accepted)
                }
            };
            // A coordinator is checked only when it changes: one who has since left the team
            // stays on the referral until someone names another.
            let coordinator_id = match input.coordinator_id.map(UserId) {
                Some(u) if Some(u) != current.coordinator_id => {
                    if !is_team_worker(tx, ctx.case.team_id, u.0).await? {
                        errors
                            .add("coordinator_id", format!("user {} is not an active worker of the case's team", u.0))
                            .code("not_team_worker");
                    }
                    Some(u)
                }
                _ => current.coordinator_id,
            };
            errors.finish()?;
            let d = Dates { referred_on: current.referred_on, started_on, ended_on, outcome };
            let mut errors = Errors::default();
            date_faults(&mut errors, rules::check_dates(&d, ctx.case.referred_on, ctx.today));
            errors.finish()?;
            if let Some(v) = input.version
                && v != current.version
            {
                return Err(stale());
            }
            let progress = Progress { started_on, ended_on, outcome, coordinator_id };
            store::set_progress(tx, id, current.version, &progress, now).await.map_err(|e| match e {
                StoreError::Concurrent => stale(),
                other => other.into(),
            })?;
            let mut entry = ctx.entry(AuditAction::OnwardReferralChanged);
            entry.object_type = "onward_referral";
            entry.object_id = Some(id.0);
            // What changed, by field name; the coordinator by id, never by name.
            let before = (current.started_on, current.ended_on, current.outcome, current.coordinator_id);
            let changed: Vec<&str> = [
                ("started_on", before.0 != started_on),
                ("ended_on", before.1 != ended_on),
                ("outcome", before.2 != outcome),
                ("coordinator_id", before.3 != coordinator_id),
            ]
            .into_iter()
            .filter_map(|(name, differs)| differs.then_some(name))
            .collect();
            entry.detail = serde_json::json!({
                "changed": changed,
                "started_on": started_on.map(|d| d.to_string()),
                "ended_on": ended_on.map(|d| d.to_string()),
                "outcome": outcome.map(|o| o.code()),
                "coordinator_id": coordinator_id.map(|u| u.0),
            });
            audit::append(tx, &entry).await?;
            store::get(tx, id).await?.ok_or(AppError::NotFound("onward referral"))
        })
    })
    .await;
    match outcome {
        Err(AppError::NotFound(_)) => Err(AppError::NotFound("onward referral")),
        other => other,
    }
}

fn stale() -> AppError {
    AppError::Conflict {
        message: "the onward referral was changed by someone else meanwhile; reload it and try again".into(),
        current_status: None,
    }
}

/// The onward referrals of a case, most recent first: read and logged as a read of the file.
pub async fn of_case(app: &App, actor: &Actor, id: CaseId) -> Result<Vec<OnwardReferral>> {
    on_case(app, actor, id, Action::ReadCase, move |tx, ctx, _| {
        Box::pin(async move {
            let list = store::of_case(tx, id).await?;
            let mut entry = ctx.entry(AuditAction::OnwardReferralList);
            entry.object_type = "onward_referral";
            audit::append(tx, &entry).await?;
            Ok(list)
        })
    })
    .await
}
