//! Who may do what with group offers and their participants (issue 19; decision 0028).
//!
//! - A group belongs to the team that runs it. That team's team manager manages it: creates it,
//!   changes its status, adds sessions, names facilitators.
//! - Offers are no client data: every member of staff who works with client records sees them
//!   (to enrol a client), of every team. Analysts, admins and privacy officers see the figures
//!   of groups on the dashboards, not the offers here, and never a participant.
//! - A client is enrolled from their case by staff of the case's team: decided on the case
//!   (`policy::Action::EnrolInGroup` through the case context), so another team's case is a 404.
//! - The group's team and its facilitators (staff named on the group, possibly of another team)
//!   see the participants and the waiting list, enrol someone who is not a client by name,
//!   record attendance and record that someone leaves.
//! - What a participant's row shows of their file (the case it came from, the plan goal it is
//!   linked to) only staff of that case's own team see ([`sees_file_link`]): a facilitator of
//!   another team, or the group's team when the case is another team's, sees the name only.
//!
//! `docs/access.md` holds the table [`matrix_markdown`] prints; a test keeps them equal.

use crate::codes::Role;
use crate::ids::TeamId;
use crate::policy::{Actor, Decision, has_client_access, matrix};

/// What the actor wants to do with a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GroupAction {
    /// See the offers: the list, one group with its sessions and facilitators, no participants.
    ReadOffers,
    /// Create a group, change its status, add sessions, name facilitators.
    ManageGroup,
    /// See the participants and the waiting list (their names; see [`sees_file_link`]).
    ReadParticipants,
    /// Enrol someone who is not a client, by name only.
    EnrolByName,
    /// Record who was present at a session.
    RecordAttendance,
    /// Record that a participant leaves, with a reason.
    RecordLeave,
}

impl GroupAction {
    pub const ALL: &'static [Self] = &[
        Self::ReadOffers,
        Self::ManageGroup,
        Self::ReadParticipants,
        Self::EnrolByName,
        Self::RecordAttendance,
        Self::RecordLeave,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::ReadOffers => "read_group_offers",
            Self::ManageGroup => "manage_group",
            Self::ReadParticipants => "read_group_participants",
            Self::EnrolByName => "enrol_non_client",
            Self::RecordAttendance => "record_attendance",
            Self::RecordLeave => "record_leave",
        }
    }
}

/// How the actor relates to a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GroupRelation {
    /// The actor works in (or manages) the team that runs the group. For creating a group:
    /// the team it is created on.
    GroupTeam,
    /// The actor is named as a facilitator of the group, and is not of its team.
    Facilitator,
    /// Neither.
    Other,
}

impl GroupRelation {
    pub const ALL: &'static [Self] = &[Self::GroupTeam, Self::Facilitator, Self::Other];

    pub fn code(self) -> &'static str {
        match self {
            Self::GroupTeam => "group_team",
            Self::Facilitator => "facilitator",
            Self::Other => "other",
        }
    }

    /// The relation of `actor` to a group of `team` with these staff facilitators.
    pub fn of(actor: &Actor, team: TeamId, facilitators: &[crate::ids::UserId]) -> Self {
        if actor.team_ids.contains(&team) {
            Self::GroupTeam
        } else if facilitators.contains(&actor.user_id) {
            Self::Facilitator
        } else {
            Self::Other
        }
    }
}

/// Decides one action on a group. Refusals are 403: that a group exists is no secret (the
/// offers are shown to all staff), except to portal accounts, for whom it is a 404.
pub fn decide(role: Role, relation: GroupRelation, action: GroupAction) -> Decision {
    use GroupAction::*;
    use GroupRelation::*;
    if !role.is_staff() {
        return Decision::Hidden;
    }
    if !has_client_access(role) {
        return Decision::Deny;
    }
    let allowed = match action {
        ReadOffers => true,
        ManageGroup => role == Role::TeamManager && relation == GroupTeam,
        ReadParticipants | EnrolByName | RecordAttendance | RecordLeave => matches!(relation, GroupTeam | Facilitator),
    };
    if allowed { Decision::Allow } else { Decision::Deny }
}

/// Whether the actor sees what a participant's row tells of their file (the case it came from,
/// the goal it is linked to): only staff of that case's own team. Everyone else who sees the
/// participants (a facilitator of another team; the group's team when the client's case is
/// another team's) sees the name only.
pub fn sees_file_link(actor: &Actor, case_team: TeamId) -> bool {
    has_client_access(actor.role) && actor.team_ids.contains(&case_team)
}

/// The group matrix as a Markdown table, for `docs/access.md`.
pub fn matrix_markdown() -> String {
    let mut out = matrix::markdown(
        "relation to the group",
        GroupAction::ALL,
        GroupRelation::ALL,
        GroupAction::code,
        GroupRelation::code,
        decide,
    );
    // The file link of a participant, by the viewer's relation to the participant's case.
    for (relation, own) in [("case_team", true), ("other", false)] {
        out.push_str(&format!("| see_participant_file_link | {relation} |"));
        for role in Role::ALL {
            let actor = Actor {
                user_id: crate::ids::UserId(1),
                role: *role,
                team_ids: vec![TeamId(1)],
                person_id: None,
                session_ref: None,
            };
            let cell = if sees_file_link(&actor, TeamId(if own { 1 } else { 2 })) { "allow" } else { "name only" };
            out.push_str(&format!(" {cell} |"));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::UserId;
    use Decision::{Allow as A, Deny as D, Hidden as H};
    use GroupAction::*;
    use GroupRelation::*;

    /// Role order: family_worker, team_manager, analyst, admin, privacy_officer, hr, family_member,
    /// network_member.
    const EXPECTED: &[(GroupAction, GroupRelation, [Decision; 8])] = &[
        (ReadOffers, GroupTeam, [A, A, D, D, D, D, H, H]),
        (ReadOffers, Facilitator, [A, A, D, D, D, D, H, H]),
        (ReadOffers, Other, [A, A, D, D, D, D, H, H]),
        (ManageGroup, GroupTeam, [D, A, D, D, D, D, H, H]),
        (ManageGroup, Facilitator, [D, D, D, D, D, D, H, H]),
        (ManageGroup, Other, [D, D, D, D, D, D, H, H]),
        (ReadParticipants, GroupTeam, [A, A, D, D, D, D, H, H]),
        (ReadParticipants, Facilitator, [A, A, D, D, D, D, H, H]),
        (ReadParticipants, Other, [D, D, D, D, D, D, H, H]),
        (EnrolByName, GroupTeam, [A, A, D, D, D, D, H, H]),
        (EnrolByName, Facilitator, [A, A, D, D, D, D, H, H]),
        (EnrolByName, Other, [D, D, D, D, D, D, H, H]),
        (RecordAttendance, GroupTeam, [A, A, D, D, D, D, H, H]),
        (RecordAttendance, Facilitator, [A, A, D, D, D, D, H, H]),
        (RecordAttendance, Other, [D, D, D, D, D, D, H, H]),
        (RecordLeave, GroupTeam, [A, A, D, D, D, D, H, H]),
        (RecordLeave, Facilitator, [A, A, D, D, D, D, H, H]),
        (RecordLeave, Other, [D, D, D, D, D, D, H, H]),
    ];

    #[test]
    fn matrix_role_by_relation_by_action() {
        for (action, relation, decisions) in EXPECTED {
            for (role, want) in Role::ALL.iter().zip(decisions) {
                assert_eq!(decide(*role, *relation, *action), *want, "{role:?} {relation:?} {action:?}");
            }
        }
        assert_eq!(EXPECTED.len(), GroupAction::ALL.len() * GroupRelation::ALL.len());
    }

    #[test]
    fn analysts_admins_and_privacy_officers_never_see_a_participant() {
        for role in [Role::Analyst, Role::Admin, Role::PrivacyOfficer] {
            for relation in GroupRelation::ALL {
                assert_ne!(decide(role, *relation, ReadParticipants), A, "{role:?}");
            }
        }
    }

    fn actor(role: Role, team: i64, user: i64) -> Actor {
        Actor { user_id: UserId(user), role, team_ids: vec![TeamId(team)], person_id: None, session_ref: None }
    }

    #[test]
    fn a_facilitator_of_another_team_sees_names_and_never_the_file() {
        let facilitator = actor(Role::FamilyWorker, 2, 9);
        let relation = GroupRelation::of(&facilitator, TeamId(1), &[UserId(9)]);
        assert_eq!(relation, Facilitator);
        assert_eq!(decide(facilitator.role, relation, ReadParticipants), A);
        assert!(!sees_file_link(&facilitator, TeamId(1)), "the client's case is team 1's");
        assert!(sees_file_link(&actor(Role::FamilyWorker, 1, 3), TeamId(1)));
        assert!(!sees_file_link(&actor(Role::Analyst, 1, 3), TeamId(1)));
        assert_eq!(GroupRelation::of(&actor(Role::FamilyWorker, 1, 9), TeamId(1), &[UserId(9)]), GroupTeam);
        assert_eq!(GroupRelation::of(&actor(Role::FamilyWorker, 3, 4), TeamId(1), &[UserId(9)]), Other);
    }
}
