//! Log-in protection: the account lock after failed attempts, the per-address limit, the
//! TOTP second factor with its recovery codes, and roles that must use it.

use buurtteam_app::{Settings, auth};
use buurtteam_domain::codes::Role;
use serde_json::json;

use crate::harness::{Client, PASSWORD, spawn, spawn_with};

async fn attempt(c: &Client, email: &str, password: &str) -> crate::harness::Reply {
    c.post("/api/v1/auth/login", json!({ "email": email, "password": password })).await
}

#[tokio::test]
async fn five_failed_log_ins_lock_the_account_even_for_the_right_password() {
    let t = spawn().await;
    t.create_user(Some(1), "w@test.nl", "Wim Werker", "admin", &[]).await;
    let c = Client::new(&t.base);
    for _ in 0..4 {
        attempt(&c, "w@test.nl", "wrong password").await.problem(401);
    }
    let fifth = attempt(&c, "w@test.nl", "wrong password").await.problem(429);
    assert!(fifth.body["detail"].as_str().unwrap_or_default().contains("locked"), "{}", fifth.body);
    let retry: u64 = fifth.headers["retry-after"].to_str().ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    assert!((60..=15 * 60).contains(&retry), "Retry-After {retry}");
    // Locked: the right password does not help, and no session is made.
    attempt(&c, "w@test.nl", PASSWORD).await.problem(429);
    c.get("/api/v1/auth/me").await.problem(401);
    // Other accounts are not affected.
    attempt(&c, "admin@test.nl", PASSWORD).await.expect(200);
}

#[tokio::test]
async fn a_successful_log_in_clears_the_failed_attempts() {
    let t = spawn().await;
    let c = Client::new(&t.base);
    for _ in 0..4 {
        attempt(&c, "admin@test.nl", "wrong password").await.problem(401);
    }
    attempt(&c, "admin@test.nl", PASSWORD).await.expect(200);
    for _ in 0..4 {
        attempt(&c, "admin@test.nl", "wrong password").await.problem(401);
    }
    attempt(&c, "admin@test.nl", PASSWORD).await.expect(200);
}

#[tokio::test]
async fn an_address_with_too_many_failures_is_held_off_across_accounts() {
    let t = spawn_with(Settings { failures_per_address: 3, ..Settings::default() }).await;
    let c = Client::new(&t.base);
    for n in 0..3 {
        attempt(&c, &format!("guess{n}@test.nl"), "password1234").await.problem(401);
    }
    let held = attempt(&c, "admin@test.nl", PASSWORD).await.problem(429);
    assert!(held.body["detail"].as_str().unwrap_or_default().contains("address"), "{}", held.body);
}

#[tokio::test]
async fn the_second_factor_is_asked_checked_once_and_recovery_codes_work_once() {
    let t = spawn().await;
    let admin = t.login("admin@test.nl").await;
    let me = admin.get("/api/v1/auth/me").await.expect(200);
    let user = buurtteam_store::organisation::get_user(
        &mut t.app.db.begin_read().await.expect("tx"),
        buurtteam_domain::ids::UserId(me["id"].as_i64().unwrap_or(0)),
    )
    .await
    .expect("user")
    .expect("exists");
    let actor = auth::actor_of(&user);
    let enrolment = auth::begin_enrolment(&t.app, &actor, "Buurtteam").await.expect("begin");
    assert!(enrolment.uri.starts_with("otpauth://totp/Buurtteam:admin%40test.nl?secret="), "{}", enrolment.uri);
    assert!(auth::confirm_enrolment(&t.app, &actor, "12345").await.is_err(), "a code of 5 digits is never right");
    let code = auth::current_code(&enrolment.secret_base32, t.app.now()).expect("code");
    let recovery = auth::confirm_enrolment(&t.app, &actor, &code).await.expect("confirm");
    assert_eq!(recovery.len(), 10);
    assert_eq!(t.count("recovery_codes").await, 10);

    let c = Client::new(&t.base);
    let asked = attempt(&c, "admin@test.nl", PASSWORD).await.problem(401);
    assert!(asked.body["type"].as_str().unwrap_or_default().ends_with("second-factor-required"), "{}", asked.body);
    c.get("/api/v1/auth/me").await.problem(401);
    let with = |code: &str| json!({ "email": "admin@test.nl", "password": PASSWORD, "totp_code": code });
    c.post("/api/v1/auth/login", with("123 456")).await.problem(401);
    // The code used for enrolment was spent: a time step is accepted once.
    c.post("/api/v1/auth/login", with(&code)).await.problem(401);
    c.post("/api/v1/auth/login", with(&recovery[0])).await.expect(200);
    c.get("/api/v1/auth/me").await.expect(200);
    let other = Client::new(&t.base);
    other.post("/api/v1/auth/login", with(&recovery[0])).await.problem(401);
    other.post("/api/v1/auth/login", with(&recovery[1].to_uppercase())).await.expect(200);
}

#[tokio::test]
async fn a_role_that_must_use_a_second_factor_is_sent_to_set_it_up() {
    let t = spawn_with(Settings { second_factor_roles: vec![Role::Admin], ..Settings::default() }).await;
    let admin = t.login("admin@test.nl").await;
    let refused = admin.get("/api/v1/districts").await.problem(403);
    assert!(refused.body["detail"].as_str().unwrap_or_default().contains("second factor"), "{}", refused.body);
    let pages = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    pages
        .post(format!("{}/api/v1/auth/login", t.base))
        .json(&json!({ "email": "admin@test.nl", "password": PASSWORD }))
        .send()
        .await
        .expect("login");
    let r = pages.get(format!("{}/", t.base)).send().await.expect("get");
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/account/second-factor");
    let setup = pages.get(format!("{}/account/second-factor", t.base)).send().await.expect("get");
    assert_eq!(setup.status(), 200);
    let html = setup.text().await.unwrap_or_default();
    assert!(html.contains("<svg") && html.contains("totp-secret"), "QR code and secret shown");
}

/// What a log-in answer shows a caller: status, problem type and detail, `Retry-After`.
fn shown(r: &crate::harness::Reply) -> (u16, String, String, String) {
    let header = r.headers.get("retry-after").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    (r.status.as_u16(), r.body["type"].to_string(), r.body["detail"].to_string(), header)
}

#[tokio::test]
async fn an_unknown_account_is_answered_exactly_like_a_real_one_before_and_after_the_lock() {
    let t = spawn().await;
    t.app.clock.set(jiff::Timestamp::from_second(1_900_000_000).expect("ts"));
    let mut answers = Vec::new();
    for email in ["admin@test.nl", "niemand@test.nl"] {
        let c = Client::new(&t.base);
        let mut seen = Vec::new();
        for _ in 0..6 {
            seen.push(shown(&attempt(&c, email, "wrong password").await));
        }
        // Even the right password is answered as locked.
        seen.push(shown(&attempt(&c, email, PASSWORD).await));
        answers.push(seen);
    }
    assert_eq!(answers[0], answers[1], "the answers tell a real account from an unknown one");
    let statuses: Vec<u16> = answers[0].iter().map(|a| a.0).collect();
    assert_eq!(statuses, [401, 401, 401, 401, 429, 429, 429]);
    assert!(answers[0][4].2.contains("locked") && answers[0][4].3 == "900", "{:?}", answers[0][4]);
    // Both are in the audit log, the unknown address with its e-mail.
    let failed = t.count("audit_log").await;
    assert!(failed >= 14, "{failed} rows");
}

/// A second server on the same application that believes `X-Forwarded-For`, to log in from
/// several client addresses.
async fn behind_a_proxy(t: &crate::harness::TestApp) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let config = buurtteam_web::WebConfig { trust_forwarded_for: true, ..Default::default() };
    let app = t.app.clone();
    tokio::spawn(async move {
        let _ = buurtteam_web::serve(listener, app, config, std::future::pending()).await;
    });
    base
}

async fn attempt_from(base: &str, from: &str, email: &str, password: &str) -> u16 {
    reqwest::Client::new()
        .post(format!("{base}/api/v1/auth/login"))
        .header("x-forwarded-for", from)
        .json(&json!({ "email": email, "password": password }))
        .send()
        .await
        .expect("send")
        .status()
        .as_u16()
}

#[tokio::test]
async fn the_lock_holds_for_one_account_from_one_address_only() {
    let t = spawn().await;
    t.create_user(Some(1), "w@test.nl", "Wim Werker", "admin", &[]).await;
    t.create_user(Some(1), "v@test.nl", "Vera Collega", "admin", &[]).await;
    let base = behind_a_proxy(&t).await;
    let office = "198.51.100.7";
    for n in 1..=5 {
        let status = attempt_from(&base, office, "w@test.nl", "wrong password").await;
        assert_eq!(status, if n < 5 { 401 } else { 429 });
    }
    assert_eq!(attempt_from(&base, office, "w@test.nl", PASSWORD).await, 429, "locked at the office");
    // A colleague behind the same office address logs in as usual ...
    assert_eq!(attempt_from(&base, office, "v@test.nl", PASSWORD).await, 200);
    // ... and so does the locked user from home.
    assert_eq!(attempt_from(&base, "203.0.113.9", "w@test.nl", PASSWORD).await, 200);
    // The lock ends after its time, by the application's clock.
    t.app.clock.advance(jiff::SignedDuration::from_mins(16));
    assert_eq!(attempt_from(&base, office, "w@test.nl", PASSWORD).await, 200);
}

#[tokio::test]
async fn guessing_one_account_from_many_addresses_locks_it_everywhere() {
    let t = spawn_with(Settings { lock_after_failures_all_addresses: 8, ..Settings::default() }).await;
    let base = behind_a_proxy(&t).await;
    for n in 0..8 {
        let from = format!("192.0.2.{}", 10 + n / 3);
        let status = attempt_from(&base, &from, "admin@test.nl", "wrong password").await;
        assert_eq!(status, if n < 7 { 401 } else { 429 }, "attempt {n} from {from}");
    }
    assert_eq!(attempt_from(&base, "192.0.2.99", "admin@test.nl", PASSWORD).await, 429, "locked for every address");
    // The same holds for an address nobody has, so this lock does not tell them apart either.
    for n in 0..8 {
        let from = format!("192.0.2.{}", 10 + n / 3);
        attempt_from(&base, &from, "niemand@test.nl", "wrong password").await;
    }
    assert_eq!(attempt_from(&base, "192.0.2.99", "niemand@test.nl", PASSWORD).await, 429);
}
