//! The case lifecycle as use cases: register a referral, hold the intake, start support,
//! record contacts, close; and reading cases and the worklist. Each read of a case file and
//! each change is logged in the audit log within the same transaction.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::calendar::WorkingDayCalendar;
use buurtteam_domain::case::{self, CaseDates, CaseStatus, Step, StepRefused};
use buurtteam_domain::codes::{
    ClosureDetail, ClosureReason, ContactForm, LaterIntakeRequestedBy, LifeDomain, ReferralSource, Role,
};
use buurtteam_domain::ids::{CaseId, HouseholdId, PersonId, TeamId, UserId};
use buurtteam_domain::policy::{self, Action, Actor, Decision::Allow, Relation};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit::{self, Refused};
use buurtteam_store::cases::{
    self as store, Case, Closure, Contact, ListOrder, ListQuery, NewCase, NewContact, StatusFilter,
};
use buurtteam_store::{StoreError, Tx, households, organisation};
use jiff::ToSpan;
use jiff::civil::Date;
use serde::Deserialize;

use crate::refusals::{self, Attempt};
use crate::{App, AppError, Result, audit_entry, authorise, input};

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
        let waiting = case.status == CaseStatus::Referred;
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

fn refused(e: StepRefused, current: CaseStatus) -> AppError {
    AppError::Conflict { message: e.to_string(), current_status: Some(current) }
}

fn concurrent(e: StoreError) -> AppError {
    match e {
        StoreError::Concurrent => AppError::Conflict {
            message: "the case was changed by someone else meanwhile; reload it and try again".into(),
            current_status: None,
        },
        other => other.into(),
    }
}

/// Loads a case for `action`, answering 404 both when it does not exist and when the actor
/// may not see it. Either way the attempt is logged (NEN 7513 wants attempts in the access
/// log too) before the 404 goes out, so the two refusals do the same work and take the same
/// time. It takes the transaction and hands it back, so that it can roll back (and free
/// SQLite's writer) before the refusal is logged.
async fn load(app: &App, mut tx: Tx, actor: &Actor, id: CaseId, action: Action) -> Result<(Tx, Case)> {
    let mut attempt = Attempt::new(Refused::Case, "case").on(id.0).with("attempted", action.code());
    // Decided on the team alone (one query either way); only an allowed case is read.
    match store::team_and_household(&mut tx, id).await? {
        Some((team, _)) if policy::decide(actor.role, policy::relation_to_team(actor, team), action) == Allow => {
            let case = store::get(&mut tx, id).await?.ok_or(AppError::NotFound("case"))?;
            return Ok((tx, case));
        }
        Some((_, household)) => (attempt.case_id, attempt.household_id) = (Some(id), Some(household)),
        None => {}
    }
    drop(tx);
    let exists = attempt.case_id.is_some();
    // Every refusal of a case is a 404 (docs/access.md: `hidden` for every record action).
    Err(refusals::refuse(app, Some(actor), attempt.with("exists", exists), AppError::NotFound("case")).await)
}

fn case_entry(actor: &Actor, now: jiff::Timestamp, action: AuditAction, case: &Case) -> audit::Entry {
    let mut entry = audit_entry(Some(actor), now, action, "case");
    entry.object_id = Some(case.id.0);
    entry.case_id = Some(case.id);
    entry.household_id = Some(case.household_id);
    entry
}

/// Reads the case back after a change and builds its view, inside the same transaction.
async fn view_in(app: &App, tx: &mut Tx, id: CaseId) -> Result<CaseView> {
    let case = store::get(tx, id).await?.ok_or(AppError::NotFound("case"))?;
    let calendar = app.calendar(tx).await?;
    Ok(CaseView::new(case, &calendar, app.today()))
}

/// Registers a referral (aanmelding): opens a case in state `referred` with its intake deadline.
pub async fn register_referral(app: &App, actor: &Actor, input: &ReferralInput) -> Result<CaseView> {
    let today = app.today();
    let mut errors = Errors::default();
    let household_id = input::id(&mut errors, "household_id", input.household_id).map(HouseholdId);
    let team_id = input::id(&mut errors, "team_id", input.team_id).map(TeamId);
    let referred_on = input::past_date(&mut errors, "referred_on", input.referred_on.as_deref(), today);
    let source =
        input::code(&mut errors, "source", input.source.as_deref(), ReferralSource::parse, ReferralSource::accepted);
    let request = input::long_text(&mut errors, "request", input.request.as_deref(), MAX_REQUEST_LENGTH);
    let mut life_domains = Vec::new();
    if input.life_domains.is_empty() {
        errors
            .add("life_domains", format!("name at least one life domain; one of: {}", LifeDomain::accepted()))
            .code("required_life_domain");
    }
    for (i, code) in input.life_domains.iter().enumerate() {
        if let Some(d) =
            input::code(&mut errors, &format!("life_domains[{i}]"), Some(code), LifeDomain::parse, LifeDomain::accepted)
        {
            life_domains.push(d);
        }
    }
    life_domains.sort();
    life_domains.dedup();
    let later_by = input::optional_code(
        &mut errors,
        "later_intake_requested_by",
        input.later_intake_requested_by.as_deref(),
        LaterIntakeRequestedBy::parse,
        LaterIntakeRequestedBy::accepted,
    );
    let requested_on =
        input::optional_planned_date(&mut errors, "requested_intake_on", input.requested_intake_on.as_deref(), today);
    match (later_by, requested_on, input.later_intake_requested_by.is_some()) {
        (Some(_), None, _) if input.requested_intake_on.is_none() => {
            errors
                .add("requested_intake_on", "is required when a later intake was requested (the date they asked for)")
                .code("requested_date_required");
        }
        (None, Some(_), false) => {
            errors
                .add("later_intake_requested_by", "say who asked for the later intake: referrer or family")
                .code("requested_by_required");
        }
        _ => {}
    }
    if let (Some(r), Some(q)) = (referred_on, requested_on)
        && q < r
    {
        errors.add("requested_intake_on", "cannot be before the referral date").code("requested_before_referral");
    }
    if input.client_ids.is_empty() {
        errors
            .add("client_ids", "name at least one household member who is a client (has their own request for help)")
            .code("client_required");
    }

    let now = app.now();
    let mut tx = app.db.begin_read().await?;
    if let Some(team) = team_id {
        match organisation::get_team(&mut tx, team).await? {
            None => {
                errors.add("team_id", format!("no team has id {team}")).code("unknown_team");
            }
            Some(_) => {
                let attempt = Attempt::new(Refused::Case, "team").on(team.0);
                authorise(app, actor, policy::relation_to_team(actor, team), Action::RegisterReferral, attempt).await?
            }
        }
    } else {
        authorise(app, actor, Relation::OwnTeam, Action::RegisterReferral, Attempt::new(Refused::Case, "team")).await?;
    }
    if let Some(hh) = household_id {
        let household = households::get(&mut tx, hh).await?;
        let visible = match &household {
            Some(h) => crate::households::relation(&mut tx, actor, h).await? == Relation::OwnTeam,
            None => false,
        };
        match household.filter(|_| visible) {
            None => {
                errors
                    .add("household_id", format!("no household with id {hh} that you may use"))
                    .code("unknown_household");
            }
            Some(h) => {
                for (i, c) in input.client_ids.iter().enumerate() {
                    if !h.members.iter().any(|m| m.id.0 == *c) {
                        errors
                            .add(format!("client_ids[{i}]"), format!("person {c} is not a member of this household"))
                            .code("not_household_member");
                    }
                }
            }
        }
    }
    errors.finish()?;

    let (Some(household_id), Some(team_id), Some(referred_on), Some(source), Some(request)) =
        (household_id, team_id, referred_on, source, request)
    else {
        return Err(AppError::Internal("validated referral lacks a field".into()));
    };
    let calendar = app.calendar(&mut tx).await?;
    let intake_due_on = case::intake_due_on(&calendar, referred_on);
    let mut client_ids: Vec<PersonId> = input.client_ids.iter().copied().map(PersonId).collect();
    client_ids.sort();
    client_ids.dedup();
    drop(tx);
    let (owned_app, owned_actor) = (app.clone(), actor.clone());
    app.db
        .write(move |tx| {
            Box::pin(async move {
                let (app, actor) = (&owned_app, &owned_actor);
                let new = NewCase {
                    household_id,
                    team_id,
                    referred_on,
                    source,
                    request: &request,
                    client_ids: &client_ids,
                    life_domains: &life_domains,
                    later_intake_requested_by: later_by,
                    requested_intake_on: requested_on,
                    intake_due_on,
                    next_due_on: case::next_due_on(CaseStatus::Referred, intake_due_on, requested_on, None),
                    created_by: actor.user_id,
                };
                let id = store::insert(tx, &new, now).await?;
                let case = store::get(tx, id).await?.ok_or(AppError::NotFound("case"))?;
                let view = CaseView::new(case, &calendar, app.today());
                let mut entry = case_entry(actor, now, AuditAction::CaseReferred, &view.case);
                entry.detail = serde_json::json!({ "source": source.code(), "team_id": team_id });
                audit::append(tx, &entry).await?;
                Ok(view)
            })
        })
        .await
}

/// Opens a case file: logged as a read.
pub async fn get(app: &App, actor: &Actor, id: CaseId) -> Result<CaseView> {
    let now = app.now();
    let (mut tx, case) = load(app, app.db.begin_read().await?, actor, id, Action::ReadCase).await?;
    let calendar = app.calendar(&mut tx).await?;
    drop(tx);
    audit::log(&app.db, case_entry(actor, now, AuditAction::CaseRead, &case)).await?;
    Ok(CaseView::new(case, &calendar, app.today()))
}

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ListInput {
    /// Only this team (one of yours).
    #[serde(rename = "teamId", alias = "team_id")]
    pub team_id: Option<i64>,
    /// A case status, `open` (default: everything not closed) or `all`.
    pub status: Option<String>,
    /// Page size, 1 to 200 (default 50).
    pub limit: Option<i64>,
    /// How many to skip (default 0).
    pub offset: Option<i64>,
}

pub struct CasePage {
    pub items: Vec<CaseView>,
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

/// The worklist: the cases the actor may see, earliest deadline first.
pub async fn list(app: &App, actor: &Actor, input: &ListInput) -> Result<CasePage> {
    authorise(app, actor, Relation::NoRecord, Action::ListCases, Attempt::new(Refused::Case, "case")).await?;
    let mut errors = Errors::default();
    let status = match input.status.as_deref().map(str::trim) {
        None | Some("") | Some("open") => StatusFilter::Open,
        Some("all") => StatusFilter::All,
        Some(s) => match CaseStatus::parse(s) {
            Some(st) => StatusFilter::Only(st),
            None => {
                errors.add("status", "one of: open, all, referred, intake_held, in_support, closed");
                StatusFilter::Open
            }
        },
    };
    let limit = input.limit.unwrap_or(50);
    if !(1..=MAX_PAGE).contains(&limit) {
        errors.add("limit", format!("is between 1 and {MAX_PAGE}"));
    }
    let offset = input.offset.unwrap_or(0);
    if offset < 0 {
        errors.add("offset", "is 0 or more");
    }
    if let Some(t) = input.team_id
        && !actor.team_ids.contains(&TeamId(t))
    {
        errors.add("team_id", "is not one of your teams").code("not_your_team");
    }
    errors.finish()?;
    let now = app.now();
    let mut tx = app.db.begin_read().await?;
    let query = ListQuery {
        member: actor.user_id,
        team_id: input.team_id.map(TeamId),
        status,
        worker: None,
        order: ListOrder::Due,
        limit,
        offset,
    };
    let (cases, total) = store::list(&mut tx, &query).await?;
    let calendar = app.calendar(&mut tx).await?;
    drop(tx);
    let mut entry = audit_entry(Some(actor), now, AuditAction::CaseList, "case");
    entry.detail = serde_json::json!({
        "team_id": input.team_id, "status": input.status, "offset": offset, "returned": cases.len(),
        "case_ids": cases.iter().map(|c| c.id.0).collect::<Vec<_>>(),
    });
    audit::log(&app.db, entry).await?;
    let today = app.today();
    let items = cases.into_iter().map(|c| CaseView::new(c, &calendar, today)).collect();
    Ok(CasePage { items, total, limit, offset })
}

fn dates(case: &Case) -> CaseDates {
    CaseDates { referred_on: case.referred_on, intake_held_on: case.intake_held_on, started_on: case.started_on }
}

/// Records the intake (kennismakingsgesprek). The worker who held it carries the case on.
pub async fn hold_intake(app: &App, actor: &Actor, id: CaseId, input: &IntakeInput) -> Result<CaseView> {
    let today = app.today();
    let mut errors = Errors::default();
    let held_on = input::past_date(&mut errors, "held_on", input.held_on.as_deref(), today);
    let now = app.now();
    let (mut tx, case) = load(app, app.db.begin_read().await?, actor, id, Action::HoldIntake).await?;
    let worker = UserId(input.worker_id.unwrap_or(actor.user_id.0));
    match organisation::get_user(&mut tx, worker).await? {
        Some(u)
            if u.active
                && matches!(u.role, Role::FamilyWorker | Role::TeamManager)
                && u.team_ids.contains(&case.team_id) => {}
        _ => {
            errors
                .add("worker_id", "must be an active family worker or team manager of the case's team")
                .code("worker_not_in_team");
        }
    }
    errors.finish()?;
    let held_on = held_on.unwrap_or(today);
    case::next_status(case.status, Step::HoldIntake).map_err(|e| refused(e, case.status))?;
    dates(&case).check_not_before("the intake", held_on, Step::HoldIntake).map_err(|e| refused(e, case.status))?;
    let start_due = case::start_due_on(held_on);
    drop(tx);
    let (owned_app, owned_actor) = (app.clone(), actor.clone());
    app.db
        .write(move |tx| {
            Box::pin(async move {
                let (app, actor) = (&owned_app, &owned_actor);
                store::set_intake(tx, id, case.status, held_on, worker, start_due, now).await.map_err(concurrent)?;
                let mut entry = case_entry(actor, now, AuditAction::CaseIntakeHeld, &case);
                entry.detail = serde_json::json!({ "held_on": held_on.to_string(), "worker_id": worker });
                audit::append(tx, &entry).await?;
                let view = view_in(app, tx, id).await?;
                Ok(view)
            })
        })
        .await
}

/// Records the start of support.
pub async fn start_support(app: &App, actor: &Actor, id: CaseId, input: &StartInput) -> Result<CaseView> {
    let today = app.today();
    let mut errors = Errors::default();
    let started_on = input::past_date(&mut errors, "started_on", input.started_on.as_deref(), today);
    errors.finish()?;
    let started_on = started_on.unwrap_or(today);
    let now = app.now();
    let (tx, case) = load(app, app.db.begin_read().await?, actor, id, Action::StartSupport).await?;
    case::next_status(case.status, Step::StartSupport).map_err(|e| refused(e, case.status))?;
    dates(&case)
        .check_not_before("the start of support", started_on, Step::StartSupport)
        .map_err(|e| refused(e, case.status))?;
    drop(tx);
    let (owned_app, owned_actor) = (app.clone(), actor.clone());
    app.db
        .write(move |tx| {
            Box::pin(async move {
                let (app, actor) = (&owned_app, &owned_actor);
                store::set_started(tx, id, case.status, started_on, now).await.map_err(concurrent)?;
                let mut entry = case_entry(actor, now, AuditAction::CaseSupportStarted, &case);
                entry.detail = serde_json::json!({ "started_on": started_on.to_string() });
                audit::append(tx, &entry).await?;
                let view = view_in(app, tx, id).await?;
                Ok(view)
            })
        })
        .await
}

/// Closes a case with a reason, from any open state.
pub async fn close(app: &App, actor: &Actor, id: CaseId, input: &CloseInput) -> Result<CaseView> {
    let today = app.today();
    let mut errors = Errors::default();
    let closed_on = input::past_date(&mut errors, "closed_on", input.closed_on.as_deref(), today);
    let reason =
        input::code(&mut errors, "reason", input.reason.as_deref(), ClosureReason::parse, ClosureReason::accepted);
    let detail = input::optional_code(
        &mut errors,
        "reason_detail",
        input.reason_detail.as_deref(),
        ClosureDetail::parse,
        ClosureDetail::accepted,
    );
    if let (Some(r), Some(d)) = (reason, detail)
        && d.reason() != r
    {
        let fitting: Vec<_> = ClosureDetail::for_reason(r).iter().map(|d| d.code()).collect();
        errors
            .add("reason_detail", format!("{d} does not belong to {r}; for {r} use one of: {}", fitting.join(", ")))
            .code("detail_not_for_reason");
    }
    let summary = input::optional_long_text(&mut errors, "summary", input.summary.as_deref(), MAX_REQUEST_LENGTH);
    errors.finish()?;
    let (closed_on, reason) = (closed_on.unwrap_or(today), reason.unwrap_or(ClosureReason::Other));
    let now = app.now();
    let (tx, case) = load(app, app.db.begin_read().await?, actor, id, Action::CloseCase).await?;
    case::next_status(case.status, Step::Close).map_err(|e| refused(e, case.status))?;
    dates(&case).check_not_before("the closure", closed_on, Step::Close).map_err(|e| refused(e, case.status))?;
    drop(tx);
    let (owned_app, owned_actor) = (app.clone(), actor.clone());
    app.db
        .write(move |tx| {
            Box::pin(async move {
                let (app, actor) = (&owned_app, &owned_actor);
    let closure = Closure { closed_on, reason, detail, summary: summary.as_deref() };
        store::set_closed(tx, id, case.status, &closure, now).await.map_err(concurrent)?;
        let mut entry = case_entry(actor, now, AuditAction::CaseClosed, &case);
        entry.detail = serde_json::json!({
            "closed_on": closed_on.to_string(), "reason": reason.code(), "reason_detail": detail.map(|d| d.code()),
            "from_status": case.status.code(),
        });
        audit::append(tx, &entry).await?;
        let view = view_in(app, tx, id).await?;
        Ok(view)
            })
        })
        .await
}

/// Records a contact moment on an open case.
pub async fn record_contact(app: &App, actor: &Actor, id: CaseId, input: &ContactInput) -> Result<Contact> {
    let today = app.today();
    let mut errors = Errors::default();
    let contact_on = input::past_date(&mut errors, "contact_on", input.contact_on.as_deref(), today);
    let form = input::code(&mut errors, "form", input.form.as_deref(), ContactForm::parse, ContactForm::accepted);
    let minutes = match input.minutes {
        None => {
            errors.add("minutes", "is required (1 to 1440)").code("minutes_required");
            None
        }
        Some(m) if !(1..=1440).contains(&m) => {
            errors.add("minutes", "is between 1 and 1440").code("minutes_range");
            None
        }
        Some(m) => i32::try_from(m).ok(),
    };
    let others = input::optional_text(&mut errors, "other_participants", input.other_participants.as_deref(), 500);
    let now = app.now();
    let (mut tx, case) = load(app, app.db.begin_read().await?, actor, id, Action::RecordContact).await?;
    let members = households::members(&mut tx, case.household_id).await?;
    for (i, p) in input.participants.iter().enumerate() {
        if !members.iter().any(|m| m.id.0 == *p) {
            errors
                .add(format!("participants[{i}]"), format!("person {p} is not a member of this household"))
                .code("not_household_member");
        }
    }
    errors.finish()?;
    let contact_on = contact_on.unwrap_or(today);
    case::next_status(case.status, Step::RecordContact).map_err(|e| refused(e, case.status))?;
    dates(&case)
        .check_not_before("the contact", contact_on, Step::RecordContact)
        .map_err(|e| refused(e, case.status))?;
    let mut participants: Vec<PersonId> = input.participants.iter().copied().map(PersonId).collect();
    participants.sort();
    participants.dedup();
    drop(tx);
    let owned_actor = actor.clone();
    app.db
        .write(move |tx| {
            Box::pin(async move {
                let actor = &owned_actor;
                let new = NewContact {
                    case_id: id,
                    contact_on,
                    form: form.unwrap_or(ContactForm::Phone),
                    minutes: minutes.unwrap_or(1),
                    participant_ids: &participants,
                    other_participants: others.as_deref(),
                    recorded_by: actor.user_id,
                };
                let contact_id = store::insert_contact(tx, &new, now).await?;
                let mut entry = case_entry(actor, now, AuditAction::ContactRecorded, &case);
                entry.object_type = "contact";
                entry.object_id = Some(contact_id.0);
                entry.detail = serde_json::json!({ "contact_on": contact_on.to_string(), "form": new.form.code() });
                audit::append(tx, &entry).await?;
                let contact = store::contact(tx, id, contact_id).await?.ok_or(AppError::NotFound("contact"))?;
                Ok(contact)
            })
        })
        .await
}

/// The contact moments of a case, most recent first: logged as a read of the file.
pub async fn contacts(app: &App, actor: &Actor, id: CaseId) -> Result<Vec<Contact>> {
    let now = app.now();
    let (mut tx, case) = load(app, app.db.begin_read().await?, actor, id, Action::ReadCase).await?;
    let list = store::contacts(&mut tx, id).await?;
    drop(tx);
    let mut entry = case_entry(actor, now, AuditAction::ContactList, &case);
    entry.object_type = "contact";
    audit::log(&app.db, entry).await?;
    Ok(list)
}

/// Whose cases a worklist shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The cases the actor carries, plus new referrals nobody carries yet.
    Mine,
    /// Every case of the actor's teams.
    Team,
}

#[derive(Debug, Default, Deserialize)]
pub struct WorklistInput {
    /// Only this team (one of the actor's).
    pub team_id: Option<i64>,
    /// Only this status.
    pub status: Option<String>,
    /// `mine` or `team`; by default a family worker sees their own, a team manager the team's.
    pub scope: Option<String>,
}

/// One part of the worklist: its cases (at most `WORKLIST_SECTION` of them) and how many there are.
#[derive(Debug, Clone)]
pub struct Section {
    pub status: CaseStatus,
    pub items: Vec<CaseView>,
    pub total: i64,
}

pub struct Worklist {
    pub scope: Scope,
    pub sections: Vec<Section>,
    /// Names of the staff of the actor's teams, to show who carries a case.
    pub staff: Vec<(UserId, String)>,
    /// The actor's teams (read in the same transaction, for names and the team filter).
    pub teams: Vec<buurtteam_store::organisation::Team>,
}

/// The most cases one worklist section shows.
pub const WORKLIST_SECTION: i64 = 50;

/// The worklist of the pages: new referrals (intake countdown), intakes held whose support
/// must start, and cases in support most recently active first. One audit row.
pub async fn worklist(app: &App, actor: &Actor, input: &WorklistInput) -> Result<Worklist> {
    authorise(app, actor, Relation::NoRecord, Action::ListCases, Attempt::new(Refused::Case, "case")).await?;
    let mut errors = Errors::default();
    let scope = match input.scope.as_deref().map(str::trim) {
        None | Some("") => {
            if actor.role == Role::TeamManager {
                Scope::Team
            } else {
                Scope::Mine
            }
        }
        Some("mine") => Scope::Mine,
        Some("team") => Scope::Team,
        Some(_) => {
            errors.add("scope", "one of: mine, team");
            Scope::Mine
        }
    };
    let only = match input.status.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => match CaseStatus::parse(s).filter(|s| *s != CaseStatus::Closed) {
            Some(st) => Some(st),
            None => {
                errors.add("status", "one of: referred, intake_held, in_support");
                None
            }
        },
    };
    let team_id = input.team_id.map(TeamId);
    if let Some(t) = team_id
        && !actor.team_ids.contains(&t)
    {
        errors.add("team_id", "is not one of your teams").code("not_your_team");
    }
    errors.finish()?;
    let now = app.now();
    let worker = (scope == Scope::Mine).then_some(actor.user_id);
    let mut tx = app.db.begin_read().await?;
    let mut sections = Vec::new();
    for (status, order) in [
        (CaseStatus::Referred, ListOrder::Due),
        (CaseStatus::IntakeHeld, ListOrder::Due),
        (CaseStatus::InSupport, ListOrder::RecentlyActive),
    ] {
        if only.is_some_and(|o| o != status) {
            continue;
        }
        let query = ListQuery {
            member: actor.user_id,
            team_id,
            status: StatusFilter::Only(status),
            worker,
            order,
            limit: WORKLIST_SECTION,
            offset: 0,
        };
        let (cases, total) = store::list_without_children(&mut tx, &query).await?;
        sections.push((status, cases, total));
    }
    // Clients and life domains for all sections in one go.
    let lengths: Vec<usize> = sections.iter().map(|(_, cases, _)| cases.len()).collect();
    let mut all: Vec<Case> = sections.iter_mut().flat_map(|(_, cases, _)| std::mem::take(cases)).collect();
    store::attach_children(&mut tx, &mut all).await?;
    let mut all = all.into_iter();
    for ((_, cases, _), n) in sections.iter_mut().zip(lengths) {
        cases.extend(all.by_ref().take(n));
    }
    let mut staff = Vec::new();
    let mut teams = Vec::new();
    for team in &actor.team_ids {
        staff.extend(organisation::team_staff(&mut tx, *team).await?.into_iter().map(|(id, name, _)| (id, name)));
        teams.extend(organisation::get_team(&mut tx, *team).await?);
    }
    let calendar = app.calendar(&mut tx).await?;
    drop(tx);
    let mut entry = audit_entry(Some(actor), now, AuditAction::CaseList, "case");
    entry.detail = serde_json::json!({
        "view": "worklist", "scope": if scope == Scope::Mine { "mine" } else { "team" },
        "team_id": input.team_id, "status": input.status,
        "case_ids": sections.iter().flat_map(|(_, c, _)| c.iter().map(|c| c.id.0)).collect::<Vec<_>>(),
    });
    audit::log(&app.db, entry).await?;
    let today = app.today();
    let sections = sections
        .into_iter()
        .map(|(status, cases, total)| Section {
            status,
            items: cases.into_iter().map(|c| CaseView::new(c, &calendar, today)).collect(),
            total,
        })
        .collect();
    Ok(Worklist { scope, sections, staff, teams })
}

/// The waiting list of a team: referred, no intake yet, longest waiting first.
pub async fn waiting_list(app: &App, actor: &Actor, team: TeamId) -> Result<Vec<CaseView>> {
    authorise(app, actor, Relation::NoRecord, Action::ListCases, Attempt::new(Refused::Case, "case")).await?;
    let now = app.now();
    let mut tx = app.db.begin_read().await?;
    // A team that does not exist is refused as another team's list: the same 404, logged.
    let exists = organisation::get_team(&mut tx, team).await?.is_some();
    let relation = if exists { policy::relation_to_team(actor, team) } else { Relation::OtherTeam };
    let attempt = Attempt::new(Refused::Team, "team").on(team.0).with("view", "waiting_list").with("exists", exists);
    authorise(app, actor, relation, Action::ReadCase, attempt).await?;
    let query = ListQuery {
        member: actor.user_id,
        team_id: Some(team),
        status: StatusFilter::Only(CaseStatus::Referred),
        worker: None,
        order: ListOrder::Oldest,
        limit: 1000,
        offset: 0,
    };
    let (cases, _) = store::list(&mut tx, &query).await?;
    let calendar = app.calendar(&mut tx).await?;
    drop(tx);
    let mut entry = audit_entry(Some(actor), now, AuditAction::CaseList, "case");
    entry.detail = serde_json::json!({
        "view": "waiting_list", "team_id": team, "case_ids": cases.iter().map(|c| c.id.0).collect::<Vec<_>>(),
    });
    audit::log(&app.db, entry).await?;
    let today = app.today();
    Ok(cases.into_iter().map(|c| CaseView::new(c, &calendar, today)).collect())
}

/// Everything the family file shows, read at once and logged as one read.
pub struct CaseFile {
    pub view: CaseView,
    pub household: households::Household,
    pub contacts: Vec<Contact>,
    pub team: buurtteam_store::organisation::Team,
    /// The team's family workers and managers: who may hold the intake, and names to show.
    pub staff: Vec<(UserId, String, Role)>,
}

/// Opens the family file: the case, its household, contacts and team, in one read
/// transaction, logged as one `case.read`.
pub async fn file(app: &App, actor: &Actor, id: CaseId) -> Result<CaseFile> {
    let now = app.now();
    let (mut tx, case) = load(app, app.db.begin_read().await?, actor, id, Action::ReadCase).await?;
    let household = households::get(&mut tx, case.household_id).await?.ok_or(AppError::NotFound("household"))?;
    let contacts = store::contacts(&mut tx, id).await?;
    let team = organisation::get_team(&mut tx, case.team_id).await?.ok_or(AppError::NotFound("team"))?;
    let staff = organisation::team_staff(&mut tx, case.team_id).await?;
    let calendar = app.calendar(&mut tx).await?;
    drop(tx);
    let mut entry = case_entry(actor, now, AuditAction::CaseRead, &case);
    entry.detail = serde_json::json!({ "view": "file" });
    audit::log(&app.db, entry).await?;
    Ok(CaseFile { view: CaseView::new(case, &calendar, app.today()), household, contacts, team, staff })
}
