//! The experience survey (Ervaringswijzer, issue 17): questionnaires, invitations, responses
//! and what the steering may see of them.
//!
//! The rules here are pure: who of a household is invited ([`invitees`]), when ([`six_months_due`],
//! [`reminder_due`]), what a code looks like ([`normalise_code`]), and whether a set of answers
//! fits a questionnaire ([`check_answers`]). Decision 0030 explains how a response is kept apart
//! from the file, the person and the code it came with.

pub mod redact;
pub mod results;

use jiff::civil::Date;

use crate::codes::{HouseholdRole, code_list};
use crate::ids::PersonId;
use crate::person::age_on;

/// A code is valid this many days after the invitation.
pub const CODE_VALID_DAYS: i32 = 30;
/// A person who has not answered is reminded once, this many days after the invitation.
pub const REMIND_AFTER_DAYS: i32 = 14;
/// By default the survey is sent this many months after the start of support.
pub const DEFAULT_AFTER_MONTHS: u32 = 6;
/// Young people are asked themselves from this age.
pub const YOUNG_PERSON_FROM: i16 = 12;
/// The characters of a code: no look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B).
pub const CODE_ALPHABET: &[u8] = b"ACDEFGHJKMNPQRTUVWXY34679";
/// The length of a code without its dash: 25^8, about 1.5 × 10^11 codes.
pub const CODE_LEN: usize = 8;
/// At most this many statements in a questionnaire, each at most [`STATEMENT_MAX`] characters.
pub const STATEMENTS_MAX: usize = 12;
pub const STATEMENT_MAX: usize = 200;
/// An open answer is at most this many characters.
pub const COMMENT_MAX: usize = 2000;

code_list!(
    /// When a person is asked.
    Moment {
        /// After a while in support (by default six months after its start).
        SixMonths = "six_months",
        /// When the case is closed.
        Closure = "closure",
    }
);

code_list!(
    /// As whom a person answers (kept with the response, for the aggregates).
    Respondent {
        Parent = "parent",
        /// A client of 12 or older who is not a parent of the household.
        YoungPerson = "young_person",
    }
);

code_list!(
    /// How a response came in.
    Channel {
        /// In Mijn Buurtteam, logged in.
        Portal = "portal",
        /// With the code, on the public survey page or through the API, without an account.
        Link = "link",
        /// On paper, typed in by staff against the code.
        Paper = "paper",
    }
);

/// What the invitation rules need of one household member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    pub id: PersonId,
    pub role: HouseholdRole,
    pub birth_date: Date,
    /// A client of the case.
    pub client: bool,
}

/// Whether `member` is asked, and as whom: each parent of the household, and each client of 12
/// or older (as a young person). Younger children and other members are not asked.
pub fn respondent(member: &Member, on: Date) -> Option<Respondent> {
    match member.role {
        HouseholdRole::Parent => Some(Respondent::Parent),
        _ if member.client && age_on(member.birth_date, on) >= YOUNG_PERSON_FROM => Some(Respondent::YoungPerson),
        _ => None,
    }
}

/// Who of the household is asked on `on`, in the order given.
pub fn invitees(members: &[Member], on: Date) -> Vec<(PersonId, Respondent)> {
    members.iter().filter_map(|m| respondent(m, on).map(|r| (m.id, r))).collect()
}

/// Whether a case that started support on `started_on` is due for its `six_months` survey on
/// `today`, with the survey sent `after_months` after the start.
pub fn six_months_due(started_on: Date, after_months: u32, today: Date) -> bool {
    let months = i32::try_from(after_months).unwrap_or(i32::MAX);
    started_on.checked_add(jiff::Span::new().months(months)).is_ok_and(|due| due <= today)
}

/// The last day a code made on `invited_on` can be used.
pub fn expires_on(invited_on: Date) -> Date {
    invited_on.checked_add(jiff::Span::new().days(CODE_VALID_DAYS)).unwrap_or(invited_on)
}

/// Whether an invitation made on `invited_on` is reminded on `today`: not answered, not reminded
/// before, at least [`REMIND_AFTER_DAYS`] days old and still valid.
pub fn reminder_due(invited_on: Date, reminded: bool, responded: bool, today: Date) -> bool {
    let after = invited_on.checked_add(jiff::Span::new().days(REMIND_AFTER_DAYS)).unwrap_or(invited_on);
    !reminded && !responded && after <= today && today <= expires_on(invited_on)
}

/// A code as typed, normalised: letters upper case, spaces and dashes gone. `None` when it
/// holds a character no code has (then it cannot be one, and nothing need be looked up).
pub fn normalise_code(typed: &str) -> Option<String> {
    let normal: String =
        typed.chars().filter(|c| !c.is_whitespace() && *c != '-').map(|c| c.to_ascii_uppercase()).collect();
    (normal.len() == CODE_LEN && normal.bytes().all(|b| CODE_ALPHABET.contains(&b))).then_some(normal)
}

/// A code from [`CODE_LEN`] random bytes, each taken modulo the alphabet, shown as two groups
/// of four (`ACDE-FGHJ`).
pub fn code_from_bytes(bytes: &[u8; CODE_LEN]) -> String {
    let chars: String = bytes.iter().map(|b| CODE_ALPHABET[usize::from(*b) % CODE_ALPHABET.len()] as char).collect();
    format!("{}-{}", &chars[..4], &chars[4..])
}

/// One statement of a questionnaire as the rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub id: i64,
    pub key: String,
    pub text_nl: String,
    pub text_en: String,
}

/// The content of a questionnaire version (what an admin edits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content {
    pub statements: Vec<(String, String, String)>,
    pub report_mark: bool,
    pub open_question_nl: Option<String>,
    pub open_question_en: Option<String>,
}

/// Why a questionnaire's content cannot be saved: (field, code, message).
pub type Problem = (String, &'static str, String);

/// Checks a questionnaire's content: one to [`STATEMENTS_MAX`] statements, each with a key
/// (lower case letters, digits, `_`; unique) and a Dutch and English text; an open question in
/// both languages or in neither.
pub fn check_content(content: &Content) -> Vec<Problem> {
    let mut problems = Vec::new();
    if content.statements.is_empty() || content.statements.len() > STATEMENTS_MAX {
        problems.push((
            "statements".into(),
            "statement_count",
            format!("give between 1 and {STATEMENTS_MAX} statements"),
        ));
    }
    for (i, (key, nl, en)) in content.statements.iter().enumerate() {
        let field = |part: &str| format!("statements[{i}].{part}");
        let key_ok = !key.is_empty()
            && key.len() <= 40
            && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !key_ok {
            problems.push((field("key"), "invalid_key", "use lower case letters, digits and _ (at most 40)".into()));
        } else if content.statements[..i].iter().any(|(k, _, _)| k == key) {
            problems.push((field("key"), "duplicate_key", "each statement needs its own key".into()));
        }
        for (part, text) in [("text_nl", nl), ("text_en", en)] {
            let n = text.trim().chars().count();
            if n == 0 || n > STATEMENT_MAX {
                problems.push((field(part), "invalid_text", format!("write between 1 and {STATEMENT_MAX} characters")));
            }
        }
    }
    let nl = content.open_question_nl.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let en = content.open_question_en.as_deref().map(str::trim).filter(|t| !t.is_empty());
    if nl.is_some() != en.is_some() {
        problems.push((
            "open_question".into(),
            "open_question_language",
            "give the open question in both languages, or leave both empty".into(),
        ));
    }
    problems
}

/// One answer as given: a statement id and a number on the agree scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    pub statement_id: i64,
    pub agree: i64,
}

/// Checks a response against the questionnaire it is given on: each statement answered once
/// with 1 (strongly disagree) to 5 (strongly agree), no other statement; a report mark 1-10
/// only when it is asked; an open answer only when there is an open question, and not too long.
pub fn check_answers(
    statements: &[Statement],
    answers: &[Answer],
    report_mark_asked: bool,
    report_mark: Option<i64>,
    open_question: bool,
    comment: Option<&str>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (i, a) in answers.iter().enumerate() {
        let field = |part: &str| format!("answers[{i}].{part}");
        if !statements.iter().any(|s| s.id == a.statement_id) {
            problems.push((
                field("statement_id"),
                "unknown_statement",
                "is not a statement of this questionnaire".into(),
            ));
        } else if answers[..i].iter().any(|b| b.statement_id == a.statement_id) {
            problems.push((field("statement_id"), "duplicate_answer", "answer each statement once".into()));
        }
        if !(1..=5).contains(&a.agree) {
            problems.push((
                field("agree"),
                "invalid_agree",
                "must be 1 (strongly disagree) to 5 (strongly agree)".into(),
            ));
        }
    }
    for s in statements {
        if !answers.iter().any(|a| a.statement_id == s.id) {
            problems.push(("answers".into(), "missing_answer", format!("statement {} has no answer", s.id)));
        }
    }
    match report_mark {
        Some(_) if !report_mark_asked => {
            problems.push(("report_mark".into(), "not_asked", "this questionnaire asks no report mark".into()));
        }
        Some(m) if !(1..=10).contains(&m) => {
            problems.push(("report_mark".into(), "invalid_report_mark", "must be 1 to 10".into()));
        }
        _ => {}
    }
    if let Some(c) = comment.map(str::trim).filter(|c| !c.is_empty()) {
        if !open_question {
            problems.push(("comment".into(), "not_asked", "this questionnaire asks no open question".into()));
        } else if c.chars().count() > COMMENT_MAX {
            problems.push(("comment".into(), "too_long", format!("at most {COMMENT_MAX} characters")));
        }
    }
    problems
}

#[cfg(test)]
mod tests;
