//! Rows of outreach campaigns written directly, for tests of attempts and the funnel and for
//! the synthetic city: a campaign with its districts and workers, an address, a signal. The
//! campaigns' own use cases (the CSV import with its checks) live with the campaigns; these
//! write what a test or the generator needs and check nothing.

use buurtteam_domain::ids::{DistrictId, HouseholdId, UserId};
use buurtteam_domain::outreach::CampaignKind;
use jiff::Timestamp;
use jiff::civil::Date;

use crate::outreach::campaigns::CampaignFields;
use crate::{Result, Tx, sql_date, sql_ts};

/// A campaign of `kind` over `districts`, with `workers` assigned: the store's own insert
/// (`outreach::campaigns::insert`), open, without approaches or help offered.
#[allow(clippy::too_many_arguments)]
pub async fn campaign(
    tx: &mut Tx,
    kind: CampaignKind,
    name: &str,
    starts_on: Date,
    districts: &[DistrictId],
    workers: &[UserId],
    by: UserId,
    now: Timestamp,
) -> Result<i64> {
    let fields =
        CampaignFields { kind, name, starts_on, ends_on: None, help_offered: "", approaches: &[], closed_on: None };
    crate::outreach::campaigns::insert(tx, &fields, districts, workers, by, now).await
}

/// An address of a campaign with one signal of `given_name family_name` received on `on`.
#[allow(clippy::too_many_arguments)]
pub async fn address(
    tx: &mut Tx,
    campaign: i64,
    district: Option<DistrictId>,
    street: &str,
    house_number: i64,
    postcode: &str,
    household: Option<HouseholdId>,
    name: (&str, &str),
    on: Date,
    by: UserId,
    now: Timestamp,
) -> Result<i64> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO campaign_addresses (campaign_id, district_id, street, house_number, postcode, household_id, \
         first_signal_on, last_signal_on, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $8) \
         RETURNING id"
    )
    .bind(campaign)
    .bind(district.map(|d| d.0))
    .bind(street)
    .bind(house_number)
    .bind(postcode)
    .bind(household.map(|h| h.0))
    .bind(sql_date(on))
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    let import: i64 = on!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO signal_imports (campaign_id, file_sha256, rows_total, imported, duplicates, imported_by, imported_at) \
         VALUES ($1, $2, 1, 1, 0, $3, $4) RETURNING id"
    )
    .bind(campaign)
    .bind(format!("seed-{id}"))
    .bind(by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await
    })?;
    exec!(tx, |c| sqlx::query(
        "INSERT INTO campaign_signals (campaign_id, address_id, import_id, partner, received_on, given_name, \
         family_name, kind, amount_cents, months, row_key, created_at) \
         VALUES ($1, $2, $3, 'landlord', $4, $5, $6, 'rent', 45000, 2, $7, $8)"
    )
    .bind(campaign)
    .bind(id)
    .bind(import)
    .bind(sql_date(on))
    .bind(name.0)
    .bind(name.1)
    .bind(format!("seed-{id}"))
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    Ok(id)
}
