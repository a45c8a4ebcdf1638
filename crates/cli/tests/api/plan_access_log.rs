//! The family's access log in Mijn Buurtteam: repeated views on one day are one row with a
//! count, and a network member's read names the goal they saw, shown only to those who may see
//! that goal (SQLite, or PostgreSQL with `BUURTTEAM_TEST_PG`).

use jiff::Timestamp;
use serde_json::{Value, json};

use crate::harness::portal_account;
use crate::harness::{Client, PASSWORD, org, spawn};
use crate::plan::{family, goal};

fn rows(log: &Value) -> Vec<Value> {
    log.as_array().cloned().unwrap_or_default()
}

#[tokio::test]
async fn repeated_views_are_grouped_and_a_network_member_viewed_a_goal() {
    let t = spawn().await;
    let o = org(&t).await;
    let f = family(&t, &o).await;
    let w = &o.worker_a;
    let house = goal(w, f.case, "Rust in huis", None, false).await;
    let mothers_goal = goal(w, f.case, "Samira regelt haar schulden", Some(f.mother), false).await;
    let mother = portal_account(&t, w, f.case, f.mother, "samira@example.nl").await;
    let youth = portal_account(&t, w, f.case, f.youth, "noor@example.nl").await;

    // One moment, so every read below falls on one day whatever the day the test runs.
    t.app.clock.set(Timestamp::now());
    for _ in 0..4 {
        w.get(&format!("/api/v1/cases/{}/plan", f.case)).await.expect(200);
    }
    w.patch(&format!("/api/v1/goals/{house}"), json!({"title": "Elke avond rust"})).await.expect(200);

    // The mother invites a friend onto her own goal; the friend looks twice.
    let inv = mother
        .post(
            &format!("/api/v1/goals/{mothers_goal}/network-invitations"),
            json!({"name": "Karin de Vriendin", "relation": "vriendin", "email": "karin@example.nl"}),
        )
        .await
        .expect(201);
    let code = inv["code"].as_str().unwrap_or_default().to_owned();
    Client::new(&t.base)
        .post("/api/v1/portal/activate", json!({"code": code, "email": "karin@example.nl", "password": PASSWORD}))
        .await
        .expect(201);
    let karin = t.login("karin@example.nl").await;
    karin.get("/api/v1/portal/plan").await.expect(200);
    karin.get("/api/v1/portal/plan").await.expect(200);

    // The team manager's log keeps every row, one per read.
    let full = rows(&o.manager.get(&format!("/api/v1/cases/{}/access-log", f.case)).await.expect(200));
    let worker_reads = full.iter().filter(|r| r["action"] == "plan.read" && r["actor_name"] == "Test Persoon").count();
    assert!(worker_reads >= 4, "{full:?}");
    assert!(full.iter().all(|r| r["times"] == 1), "the team manager's log is not grouped");
    let karins: Vec<&Value> = full.iter().filter(|r| r["actor_role"] == "network_member").collect();
    assert!(
        karins.iter().filter(|r| r["action"] == "plan.read").all(|r| r["goal_id"] == mothers_goal),
        "a network member's read names the goal: {karins:?}"
    );

    // The mother's log: the worker's reads of that day are one row with a count.
    let log = rows(&mother.get("/api/v1/portal/access-log").await.expect(200));
    let reads: Vec<&Value> =
        log.iter().filter(|r| r["action"] == "plan.read" && r["actor_name"] == "Test Persoon").collect();
    assert_eq!(reads.len(), 1, "{log:?}");
    assert_eq!(reads[0]["times"].as_u64(), Some(worker_reads as u64), "{log:?}");
    // A change is its own row.
    assert!(log.iter().any(|r| r["action"] == "goal.changed" && r["goal_id"] == house && r["times"] == 1), "{log:?}");
    // Karin viewed the mother's goal, by title, twice; never "the plan".
    let karin_rows: Vec<&Value> = log.iter().filter(|r| r["actor_name"] == "Karin de Vriendin").collect();
    assert!(!karin_rows.is_empty(), "{log:?}");
    for r in &karin_rows {
        assert_eq!(r["goal_id"], mothers_goal, "{r}");
        assert_eq!(r["goal_title"], "Samira regelt haar schulden", "{r}");
    }
    let karin_read = karin_rows.iter().find(|r| r["action"] == "plan.read").copied().unwrap_or(&Value::Null);
    assert_eq!(karin_read["times"], 2, "{log:?}");

    // The 17-year-old may not see her mother's goal: nothing of Karin in her log.
    let hers = rows(&youth.get("/api/v1/portal/access-log").await.expect(200));
    assert!(hers.iter().all(|r| r["actor_name"] != "Karin de Vriendin"), "{hers:?}");
    assert!(hers.iter().all(|r| r["goal_id"] != mothers_goal), "{hers:?}");
    assert!(hers.iter().any(|r| r["action"] == "plan.read" && r["times"].as_u64() >= Some(4)), "{hers:?}");
}
