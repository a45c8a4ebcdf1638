//! Starts the application for one test and offers a logged-in HTTP client per user.

use buurtteam_app::accounts::UserInput;
use buurtteam_app::auth::actor_of;
use buurtteam_app::{App, Settings};
use buurtteam_store::Db;
use reqwest::StatusCode;
use serde_json::{Value, json};

pub const PASSWORD: &str = "correct horse battery";

pub struct TestApp {
    pub base: String,
    /// The database, for running the binary against it.
    pub url: String,
    pub app: App,
    _dir: tempfile::TempDir,
}

/// A fresh database URL: PostgreSQL when `BUURTTEAM_TEST_PG` is set, else SQLite in `dir`.
pub async fn fresh_database_url(dir: &std::path::Path) -> String {
    match buurtteam_store::testing::postgres_admin_url() {
        Some(admin) => buurtteam_store::testing::create_postgres_database(&admin, "bt_test"),
        None => format!("sqlite://{}", dir.join("test.db").display()),
    }
}

pub async fn spawn() -> TestApp {
    spawn_with(Settings::default()).await
}

/// The application with other settings (log-in limits, second-factor roles).
pub async fn spawn_with(settings: Settings) -> TestApp {
    spawn_configured(settings, |app, _| app).await
}

/// The application as `configure` makes it, knowing its base URL (single sign-on).
pub async fn spawn_configured(settings: Settings, configure: impl FnOnce(App, &str) -> App) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let db_url = fresh_database_url(dir.path()).await;
    let db = Db::connect(&db_url).await.expect("connect");
    db.migrate().await.expect("migrate");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    // Secrets at rest need a key (decision 0026): one per test, gone with it.
    let app = configure(App::new(db, settings).with_secrets(buurtteam_app::secrets::Keyring::ephemeral()), &base);
    let served = app.clone();
    tokio::spawn(async move {
        let _ =
            buurtteam_web::serve(listener, served, buurtteam_web::WebConfig::default(), std::future::pending()).await;
    });
    let t = TestApp { base, url: db_url, app, _dir: dir };
    t.create_user(None, "admin@test.nl", "Ada Admin", "admin", &[]).await;
    t
}

/// An HTTP client with its own cookie jar: one per person in a test.
pub struct Client {
    pub http: reqwest::Client,
    pub base: String,
}

pub struct Reply {
    pub status: StatusCode,
    pub body: Value,
    /// The body as it came, byte for byte.
    pub text: String,
    pub headers: reqwest::header::HeaderMap,
}

impl Reply {
    /// The field names of a problem document's `errors`.
    pub fn fields(&self) -> Vec<String> {
        self.body["errors"]
            .as_array()
            .map(|a| a.iter().filter_map(|e| e["field"].as_str().map(str::to_owned)).collect())
            .unwrap_or_default()
    }

    #[track_caller]
    pub fn expect(self, status: u16) -> Value {
        assert_eq!(self.status.as_u16(), status, "unexpected status; body: {}", self.body);
        self.body
    }

    /// Asserts a problem+json answer with `status`.
    #[track_caller]
    pub fn problem(self, status: u16) -> Self {
        assert_eq!(self.status.as_u16(), status, "unexpected status; body: {}", self.body);
        let ct = self.headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default();
        assert_eq!(ct, "application/problem+json", "problem content type");
        assert_eq!(self.body["status"], status, "status member");
        for member in ["type", "title", "detail"] {
            assert!(self.body[member].is_string(), "problem lacks {member}: {}", self.body);
        }
        self
    }
}

impl Client {
    pub fn new(base: &str) -> Self {
        let http = reqwest::Client::builder().cookie_store(true).build().expect("client");
        Self { http, base: base.to_owned() }
    }

    async fn reply(r: reqwest::Response) -> Reply {
        let status = r.status();
        let headers = r.headers().clone();
        let text = r.text().await.unwrap_or_default();
        let body = serde_json::from_str(&text).unwrap_or_else(|_| Value::String(text.clone()));
        Reply { status, body, text, headers }
    }

    pub async fn get(&self, path: &str) -> Reply {
        Self::reply(self.http.get(format!("{}{path}", self.base)).send().await.expect("GET")).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Reply {
        Self::reply(self.http.post(format!("{}{path}", self.base)).json(&body).send().await.expect("POST")).await
    }

    pub async fn post_with_key(&self, path: &str, key: &str, body: Value) -> Reply {
        let r = self
            .http
            .post(format!("{}{path}", self.base))
            .header("Idempotency-Key", key)
            .json(&body)
            .send()
            .await
            .expect("POST");
        Self::reply(r).await
    }

    pub async fn put(&self, path: &str, body: Value) -> Reply {
        Self::reply(self.http.put(format!("{}{path}", self.base)).json(&body).send().await.expect("PUT")).await
    }

    pub async fn patch(&self, path: &str, body: Value) -> Reply {
        Self::reply(self.http.patch(format!("{}{path}", self.base)).json(&body).send().await.expect("PATCH")).await
    }

    pub async fn delete(&self, path: &str) -> Reply {
        Self::reply(self.http.delete(format!("{}{path}", self.base)).send().await.expect("DELETE")).await
    }
}

impl TestApp {
    pub async fn create_user(&self, by: Option<i64>, email: &str, name: &str, role: &str, teams: &[i64]) -> i64 {
        let by_actor = match by {
            Some(id) => {
                let mut tx = self.app.db.begin_read().await.expect("tx");
                let u = buurtteam_store::organisation::get_user(&mut tx, buurtteam_domain::ids::UserId(id))
                    .await
                    .expect("get")
                    .expect("user");
                Some(actor_of(&u))
            }
            None => None,
        };
        let input = UserInput {
            email: Some(email.into()),
            name: Some(name.into()),
            role: Some(role.into()),
            team_ids: teams.to_vec(),
            partner_id: None,
            password: Some(PASSWORD.into()),
            ..UserInput::default()
        };
        buurtteam_app::accounts::create_user(&self.app, by_actor.as_ref(), &input).await.expect("create user").id.0
    }

    /// A client logged in as `email`.
    pub async fn login(&self, email: &str) -> Client {
        let c = Client::new(&self.base);
        c.post("/api/v1/auth/login", json!({ "email": email, "password": PASSWORD })).await.expect(200);
        c
    }

    /// The same application served once more on another port with other web settings
    /// (secure cookies, timeouts), until `shutdown` completes; returns its base URL and the
    /// serving task.
    pub async fn serve_also(
        &self,
        config: buurtteam_web::WebConfig,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> (String, tokio::task::JoinHandle<std::io::Result<()>>) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let task = tokio::spawn(buurtteam_web::serve(listener, self.app.clone(), config, shutdown));
        (base, task)
    }

    /// Counts rows of a table (to prove that a failed request wrote nothing).
    pub async fn count(&self, table: &str) -> i64 {
        self.app.db.count_rows(table).await.expect("count")
    }

    /// The id of the newest audit row: [`TestApp::audit_since`] then reads what came after.
    pub async fn audit_mark(&self) -> i64 {
        let mut tx = self.app.db.begin_read().await.expect("tx");
        buurtteam_store::audit::last_id(&mut tx).await.expect("last id")
    }

    /// The audit rows appended after `mark`, oldest first.
    pub async fn audit_since(&self, mark: i64) -> Vec<buurtteam_store::audit::Row> {
        let mut tx = self.app.db.begin_read().await.expect("tx");
        buurtteam_store::audit::after(&mut tx, mark, 1000).await.expect("audit rows")
    }

    /// Takes `user` off `team` (there is no endpoint for it yet).
    pub async fn leave_team(&self, user: i64, team: i64) {
        let mut tx = self.app.db.begin().await.expect("tx");
        let left = buurtteam_store::organisation::leave_team(
            &mut tx,
            buurtteam_domain::ids::UserId(user),
            buurtteam_domain::ids::TeamId(team),
        )
        .await
        .expect("leave team");
        assert!(left, "user {user} was on team {team}");
        tx.commit().await.expect("commit");
    }
}

/// A small organisation: two districts with a team each, a worker per team, a manager of
/// both, an analyst. Returns the ids and logged-in clients.
pub struct Org {
    pub admin: Client,
    pub district_a: i64,
    pub district_b: i64,
    pub team_a: i64,
    pub team_b: i64,
    pub worker_a: Client,
    pub worker_a_id: i64,
    pub worker_b: Client,
    pub worker_b_id: i64,
    pub manager: Client,
    pub analyst: Client,
}

pub async fn org(t: &TestApp) -> Org {
    let admin = t.login("admin@test.nl").await;
    let district_a =
        admin.post("/api/v1/districts", json!({"name": "Overvecht"})).await.expect(201)["id"].as_i64().unwrap_or(0);
    let district_b =
        admin.post("/api/v1/districts", json!({"name": "Zuidwest"})).await.expect(201)["id"].as_i64().unwrap_or(0);
    let team_a = admin
        .post("/api/v1/teams", json!({"name": "Buurtteam Overvecht", "district_id": district_a}))
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    let team_b = admin
        .post("/api/v1/teams", json!({"name": "Buurtteam Kanaleneiland", "district_id": district_b}))
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    let mut ids = Vec::new();
    for (email, role, teams) in [
        ("a@test.nl", "family_worker", vec![team_a]),
        ("b@test.nl", "family_worker", vec![team_b]),
        ("m@test.nl", "team_manager", vec![team_a, team_b]),
        ("an@test.nl", "analyst", vec![]),
    ] {
        let body =
            json!({"email": email, "name": "Test Persoon", "role": role, "team_ids": teams, "password": PASSWORD});
        ids.push(admin.post("/api/v1/users", body).await.expect(201)["id"].as_i64().unwrap_or(0));
    }
    Org {
        district_a,
        district_b,
        team_a,
        team_b,
        worker_a: t.login("a@test.nl").await,
        worker_a_id: ids[0],
        worker_b: t.login("b@test.nl").await,
        worker_b_id: ids[1],
        manager: t.login("m@test.nl").await,
        analyst: t.login("an@test.nl").await,
        admin,
    }
}

/// A household body: a parent and a child.
pub fn household_body(district: i64) -> Value {
    json!({
        "address": {"street": "Zamenhofdreef", "house_number": 12, "postcode": "3562 JW", "city": "Utrecht"},
        "district_id": district,
        "members": [
            {"given_name": "Samira", "family_name": "El Amrani", "birth_date": "1986-03-14", "role": "parent", "bsn": "123456782"},
            {"given_name": "Yassin", "family_name": "El Amrani", "birth_date": "2015-09-02", "role": "child"}
        ]
    })
}

/// Registers a household and returns (household id, member ids).
pub async fn household(c: &Client, district: i64) -> (i64, Vec<i64>) {
    let h = c.post("/api/v1/households", household_body(district)).await.expect(201);
    let members =
        h["members"].as_array().map(|m| m.iter().filter_map(|x| x["id"].as_i64()).collect()).unwrap_or_default();
    (h["id"].as_i64().unwrap_or(0), members)
}

pub fn referral_body(household: i64, team: i64, clients: &[i64], referred_on: &str) -> Value {
    json!({
        "household_id": household, "team_id": team, "referred_on": referred_on, "source": "school",
        "request": "Zorgen over woede-uitbarstingen thuis.", "client_ids": clients,
        "life_domains": ["parenting", "mental_health"], "later_intake_requested_by": null
    })
}

/// A household plus a referral for its child in `team`; returns the case id and the member
/// ids (parent first).
pub async fn child_referred(c: &Client, district: i64, team: i64, referred_on: &str) -> (i64, Vec<i64>) {
    let (h, members) = household(c, district).await;
    let id = c.post("/api/v1/cases", referral_body(h, team, &members[1..], referred_on)).await.expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    (id, members)
}

/// A household plus a referral for it in `team`; returns the case id.
pub async fn case(c: &Client, district: i64, team: i64, referred_on: &str) -> i64 {
    let (h, members) = household(c, district).await;
    c.post("/api/v1/cases", referral_body(h, team, &members[..1], referred_on)).await.expect(201)["id"]
        .as_i64()
        .unwrap_or(0)
}

/// Invites `person` into the portal, activates with `email` and logs in.
pub async fn portal_account(t: &TestApp, w: &Client, case: i64, person: i64, email: &str) -> Client {
    let code = w
        .post(&format!("/api/v1/cases/{case}/portal-invitations"), json!({"person_id": person}))
        .await
        .expect(201)["code"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let anon = Client::new(&t.base);
    anon.post("/api/v1/portal/activate", json!({"code": code, "email": email, "password": PASSWORD})).await.expect(201);
    t.login(email).await
}
