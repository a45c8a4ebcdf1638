//! Case-wide parts of the plan: evaluations, appointments, working notes.

use buurtteam_domain::ids::{CaseId, UserId};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, Tx, sql_date, sql_ts};

use super::goals::author;
use super::rows::WorkingNote;
use super::{SqlDate, Ts};

pub struct NewEvaluation<'a> {
    pub held_on: Date,
    pub went_well: &'a str,
    pub changes: &'a str,
    pub next_on: Option<Date>,
}

/// Records an evaluation and sets the case's next evaluation date (for the worklist).
pub async fn insert_evaluation(
    tx: &mut Tx,
    case: CaseId,
    e: &NewEvaluation<'_>,
    by: UserId,
    now: Timestamp,
) -> Result<i64> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO evaluations (case_id, held_on, went_well, changes, next_on, recorded_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id"
    )
    .bind(case.0)
    .bind(sql_date(e.held_on))
    .bind(e.went_well)
    .bind(e.changes)
    .bind(e.next_on.map(sql_date))
    .bind(by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    set_next_evaluation(tx, case, e.next_on, now).await?;
    Ok(id)
}

pub async fn set_next_evaluation(tx: &mut Tx, case: CaseId, next: Option<Date>, now: Timestamp) -> Result<()> {
    exec!(tx, |c| sqlx::query("UPDATE cases SET next_evaluation_on = $2, updated_at = $3 WHERE id = $1")
        .bind(case.0)
        .bind(next.map(sql_date))
        .bind(sql_ts(now))
        .execute(&mut *c)
        .await)?;
    Ok(())
}

pub async fn insert_appointment(
    tx: &mut Tx,
    case: CaseId,
    starts_at: Timestamp,
    place: &str,
    description: &str,
    by: UserId,
    now: Timestamp,
) -> Result<i64> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO appointments (case_id, starts_at, place, description, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id"
    )
    .bind(case.0)
    .bind(sql_ts(starts_at))
    .bind(place)
    .bind(description)
    .bind(by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    Ok(id)
}

pub async fn insert_working_note(tx: &mut Tx, case: CaseId, body: &str, by: UserId, now: Timestamp) -> Result<i64> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO working_notes (case_id, body, author_id, created_at) VALUES ($1, $2, $3, $4) RETURNING id"
    )
    .bind(case.0)
    .bind(body)
    .bind(by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    Ok(id)
}

/// The working notes of a case, newest first. Staff only: no portal read calls this.
pub async fn working_notes(tx: &mut Tx, case: CaseId) -> Result<Vec<WorkingNote>> {
    type Row = (i64, String, i64, String, String, Ts);
    let rows: Vec<Row> = on!(tx, |c| sqlx::query_as(
        "SELECT n.id, n.body, u.id, u.name, u.role, n.created_at FROM working_notes n \
         JOIN users u ON u.id = n.author_id WHERE n.case_id = $1 ORDER BY n.id DESC"
    )
    .bind(case.0)
    .fetch_all(&mut *c)
    .await)?;
    rows.into_iter()
        .map(|r| Ok(WorkingNote { id: r.0, body: r.1, author: author(r.2, r.3, &r.4)?, created_at: r.5.to_jiff() }))
        .collect()
}

/// The case's next evaluation date.
pub async fn next_evaluation(tx: &mut Tx, case: CaseId) -> Result<Option<Date>> {
    let d: Option<Option<SqlDate>> =
        on!(tx, |c| sqlx::query_scalar("SELECT next_evaluation_on FROM cases WHERE id = $1")
            .bind(case.0)
            .fetch_optional(&mut *c)
            .await)?;
    Ok(d.flatten().map(|d| d.to_jiff()))
}
