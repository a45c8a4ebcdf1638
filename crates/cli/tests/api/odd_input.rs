//! Odd input is refused before anything is stored: control characters in free text (NUL,
//! escape ...; line breaks too in one-line fields) and dates outside the range of their kind
//! (year 0, year 1, far ahead). On SQLite and, with `BUURTTEAM_TEST_PG`, on PostgreSQL, which
//! refuses NUL in text itself: there a note with NUL used to be a 500.

use serde_json::json;

use crate::harness::{Client, Org, household_body, org, spawn};

fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

/// A case of team A in support since today.
async fn case_in_support(o: &Org) -> i64 {
    let w = &o.worker_a;
    let today = today().to_string();
    let id = crate::harness::case(w, o.district_a, o.team_a, &today).await;
    w.post(&format!("/api/v1/cases/{id}/intake"), json!({"held_on": today})).await.expect(200);
    w.post(&format!("/api/v1/cases/{id}/start"), json!({"started_on": today})).await.expect(200);
    id
}

/// The (field, code) pairs of a 422 problem.
async fn refused(c: &Client, path: &str, body: serde_json::Value) -> Vec<(String, String)> {
    let r = c.post(path, body).await.problem(422);
    r.body["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| {
                    (
                        e["field"].as_str().unwrap_or_default().to_owned(),
                        e["code"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter().map(|(f, c)| ((*f).to_owned(), (*c).to_owned())).collect()
}

#[tokio::test]
async fn a_note_with_nul_is_refused_and_nothing_is_stored() {
    let t = spawn().await;
    let o = org(&t).await;
    let case = case_in_support(&o).await;
    let path = format!("/api/v1/cases/{case}/working-notes");
    let (notes, audit) = (t.count("working_notes").await, t.count("audit_log").await);
    for body in
        ["Gesprek met moeder\u{0} gehad", "\u{1b}[2J", "terug\u{8}", "\u{7f}", "C1 \u{85} control", "form\u{c}feed"]
    {
        let errors = refused(&o.worker_a, &path, json!({ "body": body })).await;
        assert_eq!(errors, pairs(&[("body", "control_character")]), "{body:?}");
    }
    assert_eq!(t.count("working_notes").await, notes, "no note stored");
    assert_eq!(t.count("audit_log").await, audit, "no change logged");
    // Line breaks and tabs belong in a note, and letters of any script.
    o.worker_a
        .post(&path, json!({"body": "Eerste regel\r\nTweede regel\tmet tab. Ça va, Çağlar? 👪"}))
        .await
        .expect(201);
    let stored = o.worker_a.get(&path).await.expect(200);
    assert!(stored.to_string().contains("Eerste regel\\r\\nTweede regel\\tmet tab"), "{stored}");
}

#[tokio::test]
async fn control_characters_are_refused_in_every_kind_of_free_text() {
    let t = spawn().await;
    let o = org(&t).await;
    let w = &o.worker_a;
    let households = t.count("households").await;
    let mut body = household_body(o.district_a);
    body["address"]["street"] = json!("Zamenhofdreef\n12");
    body["address"]["city"] = json!("Utrecht\u{0}");
    body["members"][0]["given_name"] = json!("Sam\u{0}ira");
    let errors = refused(w, "/api/v1/households", body).await;
    assert_eq!(
        errors,
        pairs(&[
            ("address.street", "line_break"),
            ("address.city", "control_character"),
            ("members[0].given_name", "invalid_name"),
        ])
    );
    assert_eq!(t.count("households").await, households);

    let case = case_in_support(&o).await;
    let goals = t.count("goals").await;
    let goal = json!({"life_domain": "parenting", "title": "Rust\tin huis", "description": "in eigen\u{0} woorden",
        "client_id": null, "confidential": false});
    let errors = refused(w, &format!("/api/v1/cases/{case}/goals"), goal).await;
    assert_eq!(errors, pairs(&[("title", "line_break"), ("description", "control_character")]));
    assert_eq!(t.count("goals").await, goals);
    let cases = t.count("cases").await;
    let (h, members) = crate::harness::household(w, o.district_a).await;
    let mut referral = crate::harness::referral_body(h, o.team_a, &members[..1], &today().to_string());
    referral["request"] = json!("Zorgen\u{0}");
    assert_eq!(refused(w, "/api/v1/cases", referral).await, pairs(&[("request", "control_character")]));
    assert_eq!(t.count("cases").await, cases);
}

#[tokio::test]
async fn an_appointment_in_year_0_or_far_ahead_is_refused() {
    let t = spawn().await;
    let o = org(&t).await;
    let case = case_in_support(&o).await;
    let path = format!("/api/v1/cases/{case}/appointments");
    let appointments = t.count("appointments").await;
    let ahead = today().checked_add(jiff::Span::new().years(6)).expect("date");
    for (starts_at, code) in [
        ("0000-01-01T10:00".to_owned(), "date_too_early"),
        ("1999-12-31T10:00".to_owned(), "date_too_early"),
        (format!("{ahead}T10:00"), "date_too_late"),
        ("-000001-01-01T10:00".to_owned(), "date_too_early"),
    ] {
        let body = json!({"starts_at": starts_at, "place": "Buurthuis", "description": "Gesprek"});
        assert_eq!(refused(&o.worker_a, &path, body).await, pairs(&[("starts_at", code)]), "{starts_at}");
    }
    assert_eq!(t.count("appointments").await, appointments);
    let next_week = today().checked_add(jiff::Span::new().days(7)).expect("date");
    let body = json!({"starts_at": format!("{next_week}T10:00"), "place": "Buurthuis", "description": "Gesprek"});
    o.worker_a.post(&path, body).await.expect(201);
}

#[tokio::test]
async fn a_closure_day_in_year_1_or_far_ahead_is_refused() {
    let t = spawn().await;
    let o = org(&t).await;
    let ahead = today().checked_add(jiff::Span::new().years(6)).expect("date");
    for (day, code) in [
        ("0001-01-01".to_owned(), "date_too_early"),
        ("1999-12-31".to_owned(), "date_too_early"),
        (ahead.to_string(), "date_too_late"),
    ] {
        let body = json!({"day": day, "description": "Teamdag"});
        assert_eq!(refused(&o.admin, "/api/v1/closure-days", body).await, pairs(&[("day", code)]), "{day}");
    }
    assert_eq!(t.count("closure_days").await, 0);
    let r = o.admin.post("/api/v1/closure-days", json!({"day": "0001-01-01", "description": "x"})).await;
    let message = r.body["errors"][0]["message"].as_str().unwrap_or_default().to_owned();
    assert!(message.contains("2000-01-01"), "the message says what is accepted: {message}");
    o.admin.post("/api/v1/closure-days", json!({"day": "2026-12-24", "description": "Teamdag"})).await.expect(201);
}

#[tokio::test]
async fn dates_of_the_casework_and_of_birth_have_their_own_ranges() {
    let t = spawn().await;
    let o = org(&t).await;
    let w = &o.worker_a;
    let mut body = household_body(o.district_a);
    body["members"][0]["birth_date"] = json!("1899-12-31");
    body["members"][1]["birth_date"] = json!("0000-01-01");
    let errors = refused(w, "/api/v1/households", body).await;
    assert_eq!(
        errors,
        pairs(&[("members[0].birth_date", "date_too_early"), ("members[1].birth_date", "date_too_early")])
    );
    let (h, members) = crate::harness::household(w, o.district_a).await;
    let referral = crate::harness::referral_body(h, o.team_a, &members[..1], "0000-01-01");
    assert_eq!(refused(w, "/api/v1/cases", referral).await, pairs(&[("referred_on", "date_too_early")]));
}

#[tokio::test]
async fn a_log_in_with_a_control_character_in_the_address_is_a_plain_failure() {
    let t = spawn().await;
    let c = Client::new(&t.base);
    for email in ["admin@test.nl\u{0}", "admin@test.nl\u{1b}", "admin\n@test.nl"] {
        let r = c.post("/api/v1/auth/login", json!({"email": email, "password": crate::harness::PASSWORD})).await;
        r.problem(401);
    }
    assert_eq!(c.get("/api/v1/auth/me").await.status, 401, "no session");
    t.login("admin@test.nl").await;
}
