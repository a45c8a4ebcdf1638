//! Fail closed: the database's disk fills up while referrals keep coming in. Every write is
//! answered 201 (and then it survives `kill -9`) or 503 with `Retry-After` (and then it is not
//! there): never a 500, never an acknowledged write that is lost. `/readyz` says 503 while
//! the disk is full; once space is freed the same server takes writes and log-ins again.
//!
//! The disk is a small tmpfs mounted for the test (root only): the SQLite file lives on it, or
//! on PostgreSQL a tablespace that holds the test database. Also here: a second `serve` on one
//! SQLite file, and a database locked by another process.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use serde_json::json;

use crate::cli::{BIN, buurtteam, free_port, wait_ready};
use crate::harness::{Client, PASSWORD, household_body, referral_body};

/// A tmpfs of a given size, unmounted (lazily, in case a process still holds a file) on drop.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// Mounts one, or says why it cannot: the test needs root (CI runs as root). Outside CI
    /// the test is skipped with a warning; with `CI=true` nothing may be skipped.
    fn mount(size: &str) -> Option<Self> {
        let dir = tempfile::tempdir().expect("dir");
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size},mode=0777"), "tmpfs"])
            .arg(dir.path())
            .output();
        match out {
            Ok(o) if o.status.success() => Some(Self { dir }),
            other => {
                let why = match other {
                    Ok(o) => String::from_utf8_lossy(&o.stderr).trim().to_owned(),
                    Err(e) => e.to_string(),
                };
                assert_ne!(std::env::var("CI").as_deref(), Ok("true"), "CI must be able to mount a tmpfs: {why}");
                eprintln!("skipped: cannot mount a tmpfs ({why}); run as root");
                None
            }
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills the file system to the last byte, then frees `leave` bytes of it.
    fn fill(&self, leave: u64) {
        use std::io::Write;
        let path = self.path().join("filler");
        let mut f = std::fs::OpenOptions::new().create(true).append(true).open(&path).expect("filler");
        let chunk = vec![0x55_u8; 64 * 1024];
        while f.write_all(&chunk).is_ok() {}
        let mut small = vec![0x55_u8; 512];
        while !small.is_empty() {
            if f.write_all(&small).is_err() {
                small.truncate(small.len() / 2);
            }
        }
        let len = f.metadata().expect("len").len();
        f.set_len(len.saturating_sub(leave)).expect("free a little");
    }

    fn free(&self) {
        std::fs::remove_file(self.path().join("filler")).expect("free the disk");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.dir.path()).status();
    }
}

/// The test database on the small file system: an SQLite file on it, or a PostgreSQL database
/// in a tablespace on it (`None`: PostgreSQL cannot use the tmpfs here).
///
/// On PostgreSQL the test starts a cluster of its own (scripts/pg-temp) rather than using the
/// shared test server: while the tablespace is full, that server's checkpoints and buffer
/// evictions fail, and with them every other test's `CREATE DATABASE`.
fn database_on(disk: &Tmpfs) -> Option<(String, Option<Cluster>)> {
    if buurtteam_store::testing::postgres_admin_url().is_none() {
        return Some((format!("sqlite://{}", disk.path().join("bt.db").display()), None));
    }
    let cluster = match Cluster::start() {
        Ok(c) => c,
        Err(why) => {
            assert_ne!(std::env::var("CI").as_deref(), Ok("true"), "CI must be able to start PostgreSQL: {why}");
            eprintln!("skipped: no PostgreSQL cluster of its own ({why})");
            return None;
        }
    };
    // PostgreSQL refuses to run as root; its files belong to the `postgres` user.
    let _ = Command::new("chown").arg("postgres:").arg(disk.path()).status();
    let sql = format!("CREATE TABLESPACE full_disk LOCATION '{}'", disk.path().display());
    if let Err(why) = psql(&cluster.admin, &sql) {
        assert_ne!(std::env::var("CI").as_deref(), Ok("true"), "CI must be able to make a tablespace: {why}");
        eprintln!("skipped: no tablespace on the tmpfs ({why})");
        return None;
    }
    let url = buurtteam_store::testing::create_postgres_database_in(&cluster.admin, "bt_full", Some("full_disk"));
    Some((url, Some(cluster)))
}

fn psql(url: &str, sql: &str) -> Result<(), String> {
    let out = Command::new("psql").arg(url).arg("-qc").arg(sql).output().map_err(|e| e.to_string())?;
    if out.status.success() { Ok(()) } else { Err(String::from_utf8_lossy(&out.stderr).into_owned()) }
}

/// A throwaway PostgreSQL cluster for this test alone, stopped (and its files removed) on drop,
/// before the tmpfs goes.
struct Cluster {
    dir: PathBuf,
    admin: String,
}

impl Cluster {
    fn start() -> Result<Self, String> {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/pg-temp");
        let dir = std::env::temp_dir().join(format!("buurtteam-full-pg-{}-{}", std::process::id(), free_port()));
        let out = Command::new(script)
            .arg("start")
            .arg(&dir)
            .arg(free_port().to_string())
            .output()
            .map_err(|e| e.to_string())?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).trim().to_owned());
        }
        let admin = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        Ok(Self { dir, admin })
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/pg-temp");
        let _ = Command::new(script).arg("stop").arg(&self.dir).status();
    }
}

/// A server process, killed when the test ends, also when it fails halfway.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(db: &str, port: u16) -> Server {
    Server(
        Command::new(BIN)
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .env("DATABASE_URL", db)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start server"),
    )
}

fn stop(mut server: Server) {
    server.0.kill().expect("kill -9"); // SIGKILL: no shutdown, no flush
    server.0.wait().expect("reap");
}

async fn readyz(base: &str) -> u16 {
    reqwest::get(format!("{base}/readyz")).await.map(|r| r.status().as_u16()).unwrap_or(0)
}

/// Polls `/readyz` (a probe result is reused for a second) until it answers `status`.
async fn until_readyz(base: &str, status: u16) -> bool {
    for _ in 0..50 {
        if readyz(base).await == status {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    false
}

/// A district, a team in it, and a logged-in family worker of that team.
async fn organisation(base: &str) -> (Client, i64, i64) {
    let admin = Client::new(base);
    admin.post("/api/v1/auth/login", json!({"email": "beheer@test.nl", "password": PASSWORD})).await.expect(200);
    let district =
        admin.post("/api/v1/districts", json!({"name": "Oost"})).await.expect(201)["id"].as_i64().unwrap_or(0);
    let team =
        admin.post("/api/v1/teams", json!({"name": "Buurtteam Oost", "district_id": district})).await.expect(201)["id"]
            .as_i64()
            .unwrap_or(0);
    let w = json!({"email": "w@test.nl", "name": "Wim Şahin", "role": "family_worker", "team_ids": [team],
        "password": PASSWORD});
    admin.post("/api/v1/users", w).await.expect(201);
    let worker = Client::new(base);
    worker.post("/api/v1/auth/login", json!({"email": "w@test.nl", "password": PASSWORD})).await.expect(200);
    (worker, district, team)
}

/// What became of a batch of referrals: the ids acknowledged with 201, and how many got 503.
#[derive(Default)]
struct Outcome {
    acknowledged: Vec<i64>,
    refused: usize,
}

/// Sends `n` referrals from `parallel` clients at once; anything but 201 or a 503 problem
/// with `Retry-After` fails the test.
async fn refer(worker: &Arc<Client>, household: i64, team: i64, members: &[i64], n: usize) -> Outcome {
    let referred_on = jiff::Zoned::now().date().yesterday().expect("yesterday").to_string();
    let mut tasks = Vec::new();
    for _ in 0..n {
        let (w, body) = (worker.clone(), referral_body(household, team, members, &referred_on));
        tasks.push(tokio::spawn(async move { w.post("/api/v1/cases", body).await }));
    }
    let mut out = Outcome::default();
    for t in tasks {
        let r = t.await.expect("join");
        match r.status.as_u16() {
            201 => out.acknowledged.push(r.body["id"].as_i64().expect("id")),
            503 => {
                assert!(r.headers.contains_key("retry-after"), "503 without Retry-After");
                r.problem(503);
                out.refused += 1;
            }
            s => panic!("a write answered {s}: {}", r.body),
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_full_disk_loses_no_acknowledged_write_and_the_server_recovers() {
    let Some(disk) = Tmpfs::mount("24m") else { return };
    let Some((db, _cluster)) = database_on(&disk) else { return };
    let out = buurtteam(&db, &["user", "add", "--email", "beheer@test.nl", "--name", "Bea", "--role", "admin"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let server = start(&db, port);
    wait_ready(&base).await;
    let (worker, district, team) = organisation(&base).await;
    let h = worker.post("/api/v1/households", household_body(district)).await.expect(201);
    let hid = h["id"].as_i64().unwrap_or(0);
    let members: Vec<i64> =
        h["members"].as_array().map(|m| m.iter().filter_map(|x| x["id"].as_i64()).collect()).unwrap_or_default();
    let worker = Arc::new(worker);
    let mut acknowledged = refer(&worker, hid, team, &members, 20).await.acknowledged;
    assert_eq!(acknowledged.len(), 20, "with room on the disk every write succeeds");

    // The disk fills up while referrals keep coming in, sixteen at a time.
    disk.fill(128 * 1024);
    let mut refused = 0;
    for _ in 0..40 {
        let batch = refer(&worker, hid, team, &members, 16).await;
        acknowledged.extend(batch.acknowledged);
        refused += batch.refused;
        if refused >= 48 {
            break;
        }
    }
    assert!(refused >= 48, "the full disk refused only {refused} writes");
    disk.fill(0);
    assert!(until_readyz(&base, 503).await, "/readyz must say 503 while the disk is full");
    let batch = refer(&worker, hid, team, &members, 16).await;
    acknowledged.extend(batch.acknowledged);

    // Space is freed: the same server takes log-ins and writes again, without a restart.
    disk.free();
    assert!(until_readyz(&base, 200).await, "/readyz must recover once there is room");
    let again = Client::new(&base);
    again.post("/api/v1/auth/login", json!({"email": "w@test.nl", "password": PASSWORD})).await.expect(200);
    again.get("/api/v1/cases").await.expect(200);
    let after = refer(&worker, hid, team, &members, 10).await;
    assert_eq!(after.acknowledged.len(), 10, "after freeing space every write succeeds");
    acknowledged.extend(after.acknowledged);

    // Every acknowledged write survives kill -9, and nothing else is there.
    stop(server);
    let server = start(&db, port);
    wait_ready(&base).await;
    let worker = Client::new(&base);
    worker.post("/api/v1/auth/login", json!({"email": "w@test.nl", "password": PASSWORD})).await.expect(200);
    for id in &acknowledged {
        assert_eq!(worker.get(&format!("/api/v1/cases/{id}")).await.expect(200)["status"], "referred", "case {id}");
    }
    stop(server);
    let store = buurtteam_store::Db::connect(&db).await.expect("connect");
    assert_eq!(
        store.count_rows("cases").await.expect("count"),
        acknowledged.len() as i64,
        "only what was acknowledged"
    );
    store.close().await;
}

/// A second server on one SQLite file refuses to start, with one line that names the file.
#[tokio::test]
async fn a_second_server_on_one_sqlite_file_refuses_to_start() {
    let dir = tempfile::tempdir().expect("dir");
    let db = format!("sqlite://{}", dir.path().join("bt.db").display());
    let port = free_port();
    let server = start(&db, port);
    wait_ready(&format!("http://127.0.0.1:{port}")).await;
    let out = buurtteam(&db, &["serve", "--listen", &format!("127.0.0.1:{}", free_port())]);
    assert!(!out.status.success(), "a second server started");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(err.contains("already using") && err.contains("bt.db"), "{err}");
    stop(server);
    // The lock goes with the process, also after kill -9: a new server starts.
    let server = start(&db, port);
    wait_ready(&format!("http://127.0.0.1:{port}")).await;
    stop(server);
}

/// Another process holds SQLite's write lock: writes answer 503 with `Retry-After` after the
/// busy timeout (never a 500, never a hang), reads go on, and writes work once it lets go.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_locked_by_another_process_answers_503() {
    if buurtteam_store::testing::postgres_admin_url().is_some() {
        return; // PostgreSQL has row locks and no file lock to hold.
    }
    let dir = tempfile::tempdir().expect("dir");
    let file: PathBuf = dir.path().join("bt.db");
    let db = format!("sqlite://{}", file.display());
    let out = buurtteam(&db, &["user", "add", "--email", "beheer@test.nl", "--name", "Bea", "--role", "admin"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let server = start(&db, port);
    wait_ready(&base).await;
    let (worker, district, _) = organisation(&base).await;

    // Another process (the sqlite3 shell would do the same) takes the write lock and keeps it.
    let mut other = std::process::Command::new("python3")
        .args([
            "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1], isolation_level=None); \
                      c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); sys.stdin.read()",
        ])
        .arg(&file)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3");
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(other.stdout.as_mut().expect("stdout")), &mut line)
        .expect("read");
    assert_eq!(line.trim(), "locked");

    let r = worker.post("/api/v1/households", household_body(district)).await.problem(503);
    assert!(r.headers.contains_key("retry-after"), "503 without Retry-After");
    worker.get("/api/v1/teams").await.expect(200); // reads that need no audit row go on
    assert_eq!(readyz(&base).await, 503);

    drop(other.stdin.take()); // the other process ends and lets go
    other.wait().expect("reap");
    worker.post("/api/v1/households", household_body(district)).await.expect(201);
    assert!(until_readyz(&base, 200).await);
    stop(server);
}
