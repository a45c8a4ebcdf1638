//! Group support considered in every case, collective activities and the group figures of the
//! KPIs, through HTTP (issue 19): the figures worked out by hand for a small organisation,
//! each field error, another team's case, the audit rows, suppression for analysts.

use buurtteam_domain::ids::{CaseId, DistrictId, PersonId, TeamId, UserId};
use buurtteam_store::group_seed as seed;
use jiff::Timestamp;
use jiff::civil::date;
use serde_json::{Value, json};

use crate::harness::{Client, Org, TestApp, child_referred, org, spawn};

fn detail(row: &buurtteam_store::audit::Row) -> Value {
    serde_json::from_str(&row.detail).unwrap_or_default()
}

fn at(s: &str) -> Timestamp {
    s.parse().unwrap_or_default()
}

async fn step(c: &Client, id: i64, what: &str, body: Value) {
    c.post(&format!("/api/v1/cases/{id}/{what}"), body).await.expect(200);
}

fn put(c: &Client, case: i64, body: Value) -> impl std::future::Future<Output = crate::harness::Reply> + '_ {
    let path = format!("/api/v1/cases/{case}/group-support");
    async move { c.put(&path, body).await }
}

/// The cases of the example, in team A (Overvecht) unless said otherwise:
/// C1 takes part in a group (used); C2 considered, the family declined; C3 not considered;
/// C4 nothing recorded; C5 considered, other reason; C6 closed in May; C7 in team B.
struct Example {
    t: TestApp,
    o: Org,
    c: [i64; 7],
    /// The child of C1.
    child1: i64,
}

async fn example() -> Example {
    let t = spawn().await;
    // Mid-June 2026: everything below is in the past, and the second quarter has not ended.
    t.app.clock.set(at("2026-06-20T10:00:00Z"));
    let o = org(&t).await;
    let (w, a, ta) = (&o.worker_a, o.district_a, o.team_a);
    let mut c = [0; 7];
    let mut child1 = 0;
    for (i, on) in
        ["2026-04-01", "2026-04-02", "2026-04-03", "2026-04-06", "2026-04-07", "2026-03-02"].iter().enumerate()
    {
        let (id, members) = child_referred(w, a, ta, on).await;
        if i == 0 {
            child1 = members[1];
        }
        c[i] = id;
    }
    step(w, c[5], "close", json!({"closed_on": "2026-05-15", "reason": "other", "reason_detail": "unreachable"})).await;
    c[6] = child_referred(&o.worker_b, o.district_b, o.team_b, "2026-04-08").await.0;
    Example { t, o, c, child1 }
}

/// A parenting group of team A in Overvecht with C1's child, someone who is not a client and
/// someone waiting; one session in May: the child present, the other absent.
async fn group_of_team_a(e: &Example) {
    let (o, now) = (&e.o, e.t.app.now());
    let by = UserId(o.worker_a_id);
    let mut txn = e.t.app.db.begin().await.expect("tx");
    let tx = &mut txn;
    let g =
        seed::group(tx, TeamId(o.team_a), "parenting", "Opvoeden met plezier", &[DistrictId(o.district_a)], by, now)
            .await
            .expect("group");
    let child =
        seed::participant(tx, g, Some((CaseId(e.c[0]), PersonId(e.child1))), None, false, date(2026, 5, 1), by, now)
            .await
            .expect("participant");
    let other =
        seed::participant(tx, g, None, Some("Şahin"), false, date(2026, 5, 1), by, now).await.expect("participant");
    seed::participant(tx, g, None, Some("Öztürk"), true, date(2026, 5, 2), by, now).await.expect("waiting");
    let s = seed::session(tx, g, at("2026-05-12T15:00:00Z"), by, now).await.expect("session");
    seed::attendance(tx, s, child, true).await.expect("present");
    seed::attendance(tx, s, other, false).await.expect("absent");
    // A group of team B with a session in June: not team A's.
    let gb = seed::group(tx, TeamId(o.team_b), "money", "Geldzorgen", &[DistrictId(o.district_b)], by, now)
        .await
        .expect("group");
    seed::session(tx, gb, at("2026-06-02T15:00:00Z"), by, now).await.expect("session");
    txn.commit().await.expect("commit");
}

#[tokio::test]
async fn considered_is_recorded_with_its_reason_and_checked_per_field() {
    let e = example().await;
    group_of_team_a(&e).await;
    let (w, c) = (&e.o.worker_a, e.c);
    let before = e.t.count("case_group_support").await;
    // Each field error, nothing saved.
    let r = put(w, c[1], json!({})).await.problem(422);
    assert_eq!(r.fields(), ["considered"]);
    let r = put(w, c[1], json!({"considered": true})).await.problem(422);
    assert_eq!(r.fields(), ["reason"], "considered and not used: why not");
    let r = put(w, c[1], json!({"considered": false, "reason": "family_declined"})).await.problem(422);
    assert_eq!(r.fields(), ["reason"]);
    let r = put(w, c[1], json!({"considered": true, "reason": "too_busy"})).await.problem(422);
    assert_eq!(r.fields(), ["reason"]);
    let r = put(w, c[4], json!({"considered": true, "reason": "other", "reason_text": " "})).await.problem(422);
    assert_eq!(r.fields(), ["reason_text"]);
    assert_eq!(e.t.count("case_group_support").await, before);

    // C1 takes part in a group: considered and used, no reason needed.
    let g = put(w, c[0], json!({"considered": true})).await.expect(200);
    assert_eq!((g["considered"].as_bool(), g["used"].as_bool()), (Some(true), Some(true)));
    assert_eq!(g["groups"], json!(["Opvoeden met plezier"]));
    let mark = e.t.audit_mark().await;
    let g = put(w, c[1], json!({"considered": true, "reason": "family_declined"})).await.expect(200);
    assert_eq!((g["used"].as_bool(), g["reason"].as_str()), (Some(false), Some("family_declined")));
    assert_eq!(g["recorded_on"], "2026-06-20");
    let rows = e.t.audit_since(mark).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].action, "case.group_support_recorded");
    assert_eq!(rows[0].case_id, Some(CaseId(c[1])));
    assert_eq!(detail(&rows[0])["before"], Value::Null);
    assert_eq!(detail(&rows[0])["after"]["reason"], "family_declined");
    put(w, c[2], json!({"considered": false})).await.expect(200);
    let g = put(w, c[4], json!({"considered": true, "reason": "other", "reason_text": "Past niet bij de werktijden"}))
        .await
        .expect(200);
    assert_eq!(g["reason_text"], "Past niet bij de werktijden");
    // Changing it again: the log keeps what it was.
    let mark = e.t.audit_mark().await;
    put(w, c[1], json!({"considered": true, "reason": "waiting_for_a_group"})).await.expect(200);
    let rows = e.t.audit_since(mark).await;
    assert_eq!(detail(&rows[0])["before"]["reason"], "family_declined");
    let g = w.get(&format!("/api/v1/cases/{}/group-support", c[1])).await.expect(200);
    assert_eq!(g["reason"], "waiting_for_a_group");
    let g = w.get(&format!("/api/v1/cases/{}/group-support", c[3])).await.expect(200);
    assert_eq!((g["recorded"].as_bool(), g["considered"].as_bool()), (Some(false), Some(false)));
    // A closed case's plan no longer changes.
    put(w, c[5], json!({"considered": false})).await.problem(409);
    // Another team's case does not exist for worker B: 404, and one refusal row.
    let mark = e.t.audit_mark().await;
    put(&e.o.worker_b, c[1], json!({"considered": false})).await.problem(404);
    e.o.worker_b.get(&format!("/api/v1/cases/{}/group-support", c[1])).await.problem(404);
    let rows = e.t.audit_since(mark).await;
    assert_eq!(rows.iter().map(|r| r.action.as_str()).collect::<Vec<_>>(), ["case.access_refused"; 2]);
    // The analyst has no access to files at all.
    put(&e.o.analyst, c[1], json!({"considered": false})).await.problem(404);
}

#[tokio::test]
async fn collective_activities_are_recorded_for_the_teams_districts_without_names() {
    let e = example().await;
    let (w, o) = (&e.o.worker_a, &e.o);
    let body = json!({
        "district_id": o.district_a, "held_on": "2026-05-20", "theme": "Pesten op school",
        "partners": ["JGZ", "MO gemeente", "JGZ"], "parents": 14, "young_people": 6, "professionals": 5,
        "signals": "Ouders zien veel pesten via sociale media. Familie Yılmaz belde 0612345678 erover."
    });
    let mark = e.t.audit_mark().await;
    let a = w.post("/api/v1/collective-activities", body.clone()).await.expect(201);
    assert_eq!(a["signals_redacted"], true);
    let signals = a["signals"].as_str().unwrap_or_default();
    assert!(!signals.contains("Yılmaz") && !signals.contains("0612345678"), "{signals}");
    assert!(signals.starts_with("Ouders zien veel pesten via sociale media."), "{signals}");
    assert_eq!(a["partners"], json!(["JGZ", "MO gemeente"]), "once each");
    assert_eq!(a["team_id"], o.team_a);
    let rows = e.t.audit_since(mark).await;
    assert_eq!(rows.iter().map(|r| r.action.as_str()).collect::<Vec<_>>(), ["collective_activity.recorded"]);
    assert!(!rows[0].detail.contains("pesten"), "the log holds counts, not the signals");

    // Field errors, all at once; nothing saved.
    let n = e.t.count("collective_activities").await;
    let r = w
        .post(
            "/api/v1/collective-activities",
            json!({"district_id": o.district_a, "held_on": "2026-07-01", "parents": -1, "young_people": 2}),
        )
        .await
        .problem(422);
    assert_eq!(r.fields(), ["held_on", "theme", "parents", "professionals"]);
    assert_eq!(e.t.count("collective_activities").await, n);

    // Another district: 403 and a refusal row; the analyst neither records nor lists.
    let mut other = body.clone();
    other["district_id"] = json!(o.district_b);
    let mark = e.t.audit_mark().await;
    w.post("/api/v1/collective-activities", other.clone()).await.problem(403);
    assert_eq!(e.t.audit_since(mark).await[0].action, "organisation.access_refused");
    o.analyst.post("/api/v1/collective-activities", body.clone()).await.problem(403);
    o.analyst.get("/api/v1/collective-activities").await.problem(403);
    // The team manager of both teams records in B.
    o.manager.post("/api/v1/collective-activities", other).await.expect(201);

    // The list: worker A sees district A only, the manager both.
    let l = w.get("/api/v1/collective-activities").await.expect(200);
    assert_eq!(l["districts"].as_array().map(Vec::len), Some(1));
    assert_eq!(l["districts"][0]["activities"][0]["parents"], 14);
    let l = o.manager.get("/api/v1/collective-activities?from=2026-01-01&to=2026-06-30").await.expect(200);
    assert_eq!(l["districts"].as_array().map(Vec::len), Some(2));
    w.get(&format!("/api/v1/collective-activities?districtId={}", o.district_b)).await.problem(403);
    w.get("/api/v1/collective-activities?from=2026-06-01&to=2026-05-01").await.problem(422);
}

#[tokio::test]
async fn the_group_figures_worked_out_by_hand() {
    let e = example().await;
    group_of_team_a(&e).await;
    let (w, o, c) = (&e.o.worker_a, &e.o, e.c);
    put(w, c[0], json!({"considered": true})).await.expect(200);
    put(w, c[1], json!({"considered": true, "reason": "family_declined"})).await.expect(200);
    put(w, c[2], json!({"considered": false})).await.expect(200);
    put(w, c[4], json!({"considered": true, "reason": "other", "reason_text": "Werktijden"})).await.expect(200);
    put(&o.worker_b, c[6], json!({"considered": true, "reason": "no_suitable_group"})).await.expect(200);
    for (district, held_on, parents) in [(o.district_a, "2026-04-20", 10), (o.district_a, "2026-06-03", 8)] {
        let body = json!({"district_id": district, "held_on": held_on, "theme": "Scheiden", "partners": ["JGZ"],
                          "parents": parents, "young_people": 2, "professionals": 4, "signals": ""});
        w.post("/api/v1/collective-activities", body).await.expect(201);
    }

    // Team A, the second quarter, exact for its manager.
    let k =
        o.manager.get(&format!("/api/v1/kpis?from=2026-04-01&to=2026-06-30&team_id={}", o.team_a)).await.expect(200);
    // Active on 30 June: C1..C5 (C6 closed in May). Considered: C1 (used), C2, C5 = 3 of 5.
    assert_eq!(k["active_cases"], 5);
    assert_eq!(k["group_support_considered_pct"], 60.0);
    let g = &k["groups"];
    assert_eq!(
        (g["considered"].as_u64(), g["used"].as_u64(), g["considered_not_used"].as_u64()),
        (Some(3), Some(1), Some(2))
    );
    assert_eq!(g["group_support_used_pct"], 20.0);
    let reason =
        |code: &str| g["not_used_reasons"].as_array().and_then(|l| l.iter().find(|i| i["key"] == code)).cloned();
    assert_eq!(reason("family_declined").map(|i| i["pct"].clone()), Some(json!(50.0)));
    // Participants: C1's child and the one who is not a client; the one waiting does not count.
    assert_eq!(k["group_participants"], 2);
    // Attendance: one present of two recorded.
    assert_eq!(g["attendance_rate_pct"], 50.0);
    assert_eq!(g["offers"], 1, "team B's group is not team A's");
    let theme = g["offers_by_theme"].as_array().and_then(|l| l.iter().find(|i| i["key"] == "parenting")).cloned();
    assert_eq!(theme.map(|i| i["count"].clone()), Some(json!(1)));
    assert_eq!(g["collective_activities"], 2);
    assert_eq!(g["collective_participants"], json!({"parents": 18, "young_people": 4, "professionals": 8}));
    // The 91 days before it: no group yet; C6 was active on 31 March, not considered by then.
    assert_eq!(k["previous"]["group_participants"], 0);
    assert_eq!(k["previous"]["group_support_considered_pct"], 0.0);

    // The city for the analyst once the quarter has ended: small counts suppressed.
    e.t.app.clock.set(at("2026-07-15T10:00:00Z"));
    let analyst = e.t.login("an@test.nl").await;
    let k = analyst.get("/api/v1/kpis?from=2026-04-01&to=2026-06-30").await.expect(200);
    assert_eq!(k["small_counts_suppressed"], true);
    // Active 6 (C7 too), considered 4: both the part and the rest below 5.
    assert_eq!(k["group_support_considered_pct"], "<5");
    assert_eq!(k["group_participants"], "<5");
    assert_eq!(k["groups"]["attendance_rate_pct"], "<5");
    // Parents: 10 in April, none in May, 8 in June: May hides, so the quarter protects.
    assert_eq!(k["groups"]["collective_participants"]["parents"], "protected");
}
