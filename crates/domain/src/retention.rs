//! Retention and destruction (decision 0024): how long a file is kept, what a legal hold does
//! to that, which closed files are due for destruction, and who may ask for a file to be
//! destroyed and by when the answer is due.
//!
//! A file (a case with its plan, contacts, notes and, once they exist, its survey answers and
//! complaints) is kept for `years` (20 by default, Jeugdwet art. 7.3.8) after its last change,
//! and at least as long as an active legal hold asks. Only closed files are ever destroyed.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::codes::HouseholdRole;
pub use crate::codes::{DestructionOutcome, DestructionReason, DestructionScope, RefusalGround, RequesterRelation};
use crate::person::age_on;

/// Years a file is kept after its last change unless configured otherwise.
pub const DEFAULT_RETENTION_YEARS: u16 = 20;

/// The youngest age at which a young person may ask for their file to be destroyed themselves.
pub const MIN_REQUESTER_AGE: i16 = 12;

/// The last day a file last changed on `last_change` is kept: `years` later, the same day of
/// the month, or the last day of February where that day does not exist (29 February plus 20
/// years is 29 February when that year is a leap year, else 28 February).
pub fn retention_end(last_change: Date, years: u16) -> Date {
    last_change.checked_add(i64::from(years).years()).unwrap_or(Date::MAX)
}

/// A legal hold as the rules need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hold {
    /// The last day it holds; `None`: until lifted.
    pub until: Option<Date>,
    pub lifted: bool,
}

impl Hold {
    /// Whether the hold still keeps the file on `today`.
    pub fn active_on(&self, today: Date) -> bool {
        !self.lifted && self.until.is_none_or(|u| u >= today)
    }
}

/// How long a file is kept, all holds considered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Retention {
    /// Kept up to and including this day; destroyable from the next day on (if closed).
    Until(Date),
    /// An active hold without an end date keeps it until the hold is lifted.
    Held,
}

/// The retention of a file last changed on `last_change`, with its holds, on `today`: the
/// retention end, or the end of an active hold where that is later.
pub fn retention(last_change: Date, years: u16, holds: &[Hold], today: Date) -> Retention {
    let mut end = retention_end(last_change, years);
    for hold in holds.iter().filter(|h| h.active_on(today)) {
        match hold.until {
            None => return Retention::Held,
            Some(until) => end = end.max(until),
        }
    }
    Retention::Until(end)
}

/// Whether a file is due for destruction on `today`: closed, and past its retention.
pub fn due_for_destruction(closed: bool, retention: Retention, today: Date) -> bool {
    closed && matches!(retention, Retention::Until(end) if today > end)
}

/// Why a household member may not ask for destruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotEntitled {
    /// A child (or client) under 12 on the day the request came in: their parents ask.
    TooYoung,
    /// Neither a parent with parental authority nor the young person the file is about.
    NotEntitled,
}

impl NotEntitled {
    pub fn code(self) -> &'static str {
        match self {
            Self::TooYoung => "too_young",
            Self::NotEntitled => "not_entitled",
        }
    }
}

/// Who may ask (in writing) for a file to be destroyed: a parent with parental authority, or a
/// child (or other client of the case) aged 12 or over on the day the request came in.
pub fn requester(
    role: HouseholdRole,
    parental_authority: bool,
    client: bool,
    birth_date: Date,
    received_on: Date,
) -> Result<RequesterRelation, NotEntitled> {
    if role == HouseholdRole::Parent && parental_authority {
        return Ok(RequesterRelation::Parent);
    }
    if role != HouseholdRole::Child && !client {
        return Err(NotEntitled::NotEntitled);
    }
    if age_on(birth_date, received_on) < MIN_REQUESTER_AGE {
        return Err(NotEntitled::TooYoung);
    }
    Ok(RequesterRelation::YoungPerson)
}

/// The day a request received on `received_on` must be decided by: three calendar months
/// later (AVG art. 12(3) with art. 7.3.9 Jeugdwet), the last day of the month where the day
/// does not exist (30 November gives 28 or 29 February).
pub fn decide_by(received_on: Date) -> Date {
    received_on.checked_add(3.months()).unwrap_or(Date::MAX)
}

/// What a decision destroys: `None` for a refusal.
pub fn destroys(outcome: DestructionOutcome, asked: DestructionScope) -> Option<DestructionScope> {
    match outcome {
        DestructionOutcome::Refused => None,
        DestructionOutcome::PartiallyGranted => Some(DestructionScope::Partial),
        DestructionOutcome::Granted => Some(asked),
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn twenty_years_after_the_last_change_leap_days_included() {
        assert_eq!(retention_end(date(2026, 3, 14), 20), date(2046, 3, 14));
        // 2044 is a leap year: 29 February stays.
        assert_eq!(retention_end(date(2024, 2, 29), 20), date(2044, 2, 29));
        // 2100 is not: the last day of February.
        assert_eq!(retention_end(date(2080, 2, 29), 20), date(2100, 2, 28));
        assert_eq!(retention_end(date(2024, 2, 29), 15), date(2039, 2, 28));
    }

    #[test]
    fn a_hold_extends_and_an_open_ended_hold_keeps_until_lifted() {
        let today = date(2046, 6, 1);
        let last = date(2026, 1, 10);
        assert_eq!(retention(last, 20, &[], today), Retention::Until(date(2046, 1, 10)));
        let until = Hold { until: Some(date(2047, 1, 1)), lifted: false };
        assert_eq!(retention(last, 20, &[until], today), Retention::Until(date(2047, 1, 1)));
        let open = Hold { until: None, lifted: false };
        assert_eq!(retention(last, 20, &[until, open], today), Retention::Held);
        let lifted = Hold { until: None, lifted: true };
        assert_eq!(retention(last, 20, &[lifted], today), Retention::Until(date(2046, 1, 10)));
        // A hold that ended before retention does not shorten it.
        let short = Hold { until: Some(date(2030, 1, 1)), lifted: false };
        assert_eq!(retention(last, 20, &[short], date(2029, 1, 1)), Retention::Until(date(2046, 1, 10)));
        assert!(!due_for_destruction(true, Retention::Held, today));
        assert!(!due_for_destruction(false, Retention::Until(date(2046, 1, 10)), today));
        assert!(due_for_destruction(true, Retention::Until(date(2046, 1, 10)), today));
        assert!(!due_for_destruction(true, Retention::Until(date(2046, 1, 10)), date(2046, 1, 10)));
    }

    #[test]
    fn parents_with_authority_and_young_people_from_twelve_may_ask() {
        use HouseholdRole::*;
        let on = date(2026, 5, 1);
        assert_eq!(requester(Parent, true, false, date(1980, 1, 1), on), Ok(RequesterRelation::Parent));
        assert_eq!(requester(Parent, false, false, date(1980, 1, 1), on), Err(NotEntitled::NotEntitled));
        // Twelve on the day itself.
        assert_eq!(requester(Child, false, false, date(2014, 5, 1), on), Ok(RequesterRelation::YoungPerson));
        assert_eq!(requester(Child, false, false, date(2014, 5, 2), on), Err(NotEntitled::TooYoung));
        assert_eq!(requester(Other, false, true, date(2000, 1, 1), on), Ok(RequesterRelation::YoungPerson));
        assert_eq!(requester(Other, false, false, date(1950, 1, 1), on), Err(NotEntitled::NotEntitled));
        assert_eq!(NotEntitled::TooYoung.code(), "too_young");
    }

    #[test]
    fn the_answer_is_due_three_calendar_months_later() {
        assert_eq!(decide_by(date(2026, 3, 2)), date(2026, 6, 2));
        assert_eq!(decide_by(date(2026, 11, 30)), date(2027, 2, 28));
        assert_eq!(decide_by(date(2027, 11, 30)), date(2028, 2, 29));
        assert_eq!(decide_by(date(2026, 10, 31)), date(2027, 1, 31));
        assert_eq!(decide_by(date(2026, 12, 31)), date(2027, 3, 31));
    }

    #[test]
    fn what_a_decision_destroys() {
        use DestructionOutcome::*;
        use DestructionScope::*;
        assert_eq!(destroys(Granted, Full), Some(Full));
        assert_eq!(destroys(Granted, Partial), Some(Partial));
        assert_eq!(destroys(PartiallyGranted, Full), Some(Partial));
        assert_eq!(destroys(Refused, Full), None);
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (2000i16..2150, 1i8..=12, 1i8..=31).prop_map(|(y, m, d)| {
            let last = date(y, m, 1).days_in_month();
            date(y, m, d.min(last))
        })
    }

    fn any_hold() -> impl Strategy<Value = Hold> {
        (proptest::option::of(any_date()), any::<bool>()).prop_map(|(until, lifted)| Hold { until, lifted })
    }

    proptest! {
        #[test]
        fn retention_end_keeps_the_day_or_clamps_to_the_month_end(d in any_date(), years in 1u16..60) {
            let end = retention_end(d, years);
            prop_assert_eq!(end.year(), d.year() + i16::try_from(years).unwrap_or(0));
            prop_assert_eq!(end.month(), d.month());
            if end.day() != d.day() {
                // Only 29 February into a year without one.
                prop_assert_eq!((d.month(), d.day(), end.day()), (2, 29, 28));
                prop_assert!(!end.in_leap_year());
            }
            prop_assert!(end > d);
        }

        #[test]
        fn a_later_change_never_shortens_retention(a in any_date(), b in any_date(), years in 1u16..60) {
            let (early, late) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(retention_end(early, years) <= retention_end(late, years));
        }

        #[test]
        fn holds_never_shorten_retention_and_lifted_ones_do_nothing(
            last in any_date(),
            years in 1u16..40,
            holds in proptest::collection::vec(any_hold(), 0..5),
            today in any_date(),
        ) {
            let plain = retention(last, years, &[], today);
            let held = retention(last, years, &holds, today);
            prop_assert!(held >= plain);
            let lifted: Vec<Hold> = holds.iter().map(|h| Hold { lifted: true, ..*h }).collect();
            prop_assert_eq!(retention(last, years, &lifted, today), plain);
            // Nothing is destroyed while an active hold covers today.
            if holds.iter().any(|h| h.active_on(today)) {
                prop_assert!(!due_for_destruction(true, held, today));
            }
        }

        #[test]
        fn decide_by_is_three_months_on_clamped_to_the_month_end(d in any_date()) {
            let by = decide_by(d);
            let months = (i32::from(by.year()) * 12 + i32::from(by.month())) - (i32::from(d.year()) * 12 + i32::from(d.month()));
            prop_assert_eq!(months, 3);
            prop_assert!(by.day() == d.day() || (by.day() < d.day() && by.day() == by.days_in_month()));
            prop_assert!(by > d);
        }
    }
}
