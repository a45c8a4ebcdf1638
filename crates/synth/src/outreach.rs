//! Outreach campaigns in the synthetic city (issue 16), calibrated to the seeds:
//! - the families hit by the childcare-benefits scandal: 705 addresses over the city got a
//!   letter offering help and were then all phoned; more than 25% wanted help, 13% could not be
//!   reached, and those who said no gave the seeds' reasons (a lawyer, an arrangement with the
//!   tax office, no question left after the compensation, no trust in institutions);
//! - early signalling of payment arrears ("Vroegsignalering 3.0") in two districts, half the
//!   addresses visited at home, half phoned with a flyer: help offered in about 15% of the house
//!   visits against about 5% by phone and flyer.
//!
//! Each address's status is replayed from its attempts by the application's own rule
//! (`outreach_funnel::next_status`). Accepted offers are not turned into referrals here (the
//! cases of the city are generated beside this). Same seed, same data. See docs/calibration.md.

use buurtteam_domain::codes::Role;
use buurtteam_domain::ids::{DistrictId, UserId};
use buurtteam_domain::outreach::{Approach, AttemptResult as R, CampaignKind, DeclineReason};
use buurtteam_domain::outreach_funnel::{AddressStatus, DEFAULT_UNREACHABLE_AFTER, next_status};
use buurtteam_store::outreach_attempts::{self as attempts_store, NewAttempt};
use buurtteam_store::{Db, StoreError, Tx, organisation, outreach_seed as seed};
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};

use crate::model::{Rng, pick, weighted};
use crate::names;

/// The benefits-scandal campaign's addresses (the seeds' 705 letters).
pub const BENEFITS_ADDRESSES: usize = 705;
/// Its shares: accepted, declined, offered without an answer yet, unreachable.
const BENEFITS_OUTCOMES: [(Outcome, f64); 4] =
    [(Outcome::Accepted, 0.28), (Outcome::Declined, 0.42), (Outcome::Offered, 0.17), (Outcome::Unreachable, 0.13)];
/// The reasons to decline help, as the seeds list them, with their weights.
static BENEFITS_REASONS: [(DeclineReason, f64); 6] = [
    (DeclineReason::Lawyer, 0.25),
    (DeclineReason::TaxOfficeArrangement, 0.20),
    (DeclineReason::NoQuestionAfterCompensation, 0.25),
    (DeclineReason::NoTrust, 0.18),
    (DeclineReason::AlreadyHelped, 0.08),
    (DeclineReason::Other, 0.04),
];
/// Addresses per payment-arrears campaign, half by house visit, half by phone and flyer.
pub const ARREARS_ADDRESSES: usize = 600;
/// The share of addresses offered help: house visits 15%, phone and flyer 5% (the seeds).
pub const OFFER_RATE_HOUSE_VISIT: f64 = 0.15;
pub const OFFER_RATE_PHONE_AND_FLYER: f64 = 0.05;
static ARREARS_REASONS: [(DeclineReason, f64); 3] =
    [(DeclineReason::AlreadyHelped, 0.5), (DeclineReason::NoTrust, 0.3), (DeclineReason::Other, 0.2)];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Accepted,
    Declined,
    Offered,
    Spoken,
    Unreachable,
    /// Tried once or twice without anyone home: still open.
    Tried,
}

/// What was made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Made {
    pub campaigns: usize,
    pub addresses: usize,
    pub attempts: usize,
}

struct Campaign {
    kind: CampaignKind,
    name: String,
    starts_on: Date,
    districts: Vec<(DistrictId, String)>,
    workers: Vec<UserId>,
}

/// The attempts of one address with this outcome by `approach`.
fn attempts_for(
    rng: &mut Rng,
    outcome: Outcome,
    approach: Approach,
    reasons: &[(DeclineReason, f64)],
) -> Vec<(R, Option<DeclineReason>)> {
    let fruitless = if approach == Approach::HouseVisit { R::NotHome } else { R::NoAnswer };
    // Some are reached only at the second try.
    let mut out = if outcome != Outcome::Unreachable && outcome != Outcome::Tried && rng.random::<f64>() < 0.3 {
        vec![(fruitless, None)]
    } else {
        Vec::new()
    };
    match outcome {
        Outcome::Accepted => out.extend([(R::OfferMade, None), (R::Accepted, None)]),
        Outcome::Declined => out.extend([(R::OfferMade, None), (R::Declined, Some(weighted(rng, reasons)))]),
        Outcome::Offered => out.push((R::OfferMade, None)),
        Outcome::Spoken => out.push((R::Spoken, None)),
        Outcome::Unreachable => out.extend(std::iter::repeat_n((fruitless, None), DEFAULT_UNREACHABLE_AFTER as usize)),
        Outcome::Tried => out.extend(std::iter::repeat_n((fruitless, None), rng.random_range(1..3))),
    }
    out
}

/// The outcome of a payment-arrears address approached by `approach`.
fn arrears_outcome(rng: &mut Rng, approach: Approach) -> Outcome {
    let offer = if approach == Approach::HouseVisit { OFFER_RATE_HOUSE_VISIT } else { OFFER_RATE_PHONE_AND_FLYER };
    if rng.random::<f64>() < offer {
        return weighted(rng, &[(Outcome::Accepted, 0.55), (Outcome::Declined, 0.3), (Outcome::Offered, 0.15)]);
    }
    let rest: [(Outcome, f64); 3] = if approach == Approach::HouseVisit {
        [(Outcome::Spoken, 0.55), (Outcome::Unreachable, 0.25), (Outcome::Tried, 0.20)]
    } else {
        [(Outcome::Spoken, 0.45), (Outcome::Unreachable, 0.35), (Outcome::Tried, 0.20)]
    };
    weighted(rng, &rest)
}

fn add_days(d: Date, n: i64) -> Date {
    d.checked_add(n.days()).unwrap_or(d)
}

/// Makes the campaigns with their addresses, signals and attempts, up to `today`.
pub async fn generate(db: &Db, seed: u64, today: Date) -> Result<Made, StoreError> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x0016_0a7e);
    let now = Timestamp::now();
    let mut tx = db.begin().await?;
    let districts = organisation::list_districts(&mut tx).await?;
    let teams = organisation::list_teams(&mut tx).await?;
    let mut workers: Vec<(DistrictId, UserId)> = Vec::new();
    for t in &teams {
        let Some(d) = t.district_ids.first().copied().filter(|_| t.district_ids.len() == 1) else { continue };
        if let Some((u, _, _)) =
            organisation::team_staff(&mut tx, t.id).await?.into_iter().find(|(_, _, r)| *r == Role::FamilyWorker)
            && !workers.iter().any(|(x, _)| *x == d)
        {
            workers.push((d, u));
        }
    }
    let mut made = Made::default();
    if districts.is_empty() || workers.is_empty() {
        return Ok(made);
    }
    let all: Vec<(DistrictId, String)> = districts.iter().map(|d| (d.id, d.name.clone())).collect();
    let worker_of = |d: DistrictId| workers.iter().find(|(x, _)| *x == d).map(|(_, u)| *u);
    let benefits = Campaign {
        kind: CampaignKind::BenefitsScandal,
        name: "Hersteloperatie kinderopvangtoeslag".into(),
        starts_on: add_days(today, -300),
        districts: all.clone(),
        workers: workers.iter().map(|(_, u)| *u).take(4).collect(),
    };
    let n = write_campaign(&mut tx, &mut rng, &benefits, BENEFITS_ADDRESSES, today, now, |rng, _| {
        (Approach::Phone, weighted(rng, &BENEFITS_OUTCOMES), &BENEFITS_REASONS[..])
    })
    .await?;
    made.campaigns += 1;
    made.addresses += BENEFITS_ADDRESSES;
    made.attempts += n;
    // "Vroegsignalering 3.0" runs in Leidsche Rijn and Overvecht (else the first two districts).
    let mut arrears: Vec<&(DistrictId, String)> =
        all.iter().filter(|(_, name)| name == "Overvecht" || name == "Leidsche Rijn").collect();
    if arrears.is_empty() {
        arrears = all.iter().take(2).collect();
    }
    for (id, name) in arrears {
        let c = Campaign {
            kind: CampaignKind::PaymentArrears,
            name: format!("Vroegsignalering 3.0 {name}"),
            starts_on: add_days(today, -330),
            districts: vec![(*id, name.clone())],
            workers: worker_of(*id).into_iter().collect(),
        };
        let n = write_campaign(&mut tx, &mut rng, &c, ARREARS_ADDRESSES, today, now, |rng, i| {
            let approach = if i % 2 == 0 { Approach::HouseVisit } else { Approach::PhoneAndFlyer };
            (approach, arrears_outcome(rng, approach), &ARREARS_REASONS[..])
        })
        .await?;
        made.campaigns += 1;
        made.addresses += ARREARS_ADDRESSES;
        made.attempts += n;
    }
    tx.commit().await?;
    Ok(made)
}

type Plan<'r> = (Approach, Outcome, &'r [(DeclineReason, f64)]);

/// Writes one campaign with `n` addresses, each planned by `plan` (from its index); returns the
/// number of attempts written.
#[allow(clippy::too_many_arguments)]
async fn write_campaign(
    tx: &mut Tx,
    rng: &mut Rng,
    c: &Campaign,
    n: usize,
    today: Date,
    now: Timestamp,
    plan: impl Fn(&mut Rng, usize) -> Plan<'static>,
) -> Result<usize, StoreError> {
    let district_ids: Vec<DistrictId> = c.districts.iter().map(|(d, _)| *d).collect();
    let by = c.workers.first().copied().unwrap_or(UserId(1));
    let id = seed::campaign(tx, c.kind, &c.name, c.starts_on, &district_ids, &c.workers, by, now).await?;
    let mut written = 0;
    for i in 0..n {
        let (district, district_name) = pick(rng, &c.districts).clone();
        let (streets, areas) = names::streets(&district_name);
        let street = if streets.is_empty() { "Hoofdstraat" } else { *pick(rng, streets) };
        let area = if areas.is_empty() { 3500 } else { *pick(rng, areas) };
        let postcode = format!(
            "{area} {}{}",
            (b'A' + rng.random_range(0..26u8)) as char,
            (b'A' + rng.random_range(0..26u8)) as char
        );
        let name = (*pick(rng, names::GIVEN_NAMES_ADULT), *pick(rng, names::FAMILY_NAMES));
        let received = add_days(c.starts_on, rng.random_range(0..60)).min(today);
        let address =
            seed::address(tx, id, Some(district), street, 1 + i as i64, &postcode, None, name, received, by, now)
                .await?;
        let (approach, outcome, reasons) = plan(rng, i);
        let mut on = add_days(received, rng.random_range(7..30));
        let mut status = AddressStatus::Open;
        let mut fruitless = 0;
        for (result, reason) in attempts_for(rng, outcome, approach, reasons) {
            if on > today {
                break;
            }
            if result.is_fruitless() {
                fruitless += 1;
            }
            status = next_status(status, result, fruitless, DEFAULT_UNREACHABLE_AFTER).unwrap_or(status);
            let attempt = NewAttempt {
                address_id: address,
                approach,
                on,
                result,
                decline_reason: reason,
                decline_detail: None,
                by,
            };
            attempts_store::insert_attempt(tx, &attempt, now).await?;
            written += 1;
            on = add_days(on, rng.random_range(2..15));
        }
        if status != AddressStatus::Open {
            attempts_store::set_status(tx, address, AddressStatus::Open, status, None, now).await?;
        }
    }
    Ok(written)
}

/// Adds the outreach rows to the calibration report: per campaign kind the shares the seeds
/// name, read back through the funnel the dashboards use.
pub async fn calibrate(db: &Db, report: &mut crate::calibration::Report) -> Result<(), StoreError> {
    use buurtteam_domain::outreach_funnel::{Address, Attempt, funnel};

    use crate::calibration::Row;
    let mut tx = db.begin_read().await?;
    let campaigns = buurtteam_store::outreach::campaigns::list(&mut tx).await?;
    let mut benefits = Vec::new();
    let mut arrears = Vec::new();
    for c in &campaigns {
        let statuses = attempts_store::statuses_of_campaign(&mut tx, c.id).await?;
        let attempts = attempts_store::attempts_of_campaign(&mut tx, c.id).await?;
        for (id, district, status) in statuses {
            let own: Vec<Attempt> = attempts
                .iter()
                .filter(|a| a.address_id == id)
                .map(|a| Attempt { approach: a.approach, result: a.result, decline_reason: a.decline_reason })
                .collect();
            let a = Address { district, status, attempts: own };
            match c.kind.code() {
                "benefits_scandal" => benefits.push(a),
                "payment_arrears" => arrears.push(a),
                _ => {}
            }
        }
    }
    drop(tx);
    let b = funnel(&benefits).total;
    let mut row = |measure: &str, target: &str, part: u64, whole: u64, ok: &dyn Fn(f64) -> bool| {
        let value = 100.0 * part as f64 / whole.max(1) as f64;
        report.rows.push(Row {
            measure: measure.to_owned(),
            target: target.to_owned(),
            generated: format!("{value:.1}% ({part} of {whole})"),
            ok: whole > 0 && ok(value),
        });
    };
    row(
        "outreach, benefits scandal: addresses accepting help",
        "more than 25% of 705 (25–32%)",
        b.accepted,
        b.addresses,
        &|v| (25.0..=32.0).contains(&v),
    );
    row("outreach, benefits scandal: unreachable", "13% ± 3", b.unreachable, b.addresses, &|v| {
        (v - 13.0).abs() <= 3.0
    });
    let f = funnel(&arrears);
    let visits = f.by_approach.get(&Approach::HouseVisit).copied().unwrap_or_default();
    let calls = f.by_approach.get(&Approach::PhoneAndFlyer).copied().unwrap_or_default();
    row(
        "outreach, payment arrears: help offered by house visit",
        "about 15% (15% ± 3)",
        visits.offer_made,
        visits.addresses,
        &|v| (v - 15.0).abs() <= 3.0,
    );
    row(
        "outreach, payment arrears: help offered by phone and flyer",
        "about 5% (5% ± 2)",
        calls.offer_made,
        calls.addresses,
        &|v| (v - 5.0).abs() <= 2.0,
    );
    let reasons = funnel(&benefits).declined_by_reason;
    let spread = reasons.len();
    report.rows.push(Row {
        measure: "outreach, benefits scandal: decline reasons used".into(),
        target: "the seeds' reasons, each of them (6)".into(),
        generated: format!("{spread} reasons over {} declines", b.declined),
        ok: spread == DeclineReason::ALL.len(),
    });
    Ok(())
}
