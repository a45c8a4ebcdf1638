//! Support for tests that run against PostgreSQL as well: `BUURTTEAM_TEST_PG` holds the URL
//! of a server (scripts/test starts one) where each test creates a database of its own.

use std::sync::atomic::{AtomicU64, Ordering};

/// The admin URL from `BUURTTEAM_TEST_PG`, if the PostgreSQL run is on.
pub fn postgres_admin_url() -> Option<String> {
    std::env::var("BUURTTEAM_TEST_PG").ok().filter(|v| !v.is_empty())
}

/// Creates a new, empty database on the server of `admin_url` and returns its URL. Uses
/// `psql` because `CREATE DATABASE` cannot run inside a transaction.
pub fn create_postgres_database(admin_url: &str, prefix: &str) -> String {
    create_postgres_database_in(admin_url, prefix, None)
}

/// Like [`create_postgres_database`], with the database's files in `tablespace`.
pub fn create_postgres_database_in(admin_url: &str, prefix: &str, tablespace: Option<&str>) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = format!(
        "{prefix}_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        jiff::Timestamp::now().as_millisecond()
    );
    let out = std::process::Command::new("psql")
        .arg(admin_url)
        .arg("-qc")
        .arg(match tablespace {
            Some(t) => format!("CREATE DATABASE {name} TABLESPACE {t}"),
            None => format!("CREATE DATABASE {name}"),
        })
        .output()
        .unwrap_or_else(|e| panic!("cannot run psql: {e}"));
    assert!(out.status.success(), "CREATE DATABASE {name}: {}", String::from_utf8_lossy(&out.stderr));
    let base = admin_url.rsplit_once('/').map_or(admin_url, |(b, _)| b);
    format!("{base}/{name}")
}
