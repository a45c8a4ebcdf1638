//! The processing register and the Logboek Dataverwerkingen export through HTTP (decision
//! 0027): admins read and change the register, privacy officers read it and export the log in
//! the standard's form; everyone else is refused, and the refusal logged. On the backend under
//! test.

use std::collections::{BTreeSet, HashMap};

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::processing::ProcessingActivity;
use jiff::Timestamp;
use serde_json::{Value, json};

use crate::harness::{Client, PASSWORD, TestApp, child_referred, org, spawn};

fn at(t: &TestApp, s: &str) {
    t.app.clock.set(s.parse::<Timestamp>().unwrap_or_default());
}

async fn privacy_officer(t: &TestApp, admin: &Client) -> Client {
    let body = json!({"email": "fg@test.nl", "name": "Fatma Şahin", "role": "privacy_officer", "team_ids": [], "password": PASSWORD});
    admin.post("/api/v1/users", body).await.expect(201);
    t.login("fg@test.nl").await
}

fn codes(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .map(|a| a.iter().filter_map(|r| r["code"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn admins_keep_the_register_privacy_officers_read_it_others_are_refused() {
    let t = spawn().await;
    at(&t, "2031-03-03T09:00:00Z");
    let o = org(&t).await;
    let fg = privacy_officer(&t, &o.admin).await;

    // Seeded with every activity of the product, each with its texts, version 1.
    let list = o.admin.get("/api/v1/processing-activities").await.expect(200);
    let want: Vec<String> = ProcessingActivity::ALL.iter().map(|p| p.code().to_owned()).collect();
    assert_eq!(codes(&list), want);
    for a in list["items"].as_array().into_iter().flatten() {
        for f in ["name_nl", "name_en", "purpose", "legal_basis", "data_subjects", "data_categories", "retention"] {
            assert!(a[f].as_str().is_some_and(|s| !s.is_empty()), "{f} of {a}");
        }
        assert_eq!(a["version"], 1);
        assert_eq!(a["urn"], format!("urn:buurtteam:processing-activity:{}:1", a["code"].as_str().unwrap_or("")));
    }
    assert_eq!(fg.get("/api/v1/processing-activities").await.expect(200), list);
    let one = fg.get("/api/v1/processing-activities/family-support").await.expect(200);
    assert!(one["legal_basis"].as_str().is_some_and(|s| s.contains("6 lid 1 sub e")), "{one}");

    // Everyone else is refused, and the refusal is in the log.
    let mark = t.audit_mark().await;
    for c in [&o.worker_a, &o.manager, &o.analyst] {
        c.get("/api/v1/processing-activities").await.problem(403);
    }
    let refused = t.audit_since(mark).await;
    assert_eq!(refused.len(), 3);
    assert!(
        refused.iter().all(|r| r.action == "organisation.access_refused" && r.object_type == "processing_activity")
    );

    // An admin changes texts: a new version, logged with only the fields that changed.
    at(&t, "2031-03-03T09:30:00Z");
    let mark = t.audit_mark().await;
    let changed = o
        .admin
        .patch(
            "/api/v1/processing-activities/family-support",
            json!({"retention": "20 jaar na de laatste wijziging", "active": true}),
        )
        .await
        .expect(200);
    assert_eq!(
        (changed["version"].as_i64(), changed["retention"].as_str()),
        (Some(2), Some("20 jaar na de laatste wijziging"))
    );
    assert_eq!(changed["urn"], "urn:buurtteam:processing-activity:family-support:2");
    assert_eq!(changed["purpose"], one["purpose"], "a field left out stays");
    let rows = t.audit_since(mark).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].kind(), Some(AuditAction::ProcessingActivityChanged));
    let detail: Value = serde_json::from_str(&rows[0].detail).unwrap_or_default();
    assert_eq!(detail["code"], "family-support");
    assert_eq!(detail["before"], json!({"retention": one["retention"]}));
    assert_eq!(detail["after"], json!({"retention": "20 jaar na de laatste wijziging"}));
    // ... and shown in the admin log.
    let log = o.admin.get("/api/v1/admin/audit?action=processing_activity.changed").await.expect(200);
    assert_eq!(log["items"][0]["after"]["retention"], "20 jaar na de laatste wijziging");

    // The same texts again: nothing written, the version stays.
    let mark = t.audit_mark().await;
    let same = o
        .admin
        .patch("/api/v1/processing-activities/family-support", json!({"retention": "20 jaar na de laatste wijziging"}))
        .await
        .expect(200);
    assert_eq!(same["version"], 2);
    assert!(t.audit_since(mark).await.is_empty());

    // Invalid texts, an unknown code; and nobody but an admin changes anything.
    let r = o
        .admin
        .patch("/api/v1/processing-activities/family-support", json!({"name_nl": " ", "purpose": "x\u{1b}"}))
        .await
        .problem(422);
    assert_eq!(r.fields(), ["name_nl", "purpose"]);
    o.admin.patch("/api/v1/processing-activities/fraud-hunting", json!({"purpose": "x"})).await.problem(404);
    let mark = t.audit_mark().await;
    fg.patch("/api/v1/processing-activities/family-support", json!({"purpose": "x"})).await.problem(403);
    o.worker_a.patch("/api/v1/processing-activities/family-support", json!({"purpose": "x"})).await.problem(403);
    assert_eq!(t.audit_since(mark).await.iter().filter(|r| r.action == "organisation.access_refused").count(), 2);
    assert_eq!(o.admin.get("/api/v1/processing-activities/family-support").await.expect(200)["version"], 2);
}

/// The lines of an export, each a JSON object.
fn records(text: &str) -> Vec<Value> {
    text.lines().map(|l| serde_json::from_str(l).unwrap_or(Value::Null)).collect()
}

fn attribute<'a>(r: &'a Value, key: &str) -> Option<&'a str> {
    r["attributes"].as_array()?.iter().find(|a| a["key"] == key).and_then(|a| a["value"].as_str())
}

fn is_hex(s: &str, len: usize) -> bool {
    s.len() == len && s.chars().all(|c| c.is_ascii_hexdigit()) && s.chars().any(|c| c != '0')
}

/// Every field the standard's Logboek interface requires, in the form this export gives it.
fn assert_ldv_shape(r: &Value) {
    let obj = r.as_object().unwrap_or_else(|| panic!("not an object: {r}"));
    assert!(is_hex(r["trace_id"].as_str().unwrap_or(""), 32), "trace_id {r}");
    assert!(is_hex(r["operation_id"].as_str().unwrap_or(""), 16), "operation_id {r}");
    assert!(
        ["STATUS_CODE_UNKNOWN", "STATUS_CODE_OK", "STATUS_CODE_ERROR"]
            .contains(&r["status_code"].as_str().unwrap_or("")),
        "{r}"
    );
    assert!(r["name"].as_str().is_some_and(|n| AuditAction::parse(n).is_some()), "name {r}");
    let (start, end) = (r["start_time"].as_i64().unwrap_or(-1), r["end_time"].as_i64().unwrap_or(-2));
    assert!(start > 1_900_000_000_000 && end >= start, "times in ms {r}");
    assert!(r["attributes"].is_array() && r["resource"]["attributes"].is_array(), "{r}");
    for a in r["attributes"].as_array().into_iter().flatten() {
        let key = a["key"].as_str().unwrap_or("");
        assert!(key.starts_with("dpl.core.") || key == "buurtteam.audit_log_id", "attribute {key}");
        assert!(a["value"].is_string(), "{a}");
    }
    let allowed =
        ["trace_id", "operation_id", "status_code", "name", "start_time", "end_time", "resource", "attributes"];
    assert!(obj.keys().all(|k| allowed.contains(&k.as_str())), "only the standard's fields: {r}");
}

#[tokio::test]
async fn the_privacy_officer_exports_the_log_in_the_form_of_the_logboek_dataverwerkingen() {
    let t = spawn().await;
    at(&t, "2031-03-03T09:00:00Z");
    let o = org(&t).await;
    privacy_officer(&t, &o.admin).await;
    let (case, clients) = child_referred(&o.worker_a, o.district_a, o.team_a, "2031-03-03").await;
    o.worker_a.get(&format!("/api/v1/cases/{case}")).await.expect(200);
    o.worker_b.get(&format!("/api/v1/cases/{case}")).await.problem(404);
    // Rows about one client: one of a living file, one of a destroyed (pseudonymised) file.
    let (other_case, _) = child_referred(&o.worker_a, o.district_a, o.team_a, "2031-03-03").await;
    let client = clients[0];
    for c in [case, other_case] {
        let mut tx = t.app.db.begin().await.expect("tx");
        let entry = buurtteam_store::audit::Entry {
            occurred_at: t.app.now(),
            actor: None,
            action: AuditAction::PlanAgreed,
            object_type: "plan",
            object_id: None,
            case_id: Some(buurtteam_domain::ids::CaseId(c)),
            household_id: None,
            client_id: Some(buurtteam_domain::ids::PersonId(client)),
            acting_for: None,
            goal_id: None,
            session_ref: None,
            detail: json!({"note": "Öztürk"}),
        };
        buurtteam_store::audit::append(&mut tx, &entry).await.expect("append");
        tx.commit().await.expect("commit");
    }
    let mut tx = t.app.db.begin().await.expect("tx");
    let scope = buurtteam_store::audit::chain::Scope::Case(buurtteam_domain::ids::CaseId(other_case));
    buurtteam_store::audit::chain::pseudonymise(&mut tx, scope, t.app.now()).await.expect("pseudonymise");
    tx.commit().await.expect("commit");
    // The next day: the register changes, the file is read again.
    at(&t, "2031-03-04T09:00:00Z");
    let (admin, worker, manager) =
        (t.login("admin@test.nl").await, t.login("a@test.nl").await, t.login("m@test.nl").await);
    let fg = t.login("fg@test.nl").await;
    admin
        .patch("/api/v1/processing-activities/family-support", json!({"purpose": "Gezinnen helpen."}))
        .await
        .expect(200);
    worker.get(&format!("/api/v1/cases/{case}")).await.expect(200);

    let reply = fg.get("/api/v1/privacy/ldv-export?from=2031-03-03&to=2031-03-04").await;
    assert_eq!(reply.status.as_u16(), 200, "{}", reply.text);
    let ct = reply.headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert_eq!(ct, "application/x-ndjson");
    let all = records(&reply.text);
    for r in &all {
        assert_ldv_shape(r);
    }
    // One record per audit row of the period, oldest first, the export itself among them.
    // (The first admin was made before the clock was set: outside the period.)
    let (from, until): (Timestamp, Timestamp) =
        ("2031-03-02T23:00:00Z".parse().unwrap_or_default(), "2031-03-04T23:00:00Z".parse().unwrap_or_default());
    let rows: Vec<_> =
        t.audit_since(0).await.into_iter().filter(|r| r.occurred_at >= from && r.occurred_at < until).collect();
    assert!(rows.len() > 20);
    let ids: Vec<String> = rows.iter().map(|r| r.id.to_string()).collect();
    let exported: Vec<String> =
        all.iter().filter_map(|r| attribute(r, "buurtteam.audit_log_id").map(str::to_owned)).collect();
    assert_eq!(exported, ids);
    let by_id: HashMap<&str, &Value> = exported.iter().map(String::as_str).zip(all.iter()).collect();
    let row_of = |action: &str, nth: usize| {
        rows.iter().filter(|r| r.action == action).nth(nth).map(|r| r.id.to_string()).unwrap_or_default()
    };
    let last = all.last().cloned().unwrap_or_default();
    assert_eq!(last["name"], "ldv.exported");
    assert_eq!(
        attribute(&last, "dpl.core.processing_activity_id"),
        Some("urn:buurtteam:processing-activity:access-logging:1")
    );
    // Ids are unique per record.
    let traces: BTreeSet<_> = all.iter().map(|r| r["trace_id"].to_string()).collect();
    let operations: BTreeSet<_> = all.iter().map(|r| r["operation_id"].to_string()).collect();
    assert_eq!((traces.len(), operations.len()), (all.len(), all.len()));
    // Each names the version of its activity that held when it was written.
    let read1 = by_id[row_of("case.read", 0).as_str()];
    let read2 = by_id[row_of("case.read", 1).as_str()];
    assert_eq!(
        attribute(read1, "dpl.core.processing_activity_id"),
        Some("urn:buurtteam:processing-activity:family-support:1")
    );
    assert_eq!(
        attribute(read2, "dpl.core.processing_activity_id"),
        Some("urn:buurtteam:processing-activity:family-support:2")
    );
    assert_eq!(read1["status_code"], "STATUS_CODE_OK");
    let refusal = by_id[row_of("case.access_refused", 0).as_str()];
    assert_eq!(refusal["status_code"], "STATUS_CODE_ERROR");
    assert_eq!(
        attribute(refusal, "dpl.core.processing_activity_id"),
        Some("urn:buurtteam:processing-activity:security:1")
    );
    // The data subject by pseudonym only, and none for a destroyed file.
    let living = by_id[row_of("plan.agreed", 0).as_str()];
    let destroyed = by_id[row_of("plan.agreed", 1).as_str()];
    let subject = attribute(living, "dpl.core.data_subject_id").unwrap_or("");
    assert!(is_hex(subject, 32) && subject != client.to_string(), "{subject}");
    assert_eq!(attribute(destroyed, "dpl.core.data_subject_id"), None);
    // No user, no name, no detail leaves the log.
    for secret in ["@test.nl", "Öztürk", "Test Persoon", "Şahin", "detail", "actor"] {
        assert!(!reply.text.contains(secret), "{secret} in the export");
    }
    // The same rows export the same ids and pseudonyms again.
    let again = records(&fg.get("/api/v1/privacy/ldv-export?from=2031-03-03&to=2031-03-04").await.text);
    assert_eq!(again[..all.len()], all[..]);

    // By period: one day holds only its own rows (the organisation's days).
    let day2 = records(&fg.get("/api/v1/privacy/ldv-export?from=2031-03-04&to=2031-03-04").await.text);
    assert!(!day2.is_empty());
    assert!(
        day2.iter().all(|r| r["start_time"].as_i64().unwrap_or(0) >= 1_930_345_200_000),
        "from 2031-03-04 00:00 Amsterdam"
    );
    let none = fg.get("/api/v1/privacy/ldv-export?from=2031-03-05&to=2031-03-06").await;
    assert_eq!(records(&none.text).len(), 0);
    let r = fg.get("/api/v1/privacy/ldv-export?to=2031-03-04").await.problem(422);
    assert_eq!(r.fields(), ["from"]);
    let r = fg.get("/api/v1/privacy/ldv-export?from=2031-03-04&to=2031-03-03").await.problem(422);
    assert_eq!(r.fields(), ["to"]);

    // Exports are logged, with the period; nobody but the privacy officer exports.
    let exports: Vec<_> = t.audit_since(0).await.into_iter().filter(|r| r.action == "ldv.exported").collect();
    assert!(exports.len() >= 3 && exports[0].detail.contains("2031-03-03"), "{exports:?}");
    let mark = t.audit_mark().await;
    for c in [&admin, &worker, &manager] {
        c.get("/api/v1/privacy/ldv-export?from=2031-03-03&to=2031-03-04").await.problem(403);
    }
    let refused = t.audit_since(mark).await;
    assert_eq!(refused.len(), 3);
    assert!(refused.iter().all(|r| r.action == "organisation.access_refused" && r.object_type == "ldv_export"));
}

/// The binary, quiet but for warnings (PostgreSQL's notices are logged at info, on stderr).
fn export_ldv(db: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(crate::cli::BIN)
        .args(args)
        .env("DATABASE_URL", db)
        .env("BUURTTEAM_LOG", "warn")
        .output()
        .expect("run buurtteam")
}

#[tokio::test]
async fn the_operator_exports_the_same_records_from_the_command_line() {
    let t = spawn().await;
    at(&t, "2031-03-03T09:00:00Z");
    let o = org(&t).await;
    let (case, _) = child_referred(&o.worker_a, o.district_a, o.team_a, "2031-03-03").await;
    o.worker_a.get(&format!("/api/v1/cases/{case}")).await.expect(200);
    let out = export_ldv(&t.url, &["export-ldv", "--from", "2031-03-03", "--to", "2031-03-03"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let all = records(&stdout);
    assert!(!all.is_empty() && all.iter().all(Value::is_object), "{stdout}");
    for r in &all {
        assert_ldv_shape(r);
    }
    assert!(all.iter().any(|r| r["name"] == "case.read"));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("Exported {} rows", all.len())));
    // The export is logged, by the system.
    assert!(t.audit_since(0).await.iter().any(|r| r.action == "ldv.exported" && r.actor_user_id.is_none()));
    // Bad input: a non-zero exit and one clear line.
    let out = export_ldv(&t.url, &["export-ldv", "--from", "2031-03-04", "--to", "2031-03-03"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("to"), "{err}");
}
