//! Staff absence (verzuim) and capacity: validation of an absence spell and the monthly
//! figures per team (issue 20, decision 0036).
//!
//! A spell runs from `starts_on` to `ends_on` inclusive (the last day absent); while it lasts
//! `ends_on` is empty and it counts up to "today". `percentage` is the part of the contract the
//! person is absent (100 = fully absent, 50 = works half). No reason is ever registered.
//!
//! Absence percentage of a month: the absent hours over the available hours, where a person's
//! available hours are the working days of the month (weekends, holidays in force and the
//! organisation's closure days excluded, [`WorkingDayCalendar`]) times their contract hours per
//! day (contract hours / 5), and their absent hours are the working days of the month inside a
//! spell times the same day hours times the spell's percentage.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::calendar::WorkingDayCalendar;

/// A spell longer than this many calendar days is long absence (more than 6 weeks).
pub const LONG_ABSENCE_DAYS: i32 = 42;
/// A spell of at most this many calendar days is short absence.
pub const SHORT_ABSENCE_DAYS: i32 = 7;
/// The default absence target in percent (the organisation's target for 2024).
pub const DEFAULT_TARGET_PCT: f64 = 7.0;
/// The default hours per week of one FTE.
pub const DEFAULT_FTE_HOURS: f64 = 36.0;

/// One absence spell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spell {
    pub starts_on: Date,
    pub expected_back_on: Option<Date>,
    /// Last day absent, inclusive; `None` while the spell lasts.
    pub ends_on: Option<Date>,
    pub percentage: u8,
}

/// Why a spell cannot be recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpellError {
    StartInFuture,
    EndInFuture,
    EndBeforeStart,
    ExpectedBackBeforeStart,
    PercentageOutOfRange,
}

impl SpellError {
    /// Catalogue key of the message (block A in `{nl,en}-staff.ftl`).
    pub fn message_key(self) -> &'static str {
        match self {
            SpellError::StartInFuture => "absence-error-start-in-future",
            SpellError::EndInFuture => "absence-error-end-in-future",
            SpellError::EndBeforeStart => "absence-error-end-before-start",
            SpellError::ExpectedBackBeforeStart => "absence-error-expected-before-start",
            SpellError::PercentageOutOfRange => "absence-error-percentage",
        }
    }
}

impl Spell {
    /// Checks a spell as recorded or changed on `today`: no date in the future except the
    /// expected return, the end not before the start, the percentage 1–100.
    pub fn validate(&self, today: Date) -> Result<(), SpellError> {
        if self.starts_on > today {
            return Err(SpellError::StartInFuture);
        }
        if let Some(end) = self.ends_on {
            if end > today {
                return Err(SpellError::EndInFuture);
            }
            if end < self.starts_on {
                return Err(SpellError::EndBeforeStart);
            }
        }
        if self.expected_back_on.is_some_and(|d| d < self.starts_on) {
            return Err(SpellError::ExpectedBackBeforeStart);
        }
        if !(1..=100).contains(&self.percentage) {
            return Err(SpellError::PercentageOutOfRange);
        }
        Ok(())
    }

    /// The last day the spell counts as of `today`.
    pub fn last_day(&self, today: Date) -> Date {
        self.ends_on.unwrap_or(today)
    }

    /// Length in calendar days as of `today` (start and last day included).
    pub fn calendar_days(&self, today: Date) -> i32 {
        let last = self.last_day(today);
        if last < self.starts_on { 0 } else { (last - self.starts_on).get_days() + 1 }
    }

    pub fn is_long(&self, today: Date) -> bool {
        self.calendar_days(today) > LONG_ABSENCE_DAYS
    }

    pub fn is_short(&self, today: Date) -> bool {
        self.calendar_days(today) <= SHORT_ABSENCE_DAYS
    }
}

/// One staff member for the figures: contract hours per week and their spells.
#[derive(Debug, Clone, PartialEq)]
pub struct StaffMember {
    pub contract_hours: f64,
    pub spells: Vec<Spell>,
}

/// The absence figures of a team (or the organisation) for one month, or for any range of
/// days ([`period_figures`]).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct MonthFigures {
    /// People with contract hours counted.
    pub people: usize,
    pub available_hours: f64,
    pub absent_hours: f64,
    /// Spells that started in the month.
    pub spells_started: usize,
    /// Spells active in the month that are long (> 42 days) as of the month's end (or today).
    pub long_spells: usize,
    /// Spells active in the month of at most 7 days.
    pub short_spells: usize,
    /// How many calendar months the figures cover (up to today): 1 for a whole month, 0.5 for
    /// its first half; what the frequency is annualised over.
    pub months: f64,
}

impl MonthFigures {
    /// Absence percentage; `None` when nobody is available.
    pub fn absence_pct(&self) -> Option<f64> {
        (self.available_hours > 0.0).then(|| 100.0 * self.absent_hours / self.available_hours)
    }

    /// Reporting frequency (meldingsfrequentie): spells started per person, annualised
    /// (× 12 for a month).
    pub fn frequency_per_year(&self) -> Option<f64> {
        (self.people > 0 && self.months > 0.0)
            .then(|| 12.0 * self.spells_started as f64 / self.people as f64 / self.months)
    }

    /// Whether the absence percentage is above `target_pct`.
    pub fn above_target(&self, target_pct: f64) -> bool {
        self.absence_pct().is_some_and(|p| p > target_pct)
    }
}

fn month_bounds(year: i16, month: i8) -> (Date, Date) {
    let first = jiff::civil::date(year, month, 1);
    (first, first.last_of_month())
}

/// The figures of `staff` for the month `year`-`month`, as known on `today`. Days after
/// `today` are neither available nor absent, so the current month is measured so far.
pub fn month_figures(
    calendar: &WorkingDayCalendar,
    year: i16,
    month: i8,
    staff: &[StaffMember],
    today: Date,
) -> MonthFigures {
    let (first, last_of_month) = month_bounds(year, month);
    period_figures(calendar, first, last_of_month, staff, today)
}

/// Calendar months from `first` to `last` (both included) as a fraction: each month counts
/// for the share of its days in the range.
fn months_between(first: Date, last: Date) -> f64 {
    let mut months = 0.0;
    let mut day = first;
    while day <= last {
        let end = day.last_of_month().min(last);
        months += f64::from((end - day).get_days() + 1) / f64::from(day.days_in_month());
        match end.tomorrow() {
            Ok(next) => day = next,
            Err(_) => break,
        }
    }
    months
}

/// The figures of `staff` from `first` to `last` (both included), as known on `today`: the
/// same rules as a month, over any range of days (the KPIs of a quarter or a year).
pub fn period_figures(
    calendar: &WorkingDayCalendar,
    first: Date,
    last: Date,
    staff: &[StaffMember],
    today: Date,
) -> MonthFigures {
    let last = last.min(today);
    let mut out = MonthFigures::default();
    if last < first {
        return out;
    }
    out.months = months_between(first, last);
    let working: Vec<Date> =
        first.series(1.day()).take_while(|d| *d <= last).filter(|d| calendar.is_working_day(*d)).collect();
    for member in staff.iter().filter(|m| m.contract_hours > 0.0) {
        out.people += 1;
        let day_hours = member.contract_hours / 5.0;
        out.available_hours += day_hours * working.len() as f64;
        // Overlapping spells of one person never make a day more than fully absent.
        for day in &working {
            let pct: u32 = member
                .spells
                .iter()
                .filter(|s| s.starts_on <= *day && *day <= s.last_day(today))
                .map(|s| u32::from(s.percentage))
                .sum();
            out.absent_hours += day_hours * f64::from(pct.min(100)) / 100.0;
        }
        for spell in &member.spells {
            let spell_last = spell.last_day(today);
            if spell_last < first || spell.starts_on > last {
                continue;
            }
            if spell.starts_on >= first {
                out.spells_started += 1;
            }
            if spell.is_long(last) {
                out.long_spells += 1;
            }
            if spell.ends_on.is_some_and(|e| e <= last) && spell.is_short(last) {
                out.short_spells += 1;
            }
        }
    }
    out
}

/// FTE of a set of contract hours under the `fte_hours` norm (36 by default).
pub fn fte(contract_hours: impl IntoIterator<Item = f64>, fte_hours: f64) -> f64 {
    if fte_hours <= 0.0 {
        return 0.0;
    }
    contract_hours.into_iter().filter(|h| *h > 0.0).sum::<f64>() / fte_hours
}

/// Open cases per FTE; `None` when the team has no FTE recorded.
pub fn caseload_per_fte(open_cases: u64, fte: f64) -> Option<f64> {
    (fte > 0.0).then(|| open_cases as f64 / fte)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{HolidayRules, LiberationDayRule};
    use jiff::civil::date;
    use proptest::prelude::*;

    fn cal() -> WorkingDayCalendar {
        WorkingDayCalendar::new(HolidayRules { good_friday: false, liberation_day: LiberationDayRule::Never }, [])
    }

    fn spell(s: Date, e: Option<Date>, pct: u8) -> Spell {
        Spell { starts_on: s, expected_back_on: None, ends_on: e, percentage: pct }
    }

    const TODAY: Date = date(2024, 12, 31);

    #[test]
    fn validation_rejects_future_dates_and_bad_percentages() {
        let today = date(2024, 3, 10);
        assert_eq!(spell(date(2024, 3, 11), None, 100).validate(today), Err(SpellError::StartInFuture));
        assert_eq!(spell(date(2024, 3, 1), Some(date(2024, 3, 11)), 100).validate(today), Err(SpellError::EndInFuture));
        assert_eq!(
            spell(date(2024, 3, 5), Some(date(2024, 3, 4)), 100).validate(today),
            Err(SpellError::EndBeforeStart)
        );
        assert_eq!(spell(date(2024, 3, 5), None, 0).validate(today), Err(SpellError::PercentageOutOfRange));
        assert_eq!(spell(date(2024, 3, 5), None, 101).validate(today), Err(SpellError::PercentageOutOfRange));
        let mut s = spell(date(2024, 3, 5), None, 50);
        s.expected_back_on = Some(date(2024, 4, 1)); // the expected return may lie ahead
        assert_eq!(s.validate(today), Ok(()));
        s.expected_back_on = Some(date(2024, 3, 4));
        assert_eq!(s.validate(today), Err(SpellError::ExpectedBackBeforeStart));
        assert_eq!(spell(date(2024, 3, 5), Some(date(2024, 3, 5)), 1).validate(today), Ok(()));
    }

    /// June 2024: 20 working days (no holidays). Two full-timers (36 h), one absent
    /// 3-7 June (5 working days): 5 × 7.2 = 36 absent hours over 2 × 20 × 7.2 = 288 → 12.5%.
    #[test]
    fn hand_worked_full_time_month() {
        let staff = vec![
            StaffMember { contract_hours: 36.0, spells: vec![spell(date(2024, 6, 3), Some(date(2024, 6, 7)), 100)] },
            StaffMember { contract_hours: 36.0, spells: vec![] },
        ];
        let f = month_figures(&cal(), 2024, 6, &staff, TODAY);
        assert_eq!(f.people, 2);
        assert!((f.available_hours - 288.0).abs() < 1e-9);
        assert!((f.absent_hours - 36.0).abs() < 1e-9);
        assert!((f.absence_pct().expect("people are available") - 12.5).abs() < 1e-9);
        assert_eq!(f.spells_started, 1);
        assert_eq!(f.short_spells, 1);
        assert!((f.frequency_per_year().expect("people counted") - 6.0).abs() < 1e-9);
        assert!(f.above_target(DEFAULT_TARGET_PCT));
    }

    /// A part-time worker (18 h) absent at 50% from 24 June to 12 July 2024: June counts
    /// 24-28 June (5 working days), July 1-12 July (10). Day hours 3.6, half absent:
    /// June 5 × 3.6 × 0.5 = 9 h of 20 × 3.6 = 72 h → 12.5%; July 10 × 1.8 = 18 of 23 × 3.6 = 82.8.
    #[test]
    fn spell_crossing_a_month_part_time_and_partial() {
        let staff = vec![StaffMember {
            contract_hours: 18.0,
            spells: vec![spell(date(2024, 6, 24), Some(date(2024, 7, 12)), 50)],
        }];
        let june = month_figures(&cal(), 2024, 6, &staff, TODAY);
        assert!((june.absent_hours - 9.0).abs() < 1e-9);
        assert!((june.absence_pct().expect("people are available") - 12.5).abs() < 1e-9);
        assert_eq!(june.spells_started, 1);
        let july = month_figures(&cal(), 2024, 7, &staff, TODAY);
        assert!((july.absent_hours - 18.0).abs() < 1e-9);
        assert!((july.available_hours - 82.8).abs() < 1e-9);
        assert_eq!(july.spells_started, 0, "a spell counts as started only in its first month");
    }

    /// December 2024 has Christmas (25, 26 Dec) on weekdays: 22 weekdays − 2 = 20 working
    /// days; a closure day on 27 Dec leaves 19. A spell 23-31 Dec covers 23, 24, 30, 31 → 4.
    #[test]
    fn holidays_and_closure_days_are_not_available() {
        let c = WorkingDayCalendar::new(
            HolidayRules { good_friday: false, liberation_day: LiberationDayRule::Never },
            [date(2024, 12, 27)],
        );
        let staff = vec![StaffMember {
            contract_hours: 36.0,
            spells: vec![spell(date(2024, 12, 23), Some(date(2024, 12, 31)), 100)],
        }];
        let f = month_figures(&c, 2024, 12, &staff, TODAY);
        assert!((f.available_hours - 19.0 * 7.2).abs() < 1e-9);
        assert!((f.absent_hours - 4.0 * 7.2).abs() < 1e-9);
    }

    #[test]
    fn ongoing_long_spell_counts_until_today() {
        let today = date(2024, 3, 15);
        let staff = vec![StaffMember { contract_hours: 36.0, spells: vec![spell(date(2024, 1, 15), None, 100)] }];
        let f = month_figures(&cal(), 2024, 3, &staff, today);
        // 1-15 March 2024: 11 working days, all absent.
        assert!((f.absence_pct().expect("people are available") - 100.0).abs() < 1e-9);
        assert_eq!(f.long_spells, 1);
        assert_eq!(month_figures(&cal(), 2024, 4, &staff, today), MonthFigures::default());
    }

    /// A quarter: the hours of its months add up, the frequency is annualised over three
    /// months, a running month counts for its share of days so far.
    #[test]
    fn a_quarter_adds_its_months_and_annualises_over_three() {
        let staff = vec![
            StaffMember { contract_hours: 36.0, spells: vec![spell(date(2024, 6, 3), Some(date(2024, 6, 7)), 100)] },
            StaffMember { contract_hours: 36.0, spells: vec![] },
        ];
        let months: Vec<MonthFigures> = (4..=6).map(|m| month_figures(&cal(), 2024, m, &staff, TODAY)).collect();
        let q = period_figures(&cal(), date(2024, 4, 1), date(2024, 6, 30), &staff, TODAY);
        assert!((q.months - 3.0).abs() < 1e-9);
        let available: f64 = months.iter().map(|m| m.available_hours).sum();
        assert!((q.available_hours - available).abs() < 1e-9);
        assert!((q.absent_hours - 36.0).abs() < 1e-9);
        // One spell, two people, a quarter: 1 / 2 × 12 / 3 = 2 per person per year.
        assert!((q.frequency_per_year().expect("people counted") - 2.0).abs() < 1e-9);
        let half_june = period_figures(&cal(), date(2024, 6, 1), date(2024, 6, 30), &staff, date(2024, 6, 15));
        assert!((half_june.months - 0.5).abs() < 1e-9);
    }

    #[test]
    fn people_without_contract_hours_are_left_out() {
        let staff = vec![StaffMember { contract_hours: 0.0, spells: vec![spell(date(2024, 6, 3), None, 100)] }];
        let f = month_figures(&cal(), 2024, 6, &staff, TODAY);
        assert_eq!(f.people, 0);
        assert_eq!(f.absence_pct(), None);
    }

    #[test]
    fn caseload_per_fte_uses_the_norm() {
        let f = fte([36.0, 18.0, 0.0], DEFAULT_FTE_HOURS);
        assert!((f - 1.5).abs() < 1e-9);
        assert!((caseload_per_fte(30, f).expect("FTE recorded") - 20.0).abs() < 1e-9);
        assert_eq!(caseload_per_fte(3, 0.0), None);
    }

    proptest! {
        /// The percentage stays within 0-100 and the absent hours of a month never exceed the
        /// available ones, whatever the spells, contract hours and percentages.
        #[test]
        fn percentage_is_bounded(
            hours in prop::collection::vec(1u32..=40, 1..5),
            spells in prop::collection::vec((0i32..400, 0i32..120, 1u8..=100, any::<bool>()), 0..8),
            month in 1i8..=12,
        ) {
            let base = date(2024, 1, 1);
            let staff: Vec<StaffMember> = hours.iter().enumerate().map(|(i, h)| StaffMember {
                contract_hours: f64::from(*h),
                spells: spells.iter().enumerate().filter(|(j, _)| j % hours.len() == i).map(|(_, (s, len, pct, open))| {
                    let start = base.checked_add(s.days()).expect("date in range");
                    spell(start, (!open).then(|| start.checked_add(len.days()).expect("date in range")), *pct)
                }).collect(),
            }).collect();
            let f = month_figures(&cal(), 2024, month, &staff, date(2025, 6, 30));
            prop_assert!(f.absent_hours <= f.available_hours + 1e-9);
            let p = f.absence_pct().expect("people are available");
            prop_assert!((0.0..=100.0 + 1e-9).contains(&p));
        }
    }
}
