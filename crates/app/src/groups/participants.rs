//! Participants of a group: enrolling a client from their case (on the case context) or someone
//! who is not a client by name (on the group), the waiting list, leaving, attendance, and the
//! groups of a case for the plan and Mijn Buurtteam.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::groups::{self, GroupStatus, LeaveReason};
use buurtteam_domain::ids::{CaseId, GoalId, GroupId, GroupParticipantId, GroupSessionId, PersonId};
use buurtteam_domain::policy::groups::GroupAction;
use buurtteam_domain::policy::{Action, Actor};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit;
use buurtteam_store::groups::{self as store, NewParticipant};
use buurtteam_store::{Tx, plan as plan_store};
use serde::Deserialize;

use super::{GroupContext, ParticipantView, ended, on_group};
use crate::context::on_case;
use crate::{App, AppError, Result, input};

/// An enrolment: a client from their case (`case_id` and `person_id`, optionally one of the
/// plan's goals), or someone who is not a client (`name` only).
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnrolInput {
    pub person_id: Option<i64>,
    pub case_id: Option<i64>,
    pub goal_id: Option<i64>,
    pub name: Option<String>,
}

/// An enrolment from the case file's page ("Aanmelden voor een groep"): the group, the client
/// of the case, optionally one of the plan's goals.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct CaseEnrolInput {
    pub group_id: Option<i64>,
    pub person_id: Option<i64>,
    pub goal_id: Option<i64>,
}

/// Enrols a client of `case` in the group the input names (the case file's form).
pub async fn enrol_from_case(app: &App, actor: &Actor, case: CaseId, input: &CaseEnrolInput) -> Result<Enrolled> {
    let mut errors = Errors::default();
    let group = input::id(&mut errors, "group_id", input.group_id);
    let person = input::id(&mut errors, "person_id", input.person_id);
    errors.finish()?;
    let (Some(group), Some(person)) = (group, person) else { return Err(AppError::Internal("unchecked".into())) };
    enrol_client(app, actor, GroupId(group), case, PersonId(person), input.goal_id.map(GoalId)).await
}

/// Leaving a group.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LeaveInput {
    /// The day they left (`YYYY-MM-DD`, not in the future).
    pub on: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<LeaveReason>))]
    pub reason: Option<String>,
    /// In a few words; required when the reason is `other`.
    pub note: Option<String>,
}

/// Attendance of one session: who was present (participant ids); every other participant of
/// the group is recorded absent.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttendanceInput {
    #[serde(default)]
    pub present: Vec<i64>,
    /// People present who are not registered as participants.
    pub anonymous_present: Option<i64>,
}

/// The outcome of an enrolment.
#[derive(Debug, Clone)]
pub struct Enrolled {
    pub participant: ParticipantView,
    /// The group was full: the participant is on its waiting list.
    pub waiting: bool,
}

/// A group a client of a case takes part in or waits for.
pub type Participation = store::Participation;

/// Enrols someone in group `id`: a client from their case (decided on the case: staff of the
/// case's team, another team's case is a 404), or someone who is not a client by name (the
/// group's team or a facilitator). A full group puts them on the waiting list.
pub async fn enrol(app: &App, actor: &Actor, id: GroupId, input: &EnrolInput) -> Result<Enrolled> {
    let mut errors = Errors::default();
    match (input.case_id, input.person_id) {
        (Some(case), Some(person)) => {
            if input.name.as_deref().is_some_and(|n| !n.trim().is_empty()) {
                errors.add("name", "give a name only for someone who is not a client").code("not_allowed");
            }
            errors.finish()?;
            enrol_client(app, actor, id, CaseId(case), PersonId(person), input.goal_id.map(GoalId)).await
        }
        (Some(_), None) => {
            errors.add("person_id", "is required with case_id: the client to enrol").code("required");
            Err(errors.0.into())
        }
        (None, Some(_)) => {
            errors.add("case_id", "is required with person_id: the case the client is enrolled from").code("required");
            Err(errors.0.into())
        }
        (None, None) => {
            if input.goal_id.is_some() {
                errors
                    .add("goal_id", "a goal is linked only for a client enrolled from their case")
                    .code("not_allowed");
            }
            let name = input::text(&mut errors, "name", input.name.as_deref(), 100);
            errors.finish()?;
            let name = name.unwrap_or_default();
            on_group(app, actor, id, GroupAction::EnrolByName, move |tx, ctx| {
                Box::pin(async move {
                    let new = |waiting| NewParticipant {
                        group_id: ctx.group.id,
                        person_id: None,
                        case_id: None,
                        goal_id: None,
                        name: Some(name.clone()),
                        waiting,
                        enrolled_on: ctx.today,
                        created_by: ctx.actor.user_id,
                    };
                    let (pid, waiting) = place(tx, &ctx.group, new, ctx.now).await?;
                    let mut entry = ctx.entry(AuditAction::GroupParticipantEnrolled);
                    entry.detail = serde_json::json!({ "participant_id": pid.0, "waiting": waiting, "client": false });
                    audit::append(tx, &entry).await?;
                    let p = store::get_participant(tx, pid).await?.ok_or(AppError::NotFound("participant"))?;
                    Ok(Enrolled { participant: ParticipantView::of(&ctx.actor, p), waiting })
                })
            })
            .await
        }
    }
}

/// Inserts the participant on the group, or on its waiting list when it is full.
async fn place(
    tx: &mut Tx,
    group: &store::Group,
    new: impl Fn(bool) -> NewParticipant,
    now: jiff::Timestamp,
) -> Result<(GroupParticipantId, bool)> {
    if !group.status.enrols() {
        return Err(ended());
    }
    let waiting = groups::goes_on_waiting_list(group.active, group.capacity);
    let id = store::insert_participant(tx, &new(waiting), now).await?;
    Ok((id, waiting))
}

async fn enrol_client(
    app: &App,
    actor: &Actor,
    group_id: GroupId,
    case: CaseId,
    person: PersonId,
    goal: Option<GoalId>,
) -> Result<Enrolled> {
    on_case(app, actor, case, Action::EnrolInGroup, move |tx, ctx, now| {
        Box::pin(async move {
            let group = store::get(tx, group_id, now).await?.ok_or(AppError::NotFound("group"))?;
            let mut errors = Errors::default();
            let client = ctx.case.clients.iter().find(|c| c.person_id == person);
            match client {
                None => {
                    errors.add("person_id", "must be a client of the case").code("not_a_client");
                }
                Some(c) if !groups::age_fits(group.min_age, group.max_age, c.birth_date, ctx.today) => {
                    errors
                        .add("person_id", "the client's age is outside the group's ages")
                        .code("age_outside_group")
                        .arg("min", group.min_age.map_or(String::new(), |a| a.to_string()))
                        .arg("max", group.max_age.map_or(String::new(), |a| a.to_string()));
                }
                Some(_) => {}
            }
            if let Some(goal) = goal {
                let found = plan_store::goal(tx, goal).await?;
                let fits = found.as_ref().is_some_and(|g| g.case_id == case && g.client_id.is_none_or(|c| c == person));
                if !fits {
                    errors
                        .add("goal_id", "must be a goal of this case, of the client or of the household")
                        .code("unknown_choice");
                }
            }
            errors.finish()?;
            if group.status == GroupStatus::Ended {
                return Err(super::ended());
            }
            if ctx.case.status == buurtteam_domain::case::CaseStatus::Closed {
                return Err(AppError::Conflict {
                    message: "the case is closed: enrol a client of an open case".into(),
                    current_status: Some(ctx.case.status),
                });
            }
            if store::is_enrolled(tx, group_id, person).await? {
                return Err(AppError::Conflict {
                    message: "the client already takes part in this group or is on its waiting list".into(),
                    current_status: None,
                });
            }
            let today = ctx.today;
            let by = ctx.actor.user_id;
            let waiting = groups::goes_on_waiting_list(group.active, group.capacity);
            let new = NewParticipant {
                group_id,
                person_id: Some(person),
                case_id: Some(case),
                goal_id: goal,
                name: None,
                waiting,
                enrolled_on: today,
                created_by: by,
            };
            let pid = store::insert_participant(tx, &new, now).await?;
            let mut entry = ctx.entry(AuditAction::GroupParticipantEnrolled);
            entry.client_id = Some(person);
            entry.goal_id = goal;
            entry.detail = serde_json::json!({
                "group_id": group_id.0, "participant_id": pid.0, "waiting": waiting, "client": true,
            });
            audit::append(tx, &entry).await?;
            let p = store::get_participant(tx, pid).await?.ok_or(AppError::NotFound("participant"))?;
            Ok(Enrolled { participant: ParticipantView::of(&ctx.actor, p), waiting })
        })
    })
    .await
}

/// Records that a participant leaves the group; when that frees a place, the first on the
/// waiting list moves up (decision 0028).
pub async fn leave(app: &App, actor: &Actor, id: GroupParticipantId, input: &LeaveInput) -> Result<ParticipantView> {
    let mut errors = Errors::default();
    let on = input::past_date(&mut errors, "on", input.on.as_deref(), app.today());
    let reason = input::code(&mut errors, "reason", input.reason.as_deref(), LeaveReason::parse, LeaveReason::accepted);
    let note = input::optional_long_text(&mut errors, "note", input.note.as_deref(), 1000);
    if reason == Some(LeaveReason::Other) && note.is_none() && input.note.as_deref().is_none_or(|n| n.trim().is_empty())
    {
        errors.add("note", "is required with reason other: say in a few words why").code("required");
    }
    errors.finish()?;
    let (Some(on), Some(reason)) = (on, reason) else { return Err(AppError::Internal("unchecked".into())) };
    let group = {
        let mut tx = app.db.begin_read().await?;
        store::group_of_participant(&mut tx, id).await?
    };
    // A participant that does not exist is refused as a group that does not exist.
    let group = group.unwrap_or(GroupId(0));
    on_group(app, actor, group, GroupAction::RecordLeave, move |tx, ctx| {
        Box::pin(async move {
            let p = store::get_participant(tx, id).await?.ok_or(AppError::NotFound("participant"))?;
            if p.group_id != ctx.group.id {
                return Err(AppError::NotFound("participant"));
            }
            if on < p.enrolled_on {
                let mut errors = Errors::default();
                errors.add("on", "may not be before the day they were enrolled").code("before_enrolment");
                return Err(errors.0.into());
            }
            let was_active = p.is_active();
            if !store::leave(tx, id, on, reason, note.as_deref()).await? {
                return Err(AppError::Conflict {
                    message: "the participant has left already".into(),
                    current_status: None,
                });
            }
            let mut entry = participant_entry(&ctx, &p, AuditAction::GroupParticipantLeft);
            entry.detail = serde_json::json!({ "participant_id": id.0, "reason": reason.code(), "on": on.to_string() });
            audit::append(tx, &entry).await?;
            if was_active {
                move_up_first(tx, &ctx).await?;
            }
            let p = store::get_participant(tx, id).await?.ok_or(AppError::NotFound("participant"))?;
            Ok(ParticipantView::of(&ctx.actor, p))
        })
    })
    .await
}

fn participant_entry(ctx: &GroupContext, p: &store::Participant, action: AuditAction) -> audit::Entry {
    let mut entry = ctx.entry(action);
    entry.case_id = p.case_id;
    entry.client_id = p.person_id;
    entry
}

/// The first on the waiting list takes the place that came free, if the group has room.
async fn move_up_first(tx: &mut Tx, ctx: &GroupContext) -> Result<()> {
    let all = store::participants(tx, ctx.group.id).await?;
    let active = all.iter().filter(|p| p.is_active()).count() as i64;
    let waiting: Vec<GroupParticipantId> =
        all.iter().filter(|p| p.waiting && p.left_on.is_none()).map(|p| p.id).collect();
    if let Some(first) = groups::moves_up(active, ctx.group.capacity, &waiting) {
        store::move_up(tx, first).await?;
        if let Some(p) = all.iter().find(|p| p.id == first) {
            let mut entry = participant_entry(ctx, p, AuditAction::GroupParticipantMovedUp);
            entry.detail = serde_json::json!({ "participant_id": first.0 });
            audit::append(tx, &entry).await?;
        }
    }
    Ok(())
}

/// Records who was present at a session: the named participants present, every other active
/// participant of the group absent (the group's team or a facilitator).
pub async fn record_attendance(
    app: &App,
    actor: &Actor,
    session: GroupSessionId,
    input: &AttendanceInput,
) -> Result<store::Session> {
    let mut errors = Errors::default();
    if input.anonymous_present.is_some_and(|n| !(0..=10_000).contains(&n)) {
        errors
            .add("anonymous_present", "a number of people, 0 or more")
            .code("out_of_range")
            .arg("min", 0)
            .arg("max", 10_000);
    }
    errors.finish()?;
    let group = {
        let mut tx = app.db.begin_read().await?;
        store::group_of_session(&mut tx, session).await?
    };
    let present: Vec<GroupParticipantId> = input.present.iter().copied().map(GroupParticipantId).collect();
    let anonymous = input.anonymous_present.unwrap_or(0);
    on_group(app, actor, group.unwrap_or(GroupId(0)), GroupAction::RecordAttendance, move |tx, ctx| {
        Box::pin(async move {
            let s = store::get_session(tx, session).await?.ok_or(AppError::NotFound("session"))?;
            if s.starts_at.to_zoned(ctx.app.settings.time_zone.clone()).date() > ctx.today {
                return Err(AppError::Conflict {
                    message: "the session has not taken place yet".into(),
                    current_status: None,
                });
            }
            let all = store::participants(tx, ctx.group.id).await?;
            let active: Vec<&store::Participant> = all.iter().filter(|p| !p.waiting && p.left_on.is_none()).collect();
            let mut errors = Errors::default();
            for (i, p) in present.iter().enumerate() {
                if !active.iter().any(|a| a.id == *p) {
                    errors
                        .add(format!("present[{i}]"), "must be a participant of the group (not waiting, not left)")
                        .code("unknown_choice");
                }
            }
            errors.finish()?;
            let marks: Vec<(GroupParticipantId, bool)> =
                active.iter().map(|a| (a.id, present.contains(&a.id))).collect();
            store::record_attendance(tx, session, &marks, anonymous, ctx.now).await?;
            let mut entry = ctx.entry(AuditAction::GroupAttendanceRecorded);
            entry.detail = serde_json::json!({
                "session_id": session.0,
                "present": marks.iter().filter(|(_, p)| *p).count(),
                "absent": marks.iter().filter(|(_, p)| !*p).count(),
                "anonymous_present": anonymous,
            });
            audit::append(tx, &entry).await?;
            store::get_session(tx, session).await?.ok_or(AppError::NotFound("session"))
        })
    })
    .await
}

/// The groups the clients of a case take part in or wait for (read inside a job on the case:
/// the plan and the portal decide what of it to show).
pub async fn participations_of_case(tx: &mut Tx, case: CaseId, now: jiff::Timestamp) -> Result<Vec<Participation>> {
    Ok(store::participations_of_case(tx, case, now).await?)
}

/// Who was recorded present at a session, for the attendance form.
pub async fn present_at(
    app: &App,
    actor: &Actor,
    session: GroupSessionId,
) -> Result<(store::Session, Vec<GroupParticipantId>)> {
    let group = {
        let mut tx = app.db.begin_read().await?;
        store::group_of_session(&mut tx, session).await?
    };
    on_group(app, actor, group.unwrap_or(GroupId(0)), GroupAction::RecordAttendance, move |tx, _ctx| {
        Box::pin(async move {
            let s = store::get_session(tx, session).await?.ok_or(AppError::NotFound("session"))?;
            let present = store::present_at(tx, session).await?;
            Ok((s, present))
        })
    })
    .await
}
