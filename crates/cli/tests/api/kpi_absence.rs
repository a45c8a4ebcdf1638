//! Absence and capacity in `GET /api/v1/kpis` (decision 0036) against months worked out by
//! hand, on the seven cases of `kpis::seven_cases` (team A's open cases: 3 at the end of
//! April and of May 2026). The clock stands on 15 July 2026.
//!
//! Working days (default holiday rules: no Good Friday, Liberation Day only in lustrum years):
//! April 2026 has 22 weekdays less Easter Monday (6th) and King's Day (Monday 27th) = 20;
//! May 2026 has 21 weekdays less Ascension Day (14th) and Whit Monday (25th) = 19.
//!
//! Team A's people with contract hours:
//! - worker A, 36 h (7.2 h a day), absent 27 April - 8 May: a spell across the month's end;
//!   April 28-30 (3 days, King's Day is off) = 21.6 h, May 1 and 4-8 (6 days) = 43.2 h.
//! - the team manager, 18 h (3.6 h a day), part-time, absent at 50% 18-22 May: 5 × 1.8 = 9 h.
//! - worker L, 36 h, absent 2 March - 30 April: 60 days, long; April 20 × 7.2 = 144 h.
//!
//! April: available (20 × 7.2) + (20 × 3.6) + (20 × 7.2) = 360 h, absent 165.6 h = 46.0%;
//! one spell started (worker A's) over 3 people × 12 = 4.0 a year; one long spell.
//! May: available 19 × (7.2 + 3.6 + 7.2) = 342 h, absent 52.2 h = 15.3%; one spell started
//! (the manager's) = 4.0; no long spell. April and May together: 217.8 / 702 = 31.0%,
//! 2 spells / 3 people × 12 / 2 months = 4.0, one long spell.
//! Caseload per FTE: 3 open cases over the family workers' 72 h / 36 = 2 FTE = 1.5.

use jiff::Timestamp;
use serde_json::{Value, json};

use crate::harness::{Client, TestApp};
use crate::kpis::seven_cases;

const NOW: &str = "2026-07-15T09:00:00Z";

async fn hours(admin: &Client, user: i64, h: f64) {
    admin.patch(&format!("/api/v1/users/{user}"), json!({"contract_hours": h})).await.expect(200);
}

async fn spell(hr: &Client, user: i64, body: Value) -> i64 {
    hr.post(&format!("/api/v1/users/{user}/absences"), body).await.expect(201)["id"].as_i64().unwrap_or(0)
}

async fn end(hr: &Client, id: i64, on: &str) {
    hr.patch(&format!("/api/v1/absences/{id}"), json!({"ends_on": on})).await.expect(200);
}

fn close(v: &Value, want: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - want).abs() < 1e-9)
}

/// Seven cases, team A's three people and their spells as in the module comment; answers the
/// app, the organisation and the manager's user id.
pub(crate) async fn absent_team() -> (TestApp, crate::harness::Org, Client, i64) {
    let (t, o) = seven_cases().await;
    t.app.clock.set(NOW.parse::<Timestamp>().unwrap_or_default());
    t.create_user(None, "hr@test.nl", "Cem Şahin", "hr", &[]).await;
    let hr = t.login("hr@test.nl").await;
    let worker_l = t.create_user(None, "l@test.nl", "Lotte de Graaf", "family_worker", &[o.team_a]).await;
    let users = o.admin.get("/api/v1/users").await.expect(200);
    let manager = users["items"]
        .as_array()
        .and_then(|l| l.iter().find(|u| u["email"] == "m@test.nl"))
        .and_then(|u| u["id"].as_i64())
        .unwrap_or(0);
    hours(&o.admin, o.worker_a_id, 36.0).await;
    hours(&o.admin, manager, 18.0).await;
    hours(&o.admin, worker_l, 36.0).await;
    let a = spell(&hr, o.worker_a_id, json!({"starts_on": "2026-04-27"})).await;
    end(&hr, a, "2026-05-08").await;
    let m = spell(&hr, manager, json!({"starts_on": "2026-05-18", "percentage": 50})).await;
    end(&hr, m, "2026-05-22").await;
    let l = spell(&hr, worker_l, json!({"starts_on": "2026-03-02"})).await;
    end(&hr, l, "2026-04-30").await;
    (t, o, hr, manager)
}

#[tokio::test]
async fn absence_and_caseload_per_fte_match_the_hand_worked_months() {
    let (_t, o, _hr, _) = absent_team().await;
    let k =
        o.manager.get(&format!("/api/v1/kpis?from=2026-04-01&to=2026-05-31&team_id={}", o.team_a)).await.expect(200);
    assert_eq!(k["absence_target_pct"], 7.0, "the default target, beside the figure");
    assert_eq!(k["absence_people"], 3, "{k}");
    assert!(close(&k["absence_pct"], 31.0), "{}", k["absence_pct"]);
    assert_eq!(k["absence_above_target"], true);
    assert!(close(&k["absence_frequency_per_year"], 4.0), "{}", k["absence_frequency_per_year"]);
    assert_eq!(k["long_absence_spells"], 1);
    assert!(close(&k["family_worker_fte"], 2.0), "{}", k["family_worker_fte"]);
    assert!(close(&k["caseload_per_fte"], 1.5), "{}", k["caseload_per_fte"]);
    let months = k["absence_by_month"].as_array().cloned().unwrap_or_default();
    assert_eq!(months.len(), 2, "{k}");
    let (april, may) = (&months[0], &months[1]);
    assert_eq!((april["from"].as_str(), april["to"].as_str()), (Some("2026-04-01"), Some("2026-04-30")));
    assert!(close(&april["absence_pct"], 46.0), "{april}");
    assert!(close(&april["absence_frequency_per_year"], 4.0), "{april}");
    assert_eq!(april["long_absence_spells"], 1);
    assert!(close(&april["caseload_per_fte"], 1.5), "{april}");
    assert!(close(&may["absence_pct"], 15.3), "{may}");
    assert_eq!(may["absence_above_target"], true);
    assert!(close(&may["absence_frequency_per_year"], 4.0), "{may}");
    assert_eq!(may["long_absence_spells"], 0);
    // The previous period of equal length, 30 January - 31 March: 1 + 20 + 22 working days of
    // 18 h; worker L absent the 22 of March: 158.4 / 774 = 20.5%. The spell has ended, 60
    // days long: it counts as long absence in every period it touches.
    assert!(close(&k["previous"]["absence_pct"], 20.5), "{}", k["previous"]);
    assert_eq!(k["previous"]["long_absence_spells"], 1);
    // One month alone gives that month's figures.
    let m =
        o.manager.get(&format!("/api/v1/kpis?from=2026-05-01&to=2026-05-31&team_id={}", o.team_a)).await.expect(200);
    assert!(close(&m["absence_pct"], 15.3), "{m}");
}

#[tokio::test]
async fn absence_figures_are_suppressed_below_five_people_and_withheld_from_workers() {
    let (t, o, _hr, _) = absent_team().await;
    // Two more people with contract hours in team B: the city counts 5.
    hours(&o.admin, o.worker_b_id, 36.0).await;
    let p = t.create_user(None, "p@test.nl", "Pieter Bakker", "family_worker", &[o.team_b]).await;
    hours(&o.admin, p, 36.0).await;
    // May for the analyst: team A counts 3 people, every absence figure "<5".
    let a =
        o.analyst.get(&format!("/api/v1/kpis?from=2026-05-01&to=2026-05-31&team_id={}", o.team_a)).await.expect(200);
    for f in ["absence_pct", "absence_frequency_per_year", "long_absence_spells", "absence_people", "caseload_per_fte"]
    {
        assert_eq!(a[f], "<5", "{f}: {a}");
    }
    assert_eq!(a["absence_above_target"], Value::Null, "no hint of a hidden percentage");
    assert_eq!(a["absence_by_month"][0]["absence_pct"], "<5");
    // The city counts 5: 52.2 h absent of 19 × (7.2 + 3.6 + 7.2 + 7.2 + 7.2) = 615.6 h = 8.5%,
    // 1 spell / 5 people × 12 = 2.4; no long spell, and zero is below 5.
    let c = o.analyst.get("/api/v1/kpis?from=2026-05-01&to=2026-05-31").await.expect(200);
    assert_eq!(c["absence_people"], 5, "{c}");
    assert!(close(&c["absence_pct"], 8.5), "{}", c["absence_pct"]);
    assert_eq!(c["absence_above_target"], true);
    assert!(close(&c["absence_frequency_per_year"], 2.4), "{}", c["absence_frequency_per_year"]);
    assert_eq!(c["long_absence_spells"], "<5");
    // A family worker reads their own team's case figures, but no absence figure at all.
    let w =
        o.worker_a.get(&format!("/api/v1/kpis?from=2026-05-01&to=2026-05-31&team_id={}", o.team_a)).await.expect(200);
    assert!(w.get("referrals").is_some());
    for f in ["absence_pct", "caseload_per_fte", "absence_by_month", "absence_target_pct"] {
        assert!(w.get(f).is_none(), "{f} withheld: {w}");
    }
    o.worker_a.get(&format!("/api/v1/kpis?from=2026-05-01&to=2026-05-31&team_id={}", o.team_b)).await.problem(403);
    // The team manager reads the city suppressed, and no absence figures beyond their teams.
    let mc = o.manager.get("/api/v1/kpis?from=2026-05-01&to=2026-05-31").await.expect(200);
    assert!(mc.get("absence_pct").is_none(), "{mc}");
}

/// The dashboard's section "Verzuim en capaciteit": a row per month of the quarter and one for
/// the quarter, a month above the target marked in words; the same rows in the CSV export.
#[tokio::test]
async fn the_dashboard_shows_absence_per_month_against_the_target() {
    let (_t, o, _hr, _) = absent_team().await;
    let q = format!("scope=team-{}&period=quarter&start=2026-04-01", o.team_a);
    let html = o.manager.http.get(format!("{}/dashboards?{q}", o.manager.base)).send().await.expect("GET");
    assert_eq!(html.status().as_u16(), 200);
    let html = html.text().await.expect("body");
    let section = html.split("bt-dash-table--absence").nth(1).unwrap_or_default();
    let section = section.split("</section>").next().unwrap_or_default();
    assert!(section.contains("Verzuim en capaciteit (streefwaarde verzuim 7,0%)"), "{section}");
    assert_eq!(section.matches("Boven de streefwaarde van 7,0%").count(), 3, "April, May, the quarter: {section}");
    assert!(section.contains("Niet boven de streefwaarde"), "June: nobody absent");
    assert!(section.contains("role=\"img\""), "a chart of the months with the target line");
    let csv = o
        .manager
        .http
        .get(format!("{}/dashboards/export.csv?{q}&table=absence", o.manager.base))
        .send()
        .await
        .expect("GET");
    assert_eq!(csv.status().as_u16(), 200);
    let csv = csv.text().await.expect("body");
    assert!(csv.contains("april 2026;46,0;Boven de streefwaarde van 7,0%;4,00;1;1,5"), "{csv}");
    assert!(csv.contains("juni 2026;0,0;Niet boven de streefwaarde;0,00;0;1,5"), "{csv}");
    // A family worker's dashboard of their own team has no absence section.
    let w = o.worker_a.http.get(format!("{}/dashboards?{q}", o.worker_a.base)).send().await.expect("GET");
    assert!(!w.text().await.expect("body").contains("bt-dash-table--absence"));
}

/// The figures table on `/absence`, for HR (who has no steering dashboards) and the team
/// manager: on 10 June 2026, team A's month so far is 0.0%, last month (May) the hand-worked
/// 15.3%, the last twelve months above the 7% target with worker L's long spell; with more
/// than one team shown, a row of everyone together.
#[tokio::test]
async fn the_absence_page_shows_each_teams_figures_against_the_target() {
    let (t, o, hr, _) = absent_team().await;
    t.app.clock.set("2026-06-10T09:00:00Z".parse::<Timestamp>().unwrap_or_default());
    let page = |c: &Client, path: String| {
        let (http, base) = (c.http.clone(), c.base.clone());
        async move {
            let r = http.get(format!("{base}{path}")).send().await.expect("GET");
            (r.status().as_u16(), r.text().await.unwrap_or_default())
        }
    };
    let table = |html: &str| {
        let t = html.split("id=\"absence-figures\"").nth(1).unwrap_or_default();
        t.split("</table>").next().unwrap_or_default().to_owned()
    };
    let (status, html) = page(&hr, format!("/absence?team={}", o.team_a)).await;
    assert_eq!(status, 200);
    assert!(html.contains("Verzuimcijfers (streefwaarde 7,0%)"), "{html}");
    let figures = table(&html);
    assert_eq!(figures.matches("<tr class=\"utrecht-table__row\">").count(), 2, "a header and team A: {figures}");
    let row = figures.split("Buurtteam Overvecht").nth(1).unwrap_or_default();
    let cells: Vec<&str> = row.split("bt-num\">").skip(1).map(|c| c.split('<').next().unwrap_or_default()).collect();
    assert_eq!(&cells[..2], ["0,0%", "15,3%"], "this month so far, May: {row}");
    assert!(row.contains("boven de streefwaarde"), "the year above 7%: {row}");
    assert!(row.contains(">1</td>"), "worker L's long spell: {row}");
    // The team manager's two teams: a row each and one of both together.
    let (status, html) = page(&o.manager, "/absence".to_owned()).await;
    assert_eq!(status, 200);
    let figures = table(&html);
    assert!(figures.contains("Alle getoonde teams samen"), "{figures}");
    assert_eq!(figures.matches("<tr class=\"utrecht-table__row\">").count(), 4, "header, two teams, together");
}
