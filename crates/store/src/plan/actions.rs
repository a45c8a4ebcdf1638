//! Actions under a goal.

use buurtteam_domain::codes::Performer;
use buurtteam_domain::ids::{GoalActionId, GoalId, NetworkInvitationId, PartnerId, PersonId, UserId};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, Tx, parse_code, sql_date, sql_ts};

use super::SqlDate;
use super::rows::{GoalAction, NewAction};

pub(super) type ActionRow =
    (i64, i64, String, String, Option<i64>, Option<i64>, Option<String>, Option<SqlDate>, Option<SqlDate>, Option<i64>);
pub(super) const ACTION_COLUMNS: &str = "a.id, a.goal_id, a.description, a.performer, a.performer_person_id, \
     a.performer_invitation_id, a.performer_name, a.due_on, a.done_on, a.performer_partner_id";

pub(super) fn action_of(r: ActionRow) -> Result<GoalAction> {
    Ok(GoalAction {
        id: GoalActionId(r.0),
        goal_id: GoalId(r.1),
        description: r.2,
        performer: parse_code("goal_actions.performer", &r.3, Performer::parse)?,
        performer_person_id: r.4.map(PersonId),
        performer_invitation_id: r.5.map(NetworkInvitationId),
        performer_name: r.6,
        performer_partner_id: r.9.map(PartnerId),
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
         performer_name, due_on, created_by, created_at, performer_partner_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id"
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
    .bind(a.performer_partner_id.map(|p| p.0))
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
