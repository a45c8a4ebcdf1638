//! Case-wide parts of the plan: evaluations, working notes, appointments, agreement and
//! the versions of the plan.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::ids::{CaseId, GoalId, PersonId};
use buurtteam_domain::policy::Actor;
use buurtteam_domain::policy::plan::PlanAction;
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit::{self};
use buurtteam_store::plan::{self as store, Agreement, Appointment, Evaluation, Version, WorkingNote};
use jiff::Timestamp;

use crate::{App, AppError, Result, input};

use super::context::{At, Standing, run};
use super::inputs::{AgreementInput, AppointmentInput, EvaluationInput, TextInput};
use super::{MAX_TEXT, MAX_TITLE, changed, invalid, json, score_value};

/// Records an evaluation with its scores per goal; the next date goes on the worklist.
pub async fn record_evaluation(app: &App, actor: &Actor, case: CaseId, input: &EvaluationInput) -> Result<Evaluation> {
    let today = app.today();
    let mut errors = Errors::default();
    let held_on = input::past_date(&mut errors, "held_on", input.held_on.as_deref(), today);
    let went_well = input::long_text(&mut errors, "went_well", input.went_well.as_deref(), MAX_TEXT);
    let changes = input::long_text(&mut errors, "changes", input.changes.as_deref(), MAX_TEXT);
    let next_on = input::optional_planned_date(&mut errors, "next_on", input.next_on.as_deref(), today);
    if let (Some(h), Some(n)) = (held_on, next_on)
        && n <= h
    {
        errors.add("next_on", "lies after the evaluation itself").code("next_after_held");
    }
    let mut scores = Vec::new();
    for (i, s) in input.scores.iter().enumerate() {
        if let Some(v) = score_value(&mut errors, &format!("scores[{i}].score"), Some(s.score)) {
            scores.push((GoalId(s.goal_id), v));
        }
    }
    errors.finish()?;
    let held_on = held_on.unwrap_or(today);
    let (went_well, changes) = (went_well.unwrap_or_default(), changes.unwrap_or_default());
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            ctx.require(PlanAction::RecordEvaluation, None)?;
            ctx.open()?;
            let mut goals = Vec::new();
            let mut errors = Errors::default();
            for (i, (g, _)) in scores.iter().enumerate() {
                match store::goal(tx, *g).await?.filter(|x| x.case_id == ctx.case.id) {
                    Some(goal) => goals.push(goal),
                    None => {
                        errors.add(format!("scores[{i}].goal_id"), "is not a goal of this plan").code("not_a_goal");
                    }
                }
            }
            errors.finish()?;
            let new = store::NewEvaluation { held_on, went_well: &went_well, changes: &changes, next_on };
            let eid = store::insert_evaluation(tx, ctx.case.id, &new, ctx.actor.user_id, now).await?;
            for (goal, (_, score)) in goals.iter().zip(&scores) {
                store::insert_score(tx, goal.id, held_on, *score, ctx.actor.user_id, now).await?;
            }
            let evaluation = Evaluation {
                id: eid,
                held_on,
                went_well: went_well.clone(),
                changes: changes.clone(),
                next_on,
                recorded_by: ctx.actor.user_id,
            };
            let after = serde_json::json!({ "evaluation": json(&evaluation), "scores": scores.iter().map(|(g, s)| serde_json::json!({"goal_id": g.0, "score": s})).collect::<Vec<_>>() });
            changed(tx, &ctx, now, AuditAction::EvaluationRecorded, None, None, Some(after)).await?;
            Ok(evaluation)
        })
    })
    .await
}

/// Adds a working note (werkaantekening): staff only, never shown in the portal.
pub async fn add_working_note(app: &App, actor: &Actor, case: CaseId, input: &TextInput) -> Result<i64> {
    let mut errors = Errors::default();
    let body = input::long_text(&mut errors, "body", input.body.as_deref(), MAX_TEXT);
    errors.finish()?;
    let body = body.unwrap_or_default();
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            ctx.require(PlanAction::WriteWorkingNotes, None)?;
            let id = store::insert_working_note(tx, ctx.case.id, &body, ctx.actor.user_id, now).await?;
            let mut entry = ctx.entry(now, AuditAction::WorkingNoteAdded, None);
            entry.object_type = "working_note";
            entry.object_id = Some(id);
            audit::append(tx, &entry).await?;
            Ok(id)
        })
    })
    .await
}

/// The working notes of a case, newest first (staff of the team only).
pub async fn working_notes(app: &App, actor: &Actor, case: CaseId) -> Result<Vec<WorkingNote>> {
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            ctx.require(PlanAction::ReadWorkingNotes, None)?;
            let notes = store::working_notes(tx, ctx.case.id).await?;
            audit::append(tx, &ctx.entry(now, AuditAction::WorkingNotesRead, None)).await?;
            Ok(notes)
        })
    })
    .await
}

/// Plans an appointment the family sees in the portal.
pub async fn plan_appointment(app: &App, actor: &Actor, case: CaseId, input: &AppointmentInput) -> Result<Appointment> {
    let mut errors = Errors::default();
    let starts_at =
        input::planned_time(&mut errors, "starts_at", input.starts_at.as_deref(), &app.settings.time_zone, app.today());
    let place = input::text(&mut errors, "place", input.place.as_deref(), MAX_TITLE);
    let description = input::text(&mut errors, "description", input.description.as_deref(), MAX_TITLE);
    errors.finish()?;
    let (starts_at, place, description) =
        (starts_at.unwrap_or_else(Timestamp::now), place.unwrap_or_default(), description.unwrap_or_default());
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            ctx.require(PlanAction::PlanAppointment, None)?;
            ctx.open()?;
            let id =
                store::insert_appointment(tx, ctx.case.id, starts_at, &place, &description, ctx.actor.user_id, now)
                    .await?;
            let a = Appointment { id, starts_at, place: place.clone(), description: description.clone() };
            let mut entry = ctx.entry(now, AuditAction::AppointmentPlanned, None);
            entry.object_type = "appointment";
            entry.object_id = Some(id);
            audit::append(tx, &entry).await?;
            Ok(a)
        })
    })
    .await
}

/// Records agreement to the current version of the plan: by a family member for themselves in
/// the portal, or by the worker on behalf of a named household member.
pub async fn agree(app: &App, actor: &Actor, case: CaseId, input: &AgreementInput) -> Result<Agreement> {
    let on_behalf = input.person_id.map(PersonId);
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            ctx.require(PlanAction::AgreeToPlan, None)?;
            ctx.open()?;
            let person = match (&ctx.standing, on_behalf) {
                (Standing::Member { person, .. }, _) => *person,
                (_, Some(p)) if ctx.person(p).is_some() => p,
                (_, Some(_)) => return Err(invalid("person_id", "is not in this household", "not_household_member")),
                (_, None) => return Err(invalid("person_id", "name the household member who agreed", "required")),
            };
            let plan = store::load(tx, ctx.case.id).await?;
            if plan.goals.is_empty() {
                return Err(AppError::Conflict { message: "the plan has no goals yet".into(), current_status: None });
            }
            store::insert_agreement(tx, ctx.case.id, plan.version, person, ctx.actor.user_id, now).await?;
            let mut entry = ctx.entry(now, AuditAction::PlanAgreed, None);
            entry.client_id = Some(person);
            if ctx.is_staff() {
                entry.acting_for = Some(person);
            }
            entry.detail = serde_json::json!({ "version": plan.version });
            audit::append(tx, &entry).await?;
            let recorded_by =
                buurtteam_store::plan::Author { user_id: ctx.actor.user_id, name: String::new(), role: ctx.actor.role };
            Ok(Agreement { version: plan.version, person_id: person, recorded_by, created_at: now })
        })
    })
    .await
}

/// The versions of the plan (who changed what, when), newest first, as far as the reader
/// may see the goals they concern.
pub async fn history(app: &App, actor: &Actor, case: CaseId) -> Result<Vec<Version>> {
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            ctx.require(PlanAction::ReadHistory, None)?;
            let plan = store::load(tx, ctx.case.id).await?;
            let versions = store::versions(tx, ctx.case.id).await?;
            let visible = |v: &Version| match v.goal_id {
                None => true,
                Some(g) => {
                    plan.goals.iter().find(|x| x.id == g).is_some_and(|x| ctx.allows(PlanAction::ReadGoal, Some(x)))
                }
            };
            let readable = |g: i64| {
                plan.goals.iter().find(|x| x.id.0 == g).is_some_and(|x| ctx.allows(PlanAction::ReadGoal, Some(x)))
            };
            let out: Vec<Version> = versions
                .into_iter()
                .filter(visible)
                .map(|mut v| {
                    // An evaluation's scores name several goals: keep those the reader may see.
                    if let Some(scores) =
                        v.state_after.as_mut().and_then(|a| a.get_mut("scores")).and_then(|s| s.as_array_mut())
                    {
                        scores.retain(|s| s["goal_id"].as_i64().is_some_and(readable));
                    }
                    v
                })
                .collect();
            audit::append(tx, &ctx.entry(now, AuditAction::PlanHistoryRead, None)).await?;
            Ok(out)
        })
    })
    .await
}
