//! Contract hours and sickness absence of the synthetic staff (issue 20, decision 0036),
//! calibrated so that the city's yearly absence percentage lies around the seeds' target of
//! 7% (the Dutch care sector runs at 7-8%), with a plausible mix: many short spells, fewer
//! medium ones, a few long ones (more than 6 weeks) often ending in partial return.
//!
//! Per person, spells come as a Poisson process of [`SPELLS_PER_YEAR`] a year (the observed
//! meldingsfrequentie comes to about 1.3, a partial return counted as a spell of its own); the
//! length of a spell is drawn from the mix in [`LENGTHS`]. No reason is ever generated: there is nowhere to put one.

use buurtteam_domain::absence::Spell;
use buurtteam_domain::ids::UserId;
use buurtteam_store::Db;
use jiff::ToSpan;
use jiff::civil::Date;
use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};

use crate::GenerateError;
use crate::model::{Rng, weighted};

/// Spells started per person per year while at work; with the time absent left out and the
/// partial returns counted, the observed frequency comes to about 1.3.
pub const SPELLS_PER_YEAR: f64 = 1.25;

/// Contract hours per week and their shares (most staff in care work part-time).
pub const CONTRACT_HOURS: &[(f64, f64)] = &[(36.0, 0.30), (32.0, 0.30), (28.8, 0.25), (24.0, 0.15)];

/// Lengths of spells in calendar days: (shortest, longest, share).
pub const LENGTHS: &[((i64, i64), f64)] = &[((1, 7), 0.57), ((8, 42), 0.30), ((43, 180), 0.13)];

/// A spell longer than this many days ends in a partial return.
const LONG_DAYS: i64 = 42;

/// The share of the contract a person on partial return is still absent.
const PARTIAL_RETURN_PCT: u8 = 50;

/// One spell from `first` to `last`, as known on `today`: still running (no end, the return
/// expected the day after `last`) when `last` lies after today.
fn piece(first: Date, last: Date, percentage: u8, today: Date) -> Spell {
    if last <= today {
        Spell { starts_on: first, expected_back_on: None, ends_on: Some(last), percentage }
    } else {
        Spell { starts_on: first, expected_back_on: Some(days(last, 1)), ends_on: None, percentage }
    }
}

/// What was made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AbsenceMade {
    pub people: usize,
    pub spells: usize,
}

fn days(d: Date, n: i64) -> Date {
    d.checked_add(n.days()).unwrap_or(d)
}

/// Contract hours for one person.
pub fn contract_hours(rng: &mut Rng) -> f64 {
    weighted(rng, CONTRACT_HOURS)
}

/// The spells of one person from `first` to `today`: valid as of `today` (a spell still
/// running has no end, and an expected return ahead).
pub fn spells(rng: &mut Rng, first: Date, today: Date) -> Vec<Spell> {
    let mut out = Vec::new();
    // Start a little before `first`, so the first months hold spells that began earlier.
    let mut day = days(first, -120);
    loop {
        let gap = -365.0 / SPELLS_PER_YEAR * rng.random::<f64>().max(1e-9).ln();
        day = days(day, 1 + gap.round() as i64);
        if day > today {
            break;
        }
        let (lo, hi) = weighted(rng, LENGTHS);
        let len = rng.random_range(lo..=hi);
        let last = days(day, len - 1);
        // A long spell ends in a partial return (re-integratie): its last third at 50%, a
        // spell of its own, as HR records it.
        let full_last = if len > LONG_DAYS { days(day, len * 2 / 3 - 1) } else { last };
        out.push(piece(day, full_last, 100, today));
        if full_last < last && full_last < today {
            out.push(piece(days(full_last, 1), last, PARTIAL_RETURN_PCT, today));
        }
        if last >= today {
            break;
        }
        day = last;
    }
    out
}

/// Gives every person in `staff` contract hours and their spells over the period ending
/// `today` that starts `first`. A person marked `true` (teammanager1's teams, whose worklist
/// the browser tests read) is never fully absent today: a spell running today is a partial
/// return.
pub(crate) async fn generate(
    db: &Db,
    staff: &[(UserId, bool)],
    recorder: UserId,
    first: Date,
    today: Date,
    seed: u64,
) -> Result<AbsenceMade, GenerateError> {
    let mut rng: Rng = ChaCha8Rng::seed_from_u64(seed ^ 0x0a85_e9ce);
    let now = crate::groups::at_evening(today);
    let mut made = AbsenceMade::default();
    let mut tx = db.begin().await?;
    for &(user, quiet) in staff {
        let hours = contract_hours(&mut rng);
        buurtteam_store::absence::set_contract_hours(&mut tx, user, hours).await?;
        made.people += 1;
        for mut s in spells(&mut rng, first, today) {
            if quiet && s.ends_on.is_none() {
                s.percentage = s.percentage.min(PARTIAL_RETURN_PCT);
            }
            buurtteam_store::absence::insert(&mut tx, user, &s, recorder, now).await?;
            made.spells += 1;
        }
    }
    tx.commit().await?;
    Ok(made)
}

#[cfg(test)]
mod tests {
    use super::*;
    use buurtteam_domain::absence::{StaffMember, month_figures, period_figures};
    use buurtteam_domain::calendar::WorkingDayCalendar;
    use jiff::civil::date;

    /// The synthetic city's 221 staff over a year: absence around 7% (5.5-9.5%), a frequency
    /// around 1.1, long spells a minority, every spell valid as of today. Over several seeds.
    #[test]
    fn the_citys_yearly_absence_is_around_the_target() {
        let today = date(2026, 11, 30);
        let first = date(2025, 12, 1);
        let cal = WorkingDayCalendar::default();
        for seed in 1..=6u64 {
            let mut rng: Rng = ChaCha8Rng::seed_from_u64(seed);
            let staff: Vec<StaffMember> = (0..221)
                .map(|_| StaffMember {
                    contract_hours: contract_hours(&mut rng),
                    spells: spells(&mut rng, first, today),
                })
                .collect();
            for m in &staff {
                for s in &m.spells {
                    assert_eq!(s.validate(today), Ok(()), "{s:?}");
                }
            }
            let year = period_figures(&cal, first, today, &staff, today);
            let pct = year.absence_pct().expect("people");
            let freq = year.frequency_per_year().expect("people");
            eprintln!(
                "seed {seed}: absence {pct:.2}%, frequency {freq:.2}, spells {}, long {}, short {}",
                year.spells_started, year.long_spells, year.short_spells
            );
            assert!((5.5..=9.5).contains(&pct), "seed {seed}: {pct:.2}%");
            assert!((0.8..=1.6).contains(&freq), "seed {seed}: frequency {freq:.2}");
            assert!(year.long_spells * 5 < year.spells_started, "seed {seed}: long spells a minority");
            // Months vary, but none is absurd.
            let june = month_figures(&cal, 2026, 6, &staff, today);
            assert!(june.absence_pct().is_some_and(|p| p < 20.0));
        }
    }
}
