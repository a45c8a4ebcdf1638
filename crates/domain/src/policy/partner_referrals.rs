//! Who may submit and follow referrals from a partner organisation (issue 15 part 3;
//! decision 0041).
//!
//! - A partner account (role `partner`, linked to one organisation by `users.partner_id`)
//!   submits referrals for that organisation and reads the status of that organisation's
//!   referrals, nothing else: never the file, the plan or what the family told the team.
//! - Another organisation's referrals are hidden (404): a partner does not learn they exist.
//! - Staff and portal accounts have no business here: staff see the referral on their worklist
//!   as any other (the partner as referrer); portal accounts do not learn this exists (404).
//!
//! `docs/access.md` holds the table [`matrix_markdown`] prints; a test keeps them equal.

use crate::codes::Role;
use crate::policy::{Decision, matrix};

/// What the actor wants to do with partner referrals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act {
    /// Submit a referral for a family, with the family's consent.
    Submit,
    /// Read the referrals submitted and their status in words.
    List,
}

impl Act {
    pub const ALL: &'static [Self] = &[Self::Submit, Self::List];

    pub fn code(self) -> &'static str {
        match self {
            Self::Submit => "submit_partner_referral",
            Self::List => "list_partner_referrals",
        }
    }
}

/// Whose referrals: the actor's own organisation's, or another's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Whose {
    Own,
    Other,
}

impl Whose {
    pub const ALL: &'static [Self] = &[Self::Own, Self::Other];

    pub fn code(self) -> &'static str {
        match self {
            Self::Own => "own_organisation",
            Self::Other => "other_organisation",
        }
    }
}

/// Decides one action. Staff are refused with 403 (that the API exists is no secret to
/// them); portal accounts and another organisation's partner with 404.
pub fn decide(role: Role, whose: Whose, act: Act) -> Decision {
    match (role, whose, act) {
        (Role::Partner, Whose::Own, Act::Submit | Act::List) => Decision::Allow,
        (Role::Partner, Whose::Other, _) => Decision::Hidden,
        (role, _, _) if role.is_staff() => Decision::Deny,
        _ => Decision::Hidden,
    }
}

/// The partner-referrals matrix as a Markdown table, for `docs/access.md`.
pub fn matrix_markdown() -> String {
    matrix::markdown("whose referrals", Act::ALL, Whose::ALL, Act::code, Whose::code, decide)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn only_a_partner_submits_and_reads_and_only_its_own() {
        assert_eq!(decide(Role::Partner, Whose::Own, Act::Submit), Decision::Allow);
        assert_eq!(decide(Role::Partner, Whose::Own, Act::List), Decision::Allow);
        assert_eq!(decide(Role::Partner, Whose::Other, Act::List), Decision::Hidden);
        assert_eq!(decide(Role::FamilyWorker, Whose::Own, Act::Submit), Decision::Deny);
        assert_eq!(decide(Role::FamilyMember, Whose::Own, Act::List), Decision::Hidden);
    }

    proptest! {
        #[test]
        fn nobody_but_a_partner_is_allowed(
            role in prop::sample::select(Role::ALL),
            whose in prop::sample::select(Whose::ALL),
            act in prop::sample::select(Act::ALL),
        ) {
            if decide(role, whose, act) == Decision::Allow {
                prop_assert_eq!(role, Role::Partner);
                prop_assert_eq!(whose, Whose::Own);
            }
        }
    }
}
