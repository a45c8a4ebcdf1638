//! Staff absence (decision 0036): HR records and reads everyone's spells, a team manager those
//! of the people of their teams (not their own), a staff member reads their own; analysts no
//! spell at all. Never a reason: a `reason` field is refused, and no row of the log holds one.

use jiff::Timestamp;
use serde_json::json;

use crate::harness::*;

const NOW: &str = "2031-03-10T09:00:00Z";

#[tokio::test]
async fn absence_spells_are_recorded_and_read_by_whom_the_rules_allow() {
    let t = spawn().await;
    t.app.clock.set(NOW.parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let manager_a_id = t.create_user(None, "ma@test.nl", "Fatma Öztürk", "team_manager", &[o.team_a]).await;
    t.create_user(None, "hr@test.nl", "Cem Şahin", "hr", &[]).await;
    let manager_a = t.login("ma@test.nl").await;
    let hr = t.login("hr@test.nl").await;
    let of = |id: i64| format!("/api/v1/users/{id}/absences");

    // The team manager records a half spell for a worker of their team.
    let mark = t.audit_mark().await;
    let spell = manager_a
        .post(
            &of(o.worker_a_id),
            json!({"starts_on": "2031-03-02", "expected_back_on": "2031-03-20", "percentage": 50}),
        )
        .await
        .expect(201);
    assert_eq!(
        (spell["starts_on"].as_str(), spell["ends_on"].as_str(), spell["percentage"].as_i64()),
        (Some("2031-03-02"), None, Some(50))
    );
    let spell_id = spell["id"].as_i64().unwrap_or(0);
    // Not for someone of another team, not for themselves; a worker records none, not even
    // their own; an unknown person is a 404.
    manager_a.post(&of(o.worker_b_id), json!({"starts_on": "2031-03-02"})).await.problem(403);
    manager_a.post(&of(manager_a_id), json!({"starts_on": "2031-03-02"})).await.problem(403);
    o.worker_a.post(&of(o.worker_a_id), json!({"starts_on": "2031-03-02"})).await.problem(403);
    manager_a.post(&of(999_999), json!({"starts_on": "2031-03-02"})).await.problem(404);

    // Never a reason; dates and the percentage checked.
    let bad = manager_a.post(&of(o.worker_a_id), json!({"starts_on": "2031-03-02", "reason": "griep"})).await;
    assert!(bad.status.is_client_error(), "a reason is refused: {}", bad.status);
    let bad = manager_a.post(&of(o.worker_a_id), json!({"starts_on": "2031-03-11"})).await.problem(422);
    assert_eq!(bad.body["errors"][0]["code"], "future_date", "{}", bad.body);
    let bad = manager_a
        .post(&of(o.worker_a_id), json!({"starts_on": "2031-03-02", "expected_back_on": "2031-03-01"}))
        .await
        .problem(422);
    assert_eq!(bad.fields(), vec!["expected_back_on"]);
    let bad =
        manager_a.post(&of(o.worker_a_id), json!({"starts_on": "2031-03-02", "percentage": 0})).await.problem(422);
    assert_eq!(bad.fields(), vec!["percentage"]);
    manager_a.post(&of(o.worker_a_id), json!({})).await.problem(422);

    // Who reads the spells: the person, their manager, HR; not a colleague, not an analyst.
    let own = o.worker_a.get(&of(o.worker_a_id)).await.expect(200);
    assert_eq!(own["items"].as_array().map(Vec::len), Some(1), "{own}");
    manager_a.get(&of(o.worker_a_id)).await.expect(200);
    hr.get(&of(o.worker_a_id)).await.expect(200);
    o.worker_b.get(&of(o.worker_a_id)).await.problem(403);
    o.analyst.get(&of(o.worker_a_id)).await.problem(403);
    manager_a.get(&of(o.worker_b_id)).await.problem(403);

    // HR records for anyone, the team manager included.
    hr.post(&of(manager_a_id), json!({"starts_on": "2031-03-09"})).await.expect(201);
    assert_eq!(manager_a.get(&of(manager_a_id)).await.expect(200)["items"][0]["percentage"], 100);

    // The end: not in the future, not before the start.
    let path = format!("/api/v1/absences/{spell_id}");
    let bad = manager_a.patch(&path, json!({"ends_on": "2031-03-01"})).await.problem(422);
    assert_eq!(bad.body["errors"][0]["code"], "before_start", "{}", bad.body);
    manager_a.patch(&path, json!({"ends_on": "2031-03-11"})).await.problem(422);
    o.worker_a.patch(&path, json!({"ends_on": "2031-03-09"})).await.problem(403);
    manager_a.patch("/api/v1/absences/999999", json!({"ends_on": "2031-03-09"})).await.problem(404);
    let ended = manager_a.patch(&path, json!({"ends_on": "2031-03-09"})).await.expect(200);
    assert_eq!(ended["ends_on"], "2031-03-09");

    // The log: what was recorded and read, with the refusals, and nowhere a reason.
    let rows = t.audit_since(mark).await;
    let count = |action: &str| rows.iter().filter(|r| r.action == action).count();
    assert_eq!(count("absence.recorded"), 2);
    assert_eq!(count("absence.changed"), 1);
    assert!(count("absence.read") >= 4);
    assert!(count("organisation.access_refused") >= 7, "refusals are logged");
    assert!(rows.iter().all(|r| !r.detail.to_string().contains("griep")), "no reason anywhere in the log");
}
