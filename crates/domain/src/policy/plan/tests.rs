use super::*;
use Decision::{Allow as A, Deny as D, Hidden as H};
use PlanAction::*;
use jiff::ToSpan;
use jiff::civil::date;
use proptest::prelude::*;

// The goal kinds of the matrix, by name.
/// A goal of the household as a whole.
const HH: Target = Target::Goal(goal(Owner::Household, false, false));
const HH_CONF: Target = Target::Goal(goal(Owner::Household, true, false));
const U12: Target = Target::Goal(goal(Owner::Client(AgeBand::Under12), false, false));
const U12_CONF: Target = Target::Goal(goal(Owner::Client(AgeBand::Under12), true, false));
const Y15: Target = Target::Goal(goal(Owner::Client(AgeBand::From12To15), false, false));
const Y15_CONF: Target = Target::Goal(goal(Owner::Client(AgeBand::From12To15), true, false));
const A16: Target = Target::Goal(goal(Owner::Client(AgeBand::From16), false, false));
const A16_SHARED: Target = Target::Goal(goal(Owner::Client(AgeBand::From16), false, true));
const A16_CONF: Target = Target::Goal(goal(Owner::Client(AgeBand::From16), true, false));
/// A goal about a household member who is not a client of the case.
const NC: Target = Target::Goal(goal(Owner::NonClientMember, false, false));
const CASE: Target = Target::Case;
const OWN_INV: Target = Target::Invitation { by_viewer: true };
const OTHER_INV: Target = Target::Invitation { by_viewer: false };

/// The column order of [`EXPECTED`].
const COLUMNS: [Viewer; 12] = [
    Viewer::Staff(Role::FamilyWorker, Relation::OwnTeam),
    Viewer::Staff(Role::FamilyWorker, Relation::OtherTeam),
    Viewer::Staff(Role::TeamManager, Relation::OwnTeam),
    Viewer::Staff(Role::TeamManager, Relation::OtherTeam),
    Viewer::Staff(Role::Analyst, Relation::NoRecord),
    Viewer::Staff(Role::Admin, Relation::NoRecord),
    Viewer::Member(Member::OwnGoal),
    Viewer::Member(Member::ParentWithAuthority),
    Viewer::Member(Member::OtherClient),
    Viewer::Member(Member::NonClient),
    Viewer::Network { invited: true },
    Viewer::Network { invited: false },
];

/// The expected family-plan matrix, written out by hand from the rules in the module docs.
/// Columns: family_worker own team, other team; team_manager own team, other team; analyst;
/// admin | member: own goal, parent with authority, other client, not a client | network:
/// invited, not (or no longer) invited.
///
/// Some cells describe combinations that cannot occur (a household goal has no "own" client,
/// a child under 12 has no account, `OwnGoal` does not occur on case-wide items); they are
/// still pinned so that the printed matrix cannot change unnoticed.
#[rustfmt::skip]
const EXPECTED: &[(PlanAction, Target, [Decision; 12])] = &[
    //                              FW own,    TM own,  an admin  own par oth non  nw+ nw-
    // Reading a goal: the own team; members by the age rules; an invited network member.
    (ReadGoal, HH,                [A, H, A, H, H, H,   A, A, A, A,   A, H]),
    // A confidential goal is closed to network members too, even those invited before.
    (ReadGoal, HH_CONF,           [A, H, A, H, H, H,   A, H, H, H,   H, H]),
    (ReadGoal, U12,               [A, H, A, H, H, H,   A, A, H, H,   A, H]),
    (ReadGoal, U12_CONF,          [A, H, A, H, H, H,   A, H, H, H,   H, H]),
    (ReadGoal, Y15,               [A, H, A, H, H, H,   A, A, H, H,   A, H]),
    (ReadGoal, Y15_CONF,          [A, H, A, H, H, H,   A, H, H, H,   H, H]),
    (ReadGoal, A16,               [A, H, A, H, H, H,   A, H, H, H,   A, H]),
    (ReadGoal, A16_SHARED,        [A, H, A, H, H, H,   A, A, A, H,   A, H]),
    (ReadGoal, A16_CONF,          [A, H, A, H, H, H,   A, H, H, H,   H, H]),
    // A goal about a member who is not a client: the team only, until they are made a client.
    (ReadGoal, NC,       [A, H, A, H, H, H,   H, H, H, H,   H, H]),
    // Scores: as reading, but not for network members.
    (ReadScores, HH,              [A, H, A, H, H, H,   A, A, A, A,   D, H]),
    (ReadScores, HH_CONF,         [A, H, A, H, H, H,   A, H, H, H,   H, H]),
    (ReadScores, U12,             [A, H, A, H, H, H,   A, A, H, H,   D, H]),
    (ReadScores, U12_CONF,        [A, H, A, H, H, H,   A, H, H, H,   H, H]),
    (ReadScores, Y15,             [A, H, A, H, H, H,   A, A, H, H,   D, H]),
    (ReadScores, Y15_CONF,        [A, H, A, H, H, H,   A, H, H, H,   H, H]),
    (ReadScores, A16,             [A, H, A, H, H, H,   A, H, H, H,   D, H]),
    (ReadScores, A16_SHARED,      [A, H, A, H, H, H,   A, A, A, H,   D, H]),
    (ReadScores, A16_CONF,        [A, H, A, H, H, H,   A, H, H, H,   H, H]),
    (ReadScores, NC,       [A, H, A, H, H, H,   H, H, H, H,   H, H]),
    // Commenting: whoever reads the goal.
    (CommentOnGoal, HH,           [A, H, A, H, H, H,   A, A, A, A,   A, H]),
    (CommentOnGoal, HH_CONF,      [A, H, A, H, H, H,   A, H, H, H,   H, H]),
    (CommentOnGoal, U12,          [A, H, A, H, H, H,   A, A, H, H,   A, H]),
    (CommentOnGoal, U12_CONF,     [A, H, A, H, H, H,   A, H, H, H,   H, H]),
    (CommentOnGoal, Y15,          [A, H, A, H, H, H,   A, A, H, H,   A, H]),
    (CommentOnGoal, Y15_CONF,     [A, H, A, H, H, H,   A, H, H, H,   H, H]),
    (CommentOnGoal, A16,          [A, H, A, H, H, H,   A, H, H, H,   A, H]),
    (CommentOnGoal, A16_SHARED,   [A, H, A, H, H, H,   A, A, A, H,   A, H]),
    (CommentOnGoal, A16_CONF,     [A, H, A, H, H, H,   A, H, H, H,   H, H]),
    (CommentOnGoal, NC,       [A, H, A, H, H, H,   H, H, H, H,   H, H]),
    // Proposing a change: portal only (staff change directly); not a non-client.
    (ProposeGoalChange, HH,         [D, H, D, H, H, H,   A, A, A, D,   D, H]),
    (ProposeGoalChange, HH_CONF,    [D, H, D, H, H, H,   A, H, H, H,   H, H]),
    (ProposeGoalChange, U12,        [D, H, D, H, H, H,   A, A, H, H,   D, H]),
    (ProposeGoalChange, U12_CONF,   [D, H, D, H, H, H,   A, H, H, H,   H, H]),
    (ProposeGoalChange, Y15,        [D, H, D, H, H, H,   A, A, H, H,   D, H]),
    (ProposeGoalChange, Y15_CONF,   [D, H, D, H, H, H,   A, H, H, H,   H, H]),
    (ProposeGoalChange, A16,        [D, H, D, H, H, H,   A, H, H, H,   D, H]),
    (ProposeGoalChange, A16_SHARED, [D, H, D, H, H, H,   A, A, A, H,   D, H]),
    (ProposeGoalChange, A16_CONF,   [D, H, D, H, H, H,   A, H, H, H,   H, H]),
    (ProposeGoalChange, NC,       [D, H, D, H, H, H,   H, H, H, H,   H, H]),
    // Completing one's own action: whoever reads the goal.
    (CompleteOwnAction, HH,         [A, H, A, H, H, H,   A, A, A, A,   A, H]),
    (CompleteOwnAction, HH_CONF,    [A, H, A, H, H, H,   A, H, H, H,   H, H]),
    (CompleteOwnAction, U12,        [A, H, A, H, H, H,   A, A, H, H,   A, H]),
    (CompleteOwnAction, U12_CONF,   [A, H, A, H, H, H,   A, H, H, H,   H, H]),
    (CompleteOwnAction, Y15,        [A, H, A, H, H, H,   A, A, H, H,   A, H]),
    (CompleteOwnAction, Y15_CONF,   [A, H, A, H, H, H,   A, H, H, H,   H, H]),
    (CompleteOwnAction, A16,        [A, H, A, H, H, H,   A, H, H, H,   A, H]),
    (CompleteOwnAction, A16_SHARED, [A, H, A, H, H, H,   A, A, A, H,   A, H]),
    (CompleteOwnAction, A16_CONF,   [A, H, A, H, H, H,   A, H, H, H,   H, H]),
    (CompleteOwnAction, NC,       [A, H, A, H, H, H,   H, H, H, H,   H, H]),
    // Sharing: only a goal of a client of 16 or older, by that client (or the worker).
    (ShareGoal, HH,               [D, H, D, H, H, H,   D, D, D, D,   D, H]),
    (ShareGoal, HH_CONF,          [D, H, D, H, H, H,   D, H, H, H,   H, H]),
    (ShareGoal, U12,              [D, H, D, H, H, H,   D, D, H, H,   D, H]),
    (ShareGoal, U12_CONF,         [D, H, D, H, H, H,   D, H, H, H,   H, H]),
    (ShareGoal, Y15,              [D, H, D, H, H, H,   D, D, H, H,   D, H]),
    (ShareGoal, Y15_CONF,         [D, H, D, H, H, H,   D, H, H, H,   H, H]),
    (ShareGoal, A16,              [A, H, A, H, H, H,   A, H, H, H,   D, H]),
    (ShareGoal, A16_SHARED,       [A, H, A, H, H, H,   A, D, D, H,   D, H]),
    (ShareGoal, A16_CONF,         [A, H, A, H, H, H,   A, H, H, H,   H, H]),
    (ShareGoal, NC,       [D, H, D, H, H, H,   H, H, H, H,   H, H]),
    // Inviting a network member: the own team, and members who see the goal (not a non-client).
    // Only the own client invites onto a goal of 16+, shared or not; parents while under 16.
    (InviteNetwork, HH,           [A, H, A, H, H, H,   A, A, A, D,   D, H]),
    (InviteNetwork, HH_CONF,      [A, H, A, H, H, H,   A, H, H, H,   H, H]),
    (InviteNetwork, U12,          [A, H, A, H, H, H,   A, A, H, H,   D, H]),
    (InviteNetwork, U12_CONF,     [A, H, A, H, H, H,   A, H, H, H,   H, H]),
    (InviteNetwork, Y15,          [A, H, A, H, H, H,   A, A, H, H,   D, H]),
    (InviteNetwork, Y15_CONF,     [A, H, A, H, H, H,   A, H, H, H,   H, H]),
    (InviteNetwork, A16,          [A, H, A, H, H, H,   A, H, H, H,   D, H]),
    (InviteNetwork, A16_SHARED,   [A, H, A, H, H, H,   A, D, D, H,   D, H]),
    (InviteNetwork, A16_CONF,     [A, H, A, H, H, H,   A, H, H, H,   H, H]),
    (InviteNetwork, NC,       [A, H, A, H, H, H,   H, H, H, H,   H, H]),
    // Changing a goal: the own team only; who sees it in the portal gets 403.
    (ChangeGoal, HH,              [A, H, A, H, H, H,   D, D, D, D,   D, H]),
    (ChangeGoal, HH_CONF,         [A, H, A, H, H, H,   D, H, H, H,   H, H]),
    (ChangeGoal, U12,             [A, H, A, H, H, H,   D, D, H, H,   D, H]),
    (ChangeGoal, U12_CONF,        [A, H, A, H, H, H,   D, H, H, H,   H, H]),
    (ChangeGoal, Y15,             [A, H, A, H, H, H,   D, D, H, H,   D, H]),
    (ChangeGoal, Y15_CONF,        [A, H, A, H, H, H,   D, H, H, H,   H, H]),
    (ChangeGoal, A16,             [A, H, A, H, H, H,   D, H, H, H,   D, H]),
    (ChangeGoal, A16_SHARED,      [A, H, A, H, H, H,   D, D, D, H,   D, H]),
    (ChangeGoal, A16_CONF,        [A, H, A, H, H, H,   D, H, H, H,   H, H]),
    (ChangeGoal, NC,       [A, H, A, H, H, H,   H, H, H, H,   H, H]),
    // Deciding on a proposal: as changing.
    (DecideProposal, HH,          [A, H, A, H, H, H,   D, D, D, D,   D, H]),
    (DecideProposal, HH_CONF,     [A, H, A, H, H, H,   D, H, H, H,   H, H]),
    (DecideProposal, U12,         [A, H, A, H, H, H,   D, D, H, H,   D, H]),
    (DecideProposal, U12_CONF,    [A, H, A, H, H, H,   D, H, H, H,   H, H]),
    (DecideProposal, Y15,         [A, H, A, H, H, H,   D, D, H, H,   D, H]),
    (DecideProposal, Y15_CONF,    [A, H, A, H, H, H,   D, H, H, H,   H, H]),
    (DecideProposal, A16,         [A, H, A, H, H, H,   D, H, H, H,   D, H]),
    (DecideProposal, A16_SHARED,  [A, H, A, H, H, H,   D, D, D, H,   D, H]),
    (DecideProposal, A16_CONF,    [A, H, A, H, H, H,   D, H, H, H,   H, H]),
    (DecideProposal, NC,       [A, H, A, H, H, H,   H, H, H, H,   H, H]),
    // Revoking a network invitation: the own team any, a member their own. Network members
    // see no invitations and nothing of the case as a whole: 404, as if it did not exist.
    (RevokeNetworkInvitation, OWN_INV,   [A, H, A, H, H, H,   A, A, A, A,   H, H]),
    (RevokeNetworkInvitation, OTHER_INV, [A, H, A, H, H, H,   D, D, D, D,   H, H]),
    // Case-wide items. Working notes never reach the portal, not even as a 403.
    (AddGoal, CASE,               [A, H, A, H, H, H,   D, D, D, D,   H, H]),
    (ReadWorkingNotes, CASE,      [A, H, A, H, H, H,   H, H, H, H,   H, H]),
    (WriteWorkingNotes, CASE,     [A, H, A, H, H, H,   H, H, H, H,   H, H]),
    (ReadEvaluations, CASE,       [A, H, A, H, H, H,   A, A, A, D,   H, H]),
    (RecordEvaluation, CASE,      [A, H, A, H, H, H,   D, D, D, D,   H, H]),
    (ReadHistory, CASE,           [A, H, A, H, H, H,   A, A, A, D,   H, H]),
    (AgreeToPlan, CASE,           [A, H, A, H, H, H,   A, A, A, D,   H, H]),
    (ReadAppointments, CASE,      [A, H, A, H, H, H,   A, A, A, D,   H, H]),
    (PlanAppointment, CASE,       [A, H, A, H, H, H,   D, D, D, D,   H, H]),
    (InviteToPortal, CASE,        [A, H, A, H, H, H,   D, D, D, D,   H, H]),
    // The case's access log: team managers of the own team only (NEN 7513).
    (ReadCaseAccessLog, CASE,     [D, H, A, H, H, H,   D, D, D, D,   H, H]),
    // One's own access log: every household member in the portal.
    (ReadOwnAccessLog, CASE,      [D, H, D, H, H, H,   A, A, A, A,   H, H]),
];

#[test]
fn matrix_viewer_by_target_by_action() {
    assert_eq!(COLUMNS.as_slice(), VIEWERS, "viewer order of the table");
    for (action, target, decisions) in EXPECTED {
        for (viewer, want) in COLUMNS.iter().zip(decisions) {
            assert_eq!(decide(*viewer, *action, *target), *want, "{viewer:?} {action:?} {target:?}");
        }
    }
    // Every (action, target) row of the printed matrix is in the table exactly once, and
    // the table holds nothing else.
    let mut rows = 0;
    for action in PlanAction::ALL {
        for target in action.targets() {
            let n = EXPECTED.iter().filter(|(a, t, _)| a == action && *t == target).count();
            assert_eq!(n, 1, "{action:?} {target:?} rows");
            rows += 1;
        }
    }
    assert_eq!(EXPECTED.len(), rows, "rows in the table that the matrix does not print");
}

#[test]
fn the_lists_are_complete() {
    // Every action once in ALL, with its own code.
    for (i, a) in PlanAction::ALL.iter().enumerate() {
        assert!(!PlanAction::ALL[..i].contains(a), "{a:?} twice");
        assert!(!PlanAction::ALL[..i].iter().any(|b| b.code() == a.code()), "{a:?} code twice");
    }
    assert_eq!(PlanAction::ALL.len(), 22);
    // Every goal kind, every viewer once.
    for (i, g) in GOAL_KINDS.iter().enumerate() {
        assert!(!GOAL_KINDS[..i].contains(g), "{g:?} twice");
    }
    for (i, v) in VIEWERS.iter().enumerate() {
        assert!(!VIEWERS[..i].contains(v), "{v:?} twice");
    }
}

// ---- Invariants, over every viewer, action and target (also those the matrix leaves out).

fn all_viewers() -> Vec<Viewer> {
    let mut all = Vec::new();
    for role in Role::ALL {
        for rel in Relation::ALL {
            all.push(Viewer::Staff(*role, *rel));
        }
    }
    for m in [Member::OwnGoal, Member::ParentWithAuthority, Member::OtherClient, Member::NonClient] {
        all.push(Viewer::Member(m));
    }
    all.push(Viewer::Network { invited: true });
    all.push(Viewer::Network { invited: false });
    all
}

fn all_goals() -> Vec<GoalFacts> {
    let mut owners = vec![Owner::Household, Owner::NonClientMember];
    owners.extend(AgeBand::ALL.iter().map(|b| Owner::Client(*b)));
    let mut all = Vec::new();
    for owner in owners {
        for confidential in [false, true] {
            for shared in [false, true] {
                all.push(goal(owner, confidential, shared));
            }
        }
    }
    all
}

fn all_targets() -> Vec<Target> {
    let mut all = vec![Target::Case, OWN_INV, OTHER_INV];
    all.extend(all_goals().into_iter().map(Target::Goal));
    all
}

fn is_portal(v: Viewer) -> bool {
    matches!(v, Viewer::Member(_) | Viewer::Network { .. })
}

#[test]
fn the_matrix_kinds_are_among_the_invariant_inputs() {
    let goals = all_goals();
    assert!(GOAL_KINDS.iter().all(|g| goals.contains(g)));
    let viewers = all_viewers();
    assert!(VIEWERS.iter().all(|v| viewers.contains(v)));
}

#[test]
fn staff_outside_the_own_team_and_roles_without_client_access_get_nothing() {
    for viewer in all_viewers() {
        let Viewer::Staff(role, rel) = viewer else { continue };
        if has_client_access(role) && matches!(rel, Relation::OwnTeam | Relation::Emergency) {
            continue;
        }
        // Analysts, admins, portal roles posing as staff, and workers and managers of
        // another team (or without a team relation): the plan does not exist for them.
        for action in PlanAction::ALL {
            for target in all_targets() {
                assert_eq!(decide(viewer, *action, target), H, "{viewer:?} {action:?} {target:?}");
            }
        }
    }
}

#[test]
fn staff_of_the_own_team_read_every_goal_and_only_managers_read_the_case_log() {
    for role in [Role::FamilyWorker, Role::TeamManager] {
        let v = Viewer::Staff(role, Relation::OwnTeam);
        for g in all_goals() {
            assert_eq!(decide(v, ReadGoal, Target::Goal(g)), A, "{role:?} {g:?}");
            assert_eq!(decide(v, ChangeGoal, Target::Goal(g)), A, "{role:?} {g:?}");
        }
        assert_eq!(decide(v, ReadWorkingNotes, CASE), A);
    }
    assert_eq!(decide(Viewer::Staff(Role::TeamManager, Relation::OwnTeam), ReadCaseAccessLog, CASE), A);
    assert_eq!(decide(Viewer::Staff(Role::FamilyWorker, Relation::OwnTeam), ReadCaseAccessLog, CASE), D);
}

#[test]
fn an_emergency_grant_reads_the_plan_as_the_team_and_changes_nothing() {
    for role in [Role::FamilyWorker, Role::TeamManager] {
        let grant = Viewer::Staff(role, Relation::Emergency);
        let team = Viewer::Staff(role, Relation::OwnTeam);
        for action in PlanAction::ALL {
            for target in all_targets() {
                let got = decide(grant, *action, target);
                if action.is_read() {
                    assert_eq!(got, decide(team, *action, target), "{role:?} {action:?} {target:?}");
                } else {
                    assert_eq!(got, D, "{role:?} {action:?} {target:?}");
                }
            }
        }
        assert_eq!(decide(grant, ReadWorkingNotes, CASE), A);
        assert_eq!(decide(grant, ReadCaseAccessLog, CASE), D);
    }
}

#[test]
fn working_notes_never_reach_the_portal() {
    for viewer in all_viewers().into_iter().filter(|v| is_portal(*v)) {
        for action in [ReadWorkingNotes, WriteWorkingNotes] {
            for target in all_targets() {
                assert_ne!(decide(viewer, action, target), A, "{viewer:?} {action:?} {target:?}");
            }
            // Not even a 403 that would show they exist.
            assert_eq!(decide(viewer, action, CASE), H, "{viewer:?} {action:?}");
        }
    }
}

#[test]
fn a_network_member_gets_nothing_of_a_goal_when_not_invited() {
    let v = Viewer::Network { invited: false };
    for action in PlanAction::ALL {
        for g in all_goals() {
            assert_ne!(decide(v, *action, Target::Goal(g)), A, "{action:?} {g:?}");
            assert_eq!(decide(v, *action, Target::Goal(g)), H, "{action:?} {g:?}");
        }
    }
    // And never anything case-wide either.
    for action in PlanAction::ALL {
        assert_ne!(decide(v, *action, CASE), A, "{action:?}");
        assert_ne!(decide(Viewer::Network { invited: true }, *action, CASE), A, "{action:?}");
    }
}

#[test]
fn a_confidential_goal_is_shown_to_no_member_but_its_own_client() {
    for m in [Member::ParentWithAuthority, Member::OtherClient, Member::NonClient] {
        for g in all_goals().into_iter().filter(|g| g.confidential) {
            for action in PlanAction::ALL {
                assert_eq!(decide(Viewer::Member(m), *action, Target::Goal(g)), H, "{m:?} {action:?} {g:?}");
            }
        }
    }
    for g in all_goals().into_iter().filter(|g| g.confidential && g.owner != Owner::NonClientMember) {
        assert_eq!(decide(Viewer::Member(Member::OwnGoal), ReadGoal, Target::Goal(g)), A, "{g:?}");
    }
}

#[test]
fn a_goal_about_a_member_who_is_no_client_stays_with_the_team() {
    for g in all_goals().into_iter().filter(|g| g.owner == Owner::NonClientMember) {
        for viewer in all_viewers() {
            for action in PlanAction::ALL {
                let got = decide(viewer, *action, Target::Goal(g));
                if is_portal(viewer) {
                    // Not the member themselves, not their parents, no network member.
                    assert_eq!(got, H, "{viewer:?} {action:?} {g:?}");
                } else if got == A {
                    // The team, or a reader under an emergency grant, who reads as the team.
                    assert!(
                        matches!(viewer, Viewer::Staff(_, Relation::OwnTeam | Relation::Emergency)),
                        "{viewer:?} {action:?}"
                    );
                }
            }
        }
        let worker = Viewer::Staff(Role::FamilyWorker, Relation::OwnTeam);
        assert_eq!(decide(worker, ReadGoal, Target::Goal(g)), A);
        assert_eq!(decide(worker, ChangeGoal, Target::Goal(g)), A);
    }
}

#[test]
fn a_non_client_reads_only_the_households_open_goals() {
    for g in all_goals() {
        let want = g.owner == Owner::Household && !g.confidential;
        let got = decide(Viewer::Member(Member::NonClient), ReadGoal, Target::Goal(g));
        assert_eq!(got == A, want, "{g:?}");
        // And changes nothing of them but their own actions and comments.
        for action in [ProposeGoalChange, InviteNetwork, ShareGoal, ChangeGoal, DecideProposal] {
            assert_ne!(decide(Viewer::Member(Member::NonClient), action, Target::Goal(g)), A, "{action:?} {g:?}");
        }
    }
}

#[test]
fn the_age_rules_for_parents_and_other_clients() {
    let parent = Viewer::Member(Member::ParentWithAuthority);
    let other = Viewer::Member(Member::OtherClient);
    let read = |v, t| decide(v, ReadGoal, t);
    // Under 12 and 12-15: parents with authority read the goals, others in the family do not.
    for t in [U12, Y15] {
        assert_eq!(read(parent, t), A, "{t:?}");
        assert_eq!(read(other, t), H, "{t:?}");
    }
    // From 16: nobody else unless the client shared it, and then parents and other clients.
    assert_eq!(read(parent, A16), H);
    assert_eq!(read(other, A16), H);
    assert_eq!(read(parent, A16_SHARED), A);
    assert_eq!(read(other, A16_SHARED), A);
    // The own client reads their goal at every age.
    for g in all_goals().into_iter().filter(|g| g.owner != Owner::NonClientMember) {
        assert_eq!(read(Viewer::Member(Member::OwnGoal), Target::Goal(g)), A, "{g:?}");
    }
}

#[test]
fn only_the_client_of_16_or_older_shares_their_goal() {
    for viewer in all_viewers().into_iter().filter(|v| is_portal(*v)) {
        for g in all_goals() {
            let allowed = decide(viewer, ShareGoal, Target::Goal(g)) == A;
            let own16 = viewer == Viewer::Member(Member::OwnGoal) && g.owner == Owner::Client(AgeBand::From16);
            assert_eq!(allowed, own16, "{viewer:?} {g:?}");
        }
    }
}

#[test]
fn every_action_on_a_goal_needs_its_read() {
    for viewer in all_viewers() {
        for g in all_goals() {
            let read = decide(viewer, ReadGoal, Target::Goal(g));
            for action in PlanAction::ALL {
                let got = decide(viewer, *action, Target::Goal(g));
                if got == A {
                    assert_eq!(read, A, "{viewer:?} {action:?} {g:?}");
                }
                // Who may not know the goal exists gets a 404 on everything about it.
                if read == H {
                    assert_eq!(got, H, "{viewer:?} {action:?} {g:?}");
                }
            }
        }
    }
}

#[test]
fn member_sees_goal_is_what_decide_applies() {
    for m in [Member::OwnGoal, Member::ParentWithAuthority, Member::OtherClient, Member::NonClient] {
        for g in all_goals() {
            assert_eq!(decide(Viewer::Member(m), ReadGoal, Target::Goal(g)) == A, member_sees_goal(m, g));
        }
    }
}

#[test]
fn portal_viewers_never_do_staff_work() {
    let staff_only = [
        ChangeGoal,
        DecideProposal,
        AddGoal,
        ReadWorkingNotes,
        WriteWorkingNotes,
        RecordEvaluation,
        PlanAppointment,
        InviteToPortal,
        ReadCaseAccessLog,
    ];
    for viewer in all_viewers().into_iter().filter(|v| is_portal(*v)) {
        for action in staff_only {
            for target in all_targets() {
                assert_ne!(decide(viewer, action, target), A, "{viewer:?} {action:?} {target:?}");
            }
        }
    }
}

#[test]
fn children_under_12_have_no_account() {
    assert!(!AgeBand::Under12.may_have_account());
    assert!(AgeBand::From12To15.may_have_account());
    assert!(AgeBand::From16.may_have_account());
}

// ---- Age bands.

/// The n-th birthday of someone born on `birth`. Someone born on 29 February has it on
/// 1 March in a year that is not a leap year (as [`crate::person::age_on`] counts: on
/// 28 February they are still the younger age).
fn birthday(birth: Date, n: i16) -> Date {
    let year = birth.year() + n;
    Date::new(year, birth.month(), birth.day()).unwrap_or_else(|_| date(year, 3, 1))
}

fn rank(b: AgeBand) -> usize {
    AgeBand::ALL.iter().position(|x| *x == b).unwrap_or(usize::MAX)
}

fn any_birth_date() -> impl Strategy<Value = Date> {
    prop_oneof![
        // Any day of the years around 1900 and 2100 (which are no leap years) and between.
        (1880i16..2100, 1i8..=12, 1i8..=31).prop_filter_map("no such day", |(y, m, d)| Date::new(y, m, d).ok()),
        // 29 February of a leap year, so the 12th and 16th birthday fall on 29 February, or
        // (birthdays in 1900 and 2100) on 1 March.
        (470i16..525).prop_filter_map("no leap year", |k| Date::new(4 * k, 2, 29).ok()),
    ]
}

#[test]
fn bands_on_the_birthdays() {
    let b = date(2010, 6, 15);
    assert_eq!(AgeBand::of(b, date(2022, 6, 14)), AgeBand::Under12);
    assert_eq!(AgeBand::of(b, date(2022, 6, 15)), AgeBand::From12To15);
    assert_eq!(AgeBand::of(b, date(2026, 6, 14)), AgeBand::From12To15);
    assert_eq!(AgeBand::of(b, date(2026, 6, 15)), AgeBand::From16);
    // Born on 29 February: the birthday is 29 February in a leap year...
    let leap = date(2012, 2, 29);
    assert_eq!(AgeBand::of(leap, date(2024, 2, 28)), AgeBand::Under12);
    assert_eq!(AgeBand::of(leap, date(2024, 2, 29)), AgeBand::From12To15);
    assert_eq!(AgeBand::of(leap, date(2028, 2, 28)), AgeBand::From12To15);
    assert_eq!(AgeBand::of(leap, date(2028, 2, 29)), AgeBand::From16);
    // ... and 1 March otherwise (2100 is no leap year).
    assert_eq!(AgeBand::of(date(2088, 2, 29), date(2100, 2, 28)), AgeBand::Under12);
    assert_eq!(AgeBand::of(date(2088, 2, 29), date(2100, 3, 1)), AgeBand::From12To15);
    assert_eq!(AgeBand::of(date(2084, 2, 29), date(2100, 2, 28)), AgeBand::From12To15);
    assert_eq!(AgeBand::of(date(2084, 2, 29), date(2100, 3, 1)), AgeBand::From16);
    // Before the birth date counts as under 12.
    assert_eq!(AgeBand::of(b, date(2010, 1, 1)), AgeBand::Under12);
}

proptest! {
    #[test]
    fn the_band_changes_on_the_12th_and_16th_birthday(birth in any_birth_date()) {
        let b12 = birthday(birth, 12);
        let b16 = birthday(birth, 16);
        let day_before = |d: Date| d.yesterday().expect("in range");
        prop_assert_eq!(AgeBand::of(birth, day_before(b12)), AgeBand::Under12);
        prop_assert_eq!(AgeBand::of(birth, b12), AgeBand::From12To15);
        prop_assert_eq!(AgeBand::of(birth, day_before(b16)), AgeBand::From12To15);
        prop_assert_eq!(AgeBand::of(birth, b16), AgeBand::From16);
    }

    #[test]
    fn the_band_changes_nowhere_else(birth in any_birth_date(), days in -400i32..8000) {
        let on = birth.checked_add(days.days()).expect("in range");
        let want = if on < birthday(birth, 12) {
            AgeBand::Under12
        } else if on < birthday(birth, 16) {
            AgeBand::From12To15
        } else {
            AgeBand::From16
        };
        prop_assert_eq!(AgeBand::of(birth, on), want, "on {}", on);
    }

    #[test]
    fn the_band_never_goes_back(birth in any_birth_date(), a in -400i32..8000, b in -400i32..8000) {
        let (early, late) = (a.min(b), a.max(b));
        let on = |d: i32| birth.checked_add(d.days()).expect("in range");
        prop_assert!(rank(AgeBand::of(birth, on(early))) <= rank(AgeBand::of(birth, on(late))));
    }
}
