//! Health, the OpenAPI document and reference page, security headers, errors for unknown routes.

use crate::harness::{Client, spawn};

#[tokio::test]
async fn health_and_readiness() {
    let t = spawn().await;
    let c = Client::new(&t.base);
    let r = c.http.get(format!("{}/healthz", t.base)).send().await.expect("send");
    assert_eq!(r.status(), 200);
    assert_eq!(c.get("/readyz").await.status, 200);
    t.app.db.close().await;
    // A probe's result is reused for a second.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    c.get("/readyz").await.problem(503);
    assert_eq!(
        c.http.get(format!("{}/healthz", t.base)).send().await.expect("send").status(),
        200,
        "liveness needs no database"
    );
}

#[tokio::test]
async fn the_openapi_document_covers_the_whole_contract() {
    let t = spawn().await;
    let c = Client::new(&t.base);
    let doc = c.get("/api/v1/openapi.json").await.expect(200);
    assert!(doc["openapi"].as_str().unwrap_or_default().starts_with("3.1"), "OpenAPI 3.1");
    let contract = [
        ("/api/v1/auth/login", "post"),
        ("/api/v1/auth/logout", "post"),
        ("/api/v1/auth/me", "get"),
        ("/api/v1/auth/password", "post"),
        ("/api/v1/districts", "post"),
        ("/api/v1/districts", "get"),
        ("/api/v1/teams", "post"),
        ("/api/v1/teams", "get"),
        ("/api/v1/users", "post"),
        ("/api/v1/users", "get"),
        ("/api/v1/households", "post"),
        ("/api/v1/cases", "post"),
        ("/api/v1/cases", "get"),
        ("/api/v1/cases/{id}", "get"),
        ("/api/v1/cases/{id}/intake", "post"),
        ("/api/v1/cases/{id}/start", "post"),
        ("/api/v1/cases/{id}/close", "post"),
        ("/api/v1/cases/{id}/contacts", "post"),
        ("/api/v1/cases/{id}/contacts", "get"),
        ("/api/v1/cases/{id}/goals", "post"),
        ("/api/v1/goals/{id}", "patch"),
        ("/api/v1/goals/{id}/scores", "post"),
        ("/api/v1/goals/{id}/actions", "post"),
        ("/api/v1/cases/{id}/evaluations", "post"),
        ("/api/v1/cases/{id}/portal-invitations", "post"),
        ("/api/v1/portal/activate", "post"),
        ("/api/v1/portal/plan", "get"),
        ("/api/v1/goals/{id}/network-invitations", "post"),
        ("/api/v1/network-invitations/{id}", "delete"),
        ("/api/v1/portal/access-log", "get"),
        ("/api/v1/cases/{id}/access-log", "get"),
        ("/api/v1/cases/{id}/emergency-access", "post"),
        ("/api/v1/privacy/emergency-accesses", "get"),
        ("/api/v1/privacy/emergency-accesses/{id}/review", "post"),
        ("/api/v1/privacy/unusual-access", "get"),
        ("/api/v1/privacy/unusual-access/review", "post"),
        ("/api/v1/groups", "post"),
        ("/api/v1/groups", "get"),
        ("/api/v1/groups/{id}", "get"),
        ("/api/v1/groups/{id}/sessions", "post"),
        ("/api/v1/groups/{id}/participants", "post"),
        ("/api/v1/group-participants/{id}/leave", "post"),
        ("/api/v1/group-sessions/{id}/attendance", "post"),
    ];
    // Paths are relative to the one server, whose URL carries the major version.
    assert_eq!(doc["servers"][0]["url"], "/api/v1");
    for (path, method) in contract {
        let relative = path.trim_start_matches("/api/v1");
        assert!(doc["paths"][relative][method].is_object(), "{method} {path} missing from the OpenAPI document");
        // What the Dutch API Design Rules ask of each operation.
        let responses = doc["paths"][relative][method]["responses"].as_object().cloned().unwrap_or_default();
        for (status, r) in &responses {
            assert!(r["description"].is_string(), "{method} {path} {status} has a description");
            if status.starts_with('2') {
                assert!(r["headers"]["API-Version"].is_object(), "{method} {path} {status} documents API-Version");
            }
        }
        if method != "get" && method != "delete" {
            assert!(responses.contains_key("400"), "{method} {path} documents 400");
        }
    }
    assert_eq!(c.get("/api/v1/auth/me").await.headers["api-version"], "1.0.0", "every API answer says its version");
    let sources = &doc["components"]["schemas"]["ReferralSource"]["enum"];
    assert_eq!(sources.as_array().map(Vec::len), Some(8), "codes are listed: {sources}");

    let page = c.http.get(format!("{}/api/v1/docs", t.base)).send().await.expect("send");
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap_or_default();
    // Swagger UI draws the operations and schemas (tests/e2e/api-reference.test.mjs); the problem
    // types, which problem documents link to, are on the page itself.
    assert!(html.contains("id=\"swagger-ui\"") && html.contains("/assets/swagger-ui-bundle.js?v="));
    assert!(html.contains("id=\"problem-validation\""));
}

#[tokio::test]
async fn every_answer_carries_security_headers_and_errors_are_problems() {
    let t = spawn().await;
    let c = Client::new(&t.base);
    let r = c.get("/api/v1/nothing-here").await.problem(404);
    for h in ["x-content-type-options", "content-security-policy", "x-frame-options", "referrer-policy"] {
        assert!(r.headers.contains_key(h), "missing {h}");
    }
    assert!(r.headers["content-security-policy"].to_str().unwrap_or_default().contains("frame-ancestors 'none'"));
    c.delete("/api/v1/cases").await.problem(405);
    // A cross-site state change is refused whatever cookies it carries.
    let r = c
        .http
        .post(format!("{}/api/v1/auth/logout", t.base))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .expect("send");
    assert_eq!(r.status(), 403);
}

async fn fetch(http: &reqwest::Client, url: String, gzip: bool) -> reqwest::Response {
    let r = http.get(url);
    let r = if gzip { r.header("accept-encoding", "gzip, deflate, br") } else { r };
    r.send().await.expect("send")
}

fn gunzip(body: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(body).read_to_end(&mut out).expect("gunzip");
    out
}

#[tokio::test]
async fn answers_go_gzipped_to_a_client_that_asks_and_plain_to_one_that_does_not() {
    let t = spawn().await;
    let http = reqwest::Client::new();
    for path in ["/api/v1/openapi.json", "/api/v1/docs"] {
        let plain = fetch(&http, format!("{}{path}", t.base), false).await;
        assert!(plain.headers().get("content-encoding").is_none(), "{path}: not asked, not compressed");
        let plain = plain.bytes().await.expect("body");
        let zipped = fetch(&http, format!("{}{path}", t.base), true).await;
        assert_eq!(zipped.headers()["content-encoding"], "gzip", "{path}");
        assert!(zipped.headers()["vary"].to_str().unwrap_or_default().contains("accept-encoding"), "{path}");
        assert!(zipped.headers().contains_key("content-security-policy"), "{path}: security headers stay");
        let zipped = zipped.bytes().await.expect("body");
        assert!(zipped.len() * 2 < plain.len(), "{path}: {} of {} bytes", zipped.len(), plain.len());
        assert_eq!(gunzip(&zipped), plain.as_ref(), "{path}: the same answer");
    }
    // Assets keep their own compressed copy (content-hashed URL, immutable) and are not
    // compressed twice.
    let html = fetch(&http, format!("{}/login", t.base), false).await.text().await.unwrap_or_default();
    let css = html.split("href=\"").filter_map(|s| s.split('"').next()).find(|h| h.contains("buurtteam.css?v="));
    let css = fetch(&http, format!("{}{}", t.base, css.unwrap_or("/assets/buurtteam.css")), true).await;
    assert_eq!(css.headers()["content-encoding"], "gzip");
    assert!(css.headers()["cache-control"].to_str().unwrap_or_default().contains("immutable"));
    let once = gunzip(&css.bytes().await.expect("body"));
    assert!(std::str::from_utf8(&once).is_ok_and(|s| s.contains('{')), "CSS after one gunzip");
}
