//! Agreement to the family plan follows the content of its goals: ticking off an action, a
//! score or a network invitation keep the family's agreement; new words for a goal, or a new
//! goal, ask again, and the portal marks what changed since (SQLite, or PostgreSQL with
//! `BUURTTEAM_TEST_PG`).

use serde_json::{Value, json};

use crate::harness::portal_account;
use crate::harness::{org, spawn};
use crate::plan::{Patch, family, goal};

fn goal_in(plan: &Value, id: i64) -> &Value {
    plan["goals"].as_array().and_then(|g| g.iter().find(|x| x["id"] == id)).unwrap_or(&Value::Null)
}

#[tokio::test]
async fn agreement_is_asked_again_only_when_goal_content_changes() {
    let t = spawn().await;
    let o = org(&t).await;
    let f = family(&t, &o).await;
    let w = &o.worker_a;
    let house = goal(w, f.case, "Rust in huis", None, false).await;
    let child = goal(w, f.case, "Yassin slaapt op tijd", Some(f.child), false).await;
    let action = w
        .post(&format!("/api/v1/goals/{house}/actions"), json!({"description": "Weekschema maken", "performer": "family_member", "person_id": f.mother, "due_on": "2030-01-31"}))
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    let mother = portal_account(&t, w, f.case, f.mother, "samira@example.nl").await;
    let plan = mother.get("/api/v1/portal/plan").await.expect(200);
    assert_eq!(plan["agreed_to_current"], false);
    assert!(plan["agreed_at"].is_null());
    assert!(goal_in(&plan, house)["since_agreement"].is_null(), "no markers before a first agreement");
    let agreed = mother.post("/api/v1/portal/agreement", json!({})).await.expect(201);
    let agreed_version = agreed["version"].as_i64().unwrap_or(0);

    // Carrying out the plan: a ticked-off action, a score, an evaluation, a network member.
    mother.patch_action(action, json!({"done": true})).await.expect(200);
    let today = jiff::Zoned::now().date().to_string();
    w.post(&format!("/api/v1/goals/{house}/scores"), json!({"measured_on": today, "score": 3})).await.expect(201);
    w.post(
        &format!("/api/v1/cases/{}/evaluations", f.case),
        json!({"held_on": today, "went_well": "Rust", "changes": "Niets", "scores": [{"goal_id": house, "score": 4}]}),
    )
    .await
    .expect(201);
    mother
        .post(
            &format!("/api/v1/goals/{child}/network-invitations"),
            json!({"name": "Karin de Buurvrouw", "relation": "buurvrouw", "email": "karin@example.nl"}),
        )
        .await
        .expect(201);
    w.post(
        &format!("/api/v1/goals/{house}/actions"),
        json!({"description": "Samen eten", "performer": "family_worker"}),
    )
    .await
    .expect(201);
    let plan = mother.get("/api/v1/portal/plan").await.expect(200);
    assert!(plan["version"].as_i64().unwrap_or(0) >= agreed_version + 5, "every change is still a version: {plan}");
    assert_eq!(plan["agreed_to_current"], true, "{plan}");
    assert!(plan["content_version"].as_i64().unwrap_or(i64::MAX) <= agreed_version, "{plan}");
    assert!(plan["agreed_at"].is_string());
    for g in [house, child] {
        assert!(goal_in(&plan, g)["since_agreement"].is_null(), "{g}: {plan}");
    }
    // The staff page's summary of agreement follows the same rule.
    let staff = w.get(&format!("/api/v1/cases/{}/plan", f.case)).await.expect(200);
    assert_eq!(staff["content_version"], plan["content_version"]);

    // New words for a goal and a new goal: asked again, and the portal says what changed.
    w.patch_goal(house, json!({"title": "Elke avond rust in huis"})).await.expect(200);
    let added = goal(w, f.case, "Samira zoekt werk", Some(f.mother), false).await;
    let plan = mother.get("/api/v1/portal/plan").await.expect(200);
    assert_eq!(plan["agreed_to_current"], false, "{plan}");
    let marked = &goal_in(&plan, house)["since_agreement"];
    assert_eq!(marked["kind"], "changed");
    assert_eq!(marked["fields"], json!(["title"]));
    assert_eq!(marked["title_before"], "Rust in huis");
    assert_eq!(goal_in(&plan, added)["since_agreement"]["kind"], "new");
    assert!(goal_in(&plan, child)["since_agreement"].is_null());

    // The version history keeps every change, content or not.
    let versions = w.get(&format!("/api/v1/cases/{}/plan/versions", f.case)).await.expect(200);
    let changes: Vec<&str> = versions.as_array().into_iter().flatten().filter_map(|v| v["change"].as_str()).collect();
    for c in ["action.done", "goal.scored", "evaluation.recorded", "network.invited", "action.added", "goal.changed"] {
        assert!(changes.contains(&c), "{c} in {changes:?}");
    }

    // Agreeing again clears the markers; the grandmother never had any (she cannot agree).
    mother.post("/api/v1/portal/agreement", json!({})).await.expect(201);
    let plan = mother.get("/api/v1/portal/plan").await.expect(200);
    assert_eq!(plan["agreed_to_current"], true);
    assert!(plan["goals"].as_array().into_iter().flatten().all(|g| g["since_agreement"].is_null()), "{plan}");

    // Sharing or making a goal confidential is about who sees it, not what it says.
    w.patch_goal(child, json!({"confidential": true, "confidential_reason": "Op verzoek"})).await.expect(200);
    w.patch_goal(child, json!({"confidential": false})).await.expect(200);
    assert_eq!(mother.get("/api/v1/portal/plan").await.expect(200)["agreed_to_current"], true);
    // A status change is content.
    w.patch_goal(house, json!({"status": "achieved"})).await.expect(200);
    let plan = mother.get("/api/v1/portal/plan").await.expect(200);
    assert_eq!(plan["agreed_to_current"], false);
    assert_eq!(goal_in(&plan, house)["since_agreement"]["fields"], json!(["status"]));
}
