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
