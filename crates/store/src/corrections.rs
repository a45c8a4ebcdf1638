//! Corrections of a case's recorded steps and reopenings: the case row takes the corrected
//! value (so lists and KPIs follow it), and a `case_corrections` row keeps the value before,
//! the value after, the reason, who and when.

use buurtteam_domain::case::CaseStatus;
use buurtteam_domain::ids::{CaseId, ContactId, UserId};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, StoreError, Tx, sql_date, sql_ts};

/// One corrected field (or a reopening), as the history shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub id: i64,
    /// The contact moment corrected, if one was.
    pub contact_id: Option<ContactId>,
    /// `intake_held_on`, `started_on`, `closed_on`, or `reopened`.
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub reason: String,
    pub by: UserId,
    pub at: Timestamp,
}

/// The corrected lifecycle dates; `None` leaves a date as it is.
#[derive(Debug, Clone, Copy, Default)]
pub struct Dates {
    pub intake_held_on: Option<Date>,
    pub start_due_on: Option<Date>,
    pub started_on: Option<Date>,
    pub closed_on: Option<Date>,
    /// The case's next deadline after the correction.
    pub next_due_on: Option<Date>,
}

/// Writes corrected dates to the case, if it is still at `expected` (else `Concurrent`).
pub async fn set_dates(tx: &mut Tx, id: CaseId, expected: CaseStatus, d: &Dates, now: Timestamp) -> Result<()> {
    let done = exec!(tx, |c| {
        sqlx::query(
        "UPDATE cases SET intake_held_on = COALESCE($3, intake_held_on), start_due_on = COALESCE($4, start_due_on), \
         started_on = COALESCE($5, started_on), closed_on = COALESCE($6, closed_on), next_due_on = $7, updated_at = $8 \
         WHERE id = $1 AND status = $2"
    )
    .bind(id.0)
    .bind(expected.code())
    .bind(d.intake_held_on.map(sql_date))
    .bind(d.start_due_on.map(sql_date))
    .bind(d.started_on.map(sql_date))
    .bind(d.closed_on.map(sql_date))
    .bind(d.next_due_on.map(sql_date))
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await
    })?;
    if done == 1 { Ok(()) } else { Err(StoreError::Concurrent) }
}

/// Opens a closed case again at `status`, its closure cleared (the caller keeps it in a
/// correction row first).
pub async fn reopen(
    tx: &mut Tx,
    id: CaseId,
    status: CaseStatus,
    next_due_on: Option<Date>,
    now: Timestamp,
) -> Result<()> {
    let done = exec!(tx, |c| sqlx::query(
        "UPDATE cases SET status = $2, closed_on = NULL, closure_reason = NULL, closure_detail = NULL, \
         closure_summary = NULL, next_due_on = $3, updated_at = $4 WHERE id = $1 AND status = 'closed'"
    )
    .bind(id.0)
    .bind(status.code())
    .bind(next_due_on.map(sql_date))
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    if done == 1 { Ok(()) } else { Err(StoreError::Concurrent) }
}

/// One correction to append.
pub struct NewCorrection<'a> {
    pub case: CaseId,
    pub contact: Option<ContactId>,
    pub field: &'a str,
    pub before: Option<&'a str>,
    pub after: Option<&'a str>,
    pub reason: &'a str,
    pub by: UserId,
}

/// Writes a contact moment's corrected date, duration and form (each `None`: unchanged).
pub async fn set_contact(
    tx: &mut Tx,
    case: CaseId,
    contact: ContactId,
    fields: (Option<Date>, Option<i32>, Option<&str>),
    now: Timestamp,
) -> Result<()> {
    let (on, minutes, form) = fields;
    let done = exec!(tx, |c| sqlx::query(
        "UPDATE contacts SET contact_on = COALESCE($3, contact_on), minutes = COALESCE($4, minutes), \
         form = COALESCE($5, form) WHERE id = $2 AND case_id = $1"
    )
    .bind(case.0)
    .bind(contact.0)
    .bind(on.map(sql_date))
    .bind(minutes)
    .bind(form)
    .execute(&mut *c)
    .await)?;
    exec!(tx, |c| sqlx::query("UPDATE cases SET updated_at = $2 WHERE id = $1")
        .bind(case.0)
        .bind(sql_ts(now))
        .execute(&mut *c)
        .await)?;
    if done == 1 { Ok(()) } else { Err(StoreError::Concurrent) }
}

/// Appends one correction row.
pub async fn record(tx: &mut Tx, n: &NewCorrection<'_>, now: Timestamp) -> Result<i64> {
    let id: i64 = on!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO case_corrections (case_id, field, before_value, after_value, reason, corrected_by, corrected_at, \
         contact_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id"
    )
    .bind(n.case.0)
    .bind(n.field)
    .bind(n.before)
    .bind(n.after)
    .bind(n.reason)
    .bind(n.by.0)
    .bind(sql_ts(now))
    .bind(n.contact.map(|c| c.0))
    .fetch_one(&mut *c)
    .await
    })?;
    Ok(id)
}

/// The corrections of a case, oldest first.
pub async fn of_case(tx: &mut Tx, case: CaseId) -> Result<Vec<Correction>> {
    type Row = (i64, String, Option<String>, Option<String>, String, i64, jiff_sqlx::Timestamp, Option<i64>);
    let rows: Vec<Row> = on!(tx, |c| {
        sqlx::query_as(
        "SELECT id, field, before_value, after_value, reason, corrected_by, corrected_at, contact_id FROM case_corrections \
         WHERE case_id = $1 ORDER BY id"
    )
    .bind(case.0)
    .fetch_all(&mut *c)
    .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(id, field, before, after, reason, by, at, contact)| Correction {
            id,
            contact_id: contact.map(ContactId),
            field,
            before,
            after,
            reason,
            by: UserId(by),
            at: at.to_jiff(),
        })
        .collect())
}
