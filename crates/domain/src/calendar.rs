//! The Dutch working-day calendar (werkdagen) used for every deadline.
//!
//! A working day is Monday to Friday, not a public holiday in force under the
//! organisation's rules, and not one of its own closure days (bridge days and the like).
//! Deadlines count the start day as day 0: "5 working days after the referral" is the
//! fifth working day that follows it, as the Algemene termijnenwet phrases such terms.

use std::collections::BTreeSet;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday, date};
use serde::{Deserialize, Serialize};

/// The public holidays this calendar knows. Good Friday and Liberation Day are only
/// days off where the organisation's rules (its collective agreement) say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Holiday {
    NewYearsDay,
    GoodFriday,
    EasterMonday,
    KingsDay,
    LiberationDay,
    AscensionDay,
    WhitMonday,
    ChristmasDay,
    BoxingDay,
}

impl Holiday {
    /// The Dutch name, as shown to users.
    pub fn dutch_name(self) -> &'static str {
        match self {
            Self::NewYearsDay => "Nieuwjaarsdag",
            Self::GoodFriday => "Goede Vrijdag",
            Self::EasterMonday => "Tweede Paasdag",
            Self::KingsDay => "Koningsdag",
            Self::LiberationDay => "Bevrijdingsdag",
            Self::AscensionDay => "Hemelvaartsdag",
            Self::WhitMonday => "Tweede Pinksterdag",
            Self::ChristmasDay => "Eerste Kerstdag",
            Self::BoxingDay => "Tweede Kerstdag",
        }
    }
}

/// When 5 May is a day off. Most collective agreements follow the 1959 recommendation of
/// the Stichting van de Arbeid: only in lustrum years (2025, 2030, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LiberationDayRule {
    EveryYear,
    #[default]
    LustrumYears,
    Never,
}

/// The organisation's choices about which holidays are days off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HolidayRules {
    /// Whether Good Friday is a day off (it is not under most collective agreements).
    pub good_friday: bool,
    pub liberation_day: LiberationDayRule,
}

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, valid from 1583).
pub fn easter_sunday(year: i16) -> Date {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // month is 3 or 4 and day 1..=31 by construction of the algorithm.
    date(year, month as i8, day as i8)
}

/// King's Day: 27 April, or Saturday 26 April when the 27th is a Sunday (the rule since 1980).
pub fn kings_day(year: i16) -> Date {
    let d = date(year, 4, 27);
    if d.weekday() == Weekday::Sunday { date(year, 4, 26) } else { d }
}

/// All holidays of a year that are days off under `rules`, in date order.
pub fn public_holidays(year: i16, rules: HolidayRules) -> Vec<(Date, Holiday)> {
    let easter = easter_sunday(year);
    let offset = |days: i64| easter.checked_add(days.days()).unwrap_or(easter);
    let mut out = vec![
        (date(year, 1, 1), Holiday::NewYearsDay),
        (offset(1), Holiday::EasterMonday),
        (kings_day(year), Holiday::KingsDay),
        (offset(39), Holiday::AscensionDay),
        (offset(50), Holiday::WhitMonday),
        (date(year, 12, 25), Holiday::ChristmasDay),
        (date(year, 12, 26), Holiday::BoxingDay),
    ];
    if rules.good_friday {
        out.push((offset(-2), Holiday::GoodFriday));
    }
    let liberation = match rules.liberation_day {
        LiberationDayRule::EveryYear => true,
        LiberationDayRule::LustrumYears => year % 5 == 0,
        LiberationDayRule::Never => false,
    };
    if liberation {
        out.push((date(year, 5, 5), Holiday::LiberationDay));
    }
    out.sort_by_key(|(d, _)| *d);
    out
}

/// The calendar an organisation works by: holiday rules plus its own closure days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkingDayCalendar {
    rules: HolidayRules,
    closure_days: BTreeSet<Date>,
}

impl WorkingDayCalendar {
    pub fn new(rules: HolidayRules, closure_days: impl IntoIterator<Item = Date>) -> Self {
        Self { rules, closure_days: closure_days.into_iter().collect() }
    }

    /// The holiday on `day`, if it is one that is a day off under these rules.
    pub fn holiday_on(&self, day: Date) -> Option<Holiday> {
        public_holidays(day.year(), self.rules).into_iter().find_map(|(d, h)| (d == day).then_some(h))
    }

    pub fn is_closure_day(&self, day: Date) -> bool {
        self.closure_days.contains(&day)
    }

    pub fn is_working_day(&self, day: Date) -> bool {
        !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday)
            && !self.is_closure_day(day)
            && self.holiday_on(day).is_none()
    }

    /// The `n`-th working day after `start` (start itself is day 0). For `n == 0`, `start`.
    pub fn add_working_days(&self, start: Date, n: u32) -> Date {
        let mut day = start;
        let mut left = n;
        while left > 0 {
            day = next_day(day);
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }

    /// Signed count of working days from `from` to `to`: the working days in `(from, to]`,
    /// or minus those in `(to, from]` when `to` lies before `from`. Used for the countdown
    /// "nog 2 werkdagen" (positive) and "3 werkdagen te laat" (negative).
    pub fn working_days_between(&self, from: Date, to: Date) -> i32 {
        let (lo, hi, sign) = if to >= from { (from, to, 1) } else { (to, from, -1) };
        let mut count = 0;
        let mut day = lo;
        while day < hi {
            day = next_day(day);
            if self.is_working_day(day) {
                count += 1;
            }
        }
        sign * count
    }
}

fn next_day(day: Date) -> Date {
    day.tomorrow().unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cal() -> WorkingDayCalendar {
        WorkingDayCalendar::default()
    }

    #[test]
    fn easter_matches_known_dates() {
        // Source: the table in shared/research/domain.md (2024-2030), plus 1961 and 2038 extremes.
        let known = [
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2028, 4, 16),
            (2029, 4, 1),
            (2030, 4, 21),
            (2008, 3, 23),
            (2038, 4, 25),
        ];
        for (y, m, d) in known {
            assert_eq!(easter_sunday(y), date(y, m, d), "Easter {y}");
        }
    }

    #[test]
    fn holidays_2025_with_sunday_rule_for_kings_day_and_lustrum_liberation_day() {
        let days: Vec<_> = public_holidays(2025, HolidayRules::default());
        let expected = vec![
            (date(2025, 1, 1), Holiday::NewYearsDay),
            (date(2025, 4, 21), Holiday::EasterMonday),
            (date(2025, 4, 26), Holiday::KingsDay),
            (date(2025, 5, 5), Holiday::LiberationDay),
            (date(2025, 5, 29), Holiday::AscensionDay),
            (date(2025, 6, 9), Holiday::WhitMonday),
            (date(2025, 12, 25), Holiday::ChristmasDay),
            (date(2025, 12, 26), Holiday::BoxingDay),
        ];
        assert_eq!(days, expected);
    }

    #[test]
    fn holidays_2026_without_liberation_day_by_default() {
        let c = cal();
        assert_eq!(c.holiday_on(date(2026, 4, 6)), Some(Holiday::EasterMonday));
        assert_eq!(c.holiday_on(date(2026, 4, 27)), Some(Holiday::KingsDay));
        assert_eq!(c.holiday_on(date(2026, 5, 14)), Some(Holiday::AscensionDay));
        assert_eq!(c.holiday_on(date(2026, 5, 25)), Some(Holiday::WhitMonday));
        assert_eq!(c.holiday_on(date(2026, 5, 5)), None, "5 May 2026 is no lustrum year");
        assert_eq!(c.holiday_on(date(2026, 4, 3)), None, "Good Friday is off only when configured");
        assert!(c.is_working_day(date(2026, 5, 5)));
        assert!(c.is_working_day(date(2026, 5, 15)), "the Friday after Ascension is a working day unless configured");
    }

    #[test]
    fn configurable_good_friday_liberation_day_and_closure_days() {
        let rules = HolidayRules { good_friday: true, liberation_day: LiberationDayRule::EveryYear };
        let c = WorkingDayCalendar::new(rules, [date(2026, 5, 15)]);
        assert_eq!(c.holiday_on(date(2026, 4, 3)), Some(Holiday::GoodFriday));
        assert_eq!(c.holiday_on(date(2026, 5, 5)), Some(Holiday::LiberationDay));
        assert!(!c.is_working_day(date(2026, 5, 15)), "bridge day configured as closure day");
        let never =
            WorkingDayCalendar::new(HolidayRules { good_friday: false, liberation_day: LiberationDayRule::Never }, []);
        assert!(never.is_working_day(date(2025, 5, 5)));
    }

    #[test]
    fn intake_deadline_examples() {
        let c = cal();
        // Monday 2 Nov 2026 + 5 working days = Monday 9 Nov.
        assert_eq!(c.add_working_days(date(2026, 11, 2), 5), date(2026, 11, 9));
        // Friday referral: day 0 is Friday, day 5 is the next Friday.
        assert_eq!(c.add_working_days(date(2026, 11, 6), 5), date(2026, 11, 13));
        // Saturday referral: Monday is day 1.
        assert_eq!(c.add_working_days(date(2026, 11, 7), 5), date(2026, 11, 13));
        // Over Christmas 2026 (Fri 25, Sat 26) and New Year (Fri 1 Jan 2027).
        assert_eq!(c.add_working_days(date(2026, 12, 22), 5), date(2026, 12, 30));
        assert_eq!(c.add_working_days(date(2026, 12, 23), 5), date(2026, 12, 31));
        assert_eq!(c.add_working_days(date(2026, 12, 24), 5), date(2027, 1, 4));
        // Over Easter Monday and King's Day 2026 (Mon 6 Apr; Mon 27 Apr).
        assert_eq!(c.add_working_days(date(2026, 4, 2), 5), date(2026, 4, 10));
        assert_eq!(c.add_working_days(date(2026, 4, 24), 5), date(2026, 5, 4));
    }

    #[test]
    fn countdown_is_signed() {
        let c = cal();
        let due = date(2026, 11, 9);
        assert_eq!(c.working_days_between(date(2026, 11, 5), due), 2);
        assert_eq!(c.working_days_between(due, due), 0);
        assert_eq!(c.working_days_between(date(2026, 11, 12), due), -3);
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (1990i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| date(y, m, d))
    }

    fn any_calendar() -> impl Strategy<Value = WorkingDayCalendar> {
        (
            any::<bool>(),
            prop_oneof![
                Just(LiberationDayRule::EveryYear),
                Just(LiberationDayRule::LustrumYears),
                Just(LiberationDayRule::Never)
            ],
            proptest::collection::vec(any_date(), 0..20),
        )
            .prop_map(|(good_friday, liberation_day, closure)| {
                WorkingDayCalendar::new(HolidayRules { good_friday, liberation_day }, closure)
            })
    }

    proptest! {
        #[test]
        fn every_due_date_is_a_working_day(c in any_calendar(), start in any_date(), n in 1u32..40) {
            let due = c.add_working_days(start, n);
            prop_assert!(c.is_working_day(due));
            prop_assert!(due > start);
        }

        #[test]
        fn more_working_days_never_give_an_earlier_date(c in any_calendar(), start in any_date(), n in 0u32..40, extra in 0u32..10) {
            prop_assert!(c.add_working_days(start, n + extra) >= c.add_working_days(start, n));
        }

        #[test]
        fn counting_back_gives_the_days_added(c in any_calendar(), start in any_date(), n in 0u32..40) {
            let due = c.add_working_days(start, n);
            prop_assert_eq!(c.working_days_between(start, due), n as i32);
            prop_assert_eq!(c.working_days_between(due, start), -(n as i32));
        }

        #[test]
        fn at_most_nine_holidays_a_year_all_in_that_year(y in 1600i16..2500) {
            let all = public_holidays(y, HolidayRules { good_friday: true, liberation_day: LiberationDayRule::EveryYear });
            prop_assert_eq!(all.len(), 9);
            prop_assert!(all.iter().all(|(d, _)| d.year() == y));
            let e = easter_sunday(y);
            prop_assert_eq!(e.weekday(), Weekday::Sunday);
            prop_assert!(e >= date(y, 3, 22) && e <= date(y, 4, 25));
        }
    }
}
