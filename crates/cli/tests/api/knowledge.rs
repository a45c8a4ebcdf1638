//! The knowledge base (decision 0035) through HTTP, on the backend under test: the contract,
//! search in Dutch (word forms, accents, stop words, ranking with a title match first,
//! highlighted and escaped snippets), versions with their diff, the review list, safe Markdown,
//! and who may write.

use jiff::Timestamp;
use serde_json::{Value, json};

use crate::harness::{Client, household, org, portal_account, referral_body, spawn};

fn at(ts: &str) -> Timestamp {
    ts.parse().unwrap_or_default()
}

fn id(v: &Value) -> i64 {
    v["id"].as_i64().unwrap_or(0)
}

async fn write(c: &Client, title: &str, summary: &str, body: &str, domains: &[&str]) -> i64 {
    id(&c
        .post(
            "/api/v1/knowledge",
            json!({"title": title, "summary": summary, "body_markdown": body, "life_domains": domains}),
        )
        .await
        .expect(201))
}

async fn titles(c: &Client, q: &str) -> Vec<String> {
    let r = c.get(&format!("/api/v1/knowledge?q={}", q.replace(' ', "%20"))).await.expect(200);
    r["items"]
        .as_array()
        .map(|a| a.iter().filter_map(|i| i["title"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn the_contract_versions_and_the_diff() {
    let t = spawn().await;
    t.app.clock.set(at("2026-03-02T10:00:00Z"));
    let o = org(&t).await;
    let created = o
        .manager
        .post(
            "/api/v1/knowledge",
            json!({"title": "Spelregels bij complexe scheidingen", "summary": "Wat je afspreekt met beide ouders.",
                   "body_markdown": "# Spelregels\n\nPraat met **beide** ouders.\n\nNooit partij kiezen.",
                   "life_domains": ["parenting", "domestic_relations"]}),
        )
        .await;
    assert_eq!(created.status.as_u16(), 201);
    assert!(created.headers.get("location").is_some());
    let a = created.body;
    let article = id(&a);
    assert_eq!(a["version"], 1);
    assert_eq!(a["review_by"], "2027-03-02", "a year on by default");
    assert_eq!(a["life_domains"], json!(["domestic_relations", "parenting"]));
    assert!(a["body_html"].as_str().is_some_and(|h| h.contains("<strong>beide</strong>")), "{a}");

    // Every field error at once, as problem+json.
    let bad = o.manager.post("/api/v1/knowledge", json!({"title": "", "life_domains": ["geld"]})).await.problem(422);
    let fields = bad.fields();
    for f in ["title", "summary", "body_markdown", "life_domains"] {
        assert!(fields.contains(&f.to_owned()), "{f} in {fields:?}");
    }

    // A change is a new version; the same text again is none.
    let changed = o
        .manager
        .patch(
            &format!("/api/v1/knowledge/{article}"),
            json!({"body_markdown": "# Spelregels\n\nPraat met **beide** ouders, apart.\n\nNooit partij kiezen.", "version": 1}),
        )
        .await
        .expect(200);
    assert_eq!(changed["version"], 2);
    assert_eq!(changed["title"], "Spelregels bij complexe scheidingen", "a field left out stays");
    let again = o
        .manager
        .put(&format!("/api/v1/knowledge/{article}"), json!({"title": "Spelregels bij complexe scheidingen"}))
        .await
        .expect(200);
    assert_eq!(again["version"], 2);
    // A change on an old version is refused.
    o.manager
        .patch(&format!("/api/v1/knowledge/{article}"), json!({"summary": "Anders", "version": 1}))
        .await
        .problem(409);

    let versions = o.worker_a.get(&format!("/api/v1/knowledge/{article}/versions")).await.expect(200);
    let items = versions["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["version"], 2, "newest first");
    assert_eq!(items[0]["changed_fields"], json!(["body_markdown"]));
    let diff = items[0]["body_diff"].as_array().cloned().unwrap_or_default();
    assert!(diff.iter().any(|l| l["op"] == "removed" && l["text"] == "Praat met **beide** ouders."), "{diff:?}");
    assert!(diff.iter().any(|l| l["op"] == "added" && l["text"] == "Praat met **beide** ouders, apart."), "{diff:?}");
    assert!(diff.iter().any(|l| l["op"] == "same" && l["text"] == "Nooit partij kiezen."), "{diff:?}");

    o.worker_a.get("/api/v1/knowledge/999999").await.problem(404);
}

#[tokio::test]
async fn dutch_search_finds_word_forms_ranks_titles_first_and_marks_the_match() {
    let t = spawn().await;
    t.app.clock.set(at("2026-03-02T10:00:00Z"));
    let o = org(&t).await;
    let m = &o.manager;
    write(
        m,
        "Echtscheidingen en de kinderen",
        "Hoe je kinderen helpt als ouders uit elkaar gaan.",
        "Blijf bij de kinderen.",
        &["parenting"],
    )
    .await;
    write(
        m,
        "Omgang na de scheiding",
        "Afspraken over omgang.",
        "Bij een echtscheiding maken ouders een ouderschapsplan.",
        &["parenting"],
    )
    .await;
    write(
        m,
        "Ruzieën thuis",
        "Spanning in het gezin.",
        "Als er ruzie is, praat je eerst met ieder apart.",
        &["domestic_relations"],
    )
    .await;
    write(
        m,
        "Schulden: eerste stappen",
        "Wat je doet bij betalingsachterstanden.",
        "Maak een overzicht van alle schulden en bel de gemeente.",
        &["finances"],
    )
    .await;
    write(
        m,
        "Schoolverzuim",
        "Als een kind niet naar school gaat.",
        "Neem contact op met de leerplichtambtenaar. <script>alert(1)</script>",
        &["development_school"],
    )
    .await;
    let w = &o.worker_a;

    // echtscheiding finds echtscheidingen; the title match ranks above the body match.
    assert_eq!(titles(w, "echtscheiding").await, vec!["Echtscheidingen en de kinderen", "Omgang na de scheiding"]);
    // ruzie finds ruzieën (title) and ruzie (body), the title first.
    assert_eq!(titles(w, "ruzie").await, vec!["Ruzieën thuis"]);
    assert_eq!(titles(w, "ruzieen").await, vec!["Ruzieën thuis"], "typed without the trema");
    // Plural to singular and back, upper case, stop words ignored.
    assert_eq!(titles(w, "schuld").await, vec!["Schulden: eerste stappen"]);
    assert_eq!(titles(w, "De SCHULDEN van het gezin").await, titles(w, "schulden gezin").await);
    assert_eq!(titles(w, "scholen").await, vec!["Schoolverzuim"], "scholen finds school (in the summary)");
    assert_eq!(titles(w, "leerplichtambtenaar").await, vec!["Schoolverzuim"]);
    // Every word must match.
    assert_eq!(titles(w, "schulden echtscheiding").await, Vec::<String>::new());
    // Nothing typed that is FTS or tsquery syntax breaks the search.
    for odd in ["\"", "a OR b", "NEAR(", "*", "'", "!&|", "-", ":)"] {
        w.get(&format!("/api/v1/knowledge?q={}", odd.replace(' ', "%20").replace('&', "%26"))).await.expect(200);
    }

    // The snippet marks the matching word and escapes the rest.
    let r = w.get("/api/v1/knowledge?q=ruzie").await.expect(200);
    assert_eq!(r["items"][0]["snippet"], "Als er <mark>ruzie</mark> is, praat je eerst met ieder apart.");
    let r = w.get("/api/v1/knowledge?q=leerplichtambtenaar").await.expect(200);
    let s = r["items"][0]["snippet"].as_str().unwrap_or_default();
    assert!(s.contains("<mark>leerplichtambtenaar</mark>") && !s.contains("<script>"), "{s}");
    // The rendered article has no script either.
    let schoolverzuim = r["items"][0]["id"].as_i64().unwrap_or(0);
    let a = w.get(&format!("/api/v1/knowledge/{schoolverzuim}")).await.expect(200);
    assert!(!a["body_html"].as_str().unwrap_or("<script").contains("<script"), "{a}");

    // A changed article is found by its new words only.
    let ruzie = id(&w.get("/api/v1/knowledge?q=ruzie").await.expect(200)["items"][0]);
    m.patch(
        &format!("/api/v1/knowledge/{ruzie}"),
        json!({"title": "Spanningen thuis", "body_markdown": "Praat met ieder apart."}),
    )
    .await
    .expect(200);
    assert_eq!(titles(w, "ruzie").await, Vec::<String>::new());
    assert_eq!(titles(w, "spanning").await, vec!["Spanningen thuis"]);
}

#[tokio::test]
async fn editors_admins_and_team_managers_write_staff_read_portal_accounts_see_nothing() {
    let t = spawn().await;
    t.app.clock.set(at("2026-03-02T10:00:00Z"));
    let o = org(&t).await;
    let body = json!({"title": "Vormen van contact", "summary": "Kies bewust.", "body_markdown": "Beeldbellen of huisbezoek."});
    o.worker_a.post("/api/v1/knowledge", body.clone()).await.problem(403);
    o.analyst.post("/api/v1/knowledge", body.clone()).await.problem(403);
    o.admin.post("/api/v1/knowledge", body.clone()).await.expect(201);
    // The admin gives the worker the editor right; a worker may not give it.
    o.worker_b.put(&format!("/api/v1/knowledge/editors/{}", o.worker_a_id), json!({"editor": true})).await.problem(403);
    let r = o.admin.put(&format!("/api/v1/knowledge/editors/{}", o.worker_a_id), json!({"editor": true})).await;
    assert_eq!(r.status.as_u16(), 204);
    let a = o.worker_a.post("/api/v1/knowledge", body.clone()).await.expect(201);
    o.worker_b.patch(&format!("/api/v1/knowledge/{}", id(&a)), json!({"summary": "Nee"})).await.problem(403);
    o.worker_b.get(&format!("/api/v1/knowledge/{}", id(&a))).await.expect(200);
    o.analyst.get("/api/v1/knowledge?q=contact").await.expect(200);
    let hr_id = t.create_user(None, "hr@test.nl", "Hanna HR", "hr", &[]).await;
    assert!(hr_id > 0);
    let hr = t.login("hr@test.nl").await;
    assert_eq!(hr.get("/api/v1/knowledge?q=contact").await.expect(200)["items"].as_array().map(Vec::len), Some(2));

    // The review list: for writers only, with what is past its date (not the day itself).
    o.worker_b.get("/api/v1/knowledge/review-due").await.problem(403);
    assert_eq!(o.manager.get("/api/v1/knowledge/review-due").await.expect(200)["items"], json!([]));
    o.manager.patch(&format!("/api/v1/knowledge/{}", id(&a)), json!({"review_by": "2026-03-01"})).await.expect(200);
    let due = o
        .manager
        .post(
            "/api/v1/knowledge",
            json!({"title": "Vandaag", "summary": "x", "body_markdown": "x", "review_by": "2026-03-02"}),
        )
        .await
        .expect(201);
    assert!(!due["review_due"].as_bool().unwrap_or(true));
    let list = o.manager.get("/api/v1/knowledge/review-due").await.expect(200);
    assert_eq!(list["items"].as_array().map(Vec::len), Some(1), "{list}");
    assert_eq!(list["items"][0]["id"], id(&a));

    // A portal account does not learn the knowledge base exists.
    let (h, members) = household(&o.worker_a, o.district_a).await;
    let c = id(&o
        .worker_a
        .post("/api/v1/cases", referral_body(h, o.team_a, &members[..1], "2026-03-02"))
        .await
        .expect(201));
    o.worker_a.post(&format!("/api/v1/cases/{c}/claim"), json!({})).await.expect(200);
    let person = members[0];
    let family = portal_account(&t, &o.worker_a, c, person, "ouder@test.nl").await;
    family.get("/api/v1/knowledge?q=contact").await.problem(404);
    family.get(&format!("/api/v1/knowledge/{}", id(&a))).await.problem(404);
}

#[tokio::test]
async fn a_filter_narrows_the_whole_knowledge_base_not_only_the_first_fifty() {
    let t = spawn().await;
    t.app.clock.set(at("2026-03-02T10:00:00Z"));
    let o = org(&t).await;
    let m = &o.manager;
    // 55 articles with "ruzie" in the title rank above one with it in its text only.
    for n in 1..=55 {
        write(m, &format!("Ruzie thuis {n}"), "Spanning in het gezin.", "Praat met ieder apart.", &["parenting"]).await;
    }
    let low = id(&m
        .post(
            "/api/v1/knowledge",
            json!({"title": "Veilig thuis", "summary": "Als het niet veilig is.",
                   "body_markdown": "## Signalen\n\nSoms loopt een ruzie uit de hand.\n\n## Wat je doet\n\nBel Veilig Thuis.",
                   "life_domains": ["safety"],
                   "categories": ["Veiligheid", "Huiselijk geweld"]}),
        )
        .await
        .expect(201));
    write(m, "Een veiligheidsplan maken", "Samen met het gezin.", "Na een ruzie.", &["safety"]).await;
    let plan = id(&m.get("/api/v1/knowledge?q=veiligheidsplan").await.expect(200)["items"][0]);
    m.patch(&format!("/api/v1/knowledge/{plan}"), json!({"categories": ["Veiligheidsplan"]})).await.expect(200);
    let w = &o.worker_a;
    let ids = |r: &Value| -> Vec<i64> { r["items"].as_array().map(|a| a.iter().map(id).collect()).unwrap_or_default() };

    let all = w.get("/api/v1/knowledge?q=ruzie").await.expect(200);
    assert_eq!(ids(&all).len(), 50, "at most 50");
    assert!(!ids(&all).contains(&low), "the body match is not among the first 50");
    // The category, in other capitals, finds it; "Veiligheid" is not a part of "Veiligheidsplan".
    let r = w.get("/api/v1/knowledge?q=ruzie&category=veiligheid").await.expect(200);
    assert_eq!(ids(&r), vec![low]);
    // The snippet stays inside the paragraph that matched: no heading run into it.
    assert_eq!(r["items"][0]["snippet"], "Soms loopt een <mark>ruzie</mark> uit de hand.");
    let r = w.get("/api/v1/knowledge?q=ruzie&category=Huiselijk%20geweld").await.expect(200);
    assert_eq!(ids(&r), vec![low]);
    let r = w.get("/api/v1/knowledge?q=ruzie&category=Veiligheidsplan").await.expect(200);
    assert_eq!(ids(&r), vec![plan]);
    // The life domain: with words, and without (the newest first).
    let r = w.get("/api/v1/knowledge?q=ruzie&lifeDomain=safety").await.expect(200);
    let mut found = ids(&r);
    found.sort_unstable();
    assert_eq!(found, vec![low, plan]);
    let r = w.get("/api/v1/knowledge?lifeDomain=safety").await.expect(200);
    assert_eq!(ids(&r), vec![plan, low], "the newest change first");
    let r = w.get("/api/v1/knowledge?lifeDomain=safety&category=veiligheid").await.expect(200);
    assert_eq!(ids(&r), vec![low]);
    // Something that is no life domain is a field error, not an empty list.
    let bad = w.get("/api/v1/knowledge?q=ruzie&lifeDomain=geluk").await;
    assert_eq!(bad.status.as_u16(), 422);
    assert!(bad.body.to_string().contains("lifeDomain"), "{}", bad.body);
    // A category nobody uses finds nothing.
    let r = w.get("/api/v1/knowledge?q=ruzie&category=Sport").await.expect(200);
    assert!(ids(&r).is_empty());
}
