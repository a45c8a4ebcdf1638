//! Data repair (decision 0020): a team manager voids a referral registered by mistake, with a
//! reason, and merges a household registered twice into the other record; admins read the
//! admin log (changes made in the administration, never client reads) and an overview of the
//! repairs made, in ids and counts only.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::ids::{CaseId, HouseholdId, PersonId, TeamId, UserId};
use buurtteam_domain::matching;
use buurtteam_domain::policy::{self, Action, Actor, Decision, Relation};
use buurtteam_domain::repair::{self as rules, VoidReason};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit::{self, Refused};
use buurtteam_store::corrections::{self, NewCorrection};
use buurtteam_store::households::{self, Household};
use buurtteam_store::repair::{self as store, LogQuery};
use jiff::Timestamp;
use serde::Deserialize;

use crate::cases::CaseView;
use crate::context::on_case;
use crate::refusals::{self, Attempt};
use crate::{App, AppError, Result, audit_entry, authorise, input};

/// The most characters of a void's reason.
pub const MAX_REASON_LENGTH: usize = 1000;

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VoidInput {
    /// Why, as a code. Required.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<VoidReason>))]
    pub reason_code: Option<String>,
    /// Why, in words: what the mistake was. Required.
    pub reason: Option<String>,
}

/// Voids the referral `id` as registered by mistake (a team manager of its team; only before
/// its intake). It stays readable to its team, marked voided, and leaves every list and figure.
pub async fn void_case(app: &App, actor: &Actor, id: CaseId, input: &VoidInput) -> Result<CaseView> {
    let mut errors = Errors::default();
    let code = input::code(&mut errors, "reason_code", input.reason_code.as_deref(), VoidReason::parse, || {
        VoidReason::accepted()
    });
    let reason = input::long_text(&mut errors, "reason", input.reason.as_deref(), MAX_REASON_LENGTH);
    errors.finish()?;
    let (code, reason) = (code.unwrap_or(VoidReason::Other), reason.unwrap_or_default());
    on_case(app, actor, id, Action::VoidCase, move |tx, ctx, now| {
        Box::pin(async move {
            let c = &ctx.case;
            if let Err(state) = rules::may_void(c.status, c.voided.is_some()) {
                return Err(AppError::Conflict {
                    message: format!(
                        "only a referral before its intake can be voided (this one is {state}); close it instead"
                    ),
                    current_status: Some(c.status),
                });
            }
            store::void(tx, c.id, c.status, ctx.actor.user_id, (code, &reason), (ctx.today, now)).await.map_err(
                |e| match e {
                    buurtteam_store::StoreError::Concurrent => AppError::Conflict {
                        message: "the case was changed by someone else meanwhile; reload it and try again".into(),
                        current_status: None,
                    },
                    other => other.into(),
                },
            )?;
            let correction = corrections::record(
                tx,
                &NewCorrection {
                    case: c.id,
                    contact: None,
                    field: "voided",
                    before: Some(c.status.code()),
                    after: Some(code.code()),
                    reason: &reason,
                    by: ctx.actor.user_id,
                },
                now,
            )
            .await?;
            let mut entry = ctx.entry(AuditAction::CaseVoided);
            entry.detail = serde_json::json!({ "reason_code": code.code(), "correction_id": correction });
            audit::append(tx, &entry).await?;
            ctx.view(tx).await
        })
    })
    .await
}

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MergeInput {
    /// The household registered twice: its members and cases move to the household of the
    /// path, and it points there from then on. Required.
    pub merged_household_id: Option<i64>,
}

/// Two records of one household, side by side, before a merge.
#[derive(Debug, Clone)]
pub struct MergePreview {
    pub surviving: Household,
    pub merged: Household,
    /// The cases of each (id, team).
    pub surviving_cases: Vec<(CaseId, TeamId)>,
    pub merged_cases: Vec<(CaseId, TeamId)>,
    /// Members of the two that may be one person (the same folded name and birth date, or the
    /// same BSN): both are kept; the page asks the user to check them.
    pub same_persons: Vec<(PersonId, PersonId)>,
}

/// What a merge did.
#[derive(Debug, Clone)]
pub struct Merged {
    pub surviving: HouseholdId,
    pub merged: HouseholdId,
    pub members_moved: i64,
    pub cases_moved: Vec<CaseId>,
}

/// Whether `actor` stands towards household `id` as a merge needs: every case of it is of
/// one of the actor's teams (or it has none and the actor registered it). `None`: it does not
/// exist. A merge then moves nothing into sight of a team that could not see it before.
async fn merge_relation(tx: &mut buurtteam_store::Tx, actor: &Actor, id: HouseholdId) -> Result<Option<Relation>> {
    // A household merged away already is judged by the one it lives on as.
    let id = store::surviving(tx, id).await?;
    let Some(created_by) = households::created_by(tx, id).await? else { return Ok(None) };
    let teams = households::case_team_ids(tx, id).await?;
    let own =
        if teams.is_empty() { created_by == actor.user_id } else { teams.iter().all(|t| actor.team_ids.contains(t)) };
    Ok(Some(if own { Relation::OwnTeam } else { Relation::OtherTeam }))
}

/// Decides a merge of `merged` into `surviving` and reads both (with their read rows), in
/// `tx`; the refusal, if any, is returned with the attempt to log.
async fn decide_merge(
    tx: &mut buurtteam_store::Tx,
    actor: &Actor,
    surviving: HouseholdId,
    merged: HouseholdId,
) -> std::result::Result<(Household, Household), (AppError, Option<Attempt>)> {
    let mut refusal = None;
    for id in [surviving, merged] {
        let relation = merge_relation(tx, actor, id).await.map_err(|e| (e, None))?;
        let decision = relation.map_or(Decision::Hidden, |r| policy::decide(actor.role, r, Action::MergeHouseholds));
        if decision != Decision::Allow && refusal.is_none() {
            let mut attempt = Attempt::new(Refused::Household, "household")
                .on(id.0)
                .with("exists", relation.is_some())
                .with("attempted", Action::MergeHouseholds.code());
            attempt.household_id = relation.map(|_| id);
            let error = match decision {
                Decision::Deny => AppError::Forbidden("your role may not merge households".into()),
                _ => AppError::NotFound("household"),
            };
            refusal = Some((error, Some(attempt)));
        }
    }
    if let Some(r) = refusal {
        return Err(r);
    }
    let mut found = Vec::new();
    for id in [surviving, merged] {
        let gone = store::merged_into(tx, id).await.map_err(|e| (e.into(), None))?.flatten().is_some();
        let household = households::get(tx, id).await.map_err(|e| (e.into(), None))?;
        found.push((household, gone));
    }
    let (s, m) = (found.remove(0), found.remove(0));
    if let Err(problem) = rules::may_merge(surviving.0, merged.0, s.1, m.1) {
        let mut errors = Errors::default();
        let message = match problem {
            "same_household" => "is the household itself: choose the other record",
            _ => "was merged into another household already",
        };
        errors.add("merged_household_id", message).code(problem);
        return Err((AppError::Validation(errors.0), None));
    }
    match (s.0, m.0) {
        (Some(s), Some(m)) => Ok((s, m)),
        _ => Err((AppError::NotFound("household"), None)),
    }
}

fn merged_id(input: &MergeInput) -> Result<HouseholdId> {
    let mut errors = Errors::default();
    let id = input::id(&mut errors, "merged_household_id", input.merged_household_id);
    errors.finish()?;
    Ok(HouseholdId(id.unwrap_or_default()))
}

/// Runs `job` on the two households of a merge, decided and read in one write transaction;
/// a refusal rolls back and is then logged once (`household.access_refused`).
async fn on_merge<T, F>(app: &App, actor: &Actor, surviving: HouseholdId, merged: HouseholdId, job: F) -> Result<T>
where
    T: Send + 'static,
    F: for<'t> FnOnce(
            &'t mut buurtteam_store::Tx,
            (Household, Household),
            Timestamp,
        ) -> buurtteam_store::JobFuture<'t, Result<T>>
        + Send
        + 'static,
{
    let slot = std::sync::Arc::new(std::sync::Mutex::new(None));
    let (owned_actor, inner, now) = (actor.clone(), slot.clone(), app.now());
    let outcome = app
        .db
        .write(move |tx| {
            Box::pin(async move {
                match decide_merge(tx, &owned_actor, surviving, merged).await {
                    Ok(pair) => job(tx, pair, now).await,
                    Err((error, attempt)) => {
                        if let (Some(a), Ok(mut s)) = (attempt, inner.lock()) {
                            *s = Some(a);
                        }
                        Err(error)
                    }
                }
            })
        })
        .await;
    let attempt = slot.lock().ok().and_then(|mut s| s.take());
    match (outcome, attempt) {
        (Err(refusal), Some(attempt)) => Err(refusals::refuse(app, Some(actor), attempt, refusal).await),
        (outcome, _) => outcome,
    }
}

/// The two records side by side before merging `input.merged_household_id` into `surviving`
/// (the same rules as the merge; both reads are logged).
pub async fn merge_preview(
    app: &App,
    actor: &Actor,
    surviving: HouseholdId,
    input: &MergeInput,
) -> Result<MergePreview> {
    let merged = merged_id(input)?;
    let owned = actor.clone();
    on_merge(app, actor, surviving, merged, move |tx, (s, m), now| {
        Box::pin(async move {
            for h in [&s, &m] {
                let mut entry = audit_entry(Some(&owned), now, AuditAction::HouseholdRead, "household");
                entry.object_id = Some(h.id.0);
                entry.household_id = Some(h.id);
                entry.detail = serde_json::json!({ "view": "merge" });
                audit::append(tx, &entry).await?;
            }
            let cases = |v: Vec<(i64, TeamId, String, jiff::civil::Date)>| {
                v.into_iter().map(|(c, t, _, _)| (CaseId(c), t)).collect::<Vec<_>>()
            };
            let surviving_cases = cases(households::cases_of(tx, s.id).await?);
            let merged_cases = cases(households::cases_of(tx, m.id).await?);
            let same_persons = same_persons(&s, &m);
            Ok(MergePreview { surviving: s, merged: m, surviving_cases, merged_cases, same_persons })
        })
    })
    .await
}

/// A household that may be the same as the one to keep, with the members that may be one
/// person.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub household: Household,
    pub same_persons: Vec<(PersonId, PersonId)>,
}

/// The household `id` and the households the actor may see that may be the same one (a member
/// of the same folded name and birth date, or the same BSN): what the merge page offers a
/// team manager. The household's read and the search are logged.
pub async fn merge_candidates(app: &App, actor: &Actor, id: HouseholdId) -> Result<(Household, Vec<Candidate>)> {
    let attempt = Attempt::new(Refused::Household, "household").on(id.0).with("view", "merge");
    authorise(app, actor, Relation::OwnTeam, Action::MergeHouseholds, attempt).await?;
    let household = crate::households::get(app, actor, id).await?;
    let people: Vec<(&str, &str, jiff::civil::Date)> =
        household.members.iter().map(|m| (m.given_name.as_str(), m.family_name.as_str(), m.birth_date)).collect();
    let bsns: Vec<&buurtteam_domain::person::Bsn> = household.members.iter().filter_map(|m| m.bsn.as_ref()).collect();
    let mut tx = app.db.begin_read().await?;
    let ids = households::possible_duplicates(&mut tx, actor.user_id, &people, &bsns, 10).await?;
    let mut found = Vec::new();
    for other in ids.iter().filter(|o| **o != household.id) {
        if let Some(h) = households::get(&mut tx, *other).await?
            && !h.members.is_empty()
            && !found.iter().any(|c: &Candidate| c.household.id == h.id)
        {
            found.push(Candidate { same_persons: same_persons(&household, &h), household: h });
        }
    }
    drop(tx);
    if !found.is_empty() {
        let mut entry = audit_entry(Some(actor), app.now(), AuditAction::HouseholdSearch, "household");
        entry.detail = serde_json::json!({
            "criteria": ["merge"], "household_ids": found.iter().map(|c| c.household.id.0).collect::<Vec<_>>()
        });
        audit::log(&app.db, entry).await?;
    }
    Ok((household, found))
}

/// Members of `a` and `b` that may be one person.
fn same_persons(a: &Household, b: &Household) -> Vec<(PersonId, PersonId)> {
    let key = |p: &households::Person| (matching::fold(&p.given_name), matching::fold(&p.family_name), p.birth_date);
    let mut pairs = Vec::new();
    for x in &a.members {
        for y in &b.members {
            let same_bsn = x.bsn.is_some() && x.bsn == y.bsn;
            if same_bsn || key(x) == key(y) {
                pairs.push((x.id, y.id));
            }
        }
    }
    pairs
}

/// Merges household `input.merged_household_id` into `surviving` (a team manager of every
/// case of both): its members and cases move, it points at `surviving` from then on, and both
/// households (and every case that moved) get a `household.merged` row. Members who may be
/// the same person are both kept (decision 0020).
pub async fn merge_households(app: &App, actor: &Actor, surviving: HouseholdId, input: &MergeInput) -> Result<Merged> {
    let merged = merged_id(input)?;
    let owned = actor.clone();
    on_merge(app, actor, surviving, merged, move |tx, (s, m), now| {
        Box::pin(async move {
            let moved = store::merge(tx, s.id, m.id, now).await.map_err(|e| match e {
                buurtteam_store::StoreError::Concurrent => AppError::Conflict {
                    message: "one of the households was merged meanwhile; reload and try again".into(),
                    current_status: None,
                },
                other => other.into(),
            })?;
            let case_ids: Vec<i64> = moved.cases.iter().map(|c| c.0).collect();
            let entry = |object: &'static str, household: HouseholdId, detail: serde_json::Value| {
                let mut e = audit_entry(Some(&owned), now, AuditAction::HouseholdMerged, object);
                e.household_id = Some(household);
                e.detail = detail;
                e
            };
            let mut on_surviving = entry(
                "household",
                s.id,
                serde_json::json!({ "merged_from": m.id.0, "members": moved.members, "case_ids": case_ids }),
            );
            on_surviving.object_id = Some(s.id.0);
            audit::append(tx, &on_surviving).await?;
            let mut on_merged = entry("household", m.id, serde_json::json!({ "merged_into": s.id.0 }));
            on_merged.object_id = Some(m.id.0);
            audit::append(tx, &on_merged).await?;
            for case in &moved.cases {
                let mut on_case =
                    entry("case", s.id, serde_json::json!({ "merged_from": m.id.0, "merged_into": s.id.0 }));
                on_case.object_id = Some(case.0);
                on_case.case_id = Some(*case);
                audit::append(tx, &on_case).await?;
            }
            Ok(Merged { surviving: s.id, merged: m.id, members_moved: moved.members, cases_moved: moved.cases })
        })
    })
    .await
}

/// The admin log's filter, as the API and the page take it.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct AdminLogInput {
    /// From this day (`YYYY-MM-DD`, the organisation's time zone), inclusive.
    pub from: Option<String>,
    /// Until this day, inclusive.
    pub to: Option<String>,
    /// Only changes by this account (`actor_id` is accepted too, as the issue spells it).
    #[serde(rename = "actorId", alias = "actor_id")]
    pub actor_id: Option<i64>,
    /// Only this action (a dotted code, e.g. `team.created`).
    pub action: Option<String>,
    /// The page, from 1.
    pub page: Option<i64>,
}

/// The admin log's page size.
pub const LOG_PAGE: i64 = 50;

/// One page of the admin log.
#[derive(Debug, Clone)]
pub struct AdminLog {
    pub rows: Vec<store::LogRow>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    /// The accounts that made admin changes (for the actor filter).
    pub actors: Vec<(UserId, String)>,
    /// The admin change actions (for the action filter).
    pub actions: Vec<AuditAction>,
}

/// The admin log: changes made in the administration (`AuditAction::is_admin_change`), newest
/// first, paged; admins only. Never a read of client data.
pub async fn admin_log(app: &App, actor: &Actor, q: &AdminLogInput) -> Result<AdminLog> {
    authorise(app, actor, Relation::NoRecord, Action::ReadAdminLog, Attempt::new(Refused::Organisation, "admin_log"))
        .await?;
    let all: Vec<AuditAction> = AuditAction::ALL.iter().copied().filter(|a| a.is_admin_change()).collect();
    let mut errors = Errors::default();
    let from = input::optional_date(&mut errors, "from", q.from.as_deref());
    let to = input::optional_date(&mut errors, "to", q.to.as_deref());
    if let (Some(f), Some(t)) = (from, to)
        && t < f
    {
        errors.add("to", format!("lies before from ({f})")).code("before_from").arg("date", f);
    }
    let actions = match q.action.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        None => all.clone(),
        Some(code) => match AuditAction::parse(code).filter(|a| a.is_admin_change()) {
            Some(a) => vec![a],
            None => {
                let accepted = all.iter().map(|a| a.as_str()).collect::<Vec<_>>().join(", ");
                errors.add("action", format!("is not an admin change; one of: {accepted}")).code("unknown_choice");
                Vec::new()
            }
        },
    };
    let page = q.page.unwrap_or(1);
    if page < 1 {
        errors.add("page", "is 1 or more").code("invalid");
    }
    errors.finish()?;
    let tz = app.settings.time_zone.clone();
    let start = |d: jiff::civil::Date| d.to_zoned(tz.clone()).map(|z| z.timestamp()).ok();
    let query = LogQuery {
        from: from.and_then(start),
        until: to.and_then(|t| t.tomorrow().ok()).and_then(start),
        actor: q.actor_id.map(UserId),
        actions,
        limit: LOG_PAGE,
        offset: (page - 1).saturating_mul(LOG_PAGE),
    };
    let mut tx = app.db.begin_read().await?;
    let (rows, total) = store::log(&mut tx, &query).await?;
    let actors = store::log_actors(&mut tx, &all).await?;
    Ok(AdminLog { rows, total, page, pages: (total + LOG_PAGE - 1) / LOG_PAGE, actors, actions: all })
}

/// The before and after of an admin change's stored detail. A row written before the admin
/// log had this shape holds the fields as they became: all of it counts as `after`.
pub fn before_after(detail: &str) -> (serde_json::Value, serde_json::Value) {
    let detail: serde_json::Value = serde_json::from_str(detail).unwrap_or_default();
    match detail.as_object() {
        Some(map) if map.contains_key("before") || map.contains_key("after") => {
            (map.get("before").cloned().unwrap_or_default(), map.get("after").cloned().unwrap_or_default())
        }
        _ => (serde_json::Value::Null, detail),
    }
}

/// One repair, as the admin overview shows it: ids, counts and codes, never client data.
#[derive(Debug, Clone)]
pub struct RepairRow {
    pub occurred_at: Timestamp,
    pub actor_name: Option<String>,
    pub action: AuditAction,
    /// The case voided, or the household that remained.
    pub object_id: Option<i64>,
    /// A void's reason code.
    pub reason_code: Option<VoidReason>,
    /// A merge: the household merged away, members and cases moved.
    pub merged_from: Option<i64>,
    pub members: Option<i64>,
    pub cases: Option<i64>,
}

/// The repairs made (voids and merges), newest first, at most `limit`: for admins, who are
/// asked about them but never see whose records they were.
pub async fn repairs(app: &App, actor: &Actor, limit: i64) -> Result<Vec<RepairRow>> {
    authorise(app, actor, Relation::NoRecord, Action::ReadAdminLog, Attempt::new(Refused::Organisation, "repairs"))
        .await?;
    let mut tx = app.db.begin_read().await?;
    let query = LogQuery {
        actions: vec![AuditAction::CaseVoided, AuditAction::HouseholdMerged],
        limit: limit.saturating_mul(4),
        ..LogQuery::default()
    };
    let (rows, _) = store::log(&mut tx, &query).await?;
    let mut out = Vec::new();
    for r in rows {
        let detail: serde_json::Value = serde_json::from_str(&r.detail).unwrap_or_default();
        let int = |k: &str| detail.get(k).and_then(serde_json::Value::as_i64);
        let Some(action) = AuditAction::parse(&r.action) else { continue };
        // A merge shows once, on the household that remained.
        if action == AuditAction::HouseholdMerged && (r.object_type != "household" || int("merged_from").is_none()) {
            continue;
        }
        out.push(RepairRow {
            occurred_at: r.occurred_at,
            actor_name: r.actor_name,
            action,
            object_id: r.object_id,
            reason_code: detail.get("reason_code").and_then(|c| c.as_str()).and_then(VoidReason::parse),
            merged_from: int("merged_from"),
            members: int("members"),
            cases: detail.get("case_ids").and_then(|c| c.as_array()).map(|a| a.len() as i64),
        });
        if out.len() as i64 >= limit {
            break;
        }
    }
    Ok(out)
}
