//! Partners in the case work (issue 15; decision 0040) through HTTP, on the backend under test:
//! a partner of the social map as the performer of a plan action, and a contact moment with a
//! partner taking part (a three-way conversation, driegesprek). The partner must exist, be
//! active and serve the case's district; otherwise a 422 beside the field says which. The
//! audit rows carry the partner's id; a contact with a partner can still be corrected.

use jiff::Timestamp;
use serde_json::{Value, json};

use crate::harness::{Client, child_referred, org, spawn};

async fn partner(c: &Client, name: &str, kind: &str, district: i64) -> i64 {
    c.post("/api/v1/partners", json!({"name": name, "kind": kind, "district_ids": [district]})).await.expect(201)["id"]
        .as_i64()
        .unwrap_or(0)
}

fn codes(problem: &Value) -> Vec<(String, String)> {
    problem["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| {
                    (
                        e["field"].as_str().unwrap_or_default().to_owned(),
                        e["code"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn a_partner_performs_a_plan_action_and_takes_part_in_a_three_way_conversation() {
    let t = spawn().await;
    t.app.clock.set("2026-05-04T10:00:00Z".parse::<Timestamp>().unwrap_or_default());
    let o = org(&t).await;
    let work = partner(&o.manager, "Werk en Inkomen Overvecht", "work_and_income", o.district_a).await;
    let elsewhere = partner(&o.manager, "Schuldhulp Zuidwest", "debt_services", o.district_b).await;
    let ended = partner(&o.manager, "Oude Schuldhulp", "debt_services", o.district_a).await;
    o.manager.patch(&format!("/api/v1/partners/{ended}"), json!({"ended_on": "2026-04-01"})).await.expect(200);
    let (case, members) = child_referred(&o.worker_a, o.district_a, o.team_a, "2026-04-01").await;
    let w = &o.worker_a;
    w.post(&format!("/api/v1/cases/{case}/intake"), json!({"held_on": "2026-04-03", "worker_id": o.worker_a_id}))
        .await
        .expect(200);
    w.post(&format!("/api/v1/cases/{case}/start"), json!({"started_on": "2026-04-10"})).await.expect(200);
    let goal = w
        .post(
            &format!("/api/v1/cases/{case}/goals"),
            json!({"life_domain": "finances", "title": "Rust in de geldzaken"}),
        )
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    let actions = format!("/api/v1/goals/{goal}/actions");

    // A partner as performer: 201 with its id and its name; the plan's audit row as for any
    // action (its detail is the plan's version; the version keeps the action with the id).
    let mark = t.audit_mark().await;
    let a = w
        .post(
            &actions,
            json!({"description": "Aanvraag bijzondere bijstand", "performer": "partner", "performer_partner_id": work}),
        )
        .await
        .expect(201);
    assert_eq!(a["performer"], "partner");
    assert_eq!(a["performer_partner_id"], work);
    assert_eq!(a["performer_name"], "Werk en Inkomen Overvecht");
    let rows = t.audit_since(mark).await;
    let row = rows.iter().find(|r| r.action == "action.added");
    assert!(row.is_some_and(|r| r.case_id.is_some_and(|c| c.0 == case)), "{rows:?}");

    // The plan shows the partner's name as performer.
    let plan = w.get(&format!("/api/v1/cases/{case}/plan")).await.expect(200);
    assert!(plan.to_string().contains("Werk en Inkomen Overvecht"), "{plan}");

    // An organisation that is not on the social map is still named in words.
    let a = w
        .post(
            &actions,
            json!({"description": "Sportclub zoeken", "performer": "partner", "performer_name": "Voetbalclub"}),
        )
        .await
        .expect(201);
    assert_eq!(a["performer_partner_id"], Value::Null);
    assert_eq!(a["performer_name"], "Voetbalclub");

    // Refused beside the field: no partner at all, another district's, an ended one, none such.
    for (partner_id, code) in [
        (Value::Null, "required"),
        (json!(elsewhere), "partner_not_in_district"),
        (json!(ended), "partner_ended"),
        (json!(999_999), "unknown_partner"),
    ] {
        let body = json!({"description": "x", "performer": "partner", "performer_partner_id": partner_id});
        let r = w.post(&actions, body).await.problem(422);
        assert_eq!(codes(&r.body), [("performer_partner_id".to_owned(), code.to_owned())], "{partner_id}");
    }

    // A three-way conversation: a contact with the partner taking part.
    let contacts = format!("/api/v1/cases/{case}/contacts");
    let mark = t.audit_mark().await;
    let ct = w
        .post(
            &contacts,
            json!({"contact_on": "2026-04-20", "form": "office", "minutes": 45, "participants": [members[0]],
                   "partner_id": work}),
        )
        .await
        .expect(201);
    assert_eq!(ct["partner_id"], work);
    assert_eq!(ct["partner_name"], "Werk en Inkomen Overvecht");
    let rows = t.audit_since(mark).await;
    let row = rows.iter().find(|r| r.action == "contact.recorded");
    assert!(row.is_some_and(|r| r.detail.contains(&format!("\"partner_id\":{work}"))), "{rows:?}");
    let list = w.get(&contacts).await.expect(200);
    assert!(list.to_string().contains("\"partner_name\":\"Werk en Inkomen Overvecht\""), "{list}");

    // Without a partner a contact is as before.
    let plain =
        w.post(&contacts, json!({"contact_on": "2026-04-21", "form": "phone", "minutes": 10})).await.expect(201);
    assert_eq!(plain["partner_id"], Value::Null);

    // Refused beside the field, and nothing saved.
    let before = t.count("contacts").await;
    for (partner_id, code) in
        [(elsewhere, "partner_not_in_district"), (ended, "partner_ended"), (999_999, "unknown_partner")]
    {
        let body = json!({"contact_on": "2026-04-20", "form": "office", "minutes": 45, "partner_id": partner_id});
        let r = w.post(&contacts, body).await.problem(422);
        assert_eq!(codes(&r.body), [("partner_id".to_owned(), code.to_owned())], "{partner_id}");
    }
    assert_eq!(t.count("contacts").await, before);

    // A three-way conversation is corrected as any contact, and keeps its partner.
    let ct_id = ct["id"].as_i64().unwrap_or(0);
    w.post(&format!("/api/v1/cases/{case}/contacts/{ct_id}/corrections"), json!({"minutes": 60, "reason": "typfout"}))
        .await
        .expect(200);
    let list = w.get(&contacts).await.expect(200);
    let items = list["items"].as_array().cloned().unwrap_or_default();
    let corrected = items.iter().find(|c| c["id"] == ct_id).cloned().unwrap_or_default();
    assert_eq!(corrected["minutes"], 60);
    assert_eq!(corrected["partner_id"], work);
}
