//! The half-yearly delivery to CBS (Beleidsinformatie Jeugd, decision 0042): the trajectories
//! of a half year that has ended, for the operator on the command line (`buurtteam report
//! cbs-jeugd`). No web role reads it: it is person-level (BSN, date of birth), and whoever
//! runs the command holds the database anyway. The delivery is logged (`cbs.exported`, with
//! the half year and the count) in the same transaction as the read, before anything is
//! written out.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::cbs::{self, HalfYear, HalfYearFault, Trajectory};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit;

use crate::{App, Result, audit_entry};

/// A delivery: the half year and its trajectories.
#[derive(Debug)]
pub struct CbsDelivery {
    pub half: HalfYear,
    pub trajectories: Vec<Trajectory>,
}

/// Reads the trajectories of `half` (`2026-1`: January-June, `2026-2`: July-December) for the
/// provider `provider` (the organisation's code at CBS); 422 naming `half` or `provider`.
pub async fn delivery(app: &App, half: &str, provider: &str) -> Result<CbsDelivery> {
    let today = app.today();
    let mut errors = Errors::default();
    let half = match HalfYear::parse(half, today) {
        Ok(h) => Some(h),
        Err(HalfYearFault::Malformed) => {
            errors.add(
                "half",
                format!("{half:?} is not a half year: write 2026-1 (January-June) or 2026-2 (July-December)"),
            );
            None
        }
        Err(HalfYearFault::NotEnded { last_day }) => {
            errors.add("half", format!("the half year has not ended (its last day is {last_day}); deliver it after"));
            None
        }
    };
    if provider.trim().is_empty() {
        errors.add("provider", "the organisation's provider code at CBS is required");
    }
    errors.finish()?;
    let Some(half) = half else { unreachable!("checked above") };
    let mut tx = app.db.begin().await?;
    let rows = buurtteam_store::cbs::trajectory_rows(&mut tx, half.first_day(), half.last_day()).await?;
    let trajectories = cbs::trajectories(half, &rows);
    let mut entry = audit_entry(None, app.now(), AuditAction::CbsExported, "cbs_delivery");
    entry.detail = serde_json::json!({
        "half": format!("{}-{}", half.year, half.half),
        "trajectories": trajectories.len(),
        "provider": provider.trim(),
    });
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(CbsDelivery { half, trajectories })
}
