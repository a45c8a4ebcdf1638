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
