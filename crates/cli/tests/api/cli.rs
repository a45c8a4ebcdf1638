//! The binary itself: `user add`, `migrate`, and that an acknowledged write survives `kill -9`.

use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::json;

use crate::harness::{Client, PASSWORD, fresh_database_url, household_body, referral_body};

pub(crate) const BIN: &str = env!("CARGO_BIN_EXE_buurtteam");

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).unwrap_or(18_999)
}

pub(crate) fn buurtteam(db: &str, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .env("DATABASE_URL", db)
        .env("BUURTTEAM_PASSWORD", PASSWORD)
        .output()
        .expect("run buurtteam")
}

pub(crate) async fn wait_ready(base: &str) {
    for _ in 0..200 {
        if reqwest::get(format!("{base}/readyz")).await.is_ok_and(|r| r.status() == 200) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("server at {base} did not become ready");
}

#[tokio::test]
async fn user_add_and_migrate_from_the_command_line() {
    let dir = tempfile::tempdir().expect("dir");
    let db = fresh_database_url(dir.path()).await;
    let out = buurtteam(&db, &["migrate"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = buurtteam(&db, &["user", "add", "--email", "beheer@test.nl", "--name", "Bea Beheer", "--role", "admin"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("beheer@test.nl"));

    // Bad input: a non-zero exit and one clear line.
    let out = buurtteam(&db, &["user", "add", "--email", "x@test.nl", "--name", "X", "--role", "boss"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(err.contains("role") && err.contains("family_worker"), "{err}");
    let out = buurtteam(
        &db,
        &["user", "add", "--email", "y@test.nl", "--name", "Y", "--role", "family_worker", "--team", "Nergens"],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Nergens"));
    let out = buurtteam(&db, &["serve", "--liberation-day", "sometimes"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.trim().lines().count() == 1 && err.contains("lustrum_years"), "{err}");
    let out = buurtteam("mysql://nope", &["migrate"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unsupported"));
}

#[tokio::test]
async fn an_acknowledged_referral_survives_kill_9() {
    let dir = tempfile::tempdir().expect("dir");
    let db = fresh_database_url(dir.path()).await;
    let out = buurtteam(&db, &["user", "add", "--email", "beheer@test.nl", "--name", "Bea", "--role", "admin"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let start = || {
        Command::new(BIN)
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .env("DATABASE_URL", &db)
            // This organisation's agreement gives Good Friday off.
            .env("BUURTTEAM_GOOD_FRIDAY", "true")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start server")
    };
    let mut server = start();
    wait_ready(&base).await;

    let admin = Client::new(&base);
    admin.post("/api/v1/auth/login", json!({"email": "beheer@test.nl", "password": PASSWORD})).await.expect(200);
    let district =
        admin.post("/api/v1/districts", json!({"name": "Oost"})).await.expect(201)["id"].as_i64().unwrap_or(0);
    let team =
        admin.post("/api/v1/teams", json!({"name": "Buurtteam Oost", "district_id": district})).await.expect(201)["id"]
            .as_i64()
            .unwrap_or(0);
    let w =
        json!({"email": "w@test.nl", "name": "Wim", "role": "family_worker", "team_ids": [team], "password": PASSWORD});
    admin.post("/api/v1/users", w).await.expect(201);
    let worker = Client::new(&base);
    worker.post("/api/v1/auth/login", json!({"email": "w@test.nl", "password": PASSWORD})).await.expect(200);
    let h = worker.post("/api/v1/households", household_body(district)).await.expect(201);
    let members: Vec<i64> =
        h["members"].as_array().map(|m| m.iter().filter_map(|x| x["id"].as_i64()).collect()).unwrap_or_default();
    let mut ids = Vec::new();
    for _ in 0..20 {
        let body = referral_body(h["id"].as_i64().unwrap_or(0), team, &members, "2026-11-02");
        ids.push(worker.post("/api/v1/cases", body).await.expect(201)["id"].as_i64().unwrap_or(0));
    }

    // Tuesday 31 March 2026: Good Friday (3 April, configured as a day off) and Easter Monday
    // do not count, so the 5th working day is Thursday 9 April (without the setting: the 8th).
    let body = referral_body(h["id"].as_i64().unwrap_or(0), team, &members, "2026-03-31");
    assert_eq!(worker.post("/api/v1/cases", body).await.expect(201)["intake_due_on"], "2026-04-09");

    server.kill().expect("kill -9"); // SIGKILL: no shutdown, no flush
    server.wait().expect("reap");
    let mut server = start();
    wait_ready(&base).await;
    let worker = Client::new(&base);
    worker.post("/api/v1/auth/login", json!({"email": "w@test.nl", "password": PASSWORD})).await.expect(200);
    for id in ids {
        assert_eq!(worker.get(&format!("/api/v1/cases/{id}")).await.expect(200)["status"], "referred");
    }
    server.kill().expect("stop");
    server.wait().expect("reap");
}

/// The half-year report printed to PDF by Debian's Chromium, for an analyst; refused for a
/// user who does not exist or may not read the scope, with one line and a non-zero exit.
#[tokio::test]
async fn the_half_year_report_is_printed_to_pdf_for_a_named_staff_member() {
    if !std::path::Path::new("/usr/bin/chromium").exists() {
        assert_ne!(std::env::var("CI").as_deref(), Ok("true"), "CI must have /usr/bin/chromium");
        eprintln!("skipped: /usr/bin/chromium is not installed");
        return;
    }
    let (t, _org) = crate::kpis::seven_cases().await;
    let dir = tempfile::tempdir().expect("dir");
    let pdf = dir.path().join("report.pdf");
    let pdf_arg = pdf.display().to_string();
    let reads_before = t.count("audit_log").await;
    let args = ["report", "half-year", "--start", "2026-04-01", "--as", "an@test.nl", "--out", pdf_arg.as_str()];
    let out = buurtteam(&t.url, &args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&pdf).expect("the PDF is written");
    assert!(bytes.starts_with(b"%PDF") && bytes.len() > 10_000, "a PDF of {} bytes", bytes.len());
    assert!(t.count("audit_log").await > reads_before, "the read is logged under the analyst's name");

    let out =
        buurtteam(&t.url, &["report", "half-year", "--start", "2026-04-01", "--as", "x@test.nl", "--out", "x.pdf"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(err.contains("no active staff member"), "{err}");
    // The admin may read no KPIs at all.
    let out =
        buurtteam(&t.url, &["report", "half-year", "--start", "2026-04-01", "--as", "admin@test.nl", "--out", "x.pdf"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("403"));
}

#[tokio::test]
async fn a_folder_of_markdown_becomes_articles_and_a_bad_file_imports_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let db = fresh_database_url(dir.path()).await;
    let out = buurtteam(&db, &["user", "add", "--email", "beheer@test.nl", "--name", "Bea Beheer", "--role", "admin"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let folder = dir.path().join("kennis");
    std::fs::create_dir_all(folder.join("geld")).expect("folder");
    std::fs::write(
        folder.join("scheiding.md"),
        "---\ntitle: Complexe scheidingen\nsummary: Wat je doet bij een vechtscheiding.\nlife_domains: parenting, safety\n\
         categories: Scheiding\n---\n\nBij echtscheidingen met **ruzie** over de kinderen: ...\n",
    )
    .expect("write");
    std::fs::write(folder.join("geld").join("schulden.md"), "# Schulden: eerste stappen\n\nBegin bij de post.\n")
        .expect("write");
    std::fs::write(folder.join("notities.txt"), "geen Markdown").expect("write");
    let out = buurtteam(&db, &["import", "knowledge", folder.to_str().unwrap_or_default()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("2 new"), "{said}");

    // Again, with one file changed: one new version, nothing doubled.
    std::fs::write(folder.join("geld").join("schulden.md"), "# Schulden: eerste stappen\n\nBegin bij de post. Bel.\n")
        .expect("write");
    let out =
        buurtteam(&db, &["import", "knowledge", folder.to_str().unwrap_or_default(), "--owner", "beheer@test.nl"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("0 new, 1 changed, 1 unchanged"), "{said}");

    // A file without a title: a non-zero exit, one line naming the file, nothing imported.
    std::fs::write(folder.join("kapot.md"), "Alleen tekst, geen kop.\n").expect("write");
    std::fs::write(folder.join("later.md"), "# Later\n\nDit komt er niet in.\n").expect("write");
    let out = buurtteam(&db, &["import", "knowledge", folder.to_str().unwrap_or_default()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(err.contains("kapot.md") && err.contains("title"), "{err}");
    let out = buurtteam(&db, &["import", "knowledge", dir.path().join("nergens").to_str().unwrap_or_default()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("nergens"));

    // What was imported can be found by a staff member.
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = Command::new(BIN)
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .env("DATABASE_URL", &db)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve");
    wait_ready(&base).await;
    let admin = Client::new(&base);
    admin.post("/api/v1/auth/login", json!({"email": "beheer@test.nl", "password": PASSWORD})).await.expect(200);
    let found = admin.get("/api/v1/knowledge?q=echtscheiding").await.expect(200);
    let titles: Vec<&str> =
        found["items"].as_array().into_iter().flatten().filter_map(|i| i["title"].as_str()).collect();
    assert_eq!(titles, vec!["Complexe scheidingen"]);
    let all = admin.get("/api/v1/knowledge?q=").await.expect(200);
    assert_eq!(all["items"].as_array().map(Vec::len), Some(2), "later.md was not imported: {all}");
    let _ = server.kill();
    let _ = server.wait();
}
