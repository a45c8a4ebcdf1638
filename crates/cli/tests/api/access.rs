//! The access rules through HTTP: team membership decides, analysts and admins see no
//! client records, and a refused record looks exactly like a missing one.

use serde_json::json;

use crate::harness::{case, household, org, referral_body, spawn};

#[tokio::test]
async fn workers_see_only_their_teams_cases_and_others_get_404() {
    let t = spawn().await;
    let o = org(&t).await;
    let a = case(&o.worker_a, o.district_a, o.team_a, "2026-11-02").await;
    let b = case(&o.worker_b, o.district_b, o.team_b, "2026-11-03").await;
    let missing = o.worker_b.get("/api/v1/cases/999999").await.problem(404);

    for path in [format!("/api/v1/cases/{a}"), format!("/api/v1/cases/{a}/contacts")] {
        let r = o.worker_b.get(&path).await.problem(404);
        assert_eq!(r.body["detail"], missing.body["detail"], "refusal indistinguishable from absence");
        o.analyst.get(&path).await.problem(404);
        o.admin.get(&path).await.problem(404);
    }
    for (step, body) in [
        ("intake", json!({"held_on": "2026-11-04"})),
        ("start", json!({"started_on": "2026-11-05"})),
        ("close", json!({"closed_on": "2026-11-05", "reason": "other"})),
        ("contacts", json!({"contact_on": "2026-11-04", "form": "phone", "minutes": 5})),
    ] {
        o.worker_b.post(&format!("/api/v1/cases/{a}/{step}"), body.clone()).await.problem(404);
        o.analyst.post(&format!("/api/v1/cases/{a}/{step}"), body).await.problem(404);
    }
    assert_eq!(
        o.worker_a.get(&format!("/api/v1/cases/{a}")).await.expect(200)["status"],
        "referred",
        "nothing changed"
    );

    let ids = |v: serde_json::Value| -> Vec<i64> {
        v["items"].as_array().map(|a| a.iter().filter_map(|c| c["id"].as_i64()).collect()).unwrap_or_default()
    };
    assert_eq!(ids(o.worker_a.get("/api/v1/cases").await.expect(200)), vec![a]);
    assert_eq!(ids(o.worker_b.get("/api/v1/cases").await.expect(200)), vec![b]);
    assert_eq!(ids(o.manager.get("/api/v1/cases").await.expect(200)), vec![a, b], "a manager of both teams sees both");
    o.manager.get(&format!("/api/v1/cases/{b}")).await.expect(200);
    o.analyst.get("/api/v1/cases").await.problem(403);
    o.admin.get("/api/v1/cases").await.problem(403);
}

#[tokio::test]
async fn referrals_only_for_own_teams_and_own_households() {
    let t = spawn().await;
    let o = org(&t).await;
    let (h, members) = household(&o.worker_a, o.district_a).await;
    o.worker_a.post("/api/v1/cases", referral_body(h, o.team_b, &members, "2026-11-02")).await.problem(403);
    o.analyst.post("/api/v1/cases", referral_body(h, o.team_a, &members, "2026-11-02")).await.problem(403);
    // Worker B may not attach a referral to a household of team A they cannot see.
    let r = o.worker_b.post("/api/v1/cases", referral_body(h, o.team_b, &members, "2026-11-02")).await.problem(422);
    assert_eq!(r.fields(), vec!["household_id"]);
    // Once the household has a case in team A, the manager of A may use it too.
    o.worker_a.post("/api/v1/cases", referral_body(h, o.team_a, &members, "2026-11-02")).await.expect(201);
    o.manager.get(&format!("/api/v1/households/{h}")).await.expect(200);
    o.worker_b.get(&format!("/api/v1/households/{h}")).await.problem(404);
}
