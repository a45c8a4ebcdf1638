//! Single sign-on against a real OpenID provider (panva's `oidc-provider`, run with Node from
//! `tests/oidc/provider.mjs`): the staff code flow with PKCE, state and nonce; what is refused
//! (a wrong state, a code used twice, another audience, an expired token, unknown and
//! deactivated people); logging out at the provider; the provider's second factor; and the
//! DigiD broker's way into Mijn Buurtteam for invited family members.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use buurtteam_app::sso::SsoConfig;
use buurtteam_app::{App, Settings};
use buurtteam_domain::ids::UserId;
use reqwest::Url;
use serde_json::json;

use crate::harness::{Client, TestApp, org, spawn_configured};

/// The provider, stopped when the test ends (its standard input closes).
struct Op {
    issuer: String,
    child: Child,
}

impl Drop for Op {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the test provider; without Node (or `npm ci`) the test is skipped, except on CI
/// (`CI=true`), where it fails.
fn provider() -> Option<Op> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let script = root.join("tests/oidc/provider.mjs");
    let installed = root.join("node_modules/oidc-provider/package.json").exists();
    let spawned = installed
        .then(|| {
            Command::new("node").arg(&script).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::null()).spawn()
        })
        .and_then(Result::ok);
    let Some(mut child) = spawned else {
        let why = "the SSO tests need Node and node_modules/oidc-provider (run `npm ci`)";
        assert!(std::env::var("CI").is_err(), "{why}");
        eprintln!("skipped: {why}");
        return None;
    };
    let mut line = String::new();
    let stdout = child.stdout.take().expect("stdout");
    BufReader::new(stdout).read_line(&mut line).expect("provider output");
    let issuer = line.trim().strip_prefix("READY ").unwrap_or_else(|| panic!("provider did not start: {line:?}"));
    Some(Op { issuer: issuer.to_owned(), child })
}

/// The application with three providers at the test provider: `staff`, `digid` (the broker
/// stand-in) and `wrong` (ID tokens for another audience); `extra` adds or overrides variables.
async fn spawn(op: &Op, extra: &[(&str, &str)]) -> TestApp {
    let issuer = op.issuer.clone();
    let extra: Vec<(String, String)> = extra.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    spawn_configured(Settings::default(), move |app: App, base: &str| {
        let mut vars = std::collections::HashMap::from([
            ("BUURTTEAM_PUBLIC_URL".to_owned(), base.to_owned()),
            ("BUURTTEAM_OIDC_PROVIDERS".to_owned(), "staff,digid,wrong".to_owned()),
        ]);
        for (id, client) in [("STAFF", "buurtteam-staff"), ("DIGID", "buurtteam-digid"), ("WRONG", "buurtteam-wrong")] {
            vars.insert(format!("BUURTTEAM_OIDC_{id}_ISSUER"), issuer.clone());
            vars.insert(format!("BUURTTEAM_OIDC_{id}_CLIENT_ID"), client.to_owned());
            vars.insert(format!("BUURTTEAM_OIDC_{id}_CLIENT_SECRET"), "test-secret".to_owned());
        }
        vars.insert("BUURTTEAM_OIDC_STAFF_NAME".into(), "Testaanbieder".into());
        vars.insert("BUURTTEAM_OIDC_DIGID_KIND".into(), "digid".into());
        vars.extend(extra);
        app.with_sso(SsoConfig::from_vars(|k| vars.get(k).cloned()).expect("sso config"))
    })
    .await
}

/// A browser: its own cookies, redirects followed by hand.
struct Browser {
    http: reqwest::Client,
    base: String,
}

struct Page {
    status: u16,
    location: Option<String>,
    body: String,
}

impl Browser {
    fn new(t: &TestApp) -> Self {
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        Self { http, base: t.base.clone() }
    }

    async fn page(r: reqwest::Response) -> Page {
        let status = r.status().as_u16();
        let location = r
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(|l| r.url().join(l).map(|u| u.to_string()).unwrap_or_else(|_| l.to_owned()));
        Page { status, location, body: r.text().await.unwrap_or_default() }
    }

    async fn get(&self, url: &str) -> Page {
        let url = if url.starts_with('/') { format!("{}{url}", self.base) } else { url.to_owned() };
        Self::page(self.http.get(url).send().await.expect("GET")).await
    }

    /// Follows redirects from `url` while they stay at the provider; returns the first address
    /// outside it (our callback) or the page where it stopped (the log-in form), with its URL.
    async fn through_provider(&self, mut url: String, op: &Op) -> (String, Page) {
        for _ in 0..10 {
            if !url.starts_with(&op.issuer) {
                return (url, Page { status: 0, location: None, body: String::new() });
            }
            let page = self.get(&url).await;
            match page.location.clone() {
                Some(next) if page.status / 100 == 3 => url = next,
                _ => return (url, page),
            }
        }
        panic!("too many redirects at the provider");
    }

    /// Starts a log-in at `provider` and logs in at the provider with `claims`; returns our
    /// callback address (with code and state).
    async fn callback_url(&self, op: &Op, provider: &str, claims: &[(&str, &str)]) -> String {
        let start = self.get(&format!("/login/sso/{provider}?next=/")).await;
        assert_eq!(start.status, 303, "{}", start.body);
        let authorize = start.location.expect("to the provider");
        assert!(authorize.contains("code_challenge_method=S256"), "PKCE: {authorize}");
        assert!(authorize.contains("nonce="), "nonce: {authorize}");
        let (form_url, form) = self.through_provider(authorize, op).await;
        assert_eq!(form.status, 200, "the provider's log-in page: {}", form.body);
        let r = self.http.post(&form_url).form(claims).send().await.expect("POST");
        let page = Self::page(r).await;
        let (callback, _) = self.through_provider(page.location.expect("redirect"), op).await;
        assert!(callback.starts_with(&format!("{}/login/sso/{provider}/callback?", self.base)), "{callback}");
        callback
    }

    /// Logs in through `provider` all the way; returns our answer to the callback.
    async fn login(&self, op: &Op, provider: &str, claims: &[(&str, &str)]) -> Page {
        let callback = self.callback_url(op, provider, claims).await;
        self.get(&callback).await
    }

    async fn me(&self) -> u16 {
        self.get("/api/v1/auth/me").await.status
    }
}

fn with_param(url: &str, name: &str, value: &str) -> String {
    let mut u = Url::parse(url).expect("url");
    let pairs: Vec<(String, String)> = u
        .query_pairs()
        .map(|(k, v)| {
            let v = if k == name { value.to_owned() } else { v.into_owned() };
            (k.into_owned(), v)
        })
        .collect();
    u.query_pairs_mut().clear().extend_pairs(pairs);
    u.to_string()
}

fn detail(r: &buurtteam_store::audit::Row) -> serde_json::Value {
    serde_json::from_str(&r.detail).unwrap_or_default()
}

async fn failures(t: &TestApp, mark: i64) -> Vec<String> {
    t.audit_since(mark)
        .await
        .into_iter()
        .filter(|r| r.action == "auth.login_failed")
        .map(|r| detail(&r)["failed"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn a_worker_logs_in_through_the_provider_and_stays_linked_when_the_address_changes() {
    let Some(op) = provider() else { return };
    let t = spawn(&op, &[]).await;
    let o = org(&t).await;
    let b = Browser::new(&t);
    let mark = t.audit_mark().await;
    let r = b.login(&op, "staff", &[("sub", "w-a"), ("email", "A@test.nl"), ("amr", "pwd")]).await;
    assert_eq!((r.status, r.location.as_deref()), (303, Some(format!("{}/", t.base).as_str())), "{}", r.body);
    let me = b.get("/api/v1/auth/me").await;
    assert_eq!(me.status, 200);
    assert!(me.body.contains("a@test.nl"), "{}", me.body);
    let rows = t.audit_since(mark).await;
    let login = rows.iter().find(|r| r.action == "auth.login").expect("logged");
    assert_eq!(detail(login)["sso"], "staff");
    assert_eq!(login.object_id, Some(o.worker_a_id));
    // The provider renames the address: the subject keeps the link.
    let b2 = Browser::new(&t);
    let r = b2.login(&op, "staff", &[("sub", "w-a"), ("email", "a.renamed@test.nl")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(b2.get("/api/v1/auth/me").await.body.contains("a@test.nl"));
}

#[tokio::test]
async fn an_answer_with_another_state_or_a_used_code_opens_nothing() {
    let Some(op) = provider() else { return };
    let t = spawn(&op, &[]).await;
    org(&t).await;
    let mark = t.audit_mark().await;
    // Wrong state: the answer is not for the log-in this browser started.
    let b = Browser::new(&t);
    let callback = b.callback_url(&op, "staff", &[("sub", "w-a"), ("email", "a@test.nl")]).await;
    let r = b.get(&with_param(&callback, "state", "0123456789abcdef")).await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("Het inloggen is verlopen"), "{}", r.body);
    assert_eq!(b.me().await, 401);
    // Another browser with the right URL but not its cookie.
    let stranger = Browser::new(&t);
    assert_eq!(stranger.get(&callback).await.status, 400);
    // The real browser: it works once ...
    let b = Browser::new(&t);
    let callback = b.callback_url(&op, "staff", &[("sub", "w-a"), ("email", "a@test.nl")]).await;
    assert_eq!(b.get(&callback).await.status, 303);
    // ... and the same answer again is refused (its state is spent) ...
    let again = Browser::new(&t);
    assert_eq!(again.get(&callback).await.status, 400);
    // ... and so is the code with a fresh state: the provider refuses a code used twice.
    let start = again.get("/login/sso/staff?next=/").await;
    let state = Url::parse(&start.location.expect("to the provider"))
        .expect("url")
        .query_pairs()
        .find(|(k, _)| k == "state")
        .map(|(_, v)| v.into_owned())
        .expect("state");
    let replay = again.get(&with_param(&callback, "state", &state)).await;
    assert_eq!(replay.status, 400, "{}", replay.body);
    assert!(replay.body.contains("Inloggen is niet gelukt"), "{}", replay.body);
    assert_eq!(again.me().await, 401);
    assert_eq!(failures(&t, mark).await, ["state", "state", "state", "refused"]);
}

#[tokio::test]
async fn an_id_token_for_another_audience_or_past_its_time_is_refused() {
    let Some(op) = provider() else { return };
    let t = spawn(&op, &[]).await;
    org(&t).await;
    let mark = t.audit_mark().await;
    let b = Browser::new(&t);
    let r = b.login(&op, "wrong", &[("sub", "w-a"), ("email", "a@test.nl")]).await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert_eq!(b.me().await, 401);
    // Our clock two hours on: the provider's ID token (an hour) has expired by it.
    t.app.clock.set(t.app.now().checked_add(jiff::SignedDuration::from_hours(2)).expect("time"));
    let b = Browser::new(&t);
    let r = b.login(&op, "staff", &[("sub", "w-a"), ("email", "a@test.nl")]).await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert_eq!(b.me().await, 401);
    assert_eq!(failures(&t, mark).await, ["token", "token"]);
}

#[tokio::test]
async fn unknown_people_are_refused_and_deactivated_accounts_too() {
    let Some(op) = provider() else { return };
    let t = spawn(&op, &[]).await;
    let o = org(&t).await;
    let b = Browser::new(&t);
    let r = b.login(&op, "staff", &[("sub", "x"), ("email", "nobody@test.nl")]).await;
    assert_eq!(r.status, 403);
    assert!(r.body.contains("U heeft nog geen account"), "{}", r.body);
    assert!(r.body.contains("vraag uw functioneel beheerder") || r.body.contains("Vraag uw functioneel beheerder"));
    assert_eq!(b.me().await, 401);
    let users = t.count("users").await;
    o.admin.patch(&format!("/api/v1/users/{}", o.worker_a_id), json!({"active": false})).await.expect(200);
    let b = Browser::new(&t);
    let r = b.login(&op, "staff", &[("sub", "w-a"), ("email", "a@test.nl")]).await;
    assert_eq!(r.status, 403);
    assert!(r.body.contains("Uw account is uitgeschakeld"), "{}", r.body);
    assert_eq!(b.me().await, 401);
    assert_eq!(t.count("users").await, users);
}

#[tokio::test]
async fn a_provider_that_provisions_makes_a_family_worker_in_its_team() {
    let Some(op) = provider() else { return };
    let t = spawn(&op, &[("BUURTTEAM_OIDC_STAFF_PROVISION_TEAM", "Buurtteam Overvecht")]).await;
    let o = org(&t).await;
    let mark = t.audit_mark().await;
    let b = Browser::new(&t);
    let r = b.login(&op, "staff", &[("sub", "new-1"), ("email", "Nieuw@Test.nl"), ("name", "Noor Nieuw")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let me = b.get("/api/v1/auth/me").await;
    assert!(me.body.contains("nieuw@test.nl") && me.body.contains("family_worker"), "{}", me.body);
    let created = t.audit_since(mark).await.into_iter().find(|r| r.action == "user.created").expect("audited");
    let d = detail(&created);
    assert_eq!(d["after"]["team_ids"], json!([o.team_a]));
    assert_eq!(d["provisioned_by"], "staff");
    assert!(d["before"].is_null());
    // The new worker has no password here: the password log-in does not open.
    let c = Client::new(&t.base);
    c.post("/api/v1/auth/login", json!({"email": "nieuw@test.nl", "password": "!"})).await.expect(401);
}

#[tokio::test]
async fn logging_out_ends_the_session_here_and_goes_on_to_the_provider() {
    let Some(op) = provider() else { return };
    let t = spawn(&op, &[]).await;
    org(&t).await;
    let b = Browser::new(&t);
    assert_eq!(b.login(&op, "staff", &[("sub", "w-a"), ("email", "a@test.nl")]).await.status, 303);
    // The session's ID token is kept encrypted (decision 0026), nothing of the JWT readable.
    let mut tx = t.app.db.begin_read().await.expect("tx");
    let kept =
        buurtteam_store::secrets::all(&mut tx, buurtteam_store::secrets::Column::SsoIdToken).await.expect("kept");
    drop(tx);
    assert_eq!(kept.len(), 1);
    assert!(kept[0].value.starts_with("v1:") && !kept[0].value.contains("eyJ"), "{}", kept[0].value);
    let home = b.get("/").await;
    let csrf = home.body.split("name=\"_csrf\" value=\"").nth(1).and_then(|s| s.split('"').next()).expect("csrf");
    let r = b.http.post(format!("{}/logout", t.base)).form(&[("_csrf", csrf)]).send().await.expect("POST");
    // A page that goes on to the provider by itself (a redirect of the form would be stopped
    // by the page's `form-action 'self'`).
    let refresh = r.headers().get("refresh").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let out = Browser::page(r).await;
    assert_eq!(out.status, 200);
    assert!(out.body.contains("Verder naar Testaanbieder"), "{}", out.body);
    let to = refresh.strip_prefix("0;url=").expect("refresh").to_owned();
    assert!(out.body.contains(&format!("href=\"{}/session/end?", op.issuer)), "a link there too: {}", out.body);
    assert!(to.starts_with(&format!("{}/session/end", op.issuer)), "{to}");
    let u = Url::parse(&to).expect("url");
    let q: std::collections::HashMap<_, _> = u.query_pairs().into_owned().collect();
    assert_eq!(q["id_token_hint"].split('.').count(), 3, "the ID token itself, decrypted for the provider");
    assert_eq!(q["post_logout_redirect_uri"], format!("{}/login/sso/staff/logged-out", t.base));
    assert_eq!(b.me().await, 401, "our session ended");
    // The provider shows its log-out form, which it accepts for this client.
    let (_, end) = b.through_provider(to, &op).await;
    assert_eq!(end.status, 200, "{}", end.body);
    assert!(end.body.contains("logout"), "{}", end.body);
    // Back from the provider: the log-in page says so.
    let back = b.get("/login/sso/staff/logged-out").await;
    assert_eq!(back.location.as_deref(), Some(format!("{}/login?reason=logged-out", t.base).as_str()));
    // A password session logs out here only.
    let c = Browser::new(&t);
    let r = c
        .http
        .post(format!("{}/api/v1/auth/login", t.base))
        .json(&json!({"email": "a@test.nl", "password": crate::harness::PASSWORD}))
        .send()
        .await
        .expect("login");
    assert_eq!(r.status(), 200);
    let home = c.get("/").await;
    let csrf = home.body.split("name=\"_csrf\" value=\"").nth(1).and_then(|s| s.split('"').next()).expect("csrf");
    let r = c.http.post(format!("{}/logout", t.base)).form(&[("_csrf", csrf)]).send().await.expect("POST");
    assert_eq!(
        Browser::page(r).await.location.as_deref(),
        Some(format!("{}/login?reason=logged-out", t.base).as_str())
    );
}

#[tokio::test]
async fn a_second_factor_asserted_by_the_provider_replaces_ours() {
    let Some(op) = provider() else { return };
    let t = spawn(&op, &[]).await;
    let o = org(&t).await;
    // Worker A sets up our TOTP.
    let mut tx = t.app.db.begin_read().await.expect("tx");
    let user =
        buurtteam_store::organisation::get_user(&mut tx, UserId(o.worker_a_id)).await.expect("get").expect("user");
    drop(tx);
    let actor = buurtteam_app::auth::actor_of(&user);
    let enrolment = buurtteam_app::auth::begin_enrolment(&t.app, &actor, "Buurtteam").await.expect("enrol");
    let code = buurtteam_app::auth::current_code(&enrolment.secret_base32, t.app.now()).expect("code");
    buurtteam_app::auth::confirm_enrolment(&t.app, &actor, &code).await.expect("confirm");
    // Password only at the provider: our second factor is asked.
    let b = Browser::new(&t);
    let r = b.login(&op, "staff", &[("sub", "w-a"), ("email", "a@test.nl"), ("amr", "pwd")]).await;
    assert_eq!(r.location.as_deref(), Some(format!("{}/login/second-factor?next=/", t.base).as_str()));
    assert_eq!(b.me().await, 401, "nothing opens before the code");
    // The provider checked a second factor itself: in at once.
    let b = Browser::new(&t);
    let r = b.login(&op, "staff", &[("sub", "w-a"), ("email", "a@test.nl"), ("amr", "pwd,otp")]).await;
    assert_eq!(r.location.as_deref(), Some(format!("{}/", t.base).as_str()));
    assert_eq!(b.me().await, 200);
}

#[tokio::test]
async fn with_local_passwords_off_staff_use_the_provider_and_families_keep_theirs() {
    let Some(op) = provider() else { return };
    let t = spawn(&op, &[("BUURTTEAM_LOCAL_PASSWORDS", "off")]).await;
    let c = Client::new(&t.base);
    let r = c.post("/api/v1/auth/login", json!({"email": "admin@test.nl", "password": crate::harness::PASSWORD})).await;
    let r = r.problem(403);
    assert!(r.body["detail"].as_str().unwrap_or_default().contains("single sign-on"), "{}", r.body);
    // A wrong password is still just wrong.
    c.post("/api/v1/auth/login", json!({"email": "admin@test.nl", "password": "wrong one"})).await.expect(401);
    let b = Browser::new(&t);
    let login = b.get("/login").await;
    assert!(login.body.contains("Inloggen met Testaanbieder"), "{}", login.body);
    assert!(!login.body.contains("name=\"password\""), "no password form for staff");
    let portal = b.get("/login?next=/portal").await;
    assert!(portal.body.contains("name=\"password\""), "families keep code and password");
    assert!(portal.body.contains("Inloggen met DigiD"), "{}", portal.body);
    assert!(!portal.body.contains("Testaanbieder"));
}

/// An invited parent (BSN 123456782 in `household_body`) comes in through the DigiD broker.
#[tokio::test]
async fn an_invited_family_member_logs_in_with_digid_and_finds_the_account_again() {
    let Some(op) = provider() else { return };
    let t = spawn(&op, &[]).await;
    let o = org(&t).await;
    let (case, members) = crate::harness::child_referred(&o.worker_a, o.district_a, o.team_a, "2026-11-02").await;
    let parent = members[0];
    // Nobody invited yet: the code way is what the page offers.
    let mark = t.audit_mark().await;
    let b = Browser::new(&t);
    let r = b.login(&op, "digid", &[("sub", "s-123"), ("bsn", "123456782")]).await;
    assert_eq!(r.status, 403, "{}", r.body);
    assert!(r.body.contains("We kunnen je niet vinden") && r.body.contains("/portal/activate"), "{}", r.body);
    // A BSN nobody here has gets the very same page.
    let b2 = Browser::new(&t);
    let other = b2.login(&op, "digid", &[("sub", "s-999"), ("bsn", "111222333")]).await;
    assert_eq!((other.status, other.body.clone()), (403, r.body.clone()));
    let users = t.count("users").await;
    // Invited: the first DigiD log-in makes the account and spends the invitation.
    o.worker_a
        .post(&format!("/api/v1/cases/{case}/portal-invitations"), json!({"person_id": parent}))
        .await
        .expect(201);
    let b = Browser::new(&t);
    let r = b.login(&op, "digid", &[("sub", "s-123"), ("bsn", "123456782")]).await;
    assert_eq!((r.status, r.location.as_deref()), (303, Some(format!("{}/portal", t.base).as_str())), "{}", r.body);
    assert_eq!(b.get("/portal").await.status, 200);
    assert_eq!(t.count("users").await, users + 1);
    // Later log-ins find the linked account (the invitation is spent).
    let b = Browser::new(&t);
    let r = b.login(&op, "digid", &[("sub", "s-123"), ("bsn", "123456782")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(t.count("users").await, users + 1);
    // The BSN is in no audit row.
    let rows = t.audit_since(mark).await;
    assert!(rows.iter().any(|r| r.action == "portal.activated"));
    for r in &rows {
        assert!(!r.detail.contains("123456782") && !r.detail.contains("111222333"), "{r:?}");
    }
}

#[tokio::test]
async fn the_admin_page_lists_the_providers_without_their_secrets() {
    let Some(op) = provider() else { return };
    let t = spawn(&op, &[("BUURTTEAM_OIDC_STAFF_PROVISION_TEAM", "Buurtteam Overvecht")]).await;
    let o = org(&t).await;
    let page = o.admin.get("/admin/sign-in").await;
    assert_eq!(page.status.as_u16(), 200);
    for shown in
        ["Testaanbieder", "DigiD", &op.issuer, "buurtteam-staff", "BUURTTEAM_OIDC_STAFF_ISSUER", "Buurtteam Overvecht"]
    {
        assert!(page.text.contains(shown), "{shown} missing");
    }
    assert!(page.text.contains(&format!("{}/login/sso/digid/callback", t.base)));
    assert!(!page.text.contains("test-secret"), "no secrets");
    assert_eq!(o.worker_a.get("/admin/sign-in").await.status.as_u16(), 403);
}

#[tokio::test]
async fn a_role_that_must_set_up_totp_is_not_held_up_when_the_provider_checked_a_second_factor() {
    let Some(op) = provider() else { return };
    let issuer = op.issuer.clone();
    let settings =
        Settings { second_factor_roles: vec![buurtteam_domain::codes::Role::FamilyWorker], ..Settings::default() };
    let t = spawn_configured(settings, move |app: App, base: &str| {
        let vars = std::collections::HashMap::from([
            ("BUURTTEAM_PUBLIC_URL".to_owned(), base.to_owned()),
            ("BUURTTEAM_OIDC_PROVIDERS".to_owned(), "staff".to_owned()),
            ("BUURTTEAM_OIDC_STAFF_ISSUER".to_owned(), issuer),
            ("BUURTTEAM_OIDC_STAFF_CLIENT_ID".to_owned(), "buurtteam-staff".to_owned()),
            ("BUURTTEAM_OIDC_STAFF_CLIENT_SECRET".to_owned(), "test-secret".to_owned()),
        ]);
        app.with_sso(SsoConfig::from_vars(|k| vars.get(k).cloned()).expect("sso config"))
    })
    .await;
    org(&t).await;
    let b = Browser::new(&t);
    assert_eq!(b.login(&op, "staff", &[("sub", "w-a"), ("email", "a@test.nl"), ("amr", "pwd")]).await.status, 303);
    let home = b.get("/").await;
    let expected = format!("{}/account/second-factor", t.base);
    assert_eq!(home.location.as_deref(), Some(expected.as_str()), "a password alone: set up TOTP first");
    let b = Browser::new(&t);
    assert_eq!(b.login(&op, "staff", &[("sub", "w-a"), ("email", "a@test.nl"), ("amr", "mfa")]).await.status, 303);
    assert_eq!(b.get("/").await.status, 200, "the provider's second factor counts");
    assert_eq!(b.me().await, 200);
}
