//! What a case records beyond its steps: who referred (organisation, person, "other" in
//! words), a contact moment's summary for the team, and refusals that say which date field is
//! wrong and why.

use jiff::Timestamp;
use serde_json::json;

use crate::harness::{child_referred, household, org, portal_account, referral_body, spawn};

const NOW: &str = "2031-03-04T09:00:00Z";

#[tokio::test]
async fn the_referrer_is_recorded_and_other_needs_words() {
    let t = spawn().await;
    t.app.clock.set(NOW.parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let (h, members) = household(&o.worker_a, o.district_a).await;
    let mut body = referral_body(h, o.team_a, &members[1..], "2031-03-03");
    body["referrer_organisation"] = json!("OBS De Vuurvogel");
    body["referrer_name"] = json!("mevrouw Jansen, intern begeleider");
    let c = o.worker_a.post("/api/v1/cases", body.clone()).await.expect(201);
    assert_eq!(
        (c["referrer_organisation"].as_str(), c["referrer_name"].as_str()),
        (Some("OBS De Vuurvogel"), Some("mevrouw Jansen, intern begeleider"))
    );
    let read = o.worker_a.get(&format!("/api/v1/cases/{}", c["id"])).await.expect(200);
    assert_eq!(read["referrer_organisation"], "OBS De Vuurvogel");

    // "Anders" needs words; words without "Anders" are refused rather than dropped.
    let before = t.count("cases").await;
    body["source"] = json!("other");
    let r = o.worker_a.post("/api/v1/cases", body.clone()).await.problem(422);
    assert_eq!(r.body["errors"][0]["code"], "source_other_required");
    body["source"] = json!("school");
    body["source_other"] = json!("de buurvrouw");
    let r = o.worker_a.post("/api/v1/cases", body.clone()).await.problem(422);
    assert_eq!(r.body["errors"][0]["code"], "source_other_not_other");
    assert_eq!(t.count("cases").await, before, "nothing saved");
    body["source"] = json!("other");
    let c = o.worker_a.post("/api/v1/cases", body).await.expect(201);
    assert_eq!(c["source_other"], "de buurvrouw");
}

#[tokio::test]
async fn a_later_intake_lies_after_the_normal_deadline() {
    let t = spawn().await;
    t.app.clock.set(NOW.parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let (h, members) = household(&o.worker_a, o.district_a).await;
    // Referred on Monday 3 March 2031: the norm is the 5th working day, Monday 10 March.
    let mut body = referral_body(h, o.team_a, &members[1..], "2031-03-03");
    body["later_intake_requested_by"] = json!("family");
    body["requested_intake_on"] = json!("2031-03-10");
    let r = o.worker_a.post("/api/v1/cases", body.clone()).await.problem(422);
    assert_eq!(
        (r.fields(), r.body["errors"][0]["code"].as_str()),
        (vec!["requested_intake_on".to_owned()], Some("requested_not_later"))
    );
    body["requested_intake_on"] = json!("2031-03-11");
    let c = o.worker_a.post("/api/v1/cases", body).await.expect(201);
    assert_eq!(c["next_due_on"], "2031-03-11");
}

#[tokio::test]
async fn a_step_dated_before_an_earlier_one_names_its_field() {
    let t = spawn().await;
    t.app.clock.set(NOW.parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let (id, _) = child_referred(&o.worker_a, o.district_a, o.team_a, "2031-02-24").await;
    let step = |s: &str| format!("/api/v1/cases/{id}/{s}");
    let r = o.worker_a.post(&step("intake"), json!({"held_on": "2031-02-21"})).await.problem(409);
    assert_eq!(r.body["current_status"], "referred");
    assert_eq!(
        (r.fields(), r.body["errors"][0]["code"].as_str()),
        (vec!["held_on".to_owned()], Some("before_referral"))
    );
    o.worker_a.post(&step("intake"), json!({"held_on": "2031-02-26"})).await.expect(200);
    let r = o.worker_a.post(&step("start"), json!({"started_on": "2031-02-25"})).await.problem(409);
    assert_eq!(
        (r.fields(), r.body["errors"][0]["code"].as_str()),
        (vec!["started_on".to_owned()], Some("before_intake"))
    );
    // A step the state does not allow is a conflict without a field.
    let r = o.worker_a.post(&step("intake"), json!({"held_on": "2031-02-27"})).await.problem(409);
    assert!(r.fields().is_empty(), "{}", r.body);
}

#[tokio::test]
async fn a_contact_summary_is_for_the_team_only() {
    let t = spawn().await;
    t.app.clock.set(NOW.parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let w = &o.worker_a;
    let (id, members) = child_referred(w, o.district_a, o.team_a, "2031-02-24").await;
    w.post(&format!("/api/v1/cases/{id}/intake"), json!({"held_on": "2031-02-25"})).await.expect(200);
    w.post(&format!("/api/v1/cases/{id}/start"), json!({"started_on": "2031-02-26"})).await.expect(200);
    let said = "Moeder vertelt over schulden; zij wil hulp bij het ordenen van de post.";
    let contact = w
        .post(
            &format!("/api/v1/cases/{id}/contacts"),
            json!({"contact_on": "2031-03-03", "form": "home_visit", "minutes": 50, "summary": said}),
        )
        .await
        .expect(201);
    assert_eq!(contact["summary"], said);
    let listed = w.get(&format!("/api/v1/cases/{id}/contacts")).await.expect(200);
    assert!(listed.to_string().contains(said));
    let long = "x".repeat(1001);
    w.post(
        &format!("/api/v1/cases/{id}/contacts"),
        json!({"contact_on": "2031-03-03", "form": "phone", "minutes": 5, "summary": long}),
    )
    .await
    .problem(422);

    // The parent in Mijn Buurtteam sees nothing of it.
    let parent = portal_account(&t, w, id, members[0], "ouder@example.nl").await;
    for path in ["/api/v1/portal/plan", "/api/v1/portal/access-log"] {
        let seen = parent.get(path).await.expect(200);
        assert!(!seen.to_string().contains("schulden"), "{path} shows the summary: {seen}");
    }
    parent.get(&format!("/api/v1/cases/{id}/contacts")).await.problem(404);
}

#[tokio::test]
async fn members_phone_numbers_and_e_mail_are_checked_kept_and_never_shown_to_the_family() {
    let t = spawn().await;
    t.app.clock.set(NOW.parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let w = &o.worker_a;
    let mut body = crate::harness::household_body(o.district_a);
    body["members"][0]["phone"] = json!("06-1234567");
    body["members"][0]["email"] = json!("samira@");
    let before = t.count("households").await;
    let r = w.post("/api/v1/households", body.clone()).await.problem(422);
    assert_eq!(r.fields(), ["members[0].phone", "members[0].email"]);
    assert_eq!(r.body["errors"][0]["code"], "invalid_phone");
    assert_eq!(t.count("households").await, before, "nothing saved");

    body["members"][0]["phone"] = json!("06-12345678");
    body["members"][0]["other_phone"] = json!("030 123 45 67");
    body["members"][0]["email"] = json!("Samira.ElAmrani@Example.nl");
    let h = w.post("/api/v1/households", body).await.expect(201);
    let samira = &h["members"][0];
    assert_eq!(
        (samira["phone"].as_str(), samira["other_phone"].as_str()),
        (Some("+31612345678"), Some("+31301234567"))
    );
    assert_eq!(samira["email"], "samira.elamrani@example.nl");
    assert_eq!(h["members"][1]["phone"], serde_json::Value::Null, "optional");
    let read = w.get(&format!("/api/v1/households/{}", h["id"])).await.expect(200);
    assert_eq!(read["members"][0]["phone"], "+31612345678");

    // In Mijn Buurtteam the family sees none of it.
    let members: Vec<i64> =
        h["members"].as_array().map(|m| m.iter().filter_map(|x| x["id"].as_i64()).collect()).unwrap_or_default();
    let case = w
        .post("/api/v1/cases", referral_body(h["id"].as_i64().unwrap_or(0), o.team_a, &members[1..], "2031-03-03"))
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    let parent = portal_account(&t, w, case, members[0], "samira@example.nl").await;
    let seen = parent.get("/api/v1/portal/plan").await.expect(200).to_string();
    assert!(!seen.contains("+316") && !seen.contains("elamrani@"), "{seen}");
}

#[tokio::test]
async fn a_members_phone_and_e_mail_are_changed_from_the_family_file_and_the_log_names_only_the_parts() {
    let t = spawn().await;
    t.app.clock.set(NOW.parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let w = &o.worker_a;
    let (id, members) = child_referred(w, o.district_a, o.team_a, "2031-03-03").await;
    let path = |p: i64| format!("/api/v1/cases/{id}/members/{p}/reach");
    let r = w.put(&path(members[0]), json!({"phone": "06-123", "email": "samira@example.nl"})).await.problem(422);
    assert_eq!(r.fields(), ["phone"]);
    w.put(&path(999_999), json!({"phone": "06-12345678"})).await.problem(422);
    let mark = t.audit_mark().await;
    let p = w.put(&path(members[0]), json!({"phone": "06 87654321", "email": "Samira@Example.nl"})).await.expect(200);
    assert_eq!((p["phone"].as_str(), p["email"].as_str()), (Some("+31687654321"), Some("samira@example.nl")));
    let rows = t.audit_since(mark).await;
    let row = rows.iter().find(|r| r.action == "household.updated").map(|r| r.detail.clone()).unwrap_or_default();
    assert!(row.contains("phone") && !row.contains("8765"), "the log names the parts, not the number: {row}");
    // Cleared by leaving it out; another team learns nothing.
    let p = w.put(&path(members[0]), json!({"email": "samira@example.nl"})).await.expect(200);
    assert_eq!(p["phone"], serde_json::Value::Null);
    o.worker_b.put(&path(members[0]), json!({"phone": "06-12345678"})).await.problem(404);
}
