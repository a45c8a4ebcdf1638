//! The database handle and transactions, one enum variant per backend.

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Postgres, Sqlite};

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
    /// Whether the database could not be reached (as opposed to refusing a statement).
    pub fn is_unavailable(&self) -> bool {
        matches!(self, Self::Database(sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_)))
    }
}

/// The database. SQLite gets one writer connection (SQLite allows one writer at a time; a
/// single-connection pool queues writers in the application instead of failing with BUSY)
/// and a pool of readers. PostgreSQL uses one pool for both.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite { write: SqlitePool, read: SqlitePool, writer: crate::writer::Writer },
    Postgres(PgPool),
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
            let write = SqlitePoolOptions::new().max_connections(1).connect_with(opts.clone()).await?;
            let read = SqlitePoolOptions::new().max_connections(4).connect_with(opts.read_only(true)).await?;
            let writer = crate::writer::Writer::start(write.clone());
            Ok(Self::Sqlite { write, read, writer })
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let pool =
                PgPoolOptions::new().max_connections(16).acquire_timeout(Duration::from_secs(10)).connect(url).await?;
            Ok(Self::Postgres(pool))
        } else {
            Err(StoreError::UnsupportedUrl(redact(url)))
        }
    }

    /// Applies the migrations of this backend that have not run yet.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self {
            Self::Sqlite { write, .. } => sqlx::migrate!("./migrations/sqlite").run(write).await?,
            Self::Postgres(pool) => sqlx::migrate!("./migrations/postgres").run(pool).await?,
        }
        Ok(())
    }

    /// A transaction that may write.
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        Ok(match self {
            Self::Sqlite { write, .. } => Tx::Sqlite(write.begin().await?),
            Self::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// Runs `job` in a transaction and commits it: on SQLite through the group-committing
    /// writer (one fsync for every job waiting), on PostgreSQL in a transaction of its own.
    /// The job must not start another write itself (on SQLite it would wait for itself).
    pub async fn write<F, R, E>(&self, job: F) -> Result<R, E>
    where
        F: for<'t> FnOnce(&'t mut Tx) -> crate::writer::JobFuture<'t, Result<R, E>> + Send + 'static,
        R: Send + 'static,
        E: From<StoreError> + Send + 'static,
    {
        match self {
            Self::Sqlite { writer, .. } => writer.run(job).await,
            Self::Postgres(_) => {
                let mut tx = self.begin().await?;
                let out = job(&mut tx).await?;
                tx.commit().await?;
                Ok(out)
            }
        }
    }

    /// A read-only transaction (on SQLite it runs beside the writer).
    pub async fn begin_read(&self) -> Result<Tx, StoreError> {
        Ok(match self {
            Self::Sqlite { read, .. } => Tx::Sqlite(read.begin().await?),
            Self::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
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

    pub async fn close(&self) {
        match self {
            Self::Sqlite { write, read, .. } => {
                read.close().await;
                write.close().await;
            }
            Self::Postgres(pool) => pool.close().await,
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
}
