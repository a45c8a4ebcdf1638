//! Staff accounts managed by an admin (issue 14): an account without a password and its
//! one-time activation code, each field of a change and its errors, deactivation that ends
//! sessions at once, unlock, second-factor reset, a new code for a forgotten password, the rules
//! that keep an admin from rights to client records, and the audit rows with before and after.

use buurtteam_app::auth;
use buurtteam_domain::ids::UserId;
use jiff::SignedDuration;
use serde_json::{Value, json};

use buurtteam_app::Settings;

use crate::harness::{Client, Org, PASSWORD, TestApp, org, spawn, spawn_with};

const NEW_PASSWORD: &str = "een lange zin als wachtwoord";

async fn activate(t: &TestApp, code: &str, email: &str, password: &str) -> (u16, Value) {
    let r = Client::new(&t.base)
        .post("/api/v1/account/activate", json!({"code": code, "email": email, "password": password}))
        .await;
    (r.status.as_u16(), r.body)
}

async fn login(t: &TestApp, email: &str, password: &str) -> (Client, u16) {
    let c = Client::new(&t.base);
    let status = c.post("/api/v1/auth/login", json!({"email": email, "password": password})).await.status.as_u16();
    (c, status)
}

/// The details of the audit rows of `action` after `mark`.
async fn details(t: &TestApp, mark: i64, action: &str) -> Vec<Value> {
    t.audit_since(mark)
        .await
        .into_iter()
        .filter(|r| r.action == action)
        .map(|r| serde_json::from_str(&r.detail).unwrap_or(Value::Null))
        .collect()
}

/// A family worker in both teams, made without a password; its id and code.
async fn new_worker(o: &Org, email: &str) -> (i64, String) {
    let body = json!({"email": email, "name": "Fatima Yilmaz", "role": "family_worker",
        "team_ids": [o.team_a, o.team_b], "contract_hours": 28.8});
    let made = o.admin.post("/api/v1/users", body).await.expect(201);
    assert_eq!(made["has_password"], false, "{made}");
    assert_eq!(made["team_ids"], json!([o.team_a, o.team_b]));
    assert_eq!(made["contract_hours"], 28.8);
    let code = made["activation_code"]["code"].as_str().unwrap_or_default().to_owned();
    assert_eq!(code.len(), 14, "a code like ABCD-EFGH-JKLM: {made}");
    (made["id"].as_i64().unwrap_or(0), code)
}

#[tokio::test]
async fn an_account_without_a_password_is_activated_once_with_its_code() {
    let t = spawn().await;
    let o = org(&t).await;
    let mark = t.audit_mark().await;
    let (id, code) = new_worker(&o, "fatima@test.nl").await;
    // The code is in no audit row, nor anywhere in the database.
    let created = details(&t, mark, "user.created").await;
    assert_eq!(created.len(), 1);
    assert_eq!(created[0]["before"], Value::Null);
    assert_eq!(created[0]["after"]["activation_code"], true);
    assert!(!created[0].to_string().contains(&code));
    // Listed, with no password and a code outstanding; shown once only.
    let listed = o.admin.get(&format!("/api/v1/users/{id}")).await.expect(200);
    assert!(listed["activation_code_expires_at"].is_string() && listed.get("activation_code").is_none(), "{listed}");
    // Nothing logs in without a password.
    assert_eq!(login(&t, "fatima@test.nl", "!").await.1, 401);
    // Another address with the right code gets the answer a wrong code gets.
    let (s, other) = activate(&t, &code, "a@test.nl", NEW_PASSWORD).await;
    let (s2, wrong) = activate(&t, "AAAA-BBBB-CCCC", "fatima@test.nl", NEW_PASSWORD).await;
    assert_eq!((s, s2), (422, 422));
    assert_eq!(other["errors"], wrong["errors"], "the same answer");
    assert_eq!(other["errors"][0]["code"], "invalid_staff_code");
    // The password rules.
    let (s, weak) = activate(&t, &code, "fatima@test.nl", "kort").await;
    assert_eq!((s, weak["errors"][0]["field"].as_str()), (422, Some("password")));
    assert_eq!(activate(&t, &code, "Fatima@Test.nl", NEW_PASSWORD).await.0, 201);
    let (worker, status) = login(&t, "fatima@test.nl", NEW_PASSWORD).await;
    assert_eq!(status, 200);
    let me = worker.get("/api/v1/auth/me").await.expect(200);
    assert_eq!(me["team_ids"], json!([o.team_a, o.team_b]));
    // A used code is spent.
    assert_eq!(activate(&t, &code, "fatima@test.nl", "nog een andere lange zin").await.0, 422);
    assert_eq!(details(&t, mark, "user.activated").await.len(), 1);
    assert_eq!(details(&t, mark, "user.activation_failed").await.len(), 4);
    // An expired code is refused.
    let (_, late) = new_worker(&o, "laat@test.nl").await;
    t.app.clock.set(t.app.now().checked_add(SignedDuration::from_hours(7 * 24 + 1)).expect("later"));
    assert_eq!(activate(&t, &late, "laat@test.nl", NEW_PASSWORD).await.0, 422);
}

#[tokio::test]
async fn failed_activations_are_held_off_per_address() {
    let t = spawn_with(Settings { activation_failures_per_address: 5, ..Settings::default() }).await;
    let o = org(&t).await;
    let (_, code) = new_worker(&o, "fatima@test.nl").await;
    let mut last = 0;
    for n in 0..6 {
        last = activate(&t, &format!("AAAA-BBBB-CC{n:02}"), "fatima@test.nl", NEW_PASSWORD).await.0;
    }
    assert_eq!(last, 429, "held off after the limit");
    assert_eq!(activate(&t, &code, "fatima@test.nl", NEW_PASSWORD).await.0, 429, "even with the right code");
}

#[tokio::test]
async fn each_field_changes_with_its_errors_and_before_and_after_in_the_log() {
    let t = spawn().await;
    let o = org(&t).await;
    let path = format!("/api/v1/users/{}", o.worker_a_id);
    let mark = t.audit_mark().await;
    let changed = o
        .admin
        .patch(&path, json!({"name": "Anna de Vries", "contract_hours": "28,8", "team_ids": [o.team_b, o.team_a]}))
        .await
        .expect(200);
    assert_eq!(changed["name"], "Anna de Vries");
    assert_eq!(changed["contract_hours"], 28.8);
    assert_eq!(changed["team_ids"], json!([o.team_a, o.team_b]));
    let rows = details(&t, mark, "user.changed").await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["before"], json!({"name": "Test Persoon", "contract_hours": null, "team_ids": [o.team_a]}));
    assert_eq!(
        rows[0]["after"],
        json!({"name": "Anna de Vries", "contract_hours": 28.8, "team_ids": [o.team_a, o.team_b]})
    );
    let role = o.admin.patch(&path, json!({"role": "team_manager", "contract_hours": 36})).await.expect(200);
    assert_eq!((role["role"].as_str(), role["contract_hours"].as_f64()), (Some("team_manager"), Some(36.0)));
    // The worker's rights follow at their next request.
    let me = o.worker_a.get("/api/v1/auth/me").await.expect(200);
    assert_eq!(me["role"], "team_manager");
    // Nothing changed: no row.
    let mark = t.audit_mark().await;
    o.admin.patch(&path, json!({"name": "Anna de Vries"})).await.expect(200);
    assert!(details(&t, mark, "user.changed").await.is_empty());

    for (body, field) in [
        (json!({"contract_hours": 41}), "contract_hours"),
        (json!({"contract_hours": -1}), "contract_hours"),
        (json!({"contract_hours": "28.888"}), "contract_hours"),
        (json!({"contract_hours": "veel"}), "contract_hours"),
        (json!({"name": ""}), "name"),
        (json!({"role": "family_member"}), "role"),
        (json!({"role": "baas"}), "role"),
        (json!({"team_ids": [999_999]}), "team_ids[0]"),
        (json!({"team_ids": []}), "team_ids"),
        (json!({"role": "admin"}), "team_ids"),
    ] {
        let r = o.admin.patch(&path, body.clone()).await.problem(422);
        assert_eq!(r.fields(), vec![field.to_owned()], "{body}: {}", r.body);
    }
    // An admin keeps no teams; an analyst may have none.
    o.admin.patch(&path, json!({"role": "admin", "team_ids": []})).await.expect(200);
    o.admin.patch(&path, json!({"role": "analyst"})).await.expect(200);
    o.admin.patch("/api/v1/users/999999", json!({"name": "Niemand"})).await.problem(404);
    o.admin.patch(&path, json!({"name": 5})).await.problem(400);
}

#[tokio::test]
async fn deactivating_ends_the_sessions_at_once_and_reactivating_does_not_restore_them() {
    let t = spawn().await;
    let o = org(&t).await;
    let path = format!("/api/v1/users/{}", o.worker_a_id);
    o.worker_a.get("/api/v1/cases").await.expect(200);
    let mark = t.audit_mark().await;
    let off = o.admin.patch(&path, json!({"active": false})).await.expect(200);
    assert_eq!(off["active"], false);
    o.worker_a.get("/api/v1/cases").await.problem(401);
    assert_eq!(login(&t, "a@test.nl", PASSWORD).await.1, 401, "a deactivated account cannot log in");
    let rows = details(&t, mark, "user.deactivated").await;
    assert_eq!(rows[0]["before"], json!({"active": true}));
    assert_eq!(rows[0]["after"], json!({"active": false}));
    assert_eq!(rows[0]["sessions_ended"], 1);
    o.admin.patch(&path, json!({"active": true})).await.expect(200);
    assert_eq!(details(&t, mark, "user.reactivated").await.len(), 1);
    o.worker_a.get("/api/v1/cases").await.problem(401);
    let (again, status) = login(&t, "a@test.nl", PASSWORD).await;
    assert_eq!(status, 200);
    again.get("/api/v1/cases").await.expect(200);
    // No new activation code for a deactivated account.
    o.admin.patch(&path, json!({"active": false})).await.expect(200);
    o.admin.post(&format!("{path}/activation-code"), json!({})).await.problem(409);
}

#[tokio::test]
async fn an_admin_cannot_give_themselves_rights_nor_lock_the_organisation_out() {
    let t = spawn().await;
    let o = org(&t).await;
    let me = o.admin.get("/api/v1/auth/me").await.expect(200)["id"].as_i64().unwrap_or(0);
    let path = format!("/api/v1/users/{me}");
    for body in [
        json!({"role": "family_worker", "team_ids": [o.team_a]}),
        json!({"role": "team_manager", "team_ids": [o.team_a]}),
        json!({"team_ids": [o.team_a]}),
        json!({"active": false}),
    ] {
        let r = o.admin.patch(&path, body.clone()).await.problem(403);
        assert!(r.body["detail"].as_str().unwrap_or_default().contains("own"), "{body}: {}", r.body);
    }
    let still = o.admin.get(&path).await.expect(200);
    assert_eq!(
        (still["role"].as_str(), still["team_ids"].clone(), still["active"].clone()),
        (Some("admin"), json!([]), json!(true))
    );
    o.admin.get("/api/v1/cases").await.problem(403);
    // Their own name, though, they may change.
    o.admin.patch(&path, json!({"name": "Ada de Beheerder"})).await.expect(200);
    // A second admin may be demoted by the first, and then the first is the last one left.
    let other = o
        .admin
        .post(
            "/api/v1/users",
            json!({"email": "ad2@test.nl", "name": "Bea Beheer", "role": "admin", "password": PASSWORD}),
        )
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    let (second, _) = login(&t, "ad2@test.nl", PASSWORD).await;
    second.patch(&path, json!({"active": false})).await.expect(200);
    second.patch(&path, json!({"active": true})).await.expect(200);
    let (first, _) = login(&t, "admin@test.nl", PASSWORD).await;
    first.patch(&format!("/api/v1/users/{other}"), json!({"role": "analyst"})).await.expect(200);
    second.patch(&path, json!({"active": false})).await.problem(403);
    // Admins in a team are refused on creation too.
    let r = first
        .post(
            "/api/v1/users",
            json!({"email": "ad3@test.nl", "name": "Cor Beheer", "role": "admin", "team_ids": [o.team_a]}),
        )
        .await
        .problem(422);
    assert_eq!(r.fields(), vec!["team_ids"]);
}

#[tokio::test]
async fn an_admin_unlocks_a_locked_account() {
    let t = spawn().await;
    let o = org(&t).await;
    let mut last = 0;
    for _ in 0..6 {
        last = login(&t, "a@test.nl", "wrong password").await.1;
    }
    assert_eq!(last, 429);
    assert_eq!(login(&t, "a@test.nl", PASSWORD).await.1, 429, "locked");
    let path = format!("/api/v1/users/{}", o.worker_a_id);
    assert_eq!(o.admin.get(&path).await.expect(200)["locked"], true);
    let mark = t.audit_mark().await;
    let unlocked = o.admin.post(&format!("{path}/unlock"), json!({})).await.expect(200);
    assert_eq!(unlocked["locked"], false);
    let rows = details(&t, mark, "user.unlocked").await;
    assert_eq!(
        (rows[0]["before"].clone(), rows[0]["after"].clone()),
        (json!({"locked": true}), json!({"locked": false}))
    );
    assert_eq!(login(&t, "a@test.nl", PASSWORD).await.1, 200);
}

#[tokio::test]
async fn an_admin_resets_the_second_factor() {
    let t = spawn().await;
    let o = org(&t).await;
    let user = {
        let mut tx = t.app.db.begin_read().await.expect("tx");
        buurtteam_store::organisation::get_user(&mut tx, UserId(o.worker_a_id)).await.expect("get").expect("user")
    };
    let actor = auth::actor_of(&user);
    let enrolment = auth::begin_enrolment(&t.app, &actor, "Buurtteam").await.expect("begin");
    let code = auth::current_code(&enrolment.secret_base32, t.app.now()).expect("code");
    auth::confirm_enrolment(&t.app, &actor, &code).await.expect("confirm");
    let (_, status) = login(&t, "a@test.nl", PASSWORD).await;
    assert_eq!(status, 401, "asks for the code");
    let path = format!("/api/v1/users/{}", o.worker_a_id);
    assert_eq!(o.admin.get(&path).await.expect(200)["second_factor"], true);
    let mark = t.audit_mark().await;
    let reset = o.admin.post(&format!("{path}/second-factor-reset"), json!({})).await.expect(200);
    assert_eq!(reset["second_factor"], false);
    assert_eq!(t.count("recovery_codes").await, 0);
    let rows = details(&t, mark, "user.second_factor_reset").await;
    assert_eq!(rows[0]["before"], json!({"second_factor": true}));
    assert_eq!(login(&t, "a@test.nl", PASSWORD).await.1, 200, "no code asked any more");
}

#[tokio::test]
async fn a_forgotten_password_gets_a_new_code_and_the_old_one_stops_working() {
    let t = spawn().await;
    let o = org(&t).await;
    let path = format!("/api/v1/users/{}/activation-code", o.worker_a_id);
    let mark = t.audit_mark().await;
    let first = o.admin.post(&path, json!({})).await.expect(201)["code"].as_str().unwrap_or_default().to_owned();
    let second = o.admin.post(&path, json!({})).await.expect(201);
    let second_code = second["code"].as_str().unwrap_or_default().to_owned();
    assert!(second["expires_at"].is_string());
    assert_ne!(first, second_code);
    let rows = details(&t, mark, "user.activation_code_issued").await;
    assert_eq!(rows.len(), 2);
    assert!(!rows.iter().any(|r| r.to_string().contains(&first) || r.to_string().contains(&second_code)));
    // The old password works until the code is used.
    assert_eq!(login(&t, "a@test.nl", PASSWORD).await.1, 200);
    assert_eq!(activate(&t, &first, "a@test.nl", NEW_PASSWORD).await.0, 422, "the first code was replaced");
    assert_eq!(activate(&t, &second_code, "a@test.nl", NEW_PASSWORD).await.0, 201);
    o.worker_a.get("/api/v1/cases").await.problem(401);
    assert_eq!(login(&t, "a@test.nl", PASSWORD).await.1, 401, "the old password is gone");
    assert_eq!(login(&t, "a@test.nl", NEW_PASSWORD).await.1, 200);
}

#[tokio::test]
async fn only_admins_manage_accounts_and_each_refusal_is_logged() {
    let t = spawn().await;
    let o = org(&t).await;
    let id = o.worker_b_id;
    let manager_id = o.manager.get("/api/v1/auth/me").await.expect(200)["id"].as_i64().unwrap_or(0);
    for (c, actor) in [(&o.manager, manager_id), (&o.worker_a, o.worker_a_id)] {
        for (method, path, body) in [
            ("GET", "/api/v1/users".to_owned(), json!(null)),
            ("POST", "/api/v1/users".to_owned(), json!({"email": "x@test.nl", "name": "X Y", "role": "admin"})),
            ("PATCH", format!("/api/v1/users/{id}"), json!({"active": false})),
            ("PATCH", format!("/api/v1/users/{actor}"), json!({"role": "admin", "team_ids": []})),
            ("POST", format!("/api/v1/users/{id}/unlock"), json!({})),
            ("POST", format!("/api/v1/users/{id}/second-factor-reset"), json!({})),
            ("POST", format!("/api/v1/users/{id}/activation-code"), json!({})),
        ] {
            let mark = t.audit_mark().await;
            let r = match method {
                "GET" => c.get(&path).await,
                "PATCH" => c.patch(&path, body).await,
                _ => c.post(&path, body).await,
            };
            r.problem(403);
            let rows = t.audit_since(mark).await;
            assert_eq!(rows.len(), 1, "{method} {path}");
            assert_eq!(rows[0].action, "organisation.access_refused");
            assert_eq!(rows[0].actor_user_id.map(|u| u.0), Some(actor));
        }
    }
    o.worker_b.get("/api/v1/cases").await.expect(200);
}

/// A browser without JavaScript: the admin makes an account on the page and sees its code once;
/// the person activates on `/account/activate` and is logged in; the admin deactivates them.
#[tokio::test]
async fn the_pages_make_an_account_show_its_code_once_and_activate_it() {
    let t = spawn().await;
    let o = org(&t).await;
    let browser = || {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
    };
    let admin = browser();
    let form = [("email", "admin@test.nl"), ("password", PASSWORD)];
    let login_page = admin.get(format!("{}/login", t.base)).send().await.expect("get").text().await.unwrap_or_default();
    assert!(login_page.contains("href=\"/account/activate\""), "the log-in page links to the activation");
    let token = crate::pages::csrf(&login_page);
    let r = admin.post(format!("{}/login", t.base)).form(&[form[0], form[1], ("_csrf", &token)]).send().await;
    assert_eq!(r.expect("login").status(), 303);
    let new =
        admin.get(format!("{}/admin/users/new", t.base)).send().await.expect("get").text().await.unwrap_or_default();
    let token = crate::pages::csrf(&new);
    let (a, b) = (o.team_a.to_string(), o.team_b.to_string());
    let body = [
        ("_csrf", token.as_str()),
        ("name", "Fatima Yilmaz"),
        ("email", "fatima@test.nl"),
        ("role", "family_worker"),
        ("team_ids", a.as_str()),
        ("team_ids", b.as_str()),
        ("contract_hours", "28,8"),
    ];
    let r = admin.post(format!("{}/admin/users/new", t.base)).form(&body).send().await.expect("post");
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store");
    let html = r.text().await.unwrap_or_default();
    let code = html.split("id=\"activation-code\">").nth(1).and_then(|s| s.split('<').next()).unwrap_or_default();
    assert_eq!(code.len(), 14, "{html}");
    let list = admin.get(format!("{}/admin/users", t.base)).send().await.expect("get").text().await.unwrap_or_default();
    assert!(list.contains("Fatima Yilmaz") && list.contains("28,8") && list.contains("Nog niet geactiveerd"));
    assert!(!list.contains(code), "the code is shown once");
    let filtered = admin
        .get(format!("{}/admin/users?role=analyst&team=&active=", t.base))
        .send()
        .await
        .expect("get")
        .text()
        .await
        .unwrap_or_default();
    assert!(!filtered.contains("Fatima Yilmaz"));

    // The person activates in a browser of their own.
    let person = browser();
    person.get(format!("{}/account/activate", t.base)).send().await.expect("get");
    let fields = |token: &str| {
        vec![
            ("_csrf", token.to_owned()),
            ("code", code.to_lowercase()),
            ("email", "fatima@test.nl".to_owned()),
            ("password", NEW_PASSWORD.to_owned()),
            ("repeat_password", NEW_PASSWORD.to_owned()),
        ]
    };
    let forged = person.post(format!("{}/account/activate", t.base)).form(&fields("forged")).send().await;
    assert_eq!(forged.expect("post").status(), 403);
    let page =
        person.get(format!("{}/account/activate", t.base)).send().await.expect("get").text().await.unwrap_or_default();
    let token = crate::pages::csrf(&page);
    let r = person.post(format!("{}/account/activate", t.base)).form(&fields(&token)).send().await.expect("post");
    assert_eq!((r.status().as_u16(), r.headers()["location"].to_str().unwrap_or_default()), (303, "/"));
    let me = person.get(format!("{}/api/v1/auth/me", t.base)).send().await.expect("get");
    assert_eq!(me.status(), 200, "logged in");

    // The admin deactivates them on the edit page: their session ends at once.
    let id = o.admin.get("/api/v1/users").await.expect(200)["items"]
        .as_array()
        .and_then(|a| a.iter().find(|u| u["email"] == "fatima@test.nl").and_then(|u| u["id"].as_i64()))
        .unwrap_or(0);
    let edit =
        admin.get(format!("{}/admin/users/{id}", t.base)).send().await.expect("get").text().await.unwrap_or_default();
    assert!(edit.contains("Fatima Yilmaz uitzetten"), "{edit}");
    let token = crate::pages::csrf(&edit);
    let r =
        admin.post(format!("{}/admin/users/{id}/deactivate", t.base)).form(&[("_csrf", token.as_str())]).send().await;
    assert_eq!(r.expect("post").headers()["location"], format!("/admin/users/{id}?done=user-deactivated"));
    assert_eq!(person.get(format!("{}/api/v1/auth/me", t.base)).send().await.expect("get").status(), 401);
    // The edit form: a worker without a team is refused beside the field.
    let r = admin
        .post(format!("{}/admin/users/{id}", t.base))
        .form(&[("_csrf", token.as_str()), ("name", "Fatima Yilmaz"), ("role", "team_manager"), ("contract_hours", "")])
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap_or_default();
    assert!(html.contains("Kies minstens één team"), "{html}");
    // A worker is refused the pages.
    let worker = browser();
    let page = worker.get(format!("{}/login", t.base)).send().await.expect("get").text().await.unwrap_or_default();
    let token = crate::pages::csrf(&page);
    worker
        .post(format!("{}/login", t.base))
        .form(&[("email", "a@test.nl"), ("password", PASSWORD), ("_csrf", &token)])
        .send()
        .await
        .expect("login");
    assert_eq!(worker.get(format!("{}/admin/users", t.base)).send().await.expect("get").status(), 403);
}

/// Two admins deactivating each other at the same moment: one of them stays, whatever the
/// order the database takes them in (the last active admin cannot be deactivated).
#[tokio::test]
async fn two_admins_deactivating_each_other_at_once_leave_one_active() {
    let t = spawn().await;
    let first = t.login("admin@test.nl").await;
    let first_id = first.get("/api/v1/auth/me").await.expect(200)["id"].as_i64().unwrap_or(0);
    let body = json!({"email": "ad2@test.nl", "name": "Bea Beheer", "role": "admin", "password": PASSWORD});
    let second_id = first.post("/api/v1/users", body).await.expect(201)["id"].as_i64().unwrap_or(0);
    let second = t.login("ad2@test.nl").await;
    let (to_second, to_first) = (format!("/api/v1/users/{second_id}"), format!("/api/v1/users/{first_id}"));
    let (a, b) = tokio::join!(
        first.patch(&to_second, json!({"active": false})),
        second.patch(&to_first, json!({"active": false})),
    );
    let statuses = [a.status.as_u16(), b.status.as_u16()];
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| [200, 401, 409].contains(s)), "{statuses:?}");
    // Whichever stayed can still log in; the other cannot.
    let mut active = 0;
    for email in ["admin@test.nl", "ad2@test.nl"] {
        let c = Client::new(&t.base);
        if c.post("/api/v1/auth/login", json!({"email": email, "password": PASSWORD})).await.status == 200 {
            active += 1;
        }
    }
    assert_eq!(active, 1, "exactly one admin is left");
}
