//! The survey results worked out by hand (the examples of docs/kpi.md), and the suppression
//! rules' edges as properties.

use jiff::civil::date;
use proptest::prelude::*;

use super::*;

const A: TeamId = TeamId(1);
const B: TeamId = TeamId(2);
const C: TeamId = TeamId(3);
const NORTH: DistrictId = DistrictId(10);
const SOUTH: DistrictId = DistrictId(20);

fn q1() -> Period {
    Period { from: date(2026, 1, 1), to: date(2026, 3, 31) }
}
fn q2() -> Period {
    Period { from: date(2026, 4, 1), to: date(2026, 6, 30) }
}
fn h1() -> Period {
    Period { from: date(2026, 1, 1), to: date(2026, 6, 30) }
}

fn statements() -> Vec<Statement> {
    ["helped_quickly", "helped_well"]
        .iter()
        .map(|k| Statement { key: (*k).to_owned(), text: format!("text of {k}") })
        .collect()
}

fn response(team: TeamId, district: DistrictId, day: Date, n: u64, marks: u64, sum: u64) -> ResponseRow {
    ResponseRow { team_id: team, district_id: district, day, responses: n, marks, mark_sum: sum }
}

fn answer(team: TeamId, district: DistrictId, day: Date, key: &str, answered: u64, agreed: u64) -> AnswerRow {
    AnswerRow { team_id: team, district_id: district, day, key: key.to_owned(), answered, agreed }
}

/// Team A (north): 10 responses in Q1, 8 report marks summing to 60, helped quickly 9 of 10
/// agreed, helped well 5 of 10; 25 invitations, 10 answered. Team B (south): 6 responses,
/// 6 of 6 and 1 of 6 agreed, 5 marks summing to 40; 12 invitations, 6 answered. Team C: none.
fn example() -> Rows {
    let d = date(2026, 2, 10);
    Rows {
        responses: vec![response(A, NORTH, d, 10, 8, 60), response(B, SOUTH, d, 6, 5, 40)],
        answers: vec![
            answer(A, NORTH, d, "helped_quickly", 10, 9),
            answer(A, NORTH, d, "helped_well", 10, 5),
            answer(B, SOUTH, d, "helped_quickly", 6, 6),
            answer(B, SOUTH, d, "helped_well", 6, 1),
        ],
        invitations: vec![
            InvitationRow { team_id: A, district_id: NORTH, day: d, invited: 25, answered: 10 },
            InvitationRow { team_id: B, district_id: SOUTH, day: d, invited: 12, answered: 6 },
        ],
        statements: statements(),
        teams: vec![A, B, C],
        districts: vec![NORTH, SOUTH],
    }
}

#[test]
fn a_teams_quarter_worked_by_hand() {
    let r = results(&example(), Scope::Team(A), q1());
    assert_eq!(r.responses, Shown::Value(10));
    assert_eq!(r.report_marks, Shown::Value(8));
    assert_eq!(r.report_mark_mean, Shown::Value(Some(7.5)));
    assert_eq!(r.invitations, Shown::Value(25));
    // 10 of 25 answered, 15 not: both 5 or more.
    assert_eq!(r.response_rate_pct, Shown::Value(Some(40.0)));
    // 9 of 10 agreed: only 1 did not, so the share is hidden and said to be at least 60%.
    assert_eq!(r.statements[0].id, "helped_quickly");
    assert_eq!(r.statements[0].answered, Shown::Value(10));
    assert_eq!(r.statements[0].agree_pct, Shown::Suppressed);
    assert_eq!(r.statements[0].agree_pct_at_least, Some(60.0));
    // 5 of 10 agreed, both sides 5: but team B's 1 agreeing would be the city's 6 minus A's
    // 5 (team C has none), so A's count is hidden with B's (rule 3).
    assert_eq!(r.statements[1].agree_pct, Shown::Suppressed);
    assert_eq!(r.statements[1].agree_pct_at_least, None);
}

#[test]
fn the_city_adds_the_teams_up() {
    let r = results(&example(), Scope::City, q1());
    assert_eq!(r.responses, Shown::Value(16));
    // 100 / 13 marks = 7.69...
    assert_eq!(r.report_mark_mean, Shown::Value(Some(7.7)));
    // 15 of 16 agreed; 1 did not.
    assert_eq!(r.statements[0].agree_pct, Shown::Suppressed);
    assert_eq!(r.statements[0].agree_pct_at_least, Some(75.0));
    // 6 of 16 agreed, 10 did not.
    assert_eq!(r.statements[1].agree_pct, Shown::Value(Some(37.5)));
    // 16 of 37 invitations answered.
    assert_eq!(r.response_rate_pct, Shown::Value(Some(43.2)));
}

#[test]
fn a_share_under_five_either_way_is_hidden_for_the_own_team_too() {
    let r = results(&example(), Scope::Team(B), q1());
    assert_eq!(r.responses, Shown::Value(6));
    // 1 of 6 agreed: the part is under 5.
    assert_eq!(r.statements[1].agree_pct, Shown::Suppressed);
    assert_eq!(r.statements[1].agree_pct_at_least, None);
    // 6 of 12 invitations answered, 6 not.
    assert_eq!(r.response_rate_pct, Shown::Value(Some(50.0)));
}

#[test]
fn one_small_team_hides_the_next_smallest_too_so_the_city_gives_nothing_back() {
    let mut rows = example();
    rows.teams = vec![A, B];
    let d = date(2026, 2, 11);
    // Team B now has 3 responses: hidden. The city (13) shows; A (10) is hidden to protect B.
    rows.responses = vec![response(A, NORTH, d, 10, 8, 60), response(B, SOUTH, d, 3, 3, 21)];
    let city = results(&rows, Scope::City, q1());
    assert_eq!(city.responses, Shown::Value(13));
    assert_eq!(results(&rows, Scope::Team(B), q1()).responses, Shown::Suppressed);
    assert_eq!(results(&rows, Scope::Team(A), q1()).responses, Shown::Suppressed);
    // A third team of zero responses needs no protection: A stays hidden.
    rows.teams = vec![A, B, C];
    assert_eq!(results(&rows, Scope::Team(A), q1()).responses, Shown::Suppressed);
    // With team C at 2, two are hidden already: the city minus A gives only their sum.
    rows.responses.push(response(C, SOUTH, d, 2, 2, 14));
    assert_eq!(results(&rows, Scope::Team(A), q1()).responses, Shown::Value(10));
}

#[test]
fn a_half_year_shows_only_what_both_its_quarters_show() {
    let mut rows = example();
    // Q2: team A 4 responses. The half year would have 14, but Q1's 10 would give Q2 away.
    rows.responses.push(response(A, NORTH, date(2026, 5, 1), 4, 4, 32));
    rows.teams = vec![A];
    rows.districts = vec![NORTH];
    assert_eq!(results(&rows, Scope::Team(A), q2()).responses, Shown::Suppressed);
    assert_eq!(results(&rows, Scope::Team(A), h1()).responses, Shown::Suppressed);
    assert_eq!(results(&rows, Scope::Team(A), q1()).responses, Shown::Value(10));
    rows.responses.push(response(A, NORTH, date(2026, 5, 2), 1, 1, 8));
    assert_eq!(results(&rows, Scope::Team(A), h1()).responses, Shown::Value(15));
    // 13 marks summing to 100.
    assert_eq!(results(&rows, Scope::Team(A), h1()).report_mark_mean, Shown::Value(Some(7.7)));
}

#[test]
fn statements_are_followed_by_key_and_a_period_of_no_whole_quarters_shows_nothing() {
    let rows = example();
    let r = results(&rows, Scope::City, Period { from: date(2026, 1, 1), to: date(2026, 1, 31) });
    assert_eq!(r.responses, Shown::Suppressed);
    assert!(r.statements.iter().all(|s| s.agree_pct.is_suppressed()));
    assert!(reportable_kind(Period { from: date(2026, 1, 1), to: date(2026, 1, 31) }).is_none());
    assert_eq!(reportable_kind(h1()), Some(PeriodKind::HalfYear));
}

#[test]
fn the_series_is_the_year_of_quarters_up_to_the_period() {
    let s = series_quarters(q2());
    assert_eq!(s.len(), 4);
    assert_eq!(s[0].from, date(2025, 7, 1));
    assert_eq!(s[3], q2());
    let y = Period { from: date(2025, 1, 1), to: date(2025, 12, 31) };
    assert_eq!(series_quarters(y).len(), 4);
    assert_eq!(quarters_of(h1()), Some(vec![q1(), q2()]));
    assert_eq!(quarters_of(Period { from: date(2026, 1, 2), to: date(2026, 3, 31) }), None);
}

#[test]
fn open_answers_need_five_responses_in_every_quarter() {
    let rows = example();
    assert!(open_answers_allowed(&rows, A, q1()));
    assert!(!open_answers_allowed(&rows, C, q1()));
    assert!(!open_answers_allowed(&rows, A, h1()));
}

fn arb_rows() -> impl Strategy<Value = Rows> {
    let row = (0..3i64, 0..2i64, 0..2usize, 0..12u64, 0..12u64);
    proptest::collection::vec(row, 0..12).prop_map(|cells| {
        let days = [date(2026, 2, 1), date(2026, 5, 1)];
        let mut rows = Rows {
            statements: statements()[..1].to_vec(),
            teams: vec![TeamId(0), TeamId(1), TeamId(2)],
            districts: vec![DistrictId(0), DistrictId(1)],
            ..Rows::default()
        };
        for (t, d, q, n, agreed) in cells {
            let (team, district, day) = (TeamId(t), DistrictId(d), days[q]);
            rows.responses.push(response(team, district, day, n, n, n * 7));
            rows.answers.push(answer(team, district, day, "helped_quickly", n, agreed.min(n)));
            rows.invitations.push(InvitationRow {
                team_id: team,
                district_id: district,
                day,
                invited: n * 2,
                answered: n,
            });
        }
        rows
    })
}

fn scopes() -> Vec<Scope> {
    let mut s = vec![Scope::City];
    s.extend((0..3).map(|t| Scope::Team(TeamId(t))));
    s.extend((0..2).map(|d| Scope::District(DistrictId(d))));
    s
}

proptest! {
    /// No shown count is under 5, and a shown share has 5 or more on either side.
    #[test]
    fn nothing_shown_rests_on_fewer_than_five(rows in arb_rows()) {
        for scope in scopes() {
            for p in [q1(), q2(), h1()] {
                let r = results(&rows, scope, p);
                for c in [r.responses, r.report_marks, r.invitations] {
                    if let Some(v) = c.value() { prop_assert!(v >= 5); }
                }
                for s in &r.statements {
                    if let Some(Some(pct)) = s.agree_pct.value() {
                        let n = s.answered.value().unwrap_or(0) as f64;
                        let agreed = (pct * n / 100.0).round();
                        prop_assert!(agreed >= 5.0 && n - agreed >= 5.0);
                    }
                }
            }
        }
    }

    /// A half year's figure is shown only when both quarters show theirs, so the difference
    /// of two shown periods is a shown period.
    #[test]
    fn a_shown_half_year_has_both_quarters_shown(rows in arb_rows()) {
        for scope in scopes() {
            let h = results(&rows, scope, h1());
            let (a, b) = (results(&rows, scope, q1()), results(&rows, scope, q2()));
            if h.responses.value().is_some() {
                prop_assert!(a.responses.value().is_some() && b.responses.value().is_some());
            }
            if h.statements[0].agree_pct.value().is_some() {
                prop_assert!(a.statements[0].agree_pct.value().is_some());
                prop_assert!(b.statements[0].agree_pct.value().is_some());
            }
        }
    }

    /// The city shown with exactly one team (or district) hidden that is not zero would give
    /// that one back. Per quarter; a longer period is shown only where its quarters are
    /// (the property above), so what it gives back is a sum of quarters shown or zero.
    #[test]
    fn never_exactly_one_nonzero_unit_hidden_under_a_shown_city(rows in arb_rows()) {
        let truth = |p: Period, keep: &dyn Fn(&ResponseRow) -> bool| -> u64 {
            rows.responses.iter().filter(|r| p.from <= r.day && r.day <= p.to && keep(r)).map(|r| r.responses).sum()
        };
        for p in [q1(), q2()] {
            if results(&rows, Scope::City, p).responses.value().is_none() { continue; }
            let teams = (0..3)
                .filter(|t| results(&rows, Scope::Team(TeamId(*t)), p).responses.is_suppressed())
                .filter(|t| truth(p, &|r| r.team_id == TeamId(*t)) > 0)
                .count();
            let districts = (0..2)
                .filter(|d| results(&rows, Scope::District(DistrictId(*d)), p).responses.is_suppressed())
                .filter(|d| truth(p, &|r| r.district_id == DistrictId(*d)) > 0)
                .count();
            prop_assert!(teams != 1, "one team hidden in {p:?}");
            prop_assert!(districts != 1, "one district hidden in {p:?}");
        }
    }
}
