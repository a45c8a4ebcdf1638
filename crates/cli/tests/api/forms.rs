//! Every page form posted in a session goes through `pages::form::PageForm`, which checks the
//! session's CSRF token before anything else. This test finds the page routes that take a POST
//! in the source itself, so a new form route is tested without anyone adding it here: each is
//! posted without a token and with a forged one, in a session that could otherwise use it, and
//! must answer 403 with nothing saved and exactly its refusal in the log.

use std::path::{Path, PathBuf};

use serde_json::json;

use crate::harness::{Client, PASSWORD, TestApp, org, referral_body, spawn};

/// The page routes that take a form without a session (logging in, activating an account) and
/// so check a token of their own kind; the rest must refuse a form without the session's token.
// The experience survey's public form (`/survey/{code}`) has no session either: the one-time
// code in its path is what a forger would need, and a cross-site post is refused as any is.
const WITHOUT_SESSION: &[&str] =
    &["/login", "/login/second-factor", "/logout", "/portal/activate", "/account/activate", "/survey/{code}"];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The paths of every `.route("…", …post(…)…)` in the page modules.
fn post_routes() -> Vec<String> {
    let mut files = Vec::new();
    sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/src/pages"), &mut files);
    let mut routes = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read source");
        for (at, _) in text.match_indices(".route(\"") {
            let rest = &text[at + ".route(\"".len()..];
            let Some((path, after)) = rest.split_once('"') else { continue };
            // The route's handlers: up to the parenthesis that closes `.route(`.
            let mut depth = 1;
            let end = after
                .char_indices()
                .find(|(_, c)| {
                    match c {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        _ => {}
                    }
                    depth == 0
                })
                .map_or(after.len(), |(i, _)| i);
            if after[..end].contains("post(") {
                routes.push(path.to_owned());
            }
        }
    }
    routes.sort();
    routes.dedup();
    routes
}

/// A path with its `{…}` parameters filled in.
fn fill(path: &str, value: impl Fn(&str) -> i64) -> String {
    let mut out = String::new();
    let mut rest = path;
    while let Some((before, after)) = rest.split_once('{') {
        let (name, tail) = after.split_once('}').expect("closing brace");
        out.push_str(before);
        out.push_str(&value(name).to_string());
        rest = tail;
    }
    out.push_str(rest);
    out
}

#[tokio::test]
async fn every_page_form_refuses_a_missing_or_forged_token_and_saves_nothing() {
    let routes = post_routes();
    assert!(routes.len() >= 30, "the route scan found too few page forms: {routes:?}");
    for known in ["/cases/{id}/intake", "/cases/{id}/plan/goals", "/portal/goals/{id}/comments", "/logout"] {
        assert!(routes.iter().any(|r| r == known), "{known} not found among {routes:?}");
    }

    let t: TestApp = spawn().await;
    let o = org(&t).await;
    let w = &o.worker_a;
    let h = w
        .post(
            "/api/v1/households",
            json!({"address": {"street": "Zamenhofdreef", "house_number": 1, "postcode": "3562 JW", "city": "Utrecht"},
                   "district_id": o.district_a,
                   "members": [{"given_name": "Samira", "family_name": "El Amrani", "birth_date": "1985-01-01", "role": "parent"}]}),
        )
        .await
        .expect(201);
    let household = h["id"].as_i64().unwrap_or(0);
    let mother = h["members"][0]["id"].as_i64().unwrap_or(0);
    let today = jiff::Zoned::now().date().to_string();
    let case = w.post("/api/v1/cases", referral_body(household, o.team_a, &[mother], &today)).await.expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    let goal = w
        .post(
            &format!("/api/v1/cases/{case}/goals"),
            json!({"life_domain": "parenting", "title": "Rust in huis", "client_id": mother}),
        )
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    let code = w
        .post(&format!("/api/v1/cases/{case}/portal-invitations"), json!({"person_id": mother}))
        .await
        .expect(201)["code"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    Client::new(&t.base)
        .post("/api/v1/portal/activate", json!({"code": code, "email": "samira@example.nl", "password": PASSWORD}))
        .await
        .expect(201);
    let family = t.login("samira@example.nl").await;
    // A GP practice's account, for the partner's own forms (/partner/...).
    let gp = json!({"name": "Huisartsenpraktijk De Linde", "kind": "gp_practice", "district_ids": [o.district_a]});
    let gp = o.admin.post("/api/v1/partners", gp).await.expect(201)["id"].as_i64().unwrap_or(0);
    let account = json!({"email": "poh@delinde.nl", "name": "Mw. De Vries", "role": "partner", "partner_id": gp, "password": PASSWORD});
    o.admin.post("/api/v1/users", account).await.expect(201);
    let partner = t.login("poh@delinde.nl").await;

    // Everything a form could want, so that only the token is missing.
    let person = mother.to_string();
    let fields: Vec<(&str, &str)> = vec![
        ("held_on", &today),
        ("started_on", &today),
        ("title", "Samen eten"),
        ("life_domain", "parenting"),
        ("body", "Een reactie"),
        ("description", "Boodschappen doen"),
        ("performer", "family_worker"),
        ("person_id", &person),
        ("done", "true"),
        ("accept", "true"),
        ("shared", "true"),
        ("name", "Truus"),
        ("relation", "buurvrouw"),
        ("email", "truus@example.nl"),
    ];
    let tables = [
        "households",
        "cases",
        "contacts",
        "goals",
        "goal_actions",
        "goal_comments",
        "goal_proposals",
        "goal_scores",
        "evaluations",
        "appointments",
        "plan_agreements",
        "plan_versions",
        "working_notes",
        "network_invitations",
        "portal_invitations",
        "sessions",
    ];
    let mut counts = Vec::new();
    for table in tables {
        counts.push(t.count(table).await);
    }

    let mut checked = 0;
    for route in routes.iter().filter(|r| !WITHOUT_SESSION.contains(&r.as_str())) {
        let (client, path) = if route.starts_with("/portal") {
            (&family, fill(route, |_| goal))
        } else if route.starts_with("/partner/") {
            (&partner, route.clone())
        } else {
            (w, fill(route, |name| if name == "id" { case } else { goal }))
        };
        for token in [None, Some("forged-token")] {
            let mut body = fields.clone();
            if let Some(token) = token {
                body.push(("_csrf", token));
            }
            let mark = t.audit_mark().await;
            let r = client.http.post(format!("{}{path}", t.base)).form(&body).send().await.expect("post");
            assert_eq!(r.status().as_u16(), 403, "POST {path} with token {token:?}");
            let rows = t.audit_since(mark).await;
            let actions: Vec<&str> = rows.iter().map(|r| r.action.as_str()).collect();
            assert_eq!(actions, ["form.access_refused"], "POST {path}: only its refusal is logged");
            checked += 1;
        }
    }
    assert_eq!(checked, 2 * (routes.len() - WITHOUT_SESSION.len()), "every form route was posted to");
    for (table, before) in tables.iter().zip(counts) {
        assert_eq!(t.count(table).await, before, "{table}: nothing saved");
    }
}
