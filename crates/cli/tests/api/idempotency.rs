use crate::harness::{household, org, referral_body, spawn};

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
