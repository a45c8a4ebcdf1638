//! The family sees their worker's name and how to reach the team; an admin sets the team's
//! phone number and e-mail address (SQLite, or PostgreSQL with `BUURTTEAM_TEST_PG`).

use serde_json::json;

use crate::harness::portal_account;
use crate::harness::{org, spawn};
use crate::plan::{family, goal};

#[tokio::test]
async fn the_family_sees_its_worker_and_how_to_reach_the_team() {
    let t = spawn().await;
    let o = org(&t).await;

    // Contact details are optional, validated, and only an admin sets them.
    let r = o
        .admin
        .post(
            "/api/v1/teams",
            json!({"name": "Buurtteam Noord", "district_id": o.district_a, "phone": "bel maar", "email": "geen-adres"}),
        )
        .await
        .problem(422);
    let mut fields = r.fields();
    fields.sort();
    assert_eq!(fields, vec!["email", "phone"]);
    let noord = o
        .admin
        .post("/api/v1/teams", json!({"name": "Buurtteam Noord", "district_id": o.district_a, "phone": "+31 30 123 4567", "email": "Noord@Buurtteam.nl"}))
        .await
        .expect(201);
    assert_eq!(noord["phone"], "+31 30 123 4567");
    assert_eq!(noord["email"], "noord@buurtteam.nl");
    let team_a = format!("/api/v1/teams/{}", o.team_a);
    o.worker_a.patch(&team_a, json!({"phone": "030 123 45 67"})).await.problem(403);
    o.admin.patch(&team_a, json!({"phone": "12"})).await.problem(422);
    o.admin.patch("/api/v1/teams/999999", json!({"phone": "030 123 45 67"})).await.problem(404);
    let changed =
        o.admin.patch(&team_a, json!({"phone": "030 123 45 67", "email": "overvecht@buurtteam.nl"})).await.expect(200);
    assert_eq!(changed["phone"], "030 123 45 67");
    let teams = o.admin.get("/api/v1/teams").await.expect(200);
    assert!(
        teams["items"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|x| x["id"] == o.team_a && x["email"] == "overvecht@buurtteam.nl"),
        "{teams}"
    );

    // The mother sees who her worker is and how to reach the team; a network member does not.
    let f = family(&t, &o).await;
    let w = &o.worker_a;
    let house = goal(w, f.case, "Rust in huis", None, false).await;
    w.post(&format!("/api/v1/cases/{}/assign", f.case), json!({"worker_id": o.worker_a_id})).await;
    let mother = portal_account(&t, w, f.case, f.mother, "samira@example.nl").await;
    let plan = mother.get("/api/v1/portal/plan").await.expect(200);
    let c = &plan["contact"];
    assert_eq!(c["worker_name"], "Test Persoon", "{plan}");
    assert_eq!(c["team_name"], "Buurtteam Overvecht");
    assert_eq!(c["phone"], "030 123 45 67");
    assert_eq!(c["email"], "overvecht@buurtteam.nl");
    let staff = w.get(&format!("/api/v1/cases/{}/plan", f.case)).await.expect(200);
    assert!(staff["contact"].is_null());

    // Clearing a field takes it off the portal.
    o.admin.patch(&team_a, json!({"email": null})).await.expect(200);
    let plan = mother.get("/api/v1/portal/plan").await.expect(200);
    assert!(plan["contact"]["email"].is_null());
    assert_eq!(plan["contact"]["phone"], "030 123 45 67");
    let _ = house;
}

/// Whether `html` addresses the reader as "u" (or "uw"), outside tags.
fn says_u(html: &str) -> bool {
    let text: String =
        html.split('<').map(|part| part.split_once('>').map_or(part, |(_, t)| t)).collect::<Vec<_>>().join(" ");
    text.split(|c: char| !c.is_alphanumeric()).any(|w| matches!(w, "u" | "U" | "uw" | "Uw"))
}

#[tokio::test]
async fn log_in_and_account_pages_speak_to_families_as_je() {
    let t = spawn().await;
    let o = org(&t).await;
    let f = family(&t, &o).await;
    let w = &o.worker_a;
    goal(w, f.case, "Rust in huis", None, false).await;
    portal_account(&t, w, f.case, f.mother, "samira@example.nl").await;
    let get = |b: &reqwest::Client, path: &str| {
        let (b, url) = (b.clone(), format!("{}{path}", t.base));
        async move { b.get(url).send().await.expect("get").text().await.unwrap_or_default() }
    };

    // Staff log in at /login and are spoken to as "u", with the administrator to turn to.
    let anon = reqwest::Client::builder().cookie_store(true).build().expect("client");
    let staff_login = get(&anon, "/login").await;
    assert!(staff_login.contains("functioneel beheerder"), "{staff_login}");
    // On the way into Mijn Buurtteam (after activation too) the page speaks to a family.
    for path in ["/login?next=/portal", "/login?reason=activated&next=/portal", "/login?reason=logged-out&next=/portal"]
    {
        let page = get(&anon, path).await;
        assert!(!page.contains("beheerder"), "{path}: {page}");
        assert!(!says_u(&page), "{path}: {page}");
        assert!(page.contains("gezinswerker"), "{path}: {page}");
    }

    // The family's account page and plan say "je"; the staff account page keeps "u".
    let mother = crate::pages::logged_in(&t.base, "samira@example.nl").await;
    for path in ["/account", "/portal", "/portal/access-log", "/account/second-factor"] {
        let page = get(&mother, path).await;
        assert!(!says_u(&page), "{path}: {page}");
    }
    let account = get(&mother, "/account").await;
    assert!(account.contains("je logt in met alleen je wachtwoord"), "{account}");
    let staff = crate::pages::logged_in(&t.base, "a@test.nl").await;
    let account = get(&staff, "/account").await;
    assert!(says_u(&account), "{account}");
}
