//! Importing a checked signal file into a campaign in one transaction: rows already held (by
//! `row_key`) are counted as duplicates and skipped, the others grouped per address, the
//! addresses created where new (district from the postcode, matched to a known household),
//! the signals inserted many rows per statement, and the addresses' weight recomputed.

use std::collections::{HashMap, HashSet};

use buurtteam_domain::ids::DistrictId;
use buurtteam_domain::outreach_import::{AddressKey, SignalFact, SignalRow, Weighing, summarise};
use buurtteam_domain::postcode_area::{self, PostcodeArea};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, Tx, sql_date, sql_ts};

/// Rows per multi-row INSERT: 12 columns × 1000 stays below SQLite's 32,766 parameters.
const ROWS_PER_STATEMENT: usize = 1000;

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Imported {
    pub import_id: i64,
    pub imported: usize,
    /// The addresses the imported signals belong to.
    pub grouped_addresses: usize,
    /// Rows held already (from an earlier file, or twice in this one).
    pub duplicates: usize,
    /// Of the grouped addresses, those matched to a known household.
    pub matched: usize,
}

/// The districts by postcode area (neighbourhoods and districts that have not ended).
async fn areas(tx: &mut Tx, today: Date) -> Result<Vec<(PostcodeArea, DistrictId)>> {
    let hoods = crate::districts::list_neighbourhoods(tx).await?;
    Ok(hoods
        .into_iter()
        .filter(|n| n.ended_on.is_none_or(|e| e > today))
        .flat_map(|n| n.areas.into_iter().map(move |a| (a, n.district_id)))
        .collect())
}

type HouseholdRow = (i64, String, i64, Option<String>, Option<String>);

/// The known households at the addresses of `keys`: the newest one per address, merged ones
/// left out. Read per postcode, a few hundred postcodes per statement.
async fn households(tx: &mut Tx, keys: &HashSet<&AddressKey>) -> Result<HashMap<AddressKey, i64>> {
    let postcodes: Vec<&str> = keys.iter().map(|k| k.0.as_str()).collect::<HashSet<_>>().into_iter().collect();
    let mut out = HashMap::new();
    for chunk in postcodes.chunks(500) {
        let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT id, postcode, house_number, house_letter, house_number_addition FROM households \
             WHERE merged_into IS NULL AND postcode IN ({}) ORDER BY id",
            marks.join(", ")
        );
        let rows: Vec<HouseholdRow> = on!(tx, |c| {
            let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()));
            for p in chunk {
                q = q.bind(*p);
            }
            q.fetch_all(&mut *c).await
        })?;
        for (id, postcode, number, letter, addition) in rows {
            let key: AddressKey = (
                postcode,
                number as i32,
                letter.unwrap_or_default().to_lowercase(),
                addition.unwrap_or_default().to_lowercase(),
            );
            if keys.contains(&key) {
                out.insert(key, id);
            }
        }
    }
    Ok(out)
}

/// The number of children of each of `households`.
pub(crate) async fn children(tx: &mut Tx, households: &[i64]) -> Result<HashMap<i64, i64>> {
    let mut out = HashMap::new();
    for chunk in households.chunks(500) {
        let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT household_id, COUNT(*) FROM persons WHERE household_role = 'child' AND household_id IN ({}) \
             GROUP BY household_id",
            marks.join(", ")
        );
        let rows: Vec<(i64, i64)> = on!(tx, |c| {
            let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()));
            for h in chunk {
                q = q.bind(*h);
            }
            q.fetch_all(&mut *c).await
        })?;
        out.extend(rows);
    }
    Ok(out)
}

fn fact(r: &SignalRow) -> SignalFact {
    SignalFact {
        partner: r.partner.clone(),
        received_on: r.received_on,
        kind: r.kind,
        amount_cents: r.amount_cents,
        months: r.months,
    }
}

type AddressRow = (i64, String, i32, String, String, Option<i64>);

async fn addresses(tx: &mut Tx, campaign: i64) -> Result<HashMap<AddressKey, (i64, Option<i64>)>> {
    let rows: Vec<AddressRow> = on!(tx, |c| sqlx::query_as(
        "SELECT id, postcode, house_number, house_letter, house_number_addition, household_id \
         FROM campaign_addresses WHERE campaign_id = $1 AND destroyed_on IS NULL"
    )
    .bind(campaign)
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows.into_iter().map(|(id, p, n, l, a, h)| ((p, n, l, a), (id, h))).collect())
}

/// Imports the checked `rows` of a file (its SHA-256 `file_sha256`) into `campaign`.
#[allow(clippy::too_many_arguments)]
pub async fn import(
    tx: &mut Tx,
    campaign: i64,
    file_sha256: &str,
    rows: &[SignalRow],
    weighing: &Weighing,
    by: i64,
    today: Date,
    now: Timestamp,
) -> Result<Imported> {
    // 1. Which rows are new.
    let held: Vec<String> =
        on!(tx, |c| sqlx::query_scalar("SELECT row_key FROM campaign_signals WHERE campaign_id = $1")
            .bind(campaign)
            .fetch_all(&mut *c)
            .await)?;
    let mut seen: HashSet<String> = held.into_iter().collect();
    let mut fresh: Vec<(&SignalRow, String)> = Vec::new();
    for r in rows {
        let key = r.row_key();
        if seen.insert(key.clone()) {
            fresh.push((r, key));
        }
    }
    let duplicates = rows.len() - fresh.len();
    let import_id: i64 = on!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO signal_imports (campaign_id, file_sha256, rows_total, imported, duplicates, imported_by, imported_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id"
    )
    .bind(campaign)
    .bind(file_sha256)
    .bind(rows.len() as i32)
    .bind(fresh.len() as i32)
    .bind(duplicates as i32)
    .bind(by)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await
    })?;
    if fresh.is_empty() {
        return Ok(Imported { import_id, imported: 0, grouped_addresses: 0, duplicates, matched: 0 });
    }

    // 2. Group the new rows per address (in file order).
    let mut groups: Vec<(AddressKey, Vec<usize>)> = Vec::new();
    let mut at: HashMap<AddressKey, usize> = HashMap::new();
    for (i, (r, _)) in fresh.iter().enumerate() {
        let key = r.address_key();
        match at.get(&key) {
            Some(&g) => groups[g].1.push(i),
            None => {
                at.insert(key.clone(), groups.len());
                groups.push((key, vec![i]));
            }
        }
    }

    // 3. New addresses: district, known household, weight of their signals.
    let mut known = addresses(tx, campaign).await?;
    let new_keys: HashSet<&AddressKey> = groups.iter().map(|(k, _)| k).filter(|k| !known.contains_key(*k)).collect();
    let areas = areas(tx, today).await?;
    let matched_households = households(tx, &new_keys).await?;
    let hh: Vec<i64> = matched_households.values().copied().collect();
    let children = children(tx, &hh).await?;
    struct NewAddress<'a> {
        key: &'a AddressKey,
        row: &'a SignalRow,
        district: Option<i64>,
        household: Option<i64>,
        weight: i64,
        first: Date,
        last: Date,
    }
    let mut new_rows = Vec::new();
    for (key, idx) in &groups {
        if !new_keys.contains(key) {
            continue;
        }
        let facts: Vec<SignalFact> = idx.iter().map(|&i| fact(fresh[i].0)).collect();
        let household = matched_households.get(key).copied();
        let kids = household.map(|h| children.get(&h).copied().unwrap_or(0));
        let first = facts.iter().map(|f| f.received_on).min().unwrap_or(today);
        let last = facts.iter().map(|f| f.received_on).max().unwrap_or(today);
        new_rows.push(NewAddress {
            key,
            row: fresh[idx[0]].0,
            district: postcode_area::find(&areas, &key.0).map(|d| d.0),
            household,
            weight: weighing.weight(&summarise(&facts), kids),
            first,
            last,
        });
    }
    for chunk in new_rows.chunks(ROWS_PER_STATEMENT) {
        exec!(tx, |c| {
            let mut qb = sqlx::QueryBuilder::new(
                "INSERT INTO campaign_addresses (campaign_id, district_id, street, house_number, house_letter, \
                 house_number_addition, postcode, household_id, status, weight, first_signal_on, last_signal_on, \
                 created_at, updated_at) ",
            );
            qb.push_values(chunk, |mut b, a| {
                b.push_bind(campaign)
                    .push_bind(a.district)
                    .push_bind(a.row.street.clone())
                    .push_bind(a.key.1)
                    .push_bind(a.key.2.clone())
                    .push_bind(a.key.3.clone())
                    .push_bind(a.key.0.clone())
                    .push_bind(a.household)
                    .push_bind("open")
                    .push_bind(a.weight.clamp(0, i64::from(i32::MAX)) as i32)
                    .push_bind(sql_date(a.first))
                    .push_bind(sql_date(a.last))
                    .push_bind(sql_ts(now))
                    .push_bind(sql_ts(now));
            });
            qb.build().execute(&mut *c).await
        })?;
    }
    let matched = new_rows.iter().filter(|a| a.household.is_some()).count();
    let touched_old: Vec<i64> = groups
        .iter()
        .filter(|(k, _)| !new_keys.contains(k))
        .filter_map(|(k, _)| known.get(k).map(|(id, _)| *id))
        .collect();
    if !new_rows.is_empty() {
        known = addresses(tx, campaign).await?;
    }

    // 4. The signals.
    let with_address: Vec<(&SignalRow, &String, i64)> =
        fresh.iter().filter_map(|(r, key)| known.get(&r.address_key()).map(|(id, _)| (*r, key, *id))).collect();
    for chunk in with_address.chunks(ROWS_PER_STATEMENT) {
        exec!(tx, |c| {
            let mut qb = sqlx::QueryBuilder::new(
                "INSERT INTO campaign_signals (campaign_id, address_id, import_id, partner, received_on, given_name, \
                 family_name, kind, amount_cents, months, row_key, created_at) ",
            );
            qb.push_values(chunk, |mut b, (r, key, address)| {
                b.push_bind(campaign)
                    .push_bind(*address)
                    .push_bind(import_id)
                    .push_bind(r.partner.clone())
                    .push_bind(sql_date(r.received_on))
                    .push_bind(r.given_name.clone())
                    .push_bind(r.family_name.clone())
                    .push_bind(r.kind.code())
                    .push_bind(r.amount_cents as i32)
                    .push_bind(r.months)
                    .push_bind((*key).clone())
                    .push_bind(sql_ts(now));
            });
            qb.build().execute(&mut *c).await
        })?;
    }

    // 5. Addresses that had signals before: their weight and dates again, from all signals.
    super::basket::reweigh(tx, &touched_old, weighing, now).await?;
    Ok(Imported { import_id, imported: fresh.len(), grouped_addresses: groups.len(), duplicates, matched })
}
