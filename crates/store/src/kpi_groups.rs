//! The aggregate queries behind the group figures of the KPIs (issue 19): considered and used
//! in the active cases, participants, attendance, offers and collective activities. Small
//! plain rows; `buurtteam_domain::kpi::groups` finishes the figures (docs/kpi.md).
//!
//! Scope: a team's cases and the groups it runs (and the collective activities it recorded);
//! a district's cases (`cases.district_id`), the groups serving it and its activities.

use buurtteam_domain::group_support::NotUsedReason;
use buurtteam_domain::ids::DistrictId;
use buurtteam_domain::kpi::Period;
use buurtteam_domain::kpi::groups::{CollectiveRow, ConsideredRow, GroupInputs};
use jiff::Timestamp;

use crate::kpi::Scope;
use crate::{Result, Tx, parse_code, sql_date, sql_ts};

#[derive(Clone, Copy)]
enum Param {
    Date(jiff::civil::Date),
    Ts(Timestamp),
    Id(i64),
}

/// Runs `sql` with `params` bound in order and returns its rows.
macro_rules! fetch {
    ($tx:expr, $sql:expr, $params:expr) => {{
        let sql: String = $sql;
        let params: Vec<Param> = $params;
        on!($tx, |c| {
            let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()));
            for p in &params {
                q = match p {
                    Param::Date(d) => q.bind(sql_date(*d)),
                    Param::Ts(t) => q.bind(sql_ts(*t)),
                    Param::Id(i) => q.bind(*i),
                };
            }
            q.fetch_all(&mut *c).await
        })
    }};
}

fn n(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

/// The condition on `cases c` for the scope, on placeholder `$i`.
fn cases_in(scope: Scope, i: usize) -> (String, Vec<Param>) {
    match scope {
        Scope::City => (String::new(), vec![]),
        Scope::Team(t) => (format!(" AND c.team_id = ${i}"), vec![Param::Id(t.0)]),
        Scope::District(d) => (format!(" AND c.district_id = ${i}"), vec![Param::Id(d.0)]),
    }
}

/// The condition on `group_offers g` for the scope, on placeholder `$i`.
fn groups_in(scope: Scope, i: usize) -> (String, Vec<Param>) {
    match scope {
        Scope::City => (String::new(), vec![]),
        Scope::Team(t) => (format!(" AND g.team_id = ${i}"), vec![Param::Id(t.0)]),
        Scope::District(d) => (
            format!(
                " AND EXISTS (SELECT 1 FROM group_offer_districts od WHERE od.group_id = g.id AND od.district_id = ${i})"
            ),
            vec![Param::Id(d.0)],
        ),
    }
}

fn with(mut first: Vec<Param>, more: Vec<Param>) -> Vec<Param> {
    first.extend(more);
    first
}

/// Everything the group figures of `p` are computed from. `starts`/`ends`: the first moment
/// of the period's first day and of the day after its last, in the organisation's time zone
/// (sessions are counted by when they start).
pub async fn inputs(tx: &mut Tx, scope: Scope, p: Period, starts: Timestamp, ends: Timestamp) -> Result<GroupInputs> {
    let active = "c.voided_on IS NULL AND c.referred_on <= $1 AND (c.closed_on IS NULL OR c.closed_on > $1)";
    let used = "EXISTS (SELECT 1 FROM group_participants gp WHERE gp.case_id = c.id AND NOT gp.waiting \
                AND gp.enrolled_on <= $1)";
    let considered = "(s.considered AND s.recorded_on <= $1)";

    let (cond, sp) = cases_in(scope, 2);
    let sql = format!(
        "SELECT CASE WHEN {considered} THEN 1 ELSE 0 END, CASE WHEN {used} THEN 1 ELSE 0 END, COUNT(*) \
         FROM cases c LEFT JOIN case_group_support s ON s.case_id = c.id WHERE {active}{cond} GROUP BY 1, 2"
    );
    let rows: Vec<(i32, i32, i64)> = fetch!(tx, sql, with(vec![Param::Date(p.to)], sp.clone()))?;
    let cases =
        rows.into_iter().map(|(k, u, c)| ConsideredRow { considered: k != 0, used: u != 0, count: n(c) }).collect();

    let sql = format!(
        "SELECT s.reason, COUNT(*) FROM cases c JOIN case_group_support s ON s.case_id = c.id \
         WHERE {active} AND {considered} AND s.reason IS NOT NULL AND NOT {used}{cond} GROUP BY 1"
    );
    let rows: Vec<(String, i64)> = fetch!(tx, sql, with(vec![Param::Date(p.to)], sp))?;
    let reasons = rows
        .into_iter()
        .map(|(r, c)| Ok((parse_code("case_group_support.reason", &r, NotUsedReason::parse)?, n(c))))
        .collect::<Result<Vec<_>>>()?;

    let (gcond, gp) = groups_in(scope, 3);
    let sql = format!(
        "SELECT COUNT(*) FROM group_participants p JOIN group_offers g ON g.id = p.group_id \
         WHERE NOT p.waiting AND p.enrolled_on <= $2 AND (p.left_on IS NULL OR p.left_on >= $1){gcond}"
    );
    let rows: Vec<(i64,)> = fetch!(tx, sql, with(vec![Param::Date(p.from), Param::Date(p.to)], gp.clone()))?;
    let participants = rows.first().map_or(0, |r| n(r.0));

    let in_period = "s.starts_at >= $1 AND s.starts_at < $2";
    let sql = format!(
        "SELECT CAST(COALESCE(SUM(CASE WHEN a.present THEN 1 ELSE 0 END), 0) AS BIGINT), COUNT(*) \
         FROM group_attendance a JOIN group_sessions s ON s.id = a.session_id JOIN group_offers g ON g.id = s.group_id \
         WHERE {in_period}{gcond}"
    );
    let period_ts = vec![Param::Ts(starts), Param::Ts(ends)];
    let rows: Vec<(i64, i64)> = fetch!(tx, sql, with(period_ts.clone(), gp.clone()))?;
    let (attendance_present, attendance_recorded) = rows.first().map_or((0, 0), |r| (n(r.0), n(r.1)));

    let has_session = format!("EXISTS (SELECT 1 FROM group_sessions s WHERE s.group_id = g.id AND {in_period})");
    let sql = format!("SELECT g.theme, COUNT(*) FROM group_offers g WHERE {has_session}{gcond} GROUP BY 1");
    let rows: Vec<(String, i64)> = fetch!(tx, sql, with(period_ts.clone(), gp.clone()))?;
    let offers_by_theme = rows.into_iter().map(|(t, c)| (t, n(c))).collect();
    let sql = format!(
        "SELECT od2.district_id, COUNT(*) FROM group_offers g JOIN group_offer_districts od2 ON od2.group_id = g.id \
         WHERE {has_session}{gcond} GROUP BY 1"
    );
    let rows: Vec<(i64, i64)> = fetch!(tx, sql, with(period_ts, gp))?;
    let offers_by_district = rows.into_iter().map(|(d, c)| (DistrictId(d), n(c))).collect();

    let (acond, ap) = match scope {
        Scope::City => (String::new(), vec![]),
        Scope::Team(t) => (" AND a.team_id = $3".to_owned(), vec![Param::Id(t.0)]),
        Scope::District(d) => (" AND a.district_id = $3".to_owned(), vec![Param::Id(d.0)]),
    };
    let sql = format!(
        "SELECT a.district_id, COUNT(*), CAST(SUM(a.parents) AS BIGINT), CAST(SUM(a.young_people) AS BIGINT), \
         CAST(SUM(a.professionals) AS BIGINT) FROM collective_activities a \
         WHERE a.held_on >= $1 AND a.held_on <= $2{acond} GROUP BY 1"
    );
    let rows: Vec<(i64, i64, i64, i64, i64)> = fetch!(tx, sql, with(vec![Param::Date(p.from), Param::Date(p.to)], ap))?;
    let collective = rows
        .into_iter()
        .map(|(d, a, parents, young, professionals)| CollectiveRow {
            district_id: DistrictId(d),
            activities: n(a),
            parents: n(parents),
            young_people: n(young),
            professionals: n(professionals),
        })
        .collect();

    Ok(GroupInputs {
        cases,
        reasons,
        participants,
        attendance_present,
        attendance_recorded,
        offers_by_theme,
        offers_by_district,
        collective,
    })
}
