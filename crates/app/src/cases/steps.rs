//! The steps of a case's lifecycle: the intake, the start of support, the closure.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::case::{self, Step};
use buurtteam_domain::codes::{ClosureDetail, ClosureReason};
use buurtteam_domain::ids::{CaseId, UserId};
use buurtteam_domain::policy::{Action, Actor};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit;
use buurtteam_store::cases::{self as store, Closure};

use super::{CaseView, CloseInput, IntakeInput, MAX_REQUEST_LENGTH, StartInput, concurrent};
use crate::context::on_case;
use crate::{App, Result, input};

/// Records the intake (kennismakingsgesprek). The worker who held it carries the case on.
pub async fn hold_intake(app: &App, actor: &Actor, id: CaseId, input: &IntakeInput) -> Result<CaseView> {
    let today = app.today();
    let mut errors = Errors::default();
    let held_on = input::past_date(&mut errors, "held_on", input.held_on.as_deref(), today);
    let worker = UserId(input.worker_id.unwrap_or(actor.user_id.0));
    on_case(app, actor, id, Action::HoldIntake, move |tx, ctx, now| {
        Box::pin(async move {
            ctx.check_worker(tx, worker, &mut errors).await?;
            errors.finish()?;
            let held_on = held_on.unwrap_or(ctx.today);
            ctx.step(Step::HoldIntake, held_on)?;
            let start_due = case::start_due_on(held_on);
            store::set_intake(tx, id, ctx.case.status, held_on, worker, start_due, now).await.map_err(concurrent)?;
            let on = if ctx.case.worker_id.is_none() { held_on } else { ctx.today };
            buurtteam_store::handover::begin_worker(tx, id, Some(worker), on, Some(ctx.actor.user_id), now).await?;
            let mut entry = ctx.entry(AuditAction::CaseIntakeHeld);
            entry.detail = serde_json::json!({ "held_on": held_on.to_string(), "worker_id": worker });
            audit::append(tx, &entry).await?;
            ctx.view(tx).await
        })
    })
    .await
}

/// Records the start of support.
pub async fn start_support(app: &App, actor: &Actor, id: CaseId, input: &StartInput) -> Result<CaseView> {
    let today = app.today();
    let mut errors = Errors::default();
    let started_on = input::past_date(&mut errors, "started_on", input.started_on.as_deref(), today);
    errors.finish()?;
    let started_on = started_on.unwrap_or(today);
    on_case(app, actor, id, Action::StartSupport, move |tx, ctx, now| {
        Box::pin(async move {
            ctx.step(Step::StartSupport, started_on)?;
            store::set_started(tx, id, ctx.case.status, started_on, now).await.map_err(concurrent)?;
            let mut entry = ctx.entry(AuditAction::CaseSupportStarted);
            entry.detail = serde_json::json!({ "started_on": started_on.to_string() });
            audit::append(tx, &entry).await?;
            ctx.view(tx).await
        })
    })
    .await
}

/// Closes a case with a reason, from any open state.
pub async fn close(app: &App, actor: &Actor, id: CaseId, input: &CloseInput) -> Result<CaseView> {
    let today = app.today();
    let mut errors = Errors::default();
    let closed_on = input::past_date(&mut errors, "closed_on", input.closed_on.as_deref(), today);
    let reason =
        input::code(&mut errors, "reason", input.reason.as_deref(), ClosureReason::parse, ClosureReason::accepted);
    let detail = input::optional_code(
        &mut errors,
        "reason_detail",
        input.reason_detail.as_deref(),
        ClosureDetail::parse,
        ClosureDetail::accepted,
    );
    if let (Some(r), Some(d)) = (reason, detail)
        && d.reason() != r
    {
        let fitting: Vec<_> = ClosureDetail::for_reason(r).iter().map(|d| d.code()).collect();
        errors
            .add("reason_detail", format!("{d} does not belong to {r}; for {r} use one of: {}", fitting.join(", ")))
            .code("detail_not_for_reason");
    }
    let summary = input::optional_long_text(&mut errors, "summary", input.summary.as_deref(), MAX_REQUEST_LENGTH);
    errors.finish()?;
    let (closed_on, reason) = (closed_on.unwrap_or(today), reason.unwrap_or(ClosureReason::Other));
    on_case(app, actor, id, Action::CloseCase, move |tx, ctx, now| {
        Box::pin(async move {
            ctx.step(Step::Close, closed_on)?;
            // Closed as helped further by other care: the onward referral is recorded first
            // (decision 0040), so the closure and the KPI's share can be traced to it.
            if detail == Some(ClosureDetail::ReferredOnward)
                && buurtteam_store::onward_referrals::of_case(tx, id).await?.is_empty()
            {
                let mut errors = Errors::default();
                errors
                    .add(
                        "reason_detail",
                        "record the onward referral on the case first, then close it as referred_onward",
                    )
                    .code("onward_referral_missing");
                errors.finish()?;
            }
            let closure = Closure { closed_on, reason, detail, summary: summary.as_deref() };
            store::set_closed(tx, id, ctx.case.status, &closure, now).await.map_err(concurrent)?;
            let mut entry = ctx.entry(AuditAction::CaseClosed);
            entry.detail = serde_json::json!({
                "closed_on": closed_on.to_string(), "reason": reason.code(), "reason_detail": detail.map(|d| d.code()),
                "from_status": ctx.case.status.code(),
            });
            audit::append(tx, &entry).await?;
            ctx.view(tx).await
        })
    })
    .await
}
