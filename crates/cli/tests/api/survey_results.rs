//! Experience survey results through HTTP: figures worked out by hand, suppression for every
//! reader, who may read what, open answers only for the team's managers and only with 5 or
//! more responses, and that no endpoint gives one family's answers.

use buurtteam_store::survey_results::{NewInvitation, NewResponse, bulk_insert};
use jiff::Timestamp;
use jiff::civil::{Date, date};
use serde_json::Value;

use crate::harness::{Org, TestApp, household, org, referral_body, spawn};

const Q1: &str = "from=2026-01-01&to=2026-03-31";
const Q2: &str = "from=2026-04-01&to=2026-06-30";
const H1: &str = "from=2026-01-01&to=2026-06-30";

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap_or_default()
}

struct Answers {
    quickly: i32,
    well: i32,
    mark: Option<i32>,
    comment: Option<&'static str>,
}

fn response(id: i64, team: i64, district: i64, on: Date, a: &Answers) -> NewResponse {
    NewResponse {
        id,
        version: 1,
        team_id: team,
        district_id: district,
        moment: "six_months",
        respondent: "parent",
        channel: "link",
        submitted_on: on,
        report_mark: a.mark,
        comment: a.comment.map(str::to_owned),
        answers: vec![("helped_quickly", a.quickly), ("helped_well", a.well)],
    }
}

/// Invitations for `cases` cases of `team` (two members, two moments each: four per case),
/// sent on 15 April; the first `answered` of them answered.
async fn invitations(o: &Org, team: i64, district: i64, cases: usize, answered: usize) -> Vec<NewInvitation> {
    let worker = if team == o.team_a { &o.worker_a } else { &o.worker_b };
    let mut out = Vec::new();
    for _ in 0..cases {
        let (h, members) = household(worker, district).await;
        let case = worker.post("/api/v1/cases", referral_body(h, team, &members, "2025-09-01")).await.expect(201)["id"]
            .as_i64()
            .unwrap_or(0);
        for person in &members {
            for moment in ["six_months", "closure"] {
                let n = out.len();
                out.push(NewInvitation {
                    case_id: case,
                    person_id: *person,
                    moment,
                    code_hash: format!("test-{case}-{person}-{moment}"),
                    invited_on: date(2026, 4, 15),
                    expires_at: ts("2026-05-15T00:00:00Z"),
                    responded_at: (n < answered).then(|| ts("2026-04-20T10:00:00Z")),
                    created_at: ts("2026-04-15T08:00:00Z"),
                });
            }
        }
    }
    out
}

/// Team A, second quarter: 12 responses; helped quickly 11 agree (5) and 1 not (2); helped
/// well 6 and 6; ten marks, eight 8s and two 7s (78); three open answers. 20 invitations, 12
/// answered. Team B: 6 responses, all agreeing; six 7s; 12 invitations, 6 answered. First
/// quarter: team A 5 responses (all 4s, no marks), team B none. Today is 1 August 2026.
async fn survey() -> (TestApp, Org) {
    let t = spawn().await;
    t.app.clock.set(ts("2026-08-01T09:00:00Z"));
    let o = org(&t).await;
    let (a, b, da, db) = (o.team_a, o.team_b, o.district_a, o.district_b);
    let mut inv = invitations(&o, a, da, 5, 12).await;
    inv.extend(invitations(&o, b, db, 3, 6).await);
    let mut rs = Vec::new();
    let may = date(2026, 5, 10);
    let comments = ["Snel geholpen, fijn.", "Meer contact na de zomer.", "De gesprekken thuis hielpen ons."];
    for i in 0..12 {
        let a_ = Answers {
            quickly: if i == 0 { 2 } else { 5 },
            well: if i < 6 { 4 } else { 3 },
            mark: match i {
                0 | 1 => Some(7),
                2..10 => Some(8),
                _ => None,
            },
            comment: comments.get(i).copied(),
        };
        rs.push(response(rs.len() as i64 + 1, a, da, may, &a_));
    }
    for _ in 0..6 {
        let a_ = Answers { quickly: 4, well: 5, mark: Some(7), comment: None };
        rs.push(response(rs.len() as i64 + 1, b, db, may, &a_));
    }
    for _ in 0..5 {
        let a_ = Answers { quickly: 4, well: 4, mark: None, comment: Some("Goed.") };
        rs.push(response(rs.len() as i64 + 1, a, da, date(2026, 2, 3), &a_));
    }
    let mut tx = t.app.db.begin().await.expect("tx");
    bulk_insert(&mut tx, &inv, &rs).await.expect("insert");
    tx.commit().await.expect("commit");
    (t, o)
}

fn statement<'a>(r: &'a Value, key: &str) -> &'a Value {
    r["statements"].as_array().and_then(|l| l.iter().find(|s| s["id"] == key)).unwrap_or(&Value::Null)
}

#[tokio::test]
async fn the_city_worked_out_by_hand() {
    let (_t, o) = survey().await;
    let r = o.analyst.get(&format!("/api/v1/survey-results?{Q2}")).await.expect(200);
    assert_eq!(r["scope"], "city");
    assert_eq!(r["small_counts_suppressed"], true);
    assert_eq!(r["responses"], 18);
    // 17 of 18 agreed: one did not, so the share is "<5", and at least 14 of 18 (77.7%).
    let quickly = statement(&r, "helped_quickly");
    assert_eq!(quickly["text"], "We zijn snel geholpen.");
    assert_eq!(quickly["agree_pct"], "<5");
    assert_eq!(quickly["agree_pct_at_least"], 77.7);
    // 12 of 18 agreed, 6 did not.
    assert_eq!(statement(&r, "helped_well")["agree_pct"], 66.7);
    // 16 marks summing to 120.
    assert_eq!(r["report_marks"], 16);
    assert_eq!(r["report_mark_mean"], 7.5);
    // 18 of 32 invitations answered.
    assert_eq!(r["invitations"], 32);
    assert_eq!(r["response_rate_pct"], 56.3);
    // Against the first quarter, and the year of quarters.
    assert_eq!(r["previous"]["from"], "2026-01-01");
    assert_eq!(r["previous"]["responses"], 5);
    let quarters = r["quarters"].as_array().cloned().unwrap_or_default();
    assert_eq!(quarters.len(), 4);
    assert_eq!(quarters[0]["from"], "2025-07-01");
    assert_eq!(quarters[3]["responses"], 18);
    // The response rate per team.
    let teams = r["teams"].as_array().cloned().unwrap_or_default();
    let rate = |id: i64| teams.iter().find(|x| x["team_id"] == id).map(|x| x["response_rate_pct"].clone());
    assert_eq!(rate(o.team_a), Some(Value::from(60.0)));
    assert_eq!(rate(o.team_b), Some(Value::from(50.0)));
}

#[tokio::test]
async fn a_team_is_suppressed_for_its_own_staff_too() {
    let (_t, o) = survey().await;
    let q = format!("/api/v1/survey-results?{Q2}&team_id={}", o.team_a);
    for reader in [&o.worker_a, &o.manager] {
        let r = reader.get(&q).await.expect(200);
        assert_eq!(r["responses"], 12);
        // 11 of 12 agreed: the one who did not is hidden, for the team's own staff as well.
        assert_eq!(statement(&r, "helped_quickly")["agree_pct"], "<5");
        assert_eq!(statement(&r, "helped_quickly")["agree_pct_at_least"], 66.6);
        assert_eq!(statement(&r, "helped_well")["agree_pct"], 50.0);
        assert_eq!(r["report_mark_mean"], 7.8);
        assert_eq!(r["response_rate_pct"], 60.0);
    }
    // Team B had no responses in the first quarter: its half year shows nothing, or its six of
    // the second quarter would be the half year minus the first quarter.
    let r = o.manager.get(&format!("/api/v1/survey-results?{H1}&team_id={}", o.team_b)).await.expect(200);
    assert_eq!(r["responses"], "<5");
    let r = o.manager.get(&format!("/api/v1/survey-results?{H1}&team_id={}", o.team_a)).await.expect(200);
    assert_eq!(r["responses"], 17);
    let r = o.manager.get(&format!("/api/v1/survey-results?{Q1}&district_id={}", o.district_b)).await.expect(200);
    assert_eq!(r["responses"], "<5");
}

#[tokio::test]
async fn who_may_read_the_results() {
    let (t, o) = survey().await;
    let own = format!("/api/v1/survey-results?{Q2}&team_id={}", o.team_a);
    let other = format!("/api/v1/survey-results?{Q2}&team_id={}", o.team_b);
    let city = format!("/api/v1/survey-results?{Q2}");
    o.worker_a.get(&own).await.expect(200);
    o.worker_a.get(&other).await.problem(403);
    o.worker_a.get(&city).await.problem(403);
    o.manager.get(&city).await.expect(200);
    o.analyst.get(&other).await.expect(200);
    o.admin.get(&city).await.problem(403);
    let mark = t.audit_mark().await;
    o.analyst.get(&city).await.expect(200);
    let rows = t.audit_since(mark).await;
    assert!(rows.iter().any(|r| r.action == "survey_results.read"), "the read is logged");
}

#[tokio::test]
async fn open_answers_are_for_the_teams_managers_and_only_with_five_or_more() {
    let (t, o) = survey().await;
    let q = format!("/api/v1/survey-results/open-answers?{Q2}&team_id={}", o.team_a);
    let r = o.manager.get(&q).await.expect(200);
    assert_eq!(r["withheld"], false);
    let mut answers: Vec<String> =
        r["answers"].as_array().into_iter().flatten().filter_map(|a| a.as_str().map(str::to_owned)).collect();
    answers.sort();
    assert_eq!(answers, ["De gesprekken thuis hielpen ons.", "Meer contact na de zomer.", "Snel geholpen, fijn."]);
    // Nothing beside the texts: no date, moment, channel or id.
    assert!(
        r.get("submitted_on").is_none()
            && !r.to_string().contains("six_months")
            && !r.to_string().contains("2026-05-10")
    );
    // The family worker of the team and the analyst may not.
    o.worker_a.get(&q).await.problem(403);
    o.analyst.get(&q).await.problem(403);
    // Team B's half year: no responses in the first quarter, so nothing is shown.
    let r = o.manager.get(&format!("/api/v1/survey-results/open-answers?{H1}&team_id={}", o.team_b)).await.expect(200);
    assert_eq!(r["withheld"], true);
    assert_eq!(r["answers"], Value::Array(vec![]));
    // A team is required.
    let r = o.manager.get(&format!("/api/v1/survey-results/open-answers?{Q2}")).await.problem(422);
    assert_eq!(r.fields(), ["team_id"]);
    let mark = t.audit_mark().await;
    o.manager.get(&q).await.expect(200);
    assert!(t.audit_since(mark).await.iter().any(|r| r.action == "survey_open_answers.read"));
}

#[tokio::test]
async fn no_endpoint_gives_one_familys_answers() {
    let (_t, o) = survey().await;
    // The results carry counts only: one response's answers, date or mark appear nowhere.
    let r = o.worker_a.get(&format!("/api/v1/survey-results?{Q2}&team_id={}", o.team_a)).await.expect(200);
    let text = r.to_string();
    for leak in ["2026-05-10", "Snel geholpen", "\"agree\"", "response_id", "person_id", "case_id"] {
        assert!(!text.contains(leak), "{leak} in {text}");
    }
    // There is no route to a response, by id or by case.
    for path in ["/api/v1/survey-results/1", "/api/v1/survey-responses/1", "/api/v1/survey-responses"] {
        let status = o.manager.get(path).await.status.as_u16();
        assert!(status == 404 || status == 405, "{path}: {status}");
    }
    // The smallest period is a quarter: a month, which could hold one family, is refused.
    let r = o.manager.get("/api/v1/survey-results?from=2026-05-01&to=2026-05-31").await.problem(422);
    assert_eq!(r.fields(), ["from", "to"]);
    assert_eq!(r.body["errors"][0]["code"], "whole_calendar_period");
}

#[tokio::test]
async fn bad_periods_are_422() {
    let (_t, o) = survey().await;
    let a = &o.analyst;
    // The third quarter has not ended on 1 August.
    let r = a.get("/api/v1/survey-results?from=2026-07-01&to=2026-09-30").await.problem(422);
    assert_eq!(r.fields(), ["from", "to"]);
    assert_eq!(r.body["errors"][0]["code"], "period_not_ended");
    let r = a.get("/api/v1/survey-results?from=2026-06-30&to=2026-04-01").await.problem(422);
    assert_eq!(r.fields(), ["from"]);
    let r = a.get("/api/v1/survey-results?from=2026-04-01&to=2026-06-31").await.problem(422);
    assert_eq!(r.fields(), ["to"]);
    let r = a
        .get(&format!("/api/v1/survey-results?{Q2}&team_id={}&district_id={}", o.team_a, o.district_a))
        .await
        .problem(422);
    assert_eq!(r.fields(), ["team_id", "district_id"]);
}
