//! Requests for destruction (decision 0024): a parent with parental authority, or a young
//! person from 12, asks in writing; staff of the case's team (or the privacy officer) register
//! the request with its deadline, three months on; the privacy officer decides: granted (the
//! file, or the part asked for, is destroyed in the same transaction), partly granted, or
//! refused on a recorded ground. A granting decision needs the day the family was offered a
//! copy.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::ids::{CaseId, PersonId};
use buurtteam_domain::person::age_on;
use buurtteam_domain::policy::{self, Action, Actor, Decision as PolicyDecision, Relation};
use buurtteam_domain::retention::{
    self as rules, DestructionOutcome, DestructionReason, DestructionScope, RefusalGround,
};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit;
use buurtteam_store::destruction::requests::{self as store, Decision, NewRequest, Request};
use buurtteam_store::destruction::{self as files};
use serde::Deserialize;

use super::destruction::{concurrent, destroy_file, retention_of};
use crate::context::on_case;
use crate::organisation::organisation_wide;
use crate::{App, AppError, Result, audit_entry, input};

/// The most characters of a decision's note.
pub const MAX_NOTE: usize = 2000;

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestInput {
    /// The file (case) to destroy. Required.
    pub case_id: Option<i64>,
    /// The household member who asked in writing: a parent with parental authority, or a
    /// child or client aged 12 or over on `received_on`. Required.
    pub requested_by_person_id: Option<i64>,
    /// The day the written request came in, `YYYY-MM-DD`, not after today. Required.
    pub received_on: Option<String>,
    /// `full` (the whole file) or `partial` (working notes, contact summaries, appointments
    /// and comments). Required.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<DestructionScope>))]
    pub scope: Option<String>,
}

/// Registers a written request to destroy a file, due three months after it came in.
pub async fn register_request(app: &App, actor: &Actor, input: &RequestInput) -> Result<Request> {
    let mut errors = Errors::default();
    let case = input::id(&mut errors, "case_id", input.case_id);
    let person = input::id(&mut errors, "requested_by_person_id", input.requested_by_person_id);
    let received_on = input::past_date(&mut errors, "received_on", input.received_on.as_deref(), app.today());
    let scope =
        input::code(&mut errors, "scope", input.scope.as_deref(), DestructionScope::parse, DestructionScope::accepted);
    errors.finish()?;
    let (case, person) = (CaseId(case.unwrap_or_default()), PersonId(person.unwrap_or_default()));
    let (received_on, scope) = (received_on.unwrap_or_default(), scope.unwrap_or(DestructionScope::Full));
    on_case(app, actor, case, Action::RegisterDestructionRequest, move |tx, ctx, now| {
        Box::pin(async move {
            let mut errors = Errors::default();
            let Some(p) = ctx.person(person) else {
                errors
                    .add("requested_by_person_id", "is not a member of this case's household")
                    .code("not_in_household");
                return Err(AppError::Validation(errors.0));
            };
            let client = ctx.case.clients.iter().any(|c| c.person_id == person);
            let relation = match rules::requester(p.role, p.parental_authority, client, p.birth_date, received_on) {
                Ok(r) => r,
                Err(refusal) => {
                    let message = match refusal {
                        rules::NotEntitled::TooYoung => {
                            "is under 12 on the day the request came in: a parent with parental authority asks"
                        }
                        rules::NotEntitled::NotEntitled => {
                            "may not ask: a parent with parental authority, or a child or client from 12, may"
                        }
                    };
                    errors.add("requested_by_person_id", message).code(refusal.code());
                    return Err(AppError::Validation(errors.0));
                }
            };
            let new = NewRequest {
                case_id: case,
                team_id: ctx.case.team_id,
                requested_by: person,
                relation,
                age: age_on(p.birth_date, received_on),
                received_on,
                decide_by: rules::decide_by(received_on),
                scope,
                registered_by: ctx.actor.user_id,
            };
            let id = store::insert(tx, &new, now).await?;
            let mut entry = ctx.entry(AuditAction::DestructionRequested);
            entry.object_type = "destruction_request";
            entry.object_id = Some(id);
            entry.detail = serde_json::json!({
                "scope": scope.code(),
                "relation": relation.code(),
                "received_on": received_on.to_string(),
                "decide_by": new.decide_by.to_string(),
            });
            audit::append(tx, &entry).await?;
            store::get(tx, id).await?.ok_or(AppError::NotFound("destruction request"))
        })
    })
    .await
}

/// The requests the actor may see: every request for the privacy officer, those of their
/// teams for family workers and team managers; anyone else is refused (and logged).
pub async fn list_requests(app: &App, actor: &Actor) -> Result<Vec<Request>> {
    let all = policy::decide(actor.role, Relation::NoRecord, Action::ReviewPrivacy) == PolicyDecision::Allow;
    if !all && policy::case_scope(actor).is_none() {
        organisation_wide(app, actor, Action::ReviewPrivacy, "destruction_request").await?;
    }
    let mut tx = app.db.begin_read().await?;
    let teams = if all { None } else { Some(actor.team_ids.as_slice()) };
    Ok(store::list(&mut tx, teams, 500).await?)
}

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DecisionInput {
    /// `granted`, `partially_granted` or `refused`. Required.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<DestructionOutcome>))]
    pub outcome: Option<String>,
    /// Why it is refused: `others_interest` (a substantial interest of someone else) or
    /// `legal_duty` (a legal duty to keep). Required for a refusal.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<RefusalGround>))]
    pub refusal_ground: Option<String>,
    /// The decision in words (what was weighed; for a partial grant, what goes).
    pub note: Option<String>,
    /// The day the family was offered a copy of the file, `YYYY-MM-DD`. Required to grant.
    pub copy_offered_on: Option<String>,
}

/// Decides a request (the privacy officer). Granting destroys in the same transaction: the
/// whole file (it must be closed and without an active legal hold) or its part.
pub async fn decide_request(app: &App, actor: &Actor, id: i64, input: &DecisionInput) -> Result<Request> {
    organisation_wide(app, actor, Action::ReviewPrivacy, "destruction_request").await?;
    let today = app.today();
    let mut errors = Errors::default();
    let outcome = input::code(
        &mut errors,
        "outcome",
        input.outcome.as_deref(),
        DestructionOutcome::parse,
        DestructionOutcome::accepted,
    );
    let ground = input::optional_code(
        &mut errors,
        "refusal_ground",
        input.refusal_ground.as_deref(),
        RefusalGround::parse,
        RefusalGround::accepted,
    );
    let note = input::optional_long_text(&mut errors, "note", input.note.as_deref(), MAX_NOTE);
    let copy = input::optional_past_date(&mut errors, "copy_offered_on", input.copy_offered_on.as_deref(), today);
    match outcome {
        Some(DestructionOutcome::Refused) if ground.is_none() && input.refusal_ground.is_none() => {
            errors
                .add("refusal_ground", format!("is required to refuse; one of: {}", RefusalGround::accepted()))
                .code("required");
        }
        Some(DestructionOutcome::Granted | DestructionOutcome::PartiallyGranted)
            if copy.is_none() && input.copy_offered_on.is_none() =>
        {
            errors
                .add("copy_offered_on", "is required: offer the family a copy of the file before it is destroyed")
                .code("required");
        }
        _ => {}
    }
    errors.finish()?;
    let outcome = outcome.unwrap_or(DestructionOutcome::Refused);
    let ground = ground.filter(|_| outcome == DestructionOutcome::Refused);
    let (owned_app, owned) = (app.clone(), actor.clone());
    let now = app.now();
    app.db
        .write(move |tx| {
            Box::pin(async move {
                let app = &owned_app;
                let request = store::get(tx, id).await?.ok_or(AppError::NotFound("destruction request"))?;
                if request.decision.is_some() {
                    return Err(AppError::Conflict {
                        message: "the request was decided already".into(),
                        current_status: None,
                    });
                }
                let destroys = rules::destroys(outcome, request.scope);
                let facts = match (destroys, request.case_id) {
                    (None, _) => None,
                    (Some(_), None) => {
                        return Err(AppError::Conflict {
                            message: "the file was destroyed already".into(),
                            current_status: None,
                        });
                    }
                    (Some(_), Some(case)) => Some(files::facts(tx, case).await?.ok_or(AppError::NotFound("case"))?),
                };
                if let (Some(DestructionScope::Full), Some(f)) = (destroys, &facts) {
                    if f.ended_on.is_none() {
                        return Err(AppError::Conflict {
                            message: "the case is still open: close it before its file is destroyed".into(),
                            current_status: None,
                        });
                    }
                    if retention_of(tx, app, f, app.today()).await? == rules::Retention::Held {
                        return Err(AppError::Conflict {
                            message: "a legal hold keeps this file: lift it first, or refuse on the ground legal_duty"
                                .into(),
                            current_status: None,
                        });
                    }
                }
                let decision = Decision {
                    outcome,
                    refusal_ground: ground,
                    note,
                    copy_offered_on: copy,
                    decided_by: owned.user_id,
                    decided_at: now,
                };
                store::decide(tx, id, &decision).await.map_err(concurrent)?;
                let mut deleted = serde_json::Value::Null;
                match (destroys, &facts) {
                    (Some(DestructionScope::Full), Some(f)) => {
                        let t =
                            destroy_file(tx, app, f, DestructionReason::Request, Some(&owned), Some(id), now).await?;
                        deleted = serde_json::json!(t.counts);
                    }
                    (Some(DestructionScope::Partial), Some(f)) => {
                        let counts = files::destroy_part(tx, f.case_id, now).await?;
                        let mut entry = audit_entry(Some(&owned), now, AuditAction::CasePartiallyDestroyed, "case");
                        entry.object_id = Some(f.case_id.0);
                        entry.case_id = Some(f.case_id);
                        entry.household_id = Some(f.household_id);
                        entry.detail = serde_json::json!({ "request_id": id, "deleted": counts });
                        audit::append(tx, &entry).await?;
                        deleted = serde_json::json!(counts);
                    }
                    _ => {}
                }
                let mut entry = audit_entry(Some(&owned), now, AuditAction::DestructionDecided, "destruction_request");
                entry.object_id = Some(id);
                entry.case_id = request.case_id;
                entry.household_id = facts.as_ref().map(|f| f.household_id);
                entry.detail = serde_json::json!({
                    "outcome": outcome.code(),
                    "refusal_ground": ground.map(|g| g.code()),
                    "copy_offered_on": copy.map(|d| d.to_string()),
                    "deleted": deleted,
                });
                audit::append(tx, &entry).await?;
                store::get(tx, id).await?.ok_or(AppError::NotFound("destruction request"))
            })
        })
        .await
}
