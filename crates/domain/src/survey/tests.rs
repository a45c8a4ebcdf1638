use jiff::civil::date;
use proptest::prelude::*;

use super::*;

fn member(id: i64, role: HouseholdRole, born: Date, client: bool) -> Member {
    Member { id: PersonId(id), role, birth_date: born, client }
}

#[test]
fn each_parent_and_each_client_from_twelve_is_asked_younger_children_are_not() {
    let today = date(2026, 6, 1);
    let members = [
        member(1, HouseholdRole::Parent, date(1985, 3, 1), false),
        member(2, HouseholdRole::Parent, date(1987, 3, 1), true),
        member(3, HouseholdRole::Child, date(2014, 6, 1), true),
        member(4, HouseholdRole::Child, date(2014, 6, 2), true),
        member(5, HouseholdRole::Child, date(2010, 1, 1), false),
        member(6, HouseholdRole::Other, date(1950, 1, 1), false),
    ];
    assert_eq!(
        invitees(&members, today),
        vec![
            (PersonId(1), Respondent::Parent),
            (PersonId(2), Respondent::Parent),
            (PersonId(3), Respondent::YoungPerson),
        ],
        "12 on the day: asked; one day short of 12, not a client, or another member: not asked"
    );
}

#[test]
fn six_months_after_the_start_by_default_and_configurable() {
    let start = date(2026, 1, 31);
    assert!(!six_months_due(start, 6, date(2026, 7, 30)));
    assert!(six_months_due(start, 6, date(2026, 7, 31)));
    assert!(six_months_due(start, 3, date(2026, 4, 30)), "end of month clamps");
    assert!(!six_months_due(start, 3, date(2026, 4, 29)));
}

#[test]
fn a_code_is_valid_thirty_days_and_reminded_once_after_two_weeks() {
    let invited = date(2026, 3, 1);
    assert_eq!(expires_on(invited), date(2026, 3, 31));
    assert!(!reminder_due(invited, false, false, date(2026, 3, 14)));
    assert!(reminder_due(invited, false, false, date(2026, 3, 15)));
    assert!(!reminder_due(invited, true, false, date(2026, 3, 15)), "once");
    assert!(!reminder_due(invited, false, true, date(2026, 3, 15)), "answered");
    assert!(!reminder_due(invited, false, false, date(2026, 4, 1)), "expired");
}

#[test]
fn codes_are_read_back_however_they_are_typed() {
    assert_eq!(normalise_code("acde-fghj").as_deref(), Some("ACDEFGHJ"));
    assert_eq!(normalise_code(" ACDE FGHJ ").as_deref(), Some("ACDEFGHJ"));
    assert_eq!(normalise_code("ACDE-FGH0"), None, "0 is not in the alphabet");
    assert_eq!(normalise_code("ACDE-FGH"), None, "too short");
    assert_eq!(normalise_code("ACDE-FGHJ-K"), None, "too long");
}

proptest! {
    #[test]
    fn every_made_code_reads_back_as_itself(bytes in proptest::array::uniform8(any::<u8>())) {
        let code = code_from_bytes(&bytes);
        prop_assert_eq!(code.len(), CODE_LEN + 1);
        prop_assert_eq!(normalise_code(&code), Some(code.replace('-', "")));
        prop_assert_eq!(normalise_code(&code.to_lowercase()), Some(code.replace('-', "")));
    }

    #[test]
    fn a_reminder_falls_only_between_two_weeks_and_the_end(days in 0i32..60) {
        let invited = date(2026, 2, 20);
        let today = invited.checked_add(jiff::Span::new().days(days)).expect("date");
        prop_assert_eq!(reminder_due(invited, false, false, today), (REMIND_AFTER_DAYS..=CODE_VALID_DAYS).contains(&days));
    }

    #[test]
    fn only_a_full_answer_on_the_scale_is_accepted(agrees in proptest::collection::vec(-1i64..8, 4)) {
        let statements: Vec<Statement> = (1..=4)
            .map(|i| Statement { id: i, key: format!("s{i}"), text_nl: "x".into(), text_en: "x".into() })
            .collect();
        let answers: Vec<Answer> =
            agrees.iter().enumerate().map(|(i, a)| Answer { statement_id: i as i64 + 1, agree: *a }).collect();
        let ok = agrees.iter().all(|a| (1..=5).contains(a));
        prop_assert_eq!(check_answers(&statements, &answers, true, None, true, None).is_empty(), ok);
    }
}

#[test]
fn answers_must_fit_the_questionnaire() {
    let statements: Vec<Statement> =
        (1..=2).map(|i| Statement { id: i, key: format!("s{i}"), text_nl: "x".into(), text_en: "x".into() }).collect();
    let full = [Answer { statement_id: 1, agree: 5 }, Answer { statement_id: 2, agree: 1 }];
    assert!(check_answers(&statements, &full, true, Some(10), true, Some("Fijn")).is_empty());
    let codes = |p: Vec<Problem>| p.into_iter().map(|(_, c, _)| c).collect::<Vec<_>>();
    assert_eq!(codes(check_answers(&statements, &full[..1], true, None, true, None)), vec!["missing_answer"]);
    let twice = [full[0], full[0], full[1]];
    assert_eq!(codes(check_answers(&statements, &twice, true, None, true, None)), vec!["duplicate_answer"]);
    let other = [full[0], full[1], Answer { statement_id: 9, agree: 3 }];
    assert_eq!(codes(check_answers(&statements, &other, true, None, true, None)), vec!["unknown_statement"]);
    assert_eq!(codes(check_answers(&statements, &full, false, Some(7), true, None)), vec!["not_asked"]);
    assert_eq!(codes(check_answers(&statements, &full, true, Some(11), true, None)), vec!["invalid_report_mark"]);
    assert_eq!(codes(check_answers(&statements, &full, true, None, false, Some("x"))), vec!["not_asked"]);
    assert!(check_answers(&statements, &full, true, None, false, Some("  ")).is_empty(), "an empty answer is none");
}

#[test]
fn a_questionnaire_needs_statements_in_both_languages_with_their_own_keys() {
    let content = |statements: Vec<(&str, &str, &str)>, nl: Option<&str>, en: Option<&str>| Content {
        statements: statements.into_iter().map(|(k, n, e)| (k.into(), n.into(), e.into())).collect(),
        report_mark: true,
        open_question_nl: nl.map(Into::into),
        open_question_en: en.map(Into::into),
    };
    assert!(check_content(&content(vec![("helped_quickly", "Snel.", "Quickly.")], None, None)).is_empty());
    let codes = |c: Content| check_content(&c).into_iter().map(|(_, c, _)| c).collect::<Vec<_>>();
    assert_eq!(codes(content(vec![], None, None)), vec!["statement_count"]);
    assert_eq!(codes(content(vec![("a", "x", "y"), ("a", "x", "y")], None, None)), vec!["duplicate_key"]);
    assert_eq!(codes(content(vec![("Hé", "x", "y")], None, None)), vec!["invalid_key"]);
    assert_eq!(codes(content(vec![("a", " ", "y")], None, None)), vec!["invalid_text"]);
    assert_eq!(codes(content(vec![("a", "x", "y")], Some("Nog iets?"), None)), vec!["open_question_language"]);
}
