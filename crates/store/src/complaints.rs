//! Complaints and their handling steps (decision 0032). The store keeps what it is told; the
//! step order, the deadline and who may see what are decided in `domain::complaints` and
//! `app::complaints`.

use buurtteam_domain::complaints::{Against, Outcome, RecordedStep, Step};
use buurtteam_domain::ids::{CaseId, PersonId, TeamId, UserId};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, StoreError, Tx, parse_code, sql_date, sql_ts};

/// A complaint as stored, with its steps in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Complaint {
    pub id: i64,
    pub case_id: CaseId,
    pub team_id: TeamId,
    pub team_name: String,
    pub subject: String,
    pub against: Against,
    pub against_user_id: Option<UserId>,
    pub against_user_name: Option<String>,
    pub wish: String,
    pub complainant_person_id: Option<PersonId>,
    /// `staff` or `portal`.
    pub channel: String,
    pub received_on: Date,
    pub decide_by: Date,
    pub extended_on: Option<Date>,
    pub extension_reason: Option<String>,
    pub outcome: Option<Outcome>,
    pub decided_on: Option<Date>,
    pub lessons: Option<String>,
    pub created_by: UserId,
    pub steps: Vec<StoredStep>,
}

/// A handling step as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredStep {
    pub step: RecordedStep,
    pub note: Option<String>,
    pub recorded_by: UserId,
    pub recorded_by_name: String,
}

impl Complaint {
    pub fn recorded(&self) -> Vec<RecordedStep> {
        self.steps.iter().map(|s| s.step).collect()
    }
}

/// A complaint to register; its `received` step is written with it.
pub struct NewComplaint<'a> {
    pub case_id: CaseId,
    pub team_id: TeamId,
    pub subject: &'a str,
    pub against: Against,
    pub against_user_id: Option<UserId>,
    pub wish: &'a str,
    pub complainant_person_id: Option<PersonId>,
    pub channel: &'a str,
    pub received_on: Date,
    pub decide_by: Date,
    pub by: UserId,
}

/// Registers a complaint with its `received` step; returns its id.
pub async fn insert(tx: &mut Tx, n: &NewComplaint<'_>, now: Timestamp) -> Result<i64> {
    let id: i64 = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO complaints (case_id, team_id, subject, against, against_user_id, wish, complainant_person_id, \
         channel, received_on, decide_by, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id"
    )
    .bind(n.case_id.0)
    .bind(n.team_id.0)
    .bind(n.subject)
    .bind(n.against.code())
    .bind(n.against_user_id.map(|u| u.0))
    .bind(n.wish)
    .bind(n.complainant_person_id.map(|p| p.0))
    .bind(n.channel)
    .bind(sql_date(n.received_on))
    .bind(sql_date(n.decide_by))
    .bind(n.by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await)?;
    let received = RecordedStep { step: Step::Received, on: n.received_on, outcome: None };
    add_step(tx, id, received, None, n.by, now).await?;
    Ok(id)
}

/// Appends a step; an outcome becomes the complaint's outcome in force.
pub async fn add_step(
    tx: &mut Tx,
    id: i64,
    step: RecordedStep,
    note: Option<&str>,
    by: UserId,
    now: Timestamp,
) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "INSERT INTO complaint_steps (complaint_id, step, step_on, outcome, note, recorded_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)"
    )
    .bind(id)
    .bind(step.step.code())
    .bind(sql_date(step.on))
    .bind(step.outcome.map(|o| o.code()))
    .bind(note)
    .bind(by.0)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    if let Some(outcome) = step.outcome {
        exec!(tx, |c| sqlx::query(
            "UPDATE complaints SET outcome = $2, decided_on = $3, updated_at = $4 WHERE id = $1"
        )
        .bind(id)
        .bind(outcome.code())
        .bind(sql_date(step.on))
        .bind(sql_ts(now))
        .execute(&mut *c)
        .await)?;
    }
    Ok(())
}

/// Puts the decision off: the notice date, the reason and the new deadline. Only a complaint
/// not extended before changes (else `Concurrent`).
pub async fn extend(
    tx: &mut Tx,
    id: i64,
    notice_on: Date,
    reason: &str,
    decide_by: Date,
    now: Timestamp,
) -> Result<()> {
    let n = exec!(tx, |c| sqlx::query(
        "UPDATE complaints SET extended_on = $2, extension_reason = $3, decide_by = $4, updated_at = $5 \
         WHERE id = $1 AND extended_on IS NULL"
    )
    .bind(id)
    .bind(sql_date(notice_on))
    .bind(reason)
    .bind(sql_date(decide_by))
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    if n == 1 { Ok(()) } else { Err(StoreError::Concurrent) }
}

/// Writes what the team learned (replacing what was there).
pub async fn set_lessons(tx: &mut Tx, id: i64, lessons: &str, now: Timestamp) -> Result<()> {
    exec!(tx, |c| sqlx::query("UPDATE complaints SET lessons = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(lessons)
        .bind(sql_ts(now))
        .execute(&mut *c)
        .await)?;
    Ok(())
}

/// The case and team of complaint `id`, if it exists (decided on before anything else is read).
pub async fn case_of(tx: &mut Tx, id: i64) -> Result<Option<(CaseId, TeamId)>> {
    let row: Option<(i64, i64)> = on!(tx, |c| sqlx::query_as("SELECT case_id, team_id FROM complaints WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *c)
        .await)?;
    Ok(row.map(|(c, t)| (CaseId(c), TeamId(t))))
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    case_id: i64,
    team_id: i64,
    team_name: String,
    subject: String,
    against: String,
    against_user_id: Option<i64>,
    against_user_name: Option<String>,
    wish: String,
    complainant_person_id: Option<i64>,
    channel: String,
    received_on: jiff_sqlx::Date,
    decide_by: jiff_sqlx::Date,
    extended_on: Option<jiff_sqlx::Date>,
    extension_reason: Option<String>,
    outcome: Option<String>,
    decided_on: Option<jiff_sqlx::Date>,
    lessons: Option<String>,
    created_by: i64,
}

const COLUMNS: &str = "SELECT k.id, k.case_id, k.team_id, t.name AS team_name, k.subject, k.against, \
     k.against_user_id, u.name AS against_user_name, k.wish, k.complainant_person_id, k.channel, k.received_on, \
     k.decide_by, k.extended_on, k.extension_reason, k.outcome, k.decided_on, k.lessons, k.created_by \
     FROM complaints k JOIN teams t ON t.id = k.team_id LEFT JOIN users u ON u.id = k.against_user_id";

fn complaint(r: Row) -> Result<Complaint> {
    Ok(Complaint {
        id: r.id,
        case_id: CaseId(r.case_id),
        team_id: TeamId(r.team_id),
        team_name: r.team_name,
        subject: r.subject,
        against: parse_code("complaints.against", &r.against, Against::parse)?,
        against_user_id: r.against_user_id.map(UserId),
        against_user_name: r.against_user_name,
        wish: r.wish,
        complainant_person_id: r.complainant_person_id.map(PersonId),
        channel: r.channel,
        received_on: r.received_on.to_jiff(),
        decide_by: r.decide_by.to_jiff(),
        extended_on: r.extended_on.map(|d| d.to_jiff()),
        extension_reason: r.extension_reason,
        outcome: r.outcome.map(|o| parse_code("complaints.outcome", &o, Outcome::parse)).transpose()?,
        decided_on: r.decided_on.map(|d| d.to_jiff()),
        lessons: r.lessons,
        created_by: UserId(r.created_by),
        steps: Vec::new(),
    })
}

/// A step as read: step, date, outcome, note, recorded by (id, name).
type StepRow = (String, jiff_sqlx::Date, Option<String>, Option<String>, i64, String);

async fn steps(tx: &mut Tx, id: i64) -> Result<Vec<StoredStep>> {
    let rows: Vec<StepRow> = on!(tx, |c| {
        sqlx::query_as(
            "SELECT s.step, s.step_on, s.outcome, s.note, s.recorded_by, u.name FROM complaint_steps s \
             JOIN users u ON u.id = s.recorded_by WHERE s.complaint_id = $1 ORDER BY s.id",
        )
        .bind(id)
        .fetch_all(&mut *c)
        .await
    })?;
    rows.into_iter()
        .map(|(step, on, outcome, note, by, name)| {
            Ok(StoredStep {
                step: RecordedStep {
                    step: parse_code("complaint_steps.step", &step, Step::parse)?,
                    on: on.to_jiff(),
                    outcome: outcome.map(|o| parse_code("complaint_steps.outcome", &o, Outcome::parse)).transpose()?,
                },
                note,
                recorded_by: UserId(by),
                recorded_by_name: name,
            })
        })
        .collect()
}

/// One complaint with its steps.
pub async fn get(tx: &mut Tx, id: i64) -> Result<Option<Complaint>> {
    let sql = format!("{COLUMNS} WHERE k.id = $1");
    let row: Option<Row> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(&mut *c).await)?;
    let Some(row) = row else { return Ok(None) };
    let mut k = complaint(row)?;
    k.steps = steps(tx, id).await?;
    Ok(Some(k))
}

async fn list(tx: &mut Tx, filter: &str, bind: &[i64], limit: i64) -> Result<Vec<Complaint>> {
    let sql = format!("{COLUMNS} WHERE {filter} ORDER BY k.received_on DESC, k.id DESC LIMIT {limit}");
    let rows: Vec<Row> = on!(tx, |c| {
        let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()));
        for b in bind {
            q = q.bind(*b);
        }
        q.fetch_all(&mut *c).await
    })?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let mut k = complaint(row)?;
        k.steps = steps(tx, k.id).await?;
        out.push(k);
    }
    Ok(out)
}

/// The complaints on the cases of `teams`, newest first (at most 500).
pub async fn of_teams(tx: &mut Tx, teams: &[TeamId]) -> Result<Vec<Complaint>> {
    if teams.is_empty() {
        return Ok(Vec::new());
    }
    // Team ids are numbers; they are bound, one placeholder each.
    let marks: Vec<String> = (1..=teams.len()).map(|i| format!("${i}")).collect();
    let ids: Vec<i64> = teams.iter().map(|t| t.0).collect();
    list(tx, &format!("k.team_id IN ({})", marks.join(", ")), &ids, 500).await
}

/// The complaints on case `case`, newest first.
pub async fn of_case(tx: &mut Tx, case: CaseId) -> Result<Vec<Complaint>> {
    list(tx, "k.case_id = $1", &[case.0], 100).await
}

/// The undecided complaints on the cases of `teams` (the team manager's worklist).
pub async fn open_of_teams(tx: &mut Tx, teams: &[TeamId]) -> Result<Vec<Complaint>> {
    Ok(of_teams(tx, teams).await?.into_iter().filter(|k| k.outcome.is_none()).collect())
}

/// What the steering counts need of one complaint received in a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountRow {
    pub team_id: TeamId,
    pub district_id: Option<i64>,
    pub received_on: Date,
    pub decide_by: Date,
    pub outcome: Option<Outcome>,
    pub decided_on: Option<Date>,
}

/// The complaints received in `[from, to]` (every team; the caller filters and suppresses).
pub async fn received_between(tx: &mut Tx, from: Date, to: Date) -> Result<Vec<CountRow>> {
    type R = (i64, Option<i64>, jiff_sqlx::Date, jiff_sqlx::Date, Option<String>, Option<jiff_sqlx::Date>);
    let rows: Vec<R> = on!(tx, |c| sqlx::query_as(
        "SELECT k.team_id, t.district_id, k.received_on, k.decide_by, k.outcome, k.decided_on \
         FROM complaints k JOIN teams t ON t.id = k.team_id WHERE k.received_on >= $1 AND k.received_on <= $2"
    )
    .bind(sql_date(from))
    .bind(sql_date(to))
    .fetch_all(&mut *c)
    .await)?;
    rows.into_iter()
        .map(|(team, district, received, by, outcome, decided)| {
            Ok(CountRow {
                team_id: TeamId(team),
                district_id: district,
                received_on: received.to_jiff(),
                decide_by: by.to_jiff(),
                outcome: outcome.map(|o| parse_code("complaints.outcome", &o, Outcome::parse)).transpose()?,
                decided_on: decided.map(|d| d.to_jiff()),
            })
        })
        .collect()
}
