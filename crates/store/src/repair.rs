//! Data repair (decision 0020): voiding a referral registered by mistake, merging a household
//! registered twice into the other record, and reading the admin log.
//!
//! The store only writes what it is told; who may repair what is decided in `app::repair`.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::case::CaseStatus;
use buurtteam_domain::codes::VoidReason;
use buurtteam_domain::ids::{CaseId, HouseholdId, UserId};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, StoreError, Tx, sql_date, sql_ts};

/// Marks case `id` voided, if it is still at `expected` and not voided yet (else
/// `Concurrent`). Its next deadline goes, so nothing falls due for it any more.
pub async fn void(
    tx: &mut Tx,
    id: CaseId,
    expected: CaseStatus,
    by: UserId,
    (code, reason): (VoidReason, &str),
    (today, now): (Date, Timestamp),
) -> Result<()> {
    let done = exec!(tx, |c| sqlx::query(
        "UPDATE cases SET voided_on = $3, voided_at = $4, voided_by = $5, void_reason_code = $6, void_reason = $7, \
         next_due_on = NULL, updated_at = $4 WHERE id = $1 AND status = $2 AND voided_on IS NULL"
    )
    .bind(id.0)
    .bind(expected.code())
    .bind(sql_date(today))
    .bind(sql_ts(now))
    .bind(by.0)
    .bind(code.code())
    .bind(reason)
    .execute(&mut *c)
    .await)?;
    if done == 1 { Ok(()) } else { Err(StoreError::Concurrent) }
}

/// Whether the household exists, and the household it was merged into, if it was.
pub async fn merged_into(tx: &mut Tx, id: HouseholdId) -> Result<Option<Option<HouseholdId>>> {
    let row: Option<Option<i64>> = on!(tx, |c| sqlx::query_scalar("SELECT merged_into FROM households WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut *c)
        .await)?;
    Ok(row.map(|m| m.map(HouseholdId)))
}

/// The household that `id` lives on as: itself, or the one it was merged into (followed to
/// the end, at most a few steps; a cycle the code never writes stops where it started).
pub async fn surviving(tx: &mut Tx, id: HouseholdId) -> Result<HouseholdId> {
    let mut at = id;
    for _ in 0..16 {
        match merged_into(tx, at).await? {
            Some(Some(next)) if next != id => at = next,
            _ => break,
        }
    }
    Ok(at)
}

/// What a merge moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    pub members: i64,
    pub cases: Vec<CaseId>,
}

/// Moves the members and cases of `merged` to `surviving` and points `merged` at it. The
/// caller has checked both exist and neither was merged away (`Concurrent` if one was since).
pub async fn merge(tx: &mut Tx, surviving: HouseholdId, merged: HouseholdId, now: Timestamp) -> Result<Moved> {
    let done = exec!(tx, |c| sqlx::query(
        "UPDATE households SET merged_into = $2, merged_at = $3 WHERE id = $1 AND merged_into IS NULL \
         AND EXISTS (SELECT 1 FROM households s WHERE s.id = $2 AND s.merged_into IS NULL)"
    )
    .bind(merged.0)
    .bind(surviving.0)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    if done != 1 {
        return Err(StoreError::Concurrent);
    }
    let cases: Vec<i64> = on!(tx, |c| sqlx::query_scalar("SELECT id FROM cases WHERE household_id = $1 ORDER BY id")
        .bind(merged.0)
        .fetch_all(&mut *c)
        .await)?;
    exec!(tx, |c| sqlx::query("UPDATE cases SET household_id = $2, updated_at = $3 WHERE household_id = $1")
        .bind(merged.0)
        .bind(surviving.0)
        .bind(sql_ts(now))
        .execute(&mut *c)
        .await)?;
    let members = exec!(tx, |c| sqlx::query("UPDATE persons SET household_id = $2 WHERE household_id = $1")
        .bind(merged.0)
        .bind(surviving.0)
        .execute(&mut *c)
        .await)?;
    Ok(Moved { members: i64::try_from(members).unwrap_or(i64::MAX), cases: cases.into_iter().map(CaseId).collect() })
}

/// A filter on the admin log.
#[derive(Debug, Clone, Default)]
pub struct LogQuery {
    /// From this moment on (inclusive) ...
    pub from: Option<Timestamp>,
    /// ... until this moment (exclusive).
    pub until: Option<Timestamp>,
    pub actor: Option<UserId>,
    /// Only these actions; every one must be listed by the caller (never user text).
    pub actions: Vec<AuditAction>,
    pub limit: i64,
    pub offset: i64,
}

/// A row of the admin log, with the actor's name.
#[derive(Debug, Clone, PartialEq)]
pub struct LogRow {
    pub id: i64,
    pub occurred_at: Timestamp,
    pub actor_user_id: Option<UserId>,
    pub actor_name: Option<String>,
    pub actor_role: Option<String>,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<i64>,
    pub detail: String,
}

/// The rows of `q.actions` in the period, by the actor, newest first, with the number of
/// rows matching in all. The actions are codes of the enum, written into the text; the
/// rest is bound.
pub async fn log(tx: &mut Tx, q: &LogQuery) -> Result<(Vec<LogRow>, i64)> {
    if q.actions.is_empty() {
        return Ok((Vec::new(), 0));
    }
    let codes = q.actions.iter().map(|a| format!("'{}'", a.as_str())).collect::<Vec<_>>().join(", ");
    let filter = format!(
        "WHERE a.action IN ({codes}) AND ($1 IS NULL OR a.occurred_at >= $1) AND ($2 IS NULL OR a.occurred_at < $2) \
         AND ($3 IS NULL OR a.actor_user_id = $3)"
    );
    let sql = format!(
        "SELECT a.id, a.occurred_at, a.actor_user_id, u.name, a.actor_role, a.action, a.object_type, a.object_id, \
         a.detail, COUNT(*) OVER () FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id {filter} \
         ORDER BY a.id DESC LIMIT $4 OFFSET $5"
    );
    type Raw = (
        i64,
        jiff_sqlx::Timestamp,
        Option<i64>,
        Option<String>,
        Option<String>,
        String,
        String,
        Option<i64>,
        String,
        i64,
    );
    let (from, until) = (q.from.map(sql_ts), q.until.map(sql_ts));
    let raw: Vec<Raw> = on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
        .bind(from)
        .bind(until)
        .bind(q.actor.map(|u| u.0))
        .bind(q.limit)
        .bind(q.offset)
        .fetch_all(&mut *c)
        .await)?;
    let mut total = raw.first().map_or(0, |r| r.9);
    if raw.is_empty() && q.offset > 0 {
        // Past the last page: count on its own, so the pager can still say how many there are.
        let count = format!("SELECT COUNT(*) FROM audit_log a {filter}");
        total = on!(tx, |c| sqlx::query_scalar(sqlx::AssertSqlSafe(count.as_str()))
            .bind(from)
            .bind(until)
            .bind(q.actor.map(|u| u.0))
            .fetch_one(&mut *c)
            .await)?;
    }
    let rows = raw
        .into_iter()
        .map(|(id, at, user, name, role, action, object_type, object_id, detail, _)| LogRow {
            id,
            occurred_at: at.to_jiff(),
            actor_user_id: user.map(UserId),
            actor_name: name,
            actor_role: role,
            action,
            object_type,
            object_id,
            detail,
        })
        .collect();
    Ok((rows, total))
}

/// The accounts that appear as actors of `actions`, by name: the admin log's actor filter.
pub async fn log_actors(tx: &mut Tx, actions: &[AuditAction]) -> Result<Vec<(UserId, String)>> {
    if actions.is_empty() {
        return Ok(Vec::new());
    }
    let codes = actions.iter().map(|a| format!("'{}'", a.as_str())).collect::<Vec<_>>().join(", ");
    let sql = format!(
        "SELECT u.id, u.name FROM users u WHERE EXISTS \
         (SELECT 1 FROM audit_log a WHERE a.actor_user_id = u.id AND a.action IN ({codes})) ORDER BY u.name, u.id"
    );
    let rows: Vec<(i64, String)> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(|(id, name)| (UserId(id), name)).collect())
}
