//! What every answer and connection carries besides its content: `Cache-Control: no-store` on
//! API answers and pages behind the log-in, `Strict-Transport-Security` when the site is served
//! over HTTPS, a session cookie that ends with the browser, and a time limit on sending a
//! request's head (a connection that sent half its headers used to stay open over 90 s).

use std::time::{Duration, Instant};

use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::harness::{Client, PASSWORD, case, org, spawn};

fn header(h: &reqwest::header::HeaderMap, name: &str) -> String {
    h.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

/// The `bt_session` cookie among the `Set-Cookie` headers.
fn session_cookie(h: &reqwest::header::HeaderMap) -> String {
    h.get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("bt_session="))
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn api_answers_and_pages_behind_the_log_in_are_never_stored() {
    let t = spawn().await;
    let o = org(&t).await;
    let id = case(&o.worker_a, o.district_a, o.team_a, "2026-11-02").await;
    let w = &o.worker_a;
    let answers = [
        w.get(&format!("/api/v1/cases/{id}")).await,
        w.get("/api/v1/cases").await,
        w.get("/api/v1/auth/me").await,
        w.get("/api/v1/teams").await,
        w.post(&format!("/api/v1/cases/{id}/intake"), json!({"held_on": "nonsense"})).await,
        o.worker_b.get(&format!("/api/v1/cases/{id}")).await,
        Client::new(&t.base).get("/api/v1/cases").await,
        w.get("/api/v1/openapi.json").await,
    ];
    for r in &answers {
        assert_eq!(header(&r.headers, "cache-control"), "no-store", "{} {}", r.status, r.body);
    }
    let r = w.post(&format!("/api/v1/cases/{id}/intake"), json!({"held_on": "2026-11-03"})).await;
    assert_eq!(r.status, 200);
    assert_eq!(header(&r.headers, "cache-control"), "no-store");
    // Pages (and their redirects) of a logged-in browser.
    let b = reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build();
    let b = b.expect("client");
    let page = b.get(format!("{}/login", t.base)).send().await.expect("get").text().await.unwrap_or_default();
    let csrf = page.split("name=\"_csrf\" value=\"").nth(1).and_then(|r| r.split('"').next()).unwrap_or_default();
    let form = [("_csrf", csrf), ("email", "a@test.nl"), ("password", PASSWORD), ("next", "/")];
    let r = b.post(format!("{}/login", t.base)).form(&form).send().await.expect("post");
    assert_eq!((r.status().as_u16(), header(r.headers(), "cache-control")), (303, "no-store".to_owned()));
    for path in ["/".to_owned(), format!("/cases/{id}"), format!("/cases/{id}/plan"), "/account".to_owned()] {
        let r = b.get(format!("{}{path}", t.base)).send().await.expect("get");
        assert_eq!((r.status().as_u16(), header(r.headers(), "cache-control")), (200, "no-store".to_owned()), "{path}");
    }
    // Static assets may be cached: they hold no data and their URLs change with their content.
    let r = b.get(format!("{}/assets/utrecht-components.css", t.base)).send().await.expect("get");
    assert!(header(r.headers(), "cache-control").contains("immutable"));
}

#[tokio::test]
async fn strict_transport_security_comes_with_secure_cookies() {
    let t = spawn().await;
    let plain = Client::new(&t.base).get("/login").await;
    assert!(plain.headers.get("strict-transport-security").is_none(), "not over plain HTTP");
    let config = buurtteam_web::WebConfig { secure_cookies: true, ..Default::default() };
    let (base, _server) = t.serve_also(config, std::future::pending()).await;
    let c = Client::new(&base);
    for path in ["/login", "/api/v1/auth/me", "/assets/utrecht-components.css", "/no-such-page"] {
        let r = c.get(path).await;
        assert_eq!(header(&r.headers, "strict-transport-security"), "max-age=31536000", "{path}");
    }
    let r = c.post("/api/v1/auth/login", json!({"email": "admin@test.nl", "password": PASSWORD})).await;
    assert!(session_cookie(&r.headers).contains("; Secure"), "{}", session_cookie(&r.headers));
}

#[tokio::test]
async fn the_session_cookie_ends_with_the_browser() {
    let t = spawn().await;
    let c = Client::new(&t.base);
    let r = c.post("/api/v1/auth/login", json!({"email": "admin@test.nl", "password": PASSWORD})).await;
    assert_eq!(r.status, 200);
    let cookie = session_cookie(&r.headers).to_ascii_lowercase();
    assert!(cookie.contains("httponly") && cookie.contains("samesite=lax") && cookie.contains("path=/"), "{cookie}");
    assert!(!cookie.contains("max-age") && !cookie.contains("expires"), "a browser session cookie: {cookie}");
    // The log-in form sets the same kind of cookie.
    let b = reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build();
    let b = b.expect("client");
    let page = b.get(format!("{}/login", t.base)).send().await.expect("get").text().await.unwrap_or_default();
    let csrf = page.split("name=\"_csrf\" value=\"").nth(1).and_then(|r| r.split('"').next()).unwrap_or_default();
    let form = [("_csrf", csrf), ("email", "admin@test.nl"), ("password", PASSWORD), ("next", "/")];
    let r = b.post(format!("{}/login", t.base)).form(&form).send().await.expect("post");
    let cookie = session_cookie(r.headers()).to_ascii_lowercase();
    assert!(
        cookie.starts_with("bt_session=") && !cookie.contains("max-age") && !cookie.contains("expires"),
        "{cookie}"
    );
    // Logging out removes it.
    let r = c.post("/api/v1/auth/logout", json!({})).await;
    assert!(session_cookie(&r.headers).contains("Max-Age=0"));
}

#[tokio::test]
async fn a_connection_that_sends_half_its_headers_is_closed_after_the_timeout() {
    let t = spawn().await;
    let timeout = Duration::from_secs(1);
    let config = buurtteam_web::WebConfig { header_read_timeout: timeout, ..Default::default() };
    let (base, _server) = t.serve_also(config, std::future::pending()).await;
    let addr = base.trim_start_matches("http://").to_owned();

    let started = Instant::now();
    let mut slow = tokio::net::TcpStream::connect(&addr).await.expect("connect");
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nAccept: text/plain\r\n").await.expect("write");
    // Whatever the server says (perhaps nothing), it must then close the connection.
    let mut received = Vec::new();
    let read = tokio::time::timeout(timeout * 5, slow.read_to_end(&mut received)).await;
    let elapsed = started.elapsed();
    assert!(read.is_ok(), "still open after {elapsed:?}");
    assert!(elapsed >= timeout.mul_f64(0.9), "closed after {elapsed:?}, before the timeout");
    assert!(!String::from_utf8_lossy(&received).contains("200 OK"), "the half request was not served");

    // A connection that says nothing at all is closed too.
    let started = Instant::now();
    let mut silent = tokio::net::TcpStream::connect(&addr).await.expect("connect");
    let read = tokio::time::timeout(timeout * 5, silent.read_to_end(&mut Vec::new())).await;
    assert!(read.is_ok(), "a silent connection still open after {:?}", started.elapsed());

    // A client that sends its request in time is served as ever, also when it pauses briefly.
    let mut prompt = tokio::net::TcpStream::connect(&addr).await.expect("connect");
    prompt.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n").await.expect("write");
    tokio::time::sleep(timeout / 4).await;
    prompt.write_all(b"Connection: close\r\n\r\n").await.expect("write");
    let mut answer = Vec::new();
    tokio::time::timeout(timeout * 5, prompt.read_to_end(&mut answer)).await.expect("answered").expect("read");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 200 OK") && answer.ends_with("ok"), "{answer}");
}

#[tokio::test]
async fn shutting_down_stops_accepting_and_closes_idle_connections() {
    let t = spawn().await;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let shutdown = async move {
        let _ = stopped.await;
    };
    let (base, server) = t.serve_also(buurtteam_web::WebConfig::default(), shutdown).await;
    // A kept-alive connection, idle after its request.
    let c = Client::new(&base);
    assert_eq!(c.get("/api/v1/teams").await.status, 401);
    let _ = stop.send(());
    let finished = tokio::time::timeout(Duration::from_secs(5), server).await;
    assert!(matches!(finished, Ok(Ok(Ok(())))), "the server did not finish: {finished:?}");
    let addr = base.trim_start_matches("http://").to_owned();
    assert!(tokio::net::TcpStream::connect(&addr).await.is_err(), "no longer accepting");
}
