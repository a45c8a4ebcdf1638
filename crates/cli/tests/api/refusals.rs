//! Every access-control failure leaves one audit row that says who tried what on which
//! record (NEN 7513 logs attempts, not only accesses): refused and missing records alike,
//! KPIs, the organisation, a form without its CSRF token, a state change from another site.

use buurtteam_store::audit::Row;
use serde_json::{Value, json};

use crate::harness::{Client, TestApp, case, household, org, spawn};

/// The one audit row appended since `mark`.
#[track_caller]
fn one(rows: Vec<Row>) -> Row {
    assert_eq!(rows.len(), 1, "exactly one audit row: {rows:?}");
    rows.into_iter().next().unwrap_or_else(|| unreachable!())
}

/// The refusal row of `request`, checked for actor, action and target.
async fn refusal_of<F: std::future::Future<Output = u16>>(
    t: &TestApp,
    request: F,
    status: u16,
    (actor, action, object_type, object_id): (i64, &str, &str, Option<i64>),
) -> (Row, Value) {
    let mark = t.audit_mark().await;
    assert_eq!(request.await, status, "{action} on {object_type} {object_id:?}");
    let row = one(t.audit_since(mark).await);
    assert_eq!(row.actor_user_id.map(|u| u.0), Some(actor), "{row:?}");
    assert_eq!(row.action, action, "{row:?}");
    assert_eq!(row.object_type, object_type, "{row:?}");
    assert_eq!(row.object_id, object_id, "{row:?}");
    let detail = serde_json::from_str(&row.detail).unwrap_or(Value::Null);
    (row, detail)
}

async fn get(c: &Client, path: &str) -> u16 {
    c.get(path).await.status.as_u16()
}

#[tokio::test]
async fn each_kind_of_refusal_leaves_one_audit_row_with_actor_action_and_target() {
    let t = spawn().await;
    let o = org(&t).await;
    let (b, a) = (o.worker_b_id, o.worker_a_id);
    let (h, _) = household(&o.worker_a, o.district_a).await;
    let c = case(&o.worker_a, o.district_a, o.team_a, "2026-11-02").await;

    // A household of another team, and one that does not exist.
    let (row, detail) = refusal_of(
        &t,
        get(&o.worker_b, &format!("/api/v1/households/{h}")),
        404,
        (b, "household.access_refused", "household", Some(h)),
    )
    .await;
    assert_eq!(row.household_id.map(|x| x.0), Some(h));
    assert_eq!((detail["exists"].clone(), detail["attempted"].clone()), (json!(true), json!("read_household")));
    let (row, detail) = refusal_of(
        &t,
        get(&o.worker_b, "/api/v1/households/999999"),
        404,
        (b, "household.access_refused", "household", Some(999_999)),
    )
    .await;
    assert_eq!((row.household_id, detail["exists"].clone()), (None, json!(false)));

    // A case of another team, and probes of a case that does not exist (read and a step).
    let (row, _) = refusal_of(
        &t,
        get(&o.worker_b, &format!("/api/v1/cases/{c}")),
        404,
        (b, "case.access_refused", "case", Some(c)),
    )
    .await;
    assert_eq!(row.case_id.map(|x| x.0), Some(c), "in the case's own log for its managers");
    let (row, detail) = refusal_of(
        &t,
        get(&o.worker_a, "/api/v1/cases/999999"),
        404,
        (a, "case.access_refused", "case", Some(999_999)),
    )
    .await;
    assert_eq!((row.case_id, detail["exists"].clone()), (None, json!(false)), "a later case 999999 inherits nothing");
    let intake = async {
        o.worker_a.post("/api/v1/cases/999999/intake", json!({"held_on": "2026-11-04"})).await.status.as_u16()
    };
    let (_, detail) = refusal_of(&t, intake, 404, (a, "case.access_refused", "case", Some(999_999))).await;
    assert_eq!(detail["attempted"], "hold_intake");

    // KPIs of another team (403), and no KPIs at all for an admin.
    let kpis = format!("/api/v1/kpis?from=2026-01-01&to=2026-12-31&team_id={}", o.team_b);
    let (_, detail) = refusal_of(&t, get(&o.worker_a, &kpis), 403, (a, "kpi.access_refused", "kpi", None)).await;
    assert_eq!((detail["team_id"].clone(), detail["attempted"].clone()), (json!(o.team_b), json!("read_kpis")));
    let admin_id = o.admin.get("/api/v1/auth/me").await.expect(200)["id"].as_i64().unwrap_or(0);
    refusal_of(
        &t,
        get(&o.admin, "/api/v1/kpis?from=2026-01-01&to=2026-12-31"),
        403,
        (admin_id, "kpi.access_refused", "kpi", None),
    )
    .await;

    // The organisation: a family worker may not add a district.
    let district = async { o.worker_a.post("/api/v1/districts", json!({"name": "Oost"})).await.status.as_u16() };
    refusal_of(&t, district, 403, (a, "organisation.access_refused", "district", None)).await;

    // The plan: a goal that does not exist.
    let comment =
        async { o.worker_b.post("/api/v1/goals/999999/comments", json!({"body": "x"})).await.status.as_u16() };
    let (_, detail) = refusal_of(&t, comment, 404, (b, "case.access_refused", "goal", Some(999_999))).await;
    assert_eq!(detail["exists"], false);

    // A page form without the session's CSRF token: refused, nothing saved, one row.
    let form = async {
        let r = o.worker_a.http.post(format!("{}/cases/{c}/intake", t.base)).form(&[("held_on", "2026-11-04")]);
        r.send().await.expect("post").status().as_u16()
    };
    let (_, detail) = refusal_of(&t, form, 403, (a, "form.access_refused", "form", None)).await;
    assert_eq!(
        (detail["reason"].clone(), detail["path"].clone()),
        (json!("csrf_token"), json!(format!("/cases/{c}/intake")))
    );
    assert_eq!(o.worker_a.get(&format!("/api/v1/cases/{c}")).await.expect(200)["status"], "referred");

    // A state change from another site, carrying the session cookie.
    let cross = async {
        let r = o
            .worker_a
            .http
            .post(format!("{}/api/v1/cases/{c}/intake", t.base))
            .header("sec-fetch-site", "cross-site")
            .json(&json!({"held_on": "2026-11-04"}));
        r.send().await.expect("post").status().as_u16()
    };
    let (_, detail) = refusal_of(&t, cross, 403, (a, "form.access_refused", "form", None)).await;
    assert_eq!(
        (detail["reason"].clone(), detail["path"].clone()),
        (json!("cross_site"), json!(format!("/api/v1/cases/{c}/intake")))
    );
}

#[tokio::test]
async fn a_team_waiting_list_is_read_with_its_row_and_refused_as_another_team_s() {
    let t = spawn().await;
    let o = org(&t).await;
    let (a, b) = (o.worker_a_id, o.worker_b_id);
    let c = case(&o.worker_a, o.district_a, o.team_a, "2026-11-02").await;

    // The own team's waiting list: the page, and one `case.list` row naming the case.
    let mark = t.audit_mark().await;
    let page = o.worker_a.get(&format!("/teams/{}/waiting-list", o.team_a)).await;
    assert_eq!(page.status.as_u16(), 200);
    let row = one(t.audit_since(mark).await);
    assert_eq!((row.actor_user_id.map(|u| u.0), row.action.as_str()), (Some(a), "case.list"), "{row:?}");
    let detail: Value = serde_json::from_str(&row.detail).unwrap_or(Value::Null);
    assert_eq!((detail["view"].clone(), detail["case_ids"].clone()), (json!("waiting_list"), json!([c])));

    // Another team's list and a team that does not exist: the same 404, one row each.
    let (_, detail) = refusal_of(
        &t,
        get(&o.worker_b, &format!("/teams/{}/waiting-list", o.team_a)),
        404,
        (b, "team.access_refused", "team", Some(o.team_a)),
    )
    .await;
    assert_eq!((detail["exists"].clone(), detail["attempted"].clone()), (json!(true), json!("read_case")));
    let (_, detail) = refusal_of(
        &t,
        get(&o.worker_b, "/teams/999999/waiting-list"),
        404,
        (b, "team.access_refused", "team", Some(999_999)),
    )
    .await;
    assert_eq!((detail["exists"].clone(), detail["view"].clone()), (json!(false), json!("waiting_list")));
}
