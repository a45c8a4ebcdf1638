//! Steering KPIs through HTTP: exact figures worked out by hand for a small organisation,
//! suppression for analysts, access per role, parameter problems, and the population import.

use serde_json::{Value, json};

use crate::harness::{Client, Org, household, org, referral_body, spawn};

/// Registers a referral in `team` for a new household in `district`; returns the case id.
async fn refer(c: &Client, district: i64, team: i64, on: &str, later: Option<&str>) -> i64 {
    let (h, members) = household(c, district).await;
    let mut body = referral_body(h, team, &members[..1], on);
    if let Some(date) = later {
        body["later_intake_requested_by"] = json!("family");
        body["requested_intake_on"] = json!(date);
    }
    c.post("/api/v1/cases", body).await.expect(201)["id"].as_i64().unwrap_or(0)
}

async fn step(c: &Client, id: i64, what: &str, body: Value) {
    c.post(&format!("/api/v1/cases/{id}/{what}"), body).await.expect(if what == "contacts" { 201 } else { 200 });
}

/// The organisation of `harness::org` with seven cases, as in the comments.
pub async fn seven_cases() -> (crate::harness::TestApp, Org) {
    let t = spawn().await;
    let o = org(&t).await;
    let (w, a, ta) = (&o.worker_a, o.district_a, o.team_a);
    let wid = o.worker_a_id;
    // C1: Friday 24 April; King's Day makes Monday 4 May the 5th working day: on time in 10
    // days. Support starts 16 days later. Contacts on 6 May, 21 May and 1 June.
    let c1 = refer(w, a, ta, "2026-04-24", None).await;
    step(w, c1, "intake", json!({"held_on": "2026-05-04", "worker_id": wid})).await;
    step(w, c1, "start", json!({"started_on": "2026-05-20"})).await;
    for (on, form) in [("2026-05-06", "home_visit"), ("2026-05-21", "phone"), ("2026-06-01", "video")] {
        step(w, c1, "contacts", json!({"contact_on": on, "form": form, "minutes": 30})).await;
    }
    // C2: Wednesday 1 April; Easter Monday (6 April) makes 9 April the deadline: the intake on
    // 13 April (12 days) is late. Starts after 7 days, closed with a result on 29 May.
    let c2 = refer(w, a, ta, "2026-04-01", None).await;
    step(w, c2, "intake", json!({"held_on": "2026-04-13", "worker_id": wid})).await;
    step(w, c2, "start", json!({"started_on": "2026-04-20"})).await;
    step(
        w,
        c2,
        "close",
        json!({"closed_on": "2026-05-29", "reason": "result_achieved", "reason_detail": "goals_achieved"}),
    )
    .await;
    // C3: 2 April, the family asked for 20 April: late by the norm (18 days), but requested.
    let c3 = refer(w, a, ta, "2026-04-02", Some("2026-04-20")).await;
    step(w, c3, "intake", json!({"held_on": "2026-04-20", "worker_id": wid})).await;
    // C4: 26 May, still waiting on 31 May (5 days).
    refer(w, a, ta, "2026-05-26", None).await;
    // C5: January, active throughout.
    let c5 = refer(w, a, ta, "2026-01-05", None).await;
    step(w, c5, "intake", json!({"held_on": "2026-01-07", "worker_id": wid})).await;
    step(w, c5, "start", json!({"started_on": "2026-01-12"})).await;
    // C6: 2 March (the previous period), closed on 15 April without an intake.
    let c6 = refer(w, a, ta, "2026-03-02", None).await;
    step(w, c6, "close", json!({"closed_on": "2026-04-15", "reason": "other", "reason_detail": "unreachable"})).await;
    // C7: team B, Monday 4 May, intake two days later.
    let c7 = refer(&o.worker_b, o.district_b, o.team_b, "2026-05-04", None).await;
    step(&o.worker_b, c7, "intake", json!({"held_on": "2026-05-06", "worker_id": o.worker_b_id})).await;
    let csv = "# test figures\ndistrict,reference_date,residents,residents_0_17\n\
               Overvecht,2023-01-01,34916,\nZuidwest,2023-01-01,39918,8000\n";
    let n = buurtteam_app::kpis::import_populations(&t.app, csv, "test.csv").await.expect("import");
    assert_eq!(n, 2);
    (t, o)
}

const PERIOD: &str = "from=2026-04-01&to=2026-05-31";

fn item(list: &Value, key: impl Into<Value>) -> &Value {
    let key = key.into();
    list.as_array().and_then(|l| l.iter().find(|i| i["key"] == key)).unwrap_or(&Value::Null)
}

#[tokio::test]
async fn a_teams_figures_are_exact_for_its_manager() {
    let (t, o) = seven_cases().await;
    let audit_before = t.count("audit_log").await;
    let k = o.manager.get(&format!("/api/v1/kpis?{PERIOD}&team_id={}", o.team_a)).await.expect(200);
    assert_eq!(t.count("audit_log").await, audit_before + 1, "the read is logged (kpi.read)");
    assert_eq!(k["scope"], "team");
    assert_eq!(k["small_counts_suppressed"], false);
    assert_eq!((k["from"].as_str(), k["to"].as_str()), (Some("2026-04-01"), Some("2026-05-31")));
    // C1, C2, C3 and C4 were referred in April and May.
    assert_eq!(k["referrals"], 4);
    assert_eq!(item(&k["referrals_by_source"], "school")["count"], 4);
    assert_eq!(item(&k["referrals_by_team"], o.team_a)["count"], 4);
    assert_eq!(item(&k["referrals_by_district"], o.district_a)["count"], 4);
    assert_eq!(item(&k["referrals_by_life_domain"], "parenting")["pct"], 100.0);
    // Intakes: C1 on time (10 days), C2 late (12), C3 late but requested (18).
    assert_eq!(k["intakes_held"], 3);
    assert_eq!(k["intake_within_5_working_days_pct"], 33.3);
    assert_eq!(k["intake_within_5_working_days_pct_excl_requested"], 50.0);
    assert_eq!(k["intake_mean_days"], 13.3, "(10 + 12 + 18) / 3");
    assert_eq!(k["intake_median_days"], 12.0);
    // Starts: C2 after 7 days, C1 after 16.
    assert_eq!(k["starts"], 2);
    assert_eq!(k["start_within_2_weeks_pct"], 50.0);
    assert_eq!(k["start_within_4_weeks_pct"], 100.0);
    // On 31 May: C4 waits (5 days); C1, C3, C4, C5 are active; C2 and C6 closed in the period.
    assert_eq!(k["waiting_list"], 1);
    assert_eq!(k["waiting_mean_days"], 5.0);
    assert_eq!(item(&k["waiting_by_days"], "0_7_days")["count"], 1);
    assert_eq!(k["active_cases"], 4);
    assert_eq!(k["active_at_start"], 2, "C5 and C6 on 31 March");
    assert_eq!(k["long_running_cases"], 0);
    assert_eq!(k["closures"], 2);
    assert_eq!(k["closures_by_reason"], json!({"result_achieved": 1, "external_circumstances": 0, "other": 1}));
    assert_eq!(item(&k["closures_by_detail"], "unreachable")["count"], 1);
    // C6 closed after 44 days, C2 after 58: both within 3 months; the median is 51.
    assert_eq!(item(&k["case_duration"], "up_to_3_months")["count"], 2);
    assert_eq!(k["case_duration_median_days"], 51.0);
    // C1, C3 and C5 have had their intake with worker A and are open.
    assert_eq!(k["caseload"], json!({"family_workers": 1, "cases": 3, "mean": 3.0, "median": 3.0, "max": 3.0}));
    assert_eq!(k["contacts"], 2, "the contact on 1 June is outside the period");
    assert_eq!(item(&k["contact_forms"], "home_visit")["pct"], 50.0);
    // Reach: the six households of C1..C6 had a case open in the period.
    assert_eq!(k["households_reached"], 6);
    let overvecht = &k["reach"].as_array().and_then(|r| r.iter().find(|x| x["district_id"] == o.district_a)).cloned();
    let overvecht = overvecht.as_ref().unwrap_or(&Value::Null);
    assert_eq!(overvecht["residents"], 34916);
    assert_eq!(overvecht["per_1000_residents"], 0.2, "6 / 34,916 * 1,000 = 0.17");
    assert_eq!(overvecht["residents_0_17"], Value::Null);
    assert_eq!(overvecht["per_1000_residents_0_17"], Value::Null, "never estimated");
    // The 61 days before: 30 January to 31 March; C6 was referred, nothing was held.
    let p = &k["previous"];
    assert_eq!((p["from"].as_str(), p["to"].as_str()), (Some("2026-01-30"), Some("2026-03-31")));
    assert_eq!(p["referrals"], 1);
    assert_eq!(p["intakes_held"], 0);
    assert_eq!(p["intake_within_5_working_days_pct"], Value::Null);
    assert_eq!(p["active_cases"], 2);
}

/// The second quarter of 2026: readers of suppressed figures may ask whole calendar periods only.
const Q2: &str = "from=2026-04-01&to=2026-06-30";

#[tokio::test]
async fn analysts_see_the_city_with_small_counts_suppressed() {
    let (_t, o) = seven_cases().await;
    let k = o.analyst.get(&format!("/api/v1/kpis?{Q2}")).await.expect(200);
    assert_eq!(k["scope"], "city");
    assert_eq!(k["small_counts_suppressed"], true);
    // Five referrals city-wide (C1-C4 and C7), but April's 3 are hidden in April, so the
    // quarter hides them too (else April follows from the quarter minus May and June): not
    // small itself, "protected"; and so does the share of school, the only source.
    assert_eq!(k["referrals"], "protected");
    assert_eq!(item(&k["referrals_by_source"], "school")["count"], "protected");
    assert_eq!(item(&k["referrals_by_source"], "school")["pct"], "protected");
    // A stock is that of the quarter's last day, as June shows it: C1, C3, C4, C5 and C7.
    assert_eq!(k["active_cases"], 5);
    // The teams' 4 and 1, the 4 intakes, 2 closures and 2 at the start are small themselves.
    assert_eq!(item(&k["referrals_by_team"], o.team_a)["count"], "<5");
    assert_eq!(item(&k["referrals_by_team"], o.team_b)["count"], "<5");
    assert_eq!(k["intakes_held"], "<5");
    assert_eq!(k["intake_within_5_working_days_pct"], "<5");
    assert_eq!(k["intake_mean_days"], "<5");
    assert_eq!(k["closures"], "<5");
    assert_eq!(k["active_at_start"], "<5");
    assert_eq!(
        k["closures_by_reason"],
        json!({"result_achieved": "<5", "external_circumstances": "<5", "other": "<5"})
    );
    // The period before is the calendar quarter before, not the 91 days before.
    let p = &k["previous"];
    assert_eq!((p["from"].as_str(), p["to"].as_str()), (Some("2026-01-01"), Some("2026-03-31")));
    assert_eq!(p["referrals"], "<5");
    // April alone: 3 referrals, "<5".
    let april = o.analyst.get("/api/v1/kpis?from=2026-04-01&to=2026-04-30").await.expect(200);
    assert_eq!(april["referrals"], "<5");
    // A team manager outside their own teams gets the same treatment; inside, exact figures.
    let k = o.manager.get(&format!("/api/v1/kpis?{Q2}&district_id={}", o.district_b)).await.expect(200);
    assert_eq!((k["scope"].as_str(), k["referrals"].as_str()), (Some("district"), Some("<5")));
    let k = o.worker_b.get(&format!("/api/v1/kpis?{PERIOD}&team_id={}", o.team_b)).await.expect(200);
    assert_eq!(k["referrals"], 1);
    assert_eq!(k["intake_within_5_working_days_pct"], 100.0);
    assert_eq!(k["intake_mean_days"], 2.0);
    let zuidwest = k["reach"].as_array().and_then(|r| r.iter().find(|x| x["district_id"] == o.district_b)).cloned();
    let zuidwest = zuidwest.unwrap_or(Value::Null);
    assert_eq!(zuidwest["households"], 1);
    assert_eq!(zuidwest["per_1000_residents_0_17"], 0.1, "1 / 8,000 * 1,000");
}

#[tokio::test]
async fn who_may_read_which_kpis() {
    let t = spawn().await;
    let o = org(&t).await;
    let team_a = format!("/api/v1/kpis?{PERIOD}&team_id={}", o.team_a);
    let team_b = format!("/api/v1/kpis?{PERIOD}&team_id={}", o.team_b);
    let city = format!("/api/v1/kpis?{PERIOD}");
    o.worker_a.get(&team_a).await.expect(200);
    o.worker_a.get(&team_b).await.problem(403);
    o.worker_a.get(&city).await.problem(403);
    o.admin.get(&city).await.problem(403);
    o.admin.get(&team_a).await.problem(403);
    let q2 = |team: i64| format!("/api/v1/kpis?{Q2}&team_id={team}");
    assert_eq!(o.analyst.get(&q2(o.team_a)).await.expect(200)["small_counts_suppressed"], true);
    assert_eq!(o.manager.get(&q2(o.team_b)).await.expect(200)["small_counts_suppressed"], false);
    assert_eq!(o.manager.get(&team_b).await.expect(200)["small_counts_suppressed"], false, "any period, exact");
    crate::harness::Client::new(&t.base).get(&city).await.problem(401);
}

/// The defect of the issue "The working day": up to 27 and up to 28 November, the
/// difference was one day's referrals. Readers of suppressed figures may ask whole calendar
/// periods that have ended only; exact readers any period.
#[tokio::test]
async fn suppressed_figures_come_over_whole_ended_calendar_periods_only() {
    let (_t, o) = seven_cases().await;
    for reader in [&o.analyst, &o.manager] {
        // The manager's teams are exact for them; a district is suppressed.
        let scope =
            if std::ptr::eq(reader, &o.manager) { format!("&district_id={}", o.district_b) } else { String::new() };
        for period in
            ["from=2026-11-01&to=2026-11-27", "from=2026-11-01&to=2026-11-28", "from=2026-04-01&to=2026-05-31"]
        {
            let r = reader.get(&format!("/api/v1/kpis?{period}{scope}")).await.problem(422);
            assert_eq!(r.fields(), ["from", "to"], "{period}");
            assert!(r.body["errors"][0]["message"].as_str().unwrap_or_default().contains("whole calendar period"));
        }
        // A whole year still to come (or running) has not ended: it would grow day by day.
        let r = reader.get(&format!("/api/v1/kpis?from=2099-01-01&to=2099-12-31{scope}")).await.problem(422);
        assert_eq!(r.fields(), ["from", "to"]);
        for period in
            ["from=2026-05-01&to=2026-05-31", Q2, "from=2026-01-01&to=2026-06-30", "from=2025-01-01&to=2025-12-31"]
        {
            reader.get(&format!("/api/v1/kpis?{period}{scope}")).await.expect(200);
        }
    }
    // A manager's own team: exact, any period.
    let k =
        o.manager.get(&format!("/api/v1/kpis?from=2026-04-01&to=2026-05-04&team_id={}", o.team_b)).await.expect(200);
    assert_eq!(k["referrals"], 1);
}

#[tokio::test]
async fn bad_parameters_are_422_naming_the_field() {
    let t = spawn().await;
    let o = org(&t).await;
    let a = &o.analyst;
    let r = a.get("/api/v1/kpis?from=2026-06-01&to=2026-05-31").await.problem(422);
    assert_eq!(r.fields(), ["from"]);
    let r = a.get("/api/v1/kpis?to=2026-05-31").await.problem(422);
    assert_eq!(r.fields(), ["from"]);
    let r = a.get("/api/v1/kpis?from=2026-01-01&to=2026-02-30").await.problem(422);
    assert_eq!(r.fields(), ["to"]);
    let r =
        a.get(&format!("/api/v1/kpis?{PERIOD}&team_id={}&district_id={}", o.team_a, o.district_a)).await.problem(422);
    assert_eq!(r.fields(), ["team_id", "district_id"]);
    let r = a.get(&format!("/api/v1/kpis?{PERIOD}&team_id=999999")).await.problem(422);
    assert_eq!(r.fields(), ["team_id"]);
    let r = a.get(&format!("/api/v1/kpis?{PERIOD}&district_id=abc")).await.problem(422);
    assert_eq!(r.fields(), ["district_id"]);
}

#[tokio::test]
async fn the_shipped_population_file_imports_from_the_command_line() {
    let dir = tempfile::tempdir().expect("dir");
    let url = crate::harness::fresh_database_url(dir.path()).await;
    let db = buurtteam_store::Db::connect(&url).await.expect("connect");
    db.migrate().await.expect("migrate");
    let mut tx = db.begin().await.expect("tx");
    for d in buurtteam_synth::profile::city().districts {
        buurtteam_store::organisation::insert_district(&mut tx, &d.name, jiff::Timestamp::now())
            .await
            .expect("district");
    }
    tx.commit().await.expect("commit");
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/populations/utrecht-2023.csv");
    let bin = env!("CARGO_BIN_EXE_buurtteam");
    let run =
        |f: &str| std::process::Command::new(bin).args(["import", "populations", f]).env("DATABASE_URL", &url).output();
    let out = run(file).expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("10 districts"));
    assert_eq!(db.count_rows("district_populations").await.expect("count"), 10);
    // Again: the same district and date are replaced, not doubled.
    assert!(run(file).expect("run").status.success());
    assert_eq!(db.count_rows("district_populations").await.expect("count"), 10);
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "district,reference_date,residents\nAtlantis,2023-01-01,5\n").expect("write");
    let out = run(bad.to_str().unwrap_or_default()).expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Atlantis"));
}
