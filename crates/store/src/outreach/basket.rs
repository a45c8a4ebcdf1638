//! The work basket: a campaign's addresses with the signals behind them, ordered by the
//! organisation's weighing; assigning them to outreach workers; the weighing itself.

use std::collections::HashMap;

use buurtteam_domain::ids::{DistrictId, HouseholdId, UserId};
use buurtteam_domain::outreach::ArrearsKind;
use buurtteam_domain::outreach_import::{SignalFact, Summary, Weighing, summarise};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, Tx, parse_code, sql_ts};

/// The organisation's weighing.
pub async fn weighing(tx: &mut Tx) -> Result<Weighing> {
    let row: Option<(i32, i32, i32, i32)> = on!(tx, |c| sqlx::query_as(
        "SELECT per_hundred_euros, per_partner, per_month, per_child FROM outreach_weighing WHERE id = 1"
    )
    .fetch_optional(&mut *c)
    .await)?;
    Ok(row.map_or_else(Weighing::default, |(a, p, m, k)| Weighing {
        per_hundred_euros: a,
        per_partner: p,
        per_month: m,
        per_child: k,
    }))
}

/// Saves the weighing and weighs every address again.
pub async fn set_weighing(tx: &mut Tx, w: &Weighing, by: UserId, now: Timestamp) -> Result<usize> {
    exec!(tx, |c| sqlx::query(
        "UPDATE outreach_weighing SET per_hundred_euros = $1, per_partner = $2, per_month = $3, per_child = $4, \
         updated_by = $5, updated_at = $6 WHERE id = 1"
    )
    .bind(w.per_hundred_euros)
    .bind(w.per_partner)
    .bind(w.per_month)
    .bind(w.per_child)
    .bind(by.0)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    let ids: Vec<i64> =
        on!(tx, |c| sqlx::query_scalar("SELECT id FROM campaign_addresses WHERE destroyed_on IS NULL")
            .fetch_all(&mut *c)
            .await)?;
    reweigh(tx, &ids, w, now).await?;
    Ok(ids.len())
}

type FactRow = (i64, String, jiff_sqlx::Date, String, i32, i32);

/// The signals of `addresses`, per address.
async fn facts(tx: &mut Tx, addresses: &[i64]) -> Result<HashMap<i64, Vec<SignalFact>>> {
    let mut out: HashMap<i64, Vec<SignalFact>> = HashMap::new();
    for chunk in addresses.chunks(500) {
        let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT address_id, partner, received_on, kind, amount_cents, months FROM campaign_signals \
             WHERE address_id IN ({}) ORDER BY received_on, id",
            marks.join(", ")
        );
        let rows: Vec<FactRow> = on!(tx, |c| {
            let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()));
            for a in chunk {
                q = q.bind(*a);
            }
            q.fetch_all(&mut *c).await
        })?;
        for (address, partner, on, kind, amount, months) in rows {
            out.entry(address).or_default().push(SignalFact {
                partner,
                received_on: on.to_jiff(),
                kind: parse_code("campaign_signals.kind", &kind, ArrearsKind::parse)?,
                amount_cents: i64::from(amount),
                months,
            });
        }
    }
    Ok(out)
}

/// Weighs `addresses` again from all their signals (and sets their first and last signal day).
pub async fn reweigh(tx: &mut Tx, addresses: &[i64], w: &Weighing, now: Timestamp) -> Result<()> {
    if addresses.is_empty() {
        return Ok(());
    }
    let facts = facts(tx, addresses).await?;
    let households: Vec<(i64, Option<i64>)> = {
        let mut out = Vec::new();
        for chunk in addresses.chunks(500) {
            let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let sql = format!("SELECT id, household_id FROM campaign_addresses WHERE id IN ({})", marks.join(", "));
            let rows: Vec<(i64, Option<i64>)> = on!(tx, |c| {
                let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()));
                for a in chunk {
                    q = q.bind(*a);
                }
                q.fetch_all(&mut *c).await
            })?;
            out.extend(rows);
        }
        out
    };
    let hh: Vec<i64> = households.iter().filter_map(|(_, h)| *h).collect();
    let children = super::signals::children(tx, &hh).await?;
    for (id, household) in households {
        let f = facts.get(&id).map(Vec::as_slice).unwrap_or_default();
        let kids = household.map(|h| children.get(&h).copied().unwrap_or(0));
        let weight = w.weight(&summarise(f), kids).clamp(0, i64::from(i32::MAX)) as i32;
        let first = f.iter().map(|s| s.received_on).min();
        let last = f.iter().map(|s| s.received_on).max();
        exec!(tx, |c| sqlx::query(
            "UPDATE campaign_addresses SET weight = $2, first_signal_on = COALESCE($3, first_signal_on), \
             last_signal_on = COALESCE($4, last_signal_on), updated_at = $5 WHERE id = $1"
        )
        .bind(id)
        .bind(weight)
        .bind(first.map(crate::sql_date))
        .bind(last.map(crate::sql_date))
        .bind(sql_ts(now))
        .execute(&mut *c)
        .await)?;
    }
    Ok(())
}

/// Which addresses of the basket to show.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub district: Option<DistrictId>,
    /// Only those assigned to this worker.
    pub worker: Option<UserId>,
    /// Only those assigned to nobody.
    pub unassigned: bool,
    pub status: Option<String>,
}

/// One address of the basket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub id: i64,
    pub campaign_id: i64,
    pub district_id: Option<DistrictId>,
    pub district_name: Option<String>,
    pub street: String,
    pub house_number: i32,
    pub house_letter: String,
    pub house_number_addition: String,
    pub postcode: String,
    pub household_id: Option<HouseholdId>,
    /// The team of the household's open case, or of its last one: all outreach may know.
    pub known_to_team: Option<String>,
    pub assigned_to: Option<(UserId, String)>,
    pub status: String,
    pub weight: i32,
    pub case_id: Option<i64>,
    pub first_signal_on: Option<Date>,
    pub last_signal_on: Option<Date>,
    pub summary: Summary,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    campaign_id: i64,
    district_id: Option<i64>,
    district_name: Option<String>,
    street: String,
    house_number: i32,
    house_letter: String,
    house_number_addition: String,
    postcode: String,
    household_id: Option<i64>,
    assigned_to: Option<i64>,
    assigned_name: Option<String>,
    status: String,
    weight: i32,
    case_id: Option<i64>,
    first_signal_on: Option<jiff_sqlx::Date>,
    last_signal_on: Option<jiff_sqlx::Date>,
}

const COLUMNS: &str = "SELECT a.id, a.campaign_id, a.district_id, d.name AS district_name, a.street, a.house_number, a.house_letter, \
     a.house_number_addition, a.postcode, a.household_id, a.assigned_to, u.name AS assigned_name, a.status, a.weight, a.case_id, \
     a.first_signal_on, a.last_signal_on FROM campaign_addresses a LEFT JOIN districts d ON d.id = a.district_id \
     LEFT JOIN users u ON u.id = a.assigned_to";

/// The team each household is known to: its open case's, else its last case's.
async fn teams_of(tx: &mut Tx, households: &[i64]) -> Result<HashMap<i64, String>> {
    let mut out = HashMap::new();
    for chunk in households.chunks(500) {
        let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT c.household_id, t.name FROM cases c JOIN teams t ON t.id = c.team_id WHERE c.household_id IN ({}) \
             ORDER BY c.household_id, CASE WHEN c.closed_on IS NULL THEN 0 ELSE 1 END, c.referred_on DESC, c.id DESC",
            marks.join(", ")
        );
        let rows: Vec<(i64, String)> = on!(tx, |c| {
            let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()));
            for h in chunk {
                q = q.bind(*h);
            }
            q.fetch_all(&mut *c).await
        })?;
        for (h, team) in rows {
            out.entry(h).or_insert(team);
        }
    }
    Ok(out)
}

async fn complete(tx: &mut Tx, rows: Vec<Row>) -> Result<Vec<Address>> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let hh: Vec<i64> = rows.iter().filter_map(|r| r.household_id).collect();
    let mut facts = facts(tx, &ids).await?;
    let teams = teams_of(tx, &hh).await?;
    Ok(rows
        .into_iter()
        .map(|r| Address {
            id: r.id,
            campaign_id: r.campaign_id,
            district_id: r.district_id.map(DistrictId),
            district_name: r.district_name,
            street: r.street,
            house_number: r.house_number,
            house_letter: r.house_letter,
            house_number_addition: r.house_number_addition,
            postcode: r.postcode,
            household_id: r.household_id.map(HouseholdId),
            known_to_team: r.household_id.and_then(|h| teams.get(&h).cloned()),
            assigned_to: r.assigned_to.map(|u| (UserId(u), r.assigned_name.unwrap_or_default())),
            status: r.status,
            weight: r.weight,
            case_id: r.case_id,
            first_signal_on: r.first_signal_on.map(|d| d.to_jiff()),
            last_signal_on: r.last_signal_on.map(|d| d.to_jiff()),
            summary: summarise(&facts.remove(&r.id).unwrap_or_default()),
        })
        .collect())
}

/// The basket of `campaign`: heaviest first, at most `limit` addresses, and how many match.
pub async fn list(tx: &mut Tx, campaign: i64, f: &Filter, limit: i64) -> Result<(Vec<Address>, i64)> {
    let mut filter = String::from("a.campaign_id = $1 AND a.destroyed_on IS NULL");
    let mut ints: Vec<i64> = vec![campaign];
    if let Some(d) = f.district {
        ints.push(d.0);
        filter.push_str(&format!(" AND a.district_id = ${}", ints.len()));
    }
    if let Some(w) = f.worker {
        ints.push(w.0);
        filter.push_str(&format!(" AND a.assigned_to = ${}", ints.len()));
    }
    if f.unassigned {
        filter.push_str(" AND a.assigned_to IS NULL");
    }
    let status_mark = f.status.as_ref().map(|_| format!(" AND a.status = ${}", ints.len() + 1));
    if let Some(m) = &status_mark {
        filter.push_str(m);
    }
    let count_sql = format!("SELECT COUNT(*) FROM campaign_addresses a WHERE {filter}");
    let sql = format!("{COLUMNS} WHERE {filter} ORDER BY a.weight DESC, a.id LIMIT {limit}");
    let total: i64 = on!(tx, |c| {
        let mut q = sqlx::query_scalar(sqlx::AssertSqlSafe(count_sql.as_str()));
        for i in &ints {
            q = q.bind(*i);
        }
        if let Some(s) = &f.status {
            q = q.bind(s.as_str());
        }
        q.fetch_one(&mut *c).await
    })?;
    let rows: Vec<Row> = on!(tx, |c| {
        let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()));
        for i in &ints {
            q = q.bind(*i);
        }
        if let Some(s) = &f.status {
            q = q.bind(s.as_str());
        }
        q.fetch_all(&mut *c).await
    })?;
    Ok((complete(tx, rows).await?, total))
}

/// One address (also a destroyed one: its fields are empty then).
pub async fn get(tx: &mut Tx, id: i64) -> Result<Option<Address>> {
    let sql = format!("{COLUMNS} WHERE a.id = $1");
    let row: Option<Row> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(&mut *c).await)?;
    Ok(complete(tx, row.into_iter().collect()).await?.pop())
}

/// One signal as the address page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signal {
    pub partner: String,
    pub received_on: Date,
    pub given_name: String,
    pub family_name: String,
    pub kind: ArrearsKind,
    pub amount_cents: i64,
    pub months: i32,
}

type SignalRow = (String, jiff_sqlx::Date, String, String, String, i32, i32);

/// The signals of one address, oldest first.
pub async fn signals(tx: &mut Tx, address: i64) -> Result<Vec<Signal>> {
    let rows: Vec<SignalRow> = on!(tx, |c| sqlx::query_as(
        "SELECT partner, received_on, given_name, family_name, kind, amount_cents, months FROM campaign_signals \
         WHERE address_id = $1 ORDER BY received_on, id"
    )
    .bind(address)
    .fetch_all(&mut *c)
    .await)?;
    rows.into_iter()
        .map(|(partner, on, given_name, family_name, kind, amount, months)| {
            Ok(Signal {
                partner,
                received_on: on.to_jiff(),
                given_name,
                family_name,
                kind: parse_code("campaign_signals.kind", &kind, ArrearsKind::parse)?,
                amount_cents: i64::from(amount),
                months,
            })
        })
        .collect()
}

/// Takes the addresses of campaign `campaign` off anyone no longer among its workers; how many.
pub async fn unassign_non_workers(tx: &mut Tx, campaign: i64, now: Timestamp) -> Result<usize> {
    let n = exec!(tx, |c| sqlx::query(
        "UPDATE campaign_addresses SET assigned_to = NULL, updated_at = $2 \
         WHERE campaign_id = $1 AND assigned_to IS NOT NULL AND assigned_to NOT IN \
         (SELECT user_id FROM campaign_workers WHERE campaign_id = $1)"
    )
    .bind(campaign)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    Ok(n as usize)
}

/// Assigns addresses of `campaign` to `worker` (`None`: to nobody); returns how many changed.
/// Addresses of another campaign are left alone.
pub async fn assign(tx: &mut Tx, campaign: i64, ids: &[i64], worker: Option<UserId>, now: Timestamp) -> Result<usize> {
    let mut n = 0;
    for id in ids {
        n += exec!(tx, |c| sqlx::query(
            "UPDATE campaign_addresses SET assigned_to = $3, updated_at = $4 \
             WHERE id = $1 AND campaign_id = $2 AND destroyed_on IS NULL"
        )
        .bind(*id)
        .bind(campaign)
        .bind(worker.map(|w| w.0))
        .bind(sql_ts(now))
        .execute(&mut *c)
        .await)? as usize;
    }
    Ok(n)
}
