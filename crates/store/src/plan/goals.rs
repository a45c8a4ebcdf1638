//! Goals, their self-sufficiency scores and comments.

use buurtteam_domain::codes::{GoalStatus, LifeDomain, Role};
use buurtteam_domain::ids::{CaseId, GoalId, PersonId, UserId};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, Tx, parse_code, sql_date, sql_ts};

use super::Ts;
use super::rows::{Author, Goal, GoalFields};

pub(super) type GoalRow = (i64, i64, Option<i64>, String, String, String, String, bool, Option<String>, bool, Ts, Ts);
pub(super) const GOAL_COLUMNS: &str = "g.id, g.case_id, g.client_id, g.life_domain, g.title, g.description, g.status, \
     g.confidential, g.confidential_reason, g.shared, g.created_at, g.updated_at";

pub(super) fn goal_of(r: GoalRow) -> Result<Goal> {
    Ok(Goal {
        id: GoalId(r.0),
        case_id: CaseId(r.1),
        client_id: r.2.map(PersonId),
        life_domain: parse_code("goals.life_domain", &r.3, LifeDomain::parse)?,
        title: r.4,
        description: r.5,
        status: parse_code("goals.status", &r.6, GoalStatus::parse)?,
        confidential: r.7,
        confidential_reason: r.8,
        shared: r.9,
        created_at: r.10.to_jiff(),
        updated_at: r.11.to_jiff(),
    })
}

pub(super) fn author(id: i64, name: String, role: &str) -> Result<Author> {
    Ok(Author { user_id: UserId(id), name, role: parse_code("users.role", role, Role::parse)? })
}

pub async fn goal(tx: &mut Tx, id: GoalId) -> Result<Option<Goal>> {
    let sql = format!("SELECT {GOAL_COLUMNS} FROM goals g WHERE g.id = $1");
    let row: Option<GoalRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(id.0).fetch_optional(&mut *c).await)?;
    row.map(goal_of).transpose()
}

pub async fn insert_goal(tx: &mut Tx, case: CaseId, f: &GoalFields, by: UserId, now: Timestamp) -> Result<GoalId> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO goals (case_id, client_id, life_domain, title, description, status, confidential, \
         confidential_reason, shared, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id"
    )
    .bind(case.0)
    .bind(f.client_id.map(|p| p.0))
    .bind(f.life_domain.code())
    .bind(&f.title)
    .bind(&f.description)
    .bind(f.status.code())
    .bind(f.confidential)
    .bind(&f.confidential_reason)
    .bind(f.shared)
    .bind(by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    Ok(GoalId(id))
}

pub async fn update_goal(tx: &mut Tx, id: GoalId, f: &GoalFields, now: Timestamp) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "UPDATE goals SET client_id = $2, life_domain = $3, title = $4, description = $5, status = $6, \
         confidential = $7, confidential_reason = $8, shared = $9, updated_at = $10 WHERE id = $1"
    )
    .bind(id.0)
    .bind(f.client_id.map(|p| p.0))
    .bind(f.life_domain.code())
    .bind(&f.title)
    .bind(&f.description)
    .bind(f.status.code())
    .bind(f.confidential)
    .bind(&f.confidential_reason)
    .bind(f.shared)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    Ok(())
}

pub async fn insert_score(
    tx: &mut Tx,
    goal: GoalId,
    measured_on: Date,
    score: i32,
    by: UserId,
    now: Timestamp,
) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "INSERT INTO goal_scores (goal_id, measured_on, score, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5)"
    )
    .bind(goal.0)
    .bind(sql_date(measured_on))
    .bind(score)
    .bind(by.0)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    Ok(())
}

pub async fn insert_comment(tx: &mut Tx, goal: GoalId, by: UserId, body: &str, now: Timestamp) -> Result<i64> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO goal_comments (goal_id, author_id, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id"
    )
    .bind(goal.0)
    .bind(by.0)
    .bind(body)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    Ok(id)
}
