//! Staff absence spells (decision 0036): start, expected return, end and the part of the
//! contract absent. There is deliberately no column for a reason.

use buurtteam_domain::absence::Spell;
use buurtteam_domain::ids::UserId;
use jiff::Timestamp;

use crate::{Result, Tx, sql_date, sql_ts};

/// A spell as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Absence {
    pub id: i64,
    pub user_id: UserId,
    pub spell: Spell,
    pub recorded_by: UserId,
}

type Row = (i64, i64, jiff_sqlx::Date, Option<jiff_sqlx::Date>, Option<jiff_sqlx::Date>, i64, i64);

const COLUMNS: &str =
    "SELECT id, user_id, starts_on, expected_back_on, ends_on, CAST(percentage AS BIGINT), recorded_by FROM absences";

fn absence((id, user, starts, expected, ends, percentage, by): Row) -> Absence {
    Absence {
        id,
        user_id: UserId(user),
        spell: Spell {
            starts_on: starts.to_jiff(),
            expected_back_on: expected.map(|d| d.to_jiff()),
            ends_on: ends.map(|d| d.to_jiff()),
            percentage: u8::try_from(percentage).unwrap_or(100),
        },
        recorded_by: UserId(by),
    }
}

/// Records a spell of `user`; answers its id.
pub async fn insert(tx: &mut Tx, user: UserId, spell: &Spell, by: UserId, now: Timestamp) -> Result<i64> {
    let id: i64 = on!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO absences (user_id, starts_on, expected_back_on, ends_on, percentage, recorded_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id"
    )
    .bind(user.0)
    .bind(sql_date(spell.starts_on))
    .bind(spell.expected_back_on.map(sql_date))
    .bind(spell.ends_on.map(sql_date))
    .bind(i32::from(spell.percentage))
    .bind(by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await
    })?;
    Ok(id)
}

/// Writes the changeable fields of spell `id` (its end, expected return and percentage).
pub async fn update(tx: &mut Tx, id: i64, spell: &Spell, now: Timestamp) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "UPDATE absences SET expected_back_on = $2, ends_on = $3, percentage = $4, updated_at = $5 WHERE id = $1"
    )
    .bind(id)
    .bind(spell.expected_back_on.map(sql_date))
    .bind(spell.ends_on.map(sql_date))
    .bind(i32::from(spell.percentage))
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    Ok(())
}

/// Spell `id`, if it exists.
pub async fn get(tx: &mut Tx, id: i64) -> Result<Option<Absence>> {
    let sql = format!("{COLUMNS} WHERE id = $1");
    let row: Option<Row> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(&mut *c).await)?;
    Ok(row.map(absence))
}

/// The spells of `user`, latest first.
pub async fn of_user(tx: &mut Tx, user: UserId) -> Result<Vec<Absence>> {
    let sql = format!("{COLUMNS} WHERE user_id = $1 ORDER BY starts_on DESC, id DESC");
    let rows: Vec<Row> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(user.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(absence).collect())
}

/// A staff member counted in the absence figures: role, contract hours per week and spells.
#[derive(Debug, Clone, PartialEq)]
pub struct Counted {
    pub user_id: UserId,
    pub role: buurtteam_domain::codes::Role,
    pub contract_hours: f64,
    pub spells: Vec<Spell>,
}

/// The active staff with contract hours in `scope` (a team: its members; a district: the
/// members of the teams of the district; the city: everyone) with every spell that may touch
/// the range from `from` on. Contract hours are the ones the admin pages set.
pub async fn counted(tx: &mut Tx, scope: crate::kpi::Scope, from: jiff::civil::Date) -> Result<Vec<Counted>> {
    use crate::kpi::Scope;
    let (cond, id) = match scope {
        Scope::City => ("", None),
        Scope::Team(t) => {
            (" AND EXISTS (SELECT 1 FROM team_members m WHERE m.user_id = u.id AND m.team_id = $1)", Some(t.0))
        }
        Scope::District(d) => (
            " AND EXISTS (SELECT 1 FROM team_members m JOIN teams t ON t.id = m.team_id \
               WHERE m.user_id = u.id AND t.district_id = $1)",
            Some(d.0),
        ),
    };
    let sql = format!(
        "SELECT u.id, u.role, u.contract_hours_hundredths FROM users u \
         WHERE u.active AND u.contract_hours_hundredths > 0{cond} ORDER BY u.id"
    );
    let people: Vec<(i64, String, i32)> = on!(tx, |c| {
        let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()));
        if let Some(id) = id {
            q = q.bind(id);
        }
        q.fetch_all(&mut *c).await
    })?;
    let spells_sql = format!(
        "{COLUMNS} WHERE (ends_on IS NULL OR ends_on >= $1) AND user_id IN (SELECT u.id FROM users u \
         WHERE u.active AND u.contract_hours_hundredths > 0{}) ORDER BY user_id, starts_on",
        cond.replace("$1", "$2")
    );
    let rows: Vec<Row> = on!(tx, |c| {
        let mut q = sqlx::query_as(sqlx::AssertSqlSafe(spells_sql.as_str())).bind(sql_date(from));
        if let Some(id) = id {
            q = q.bind(id);
        }
        q.fetch_all(&mut *c).await
    })?;
    let spells: Vec<Absence> = rows.into_iter().map(absence).collect();
    Ok(people
        .into_iter()
        .filter_map(|(id, role, hundredths)| {
            let role = buurtteam_domain::codes::Role::parse(&role)?;
            Some(Counted {
                user_id: UserId(id),
                role,
                contract_hours: f64::from(hundredths) / 100.0,
                spells: spells.iter().filter(|a| a.user_id.0 == id).map(|a| a.spell).collect(),
            })
        })
        .collect())
}

/// Sets the contract hours per week of `user` (the synthetic city; people set them on the
/// admin pages).
pub async fn set_contract_hours(tx: &mut Tx, user: UserId, hours: f64) -> Result<()> {
    let hundredths = (hours * 100.0).round() as i32;
    exec!(tx, |c| sqlx::query("UPDATE users SET contract_hours_hundredths = $2 WHERE id = $1")
        .bind(user.0)
        .bind(hundredths)
        .execute(&mut *c)
        .await)?;
    Ok(())
}

/// The spells that cover day `on` (started on or before it, not ended before it), of everyone.
pub async fn covering(tx: &mut Tx, on: jiff::civil::Date) -> Result<Vec<Absence>> {
    let sql =
        format!("{COLUMNS} WHERE starts_on <= $1 AND (ends_on IS NULL OR ends_on >= $1) ORDER BY user_id, starts_on");
    let rows: Vec<Row> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(sql_date(on)).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(absence).collect())
}
