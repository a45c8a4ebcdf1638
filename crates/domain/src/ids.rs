//! Typed identifiers, so that a `PersonId` can never be passed where a `CaseId` is meant.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

id_type!(
    /// A staff user or (later) a portal account.
    UserId,
    /// A wijk.
    DistrictId,
    /// A buurt: part of a district, with its postcode areas.
    NeighbourhoodId,
    /// A buurtteam, or a city-wide team such as a school team.
    TeamId,
    /// A household (gezin, huishouden): the context of a case.
    HouseholdId,
    /// A member of a household.
    PersonId,
    /// A case (begeleiding, traject), opened by a referral.
    CaseId,
    /// A contact moment (contactmoment).
    ContactId,
    /// A goal of a family plan (doel).
    GoalId,
    /// An action under a goal (actie).
    GoalActionId,
    /// An invitation of a network member (belangrijke ander) onto one goal.
    NetworkInvitationId,
    /// A proposed change to a goal, from the portal.
    ProposalId,
);

id_type!(
    /// A group offer (groepsaanbod) of a team.
    GroupId,
    /// A session (bijeenkomst) of a group.
    GroupSessionId,
    /// A participant of a group: a client from their case, or someone who is not a client.
    GroupParticipantId,
);

id_type!(
    /// A partner organisation of the social map (issue 15).
    PartnerId,
);

id_type!(
    /// An onward referral of a case to a partner (inzet aanvullende hulp, issue 15 part 2).
    OnwardReferralId,
);
