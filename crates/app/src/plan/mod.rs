//! The family plan (gezinsplan) as use cases, for staff and for Mijn Buurtteam alike.
//!
//! Every use case runs in one write transaction: it reads what the policy needs (the case,
//! the household, the actor's standing), asks `plan_policy::decide`, acts, records the plan's
//! next version for a change, and appends the access-log row, so a read or change and its log
//! row commit together or not at all. Reads run there too: no plan leaves the server unlogged.
//!
//! One module per capability: `goals`, `actions`, `proposals` (comments and proposals),
//! `case_wide` (evaluations, working notes, appointments, agreement, versions), `views`
//! (reading the plan), `invitations`, `access_log` and `inzage` (a member's own data as one
//! export); their input structs are in `inputs`,
//! the transaction they run in is `context`. Everything public is re-exported here.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::validation::Errors;
use buurtteam_store::Tx;
use buurtteam_store::audit;
use buurtteam_store::plan::{self as store, Goal};
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Deserializer, Serialize};

pub use crate::activation::{ActivateInput, activate};
use crate::{AppError, Result};
use context::Context;

pub const MAX_TITLE: usize = 200;
pub const MAX_TEXT: usize = 4000;
/// How long a one-time invitation code stays valid.
pub const CODE_VALID_FOR: SignedDuration = SignedDuration::from_hours(14 * 24);

/// Deserialises a field that may be absent (no change) or `null` (set to nothing).
fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> std::result::Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

mod access_log;
mod actions;
mod case_wide;
mod context;
mod goals;
mod group_support;
mod inputs;
mod invitations;
mod inzage;
mod proposals;
mod since;
mod views;

pub use access_log::*;
pub use actions::*;
pub use case_wide::*;
pub use goals::*;
pub use group_support::*;
pub use inputs::*;
pub use invitations::*;
pub use inzage::*;
pub use proposals::*;
pub use since::{SinceAgreement, content_version, is_content};
pub use views::*;

/// A validation error on one field.
pub(crate) fn invalid(field: &str, message: &str, code: &'static str) -> AppError {
    let mut errors = Errors::default();
    errors.add(field, message).code(code);
    match errors.finish() {
        Err(e) => e.into(),
        Ok(()) => AppError::Internal("a field error was lost".into()),
    }
}

fn json<T: Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

/// Records the change as the plan's next version and logs it; returns the version.
async fn changed(
    tx: &mut Tx,
    ctx: &Context,
    now: Timestamp,
    change: AuditAction,
    goal: Option<&Goal>,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<i64> {
    if !change.is_plan_change() {
        return Err(AppError::Internal(format!("{change} is not a change of the plan")));
    }
    let version = store::record_version(
        tx,
        &store::Change {
            case: ctx.case.id,
            by: ctx.actor.user_id,
            change,
            goal: goal.map(|g| g.id),
            before: before.as_ref(),
            after: after.as_ref(),
        },
        now,
    )
    .await?;
    let mut entry = ctx.entry(now, change, goal);
    entry.detail = serde_json::json!({ "version": version });
    audit::append(tx, &entry).await?;
    Ok(version)
}

fn score_value(errors: &mut Errors, field: &str, score: Option<i64>) -> Option<i32> {
    match score {
        Some(s @ 1..=5) => Some(s as i32),
        Some(_) => {
            errors
                .add(field, "is a whole number from 1 (acute problems) to 5 (fully self-sufficient)")
                .code("score_range");
            None
        }
        None => {
            errors.add(field, "is required (1 to 5)").code("required");
            None
        }
    }
}
