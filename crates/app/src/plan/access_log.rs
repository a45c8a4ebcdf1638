//! The access log of a case, for team managers and for the family members themselves.

use buurtteam_domain::audit::{self as audit_action, AuditAction};
use buurtteam_domain::ids::{CaseId, GoalId, PersonId, UserId};
use buurtteam_domain::policy::Actor;
use buurtteam_domain::policy::plan::PlanAction;
use buurtteam_store::audit::{self};
use buurtteam_store::plan::{self as store, Plan};
use std::collections::HashMap;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::{App, AppError, Result};

use super::context::{At, Context, Standing, run};
use super::views::portal_case;

#[derive(Debug, Clone)]
pub struct AccessView {
    pub occurred_at: Timestamp,
    /// For team managers only: which account.
    pub actor_user_id: Option<UserId>,
    pub actor_name: Option<String>,
    pub actor_role: Option<String>,
    /// What happened, as a stable code (`plan.read`, `goal.changed` ...): as stored, or in
    /// the portal as the family sees it (`AuditAction::portal_code`).
    pub action: String,
    /// The stored action, for the pages; `None` for a code this version does not know.
    pub kind: Option<AuditAction>,
    pub goal_id: Option<GoalId>,
    pub goal_title: Option<String>,
    pub client_id: Option<PersonId>,
    pub acting_for: Option<PersonId>,
    /// For team managers only: the session it came from.
    pub session_ref: Option<String>,
    /// In the portal: how many times the same person did the same on that day (`occurred_at`
    /// is the last of them, `first_at` the first); 1 elsewhere.
    pub times: u32,
    pub first_at: Timestamp,
}

/// Folds repeats into one row: the same account doing the same thing (to the same goal, for
/// the same person) on the same day in `tz`. Rows come newest first and stay in that order,
/// each group where its newest row was.
pub fn group_repeats(rows: Vec<(Option<UserId>, AccessView)>, tz: &TimeZone) -> Vec<AccessView> {
    type Key = (Option<UserId>, String, Option<GoalId>, Option<PersonId>, Option<PersonId>, Date);
    let mut out: Vec<AccessView> = Vec::new();
    let mut at: HashMap<Key, usize> = HashMap::new();
    for (who, v) in rows {
        // Rows of an unknown account are never folded: nobody can say they were one person.
        let day = v.occurred_at.to_zoned(tz.clone()).date();
        let key = (who, v.action.clone(), v.goal_id, v.client_id, v.acting_for, day);
        match at.get(&key) {
            Some(&i) if who.is_some() => {
                let g = &mut out[i];
                g.times += 1;
                g.first_at = g.first_at.min(v.occurred_at);
                g.occurred_at = g.occurred_at.max(v.occurred_at);
            }
            _ => {
                at.insert(key, out.len());
                out.push(v);
            }
        }
    }
    out
}

fn access_view(row: buurtteam_store::audit::AccessRow, plan: &Plan, with_session: bool) -> AccessView {
    AccessView {
        kind: row.kind(),
        occurred_at: row.occurred_at,
        actor_user_id: row.actor_user_id.filter(|_| with_session),
        actor_name: row.actor_name,
        actor_role: row.actor_role,
        action: row.action,
        goal_title: row.goal_id.and_then(|g| plan.goals.iter().find(|x| x.id == g).map(|x| x.title.clone())),
        goal_id: row.goal_id,
        client_id: row.client_id,
        acting_for: row.acting_for,
        session_ref: row.session_ref.filter(|_| with_session),
        times: 1,
        first_at: row.occurred_at,
    }
}

/// The most rows an access-log read returns.
pub const ACCESS_LOG_LIMIT: i64 = 500;

/// The access log of a case, newest first: team managers of its team.
pub async fn case_access_log(app: &App, actor: &Actor, case: CaseId) -> Result<Vec<AccessView>> {
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            ctx.require(PlanAction::ReadCaseAccessLog, None)?;
            let plan = store::load(tx, ctx.case.id).await?;
            let rows = audit::access_log(tx, ctx.case.id, ACCESS_LOG_LIMIT).await?;
            audit::append(tx, &ctx.entry(now, AuditAction::AccessLogRead, None)).await?;
            Ok(rows.into_iter().map(|r| access_view(r, &plan, true)).collect())
        })
    })
    .await
}

/// Who looked at the family member's file, newest first: rows about the case as a whole or
/// about them, never about goals they may not see, and not their own.
pub async fn portal_access_log(app: &App, actor: &Actor) -> Result<Vec<AccessView>> {
    let case = portal_case(app, actor).await?;
    let tz = app.settings.time_zone.clone();
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            ctx.require(PlanAction::ReadOwnAccessLog, None)?;
            let out = own_access_log(tx, &ctx, &tz).await?;
            audit::append(tx, &ctx.entry(now, AuditAction::AccessLogRead, None)).await?;
            Ok(out)
        })
    })
    .await
}

/// The rows of a household member's own access log, as Mijn Buurtteam shows them ("who looked
/// at my file"), newest first, repeats folded: read by the portal's log and by the inzage
/// export, so both show the same. Logs nothing itself.
pub(super) async fn own_access_log(
    tx: &mut buurtteam_store::Tx,
    ctx: &Context,
    tz: &TimeZone,
) -> Result<Vec<AccessView>> {
    let me = match &ctx.standing {
        Standing::Member { person, .. } => *person,
        _ => return Err(AppError::Forbidden("only family members read the access log".into())),
    };
    let plan = store::load(tx, ctx.case.id).await?;
    let mut rows = audit::access_log(tx, ctx.case.id, ACCESS_LOG_LIMIT).await?;
    // A network member's read of the plan is a read of the goal they help with. Rows
    // written before the log named that goal are pinned to it through their invitation;
    // where that is not one goal, the row is left out rather than saying "the plan".
    rows.retain_mut(|r| {
        if r.actor_role.as_deref() != Some("network_member") || r.goal_id.is_some() {
            return true;
        }
        let mut goals: Vec<GoalId> = plan
            .invitations
            .iter()
            .filter(|i| i.user_id.is_some() && i.user_id == r.actor_user_id)
            .map(|i| i.goal_id)
            .collect();
        goals.sort_by_key(|g| g.0);
        goals.dedup();
        match goals.as_slice() {
            [g] => {
                r.goal_id = Some(*g);
                true
            }
            _ => false,
        }
    });
    // Rows about a goal follow that goal's rule; other rows must be about the case as
    // a whole or about the reader. Which actions show, and as what, is the domain's.
    let visible = |r: &buurtteam_store::audit::AccessRow| {
        let about = match r.goal_id {
            Some(g) => plan.goals.iter().find(|x| x.id == g).is_some_and(|x| ctx.allows(PlanAction::ReadGoal, Some(x))),
            None => r.client_id.is_none() || r.client_id == Some(me),
        };
        // Their own doings are not "who looked"; a copy they downloaded is, so that the log
        // shows every copy of the file that left the organisation.
        let own = r.actor_user_id == Some(ctx.actor.user_id) && r.kind() != Some(AuditAction::PortalExported);
        about && !own && audit_action::portal_code(&r.action).is_some()
    };
    let views = rows
        .into_iter()
        .filter(visible)
        .map(|r| {
            let who = r.actor_user_id;
            let mut v = access_view(r, &plan, false);
            v.action = audit_action::portal_code(&v.action).unwrap_or_default().to_owned();
            (who, v)
        })
        .collect();
    Ok(group_repeats(views, tz))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(at: &str, action: &str, goal: Option<i64>) -> AccessView {
        let ts: Timestamp = at.parse().unwrap_or(Timestamp::UNIX_EPOCH);
        AccessView {
            occurred_at: ts,
            actor_user_id: None,
            actor_name: Some("Fatima Şahin".into()),
            actor_role: Some("family_worker".into()),
            action: action.into(),
            kind: AuditAction::parse(action),
            goal_id: goal.map(GoalId),
            goal_title: None,
            client_id: None,
            acting_for: None,
            session_ref: None,
            times: 1,
            first_at: ts,
        }
    }

    #[test]
    fn repeated_reads_on_one_day_fold_into_one_row() {
        let tz = TimeZone::get("Europe/Amsterdam").unwrap_or(TimeZone::UTC);
        let (fatima, karin) = (Some(UserId(1)), Some(UserId(2)));
        let rows = vec![
            (fatima, view("2026-11-03T15:00:00Z", "plan.read", None)),
            (karin, view("2026-11-03T14:00:00Z", "plan.read", Some(9))),
            (fatima, view("2026-11-03T12:00:00Z", "plan.read", None)),
            (fatima, view("2026-11-03T11:00:00Z", "goal.changed", Some(9))),
            (fatima, view("2026-11-03T09:00:00Z", "plan.read", None)),
            // 00:30 in Amsterdam on 3 November: the same day there.
            (fatima, view("2026-11-02T23:30:00Z", "plan.read", None)),
            // 23:30 in Amsterdam on 2 November: another day.
            (fatima, view("2026-11-02T22:30:00Z", "plan.read", None)),
            (None, view("2026-11-02T20:00:00Z", "plan.read", None)),
            (None, view("2026-11-02T19:00:00Z", "plan.read", None)),
        ];
        let out = group_repeats(rows, &tz);
        let summary: Vec<(&str, Option<i64>, u32)> =
            out.iter().map(|v| (v.action.as_str(), v.goal_id.map(|g| g.0), v.times)).collect();
        assert_eq!(
            summary,
            vec![
                ("plan.read", None, 4),
                ("plan.read", Some(9), 1),
                ("goal.changed", Some(9), 1),
                ("plan.read", None, 1),
                ("plan.read", None, 1),
                ("plan.read", None, 1),
            ]
        );
        assert_eq!(out[0].occurred_at.to_string(), "2026-11-03T15:00:00Z");
        assert_eq!(out[0].first_at.to_string(), "2026-11-02T23:30:00Z");
    }
}
