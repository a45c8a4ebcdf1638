//! Data repair through HTTP (decision 0020): a team manager voids a referral registered by
//! mistake, with a reason, and it leaves every list and figure but stays readable; a team
//! manager merges a household registered twice, and both access logs stay readable. On the
//! backend under test; the clock stands at Tuesday 4 March 2031.

use jiff::Timestamp;
use serde_json::{Value, json};

use crate::harness::{Client, child_referred, household, org, portal_account, referral_body, spawn};

fn at_noon(t: &crate::harness::TestApp) {
    t.app.clock.set("2031-03-04T12:00:00Z".parse::<Timestamp>().unwrap_or_default());
}

/// The team's figures (its manager), the city's (an analyst) for February, and the team's
/// caseload.
async fn everything(manager: &Client, analyst: &Client, team: i64) -> Vec<Value> {
    vec![
        manager.get(&format!("/api/v1/kpis?from=2031-02-01&to=2031-02-28&team_id={team}")).await.expect(200),
        analyst.get("/api/v1/kpis?from=2031-02-01&to=2031-02-28").await.expect(200),
        manager.get(&format!("/api/v1/teams/{team}/caseload")).await.expect(200),
    ]
}

fn ids(list: &Value) -> Vec<i64> {
    list["items"].as_array().map(|a| a.iter().filter_map(|c| c["id"].as_i64()).collect()).unwrap_or_default()
}

#[tokio::test]
async fn a_manager_voids_a_mistaken_referral_with_a_reason_and_it_counts_nowhere() {
    let t = spawn().await;
    at_noon(&t);
    let o = org(&t).await;
    let w = &o.worker_a;
    let (real, _) = child_referred(w, o.district_a, o.team_a, "2031-02-10").await;
    w.post(&format!("/api/v1/cases/{real}/intake"), json!({"held_on": "2031-02-12"})).await.expect(200);
    let before = everything(&o.manager, &o.analyst, o.team_a).await;
    let list_before = ids(&w.get("/api/v1/cases?limit=100").await.expect(200));

    // Registered twice by mistake: it shows everywhere until it is voided.
    let (mistake, _) = child_referred(w, o.district_a, o.team_a, "2031-02-24").await;
    w.post(
        &format!("/api/v1/cases/{mistake}/contacts"),
        json!({"contact_on": "2031-02-25", "form": "phone", "minutes": 10}),
    )
    .await
    .expect(201);
    assert_ne!(everything(&o.manager, &o.analyst, o.team_a).await, before, "the mistake counts until it is voided");
    let path = format!("/api/v1/cases/{mistake}/void");
    let mark = t.audit_mark().await;

    // Refused: a worker (403), another team's worker (404), no reason (422), a bad code.
    w.post(&path, json!({"reason_code": "duplicate", "reason": "Dubbel"})).await.problem(403);
    o.worker_b.post(&path, json!({"reason_code": "duplicate", "reason": "Dubbel"})).await.problem(404);
    let r = o.manager.post(&path, json!({"reason_code": "duplicate"})).await.problem(422);
    assert_eq!(r.fields(), ["reason"]);
    let r = o.manager.post(&path, json!({"reason": "  ", "reason_code": "oops"})).await.problem(422);
    assert_eq!(r.fields(), ["reason_code", "reason"]);
    // Only before the intake: a case with its intake held is closed instead.
    let r = o
        .manager
        .post(&format!("/api/v1/cases/{real}/void"), json!({"reason_code": "duplicate", "reason": "x"}))
        .await
        .problem(409);
    assert_eq!(r.body["current_status"], "intake_held");
    assert_eq!(t.count("case_corrections").await, 0, "nothing refused was saved");

    let c = o
        .manager
        .post(&path, json!({"reason_code": "duplicate", "reason": "Twee keer ingevoerd door de intake"}))
        .await
        .expect(200);
    assert_eq!(c["voided"]["reason_code"], "duplicate");
    assert_eq!(c["voided"]["reason"], "Twee keer ingevoerd door de intake");
    assert_eq!(c["voided"]["voided_on"], "2031-03-04");
    assert_eq!(c["next_due_on"], Value::Null, "nothing falls due any more");

    // Out of every figure and list: exactly as before it was registered.
    assert_eq!(everything(&o.manager, &o.analyst, o.team_a).await, before);
    assert_eq!(ids(&w.get("/api/v1/cases?limit=100").await.expect(200)), list_before);
    let waiting = w.get(&format!("/api/v1/cases?status=referred&team_id={}", o.team_a)).await.expect(200);
    assert!(!ids(&waiting).contains(&mistake), "{waiting}");

    // Still readable by its team, with the void in its history and its log.
    let read = w.get(&format!("/api/v1/cases/{mistake}")).await.expect(200);
    assert_eq!(read["voided"]["reason_code"], "duplicate");
    let log = o.manager.get(&format!("/api/v1/cases/{mistake}/access-log")).await.expect(200);
    assert!(log.as_array().is_some_and(|a| a.iter().any(|r| r["action"] == "case.voided")), "{log}");
    let rows = t.audit_since(mark).await;
    let voided: Vec<_> = rows.iter().filter(|r| r.action == "case.voided").collect();
    assert_eq!(voided.len(), 1);
    assert!(voided[0].detail.contains("\"reason_code\":\"duplicate\""), "{}", voided[0].detail);
    assert_eq!(t.count("case_corrections").await, 1, "kept in the history");

    // Nothing more happens on it; voiding twice is a conflict.
    o.manager.post(&path, json!({"reason_code": "duplicate", "reason": "nog eens"})).await.problem(409);
    w.post(&format!("/api/v1/cases/{mistake}/intake"), json!({"held_on": "2031-03-03"})).await.problem(409);
}

#[tokio::test]
async fn a_manager_merges_a_household_registered_twice_and_both_logs_stay_readable() {
    let t = spawn().await;
    at_noon(&t);
    let o = org(&t).await;
    let w = &o.worker_a;
    // The family registered twice, each with a case of team A.
    let (first, first_members) = household(w, o.district_a).await;
    let (second, second_members) = household(w, o.district_a).await;
    let case_1 = w
        .post("/api/v1/cases", referral_body(first, o.team_a, &first_members[1..], "2031-02-10"))
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    let case_2 =
        w.post("/api/v1/cases", referral_body(second, o.team_a, &second_members[1..], "2031-02-11")).await.expect(201)
            ["id"]
            .as_i64()
            .unwrap_or(0);
    let mother = portal_account(&t, w, case_2, second_members[0], "samira@example.nl").await;
    w.get(&format!("/api/v1/cases/{case_2}")).await.expect(200);
    let portal_before = mother.get("/api/v1/portal/access-log").await.expect(200);
    let manager_log_before = o.manager.get(&format!("/api/v1/cases/{case_2}/access-log")).await.expect(200);

    let merge = format!("/api/v1/households/{first}/merge");
    // A worker may not; a manager of only another team does not learn the households exist.
    w.post(&merge, json!({"merged_household_id": second})).await.problem(403);
    let only_b = t.create_user(None, "mb@test.nl", "Manager B", "team_manager", &[o.team_b]).await;
    assert!(only_b > 0);
    let manager_b = t.login("mb@test.nl").await;
    manager_b.post(&merge, json!({"merged_household_id": second})).await.problem(404);
    // Not into itself; the other household is required.
    let r = o.manager.post(&merge, json!({"merged_household_id": first})).await.problem(422);
    assert_eq!(r.body["errors"][0]["code"], "same_household");
    o.manager.post(&merge, json!({})).await.problem(422);
    // A household with a case of a team the manager does not manage is refused too.
    let team_c_case = {
        let (third, m) = household(&o.worker_b, o.district_b).await;
        o.worker_b.post("/api/v1/cases", referral_body(third, o.team_b, &m[1..], "2031-02-12")).await.expect(201);
        third
    };
    let manager_a = {
        t.create_user(None, "ma@test.nl", "Manager A", "team_manager", &[o.team_a]).await;
        t.login("ma@test.nl").await
    };
    manager_a.post(&merge, json!({"merged_household_id": team_c_case})).await.problem(404);
    assert_eq!(t.count("households").await, 3);

    let mark = t.audit_mark().await;
    let m = o.manager.post(&merge, json!({"merged_household_id": second})).await.expect(200);
    assert_eq!(m["members_moved"], 2);
    assert_eq!(m["case_ids_moved"], json!([case_2]));

    // Members and cases follow the surviving household; the same people are both kept.
    let h = w.get(&format!("/api/v1/households/{first}")).await.expect(200);
    assert_eq!(h["members"].as_array().map(Vec::len), Some(4), "{h}");
    let c = w.get(&format!("/api/v1/cases/{case_2}")).await.expect(200);
    assert_eq!(c["household_id"], first);
    // An old link to the merged household leads to the one that remained.
    let old = w.get(&format!("/api/v1/households/{second}")).await.expect(200);
    assert_eq!(old["id"], first);
    // Merging again is refused.
    let r = o.manager.post(&merge, json!({"merged_household_id": second})).await.problem(422);
    assert_eq!(r.body["errors"][0]["code"], "already_merged");

    // Rows on both households and on the case that moved, in one go.
    let rows = t.audit_since(mark).await;
    let merged: Vec<_> = rows.iter().filter(|r| r.action == "household.merged").collect();
    assert_eq!(merged.len(), 3, "{merged:?}");
    let on = |h: i64| merged.iter().filter(|r| r.household_id.map(|x| x.0) == Some(h)).count();
    assert_eq!((on(first), on(second)), (2, 1));
    assert!(merged.iter().any(|r| r.case_id.map(|c| c.0) == Some(case_2)));

    // Both access logs stay readable, with every earlier row.
    let manager_log = o.manager.get(&format!("/api/v1/cases/{case_2}/access-log")).await.expect(200);
    let n = |v: &Value| v.as_array().map_or(0, Vec::len);
    assert!(n(&manager_log) > n(&manager_log_before), "{manager_log}");
    assert!(manager_log.as_array().is_some_and(|a| a.iter().any(|r| r["action"] == "household.merged")));
    let portal = mother.get("/api/v1/portal/access-log").await.expect(200);
    assert!(n(&portal) >= n(&portal_before) && n(&portal_before) > 0, "{portal}");
    o.manager.get(&format!("/api/v1/cases/{case_1}/access-log")).await.expect(200);
}
