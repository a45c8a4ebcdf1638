//! Data repair: voiding a referral registered by mistake, and merging two households that
//! were registered twice (decision 0020).
//!
//! A voided case stays in the database and in its team's view ("Vervallen"), with who voided
//! it, when and why, but it is left out of every list and figure. Voiding is only for a
//! referral that went no further: once the intake is held, work with the family exists, and
//! that case is closed with a closure reason instead (or its dates corrected), so that the
//! figures keep the work that was done.

use crate::case::CaseStatus;

pub use crate::codes::VoidReason;

/// Whether a case in `status` (voided or not) may be voided: only a referral before its
/// intake. `Err` carries the status the refusal reports (409 with `current_status`).
pub fn may_void(status: CaseStatus, voided: bool) -> Result<(), &'static str> {
    match (voided, status) {
        (true, _) => Err("voided"),
        (false, CaseStatus::Referred) => Ok(()),
        (false, other) => Err(other.code()),
    }
}

/// Whether two households may be merged as given: two different ones, neither merged away
/// already. `Err` names the problem as a code.
pub fn may_merge(surviving: i64, merged: i64, surviving_gone: bool, merged_gone: bool) -> Result<(), &'static str> {
    if surviving == merged {
        Err("same_household")
    } else if surviving_gone || merged_gone {
        Err("already_merged")
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_referral_before_its_intake_may_be_voided_and_only_once() {
        assert_eq!(may_void(CaseStatus::Referred, false), Ok(()));
        assert_eq!(may_void(CaseStatus::Referred, true), Err("voided"));
        for s in [CaseStatus::IntakeHeld, CaseStatus::InSupport, CaseStatus::Closed] {
            assert_eq!(may_void(s, false), Err(s.code()));
        }
    }

    #[test]
    fn a_household_is_not_merged_into_itself_nor_twice() {
        assert_eq!(may_merge(1, 2, false, false), Ok(()));
        assert_eq!(may_merge(1, 1, false, false), Err("same_household"));
        assert_eq!(may_merge(1, 2, true, false), Err("already_merged"));
        assert_eq!(may_merge(1, 2, false, true), Err("already_merged"));
    }
}
