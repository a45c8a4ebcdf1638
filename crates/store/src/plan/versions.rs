//! The versions of the plan and agreements to them.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::ids::{CaseId, GoalId, PersonId, UserId};
use jiff::Timestamp;

use crate::{Result, StoreError, Tx, sql_ts};

use super::Ts;
use super::goals::author;
use super::rows::Version;

/// One change of a plan, as its version records it.
pub struct Change<'a> {
    pub case: CaseId,
    pub by: UserId,
    /// What changed, stored as its audit code such as `goal.added`.
    pub change: AuditAction,
    pub goal: Option<GoalId>,
    pub before: Option<&'a serde_json::Value>,
    pub after: Option<&'a serde_json::Value>,
}

/// Records a change of the plan as its next version and returns that version number.
pub async fn record_version(tx: &mut Tx, ch: &Change<'_>, now: Timestamp) -> Result<i64> {
    // The UPDATE takes the case's row lock (PostgreSQL), so two changes never get one number.
    let version: i64 = on!(tx, |c| sqlx::query_scalar(
        "UPDATE cases SET plan_version = plan_version + 1, updated_at = $2 WHERE id = $1 RETURNING plan_version"
    )
    .bind(ch.case.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    exec!(tx, |c| {
        sqlx::query(
        "INSERT INTO plan_versions (case_id, version, changed_by, change, goal_id, state_before, state_after, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
    )
    .bind(ch.case.0)
    .bind(version)
    .bind(ch.by.0)
    .bind(ch.change.as_str())
    .bind(ch.goal.map(|g| g.0))
    .bind(ch.before.map(|v| v.to_string()))
    .bind(ch.after.map(|v| v.to_string()))
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await
    })?;
    Ok(version)
}

/// Every version of the plan, newest first.
pub async fn versions(tx: &mut Tx, case: CaseId) -> Result<Vec<Version>> {
    type Row = (i64, i64, String, String, String, Option<i64>, Option<String>, Option<String>, Ts);
    let rows: Vec<Row> = on!(tx, |c| sqlx::query_as(
        "SELECT v.version, u.id, u.name, u.role, v.change, v.goal_id, v.state_before, v.state_after, v.created_at \
         FROM plan_versions v JOIN users u ON u.id = v.changed_by WHERE v.case_id = $1 ORDER BY v.version DESC"
    )
    .bind(case.0)
    .fetch_all(&mut *c)
    .await)?;
    let json = |s: Option<String>| -> Result<Option<serde_json::Value>> {
        s.map(|s| serde_json::from_str(&s).map_err(|e| StoreError::Corrupt(format!("plan_versions: {e}")))).transpose()
    };
    rows.into_iter()
        .map(|r| {
            Ok(Version {
                version: r.0,
                changed_by: author(r.1, r.2, &r.3)?,
                change: r.4,
                goal_id: r.5.map(GoalId),
                state_before: json(r.6)?,
                state_after: json(r.7)?,
                created_at: r.8.to_jiff(),
            })
        })
        .collect()
}

pub async fn insert_agreement(
    tx: &mut Tx,
    case: CaseId,
    version: i64,
    person: PersonId,
    by: UserId,
    now: Timestamp,
) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "INSERT INTO plan_agreements (case_id, version, person_id, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5)"
    )
    .bind(case.0)
    .bind(version)
    .bind(person.0)
    .bind(by.0)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    Ok(())
}
