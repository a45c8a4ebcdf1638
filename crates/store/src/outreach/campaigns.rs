//! Campaigns: kind, name, districts, period, approaches, workers, help offered; open or closed.

use buurtteam_domain::ids::{DistrictId, TeamId, UserId};
use buurtteam_domain::outreach::{Approach, CampaignKind};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, StoreError, Tx, parse_code, sql_date, sql_ts};

/// A campaign as stored, with its districts, workers and counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Campaign {
    pub id: i64,
    pub kind: CampaignKind,
    pub name: String,
    pub starts_on: Date,
    pub ends_on: Option<Date>,
    pub help_offered: String,
    pub approaches: Vec<Approach>,
    pub closed_on: Option<Date>,
    pub created_by: UserId,
    pub district_ids: Vec<DistrictId>,
    /// The assigned outreach workers: (id, name), by name.
    pub workers: Vec<(UserId, String)>,
    /// Addresses in the basket (not destroyed).
    pub addresses: i64,
    pub signals: i64,
}

impl Campaign {
    pub fn worker_ids(&self) -> Vec<UserId> {
        self.workers.iter().map(|(u, _)| *u).collect()
    }
}

/// A campaign to create or the fields to change it to.
#[derive(Debug, Clone)]
pub struct CampaignFields<'a> {
    pub kind: CampaignKind,
    pub name: &'a str,
    pub starts_on: Date,
    pub ends_on: Option<Date>,
    pub help_offered: &'a str,
    pub approaches: &'a [Approach],
    pub closed_on: Option<Date>,
}

fn approaches_text(a: &[Approach]) -> String {
    a.iter().map(|a| a.code()).collect::<Vec<_>>().join(",")
}

/// Creates a campaign with its districts and workers; returns its id.
pub async fn insert(
    tx: &mut Tx,
    f: &CampaignFields<'_>,
    districts: &[DistrictId],
    workers: &[UserId],
    by: UserId,
    now: Timestamp,
) -> Result<i64> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO campaigns (kind, name, starts_on, ends_on, help_offered, approaches, closed_on, created_by, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id"
    )
    .bind(f.kind.code())
    .bind(f.name)
    .bind(sql_date(f.starts_on))
    .bind(f.ends_on.map(sql_date))
    .bind(f.help_offered)
    .bind(approaches_text(f.approaches))
    .bind(f.closed_on.map(sql_date))
    .bind(by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    for d in districts {
        exec!(tx, |c| sqlx::query("INSERT INTO campaign_districts (campaign_id, district_id) VALUES ($1, $2)")
            .bind(id)
            .bind(d.0)
            .execute(&mut *c)
            .await)?;
    }
    set_workers(tx, id, workers).await?;
    Ok(id)
}

/// Changes a campaign's fields (its districts stay).
pub async fn update(tx: &mut Tx, id: i64, f: &CampaignFields<'_>, now: Timestamp) -> Result<()> {
    let n = exec!(tx, |c| {
        sqlx::query(
        "UPDATE campaigns SET kind = $2, name = $3, starts_on = $4, ends_on = $5, help_offered = $6, approaches = $7, \
         closed_on = $8, updated_at = $9 WHERE id = $1"
    )
    .bind(id)
    .bind(f.kind.code())
    .bind(f.name)
    .bind(sql_date(f.starts_on))
    .bind(f.ends_on.map(sql_date))
    .bind(f.help_offered)
    .bind(approaches_text(f.approaches))
    .bind(f.closed_on.map(sql_date))
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await
    })?;
    if n == 1 { Ok(()) } else { Err(StoreError::NotFound) }
}

/// Replaces the campaign's outreach workers.
pub async fn set_workers(tx: &mut Tx, id: i64, workers: &[UserId]) -> Result<()> {
    exec!(tx, |c| sqlx::query("DELETE FROM campaign_workers WHERE campaign_id = $1").bind(id).execute(&mut *c).await)?;
    for w in workers {
        exec!(tx, |c| sqlx::query("INSERT INTO campaign_workers (campaign_id, user_id) VALUES ($1, $2)")
            .bind(id)
            .bind(w.0)
            .execute(&mut *c)
            .await)?;
    }
    Ok(())
}

type Row =
    (i64, String, String, jiff_sqlx::Date, Option<jiff_sqlx::Date>, String, String, Option<jiff_sqlx::Date>, i64);

const COLUMNS: &str =
    "SELECT id, kind, name, starts_on, ends_on, help_offered, approaches, closed_on, created_by FROM campaigns";

async fn complete(tx: &mut Tx, r: Row) -> Result<Campaign> {
    let (id, kind, name, starts_on, ends_on, help_offered, approaches, closed_on, created_by) = r;
    let districts: Vec<i64> = on!(tx, |c| sqlx::query_scalar(
        "SELECT district_id FROM campaign_districts WHERE campaign_id = $1 ORDER BY district_id"
    )
    .bind(id)
    .fetch_all(&mut *c)
    .await)?;
    let workers: Vec<(i64, String)> = on!(tx, |c| sqlx::query_as(
        "SELECT u.id, u.name FROM campaign_workers w JOIN users u ON u.id = w.user_id WHERE w.campaign_id = $1 \
         ORDER BY u.name, u.id"
    )
    .bind(id)
    .fetch_all(&mut *c)
    .await)?;
    let (addresses, signals): (i64, i64) = on!(tx, |c| sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM campaign_addresses WHERE campaign_id = $1 AND destroyed_on IS NULL), \
         (SELECT COUNT(*) FROM campaign_signals WHERE campaign_id = $1)"
    )
    .bind(id)
    .fetch_one(&mut *c)
    .await)?;
    Ok(Campaign {
        id,
        kind: parse_code("campaigns.kind", &kind, CampaignKind::parse)?,
        name,
        starts_on: starts_on.to_jiff(),
        ends_on: ends_on.map(|d| d.to_jiff()),
        help_offered,
        approaches: approaches
            .split(',')
            .filter(|a| !a.is_empty())
            .map(|a| parse_code("campaigns.approaches", a, Approach::parse))
            .collect::<Result<_>>()?,
        closed_on: closed_on.map(|d| d.to_jiff()),
        created_by: UserId(created_by),
        district_ids: districts.into_iter().map(DistrictId).collect(),
        workers: workers.into_iter().map(|(u, n)| (UserId(u), n)).collect(),
        addresses,
        signals,
    })
}

/// One campaign.
pub async fn get(tx: &mut Tx, id: i64) -> Result<Option<Campaign>> {
    let sql = format!("{COLUMNS} WHERE id = $1");
    let row: Option<Row> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(&mut *c).await)?;
    match row {
        Some(r) => Ok(Some(complete(tx, r).await?)),
        None => Ok(None),
    }
}

/// Every campaign, open ones first, newest first (the caller keeps what the actor may see).
pub async fn list(tx: &mut Tx) -> Result<Vec<Campaign>> {
    let sql = format!("{COLUMNS} ORDER BY CASE WHEN closed_on IS NULL THEN 0 ELSE 1 END, starts_on DESC, id DESC");
    let rows: Vec<Row> = on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).fetch_all(&mut *c).await)?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        out.push(complete(tx, r).await?);
    }
    Ok(out)
}

/// Whether `user` is an assigned worker of any campaign (for the menu).
pub async fn is_worker_anywhere(tx: &mut Tx, user: UserId) -> Result<bool> {
    let n: i64 = on!(tx, |c| sqlx::query_scalar("SELECT COUNT(*) FROM campaign_workers WHERE user_id = $1")
        .bind(user.0)
        .fetch_one(&mut *c)
        .await)?;
    Ok(n > 0)
}

/// The active staff who may be outreach workers (family workers and team managers), by name.
pub async fn eligible_workers(tx: &mut Tx) -> Result<Vec<(UserId, String)>> {
    let rows: Vec<(i64, String)> = on!(tx, |c| {
        sqlx::query_as(
        "SELECT id, name FROM users WHERE active = TRUE AND role IN ('family_worker', 'team_manager') ORDER BY name, id"
    )
    .fetch_all(&mut *c)
    .await
    })?;
    Ok(rows.into_iter().map(|(u, n)| (UserId(u), n)).collect())
}

/// An eligible worker with one open team of theirs (none: in no open team).
pub type WorkerInTeam = (UserId, String, Option<(TeamId, String)>);

/// The active staff who may be outreach workers, each with the open teams they belong to:
/// (user, name, team, team name) by team name and worker name; a worker in no team once, with
/// no team.
pub async fn eligible_workers_by_team(tx: &mut Tx) -> Result<Vec<WorkerInTeam>> {
    let rows: Vec<(i64, String, Option<i64>, Option<String>)> = on!(tx, |c| {
        sqlx::query_as(
            "SELECT u.id, u.name, t.id, t.name FROM users u \
             LEFT JOIN team_members m ON m.user_id = u.id \
             LEFT JOIN teams t ON t.id = m.team_id AND t.ended_on IS NULL \
             WHERE u.active = TRUE AND u.role IN ('family_worker', 'team_manager') \
             ORDER BY t.name, t.id, u.name, u.id",
        )
        .fetch_all(&mut *c)
        .await
    })?;
    let mut out: Vec<WorkerInTeam> = Vec::new();
    for (u, name, team, team_name) in rows {
        let team = team.zip(team_name).map(|(t, n)| (TeamId(t), n));
        // A member of ended teams only (a LEFT JOIN row per membership) is listed once, teamless.
        if team.is_none() && out.iter().any(|(x, _, _)| x.0 == u) {
            continue;
        }
        out.push((UserId(u), name, team));
    }
    // Drop the teamless row of a worker who also has a team.
    let with_team: Vec<i64> = out.iter().filter(|(_, _, t)| t.is_some()).map(|(u, _, _)| u.0).collect();
    out.retain(|(u, _, t)| t.is_some() || !with_team.contains(&u.0));
    Ok(out)
}
