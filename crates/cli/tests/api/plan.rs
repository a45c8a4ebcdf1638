//! The family plan and Mijn Buurtteam through HTTP: every rule of "who sees what", including
//! revocation, on the backend under test (SQLite, or PostgreSQL with `BUURTTEAM_TEST_PG`).

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::harness::{Client, Org, PASSWORD, TestApp, org, portal_account, referral_body, spawn};

/// A household with a client of every age the rules distinguish, plus a grandmother who lives
/// in and is no client; the case is in team A.
pub(crate) struct Family {
    pub(crate) case: i64,
    pub(crate) mother: i64,
    pub(crate) grandmother: i64,
    pub(crate) child: i64,
    pub(crate) teen: i64,
    pub(crate) youth: i64,
}

/// Birth date of someone who turned `age` on 1 January of this year.
pub(crate) fn born(age: i16) -> String {
    let year = jiff::Zoned::now().year() - age;
    format!("{year}-01-01")
}

pub(crate) async fn family(t: &TestApp, o: &Org) -> Family {
    let w = &o.worker_a;
    let h = w
        .post(
            "/api/v1/households",
            json!({
                "address": {"street": "Zamenhofdreef", "house_number": 12, "postcode": "3562 JW", "city": "Utrecht"},
                "district_id": o.district_a,
                "members": [
                    {"given_name": "Samira", "family_name": "El Amrani", "birth_date": born(40), "role": "parent"},
                    {"given_name": "Fatma", "family_name": "El Amrani", "birth_date": born(70), "role": "other"},
                    {"given_name": "Yassin", "family_name": "El Amrani", "birth_date": born(10), "role": "child"},
                    {"given_name": "Lina", "family_name": "El Amrani", "birth_date": born(14), "role": "child"},
                    {"given_name": "Noor", "family_name": "El Amrani", "birth_date": born(17), "role": "child"}
                ]
            }),
        )
        .await
        .expect(201);
    let ids: Vec<i64> =
        h["members"].as_array().map(|m| m.iter().filter_map(|x| x["id"].as_i64()).collect()).unwrap_or_default();
    let (mother, grandmother, child, teen, youth) = (ids[0], ids[1], ids[2], ids[3], ids[4]);
    let hid = h["id"].as_i64().unwrap_or(0);
    let today = jiff::Zoned::now().date().to_string();
    let case =
        w.post("/api/v1/cases", referral_body(hid, o.team_a, &[mother, child, teen, youth], &today)).await.expect(201)
            ["id"]
            .as_i64()
            .unwrap_or(0);
    w.post(&format!("/api/v1/cases/{case}/intake"), json!({"held_on": today})).await.expect(200);
    w.post(&format!("/api/v1/cases/{case}/start"), json!({"started_on": today})).await.expect(200);
    let _ = t;
    Family { case, mother, grandmother, child, teen, youth }
}

pub(crate) async fn goal(w: &Client, case: i64, title: &str, client: Option<i64>, confidential: bool) -> i64 {
    let mut body = json!({"life_domain": "parenting", "title": title, "description": "in eigen woorden", "client_id": client, "confidential": confidential});
    if confidential {
        body["confidential_reason"] = json!("Veiligheid van de jongere");
    }
    w.post(&format!("/api/v1/cases/{case}/goals"), body).await.expect(201)["id"].as_i64().unwrap_or(0)
}

fn goal_ids(plan: &Value) -> BTreeSet<i64> {
    plan["goals"].as_array().map(|g| g.iter().filter_map(|x| x["id"].as_i64()).collect()).unwrap_or_default()
}

fn set(ids: &[i64]) -> BTreeSet<i64> {
    ids.iter().copied().collect()
}

struct Plan {
    house: i64,
    child: i64,
    teen: i64,
    teen_confidential: i64,
    youth: i64,
    mother: i64,
}

async fn plan(w: &Client, f: &Family) -> Plan {
    Plan {
        house: goal(w, f.case, "Rust in huis", None, false).await,
        child: goal(w, f.case, "Yassin slaapt op tijd", Some(f.child), false).await,
        teen: goal(w, f.case, "Lina gaat weer naar school", Some(f.teen), false).await,
        teen_confidential: goal(w, f.case, "Lina praat over thuis", Some(f.teen), true).await,
        youth: goal(w, f.case, "Noor zoekt een bijbaan", Some(f.youth), false).await,
        mother: goal(w, f.case, "Samira regelt haar schulden", Some(f.mother), false).await,
    }
}

#[tokio::test]
async fn who_sees_which_goal_in_the_portal() {
    let t = spawn().await;
    let o = org(&t).await;
    let f = family(&t, &o).await;
    let p = plan(&o.worker_a, &f).await;
    let w = &o.worker_a;
    w.post(
        &format!("/api/v1/cases/{}/working-notes", f.case),
        json!({"body": "Vermoeden van spanningen tussen ouders"}),
    )
    .await
    .expect(201);

    let mother = portal_account(&t, w, f.case, f.mother, "samira@example.nl").await;
    let teen = portal_account(&t, w, f.case, f.teen, "lina@example.nl").await;
    let youth = portal_account(&t, w, f.case, f.youth, "noor@example.nl").await;
    let grandmother = portal_account(&t, w, f.case, f.grandmother, "fatma@example.nl").await;

    // Parents see their children's goals under 16 and their own; not the confidential goal,
    // not the unshared goal of the 17-year-old.
    let m = mother.get("/api/v1/portal/plan").await.expect(200);
    assert_eq!(goal_ids(&m), set(&[p.house, p.child, p.teen, p.mother]));
    // The 14-year-old sees her own goals, the confidential one included, and the household's.
    let l = teen.get("/api/v1/portal/plan").await.expect(200);
    assert_eq!(goal_ids(&l), set(&[p.house, p.teen, p.teen_confidential]));
    // The 17-year-old: own goal and the household's; the mother's goal is private to her.
    let n = youth.get("/api/v1/portal/plan").await.expect(200);
    assert_eq!(goal_ids(&n), set(&[p.house, p.youth]));
    // A household member who is no client: the household's goals only.
    let g = grandmother.get("/api/v1/portal/plan").await.expect(200);
    assert_eq!(goal_ids(&g), set(&[p.house]));

    // Working notes never reach the portal, in no field and under no address.
    for (who, body) in [("mother", &m), ("teen", &l), ("youth", &n), ("grandmother", &g)] {
        assert!(!body.to_string().contains("spanningen"), "{who} got a working note: {body}");
    }
    mother.get(&format!("/api/v1/cases/{}/working-notes", f.case)).await.problem(404);
    // The confidential reason is shown to its own client only.
    let own = l["goals"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|x| x["id"] == p.teen_confidential)
        .cloned()
        .unwrap_or_default();
    assert_eq!(own["confidential_reason"], "Veiligheid van de jongere");

    // The 17-year-old shares her goal: her mother and her sister (clients) see it, the
    // grandmother (no client) still does not.
    mother.patch_goal(p.youth, json!({"shared": true})).await.problem(404);
    youth.patch_goal(p.youth, json!({"shared": true})).await.expect(200);
    assert!(goal_ids(&mother.get("/api/v1/portal/plan").await.expect(200)).contains(&p.youth));
    assert!(goal_ids(&teen.get("/api/v1/portal/plan").await.expect(200)).contains(&p.youth));
    assert!(!goal_ids(&grandmother.get("/api/v1/portal/plan").await.expect(200)).contains(&p.youth));
    // Seeing a shared goal is not owning it: the mother may not unshare it or change it.
    mother.patch_goal(p.youth, json!({"shared": false})).await.problem(403);
    mother.patch_goal(p.child, json!({"title": "Anders"})).await.problem(403);
    // Under 16 there is nothing to share: the parents see it anyway.
    teen.patch_goal(p.teen, json!({"shared": true})).await.problem(403);
    // And she can take it back.
    youth.patch_goal(p.youth, json!({"shared": false})).await.expect(200);
    assert!(!goal_ids(&mother.get("/api/v1/portal/plan").await.expect(200)).contains(&p.youth));

    // The worker marks the 14-year-old's goal confidential (a reason is required): the
    // parent no longer sees it.
    w.patch_goal(p.teen, json!({"confidential": true})).await.problem(422);
    w.patch_goal(p.teen, json!({"confidential": true, "confidential_reason": "Lina vroeg erom"})).await.expect(200);
    assert!(!goal_ids(&mother.get("/api/v1/portal/plan").await.expect(200)).contains(&p.teen));
    assert!(goal_ids(&teen.get("/api/v1/portal/plan").await.expect(200)).contains(&p.teen));

    // A child under 12 gets no account of their own.
    let r = w
        .post(&format!("/api/v1/cases/{}/portal-invitations", f.case), json!({"person_id": f.child}))
        .await
        .problem(422);
    assert_eq!(r.body["errors"][0]["code"], "too_young_for_portal");
}

#[tokio::test]
async fn staff_see_plans_by_team_and_managers_read_the_access_log() {
    let t = spawn().await;
    let o = org(&t).await;
    let f = family(&t, &o).await;
    let p = plan(&o.worker_a, &f).await;
    let path = format!("/api/v1/cases/{}/plan", f.case);

    let own = o.worker_a.get(&path).await.expect(200);
    assert_eq!(goal_ids(&own).len(), 6, "staff of the team see every goal, confidential ones too");
    o.manager.get(&path).await.expect(200);
    o.worker_b.get(&path).await.problem(404);
    o.analyst.get(&path).await.problem(404);
    o.admin.get(&path).await.problem(404);
    o.worker_b
        .post(&format!("/api/v1/cases/{}/goals", f.case), json!({"life_domain": "housing", "title": "x"}))
        .await
        .problem(404);
    o.worker_b.patch_goal(p.house, json!({"title": "Overgenomen"})).await.problem(404);

    // Team managers read who looked at the file, with the session; family workers do not.
    let log_path = format!("/api/v1/cases/{}/access-log", f.case);
    let log = o.manager.get(&log_path).await.expect(200);
    let reads: Vec<&Value> = log.as_array().into_iter().flatten().filter(|r| r["action"] == "plan.read").collect();
    assert!(reads.iter().any(|r| r["actor_user_id"] == o.worker_a_id), "the worker's read is logged: {log}");
    assert!(reads.iter().all(|r| r["session_ref"].as_str().is_some_and(|s| s.len() == 12)), "{log}");
    o.worker_a.get(&log_path).await.problem(403);
    o.worker_b.get(&log_path).await.problem(404);
    o.analyst.get(&log_path).await.problem(404);

    // A read appends exactly one row, in the same transaction as the read.
    let before = t.count("audit_log").await;
    o.worker_a.get(&path).await.expect(200);
    assert_eq!(t.count("audit_log").await, before + 1);
    // A refused read is logged as an attempt.
    o.worker_b.get(&path).await.problem(404);
    assert_eq!(t.count("audit_log").await, before + 2);
}

#[tokio::test]
async fn network_members_see_their_goal_only_while_invited() {
    let t = spawn().await;
    let o = org(&t).await;
    let f = family(&t, &o).await;
    let p = plan(&o.worker_a, &f).await;
    let mother = portal_account(&t, &o.worker_a, f.case, f.mother, "samira@example.nl").await;
    let youth = portal_account(&t, &o.worker_a, f.case, f.youth, "noor@example.nl").await;
    let grandmother = portal_account(&t, &o.worker_a, f.case, f.grandmother, "fatma@example.nl").await;

    // Only clients invite, and only onto goals they may: not the grandmother; not the mother
    // onto the 17-year-old's goal even when shared.
    let body = json!({"name": "Karin de Buurvrouw", "relation": "buurvrouw", "email": "karin@example.nl"});
    grandmother.post(&format!("/api/v1/goals/{}/network-invitations", p.house), body.clone()).await.problem(403);
    mother.post(&format!("/api/v1/goals/{}/network-invitations", p.youth), body.clone()).await.problem(404);
    let inv = mother.post(&format!("/api/v1/goals/{}/network-invitations", p.child), body).await.expect(201);
    let (inv_id, code) = (inv["id"].as_i64().unwrap_or(0), inv["code"].as_str().unwrap_or_default().to_owned());

    let anon = Client::new(&t.base);
    // A wrong code or a weak password is refused, naming the field.
    let r = anon
        .post(
            "/api/v1/portal/activate",
            json!({"code": "AAAA-BBBB-CCCC", "email": "karin@example.nl", "password": PASSWORD}),
        )
        .await
        .problem(422);
    assert_eq!(r.fields(), vec!["code"]);
    let r = anon
        .post("/api/v1/portal/activate", json!({"code": code, "email": "karin@example.nl", "password": "kort"}))
        .await
        .problem(422);
    assert_eq!(r.fields(), vec!["password"]);
    // The code works once, typed in lower case and without dashes too.
    let typed = code.replace('-', "").to_lowercase();
    anon.post("/api/v1/portal/activate", json!({"code": typed, "email": "karin@example.nl", "password": PASSWORD}))
        .await
        .expect(201);
    anon.post("/api/v1/portal/activate", json!({"code": code, "email": "karin2@example.nl", "password": PASSWORD}))
        .await
        .problem(422);
    let karin = t.login("karin@example.nl").await;

    let seen = karin.get("/api/v1/portal/plan").await.expect(200);
    assert_eq!(goal_ids(&seen), set(&[p.child]));
    assert!(seen["household"].as_array().is_some_and(Vec::is_empty), "no household list for the network");
    assert!(seen["goals"][0]["scores"].is_null(), "no self-sufficiency scores for the network");
    assert!(seen["evaluations"].is_null());
    karin
        .post(&format!("/api/v1/goals/{}/comments", p.child), json!({"body": "Ik breng hem woensdag naar bed"}))
        .await
        .expect(201);
    karin.post(&format!("/api/v1/goals/{}/comments", p.house), json!({"body": "x"})).await.problem(404);
    karin.get(&format!("/api/v1/cases/{}/plan", f.case)).await.problem(404);
    karin.get(&format!("/api/v1/cases/{}/working-notes", f.case)).await.problem(404);
    karin.post(&format!("/api/v1/goals/{}/proposals", p.child), json!({"title": "Later naar bed"})).await.problem(403);

    // An action for the network member: she marks it done; the mother may not mark hers.
    let action = o
        .worker_a
        .post(&format!("/api/v1/goals/{}/actions", p.child), json!({"description": "Woensdag voorlezen", "performer": "network_member", "network_invitation_id": inv_id}))
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    mother.patch_action(action, json!({"done": true})).await.problem(403);
    karin.patch_action(action, json!({"done": true})).await.expect(200);

    // The 17-year-old did not invite her and may not revoke; the mother may, and it counts at once.
    youth.delete(&format!("/api/v1/network-invitations/{inv_id}")).await.problem(404);
    mother.delete(&format!("/api/v1/network-invitations/{inv_id}")).await.expect(204);
    karin.get("/api/v1/portal/plan").await.problem(404);
    karin.post(&format!("/api/v1/goals/{}/comments", p.child), json!({"body": "Nog één ding"})).await.problem(404);
    karin.patch_action(action, json!({"done": false})).await.problem(404);

    // The worker can revoke too; a goal marked confidential closes to the network at once.
    let inv2 = o
        .worker_a
        .post(
            &format!("/api/v1/goals/{}/network-invitations", p.house),
            json!({"name": "Opa Ahmed", "relation": "opa", "email": "ahmed@example.nl"}),
        )
        .await
        .expect(201);
    anon.post(
        "/api/v1/portal/activate",
        json!({"code": inv2["code"], "email": "ahmed@example.nl", "password": PASSWORD}),
    )
    .await
    .expect(201);
    let opa = t.login("ahmed@example.nl").await;
    assert_eq!(goal_ids(&opa.get("/api/v1/portal/plan").await.expect(200)), set(&[p.house]));
    o.worker_a.patch_goal(p.house, json!({"confidential": true, "confidential_reason": "Tijdelijk"})).await.expect(200);
    assert!(goal_ids(&opa.get("/api/v1/portal/plan").await.expect(200)).is_empty());
    o.worker_a.patch_goal(p.house, json!({"confidential": false})).await.expect(200);
    assert_eq!(goal_ids(&opa.get("/api/v1/portal/plan").await.expect(200)), set(&[p.house]));
    o.worker_a.delete(&format!("/api/v1/network-invitations/{}", inv2["id"])).await.expect(204);
    opa.get("/api/v1/portal/plan").await.problem(404);
}

#[tokio::test]
async fn proposals_actions_agreement_and_versions() {
    let t = spawn().await;
    let o = org(&t).await;
    let f = family(&t, &o).await;
    let p = plan(&o.worker_a, &f).await;
    let w = &o.worker_a;
    let mother = portal_account(&t, w, f.case, f.mother, "samira@example.nl").await;
    let grandmother = portal_account(&t, w, f.case, f.grandmother, "fatma@example.nl").await;

    // The mother proposes new words; the grandmother may comment but not propose.
    let proposal = mother
        .post(&format!("/api/v1/goals/{}/proposals", p.child), json!({"title": "Yassin ligt om acht uur in bed"}))
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    grandmother.post(&format!("/api/v1/goals/{}/proposals", p.house), json!({"title": "x"})).await.problem(403);
    grandmother.post(&format!("/api/v1/goals/{}/comments", p.house), json!({"body": "Goed plan"})).await.expect(201);
    mother.post(&format!("/api/v1/proposals/{proposal}/decision"), json!({"accept": true})).await.problem(403);
    let accepted = w.post(&format!("/api/v1/proposals/{proposal}/decision"), json!({"accept": true})).await.expect(200);
    assert_eq!(accepted["title"], "Yassin ligt om acht uur in bed");
    w.post(&format!("/api/v1/proposals/{proposal}/decision"), json!({"accept": false})).await.problem(409);

    // Her own action she marks done; someone else's she may not.
    let mine = w
        .post(&format!("/api/v1/goals/{}/actions", p.house), json!({"description": "Weekschema maken", "performer": "family_member", "person_id": f.mother, "due_on": "2030-01-31"}))
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    grandmother.patch_action(mine, json!({"done": true})).await.problem(403);
    let done = mother.patch_action(mine, json!({"done": true})).await.expect(200);
    assert!(done["done_on"].is_string());

    // Agreement to the current version; a score is a new version but not new content (see
    // plan_agreement.rs for the whole rule).
    let agreed = mother.post("/api/v1/portal/agreement", json!({})).await.expect(201);
    let version = agreed["version"].as_i64().unwrap_or(0);
    assert!(mother.get("/api/v1/portal/plan").await.expect(200)["agreed_to_current"].as_bool().unwrap_or(false));
    grandmother.post("/api/v1/portal/agreement", json!({})).await.problem(403);
    w.post(
        &format!("/api/v1/goals/{}/scores", p.child),
        json!({"measured_on": jiff::Zoned::now().date().to_string(), "score": 2}),
    )
    .await
    .expect(201);
    let after = mother.get("/api/v1/portal/plan").await.expect(200);
    assert_eq!(after["version"].as_i64(), Some(version + 1));
    assert_eq!(after["agreed_to_current"], true);
    // The worker records agreement on the teen's behalf; the access log says for whom.
    w.post(&format!("/api/v1/cases/{}/agreements", f.case), json!({"person_id": f.teen})).await.expect(201);
    let log = o.manager.get(&format!("/api/v1/cases/{}/access-log", f.case)).await.expect(200);
    assert!(
        log.as_array().into_iter().flatten().any(|r| r["action"] == "plan.agreed" && r["acting_for"] == f.teen),
        "{log}"
    );

    // Every change is a version with who and what; the portal history hides goals it may not see.
    let versions = w.get(&format!("/api/v1/cases/{}/plan/versions", f.case)).await.expect(200);
    let changes: Vec<&str> = versions.as_array().into_iter().flatten().filter_map(|v| v["change"].as_str()).collect();
    for c in ["goal.added", "goal.proposal_accepted", "action.added", "action.done", "goal.scored"] {
        assert!(changes.contains(&c), "{c} in {changes:?}");
    }
    let accepted_version = versions
        .as_array()
        .into_iter()
        .flatten()
        .find(|v| v["change"] == "goal.proposal_accepted")
        .cloned()
        .unwrap_or_default();
    assert_eq!(accepted_version["state_before"]["title"], "Yassin slaapt op tijd");
    assert_eq!(accepted_version["state_after"]["title"], "Yassin ligt om acht uur in bed");
    let mothers = mother.get(&format!("/api/v1/cases/{}/plan/versions", f.case)).await.expect(200);
    let goals: BTreeSet<i64> = mothers.as_array().into_iter().flatten().filter_map(|v| v["goal_id"].as_i64()).collect();
    assert!(goals.contains(&p.child), "{goals:?}");
    for hidden in [p.youth, p.teen_confidential] {
        assert!(!goals.contains(&hidden), "the history names a goal she may not see: {goals:?}");
    }
    // An evaluation scores several goals at once: the portal history keeps only hers to see.
    let today = jiff::Zoned::now().date().to_string();
    w.post(&format!("/api/v1/cases/{}/evaluations", f.case), json!({"held_on": today, "went_well": "Rust", "changes": "Niets", "scores": [{"goal_id": p.house, "score": 3}, {"goal_id": p.teen_confidential, "score": 1}]}))
        .await
        .expect(201);
    let scored = |versions: &Value| -> BTreeSet<i64> {
        versions
            .as_array()
            .into_iter()
            .flatten()
            .filter(|v| v["change"] == "evaluation.recorded")
            .flat_map(|v| v["state_after"]["scores"].as_array().cloned().unwrap_or_default())
            .filter_map(|s| s["goal_id"].as_i64())
            .collect()
    };
    assert_eq!(
        scored(&mother.get(&format!("/api/v1/cases/{}/plan/versions", f.case)).await.expect(200)),
        set(&[p.house])
    );
    assert_eq!(
        scored(&w.get(&format!("/api/v1/cases/{}/plan/versions", f.case)).await.expect(200)),
        set(&[p.house, p.teen_confidential])
    );
}

#[tokio::test]
async fn scores_evaluations_and_bad_input() {
    let t = spawn().await;
    let o = org(&t).await;
    let f = family(&t, &o).await;
    let p = plan(&o.worker_a, &f).await;
    let w = &o.worker_a;
    let today = jiff::Zoned::now().date();

    // Scores are 1..5; a bad one saves nothing.
    let before = t.count("goal_scores").await;
    let r = w
        .post(&format!("/api/v1/goals/{}/scores", p.house), json!({"measured_on": today.to_string(), "score": 6}))
        .await
        .problem(422);
    assert_eq!(r.fields(), vec!["score"]);
    assert_eq!(t.count("goal_scores").await, before);
    // A goal needs a title and a known life domain; whom it is for must live in the household.
    let r = w
        .post(
            &format!("/api/v1/cases/{}/goals", f.case),
            json!({"life_domain": "astrology", "title": " ", "client_id": 999_999}),
        )
        .await
        .problem(422);
    let mut fields = r.fields();
    fields.sort();
    assert_eq!(fields, vec!["client_id", "life_domain", "title"]);

    // An evaluation with scores per goal; its next date is on the plan (and the worklist).
    let next = today.checked_add(jiff::Span::new().weeks(6)).unwrap_or(today).to_string();
    let r = w
        .post(&format!("/api/v1/cases/{}/evaluations", f.case), json!({"held_on": today.to_string(), "went_well": "", "changes": "Meer rust", "next_on": today.to_string(), "scores": [{"goal_id": p.house, "score": 0}]}))
        .await
        .problem(422);
    let mut fields = r.fields();
    fields.sort();
    assert_eq!(fields, vec!["next_on", "scores[0].score", "went_well"]);
    w.post(&format!("/api/v1/cases/{}/evaluations", f.case), json!({"held_on": today.to_string(), "went_well": "Vaste bedtijden", "changes": "Meer rust", "next_on": next, "scores": [{"goal_id": p.house, "score": 3}, {"goal_id": p.child, "score": 4}]}))
        .await
        .expect(201);
    let staff = w.get(&format!("/api/v1/cases/{}/plan", f.case)).await.expect(200);
    assert_eq!(staff["next_evaluation_on"], next);
    let house =
        staff["goals"].as_array().into_iter().flatten().find(|g| g["id"] == p.house).cloned().unwrap_or_default();
    assert_eq!(house["scores"][0]["score"], 3);

    // Evaluations reach clients in the portal, not household members who are no client.
    let mother = portal_account(&t, w, f.case, f.mother, "samira@example.nl").await;
    let grandmother = portal_account(&t, w, f.case, f.grandmother, "fatma@example.nl").await;
    assert_eq!(mother.get("/api/v1/portal/plan").await.expect(200)["evaluations"][0]["went_well"], "Vaste bedtijden");
    assert!(grandmother.get("/api/v1/portal/plan").await.expect(200)["evaluations"].is_null());

    // After closure the plan stays as it was; only the scores at closure are still added.
    w.post(
        &format!("/api/v1/cases/{}/close", f.case),
        json!({"closed_on": today.to_string(), "reason": "result_achieved", "reason_detail": "goals_achieved"}),
    )
    .await
    .expect(200);
    w.post(&format!("/api/v1/goals/{}/scores", p.house), json!({"measured_on": today.to_string(), "score": 4}))
        .await
        .expect(201);
    w.post(&format!("/api/v1/cases/{}/goals", f.case), json!({"life_domain": "housing", "title": "Nieuw"}))
        .await
        .problem(409);
    mother.post(&format!("/api/v1/goals/{}/comments", p.house), json!({"body": "Dank"})).await.problem(409);

    // Staff accounts have no portal plan; portal accounts have no staff API.
    w.get("/api/v1/portal/plan").await.problem(403);
    mother.get(&format!("/api/v1/cases/{}", f.case)).await.problem(404);
    mother.get("/api/v1/cases").await.problem(403);
}

#[tokio::test]
async fn the_portal_access_log_shows_who_looked_in_plain_terms() {
    let t = spawn().await;
    let o = org(&t).await;
    let f = family(&t, &o).await;
    let p = plan(&o.worker_a, &f).await;
    let w = &o.worker_a;
    let mother = portal_account(&t, w, f.case, f.mother, "samira@example.nl").await;
    let youth = portal_account(&t, w, f.case, f.youth, "noor@example.nl").await;

    w.get(&format!("/api/v1/cases/{}/plan", f.case)).await.expect(200);
    let today = jiff::Zoned::now().date().to_string();
    w.post(&format!("/api/v1/goals/{}/scores", p.youth), json!({"measured_on": today, "score": 3})).await.expect(201);
    w.post(&format!("/api/v1/goals/{}/scores", p.child), json!({"measured_on": today, "score": 2})).await.expect(201);
    w.post(&format!("/api/v1/cases/{}/working-notes", f.case), json!({"body": "Eigen indruk"})).await.expect(201);
    w.get(&format!("/api/v1/cases/{}/working-notes", f.case)).await.expect(200);
    youth.get("/api/v1/portal/plan").await.expect(200);

    let log = mother.get("/api/v1/portal/access-log").await.expect(200);
    let rows = log.as_array().cloned().unwrap_or_default();
    assert!(rows.iter().any(|r| r["action"] == "plan.read" && r["actor_name"] == "Test Persoon"), "{log}");
    // Nothing about the 17-year-old's private goal, and the mother's own reads are left out.
    assert!(rows.iter().all(|r| r["goal_id"] != p.youth), "{log}");
    assert!(rows.iter().all(|r| r["actor_name"] != "Samira El Amrani"), "{log}");
    assert!(rows.iter().all(|r| r["session_ref"].is_null()), "sessions are for team managers: {log}");
    // What happens to her young child's goal is hers to see.
    assert!(rows.iter().any(|r| r["action"] == "goal.scored" && r["goal_id"] == p.child), "{log}");
    // Working notes are not hinted at: their reads show as reads of the file.
    assert!(rows.iter().all(|r| !r["action"].as_str().unwrap_or_default().contains("working_note")), "{log}");
    assert!(rows.iter().any(|r| r["action"] == "file.read"), "{log}");
    // The 17-year-old sees that the worker scored her goal.
    let hers = youth.get("/api/v1/portal/access-log").await.expect(200);
    assert!(
        hers.as_array().into_iter().flatten().any(|r| r["action"] == "goal.scored" && r["goal_id"] == p.youth),
        "{hers}"
    );
    // Staff have no portal access log; network members none either.
    w.get("/api/v1/portal/access-log").await.problem(403);
}

/// Small helpers for PATCH, which the harness client lacks.
pub(crate) trait Patch {
    async fn patch_goal(&self, id: i64, body: Value) -> crate::harness::Reply;
    async fn patch_action(&self, id: i64, body: Value) -> crate::harness::Reply;
}

impl Patch for Client {
    async fn patch_goal(&self, id: i64, body: Value) -> crate::harness::Reply {
        self.patch(&format!("/api/v1/goals/{id}"), body).await
    }
    async fn patch_action(&self, id: i64, body: Value) -> crate::harness::Reply {
        self.patch(&format!("/api/v1/actions/{id}"), body).await
    }
}

/// The policy matrix through HTTP: for every viewer (staff of each kind, each household member,
/// a network member) and every kind of goal, what the API does equals what
/// `plan_policy::decide` says: allow = success, deny = 403, hidden = 404 (or absent from the plan).
#[tokio::test]
async fn the_policy_matrix_holds_through_http() {
    use buurtteam_domain::codes::Role;
    use buurtteam_domain::policy::plan::{AgeBand, GoalFacts, Member, Owner, PlanAction, Target, Viewer, decide};
    use buurtteam_domain::policy::{Decision, Relation};

    let t = spawn().await;
    let o = org(&t).await;
    let f = family(&t, &o).await;
    let w = &o.worker_a;
    let g = |owner: Owner, confidential: bool, shared: bool| GoalFacts { owner, confidential, shared };
    let (u12, y15, a16) =
        (Owner::Client(AgeBand::Under12), Owner::Client(AgeBand::From12To15), Owner::Client(AgeBand::From16));
    // (goal id, whose, facts)
    let mut goals: Vec<(i64, Option<i64>, GoalFacts)> = Vec::new();
    for (client, owner) in [
        (None, Owner::Household),
        (Some(f.child), u12),
        (Some(f.teen), y15),
        (Some(f.youth), a16),
        (Some(f.mother), a16),
    ] {
        for confidential in [false, true] {
            let id = goal(w, f.case, "Doel", client, confidential).await;
            goals.push((id, client, g(owner, confidential, false)));
        }
    }
    let youth = portal_account(&t, w, f.case, f.youth, "noor@example.nl").await;
    let shared = goal(w, f.case, "Gedeeld doel", Some(f.youth), false).await;
    youth.patch_goal(shared, json!({"shared": true})).await.expect(200);
    goals.push((shared, Some(f.youth), g(a16, false, true)));

    let mother = portal_account(&t, w, f.case, f.mother, "samira@example.nl").await;
    let teen = portal_account(&t, w, f.case, f.teen, "lina@example.nl").await;
    let grandmother = portal_account(&t, w, f.case, f.grandmother, "fatma@example.nl").await;
    let invited_goal = goals[0].0;
    let inv = w
        .post(
            &format!("/api/v1/goals/{invited_goal}/network-invitations"),
            json!({"name": "Karin", "relation": "buurvrouw", "email": "karin@example.nl"}),
        )
        .await
        .expect(201);
    Client::new(&t.base)
        .post(
            "/api/v1/portal/activate",
            json!({"code": inv["code"], "email": "karin@example.nl", "password": PASSWORD}),
        )
        .await
        .expect(201);
    let network = t.login("karin@example.nl").await;

    // How each portal account relates to a goal, stated here independently of the application.
    let member = |person: i64, parent_with_authority: bool, client: bool| {
        move |owner: Option<i64>| -> Member {
            match owner {
                Some(o) if o == person => Member::OwnGoal,
                Some(o) if parent_with_authority && o != person => Member::ParentWithAuthority,
                _ if client => Member::OtherClient,
                _ => Member::NonClient,
            }
        }
    };
    let mother_rel = member(f.mother, true, true);
    let teen_rel = member(f.teen, false, true);
    let youth_rel = member(f.youth, false, true);
    let grandmother_rel = member(f.grandmother, false, false);
    type Rel<'a> = Box<dyn Fn(i64, Option<i64>) -> Viewer + 'a>;
    let staff = |role: Role, relation: Relation| -> Rel<'_> { Box::new(move |_, _| Viewer::Staff(role, relation)) };
    let viewers: Vec<(&str, &Client, bool, Rel<'_>)> = vec![
        ("worker of the team", &o.worker_a, true, staff(Role::FamilyWorker, Relation::OwnTeam)),
        ("manager of the team", &o.manager, true, staff(Role::TeamManager, Relation::OwnTeam)),
        ("worker of another team", &o.worker_b, true, staff(Role::FamilyWorker, Relation::OtherTeam)),
        ("analyst", &o.analyst, true, staff(Role::Analyst, Relation::NoRecord)),
        ("admin", &o.admin, true, staff(Role::Admin, Relation::NoRecord)),
        ("mother", &mother, false, Box::new(move |_, owner| Viewer::Member(mother_rel(owner)))),
        ("teen", &teen, false, Box::new(move |_, owner| Viewer::Member(teen_rel(owner)))),
        ("youth", &youth, false, Box::new(move |_, owner| Viewer::Member(youth_rel(owner)))),
        ("grandmother", &grandmother, false, Box::new(move |_, owner| Viewer::Member(grandmother_rel(owner)))),
        ("network member", &network, false, Box::new(move |id, _| Viewer::Network { invited: id == invited_goal })),
    ];
    let status = |d: Decision, ok: u16| match d {
        Decision::Allow => ok,
        Decision::Deny => 403,
        Decision::Hidden => 404,
    };
    let mut checked = 0;
    for (name, client, is_staff, rel) in &viewers {
        let plan = if *is_staff {
            client.get(&format!("/api/v1/cases/{}/plan", f.case)).await
        } else {
            client.get("/api/v1/portal/plan").await
        };
        let seen = if plan.status.as_u16() == 200 { goal_ids(&plan.body) } else { BTreeSet::new() };
        for (id, owner, facts) in &goals {
            let viewer = rel(*id, *owner);
            let target = Target::Goal(*facts);
            let read = decide(viewer, PlanAction::ReadGoal, target) == Decision::Allow;
            assert_eq!(seen.contains(id), read, "{name} reading goal {facts:?}");
            if read {
                let view = plan.body["goals"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .find(|x| x["id"] == *id)
                    .cloned()
                    .unwrap_or_default();
                let scores = decide(viewer, PlanAction::ReadScores, target) == Decision::Allow;
                assert_eq!(view["scores"].is_array(), scores, "{name} scores of {facts:?}");
            }
            let title = if *id == shared { "Gedeeld doel" } else { "Doel" };
            let attempts = [
                (
                    PlanAction::CommentOnGoal,
                    client.post(&format!("/api/v1/goals/{id}/comments"), json!({"body": "Opmerking"})).await,
                    201,
                ),
                (
                    PlanAction::ProposeGoalChange,
                    client.post(&format!("/api/v1/goals/{id}/proposals"), json!({"title": "Voorstel"})).await,
                    201,
                ),
                (PlanAction::ChangeGoal, client.patch_goal(*id, json!({"title": title})).await, 200),
                (
                    PlanAction::InviteNetwork,
                    client
                        .post(
                            &format!("/api/v1/goals/{id}/network-invitations"),
                            json!({"name": "Iemand", "relation": "vriend", "email": "iemand@example.nl"}),
                        )
                        .await,
                    201,
                ),
            ];
            for (action, reply, ok) in attempts {
                let want = status(decide(viewer, action, target), ok);
                assert_eq!(reply.status.as_u16(), want, "{name} {action:?} on {facts:?}: {}", reply.body);
                checked += 1;
            }
        }
    }
    assert_eq!(checked, viewers.len() * goals.len() * 4);
}
