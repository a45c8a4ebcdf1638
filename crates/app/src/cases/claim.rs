//! Who carries a case: a worker picks up a new referral nobody carries yet ("oppakken"), so
//! that two workers do not phone the same family; a team manager assigns a case to a worker
//! of its team, or to another one.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::case::CaseStatus;
use buurtteam_domain::ids::{CaseId, UserId};
use buurtteam_domain::policy::{Action, Actor};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit;
use buurtteam_store::cases as store;
use buurtteam_store::handover;
use serde::Deserialize;

use super::CaseView;
use crate::context::on_case;
use crate::{App, AppError, Result, input};

#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssignInput {
    /// The family worker or team manager of the case's team who is to carry the case.
    pub worker_id: Option<i64>,
}

/// Picks up the new referral `id`: the actor becomes its worker. Picking up one's own again
/// changes nothing; a referral someone else holds, or a case past the referral, is a conflict.
pub async fn claim(app: &App, actor: &Actor, id: CaseId) -> Result<CaseView> {
    on_case(app, actor, id, Action::ClaimCase, move |tx, ctx, now| {
        Box::pin(async move {
            let me = ctx.actor.user_id;
            match (ctx.case.status, ctx.case.worker_id) {
                (_, Some(w)) if w == me => return ctx.view(tx).await,
                (CaseStatus::Referred, None) => {}
                (CaseStatus::Referred, Some(_)) => {
                    return Err(held("someone else has picked up this referral already"));
                }
                (status, _) => {
                    return Err(AppError::Conflict {
                        message: "only a new referral can be picked up; ask the team manager to assign the case".into(),
                        current_status: Some(status),
                    });
                }
            }
            store::set_worker(tx, id, me, true, now)
                .await
                .map_err(|_| held("someone else picked up this referral a moment ago"))?;
            handover::begin_worker(tx, id, Some(me), ctx.today, Some(me), now).await?;
            audit::append(tx, &ctx.entry(AuditAction::CaseClaimed)).await?;
            ctx.view(tx).await
        })
    })
    .await
}

/// Gives the open case `id` to the worker `input.worker_id` of its team (team managers only).
pub async fn assign(app: &App, actor: &Actor, id: CaseId, input: &AssignInput) -> Result<CaseView> {
    let mut errors = Errors::default();
    let worker = input::id(&mut errors, "worker_id", input.worker_id).map(UserId);
    errors.finish()?;
    let Some(worker) = worker else { return Err(AppError::Internal("validated assignment lacks a worker".into())) };
    on_case(app, actor, id, Action::AssignCase, move |tx, ctx, now| {
        Box::pin(async move {
            let mut errors = Errors::default();
            ctx.check_worker(tx, worker, &mut errors).await?;
            errors.finish()?;
            if ctx.case.status == CaseStatus::Closed {
                return Err(AppError::Conflict {
                    message: "a closed case is not assigned to anyone any more".into(),
                    current_status: Some(CaseStatus::Closed),
                });
            }
            let previous = ctx.case.worker_id;
            if previous != Some(worker) {
                store::set_worker(tx, id, worker, false, now).await.map_err(super::concurrent)?;
                handover::begin_worker(tx, id, Some(worker), ctx.today, Some(ctx.actor.user_id), now).await?;
                let mut entry = ctx.entry(AuditAction::CaseAssigned);
                entry.detail = serde_json::json!({ "worker_id": worker, "previous_worker_id": previous });
                audit::append(tx, &entry).await?;
            }
            ctx.view(tx).await
        })
    })
    .await
}

fn held(message: &str) -> AppError {
    AppError::Conflict { message: message.into(), current_status: Some(CaseStatus::Referred) }
}
