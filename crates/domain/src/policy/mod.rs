//! The access policy: the one place that decides who may do what.
//!
//! Staff access to client records follows team membership: family workers work on the
//! cases of their own teams, team managers on those of the teams they manage. Analysts
//! and admins never see client records (admins manage the organisation and its users).
//! The store applies the same rule inside its queries ([`case_scope`]) so that a list
//! only ever returns what the user may see; per-record actions ask [`decide`].

pub mod absence;
pub mod complaints;
pub mod group_support;
pub mod groups;
pub mod knowledge;
pub mod matrix;
pub mod outreach;
pub mod partner_referrals;
pub mod partners;
pub mod plan;
pub mod survey;
pub mod survey_results;

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
    /// Record or change an onward referral of the case to a partner (inzet aanvullende hulp,
    /// decision 0040): as recording a contact.
    RecordOnwardReferral,
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
        Self::RecordOnwardReferral,
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
            Self::RecordOnwardReferral => "record_onward_referral",
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
                | Self::RecordOnwardReferral
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
        | EnrolInGroup | RecordOnwardReferral => match (has_client_access(role), relation) {
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
        (
            Role::Admin | Role::PrivacyOfficer | Role::Hr | Role::FamilyMember | Role::NetworkMember | Role::Partner,
            _,
        ) => None,
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
    /// The complaints of one's teams, with the deadline countdown (team managers; decision 0032).
    Complaints,
    /// Outreach campaigns and their work baskets (issue 16): team managers, admins, and family
    /// workers (the list holds only the campaigns they are assigned to; it may be empty).
    Outreach,
    /// The knowledge base (kennisbank, issue 20): every staff member reads it; no client data.
    Knowledge,
    /// Partners and the social map (issue 15): every staff member reads it; no client data.
    Partners,
    /// A partner organisation's referrals (issue 15): the partner account's start page.
    PartnerReferrals,
    /// Staff absence (verzuim, issue 20; decision 0036): HR's start page (everyone), the team
    /// manager's view of the people of their teams. Others read their own spells from their
    /// account page.
    Absence,
}

impl Area {
    pub const ALL: &'static [Self] = &[
        Self::Worklist,
        Self::NewReferral,
        Self::Search,
        Self::Groups,
        Self::Complaints,
        Self::PortalPlan,
        Self::PortalAccessLog,
        Self::Dashboards,
        Self::Absence,
        Self::Admin,
        Self::Privacy,
        Self::Outreach,
        Self::Knowledge,
        Self::Partners,
        Self::PartnerReferrals,
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
            Self::Complaints => "complaints",
            Self::Outreach => "outreach",
            Self::Knowledge => "knowledge",
            Self::Partners => "partners",
            Self::Absence => "absence",
            Self::PartnerReferrals => "partner-referrals",
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
            Self::PortalPlan => role.is_portal(),
            // A partner organisation's account submits referrals and follows their status.
            Self::PartnerReferrals => {
                partner_referrals::decide(role, partner_referrals::Whose::Own, partner_referrals::Act::Submit)
                    == Decision::Allow
            }
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
            Self::Complaints => {
                let viewer = complaints::Viewer::Staff { role, relation: Relation::NoRecord, concerned: false };
                role.is_staff() && complaints::decide(viewer, complaints::ComplaintAction::ListTeam) == Decision::Allow
            }
            Self::Outreach => matches!(role, Role::TeamManager | Role::Admin | Role::FamilyWorker),
            Self::Knowledge => {
                knowledge::decide(role, knowledge::EditorRight::NotGiven, knowledge::KnowledgeAction::Read)
                    == Decision::Allow
            }
            Self::Partners => {
                partners::decide(role, partners::PartnerRelation::Other, partners::PartnerAction::Read)
                    == Decision::Allow
            }
            // Whoever records the spells of others: HR (everyone), team managers (their teams).
            Self::Absence => {
                absence::decide(role, absence::Whose::OwnTeam, absence::AbsenceAction::Record) == Decision::Allow
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
    let rows = Action::ALL.iter().flat_map(|a| a.relations().iter().map(move |r| (*a, *r)));
    matrix::table(
        &["action", "relation"],
        Role::ALL,
        |role| role.code().to_owned(),
        rows.map(|(a, r)| (vec![a.code().to_owned(), r.code().to_owned()], (a, r))),
        |(action, relation), role| match decide(role, *relation, *action) {
            Decision::Allow if *action == Action::ReadKpis => match kpi_disclosure(role, *relation) {
                Some(Disclosure::SmallCountsSuppressed) => "allow, counts < 5 suppressed".to_owned(),
                _ => "allow, exact".to_owned(),
            },
            decision => matrix::cell(decision).to_owned(),
        },
    )
}

#[cfg(test)]
mod navigation_tests;

#[cfg(test)]
mod tests;
