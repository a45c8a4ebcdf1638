//! Portal activation fails closed: the answer never tells whether an e-mail address has an
//! account, failed attempts are held off per code and per address (by the application's
//! clock) and each one is in the audit log, and the password rules apply.

use buurtteam_app::Settings;
use serde_json::{Value, json};

use crate::harness::{Client, Org, PASSWORD, TestApp, org, referral_body, spawn, spawn_with};

/// A case in team A for a household of three adults who are all clients; their person ids.
async fn family(o: &Org) -> Vec<i64> {
    let w = &o.worker_a;
    let h = w
        .post(
            "/api/v1/households",
            json!({
                "address": {"street": "Zamenhofdreef", "house_number": 12, "postcode": "3562 JW", "city": "Utrecht"},
                "district_id": o.district_a,
                "members": [
                    {"given_name": "Samira", "family_name": "El Amrani", "birth_date": "1980-03-14", "role": "parent"},
                    {"given_name": "Karim", "family_name": "El Amrani", "birth_date": "1978-06-02", "role": "parent"},
                    {"given_name": "Noor", "family_name": "El Amrani", "birth_date": "2001-09-02", "role": "child"}
                ]
            }),
        )
        .await
        .expect(201);
    let ids: Vec<i64> =
        h["members"].as_array().map(|m| m.iter().filter_map(|x| x["id"].as_i64()).collect()).unwrap_or_default();
    let today = jiff::Zoned::now().date().to_string();
    w.post("/api/v1/cases", referral_body(h["id"].as_i64().unwrap_or(0), o.team_a, &ids, &today)).await.expect(201);
    ids
}

async fn case_id(o: &Org) -> i64 {
    o.worker_a.get("/api/v1/cases").await.expect(200)["items"][0]["id"].as_i64().unwrap_or(0)
}

/// A fresh one-time code for `person`.
async fn code(o: &Org, person: i64) -> String {
    let case = case_id(o).await;
    o.worker_a.post(&format!("/api/v1/cases/{case}/portal-invitations"), json!({"person_id": person})).await.expect(201)
        ["code"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

async fn activate(t: &TestApp, code: &str, email: &str, password: &str) -> (u16, Value) {
    let r = Client::new(&t.base)
        .post("/api/v1/portal/activate", json!({"code": code, "email": email, "password": password}))
        .await;
    (r.status.as_u16(), r.body)
}

#[tokio::test]
async fn the_answer_is_the_same_whether_or_not_the_address_has_an_account() {
    let t = spawn().await;
    let o = org(&t).await;
    let people = family(&o).await;
    let (samira, karim, noor) = (people[0], people[1], people[2]);
    // Samira has a portal account; a@test.nl is a family worker's account.
    assert_eq!(activate(&t, &code(&o, samira).await, "samira@example.nl", PASSWORD).await.0, 201);

    let guess = "een zin die ik verzin";
    let known = activate(&t, &code(&o, karim).await, "samira@example.nl", guess).await;
    let unknown = activate(&t, &code(&o, karim).await, "karim@example.nl", guess).await;
    let staff = activate(&t, &code(&o, noor).await, "a@test.nl", guess).await;
    assert_eq!(known.0, 201, "{known:?}");
    assert_eq!(known, unknown, "an existing portal account is told apart from a new address");
    assert_eq!(staff, unknown, "a staff account is told apart from a new address");
    // Nothing was attached to the existing accounts, and their passwords are theirs still.
    let c = Client::new(&t.base);
    c.post("/api/v1/auth/login", json!({"email": "samira@example.nl", "password": guess})).await.problem(401);
    c.post("/api/v1/auth/login", json!({"email": "karim@example.nl", "password": guess})).await.expect(200);

    // Trying the code again does not tell either: both are used up.
    let spent = code(&o, noor).await;
    let fresh = code(&o, noor).await;
    let a = activate(&t, &spent, "samira@example.nl", guess).await;
    let b = activate(&t, &fresh, "noor@example.nl", guess).await;
    assert_eq!((a.0, b.0), (201, 201));
    let again_a = activate(&t, &spent, "ander@example.nl", guess).await;
    let again_b = activate(&t, &fresh, "ander@example.nl", guess).await;
    assert_eq!(again_a.0, 422);
    assert_eq!(again_a, again_b);

    // A weak password is refused the same way for a known and a new address.
    let weak = code(&o, karim).await;
    let known = activate(&t, &weak, "samira@example.nl", "wachtwoord1").await;
    let unknown = activate(&t, &weak, "nog.iemand@example.nl", "wachtwoord1").await;
    assert_eq!(known.0, 422);
    assert_eq!(known, unknown);
    assert_eq!(known.1["errors"][0]["code"], "password_common", "{}", known.1);
}

#[tokio::test]
async fn an_existing_portal_account_takes_an_invitation_on_with_its_own_password() {
    let t = spawn().await;
    let o = org(&t).await;
    let samira = family(&o).await[0];
    assert_eq!(activate(&t, &code(&o, samira).await, "samira@example.nl", PASSWORD).await.0, 201);
    let before = t.count("portal_invitations").await;
    assert_eq!(activate(&t, &code(&o, samira).await, "samira@example.nl", PASSWORD).await.0, 201);
    assert_eq!(t.count("portal_invitations").await, before + 1);
    t.login("samira@example.nl").await.get("/api/v1/portal/plan").await.expect(200);
}

#[tokio::test]
async fn the_password_rules_apply_with_the_invited_persons_name() {
    let t = spawn().await;
    let o = org(&t).await;
    let samira = family(&o).await[0];
    let code = code(&o, samira).await;
    for (password, reason) in [
        ("kort", "password_too_short"),
        ("aaaaaaaaaa", "password_pattern"),
        ("welkom01", "password_too_short"),
        ("Welkom01!!", "password_common"),
        ("SamiraElAmrani1980", "password_personal"),
        ("s.elamrani@example.nl", "password_personal"),
    ] {
        let (status, body) = activate(&t, &code, "s.elamrani@example.nl", password).await;
        assert_eq!(status, 422, "{password}");
        assert_eq!(
            (body["errors"][0]["field"].as_str(), body["errors"][0]["code"].as_str()),
            (Some("password"), Some(reason))
        );
    }
    assert_eq!(activate(&t, &code, "s.elamrani@example.nl", "een zin als wachtwoord").await.0, 201);
}

#[tokio::test]
async fn one_code_is_held_off_after_its_failures_each_logged_until_the_window_passes() {
    let t = spawn_with(Settings { activation_failures_per_code: 3, ..Settings::default() }).await;
    t.app.clock.set(jiff::Timestamp::now());
    let o = org(&t).await;
    let samira = family(&o).await[0];
    let code = code(&o, samira).await;
    for n in 0..3 {
        let before = t.count("audit_log").await;
        let (status, _) = activate(&t, &code, &format!("probe{n}@example.nl"), "kort").await;
        assert_eq!(status, 422);
        assert_eq!(t.count("audit_log").await, before + 1, "each failed activation is logged");
    }
    // The 4th attempt with this code, right as it is, is held off, and logged too.
    let before = t.count("audit_log").await;
    let r = Client::new(&t.base)
        .post("/api/v1/portal/activate", json!({"code": code, "email": "samira@example.nl", "password": PASSWORD}))
        .await
        .problem(429);
    assert!(r.body["detail"].as_str().unwrap_or_default().contains("activations"), "{}", r.body);
    assert_eq!(r.headers["retry-after"], "3600");
    assert_eq!(t.count("audit_log").await, before + 1);
    // Another code from another person is not affected by this code's count.
    let other = self::code(&o, family_member(&o, 1).await).await;
    assert_eq!(activate(&t, &other, "karim@example.nl", PASSWORD).await.0, 201);
    // After the window, by the application's clock, the code works.
    t.app.clock.advance(jiff::SignedDuration::from_mins(61));
    assert_eq!(activate(&t, &code, "samira@example.nl", PASSWORD).await.0, 201);
}

async fn family_member(o: &Org, n: usize) -> i64 {
    let case = case_id(o).await;
    let file = o.worker_a.get(&format!("/api/v1/cases/{case}")).await.expect(200);
    let household = file["household_id"].as_i64().unwrap_or(0);
    let h = o.worker_a.get(&format!("/api/v1/households/{household}")).await.expect(200);
    h["members"][n]["id"].as_i64().unwrap_or(0)
}

#[tokio::test]
async fn guessing_codes_from_one_address_is_held_off() {
    let t = spawn_with(Settings { activation_failures_per_address: 3, ..Settings::default() }).await;
    let o = org(&t).await;
    let samira = family(&o).await[0];
    for guess in ["AAAA-BBBB-CCCC", "AAAA-BBBB-CCCD", "AAAA-BBBB-CCCE"] {
        let (status, body) = activate(&t, guess, "samira@example.nl", PASSWORD).await;
        assert_eq!(status, 422);
        assert_eq!(body["errors"][0]["code"], "invalid_code");
    }
    let real = code(&o, samira).await;
    assert_eq!(activate(&t, &real, "samira@example.nl", PASSWORD).await.0, 429, "this address is held off");
}
