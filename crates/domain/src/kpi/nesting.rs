//! Suppression that holds across periods. A reader who gets suppressed figures may only ask
//! for whole calendar periods (a month, quarter, half year or year, [`calendar_kind`]), and
//! the figures of a quarter, half year or year are made consistent with those of its months
//! ([`nest`]), so that no combination of allowed periods gives a hidden figure away.
//!
//! Two overlapping periods (up to the 27th and up to the 28th) would give a single day's
//! referrals away by their difference; a quarter shown beside two of its months gives the
//! third month away. The rule: months are suppressed on their own ([`super::suppress`]); a
//! longer period shows a flow figure (a count over the period, its breakdowns, its
//! percentages and statistics) only when **every** month in it shows the same figure, and
//! otherwise hides it: `"<5"` when it is below 5 itself, `"protected"` when it is hidden only
//! because a month hides it. Every figure a longer period shows is then the sum of figures
//! its months show, so nothing can be computed from the longer periods that the months do
//! not already show; and the months are suppressed so that no hidden figure follows from
//! the shown ones. Stocks (as of the last day) are those of the last month, the stock at
//! the start that of the first month. Reach (households with a case open at any time in
//! the period) does not add up over months and keeps the period's own suppression.

use jiff::ToSpan;

use super::{Item, Period, PeriodKind, Report, Shown, suppress};

/// The kind of calendar period `p` is exactly (a whole month, quarter, half year or year),
/// or `None`.
pub fn calendar_kind(p: Period) -> Option<PeriodKind> {
    PeriodKind::ALL.iter().copied().find(|k| k.containing(p.from) == p)
}

/// The calendar months that `p` covers, in order (a period inside one month: that month).
pub fn months_of(p: Period) -> Vec<Period> {
    let mut out = Vec::new();
    let mut day = p.from;
    while day <= p.to {
        let m = PeriodKind::Month.containing(day);
        out.push(m);
        match m.to.checked_add(1.day()) {
            Ok(next) => day = next,
            Err(_) => break,
        }
    }
    out
}

/// One figure of the longer period: `"<5"` where its own primary rule hides it, else
/// `"protected"` where any month hides it, else its value.
pub(super) fn nest_one<T: Copy>(figure: &mut Shown<T>, own: Shown<T>, any_month_hidden: bool) {
    if matches!(own, Shown::Suppressed) {
        *figure = Shown::Suppressed;
    } else if any_month_hidden {
        *figure = Shown::Protected;
    }
}

pub(super) fn nest_items(list: &mut [Item], own: &[Item], months: &[&[Item]]) {
    for (item, own) in list.iter_mut().zip(own) {
        // A key missing from a month had no count there: hidden (zero is below 5).
        let hidden =
            months.iter().any(|m| m.iter().find(|i| i.key == item.key).is_none_or(|i| i.count.is_suppressed()));
        nest_one(&mut item.count, own.count, hidden);
    }
}

/// The report of a longer calendar period for a reader who gets suppressed figures:
/// `parent` is computed exactly ([`super::compute`]), `months` are the reports of its
/// months, each already suppressed. See the module documentation for the rule.
pub fn nest(parent: &Report, months: &[Report]) -> Report {
    let mut own = parent.clone();
    suppress(&mut own);
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return own;
    };
    let mut r = parent.clone();
    r.small_counts_suppressed = true;

    macro_rules! flow {
        ($($f:ident).+) => {{
            let hidden = months.iter().any(|m| m.$($f).+.is_suppressed());
            nest_one(&mut r.$($f).+, own.$($f).+, hidden);
        }};
    }
    flow!(referrals);
    flow!(intakes_held);
    flow!(intake_within_5_working_days_pct);
    flow!(intake_within_5_working_days_pct_excl_requested);
    flow!(intake_mean_days);
    flow!(intake_median_days);
    flow!(starts);
    flow!(start_within_2_weeks_pct);
    flow!(start_within_4_weeks_pct);
    flow!(closures);
    flow!(closures_by_reason.result_achieved);
    flow!(closures_by_reason.external_circumstances);
    flow!(closures_by_reason.other);
    flow!(case_duration_median_days);
    flow!(contacts);
    macro_rules! flow_items {
        ($f:ident) => {{
            let ms: Vec<&[Item]> = months.iter().map(|m| m.$f.as_slice()).collect();
            nest_items(&mut r.$f, &own.$f, &ms);
        }};
    }
    flow_items!(referrals_by_source);
    flow_items!(referrals_by_team);
    flow_items!(referrals_by_district);
    flow_items!(referrals_by_life_domain);
    flow_items!(referrals_by_partner_kind);
    flow_items!(closures_by_detail);
    flow_items!(case_duration);
    flow_items!(contact_forms);

    // Stocks: the same figures as the last month's (the same day), the start as the first's.
    r.waiting_list = last.waiting_list;
    r.waiting_mean_days = last.waiting_mean_days;
    r.waiting_median_days = last.waiting_median_days;
    r.waiting_longest_days = last.waiting_longest_days;
    r.waiting_by_days = last.waiting_by_days.clone();
    r.active_cases = last.active_cases;
    r.long_running_cases = last.long_running_cases;
    r.caseload = last.caseload.clone();
    r.active_at_start = first.active_at_start;
    // Reach does not add up over months: the period's own suppression.
    r.households_reached = own.households_reached;
    r.reach = own.reach.clone();
    // Absence is suppressed by the people counted, the same in every month, and its long
    // spells do not add up over months: the period's own suppression (its caseload per FTE
    // is that of its last day, as the last month's).
    r.absence = own.absence.clone();
    // Organisations on the period's last day: not suppressed, the period's own.
    r.partners = own.partners.clone();
    super::groups::nest(&mut r, &own, months);
    super::onward::nest(&mut r, &own, months);

    // Shares: the exact share where cell and total are shown, else hidden with them.
    super::hide_shares(&mut r);
    r
}

#[cfg(test)]
mod tests {
    use super::super::{Count, Inputs, ReferralRow, compute};
    use super::*;
    use crate::codes::ReferralSource;
    use crate::ids::{DistrictId, TeamId};
    use jiff::civil::date;
    use proptest::prelude::*;

    #[test]
    fn whole_calendar_periods_only() {
        let p = |a, b| Period::new(a, b).expect("period");
        assert_eq!(calendar_kind(p(date(2026, 11, 1), date(2026, 11, 30))), Some(PeriodKind::Month));
        assert_eq!(calendar_kind(p(date(2026, 10, 1), date(2026, 12, 31))), Some(PeriodKind::Quarter));
        assert_eq!(calendar_kind(p(date(2026, 7, 1), date(2026, 12, 31))), Some(PeriodKind::HalfYear));
        assert_eq!(calendar_kind(p(date(2026, 1, 1), date(2026, 12, 31))), Some(PeriodKind::Year));
        // The differencing pair of the issue: neither is a whole period.
        assert_eq!(calendar_kind(p(date(2026, 11, 1), date(2026, 11, 27))), None);
        assert_eq!(calendar_kind(p(date(2026, 11, 1), date(2026, 11, 28))), None);
        assert_eq!(calendar_kind(p(date(2026, 2, 1), date(2026, 4, 30))), None, "three months, not a quarter");
        assert_eq!(calendar_kind(p(date(2026, 4, 1), date(2026, 5, 31))), None);
        let m = months_of(p(date(2026, 1, 1), date(2026, 12, 31)));
        assert_eq!(m.len(), 12);
        assert_eq!((m[1].from, m[1].to), (date(2026, 2, 1), date(2026, 2, 28)));
        assert_eq!(months_of(p(date(2026, 11, 3), date(2026, 11, 4))).len(), 1);
    }

    /// Twelve months of referrals by source: `counts[month][source]`.
    fn months_inputs(counts: &[Vec<u64>]) -> Vec<Inputs> {
        counts
            .iter()
            .enumerate()
            .map(|(m, row)| {
                let period = PeriodKind::Month.containing(date(2026, m as i8 + 1, 1));
                let mut i = Inputs::empty(period);
                i.teams = vec![(TeamId(1), "A".into())];
                i.districts = vec![(DistrictId(1), "Noord".into())];
                i.referrals = ReferralSource::ALL
                    .iter()
                    .zip(row)
                    .map(|(s, n)| ReferralRow { team_id: TeamId(1), district_id: DistrictId(1), source: *s, count: *n })
                    .collect();
                i
            })
            .collect()
    }

    /// Every calendar period of 2026 with the months (0-based) it covers.
    fn periods_of_2026() -> Vec<(Period, Vec<usize>)> {
        let mut out = Vec::new();
        for kind in PeriodKind::ALL {
            let mut m = 0;
            while m < 12 {
                let p = kind.containing(date(2026, m as i8 + 1, 1));
                let ms = months_of(p);
                out.push((p, (m..m + ms.len()).collect()));
                m += ms.len();
            }
        }
        out
    }

    /// The reports of every calendar period of 2026 as a reader with suppressed figures gets
    /// them, by the rule of this module.
    fn reports(inputs: &[Inputs]) -> Vec<(Vec<usize>, Report)> {
        let monthly: Vec<Report> = inputs
            .iter()
            .map(|i| {
                let mut r = compute(i);
                suppress(&mut r);
                r
            })
            .collect();
        periods_of_2026()
            .into_iter()
            .map(|(p, ms)| {
                if ms.len() == 1 {
                    return (ms.clone(), monthly[ms[0]].clone());
                }
                let mut all = Inputs::empty(p);
                all.teams = inputs[0].teams.clone();
                all.districts = inputs[0].districts.clone();
                all.referrals = ms.iter().flat_map(|m| inputs[*m].referrals.clone()).collect();
                let parts: Vec<Report> = ms.iter().map(|m| monthly[*m].clone()).collect();
                (ms, nest(&compute(&all), &parts))
            })
            .collect()
    }

    /// Row-reduces `v` against `basis` (rows in echelon form with their pivots); true when
    /// nothing is left, i.e. `v` is a linear combination of the rows.
    fn reduce(basis: &[(usize, Vec<f64>)], v: &[f64]) -> Vec<f64> {
        let mut v = v.to_vec();
        for (p, row) in basis {
            let f = v[*p] / row[*p];
            if f != 0.0 {
                for (x, y) in v.iter_mut().zip(row) {
                    *x -= f * y;
                }
            }
        }
        v
    }

    fn add(basis: &mut Vec<(usize, Vec<f64>)>, v: &[f64]) {
        let r = reduce(basis, v);
        if let Some(p) = r.iter().position(|x| x.abs() > 1e-9) {
            basis.push((p, r));
        }
    }

    fn determined(basis: &[(usize, Vec<f64>)], v: &[f64]) -> bool {
        reduce(basis, v).iter().all(|x| x.abs() < 1e-9)
    }

    const S: usize = 6;

    fn month_counts() -> impl Strategy<Value = Vec<Vec<u64>>> {
        proptest::collection::vec(
            proptest::collection::vec(prop_oneof![3 => 0u64..5, 2 => 5u64..12, 1 => 12u64..40], S),
            12,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// Whatever the referrals per month and source, over every month, quarter, half
        /// year and year of a year (each also the "period before" of the next): the shown
        /// figures (referrals and referrals by source, as linear equations over the counts
        /// per month and source) determine no hidden figure, nothing shown is below 5, a
        /// longer period shows a cell only when all its months do, and so a longer period
        /// minus the months it shows never yields a hidden month.
        #[test]
        fn no_combination_of_calendar_periods_gives_a_hidden_count_away(counts in month_counts()) {
            // Six sources carry the counts; the others are zero in every month.
            let full: Vec<Vec<u64>> = counts.iter().map(|r| {
                let mut r = r.clone();
                r.resize(ReferralSource::ALL.len(), 0);
                r
            }).collect();
            let n_src = ReferralSource::ALL.len();
            let reps = reports(&months_inputs(&full));
            let var = |m: usize, s: usize| m * n_src + s;
            let cell_vector = |ms: &[usize], s: Option<usize>| {
                let mut v = vec![0.0; 12 * n_src];
                for m in ms {
                    match s {
                        Some(s) => v[var(*m, s)] = 1.0,
                        None => (0..n_src).for_each(|s| v[var(*m, s)] = 1.0),
                    }
                }
                v
            };
            let mut basis = Vec::new();
            let mut hidden = Vec::new();
            for (ms, r) in &reps {
                let true_total: u64 = ms.iter().map(|m| full[*m].iter().sum::<u64>()).sum();
                let mut figures: Vec<(Option<usize>, Count, u64)> = vec![(None, r.referrals, true_total)];
                for (s, item) in r.referrals_by_source.iter().enumerate() {
                    figures.push((Some(s), item.count, ms.iter().map(|m| full[*m][s]).sum()));
                }
                for (s, c, truth) in figures {
                    match c {
                        Shown::Value(v) => {
                            prop_assert_eq!(v, truth);
                            prop_assert!(v >= 5, "a shown count is 5 or more");
                            add(&mut basis, &cell_vector(ms, s));
                        }
                        Shown::Suppressed => {
                            prop_assert!(truth < 5, "\"<5\" is true");
                            hidden.push((ms.clone(), s, truth));
                        }
                        Shown::Protected => {
                            prop_assert!(truth >= 5, "a protected figure is not small");
                            hidden.push((ms.clone(), s, truth));
                        }
                    }
                    // Nested: a longer period shows a cell only when every month shows it.
                    if !c.is_suppressed() && ms.len() > 1 {
                        for (mm, mr) in &reps {
                            if mm.len() == 1 && ms.contains(&mm[0]) {
                                let mc = s.map_or(mr.referrals, |s| mr.referrals_by_source[s].count);
                                prop_assert!(!mc.is_suppressed());
                            }
                        }
                    }
                }
            }
            for (ms, s, truth) in hidden {
                prop_assert!(!determined(&basis, &cell_vector(&ms, s)), "months {:?}, source {:?} ({}) follows from the shown figures", ms, s, truth);
            }
        }
    }

    #[test]
    fn a_quarter_hides_what_a_month_hides_and_says_why() {
        // January 3 referrals from the GP, February and March 10 each: the quarter's 23
        // would give January's 3 away beside February and March.
        let mut counts = vec![vec![0; ReferralSource::ALL.len()]; 12];
        let gp = ReferralSource::ALL.iter().position(|s| *s == ReferralSource::Gp).unwrap_or(0);
        let school = ReferralSource::ALL.iter().position(|s| *s == ReferralSource::School).unwrap_or(1);
        for (m, n) in [(0, 3), (1, 10), (2, 10)] {
            counts[m][gp] = n;
            counts[m][school] = 20;
        }
        let reps = reports(&months_inputs(&counts));
        let (_, q1) = reps.iter().find(|(ms, _)| *ms == [0, 1, 2]).cloned().expect("Q1");
        assert_eq!(q1.referrals_by_source[gp].count, Shown::Protected);
        assert_eq!(q1.referrals_by_source[gp].pct, Shown::Protected, "the share goes with it");
        // January's zeros protect its 3 already, so school (60) and the total (83) stay.
        assert_eq!(q1.referrals_by_source[school].count, Shown::Value(60));
        assert_eq!(q1.referrals, Shown::Value(83));
        let other = (0..ReferralSource::ALL.len()).find(|i| *i != gp && *i != school).unwrap_or(0);
        let json = serde_json::to_value(&q1).expect("json");
        assert_eq!(json["referrals_by_source"][gp]["count"], "protected");
        assert_eq!(json["referrals_by_source"][other]["count"], "<5", "zero is small itself");
    }
}
