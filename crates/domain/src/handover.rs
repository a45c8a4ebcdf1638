//! Handing cases over (overdracht; issue 20, decision 0037): the rules for giving a case to
//! another worker of its team, to another team (the household moved), and for a stand-in
//! (*waarnemer*) who works on it for a period. Pure: the use cases in `app::cases::handover`
//! read the facts and act on the outcome.

use jiff::civil::Date;

use crate::case::CaseStatus;
use crate::codes::Role;
use crate::ids::{TeamId, UserId};
use crate::policy::has_client_access;
use crate::validation::Errors;

/// What the rules need of the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseFacts {
    pub status: CaseStatus,
    pub team_id: TeamId,
    pub referred_on: Date,
    pub worker_id: Option<UserId>,
    /// The day of the last handover or transfer, if any: a new one may not be dated before it,
    /// or the history of who held the case when would contradict itself.
    pub last_change_on: Option<Date>,
}

/// What the rules need of a staff member who is to hold a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: UserId,
    pub role: Role,
    pub active: bool,
    pub team_ids: Vec<TeamId>,
}

impl Candidate {
    /// Whether they may carry a case of `team`: an active staff member with client access
    /// (family worker or team manager) who works in that team.
    pub fn may_hold_in(&self, team: TeamId) -> bool {
        self.active && has_client_access(self.role) && self.team_ids.contains(&team)
    }
}

/// What a handover changes, once the rules allow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handover {
    /// The new team, when the case moves to another team.
    pub to_team: Option<TeamId>,
    /// The new worker (`None`: the case moves to a team without a worker yet, and waits there).
    pub to_worker: Option<UserId>,
    /// The day it takes effect.
    pub on: Date,
}

impl Handover {
    /// Whether anything changes: a handover to the worker and team the case has is none.
    pub fn changes(&self, case: &CaseFacts) -> bool {
        self.to_team.is_some_and(|t| t != case.team_id) || self.to_worker.is_some_and(|w| Some(w) != case.worker_id)
    }
}

/// Why a handover is refused as a conflict with the case's state (409).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("a closed case cannot be handed over; reopen it first")]
    Closed,
}

/// Checks a handover of `case` on `on` (`today` is the clock's date): to the worker
/// `to_worker` (the candidate, as read, or `None` when no such user exists) and/or to the team
/// `to_team` (with whether it exists). Field errors name the API's fields.
pub fn check(
    case: &CaseFacts,
    to_worker: Option<(UserId, Option<&Candidate>)>,
    to_team: Option<(TeamId, bool)>,
    on: Date,
    today: Date,
) -> Result<Result<Handover, Refusal>, Errors> {
    let mut errors = Errors::default();
    if to_worker.is_none() && to_team.is_none() {
        errors.add("to_worker_id", "name the worker or the team to hand the case over to").code("required");
    }
    check_on(&mut errors, "on", case, on, today);
    let team = match to_team {
        Some((team, false)) => {
            errors.add("to_team_id", format!("there is no team {}", team.0)).code("unknown_team");
            None
        }
        Some((team, true)) if team == case.team_id => {
            errors.add("to_team_id", "the case is already this team's; name another team").code("same_team");
            None
        }
        Some((team, true)) => Some(team),
        None => None,
    };
    // The worker must work in the team that will hold the case.
    let holding_team = team.unwrap_or(case.team_id);
    let worker = match to_worker {
        Some((_, Some(candidate))) if candidate.may_hold_in(holding_team) => Some(candidate.id),
        Some(_) => {
            errors
                .add("to_worker_id", "must be an active family worker or team manager of the team that holds the case")
                .code("worker_not_in_team");
            None
        }
        None => None,
    };
    errors.finish().map_err(Errors)?;
    if case.status == CaseStatus::Closed {
        return Ok(Err(Refusal::Closed));
    }
    Ok(Ok(Handover { to_team: team, to_worker: worker, on }))
}

/// Checks a stand-in for `case` from `from` until `until` (inclusive).
pub fn check_stand_in(
    case: &CaseFacts,
    stand_in: (UserId, Option<&Candidate>),
    from: Date,
    until: Date,
) -> Result<Result<(), Refusal>, Errors> {
    let mut errors = Errors::default();
    if from < case.referred_on {
        errors.add("from_on", "may not be before the referral").code("before_referral").arg("date", case.referred_on);
    }
    if until < from {
        errors.add("until_on", "may not be before the first day").code("before_start");
    }
    match stand_in {
        (_, Some(c)) if c.may_hold_in(case.team_id) && Some(c.id) != case.worker_id => {}
        (_, Some(c)) if Some(c.id) == case.worker_id => {
            errors.add("worker_id", "the stand-in must be someone other than the case's worker").code("same_worker");
        }
        _ => {
            errors
                .add("worker_id", "must be an active family worker or team manager of the case's team")
                .code("worker_not_in_team");
        }
    }
    errors.finish().map_err(Errors)?;
    if case.status == CaseStatus::Closed {
        return Ok(Err(Refusal::Closed));
    }
    Ok(Ok(()))
}

fn check_on(errors: &mut Errors, field: &str, case: &CaseFacts, on: Date, today: Date) {
    if on > today {
        errors.add(field, "may not be in the future").code("future_date").arg("today", today);
    } else if on < case.referred_on {
        errors.add(field, "may not be before the referral").code("before_referral").arg("date", case.referred_on);
    } else if let Some(last) = case.last_change_on.filter(|last| on < *last) {
        errors
            .add(field, "may not be before the last handover of this case")
            .code("before_last_handover")
            .arg("date", last);
    }
}

/// Whether a stand-in period covers `day`.
pub fn covers(from: Date, until: Option<Date>, day: Date) -> bool {
    from <= day && until.is_none_or(|u| day <= u)
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;
    use proptest::prelude::*;

    use super::*;

    fn case() -> CaseFacts {
        CaseFacts {
            status: CaseStatus::InSupport,
            team_id: TeamId(1),
            referred_on: date(2026, 3, 2),
            worker_id: Some(UserId(10)),
            last_change_on: None,
        }
    }

    fn worker(id: i64, team: i64) -> Candidate {
        Candidate { id: UserId(id), role: Role::FamilyWorker, active: true, team_ids: vec![TeamId(team)] }
    }

    fn codes(errors: Errors) -> Vec<(&'static str, String)> {
        errors.0.into_iter().map(|e| (e.code, e.field)).collect()
    }

    const TODAY: Date = date(2026, 6, 15);

    #[test]
    fn a_worker_of_the_team_takes_over() {
        let w = worker(11, 1);
        let h = check(&case(), Some((w.id, Some(&w))), None, TODAY, TODAY).expect("allowed").expect("allowed");
        assert_eq!(h, Handover { to_team: None, to_worker: Some(UserId(11)), on: TODAY });
        assert!(h.changes(&case()));
    }

    #[test]
    fn the_target_worker_must_be_staff_with_client_access_in_the_team() {
        let other_team = worker(11, 2);
        let analyst = Candidate { role: Role::Analyst, ..worker(12, 1) };
        let hr = Candidate { role: Role::Hr, ..worker(12, 1) };
        let left = Candidate { active: false, ..worker(13, 1) };
        for c in [&other_team, &analyst, &hr, &left] {
            let e = check(&case(), Some((c.id, Some(c))), None, TODAY, TODAY).expect_err("refused");
            assert_eq!(codes(e), vec![("worker_not_in_team", "to_worker_id".to_string())], "{c:?}");
        }
        let e = check(&case(), Some((UserId(99), None)), None, TODAY, TODAY).expect_err("refused");
        assert_eq!(codes(e), vec![("worker_not_in_team", "to_worker_id".to_string())]);
    }

    #[test]
    fn a_transfer_goes_to_another_existing_team_with_a_worker_of_that_team() {
        let there = worker(20, 2);
        let h = check(&case(), Some((there.id, Some(&there))), Some((TeamId(2), true)), TODAY, TODAY)
            .expect("allowed")
            .expect("allowed");
        assert_eq!(h.to_team, Some(TeamId(2)));
        assert_eq!(h.to_worker, Some(UserId(20)));
        // A worker of the old team does not carry it there.
        let here = worker(11, 1);
        assert!(check(&case(), Some((here.id, Some(&here))), Some((TeamId(2), true)), TODAY, TODAY).is_err());
        let e = check(&case(), None, Some((TeamId(1), true)), TODAY, TODAY).expect_err("refused");
        assert_eq!(codes(e), vec![("same_team", "to_team_id".to_string())]);
        let e = check(&case(), None, Some((TeamId(7), false)), TODAY, TODAY).expect_err("refused");
        assert_eq!(codes(e), vec![("unknown_team", "to_team_id".to_string())]);
        let h = check(&case(), None, Some((TeamId(2), true)), TODAY, TODAY).expect("allowed").expect("allowed");
        assert_eq!((h.to_team, h.to_worker), (Some(TeamId(2)), None));
    }

    #[test]
    fn nothing_named_is_an_error() {
        let e = check(&case(), None, None, TODAY, TODAY).expect_err("refused");
        assert_eq!(codes(e), vec![("required", "to_worker_id".to_string())]);
    }

    #[test]
    fn a_closed_case_is_not_handed_over() {
        let closed = CaseFacts { status: CaseStatus::Closed, ..case() };
        let w = worker(11, 1);
        assert_eq!(check(&closed, Some((w.id, Some(&w))), None, TODAY, TODAY).expect("allowed"), Err(Refusal::Closed));
        assert_eq!(check_stand_in(&closed, (w.id, Some(&w)), TODAY, TODAY).expect("allowed"), Err(Refusal::Closed));
    }

    #[test]
    fn a_stand_in_period_runs_forward_and_is_someone_else() {
        let w = worker(11, 1);
        assert_eq!(check_stand_in(&case(), (w.id, Some(&w)), TODAY, TODAY).expect("allowed"), Ok(()));
        let e = check_stand_in(&case(), (w.id, Some(&w)), TODAY, date(2026, 6, 14)).expect_err("refused");
        assert_eq!(codes(e), vec![("before_start", "until_on".to_string())]);
        let current = worker(10, 1);
        let e = check_stand_in(&case(), (current.id, Some(&current)), TODAY, TODAY).expect_err("refused");
        assert_eq!(codes(e), vec![("same_worker", "worker_id".to_string())]);
    }

    #[test]
    fn a_handover_is_not_dated_before_the_last_one() {
        let handed = CaseFacts { last_change_on: Some(date(2026, 5, 1)), ..case() };
        let w = worker(11, 1);
        let e = check(&handed, Some((w.id, Some(&w))), None, date(2026, 4, 30), TODAY).expect_err("refused");
        assert_eq!(codes(e), vec![("before_last_handover", "on".to_string())]);
        assert!(check(&handed, Some((w.id, Some(&w))), None, date(2026, 5, 1), TODAY).is_ok());
        let e = check(&handed, None, Some((TeamId(2), true)), date(2026, 3, 3), TODAY).expect_err("refused");
        assert_eq!(codes(e), vec![("before_last_handover", "on".to_string())]);
    }

    #[test]
    fn handing_to_the_current_worker_changes_nothing() {
        let w = worker(10, 1);
        let h = check(&case(), Some((w.id, Some(&w))), None, TODAY, TODAY).expect("allowed").expect("allowed");
        assert!(!h.changes(&case()));
    }

    proptest! {
        /// The day of a handover lies between the referral and today, both included.
        #[test]
        fn the_day_lies_between_referral_and_today(offset in -400i32..400) {
            let on = TODAY.checked_add(jiff::Span::new().days(offset)).expect("allowed");
            let w = worker(11, 1);
            let outcome = check(&case(), Some((w.id, Some(&w))), None, on, TODAY);
            let allowed = case().referred_on <= on && on <= TODAY;
            prop_assert_eq!(outcome.is_ok(), allowed);
        }

        /// A stand-in period is accepted exactly when it runs forward from the referral on.
        #[test]
        fn stand_in_periods(from in -200i32..200, len in -30i32..60) {
            let from_on = TODAY.checked_add(jiff::Span::new().days(from)).expect("allowed");
            let until_on = from_on.checked_add(jiff::Span::new().days(len)).expect("allowed");
            let w = worker(11, 1);
            let ok = check_stand_in(&case(), (w.id, Some(&w)), from_on, until_on).is_ok();
            prop_assert_eq!(ok, from_on >= case().referred_on && until_on >= from_on);
            prop_assert_eq!(covers(from_on, Some(until_on), from_on), len >= 0);
        }
    }
}
