//! The jobs table: work on a schedule (decision 0009). A job is queued with the moment it is
//! due; a worker claims it, runs it, and records the outcome. Claiming is one statement, so of
//! several workers exactly one gets a job: on SQLite the single writer runs one claim at a time,
//! on PostgreSQL `FOR UPDATE SKIP LOCKED` lets each worker pass over the rows another holds.

use jiff::Timestamp;

use crate::{Result, StoreError, Tx, sql_ts};

/// Where a job stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobStatus {
    /// Waiting for its `run_at` (also after a failed attempt with attempts left).
    Queued,
    /// Claimed by a worker until `claimed_until`.
    Running,
    Done,
    /// Failed on its last attempt; stays visible until someone looks.
    Failed,
}

impl JobStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Running => "running",
            Self::Done => "done",
            Self::Failed => "failed",
        }
    }

    fn parse(s: &str) -> Result<Self> {
        Ok(match s {
            "queued" => Self::Queued,
            "running" => Self::Running,
            "done" => Self::Done,
            "failed" => Self::Failed,
            other => return Err(StoreError::Corrupt(format!("unknown job status {other:?}"))),
        })
    }
}

/// A job to queue.
#[derive(Debug, Clone)]
pub struct NewJob<'a> {
    pub kind: &'a str,
    /// JSON text the job's handler reads.
    pub payload: &'a str,
    pub run_at: Timestamp,
    pub max_attempts: i32,
    /// For recurring jobs: a key per time slot, so that a slot is queued once however many
    /// nodes schedule it.
    pub dedupe_key: Option<&'a str>,
}

/// A job a worker has claimed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimed {
    pub id: i64,
    pub kind: String,
    pub payload: String,
    /// This run's number, from 1.
    pub attempt: i32,
    pub max_attempts: i32,
}

/// A job as listed.
#[derive(Debug, Clone)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    pub status: JobStatus,
    pub run_at: Timestamp,
    pub attempts: i32,
    pub max_attempts: i32,
    pub last_error: Option<String>,
    pub result: Option<String>,
    pub finished_at: Option<Timestamp>,
}

/// Queues a job; `None` when a job with the same dedupe key is there already.
pub async fn enqueue(tx: &mut Tx, job: &NewJob<'_>, now: Timestamp) -> Result<Option<i64>> {
    let id: Option<i64> = on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO jobs (kind, dedupe_key, payload, status, run_at, max_attempts, created_at) \
         VALUES ($1, $2, $3, 'queued', $4, $5, $6) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id"
    )
    .bind(job.kind)
    .bind(job.dedupe_key)
    .bind(job.payload)
    .bind(sql_ts(job.run_at))
    .bind(job.max_attempts)
    .bind(sql_ts(now))
    .fetch_optional(&mut *c)
    .await)?;
    Ok(id)
}

/// Claims the job that has been due longest, for `worker` until `until`: a queued job whose
/// time has come, or a running one whose claim has lapsed (its worker died). Counts the attempt.
pub async fn claim(tx: &mut Tx, worker: &str, now: Timestamp, until: Timestamp) -> Result<Option<Claimed>> {
    // The same statement on both backends but for the row lock, which SQLite (one writer at a
    // time) has no need of and no syntax for.
    // The condition stands twice: the inner one picks, the outer one holds should a row have
    // been claimed between picking and updating.
    const SQL: &str = "UPDATE jobs SET status = 'running', attempts = attempts + 1, claimed_by = $1, \
         claimed_until = $2 WHERE id = (SELECT id FROM jobs WHERE (status = 'queued' AND run_at <= $3) \
         OR (status = 'running' AND claimed_until < $3) ORDER BY run_at, id LIMIT 1 {lock}) \
         AND ((status = 'queued' AND run_at <= $3) OR (status = 'running' AND claimed_until < $3)) \
         RETURNING id, kind, payload, attempts, max_attempts";
    type Row = (i64, String, String, i32, i32);
    let row: Option<Row> = match tx {
        Tx::Sqlite(t) => {
            sqlx::query_as(sqlx::AssertSqlSafe(SQL.replace("{lock}", "")))
                .bind(worker)
                .bind(sql_ts(until))
                .bind(sql_ts(now))
                .fetch_optional(&mut **t)
                .await?
        }
        Tx::Postgres(t) => {
            sqlx::query_as(sqlx::AssertSqlSafe(SQL.replace("{lock}", "FOR UPDATE SKIP LOCKED")))
                .bind(worker)
                .bind(sql_ts(until))
                .bind(sql_ts(now))
                .fetch_optional(&mut **t)
                .await?
        }
    };
    Ok(row.map(|(id, kind, payload, attempt, max_attempts)| Claimed { id, kind, payload, attempt, max_attempts }))
}

/// Records a run that succeeded. Only the worker that holds the claim may: `false` when the
/// claim lapsed and another worker took the job over.
pub async fn finish(tx: &mut Tx, id: i64, worker: &str, result: &str, now: Timestamp) -> Result<bool> {
    let n = exec!(tx, |c| sqlx::query(
        "UPDATE jobs SET status = 'done', result = $3, finished_at = $4, claimed_until = NULL \
         WHERE id = $1 AND claimed_by = $2 AND status = 'running'"
    )
    .bind(id)
    .bind(worker)
    .bind(result)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    Ok(n == 1)
}

/// Records a run that failed: queued again at `retry_at`, or failed for good when `retry_at` is
/// `None` (no attempts left).
pub async fn fail(
    tx: &mut Tx,
    id: i64,
    worker: &str,
    error: &str,
    retry_at: Option<Timestamp>,
    now: Timestamp,
) -> Result<bool> {
    let n = match retry_at {
        Some(at) => exec!(tx, |c| sqlx::query(
            "UPDATE jobs SET status = 'queued', last_error = $3, run_at = $4, claimed_until = NULL \
             WHERE id = $1 AND claimed_by = $2 AND status = 'running'"
        )
        .bind(id)
        .bind(worker)
        .bind(error)
        .bind(sql_ts(at))
        .execute(&mut *c)
        .await)?,
        None => exec!(tx, |c| sqlx::query(
            "UPDATE jobs SET status = 'failed', last_error = $3, finished_at = $4, claimed_until = NULL \
             WHERE id = $1 AND claimed_by = $2 AND status = 'running'"
        )
        .bind(id)
        .bind(worker)
        .bind(error)
        .bind(sql_ts(now))
        .execute(&mut *c)
        .await)?,
    };
    Ok(n == 1)
}

/// Jobs, newest first, optionally of one status; at most `limit`.
pub async fn list(tx: &mut Tx, status: Option<JobStatus>, limit: i64) -> Result<Vec<Job>> {
    type Row = (
        i64,
        String,
        String,
        jiff_sqlx::Timestamp,
        i32,
        i32,
        Option<String>,
        Option<String>,
        Option<jiff_sqlx::Timestamp>,
    );
    let rows: Vec<Row> = on!(tx, |c| sqlx::query_as(
        "SELECT id, kind, status, run_at, attempts, max_attempts, last_error, result, finished_at FROM jobs \
         WHERE ($1 IS NULL OR status = $1) ORDER BY id DESC LIMIT $2"
    )
    .bind(status.map(JobStatus::as_str))
    .bind(limit)
    .fetch_all(&mut *c)
    .await)?;
    rows.into_iter()
        .map(|(id, kind, status, run_at, attempts, max_attempts, last_error, result, finished_at)| {
            Ok(Job {
                id,
                kind,
                status: JobStatus::parse(&status)?,
                run_at: run_at.to_jiff(),
                attempts,
                max_attempts,
                last_error,
                result,
                finished_at: finished_at.map(|t| t.to_jiff()),
            })
        })
        .collect()
}

/// Removes finished jobs (done, not failed) older than `before`, so the table does not grow
/// without end; failed ones stay until someone looks.
pub async fn prune(tx: &mut Tx, before: Timestamp) -> Result<u64> {
    exec!(tx, |c| sqlx::query("DELETE FROM jobs WHERE status = 'done' AND finished_at < $1")
        .bind(sql_ts(before))
        .execute(&mut *c)
        .await)
    .map_err(StoreError::from)
}
