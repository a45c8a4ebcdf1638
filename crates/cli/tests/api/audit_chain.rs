//! The log nobody can quietly change (issue 18, part A): a realistic log is written through the
//! API, then someone with write access to the database (triggers dropped or disabled) edits,
//! deletes, inserts and swaps rows, each on a fresh database; `buurtteam audit verify` (the real
//! binary) must exit non-zero naming the right row. A deleted tail whose recorded head was moved
//! back with it is caught against heads exported before (`audit heads`, `verify --heads`).

use std::process::Command;

use buurtteam_app::jobs::{Registry, Worker};
use serde_json::json;

use crate::cli::buurtteam;
use crate::harness::{TestApp, case, org, spawn};

/// A log as a day's work writes it: cases registered, read, an intake held, contacts
/// recorded, some refused reads.
async fn realistic_log() -> TestApp {
    let t = spawn().await;
    let o = org(&t).await;
    for day in ["2026-11-02", "2026-11-03", "2026-11-04"] {
        let id = case(&o.worker_a, o.district_a, o.team_a, day).await;
        let path = |step: &str| format!("/api/v1/cases/{id}{step}");
        o.worker_a.get(&path("")).await.expect(200);
        o.worker_a.post(&path("/intake"), json!({"held_on": day, "worker_id": o.worker_a_id})).await.expect(200);
        for minutes in [45, 60] {
            let contact = json!({"contact_on": day, "form": "home_visit", "minutes": minutes});
            o.worker_a.post(&path("/contacts"), contact).await.expect(201);
        }
        o.manager.get(&path("")).await.expect(200);
        o.worker_a.get(&path("/contacts")).await.expect(200);
        // Another team's worker is refused, and the refusal logged.
        o.worker_b.get(&path("")).await;
    }
    t
}

/// Runs `sql` as the attacker: with the guards of the log switched off first.
fn attack(url: &str, sql: &str) {
    let out = match url.strip_prefix("sqlite://") {
        Some(file) => Command::new("sqlite3")
            .args(["-bail", "-cmd", ".timeout 5000", file])
            .arg(format!(
                "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; \
                 DROP TRIGGER IF EXISTS audit_log_advance_head; {sql};"
            ))
            .output(),
        None => Command::new("psql")
            .arg(url)
            .args(["-v", "ON_ERROR_STOP=1", "-qc"])
            .arg(format!("BEGIN; ALTER TABLE audit_log DISABLE TRIGGER USER; {sql}; COMMIT;"))
            .output(),
    }
    .expect("run the database's own client");
    assert!(out.status.success(), "{sql}: {}", String::from_utf8_lossy(&out.stderr));
}

/// One value read with the database's own client.
fn query(url: &str, sql: &str) -> i64 {
    let out = match url.strip_prefix("sqlite://") {
        Some(file) => Command::new("sqlite3").args(["-cmd", ".timeout 5000", file, sql]).output(),
        None => Command::new("psql").arg(url).args(["-At", "-c", sql]).output(),
    }
    .expect("run the database's own client");
    let text = String::from_utf8_lossy(&out.stdout);
    text.trim().parse().unwrap_or_else(|_| panic!("{sql}: {text:?} {}", String::from_utf8_lossy(&out.stderr)))
}

/// The longest chain and its head's place (SQLite has one chain; PostgreSQL one per server
/// process), and the id of the row at `seq` in it.
fn longest_chain(url: &str) -> (i64, i64) {
    let chain = query(url, "SELECT chain FROM audit_chain_heads ORDER BY seq DESC, chain LIMIT 1");
    (chain, query(url, &format!("SELECT seq FROM audit_chain_heads WHERE chain = {chain}")))
}

fn row_at(url: &str, chain: i64, seq: i64) -> i64 {
    query(url, &format!("SELECT id FROM audit_log WHERE chain = {chain} AND seq = {seq}"))
}

/// `audit verify` must fail with one line naming `row`.
fn assert_caught(url: &str, args: &[&str], row: i64, what: &str) {
    let mut all = vec!["audit", "verify"];
    all.extend_from_slice(args);
    let out = buurtteam(url, &all);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{what}: not caught; {}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(out.status.code(), Some(1), "{what}: {err}");
    assert_eq!(err.trim().lines().count(), 1, "{what}: one line: {err}");
    let named = [" ", ":"].iter().any(|after| err.contains(&format!("row {row}{after}")));
    assert!(named, "{what}: names row {row}: {err}");
}

/// `audit verify` must pass with exactly one line, `N rows verified`.
fn assert_whole(t_url: &str, rows: i64) {
    let out = buurtteam(t_url, &["audit", "verify"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(stdout.trim(), format!("{rows} rows verified"), "exactly one line: {stdout:?}");
}

#[tokio::test]
async fn an_untouched_log_verifies_and_its_heads_export_as_json() {
    let t = realistic_log().await;
    let rows = t.count("audit_log").await;
    assert!(rows > 30, "a realistic log: {rows} rows");
    assert_whole(&t.url, rows);
    let out = buurtteam(&t.url, &["audit", "heads"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let heads: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(heads["at"].is_string() && heads["digest"].as_str().is_some_and(|d| d.len() == 64), "{heads}");
    let seqs: i64 = heads["heads"].as_array().expect("heads").iter().filter_map(|h| h["seq"].as_i64()).sum();
    assert_eq!(seqs, rows, "every row is in a chain: {heads}");
    // A heads file that is not one: one clear line.
    let dir = tempfile::tempdir().expect("dir");
    let bad = dir.path().join("heads.json");
    std::fs::write(&bad, "not json").expect("write");
    let out = buurtteam(&t.url, &["audit", "verify", "--heads", &bad.display().to_string()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.trim().lines().count() == 1 && err.contains("heads file"), "{err}");
}

#[tokio::test]
async fn an_edited_action_is_caught_at_its_row() {
    let t = realistic_log().await;
    let (chain, head) = longest_chain(&t.url);
    let row = row_at(&t.url, chain, head / 2);
    // Hiding a read (it now says something harmless happened), or making up one.
    attack(
        &t.url,
        &format!(
            "UPDATE audit_log SET action = CASE WHEN action = 'case.read' THEN 'auth.login' ELSE 'case.read' END \
             WHERE id = {row}"
        ),
    );
    assert_caught(&t.url, &[], row, "edited action");
}

#[tokio::test]
async fn an_edited_detail_is_caught_at_its_row() {
    let t = realistic_log().await;
    let (chain, head) = longest_chain(&t.url);
    let row = row_at(&t.url, chain, head / 2 + 1);
    attack(&t.url, &format!("UPDATE audit_log SET detail = '{{\"minutes\":5}}' WHERE id = {row}"));
    assert_caught(&t.url, &[], row, "edited detail");
}

#[tokio::test]
async fn a_row_deleted_in_the_middle_is_caught_at_the_row_after_it() {
    let t = realistic_log().await;
    let (chain, head) = longest_chain(&t.url);
    let deleted = row_at(&t.url, chain, head / 2);
    let next = row_at(&t.url, chain, head / 2 + 1);
    attack(&t.url, &format!("DELETE FROM audit_log WHERE id = {deleted}"));
    assert_caught(&t.url, &[], next, "deleted row");
}

#[tokio::test]
async fn forged_rows_are_caught_with_and_without_a_place_in_a_chain() {
    let t = realistic_log().await;
    let rows = t.count("audit_log").await;
    assert_whole(&t.url, rows);
    // Without chain, place or hash: a row slipped in around the application.
    attack(
        &t.url,
        "INSERT INTO audit_log (occurred_at, action, object_type, object_id, detail) \
         VALUES ('2026-11-04T09:00:00Z', 'case.read', 'case', 1, '{}')",
    );
    let forged = query(&t.url, "SELECT MAX(id) FROM audit_log");
    assert_caught(&t.url, &[], forged, "forged row without a chain");
    attack(&t.url, &format!("DELETE FROM audit_log WHERE id = {forged}"));
    assert_whole(&t.url, rows);

    // With a place after the head and a made-up hash.
    let (chain, head) = longest_chain(&t.url);
    let hash = "ab".repeat(32);
    attack(
        &t.url,
        &format!(
            "INSERT INTO audit_log (occurred_at, action, object_type, object_id, detail, chain, seq, hash, detail_digest, detail_salt) \
             VALUES ('2026-11-04T09:00:00Z', 'case.read', 'case', 1, '{{}}', {chain}, {}, '{hash}', '{hash}', 'zout')",
            head + 1
        ),
    );
    let forged = query(&t.url, "SELECT MAX(id) FROM audit_log");
    assert_caught(&t.url, &[], forged, "forged row with a place");
    // And with the recorded head moved along to it.
    attack(&t.url, &format!("UPDATE audit_chain_heads SET seq = {}, hash = '{hash}' WHERE chain = {chain}", head + 1));
    assert_caught(&t.url, &[], forged, "forged row with a place and the head moved");
}

#[tokio::test]
async fn a_deleted_tail_is_caught_and_with_its_head_moved_back_against_exported_heads() {
    let t = realistic_log().await;
    let dir = tempfile::tempdir().expect("dir");
    let heads_file = dir.path().join("heads.json");
    let out = buurtteam(&t.url, &["audit", "heads"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::write(&heads_file, &out.stdout).expect("keep the heads elsewhere");
    let heads_arg = heads_file.display().to_string();
    let rows = t.count("audit_log").await;
    // Against the heads just exported, the whole log verifies.
    let out = buurtteam(&t.url, &["audit", "verify", "--heads", &heads_arg]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let (chain, head) = longest_chain(&t.url);
    let last_kept = row_at(&t.url, chain, head - 2);
    attack(&t.url, &format!("DELETE FROM audit_log WHERE chain = {chain} AND seq > {}", head - 2));
    assert_caught(&t.url, &[], last_kept, "deleted tail");

    // The head moved back as well: nothing inside the database shows it any more …
    attack(
        &t.url,
        &format!(
            "UPDATE audit_chain_heads SET seq = {s}, hash = (SELECT hash FROM audit_log WHERE chain = {chain} AND seq = {s}) \
             WHERE chain = {chain}",
            s = head - 2
        ),
    );
    assert_whole(&t.url, rows - 2);
    // … but the heads kept elsewhere do.
    assert_caught(&t.url, &["--heads", &heads_arg], last_kept, "deleted tail, head moved back");
}

const CONTENT: &str = "occurred_at, actor_user_id, actor_role, action, object_type, object_id, case_id, household_id, \
     client_id, acting_for_person_id, goal_id, session_ref, detail";
const LINK: &str = "chain, seq, hash, detail_digest, detail_salt";

/// Swaps the columns `columns` of rows `a` and `b` (their places moved aside first, so the
/// unique place index does not object).
fn swap(url: &str, a: i64, b: i64, columns: &str) {
    let sql = format!(
        "CREATE TEMP TABLE swapped AS SELECT id, {columns} FROM audit_log WHERE id IN ({a}, {b}); \
         UPDATE audit_log SET seq = -seq WHERE id IN ({a}, {b}); \
         UPDATE audit_log SET ({columns}) = (SELECT {columns} FROM swapped WHERE swapped.id = {b}) WHERE id = {a}; \
         UPDATE audit_log SET ({columns}) = (SELECT {columns} FROM swapped WHERE swapped.id = {a}) WHERE id = {b}; \
         UPDATE audit_log SET seq = -seq WHERE seq < 0"
    );
    attack(url, &sql);
}

#[tokio::test]
async fn two_rows_with_their_contents_swapped_are_caught() {
    let t = realistic_log().await;
    let (chain, head) = longest_chain(&t.url);
    let (a, b) = (row_at(&t.url, chain, head / 2), row_at(&t.url, chain, head / 2 + 2));
    // Their contents only: each no longer matches its hash; the first in the chain is named.
    swap(&t.url, a, b, CONTENT);
    assert_caught(&t.url, &[], a, "contents swapped");

    // Their contents with their links (everything but the id): the chain reads as before in
    // place order, but the ids no longer follow it.
    let t = realistic_log().await;
    let (chain, head) = longest_chain(&t.url);
    let (a, b) = (row_at(&t.url, chain, head / 2), row_at(&t.url, chain, head / 2 + 2));
    swap(&t.url, a, b, &format!("{CONTENT}, {LINK}"));
    assert_caught(&t.url, &[], b, "rows swapped whole");
}

/// The page's text for a client of `path`.
async fn page(c: &crate::harness::Client, path: &str) -> (u16, String) {
    let r = c.http.get(format!("{}{path}", c.base)).send().await.expect("get");
    (r.status().as_u16(), r.text().await.expect("body"))
}

/// The daily job verifies and keeps the outcome; the privacy officer sees it on /privacy/log
/// and in the API, runs a check with "Nu controleren", downloads the heads; after a break the
/// admin and privacy start pages raise the alert naming the row, and two days without a
/// verification raise it too.
#[tokio::test]
async fn the_daily_verification_is_kept_shown_and_alerts_the_admin_and_privacy_pages_on_a_break() {
    let t = realistic_log().await;
    t.create_user(None, "fg@test.nl", "Şahin Öztürk", "privacy_officer", &[]).await;
    let officer = t.login("fg@test.nl").await;
    let admin = t.login("admin@test.nl").await;
    let worker = t.login("a@test.nl").await;
    let api = "/api/v1/privacy/audit-verifications";
    assert_eq!(officer.get(api).await.expect(200)["items"], json!([]));
    admin.get(api).await.problem(403);
    worker.get(api).await.problem(403);
    let (status, _) = page(&worker, "/privacy/log").await;
    assert_eq!(status, 403);

    // The job runs in the worker's first round, and once per day.
    let worker_of_jobs = Worker::new(t.app.clone(), Registry::builtin());
    worker_of_jobs.run_due().await.expect("run");
    let rows = t.count("audit_log").await;
    let list = officer.get(api).await.expect(200);
    let v = &list["items"][0];
    assert_eq!(
        (v["whole"].as_bool(), v["rows"].as_i64(), v["ran_by_id"].is_null()),
        (Some(true), Some(rows), true),
        "{v}"
    );
    assert!(v["first_broken"].is_null() && v["heads_digest"].as_str().is_some_and(|d| d.len() == 64), "{v}");
    assert!(!page(&admin, "/admin").await.1.contains("integrity-alert"), "no alert while all is well");

    // The page, its button (with the session's token) and the download of the heads.
    let (status, html) = page(&officer, "/privacy/log").await;
    assert_eq!(status, 200);
    assert!(html.contains("Nu controleren") && html.contains("Dagelijkse controle"), "{html}");
    let token = crate::pages::csrf(&html);
    let r = officer.http.post(format!("{}/privacy/log/verify", t.base)).form(&[("_csrf", token.as_str())]).send().await;
    let r = r.expect("post");
    assert_eq!(r.url().path(), "/privacy/log");
    assert!(r.text().await.expect("body").contains("Şahin Öztürk"), "the check names who ran it");
    assert_eq!(officer.get(api).await.expect(200)["items"].as_array().map(Vec::len), Some(2));
    let r = officer.http.get(format!("{}/privacy/log/heads.json", t.base)).send().await.expect("get");
    assert!(r.headers()["content-disposition"].to_str().is_ok_and(|d| d.starts_with("attachment")));
    let heads: serde_json::Value = r.json().await.expect("JSON");
    assert_eq!(heads["heads"].as_array().map(|h| h.iter().filter_map(|h| h["seq"].as_i64()).sum()), Some(rows));

    // A row edited around the application: the next daily run finds it, and both start pages
    // say so, naming the row.
    let (chain, head) = longest_chain(&t.url);
    let row = row_at(&t.url, chain, head / 2);
    attack(&t.url, &format!("UPDATE audit_log SET detail = '{{}}' WHERE id = {row}"));
    t.app.clock.advance(jiff::SignedDuration::from_hours(24));
    worker_of_jobs.run_due().await.expect("run");
    // (A day later: new sessions.)
    let (officer, admin) = (t.login("fg@test.nl").await, t.login("admin@test.nl").await);
    let v = officer.get(api).await.expect(200)["items"][0].clone();
    assert_eq!(v["whole"], false, "{v}");
    assert_eq!(v["first_broken"]["id"], row, "{v}");
    assert_eq!(v["first_broken"]["problem"], "detail_altered", "{v}");
    for (client, path) in [(&admin, "/admin"), (&officer, "/privacy"), (&officer, "/privacy/log")] {
        let (status, html) = page(client, path).await;
        assert_eq!(status, 200, "{path}");
        assert!(html.contains("integrity-alert") && html.contains(&format!("regel {row} ")), "{path}: {html}");
    }

    // Two days without a verification (the server's jobs stopped, say) raise the alert too.
    let t = realistic_log().await;
    let admin = t.login("admin@test.nl").await;
    Worker::new(t.app.clone(), Registry::builtin()).run_due().await.expect("run");
    assert!(!page(&admin, "/admin").await.1.contains("integrity-alert"));
    t.app.clock.advance(jiff::SignedDuration::from_hours(49));
    let html = page(&t.login("admin@test.nl").await, "/admin").await.1;
    assert!(html.contains("integrity-alert") && html.contains("48 uur"), "{html}");
}
