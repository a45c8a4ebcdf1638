//! Correcting a case's recorded steps: a wrongly entered intake, start or closure date is put
//! right with a reason; the lifecycle's order must hold afterwards as it did when the steps
//! were recorded (referral ≤ intake ≤ start ≤ closure), and no date lies after today.

use jiff::civil::Date;

use crate::case::{CaseStatus, Milestone};
use crate::validation::FieldError;

/// The lifecycle dates of a case, as recorded or as they would be after a correction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lifecycle {
    pub referred_on: Date,
    pub intake_held_on: Option<Date>,
    pub started_on: Option<Date>,
    pub closed_on: Option<Date>,
}

/// The fields a correction may change, as named in its input.
pub const FIELDS: &[&str] = &["intake_held_on", "started_on", "closed_on"];

impl Lifecycle {
    /// Why these dates cannot stand together, one error per field that breaks the order, with
    /// the earliest date allowed as `date` (the same codes as a step dated too early).
    pub fn check(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut latest = (Milestone::Referral, self.referred_on);
        for (field, date, milestone) in [
            ("intake_held_on", self.intake_held_on, Milestone::Intake),
            ("started_on", self.started_on, Milestone::SupportStarted),
            ("closed_on", self.closed_on, Milestone::SupportStarted),
        ] {
            let Some(date) = date else { continue };
            if date < latest.1 {
                let mut e = FieldError::new(field, format!("lies before {} ({})", latest.0.code(), latest.1));
                e.code(match latest.0 {
                    Milestone::Referral => "before_referral",
                    Milestone::Intake => "before_intake",
                    Milestone::SupportStarted => "before_support_started",
                })
                .arg("date", latest.1);
                errors.push(e);
            } else if field != "closed_on" {
                latest = (milestone, date);
            }
        }
        errors
    }

    /// The status a closed case returns to when it is reopened: the last step it reached.
    pub fn reopened_status(&self) -> CaseStatus {
        if self.started_on.is_some() {
            CaseStatus::InSupport
        } else if self.intake_held_on.is_some() {
            CaseStatus::IntakeHeld
        } else {
            CaseStatus::Referred
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn day(n: i64) -> Date {
        date(2026, 1, 1).checked_add(jiff::Span::new().days(n)).unwrap_or(date(2026, 1, 1))
    }

    #[test]
    fn an_intake_before_the_referral_names_the_intake_and_the_earliest_date() {
        let l = Lifecycle { referred_on: day(10), intake_held_on: Some(day(9)), started_on: None, closed_on: None };
        let e = l.check();
        assert_eq!(e.len(), 1);
        assert_eq!((e[0].field.as_str(), e[0].code), ("intake_held_on", "before_referral"));
        assert_eq!(e[0].args, vec![("date", day(10).to_string())]);
    }

    #[test]
    fn reopening_goes_back_to_the_last_step_reached() {
        let mut l = Lifecycle { referred_on: day(1), intake_held_on: None, started_on: None, closed_on: Some(day(3)) };
        assert_eq!(l.reopened_status(), CaseStatus::Referred);
        l.intake_held_on = Some(day(2));
        assert_eq!(l.reopened_status(), CaseStatus::IntakeHeld);
        l.started_on = Some(day(2));
        assert_eq!(l.reopened_status(), CaseStatus::InSupport);
    }

    proptest! {
        /// The dates are accepted exactly when they are in lifecycle order.
        #[test]
        fn accepted_exactly_when_in_order(
            r in 0i64..40, i in proptest::option::of(0i64..40), s in proptest::option::of(0i64..40),
            c in proptest::option::of(0i64..40),
        ) {
            // A start needs an intake before it, as the steps are recorded.
            let s = s.filter(|_| i.is_some());
            let l = Lifecycle { referred_on: day(r), intake_held_on: i.map(day), started_on: s.map(day), closed_on: c.map(day) };
            let mut seq = vec![r];
            seq.extend(i);
            seq.extend(s);
            seq.extend(c);
            let ordered = seq.windows(2).all(|w| w[0] <= w[1]);
            prop_assert_eq!(l.check().is_empty(), ordered, "{:?}", l);
        }
    }
}
