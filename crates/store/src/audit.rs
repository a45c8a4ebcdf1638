//! The audit log: one append-only row per read of a client file and per change of client
//! data, written in the same transaction as what it records. Database triggers refuse
//! updates and deletes of these rows on both backends.

use buurtteam_domain::codes::Role;
use buurtteam_domain::ids::{CaseId, HouseholdId, UserId};
use jiff::Timestamp;

use crate::{Db, Result, Tx, sql_ts};

/// One event. `action` is a stable dotted code such as `case.read` or `case.intake_held`.
#[derive(Debug, Clone)]
pub struct Entry {
    pub occurred_at: Timestamp,
    /// `None` for the system itself (e.g. the CLI creating the first admin).
    pub actor: Option<(UserId, Role)>,
    pub action: &'static str,
    pub object_type: &'static str,
    pub object_id: Option<i64>,
    pub case_id: Option<CaseId>,
    pub household_id: Option<HouseholdId>,
    pub detail: serde_json::Value,
}

pub async fn append(tx: &mut Tx, e: &Entry) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "INSERT INTO audit_log (occurred_at, actor_user_id, actor_role, action, object_type, object_id, \
         case_id, household_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    )
    .bind(sql_ts(e.occurred_at))
    .bind(e.actor.map(|(u, _)| u.0))
    .bind(e.actor.map(|(_, r)| r.code()))
    .bind(e.action)
    .bind(e.object_type)
    .bind(e.object_id)
    .bind(e.case_id.map(|c| c.0))
    .bind(e.household_id.map(|h| h.0))
    .bind(e.detail.to_string())
    .execute(&mut *c)
    .await)?;
    Ok(())
}

/// A stored audit row, as shown to those allowed to read the log.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: i64,
    pub occurred_at: Timestamp,
    pub actor_user_id: Option<UserId>,
    pub actor_role: Option<String>,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<i64>,
    pub detail: String,
}

type RawRow = (i64, jiff_sqlx::Timestamp, Option<i64>, Option<String>, String, String, Option<i64>, String);

/// The log of one case, oldest first.
pub async fn for_case(tx: &mut Tx, case: CaseId) -> Result<Vec<Row>> {
    let rows: Vec<RawRow> = on!(tx, |c| sqlx::query_as(
        "SELECT id, occurred_at, actor_user_id, actor_role, action, object_type, object_id, detail \
         FROM audit_log WHERE case_id = $1 ORDER BY id"
    )
    .bind(case.0)
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows
        .into_iter()
        .map(|(id, at, user, role, action, object_type, object_id, detail)| Row {
            id,
            occurred_at: at.to_jiff(),
            actor_user_id: user.map(UserId),
            actor_role: role,
            action,
            object_type,
            object_id,
            detail,
        })
        .collect())
}

/// Appends `entry` in a transaction of its own (grouped with other writes on SQLite) and
/// returns once it is durable: how reads of client files are logged before they are served.
pub async fn log(db: &Db, entry: Entry) -> Result<()> {
    db.write(move |tx| Box::pin(async move { append(tx, &entry).await })).await
}
