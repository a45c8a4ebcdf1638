//! The rules for a new password, wherever one is set: changing it (API and account page),
//! an admin creating a user (API and the command line). Portal activation: `activation.rs`.

use serde_json::{Value, json};

use crate::harness::{Client, PASSWORD, spawn};

/// The one field error of a 422 answer: (field, code).
fn refusal(body: &Value) -> (String, String) {
    let errors = body["errors"].as_array().cloned().unwrap_or_default();
    assert_eq!(errors.len(), 1, "one field error: {body}");
    let e = &errors[0];
    assert!(e["message"].as_str().is_some_and(|m| !m.is_empty()), "a message: {body}");
    (e["field"].as_str().unwrap_or_default().to_owned(), e["code"].as_str().unwrap_or_default().to_owned())
}

async fn change(c: &Client, current: &str, new: &str) -> crate::harness::Reply {
    c.post("/api/v1/auth/password", json!({"current_password": current, "new_password": new, "repeat_password": new}))
        .await
}

#[tokio::test]
async fn the_password_change_refuses_each_weak_password_with_its_reason() {
    let t = spawn().await;
    // The admin is "Ada Admin", admin@test.nl, with the harness password.
    let c = t.login("admin@test.nl").await;
    for (new, code) in [
        ("kort", "password_too_short"),
        ("aaaaaaaaaa", "password_pattern"),
        ("1234567890", "password_pattern"),
        ("qwertyuiop!", "password_pattern"),
        ("wachtwoord1", "password_common"),
        ("Welkom2024!", "password_common"),
        ("voetbal12345", "password_common"),
        ("admin@test.nl", "password_personal"),
        ("Ada Admin 1990", "password_personal"),
        ("Buurtteam2025!", "password_personal"),
        (PASSWORD, "password_current"),
        ("Correct Horse Battery 2", "password_current"),
    ] {
        let r = change(&c, PASSWORD, new).await.problem(422);
        assert_eq!(refusal(&r.body), ("new_password".to_owned(), code.to_owned()), "{new}");
    }
    let long = "lang ".repeat(250);
    let r = change(&c, PASSWORD, &long).await.problem(422);
    assert_eq!(refusal(&r.body).1, "password_too_long");
    // A wrong current password is named on its own field.
    let r = change(&c, "not my password", "een nieuwe zin voor mij").await.problem(422);
    assert_eq!(refusal(&r.body), ("current_password".to_owned(), "wrong_password".to_owned()));
    // Nothing was changed: the old password still logs in.
    t.login("admin@test.nl").await;

    // A sentence passes; the new password works and the old one no longer does.
    c.post(
        "/api/v1/auth/password",
        json!({"current_password": PASSWORD, "new_password": "een nieuwe zin voor mij", "repeat_password": "een nieuwe zin voor mij"}),
    )
    .await
    .expect(204);
    c.get("/api/v1/auth/me").await.expect(200);
    let other = Client::new(&t.base);
    other.post("/api/v1/auth/login", json!({"email": "admin@test.nl", "password": PASSWORD})).await.problem(401);
    other
        .post("/api/v1/auth/login", json!({"email": "admin@test.nl", "password": "een nieuwe zin voor mij"}))
        .await
        .expect(200);
}

#[tokio::test]
async fn the_password_change_needs_a_session_and_the_same_password_twice() {
    let t = spawn().await;
    Client::new(&t.base).post("/api/v1/auth/password", json!({})).await.problem(401);
    let c = t.login("admin@test.nl").await;
    let r = c
        .post(
            "/api/v1/auth/password",
            json!({"current_password": PASSWORD, "new_password": "een nieuwe zin voor mij", "repeat_password": "een andere zin"}),
        )
        .await
        .problem(422);
    assert_eq!(refusal(&r.body), ("repeat_password".to_owned(), "password_mismatch".to_owned()));
}

fn browser() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().expect("client")
}

fn csrf(html: &str) -> String {
    let at = html.find("name=\"_csrf\" value=\"").map(|i| i + 20).unwrap_or(0);
    html[at..].chars().take_while(|c| *c != '"').collect()
}

#[tokio::test]
async fn the_account_page_says_why_in_dutch_beside_the_field() {
    let t = spawn().await;
    let b = browser();
    let page = b.get(format!("{}/login", t.base)).send().await.expect("get").text().await.unwrap_or_default();
    b.post(format!("{}/login", t.base))
        .form(&[("_csrf", csrf(&page).as_str()), ("email", "admin@test.nl"), ("password", PASSWORD), ("next", "/")])
        .send()
        .await
        .expect("log in");
    let account = b.get(format!("{}/account", t.base)).send().await.expect("get").text().await.unwrap_or_default();
    let token = csrf(&account);
    for (new, words) in [
        ("wachtwoord1", "veelgebruikt of uitgelekt"),
        ("aaaaaaaaaa", "voor de hand liggende reeks"),
        ("Ada Admin 1990", "naam of het e-mailadres van het account"),
        (PASSWORD, "Dit is het huidige wachtwoord"),
    ] {
        let r = b
            .post(format!("{}/account/password", t.base))
            .form(&[
                ("_csrf", token.as_str()),
                ("current_password", PASSWORD),
                ("new_password", new),
                ("repeat_password", new),
            ])
            .send()
            .await
            .expect("post");
        assert_eq!(r.status(), 422, "{new}");
        let html = r.text().await.unwrap_or_default();
        assert!(html.contains(words), "{new}: the reason in Dutch");
        assert!(html.contains("aria-invalid=\"true\""), "{new}: the field is marked");
        assert!(!html.contains(&format!("value=\"{new}\"")), "a password is never sent back");
    }
}

#[tokio::test]
async fn an_admin_cannot_create_a_user_with_a_weak_password() {
    let t = spawn().await;
    let admin = t.login("admin@test.nl").await;
    let user = |password: &str| json!({"email": "wim.werker@test.nl", "name": "Wim Werker", "role": "analyst", "team_ids": [], "password": password});
    for (password, code) in [
        ("welkom01!!", "password_common"),
        ("zzzzzzzzzzzz", "password_pattern"),
        ("WimWerker2024", "password_personal"),
        ("wim.werker@test.nl", "password_personal"),
    ] {
        let r = admin.post("/api/v1/users", user(password)).await.problem(422);
        assert_eq!(refusal(&r.body), ("password".to_owned(), code.to_owned()), "{password}");
    }
    admin.post("/api/v1/users", user("fietsen langs de Vecht")).await.expect(201);
}

#[tokio::test]
async fn the_command_line_refuses_a_weak_password_for_a_new_user() {
    let dir = tempfile::tempdir().expect("dir");
    let db = crate::harness::fresh_database_url(dir.path()).await;
    let run = |password: &str, email: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_buurtteam"))
            .args(["user", "add", "--email", email, "--name", "Bea Beheer", "--role", "admin"])
            .env("DATABASE_URL", &db)
            .env("BUURTTEAM_PASSWORD", password)
            .output()
            .expect("run buurtteam")
    };
    let out = run("wachtwoord123", "beheer@test.nl");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("password") && err.contains("common"), "{err}");
    let out = run("BeaBeheer2026", "beheer@test.nl");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("your own name"), "the reason is given");
    let out = run("een zin die niemand raadt", "beheer@test.nl");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}
