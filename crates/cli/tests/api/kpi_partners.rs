//! The partner KPIs (issue 15, docs/kpi.md "Partners") through HTTP, on the backend under
//! test: the worked example of GP practices by status over the years, per district and for the
//! city, with the target beside it; never suppressed, since they count organisations.

use jiff::Timestamp;
use serde_json::{Value, json};

use crate::harness::{Client, spawn};

async fn practice(c: &Client, name: &str, districts: &[i64]) -> String {
    let body = json!({"name": name, "kind": "gp_practice", "district_ids": districts});
    let id = c.post("/api/v1/partners", body).await.expect(201)["id"].as_i64().unwrap_or(0);
    format!("/api/v1/partners/{id}")
}

async fn status(c: &Client, practice: &str, status: &str, since: &str) {
    c.post(&format!("{practice}/gp-status"), json!({"status": status, "since": since})).await.expect(201);
}

fn district<'a>(r: &'a Value, name: &str) -> &'a Value {
    r["gp_practices_by_district"].as_array().and_then(|a| a.iter().find(|d| d["name"] == name)).unwrap_or(&Value::Null)
}

#[tokio::test]
async fn gp_practices_count_by_the_status_in_force_on_the_periods_last_day() {
    let t = spawn().await;
    t.app.clock.set("2025-02-03T10:00:00Z".parse::<Timestamp>().unwrap_or_default());
    let o = crate::harness::org(&t).await;
    let (overvecht, zuidwest) = (o.district_a, o.district_b);
    let p1 = practice(&o.admin, "Huisartsenpraktijk Öztürk", &[zuidwest]).await;
    status(&o.admin, &p1, "in_talks", "2021-03-01").await;
    status(&o.admin, &p1, "started", "2021-09-01").await;
    let p2 = practice(&o.admin, "Gezondheidscentrum Şahin", &[zuidwest, overvecht]).await;
    status(&o.admin, &p2, "alternative_agreement", "2022-05-01").await;
    practice(&o.admin, "Praktijk De Bilt-Oost", &[overvecht]).await;
    let p4 = practice(&o.admin, "Huisartsen Vechtzijde", &[overvecht]).await;
    status(&o.admin, &p4, "started", "2020-01-01").await;
    o.admin.patch(&p4, json!({"ended_on": "2023-01-01"})).await.expect(200);
    // A VE location with a linked worker, one without.
    let ve = json!({"name": "Voorschool De Vlinder", "kind": "early_education", "district_ids": [overvecht]});
    let ve = o.admin.post("/api/v1/partners", ve).await.expect(201)["id"].as_i64().unwrap_or(0);
    o.admin.patch(&format!("/api/v1/partners/{ve}"), json!({"worker_ids": [o.worker_a_id]})).await.expect(200);
    let other = json!({"name": "Peuterspeelzaal Kikker", "kind": "early_education", "district_ids": [zuidwest]});
    o.admin.post("/api/v1/partners", other).await.expect(201);

    // 2021, read by the analyst (suppressed reader): organisations are shown as they are.
    let r = o.analyst.get("/api/v1/kpis?from=2021-01-01&to=2021-12-31").await.expect(200);
    assert_eq!(r["small_counts_suppressed"], true);
    assert_eq!(r["gp_practices"]["practices"], 4, "a practice serving two districts counts once: {r}");
    assert_eq!(r["gp_practices"]["started"], 2);
    assert_eq!(r["gp_practices"]["none"], 2, "no status yet counts as none");
    assert_eq!(r["gp_practices_started_pct"], 50.0);
    assert_eq!(r["gp_practices_target_pct"], 60.0);
    assert_eq!(r["gp_practices"]["below_target"], true);
    assert_eq!(district(&r, "Overvecht")["practices"], 3);
    assert_eq!(district(&r, "Overvecht")["started_pct"], 33.3);
    assert_eq!(district(&r, "Zuidwest")["started_pct"], 50.0);
    // The previous period is measured on its own last day: 2020, P4 only started.
    assert_eq!(r["previous"]["gp_practices"]["started"], 1);

    // 2024: P4 has ended; the alternative agreement counts as working together.
    let r = o.analyst.get("/api/v1/kpis?from=2024-01-01&to=2024-12-31").await.expect(200);
    assert_eq!(r["gp_practices"]["practices"], 3);
    assert_eq!(r["gp_practices"]["alternative_agreement"], 1);
    assert_eq!(r["gp_practices_started_pct"], 66.7);
    assert_eq!(r["gp_practices"]["below_target"], false);
    assert_eq!(r["early_education_locations"], 2);
    // The link opened today (2025), so on 31 December 2024 no location had one yet.
    assert_eq!(r["early_education_locations_linked"], 0);

    // A district, and a team (its district's practices), today.
    let d =
        o.analyst.get(&format!("/api/v1/kpis?from=2025-01-01&to=2025-01-31&district_id={zuidwest}")).await.expect(200);
    assert_eq!(
        (d["gp_practices"]["practices"].clone(), d["gp_practices_started_pct"].clone()),
        (json!(2), json!(100.0))
    );
    assert_eq!(d["gp_practices_by_district"].as_array().map(Vec::len), Some(1));
    let team =
        o.manager.get(&format!("/api/v1/kpis?from=2025-02-01&to=2025-02-03&team_id={}", o.team_a)).await.expect(200);
    assert_eq!(team["gp_practices"]["practices"], 2, "Overvecht: P2 and P3, P4 ended: {team}");
    assert_eq!(team["early_education_locations_linked"], 1);
    assert_eq!(team["early_education_linked_pct"], 100.0);
}
