//! The family plan (gezinsplan) of a case: goals with their actions, scores, comments and
//! proposed changes; evaluations, appointments, working notes; versions and agreements.
//!
//! The store returns whole plans; who may see which part is decided in the application by
//! `buurtteam_domain::plan_policy`. Working notes and versions have their own reads, so a
//! portal read never even loads them.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::codes::{GoalStatus, LifeDomain, Performer, ProposalStatus, Role};
use buurtteam_domain::ids::{CaseId, GoalActionId, GoalId, NetworkInvitationId, PersonId, ProposalId, UserId};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

use crate::{Result, StoreError, Tx, parse_code, sql_date, sql_ts};

mod named;
pub use named::{Named, case_of, network_invited_to_case};

type Ts = jiff_sqlx::Timestamp;
type SqlDate = jiff_sqlx::Date;

#[derive(Debug, Clone, PartialEq, Serialize)]
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
    pub performer_name: Option<String>,
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Author {
    pub user_id: UserId,
    pub name: String,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comment {
    pub id: i64,
    pub goal_id: GoalId,
    pub author: Author,
    pub body: String,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Appointment {
    pub id: i64,
    pub starts_at: Timestamp,
    pub place: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkingNote {
    pub id: i64,
    pub body: String,
    pub author: Author,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    pub version: i64,
    pub person_id: PersonId,
    pub recorded_by: Author,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
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

#[derive(Debug, Clone, PartialEq, Serialize)]
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

type GoalRow = (i64, i64, Option<i64>, String, String, String, String, bool, Option<String>, bool, Ts, Ts);
const GOAL_COLUMNS: &str = "g.id, g.case_id, g.client_id, g.life_domain, g.title, g.description, g.status, \
     g.confidential, g.confidential_reason, g.shared, g.created_at, g.updated_at";

fn goal_of(r: GoalRow) -> Result<Goal> {
    Ok(Goal {
        id: GoalId(r.0),
        case_id: CaseId(r.1),
        client_id: r.2.map(PersonId),
        life_domain: parse_code("goals.life_domain", &r.3, LifeDomain::parse)?,
        title: r.4,
        description: r.5,
        status: parse_code("goals.status", &r.6, GoalStatus::parse)?,
        confidential: r.7,
        confidential_reason: r.8,
        shared: r.9,
        created_at: r.10.to_jiff(),
        updated_at: r.11.to_jiff(),
    })
}

fn author(id: i64, name: String, role: &str) -> Result<Author> {
    Ok(Author { user_id: UserId(id), name, role: parse_code("users.role", role, Role::parse)? })
}

pub async fn goal(tx: &mut Tx, id: GoalId) -> Result<Option<Goal>> {
    let sql = format!("SELECT {GOAL_COLUMNS} FROM goals g WHERE g.id = $1");
    let row: Option<GoalRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(id.0).fetch_optional(&mut *c).await)?;
    row.map(goal_of).transpose()
}

pub async fn insert_goal(tx: &mut Tx, case: CaseId, f: &GoalFields, by: UserId, now: Timestamp) -> Result<GoalId> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO goals (case_id, client_id, life_domain, title, description, status, confidential, \
         confidential_reason, shared, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id"
    )
    .bind(case.0)
    .bind(f.client_id.map(|p| p.0))
    .bind(f.life_domain.code())
    .bind(&f.title)
    .bind(&f.description)
    .bind(f.status.code())
    .bind(f.confidential)
    .bind(&f.confidential_reason)
    .bind(f.shared)
    .bind(by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    Ok(GoalId(id))
}

pub async fn update_goal(tx: &mut Tx, id: GoalId, f: &GoalFields, now: Timestamp) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "UPDATE goals SET client_id = $2, life_domain = $3, title = $4, description = $5, status = $6, \
         confidential = $7, confidential_reason = $8, shared = $9, updated_at = $10 WHERE id = $1"
    )
    .bind(id.0)
    .bind(f.client_id.map(|p| p.0))
    .bind(f.life_domain.code())
    .bind(&f.title)
    .bind(&f.description)
    .bind(f.status.code())
    .bind(f.confidential)
    .bind(&f.confidential_reason)
    .bind(f.shared)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    Ok(())
}

type ActionRow = (i64, i64, String, String, Option<i64>, Option<i64>, Option<String>, Option<SqlDate>, Option<SqlDate>);
const ACTION_COLUMNS: &str = "a.id, a.goal_id, a.description, a.performer, a.performer_person_id, \
     a.performer_invitation_id, a.performer_name, a.due_on, a.done_on";

fn action_of(r: ActionRow) -> Result<GoalAction> {
    Ok(GoalAction {
        id: GoalActionId(r.0),
        goal_id: GoalId(r.1),
        description: r.2,
        performer: parse_code("goal_actions.performer", &r.3, Performer::parse)?,
        performer_person_id: r.4.map(PersonId),
        performer_invitation_id: r.5.map(NetworkInvitationId),
        performer_name: r.6,
        due_on: r.7.map(|d| d.to_jiff()),
        done_on: r.8.map(|d| d.to_jiff()),
    })
}

pub async fn action(tx: &mut Tx, id: GoalActionId) -> Result<Option<GoalAction>> {
    let sql = format!("SELECT {ACTION_COLUMNS} FROM goal_actions a WHERE a.id = $1");
    let row: Option<ActionRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(id.0).fetch_optional(&mut *c).await)?;
    row.map(action_of).transpose()
}

pub async fn insert_action(tx: &mut Tx, a: &NewAction<'_>, now: Timestamp) -> Result<GoalActionId> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO goal_actions (goal_id, description, performer, performer_person_id, performer_invitation_id, \
         performer_name, due_on, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id"
    )
    .bind(a.goal_id.0)
    .bind(a.description)
    .bind(a.performer.code())
    .bind(a.performer_person_id.map(|p| p.0))
    .bind(a.performer_invitation_id.map(|p| p.0))
    .bind(a.performer_name)
    .bind(a.due_on.map(sql_date))
    .bind(a.created_by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    Ok(GoalActionId(id))
}

/// Marks an action done (or open again with `None`).
pub async fn set_action_done(tx: &mut Tx, id: GoalActionId, done_on: Option<Date>, by: UserId) -> Result<()> {
    exec!(tx, |c| sqlx::query("UPDATE goal_actions SET done_on = $2, done_by = $3 WHERE id = $1")
        .bind(id.0)
        .bind(done_on.map(sql_date))
        .bind(by.0)
        .execute(&mut *c)
        .await)?;
    Ok(())
}

pub async fn insert_score(
    tx: &mut Tx,
    goal: GoalId,
    measured_on: Date,
    score: i32,
    by: UserId,
    now: Timestamp,
) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "INSERT INTO goal_scores (goal_id, measured_on, score, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5)"
    )
    .bind(goal.0)
    .bind(sql_date(measured_on))
    .bind(score)
    .bind(by.0)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    Ok(())
}

pub async fn insert_comment(tx: &mut Tx, goal: GoalId, by: UserId, body: &str, now: Timestamp) -> Result<i64> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO goal_comments (goal_id, author_id, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id"
    )
    .bind(goal.0)
    .bind(by.0)
    .bind(body)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    Ok(id)
}

pub async fn insert_proposal(
    tx: &mut Tx,
    goal: GoalId,
    by: UserId,
    title: &str,
    description: &str,
    now: Timestamp,
) -> Result<ProposalId> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO goal_proposals (goal_id, proposed_by, title, description, status, created_at) \
         VALUES ($1, $2, $3, $4, 'pending', $5) RETURNING id"
    )
    .bind(goal.0)
    .bind(by.0)
    .bind(title)
    .bind(description)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    Ok(ProposalId(id))
}

/// Decides a pending proposal; `false` when it was no longer pending.
pub async fn decide_proposal(
    tx: &mut Tx,
    id: ProposalId,
    status: ProposalStatus,
    by: UserId,
    now: Timestamp,
) -> Result<bool> {
    let n = exec!(tx, |c| {
        sqlx::query(
        "UPDATE goal_proposals SET status = $2, decided_by = $3, decided_at = $4 WHERE id = $1 AND status = 'pending'"
    )
    .bind(id.0)
    .bind(status.code())
    .bind(by.0)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await
    })?;
    Ok(n == 1)
}

pub async fn proposal(tx: &mut Tx, id: ProposalId) -> Result<Option<Proposal>> {
    Ok(proposals_where(tx, "p.id = $1", id.0).await?.pop())
}

async fn proposals_where(tx: &mut Tx, filter: &str, value: i64) -> Result<Vec<Proposal>> {
    type Row = (i64, i64, i64, String, String, String, String, String, Ts);
    let sql = format!(
        "SELECT p.id, p.goal_id, u.id, u.name, u.role, p.title, p.description, p.status, p.created_at \
         FROM goal_proposals p JOIN users u ON u.id = p.proposed_by JOIN goals g ON g.id = p.goal_id \
         WHERE {filter} ORDER BY p.id"
    );
    let rows: Vec<Row> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(value).fetch_all(&mut *c).await)?;
    rows.into_iter()
        .map(|r| {
            Ok(Proposal {
                id: ProposalId(r.0),
                goal_id: GoalId(r.1),
                author: author(r.2, r.3, &r.4)?,
                title: r.5,
                description: r.6,
                status: parse_code("goal_proposals.status", &r.7, ProposalStatus::parse)?,
                created_at: r.8.to_jiff(),
            })
        })
        .collect()
}

pub struct NewEvaluation<'a> {
    pub held_on: Date,
    pub went_well: &'a str,
    pub changes: &'a str,
    pub next_on: Option<Date>,
}

/// Records an evaluation and sets the case's next evaluation date (for the worklist).
pub async fn insert_evaluation(
    tx: &mut Tx,
    case: CaseId,
    e: &NewEvaluation<'_>,
    by: UserId,
    now: Timestamp,
) -> Result<i64> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO evaluations (case_id, held_on, went_well, changes, next_on, recorded_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id"
    )
    .bind(case.0)
    .bind(sql_date(e.held_on))
    .bind(e.went_well)
    .bind(e.changes)
    .bind(e.next_on.map(sql_date))
    .bind(by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    set_next_evaluation(tx, case, e.next_on, now).await?;
    Ok(id)
}

pub async fn set_next_evaluation(tx: &mut Tx, case: CaseId, next: Option<Date>, now: Timestamp) -> Result<()> {
    exec!(tx, |c| sqlx::query("UPDATE cases SET next_evaluation_on = $2, updated_at = $3 WHERE id = $1")
        .bind(case.0)
        .bind(next.map(sql_date))
        .bind(sql_ts(now))
        .execute(&mut *c)
        .await)?;
    Ok(())
}

pub async fn insert_appointment(
    tx: &mut Tx,
    case: CaseId,
    starts_at: Timestamp,
    place: &str,
    description: &str,
    by: UserId,
    now: Timestamp,
) -> Result<i64> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO appointments (case_id, starts_at, place, description, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id"
    )
    .bind(case.0)
    .bind(sql_ts(starts_at))
    .bind(place)
    .bind(description)
    .bind(by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    Ok(id)
}

pub async fn insert_working_note(tx: &mut Tx, case: CaseId, body: &str, by: UserId, now: Timestamp) -> Result<i64> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO working_notes (case_id, body, author_id, created_at) VALUES ($1, $2, $3, $4) RETURNING id"
    )
    .bind(case.0)
    .bind(body)
    .bind(by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    Ok(id)
}

/// The working notes of a case, newest first. Staff only: no portal read calls this.
pub async fn working_notes(tx: &mut Tx, case: CaseId) -> Result<Vec<WorkingNote>> {
    type Row = (i64, String, i64, String, String, Ts);
    let rows: Vec<Row> = on!(tx, |c| sqlx::query_as(
        "SELECT n.id, n.body, u.id, u.name, u.role, n.created_at FROM working_notes n \
         JOIN users u ON u.id = n.author_id WHERE n.case_id = $1 ORDER BY n.id DESC"
    )
    .bind(case.0)
    .fetch_all(&mut *c)
    .await)?;
    rows.into_iter()
        .map(|r| Ok(WorkingNote { id: r.0, body: r.1, author: author(r.2, r.3, &r.4)?, created_at: r.5.to_jiff() }))
        .collect()
}

/// One change of a plan, as its version records it.
pub struct Change<'a> {
    pub case: CaseId,
    pub by: UserId,
    /// What changed, stored as its audit code such as `goal.added`.
    pub change: AuditAction,
    pub goal: Option<GoalId>,
    pub before: Option<&'a serde_json::Value>,
    pub after: Option<&'a serde_json::Value>,
}

/// Records a change of the plan as its next version and returns that version number.
pub async fn record_version(tx: &mut Tx, ch: &Change<'_>, now: Timestamp) -> Result<i64> {
    // The UPDATE takes the case's row lock (PostgreSQL), so two changes never get one number.
    let version: i64 = on!(tx, |c| sqlx::query_scalar(
        "UPDATE cases SET plan_version = plan_version + 1, updated_at = $2 WHERE id = $1 RETURNING plan_version"
    )
    .bind(ch.case.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    exec!(tx, |c| {
        sqlx::query(
        "INSERT INTO plan_versions (case_id, version, changed_by, change, goal_id, state_before, state_after, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
    )
    .bind(ch.case.0)
    .bind(version)
    .bind(ch.by.0)
    .bind(ch.change.as_str())
    .bind(ch.goal.map(|g| g.0))
    .bind(ch.before.map(|v| v.to_string()))
    .bind(ch.after.map(|v| v.to_string()))
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await
    })?;
    Ok(version)
}

/// Every version of the plan, newest first.
pub async fn versions(tx: &mut Tx, case: CaseId) -> Result<Vec<Version>> {
    type Row = (i64, i64, String, String, String, Option<i64>, Option<String>, Option<String>, Ts);
    let rows: Vec<Row> = on!(tx, |c| sqlx::query_as(
        "SELECT v.version, u.id, u.name, u.role, v.change, v.goal_id, v.state_before, v.state_after, v.created_at \
         FROM plan_versions v JOIN users u ON u.id = v.changed_by WHERE v.case_id = $1 ORDER BY v.version DESC"
    )
    .bind(case.0)
    .fetch_all(&mut *c)
    .await)?;
    let json = |s: Option<String>| -> Result<Option<serde_json::Value>> {
        s.map(|s| serde_json::from_str(&s).map_err(|e| StoreError::Corrupt(format!("plan_versions: {e}")))).transpose()
    };
    rows.into_iter()
        .map(|r| {
            Ok(Version {
                version: r.0,
                changed_by: author(r.1, r.2, &r.3)?,
                change: r.4,
                goal_id: r.5.map(GoalId),
                state_before: json(r.6)?,
                state_after: json(r.7)?,
                created_at: r.8.to_jiff(),
            })
        })
        .collect()
}

pub async fn insert_agreement(
    tx: &mut Tx,
    case: CaseId,
    version: i64,
    person: PersonId,
    by: UserId,
    now: Timestamp,
) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "INSERT INTO plan_agreements (case_id, version, person_id, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5)"
    )
    .bind(case.0)
    .bind(version)
    .bind(person.0)
    .bind(by.0)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    Ok(())
}

pub struct NewInvitation<'a> {
    pub goal_id: GoalId,
    pub name: &'a str,
    pub relation: &'a str,
    pub email: &'a str,
    pub code_hash: &'a str,
    pub invited_by: UserId,
    pub expires_at: Timestamp,
}

pub async fn insert_network_invitation(
    tx: &mut Tx,
    n: &NewInvitation<'_>,
    now: Timestamp,
) -> Result<NetworkInvitationId> {
    let id: i64 = on!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO network_invitations (goal_id, name, relation, email, code_hash, invited_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id"
    )
    .bind(n.goal_id.0)
    .bind(n.name)
    .bind(n.relation)
    .bind(n.email)
    .bind(n.code_hash)
    .bind(n.invited_by.0)
    .bind(sql_ts(now))
    .bind(sql_ts(n.expires_at))
    .fetch_one(&mut *c)
    .await
    })?;
    Ok(NetworkInvitationId(id))
}

type InvitationRow = (i64, i64, String, String, String, i64, Ts, Ts, Option<i64>, Option<Ts>, Option<Ts>);
const INVITATION_COLUMNS: &str = "i.id, i.goal_id, i.name, i.relation, i.email, i.invited_by, i.created_at, \
     i.expires_at, i.user_id, i.activated_at, i.revoked_at";

fn invitation_of(r: InvitationRow) -> NetworkInvitation {
    NetworkInvitation {
        id: NetworkInvitationId(r.0),
        goal_id: GoalId(r.1),
        name: r.2,
        relation: r.3,
        email: r.4,
        invited_by: UserId(r.5),
        created_at: r.6.to_jiff(),
        expires_at: r.7.to_jiff(),
        user_id: r.8.map(UserId),
        activated_at: r.9.map(|t| t.to_jiff()),
        revoked_at: r.10.map(|t| t.to_jiff()),
    }
}

async fn invitations_where(tx: &mut Tx, filter: &str, value: i64) -> Result<Vec<NetworkInvitation>> {
    let sql = format!(
        "SELECT {INVITATION_COLUMNS} FROM network_invitations i JOIN goals g ON g.id = i.goal_id WHERE {filter} ORDER BY i.id"
    );
    let rows: Vec<InvitationRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(value).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(invitation_of).collect())
}

pub async fn network_invitation(tx: &mut Tx, id: NetworkInvitationId) -> Result<Option<NetworkInvitation>> {
    Ok(invitations_where(tx, "i.id = $1", id.0).await?.pop())
}

pub async fn network_invitation_by_code(tx: &mut Tx, code_hash: &str) -> Result<Option<NetworkInvitation>> {
    let sql = format!("SELECT {INVITATION_COLUMNS} FROM network_invitations i WHERE i.code_hash = $1");
    let row: Option<InvitationRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(code_hash).fetch_optional(&mut *c).await)?;
    Ok(row.map(invitation_of))
}

/// The invitations a network member's account holds, live or not.
pub async fn invitations_of_user(tx: &mut Tx, user: UserId) -> Result<Vec<NetworkInvitation>> {
    invitations_where(tx, "i.user_id = $1", user.0).await
}

/// Binds an invitation to the account that used its code; `false` when it was used, revoked
/// or expired meanwhile.
pub async fn activate_network_invitation(
    tx: &mut Tx,
    id: NetworkInvitationId,
    user: UserId,
    now: Timestamp,
) -> Result<bool> {
    let n = exec!(tx, |c| sqlx::query(
        "UPDATE network_invitations SET user_id = $2, activated_at = $3 \
         WHERE id = $1 AND user_id IS NULL AND revoked_at IS NULL AND expires_at > $3"
    )
    .bind(id.0)
    .bind(user.0)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    Ok(n == 1)
}

/// Revokes an invitation; `false` when it was revoked already.
pub async fn revoke_network_invitation(
    tx: &mut Tx,
    id: NetworkInvitationId,
    by: UserId,
    now: Timestamp,
) -> Result<bool> {
    let n = exec!(tx, |c| sqlx::query(
        "UPDATE network_invitations SET revoked_at = $2, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL"
    )
    .bind(id.0)
    .bind(sql_ts(now))
    .bind(by.0)
    .execute(&mut *c)
    .await)?;
    Ok(n == 1)
}

/// An invitation of a household member into Mijn Buurtteam.
#[derive(Debug, Clone)]
pub struct PortalInvitation {
    pub id: i64,
    pub case_id: CaseId,
    pub person_id: PersonId,
    pub expires_at: Timestamp,
    pub used_at: Option<Timestamp>,
}

pub async fn insert_portal_invitation(
    tx: &mut Tx,
    case: CaseId,
    person: PersonId,
    code_hash: &str,
    by: UserId,
    expires_at: Timestamp,
    now: Timestamp,
) -> Result<i64> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO portal_invitations (case_id, person_id, code_hash, created_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id"
    )
    .bind(case.0)
    .bind(person.0)
    .bind(code_hash)
    .bind(by.0)
    .bind(sql_ts(now))
    .bind(sql_ts(expires_at))
    .fetch_one(&mut *c)
    .await)?;
    Ok(id)
}

pub async fn portal_invitation_by_code(tx: &mut Tx, code_hash: &str) -> Result<Option<PortalInvitation>> {
    type Row = (i64, i64, i64, Ts, Option<Ts>);
    let row: Option<Row> = on!(tx, |c| sqlx::query_as(
        "SELECT id, case_id, person_id, expires_at, used_at FROM portal_invitations WHERE code_hash = $1"
    )
    .bind(code_hash)
    .fetch_optional(&mut *c)
    .await)?;
    Ok(row.map(|r| PortalInvitation {
        id: r.0,
        case_id: CaseId(r.1),
        person_id: PersonId(r.2),
        expires_at: r.3.to_jiff(),
        used_at: r.4.map(|t| t.to_jiff()),
    }))
}

/// Marks a portal invitation used by `user`; `false` when it was used meanwhile.
pub async fn use_portal_invitation(tx: &mut Tx, id: i64, user: UserId, now: Timestamp) -> Result<bool> {
    let n = exec!(tx, |c| sqlx::query(
        "UPDATE portal_invitations SET used_at = $2, user_id = $3 WHERE id = $1 AND used_at IS NULL"
    )
    .bind(id)
    .bind(sql_ts(now))
    .bind(user.0)
    .execute(&mut *c)
    .await)?;
    Ok(n == 1)
}

/// Uses a portal invitation's code up without an account (a refused activation that must not
/// be told apart from a successful one); `false` when it was used meanwhile.
pub async fn spend_portal_invitation(tx: &mut Tx, id: i64, now: Timestamp) -> Result<bool> {
    let n = exec!(tx, |c| sqlx::query("UPDATE portal_invitations SET used_at = $2 WHERE id = $1 AND used_at IS NULL")
        .bind(id)
        .bind(sql_ts(now))
        .execute(&mut *c)
        .await)?;
    Ok(n == 1)
}

/// Uses a network invitation's code up without an account: it expires now.
pub async fn spend_network_invitation(tx: &mut Tx, id: NetworkInvitationId, now: Timestamp) -> Result<bool> {
    let n = exec!(tx, |c| sqlx::query(
        "UPDATE network_invitations SET expires_at = $2 WHERE id = $1 AND user_id IS NULL AND revoked_at IS NULL"
    )
    .bind(id.0)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    Ok(n == 1)
}

/// The whole plan of a case (without working notes and versions).
pub async fn load(tx: &mut Tx, case: CaseId) -> Result<Plan> {
    let version: i64 = on!(tx, |c| sqlx::query_scalar("SELECT plan_version FROM cases WHERE id = $1")
        .bind(case.0)
        .fetch_one(&mut *c)
        .await)?;
    let sql = format!("SELECT {GOAL_COLUMNS} FROM goals g WHERE g.case_id = $1 ORDER BY g.id");
    let goals: Vec<GoalRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(case.0).fetch_all(&mut *c).await)?;
    let goals = goals.into_iter().map(goal_of).collect::<Result<Vec<_>>>()?;

    let sql = format!(
        "SELECT {ACTION_COLUMNS} FROM goal_actions a JOIN goals g ON g.id = a.goal_id WHERE g.case_id = $1 ORDER BY a.id"
    );
    let actions: Vec<ActionRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(case.0).fetch_all(&mut *c).await)?;
    let actions = actions.into_iter().map(action_of).collect::<Result<Vec<_>>>()?;

    type ScoreRow = (i64, SqlDate, i32);
    let scores: Vec<ScoreRow> = on!(tx, |c| sqlx::query_as(
        "SELECT s.goal_id, s.measured_on, s.score FROM goal_scores s JOIN goals g ON g.id = s.goal_id \
         WHERE g.case_id = $1 ORDER BY s.measured_on, s.id"
    )
    .bind(case.0)
    .fetch_all(&mut *c)
    .await)?;
    let scores =
        scores.into_iter().map(|(g, d, s)| Score { goal_id: GoalId(g), measured_on: d.to_jiff(), score: s }).collect();

    type CommentRow = (i64, i64, i64, String, String, String, Ts);
    let comments: Vec<CommentRow> = on!(tx, |c| sqlx::query_as(
        "SELECT m.id, m.goal_id, u.id, u.name, u.role, m.body, m.created_at FROM goal_comments m \
         JOIN goals g ON g.id = m.goal_id JOIN users u ON u.id = m.author_id WHERE g.case_id = $1 ORDER BY m.id"
    )
    .bind(case.0)
    .fetch_all(&mut *c)
    .await)?;
    let comments = comments
        .into_iter()
        .map(|r| {
            Ok(Comment {
                id: r.0,
                goal_id: GoalId(r.1),
                author: author(r.2, r.3, &r.4)?,
                body: r.5,
                created_at: r.6.to_jiff(),
            })
        })
        .collect::<Result<Vec<_>>>()?;

    let proposals = proposals_where(tx, "g.case_id = $1", case.0).await?;
    let invitations = invitations_where(tx, "g.case_id = $1", case.0).await?;

    type EvalRow = (i64, SqlDate, String, String, Option<SqlDate>, i64);
    let evaluations: Vec<EvalRow> = on!(tx, |c| sqlx::query_as(
        "SELECT id, held_on, went_well, changes, next_on, recorded_by FROM evaluations WHERE case_id = $1 \
         ORDER BY held_on DESC, id DESC"
    )
    .bind(case.0)
    .fetch_all(&mut *c)
    .await)?;
    let evaluations = evaluations
        .into_iter()
        .map(|r| Evaluation {
            id: r.0,
            held_on: r.1.to_jiff(),
            went_well: r.2,
            changes: r.3,
            next_on: r.4.map(|d| d.to_jiff()),
            recorded_by: UserId(r.5),
        })
        .collect();

    type AppointmentRow = (i64, Ts, String, String);
    let appointments: Vec<AppointmentRow> = on!(tx, |c| sqlx::query_as(
        "SELECT id, starts_at, place, description FROM appointments WHERE case_id = $1 ORDER BY starts_at"
    )
    .bind(case.0)
    .fetch_all(&mut *c)
    .await)?;
    let appointments = appointments
        .into_iter()
        .map(|r| Appointment { id: r.0, starts_at: r.1.to_jiff(), place: r.2, description: r.3 })
        .collect();

    type AgreementRow = (i64, i64, i64, String, String, Ts);
    let agreements: Vec<AgreementRow> = on!(tx, |c| sqlx::query_as(
        "SELECT a.version, a.person_id, u.id, u.name, u.role, a.created_at FROM plan_agreements a \
         JOIN users u ON u.id = a.recorded_by WHERE a.case_id = $1 ORDER BY a.id"
    )
    .bind(case.0)
    .fetch_all(&mut *c)
    .await)?;
    let agreements = agreements
        .into_iter()
        .map(|r| {
            Ok(Agreement {
                version: r.0,
                person_id: PersonId(r.1),
                recorded_by: author(r.2, r.3, &r.4)?,
                created_at: r.5.to_jiff(),
            })
        })
        .collect::<Result<Vec<_>>>()?;

    Ok(Plan {
        version,
        goals,
        actions,
        scores,
        comments,
        proposals,
        invitations,
        evaluations,
        appointments,
        agreements,
    })
}

/// Whether a portal account was invited into this case.
pub async fn invited_to_case(tx: &mut Tx, user: UserId, case: CaseId) -> Result<bool> {
    let n: i64 =
        on!(tx, |c| sqlx::query_scalar("SELECT COUNT(*) FROM portal_invitations WHERE user_id = $1 AND case_id = $2")
            .bind(user.0)
            .bind(case.0)
            .fetch_one(&mut *c)
            .await)?;
    Ok(n > 0)
}

/// The latest case a household member's account was invited into.
pub async fn latest_invited_case(tx: &mut Tx, user: UserId) -> Result<Option<CaseId>> {
    let id: Option<i64> = on!(tx, |c| sqlx::query_scalar(
        "SELECT case_id FROM portal_invitations WHERE user_id = $1 ORDER BY used_at DESC, id DESC LIMIT 1"
    )
    .bind(user.0)
    .fetch_optional(&mut *c)
    .await)?;
    Ok(id.map(CaseId))
}

/// The case's next evaluation date.
pub async fn next_evaluation(tx: &mut Tx, case: CaseId) -> Result<Option<Date>> {
    let d: Option<Option<SqlDate>> =
        on!(tx, |c| sqlx::query_scalar("SELECT next_evaluation_on FROM cases WHERE id = $1")
            .bind(case.0)
            .fetch_optional(&mut *c)
            .await)?;
    Ok(d.flatten().map(|d| d.to_jiff()))
}
