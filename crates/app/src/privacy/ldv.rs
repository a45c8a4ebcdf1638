//! The audit log exported in the form of the Logboek Dataverwerkingen (LDV; decision 0027):
//! for the privacy officer (`GET /api/v1/privacy/ldv-export`) and the operator
//! (`buurtteam export-ldv`). One JSON object per line, one line per audit row written in the
//! period, read in pages by id so that a log of millions of rows streams in constant memory.
//! Each record names its processing activity (the version that held then) and its data
//! subject by pseudonym only; pseudonymised rows (destroyed files) name no subject; no detail
//! text and no user leave the log.

use std::collections::HashMap;

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::ldv::{self, Record};
use buurtteam_domain::policy::{Action, Actor};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit;
use buurtteam_store::processing as store;
use jiff::Timestamp;
use serde::Deserialize;

use crate::{App, Result, audit_entry, input};

/// Rows read per page.
pub const PAGE: i64 = 1000;

/// The period to export, as the API and the CLI take it.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct LdvExportInput {
    /// From this day (`YYYY-MM-DD`, the organisation's time zone), inclusive.
    pub from: Option<String>,
    /// Until this day, inclusive.
    pub to: Option<String>,
}

/// An export under way: the period, and how far it has read.
#[derive(Debug)]
pub struct LdvExport {
    from: Timestamp,
    until: Timestamp,
    after_id: i64,
    versions: HashMap<String, Vec<(Timestamp, i64)>>,
    subject_key: String,
    done: bool,
}

/// Checks the period and who asks, logs the export (`ldv.exported`, with the period), and
/// returns the export to read page by page with [`LdvExport::next_page`]. `actor` is `None`
/// for the operator on the command line, who holds the database anyway.
pub async fn start_ldv_export(app: &App, actor: Option<&Actor>, q: &LdvExportInput) -> Result<LdvExport> {
    if let Some(actor) = actor {
        crate::organisation::organisation_wide(app, actor, Action::ReviewPrivacy, "ldv_export").await?;
    }
    let mut errors = Errors::default();
    let from = input::date(&mut errors, "from", q.from.as_deref());
    let to = input::date(&mut errors, "to", q.to.as_deref());
    if let (Some(f), Some(t)) = (from, to)
        && t < f
    {
        errors.add("to", format!("lies before from ({f})")).code("before_from").arg("date", f);
    }
    errors.finish()?;
    let (Some(from), Some(to)) = (from, to) else { unreachable!("checked above") };
    let tz = app.settings.time_zone.clone();
    let start = |d: jiff::civil::Date| {
        d.to_zoned(tz.clone()).map(|z| z.timestamp()).map_err(|e| crate::AppError::Internal(e.to_string()))
    };
    let until = to.tomorrow().map_err(|e| crate::AppError::Internal(e.to_string()))?;
    let (from_ts, until_ts) = (start(from)?, start(until)?);
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let mut versions: HashMap<String, Vec<(Timestamp, i64)>> = HashMap::new();
    for v in store::versions(&mut tx).await? {
        versions.entry(v.code).or_default().push((v.valid_from, v.version));
    }
    let subject_key = store::subject_key(&mut tx).await?;
    let mut entry = audit_entry(actor, now, AuditAction::LdvExported, "audit_log");
    entry.detail = serde_json::json!({ "from": from.to_string(), "to": to.to_string() });
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(LdvExport { from: from_ts, until: until_ts, after_id: 0, versions, subject_key, done: false })
}

impl LdvExport {
    /// The next page of records, oldest first; `None` when the period has been read.
    pub async fn next_page(&mut self, app: &App) -> Result<Option<Vec<Record>>> {
        if self.done {
            return Ok(None);
        }
        let mut tx = app.db.begin_read().await?;
        let rows = store::log_page(&mut tx, self.after_id, self.from, self.until, PAGE).await?;
        drop(tx);
        if (rows.len() as i64) < PAGE {
            self.done = true;
        }
        let Some(last) = rows.last() else { return Ok(None) };
        self.after_id = last.id;
        let service_version = env!("CARGO_PKG_VERSION");
        let records = rows
            .iter()
            .map(|r| {
                let version = AuditAction::parse(&r.action)
                    .and_then(|a| self.versions.get(a.processing_activity().code()))
                    .and_then(|v| ldv::version_at(v, r.occurred_at));
                let src = ldv::Source {
                    id: r.id,
                    occurred_at: r.occurred_at,
                    action: &r.action,
                    client_id: r.client_id.map(|p| p.0),
                    hash: r.hash.as_deref(),
                    pseudonymised: r.pseudonymised,
                };
                ldv::record(&src, version, &self.subject_key, service_version)
            })
            .collect();
        Ok(Some(records))
    }
}
