//! Onward referrals (inzet aanvullende hulp; issue 15 part 2, decision 0040) through HTTP, on
//! the backend under test: recording one on a case with its partner, clients and life domains,
//! keeping it up (start, end, outcome, a stale version), every field error, another team's case
//! (404 and a refusal row), a portal account (404), and the audit rows.

use jiff::Timestamp;
use serde_json::{Value, json};

use crate::harness::{TestApp, child_referred, org, portal_account, spawn};

fn id(v: &Value) -> i64 {
    v["id"].as_i64().unwrap_or(0)
}

async fn partner(c: &crate::harness::Client, name: &str, kind: &str, district: i64) -> i64 {
    id(&c.post("/api/v1/partners", json!({"name": name, "kind": kind, "district_ids": [district]})).await.expect(201))
}

async fn actions_since(t: &TestApp, mark: i64) -> Vec<String> {
    t.audit_since(mark).await.into_iter().map(|r| r.action).collect()
}

#[tokio::test]
async fn an_onward_referral_is_recorded_kept_up_and_refused_where_it_should_be() {
    let t = spawn().await;
    t.app.clock.set("2026-05-04T10:00:00Z".parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let safety = partner(&o.manager, "Veiligheidsteam Utrecht", "safety_team", o.district_a).await;
    let debt = partner(&o.manager, "Schuldhulp Overvecht", "debt_services", o.district_a).await;
    let ended = partner(&o.manager, "Oud Veiligheidsteam", "safety_team", o.district_a).await;
    o.manager.patch(&format!("/api/v1/partners/{ended}"), json!({"ended_on": "2026-04-01"})).await.expect(200);
    let (case, members) = child_referred(&o.worker_a, o.district_a, o.team_a, "2026-04-01").await;
    o.worker_a
        .post(&format!("/api/v1/cases/{case}/intake"), json!({"held_on": "2026-04-03", "worker_id": o.worker_a_id}))
        .await
        .expect(200);
    let path = format!("/api/v1/cases/{case}/onward-referrals");

    // Recorded: 201 with its partner, clients, life domains, and the family worker as coordinator.
    let mark = t.audit_mark().await;
    let created = o
        .worker_a
        .post(
            &path,
            json!({"partner_id": safety, "kind": "intensive_voluntary_help", "client_ids": [members[1], members[0]],
                   "referred_on": "2026-04-20", "life_domains": ["safety", "parenting"]}),
        )
        .await;
    assert_eq!(created.status.as_u16(), 201, "{}", created.text);
    let or_id = id(&created.body);
    assert_eq!(
        created.headers.get("location").and_then(|l| l.to_str().ok()),
        Some(format!("/api/v1/onward-referrals/{or_id}").as_str())
    );
    let or = created.body;
    assert_eq!(or["partner_name"], "Veiligheidsteam Utrecht");
    assert_eq!(or["kind"], "intensive_voluntary_help");
    let mut clients = vec![members[0], members[1]];
    clients.sort();
    assert_eq!(or["client_ids"], json!(clients));
    assert_eq!(or["life_domains"], json!(["parenting", "safety"]));
    assert_eq!(or["coordinator_id"], o.worker_a_id);
    assert_eq!(or["started_on"], Value::Null);
    assert_eq!(or["version"], 1);
    let rows = t.audit_since(mark).await;
    let row = rows.iter().find(|r| r.action == "onward_referral.recorded");
    assert!(row.is_some_and(|r| r.object_id == Some(or_id)), "{rows:?}");

    // Listed (and the read logged).
    let mark = t.audit_mark().await;
    let list = o.worker_a.get(&path).await.expect(200);
    assert_eq!(list["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(actions_since(&t, mark).await, ["onward_referral.list"]);

    // Every field error at once; then each rule on its own.
    let bad = o
        .worker_a
        .post(&path, json!({"kind": "jeugdzorg", "client_ids": [], "referred_on": "2026-13-01", "life_domains": ["x"]}))
        .await
        .problem(422);
    let mut fields = bad.fields();
    fields.sort();
    assert_eq!(fields, ["client_ids", "kind", "life_domains[0]", "partner_id", "referred_on"]);
    for (body, field) in [
        (
            json!({"partner_id": debt, "kind": "intensive_voluntary_help", "client_ids": [members[1]], "referred_on": "2026-04-20"}),
            "partner_id",
        ),
        (
            json!({"partner_id": ended, "kind": "intensive_voluntary_help", "client_ids": [members[1]], "referred_on": "2026-04-20"}),
            "partner_id",
        ),
        (
            json!({"partner_id": 99999, "kind": "debt_assistance", "client_ids": [members[1]], "referred_on": "2026-04-20"}),
            "partner_id",
        ),
        (
            json!({"partner_id": debt, "kind": "debt_assistance", "client_ids": [members[1]], "referred_on": "2026-05-05"}),
            "referred_on",
        ),
        (
            json!({"partner_id": debt, "kind": "debt_assistance", "client_ids": [members[1]], "referred_on": "2026-03-31"}),
            "referred_on",
        ),
        (
            json!({"partner_id": debt, "kind": "debt_assistance", "client_ids": [424242], "referred_on": "2026-04-20"}),
            "client_ids[0]",
        ),
        (
            json!({"partner_id": debt, "kind": "debt_assistance", "client_ids": [members[1]], "referred_on": "2026-04-20", "coordinator": o.worker_b_id}),
            "coordinator",
        ),
    ] {
        let r = o.worker_a.post(&path, body.clone()).await.problem(422);
        assert_eq!(r.fields(), [field], "{body}");
    }

    // Kept up: started, then ended with an outcome; the dates in order; a stale version is a 409.
    let one = format!("/api/v1/onward-referrals/{or_id}");
    let r = o.worker_a.patch(&one, json!({"outcome": "completed"})).await.problem(422);
    assert_eq!(r.fields(), ["outcome"]);
    let r = o.worker_a.patch(&one, json!({"started_on": "2026-04-19"})).await.problem(422);
    assert_eq!(r.fields(), ["started_on"]);
    let r = o.worker_a.patch(&one, json!({"started_on": "2026-05-05"})).await.problem(422);
    assert_eq!(r.fields(), ["started_on"]);
    let mark = t.audit_mark().await;
    let started = o.worker_a.patch(&one, json!({"started_on": "2026-04-27", "version": 1})).await.expect(200);
    assert_eq!(started["started_on"], "2026-04-27");
    assert_eq!(started["version"], 2);
    assert_eq!(actions_since(&t, mark).await, ["onward_referral.changed"]);
    o.worker_a.patch(&one, json!({"ended_on": "2026-05-01", "version": 1})).await.problem(409);
    let r = o.worker_a.patch(&one, json!({"ended_on": "2026-04-26", "outcome": "completed"})).await.problem(422);
    assert_eq!(r.fields(), ["ended_on"]);
    let r = o.worker_a.patch(&one, json!({"ended_on": "2026-05-01", "outcome": "not_started"})).await.problem(422);
    assert_eq!(r.fields(), ["outcome"]);
    let done = o.worker_a.patch(&one, json!({"ended_on": "2026-05-01", "outcome": "completed"})).await.expect(200);
    assert_eq!((done["ended_on"].as_str(), done["outcome"].as_str()), (Some("2026-05-01"), Some("completed")));
    assert_eq!(done["started_on"], "2026-04-27", "a field left out stays");
    let reopened = o.worker_a.patch(&one, json!({"ended_on": "", "outcome": ""})).await.expect(200);
    assert_eq!(reopened["ended_on"], Value::Null);

    // Another team's worker: 404 as for the case, and the refusal logged.
    let mark = t.audit_mark().await;
    o.worker_b.get(&path).await.problem(404);
    o.worker_b
        .post(&path, json!({"partner_id": debt, "kind": "debt_assistance", "client_ids": [members[1]], "referred_on": "2026-04-20"}))
        .await
        .problem(404);
    o.worker_b.patch(&one, json!({"started_on": "2026-04-28"})).await.problem(404);
    o.worker_b.patch("/api/v1/onward-referrals/987654", json!({"started_on": "2026-04-28"})).await.problem(404);
    let refused = actions_since(&t, mark).await.into_iter().filter(|a| a == "case.access_refused").count();
    assert_eq!(refused, 3);
    // The team manager of the case's team may; the analyst may not know the case.
    o.manager.patch(&one, json!({"started_on": "2026-04-28"})).await.expect(200);
    o.analyst.get(&path).await.problem(404);

    // A portal account (the parent in Mijn Buurtteam): as if nothing were there.
    let family = portal_account(&t, &o.worker_a, case, members[0], "ouder@test.nl").await;
    family.get(&path).await.problem(404);
    family
        .post(&path, json!({"partner_id": debt, "kind": "debt_assistance", "client_ids": [members[0]], "referred_on": "2026-04-20"}))
        .await
        .problem(404);
    family.patch(&one, json!({"started_on": "2026-04-28"})).await.problem(404);
    assert_eq!(t.count("onward_referrals").await, 1);
}

/// Closing as `referred_onward` needs a recorded onward referral (422 on `reason_detail`
/// before); the KPI counts them by kind and district, and the closures with one, exactly for the
/// own team and suppressed for the analyst.
#[tokio::test]
async fn closing_as_referred_onward_needs_one_and_the_kpi_counts_them() {
    let t = spawn().await;
    t.app.clock.set("2026-05-04T10:00:00Z".parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let debt = partner(&o.manager, "Schuldhulp Overvecht", "debt_services", o.district_a).await;
    let (case, members) = child_referred(&o.worker_a, o.district_a, o.team_a, "2026-04-01").await;
    let p = |s: &str| format!("/api/v1/cases/{case}{s}");
    o.worker_a.post(&p("/intake"), json!({"held_on": "2026-04-03", "worker_id": o.worker_a_id})).await.expect(200);
    o.worker_a.post(&p("/start"), json!({"started_on": "2026-04-07"})).await.expect(200);
    let close = json!({"closed_on": "2026-04-29", "reason": "result_achieved", "reason_detail": "referred_onward"});
    let r = o.worker_a.post(&p("/close"), close.clone()).await.problem(422);
    assert_eq!(r.fields(), ["reason_detail"]);
    assert!(r.text.contains("onward_referral_missing"), "{}", r.text);
    o.worker_a
        .post(
            &p("/onward-referrals"),
            json!({"partner_id": debt, "kind": "debt_assistance", "client_ids": [members[0]], "referred_on": "2026-04-28",
                   "life_domains": ["finances"]}),
        )
        .await
        .expect(201);
    o.worker_a.post(&p("/close"), close).await.expect(200);
    // A new one on the closed case: 409; keeping the existing one up is still possible.
    o.worker_a
        .post(
            &p("/onward-referrals"),
            json!({"partner_id": debt, "kind": "debt_assistance", "client_ids": [members[0]], "referred_on": "2026-04-28"}),
        )
        .await
        .problem(409);

    let k =
        o.worker_a.get(&format!("/api/v1/kpis?from=2026-04-01&to=2026-04-30&team_id={}", o.team_a)).await.expect(200);
    let or = &k["onward_referrals"];
    assert_eq!(or["referrals"], 1, "{or}");
    let debt_cell = or["by_kind"].as_array().and_then(|a| a.iter().find(|i| i["key"] == "debt_assistance"));
    assert_eq!(debt_cell.map(|c| c["count"].clone()), Some(json!(1)), "{or}");
    assert_eq!(or["closures_with_onward_referral"], 1);
    assert_eq!(or["closures_with_onward_referral_pct"], 100.0);
    let k = o.analyst.get("/api/v1/kpis?from=2026-04-01&to=2026-04-30").await.expect(200);
    let or = &k["onward_referrals"];
    assert_eq!(or["referrals"], "<5", "{or}");
    assert_eq!(or["closures_with_onward_referral_pct"], "<5", "{or}");
}

/// The coordinator is changed with `coordinator_id` on the PATCH: only to an active family
/// worker or team manager of the case's team (422 beside the field otherwise), with the
/// version check (409), decided as any change (another team: 404); the audit row names what
/// changed and the coordinator by id, never by name; the file shows the coordinator.
#[tokio::test]
async fn the_coordinator_is_changed_to_an_active_worker_of_the_case_team() {
    let t = spawn().await;
    t.app.clock.set("2026-05-04T10:00:00Z".parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let debt = partner(&o.manager, "Schuldhulp Overvecht", "debt_services", o.district_a).await;
    let colleague = t.create_user(None, "c@test.nl", "Carla Collega", "family_worker", &[o.team_a]).await;
    let gone = t.create_user(None, "g@test.nl", "Gerrit Gestopt", "family_worker", &[o.team_a]).await;
    o.admin.patch(&format!("/api/v1/users/{gone}"), json!({"active": false})).await.expect(200);
    let (case, members) = child_referred(&o.worker_a, o.district_a, o.team_a, "2026-04-01").await;
    o.worker_a
        .post(&format!("/api/v1/cases/{case}/intake"), json!({"held_on": "2026-04-03", "worker_id": o.worker_a_id}))
        .await
        .expect(200);
    let created = o
        .worker_a
        .post(
            &format!("/api/v1/cases/{case}/onward-referrals"),
            json!({"partner_id": debt, "kind": "debt_assistance", "client_ids": [members[0]], "referred_on": "2026-04-20"}),
        )
        .await
        .expect(201);
    assert_eq!(created["coordinator_id"], o.worker_a_id);
    let one = format!("/api/v1/onward-referrals/{}", id(&created));

    // Another team's worker, a deactivated worker of the team, nobody: 422 on the field.
    for who in [o.worker_b_id, gone, 987_654] {
        let r = o.worker_a.patch(&one, json!({"coordinator_id": who, "version": 1})).await.problem(422);
        assert_eq!(r.fields(), ["coordinator_id"], "{who}");
        assert!(r.text.contains("not_team_worker"), "{}", r.text);
    }
    // Another team's worker cannot change it at all: 404, whatever the body.
    o.worker_b.patch(&one, json!({"coordinator_id": colleague})).await.problem(404);

    let mark = t.audit_mark().await;
    let changed = o.worker_a.patch(&one, json!({"coordinator_id": colleague, "version": 1})).await.expect(200);
    assert_eq!(changed["coordinator_id"], colleague);
    assert_eq!(changed["coordinator_name"], "Carla Collega");
    assert_eq!(changed["version"], 2);
    assert_eq!(changed["started_on"], Value::Null, "the rest stays as it was");
    let rows = t.audit_since(mark).await;
    let row = rows.iter().find(|r| r.action == "onward_referral.changed").map(|r| r.detail.clone());
    let detail: Value = serde_json::from_str(&row.unwrap_or_default()).unwrap_or_default();
    assert_eq!(detail["changed"], json!(["coordinator_id"]), "{detail}");
    assert_eq!(detail["coordinator_id"], colleague);
    assert!(!detail.to_string().contains("Carla"), "no names in the audit row: {detail}");

    // A stale copy: 409, and nothing changed.
    o.worker_a.patch(&one, json!({"coordinator_id": o.worker_a_id, "version": 1})).await.problem(409);
    // The team manager may change it back; a coordinator who has since left stays until
    // another is named (the unchanged id is not checked again).
    let back = o.manager.patch(&one, json!({"coordinator_id": o.worker_a_id})).await.expect(200);
    assert_eq!(back["coordinator_id"], o.worker_a_id);
    o.admin.patch(&format!("/api/v1/users/{}", o.worker_a_id), json!({"active": false})).await.expect(200);
    let kept = o.manager.patch(&one, json!({"coordinator_id": o.worker_a_id, "started_on": "2026-04-27"})).await;
    assert_eq!(kept.status.as_u16(), 200, "{}", kept.text);
    o.manager.patch(&one, json!({"coordinator_id": colleague})).await.expect(200);

    // The family file's section names the coordinator.
    let file = o.manager.get(&format!("/cases/{case}")).await;
    assert!(file.text.contains("coördinator Carla Collega"), "the file shows the coordinator");
}
