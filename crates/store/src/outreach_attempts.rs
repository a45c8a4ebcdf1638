//! Attempts to reach a campaign address (issue 16): the address as the attempt needs it, the
//! attempts themselves, the status they lead to, and the destruction of the signal data of
//! addresses that did not become clients (decision 0034).

use buurtteam_domain::ids::{CaseId, DistrictId, HouseholdId, TeamId, UserId};
use buurtteam_domain::outreach::{Approach, AttemptResult, DeclineReason};
use buurtteam_domain::outreach_funnel::AddressStatus;
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, Tx, parse_code, sql_date, sql_ts};

/// A campaign address as an attempt needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignAddress {
    pub id: i64,
    pub campaign_id: i64,
    pub district_id: Option<DistrictId>,
    pub street: String,
    pub house_number: i64,
    pub house_letter: String,
    pub house_number_addition: String,
    pub postcode: String,
    pub household_id: Option<HouseholdId>,
    pub status: AddressStatus,
    pub case_id: Option<CaseId>,
    pub destroyed_on: Option<Date>,
}

#[derive(sqlx::FromRow)]
struct AddressRow {
    id: i64,
    campaign_id: i64,
    district_id: Option<i64>,
    street: String,
    house_number: i64,
    house_letter: String,
    house_number_addition: String,
    postcode: String,
    household_id: Option<i64>,
    status: String,
    case_id: Option<i64>,
    destroyed_on: Option<jiff_sqlx::Date>,
}

pub async fn address(tx: &mut Tx, id: i64) -> Result<Option<CampaignAddress>> {
    let row: Option<AddressRow> = on!(tx, |c| {
        sqlx::query_as(
        "SELECT id, campaign_id, district_id, street, CAST(house_number AS BIGINT) AS house_number, house_letter, house_number_addition, postcode, \
         household_id, status, case_id, destroyed_on FROM campaign_addresses WHERE id = $1"
    )
    .bind(id)
    .fetch_optional(&mut *c)
    .await
    })?;
    row.map(|r| {
        Ok(CampaignAddress {
            id: r.id,
            campaign_id: r.campaign_id,
            district_id: r.district_id.map(DistrictId),
            street: r.street,
            house_number: r.house_number,
            house_letter: r.house_letter,
            house_number_addition: r.house_number_addition,
            postcode: r.postcode,
            household_id: r.household_id.map(HouseholdId),
            status: parse_code("campaign_addresses.status", &r.status, AddressStatus::parse)?,
            case_id: r.case_id.map(CaseId),
            destroyed_on: r.destroyed_on.map(|d| d.to_jiff()),
        })
    })
    .transpose()
}

/// A campaign's districts and assigned workers (what the outreach policy decides on); None
/// when there is no such campaign.
pub async fn campaign_scope(tx: &mut Tx, campaign: i64) -> Result<Option<(Vec<DistrictId>, Vec<UserId>)>> {
    let exists: Option<i64> = on!(tx, |c| sqlx::query_scalar("SELECT id FROM campaigns WHERE id = $1")
        .bind(campaign)
        .fetch_optional(&mut *c)
        .await)?;
    if exists.is_none() {
        return Ok(None);
    }
    let districts: Vec<i64> = on!(tx, |c| sqlx::query_scalar(
        "SELECT district_id FROM campaign_districts WHERE campaign_id = $1 ORDER BY district_id"
    )
    .bind(campaign)
    .fetch_all(&mut *c)
    .await)?;
    let workers: Vec<i64> = on!(tx, |c| sqlx::query_scalar(
        "SELECT user_id FROM campaign_workers WHERE campaign_id = $1 ORDER BY user_id"
    )
    .bind(campaign)
    .fetch_all(&mut *c)
    .await)?;
    Ok(Some((districts.into_iter().map(DistrictId).collect(), workers.into_iter().map(UserId).collect())))
}

/// The districts the teams serve.
pub async fn districts_of_teams(tx: &mut Tx, teams: &[TeamId]) -> Result<Vec<DistrictId>> {
    let mut out = Vec::new();
    for t in teams {
        let ds: Vec<i64> = on!(tx, |c| sqlx::query_scalar(
            "SELECT district_id FROM team_districts WHERE team_id = $1 UNION SELECT district_id FROM teams \
             WHERE id = $1 AND district_id IS NOT NULL"
        )
        .bind(t.0)
        .fetch_all(&mut *c)
        .await)?;
        out.extend(ds.into_iter().map(DistrictId));
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// The team that takes referrals from `district` on `today`: the open team serving it with the
/// lowest id.
pub async fn team_of_district(tx: &mut Tx, district: DistrictId, today: Date) -> Result<Option<TeamId>> {
    let id: Option<i64> = on!(tx, |c| sqlx::query_scalar(
        "SELECT t.id FROM teams t WHERE (t.ended_on IS NULL OR t.ended_on > $2) AND (t.district_id = $1 \
         OR EXISTS (SELECT 1 FROM team_districts td WHERE td.team_id = t.id AND td.district_id = $1)) \
         ORDER BY t.id LIMIT 1"
    )
    .bind(district.0)
    .bind(sql_date(today))
    .fetch_optional(&mut *c)
    .await)?;
    Ok(id.map(TeamId))
}

/// The names on the latest signal of an address (for the household a referral creates).
pub async fn signal_name(tx: &mut Tx, address: i64) -> Result<Option<(String, String)>> {
    Ok(on!(tx, |c| sqlx::query_as(
        "SELECT given_name, family_name FROM campaign_signals WHERE address_id = $1 \
         ORDER BY received_on DESC, id DESC LIMIT 1"
    )
    .bind(address)
    .fetch_optional(&mut *c)
    .await)?)
}

/// One recorded attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAttempt {
    pub id: i64,
    pub address_id: i64,
    pub approach: Approach,
    pub on: Date,
    pub result: AttemptResult,
    pub decline_reason: Option<DeclineReason>,
    pub decline_detail: Option<String>,
    pub recorded_by: UserId,
    /// The name of who recorded it (empty for a user since removed).
    pub recorded_by_name: String,
}

#[derive(sqlx::FromRow)]
struct AttemptRow {
    id: i64,
    address_id: i64,
    approach: String,
    attempted_on: jiff_sqlx::Date,
    result: String,
    decline_reason: Option<String>,
    decline_detail: Option<String>,
    recorded_by: i64,
    recorded_by_name: Option<String>,
}

impl AttemptRow {
    fn into_attempt(self) -> Result<StoredAttempt> {
        Ok(StoredAttempt {
            id: self.id,
            address_id: self.address_id,
            approach: parse_code("outreach_attempts.approach", &self.approach, Approach::parse)?,
            on: self.attempted_on.to_jiff(),
            result: parse_code("outreach_attempts.result", &self.result, AttemptResult::parse)?,
            decline_reason: self
                .decline_reason
                .map(|r| parse_code("outreach_attempts.decline_reason", &r, DeclineReason::parse))
                .transpose()?,
            decline_detail: self.decline_detail,
            recorded_by: UserId(self.recorded_by),
            recorded_by_name: self.recorded_by_name.unwrap_or_default(),
        })
    }
}

const ATTEMPT_COLUMNS: &str = "SELECT a.id, a.address_id, a.approach, a.attempted_on, a.result, a.decline_reason, \
     a.decline_detail, a.recorded_by, u.name AS recorded_by_name FROM outreach_attempts a \
     LEFT JOIN users u ON u.id = a.recorded_by";

/// The attempts on an address, oldest first.
pub async fn attempts(tx: &mut Tx, address: i64) -> Result<Vec<StoredAttempt>> {
    let sql = format!("{ATTEMPT_COLUMNS} WHERE a.address_id = $1 ORDER BY a.attempted_on, a.id");
    let rows: Vec<AttemptRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(address).fetch_all(&mut *c).await)?;
    rows.into_iter().map(AttemptRow::into_attempt).collect()
}

/// The team a referral is on: its id and name.
pub async fn team_of_case(tx: &mut Tx, case: CaseId) -> Result<Option<(TeamId, String)>> {
    let row: Option<(i64, String)> = on!(tx, |c| sqlx::query_as(
        "SELECT t.id, t.name FROM cases c JOIN teams t ON t.id = c.team_id WHERE c.id = $1"
    )
    .bind(case.0)
    .fetch_optional(&mut *c)
    .await)?;
    Ok(row.map(|(id, name)| (TeamId(id), name)))
}

/// The attempts on every address of a campaign, per address oldest first.
pub async fn attempts_of_campaign(tx: &mut Tx, campaign: i64) -> Result<Vec<StoredAttempt>> {
    let sql = format!(
        "{ATTEMPT_COLUMNS} JOIN campaign_addresses d ON d.id = a.address_id WHERE d.campaign_id = $1 \
         ORDER BY a.address_id, a.attempted_on, a.id"
    );
    let rows: Vec<AttemptRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(campaign).fetch_all(&mut *c).await)?;
    rows.into_iter().map(AttemptRow::into_attempt).collect()
}

/// Every address of a campaign: id, district, status.
pub async fn statuses_of_campaign(tx: &mut Tx, campaign: i64) -> Result<Vec<(i64, Option<DistrictId>, AddressStatus)>> {
    let rows: Vec<(i64, Option<i64>, String)> = on!(tx, |c| sqlx::query_as(
        "SELECT id, district_id, status FROM campaign_addresses WHERE campaign_id = $1 ORDER BY id"
    )
    .bind(campaign)
    .fetch_all(&mut *c)
    .await)?;
    rows.into_iter()
        .map(|(id, d, s)| {
            Ok((id, d.map(DistrictId), parse_code("campaign_addresses.status", &s, AddressStatus::parse)?))
        })
        .collect()
}

/// A new attempt.
#[derive(Debug, Clone)]
pub struct NewAttempt<'a> {
    pub address_id: i64,
    pub approach: Approach,
    pub on: Date,
    pub result: AttemptResult,
    pub decline_reason: Option<DeclineReason>,
    pub decline_detail: Option<&'a str>,
    pub by: UserId,
}

pub async fn insert_attempt(tx: &mut Tx, a: &NewAttempt<'_>, now: Timestamp) -> Result<i64> {
    Ok(on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO outreach_attempts (address_id, approach, attempted_on, result, decline_reason, decline_detail, \
         recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id"
    )
    .bind(a.address_id)
    .bind(a.approach.code())
    .bind(sql_date(a.on))
    .bind(a.result.code())
    .bind(a.decline_reason.map(|r| r.code()))
    .bind(a.decline_detail)
    .bind(a.by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?)
}

/// Sets the status (and, for an accepted offer, the referral and the household it is for).
/// Only an address still in `from` changes (else `Concurrent`: someone else recorded first).
pub async fn set_status(
    tx: &mut Tx,
    id: i64,
    from: AddressStatus,
    to: AddressStatus,
    referral: Option<(CaseId, HouseholdId)>,
    now: Timestamp,
) -> Result<()> {
    let n = exec!(tx, |c| sqlx::query(
        "UPDATE campaign_addresses SET status = $3, case_id = COALESCE($4, case_id), \
         household_id = COALESCE($5, household_id), updated_at = $6 WHERE id = $1 AND status = $2"
    )
    .bind(id)
    .bind(from.code())
    .bind(to.code())
    .bind(referral.map(|(c, _)| c.0))
    .bind(referral.map(|(_, h)| h.0))
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    if n == 1 { Ok(()) } else { Err(crate::StoreError::Concurrent) }
}

/// Sets the campaign of a referral.
pub async fn set_case_campaign(tx: &mut Tx, case: CaseId, campaign: i64) -> Result<()> {
    exec!(tx, |c| sqlx::query("UPDATE cases SET campaign_id = $2 WHERE id = $1")
        .bind(case.0)
        .bind(campaign)
        .execute(&mut *c)
        .await)?;
    Ok(())
}

/// The campaign a case came from, if any.
pub async fn campaign_of_case(tx: &mut Tx, case: CaseId) -> Result<Option<i64>> {
    let id: Option<Option<i64>> = on!(tx, |c| sqlx::query_scalar("SELECT campaign_id FROM cases WHERE id = $1")
        .bind(case.0)
        .fetch_optional(&mut *c)
        .await)?;
    Ok(id.flatten())
}

/// Addresses whose signal data are due for destruction: not destroyed, no referral, and the
/// last signal (or, without one, the address's creation) received before `before`.
pub async fn due_for_destruction(tx: &mut Tx, before: Date) -> Result<Vec<i64>> {
    let rows: Vec<(i64, Option<jiff_sqlx::Date>, jiff_sqlx::Timestamp)> = on!(tx, |c| sqlx::query_as(
        "SELECT id, last_signal_on, created_at FROM campaign_addresses \
         WHERE destroyed_on IS NULL AND case_id IS NULL AND status <> 'accepted' ORDER BY id"
    )
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows
        .into_iter()
        .filter(|(_, last, created)| {
            let from =
                last.map(|d| d.to_jiff()).unwrap_or_else(|| created.to_jiff().to_zoned(jiff::tz::TimeZone::UTC).date());
            from < before
        })
        .map(|(id, _, _)| id)
        .collect())
}

/// Destroys the signal data of one address: its signals deleted, its address fields and the
/// link to a household emptied, the free text of declines cleared; status and attempts stay
/// so that the funnel still counts the address. Returns the number of signals deleted.
pub async fn destroy_signal_data(tx: &mut Tx, id: i64, today: Date, now: Timestamp) -> Result<u64> {
    let signals = exec!(tx, |c| sqlx::query("DELETE FROM campaign_signals WHERE address_id = $1")
        .bind(id)
        .execute(&mut *c)
        .await)?;
    exec!(tx, |c| sqlx::query("UPDATE outreach_attempts SET decline_detail = NULL WHERE address_id = $1")
        .bind(id)
        .execute(&mut *c)
        .await)?;
    exec!(tx, |c| sqlx::query(
        "UPDATE campaign_addresses SET street = '', house_number = 0, house_letter = '', house_number_addition = '', \
         postcode = '', household_id = NULL, destroyed_on = $2, updated_at = $3 WHERE id = $1 AND destroyed_on IS NULL"
    )
    .bind(id)
    .bind(sql_date(today))
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    Ok(signals)
}
