//! The staff policy: its matrix, its invariants, and the generated docs/access.md.

use super::*;
use Action::*;
use Decision::{Allow as A, Deny as D, Hidden as H};
use Relation::*;

/// The expected matrix, written out by hand: role order is
/// family_worker, team_manager, analyst, admin, privacy_officer, hr, family_member, network_member,
/// partner.
const EXPECTED: &[(Action, Relation, [Decision; 9])] = &[
    (ReadOrganisation, NoRecord, [A, A, A, A, A, A, D, D, D]),
    (ManageOrganisation, NoRecord, [D, D, D, A, D, D, D, D, D]),
    (ManageUsers, NoRecord, [D, D, D, A, D, D, D, D, D]),
    (CreateHousehold, NoRecord, [A, A, D, D, D, D, D, D, D]),
    (ListCases, NoRecord, [A, A, D, D, D, D, D, D, D]),
    (RegisterReferral, OwnTeam, [A, A, D, D, D, D, D, D, D]),
    (RegisterReferral, Emergency, [D, D, D, D, D, D, D, D, D]),
    (RegisterReferral, OtherTeam, [D, D, D, D, D, D, D, D, D]),
    (ReadHousehold, OwnTeam, [A, A, H, H, H, H, H, H, H]),
    (ReadHousehold, Emergency, [A, A, H, H, H, H, H, H, H]),
    (ReadHousehold, OtherTeam, [H, H, H, H, H, H, H, H, H]),
    (UpdateHousehold, OwnTeam, [A, A, H, H, H, H, H, H, H]),
    (UpdateHousehold, Emergency, [D, D, H, H, H, H, H, H, H]),
    (UpdateHousehold, OtherTeam, [H, H, H, H, H, H, H, H, H]),
    (ReadCase, OwnTeam, [A, A, H, H, H, H, H, H, H]),
    (ReadCase, Emergency, [A, A, H, H, H, H, H, H, H]),
    (ReadCase, OtherTeam, [H, H, H, H, H, H, H, H, H]),
    (HoldIntake, OwnTeam, [A, A, H, H, H, H, H, H, H]),
    (HoldIntake, Emergency, [D, D, H, H, H, H, H, H, H]),
    (HoldIntake, OtherTeam, [H, H, H, H, H, H, H, H, H]),
    (StartSupport, OwnTeam, [A, A, H, H, H, H, H, H, H]),
    (StartSupport, Emergency, [D, D, H, H, H, H, H, H, H]),
    (StartSupport, OtherTeam, [H, H, H, H, H, H, H, H, H]),
    (CloseCase, OwnTeam, [A, A, H, H, H, H, H, H, H]),
    (CloseCase, Emergency, [D, D, H, H, H, H, H, H, H]),
    (CloseCase, OtherTeam, [H, H, H, H, H, H, H, H, H]),
    (RecordContact, OwnTeam, [A, A, H, H, H, H, H, H, H]),
    (RecordOnwardReferral, OwnTeam, [A, A, H, H, H, H, H, H, H]),
    (RecordContact, Emergency, [D, D, H, H, H, H, H, H, H]),
    (RecordOnwardReferral, Emergency, [D, D, H, H, H, H, H, H, H]),
    (RecordContact, OtherTeam, [H, H, H, H, H, H, H, H, H]),
    (RecordOnwardReferral, OtherTeam, [H, H, H, H, H, H, H, H, H]),
    (ClaimCase, OwnTeam, [A, A, H, H, H, H, H, H, H]),
    (ClaimCase, Emergency, [D, D, H, H, H, H, H, H, H]),
    (ClaimCase, OtherTeam, [H, H, H, H, H, H, H, H, H]),
    (AssignCase, OwnTeam, [D, A, H, H, H, H, H, H, H]),
    (AssignCase, Emergency, [D, D, H, H, H, H, H, H, H]),
    (AssignCase, OtherTeam, [H, H, H, H, H, H, H, H, H]),
    (CorrectCase, OwnTeam, [A, A, H, H, H, H, H, H, H]),
    (CorrectCase, Emergency, [D, D, H, H, H, H, H, H, H]),
    (CorrectCase, OtherTeam, [H, H, H, H, H, H, H, H, H]),
    (ReopenCase, OwnTeam, [D, A, H, H, H, H, H, H, H]),
    (ReopenCase, Emergency, [D, D, H, H, H, H, H, H, H]),
    (ReopenCase, OtherTeam, [H, H, H, H, H, H, H, H, H]),
    (ReadKpis, NoRecord, [D, A, A, D, D, D, D, D, D]),
    (ReadKpis, OwnTeam, [A, A, A, D, D, D, D, D, D]),
    (ReadKpis, OtherTeam, [D, A, A, D, D, D, D, D, D]),
    (VoidCase, OwnTeam, [D, A, H, H, H, H, H, H, H]),
    (VoidCase, Emergency, [D, D, H, H, H, H, H, H, H]),
    (VoidCase, OtherTeam, [H, H, H, H, H, H, H, H, H]),
    (MergeHouseholds, OwnTeam, [D, A, H, H, H, H, H, H, H]),
    (MergeHouseholds, Emergency, [D, D, H, H, H, H, H, H, H]),
    (MergeHouseholds, OtherTeam, [H, H, H, H, H, H, H, H, H]),
    (ReadAdminLog, NoRecord, [D, D, D, A, D, D, D, D, D]),
    (ReviewPrivacy, NoRecord, [D, D, D, D, A, D, D, D, D]),
    (ReadProcessingRegister, NoRecord, [D, D, D, A, A, D, D, D, D]),
    (RequestEmergencyAccess, NoRecord, [A, A, D, D, D, D, D, D, D]),
    (RegisterDestructionRequest, OwnTeam, [A, A, H, H, A, H, H, H, H]),
    (RegisterDestructionRequest, OtherTeam, [H, H, H, H, A, H, H, H, H]),
    (RegisterDestructionRequest, Emergency, [D, D, H, H, A, H, H, H, H]),
    (EnrolInGroup, OwnTeam, [A, A, H, H, H, H, H, H, H]),
    (EnrolInGroup, Emergency, [D, D, H, H, H, H, H, H, H]),
    (EnrolInGroup, OtherTeam, [H, H, H, H, H, H, H, H, H]),
];

#[test]
fn matrix_role_by_relation_by_action() {
    let roles = [
        Role::FamilyWorker,
        Role::TeamManager,
        Role::Analyst,
        Role::Admin,
        Role::PrivacyOfficer,
        Role::Hr,
        Role::FamilyMember,
        Role::NetworkMember,
        Role::Partner,
    ];
    assert_eq!(roles.as_slice(), Role::ALL, "role order of the table");
    for (action, relation, decisions) in EXPECTED {
        for (role, want) in roles.iter().zip(decisions) {
            assert_eq!(decide(*role, *relation, *action), *want, "{role:?} {relation:?} {action:?}");
        }
    }
    // Every record action is covered for both relations, every other action once.
    for action in Action::ALL {
        let rows = EXPECTED.iter().filter(|(a, _, _)| a == action).count();
        assert_eq!(rows, action.relations().len(), "{action:?} rows");
    }
}

#[test]
fn kpis_are_exact_only_for_own_teams() {
    use Disclosure::*;
    let exact = |role, rel| kpi_disclosure(role, rel) == Some(Exact);
    for role in Role::ALL {
        for rel in Relation::ALL {
            // Nobody gets exact small counts of families outside their own teams.
            if *rel != OwnTeam {
                assert!(!exact(*role, *rel), "{role:?} {rel:?}");
            }
        }
    }
    assert_eq!(kpi_disclosure(Role::TeamManager, OwnTeam), Some(Exact));
    assert_eq!(kpi_disclosure(Role::FamilyWorker, OwnTeam), Some(Exact));
    assert_eq!(kpi_disclosure(Role::Analyst, OwnTeam), Some(SmallCountsSuppressed));
    assert_eq!(kpi_disclosure(Role::Analyst, NoRecord), Some(SmallCountsSuppressed));
    assert_eq!(kpi_disclosure(Role::TeamManager, OtherTeam), Some(SmallCountsSuppressed));
    assert_eq!(kpi_disclosure(Role::FamilyWorker, NoRecord), None);
    assert_eq!(kpi_disclosure(Role::Admin, OwnTeam), None);
}

#[test]
fn nobody_outside_the_team_ever_gets_a_record() {
    for role in Role::ALL {
        for action in Action::ALL.iter().filter(|a| a.is_record_action()) {
            // The one exception: the privacy officer registers a request for destruction
            // on any team's case, and reads nothing of the file doing so.
            if (*role, *action) == (Role::PrivacyOfficer, RegisterDestructionRequest) {
                continue;
            }
            assert_ne!(decide(*role, OtherTeam, *action), A);
        }
    }
}

#[test]
fn an_emergency_grant_reads_and_never_writes() {
    for role in Role::ALL {
        for action in Action::ALL.iter().filter(|a| a.is_record_action()) {
            // Only staff with client access are ever given the emergency relation.
            if !has_client_access(*role) {
                continue;
            }
            let under_grant = decide(*role, Emergency, *action);
            if under_grant == A {
                assert!(action.is_read(), "{role:?} {action:?}");
                assert_eq!(decide(*role, OwnTeam, *action), A, "{role:?} {action:?}");
            }
            if action.is_read() && decide(*role, OwnTeam, *action) == A {
                assert_eq!(under_grant, A, "{role:?} {action:?}");
            }
        }
    }
}

fn actor(role: Role, team: i64) -> Actor {
    Actor { user_id: UserId(1), role, team_ids: vec![TeamId(team)], person_id: None, session_ref: None }
}

fn role_strategy() -> impl proptest::strategy::Strategy<Value = Role> {
    proptest::sample::select(Role::ALL.to_vec())
}

fn action_strategy() -> impl proptest::strategy::Strategy<Value = Action> {
    proptest::sample::select(Action::ALL.iter().copied().filter(|a| a.is_record_action()).collect::<Vec<_>>())
}

proptest::proptest! {
    /// Grant active or expired (or none) × own or other team × read or write action, for
    /// every role: a grant adds exactly the reads of an active grant on another team's
    /// case, for roles with client access, and nothing else.
    #[test]
    fn the_emergency_rule(
        role in role_strategy(),
        action in action_strategy(),
        own in proptest::bool::ANY,
        grant in proptest::option::of(-600i64..600),
        now in 1_700_000_000i64..1_900_000_000,
    ) {
        let now_ts = jiff::Timestamp::from_second(now).expect("a timestamp");
        let until = grant.map(|m| jiff::Timestamp::from_second(now + m * 60).expect("a timestamp"));
        let team = if own { 1 } else { 2 };
        let relation = relation_to_case(&actor(role, 1), TeamId(team), until, now_ts);
        let active = until.is_some_and(|u| u > now_ts);
        let got = decide(role, relation, action);
        let as_team = decide(role, OwnTeam, action);
        if own {
            proptest::prop_assert_eq!(relation, OwnTeam);
            proptest::prop_assert_eq!(got, as_team);
        } else if active && has_client_access(role) {
            proptest::prop_assert_eq!(relation, Emergency);
            if action.is_read() {
                proptest::prop_assert_eq!(got, as_team);
                proptest::prop_assert_eq!(got, A);
            } else {
                proptest::prop_assert_ne!(got, A);
            }
        } else {
            proptest::prop_assert_eq!(relation, OtherTeam);
            // The one exception of another team's case: the privacy officer registers a
            // request for destruction (and reads nothing of the file doing so).
            if (role, action) != (Role::PrivacyOfficer, RegisterDestructionRequest) {
                proptest::prop_assert_ne!(got, A);
            }
        }
    }
}

#[test]
fn scope_of_lists() {
    let worker = Actor {
        user_id: UserId(1),
        role: Role::FamilyWorker,
        team_ids: vec![TeamId(3)],
        person_id: None,
        session_ref: None,
    };
    assert_eq!(case_scope(&worker), Some([TeamId(3)].as_slice()));
    let analyst = Actor { role: Role::Analyst, ..worker.clone() };
    assert_eq!(case_scope(&analyst), None);
    assert_eq!(relation_to_team(&worker, TeamId(3)), OwnTeam);
    assert_eq!(relation_to_team(&worker, TeamId(4)), OtherTeam);
}

#[test]
fn docs_access_md_is_generated_from_this_policy() {
    // Both generated tables of docs/access.md, the staff matrix and the family-plan matrix
    // (`plan_policy`), are checked and regenerated here, in one test, so that two tests
    // never rewrite the file at the same time.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/access.md");
    let blocks = [
        ("<!-- BEGIN GENERATED MATRIX -->\n", "<!-- END GENERATED MATRIX -->", matrix_markdown()),
        (
            "<!-- BEGIN GENERATED PLAN MATRIX -->\n",
            "<!-- END GENERATED PLAN MATRIX -->",
            crate::policy::plan::matrix_markdown(),
        ),
        (
            "<!-- BEGIN GENERATED SURVEY RESULTS MATRIX -->\n",
            "<!-- END GENERATED SURVEY RESULTS MATRIX -->",
            crate::policy::survey_results::matrix_markdown(),
        ),
        (
            "<!-- BEGIN GENERATED GROUPS MATRIX -->\n",
            "<!-- END GENERATED GROUPS MATRIX -->",
            crate::policy::groups::matrix_markdown(),
        ),
        (
            "<!-- BEGIN GENERATED GROUP SUPPORT MATRIX -->\n",
            "<!-- END GENERATED GROUP SUPPORT MATRIX -->",
            crate::policy::group_support::matrix_markdown(),
        ),
        (
            "<!-- BEGIN GENERATED SURVEY MATRIX -->\n",
            "<!-- END GENERATED SURVEY MATRIX -->",
            crate::policy::survey::matrix_markdown(),
        ),
        (
            "<!-- BEGIN GENERATED COMPLAINTS MATRIX -->\n",
            "<!-- END GENERATED COMPLAINTS MATRIX -->",
            crate::policy::complaints::matrix_markdown(),
        ),
        (
            "<!-- BEGIN GENERATED OUTREACH MATRIX -->\n",
            "<!-- END GENERATED OUTREACH MATRIX -->",
            crate::policy::outreach::matrix_markdown(),
        ),
        (
            "<!-- BEGIN GENERATED KNOWLEDGE MATRIX -->\n",
            "<!-- END GENERATED KNOWLEDGE MATRIX -->",
            crate::policy::knowledge::matrix_markdown(),
        ),
        (
            "<!-- BEGIN GENERATED ABSENCE MATRIX -->\n",
            "<!-- END GENERATED ABSENCE MATRIX -->",
            crate::policy::absence::matrix_markdown(),
        ),
        (
            "<!-- BEGIN GENERATED PARTNERS MATRIX -->\n",
            "<!-- END GENERATED PARTNERS MATRIX -->",
            crate::policy::partners::matrix_markdown(),
        ),
        (
            "<!-- BEGIN GENERATED PARTNER REFERRALS MATRIX -->\n",
            "<!-- END GENERATED PARTNER REFERRALS MATRIX -->",
            crate::policy::partner_referrals::matrix_markdown(),
        ),
    ];
    // A partner account is refused everything staff and portal accounts may do: in every
    // generated table but its own, the `partner` column allows nothing.
    for (begin, _, generated) in &blocks {
        // Its own table; the plan and complaints tables have viewers, not roles, as columns
        // (`a_partner_sees_no_plan_and_no_complaint` covers those).
        if begin.contains("PARTNER REFERRALS") || begin.contains("PLAN") || begin.contains("COMPLAINTS") {
            continue;
        }
        let mut lines = generated.lines();
        let head: Vec<&str> = lines.next().unwrap_or_default().split('|').map(str::trim).collect();
        let Some(col) = head.iter().position(|h| *h == "partner") else {
            panic!("{} has no partner column", begin.trim());
        };
        for line in lines.skip(1) {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            assert!(!cells[col].starts_with("allow"), "{}: partner allowed in {line}", begin.trim());
        }
    }
    let mut doc = std::fs::read_to_string(path).unwrap_or_default();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        for (begin, end, generated) in &blocks {
            if let Some(b) = doc.find(begin)
                && let Some(e) = doc[b..].find(end).map(|e| b + e)
            {
                doc = format!("{}{begin}{generated}{}", &doc[..b], &doc[e..]);
            }
        }
        std::fs::write(path, &doc).unwrap_or_default();
        // Fall through: a missing marker still fails below.
        doc = std::fs::read_to_string(path).unwrap_or_default();
    }
    for (begin, end, generated) in &blocks {
        assert!(
            doc.contains(&format!("{begin}{generated}{end}")),
            "docs/access.md is out of date with the policy ({}): run `UPDATE_DOCS=1 cargo test -p buurtteam-domain`",
            begin.trim()
        );
    }
}

#[test]
fn a_partner_sees_no_plan_and_no_complaint() {
    for relation in Relation::ALL {
        for action in crate::policy::plan::PlanAction::ALL {
            for target in action.targets() {
                let viewer = crate::policy::plan::Viewer::Staff(Role::Partner, *relation);
                assert_ne!(crate::policy::plan::decide(viewer, *action, target), A, "{relation:?} {action:?}");
            }
        }
        for action in crate::policy::complaints::ComplaintAction::ALL {
            for concerned in [false, true] {
                let viewer =
                    crate::policy::complaints::Viewer::Staff { role: Role::Partner, relation: *relation, concerned };
                assert_ne!(crate::policy::complaints::decide(viewer, *action), A, "{relation:?} {action:?}");
            }
        }
    }
}
