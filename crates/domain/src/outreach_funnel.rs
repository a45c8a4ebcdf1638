//! Attempts to reach a campaign address, the status they lead to, and the funnel a campaign
//! is steered by (issue 16, decision 0034).
//!
//! An address's `status` is the furthest stage it reached:
//!
//! ```text
//! open ──fruitless × N──▶ unreachable ──(contact after all)──┐
//!  │                                                        ▼
//!  └──spoken──▶ reached ──offer_made──▶ offer_made ──▶ declined ──▶ accepted (final)
//!                  └──────────────────────────────────┴─────────────▲
//! ```
//!
//! - A result never moves an address back: `status` is the furthest of what it was and what
//!   the attempt reached. A fruitless attempt (not home, no answer, wrong number) after a
//!   contact changes nothing.
//! - `accepted` is final: no attempt is recorded after it (409).
//! - `declined` can still become `accepted`: a family that said no may come back (the seeds'
//!   families of the benefits scandal often did, once trust grew). A declined address is not
//!   made `unreachable`.
//! - `unreachable`: an address never reached becomes unreachable after `unreachable_after`
//!   fruitless attempts in a row since the start, or when the worker records `unreachable`.
//!   A later contact still moves it on (the funnel counts it reached, no longer unreachable).

use std::collections::BTreeMap;

use crate::codes::code_list;
use crate::outreach::{Approach, AttemptResult, DeclineReason};

code_list!(
    /// How far an address got (the furthest stage; see the module documentation).
    AddressStatus {
        Open = "open", "Nog niet bereikt";
        Unreachable = "unreachable", "Niet bereikbaar";
        Reached = "reached", "Bereikt";
        OfferMade = "offer_made", "Hulp aangeboden";
        Declined = "declined", "Hulp afgeslagen";
        Accepted = "accepted", "Hulp aangenomen";
    }
);

/// The default number of fruitless attempts after which an address never reached is
/// unreachable (`--outreach-unreachable-after`).
pub const DEFAULT_UNREACHABLE_AFTER: u32 = 3;

/// The default term (months after the last signal) after which the signal data of an address
/// that did not become a client are destroyed (`--outreach-retention-months`; decision 0034).
pub const DEFAULT_RETENTION_MONTHS: u32 = 12;

impl AddressStatus {
    /// The stage's rank in the funnel: a status only ever moves to a higher rank.
    fn rank(self) -> u8 {
        match self {
            Self::Open => 0,
            Self::Unreachable => 1,
            Self::Reached => 2,
            Self::OfferMade => 3,
            Self::Declined => 4,
            Self::Accepted => 5,
        }
    }

    /// Reached: someone was spoken to (every stage from `reached` on).
    pub fn is_reached(self) -> bool {
        self.rank() >= Self::Reached.rank()
    }

    /// An offer of help was made (accepted and declined offers included).
    pub fn is_offer_made(self) -> bool {
        self.rank() >= Self::OfferMade.rank()
    }
}

impl AttemptResult {
    /// Nobody was spoken to.
    pub fn is_fruitless(self) -> bool {
        matches!(self, Self::NotHome | Self::NoAnswer | Self::WrongNumber)
    }
}

/// Why an attempt cannot be recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The address accepted help already: its referral is made, nothing follows here.
    AlreadyAccepted,
}

/// The status after an attempt with `result`, given the status before and the number of
/// fruitless attempts so far (this one included).
pub fn next_status(
    current: AddressStatus,
    result: AttemptResult,
    fruitless_so_far: u32,
    unreachable_after: u32,
) -> Result<AddressStatus, Refused> {
    use AddressStatus as S;
    use AttemptResult as R;
    if current == S::Accepted {
        return Err(Refused::AlreadyAccepted);
    }
    let reached = match result {
        R::NotHome | R::NoAnswer | R::WrongNumber => {
            if current == S::Open && fruitless_so_far >= unreachable_after.max(1) { S::Unreachable } else { current }
        }
        R::Unreachable => {
            if current == S::Open {
                S::Unreachable
            } else {
                current
            }
        }
        R::Spoken => S::Reached,
        R::OfferMade => S::OfferMade,
        R::Declined => S::Declined,
        R::Accepted => S::Accepted,
    };
    Ok(if reached.rank() > current.rank() { reached } else { current })
}

/// One attempt as the funnel needs it, in the order recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    pub approach: Approach,
    pub result: AttemptResult,
    pub decline_reason: Option<DeclineReason>,
}

/// One address as the funnel needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address<D> {
    /// The district (or any other key the funnel is split by).
    pub district: Option<D>,
    pub status: AddressStatus,
    /// Its attempts, oldest first.
    pub attempts: Vec<Attempt>,
}

impl<D> Address<D> {
    /// The approach the address counts under: that of the first attempt that brought it to its
    /// status (an offer made by a house visit counts for house visits, even if a phone call
    /// came first); for an open or unreachable address, its last attempt's. None without
    /// attempts.
    pub fn approach(&self) -> Option<Approach> {
        let mut status = AddressStatus::Open;
        let mut fruitless = 0;
        for a in &self.attempts {
            if a.result.is_fruitless() {
                fruitless += 1;
            }
            let next = next_status(status, a.result, fruitless, u32::MAX).unwrap_or(status);
            if next != status {
                status = next;
                if status == self.status && status.is_reached() {
                    return Some(a.approach);
                }
            }
        }
        self.attempts.last().map(|a| a.approach)
    }

    /// The reason of the last declined attempt.
    pub fn decline_reason(&self) -> Option<DeclineReason> {
        self.attempts.iter().rev().find(|a| a.result == AttemptResult::Declined).and_then(|a| a.decline_reason)
    }
}

/// The counts of one funnel: each stage counts the addresses that got at least that far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stages {
    pub addresses: u64,
    pub reached: u64,
    pub offer_made: u64,
    pub accepted: u64,
    pub declined: u64,
    pub unreachable: u64,
}

impl Stages {
    fn add(&mut self, status: AddressStatus) {
        self.addresses += 1;
        self.reached += u64::from(status.is_reached());
        self.offer_made += u64::from(status.is_offer_made());
        self.accepted += u64::from(status == AddressStatus::Accepted);
        self.declined += u64::from(status == AddressStatus::Declined);
        self.unreachable += u64::from(status == AddressStatus::Unreachable);
    }

    /// `part` as a percentage of the addresses (one decimal), None when there are none.
    pub fn rate(&self, part: u64) -> Option<f64> {
        (self.addresses > 0).then(|| (part as f64 * 1000.0 / self.addresses as f64).round() / 10.0)
    }

    /// The share of addresses that got an offer of help (the seeds' 15% vs 5%).
    pub fn offer_rate(&self) -> Option<f64> {
        self.rate(self.offer_made)
    }
}

/// A campaign's funnel, overall and split.
#[derive(Debug, Clone, PartialEq)]
pub struct Funnel<D: Ord> {
    pub total: Stages,
    /// By the approach each address counts under ([`Address::approach`]); addresses without
    /// attempts are in no approach.
    pub by_approach: BTreeMap<Approach, Stages>,
    pub by_district: BTreeMap<D, Stages>,
    /// Declined addresses by the reason of their last decline (`None`: no reason recorded).
    pub declined_by_reason: BTreeMap<DeclineReason, u64>,
}

/// Computes the funnel of a campaign's addresses.
pub fn funnel<D: Ord + Copy>(addresses: &[Address<D>]) -> Funnel<D> {
    let mut f = Funnel {
        total: Stages::default(),
        by_approach: BTreeMap::new(),
        by_district: BTreeMap::new(),
        declined_by_reason: BTreeMap::new(),
    };
    for a in addresses {
        f.total.add(a.status);
        if let Some(approach) = a.approach() {
            f.by_approach.entry(approach).or_default().add(a.status);
        }
        if let Some(d) = a.district {
            f.by_district.entry(d).or_default().add(a.status);
        }
        if a.status == AddressStatus::Declined
            && let Some(r) = a.decline_reason()
        {
            *f.declined_by_reason.entry(r).or_default() += 1;
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use AddressStatus as S;
    use Approach as P;
    use AttemptResult as R;
    use proptest::prelude::*;

    fn at(approach: Approach, result: AttemptResult) -> Attempt {
        Attempt { approach, result, decline_reason: None }
    }

    /// Replays attempts the way the use case does.
    fn replay(results: &[AttemptResult], after: u32) -> (AddressStatus, Option<usize>) {
        let mut status = S::Open;
        let mut fruitless = 0;
        for (i, r) in results.iter().enumerate() {
            if r.is_fruitless() {
                fruitless += 1;
            }
            match next_status(status, *r, fruitless, after) {
                Ok(s) => status = s,
                Err(_) => return (status, Some(i)),
            }
        }
        (status, None)
    }

    #[test]
    fn three_fruitless_attempts_make_an_address_never_reached_unreachable() {
        assert_eq!(replay(&[R::NotHome, R::NoAnswer], 3).0, S::Open);
        assert_eq!(replay(&[R::NotHome, R::NoAnswer, R::WrongNumber], 3).0, S::Unreachable);
        assert_eq!(replay(&[R::NotHome], 1).0, S::Unreachable);
        // Reached once: fruitless attempts afterwards change nothing.
        assert_eq!(replay(&[R::Spoken, R::NotHome, R::NotHome, R::NotHome], 3).0, S::Reached);
        // Unreachable, then reached after all.
        assert_eq!(replay(&[R::NotHome, R::NotHome, R::NotHome, R::OfferMade], 3).0, S::OfferMade);
        // The worker may say so at once.
        assert_eq!(replay(&[R::Unreachable], 3).0, S::Unreachable);
        assert_eq!(replay(&[R::Spoken, R::Unreachable], 3).0, S::Reached);
    }

    #[test]
    fn declined_can_still_be_accepted_but_accepted_is_final() {
        assert_eq!(replay(&[R::OfferMade, R::Declined, R::Accepted], 3), (S::Accepted, None));
        assert_eq!(replay(&[R::Accepted, R::Declined], 3), (S::Accepted, Some(1)));
        assert_eq!(replay(&[R::Declined, R::Spoken], 3).0, S::Declined);
    }

    /// The worked example of docs/kpi.md and decision 0034.
    #[test]
    fn funnel_worked_example() {
        let a = |d: u8, status, attempts: Vec<Attempt>| Address { district: Some(d), status, attempts };
        let declined = |reason| Attempt { approach: P::Phone, result: R::Declined, decline_reason: Some(reason) };
        let addresses = vec![
            // 1: house visit, offer, accepted.
            a(1, S::Accepted, vec![at(P::HouseVisit, R::OfferMade), at(P::HouseVisit, R::Accepted)]),
            // 2: phone not answered twice, then a house visit with an offer.
            a(
                1,
                S::OfferMade,
                vec![at(P::Phone, R::NoAnswer), at(P::Phone, R::NoAnswer), at(P::HouseVisit, R::OfferMade)],
            ),
            // 3: phone, spoken, no offer.
            a(1, S::Reached, vec![at(P::Phone, R::Spoken)]),
            // 4: phone, declined (lawyer).
            a(2, S::Declined, vec![declined(DeclineReason::Lawyer)]),
            // 5: three fruitless phone calls: unreachable.
            a(
                2,
                S::Unreachable,
                vec![at(P::Phone, R::NoAnswer), at(P::Phone, R::NoAnswer), at(P::PhoneAndFlyer, R::NotHome)],
            ),
            // 6: no attempt yet.
            a(2, S::Open, vec![]),
        ];
        let f = funnel(&addresses);
        assert_eq!(
            f.total,
            Stages { addresses: 6, reached: 4, offer_made: 3, accepted: 1, declined: 1, unreachable: 1 }
        );
        assert_eq!(f.total.offer_rate(), Some(50.0));
        assert_eq!(f.total.rate(f.total.reached), Some(66.7));
        assert_eq!(
            f.by_approach[&P::HouseVisit],
            Stages { addresses: 2, reached: 2, offer_made: 2, accepted: 1, declined: 0, unreachable: 0 }
        );
        assert_eq!(
            f.by_approach[&P::Phone],
            Stages { addresses: 2, reached: 2, offer_made: 1, accepted: 0, declined: 1, unreachable: 0 }
        );
        assert_eq!(f.by_approach[&P::PhoneAndFlyer].unreachable, 1);
        assert_eq!(f.by_approach.values().map(|s| s.addresses).sum::<u64>(), 5);
        assert_eq!(f.by_district[&1].offer_made, 2);
        assert_eq!(f.by_district[&2].addresses, 3);
        assert_eq!(f.declined_by_reason[&DeclineReason::Lawyer], 1);
    }

    fn any_result() -> impl Strategy<Value = AttemptResult> {
        prop::sample::select(AttemptResult::ALL.to_vec())
    }

    proptest! {
        /// A status never moves back, nothing follows acceptance, and the funnel stays a funnel.
        #[test]
        fn no_way_back(results in prop::collection::vec(any_result(), 0..12), after in 1u32..5) {
            let mut status = S::Open;
            let mut fruitless = 0;
            for r in &results {
                if r.is_fruitless() { fruitless += 1; }
                match next_status(status, *r, fruitless, after) {
                    Ok(next) => {
                        prop_assert!(next.rank() >= status.rank());
                        if status.is_reached() { prop_assert!(next != S::Unreachable); }
                        status = next;
                    }
                    Err(Refused::AlreadyAccepted) => prop_assert_eq!(status, S::Accepted),
                }
            }
            let f = funnel(&[Address { district: Some(1u8), status, attempts: results.iter().map(|r| at(P::Phone, *r)).collect() }]);
            prop_assert!(f.total.addresses >= f.total.reached);
            prop_assert!(f.total.reached >= f.total.offer_made);
            prop_assert!(f.total.offer_made >= f.total.accepted + f.total.declined);
        }
    }
}
