//! The outreach funnel as the steering dashboards show it (issue 16): a campaign's cumulative
//! stages with their rates, split by approach, district and decline reason, exact or with small
//! counts suppressed by the same rules as every other figure of the dashboards
//! (`kpi::suppress`, docs/kpi.md "Outreach funnel").
//!
//! - Primary: every count below 5 (zero included) is `"<5"`.
//! - Secondary: the cells of a breakdown (approaches, districts, decline reasons) add up to the
//!   campaign's figure of the same stage (declines by reason to the declined). If exactly one
//!   cell is hidden while that figure is shown, the smallest shown cell is hidden too
//!   ("protected"); if the figure is hidden and every cell shown, the smallest cell is hidden.
//! - A rate (a stage as a share of the addresses) is shown only when the stage and the rest of
//!   the addresses are both 5 or more, and never when either count is hidden.

use crate::kpi::{Count, Shown, Stat, pct, primary, ratio_rule, secondary};
use crate::outreach::{Approach, DeclineReason};
use crate::outreach_funnel::{Funnel, Stages};

/// The stages in the order the dashboards show them.
pub const STAGES: [Stage; 5] = [Stage::Reached, Stage::OfferMade, Stage::Accepted, Stage::Declined, Stage::Unreachable];

/// A stage of the funnel after the addresses themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Reached,
    OfferMade,
    Accepted,
    Declined,
    Unreachable,
}

impl Stage {
    pub fn code(self) -> &'static str {
        match self {
            Self::Reached => "reached",
            Self::OfferMade => "offer_made",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
            Self::Unreachable => "unreachable",
        }
    }

    fn of(self, s: &Stages) -> u64 {
        match self {
            Self::Reached => s.reached,
            Self::OfferMade => s.offer_made,
            Self::Accepted => s.accepted,
            Self::Declined => s.declined,
            Self::Unreachable => s.unreachable,
        }
    }
}

/// One row of the funnel as shown: the addresses, then each stage with its rate.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownStages {
    pub addresses: Count,
    /// In the order of [`STAGES`]: (count, rate of the addresses in percent).
    pub stages: [(Count, Stat); 5],
    /// The true values, kept for the secondary rule (never shown).
    raw: Stages,
}

impl ShownStages {
    fn exact(s: &Stages) -> Self {
        Self {
            addresses: Shown::Value(s.addresses),
            stages: STAGES.map(|st| (Shown::Value(st.of(s)), Shown::Value(pct(st.of(s), s.addresses)))),
            raw: *s,
        }
    }

    /// The count of `stage` as shown.
    pub fn count(&self, stage: Stage) -> Count {
        self.stages[STAGES.iter().position(|s| *s == stage).unwrap_or(0)].0
    }

    /// The rate of `stage` as shown.
    pub fn rate(&self, stage: Stage) -> Stat {
        self.stages[STAGES.iter().position(|s| *s == stage).unwrap_or(0)].1
    }

    fn primary(&mut self) {
        primary(&mut self.addresses);
        for (c, _) in &mut self.stages {
            primary(c);
        }
    }

    /// The rates, once every count is final.
    fn rates(&mut self) {
        let whole = self.raw.addresses;
        let addresses = self.addresses;
        for (i, (c, rate)) in self.stages.iter_mut().enumerate() {
            if let Some(m) = c.marker().or_else(|| addresses.marker()) {
                *rate = m;
            } else {
                ratio_rule(rate, STAGES[i].of(&self.raw), whole);
            }
        }
    }
}

/// A campaign's funnel as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownFunnel<D> {
    pub total: ShownStages,
    pub by_approach: Vec<(Approach, ShownStages)>,
    pub by_district: Vec<(D, ShownStages)>,
    /// Every reason, in the order of the code list.
    pub declined_by_reason: Vec<(DeclineReason, Count)>,
    pub small_counts_suppressed: bool,
}

/// The secondary rule over one breakdown, stage by stage (the addresses included).
fn protect<K>(total: &ShownStages, cells: &mut [(K, ShownStages)]) {
    let values: Vec<u64> = cells.iter().map(|(_, c)| c.raw.addresses).collect();
    let mut counts: Vec<&mut Count> = cells.iter_mut().map(|(_, c)| &mut c.addresses).collect();
    secondary(total.addresses.is_suppressed(), &mut counts, &values);
    for (i, stage) in STAGES.iter().enumerate() {
        let values: Vec<u64> = cells.iter().map(|(_, c)| stage.of(&c.raw)).collect();
        let mut counts: Vec<&mut Count> = cells.iter_mut().map(|(_, c)| &mut c.stages[i].0).collect();
        secondary(total.stages[i].0.is_suppressed(), &mut counts, &values);
    }
}

/// The funnel as shown: exact, or with small counts suppressed (`suppressed`). Every approach
/// and every decline reason has its row (a zero is a figure too); districts as computed.
pub fn show<D: Ord + Copy>(f: &Funnel<D>, suppressed: bool) -> ShownFunnel<D> {
    let mut total = ShownStages::exact(&f.total);
    let mut by_approach: Vec<(Approach, ShownStages)> = Approach::ALL
        .iter()
        .map(|a| (*a, ShownStages::exact(&f.by_approach.get(a).copied().unwrap_or_default())))
        .collect();
    let mut by_district: Vec<(D, ShownStages)> =
        f.by_district.iter().map(|(d, s)| (*d, ShownStages::exact(s))).collect();
    let reasons: Vec<u64> =
        DeclineReason::ALL.iter().map(|r| f.declined_by_reason.get(r).copied().unwrap_or(0)).collect();
    let mut declined_by_reason: Vec<(DeclineReason, Count)> =
        DeclineReason::ALL.iter().zip(&reasons).map(|(r, n)| (*r, Shown::Value(*n))).collect();
    if suppressed {
        total.primary();
        for s in by_approach.iter_mut().map(|(_, s)| s).chain(by_district.iter_mut().map(|(_, s)| s)) {
            s.primary();
        }
        for (_, c) in &mut declined_by_reason {
            primary(c);
        }
        protect(&total, &mut by_approach);
        protect(&total, &mut by_district);
        let declined = total.count(Stage::Declined).is_suppressed();
        let mut counts: Vec<&mut Count> = declined_by_reason.iter_mut().map(|(_, c)| c).collect();
        secondary(declined, &mut counts, &reasons);
        total.rates();
        for s in by_approach.iter_mut().map(|(_, s)| s).chain(by_district.iter_mut().map(|(_, s)| s)) {
            s.rates();
        }
    }
    ShownFunnel { total, by_approach, by_district, declined_by_reason, small_counts_suppressed: suppressed }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn stages(addresses: u64, reached: u64, offer_made: u64, accepted: u64, declined: u64, unreachable: u64) -> Stages {
        Stages { addresses, reached, offer_made, accepted, declined, unreachable }
    }

    /// Two districts; house visits and phone plus flyer: 60 visits gave 9 offers (15%), 80 calls
    /// with a flyer 4 (5%).
    fn example() -> Funnel<u8> {
        Funnel {
            total: stages(150, 70, 13, 8, 5, 20),
            by_approach: BTreeMap::from([
                (Approach::HouseVisit, stages(60, 40, 9, 6, 3, 5)),
                (Approach::PhoneAndFlyer, stages(80, 30, 4, 2, 2, 15)),
            ]),
            by_district: BTreeMap::from([(1, stages(100, 50, 10, 6, 4, 12)), (2, stages(50, 20, 3, 2, 1, 8))]),
            declined_by_reason: BTreeMap::from([(DeclineReason::NoTrust, 3), (DeclineReason::AlreadyHelped, 2)]),
        }
    }

    #[test]
    fn exact_figures_with_rates_of_the_addresses() {
        let f = show(&example(), false);
        assert_eq!(f.total.addresses, Shown::Value(150));
        assert_eq!(f.total.count(Stage::OfferMade), Shown::Value(13));
        assert_eq!(f.total.rate(Stage::Reached), Shown::Value(Some(46.7)));
        let visit = &f.by_approach.iter().find(|(a, _)| *a == Approach::HouseVisit).expect("visits").1;
        let flyer = &f.by_approach.iter().find(|(a, _)| *a == Approach::PhoneAndFlyer).expect("calls").1;
        assert_eq!(visit.rate(Stage::OfferMade), Shown::Value(Some(15.0)));
        assert_eq!(flyer.rate(Stage::OfferMade), Shown::Value(Some(5.0)));
        assert_eq!(f.by_approach.len(), Approach::ALL.len(), "every approach, zeros included");
        let letter = &f.by_approach.iter().find(|(a, _)| *a == Approach::Letter).expect("letters").1;
        assert_eq!(letter.rate(Stage::Reached), Shown::Value(None), "no addresses: no rate");
        assert_eq!(f.declined_by_reason.len(), DeclineReason::ALL.len());
    }

    #[test]
    fn small_cells_are_hidden_and_cannot_be_worked_back() {
        let f = show(&example(), true);
        assert!(f.small_counts_suppressed);
        // The campaign: declined 5 is shown, and its rate (5 and the other 145 are both 5 or more).
        assert_eq!(f.total.count(Stage::Declined), Shown::Value(5));
        assert_eq!(f.total.rate(Stage::Declined), Shown::Value(Some(3.3)));
        // Offers by house visit 9 and by phone plus flyer 4: "<5", and the 9 is protected, as
        // 13 - 4 would give it away; their rates go with them.
        let visit = &f.by_approach.iter().find(|(a, _)| *a == Approach::HouseVisit).expect("visits").1;
        let flyer = &f.by_approach.iter().find(|(a, _)| *a == Approach::PhoneAndFlyer).expect("calls").1;
        assert_eq!(flyer.count(Stage::OfferMade), Shown::Suppressed);
        // The zeros of the other approaches are hidden as well, so the 9 stays shown: four
        // hidden cells cannot be worked back one by one.
        assert_eq!(visit.count(Stage::OfferMade), Shown::Value(9));
        assert_eq!(flyer.rate(Stage::OfferMade), Shown::Suppressed);
        assert_eq!(visit.rate(Stage::OfferMade), Shown::Value(Some(15.0)));
        // Districts: accepted 6 and 2 of 8; the 2 is small, so the 6 is protected.
        let d1 = &f.by_district[0].1;
        let d2 = &f.by_district[1].1;
        assert_eq!(d2.count(Stage::Accepted), Shown::Suppressed);
        assert_eq!(d1.count(Stage::Accepted), Shown::Protected);
        assert_eq!(d1.rate(Stage::Accepted), Shown::Protected, "a rate goes with its count");
        // Declined 1 in district 2: hidden, and 4 in district 1 is small itself.
        assert_eq!(d1.count(Stage::Declined), Shown::Suppressed);
        // Reasons: 3 and 2 of 5, both small; the zeros too.
        assert!(f.declined_by_reason.iter().all(|(_, c)| c.is_suppressed()));
        // A rate whose rest is small: 95 of 100 reached leaves 5 (shown), 97 leaves 3 (hidden).
        let mut g = example();
        g.total = stages(100, 97, 13, 8, 5, 2);
        let f = show(&g, true);
        assert_eq!(f.total.count(Stage::Reached), Shown::Value(97));
        assert_eq!(f.total.rate(Stage::Reached), Shown::Suppressed);
    }

    #[test]
    fn one_hidden_cell_takes_the_smallest_shown_one_with_it() {
        let mut f = example();
        f.by_district = BTreeMap::from([
            (1, stages(100, 40, 6, 5, 1, 10)),
            (2, stages(30, 20, 3, 2, 1, 5)),
            (3, stages(20, 10, 4, 1, 3, 5)),
        ]);
        let s = show(&f, true);
        // Offers: 6, 3 and 4 of 13: two hidden already, nothing more; the 6 stays.
        assert_eq!(s.by_district[0].1.count(Stage::OfferMade), Shown::Value(6));
        // Unreachable: 10, 5, 5 of 20: all shown. Addresses 100, 30, 20 of 150: all shown.
        assert_eq!(s.by_district[1].1.count(Stage::Unreachable), Shown::Value(5));
        // Accepted 5, 2, 1 of 8: two hidden, the 5 stays.
        assert_eq!(s.by_district[0].1.count(Stage::Accepted), Shown::Value(5));
        f.by_district = BTreeMap::from([(1, stages(100, 40, 6, 5, 1, 12)), (2, stages(50, 30, 7, 3, 4, 8))]);
        let s = show(&f, true);
        // Unreachable 12 and 8 of 20: shown; accepted 5 and 3 of 8: the 5 is protected.
        assert_eq!(s.by_district[0].1.count(Stage::Unreachable), Shown::Value(12));
        assert_eq!(s.by_district[0].1.count(Stage::Accepted), Shown::Protected);
    }
}
