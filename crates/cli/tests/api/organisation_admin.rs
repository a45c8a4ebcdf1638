//! The organisation as an admin sets it up (issue 14): districts with neighbourhoods and
//! postcode areas, teams serving districts, renames with history, ending instead of deleting;
//! and the reference lists (own code-list labels, population upload with preview).

use serde_json::json;

use crate::harness::{household_body, org, referral_body, spawn};

fn id(v: &serde_json::Value) -> i64 {
    v["id"].as_i64().unwrap_or(0)
}

#[tokio::test]
async fn a_household_lands_in_the_district_of_its_postcode_area() {
    let t = spawn().await;
    let o = org(&t).await;
    let oost = id(&o.admin.post("/api/v1/districts", json!({"name": "Oost"})).await.expect(201));
    let body = json!({"name": "Wittevrouwen", "postcode_areas": ["3581", "3582 AA-3582 KZ"]});
    let n = o.admin.post(&format!("/api/v1/districts/{oost}/neighbourhoods"), body).await.expect(201);
    assert_eq!(n["postcode_areas"], json!(["3581", "3582 AA-3582 KZ"]));
    assert_eq!(o.admin.get("/api/v1/neighbourhoods").await.expect(200)["items"][0]["name"], "Wittevrouwen");

    // No district given: it follows from the postcode.
    let mut body = household_body(0);
    body.as_object_mut().map(|b| b.remove("district_id"));
    body["address"]["postcode"] = json!("3581 ab");
    let h = o.worker_a.post("/api/v1/households", body.clone()).await.expect(201);
    assert_eq!(h["district_id"], oost);
    // Another district than the postcode's is refused beside the district.
    body["district_id"] = json!(o.district_a);
    let r = o.worker_a.post("/api/v1/households", body.clone()).await.problem(422);
    assert_eq!(r.fields(), vec!["district_id"]);
    assert_eq!(r.body["errors"][0]["code"], "district_follows_postcode");
    // Outside every area the choice is the worker's, and needed.
    body["address"]["postcode"] = json!("3582 LA");
    let h = o.worker_a.post("/api/v1/households", body.clone()).await.expect(201);
    assert_eq!(h["district_id"], o.district_a);
    body.as_object_mut().map(|b| b.remove("district_id"));
    let r = o.worker_a.post("/api/v1/households", body).await.problem(422);
    assert_eq!(r.body["errors"][0]["code"], "district_required_no_area");

    // The admin's change is in the log with before and after.
    let mark = t.audit_mark().await;
    let nid = id(&n);
    o.admin.patch(&format!("/api/v1/neighbourhoods/{nid}"), json!({"postcode_areas": ["3581"]})).await.expect(200);
    let rows = t.audit_since(mark).await;
    let row = rows.iter().find(|r| r.action == "neighbourhood.changed").expect("logged");
    let detail: serde_json::Value = serde_json::from_str(&row.detail).unwrap_or_default();
    assert_eq!(detail["before"]["postcode_areas"], json!(["3581", "3582 AA-3582 KZ"]));
    assert_eq!(detail["after"]["postcode_areas"], json!(["3581"]));
}

#[tokio::test]
async fn postcode_areas_of_two_neighbourhoods_cannot_overlap() {
    let t = spawn().await;
    let o = org(&t).await;
    let a = format!("/api/v1/districts/{}/neighbourhoods", o.district_a);
    let b = format!("/api/v1/districts/{}/neighbourhoods", o.district_b);
    o.admin.post(&a, json!({"name": "Taagdreef", "postcode_areas": ["3562"]})).await.expect(201);
    let r = o.admin.post(&b, json!({"name": "Rivierenwijk", "postcode_areas": ["3561-3563"]})).await.problem(422);
    assert_eq!(r.fields(), vec!["postcode_areas"]);
    assert_eq!(r.body["errors"][0]["code"], "postcode_area_overlap");
    assert!(r.body["errors"][0]["message"].as_str().unwrap_or_default().contains("Taagdreef"));
    let r = o.admin.post(&b, json!({"name": "X", "postcode_areas": ["35"]})).await.problem(422);
    assert_eq!(r.body["errors"][0]["code"], "invalid_postcode_area");
    // Touching is fine; nothing was saved by the refused ones.
    o.admin.post(&b, json!({"name": "Rivierenwijk", "postcode_areas": ["3561", "3563"]})).await.expect(201);
    assert_eq!(o.admin.get("/api/v1/neighbourhoods").await.expect(200)["items"].as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn renaming_keeps_the_history_and_labels_show_the_new_name() {
    let t = spawn().await;
    let o = org(&t).await;
    let d = o.admin.patch(&format!("/api/v1/districts/{}", o.district_a), json!({"name": "Overvecht-Noord"})).await;
    assert_eq!(d.expect(200)["name"], "Overvecht-Noord");
    o.admin.patch(&format!("/api/v1/districts/{}", o.district_a), json!({"name": "Zuidwest"})).await.problem(409);
    let team = o.admin.patch(&format!("/api/v1/teams/{}", o.team_a), json!({"name": "Team Noord"})).await.expect(200);
    assert_eq!(team["name"], "Team Noord");
    let page = o.admin.get("/admin/organisation").await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("Overvecht-Noord") && page.text.contains("Team Noord"));
    assert!(page.text.contains("Eerder: Overvecht (tot"), "the former name stays visible");
    assert!(page.text.contains("Buurtteam Overvecht (tot"));
    let teams = o.analyst.get("/api/v1/teams").await.expect(200);
    assert!(teams["items"].as_array().is_some_and(|ts| ts.iter().any(|t| t["name"] == "Team Noord")));
}

#[tokio::test]
async fn an_ended_team_keeps_its_cases_and_takes_no_new_referrals() {
    let t = spawn().await;
    let o = org(&t).await;
    let case = crate::harness::case(&o.worker_a, o.district_a, o.team_a, "2026-11-02").await;
    let mark = t.audit_mark().await;
    let ended = o.admin.patch(&format!("/api/v1/teams/{}", o.team_a), json!({"active": false})).await.expect(200);
    assert!(ended["ended_on"].is_string());
    let rows = t.audit_since(mark).await;
    let row = rows.iter().find(|r| r.action == "team.changed").expect("logged");
    let detail: serde_json::Value = serde_json::from_str(&row.detail).unwrap_or_default();
    assert_eq!(detail["before"]["ended_on"], serde_json::Value::Null);
    assert_eq!(detail["after"]["ended_on"], ended["ended_on"]);
    // Its case is still there and readable; the team is listed still (with its end).
    o.worker_a.get(&format!("/api/v1/cases/{case}")).await.expect(200);
    assert_eq!(t.count("teams").await, 2);
    // No new referral.
    let (h, members) = crate::harness::household(&o.worker_a, o.district_a).await;
    let r = o.worker_a.post("/api/v1/cases", referral_body(h, o.team_a, &members[..1], "2026-11-03")).await;
    let r = r.problem(422);
    assert_eq!(r.body["errors"][0]["code"], "team_ended");
    // And it left the referral page's picker.
    let page = o.worker_a.get(&format!("/referrals/new?household_id={h}")).await;
    assert!(!page.text.contains("Buurtteam Overvecht</option>"));
    // Taken back into use, it takes referrals again.
    o.admin.patch(&format!("/api/v1/teams/{}", o.team_a), json!({"active": true})).await.expect(200);
    o.worker_a.post("/api/v1/cases", referral_body(h, o.team_a, &members[..1], "2026-11-03")).await.expect(201);
    // A team can serve more than one district.
    let both = json!({"district_ids": [o.district_a, o.district_b]});
    let t2 = o.admin.patch(&format!("/api/v1/teams/{}", o.team_b), both).await.expect(200);
    assert_eq!(t2["district_ids"], json!([o.district_a, o.district_b]));
}

#[tokio::test]
async fn an_own_label_shows_on_the_pages_and_falls_back_when_cleared() {
    let t = spawn().await;
    let o = org(&t).await;
    let (h, _) = crate::harness::household(&o.worker_a, o.district_a).await;
    let path = format!("/referrals/new?household_id={h}");
    assert!(o.worker_a.get(&path).await.text.contains(">School / kernpartner</option>"));
    let label = json!({"code_list": "source", "code": "school", "lang": "nl", "label": "Onderwijs (school)"});
    o.worker_a.put("/api/v1/code-labels", label.clone()).await.problem(403);
    o.admin.put("/api/v1/code-labels", label).await.expect(200);
    let page = o.worker_a.get(&path).await.text;
    assert!(page.contains(">Onderwijs (school)</option>"), "the own label replaces the catalogue's");
    let bad = json!({"code_list": "source", "code": "castle", "lang": "nl", "label": "X"});
    assert_eq!(o.admin.put("/api/v1/code-labels", bad).await.problem(422).fields(), vec!["code"]);
    let clear = json!({"code_list": "source", "code": "school", "lang": "nl", "label": ""});
    o.admin.put("/api/v1/code-labels", clear).await.expect(200);
    assert!(o.worker_a.get(&path).await.text.contains(">School / kernpartner</option>"), "back to the catalogue");
    assert_eq!(o.admin.get("/api/v1/code-labels").await.expect(200)["items"], json!([]));
}

#[tokio::test]
async fn populations_are_previewed_then_saved_and_a_bad_line_saves_nothing() {
    let t = spawn().await;
    let o = org(&t).await;
    let good = "# Bron: BRP\ndistrict,reference_date,residents,residents_0_17\nOvervecht,2024-01-01,35.000,9000\nZuidwest,2024-01-01,40000,\n";
    let upload = json!({"csv": good, "file_name": "utrecht-2024.csv"});
    o.worker_a.post("/api/v1/district-populations/previews", upload.clone()).await.problem(403);
    let p = o.admin.post("/api/v1/district-populations/previews", upload.clone()).await.expect(200);
    assert_eq!(p["errors"], json!([]));
    assert_eq!(p["lines"][0]["residents"], 35000);
    assert_eq!(p["source"], "Bron: BRP");
    assert_eq!(t.count("district_populations").await, 0, "a preview saves nothing");
    let bad = "district,reference_date,residents\nOvervecht,2024-01-01,100\nNergenshuizen,2024-01-01,5\nZuidwest,2024-13-01,7\n";
    let p = o.admin.post("/api/v1/district-populations/previews", json!({"csv": bad})).await.expect(200);
    let fields: Vec<&str> =
        p["errors"].as_array().map(|e| e.iter().filter_map(|x| x["field"].as_str()).collect()).unwrap_or_default();
    assert_eq!(fields, ["line 3", "line 4"]);
    let r = o.admin.post("/api/v1/district-populations", json!({"csv": bad})).await.problem(422);
    assert_eq!(r.fields(), vec!["line 3", "line 4"]);
    assert_eq!(t.count("district_populations").await, 0);
    let mark = t.audit_mark().await;
    assert_eq!(o.admin.post("/api/v1/district-populations", upload).await.expect(201)["districts"], 2);
    assert_eq!(t.count("district_populations").await, 2);
    let rows = t.audit_since(mark).await;
    let row = rows.iter().find(|r| r.action == "population.imported").expect("logged");
    let detail: serde_json::Value = serde_json::from_str(&row.detail).unwrap_or_default();
    assert!(detail["after"].as_object().is_some_and(|a| a.len() == 2));
}

#[tokio::test]
async fn the_pages_set_up_an_organisation_and_refuse_non_admins() {
    let t = spawn().await;
    let o = org(&t).await;
    for path in ["/admin/organisation", "/admin/reference"] {
        assert_eq!(o.worker_a.get(path).await.status, 403, "{path}");
        assert_eq!(o.manager.get(path).await.status, 403, "{path}");
        let page = o.admin.get(path).await;
        assert_eq!(page.status, 200, "{path}");
    }
    // A page form with the worker's own valid token is still refused, and saves nothing.
    let token = crate::pages::csrf(&o.worker_a.get("/").await.text);
    let post = |c: &crate::harness::Client, path: &str, form: Vec<(&str, String)>| {
        c.http.post(format!("{}{path}", t.base)).form(&form).send()
    };
    let r = post(&o.worker_a, "/admin/organisation/districts", vec![("_csrf", token), ("name", "Stiekem".into())]);
    assert_eq!(r.await.expect("post").status().as_u16(), 403);
    // The admin's form saves, and the page names what was saved.
    let token = crate::pages::csrf(&o.admin.get("/admin/organisation").await.text);
    let r = post(&o.admin, "/admin/organisation/districts", vec![("_csrf", token.clone()), ("name", "Oost".into())]);
    let page = r.await.expect("post").text().await.unwrap_or_default();
    assert!(page.contains("De wijk is opgeslagen."));
    let r = post(&o.admin, "/admin/organisation/districts", vec![("_csrf", token), ("name", "Oost".into())]);
    let r = r.await.expect("post");
    assert_eq!(r.status().as_u16(), 422);
    assert!(r.text().await.unwrap_or_default().contains("Deze naam is al in gebruik."));
    let names: Vec<String> = o.admin.get("/api/v1/districts").await.expect(200)["items"]
        .as_array()
        .map(|d| d.iter().filter_map(|x| x["name"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    assert_eq!(names, ["Oost", "Overvecht", "Zuidwest"]);
    // The team form: emptying the phone field removes the number.
    let team = format!("/api/v1/teams/{}", o.team_a);
    o.admin.patch(&team, json!({"phone": "030 123 45 67", "email": "overvecht@buurtteam.example"})).await.expect(200);
    let token = crate::pages::csrf(&o.admin.get("/admin/organisation").await.text);
    let form = vec![
        ("_csrf", token),
        ("form", "team".into()),
        ("name", "Buurtteam Overvecht".into()),
        ("kind", "neighbourhood".into()),
        ("district_ids", o.district_a.to_string()),
        ("phone", String::new()),
        ("email", "overvecht@buurtteam.example".into()),
    ];
    let r = post(&o.admin, &format!("/admin/organisation/teams/{}", o.team_a), form).await.expect("post");
    assert!(r.status().is_success() || r.status().is_redirection(), "{}", r.status());
    let teams = o.admin.get("/api/v1/teams").await.expect(200);
    let saved = teams["items"].as_array().and_then(|a| a.iter().find(|x| x["id"] == o.team_a)).cloned();
    let saved = saved.unwrap_or_default();
    assert!(saved["phone"].is_null(), "the emptied phone is removed: {saved}");
    assert_eq!(saved["email"], "overvecht@buurtteam.example");
    o.worker_a.patch(&format!("/api/v1/districts/{}", o.district_a), json!({"name": "X"})).await.problem(403);
    let n = format!("/api/v1/districts/{}/neighbourhoods", o.district_a);
    o.manager.post(&n, json!({"name": "X", "postcode_areas": ["3511"]})).await.problem(403);
    o.analyst.patch(&format!("/api/v1/teams/{}", o.team_a), json!({"active": false})).await.problem(403);
}
