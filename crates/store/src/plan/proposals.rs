//! Proposals for new words of a goal from the portal.

use buurtteam_domain::codes::ProposalStatus;
use buurtteam_domain::ids::{GoalId, ProposalId, UserId};
use jiff::Timestamp;

use crate::{Result, Tx, parse_code, sql_ts};

use super::Ts;
use super::goals::author;
use super::rows::Proposal;

pub async fn insert_proposal(
    tx: &mut Tx,
    goal: GoalId,
    by: UserId,
    title: &str,
    description: &str,
    now: Timestamp,
) -> Result<ProposalId> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO goal_proposals (goal_id, proposed_by, title, description, status, created_at) \
         VALUES ($1, $2, $3, $4, 'pending', $5) RETURNING id"
    )
    .bind(goal.0)
    .bind(by.0)
    .bind(title)
    .bind(description)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    Ok(ProposalId(id))
}

/// Decides a pending proposal; `false` when it was no longer pending.
pub async fn decide_proposal(
    tx: &mut Tx,
    id: ProposalId,
    status: ProposalStatus,
    by: UserId,
    now: Timestamp,
) -> Result<bool> {
    let n = exec!(tx, |c| {
        sqlx::query(
        "UPDATE goal_proposals SET status = $2, decided_by = $3, decided_at = $4 WHERE id = $1 AND status = 'pending'"
    )
    .bind(id.0)
    .bind(status.code())
    .bind(by.0)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await
    })?;
    Ok(n == 1)
}

pub async fn proposal(tx: &mut Tx, id: ProposalId) -> Result<Option<Proposal>> {
    Ok(proposals_where(tx, "p.id = $1", id.0).await?.pop())
}

pub(super) async fn proposals_where(tx: &mut Tx, filter: &str, value: i64) -> Result<Vec<Proposal>> {
    type Row = (i64, i64, i64, String, String, String, String, String, Ts);
    let sql = format!(
        "SELECT p.id, p.goal_id, u.id, u.name, u.role, p.title, p.description, p.status, p.created_at \
         FROM goal_proposals p JOIN users u ON u.id = p.proposed_by JOIN goals g ON g.id = p.goal_id \
         WHERE {filter} ORDER BY p.id"
    );
    let rows: Vec<Row> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(value).fetch_all(&mut *c).await)?;
    rows.into_iter()
        .map(|r| {
            Ok(Proposal {
                id: ProposalId(r.0),
                goal_id: GoalId(r.1),
                author: author(r.2, r.3, &r.4)?,
                title: r.5,
                description: r.6,
                status: parse_code("goal_proposals.status", &r.7, ProposalStatus::parse)?,
                created_at: r.8.to_jiff(),
            })
        })
        .collect()
}
