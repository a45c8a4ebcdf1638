//! The chain's own promises on both backends: appended rows verify, concurrent writers keep
//! every chain whole, rows older than the chain are sealed once, and pseudonymising a
//! destroyed file's rows leaves the chain verifying. (Tampering around the application is
//! tested with the `audit verify` command.)

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::ids::CaseId;
use jiff::Timestamp;

use super::*;
use crate::audit::{Entry, append};

async fn sqlite() -> (Db, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("dir");
    let db = Db::connect(&format!("sqlite://{}", dir.path().join("t.db").display())).await.expect("connect");
    db.migrate().await.expect("migrate");
    (db, dir)
}

async fn postgres() -> Option<Db> {
    let Some(admin) = crate::testing::postgres_admin_url() else {
        eprintln!("PostgreSQL half skipped: BUURTTEAM_TEST_PG is not set (scripts/test sets it)");
        return None;
    };
    let db = Db::connect(&crate::testing::create_postgres_database(&admin, "bt_chain")).await.expect("connect");
    db.migrate().await.expect("migrate");
    Some(db)
}

fn entry(case: i64, detail: &str) -> Entry {
    Entry {
        occurred_at: Timestamp::from_second(1_930_000_000).expect("ts") + jiff::SignedDuration::from_nanos(123_456_789),
        actor: None,
        action: AuditAction::CaseRead,
        object_type: "case",
        object_id: Some(case),
        case_id: Some(CaseId(case)),
        household_id: None,
        client_id: None,
        acting_for: None,
        goal_id: None,
        session_ref: Some("s".into()),
        detail: serde_json::json!({ "note": detail }),
    }
}

async fn log(db: &Db, case: i64, detail: &str) {
    let e = entry(case, detail);
    crate::audit::log(db, e).await.expect("log");
}

async fn chain_promises(db: &Db) {
    assert_eq!(verify(db).await.expect("verify").rows, 0);
    for i in 0..5 {
        log(db, 1 + i % 2, "Öztürk belde om 23:10").await;
    }
    // Concurrent writers, each on its own connection (its own chain on PostgreSQL).
    let mut tasks = Vec::new();
    for i in 0..16 {
        let db = db.clone();
        tasks.push(tokio::spawn(async move {
            for _ in 0..5 {
                log(&db, 10 + i, "gelijktijdig").await;
            }
        }));
    }
    for t in tasks {
        t.await.expect("task");
    }
    // A transaction that rolls back leaves no trace in the chain.
    let mut tx = db.begin().await.expect("tx");
    append(&mut tx, &entry(3, "teruggedraaid")).await.expect("append");
    drop(tx);

    let v = verify(db).await.expect("verify");
    assert_eq!(v.rows, 85, "{v:?}");
    assert!(v.broken.is_empty(), "{v:?}");
    assert_eq!(v.heads.iter().map(|h| h.seq).sum::<i64>(), 85);

    let mut tx = db.begin().await.expect("tx");
    let n = pseudonymise(&mut tx, Scope::Case(CaseId(1)), Timestamp::from_second(1_930_001_000).expect("ts"))
        .await
        .expect("pseudonymise");
    tx.commit().await.expect("commit");
    assert_eq!(n, 3);
    // Pseudonymised rows of a file that has no tombstone: someone blanked them (decision 0024).
    let v = verify(db).await.expect("verify");
    assert_eq!(v.first_broken().map(|b| b.problem.clone()), Some(Problem::PseudonymisedWithoutTombstone), "{v:?}");
    // With the file's tombstone they are what destruction leaves.
    let mut tx = db.begin().await.expect("tx");
    for sql in [
        "INSERT INTO teams (id, name, kind, created_at) VALUES (1, 'Buurtteam Noord', 'neighbourhood', '2030-01-01T00:00:00Z')",
        "INSERT INTO case_tombstones (case_id, team_id, referred_on, last_change_on, reason, destroyed_at, \
         household_destroyed, deleted_counts) VALUES (1, 1, '2030-01-01', '2030-01-01', 'request', \
         '2030-02-01T00:00:00Z', FALSE, '{}')",
    ] {
        exec!(&mut tx, |c| sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&mut *c).await).expect("tombstone");
    }
    tx.commit().await.expect("commit");
    let v = verify(db).await.expect("verify");
    assert!(v.broken.is_empty(), "{v:?}");
    assert_eq!(v.pseudonymised, 3);
    let mut tx = db.begin_read().await.expect("tx");
    let rows = crate::audit::for_case(&mut tx, CaseId(1)).await.expect("rows");
    assert!(rows.iter().all(|r| r.detail == PSEUDONYMISED_DETAIL), "{rows:?}");
    // Its other rows are as they were.
    let rows = crate::audit::for_case(&mut tx, CaseId(2)).await.expect("rows");
    assert!(rows.iter().all(|r| r.detail.contains("Öztürk")), "{rows:?}");
}

#[tokio::test]
async fn appended_rows_verify_on_both_backends_also_when_written_concurrently_and_pseudonymised() {
    let (lite, _dir) = sqlite().await;
    chain_promises(&lite).await;
    if let Some(pg) = postgres().await {
        chain_promises(&pg).await;
    }
}

/// Rows written before migration 0022 are sealed when the server starts; a row slipped in
/// afterwards without a hash is never sealed, and shows.
async fn sealing(db: &Db) {
    let insert = "INSERT INTO audit_log (occurred_at, action, object_type, detail) \
                  VALUES ('2030-01-01T00:00:00Z', 'case.read', 'case', '{}')";
    let mut tx = db.begin().await.expect("tx");
    // As if these rows predate the chain: below the recorded boundary, not yet sealed.
    exec!(&mut tx, |c| sqlx::query(insert).execute(&mut *c).await).expect("insert");
    exec!(&mut tx, |c| sqlx::query(insert).execute(&mut *c).await).expect("insert");
    exec!(&mut tx, |c| sqlx::query("UPDATE audit_chain_legacy SET below_id = 1000, sealed_at = NULL")
        .execute(&mut *c)
        .await)
    .expect("boundary");
    tx.commit().await.expect("commit");
    assert!(!verify(db).await.expect("verify").broken.is_empty());
    assert_eq!(seal_unchained(db).await.expect("seal"), 2);
    let v = verify(db).await.expect("verify");
    assert!(v.broken.is_empty(), "{v:?}");
    assert_eq!(v.rows, 2);
    log(db, 1, "na het verzegelen").await;

    let mut tx = db.begin().await.expect("tx");
    exec!(&mut tx, |c| sqlx::query(insert).execute(&mut *c).await).expect("insert");
    tx.commit().await.expect("commit");
    assert_eq!(seal_unchained(db).await.expect("seal"), 0);
    let v = verify(db).await.expect("verify");
    assert_eq!(v.first_broken().map(|b| b.problem.clone()), Some(Problem::Unchained), "{v:?}");
}

#[tokio::test]
async fn rows_older_than_the_chain_are_sealed_once() {
    let (lite, _dir) = sqlite().await;
    sealing(&lite).await;
    if let Some(pg) = postgres().await {
        sealing(&pg).await;
    }
}
