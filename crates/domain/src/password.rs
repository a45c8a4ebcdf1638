//! The rules for a new password (OWASP ASVS 2.1.1, 2.1.7; NIST SP 800-63B 5.1.1.2): at least
//! 10 characters; not a common or breached password, also not with digits or punctuation
//! stuck on the end; not one character repeated or an obvious sequence; not made of the
//! account's own details (e-mail address, its local part, name parts) or the product's name;
//! not the current password again. Everything else is allowed: spaces, any script, no
//! required mix of character classes, so that a sentence of a few words is the easy choice.
//!
//! The lists are plain text in `crates/domain/data/` (sources and licences in the README
//! there), compiled in.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Passwords shorter than this (in characters) are refused.
pub const MIN_LENGTH: usize = 10;

/// Passwords longer than this (in bytes) are refused: hashing has to stay cheap to start.
pub const MAX_BYTES: usize = 1024;

/// Fewer letters than this left over, once the account's own details and all digits and
/// punctuation are taken out, and the password is made of those details.
const MIN_OWN_LETTERS: usize = 4;

/// The product's own names: a password made of them is the first thing anyone tries.
pub const PRODUCT_NAMES: &[&str] =
    &["buurtteam", "buurtteams", "mijn buurtteam", "buurtteam jeugd en gezin", "wijkteam", "jeugd en gezin"];

static COMMON: &str = include_str!("../data/common-passwords.txt");
static DUTCH: &str = include_str!("../data/dutch-passwords.txt");

static LIST: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    COMMON.lines().chain(DUTCH.lines()).map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
});

/// Rows of characters people type in order, forwards or backwards.
const SEQUENCES: &[&str] = &[
    "abcdefghijklmnopqrstuvwxyz",
    "01234567890",
    "qwertyuiopasdfghjklzxcvbnm",
    "azertyuiopqsdfghjklmwxcvbn",
    "qwertzuiopasdfghjklyxcvbnm",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
];

/// Why a new password is refused. Each has a stable code for programs and translations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    /// On the list of common and breached passwords (perhaps with digits added).
    Common,
    /// One character repeated, or an obvious sequence such as `abcdef` or `123456`.
    Pattern,
    /// Made of the account's own details or the product's name.
    Personal,
    /// The current password again (perhaps with other digits at the end).
    Current,
}

impl PasswordProblem {
    pub const ALL: [Self; 6] =
        [Self::TooShort, Self::TooLong, Self::Common, Self::Pattern, Self::Personal, Self::Current];

    /// The field error code (`password_too_short` ...).
    pub fn code(self) -> &'static str {
        match self {
            Self::TooShort => "password_too_short",
            Self::TooLong => "password_too_long",
            Self::Common => "password_common",
            Self::Pattern => "password_pattern",
            Self::Personal => "password_personal",
            Self::Current => "password_current",
        }
    }

    /// What is wrong and what to do, in English (the pages translate by `code`).
    pub fn message(self) -> String {
        match self {
            Self::TooShort => format!("must be at least {MIN_LENGTH} characters"),
            Self::TooLong => format!("may be at most {MAX_BYTES} bytes"),
            Self::Common => "is a common or leaked password (also with digits at the end); \
                             choose another, for instance a sentence of a few words"
                .into(),
            Self::Pattern => "is one character repeated or an obvious sequence (like abcdef, qwerty or 123456); \
                              choose something harder to guess"
                .into(),
            Self::Personal => "is made of your own name or e-mail address, or the name of this service; \
                               choose something else"
                .into(),
            Self::Current => "is your current password (perhaps with other digits); choose a new one".into(),
        }
    }
}

/// The account a password is for: what it must not be made of.
#[derive(Debug, Clone, Copy, Default)]
pub struct PasswordContext<'a> {
    pub email: Option<&'a str>,
    /// The account's full name, e.g. "Samira El Amrani".
    pub name: Option<&'a str>,
    /// The password in use now, when it is being changed.
    pub current: Option<&'a str>,
}

/// Checks a new password; the first rule it breaks.
pub fn check(password: &str, context: &PasswordContext<'_>) -> Result<(), PasswordProblem> {
    if password.len() > MAX_BYTES {
        return Err(PasswordProblem::TooLong);
    }
    if password.chars().count() < MIN_LENGTH {
        return Err(PasswordProblem::TooShort);
    }
    let lower = password.to_lowercase();
    let compact = alphanumeric(&lower);
    if let Some(current) = context.current
        && is_current(&compact, &alphanumeric(&current.to_lowercase()))
    {
        return Err(PasswordProblem::Current);
    }
    if is_pattern(&compact) {
        return Err(PasswordProblem::Pattern);
    }
    if is_common(&lower, &compact) {
        return Err(PasswordProblem::Common);
    }
    if is_personal(&compact, context) {
        return Err(PasswordProblem::Personal);
    }
    Ok(())
}

/// How many entries the list of common passwords has (for the documentation and tests).
pub fn common_list_len() -> usize {
    LIST.len()
}

fn alphanumeric(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn trim_trailing_digits(s: &str) -> &str {
    s.trim_end_matches(|c: char| c.is_ascii_digit())
}

/// The password, and the password without what people add to a word to pass a rule:
/// digits and punctuation at the end (or the start), spaces and punctuation inside.
fn common_candidates<'a>(lower: &'a str, compact: &'a str) -> [&'a str; 5] {
    let not_letter = |c: char| !c.is_alphabetic();
    [
        lower,
        lower.trim_end_matches(not_letter),
        lower.trim_matches(not_letter),
        compact,
        compact.trim_matches(|c: char| c.is_ascii_digit()),
    ]
}

fn is_common(lower: &str, compact: &str) -> bool {
    common_candidates(lower, compact).iter().any(|c| c.chars().count() >= 3 && LIST.contains(c))
}

/// One character or a unit of up to four repeated (`aaaa`, `abab`, `abcabcab`).
fn is_repetition(s: &[char]) -> bool {
    (1..=4).any(|unit| s.len() >= 2 * unit && s.iter().enumerate().all(|(i, c)| *c == s[i % unit]))
}

/// A run of a row of characters, forwards or backwards (`abcdef`, `987654`, `qwerty`).
fn is_sequence(s: &[char]) -> bool {
    let text: String = s.iter().collect();
    s.len() >= 3
        && SEQUENCES
            .iter()
            .any(|row| row.contains(text.as_str()) || row.chars().rev().collect::<String>().contains(&text))
}

fn is_simple(s: &[char]) -> bool {
    is_repetition(s) || is_sequence(s)
}

/// One repetition or sequence, two of them joined (`aaaaa12345`, `qwerty123456`), or one
/// of them with a few digits added (`abcdefgh12`).
fn is_pattern(compact: &str) -> bool {
    let chars: Vec<char> = compact.chars().collect();
    if chars.len() < 2 {
        // Nothing but punctuation or spaces, or one letter in it.
        return true;
    }
    if is_simple(&chars) {
        return true;
    }
    let base: Vec<char> = trim_trailing_digits(compact).chars().collect();
    if base.len() >= 4 && chars.len() - base.len() <= 4 && is_simple(&base) {
        return true;
    }
    (3..=chars.len().saturating_sub(3)).any(|i| is_simple(&chars[..i]) && is_simple(&chars[i..]))
}

fn is_current(compact: &str, current: &str) -> bool {
    let current = trim_trailing_digits(current);
    if current.chars().count() < 2 {
        return false;
    }
    made_of(compact, &[current.to_owned()])
}

/// The account's details and the product's names as pieces to look for, longest first.
fn own_words(context: &PasswordContext<'_>) -> Vec<String> {
    let mut words: Vec<String> = PRODUCT_NAMES.iter().map(|n| alphanumeric(n)).collect();
    let mut pieces = |text: &str| {
        let lower = text.to_lowercase();
        words.push(alphanumeric(&lower));
        words.extend(lower.split(|c: char| !c.is_alphanumeric()).map(str::to_owned));
    };
    if let Some(email) = context.email {
        pieces(email);
        if let Some((local, domain)) = email.split_once('@') {
            pieces(local);
            pieces(domain.split('.').next().unwrap_or_default());
        }
    }
    if let Some(name) = context.name {
        pieces(name);
    }
    words.retain(|w| w.chars().count() >= 2);
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words.dedup();
    words
}

/// Whether `compact` is made of `words`: once every piece of them is taken out, at least
/// three characters went and fewer than four letters are left (digits may be).
fn made_of(compact: &str, words: &[String]) -> bool {
    let mut rest = compact.to_owned();
    for w in words {
        rest = rest.replace(w.as_str(), "");
    }
    let removed = compact.chars().count() - rest.chars().count();
    removed >= 3 && rest.chars().filter(|c| c.is_alphabetic()).count() < MIN_OWN_LETTERS
}

fn is_personal(compact: &str, context: &PasswordContext<'_>) -> bool {
    made_of(compact, &own_words(context))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> PasswordContext<'static> {
        PasswordContext {
            email: Some("bregje.oosterbroek@example.nl"),
            name: Some("Bregje van Oosterbroek"),
            current: Some("de kat zit op de mat"),
        }
    }

    fn refused(password: &str) -> Option<PasswordProblem> {
        check(password, &ctx()).err()
    }

    #[test]
    fn sentences_and_random_passwords_pass() {
        for ok in [
            "correct horse battery",
            "demo-wachtwoord",
            "een lange zin als wachtwoord",
            "een-nieuw-wachtwoord-2026",
            "Samira houdt van lange wandelingen",
            "p93847561029",
            "x7k9m2q4z8",
            "Tr0ub4dor&3xyz",
            "fietsen langs de Vecht 2026",
            "ik drink graag thee met honing",
            "Zeeën en bergen, ver weg",
            "de kat zit op de bank",
        ] {
            assert_eq!(refused(ok), None, "{ok} should pass");
        }
    }

    #[test]
    fn length_is_counted_in_characters_and_capped_in_bytes() {
        assert_eq!(refused("kort"), Some(PasswordProblem::TooShort));
        assert_eq!(refused("ëëëëëëëëë"), Some(PasswordProblem::TooShort), "9 characters");
        assert_eq!(refused(&"woord ".repeat(200)), Some(PasswordProblem::TooLong));
    }

    #[test]
    fn common_and_leaked_passwords_are_refused_also_with_digits_or_punctuation_added() {
        for common in [
            "wachtwoord",
            "wachtwoord1",
            "Wachtwoord2024!",
            "welkom0123",
            "Welkom01!!",
            "voetbal12345",
            "Feyenoord1908",
            "password123",
            "iloveyou!!!",
            "september2025",
            "Zomer2024!!",
            "winter12345",
            "januari2026",
            "wacht woord 1",
            "2024wachtwoord",
            "baseball11",
        ] {
            assert_eq!(refused(common), Some(PasswordProblem::Common), "{common}");
        }
    }

    #[test]
    fn repeated_characters_and_sequences_are_refused() {
        for pattern in [
            "aaaaaaaaaa",
            "1111111111",
            "abababababab",
            "abcabcabca",
            "abcdefghij",
            "1234567890",
            "9876543210",
            "qwertyuiop",
            "azertyuiop",
            "QWERTYUIOP!",
            "abcdefgh12",
            "aaaaa12345",
            "qwerty123456",
            "..........",
            "1qaz2wsx3edc",
        ] {
            assert_eq!(refused(pattern), Some(PasswordProblem::Pattern), "{pattern}");
        }
    }

    #[test]
    fn the_accounts_own_details_and_the_product_name_are_refused() {
        for personal in [
            "bregje.oosterbroek@example.nl",
            "Bregje.Oosterbroek",
            "bregje1986!!",
            "Oosterbroek2024",
            "Bregje van Oosterbroek",
            "bregje-example",
            "Buurtteam2025!",
            "MijnBuurtteam",
            "buurtteam.nl!",
        ] {
            assert_eq!(refused(personal), Some(PasswordProblem::Personal), "{personal}");
        }
        // Without the context they are fine (the product name aside).
        assert_eq!(check("Bregje.Oosterbroek", &PasswordContext::default()), Ok(()));
        assert_eq!(check("Buurtteam2025!", &PasswordContext::default()), Err(PasswordProblem::Personal));
    }

    #[test]
    fn the_current_password_is_refused_also_with_other_digits_or_case() {
        assert_eq!(refused("de kat zit op de mat"), Some(PasswordProblem::Current));
        assert_eq!(refused("De Kat Zit Op De Mat 2"), Some(PasswordProblem::Current));
        let c = PasswordContext { current: Some("Voorjaar in Utrecht 2025"), ..PasswordContext::default() };
        assert_eq!(check("voorjaar in utrecht 2026", &c), Err(PasswordProblem::Current));
        assert_eq!(check("najaar in Amsterdam 2026", &c), Ok(()));
    }

    #[test]
    fn the_list_holds_breached_and_dutch_passwords() {
        let n = common_list_len();
        assert!((9_000..=10_500).contains(&n), "{n} entries");
        for w in ["123456", "password", "qwerty", "wachtwoord", "welkom01", "voetbal", "geheim", "zomer", "december"] {
            assert!(LIST.contains(w), "{w}");
        }
        // Every entry is lower case, trimmed, one per line, so a lookup of the lower-cased
        // password finds it.
        assert!(LIST.iter().all(|w| w.to_lowercase() == *w && w.trim() == *w));
    }

    proptest::proptest! {
        #[test]
        fn any_text_gets_an_answer(s in "\\PC{0,40}") {
            let _ = check(&s, &ctx());
        }
    }

    #[test]
    fn codes_are_distinct_and_messages_say_what_to_do() {
        let codes: HashSet<&str> = PasswordProblem::ALL.iter().map(|p| p.code()).collect();
        assert_eq!(codes.len(), PasswordProblem::ALL.len());
        assert!(PasswordProblem::TooShort.message().contains("10"));
    }
}
