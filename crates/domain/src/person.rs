//! Persons and households: the BSN with its 11-test, names and ages.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A burgerservicenummer that passed the 11-test. Always nine digits (an eight-digit
/// number gets its leading zero back).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Bsn(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BsnError {
    #[error("a BSN has 8 or 9 digits and nothing else")]
    Format,
    #[error("this number fails the 11-test, so it is not a valid BSN; check for a typing error")]
    ElevenTest,
}

impl Bsn {
    pub fn parse(input: &str) -> Result<Self, BsnError> {
        let digits: String = input.chars().filter(|c| !matches!(c, ' ' | '.' | '-')).collect();
        if !(digits.len() == 8 || digits.len() == 9) || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(BsnError::Format);
        }
        let padded = format!("{digits:0>9}");
        let sum: i32 = padded
            .bytes()
            .enumerate()
            .map(|(i, b)| {
                let d = i32::from(b - b'0');
                // Weights 9..2 for the first eight digits, -1 for the last.
                if i == 8 { -d } else { d * (9 - i as i32) }
            })
            .sum();
        if sum == 0 || sum % 11 != 0 {
            return Err(BsnError::ElevenTest);
        }
        Ok(Self(padded))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Bsn {
    type Error = BsnError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<Bsn> for String {
    fn from(b: Bsn) -> Self {
        b.0
    }
}

/// Age in whole years on `on` (the day before a birthday the person is still the younger age).
pub fn age_on(birth_date: Date, on: Date) -> i16 {
    let mut age = on.year() - birth_date.year();
    if (on.month(), on.day()) < (birth_date.month(), birth_date.day()) {
        age -= 1;
    }
    age
}

/// Checks a name part: present, at most 100 characters, no control characters.
pub fn check_name(value: &str) -> Result<(), &'static str> {
    let v = value.trim();
    if v.is_empty() {
        return Err("is required");
    }
    if v.chars().count() > 100 {
        return Err("is at most 100 characters");
    }
    if v.chars().any(char::is_control) {
        return Err("may not contain control characters");
    }
    Ok(())
}

/// A Dutch postcode: four digits (not starting with 0) and two letters, e.g. `3511 AB`.
/// Returns the normalised form `3511AB`.
pub fn normalise_postcode(input: &str) -> Option<String> {
    let s: String = input.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
    let b = s.as_bytes();
    let ok = b.len() == 6
        && b[0] != b'0'
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4..].iter().all(u8::is_ascii_uppercase);
    ok.then_some(s)
}

/// A phone number as people write it ("06-12345678", "030 123 45 67", "+31 6 1234 5678",
/// "0032 2 123 45 67"), normalised to the international form `+31612345678`. A Dutch number
/// has ten digits starting with 0; an international one 8 to 15 digits after `+` or `00`.
/// Spaces, dashes, dots and brackets are ignored; anything else makes it no phone number.
pub fn normalise_phone(input: &str) -> Option<String> {
    let mut digits = String::new();
    let mut plus = false;
    for (i, c) in input.trim().chars().enumerate() {
        match c {
            '+' if i == 0 => plus = true,
            '0'..='9' => digits.push(c),
            ' ' | '-' | '.' | '(' | ')' | '/' => {}
            _ => return None,
        }
    }
    let international = if plus {
        digits
    } else if let Some(rest) = digits.strip_prefix("00") {
        rest.to_owned()
    } else if let Some(rest) = digits.strip_prefix('0') {
        // A Dutch number: 0 and nine digits (06 mobile, 030 Utrecht, 0800 …).
        if rest.len() != 9 || rest.starts_with('0') {
            return None;
        }
        format!("31{rest}")
    } else {
        return None;
    };
    let ok = (8..=15).contains(&international.len()) && !international.starts_with('0');
    ok.then(|| format!("+{international}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_read_as_people_write_them() {
        for (written, stored) in [
            ("06-12345678", "+31612345678"),
            ("06 1234 5678", "+31612345678"),
            ("030 - 123 45 67", "+31301234567"),
            ("+31 6 1234 5678", "+31612345678"),
            ("0031612345678", "+31612345678"),
            ("+32 2 123 45 67", "+3221234567"),
            ("(030) 1234567", "+31301234567"),
        ] {
            assert_eq!(normalise_phone(written).as_deref(), Some(stored), "{written}");
        }
        for wrong in ["", "0612345", "061234567890", "12345678", "06-1234567a", "+0612345678", "++31612345678", "00612"]
        {
            assert_eq!(normalise_phone(wrong), None, "{wrong:?}");
        }
    }
    use jiff::civil::date;
    use proptest::prelude::*;

    #[test]
    fn bsn_eleven_test() {
        assert!(Bsn::parse("123456782").is_ok());
        assert!(Bsn::parse("1234 567 82").is_ok());
        assert_eq!(Bsn::parse("123456789"), Err(BsnError::ElevenTest));
        assert_eq!(Bsn::parse("000000000"), Err(BsnError::ElevenTest));
        assert_eq!(Bsn::parse("12345678a"), Err(BsnError::Format));
        assert_eq!(Bsn::parse("1234567"), Err(BsnError::Format));
        // Eight digits get their leading zero back.
        assert_eq!(Bsn::parse("12345672").map(|b| b.as_str().to_owned()), Ok("012345672".to_owned()));
    }

    proptest! {
        #[test]
        fn changing_one_digit_breaks_a_valid_bsn(pos in 0usize..9, delta in 1u8..10) {
            let valid = "123456782";
            let mut bytes = valid.as_bytes().to_vec();
            bytes[pos] = b'0' + (bytes[pos] - b'0' + delta) % 10;
            let changed = String::from_utf8(bytes).unwrap_or_default();
            prop_assert!(Bsn::parse(&changed).is_err());
        }
    }

    #[test]
    fn ages() {
        assert_eq!(age_on(date(2010, 6, 15), date(2026, 6, 14)), 15);
        assert_eq!(age_on(date(2010, 6, 15), date(2026, 6, 15)), 16);
        assert_eq!(age_on(date(2008, 2, 29), date(2026, 2, 28)), 17);
    }

    #[test]
    fn postcodes() {
        assert_eq!(normalise_postcode("3511 ab").as_deref(), Some("3511AB"));
        assert_eq!(normalise_postcode("0511AB"), None);
        assert_eq!(normalise_postcode("3511A"), None);
    }
}
