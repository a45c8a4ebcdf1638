//! The aggregate queries behind the steering KPIs, and the imported district populations.
//!
//! Every query groups in the database (counts per day count, per code, per team) and
//! returns small plain rows; `buurtteam_domain::kpi` finishes the figures from them. Day
//! counts between two dates are the one dialect difference (`julianday` arithmetic on
//! SQLite, date subtraction on PostgreSQL), so these queries are assembled per backend from
//! one text with [`days`] filled in.

use buurtteam_domain::codes::{ClosureDetail, ClosureReason, ContactForm, LifeDomain, ReferralSource};
use buurtteam_domain::ids::{DistrictId, TeamId, UserId};
use buurtteam_domain::kpi::{ClosureRow, DaysRow, IntakeRow, Period, Population, ReferralRow};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, StoreError, Tx, parse_code, sql_date, sql_ts};

/// Whose cases a KPI query counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    City,
    Team(TeamId),
    /// The cases of the households living in the district when the case was referred
    /// (`cases.district_id`).
    District(DistrictId),
}

#[derive(Clone, Copy)]
enum Param {
    Date(Date),
    Id(i64),
}

/// Calendar days from date expression `a` to `b`, as an integer, on the backend of `tx`.
fn days(tx: &Tx, a: &str, b: &str) -> String {
    match tx {
        Tx::Sqlite(_) => format!("CAST(julianday({b}) - julianday({a}) AS INTEGER)"),
        Tx::Postgres(_) => format!("({b} - {a})"),
    }
}

/// The condition on `cases c` for `scope`, on placeholder `$n`, and its parameter. A
/// district's cases are found by `cases.district_id` (the household's district at referral),
/// so no query joins the households. A voided referral counts nowhere (decision 0020): every
/// query names `c.voided_on IS NULL`, the condition of the partial KPI indexes, so they stay
/// answerable from those indexes alone.
fn scoped(scope: Scope, n: usize) -> (&'static str, String, Option<Param>) {
    const COUNTS: &str = " AND c.voided_on IS NULL";
    let (cond, param) = match scope {
        Scope::City => (COUNTS.to_owned(), None),
        Scope::Team(t) => (format!("{COUNTS} AND c.team_id = ${n}"), Some(Param::Id(t.0))),
        Scope::District(d) => (format!("{COUNTS} AND c.district_id = ${n}"), Some(Param::Id(d.0))),
    };
    ("FROM cases c", cond, param)
}

/// Runs `sql` with `params` bound in order and returns its rows as `R`.
macro_rules! fetch {
    ($tx:expr, $sql:expr, $params:expr) => {{
        let sql: String = $sql;
        let params: Vec<Param> = $params;
        on!($tx, |c| {
            let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()));
            for p in &params {
                q = match p {
                    Param::Date(d) => q.bind(sql_date(*d)),
                    Param::Id(i) => q.bind(*i),
                };
            }
            q.fetch_all(&mut *c).await
        })
    }};
}

fn with(mut first: Vec<Param>, scope: Option<Param>) -> Vec<Param> {
    first.extend(scope);
    first
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// Intakes held in the period, by days from referral to intake and to its deadline, and
/// whether a later intake was requested.
pub async fn intakes(tx: &mut Tx, scope: Scope, p: Period) -> Result<Vec<IntakeRow>> {
    let (from, cond, sp) = scoped(scope, 3);
    let sql = format!(
        "SELECT {}, {}, CASE WHEN c.later_intake_requested_by IS NULL THEN 0 ELSE 1 END, COUNT(*) {from} \
         WHERE c.intake_held_on >= $1 AND c.intake_held_on <= $2{cond} GROUP BY 1, 2, 3",
        days(tx, "c.referred_on", "c.intake_held_on"),
        days(tx, "c.referred_on", "c.intake_due_on"),
    );
    let rows: Vec<(i32, i32, i32, i64)> = fetch!(tx, sql, with(vec![Param::Date(p.from), Param::Date(p.to)], sp))?;
    Ok(rows
        .into_iter()
        .map(|(d, due, req, n)| IntakeRow {
            days: i64::from(d),
            due_days: i64::from(due),
            requested_later: req != 0,
            count: count(n),
        })
        .collect())
}

fn days_rows(rows: Vec<(i32, i64)>) -> Vec<DaysRow> {
    rows.into_iter().map(|(d, n)| DaysRow { days: i64::from(d), count: count(n) }).collect()
}

/// Starts of support in the period, by days from the intake.
pub async fn starts(tx: &mut Tx, scope: Scope, p: Period) -> Result<Vec<DaysRow>> {
    let (from, cond, sp) = scoped(scope, 3);
    let sql = format!(
        "SELECT {}, COUNT(*) {from} WHERE c.started_on >= $1 AND c.started_on <= $2{cond} GROUP BY 1",
        days(tx, "c.intake_held_on", "c.started_on")
    );
    Ok(days_rows(fetch!(tx, sql, with(vec![Param::Date(p.from), Param::Date(p.to)], sp))?))
}

/// Waiting as of `day` (referred by then, no intake by then, not closed by then), by days
/// since the referral. Two branches (no intake at all; intake after `day`), so that each
/// is a range scan of one index.
pub async fn waiting(tx: &mut Tx, scope: Scope, day: Date) -> Result<Vec<DaysRow>> {
    let (from, cond, sp) = scoped(scope, 2);
    let age = days(tx, "c.referred_on", "$1");
    let open = "c.referred_on <= $1 AND (c.closed_on IS NULL OR c.closed_on > $1)";
    let sql = format!(
        "SELECT {age}, COUNT(*) {from} WHERE c.intake_held_on IS NULL AND {open}{cond} GROUP BY 1 \
         UNION ALL SELECT {age}, COUNT(*) {from} WHERE c.intake_held_on > $1 AND {open}{cond} GROUP BY 1"
    );
    Ok(days_rows(fetch!(tx, sql, with(vec![Param::Date(day)], sp))?))
}

/// Active as of `day` (referred by then, not closed by then), by days since the referral.
pub async fn active(tx: &mut Tx, scope: Scope, day: Date) -> Result<Vec<DaysRow>> {
    let (from, cond, sp) = scoped(scope, 2);
    let age = days(tx, "c.referred_on", "$1");
    let sql = format!(
        "SELECT {age}, COUNT(*) {from} WHERE c.closed_on IS NULL AND c.referred_on <= $1{cond} GROUP BY 1 \
         UNION ALL SELECT {age}, COUNT(*) {from} WHERE c.closed_on > $1 AND c.referred_on <= $1{cond} GROUP BY 1"
    );
    Ok(days_rows(fetch!(tx, sql, with(vec![Param::Date(day)], sp))?))
}

/// Closures in the period by reason, detail and days from referral to closure.
pub async fn closures(tx: &mut Tx, scope: Scope, p: Period) -> Result<Vec<ClosureRow>> {
    let (from, cond, sp) = scoped(scope, 3);
    let sql = format!(
        "SELECT c.closure_reason, c.closure_detail, {}, COUNT(*) {from} \
         WHERE c.closed_on >= $1 AND c.closed_on <= $2{cond} GROUP BY 1, 2, 3",
        days(tx, "c.referred_on", "c.closed_on")
    );
    let rows: Vec<(Option<String>, Option<String>, i32, i64)> =
        fetch!(tx, sql, with(vec![Param::Date(p.from), Param::Date(p.to)], sp))?;
    rows.into_iter()
        .map(|(reason, detail, d, n)| {
            let reason = reason.ok_or_else(|| StoreError::Corrupt("a closed case without closure_reason".into()))?;
            Ok(ClosureRow {
                reason: parse_code("cases.closure_reason", &reason, ClosureReason::parse)?,
                detail: detail.map(|x| parse_code("cases.closure_detail", &x, ClosureDetail::parse)).transpose()?,
                days: i64::from(d),
                count: count(n),
            })
        })
        .collect()
}

/// Referrals in the period by team, district (the household's, at referral) and source.
pub async fn referrals(tx: &mut Tx, scope: Scope, p: Period) -> Result<Vec<ReferralRow>> {
    let (from, cond, sp) = scoped(scope, 3);
    let sql = format!(
        "SELECT c.team_id, c.district_id, c.source, COUNT(*) {from} \
         WHERE c.referred_on >= $1 AND c.referred_on <= $2{cond} GROUP BY 1, 2, 3"
    );
    let rows: Vec<(i64, i64, String, i64)> = fetch!(tx, sql, with(vec![Param::Date(p.from), Param::Date(p.to)], sp))?;
    rows.into_iter()
        .map(|(t, d, s, n)| {
            Ok(ReferralRow {
                team_id: TeamId(t),
                district_id: DistrictId(d),
                source: parse_code("cases.source", &s, ReferralSource::parse)?,
                count: count(n),
            })
        })
        .collect()
}

/// Referrals in the period naming each life domain.
pub async fn life_domains(tx: &mut Tx, scope: Scope, p: Period) -> Result<Vec<(LifeDomain, u64)>> {
    let (from, cond, sp) = scoped(scope, 3);
    let sql = format!(
        "SELECT l.life_domain, COUNT(*) {from} JOIN case_life_domains l ON l.case_id = c.id \
         WHERE c.referred_on >= $1 AND c.referred_on <= $2{cond} GROUP BY 1"
    );
    let rows: Vec<(String, i64)> = fetch!(tx, sql, with(vec![Param::Date(p.from), Param::Date(p.to)], sp))?;
    rows.into_iter()
        .map(|(l, n)| Ok((parse_code("case_life_domains.life_domain", &l, LifeDomain::parse)?, count(n))))
        .collect()
}

/// Referrals in the period submitted by a partner organisation's account, by the partner's kind.
pub async fn partner_referrals(
    tx: &mut Tx,
    scope: Scope,
    p: Period,
) -> Result<Vec<(buurtteam_domain::partners::PartnerKind, u64)>> {
    use buurtteam_domain::partners::PartnerKind;
    let (from, cond, sp) = scoped(scope, 3);
    let sql = format!(
        "SELECT pa.kind, COUNT(*) {from} JOIN partners pa ON pa.id = c.referrer_partner_id \
         WHERE c.referred_on >= $1 AND c.referred_on <= $2{cond} GROUP BY 1"
    );
    let rows: Vec<(String, i64)> = fetch!(tx, sql, with(vec![Param::Date(p.from), Param::Date(p.to)], sp))?;
    rows.into_iter().map(|(k, n)| Ok((parse_code("partners.kind", &k, PartnerKind::parse)?, count(n)))).collect()
}

/// Contacts in the period by form.
pub async fn contact_forms(tx: &mut Tx, scope: Scope, p: Period) -> Result<Vec<(ContactForm, u64)>> {
    let dates = "k.contact_on >= $1 AND k.contact_on <= $2";
    let (sql, sp) = match scope {
        // City-wide: one range count per form on the (form, contact_on) index, which is far
        // cheaper than grouping millions of index entries (bench/RESULTS.md); the contacts of
        // the few voided referrals are counted off again (`CROSS JOIN` keeps SQLite starting
        // from them, through the partial index `cases_voided`, not from every contact).
        Scope::City => (
            ContactForm::ALL
                .iter()
                .map(|f| format!("SELECT '{0}', COUNT(*) FROM contacts k WHERE k.form = '{0}' AND {dates}", f.code()))
                .chain([format!(
                    "SELECT k.form, -COUNT(*) FROM cases c CROSS JOIN contacts k \
                     WHERE k.case_id = c.id AND c.voided_on IS NOT NULL AND {dates} GROUP BY 1"
                )])
                .collect::<Vec<_>>()
                .join(" UNION ALL "),
            None,
        ),
        _ => {
            let (from, cond, sp) = scoped(scope, 3);
            (
                format!(
                    "SELECT k.form, COUNT(*) {from} JOIN contacts k ON k.case_id = c.id WHERE {dates}{cond} GROUP BY 1"
                ),
                sp,
            )
        }
    };
    let rows: Vec<(String, i64)> = fetch!(tx, sql, with(vec![Param::Date(p.from), Param::Date(p.to)], sp))?;
    let mut per_form: Vec<(ContactForm, i64)> = Vec::new();
    for (f, n) in rows {
        let form = parse_code("contacts.form", &f, ContactForm::parse)?;
        match per_form.iter_mut().find(|(x, _)| *x == form) {
            Some((_, total)) => *total += n,
            None => per_form.push((form, n)),
        }
    }
    Ok(per_form.into_iter().map(|(f, n)| (f, count(n))).collect())
}

/// Cases per family worker as of `day`: intake held by then, not closed by then. (Holding
/// the intake sets the worker; rows without one are left out.)
pub async fn caseload(tx: &mut Tx, scope: Scope, day: Date) -> Result<Vec<(UserId, u64)>> {
    let (from, cond, sp) = scoped(scope, 2);
    let held = "c.intake_held_on <= $1";
    // `+ 0`: grouping by an expression keeps SQLite from walking the whole worker index in
    // its order instead of the closed_on range (1.5 s against 0.04 s on a million cases).
    let sql = format!(
        "SELECT c.worker_id + 0, COUNT(*) {from} WHERE c.closed_on IS NULL AND {held}{cond} GROUP BY 1 \
         UNION ALL SELECT c.worker_id + 0, COUNT(*) {from} WHERE c.closed_on > $1 AND {held}{cond} GROUP BY 1"
    );
    let rows: Vec<(Option<i64>, i64)> = fetch!(tx, sql, with(vec![Param::Date(day)], sp))?;
    Ok(rows.into_iter().filter_map(|(w, n)| Some((UserId(w?), count(n)))).collect())
}

/// Households with a case open at any time in the period, per district they live in (the
/// district of their cases). The cases come from two range scans of `cases_closed_on` (still
/// open; closed in or after the period), which holds district and household, so no table or
/// household is read; each household is counted once per district across both.
pub async fn reach(tx: &mut Tx, scope: Scope, p: Period) -> Result<Vec<(DistrictId, u64)>> {
    let (from, cond, sp) = scoped(scope, 3);
    let sql = format!(
        "SELECT x.district_id, COUNT(DISTINCT x.household_id) FROM ( \
         SELECT c.district_id, c.household_id {from} WHERE c.closed_on IS NULL AND c.referred_on <= $2{cond} \
         UNION ALL SELECT c.district_id, c.household_id {from} WHERE c.closed_on >= $1 AND c.referred_on <= $2{cond}) x \
         GROUP BY 1"
    );
    let rows: Vec<(i64, i64)> = fetch!(tx, sql, with(vec![Param::Date(p.from), Param::Date(p.to)], sp))?;
    Ok(rows.into_iter().map(|(d, n)| (DistrictId(d), count(n))).collect())
}

/// The population figures with a reference date on or before `day`.
pub async fn populations(tx: &mut Tx, day: Date) -> Result<Vec<Population>> {
    let rows: Vec<(i64, jiff_sqlx::Date, i64, Option<i64>)> = on!(tx, |c| sqlx::query_as(
        "SELECT district_id, reference_date, residents, residents_0_17 FROM district_populations \
         WHERE reference_date <= $1 ORDER BY district_id, reference_date"
    )
    .bind(sql_date(day))
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows
        .into_iter()
        .map(|(d, date, r, young)| Population {
            district_id: DistrictId(d),
            reference_date: date.to_jiff(),
            residents: count(r),
            residents_0_17: young.map(count),
        })
        .collect())
}

/// Stores one district's population on a reference date, replacing an earlier import of
/// the same district and date.
pub async fn upsert_population(tx: &mut Tx, p: &Population, source: &str, now: Timestamp) -> Result<()> {
    let residents = i64::try_from(p.residents).map_err(|_| StoreError::Corrupt("residents out of range".into()))?;
    let young = p.residents_0_17.map(|y| i64::try_from(y).unwrap_or(i64::MAX));
    exec!(tx, |c| sqlx::query("DELETE FROM district_populations WHERE district_id = $1 AND reference_date = $2")
        .bind(p.district_id.0)
        .bind(sql_date(p.reference_date))
        .execute(&mut *c)
        .await)?;
    exec!(tx, |c| {
        sqlx::query(
        "INSERT INTO district_populations (district_id, reference_date, residents, residents_0_17, source, imported_at) \
         VALUES ($1, $2, $3, $4, $5, $6)"
    )
    .bind(p.district_id.0)
    .bind(sql_date(p.reference_date))
    .bind(residents)
    .bind(young)
    .bind(source)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await
    })?;
    Ok(())
}

/// Onward referrals made in the period (by `referred_on`) by kind and the case's district, and
/// the period's closures with an onward referral made on or before the closure (decision 0040).
pub async fn onward(tx: &mut Tx, scope: Scope, p: Period) -> Result<buurtteam_domain::kpi::onward::OnwardInputs> {
    use buurtteam_domain::onward_referrals::OnwardReferralKind;
    let (from, cond, sp) = scoped(scope, 3);
    let sql = format!(
        "SELECT o.kind, c.district_id, COUNT(*) {from} JOIN onward_referrals o ON o.case_id = c.id \
         WHERE o.referred_on >= $1 AND o.referred_on <= $2{cond} GROUP BY 1, 2"
    );
    let rows: Vec<(String, Option<i64>, i64)> =
        fetch!(tx, sql, with(vec![Param::Date(p.from), Param::Date(p.to)], sp))?;
    let referrals = rows
        .into_iter()
        .filter_map(|(kind, d, n)| d.map(|d| (kind, DistrictId(d), count(n))))
        .map(|(kind, d, n)| Ok((parse_code("onward_referrals.kind", &kind, OnwardReferralKind::parse)?, d, n)))
        .collect::<Result<Vec<_>>>()?;
    let sql = format!(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM onward_referrals o \
         WHERE o.case_id = c.id AND o.referred_on <= c.closed_on) THEN 1 ELSE 0 END), 0) {from} \
         WHERE c.closed_on >= $1 AND c.closed_on <= $2{cond}"
    );
    let closed: Vec<(i64, i64)> = fetch!(tx, sql, with(vec![Param::Date(p.from), Param::Date(p.to)], sp))?;
    let (all, with_one) = closed.first().copied().unwrap_or((0, 0));
    Ok(buurtteam_domain::kpi::onward::OnwardInputs { referrals, closed: count(all), closed_with: count(with_one) })
}
