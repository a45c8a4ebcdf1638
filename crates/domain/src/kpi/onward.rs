//! Steering figures on onward referrals (inzet aanvullende hulp; issue 15 part 2, decision
//! 0040): onward referrals made in the period by kind and by district, and the share of the
//! period's closures whose case had an onward referral. Definitions in docs/kpi.md ("Onward
//! referrals").
//!
//! Suppression follows the rest of the report: counts below 5 become `"<5"`; the kinds and the
//! districts add up to the shown total and protect a second cell; the closures with an onward
//! referral show only when they and the closures without are 5 or more (the total of closures
//! is in the report), and so does their percentage. Across periods ([`super::nest`]) all are
//! flows: shown only where every month shows them.

use serde::Serialize;

use super::suppression::{primary, ratio_rule, secondary};
use super::{Count, Item, Key, Report, Shown, Stat, pct};
use crate::ids::DistrictId;
use crate::onward_referrals::OnwardReferralKind;

/// Everything the onward referral figures of one period are computed from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OnwardInputs {
    /// Onward referrals made in the period (by `referred_on`), by kind and district.
    pub referrals: Vec<(OnwardReferralKind, DistrictId, u64)>,
    /// Cases closed in the period.
    pub closed: u64,
    /// Of those, the cases with an onward referral made on or before their closure.
    pub closed_with: u64,
}

/// The onward referral figures of the report (`onward_referrals`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OnwardReport {
    /// Onward referrals made in the period.
    pub referrals: Count,
    pub by_kind: Vec<Item>,
    /// By the district the household lives in.
    pub by_district: Vec<Item>,
    /// Cases closed in the period that had an onward referral.
    pub closures_with_onward_referral: Count,
    /// `closures_with_onward_referral` as a percentage of the closures in the period.
    pub closures_with_onward_referral_pct: Stat,
    #[serde(skip)]
    pub basis: (u64, u64),
}

fn item(key: Key, label: String, count: u64, whole: u64) -> Item {
    Item { key, label, count: Shown::Value(count), pct: Shown::Value(pct(count, whole)) }
}

/// The onward referral figures of one period; `districts` name the district cells.
pub fn compute(o: &OnwardInputs, districts: &[(DistrictId, String)]) -> OnwardReport {
    let in_scope = |d: DistrictId| districts.iter().any(|(x, _)| *x == d);
    let total: u64 = o.referrals.iter().filter(|(_, d, _)| in_scope(*d)).map(|(_, _, n)| n).sum();
    let by_kind = OnwardReferralKind::ALL
        .iter()
        .map(|k| {
            let n = o.referrals.iter().filter(|(x, d, _)| x == k && in_scope(*d)).map(|(_, _, n)| n).sum();
            item(Key::Code(k.code()), k.label_nl().to_owned(), n, total)
        })
        .collect();
    let by_district = districts
        .iter()
        .map(|(d, name)| {
            let n = o.referrals.iter().filter(|(_, x, _)| x == d).map(|(_, _, n)| n).sum();
            item(Key::Id(d.0), name.clone(), n, total)
        })
        .collect();
    OnwardReport {
        referrals: Shown::Value(total),
        by_kind,
        by_district,
        closures_with_onward_referral: Shown::Value(o.closed_with),
        closures_with_onward_referral_pct: Shown::Value(pct(o.closed_with, o.closed)),
        basis: (o.closed_with, o.closed),
    }
}

fn values(items: &[Item]) -> Vec<u64> {
    items.iter().map(|i| i.count.value().unwrap_or(0)).collect()
}

/// Suppresses the onward referral figures of `r`; called by [`super::suppress`].
pub(super) fn suppress(r: &mut Report) {
    let o = &mut r.onward_referrals;
    let (with, closed) = o.basis;
    let (v_kind, v_district) = (values(&o.by_kind), values(&o.by_district));
    primary(&mut o.referrals);
    for i in o.by_kind.iter_mut().chain(o.by_district.iter_mut()) {
        primary(&mut i.count);
    }
    // With the closures shown, the count would give the closures without one away.
    if with < super::SUPPRESS_BELOW || closed.saturating_sub(with) < super::SUPPRESS_BELOW {
        o.closures_with_onward_referral = Shown::Suppressed;
    }
    ratio_rule(&mut o.closures_with_onward_referral_pct, with, closed);
    loop {
        let mut changed = false;
        for (list, vals) in [(&mut o.by_kind, &v_kind), (&mut o.by_district, &v_district)] {
            let mut cells: Vec<&mut Count> = list.iter_mut().map(|i| &mut i.count).collect();
            changed |= secondary(o.referrals.is_suppressed(), &mut cells, vals);
        }
        if !changed {
            break;
        }
    }
    hide_shares(o);
}

/// A share is hidden with its cell or with its total.
pub(super) fn hide_shares(o: &mut OnwardReport) {
    let total = o.referrals;
    for i in o.by_kind.iter_mut().chain(o.by_district.iter_mut()) {
        if let Some(m) = i.count.marker().or_else(|| total.marker()) {
            i.pct = m;
        }
    }
}

/// The onward referral figures of a longer calendar period for a reader of suppressed figures:
/// every figure is a flow, shown only where every month shows it.
pub(super) fn nest(r: &mut Report, own: &Report, months: &[Report]) {
    use super::nesting::{nest_items, nest_one};
    let (o, own) = (&mut r.onward_referrals, &own.onward_referrals);
    let hidden = |f: &dyn Fn(&OnwardReport) -> bool| months.iter().any(|m| f(&m.onward_referrals));
    nest_one(&mut o.referrals, own.referrals, hidden(&|m| m.referrals.is_suppressed()));
    nest_one(
        &mut o.closures_with_onward_referral,
        own.closures_with_onward_referral,
        hidden(&|m| m.closures_with_onward_referral.is_suppressed()),
    );
    nest_one(
        &mut o.closures_with_onward_referral_pct,
        own.closures_with_onward_referral_pct,
        hidden(&|m| m.closures_with_onward_referral_pct.is_suppressed()),
    );
    let kinds: Vec<&[Item]> = months.iter().map(|m| m.onward_referrals.by_kind.as_slice()).collect();
    nest_items(&mut o.by_kind, &own.by_kind, &kinds);
    let districts: Vec<&[Item]> = months.iter().map(|m| m.onward_referrals.by_district.as_slice()).collect();
    nest_items(&mut o.by_district, &own.by_district, &districts);
    hide_shares(o);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs() -> OnwardInputs {
        OnwardInputs {
            referrals: vec![
                (OnwardReferralKind::DebtAssistance, DistrictId(1), 7),
                (OnwardReferralKind::SpecialistYouthCare, DistrictId(1), 12),
                (OnwardReferralKind::Community, DistrictId(2), 2),
                (OnwardReferralKind::Community, DistrictId(9), 50),
            ],
            closed: 40,
            closed_with: 9,
        }
    }

    #[test]
    fn counts_by_kind_and_district_in_scope() {
        let districts = [(DistrictId(1), "Noord".to_owned()), (DistrictId(2), "Zuid".to_owned())];
        let o = compute(&inputs(), &districts);
        assert_eq!(o.referrals, Shown::Value(21), "district 9 is out of scope");
        let kinds: Vec<_> = o.by_kind.iter().map(|i| i.count.value().unwrap_or(0)).collect();
        assert_eq!(kinds, [12, 0, 7, 0, 0, 2]);
        assert_eq!(o.by_district.iter().map(|i| i.count.value()).collect::<Vec<_>>(), [Some(19), Some(2)]);
        assert_eq!(o.closures_with_onward_referral_pct, Shown::Value(Some(22.5)));
    }
}
