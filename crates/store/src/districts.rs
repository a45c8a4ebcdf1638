//! The districts (wijken) with their neighbourhoods (buurten) and postcode areas, the districts
//! each team serves, and the history of every name (decision 0019). Districts, neighbourhoods
//! and teams are never deleted, only ended.

use buurtteam_domain::ids::{DistrictId, NeighbourhoodId, TeamId};
use buurtteam_domain::postcode_area::PostcodeArea;
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, StoreError, Tx, sql_date, sql_ts};

/// A neighbourhood with its postcode areas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neighbourhood {
    pub id: NeighbourhoodId,
    pub district_id: DistrictId,
    pub name: String,
    pub ended_on: Option<Date>,
    pub areas: Vec<PostcodeArea>,
}

/// What a name belongs to, as stored in `organisation_names.object_type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    District(DistrictId),
    Neighbourhood(NeighbourhoodId),
    Team(TeamId),
}

impl Named {
    fn parts(self) -> (&'static str, i64) {
        match self {
            Self::District(d) => ("district", d.0),
            Self::Neighbourhood(n) => ("neighbourhood", n.0),
            Self::Team(t) => ("team", t.0),
        }
    }
}

/// A name something had from a day on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormerName {
    pub object_type: String,
    pub object_id: i64,
    pub name: String,
    pub valid_from: Date,
}

/// Records that `what` is called `name` from `valid_from` on.
pub async fn record_name(tx: &mut Tx, what: Named, name: &str, valid_from: Date, now: Timestamp) -> Result<()> {
    let (kind, id) = what.parts();
    exec!(tx, |c| {
        sqlx::query(
        "INSERT INTO organisation_names (object_type, object_id, name, valid_from, created_at) VALUES ($1, $2, $3, $4, $5)"
    )
    .bind(kind)
    .bind(id)
    .bind(name)
    .bind(sql_date(valid_from))
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await
    })?;
    Ok(())
}

/// Every recorded name of every district, neighbourhood and team, oldest first.
pub async fn names(tx: &mut Tx) -> Result<Vec<FormerName>> {
    let rows: Vec<(String, i64, String, jiff_sqlx::Date)> = on!(tx, |c| sqlx::query_as(
        "SELECT object_type, object_id, name, valid_from FROM organisation_names ORDER BY valid_from, id"
    )
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows
        .into_iter()
        .map(|(object_type, object_id, name, d)| FormerName { object_type, object_id, name, valid_from: d.to_jiff() })
        .collect())
}

pub async fn rename_district(tx: &mut Tx, id: DistrictId, name: &str) -> Result<()> {
    exec!(tx, |c| sqlx::query("UPDATE districts SET name = $2 WHERE id = $1")
        .bind(id.0)
        .bind(name)
        .execute(&mut *c)
        .await)?;
    Ok(())
}

pub async fn set_district_ended(tx: &mut Tx, id: DistrictId, ended_on: Option<Date>) -> Result<()> {
    exec!(tx, |c| sqlx::query("UPDATE districts SET ended_on = $2 WHERE id = $1")
        .bind(id.0)
        .bind(ended_on.map(sql_date))
        .execute(&mut *c)
        .await)?;
    Ok(())
}

pub async fn insert_neighbourhood(
    tx: &mut Tx,
    district: DistrictId,
    name: &str,
    now: Timestamp,
) -> Result<NeighbourhoodId> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO neighbourhoods (district_id, name, created_at) VALUES ($1, $2, $3) RETURNING id"
    )
    .bind(district.0)
    .bind(name)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    Ok(NeighbourhoodId(id))
}

pub async fn update_neighbourhood(tx: &mut Tx, n: &Neighbourhood) -> Result<()> {
    exec!(tx, |c| sqlx::query("UPDATE neighbourhoods SET name = $2, ended_on = $3 WHERE id = $1")
        .bind(n.id.0)
        .bind(&n.name)
        .bind(n.ended_on.map(sql_date))
        .execute(&mut *c)
        .await)?;
    Ok(())
}

/// Replaces the postcode areas of a neighbourhood.
pub async fn set_areas(tx: &mut Tx, id: NeighbourhoodId, areas: &[PostcodeArea], now: Timestamp) -> Result<()> {
    exec!(tx, |c| sqlx::query("DELETE FROM postcode_areas WHERE neighbourhood_id = $1")
        .bind(id.0)
        .execute(&mut *c)
        .await)?;
    for a in areas {
        exec!(tx, |c| {
            sqlx::query(
            "INSERT INTO postcode_areas (neighbourhood_id, from_postcode, to_postcode, created_at) VALUES ($1, $2, $3, $4)"
        )
        .bind(id.0)
        .bind(a.from())
        .bind(a.to())
        .bind(sql_ts(now))
        .execute(&mut *c)
        .await
        })?;
    }
    Ok(())
}

type NeighbourhoodRow = (i64, i64, String, Option<jiff_sqlx::Date>);

/// Every neighbourhood with its areas, by district and name.
pub async fn list_neighbourhoods(tx: &mut Tx) -> Result<Vec<Neighbourhood>> {
    let rows: Vec<NeighbourhoodRow> = on!(tx, |c| sqlx::query_as(
        "SELECT id, district_id, name, ended_on FROM neighbourhoods ORDER BY district_id, name"
    )
    .fetch_all(&mut *c)
    .await)?;
    let areas: Vec<(i64, String, String)> = on!(tx, |c| sqlx::query_as(
        "SELECT neighbourhood_id, from_postcode, to_postcode FROM postcode_areas ORDER BY from_postcode"
    )
    .fetch_all(&mut *c)
    .await)?;
    rows.into_iter()
        .map(|(id, district, name, ended)| {
            let areas = areas
                .iter()
                .filter(|(n, _, _)| *n == id)
                .map(|(_, f, t)| {
                    PostcodeArea::from_ends(f, t)
                        .ok_or_else(|| StoreError::Corrupt(format!("postcode_areas holds {f:?}-{t:?}")))
                })
                .collect::<Result<Vec<_>>>()?;
            Ok(Neighbourhood {
                id: NeighbourhoodId(id),
                district_id: DistrictId(district),
                name,
                ended_on: ended.map(|d| d.to_jiff()),
                areas,
            })
        })
        .collect()
}

pub async fn get_neighbourhood(tx: &mut Tx, id: NeighbourhoodId) -> Result<Option<Neighbourhood>> {
    Ok(list_neighbourhoods(tx).await?.into_iter().find(|n| n.id == id))
}

/// The district of the neighbourhood whose postcode area holds `postcode` (normalised), where
/// neither has ended by `today`: (district, neighbourhood).
pub async fn district_of_postcode(
    tx: &mut Tx,
    postcode: &str,
    today: Date,
) -> Result<Option<(DistrictId, NeighbourhoodId)>> {
    let row: Option<(i64, i64)> = on!(tx, |c| sqlx::query_as(
        "SELECT n.district_id, n.id FROM postcode_areas a \
         JOIN neighbourhoods n ON n.id = a.neighbourhood_id JOIN districts d ON d.id = n.district_id \
         WHERE a.from_postcode <= $1 AND a.to_postcode >= $1 \
         AND (n.ended_on IS NULL OR n.ended_on > $2) AND (d.ended_on IS NULL OR d.ended_on > $2) \
         ORDER BY a.from_postcode, a.to_postcode LIMIT 1"
    )
    .bind(postcode)
    .bind(sql_date(today))
    .fetch_optional(&mut *c)
    .await)?;
    Ok(row.map(|(d, n)| (DistrictId(d), NeighbourhoodId(n))))
}

/// Sets the districts a team serves; `teams.district_id` becomes the first of them.
pub async fn set_team_districts(tx: &mut Tx, team: TeamId, districts: &[DistrictId]) -> Result<()> {
    exec!(tx, |c| sqlx::query("DELETE FROM team_districts WHERE team_id = $1").bind(team.0).execute(&mut *c).await)?;
    for d in districts {
        exec!(tx, |c| sqlx::query("INSERT INTO team_districts (team_id, district_id) VALUES ($1, $2)")
            .bind(team.0)
            .bind(d.0)
            .execute(&mut *c)
            .await)?;
    }
    exec!(tx, |c| sqlx::query("UPDATE teams SET district_id = $2 WHERE id = $1")
        .bind(team.0)
        .bind(districts.first().map(|d| d.0))
        .execute(&mut *c)
        .await)?;
    Ok(())
}

/// (team, district) for every district every team serves.
pub async fn team_districts(tx: &mut Tx) -> Result<Vec<(TeamId, DistrictId)>> {
    let rows: Vec<(i64, i64)> =
        on!(tx, |c| sqlx::query_as("SELECT team_id, district_id FROM team_districts ORDER BY team_id, district_id")
            .fetch_all(&mut *c)
            .await)?;
    Ok(rows.into_iter().map(|(t, d)| (TeamId(t), DistrictId(d))).collect())
}

/// Changes a team's name, kind and end date.
pub async fn update_team(tx: &mut Tx, team: TeamId, name: &str, kind: &str, ended_on: Option<Date>) -> Result<()> {
    exec!(tx, |c| sqlx::query("UPDATE teams SET name = $2, kind = $3, ended_on = $4 WHERE id = $1")
        .bind(team.0)
        .bind(name)
        .bind(kind)
        .bind(ended_on.map(sql_date))
        .execute(&mut *c)
        .await)?;
    Ok(())
}

/// How many cases a team carries, all of them.
pub async fn team_case_count(tx: &mut Tx, team: TeamId) -> Result<i64> {
    let n: i64 = on!(tx, |c| sqlx::query_scalar("SELECT COUNT(*) FROM cases WHERE team_id = $1")
        .bind(team.0)
        .fetch_one(&mut *c)
        .await)?;
    Ok(n)
}
