//! Steering KPIs, defined once: pure functions over small, plain rows that the store
//! aggregates in the database (counts per day-count, per code, per team). No I/O here.
//! `docs/kpi.md` documents every figure with its numerator, denominator, unit, exclusions
//! and a worked example; the tests below work the same examples out by hand.
//!
//! A figure over a period counts the events whose date falls in the period (referrals by
//! `referred_on`, intakes by `intake_held_on`, starts by `started_on`, closures by
//! `closed_on`). Stock figures (active cases, the waiting list) are taken as of the
//! period's last day.
//!
//! Small counts can be suppressed ([`suppress`]) for readers who may only see aggregates
//! safe to share: every count below [`SUPPRESS_BELOW`] becomes `"<5"`, and secondary
//! suppression makes sure no suppressed figure can be computed back from the others.

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Serialize, Serializer};

use crate::case::{START_NORM_DAYS, START_NORM_LONG_DAYS};
use crate::codes::{ClosureDetail, ClosureReason, ContactForm, LifeDomain, ReferralSource};
use crate::ids::{DistrictId, TeamId, UserId};

pub mod absence;
mod compute;
pub mod groups;
pub mod nesting;
pub mod onward;
pub mod partners;
mod suppression;

pub use compute::*;
pub use nesting::{calendar_kind, months_of, nest};
pub use suppression::suppress;
pub(crate) use suppression::{hide_shares, primary, ratio_rule, secondary};

/// Counts below this are suppressed for readers who see aggregates only.
pub const SUPPRESS_BELOW: u64 = 5;
/// What a suppressed figure shows instead of its value.
pub const SUPPRESSED: &str = "<5";
/// What a figure of 5 or more shows when it is hidden only to protect another figure
/// (secondary suppression): "<5" would be false for it.
pub const PROTECTED: &str = "protected";

/// Calendar days from `a` to `b` (negative when `b` is before `a`).
pub fn days_between(a: Date, b: Date) -> i64 {
    i64::from((b - a).get_days())
}

/// The reporting period: both days included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

impl Period {
    /// `None` when `from` lies after `to`.
    pub fn new(from: Date, to: Date) -> Option<Self> {
        (from <= to).then_some(Self { from, to })
    }

    /// The number of days in the period, both ends included.
    pub fn days(&self) -> i64 {
        days_between(self.from, self.to) + 1
    }

    /// The period of equal length that ends the day before this one starts.
    pub fn previous(&self) -> Self {
        let to = self.from.yesterday().unwrap_or(self.from);
        let from = to.checked_sub((self.days() - 1).days()).unwrap_or(to);
        Self { from, to }
    }
}

/// The calendar periods the dashboards report over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    Month,
    Quarter,
    HalfYear,
    Year,
}

impl PeriodKind {
    pub const ALL: &'static [Self] = &[Self::Month, Self::Quarter, Self::HalfYear, Self::Year];

    pub fn code(self) -> &'static str {
        match self {
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::HalfYear => "half",
            Self::Year => "year",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.code() == s)
    }

    fn months(self) -> i8 {
        match self {
            Self::Month => 1,
            Self::Quarter => 3,
            Self::HalfYear => 6,
            Self::Year => 12,
        }
    }

    /// The period of this kind that contains `day`: its month, quarter (January, April, July,
    /// October), half year (January, July) or year.
    pub fn containing(self, day: Date) -> Period {
        let n = self.months();
        let first_month = (day.month() - 1) / n * n + 1;
        let from = Date::new(day.year(), first_month, 1).unwrap_or(day);
        let to = from.checked_add(i32::from(n).months()).ok().and_then(|d| d.yesterday().ok()).unwrap_or(from);
        Period { from, to }
    }

    /// The period of this kind just before the one containing `day`.
    pub fn before(self, day: Date) -> Period {
        let this = self.containing(day);
        self.containing(this.from.yesterday().unwrap_or(this.from))
    }
}

/// A figure as shown: its value, or suppressed because it is too small to share, or
/// protected: hidden only so that a suppressed figure cannot be computed back.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shown<T> {
    Value(T),
    /// Primary suppression: a count below 5, or a figure over fewer than 5 cases (`"<5"`).
    Suppressed,
    /// Secondary suppression: not small itself, hidden to protect another (`"protected"`).
    Protected,
}

impl<T: Serialize> Serialize for Shown<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Value(v) => v.serialize(s),
            Self::Suppressed => s.serialize_str(SUPPRESSED),
            Self::Protected => s.serialize_str(PROTECTED),
        }
    }
}

impl<T: Copy> Shown<T> {
    pub fn value(&self) -> Option<T> {
        match self {
            Self::Value(v) => Some(*v),
            Self::Suppressed | Self::Protected => None,
        }
    }

    /// Hidden, whether small itself or protecting another figure.
    pub fn is_suppressed(&self) -> bool {
        matches!(self, Self::Suppressed | Self::Protected)
    }

    /// Hidden only to protect another figure.
    pub fn is_protected(&self) -> bool {
        matches!(self, Self::Protected)
    }

    /// The same marker for a figure of another type (a share hidden with its cell).
    pub fn marker<U>(&self) -> Option<Shown<U>> {
        match self {
            Self::Value(_) => None,
            Self::Suppressed => Some(Shown::Suppressed),
            Self::Protected => Some(Shown::Protected),
        }
    }
}

/// A count of cases, households or contacts.
pub type Count = Shown<u64>;
/// A percentage (0-100, one decimal) or a statistic in days; `null` when there is nothing
/// to compute it over.
pub type Stat = Shown<Option<f64>>;

/// `part / whole` as a percentage rounded to one decimal; `None` when `whole` is zero.
pub fn pct(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| round1(part as f64 * 100.0 / whole as f64))
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

// ---------------------------------------------------------------------------------------
// Input rows: what the store's aggregate queries return.
// ---------------------------------------------------------------------------------------

/// Intakes held in the period, grouped by their day counts and whether a later intake was
/// requested.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntakeRow {
    /// Calendar days from the referral to the intake.
    pub days: i64,
    /// Calendar days from the referral to its intake deadline (`intake_due_on`, the 5th
    /// working day by the organisation's calendar, stored with the case).
    pub due_days: i64,
    /// The referrer or the family asked for an intake later than the norm.
    pub requested_later: bool,
    pub count: u64,
}

impl IntakeRow {
    /// One case's intake, from its dates.
    pub fn of_case(referred_on: Date, intake_due_on: Date, held_on: Date, requested_later: bool) -> Self {
        Self {
            days: days_between(referred_on, held_on),
            due_days: days_between(referred_on, intake_due_on),
            requested_later,
            count: 1,
        }
    }

    /// The case's rule: the intake is on time when held on or before its due date.
    pub fn on_time(&self) -> bool {
        self.days <= self.due_days
    }
}

/// A histogram bar: `count` cases with a day count of `days`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DaysRow {
    pub days: i64,
    pub count: u64,
}

/// Closures in the period by reason, detail and duration (referral to closure, days).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClosureRow {
    pub reason: ClosureReason,
    pub detail: Option<ClosureDetail>,
    pub days: i64,
    pub count: u64,
}

/// Referrals in the period by team, the household's district and source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReferralRow {
    pub team_id: TeamId,
    pub district_id: DistrictId,
    pub source: ReferralSource,
    pub count: u64,
}

/// Residents of a district, from the imported population file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Population {
    pub district_id: DistrictId,
    pub reference_date: Date,
    pub residents: u64,
    /// Only when the file has the column; never estimated.
    pub residents_0_17: Option<u64>,
}

/// Everything the KPIs of one period are computed from.
#[derive(Debug, Clone)]
pub struct Inputs {
    pub period: Period,
    /// Intakes held in the period.
    pub intakes: Vec<IntakeRow>,
    /// Starts of support in the period: days from the intake to the start.
    pub starts: Vec<DaysRow>,
    /// Waiting at the period's end (referred, no intake, not closed): days since the referral.
    pub waiting: Vec<DaysRow>,
    /// Active at the period's end (referred, not closed): days since the referral.
    pub active: Vec<DaysRow>,
    pub closures: Vec<ClosureRow>,
    pub referrals: Vec<ReferralRow>,
    /// Referrals in the period naming each life domain.
    pub life_domains: Vec<(LifeDomain, u64)>,
    /// Referrals in the period submitted by a partner organisation's account, by its kind.
    pub partner_referrals: Vec<(crate::partners::PartnerKind, u64)>,
    /// Contacts in the period, by form.
    pub contacts: Vec<(ContactForm, u64)>,
    /// Cases with their intake held and not closed at the period's end, per family worker.
    pub caseload: Vec<(UserId, u64)>,
    /// Households with a case open at any time in the period, per district they live in.
    pub reach: Vec<(DistrictId, u64)>,
    /// The population figures to relate reach to (the latest per district).
    pub populations: Vec<Population>,
    /// Names of the teams and districts, for the breakdowns.
    pub teams: Vec<(TeamId, String)>,
    pub districts: Vec<(DistrictId, String)>,
    /// The rows of the group figures (issue 19).
    pub groups: groups::GroupInputs,
    /// Onward referrals made in the period and closures with one (decision 0040).
    pub onward: onward::OnwardInputs,
    /// The rows of the absence and capacity figures (issue 20).
    pub absence: absence::AbsenceInputs,
    /// The GP practices and VE locations of the scope (issue 15).
    pub partners: partners::PartnerInputs,
}

// ---------------------------------------------------------------------------------------
// The report.
// ---------------------------------------------------------------------------------------

/// A key of a breakdown: a code, or the id of a team or district.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Key {
    Id(i64),
    Code(&'static str),
}

/// One cell of a breakdown, with its share of the breakdown's total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub key: Key,
    pub label: String,
    pub count: Count,
    /// `count` as a percentage of the total the breakdown is of.
    pub pct: Stat,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClosuresByReason {
    pub result_achieved: Count,
    pub external_circumstances: Count,
    pub other: Count,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Caseload {
    /// Family workers with at least one case (intake held, not closed) at the period's end.
    pub family_workers: u64,
    pub cases: Count,
    pub mean: Stat,
    pub median: Stat,
    pub max: Stat,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reach {
    pub district_id: i64,
    pub name: String,
    /// Households with a case open at any time in the period.
    pub households: Count,
    pub residents: Option<u64>,
    pub per_1000_residents: Stat,
    pub residents_0_17: Option<u64>,
    pub per_1000_residents_0_17: Stat,
    /// The date of the population figures used.
    pub population_reference_date: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub from: Date,
    pub to: Date,
    /// Inflow: referrals in the period.
    pub referrals: Count,
    pub referrals_by_source: Vec<Item>,
    pub referrals_by_team: Vec<Item>,
    /// By the district the household lives in.
    pub referrals_by_district: Vec<Item>,
    /// Share of the period's referrals naming each life domain (a referral may name several).
    pub referrals_by_life_domain: Vec<Item>,
    /// Referrals submitted by partner accounts (issue 15, decision 0041), by the partner's
    /// kind; the share is of all the period's referrals.
    pub referrals_by_partner_kind: Vec<Item>,
    pub intakes_held: Count,
    pub intake_within_5_working_days_pct: Stat,
    pub intake_within_5_working_days_pct_excl_requested: Stat,
    pub intake_mean_days: Stat,
    pub intake_median_days: Stat,
    pub starts: Count,
    pub start_within_2_weeks_pct: Stat,
    pub start_within_4_weeks_pct: Stat,
    /// Referred, no intake and not closed at the period's end.
    pub waiting_list: Count,
    pub waiting_mean_days: Stat,
    pub waiting_median_days: Stat,
    pub waiting_longest_days: Stat,
    pub waiting_by_days: Vec<Item>,
    /// Active (referred, not closed) the day before the period starts.
    pub active_at_start: Count,
    /// Active at the period's end.
    pub active_cases: Count,
    /// Active at the period's end and referred more than 12 months before it.
    pub long_running_cases: Count,
    pub caseload: Caseload,
    /// Outflow: closures in the period.
    pub closures: Count,
    pub closures_by_reason: ClosuresByReason,
    pub closures_by_detail: Vec<Item>,
    /// Closures in the period by the duration of the case (referral to closure).
    pub case_duration: Vec<Item>,
    pub case_duration_median_days: Stat,
    pub contacts: Count,
    pub contact_forms: Vec<Item>,
    pub households_reached: Count,
    pub reach: Vec<Reach>,
    /// Participants of groups (not on a waiting list) during the period (docs/kpi.md).
    pub group_participants: Count,
    /// Share of the active cases at the period's end in which group support was considered.
    pub group_support_considered_pct: Stat,
    /// The other group figures: used, reasons, attendance, offers, collective activities.
    pub groups: groups::GroupsReport,
    /// Onward referrals (inzet aanvullende hulp): by kind, by district, the closures with one.
    pub onward_referrals: onward::OnwardReport,
    /// Staff absence and caseload per FTE (decision 0036): `absence_pct`,
    /// `absence_target_pct`, `caseload_per_fte`, … and `absence_by_month`; left out (`None`)
    /// for a reader the absence policy does not let read the figures of the scope.
    #[serde(flatten)]
    pub absence: Option<absence::AbsenceReport>,
    /// GP practices by collaboration status against the target, and VE locations with a
    /// linked worker (issue 15): organisations, never suppressed.
    #[serde(flatten)]
    pub partners: partners::PartnersReport,
    /// Whether small counts were suppressed in this report.
    pub small_counts_suppressed: bool,
    /// The numerators behind the percentages, which suppression needs and the report does not show.
    #[serde(skip)]
    pub basis: Basis,
}

/// Numerators of the percentages, kept beside the report for [`suppress`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Basis {
    pub intakes_on_time: u64,
    pub intakes_excl_requested: u64,
    pub intakes_on_time_excl_requested: u64,
    pub starts_within_2_weeks: u64,
    pub starts_within_4_weeks: u64,
}

impl Inputs {
    /// No rows at all: every count zero, every percentage and statistic `null`.
    pub fn empty(period: Period) -> Self {
        Self {
            period,
            intakes: Vec::new(),
            starts: Vec::new(),
            waiting: Vec::new(),
            active: Vec::new(),
            closures: Vec::new(),
            referrals: Vec::new(),
            life_domains: Vec::new(),
            partner_referrals: Vec::new(),
            contacts: Vec::new(),
            caseload: Vec::new(),
            reach: Vec::new(),
            populations: Vec::new(),
            teams: Vec::new(),
            districts: Vec::new(),
            groups: groups::GroupInputs::default(),
            onward: onward::OnwardInputs::default(),
            absence: absence::AbsenceInputs::default(),
            partners: partners::PartnerInputs::default(),
        }
    }
}

#[cfg(test)]
mod tests;
