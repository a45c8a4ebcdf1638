//! Complaints (klachten): against whom, the handling steps in their order, the outcome, and the
//! decision deadline.
//!
//! # The deadline
//! A buurtteam jeugd & gezin gives jeugdhulp under the Jeugdwet, so the complaints rule of the
//! Jeugdwet applies (art. 4.2.1 ff.: a jeugdhulpaanbieder keeps a complaints regulation; art.
//! 4.2.2: the complaint is decided within **six weeks** of receipt, and the decision may be put
//! off **once, by at most four weeks**, with written notice and the reason to the complainant
//! before the six weeks have passed). The Wkkgz (art. 17: the same six plus four weeks) governs
//! care under the Zvw and Wlz, not jeugdhulp; the rule is the same in effect, so nothing here
//! depends on which of the two one reads. See decision 0032.
//!
//! The deadline is counted in calendar weeks, as the law does; the team manager's countdown
//! ("nog N werkdagen") counts the working days left to it by the organisation's calendar
//! (holidays and closure days, [`crate::calendar::WorkingDayCalendar`]).
//!
//! # The steps
//! ```text
//! received -> worker_conversation -> team_manager_mediation -> management -> external_committee
//! ```
//! A complaint is `received` when it is registered. Each later step comes after the last one
//! in this order (a step may be skipped: a complainant may go to the management or to the
//! regional committee (KJMN) straight away), on a date not in the future, not before receipt
//! and not before the step before it. A step may carry the outcome; once there is one, the
//! complaint is decided, and only the external committee may still follow (the complainant
//! may take a decided complaint there). A withdrawn complaint is over.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::calendar::WorkingDayCalendar;
use crate::codes::code_list;

/// Weeks from receipt to the decision (Jeugdwet art. 4.2.2).
pub const DECISION_WEEKS: i64 = 6;
/// Weeks the decision may be put off, once, with notice to the complainant.
pub const EXTENSION_WEEKS: i64 = 4;

code_list!(
    /// Whom (or what) the complaint is about.
    Against {
        /// A worker (the case's family worker, usually).
        Worker = "worker",
        Team = "team",
        Organisation = "organisation",
    }
);

code_list!(
    /// A handling step, in the order of handling.
    Step {
        Received = "received",
        /// A conversation with the worker (klachtgesprek).
        WorkerConversation = "worker_conversation",
        /// Mediation by the team manager (bemiddeling).
        TeamManagerMediation = "team_manager_mediation",
        Management = "management",
        /// The regional complaints committee (KJMN).
        ExternalCommittee = "external_committee",
    }
);

code_list!(
    /// How a complaint ended.
    Outcome {
        /// Gegrond.
        WellFounded = "well_founded",
        /// Deels gegrond.
        PartlyWellFounded = "partly_well_founded",
        /// Ongegrond.
        Unfounded = "unfounded",
        /// Ingetrokken.
        Withdrawn = "withdrawn",
        /// Naar tevredenheid opgelost (informeel).
        ResolvedInformally = "resolved_informally",
    }
);

/// A step as recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordedStep {
    pub step: Step,
    pub on: Date,
    pub outcome: Option<Outcome>,
}

/// Why a step may not be recorded (409, or 422 for a date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum StepError {
    #[error("a complaint is received once, when it is registered")]
    ReceivedAgain,
    #[error(
        "step {next} cannot follow {last}: steps go received, worker_conversation, team_manager_mediation, management, external_committee"
    )]
    OutOfOrder { last: &'static str, next: &'static str },
    #[error("the complaint is decided; only the external committee may still follow")]
    Decided,
    #[error("the complaint was withdrawn")]
    Withdrawn,
    #[error("the date lies in the future")]
    InFuture,
    #[error("the date lies before the complaint was received")]
    BeforeReceipt,
    #[error("the date lies before the previous step")]
    BeforePrevious,
}

impl StepError {
    /// Whether the error is about the date (a field error) rather than the complaint's state.
    pub fn is_date(self) -> bool {
        matches!(self, Self::InFuture | Self::BeforeReceipt | Self::BeforePrevious)
    }
}

/// The outcome in force: the last one recorded.
pub fn outcome(steps: &[RecordedStep]) -> Option<(Outcome, Date)> {
    steps.iter().rev().find_map(|s| s.outcome.map(|o| (o, s.on)))
}

/// Checks that `next` may follow the `steps` recorded so far (received first), given today.
pub fn check_step(steps: &[RecordedStep], next: RecordedStep, today: Date) -> Result<(), StepError> {
    if next.step == Step::Received {
        return Err(StepError::ReceivedAgain);
    }
    let received = steps.first().map_or(next.on, |s| s.on);
    let last = steps.last();
    if let Some((o, _)) = outcome(steps) {
        if o == Outcome::Withdrawn {
            return Err(StepError::Withdrawn);
        }
        if next.step != Step::ExternalCommittee {
            return Err(StepError::Decided);
        }
    }
    if let Some(last) = last
        && next.step <= last.step
    {
        return Err(StepError::OutOfOrder { last: last.step.code(), next: next.step.code() });
    }
    if next.on > today {
        return Err(StepError::InFuture);
    }
    if next.on < received {
        return Err(StepError::BeforeReceipt);
    }
    if last.is_some_and(|l| next.on < l.on) {
        return Err(StepError::BeforePrevious);
    }
    Ok(())
}

/// The deadline of a complaint received on `received_on`: six weeks later, or ten when the
/// decision was put off.
pub fn decide_by(received_on: Date, extended: bool) -> Date {
    let weeks = if extended { DECISION_WEEKS + EXTENSION_WEEKS } else { DECISION_WEEKS };
    received_on.checked_add(weeks.weeks()).unwrap_or(received_on)
}

/// Why the decision may not be put off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ExtensionError {
    #[error("the decision was already put off once; the law allows it once")]
    AlreadyExtended,
    #[error("the complaint is already decided")]
    Decided,
    #[error("the notice must be given before the six weeks have passed")]
    TooLate,
    #[error("the notice date lies in the future")]
    InFuture,
    #[error("the notice date lies before the complaint was received")]
    BeforeReceipt,
}

impl ExtensionError {
    pub fn is_date(self) -> bool {
        matches!(self, Self::TooLate | Self::InFuture | Self::BeforeReceipt)
    }
}

/// Checks putting off the decision with notice to the complainant given on `notice_on`.
pub fn check_extension(
    received_on: Date,
    extended: bool,
    steps: &[RecordedStep],
    notice_on: Date,
    today: Date,
) -> Result<(), ExtensionError> {
    if extended {
        return Err(ExtensionError::AlreadyExtended);
    }
    if outcome(steps).is_some() {
        return Err(ExtensionError::Decided);
    }
    if notice_on > today {
        return Err(ExtensionError::InFuture);
    }
    if notice_on < received_on {
        return Err(ExtensionError::BeforeReceipt);
    }
    if notice_on > decide_by(received_on, false) {
        return Err(ExtensionError::TooLate);
    }
    Ok(())
}

/// Whether a complaint was decided within its deadline (`None` while undecided). A withdrawn
/// complaint counts as handled on the day it was withdrawn.
pub fn within_deadline(received_on: Date, extended: bool, steps: &[RecordedStep]) -> Option<bool> {
    outcome(steps).map(|(_, on)| on <= decide_by(received_on, extended))
}

/// Working days from `today` to the deadline: positive while there is time, negative when late.
pub fn working_days_left(calendar: &WorkingDayCalendar, today: Date, decide_by: Date) -> i32 {
    calendar.working_days_between(today, decide_by)
}

/// What the steering counts need of one complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountFacts {
    pub received_on: Date,
    pub decide_by: Date,
    pub outcome: Option<Outcome>,
    pub decided_on: Option<Date>,
}

/// Complaints received in a period (per team, or all together): how many, by outcome, and
/// how many were decided within their deadline (docs/kpi.md, "Complaints").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub received: u64,
    /// Per outcome, in the order of [`Outcome::ALL`].
    pub by_outcome: Vec<(Outcome, u64)>,
    /// Not decided yet.
    pub open: u64,
    pub decided_within_deadline: u64,
    pub decided_late: u64,
}

/// Counts the complaints given (all received in the period asked for).
pub fn count(rows: &[CountFacts]) -> Counts {
    let mut c = Counts { by_outcome: Outcome::ALL.iter().map(|o| (*o, 0)).collect(), ..Counts::default() };
    for r in rows {
        c.received += 1;
        match (r.outcome, r.decided_on) {
            (Some(o), Some(on)) => {
                if let Some(slot) = c.by_outcome.iter_mut().find(|(x, _)| *x == o) {
                    slot.1 += 1;
                }
                if on <= r.decide_by {
                    c.decided_within_deadline += 1;
                } else {
                    c.decided_late += 1;
                }
            }
            _ => c.open += 1,
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn step(step: Step, on: Date, outcome: Option<Outcome>) -> RecordedStep {
        RecordedStep { step, on, outcome }
    }

    #[test]
    fn the_deadline_is_six_weeks_and_ten_when_put_off() {
        // Received on Monday 1 March 2021: decide by Monday 12 April, or 10 May when put off.
        assert_eq!(decide_by(date(2021, 3, 1), false), date(2021, 4, 12));
        assert_eq!(decide_by(date(2021, 3, 1), true), date(2021, 5, 10));
    }

    #[test]
    fn the_countdown_skips_holidays_and_closure_days() {
        // From Thursday 1 April 2021 to Monday 12 April: Good Friday is not a day off by
        // default, Easter Monday (5 April) is; one closure day (9 April) too.
        let cal = WorkingDayCalendar::new(Default::default(), [date(2021, 4, 9)]);
        let plain = WorkingDayCalendar::new(Default::default(), []);
        let with_closure = working_days_left(&cal, date(2021, 4, 1), date(2021, 4, 12));
        assert_eq!(working_days_left(&plain, date(2021, 4, 1), date(2021, 4, 12)), with_closure + 1);
        assert!(working_days_left(&cal, date(2021, 4, 14), date(2021, 4, 12)) < 0);
    }

    #[test]
    fn an_extension_is_once_and_before_the_six_weeks_end() {
        let r = date(2021, 3, 1);
        let steps = [step(Step::Received, r, None)];
        assert_eq!(check_extension(r, false, &steps, date(2021, 4, 12), date(2021, 5, 1)), Ok(()));
        assert_eq!(
            check_extension(r, false, &steps, date(2021, 4, 13), date(2021, 5, 1)),
            Err(ExtensionError::TooLate)
        );
        assert_eq!(
            check_extension(r, true, &steps, date(2021, 4, 1), date(2021, 5, 1)),
            Err(ExtensionError::AlreadyExtended)
        );
        assert_eq!(
            check_extension(r, false, &steps, date(2021, 4, 1), date(2021, 3, 30)),
            Err(ExtensionError::InFuture)
        );
        let decided = [steps[0], step(Step::WorkerConversation, date(2021, 3, 8), Some(Outcome::ResolvedInformally))];
        assert_eq!(
            check_extension(r, false, &decided, date(2021, 3, 9), date(2021, 5, 1)),
            Err(ExtensionError::Decided)
        );
    }

    #[test]
    fn a_decided_complaint_may_still_go_to_the_committee_but_not_back() {
        let r = date(2021, 3, 1);
        let today = date(2021, 6, 1);
        let steps = [
            step(Step::Received, r, None),
            step(Step::TeamManagerMediation, date(2021, 3, 10), Some(Outcome::Unfounded)),
        ];
        assert_eq!(check_step(&steps, step(Step::Management, date(2021, 3, 20), None), today), Err(StepError::Decided));
        assert_eq!(check_step(&steps, step(Step::ExternalCommittee, date(2021, 3, 20), None), today), Ok(()));
        assert_eq!(within_deadline(r, false, &steps), Some(true));
        let withdrawn = [steps[0], step(Step::WorkerConversation, date(2021, 3, 2), Some(Outcome::Withdrawn))];
        assert_eq!(
            check_step(&withdrawn, step(Step::ExternalCommittee, date(2021, 3, 20), None), today),
            Err(StepError::Withdrawn)
        );
    }

    #[test]
    fn counts_by_outcome_and_deadline() {
        let r = date(2021, 1, 4);
        let f = |outcome, decided: Option<Date>| CountFacts {
            received_on: r,
            decide_by: decide_by(r, false),
            outcome,
            decided_on: decided,
        };
        let c = count(&[
            f(Some(Outcome::Unfounded), Some(date(2021, 2, 1))),
            f(Some(Outcome::Unfounded), Some(date(2021, 3, 1))),
            f(Some(Outcome::ResolvedInformally), Some(date(2021, 1, 10))),
            f(None, None),
        ]);
        assert_eq!((c.received, c.open, c.decided_within_deadline, c.decided_late), (4, 1, 2, 1));
        assert_eq!(c.by_outcome.iter().find(|(o, _)| *o == Outcome::Unfounded).map(|x| x.1), Some(2));
    }

    fn any_step() -> impl Strategy<Value = Step> {
        prop::sample::select(Step::ALL)
    }

    fn any_outcome() -> impl Strategy<Value = Option<Outcome>> {
        prop::option::weighted(0.3, prop::sample::select(Outcome::ALL))
    }

    proptest! {
        /// Whatever is attempted, the accepted history keeps its order and its dates: received
        /// first and once, steps strictly in order, dates never in the future, never before
        /// receipt, never before the step before, nothing after a withdrawal, and after an
        /// outcome only the external committee.
        #[test]
        fn accepted_histories_keep_the_rules(
            attempts in prop::collection::vec((any_step(), 0i64..120, any_outcome()), 0..12),
            today_offset in 0i64..100,
        ) {
            let received = date(2021, 1, 4);
            let today = received.checked_add(today_offset.days()).expect("a date");
            let mut steps = vec![step(Step::Received, received, None)];
            for (s, offset, o) in attempts {
                let next = step(s, received.checked_add((offset - 10).days()).expect("a date"), o);
                let before = outcome(&steps);
                if check_step(&steps, next, today).is_ok() {
                    prop_assert!(next.on <= today && next.on >= received);
                    let last = steps.last().expect("received is always there");
                    prop_assert!(next.step > last.step);
                    prop_assert!(next.on >= last.on);
                    prop_assert!(before.is_none_or(|(o, _)| o != Outcome::Withdrawn));
                    prop_assert!(before.is_none() || next.step == Step::ExternalCommittee);
                    steps.push(next);
                }
            }
            prop_assert_eq!(steps.iter().filter(|s| s.step == Step::Received).count(), 1);
            prop_assert!(steps.windows(2).all(|w| w[0].step < w[1].step && w[0].on <= w[1].on));
        }

        /// The deadline is never before receipt, and putting it off moves it exactly four weeks.
        #[test]
        fn the_extension_adds_four_weeks(offset in 0i64..3650) {
            let r = date(2015, 1, 1).checked_add(offset.days()).expect("a date");
            prop_assert!(decide_by(r, false) > r);
            prop_assert_eq!(decide_by(r, false).checked_add(28.days()).expect("a date"), decide_by(r, true));
        }
    }
}
