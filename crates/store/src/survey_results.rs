//! The aggregate queries behind the experience survey's results (`survey::results`): counts
//! per team, district and day, never a single response. The open answers of a team are the
//! one list of texts, without date or moment, in random order.

use buurtteam_domain::ids::{DistrictId, TeamId};
use buurtteam_domain::kpi::Period;
use buurtteam_domain::survey::results::{AnswerRow, InvitationRow, ResponseRow, Rows, Statement};

use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, StoreError, Tx, sql_date, sql_ts};

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// The rows of every response, answer and invitation in `span`, and the statements by key
/// with their newest wording (`en`: in English). Teams and districts are the caller's.
pub async fn rows(tx: &mut Tx, span: Period, en: bool) -> Result<Rows> {
    let (from, to) = (sql_date(span.from), sql_date(span.to));
    let responses: Vec<(i64, i64, jiff_sqlx::Date, i64, i64, i64)> = on!(tx, |c| {
        sqlx::query_as(
            "SELECT team_id, district_id, submitted_on, COUNT(*), COUNT(report_mark), COALESCE(SUM(report_mark), 0) \
             FROM survey_responses WHERE submitted_on >= $1 AND submitted_on <= $2 GROUP BY 1, 2, 3",
        )
        .bind(from)
        .bind(to)
        .fetch_all(&mut *c)
        .await
    })?;
    let answers: Vec<(i64, i64, jiff_sqlx::Date, String, i64, i64)> = on!(tx, |c| {
        sqlx::query_as(
            "SELECT r.team_id, r.district_id, r.submitted_on, s.key, COUNT(*), \
             COALESCE(SUM(CASE WHEN a.agree >= 4 THEN 1 ELSE 0 END), 0) \
             FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id \
             JOIN survey_statements s ON s.id = a.statement_id \
             WHERE r.submitted_on >= $1 AND r.submitted_on <= $2 GROUP BY 1, 2, 3, 4",
        )
        .bind(from)
        .bind(to)
        .fetch_all(&mut *c)
        .await
    })?;
    // A voided referral counts nowhere (decision 0020); a case without a district counts for
    // its team and the city only.
    let invitations: Vec<(i64, Option<i64>, jiff_sqlx::Date, i64, i64)> = on!(tx, |c| {
        sqlx::query_as(
            "SELECT c.team_id, c.district_id, i.invited_on, COUNT(*), COUNT(i.responded_at) \
             FROM survey_invitations i JOIN cases c ON c.id = i.case_id \
             WHERE i.invited_on >= $1 AND i.invited_on <= $2 AND c.voided_on IS NULL GROUP BY 1, 2, 3",
        )
        .bind(from)
        .bind(to)
        .fetch_all(&mut *c)
        .await
    })?;
    let statements: Vec<(String, String, String, i64, i32)> = on!(tx, |c| {
        sqlx::query_as(
            "SELECT s.key, s.text_nl, s.text_en, q.version, s.position FROM survey_statements s \
             JOIN survey_questionnaires q ON q.id = s.questionnaire_id ORDER BY q.version DESC, s.position",
        )
        .fetch_all(&mut *c)
        .await
    })?;
    let mut seen = std::collections::BTreeSet::new();
    let statements = statements
        .into_iter()
        .filter(|(key, ..)| seen.insert(key.clone()))
        .map(|(key, nl, english, _, _)| Statement { key, text: if en { english } else { nl } })
        .collect();
    Ok(Rows {
        responses: responses
            .into_iter()
            .map(|(t, d, day, n, marks, sum)| ResponseRow {
                team_id: TeamId(t),
                district_id: DistrictId(d),
                day: day.to_jiff(),
                responses: count(n),
                marks: count(marks),
                mark_sum: count(sum),
            })
            .collect(),
        answers: answers
            .into_iter()
            .map(|(t, d, day, key, n, agreed)| AnswerRow {
                team_id: TeamId(t),
                district_id: DistrictId(d),
                day: day.to_jiff(),
                key,
                answered: count(n),
                agreed: count(agreed),
            })
            .collect(),
        invitations: invitations
            .into_iter()
            .map(|(t, d, day, n, answered)| InvitationRow {
                team_id: TeamId(t),
                district_id: DistrictId(d.unwrap_or(0)),
                day: day.to_jiff(),
                invited: count(n),
                answered: count(answered),
            })
            .collect(),
        statements,
        teams: Vec::new(),
        districts: Vec::new(),
    })
}

/// The open answers given to `team` in `period`, in random order, without anything else.
pub async fn open_answers(tx: &mut Tx, team: TeamId, period: Period) -> Result<Vec<String>> {
    let rows: Vec<(String,)> = on!(tx, |c| {
        sqlx::query_as(
            "SELECT comment FROM survey_responses WHERE team_id = $1 AND submitted_on >= $2 AND submitted_on <= $3 \
             AND comment IS NOT NULL AND comment <> '' ORDER BY random()",
        )
        .bind(team.0)
        .bind(sql_date(period.from))
        .bind(sql_date(period.to))
        .fetch_all(&mut *c)
        .await
    })?;
    Ok(rows.into_iter().map(|(c,)| c).collect())
}

// ---------------------------------------------------------------------------------------
// Bulk loading, for the synthetic city and for tests: invitations and responses with ids
// chosen by the caller. Everyday answering goes through the survey's own use cases.
// ---------------------------------------------------------------------------------------

/// Rows per statement, far below both backends' bind-parameter limits.
const ROWS_PER_STATEMENT: usize = 1000;

/// A generated invitation (its code is never known: `code_hash` is any unique text).
pub struct NewInvitation {
    pub case_id: i64,
    pub person_id: i64,
    pub moment: &'static str,
    pub code_hash: String,
    pub invited_on: Date,
    pub expires_at: Timestamp,
    pub responded_at: Option<Timestamp>,
    pub created_at: Timestamp,
}

/// A generated response with its answers by statement key (of the questionnaire `version`).
pub struct NewResponse {
    pub id: i64,
    pub version: i64,
    pub team_id: i64,
    pub district_id: i64,
    pub moment: &'static str,
    pub respondent: &'static str,
    pub channel: &'static str,
    pub submitted_on: Date,
    pub report_mark: Option<i32>,
    pub comment: Option<String>,
    pub answers: Vec<(&'static str, i32)>,
}

/// Inserts invitations and responses with their answers; on PostgreSQL moves the identity
/// sequences past the ids given.
pub async fn bulk_insert(tx: &mut Tx, invitations: &[NewInvitation], responses: &[NewResponse]) -> Result<()> {
    let versions: Vec<(i64, i64)> =
        on!(tx, |c| sqlx::query_as("SELECT version, id FROM survey_questionnaires").fetch_all(&mut *c).await)?;
    let statements: Vec<(i64, String, i64)> =
        on!(tx, |c| sqlx::query_as("SELECT questionnaire_id, key, id FROM survey_statements")
            .fetch_all(&mut *c)
            .await)?;
    let questionnaire = |version: i64| versions.iter().find(|(v, _)| *v == version).map(|(_, id)| *id);
    let statement = |q: i64, key: &str| statements.iter().find(|(x, k, _)| *x == q && k == key).map(|(_, _, id)| *id);
    for chunk in invitations.chunks(ROWS_PER_STATEMENT) {
        exec!(tx, |c| {
            let mut qb = sqlx::QueryBuilder::new(
                "INSERT INTO survey_invitations (case_id, person_id, moment, code_hash, invited_on, expires_at, \
                 responded_at, created_by, created_at) ",
            );
            qb.push_values(chunk, |mut b, i| {
                b.push_bind(i.case_id)
                    .push_bind(i.person_id)
                    .push_bind(i.moment)
                    .push_bind(&i.code_hash)
                    .push_bind(sql_date(i.invited_on))
                    .push_bind(sql_ts(i.expires_at))
                    .push_bind(i.responded_at.map(sql_ts))
                    .push_bind(None::<i64>)
                    .push_bind(sql_ts(i.created_at));
            });
            qb.build().execute(&mut *c).await
        })?;
    }
    let mut answers: Vec<(i64, i64, i32)> = Vec::new();
    let mut rows: Vec<(&NewResponse, i64)> = Vec::new();
    for r in responses {
        let q = questionnaire(r.version)
            .ok_or_else(|| StoreError::Corrupt(format!("no questionnaire version {}", r.version)))?;
        for (key, agree) in &r.answers {
            let s = statement(q, key)
                .ok_or_else(|| StoreError::Corrupt(format!("version {} has no statement {key}", r.version)))?;
            answers.push((r.id, s, *agree));
        }
        rows.push((r, q));
    }
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        exec!(tx, |c| {
            let mut qb = sqlx::QueryBuilder::new(
                "INSERT INTO survey_responses (id, questionnaire_id, team_id, district_id, moment, respondent, channel, \
                 submitted_on, report_mark, comment) ",
            );
            qb.push_values(chunk, |mut b, (r, q)| {
                b.push_bind(r.id)
                    .push_bind(*q)
                    .push_bind(r.team_id)
                    .push_bind(r.district_id)
                    .push_bind(r.moment)
                    .push_bind(r.respondent)
                    .push_bind(r.channel)
                    .push_bind(sql_date(r.submitted_on))
                    .push_bind(r.report_mark)
                    .push_bind(r.comment.as_deref());
            });
            qb.build().execute(&mut *c).await
        })?;
    }
    for chunk in answers.chunks(ROWS_PER_STATEMENT) {
        exec!(tx, |c| {
            let mut qb = sqlx::QueryBuilder::new("INSERT INTO survey_answers (response_id, statement_id, agree) ");
            qb.push_values(chunk, |mut b, (r, s, a)| {
                b.push_bind(*r).push_bind(*s).push_bind(*a);
            });
            qb.build().execute(&mut *c).await
        })?;
    }
    if let Tx::Postgres(t) = tx {
        for table in ["survey_invitations", "survey_responses"] {
            let sql = format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), GREATEST((SELECT COALESCE(MAX(id), 0) FROM {table}), 1))"
            );
            sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&mut **t).await?;
        }
    }
    Ok(())
}

/// The largest response id so far (0 when none): callers of [`bulk_insert`] number on from it.
pub async fn last_response_id(tx: &mut Tx) -> Result<i64> {
    let (n,): (i64,) =
        on!(tx, |c| sqlx::query_as("SELECT COALESCE(MAX(id), 0) FROM survey_responses").fetch_one(&mut *c).await)?;
    Ok(n)
}

/// (household id, person id) of the first parent of every household, for generated
/// invitations (the synthetic city invites a parent of each case).
pub async fn household_parents(tx: &mut Tx) -> Result<Vec<(i64, i64)>> {
    Ok(on!(tx, |c| sqlx::query_as(
        "SELECT household_id, MIN(id) FROM persons WHERE household_role = 'parent' GROUP BY household_id"
    )
    .fetch_all(&mut *c)
    .await)?)
}
