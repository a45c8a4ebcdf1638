//! Checks of the two schemas themselves: they must not drift apart, and the audit log must
//! refuse updates and deletes on both. The PostgreSQL half runs when `BUURTTEAM_TEST_PG`
//! names a server (scripts/test starts one; CI always does).

use std::collections::BTreeSet;

use crate::{Db, Tx};

async fn sqlite() -> (Db, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("dir");
    let db = Db::connect(&format!("sqlite://{}", dir.path().join("t.db").display())).await.expect("connect");
    db.migrate().await.expect("migrate");
    (db, dir)
}

async fn postgres() -> Option<Db> {
    let admin = crate::testing::postgres_admin_url()?;
    let db = Db::connect(&crate::testing::create_postgres_database(&admin, "bt_schema")).await.expect("connect");
    db.migrate().await.expect("migrate");
    Some(db)
}

/// Every (table, column) pair of the schema, migration bookkeeping left out.
async fn columns(db: &Db) -> BTreeSet<(String, String)> {
    let mut tx = db.begin_read().await.expect("tx");
    let rows: Vec<(String, String)> = match &mut tx {
        Tx::Sqlite(t) => sqlx::query_as(
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE '\\_%' ESCAPE '\\' AND m.name NOT LIKE 'sqlite%'",
        )
        .fetch_all(&mut **t)
        .await
        .expect("sqlite catalog"),
        Tx::Postgres(t) => sqlx::query_as(
            "SELECT table_name::text, column_name::text FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name NOT LIKE '\\_%'",
        )
        .fetch_all(&mut **t)
        .await
        .expect("postgres catalog"),
    };
    rows.into_iter().collect()
}

#[tokio::test]
async fn both_schemas_have_the_same_tables_and_columns() {
    let (lite, _dir) = sqlite().await;
    let lite_cols = columns(&lite).await;
    assert!(lite_cols.contains(&("cases".into(), "later_intake_requested_by".into())));
    assert!(lite_cols.len() > 80, "{} columns", lite_cols.len());
    let Some(pg) = postgres().await else { return };
    let pg_cols = columns(&pg).await;
    let only_sqlite: Vec<_> = lite_cols.difference(&pg_cols).collect();
    let only_pg: Vec<_> = pg_cols.difference(&lite_cols).collect();
    assert!(
        only_sqlite.is_empty() && only_pg.is_empty(),
        "only in SQLite: {only_sqlite:?}; only in PostgreSQL: {only_pg:?}"
    );
}

async fn audit_log_is_append_only(db: &Db) {
    let now = jiff::Timestamp::now();
    let mut tx = db.begin().await.expect("tx");
    let entry = crate::audit::Entry {
        occurred_at: now,
        actor: None,
        action: "test.event",
        object_type: "test",
        object_id: None,
        case_id: None,
        household_id: None,
        detail: serde_json::json!({}),
    };
    crate::audit::append(&mut tx, &entry).await.expect("append");
    tx.commit().await.expect("commit");
    for sql in ["UPDATE audit_log SET action = 'tampered'", "DELETE FROM audit_log"] {
        let mut tx = db.begin().await.expect("tx");
        let result = exec!(&mut tx, |c| sqlx::query(sql).execute(&mut *c).await);
        let err = result.expect_err(sql).to_string();
        assert!(err.contains("append-only"), "{sql}: {err}");
    }
    assert_eq!(db.count_rows("audit_log").await.expect("count"), 1);
}

#[tokio::test]
async fn the_audit_log_refuses_updates_and_deletes() {
    let (lite, _dir) = sqlite().await;
    audit_log_is_append_only(&lite).await;
    if let Some(pg) = postgres().await {
        audit_log_is_append_only(&pg).await;
    }
}
