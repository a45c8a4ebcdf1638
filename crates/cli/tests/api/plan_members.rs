//! Goals for every household member: a goal about a member who is not a client of the case
//! stays with the team (nobody sees it in the portal, not the member, not their parents) until
//! the worker makes them a client; then the age rules apply (SQLite, or PostgreSQL with
//! `BUURTTEAM_TEST_PG`).

use serde_json::json;

use crate::harness::portal_account;
use crate::harness::{org, spawn};
use crate::plan::family;

#[tokio::test]
async fn a_goal_for_a_member_who_is_no_client_stays_with_the_team_until_they_are_made_one() {
    let t = spawn().await;
    let o = org(&t).await;
    let f = family(&t, &o).await;
    let w = &o.worker_a;
    // The grandmother lives in and is no client of the case; a goal about her is allowed now.
    let body = json!({"life_domain": "social_network", "title": "Fatma gaat naar de inloop", "description": "", "client_id": f.grandmother, "confidential": false});
    let gid = w.post(&format!("/api/v1/cases/{}/goals", f.case), body).await.expect(201)["id"].as_i64().unwrap_or(0);
    // Someone outside the household still is refused, naming the field.
    let r = w
        .post(
            &format!("/api/v1/cases/{}/goals", f.case),
            json!({"life_domain": "parenting", "title": "x", "client_id": 999_999}),
        )
        .await
        .problem(422);
    assert_eq!(r.fields(), vec!["client_id"]);
    w.post(&format!("/api/v1/cases/{}/goals", f.case), json!({"life_domain": "parenting", "title": "Rust in huis"}))
        .await
        .expect(201);

    // Nobody in the portal sees it: not the grandmother herself, not the mother.
    let grandmother = portal_account(&t, w, f.case, f.grandmother, "fatma@example.nl").await;
    let mother = portal_account(&t, w, f.case, f.mother, "samira@example.nl").await;
    for who in [&grandmother, &mother] {
        let plan = who.get("/api/v1/portal/plan").await.expect(200);
        assert!(plan["goals"].as_array().into_iter().flatten().all(|g| g["id"] != gid), "{plan}");
        who.post(&format!("/api/v1/goals/{gid}/comments"), json!({"body": "Ik zie je"})).await.problem(404);
    }
    // The worker sees and changes it.
    let staff = w.get(&format!("/api/v1/cases/{}/plan", f.case)).await.expect(200);
    assert!(staff["goals"].as_array().into_iter().flatten().any(|g| g["id"] == gid));
    w.patch(&format!("/api/v1/goals/{gid}"), json!({"title": "Fatma gaat elke week naar de inloop"})).await.expect(200);

    // "Ook cliënt maken": staff of the team only, audited, and then the rules for a 16+ client.
    mother.post(&format!("/api/v1/cases/{}/clients", f.case), json!({"person_id": f.grandmother})).await.problem(403);
    o.worker_b
        .post(&format!("/api/v1/cases/{}/clients", f.case), json!({"person_id": f.grandmother}))
        .await
        .problem(404);
    let r = w.post(&format!("/api/v1/cases/{}/clients", f.case), json!({"person_id": 999_999})).await.problem(422);
    assert_eq!(r.fields(), vec!["person_id"]);
    let mark = t.audit_mark().await;
    let r = w.post(&format!("/api/v1/cases/{}/clients", f.case), json!({"person_id": f.grandmother})).await;
    assert_eq!(r.status, 204);
    let rows = t.audit_since(mark).await;
    assert!(
        rows.iter().any(|r| r.action == "case.client_added" && r.case_id.map(|c| c.0) == Some(f.case)),
        "audited: {:?}",
        rows.iter().map(|r| r.action.clone()).collect::<Vec<_>>()
    );
    // Again: nothing changes, nothing more is logged.
    let mark = t.audit_mark().await;
    assert_eq!(
        w.post(&format!("/api/v1/cases/{}/clients", f.case), json!({"person_id": f.grandmother})).await.status,
        204
    );
    assert!(t.audit_since(mark).await.iter().all(|r| r.action != "case.client_added"));
    let case = w.get(&format!("/api/v1/cases/{}", f.case)).await.expect(200);
    assert!(case.to_string().contains(&format!("{}", f.grandmother)), "{case}");

    // Now her own goal is hers to read; the mother still does not see it (a client of 16+
    // who has not shared it).
    let plan = grandmother.get("/api/v1/portal/plan").await.expect(200);
    assert!(plan["goals"].as_array().into_iter().flatten().any(|g| g["id"] == gid), "{plan}");
    let plan = mother.get("/api/v1/portal/plan").await.expect(200);
    assert!(plan["goals"].as_array().into_iter().flatten().all(|g| g["id"] != gid), "{plan}");
}

#[tokio::test]
async fn the_plan_page_offers_to_make_the_member_a_client() {
    let t = spawn().await;
    let o = org(&t).await;
    let f = family(&t, &o).await;
    let w = &o.worker_a;
    let body =
        json!({"life_domain": "social_network", "title": "Fatma gaat naar de inloop", "client_id": f.grandmother});
    w.post(&format!("/api/v1/cases/{}/goals", f.case), body).await.expect(201);
    let b = crate::pages::logged_in(&t.base, "a@test.nl").await;
    let url = format!("{}/cases/{}/plan", t.base, f.case);
    let page = b.get(&url).send().await.expect("get").text().await.unwrap_or_default();
    assert!(page.contains("Ook cliënt maken"), "{page}");
    assert!(page.contains("alleen het team ziet dit doel"), "{page}");
    let r = b
        .post(format!("{url}/clients"))
        .form(&[("_csrf", crate::pages::csrf(&page).as_str()), ("person_id", f.grandmother.to_string().as_str())])
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 303);
    let page = b.get(&url).send().await.expect("get").text().await.unwrap_or_default();
    assert!(!page.contains("Ook cliënt maken"), "a client now: {page}");
}
