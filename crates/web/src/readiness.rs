//! `/readyz`: whether this process can serve requests, including writes. A real write probe
//! (`Db::probe_write`), because a database that still answers reads but cannot commit (its
//! disk full, its file locked by another process) must take the node out of a load balancer's
//! rotation instead of failing every form. Writes that failed for want of resources in the last
//! seconds count as well (see `Db::writes_failing`).

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use buurtteam_store::Db;
use tokio::sync::Mutex;

use crate::{ApiError, AppState};

/// A probe result is reused this long, so a flood of `/readyz` calls costs one write a second.
const FRESH_FOR: Duration = Duration::from_secs(1);

struct Probe {
    db: Db,
    last: Mutex<Option<(Instant, bool)>>,
}

impl Probe {
    /// Whether the database takes writes; callers that arrive during a probe wait for it.
    async fn ready(&self) -> bool {
        let mut last = self.last.lock().await;
        if let Some((at, ready)) = *last
            && at.elapsed() < FRESH_FOR
        {
            return ready;
        }
        // Real writes failing just now outweigh a probe: on a full disk the probe's one small
        // row can still fit where every real write fails.
        let ready = if self.db.writes_failing() {
            tracing::warn!("readiness check failed: writes are failing");
            false
        } else {
            match self.db.probe_write().await {
                Ok(()) => true,
                Err(e) => {
                    tracing::warn!(error = %e, "readiness check failed: the database takes no writes");
                    false
                }
            }
        };
        *last = Some((Instant::now(), ready));
        ready
    }
}

/// The `/readyz` route.
pub fn routes(db: Db) -> Router<AppState> {
    let probe = Arc::new(Probe { db, last: Mutex::new(None) });
    Router::new().route(
        "/readyz",
        get(move || {
            let probe = probe.clone();
            async move { answer(probe.ready().await) }
        }),
    )
}

fn answer(ready: bool) -> Response {
    if ready { (StatusCode::OK, "ready").into_response() } else { ApiError::unavailable().into_response() }
}
