//! Inzage through HTTP: each household or network member downloads exactly what Mijn
//! Buurtteam shows them (a parent, a young person of 12–15, a client of 16+, a network member),
//! staff produce the same for a written request, logged; the PDF says it in Dutch (SQLite, or
//! PostgreSQL with `BUURTTEAM_TEST_PG`).

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::harness::{Client, PASSWORD, org, portal_account, referral_body, spawn};
use crate::plan::{born, family, goal};

const NOTE: &str = "Vermoeden van spanningen tussen ouders";

fn goal_titles(export: &Value) -> BTreeSet<String> {
    export["goals"].as_array().into_iter().flatten().filter_map(|g| g["title"].as_str().map(str::to_owned)).collect()
}

fn titles(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

async fn export(c: &Client) -> Value {
    let r = c.get("/api/v1/portal/export").await;
    let disposition = r.headers.get("content-disposition").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert!(disposition.starts_with("attachment; filename=\"inzage-"), "{disposition}");
    let body = r.expect(200);
    assert_eq!(body["schema"], "buurtteam-inzage/1");
    body
}

/// The goal titles the portal shows the same reader.
async fn portal_titles(c: &Client) -> BTreeSet<String> {
    goal_titles(&c.get("/api/v1/portal/plan").await.expect(200))
}

#[tokio::test]
async fn each_member_downloads_exactly_what_the_portal_shows_them() {
    let t = spawn().await;
    let o = org(&t).await;
    let f = family(&t, &o).await;
    let w = &o.worker_a;
    goal(w, f.case, "Rust in huis", None, false).await;
    let child_goal = goal(w, f.case, "Yassin slaapt op tijd", Some(f.child), false).await;
    goal(w, f.case, "Lina gaat weer naar school", Some(f.teen), false).await;
    goal(w, f.case, "Lina praat over thuis", Some(f.teen), true).await;
    goal(w, f.case, "Noor zoekt een bijbaan", Some(f.youth), false).await;
    goal(w, f.case, "Samira regelt haar schulden", Some(f.mother), false).await;
    w.post(&format!("/api/v1/cases/{}/working-notes", f.case), json!({"body": NOTE})).await.expect(201);
    let r = w
        .put(
            &format!("/api/v1/cases/{}/members/{}/reach", f.case, f.mother),
            json!({"phone": "06-12345678", "email": "samira@example.nl"}),
        )
        .await;
    assert!(r.status.is_success(), "{}", r.text);

    let mother = portal_account(&t, w, f.case, f.mother, "samira@example.nl").await;
    let teen = portal_account(&t, w, f.case, f.teen, "lina@example.nl").await;
    let youth = portal_account(&t, w, f.case, f.youth, "noor@example.nl").await;
    let inv = mother
        .post(
            &format!("/api/v1/goals/{child_goal}/network-invitations"),
            json!({"name": "Karin Şahin", "relation": "buurvrouw", "email": "karin@example.nl"}),
        )
        .await
        .expect(201);
    Client::new(&t.base)
        .post(
            "/api/v1/portal/activate",
            json!({"code": inv["code"], "email": "karin@example.nl", "password": PASSWORD}),
        )
        .await
        .expect(201);
    let karin = t.login("karin@example.nl").await;
    mother
        .post(&format!("/api/v1/goals/{child_goal}/comments"), json!({"body": "Yassin slaapt nu om acht uur"}))
        .await
        .expect(201);

    // The parent: her own goal, her children's under 16 and the household's; not the
    // confidential goal, not the 17-year-old's unshared goal.
    let m = export(&mother).await;
    let expected =
        titles(&["Rust in huis", "Yassin slaapt op tijd", "Lina gaat weer naar school", "Samira regelt haar schulden"]);
    assert_eq!(goal_titles(&m), expected);
    assert_eq!(portal_titles(&mother).await, expected);
    assert_eq!(m["subject"]["kind"], "household_member");
    assert_eq!(m["subject"]["name"], "Samira El Amrani");
    assert_eq!(m["subject"]["household_role"], json!({"code": "parent", "label": "Ouder"}));
    assert_eq!(m["organisation"], "Buurtteam Overvecht");
    assert_eq!(m["case"]["id"], f.case);
    assert!(m["evaluations"].is_array() && m["access_log"].is_array(), "{m}");
    let child =
        m["goals"].as_array().into_iter().flatten().find(|g| g["id"] == child_goal).cloned().unwrap_or_default();
    assert_eq!(child["life_domain"]["code"], "parenting");
    assert!(child["life_domain"]["label"].as_str().is_some_and(|l| !l.is_empty()));
    assert_eq!(child["comments"][0]["body"], "Yassin slaapt nu om acht uur");
    assert_eq!(child["network"][0]["name"], "Karin Şahin");

    // The young person of 14: her own goals (the confidential one with its reason) and the
    // household's; nothing of her mother's or siblings'.
    let l = export(&teen).await;
    let expected = titles(&["Rust in huis", "Lina gaat weer naar school", "Lina praat over thuis"]);
    assert_eq!(goal_titles(&l), expected);
    assert_eq!(portal_titles(&teen).await, expected);
    let confidential = l["goals"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|g| g["title"] == "Lina praat over thuis")
        .cloned()
        .unwrap_or_default();
    assert_eq!(confidential["confidential_reason"], "Veiligheid van de jongere");
    assert!(!l.to_string().contains("12345678"), "the mother's phone is hers: {l}");

    // The client of 17: her own goal and the household's.
    let n = export(&youth).await;
    let expected = titles(&["Rust in huis", "Noor zoekt een bijbaan"]);
    assert_eq!(goal_titles(&n), expected);
    assert_eq!(portal_titles(&youth).await, expected);

    // The network member: the one goal, no household, no case, no access log.
    let k = export(&karin).await;
    assert_eq!(goal_titles(&k), titles(&["Yassin slaapt op tijd"]));
    assert_eq!(portal_titles(&karin).await, titles(&["Yassin slaapt op tijd"]));
    assert_eq!(k["subject"]["kind"], "network_member");
    assert_eq!(k["subject"]["network_relations"], json!(["buurvrouw"]));
    assert_eq!(k["household"], json!([]));
    assert!(k["case"].is_null() && k["access_log"].is_null() && k["contact"].is_null(), "{k}");
    assert!(!k.to_string().contains("Samira regelt"), "{k}");

    // Working notes are in nobody's export, in no form.
    for (who, body) in [("mother", &m), ("teen", &l), ("youth", &n), ("network", &k)] {
        assert!(!body.to_string().contains("spanningen"), "{who} got a working note");
    }
    // The mother's own contact details are in hers.
    assert_eq!(m["subject"]["email"], "samira@example.nl");
    assert_eq!(m["subject"]["phone"], "+31612345678");

    // Each download is logged, and shows in the member's own access log.
    let log = mother.get("/api/v1/portal/access-log").await.expect(200);
    assert!(log.as_array().into_iter().flatten().any(|r| r["action"] == "portal.exported"), "{log}");
    // ... but not in a sibling's: it is about the mother.
    let log = youth.get("/api/v1/portal/access-log").await.expect(200);
    assert!(
        log.as_array()
            .into_iter()
            .flatten()
            .all(|r| r["action"] != "portal.exported" || r["actor_name"] == "Noor El Amrani"),
        "{log}"
    );

    // Another format is refused naming the field; staff have no portal export.
    let r = mother.get("/api/v1/portal/export?format=xls").await.problem(422);
    assert_eq!(r.fields(), vec!["format"]);
    w.get("/api/v1/portal/export").await.problem(403);
}

#[tokio::test]
async fn staff_produce_the_members_own_view_for_a_written_request() {
    let t = spawn().await;
    let o = org(&t).await;
    let f = family(&t, &o).await;
    let w = &o.worker_a;
    goal(w, f.case, "Rust in huis", None, false).await;
    goal(w, f.case, "Lina gaat weer naar school", Some(f.teen), false).await;
    goal(w, f.case, "Lina praat over thuis", Some(f.teen), true).await;
    goal(w, f.case, "Samira regelt haar schulden", Some(f.mother), false).await;
    w.post(&format!("/api/v1/cases/{}/working-notes", f.case), json!({"body": NOTE})).await.expect(201);
    let teen = portal_account(&t, w, f.case, f.teen, "lina@example.nl").await;
    let mother = portal_account(&t, w, f.case, f.mother, "samira@example.nl").await;
    let own = export(&teen).await;

    let today = t.app.today().to_string();
    let url = |person: i64| format!("/api/v1/cases/{}/export?person_id={person}&received_on={today}", f.case);
    let mark = t.audit_mark().await;
    let made = w.get(&url(f.teen)).await.expect(200);
    // Exactly what she sees herself.
    for part in ["subject", "case", "contact", "household", "goals", "evaluations", "appointments", "agreements"] {
        assert_eq!(made[part], own[part], "{part}");
    }
    assert!(!made.to_string().contains("spanningen"));
    assert_eq!(made["written_request"]["received_on"], today);
    // Logged with the member and the day the request came in; never the content.
    let rows = t.audit_since(mark).await;
    let row = rows.iter().find(|r| r.action == "case.inzage_produced").cloned();
    let detail: Value = row.as_ref().map(|r| serde_json::from_str(&r.detail).unwrap_or_default()).unwrap_or_default();
    assert_eq!(detail["received_on"], today);
    assert_eq!(detail["household_role"], "child");
    assert_eq!(detail["person_id"], f.teen);
    assert!(!row.map(|r| r.detail).unwrap_or_default().contains("Lina"));
    // It shows in her own access log, not in her mother's.
    let log = teen.get("/api/v1/portal/access-log").await.expect(200);
    assert!(log.as_array().into_iter().flatten().any(|r| r["action"] == "case.inzage_produced"), "{log}");
    let log = mother.get("/api/v1/portal/access-log").await.expect(200);
    assert!(log.as_array().into_iter().flatten().all(|r| r["action"] != "case.inzage_produced"), "{log}");

    // A member without an account gets what they would see: the household's goals only.
    let g = w.get(&url(f.grandmother)).await.expect(200);
    assert_eq!(goal_titles(&g), titles(&["Rust in huis"]));

    // A child under 12 does not ask for themselves; the date is required and not in the future;
    // someone outside the household is refused naming the field.
    let r = w.get(&url(f.child)).await.problem(422);
    assert_eq!(r.fields(), vec!["person_id"]);
    assert!(r.text.contains("inzage_too_young"), "{}", r.text);
    let r = w.get(&format!("/api/v1/cases/{}/export?person_id={}", f.case, f.teen)).await.problem(422);
    assert_eq!(r.fields(), vec!["received_on"]);
    let r = w
        .get(&format!("/api/v1/cases/{}/export?person_id={}&received_on=2999-01-01", f.case, f.teen))
        .await
        .problem(422);
    assert_eq!(r.fields(), vec!["received_on"]);
    let r = w.get(&url(999_999)).await.problem(422);
    assert_eq!(r.fields(), vec!["person_id"]);

    // Another team's staff, an analyst, a family member: the case does not exist for them.
    o.worker_b.get(&url(f.teen)).await.problem(404);
    o.analyst.get(&url(f.teen)).await.problem(404);
    teen.get(&url(f.teen)).await.problem(404);

    // The privacy officer lists the copy: case, relation, who, when; no content.
    t.create_user(None, "fg@test.nl", "Fenna de Groot", "privacy_officer", &[]).await;
    let officer = t.login("fg@test.nl").await;
    let page = officer.get("/privacy/inzage").await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains(&format!(">{}<", f.case)), "{}", page.text);
    assert!(page.text.contains("Kind"), "the member's relation");
    assert!(page.text.contains("Test Persoon"), "who made it");
    assert!(!page.text.contains("Lina"), "no content, no names");
    assert_eq!(w.get("/privacy/inzage").await.status, 403);
}

/// Whether `pdftotext` (Debian poppler-utils) is there; CI installs it, so there it must be.
fn pdftotext() -> bool {
    let ok = std::process::Command::new("pdftotext").arg("-v").output().is_ok();
    if !ok && std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("pdftotext (poppler-utils) is required in CI");
    }
    ok
}

async fn pdf_text(c: &Client, path: &str) -> String {
    let r = c.http_get_bytes(path).await;
    assert_eq!(r.0, 200);
    assert_eq!(r.1, "application/pdf");
    assert!(r.2.starts_with(b"%PDF-"));
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("inzage.pdf");
    std::fs::write(&file, &r.2).expect("write");
    let out = std::process::Command::new("pdftotext").arg(&file).arg("-").output().expect("pdftotext");
    assert!(out.status.success(), "pdftotext: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test]
async fn the_pdf_tells_a_young_person_her_own_data_in_dutch() {
    if !pdftotext() {
        eprintln!("skipped: pdftotext not installed");
        return;
    }
    let t = spawn().await;
    let o = org(&t).await;
    let w = &o.worker_a;
    let h = w
        .post(
            "/api/v1/households",
            json!({
                "address": {"street": "Zamenhofdreef", "house_number": 14, "postcode": "3562 JW", "city": "Utrecht"},
                "district_id": o.district_a,
                "members": [
                    {"given_name": "Ayşe", "family_name": "Öztürk", "birth_date": born(41), "role": "parent"},
                    {"given_name": "Zoë", "family_name": "Şahin", "birth_date": born(14), "role": "child"}
                ]
            }),
        )
        .await
        .expect(201);
    let ids: Vec<i64> = h["members"].as_array().into_iter().flatten().filter_map(|m| m["id"].as_i64()).collect();
    let today = t.app.today().to_string();
    let case =
        w.post("/api/v1/cases", referral_body(h["id"].as_i64().unwrap_or(0), o.team_a, &ids, &today)).await.expect(201)
            ["id"]
            .as_i64()
            .unwrap_or(0);
    goal(w, case, "Zoë fietst zelf naar school", Some(ids[1]), false).await;
    goal(w, case, "Ayşe vindt werk", Some(ids[0]), true).await;
    w.post(&format!("/api/v1/cases/{case}/working-notes"), json!({"body": NOTE})).await.expect(201);
    let zoe = portal_account(&t, w, case, ids[1], "zoe@example.nl").await;

    let text = pdf_text(&zoe, "/api/v1/portal/export?format=pdf").await;
    for expected in [
        "Gegevens van Zoë Şahin",
        "Buurtteam Overvecht",
        "Jouw gegevens",
        "Doelen in het gezinsplan",
        "Zoë fietst zelf naar school",
        "Ayşe Öztürk",
        "Wie keek in je dossier",
        "Pagina 1 van",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    // Not the working note, not her mother's confidential goal.
    for absent in ["spanningen", "Ayşe vindt werk"] {
        assert!(!text.contains(absent), "{absent:?} in:\n{text}");
    }

    // The staff copy for her written request says so.
    let text =
        pdf_text(w, &format!("/api/v1/cases/{case}/export?person_id={}&received_on={today}&format=pdf", ids[1])).await;
    assert!(text.contains("schriftelijke verzoek"), "{text}");
    assert!(text.contains("Zoë fietst zelf naar school") && !text.contains("Ayşe vindt werk"), "{text}");
}

impl Client {
    /// GET returning status, content type and the body's bytes (for the PDF).
    async fn http_get_bytes(&self, path: &str) -> (u16, String, Vec<u8>) {
        let r = self.http.get(format!("{}{path}", self.base)).send().await.expect("GET");
        let status = r.status().as_u16();
        let ct = r.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        (status, ct, r.bytes().await.map(|b| b.to_vec()).unwrap_or_default())
    }
}

/// Who asks is decided before the query is looked at: another team's staff get the 404 of a
/// case that does not exist for them whatever the query says; the case's own team gets every
/// field error of the query at once (422).
#[tokio::test]
async fn a_case_export_decides_access_before_checking_the_query() {
    let t = spawn().await;
    let o = org(&t).await;
    let today = t.app.today().to_string();
    let (case, members) = crate::harness::child_referred(&o.worker_a, o.district_a, o.team_a, &today).await;
    let bad = "personId=abc&receivedOn=gisteren&format=xls";
    for q in ["", "format=xls", "receivedOn=2999-01-01", bad] {
        let r = o.worker_b.get(&format!("/api/v1/cases/{case}/export?{q}")).await;
        assert_eq!(r.status.as_u16(), 404, "{q}: {}", r.text);
        o.analyst.get(&format!("/api/v1/cases/{case}/export?{q}")).await.problem(404);
    }
    let r = o.worker_a.get(&format!("/api/v1/cases/{case}/export?{bad}")).await.problem(422);
    let mut fields = r.fields();
    fields.sort();
    assert_eq!(fields, ["format", "person_id", "received_on"]);
    let ok = format!("/api/v1/cases/{case}/export?personId={}&receivedOn={today}", members[0]);
    o.worker_a.get(&ok).await.expect(200);
}
