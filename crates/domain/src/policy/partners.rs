//! Who may read and keep up the social map: partners, their GP status and linked workers
//! (issue 15 part 1; decision 0039).
//!
//! - Every staff member reads the overview and a partner's page: it holds no client data, and
//!   a family worker uses it to find "who is our contact at this school".
//! - Team managers keep up the partners serving a district of one of their teams (for creating
//!   one, or changing its districts: only districts of their teams); admins keep up all.
//! - Portal accounts do not learn that the social map exists: 404.
//!
//! `docs/access.md` holds the table [`matrix_markdown`] prints; a test keeps them equal.

use crate::codes::Role;
use crate::ids::DistrictId;
use crate::policy::{Decision, matrix};

/// What the actor wants to do with a partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartnerAction {
    /// The overview, a partner's details, its GP status history and linked workers.
    Read,
    /// Create a partner, change its contact details, districts or end it.
    Manage,
    /// Record a GP practice's change of collaboration status.
    RecordGpStatus,
    /// Link or unlink family workers (kernpartner, GP practice worker).
    LinkWorkers,
}

impl PartnerAction {
    pub const ALL: &'static [Self] = &[Self::Read, Self::Manage, Self::RecordGpStatus, Self::LinkWorkers];

    pub fn code(self) -> &'static str {
        match self {
            Self::Read => "read_partners",
            Self::Manage => "manage_partner",
            Self::RecordGpStatus => "record_gp_status",
            Self::LinkWorkers => "link_workers",
        }
    }
}

/// How the actor relates to a partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartnerRelation {
    /// The partner serves a district of one of the actor's teams (for creating one: every
    /// district asked for is one of theirs).
    District,
    /// Neither.
    Other,
}

impl PartnerRelation {
    pub const ALL: &'static [Self] = &[Self::District, Self::Other];

    pub fn code(self) -> &'static str {
        match self {
            Self::District => "serves_own_district",
            Self::Other => "other",
        }
    }

    /// The relation of an actor whose teams work in `actor_districts` to a partner serving
    /// `districts`.
    pub fn of(actor_districts: &[DistrictId], districts: &[DistrictId]) -> Self {
        if districts.iter().any(|d| actor_districts.contains(d)) { Self::District } else { Self::Other }
    }

    /// The relation for creating a partner for `asked` districts, or changing its districts
    /// from `before` to `asked`: every district added or removed must be the actor's.
    pub fn for_districts(actor_districts: &[DistrictId], before: &[DistrictId], asked: &[DistrictId]) -> Self {
        let changed = asked.iter().filter(|d| !before.contains(d)).chain(before.iter().filter(|d| !asked.contains(d)));
        if !Self::foreign_changes(actor_districts, before, asked).is_empty() {
            return Self::Other;
        }
        if changed.count() > 0 || Self::of(actor_districts, before) == Self::District {
            Self::District
        } else {
            Self::Other
        }
    }

    /// The districts added or removed (from `before` to `asked`) that are not the actor's. A
    /// team manager who may manage the partner and names one gets a field error on
    /// `district_ids`, not a refusal: the choice is wrong, not the access.
    pub fn foreign_changes(
        actor_districts: &[DistrictId],
        before: &[DistrictId],
        asked: &[DistrictId],
    ) -> Vec<DistrictId> {
        asked
            .iter()
            .filter(|d| !before.contains(d))
            .chain(before.iter().filter(|d| !asked.contains(d)))
            .filter(|d| !actor_districts.contains(d))
            .copied()
            .collect()
    }
}

/// Decides one action on a partner. Refusals are 403 for staff (that partners exist is no
/// secret), 404 for portal accounts.
pub fn decide(role: Role, relation: PartnerRelation, action: PartnerAction) -> Decision {
    if !role.is_staff() {
        return Decision::Hidden;
    }
    let allowed = match (role, action) {
        (_, PartnerAction::Read) => true,
        (Role::Admin, _) => true,
        (Role::TeamManager, _) => relation == PartnerRelation::District,
        _ => false,
    };
    if allowed { Decision::Allow } else { Decision::Deny }
}

/// The partners matrix as a Markdown table, for `docs/access.md`.
pub fn matrix_markdown() -> String {
    matrix::markdown(
        "relation to the partner",
        PartnerAction::ALL,
        PartnerRelation::ALL,
        PartnerAction::code,
        PartnerRelation::code,
        decide,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use Decision::{Allow as A, Deny as D, Hidden as H};
    use PartnerAction::*;
    use PartnerRelation::*;
    use proptest::prelude::*;

    /// Role order: family_worker, team_manager, analyst, admin, privacy_officer, hr,
    /// family_member, network_member.
    const EXPECTED: &[(PartnerAction, PartnerRelation, [Decision; 8])] = &[
        (Read, District, [A, A, A, A, A, A, H, H]),
        (Read, Other, [A, A, A, A, A, A, H, H]),
        (Manage, District, [D, A, D, A, D, D, H, H]),
        (Manage, Other, [D, D, D, A, D, D, H, H]),
        (RecordGpStatus, District, [D, A, D, A, D, D, H, H]),
        (RecordGpStatus, Other, [D, D, D, A, D, D, H, H]),
        (LinkWorkers, District, [D, A, D, A, D, D, H, H]),
        (LinkWorkers, Other, [D, D, D, A, D, D, H, H]),
    ];

    #[test]
    fn matrix_role_by_relation_by_action() {
        for (action, relation, decisions) in EXPECTED {
            for (role, want) in Role::ALL.iter().zip(decisions) {
                assert_eq!(decide(*role, *relation, *action), *want, "{role:?} {relation:?} {action:?}");
            }
        }
        assert_eq!(EXPECTED.len(), PartnerAction::ALL.len() * PartnerRelation::ALL.len());
    }

    #[test]
    fn a_team_manager_changes_only_their_own_districts() {
        let (mine, theirs) = (DistrictId(1), DistrictId(2));
        assert_eq!(PartnerRelation::for_districts(&[mine], &[], &[mine]), District);
        assert_eq!(PartnerRelation::for_districts(&[mine], &[], &[mine, theirs]), Other);
        assert_eq!(PartnerRelation::for_districts(&[mine], &[theirs], &[theirs, mine]), District);
        assert_eq!(PartnerRelation::for_districts(&[mine], &[theirs, mine], &[mine]), Other);
        assert_eq!(PartnerRelation::for_districts(&[mine], &[theirs, mine], &[theirs, mine]), District);
        assert_eq!(PartnerRelation::for_districts(&[mine], &[theirs], &[theirs]), Other);
        assert_eq!(PartnerRelation::for_districts(&[], &[], &[]), Other);
    }

    proptest! {
        /// Portal accounts never learn of the social map; whoever may change a partner may read it.
        #[test]
        fn portal_never_and_writers_read(role in prop::sample::select(Role::ALL), rel in prop::sample::select(PartnerRelation::ALL), a in prop::sample::select(PartnerAction::ALL)) {
            let d = decide(role, rel, a);
            if !role.is_staff() {
                prop_assert_eq!(d, Decision::Hidden);
            }
            if d == Decision::Allow {
                prop_assert_eq!(decide(role, rel, Read), Decision::Allow);
            }
        }
    }
}
