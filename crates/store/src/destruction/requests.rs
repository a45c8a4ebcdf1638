//! Requests for destruction and legal holds: what the privacy officer's worklist holds.

use buurtteam_domain::codes::{DestructionOutcome, DestructionScope, RefusalGround, RequesterRelation};
use buurtteam_domain::ids::{CaseId, PersonId, TeamId, UserId};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, StoreError, Tx, parse_code, sql_date, sql_ts};

/// A registered request to destroy a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub id: i64,
    /// `None` once the file is destroyed; `case_number` stays.
    pub case_id: Option<CaseId>,
    pub case_number: i64,
    pub team_id: TeamId,
    pub requested_by: Option<PersonId>,
    pub relation: RequesterRelation,
    /// The requester's age on `received_on`.
    pub age: i16,
    pub received_on: Date,
    pub decide_by: Date,
    pub scope: DestructionScope,
    pub registered_by: UserId,
    pub registered_at: Timestamp,
    pub decision: Option<Decision>,
    pub tombstone_id: Option<i64>,
}

/// The privacy officer's decision on a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub outcome: DestructionOutcome,
    pub refusal_ground: Option<RefusalGround>,
    pub note: Option<String>,
    pub copy_offered_on: Option<Date>,
    pub decided_by: UserId,
    pub decided_at: Timestamp,
}

/// A request to register.
pub struct NewRequest {
    pub case_id: CaseId,
    pub team_id: TeamId,
    pub requested_by: PersonId,
    pub relation: RequesterRelation,
    pub age: i16,
    pub received_on: Date,
    pub decide_by: Date,
    pub scope: DestructionScope,
    pub registered_by: UserId,
}

pub async fn insert(tx: &mut Tx, new: &NewRequest, now: Timestamp) -> Result<i64> {
    Ok(on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO destruction_requests (case_id, case_number, team_id, requested_by_person_id, requester_relation, \
         requester_age, received_on, decide_by, scope, registered_by, registered_at) \
         VALUES ($1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id"
    )
    .bind(new.case_id.0)
    .bind(new.team_id.0)
    .bind(new.requested_by.0)
    .bind(new.relation.code())
    .bind(i32::from(new.age))
    .bind(sql_date(new.received_on))
    .bind(sql_date(new.decide_by))
    .bind(new.scope.code())
    .bind(new.registered_by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?)
}

const COLUMNS: &str = "id, case_id, case_number, team_id, requested_by_person_id, requester_relation, requester_age, \
     received_on, decide_by, scope, registered_by, registered_at, outcome, refusal_ground, note, copy_offered_on, \
     decided_by, decided_at, tombstone_id";

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    case_id: Option<i64>,
    case_number: i64,
    team_id: i64,
    requested_by_person_id: Option<i64>,
    requester_relation: String,
    requester_age: i32,
    received_on: jiff_sqlx::Date,
    decide_by: jiff_sqlx::Date,
    scope: String,
    registered_by: i64,
    registered_at: jiff_sqlx::Timestamp,
    outcome: Option<String>,
    refusal_ground: Option<String>,
    note: Option<String>,
    copy_offered_on: Option<jiff_sqlx::Date>,
    decided_by: Option<i64>,
    decided_at: Option<jiff_sqlx::Timestamp>,
    tombstone_id: Option<i64>,
}

impl Row {
    fn into_request(self) -> Result<Request> {
        let decision = match (self.outcome, self.decided_by, self.decided_at) {
            (Some(outcome), Some(by), Some(at)) => Some(Decision {
                outcome: parse_code("destruction_requests.outcome", &outcome, DestructionOutcome::parse)?,
                refusal_ground: self
                    .refusal_ground
                    .map(|g| parse_code("destruction_requests.refusal_ground", &g, RefusalGround::parse))
                    .transpose()?,
                note: self.note,
                copy_offered_on: self.copy_offered_on.map(|d| d.to_jiff()),
                decided_by: UserId(by),
                decided_at: at.to_jiff(),
            }),
            _ => None,
        };
        Ok(Request {
            id: self.id,
            case_id: self.case_id.map(CaseId),
            case_number: self.case_number,
            team_id: TeamId(self.team_id),
            requested_by: self.requested_by_person_id.map(PersonId),
            relation: parse_code(
                "destruction_requests.requester_relation",
                &self.requester_relation,
                RequesterRelation::parse,
            )?,
            age: i16::try_from(self.requester_age).unwrap_or(i16::MAX),
            received_on: self.received_on.to_jiff(),
            decide_by: self.decide_by.to_jiff(),
            scope: parse_code("destruction_requests.scope", &self.scope, DestructionScope::parse)?,
            registered_by: UserId(self.registered_by),
            registered_at: self.registered_at.to_jiff(),
            decision,
            tombstone_id: self.tombstone_id,
        })
    }
}

pub async fn get(tx: &mut Tx, id: i64) -> Result<Option<Request>> {
    let sql = format!("SELECT {COLUMNS} FROM destruction_requests WHERE id = $1");
    let row: Option<Row> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(&mut *c).await)?;
    row.map(Row::into_request).transpose()
}

/// Requests: open ones first by their deadline, then decided ones, most recent first; of
/// `teams` only when given (staff see their teams' requests).
pub async fn list(tx: &mut Tx, teams: Option<&[TeamId]>, limit: i64) -> Result<Vec<Request>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM destruction_requests \
         ORDER BY CASE WHEN outcome IS NULL THEN 0 ELSE 1 END, \
         CASE WHEN outcome IS NULL THEN decide_by END, decided_at DESC, id DESC"
    );
    let rows: Vec<Row> = on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).fetch_all(&mut *c).await)?;
    let mut out = Vec::new();
    for row in rows {
        let r = row.into_request()?;
        if teams.is_none_or(|t| t.contains(&r.team_id)) {
            out.push(r);
        }
        if out.len() as i64 >= limit {
            break;
        }
    }
    Ok(out)
}

/// Records the decision on an open request (else `Concurrent`: decided meanwhile).
pub async fn decide(tx: &mut Tx, id: i64, d: &Decision) -> Result<()> {
    let done = exec!(tx, |c| sqlx::query(
        "UPDATE destruction_requests SET outcome = $2, refusal_ground = $3, note = $4, copy_offered_on = $5, \
         decided_by = $6, decided_at = $7 WHERE id = $1 AND outcome IS NULL"
    )
    .bind(id)
    .bind(d.outcome.code())
    .bind(d.refusal_ground.map(|g| g.code()))
    .bind(d.note.as_deref())
    .bind(d.copy_offered_on.map(sql_date))
    .bind(d.decided_by.0)
    .bind(sql_ts(d.decided_at))
    .execute(&mut *c)
    .await)?;
    if done == 1 { Ok(()) } else { Err(StoreError::Concurrent) }
}

/// A legal hold on a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegalHold {
    pub id: i64,
    pub case_id: CaseId,
    pub reason: String,
    pub until: Option<Date>,
    pub placed_by: UserId,
    pub placed_at: Timestamp,
    pub lifted: Option<(UserId, Timestamp)>,
}

impl LegalHold {
    pub fn rule(&self) -> buurtteam_domain::retention::Hold {
        buurtteam_domain::retention::Hold { until: self.until, lifted: self.lifted.is_some() }
    }
}

type HoldRow =
    (i64, i64, String, Option<jiff_sqlx::Date>, i64, jiff_sqlx::Timestamp, Option<i64>, Option<jiff_sqlx::Timestamp>);

fn hold_of((id, case, reason, until, by, at, lifted_by, lifted_at): HoldRow) -> LegalHold {
    LegalHold {
        id,
        case_id: CaseId(case),
        reason,
        until: until.map(|d| d.to_jiff()),
        placed_by: UserId(by),
        placed_at: at.to_jiff(),
        lifted: lifted_by.zip(lifted_at).map(|(u, t)| (UserId(u), t.to_jiff())),
    }
}

const HOLD_COLUMNS: &str = "id, case_id, reason, until_on, placed_by, placed_at, lifted_by, lifted_at";

pub async fn place_hold(
    tx: &mut Tx,
    case: CaseId,
    reason: &str,
    until: Option<Date>,
    by: UserId,
    now: Timestamp,
) -> Result<i64> {
    Ok(on!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO legal_holds (case_id, reason, until_on, placed_by, placed_at) VALUES ($1, $2, $3, $4, $5) RETURNING id"
    )
    .bind(case.0)
    .bind(reason)
    .bind(until.map(sql_date))
    .bind(by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await
    })?)
}

/// Lifts a hold that is not lifted yet; `None` if there is no such hold.
pub async fn lift_hold(tx: &mut Tx, id: i64, by: UserId, now: Timestamp) -> Result<Option<LegalHold>> {
    let done = exec!(tx, |c| sqlx::query(
        "UPDATE legal_holds SET lifted_by = $2, lifted_at = $3 WHERE id = $1 AND lifted_at IS NULL"
    )
    .bind(id)
    .bind(by.0)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    if done == 0 {
        return Ok(None);
    }
    let sql = format!("SELECT {HOLD_COLUMNS} FROM legal_holds WHERE id = $1");
    let row: HoldRow =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(id).fetch_one(&mut *c).await)?;
    Ok(Some(hold_of(row)))
}

/// The holds of a case, lifted ones included.
pub async fn holds_of(tx: &mut Tx, case: CaseId) -> Result<Vec<LegalHold>> {
    let sql = format!("SELECT {HOLD_COLUMNS} FROM legal_holds WHERE case_id = $1 ORDER BY id");
    let rows: Vec<HoldRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(case.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(hold_of).collect())
}

/// Holds not lifted, newest first.
pub async fn active_holds(tx: &mut Tx, limit: i64) -> Result<Vec<LegalHold>> {
    let sql = format!(
        "SELECT {HOLD_COLUMNS} FROM legal_holds WHERE lifted_at IS NULL ORDER BY placed_at DESC, id DESC LIMIT $1"
    );
    let rows: Vec<HoldRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(limit).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(hold_of).collect())
}
