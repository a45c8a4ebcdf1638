use serde_json::json;

use crate::harness::{household, household_body, org, spawn};

#[tokio::test]
async fn a_worker_registers_a_household_and_reads_it_back() {
    let t = spawn().await;
    let o = org(&t).await;
    let h = o.worker_a.post("/api/v1/households", household_body(o.district_a)).await.expect(201);
    assert_eq!(h["address"]["postcode"], "3562JW");
    assert_eq!(h["members"][0]["bsn"], "123456782");
    assert_eq!(h["members"][1]["role"], "child");
    let id = h["id"].as_i64().unwrap_or(0);
    let back = o.worker_a.get(&format!("/api/v1/households/{id}")).await.expect(200);
    assert_eq!(back["members"], h["members"]);
    // Another team's worker cannot see it, nor can an analyst: the same 404 as a missing id.
    o.worker_b.get(&format!("/api/v1/households/{id}")).await.problem(404);
    o.analyst.get(&format!("/api/v1/households/{id}")).await.problem(404);
    o.worker_a.get("/api/v1/households/999999").await.problem(404);
}

#[tokio::test]
async fn invalid_members_are_reported_per_field_and_nothing_is_saved() {
    let t = spawn().await;
    let o = org(&t).await;
    let before = (t.count("households").await, t.count("persons").await, t.count("audit_log").await);
    let body = json!({
        "address": {"street": "Wolgadreef", "house_number": "3", "postcode": "ABCD 12", "city": "Utrecht"},
        "district_id": 4242,
        "members": [
            {"given_name": "Kevin", "family_name": "Bakker", "birth_date": "1990-02-30", "role": "parent", "bsn": "123456789"},
            {"given_name": "", "family_name": "Bakker", "birth_date": "2999-01-01", "role": "cousin"}
        ]
    });
    let r = o.worker_a.post("/api/v1/households", body).await.problem(422);
    assert_eq!(
        r.fields(),
        vec![
            "address.postcode",
            "members[0].birth_date",
            "members[0].bsn",
            "members[1].given_name",
            "members[1].birth_date",
            "members[1].role",
            "district_id"
        ]
    );
    let bsn_message = r.body["errors"][2]["message"].as_str().unwrap_or_default();
    assert!(bsn_message.contains("11-test"), "{bsn_message}");
    assert_eq!(before, (t.count("households").await, t.count("persons").await, t.count("audit_log").await));

    o.worker_a.post("/api/v1/households", json!({"district_id": o.district_a, "members": []})).await.problem(422);
    o.analyst.post("/api/v1/households", household_body(o.district_a)).await.problem(403);
    o.admin.post("/api/v1/households", household_body(o.district_a)).await.problem(403);
    let (_, members) = household(&o.worker_a, o.district_a).await;
    assert_eq!(members.len(), 2);
}
