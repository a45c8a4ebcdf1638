//! Referrals from partners (issue 15 part 3, decision 0041) through HTTP, on the backend under
//! test: an admin makes a partner account; it refers a family with consent (without consent
//! nothing is saved); it lists only its own organisation's referrals, with the status in words
//! following the case; and it reaches no case data anywhere in the API or the pages.

use jiff::Timestamp;
use serde_json::{Value, json};

use crate::harness::{Client, Org, PASSWORD, TestApp, org, spawn};

/// A partner of `kind` in `district`, and an account of it (logged in).
async fn partner_account(t: &TestApp, o: &Org, name: &str, kind: &str, district: i64, email: &str) -> (i64, Client) {
    let p = o
        .admin
        .post("/api/v1/partners", json!({"name": name, "kind": kind, "district_ids": [district]}))
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    let body =
        json!({"email": email, "name": "Mw. De Vries", "role": "partner", "partner_id": p, "password": PASSWORD});
    o.admin.post("/api/v1/users", body).await.expect(201);
    (p, t.login(email).await)
}

/// A referral of a parent and child in district A's postcode (the harness's district has no
/// postcode area, so the district is named), the child a client.
fn referral(district: i64) -> Value {
    json!({
        "address": {"street": "Zamenhofdreef", "house_number": 12, "postcode": "3562 JW", "city": "Utrecht"},
        "district_id": district,
        "members": [
            {"given_name": "Samira", "family_name": "El Amrani", "birth_date": "1986-03-14", "role": "parent"},
            {"given_name": "Yassin", "family_name": "El Amrani", "birth_date": "2015-09-02", "role": "child"}
        ],
        "client_members": [1],
        "request": "Yassin slaapt slecht en is veel afwezig op school.",
        "life_domains": ["parenting", "mental_health"],
        "consent_by": "parent",
        "consent_on": "2026-03-01"
    })
}

async fn cases_of(c: &Client) -> usize {
    c.get("/api/v1/cases").await.expect(200)["items"].as_array().map_or(0, Vec::len)
}

#[tokio::test]
async fn a_partner_refers_with_consent_and_follows_only_its_own_referrals() {
    let t = spawn().await;
    t.app.clock.set("2026-03-02T10:00:00Z".parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let (gp, praktijk) =
        partner_account(&t, &o, "Huisartsenpraktijk De Linde", "gp_practice", o.district_a, "poh@delinde.nl").await;
    let (_, school) =
        partner_account(&t, &o, "Basisschool De Regenboog", "primary_school", o.district_a, "ib@regenboog.nl").await;

    // Without consent nothing is saved: every missing or wrong field at once.
    let before = cases_of(&o.worker_a).await;
    let mut no_consent = referral(o.district_a);
    no_consent["consent_by"] = Value::Null;
    no_consent["consent_on"] = json!("2026-03-05");
    let r = praktijk.post("/api/v1/partner-referrals", no_consent).await;
    assert_eq!(r.status.as_u16(), 422, "{}", r.text);
    let fields: Vec<&str> =
        r.body["errors"].as_array().map(|a| a.iter().filter_map(|p| p["field"].as_str()).collect()).unwrap_or_default();
    assert!(fields.contains(&"consent_by"), "{fields:?}");
    assert!(fields.contains(&"consent_on"), "a day in the future: {fields:?}");
    let mut wrong = referral(o.district_a);
    wrong["consent_by"] = json!("neighbour");
    wrong["client_members"] = json!([5]);
    let r = praktijk.post("/api/v1/partner-referrals", wrong).await;
    assert_eq!(r.status.as_u16(), 422, "{}", r.text);
    assert!(r.text.contains("consent_by") && r.text.contains("client_members[0]"), "{}", r.text);
    assert_eq!(cases_of(&o.worker_a).await, before, "nothing saved without consent");

    // With consent: 201 with the id and the status; on team A's worklist as a GP referral,
    // the practice as referrer.
    let made = praktijk.post("/api/v1/partner-referrals", referral(o.district_a)).await.expect(201);
    let id = made["id"].as_i64().unwrap_or(0);
    assert_eq!(made["status"], "ontvangen");
    assert_eq!(made["status_code"], "received");
    let case = o.worker_a.get(&format!("/api/v1/cases/{id}")).await.expect(200);
    assert_eq!(case["team_id"], o.team_a);
    assert_eq!(case["source"], "gp");
    assert_eq!(case["referrer_organisation"], "Huisartsenpraktijk De Linde");
    assert_eq!(case["referred_on"], "2026-03-02");
    assert_eq!(cases_of(&o.worker_a).await, before + 1);

    // The practice sees its own, the school none of the practice's.
    let mine = praktijk.get("/api/v1/partner-referrals").await.expect(200);
    assert_eq!(mine["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(mine["items"][0]["id"], id);
    assert!(!mine.to_string().contains("El Amrani"), "no names: {mine}");
    assert!(!mine.to_string().contains("slaapt"), "not the request: {mine}");
    let theirs = school.get("/api/v1/partner-referrals").await.expect(200);
    assert_eq!(theirs["items"], json!([]));

    // The status follows the case: intake planned, support started, closed.
    let path = |p: &str| format!("/api/v1/cases/{id}{p}");
    o.worker_a
        .post(
            &path("/appointments"),
            json!({"starts_at": "2026-03-05T10:00", "place": "Wijkcentrum", "description": "Kennismaking"}),
        )
        .await
        .expect(201);
    let status = |v: &Value| {
        (
            v["items"][0]["status_code"].as_str().unwrap_or_default().to_owned(),
            v["items"][0]["status"].as_str().unwrap_or_default().to_owned(),
        )
    };
    let s = status(&praktijk.get("/api/v1/partner-referrals").await.expect(200));
    assert_eq!(s, ("intake_planned".to_owned(), "kennismaking gepland op 5 maart 2026".to_owned()));
    t.app.clock.set("2026-03-06T10:00:00Z".parse::<Timestamp>().unwrap_or_default());
    // A new day: both log in again (the sessions of the 2nd have ended).
    let (praktijk, worker) = (t.login("poh@delinde.nl").await, t.login("a@test.nl").await);
    worker.post(&path("/intake"), json!({"held_on": "2026-03-05", "worker_id": o.worker_a_id})).await.expect(200);
    worker.post(&path("/start"), json!({"started_on": "2026-03-06"})).await.expect(200);
    let s = status(&praktijk.get("/api/v1/partner-referrals").await.expect(200));
    assert_eq!(s, ("in_support".to_owned(), "in begeleiding".to_owned()));
    let close = json!({"closed_on": "2026-03-06", "reason": "result_achieved", "reason_detail": "goals_achieved", "summary": "Doelen bereikt."});
    worker.post(&path("/close"), close).await.expect(200);
    let s = status(&praktijk.get("/api/v1/partner-referrals").await.expect(200));
    assert_eq!(s, ("closed".to_owned(), "afgesloten".to_owned()));

    // Steering: referrals by partner kind, exact for the team's manager (one of the team's
    // referrals this month came from a GP practice's account).
    let manager = t.login("m@test.nl").await;
    let k = manager.get(&format!("/api/v1/kpis?from=2026-03-01&to=2026-03-06&team_id={}", o.team_a)).await.expect(200);
    let by_kind = k["referrals_by_partner_kind"].as_array().cloned().unwrap_or_default();
    let gp_row = by_kind.iter().find(|i| i["key"] == "gp_practice").cloned().unwrap_or_default();
    assert_eq!(gp_row["count"], 1, "{k}");
    assert!(by_kind.iter().filter(|i| i["key"] != "gp_practice").all(|i| i["count"] == 0));

    // Staff have no business here (403); an ended partner's account cannot submit.
    worker.get("/api/v1/partner-referrals").await.expect(403);
    t.login("admin@test.nl")
        .await
        .patch(&format!("/api/v1/partners/{gp}"), json!({"ended_on": "2026-03-06"}))
        .await
        .expect(200);
    let r = praktijk.post("/api/v1/partner-referrals", referral(o.district_a)).await;
    assert_eq!(r.status.as_u16(), 403, "{}", r.text);
}

#[tokio::test]
async fn a_partner_account_needs_its_partner_and_other_roles_refuse_one() {
    let t = spawn().await;
    let o = org(&t).await;
    let p = o
        .admin
        .post(
            "/api/v1/partners",
            json!({"name": "JGZ Utrecht", "kind": "youth_health_care", "district_ids": [o.district_a]}),
        )
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    let r = o
        .admin
        .post("/api/v1/users", json!({"email": "x@test.nl", "name": "X Y", "role": "partner", "password": PASSWORD}))
        .await;
    assert_eq!(r.status.as_u16(), 422, "{}", r.text);
    assert!(r.text.contains("partner_id"), "{}", r.text);
    let r = o
        .admin
        .post("/api/v1/users", json!({"email": "x@test.nl", "name": "X Y", "role": "family_worker", "team_ids": [o.team_a], "partner_id": p, "password": PASSWORD}))
        .await;
    assert_eq!(r.status.as_u16(), 422, "{}", r.text);
    assert!(r.text.contains("partner_not_partner_role"), "{}", r.text);
}

/// A family of two parents and three children arrives with every member, the three children
/// as clients; on the partner's page without JavaScript the same family fills four of the six
/// rows with an empty row between them, and an error lands on the form's own row.
#[tokio::test]
async fn a_family_with_three_children_arrives_with_all_its_members() {
    let t = spawn().await;
    t.app.clock.set("2026-03-02T10:00:00Z".parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let (_, praktijk) =
        partner_account(&t, &o, "Huisartsenpraktijk De Linde", "gp_practice", o.district_a, "poh@delinde.nl").await;
    let mut body = referral(o.district_a);
    body["members"] = json!([
        {"given_name": "Samira", "family_name": "El Amrani", "birth_date": "1986-03-14", "role": "parent"},
        {"given_name": "Karim", "family_name": "El Amrani", "birth_date": "1984-07-01", "role": "parent"},
        {"given_name": "Yassin", "family_name": "El Amrani", "birth_date": "2015-09-02", "role": "child"},
        {"given_name": "Nora", "family_name": "El Amrani", "birth_date": "2017-11-20", "role": "child"},
        {"given_name": "Adam", "family_name": "El Amrani", "birth_date": "2021-01-05", "role": "child"}
    ]);
    body["client_members"] = json!([2, 3, 4]);
    let id = praktijk.post("/api/v1/partner-referrals", body).await.expect(201)["id"].as_i64().unwrap_or(0);
    let case = o.worker_a.get(&format!("/api/v1/cases/{id}")).await.expect(200);
    let household = o.worker_a.get(&format!("/api/v1/households/{}", case["household_id"])).await.expect(200);
    let names: Vec<&str> = household["members"]
        .as_array()
        .map(|m| m.iter().filter_map(|p| p["given_name"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(names.len(), 5, "{household}");
    for name in ["Samira", "Karim", "Yassin", "Nora", "Adam"] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    let clients = case["client_ids"].as_array().cloned().unwrap_or_default();
    let child_ids: Vec<Value> = household["members"]
        .as_array()
        .map(|m| m.iter().filter(|p| p["role"] == "child").map(|p| p["id"].clone()).collect())
        .unwrap_or_default();
    assert_eq!(clients.len(), 3, "{case}");
    assert!(child_ids.iter().all(|c| clients.contains(c)), "the children are the clients: {case}");

    // The page: rows 0, 1, 3 and 4 filled in, row 2 left empty; row 4's birth date is wrong.
    let page = crate::pages::logged_in(&t.base, "poh@delinde.nl").await;
    let form = page.get(format!("{}/partner/referrals/new", t.base)).send().await.expect("get");
    let html = form.text().await.unwrap_or_default();
    assert!(html.contains("name=\"members[5].given_name\""), "six member rows");
    assert!(!html.contains("name=\"district_id\""), "no district choice before it is needed");
    let token = crate::pages::csrf(&html);
    let mut fields: Vec<(String, String)> = [
        ("_csrf", token.as_str()),
        ("address.street", "Zamenhofdreef"),
        ("address.house_number", "14"),
        ("address.postcode", "3562 JW"),
        ("address.city", "Utrecht"),
        ("request", "Drukte thuis; de kinderen slapen slecht."),
        ("life_domains", "parenting"),
        ("consent_by", "parent"),
        ("consent_on", "2026-03-01"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    for (row, name, birth, role, client) in [
        (0, "Esra", "1990-02-02", "parent", false),
        (1, "Mert", "2016-04-04", "child", true),
        (3, "Ela", "2018-05-05", "child", true),
        (4, "Deniz", "2020-13-01", "child", false),
    ] {
        let f = |k: &str| format!("members[{row}].{k}");
        fields.push((f("given_name"), name.to_owned()));
        fields.push((f("family_name"), "Kaya".to_owned()));
        fields.push((f("birth_date"), birth.to_owned()));
        fields.push((f("role"), role.to_owned()));
        if client {
            fields.push((f("is_client"), "true".to_owned()));
        }
    }
    // Every unused row sends its empty fields, as a browser does.
    for row in [2, 5] {
        for k in ["given_name", "family_name", "birth_date", "role", "phone"] {
            fields.push((format!("members[{row}].{k}"), String::new()));
        }
    }
    // The harness's district has no postcode area: the district is asked for beside its select.
    let post = |fields: Vec<(String, String)>| {
        let page = page.clone();
        let url = format!("{}/partner/referrals/new", t.base);
        async move { page.post(url).form(&fields).send().await.expect("post") }
    };
    let r = post(fields.clone()).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap_or_default();
    assert!(html.contains("id=\"members-4-birth_date-error\""), "the error beside row 5's birth date: {html}");
    assert!(!html.contains("id=\"members-3-birth_date-error\""), "not beside another row");
    assert!(html.contains("id=\"district_id-error\""), "the district is asked for beside its select");
    assert!(html.contains("Overvecht") && html.contains("Zuidwest"), "the district names to choose from");
    assert!(html.contains("value=\"Ela\""), "what was typed stays");
    let before = cases_of(&o.worker_a).await;
    for f in &mut fields {
        if f.0 == "members[4].birth_date" {
            f.1 = "2020-12-01".to_owned();
        }
        if f.0 == "_csrf" {
            f.1 = crate::pages::csrf(&html);
        }
    }
    fields.push(("district_id".to_owned(), o.district_a.to_string()));
    let r = post(fields).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap_or_default());
    assert_eq!(cases_of(&o.worker_a).await, before + 1);
    let newest = praktijk.get("/api/v1/partner-referrals").await.expect(200)["items"][0]["id"].as_i64().unwrap_or(0);
    let case = o.worker_a.get(&format!("/api/v1/cases/{newest}")).await.expect(200);
    let household = o.worker_a.get(&format!("/api/v1/households/{}", case["household_id"])).await.expect(200);
    let members = household["members"].as_array().cloned().unwrap_or_default();
    assert_eq!(members.len(), 4, "the empty row is no member: {household}");
    let client_names: Vec<&str> = members
        .iter()
        .filter(|m| case["client_ids"].as_array().is_some_and(|c| c.contains(&m["id"])))
        .filter_map(|m| m["given_name"].as_str())
        .collect();
    assert_eq!(client_names.len(), 2, "{case}");
    assert!(client_names.contains(&"Mert") && client_names.contains(&"Ela"), "{client_names:?}");
}

/// A postcode in no postcode area: without `district_id` the API asks for it beside that
/// field and saves nothing; with it the referral goes to that district's team. Where the
/// postcode does lie in an area, the district follows from it and another one is refused.
#[tokio::test]
async fn a_postcode_in_no_area_is_referred_with_the_district_chosen() {
    let t = spawn().await;
    t.app.clock.set("2026-03-02T10:00:00Z".parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let (_, school) =
        partner_account(&t, &o, "Basisschool De Regenboog", "primary_school", o.district_a, "ib@regenboog.nl").await;
    let before = (cases_of(&o.worker_a).await, cases_of(&o.worker_b).await);
    let mut body = referral(o.district_b);
    body.as_object_mut().map(|b| b.remove("district_id"));
    let r = school.post("/api/v1/partner-referrals", body.clone()).await.problem(422);
    assert_eq!(r.fields(), vec!["district_id"], "{}", r.text);
    assert_eq!(r.body["errors"][0]["code"], "district_required_no_area");
    assert_eq!((cases_of(&o.worker_a).await, cases_of(&o.worker_b).await), before, "nothing saved");

    body["district_id"] = json!(o.district_b);
    let id = school.post("/api/v1/partner-referrals", body.clone()).await.expect(201)["id"].as_i64().unwrap_or(0);
    let case = o.worker_b.get(&format!("/api/v1/cases/{id}")).await.expect(200);
    assert_eq!(case["team_id"], o.team_b, "the chosen district's team");

    // A postcode in district A's area: the district follows from it; B is refused.
    let area = json!({"name": "Overvecht-Noord", "postcode_areas": ["3562"]});
    o.admin.post(&format!("/api/v1/districts/{}/neighbourhoods", o.district_a), area).await.expect(201);
    let r = school.post("/api/v1/partner-referrals", body.clone()).await.problem(422);
    assert_eq!(r.body["errors"][0]["code"], "district_follows_postcode", "{}", r.text);
    body.as_object_mut().map(|b| b.remove("district_id"));
    let id = school.post("/api/v1/partner-referrals", body).await.expect(201)["id"].as_i64().unwrap_or(0);
    assert_eq!(o.worker_a.get(&format!("/api/v1/cases/{id}")).await.expect(200)["team_id"], o.team_a);
}

/// The admin's page without JavaScript: a new account with the role partner names its
/// partner (the ended one is not offered); without one the error stands beside the choice; a
/// staff role with a partner is refused there too; the list names the partner, and the
/// account's page shows it and saves a new name without touching role or partner.
#[tokio::test]
async fn the_admin_page_makes_a_partner_account() {
    let t = spawn().await;
    t.app.clock.set("2026-03-02T10:00:00Z".parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let new_partner = |name: &'static str, kind: &'static str| {
        let admin = &o.admin;
        let body = json!({"name": name, "kind": kind, "district_ids": [o.district_a]});
        async move { admin.post("/api/v1/partners", body).await.expect(201)["id"].as_i64().unwrap_or(0) }
    };
    let linde = new_partner("Huisartsenpraktijk De Linde", "gp_practice").await;
    let ended = new_partner("Basisschool Het Anker", "primary_school").await;
    o.admin.patch(&format!("/api/v1/partners/{ended}"), json!({"ended_on": "2026-03-01"})).await.expect(200);
    let admin = crate::pages::logged_in(&t.base, "admin@test.nl").await;
    let url = format!("{}/admin/users/new", t.base);
    let html = admin.get(&url).send().await.expect("get").text().await.unwrap_or_default();
    assert!(html.contains("<option value=\"partner\">Partnerorganisatie</option>"), "{html}");
    assert!(html.contains(&format!("<option value=\"{linde}\">Huisartsenpraktijk De Linde (huisartsenpraktijk)")));
    assert!(!html.contains("Het Anker"), "an ended partner is not offered");
    let token = crate::pages::csrf(&html);
    let post = |role: &'static str, partner: String, teams: Option<String>| {
        let (admin, url, token) = (admin.clone(), url.clone(), token.clone());
        async move {
            let mut body = vec![
                ("_csrf", token),
                ("name", "Mw. De Vries".to_owned()),
                ("email", "poh@delinde.nl".to_owned()),
                ("role", role.to_owned()),
                ("partner_id", partner),
                ("contract_hours", String::new()),
            ];
            body.extend(teams.map(|t| ("team_ids", t)));
            admin.post(url).form(&body).send().await.expect("post")
        }
    };
    let r = post("partner", String::new(), None).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap_or_default();
    assert!(html.contains("id=\"partner_id-error\""), "the error beside the partner: {html}");
    let r = post("family_worker", linde.to_string(), Some(o.team_a.to_string())).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap_or_default();
    assert!(
        html.contains("id=\"partner_id-error\"") && html.contains("Alleen een account met de rol partnerorganisatie"),
        "{html}"
    );
    assert!(o.admin.get("/api/v1/users").await.expect(200).to_string().matches("poh@delinde.nl").count() == 0);
    let mark = t.audit_mark().await;
    let r = post("partner", linde.to_string(), None).await;
    assert_eq!(r.status(), 200, "the activation code page");
    let created = t.audit_since(mark).await;
    let row = created.iter().find(|r| r.action == "user.created").expect("audited as any new account");
    let detail: Value = serde_json::from_str(&row.detail).unwrap_or_default();
    assert_eq!(detail["after"]["partner_id"], linde);
    assert_eq!(detail["after"]["role"], "partner");
    let users = o.admin.get("/api/v1/users").await.expect(200);
    let account = users["items"]
        .as_array()
        .and_then(|a| a.iter().find(|u| u["email"] == "poh@delinde.nl").cloned())
        .unwrap_or_default();
    assert_eq!((account["role"].as_str(), account["partner_id"].as_i64()), (Some("partner"), Some(linde)));
    let list = admin.get(format!("{}/admin/users", t.base)).send().await.expect("get").text().await.unwrap_or_default();
    let row = list.split("Mw. De Vries").nth(1).and_then(|r| r.split("</tr>").next()).unwrap_or_default();
    assert!(row.contains("Partnerorganisatie") && row.contains("Huisartsenpraktijk De Linde"), "{row}");

    // The account's page: role and partner shown, not changed; the name is.
    let id = account["id"].as_i64().unwrap_or(0);
    let edit = admin.get(format!("{}/admin/users/{id}", t.base)).send().await.expect("get");
    let html = edit.text().await.unwrap_or_default();
    assert!(html.contains("id=\"partner-account\"") && html.contains("Huisartsenpraktijk De Linde"), "{html}");
    assert!(!html.contains("name=\"role\""), "no role to change");
    let body = [
        ("_csrf", crate::pages::csrf(&html)),
        ("name", "Mw. J. de Vries".to_owned()),
        ("contract_hours", String::new()),
    ];
    let r = admin.post(format!("{}/admin/users/{id}", t.base)).form(&body).send().await.expect("post");
    assert_eq!(r.status(), 303);
    let after = o.admin.get(&format!("/api/v1/users/{id}")).await.expect(200);
    assert_eq!((after["name"].as_str(), after["role"].as_str()), (Some("Mw. J. de Vries"), Some("partner")));
    // Through the API a partner account keeps its role, and a staff account becomes none.
    let r = o.admin.patch(&format!("/api/v1/users/{id}"), json!({"role": "family_worker"})).await.problem(422);
    assert_eq!(r.body["errors"][0]["code"], "partner_role_fixed");
    o.admin.patch(&format!("/api/v1/users/{id}"), json!({"role": "partner"})).await.expect(200);
    let worker = o.admin.get("/api/v1/users").await.expect(200)["items"]
        .as_array()
        .and_then(|a| a.iter().find(|u| u["email"] == "a@test.nl").and_then(|u| u["id"].as_i64()))
        .unwrap_or(0);
    let r = o.admin.patch(&format!("/api/v1/users/{worker}"), json!({"role": "partner"})).await.problem(422);
    assert_eq!(r.body["errors"][0]["code"], "partner_role_new_account");
}

/// Every path of the API document, with its ids filled in by an existing case, household,
/// person and partner: a partner account is refused each GET (403 or 404) but its own list,
/// and each page of the staff site and the portal is closed to it. Built from the router's
/// OpenAPI document, so a new endpoint cannot be missed.
#[tokio::test]
async fn a_partner_account_reaches_no_case_data() {
    let t = spawn().await;
    t.app.clock.set("2026-03-02T10:00:00Z".parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let (p, praktijk) =
        partner_account(&t, &o, "Huisartsenpraktijk De Linde", "gp_practice", o.district_a, "poh@delinde.nl").await;
    let id = praktijk.post("/api/v1/partner-referrals", referral(o.district_a)).await.expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    let case = o.worker_a.get(&format!("/api/v1/cases/{id}")).await.expect(200);
    let household = case["household_id"].as_i64().unwrap_or(0);
    let doc = o.admin.get("/api/v1/openapi.json").await.expect(200);
    let paths = doc["paths"].as_object().cloned().unwrap_or_default();
    assert!(paths.len() > 50, "the API document lists the endpoints");
    // Reachable without data: its own list, its own account, the public parts (API document,
    // health, the survey by its one-time code, log-in), all checked by their own tests.
    let open = |path: &str| {
        path == "/api/v1/partner-referrals"
            || path.starts_with("/api/v1/auth/")
            || path.starts_with("/api/v1/account")
            || path.starts_with("/api/v1/session")
            || path.starts_with("/api/v1/survey/")
            || path.starts_with("/api/v1/openapi")
            || path.starts_with("/api/v1/health")
            || path.starts_with("/api/v1/ready")
    };
    let mut checked = 0;
    for (path, ops) in &paths {
        let path = if path.starts_with("/api/v1") { path.clone() } else { format!("/api/v1{path}") };
        if ops.get("get").is_none() || open(&path) {
            continue;
        }
        let concrete = fill(&path, id, household, p) + &required_query(&ops["get"], id);
        let r = praktijk.get(&concrete).await;
        // A few reads check their required query before who asks (a 422 naming the
        // missing parameters, no data); everything else refuses.
        let refused = matches!(r.status.as_u16(), 403 | 404)
            || (r.status.as_u16() == 422 && r.body["type"] == "/api/v1/docs#problem-validation");
        assert!(refused, "GET {concrete}: {} {}", r.status, r.text);
        assert!(!r.text.contains("El Amrani"), "GET {concrete} leaked a name");
        checked += 1;
    }
    assert!(checked > 40, "{checked} endpoints checked");
    // A write on a case is refused as well.
    let r = praktijk
        .post(
            &format!("/api/v1/cases/{id}/contacts"),
            json!({"contact_on": "2026-03-02", "form": "video", "minutes": 5}),
        )
        .await;
    assert!(matches!(r.status.as_u16(), 403 | 404), "{}", r.text);
    // Pages: staff and portal pages send a partner away; none shows case data.
    for page in [
        "/".to_owned(),
        format!("/cases/{id}"),
        format!("/cases/{id}/plan"),
        format!("/households/{household}"),
        "/dashboards".to_owned(),
        "/partners".to_owned(),
        "/knowledge".to_owned(),
        "/absence".to_owned(),
        "/admin".to_owned(),
        "/portal".to_owned(),
        "/groups".to_owned(),
        "/outreach".to_owned(),
        "/complaints".to_owned(),
        "/referral".to_owned(),
        "/search".to_owned(),
    ] {
        let r = praktijk.get(&page).await;
        assert!(!r.text.contains("El Amrani") && !r.text.contains("slaapt"), "page {page} leaked case data");
        assert!(r.status.as_u16() != 200 || !r.text.contains("Werklijst"), "page {page}: {}", r.status);
    }
}

/// The path with its `{…}` parameters filled in: the case, household and partner where named,
/// else the case id (the one record a guess at an id would find).
fn fill(path: &str, case: i64, household: i64, partner: i64) -> String {
    let mut out = String::new();
    let mut rest = path;
    let mut previous = "";
    while let Some(open) = rest.find('{') {
        let before = &rest[..open];
        out.push_str(before);
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
        let segment = before.trim_end_matches('/').rsplit('/').next().unwrap_or(previous);
        let value = match segment {
            "households" => household,
            "partners" => partner,
            _ => case,
        };
        out.push_str(&value.to_string());
        previous = segment;
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// The required query parameters of an operation, each with a value of its type, so that the
/// request reaches the check of who asks.
fn required_query(op: &Value, id: i64) -> String {
    let mut pairs = Vec::new();
    for p in op["parameters"].as_array().into_iter().flatten() {
        if p["in"] != "query" || p["required"] != true {
            continue;
        }
        let schema = &p["schema"];
        let value = if let Some(first) = schema["enum"].as_array().and_then(|e| e.first()).and_then(Value::as_str) {
            first.to_owned()
        } else if schema["type"] == "integer" {
            id.to_string()
        } else {
            "2026-01-01".to_owned()
        };
        pairs.push(format!("{}={value}", p["name"].as_str().unwrap_or_default()));
    }
    if pairs.is_empty() { String::new() } else { format!("?{}", pairs.join("&")) }
}
