//! Retried requests (`Idempotency-Key`): the web layer answers a retry from what the key
//! kept; each such answer is logged here, so the access log shows that it was given.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::policy::Actor;
use buurtteam_store::audit;

use crate::{App, Result, audit_entry};

/// Logs the answer to a retry of `path` that was first answered with `status`, about the
/// resource at `location`. Durable before the answer is given.
pub async fn replayed(app: &App, actor: &Actor, path: &str, status: u16, location: Option<&str>) -> Result<()> {
    let mut entry = audit_entry(Some(actor), app.now(), AuditAction::RequestReplayed, "request");
    entry.detail = serde_json::json!({ "path": path, "status": status, "location": location });
    audit::log(&app.db, entry).await?;
    Ok(())
}
