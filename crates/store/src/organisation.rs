//! Districts, teams, staff users and their team membership, and the organisation's
//! closure days.

use buurtteam_domain::codes::{Role, TeamKind};
use buurtteam_domain::ids::{DistrictId, PersonId, TeamId, UserId};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, Tx, parse_code, sql_date, sql_ts};

/// The stored password of an account that has none here: one that signs in through the
/// organisation's identity provider only, or whose activation code is not used yet. No
/// password verifies against it (it is no PHC string).
pub const NO_LOCAL_PASSWORD: &str = "!";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct District {
    pub id: DistrictId,
    pub name: String,
    /// From this day on the district takes no new households; its cases and figures stay.
    pub ended_on: Option<Date>,
}

impl District {
    /// Whether the district is still in use on `day` (not ended by then).
    pub fn is_open_on(&self, day: Date) -> bool {
        self.ended_on.is_none_or(|e| e > day)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Team {
    pub id: TeamId,
    pub name: String,
    pub kind: TeamKind,
    /// The first of the districts the team serves (`district_ids`); `None` for a city-wide team.
    pub district_id: Option<DistrictId>,
    /// Every district the team serves (`team_districts`).
    pub district_ids: Vec<DistrictId>,
    /// How families reach the team (optional, set by an admin).
    pub phone: Option<String>,
    pub email: Option<String>,
    /// From this day on the team takes no new referrals and leaves the pickers; its cases and
    /// figures stay.
    pub ended_on: Option<Date>,
}

impl Team {
    /// Whether the team still takes referrals on `day` (not ended by then).
    pub fn is_open_on(&self, day: Date) -> bool {
        self.ended_on.is_none_or(|e| e > day)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub active: bool,
    pub team_ids: Vec<TeamId>,
    /// Whether the TOTP second factor is in use.
    pub second_factor: bool,
    /// For a household member's portal account: their person record.
    pub person_id: Option<PersonId>,
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub password_hash: &'a str,
    pub team_ids: &'a [TeamId],
}

/// Adds a district, with its name in the history of names from `today` on.
pub async fn insert_district(tx: &mut Tx, name: &str, now: Timestamp) -> Result<DistrictId> {
    let id: i64 =
        on!(tx, |c| sqlx::query_scalar("INSERT INTO districts (name, created_at) VALUES ($1, $2) RETURNING id")
            .bind(name)
            .bind(sql_ts(now))
            .fetch_one(&mut *c)
            .await)?;
    let id = DistrictId(id);
    let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
    crate::districts::record_name(tx, crate::districts::Named::District(id), name, today, now).await?;
    Ok(id)
}

pub async fn list_districts(tx: &mut Tx) -> Result<Vec<District>> {
    let rows: Vec<(i64, String, Option<jiff_sqlx::Date>)> =
        on!(tx, |c| sqlx::query_as("SELECT id, name, ended_on FROM districts ORDER BY name").fetch_all(&mut *c).await)?;
    Ok(rows
        .into_iter()
        .map(|(id, name, ended)| District { id: DistrictId(id), name, ended_on: ended.map(|d| d.to_jiff()) })
        .collect())
}

pub async fn district_exists(tx: &mut Tx, id: DistrictId) -> Result<bool> {
    let n: i64 = on!(tx, |c| sqlx::query_scalar("SELECT COUNT(*) FROM districts WHERE id = $1")
        .bind(id.0)
        .fetch_one(&mut *c)
        .await)?;
    Ok(n > 0)
}

pub async fn insert_team(
    tx: &mut Tx,
    name: &str,
    kind: TeamKind,
    district_id: Option<DistrictId>,
    now: Timestamp,
) -> Result<TeamId> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO teams (name, kind, district_id, created_at) VALUES ($1, $2, $3, $4) RETURNING id"
    )
    .bind(name)
    .bind(kind.code())
    .bind(district_id.map(|d| d.0))
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    let id = TeamId(id);
    if let Some(d) = district_id {
        crate::districts::set_team_districts(tx, id, &[d]).await?;
    }
    let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
    crate::districts::record_name(tx, crate::districts::Named::Team(id), name, today, now).await?;
    Ok(id)
}

/// Sets a team's contact details.
pub async fn update_team_contact(tx: &mut Tx, id: TeamId, phone: Option<&str>, email: Option<&str>) -> Result<()> {
    exec!(tx, |c| sqlx::query("UPDATE teams SET phone = $2, email = $3 WHERE id = $1")
        .bind(id.0)
        .bind(phone)
        .bind(email)
        .execute(&mut *c)
        .await)?;
    Ok(())
}

type TeamRow = (i64, String, String, Option<i64>, Option<String>, Option<String>, Option<jiff_sqlx::Date>);
const TEAM_COLUMNS: &str = "id, name, kind, district_id, phone, email, ended_on";

fn team_from_row(
    (id, name, kind, district, phone, email, ended): TeamRow,
    served: &[(TeamId, DistrictId)],
) -> Result<Team> {
    let id = TeamId(id);
    let mut district_ids: Vec<DistrictId> = served.iter().filter(|(t, _)| *t == id).map(|(_, d)| *d).collect();
    // The first district stays first: it is the one `teams.district_id` names.
    if let Some(first) = district.map(DistrictId) {
        district_ids.retain(|d| *d != first);
        district_ids.insert(0, first);
    }
    Ok(Team {
        id,
        name,
        kind: parse_code("teams.kind", &kind, TeamKind::parse)?,
        district_id: district.map(DistrictId),
        district_ids,
        phone,
        email,
        ended_on: ended.map(|d| d.to_jiff()),
    })
}

pub async fn list_teams(tx: &mut Tx) -> Result<Vec<Team>> {
    let sql = format!("SELECT {TEAM_COLUMNS} FROM teams ORDER BY name");
    let rows: Vec<TeamRow> = on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).fetch_all(&mut *c).await)?;
    let served = crate::districts::team_districts(tx).await?;
    rows.into_iter().map(|r| team_from_row(r, &served)).collect()
}

pub async fn get_team(tx: &mut Tx, id: TeamId) -> Result<Option<Team>> {
    let sql = format!("SELECT {TEAM_COLUMNS} FROM teams WHERE id = $1");
    let row: Option<TeamRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(id.0).fetch_optional(&mut *c).await)?;
    let Some(row) = row else { return Ok(None) };
    let served: Vec<(i64, i64)> = on!(tx, |c| sqlx::query_as(
        "SELECT team_id, district_id FROM team_districts WHERE team_id = $1 ORDER BY district_id"
    )
    .bind(id.0)
    .fetch_all(&mut *c)
    .await)?;
    let served: Vec<(TeamId, DistrictId)> = served.into_iter().map(|(t, d)| (TeamId(t), DistrictId(d))).collect();
    team_from_row(row, &served).map(Some)
}

pub async fn insert_user(tx: &mut Tx, user: &NewUser<'_>, now: Timestamp) -> Result<UserId> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO users (email, name, role, password_hash, active, created_at) \
         VALUES ($1, $2, $3, $4, TRUE, $5) RETURNING id"
    )
    .bind(user.email)
    .bind(user.name)
    .bind(user.role.code())
    .bind(user.password_hash)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    for team in user.team_ids {
        exec!(tx, |c| sqlx::query("INSERT INTO team_members (user_id, team_id) VALUES ($1, $2)")
            .bind(id)
            .bind(team.0)
            .execute(&mut *c)
            .await)?;
    }
    Ok(UserId(id))
}

/// Takes a user off a team: they keep their account, and the team's records close to them
/// from their next request on. Returns whether they were on it.
pub async fn leave_team(tx: &mut Tx, user: UserId, team: TeamId) -> Result<bool> {
    let n = exec!(tx, |c| sqlx::query("DELETE FROM team_members WHERE user_id = $1 AND team_id = $2")
        .bind(user.0)
        .bind(team.0)
        .execute(&mut *c)
        .await)?;
    Ok(n > 0)
}

/// Links a household member's portal account to their person record.
pub async fn link_person(tx: &mut Tx, user: UserId, person: PersonId) -> Result<()> {
    exec!(tx, |c| sqlx::query("UPDATE users SET person_id = $2 WHERE id = $1")
        .bind(user.0)
        .bind(person.0)
        .execute(&mut *c)
        .await)?;
    Ok(())
}

type UserRow = (i64, String, String, String, bool, bool, Option<i64>);
const USER_COLUMNS: &str =
    "SELECT id, email, name, role, active, (totp_enabled_at IS NOT NULL) AS second_factor, person_id FROM users";

async fn user_from_row(tx: &mut Tx, (id, email, name, role, active, second_factor, person): UserRow) -> Result<User> {
    let team_ids = team_ids_of(tx, UserId(id)).await?;
    let role = parse_code("users.role", &role, Role::parse)?;
    Ok(User { id: UserId(id), email, name, role, active, team_ids, second_factor, person_id: person.map(PersonId) })
}

pub async fn team_ids_of(tx: &mut Tx, user: UserId) -> Result<Vec<TeamId>> {
    let ids: Vec<i64> =
        on!(tx, |c| sqlx::query_scalar("SELECT team_id FROM team_members WHERE user_id = $1 ORDER BY team_id")
            .bind(user.0)
            .fetch_all(&mut *c)
            .await)?;
    Ok(ids.into_iter().map(TeamId).collect())
}

pub async fn get_user(tx: &mut Tx, id: UserId) -> Result<Option<User>> {
    let sql = format!("{USER_COLUMNS} WHERE id = $1");
    let row: Option<UserRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(id.0).fetch_optional(&mut *c).await)?;
    match row {
        Some(r) => Ok(Some(user_from_row(tx, r).await?)),
        None => Ok(None),
    }
}

/// The user with this (lower-case) email and their password hash.
pub async fn find_login(tx: &mut Tx, email: &str) -> Result<Option<(User, String)>> {
    let row: Option<(i64, String)> =
        on!(tx, |c| sqlx::query_as("SELECT id, password_hash FROM users WHERE email = $1")
            .bind(email)
            .fetch_optional(&mut *c)
            .await)?;
    let Some((id, hash)) = row else { return Ok(None) };
    Ok(get_user(tx, UserId(id)).await?.map(|u| (u, hash)))
}

pub async fn list_users(tx: &mut Tx) -> Result<Vec<User>> {
    let sql = format!("{USER_COLUMNS} ORDER BY name, id");
    let rows: Vec<UserRow> = on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).fetch_all(&mut *c).await)?;
    let memberships: Vec<(i64, i64)> =
        on!(tx, |c| sqlx::query_as("SELECT user_id, team_id FROM team_members ORDER BY team_id")
            .fetch_all(&mut *c)
            .await)?;
    rows.into_iter()
        .map(|(id, email, name, role, active, second_factor, person)| {
            let team_ids = memberships.iter().filter(|(u, _)| *u == id).map(|(_, t)| TeamId(*t)).collect();
            Ok(User {
                id: UserId(id),
                email,
                name,
                role: parse_code("users.role", &role, Role::parse)?,
                active,
                team_ids,
                second_factor,
                person_id: person.map(PersonId),
            })
        })
        .collect()
}

/// Closure days of the organisation (bridge days and other days off), in date order.
pub async fn list_closure_days(tx: &mut Tx) -> Result<Vec<(Date, String)>> {
    let rows: Vec<(jiff_sqlx::Date, String)> =
        on!(tx, |c| sqlx::query_as("SELECT day, description FROM closure_days ORDER BY day").fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(|(d, s)| (d.to_jiff(), s)).collect())
}

pub async fn insert_closure_day(tx: &mut Tx, day: Date, description: &str, now: Timestamp) -> Result<()> {
    exec!(tx, |c| sqlx::query("INSERT INTO closure_days (day, description, created_at) VALUES ($1, $2, $3)")
        .bind(sql_date(day))
        .bind(description)
        .bind(sql_ts(now))
        .execute(&mut *c)
        .await)?;
    Ok(())
}

/// Removes a closure day; `false` when there was none on that day.
pub async fn delete_closure_day(tx: &mut Tx, day: Date) -> Result<bool> {
    let done = exec!(tx, |c| sqlx::query("DELETE FROM closure_days WHERE day = $1")
        .bind(sql_date(day))
        .execute(&mut *c)
        .await)?;
    Ok(done > 0)
}

/// The active family workers and team managers of a team: (id, name, role), by name.
pub async fn team_staff(tx: &mut Tx, team: TeamId) -> Result<Vec<(UserId, String, Role)>> {
    let rows: Vec<(i64, String, String)> = on!(tx, |c| sqlx::query_as(
        "SELECT u.id, u.name, u.role FROM users u JOIN team_members m ON m.user_id = u.id \
         WHERE m.team_id = $1 AND u.active AND u.role IN ('family_worker', 'team_manager') ORDER BY u.name, u.id"
    )
    .bind(team.0)
    .fetch_all(&mut *c)
    .await)?;
    rows.into_iter()
        .map(|(id, name, role)| Ok((UserId(id), name, parse_code("users.role", &role, Role::parse)?)))
        .collect()
}
