//! The whole plan of a case in one read.

use buurtteam_domain::ids::{CaseId, GoalId, PersonId, UserId};

use crate::{Result, Tx};

use super::actions::ACTION_COLUMNS;
use super::actions::ActionRow;
use super::actions::action_of;
use super::goals::GOAL_COLUMNS;
use super::goals::GoalRow;
use super::goals::author;
use super::goals::goal_of;
use super::invitations::invitations_where;
use super::proposals::proposals_where;
use super::rows::{Agreement, Appointment, Comment, Evaluation, Plan, Score};
use super::{SqlDate, Ts};

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
