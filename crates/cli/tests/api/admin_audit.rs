//! The admin log through HTTP: admins read the changes made in the administration, filtered by
//! period and actor, with before and after; nobody else reads it, and no read of client data
//! is ever in it. On the backend under test.

use jiff::Timestamp;
use serde_json::{Value, json};

use crate::harness::{child_referred, org, spawn};

fn actions(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .map(|a| a.iter().filter_map(|r| r["action"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn admins_read_admin_changes_by_period_and_actor_and_nothing_of_clients() {
    let t = spawn().await;
    t.app.clock.set("2031-03-03T09:00:00Z".parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    // The next day: a closure day, and casework that must not show.
    t.app.clock.set("2031-03-04T09:00:00Z".parse::<Timestamp>().unwrap_or_default());
    let admin = t.login("admin@test.nl").await;
    let worker = t.login("a@test.nl").await;
    admin.post("/api/v1/closure-days", json!({"day": "2031-12-24", "description": "Kerstavond"})).await.expect(201);
    let (case, _) = child_referred(&worker, o.district_a, o.team_a, "2031-03-03").await;
    worker.get(&format!("/api/v1/cases/{case}")).await.expect(200);

    let all = admin.get("/api/v1/admin/audit").await.expect(200);
    let got = actions(&all);
    assert!(got.contains(&"team.created".to_owned()) && got.contains(&"closure_day.added".to_owned()), "{got:?}");
    for a in &got {
        let kind = buurtteam_domain::audit::AuditAction::parse(a);
        assert!(kind.is_some_and(|k| k.is_admin_change()), "{a} is no admin change");
    }
    assert!(!got.iter().any(|a| a.starts_with("case.") || a.starts_with("household.")), "{got:?}");
    // Newest first, with who, when and what.
    assert_eq!(got[0], "closure_day.added");
    let first = &all["items"][0];
    assert!(first["actor_name"].is_string(), "{first}");
    assert_eq!(first["after"]["day"], "2031-12-24", "{first}");
    assert!(first["occurred_at"].as_str().is_some_and(|s| s.starts_with("2031-03-04")));

    // By period: the day before holds the set-up, the day itself the closure day.
    let day1 = actions(&admin.get("/api/v1/admin/audit?from=2031-03-03&to=2031-03-03").await.expect(200));
    assert!(day1.contains(&"team.created".to_owned()) && !day1.contains(&"closure_day.added".to_owned()), "{day1:?}");
    let day2 = actions(&admin.get("/api/v1/admin/audit?from=2031-03-04").await.expect(200));
    assert_eq!(day2, ["closure_day.added"]);
    // By actor: the admin made them all; a worker made none.
    let admin_id = first["actor_id"].as_i64().unwrap_or(0);
    let by_admin: Vec<String> = all["items"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|r| r["actor_id"] == admin_id)
                .filter_map(|r| r["action"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(by_admin.len(), got.len() - 1, "all but the first admin, made by the system");
    assert_eq!(actions(&admin.get(&format!("/api/v1/admin/audit?actor_id={admin_id}")).await.expect(200)), by_admin);
    let none = admin.get(&format!("/api/v1/admin/audit?actorId={}", o.worker_a_id)).await.expect(200);
    assert_eq!((none["total"].as_i64(), actions(&none).len()), (Some(0), 0));
    // By action.
    assert_eq!(actions(&admin.get("/api/v1/admin/audit?action=closure_day.added").await.expect(200)), day2);
    let r = admin.get("/api/v1/admin/audit?action=case.read").await.problem(422);
    assert_eq!(r.fields(), ["action"]);
    let r = admin.get("/api/v1/admin/audit?from=2031-03-05&to=2031-03-04").await.problem(422);
    assert_eq!(r.fields(), ["to"]);

    // Nobody else reads it.
    let (manager, analyst) = (t.login("m@test.nl").await, t.login("an@test.nl").await);
    for c in [&worker, &manager, &analyst] {
        c.get("/api/v1/admin/audit").await.problem(403);
    }
}
