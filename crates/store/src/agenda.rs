//! The agenda of a worklist: what needs a worker's attention on the open cases of a member's
//! teams, besides the case deadlines (`cases::list`): appointments, actions that fall due,
//! proposals and comments from the family waiting for an answer, evaluations that fall due,
//! and cases in support without a contact for a while ("stil dossier").
//!
//! Each kind is one query with the access rule inside it (only cases of teams the member
//! belongs to), paged, with the number of all matching items counted in the same query.

use buurtteam_domain::ids::{CaseId, GoalId, TeamId, UserId};
use jiff::Timestamp;
use jiff::civil::Date;
use sqlx::FromRow;

use crate::{Result, Tx, sql_date, sql_ts};

/// The kinds of agenda items, in the order the worklist shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AgendaKind {
    /// Appointments from the start of today to the end of the week.
    Appointments,
    /// Actions of the family plan not done, due on or before a date (overdue ones included).
    ActionsDue,
    /// Changes the family proposed to a goal, not yet accepted or declined.
    Proposals,
    /// Goals whose latest comment is the family's (or an important other's): waiting for an answer.
    Comments,
    /// Cases in support whose next evaluation falls on or before a date.
    EvaluationsDue,
    /// Cases in support with no contact since a date (the start of support counts as one).
    Silent,
}

impl AgendaKind {
    pub const ALL: &'static [Self] =
        &[Self::Appointments, Self::ActionsDue, Self::Proposals, Self::Comments, Self::EvaluationsDue, Self::Silent];

    /// The stable code, as used in a page's query string.
    pub fn code(self) -> &'static str {
        match self {
            Self::Appointments => "appointments",
            Self::ActionsDue => "actions",
            Self::Proposals => "proposals",
            Self::Comments => "comments",
            Self::EvaluationsDue => "evaluations",
            Self::Silent => "silent",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.code() == code)
    }
}

/// Which cases, and the dates that decide what is due.
#[derive(Debug, Clone)]
pub struct AgendaQuery {
    /// Only cases of teams this user is a member of.
    pub member: UserId,
    pub team_id: Option<TeamId>,
    /// Only cases this worker carries.
    pub worker: Option<UserId>,
    /// Appointments in `[from, until)`.
    pub from: Timestamp,
    pub until: Timestamp,
    /// Actions due on or before this date.
    pub actions_due_by: Date,
    /// Evaluations due on or before this date.
    pub evaluations_due_by: Date,
    /// Silent: the last contact before this date.
    pub silent_before: Date,
    pub limit: i64,
    pub offset: i64,
}

/// One thing on the agenda, on one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItem {
    pub case_id: CaseId,
    pub worker_id: Option<UserId>,
    /// The date it is due, or of the last contact (silent); for appointments and messages the
    /// date is part of `at`.
    pub on: Option<Date>,
    /// When it happens (appointments) or was written (proposals, comments).
    pub at: Option<Timestamp>,
    /// What it says: an action's description, a proposal's title, a comment, an appointment's
    /// place and description (joined by " · ").
    pub text: String,
    /// The goal it belongs to, with its title.
    pub goal: Option<(GoalId, String)>,
    /// Who wrote it (proposals, comments).
    pub by: Option<String>,
}

/// Items of one kind, earliest first, and how many there are in all.
pub async fn items(tx: &mut Tx, kind: AgendaKind, q: &AgendaQuery) -> Result<(Vec<AgendaItem>, i64)> {
    let access = format!(
        "c.team_id IN (SELECT team_id FROM team_members WHERE user_id = $1) AND c.status <> 'closed' \
         AND c.voided_on IS NULL {} {}",
        if q.team_id.is_some() { "AND c.team_id = $2" } else { "AND $2 IS NULL" },
        if q.worker.is_some() { "AND c.worker_id = $3" } else { "AND $3 IS NULL" },
    );
    let mut params =
        vec![Param::Int(Some(q.member.0)), Param::Int(q.team_id.map(|t| t.0)), Param::Int(q.worker.map(|w| w.0))];
    // Each kind's own parameters follow from $4; LIMIT and OFFSET come last.
    let (sql, shape) = match kind {
        AgendaKind::Appointments => {
            params.extend([Param::Ts(sql_ts(q.from)), Param::Ts(sql_ts(q.until))]);
            (
                format!(
                    "SELECT c.id AS case_id, c.worker_id AS worker_id, a.starts_at AS starts_at, a.place AS place, \
                     a.description AS description, COUNT(*) OVER () AS total \
                     FROM appointments a JOIN cases c ON c.id = a.case_id \
                     WHERE {access} AND a.starts_at >= $4 AND a.starts_at < $5 \
                     ORDER BY a.starts_at, a.id LIMIT $6 OFFSET $7"
                ),
                Shape::Appointment,
            )
        }
        AgendaKind::ActionsDue => {
            params.push(Param::Date(sql_date(q.actions_due_by)));
            (
                format!(
                    "SELECT c.id AS case_id, c.worker_id AS worker_id, act.due_on AS due_on, act.description AS description, \
                     g.id AS goal_id, g.title AS goal_title, COUNT(*) OVER () AS total \
                     FROM goal_actions act JOIN goals g ON g.id = act.goal_id JOIN cases c ON c.id = g.case_id \
                     WHERE {access} AND g.status = 'open' AND act.done_on IS NULL AND act.due_on <= $4 \
                     ORDER BY act.due_on, act.id LIMIT $5 OFFSET $6"
                ),
                Shape::Action,
            )
        }
        AgendaKind::Proposals => (
            format!(
                "SELECT c.id AS case_id, c.worker_id AS worker_id, p.created_at AS at, p.title AS text, g.id AS goal_id, \
                 g.title AS goal_title, u.name AS by_name, COUNT(*) OVER () AS total \
                 FROM goal_proposals p JOIN goals g ON g.id = p.goal_id JOIN cases c ON c.id = g.case_id \
                 JOIN users u ON u.id = p.proposed_by \
                 WHERE {access} AND p.status = 'pending' \
                 ORDER BY p.created_at, p.id LIMIT $4 OFFSET $5"
            ),
            Shape::Message,
        ),
        AgendaKind::Comments => (
            // The goal's latest comment is by a family or network member: nobody of the team
            // has answered it yet.
            format!(
                "SELECT c.id AS case_id, c.worker_id AS worker_id, gc.created_at AS at, gc.body AS text, g.id AS goal_id, \
                 g.title AS goal_title, u.name AS by_name, COUNT(*) OVER () AS total \
                 FROM goal_comments gc JOIN goals g ON g.id = gc.goal_id JOIN cases c ON c.id = g.case_id \
                 JOIN users u ON u.id = gc.author_id \
                 WHERE {access} AND u.role IN ('family_member', 'network_member') \
                 AND NOT EXISTS (SELECT 1 FROM goal_comments later WHERE later.goal_id = gc.goal_id AND later.id > gc.id) \
                 ORDER BY gc.created_at, gc.id LIMIT $4 OFFSET $5"
            ),
            Shape::Message,
        ),
        AgendaKind::EvaluationsDue => {
            params.push(Param::Date(sql_date(q.evaluations_due_by)));
            (
                format!(
                    "SELECT c.id AS case_id, c.worker_id AS worker_id, c.next_evaluation_on AS due_on, \
                     COUNT(*) OVER () AS total FROM cases c \
                     WHERE {access} AND c.status = 'in_support' AND c.next_evaluation_on <= $4 \
                     ORDER BY c.next_evaluation_on, c.id LIMIT $5 OFFSET $6"
                ),
                Shape::Dated,
            )
        }
        AgendaKind::Silent => {
            params.push(Param::Date(sql_date(q.silent_before)));
            // The last contact, or the start of support when there was none since.
            let last = "COALESCE((SELECT MAX(ct.contact_on) FROM contacts ct WHERE ct.case_id = c.id), c.started_on)";
            (
                format!(
                    "SELECT c.id AS case_id, c.worker_id AS worker_id, {last} AS due_on, COUNT(*) OVER () AS total \
                     FROM cases c \
                     WHERE {access} AND c.status = 'in_support' AND {last} < $4 \
                     ORDER BY due_on, c.id LIMIT $5 OFFSET $6"
                ),
                Shape::Dated,
            )
        }
    };
    params.extend([Param::Int(Some(q.limit)), Param::Int(Some(q.offset))]);
    let (items, total) = match shape {
        Shape::Appointment => collect(fetch::<AppointmentRow>(tx, &sql, params).await?, |r| {
            let text = [r.place, r.description].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
            (AgendaItem { at: Some(r.starts_at.to_jiff()), ..item(r.case_id, r.worker_id, text) }, r.total)
        }),
        Shape::Action => collect(fetch::<ActionRow>(tx, &sql, params).await?, |r| {
            let mut it = item(r.case_id, r.worker_id, r.description);
            it.on = r.due_on.map(|d| d.to_jiff());
            it.goal = Some((GoalId(r.goal_id), r.goal_title));
            (it, r.total)
        }),
        Shape::Message => collect(fetch::<MessageRow>(tx, &sql, params).await?, |r| {
            let mut it = item(r.case_id, r.worker_id, r.text);
            it.at = Some(r.at.to_jiff());
            it.goal = Some((GoalId(r.goal_id), r.goal_title));
            it.by = Some(r.by_name);
            (it, r.total)
        }),
        Shape::Dated => collect(fetch::<DatedRow>(tx, &sql, params).await?, |r| {
            (AgendaItem { on: r.due_on.map(|d| d.to_jiff()), ..item(r.case_id, r.worker_id, String::new()) }, r.total)
        }),
    };
    // A page past the end counts nothing: count once more so the pager still knows the total.
    if items.is_empty() && q.offset > 0 {
        let first = AgendaQuery { offset: 0, limit: 1, ..q.clone() };
        return Ok((items, Box::pin(items_total(tx, kind, &first)).await?));
    }
    Ok((items, total))
}

async fn items_total(tx: &mut Tx, kind: AgendaKind, q: &AgendaQuery) -> Result<i64> {
    Ok(items(tx, kind, q).await?.1)
}

fn item(case_id: i64, worker_id: Option<i64>, text: String) -> AgendaItem {
    AgendaItem {
        case_id: CaseId(case_id),
        worker_id: worker_id.map(UserId),
        on: None,
        at: None,
        text,
        goal: None,
        by: None,
    }
}

fn collect<R>(rows: Vec<R>, map: impl Fn(R) -> (AgendaItem, i64)) -> (Vec<AgendaItem>, i64) {
    let mut total = 0;
    let items = rows
        .into_iter()
        .map(|r| {
            let (it, n) = map(r);
            total = n;
            it
        })
        .collect();
    (items, total)
}

enum Shape {
    Appointment,
    Action,
    Message,
    Dated,
}

enum Param {
    Int(Option<i64>),
    Date(jiff_sqlx::Date),
    Ts(jiff_sqlx::Timestamp),
}

async fn fetch<R>(tx: &mut Tx, sql: &str, params: Vec<Param>) -> Result<Vec<R>>
where
    R: for<'r> FromRow<'r, sqlx::sqlite::SqliteRow> + for<'r> FromRow<'r, sqlx::postgres::PgRow> + Send + Unpin,
{
    let rows: Vec<R> = on!(tx, |c| {
        let mut query = sqlx::query_as::<_, R>(sqlx::AssertSqlSafe(sql));
        for p in &params {
            query = match p {
                Param::Int(v) => query.bind(*v),
                Param::Date(d) => query.bind(*d),
                Param::Ts(t) => query.bind(*t),
            };
        }
        query.fetch_all(&mut *c).await
    })?;
    Ok(rows)
}

#[derive(FromRow)]
struct AppointmentRow {
    case_id: i64,
    worker_id: Option<i64>,
    starts_at: jiff_sqlx::Timestamp,
    place: String,
    description: String,
    total: i64,
}

#[derive(FromRow)]
struct ActionRow {
    case_id: i64,
    worker_id: Option<i64>,
    due_on: Option<jiff_sqlx::Date>,
    description: String,
    goal_id: i64,
    goal_title: String,
    total: i64,
}

#[derive(FromRow)]
struct MessageRow {
    case_id: i64,
    worker_id: Option<i64>,
    at: jiff_sqlx::Timestamp,
    text: String,
    goal_id: i64,
    goal_title: String,
    by_name: String,
    total: i64,
}

#[derive(FromRow)]
struct DatedRow {
    case_id: i64,
    worker_id: Option<i64>,
    due_on: Option<jiff_sqlx::Date>,
    total: i64,
}
