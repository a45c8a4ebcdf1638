//! Group support through HTTP (issue 19; decision 0028): a team manager sets up a group, a
//! family worker enrols a client from the case linked to a goal, the waiting list, leaving,
//! attendance, and who sees what (a facilitator of another team sees the names, never the
//! file). On the backend under test; the clock stands at Tuesday 4 March 2031, noon.

use jiff::Timestamp;
use serde_json::{Value, json};

use crate::harness::{Client, Org, TestApp, org, portal_account, referral_body, spawn};

fn at_noon(t: &TestApp) {
    t.app.clock.set("2031-03-04T12:00:00Z".parse::<Timestamp>().unwrap_or_default());
}

struct Setup {
    o: Org,
    /// Team manager of team A only.
    manager_a: Client,
    /// A family worker of team B, named as facilitator of team A's group.
    facilitator_b_id: i64,
    group: i64,
    case: i64,
    parent: i64,
    child: i64,
    goal: i64,
}

fn id(v: &Value) -> i64 {
    v["id"].as_i64().unwrap_or(0)
}

/// A household in district A with a parent (born 1986) and a child of 15 (born 2015-09-02),
/// referred to team A, in support, with a goal for the child.
async fn client_case(w: &Client, o: &Org) -> (i64, i64, i64, i64) {
    let h = w
        .post(
            "/api/v1/households",
            json!({
                "address": {"street": "Zamenhofdreef", "house_number": 12, "postcode": "3562 JW", "city": "Utrecht"},
                "district_id": o.district_a,
                "members": [
                    {"given_name": "Ayşe", "family_name": "Öztürk", "birth_date": "1986-03-14", "role": "parent"},
                    {"given_name": "Deniz", "family_name": "Öztürk", "birth_date": "2015-09-02", "role": "child"},
                    {"given_name": "Mert", "family_name": "Öztürk", "birth_date": "2013-05-05", "role": "child"}
                ]
            }),
        )
        .await
        .expect(201);
    let members: Vec<i64> =
        h["members"].as_array().map(|m| m.iter().filter_map(|x| x["id"].as_i64()).collect()).unwrap_or_default();
    let case = id(&w.post("/api/v1/cases", referral_body(id(&h), o.team_a, &members, "2031-02-10")).await.expect(201));
    w.post(&format!("/api/v1/cases/{case}/intake"), json!({"held_on": "2031-02-12"})).await.expect(200);
    w.post(&format!("/api/v1/cases/{case}/start"), json!({"started_on": "2031-02-17"})).await.expect(200);
    let goal = id(&w
        .post(
            &format!("/api/v1/cases/{case}/goals"),
            json!({"life_domain": "mental_health", "title": "Deniz voelt zich minder somber", "client_id": members[1]}),
        )
        .await
        .expect(201));
    (case, members[0], members[1], goal)
}

async fn setup(t: &TestApp, capacity: i64) -> Setup {
    at_noon(t);
    let o = org(t).await;
    t.create_user(None, "ma@test.nl", "Şahin Yılmaz", "team_manager", &[o.team_a]).await;
    let facilitator_b_id = t.create_user(None, "fb@test.nl", "Emre Doğan", "family_worker", &[o.team_b]).await;
    let manager_a = t.login("ma@test.nl").await;
    let group = manager_a
        .post(
            "/api/v1/groups",
            json!({
                "theme": "youth_mental_health", "name": "Sterk in je hoofd", "district_ids": [o.district_a, o.district_b],
                "capacity": capacity, "min_age": 12, "max_age": 18, "location": "Wijkcentrum De Dreef",
                "facilitator_ids": [facilitator_b_id], "partner_facilitators": ["Jolanda de Vries (JGZ)"],
                "target_group": "jongeren die somber zijn"
            }),
        )
        .await
        .expect(201);
    assert_eq!(group["status"], "planned");
    assert_eq!(group["participants"], json!([]), "its own team manager sees the (empty) participant list");
    let (case, parent, child, goal) = client_case(&o.worker_a, &o).await;
    Setup { o, manager_a, facilitator_b_id, group: id(&group), case, parent, child, goal }
}

#[tokio::test]
async fn a_manager_sets_up_a_group_and_a_worker_enrols_a_client_linked_to_a_goal() {
    let t = spawn().await;
    let s = setup(&t, 12).await;
    let g = s.group;
    let m = &s.manager_a;
    // Sessions: one past (this morning), one next week.
    let past = m
        .post(&format!("/api/v1/groups/{g}/sessions"), json!({"starts_at": "2031-03-04T09:30", "place": "De Dreef"}))
        .await
        .expect(201);
    assert_eq!(past["starts_at"], "2031-03-04T08:30:00Z", "local time in Amsterdam");
    m.post(
        &format!("/api/v1/groups/{g}/sessions"),
        json!({"starts_at": "2031-03-11T19:00:00+01:00", "place": "De Dreef"}),
    )
    .await
    .expect(201);
    m.post(&format!("/api/v1/groups/{g}/status"), json!({"status": "running"})).await.expect(200);

    // The offers: any family worker sees them (filtered), an analyst does not.
    let w = &s.o.worker_a;
    let list =
        w.get(&format!("/api/v1/groups?district_id={}&theme=youth_mental_health", s.o.district_b)).await.expect(200);
    assert_eq!(list["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(list["items"][0]["next_session_at"], "2031-03-11T18:00:00Z");
    assert_eq!(w.get("/api/v1/groups?theme=money").await.expect(200)["items"], json!([]));
    s.o.analyst.get("/api/v1/groups").await.problem(403);

    // Enrolled from the case, linked to the child's goal.
    let mark = t.audit_mark().await;
    let p = w
        .post(
            &format!("/api/v1/groups/{g}/participants"),
            json!({"person_id": s.child, "case_id": s.case, "goal_id": s.goal}),
        )
        .await
        .expect(201);
    assert_eq!(p["waiting"], false);
    assert_eq!(p["name"], "Deniz Öztürk");
    assert_eq!(p["case_id"], s.case);
    assert_eq!(p["goal_title"], "Deniz voelt zich minder somber");
    let rows = t.audit_since(mark).await;
    let enrolled: Vec<_> = rows.iter().filter(|r| r.action == "group.participant_enrolled").collect();
    assert_eq!(enrolled.len(), 1);
    assert_eq!(enrolled[0].case_id.map(|c| c.0), Some(s.case), "the row is on the client's file");

    // Field errors: the parent is a client but too old for the group; not a client; a goal of
    // another case; case without person; nothing at all.
    let r = w
        .post(&format!("/api/v1/groups/{g}/participants"), json!({"person_id": s.parent, "case_id": s.case}))
        .await
        .problem(422);
    assert_eq!(r.fields(), ["person_id"]);
    let r = w
        .post(
            &format!("/api/v1/groups/{g}/participants"),
            json!({"person_id": 999_999, "case_id": s.case, "goal_id": 999_999}),
        )
        .await
        .problem(422);
    assert_eq!(r.fields(), ["person_id", "goal_id"]);
    let r = w.post(&format!("/api/v1/groups/{g}/participants"), json!({"case_id": s.case})).await.problem(422);
    assert_eq!(r.fields(), ["person_id"]);
    let r = w.post(&format!("/api/v1/groups/{g}/participants"), json!({})).await.problem(422);
    assert_eq!(r.fields(), ["name"]);
    // Twice: 409.
    w.post(&format!("/api/v1/groups/{g}/participants"), json!({"person_id": s.child, "case_id": s.case}))
        .await
        .problem(409);
    // A non-client by name, by the group's team.
    let n = w.post(&format!("/api/v1/groups/{g}/participants"), json!({"name": "Mehmet Kaya"})).await.expect(201);
    assert_eq!(n["client"], false);

    // The participant list of the group, logged.
    let mark = t.audit_mark().await;
    let detail = w.get(&format!("/api/v1/groups/{g}")).await.expect(200);
    assert_eq!(detail["participants"].as_array().map(Vec::len), Some(2));
    assert_eq!(detail["sessions"].as_array().map(Vec::len), Some(2));
    assert_eq!(detail["facilitators"][1]["partner"], true);
    assert!(t.audit_since(mark).await.iter().any(|r| r.action == "group.participants_read"));

    // The plan shows the participation on the goal.
    let plan = w.get(&format!("/api/v1/cases/{}/plan", s.case)).await.expect(200);
    let goal =
        plan["goals"].as_array().and_then(|gs| gs.iter().find(|x| x["id"] == s.goal)).cloned().unwrap_or_default();
    assert_eq!(goal["groups"], json!(["Sterk in je hoofd"]), "{goal}");

    // Field errors of a new group, all at once.
    let r = m
        .post("/api/v1/groups", json!({"theme": "knitting", "capacity": 0, "min_age": 16, "max_age": 12}))
        .await
        .problem(422);
    assert_eq!(r.fields(), ["theme", "name", "capacity", "max_age", "district_ids"]);
    // A family worker does not create groups; the status moves forward only.
    w.post(
        "/api/v1/groups",
        json!({"theme": "money", "name": "Geldzaken", "district_ids": [s.o.district_a], "capacity": 8}),
    )
    .await
    .problem(403);
    m.post(&format!("/api/v1/groups/{g}/status"), json!({"status": "planned"})).await.problem(409);
}

#[tokio::test]
async fn a_facilitator_of_another_team_sees_the_names_and_records_attendance_but_not_the_file() {
    let t = spawn().await;
    let s = setup(&t, 12).await;
    let g = s.group;
    let session = id(&s
        .manager_a
        .post(&format!("/api/v1/groups/{g}/sessions"), json!({"starts_at": "2031-03-04T09:30", "place": "De Dreef"}))
        .await
        .expect(201));
    let future = id(&s
        .manager_a
        .post(&format!("/api/v1/groups/{g}/sessions"), json!({"starts_at": "2031-03-18T09:30", "place": "De Dreef"}))
        .await
        .expect(201));
    let w = &s.o.worker_a;
    let client = id(&w
        .post(
            &format!("/api/v1/groups/{g}/participants"),
            json!({"person_id": s.child, "case_id": s.case, "goal_id": s.goal}),
        )
        .await
        .expect(201));
    let named =
        id(&w.post(&format!("/api/v1/groups/{g}/participants"), json!({"name": "Mehmet Kaya"})).await.expect(201));

    let f = t.login("fb@test.nl").await;
    let detail = f.get(&format!("/api/v1/groups/{g}")).await.expect(200);
    let first = &detail["participants"][0];
    assert_eq!(first["name"], "Deniz Öztürk");
    assert_eq!(first["client"], true);
    for hidden in ["case_id", "person_id", "goal_id", "goal_title"] {
        assert_eq!(first[hidden], Value::Null, "{hidden} is of the file");
    }
    // The case itself is another team's: 404, and one refusal row.
    let mark = t.audit_mark().await;
    f.get(&format!("/api/v1/cases/{}", s.case)).await.problem(404);
    let refused: Vec<_> = t.audit_since(mark).await.into_iter().filter(|r| r.action == "case.access_refused").collect();
    assert_eq!(refused.len(), 1);
    // Nor may they enrol a client of that case.
    let mark = t.audit_mark().await;
    f.post(&format!("/api/v1/groups/{g}/participants"), json!({"person_id": s.child, "case_id": s.case}))
        .await
        .problem(404);
    let rows = t.audit_since(mark).await;
    assert_eq!(rows.iter().filter(|r| r.action == "case.access_refused").count(), 1);

    // Attendance: the client present, the other absent, two people without registration.
    let done = f
        .post(
            &format!("/api/v1/group-sessions/{session}/attendance"),
            json!({"present": [client], "anonymous_present": 2}),
        )
        .await
        .expect(200);
    assert_eq!(done["present"], 1);
    assert_eq!(done["anonymous_present"], 2);
    assert!(done["attendance_recorded_at"].is_string());
    // Recorded again: replaced, not added.
    let again = f
        .post(&format!("/api/v1/group-sessions/{session}/attendance"), json!({"present": [client, named]}))
        .await
        .expect(200);
    assert_eq!(again["present"], 2);
    assert_eq!(t.count("group_attendance").await, 2);
    // Not a participant; a session still to come; someone of neither team nor facilitating.
    let r = f
        .post(&format!("/api/v1/group-sessions/{session}/attendance"), json!({"present": [999_999]}))
        .await
        .problem(422);
    assert_eq!(r.fields(), ["present[0]"]);
    f.post(&format!("/api/v1/group-sessions/{future}/attendance"), json!({"present": []})).await.problem(409);
    s.o.worker_b
        .post(&format!("/api/v1/group-sessions/{session}/attendance"), json!({"present": []}))
        .await
        .problem(403);
    let other = s.o.worker_b.get(&format!("/api/v1/groups/{g}")).await.expect(200);
    assert!(other.get("participants").is_none(), "a worker of another team sees the offer, not who takes part");
    s.o.worker_b.get("/api/v1/groups/999999").await.problem(404);
    s.o.analyst.get(&format!("/api/v1/groups/{g}")).await.problem(403);
    let _ = s.facilitator_b_id;
}

#[tokio::test]
async fn a_full_group_puts_people_on_the_waiting_list_and_the_first_moves_up_when_someone_leaves() {
    let t = spawn().await;
    let s = setup(&t, 2).await;
    let g = s.group;
    let w = &s.o.worker_a;
    let enrol = |name: &'static str| async move {
        w.post(&format!("/api/v1/groups/{g}/participants"), json!({"name": name})).await.expect(201)
    };
    let a = enrol("Anna de Boer").await;
    let b = enrol("Bram Visser").await;
    let c = enrol("Chaima Bakker").await;
    let d = enrol("Daan Smit").await;
    assert_eq!([&a, &b, &c, &d].map(|p| p["waiting"].as_bool()), [Some(false), Some(false), Some(true), Some(true)]);
    // A client from the case waits too.
    let client = w
        .post(&format!("/api/v1/groups/{g}/participants"), json!({"person_id": s.child, "case_id": s.case}))
        .await
        .expect(201);
    assert_eq!(client["waiting"], true);

    // Leaving: field errors first, then Anna leaves and Chaima (first waiting) moves up.
    let path = format!("/api/v1/group-participants/{}/leave", id(&a));
    let r = w.post(&path, json!({"on": "2031-03-05", "reason": "bored"})).await.problem(422);
    assert_eq!(r.fields(), ["on", "reason"]);
    let r = w.post(&path, json!({"on": "2031-03-04", "reason": "other"})).await.problem(422);
    assert_eq!(r.fields(), ["note"]);
    let mark = t.audit_mark().await;
    let left =
        w.post(&path, json!({"on": "2031-03-04", "reason": "moved", "note": "Naar Amersfoort"})).await.expect(200);
    assert_eq!(left["left_on"], "2031-03-04");
    assert_eq!(left["leave_reason"], "moved");
    w.post(&path, json!({"on": "2031-03-04", "reason": "moved"})).await.problem(409);
    let actions: Vec<String> = t.audit_since(mark).await.into_iter().map(|r| r.action).collect();
    assert_eq!(actions, ["group.participant_left", "group.participant_moved_up"]);
    let detail = w.get(&format!("/api/v1/groups/{g}")).await.expect(200);
    let waiting = |pid: i64| {
        detail["participants"].as_array().and_then(|ps| ps.iter().find(|p| id(p) == pid)).map(|p| p["waiting"].clone())
    };
    assert_eq!(waiting(id(&c)), Some(json!(false)), "the first on the waiting list moved up");
    assert_eq!(waiting(id(&d)), Some(json!(true)));
    assert_eq!(detail["participants_active"], 2);
    assert_eq!(detail["waiting"], 2);

    // Someone waiting who leaves frees no place: nobody moves.
    let mark = t.audit_mark().await;
    w.post(&format!("/api/v1/group-participants/{}/leave", id(&d)), json!({"on": "2031-03-04", "reason": "helped"}))
        .await
        .expect(200);
    let actions: Vec<String> = t.audit_since(mark).await.into_iter().map(|r| r.action).collect();
    assert_eq!(actions, ["group.participant_left"]);
    s.o.worker_b
        .post(&format!("/api/v1/group-participants/{}/leave", id(&b)), json!({"on": "2031-03-04", "reason": "helped"}))
        .await
        .problem(403);
    w.post("/api/v1/group-participants/999999/leave", json!({"on": "2031-03-04", "reason": "helped"}))
        .await
        .problem(404);
}

#[tokio::test]
async fn the_parent_sees_the_next_session_of_their_child_of_15_and_not_of_their_child_of_17() {
    let t = spawn().await;
    let s = setup(&t, 12).await;
    let g = s.group;
    let m = &s.manager_a;
    m.post(&format!("/api/v1/groups/{g}/sessions"), json!({"starts_at": "2031-03-01T15:00", "place": "De Dreef"}))
        .await
        .expect(201);
    m.post(
        &format!("/api/v1/groups/{g}/sessions"),
        json!({"starts_at": "2031-03-11T15:00", "place": "Bibliotheek Overvecht"}),
    )
    .await
    .expect(201);
    let w = &s.o.worker_a;
    let plan = w.get(&format!("/api/v1/cases/{}/plan", s.case)).await.expect(200);
    let mert =
        plan["household"].as_array().and_then(|h| h.iter().find(|p| p["given_name"] == "Mert").map(id)).unwrap_or(0);
    assert_ne!(mert, 0, "{plan}");
    w.post(
        &format!("/api/v1/groups/{g}/participants"),
        json!({"person_id": s.child, "case_id": s.case, "goal_id": s.goal}),
    )
    .await
    .expect(201);
    w.post(&format!("/api/v1/groups/{g}/participants"), json!({"person_id": mert, "case_id": s.case}))
        .await
        .expect(201);

    let parent = portal_account(&t, w, s.case, s.parent, "ayse@test.nl").await;
    let mine = parent.get("/api/v1/portal/plan").await.expect(200);
    let groups = mine["groups"].as_array().cloned().unwrap_or_default();
    assert_eq!(groups.len(), 1, "the child of 17's group is theirs alone: {groups:?}");
    assert_eq!(groups[0]["person_name"], "Deniz Öztürk");
    assert_eq!(groups[0]["name"], "Sterk in je hoofd");
    assert_eq!(groups[0]["next_session_at"], "2031-03-11T14:00:00Z");
    assert_eq!(groups[0]["next_session_place"], "Bibliotheek Overvecht");

    // Mert (17) sees his own group.
    let own = portal_account(&t, w, s.case, mert, "mert@test.nl").await;
    let his = own.get("/api/v1/portal/plan").await.expect(200);
    let names: Vec<_> =
        his["groups"].as_array().map(|g| g.iter().map(|x| x["person_name"].clone()).collect()).unwrap_or_default();
    assert_eq!(names, [json!("Mert Öztürk")]);
}
