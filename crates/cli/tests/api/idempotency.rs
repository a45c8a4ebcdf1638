use crate::harness::{household, household_body, org, referral_body, spawn};

#[tokio::test]
async fn a_retried_post_with_the_same_key_creates_nothing_twice() {
    let t = spawn().await;
    let o = org(&t).await;
    let (h, members) = household(&o.worker_a, o.district_a).await;
    let body = referral_body(h, o.team_a, &members, "2026-11-02");
    let before = t.count("cases").await;

    let first = o.worker_a.post_with_key("/api/v1/cases", "retry-1", body.clone()).await;
    assert_eq!(first.status, 201);
    let again = o.worker_a.post_with_key("/api/v1/cases", "retry-1", body.clone()).await;
    assert_eq!(again.status, 201);
    assert_eq!(again.headers.get("idempotent-replayed").and_then(|v| v.to_str().ok()), Some("true"));
    assert_eq!(again.body, first.body, "the first result, not a new case");
    assert_eq!(t.count("cases").await, before + 1);

    // The same key with another body is refused; another user's identical key is theirs alone.
    let mut other = body.clone();
    other["request"] = serde_json::json!("Iets anders.");
    o.worker_a.post_with_key("/api/v1/cases", "retry-1", other).await.problem(422);
    let managers = o.manager.post_with_key("/api/v1/cases", "retry-1", body.clone()).await.expect(201);
    assert_ne!(managers["id"], first.body["id"]);

    // A failed request releases its key: correcting the input and retrying works.
    let mut bad = body.clone();
    bad["source"] = serde_json::json!("unknown");
    o.worker_a.post_with_key("/api/v1/cases", "retry-2", bad).await.problem(422);
    o.worker_a.post_with_key("/api/v1/cases", "retry-2", body.clone()).await.expect(201);

    // Without a key every POST is new.
    o.worker_a.post("/api/v1/cases", body.clone()).await.expect(201);
    o.worker_a.post("/api/v1/cases", body).await.expect(201);
    assert_eq!(t.count("cases").await, before + 5);
}

/// The actions of audit rows, in order.
fn actions(rows: &[buurtteam_store::audit::Row]) -> Vec<&str> {
    rows.iter().map(|r| r.action.as_str()).collect()
}

/// A retry keeps nothing of the first answer: it is logged, and answered by reading the
/// resource again as its caller may see it now. Who has lost access since gets the 404
/// anyone gets, without the names, birth dates and BSN the first answer held.
#[tokio::test]
async fn a_replay_is_logged_and_shows_only_what_the_caller_may_still_see() {
    let t = spawn().await;
    let o = org(&t).await;
    let body = household_body(o.district_a);
    let first = o.worker_a.post_with_key("/api/v1/households", "hh-1", body.clone()).await;
    assert_eq!(first.status, 201, "{}", first.body);
    assert!(first.text.contains("123456782"), "the first answer holds the BSN");
    let h = first.body["id"].as_i64().unwrap_or(0);
    let location = format!("/api/v1/households/{h}");
    assert_eq!(first.headers.get("location").and_then(|v| v.to_str().ok()), Some(location.as_str()));

    // While she may see it, a retry is the first status with the household read again: the
    // retry and that read are both in the log.
    let mark = t.audit_mark().await;
    let again = o.worker_a.post_with_key("/api/v1/households", "hh-1", body.clone()).await;
    assert_eq!(again.status, 201);
    assert_eq!(again.headers.get("idempotent-replayed").and_then(|v| v.to_str().ok()), Some("true"));
    assert_eq!(again.headers.get("location").and_then(|v| v.to_str().ok()), Some(location.as_str()));
    assert_eq!(again.body, first.body);
    let rows = t.audit_since(mark).await;
    assert_eq!(actions(&rows), ["request.replayed", "household.read"]);
    assert_eq!(rows[0].actor_user_id.map(|u| u.0), Some(o.worker_a_id));
    assert_eq!(rows[0].object_type, "request");
    assert!(rows[0].detail.contains("/api/v1/households") && rows[0].detail.contains(&location), "{}", rows[0].detail);
    assert_eq!(t.count("households").await, 1, "nothing made twice");

    // The household gets a case in team A, and she leaves team A: it is no longer hers to see.
    let members: Vec<i64> = first.body["members"]
        .as_array()
        .map(|m| m.iter().filter_map(|x| x["id"].as_i64()).collect())
        .unwrap_or_default();
    o.worker_a.post("/api/v1/cases", referral_body(h, o.team_a, &members[..1], "2026-11-02")).await.expect(201);
    t.leave_team(o.worker_a_id, o.team_a).await;
    let mark = t.audit_mark().await;
    let late = o.worker_a.post_with_key("/api/v1/households", "hh-1", body).await.problem(404);
    assert_eq!(late.headers.get("idempotent-replayed").and_then(|v| v.to_str().ok()), Some("true"));
    for client_data in ["123456782", "El Amrani", "Samira", "1986-03-14", "Zamenhofdreef"] {
        assert!(!late.text.contains(client_data), "{client_data} in {}", late.text);
    }
    let rows = t.audit_since(mark).await;
    assert_eq!(actions(&rows), ["request.replayed", "household.access_refused"]);
    let missing = o.worker_a.get("/api/v1/households/999999").await.problem(404);
    assert_eq!(late.text, missing.text, "the same answer as for a household that does not exist");
    assert_eq!(t.count("households").await, 1);
}

/// Keys are remembered for 24 hours on the application's clock; after that the same key is a
/// new request, and expired keys are deleted (on the next claim, or by the hourly job).
#[tokio::test]
async fn a_key_used_again_after_24_hours_is_a_new_request() {
    let t = spawn().await;
    let o = org(&t).await;
    let (h, members) = household(&o.worker_a, o.district_a).await;
    let body = referral_body(h, o.team_a, &members, "2026-11-02");
    let first = o.worker_a.post_with_key("/api/v1/cases", "daily", body.clone()).await.expect(201);
    o.manager.post_with_key("/api/v1/cases", "managers-key", body.clone()).await.expect(201);
    assert_eq!(t.count("idempotency_keys").await, 2);
    let cases = t.count("cases").await;

    // 23 hours on (a new session: the old one has ended): still a retry.
    t.app.clock.advance(jiff::SignedDuration::from_hours(23));
    let worker = t.login("a@test.nl").await;
    let retry = worker.post_with_key("/api/v1/cases", "daily", body.clone()).await.expect(201);
    assert_eq!(retry["id"], first["id"]);
    assert_eq!(t.count("cases").await, cases);

    // Past 24 hours: a new request, a new case; both old keys are gone, the new one is kept.
    t.app.clock.advance(jiff::SignedDuration::from_mins(61));
    let worker = t.login("a@test.nl").await;
    let fresh = worker.post_with_key("/api/v1/cases", "daily", body.clone()).await;
    assert_eq!(fresh.status, 201, "{}", fresh.body);
    assert!(fresh.headers.get("idempotent-replayed").is_none());
    assert_ne!(fresh.body["id"], first["id"]);
    assert_eq!(t.count("cases").await, cases + 1);
    assert_eq!(t.count("idempotency_keys").await, 1, "expired keys are deleted");
    // ... and from now on it is a retry again.
    let again = worker.post_with_key("/api/v1/cases", "daily", body).await.expect(201);
    assert_eq!(again["id"], fresh.body["id"]);

    // Nobody claims a key for a day: the hourly job deletes the expired one all the same.
    let worker = buurtteam_app::jobs::Worker::new(t.app.clone(), buurtteam_app::jobs::Registry::builtin());
    worker.run_due().await.expect("jobs");
    assert_eq!(t.count("idempotency_keys").await, 1, "a live key stays");
    t.app.clock.advance(jiff::SignedDuration::from_hours(25));
    worker.run_due().await.expect("jobs");
    assert_eq!(t.count("idempotency_keys").await, 0, "the job deletes expired keys");
}
