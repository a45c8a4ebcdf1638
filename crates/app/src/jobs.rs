//! Work on a schedule (decision 0009): a registry of job kinds and their handlers, recurring
//! kinds with their interval, and a worker that queues each recurring job once per time slot and
//! runs whatever is due. Every node of a cluster may run a worker: a job runs once (see
//! `store::jobs::claim`). "Now" is the application's clock, so a test moves time forward and
//! calls [`Worker::run_due`] instead of waiting.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use buurtteam_store::jobs::{self, Claimed, Job, JobStatus, NewJob};
use jiff::{SignedDuration, Timestamp};
use serde_json::Value;

use crate::{App, AppError, Result};

/// What a handler returns: a one-line summary of what it did, kept with the job.
pub type HandlerFuture = Pin<Box<dyn Future<Output = Result<String>> + Send>>;

/// Runs one job of a kind, given the application and the job's payload.
pub type Handler = Arc<dyn Fn(App, Value) -> HandlerFuture + Send + Sync>;

/// How many times a job is tried before it is marked failed.
pub const MAX_ATTEMPTS: i32 = 5;

/// How long a worker's claim on a job holds; a job still running after this is taken over by
/// another worker (its first worker is presumed dead). Longer than any job may take.
const CLAIM_FOR: SignedDuration = SignedDuration::from_mins(10);

/// Finished jobs are kept this long, for `buurtteam jobs` and the curious; failed ones stay.
const KEEP_DONE_FOR: SignedDuration = SignedDuration::from_hours(30 * 24);

/// The job kinds this application knows, and which of them recur.
#[derive(Clone, Default)]
pub struct Registry {
    handlers: BTreeMap<&'static str, Handler>,
    recurring: Vec<(&'static str, SignedDuration)>,
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Registry").field("kinds", &self.handlers.keys()).field("recurring", &self.recurring).finish()
    }
}

impl Registry {
    /// The jobs of the product: housekeeping that keeps no data longer than it may.
    pub fn builtin() -> Self {
        Self::default()
            .handle("portal_codes.expire", |app, _| Box::pin(async move { expire_portal_codes(&app).await }))
            .every("portal_codes.expire", SignedDuration::from_hours(1))
            .handle("idempotency.expire", |app, _| Box::pin(async move { expire_idempotency_keys(&app).await }))
            .every("idempotency.expire", SignedDuration::from_hours(1))
            .handle("jobs.prune", |app, _| Box::pin(async move { prune_jobs(&app).await }))
            .every("jobs.prune", SignedDuration::from_hours(24))
            .handle(crate::privacy::integrity::JOB, |app, _| {
                Box::pin(async move { crate::privacy::integrity::daily(&app).await })
            })
            .every(crate::privacy::integrity::JOB, crate::privacy::integrity::EVERY)
            .handle("retention.destroy", |app, _| {
                Box::pin(async move { crate::privacy::destruction::destroy_due(&app).await })
            })
            .every("retention.destroy", SignedDuration::from_hours(24))
            .handle(crate::survey::job::JOB, |app, _| Box::pin(async move { crate::survey::job::daily(&app).await }))
            .every(crate::survey::job::JOB, crate::survey::job::EVERY)
            .handle(crate::outreach_attempts::JOB, |app, _| {
                Box::pin(async move { crate::outreach_attempts::destroy_due(&app).await })
            })
            .every(crate::outreach_attempts::JOB, crate::outreach_attempts::EVERY)
    }

    /// Adds (or replaces) the handler of `kind`.
    pub fn handle(
        mut self,
        kind: &'static str,
        f: impl Fn(App, Value) -> HandlerFuture + Send + Sync + 'static,
    ) -> Self {
        self.handlers.insert(kind, Arc::new(f));
        self
    }

    /// Queues `kind` once in every slot of `every` (slots counted from the Unix epoch, so all
    /// nodes agree on them).
    pub fn every(mut self, kind: &'static str, every: SignedDuration) -> Self {
        self.recurring.push((kind, every));
        self
    }

    pub fn kinds(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.handlers.keys().copied()
    }

    /// The kinds queued once per slot.
    pub fn recurring_kinds(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.recurring.iter().map(|(kind, _)| *kind)
    }
}

/// Queues a job of `kind` with `payload`, due at `run_at`.
pub async fn enqueue(app: &App, kind: &str, payload: &Value, run_at: Timestamp) -> Result<i64> {
    let now = app.now();
    let (kind, payload) = (kind.to_owned(), payload.to_string());
    let id = app
        .db
        .write(move |tx| {
            Box::pin(async move {
                let job =
                    NewJob { kind: &kind, payload: &payload, run_at, max_attempts: MAX_ATTEMPTS, dedupe_key: None };
                Ok::<_, AppError>(jobs::enqueue(tx, &job, now).await?)
            })
        })
        .await?;
    id.ok_or_else(|| AppError::Internal("a job without a dedupe key was not queued".into()))
}

/// Jobs, newest first; of one status if given.
pub async fn list(app: &App, status: Option<JobStatus>, limit: i64) -> Result<Vec<Job>> {
    let mut tx = app.db.begin_read().await?;
    Ok(jobs::list(&mut tx, status, limit).await?)
}

/// When a job whose `attempt`-th run failed is tried again: 30 s, 1 min, 2 min … at most an hour.
pub fn retry_delay(attempt: i32) -> SignedDuration {
    let doublings = u32::try_from(attempt.saturating_sub(1)).unwrap_or(0).min(7);
    SignedDuration::from_secs(30 * (1_i64 << doublings)).min(SignedDuration::from_hours(1))
}

/// The start of the slot of length `every` that holds `now`.
fn slot_start(now: Timestamp, every: SignedDuration) -> Timestamp {
    let len = every.as_secs().max(1);
    let start = now.as_second().div_euclid(len) * len;
    Timestamp::from_second(start).unwrap_or(now)
}

/// One worker: a name for its claims, the application, and the registry.
#[derive(Clone, Debug)]
pub struct Worker {
    app: App,
    registry: Arc<Registry>,
    name: String,
}

impl Worker {
    pub fn new(app: App, registry: Registry) -> Self {
        let name = format!("{}-{}", std::process::id(), rand::random::<u32>());
        Self { app, registry: Arc::new(registry), name }
    }

    /// Queues the recurring jobs of the current slots (a slot already queued by any node is
    /// left alone), then runs every job that is due, one after another. Returns how many ran.
    pub async fn run_due(&self) -> Result<usize> {
        self.schedule().await?;
        let mut ran = 0;
        while let Some(job) = self.claim().await? {
            self.run_one(job).await?;
            ran += 1;
        }
        Ok(ran)
    }

    /// Runs [`Self::run_due`] every `poll` until `shutdown` completes. A failing round (the
    /// database unavailable, say) is logged and tried again next round.
    pub async fn run(self, poll: Duration, shutdown: impl Future<Output = ()>) {
        tokio::pin!(shutdown);
        loop {
            if let Err(e) = self.run_due().await {
                tracing::warn!(error = %e, "the job worker could not run its round");
            }
            tokio::select! {
                () = &mut shutdown => break,
                () = tokio::time::sleep(poll) => {}
            }
        }
    }

    async fn schedule(&self) -> Result<()> {
        let now = self.app.now();
        let due: Vec<(String, Timestamp)> =
            self.registry.recurring.iter().map(|(kind, every)| (kind.to_string(), slot_start(now, *every))).collect();
        self.app
            .db
            .write(move |tx| {
                Box::pin(async move {
                    for (kind, at) in &due {
                        let key = format!("{kind}@{}", at.as_second());
                        let job = NewJob {
                            kind,
                            payload: "{}",
                            run_at: *at,
                            max_attempts: MAX_ATTEMPTS,
                            dedupe_key: Some(&key),
                        };
                        jobs::enqueue(tx, &job, now).await?;
                    }
                    Ok::<_, AppError>(())
                })
            })
            .await
    }

    async fn claim(&self) -> Result<Option<Claimed>> {
        let now = self.app.now();
        let until = now.checked_add(CLAIM_FOR).unwrap_or(now);
        let name = self.name.clone();
        self.app
            .db
            .write(move |tx| Box::pin(async move { Ok::<_, AppError>(jobs::claim(tx, &name, now, until).await?) }))
            .await
    }

    async fn run_one(&self, job: Claimed) -> Result<()> {
        let payload: Value = serde_json::from_str(&job.payload).unwrap_or(Value::Null);
        let outcome = match self.registry.handlers.get(job.kind.as_str()) {
            Some(handler) => handler(self.app.clone(), payload).await,
            None => Err(AppError::Internal(format!("no handler for the job kind {:?}", job.kind))),
        };
        let now = self.app.now();
        let (id, name) = (job.id, self.name.clone());
        let recorded = match outcome {
            Ok(summary) => {
                tracing::info!(job = id, kind = %job.kind, %summary, "job done");
                self.app
                    .db
                    .write(move |tx| {
                        Box::pin(async move { Ok::<_, AppError>(jobs::finish(tx, id, &name, &summary, now).await?) })
                    })
                    .await?
            }
            Err(e) => {
                let error = e.to_string();
                let retry_at =
                    (job.attempt < job.max_attempts).then(|| now.checked_add(retry_delay(job.attempt)).unwrap_or(now));
                match retry_at {
                    Some(at) => {
                        tracing::warn!(job = id, kind = %job.kind, attempt = job.attempt, %error, retry_at = %at, "job failed; it will be tried again")
                    }
                    None => {
                        tracing::error!(job = id, kind = %job.kind, attempt = job.attempt, %error, "job failed on its last attempt")
                    }
                }
                self.app
                    .db
                    .write(move |tx| {
                        Box::pin(
                            async move { Ok::<_, AppError>(jobs::fail(tx, id, &name, &error, retry_at, now).await?) },
                        )
                    })
                    .await?
            }
        };
        if !recorded {
            tracing::warn!(job = id, "the job's claim lapsed before it finished; another worker has taken it over");
        }
        Ok(())
    }
}

/// Portal and network invitation codes that were never used and have expired lose their hash:
/// a copy of the database then holds nothing to try codes against.
async fn expire_portal_codes(app: &App) -> Result<String> {
    let now = app.now();
    let n = app
        .db
        .write(move |tx| {
            Box::pin(async move { Ok::<_, AppError>(buurtteam_store::portal_codes::expire_unused(tx, now).await?) })
        })
        .await?;
    Ok(format!("{n} unused codes expired"))
}

async fn expire_idempotency_keys(app: &App) -> Result<String> {
    let now = app.now();
    let n = app
        .db
        .write(move |tx| {
            Box::pin(async move { Ok::<_, AppError>(buurtteam_store::idempotency::expire(tx, now).await?) })
        })
        .await?;
    Ok(format!("{n} idempotency keys expired"))
}

async fn prune_jobs(app: &App) -> Result<String> {
    let before = app.now().checked_sub(KEEP_DONE_FOR).unwrap_or_else(|_| app.now());
    let n = app.db.write(move |tx| Box::pin(async move { Ok::<_, AppError>(jobs::prune(tx, before).await?) })).await?;
    Ok(format!("{n} finished jobs removed"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_to_an_hour() {
        let secs: Vec<i64> = (1..=10).map(|a| retry_delay(a).as_secs()).collect();
        assert_eq!(secs, [30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
    }

    #[test]
    fn a_slot_starts_on_a_multiple_of_its_length() {
        let hour = SignedDuration::from_hours(1);
        let t: Timestamp = "2026-12-01T10:59:59Z".parse().expect("ts");
        assert_eq!(slot_start(t, hour).to_string(), "2026-12-01T10:00:00Z");
        let t: Timestamp = "2026-12-01T11:00:00Z".parse().expect("ts");
        assert_eq!(slot_start(t, hour).to_string(), "2026-12-01T11:00:00Z");
    }
}
