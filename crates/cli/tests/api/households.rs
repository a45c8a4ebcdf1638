use serde_json::{Value, json};

use crate::harness::{household, household_body, org, spawn};

#[tokio::test]
async fn a_worker_registers_a_household_and_reads_it_back() {
    let t = spawn().await;
    let o = org(&t).await;
    let h = o.worker_a.post("/api/v1/households", household_body(o.district_a)).await.expect(201);
    assert_eq!(h["address"]["postcode"], "3562JW");
    assert_eq!(h["members"][0]["bsn"], "123456782");
    assert_eq!(h["members"][1]["role"], "child");
    let id = h["id"].as_i64().unwrap_or(0);
    let back = o.worker_a.get(&format!("/api/v1/households/{id}")).await.expect(200);
    assert_eq!(back["members"], h["members"]);
    // Another team's worker cannot see it, nor can an analyst: the same 404 as a missing id.
    o.worker_b.get(&format!("/api/v1/households/{id}")).await.problem(404);
    o.analyst.get(&format!("/api/v1/households/{id}")).await.problem(404);
    o.worker_a.get("/api/v1/households/999999").await.problem(404);
}

#[tokio::test]
async fn invalid_members_are_reported_per_field_and_nothing_is_saved() {
    let t = spawn().await;
    let o = org(&t).await;
    let before = (t.count("households").await, t.count("persons").await, t.count("audit_log").await);
    let body = json!({
        "address": {"street": "Wolgadreef", "house_number": 3, "postcode": "ABCD 12", "city": "Utrecht"},
        "district_id": 4242,
        "members": [
            {"given_name": "Kevin", "family_name": "Bakker", "birth_date": "1990-02-30", "role": "parent", "bsn": "123456789"},
            {"given_name": "", "family_name": "Bakker", "birth_date": "2999-01-01", "role": "cousin"}
        ]
    });
    let r = o.worker_a.post("/api/v1/households", body).await.problem(422);
    assert_eq!(
        r.fields(),
        vec![
            "address.postcode",
            "members[0].birth_date",
            "members[0].bsn",
            "members[1].given_name",
            "members[1].birth_date",
            "members[1].role",
            "district_id"
        ]
    );
    let bsn_message = r.body["errors"][2]["message"].as_str().unwrap_or_default();
    assert!(bsn_message.contains("11-test"), "{bsn_message}");
    assert_eq!(before, (t.count("households").await, t.count("persons").await, t.count("audit_log").await));

    o.worker_a.post("/api/v1/households", json!({"district_id": o.district_a, "members": []})).await.problem(422);
    o.analyst.post("/api/v1/households", household_body(o.district_a)).await.problem(403);
    o.admin.post("/api/v1/households", household_body(o.district_a)).await.problem(403);
    let (_, members) = household(&o.worker_a, o.district_a).await;
    assert_eq!(members.len(), 2);
}

/// A query value as a URL carries it.
fn enc(value: &str) -> String {
    value
        .bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b == b'-' { char::from(b).to_string() } else { format!("%{b:02X}") })
        .collect()
}

fn registration(
    district: i64,
    given: &str,
    family: &str,
    number: i64,
    letter: Option<&str>,
    addition: Option<&str>,
) -> Value {
    json!({
        "address": {"street": "Zamenhofdreef", "house_number": number, "house_letter": letter,
                    "house_number_addition": addition, "postcode": "3562 JW", "city": "Utrecht"},
        "district_id": district,
        "members": [{"given_name": given, "family_name": family, "birth_date": "1984-05-06", "role": "parent"}]
    })
}

fn ids(found: &Value) -> Vec<i64> {
    found["items"].as_array().map(|a| a.iter().filter_map(|h| h["id"].as_i64()).collect()).unwrap_or_default()
}

#[tokio::test]
async fn the_search_finds_names_whatever_their_accents_and_house_numbers_by_their_parts() {
    let t = spawn().await;
    let o = org(&t).await;
    let reg = |body: Value| async { o.worker_a.post("/api/v1/households", body).await.expect(201) };
    let priya = reg(registration(o.district_a, "Priya", "Öztürk", 12, None, None)).await;
    assert_eq!(priya["address"]["house_number"], 12);
    assert_eq!(priya["address"]["house_letter"], Value::Null);
    let a = reg(registration(o.district_a, "Ayşe", "Yılmaz", 12, Some("A"), None)).await;
    assert_eq!(a["address"]["house_letter"], "a");
    let bis = reg(registration(o.district_a, "Hans", "Groß", 12, None, Some("bis"))).await;
    assert_eq!(bis["address"]["house_number_addition"], "bis");
    let b = reg(registration(o.district_a, "Ĳsbrand", "Doğan", 12, Some("b"), None)).await;
    let (priya, a, bis, b) = (priya["id"].as_i64(), a["id"].as_i64(), bis["id"].as_i64(), b["id"].as_i64());
    let (priya, a, bis, b) = (priya.unwrap_or(0), a.unwrap_or(0), bis.unwrap_or(0), b.unwrap_or(0));
    // Another team's Öztürk: worker b registers her and refers her to team b.
    let other = o.worker_b.post("/api/v1/households", registration(o.district_b, "Priya", "Öztürk", 3, None, None));
    let other = other.await.expect(201);
    let client = other["members"][0]["id"].as_i64().unwrap_or(0);
    let other = other["id"].as_i64().unwrap_or(0);
    let referral = crate::harness::referral_body(other, o.team_b, &[client], "2026-03-02");
    o.worker_b.post("/api/v1/cases", referral).await.expect(201);

    let mark = t.audit_mark().await;
    for name in ["ozturk", "Öztürk", "öztürk", "OZTÜRK", "Ozturk", "priya ozt", "TÜR", "iy"] {
        let found = o.worker_a.get(&format!("/api/v1/households?name={}", enc(name))).await.expect(200);
        assert_eq!(ids(&found), vec![priya], "{name}");
    }
    for (name, id) in
        [("yilmaz", a), ("YILMAZ", a), ("Ayse", a), ("gross", bis), ("GROSS", bis), ("ijsbrand", b), ("dogan", b)]
    {
        let found = o.worker_a.get(&format!("/api/v1/households?name={}", enc(name))).await.expect(200);
        assert_eq!(ids(&found), vec![id], "{name}");
    }
    let found = o.worker_a.get("/api/v1/households?name=ozturk&birth_date=1984-05-06").await.expect(200);
    assert_eq!(ids(&found), vec![priya]);
    assert_eq!(found["items"][0]["members"][0]["family_name"], "Öztürk");
    assert_eq!(
        o.worker_a.get("/api/v1/households?name=ozturk&birthDate=1984-05-07").await.expect(200)["items"],
        json!([])
    );
    // The number finds every letter and addition; a letter or addition only its own.
    let by = |number: &str| format!("/api/v1/households?postcode=3562%20JW&house_number={}", enc(number));
    assert_eq!(ids(&o.worker_a.get(&by("12")).await.expect(200)), vec![b, bis, a, priya]);
    assert_eq!(ids(&o.worker_a.get(&by("12a")).await.expect(200)), vec![a]);
    assert_eq!(ids(&o.worker_a.get(&by("12 A")).await.expect(200)), vec![a]);
    assert_eq!(ids(&o.worker_a.get(&by("12-bis")).await.expect(200)), vec![bis]);
    assert_eq!(ids(&o.worker_a.get(&by("12c")).await.expect(200)), Vec::<i64>::new());
    let camel = o.worker_a.get("/api/v1/households?postcode=3562JW&houseNumber=12b").await.expect(200);
    assert_eq!(ids(&camel), vec![b]);
    // Worker b finds only her own team's Öztürk; so does the manager of both teams, as a
    // household without a case is only for the worker who registered it.
    assert_eq!(ids(&o.worker_b.get("/api/v1/households?name=ozturk").await.expect(200)), vec![other]);
    assert_eq!(ids(&o.manager.get("/api/v1/households?name=ozturk").await.expect(200)), vec![other]);

    // Every search is in the audit log: the kinds of criteria and what was returned, no values.
    let rows: Vec<_> = t.audit_since(mark).await.into_iter().filter(|r| r.action == "household.search").collect();
    assert_eq!(rows.len(), 8 + 7 + 2 + 6 + 2);
    assert_eq!(rows[0].actor_user_id.map(|u| u.0), Some(o.worker_a_id));
    let detail: Value = serde_json::from_str(&rows[0].detail).unwrap_or_default();
    assert_eq!(detail, json!({"criteria": ["name"], "household_ids": [priya]}));
    assert!(!rows.iter().any(|r| r.detail.to_lowercase().contains("ozt")), "no search values in the log");
}

#[tokio::test]
async fn a_search_with_invalid_criteria_names_the_field() {
    let t = spawn().await;
    let o = org(&t).await;
    for (query, field, status) in [
        ("name=a", "name", 422),
        ("name=%C3%96", "name", 422),
        ("birth_date=2020-13-01", "birth_date", 422),
        ("birthDate=yesterday", "birth_date", 422),
        ("postcode=12&house_number=3", "postcode", 422),
        ("house_number=3", "postcode", 422),
        ("postcode=3562JW&house_number=twelve", "house_number", 422),
        ("postcode=3562JW&house_number=12-toolong", "house_number", 422),
        ("bsn=123456782", "bsn", 422),
        ("", "name", 422),
    ] {
        let r = o.worker_a.get(&format!("/api/v1/households?{query}")).await.problem(status);
        assert!(r.fields().contains(&field.to_owned()), "{query}: {}", r.body);
    }
    o.analyst.get("/api/v1/households?name=ozturk").await.problem(403);
}

#[tokio::test]
async fn a_household_number_letter_and_addition_are_checked_per_field() {
    let t = spawn().await;
    let o = org(&t).await;
    let mut body = registration(o.district_a, "Priya", "Öztürk", 0, Some("ab"), Some("12345"));
    let r = o.worker_a.post("/api/v1/households", body.clone()).await.problem(422);
    assert_eq!(r.fields(), ["address.house_number", "address.house_letter", "address.house_number_addition"]);
    body["address"]["house_number"] = json!("12a");
    o.worker_a.post("/api/v1/households", body).await.problem(400);
}

#[tokio::test]
async fn registering_a_household_that_may_exist_warns_first_and_saves_when_asked_again() {
    use crate::pages::{csrf, logged_in};
    let t = spawn().await;
    let o = org(&t).await;
    let first = o.worker_a.post("/api/v1/households", registration(o.district_a, "Priya", "Öztürk", 12, None, None));
    let first = first.await.expect(201)["id"].as_i64().unwrap_or(0);
    // Another team's household with the same person is not shown (nor would its existence be).
    o.worker_b
        .post("/api/v1/households", registration(o.district_b, "Ayşe", "Yılmaz", 4, None, None))
        .await
        .expect(201);
    let b = logged_in(&t.base, "a@test.nl").await;
    let page = b.get(format!("{}/households/new", t.base)).send().await.expect("get").text().await.unwrap_or_default();
    let token = csrf(&page);
    let district = o.district_a.to_string();
    let form = |given: &'static str, family: &'static str, action: &'static str| {
        vec![
            ("_csrf", token.clone()),
            ("address.street", "Kaatstraat".into()),
            ("address.house_number", "3".into()),
            ("address.postcode", "3513 BZ".into()),
            ("address.city", "Utrecht".into()),
            ("district_id", district.clone()),
            ("rows", "1".into()),
            ("members[0].given_name", given.into()),
            ("members[0].family_name", family.into()),
            ("members[0].birth_date", "1984-05-06".into()),
            ("members[0].role", "parent".into()),
            ("action", action.into()),
        ]
    };
    let before = t.count("households").await;
    let mark = t.audit_mark().await;
    let r = b.post(format!("{}/households/new", t.base)).form(&form("PRIYA", "Ozturk", "save")).send().await;
    let r = r.expect("post");
    assert_eq!(r.status(), 409);
    let html = r.text().await.unwrap_or_default();
    assert!(html.contains("Mogelijk bestaat dit huishouden al"), "{html}");
    assert!(html.contains(&format!("/referrals/new?household_id={first}")), "a link to the household");
    assert!(html.contains("value=\"Ozturk\""), "the form is kept");
    assert!(html.contains("value=\"save_anyway\""));
    assert_eq!(t.count("households").await, before, "nothing saved yet");
    let rows = t.audit_since(mark).await;
    assert!(rows.iter().any(|r| r.action == "household.search" && r.detail.contains("duplicates")));
    // Saved when the worker says so.
    let r = b.post(format!("{}/households/new", t.base)).form(&form("PRIYA", "Ozturk", "save_anyway")).send().await;
    assert_eq!(r.expect("post").status(), 303);
    assert_eq!(t.count("households").await, before + 1);
    // Someone else's Ayşe Yılmaz is no reason to warn.
    let r = b.post(format!("{}/households/new", t.base)).form(&form("Ayse", "Yilmaz", "save")).send().await;
    assert_eq!(r.expect("post").status(), 303);
}
