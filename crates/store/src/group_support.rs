//! Group support considered in a case (`case_group_support`), and the collective approach's
//! activities (`collective_activities`), issue 19. The group figures are in `kpi_groups`.

use buurtteam_domain::group_support::{NotUsedReason, Participants};
use buurtteam_domain::ids::{CaseId, DistrictId, TeamId, UserId};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, Tx, parse_code, sql_date, sql_ts};

/// Whether group support was considered in a case, as last recorded.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Considered {
    pub considered: bool,
    pub reason: Option<NotUsedReason>,
    pub reason_text: String,
    pub recorded_on: Date,
    pub recorded_by: UserId,
    pub recorded_at: Timestamp,
}

type ConsideredRow = (bool, Option<String>, String, jiff_sqlx::Date, i64, jiff_sqlx::Timestamp);

/// The record of case `case`, if any.
pub async fn considered(tx: &mut Tx, case: CaseId) -> Result<Option<Considered>> {
    let row: Option<ConsideredRow> = on!(tx, |c| sqlx::query_as(
        "SELECT considered, reason, reason_text, recorded_on, recorded_by, recorded_at \
         FROM case_group_support WHERE case_id = $1"
    )
    .bind(case.0)
    .fetch_optional(&mut *c)
    .await)?;
    row.map(|(considered, reason, reason_text, on, by, at)| {
        Ok(Considered {
            considered,
            reason: reason.map(|r| parse_code("case_group_support.reason", &r, NotUsedReason::parse)).transpose()?,
            reason_text,
            recorded_on: on.to_jiff(),
            recorded_by: UserId(by),
            recorded_at: at.to_jiff(),
        })
    })
    .transpose()
}

/// Records (or replaces) the record of case `case`.
pub async fn record_considered(tx: &mut Tx, case: CaseId, c: &Considered) -> Result<()> {
    exec!(tx, |x| sqlx::query("DELETE FROM case_group_support WHERE case_id = $1")
        .bind(case.0)
        .execute(&mut *x)
        .await)?;
    exec!(tx, |x| {
        sqlx::query(
        "INSERT INTO case_group_support (case_id, considered, reason, reason_text, recorded_on, recorded_by, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)"
    )
    .bind(case.0)
    .bind(c.considered)
    .bind(c.reason.map(|r| r.code()))
    .bind(c.reason_text.as_str())
    .bind(sql_date(c.recorded_on))
    .bind(c.recorded_by.0)
    .bind(sql_ts(c.recorded_at))
    .execute(&mut *x)
    .await
    })?;
    Ok(())
}

/// The names of the groups the people of case `case` take part in (not on a waiting list):
/// group support is "used" when there is one.
pub async fn groups_used(tx: &mut Tx, case: CaseId) -> Result<Vec<String>> {
    let names: Vec<String> = on!(tx, |c| sqlx::query_scalar(
        "SELECT DISTINCT g.name FROM group_participants p JOIN group_offers g ON g.id = p.group_id \
         WHERE p.case_id = $1 AND NOT p.waiting ORDER BY g.name"
    )
    .bind(case.0)
    .fetch_all(&mut *c)
    .await)?;
    Ok(names)
}

/// A collective activity to store (its signals already without names and numbers).
#[derive(Debug, Clone)]
pub struct NewCollectiveActivity<'a> {
    pub team_id: TeamId,
    pub district_id: DistrictId,
    pub held_on: Date,
    pub theme: &'a str,
    pub partners: &'a [String],
    pub participants: Participants,
    pub signals: &'a str,
}

/// A stored collective activity.
#[derive(Debug, Clone, PartialEq)]
pub struct CollectiveActivity {
    pub id: i64,
    pub team_id: TeamId,
    pub district_id: DistrictId,
    pub held_on: Date,
    pub theme: String,
    pub partners: Vec<String>,
    pub participants: Participants,
    pub signals: String,
    pub created_by: UserId,
    pub created_at: Timestamp,
}

fn count(n: i64) -> i64 {
    n.max(0)
}

pub async fn insert_collective_activity(
    tx: &mut Tx,
    a: &NewCollectiveActivity<'_>,
    by: UserId,
    now: Timestamp,
) -> Result<i64> {
    let n = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
    let id: i64 = on!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO collective_activities (team_id, district_id, held_on, theme, partners, parents, young_people, \
         professionals, signals, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id"
    )
    .bind(a.team_id.0)
    .bind(a.district_id.0)
    .bind(sql_date(a.held_on))
    .bind(a.theme)
    .bind(a.partners.join("\n"))
    .bind(n(a.participants.parents))
    .bind(n(a.participants.young_people))
    .bind(n(a.participants.professionals))
    .bind(a.signals)
    .bind(by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await
    })?;
    Ok(id)
}

type ActivityRow = (i64, i64, i64, jiff_sqlx::Date, String, String, i64, i64, i64, String, i64, jiff_sqlx::Timestamp);

const COLUMNS: &str = "id, team_id, district_id, held_on, theme, partners, parents, young_people, professionals, \
                       signals, created_by, created_at";

fn activity(r: ActivityRow) -> CollectiveActivity {
    let (id, team, district, held_on, theme, partners, parents, young, professionals, signals, by, at) = r;
    CollectiveActivity {
        id,
        team_id: TeamId(team),
        district_id: DistrictId(district),
        held_on: held_on.to_jiff(),
        theme,
        partners: partners.lines().map(str::to_owned).filter(|p| !p.is_empty()).collect(),
        participants: Participants {
            parents: count(parents) as u64,
            young_people: count(young) as u64,
            professionals: count(professionals) as u64,
        },
        signals,
        created_by: UserId(by),
        created_at: at.to_jiff(),
    }
}

pub async fn collective_activity(tx: &mut Tx, id: i64) -> Result<Option<CollectiveActivity>> {
    let sql = format!("SELECT {COLUMNS} FROM collective_activities WHERE id = $1");
    let row: Option<ActivityRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(&mut *c).await)?;
    Ok(row.map(activity))
}

/// The activities of `district` held from `from` to `to` (both included), newest first.
pub async fn collective_activities(
    tx: &mut Tx,
    district: DistrictId,
    from: Date,
    to: Date,
) -> Result<Vec<CollectiveActivity>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM collective_activities WHERE district_id = $1 AND held_on >= $2 AND held_on <= $3 \
         ORDER BY held_on DESC, id DESC"
    );
    let rows: Vec<ActivityRow> = on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
        .bind(district.0)
        .bind(sql_date(from))
        .bind(sql_date(to))
        .fetch_all(&mut *c)
        .await)?;
    Ok(rows.into_iter().map(activity).collect())
}
