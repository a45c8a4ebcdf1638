//! Emergency access through HTTP (decision 0023): a worker of another team breaks the glass
//! with a reason, reads the file for a limited time, can change nothing, and the family sees
//! that it happened; the privacy officer reviews every grant and the reports of unusual
//! access. On the backend under test; the clock stands at Tuesday 4 March 2031, 02:00 UTC (a
//! crisis call at night).

use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};

use crate::harness::{Client, TestApp, child_referred, org, portal_account, spawn};

fn at_night(t: &TestApp) -> Timestamp {
    let now = "2031-03-04T02:00:00Z".parse::<Timestamp>().unwrap_or_default();
    t.app.clock.set(now);
    now
}

const REASON: &str = "Crisisdienst belde: moeder in paniek, kind niet thuisgekomen.";

async fn privacy_officer(t: &TestApp) -> Client {
    t.create_user(None, "fg@test.nl", "Fenna Grootveld", "privacy_officer", &[]).await;
    t.login("fg@test.nl").await
}

fn count(rows: &[buurtteam_store::audit::Row], action: &str) -> usize {
    rows.iter().filter(|r| r.action == action).count()
}

#[tokio::test]
async fn a_worker_of_another_team_reads_under_a_grant_changes_nothing_and_loses_it_when_it_ends() {
    let t = spawn().await;
    let now = at_night(&t);
    let o = org(&t).await;
    let (case, members) = child_referred(&o.worker_a, o.district_a, o.team_a, "2031-03-03").await;
    let mother = portal_account(&t, &o.worker_a, case, members[0], "samira@example.nl").await;
    let household = o.worker_a.get(&format!("/api/v1/cases/{case}")).await.expect(200)["household_id"].as_i64();
    let b = &o.worker_b;
    let path = format!("/api/v1/cases/{case}/emergency-access");

    // Another team's case: not there, as ever.
    b.get(&format!("/api/v1/cases/{case}")).await.problem(404);
    // A reason is required, of at least 10 characters.
    let r = b.post(&path, json!({})).await.problem(422);
    assert_eq!(r.fields(), ["reason"]);
    let r = b.post(&path, json!({"reason": "crisis"})).await.problem(422);
    assert_eq!(r.body["errors"][0]["code"], "too_short", "{}", r.body);
    let r = b.post(&path, json!({"reason": "x".repeat(501)})).await.problem(422);
    assert_eq!(r.body["errors"][0]["code"], "too_long", "{}", r.body);
    assert_eq!(t.count("emergency_grants").await, 0);

    let mark = t.audit_mark().await;
    let granted = b.post(&path, json!({"reason": REASON})).await.expect(201);
    let until: Timestamp = granted["until"].as_str().unwrap_or_default().parse().expect("until");
    assert_eq!(until, now + SignedDuration::from_hours(4));
    assert_eq!(granted["case_id"], case);

    // The file reads as for its own team: the case, its household, contacts and plan.
    let read = b.get(&format!("/api/v1/cases/{case}")).await.expect(200);
    assert_eq!(read["id"], case);
    b.get(&format!("/api/v1/households/{}", household.unwrap_or_default())).await.expect(200);
    b.get(&format!("/api/v1/cases/{case}/contacts")).await.expect(200);
    b.get(&format!("/api/v1/cases/{case}/plan")).await.expect(200);
    // Nothing changes under it: a 403 (the worker knows the case exists now).
    b.post(&format!("/api/v1/cases/{case}/intake"), json!({"held_on": "2031-03-03"})).await.problem(403);
    b.post(
        &format!("/api/v1/cases/{case}/contacts"),
        json!({"contact_on": "2031-03-03", "form": "phone", "minutes": 5}),
    )
    .await
    .problem(403);
    b.post(&format!("/api/v1/cases/{case}/working-notes"), json!({"body": "Gebeld"})).await.problem(403);
    // The case's access log is the team manager's, not a crisis need.
    b.get(&format!("/api/v1/cases/{case}/access-log")).await.problem(403);

    // Granting is logged with the reason; every read is flagged beside its own row.
    let rows = t.audit_since(mark).await;
    let grant_row = rows.iter().find(|r| r.action == "case.emergency_access_granted").expect("grant row");
    assert_eq!(grant_row.case_id.map(|c| c.0), Some(case));
    let detail: Value = serde_json::from_str(&grant_row.detail).unwrap_or_default();
    assert_eq!(detail["reason"], REASON);
    assert_eq!(count(&rows, "case.emergency_read"), 4, "case, household, contacts, plan");
    assert_eq!(count(&rows, "case.read"), 1);
    assert_eq!(count(&rows, "household.read"), 1);
    assert!(rows.iter().all(|r| r.action != "case.intake_held" && r.action != "contact.recorded"));

    // The family sees that it happened, when and by whom; not the reason.
    let log = mother.get("/api/v1/portal/access-log").await.expect(200);
    let theirs: Vec<&Value> = log.as_array().into_iter().flatten().collect();
    assert!(theirs.iter().any(|r| r["action"] == "case.emergency_access_granted"), "{log}");
    assert!(theirs.iter().any(|r| r["action"] == "case.emergency_read" && r["actor_name"] == "Test Persoon"), "{log}");
    assert!(!log.to_string().contains("Crisisdienst"), "the reason is not the family's: {log}");

    // The grant ends at its hour: the case is another team's again.
    t.app.clock.set(until);
    // (Four hours on, the session has ended too: a new log-in.)
    let b = &t.login("b@test.nl").await;
    b.get(&format!("/api/v1/cases/{case}")).await.problem(404);
    b.get(&format!("/api/v1/cases/{case}/plan")).await.problem(404);
    b.get(&format!("/api/v1/households/{}", household.unwrap_or_default())).await.problem(404);
    // Its own team never needed it.
    t.login("a@test.nl").await.get(&format!("/api/v1/cases/{case}")).await.expect(200);
}

#[tokio::test]
async fn only_workers_and_managers_ask_not_for_their_own_team_and_an_unknown_case_is_a_logged_404() {
    let t = spawn().await;
    at_night(&t);
    let o = org(&t).await;
    let (case, _) = child_referred(&o.worker_a, o.district_a, o.team_a, "2031-03-03").await;
    let officer = privacy_officer(&t).await;
    let body = json!({"reason": REASON});
    let path = format!("/api/v1/cases/{case}/emergency-access");

    // Pointless for the own team: a 422 with its code.
    let r = o.worker_a.post(&path, body.clone()).await.problem(422);
    assert_eq!(r.body["errors"][0]["code"], "own_team", "{}", r.body);
    assert_eq!(r.fields(), ["case_id"]);
    // Analysts, admins and the privacy officer do not work with client files: 403, logged.
    let mark = t.audit_mark().await;
    for c in [&o.analyst, &o.admin, &officer] {
        c.post(&path, body.clone()).await.problem(403);
    }
    let rows = t.audit_since(mark).await;
    assert_eq!(count(&rows, "organisation.access_refused") + count(&rows, "case.access_refused"), 3, "{rows:?}");
    // A case that does not exist answers as an unknown case does everywhere, and is logged.
    let mark = t.audit_mark().await;
    let unknown = o.worker_b.post("/api/v1/cases/987654/emergency-access", body.clone()).await.problem(404);
    let elsewhere = o.worker_b.get("/api/v1/cases/987654").await.problem(404);
    assert_eq!(unknown.body["title"], elsewhere.body["title"]);
    assert_eq!(unknown.body["detail"], elsewhere.body["detail"]);
    let rows = t.audit_since(mark).await;
    assert_eq!(count(&rows, "case.access_refused"), 2, "{rows:?}");
    assert_eq!(t.count("emergency_grants").await, 0);
    // The manager of both teams needs none either.
    o.manager.post(&path, body).await.problem(422);
}

#[tokio::test]
async fn the_privacy_officer_reviews_every_grant_and_nobody_else_sees_them() {
    let t = spawn().await;
    at_night(&t);
    let o = org(&t).await;
    let (case, _) = child_referred(&o.worker_a, o.district_a, o.team_a, "2031-03-03").await;
    let officer = privacy_officer(&t).await;
    let grant = o.worker_b.post(&format!("/api/v1/cases/{case}/emergency-access"), json!({"reason": REASON})).await;
    let grant = grant.expect(201)["id"].as_i64().unwrap_or_default();
    o.worker_b.get(&format!("/api/v1/cases/{case}")).await.expect(200);
    o.worker_b.get(&format!("/api/v1/cases/{case}/contacts")).await.expect(200);

    let list = officer.get("/api/v1/privacy/emergency-accesses").await.expect(200);
    let g = &list[0];
    assert_eq!((g["id"].as_i64(), g["case_id"].as_i64()), (Some(grant), Some(case)));
    assert_eq!(g["user_id"], o.worker_b_id);
    assert_eq!(g["team_name"], "Buurtteam Overvecht");
    assert_eq!(g["reason"], REASON);
    assert_eq!(g["reads"], 2);
    assert!(g["review"].is_null());
    // Logs, never content: no names of the family, no request text.
    assert!(!list.to_string().contains("El Amrani") && !list.to_string().contains("woede"), "{list}");

    let review = format!("/api/v1/privacy/emergency-accesses/{grant}/review");
    let r = officer.post(&review, json!({})).await.problem(422);
    assert_eq!(r.fields(), ["justified", "note"]);
    officer
        .post("/api/v1/privacy/emergency-accesses/999999/review", json!({"justified": true, "note": "Ok"}))
        .await
        .problem(404);
    let mark = t.audit_mark().await;
    let done = officer.post(&review, json!({"justified": true, "note": "Nachtdienst, terecht."})).await.expect(200);
    assert_eq!(done["review"]["justified"], true);
    assert_eq!(done["review"]["reviewed_by_name"], "Fenna Grootveld");
    assert_eq!(count(&t.audit_since(mark).await, "emergency_access.reviewed"), 1);

    // Nobody else: workers, managers, analysts, admins (403).
    for c in [&o.worker_a, &o.worker_b, &o.manager, &o.analyst, &o.admin] {
        c.get("/api/v1/privacy/emergency-accesses").await.problem(403);
        c.post(&review, json!({"justified": false, "note": "Nee"})).await.problem(403);
        c.get("/api/v1/privacy/unusual-access").await.problem(403);
        c.post(
            "/api/v1/privacy/unusual-access/review",
            json!({"kind": "family_name", "user_id": 1, "subject": "1", "justified": true, "note": "x"}),
        )
        .await
        .problem(403);
    }
    let after = officer.get("/api/v1/privacy/emergency-accesses").await.expect(200);
    assert_eq!(after[0]["review"]["note"], "Nachtdienst, terecht.");
}

#[tokio::test]
async fn unusual_access_many_files_the_readers_family_name_and_a_colleagues_household() {
    let t = spawn().await;
    let now = at_night(&t);
    let o = org(&t).await;
    let officer = privacy_officer(&t).await;
    // A worker who shares the family's name (El Amrani), in team A with worker A.
    t.create_user(None, "k@test.nl", "Karim el Amrani", "family_worker", &[o.team_a]).await;
    let karim = t.login("k@test.nl").await;
    let mut cases = Vec::new();
    for _ in 0..11 {
        cases.push(child_referred(&o.worker_a, o.district_a, o.team_a, "2031-03-03").await.0);
    }
    // Worker A opens 11 files within a few minutes; Karim opens one of his namesakes.
    for (i, c) in cases.iter().enumerate() {
        t.app.clock.set(now + SignedDuration::from_mins(i as i64));
        o.worker_a.get(&format!("/api/v1/cases/{c}")).await.expect(200);
    }
    karim.get(&format!("/api/v1/cases/{}", cases[0])).await.expect(200);

    let report = officer.get("/api/v1/privacy/unusual-access?from=2031-03-01&to=2031-03-04").await.expect(200);
    assert_eq!((report["many_files_cases"].as_i64(), report["many_files_minutes"].as_i64()), (Some(10), Some(15)));
    let rows = report["rows"].as_array().cloned().unwrap_or_default();
    let of = |kind: &str, user: i64| rows.iter().filter(|r| r["kind"] == kind && r["user_id"] == user).count();
    assert_eq!(of("many_files", o.worker_a_id), 1, "{report}");
    let burst = rows.iter().find(|r| r["kind"] == "many_files").cloned().unwrap_or_default();
    assert_eq!(burst["case_ids"].as_array().map(Vec::len), Some(11));
    let karim_row = rows.iter().find(|r| r["kind"] == "family_name").cloned().unwrap_or_default();
    assert_eq!(karim_row["user_name"], "Karim el Amrani");
    assert_eq!(karim_row["matched_name"], "El Amrani");
    assert_eq!(karim_row["case_ids"], json!([cases[0]]));
    // Worker A read eleven files of households named after a colleague of team A.
    assert_eq!(of("colleague", o.worker_a_id), 11, "{report}");
    assert!(rows.iter().filter(|r| r["kind"] == "colleague").all(|r| r["colleague_name"] == "Karim el Amrani"));
    // Worker B (another team, "Test Persoon") is nowhere.
    assert_eq!(rows.iter().filter(|r| r["user_id"] == o.worker_b_id).count(), 0);
    // A period without reads has no rows; a period backwards is a 422.
    let empty = officer.get("/api/v1/privacy/unusual-access?from=2031-02-01&to=2031-02-28").await.expect(200);
    assert_eq!(empty["rows"], json!([]));
    let r = officer.get("/api/v1/privacy/unusual-access?from=2031-03-04&to=2031-03-01").await.problem(422);
    assert_eq!(r.fields(), ["to"]);

    // Reviewing a row: it moves after the rows still to review, and is logged.
    let mark = t.audit_mark().await;
    let body = json!({
        "kind": "family_name", "user_id": karim_row["user_id"], "subject": karim_row["subject"],
        "justified": false, "note": "Geen reden; gesprek met teammanager."
    });
    officer.post("/api/v1/privacy/unusual-access/review", body).await.expect(204);
    assert_eq!(count(&t.audit_since(mark).await, "unusual_access.reviewed"), 1);
    let r = officer.post("/api/v1/privacy/unusual-access/review", json!({"kind": "other"})).await.problem(422);
    assert_eq!(r.fields(), ["kind", "user_id", "subject", "justified", "note"]);
    let again = officer.get("/api/v1/privacy/unusual-access?from=2031-03-01&to=2031-03-04").await.expect(200);
    let last = again["rows"].as_array().and_then(|a| a.last()).cloned().unwrap_or_default();
    assert_eq!((last["kind"].as_str(), last["review"]["justified"].as_bool()), (Some("family_name"), Some(false)));
}
