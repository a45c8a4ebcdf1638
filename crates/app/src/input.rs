//! Reading raw input (JSON bodies, form fields, CLI arguments) into domain values. Every
//! helper records a field error instead of failing, so one request reports all its problems.

use buurtteam_domain::validation::Errors;
use jiff::civil::Date;

/// A required, trimmed text of at most `max` characters.
pub fn text(errors: &mut Errors, field: &str, value: Option<&str>, max: usize) -> Option<String> {
    let v = value.map(str::trim).unwrap_or_default();
    if v.is_empty() {
        errors.add(field, "is required").code("required");
        None
    } else if v.chars().count() > max {
        errors.add(field, format!("is at most {max} characters")).code("too_long").arg("max", max);
        None
    } else {
        Some(v.to_owned())
    }
}

/// An optional, trimmed text; empty counts as absent.
pub fn optional_text(errors: &mut Errors, field: &str, value: Option<&str>, max: usize) -> Option<String> {
    match value.map(str::trim) {
        None | Some("") => None,
        Some(v) if v.chars().count() > max => {
            errors.add(field, format!("is at most {max} characters")).code("too_long").arg("max", max);
            None
        }
        Some(v) => Some(v.to_owned()),
    }
}

/// A calendar date `YYYY-MM-DD` that exists.
pub fn date(errors: &mut Errors, field: &str, value: Option<&str>) -> Option<Date> {
    match value.map(str::trim) {
        None | Some("") => {
            errors.add(field, "is required (a date as YYYY-MM-DD)").code("required");
            None
        }
        Some(v) => optional_date(errors, field, Some(v)),
    }
}

pub fn optional_date(errors: &mut Errors, field: &str, value: Option<&str>) -> Option<Date> {
    let v = value.map(str::trim).filter(|v| !v.is_empty())?;
    let valid_shape = v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-';
    match v.parse::<Date>() {
        Ok(d) if valid_shape => Some(d),
        _ => {
            errors.add(field, format!("{v:?} is not an existing date as YYYY-MM-DD")).code("invalid_date");
            None
        }
    }
}

/// A date that is not after `today` (things that happened cannot lie in the future).
pub fn past_date(errors: &mut Errors, field: &str, value: Option<&str>, today: Date) -> Option<Date> {
    let d = date(errors, field, value)?;
    if d > today {
        errors
            .add(field, format!("{d} lies in the future; only dates up to today ({today}) are accepted"))
            .code("future_date")
            .arg("today", today);
        return None;
    }
    Some(d)
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
}
