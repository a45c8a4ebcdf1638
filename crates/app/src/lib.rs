//! The use cases of buurtteam. Every action the API, the pages or the CLI can take goes
//! through here: authorise with the policy, check the domain rules, write through the
//! store, and append the audit row in the same transaction.

pub mod absence;
pub mod absence_figures;
pub mod accounts;
pub mod activation;
pub mod auth;
pub mod cases;
pub mod cbs;
pub mod clock;
pub mod collective;
pub mod complaints;
pub(crate) mod context;
pub mod districts;
pub mod error;
pub mod groups;
pub mod households;
pub mod idempotency;
pub mod input;
pub mod jobs;
pub mod knowledge;
pub mod kpis;
pub mod onward_referrals;
pub mod organisation;
pub mod outreach;
pub mod outreach_attempts;
pub mod outreach_steering;
pub mod partner_referrals;
pub mod partners;
pub mod plan;
pub mod privacy;
pub mod processing;
pub mod reference;
pub mod refusals;
pub mod repair;
pub mod secrets;
pub mod sso;
pub mod survey;
pub mod survey_results;

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::calendar::{HolidayRules, WorkingDayCalendar};
use buurtteam_domain::policy::{self, Action, Actor, Decision, Relation};
use buurtteam_store::{Db, Tx, audit};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

pub use error::AppError;

pub type Result<T> = std::result::Result<T, AppError>;

/// Settings that change behaviour, from the configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Which holidays are days off (Good Friday, Liberation Day).
    pub holiday_rules: HolidayRules,
    /// A session ends after this long without a request.
    pub session_idle: SignedDuration,
    /// A session ends this long after log-in, however active.
    pub session_absolute: SignedDuration,
    /// The organisation's time zone: "today" for deadlines is a date there.
    pub time_zone: TimeZone,
    /// This many failed log-ins in a row lock an account for the client address they came
    /// from (an unknown e-mail address is counted the same way) ...
    pub lock_after_failures: i32,
    /// ... and this many from all addresses together lock it for every address ...
    pub lock_after_failures_all_addresses: i32,
    /// ... for this long.
    pub lock_duration: SignedDuration,
    /// At most this many failed log-ins per client address per `lock_duration`.
    pub failures_per_address: u32,
    /// Failed portal activations in a row with one code, and from one address, after which
    /// further attempts are held off for `activation_window` ...
    pub activation_failures_per_code: i32,
    pub activation_failures_per_address: i32,
    /// ... and how long a failure counts: a quiet spell this long forgets the count.
    pub activation_window: SignedDuration,
    /// Roles that must use the TOTP second factor.
    pub second_factor_roles: Vec<buurtteam_domain::codes::Role>,
    /// The organisation's target share (percent) of intakes within 5 working days, drawn on
    /// the dashboards. The seeds set the 5-day norm but name no percentage.
    pub intake_target_pct: f64,
    /// The organisation's sickness absence target (percent), reported beside the absence
    /// figures (decision 0036; the seeds: 7% in 2024).
    pub absence_target_pct: f64,
    /// The target share (percent) of GP practices working with the team, beside the GP
    /// figures (issue 15; the seeds: 60% by the end of 2021).
    pub gp_target_pct: f64,
    /// Hours per week of one FTE, for caseload per FTE (decision 0036; 36 by default).
    pub fte_hours: f64,
    /// A case in support with no contact for this many weeks shows on the worklist as silent
    /// ("stil dossier").
    pub silent_after_weeks: u32,
    /// How long an emergency access (break the glass, decision 0023) lasts, in hours.
    pub emergency_access_hours: u32,
    /// A closed file is kept this many years after its last change, then destroyed (decision
    /// 0024; Jeugdwet art. 7.3.8: 20), unless a legal hold keeps it longer.
    pub retention_years: u16,
    /// The experience survey is sent this many months after the start of support (issue 17).
    pub survey_after_months: u32,
    /// An address never reached becomes unreachable after this many fruitless attempts (not
    /// home, no answer, wrong number; decision 0034).
    pub outreach_unreachable_after: u32,
    /// Signal data of people who did not become clients are destroyed this many months after
    /// the last signal (decision 0034).
    pub outreach_retention_months: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            holiday_rules: HolidayRules::default(),
            session_idle: SignedDuration::from_mins(60),
            session_absolute: SignedDuration::from_hours(12),
            time_zone: TimeZone::get("Europe/Amsterdam").unwrap_or(TimeZone::UTC),
            lock_after_failures: 5,
            lock_after_failures_all_addresses: 50,
            lock_duration: SignedDuration::from_mins(15),
            failures_per_address: 30,
            activation_failures_per_code: 10,
            activation_failures_per_address: 20,
            activation_window: SignedDuration::from_hours(1),
            second_factor_roles: Vec::new(),
            intake_target_pct: 90.0,
            absence_target_pct: buurtteam_domain::absence::DEFAULT_TARGET_PCT,
            gp_target_pct: buurtteam_domain::kpi::partners::DEFAULT_GP_TARGET_PCT,
            fte_hours: buurtteam_domain::absence::DEFAULT_FTE_HOURS,
            silent_after_weeks: 6,
            emergency_access_hours: buurtteam_domain::emergency::DEFAULT_HOURS,
            retention_years: buurtteam_domain::retention::DEFAULT_RETENTION_YEARS,
            survey_after_months: buurtteam_domain::survey::DEFAULT_AFTER_MONTHS,
            outreach_unreachable_after: buurtteam_domain::outreach_funnel::DEFAULT_UNREACHABLE_AFTER,
            outreach_retention_months: buurtteam_domain::outreach_funnel::DEFAULT_RETENTION_MONTHS,
        }
    }
}

/// The application: the database plus settings. Cheap to clone.
#[derive(Clone, Debug)]
pub struct App {
    pub db: Db,
    pub settings: Settings,
    /// Failed log-ins per client address (this node only; the per-account lock is in the database).
    pub throttle: std::sync::Arc<auth::Throttle>,
    /// Where "now" comes from; tests move it forward or stop it.
    pub clock: clock::Clock,
    /// This node's copy of the organisation's own code-list labels (`reference::Labels`).
    /// One per application, kept for the life of the process (pages' translators hold it
    /// as a plain reference).
    pub labels: &'static reference::Labels,
    /// Single sign-on: the configured OpenID providers (none by default).
    pub sso: std::sync::Arc<sso::Sso>,
    /// The keys of the secrets stored encrypted (decision 0026; none by default).
    pub secrets: std::sync::Arc<secrets::Keyring>,
}

impl App {
    pub fn new(db: Db, settings: Settings) -> Self {
        let labels = Box::leak(Box::default());
        Self {
            db,
            settings,
            throttle: Default::default(),
            clock: clock::Clock::default(),
            labels,
            sso: Default::default(),
            secrets: Default::default(),
        }
    }

    /// The application with these keys for the secrets it stores.
    pub fn with_secrets(mut self, keys: secrets::Keyring) -> Self {
        self.secrets = std::sync::Arc::new(keys);
        self
    }

    /// The application with these single sign-on providers.
    pub fn with_sso(mut self, config: sso::SsoConfig) -> Self {
        self.sso = std::sync::Arc::new(sso::Sso::new(config));
        self
    }

    /// Now, by the application's clock: every use case asks here, never the system clock.
    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    /// Today's date in the organisation's time zone.
    pub fn today(&self) -> Date {
        self.now().to_zoned(self.settings.time_zone.clone()).date()
    }

    /// The working-day calendar: the configured holiday rules plus the closure days stored
    /// in the database (read within `tx`, so every node of a cluster agrees).
    pub async fn calendar(&self, tx: &mut Tx) -> Result<WorkingDayCalendar> {
        let days = buurtteam_store::organisation::list_closure_days(tx).await?;
        Ok(WorkingDayCalendar::new(self.settings.holiday_rules, days.into_iter().map(|(d, _)| d)))
    }
}

/// Asks the policy; a refusal becomes 403, or 404 where even existence is confidential, and
/// is logged as `attempt` (`<kind>.access_refused`) before it is returned.
pub(crate) async fn authorise(
    app: &App,
    actor: &Actor,
    relation: Relation,
    action: Action,
    attempt: refusals::Attempt,
) -> Result<()> {
    let refusal = match policy::decide(actor.role, relation, action) {
        Decision::Allow => return Ok(()),
        Decision::Deny => AppError::Forbidden(format!("your role may not {}", action.code().replace('_', " "))),
        Decision::Hidden => AppError::NotFound(attempt.what()),
    };
    let attempt = attempt.with("attempted", action.code());
    Err(refusals::refuse(app, Some(actor), attempt, refusal).await)
}

/// An audit entry by `actor` (the helper all use cases share).
pub(crate) fn audit_entry(
    actor: Option<&Actor>,
    now: Timestamp,
    action: AuditAction,
    object_type: &'static str,
) -> audit::Entry {
    audit::Entry {
        occurred_at: now,
        actor: actor.map(|a| (a.user_id, a.role)),
        action,
        object_type,
        object_id: None,
        case_id: None,
        household_id: None,
        client_id: None,
        acting_for: None,
        goal_id: None,
        session_ref: actor.and_then(|a| a.session_ref.clone()),
        detail: serde_json::Value::Null,
    }
}
