//! The CBS delivery (Beleidsinformatie Jeugd, decision 0042), on the backend under test: which
//! clients are trajectories of a half year, a repeat, the end reason, the logged delivery; and
//! the command line's one clear line for a bad half year.

use buurtteam_app::AppError;
use jiff::Timestamp;
use serde_json::json;

use crate::cli::buurtteam;
use crate::harness::{Client, fresh_database_url, household, referral_body, spawn};

async fn step(c: &Client, id: i64, what: &str, body: serde_json::Value) {
    c.post(&format!("/api/v1/cases/{id}/{what}"), body).await.expect(200);
}

/// A referral of `clients` on `on` from `source`, its intake and start of support two and
/// seven days later (no closure days in between in these weeks).
async fn supported(c: &Client, worker: i64, h: i64, team: i64, clients: &[i64], on: &str, source: &str) -> i64 {
    let mut body = referral_body(h, team, clients, on);
    body["source"] = json!(source);
    let id = c.post("/api/v1/cases", body).await.expect(201)["id"].as_i64().unwrap_or(0);
    let day = |n: i64| {
        on.parse::<jiff::civil::Date>().map(|d| d.saturating_add(jiff::Span::new().days(n))).unwrap_or_default()
    };
    step(c, id, "intake", json!({"held_on": day(2).to_string(), "worker_id": worker})).await;
    step(c, id, "start", json!({"started_on": day(7).to_string()})).await;
    id
}

#[tokio::test]
async fn a_half_years_delivery_has_each_young_persons_support_once_and_marks_a_repeat() {
    let t = spawn().await;
    t.app.clock.set("2026-08-03T10:00:00Z".parse::<Timestamp>().unwrap_or_default());
    let o = crate::harness::org(&t).await;
    let (w, wid) = (&o.worker_a, o.worker_a_id);
    // Yassin (born 2015), referred by the GP in January; closed with the goals achieved in May,
    // and back in June: a repeat.
    let (h1, m1) = household(w, o.district_a).await;
    let first = supported(w, wid, h1, o.team_a, &m1[1..], "2026-01-05", "gp").await;
    let close = json!({"closed_on": "2026-05-29", "reason": "result_achieved", "reason_detail": "goals_achieved"});
    step(w, first, "close", close).await;
    supported(w, wid, h1, o.team_a, &m1[1..], "2026-06-01", "gp").await;
    // A second family: the mother and the child in one case from March, still open: only the
    // child is a trajectory.
    let (h2, m2) = household(w, o.district_a).await;
    supported(w, wid, h2, o.team_a, &m2, "2026-03-02", "school").await;
    // Support that started in July belongs to the next half year.
    let (h3, m3) = household(w, o.district_a).await;
    supported(w, wid, h3, o.team_a, &m3[1..], "2026-07-01", "self").await;

    let before = t.count("audit_log").await;
    let d = buurtteam_app::cbs::delivery(&t.app, "2026-1", "LKL01").await.expect("delivery");
    assert_eq!(t.count("audit_log").await, before + 1, "the delivery is logged");
    let rows: Vec<String> = d.trajectories.iter().map(|x| x.fields("LKL01").join(",")).collect();
    assert_eq!(
        rows,
        [
            "LKL01,,2015-09-02,,3562,huisarts,jeugdhulp_zonder_verblijf_wijk_of_buurtteam,,nieuw,2026-01-12,2026-05-29,volgens_plan",
            "LKL01,,2015-09-02,,3562,geen_verwijzer,jeugdhulp_zonder_verblijf_wijk_of_buurtteam,,nieuw,2026-03-09,,",
            "LKL01,,2015-09-02,,3562,huisarts,jeugdhulp_zonder_verblijf_wijk_of_buurtteam,,herhaald,2026-06-08,,",
        ]
    );

    // The running half year cannot be delivered, nor a made-up one; nothing is logged then.
    for bad in ["2026-2", "2026-H1"] {
        match buurtteam_app::cbs::delivery(&t.app, bad, "LKL01").await {
            Err(AppError::Validation(f)) => assert_eq!(f[0].field, "half", "{bad}"),
            other => panic!("{bad}: {other:?}"),
        }
    }
    assert_eq!(t.count("audit_log").await, before + 1);
}

#[tokio::test]
async fn the_command_line_writes_the_file_or_says_in_one_line_what_is_wrong() {
    let dir = tempfile::tempdir().expect("dir");
    let db = fresh_database_url(dir.path()).await;
    assert!(buurtteam(&db, &["migrate"]).status.success());
    let out = buurtteam(&db, &["report", "cbs-jeugd", "--half", "2026-3", "--provider", "LKL01"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    // (PostgreSQL's notice that the migrations table exists is logged at INFO beside it.)
    let lines: Vec<&str> = err.trim().lines().filter(|l| !l.contains("INFO")).collect();
    assert_eq!(lines.len(), 1, "one line: {err}");
    assert!(err.contains("half") && err.contains("2026-2"), "{err}");
    // A half year long past, on an empty database: the header only, on stdout.
    let out = buurtteam(&db, &["report", "cbs-jeugd", "--half", "2001-1", "--provider", "LKL01"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "aanbieder,bsn,geboortedatum,geslacht,postcode,verwijzer,hulpvorm,gestart_met_crisis,soort_start,datum_aanvang,datum_einde,reden_beeindiging\r\n"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 trajectories"));
}
