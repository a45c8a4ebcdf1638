//! The log nobody can quietly change (issue 18, part A): verifying the audit log's hash chain
//! (decision 0021) every day and on request, keeping each outcome, the daily head line of the
//! server log, the heads for export, and the alert on the admin and privacy pages when the
//! last verification found a break or none ran for too long.

use buurtteam_domain::codes::Role;
use buurtteam_domain::ids::UserId;
use buurtteam_domain::policy::Actor;
use buurtteam_store::audit::chain::{self, Broken, Head, Verification};
use buurtteam_store::audit::heads::{self, Export};
use buurtteam_store::audit::verifications::{self, Recorded};
use jiff::SignedDuration;

use crate::{App, AppError, Result};

/// The job kind of the daily verification.
pub const JOB: &str = "audit.verify";

/// How often the job runs.
pub const EVERY: SignedDuration = SignedDuration::from_hours(24);

/// Without a verification for this long the pages raise the alert (two daily runs missed).
pub const STALE_AFTER: SignedDuration = SignedDuration::from_hours(48);

/// How many verifications the page and the API list at most.
pub const MAX_LISTED: i64 = 365;

/// A verification that was run and recorded.
#[derive(Debug, Clone)]
pub struct Checked {
    pub id: i64,
    pub verification: Verification,
}

/// Verifies every chain (against `exported` heads too, when given) and records the outcome for
/// `ran_by` (`None`: the job or the command line).
pub async fn check(app: &App, ran_by: Option<UserId>, exported: Option<&[Head]>) -> Result<Checked> {
    let verification = match exported {
        Some(exported) => heads::verify_against(&app.db, exported).await?,
        None => chain::verify(&app.db).await?,
    };
    let now = app.now();
    let v = verification.clone();
    let id = app
        .db
        .write(move |tx| Box::pin(async move { Ok::<_, AppError>(verifications::record(tx, &v, now, ran_by).await?) }))
        .await?;
    Ok(Checked { id, verification })
}

/// The daily head line: where every chain ended, as a digest (the same as in an exported heads
/// file read at that moment) and in short, so that a copy of the server log kept elsewhere
/// shows a tail deleted later.
fn head_line(v: &Verification) {
    let short: Vec<String> =
        v.heads.iter().map(|h| format!("{}:{}:{}", h.chain, h.seq, h.hash.get(..16).unwrap_or(&h.hash))).collect();
    let first_broken = v.first_broken().and_then(|b| b.id);
    tracing::info!(
        heads = v.heads.len(),
        digest = %heads::digest(&v.heads),
        rows = v.rows,
        broken = v.broken.len(),
        first_broken = ?first_broken,
        short = %short.join(" "),
        "audit log head line"
    );
}

/// The scheduled job: verify, record, write the head line, and say what was found (kept with
/// the job).
pub async fn daily(app: &App) -> Result<String> {
    let checked = check(app, None, None).await?;
    let v = &checked.verification;
    head_line(v);
    Ok(match v.first_broken() {
        None => format!("{} rows verified in {} chains", v.rows, v.chains),
        Some(b) => format!("the audit log is broken: first at row {:?} ({:?})", b.id, b.problem),
    })
}

/// "Nu controleren" on /privacy/log: a privacy officer runs the verification now.
pub async fn verify_now(app: &App, actor: &Actor) -> Result<Checked> {
    super::open_privacy(app, actor).await?;
    check(app, Some(actor.user_id), None).await
}

/// The latest verifications, newest first (privacy officer).
pub async fn verifications(app: &App, actor: &Actor, limit: i64) -> Result<Vec<Recorded>> {
    super::open_privacy(app, actor).await?;
    let mut tx = app.db.begin_read().await?;
    Ok(verifications::latest(&mut tx, limit.clamp(1, MAX_LISTED)).await?)
}

/// The heads as they are now, to keep elsewhere (privacy officer).
pub async fn current_heads(app: &App, actor: &Actor) -> Result<Export> {
    super::open_privacy(app, actor).await?;
    Ok(heads::current(&app.db, app.now()).await?)
}

/// Why the pages raise the alert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Alert {
    /// The last verification found a break; this is the first broken row.
    Broken { verified_at: jiff::Timestamp, first: Broken },
    /// No verification ran for [`STALE_AFTER`]; `last` is when one last did (if ever).
    Stale { last: Option<jiff::Timestamp> },
}

/// The alert for the admin and privacy start pages, if any. Only admins and privacy officers
/// see it; for anyone else there is none (these pages refuse them before they ask).
pub async fn alert(app: &App, actor: &Actor) -> Result<Option<Alert>> {
    if !matches!(actor.role, Role::Admin | Role::PrivacyOfficer) {
        return Ok(None);
    }
    let mut tx = app.db.begin_read().await?;
    let last = verifications::latest(&mut tx, 1).await?.into_iter().next();
    let oldest = verifications::oldest_row_at(&mut tx).await?;
    drop(tx);
    Ok(alert_for(app.now(), last.as_ref(), oldest))
}

/// The rule of [`alert`]: a break in the last verification; else no verification for
/// [`STALE_AFTER`] while the log has existed that long (a new installation is not alerted
/// before its first day is over).
pub fn alert_for(now: jiff::Timestamp, last: Option<&Recorded>, oldest_row: Option<jiff::Timestamp>) -> Option<Alert> {
    let stale = |at: jiff::Timestamp| now.duration_since(at) > STALE_AFTER;
    match last {
        Some(r) => match &r.first_broken {
            Some(first) => Some(Alert::Broken { verified_at: r.verified_at, first: first.clone() }),
            None if stale(r.verified_at) => Some(Alert::Stale { last: Some(r.verified_at) }),
            None => None,
        },
        None => oldest_row.filter(|at| stale(*at)).map(|_| Alert::Stale { last: None }),
    }
}

#[cfg(test)]
mod tests {
    use buurtteam_store::audit::chain::Problem;
    use jiff::Timestamp;

    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().expect("timestamp")
    }

    fn recorded(verified_at: &str, first_broken: Option<Broken>) -> Recorded {
        Recorded {
            id: 1,
            verified_at: at(verified_at),
            ran_by: None,
            ran_by_name: None,
            rows: 10,
            chains: 1,
            pseudonymised: 0,
            broken_count: i64::from(first_broken.is_some()),
            first_broken,
            heads_digest: String::new(),
        }
    }

    #[test]
    fn a_break_alerts_until_a_whole_verification_follows_and_48_hours_without_one_alert_too() {
        let now = at("2026-12-02T12:00:00Z");
        let broken = Broken { id: Some(17), chain: Some(0), seq: Some(17), problem: Problem::Altered };
        let r = recorded("2026-12-02T03:00:00Z", Some(broken.clone()));
        assert_eq!(alert_for(now, Some(&r), None), Some(Alert::Broken { verified_at: r.verified_at, first: broken }));
        assert_eq!(alert_for(now, Some(&recorded("2026-12-02T03:00:00Z", None)), None), None);
        // 48 hours exactly is still on time; a minute more is not.
        assert_eq!(alert_for(now, Some(&recorded("2026-11-30T12:00:00Z", None)), None), None);
        let late = recorded("2026-11-30T11:59:00Z", None);
        assert_eq!(alert_for(now, Some(&late), None), Some(Alert::Stale { last: Some(late.verified_at) }));
        // Never verified: only once the log is older than 48 hours.
        assert_eq!(alert_for(now, None, None), None);
        assert_eq!(alert_for(now, None, Some(at("2026-12-01T12:00:00Z"))), None);
        assert_eq!(alert_for(now, None, Some(at("2026-11-29T12:00:00Z"))), Some(Alert::Stale { last: None }));
    }
}
