//! Secrets at rest (decision 0026): the TOTP secret is stored encrypted and bound to its row,
//! the TOTP log-in works through HTTP, rotation moves every value to the new key, and a server
//! refuses to start without the key, or with the wrong one.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use buurtteam_app::secrets::{self, Keyring};
use buurtteam_app::{App, Settings, auth};
use buurtteam_domain::ids::UserId;
use buurtteam_store::secrets::{Column, Stored};
use jiff::{SignedDuration, Timestamp};
use serde_json::json;

use crate::cli::BIN;
use crate::harness::{Client, PASSWORD, TestApp, spawn_configured};

/// A fresh key: its text (as a key file holds it) and its bytes.
fn new_key() -> (String, [u8; 32]) {
    let text = secrets::new_key();
    let bytes = secrets::parse_key(&text, "test key").expect("key");
    (text, bytes)
}

/// A key file as `buurtteam secrets new-key` writes one.
fn key_file(dir: &std::path::Path, name: &str, key: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, format!("{key}\n")).expect("key file");
    path.display().to_string()
}

async fn spawn_with_key(key: &[u8; 32]) -> TestApp {
    let key = *key;
    let t = spawn_configured(Settings::default(), move |app, _| app.with_secrets(Keyring::new(&key, &[]))).await;
    // Codes of an authenticator app follow the clock: a fixed one, whatever the day.
    t.app.clock.set(Timestamp::from_second(1_780_000_000).expect("ts"));
    t
}

/// Sets up the second factor of `email` (as its owner would on the account page); returns the
/// base32 secret.
async fn enrol(t: &TestApp, email: &str) -> (UserId, String) {
    let mut tx = t.app.db.begin_read().await.expect("tx");
    let creds = buurtteam_store::credentials::by_email(&mut tx, email).await.expect("creds").expect("user");
    let user = buurtteam_store::organisation::get_user(&mut tx, creds.user_id).await.expect("user").expect("exists");
    drop(tx);
    let actor = auth::actor_of(&user);
    let enrolment = auth::begin_enrolment(&t.app, &actor, "Buurtteam").await.expect("begin");
    let code = auth::current_code(&enrolment.secret_base32, t.app.now()).expect("code");
    auth::confirm_enrolment(&t.app, &actor, &code).await.expect("confirm");
    (user.id, enrolment.secret_base32)
}

/// The TOTP secrets as stored, by user.
async fn stored_totp(app: &App) -> Vec<Stored> {
    let mut tx = app.db.begin_read().await.expect("tx");
    buurtteam_store::secrets::all(&mut tx, Column::TotpSecret).await.expect("stored")
}

/// Logs in with password and a fresh code (the clock moves a step on, so each code is new).
async fn login_with_code(base: &str, app: &App, email: &str, secret: &str) -> u16 {
    app.clock.advance(SignedDuration::from_secs(30));
    let code = auth::current_code(secret, app.now()).expect("code");
    let c = Client::new(base);
    c.post("/api/v1/auth/login", json!({ "email": email, "password": PASSWORD, "totp_code": code }))
        .await
        .status
        .as_u16()
}

#[tokio::test]
async fn the_totp_secret_is_stored_encrypted_bound_to_its_row_and_still_logs_in() {
    let ((_, key_1), (_, key_2)) = (new_key(), new_key());
    let t = spawn_with_key(&key_1).await;
    t.create_user(None, "fatma@test.nl", "Fatma Öztürk", "admin", &[]).await;
    let (admin, secret) = enrol(&t, "admin@test.nl").await;
    let (fatma, fatma_secret) = enrol(&t, "fatma@test.nl").await;

    // What a copy of the database holds: no base32 secret, only a value naming its key.
    let stored = stored_totp(&t.app).await;
    assert_eq!(stored.len(), 2);
    let key_id = Keyring::new(&key_1, &[]).current_id().expect("id").to_owned();
    for s in &stored {
        assert!(s.value.starts_with(&format!("v1:{key_id}:")), "{}", s.value);
        assert!(!s.value.contains(&secret) && !s.value.contains(&fatma_secret), "no secret in {}", s.value);
        assert!(!s.value.contains(&secret[..8]), "not even a part of it");
    }
    // Without the key, or with another, the copy does not give the secret.
    let admin_row = admin.0.to_string();
    let mine = stored.iter().find(|s| s.row == admin_row).expect("admin's row");
    assert_eq!(Keyring::none().open(secrets::totp_place(&admin_row), &mine.value), Err(secrets::SecretError::NoKey));
    assert!(matches!(
        Keyring::new(&key_2, &[]).open(secrets::totp_place(&admin_row), &mine.value),
        Err(secrets::SecretError::UnknownKey { .. })
    ));

    // With the key the log-in works as before: the code is asked, checked, and opens a session.
    let c = Client::new(&t.base);
    c.post("/api/v1/auth/login", json!({ "email": "admin@test.nl", "password": PASSWORD })).await.problem(401);
    assert_eq!(login_with_code(&t.base, &t.app, "admin@test.nl", &secret).await, 200);
    assert_eq!(login_with_code(&t.base, &t.app, "fatma@test.nl", &fatma_secret).await, 200);

    // Fatma's row given the admin's encrypted secret: it does not decrypt there, so the
    // admin's codes do not open Fatma's account (nor do her own: her secret is gone).
    let fatma_row = stored.iter().find(|s| s.row == fatma.0.to_string()).expect("fatma's row").clone();
    let mut tx = t.app.db.begin().await.expect("tx");
    assert!(buurtteam_store::secrets::replace(&mut tx, &fatma_row, &mine.value).await.expect("moved"));
    tx.commit().await.expect("commit");
    for s in [&secret, &fatma_secret] {
        let status = login_with_code(&t.base, &t.app, "fatma@test.nl", s).await;
        assert_ne!(status, 200, "a moved secret opens nothing");
    }
    assert_eq!(login_with_code(&t.base, &t.app, "admin@test.nl", &secret).await, 200, "the admin's own row is intact");
}

#[tokio::test]
async fn rotation_moves_every_secret_to_the_new_key_and_the_old_key_is_no_longer_needed() {
    let ((text_1, key_1), (text_2, key_2)) = (new_key(), new_key());
    let t = spawn_with_key(&key_1).await;
    let (_, secret) = enrol(&t, "admin@test.nl").await;
    let dir = tempfile::tempdir().expect("dir");
    let (old, new) = (key_file(dir.path(), "old.key", &text_1), key_file(dir.path(), "new.key", &text_2));
    let new_id = Keyring::new(&key_2, &[]).current_id().expect("id").to_owned();

    // Without the old key nothing can be re-encrypted: refused, naming what failed.
    let out = rotate(&t.url, &new, None);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(err.contains("could not be decrypted") && err.contains("users.totp_secret"), "{err}");

    let out = rotate(&t.url, &new, Some(&old));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains(&format!("1 secrets re-encrypted with key {new_id}")), "{said}");
    let census = secrets::census(&t.app).await.expect("census");
    assert_eq!(census.by_key.keys().collect::<Vec<_>>(), vec![&new_id], "nothing under the old key");
    assert_eq!(census.plain, 0);

    // A server with only the new key logs the admin in with the same authenticator app.
    let only_new = t.app.clone().with_secrets(Keyring::new(&key_2, &[]));
    secrets::seal_plaintext(&only_new).await.expect("the new key fits the database");
    let (base, _server) = serve(&only_new).await;
    assert_eq!(login_with_code(&base, &only_new, "admin@test.nl", &secret).await, 200);
    // ... and one with only the old key does not start.
    let only_old = t.app.clone().with_secrets(Keyring::new(&key_1, &[]));
    let refused = secrets::seal_plaintext(&only_old).await.expect_err("the old key no longer fits");
    assert!(refused.to_string().contains(&new_id), "names the key it needs: {refused}");
}

#[tokio::test]
async fn serve_refuses_to_start_without_the_key_or_with_the_wrong_one_in_one_line() {
    let ((_, key_1), (text_2, _)) = (new_key(), new_key());
    let t = spawn_with_key(&key_1).await;
    enrol(&t, "admin@test.nl").await;
    let dir = tempfile::tempdir().expect("dir");
    let wrong = key_file(dir.path(), "wrong.key", &text_2);
    let right_id = Keyring::new(&key_1, &[]).current_id().expect("id").to_owned();

    let err = refused_serve(&t.url, None);
    assert!(err.contains("encrypted secrets") && err.contains("BUURTTEAM_SECRET_KEY_FILE"), "{err}");
    let err = refused_serve(&t.url, Some(&wrong));
    assert!(err.contains(&format!("key {right_id}")) && err.contains("not given"), "{err}");
    let err = refused_serve(&t.url, Some("/nonexistent/buurtteam.key"));
    assert!(err.contains("/nonexistent/buurtteam.key"), "{err}");
}

/// `buurtteam secrets rotate` with the new key and perhaps the old one.
fn rotate(db: &str, new: &str, old: Option<&str>) -> std::process::Output {
    let mut cmd = Command::new(BIN);
    cmd.args(["secrets", "rotate"])
        .env("DATABASE_URL", db)
        .env("BUURTTEAM_SECRET_KEY_FILE", new)
        .env_remove("BUURTTEAM_SECRET_KEY")
        .env_remove("BUURTTEAM_SECRET_KEY_OLD_FILES");
    if let Some(old) = old {
        cmd.env("BUURTTEAM_SECRET_KEY_OLD_FILES", old);
    }
    cmd.output().expect("run buurtteam")
}

/// Starts `serve` on `db` with this key file (or none), expects it to exit non-zero before it
/// serves, and returns its one line on stderr.
fn refused_serve(db: &str, key: Option<&str>) -> String {
    let mut cmd = Command::new(BIN);
    cmd.args(["serve", "--listen", "127.0.0.1:0"])
        .env("DATABASE_URL", db)
        .env_remove("BUURTTEAM_SECRET_KEY")
        .env_remove("BUURTTEAM_SECRET_KEY_FILE")
        .env_remove("BUURTTEAM_SECRET_KEY_OLD_FILES")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(key) = key {
        cmd.env("BUURTTEAM_SECRET_KEY_FILE", key);
    }
    let mut child = cmd.spawn().expect("start serve");
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("serve started where it should have refused");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let out = child.wait_with_output().expect("output");
    assert!(!status.success());
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let ours: Vec<&str> = err.lines().filter(|l| l.starts_with("buurtteam:")).collect();
    assert_eq!(ours.len(), 1, "one line: {err}");
    ours[0].to_owned()
}

/// Serves `app` on a port of its own (for as long as the test runs).
async fn serve(app: &App) -> (String, tokio::task::JoinHandle<std::io::Result<()>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let task = tokio::spawn(buurtteam_web::serve(
        listener,
        app.clone(),
        buurtteam_web::WebConfig::default(),
        std::future::pending(),
    ));
    (base, task)
}

#[tokio::test]
async fn secrets_stored_in_plain_text_before_are_encrypted_when_the_server_starts() {
    let (_, key) = new_key();
    let t = spawn_with_key(&key).await;
    let (admin, secret) = enrol(&t, "admin@test.nl").await;
    // As a database from before decision 0026 holds it: the base32 secret itself.
    let sealed = stored_totp(&t.app).await.remove(0);
    let mut tx = t.app.db.begin().await.expect("tx");
    assert!(buurtteam_store::secrets::replace(&mut tx, &sealed, &secret).await.expect("plain"));
    tx.commit().await.expect("commit");
    assert_eq!(secrets::census(&t.app).await.expect("census").plain, 1);

    // A server without a key does not start on it (nor leaves it in plain text) ...
    let err = secrets::seal_plaintext(&t.app.clone().with_secrets(Keyring::none())).await.expect_err("refused");
    assert!(
        err.to_string().contains("1 unencrypted") && err.to_string().contains("BUURTTEAM_SECRET_KEY_FILE"),
        "{err}"
    );
    // ... one with a key encrypts it, once, and the same authenticator app still logs in.
    assert_eq!(secrets::seal_plaintext(&t.app).await.expect("sealed"), 1);
    assert_eq!(secrets::seal_plaintext(&t.app).await.expect("nothing left"), 0);
    let now = stored_totp(&t.app).await.remove(0);
    assert_eq!(now.row, admin.0.to_string());
    assert!(secrets::is_sealed(&now.value) && !now.value.contains(&secret), "{}", now.value);
    assert_eq!(login_with_code(&t.base, &t.app, "admin@test.nl", &secret).await, 200);
}

#[test]
fn new_key_writes_a_key_for_its_owner_only_and_never_over_a_file() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("secret.key");
    let file = path.display().to_string();
    let out = Command::new(BIN).args(["secrets", "new-key", "--to", &file]).output().expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let key = secrets::parse_key(&std::fs::read_to_string(&path).expect("read"), "the file").expect("a key");
    let id = Keyring::new(&key, &[]).current_id().expect("id").to_owned();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), format!("key written: {file} (key id {id})"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777, 0o600);
    }
    let again = Command::new(BIN).args(["secrets", "new-key", "--to", &file]).output().expect("run");
    assert!(!again.status.success());
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(err.trim().lines().count() == 1 && err.contains(&file), "{err}");
    let kept = secrets::parse_key(&std::fs::read_to_string(&path).expect("read"), "the file").expect("a key");
    assert_eq!(kept, key, "the first key is kept");
}
