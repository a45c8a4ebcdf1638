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

/// One row of a table as text: (column, value), values cast to text by the database.
pub type TextRow = Vec<(String, Option<String>)>;

/// Every row of every table of the schema (migration bookkeeping left out), as text, by
/// table: for tests that must see everything the database holds, including tables added
/// after the test was written (a destroyed file leaves only its tombstone).
pub async fn dump_all_tables(db: &crate::Db) -> crate::Result<Vec<(String, Vec<TextRow>)>> {
    use sqlx::Row;

    use crate::Tx;
    let mut tx = db.begin_read().await?;
    let columns: Vec<(String, String)> = match &mut tx {
        Tx::Sqlite(t) => {
            sqlx::query_as(
                "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE '\\_%' ESCAPE '\\' AND m.name NOT LIKE 'sqlite%' \
             ORDER BY m.name, p.cid",
            )
            .fetch_all(&mut **t)
            .await?
        }
        Tx::Postgres(t) => {
            sqlx::query_as(
                "SELECT table_name::text, column_name::text FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name NOT LIKE '\\_%' ORDER BY table_name, ordinal_position",
            )
            .fetch_all(&mut **t)
            .await?
        }
    };
    let mut tables: Vec<(String, Vec<String>)> = Vec::new();
    for (table, column) in columns {
        match tables.last_mut() {
            Some((t, cols)) if *t == table => cols.push(column),
            _ => tables.push((table, vec![column])),
        }
    }
    let mut out = Vec::new();
    for (table, cols) in tables {
        let select = cols.iter().map(|c| format!("CAST(\"{c}\" AS TEXT)")).collect::<Vec<_>>().join(", ");
        let sql = format!("SELECT {select} FROM \"{table}\"");
        let rows: Vec<TextRow> = match &mut tx {
            Tx::Sqlite(t) => sqlx::query(sqlx::AssertSqlSafe(sql))
                .fetch_all(&mut **t)
                .await?
                .iter()
                .map(|r| cols.iter().enumerate().map(|(i, c)| (c.clone(), r.get::<Option<String>, _>(i))).collect())
                .collect(),
            Tx::Postgres(t) => sqlx::query(sqlx::AssertSqlSafe(sql))
                .fetch_all(&mut **t)
                .await?
                .iter()
                .map(|r| cols.iter().enumerate().map(|(i, c)| (c.clone(), r.get::<Option<String>, _>(i))).collect())
                .collect(),
        };
        out.push((table, rows));
    }
    tx.commit().await?;
    Ok(out)
}
