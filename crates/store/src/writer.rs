//! Group commit for SQLite. With `synchronous=FULL` every commit costs an fsync (about 3 ms
//! here), so one commit per request caps a single writer at a few hundred writes a second.
//! The writer task takes every write job that is waiting, runs each in its own savepoint of one
//! shared transaction (a failing job is rolled back to its savepoint and fails alone), commits
//! once, and only then answers each job: an acknowledged write is always durable, and a job is
//! either wholly in the commit or not at all.

use std::future::Future;
use std::pin::Pin;

use sqlx::sqlite::SqlitePool;
use tokio::sync::{mpsc, oneshot};

use crate::{StoreError, Tx};

/// The future a write job returns; it may borrow the transaction it is given.
pub type JobFuture<'t, T> = Pin<Box<dyn Future<Output = T> + Send + 't>>;

/// The most jobs one commit takes.
const MAX_GROUP: usize = 256;

/// Sends the job's outcome once the commit is known.
trait Finish: Send {
    fn finish(self: Box<Self>, commit: Result<(), String>);
}

/// A job with its result type erased, so jobs of every use case share one queue.
trait Job: Send {
    /// Runs the job; says whether it succeeded, and how to answer once the commit is known.
    fn run<'t>(self: Box<Self>, tx: &'t mut Tx) -> JobFuture<'t, (bool, Box<dyn Finish>)>;
    /// Answers without running (the transaction could not be started).
    fn fail(self: Box<Self>, error: String);
}

struct Typed<F, R, E> {
    job: F,
    reply: oneshot::Sender<Result<R, E>>,
}

struct Finisher<R, E> {
    result: Result<R, E>,
    reply: oneshot::Sender<Result<R, E>>,
}

impl<R: Send + 'static, E: From<StoreError> + Send + 'static> Finish for Finisher<R, E> {
    fn finish(self: Box<Self>, commit: Result<(), String>) {
        let out = match (self.result, commit) {
            (Ok(r), Ok(())) => Ok(r),
            (Ok(_), Err(e)) => Err(E::from(StoreError::CommitFailed(e))),
            (Err(e), _) => Err(e),
        };
        let _ = self.reply.send(out);
    }
}

impl<F, R, E> Job for Typed<F, R, E>
where
    F: for<'t> FnOnce(&'t mut Tx) -> JobFuture<'t, Result<R, E>> + Send + 'static,
    R: Send + 'static,
    E: From<StoreError> + Send + 'static,
{
    fn run<'t>(self: Box<Self>, tx: &'t mut Tx) -> JobFuture<'t, (bool, Box<dyn Finish>)> {
        let Typed { job, reply } = *self;
        Box::pin(async move {
            let result = job(tx).await;
            let ok = result.is_ok();
            (ok, Box::new(Finisher { result, reply }) as Box<dyn Finish>)
        })
    }

    fn fail(self: Box<Self>, error: String) {
        let _ = self.reply.send(Err(E::from(StoreError::CommitFailed(error))));
    }
}

/// The handle to the writer task.
#[derive(Clone, Debug)]
pub struct Writer {
    jobs: mpsc::Sender<Box<dyn Job>>,
}

impl std::fmt::Debug for dyn Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Job")
    }
}

async fn statement(tx: &mut Tx, sql: &'static str) -> Result<(), StoreError> {
    exec!(tx, |c| sqlx::query(sql).execute(&mut *c).await)?;
    Ok(())
}

impl Writer {
    /// Starts the writer task on the current tokio runtime; it owns SQLite's writer pool.
    pub fn start(pool: SqlitePool) -> Self {
        let (jobs, mut queue) = mpsc::channel::<Box<dyn Job>>(4 * MAX_GROUP);
        tokio::spawn(async move {
            while let Some(first) = queue.recv().await {
                let mut group = vec![first];
                while group.len() < MAX_GROUP {
                    match queue.try_recv() {
                        Ok(job) => group.push(job),
                        Err(_) => break,
                    }
                }
                // IMMEDIATE: the write lock is taken once for the group, so a database locked by
                // another process fails the group here, after one busy timeout, not job by job.
                let mut tx = match pool.begin_with("BEGIN IMMEDIATE").await {
                    Ok(t) => Tx::Sqlite(t),
                    Err(e) => {
                        let msg = e.to_string();
                        group.into_iter().for_each(|j| j.fail(msg.clone()));
                        continue;
                    }
                };
                let mut finishers = Vec::with_capacity(group.len());
                let mut broken = None;
                for job in group {
                    if broken.is_some() {
                        job.fail("an earlier job broke the shared transaction".into());
                        continue;
                    }
                    if let Err(e) = statement(&mut tx, "SAVEPOINT job").await {
                        broken = Some(e.to_string());
                        job.fail(e.to_string());
                        continue;
                    }
                    let (ok, finish) = job.run(&mut tx).await;
                    let end = if ok {
                        statement(&mut tx, "RELEASE job").await
                    } else {
                        match statement(&mut tx, "ROLLBACK TO job").await {
                            Ok(()) => statement(&mut tx, "RELEASE job").await,
                            Err(e) => Err(e),
                        }
                    };
                    if let Err(e) = end {
                        broken = Some(e.to_string());
                    }
                    finishers.push(finish);
                }
                // A failed commit answers every job of the group with an error; the connection
                // is not reused (see `db::sqlite_connection_is_clean`), so no later job runs in
                // a transaction left open by this one.
                let commit = match broken {
                    Some(e) => Err(e),
                    None => tx.commit().await.map_err(|e| e.to_string()),
                };
                if let Err(e) = &commit {
                    tracing::error!(error = %e, jobs = finishers.len(), "a group commit failed; none of its jobs is acknowledged");
                }
                for f in finishers {
                    f.finish(commit.clone());
                }
            }
        });
        Self { jobs }
    }

    pub async fn run<F, R, E>(&self, job: F) -> Result<R, E>
    where
        F: for<'t> FnOnce(&'t mut Tx) -> JobFuture<'t, Result<R, E>> + Send + 'static,
        R: Send + 'static,
        E: From<StoreError> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let job: Box<dyn Job> = Box::new(Typed { job, reply });
        if self.jobs.send(job).await.is_err() {
            return Err(E::from(StoreError::CommitFailed("the database writer has stopped".into())));
        }
        answer.await.unwrap_or_else(|_| Err(E::from(StoreError::CommitFailed("the database writer stopped".into()))))
    }
}

#[cfg(test)]
mod tests {
    use crate::{Db, StoreError, organisation};

    async fn sqlite() -> (Db, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("dir");
        let db = Db::connect(&format!("sqlite://{}", dir.path().join("w.db").display())).await.expect("connect");
        db.migrate().await.expect("migrate");
        (db, dir)
    }

    /// Many concurrent jobs are grouped; each failing one leaves no trace, the others commit.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_failing_job_rolls_back_alone() {
        let (db, _dir) = sqlite().await;
        let mut handles = Vec::new();
        for k in 0..60u32 {
            let db = db.clone();
            handles.push(tokio::spawn(async move {
                db.write(move |tx| {
                    Box::pin(async move {
                        organisation::insert_district(tx, &format!("Wijk {k}"), jiff::Timestamp::now()).await?;
                        if k % 5 == 0 {
                            // Fails after writing: the district must not survive.
                            return Err(StoreError::Corrupt(format!("job {k} fails on purpose")));
                        }
                        if k % 7 == 0 {
                            // A constraint violation inside the job fails it too.
                            organisation::insert_district(tx, &format!("Wijk {k}"), jiff::Timestamp::now()).await?;
                        }
                        Ok(k)
                    })
                })
                .await
            }));
        }
        let mut ok = Vec::new();
        for h in handles {
            if let Ok(k) = h.await.expect("join") {
                ok.push(k);
            }
        }
        let expected: Vec<u32> = (0..60).filter(|k| k % 5 != 0 && k % 7 != 0).collect();
        ok.sort_unstable();
        assert_eq!(ok, expected);
        let mut tx = db.begin_read().await.expect("tx");
        let names: Vec<String> =
            organisation::list_districts(&mut tx).await.expect("list").into_iter().map(|d| d.name).collect();
        assert_eq!(names.len(), expected.len());
        for k in 0..60 {
            assert_eq!(names.contains(&format!("Wijk {k}")), expected.contains(&k), "district {k}");
        }
    }

    #[tokio::test]
    async fn a_write_is_readable_once_acknowledged() {
        let (db, _dir) = sqlite().await;
        let id = db
            .write(|tx| {
                Box::pin(async move { organisation::insert_district(tx, "Oost", jiff::Timestamp::now()).await })
            })
            .await
            .expect("write");
        let mut tx = db.begin_read().await.expect("tx");
        assert!(organisation::district_exists(&mut tx, id).await.expect("exists"));
    }
}
