use serde_json::json;

use crate::harness::{Client, PASSWORD, spawn};

#[tokio::test]
async fn login_me_and_logout_end_the_session_on_the_server() {
    let t = spawn().await;
    let c = Client::new(&t.base);
    let r = c.post("/api/v1/auth/login", json!({"email": "ADMIN@test.nl ", "password": PASSWORD})).await;
    let cookie = r.headers.get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "cookie flags: {cookie}");
    let me = c.get("/api/v1/auth/me").await.expect(200);
    assert_eq!(me["email"], "admin@test.nl");
    assert_eq!(me["role"], "admin");
    assert!(me["team_ids"].is_array() && me["id"].is_i64());

    // Replaying the old cookie after logout must not work: the session is gone server-side.
    let token = cookie.split(';').next().unwrap_or_default().to_owned();
    c.post("/api/v1/auth/logout", json!({})).await.expect(204);
    c.get("/api/v1/auth/me").await.problem(401);
    let replay = reqwest::Client::new()
        .get(format!("{}/api/v1/auth/me", t.base))
        .header("cookie", token)
        .send()
        .await
        .expect("send");
    assert_eq!(replay.status(), 401);
}

#[tokio::test]
async fn wrong_password_or_unknown_user_get_the_same_401() {
    let t = spawn().await;
    let c = Client::new(&t.base);
    let a = c
        .post("/api/v1/auth/login", json!({"email": "admin@test.nl", "password": "wrong password"}))
        .await
        .problem(401);
    let b = c.post("/api/v1/auth/login", json!({"email": "nobody@test.nl", "password": PASSWORD})).await.problem(401);
    assert_eq!(a.body["detail"], b.body["detail"]);
    c.get("/api/v1/cases").await.problem(401);
    // Failed attempts are in the audit log.
    assert!(t.count("audit_log").await >= 2);
}

#[tokio::test]
async fn malformed_login_bodies_are_problems() {
    let t = spawn().await;
    let c = Client::new(&t.base);
    c.post("/api/v1/auth/login", json!({"email": "admin@test.nl"})).await.problem(400);
    let r = c.http.post(format!("{}/api/v1/auth/login", t.base)).body("email=x").send().await.expect("send");
    assert_eq!(r.status(), 415);
}
