//! Refused attempts in the audit log (NEN 7513 wants attempts logged, not only accesses).
//!
//! Every access-control failure appends one row, `<kind>.access_refused`
//! ([`buurtteam_store::audit::Refused`]), durable before the refusal is answered. A probe of
//! an id that does not exist is logged the same way (with `"exists": false`): the two answers
//! are the same 404, and the two paths do the same work, so neither the answer nor its timing
//! tells them apart. A refusal on a case that exists names the case, so its team managers see
//! the attempt in the case's access log; a missing one names no case, so that a case made
//! later under the same id does not inherit the probe.

use buurtteam_domain::ids::{CaseId, HouseholdId};
use buurtteam_domain::policy::Actor;
use buurtteam_store::audit::{self, Refused};

use crate::{App, AppError, audit_entry};

/// What was attempted, for the audit row of its refusal.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub kind: Refused,
    pub object_type: &'static str,
    pub object_id: Option<i64>,
    /// The case it concerns, when that case exists.
    pub case_id: Option<CaseId>,
    /// The household it concerns, when that household exists.
    pub household_id: Option<HouseholdId>,
    pub detail: serde_json::Value,
}

impl Attempt {
    pub fn new(kind: Refused, object_type: &'static str) -> Self {
        Self { kind, object_type, object_id: None, case_id: None, household_id: None, detail: serde_json::json!({}) }
    }

    /// The id asked for.
    pub fn on(mut self, id: i64) -> Self {
        self.object_id = Some(id);
        self
    }

    /// Adds `key: value` to the row's detail.
    pub fn with(mut self, key: &str, value: impl Into<serde_json::Value>) -> Self {
        if let Some(map) = self.detail.as_object_mut() {
            map.insert(key.to_owned(), value.into());
        }
        self
    }

    /// The kind of thing asked for, as a `NotFound` names it.
    pub(crate) fn what(&self) -> &'static str {
        self.object_type
    }
}

/// Appends the row for a refused `attempt` by `actor` and returns `refusal`, the error to
/// answer with; if the row cannot be written, that failure is returned instead (nothing is
/// answered that is not logged).
pub async fn refuse(app: &App, actor: Option<&Actor>, attempt: Attempt, refusal: AppError) -> AppError {
    let mut entry = audit_entry(actor, app.now(), attempt.kind.action(), attempt.object_type);
    entry.object_id = attempt.object_id;
    entry.case_id = attempt.case_id;
    entry.household_id = attempt.household_id;
    entry.detail = attempt.detail;
    if let Some(map) = entry.detail.as_object_mut() {
        map.insert("refusal".into(), refusal_code(&refusal).into());
    }
    match audit::log(&app.db, entry).await {
        Ok(()) => refusal,
        Err(e) => e.into(),
    }
}

/// How the refusal was answered: `not_found` (also for "exists, but not yours"), `forbidden`.
fn refusal_code(e: &AppError) -> &'static str {
    match e {
        AppError::NotFound(_) => "not_found",
        AppError::Forbidden(_) | AppError::SecondFactorEnrolmentRequired => "forbidden",
        _ => "other",
    }
}

/// A request the web layer refused before any use case ran: a form without the session's
/// CSRF token, or a state change from another site. Logged as `form.access_refused` with the
/// method and path (paths hold ids, never client data: searches are POSTed).
pub async fn form_refused(
    app: &App,
    actor: &Actor,
    reason: &'static str,
    method: &str,
    path: &str,
) -> crate::Result<()> {
    let attempt = Attempt::new(Refused::Form, "form").with("reason", reason).with("method", method).with("path", path);
    match refuse(app, Some(actor), attempt, AppError::Forbidden(reason.into())).await {
        AppError::Forbidden(_) => Ok(()),
        failure => Err(failure),
    }
}
