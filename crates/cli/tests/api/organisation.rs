use serde_json::json;

use crate::harness::{PASSWORD, org, spawn};

#[tokio::test]
async fn admin_builds_the_organisation_and_others_may_not() {
    let t = spawn().await;
    let o = org(&t).await;
    let teams = o.worker_a.get("/api/v1/teams").await.expect(200);
    assert_eq!(teams["items"].as_array().map(Vec::len), Some(2));
    let districts = o.analyst.get("/api/v1/districts").await.expect(200);
    assert_eq!(districts["items"][0]["name"], "Overvecht");

    o.worker_a.post("/api/v1/districts", json!({"name": "Oost"})).await.problem(403);
    o.manager.post("/api/v1/teams", json!({"name": "X", "district_id": o.district_a})).await.problem(403);
    o.analyst.get("/api/v1/users").await.problem(403);
    let users = o.admin.get("/api/v1/users").await.expect(200);
    let worker = users["items"]
        .as_array()
        .and_then(|u| u.iter().find(|x| x["email"] == "a@test.nl").cloned())
        .unwrap_or_default();
    assert_eq!(worker["team_ids"], json!([o.team_a]));
    assert!(worker.get("password_hash").is_none() && worker.get("password").is_none());

    // A city-wide school team needs no district.
    let school =
        o.admin.post("/api/v1/teams", json!({"name": "VO-team", "kind": "secondary_school"})).await.expect(201);
    assert_eq!(school["district_id"], serde_json::Value::Null);
}

#[tokio::test]
async fn duplicates_conflict_and_invalid_input_names_the_fields() {
    let t = spawn().await;
    let o = org(&t).await;
    o.admin.post("/api/v1/districts", json!({"name": "Overvecht"})).await.problem(409);
    let r = o.admin.post("/api/v1/teams", json!({"name": "", "kind": "castle"})).await.problem(422);
    assert_eq!(r.fields(), vec!["name", "kind"]);
    let r = o.admin.post("/api/v1/teams", json!({"name": "Zonder wijk"})).await.problem(422);
    assert_eq!(r.fields(), vec!["district_id"]);
    let r = o.admin.post("/api/v1/teams", json!({"name": "Spook", "district_id": 999})).await.problem(422);
    assert!(r.body["errors"][0]["message"].as_str().unwrap_or_default().contains("999"));

    let bad = json!({"email": "geen-adres", "name": "", "role": "boss", "team_ids": [12345], "password": "kort"});
    let r = o.admin.post("/api/v1/users", bad).await.problem(422);
    assert_eq!(r.fields(), vec!["email", "name", "role", "password", "team_ids[0]"]);
    let dup = json!({"email": "A@test.nl", "name": "Dubbel", "role": "analyst", "team_ids": [], "password": PASSWORD});
    o.admin.post("/api/v1/users", dup).await.problem(409);
    let no_team =
        json!({"email": "c@test.nl", "name": "C", "role": "family_worker", "team_ids": [], "password": PASSWORD});
    assert_eq!(o.admin.post("/api/v1/users", no_team).await.problem(422).fields(), vec!["team_ids"]);
}

#[tokio::test]
async fn closure_days_move_waiting_intake_deadlines() {
    let t = spawn().await;
    let o = org(&t).await;
    // Monday 2 November 2026: due Monday 9 November.
    let id = crate::harness::case(&o.worker_a, o.district_a, o.team_a, "2026-11-02").await;
    assert_eq!(o.worker_a.get(&format!("/api/v1/cases/{id}")).await.expect(200)["intake_due_on"], "2026-11-09");
    o.worker_a.post("/api/v1/closure-days", json!({"day": "2026-11-04", "description": "Teamdag"})).await.problem(403);
    o.admin.post("/api/v1/closure-days", json!({"day": "2026-11-04", "description": "Teamdag"})).await.expect(201);
    o.admin.post("/api/v1/closure-days", json!({"day": "2026-11-04", "description": "Nogmaals"})).await.problem(409);
    assert_eq!(o.worker_a.get("/api/v1/closure-days").await.expect(200)["items"][0]["day"], "2026-11-04");
    assert_eq!(o.worker_a.get(&format!("/api/v1/cases/{id}")).await.expect(200)["intake_due_on"], "2026-11-10");
    o.admin.delete("/api/v1/closure-days/2026-11-04").await.expect(204);
    o.admin.delete("/api/v1/closure-days/2026-11-04").await.problem(404);
    assert_eq!(o.worker_a.get(&format!("/api/v1/cases/{id}")).await.expect(200)["intake_due_on"], "2026-11-09");
}
