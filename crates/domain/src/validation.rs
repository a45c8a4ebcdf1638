//! Field-level validation errors shared by every layer: each names the field (as the
//! API spells it) and says in plain words what is accepted. And the two rules every input
//! obeys whatever its field: which characters free text may hold (`check_characters`) and
//! the range a date of each kind may lie in (`check_date`). `buurtteam_app::input` applies
//! them to every text and date it reads.

use jiff::civil::Date;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field as the API spells it, e.g. `members[1].bsn`.
    pub field: String,
    /// What is wrong and what is accepted, in words a person can act on (English).
    pub message: String,
    /// Which rule was broken (`required`, `too_long`, `future_date` ...): the key under which
    /// the pages find the message in their own language. `invalid` when nothing more specific.
    pub code: &'static str,
    /// Values the translated message needs (`max`, `value`, `today` ...).
    #[serde(skip)]
    pub args: Vec<(&'static str, String)>,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self { field: field.into(), message: message.into(), code: "invalid", args: Vec::new() }
    }

    /// Names the broken rule (see `code`).
    pub fn code(&mut self, code: &'static str) -> &mut Self {
        self.code = code;
        self
    }

    /// Adds a value for the translated message.
    pub fn arg(&mut self, name: &'static str, value: impl ToString) -> &mut Self {
        self.args.push((name, value.to_string()));
        self
    }
}

/// Collects field errors so that a form or request reports all of them at once.
#[derive(Debug, Default)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    /// Adds an error; chain `.code(..)` and `.arg(..)` on the result to make it translatable.
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) -> &mut FieldError {
        self.0.push(FieldError::new(field, message));
        let last = self.0.len() - 1;
        &mut self.0[last]
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(())` when nothing was added, else all errors.
    pub fn finish(self) -> Result<(), Vec<FieldError>> {
        if self.0.is_empty() { Ok(()) } else { Err(self.0) }
    }
}

// ---------------------------------------------------------------------------------------
// Text: which characters free text may hold.

/// Whether a free-text field may span several lines (a textarea) or is one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// Names, titles, addresses, e-mail addresses, codes: no line breaks or tabs.
    One,
    /// Requests, notes, comments, descriptions: line breaks (`\n`, `\r`) and tabs allowed.
    Many,
}

/// What is wrong with the characters of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFault {
    /// A line break or tab in a one-line field.
    LineBreak,
    /// A control character (Unicode category Cc: NUL, escape, backspace ...) other than
    /// line breaks and tabs. PostgreSQL refuses NUL in text; the others garble pages and
    /// exports and hide text from the people who read it.
    ControlCharacter,
}

/// Checks that `value` holds no control characters, except line breaks and tabs in
/// multi-line text.
pub fn check_characters(value: &str, lines: Lines) -> Result<(), TextFault> {
    let mut fault = None;
    for c in value.chars().filter(|c| c.is_control()) {
        match (c, lines) {
            ('\n' | '\r' | '\t', Lines::Many) => {}
            ('\n' | '\r' | '\t', Lines::One) => fault = fault.or(Some(TextFault::LineBreak)),
            _ => return Err(TextFault::ControlCharacter),
        }
    }
    fault.map_or(Ok(()), Err)
}

// ---------------------------------------------------------------------------------------
// Dates: the range a date of each kind may lie in.

/// The earliest date any input may carry: the birth dates of the oldest people alive.
pub const EARLIEST_DATE: Date = jiff::civil::date(1900, 1, 1);
/// The latest date any input may carry, far inside what jiff and both databases can hold.
pub const LATEST_DATE: Date = jiff::civil::date(2199, 12, 31);
/// The earliest date of the organisation's own work: referrals, intakes, contacts,
/// evaluations, appointments, closure days. Nothing of it happened before 2000.
pub const EARLIEST_WORK_DATE: Date = jiff::civil::date(2000, 1, 1);
/// How many years ahead work may be planned (appointments, closure days, due dates).
pub const PLANNING_YEARS: i16 = 5;

/// What a date means, which decides the range it may lie in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// A date with no rule of its own (a period to report on, a search): 1900–2199.
    Any,
    /// A birth date: from 1900 up to today.
    Birth,
    /// Something in the casework that happened (a referral, an intake, a contact, a score):
    /// from 2000 up to today. Facts cannot lie in the future.
    Happened,
    /// Something planned (an appointment, a closure day, a due date, a next evaluation, a
    /// requested intake): from 2000 up to `PLANNING_YEARS` after today.
    Planned,
}

/// Why a date falls outside its range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFault {
    /// Before `min`, the earliest date accepted.
    TooEarly { min: Date },
    /// After today, for a fact.
    Future { today: Date },
    /// After `max`, the latest date accepted.
    TooLate { max: Date },
}

impl DateKind {
    /// The first and last date accepted for this kind when it is `today`.
    pub fn range(self, today: Date) -> (Date, Date) {
        let planning_end =
            today.checked_add(jiff::Span::new().years(PLANNING_YEARS)).unwrap_or(LATEST_DATE).min(LATEST_DATE);
        match self {
            Self::Any => (EARLIEST_DATE, LATEST_DATE),
            Self::Birth => (EARLIEST_DATE, today),
            Self::Happened => (EARLIEST_WORK_DATE, today),
            Self::Planned => (EARLIEST_WORK_DATE, planning_end),
        }
    }
}

/// Checks that `date` lies in the range of `kind` when it is `today`.
pub fn check_date(date: Date, kind: DateKind, today: Date) -> Result<(), DateFault> {
    let (min, max) = kind.range(today);
    if date < min {
        Err(DateFault::TooEarly { min })
    } else if date > max && matches!(kind, DateKind::Birth | DateKind::Happened) {
        Err(DateFault::Future { today: max })
    } else if date > max {
        Err(DateFault::TooLate { max })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    #[test]
    fn control_characters_are_refused_line_breaks_only_in_one_line_text() {
        assert_eq!(check_characters("Zorgen over school.", Lines::One), Ok(()));
        assert_eq!(check_characters("Eerste regel\r\ntweede\tregel", Lines::Many), Ok(()));
        assert_eq!(check_characters("Eerste regel\nTweede", Lines::One), Err(TextFault::LineBreak));
        assert_eq!(check_characters("kolom\tkolom", Lines::One), Err(TextFault::LineBreak));
        for bad in ["a\0b", "\u{1b}[31mrood", "back\u{8}space", "\u{7f}", "\u{85}next line", "\u{9f}"] {
            assert_eq!(check_characters(bad, Lines::Many), Err(TextFault::ControlCharacter), "{bad:?}");
            assert_eq!(check_characters(bad, Lines::One), Err(TextFault::ControlCharacter), "{bad:?}");
        }
        // A NUL after a line break is still a control character, also in one-line text.
        assert_eq!(check_characters("a\nb\0", Lines::One), Err(TextFault::ControlCharacter));
        // Letters of every script, emoji and format characters are text, not control characters.
        assert_eq!(check_characters("Çağlar Ŵ 李 مرحبا 👪 a\u{200d}b", Lines::One), Ok(()));
    }

    #[test]
    fn each_kind_of_date_has_its_range() {
        let today = date(2026, 11, 23);
        assert_eq!(
            check_date(date(0, 1, 1), DateKind::Planned, today),
            Err(DateFault::TooEarly { min: date(2000, 1, 1) })
        );
        assert_eq!(check_date(date(1, 1, 1), DateKind::Any, today), Err(DateFault::TooEarly { min: date(1900, 1, 1) }));
        assert_eq!(
            check_date(date(1899, 12, 31), DateKind::Birth, today),
            Err(DateFault::TooEarly { min: date(1900, 1, 1) })
        );
        assert_eq!(check_date(date(1900, 1, 1), DateKind::Birth, today), Ok(()));
        assert_eq!(
            check_date(date(1999, 12, 31), DateKind::Happened, today),
            Err(DateFault::TooEarly { min: date(2000, 1, 1) })
        );
        assert_eq!(check_date(date(2026, 11, 24), DateKind::Happened, today), Err(DateFault::Future { today }));
        assert_eq!(check_date(date(2026, 11, 24), DateKind::Birth, today), Err(DateFault::Future { today }));
        assert_eq!(check_date(date(2031, 11, 23), DateKind::Planned, today), Ok(()));
        assert_eq!(
            check_date(date(2031, 11, 24), DateKind::Planned, today),
            Err(DateFault::TooLate { max: date(2031, 11, 23) })
        );
        assert_eq!(check_date(date(9999, 12, 31), DateKind::Any, today), Err(DateFault::TooLate { max: LATEST_DATE }));
        // Near jiff's own end the planning horizon stops at the latest date, without overflow.
        assert_eq!(DateKind::Planned.range(date(9999, 12, 31)).1, LATEST_DATE);
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (-9999i16..=9999, 1i8..=12, 1i8..=31).prop_filter_map("an existing date", |(y, m, d)| Date::new(y, m, d).ok())
    }

    /// Text of any characters, with control characters and line breaks often among them.
    fn text_with_controls() -> impl Strategy<Value = String> {
        let c = prop_oneof![any::<char>(), proptest::char::range('\0', '\u{a0}'), Just('\n'), Just('\t')];
        proptest::collection::vec(c, 0..30).prop_map(|v| v.into_iter().collect())
    }

    fn any_kind() -> impl Strategy<Value = DateKind> {
        prop_oneof![Just(DateKind::Any), Just(DateKind::Birth), Just(DateKind::Happened), Just(DateKind::Planned)]
    }

    proptest! {
        #[test]
        fn accepted_text_has_no_control_characters_but_line_breaks(s in text_with_controls(), many in any::<bool>()) {
            let lines = if many { Lines::Many } else { Lines::One };
            let ok = check_characters(&s, lines).is_ok();
            let allowed = |c: char| !c.is_control() || (many && matches!(c, '\n' | '\r' | '\t'));
            prop_assert_eq!(ok, s.chars().all(allowed));
        }

        #[test]
        fn an_accepted_date_lies_in_its_range_and_between_1900_and_2199(
            d in any_date(), kind in any_kind(), today in (2000i16..2150, 1i8..=12, 1i8..=28)
        ) {
            let today = date(today.0, today.1, today.2);
            let (min, max) = kind.range(today);
            prop_assert_eq!(check_date(d, kind, today).is_ok(), min <= d && d <= max);
            if check_date(d, kind, today).is_ok() {
                prop_assert!(EARLIEST_DATE <= d && d <= LATEST_DATE);
            }
        }
    }
}
