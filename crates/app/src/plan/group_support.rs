//! Group support considered in every case (issue 19): the plan records whether group support
//! was considered and, when it is not used, why. "Used" is not recorded by hand: the case uses
//! group support when one of its people takes part in a group (not on a waiting list).
//!
//! Decided by `policy::group_support` on the plan's context (staff of the case's team; read
//! under an emergency grant), logged as `case.group_support_recorded` with the record before
//! and after: that row is the record's history. The worklist does not ask for it.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::group_support::{MAX_REASON_TEXT, NotUsedReason, check_considered};
use buurtteam_domain::ids::CaseId;
use buurtteam_domain::policy::group_support::{self as policy, GroupSupportAction};
use buurtteam_domain::policy::{Actor, Decision};
use buurtteam_domain::validation::Errors;
use buurtteam_store::Tx;
use buurtteam_store::audit;
use buurtteam_store::group_support::{self as store, Considered};
use serde::Deserialize;

use crate::{App, AppError, Result, input};

use super::context::{At, Context, Standing, run};
use super::invalid;

/// `PUT /api/v1/cases/{id}/group-support`, and the plan page's section "Groepsaanbod
/// overwogen?".
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupSupportInput {
    /// Whether group support was considered with the family.
    pub considered: Option<bool>,
    /// Why it is not used (required when considered and not used; only when considered).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<NotUsedReason>))]
    pub reason: Option<String>,
    /// Free text beside the reason; required with `other`. At most 500 characters.
    pub reason_text: Option<String>,
}

/// Whether group support was considered in a case, and whether it is used.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupSupportView {
    pub case_id: CaseId,
    /// As last recorded; `None`: not recorded yet.
    pub record: Option<Considered>,
    /// The groups the case's people take part in (not on a waiting list).
    pub groups: Vec<String>,
    /// Whether the reader may record it.
    pub may_record: bool,
}

impl GroupSupportView {
    /// Used: someone of the case takes part in a group.
    pub fn used(&self) -> bool {
        !self.groups.is_empty()
    }

    /// Considered: recorded as considered, or used.
    pub fn considered(&self) -> bool {
        self.used() || self.record.as_ref().is_some_and(|r| r.considered)
    }
}

fn decide(ctx: &Context, action: GroupSupportAction) -> Decision {
    match &ctx.standing {
        Standing::Staff(role, relation) => policy::decide(*role, *relation, action),
        _ => Decision::Hidden,
    }
}

fn require(ctx: &Context, action: GroupSupportAction) -> Result<()> {
    match decide(ctx, action) {
        Decision::Allow => Ok(()),
        Decision::Deny => Err(AppError::Forbidden(format!("you may not {} here", action.code().replace('_', " ")))),
        Decision::Hidden => Err(AppError::NotFound("case")),
    }
}

/// The view of the context's case, for a reader the policy lets read it.
pub(super) async fn view(tx: &mut Tx, ctx: &Context) -> Result<Option<GroupSupportView>> {
    if decide(ctx, GroupSupportAction::ReadConsidered) != Decision::Allow {
        return Ok(None);
    }
    Ok(Some(GroupSupportView {
        case_id: ctx.case.id,
        record: store::considered(tx, ctx.case.id).await?,
        groups: store::groups_used(tx, ctx.case.id).await?,
        may_record: decide(ctx, GroupSupportAction::RecordConsidered) == Decision::Allow
            && ctx.case.voided.is_none()
            && ctx.case.status != buurtteam_domain::case::CaseStatus::Closed,
    }))
}

/// Whether group support was considered in case `case` (staff of its team).
pub async fn group_support(app: &App, actor: &Actor, case: CaseId) -> Result<GroupSupportView> {
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            require(&ctx, GroupSupportAction::ReadConsidered)?;
            let v = view(tx, &ctx).await?.ok_or(AppError::NotFound("case"))?;
            let mut entry = ctx.entry(now, AuditAction::PlanRead, None);
            entry.object_type = "group_support";
            audit::append(tx, &entry).await?;
            Ok(v)
        })
    })
    .await
}

/// Records whether group support was considered in case `case` and, when it is not used, why
/// (replacing the last record). Validates the fields first (422 per field); a closed case's
/// plan no longer changes (409).
pub async fn record_group_support(
    app: &App,
    actor: &Actor,
    case: CaseId,
    input: &GroupSupportInput,
) -> Result<GroupSupportView> {
    let mut errors = Errors::default();
    let considered = input.considered;
    if considered.is_none() {
        errors.add("considered", "is required: true or false").code("required");
    }
    let reason = input::optional_code(
        &mut errors,
        "reason",
        input.reason.as_deref(),
        NotUsedReason::parse,
        NotUsedReason::accepted,
    );
    let text = input::optional_long_text(&mut errors, "reason_text", input.reason_text.as_deref(), MAX_REASON_TEXT)
        .unwrap_or_default();
    // Not considered with a reason is wrong whatever the case; the rest needs the case.
    if considered == Some(false)
        && let Err(e) = check_considered(false, false, reason, &text)
    {
        errors.add(e.field(), e.message()).code(e.code());
    }
    errors.finish()?;
    let considered = considered.unwrap_or(false);
    run(app, actor, At::Case(case), move |tx, ctx, now| {
        Box::pin(async move {
            require(&ctx, GroupSupportAction::RecordConsidered)?;
            ctx.open()?;
            let groups = store::groups_used(tx, ctx.case.id).await?;
            // Whether it is used is known only here, in the transaction.
            if let Err(e) = check_considered(considered, !groups.is_empty(), reason, &text) {
                return Err(invalid(e.field(), e.message(), e.code()));
            }
            let before = store::considered(tx, ctx.case.id).await?;
            let record = Considered {
                considered,
                reason: if considered { reason } else { None },
                reason_text: if considered { text.clone() } else { String::new() },
                recorded_on: ctx.today,
                recorded_by: ctx.actor.user_id,
                recorded_at: now,
            };
            store::record_considered(tx, ctx.case.id, &record).await?;
            // The free text stays out of the log: it may tell of the family, and the log
            // outlives a destroyed file.
            let shape = |c: &Considered| {
                serde_json::json!({
                    "considered": c.considered,
                    "reason": c.reason.map(|r| r.code()),
                    "with_text": !c.reason_text.is_empty(),
                })
            };
            let mut entry = ctx.entry(now, AuditAction::CaseGroupSupportRecorded, None);
            entry.object_type = "group_support";
            entry.detail = serde_json::json!({
                "before": before.as_ref().map(shape),
                "after": shape(&record),
            });
            audit::append(tx, &entry).await?;
            Ok(GroupSupportView { case_id: ctx.case.id, record: Some(record), groups, may_record: true })
        })
    })
    .await
}
