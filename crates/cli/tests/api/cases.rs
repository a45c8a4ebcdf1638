use serde_json::json;

use crate::harness::{case, household, org, referral_body, spawn};

#[tokio::test]
async fn a_case_goes_from_referral_to_closure() {
    let t = spawn().await;
    let o = org(&t).await;
    let (h, members) = household(&o.worker_a, o.district_a).await;
    // Friday 24 April 2026: King's Day (Monday 27 April) does not count, so day 5 is Monday 4 May.
    let mut body = referral_body(h, o.team_a, &members, "2026-04-24");
    body["life_domains"] = json!(["parenting", "mental_health", "parenting"]);
    let c = o.worker_a.post("/api/v1/cases", body).await.expect(201);
    assert_eq!(c["status"], "referred");
    assert_eq!(c["intake_due_on"], "2026-05-04");
    assert_eq!(c["client_ids"], json!(members));
    assert_eq!(c["life_domains"], json!(["mental_health", "parenting"]));
    assert_eq!(c["clients"][1]["given_name"], "Yassin");
    assert!(c["intake_working_days_left"].as_i64().unwrap_or(0) < 0, "long overdue by now");
    let id = c["id"].as_i64().unwrap_or(0);
    let path = |step: &str| format!("/api/v1/cases/{id}{step}");

    let c = o
        .worker_a
        .post(&path("/intake"), json!({"held_on": "2026-05-04", "worker_id": o.worker_a_id}))
        .await
        .expect(200);
    assert_eq!(c["status"], "intake_held");
    assert_eq!(c["intake_on_time"], true);
    assert_eq!(c["worker_id"], o.worker_a_id);
    assert_eq!(c["start_due_on"], "2026-05-18");
    assert_eq!(c["next_due_on"], "2026-05-18");

    let contact = json!({"contact_on": "2026-05-06", "form": "home_visit", "minutes": 60, "participants": members, "other_participants": "mentor school"});
    let ct = o.worker_a.post(&path("/contacts"), contact).await.expect(201);
    assert_eq!(ct["form"], "home_visit");
    assert_eq!(ct["participants"], json!(members));

    let c = o.worker_a.post(&path("/start"), json!({"started_on": "2026-05-20"})).await.expect(200);
    assert_eq!(c["status"], "in_support");
    assert_eq!(c["start_on_time"], false, "started 16 days after the intake");
    assert_eq!(c["start_within_4_weeks"], true);
    assert_eq!(c["next_due_on"], serde_json::Value::Null);

    o.worker_a
        .post(&path("/contacts"), json!({"contact_on": "2026-06-01", "form": "video", "minutes": 30}))
        .await
        .expect(201);
    assert_eq!(o.worker_a.get(&path("")).await.expect(200)["status"], "in_support");
    let list = o.worker_a.get(&path("/contacts")).await.expect(200);
    assert_eq!(list["items"][0]["contact_on"], "2026-06-01", "most recent first");
    assert_eq!(list["items"].as_array().map(Vec::len), Some(2));

    let close = json!({"closed_on": "2026-09-30", "reason": "result_achieved", "reason_detail": "goals_achieved", "summary": "Doelen bereikt."});
    let c = o.worker_a.post(&path("/close"), close.clone()).await.expect(200);
    assert_eq!(c["status"], "closed");
    assert_eq!(c["closure_reason"], "result_achieved");
    assert_eq!(c["closure_detail"], "goals_achieved");

    // Closing twice, or anything else on a closed case, is a conflict that names the state.
    let r = o.worker_a.post(&path("/close"), close).await.problem(409);
    assert_eq!(r.body["current_status"], "closed");
    let r = o
        .worker_a
        .post(&path("/contacts"), json!({"contact_on": "2026-10-01", "form": "phone", "minutes": 5}))
        .await
        .problem(409);
    assert_eq!(r.body["current_status"], "closed");

    // Every change and every read left an audit row for this case.
    let log = buurtteam_store::audit::for_case(
        &mut t.app.db.begin_read().await.expect("tx"),
        buurtteam_domain::ids::CaseId(id),
    )
    .await
    .expect("log");
    let actions: Vec<&str> = log.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "case.referred",
            "case.intake_held",
            "contact.recorded",
            "case.support_started",
            "contact.recorded",
            "case.read",
            "contact.list",
            "case.closed"
        ]
    );
    assert!(log.iter().all(|r| r.actor_user_id.map(|u| u.0) == Some(o.worker_a_id)));
}

#[tokio::test]
async fn closure_straight_from_referral_and_later_intake_requests_are_kept() {
    let t = spawn().await;
    let o = org(&t).await;
    let (h, members) = household(&o.worker_a, o.district_a).await;
    let mut body = referral_body(h, o.team_a, &members[1..], "2026-11-02");
    body["later_intake_requested_by"] = json!("family");
    body["requested_intake_on"] = json!("2026-11-20");
    let c = o.worker_a.post("/api/v1/cases", body).await.expect(201);
    assert_eq!(c["later_intake_requested_by"], "family");
    assert_eq!(c["requested_intake_on"], "2026-11-20");
    assert_eq!(c["intake_due_on"], "2026-11-09", "the norm stays 5 working days");
    assert_eq!(c["next_due_on"], "2026-11-20", "the worklist plans for the requested date");
    let id = c["id"].as_i64().unwrap_or(0);
    let got = o.worker_a.get(&format!("/api/v1/cases/{id}")).await.expect(200);
    assert_eq!(got["later_intake_requested_by"], "family");

    let close = json!({"closed_on": "2026-11-10", "reason": "other", "reason_detail": "unreachable"});
    let c = o.worker_a.post(&format!("/api/v1/cases/{id}/close"), close).await.expect(200);
    assert_eq!(c["status"], "closed");
    assert_eq!(c["intake_held_on"], serde_json::Value::Null);
}

#[tokio::test]
async fn illegal_steps_are_conflicts_and_write_nothing() {
    let t = spawn().await;
    let o = org(&t).await;
    let id = case(&o.worker_a, o.district_a, o.team_a, "2026-10-05").await;
    let path = |step: &str| format!("/api/v1/cases/{id}{step}");
    let before = (t.count("audit_log").await, t.count("contacts").await);

    let r = o.worker_a.post(&path("/start"), json!({"started_on": "2026-10-08"})).await.problem(409);
    assert_eq!(r.body["current_status"], "referred");
    let r = o.worker_a.post(&path("/intake"), json!({"held_on": "2026-10-01"})).await.problem(409);
    assert!(r.body["detail"].as_str().unwrap_or_default().contains("before"), "{}", r.body);
    let r = o
        .worker_a
        .post(&path("/contacts"), json!({"contact_on": "2026-10-04", "form": "phone", "minutes": 10}))
        .await
        .problem(409);
    assert_eq!(r.body["current_status"], "referred");
    assert_eq!(before, (t.count("audit_log").await, t.count("contacts").await));

    o.worker_a.post(&path("/intake"), json!({"held_on": "2026-10-07"})).await.expect(200);
    o.worker_a.post(&path("/intake"), json!({"held_on": "2026-10-08"})).await.problem(409);
    o.worker_a.post(&path("/start"), json!({"started_on": "2026-10-06"})).await.problem(409);
    let c = o
        .worker_a
        .post(
            &path("/close"),
            json!({"closed_on": "2026-10-09", "reason": "external_circumstances", "reason_detail": "moved"}),
        )
        .await
        .expect(200);
    assert_eq!(c["intake_held_on"], "2026-10-07");
    o.worker_a.post(&path("/start"), json!({"started_on": "2026-10-10"})).await.problem(409);
}

#[tokio::test]
async fn invalid_input_gets_field_errors_and_writes_nothing() {
    let t = spawn().await;
    let o = org(&t).await;
    let (h, members) = household(&o.worker_a, o.district_a).await;
    let before = (t.count("cases").await, t.count("audit_log").await);
    let bad = json!({
        "household_id": h, "team_id": o.team_a, "referred_on": "2026-13-01", "source": "neighbour",
        "request": "  ", "client_ids": [members[0], 987654], "life_domains": ["happiness"],
        "later_intake_requested_by": "referrer"
    });
    let r = o.worker_a.post("/api/v1/cases", bad).await.problem(422);
    assert_eq!(
        r.fields(),
        vec!["referred_on", "source", "request", "life_domains[0]", "requested_intake_on", "client_ids[1]"]
    );
    let source_msg = r.body["errors"][1]["message"].as_str().unwrap_or_default();
    assert!(source_msg.contains("safe_at_home"), "lists accepted codes: {source_msg}");
    let r = o.worker_a.post("/api/v1/cases", json!({})).await.problem(422);
    assert_eq!(
        r.fields(),
        vec!["household_id", "team_id", "referred_on", "source", "request", "life_domains", "client_ids"]
    );
    let future = referral_body(h, o.team_a, &members, "2099-01-01");
    assert_eq!(o.worker_a.post("/api/v1/cases", future).await.problem(422).fields(), vec!["referred_on"]);
    assert_eq!(before, (t.count("cases").await, t.count("audit_log").await));

    let id =
        o.worker_a.post("/api/v1/cases", referral_body(h, o.team_a, &members, "2026-10-05")).await.expect(201)["id"]
            .as_i64()
            .unwrap_or(0);
    let path = |step: &str| format!("/api/v1/cases/{id}{step}");
    assert_eq!(
        o.worker_a.post(&path("/intake"), json!({"held_on": "5 oktober"})).await.problem(422).fields(),
        vec!["held_on"]
    );
    let other_team_worker = json!({"held_on": "2026-10-06", "worker_id": o.worker_b_id});
    assert_eq!(o.worker_a.post(&path("/intake"), other_team_worker).await.problem(422).fields(), vec!["worker_id"]);
    o.worker_a.post(&path("/intake"), json!({"held_on": "2026-10-06"})).await.expect(200);
    let r = o
        .worker_a
        .post(
            &path("/close"),
            json!({"closed_on": "2026-10-07", "reason": "result_achieved", "reason_detail": "moved"}),
        )
        .await
        .problem(422);
    assert_eq!(r.fields(), vec!["reason_detail"]);
    assert!(r.body["errors"][0]["message"].as_str().unwrap_or_default().contains("goals_achieved"));
    let r = o
        .worker_a
        .post(
            &path("/contacts"),
            json!({"contact_on": "2026-10-07", "form": "pigeon", "minutes": 0, "participants": [424242]}),
        )
        .await
        .problem(422);
    assert_eq!(r.fields(), vec!["form", "minutes", "participants[0]"]);
    o.worker_a.post("/api/v1/cases/abc/intake", json!({"held_on": "2026-10-06"})).await.problem(400);
    let r = o
        .worker_a
        .http
        .post(format!("{}/api/v1/cases", t.base))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .expect("send");
    assert_eq!(r.status(), 400);
}

#[tokio::test]
async fn the_worklist_is_sorted_by_deadline_filtered_and_paginated() {
    let t = spawn().await;
    let o = org(&t).await;
    let late = case(&o.worker_a, o.district_a, o.team_a, "2026-11-16").await;
    let early = case(&o.worker_a, o.district_a, o.team_a, "2026-11-02").await;
    let held = case(&o.worker_a, o.district_a, o.team_a, "2026-10-01").await;
    o.worker_a.post(&format!("/api/v1/cases/{held}/intake"), json!({"held_on": "2026-10-05"})).await.expect(200);
    let closed = case(&o.worker_a, o.district_a, o.team_a, "2026-09-01").await;
    o.worker_a
        .post(&format!("/api/v1/cases/{closed}/close"), json!({"closed_on": "2026-09-02", "reason": "other"}))
        .await
        .expect(200);

    let list = o.worker_a.get("/api/v1/cases").await.expect(200);
    let ids: Vec<i64> =
        list["items"].as_array().map(|a| a.iter().filter_map(|c| c["id"].as_i64()).collect()).unwrap_or_default();
    assert_eq!(ids, vec![held, early, late], "earliest deadline first; closed cases are not on the worklist");
    assert_eq!(list["total"], 3);

    let page = o.worker_a.get("/api/v1/cases?limit=2").await.expect(200);
    assert_eq!(page["items"].as_array().map(Vec::len), Some(2));
    assert_eq!(page["next_offset"], 2);
    let rest = o.worker_a.get("/api/v1/cases?limit=2&offset=2").await.expect(200);
    assert_eq!(rest["items"][0]["id"], late);
    assert_eq!(rest["next_offset"], serde_json::Value::Null);

    let only = o.worker_a.get("/api/v1/cases?status=closed").await.expect(200);
    assert_eq!(only["items"][0]["id"], closed);
    assert_eq!(o.worker_a.get("/api/v1/cases?status=all").await.expect(200)["total"], 4);
    assert_eq!(o.worker_a.get(&format!("/api/v1/cases?team_id={}", o.team_a)).await.expect(200)["total"], 3);
    // The documented name is camelCase (API Design Rules); the snake_case one stays accepted.
    assert_eq!(o.worker_a.get(&format!("/api/v1/cases?teamId={}", o.team_a)).await.expect(200)["total"], 3);
    let r = o.worker_a.get(&format!("/api/v1/cases?team_id={}&status=sleeping&limit=500", o.team_b)).await.problem(422);
    assert_eq!(r.fields(), vec!["status", "limit", "team_id"]);
    o.worker_a.get("/api/v1/cases?limit=abc").await.problem(400);
}
