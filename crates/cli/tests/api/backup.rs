//! `buurtteam backup` (SQLite): a copy made while the server takes writes holds every write
//! acknowledged before it began, verifies, and serves again with the key (a restore drill).

use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use buurtteam_app::accounts::UserInput;
use buurtteam_app::secrets::{self, Keyring};
use buurtteam_app::{App, Settings, auth};
use buurtteam_store::Db;
use jiff::{SignedDuration, Timestamp};
use serde_json::json;

use crate::cli::{BIN, free_port, wait_ready};
use crate::harness::{Client, PASSWORD};

const WRITERS: usize = 4;
/// Each writer stops after this many writes at the latest.
const MAX_WRITES: usize = 400;

fn backup(db: &str, to: &str) -> std::process::Output {
    Command::new(BIN).args(["backup", "--to", to]).env("DATABASE_URL", db).output().expect("run buurtteam")
}

fn one_line(out: &std::process::Output) -> String {
    assert!(!out.status.success(), "expected a refusal");
    let err = String::from_utf8_lossy(&out.stderr);
    let ours: Vec<&str> = err.lines().filter(|l| l.starts_with("buurtteam:")).collect();
    assert_eq!(ours.len(), 1, "one line: {err}");
    ours[0].to_owned()
}

#[tokio::test]
async fn a_backup_taken_under_load_holds_every_acknowledged_write_verifies_and_serves_again() {
    if buurtteam_store::testing::postgres_admin_url().is_some() {
        eprintln!("skipped: `backup` copies SQLite databases (this run is on PostgreSQL)");
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("bt.db");
    let url = format!("sqlite://{}", file.display());
    let key_text = secrets::new_key();
    let key_file = dir.path().join("secret.key");
    std::fs::write(&key_file, format!("{key_text}\n")).expect("key file");
    let key = secrets::parse_key(&key_text, "key").expect("key");

    // The running server: its own writer on the file, as `serve` has.
    let db = Db::connect(&url).await.expect("connect");
    db.migrate().await.expect("migrate");
    let app = App::new(db, Settings::default()).with_secrets(Keyring::new(&key, &[]));
    // Before any real day, so the restored server's real clock finds fresh TOTP steps.
    app.clock.set(Timestamp::from_second(1_577_880_000).expect("ts"));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let served = app.clone();
    tokio::spawn(async move {
        let _ =
            buurtteam_web::serve(listener, served, buurtteam_web::WebConfig::default(), std::future::pending()).await;
    });
    let input = UserInput {
        email: Some("beheer@test.nl".into()),
        name: Some("Şule Yılmaz".into()),
        role: Some("admin".into()),
        partner_id: None,
        password: Some(PASSWORD.into()),
        ..UserInput::default()
    };
    let admin = buurtteam_app::accounts::create_user(&app, None, &input).await.expect("admin");
    let actor = auth::actor_of(&admin);
    let enrolment = auth::begin_enrolment(&app, &actor, "Buurtteam").await.expect("begin");
    let secret = enrolment.secret_base32;
    auth::confirm_enrolment(&app, &actor, &auth::current_code(&secret, app.now()).expect("code"))
        .await
        .expect("confirm");
    app.clock.advance(SignedDuration::from_secs(30));
    let code = auth::current_code(&secret, app.now()).expect("code");
    let client = Client::new(&base);
    client
        .post("/api/v1/auth/login", json!({"email": "beheer@test.nl", "password": PASSWORD, "totp_code": code}))
        .await
        .expect(200);

    // Writers: districts made through HTTP, each remembered once acknowledged (201).
    let client = Arc::new(client);
    let acknowledged = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let mut writers = Vec::new();
    for w in 0..WRITERS {
        let (client, acknowledged, stop) = (client.clone(), acknowledged.clone(), stop.clone());
        writers.push(tokio::spawn(async move {
            for i in 0..MAX_WRITES {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let name = format!("Wijk {w}-{i}");
                let r = client.post("/api/v1/districts", json!({ "name": name })).await;
                assert_eq!(r.status.as_u16(), 201, "{}", r.body);
                acknowledged.lock().expect("lock").push(name);
            }
        }));
    }
    while acknowledged.lock().expect("lock").len() < 20 {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let before: Vec<String> = acknowledged.lock().expect("lock").clone();
    let copy = dir.path().join("copies").join("bt-copy.db");
    std::fs::create_dir_all(copy.parent().expect("parent")).expect("dir");
    let copy_arg = copy.display().to_string();
    let (url_b, copy_b) = (url.clone(), copy_arg.clone());
    let out = tokio::task::spawn_blocking(move || backup(&url_b, &copy_b)).await.expect("backup");
    stop.store(true, Ordering::Relaxed);
    for w in writers {
        w.await.expect("writer");
    }
    let during = acknowledged.lock().expect("lock").len() - before.len();
    eprintln!("{} writes acknowledged before the backup began, {during} during or after it", before.len());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    let rows: u64 = said
        .trim()
        .strip_prefix(&format!("backup written: {copy_arg} ("))
        .and_then(|r| r.strip_suffix(" audit rows verified)"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("unexpected output: {said}"));
    assert!(rows >= before.len() as u64, "every district made has its audit row: {rows}");
    let leftovers: Vec<_> = std::fs::read_dir(copy.parent().expect("parent"))
        .expect("ls")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    assert_eq!(leftovers, vec!["bt-copy.db".to_owned()], "no temporary files left beside the copy");

    // Never over an existing file; PostgreSQL is pointed to its own tools.
    let err = one_line(&backup(&url, &copy_arg));
    assert!(err.contains("exists already"), "{err}");
    let err = one_line(&backup("postgres://bt@127.0.0.1:1/bt", &dir.path().join("pg.db").display().to_string()));
    assert!(err.contains("pg_basebackup") && err.contains("docs/operations.md"), "{err}");

    // The copy verifies by itself, too.
    let copy_url = format!("sqlite://{copy_arg}");
    let copy_db = Db::connect(&copy_url).await.expect("open copy");
    let verified = buurtteam_store::audit::chain::verify(&copy_db).await.expect("verify");
    assert!(verified.first_broken().is_none(), "{:?}", verified.first_broken());
    assert!(verified.rows >= rows);
    copy_db.close().await;

    // Restore drill: without the key the copy does not serve; with it, log in (password and
    // second factor) and find every write acknowledged before the backup began.
    let mut refused = Command::new(BIN)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env("DATABASE_URL", &copy_url)
        .env_remove("BUURTTEAM_SECRET_KEY")
        .env_remove("BUURTTEAM_SECRET_KEY_FILE")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("serve");
    let status = wait_or_kill(&mut refused);
    assert!(!status.success(), "no key: no server");
    let port = free_port();
    let restored = format!("http://127.0.0.1:{port}");
    let mut server = Command::new(BIN)
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .env("DATABASE_URL", &copy_url)
        .env("BUURTTEAM_SECRET_KEY_FILE", &key_file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve the copy");
    wait_ready(&restored).await;
    let c = Client::new(&restored);
    let code = auth::current_code(&secret, Timestamp::now()).expect("code");
    let logged_in =
        c.post("/api/v1/auth/login", json!({"email": "beheer@test.nl", "password": PASSWORD, "totp_code": code})).await;
    let listed = c.get("/api/v1/districts").await;
    server.kill().expect("stop");
    server.wait().expect("reap");
    assert_eq!(logged_in.status.as_u16(), 200, "{}", logged_in.body);
    let names: Vec<&str> = listed.body["items"]
        .as_array()
        .map(|a| a.iter().filter_map(|d| d["name"].as_str()).collect())
        .unwrap_or_default();
    let missing: Vec<&String> = before.iter().filter(|n| !names.contains(&n.as_str())).collect();
    assert!(missing.is_empty(), "acknowledged before the backup, missing from it: {missing:?}");
}

/// Waits up to a minute for a process that should exit by itself.
fn wait_or_kill(child: &mut std::process::Child) -> std::process::ExitStatus {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the process did not exit");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}
