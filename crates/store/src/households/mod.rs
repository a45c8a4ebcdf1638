//! Households (the context of a case) and their members.

use buurtteam_domain::address::HouseNumber;
use buurtteam_domain::codes::HouseholdRole;
use buurtteam_domain::ids::{DistrictId, HouseholdId, PersonId, TeamId, UserId};
use buurtteam_domain::person::Bsn;
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, StoreError, Tx, parse_code, sql_date, sql_ts};

mod search;
pub use search::{Backfilled, Search, backfill, possible_duplicates, search, write_name_key};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub street: String,
    pub house_number: HouseNumber,
    pub postcode: String,
    pub city: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Household {
    pub id: HouseholdId,
    pub address: Address,
    pub district_id: DistrictId,
    pub created_by: UserId,
    pub members: Vec<Person>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: PersonId,
    pub household_id: HouseholdId,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: Date,
    pub role: HouseholdRole,
    pub bsn: Option<Bsn>,
    /// A parent holding parental authority (gezag) over the household's children.
    pub parental_authority: bool,
    /// How to reach them (staff only).
    pub reach: Reach,
}

/// How to reach a household member; each part optional. Phone numbers are stored normalised
/// (`+31612345678`, `person::normalise_phone`), the e-mail address in lower case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reach {
    pub phone: Option<String>,
    pub other_phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NewPerson {
    pub given_name: String,
    pub family_name: String,
    pub birth_date: Date,
    pub role: HouseholdRole,
    pub bsn: Option<Bsn>,
    pub reach: Reach,
}

/// Inserts a household with its members; returns the new ids, members in input order.
pub async fn insert(
    tx: &mut Tx,
    address: &Address,
    district: DistrictId,
    members: &[NewPerson],
    created_by: UserId,
    now: Timestamp,
) -> Result<(HouseholdId, Vec<PersonId>)> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO households (street, house_number_text, house_number, house_letter, house_number_addition, \
         postcode, city, district_id, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id"
    )
    .bind(&address.street)
    .bind(address.house_number.to_string())
    .bind(i64::from(address.house_number.number))
    .bind(address.house_number.letter.map(String::from))
    .bind(address.house_number.addition.clone())
    .bind(&address.postcode)
    .bind(&address.city)
    .bind(district.0)
    .bind(created_by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    let mut ids = Vec::with_capacity(members.len());
    for m in members {
        let pid: i64 = on!(tx, |c| {
            sqlx::query_scalar(
            "INSERT INTO persons (household_id, given_name, family_name, birth_date, household_role, bsn, created_at, \
             parental_authority, phone, other_phone, email) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
             RETURNING id"
        )
        .bind(id)
        .bind(&m.given_name)
        .bind(&m.family_name)
        .bind(sql_date(m.birth_date))
        .bind(m.role.code())
        .bind(m.bsn.as_ref().map(Bsn::as_str))
        .bind(sql_ts(now))
        // Parents are taken to hold parental authority until the worker records otherwise.
        .bind(m.role == HouseholdRole::Parent)
        .bind(m.reach.phone.as_deref())
        .bind(m.reach.other_phone.as_deref())
        .bind(m.reach.email.as_deref())
        .fetch_one(&mut *c)
        .await
        })?;
        write_name_key(tx, PersonId(pid), &m.given_name, &m.family_name).await?;
        ids.push(PersonId(pid));
    }
    Ok((HouseholdId(id), ids))
}

#[derive(sqlx::FromRow)]
struct PersonRow {
    id: i64,
    household_id: i64,
    given_name: String,
    family_name: String,
    birth_date: jiff_sqlx::Date,
    household_role: String,
    bsn: Option<String>,
    parental_authority: bool,
    phone: Option<String>,
    other_phone: Option<String>,
    email: Option<String>,
}

const PERSON_COLUMNS: &str = "SELECT id, household_id, given_name, family_name, birth_date, household_role, bsn, \
    parental_authority, phone, other_phone, email FROM persons";

fn person_from_row(r: PersonRow) -> Result<Person> {
    let PersonRow {
        id,
        household_id: hh,
        given_name: given,
        family_name: family,
        birth_date: birth,
        household_role: role,
        bsn,
        parental_authority: authority,
        phone,
        other_phone,
        email,
    } = r;
    Ok(Person {
        id: PersonId(id),
        household_id: HouseholdId(hh),
        given_name: given,
        family_name: family,
        birth_date: birth.to_jiff(),
        role: parse_code("persons.household_role", &role, HouseholdRole::parse)?,
        bsn: bsn.map(|b| Bsn::parse(&b).map_err(|e| StoreError::Corrupt(format!("persons.bsn: {e}")))).transpose()?,
        parental_authority: authority,
        reach: Reach { phone, other_phone, email },
    })
}

/// Sets how to reach the member `person` of `household` (all three parts; `None` clears one).
pub async fn set_reach(tx: &mut Tx, household: HouseholdId, person: PersonId, reach: &Reach) -> Result<()> {
    let done = exec!(tx, |c| sqlx::query(
        "UPDATE persons SET phone = $3, other_phone = $4, email = $5 WHERE id = $2 AND household_id = $1"
    )
    .bind(household.0)
    .bind(person.0)
    .bind(reach.phone.as_deref())
    .bind(reach.other_phone.as_deref())
    .bind(reach.email.as_deref())
    .execute(&mut *c)
    .await)?;
    if done == 1 { Ok(()) } else { Err(StoreError::NotFound) }
}

/// One person.
pub async fn person(tx: &mut Tx, id: PersonId) -> Result<Option<Person>> {
    let sql = format!("{PERSON_COLUMNS} WHERE id = $1");
    let row: Option<PersonRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(id.0).fetch_optional(&mut *c).await)?;
    row.map(person_from_row).transpose()
}

pub async fn members(tx: &mut Tx, household: HouseholdId) -> Result<Vec<Person>> {
    let sql = format!("{PERSON_COLUMNS} WHERE household_id = $1 ORDER BY id");
    let rows: Vec<PersonRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(household.0).fetch_all(&mut *c).await)?;
    rows.into_iter().map(person_from_row).collect()
}

pub async fn get(tx: &mut Tx, id: HouseholdId) -> Result<Option<Household>> {
    type Row = (String, i64, Option<String>, Option<String>, String, String, i64, i64);
    let row: Option<Row> = on!(tx, |c| sqlx::query_as(
        "SELECT street, house_number, house_letter, house_number_addition, postcode, city, district_id, created_by \
         FROM households WHERE id = $1"
    )
    .bind(id.0)
    .fetch_optional(&mut *c)
    .await)?;
    let Some((street, number, letter, addition, postcode, city, district, created_by)) = row else { return Ok(None) };
    let house_number = HouseNumber {
        number: u32::try_from(number)
            .map_err(|_| StoreError::Corrupt(format!("households.house_number holds {number}")))?,
        letter: letter.and_then(|l| l.chars().next()),
        addition,
    };
    Ok(Some(Household {
        id,
        address: Address { street, house_number, postcode, city },
        district_id: DistrictId(district),
        created_by: UserId(created_by),
        members: members(tx, id).await?,
    }))
}

/// Who registered a household (`None`: there is no such household), with one query: with
/// [`case_team_ids`], what deciding access to it needs.
pub async fn created_by(tx: &mut Tx, id: HouseholdId) -> Result<Option<UserId>> {
    let by: Option<i64> = on!(tx, |c| sqlx::query_scalar("SELECT created_by FROM households WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut *c)
        .await)?;
    Ok(by.map(UserId))
}

/// The teams that have a case (open or closed) for this household.
pub async fn case_team_ids(tx: &mut Tx, household: HouseholdId) -> Result<Vec<TeamId>> {
    let ids: Vec<i64> = on!(tx, |c| sqlx::query_scalar("SELECT DISTINCT team_id FROM cases WHERE household_id = $1")
        .bind(household.0)
        .fetch_all(&mut *c)
        .await)?;
    Ok(ids.into_iter().map(TeamId).collect())
}

/// The cases of a household, for listing beside it: (id, team, status code, referred on); a
/// voided referral is left out, as from every list.
pub async fn cases_of(tx: &mut Tx, household: HouseholdId) -> Result<Vec<(i64, TeamId, String, Date)>> {
    let rows: Vec<(i64, i64, String, jiff_sqlx::Date)> = on!(tx, |c| {
        sqlx::query_as(
            "SELECT id, team_id, status, referred_on FROM cases WHERE household_id = $1 AND voided_on IS NULL \
         ORDER BY referred_on DESC, id DESC",
        )
        .bind(household.0)
        .fetch_all(&mut *c)
        .await
    })?;
    Ok(rows.into_iter().map(|(id, t, s, d)| (id, TeamId(t), s, d.to_jiff())).collect())
}
