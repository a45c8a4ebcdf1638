//! A record that exists but is not yours to see answers exactly as one that does not exist:
//! the same status, the same bytes, and the same work (one refusal row in the audit log), on
//! every case, plan and portal endpoint with an id, for staff of another team and for a
//! network member (belangrijke ander) alike.

use serde_json::{Value, json};

use crate::harness::{Client, PASSWORD, Reply, TestApp, case, org, spawn};

/// Sends `method path body` as `who`.
async fn send(who: &Client, method: &str, path: &str, body: &Value) -> Reply {
    match method {
        "GET" => who.get(path).await,
        "PATCH" => who.patch(path, body.clone()).await,
        "DELETE" => who.delete(path).await,
        _ => who.post(path, body.clone()).await,
    }
}

/// `who` asks for `existing` and for `missing` in the same way: both answers are the same
/// 404 byte for byte, and both leave exactly one refusal row of the same kind.
async fn same_answer(t: &TestApp, who: &Client, name: &str, method: &str, existing: &str, missing: &str, body: &Value) {
    let mut seen = Vec::new();
    for path in [existing, missing] {
        let mark = t.audit_mark().await;
        let r = send(who, method, path, body).await;
        let rows = t.audit_since(mark).await;
        assert_eq!(r.status.as_u16(), 404, "{name}: {method} {path}: {}", r.text);
        assert_eq!(rows.len(), 1, "{name}: {method} {path} leaves one row: {rows:?}");
        assert!(rows[0].action.ends_with(".access_refused"), "{name}: {method} {path}: {rows:?}");
        let content_type = r.headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        seen.push((r.text, content_type, rows[0].action.clone()));
    }
    assert_eq!(seen[0], seen[1], "{name}: {method} {existing} and {missing} must not be told apart");
}

fn id(v: &Value) -> i64 {
    v["id"].as_i64().unwrap_or(0)
}

#[tokio::test]
async fn refused_and_missing_ids_get_the_same_404_on_every_endpoint() {
    let t = spawn().await;
    let o = org(&t).await;
    let w = &o.worker_a;
    let goal = json!({"life_domain": "housing", "title": "Een eigen plek", "client_id": null});
    // Case 1 with a goal the network member is invited onto; case 2 she has nothing to do with.
    let c1 = case(w, o.district_a, o.team_a, "2026-11-02").await;
    let g1 = id(&w.post(&format!("/api/v1/cases/{c1}/goals"), goal.clone()).await.expect(201));
    let invitation = json!({"name": "Karin", "relation": "buurvrouw", "email": "karin@example.nl"});
    let inv = w.post(&format!("/api/v1/goals/{g1}/network-invitations"), invitation).await.expect(201);
    Client::new(&t.base)
        .post(
            "/api/v1/portal/activate",
            json!({"code": inv["code"], "email": "karin@example.nl", "password": PASSWORD}),
        )
        .await
        .expect(201);
    let karin = t.login("karin@example.nl").await;
    karin.get("/api/v1/portal/plan").await.expect(200);

    let c2 = case(w, o.district_a, o.team_a, "2026-11-02").await;
    let g2 = id(&w.post(&format!("/api/v1/cases/{c2}/goals"), goal.clone()).await.expect(201));
    let action = json!({"description": "Woningnet bellen", "performer": "family_worker"});
    let a2 = id(&w.post(&format!("/api/v1/goals/{g2}/actions"), action.clone()).await.expect(201));
    let opa = json!({"name": "Opa", "relation": "opa", "email": "opa@example.nl"});
    let i2 = id(&w.post(&format!("/api/v1/goals/{g2}/network-invitations"), opa.clone()).await.expect(201));
    let parent = w.get(&format!("/api/v1/cases/{c2}")).await.expect(200)["client_ids"][0].as_i64().unwrap_or(0);
    let code =
        w.post(&format!("/api/v1/cases/{c2}/portal-invitations"), json!({"person_id": parent})).await.expect(201);
    Client::new(&t.base)
        .post(
            "/api/v1/portal/activate",
            json!({"code": code["code"], "email": "ouder@example.nl", "password": PASSWORD}),
        )
        .await
        .expect(201);
    let proposal = t
        .login("ouder@example.nl")
        .await
        .post(&format!("/api/v1/goals/{g2}/proposals"), json!({"title": "Een huis met een tuin"}))
        .await
        .expect(201);
    let p2 = id(&proposal);

    let none = json!({});
    let case_level: Vec<(&str, &str, Value)> = vec![
        ("GET", "", none.clone()),
        ("GET", "/contacts", none.clone()),
        ("POST", "/intake", json!({"held_on": "2026-11-04"})),
        ("POST", "/contacts", json!({"contact_on": "2026-11-04", "form": "phone", "minutes": 5})),
        ("GET", "/plan", none.clone()),
        ("GET", "/plan/versions", none.clone()),
        ("GET", "/access-log", none.clone()),
        ("GET", "/working-notes", none.clone()),
        ("POST", "/working-notes", json!({"body": "Notitie"})),
        ("POST", "/goals", goal.clone()),
        ("POST", "/evaluations", json!({"held_on": "2026-11-04", "went_well": "x", "changes": "y"})),
        (
            "POST",
            "/appointments",
            json!({"starts_at": "2030-01-07T10:00", "place": "Kantoor", "description": "Gesprek"}),
        ),
        ("POST", "/agreements", json!({"person_id": parent})),
        ("POST", "/portal-invitations", json!({"person_id": parent})),
    ];
    let score = json!({"measured_on": "2026-11-04", "score": 3});
    let goal_level: Vec<(&str, &str, Value)> = vec![
        ("PATCH", "", json!({"title": "Anders"})),
        ("POST", "/comments", json!({"body": "Opmerking"})),
        ("POST", "/scores", score),
        ("POST", "/actions", action),
        ("POST", "/proposals", json!({"title": "Voorstel"})),
        ("POST", "/network-invitations", opa),
    ];
    let missing = 999_999;
    let mut checked = 0;
    // Staff of another team, and a network member: on her own case as a whole (not hers
    // either: she sees one goal) and on a case she has nothing to do with.
    for (who, name, cases) in
        [(&o.worker_b, "worker of another team", vec![c2]), (&karin, "network member", vec![c1, c2])]
    {
        for c in cases {
            for (method, tail, body) in &case_level {
                let (existing, absent) = (format!("/api/v1/cases/{c}{tail}"), format!("/api/v1/cases/{missing}{tail}"));
                same_answer(&t, who, name, method, &existing, &absent, body).await;
                checked += 1;
            }
        }
        for (method, tail, body) in &goal_level {
            let (existing, absent) = (format!("/api/v1/goals/{g2}{tail}"), format!("/api/v1/goals/{missing}{tail}"));
            same_answer(&t, who, name, method, &existing, &absent, body).await;
            checked += 1;
        }
        for (method, existing, absent, body) in [
            ("PATCH", format!("/api/v1/actions/{a2}"), format!("/api/v1/actions/{missing}"), json!({"done": true})),
            (
                "POST",
                format!("/api/v1/proposals/{p2}/decision"),
                format!("/api/v1/proposals/{missing}/decision"),
                json!({"accept": true}),
            ),
            (
                "DELETE",
                format!("/api/v1/network-invitations/{i2}"),
                format!("/api/v1/network-invitations/{missing}"),
                none.clone(),
            ),
        ] {
            same_answer(&t, who, name, method, &existing, &absent, &body).await;
            checked += 1;
        }
    }
    assert_eq!(checked, case_level.len() * 3 + (goal_level.len() + 3) * 2);

    // A household of another team and one that does not exist.
    let h2 = w.get(&format!("/api/v1/cases/{c2}")).await.expect(200)["household_id"].as_i64().unwrap_or(0);
    let none = json!({});
    same_answer(
        &t,
        &o.worker_b,
        "household",
        "GET",
        &format!("/api/v1/households/{h2}"),
        "/api/v1/households/999999",
        &none,
    )
    .await;
    // Nothing of this reached the plan.
    let versions = w.get(&format!("/api/v1/cases/{c2}/plan/versions")).await.expect(200);
    assert_eq!(versions.as_array().map(Vec::len), Some(3), "goal, action, invitation: {versions}");
}
