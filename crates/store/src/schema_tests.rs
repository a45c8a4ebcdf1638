//! Checks of the two schemas themselves: they must not drift apart, and the audit log must
//! refuse updates and deletes on both. The PostgreSQL half runs when `BUURTTEAM_TEST_PG`
//! names a server (scripts/test starts one; CI always does).

use std::collections::BTreeSet;

use buurtteam_domain::codes::ReferralSource;
use buurtteam_domain::ids::{CaseId, DistrictId, TeamId, UserId};

use crate::{Db, Tx, cases, households};

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
        client_id: None,
        acting_for: None,
        goal_id: None,
        session_ref: None,
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

/// Registers a household in `district` with one case; returns the case and its stored district.
async fn case_in(tx: &mut Tx, district: DistrictId, team: TeamId, worker: UserId) -> (CaseId, i64) {
    let now = jiff::Timestamp::now();
    let day = jiff::civil::date(2026, 4, 1);
    let address = households::Address {
        street: "Straat".into(),
        house_number: "1".into(),
        postcode: "3500AA".into(),
        city: "Utrecht".into(),
    };
    let (household, _) = households::insert(tx, &address, district, &[], worker, now).await.expect("household");
    let new = cases::NewCase {
        household_id: household,
        team_id: team,
        referred_on: day,
        source: ReferralSource::Gp,
        request: "help",
        client_ids: &[],
        life_domains: &[],
        later_intake_requested_by: None,
        requested_intake_on: None,
        intake_due_on: day,
        next_due_on: Some(day),
        created_by: worker,
    };
    let id = cases::insert(tx, &new, now).await.expect("case");
    let stored: i64 = on!(tx, |c| sqlx::query_scalar("SELECT district_id FROM cases WHERE id = $1")
        .bind(id.0)
        .fetch_one(&mut *c)
        .await)
    .expect("district");
    (id, stored)
}

/// A new case takes the district of its household (docs/kpi.md, "Scope"), and a case without
/// a district is refused (NOT NULL on PostgreSQL, triggers on SQLite).
async fn cases_carry_their_households_district(db: &Db) {
    use buurtteam_domain::codes::{Role, TeamKind};

    use crate::organisation;

    let now = jiff::Timestamp::now();
    let mut tx = db.begin().await.expect("tx");
    let west = organisation::insert_district(&mut tx, "West", now).await.expect("district");
    let east = organisation::insert_district(&mut tx, "Oost", now).await.expect("district");
    let team =
        organisation::insert_team(&mut tx, "Team West", TeamKind::Neighbourhood, Some(west), now).await.expect("team");
    let user = organisation::NewUser {
        email: "w@example.org",
        name: "W",
        role: Role::FamilyWorker,
        password_hash: "x",
        team_ids: &[team],
    };
    let worker = organisation::insert_user(&mut tx, &user, now).await.expect("user");
    let (_, in_west) = case_in(&mut tx, west, team, worker).await;
    let (east_case, in_east) = case_in(&mut tx, east, team, worker).await;
    assert_eq!((in_west, in_east), (west.0, east.0));
    tx.commit().await.expect("commit");

    let mut tx = db.begin().await.expect("tx");
    let cleared = exec!(&mut tx, |c| sqlx::query("UPDATE cases SET district_id = NULL WHERE id = $1")
        .bind(east_case.0)
        .execute(&mut *c)
        .await);
    let err = cleared.expect_err("a case without district").to_string();
    assert!(err.contains("district_id"), "{err}");
}

#[tokio::test]
async fn a_case_has_the_district_of_its_household() {
    let (lite, _dir) = sqlite().await;
    cases_carry_their_households_district(&lite).await;
    if let Some(pg) = postgres().await {
        cases_carry_their_households_district(&pg).await;
    }
}
