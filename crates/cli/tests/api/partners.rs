//! Partners and the social map (issue 15 part 1, decision 0039) through HTTP, on the backend
//! under test: creating, listing and filtering partners, a GP practice's status history and its
//! 422s, worker links with their history, and who may keep the map up (a team manager of another
//! district is refused and the refusal logged; a family worker reads but cannot write).

use jiff::Timestamp;
use serde_json::{Value, json};

use crate::harness::{Client, PASSWORD, TestApp, household, org, portal_account, referral_body, spawn};

fn id(v: &Value) -> i64 {
    v["id"].as_i64().unwrap_or(0)
}

fn names(v: &Value) -> Vec<String> {
    v["items"]
        .as_array()
        .map(|a| a.iter().filter_map(|i| i["name"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

/// A team manager of team B (district B) only.
async fn manager_b(t: &TestApp, admin: &Client, team_b: i64) -> Client {
    let body = json!({"email": "mb@test.nl", "name": "Manager Zuidwest", "role": "team_manager", "team_ids": [team_b], "password": PASSWORD});
    admin.post("/api/v1/users", body).await.expect(201);
    t.login("mb@test.nl").await
}

#[tokio::test]
async fn partners_are_created_listed_and_filtered() {
    let t = spawn().await;
    t.app.clock.set("2026-03-02T10:00:00Z".parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let created = o
        .manager
        .post(
            "/api/v1/partners",
            json!({"name": "Huisartsenpraktijk De Linde", "kind": "gp_practice", "district_ids": [o.district_a],
                   "phone": "030 123 45 67", "email": "info@delinde.nl", "contact_person": "Dr. Bakker"}),
        )
        .await;
    assert_eq!(created.status.as_u16(), 201);
    assert!(created.headers.get("location").is_some());
    let gp = created.body;
    assert_eq!(gp["kind"], "gp_practice");
    assert_eq!(gp["district_ids"], json!([o.district_a]));
    assert_eq!(gp["contact_person"], "Dr. Bakker");
    assert_eq!(gp["active"], true);
    assert_eq!(gp["gp_status"], Value::Null);
    assert_eq!(gp["may_manage"], true);
    o.admin
        .post(
            "/api/v1/partners",
            json!({"name": "Basisschool De Regenboog", "kind": "primary_school", "district_ids": [o.district_b]}),
        )
        .await
        .expect(201);
    o.admin
        .post("/api/v1/partners", json!({"name": "Voorschool Het Speelhuis", "kind": "early_education", "district_ids": [o.district_a, o.district_b]}))
        .await
        .expect(201);

    // Every field error at once.
    let bad = o
        .manager
        .post("/api/v1/partners", json!({"name": "", "kind": "huisarts", "district_ids": [], "email": "geen-adres"}))
        .await
        .problem(422);
    let mut fields = bad.fields();
    fields.sort();
    assert_eq!(fields, vec!["district_ids", "email", "kind", "name"]);

    // The overview, by name, and its filters; any staff member reads it.
    let all = o.worker_b.get("/api/v1/partners").await.expect(200);
    assert_eq!(names(&all), ["Basisschool De Regenboog", "Huisartsenpraktijk De Linde", "Voorschool Het Speelhuis"]);
    assert!(all["items"].as_array().is_some_and(|a| a.iter().all(|p| p["may_manage"] == false)), "{all}");
    let gps = o.analyst.get("/api/v1/partners?kind=gp_practice").await.expect(200);
    assert_eq!(names(&gps), ["Huisartsenpraktijk De Linde"]);
    let b = o.worker_a.get(&format!("/api/v1/partners?districtId={}", o.district_b)).await.expect(200);
    assert_eq!(names(&b), ["Basisschool De Regenboog", "Voorschool Het Speelhuis"]);
    let q = o.worker_a.get("/api/v1/partners?q=regenBOOG").await.expect(200);
    assert_eq!(names(&q), ["Basisschool De Regenboog"]);
    let q = o.worker_a.get("/api/v1/partners?q=bakker").await.expect(200);
    assert_eq!(names(&q), ["Huisartsenpraktijk De Linde"], "the contact person is searched too");
    o.worker_a.get("/api/v1/partners?kind=huisarts").await.problem(422);

    // Ending a partner takes it out of the overview, unless asked for.
    let ended =
        o.manager.patch(&format!("/api/v1/partners/{}", id(&gp)), json!({"ended_on": "2026-03-01"})).await.expect(200);
    assert_eq!(ended["active"], false);
    let now = o.worker_a.get("/api/v1/partners?kind=gp_practice").await.expect(200);
    assert!(names(&now).is_empty());
    let with = o.worker_a.get("/api/v1/partners?kind=gp_practice&includeEnded=true").await.expect(200);
    assert_eq!(names(&with), ["Huisartsenpraktijk De Linde"]);
    let back = o.manager.patch(&format!("/api/v1/partners/{}", id(&gp)), json!({"ended_on": ""})).await.expect(200);
    assert_eq!(back["active"], true);
    assert_eq!(back["phone"], "030 123 45 67", "fields left out stay");
}

#[tokio::test]
async fn a_gp_practice_keeps_its_status_history_and_other_kinds_get_422() {
    let t = spawn().await;
    t.app.clock.set("2024-06-03T10:00:00Z".parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let gp = id(&o
        .manager
        .post(
            "/api/v1/partners",
            json!({"name": "Gezondheidscentrum Overvecht", "kind": "gp_practice", "district_ids": [o.district_a]}),
        )
        .await
        .expect(201));
    let school = id(&o
        .manager
        .post(
            "/api/v1/partners",
            json!({"name": "Het Zonnewiel", "kind": "secondary_school", "district_ids": [o.district_a]}),
        )
        .await
        .expect(201));
    let path = format!("/api/v1/partners/{gp}/gp-status");
    let r = o.manager.post(&path, json!({"status": "in_talks", "since": "2021-02-01"})).await;
    assert_eq!(r.status.as_u16(), 201);
    assert_eq!(r.body["gp_status"], "in_talks");
    let r = o.admin.post(&path, json!({"status": "started", "since": "2021-09-15"})).await.expect(201);
    assert_eq!(r["gp_status"], "started");
    let history: Vec<(String, String)> = r["gp_status_history"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|c| (c["status"].as_str().unwrap_or("").to_owned(), c["since"].as_str().unwrap_or("").to_owned()))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(history, [("in_talks".into(), "2021-02-01".into()), ("started".into(), "2021-09-15".into())]);

    // The 422s: before the previous change, in the future, an unknown status, not a GP practice.
    let p = o.manager.post(&path, json!({"status": "none", "since": "2021-09-14"})).await.problem(422);
    assert_eq!(p.fields(), ["since"]);
    assert!(p.body.to_string().contains("before_previous_status"), "{}", p.body);
    o.manager.post(&path, json!({"status": "none", "since": "2024-06-04"})).await.problem(422);
    let p = o.manager.post(&path, json!({"status": "gestart", "since": "2024-01-01"})).await.problem(422);
    assert_eq!(p.fields(), ["status"]);
    let p = o
        .manager
        .post(&format!("/api/v1/partners/{school}/gp-status"), json!({"status": "started", "since": "2024-01-01"}))
        .await
        .problem(422);
    assert_eq!(p.fields(), ["status"]);
    assert!(p.body.to_string().contains("not_a_gp_practice"), "{}", p.body);
    // The same day as the previous change is fine; nothing refused was written.
    o.manager.post(&path, json!({"status": "alternative_agreement", "since": "2021-09-15"})).await.expect(201);
    let read = o.worker_a.get(&format!("/api/v1/partners/{gp}")).await.expect(200);
    assert_eq!(read["gp_status"], "alternative_agreement");
    assert_eq!(read["gp_status_history"].as_array().map(Vec::len), Some(3));
    o.worker_a.get("/api/v1/partners/99999").await.problem(404);

    // Worker links: a kernpartner for the school, ended links stay in the history.
    let w = format!("/api/v1/partners/{school}");
    let r = o.manager.patch(&w, json!({"worker_ids": [o.worker_a_id]})).await.expect(200);
    assert_eq!(r["workers"][0]["user_id"], o.worker_a_id);
    assert_eq!(r["workers"][0]["starts_on"], "2024-06-03");
    t.app.clock.set("2024-09-02T10:00:00Z".parse::<Timestamp>().unwrap_or_default());
    // Sessions ended with the months passed: log in again.
    let (manager, worker_a) = (t.login("m@test.nl").await, t.login("a@test.nl").await);
    let r = manager.patch(&w, json!({"worker_ids": [o.worker_b_id]})).await.expect(200);
    let links: Vec<(i64, Value)> = r["workers"]
        .as_array()
        .map(|a| a.iter().map(|l| (l["user_id"].as_i64().unwrap_or(0), l["ends_on"].clone())).collect())
        .unwrap_or_default();
    assert_eq!(links, [(o.worker_b_id, Value::Null), (o.worker_a_id, json!("2024-09-02"))]);
    let found = worker_a.get("/api/v1/partners?q=zonnewiel").await.expect(200);
    assert_eq!(found["items"][0]["workers"][0]["user_id"], o.worker_b_id, "the overview shows who our contact is");
    // Debt services take no linked workers; an unknown user is named by its place.
    let debt = id(&manager
        .post(
            "/api/v1/partners",
            json!({"name": "Schuldhulp Utrecht", "kind": "debt_services", "district_ids": [o.district_a]}),
        )
        .await
        .expect(201));
    let p =
        manager.patch(&format!("/api/v1/partners/{debt}"), json!({"worker_ids": [o.worker_a_id]})).await.problem(422);
    assert_eq!(p.fields(), ["worker_ids"]);
    let p = manager.patch(&w, json!({"worker_ids": [o.worker_b_id, 99999]})).await.problem(422);
    assert_eq!(p.fields(), ["worker_ids[1]"]);

    // The audit rows, typed.
    let mark = t.audit_mark().await;
    manager.patch(&w, json!({"worker_ids": [], "phone": "030 000 00 00"})).await.expect(200);
    manager.post(&path, json!({"status": "started", "since": "2024-09-01"})).await.expect(201);
    let logged: Vec<String> = t.audit_since(mark).await.into_iter().map(|r| r.action).collect();
    assert_eq!(logged, ["partner.changed", "partner.workers_changed", "partner.gp_status_recorded"]);
}

#[tokio::test]
async fn only_team_managers_of_the_district_and_admins_keep_a_partner_up() {
    let t = spawn().await;
    t.app.clock.set("2026-03-02T10:00:00Z".parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let mb = manager_b(&t, &o.admin, o.team_b).await;
    let gp = id(&o
        .manager
        .post(
            "/api/v1/partners",
            json!({"name": "Praktijk Overvecht", "kind": "gp_practice", "district_ids": [o.district_a]}),
        )
        .await
        .expect(201));
    let path = format!("/api/v1/partners/{gp}");

    // A team manager of another district reads, but cannot change, record or create there.
    let read = mb.get(&path).await.expect(200);
    assert_eq!(read["may_manage"], false);
    let mark = t.audit_mark().await;
    mb.patch(&path, json!({"phone": "06"})).await.problem(403);
    let logged = t.audit_since(mark).await;
    assert_eq!(logged.iter().map(|r| r.action.as_str()).collect::<Vec<_>>(), ["team.access_refused"]);
    assert_eq!(logged[0].object_type, "partner");
    assert_eq!(logged[0].object_id, Some(gp));
    mb.post(&format!("{path}/gp-status"), json!({"status": "started", "since": "2026-01-01"})).await.problem(403);
    // Naming another team's district is a wrong choice, said beside the field, not a refusal:
    // the manager may keep up partners of their own district.
    let mark = t.audit_mark().await;
    let p = mb
        .post("/api/v1/partners", json!({"name": "X", "kind": "community", "district_ids": [o.district_a]}))
        .await
        .problem(422);
    assert_eq!(p.fields(), ["district_ids"]);
    assert!(p.body.to_string().contains("not yours: Overvecht"), "{}", p.body);
    mb.post(
        "/api/v1/partners",
        json!({"name": "X", "kind": "community", "district_ids": [o.district_a, o.district_b]}),
    )
    .await
    .problem(422);
    assert!(t.audit_since(mark).await.is_empty(), "nothing created, nothing refused");
    mb.post("/api/v1/partners", json!({"name": "Buurthuis", "kind": "community", "district_ids": [o.district_b]}))
        .await
        .expect(201);
    // The manager of both districts may add B to the practice; manager B may not then remove A.
    o.manager.patch(&path, json!({"district_ids": [o.district_a, o.district_b]})).await.expect(200);
    let p = mb.patch(&path, json!({"district_ids": [o.district_b]})).await.problem(422);
    assert_eq!(p.fields(), ["district_ids"]);
    mb.patch(&path, json!({"contact_person": "Mevrouw Jansen"})).await.expect(200);
    // Nothing was changed by the refused requests.
    let after = o.worker_a.get(&path).await.expect(200);
    assert_eq!(after["phone"], "");
    assert_eq!(after["district_ids"], json!([o.district_a, o.district_b]));

    // A family worker reads but cannot write.
    o.worker_a.get(&path).await.expect(200);
    o.worker_a.patch(&path, json!({"phone": "06"})).await.problem(403);
    o.worker_a
        .post(&format!("{path}/gp-status"), json!({"status": "started", "since": "2026-01-01"}))
        .await
        .problem(403);
    o.worker_a
        .post("/api/v1/partners", json!({"name": "X", "kind": "community", "district_ids": [o.district_a]}))
        .await
        .problem(403);
    o.analyst
        .post("/api/v1/partners", json!({"name": "X", "kind": "community", "district_ids": [o.district_a]}))
        .await
        .problem(403);

    // A family member in Mijn Buurtteam: as if nothing were there.
    let (h, members) = household(&o.worker_a, o.district_a).await;
    let case = id(&o
        .worker_a
        .post("/api/v1/cases", referral_body(h, o.team_a, &members[..1], "2026-02-20"))
        .await
        .expect(201));
    let family = portal_account(&t, &o.worker_a, case, members[0], "ouder@test.nl").await;
    family.get("/api/v1/partners").await.problem(404);
    family.get(&path).await.problem(404);
}
