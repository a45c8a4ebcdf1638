//! Retention and destruction (decision 0024): destroying a file whose retention has passed
//! (the daily job `retention.destroy`) or on a granted request, in one transaction each:
//! content deleted, the tombstone left, the audit rows pseudonymised, one `case.destroyed`
//! row appended; and legal holds, which keep a file past its retention.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::ids::CaseId;
use buurtteam_domain::policy::{Action, Actor};
use buurtteam_domain::retention::{self as rules, DestructionReason};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit::{self, chain};
use buurtteam_store::destruction::requests::{self as holds_store, LegalHold};
use buurtteam_store::destruction::{self as store, Destruction, FileFacts, Tombstone, TombstoneRow};
use buurtteam_store::{StoreError, Tx};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Deserialize;

use crate::organisation::organisation_wide;
use crate::{App, AppError, Result, audit_entry, input};

/// The day a file last changed: the latest of what was written to it (in the organisation's
/// time zone) and the dates recorded in it, never before its referral.
pub(crate) fn last_change_on(app: &App, facts: &FileFacts) -> Date {
    let written = facts.last_written_at.map(|t| t.to_zoned(app.settings.time_zone.clone()).date());
    [Some(facts.referred_on), written, facts.last_dated_on].into_iter().flatten().max().unwrap_or(facts.referred_on)
}

/// The retention of a file on `today`, its holds considered.
pub(crate) async fn retention_of(tx: &mut Tx, app: &App, facts: &FileFacts, today: Date) -> Result<rules::Retention> {
    let holds: Vec<rules::Hold> = holds_store::holds_of(tx, facts.case_id).await?.iter().map(LegalHold::rule).collect();
    Ok(rules::retention(last_change_on(app, facts), app.settings.retention_years, &holds, today))
}

/// Destroys the file `facts` in `tx`: deletes its content (and its household when no other
/// case of it remains), leaves the tombstone, pseudonymises the audit rows of the case and of
/// every destroyed household, and appends one `case.destroyed` row (by `actor`, or the job
/// when `None`) whose detail names no person. The chain verifies afterwards.
pub(crate) async fn destroy_file(
    tx: &mut Tx,
    app: &App,
    facts: &FileFacts,
    reason: DestructionReason,
    actor: Option<&Actor>,
    request_id: Option<i64>,
    now: Timestamp,
) -> Result<Tombstone> {
    let how = Destruction {
        reason,
        request_id,
        by: actor.map(|a| a.user_id),
        at: now,
        last_change_on: last_change_on(app, facts),
    };
    let tombstone = store::destroy(tx, facts, how).await?;
    chain::pseudonymise(tx, chain::Scope::Case(facts.case_id), now).await?;
    for h in &tombstone.households {
        chain::pseudonymise(tx, chain::Scope::Household(*h), now).await?;
    }
    let mut entry = audit_entry(actor, now, AuditAction::CaseDestroyed, "case");
    entry.object_id = Some(facts.case_id.0);
    entry.case_id = Some(facts.case_id);
    entry.household_id = Some(facts.household_id);
    entry.detail = serde_json::json!({
        "reason": reason.code(),
        "tombstone_id": tombstone.id,
        "request_id": request_id,
        "household_destroyed": !tombstone.households.is_empty(),
        "deleted": tombstone.counts,
    });
    audit::append(tx, &entry).await?;
    // Kept outside the database: after a restore from an older backup, this line says which
    // files to destroy again (decision 0024, "Backups").
    tracing::info!(file = facts.case_id.0, reason = reason.code(), request = ?request_id, "file destroyed");
    Ok(tombstone)
}

/// How many ended files the job looks at per run (the rest follow the next day).
const JOB_BATCH: i64 = 500;

/// The scheduled job `retention.destroy` (daily): first destroys again every tombstoned file
/// whose case has come back (a backup restored from before its destruction), then every closed
/// file past its retention without an active legal hold, each in its own transaction.
pub async fn destroy_due(app: &App) -> Result<String> {
    let today = app.today();
    let mut tx = app.db.begin_read().await?;
    let restored = store::restored_after_destruction(&mut tx).await?;
    let ended_by = today.checked_sub(jiff::Span::new().years(i64::from(app.settings.retention_years))).unwrap_or(today);
    let candidates = store::ended_by(&mut tx, ended_by, JOB_BATCH).await?;
    tx.commit().await?;

    let mut again = 0;
    for id in restored {
        if destroy_if(app, id, true).await? {
            again += 1;
        }
    }
    let mut destroyed = 0;
    for id in candidates {
        if destroy_if(app, id, false).await? {
            destroyed += 1;
        }
    }
    Ok(if again > 0 {
        format!("{destroyed} files destroyed; {again} restored files destroyed again")
    } else {
        format!("{destroyed} files destroyed")
    })
}

/// Destroys case `id` by the job when it is due (or, `restored`, when it was destroyed before);
/// whether it did.
async fn destroy_if(app: &App, id: CaseId, restored: bool) -> Result<bool> {
    let owned = app.clone();
    app.db
        .write(move |tx| {
            Box::pin(async move {
                let app = &owned;
                let Some(facts) = store::facts(tx, id).await? else { return Ok(false) };
                let now = app.now();
                if !restored {
                    let retention = retention_of(tx, app, &facts, app.today()).await?;
                    if !rules::due_for_destruction(facts.ended_on.is_some(), retention, app.today()) {
                        return Ok(false);
                    }
                }
                destroy_file(tx, app, &facts, DestructionReason::RetentionExpired, None, None, now).await?;
                Ok::<_, AppError>(true)
            })
        })
        .await
}

/// The most characters of a hold's reason.
pub const MAX_HOLD_REASON: usize = 1000;

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HoldInput {
    /// The file (case) number. Required.
    pub case_id: Option<i64>,
    /// Why the file must be kept (a court case, a complaint, an inquiry). Required.
    pub reason: Option<String>,
    /// The last day the hold keeps the file, `YYYY-MM-DD`; absent: until it is lifted.
    pub until: Option<String>,
}

/// Places a legal hold on a file (the privacy officer): it is kept past its retention, until
/// the hold's end or until it is lifted.
pub async fn place_hold(app: &App, actor: &Actor, input: &HoldInput) -> Result<LegalHold> {
    organisation_wide(app, actor, Action::ReviewPrivacy, "legal_hold").await?;
    let today = app.today();
    let mut errors = Errors::default();
    let case = input::id(&mut errors, "case_id", input.case_id);
    let reason = input::long_text(&mut errors, "reason", input.reason.as_deref(), MAX_HOLD_REASON);
    let until = input::optional_planned_date(&mut errors, "until", input.until.as_deref(), today);
    if until.is_some_and(|u| u < today) {
        errors.add("until", "lies in the past: a hold keeps a file from today on").code("date_too_early");
    }
    errors.finish()?;
    let (case, reason) = (CaseId(case.unwrap_or_default()), reason.unwrap_or_default());
    let owned = actor.clone();
    let now = app.now();
    app.db
        .write(move |tx| {
            Box::pin(async move {
                let Some(facts) = store::facts(tx, case).await? else { return Err(AppError::NotFound("case")) };
                let id = holds_store::place_hold(tx, case, &reason, until, owned.user_id, now).await?;
                let mut entry = audit_entry(Some(&owned), now, AuditAction::LegalHoldPlaced, "legal_hold");
                entry.object_id = Some(id);
                entry.case_id = Some(case);
                entry.household_id = Some(facts.household_id);
                entry.detail = serde_json::json!({ "until": until.map(|d| d.to_string()) });
                audit::append(tx, &entry).await?;
                let holds = holds_store::holds_of(tx, case).await?;
                holds.into_iter().find(|h| h.id == id).ok_or(AppError::NotFound("legal hold"))
            })
        })
        .await
}

/// Lifts a legal hold (the privacy officer); the file's retention is its own again.
pub async fn lift_hold(app: &App, actor: &Actor, id: i64) -> Result<LegalHold> {
    organisation_wide(app, actor, Action::ReviewPrivacy, "legal_hold").await?;
    let owned = actor.clone();
    let now = app.now();
    app.db
        .write(move |tx| {
            Box::pin(async move {
                let hold = holds_store::lift_hold(tx, id, owned.user_id, now)
                    .await?
                    .ok_or(AppError::NotFound("legal hold"))?;
                let mut entry = audit_entry(Some(&owned), now, AuditAction::LegalHoldLifted, "legal_hold");
                entry.object_id = Some(id);
                entry.case_id = Some(hold.case_id);
                entry.household_id = store::facts(tx, hold.case_id).await?.map(|f| f.household_id);
                audit::append(tx, &entry).await?;
                Ok(hold)
            })
        })
        .await
}

/// The holds not lifted, newest first (the privacy officer).
pub async fn active_holds(app: &App, actor: &Actor) -> Result<Vec<LegalHold>> {
    organisation_wide(app, actor, Action::ReviewPrivacy, "legal_hold").await?;
    let mut tx = app.db.begin_read().await?;
    Ok(holds_store::active_holds(&mut tx, 200).await?)
}

/// The most recent tombstones (the privacy officer): file numbers and dates, no content.
pub async fn tombstones(app: &App, actor: &Actor) -> Result<Vec<TombstoneRow>> {
    organisation_wide(app, actor, Action::ReviewPrivacy, "tombstone").await?;
    let mut tx = app.db.begin_read().await?;
    Ok(store::tombstones(&mut tx, 50).await?)
}

/// A concurrent change became a conflict the user can act on.
pub(crate) fn concurrent(e: StoreError) -> AppError {
    match e {
        StoreError::Concurrent => AppError::Conflict {
            message: "the request was decided by someone else meanwhile; reload it".into(),
            current_status: None,
        },
        other => other.into(),
    }
}
