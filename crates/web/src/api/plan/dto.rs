//! What the plan API answers: response bodies built from the plan's rows and views, with the
//! same field names, nesting and nulls as the rows they come from.

use buurtteam_app::plan::{
    AccessView, ActionView, GoalPermissions, GoalView, NetworkView, PersonView, PlanView, SinceAgreement,
};
use buurtteam_domain::codes::{GoalStatus, HouseholdRole, LifeDomain, Performer, ProposalStatus, Role};
use buurtteam_store::plan::{
    Agreement, Appointment, Author, Comment, Evaluation, Goal, GoalAction, Proposal, Score, Version, WorkingNote,
};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use utoipa::ToSchema;

/// A goal of the plan (doel).
#[derive(Debug, Serialize, ToSchema)]
pub struct GoalOut {
    pub id: i64,
    pub case_id: i64,
    /// `null`: a goal of the household as a whole.
    pub client_id: Option<i64>,
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

impl From<Goal> for GoalOut {
    fn from(g: Goal) -> Self {
        Self {
            id: g.id.0,
            case_id: g.case_id.0,
            client_id: g.client_id.map(|p| p.0),
            life_domain: g.life_domain,
            title: g.title,
            description: g.description,
            status: g.status,
            confidential: g.confidential,
            confidential_reason: g.confidential_reason,
            shared: g.shared,
            created_at: g.created_at,
            updated_at: g.updated_at,
        }
    }
}

/// An action under a goal (actie): what, who, by when.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActionOut {
    pub id: i64,
    pub goal_id: i64,
    pub description: String,
    pub performer: Performer,
    /// The household member who does it, where `performer` is one.
    pub performer_person_id: Option<i64>,
    /// The network member's invitation, where `performer` is one.
    pub performer_invitation_id: Option<i64>,
    /// The partner's name, where `performer` is a partner.
    pub performer_name: Option<String>,
    /// The partner of the social map, where `performer` is a partner on it.
    pub performer_partner_id: Option<i64>,
    pub due_on: Option<Date>,
    pub done_on: Option<Date>,
}

impl From<GoalAction> for ActionOut {
    fn from(a: GoalAction) -> Self {
        Self {
            id: a.id.0,
            goal_id: a.goal_id.0,
            description: a.description,
            performer: a.performer,
            performer_person_id: a.performer_person_id.map(|p| p.0),
            performer_invitation_id: a.performer_invitation_id.map(|i| i.0),
            performer_name: a.performer_name,
            performer_partner_id: a.performer_partner_id.map(|p| p.0),
            due_on: a.due_on,
            done_on: a.done_on,
        }
    }
}

/// A self-sufficiency score of a goal: 1 (acute problems) to 5 (fully self-sufficient).
#[derive(Debug, Serialize, ToSchema)]
pub struct ScoreOut {
    pub goal_id: i64,
    pub measured_on: Date,
    pub score: i32,
}

impl From<Score> for ScoreOut {
    fn from(s: Score) -> Self {
        Self { goal_id: s.goal_id.0, measured_on: s.measured_on, score: s.score }
    }
}

/// Someone who wrote something, as shown beside it.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuthorOut {
    pub user_id: i64,
    pub name: String,
    pub role: Role,
}

impl From<Author> for AuthorOut {
    fn from(a: Author) -> Self {
        Self { user_id: a.user_id.0, name: a.name, role: a.role }
    }
}

/// A comment on a goal.
#[derive(Debug, Serialize, ToSchema)]
pub struct CommentOut {
    pub id: i64,
    pub goal_id: i64,
    pub author: AuthorOut,
    pub body: String,
    pub created_at: Timestamp,
}

impl From<Comment> for CommentOut {
    fn from(c: Comment) -> Self {
        Self { id: c.id, goal_id: c.goal_id.0, author: c.author.into(), body: c.body, created_at: c.created_at }
    }
}

/// New words for a goal proposed from the portal.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProposalOut {
    pub id: i64,
    pub goal_id: i64,
    pub author: AuthorOut,
    pub title: String,
    pub description: String,
    pub status: ProposalStatus,
    pub created_at: Timestamp,
}

impl From<Proposal> for ProposalOut {
    fn from(p: Proposal) -> Self {
        Self {
            id: p.id.0,
            goal_id: p.goal_id.0,
            author: p.author.into(),
            title: p.title,
            description: p.description,
            status: p.status,
            created_at: p.created_at,
        }
    }
}

/// An evaluation of the plan; `next_on` is the next one, on the worklist.
#[derive(Debug, Serialize, ToSchema)]
pub struct EvaluationOut {
    pub id: i64,
    pub held_on: Date,
    pub went_well: String,
    pub changes: String,
    pub next_on: Option<Date>,
    pub recorded_by: i64,
}

impl From<Evaluation> for EvaluationOut {
    fn from(e: Evaluation) -> Self {
        Self {
            id: e.id,
            held_on: e.held_on,
            went_well: e.went_well,
            changes: e.changes,
            next_on: e.next_on,
            recorded_by: e.recorded_by.0,
        }
    }
}

/// An appointment the family sees in the portal.
#[derive(Debug, Serialize, ToSchema)]
pub struct AppointmentOut {
    pub id: i64,
    pub starts_at: Timestamp,
    pub place: String,
    pub description: String,
}

impl From<Appointment> for AppointmentOut {
    fn from(a: Appointment) -> Self {
        Self { id: a.id, starts_at: a.starts_at, place: a.place, description: a.description }
    }
}

/// A working note (werkaantekening): staff of the team only.
#[derive(Debug, Serialize, ToSchema)]
pub struct WorkingNoteOut {
    pub id: i64,
    pub body: String,
    pub author: AuthorOut,
    pub created_at: Timestamp,
}

impl From<WorkingNote> for WorkingNoteOut {
    fn from(n: WorkingNote) -> Self {
        Self { id: n.id, body: n.body, author: n.author.into(), created_at: n.created_at }
    }
}

/// Agreement of a household member to a version of the plan.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgreementOut {
    pub version: i64,
    pub person_id: i64,
    /// Who recorded it: the member in the portal, or the worker on their behalf.
    pub recorded_by: AuthorOut,
    pub created_at: Timestamp,
}

impl From<Agreement> for AgreementOut {
    fn from(a: Agreement) -> Self {
        Self {
            version: a.version,
            person_id: a.person_id.0,
            recorded_by: a.recorded_by.into(),
            created_at: a.created_at,
        }
    }
}

/// One version of the plan: who changed what, when, with the state before and after.
#[derive(Debug, Serialize, ToSchema)]
pub struct VersionOut {
    pub version: i64,
    pub changed_by: AuthorOut,
    /// What changed, as a stable code (`goal.added`, `action.done` ...).
    pub change: String,
    pub goal_id: Option<i64>,
    /// The changed part as it was (`null` for an addition), as recorded at the time: its
    /// shape depends on `change` (a goal's fields, an action, a score, an evaluation).
    #[schema(value_type = Option<Object>)]
    pub state_before: Option<serde_json::Value>,
    /// The changed part as it became, as recorded at the time.
    #[schema(value_type = Option<Object>)]
    pub state_after: Option<serde_json::Value>,
    pub created_at: Timestamp,
}

impl From<Version> for VersionOut {
    fn from(v: Version) -> Self {
        Self {
            version: v.version,
            changed_by: v.changed_by.into(),
            change: v.change,
            goal_id: v.goal_id.map(|g| g.0),
            state_before: v.state_before,
            state_after: v.state_after,
            created_at: v.created_at,
        }
    }
}

/// A household member as shown beside goals and actions.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanMemberOut {
    pub id: i64,
    pub given_name: String,
    pub family_name: String,
    pub role: HouseholdRole,
    /// Whether they are a client of the case.
    pub client: bool,
}

impl From<PersonView> for PlanMemberOut {
    fn from(p: PersonView) -> Self {
        Self { id: p.id.0, given_name: p.given_name, family_name: p.family_name, role: p.role, client: p.client }
    }
}

/// An action as the reader sees it in the plan.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanActionOut {
    #[serde(flatten)]
    pub action: ActionOut,
    /// The performer's name (a household member, a network member or a partner).
    pub performer_label: Option<String>,
    /// Whether the reader may mark it done.
    pub mine: bool,
}

impl From<ActionView> for PlanActionOut {
    fn from(a: ActionView) -> Self {
        Self { action: a.action.into(), performer_label: a.performer_label, mine: a.mine }
    }
}

/// What the reader may do with a goal.
#[derive(Debug, Serialize, ToSchema)]
pub struct GoalPermissionsOut {
    pub comment: bool,
    pub propose: bool,
    pub share: bool,
    pub invite_network: bool,
    pub change: bool,
}

impl From<GoalPermissions> for GoalPermissionsOut {
    fn from(m: GoalPermissions) -> Self {
        Self {
            comment: m.comment,
            propose: m.propose,
            share: m.share,
            invite_network: m.invite_network,
            change: m.change,
        }
    }
}

/// A network member (belangrijke ander) invited onto a goal.
#[derive(Debug, Serialize, ToSchema)]
pub struct NetworkOut {
    pub id: i64,
    pub name: String,
    pub relation: String,
    /// `invited` (code not used yet), `active` or `revoked`.
    pub state: String,
    /// Whether the reader may revoke it.
    pub revocable: bool,
}

impl From<NetworkView> for NetworkOut {
    fn from(n: NetworkView) -> Self {
        Self { id: n.id.0, name: n.name, relation: n.relation, state: n.state.to_owned(), revocable: n.revocable }
    }
}

/// A goal as the reader sees it in the plan, with what belongs to it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanGoalOut {
    #[serde(flatten)]
    pub goal: GoalOut,
    /// The client's name; `null` for a household goal.
    pub client_name: Option<String>,
    pub actions: Vec<PlanActionOut>,
    /// `null`: the reader may not see the scores.
    pub scores: Option<Vec<ScoreOut>>,
    pub comments: Vec<CommentOut>,
    pub proposals: Vec<ProposalOut>,
    pub network: Vec<NetworkOut>,
    pub may: GoalPermissionsOut,
    /// In the portal, for a family member who agreed before: what is new or changed about the
    /// goal's content since their last agreement; `null` when nothing is.
    pub since_agreement: Option<SinceAgreementOut>,
    /// The groups a client takes part in (or waits for) linked to this goal, by name.
    pub groups: Vec<String>,
}

/// What is new about a goal since the reader last agreed to the plan.
#[derive(Debug, Serialize, ToSchema)]
pub struct SinceAgreementOut {
    /// `new` (added since) or `changed`.
    pub kind: &'static str,
    /// For `changed`: the content fields that differ (`title`, `description`, `life_domain`,
    /// `status`, `client_id`).
    pub fields: Vec<&'static str>,
    /// For a changed title: the title as the reader agreed to it.
    pub title_before: Option<String>,
}

impl From<SinceAgreement> for SinceAgreementOut {
    fn from(s: SinceAgreement) -> Self {
        match s {
            SinceAgreement::New => Self { kind: "new", fields: Vec::new(), title_before: None },
            SinceAgreement::Changed { fields, title_before } => Self { kind: "changed", fields, title_before },
        }
    }
}

impl From<GoalView> for PlanGoalOut {
    fn from(g: GoalView) -> Self {
        Self {
            goal: g.goal.into(),
            client_name: g.client_name,
            actions: into_all(g.actions),
            scores: g.scores.map(into_all),
            comments: into_all(g.comments),
            proposals: into_all(g.proposals),
            network: into_all(g.network),
            may: g.may.into(),
            since_agreement: g.since_agreement.map(Into::into),
            groups: g.groups,
        }
    }
}

/// The family plan (gezinsplan) as the reader may see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanOut {
    pub case_id: i64,
    pub version: i64,
    pub household: Vec<PlanMemberOut>,
    pub goals: Vec<PlanGoalOut>,
    /// `null` where the reader may not see them.
    pub evaluations: Option<Vec<EvaluationOut>>,
    /// `null` where the reader may not see them.
    pub appointments: Option<Vec<AppointmentOut>>,
    pub agreements: Vec<AgreementOut>,
    pub next_evaluation_on: Option<Date>,
    /// Whether the reader may record agreement to the current version.
    pub may_agree: bool,
    /// The last version that changed the content of the goals. Actions, scores, evaluations
    /// and network invitations make new versions but do not change the content.
    pub content_version: i64,
    /// For a family member: whether they agreed to the plan's current content (their last
    /// agreement is to `content_version` or later).
    pub agreed_to_current: bool,
    /// For a family member: when they last agreed, if ever.
    pub agreed_at: Option<Timestamp>,
    /// The reader's own person record, in the portal.
    pub me: Option<i64>,
    /// For a household member in the portal: the case's worker and how to reach the team.
    pub contact: Option<TeamContactOut>,
    /// For a household member in the portal: the groups they or their child take part in (or
    /// wait for), as the plan's age rules allow, with the next session.
    pub groups: Vec<PortalGroupOut>,
}

/// A group a household member sees in the portal.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalGroupOut {
    pub group_id: i64,
    pub name: String,
    pub theme: buurtteam_domain::groups::GroupTheme,
    /// Who takes part: the reader or their child.
    pub person_id: i64,
    pub person_name: String,
    pub waiting: bool,
    pub next_session_at: Option<Timestamp>,
    pub next_session_place: Option<String>,
}

/// The family's worker and how to reach their team.
#[derive(Debug, Serialize, ToSchema)]
pub struct TeamContactOut {
    /// `null` while the case has no worker yet.
    pub worker_name: Option<String>,
    /// A stand-in (waarnemer) working on the case today, while the worker is away.
    pub stand_in_name: Option<String>,
    /// The stand-in's last day.
    pub stand_in_until: Option<Date>,
    pub team_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
}

impl From<PlanView> for PlanOut {
    fn from(p: PlanView) -> Self {
        Self {
            case_id: p.case_id.0,
            version: p.version,
            household: into_all(p.household),
            goals: into_all(p.goals),
            evaluations: p.evaluations.map(into_all),
            appointments: p.appointments.map(into_all),
            agreements: into_all(p.agreements),
            next_evaluation_on: p.next_evaluation_on,
            may_agree: p.may_agree,
            content_version: p.content_version,
            agreed_to_current: p.agreed_to_current,
            agreed_at: p.my_agreement.map(|a| a.created_at),
            me: p.me.map(|m| m.0),
            contact: p.contact.map(|c| TeamContactOut {
                worker_name: c.worker_name,
                stand_in_name: c.stand_in.as_ref().map(|(n, _)| n.clone()),
                stand_in_until: c.stand_in.map(|(_, d)| d),
                team_name: c.team_name,
                phone: c.phone,
                email: c.email,
            }),
            groups: p
                .groups
                .into_iter()
                .map(|(g, person_name)| PortalGroupOut {
                    group_id: g.group_id.0,
                    name: g.group_name,
                    theme: g.theme,
                    person_id: g.person_id.0,
                    person_name,
                    waiting: g.waiting,
                    next_session_at: g.next_session.as_ref().map(|(t, _)| *t),
                    next_session_place: g.next_session.map(|(_, p)| p),
                })
                .collect(),
        }
    }
}

/// One row of an access log: who did what with the file, when.
#[derive(Debug, Serialize, ToSchema)]
pub struct AccessOut {
    pub occurred_at: Timestamp,
    /// For team managers only: which account.
    pub actor_user_id: Option<i64>,
    pub actor_name: Option<String>,
    pub actor_role: Option<String>,
    /// What happened, as a stable code (`plan.read`, `goal.changed` ...): as stored, or in
    /// the portal as the family sees it.
    pub action: String,
    pub goal_id: Option<i64>,
    pub goal_title: Option<String>,
    pub client_id: Option<i64>,
    pub acting_for: Option<i64>,
    /// For team managers only: the session it came from.
    pub session_ref: Option<String>,
    /// In the portal, the same person doing the same on one day is one row: how many times,
    /// from `first_at` to `occurred_at` (the last). 1 in the team manager's log.
    pub times: u32,
    pub first_at: Timestamp,
}

impl From<AccessView> for AccessOut {
    fn from(a: AccessView) -> Self {
        Self {
            occurred_at: a.occurred_at,
            actor_user_id: a.actor_user_id.map(|u| u.0),
            actor_name: a.actor_name,
            actor_role: a.actor_role,
            action: a.action,
            goal_id: a.goal_id.map(|g| g.0),
            goal_title: a.goal_title,
            client_id: a.client_id.map(|c| c.0),
            acting_for: a.acting_for.map(|p| p.0),
            session_ref: a.session_ref,
            times: a.times,
            first_at: a.first_at,
        }
    }
}

/// Converts every element.
pub fn into_all<T, U: From<T>>(items: Vec<T>) -> Vec<U> {
    items.into_iter().map(U::from).collect()
}
