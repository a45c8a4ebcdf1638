//! Partner accounts and referrals from partners (issue 15 part 3; decision 0041): which
//! partner organisation an account belongs to, the partner and consent on a case it referred,
//! and the list of its referrals with no more than their status.

use buurtteam_domain::case::CaseStatus;
use buurtteam_domain::ids::{CaseId, PartnerId, UserId};
use buurtteam_domain::partner_referrals::ConsentBy;
use jiff::civil::Date;

use crate::{Result, Tx, parse_code, sql_date};

/// The partner organisation of an account (`None` for an account of no partner).
pub async fn partner_of_user(tx: &mut Tx, user: UserId) -> Result<Option<PartnerId>> {
    let id: Option<Option<i64>> = on!(tx, |c| sqlx::query_scalar("SELECT partner_id FROM users WHERE id = $1")
        .bind(user.0)
        .fetch_optional(&mut *c)
        .await)?;
    Ok(id.flatten().map(PartnerId))
}

/// Links an account to its partner organisation (set once, when an admin creates it).
pub async fn set_partner_of_user(tx: &mut Tx, user: UserId, partner: PartnerId) -> Result<()> {
    exec!(tx, |c| sqlx::query("UPDATE users SET partner_id = $2 WHERE id = $1")
        .bind(user.0)
        .bind(partner.0)
        .execute(&mut *c)
        .await)?;
    Ok(())
}

/// Records the partner as referrer of a case it referred, with the family's consent.
pub async fn set_referrer(
    tx: &mut Tx,
    case: CaseId,
    partner: PartnerId,
    consent_by: ConsentBy,
    consent_on: Date,
) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "UPDATE cases SET referrer_partner_id = $2, consent_by = $3, consent_on = $4 WHERE id = $1"
    )
    .bind(case.0)
    .bind(partner.0)
    .bind(consent_by.code())
    .bind(sql_date(consent_on))
    .execute(&mut *c)
    .await)?;
    Ok(())
}

/// One referral of a partner as the partner may see it: no names, no file.
#[derive(Debug, Clone)]
pub struct Submitted {
    pub case_id: CaseId,
    pub referred_on: Date,
    pub status: CaseStatus,
    /// While the case waits for its intake: the first appointment planned on it, if any.
    pub intake_planned_on: Option<Date>,
}

/// The referrals of one partner organisation, newest first (voided ones left out).
pub async fn list(tx: &mut Tx, partner: PartnerId) -> Result<Vec<Submitted>> {
    type Row = (i64, jiff_sqlx::Date, String, Option<jiff_sqlx::Timestamp>);
    let rows: Vec<Row> = on!(tx, |c| sqlx::query_as(
        "SELECT c.id, c.referred_on, c.status, a.starts_at FROM cases c \
         LEFT JOIN appointments a ON a.id = \
           (SELECT a2.id FROM appointments a2 WHERE a2.case_id = c.id ORDER BY a2.starts_at, a2.id LIMIT 1) \
         WHERE c.referrer_partner_id = $1 AND c.voided_on IS NULL \
         ORDER BY c.referred_on DESC, c.id DESC"
    )
    .bind(partner.0)
    .fetch_all(&mut *c)
    .await)?;
    rows.into_iter()
        .map(|(id, referred_on, status, first)| {
            let status = parse_code("cases.status", &status, CaseStatus::parse)?;
            // The day of the appointment in the Netherlands.
            let tz = jiff::tz::TimeZone::get("Europe/Amsterdam").unwrap_or(jiff::tz::TimeZone::UTC);
            let planned = first.map(|t| t.to_jiff().to_zoned(tz).date());
            Ok(Submitted {
                case_id: CaseId(id),
                referred_on: referred_on.to_jiff(),
                status,
                intake_planned_on: if status == CaseStatus::Referred { planned } else { None },
            })
        })
        .collect()
}
