//! Complaints (decision 0032) through HTTP, on the backend under test: the contract, the
//! six-week deadline and its one extension with the clock set, the order of the steps, who
//! sees what (the worker complained about sees the steps, not the notes; another worker of the
//! team and another team see nothing), and submission in Mijn Buurtteam by a parent and by a
//! client of 12 or older.

use jiff::Timestamp;
use serde_json::{Value, json};

use crate::harness::{Client, Org, TestApp, org, portal_account, referral_body, spawn};

fn at(ts: &str) -> Timestamp {
    ts.parse().unwrap_or_default()
}

fn id(v: &Value) -> i64 {
    v["id"].as_i64().unwrap_or(0)
}

/// A family in team A with worker A as its worker: a parent with authority, a teenager of 14
/// and a child of 8, all clients. Returns (case, [parent, teen, child]).
async fn family(o: &Org) -> (i64, Vec<i64>) {
    let w = &o.worker_a;
    let h = w
        .post(
            "/api/v1/households",
            json!({
                "address": {"street": "Kanaalstraat", "house_number": 7, "postcode": "3531 AB", "city": "Utrecht"},
                "district_id": o.district_a,
                "members": [
                    {"given_name": "Ayşe", "family_name": "Öztürk", "birth_date": "1985-04-01", "role": "parent"},
                    {"given_name": "Emre", "family_name": "Öztürk", "birth_date": "2012-01-10", "role": "child"},
                    {"given_name": "Elif", "family_name": "Öztürk", "birth_date": "2018-01-10", "role": "child"}
                ]
            }),
        )
        .await
        .expect(201);
    let ids: Vec<i64> =
        h["members"].as_array().map(|m| m.iter().filter_map(|x| x["id"].as_i64()).collect()).unwrap_or_default();
    let case = id(&w.post("/api/v1/cases", referral_body(id(&h), o.team_a, &ids, "2026-03-02")).await.expect(201));
    w.post(&format!("/api/v1/cases/{case}/claim"), json!({})).await.expect(200);
    (case, ids)
}

async fn complaint(w: &Client, case: i64, against: &str) -> Value {
    w.post(
        "/api/v1/complaints",
        json!({"case_id": case, "subject": "De gezinswerker kwam twee keer niet opdagen", "against": against,
               "wish": "Een andere gezinswerker"}),
    )
    .await
    .expect(201)
}

async fn setup() -> (TestApp, Org, i64, Vec<i64>) {
    let t = spawn().await;
    // Monday 2 March 2026.
    t.app.clock.set(at("2026-03-02T10:00:00Z"));
    let o = org(&t).await;
    let (case, members) = family(&o).await;
    (t, o, case, members)
}

#[tokio::test]
async fn the_contract_the_deadline_and_one_extension() {
    let (t, o, case, _) = setup().await;
    let k = complaint(&o.worker_a, case, "worker").await;
    assert!(id(&k) > 0);
    assert_eq!(k["received_on"], "2026-03-02");
    assert_eq!(k["decide_by"], "2026-04-13", "six weeks after receipt");
    assert_eq!(k["steps"][0]["step"], "received");

    // Every field error at once, as problem+json.
    let bad = o
        .worker_a
        .post("/api/v1/complaints", json!({"case_id": case, "subject": "", "against": "buurman"}))
        .await
        .problem(422);
    let fields = bad.fields();
    for f in ["subject", "against", "wish"] {
        assert!(fields.contains(&f.to_owned()), "{fields:?}");
    }

    // The team manager's list counts working days down: 2 March to 13 April 2026 holds
    // Good Friday (not a day off by default) and Easter Monday (6 April).
    let list = o.manager.get("/api/v1/complaints").await.expect(200);
    assert_eq!(list[0]["id"], k["id"]);
    assert_eq!(list[0]["working_days_left"], 29);

    let steps = format!("/api/v1/complaints/{}/steps", id(&k));
    // Not in the future, not before receipt.
    o.manager.post(&steps, json!({"step": "worker_conversation", "on": "2026-03-03"})).await.problem(422);
    o.manager.post(&steps, json!({"step": "worker_conversation", "on": "2026-03-01"})).await.problem(422);
    o.manager.post(&steps, json!({"step": "received", "on": "2026-03-02"})).await.problem(409);

    // Weeks later: sessions have ended, the team manager logs in again.
    t.app.clock.set(at("2026-04-06T10:00:00Z"));
    let manager = t.login("m@test.nl").await;
    manager
        .post(
            &steps,
            json!({"step": "team_manager_mediation", "on": "2026-03-20", "note": "Moeder is boos, begrijpelijk."}),
        )
        .await
        .expect(201);
    // Back to an earlier step: refused with the order in the message.
    manager.post(&steps, json!({"step": "worker_conversation", "on": "2026-03-21"})).await.problem(409);

    // Put off by four weeks with notice within the six weeks; once only.
    let ext = format!("/api/v1/complaints/{}/extension", id(&k));
    manager.post(&ext, json!({"notice_on": "2026-04-07", "reason": "x"})).await.problem(422);
    let e = manager
        .post(&ext, json!({"notice_on": "2026-04-06", "reason": "Gesprek met de directie nodig"}))
        .await
        .expect(200);
    assert_eq!(e["decide_by"], "2026-05-11");
    assert_eq!(e["extended_on"], "2026-04-06");
    manager.post(&ext, json!({"notice_on": "2026-04-06", "reason": "Nog een keer"})).await.problem(409);

    // Decided by the management, within the extended deadline; then only the committee.
    t.app.clock.set(at("2026-05-04T10:00:00Z"));
    let manager = t.login("m@test.nl").await;
    let d = manager
        .post(&steps, json!({"step": "management", "on": "2026-05-04", "outcome": "partly_well_founded"}))
        .await
        .expect(201);
    assert_eq!(d["outcome"], "partly_well_founded");
    assert_eq!(d["within_deadline"], true);
    assert_eq!(d["working_days_left"], Value::Null);
    let lessons = format!("/api/v1/complaints/{}/lessons", id(&k));
    let l = manager.put(&lessons, json!({"lessons": "Afspraken altijd bevestigen per sms."})).await.expect(200);
    assert_eq!(l["lessons"], "Afspraken altijd bevestigen per sms.");
    manager.post(&steps, json!({"step": "external_committee", "on": "2026-05-04"})).await.expect(201);

    // Steering: per team and period, small counts suppressed; not for family workers.
    let counts = "/api/v1/complaint-counts?from=2026-01-01&to=2026-06-30";
    let analyst = t.login("an@test.nl").await;
    let c = analyst.get(counts).await.expect(200);
    assert_eq!(c[0]["team_id"], o.team_a);
    assert_eq!(c[0]["received"], 1);
    assert_eq!(c[0]["by_outcome"]["partly_well_founded"], "<5");
    assert_eq!(c[0]["decided_within_deadline"], "<5");
    assert_eq!(c[0]["decided_late"], 0);
    t.login("a@test.nl").await.get(counts).await.problem(403);
}

#[tokio::test]
async fn who_sees_what() {
    let (t, o, case, _) = setup().await;
    let k = complaint(&o.worker_a, case, "worker").await;
    let one = format!("/api/v1/complaints/{}", id(&k));
    o.manager
        .post(
            &format!("{one}/steps"),
            json!({"step": "worker_conversation", "on": "2026-03-02", "note": "Vertrouwelijk: spanning in het team"}),
        )
        .await
        .expect(201);

    // The team manager reads everything, the note included.
    let m = o.manager.get(&one).await.expect(200);
    assert_eq!(m["steps"][1]["note"], "Vertrouwelijk: spanning in het team");
    // The worker complained about sees the complaint and its steps, never the notes, and
    // handles nothing.
    let w = o.worker_a.get(&one).await.expect(200);
    assert_eq!(w["steps"].as_array().map(Vec::len), Some(2));
    assert!(w["steps"].as_array().into_iter().flatten().all(|s| s["note"].is_null()), "{w}");
    assert!(!w.to_string().contains("Vertrouwelijk"));
    o.worker_a.post(&format!("{one}/steps"), json!({"step": "management", "on": "2026-03-02"})).await.problem(403);
    o.worker_a.get("/api/v1/complaints").await.problem(403);

    // Another worker of the same team registers, but sees nothing of a complaint.
    let other_id = t.create_user(None, "a2@test.nl", "Şahin Yılmaz", "family_worker", &[o.team_a]).await;
    assert!(other_id > 0);
    let other = t.login("a2@test.nl").await;
    other.get(&one).await.problem(404);
    let k2 = complaint(&other, case, "team").await;
    other.get(&format!("/api/v1/complaints/{}", id(&k2))).await.problem(404);
    assert_eq!(other.get(&format!("/api/v1/cases/{case}/complaints")).await.expect(200), json!([]));

    // Another team, the analyst and the admin: as if there were none.
    o.worker_b.get(&one).await.problem(404);
    o.worker_b
        .post("/api/v1/complaints", json!({"case_id": case, "subject": "x", "against": "team", "wish": "y"}))
        .await
        .problem(404);
    o.analyst.get(&one).await.problem(404);
    o.admin.get(&one).await.problem(404);
    o.worker_b.post(&format!("{one}/steps"), json!({"step": "management", "on": "2026-03-02"})).await.problem(404);
    // The refusals are logged.
    let mark = t.audit_mark().await;
    o.worker_b.get(&one).await.problem(404);
    assert!(t.audit_since(mark).await.iter().any(|r| r.action == "case.access_refused"));
}

#[tokio::test]
async fn a_parent_and_a_client_from_twelve_submit_in_mijn_buurtteam() {
    let (t, o, case, members) = setup().await;
    let parent = portal_account(&t, &o.worker_a, case, members[0], "ayse@example.nl").await;
    let teen = portal_account(&t, &o.worker_a, case, members[1], "emre@example.nl").await;

    let body =
        json!({"subject": "Ik word niet teruggebeld", "against": "team", "wish": "Dat ik binnen een week word gebeld"});
    let k = parent.post("/api/v1/portal/complaints", body.clone()).await.expect(201);
    assert_eq!(k["channel"], "portal");
    assert_eq!(k["decide_by"], "2026-04-13");
    let mine = parent.get("/api/v1/portal/complaints").await.expect(200);
    assert_eq!(mine.as_array().map(Vec::len), Some(1));
    assert!(mine[0]["against_worker"].is_null());

    // The young person of 14 complains about their own help; the parent with authority sees
    // it too, the young person does not see the parent's.
    let tk = teen
        .post(
            "/api/v1/portal/complaints",
            json!({"subject": "Mijn gesprekken worden doorverteld", "against": "worker", "wish": "Privé blijven"}),
        )
        .await
        .expect(201);
    assert_eq!(teen.get("/api/v1/portal/complaints").await.expect(200).as_array().map(Vec::len), Some(1));
    teen.get(&format!("/api/v1/complaints/{}", id(&k))).await.problem(404);
    parent.get(&format!("/api/v1/complaints/{}", id(&tk))).await.expect(200);
    assert_eq!(parent.get("/api/v1/portal/complaints").await.expect(200).as_array().map(Vec::len), Some(2));

    // The team manager sees both, registered through the portal, on the worklist's list.
    let list = o.manager.get("/api/v1/complaints").await.expect(200);
    assert_eq!(list.as_array().map(Vec::len), Some(2));
    // Notes never reach the portal.
    o.manager
        .post(
            &format!("/api/v1/complaints/{}/steps", id(&k)),
            json!({"step": "worker_conversation", "on": "2026-03-02", "note": "Interne notitie"}),
        )
        .await
        .expect(201);
    let seen = parent.get(&format!("/api/v1/complaints/{}", id(&k))).await.expect(200);
    assert!(!seen.to_string().contains("Interne notitie"));
    assert_eq!(seen["steps"].as_array().map(Vec::len), Some(2));
}

/// Who asks is decided before the period is looked at: a family worker is refused (403)
/// whatever the query says; a team manager gets every field error at once (422).
#[tokio::test]
async fn complaint_counts_refuse_an_outsider_before_checking_the_period() {
    let t = spawn().await;
    let o = org(&t).await;
    for q in ["", "?from=gisteren&to=2026-06-30", "?from=2026-02-30", "?from=2026-06-30&to=2026-01-01"] {
        let r = o.worker_a.get(&format!("/api/v1/complaint-counts{q}")).await;
        assert_eq!(r.status.as_u16(), 403, "{q}: {}", r.text);
    }
    let r = o.manager.get("/api/v1/complaint-counts?from=gisteren").await.problem(422);
    let mut fields = r.fields();
    fields.sort();
    assert_eq!(fields, ["from", "to"]);
    let r = o.manager.get("/api/v1/complaint-counts?from=2026-06-30&to=2026-01-01").await.problem(422);
    assert_eq!(r.fields(), ["to"]);
    o.manager.get("/api/v1/complaint-counts?from=2026-01-01&to=2026-06-30").await.expect(200);
}
