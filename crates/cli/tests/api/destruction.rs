//! Retention and destruction (decision 0024) through HTTP, on the backend under test: who may
//! ask and register a request, its deadline, the privacy officer's decision, legal holds, the
//! daily job with the clock moved 20 years on, and a destroyed file leaving nothing but its
//! tombstone in any table of the schema.

use std::collections::BTreeSet;

use buurtteam_app::jobs::{Registry, Worker, list};
use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};

use crate::harness::{Client, Org, PASSWORD, TestApp, org, referral_body, spawn};

const TODAY: &str = "2031-03-03";

fn at(ts: &str) -> Timestamp {
    ts.parse().unwrap_or_default()
}

/// A family registered, referred, taken into support and (if `close`) closed on `TODAY` in team
/// A: a parent (BSN), a child of 9, a teenager of 14 and a grandmother who is no client.
struct Family {
    case: i64,
    household: i64,
    parent: i64,
    child: i64,
    teen: i64,
    grandmother: i64,
}

async fn family(o: &Org, family_name: &str, close: bool) -> Family {
    let w = &o.worker_a;
    // Only the family whose file is destroyed lives on the Zamenhofdreef and has a BSN.
    let ours = family_name == "El Amrani";
    let (street, postcode) = if ours { ("Zamenhofdreef", "3562 JW") } else { ("Kanaalstraat", "3531 AB") };
    let bsn = if ours { json!("123456782") } else { json!(null) };
    let given = if ours { ["Samira", "Yassin", "Lina", "Fatma"] } else { ["Priya", "Deniz", "Elif", "Ayşe"] };
    let h = w
        .post(
            "/api/v1/households",
            json!({
                "address": {"street": street, "house_number": 12, "postcode": postcode, "city": "Utrecht"},
                "district_id": o.district_a,
                "members": [
                    {"given_name": given[0], "family_name": family_name, "birth_date": "1990-05-01", "role": "parent", "bsn": bsn},
                    {"given_name": given[1], "family_name": family_name, "birth_date": "2021-06-01", "role": "child"},
                    {"given_name": given[2], "family_name": family_name, "birth_date": "2017-02-01", "role": "child"},
                    {"given_name": given[3], "family_name": family_name, "birth_date": "1960-01-01", "role": "other"}
                ]
            }),
        )
        .await
        .expect(201);
    let ids: Vec<i64> =
        h["members"].as_array().map(|m| m.iter().filter_map(|x| x["id"].as_i64()).collect()).unwrap_or_default();
    let household = h["id"].as_i64().unwrap_or(0);
    let mut referral = referral_body(household, o.team_a, &ids[..3], TODAY);
    referral["request"] = json!(format!("Zorgen over woede bij familie {family_name}"));
    let case = w.post("/api/v1/cases", referral).await.expect(201)["id"].as_i64().unwrap_or(0);
    w.post(&format!("/api/v1/cases/{case}/intake"), json!({"held_on": TODAY})).await.expect(200);
    w.post(&format!("/api/v1/cases/{case}/start"), json!({"started_on": TODAY})).await.expect(200);
    if close {
        close_case(w, case).await;
    }
    Family { case, household, parent: ids[0], child: ids[1], teen: ids[2], grandmother: ids[3] }
}

async fn close_case(w: &Client, case: i64) {
    let body = json!({"closed_on": TODAY, "reason": "result_achieved", "reason_detail": "goals_achieved", "summary": "Doelen bereikt."});
    w.post(&format!("/api/v1/cases/{case}/close"), body).await.expect(200);
}

async fn officer(t: &TestApp) -> Client {
    t.create_user(None, "fg@test.nl", "Femke Gegevens", "privacy_officer", &[]).await;
    t.login("fg@test.nl").await
}

fn request(case: i64, person: i64, received_on: &str, scope: &str) -> Value {
    json!({"case_id": case, "requested_by_person_id": person, "received_on": received_on, "scope": scope})
}

fn id(v: &Value) -> i64 {
    v["id"].as_i64().unwrap_or(0)
}

#[tokio::test]
async fn who_may_ask_the_deadline_and_who_may_register() {
    let t = spawn().await;
    t.app.clock.set(at("2031-03-03T10:00:00Z"));
    let o = org(&t).await;
    let f = family(&o, "El Amrani", false).await;
    let fg = officer(&t).await;
    let path = "/api/v1/destruction-requests";

    // A child under 12 does not ask themselves; a grandmother who is no client does not ask.
    let r = o.worker_a.post(path, request(f.case, f.child, TODAY, "full")).await.problem(422);
    assert_eq!(r.body["errors"][0]["code"], "too_young", "{}", r.body);
    assert_eq!(r.fields(), vec!["requested_by_person_id"]);
    let r = o.worker_a.post(path, request(f.case, f.grandmother, TODAY, "full")).await.problem(422);
    assert_eq!(r.body["errors"][0]["code"], "not_entitled");
    // Received tomorrow, an unknown scope, nothing at all.
    let r = o.worker_a.post(path, request(f.case, f.parent, "2031-03-04", "everything")).await.problem(422);
    assert_eq!(r.fields(), vec!["received_on", "scope"]);
    let r = o.worker_a.post(path, json!({})).await.problem(422);
    assert_eq!(r.fields(), vec!["case_id", "requested_by_person_id", "received_on", "scope"]);
    // Another team's worker, an analyst and an admin learn nothing of the case.
    let count = t.count("destruction_requests").await;
    o.worker_b.post(path, request(f.case, f.parent, TODAY, "full")).await.problem(404);
    o.analyst.post(path, request(f.case, f.parent, TODAY, "full")).await.problem(404);
    o.admin.post(path, request(f.case, f.parent, TODAY, "full")).await.problem(404);
    assert_eq!(t.count("destruction_requests").await, count);

    // The teenager of 14 asks; the answer is due three calendar months on, clamped to the end
    // of February.
    let mark = t.audit_mark().await;
    let r = o.worker_a.post(path, request(f.case, f.teen, "2030-11-30", "partial")).await.expect(201);
    assert_eq!(r["decide_by"], "2031-02-28");
    assert_eq!((r["requester_relation"].as_str(), r["requester_age"].as_i64()), (Some("young_person"), Some(13)));
    assert!(r["outcome"].is_null());
    let rows = t.audit_since(mark).await;
    assert!(rows.iter().any(|r| r.action == "destruction.requested"), "{rows:?}");
    // The privacy officer registers for any team; the parent asks.
    let by_officer = fg.post(path, request(f.case, f.parent, TODAY, "full")).await.expect(201);
    assert_eq!(
        (by_officer["requester_relation"].as_str(), by_officer["decide_by"].as_str()),
        (Some("parent"), Some("2031-06-03"))
    );

    // The officer sees every request, open ones by deadline; the team sees its own; others none.
    let all = fg.get(path).await.expect(200);
    let ids: Vec<i64> = all.as_array().map(|a| a.iter().map(id).collect()).unwrap_or_default();
    assert_eq!(ids, vec![id(&r), id(&by_officer)]);
    assert_eq!(o.worker_a.get(path).await.expect(200).as_array().map(Vec::len), Some(2));
    assert_eq!(o.worker_b.get(path).await.expect(200).as_array().map(Vec::len), Some(0));
    o.analyst.get(path).await.problem(403);
    fg.get(&format!("{path}/{}", id(&r))).await.expect(200);
    o.worker_b.get(&format!("{path}/{}", id(&r))).await.problem(404);

    // Deciding is the officer's alone; a refusal names its ground; a request is decided once.
    let decide = |rid: i64| format!("{path}/{rid}/decision");
    o.worker_a.post(&decide(id(&r)), json!({"outcome": "refused", "refusal_ground": "legal_duty"})).await.problem(403);
    let e = fg.post(&decide(id(&r)), json!({"outcome": "refused"})).await.problem(422);
    assert_eq!(e.fields(), vec!["refusal_ground"]);
    let e = fg.post(&decide(id(&r)), json!({"outcome": "granted"})).await.problem(422);
    assert_eq!(e.fields(), vec!["copy_offered_on"]);
    let refused = fg
        .post(
            &decide(id(&r)),
            json!({"outcome": "refused", "refusal_ground": "others_interest", "note": "Belang van de moeder"}),
        )
        .await
        .expect(200);
    assert_eq!(
        (refused["outcome"].as_str(), refused["refusal_ground"].as_str()),
        (Some("refused"), Some("others_interest"))
    );
    fg.post(&decide(id(&r)), json!({"outcome": "refused", "refusal_ground": "legal_duty"})).await.problem(409);
    // The whole file of an open case is not destroyed.
    let granted = json!({"outcome": "granted", "copy_offered_on": TODAY});
    fg.post(&decide(id(&by_officer)), granted).await.problem(409);
    fg.post(&decide(9999), json!({"outcome": "refused", "refusal_ground": "legal_duty"})).await.problem(404);
}

#[tokio::test]
async fn a_partial_grant_takes_the_notes_and_a_legal_hold_keeps_the_file() {
    let t = spawn().await;
    t.app.clock.set(at("2031-03-03T10:00:00Z"));
    let o = org(&t).await;
    let f = family(&o, "El Amrani", false).await;
    let fg = officer(&t).await;
    let w = &o.worker_a;
    let case = f.case;
    w.post(&format!("/api/v1/cases/{case}/working-notes"), json!({"body": "Vader dreigde met vertrek"}))
        .await
        .expect(201);
    w.post(
        &format!("/api/v1/cases/{case}/contacts"),
        json!({"contact_on": TODAY, "form": "phone", "minutes": 10, "summary": "Moeder belde over de schulden"}),
    )
    .await
    .expect(201);
    let path = "/api/v1/destruction-requests";
    let r = w.post(path, request(case, f.parent, TODAY, "full")).await.expect(201);
    let mark = t.audit_mark().await;
    let d = fg
        .post(&format!("{path}/{}/decision", id(&r)), json!({"outcome": "partially_granted", "copy_offered_on": TODAY}))
        .await
        .expect(200);
    assert_eq!((d["outcome"].as_str(), d["destroyed"].as_bool()), (Some("partially_granted"), Some(false)));
    let actions: Vec<String> = t.audit_since(mark).await.into_iter().map(|r| r.action).collect();
    assert_eq!(actions, vec!["case.partially_destroyed", "destruction.decided"]);
    let notes = w.get(&format!("/api/v1/cases/{case}/working-notes")).await.expect(200);
    assert!(!notes.to_string().contains("dreigde"), "{notes}");
    let contacts = w.get(&format!("/api/v1/cases/{case}/contacts")).await.expect(200);
    assert_eq!(contacts["items"].as_array().map(Vec::len), Some(1), "the contact itself stays");
    assert!(!contacts.to_string().contains("schulden"), "{contacts}");

    // A legal hold keeps the closed file; lifted, the file may go.
    close_case(w, case).await;
    let holds = "/api/v1/legal-holds";
    w.post(holds, json!({"case_id": case, "reason": "Rechtszaak"})).await.problem(403);
    let e = fg.post(holds, json!({"case_id": case, "until": "2031-01-01"})).await.problem(422);
    assert_eq!(e.fields(), vec!["reason", "until"]);
    fg.post(holds, json!({"case_id": 9999, "reason": "Rechtszaak"})).await.problem(404);
    let hold = fg.post(holds, json!({"case_id": case, "reason": "Rechtszaak loopt"})).await.expect(201);
    assert!(hold["until"].is_null());
    assert_eq!(fg.get(holds).await.expect(200).as_array().map(Vec::len), Some(1));
    let full = w.post(path, request(case, f.teen, TODAY, "full")).await.expect(201);
    let granted = json!({"outcome": "granted", "copy_offered_on": TODAY});
    let e = fg.post(&format!("{path}/{}/decision", id(&full)), granted.clone()).await.problem(409);
    assert!(e.body["detail"].as_str().is_some_and(|d| d.contains("legal hold")), "{}", e.body);
    fg.post(&format!("{holds}/{}/lift", id(&hold)), json!({})).await.expect(200);
    fg.post(&format!("{holds}/{}/lift", id(&hold)), json!({})).await.problem(404);
    let d = fg.post(&format!("{path}/{}/decision", id(&full)), granted).await.expect(200);
    assert_eq!((d["destroyed"].as_bool(), d["case_id"].as_i64()), (Some(true), None));
    assert_eq!(d["case_number"].as_i64(), Some(case));
    w.get(&format!("/api/v1/cases/{case}")).await.problem(404);
    let v = buurtteam_store::audit::chain::verify(&t.app.db).await.expect("verify");
    assert!(v.broken.is_empty(), "{v:?}");
}

/// Values that name the family or say what was in their file.
const PERSONAL: &[&str] = &[
    "El Amrani",
    "Samira",
    "Yassin",
    "123456782",
    "Zamenhofdreef",
    "3562 JW",
    "3562JW",
    "Vader dreigde",
    "schulden",
    "Zorgen over woede bij familie El",
    "Rust in huis",
    "Karin",
    "samira@example.nl",
    "karin@example.nl",
    "Woensdag voorlezen",
    "Kantoor De Klop",
];

#[tokio::test]
async fn a_destroyed_file_leaves_only_its_tombstone_in_every_table() {
    let t = spawn().await;
    t.app.clock.set(at("2031-03-03T10:00:00Z"));
    let o = org(&t).await;
    let f = family(&o, "El Amrani", false).await;
    // Another family of the same team, which must keep everything.
    let other = family(&o, "Öztürk", true).await;
    let fg = officer(&t).await;
    let w = &o.worker_a;
    let case = f.case;

    // A rich file: a plan with goals, an action, a score, a comment; contacts with a summary;
    // a working note, an evaluation, an appointment, a correction; the mother in the portal;
    // a network member on a goal.
    let goal = w
        .post(
            &format!("/api/v1/cases/{case}/goals"),
            json!({"life_domain": "parenting", "title": "Rust in huis", "description": "Samira wil rust", "client_id": f.parent}),
        )
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    w.post(
        &format!("/api/v1/goals/{goal}/actions"),
        json!({"description": "Woensdag voorlezen", "performer": "family_member", "person_id": f.parent}),
    )
    .await
    .expect(201);
    w.post(&format!("/api/v1/goals/{goal}/scores"), json!({"measured_on": TODAY, "score": 3})).await.expect(201);
    w.post(
        &format!("/api/v1/cases/{case}/contacts"),
        json!({"contact_on": TODAY, "form": "home_visit", "minutes": 60, "participants": [f.parent, f.teen], "other_participants": "Karin (buurvrouw)", "summary": "Moeder vertelde over de schulden"}),
    )
    .await
    .expect(201);
    w.post(&format!("/api/v1/cases/{case}/working-notes"), json!({"body": "Vader dreigde met vertrek"}))
        .await
        .expect(201);
    w.post(
        &format!("/api/v1/cases/{case}/evaluations"),
        json!({"held_on": TODAY, "went_well": "Rust in huis", "changes": "Minder schulden", "scores": [{"goal_id": goal, "score": 4}]}),
    )
    .await
    .expect(201);
    w.post(
        &format!("/api/v1/cases/{case}/appointments"),
        json!({"starts_at": "2031-03-10T10:00", "place": "Kantoor De Klop", "description": "Gesprek met Samira"}),
    )
    .await
    .expect(201);
    // Whether group support was considered, with a reason in the family's words (issue 19).
    w.put(
        &format!("/api/v1/cases/{case}/group-support"),
        json!({"considered": true, "reason": "other", "reason_text": "Samira werkt op de groepsavond"}),
    )
    .await
    .expect(200);
    let mother = crate::harness::portal_account(&t, w, case, f.parent, "samira@example.nl").await;
    mother.get("/api/v1/portal/plan").await.expect(200);
    // An experience survey invitation (its response, which names no case, would stay).
    w.post(&format!("/api/v1/cases/{case}/survey-invitations"), json!({"person_id": f.parent, "moment": "closure"}))
        .await
        .expect(201);
    mother
        .post(&format!("/api/v1/goals/{goal}/comments"), json!({"body": "Samira: het gaat beter met de schulden"}))
        .await
        .expect(201);
    let inv = w
        .post(
            &format!("/api/v1/goals/{goal}/network-invitations"),
            json!({"name": "Karin de Buurvrouw", "relation": "buurvrouw", "email": "karin@example.nl"}),
        )
        .await
        .expect(201);
    Client::new(&t.base)
        .post(
            "/api/v1/portal/activate",
            json!({"code": inv["code"], "email": "karin@example.nl", "password": PASSWORD}),
        )
        .await
        .expect(201);
    t.login("karin@example.nl").await.get("/api/v1/portal/plan").await.expect(200);
    // The mother takes part in a group, linked to her goal, and came to its first session.
    let group = id(&o
        .manager
        .post(
            "/api/v1/groups",
            json!({"theme": "money", "name": "Grip op geld", "district_ids": [o.district_a], "capacity": 10, "team_id": o.team_a}),
        )
        .await
        .expect(201));
    let session = id(&o
        .manager
        .post(
            &format!("/api/v1/groups/{group}/sessions"),
            json!({"starts_at": "2031-03-03T09:00", "place": "Wijkcentrum"}),
        )
        .await
        .expect(201));
    let place = id(&w
        .post(
            &format!("/api/v1/groups/{group}/participants"),
            json!({"person_id": f.parent, "case_id": case, "goal_id": goal}),
        )
        .await
        .expect(201));
    w.post(&format!("/api/v1/group-sessions/{session}/attendance"), json!({"present": [place]})).await.expect(200);
    // A worker of another team broke the glass on a crisis call and read the file.
    o.worker_b
        .post(
            &format!("/api/v1/cases/{case}/emergency-access"),
            json!({"reason": "Crisisbelletje 's nachts: Samira El Amrani in paniek"}),
        )
        .await
        .expect(201);
    o.worker_b.get(&format!("/api/v1/cases/{case}")).await.expect(200);
    // The mother complained about the help (decision 0032); the team manager talked it through.
    let complaint = w
        .post(
            "/api/v1/complaints",
            json!({"case_id": case, "subject": "Samira El Amrani voelt zich niet gehoord", "against": "worker",
                   "wish": "Een ander gesprek met Samira", "complainant_person_id": f.parent}),
        )
        .await
        .expect(201);
    o.manager
        .post(
            &format!("/api/v1/complaints/{}/steps", id(&complaint)),
            json!({"step": "team_manager_mediation", "on": TODAY, "note": "Gesprek met Samira El Amrani"}),
        )
        .await
        .expect(201);
    // The household moved away and back (decision 0037): its history of teams and workers.
    let handover = format!("/api/v1/cases/{case}/handover");
    o.manager.post(&handover, json!({"to_team_id": o.team_b, "on": TODAY})).await.expect(200);
    o.manager
        .post(&handover, json!({"to_team_id": o.team_a, "to_worker_id": o.worker_a_id, "on": TODAY}))
        .await
        .expect(200);
    assert!(t.count("case_holders").await > 0 && t.count("case_team_history").await > 0);
    close_case(w, case).await;
    w.post(
        &format!("/api/v1/cases/{case}/corrections"),
        json!({"closed_on": "2031-03-02", "reason": "Verkeerd getypt"}),
    )
    .await;

    // The mother asks in writing; the officer offers a copy and grants.
    let r = w.post("/api/v1/destruction-requests", request(case, f.parent, TODAY, "full")).await.expect(201);
    let persons: BTreeSet<String> = [f.parent, f.child, f.teen, f.grandmother].iter().map(i64::to_string).collect();
    let mark = t.audit_mark().await;
    fg.post(
        &format!("/api/v1/destruction-requests/{}/decision", id(&r)),
        json!({"outcome": "granted", "copy_offered_on": TODAY, "note": "Kopie per post aangeboden"}),
    )
    .await
    .expect(200);
    let rows = t.audit_since(mark).await;
    let destroyed = rows.iter().find(|r| r.action == "case.destroyed").expect("case.destroyed row");
    assert!(!PERSONAL.iter().any(|p| destroyed.detail.contains(p)), "{destroyed:?}");

    // Every table, read whole: nothing names the case, its household or its members except the
    // tombstone, the request's file number and the audit rows (pseudonymised, or the rows that
    // record the destruction itself); no personal string is left anywhere.
    let (case_s, household_s) = (case.to_string(), f.household.to_string());
    let dump = buurtteam_store::testing::dump_all_tables(&t.app.db).await.expect("dump");
    assert!(dump.iter().any(|(t, _)| t == "case_tombstones"), "the dump covers the schema");
    let mut tombstones = 0;
    let mut other_family_seen = false;
    for (table, rows) in &dump {
        for row in rows {
            let value = |c: &str| row.iter().find(|(n, _)| n == c).and_then(|(_, v)| v.clone());
            for (column, v) in row {
                let Some(v) = v else { continue };
                for p in PERSONAL {
                    assert!(!v.contains(p), "{table}.{column} still holds {p:?}: {v}");
                }
                other_family_seen |= v.contains("Öztürk");
            }
            match table.as_str() {
                "case_tombstones" => {
                    tombstones += 1;
                    assert_eq!(value("case_id").as_deref(), Some(case_s.as_str()));
                    assert_eq!(value("reason").as_deref(), Some("request"));
                    continue;
                }
                "destroyed_households" => {
                    assert_eq!(value("household_id").as_deref(), Some(household_s.as_str()));
                    continue;
                }
                "audit_log" => {
                    let ours = value("case_id").as_deref() == Some(&case_s)
                        || value("household_id").as_deref() == Some(&household_s)
                        || value("client_id").is_some_and(|c| persons.contains(&c))
                        || value("acting_for_person_id").is_some_and(|c| persons.contains(&c));
                    let recorded =
                        ["case.destroyed", "destruction.decided"].contains(&value("action").as_deref().unwrap_or(""));
                    if ours && !recorded {
                        assert!(value("pseudonymised_at").is_some(), "audit row not pseudonymised: {row:?}");
                    }
                    continue;
                }
                _ => {}
            }
            for (column, v) in row {
                let Some(v) = v else { continue };
                let names_case = matches!(column.as_str(), "case_id") || (table == "cases" && column == "id");
                let names_household = matches!(column.as_str(), "household_id" | "merged_into")
                    || (table == "households" && column == "id");
                let names_person =
                    column.ends_with("person_id") || column == "client_id" || (table == "persons" && column == "id");
                assert!(!(names_case && *v == case_s), "{table}.{column} names the destroyed case: {row:?}");
                assert!(!(names_household && *v == household_s), "{table}.{column} names the household: {row:?}");
                assert!(!(names_person && persons.contains(v)), "{table}.{column} names a member: {row:?}");
            }
        }
    }
    assert_eq!(tombstones, 1);
    assert!(other_family_seen, "the other family's file is untouched");
    assert_eq!((t.count("group_participants").await, t.count("group_attendance").await), (0, 0));
    assert_eq!(t.count("group_offers").await, 1, "the group itself stays");
    w.get(&format!("/api/v1/cases/{}", other.case)).await.expect(200);
    w.get(&format!("/api/v1/cases/{case}")).await.problem(404);
    // The portal accounts are gone with the family: they no longer log in.
    Client::new(&t.base)
        .post("/api/v1/auth/login", json!({"email": "samira@example.nl", "password": PASSWORD}))
        .await
        .problem(401);
    mother.get("/api/v1/portal/plan").await.problem(401);

    // The chain still verifies, with the pseudonymised rows counted.
    let v = buurtteam_store::audit::chain::verify(&t.app.db).await.expect("verify");
    assert!(v.broken.is_empty(), "{v:?}");
    assert!(v.pseudonymised > 10, "{v:?}");
}

/// The newest `retention.destroy` job's summary.
async fn job_summary(t: &TestApp) -> Option<String> {
    let jobs = list(&t.app, None, 100).await.expect("jobs");
    jobs.into_iter().filter(|j| j.kind == "retention.destroy").max_by_key(|j| j.id).and_then(|j| j.result)
}

#[tokio::test]
async fn the_daily_job_destroys_closed_files_past_retention_unless_held() {
    let t = spawn().await;
    t.app.clock.set(at("2031-03-03T10:00:00Z"));
    let o = org(&t).await;
    let closed = family(&o, "El Amrani", true).await;
    let held = family(&o, "Öztürk", true).await;
    let open = family(&o, "Şahin", false).await;
    let fg = officer(&t).await;
    fg.post("/api/v1/legal-holds", json!({"case_id": held.case, "reason": "Klacht in behandeling"})).await.expect(201);
    let worker = Worker::new(t.app.clone(), Registry::builtin());

    // Twenty years after the last change the file is still kept (to the day) ...
    t.app.clock.set(at("2051-03-03T12:00:00Z"));
    worker.run_due().await.expect("run");
    assert_eq!(job_summary(&t).await.as_deref(), Some("0 files destroyed"));
    // ... and the day after, it goes; the held and the open one stay.
    t.app.clock.set(at("2051-03-04T12:00:00Z"));
    worker.run_due().await.expect("run");
    assert_eq!(job_summary(&t).await.as_deref(), Some("1 files destroyed"));
    let w = t.login("a@test.nl").await;
    w.get(&format!("/api/v1/cases/{}", closed.case)).await.problem(404);
    w.get(&format!("/api/v1/cases/{}", held.case)).await.expect(200);
    w.get(&format!("/api/v1/cases/{}", open.case)).await.expect(200);
    let rows = t.audit_since(0).await;
    let destroyed: Vec<_> = rows.iter().filter(|r| r.action == "case.destroyed").collect();
    assert_eq!(destroyed.len(), 1);
    assert!(destroyed[0].detail.contains("retention_expired"), "{:?}", destroyed[0]);
    let v = buurtteam_store::audit::chain::verify(&t.app.db).await.expect("verify");
    assert!(v.broken.is_empty(), "{v:?}");

    // Lifting the hold lets the next day's run take the held file too.
    let fg = t.login("fg@test.nl").await;
    let hold = fg.get("/api/v1/legal-holds").await.expect(200)[0]["id"].as_i64().unwrap_or(0);
    fg.post(&format!("/api/v1/legal-holds/{hold}/lift"), json!({})).await.expect(200);
    t.app.clock.advance(SignedDuration::from_hours(24));
    worker.run_due().await.expect("run");
    assert_eq!(job_summary(&t).await.as_deref(), Some("1 files destroyed"));
    let w = t.login("a@test.nl").await;
    w.get(&format!("/api/v1/cases/{}", held.case)).await.problem(404);
}
