//! The family sees their worker's name and how to reach the team; an admin sets the team's
//! phone number and e-mail address (SQLite, or PostgreSQL with `BUURTTEAM_TEST_PG`).

use serde_json::json;

use crate::harness::{org, spawn};
use crate::plan::{family, goal, portal_account};

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
