//! Outreach campaigns (issue 16, decision 0033) through HTTP, on the backend under test: the
//! campaign contract, a signal file in (a bad file: 422 by line and nothing imported; the same
//! file twice: nothing twice), grouping per address, matching to a known household showing
//! only its team, the basket's order and filters, assigning, and who may do what.

use jiff::Timestamp;
use serde_json::{Value, json};

use crate::harness::{Client, Org, Reply, TestApp, household, org, portal_account, referral_body, spawn};

const HEAD: &str = "partner,received_on,given_name,family_name,street,house_number,postcode,kind,amount_eur,months\n";

fn at(ts: &str) -> Timestamp {
    ts.parse().unwrap_or_default()
}

async fn post_csv(c: &Client, path: &str, csv: &str) -> Reply {
    let r = c
        .http
        .post(format!("{}{path}", c.base))
        .header("Content-Type", "text/csv; charset=utf-8")
        .body(csv.to_owned())
        .send()
        .await
        .expect("POST csv");
    let status = r.status();
    let headers = r.headers().clone();
    let text = r.text().await.unwrap_or_default();
    let body = serde_json::from_str(&text).unwrap_or_else(|_| Value::String(text.clone()));
    Reply { status, body, text, headers }
}

/// The test organisation, with the district of `Overvecht` holding the postcodes 3562 and
/// 3563, worker A assigned to a campaign of that district. Returns the campaign id.
async fn setup() -> (TestApp, Org, i64) {
    let t = spawn().await;
    t.app.clock.set(at("2026-06-01T10:00:00Z"));
    let o = org(&t).await;
    o.admin
        .post(
            &format!("/api/v1/districts/{}/neighbourhoods", o.district_a),
            json!({"name": "Tigris", "postcode_areas": ["3562-3563"]}),
        )
        .await
        .expect(201);
    let c = o
        .manager
        .post(
            "/api/v1/campaigns",
            json!({"kind": "payment_arrears", "name": "Vroegsignalering Overvecht", "district_ids": [o.district_a],
                   "starts_on": "2026-05-01", "approaches": ["house_visit", "phone_and_flyer"],
                   "worker_ids": [o.worker_a_id], "help_offered": "Hulp bij geldzaken"}),
        )
        .await
        .expect(201);
    (t, o, c["id"].as_i64().unwrap_or(0))
}

fn file() -> String {
    format!(
        "{HEAD}Woonstad,2026-04-03,Ayşe,Öztürk,Zamenhofdreef,12,3562 JW,rent,950.00,3\n\
         Eneco,2026-04-09,Ayşe,Öztürk,Zamenhofdreef,12,3562JW,energy,210.40,2\n\
         Woonstad,2026-04-03,Emre,Şahin,Tigrisdreef,4a-2,3563 AB,rent,400,1\n\
         Woonstad,2026-05-04,Emre,Şahin,Tigrisdreef,4 A 2,3563AB,rent,800.00,2\n\
         Vitens,2026-05-10,Jan,de Vries,Kanaalstraat,7,3531 AB,water,45.10,1\n"
    )
}

#[tokio::test]
async fn a_campaign_a_file_the_basket_and_an_assignment() {
    let (t, o, id) = setup().await;
    // A household known to team A lives at Zamenhofdreef 12.
    let (h, members) = household(&o.worker_a, o.district_a).await;
    o.worker_a.post("/api/v1/cases", referral_body(h, o.team_a, &members[..1], "2026-05-20")).await.expect(201);

    let c = o.manager.get(&format!("/api/v1/campaigns/{id}")).await.expect(200);
    assert_eq!(c["kind"], "payment_arrears");
    assert_eq!(c["status"], "open");
    assert_eq!(c["approaches"], json!(["house_visit", "phone_and_flyer"]));
    assert_eq!(c["workers"][0]["id"], o.worker_a_id);

    let r = post_csv(&o.manager, &format!("/api/v1/campaigns/{id}/signals"), &file()).await.expect(201);
    assert_eq!(r["imported"], 5);
    assert_eq!(r["grouped_addresses"], 3);
    assert_eq!(r["duplicates"], 0);
    assert_eq!(r["matched_households"], 1);

    // The same file again imports nothing; one new row among old ones imports one.
    let again = post_csv(&o.manager, &format!("/api/v1/campaigns/{id}/signals"), &file()).await.expect(201);
    assert_eq!((again["imported"].as_i64(), again["duplicates"].as_i64()), (Some(0), Some(5)));
    let more = format!("{}Vitens,2026-04-28,Jan,de Vries,Kanaalstraat,7,3531 AB,water,90.20,2\n", file());
    let more = post_csv(&o.manager, &format!("/api/v1/campaigns/{id}/signals"), &more).await.expect(201);
    assert_eq!((more["imported"].as_i64(), more["duplicates"].as_i64()), (Some(1), Some(5)));
    assert_eq!(t.count("campaign_signals").await, 6);

    let b = o.worker_a.get(&format!("/api/v1/campaigns/{id}/addresses")).await.expect(200);
    let items = b["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(items.len(), 3);
    assert_eq!(b["total"], 3);
    // Heaviest first: two partners, 1160 euros (11 + 20 + 15 + 5 for the child = 51) before
    // 800 euros over consecutive months (8 + 10 + 10 = 28) and the water bill (0 + 10 + 10 = 20).
    let zamenhof = &items[0];
    assert_eq!(zamenhof["street"], "Zamenhofdreef");
    assert_eq!(zamenhof["signals"]["grouping"], "several_partners");
    assert_eq!(zamenhof["signals"]["partners"], json!(["Eneco", "Woonstad"]), "each once, as the file spells it");
    assert_eq!(zamenhof["signals"]["total_amount_eur"], "1160.40");
    assert_eq!(zamenhof["known_to_team"], "Buurtteam Overvecht");
    assert_eq!(zamenhof["district_id"], o.district_a);
    assert_eq!(zamenhof["weight"], 51);
    assert!(zamenhof.get("household_id").is_none(), "never the household, only its team");
    let tigris = &items[1];
    assert_eq!((tigris["house_letter"].as_str(), tigris["house_number_addition"].as_str()), (Some("a"), Some("2")));
    assert_eq!(tigris["signals"]["grouping"], "consecutive_months");
    assert_eq!(tigris["signals"]["total_amount_eur"], "800.00", "the latest amount, not the sum");
    assert_eq!(tigris["known_to_team"], Value::Null);
    assert_eq!(items[2]["district_id"], Value::Null, "3531 lies in no district's area");
    assert_eq!(items[2]["signals"]["grouping"], "consecutive_months");

    // Assign two addresses to worker A, then one back to nobody; filter by worker.
    let ids: Vec<i64> = items.iter().filter_map(|i| i["id"].as_i64()).collect();
    let a = o
        .manager
        .post(
            &format!("/api/v1/campaigns/{id}/assignments"),
            json!({"address_ids": [ids[0], ids[1]], "worker_id": o.worker_a_id}),
        )
        .await
        .expect(200);
    assert_eq!(a["assigned"], 2);
    o.manager
        .post(&format!("/api/v1/campaigns/{id}/assignments"), json!({"address_ids": [ids[1]], "worker_id": null}))
        .await
        .expect(200);
    let mine = o.worker_a.get(&format!("/api/v1/campaigns/{id}/addresses?worker={}", o.worker_a_id)).await.expect(200);
    assert_eq!(mine["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(mine["items"][0]["assigned_to"]["id"], o.worker_a_id);
    let open = o.manager.get(&format!("/api/v1/campaigns/{id}/addresses?worker=none&status=open")).await.expect(200);
    assert_eq!(open["total"], 2);
    let district =
        o.manager.get(&format!("/api/v1/campaigns/{id}/addresses?districtId={}", o.district_a)).await.expect(200);
    assert_eq!(district["total"], 2);
    // Assigning to someone not on the campaign is refused.
    let bad = o
        .manager
        .post(
            &format!("/api/v1/campaigns/{id}/assignments"),
            json!({"address_ids": [ids[0]], "worker_id": o.worker_b_id}),
        )
        .await
        .problem(422);
    assert_eq!(bad.fields(), vec!["worker_id"]);

    // The address page: its signals; reading it is logged.
    let mark = t.audit_mark().await;
    let one = o.worker_a.get(&format!("/api/v1/campaign-addresses/{}", ids[0])).await.expect(200);
    assert_eq!(one["signal_rows"].as_array().map(Vec::len), Some(2));
    assert_eq!(one["signal_rows"][0]["family_name"], "Öztürk");
    let logged: Vec<String> = t.audit_since(mark).await.into_iter().map(|r| r.action).collect();
    assert_eq!(logged, vec!["campaign_address.read"]);

    // Changing the weighing reorders the basket: months weigh most now.
    o.manager
        .put(
            "/api/v1/outreach/weighing",
            json!({"per_hundred_euros": 0, "per_partner": 0, "per_month": 100, "per_child": 0}),
        )
        .await
        .expect(200);
    let b = o.manager.get(&format!("/api/v1/campaigns/{id}/addresses")).await.expect(200);
    assert_eq!(b["items"][0]["street"], "Zamenhofdreef");
    assert_eq!(b["items"][0]["weight"], 300);

    // Closing the campaign: no more files.
    let closed = o.manager.patch(&format!("/api/v1/campaigns/{id}"), json!({"closed": true})).await.expect(200);
    assert_eq!(closed["status"], "closed");
    assert_eq!(closed["closed_on"], "2026-06-01");
    post_csv(&o.manager, &format!("/api/v1/campaigns/{id}/signals"), &file()).await.problem(409);
}

#[tokio::test]
async fn a_bad_file_is_refused_by_line_and_nothing_is_imported() {
    let (t, o, id) = setup().await;
    let bad = format!(
        "{}Woonstad,2026-07-01,A,B,Straat,12,3562 JW,rent,12.00,1\n\
         Woonstad,2026-05-01,A,B,Straat,12,35620JW,loan,12,00,0\n\
         Woonstad,2026-05-01,A,B,Straat,0,3562JW,rent,1.234,0\n",
        file()
    );
    let p = post_csv(&o.manager, &format!("/api/v1/campaigns/{id}/signals"), &bad).await.problem(422);
    let errors: Vec<(String, String)> = p.body["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| (e["field"].as_str().unwrap_or("").to_owned(), e["code"].as_str().unwrap_or("").to_owned()))
                .collect()
        })
        .unwrap_or_default();
    let want: Vec<(String, String)> = [
        ("lines[7].received_on", "future_date"),
        ("lines[8].row", "wrong_field_count"),
        ("lines[9].house_number", "invalid_house_number"),
        ("lines[9].amount_eur", "invalid_amount"),
        ("lines[9].months", "invalid_months"),
    ]
    .iter()
    .map(|(f, c)| ((*f).to_owned(), (*c).to_owned()))
    .collect();
    assert_eq!(errors, want);
    assert!(p.body["errors"][0]["message"].as_str().is_some_and(|m| !m.is_empty()));
    assert_eq!(t.count("campaign_signals").await, 0);
    assert_eq!(t.count("campaign_addresses").await, 0);
    assert_eq!(t.count("signal_imports").await, 0);

    // Not CSV: 400. An unknown campaign: 404.
    o.manager.post(&format!("/api/v1/campaigns/{id}/signals"), json!({"rows": []})).await.problem(400);
    post_csv(&o.manager, "/api/v1/campaigns/999999/signals", &file()).await.problem(404);
}

#[tokio::test]
async fn who_may_see_and_upload() {
    let (t, o, id) = setup().await;
    post_csv(&o.manager, &format!("/api/v1/campaigns/{id}/signals"), &file()).await.expect(201);
    let basket = format!("/api/v1/campaigns/{id}/addresses");
    let upload = format!("/api/v1/campaigns/{id}/signals");

    // Worker B is not assigned: no basket, no campaign, no upload (403), no list entry.
    o.worker_b.get(&basket).await.problem(403);
    o.worker_b.get(&format!("/api/v1/campaigns/{id}")).await.problem(403);
    post_csv(&o.worker_b, &upload, &file()).await.problem(403);
    assert_eq!(o.worker_b.get("/api/v1/campaigns").await.expect(200), json!([]));
    // Worker A is assigned: the basket, but no upload and no assigning.
    o.worker_a.get(&basket).await.expect(200);
    post_csv(&o.worker_a, &upload, &file()).await.problem(403);
    o.worker_a
        .post(&format!("/api/v1/campaigns/{id}/assignments"), json!({"address_ids": [1], "worker_id": null}))
        .await
        .problem(403);
    assert_eq!(o.worker_a.get("/api/v1/campaigns").await.expect(200)[0]["id"], id);
    // Admins upload and manage, never see the basket; analysts see the campaign, not the basket.
    post_csv(&o.admin, &upload, &file()).await.expect(201);
    o.admin.get(&basket).await.problem(403);
    o.analyst.get(&format!("/api/v1/campaigns/{id}")).await.expect(200);
    o.analyst.get(&basket).await.problem(403);
    // A team manager may create a campaign only for districts of their teams.
    let other = t.create_user(None, "m2@test.nl", "Mila Manager", "team_manager", &[o.team_b]).await;
    assert!(other > 0);
    let m2 = t.login("m2@test.nl").await;
    m2.post(
        "/api/v1/campaigns",
        json!({"kind": "other", "name": "X", "district_ids": [o.district_a], "starts_on": "2026-05-01"}),
    )
    .await
    .problem(403);
    m2.get(&basket).await.problem(403);
    let bad =
        o.manager.post("/api/v1/campaigns", json!({"kind": "loan", "name": "", "district_ids": []})).await.problem(422);
    let mut fields = bad.fields();
    fields.sort();
    assert_eq!(fields, vec!["district_ids", "kind", "name", "starts_on"]);

    // A family member in Mijn Buurtteam: as if nothing were there.
    let (h, members) = household(&o.worker_a, o.district_a).await;
    let case = o
        .worker_a
        .post("/api/v1/cases", referral_body(h, o.team_a, &members[..1], "2026-05-20"))
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    let family = portal_account(&t, &o.worker_a, case, members[0], "ouder@test.nl").await;
    family.get(&basket).await.problem(404);
    family.get(&format!("/api/v1/campaigns/{id}")).await.problem(404);
    // Refusals are logged.
    let mark = t.audit_mark().await;
    o.worker_b.get(&basket).await.problem(403);
    let logged: Vec<String> = t.audit_since(mark).await.into_iter().map(|r| r.action).collect();
    assert_eq!(logged, vec!["team.access_refused"]);
}

/// A signal file larger than the 1 MiB every other request may carry goes through (signal
/// uploads may carry 32 MiB); another request that large is refused with 413.
#[tokio::test]
async fn a_large_signal_file_goes_through_and_other_large_bodies_do_not() {
    let (t, o, id) = setup().await;
    let mut csv = HEAD.to_owned();
    for i in 0..20_000u32 {
        let pc = 3562 + (i % 2);
        csv.push_str(&format!("Woonstad,2026-04-03,Ayşe,Öztürk {i},Tigrisdreef,{},{pc} AB,rent,950.00,3\n", 1 + i));
    }
    assert!(csv.len() > 1024 * 1024, "{} bytes", csv.len());
    let r = post_csv(&o.manager, &format!("/api/v1/campaigns/{id}/signals"), &csv).await.expect(201);
    assert_eq!(r["imported"], 20_000, "{r}");
    assert_eq!(t.count("campaign_signals").await, 20_000);
    let big = "x".repeat(1024 * 1024 + 1);
    let r = o.manager.post("/api/v1/campaigns", json!({"name": big})).await;
    assert_eq!(r.status.as_u16(), 413, "{}", r.text);
    let kind = r.headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(kind.starts_with("application/problem+json"), "{kind}");
}

/// The import benchmark (`bench/outreach-import`): a 50,000-row file over 20,000 addresses,
/// imported through the use case (below HTTP, to time the import alone), then the same file
/// again (all duplicates). Prints the seconds; asserts only the counts.
#[tokio::test]
#[ignore = "a benchmark: run with bench/outreach-import"]
async fn bench_import_of_50000_signals() {
    let (t, o, id) = setup().await;
    let admin_id = o.admin.get("/api/v1/auth/me").await.expect(200)["id"].as_i64().unwrap_or(0);
    let actor = buurtteam_domain::policy::Actor {
        user_id: buurtteam_domain::ids::UserId(admin_id),
        role: buurtteam_domain::codes::Role::Admin,
        team_ids: Vec::new(),
        person_id: None,
        session_ref: None,
    };
    let partners = ["Woonstad", "Eneco", "Vitens", "Zilveren Kruis", "Gemeente"];
    let kinds = ["rent", "energy", "water", "health_insurance", "other"];
    let mut csv = HEAD.to_owned();
    for i in 0..50_000u32 {
        let address = i % 20_000;
        let pc = 3562 + (address / 5_000);
        let letters = [b'A' + ((address / 26) % 26) as u8, b'A' + (address % 26) as u8];
        let letters = String::from_utf8_lossy(&letters).into_owned();
        let number = 1 + (address % 150);
        let p = (i / 20_000) as usize % partners.len();
        let month = 1 + (i % 5);
        csv.push_str(&format!(
            "{},2026-0{month}-1{},Ayşe,Öztürk {address},Tigrisdreef,{number},{pc} {letters},{},{}.{:02},{}\n",
            partners[p],
            i % 10,
            kinds[p],
            100 + i % 2_000,
            i % 100,
            1 + i % 6
        ));
    }
    let started = std::time::Instant::now();
    let done = buurtteam_app::outreach::basket::import_signals(&t.app, &actor, id, &csv).await.expect("import");
    let first = started.elapsed();
    let started = std::time::Instant::now();
    let again = buurtteam_app::outreach::basket::import_signals(&t.app, &actor, id, &csv).await.expect("again");
    let second = started.elapsed();
    println!(
        "outreach import: {} bytes, 50,000 rows: first {:.2} s ({} imported, {} addresses), again {:.2} s ({} duplicates)",
        csv.len(),
        first.as_secs_f64(),
        done.imported,
        done.grouped_addresses,
        second.as_secs_f64(),
        again.duplicates
    );
    assert_eq!(done.imported + done.duplicates, 50_000);
    assert_eq!(again.imported, 0);
}
