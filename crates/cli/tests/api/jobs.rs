//! Scheduled jobs: a failing job is retried with a back-off and marked failed after its last
//! attempt; two workers never run one job twice (on PostgreSQL through `SKIP LOCKED`); recurring
//! jobs are queued once per slot; unused portal codes expire. Time moves by the application's
//! clock, never by waiting.

use std::sync::{Arc, Mutex};

use buurtteam_app::App;
use buurtteam_app::jobs::{Registry, Worker, enqueue, list};
use buurtteam_store::jobs::JobStatus;
use jiff::SignedDuration;
use serde_json::json;

use crate::harness::{PASSWORD, household_body, org, referral_body, spawn};

fn minutes(m: i64) -> SignedDuration {
    SignedDuration::from_mins(m)
}

/// The one job of `kind`, as listed.
async fn job(app: &App, kind: &str) -> buurtteam_store::jobs::Job {
    let all = list(app, None, 100).await.expect("list");
    let mut of_kind = all.into_iter().filter(|j| j.kind == kind);
    let j = of_kind.next().unwrap_or_else(|| panic!("no job {kind}"));
    assert!(of_kind.next().is_none(), "one job {kind}");
    j
}

#[tokio::test]
async fn a_failing_job_is_retried_after_a_back_off_and_marked_failed_after_its_last_attempt() {
    let t = spawn().await;
    let app = &t.app;
    let runs = Arc::new(Mutex::new(0));
    let seen = runs.clone();
    let registry = Registry::default()
        // Fails twice, then succeeds.
        .handle("test.flaky", move |_, _| {
            let seen = seen.clone();
            Box::pin(async move {
                let mut n = seen.lock().map_err(|_| buurtteam_app::AppError::Internal("lock".into()))?;
                *n += 1;
                if *n < 3 {
                    Err(buurtteam_app::AppError::Internal(format!("run {n} fails")))
                } else {
                    Ok("fine".into())
                }
            })
        })
        .handle("test.broken", |_, _| {
            Box::pin(async { Err(buurtteam_app::AppError::Internal("the partner's server is gone".into())) })
        });
    let worker = Worker::new(app.clone(), registry);
    enqueue(app, "test.flaky", &json!({}), app.now()).await.expect("enqueue");

    assert_eq!(worker.run_due().await.expect("run"), 1);
    let j = job(app, "test.flaky").await;
    assert_eq!((j.status, j.attempts), (JobStatus::Queued, 1));
    assert_eq!(j.last_error.as_deref(), Some("internal error: run 1 fails"));
    assert_eq!(worker.run_due().await.expect("run"), 0, "not due before its back-off of 30 s");
    app.clock.advance(SignedDuration::from_secs(31));
    assert_eq!(worker.run_due().await.expect("run"), 1);
    assert_eq!(job(app, "test.flaky").await.attempts, 2);
    app.clock.advance(SignedDuration::from_secs(31));
    assert_eq!(worker.run_due().await.expect("run"), 0, "the second back-off is a minute");
    app.clock.advance(SignedDuration::from_secs(30));
    assert_eq!(worker.run_due().await.expect("run"), 1);
    let j = job(app, "test.flaky").await;
    assert_eq!((j.status, j.attempts, j.result.as_deref()), (JobStatus::Done, 3, Some("fine")));
    assert_eq!(*runs.lock().expect("runs"), 3);

    // A job that never succeeds is tried five times, then stays failed with its error.
    enqueue(app, "test.broken", &json!({}), app.now()).await.expect("enqueue");
    for _ in 0..10 {
        worker.run_due().await.expect("run");
        app.clock.advance(minutes(61));
    }
    let j = job(app, "test.broken").await;
    assert_eq!((j.status, j.attempts), (JobStatus::Failed, 5));
    assert_eq!(j.last_error.as_deref(), Some("internal error: the partner's server is gone"));

    // And `buurtteam jobs` shows it.
    let out = crate::cli::buurtteam(&t.url, &["jobs", "--status", "failed"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("test.broken") && text.contains("5/5") && text.contains("server is gone"), "{text}");
    assert!(!text.contains("test.flaky"), "{text}");
    let out = crate::cli::buurtteam(&t.url, &["jobs", "--status", "stuck"]);
    assert!(!out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim().lines().count(), 1);
}

/// Two workers, each with its own connection pool as two nodes would have, take 60 jobs at
/// once: every job runs exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_workers_never_run_one_job_twice() {
    let t = spawn().await;
    let ran = Arc::new(Mutex::new(Vec::<i64>::new()));
    let registry = |ran: Arc<Mutex<Vec<i64>>>| {
        Registry::default().handle("test.count", move |_, payload| {
            let ran = ran.clone();
            Box::pin(async move {
                tokio::time::sleep(std::time::Duration::from_millis(2)).await;
                let n = payload["n"].as_i64().unwrap_or(-1);
                ran.lock().map_err(|_| buurtteam_app::AppError::Internal("lock".into()))?.push(n);
                Ok(format!("counted {n}"))
            })
        })
    };
    for n in 0..60 {
        enqueue(&t.app, "test.count", &json!({ "n": n }), t.app.now()).await.expect("enqueue");
    }
    let second_node = buurtteam_store::Db::connect(&t.url).await.expect("connect");
    let other = App::new(second_node, buurtteam_app::Settings::default());
    let one = Worker::new(t.app.clone(), registry(ran.clone()));
    let two = Worker::new(other, registry(ran.clone()));
    let (a, b) = tokio::join!(one.run_due(), two.run_due());
    let (a, b) = (a.expect("worker one"), b.expect("worker two"));
    assert_eq!(a + b, 60, "one ran {a}, two ran {b}");
    let mut ran = ran.lock().expect("ran").clone();
    ran.sort_unstable();
    assert_eq!(ran, (0..60).collect::<Vec<i64>>(), "each job exactly once");
    let done = list(&t.app, Some(JobStatus::Done), 100).await.expect("list");
    assert_eq!(done.len(), 60);
}

/// The product's recurring jobs are queued once per slot, however many workers schedule them;
/// an expired, unused portal code loses its hash and stays refused.
#[tokio::test]
async fn recurring_jobs_run_once_per_slot_and_expire_unused_portal_codes() {
    let t = spawn().await;
    let o = org(&t).await;
    let w = &o.worker_a;
    let h = w.post("/api/v1/households", household_body(o.district_a)).await.expect(201);
    let parent = h["members"][0]["id"].as_i64().unwrap_or(0);
    let today = t.app.today().to_string();
    let case = w
        .post("/api/v1/cases", referral_body(h["id"].as_i64().unwrap_or(0), o.team_a, &[parent], &today))
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    w.post(&format!("/api/v1/cases/{case}/intake"), json!({"held_on": today})).await.expect(200);
    w.post(&format!("/api/v1/cases/{case}/start"), json!({"started_on": today})).await.expect(200);
    let invite = |w: crate::harness::Client| async move {
        w.post(&format!("/api/v1/cases/{case}/portal-invitations"), json!({"person_id": parent})).await.expect(201)
            ["code"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    let old_code = invite(t.login("a@test.nl").await).await;

    let one = Worker::new(t.app.clone(), Registry::builtin());
    let two = Worker::new(t.app.clone(), Registry::builtin());
    // Housekeeping, the audit log's verification, retention, …
    let recurring = Registry::builtin().recurring_kinds().count();
    assert!(recurring >= 5, "portal codes, idempotency keys, jobs, audit verification, retention at least");
    let (a, b) = tokio::join!(one.run_due(), two.run_due());
    assert_eq!(a.expect("one") + b.expect("two"), recurring, "each recurring kind once in its slot");
    assert_eq!(job(&t.app, "portal_codes.expire").await.result.as_deref(), Some("0 unused codes expired"));
    assert_eq!(one.run_due().await.expect("again"), 0, "nothing more in the same slot");

    // Fifteen days on, the code (valid for 14) has expired; one made five days ago has not.
    t.app.clock.advance(SignedDuration::from_hours(10 * 24));
    let new_code = invite(t.login("a@test.nl").await).await;
    t.app.clock.advance(SignedDuration::from_hours(5 * 24));
    assert_eq!(one.run_due().await.expect("later"), recurring);
    let expired = list(&t.app, Some(JobStatus::Done), 100).await.expect("list");
    assert_eq!(expired.iter().filter(|j| j.kind == "portal_codes.expire").count(), 2);
    assert!(
        expired.iter().any(|j| j.result.as_deref() == Some("1 unused codes expired")),
        "{:?}",
        expired.iter().map(|j| j.result.clone()).collect::<Vec<_>>()
    );
    let anon = crate::harness::Client::new(&t.base);
    let r = anon
        .post("/api/v1/portal/activate", json!({"code": old_code, "email": "samira@example.nl", "password": PASSWORD}))
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    anon.post("/api/v1/portal/activate", json!({"code": new_code, "email": "samira@example.nl", "password": PASSWORD}))
        .await
        .expect(201);
}
