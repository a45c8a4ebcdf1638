//! A team's caseload per worker, for its team manager planning the week: each worker's open
//! cases by phase, the new referrals they hold, how many are overdue and the next deadline;
//! and the cases nobody carries yet. Read on the team context by those who may assign cases
//! (team managers of the team), in the transaction that logs it.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::case::CaseStatus;
use buurtteam_domain::ids::{TeamId, UserId};
use buurtteam_domain::policy::{Action, Actor};
use buurtteam_store::audit;
use buurtteam_store::cases::{self as store, ListOrder, ListQuery, StatusFilter};
use buurtteam_store::organisation;
use jiff::civil::Date;

use super::CaseView;
use crate::context::on_team;
use crate::{App, Result};

/// One worker's share (or, with `worker` `None`, the open cases nobody carries yet).
#[derive(Debug, Clone)]
pub struct WorkerLoad {
    pub worker: Option<(UserId, String)>,
    /// New referrals they hold (status `referred`).
    pub referred: usize,
    pub intake_held: usize,
    pub in_support: usize,
    /// Cases whose next deadline has passed.
    pub overdue: usize,
    /// The earliest next deadline of their cases.
    pub next_due_on: Option<Date>,
    /// Their open cases, earliest deadline first.
    pub cases: Vec<CaseView>,
}

impl WorkerLoad {
    fn new(worker: Option<(UserId, String)>) -> Self {
        Self { worker, referred: 0, intake_held: 0, in_support: 0, overdue: 0, next_due_on: None, cases: Vec::new() }
    }

    pub fn open(&self) -> usize {
        self.referred + self.intake_held + self.in_support
    }

    fn add(&mut self, view: CaseView, today: Date) {
        let c = &view.case;
        match c.status {
            CaseStatus::Referred => self.referred += 1,
            CaseStatus::IntakeHeld => self.intake_held += 1,
            CaseStatus::InSupport => self.in_support += 1,
            CaseStatus::Closed => return,
        }
        if let Some(due) = c.next_due_on {
            if due < today {
                self.overdue += 1;
            }
            self.next_due_on = Some(self.next_due_on.map_or(due, |d| d.min(due)));
        }
        self.cases.push(view);
    }
}

pub struct Caseload {
    pub team: organisation::Team,
    /// Every worker of the team, fewest open cases first (who can take the next one), then by
    /// name, and anyone who left the team but still carries a case of it (to reassign).
    pub workers: Vec<WorkerLoad>,
    pub unassigned: WorkerLoad,
    /// Open cases of workers absent today that no stand-in holds (decision 0037).
    pub uncovered: Vec<CaseView>,
    pub today: Date,
}

/// The caseload of `team` per worker.
pub async fn caseload(app: &App, actor: &Actor, team: TeamId) -> Result<Caseload> {
    on_team(app, actor, team, Action::AssignCase, "caseload", move |tx, ctx, _| {
        Box::pin(async move {
            let query = ListQuery {
                member: ctx.actor.user_id,
                team_id: Some(ctx.team.id),
                status: StatusFilter::Open,
                worker: None,
                unassigned_too: false,
                order: ListOrder::Due,
                limit: 5000,
                offset: 0,
            };
            let (cases, _) = store::list(tx, &query).await?;
            let calendar = ctx.calendar(tx).await?;
            let staff = organisation::team_staff(tx, ctx.team.id).await?;
            let mut entry = ctx.entry(AuditAction::CaseList);
            entry.detail = serde_json::json!({
                "view": "caseload", "team_id": ctx.team.id,
                "case_ids": cases.iter().map(|c| c.id.0).collect::<Vec<_>>(),
            });
            audit::append(tx, &entry).await?;

            let today = ctx.today;
            let mut workers: Vec<WorkerLoad> =
                staff.into_iter().map(|(id, name, _)| WorkerLoad::new(Some((id, name)))).collect();
            let mut unassigned = WorkerLoad::new(None);
            let uncovered_ids = super::handover::uncovered(tx, ctx.team.id, today).await?;
            let mut uncovered = Vec::new();
            for case in cases {
                if uncovered_ids.contains(&case.id) {
                    uncovered.push(CaseView::new(case.clone(), &calendar, today));
                }
                let view = CaseView::new(case, &calendar, today);
                match view.case.worker_id {
                    None => unassigned.add(view, today),
                    Some(w) => match workers.iter_mut().find(|l| l.worker.as_ref().is_some_and(|(id, _)| *id == w)) {
                        Some(load) => load.add(view, today),
                        None => {
                            // Someone who left the team still carries it: show them, so it is reassigned.
                            let name = organisation::get_user(tx, w).await?.map(|u| u.name).unwrap_or_default();
                            let mut load = WorkerLoad::new(Some((w, name)));
                            load.add(view, today);
                            workers.push(load);
                        }
                    },
                }
            }
            workers.sort_by(|a, b| {
                a.open().cmp(&b.open()).then_with(|| {
                    let name = |l: &WorkerLoad| l.worker.as_ref().map(|(_, n)| n.clone()).unwrap_or_default();
                    name(a).cmp(&name(b))
                })
            });
            Ok(Caseload { team: ctx.team, workers, unassigned, uncovered, today })
        })
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use buurtteam_domain::calendar::WorkingDayCalendar;
    use buurtteam_domain::codes::ReferralSource;
    use buurtteam_domain::ids::{CaseId, HouseholdId};
    use jiff::civil::date;

    fn view(status: CaseStatus, due: Option<Date>) -> CaseView {
        let day = date(2031, 3, 3);
        let case = store::Case {
            id: CaseId(1),
            household_id: HouseholdId(1),
            team_id: TeamId(1),
            status,
            referred_on: day,
            source: ReferralSource::School,
            referrer: store::Referrer::default(),
            request: String::new(),
            later_intake_requested_by: None,
            requested_intake_on: None,
            intake_due_on: day,
            intake_held_on: None,
            intake_worker_id: None,
            worker_id: None,
            start_due_on: None,
            started_on: None,
            closed_on: None,
            closure_reason: None,
            closure_detail: None,
            closure_summary: None,
            next_due_on: due,
            next_evaluation_on: None,
            created_at: jiff::Timestamp::UNIX_EPOCH,
            updated_at: jiff::Timestamp::UNIX_EPOCH,
            clients: Vec::new(),
            life_domains: Vec::new(),
            voided: None,
        };
        CaseView::new(case, &WorkingDayCalendar::default(), day)
    }

    #[test]
    fn a_load_counts_phases_overdue_cases_and_the_next_deadline() {
        let today = date(2031, 3, 4);
        let mut load = WorkerLoad::new(None);
        load.add(view(CaseStatus::Referred, Some(date(2031, 3, 3))), today);
        load.add(view(CaseStatus::IntakeHeld, Some(date(2031, 3, 10))), today);
        load.add(view(CaseStatus::InSupport, None), today);
        load.add(view(CaseStatus::InSupport, Some(date(2031, 3, 4))), today);
        assert_eq!((load.referred, load.intake_held, load.in_support, load.open()), (1, 1, 2, 4));
        assert_eq!(load.overdue, 1, "due today is not overdue yet");
        assert_eq!(load.next_due_on, Some(date(2031, 3, 3)));
    }
}
