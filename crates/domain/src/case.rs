//! The case lifecycle: a state machine from referral to closure, the date rules between
//! its steps, and the deadlines (intake within 5 working days, start within 2 weeks).
//!
//! ```text
//! referred ──hold intake──> intake_held ──start support──> in_support ──close──> closed
//!     └──────────────close──────┴───────────────close (support never started)───┘
//! ```

use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::calendar::WorkingDayCalendar;
use crate::validation::FieldError;

/// The intake (kennismakingsgesprek) is due within this many working days of the referral.
pub const INTAKE_NORM_WORKING_DAYS: u32 = 5;
/// Support should start within this many calendar days of the intake...
pub const START_NORM_DAYS: i64 = 14;
/// ...and at the latest within this many.
pub const START_NORM_LONG_DAYS: i64 = 28;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Referred,
    IntakeHeld,
    InSupport,
    Closed,
}

impl CaseStatus {
    pub const ALL: &'static [Self] = &[Self::Referred, Self::IntakeHeld, Self::InSupport, Self::Closed];

    pub fn code(self) -> &'static str {
        match self {
            Self::Referred => "referred",
            Self::IntakeHeld => "intake_held",
            Self::InSupport => "in_support",
            Self::Closed => "closed",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|s| s.code() == code)
    }

    pub fn label_nl(self) -> &'static str {
        match self {
            Self::Referred => "Aangemeld",
            Self::IntakeHeld => "Kennismaking gehad",
            Self::InSupport => "In begeleiding",
            Self::Closed => "Afgesloten",
        }
    }
}

impl std::fmt::Display for CaseStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A step a user can take on a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    HoldIntake,
    StartSupport,
    Close,
    RecordContact,
}

impl Step {
    pub const ALL: &'static [Self] = &[Self::HoldIntake, Self::StartSupport, Self::Close, Self::RecordContact];

    /// The stable code, e.g. `hold_intake`.
    pub fn code(self) -> &'static str {
        match self {
            Self::HoldIntake => "hold_intake",
            Self::StartSupport => "start_support",
            Self::Close => "close",
            Self::RecordContact => "record_contact",
        }
    }

    /// The field of the step's input that holds its date.
    pub fn date_field(self) -> &'static str {
        match self {
            Self::HoldIntake => "held_on",
            Self::StartSupport => "started_on",
            Self::Close => "closed_on",
            Self::RecordContact => "contact_on",
        }
    }

    /// The step in words, for messages in English (pages translate by `code`).
    fn words(self) -> &'static str {
        match self {
            Self::HoldIntake => "the intake",
            Self::StartSupport => "the start of support",
            Self::Close => "the closure",
            Self::RecordContact => "the contact",
        }
    }
}

/// A date in a case's life that later steps may not lie before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Milestone {
    Referral,
    Intake,
    SupportStarted,
}

impl Milestone {
    /// The stable code, e.g. `referral`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Referral => "referral",
            Self::Intake => "intake",
            Self::SupportStarted => "support_started",
        }
    }

    fn words(self) -> &'static str {
        match self {
            Self::Referral => "the referral",
            Self::Intake => "the intake",
            Self::SupportStarted => "the start of support",
        }
    }
}

/// Why a step cannot be taken now; maps to 409 Conflict with the current state.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StepRefused {
    #[error("the case is {current}; {step:?} is not possible in that state")]
    IllegalInState { current: CaseStatus, step: Step },
    #[error("{} ({date}) cannot be before {} ({before})", step.words(), milestone.words())]
    DateBefore { step: Step, date: Date, milestone: Milestone, before: Date },
}

impl StepRefused {
    /// The refusal as an error of the step's date field, when the date is what is wrong: code
    /// `before_referral`, `before_intake` or `before_support_started`, with the earliest date
    /// allowed as `date`.
    pub fn field_error(&self) -> Option<FieldError> {
        match *self {
            Self::DateBefore { step, milestone, before, .. } => {
                let mut e = FieldError::new(step.date_field(), self.to_string());
                e.code(match milestone {
                    Milestone::Referral => "before_referral",
                    Milestone::Intake => "before_intake",
                    Milestone::SupportStarted => "before_support_started",
                })
                .arg("date", before);
                Some(e)
            }
            Self::IllegalInState { .. } => None,
        }
    }
}

/// The state after `step`, or why it is refused. Recording a contact leaves the state as is.
pub fn next_status(current: CaseStatus, step: Step) -> Result<CaseStatus, StepRefused> {
    use CaseStatus::*;
    let next = match (current, step) {
        (Referred, Step::HoldIntake) => IntakeHeld,
        (IntakeHeld, Step::StartSupport) => InSupport,
        (Referred | IntakeHeld | InSupport, Step::Close) => Closed,
        (Referred | IntakeHeld | InSupport, Step::RecordContact) => current,
        _ => return Err(StepRefused::IllegalInState { current, step }),
    };
    Ok(next)
}

/// The dates a case has so far, in lifecycle order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseDates {
    pub referred_on: Date,
    pub intake_held_on: Option<Date>,
    pub started_on: Option<Date>,
}

impl CaseDates {
    /// The latest lifecycle date so far: nothing later in the case may lie before it.
    pub fn latest(&self) -> (Milestone, Date) {
        if let Some(d) = self.started_on {
            (Milestone::SupportStarted, d)
        } else if let Some(d) = self.intake_held_on {
            (Milestone::Intake, d)
        } else {
            (Milestone::Referral, self.referred_on)
        }
    }

    /// Checks that `date` of `step` is not before the case's latest date. Contacts only need
    /// to lie on or after the referral.
    pub fn check_not_before(&self, date: Date, step: Step) -> Result<(), StepRefused> {
        let (milestone, before) =
            if step == Step::RecordContact { (Milestone::Referral, self.referred_on) } else { self.latest() };
        if date < before {
            return Err(StepRefused::DateBefore { step, date, milestone, before });
        }
        Ok(())
    }
}

/// Due date of the intake: the 5th working day after the referral (the referral day is day 0).
pub fn intake_due_on(calendar: &WorkingDayCalendar, referred_on: Date) -> Date {
    calendar.add_working_days(referred_on, INTAKE_NORM_WORKING_DAYS)
}

/// Due date of the start of support: 14 calendar days after the intake.
pub fn start_due_on(intake_held_on: Date) -> Date {
    intake_held_on.checked_add(START_NORM_DAYS.days()).unwrap_or(intake_held_on)
}

/// The date the worklist sorts a case by: the next deadline that applies in its state.
/// When the referrer or family asked for a later intake, the requested date is the
/// deadline the worker plans for (the 5-day norm is still reported separately).
pub fn next_due_on(
    status: CaseStatus,
    intake_due: Date,
    requested_intake_on: Option<Date>,
    start_due: Option<Date>,
) -> Option<Date> {
    match status {
        CaseStatus::Referred => Some(requested_intake_on.map_or(intake_due, |r| r.max(intake_due))),
        CaseStatus::IntakeHeld => start_due,
        CaseStatus::InSupport | CaseStatus::Closed => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    #[test]
    fn the_happy_path() {
        let mut s = CaseStatus::Referred;
        for step in [Step::HoldIntake, Step::StartSupport, Step::RecordContact, Step::Close] {
            s = next_status(s, step).unwrap_or(s);
        }
        assert_eq!(s, CaseStatus::Closed);
    }

    #[test]
    fn transition_table() {
        use CaseStatus::*;
        // (from, step, allowed target) — everything not listed must be refused.
        let allowed = [
            (Referred, Step::HoldIntake, IntakeHeld),
            (Referred, Step::Close, Closed),
            (Referred, Step::RecordContact, Referred),
            (IntakeHeld, Step::StartSupport, InSupport),
            (IntakeHeld, Step::Close, Closed),
            (IntakeHeld, Step::RecordContact, IntakeHeld),
            (InSupport, Step::Close, Closed),
            (InSupport, Step::RecordContact, InSupport),
        ];
        for from in CaseStatus::ALL {
            for step in Step::ALL {
                let expected = allowed.iter().find(|(f, s, _)| f == from && s == step).map(|t| t.2);
                match (next_status(*from, *step), expected) {
                    (Ok(to), Some(e)) => assert_eq!(to, e),
                    (Err(StepRefused::IllegalInState { current, .. }), None) => assert_eq!(current, *from),
                    (got, want) => panic!("{from:?} + {step:?}: got {got:?}, want {want:?}"),
                }
            }
        }
    }

    fn any_status() -> impl Strategy<Value = CaseStatus> {
        proptest::sample::select(CaseStatus::ALL)
    }
    fn any_step() -> impl Strategy<Value = Step> {
        proptest::sample::select(Step::ALL)
    }

    proptest! {
        /// Whatever sequence of steps is tried, a closed case never changes again and the
        /// status never goes back in the lifecycle.
        #[test]
        fn no_way_back(start in any_status(), steps in proptest::collection::vec(any_step(), 0..20)) {
            let order = |s: CaseStatus| CaseStatus::ALL.iter().position(|x| *x == s).unwrap_or(0);
            let mut s = start;
            for step in steps {
                if let Ok(n) = next_status(s, step) { prop_assert!(order(n) >= order(s)); prop_assert!(s != CaseStatus::Closed); s = n; }
            }
        }
    }

    #[test]
    fn dates_cannot_go_back() {
        let dates =
            CaseDates { referred_on: date(2026, 3, 2), intake_held_on: Some(date(2026, 3, 5)), started_on: None };
        assert!(dates.check_not_before(date(2026, 3, 4), Step::StartSupport).is_err());
        assert!(dates.check_not_before(date(2026, 3, 5), Step::StartSupport).is_ok());
        assert!(dates.check_not_before(date(2026, 3, 3), Step::RecordContact).is_ok());
        assert!(dates.check_not_before(date(2026, 3, 1), Step::RecordContact).is_err());
    }

    #[test]
    fn deadlines() {
        let cal = WorkingDayCalendar::default();
        assert_eq!(intake_due_on(&cal, date(2026, 11, 2)), date(2026, 11, 9));
        assert_eq!(start_due_on(date(2026, 11, 9)), date(2026, 11, 23));
        let due = date(2026, 11, 9);
        assert_eq!(next_due_on(CaseStatus::Referred, due, None, None), Some(due));
        assert_eq!(next_due_on(CaseStatus::Referred, due, Some(date(2026, 11, 30)), None), Some(date(2026, 11, 30)));
        assert_eq!(next_due_on(CaseStatus::Referred, due, Some(date(2026, 11, 3)), None), Some(due));
        assert_eq!(next_due_on(CaseStatus::InSupport, due, None, Some(due)), None);
    }
}
