//! Group-based support (groepsaanbod, issue 19): the themes and statuses of a group offer, the
//! capacity and waiting-list rule, the age rule, the reasons for leaving, and the validation of
//! a new group. Who may do what with a group is in [`crate::policy::groups`]; why, and the
//! waiting-list rule, in decision 0028.

use jiff::civil::Date;

use crate::codes::code_list;
use crate::person::age_on;
use crate::validation::Errors;

code_list!(
    /// What a group is about.
    GroupTheme {
        YouthMentalHealth = "youth_mental_health", "Mentale gezondheid van jongeren";
        Money = "money", "Geldzorgen";
        Parenting = "parenting", "Opvoeden";
        Divorce = "divorce", "Scheiding";
        First1000Days = "first_1000_days", "Eerste 1000 dagen";
        Other = "other", "Anders";
    }
);

code_list!(
    /// Where a group stands: planned (enrolling), running, ended.
    GroupStatus {
        Planned = "planned", "Gepland";
        Running = "running", "Loopt";
        Ended = "ended", "Afgelopen";
    }
);

code_list!(
    /// Why a participant left the group, beside a free text.
    LeaveReason {
        Completed = "completed", "Groep afgerond";
        Helped = "helped", "Geholpen, niet meer nodig";
        NotSuitable = "not_suitable", "Groep past niet";
        Circumstances = "circumstances", "Door omstandigheden (tijd, vervoer, gezondheid)";
        Moved = "moved", "Verhuisd";
        Other = "other", "Anders";
    }
);

/// The largest capacity a group may have.
pub const MAX_CAPACITY: i64 = 500;
/// The oldest age a group may name.
pub const MAX_AGE: i64 = 120;

impl GroupStatus {
    /// Whether a group may move from this status to `to`: forward only (planned, running,
    /// ended; a planned group may also end without running, when it is cancelled).
    pub fn may_become(self, to: Self) -> bool {
        matches!(
            (self, to),
            (Self::Planned, Self::Running) | (Self::Planned, Self::Ended) | (Self::Running, Self::Ended)
        )
    }

    /// Whether people can still be enrolled (on the group or its waiting list).
    pub fn enrols(self) -> bool {
        self != Self::Ended
    }
}

/// Whether a new enrolment goes onto the waiting list: when the active participants (enrolled,
/// not on the waiting list, not left) already fill the capacity.
pub fn goes_on_waiting_list(active: i64, capacity: i64) -> bool {
    active >= capacity
}

/// Who moves up from the waiting list when a place comes free: the first on it (the earliest
/// enrolment; `waiting` holds `(enrolled order, id)` pairs, the order being the participant's
/// id or enrolment sequence), and only if the group has room after the one who left.
pub fn moves_up<T: Copy + Ord>(active_after_leave: i64, capacity: i64, waiting: &[T]) -> Option<T> {
    if active_after_leave < capacity { waiting.iter().copied().min() } else { None }
}

/// Whether someone born on `birth_date` fits the group's ages on `on` (both bounds inclusive,
/// either may be absent).
pub fn age_fits(min_age: Option<i64>, max_age: Option<i64>, birth_date: Date, on: Date) -> bool {
    let age = i64::from(age_on(birth_date, on));
    min_age.is_none_or(|min| age >= min) && max_age.is_none_or(|max| age <= max)
}

/// The numbers of a new or changed group, checked together so that every error is reported.
pub fn check_numbers(errors: &mut Errors, capacity: Option<i64>, min_age: Option<i64>, max_age: Option<i64>) {
    match capacity {
        None => {
            errors.add("capacity", "capacity is required: the number of places, 1 or more").code("required");
        }
        Some(c) if !(1..=MAX_CAPACITY).contains(&c) => {
            errors
                .add("capacity", format!("capacity must be between 1 and {MAX_CAPACITY}"))
                .code("out_of_range")
                .arg("min", 1)
                .arg("max", MAX_CAPACITY);
        }
        Some(_) => {}
    }
    for (field, age) in [("min_age", min_age), ("max_age", max_age)] {
        if let Some(a) = age
            && !(0..=MAX_AGE).contains(&a)
        {
            errors
                .add(field, format!("an age between 0 and {MAX_AGE}"))
                .code("out_of_range")
                .arg("min", 0)
                .arg("max", MAX_AGE);
        }
    }
    if let (Some(min), Some(max)) = (min_age, max_age)
        && min > max
    {
        errors.add("max_age", "the highest age may not be below the lowest").code("max_below_min");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(s: &str) -> Date {
        s.parse().expect("a date")
    }

    #[test]
    fn themes_are_the_issues_six() {
        let codes: Vec<_> = GroupTheme::ALL.iter().map(|t| t.code()).collect();
        assert_eq!(codes, ["youth_mental_health", "money", "parenting", "divorce", "first_1000_days", "other"]);
        assert_eq!(GroupTheme::parse("first_1000_days"), Some(GroupTheme::First1000Days));
        assert_eq!(GroupTheme::parse("Money"), None);
    }

    #[test]
    fn status_moves_forward_only() {
        use GroupStatus::*;
        assert!(Planned.may_become(Running));
        assert!(Planned.may_become(Ended));
        assert!(Running.may_become(Ended));
        for s in GroupStatus::ALL {
            assert!(!s.may_become(*s), "{s}");
            assert!(!Ended.may_become(*s), "{s}");
            assert!(!s.may_become(Planned), "{s}");
        }
        assert!(!Ended.enrols());
        assert!(Planned.enrols() && Running.enrols());
    }

    #[test]
    fn the_last_place_is_taken_then_the_waiting_list_starts() {
        assert!(!goes_on_waiting_list(0, 1));
        assert!(!goes_on_waiting_list(11, 12));
        assert!(goes_on_waiting_list(12, 12));
        assert!(goes_on_waiting_list(13, 12), "over capacity (capacity lowered later) still waits");
    }

    #[test]
    fn the_first_on_the_waiting_list_moves_up() {
        assert_eq!(moves_up(11, 12, &[7, 3, 9]), Some(3));
        assert_eq!(moves_up(11, 12, &[] as &[i64]), None);
        assert_eq!(moves_up(12, 12, &[3]), None, "no room: nobody moves");
    }

    #[test]
    fn age_bounds_are_inclusive_on_the_day() {
        let born = date("2010-06-15");
        assert!(age_fits(Some(12), Some(16), born, date("2022-06-15")), "12 on the birthday");
        assert!(!age_fits(Some(12), Some(16), born, date("2022-06-14")), "still 11 the day before");
        assert!(age_fits(Some(12), Some(16), born, date("2027-06-14")), "16 until the day before 17");
        assert!(!age_fits(Some(12), Some(16), born, date("2027-06-15")));
        assert!(age_fits(None, None, born, date("2027-06-15")));
    }

    #[test]
    fn numbers_report_every_error_at_once() {
        let mut e = Errors::default();
        check_numbers(&mut e, Some(0), Some(-1), Some(200));
        let fields: Vec<_> = e.0.iter().map(|f| (f.field.as_str(), f.code)).collect();
        assert_eq!(fields, [("capacity", "out_of_range"), ("min_age", "out_of_range"), ("max_age", "out_of_range")]);
        let mut e = Errors::default();
        check_numbers(&mut e, None, Some(16), Some(12));
        let fields: Vec<_> = e.0.iter().map(|f| (f.field.as_str(), f.code)).collect();
        assert_eq!(fields, [("capacity", "required"), ("max_age", "max_below_min")]);
        let mut e = Errors::default();
        check_numbers(&mut e, Some(12), Some(12), Some(12));
        assert!(e.is_empty());
    }

    proptest! {
        /// Enrolling one by one fills exactly `capacity` places; everyone after waits, and each
        /// leave of a placed participant brings the first waiting one in, until none wait.
        #[test]
        fn places_never_exceed_capacity(capacity in 1i64..30, enrolments in 0usize..80, leaves in 0usize..40) {
            let mut placed: Vec<usize> = Vec::new();
            let mut waiting: Vec<usize> = Vec::new();
            for n in 0..enrolments {
                if goes_on_waiting_list(placed.len() as i64, capacity) { waiting.push(n) } else { placed.push(n) }
            }
            prop_assert_eq!(placed.len() as i64, (enrolments as i64).min(capacity));
            for _ in 0..leaves {
                if placed.is_empty() { break; }
                placed.remove(0);
                if let Some(first) = moves_up(placed.len() as i64, capacity, &waiting) {
                    prop_assert_eq!(Some(&first), waiting.iter().min());
                    waiting.retain(|w| *w != first);
                    placed.push(first);
                }
                prop_assert!(placed.len() as i64 <= capacity);
                prop_assert!(waiting.is_empty() || placed.len() as i64 == capacity);
            }
        }

        /// With both bounds at `a`, a person fits from their a-th birthday up to the day before
        /// the next one, whatever day it is.
        #[test]
        fn one_year_of_age_is_birthday_to_birthday(a in 0i64..18, days in 0i64..(20 * 366)) {
            let born = date("2005-03-31");
            let on = born.checked_add(jiff::Span::new().days(days)).expect("a date");
            let from = born.checked_add(jiff::Span::new().years(a)).expect("a date");
            let until = born.checked_add(jiff::Span::new().years(a + 1)).expect("a date");
            prop_assert_eq!(age_fits(Some(a), Some(a), born, on), on >= from && on < until);
        }
    }
}
