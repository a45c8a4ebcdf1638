//! Who held a case when, and which team it belonged to when (decision 0037): the rows of
//! `case_holders` (the worker, and stand-ins for a period) and `case_team_history`, written on
//! every change of worker and on a transfer to another team. The rules are in
//! `domain::handover`; the use cases in `app::cases::handover`.

use buurtteam_domain::ids::{CaseId, TeamId, UserId};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, Tx, sql_date, sql_ts};

/// One spell of someone holding a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub worker_id: UserId,
    pub name: String,
    /// `true`: a stand-in (waarnemer) for a period; `false`: the case's worker.
    pub stand_in: bool,
    pub from_on: Date,
    /// The day it ended (for a stand-in: the last day); `None`: still.
    pub until_on: Option<Date>,
}

/// One spell of a team holding a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamSpell {
    pub team_id: TeamId,
    pub name: String,
    pub from_on: Date,
    pub until_on: Option<Date>,
}

/// Records that `worker` carries case `case` from `on`: the worker's spell that is open ends
/// on `on`, and a new one starts (nothing changes when `worker` already holds it).
pub async fn begin_worker(
    tx: &mut Tx,
    case: CaseId,
    worker: Option<UserId>,
    on: Date,
    by: Option<UserId>,
    now: Timestamp,
) -> Result<()> {
    let open: Option<i64> = on!(tx, |c| sqlx::query_scalar(
        "SELECT worker_id FROM case_holders WHERE case_id = $1 AND kind = 'worker' AND until_on IS NULL \
         ORDER BY id DESC LIMIT 1"
    )
    .bind(case.0)
    .fetch_optional(&mut *c)
    .await)?;
    if open == worker.map(|w| w.0) {
        return Ok(());
    }
    exec!(tx, |c| sqlx::query(
        // A spell never ends before it began (a handover dated back before the last change).
        "UPDATE case_holders SET until_on = CASE WHEN from_on > $2 THEN from_on ELSE $2 END \
         WHERE case_id = $1 AND kind = 'worker' AND until_on IS NULL"
    )
    .bind(case.0)
    .bind(sql_date(on))
    .execute(&mut *c)
    .await)?;
    if let Some(worker) = worker {
        insert(tx, case, worker, "worker", on, None, by, now).await?;
    }
    Ok(())
}

/// The day of the last handover or transfer of case `case` (the latest start of a worker's or
/// team's spell), if there was one.
pub async fn last_change_on(tx: &mut Tx, case: CaseId) -> Result<Option<Date>> {
    let worker: Option<jiff_sqlx::Date> = on!(tx, |c| sqlx::query_scalar(
        "SELECT from_on FROM case_holders WHERE case_id = $1 AND kind = 'worker' ORDER BY from_on DESC LIMIT 1"
    )
    .bind(case.0)
    .fetch_optional(&mut *c)
    .await)?;
    let team: Option<jiff_sqlx::Date> = on!(tx, |c| sqlx::query_scalar(
        "SELECT from_on FROM case_team_history WHERE case_id = $1 ORDER BY from_on DESC LIMIT 1"
    )
    .bind(case.0)
    .fetch_optional(&mut *c)
    .await)?;
    Ok(worker.map(|d| d.to_jiff()).max(team.map(|d| d.to_jiff())))
}

/// Records a stand-in for case `case` from `from` until `until` (inclusive).
pub async fn add_stand_in(
    tx: &mut Tx,
    case: CaseId,
    worker: UserId,
    from: Date,
    until: Date,
    by: UserId,
    now: Timestamp,
) -> Result<()> {
    insert(tx, case, worker, "stand_in", from, Some(until), Some(by), now).await
}

#[allow(clippy::too_many_arguments)]
async fn insert(
    tx: &mut Tx,
    case: CaseId,
    worker: UserId,
    kind: &str,
    from: Date,
    until: Option<Date>,
    by: Option<UserId>,
    now: Timestamp,
) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "INSERT INTO case_holders (case_id, worker_id, kind, from_on, until_on, recorded_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)"
    )
    .bind(case.0)
    .bind(worker.0)
    .bind(kind)
    .bind(sql_date(from))
    .bind(until.map(sql_date))
    .bind(by.map(|b| b.0))
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    Ok(())
}

/// Moves case `case` from team `from` to team `to` on `on`, with `worker` (or nobody) as its
/// worker: the team history gets the old team's spell (since the referral, the first time)
/// and the new one's. Fails with `Concurrent` when the case is no longer `from`'s or closed.
#[allow(clippy::too_many_arguments)]
pub async fn transfer(
    tx: &mut Tx,
    case: CaseId,
    from: TeamId,
    to: TeamId,
    referred_on: Date,
    on: Date,
    by: UserId,
    now: Timestamp,
) -> Result<()> {
    let done = exec!(tx, |c| sqlx::query(
        "UPDATE cases SET team_id = $3, worker_id = NULL, updated_at = $4 \
         WHERE id = $1 AND team_id = $2 AND status <> 'closed'"
    )
    .bind(case.0)
    .bind(from.0)
    .bind(to.0)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    if done != 1 {
        return Err(crate::StoreError::Concurrent);
    }
    let known: i64 = on!(tx, |c| sqlx::query_scalar("SELECT COUNT(*) FROM case_team_history WHERE case_id = $1")
        .bind(case.0)
        .fetch_one(&mut *c)
        .await)?;
    if known == 0 {
        team_row(tx, case, from, referred_on, Some(on), by, now).await?;
    } else {
        exec!(tx, |c| sqlx::query(
            "UPDATE case_team_history SET until_on = $2 WHERE case_id = $1 AND until_on IS NULL"
        )
        .bind(case.0)
        .bind(sql_date(on))
        .execute(&mut *c)
        .await)?;
    }
    team_row(tx, case, to, on, None, by, now).await?;
    // Stand-ins of the old team stop with the transfer.
    exec!(tx, |c| sqlx::query(
        "UPDATE case_holders SET until_on = $2 WHERE case_id = $1 AND kind = 'stand_in' AND until_on >= $2"
    )
    .bind(case.0)
    .bind(sql_date(on))
    .execute(&mut *c)
    .await)?;
    begin_worker(tx, case, None, on, Some(by), now).await
}

async fn team_row(
    tx: &mut Tx,
    case: CaseId,
    team: TeamId,
    from: Date,
    until: Option<Date>,
    by: UserId,
    now: Timestamp,
) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "INSERT INTO case_team_history (case_id, team_id, from_on, until_on, recorded_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)"
    )
    .bind(case.0)
    .bind(team.0)
    .bind(sql_date(from))
    .bind(until.map(sql_date))
    .bind(by.0)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    Ok(())
}

type HolderRow = (i64, String, String, jiff_sqlx::Date, Option<jiff_sqlx::Date>);

/// Everyone who held case `case`, in the order they started.
pub async fn holders(tx: &mut Tx, case: CaseId) -> Result<Vec<Holder>> {
    let rows: Vec<HolderRow> = on!(tx, |c| sqlx::query_as(
        "SELECT h.worker_id, u.name, h.kind, h.from_on, h.until_on FROM case_holders h \
         JOIN users u ON u.id = h.worker_id WHERE h.case_id = $1 ORDER BY h.from_on, h.id"
    )
    .bind(case.0)
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows.into_iter().map(holder).collect())
}

fn holder((id, name, kind, from, until): HolderRow) -> Holder {
    Holder {
        worker_id: UserId(id),
        name,
        stand_in: kind == "stand_in",
        from_on: from.to_jiff(),
        until_on: until.map(|d| d.to_jiff()),
    }
}

/// The stand-in working on case `case` on `day`, if any (the latest set).
pub async fn stand_in_on(tx: &mut Tx, case: CaseId, day: Date) -> Result<Option<Holder>> {
    let row: Option<HolderRow> = on!(tx, |c| sqlx::query_as(
        "SELECT h.worker_id, u.name, h.kind, h.from_on, h.until_on FROM case_holders h \
         JOIN users u ON u.id = h.worker_id WHERE h.case_id = $1 AND h.kind = 'stand_in' \
         AND h.from_on <= $2 AND h.until_on >= $2 ORDER BY h.id DESC LIMIT 1"
    )
    .bind(case.0)
    .bind(sql_date(day))
    .fetch_optional(&mut *c)
    .await)?;
    Ok(row.map(holder))
}

/// The teams case `case` belonged to, in order; empty when it never moved.
pub async fn teams(tx: &mut Tx, case: CaseId) -> Result<Vec<TeamSpell>> {
    let rows: Vec<(i64, String, jiff_sqlx::Date, Option<jiff_sqlx::Date>)> = on!(tx, |c| sqlx::query_as(
        "SELECT h.team_id, t.name, h.from_on, h.until_on FROM case_team_history h \
         JOIN teams t ON t.id = h.team_id WHERE h.case_id = $1 ORDER BY h.from_on, h.id"
    )
    .bind(case.0)
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows
        .into_iter()
        .map(|(id, name, from, until)| TeamSpell {
            team_id: TeamId(id),
            name,
            from_on: from.to_jiff(),
            until_on: until.map(|d| d.to_jiff()),
        })
        .collect())
}

/// The open cases (open referrals included) of `team` that `worker` carries, oldest referral first.
pub async fn open_cases_of(tx: &mut Tx, team: TeamId, worker: UserId) -> Result<Vec<CaseId>> {
    let ids: Vec<i64> = on!(tx, |c| sqlx::query_scalar(
        "SELECT id FROM cases WHERE team_id = $1 AND worker_id = $2 AND status <> 'closed' \
         AND voided_on IS NULL ORDER BY referred_on, id"
    )
    .bind(team.0)
    .bind(worker.0)
    .fetch_all(&mut *c)
    .await)?;
    Ok(ids.into_iter().map(CaseId).collect())
}

/// The open cases of `team` whose worker is fully absent on `day` (an absence spell that has
/// begun and not ended: `ends_on` is the last day away) and that no stand-in holds that day.
pub async fn uncovered(tx: &mut Tx, team: TeamId, day: Date) -> Result<Vec<CaseId>> {
    let ids: Vec<i64> = on!(tx, |c| sqlx::query_scalar(
        "SELECT c.id FROM cases c WHERE c.team_id = $1 AND c.status <> 'closed' AND c.voided_on IS NULL \
         AND EXISTS (SELECT 1 FROM absences a WHERE a.user_id = c.worker_id AND a.percentage >= 100 \
                     AND a.starts_on <= $2 AND (a.ends_on IS NULL OR a.ends_on >= $2)) \
         AND NOT EXISTS (SELECT 1 FROM case_holders h WHERE h.case_id = c.id AND h.kind = 'stand_in' \
                     AND h.from_on <= $2 AND h.until_on >= $2) \
         ORDER BY c.id"
    )
    .bind(team.0)
    .bind(sql_date(day))
    .fetch_all(&mut *c)
    .await)?;
    Ok(ids.into_iter().map(CaseId).collect())
}
