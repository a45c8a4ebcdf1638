//! The experience survey in the synthetic city: invitations of a parent of every case after
//! six months of support and at closure, and responses calibrated to the seeds' Ervaringswijzer
//! (94% agreed they were helped quickly, 91% helped well, 83% looked for a solution together,
//! 46% doing better; a report mark around 7.5-8) at a response rate far above the seeds'
//! twenty respondents a half year. See docs/calibration.md.

use std::collections::HashMap;

use buurtteam_store::bulk::{self, CaseFacts};
use buurtteam_store::survey_results::{self as store, NewInvitation, NewResponse};
use buurtteam_store::{Db, StoreError};
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};

use crate::model::{Rng, pick, weighted};

/// The share of invitations answered.
pub const RESPONSE_RATE: f64 = 0.45;

/// The statements of the first questionnaire with the share that agrees (4 or 5).
pub const AGREEMENT: [(&str, f64); 4] =
    [("helped_quickly", 0.94), ("helped_well", 0.91), ("solution_together", 0.83), ("doing_better", 0.46)];

/// Report marks (1-10) and their weights: mean about 7.7.
const MARKS: [(i32, f64); 7] = [(4, 0.02), (5, 0.03), (6, 0.08), (7, 0.27), (8, 0.37), (9, 0.17), (10, 0.06)];

/// Open answers as they arrive after names and numbers were removed.
const COMMENTS: &[&str] = &[
    "Fijn dat er snel iemand langskwam.",
    "We voelden ons gehoord.",
    "Het duurde lang voordat er iets gebeurde.",
    "De medewerker dacht echt met ons mee.",
    "Meer contact had ons geholpen.",
    "Door de gesprekken gaat het thuis rustiger.",
    "We wisten niet goed wat we konden verwachten.",
    "Goede tips voor de opvoeding gekregen.",
    "Wisseling van medewerker was lastig voor ons.",
    "Dankzij het buurtteam heeft onze zoon weer een plek op school.",
];

/// What was generated.
#[derive(Debug, Clone, Copy, Default)]
pub struct SurveySummary {
    pub invitations: usize,
    pub responses: usize,
}

fn add_days(d: Date, n: i64) -> Date {
    d.checked_add(n.days()).unwrap_or(d)
}

fn at_ten(d: Date) -> Timestamp {
    d.at(10, 0, 0, 0).to_zoned(jiff::tz::TimeZone::UTC).map(|z| z.timestamp()).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// The invitation moments of a case up to `today`: six months after the start of support
/// while still open, and the closure of a case whose support started.
fn moments(c: &CaseFacts, today: Date) -> Vec<(&'static str, Date)> {
    let Some(started) = c.started_on.map(|d| d.to_jiff()) else { return Vec::new() };
    let closed = c.closed_on.map(|d| d.to_jiff());
    let mut out = Vec::new();
    let six = started.checked_add(6.months()).unwrap_or(started);
    if six <= today && closed.is_none_or(|c| c > six) {
        out.push(("six_months", six));
    }
    if let Some(c) = closed.filter(|c| *c <= today) {
        out.push(("closure", c));
    }
    out
}

fn agree(rng: &mut Rng, p: f64) -> i32 {
    if rng.random::<f64>() < p {
        if rng.random::<f64>() < 0.55 { 5 } else { 4 }
    } else {
        weighted(rng, &[(3, 0.6), (2, 0.3), (1, 0.1)])
    }
}

/// Generates invitations and responses for every case in `db` up to `today`, from `seed`
/// (its own generator, so the cases stay as they were).
pub async fn generate(db: &Db, today: Date, seed: u64) -> Result<SurveySummary, StoreError> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5eed_5a7e);
    let mut tx = db.begin_read().await?;
    let facts = bulk::case_facts(&mut tx).await?;
    let parents: HashMap<i64, i64> = store::household_parents(&mut tx).await?.into_iter().collect();
    let mut next_id = store::last_response_id(&mut tx).await? + 1;
    drop(tx);
    let mut invitations = Vec::new();
    let mut responses = Vec::new();
    for c in &facts {
        let Some(parent) = parents.get(&c.household_id).copied() else { continue };
        for (moment, on) in moments(c, today) {
            let answered = add_days(on, rng.random_range(1..15));
            let responded = rng.random::<f64>() < RESPONSE_RATE && answered <= today;
            invitations.push(NewInvitation {
                case_id: c.id,
                person_id: parent,
                moment,
                code_hash: format!("synthetic-{}-{parent}-{moment}", c.id),
                invited_on: on,
                expires_at: at_ten(add_days(on, 30)),
                responded_at: responded.then(|| at_ten(answered)),
                created_at: at_ten(on),
            });
            if !responded {
                continue;
            }
            let channel = weighted(&mut rng, &[("portal", 0.35), ("link", 0.5), ("paper", 0.15)]);
            let mark = (rng.random::<f64>() < 0.9).then(|| weighted(&mut rng, &MARKS));
            let comment = (rng.random::<f64>() < 0.3).then(|| (*pick(&mut rng, COMMENTS)).to_owned());
            let answers = AGREEMENT.iter().map(|(key, p)| (*key, agree(&mut rng, *p))).collect();
            responses.push(NewResponse {
                id: next_id,
                version: 1,
                team_id: c.team_id,
                district_id: c.district_id,
                moment,
                respondent: "parent",
                channel,
                submitted_on: answered,
                report_mark: mark,
                comment,
                answers,
            });
            next_id += 1;
        }
    }
    let summary = SurveySummary { invitations: invitations.len(), responses: responses.len() };
    let mut tx = db.begin().await?;
    store::bulk_insert(&mut tx, &invitations, &responses).await?;
    tx.commit().await?;
    Ok(summary)
}

/// Adds the survey's rows to the calibration report: agreement per statement, the mean report
/// mark, the response rate and the responses per half year, over everything in `db`.
pub async fn calibrate(db: &Db, report: &mut crate::calibration::Report) -> Result<(), StoreError> {
    use buurtteam_domain::kpi::Period;

    use crate::calibration::Row;
    let all = Period { from: Date::constant(1900, 1, 1), to: Date::constant(2999, 12, 31) };
    let mut tx = db.begin_read().await?;
    let rows = store::rows(&mut tx, all, false).await?;
    drop(tx);
    for (key, p) in AGREEMENT {
        let (answered, agreed) =
            rows.answers.iter().filter(|a| a.key == key).fold((0, 0), |(n, a), r| (n + r.answered, a + r.agreed));
        let value = 100.0 * agreed as f64 / answered.max(1) as f64;
        let target = 100.0 * p;
        let tolerance = if p > 0.9 { 3.0 } else { 4.0 };
        report.rows.push(Row {
            measure: format!("experience survey: (strongly) agree, {key}"),
            target: format!("{target:.0}% ± {tolerance}"),
            generated: format!("{value:.1}% ({agreed} of {answered})"),
            ok: answered > 0 && (value - target).abs() <= tolerance,
        });
    }
    let (marks, sum) = rows.responses.iter().fold((0, 0), |(n, s), r| (n + r.marks, s + r.mark_sum));
    let mean = sum as f64 / marks.max(1) as f64;
    report.rows.push(Row {
        measure: "experience survey: mean report mark".into(),
        target: "around 7.5–8 (7.3–8.2)".into(),
        generated: format!("{mean:.2} ({marks} marks)"),
        ok: (7.3..=8.2).contains(&mean),
    });
    let (invited, answered) = rows.invitations.iter().fold((0, 0), |(n, a), r| (n + r.invited, a + r.answered));
    let rate = 100.0 * answered as f64 / invited.max(1) as f64;
    report.rows.push(Row {
        measure: "experience survey: response rate (invitations answered)".into(),
        target: "far above the seeds' ~20 a half year: 35–55%".into(),
        generated: format!("{rate:.1}% ({answered} of {invited})"),
        ok: (35.0..=55.0).contains(&rate),
    });
    let responses: u64 = rows.responses.iter().map(|r| r.responses).sum();
    let (first, last) = rows.responses.iter().fold((None::<Date>, None::<Date>), |(f, l), r| {
        (Some(f.map_or(r.day, |f| f.min(r.day))), Some(l.map_or(r.day, |l| l.max(r.day))))
    });
    let halves = match (first, last) {
        (Some(f), Some(l)) => ((l - f).get_days().max(1) as f64 / 182.5).max(1.0),
        _ => 1.0,
    };
    let per_half = responses as f64 / halves;
    report.rows.push(Row {
        measure: "experience survey: responses per half year (city)".into(),
        target: "more than the seeds' ~20".into(),
        generated: format!("{per_half:.0}"),
        ok: per_half > 20.0,
    });
    Ok(())
}
