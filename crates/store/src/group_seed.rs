//! Rows of groups written directly, for tests of the group figures and the synthetic city's
//! collective side: a group offer with its districts, a session, a participant, attendance.
//! The groups' own use cases (with their rules) live with the groups themselves; these write
//! what a test or the generator needs and check nothing.

use buurtteam_domain::ids::{CaseId, DistrictId, PersonId, TeamId, UserId};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, Tx, sql_date, sql_ts};

/// A group offer of `team` serving `districts`, with status `running`.
pub async fn group(
    tx: &mut Tx,
    team: TeamId,
    theme: &str,
    name: &str,
    districts: &[DistrictId],
    by: UserId,
    now: Timestamp,
) -> Result<i64> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO group_offers (team_id, theme, name, capacity, status, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, 12, 'running', $4, $5, $5) RETURNING id"
    )
    .bind(team.0)
    .bind(theme)
    .bind(name)
    .bind(by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    for d in districts {
        exec!(tx, |c| sqlx::query("INSERT INTO group_offer_districts (group_id, district_id) VALUES ($1, $2)")
            .bind(id)
            .bind(d.0)
            .execute(&mut *c)
            .await)?;
    }
    Ok(id)
}

pub async fn session(tx: &mut Tx, group: i64, starts_at: Timestamp, by: UserId, now: Timestamp) -> Result<i64> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO group_sessions (group_id, starts_at, place, attendance_recorded_at, created_by, created_at) \
         VALUES ($1, $2, 'Buurthuis', $2, $3, $4) RETURNING id"
    )
    .bind(group)
    .bind(sql_ts(starts_at))
    .bind(by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    Ok(id)
}

/// A participant: a client of `case` (with `person`), or someone who is not a client (`name`).
#[allow(clippy::too_many_arguments)]
pub async fn participant(
    tx: &mut Tx,
    group: i64,
    client: Option<(CaseId, PersonId)>,
    name: Option<&str>,
    waiting: bool,
    enrolled_on: Date,
    by: UserId,
    now: Timestamp,
) -> Result<i64> {
    let id: i64 = on!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO group_participants (group_id, person_id, case_id, name, waiting, enrolled_on, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id"
    )
    .bind(group)
    .bind(client.map(|(_, p)| p.0))
    .bind(client.map(|(c, _)| c.0))
    .bind(name)
    .bind(waiting)
    .bind(sql_date(enrolled_on))
    .bind(by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await
    })?;
    Ok(id)
}

pub async fn attendance(tx: &mut Tx, session: i64, participant: i64, present: bool) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "INSERT INTO group_attendance (session_id, participant_id, present) VALUES ($1, $2, $3)"
    )
    .bind(session)
    .bind(participant)
    .bind(present)
    .execute(&mut *c)
    .await)?;
    Ok(())
}
