use super::view::{Unit, difference};
use super::*;
use buurtteam_domain::ids::{DistrictId, TeamId};
use jiff::civil::date;

#[test]
fn scopes_from_the_url() {
    assert_eq!(parse_scope(Some("city"), None), Some(Scope::City));
    assert_eq!(parse_scope(Some("team"), Some("7")), Some(Scope::Team(TeamId(7))));
    assert_eq!(parse_scope(Some("district-3"), None), Some(Scope::District(DistrictId(3))));
    assert_eq!(parse_scope(Some("team"), None), None);
    assert_eq!(parse_scope(Some("team-x"), None), None);
    assert_eq!(parse_scope(Some("team--1"), None), None);
}

#[test]
fn selections_default_to_the_last_complete_period_and_stop_at_today() {
    let today = date(2026, 11, 23);
    let q = DashQuery::default();
    let (s, problem) = select(&q, Role::Analyst, &[], today, None);
    assert!(!problem);
    assert_eq!((s.period.from, s.period.to), (date(2026, 7, 1), date(2026, 9, 30)));
    assert_eq!((s.previous.from, s.previous.to), (date(2026, 4, 1), date(2026, 6, 30)));
    assert_eq!(s.scope, Scope::City);
    let q = DashQuery { period: Some("year".into()), start: Some("2026-03-15".into()), ..Default::default() };
    let (s, _) = select(&q, Role::FamilyWorker, &[TeamId(4)], today, None);
    assert_eq!((s.period.from, s.period.to, s.running), (date(2026, 1, 1), today, true));
    assert_eq!(s.scope, Scope::Team(TeamId(4)), "a family worker starts at their team");
    let q = DashQuery { period: Some("week".into()), start: Some("2027-01-01".into()), ..Default::default() };
    let (s, problem) = select(&q, Role::Analyst, &[], today, None);
    assert!(problem, "unknown period and a future start are reported");
    assert_eq!(s.kind, PeriodKind::Quarter);
    let (s, _) = select(&DashQuery::default(), Role::Analyst, &[], today, Some(PeriodKind::HalfYear));
    assert_eq!((s.period.from, s.previous.from), (date(2026, 1, 1), date(2025, 7, 1)));
}

#[test]
fn numbers_in_the_languages_notation() {
    let nl = Tr::new(Lang::Nl);
    let en = Tr::new(Lang::En);
    assert_eq!(number(nl, 1234.0, 0), "1.234");
    assert_eq!(number(nl, 33.33, 1), "33,3");
    assert_eq!(number(nl, 1234.5, 1), "1.234,5");
    assert_eq!(number(en, 1234.5, 1), "1,234.5");
    assert_eq!(number(nl, 9.96, 1), "10,0");
    assert_eq!(number(nl, -0.5, 1), "-0,5");
    assert_eq!(number(nl, -12.5, 1), "-12,5");
    assert_eq!(Cell::Suppressed.text(nl), "<5");
    assert_eq!(Cell::Protected.text(nl), "afgeschermd");
    assert_eq!(Cell::Empty.text(nl), "—");
}

#[test]
fn differences_in_words() {
    let nl = Tr::new(Lang::Nl);
    let n = |v: f64| Cell::Number(v, 0);
    assert_eq!(difference(nl, &n(12.0), &n(9.0), Unit::Count), "3 meer dan de vorige periode");
    assert_eq!(difference(nl, &n(9.0), &n(12.0), Unit::Count), "3 minder dan de vorige periode");
    assert_eq!(difference(nl, &n(9.0), &n(9.0), Unit::Count), "Gelijk aan de vorige periode");
    assert_eq!(difference(nl, &Cell::Suppressed, &n(9.0), Unit::Count), "Niet te vergelijken");
    assert_eq!(
        difference(nl, &Cell::Number(50.0, 1), &Cell::Number(33.3, 1), Unit::Pct),
        "16,7 procentpunt hoger dan de vorige periode"
    );
}

#[test]
fn the_dashboard_opens_on_ones_own_team_or_the_city() {
    let teams = [TeamId(4), TeamId(9)];
    assert_eq!(default_scope(Role::TeamManager, &teams), Scope::Team(TeamId(4)), "a manager: their first team");
    assert_eq!(default_scope(Role::FamilyWorker, &teams), Scope::Team(TeamId(4)));
    assert_eq!(default_scope(Role::Analyst, &teams), Scope::City, "an analyst looks at the city");
    assert_eq!(default_scope(Role::TeamManager, &[]), Scope::City, "a manager without a team");
    let today = date(2026, 11, 23);
    let (s, problem) = select(&DashQuery::default(), Role::TeamManager, &teams, today, None);
    assert_eq!((s.scope, problem), (Scope::Team(TeamId(4)), false));
    let q = DashQuery { scope: Some("city".into()), ..Default::default() };
    assert_eq!(select(&q, Role::TeamManager, &teams, today, None).0.scope, Scope::City, "the city when asked");
}

#[test]
fn the_last_complete_half_year_around_its_ends() {
    let half = |today| {
        let p = last_complete_half_year(today);
        (p.from, p.to)
    };
    assert_eq!(half(date(2026, 6, 30)), (date(2025, 7, 1), date(2025, 12, 31)), "30 June: the first half still runs");
    assert_eq!(half(date(2026, 7, 1)), (date(2026, 1, 1), date(2026, 6, 30)), "1 July: the first half has ended");
    assert_eq!(half(date(2026, 12, 31)), (date(2026, 1, 1), date(2026, 6, 30)));
    assert_eq!(half(date(2027, 1, 1)), (date(2026, 7, 1), date(2026, 12, 31)), "1 January: last year's second half");
    // The report without a start opens on it, whoever reads it.
    for (today, from) in [(date(2026, 6, 30), date(2025, 7, 1)), (date(2026, 7, 1), date(2026, 1, 1))] {
        let (s, _) = select(&DashQuery::default(), Role::TeamManager, &[TeamId(1)], today, Some(PeriodKind::HalfYear));
        assert_eq!((s.period.from, s.running), (from, false));
    }
    // The dashboard links to the half year of its period once that has ended, else the one before.
    assert_eq!(report_half_year(date(2026, 4, 1), date(2026, 7, 1)).from, date(2026, 1, 1));
    assert_eq!(report_half_year(date(2026, 4, 1), date(2026, 6, 30)).from, date(2025, 7, 1));
    assert_eq!(report_half_year(date(2026, 10, 1), date(2026, 12, 2)).from, date(2026, 1, 1));
    assert_eq!((half_number(date(2026, 1, 1)), half_number(date(2026, 7, 1))), (1, 2));
}

fn view(scope: Scope, populations: bool) -> KpiView {
    use buurtteam_domain::kpi::{Inputs, Population, compute};
    let period = PeriodKind::Quarter.containing(date(2026, 4, 1));
    let mut inputs = Inputs::empty(period);
    inputs.districts = vec![(DistrictId(1), "Overvecht".into()), (DistrictId(2), "Zuid".into())];
    inputs.teams = vec![(TeamId(1), "Overvecht".into())];
    inputs.reach = vec![(DistrictId(1), 12), (DistrictId(2), 7)];
    if populations {
        inputs.populations = [(1, 34_916), (2, 25_000)]
            .map(|(d, n)| Population {
                district_id: DistrictId(d),
                reference_date: date(2025, 1, 1),
                residents: n,
                residents_0_17: None,
            })
            .to_vec();
    }
    let current = compute(&inputs);
    let previous = compute(&Inputs::empty(PeriodKind::Quarter.before(period.from)));
    KpiView { scope, current, previous }
}

fn dashboard(scope: Scope, populations: bool) -> Dashboard {
    let today = date(2026, 11, 23);
    let q = DashQuery { start: Some("2026-04-01".into()), ..Default::default() };
    let (mut sel, _) = select(&q, Role::Analyst, &[], today, None);
    sel.scope = scope;
    build(Tr::new(Lang::Nl), &sel, "Test".into(), &view(scope, populations), 90.0)
}

fn names(d: &Dashboard) -> Vec<&'static str> {
    d.tables.iter().map(|t| t.name).collect()
}

#[test]
fn comparisons_of_teams_and_districts_only_where_there_is_more_than_one() {
    let city = dashboard(Scope::City, true);
    for name in ["referrals_by_team", "referrals_by_district", "reach"] {
        assert!(names(&city).contains(&name), "the city compares: {name}");
    }
    assert_eq!(city.map.len(), 2, "the city has its tile map");
    let district = dashboard(Scope::District(DistrictId(1)), true);
    assert!(!names(&district).contains(&"referrals_by_district"), "one district: no comparison of districts");
    assert!(names(&district).contains(&"referrals_by_team"), "the teams within a district");
    assert!(district.map.is_empty(), "no map of one district");
    let team = dashboard(Scope::Team(TeamId(1)), true);
    for name in ["referrals_by_team", "referrals_by_district", "reach"] {
        assert!(!names(&team).contains(&name), "one team: no {name}");
    }
    assert!(names(&team).contains(&"referrals_by_source"));
    assert!(team.map.is_empty());
}

#[test]
fn an_empty_chart_says_why() {
    let d = dashboard(Scope::City, false);
    let reach = d.tables.iter().find(|t| t.name == "reach").expect("reach");
    assert!(reach.chart.is_none(), "no chart of dashes");
    assert_eq!(
        reach.no_chart.as_deref().map(|r| r.contains("geen inwonersaantallen ingelezen")),
        Some(true),
        "{:?}",
        reach.no_chart
    );
    assert!(d.map.is_empty(), "no map without populations");
    // The period has no referrals, intakes or closures: said, not drawn as zeros.
    for name in ["intake", "referrals_by_source", "closures_by_reason", "contact_forms"] {
        let t = d.tables.iter().find(|t| t.name == name).expect(name);
        assert!(t.chart.is_none(), "{name}");
        assert_eq!(t.no_chart.as_deref(), Some("Geen grafiek: er zijn geen gegevens over deze periode."), "{name}");
    }
    let d = dashboard(Scope::City, true);
    let reach = d.tables.iter().find(|t| t.name == "reach").expect("reach");
    assert!(reach.chart.is_some() && reach.no_chart.is_none(), "with populations the chart is drawn");
}

#[test]
fn no_chart_reasons() {
    let nl = Tr::new(Lang::Nl);
    let row = |c: Cell| vec![Cell::Text("x".into()), c];
    assert_eq!(no_chart_reason(nl, &[row(Cell::Number(3.0, 0))], 1, false), None);
    assert!(no_chart_reason(nl, &[row(Cell::Number(0.0, 0))], 1, false).is_some(), "zero counts are no data");
    assert_eq!(no_chart_reason(nl, &[row(Cell::Pct(0.0))], 1, true), None, "0% on time is a figure");
    assert!(
        no_chart_reason(nl, &[row(Cell::Suppressed), row(Cell::Number(0.0, 0))], 1, false)
            .is_some_and(|r| r.contains("kleiner dan 5")),
        "all hidden"
    );
    assert!(no_chart_reason(nl, &[], 1, false).is_some_and(|r| r.contains("geen gegevens")));
}
