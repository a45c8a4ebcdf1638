//! The house number of a Dutch address as the BAG (Basisregistratie Adressen en Gebouwen)
//! has it: a number (1 to 99999), an optional house letter (`huisletter`, one letter) and an
//! optional addition (`huisnummertoevoeging`, up to four letters or digits). `12`, `12a`,
//! `12-bis` and `12a-1` are four addresses; [`HouseNumber::parse`] reads them from one box,
//! [`HouseNumber::from_parts`] from three fields. Letters and additions are kept lowercase.

use std::fmt;

/// The highest house number the BAG gives.
pub const MAX_HOUSE_NUMBER: i64 = 99_999;
/// The longest addition the BAG allows.
pub const MAX_ADDITION: usize = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HouseNumber {
    pub number: u32,
    /// `a` in `12a`.
    pub letter: Option<char>,
    /// `bis` in `12-bis`.
    pub addition: Option<String>,
}

/// Why a house number was not accepted; each part has its own so a form can point at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum HouseNumberError {
    #[error("is not a house number: it starts with a number from 1 to 99999, e.g. 12, 12a or 12-bis")]
    Number,
    #[error("is one letter (a to z)")]
    Letter,
    #[error("is at most 4 letters or digits")]
    Addition,
}

impl HouseNumberError {
    /// The code a field error carries.
    pub fn code(self) -> &'static str {
        match self {
            Self::Number => "invalid_house_number",
            Self::Letter => "invalid_house_letter",
            Self::Addition => "invalid_house_number_addition",
        }
    }
}

fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '/')
}

/// The house letter: one ASCII letter, lowercase.
pub fn house_letter(text: &str) -> Result<char, HouseNumberError> {
    let mut chars = text.trim().chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => Ok(c.to_ascii_lowercase()),
        _ => Err(HouseNumberError::Letter),
    }
}

/// The addition: one to four ASCII letters or digits, lowercase.
pub fn house_number_addition(text: &str) -> Result<String, HouseNumberError> {
    let t = text.trim();
    if t.is_empty() || t.len() > MAX_ADDITION || !t.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(HouseNumberError::Addition);
    }
    Ok(t.to_ascii_lowercase())
}

impl HouseNumber {
    /// Reads `12`, `12a`, `12 A`, `12-bis`, `12bis`, `12 bis`, `12a-1`, `12/2`. A single letter
    /// right after the number (or after one space), followed by nothing or a separator, is the
    /// house letter; what follows (after `-`, `/` or spaces) is the addition.
    pub fn parse(text: &str) -> Result<Self, HouseNumberError> {
        let t = text.trim();
        let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let number = match t[..digits].parse::<i64>() {
            Ok(n) if (1..=MAX_HOUSE_NUMBER).contains(&n) && digits <= 6 => n as u32,
            _ => return Err(HouseNumberError::Number),
        };
        let mut rest = t[digits..].trim_start_matches(' ');
        let mut letter = None;
        let mut chars = rest.chars();
        if let Some(c) = chars.next()
            && c.is_ascii_alphabetic()
            && chars.next().is_none_or(is_separator)
        {
            letter = Some(c.to_ascii_lowercase());
            rest = &rest[1..];
        }
        let rest = rest.trim_start_matches(is_separator);
        let addition = if rest.is_empty() { None } else { Some(house_number_addition(rest)?) };
        Ok(Self { number, letter, addition })
    }

    /// From the three fields of a form; each part's error names that part.
    pub fn from_parts(number: i64, letter: Option<&str>, addition: Option<&str>) -> Result<Self, HouseNumberError> {
        if !(1..=MAX_HOUSE_NUMBER).contains(&number) {
            return Err(HouseNumberError::Number);
        }
        let letter = letter.map(str::trim).filter(|l| !l.is_empty()).map(house_letter).transpose()?;
        let addition = addition.map(str::trim).filter(|a| !a.is_empty()).map(house_number_addition).transpose()?;
        Ok(Self { number: number as u32, letter, addition })
    }
}

/// `12`, `12a`, `12-bis`, `12a-1`: how the address is printed and was stored before the split.
impl fmt::Display for HouseNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.number)?;
        if let Some(l) = self.letter {
            write!(f, "{l}")?;
        }
        if let Some(a) = &self.addition {
            write!(f, "-{a}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn hn(number: u32, letter: Option<char>, addition: Option<&str>) -> HouseNumber {
        HouseNumber { number, letter, addition: addition.map(str::to_owned) }
    }

    #[test]
    fn reads_the_ways_people_write_a_house_number() {
        assert_eq!(HouseNumber::parse("12"), Ok(hn(12, None, None)));
        assert_eq!(HouseNumber::parse(" 12 "), Ok(hn(12, None, None)));
        assert_eq!(HouseNumber::parse("12a"), Ok(hn(12, Some('a'), None)));
        assert_eq!(HouseNumber::parse("12A"), Ok(hn(12, Some('a'), None)));
        assert_eq!(HouseNumber::parse("12 a"), Ok(hn(12, Some('a'), None)));
        assert_eq!(HouseNumber::parse("12-bis"), Ok(hn(12, None, Some("bis"))));
        assert_eq!(HouseNumber::parse("12 bis"), Ok(hn(12, None, Some("bis"))));
        assert_eq!(HouseNumber::parse("12bis"), Ok(hn(12, None, Some("bis"))));
        assert_eq!(HouseNumber::parse("12-BIS"), Ok(hn(12, None, Some("bis"))));
        assert_eq!(HouseNumber::parse("12a-1"), Ok(hn(12, Some('a'), Some("1"))));
        assert_eq!(HouseNumber::parse("12 A 1"), Ok(hn(12, Some('a'), Some("1"))));
        assert_eq!(HouseNumber::parse("12/2"), Ok(hn(12, None, Some("2"))));
        assert_eq!(HouseNumber::parse("12-a"), Ok(hn(12, None, Some("a"))));
        assert_eq!(HouseNumber::parse("012"), Ok(hn(12, None, None)));
        assert_eq!(HouseNumber::parse("99999"), Ok(hn(99_999, None, None)));
    }

    #[test]
    fn refuses_what_is_not_a_house_number() {
        for bad in ["", "a12", "0", "100000", "zn", "-12", "9999999999999999999999"] {
            assert_eq!(HouseNumber::parse(bad), Err(HouseNumberError::Number), "{bad}");
        }
        for bad in ["12-toolong", "12 a b c", "12ab-12345", "12-ä", "12 +"] {
            assert_eq!(HouseNumber::parse(bad), Err(HouseNumberError::Addition), "{bad}");
        }
    }

    #[test]
    fn reads_three_fields() {
        assert_eq!(HouseNumber::from_parts(12, Some("A"), Some(" bis ")), Ok(hn(12, Some('a'), Some("bis"))));
        assert_eq!(HouseNumber::from_parts(12, Some(""), None), Ok(hn(12, None, None)));
        assert_eq!(HouseNumber::from_parts(0, None, None), Err(HouseNumberError::Number));
        assert_eq!(HouseNumber::from_parts(12, Some("ab"), None), Err(HouseNumberError::Letter));
        assert_eq!(HouseNumber::from_parts(12, Some("1"), None), Err(HouseNumberError::Letter));
        assert_eq!(HouseNumber::from_parts(12, None, Some("12345")), Err(HouseNumberError::Addition));
        assert_eq!(HouseNumberError::Letter.code(), "invalid_house_letter");
    }

    #[test]
    fn prints_as_written() {
        assert_eq!(hn(12, None, None).to_string(), "12");
        assert_eq!(hn(12, Some('a'), None).to_string(), "12a");
        assert_eq!(hn(12, None, Some("bis")).to_string(), "12-bis");
        assert_eq!(hn(12, Some('a'), Some("1")).to_string(), "12a-1");
    }

    proptest! {
        #[test]
        fn what_is_printed_reads_back(
            number in 1u32..=99_999, letter in proptest::option::of(proptest::char::range('a', 'z')),
            addition in proptest::option::of("[a-z0-9]{1,4}"),
        ) {
            let h = HouseNumber { number, letter, addition };
            prop_assert_eq!(HouseNumber::parse(&h.to_string()), Ok(h.clone()));
            prop_assert_eq!(HouseNumber::parse(&h.to_string().to_uppercase()), Ok(h));
        }
    }
}
