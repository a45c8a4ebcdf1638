//! The attempts form on the campaign address page (issue 16) over plain HTTP: bad input is the
//! page again with status 422 and each message beside its field, and nothing is saved; a good
//! attempt redirects back and is listed; an accepted offer says that the referral was made and
//! links it only for its team; a family worker not assigned to the campaign cannot record. The
//! campaign form: workers grouped per team with a search; the change of a running campaign.

use reqwest::Client;

use crate::harness::{TestApp, org, spawn};
use crate::outreach_attempts::campaign;
use crate::pages::{csrf, logged_in};

async fn page(b: &Client, t: &TestApp, path: &str) -> (u16, String) {
    let r = b.get(format!("{}{path}", t.base)).send().await.expect("get");
    (r.status().as_u16(), r.text().await.unwrap_or_default())
}

/// Posts the attempt form of `address` with the page's token; status, `Location`, body.
async fn record(b: &Client, t: &TestApp, address: i64, token: &str, fields: &[(&str, &str)]) -> (u16, String, String) {
    let mut form = fields.to_vec();
    form.push(("_csrf", token));
    let r = b.post(format!("{}/campaign-addresses/{address}/attempts", t.base)).form(&form).send().await.expect("post");
    let status = r.status().as_u16();
    let location = r.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or_default().to_owned();
    (status, location, r.text().await.unwrap_or_default())
}

#[tokio::test]
async fn the_attempt_form_shows_errors_beside_its_fields_and_saves_nothing_until_right() {
    let t = spawn().await;
    t.app.clock.set("2026-03-02T10:00:00Z".parse().unwrap_or_default());
    let o = org(&t).await;
    let (_, addresses) = campaign(&t, &o, 1, None).await;
    let a = addresses[0];
    // Worker B is the campaign's outreach worker (of district B's team; the address is in A).
    let b = logged_in(&t.base, "b@test.nl").await;
    let (status, html) = page(&b, &t, &format!("/campaign-addresses/{a}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Nog geen pogingen"), "the empty list says so");
    assert!(html.contains("id=\"attempt-birth_date\""), "an address not known to a team asks for a birth date");
    let token = csrf(&html);
    let (attempts, cases) = (t.count("outreach_attempts").await, t.count("cases").await);

    // A date in the future and a decline without its reason: both beside their fields.
    let bad = [("approach", "house_visit"), ("on", "2026-03-09"), ("result", "declined")];
    let (status, _, html) = record(&b, &t, a, &token, &bad).await;
    assert_eq!(status, 422);
    assert!(html.contains("id=\"attempt-on-error\""), "{html}");
    assert!(html.contains("Deze datum ligt in de toekomst"));
    assert!(html.contains("id=\"attempt-decline_reason-error\""));
    assert!(html.contains("Kies waarom het gezin de hulp afslaat"));
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(html.contains("href=\"#attempt-on\""), "the summary links to the field");
    assert!(html.contains("value=\"2026-03-09\""), "the input is kept");
    // An unknown code and an acceptance without a birth date.
    let (status, _, html) =
        record(&b, &t, a, &token, &[("approach", "fax"), ("on", "2026-03-02"), ("result", "accepted")]).await;
    assert_eq!(status, 422);
    assert!(html.contains("id=\"attempt-approach-error\""));
    assert!(html.contains("Kies een van de mogelijkheden"));
    assert!(html.contains("Vul de geboortedatum in"));
    assert_eq!((t.count("outreach_attempts").await, t.count("cases").await), (attempts, cases), "nothing saved");

    // Right: back to the address, which lists the attempt.
    let good = [("approach", "house_visit"), ("on", "2026-03-02"), ("result", "not_home")];
    let (status, location, _) = record(&b, &t, a, &token, &good).await;
    assert_eq!(
        (status, location.as_str()),
        (303, format!("/campaign-addresses/{a}?done=attempt-recorded#attempts").as_str())
    );
    assert_eq!(t.count("outreach_attempts").await, attempts + 1);
    let (_, html) = page(&b, &t, &format!("/campaign-addresses/{a}?done=attempt-recorded")).await;
    assert!(html.contains("De poging is vastgelegd"));
    assert!(html.contains("Niet thuis") && html.contains("Huisbezoek") && html.contains("Test Persoon"));

    // Accepted: the referral is made on district A's team; worker B (of team B) gets no link.
    let accepted = [("approach", "phone"), ("on", "2026-03-02"), ("result", "accepted"), ("birth_date", "1984-05-06")];
    let (status, location, _) = record(&b, &t, a, &token, &accepted).await;
    assert_eq!(
        (status, location.as_str()),
        (303, format!("/campaign-addresses/{a}?done=attempt-referred#attempts").as_str())
    );
    assert_eq!(t.count("cases").await, cases + 1);
    let (_, html) = page(&b, &t, &format!("/campaign-addresses/{a}")).await;
    assert!(html.contains("Aanmelding aangemaakt") && html.contains("Buurtteam Overvecht"), "{html}");
    assert!(!html.contains("href=\"/cases/"), "no link to a case of another team");
    assert!(!html.contains("name=\"result\""), "nothing follows acceptance: no form");
    // The team manager of district A opens it from here.
    let m = logged_in(&t.base, "m@test.nl").await;
    let (status, html) = page(&m, &t, &format!("/campaign-addresses/{a}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("href=\"/cases/") && html.contains("Open de aanmelding"), "{html}");

    // A second tab still showing the form: refused in words, nothing saved.
    let (status, _, html) = record(&b, &t, a, &token, &good).await;
    assert_eq!(status, 409);
    assert!(html.contains("intussen al aangenomen"), "{html}");
    assert_eq!(t.count("outreach_attempts").await, attempts + 2);
}

#[tokio::test]
async fn a_family_worker_not_assigned_to_the_campaign_cannot_record_an_attempt() {
    let t = spawn().await;
    t.app.clock.set("2026-03-02T10:00:00Z".parse().unwrap_or_default());
    let o = org(&t).await;
    let (_, addresses) = campaign(&t, &o, 1, None).await;
    let a = addresses[0];
    // Worker A works in the campaign's district but is not one of its outreach workers.
    let w = logged_in(&t.base, "a@test.nl").await;
    let (status, html) = page(&w, &t, &format!("/campaign-addresses/{a}")).await;
    assert_eq!(status, 403, "the address is not theirs to see");
    assert!(!html.contains("Bottelier"), "no address on the refusal");
    let (_, home) = page(&w, &t, "/").await;
    let before = t.count("outreach_attempts").await;
    let fields = [("approach", "house_visit"), ("on", "2026-03-02"), ("result", "spoken")];
    let (status, _, _) = record(&w, &t, a, &csrf(&home), &fields).await;
    assert_eq!(status, 403);
    assert_eq!(t.count("outreach_attempts").await, before, "nothing saved");
    // The assigned worker may.
    let b = logged_in(&t.base, "b@test.nl").await;
    let (_, html) = page(&b, &t, &format!("/campaign-addresses/{a}")).await;
    let (status, _, _) = record(&b, &t, a, &csrf(&html), &fields).await;
    assert_eq!(status, 303);
    assert_eq!(t.count("outreach_attempts").await, before + 1);
}

/// The campaign form's worker picker: a fieldset per team, the manager's own teams open and the
/// others folded away; `?q=` (or "Zoeken" in the form, which keeps what was filled in) narrows
/// it to the names and teams holding the text.
#[tokio::test]
async fn the_campaign_form_groups_workers_per_team_and_searches_without_javascript() {
    let t = spawn().await;
    let o = org(&t).await;
    let admin = t.login("admin@test.nl").await;
    let team_c = admin
        .post("/api/v1/teams", serde_json::json!({"name": "Buurtteam Zuilen", "district_id": o.district_b}))
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap_or(0);
    let body = serde_json::json!({"email": "z@test.nl", "name": "Zoë Zuidema", "role": "family_worker",
        "team_ids": [team_c], "password": "een lange zin over de Vecht bij Zuilen"});
    admin.post("/api/v1/users", body).await.expect(201);

    let m = logged_in(&t.base, "m@test.nl").await;
    let (status, html) = page(&m, &t, "/campaigns/new").await;
    assert_eq!(status, 200);
    let at = |id: String| html.find(&id).unwrap_or(usize::MAX);
    let (a, b, c) = (
        at(format!("id=\"workers-team-{}\"", o.team_a)),
        at(format!("id=\"workers-team-{}\"", o.team_b)),
        at(format!("id=\"workers-team-{team_c}\"")),
    );
    assert!(a < c && b < c && c < usize::MAX, "own teams first, then the others: {a} {b} {c}");
    assert!(html.contains("<details class=\"bt-worker-others\">"), "the other teams are folded away");
    assert!(html.contains("Andere teams (1)"));

    let (status, html) = page(&m, &t, "/campaigns/new?q=zuidema").await;
    assert_eq!(status, 200);
    assert_eq!(html.matches("name=\"worker_ids\"").count(), 1, "only the worker searched for");
    assert!(html.contains("Zoë Zuidema") && html.contains("<details class=\"bt-worker-others\" open>"));

    // "Zoeken" inside the form: the same form back, narrowed, with what was filled in kept.
    let token = csrf(&page(&m, &t, "/campaigns/new").await.1);
    let form = [("_csrf", token.as_str()), ("name", "Vroegsignalering Zuilen"), ("q", "zuilen"), ("search", "1")];
    let r = m.post(format!("{}/campaigns/new", t.base)).form(&form).send().await.expect("post");
    assert_eq!(r.status().as_u16(), 200, "a search creates nothing");
    let html = r.text().await.unwrap_or_default();
    assert!(html.contains("value=\"Vroegsignalering Zuilen\""), "the name is kept");
    assert_eq!(html.matches("name=\"worker_ids\"").count(), 1, "the team searched for");
    let campaigns = o.manager.get("/api/v1/campaigns").await.expect(200);
    assert!(!campaigns.to_string().contains("Vroegsignalering Zuilen"), "no campaign made: {campaigns}");
}

/// The change form of a running campaign: its current values filled in, kind, districts and
/// start shown as fixed; a bad end date is the page again with the message beside the field and
/// nothing changed; a good change opens the campaign, and the addresses of a worker taken off
/// go back to nobody. Only the campaign's managers reach the form.
#[tokio::test]
async fn a_running_campaign_is_changed_and_a_removed_workers_addresses_go_back_to_nobody() {
    let t = spawn().await;
    t.app.clock.set("2026-03-02T10:00:00Z".parse().unwrap_or_default());
    let o = org(&t).await;
    let (c, addresses) = campaign(&t, &o, 2, None).await;
    let body = serde_json::json!({"address_ids": addresses, "worker_id": o.worker_b_id});
    o.manager.post(&format!("/api/v1/campaigns/{c}/assignments"), body).await.expect(200);

    let m = logged_in(&t.base, "m@test.nl").await;
    let (status, html) = page(&m, &t, &format!("/campaigns/{c}/edit")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Campagne wijzigen") && html.contains("value=\"Hersteloperatie\""), "{html}");
    assert!(
        html.contains(&format!(
            "id=\"worker-{}\" name=\"worker_ids\" value=\"{}\" checked",
            o.worker_b_id, o.worker_b_id
        ))
    );
    assert!(!html.contains("name=\"kind\"") && !html.contains("name=\"district_ids\""), "fixed, not asked");
    assert!(html.contains("Overvecht"), "the districts shown as a fact");
    let token = csrf(&html);
    let edit = |fields: Vec<(&'static str, String)>| {
        let mut form = fields;
        form.push(("_csrf", token.clone()));
        let m = m.clone();
        let url = format!("{}/campaigns/{c}/edit", t.base);
        async move {
            let r = m.post(url).form(&form).send().await.expect("post");
            let status = r.status().as_u16();
            let location = r.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or_default().to_owned();
            (status, location, r.text().await.unwrap_or_default())
        }
    };

    // An end before the start: beside the field, the input kept, nothing changed.
    let mark = t.audit_mark().await;
    let bad = vec![("name", "Herstel 2026".to_owned()), ("ends_on", "2026-01-15".to_owned())];
    let (status, _, html) = edit(bad).await;
    assert_eq!(status, 422);
    assert!(html.contains("id=\"ends_on-error\""), "{html}");
    assert!(html.contains("value=\"Herstel 2026\""), "the input is kept");
    assert!(t.audit_since(mark).await.iter().all(|r| r.action != "campaign.changed"), "nothing changed");

    // Worker A instead of worker B, one approach, no end: saved; B's addresses go to nobody.
    let good = vec![
        ("name", "Herstel 2026".to_owned()),
        ("ends_on", String::new()),
        ("approaches", "phone".to_owned()),
        ("worker_ids", o.worker_a_id.to_string()),
        ("help_offered", "Een gesprek over de schulden en de toeslagen.".to_owned()),
    ];
    let (status, location, _) = edit(good).await;
    assert_eq!((status, location.as_str()), (303, format!("/campaigns/{c}?done=campaign-changed").as_str()));
    let (_, html) = page(&m, &t, &format!("/campaigns/{c}?done=campaign-changed")).await;
    assert!(html.contains("De campagne is gewijzigd") && html.contains("Herstel 2026"), "{html}");
    let got = o.manager.get(&format!("/api/v1/campaigns/{c}")).await.expect(200);
    assert_eq!(got["workers"][0]["id"], o.worker_a_id, "{got}");
    assert_eq!(got["workers"].as_array().map(Vec::len), Some(1));
    assert_eq!(got["approaches"], serde_json::json!(["phone"]));
    assert!(got["ends_on"].is_null(), "{got}");
    let basket = o.manager.get(&format!("/api/v1/campaigns/{c}/addresses")).await.expect(200);
    let items = basket["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(items.len(), 2);
    assert!(items.iter().all(|a| a["assigned_to"].is_null()), "back to nobody: {basket}");

    // Worker A, now an outreach worker of the campaign, may work it but not change it.
    let a = logged_in(&t.base, "a@test.nl").await;
    let (status, _) = page(&a, &t, &format!("/campaigns/{c}")).await;
    assert_eq!(status, 200);
    let (status, html) = page(&a, &t, &format!("/campaigns/{c}/edit")).await;
    assert_eq!(status, 403);
    assert!(!html.contains("Herstel 2026"), "nothing of the campaign on the refusal");
}
