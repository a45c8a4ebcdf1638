//! The absence and capacity figures of the KPIs (issue 20, decision 0036): absence
//! percentage against the target, frequency, long absence and caseload per FTE, for the
//! period and for each of its calendar months. The hours come from
//! [`crate::absence::period_figures`]; this module turns them into shown figures and
//! suppresses them for readers of aggregates.
//!
//! Suppression: every figure of a cell (the period, or a month) is hidden when it counts
//! fewer than [`SUPPRESS_BELOW`] people; the count of long spells is a count like any other
//! (hidden below 5, zero included); caseload per FTE is hidden with the open cases it is
//! computed from, and with the people.

use jiff::civil::Date;
use serde::Serialize;

use super::{Count, SUPPRESS_BELOW, Shown, Stat};
use crate::absence::{MonthFigures, caseload_per_fte};

/// The rows the absence figures of a period are computed from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AbsenceInputs {
    /// The organisation's absence target in percent (7 by default).
    pub target_pct: f64,
    /// The figures of the whole period.
    pub whole: MonthFigures,
    /// FTE of the family workers in scope (contract hours / the FTE norm).
    pub family_worker_fte: f64,
    /// Each calendar month of the period (cut to the period).
    pub months: Vec<AbsenceMonthInputs>,
}

/// The rows of one month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AbsenceMonthInputs {
    pub from: Date,
    pub to: Date,
    pub figures: MonthFigures,
    /// Cases with their intake held and not closed at the month's end, of family workers.
    pub open_cases: u64,
}

/// The absence figures of one cell: the period, or a month of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AbsenceFigures {
    /// Absent hours over available hours of the people counted, 0-100, one decimal.
    pub absence_pct: Stat,
    /// Whether `absence_pct` is above the target; `null` when the percentage is not shown.
    pub absence_above_target: Option<bool>,
    /// Spells started per person per year (meldingsfrequentie), two decimals.
    pub absence_frequency_per_year: Stat,
    /// Spells active in the period lasting more than 6 weeks (42 days) as of its end.
    pub long_absence_spells: Count,
    /// People with contract hours counted.
    pub absence_people: Count,
    /// Open cases (intake held, not closed) per FTE of the family workers, one decimal.
    pub caseload_per_fte: Stat,
}

/// One month of the period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AbsenceMonth {
    pub from: Date,
    pub to: Date,
    #[serde(flatten)]
    pub figures: AbsenceFigures,
    /// The open cases at the month's end behind `caseload_per_fte`, kept for suppression.
    #[serde(skip)]
    pub open_cases: u64,
}

/// The absence part of the report, flattened into it: `absence_pct`, `caseload_per_fte`,
/// … of the period, the target beside them and the same figures per month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AbsenceReport {
    #[serde(flatten)]
    pub figures: AbsenceFigures,
    /// The absence target the percentage is measured against.
    pub absence_target_pct: f64,
    /// FTE of the family workers in scope, one decimal.
    pub family_worker_fte: Stat,
    pub absence_by_month: Vec<AbsenceMonth>,
    /// The open cases behind `caseload_per_fte`, kept for suppression.
    #[serde(skip)]
    pub open_cases: u64,
}

fn round(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (x * f).round() / f
}

fn figures(f: &MonthFigures, open_cases: u64, fte: f64, target_pct: f64) -> AbsenceFigures {
    let pct = f.absence_pct().map(|p| round(p, 1));
    AbsenceFigures {
        absence_pct: Shown::Value(pct),
        absence_above_target: pct.map(|p| p > target_pct),
        absence_frequency_per_year: Shown::Value(f.frequency_per_year().map(|x| round(x, 2))),
        long_absence_spells: Shown::Value(f.long_spells as u64),
        absence_people: Shown::Value(f.people as u64),
        caseload_per_fte: Shown::Value(caseload_per_fte(open_cases, fte).map(|x| round(x, 1))),
    }
}

/// The absence part of the report of a period whose open cases at its end are `open_cases`.
pub fn compute(inputs: &AbsenceInputs, open_cases: u64) -> AbsenceReport {
    let fte = inputs.family_worker_fte;
    AbsenceReport {
        figures: figures(&inputs.whole, open_cases, fte, inputs.target_pct),
        absence_target_pct: inputs.target_pct,
        family_worker_fte: Shown::Value((fte > 0.0).then(|| round(fte, 1))),
        absence_by_month: inputs
            .months
            .iter()
            .map(|m| AbsenceMonth {
                from: m.from,
                to: m.to,
                figures: figures(&m.figures, m.open_cases, fte, inputs.target_pct),
                open_cases: m.open_cases,
            })
            .collect(),
        open_cases,
    }
}

/// Suppresses one cell: everything below 5 people; long spells below 5; caseload per FTE
/// with fewer than 5 open cases.
fn suppress_cell(f: &mut AbsenceFigures, open_cases: u64) {
    let people = f.absence_people.value().unwrap_or(0);
    if people < SUPPRESS_BELOW {
        f.absence_pct = Shown::Suppressed;
        f.absence_above_target = None;
        f.absence_frequency_per_year = Shown::Suppressed;
        f.long_absence_spells = Shown::Suppressed;
        f.absence_people = Shown::Suppressed;
        f.caseload_per_fte = Shown::Suppressed;
        return;
    }
    super::primary(&mut f.long_absence_spells);
    if open_cases < SUPPRESS_BELOW {
        f.caseload_per_fte = Shown::Suppressed;
    }
}

/// Suppression of the absence part (see the module documentation).
pub fn suppress(r: &mut AbsenceReport) {
    let people = r.figures.absence_people.value().unwrap_or(0);
    suppress_cell(&mut r.figures, r.open_cases);
    if people < SUPPRESS_BELOW {
        r.family_worker_fte = Shown::Suppressed;
    }
    // The months count the same people as the period; each its own open cases.
    for m in &mut r.absence_by_month {
        suppress_cell(&mut m.figures, m.open_cases);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn month(people: usize, long: usize, open_cases: u64) -> AbsenceMonthInputs {
        AbsenceMonthInputs {
            from: date(2026, 5, 1),
            to: date(2026, 5, 31),
            figures: MonthFigures {
                people,
                available_hours: 19.0 * 7.2 * people as f64,
                absent_hours: 19.0 * 7.2 * 0.08 * people as f64,
                spells_started: 1,
                long_spells: long,
                short_spells: 0,
                months: 1.0,
            },
            open_cases,
        }
    }

    fn inputs(people: usize, long: usize, open_cases: u64) -> AbsenceInputs {
        let m = month(people, long, open_cases);
        AbsenceInputs { target_pct: 7.0, whole: m.figures, family_worker_fte: 4.0, months: vec![m] }
    }

    #[test]
    fn figures_against_the_target() {
        let r = compute(&inputs(5, 6, 30), 30);
        assert_eq!(r.figures.absence_pct, Shown::Value(Some(8.0)));
        assert_eq!(r.figures.absence_above_target, Some(true));
        assert_eq!(r.figures.absence_frequency_per_year, Shown::Value(Some(2.4)), "1 / 5 × 12");
        assert_eq!(r.figures.caseload_per_fte, Shown::Value(Some(7.5)), "30 / 4");
        assert_eq!(r.absence_by_month.len(), 1);
        assert_eq!(r.absence_target_pct, 7.0);
    }

    #[test]
    fn fewer_than_five_people_hide_every_figure_of_the_cell() {
        let mut r = compute(&inputs(4, 6, 30), 30);
        suppress(&mut r);
        assert_eq!(r.figures.absence_pct, Shown::Suppressed);
        assert_eq!(r.figures.absence_above_target, None, "no hint of the hidden percentage");
        assert_eq!(r.figures.caseload_per_fte, Shown::Suppressed);
        assert_eq!(r.family_worker_fte, Shown::Suppressed);
        assert_eq!(r.absence_by_month[0].figures.absence_people, Shown::Suppressed);
        let json = serde_json::to_value(&r).expect("json");
        assert_eq!(json["absence_pct"], "<5");
        assert_eq!(json["absence_by_month"][0]["absence_pct"], "<5");
        assert!(json.get("open_cases").is_none(), "the basis of suppression is not shown");
    }

    #[test]
    fn with_five_people_small_counts_and_few_cases_still_hide() {
        let mut r = compute(&inputs(5, 2, 4), 4);
        suppress(&mut r);
        assert_eq!(r.figures.absence_pct, Shown::Value(Some(8.0)));
        assert_eq!(r.figures.long_absence_spells, Shown::Suppressed, "2 long spells is a small count");
        assert_eq!(r.figures.caseload_per_fte, Shown::Suppressed, "4 open cases");
        let mut r = compute(&inputs(5, 6, 30), 30);
        suppress(&mut r);
        assert_eq!(r.figures.long_absence_spells, Shown::Value(6));
        assert_eq!(r.figures.caseload_per_fte, Shown::Value(Some(7.5)));
    }
}
