//! Handing cases over (decision 0037): to another worker, to another team (the old team loses
//! access from then on, and the access log shows its refusal), a stand-in for a period, many
//! cases at once all or nothing; who held the case when stays in its history; the family sees
//! the new worker and the stand-in.

use jiff::Timestamp;
use serde_json::json;

use crate::harness::*;

/// Records an absence spell with the database's own client (part A records them through the API).
fn absent(url: &str, sql: &str) {
    let out = match url.strip_prefix("sqlite://") {
        Some(file) => {
            std::process::Command::new("sqlite3").args(["-bail", "-cmd", ".timeout 5000", file, sql]).output()
        }
        None => std::process::Command::new("psql").arg(url).args(["-v", "ON_ERROR_STOP=1", "-qc", sql]).output(),
    }
    .expect("run the database's own client");
    assert!(out.status.success(), "{sql}: {}", String::from_utf8_lossy(&out.stderr));
}

const NOW: &str = "2031-03-10T09:00:00Z";

fn holders(history: &serde_json::Value) -> Vec<(i64, String, String, Option<String>)> {
    history["holders"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|h| {
            (
                h["worker_id"].as_i64().unwrap_or(0),
                h["kind"].as_str().unwrap_or_default().to_owned(),
                h["from_on"].as_str().unwrap_or_default().to_owned(),
                h["until_on"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_case_moves_to_another_worker_and_to_another_team_and_its_history_stays() {
    let t = spawn().await;
    t.app.clock.set(NOW.parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let colleague_id = t.create_user(None, "c@test.nl", "Cem Şahin", "family_worker", &[o.team_a]).await;
    let manager_a_id = t.create_user(None, "ma@test.nl", "Fatma Öztürk", "team_manager", &[o.team_a]).await;
    t.create_user(None, "mb@test.nl", "Bram de Vries", "team_manager", &[o.team_b]).await;
    let manager_a = t.login("ma@test.nl").await;
    let manager_b = t.login("mb@test.nl").await;
    let (case, members) = child_referred(&o.worker_a, o.district_a, o.team_a, "2031-03-03").await;
    o.worker_a.post(&format!("/api/v1/cases/{case}/claim"), json!({})).await.expect(200);
    let mother = portal_account(&t, &o.worker_a, case, members[0], "samira@example.nl").await;
    let path = format!("/api/v1/cases/{case}/handover");

    // A worker may not hand over (403); another team's manager does not learn the case exists.
    o.worker_a.post(&path, json!({"to_worker_id": colleague_id, "on": "2031-03-10"})).await.problem(403);
    manager_b.post(&path, json!({"to_worker_id": colleague_id, "on": "2031-03-10"})).await.problem(404);
    // The rules: a worker of the team, not in the future, not before the referral.
    let bad = manager_a.post(&path, json!({"to_worker_id": o.worker_b_id, "on": "2031-03-10"})).await.problem(422);
    assert_eq!(bad.fields(), vec!["to_worker_id"]);
    manager_a.post(&path, json!({"to_worker_id": colleague_id, "on": "2031-03-11"})).await.problem(422);
    manager_a.post(&path, json!({"to_worker_id": colleague_id, "on": "2031-03-01"})).await.problem(422);
    manager_a.post(&path, json!({"to_team_id": o.team_a, "on": "2031-03-10"})).await.problem(422);

    // The worker claimed the case today: a handover is not dated before that, or the history of
    // who held it when would contradict itself.
    let bad = manager_a.post(&path, json!({"to_worker_id": colleague_id, "on": "2031-03-07"})).await.problem(422);
    assert_eq!(bad.body["errors"][0]["code"], "before_last_handover", "{}", bad.body);
    // To the colleague, from today.
    let moved = manager_a.post(&path, json!({"to_worker_id": colleague_id, "on": "2031-03-10"})).await.expect(200);
    assert_eq!(moved["worker_id"], colleague_id);
    // The family sees the new worker.
    let plan = mother.get("/api/v1/portal/plan").await.expect(200);
    assert_eq!(plan["contact"]["worker_name"], "Cem Şahin", "{plan}");

    // A stand-in for a week; the family sees them while it lasts, not after.
    let stand_in = format!("/api/v1/cases/{case}/stand-ins");
    manager_a
        .post(&stand_in, json!({"worker_id": o.worker_a_id, "from_on": "2031-03-12", "until_on": "2031-03-11"}))
        .await
        .problem(422);
    manager_a
        .post(&stand_in, json!({"worker_id": o.worker_a_id, "from_on": "2031-03-08", "until_on": "2031-03-09"}))
        .await
        .expect(201);
    let plan = mother.get("/api/v1/portal/plan").await.expect(200);
    assert!(plan["contact"]["stand_in_name"].is_null(), "{plan}");
    manager_a
        .post(&stand_in, json!({"worker_id": o.worker_a_id, "from_on": "2031-03-10", "until_on": "2031-03-16"}))
        .await
        .expect(201);
    let plan = mother.get("/api/v1/portal/plan").await.expect(200);
    assert_eq!(plan["contact"]["stand_in_name"], "Test Persoon", "{plan}");
    assert_eq!(plan["contact"]["stand_in_until"], "2031-03-16");

    // The household moves: the case goes to team B on the 17th.
    let mark = t.audit_mark().await;
    let moved = manager_a
        .post(&path, json!({"to_team_id": o.team_b, "to_worker_id": o.worker_b_id, "on": "2031-03-10"}))
        .await
        .expect(200);
    assert_eq!((moved["team_id"].as_i64(), moved["worker_id"].as_i64()), (Some(o.team_b), Some(o.worker_b_id)));
    // From then on the old team does not find it (404), and the access log shows the refusal.
    manager_a.get(&format!("/api/v1/cases/{case}")).await.problem(404);
    o.worker_a.get(&format!("/api/v1/cases/{case}")).await.problem(404);
    let rows = t.audit_since(mark).await;
    let refused =
        rows.iter().filter(|r| r.action == "case.access_refused" && r.case_id.map(|c| c.0) == Some(case)).count();
    assert_eq!(refused, 2);
    assert_eq!(rows.iter().filter(|r| r.action == "case.transferred").count(), 1);
    assert_eq!(rows.iter().filter(|r| r.action == "case.handed_over").count(), 1);
    // The new team reads it, with the whole history: the old team and workers kept.
    o.worker_b.get(&format!("/api/v1/cases/{case}")).await.expect(200);
    let history = o.worker_b.get(&format!("/api/v1/cases/{case}/holders")).await.expect(200);
    assert_eq!(
        holders(&history),
        vec![
            // In the order the spells began.
            (o.worker_a_id, "stand_in".into(), "2031-03-08".into(), Some("2031-03-09".into())),
            (o.worker_a_id, "worker".into(), "2031-03-10".into(), Some("2031-03-10".into())),
            (colleague_id, "worker".into(), "2031-03-10".into(), Some("2031-03-10".into())),
            // The stand-in of the old team stops with the transfer.
            (o.worker_a_id, "stand_in".into(), "2031-03-10".into(), Some("2031-03-10".into())),
            (o.worker_b_id, "worker".into(), "2031-03-10".into(), None),
        ],
        "{history}"
    );
    let teams: Vec<(i64, String, Option<String>)> = history["teams"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|x| {
            (
                x["team_id"].as_i64().unwrap_or(0),
                x["from_on"].as_str().unwrap_or_default().to_owned(),
                x["until_on"].as_str().map(str::to_owned),
            )
        })
        .collect();
    assert_eq!(
        teams,
        vec![(o.team_a, "2031-03-03".into(), Some("2031-03-10".into())), (o.team_b, "2031-03-10".into(), None)]
    );
    let plan = mother.get("/api/v1/portal/plan").await.expect(200);
    assert_eq!(plan["contact"]["team_name"], "Buurtteam Kanaleneiland", "{plan}");
    let _ = manager_a_id;
}

#[tokio::test]
async fn many_cases_of_a_worker_move_at_once_or_none_do() {
    let t = spawn().await;
    t.app.clock.set(NOW.parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let colleague_id = t.create_user(None, "c@test.nl", "Cem Şahin", "family_worker", &[o.team_a]).await;
    t.create_user(None, "ma@test.nl", "Fatma Öztürk", "team_manager", &[o.team_a]).await;
    t.create_user(None, "mb@test.nl", "Bram de Vries", "team_manager", &[o.team_b]).await;
    let manager_a = t.login("ma@test.nl").await;
    let manager_b = t.login("mb@test.nl").await;
    let mut cases = Vec::new();
    for _ in 0..3 {
        let (case, _) = child_referred(&o.worker_a, o.district_a, o.team_a, "2031-03-03").await;
        o.worker_a.post(&format!("/api/v1/cases/{case}/claim"), json!({})).await.expect(200);
        cases.push(case);
    }
    // One of them is in support: open cases and open referrals go alike.
    o.worker_a.post(&format!("/api/v1/cases/{}/intake", cases[0]), json!({"held_on": "2031-03-05"})).await.expect(200);
    let other_team = case(&o.worker_b, o.district_b, o.team_b, "2031-03-03").await;
    let path = format!("/api/v1/teams/{}/handover", o.team_a);

    // Worker A is absent from today: the team manager's caseload lists the cases nobody holds.
    absent(
        &t.url,
        &format!(
            "INSERT INTO absences (user_id, starts_on, percentage, recorded_by, created_at, updated_at) \
             VALUES ({0}, '2031-03-09', 100, {0}, '2031-03-09T09:00:00Z', '2031-03-09T09:00:00Z')",
            o.worker_a_id
        ),
    );
    let load = manager_a.get(&format!("/api/v1/teams/{}/caseload", o.team_a)).await.expect(200);
    let mut uncovered: Vec<i64> =
        load["uncovered_case_ids"].as_array().into_iter().flatten().filter_map(|v| v.as_i64()).collect();
    uncovered.sort_unstable();
    assert_eq!(uncovered, cases, "{load}");
    // So does the team manager's worklist, as a notice that leads to the caseload.
    let worklist = manager_a.get("/").await;
    assert!(
        worklist.text.contains("3 dossiers van afwezige gezinswerkers in Buurtteam Overvecht hebben vandaag niemand"),
        "{}",
        worklist.text
    );
    assert!(worklist.text.contains(&format!("/teams/{}/caseload#uncovered-heading", o.team_a)));
    assert!(!manager_b.get("/").await.text.contains("afwezige gezinswerkers"), "not another team's manager");

    // A worker may not; another team's manager gets a 404.
    o.worker_a.post(&path, json!({"from_worker_id": o.worker_a_id, "to_worker_id": colleague_id})).await.problem(403);
    manager_b.post(&path, json!({"from_worker_id": o.worker_a_id, "to_worker_id": colleague_id})).await.problem(404);
    // A chosen set with one case of another team: nothing moves.
    let bad = manager_a
        .post(
            &path,
            json!({"from_worker_id": o.worker_a_id, "to_worker_id": colleague_id, "case_ids": [cases[0], other_team]}),
        )
        .await
        .problem(422);
    assert_eq!(bad.fields(), vec!["case_ids[1]"]);
    for c in &cases {
        assert_eq!(manager_a.get(&format!("/api/v1/cases/{c}")).await.expect(200)["worker_id"], o.worker_a_id);
    }
    // A stand-in for two of them: they leave the list of cases nobody holds.
    let done = manager_a
        .post(
            &path,
            json!({"from_worker_id": o.worker_a_id, "to_worker_id": colleague_id, "case_ids": [cases[0], cases[1]],
            "on": "2031-03-10", "until_on": "2031-03-21"}),
        )
        .await
        .expect(200);
    assert_eq!(done["stand_in"], true);
    let load = manager_a.get(&format!("/api/v1/teams/{}/caseload", o.team_a)).await.expect(200);
    assert_eq!(load["uncovered_case_ids"], json!([cases[2]]), "{load}");
    assert!(manager_a.get("/").await.text.contains("1 dossier van een afwezige gezinswerker in Buurtteam Overvecht"));
    // All of worker A's open cases to the colleague.
    let done = manager_a
        .post(&path, json!({"from_worker_id": o.worker_a_id, "to_worker_id": colleague_id, "on": "2031-03-10"}))
        .await
        .expect(200);
    let mut moved: Vec<i64> = done["case_ids"].as_array().into_iter().flatten().filter_map(|v| v.as_i64()).collect();
    moved.sort_unstable();
    assert_eq!(moved, cases);
    for c in &cases {
        assert_eq!(manager_a.get(&format!("/api/v1/cases/{c}")).await.expect(200)["worker_id"], colleague_id);
    }
    let load = manager_a.get(&format!("/api/v1/teams/{}/caseload", o.team_a)).await.expect(200);
    assert_eq!(load["uncovered_case_ids"], json!([]), "{load}");
    assert!(!manager_a.get("/").await.text.contains("afwezige gezinswerker"), "nothing left to notice");
    // Nothing left to hand over.
    manager_a.post(&path, json!({"from_worker_id": o.worker_a_id, "to_worker_id": colleague_id})).await.problem(422);
}
