//! Onward referrals in the synthetic city (issue 15 part 2, decision 0040): every case closed
//! as `referred_onward` has one (referred in the last weeks before closing), and so do some
//! cases still in support and a few closed otherwise (a debt service or the sociale basis
//! beside the team's own help). The partner is one of a fitting kind serving the family's
//! district (city-wide organisations serve every district). Most start a few weeks after the
//! referral; the older ones have ended, mostly completed. Nothing lies after `today`. Run
//! after the cases and partners exist; same seed, same data. See docs/calibration.md.

use buurtteam_domain::codes::LifeDomain;
use buurtteam_domain::ids::{CaseId, DistrictId, PersonId, UserId};
use buurtteam_domain::onward_referrals::{OnwardOutcome, OnwardReferralKind};
use buurtteam_store::onward_referrals::{self as store, NewOnwardReferral, Progress};
use buurtteam_store::partners::{self as partners, Filter};
use buurtteam_store::{Db, StoreError};
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};

use crate::model::{pick, weighted};

/// The kinds of onward help and how often each is asked for.
pub const KINDS: &[(OnwardReferralKind, f64)] = &[
    (OnwardReferralKind::SpecialistYouthCare, 0.35),
    (OnwardReferralKind::IntensiveVoluntaryHelp, 0.12),
    (OnwardReferralKind::DebtAssistance, 0.18),
    (OnwardReferralKind::AdultMentalHealth, 0.15),
    (OnwardReferralKind::WorkAndIncome, 0.08),
    (OnwardReferralKind::Community, 0.12),
];
/// The share of cases in support with an onward referral already.
pub const OPEN_SHARE: f64 = 0.08;
/// The share of cases closed with another detail that had one beside the team's help.
pub const OTHER_CLOSED_SHARE: f64 = 0.04;

const OUTCOMES: &[(OnwardOutcome, f64)] =
    &[(OnwardOutcome::Completed, 0.65), (OnwardOutcome::StoppedEarly, 0.2), (OnwardOutcome::ReferredFurther, 0.15)];

fn domains(kind: OnwardReferralKind) -> &'static [LifeDomain] {
    use LifeDomain as L;
    match kind {
        OnwardReferralKind::SpecialistYouthCare => &[L::Parenting, L::MentalHealth],
        OnwardReferralKind::IntensiveVoluntaryHelp => &[L::Safety, L::DomesticRelations],
        OnwardReferralKind::DebtAssistance => &[L::Finances],
        OnwardReferralKind::AdultMentalHealth => &[L::MentalHealth],
        OnwardReferralKind::WorkAndIncome => &[L::WorkEducation, L::Finances],
        OnwardReferralKind::Community => &[L::SocialNetwork, L::SocialParticipation],
    }
}

fn plus(d: Date, days: i64) -> Date {
    d.checked_add(days.days()).unwrap_or(d)
}

/// What was made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Made {
    pub onward_referrals: usize,
}

pub async fn generate(db: &Db, seed: u64, today: Date) -> Result<Made, StoreError> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x0015_0b02);
    // The moment written as recorded (and as the case's `updated_at`): today's start, so that
    // the same seed gives the same data.
    let now = today.to_zoned(jiff::tz::TimeZone::UTC).map(|z| z.timestamp()).unwrap_or(Timestamp::UNIX_EPOCH);
    let mut tx = db.begin().await?;
    let cases = store::cases_to_refer_on(&mut tx).await?;
    let all = partners::list(&mut tx, &Filter::default()).await?;
    let mut made = Made::default();
    for c in &cases {
        // Closed as referred_onward before support started: referred from the intake on.
        let started = c.started_on.unwrap_or(c.referred_on).to_jiff();
        let (Some(client), Some(worker)) = (c.client_id, c.worker_id) else {
            continue;
        };
        let closed = c.closed_on.map(|d| d.to_jiff());
        let onward = c.closure_detail.as_deref() == Some("referred_onward");
        let share = match closed {
            _ if onward => 1.0,
            Some(_) => OTHER_CLOSED_SHARE,
            None => OPEN_SHARE,
        };
        if rng.random::<f64>() >= share {
            continue;
        }
        let last = closed.unwrap_or(today).min(today);
        if last < started {
            continue;
        }
        // Referred in the weeks before closing (or before today), never before support started.
        let referred_on = plus(last, -rng.random_range(0..45i64)).max(started);
        let kind = weighted(&mut rng, KINDS);
        let district = DistrictId(c.district_id);
        let fitting: Vec<_> =
            all.iter().filter(|p| kind.fits(p.kind) && p.district_ids.contains(&district)).map(|p| p.id).collect();
        if fitting.is_empty() {
            continue;
        }
        let new = NewOnwardReferral {
            case_id: CaseId(c.id),
            partner_id: *pick(&mut rng, &fitting),
            kind,
            referred_on,
            coordinator_id: Some(UserId(worker)),
            client_ids: &[PersonId(client)],
            life_domains: domains(kind),
            recorded_by: UserId(worker),
        };
        let id = store::insert(&mut tx, &new, now).await?;
        made.onward_referrals += 1;
        // Most start within six weeks; what started long enough ago has ended.
        let start = plus(referred_on, rng.random_range(7..42i64));
        let (started_on, ended_on, outcome) = if rng.random::<f64>() < 0.85 {
            if start > today {
                (None, None, None)
            } else {
                let end = plus(start, rng.random_range(60..300i64));
                if end <= today {
                    (Some(start), Some(end), Some(weighted(&mut rng, OUTCOMES)))
                } else {
                    (Some(start), None, None)
                }
            }
        } else {
            let end = plus(referred_on, 60);
            if end <= today { (None, Some(end), Some(OnwardOutcome::NotStarted)) } else { (None, None, None) }
        };
        if started_on.is_some() || ended_on.is_some() {
            let progress = Progress { started_on, ended_on, outcome, coordinator_id: Some(UserId(worker)) };
            store::set_progress(&mut tx, id, 1, &progress, now).await?;
        }
    }
    tx.commit().await?;
    Ok(made)
}

/// Adds the onward referral rows to the calibration report: every case closed as
/// `referred_onward` has one, some cases in support do, and every partner fits its kind.
pub async fn calibrate(db: &Db, report: &mut crate::calibration::Report) -> Result<(), StoreError> {
    use crate::calibration::Row;
    let mut tx = db.begin_read().await?;
    let (closed, closed_with, open, open_with, all, fitting) = store::coverage(&mut tx).await?;
    drop(tx);
    let mut row = |measure: &str, target: &str, part: u64, whole: u64, ok: &dyn Fn(f64) -> bool| {
        let value = 100.0 * part as f64 / whole.max(1) as f64;
        report.rows.push(Row {
            measure: measure.to_owned(),
            target: target.to_owned(),
            generated: format!("{value:.1}% ({part} of {whole})"),
            ok: whole > 0 && ok(value),
        });
    };
    row("Onward referrals: cases closed as referred_onward with one", "every one (100%)", closed_with, closed, &|v| {
        v >= 100.0
    });
    let target = format!("about {:.0}% (± 4)", OPEN_SHARE * 100.0);
    row("Onward referrals: cases in support with one", &target, open_with, open, &|v| {
        (v - OPEN_SHARE * 100.0).abs() <= 4.0
    });
    row("Onward referrals: partner of a fitting kind", "every one (100%)", fitting, all, &|v| v >= 100.0);
    Ok(())
}
