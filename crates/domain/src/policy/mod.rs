//! The access policy: the one place that decides who may do what.
//!
//! Staff access to client records follows team membership: family workers work on the
//! cases of their own teams, team managers on those of the teams they manage. Analysts
//! and admins never see client records (admins manage the organisation and its users).
//! The store applies the same rule inside its queries ([`case_scope`]) so that a list
//! only ever returns what the user may see; per-record actions ask [`decide`].

pub mod groups;
pub mod group_support;
pub mod complaints;
pub mod plan;
pub mod survey_results;
pub mod survey;

use crate::codes::Role;
use crate::ids::{PersonId, TeamId, UserId};

/// Who is acting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: UserId,
    pub role: Role,
    /// Teams the user works in (family worker) or manages (team manager).
    pub team_ids: Vec<TeamId>,
    /// For a household member in Mijn Buurtteam: their person record.
    pub person_id: Option<PersonId>,
    /// The session acted from, as logged in the access log (a reference, never the token).
    pub session_ref: Option<String>,
}

/// What the actor wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// List districts and teams.
    ReadOrganisation,
    /// Create districts and teams, set closure days.
    ManageOrganisation,
    /// Create users and list them.
    ManageUsers,
    /// Register a household and its members.
    CreateHousehold,
    /// Read a household (its members and address).
    ReadHousehold,
    /// Change how to reach a household member (phone numbers, e-mail).
    UpdateHousehold,
    /// Register a referral for a team.
    RegisterReferral,
    /// List cases (the worklist).
    ListCases,
    /// Open a case file, with its contacts.
    ReadCase,
    HoldIntake,
    StartSupport,
    CloseCase,
    RecordContact,
    /// Pick up a new referral nobody carries yet ("oppakken"): become its worker.
    ClaimCase,
    /// Give a case to a worker of its team, or to another one (the team manager).
    AssignCase,
    /// Put right a wrongly recorded intake, start or closure date, with a reason.
    CorrectCase,
    /// Open a closed case again, with a reason (the team manager).
    ReopenCase,
    /// Read the steering KPIs (aggregates only) of the city, a district or a team.
    ReadKpis,
    /// Void a referral registered by mistake, with a reason (the team manager; decision 0020).
    VoidCase,
    /// Merge a household registered twice into the other record (the team manager of every
    /// case of both; decision 0020).
    MergeHouseholds,
    /// Read the admin log: changes made in the administration, never client reads (admins).
    ReadAdminLog,
    /// The privacy officer's work: reviewing emergency and unusual access, requests for
    /// destruction, the log's integrity. Logs and registrations, never a file's content.
    ReviewPrivacy,
    /// Read the processing register (purpose, legal basis, retention of each processing
    /// activity): admins, who keep it, and privacy officers, who check it.
    ReadProcessingRegister,
    /// Ask for emergency access to a case of another team, with a reason (decision 0023):
    /// read access for a limited time, flagged and reviewed by the privacy officer.
    RequestEmergencyAccess,
    /// Register a family's written request to destroy their file (decision 0024): staff of
    /// the case's team, or the privacy officer (who registers, never reads, the file).
    RegisterDestructionRequest,
    /// Enrol a client of the case in a group, optionally linked to one of the plan's goals
    /// (staff of the case's team; `policy::groups` decides the rest of group work).
    EnrolInGroup,
}

impl Action {
    pub const ALL: &'static [Self] = &[
        Self::ReadOrganisation,
        Self::ManageOrganisation,
        Self::ManageUsers,
        Self::CreateHousehold,
        Self::ReadHousehold,
        Self::UpdateHousehold,
        Self::RegisterReferral,
        Self::ListCases,
        Self::ReadCase,
        Self::HoldIntake,
        Self::StartSupport,
        Self::CloseCase,
        Self::RecordContact,
        Self::ClaimCase,
        Self::AssignCase,
        Self::CorrectCase,
        Self::ReopenCase,
        Self::ReadKpis,
        Self::VoidCase,
        Self::MergeHouseholds,
        Self::ReadAdminLog,
        Self::ReviewPrivacy,
        Self::ReadProcessingRegister,
        Self::RequestEmergencyAccess,
        Self::RegisterDestructionRequest,
        Self::EnrolInGroup,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::ReadOrganisation => "read_organisation",
            Self::ManageOrganisation => "manage_organisation",
            Self::ManageUsers => "manage_users",
            Self::CreateHousehold => "create_household",
            Self::ReadHousehold => "read_household",
            Self::UpdateHousehold => "update_household",
            Self::RegisterReferral => "register_referral",
            Self::ListCases => "list_cases",
            Self::ReadCase => "read_case",
            Self::HoldIntake => "hold_intake",
            Self::StartSupport => "start_support",
            Self::CloseCase => "close_case",
            Self::RecordContact => "record_contact",
            Self::ClaimCase => "claim_case",
            Self::AssignCase => "assign_case",
            Self::CorrectCase => "correct_case",
            Self::ReopenCase => "reopen_case",
            Self::ReadKpis => "read_kpis",
            Self::VoidCase => "void_case",
            Self::MergeHouseholds => "merge_households",
            Self::ReadAdminLog => "read_admin_log",
            Self::ReviewPrivacy => "review_privacy",
            Self::ReadProcessingRegister => "read_processing_register",
            Self::RequestEmergencyAccess => "request_emergency_access",
            Self::RegisterDestructionRequest => "register_destruction_request",
            Self::EnrolInGroup => "enrol_in_group",
        }
    }

    /// The relations under which the action is decided (and listed in the access matrix).
    pub fn relations(self) -> &'static [Relation] {
        if self == Self::ReadKpis {
            // The city or a district (no single team), one of the actor's teams, another team.
            &[Relation::NoRecord, Relation::OwnTeam, Relation::OtherTeam]
        } else if self.is_record_action() {
            &[Relation::OwnTeam, Relation::Emergency, Relation::OtherTeam]
        } else {
            &[Relation::NoRecord]
        }
    }

    /// Whether the action only reads: the only kind an emergency grant allows on a record.
    pub fn is_read(self) -> bool {
        matches!(
            self,
            Self::ReadOrganisation
                | Self::ReadHousehold
                | Self::ListCases
                | Self::ReadCase
                | Self::ReadKpis
                | Self::ReadAdminLog
        )
    }

    /// Whether the action concerns one client record (and so depends on the relation).
    pub fn is_record_action(self) -> bool {
        matches!(
            self,
            Self::ReadHousehold
                | Self::UpdateHousehold
                | Self::RegisterReferral
                | Self::ReadCase
                | Self::HoldIntake
                | Self::StartSupport
                | Self::CloseCase
                | Self::RecordContact
                | Self::ClaimCase
                | Self::AssignCase
                | Self::CorrectCase
                | Self::ReopenCase
                | Self::VoidCase
                | Self::MergeHouseholds
                | Self::RegisterDestructionRequest
                | Self::EnrolInGroup
        )
    }
}

/// How the actor relates to the record the action concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    /// The action concerns no single record (organisation-wide, or a list).
    NoRecord,
    /// The record belongs to one of the actor's teams (for a household: it has a case in
    /// one of them, or the actor registered it and it has no case yet).
    OwnTeam,
    /// The record belongs to another team, and the actor holds an active emergency grant on
    /// it (decision 0023): reads as for the own team, never writes.
    Emergency,
    /// The record belongs to another team.
    OtherTeam,
}

impl Relation {
    pub const ALL: &'static [Self] = &[Self::NoRecord, Self::OwnTeam, Self::Emergency, Self::OtherTeam];

    pub fn code(self) -> &'static str {
        match self {
            Self::NoRecord => "no_record",
            Self::OwnTeam => "own_team",
            Self::Emergency => "emergency",
            Self::OtherTeam => "other_team",
        }
    }
}

/// The outcome. `Hidden` is a refusal that must not reveal that the record exists (404).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    /// Refused, and the actor may know the thing exists (403).
    Deny,
    /// Refused, and answered as if the record did not exist (404).
    Hidden,
}

/// Whether the role works with client records at all.
pub fn has_client_access(role: Role) -> bool {
    matches!(role, Role::FamilyWorker | Role::TeamManager)
}

/// Decides one action.
pub fn decide(role: Role, relation: Relation, action: Action) -> Decision {
    use Action::*;
    match action {
        ReadOrganisation => {
            if role.is_staff() {
                Decision::Allow
            } else {
                Decision::Deny
            }
        }
        ManageOrganisation | ManageUsers | ReadAdminLog => {
            if role == Role::Admin {
                Decision::Allow
            } else {
                Decision::Deny
            }
        }
        ReviewPrivacy => {
            if role == Role::PrivacyOfficer {
                Decision::Allow
            } else {
                Decision::Deny
            }
        }
        ReadProcessingRegister => {
            if matches!(role, Role::Admin | Role::PrivacyOfficer) {
                Decision::Allow
            } else {
                Decision::Deny
            }
        }
        // Breaking the glass is for staff who work with client records; which case, and
        // whether it is another team's, the use case checks (a 404 or a 422).
        CreateHousehold | ListCases | RequestEmergencyAccess => {
            if has_client_access(role) {
                Decision::Allow
            } else {
                Decision::Deny
            }
        }
        // Registering a referral names a team; that the team exists is no secret.
        RegisterReferral => match (has_client_access(role), relation) {
            (true, Relation::OwnTeam) => Decision::Allow,
            _ => Decision::Deny,
        },
        ReadKpis => match kpi_disclosure(role, relation) {
            Some(_) => Decision::Allow,
            None => Decision::Deny,
        },
        // Who carries a case is the team manager's to decide; a worker of another team does
        // not learn that the case exists.
        // Voiding takes a referral out of every figure, and merging moves cases and members:
        // repairs the team manager answers for (decision 0020).
        // Under an emergency grant the actor knows the case exists, so a write is a 403.
        AssignCase | ReopenCase | VoidCase | MergeHouseholds => match (role, relation) {
            (Role::TeamManager, Relation::OwnTeam) => Decision::Allow,
            (Role::FamilyWorker, Relation::OwnTeam) => Decision::Deny,
            (Role::FamilyWorker | Role::TeamManager, Relation::Emergency) => Decision::Deny,
            _ => Decision::Hidden,
        },
        // The privacy officer handles every request, of any team; the file's own team may
        // register one as well. Nobody else learns that the case exists (an emergency grant is
        // for reading in a crisis, not for the file's formal affairs).
        RegisterDestructionRequest => match (role, relation) {
            (Role::PrivacyOfficer, _) => Decision::Allow,
            (Role::FamilyWorker | Role::TeamManager, Relation::OwnTeam) => Decision::Allow,
            (Role::FamilyWorker | Role::TeamManager, Relation::Emergency) => Decision::Deny,
            _ => Decision::Hidden,
        },
        // An emergency grant reads the file as its own team does (decision 0023).
        ReadHousehold | ReadCase => match (has_client_access(role), relation) {
            (true, Relation::OwnTeam | Relation::Emergency) => Decision::Allow,
            _ => Decision::Hidden,
        },
        UpdateHousehold | HoldIntake | StartSupport | CloseCase | RecordContact | ClaimCase | CorrectCase
        | EnrolInGroup => match (has_client_access(role), relation) {
            (true, Relation::OwnTeam) => Decision::Allow,
            (true, Relation::Emergency) => Decision::Deny,
            _ => Decision::Hidden,
        },
    }
}

/// How exactly KPIs may be shown to a reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disclosure {
    /// Every figure as it is.
    Exact,
    /// Counts below 5 are suppressed, and whatever would give them away (`kpi::suppress`).
    SmallCountsSuppressed,
}

/// Who may read KPIs, and how exactly. `relation` is `NoRecord` for the city or a district,
/// else the actor's relation to the one team asked for. `None`: not at all (403).
///
/// - Family workers: their own teams' figures, exactly (they see those cases anyway);
///   nothing beyond, since they do not steer.
/// - Team managers: their own teams exactly; the city, districts and other teams to compare
///   with, with small counts suppressed (those hold families of other teams).
/// - Analysts: everything, always with small counts suppressed (aggregates only, never
///   anything that could point at a family).
/// - Admins: nothing; they manage the organisation, not its casework.
pub fn kpi_disclosure(role: Role, relation: Relation) -> Option<Disclosure> {
    match (role, relation) {
        (Role::FamilyWorker | Role::TeamManager, Relation::OwnTeam) => Some(Disclosure::Exact),
        (Role::FamilyWorker, _) => None,
        (Role::TeamManager | Role::Analyst, _) => Some(Disclosure::SmallCountsSuppressed),
        (Role::Admin | Role::PrivacyOfficer | Role::FamilyMember | Role::NetworkMember, _) => None,
    }
}

/// The teams whose cases a list query may return for this actor; `None` when the actor
/// may see no client records at all.
pub fn case_scope(actor: &Actor) -> Option<&[TeamId]> {
    has_client_access(actor.role).then_some(actor.team_ids.as_slice())
}

/// The relation of an actor to a record owned by `team`.
pub fn relation_to_team(actor: &Actor, team: TeamId) -> Relation {
    if actor.team_ids.contains(&team) { Relation::OwnTeam } else { Relation::OtherTeam }
}

/// The relation of an actor to a case of `team`, given when the actor's emergency grant on
/// that case ends (`None`: no grant). The one place a grant becomes part of a decision: every
/// read and write path on a case or household asks this, so reads honour the grant and
/// writes are refused under it. Only roles with client access can hold a grant.
pub fn relation_to_case(
    actor: &Actor,
    team: TeamId,
    emergency_until: Option<jiff::Timestamp>,
    now: jiff::Timestamp,
) -> Relation {
    match relation_to_team(actor, team) {
        Relation::OtherTeam
            if has_client_access(actor.role)
                && emergency_until.is_some_and(|until| crate::emergency::is_active(until, now)) =>
        {
            Relation::Emergency
        }
        relation => relation,
    }
}

/// A part of the application with its own place in the navigation menu, in menu order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Area {
    /// The worklist of the actor's teams (the staff start page).
    Worklist,
    /// Registering a referral (finding or adding the household first).
    NewReferral,
    /// Searching households.
    Search,
    /// Mijn Buurtteam: one's own family plan, or the goal one was invited onto.
    PortalPlan,
    /// Mijn Buurtteam: who looked at one's file.
    PortalAccessLog,
    /// The steering dashboards.
    Dashboards,
    /// The administration of the organisation (functioneel beheer): teams, staff accounts,
    /// reference lists, data repair, the settings and the admin log. No client data.
    Admin,
    /// The privacy officer's pages: emergency and unusual access, requests for destruction,
    /// the log's integrity. Logs, never content.
    Privacy,
    /// One's own account: password, second factor.
    Account,
    /// Group offers, their sessions and participants (staff who work with client records).
    Groups,
}

impl Area {
    pub const ALL: &'static [Self] = &[
        Self::Worklist,
        Self::NewReferral,
        Self::Search,
        Self::Groups,
        Self::PortalPlan,
        Self::PortalAccessLog,
        Self::Dashboards,
        Self::Admin,
        Self::Privacy,
        Self::Account,
    ];

    /// A stable name (the pages mark the current area with it).
    pub fn code(self) -> &'static str {
        match self {
            Self::Worklist => "worklist",
            Self::NewReferral => "referral",
            Self::Search => "search",
            Self::PortalPlan => "portal",
            Self::PortalAccessLog => "portal-log",
            Self::Dashboards => "dashboards",
            Self::Admin => "admin",
            Self::Privacy => "privacy",
            Self::Account => "account",
            Self::Groups => "groups",
        }
    }

    /// Whether the actor may use the area at all, by the same rules that decide each request in
    /// it: the menu offers only what would be allowed.
    pub fn is_open_to(self, actor: &Actor) -> bool {
        let role = actor.role;
        let allowed = |relation, action| decide(role, relation, action) == Decision::Allow;
        match self {
            Self::Worklist => allowed(Relation::NoRecord, Action::ListCases),
            Self::NewReferral => allowed(Relation::NoRecord, Action::CreateHousehold),
            // Households are searched to open their cases: those of the actor's own teams.
            Self::Search => allowed(Relation::OwnTeam, Action::ReadHousehold),
            // Mijn Buurtteam is for the accounts made there by invitation, never for staff.
            Self::PortalPlan => !role.is_staff(),
            // Household members read who looked at their file; network members see one goal.
            Self::PortalAccessLog => role == Role::FamilyMember,
            // The dashboards open on one's own teams (or the city, for analysts).
            Self::Dashboards => allowed(Relation::OwnTeam, Action::ReadKpis),
            Self::Admin => allowed(Relation::NoRecord, Action::ManageOrganisation),
            Self::Privacy => allowed(Relation::NoRecord, Action::ReviewPrivacy),
            Self::Account => true,
            Self::Groups => {
                groups::decide(role, groups::GroupRelation::Other, groups::GroupAction::ReadOffers) == Decision::Allow
            }
        }
    }
}

/// The navigation menu of an actor: the areas open to them, in menu order.
pub fn navigation(actor: &Actor) -> Vec<Area> {
    Area::ALL.iter().copied().filter(|a| a.is_open_to(actor)).collect()
}

/// The access matrix as a Markdown table, for `docs/access.md` (a test keeps that file equal
/// to this output, so the documentation cannot drift from the code).
pub fn matrix_markdown() -> String {
    let mut out = String::from("| action | relation |");
    for role in Role::ALL {
        out.push_str(&format!(" {} |", role.code()));
    }
    out.push_str("\n|---|---|");
    out.push_str(&"---|".repeat(Role::ALL.len()));
    out.push('\n');
    for action in Action::ALL {
        for relation in action.relations() {
            out.push_str(&format!("| {} | {} |", action.code(), relation.code()));
            for role in Role::ALL {
                let cell = match decide(*role, *relation, *action) {
                    Decision::Allow if *action == Action::ReadKpis => match kpi_disclosure(*role, *relation) {
                        Some(Disclosure::SmallCountsSuppressed) => "allow, counts < 5 suppressed",
                        _ => "allow, exact",
                    },
                    Decision::Allow => "allow",
                    Decision::Deny => "deny (403)",
                    Decision::Hidden => "hidden (404)",
                };
                out.push_str(&format!(" {cell} |"));
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod navigation_tests {
    use super::*;
    use Area::*;

    fn menu(role: Role) -> Vec<Area> {
        let actor = Actor { user_id: UserId(1), role, team_ids: vec![TeamId(1)], person_id: None, session_ref: None };
        navigation(&actor)
    }

    #[test]
    fn family_workers_and_team_managers_get_the_casework_and_their_dashboards() {
        for role in [Role::FamilyWorker, Role::TeamManager] {
            assert_eq!(menu(role), vec![Worklist, NewReferral, Search, Groups, Dashboards, Account], "{role:?}");
        }
    }

    #[test]
    fn analysts_get_the_dashboards_and_admins_the_administration() {
        assert_eq!(menu(Role::Analyst), vec![Dashboards, Account]);
        assert_eq!(menu(Role::Admin), vec![Admin, Account]);
    }

    #[test]
    fn privacy_officers_get_the_privacy_pages_and_nothing_of_the_casework() {
        assert_eq!(menu(Role::PrivacyOfficer), vec![Privacy, Account]);
    }

    #[test]
    fn family_members_get_their_plan_and_who_looked_at_it_network_members_only_the_plan() {
        assert_eq!(menu(Role::FamilyMember), vec![PortalPlan, PortalAccessLog, Account]);
        assert_eq!(menu(Role::NetworkMember), vec![PortalPlan, Account]);
    }

    #[test]
    fn every_role_has_its_account_and_no_staff_member_the_portal() {
        for role in Role::ALL {
            let m = menu(*role);
            assert!(m.contains(&Account), "{role:?}");
            assert_eq!(m.contains(&PortalPlan), !role.is_staff(), "{role:?}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action::*;
    use Decision::{Allow as A, Deny as D, Hidden as H};
    use Relation::*;

    /// The expected matrix, written out by hand: role order is
    /// family_worker, team_manager, analyst, admin, privacy_officer, family_member, network_member.
    const EXPECTED: &[(Action, Relation, [Decision; 7])] = &[
        (ReadOrganisation, NoRecord, [A, A, A, A, A, D, D]),
        (ManageOrganisation, NoRecord, [D, D, D, A, D, D, D]),
        (ManageUsers, NoRecord, [D, D, D, A, D, D, D]),
        (CreateHousehold, NoRecord, [A, A, D, D, D, D, D]),
        (ListCases, NoRecord, [A, A, D, D, D, D, D]),
        (RegisterReferral, OwnTeam, [A, A, D, D, D, D, D]),
        (RegisterReferral, Emergency, [D, D, D, D, D, D, D]),
        (RegisterReferral, OtherTeam, [D, D, D, D, D, D, D]),
        (ReadHousehold, OwnTeam, [A, A, H, H, H, H, H]),
        (ReadHousehold, Emergency, [A, A, H, H, H, H, H]),
        (ReadHousehold, OtherTeam, [H, H, H, H, H, H, H]),
        (UpdateHousehold, OwnTeam, [A, A, H, H, H, H, H]),
        (UpdateHousehold, Emergency, [D, D, H, H, H, H, H]),
        (UpdateHousehold, OtherTeam, [H, H, H, H, H, H, H]),
        (ReadCase, OwnTeam, [A, A, H, H, H, H, H]),
        (ReadCase, Emergency, [A, A, H, H, H, H, H]),
        (ReadCase, OtherTeam, [H, H, H, H, H, H, H]),
        (HoldIntake, OwnTeam, [A, A, H, H, H, H, H]),
        (HoldIntake, Emergency, [D, D, H, H, H, H, H]),
        (HoldIntake, OtherTeam, [H, H, H, H, H, H, H]),
        (StartSupport, OwnTeam, [A, A, H, H, H, H, H]),
        (StartSupport, Emergency, [D, D, H, H, H, H, H]),
        (StartSupport, OtherTeam, [H, H, H, H, H, H, H]),
        (CloseCase, OwnTeam, [A, A, H, H, H, H, H]),
        (CloseCase, Emergency, [D, D, H, H, H, H, H]),
        (CloseCase, OtherTeam, [H, H, H, H, H, H, H]),
        (RecordContact, OwnTeam, [A, A, H, H, H, H, H]),
        (RecordContact, Emergency, [D, D, H, H, H, H, H]),
        (RecordContact, OtherTeam, [H, H, H, H, H, H, H]),
        (ClaimCase, OwnTeam, [A, A, H, H, H, H, H]),
        (ClaimCase, Emergency, [D, D, H, H, H, H, H]),
        (ClaimCase, OtherTeam, [H, H, H, H, H, H, H]),
        (AssignCase, OwnTeam, [D, A, H, H, H, H, H]),
        (AssignCase, Emergency, [D, D, H, H, H, H, H]),
        (AssignCase, OtherTeam, [H, H, H, H, H, H, H]),
        (CorrectCase, OwnTeam, [A, A, H, H, H, H, H]),
        (CorrectCase, Emergency, [D, D, H, H, H, H, H]),
        (CorrectCase, OtherTeam, [H, H, H, H, H, H, H]),
        (ReopenCase, OwnTeam, [D, A, H, H, H, H, H]),
        (ReopenCase, Emergency, [D, D, H, H, H, H, H]),
        (ReopenCase, OtherTeam, [H, H, H, H, H, H, H]),
        (ReadKpis, NoRecord, [D, A, A, D, D, D, D]),
        (ReadKpis, OwnTeam, [A, A, A, D, D, D, D]),
        (ReadKpis, OtherTeam, [D, A, A, D, D, D, D]),
        (VoidCase, OwnTeam, [D, A, H, H, H, H, H]),
        (VoidCase, Emergency, [D, D, H, H, H, H, H]),
        (VoidCase, OtherTeam, [H, H, H, H, H, H, H]),
        (MergeHouseholds, OwnTeam, [D, A, H, H, H, H, H]),
        (MergeHouseholds, Emergency, [D, D, H, H, H, H, H]),
        (MergeHouseholds, OtherTeam, [H, H, H, H, H, H, H]),
        (ReadAdminLog, NoRecord, [D, D, D, A, D, D, D]),
        (ReviewPrivacy, NoRecord, [D, D, D, D, A, D, D]),
        (ReadProcessingRegister, NoRecord, [D, D, D, A, A, D, D]),
        (RequestEmergencyAccess, NoRecord, [A, A, D, D, D, D, D]),
        (RegisterDestructionRequest, OwnTeam, [A, A, H, H, A, H, H]),
        (RegisterDestructionRequest, OtherTeam, [H, H, H, H, A, H, H]),
        (RegisterDestructionRequest, Emergency, [D, D, H, H, A, H, H]),
        (EnrolInGroup, OwnTeam, [A, A, H, H, H, H, H]),
        (EnrolInGroup, Emergency, [D, D, H, H, H, H, H]),
        (EnrolInGroup, OtherTeam, [H, H, H, H, H, H, H]),
    ];

    #[test]
    fn matrix_role_by_relation_by_action() {
        let roles = [
            Role::FamilyWorker,
            Role::TeamManager,
            Role::Analyst,
            Role::Admin,
            Role::PrivacyOfficer,
            Role::FamilyMember,
            Role::NetworkMember,
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
        ];
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
}
