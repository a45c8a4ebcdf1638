//! The audit log: one append-only row per read of a client file and per change of client
//! data, written in the same transaction as what it records. Database triggers refuse
//! updates and deletes of these rows on both backends, and every row is a link of a hash
//! chain ([`chain`], decision 0021) so that a change made around them shows.

pub mod chain;
pub mod heads;
pub mod verifications;

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::audit_chain;
use buurtteam_domain::codes::Role;
use buurtteam_domain::ids::{CaseId, GoalId, HouseholdId, PersonId, UserId};
use jiff::Timestamp;

use crate::{Db, Result, Tx, sql_ts};

/// One event, stored with the action's dotted code (`AuditAction::as_str`).
#[derive(Debug, Clone)]
pub struct Entry {
    pub occurred_at: Timestamp,
    /// `None` for the system itself (e.g. the CLI creating the first admin).
    pub actor: Option<(UserId, Role)>,
    pub action: AuditAction,
    pub object_type: &'static str,
    pub object_id: Option<i64>,
    pub case_id: Option<CaseId>,
    pub household_id: Option<HouseholdId>,
    /// The client the event concerns; `None`: the household or case as a whole.
    pub client_id: Option<PersonId>,
    /// The person the actor acted for (a worker recording a family member's agreement).
    pub acting_for: Option<PersonId>,
    /// The goal of the family plan the event concerns.
    pub goal_id: Option<GoalId>,
    /// Which session (a reference derived from it, never the token).
    pub session_ref: Option<String>,
    pub detail: serde_json::Value,
}

/// A refused attempt, by the kind of thing attempted. Each kind is its own action,
/// `<kind>.access_refused`, the pattern the log has used from the start for cases. Refusals
/// are logged whether the thing exists or not (a probe of a missing id is logged like a
/// refusal), and they are never shown in Mijn Buurtteam.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// A case file, its contacts, a step on it, its family plan or Mijn Buurtteam's view of it:
    /// one action for everything that runs on a case context (the row's object type says
    /// which part: `case`, `goal`, `action`, `proposal`, `invitation`, `portal`).
    Case,
    /// A household and its members.
    Household,
    /// A team's lists (the waiting list).
    Team,
    /// Steering figures.
    Kpi,
    /// The organisation: districts, teams, users, closure days.
    Organisation,
    /// A submitted form without the session's CSRF token, or a state change from another site.
    Form,
}

impl Refused {
    pub const ALL: &'static [Self] =
        &[Self::Case, Self::Household, Self::Team, Self::Kpi, Self::Organisation, Self::Form];

    /// The audit action, e.g. `household.access_refused`.
    pub fn action(self) -> AuditAction {
        match self {
            Self::Case => AuditAction::CaseAccessRefused,
            Self::Household => AuditAction::HouseholdAccessRefused,
            Self::Team => AuditAction::TeamAccessRefused,
            Self::Kpi => AuditAction::KpiAccessRefused,
            Self::Organisation => AuditAction::OrganisationAccessRefused,
            Self::Form => AuditAction::FormAccessRefused,
        }
    }
}

pub async fn append(tx: &mut Tx, e: &Entry) -> Result<()> {
    // Both backends store microseconds (PostgreSQL cannot hold more), and the hash covers the
    // timestamp as it reads back.
    let occurred_at = e.occurred_at.round(jiff::Unit::Microsecond).unwrap_or(e.occurred_at);
    let detail = e.detail.to_string();
    let salt = chain::new_salt();
    let detail_digest = audit_chain::detail_digest(&salt, &detail);
    let (chain, seq, prev_hash) = chain::advance(tx).await?;
    let occurred_text = occurred_at.to_string();
    let hash = audit_chain::row_hash(&audit_chain::Link {
        chain,
        seq,
        prev_hash: &prev_hash,
        occurred_at: &occurred_text,
        actor_user_id: e.actor.map(|(u, _)| u.0),
        actor_role: e.actor.map(|(_, r)| r.code()),
        action: e.action.as_str(),
        object_type: e.object_type,
        object_id: e.object_id,
        case_id: e.case_id.map(|c| c.0),
        household_id: e.household_id.map(|h| h.0),
        client_id: e.client_id.map(|p| p.0),
        acting_for_person_id: e.acting_for.map(|p| p.0),
        goal_id: e.goal_id.map(|g| g.0),
        session_ref: e.session_ref.as_deref(),
        detail_digest: &detail_digest,
    });
    exec!(tx, |c| sqlx::query(
        "INSERT INTO audit_log (occurred_at, actor_user_id, actor_role, action, object_type, object_id, \
         case_id, household_id, detail, client_id, acting_for_person_id, goal_id, session_ref, \
         chain, seq, hash, detail_digest, detail_salt) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)"
    )
    .bind(sql_ts(occurred_at))
    .bind(e.actor.map(|(u, _)| u.0))
    .bind(e.actor.map(|(_, r)| r.code()))
    .bind(e.action.as_str())
    .bind(e.object_type)
    .bind(e.object_id)
    .bind(e.case_id.map(|c| c.0))
    .bind(e.household_id.map(|h| h.0))
    .bind(&detail)
    .bind(e.client_id.map(|p| p.0))
    .bind(e.acting_for.map(|p| p.0))
    .bind(e.goal_id.map(|g| g.0))
    .bind(&e.session_ref)
    .bind(chain)
    .bind(seq)
    .bind(&hash)
    .bind(&detail_digest)
    .bind(&salt)
    .execute(&mut *c)
    .await)?;
    Ok(())
}

/// A stored audit row, as shown to those allowed to read the log.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: i64,
    pub occurred_at: Timestamp,
    pub actor_user_id: Option<UserId>,
    pub actor_role: Option<String>,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<i64>,
    pub case_id: Option<CaseId>,
    pub household_id: Option<HouseholdId>,
    pub detail: String,
}

impl Row {
    /// The action, or `None` for a code this version does not know (`action` keeps it).
    pub fn kind(&self) -> Option<AuditAction> {
        AuditAction::parse(&self.action)
    }
}

type RawRow = (
    i64,
    jiff_sqlx::Timestamp,
    Option<i64>,
    Option<String>,
    String,
    String,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    String,
);

const ROW_COLUMNS: &str =
    "id, occurred_at, actor_user_id, actor_role, action, object_type, object_id, case_id, household_id, detail";

fn rows(raw: Vec<RawRow>) -> Vec<Row> {
    raw.into_iter()
        .map(|(id, at, user, role, action, object_type, object_id, case_id, household_id, detail)| Row {
            id,
            occurred_at: at.to_jiff(),
            actor_user_id: user.map(UserId),
            actor_role: role,
            action,
            object_type,
            object_id,
            case_id: case_id.map(CaseId),
            household_id: household_id.map(HouseholdId),
            detail,
        })
        .collect()
}

/// The log of one case, oldest first.
pub async fn for_case(tx: &mut Tx, case: CaseId) -> Result<Vec<Row>> {
    let sql = format!("SELECT {ROW_COLUMNS} FROM audit_log WHERE case_id = $1 ORDER BY id");
    let raw: Vec<RawRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(case.0).fetch_all(&mut *c).await)?;
    Ok(rows(raw))
}

/// The rows of one action across the organisation, newest first, at most `limit` (e.g. the
/// inzage copies made for written requests, which the privacy officer lists).
pub async fn of_action(tx: &mut Tx, action: AuditAction, limit: i64) -> Result<Vec<Row>> {
    let sql = format!("SELECT {ROW_COLUMNS} FROM audit_log WHERE action = $1 ORDER BY id DESC LIMIT $2");
    let raw: Vec<RawRow> = on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
        .bind(action.as_str())
        .bind(limit)
        .fetch_all(&mut *c)
        .await)?;
    Ok(rows(raw))
}

/// The rows appended after row `after_id`, oldest first, at most `limit` (for reading the
/// log as it grows, e.g. exporting it to a SIEM, and for tests).
pub async fn after(tx: &mut Tx, after_id: i64, limit: i64) -> Result<Vec<Row>> {
    let sql = format!("SELECT {ROW_COLUMNS} FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2");
    let raw: Vec<RawRow> = on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
        .bind(after_id)
        .bind(limit)
        .fetch_all(&mut *c)
        .await)?;
    Ok(rows(raw))
}

/// The id of the newest row (0 for an empty log).
pub async fn last_id(tx: &mut Tx) -> Result<i64> {
    let id: Option<i64> = on!(tx, |c| sqlx::query_scalar("SELECT MAX(id) FROM audit_log").fetch_one(&mut *c).await)?;
    Ok(id.unwrap_or(0))
}

/// A row of the access log with the actor's name, for reading back per case.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AccessRow {
    pub id: i64,
    pub occurred_at: Timestamp,
    pub actor_user_id: Option<UserId>,
    pub actor_name: Option<String>,
    pub actor_role: Option<String>,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<i64>,
    pub client_id: Option<PersonId>,
    pub acting_for: Option<PersonId>,
    pub goal_id: Option<GoalId>,
    pub session_ref: Option<String>,
}

impl AccessRow {
    /// The action, or `None` for a code this version does not know (`action` keeps it).
    pub fn kind(&self) -> Option<AuditAction> {
        AuditAction::parse(&self.action)
    }
}

/// The access log of one case, newest first, at most `limit` rows.
pub async fn access_log(tx: &mut Tx, case: CaseId, limit: i64) -> Result<Vec<AccessRow>> {
    type Raw = (
        i64,
        jiff_sqlx::Timestamp,
        Option<i64>,
        Option<String>,
        Option<String>,
        String,
        String,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Option<String>,
    );
    let rows: Vec<Raw> = on!(tx, |c| {
        sqlx::query_as(
        "SELECT a.id, a.occurred_at, a.actor_user_id, u.name, a.actor_role, a.action, a.object_type, a.object_id,          a.client_id, a.acting_for_person_id, a.goal_id, a.session_ref          FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id WHERE a.case_id = $1 ORDER BY a.id DESC LIMIT $2"
    )
    .bind(case.0)
    .bind(limit)
    .fetch_all(&mut *c)
    .await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| AccessRow {
            id: r.0,
            occurred_at: r.1.to_jiff(),
            actor_user_id: r.2.map(UserId),
            actor_name: r.3,
            actor_role: r.4,
            action: r.5,
            object_type: r.6,
            object_id: r.7,
            client_id: r.8.map(PersonId),
            acting_for: r.9.map(PersonId),
            goal_id: r.10.map(GoalId),
            session_ref: r.11,
        })
        .collect())
}

/// Appends `entry` in a transaction of its own (grouped with other writes on SQLite) and
/// returns once it is durable: how reads of client files are logged before they are served.
pub async fn log(db: &Db, entry: Entry) -> Result<()> {
    db.write(move |tx| Box::pin(async move { append(tx, &entry).await })).await
}
