//! Putting a case right through HTTP: a worker corrects a wrongly entered date with a reason,
//! the KPIs follow the corrected value, the old value stays in the audit log; a team manager
//! reopens a closed case. On the backend under test; the clock stands at Tuesday 4 March 2031.

use jiff::Timestamp;
use serde_json::json;

use crate::harness::{child_referred, org, spawn};

#[tokio::test]
async fn a_wrong_intake_date_is_corrected_with_a_reason_and_the_figures_follow() {
    let t = spawn().await;
    t.app.clock.set("2031-03-04T09:00:00Z".parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let w = &o.worker_a;
    // Referred Monday 3 February: the intake is due on the 10th.
    let (id, _) = child_referred(w, o.district_a, o.team_a, "2031-02-03").await;
    let path = |s: &str| format!("/api/v1/cases/{id}/{s}");
    // Typed the 20th for the 7th: late on paper.
    let c = w.post(&path("intake"), json!({"held_on": "2031-02-20"})).await.expect(200);
    assert_eq!(c["intake_on_time"], false);
    let figures = format!("/api/v1/kpis?from=2031-02-01&to=2031-02-28&team_id={}", o.team_a);
    assert_eq!(o.manager.get(&figures).await.expect(200)["intake_within_5_working_days_pct"], 0.0);
    let mark = t.audit_mark().await;

    // Bad corrections change nothing.
    let before = t.count("case_corrections").await;
    w.post(&path("corrections"), json!({"intake_held_on": "2031-02-07"})).await.problem(422); // no reason
    let r =
        w.post(&path("corrections"), json!({"intake_held_on": "2031-01-30", "reason": "typfout"})).await.problem(422);
    assert_eq!(r.body["errors"][0]["code"], "before_referral");
    let r = w.post(&path("corrections"), json!({"started_on": "2031-02-21", "reason": "typfout"})).await.problem(422);
    assert_eq!(r.body["errors"][0]["code"], "not_recorded", "no start to correct yet");
    let r =
        w.post(&path("corrections"), json!({"intake_held_on": "2031-02-20", "reason": "typfout"})).await.problem(422);
    assert_eq!(r.body["errors"][0]["code"], "no_change");
    w.post(&path("corrections"), json!({"intake_held_on": "2031-03-05", "reason": "typfout"})).await.problem(422); // future
    assert_eq!(t.count("case_corrections").await, before);

    let c = w
        .post(
            &path("corrections"),
            json!({"intake_held_on": "2031-02-07", "reason": "Typfout: 20 in plaats van 7 februari"}),
        )
        .await
        .expect(200);
    assert_eq!((c["intake_held_on"].as_str(), c["intake_on_time"].as_bool()), (Some("2031-02-07"), Some(true)));
    assert_eq!(c["start_due_on"], "2031-02-21", "the start deadline follows the intake");
    assert_eq!(
        o.manager.get(&figures).await.expect(200)["intake_within_5_working_days_pct"],
        100.0,
        "the figures follow"
    );
    let rows = t.audit_since(mark).await;
    let corrected = rows.iter().find(|r| r.action == "case.corrected").map(|r| r.detail.clone()).unwrap_or_default();
    assert!(corrected.contains("intake_held_on"), "{corrected}");
    assert_eq!(t.count("case_corrections").await, before + 1);

    // Another team's worker learns nothing; a worker may not reopen.
    o.worker_b.post(&path("corrections"), json!({"intake_held_on": "2031-02-06", "reason": "x"})).await.problem(404);
    w.post(&path("close"), json!({"closed_on": "2031-03-03", "reason": "other", "reason_detail": "unreachable"}))
        .await
        .expect(200);
    w.post(&path("reopen"), json!({"reason": "Gezin belde terug"})).await.problem(403);
    o.manager.post(&path("reopen"), json!({})).await.problem(422);
    let c = o.manager.post(&path("reopen"), json!({"reason": "Gezin belde terug"})).await.expect(200);
    assert_eq!((c["status"].as_str(), c["closed_on"].as_str()), (Some("intake_held"), None));
    assert_eq!(c["next_due_on"], "2031-02-21", "waiting for the start again, overdue");
    o.manager.post(&path("reopen"), json!({"reason": "nog eens"})).await.problem(409);
    assert_eq!(t.count("case_corrections").await, before + 2, "the closure is kept in the history");
}

#[tokio::test]
async fn a_contact_moment_is_corrected_with_a_reason_and_stays_in_the_history() {
    let t = spawn().await;
    t.app.clock.set("2031-03-04T09:00:00Z".parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let w = &o.worker_a;
    let (id, _) = child_referred(w, o.district_a, o.team_a, "2031-02-24").await;
    let contact = w
        .post(
            &format!("/api/v1/cases/{id}/contacts"),
            json!({"contact_on": "2031-03-03", "form": "phone", "minutes": 5}),
        )
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    let path = format!("/api/v1/cases/{id}/contacts/{contact}/corrections");
    let before = t.count("case_corrections").await;
    let r = w.post(&path, json!({"contact_on": "2031-02-20", "reason": "typfout"})).await.problem(422);
    assert_eq!(r.body["errors"][0]["code"], "before_referral");
    w.post(&path, json!({"minutes": 0, "reason": "typfout"})).await.problem(422);
    w.post(&path, json!({"minutes": 5, "reason": "typfout"})).await.problem(422); // no change
    w.post(&format!("/api/v1/cases/{id}/contacts/999999/corrections"), json!({"minutes": 50, "reason": "x"}))
        .await
        .problem(422);
    assert_eq!(t.count("case_corrections").await, before);

    let c = w
        .post(&path, json!({"minutes": 50, "form": "home_visit", "reason": "Was een huisbezoek van 50 minuten"}))
        .await
        .expect(200);
    assert_eq!((c["minutes"].as_i64(), c["form"].as_str()), (Some(50), Some("home_visit")));
    assert_eq!(t.count("case_corrections").await, before + 2, "one row per field changed");
    // Another team's worker learns nothing of the case.
    o.worker_b.post(&path, json!({"minutes": 40, "reason": "x"})).await.problem(404);
}
