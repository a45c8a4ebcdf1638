//! Who may do what with outreach campaigns, their signals and addresses (issue 16).
//!
//! Signals of payment arrears name people who did not ask for help: the circle that sees them
//! is kept as small as the work allows.
//! - A campaign covers districts. Team managers of a team in one of those districts, and
//!   admins, create and change it and upload signals ([`OutreachAction::ManageCampaign`]).
//!   Admins see the counts an upload answers with, never the basket.
//! - The work basket (addresses, the signals behind them, whether a household is known to a
//!   team — never its file) is seen by the campaign's district team managers and by the
//!   outreach workers assigned to the campaign; they record attempts. Assigning an address to
//!   a worker is the team managers'.
//! - The funnel (counts only) is seen by those who see the basket and by analysts; the
//!   dashboards suppress small counts as everywhere.
//! - Privacy officers, HR and everyone else: 403. Portal accounts: 404.
//!
//! `docs/access.md` holds the table [`matrix_markdown`] prints; a test keeps them equal.

use crate::codes::Role;
use crate::ids::{DistrictId, UserId};
use crate::policy::{Decision, matrix};

/// What the actor wants to do with a campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutreachAction {
    /// Create or change a campaign, name its workers, close it, upload signals.
    ManageCampaign,
    /// See the work basket: addresses, their signals, the attempts.
    ReadBasket,
    /// Assign or reassign an address to an outreach worker.
    AssignAddress,
    /// Record an attempt to reach an address (and so, when accepted, a referral).
    RecordAttempt,
    /// See the campaign's funnel (counts only).
    ReadFunnel,
}

impl OutreachAction {
    pub const ALL: &'static [Self] =
        &[Self::ManageCampaign, Self::ReadBasket, Self::AssignAddress, Self::RecordAttempt, Self::ReadFunnel];

    pub fn code(self) -> &'static str {
        match self {
            Self::ManageCampaign => "manage_campaign",
            Self::ReadBasket => "read_work_basket",
            Self::AssignAddress => "assign_address",
            Self::RecordAttempt => "record_attempt",
            Self::ReadFunnel => "read_funnel",
        }
    }
}

/// How the actor relates to a campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CampaignRelation {
    /// The actor works in a team of one of the campaign's districts (for creating one: of
    /// every district asked for).
    District,
    /// The actor is assigned to the campaign as an outreach worker (and not in its districts).
    AssignedWorker,
    /// Neither.
    Other,
}

impl CampaignRelation {
    pub const ALL: &'static [Self] = &[Self::District, Self::AssignedWorker, Self::Other];

    pub fn code(self) -> &'static str {
        match self {
            Self::District => "campaign_district",
            Self::AssignedWorker => "assigned_worker",
            Self::Other => "other",
        }
    }

    /// The relation of an actor, working in teams of `actor_districts`, to a campaign of
    /// `districts` with these assigned `workers`. Assignment wins for a family worker: an
    /// assigned worker of the district sees what an assigned worker sees.
    pub fn of(actor: UserId, actor_districts: &[DistrictId], districts: &[DistrictId], workers: &[UserId]) -> Self {
        if workers.contains(&actor) {
            Self::AssignedWorker
        } else if !districts.is_empty() && districts.iter().any(|d| actor_districts.contains(d)) {
            Self::District
        } else {
            Self::Other
        }
    }
}

/// Decides one action on a campaign. Refusals are 403 for staff (that campaigns exist is no
/// secret), 404 for portal accounts.
pub fn decide(role: Role, relation: CampaignRelation, action: OutreachAction) -> Decision {
    use CampaignRelation::*;
    use OutreachAction::*;
    if !role.is_staff() {
        return Decision::Hidden;
    }
    let allowed = match (role, action) {
        (Role::Admin, ManageCampaign) => true,
        (Role::Analyst, ReadFunnel) => true,
        (Role::TeamManager, ManageCampaign | AssignAddress) => relation == District,
        (Role::TeamManager, _) => matches!(relation, District | AssignedWorker),
        (Role::FamilyWorker, ReadBasket | RecordAttempt | ReadFunnel) => relation == AssignedWorker,
        _ => false,
    };
    if allowed { Decision::Allow } else { Decision::Deny }
}

/// The outreach matrix as a Markdown table, for `docs/access.md`.
pub fn matrix_markdown() -> String {
    matrix::markdown(
        "relation to the campaign",
        OutreachAction::ALL,
        CampaignRelation::ALL,
        OutreachAction::code,
        CampaignRelation::code,
        decide,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use CampaignRelation::*;
    use Decision::{Allow as A, Deny as D, Hidden as H};
    use OutreachAction::*;

    /// Role order: family_worker, team_manager, analyst, admin, privacy_officer, hr,
    /// family_member, network_member.
    const EXPECTED: &[(OutreachAction, CampaignRelation, [Decision; 8])] = &[
        (ManageCampaign, District, [D, A, D, A, D, D, H, H]),
        (ManageCampaign, AssignedWorker, [D, D, D, A, D, D, H, H]),
        (ManageCampaign, Other, [D, D, D, A, D, D, H, H]),
        (ReadBasket, District, [D, A, D, D, D, D, H, H]),
        (ReadBasket, AssignedWorker, [A, A, D, D, D, D, H, H]),
        (ReadBasket, Other, [D, D, D, D, D, D, H, H]),
        (AssignAddress, District, [D, A, D, D, D, D, H, H]),
        (AssignAddress, AssignedWorker, [D, D, D, D, D, D, H, H]),
        (AssignAddress, Other, [D, D, D, D, D, D, H, H]),
        (RecordAttempt, District, [D, A, D, D, D, D, H, H]),
        (RecordAttempt, AssignedWorker, [A, A, D, D, D, D, H, H]),
        (RecordAttempt, Other, [D, D, D, D, D, D, H, H]),
        (ReadFunnel, District, [D, A, A, D, D, D, H, H]),
        (ReadFunnel, AssignedWorker, [A, A, A, D, D, D, H, H]),
        (ReadFunnel, Other, [D, D, A, D, D, D, H, H]),
    ];

    #[test]
    fn matrix_role_by_relation_by_action() {
        for (action, relation, decisions) in EXPECTED {
            for (role, want) in Role::ALL.iter().zip(decisions) {
                assert_eq!(decide(*role, *relation, *action), *want, "{role:?} {relation:?} {action:?}");
            }
        }
        assert_eq!(EXPECTED.len(), OutreachAction::ALL.len() * CampaignRelation::ALL.len());
    }

    #[test]
    fn a_family_worker_of_the_district_who_is_not_assigned_sees_no_signal() {
        let rel = CampaignRelation::of(UserId(7), &[DistrictId(1)], &[DistrictId(1)], &[UserId(8)]);
        assert_eq!(rel, District);
        assert_eq!(decide(Role::FamilyWorker, rel, ReadBasket), D);
        let assigned = CampaignRelation::of(UserId(8), &[DistrictId(2)], &[DistrictId(1)], &[UserId(8)]);
        assert_eq!(decide(Role::FamilyWorker, assigned, RecordAttempt), A);
    }

    #[test]
    fn privacy_officers_hr_and_admins_never_see_the_basket() {
        for role in [Role::PrivacyOfficer, Role::Hr, Role::Admin, Role::Analyst] {
            for relation in CampaignRelation::ALL {
                assert_ne!(decide(role, *relation, ReadBasket), A, "{role:?}");
                assert_ne!(decide(role, *relation, RecordAttempt), A, "{role:?}");
            }
        }
    }
}
