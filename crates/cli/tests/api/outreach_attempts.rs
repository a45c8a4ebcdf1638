//! Outreach attempts (issue 16, decision 0034) through HTTP, on the backend under test: the
//! contract, an accepted offer becoming a referral on the district team's worklist with source
//! outreach, a decline needing its reason, unreachable after N fruitless attempts, the funnel
//! against hand-worked numbers, who may record and see (a worker not assigned: 403; a portal
//! account: 404), destruction of a referred file, and the retention job with the clock set.

use buurtteam_app::Settings;
use buurtteam_domain::ids::{DistrictId, HouseholdId, UserId};
use jiff::Timestamp;
use jiff::civil::date;
use serde_json::{Value, json};

use crate::harness::{Org, TestApp, child_referred, household, org, portal_account, spawn, spawn_with};

fn at(ts: &str) -> Timestamp {
    ts.parse().unwrap_or_default()
}

const TODAY: &str = "2026-03-02";

/// A campaign over district A with worker B (of district B's team) assigned, and `n` addresses
/// in district A (one signal each, received on 2 March 2026); the first `known` of them matched
/// to `household`.
pub(crate) async fn campaign(t: &TestApp, o: &Org, n: usize, household: Option<i64>) -> (i64, Vec<i64>) {
    let (da, wb) = (DistrictId(o.district_a), UserId(o.worker_b_id));
    let now = t.app.now();
    t.app
        .db
        .write(move |tx| {
            Box::pin(async move {
                use buurtteam_store::outreach_seed as seed;
                let c = seed::campaign(
                    tx,
                    buurtteam_domain::outreach::CampaignKind::BenefitsScandal,
                    "Hersteloperatie",
                    date(2026, 2, 1),
                    &[da],
                    &[wb],
                    UserId(1),
                    now,
                )
                .await?;
                let mut ids = Vec::new();
                for i in 0..n {
                    let h = if i == 0 { household.map(HouseholdId) } else { None };
                    let name = ("Ayşe", "Şahin");
                    let id = seed::address(
                        tx,
                        c,
                        Some(da),
                        "Bottelier",
                        10 + i as i64,
                        "3564 AB",
                        h,
                        name,
                        date(2026, 3, 2),
                        UserId(1),
                        now,
                    )
                    .await?;
                    ids.push(id);
                }
                Ok::<_, buurtteam_store::StoreError>((c, ids))
            })
        })
        .await
        .expect("seed")
}

fn attempt(approach: &str, result: &str) -> Value {
    json!({"approach": approach, "on": TODAY, "result": result})
}

fn path(address: i64) -> String {
    format!("/api/v1/campaign-addresses/{address}/attempts")
}

async fn setup(t: &TestApp) -> Org {
    t.app.clock.set(at("2026-03-02T10:00:00Z"));
    org(t).await
}

#[tokio::test]
async fn an_accepted_offer_becomes_a_referral_on_the_district_teams_worklist() {
    let t = spawn().await;
    let o = setup(&t).await;
    let (known, _) = household(&o.worker_a, o.district_a).await;
    let (c, addresses) = campaign(&t, &o, 2, Some(known)).await;
    let wb = &o.worker_b;

    // The contract.
    let r = wb.post(&path(addresses[1]), attempt("phone", "no_answer")).await.expect(201);
    assert_eq!((r["status"].as_str(), r["campaign_id"].as_i64(), r["case_id"].as_i64()), (Some("open"), Some(c), None));
    let e = wb
        .post(&path(addresses[1]), json!({"approach": "fax", "on": "2026-03-09", "result": "maybe"}))
        .await
        .problem(422);
    assert_eq!(e.fields(), vec!["approach", "on", "result"]);

    // An address not known to a team: the birth date of who accepted is needed for the new household.
    let accepted = attempt("house_visit", "accepted");
    let e = wb.post(&path(addresses[1]), accepted.clone()).await.problem(422);
    assert_eq!(e.fields(), vec!["birth_date"]);
    let mut with_birth = accepted.clone();
    with_birth["birth_date"] = json!("1984-05-06");
    let r = wb.post(&path(addresses[1]), with_birth.clone()).await.expect(201);
    assert_eq!(r["status"], "accepted");
    let case = r["case_id"].as_i64().expect("case_id");
    // Nothing follows acceptance.
    let e = wb.post(&path(addresses[1]), attempt("phone", "spoken")).await.problem(409);
    assert!(e.body["detail"].as_str().is_some_and(|d| d.contains("accepted")), "{}", e.body);

    // The referral: team A's, source outreach, the client named on the signal, to be picked up.
    let file = o.manager.get(&format!("/api/v1/cases/{case}")).await.expect(200);
    assert_eq!((file["source"].as_str(), file["team_id"].as_i64()), (Some("outreach"), Some(o.team_a)), "{file}");
    assert_eq!(file["status"], "referred");
    assert!(file.to_string().contains("Şahin"), "{file}");
    let list = o.worker_a.get("/api/v1/worklist").await.expect(200);
    assert!(list.to_string().contains(&format!("\"id\":{case}")), "on team A's worklist: {list}");

    // A known household: its referral is for that household; no birth date asked.
    let r = wb.post(&path(addresses[0]), accepted).await.expect(201);
    let second = r["case_id"].as_i64().expect("case_id");
    let file = o.manager.get(&format!("/api/v1/cases/{second}")).await.expect(200);
    assert_eq!(file["household_id"].as_i64(), Some(known));

    // The audit: the attempt and the referral.
    let mark = t.audit_mark().await;
    let (other_c, more) = campaign(&t, &o, 1, None).await;
    let _ = other_c;
    wb.post(&path(more[0]), attempt("phone", "spoken")).await.expect(201);
    let actions: Vec<String> = t.audit_since(mark).await.into_iter().map(|r| r.action).collect();
    assert_eq!(actions, vec!["outreach.attempt_recorded"]);
}

#[tokio::test]
async fn a_decline_needs_its_reason_and_unreachable_follows_the_setting() {
    let t = spawn_with(Settings { outreach_unreachable_after: 2, ..Settings::default() }).await;
    let o = setup(&t).await;
    let (_, a) = campaign(&t, &o, 3, None).await;
    let wb = &o.worker_b;
    let e = wb.post(&path(a[0]), attempt("phone", "declined")).await.problem(422);
    assert_eq!(e.fields(), vec!["decline_reason"]);
    let other = json!({"approach": "phone", "on": TODAY, "result": "declined", "decline_reason": "other"});
    assert_eq!(wb.post(&path(a[0]), other).await.problem(422).fields(), vec!["decline_detail"]);
    let stray = json!({"approach": "phone", "on": TODAY, "result": "spoken", "decline_reason": "lawyer"});
    assert_eq!(wb.post(&path(a[0]), stray).await.problem(422).fields(), vec!["decline_reason"]);
    let ok = json!({"approach": "phone", "on": TODAY, "result": "declined", "decline_reason": "other", "decline_detail": "Wil eerst zelf bellen"});
    assert_eq!(wb.post(&path(a[0]), ok).await.expect(201)["status"], "declined");
    // A family that declined may still accept.
    let mut later = attempt("house_visit", "accepted");
    later["birth_date"] = json!("1979-01-02");
    assert_eq!(wb.post(&path(a[0]), later).await.expect(201)["status"], "accepted");

    // Two fruitless attempts (the setting) make an address never reached unreachable ...
    assert_eq!(wb.post(&path(a[1]), attempt("phone", "no_answer")).await.expect(201)["status"], "open");
    assert_eq!(wb.post(&path(a[1]), attempt("house_visit", "not_home")).await.expect(201)["status"], "unreachable");
    // ... not one that was reached.
    wb.post(&path(a[2]), attempt("phone", "spoken")).await.expect(201);
    wb.post(&path(a[2]), attempt("phone", "no_answer")).await.expect(201);
    assert_eq!(wb.post(&path(a[2]), attempt("phone", "wrong_number")).await.expect(201)["status"], "reached");
}

/// The worked example of docs/kpi.md: six addresses.
#[tokio::test]
async fn the_funnel_matches_the_hand_worked_example_and_only_its_circle_sees_it() {
    let t = spawn().await;
    let o = setup(&t).await;
    let (c, a) = campaign(&t, &o, 6, None).await;
    let wb = &o.worker_b;
    let steps: [(usize, &str, &str); 9] = [
        (0, "house_visit", "offer_made"),
        (0, "house_visit", "accepted"),
        (1, "phone", "no_answer"),
        (1, "phone", "no_answer"),
        (1, "house_visit", "offer_made"),
        (2, "phone", "spoken"),
        (4, "phone", "no_answer"),
        (4, "phone", "no_answer"),
        (4, "phone_and_flyer", "not_home"),
    ];
    for (i, approach, result) in steps {
        let mut body = attempt(approach, result);
        body["birth_date"] = json!("1980-01-01");
        if result != "accepted" {
            body.as_object_mut().map(|m| m.remove("birth_date"));
        }
        wb.post(&path(a[i]), body).await.expect(201);
    }
    let declined = json!({"approach": "phone", "on": TODAY, "result": "declined", "decline_reason": "lawyer"});
    wb.post(&path(a[3]), declined).await.expect(201);

    let f = o.manager.get(&format!("/api/v1/campaigns/{c}/funnel")).await.expect(200);
    let stages = |v: &Value| {
        ["addresses", "reached", "offer_made", "accepted", "declined", "unreachable"]
            .map(|k| v[k].as_i64().unwrap_or(-1))
    };
    assert_eq!(stages(&f), [6, 4, 3, 1, 1, 1], "{f}");
    assert_eq!((f["offer_rate"].as_f64(), f["reached_rate"].as_f64()), (Some(50.0), Some(66.7)));
    assert_eq!(stages(&f["by_approach"]["house_visit"]), [2, 2, 2, 1, 0, 0]);
    assert_eq!(stages(&f["by_approach"]["phone"]), [2, 2, 1, 0, 1, 0]);
    assert_eq!(stages(&f["by_approach"]["phone_and_flyer"]), [1, 0, 0, 0, 0, 1]);
    assert_eq!(f["by_district"][o.district_a.to_string()]["addresses"], 6);
    assert_eq!(f["declined_by_reason"]["lawyer"], 1);
    // The worker assigned and the analyst see it too.
    assert_eq!(wb.get(&format!("/api/v1/campaigns/{c}/funnel")).await.expect(200), f);
    assert_eq!(o.analyst.get(&format!("/api/v1/campaigns/{c}/funnel")).await.expect(200), f);

    // A family worker of the district who is not assigned: 403 for both; no such campaign: 404.
    o.worker_a.post(&path(a[5]), attempt("phone", "spoken")).await.problem(403);
    o.worker_a.get(&format!("/api/v1/campaigns/{c}/funnel")).await.problem(403);
    o.admin.post(&path(a[5]), attempt("phone", "spoken")).await.problem(403);
    wb.post(&path(999_999), attempt("phone", "spoken")).await.problem(404);
    o.manager.get("/api/v1/campaigns/999999/funnel").await.problem(404);
    // A portal account: as if there were nothing.
    let (case, members) = child_referred(&o.worker_a, o.district_a, o.team_a, TODAY).await;
    let parent = portal_account(&t, &o.worker_a, case, members[0], "ouder@example.nl").await;
    parent.post(&path(a[5]), attempt("phone", "spoken")).await.problem(404);
    parent.get(&format!("/api/v1/campaigns/{c}/funnel")).await.problem(404);
}

/// Every refused outreach action writes one `team.access_refused` row, as refusals on a
/// team's other work do: the kind and id of what was asked for and the action attempted. A
/// family worker of the district who is not assigned is refused (403: that campaigns exist is
/// no secret among staff, decision 0033), a probe of an address that does not exist and a
/// portal account get 404; each is logged, and nothing else is written.
#[tokio::test]
async fn every_refused_outreach_action_is_logged_as_a_team_refusal() {
    let t = spawn().await;
    let o = setup(&t).await;
    let (c, a) = campaign(&t, &o, 2, None).await;
    let refusals = |rows: Vec<buurtteam_store::audit::Row>| -> Vec<(String, String, Option<i64>, String)> {
        rows.into_iter()
            .map(|r| {
                let detail: Value = serde_json::from_str(&r.detail).unwrap_or_default();
                let attempted = detail["attempted"].as_str().unwrap_or_default().to_owned();
                (r.action, r.object_type, r.object_id, attempted)
            })
            .collect()
    };
    let refused = |object: &str, id: i64, attempted: &str| {
        ("team.access_refused".to_owned(), object.to_owned(), Some(id), attempted.to_owned())
    };

    let mark = t.audit_mark().await;
    o.worker_a.post(&path(a[0]), attempt("phone", "spoken")).await.problem(403);
    o.worker_a.get(&format!("/api/v1/campaign-addresses/{}", a[0])).await.problem(403);
    o.worker_a.get(&format!("/api/v1/campaigns/{c}/addresses")).await.problem(403);
    o.worker_a.get(&format!("/api/v1/campaigns/{c}/funnel")).await.problem(403);
    assert_eq!(
        refusals(t.audit_since(mark).await),
        vec![
            refused("campaign_address", a[0], "record_attempt"),
            refused("campaign", c, "read_work_basket"),
            refused("campaign", c, "read_work_basket"),
            refused("campaign", c, "read_funnel"),
        ]
    );

    // A probe of an address that does not exist: 404, logged as not existing.
    let mark = t.audit_mark().await;
    o.worker_b.post(&path(999_999), attempt("phone", "spoken")).await.problem(404);
    let rows = t.audit_since(mark).await;
    assert_eq!(refusals(rows.clone()), vec![refused("campaign_address", 999_999, "record_attempt")]);
    let detail: Value = serde_json::from_str(&rows[0].detail).unwrap_or_default();
    assert_eq!((detail["exists"].as_bool(), detail["refusal"].as_str()), (Some(false), Some("not_found")));
    assert_eq!(rows[0].actor_user_id.map(|u| u.0), Some(o.worker_b_id));

    // A portal account: 404 as if there were nothing, and logged all the same.
    let (case, members) = child_referred(&o.worker_a, o.district_a, o.team_a, TODAY).await;
    let parent = portal_account(&t, &o.worker_a, case, members[0], "ouder@example.nl").await;
    let mark = t.audit_mark().await;
    parent.post(&path(a[1]), attempt("phone", "spoken")).await.problem(404);
    parent.get(&format!("/api/v1/campaigns/{c}/funnel")).await.problem(404);
    assert_eq!(
        refusals(t.audit_since(mark).await),
        vec![refused("campaign_address", a[1], "record_attempt"), refused("campaign", c, "read_funnel")]
    );

    // Nothing was recorded by the refused attempts: the assigned worker's view is untouched.
    let f = o.worker_b.get(&format!("/api/v1/campaigns/{c}/funnel")).await.expect(200);
    assert_eq!(f["reached"], 0);
}

#[tokio::test]
async fn signal_data_go_after_the_term_and_the_funnel_still_counts_them() {
    let t = spawn().await;
    let o = setup(&t).await;
    let (c, a) = campaign(&t, &o, 3, None).await;
    let wb = &o.worker_b;
    let declined = json!({"approach": "phone", "on": TODAY, "result": "declined", "decline_reason": "other", "decline_detail": "Schaamt zich"});
    wb.post(&path(a[0]), declined).await.expect(201);
    let mut accepted = attempt("house_visit", "accepted");
    accepted["birth_date"] = json!("1984-05-06");
    wb.post(&path(a[1]), accepted).await.expect(201);
    let before = o.manager.get(&format!("/api/v1/campaigns/{c}/funnel")).await.expect(200);

    // A day before the term (12 months after the last signal): nothing goes.
    t.app.clock.set(at("2027-03-01T10:00:00Z"));
    let summary = buurtteam_app::outreach_attempts::destroy_due(&t.app).await.expect("job");
    assert!(summary.starts_with("signal data of 0 addresses"), "{summary}");
    assert_eq!(t.count("campaign_signals").await, 3);
    // On the day after: the two that did not become clients lose their signals and address.
    t.app.clock.set(at("2027-03-03T10:00:00Z"));
    let summary = buurtteam_app::outreach_attempts::destroy_due(&t.app).await.expect("job");
    assert!(summary.starts_with("signal data of 2 addresses"), "{summary}");
    assert_eq!(t.count("campaign_signals").await, 1, "the client's signal stays with the file");
    assert_eq!(t.count("outreach_attempts").await, 2, "attempts stay");
    // A year on, the sessions have ended: log in again.
    let m = t.login("m@test.nl").await;
    let wb = &t.login("b@test.nl").await;
    let after = m.get(&format!("/api/v1/campaigns/{c}/funnel")).await.expect(200);
    assert_eq!(after, before, "the funnel still counts them");
    // A destroyed address takes no attempts.
    wb.post(&path(a[2]), attempt("phone", "spoken")).await.problem(409);
    // The job is registered to run daily.
    assert!(buurtteam_app::jobs::Registry::builtin().recurring_kinds().any(|k| k == "outreach.retention"));
}
