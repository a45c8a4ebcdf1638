//! Where the browser is sent back to after logging in (`/login?next=`) and after the language
//! switch (`/language?back=`): only paths of this site, whatever the query holds. A tab used to
//! make `/\t/evil.example/` a 303 that Chromium followed off-site, and a control character a 500.

use reqwest::redirect::Policy;

use crate::harness::{PASSWORD, spawn};

/// Return paths a browser would follow off-site, or that are no valid `Location`.
const HOSTILE: &[&str] = &[
    "/\t/evil.example/",
    "/%09/evil.example/",
    "/\n/evil.example/",
    "/\r\n/evil.example/",
    "/%0d%0a/evil.example/",
    "/\\evil.example/",
    "/%5Cevil.example/",
    "//evil.example/",
    "/%2F/evil.example/",
    "/..//evil.example/",
    "/a/../..//evil.example/",
    "/%2e%2e//evil.example/",
    "https://evil.example/",
    "javascript:alert(1)",
    " /evil.example/",
    "/\u{3000}/evil.example/",
    "/\0",
    "/%00",
    "/\u{1b}[2J",
];

fn browser() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(Policy::none()).build().expect("client")
}

/// `s` percent-encoded for a query string.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn location(r: &reqwest::Response) -> String {
    r.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

#[tokio::test]
async fn the_language_switch_returns_only_to_paths_of_this_site() {
    let t = spawn().await;
    let b = browser();
    // The address of the report, exactly as typed.
    let r = b.get(format!("{}/language?set=en&back=/%09/evil.example/", t.base)).send().await.expect("get");
    assert_eq!((r.status().as_u16(), location(&r)), (303, "/".to_owned()));
    for back in HOSTILE {
        let r = b.get(format!("{}/language?set=en&back={}", t.base, enc(back))).send().await.expect("get");
        assert_eq!((r.status().as_u16(), location(&r)), (303, "/".to_owned()), "back={back:?}");
    }
    let r = b.get(format!("{}/language?set=nl&back={}", t.base, enc("/cases/3?tab=plan"))).send().await;
    assert_eq!(location(&r.expect("get")), "/cases/3?tab=plan", "a path of this site is kept");
}

#[tokio::test]
async fn the_log_in_returns_only_to_paths_of_this_site() {
    let t = spawn().await;
    let b = browser();
    for next in HOSTILE {
        let r = b.get(format!("{}/login?next={}", t.base, enc(next))).send().await.expect("get");
        assert_eq!(r.status(), 200, "next={next:?}");
        let page = r.text().await.unwrap_or_default();
        assert!(page.contains("<input type=\"hidden\" name=\"next\" value=\"/\">"), "next={next:?} is not kept");
        let csrf = page
            .split("name=\"_csrf\" value=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap_or_default()
            .to_owned();
        // A form posted with the hostile value anyway (a page of another site, say).
        let r = b
            .post(format!("{}/login", t.base))
            .form(&[("_csrf", csrf.as_str()), ("email", "admin@test.nl"), ("password", PASSWORD), ("next", next)])
            .send()
            .await
            .expect("post");
        assert_eq!((r.status().as_u16(), location(&r)), (303, "/".to_owned()), "next={next:?}");
    }
    // Without a session a page sends to the log-in page with its own path, and back after it.
    let anonymous = browser();
    let r = anonymous.get(format!("{}/cases/12", t.base)).send().await.expect("get");
    assert_eq!(location(&r), "/login?next=/cases/12");
    let page = anonymous.get(format!("{}/login?next=/cases/12", t.base)).send().await.expect("get");
    let page = page.text().await.unwrap_or_default();
    assert!(page.contains("name=\"next\" value=\"/cases/12\""));
}
