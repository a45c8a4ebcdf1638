//! Who may record and read whether group support was considered in a case, and the
//! collective approach's activities (issue 19). The steering figures on groups are part of
//! the KPIs and follow [`super::kpi_disclosure`].
//!
//! - Whether group support was considered is part of the family plan: staff of the case's
//!   team read and record it; under an emergency grant it is read, never recorded; anyone
//!   else does not learn the case exists (404).
//! - Collective activities are recorded by family workers and team managers for the
//!   districts their teams serve (a city-wide team serves every district), and read by them
//!   there. They hold no client data, so another district is a plain 403 (districts are no
//!   secret). Analysts read the counts on the dashboards, not the activities themselves.

use super::{Decision, Relation, has_client_access, matrix};
use crate::codes::Role;

/// What the actor wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GroupSupportAction {
    /// Read whether group support was considered in a case, and why it is not used.
    ReadConsidered,
    /// Record it (a new record replaces the last; the audit log keeps the history).
    RecordConsidered,
    /// Record a meeting of the collective approach in a district.
    RecordCollectiveActivity,
    /// Read the collective activities of a district, with their signals.
    ReadCollectiveActivities,
}

impl GroupSupportAction {
    pub const ALL: &'static [Self] =
        &[Self::ReadConsidered, Self::RecordConsidered, Self::RecordCollectiveActivity, Self::ReadCollectiveActivities];

    pub fn code(self) -> &'static str {
        match self {
            Self::ReadConsidered => "read_group_support_considered",
            Self::RecordConsidered => "record_group_support_considered",
            Self::RecordCollectiveActivity => "record_collective_activity",
            Self::ReadCollectiveActivities => "read_collective_activities",
        }
    }

    /// Whether the action concerns a case (else a district).
    pub fn is_case_action(self) -> bool {
        matches!(self, Self::ReadConsidered | Self::RecordConsidered)
    }

    /// The relations the action is decided under: for a case, the actor's relation to its
    /// team; for a district, `OwnTeam` when one of the actor's teams serves it.
    pub fn relations(self) -> &'static [Relation] {
        if self.is_case_action() {
            &[Relation::OwnTeam, Relation::Emergency, Relation::OtherTeam]
        } else {
            &[Relation::OwnTeam, Relation::OtherTeam]
        }
    }
}

/// Decides one action.
pub fn decide(role: Role, relation: Relation, action: GroupSupportAction) -> Decision {
    use GroupSupportAction::*;
    let staff = has_client_access(role);
    match action {
        ReadConsidered => match (staff, relation) {
            (true, Relation::OwnTeam | Relation::Emergency) => Decision::Allow,
            _ => Decision::Hidden,
        },
        RecordConsidered => match (staff, relation) {
            (true, Relation::OwnTeam) => Decision::Allow,
            (true, Relation::Emergency) => Decision::Deny,
            _ => Decision::Hidden,
        },
        RecordCollectiveActivity | ReadCollectiveActivities => match (staff, relation) {
            (true, Relation::OwnTeam) => Decision::Allow,
            _ => Decision::Deny,
        },
    }
}

/// The matrix of this policy as a Markdown table, for `docs/access.md` (checked by the test
/// `docs_access_md_is_generated_from_this_policy`).
pub fn matrix_markdown() -> String {
    let rows = GroupSupportAction::ALL.iter().flat_map(|a| a.relations().iter().map(move |r| (*a, *r)));
    matrix::table(
        &["action", "relation"],
        Role::ALL,
        |role| role.code().to_owned(),
        rows.map(|(action, relation)| {
            let relation_code = match (action.is_case_action(), relation) {
                (false, Relation::OwnTeam) => "own_district",
                (false, _) => "other_district",
                (true, r) => r.code(),
            };
            (vec![action.code().to_owned(), relation_code.to_owned()], (action, relation))
        }),
        |(action, relation), role| matrix::cell(decide(role, *relation, *action)).to_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use Decision::{Allow as A, Deny as D, Hidden as H};
    use GroupSupportAction::*;
    use Relation::*;

    /// Written out by hand; role order: family_worker, team_manager, analyst, admin,
    /// privacy_officer, hr, family_member, network_member.
    const EXPECTED: &[(GroupSupportAction, Relation, [Decision; 8])] = &[
        (ReadConsidered, OwnTeam, [A, A, H, H, H, H, H, H]),
        (ReadConsidered, Emergency, [A, A, H, H, H, H, H, H]),
        (ReadConsidered, OtherTeam, [H, H, H, H, H, H, H, H]),
        (RecordConsidered, OwnTeam, [A, A, H, H, H, H, H, H]),
        (RecordConsidered, Emergency, [D, D, H, H, H, H, H, H]),
        (RecordConsidered, OtherTeam, [H, H, H, H, H, H, H, H]),
        (RecordCollectiveActivity, OwnTeam, [A, A, D, D, D, D, D, D]),
        (RecordCollectiveActivity, OtherTeam, [D, D, D, D, D, D, D, D]),
        (ReadCollectiveActivities, OwnTeam, [A, A, D, D, D, D, D, D]),
        (ReadCollectiveActivities, OtherTeam, [D, D, D, D, D, D, D, D]),
    ];

    #[test]
    fn matrix_role_by_relation_by_action() {
        for (action, relation, decisions) in EXPECTED {
            for (role, want) in Role::ALL.iter().zip(decisions) {
                assert_eq!(decide(*role, *relation, *action), *want, "{role:?} {relation:?} {action:?}");
            }
        }
        for action in GroupSupportAction::ALL {
            let rows = EXPECTED.iter().filter(|(a, _, _)| a == action).count();
            assert_eq!(rows, action.relations().len(), "{action:?} rows");
        }
    }

    #[test]
    fn an_emergency_grant_reads_whether_it_was_considered_and_records_nothing() {
        for role in Role::ALL {
            assert_ne!(decide(*role, Emergency, RecordConsidered), A);
            assert_eq!(decide(*role, Emergency, ReadConsidered), decide(*role, OwnTeam, ReadConsidered));
        }
    }
}
