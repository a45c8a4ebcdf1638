//! Onward referrals of a case to a partner (inzet aanvullende hulp; issue 15 part 2,
//! decision 0040), with the clients they are for and the life domains they are about.

use buurtteam_domain::codes::LifeDomain;
use buurtteam_domain::ids::{CaseId, OnwardReferralId, PartnerId, PersonId, TeamId, UserId};
use buurtteam_domain::onward_referrals::{OnwardOutcome, OnwardReferralKind};
use buurtteam_domain::partners::PartnerKind;
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, StoreError, Tx, parse_code, sql_date, sql_ts};

/// A new onward referral.
#[derive(Debug, Clone)]
pub struct NewOnwardReferral<'a> {
    pub case_id: CaseId,
    pub partner_id: PartnerId,
    pub kind: OnwardReferralKind,
    pub referred_on: Date,
    pub coordinator_id: Option<UserId>,
    pub client_ids: &'a [PersonId],
    pub life_domains: &'a [LifeDomain],
    pub recorded_by: UserId,
}

/// What a change of an onward referral sets: its progress and who coordinates it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub started_on: Option<Date>,
    pub ended_on: Option<Date>,
    pub outcome: Option<OnwardOutcome>,
    pub coordinator_id: Option<UserId>,
}

/// An onward referral as stored, with its partner's name and kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnwardReferral {
    pub id: OnwardReferralId,
    pub case_id: CaseId,
    pub partner_id: PartnerId,
    pub partner_name: String,
    pub partner_kind: PartnerKind,
    pub kind: OnwardReferralKind,
    pub referred_on: Date,
    pub started_on: Option<Date>,
    pub ended_on: Option<Date>,
    pub outcome: Option<OnwardOutcome>,
    pub coordinator_id: Option<UserId>,
    pub coordinator_name: Option<String>,
    pub client_ids: Vec<PersonId>,
    pub life_domains: Vec<LifeDomain>,
    pub recorded_by: UserId,
    pub recorded_at: Timestamp,
    pub updated_at: Timestamp,
    pub version: i32,
}

/// Stores a new onward referral with its clients and life domains.
pub async fn insert(tx: &mut Tx, new: &NewOnwardReferral<'_>, now: Timestamp) -> Result<OnwardReferralId> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO onward_referrals (case_id, partner_id, kind, referred_on, coordinator_id, recorded_by, \
         recorded_at, updated_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, 1) RETURNING id"
    )
    .bind(new.case_id.0)
    .bind(new.partner_id.0)
    .bind(new.kind.code())
    .bind(sql_date(new.referred_on))
    .bind(new.coordinator_id.map(|u| u.0))
    .bind(new.recorded_by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    for p in new.client_ids {
        exec!(tx, |c| sqlx::query(
            "INSERT INTO onward_referral_clients (onward_referral_id, person_id) VALUES ($1, $2)"
        )
        .bind(id)
        .bind(p.0)
        .execute(&mut *c)
        .await)?;
    }
    for d in new.life_domains {
        exec!(tx, |c| sqlx::query(
            "INSERT INTO onward_referral_life_domains (onward_referral_id, life_domain) VALUES ($1, $2)"
        )
        .bind(id)
        .bind(d.code())
        .execute(&mut *c)
        .await)?;
    }
    exec!(tx, |c| sqlx::query("UPDATE cases SET updated_at = $2 WHERE id = $1")
        .bind(new.case_id.0)
        .bind(sql_ts(now))
        .execute(&mut *c)
        .await)?;
    Ok(OnwardReferralId(id))
}

/// Sets the start, end, outcome and coordinator of onward referral `id` if it is still at `version`;
/// [`StoreError::Concurrent`] when someone changed it in between.
pub async fn set_progress(tx: &mut Tx, id: OnwardReferralId, version: i32, p: &Progress, now: Timestamp) -> Result<()> {
    let n = exec!(tx, |c| sqlx::query(
        "UPDATE onward_referrals SET started_on = $3, ended_on = $4, outcome = $5, updated_at = $6, \
         coordinator_id = $7, version = version + 1 WHERE id = $1 AND version = $2"
    )
    .bind(id.0)
    .bind(version)
    .bind(p.started_on.map(sql_date))
    .bind(p.ended_on.map(sql_date))
    .bind(p.outcome.map(|o| o.code()))
    .bind(sql_ts(now))
    .bind(p.coordinator_id.map(|u| u.0))
    .execute(&mut *c)
    .await)?;
    if n == 1 { Ok(()) } else { Err(StoreError::Concurrent) }
}

/// The case and team of onward referral `id`, if it exists (decided on before anything else).
pub async fn case_of(tx: &mut Tx, id: OnwardReferralId) -> Result<Option<(CaseId, TeamId)>> {
    let row: Option<(i64, i64)> = on!(tx, |c| sqlx::query_as(
        "SELECT o.case_id, k.team_id FROM onward_referrals o JOIN cases k ON k.id = o.case_id WHERE o.id = $1"
    )
    .bind(id.0)
    .fetch_optional(&mut *c)
    .await)?;
    Ok(row.map(|(c, t)| (CaseId(c), TeamId(t))))
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    case_id: i64,
    partner_id: i64,
    partner_name: String,
    partner_kind: String,
    kind: String,
    referred_on: jiff_sqlx::Date,
    started_on: Option<jiff_sqlx::Date>,
    ended_on: Option<jiff_sqlx::Date>,
    outcome: Option<String>,
    coordinator_id: Option<i64>,
    coordinator_name: Option<String>,
    recorded_by: i64,
    recorded_at: jiff_sqlx::Timestamp,
    updated_at: jiff_sqlx::Timestamp,
    version: i32,
}

/// The onward referrals of a case, most recent referral first.
pub async fn of_case(tx: &mut Tx, case: CaseId) -> Result<Vec<OnwardReferral>> {
    select(tx, Some(case), None).await
}

/// One onward referral.
pub async fn get(tx: &mut Tx, id: OnwardReferralId) -> Result<Option<OnwardReferral>> {
    Ok(select(tx, None, Some(id)).await?.pop())
}

async fn select(tx: &mut Tx, case: Option<CaseId>, only: Option<OnwardReferralId>) -> Result<Vec<OnwardReferral>> {
    let rows: Vec<Row> = on!(tx, |c| sqlx::query_as(
        "SELECT o.id, o.case_id, o.partner_id, p.name AS partner_name, p.kind AS partner_kind, o.kind, \
         o.referred_on, o.started_on, o.ended_on, o.outcome, o.coordinator_id, u.name AS coordinator_name, \
         o.recorded_by, o.recorded_at, o.updated_at, o.version \
         FROM onward_referrals o JOIN partners p ON p.id = o.partner_id \
         LEFT JOIN users u ON u.id = o.coordinator_id \
         WHERE ($1 IS NULL OR o.case_id = $1) AND ($2 IS NULL OR o.id = $2) \
         ORDER BY o.referred_on DESC, o.id DESC"
    )
    .bind(case.map(|c| c.0))
    .bind(only.map(|o| o.0))
    .fetch_all(&mut *c)
    .await)?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let list = rows.iter().map(|r| r.id.to_string()).collect::<Vec<_>>().join(",");
    let sql = format!(
        "SELECT onward_referral_id, person_id FROM onward_referral_clients WHERE onward_referral_id IN ({list}) \
         ORDER BY person_id"
    );
    let clients: Vec<(i64, i64)> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).fetch_all(&mut *c).await)?;
    let sql = format!(
        "SELECT onward_referral_id, life_domain FROM onward_referral_life_domains \
         WHERE onward_referral_id IN ({list}) ORDER BY life_domain"
    );
    let domains: Vec<(i64, String)> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).fetch_all(&mut *c).await)?;
    rows.into_iter()
        .map(|r| {
            let mut life_domains = domains
                .iter()
                .filter(|(o, _)| *o == r.id)
                .map(|(_, d)| parse_code("onward_referral_life_domains.life_domain", d, LifeDomain::parse))
                .collect::<Result<Vec<_>>>()?;
            life_domains.sort();
            Ok(OnwardReferral {
                id: OnwardReferralId(r.id),
                case_id: CaseId(r.case_id),
                partner_id: PartnerId(r.partner_id),
                partner_name: r.partner_name,
                partner_kind: parse_code("partners.kind", &r.partner_kind, PartnerKind::parse)?,
                kind: parse_code("onward_referrals.kind", &r.kind, OnwardReferralKind::parse)?,
                referred_on: r.referred_on.to_jiff(),
                started_on: r.started_on.map(|d| d.to_jiff()),
                ended_on: r.ended_on.map(|d| d.to_jiff()),
                outcome: r
                    .outcome
                    .as_deref()
                    .map(|o| parse_code("onward_referrals.outcome", o, OnwardOutcome::parse))
                    .transpose()?,
                coordinator_id: r.coordinator_id.map(UserId),
                coordinator_name: r.coordinator_name,
                client_ids: clients.iter().filter(|(o, _)| *o == r.id).map(|(_, p)| PersonId(*p)).collect(),
                life_domains,
                recorded_by: UserId(r.recorded_by),
                recorded_at: r.recorded_at.to_jiff(),
                updated_at: r.updated_at.to_jiff(),
                version: r.version,
            })
        })
        .collect()
}

/// A case as the synthetic city needs it to refer on (no names).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CaseToReferOn {
    pub id: i64,
    pub district_id: i64,
    pub referred_on: jiff_sqlx::Date,
    pub started_on: Option<jiff_sqlx::Date>,
    pub closed_on: Option<jiff_sqlx::Date>,
    pub closure_detail: Option<String>,
    /// The family worker, else the intake worker.
    pub worker_id: Option<i64>,
    /// The case's first client.
    pub client_id: Option<i64>,
}

/// Every case that started support or was closed as `referred_onward` (not voided), for the
/// synthetic city.
pub async fn cases_to_refer_on(tx: &mut Tx) -> Result<Vec<CaseToReferOn>> {
    Ok(on!(tx, |c| sqlx::query_as(
        "SELECT c.id, h.district_id, c.referred_on, c.started_on, c.closed_on, c.closure_detail, \
         COALESCE(c.worker_id, c.intake_worker_id) AS worker_id, \
         (SELECT MIN(cc.person_id) FROM case_clients cc WHERE cc.case_id = c.id) AS client_id \
         FROM cases c JOIN households h ON h.id = c.household_id \
         WHERE c.voided_on IS NULL AND (c.started_on IS NOT NULL OR c.closure_detail = 'referred_onward') \
         ORDER BY c.id"
    )
    .fetch_all(&mut *c)
    .await)?)
}

/// For the calibration: (cases closed as `referred_onward`, of which with an onward referral;
/// cases in support, of which with one; onward referrals whose partner's kind fits).
pub async fn coverage(tx: &mut Tx) -> Result<(u64, u64, u64, u64, u64, u64)> {
    let count = async |tx: &mut Tx, sql: &'static str| -> Result<u64> {
        let n: i64 = on!(tx, |c| sqlx::query_scalar(sql).fetch_one(&mut *c).await)?;
        Ok(u64::try_from(n).unwrap_or(0))
    };
    let closed =
        count(tx, "SELECT COUNT(*) FROM cases WHERE voided_on IS NULL AND closure_detail = 'referred_onward'").await?;
    let closed_with = count(
        tx,
        "SELECT COUNT(*) FROM cases c WHERE c.voided_on IS NULL AND c.closure_detail = 'referred_onward' \
         AND EXISTS (SELECT 1 FROM onward_referrals o WHERE o.case_id = c.id)",
    )
    .await?;
    let open = count(tx, "SELECT COUNT(*) FROM cases WHERE voided_on IS NULL AND status = 'in_support'").await?;
    let open_with = count(
        tx,
        "SELECT COUNT(*) FROM cases c WHERE c.voided_on IS NULL AND c.status = 'in_support' \
         AND EXISTS (SELECT 1 FROM onward_referrals o WHERE o.case_id = c.id)",
    )
    .await?;
    let all = count(tx, "SELECT COUNT(*) FROM onward_referrals").await?;
    let rows: Vec<(String, String)> = on!(tx, |c| sqlx::query_as(
        "SELECT o.kind, p.kind FROM onward_referrals o JOIN partners p ON p.id = o.partner_id"
    )
    .fetch_all(&mut *c)
    .await)?;
    let fitting = rows
        .iter()
        .filter(|(o, p)| OnwardReferralKind::parse(o).zip(PartnerKind::parse(p)).is_some_and(|(o, p)| o.fits(p)))
        .count() as u64;
    debug_assert!(fitting <= all);
    Ok((closed, closed_with, open, open_with, all, fitting))
}
