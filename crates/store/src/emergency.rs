//! Emergency access (decision 0023): the grants, the reads counted under them, the privacy
//! officer's reviews, and what the reports of unusual access read from the audit log.
//!
//! The store only writes and reads what it is told; whether a grant is active, and what it
//! allows, is decided in `domain::policy` and `app::privacy::emergency`.

use buurtteam_domain::ids::{CaseId, HouseholdId, TeamId, UserId};
use jiff::Timestamp;

use crate::{Result, Tx, sql_ts};

/// A grant to record.
pub struct NewGrant<'a> {
    pub user: UserId,
    pub case: CaseId,
    pub team: TeamId,
    pub reason: &'a str,
    pub granted_at: Timestamp,
    pub ends_at: Timestamp,
}

/// Records a grant; returns its id.
pub async fn insert(tx: &mut Tx, g: &NewGrant<'_>) -> Result<i64> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO emergency_grants (user_id, case_id, team_id, reason, granted_at, ends_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id"
    )
    .bind(g.user.0)
    .bind(g.case.0)
    .bind(g.team.0)
    .bind(g.reason)
    .bind(sql_ts(g.granted_at))
    .bind(sql_ts(g.ends_at))
    .fetch_one(&mut *c)
    .await)?;
    Ok(id)
}

/// The grant of `user` on `case` that ends last, as (grant id, ends at), whether or not it is
/// still active (the caller decides that with the clock).
pub async fn latest(tx: &mut Tx, user: UserId, case: CaseId) -> Result<Option<(i64, Timestamp)>> {
    let rows: Vec<(i64, jiff_sqlx::Timestamp)> = on!(tx, |c| sqlx::query_as(
        "SELECT id, ends_at FROM emergency_grants WHERE user_id = $1 AND case_id = $2 ORDER BY id DESC LIMIT 20"
    )
    .bind(user.0)
    .bind(case.0)
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows.into_iter().map(|(id, t)| (id, t.to_jiff())).max_by_key(|(_, t)| *t))
}

/// The grants of `user` on the cases of household `household`, as (grant id, case, ends at).
pub async fn of_household(tx: &mut Tx, user: UserId, household: HouseholdId) -> Result<Vec<(i64, CaseId, Timestamp)>> {
    let rows: Vec<(i64, i64, jiff_sqlx::Timestamp)> = on!(tx, |c| sqlx::query_as(
        "SELECT g.id, g.case_id, g.ends_at FROM emergency_grants g JOIN cases c ON c.id = g.case_id \
         WHERE g.user_id = $1 AND c.household_id = $2 ORDER BY g.id DESC LIMIT 50"
    )
    .bind(user.0)
    .bind(household.0)
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows.into_iter().map(|(id, case, t)| (id, CaseId(case), t.to_jiff())).collect())
}

/// Counts one read under grant `id`.
pub async fn count_read(tx: &mut Tx, id: i64) -> Result<()> {
    exec!(tx, |c| sqlx::query("UPDATE emergency_grants SET reads = reads + 1 WHERE id = $1")
        .bind(id)
        .execute(&mut *c)
        .await)?;
    Ok(())
}

/// A grant as the privacy officer sees it: who, which case and team, why, when, how many reads,
/// and the review. Nothing of the case's content.
#[derive(Debug, Clone, PartialEq)]
pub struct Grant {
    pub id: i64,
    pub user: UserId,
    pub user_name: String,
    pub case: CaseId,
    pub team: TeamId,
    pub team_name: String,
    pub reason: String,
    pub granted_at: Timestamp,
    pub ends_at: Timestamp,
    pub reads: i64,
    pub review: Option<Review>,
}

/// The privacy officer's review of a grant or a report row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub justified: bool,
    pub note: String,
    pub by: UserId,
    pub by_name: String,
    pub at: Timestamp,
}

type GrantRow = (
    i64,
    i64,
    String,
    i64,
    i64,
    String,
    String,
    jiff_sqlx::Timestamp,
    jiff_sqlx::Timestamp,
    i64,
    Option<bool>,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<jiff_sqlx::Timestamp>,
);

const GRANT_COLUMNS: &str = "SELECT g.id, g.user_id, u.name, g.case_id, g.team_id, t.name, g.reason, g.granted_at, \
     g.ends_at, g.reads, g.justified, g.review_note, g.reviewed_by, r.name, g.reviewed_at FROM emergency_grants g \
     JOIN users u ON u.id = g.user_id JOIN teams t ON t.id = g.team_id LEFT JOIN users r ON r.id = g.reviewed_by";

fn grant(row: GrantRow) -> Grant {
    let (
        id,
        user,
        user_name,
        case,
        team,
        team_name,
        reason,
        granted_at,
        ends_at,
        reads,
        justified,
        note,
        by,
        by_name,
        at,
    ) = row;
    let review = match (justified, by, at) {
        (Some(justified), Some(by), Some(at)) => Some(Review {
            justified,
            note: note.unwrap_or_default(),
            by: UserId(by),
            by_name: by_name.unwrap_or_default(),
            at: at.to_jiff(),
        }),
        _ => None,
    };
    Grant {
        id,
        user: UserId(user),
        user_name,
        case: CaseId(case),
        team: TeamId(team),
        team_name,
        reason,
        granted_at: granted_at.to_jiff(),
        ends_at: ends_at.to_jiff(),
        reads,
        review,
    }
}

/// Every grant, those not yet reviewed first, then the most recent first (at most `limit`).
pub async fn list(tx: &mut Tx, limit: i64) -> Result<Vec<Grant>> {
    let sql = format!(
        "{GRANT_COLUMNS} ORDER BY CASE WHEN g.reviewed_at IS NULL THEN 0 ELSE 1 END, g.granted_at DESC, g.id DESC \
         LIMIT $1"
    );
    let rows: Vec<GrantRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(limit).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(grant).collect())
}

/// One grant.
pub async fn get(tx: &mut Tx, id: i64) -> Result<Option<Grant>> {
    let sql = format!("{GRANT_COLUMNS} WHERE g.id = $1");
    let row: Option<GrantRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(&mut *c).await)?;
    Ok(row.map(grant))
}

/// Records the review of grant `id` (a later review replaces an earlier one; each is audited).
/// Returns whether the grant exists.
pub async fn review(tx: &mut Tx, id: i64, by: UserId, justified: bool, note: &str, now: Timestamp) -> Result<bool> {
    let done = exec!(tx, |c| {
        sqlx::query(
        "UPDATE emergency_grants SET justified = $2, review_note = $3, reviewed_by = $4, reviewed_at = $5 WHERE id = $1"
    )
    .bind(id)
    .bind(justified)
    .bind(note)
    .bind(by.0)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await
    })?;
    Ok(done == 1)
}

/// A read of a case file by staff, from the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRead {
    pub user: UserId,
    pub case: CaseId,
    pub household: HouseholdId,
    pub at: Timestamp,
}

/// The reads of case files (`case.read`) by family workers and team managers in `[from, to)`,
/// oldest first (at most `limit`).
pub async fn case_reads(tx: &mut Tx, from: Timestamp, to: Timestamp, limit: i64) -> Result<Vec<CaseRead>> {
    let rows: Vec<(i64, i64, i64, jiff_sqlx::Timestamp)> = on!(tx, |c| sqlx::query_as(
        "SELECT actor_user_id, case_id, household_id, occurred_at FROM audit_log WHERE action = 'case.read' \
         AND actor_role IN ('family_worker', 'team_manager') AND actor_user_id IS NOT NULL \
         AND case_id IS NOT NULL AND household_id IS NOT NULL AND occurred_at >= $1 AND occurred_at < $2 \
         ORDER BY occurred_at, id LIMIT $3"
    )
    .bind(sql_ts(from))
    .bind(sql_ts(to))
    .bind(limit)
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows
        .into_iter()
        .map(|(u, c, h, at)| CaseRead { user: UserId(u), case: CaseId(c), household: HouseholdId(h), at: at.to_jiff() })
        .collect())
}

/// The recorded family names of the members of these households, as (household, family name).
pub async fn family_names(tx: &mut Tx, households: &[HouseholdId]) -> Result<Vec<(HouseholdId, String)>> {
    let mut out = Vec::new();
    for chunk in households.chunks(500) {
        // Integers only: formatted from typed ids, never from input.
        let ids = chunk.iter().map(|h| h.0.to_string()).collect::<Vec<_>>().join(", ");
        let sql = format!("SELECT household_id, family_name FROM persons WHERE household_id IN ({ids})");
        let rows: Vec<(i64, String)> =
            on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).fetch_all(&mut *c).await)?;
        out.extend(rows.into_iter().map(|(h, n)| (HouseholdId(h), n)));
    }
    Ok(out)
}

/// Staff names by id, with the teams each works in or manages.
pub async fn staff(tx: &mut Tx) -> Result<Vec<(UserId, String, Vec<TeamId>)>> {
    let rows: Vec<(i64, String, Option<i64>)> = on!(tx, |c| sqlx::query_as(
        "SELECT u.id, u.name, m.team_id FROM users u LEFT JOIN team_members m ON m.user_id = u.id \
         WHERE u.role IN ('family_worker', 'team_manager') ORDER BY u.id"
    )
    .fetch_all(&mut *c)
    .await)?;
    let mut out: Vec<(UserId, String, Vec<TeamId>)> = Vec::new();
    for (id, name, team) in rows {
        match out.last_mut() {
            Some((last, _, teams)) if last.0 == id => teams.extend(team.map(TeamId)),
            _ => out.push((UserId(id), name, team.map(TeamId).into_iter().collect())),
        }
    }
    Ok(out)
}

/// The name of a user.
pub async fn user_name(tx: &mut Tx, id: UserId) -> Result<Option<String>> {
    Ok(on!(tx, |c| sqlx::query_scalar("SELECT name FROM users WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut *c)
        .await)?)
}

/// A report row's review, keyed by (kind, staff member, subject).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportReview {
    pub kind: String,
    pub user: UserId,
    pub subject: String,
    pub review: Review,
}

/// The reviews of report rows.
pub async fn report_reviews(tx: &mut Tx) -> Result<Vec<ReportReview>> {
    type Row = (String, i64, String, bool, String, i64, String, jiff_sqlx::Timestamp);
    let rows: Vec<Row> = on!(tx, |c| sqlx::query_as(
        "SELECT v.kind, v.user_id, v.subject, v.justified, v.note, v.reviewed_by, r.name, v.reviewed_at \
         FROM unusual_access_reviews v JOIN users r ON r.id = v.reviewed_by ORDER BY v.id"
    )
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows
        .into_iter()
        .map(|(kind, user, subject, justified, note, by, by_name, at)| ReportReview {
            kind,
            user: UserId(user),
            subject,
            review: Review { justified, note, by: UserId(by), by_name, at: at.to_jiff() },
        })
        .collect())
}

/// Records the review of a report row (a later review of the same row replaces the earlier).
pub async fn review_report(
    tx: &mut Tx,
    (kind, user, subject): (&str, UserId, &str),
    by: UserId,
    justified: bool,
    note: &str,
    now: Timestamp,
) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "INSERT INTO unusual_access_reviews (kind, user_id, subject, justified, note, reviewed_by, reviewed_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (kind, user_id, subject) DO UPDATE SET \
         justified = excluded.justified, note = excluded.note, reviewed_by = excluded.reviewed_by, \
         reviewed_at = excluded.reviewed_at"
    )
    .bind(kind)
    .bind(user.0)
    .bind(subject)
    .bind(justified)
    .bind(note)
    .bind(by.0)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    Ok(())
}
