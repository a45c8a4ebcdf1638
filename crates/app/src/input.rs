//! Reading raw input (JSON bodies, form fields, CLI arguments) into domain values. Every
//! helper records a field error instead of failing, so one request reports all its problems.

use buurtteam_domain::validation::{
    DateFault, DateKind, EARLIEST_DATE, Errors, Lines, TextFault, check_characters, check_date,
};
use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

/// Reads a trimmed text: `None` (with an error when `required`) when it is empty, too long or
/// holds characters its kind of field does not accept.
fn read_text(
    errors: &mut Errors,
    field: &str,
    value: Option<&str>,
    max: usize,
    lines: Lines,
    required: bool,
) -> Option<String> {
    let v = value.map(str::trim).unwrap_or_default();
    if v.is_empty() {
        if required {
            errors.add(field, "is required").code("required");
        }
        return None;
    }
    if v.chars().count() > max {
        errors.add(field, format!("is at most {max} characters")).code("too_long").arg("max", max);
        return None;
    }
    match check_characters(v, lines) {
        Ok(()) => Some(v.to_owned()),
        Err(TextFault::LineBreak) => {
            errors.add(field, "is one line: line breaks and tabs are not accepted").code("line_break");
            None
        }
        Err(TextFault::ControlCharacter) => {
            errors
                .add(field, "contains a control character (such as NUL or escape); only text is accepted")
                .code("control_character");
            None
        }
    }
}

/// A required, trimmed text of one line (a name, a title, an address) of at most `max`
/// characters, without control characters, line breaks or tabs.
pub fn text(errors: &mut Errors, field: &str, value: Option<&str>, max: usize) -> Option<String> {
    read_text(errors, field, value, max, Lines::One, true)
}

/// An optional, trimmed text of one line; empty counts as absent.
pub fn optional_text(errors: &mut Errors, field: &str, value: Option<&str>, max: usize) -> Option<String> {
    read_text(errors, field, value, max, Lines::One, false)
}

/// A required, trimmed text of several lines (a request, a note, a comment): line breaks and
/// tabs are accepted, other control characters are not.
pub fn long_text(errors: &mut Errors, field: &str, value: Option<&str>, max: usize) -> Option<String> {
    read_text(errors, field, value, max, Lines::Many, true)
}

/// An optional, trimmed text of several lines; empty counts as absent.
pub fn optional_long_text(errors: &mut Errors, field: &str, value: Option<&str>, max: usize) -> Option<String> {
    read_text(errors, field, value, max, Lines::Many, false)
}

/// Records why a date lies outside the range of its kind.
fn date_in_range(errors: &mut Errors, field: &str, d: Date, kind: DateKind, today: Date) -> Option<Date> {
    match check_date(d, kind, today) {
        Ok(()) => Some(d),
        Err(DateFault::TooEarly { min }) => {
            errors
                .add(field, format!("{d} is too early; dates from {min} are accepted"))
                .code("date_too_early")
                .arg("min", min);
            None
        }
        Err(DateFault::Future { today }) => {
            errors
                .add(field, format!("{d} lies in the future; only dates up to today ({today}) are accepted"))
                .code("future_date")
                .arg("today", today);
            None
        }
        Err(DateFault::TooLate { max }) => {
            errors
                .add(field, format!("{d} is too far ahead; dates up to {max} are accepted"))
                .code("date_too_late")
                .arg("max", max);
            None
        }
    }
}

/// Reads a date of `kind`: `YYYY-MM-DD`, existing, in the kind's range (`check_date`).
fn read_date(
    errors: &mut Errors,
    field: &str,
    value: Option<&str>,
    kind: DateKind,
    today: Date,
    required: bool,
) -> Option<Date> {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        if required {
            errors.add(field, "is required (a date as YYYY-MM-DD)").code("required");
        }
        return None;
    };
    let valid_shape = v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-';
    match v.parse::<Date>() {
        Ok(d) if valid_shape => date_in_range(errors, field, d, kind, today),
        _ => {
            errors.add(field, format!("{v:?} is not an existing date as YYYY-MM-DD")).code("invalid_date");
            None
        }
    }
}

/// A calendar date `YYYY-MM-DD` that exists, with no rule of its own (a period to report on):
/// between 1900 and 2199.
pub fn date(errors: &mut Errors, field: &str, value: Option<&str>) -> Option<Date> {
    // `DateKind::Any` does not depend on today.
    read_date(errors, field, value, DateKind::Any, EARLIEST_DATE, true)
}

pub fn optional_date(errors: &mut Errors, field: &str, value: Option<&str>) -> Option<Date> {
    read_date(errors, field, value, DateKind::Any, EARLIEST_DATE, false)
}

/// The date of something in the casework that happened: from 2000 up to `today` (things
/// that happened cannot lie in the future).
pub fn past_date(errors: &mut Errors, field: &str, value: Option<&str>, today: Date) -> Option<Date> {
    read_date(errors, field, value, DateKind::Happened, today, true)
}

/// An optional date of something that happened (a correction names only the dates it changes).
pub fn optional_past_date(errors: &mut Errors, field: &str, value: Option<&str>, today: Date) -> Option<Date> {
    read_date(errors, field, value, DateKind::Happened, today, false)
}

/// A birth date: from 1900 up to `today`.
pub fn birth_date(errors: &mut Errors, field: &str, value: Option<&str>, today: Date) -> Option<Date> {
    read_date(errors, field, value, DateKind::Birth, today, true)
}

/// The date of something planned (a closure day): from 2000 up to a few years after `today`.
pub fn planned_date(errors: &mut Errors, field: &str, value: Option<&str>, today: Date) -> Option<Date> {
    read_date(errors, field, value, DateKind::Planned, today, true)
}

/// An optional planned date (a due date, the next evaluation, a requested intake).
pub fn optional_planned_date(errors: &mut Errors, field: &str, value: Option<&str>, today: Date) -> Option<Date> {
    read_date(errors, field, value, DateKind::Planned, today, false)
}

/// The moment of something planned (an appointment): a required date and time
/// `YYYY-MM-DDTHH:MM` in the organisation's time zone `tz`, its date in the planned range.
pub fn planned_time(
    errors: &mut Errors,
    field: &str,
    value: Option<&str>,
    tz: &TimeZone,
    today: Date,
) -> Option<Timestamp> {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        errors.add(field, "is required (date and time, YYYY-MM-DDTHH:MM)").code("required");
        return None;
    };
    let Ok(dt) = v.parse::<DateTime>() else {
        errors.add(field, format!("{v:?} is not a date and time as YYYY-MM-DDTHH:MM")).code("invalid_datetime");
        return None;
    };
    date_in_range(errors, field, dt.date(), DateKind::Planned, today)?;
    match dt.to_zoned(tz.clone()) {
        Ok(z) => Some(z.timestamp()),
        Err(_) => {
            errors.add(field, format!("{v:?} is not a date and time as YYYY-MM-DDTHH:MM")).code("invalid_datetime");
            None
        }
    }
}

/// A code from a closed list.
pub fn code<T>(
    errors: &mut Errors,
    field: &str,
    value: Option<&str>,
    parse: impl Fn(&str) -> Option<T>,
    accepted: impl Fn() -> String,
) -> Option<T> {
    match value.map(str::trim) {
        None | Some("") => {
            errors.add(field, format!("is required; one of: {}", accepted())).code("required");
            None
        }
        Some(v) => optional_code(errors, field, Some(v), parse, accepted),
    }
}

pub fn optional_code<T>(
    errors: &mut Errors,
    field: &str,
    value: Option<&str>,
    parse: impl Fn(&str) -> Option<T>,
    accepted: impl Fn() -> String,
) -> Option<T> {
    let v = value.map(str::trim).filter(|v| !v.is_empty())?;
    let parsed = parse(v);
    if parsed.is_none() {
        errors.add(field, format!("{v:?} is not a known code; one of: {}", accepted())).code("unknown_choice");
    }
    parsed
}

/// Records what `person::check_name` found wrong with a name, under the rule it broke.
pub fn name_error(errors: &mut Errors, field: &str, message: &str) {
    let e = errors.add(field, message);
    if message == "is required" {
        e.code("required");
    } else if message.starts_with("is at most") {
        e.code("too_long").arg("max", 100);
    } else {
        e.code("invalid_name");
    }
}

/// A required id.
pub fn id(errors: &mut Errors, field: &str, value: Option<i64>) -> Option<i64> {
    if value.is_none() {
        errors.add(field, "is required").code("required");
    }
    value
}

/// The life domains a referral names: at least one, each a known code (an error per position
/// otherwise), sorted and each once.
pub fn life_domains(errors: &mut Errors, codes: &[String]) -> Vec<buurtteam_domain::codes::LifeDomain> {
    use buurtteam_domain::codes::LifeDomain;
    if codes.is_empty() {
        errors
            .add("life_domains", format!("name at least one life domain; one of: {}", LifeDomain::accepted()))
            .code("required_life_domain");
    }
    let mut out: Vec<LifeDomain> = codes
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            code(errors, &format!("life_domains[{i}]"), Some(c), LifeDomain::parse, LifeDomain::accepted)
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date as d;

    #[test]
    fn dates_must_exist_and_be_strict() {
        let mut e = Errors::default();
        assert_eq!(date(&mut e, "x", Some("2026-02-28")), Some(d(2026, 2, 28)));
        assert_eq!(date(&mut e, "x", Some("2026-02-30")), None);
        assert_eq!(date(&mut e, "x", Some("2026-2-3")), None);
        assert_eq!(date(&mut e, "x", None), None);
        assert_eq!(e.0.len(), 3);
        assert!(e.0.iter().all(|f| f.field == "x"));
    }

    #[test]
    fn future_dates_are_refused() {
        let mut e = Errors::default();
        assert_eq!(past_date(&mut e, "held_on", Some("2026-11-24"), d(2026, 11, 23)), None);
        assert!(e.0[0].message.contains("future"));
    }

    #[test]
    fn dates_outside_their_kinds_range_are_refused_with_a_code() {
        let today = d(2026, 11, 23);
        let codes = |f: &dyn Fn(&mut Errors) -> Option<Date>| {
            let mut e = Errors::default();
            let got = f(&mut e);
            (got, e.0.iter().map(|x| (x.code, x.args.clone())).collect::<Vec<_>>())
        };
        let (got, errs) = codes(&|e| planned_date(e, "day", Some("0001-01-01"), today));
        assert_eq!(got, None);
        assert_eq!(errs, vec![("date_too_early", vec![("min", "2000-01-01".to_owned())])]);
        let (got, errs) = codes(&|e| optional_planned_date(e, "due_on", Some("2032-01-01"), today));
        assert_eq!(got, None);
        assert_eq!(errs, vec![("date_too_late", vec![("max", "2031-11-23".to_owned())])]);
        assert_eq!(codes(&|e| optional_planned_date(e, "due_on", Some("2031-11-23"), today)).0, Some(d(2031, 11, 23)));
        assert_eq!(codes(&|e| birth_date(e, "b", Some("1899-12-31"), today)).1[0].0, "date_too_early");
        assert_eq!(codes(&|e| birth_date(e, "b", Some("1900-01-01"), today)).0, Some(d(1900, 1, 1)));
        assert_eq!(codes(&|e| past_date(e, "referred_on", Some("1999-12-31"), today)).1[0].0, "date_too_early");
        assert_eq!(codes(&|e| date(e, "from", Some("0000-01-01"))).1[0].0, "date_too_early");
        assert_eq!(codes(&|e| optional_date(e, "from", Some("2200-01-01"))).1[0].0, "date_too_late");
        assert_eq!(codes(&|e| optional_date(e, "from", None)), (None, vec![]));
    }

    #[test]
    fn appointments_are_planned_moments_in_the_organisations_time_zone() {
        let today = d(2026, 11, 23);
        let tz = TimeZone::get("Europe/Amsterdam").expect("tz");
        let mut e = Errors::default();
        let t = planned_time(&mut e, "starts_at", Some("2026-12-03T14:30"), &tz, today).expect("accepted");
        assert_eq!(t.to_string(), "2026-12-03T13:30:00Z");
        for bad in ["0000-01-01T10:00", "1999-12-31T23:59", "2040-01-01T10:00", "2026-13-01T10:00", "morgen"] {
            let mut e = Errors::default();
            assert_eq!(planned_time(&mut e, "starts_at", Some(bad), &tz, today), None, "{bad}");
            assert_eq!(e.0.len(), 1, "{bad}");
        }
        let mut e = Errors::default();
        planned_time(&mut e, "starts_at", Some(" "), &tz, today);
        assert_eq!(e.0[0].code, "required");
    }

    #[test]
    fn text_refuses_control_characters_and_one_line_text_line_breaks() {
        let mut e = Errors::default();
        assert_eq!(text(&mut e, "title", Some("  Rust in huis "), 100).as_deref(), Some("Rust in huis"));
        assert_eq!(
            long_text(&mut e, "body", Some("regel 1\r\nregel 2\tkolom"), 100).as_deref(),
            Some("regel 1\r\nregel 2\tkolom")
        );
        assert!(e.is_empty());
        assert_eq!(text(&mut e, "title", Some("regel 1\nregel 2"), 100), None);
        assert_eq!(long_text(&mut e, "body", Some("notitie\0"), 100), None);
        assert_eq!(optional_long_text(&mut e, "summary", Some("\u{1b}[2J"), 100), None);
        assert_eq!(optional_text(&mut e, "city", Some("Utrecht\u{7}"), 100), None);
        let codes: Vec<_> = e.0.iter().map(|f| (f.field.as_str(), f.code)).collect();
        assert_eq!(
            codes,
            [
                ("title", "line_break"),
                ("body", "control_character"),
                ("summary", "control_character"),
                ("city", "control_character")
            ]
        );
        // Trimming takes leading and trailing line breaks off a one-line text, as before.
        assert_eq!(text(&mut e, "name", Some("\nAda\n"), 100).as_deref(), Some("Ada"));
    }
}
