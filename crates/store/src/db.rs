//! The database handle and transactions, one enum variant per backend.

use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Connection, Postgres, Sqlite};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A unique constraint was violated: the thing exists already.
    #[error("already exists")]
    Duplicate,
    /// A row changed between reading and writing it (optimistic check failed).
    #[error("changed concurrently")]
    Concurrent,
    #[error("database unreachable or failing: {0}")]
    Database(#[source] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("unsupported DATABASE_URL: {0}")]
    UnsupportedUrl(String),
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    /// The shared transaction of a group commit failed, so this write did not happen.
    #[error("the write could not be committed: {0}")]
    CommitFailed(String),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::RowNotFound => Self::NotFound,
            sqlx::Error::Database(db) if db.is_unique_violation() => Self::Duplicate,
            _ => Self::Database(e),
        }
    }
}

impl StoreError {
    /// Whether the database cannot serve this request right now, through no fault of the
    /// request: unreachable, locked by another process, its disk full, or a commit that failed.
    /// Nothing of the request was written; the same request may succeed later (503).
    pub fn is_unavailable(&self) -> bool {
        match self {
            Self::CommitFailed(_) => true,
            Self::Database(e) => is_transient(e),
            _ => false,
        }
    }
}

/// Errors that say "not now" rather than "not this": see [`StoreError::is_unavailable`].
fn is_transient(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(db) => {
            let code = db.code().unwrap_or_default();
            if db.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some() {
                // The primary result code is the low byte of SQLite's extended code: BUSY (5),
                // LOCKED (6), NOMEM (7), READONLY (8), IOERR (10), FULL (13), CANTOPEN (14).
                let primary = code.parse::<i32>().unwrap_or(0) & 0xff;
                matches!(primary, 5 | 6 | 7 | 8 | 10 | 13 | 14)
            } else {
                // SQLSTATE classes 08 (connection), 53 (insufficient resources: disk full, out of
                // memory, too many connections), 57P (shutdown, cannot connect now), 25006 (a
                // read-only standby).
                code.starts_with("08") || code.starts_with("53") || code.starts_with("57P") || code == "25006"
            }
        }
        _ => false,
    }
}

/// The database. SQLite gets one writer connection (SQLite allows one writer at a time; a
/// single-connection pool queues writers in the application instead of failing with BUSY)
/// and a pool of readers. PostgreSQL uses one pool for both.
#[derive(Clone, Debug)]
pub struct Db {
    backend: Backend,
    health: Arc<WriteHealth>,
}

#[derive(Clone, Debug)]
enum Backend {
    Sqlite { write: SqlitePool, read: SqlitePool, writer: crate::writer::Writer },
    Postgres(PgPool),
}

/// Whether writes are failing for want of resources (a full disk, a lock held elsewhere, an
/// unreachable server): when the last failure of that kind happened.
#[derive(Debug, Default)]
struct WriteHealth {
    failed_at: Mutex<Option<Instant>>,
}

/// How long a write that failed for want of resources keeps `/readyz` at 503, also when other
/// writes succeed in between: on a nearly full disk a small write (or the probe's one row, which
/// PostgreSQL rewrites in its own page) still fits where the next real write fails, so a success
/// proves little until no write has failed for this long.
const FAILING_FOR: Duration = Duration::from_secs(5);

impl WriteHealth {
    fn note<R, E: CarriesStoreError>(&self, out: &Result<R, E>) {
        let Err(e) = out else { return };
        if e.store_error().is_some_and(StoreError::is_unavailable)
            && let Ok(mut at) = self.failed_at.lock()
        {
            *at = Some(Instant::now());
        }
    }

    fn failing(&self) -> bool {
        self.failed_at.lock().ok().and_then(|at| *at).is_some_and(|t| t.elapsed() < FAILING_FOR)
    }
}

/// An error type of a write job, through which the store sees its own failures.
pub trait CarriesStoreError {
    fn store_error(&self) -> Option<&StoreError>;
}

impl CarriesStoreError for StoreError {
    fn store_error(&self) -> Option<&StoreError> {
        Some(self)
    }
}

/// A transaction on either backend. Dropped without [`Tx::commit`], it rolls back.
pub enum Tx {
    Sqlite(sqlx::Transaction<'static, Sqlite>),
    Postgres(sqlx::Transaction<'static, Postgres>),
}

/// Runs `$body` with `$c` bound to the backend's connection inside `$tx`. The body is written
/// once and type-checked for both backends.
macro_rules! on {
    ($tx:expr, |$c:ident| $body:expr) => {
        match $tx {
            $crate::db::Tx::Sqlite(t) => {
                let $c = &mut **t;
                $body
            }
            $crate::db::Tx::Postgres(t) => {
                let $c = &mut **t;
                $body
            }
        }
    };
}

/// Like [`on!`] for statements that return no rows: yields the number of rows affected.
macro_rules! exec {
    ($tx:expr, |$c:ident| $body:expr) => {
        match $tx {
            $crate::db::Tx::Sqlite(t) => {
                let $c = &mut **t;
                $body.map(|r| r.rows_affected())
            }
            $crate::db::Tx::Postgres(t) => {
                let $c = &mut **t;
                $body.map(|r| r.rows_affected())
            }
        }
    };
}

impl Db {
    /// Connects by URL: `sqlite://path` (created if missing) or `postgres://...`.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        if url.starts_with("sqlite:") {
            let opts = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                // FULL: a commit is on disk before it is acknowledged, even across power loss.
                .synchronous(SqliteSynchronous::Full)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5))
                // Read pages through a memory map instead of a read() call per page: profiling
                // the worklist page showed a quarter of its time in copying pages out of the
                // kernel. Up to 1 GiB of the file; the pages are the OS's page cache, shared.
                .pragma("mmap_size", "1073741824");
            let write = SqlitePoolOptions::new()
                .max_connections(1)
                .after_release(|conn, _| Box::pin(sqlite_connection_is_clean(conn)))
                .connect_with(opts.clone())
                .await?;
            let read = SqlitePoolOptions::new().max_connections(4).connect_with(opts.read_only(true)).await?;
            let writer = crate::writer::Writer::start(write.clone());
            Ok(Self { backend: Backend::Sqlite { write, read, writer }, health: Arc::default() })
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .after_release(|conn, _| {
                    Box::pin(async move {
                        conn.ping().await?;
                        Ok(outside_transaction(conn.is_in_transaction()))
                    })
                })
                .connect(url)
                .await?;
            Ok(Self { backend: Backend::Postgres(pool), health: Arc::default() })
        } else {
            Err(StoreError::UnsupportedUrl(redact(url)))
        }
    }

    /// Applies the migrations of this backend that have not run yet.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match &self.backend {
            Backend::Sqlite { write, .. } => sqlx::migrate!("./migrations/sqlite").run(write).await?,
            Backend::Postgres(pool) => sqlx::migrate!("./migrations/postgres").run(pool).await?,
        }
        // What the SQL migrations cannot compute (the folded name keys, the parts of old house
        // numbers) is filled from Rust; nothing to do after the first time.
        let done = crate::households::backfill(self).await?;
        if done != crate::households::Backfilled::default() {
            tracing::info!(?done, "filled name keys and house number parts of rows older than migration 0013");
        }
        if done.unreadable_house_numbers > 0 {
            tracing::warn!(
                count = done.unreadable_house_numbers,
                "house numbers that are not one are left at 0 (their text is in households.house_number_text)"
            );
        }
        // Rows of the audit log older than its hash chain (migration 0022) join it once.
        let sealed = crate::audit::chain::seal_unchained(self).await?;
        if sealed > 0 {
            tracing::info!(sealed, "sealed audit rows older than migration 0022 into the hash chain");
        }
        Ok(())
    }

    /// A transaction that may write. On SQLite it takes the write lock at once (`BEGIN
    /// IMMEDIATE`): a transaction that reads first and writes later could otherwise fail with
    /// `SQLITE_BUSY` halfway, whatever the busy timeout.
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        Ok(match &self.backend {
            Backend::Sqlite { write, .. } => Tx::Sqlite(write.begin_with("BEGIN IMMEDIATE").await?),
            Backend::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// Runs `job` in a transaction and commits it: on SQLite through the group-committing
    /// writer (one fsync for every job waiting), on PostgreSQL in a transaction of its own.
    /// The job must not start another write itself (on SQLite it would wait for itself).
    pub async fn write<F, R, E>(&self, job: F) -> Result<R, E>
    where
        F: for<'t> FnOnce(&'t mut Tx) -> crate::writer::JobFuture<'t, Result<R, E>> + Send + 'static,
        R: Send + 'static,
        E: From<StoreError> + CarriesStoreError + Send + 'static,
    {
        let out = match &self.backend {
            Backend::Sqlite { writer, .. } => writer.run(job).await,
            Backend::Postgres(_) => {
                async {
                    let mut tx = self.begin().await?;
                    let out = job(&mut tx).await?;
                    tx.commit().await?;
                    Ok(out)
                }
                .await
            }
        };
        self.health.note(&out);
        out
    }

    /// Whether a write failed for want of resources within the last few seconds (see
    /// [`FAILING_FOR`]).
    /// Which database this is: `sqlite` or `postgresql` (for the settings page; never the URL).
    pub fn backend_name(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite { .. } => "sqlite",
            Backend::Postgres(_) => "postgresql",
        }
    }

    pub fn writes_failing(&self) -> bool {
        self.health.failing()
    }

    /// A read-only transaction (on SQLite it runs beside the writer).
    pub async fn begin_read(&self) -> Result<Tx, StoreError> {
        Ok(match &self.backend {
            Backend::Sqlite { read, .. } => Tx::Sqlite(read.begin().await?),
            Backend::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// Checks that the database takes a write: rewrites the one row of `readiness_probe` and
    /// commits (on SQLite through the writer, so with a real fsync). Fails while the disk is
    /// full, the file is locked by another process, or the server refuses writes.
    pub async fn probe_write(&self) -> Result<(), StoreError> {
        self.write(|tx| {
            Box::pin(async move {
                exec!(tx, |c| sqlx::query("UPDATE readiness_probe SET probes = probes + 1 WHERE id = 1")
                    .execute(&mut *c)
                    .await)?;
                Ok::<_, StoreError>(())
            })
        })
        .await
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<(), StoreError> {
        let mut tx = self.begin_read().await?;
        exec!(&mut tx, |c| sqlx::query("SELECT 1").execute(&mut *c).await)?;
        Ok(())
    }

    /// The number of rows in `table` (for checks and tests; `table` must be a plain name).
    pub async fn count_rows(&self, table: &str) -> Result<i64, StoreError> {
        if table.is_empty() || !table.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return Err(StoreError::Corrupt(format!("not a table name: {table:?}")));
        }
        let sql = format!("SELECT COUNT(*) FROM {table}");
        let mut tx = self.begin_read().await?;
        let n: i64 = on!(&mut tx, |c| sqlx::query_scalar(sqlx::AssertSqlSafe(sql.as_str())).fetch_one(&mut *c).await)?;
        Ok(n)
    }

    /// Writes a consistent copy of an SQLite database to `path` (`VACUUM INTO`: one read
    /// transaction, so every write committed before it began and none after; writers go on
    /// meanwhile). `path` must not exist. PostgreSQL is backed up with its own tools: refused.
    pub async fn backup_into(&self, path: &str) -> Result<(), StoreError> {
        match &self.backend {
            Backend::Sqlite { read, .. } => {
                // Not in a transaction: VACUUM refuses to run inside one.
                let mut conn = read.acquire().await?;
                sqlx::query("VACUUM INTO $1").bind(path).execute(&mut *conn).await?;
                Ok(())
            }
            Backend::Postgres(_) => Err(StoreError::UnsupportedUrl("a PostgreSQL database for `backup`".into())),
        }
    }

    pub async fn close(&self) {
        match &self.backend {
            Backend::Sqlite { write, read, .. } => {
                read.close().await;
                write.close().await;
            }
            Backend::Postgres(pool) => pool.close().await,
        }
    }
}

impl Tx {
    pub async fn commit(self) -> Result<(), StoreError> {
        match self {
            Self::Sqlite(t) => t.commit().await?,
            Self::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }
}

/// Whether the writer connection may go back to the pool. After a failed `COMMIT` (a full
/// disk, say) SQLite may or may not have rolled the transaction back itself, and sqlx's own
/// count of open transactions can be off by one either way: reusing such a connection turned
/// every later "commit" into the release of a savepoint in a transaction that never ended, so
/// writes were acknowledged and lost. A connection goes back only when it provably holds no
/// transaction; otherwise it is closed (SQLite rolls back what it held) and the pool opens a
/// fresh one for the next write.
async fn sqlite_connection_is_clean(conn: &mut sqlx::SqliteConnection) -> Result<bool, sqlx::Error> {
    // The rollback of a dropped transaction is queued; a ping runs after it.
    conn.ping().await?;
    if !outside_transaction(conn.is_in_transaction()) {
        return Ok(false);
    }
    // SQLite itself: `BEGIN` fails inside a transaction, whatever sqlx counted.
    match sqlx::raw_sql("BEGIN; ROLLBACK").execute(&mut *conn).await {
        Ok(_) => Ok(true),
        Err(e) => {
            tracing::error!(error = %e, "the database connection still holds a transaction; discarding it");
            Ok(false)
        }
    }
}

/// True when the connection holds no transaction; logs the discard otherwise.
fn outside_transaction(in_transaction: bool) -> bool {
    if in_transaction {
        tracing::error!("a database connection was returned inside a transaction (a failed commit?); discarding it");
    }
    !in_transaction
}

/// The URL without its password, for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => match url[s + 3..at].find(':') {
            Some(colon) => format!("{}:***{}", &url[..s + 3 + colon], &url[at..]),
            None => url.to_owned(),
        },
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn redacts_passwords() {
        assert_eq!(super::redact("postgres://bt:secret@db/bt"), "postgres://bt:***@db/bt");
        assert_eq!(super::redact("sqlite://data/bt.db"), "sqlite://data/bt.db");
    }

    #[test]
    fn a_write_that_succeeds_after_a_failed_one_does_not_make_the_database_healthy() {
        use super::{FAILING_FOR, StoreError, WriteHealth};
        let health = WriteHealth::default();
        let refused: Result<(), StoreError> = Err(StoreError::CommitFailed("database or disk is full".into()));
        let invalid: Result<(), StoreError> = Err(StoreError::NotFound);
        health.note(&invalid);
        assert!(!health.failing(), "a refused request says nothing of the database");
        health.note(&refused);
        health.note(&Ok::<(), StoreError>(()));
        assert!(health.failing(), "a small write fitting on a full disk proves little");
        // Once no write has failed for FAILING_FOR, the probe decides again.
        if let Ok(mut at) = health.failed_at.lock() {
            *at = std::time::Instant::now().checked_sub(FAILING_FOR);
        }
        assert!(!health.failing());
    }
}
