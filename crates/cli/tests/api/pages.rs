//! The staff pages over plain HTTP (the browser tests in tests/e2e cover the flows): log-in
//! with its CSRF cookie, redirects without a session, CSRF refusal that saves nothing,
//! security headers, languages, and HTML errors.

use reqwest::redirect::Policy;

use crate::harness::{PASSWORD, case, org, spawn};

fn browser() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(Policy::none()).build().expect("client")
}

/// The value of the hidden `_csrf` field of the first form in `html`.
pub(crate) fn csrf(html: &str) -> String {
    html.split("name=\"_csrf\" value=\"").nth(1).and_then(|r| r.split('"').next()).unwrap_or_default().to_owned()
}

pub(crate) async fn logged_in(base: &str, email: &str) -> reqwest::Client {
    let b = browser();
    let page = b.get(format!("{base}/login")).send().await.expect("get").text().await.unwrap_or_default();
    let r = b
        .post(format!("{base}/login"))
        .form(&[("_csrf", csrf(&page).as_str()), ("email", email), ("password", PASSWORD), ("next", "/")])
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 303, "log-in redirects");
    b
}

#[tokio::test]
async fn pages_without_a_session_send_to_the_log_in_page_and_back() {
    let t = spawn().await;
    let b = browser();
    let r = b.get(format!("{}/", t.base)).send().await.expect("get");
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/login");
    let r = b.get(format!("{}/cases/12", t.base)).send().await.expect("get");
    assert_eq!(r.headers()["location"], "/login?next=/cases/12");
    // Only local paths are followed after log-in.
    let page = b.get(format!("{}/login", t.base)).send().await.expect("get").text().await.unwrap_or_default();
    let r = b
        .post(format!("{}/login", t.base))
        .form(&[
            ("_csrf", csrf(&page).as_str()),
            ("email", "admin@test.nl"),
            ("password", PASSWORD),
            ("next", "//evil.example/"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(r.headers()["location"], "/");
}

#[tokio::test]
async fn the_log_in_form_needs_its_csrf_cookie_and_wrong_passwords_are_told_in_words() {
    let t = spawn().await;
    let b = browser();
    let r = b
        .post(format!("{}/login", t.base))
        .form(&[("_csrf", "forged"), ("email", "admin@test.nl"), ("password", PASSWORD)])
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 403);
    assert!(r.headers().get("set-cookie").and_then(|v| v.to_str().ok()).is_none_or(|c| !c.starts_with("bt_session=")));
    let page = b.get(format!("{}/login", t.base)).send().await.expect("get").text().await.unwrap_or_default();
    let r = b
        .post(format!("{}/login", t.base))
        .form(&[("_csrf", csrf(&page).as_str()), ("email", "admin@test.nl"), ("password", "not it at all")])
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 401);
    let html = r.text().await.unwrap_or_default();
    assert!(html.contains("Het e-mailadres of het wachtwoord klopt niet."), "Dutch message shown");
    assert!(html.contains("value=\"admin@test.nl\""), "the e-mail address is kept");
    assert!(!html.contains("not it at all"), "the password is never sent back");
}

#[tokio::test]
async fn a_form_without_its_csrf_token_is_refused_and_saves_nothing() {
    let t = spawn().await;
    org(&t).await;
    let b = logged_in(&t.base, "a@test.nl").await;
    let before = t.count("households").await;
    let fields = [
        ("address.street", "Kaatstraat"),
        ("address.house_number", "3"),
        ("address.postcode", "3513 BZ"),
        ("address.city", "Utrecht"),
        ("district_id", "1"),
        ("rows", "1"),
        ("members[0].given_name", "Sanne"),
        ("members[0].family_name", "Bakker"),
        ("members[0].birth_date", "2015-02-03"),
        ("members[0].role", "child"),
        ("action", "save"),
    ];
    for token in ["", "0123456789abcdef0123456789abcdef"] {
        let mut form = fields.to_vec();
        form.push(("_csrf", token));
        let r = b.post(format!("{}/households/new", t.base)).form(&form).send().await.expect("post");
        assert_eq!(r.status(), 403);
        assert!(r.text().await.unwrap_or_default().contains("Formulier verlopen"));
    }
    assert_eq!(t.count("households").await, before, "nothing saved");
    // With the page's token the same form is saved.
    let page = b.get(format!("{}/households/new", t.base)).send().await.expect("get").text().await.unwrap_or_default();
    let mut form = fields.to_vec();
    let token = csrf(&page);
    form.push(("_csrf", token.as_str()));
    let r = b.post(format!("{}/households/new", t.base)).form(&form).send().await.expect("post");
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap_or_default());
    assert_eq!(t.count("households").await, before + 1);
}

#[tokio::test]
async fn pages_carry_strict_security_headers_and_are_never_cached() {
    let t = spawn().await;
    let b = logged_in(&t.base, "admin@test.nl").await;
    let r = b.get(format!("{}/account", t.base)).send().await.expect("get");
    assert_eq!(r.status(), 200);
    let h = r.headers();
    let csp = h["content-security-policy"].to_str().unwrap_or_default();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'")
    );
    assert_eq!(h["cache-control"], "no-store");
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "no-referrer");
    let html = r.text().await.unwrap_or_default();
    assert!(!html.contains("<script>") && !html.contains(" style=\""), "no inline script or style");
    assert!(html.contains("<html lang=\"nl\""));
    // The language switch returns to the page in English.
    let r = b.get(format!("{}/language?set=en&back=/account", t.base)).send().await.expect("get");
    assert_eq!(r.headers()["location"], "/account");
    let html = b.get(format!("{}/account", t.base)).send().await.expect("get").text().await.unwrap_or_default();
    assert!(html.contains("<html lang=\"en\"") && html.contains("Change password"));
}

#[tokio::test]
async fn static_assets_are_served_compressed_with_long_caching() {
    let t = spawn().await;
    let html = browser().get(format!("{}/login", t.base)).send().await.expect("get").text().await.unwrap_or_default();
    let href = html
        .split("href=\"/assets/utrecht-components.css?v=")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or_default();
    assert!(!href.is_empty(), "versioned stylesheet link");
    let r = reqwest::Client::new()
        .get(format!("{}/assets/utrecht-components.css?v={href}", t.base))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .expect("get");
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-encoding"], "gzip");
    assert!(r.headers()["cache-control"].to_str().unwrap_or_default().contains("immutable"));
    let gz = r.bytes().await.expect("body").len();
    let plain = reqwest::Client::new()
        .get(format!("{}/assets/utrecht-components.css", t.base))
        .send()
        .await
        .expect("get")
        .bytes()
        .await
        .expect("body")
        .len();
    assert!(gz * 5 < plain, "gzip {gz} bytes vs {plain}");
}

#[tokio::test]
async fn unknown_pages_are_html_and_unknown_api_paths_problem_documents() {
    let t = spawn().await;
    let r = browser().get(format!("{}/no-such-page", t.base)).send().await.expect("get");
    assert_eq!(r.status(), 404);
    assert!(r.headers()["content-type"].to_str().unwrap_or_default().starts_with("text/html"));
    let r = browser().get(format!("{}/api/v1/no-such-thing", t.base)).send().await.expect("get");
    assert_eq!(r.status(), 404);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
}

#[tokio::test]
async fn another_teams_case_is_a_not_found_page_and_the_attempt_is_logged() {
    let t = spawn().await;
    let o = org(&t).await;
    let case = case(&o.worker_a, o.district_a, o.team_a, "2026-11-02").await;
    let own = logged_in(&t.base, "a@test.nl").await;
    let r = own.get(format!("{}/cases/{case}", t.base)).send().await.expect("get");
    assert_eq!(r.status(), 200);
    let other = logged_in(&t.base, "b@test.nl").await;
    let audit_before = t.count("audit_log").await;
    let r = other.get(format!("{}/cases/{case}", t.base)).send().await.expect("get");
    assert_eq!(r.status(), 404);
    assert!(r.text().await.unwrap_or_default().contains("Niet gevonden"));
    assert_eq!(t.count("audit_log").await, audit_before + 1, "the refused attempt is logged");
}

#[tokio::test]
async fn another_organisations_design_tokens_replace_utrechts_by_configuration() {
    let t = spawn().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let config = buurtteam_web::WebConfig {
        theme: Some(buurtteam_web::Theme {
            css: ".denhaag-theme { --denhaag-color-green: #00811f; }".into(),
            class: "denhaag-theme".into(),
        }),
        ..Default::default()
    };
    let app = t.app.clone();
    tokio::spawn(async move {
        let _ = buurtteam_web::serve(listener, app, config, std::future::pending()).await;
    });
    let html = browser().get(format!("{base}/login")).send().await.expect("get").text().await.unwrap_or_default();
    assert!(html.contains("class=\"utrecht-document utrecht-body denhaag-theme\""), "the theme class is on <body>");
    assert!(html.contains("href=\"/assets/theme.css\""), "the theme's tokens are linked");
    let css = browser().get(format!("{base}/assets/theme.css")).send().await.expect("get");
    assert_eq!(css.headers()["content-type"], "text/css; charset=utf-8");
    assert!(css.text().await.unwrap_or_default().contains("--denhaag-color-green"));
    // The default server has no theme of its own to serve.
    let none = browser().get(format!("{}/assets/theme.css", t.base)).send().await.expect("get");
    assert_eq!(none.status(), 404);
}

#[tokio::test]
async fn the_language_switch_returns_to_the_same_page_and_only_to_this_site() {
    let t = spawn().await;
    let b = logged_in(&t.base, "admin@test.nl").await;
    let html = b.get(format!("{}/account?x=1", t.base)).send().await.expect("get").text().await.unwrap_or_default();
    assert!(html.contains("/language?set=en&amp;back=/account%3Fx%3D1"), "the switch keeps the query");
    for (back, to) in [("/account%3Fx%3D1", "/account?x=1"), ("//evil.example/", "/"), ("/%5Cevil.example", "/")] {
        let r = b.get(format!("{}/language?set=en&back={back}", t.base)).send().await.expect("get");
        assert_eq!(r.headers()["location"], to, "back={back}");
    }
}
