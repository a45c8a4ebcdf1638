//! The case lifecycle as use cases: register a referral, hold the intake, start support,
//! record contacts, close; and reading cases and the worklist. Each read of a case file and
//! each change is logged in the audit log within the same transaction.
//!
//! A use case on one case runs on the case context ([`crate::context::on_case`]): one write
//! transaction that decides, acts and logs. By capability: `referral` (register a referral),
//! `steps` (intake, start of support, closure), `contacts`, `file` (the case and the family
//! file), `worklist` (the lists).

mod caseload;
mod claim;
mod contacts;
mod corrections;
mod file;
pub mod handover;
mod members;
mod referral;
mod steps;
mod today;
mod worklist;

pub use caseload::{Caseload, WorkerLoad, caseload};
pub use claim::{AssignInput, assign, claim};
pub use contacts::{contacts, record_contact};
pub use corrections::{ContactCorrectionInput, CorrectionInput, ReopenInput, correct, correct_contact, reopen};
pub use file::{CaseFile, file, get};
pub use members::{MemberReachInput, update_member_reach};
pub use referral::register_referral;
pub use steps::{close, hold_intake, start_support};
pub use today::{
    ACTIONS_AHEAD_DAYS, AGENDA_PREVIEW, EVALUATIONS_AHEAD_DAYS, Scope, Section, SectionKind, WORKLIST_SECTION,
    Worklist, WorklistInput, worklist,
};
pub use worklist::{CasePage, ListInput, WaitingList, list, waiting_list};

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::calendar::WorkingDayCalendar;
use buurtteam_domain::case::{self, CaseDates, CaseStatus, Step, StepRefused};
#[cfg(feature = "openapi")]
use buurtteam_domain::codes::{
    ClosureDetail, ClosureReason, ContactForm, LaterIntakeRequestedBy, LifeDomain, ReferralSource,
};
use buurtteam_domain::policy::Actor;
use buurtteam_store::cases::{self as store, Case};
use buurtteam_store::{StoreError, Tx, audit};
use jiff::ToSpan;
use jiff::civil::Date;
use serde::Deserialize;

use crate::context::CaseContext;
use crate::{AppError, Result, audit_entry};

/// The longest request text accepted.
pub const MAX_REQUEST_LENGTH: usize = 4000;
/// The largest page of the worklist.
pub const MAX_PAGE: i64 = 200;

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReferralInput {
    pub household_id: Option<i64>,
    pub team_id: Option<i64>,
    /// `YYYY-MM-DD`, not in the future.
    pub referred_on: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<ReferralSource>))]
    pub source: Option<String>,
    /// The organisation that referred, e.g. "OBS De Vuurvogel" (optional).
    pub referrer_organisation: Option<String>,
    /// The person who referred, e.g. "mevrouw Jansen, intern begeleider" (optional).
    pub referrer_name: Option<String>,
    /// With `source` `other`: who or what referred, in words (required then).
    pub source_other: Option<String>,
    /// The request for help in words.
    pub request: Option<String>,
    /// Household members with their own request for help.
    #[serde(default)]
    pub client_ids: Vec<i64>,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<LifeDomain>))]
    #[serde(default)]
    pub life_domains: Vec<String>,
    /// Set when the referrer or the family asked for an intake later than the norm.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<LaterIntakeRequestedBy>))]
    pub later_intake_requested_by: Option<String>,
    /// The date they asked for; required with `later_intake_requested_by`.
    pub requested_intake_on: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IntakeInput {
    pub held_on: Option<String>,
    /// The family worker who held the intake and carries the case on; defaults to the caller.
    pub worker_id: Option<i64>,
}

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartInput {
    pub started_on: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CloseInput {
    pub closed_on: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<ClosureReason>))]
    pub reason: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<ClosureDetail>))]
    pub reason_detail: Option<String>,
    pub summary: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactInput {
    pub contact_on: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<ContactForm>))]
    pub form: Option<String>,
    /// Duration in minutes, 1 to 1440.
    pub minutes: Option<i64>,
    /// Household members who took part.
    #[serde(default)]
    pub participants: Vec<i64>,
    /// Others who took part, in words (e.g. "mentor school").
    pub other_participants: Option<String>,
    /// A short summary for the team, at most 1,000 characters (never shown in Mijn Buurtteam).
    pub summary: Option<String>,
    /// A partner organisation taking part: a three-way conversation (driegesprek) with the
    /// family and the partner. Active, and serving the case's district.
    pub partner_id: Option<i64>,
}

/// A case with what follows from it on a given day: whether deadlines were met, and the
/// working-day countdown to the intake.
#[derive(Debug, Clone)]
pub struct CaseView {
    pub case: Case,
    /// Whether the intake was held by its deadline (once held).
    pub intake_on_time: Option<bool>,
    /// Whether support started within 2 weeks of the intake (once started).
    pub start_on_time: Option<bool>,
    /// Whether support started within 4 weeks of the intake (once started).
    pub start_within_4_weeks: Option<bool>,
    /// While waiting for the intake: working days left until its deadline (negative: overdue).
    pub intake_working_days_left: Option<i32>,
    /// While waiting for the intake: working days left until the date that counts for the
    /// worker, which is later than the deadline when the referrer or family asked for that.
    pub next_working_days_left: Option<i32>,
}

impl CaseView {
    pub fn new(case: Case, calendar: &WorkingDayCalendar, today: Date) -> Self {
        let intake_on_time = case.intake_held_on.map(|h| h <= case.intake_due_on);
        let start_on_time = case.started_on.zip(case.start_due_on).map(|(s, due)| s <= due);
        let start_within_4_weeks = case
            .started_on
            .zip(case.intake_held_on)
            .map(|(s, h)| s <= h.checked_add(case::START_NORM_LONG_DAYS.days()).unwrap_or(h));
        // A voided referral waits for nothing (decision 0020).
        let waiting = case.status == CaseStatus::Referred && case.voided.is_none();
        let intake_working_days_left = waiting.then(|| calendar.working_days_between(today, case.intake_due_on));
        let next_working_days_left =
            case.next_due_on.filter(|_| waiting).map(|next| calendar.working_days_between(today, next));
        Self {
            case,
            intake_on_time,
            start_on_time,
            start_within_4_weeks,
            intake_working_days_left,
            next_working_days_left,
        }
    }
}

pub(super) fn refused(refusal: StepRefused, current_status: CaseStatus) -> AppError {
    AppError::StepRefused { refusal, current_status }
}

pub(super) fn concurrent(e: StoreError) -> AppError {
    match e {
        StoreError::Concurrent => AppError::Conflict {
            message: "the case was changed by someone else meanwhile; reload it and try again".into(),
            current_status: None,
        },
        other => other.into(),
    }
}

pub(super) fn case_entry(actor: &Actor, now: jiff::Timestamp, action: AuditAction, case: &Case) -> audit::Entry {
    let mut entry = audit_entry(Some(actor), now, action, "case");
    entry.object_id = Some(case.id.0);
    entry.case_id = Some(case.id);
    entry.household_id = Some(case.household_id);
    entry
}

impl CaseContext {
    /// Reads the case back after a change and builds its view, inside the same transaction.
    pub(crate) async fn view(&self, tx: &mut Tx) -> Result<CaseView> {
        let case = store::get(tx, self.case.id).await?.ok_or(AppError::NotFound("case"))?;
        let calendar = self.calendar(tx).await?;
        Ok(CaseView::new(case, &calendar, self.today))
    }

    /// Whether `worker` may carry this case: an active family worker or team manager of its
    /// team (a field error on `worker_id` if not).
    pub(crate) async fn check_worker(
        &self,
        tx: &mut Tx,
        worker: buurtteam_domain::ids::UserId,
        errors: &mut buurtteam_domain::validation::Errors,
    ) -> Result<()> {
        match buurtteam_store::organisation::get_user(tx, worker).await? {
            Some(u)
                if u.active
                    && matches!(
                        u.role,
                        buurtteam_domain::codes::Role::FamilyWorker | buurtteam_domain::codes::Role::TeamManager
                    )
                    && u.team_ids.contains(&self.case.team_id) => {}
            _ => {
                errors
                    .add("worker_id", "must be an active family worker or team manager of the case's team")
                    .code("worker_not_in_team");
            }
        }
        Ok(())
    }

    /// Asks the state machine whether `step` may be taken now, on `on`, a date that may not
    /// be before the case's earlier steps (409 with the current status if not).
    pub(crate) fn step(&self, step: Step, on: Date) -> Result<()> {
        let case = &self.case;
        case::next_status(case.status, step).map_err(|e| refused(e, case.status))?;
        dates(case).check_not_before(on, step).map_err(|e| refused(e, case.status))?;
        Ok(())
    }
}

pub(super) fn dates(case: &Case) -> CaseDates {
    CaseDates { referred_on: case.referred_on, intake_held_on: case.intake_held_on, started_on: case.started_on }
}
