//! The worked examples of docs/kpi.md, by hand.

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
    assert_eq!((c.mean, c.median, c.max), (Shown::Value(Some(7.0)), Shown::Value(Some(6.0)), Shown::Value(Some(10.0))));
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
    // It is not small itself (17), so it says it is protected, not "<5".
    let protected = Shown::Protected;
    assert_eq!(count(&r.referrals_by_district, Key::Id(10)), protected);
    assert_eq!(count(&r.referrals_by_team, Key::Id(1)), protected);
    assert_eq!(r.referrals_by_team[0].pct, Shown::Protected, "a share goes with its cell, and its marker");
    assert_eq!(r.referrals_by_team[1].pct, Shown::Suppressed);
    // By source: many zeros are hidden already, so gp and school stay.
    assert_eq!(count(&r.referrals_by_source, Key::Code("gp")), Shown::Value(10));
    assert_eq!(count(&r.referrals_by_source, Key::Code("self")), hidden, "zero is below 5 too");
    // Closures 20 / 3 / 8: external circumstances is small, other (the next smallest) goes too.
    assert_eq!(
        r.closures_by_reason,
        ClosuresByReason { result_achieved: Shown::Value(20), external_circumstances: hidden, other: protected }
    );
    // Within other (now hidden, 8 = 5 + 3): declined is small, unreachable (5) may stay.
    assert_eq!(count(&r.closures_by_detail, Key::Code("unreachable")), Shown::Value(5));
    assert_eq!(count(&r.closures_by_detail, Key::Code("declined")), hidden);
    // Durations 11 / 12 / 3 / 5: one hidden, so the next smallest (5) too.
    let dur: Vec<Count> = r.case_duration.iter().map(|i| i.count).collect();
    assert_eq!(dur, [Shown::Value(11), Shown::Value(12), hidden, protected]);
    // The waiting list of 6: every range below 5, and so its statistics stay (n = 6).
    assert_eq!(r.waiting_list, Shown::Value(6));
    assert_eq!(r.waiting_median_days, Shown::Value(Some(5.5)));
    assert!(r.waiting_by_days.iter().all(|i| i.count == hidden && i.pct.is_suppressed()));
    // Reach: district 20 has 6 households, but district 10 is the only other cell.
    assert_eq!(r.households_reached, Shown::Value(76));
    assert_eq!(r.reach[1].households, Shown::Value(6));
    assert_eq!(r.reach[0].households, Shown::Value(70));
    let json = serde_json::to_value(&r).expect("json");
    assert_eq!(json["closures_by_reason"]["other"], "protected");
    assert_eq!(json["closures_by_reason"]["external_circumstances"], "<5");
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
    assert_eq!(r.closures, Shown::Protected, "the other flow is hidden too, to protect it");
    assert_eq!((r.active_at_start, r.active_cases), (Shown::Value(68), Shown::Value(40)));
    // And the closures by reason must not add up to the hidden total.
    assert!(
        [r.closures_by_reason.result_achieved, r.closures_by_reason.external_circumstances, r.closures_by_reason.other]
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
    assert_eq!(r.closures, Shown::Protected);
    // 7 + 5 + 5 would give the 17 back; the smallest (the first of the two fives) goes.
    assert_eq!(
        r.closures_by_reason,
        ClosuresByReason {
            result_achieved: Shown::Value(7),
            external_circumstances: Shown::Protected,
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
