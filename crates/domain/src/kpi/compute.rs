//! The KPI functions: one report from the rows of a period (`compute`) and its parts.

use super::*;

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
    let (group_participants, group_support_considered_pct, groups) =
        super::groups::compute(&inputs.groups, &inputs.districts);
    let onward_referrals = super::onward::compute(&inputs.onward, &inputs.districts);
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
        referrals_by_partner_kind: code_breakdown(
            crate::partners::PartnerKind::ALL,
            inputs.partner_referrals.iter().copied(),
            crate::partners::PartnerKind::code,
            crate::partners::PartnerKind::label_nl,
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
        group_participants,
        group_support_considered_pct,
        groups,
        onward_referrals,
        absence: Some(super::absence::compute(&inputs.absence, inputs.caseload.iter().map(|(_, n)| n).sum())),
        partners: super::partners::compute(&inputs.partners, &inputs.districts, p.to),
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
