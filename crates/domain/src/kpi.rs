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

/// Counts below this are suppressed for readers who see aggregates only.
pub const SUPPRESS_BELOW: u64 = 5;
/// What a suppressed figure shows instead of its value.
pub const SUPPRESSED: &str = "<5";

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

/// A figure as shown: its value, or suppressed because it is too small to share.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shown<T> {
    Value(T),
    Suppressed,
}

impl<T: Serialize> Serialize for Shown<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Value(v) => v.serialize(s),
            Self::Suppressed => s.serialize_str(SUPPRESSED),
        }
    }
}

impl<T: Copy> Shown<T> {
    pub fn value(&self) -> Option<T> {
        match self {
            Self::Value(v) => Some(*v),
            Self::Suppressed => None,
        }
    }

    pub fn is_suppressed(&self) -> bool {
        matches!(self, Self::Suppressed)
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

// ---------------------------------------------------------------------------------------
// The KPI functions.
// ---------------------------------------------------------------------------------------

/// Timeliness of the intakes held in the period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IntakeKpis {
    pub held: u64,
    pub on_time: u64,
    /// Intakes without a later intake requested by referrer or family.
    pub held_excl_requested: u64,
    pub on_time_excl_requested: u64,
    pub on_time_pct: Option<f64>,
    pub on_time_pct_excl_requested: Option<f64>,
    pub mean_days: Option<f64>,
    pub median_days: Option<f64>,
}

pub fn intakes(rows: &[IntakeRow]) -> IntakeKpis {
    let sum = |f: &dyn Fn(&IntakeRow) -> bool| rows.iter().filter(|r| f(r)).map(|r| r.count).sum::<u64>();
    let held = sum(&|_| true);
    let on_time = sum(&|r| r.on_time());
    let held_excl_requested = sum(&|r| !r.requested_later);
    let on_time_excl_requested = sum(&|r| !r.requested_later && r.on_time());
    let days: Vec<DaysRow> = rows.iter().map(|r| DaysRow { days: r.days, count: r.count }).collect();
    IntakeKpis {
        held,
        on_time,
        held_excl_requested,
        on_time_excl_requested,
        on_time_pct: pct(on_time, held),
        on_time_pct_excl_requested: pct(on_time_excl_requested, held_excl_requested),
        mean_days: mean(&days),
        median_days: median(&days),
    }
}

/// Starts of support in the period and how soon after the intake they came.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StartKpis {
    pub starts: u64,
    pub within_2_weeks: u64,
    pub within_4_weeks: u64,
    pub within_2_weeks_pct: Option<f64>,
    pub within_4_weeks_pct: Option<f64>,
}

pub fn starts(rows: &[DaysRow]) -> StartKpis {
    let starts = total(rows);
    let within_2_weeks = rows.iter().filter(|r| r.days <= START_NORM_DAYS).map(|r| r.count).sum();
    let within_4_weeks = rows.iter().filter(|r| r.days <= START_NORM_LONG_DAYS).map(|r| r.count).sum();
    StartKpis {
        starts,
        within_2_weeks,
        within_4_weeks,
        within_2_weeks_pct: pct(within_2_weeks, starts),
        within_4_weeks_pct: pct(within_4_weeks, starts),
    }
}

/// The sum of the counts of a histogram.
pub fn total(rows: &[DaysRow]) -> u64 {
    rows.iter().map(|r| r.count).sum()
}

/// The mean day count, one decimal; `None` for an empty histogram.
pub fn mean(rows: &[DaysRow]) -> Option<f64> {
    let n = total(rows);
    let sum: i64 = rows.iter().map(|r| r.days * r.count as i64).sum();
    (n > 0).then(|| round1(sum as f64 / n as f64))
}

/// The median day count: the middle value, or the mean of the two middle values for an even
/// number of cases; `None` for an empty histogram. Rows may repeat a day count.
pub fn median(rows: &[DaysRow]) -> Option<f64> {
    let mut bars: BTreeMap<i64, u64> = BTreeMap::new();
    for r in rows {
        *bars.entry(r.days).or_default() += r.count;
    }
    let n = total(rows);
    if n == 0 {
        return None;
    }
    // The 0-based ranks of the middle value(s).
    let (lo, hi) = ((n - 1) / 2, n / 2);
    let mut seen = 0;
    let (mut lo_v, mut hi_v) = (None, None);
    for (days, count) in bars {
        let next = seen + count;
        if lo_v.is_none() && lo < next {
            lo_v = Some(days);
        }
        if hi < next {
            hi_v = Some(days);
            break;
        }
        seen = next;
    }
    Some(round1((lo_v? + hi_v?) as f64 / 2.0))
}

/// The largest day count with cases.
pub fn max(rows: &[DaysRow]) -> Option<f64> {
    rows.iter().filter(|r| r.count > 0).map(|r| r.days).max().map(|d| d as f64)
}

/// Bars of a histogram summed into labelled ranges of days `[lo, hi]` (`hi` `None`: and more).
fn buckets(rows: &[DaysRow], ranges: &[(&'static str, &str, i64, Option<i64>)]) -> Vec<(Key, String, u64)> {
    ranges
        .iter()
        .map(|(code, label, lo, hi)| {
            let n = rows.iter().filter(|r| r.days >= *lo && hi.is_none_or(|h| r.days <= h)).map(|r| r.count).sum();
            (Key::Code(code), (*label).to_owned(), n)
        })
        .collect()
}

/// Waiting-time ranges of the waiting list, in calendar days since the referral.
pub const WAITING_RANGES: &[(&str, &str, i64, Option<i64>)] = &[
    ("0_7_days", "0-7 dagen", 0, Some(7)),
    ("8_14_days", "8-14 dagen", 8, Some(14)),
    ("15_28_days", "15-28 dagen", 15, Some(28)),
    ("over_28_days", "meer dan 28 dagen", 29, None),
];

/// Duration ranges of closed cases, in calendar days from referral to closure.
pub const DURATION_RANGES: &[(&str, &str, i64, Option<i64>)] = &[
    ("up_to_3_months", "tot 3 maanden (0-91 dagen)", 0, Some(91)),
    ("3_to_6_months", "3-6 maanden (92-182 dagen)", 92, Some(182)),
    ("6_to_12_months", "6-12 maanden (183-365 dagen)", 183, Some(365)),
    ("over_12_months", "meer dan 12 maanden (366+ dagen)", 366, None),
];

/// Cases active at `as_of` that were referred more than 12 calendar months before it, from
/// the histogram of their days since referral.
pub fn long_running(active: &[DaysRow], as_of: Date) -> u64 {
    let year_before = as_of.checked_sub(1.year()).unwrap_or(as_of);
    let cutoff = days_between(year_before, as_of);
    active.iter().filter(|r| r.days > cutoff).map(|r| r.count).sum()
}

/// Caseload per family worker: the counts of the workers that have cases.
pub fn caseload(rows: &[(UserId, u64)]) -> Caseload {
    let mut per_worker: BTreeMap<UserId, u64> = BTreeMap::new();
    for (w, n) in rows {
        *per_worker.entry(*w).or_default() += n;
    }
    per_worker.retain(|_, n| *n > 0);
    let loads: Vec<DaysRow> = per_worker.values().map(|n| DaysRow { days: *n as i64, count: 1 }).collect();
    Caseload {
        family_workers: per_worker.len() as u64,
        cases: Shown::Value(per_worker.values().sum()),
        mean: Shown::Value(mean(&loads)),
        median: Shown::Value(median(&loads)),
        max: Shown::Value(max(&loads)),
    }
}

fn item(key: Key, label: String, count: u64, whole: u64) -> Item {
    Item { key, label, count: Shown::Value(count), pct: Shown::Value(pct(count, whole)) }
}

/// A breakdown over every code of a list (zeros included, so the cells add up to the total).
fn code_breakdown<T: Copy + Ord>(
    all: &[T],
    counts: impl Iterator<Item = (T, u64)>,
    code: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
    whole: u64,
) -> Vec<Item> {
    let mut by: BTreeMap<T, u64> = BTreeMap::new();
    for (k, n) in counts {
        *by.entry(k).or_default() += n;
    }
    all.iter()
        .map(|k| item(Key::Code(code(*k)), label(*k).to_owned(), by.get(k).copied().unwrap_or(0), whole))
        .collect()
}

/// A breakdown by team or district: those with counts, plus every named one (zeros included).
fn id_breakdown(names: &[(i64, String)], counts: impl Iterator<Item = (i64, u64)>, whole: u64) -> Vec<Item> {
    let mut by: BTreeMap<i64, u64> = names.iter().map(|(id, _)| (*id, 0)).collect();
    for (k, n) in counts {
        *by.entry(k).or_default() += n;
    }
    let name = |id: i64| names.iter().find(|(i, _)| *i == id).map(|(_, n)| n.clone()).unwrap_or_default();
    by.into_iter().map(|(id, n)| item(Key::Id(id), name(id), n, whole)).collect()
}

/// Computes every KPI of one period, unsuppressed. `teams` and `districts` in `inputs` name
/// the cells of the team and district breakdowns (pass those of the scope only).
pub fn compute(inputs: &Inputs) -> Report {
    let p = inputs.period;
    let referrals: u64 = inputs.referrals.iter().map(|r| r.count).sum();
    let intake = intakes(&inputs.intakes);
    let start = starts(&inputs.starts);
    let waiting = total(&inputs.waiting);
    let active = total(&inputs.active);
    let closures: u64 = inputs.closures.iter().map(|r| r.count).sum();
    let reason_count =
        |reason: ClosureReason| inputs.closures.iter().filter(|r| r.reason == reason).map(|r| r.count).sum::<u64>();
    let durations: Vec<DaysRow> = inputs.closures.iter().map(|r| DaysRow { days: r.days, count: r.count }).collect();
    let contacts: u64 = inputs.contacts.iter().map(|(_, n)| n).sum();
    let households: u64 = inputs.reach.iter().map(|(_, n)| n).sum();

    let team_names: Vec<(i64, String)> = inputs.teams.iter().map(|(t, n)| (t.0, n.clone())).collect();
    let district_names: Vec<(i64, String)> = inputs.districts.iter().map(|(d, n)| (d.0, n.clone())).collect();

    let mut details: Vec<Item> = Vec::new();
    for d in ClosureDetail::ALL {
        let n = inputs.closures.iter().filter(|r| r.detail == Some(*d)).map(|r| r.count).sum();
        details.push(item(Key::Code(d.code()), d.label_nl().to_owned(), n, closures));
    }
    let mut reach: Vec<Reach> = Vec::new();
    for (id, name) in &district_names {
        let n: u64 = inputs.reach.iter().filter(|(d, _)| d.0 == *id).map(|(_, n)| n).sum();
        let pop = inputs.populations.iter().filter(|x| x.district_id.0 == *id).max_by_key(|x| x.reference_date);
        let per_1000 =
            |residents: Option<u64>| residents.filter(|r| *r > 0).map(|r| round1(n as f64 * 1000.0 / r as f64));
        reach.push(Reach {
            district_id: *id,
            name: name.clone(),
            households: Shown::Value(n),
            residents: pop.map(|x| x.residents),
            per_1000_residents: Shown::Value(per_1000(pop.map(|x| x.residents))),
            residents_0_17: pop.and_then(|x| x.residents_0_17),
            per_1000_residents_0_17: Shown::Value(per_1000(pop.and_then(|x| x.residents_0_17))),
            population_reference_date: pop.map(|x| x.reference_date),
        });
    }
    let to_items = |v: Vec<(Key, String, u64)>, whole: u64| -> Vec<Item> {
        v.into_iter().map(|(k, l, n)| item(k, l, n, whole)).collect()
    };

    Report {
        from: p.from,
        to: p.to,
        referrals: Shown::Value(referrals),
        referrals_by_source: code_breakdown(
            ReferralSource::ALL,
            inputs.referrals.iter().map(|r| (r.source, r.count)),
            ReferralSource::code,
            ReferralSource::label_nl,
            referrals,
        ),
        referrals_by_team: id_breakdown(
            &team_names,
            inputs.referrals.iter().map(|r| (r.team_id.0, r.count)),
            referrals,
        ),
        referrals_by_district: id_breakdown(
            &district_names,
            inputs.referrals.iter().map(|r| (r.district_id.0, r.count)),
            referrals,
        ),
        referrals_by_life_domain: code_breakdown(
            LifeDomain::ALL,
            inputs.life_domains.iter().copied(),
            LifeDomain::code,
            LifeDomain::label_nl,
            referrals,
        ),
        intakes_held: Shown::Value(intake.held),
        intake_within_5_working_days_pct: Shown::Value(intake.on_time_pct),
        intake_within_5_working_days_pct_excl_requested: Shown::Value(intake.on_time_pct_excl_requested),
        intake_mean_days: Shown::Value(intake.mean_days),
        intake_median_days: Shown::Value(intake.median_days),
        starts: Shown::Value(start.starts),
        start_within_2_weeks_pct: Shown::Value(start.within_2_weeks_pct),
        start_within_4_weeks_pct: Shown::Value(start.within_4_weeks_pct),
        waiting_list: Shown::Value(waiting),
        waiting_mean_days: Shown::Value(mean(&inputs.waiting)),
        waiting_median_days: Shown::Value(median(&inputs.waiting)),
        waiting_longest_days: Shown::Value(max(&inputs.waiting)),
        waiting_by_days: to_items(buckets(&inputs.waiting, WAITING_RANGES), waiting),
        // Every case active at the end was active at the start or came in; every case active
        // at the start or come in is active at the end or went out.
        active_at_start: Shown::Value((active + closures).saturating_sub(referrals)),
        active_cases: Shown::Value(active),
        long_running_cases: Shown::Value(long_running(&inputs.active, p.to)),
        caseload: caseload(&inputs.caseload),
        closures: Shown::Value(closures),
        closures_by_reason: ClosuresByReason {
            result_achieved: Shown::Value(reason_count(ClosureReason::ResultAchieved)),
            external_circumstances: Shown::Value(reason_count(ClosureReason::ExternalCircumstances)),
            other: Shown::Value(reason_count(ClosureReason::Other)),
        },
        closures_by_detail: details,
        case_duration: to_items(buckets(&durations, DURATION_RANGES), closures),
        case_duration_median_days: Shown::Value(median(&durations)),
        contacts: Shown::Value(contacts),
        contact_forms: code_breakdown(
            ContactForm::ALL,
            inputs.contacts.iter().copied(),
            ContactForm::code,
            ContactForm::label_nl,
            contacts,
        ),
        households_reached: Shown::Value(households),
        reach,
        small_counts_suppressed: false,
        basis: Basis {
            intakes_on_time: intake.on_time,
            intakes_excl_requested: intake.held_excl_requested,
            intakes_on_time_excl_requested: intake.on_time_excl_requested,
            starts_within_2_weeks: start.within_2_weeks,
            starts_within_4_weeks: start.within_4_weeks,
        },
    }
}

// ---------------------------------------------------------------------------------------
// Suppression.
// ---------------------------------------------------------------------------------------

fn small(c: &Count) -> bool {
    c.value().is_some_and(|v| v < SUPPRESS_BELOW)
}

fn raw(c: &Count) -> u64 {
    c.value().unwrap_or(0)
}

/// Primary suppression of one count.
fn primary(c: &mut Count) {
    if small(c) {
        *c = Shown::Suppressed;
    }
}

/// A percentage `part / whole` is shown only when both the part and the rest of the whole
/// are 5 or more: with the whole known, the percentage gives both away.
fn ratio_rule(stat: &mut Stat, part: u64, whole: u64) {
    if part < SUPPRESS_BELOW || whole.saturating_sub(part) < SUPPRESS_BELOW {
        *stat = Shown::Suppressed;
    }
}

/// A statistic over `n` cases (a mean, a median, a longest wait) is shown only for n >= 5.
fn stat_rule(stat: &mut Stat, n: u64) {
    if n < SUPPRESS_BELOW {
        *stat = Shown::Suppressed;
    }
}

/// Secondary suppression of cells that add up to a published `total`. Returns whether
/// anything changed. Cells are compared by their true value (`values`), which the caller
/// keeps because suppression hides it.
fn secondary(total_suppressed: bool, cells: &mut [&mut Count], values: &[u64]) -> bool {
    let hidden = cells.iter().filter(|c| c.is_suppressed()).count();
    // With the total shown, one hidden cell is the total minus the others; with the total
    // hidden, all cells shown give the total back. Either way hide the smallest shown cell.
    let needs_more = if total_suppressed { hidden == 0 } else { hidden == 1 };
    if !needs_more {
        return false;
    }
    let smallest = (0..cells.len()).filter(|i| !cells[*i].is_suppressed()).min_by_key(|i| (values[*i], *i));
    match smallest {
        Some(i) => {
            *cells[i] = Shown::Suppressed;
            true
        }
        None => false,
    }
}

/// The true values of counts before suppression.
fn values(items: &[Item]) -> Vec<u64> {
    items.iter().map(|i| raw(&i.count)).collect()
}

/// Suppresses small counts in `report` so that none can be derived from what remains shown.
///
/// 1. Primary: every count below 5 (zero included) becomes `"<5"`.
/// 2. Stock and flow: `active_cases = active_at_start + referrals - closures`. If exactly one
///    of the four is hidden, the smaller of `referrals` and `closures` that is still shown
///    is hidden too (the stocks are never hidden by this rule, so the same stock shown in
///    the `previous` period stays consistent).
/// 3. Breakdowns that add up to a total (referrals by source, team and district; closures
///    by reason, the details within each reason, and by duration; the waiting list by
///    waiting time; contacts by form; households reached by district): if exactly one cell
///    is hidden while the total is shown, the next smallest cell is hidden too; if the
///    total is hidden while every cell is shown, the smallest cell is hidden.
///    Rules 2 and 3 repeat until nothing changes.
/// 4. Percentages of a part in a whole are hidden unless both the part and the rest are 5
///    or more; statistics over fewer than 5 cases are hidden; a cell's share and a
///    district's rate per 1,000 are hidden with the cell, and shares also with their total.
pub fn suppress(report: &mut Report) {
    let r = report;
    r.small_counts_suppressed = true;
    // True values, kept for the rules that depend on them.
    let intake_n = raw(&r.intakes_held);
    let start_n = raw(&r.starts);
    let waiting_n = raw(&r.waiting_list);
    let closures_n = raw(&r.closures);
    let caseload_n = raw(&r.caseload.cases);
    let v_source = values(&r.referrals_by_source);
    let v_team = values(&r.referrals_by_team);
    let v_district = values(&r.referrals_by_district);
    let v_detail = values(&r.closures_by_detail);
    let v_duration = values(&r.case_duration);
    let v_waiting = values(&r.waiting_by_days);
    let v_forms = values(&r.contact_forms);
    let v_reach: Vec<u64> = r.reach.iter().map(|x| raw(&x.households)).collect();
    let v_reasons = [
        raw(&r.closures_by_reason.result_achieved),
        raw(&r.closures_by_reason.external_circumstances),
        raw(&r.closures_by_reason.other),
    ];
    let (v_referrals, v_closures) = (raw(&r.referrals), raw(&r.closures));

    // 1. Primary.
    for c in [
        &mut r.referrals,
        &mut r.intakes_held,
        &mut r.starts,
        &mut r.waiting_list,
        &mut r.active_at_start,
        &mut r.active_cases,
        &mut r.long_running_cases,
        &mut r.caseload.cases,
        &mut r.closures,
        &mut r.closures_by_reason.result_achieved,
        &mut r.closures_by_reason.external_circumstances,
        &mut r.closures_by_reason.other,
        &mut r.contacts,
        &mut r.households_reached,
    ] {
        primary(c);
    }
    for list in [
        &mut r.referrals_by_source,
        &mut r.referrals_by_team,
        &mut r.referrals_by_district,
        &mut r.referrals_by_life_domain,
        &mut r.closures_by_detail,
        &mut r.case_duration,
        &mut r.waiting_by_days,
        &mut r.contact_forms,
    ] {
        for i in list.iter_mut() {
            primary(&mut i.count);
        }
    }
    for x in &mut r.reach {
        primary(&mut x.households);
    }

    // 2 and 3, until nothing changes.
    loop {
        let mut changed = false;
        let hidden = [&r.active_at_start, &r.referrals, &r.closures, &r.active_cases]
            .iter()
            .filter(|c| c.is_suppressed())
            .count();
        if hidden == 1 {
            let flows = [(v_referrals, 0), (v_closures, 1)];
            let pick = flows
                .iter()
                .filter(|(_, i)| if *i == 0 { !r.referrals.is_suppressed() } else { !r.closures.is_suppressed() })
                .min_by_key(|(v, i)| (*v, *i));
            match pick {
                Some((_, 0)) => r.referrals = Shown::Suppressed,
                Some(_) => r.closures = Shown::Suppressed,
                None => {}
            }
            changed |= pick.is_some();
        }
        let referrals_hidden = r.referrals.is_suppressed();
        for (list, vals) in [
            (&mut r.referrals_by_source, &v_source),
            (&mut r.referrals_by_team, &v_team),
            (&mut r.referrals_by_district, &v_district),
        ] {
            let mut cells: Vec<&mut Count> = list.iter_mut().map(|i| &mut i.count).collect();
            changed |= secondary(referrals_hidden, &mut cells, vals);
        }
        let closures_hidden = r.closures.is_suppressed();
        {
            let c = &mut r.closures_by_reason;
            let mut cells = [&mut c.result_achieved, &mut c.external_circumstances, &mut c.other];
            changed |= secondary(closures_hidden, &mut cells, &v_reasons);
        }
        let reason_hidden = [
            (ClosureReason::ResultAchieved, r.closures_by_reason.result_achieved.is_suppressed()),
            (ClosureReason::ExternalCircumstances, r.closures_by_reason.external_circumstances.is_suppressed()),
            (ClosureReason::Other, r.closures_by_reason.other.is_suppressed()),
        ];
        for (reason, hidden) in reason_hidden {
            let idx: Vec<usize> =
                ClosureDetail::ALL.iter().enumerate().filter(|(_, d)| d.reason() == reason).map(|(i, _)| i).collect();
            let vals: Vec<u64> = idx.iter().map(|i| v_detail[*i]).collect();
            let mut cells: Vec<&mut Count> = r
                .closures_by_detail
                .iter_mut()
                .enumerate()
                .filter(|(i, _)| idx.contains(i))
                .map(|(_, it)| &mut it.count)
                .collect();
            changed |= secondary(hidden, &mut cells, &vals);
        }
        {
            let mut cells: Vec<&mut Count> = r.case_duration.iter_mut().map(|i| &mut i.count).collect();
            changed |= secondary(closures_hidden, &mut cells, &v_duration);
        }
        let waiting_hidden = r.waiting_list.is_suppressed();
        {
            let mut cells: Vec<&mut Count> = r.waiting_by_days.iter_mut().map(|i| &mut i.count).collect();
            changed |= secondary(waiting_hidden, &mut cells, &v_waiting);
        }
        let contacts_hidden = r.contacts.is_suppressed();
        {
            let mut cells: Vec<&mut Count> = r.contact_forms.iter_mut().map(|i| &mut i.count).collect();
            changed |= secondary(contacts_hidden, &mut cells, &v_forms);
        }
        let households_hidden = r.households_reached.is_suppressed();
        {
            let mut cells: Vec<&mut Count> = r.reach.iter_mut().map(|x| &mut x.households).collect();
            changed |= secondary(households_hidden, &mut cells, &v_reach);
        }
        if !changed {
            break;
        }
    }

    // 4. Ratios and statistics.
    let b = r.basis;
    ratio_rule(&mut r.intake_within_5_working_days_pct, b.intakes_on_time, intake_n);
    ratio_rule(
        &mut r.intake_within_5_working_days_pct_excl_requested,
        b.intakes_on_time_excl_requested,
        b.intakes_excl_requested,
    );
    stat_rule(&mut r.intake_mean_days, intake_n);
    stat_rule(&mut r.intake_median_days, intake_n);
    ratio_rule(&mut r.start_within_2_weeks_pct, b.starts_within_2_weeks, start_n);
    ratio_rule(&mut r.start_within_4_weeks_pct, b.starts_within_4_weeks, start_n);
    for s in [&mut r.waiting_mean_days, &mut r.waiting_median_days, &mut r.waiting_longest_days] {
        stat_rule(s, waiting_n);
    }
    stat_rule(&mut r.case_duration_median_days, closures_n);
    for s in [&mut r.caseload.mean, &mut r.caseload.median, &mut r.caseload.max] {
        stat_rule(s, caseload_n);
    }
    let shares = [
        (&mut r.referrals_by_source, r.referrals.is_suppressed()),
        (&mut r.referrals_by_team, r.referrals.is_suppressed()),
        (&mut r.referrals_by_district, r.referrals.is_suppressed()),
        (&mut r.referrals_by_life_domain, r.referrals.is_suppressed()),
        (&mut r.closures_by_detail, r.closures.is_suppressed()),
        (&mut r.case_duration, r.closures.is_suppressed()),
        (&mut r.waiting_by_days, r.waiting_list.is_suppressed()),
        (&mut r.contact_forms, r.contacts.is_suppressed()),
    ];
    for (list, total_hidden) in shares {
        for i in list.iter_mut() {
            if total_hidden || i.count.is_suppressed() {
                i.pct = Shown::Suppressed;
            }
        }
    }
    for x in &mut r.reach {
        if x.households.is_suppressed() {
            x.per_1000_residents = Shown::Suppressed;
            x.per_1000_residents_0_17 = Shown::Suppressed;
        }
    }
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
            contacts: Vec::new(),
            caseload: Vec::new(),
            reach: Vec::new(),
            populations: Vec::new(),
            teams: Vec::new(),
            districts: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_periods_and_the_ones_before() {
        use jiff::civil::date;
        let d = date(2026, 5, 17);
        let p = PeriodKind::Month.containing(d);
        assert_eq!((p.from, p.to), (date(2026, 5, 1), date(2026, 5, 31)));
        let p = PeriodKind::Quarter.containing(d);
        assert_eq!((p.from, p.to), (date(2026, 4, 1), date(2026, 6, 30)));
        let p = PeriodKind::HalfYear.containing(d);
        assert_eq!((p.from, p.to), (date(2026, 1, 1), date(2026, 6, 30)));
        let p = PeriodKind::Year.containing(d);
        assert_eq!((p.from, p.to), (date(2026, 1, 1), date(2026, 12, 31)));
        // The half year before the first is the second of the year before: 184 days, not 181.
        let p = PeriodKind::HalfYear.before(d);
        assert_eq!((p.from, p.to), (date(2025, 7, 1), date(2025, 12, 31)));
        let p = PeriodKind::Month.before(date(2026, 3, 31));
        assert_eq!((p.from, p.to), (date(2026, 2, 1), date(2026, 2, 28)));
        let p = PeriodKind::Quarter.containing(date(2026, 12, 31));
        assert_eq!((p.from, p.to), (date(2026, 10, 1), date(2026, 12, 31)));
        assert_eq!(PeriodKind::parse("half"), Some(PeriodKind::HalfYear));
        assert_eq!(PeriodKind::parse("week"), None);
    }
    use crate::calendar::WorkingDayCalendar;
    use crate::case::intake_due_on;
    use jiff::civil::date as d;
    use proptest::prelude::*;

    fn days(list: &[(i64, u64)]) -> Vec<DaysRow> {
        list.iter().map(|(days, count)| DaysRow { days: *days, count: *count }).collect()
    }

    fn year_2026() -> Period {
        Period::new(d(2026, 1, 1), d(2026, 12, 31)).expect("period")
    }

    #[test]
    fn periods_and_their_previous() {
        assert!(Period::new(d(2026, 2, 1), d(2026, 1, 31)).is_none());
        let p = year_2026();
        assert_eq!(p.days(), 365);
        assert_eq!(p.previous(), Period { from: d(2025, 1, 1), to: d(2025, 12, 31) });
        let nov = Period::new(d(2026, 11, 1), d(2026, 11, 30)).expect("period");
        assert_eq!(nov.previous(), Period { from: d(2026, 10, 2), to: d(2026, 10, 31) });
        let day = Period::new(d(2026, 3, 1), d(2026, 3, 1)).expect("period");
        assert_eq!(day.previous(), Period { from: d(2026, 2, 28), to: d(2026, 2, 28) });
    }

    #[test]
    fn percentages_round_to_one_decimal_and_are_null_over_nothing() {
        assert_eq!(pct(2, 3), Some(66.7));
        assert_eq!(pct(1, 8), Some(12.5));
        assert_eq!(pct(0, 4), Some(0.0));
        assert_eq!(pct(0, 0), None);
    }

    /// The worked example of docs/kpi.md: four intakes, one across King's Day, one at the
    /// family's request.
    #[test]
    fn intake_timeliness_uses_the_stored_working_day_deadline() {
        let cal = WorkingDayCalendar::default();
        // Friday 24 April 2026: King's Day (Monday 27 April) is no working day, so the 5th
        // working day is Monday 4 May, 10 calendar days later.
        let due_a = intake_due_on(&cal, d(2026, 4, 24));
        assert_eq!(due_a, d(2026, 5, 4));
        let rows = [
            IntakeRow::of_case(d(2026, 4, 24), due_a, d(2026, 5, 4), false), // 10 days, on time
            IntakeRow::of_case(d(2026, 11, 2), intake_due_on(&cal, d(2026, 11, 2)), d(2026, 11, 10), false), // 8, late
            IntakeRow::of_case(d(2026, 11, 2), intake_due_on(&cal, d(2026, 11, 2)), d(2026, 11, 20), true), // 18, late, requested
            IntakeRow::of_case(d(2026, 11, 4), intake_due_on(&cal, d(2026, 11, 4)), d(2026, 11, 5), false), // 1, on time
        ];
        assert!(rows[0].on_time(), "10 calendar days, but within 5 working days");
        let k = intakes(&rows);
        assert_eq!((k.held, k.on_time, k.held_excl_requested, k.on_time_excl_requested), (4, 2, 3, 2));
        assert_eq!(k.on_time_pct, Some(50.0));
        assert_eq!(k.on_time_pct_excl_requested, Some(66.7));
        assert_eq!(k.mean_days, Some(9.3), "(10 + 8 + 18 + 1) / 4 = 9.25");
        assert_eq!(k.median_days, Some(9.0), "between 8 and 10");
    }

    #[test]
    fn a_closure_day_moves_the_deadline_and_so_the_verdict() {
        let referred = d(2026, 11, 2);
        let plain = WorkingDayCalendar::default();
        let closed = WorkingDayCalendar::new(Default::default(), [d(2026, 11, 5)]);
        let held = d(2026, 11, 10);
        assert!(!IntakeRow::of_case(referred, intake_due_on(&plain, referred), held, false).on_time());
        assert!(IntakeRow::of_case(referred, intake_due_on(&closed, referred), held, false).on_time());
    }

    #[test]
    fn starts_within_two_and_four_weeks() {
        let k = starts(&days(&[(3, 1), (14, 1), (15, 1), (28, 1), (29, 1)]));
        assert_eq!((k.starts, k.within_2_weeks, k.within_4_weeks), (5, 2, 4));
        assert_eq!(k.within_2_weeks_pct, Some(40.0));
        assert_eq!(k.within_4_weeks_pct, Some(80.0));
        let none = starts(&[]);
        assert_eq!((none.within_2_weeks_pct, none.within_4_weeks_pct), (None, None));
    }

    #[test]
    fn medians_from_histograms() {
        assert_eq!(median(&days(&[(5, 1)])), Some(5.0));
        assert_eq!(median(&days(&[(1, 1), (3, 1), (10, 1)])), Some(3.0));
        assert_eq!(median(&days(&[(2, 2), (4, 2)])), Some(3.0));
        // Rows may repeat a day count (from two queries); order does not matter.
        assert_eq!(median(&days(&[(9, 1), (2, 1), (2, 1), (9, 2)])), Some(9.0));
        assert_eq!(median(&days(&[(7, 0)])), None);
        assert_eq!(mean(&days(&[(1, 2), (4, 1)])), Some(2.0));
        assert_eq!(max(&days(&[(1, 2), (40, 0), (4, 1)])), Some(4.0));
    }

    #[test]
    fn long_running_means_referred_more_than_twelve_calendar_months_ago() {
        // 23 November 2025 is exactly 12 months (365 days) before 23 November 2026.
        assert_eq!(long_running(&days(&[(365, 4), (366, 2), (10, 9)]), d(2026, 11, 23)), 2);
        // Across 29 February 2028 twelve months are 366 days.
        assert_eq!(long_running(&days(&[(366, 4), (367, 1)]), d(2028, 3, 1)), 1);
    }

    #[test]
    fn caseload_per_family_worker() {
        let c = caseload(&[(UserId(1), 3), (UserId(2), 10), (UserId(1), 2), (UserId(3), 6), (UserId(4), 0)]);
        assert_eq!(c.family_workers, 3);
        assert_eq!(c.cases, Shown::Value(21));
        assert_eq!(
            (c.mean, c.median, c.max),
            (Shown::Value(Some(7.0)), Shown::Value(Some(6.0)), Shown::Value(Some(10.0)))
        );
    }

    #[test]
    fn an_empty_period_gives_zeros_and_nulls() {
        let mut inputs = Inputs::empty(year_2026());
        inputs.districts = vec![(DistrictId(1), "Overvecht".into())];
        let r = compute(&inputs);
        assert_eq!(r.referrals, Shown::Value(0));
        assert_eq!(r.intake_within_5_working_days_pct, Shown::Value(None));
        assert_eq!(r.intake_within_5_working_days_pct_excl_requested, Shown::Value(None));
        assert_eq!(r.intake_mean_days, Shown::Value(None));
        assert_eq!(r.start_within_2_weeks_pct, Shown::Value(None));
        assert_eq!(r.waiting_median_days, Shown::Value(None));
        assert_eq!(r.caseload.mean, Shown::Value(None));
        assert_eq!(r.reach[0].per_1000_residents, Shown::Value(None), "no population imported");
        assert!(r.referrals_by_source.iter().all(|i| i.count == Shown::Value(0) && i.pct == Shown::Value(None)));
        let json = serde_json::to_value(&r).expect("json");
        assert_eq!(json["intake_within_5_working_days_pct"], serde_json::Value::Null);
        assert_eq!(
            json["closures_by_reason"],
            serde_json::json!({"result_achieved": 0, "external_circumstances": 0, "other": 0})
        );
    }

    fn closure(reason: ClosureReason, detail: ClosureDetail, days: i64, count: u64) -> ClosureRow {
        ClosureRow { reason, detail: Some(detail), days, count }
    }

    /// A period with known figures, worked out by hand below.
    fn example() -> Inputs {
        use ClosureDetail as D;
        use ClosureReason as R;
        let mut i = Inputs::empty(year_2026());
        i.teams = vec![(TeamId(1), "Buurtteam A".into()), (TeamId(2), "Buurtteam B".into())];
        i.districts = vec![(DistrictId(10), "Overvecht".into()), (DistrictId(20), "Zuid".into())];
        i.referrals = vec![
            ReferralRow { team_id: TeamId(1), district_id: DistrictId(10), source: ReferralSource::Gp, count: 10 },
            ReferralRow { team_id: TeamId(1), district_id: DistrictId(10), source: ReferralSource::School, count: 7 },
            ReferralRow { team_id: TeamId(2), district_id: DistrictId(20), source: ReferralSource::School, count: 3 },
        ];
        i.life_domains = vec![(LifeDomain::Parenting, 12), (LifeDomain::Finances, 5)];
        i.active = days(&[(10, 30), (200, 6), (400, 4)]);
        i.waiting = days(&[(2, 3), (9, 2), (30, 1)]);
        i.closures = vec![
            closure(R::ResultAchieved, D::GoalsAchieved, 100, 12),
            closure(R::ResultAchieved, D::NoHelpNeeded, 40, 8),
            closure(R::ExternalCircumstances, D::Moved, 30, 3),
            closure(R::Other, D::Unreachable, 400, 5),
            closure(R::Other, D::Declined, 200, 3),
        ];
        i.contacts = vec![(ContactForm::HomeVisit, 60), (ContactForm::Phone, 38), (ContactForm::Group, 2)];
        i.reach = vec![(DistrictId(10), 70), (DistrictId(20), 6)];
        i.populations = vec![
            Population {
                district_id: DistrictId(10),
                reference_date: d(2023, 1, 1),
                residents: 34_916,
                residents_0_17: None,
            },
            Population {
                district_id: DistrictId(10),
                reference_date: d(2022, 1, 1),
                residents: 34_559,
                residents_0_17: Some(9_000),
            },
            Population {
                district_id: DistrictId(20),
                reference_date: d(2023, 1, 1),
                residents: 27_855,
                residents_0_17: Some(5_000),
            },
        ];
        i
    }

    fn count(items: &[Item], key: Key) -> Count {
        items.iter().find(|i| i.key == key).map(|i| i.count).unwrap_or(Shown::Value(999))
    }

    #[test]
    fn the_example_period_unsuppressed() {
        let r = compute(&example());
        assert_eq!(r.referrals, Shown::Value(20));
        assert_eq!(count(&r.referrals_by_source, Key::Code("gp")), Shown::Value(10));
        assert_eq!(count(&r.referrals_by_source, Key::Code("school")), Shown::Value(10));
        assert_eq!(count(&r.referrals_by_source, Key::Code("self")), Shown::Value(0));
        assert_eq!(r.referrals_by_source.len(), ReferralSource::ALL.len());
        assert_eq!(count(&r.referrals_by_team, Key::Id(1)), Shown::Value(17));
        assert_eq!(r.referrals_by_team[0].pct, Shown::Value(Some(85.0)));
        assert_eq!(count(&r.referrals_by_district, Key::Id(20)), Shown::Value(3));
        assert_eq!(
            r.referrals_by_life_domain.iter().find(|i| i.key == Key::Code("parenting")).map(|i| i.pct),
            Some(Shown::Value(Some(60.0)))
        );
        // Stock and flow: 40 active at the end, 31 closures, 20 referrals: 51 at the start.
        assert_eq!(r.active_cases, Shown::Value(40));
        assert_eq!(r.closures, Shown::Value(31));
        assert_eq!(r.active_at_start, Shown::Value(51));
        assert_eq!(r.long_running_cases, Shown::Value(4));
        assert_eq!(r.waiting_list, Shown::Value(6));
        assert_eq!(r.waiting_median_days, Shown::Value(Some(5.5)), "2 2 2 | 9 9 30");
        assert_eq!(r.waiting_mean_days, Shown::Value(Some(9.0)), "(6 + 18 + 30) / 6");
        assert_eq!(r.waiting_longest_days, Shown::Value(Some(30.0)));
        let waits: Vec<Count> = r.waiting_by_days.iter().map(|i| i.count).collect();
        assert_eq!(waits, [Shown::Value(3), Shown::Value(2), Shown::Value(0), Shown::Value(1)]);
        assert_eq!(
            r.closures_by_reason,
            ClosuresByReason {
                result_achieved: Shown::Value(20),
                external_circumstances: Shown::Value(3),
                other: Shown::Value(8)
            }
        );
        assert_eq!(count(&r.closures_by_detail, Key::Code("declined")), Shown::Value(3));
        // Durations: 30, 40 (3 + 8 = 11 up to 3 months), 100 (12), 200 (3), 400 (5).
        let dur: Vec<Count> = r.case_duration.iter().map(|i| i.count).collect();
        assert_eq!(dur, [Shown::Value(11), Shown::Value(12), Shown::Value(3), Shown::Value(5)]);
        assert_eq!(r.case_duration_median_days, Shown::Value(Some(100.0)), "rank 16 of 31");
        assert_eq!(r.contacts, Shown::Value(100));
        assert_eq!(
            r.contact_forms.iter().find(|i| i.key == Key::Code("home_visit")).map(|i| i.pct),
            Some(Shown::Value(Some(60.0)))
        );
        // Reach: 70 households of 34,916 residents (the 2023 figures, the latest) = 2.0 per 1,000.
        assert_eq!(r.households_reached, Shown::Value(76));
        assert_eq!(r.reach[0].per_1000_residents, Shown::Value(Some(2.0)));
        assert_eq!(r.reach[0].residents_0_17, None, "the 2023 file has no 0-17 column");
        assert_eq!(r.reach[0].per_1000_residents_0_17, Shown::Value(None));
        assert_eq!(r.reach[1].per_1000_residents, Shown::Value(Some(0.2)), "6 / 27,855 * 1000 = 0.215");
        assert_eq!(r.reach[1].per_1000_residents_0_17, Shown::Value(Some(1.2)), "6 / 5,000 * 1000");
    }

    #[test]
    fn suppression_hides_small_counts_and_what_would_give_them_away() {
        let mut r = compute(&example());
        suppress(&mut r);
        assert!(r.small_counts_suppressed);
        let hidden = Shown::Suppressed;
        assert_eq!(r.referrals, Shown::Value(20));
        assert_eq!(count(&r.referrals_by_district, Key::Id(20)), hidden);
        // Two districts, one hidden: the other would give it away (20 - 17), so it goes too.
        assert_eq!(count(&r.referrals_by_district, Key::Id(10)), hidden);
        assert_eq!(count(&r.referrals_by_team, Key::Id(1)), hidden);
        assert_eq!(r.referrals_by_team[0].pct, Shown::Suppressed, "a share goes with its cell");
        // By source: many zeros are hidden already, so gp and school stay.
        assert_eq!(count(&r.referrals_by_source, Key::Code("gp")), Shown::Value(10));
        assert_eq!(count(&r.referrals_by_source, Key::Code("self")), hidden, "zero is below 5 too");
        // Closures 20 / 3 / 8: external circumstances is small, other (the next smallest) goes too.
        assert_eq!(
            r.closures_by_reason,
            ClosuresByReason { result_achieved: Shown::Value(20), external_circumstances: hidden, other: hidden }
        );
        // Within other (now hidden, 8 = 5 + 3): declined is small, unreachable (5) may stay.
        assert_eq!(count(&r.closures_by_detail, Key::Code("unreachable")), Shown::Value(5));
        assert_eq!(count(&r.closures_by_detail, Key::Code("declined")), hidden);
        // Durations 11 / 12 / 3 / 5: one hidden, so the next smallest (5) too.
        let dur: Vec<Count> = r.case_duration.iter().map(|i| i.count).collect();
        assert_eq!(dur, [Shown::Value(11), Shown::Value(12), hidden, hidden]);
        // The waiting list of 6: every range below 5, and so its statistics stay (n = 6).
        assert_eq!(r.waiting_list, Shown::Value(6));
        assert_eq!(r.waiting_median_days, Shown::Value(Some(5.5)));
        assert!(r.waiting_by_days.iter().all(|i| i.count == hidden && i.pct.is_suppressed()));
        // Reach: district 20 has 6 households, but district 10 is the only other cell.
        assert_eq!(r.households_reached, Shown::Value(76));
        assert_eq!(r.reach[1].households, Shown::Value(6));
        assert_eq!(r.reach[0].households, Shown::Value(70));
        let json = serde_json::to_value(&r).expect("json");
        assert_eq!(json["closures_by_reason"]["other"], "<5");
        assert_eq!(json["referrals"], 20);
    }

    #[test]
    fn stock_and_flow_cannot_give_a_small_flow_away() {
        let mut i = example();
        // Only 3 referrals: with the stocks (51 and 40) and 31 closures shown, 3 = 40 - 51 + 31.
        i.referrals.truncate(0);
        i.referrals.push(ReferralRow {
            team_id: TeamId(1),
            district_id: DistrictId(10),
            source: ReferralSource::Gp,
            count: 3,
        });
        let mut r = compute(&i);
        assert_eq!((r.active_at_start, r.referrals, r.closures), (Shown::Value(68), Shown::Value(3), Shown::Value(31)));
        suppress(&mut r);
        assert_eq!(r.referrals, Shown::Suppressed);
        assert_eq!(r.closures, Shown::Suppressed, "the other flow is hidden too");
        assert_eq!((r.active_at_start, r.active_cases), (Shown::Value(68), Shown::Value(40)));
        // And the closures by reason must not add up to the hidden total.
        assert!(
            [
                r.closures_by_reason.result_achieved,
                r.closures_by_reason.external_circumstances,
                r.closures_by_reason.other
            ]
            .iter()
            .any(Shown::is_suppressed)
        );
    }

    #[test]
    fn a_total_hidden_by_the_flow_rule_hides_a_cell_of_its_breakdown() {
        use ClosureDetail as D;
        use ClosureReason as R;
        let mut i = Inputs::empty(year_2026());
        i.referrals.push(ReferralRow {
            team_id: TeamId(1),
            district_id: DistrictId(10),
            source: ReferralSource::Gp,
            count: 2,
        });
        i.active = days(&[(10, 50)]);
        i.closures = vec![
            closure(R::ResultAchieved, D::GoalsAchieved, 20, 7),
            closure(R::ExternalCircumstances, D::Moved, 20, 5),
            closure(R::Other, D::Declined, 20, 5),
        ];
        let mut r = compute(&i);
        suppress(&mut r);
        assert_eq!(r.closures, Shown::Suppressed);
        // 7 + 5 + 5 would give the 17 back; the smallest (the first of the two fives) goes.
        assert_eq!(
            r.closures_by_reason,
            ClosuresByReason {
                result_achieved: Shown::Value(7),
                external_circumstances: Shown::Suppressed,
                other: Shown::Value(5)
            }
        );
        // Within external circumstances (now hidden): moved (5) may stay, since the two
        // other details (0) are hidden and the total cannot be added up.
        assert_eq!(count(&r.closures_by_detail, Key::Code("moved")), Shown::Value(5));
        assert_eq!(count(&r.closures_by_detail, Key::Code("deceased")), Shown::Suppressed);
    }

    #[test]
    fn percentages_and_statistics_over_small_numbers_are_hidden() {
        let mut i = Inputs::empty(year_2026());
        let row = |days, due_days, requested_later, count| IntakeRow { days, due_days, requested_later, count };
        // 20 intakes, 17 on time: the 3 late ones would follow from 85 %.
        i.intakes = vec![row(3, 7, false, 17), row(9, 7, false, 1), row(12, 7, true, 2)];
        // 4 starts: too few for any statistic.
        i.starts = days(&[(3, 4)]);
        let mut r = compute(&i);
        assert_eq!(r.intake_within_5_working_days_pct, Shown::Value(Some(85.0)));
        assert_eq!(r.intake_within_5_working_days_pct_excl_requested, Shown::Value(Some(94.4)), "17 of 18");
        suppress(&mut r);
        assert_eq!(r.intakes_held, Shown::Value(20));
        assert_eq!(r.intake_within_5_working_days_pct, Shown::Suppressed);
        assert_eq!(r.intake_within_5_working_days_pct_excl_requested, Shown::Suppressed);
        assert_eq!(r.intake_mean_days, Shown::Value(Some(4.2)), "(17 * 3 + 9 + 2 * 12) / 20, over 20 cases");
        assert_eq!(r.starts, Shown::Suppressed);
        assert_eq!(r.start_within_2_weeks_pct, Shown::Suppressed);
        assert_eq!(r.start_within_4_weeks_pct, Shown::Suppressed);
    }

    fn any_counts(n: usize) -> impl Strategy<Value = Vec<u64>> {
        proptest::collection::vec(prop_oneof![0u64..5, 5u64..15], n)
    }

    proptest! {
        /// Whatever the counts, after suppression no breakdown has exactly one hidden cell
        /// under a shown total, nor all cells shown under a hidden total, and the stock-flow
        /// identity never has exactly one unknown.
        #[test]
        fn no_hidden_count_can_be_derived(details in any_counts(ClosureDetail::ALL.len()), sources in any_counts(ReferralSource::ALL.len()), active in 0u64..40, forms in any_counts(ContactForm::ALL.len())) {
            let mut i = Inputs::empty(year_2026());
            i.closures = ClosureDetail::ALL.iter().zip(&details).map(|(d, n)| ClosureRow { reason: d.reason(), detail: Some(*d), days: 30, count: *n }).collect();
            i.referrals = ReferralSource::ALL.iter().zip(&sources).map(|(s, n)| ReferralRow { team_id: TeamId(1), district_id: DistrictId(1), source: *s, count: *n }).collect();
            i.active = days(&[(5, active)]);
            i.contacts = ContactForm::ALL.iter().copied().zip(forms.iter().copied()).collect();
            let mut r = compute(&i);
            suppress(&mut r);
            let check = |total: Count, cells: Vec<Count>| {
                let hidden = cells.iter().filter(|c| c.is_suppressed()).count();
                if total.is_suppressed() { hidden > 0 || cells.is_empty() } else { hidden != 1 }
            };
            let counts = |items: &[Item]| items.iter().map(|i| i.count).collect::<Vec<_>>();
            prop_assert!(check(r.referrals, counts(&r.referrals_by_source)));
            prop_assert!(check(r.closures, counts(&r.case_duration)));
            prop_assert!(check(r.contacts, counts(&r.contact_forms)));
            let c = &r.closures_by_reason;
            prop_assert!(check(r.closures, vec![c.result_achieved, c.external_circumstances, c.other]));
            for (reason, total) in [(ClosureReason::ResultAchieved, c.result_achieved), (ClosureReason::ExternalCircumstances, c.external_circumstances), (ClosureReason::Other, c.other)] {
                let cells: Vec<Count> = ClosureDetail::ALL.iter().zip(&r.closures_by_detail).filter(|(d, _)| d.reason() == reason).map(|(_, i)| i.count).collect();
                prop_assert!(check(total, cells));
            }
            let flow_hidden = [r.active_at_start, r.referrals, r.closures, r.active_cases].iter().filter(|c| c.is_suppressed()).count();
            prop_assert!(flow_hidden != 1);
            // Nothing shown is below 5.
            for v in [r.referrals, r.closures, r.contacts, r.active_cases, r.active_at_start] {
                prop_assert!(v.value().is_none_or(|v| v >= SUPPRESS_BELOW));
            }
        }
    }
}
