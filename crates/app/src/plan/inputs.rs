//! The input structs of the plan's use cases, as the API and the page forms send them.

#[cfg(feature = "openapi")]
use buurtteam_domain::codes::{GoalStatus, LifeDomain, Performer};
use serde::Deserialize;

use super::nullable;

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GoalInput {
    #[cfg_attr(feature = "openapi", schema(value_type = Option<LifeDomain>))]
    pub life_domain: Option<String>,
    /// The goal in the family's own words.
    pub title: Option<String>,
    pub description: Option<String>,
    /// The client the goal belongs to; `null` for the household as a whole.
    pub client_id: Option<i64>,
    #[serde(default)]
    pub confidential: bool,
    /// Required when `confidential`: why the goal is kept from the family.
    pub confidential_reason: Option<String>,
}

/// A change to a goal: absent fields stay as they are.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GoalPatch {
    #[cfg_attr(feature = "openapi", schema(value_type = Option<LifeDomain>))]
    pub life_domain: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub client_id: Option<Option<i64>>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<GoalStatus>))]
    pub status: Option<String>,
    pub confidential: Option<bool>,
    pub confidential_reason: Option<String>,
    /// Shared with the family by its client of 16 or older.
    pub shared: Option<bool>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScoreInput {
    pub measured_on: Option<String>,
    /// 1 (acute problems) to 5 (fully self-sufficient).
    pub score: Option<i64>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActionInput {
    pub description: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Performer>))]
    pub performer: Option<String>,
    /// With performer `family_member`: which household member.
    pub person_id: Option<i64>,
    /// With performer `network_member`: the invitation of that network member onto this goal.
    pub network_invitation_id: Option<i64>,
    /// With performer `partner`: the partner of the social map that carries it out (active,
    /// serving the case's district). Its name is kept with the action.
    pub performer_partner_id: Option<i64>,
    /// With performer `partner` and no `performer_partner_id`: an organisation that is not on
    /// the social map, in words.
    pub performer_name: Option<String>,
    pub due_on: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActionPatch {
    pub done: Option<bool>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TextInput {
    pub body: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProposalInput {
    pub title: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProposalDecision {
    pub accept: Option<bool>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationScore {
    pub goal_id: i64,
    pub score: i64,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationInput {
    pub held_on: Option<String>,
    pub went_well: Option<String>,
    pub changes: Option<String>,
    /// The next evaluation; it appears on the worklist.
    pub next_on: Option<String>,
    /// Self-sufficiency per goal, measured at this evaluation.
    #[serde(default)]
    pub scores: Vec<EvaluationScore>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AppointmentInput {
    /// Local date and time in the organisation's time zone, `YYYY-MM-DDTHH:MM`.
    pub starts_at: Option<String>,
    pub place: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgreementInput {
    /// The household member on whose behalf the worker records agreement (staff only).
    pub person_id: Option<i64>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortalInvitationInput {
    pub person_id: Option<i64>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NetworkInvitationInput {
    pub name: Option<String>,
    /// How they relate to the family, in words ("buurvrouw", "opa").
    pub relation: Option<String>,
    pub email: Option<String>,
}

/// Makes a household member a client of the case ("Ook cliënt maken").
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientInput {
    pub person_id: Option<i64>,
}
