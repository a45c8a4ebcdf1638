//! Steering figures on group-based support and the collective approach (issue 19): whether
//! group support was considered and used in the active cases, participants of groups, the
//! attendance rate, group offers per theme and district, and collective activities per
//! district. Definitions with worked examples in docs/kpi.md ("Group support").
//!
//! Suppression follows the rest of the report: counts below 5 become `"<5"`, breakdowns that
//! add up to a shown total hide a second cell, shares hide with their cell or total, and a
//! percentage shows only when its part and the rest of its whole are 5 or more. Across
//! periods ([`super::nest`]): the stocks at the period's end (considered, used, the reasons)
//! are the last month's; the flows that add up over months (attendance, collective
//! activities and their participants) show only where every month shows them; participants
//! and offers (a group running through several months counts once) keep the period's own
//! suppression, as reach does.

use std::collections::BTreeMap;

use serde::Serialize;

use super::suppression::{primary, ratio_rule, secondary};
use super::{Count, Item, Key, Report, Shown, Stat, pct};
use crate::group_support::NotUsedReason;
use crate::ids::DistrictId;

/// The themes of group offers (fixed by the API contract of issue 19), with Dutch labels.
pub const GROUP_THEMES: &[(&str, &str)] = &[
    ("youth_mental_health", "Mentale gezondheid jongeren"),
    ("money", "Geldzorgen"),
    ("parenting", "Opvoeden"),
    ("divorce", "Scheiding"),
    ("first_1000_days", "Eerste 1000 dagen"),
    ("other", "Anders"),
];

/// Active cases at the period's end by whether group support was considered by then (a
/// record saying so on or before the last day, or used) and used by then (a participant of a
/// group, not on a waiting list, enrolled on or before the last day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConsideredRow {
    pub considered: bool,
    pub used: bool,
    pub count: u64,
}

/// Collective activities held in the period in one district.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CollectiveRow {
    pub district_id: DistrictId,
    pub activities: u64,
    pub parents: u64,
    pub young_people: u64,
    pub professionals: u64,
}

/// Everything the group figures of one period are computed from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GroupInputs {
    pub cases: Vec<ConsideredRow>,
    /// Active cases at the end, considered and not used, by the recorded reason.
    pub reasons: Vec<(NotUsedReason, u64)>,
    /// Participants (not on a waiting list) enrolled on or before the last day and not left
    /// before the first, of the groups in scope.
    pub participants: u64,
    /// Attendance recorded for the sessions in the period: registered participants present,
    /// and all registered participants recorded (present or not).
    pub attendance_present: u64,
    pub attendance_recorded: u64,
    /// Group offers with at least one session in the period, by theme code.
    pub offers_by_theme: Vec<(String, u64)>,
    /// The same offers by the districts they serve (an offer may serve several).
    pub offers_by_district: Vec<(DistrictId, u64)>,
    pub collective: Vec<CollectiveRow>,
}

/// Participants of collective activities, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CollectiveParticipants {
    pub parents: Count,
    pub young_people: Count,
    pub professionals: Count,
}

/// The group figures of the report besides the two at its top level (`group_participants`,
/// `group_support_considered_pct`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupsReport {
    /// Active cases at the period's end in which group support was considered (or used).
    pub considered: Count,
    /// Of those, the cases that use group support.
    pub used: Count,
    /// Considered and not used: the cases the reasons are given for.
    pub considered_not_used: Count,
    /// `used` as a percentage of the active cases at the period's end.
    pub group_support_used_pct: Stat,
    /// Why group support is not used, of the cases considered and not used.
    pub not_used_reasons: Vec<Item>,
    /// Registered participants present as a percentage of those recorded, over the sessions
    /// in the period with attendance recorded.
    pub attendance_rate_pct: Stat,
    /// Group offers with a session in the period.
    pub offers: Count,
    pub offers_by_theme: Vec<Item>,
    /// By district served; an offer serving two districts counts in both, so the cells may
    /// add up to more than `offers`.
    pub offers_by_district: Vec<Item>,
    pub collective_activities: Count,
    pub collective_activities_by_district: Vec<Item>,
    pub collective_participants: CollectiveParticipants,
    #[serde(skip)]
    pub basis: GroupBasis,
}

/// The numbers behind the group percentages, which suppression needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GroupBasis {
    pub active: u64,
    pub considered: u64,
    pub used: u64,
    pub attendance_present: u64,
    pub attendance_recorded: u64,
}

fn item(key: Key, label: String, count: u64, whole: u64) -> Item {
    Item { key, label, count: Shown::Value(count), pct: Shown::Value(pct(count, whole)) }
}

/// The group figures of one period: `(group_participants, group_support_considered_pct,
/// the rest)`. `districts` name the cells of the district breakdowns (those of the scope).
pub fn compute(g: &GroupInputs, districts: &[(DistrictId, String)]) -> (Count, Stat, GroupsReport) {
    let sum = |f: &dyn Fn(&ConsideredRow) -> bool| g.cases.iter().filter(|r| f(r)).map(|r| r.count).sum::<u64>();
    let active = sum(&|_| true);
    let considered = sum(&|r| r.considered || r.used);
    let used = sum(&|r| r.used);
    let not_used = considered - used;
    let reasons: Vec<Item> = NotUsedReason::ALL
        .iter()
        .map(|r| {
            let n = g.reasons.iter().filter(|(x, _)| x == r).map(|(_, n)| n).sum();
            item(Key::Code(r.code()), r.label_nl().to_owned(), n, not_used)
        })
        .collect();
    let mut by_theme: BTreeMap<&'static str, u64> = BTreeMap::new();
    for (code, n) in &g.offers_by_theme {
        let key = GROUP_THEMES.iter().find(|(c, _)| c == code).map_or("other", |(c, _)| *c);
        *by_theme.entry(key).or_default() += n;
    }
    let offers: u64 = by_theme.values().sum();
    let offers_by_theme = GROUP_THEMES
        .iter()
        .map(|(code, label)| {
            item(Key::Code(code), (*label).to_owned(), by_theme.get(code).copied().unwrap_or(0), offers)
        })
        .collect();
    let by_district = |counts: &dyn Fn(DistrictId) -> u64, whole: u64| -> Vec<Item> {
        districts.iter().map(|(d, name)| item(Key::Id(d.0), name.clone(), counts(*d), whole)).collect()
    };
    let offers_by_district =
        by_district(&|d| g.offers_by_district.iter().filter(|(x, _)| *x == d).map(|(_, n)| n).sum(), offers);
    let in_scope = |r: &&CollectiveRow| districts.iter().any(|(d, _)| *d == r.district_id);
    let activities: u64 = g.collective.iter().filter(in_scope).map(|r| r.activities).sum();
    let collective_activities_by_district =
        by_district(&|d| g.collective.iter().filter(|r| r.district_id == d).map(|r| r.activities).sum(), activities);
    let people = |f: fn(&CollectiveRow) -> u64| Shown::Value(g.collective.iter().filter(in_scope).map(f).sum());
    let report = GroupsReport {
        considered: Shown::Value(considered),
        used: Shown::Value(used),
        considered_not_used: Shown::Value(not_used),
        group_support_used_pct: Shown::Value(pct(used, active)),
        not_used_reasons: reasons,
        attendance_rate_pct: Shown::Value(pct(g.attendance_present, g.attendance_recorded)),
        offers: Shown::Value(offers),
        offers_by_theme,
        offers_by_district,
        collective_activities: Shown::Value(activities),
        collective_activities_by_district,
        collective_participants: CollectiveParticipants {
            parents: people(|r| r.parents),
            young_people: people(|r| r.young_people),
            professionals: people(|r| r.professionals),
        },
        basis: GroupBasis {
            active,
            considered,
            used,
            attendance_present: g.attendance_present,
            attendance_recorded: g.attendance_recorded,
        },
    };
    (Shown::Value(g.participants), Shown::Value(pct(considered, active)), report)
}

fn raw(c: &Count) -> u64 {
    c.value().unwrap_or(0)
}

fn values(items: &[Item]) -> Vec<u64> {
    items.iter().map(|i| raw(&i.count)).collect()
}

/// Suppresses the group figures of `r` (see the module documentation); called by
/// [`super::suppress`].
pub(super) fn suppress(r: &mut Report) {
    let g = &mut r.groups;
    let b = g.basis;
    let (v_theme, v_district, v_reasons, v_collective) = (
        values(&g.offers_by_theme),
        values(&g.offers_by_district),
        values(&g.not_used_reasons),
        values(&g.collective_activities_by_district),
    );
    let (v_used, v_not_used) = (raw(&g.used), raw(&g.considered_not_used));
    for c in [
        &mut r.group_participants,
        &mut g.considered,
        &mut g.used,
        &mut g.considered_not_used,
        &mut g.offers,
        &mut g.collective_activities,
        &mut g.collective_participants.parents,
        &mut g.collective_participants.young_people,
        &mut g.collective_participants.professionals,
    ] {
        primary(c);
    }
    for list in [
        &mut g.offers_by_theme,
        &mut g.offers_by_district,
        &mut g.not_used_reasons,
        &mut g.collective_activities_by_district,
    ] {
        for i in list.iter_mut() {
            primary(&mut i.count);
        }
    }
    loop {
        let mut changed = false;
        // considered = used + considered_not_used.
        {
            let total_hidden = g.considered.is_suppressed();
            let mut cells = [&mut g.used, &mut g.considered_not_used];
            changed |= secondary(total_hidden, &mut cells, &[v_used, v_not_used]);
        }
        for (total, list, vals) in [
            (g.offers, &mut g.offers_by_theme, &v_theme),
            (g.considered_not_used, &mut g.not_used_reasons, &v_reasons),
            (g.collective_activities, &mut g.collective_activities_by_district, &v_collective),
            // Not a partition (an offer may serve several districts), but it may be one:
            // protected as if it were.
            (g.offers, &mut g.offers_by_district, &v_district),
        ] {
            let mut cells: Vec<&mut Count> = list.iter_mut().map(|i| &mut i.count).collect();
            changed |= secondary(total.is_suppressed(), &mut cells, vals);
        }
        if !changed {
            break;
        }
    }
    ratio_rule(&mut r.group_support_considered_pct, b.considered, b.active);
    ratio_rule(&mut g.group_support_used_pct, b.used, b.active);
    ratio_rule(&mut g.attendance_rate_pct, b.attendance_present, b.attendance_recorded);
    hide_shares(g);
}

/// A share is hidden with its cell or with its total.
pub(super) fn hide_shares(g: &mut GroupsReport) {
    for (list, total) in [
        (&mut g.offers_by_theme, g.offers),
        (&mut g.offers_by_district, g.offers),
        (&mut g.not_used_reasons, g.considered_not_used),
        (&mut g.collective_activities_by_district, g.collective_activities),
    ] {
        for i in list.iter_mut() {
            if let Some(m) = i.count.marker().or_else(|| total.marker()) {
                i.pct = m;
            }
        }
    }
}

/// The group figures of a longer calendar period for a reader of suppressed figures
/// ([`super::nest`]): `r` holds the exact figures of the period, `own` the same suppressed on
/// their own, `months` its months (each suppressed).
pub(super) fn nest(r: &mut Report, own: &Report, months: &[Report]) {
    let Some(last) = months.last() else { return };
    // Stocks at the period's end: the last month's.
    r.group_support_considered_pct = last.group_support_considered_pct;
    let g = &mut r.groups;
    g.considered = last.groups.considered;
    g.used = last.groups.used;
    g.considered_not_used = last.groups.considered_not_used;
    g.group_support_used_pct = last.groups.group_support_used_pct;
    g.not_used_reasons = last.groups.not_used_reasons.clone();
    // Not additive over months: the period's own suppression.
    r.group_participants = own.group_participants;
    g.offers = own.groups.offers;
    g.offers_by_theme = own.groups.offers_by_theme.clone();
    g.offers_by_district = own.groups.offers_by_district.clone();
    // Flows: shown only where every month shows them.
    macro_rules! flow {
        ($($f:ident).+) => {{
            let hidden = months.iter().any(|m| m.groups.$($f).+.is_suppressed());
            super::nesting::nest_one(&mut g.$($f).+, own.groups.$($f).+, hidden);
        }};
    }
    flow!(attendance_rate_pct);
    flow!(collective_activities);
    flow!(collective_participants.parents);
    flow!(collective_participants.young_people);
    flow!(collective_participants.professionals);
    let ms: Vec<&[Item]> = months.iter().map(|m| m.groups.collective_activities_by_district.as_slice()).collect();
    super::nesting::nest_items(
        &mut g.collective_activities_by_district,
        &own.groups.collective_activities_by_district,
        &ms,
    );
}

#[cfg(test)]
mod tests {
    use super::super::{Inputs, Period, compute as compute_report, suppress as suppress_report};
    use super::*;
    use jiff::civil::date;

    fn districts() -> Vec<(DistrictId, String)> {
        vec![(DistrictId(10), "Overvecht".into()), (DistrictId(20), "Zuid".into())]
    }

    /// The worked example of docs/kpi.md ("Group support").
    fn example() -> GroupInputs {
        GroupInputs {
            cases: vec![
                ConsideredRow { considered: true, used: true, count: 12 },
                // Used without a record: considered all the same.
                ConsideredRow { considered: false, used: true, count: 3 },
                ConsideredRow { considered: true, used: false, count: 25 },
                ConsideredRow { considered: false, used: false, count: 40 },
            ],
            reasons: vec![
                (NotUsedReason::NoSuitableGroup, 9),
                (NotUsedReason::FamilyDeclined, 8),
                (NotUsedReason::WaitingForAGroup, 6),
                (NotUsedReason::Other, 2),
            ],
            participants: 48,
            attendance_present: 150,
            attendance_recorded: 200,
            offers_by_theme: vec![("parenting".into(), 3), ("money".into(), 2), ("youth_mental_health".into(), 4)],
            offers_by_district: vec![(DistrictId(10), 6), (DistrictId(20), 5)],
            collective: vec![
                CollectiveRow {
                    district_id: DistrictId(10),
                    activities: 6,
                    parents: 40,
                    young_people: 12,
                    professionals: 18,
                },
                CollectiveRow {
                    district_id: DistrictId(20),
                    activities: 2,
                    parents: 9,
                    young_people: 3,
                    professionals: 6,
                },
            ],
        }
    }

    #[test]
    fn the_worked_example_by_hand() {
        let (participants, considered_pct, g) = compute(&example(), &districts());
        assert_eq!(participants, Shown::Value(48));
        // Active 80; considered 12 + 3 + 25 = 40: 50.0 %; used 15: 18.8 %.
        assert_eq!(considered_pct, Shown::Value(Some(50.0)));
        assert_eq!(g.considered, Shown::Value(40));
        assert_eq!(g.used, Shown::Value(15));
        assert_eq!(g.considered_not_used, Shown::Value(25));
        assert_eq!(g.group_support_used_pct, Shown::Value(Some(18.8)));
        // 9 of the 25 considered and not used: 36.0 %.
        assert_eq!(g.not_used_reasons[0].count, Shown::Value(9));
        assert_eq!(g.not_used_reasons[0].pct, Shown::Value(Some(36.0)));
        assert_eq!(g.attendance_rate_pct, Shown::Value(Some(75.0)));
        assert_eq!(g.offers, Shown::Value(9));
        let theme = |code: &'static str| g.offers_by_theme.iter().find(|i| i.key == Key::Code(code)).map(|i| i.count);
        assert_eq!(theme("youth_mental_health"), Some(Shown::Value(4)));
        assert_eq!(theme("divorce"), Some(Shown::Value(0)));
        assert_eq!(g.offers_by_district[0].count, Shown::Value(6));
        assert_eq!(g.collective_activities, Shown::Value(8));
        assert_eq!(g.collective_activities_by_district[1].count, Shown::Value(2));
        assert_eq!(g.collective_activities_by_district[0].pct, Shown::Value(Some(75.0)));
        assert_eq!(g.collective_participants.parents, Shown::Value(49));
        assert_eq!(g.collective_participants.professionals, Shown::Value(24));
    }

    #[test]
    fn nothing_to_count_gives_zeros_and_nulls() {
        let (participants, pct, g) = compute(&GroupInputs::default(), &districts());
        assert_eq!(participants, Shown::Value(0));
        assert_eq!(pct, Shown::Value(None));
        assert_eq!(g.attendance_rate_pct, Shown::Value(None));
        assert_eq!(g.offers_by_theme.len(), GROUP_THEMES.len());
    }

    fn report(g: GroupInputs) -> Report {
        let period = Period::new(date(2026, 1, 1), date(2026, 1, 31)).expect("a period");
        let mut i = Inputs::empty(period);
        i.districts = districts();
        i.groups = g;
        compute_report(&i)
    }

    #[test]
    fn suppression_hides_small_counts_and_what_gives_them_away() {
        let mut r = report(example());
        suppress_report(&mut r);
        let g = &r.groups;
        // Collective activities 6 + 2 = 8: the 2 is hidden, and so the 6 (the total is shown).
        assert_eq!(g.collective_activities, Shown::Value(8));
        assert_eq!(g.collective_activities_by_district[1].count, Shown::Suppressed);
        assert_eq!(g.collective_activities_by_district[0].count, Shown::Protected);
        assert_eq!(g.collective_activities_by_district[0].pct, Shown::Protected);
        // Reasons of 25: 8, 9 and 6 shown; not_needed_now 0 and other 2 hidden (two cells).
        assert_eq!(g.not_used_reasons[2].count, Shown::Suppressed);
        assert_eq!(g.not_used_reasons[4].count, Shown::Suppressed);
        assert_eq!(g.not_used_reasons[0].count, Shown::Value(9));
        // Offers by theme: 4, 2 (hidden), 3 (hidden), 0s hidden; total 9 shown.
        assert!(g.offers_by_theme.iter().all(|i| i.count.is_suppressed() || i.count.value() >= Some(5)));
        // Percentages with both part and rest >= 5 stay.
        assert_eq!(r.group_support_considered_pct, Shown::Value(Some(50.0)));
        assert_eq!(g.attendance_rate_pct, Shown::Value(Some(75.0)));
        assert_eq!(r.group_participants, Shown::Value(48));
    }

    #[test]
    fn percentages_over_small_numbers_are_hidden() {
        let mut g = example();
        g.cases = vec![
            ConsideredRow { considered: true, used: true, count: 3 },
            ConsideredRow { considered: false, used: false, count: 30 },
        ];
        g.attendance_present = 18;
        g.attendance_recorded = 20;
        let mut r = report(g);
        suppress_report(&mut r);
        assert_eq!(r.group_support_considered_pct, Shown::Suppressed);
        assert_eq!(r.groups.group_support_used_pct, Shown::Suppressed);
        assert_eq!(r.groups.used, Shown::Suppressed);
        // 18 of 20 present: the 2 absent would be given away.
        assert_eq!(r.groups.attendance_rate_pct, Shown::Suppressed);
    }
}
