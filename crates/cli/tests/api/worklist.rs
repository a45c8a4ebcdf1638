//! The working day through HTTP: the worklist's agenda (appointments, actions due, the family's
//! messages, evaluations, silent cases), picking up and assigning referrals, the worker filter
//! and paging. The clock is set to Tuesday 4 March 2031, 10:00 in Utrecht, so that "today" and
//! "this week" never depend on the day the test runs.

use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};

use crate::harness::{Client, child_referred, org, portal_account, spawn};

const NOW: &str = "2031-03-04T09:00:00Z";

/// The section `code` of a worklist answer.
fn section<'a>(list: &'a Value, code: &str) -> &'a Value {
    list["sections"].as_array().and_then(|s| s.iter().find(|x| x["section"] == code)).unwrap_or(&Value::Null)
}

/// The case ids in section `code` (its cases or its agenda items).
fn case_ids(list: &Value, code: &str) -> Vec<i64> {
    let s = section(list, code);
    let from = |key: &str, id: &str| -> Vec<i64> {
        s[key].as_array().map(|a| a.iter().filter_map(|x| x[id].as_i64()).collect()).unwrap_or_default()
    };
    let mut ids = from("cases", "id");
    ids.extend(from("items", "case_id"));
    ids
}

fn texts(list: &Value, code: &str) -> Vec<String> {
    section(list, code)["items"]
        .as_array()
        .map(|a| a.iter().filter_map(|x| x["text"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

async fn worklist(c: &Client, query: &str) -> Value {
    c.get(&format!("/api/v1/worklist{query}")).await.expect(200)
}

/// A case of team A in support since 26 February, carried by `w`.
async fn case_in_support(w: &Client, district: i64, team: i64) -> (i64, i64) {
    let (case, members) = child_referred(w, district, team, "2031-02-24").await;
    w.post(&format!("/api/v1/cases/{case}/intake"), json!({"held_on": "2031-02-25"})).await.expect(200);
    w.post(&format!("/api/v1/cases/{case}/start"), json!({"started_on": "2031-02-26"})).await.expect(200);
    (case, members[0])
}

#[tokio::test]
async fn the_agenda_shows_what_is_due_today_and_this_week_and_no_more() {
    let t = spawn().await;
    t.app.clock.set(NOW.parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let w = &o.worker_a;
    let (case, parent) = case_in_support(w, o.district_a, o.team_a).await;

    let plan = |path: &str| format!("/api/v1/cases/{case}/{path}");
    for (at, what) in [("2031-03-06T14:00", "Thuis bij de familie"), ("2031-03-11T10:00", "Volgende week")] {
        w.post(&plan("appointments"), json!({"starts_at": at, "place": "Zamenhofdreef 12", "description": what}))
            .await
            .expect(201);
    }
    w.post(
        &plan("evaluations"),
        json!({"held_on": "2031-03-03", "went_well": "Rust", "changes": "Geen", "next_on": "2031-03-14"}),
    )
    .await
    .expect(201);
    let goal = w
        .post(
            &plan("goals"),
            json!({"life_domain": "parenting", "title": "Rust in huis", "description": "Minder ruzie", "client_id": null}),
        )
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    for (due, what) in [("2031-03-05", "Weekschema maken"), ("2031-03-20", "Later")] {
        w.post(
            &format!("/api/v1/goals/{goal}/actions"),
            json!({"description": what, "performer": "family_worker", "due_on": due}),
        )
        .await
        .expect(201);
    }

    let list = worklist(w, "").await;
    assert_eq!(list["scope"], "mine");
    let appointments = section(&list, "appointments");
    assert_eq!(appointments["total"], 1, "this week's appointment, not next week's: {appointments}");
    assert!(texts(&list, "appointments")[0].contains("Thuis bij de familie"));
    assert_eq!(texts(&list, "actions"), ["Weekschema maken"], "due within a week");
    assert_eq!(case_ids(&list, "evaluations"), [case]);
    assert!(case_ids(&list, "silent").is_empty(), "a contact-free week is not silence");
    assert!(case_ids(&list, "in_support").contains(&case));

    // The family writes: a comment and a proposal wait for the worker's answer.
    let family = portal_account(&t, w, case, parent, "samira.elamrani@example.nl").await;
    family.post(&format!("/api/v1/goals/{goal}/comments"), json!({"body": "Kunnen we praten?"})).await.expect(201);
    let proposal = family
        .post(&format!("/api/v1/goals/{goal}/proposals"), json!({"title": "Rust in huis en op school"}))
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    let list = worklist(w, "").await;
    assert_eq!(texts(&list, "comments"), ["Kunnen we praten?"]);
    assert_eq!(section(&list, "comments")["items"][0]["by"], "Samira El Amrani");
    assert_eq!(texts(&list, "proposals"), ["Rust in huis en op school"]);
    // An answer takes them off.
    w.post(&format!("/api/v1/goals/{goal}/comments"), json!({"body": "Ja, donderdag."})).await.expect(201);
    w.post(&format!("/api/v1/proposals/{proposal}/decision"), json!({"accept": false})).await.expect(200);
    let list = worklist(w, "").await;
    assert!(texts(&list, "comments").is_empty() && texts(&list, "proposals").is_empty(), "{list}");

    // Six weeks later without a contact the case is silent, and the action is overdue.
    t.app.clock.advance(SignedDuration::from_hours(24 * 42));
    let w = &t.login("a@test.nl").await;
    let list = worklist(w, "").await;
    assert_eq!(case_ids(&list, "silent"), [case]);
    assert_eq!(section(&list, "silent")["items"][0]["on"], "2031-02-26", "silent since the start");
    assert_eq!(texts(&list, "actions"), ["Weekschema maken", "Later"], "overdue ones stay");
    w.post(&plan("contacts"), json!({"contact_on": "2031-04-14", "form": "home_visit", "minutes": 45}))
        .await
        .expect(201);
    assert!(case_ids(&worklist(w, "").await, "silent").is_empty());

    // Another team's worker sees none of it; the manager of both teams does, per worker.
    let other = worklist(&t.login("b@test.nl").await, "?scope=team").await;
    assert!(other["sections"].as_array().is_some_and(|s| s.iter().all(|x| x["total"] == 0)), "{other}");
    let manager = t.login("m@test.nl").await;
    let of_a = worklist(&manager, &format!("?scope=team&worker={}", o.worker_a_id)).await;
    assert_eq!(texts(&of_a, "actions").len(), 2);
    let of_b = worklist(&manager, &format!("?scope=team&worker={}", o.worker_b_id)).await;
    assert!(texts(&of_b, "actions").is_empty());
    // A worker who is nobody's colleague is no filter but an error.
    w.get("/api/v1/worklist?scope=team&worker=999999").await.problem(422);
}

#[tokio::test]
async fn a_new_referral_is_picked_up_once_and_the_manager_assigns() {
    let t = spawn().await;
    t.app.clock.set(NOW.parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let mark = t.audit_mark().await;
    let colleague_id = t.create_user(None, "c@test.nl", "Cem Şahin", "family_worker", &[o.team_a]).await;
    let colleague = t.login("c@test.nl").await;
    let (case, _) = child_referred(&o.worker_a, o.district_a, o.team_a, "2031-03-03").await;

    // Nobody holds it: both workers of the team see it among theirs to pick up.
    for w in [&o.worker_a, &colleague] {
        assert!(case_ids(&worklist(w, "").await, "referred").contains(&case));
    }
    let claimed = colleague.post(&format!("/api/v1/cases/{case}/claim"), json!({})).await.expect(200);
    assert_eq!(claimed["worker_id"], colleague_id);
    // The other worker no longer has it as theirs, and cannot take it over.
    assert!(!case_ids(&worklist(&o.worker_a, "").await, "referred").contains(&case));
    o.worker_a.post(&format!("/api/v1/cases/{case}/claim"), json!({})).await.problem(409);
    // Picking up one's own again changes nothing; another team's worker learns nothing.
    colleague.post(&format!("/api/v1/cases/{case}/claim"), json!({})).await.expect(200);
    o.worker_b.post(&format!("/api/v1/cases/{case}/claim"), json!({})).await.problem(404);

    // The team manager gives it to worker A; a worker may not assign.
    o.worker_a.post(&format!("/api/v1/cases/{case}/assign"), json!({"worker_id": o.worker_a_id})).await.problem(403);
    o.manager.post(&format!("/api/v1/cases/{case}/assign"), json!({"worker_id": o.worker_b_id})).await.problem(422); // worker B is of another team
    let assigned =
        o.manager.post(&format!("/api/v1/cases/{case}/assign"), json!({"worker_id": o.worker_a_id})).await.expect(200);
    assert_eq!(assigned["worker_id"], o.worker_a_id);
    assert!(case_ids(&worklist(&o.worker_a, "").await, "referred").contains(&case));
    assert!(!case_ids(&worklist(&colleague, "").await, "referred").contains(&case));

    // Past the referral a case is no longer picked up, only assigned.
    o.worker_a.post(&format!("/api/v1/cases/{case}/intake"), json!({"held_on": "2031-03-04"})).await.expect(200);
    colleague.post(&format!("/api/v1/cases/{case}/claim"), json!({})).await.problem(409);
    // Picking up and assigning are in the case's audit log, each once (a repeat changes nothing).
    let rows = t.audit_since(mark).await;
    let on_case =
        |action: &str| rows.iter().filter(|r| r.action == action && r.case_id.map(|c| c.0) == Some(case)).count();
    assert_eq!((on_case("case.claimed"), on_case("case.assigned")), (1, 1));
}

#[tokio::test]
async fn every_section_opens_on_its_own_and_pages_without_a_silent_cut_off() {
    let t = spawn().await;
    t.app.clock.set(NOW.parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let w = &o.worker_a;
    let (case, _) = case_in_support(w, o.district_a, o.team_a).await;
    let goal = w
        .post(
            &format!("/api/v1/cases/{case}/goals"),
            json!({"life_domain": "finances", "title": "Overzicht", "description": "Post sorteren", "client_id": null}),
        )
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    for i in 0..57 {
        w.post(
            &format!("/api/v1/goals/{goal}/actions"),
            json!({"description": format!("Actie {i:02}"), "performer": "family_worker", "due_on": "2031-03-05"}),
        )
        .await
        .expect(201);
    }
    let overview = worklist(w, "").await;
    let actions = section(&overview, "actions");
    assert_eq!((actions["total"].as_i64(), actions["items"].as_array().map(Vec::len)), (Some(57), Some(5)));
    let first = worklist(w, "?section=actions").await;
    assert_eq!(first["sections"].as_array().map(Vec::len), Some(1), "only that section");
    let second = worklist(w, "?section=actions&page=2").await;
    let mut seen = texts(&first, "actions");
    seen.extend(texts(&second, "actions"));
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 57, "two pages hold every action once");
    assert_eq!(section(&second, "actions")["offset"], 50);
    let past = worklist(w, "?section=actions&page=3").await;
    assert_eq!((section(&past, "actions")["total"].as_i64(), texts(&past, "actions").len()), (Some(57), 0));
    w.get("/api/v1/worklist?section=everything").await.problem(422);
    w.get("/api/v1/worklist?section=actions&page=0").await.problem(422);
}

#[tokio::test]
async fn the_team_manager_sees_the_caseload_per_worker_and_nobody_else_does() {
    let t = spawn().await;
    t.app.clock.set(NOW.parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let colleague_id = t.create_user(None, "c@test.nl", "Cem Şahin", "family_worker", &[o.team_a]).await;
    let (carried, _) = case_in_support(&o.worker_a, o.district_a, o.team_a).await;
    // Referred on 24 February: its intake was due on 3 March, so it is overdue on the 4th.
    let (waiting, _) = child_referred(&o.worker_a, o.district_a, o.team_a, "2031-02-24").await;

    let load = o.manager.get(&format!("/api/v1/teams/{}/caseload", o.team_a)).await.expect(200);
    let of = |id: i64| {
        load["workers"].as_array().and_then(|w| w.iter().find(|x| x["worker_id"] == id)).cloned().unwrap_or_default()
    };
    let a = of(o.worker_a_id);
    assert_eq!((a["in_support"].as_u64(), a["referred"].as_u64()), (Some(1), Some(0)));
    assert_eq!(a["case_ids"], json!([carried]));
    assert_eq!(of(colleague_id)["case_ids"], json!([]), "the colleague carries nothing");
    assert_eq!(load["workers"][0]["worker_id"], colleague_id, "fewest open cases first");
    assert_eq!(load["unassigned"]["case_ids"], json!([waiting]));
    assert_eq!(load["unassigned"]["overdue"], 1);
    assert_eq!(load["unassigned"]["next_due_on"], "2031-03-03");

    // Reassigned from the overview, the case moves to the colleague.
    o.manager.post(&format!("/api/v1/cases/{carried}/assign"), json!({"worker_id": colleague_id})).await.expect(200);
    let load = o.manager.get(&format!("/api/v1/teams/{}/caseload", o.team_a)).await.expect(200);
    let colleague = load["workers"].as_array().and_then(|w| w.iter().find(|x| x["worker_id"] == colleague_id)).cloned();
    assert_eq!(colleague.map(|c| c["case_ids"].clone()), Some(json!([carried])));

    // A family worker of the team may not see it; another team's worker learns nothing.
    o.worker_a.get(&format!("/api/v1/teams/{}/caseload", o.team_a)).await.problem(403);
    o.worker_b.get(&format!("/api/v1/teams/{}/caseload", o.team_a)).await.problem(404);
}
