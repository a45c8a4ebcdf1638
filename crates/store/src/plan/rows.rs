//! The rows of a plan as the store returns them.
//!
//! Only the rows a version of the plan records as its state before and after a change
//! (`GoalFields`, `GoalAction`, `Score`, `Evaluation`) are `Serialize`: that JSON is stored in
//! `plan_versions`. The API answers with its own types (`web::api::plan::dto`).

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::codes::{GoalStatus, LifeDomain, Performer, ProposalStatus, Role};
use buurtteam_domain::ids::{
    CaseId, GoalActionId, GoalId, NetworkInvitationId, PartnerId, PersonId, ProposalId, UserId,
};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub id: GoalId,
    pub case_id: CaseId,
    /// `None`: a goal of the household as a whole.
    pub client_id: Option<PersonId>,
    pub life_domain: LifeDomain,
    pub title: String,
    pub description: String,
    pub status: GoalStatus,
    pub confidential: bool,
    pub confidential_reason: Option<String>,
    /// Shared with the family by its client of 16 or older.
    pub shared: bool,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// The fields of a goal that a change sets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalFields {
    pub client_id: Option<PersonId>,
    pub life_domain: LifeDomain,
    pub title: String,
    pub description: String,
    pub status: GoalStatus,
    pub confidential: bool,
    pub confidential_reason: Option<String>,
    pub shared: bool,
}

impl Goal {
    pub fn fields(&self) -> GoalFields {
        GoalFields {
            client_id: self.client_id,
            life_domain: self.life_domain,
            title: self.title.clone(),
            description: self.description.clone(),
            status: self.status,
            confidential: self.confidential,
            confidential_reason: self.confidential_reason.clone(),
            shared: self.shared,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalAction {
    pub id: GoalActionId,
    pub goal_id: GoalId,
    pub description: String,
    pub performer: Performer,
    pub performer_person_id: Option<PersonId>,
    pub performer_invitation_id: Option<NetworkInvitationId>,
    /// The name of the partner organisation that carries it out (performer `partner`).
    pub performer_name: Option<String>,
    /// With performer `partner`: the partner of the social map, when it is one.
    pub performer_partner_id: Option<PartnerId>,
    pub due_on: Option<Date>,
    pub done_on: Option<Date>,
}

pub struct NewAction<'a> {
    pub goal_id: GoalId,
    pub description: &'a str,
    pub performer: Performer,
    pub performer_person_id: Option<PersonId>,
    pub performer_invitation_id: Option<NetworkInvitationId>,
    pub performer_name: Option<&'a str>,
    pub performer_partner_id: Option<PartnerId>,
    pub due_on: Option<Date>,
    pub created_by: UserId,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    pub goal_id: GoalId,
    pub measured_on: Date,
    pub score: i32,
}

/// Someone who wrote something, as shown beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Author {
    pub user_id: UserId,
    pub name: String,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    pub id: i64,
    pub goal_id: GoalId,
    pub author: Author,
    pub body: String,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub id: ProposalId,
    pub goal_id: GoalId,
    pub author: Author,
    pub title: String,
    pub description: String,
    pub status: ProposalStatus,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    pub id: i64,
    pub held_on: Date,
    pub went_well: String,
    pub changes: String,
    pub next_on: Option<Date>,
    pub recorded_by: UserId,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Appointment {
    pub id: i64,
    pub starts_at: Timestamp,
    pub place: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WorkingNote {
    pub id: i64,
    pub body: String,
    pub author: Author,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    pub version: i64,
    pub person_id: PersonId,
    pub recorded_by: Author,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    pub version: i64,
    pub changed_by: Author,
    pub change: String,
    pub goal_id: Option<GoalId>,
    pub state_before: Option<serde_json::Value>,
    pub state_after: Option<serde_json::Value>,
    pub created_at: Timestamp,
}

impl Version {
    /// What changed, or `None` for a code this version does not know (`change` keeps it).
    pub fn kind(&self) -> Option<AuditAction> {
        AuditAction::parse(&self.change)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct NetworkInvitation {
    pub id: NetworkInvitationId,
    pub goal_id: GoalId,
    pub name: String,
    pub relation: String,
    pub email: String,
    pub invited_by: UserId,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    pub user_id: Option<UserId>,
    pub activated_at: Option<Timestamp>,
    pub revoked_at: Option<Timestamp>,
}

impl NetworkInvitation {
    /// Activated and not revoked: the network member sees the goal.
    pub fn live(&self) -> bool {
        self.user_id.is_some() && self.revoked_at.is_none()
    }
}

/// Everything of a plan that can be shown outside the team (working notes and versions are
/// read apart).
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub version: i64,
    pub goals: Vec<Goal>,
    pub actions: Vec<GoalAction>,
    pub scores: Vec<Score>,
    pub comments: Vec<Comment>,
    pub proposals: Vec<Proposal>,
    pub invitations: Vec<NetworkInvitation>,
    pub evaluations: Vec<Evaluation>,
    pub appointments: Vec<Appointment>,
    pub agreements: Vec<Agreement>,
}
