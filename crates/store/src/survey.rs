//! The experience survey (migrations 0031, 0033): questionnaire versions, invitations and
//! responses. A response is written without its invitation, case or person (decision 0030):
//! nothing here reads one response back, and nothing joins a response to an invitation.

use buurtteam_domain::ids::{CaseId, DistrictId, HouseholdId, PersonId, TeamId, UserId};
use buurtteam_domain::survey::{Channel, Moment, Respondent};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, Tx, parse_code, sql_date, sql_ts};

type Ts = jiff_sqlx::Timestamp;
type Dt = jiff_sqlx::Date;

/// One statement of a questionnaire version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementRow {
    pub id: i64,
    pub position: i32,
    pub key: String,
    pub text_nl: String,
    pub text_en: String,
}

/// A questionnaire version with its statements in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Questionnaire {
    pub id: i64,
    pub version: i64,
    pub report_mark: bool,
    pub open_question_nl: Option<String>,
    pub open_question_en: Option<String>,
    pub created_by: Option<UserId>,
    pub created_at: Timestamp,
    pub statements: Vec<StatementRow>,
}

/// A version in the history: its number, when and by whom (the name, if a user made it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub version: i64,
    pub created_at: Timestamp,
    pub created_by: Option<String>,
    pub statements: i64,
}

type QRow = (i64, i64, bool, Option<String>, Option<String>, Option<i64>, Ts);

async fn with_statements(tx: &mut Tx, row: Option<QRow>) -> Result<Option<Questionnaire>> {
    let Some((id, version, report_mark, open_nl, open_en, by, at)) = row else { return Ok(None) };
    let rows: Vec<(i64, i32, String, String, String)> = on!(tx, |c| {
        sqlx::query_as(
        "SELECT id, position, key, text_nl, text_en FROM survey_statements WHERE questionnaire_id = $1 ORDER BY position"
    )
    .bind(id)
    .fetch_all(&mut *c)
    .await
    })?;
    Ok(Some(Questionnaire {
        id,
        version,
        report_mark,
        open_question_nl: open_nl,
        open_question_en: open_en,
        created_by: by.map(UserId),
        created_at: at.to_jiff(),
        statements: rows
            .into_iter()
            .map(|(id, position, key, text_nl, text_en)| StatementRow { id, position, key, text_nl, text_en })
            .collect(),
    }))
}

const Q_COLUMNS: &str = "SELECT id, version, report_mark, open_question_nl, open_question_en, created_by, created_at FROM survey_questionnaires";

/// The newest version: the one new responses are given on.
pub async fn current(tx: &mut Tx) -> Result<Questionnaire> {
    let sql = format!("{Q_COLUMNS} ORDER BY version DESC LIMIT 1");
    let row: Option<QRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).fetch_optional(&mut *c).await)?;
    with_statements(tx, row)
        .await?
        .ok_or_else(|| crate::StoreError::Corrupt("no survey questionnaire (migration 0031 seeds one)".into()))
}

/// Every version, newest first.
pub async fn versions(tx: &mut Tx) -> Result<Vec<Version>> {
    let rows: Vec<(i64, Ts, Option<String>, i64)> = on!(tx, |c| sqlx::query_as(
        "SELECT q.version, q.created_at, u.name, \
           (SELECT COUNT(*) FROM survey_statements s WHERE s.questionnaire_id = q.id) \
         FROM survey_questionnaires q LEFT JOIN users u ON u.id = q.created_by ORDER BY q.version DESC"
    )
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows
        .into_iter()
        .map(|(version, at, by, statements)| Version { version, created_at: at.to_jiff(), created_by: by, statements })
        .collect())
}

/// A new version's content.
pub struct NewQuestionnaire<'a> {
    pub report_mark: bool,
    pub open_question_nl: Option<&'a str>,
    pub open_question_en: Option<&'a str>,
    /// (key, Dutch, English), in order.
    pub statements: &'a [(String, String, String)],
}

/// Saves a new version after the newest; returns its number.
pub async fn insert_version(tx: &mut Tx, q: &NewQuestionnaire<'_>, by: UserId, now: Timestamp) -> Result<i64> {
    let next: i64 = on!(tx, |c| sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) + 1 FROM survey_questionnaires")
        .fetch_one(&mut *c)
        .await)?;
    let id: i64 = on!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO survey_questionnaires (version, report_mark, open_question_nl, open_question_en, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id"
    )
    .bind(next)
    .bind(q.report_mark)
    .bind(q.open_question_nl)
    .bind(q.open_question_en)
    .bind(by.0)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await
    })?;
    for (i, (key, nl, en)) in q.statements.iter().enumerate() {
        let position = i32::try_from(i + 1).unwrap_or(i32::MAX);
        exec!(tx, |c| {
            sqlx::query(
            "INSERT INTO survey_statements (questionnaire_id, position, key, text_nl, text_en) VALUES ($1, $2, $3, $4, $5)"
        )
        .bind(id)
        .bind(position)
        .bind(key)
        .bind(nl)
        .bind(en)
        .execute(&mut *c)
        .await
        })?;
    }
    Ok(next)
}

/// An invitation as the use cases need it, with what a response from it is counted under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub id: i64,
    pub case_id: CaseId,
    pub person_id: PersonId,
    pub moment: Moment,
    pub invited_on: Date,
    pub expires_at: Timestamp,
    pub reminded_at: Option<Timestamp>,
    pub responded: bool,
    pub created_by: Option<UserId>,
    /// The code, sealed (decision 0026), while it may still be printed.
    pub code_sealed: Option<String>,
    /// The case's team and household, and the household's district.
    pub team_id: TeamId,
    pub household_id: HouseholdId,
    pub district_id: DistrictId,
}

type IRow = (i64, i64, i64, String, Dt, Ts, Option<Ts>, Option<Ts>, Option<i64>, Option<String>, i64, i64, i64);

const I_COLUMNS: &str = "SELECT i.id, i.case_id, i.person_id, i.moment, i.invited_on, i.expires_at, i.reminded_at, \
     i.responded_at, i.created_by, i.code_sealed, c.team_id, c.household_id, h.district_id \
     FROM survey_invitations i JOIN cases c ON c.id = i.case_id JOIN households h ON h.id = c.household_id";

fn invitation(r: IRow) -> Result<Invitation> {
    Ok(Invitation {
        id: r.0,
        case_id: CaseId(r.1),
        person_id: PersonId(r.2),
        moment: parse_code("survey_invitations.moment", &r.3, Moment::parse)?,
        invited_on: r.4.to_jiff(),
        expires_at: r.5.to_jiff(),
        reminded_at: r.6.map(|t| t.to_jiff()),
        responded: r.7.is_some(),
        created_by: r.8.map(UserId),
        code_sealed: r.9,
        team_id: TeamId(r.10),
        household_id: HouseholdId(r.11),
        district_id: DistrictId(r.12),
    })
}

async fn invitations_where(tx: &mut Tx, filter: &str, bind: i64) -> Result<Vec<Invitation>> {
    let sql = format!("{I_COLUMNS} WHERE {filter} ORDER BY i.id");
    let rows: Vec<IRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(bind).fetch_all(&mut *c).await)?;
    rows.into_iter().map(invitation).collect()
}

/// The invitation with this code (by its hash), answered or not, expired or not.
pub async fn by_code(tx: &mut Tx, code_hash: &str) -> Result<Option<Invitation>> {
    let sql = format!("{I_COLUMNS} WHERE i.code_hash = $1");
    let row: Option<IRow> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(code_hash).fetch_optional(&mut *c).await)?;
    row.map(invitation).transpose()
}

/// One invitation by its id.
pub async fn get(tx: &mut Tx, id: i64) -> Result<Option<Invitation>> {
    Ok(invitations_where(tx, "i.id = $1", id).await?.pop())
}

/// The invitations of one case, oldest first.
pub async fn of_case(tx: &mut Tx, case: CaseId) -> Result<Vec<Invitation>> {
    invitations_where(tx, "i.case_id = $1", case.0).await
}

/// The invitations of one person, oldest first.
pub async fn of_person(tx: &mut Tx, person: PersonId) -> Result<Vec<Invitation>> {
    invitations_where(tx, "i.person_id = $1", person.0).await
}

/// A new invitation.
pub struct NewInvitation<'a> {
    pub case_id: CaseId,
    pub person_id: PersonId,
    pub moment: Moment,
    pub code_hash: &'a str,
    pub code_sealed: Option<&'a str>,
    pub invited_on: Date,
    pub expires_at: Timestamp,
    pub created_by: Option<UserId>,
}

/// Saves an invitation; `None` when this person of this case was already invited at this
/// moment (once per person per case per moment).
pub async fn insert(tx: &mut Tx, new: &NewInvitation<'_>, now: Timestamp) -> Result<Option<i64>> {
    Ok(on!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO survey_invitations (case_id, person_id, moment, code_hash, code_sealed, invited_on, expires_at, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (case_id, person_id, moment) DO NOTHING RETURNING id"
    )
    .bind(new.case_id.0)
    .bind(new.person_id.0)
    .bind(new.moment.code())
    .bind(new.code_hash)
    .bind(new.code_sealed)
    .bind(sql_date(new.invited_on))
    .bind(sql_ts(new.expires_at))
    .bind(new.created_by.map(|u| u.0))
    .bind(sql_ts(now))
    .fetch_optional(&mut *c)
    .await
    })?)
}

/// Puts the sealed code on an invitation (sealing binds the row's id, so it follows the insert).
pub async fn set_sealed(tx: &mut Tx, id: i64, sealed: &str) -> Result<()> {
    exec!(tx, |c| sqlx::query("UPDATE survey_invitations SET code_sealed = $2 WHERE id = $1")
        .bind(id)
        .bind(sealed)
        .execute(&mut *c)
        .await)?;
    Ok(())
}

/// Marks an invitation answered (on the day only: `on` is a midnight) and forgets its sealed
/// code; false when it already was, or has expired by `now` (then nothing is written).
pub async fn mark_responded(tx: &mut Tx, id: i64, on: Timestamp, now: Timestamp) -> Result<bool> {
    Ok(exec!(tx, |c| sqlx::query(
        "UPDATE survey_invitations SET responded_at = $2, code_sealed = NULL \
         WHERE id = $1 AND responded_at IS NULL AND expires_at > $3"
    )
    .bind(id)
    .bind(sql_ts(on))
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?
        == 1)
}

/// A response: what the aggregates need, and nothing that leads back to a family.
pub struct NewResponse<'a> {
    pub questionnaire_id: i64,
    pub team_id: TeamId,
    pub district_id: DistrictId,
    pub moment: Moment,
    pub respondent: Respondent,
    pub channel: Channel,
    pub submitted_on: Date,
    pub report_mark: Option<i32>,
    pub comment: Option<&'a str>,
    /// (statement id, 1..=5)
    pub answers: &'a [(i64, i32)],
}

/// Saves a response with its answers.
pub async fn insert_response(tx: &mut Tx, r: &NewResponse<'_>) -> Result<()> {
    let id: i64 = on!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO survey_responses (questionnaire_id, team_id, district_id, moment, respondent, channel, submitted_on, report_mark, comment) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id"
    )
    .bind(r.questionnaire_id)
    .bind(r.team_id.0)
    .bind(r.district_id.0)
    .bind(r.moment.code())
    .bind(r.respondent.code())
    .bind(r.channel.code())
    .bind(sql_date(r.submitted_on))
    .bind(r.report_mark)
    .bind(r.comment)
    .fetch_one(&mut *c)
    .await
    })?;
    for (statement, agree) in r.answers {
        exec!(tx, |c| sqlx::query(
            "INSERT INTO survey_answers (response_id, statement_id, agree) VALUES ($1, $2, $3)"
        )
        .bind(id)
        .bind(statement)
        .bind(agree)
        .execute(&mut *c)
        .await)?;
    }
    Ok(())
}

/// Cases in support whose support started on or before `started_by`, not voided: those due
/// for their `six_months` survey (the job leaves out who was already invited).
pub async fn cases_in_support_started_by(tx: &mut Tx, started_by: Date) -> Result<Vec<CaseId>> {
    let ids: Vec<i64> = on!(tx, |c| sqlx::query_scalar(
        "SELECT id FROM cases WHERE status = 'in_support' AND started_on <= $1 AND voided_on IS NULL \
           AND id NOT IN (SELECT case_id FROM survey_invitations WHERE moment = 'six_months') ORDER BY id"
    )
    .bind(sql_date(started_by))
    .fetch_all(&mut *c)
    .await)?;
    Ok(ids.into_iter().map(CaseId).collect())
}

/// Cases closed from `closed_since` on (not voided) with no closure invitation yet.
pub async fn cases_closed_since(tx: &mut Tx, closed_since: Date) -> Result<Vec<CaseId>> {
    let ids: Vec<i64> = on!(tx, |c| sqlx::query_scalar(
        "SELECT id FROM cases WHERE status = 'closed' AND closed_on >= $1 AND voided_on IS NULL \
           AND id NOT IN (SELECT case_id FROM survey_invitations WHERE moment = 'closure') ORDER BY id"
    )
    .bind(sql_date(closed_since))
    .fetch_all(&mut *c)
    .await)?;
    Ok(ids.into_iter().map(CaseId).collect())
}

/// Marks reminded the open invitations made on or before `invited_by` that were not reminded
/// and are still valid at `now`; returns them as (invitation, case, person).
pub async fn remind(tx: &mut Tx, invited_by: Date, now: Timestamp) -> Result<Vec<(i64, CaseId, PersonId)>> {
    let rows: Vec<(i64, i64, i64)> = on!(tx, |c| sqlx::query_as(
        "UPDATE survey_invitations SET reminded_at = $2 \
         WHERE reminded_at IS NULL AND responded_at IS NULL AND invited_on <= $1 AND expires_at > $2 \
         RETURNING id, case_id, person_id"
    )
    .bind(sql_date(invited_by))
    .bind(sql_ts(now))
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows.into_iter().map(|(i, c, p)| (i, CaseId(c), PersonId(p))).collect())
}

/// Forgets the sealed codes of invitations that expired by `now`; returns how many.
pub async fn clear_expired_codes(tx: &mut Tx, now: Timestamp) -> Result<u64> {
    Ok(exec!(tx, |c| sqlx::query(
        "UPDATE survey_invitations SET code_sealed = NULL WHERE code_sealed IS NOT NULL AND expires_at <= $1"
    )
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?)
}
