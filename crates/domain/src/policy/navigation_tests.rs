//! The menu each role gets.

use super::*;
use Area::*;

fn menu(role: Role) -> Vec<Area> {
    let actor = Actor { user_id: UserId(1), role, team_ids: vec![TeamId(1)], person_id: None, session_ref: None };
    navigation(&actor)
}

#[test]
fn family_workers_and_team_managers_get_the_casework_their_dashboards_and_the_knowledge_base_team_managers_the_complaints()
 {
    assert_eq!(
        menu(Role::FamilyWorker),
        vec![Worklist, NewReferral, Search, Groups, Dashboards, Outreach, Knowledge, Partners, Account]
    );
    assert_eq!(
        menu(Role::TeamManager),
        vec![
            Worklist,
            NewReferral,
            Search,
            Groups,
            Complaints,
            Dashboards,
            Absence,
            Outreach,
            Knowledge,
            Partners,
            Account
        ]
    );
}

#[test]
fn analysts_get_the_dashboards_and_admins_the_administration() {
    assert_eq!(menu(Role::Analyst), vec![Dashboards, Knowledge, Partners, Account]);
    assert_eq!(menu(Role::Admin), vec![Admin, Outreach, Knowledge, Partners, Account]);
}

#[test]
fn privacy_officers_get_the_privacy_pages_and_nothing_of_the_casework() {
    assert_eq!(menu(Role::PrivacyOfficer), vec![Privacy, Knowledge, Partners, Account]);
}

#[test]
fn hr_starts_at_absence_and_sees_no_casework() {
    assert_eq!(menu(Role::Hr), vec![Absence, Knowledge, Partners, Account]);
}

#[test]
fn family_members_get_their_plan_and_who_looked_at_it_network_members_only_the_plan() {
    assert_eq!(menu(Role::FamilyMember), vec![PortalPlan, PortalAccessLog, Account]);
    assert_eq!(menu(Role::NetworkMember), vec![PortalPlan, Account]);
}

#[test]
fn a_partner_gets_its_referrals_and_its_account_only() {
    assert_eq!(menu(Role::Partner), vec![PartnerReferrals, Account]);
}

#[test]
fn every_role_has_its_account_and_no_staff_member_the_portal() {
    for role in Role::ALL {
        let m = menu(*role);
        assert!(m.contains(&Account), "{role:?}");
        assert_eq!(m.contains(&PortalPlan), role.is_portal(), "{role:?}");
        assert_eq!(m.contains(&PartnerReferrals), *role == Role::Partner, "{role:?}");
        assert_eq!(m.contains(&Knowledge), role.is_staff(), "every staff member reads the knowledge base: {role:?}");
        assert_eq!(m.contains(&Partners), role.is_staff(), "every staff member reads the social map: {role:?}");
    }
}
