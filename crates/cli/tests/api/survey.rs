//! The experience survey (issue 17): the contract of the code endpoints, one answer per code,
//! codes that expire, the daily job that invites once per moment and reminds once, paper
//! responses, the admins' versions, and that no endpoint shows one family's answers.

use buurtteam_app::jobs::{Registry, Worker};
use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};

use crate::harness::*;

const NOW: &str = "2026-06-01T09:00:00Z";

fn at(s: &str) -> Timestamp {
    s.parse().unwrap_or_default()
}

/// A case of team A in support since `started_on`, with a parent (first) and a child client.
async fn in_support(o: &Org, started_on: &str) -> (i64, Vec<i64>) {
    let (id, members) = child_referred(&o.worker_a, o.district_a, o.team_a, "2025-11-03").await;
    let path = |step: &str| format!("/api/v1/cases/{id}{step}");
    o.worker_a.post(&path("/intake"), json!({"held_on": "2025-11-05", "worker_id": o.worker_a_id})).await.expect(200);
    o.worker_a.post(&path("/start"), json!({"started_on": started_on})).await.expect(200);
    (id, members)
}

async fn invite(o: &Org, case: i64, person: i64, moment: &str) -> String {
    o.worker_a
        .post(&format!("/api/v1/cases/{case}/survey-invitations"), json!({"person_id": person, "moment": moment}))
        .await
        .expect(201)["code"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// A case in support since 2025-11-20, its first member invited at `moment`, and the survey
/// that code opens for an anonymous visitor.
async fn opened(t: &TestApp, o: &Org, moment: &str) -> (i64, String, Client, Value) {
    let (case, members) = in_support(o, "2025-11-20").await;
    let code = invite(o, case, members[0], moment).await;
    let anon = Client::new(&t.base);
    let survey = anon.get(&format!("/api/v1/survey/{code}")).await.expect(200);
    (case, code, anon, survey)
}

fn full_answer(survey: &Value, agree: i64) -> Value {
    let answers: Vec<Value> = survey["statements"]
        .as_array()
        .map(|s| s.iter().map(|s| json!({"statement_id": s["id"], "agree": agree})).collect())
        .unwrap_or_default();
    json!({"answers": answers, "report_mark": 8, "comment": "Samira en Yassin zijn blij. Bel 0612345678."})
}

#[tokio::test]
async fn a_code_opens_the_questionnaire_without_login_and_takes_one_answer() {
    let t = spawn().await;
    t.app.clock.set(at(NOW));
    let o = org(&t).await;
    let (case, members) = in_support(&o, "2025-11-20").await;
    let code = invite(&o, case, members[0], "six_months").await;
    assert_eq!(code.len(), 9, "two groups of four: {code}");

    let anon = Client::new(&t.base);
    let survey = anon.get(&format!("/api/v1/survey/{code}")).await.expect(200);
    assert_eq!(survey["statements"].as_array().map(Vec::len), Some(4));
    assert_eq!(survey["statements"][0]["text"], "We zijn snel geholpen.");
    assert_eq!(survey["report_mark"], true);
    assert_eq!(survey["open_question"], "Wat wil je ons nog zeggen?");
    let en = anon.get(&format!("/api/v1/survey/{}?lang=en", code.to_lowercase())).await.expect(200);
    assert_eq!(en["statements"][0]["text"], "We were helped quickly.", "lower case and ?lang=en");

    let before = t.count("survey_responses").await;
    let reply = anon.post(&format!("/api/v1/survey/{code}"), full_answer(&survey, 4)).await.expect(201);
    assert_eq!(reply["received"], true);
    assert_eq!(t.count("survey_responses").await, before + 1);
    assert_eq!(t.count("survey_answers").await, 4);
    anon.post(&format!("/api/v1/survey/{code}"), full_answer(&survey, 5)).await.problem(409);
    anon.get(&format!("/api/v1/survey/{code}")).await.problem(409);
    assert_eq!(t.count("survey_responses").await, before + 1, "one response per code");

    // The open answer was kept without the family's names and the phone number.
    let comments = column(&t, "survey_responses", "comment").await;
    assert_eq!(comments, vec![Some("[naam] en [naam] zijn blij. Bel [nummer].".to_owned())]);
}

/// Every value of one column of a table, as text.
async fn column(t: &TestApp, table: &str, column: &str) -> Vec<Option<String>> {
    let tables = buurtteam_store::testing::dump_all_tables(&t.app.db).await.expect("dump");
    tables
        .into_iter()
        .filter(|(name, _)| name == table)
        .flat_map(|(_, rows)| rows)
        .map(|row| row.into_iter().find(|(c, _)| c == column).and_then(|(_, v)| v))
        .collect()
}

#[tokio::test]
async fn answers_must_fit_and_unknown_or_expired_codes_are_404() {
    let t = spawn().await;
    t.app.clock.set(at(NOW));
    let o = org(&t).await;
    let (_, code, anon, survey) = opened(&t, &o, "six_months").await;
    let first = survey["statements"][0]["id"].clone();
    let partial = json!({"answers": [{"statement_id": first, "agree": 6}]});
    let fields = anon.post(&format!("/api/v1/survey/{code}"), partial).await.problem(422).fields();
    assert!(fields.contains(&"answers[0].agree".to_owned()) && fields.contains(&"answers".to_owned()), "{fields:?}");

    anon.get("/api/v1/survey/ACDE-FGHJ").await.problem(404);
    anon.get("/api/v1/survey/not-a-code").await.problem(404);
    // Thirty days later the code has expired.
    t.app.clock.set(at(NOW).checked_add(SignedDuration::from_hours(24 * 30)).expect("later"));
    anon.get(&format!("/api/v1/survey/{code}")).await.expect(200);
    t.app.clock.set(at(NOW).checked_add(SignedDuration::from_hours(24 * 31)).expect("later"));
    anon.get(&format!("/api/v1/survey/{code}")).await.problem(404);
    anon.post(&format!("/api/v1/survey/{code}"), full_answer(&survey, 3)).await.problem(404);
}

#[tokio::test]
async fn guessing_codes_is_held_off_per_address() {
    let t = spawn_with(buurtteam_app::Settings { activation_failures_per_address: 3, ..Default::default() }).await;
    t.app.clock.set(at(NOW));
    let o = org(&t).await;
    let (case, members) = in_support(&o, "2025-11-20").await;
    let code = invite(&o, case, members[0], "six_months").await;
    let anon = Client::new(&t.base);
    for guess in ["ACDE-FGHJ", "ACDE-FGHK", "ACDE-FGHM"] {
        anon.get(&format!("/api/v1/survey/{guess}")).await.problem(404);
    }
    anon.get(&format!("/api/v1/survey/{code}")).await.problem(429);
    t.app.clock.set(at(NOW).checked_add(SignedDuration::from_hours(2)).expect("later"));
    anon.get(&format!("/api/v1/survey/{code}")).await.expect(200);
}

#[tokio::test]
async fn workers_invite_parents_and_clients_from_twelve_of_their_own_cases_once_per_moment() {
    let t = spawn().await;
    t.app.clock.set(at(NOW));
    let o = org(&t).await;
    let (case, members) = in_support(&o, "2025-11-20").await;
    let path = format!("/api/v1/cases/{case}/survey-invitations");
    // The child is 10: not asked.
    let r = o.worker_a.post(&path, json!({"person_id": members[1], "moment": "closure"})).await.problem(422);
    assert_eq!(r.fields(), vec!["person_id"]);
    let r = o.worker_a.post(&path, json!({"person_id": members[0], "moment": "later"})).await.problem(422);
    assert_eq!(r.fields(), vec!["moment"]);
    invite(&o, case, members[0], "six_months").await;
    o.worker_a.post(&path, json!({"person_id": members[0], "moment": "six_months"})).await.problem(409);
    invite(&o, case, members[0], "closure").await;
    // Another team's worker, an analyst and an admin do not even see the case.
    o.worker_b.post(&path, json!({"person_id": members[0], "moment": "closure"})).await.problem(404);
    o.analyst.post(&path, json!({"person_id": members[0], "moment": "closure"})).await.problem(404);
    o.admin.post(&path, json!({"person_id": members[0], "moment": "closure"})).await.problem(404);
    // Not started yet: no six-months invitation.
    let (fresh, fresh_members) = child_referred(&o.worker_a, o.district_a, o.team_a, "2026-05-04").await;
    o.worker_a
        .post(
            &format!("/api/v1/cases/{fresh}/survey-invitations"),
            json!({"person_id": fresh_members[0], "moment": "six_months"}),
        )
        .await
        .problem(409);
}

#[tokio::test]
async fn the_job_invites_at_six_months_and_at_closure_once_and_reminds_once() {
    let t = spawn().await;
    t.app.clock.set(at(NOW));
    let o = org(&t).await;
    let (due, _) = in_support(&o, "2025-12-01").await;
    let (not_yet, _) = in_support(&o, "2025-12-02").await;
    let jobs = Worker::new(t.app.clone(), Registry::builtin());
    let run = |day: &str| {
        let (t, worker) = (&t, &jobs);
        let day = day.to_owned();
        async move {
            t.app.clock.set(at(&format!("{day}T03:00:00Z")));
            worker.run_due().await.expect("run");
        }
    };
    run("2026-06-01").await;
    let invitations = |case: i64| {
        let t = &t;
        async move { count_where(t, "survey_invitations", "case_id", case).await }
    };
    assert_eq!(invitations(due).await, 1, "the parent; the child of 10 is not asked");
    assert_eq!(invitations(not_yet).await, 0);
    run("2026-06-02").await;
    assert_eq!(invitations(due).await, 1, "once per person per moment");
    assert_eq!(invitations(not_yet).await, 1);
    // Closed: invited again, at closure.
    let close = json!({"closed_on": "2026-06-03", "reason": "result_achieved", "reason_detail": "goals_achieved", "summary": "Doelen bereikt."});
    t.app.clock.set(at("2026-06-03T10:00:00Z"));
    // Days have passed: the session of the morning before has ended.
    let worker = t.login("a@test.nl").await;
    worker.post(&format!("/api/v1/cases/{due}/close"), close).await.expect(200);
    run("2026-06-04").await;
    assert_eq!(invitations(due).await, 2);
    run("2026-06-05").await;
    assert_eq!(invitations(due).await, 2);
    // Two weeks after the first invitations: reminded once.
    let reminded = || {
        let t = &t;
        async move { count_not_null(t, "survey_invitations", "reminded_at").await }
    };
    assert_eq!(reminded().await, 0);
    run("2026-06-15").await;
    assert_eq!(reminded().await, 1, "the first invitation is two weeks old");
    run("2026-06-16").await;
    assert_eq!(reminded().await, 2);
    run("2026-06-20").await;
    assert_eq!(reminded().await, 3, "each once, no more");
    run("2026-06-25").await;
    assert_eq!(reminded().await, 3);
}

async fn count_where(t: &TestApp, table: &str, col: &str, value: i64) -> usize {
    let value = value.to_string();
    column(t, table, col).await.into_iter().filter(|v| v.as_deref() == Some(value.as_str())).count()
}

async fn count_not_null(t: &TestApp, table: &str, col: &str) -> usize {
    column(t, table, col).await.into_iter().filter(Option::is_some).count()
}

#[tokio::test]
async fn paper_responses_are_typed_in_against_their_code_by_the_team() {
    let t = spawn().await;
    t.app.clock.set(at(NOW));
    let o = org(&t).await;
    let (case, code, anon, survey) = opened(&t, &o, "six_months").await;
    let mut body = full_answer(&survey, 2);
    body["code"] = json!(code);
    let path = format!("/api/v1/cases/{case}/survey-responses");
    o.worker_b.post(&path, body.clone()).await.problem(404);
    let mark = t.audit_mark().await;
    o.worker_a.post(&path, body.clone()).await.expect(201);
    o.worker_a.post(&path, body.clone()).await.problem(409);
    anon.post(&format!("/api/v1/survey/{code}"), full_answer(&survey, 5)).await.problem(409);
    let rows = t.audit_since(mark).await;
    let paper: Vec<_> = rows.iter().filter(|r| r.action == "survey.paper_entered").collect();
    assert_eq!(paper.len(), 1);
    assert_eq!(paper[0].case_id, None, "the paper response is logged for the team, not the case");
    assert_eq!(column(&t, "survey_responses", "channel").await, vec![Some("paper".to_owned())]);
}

#[tokio::test]
async fn admins_edit_the_questionnaire_as_new_versions_others_may_not() {
    let t = spawn().await;
    t.app.clock.set(at(NOW));
    let o = org(&t).await;
    let q = o.admin.get("/api/v1/survey/questionnaire").await.expect(200);
    assert_eq!(q["version"], 1);
    let mut statements: Vec<Value> = q["statements"].as_array().cloned().unwrap_or_default();
    statements
        .push(json!({"key": "listened", "text_nl": "Er werd naar ons geluisterd.", "text_en": "They listened to us."}));
    let body =
        json!({"statements": statements, "report_mark": false, "open_question_nl": null, "open_question_en": null});
    let saved = o.admin.put("/api/v1/survey/questionnaire", body.clone()).await.expect(200);
    assert_eq!(saved["version"], 2);
    assert_eq!(saved["versions"], json!([2, 1]));
    assert_eq!(
        o.admin.put("/api/v1/survey/questionnaire", body.clone()).await.expect(200)["version"],
        2,
        "same again: no version"
    );
    o.worker_a.put("/api/v1/survey/questionnaire", body.clone()).await.problem(403);
    o.manager.get("/api/v1/survey/questionnaire").await.problem(403);
    let bad = json!({"statements": [], "report_mark": true});
    assert_eq!(o.admin.put("/api/v1/survey/questionnaire", bad).await.problem(422).fields(), vec!["statements"]);

    // A code now opens version 2: five statements, no report mark, no open question.
    let (_, code, anon, survey) = opened(&t, &o, "closure").await;
    assert_eq!(survey["statements"].as_array().map(Vec::len), Some(5));
    assert_eq!(survey["report_mark"], false);
    assert!(survey.get("open_question").is_none());
    let mut answer = full_answer(&survey, 4);
    answer["report_mark"] = Value::Null;
    answer["comment"] = Value::Null;
    anon.post(&format!("/api/v1/survey/{code}"), answer).await.expect(201);
}

#[tokio::test]
async fn no_endpoint_shows_a_worker_one_familys_answers() {
    let t = spawn().await;
    t.app.clock.set(at(NOW));
    let o = org(&t).await;
    let (case, members) = in_support(&o, "2025-11-20").await;
    let code = invite(&o, case, members[0], "six_months").await;
    let anon = Client::new(&t.base);
    let survey = anon.get(&format!("/api/v1/survey/{code}")).await.expect(200);
    let mut answer = full_answer(&survey, 1);
    answer["comment"] = json!("Het was een bijzonder-unieke-zin.");
    answer["report_mark"] = json!(3);
    anon.post(&format!("/api/v1/survey/{code}"), answer).await.expect(201);
    // Everything the worker and the manager can read about the case and its family.
    let mut seen = String::new();
    for c in [&o.worker_a, &o.manager] {
        for path in [
            format!("/api/v1/cases/{case}"),
            format!("/api/v1/cases/{case}/contacts"),
            format!("/api/v1/cases/{case}/plan"),
            format!("/api/v1/cases/{case}/access-log"),
            format!("/api/v1/cases/{case}/export?person_id={}&received_on=2026-05-30", members[0]),
            format!("/api/v1/survey/{code}"),
            "/api/v1/worklist".to_owned(),
        ] {
            let r = c.get(&path).await;
            seen.push_str(&r.body.to_string());
        }
        for page in [format!("/cases/{case}"), format!("/cases/{case}/survey")] {
            seen.push_str(&c.get(&page).await.text);
        }
    }
    assert!(!seen.contains("bijzonder-unieke-zin"), "the open answer shows nowhere");
    assert!(!seen.contains("\"report_mark\":3"), "the report mark shows nowhere");
}
