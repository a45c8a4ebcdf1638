//! Removing names and numbers from an open answer before anyone reads it.
//!
//! Team managers read open answers only after this (issue 17); the response is stored only in
//! this form. It errs on the side of removing too much: a known name of the household or the
//! team, any capitalised word that does not start a sentence (names the survey cannot know,
//! such as a teacher's), any run of digits (phone numbers, postcodes, house numbers, BSNs,
//! dates) and any e-mail address.

use crate::matching::fold;

/// What a removed name becomes.
pub const NAME: &str = "[naam]";
/// What a removed number becomes.
pub const NUMBER: &str = "[nummer]";
/// What a removed e-mail address becomes.
pub const EMAIL: &str = "[e-mail]";

/// Capitalised words that are kept mid-sentence: they name no person.
const KEEP: &[&str] = &["buurtteam", "buurtteams", "mijn", "ik", "nederland", "utrecht", "kjmn", "akj"];

/// `text` without the `names` (given or family names, any case or accents) and without
/// anything else that may name or number a person.
pub fn redact(text: &str, names: &[&str]) -> String {
    let known: Vec<String> =
        names.iter().flat_map(|n| n.split_whitespace()).map(fold).filter(|n| n.chars().count() > 1).collect();
    let mut out = String::with_capacity(text.len());
    let mut sentence_start = true;
    let mut last_placeholder: Option<&str> = None;
    for token in tokens(text) {
        let replacement = match token {
            Token::Space(s) => {
                out.push_str(s);
                continue;
            }
            Token::Word(w) if w.contains('@') => Some(EMAIL),
            Token::Word(w) if w.chars().any(|c| c.is_ascii_digit()) => Some(NUMBER),
            Token::Word(w) => {
                let core: &str = w.trim_matches(|c: char| !c.is_alphanumeric());
                let folded = fold(core);
                let capitalised = core.chars().next().is_some_and(char::is_uppercase);
                if !core.is_empty()
                    && (known.contains(&folded) || (capitalised && !sentence_start && !KEEP.contains(&folded.as_str())))
                {
                    Some(NAME)
                } else {
                    None
                }
            }
        };
        let Token::Word(w) = token else { continue };
        match replacement {
            // "Jan de Vries" becomes one "[naam]", "06 123 456" one "[nummer]".
            Some(p) if last_placeholder == Some(p) && out.ends_with(' ') && out.trim_end().ends_with(p) => {
                let trimmed = out.trim_end().len();
                out.truncate(trimmed);
            }
            Some(p) => {
                out.push_str(p);
                last_placeholder = Some(p);
            }
            None => {
                out.push_str(w);
                last_placeholder = None;
            }
        }
        if replacement.is_some() {
            // Keep the punctuation that ended the word.
            let tail: String = w.chars().rev().take_while(|c| matches!(c, '.' | ',' | '!' | '?' | ';' | ':')).collect();
            out.extend(tail.chars().rev());
        }
        sentence_start = w.ends_with(['.', '!', '?']);
    }
    out
}

enum Token<'a> {
    Word(&'a str),
    Space(&'a str),
}

fn tokens(text: &str) -> impl Iterator<Item = Token<'_>> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let space = first.is_whitespace();
        let end = rest.find(|c: char| c.is_whitespace() != space).unwrap_or(rest.len());
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(if space { Token::Space(piece) } else { Token::Word(piece) })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_names_go_in_any_case_and_with_or_without_accents() {
        let names = ["Ayşe Öztürk", "Mehmet Şahin"];
        assert_eq!(redact("Ayse was heel fijn, en ÖZTÜRK ook.", &names), "[naam] was heel fijn, en [naam] ook.");
        assert_eq!(redact("mehmet hielp ons", &names), "[naam] hielp ons");
    }

    #[test]
    fn unknown_names_mid_sentence_go_and_the_sentence_start_stays() {
        assert_eq!(
            redact("De juf van school, mevrouw Jansen de Groot, belde ook.", &[]),
            "De juf van school, mevrouw [naam] de [naam], belde ook."
        );
        assert_eq!(
            redact("Het buurtteam en Mijn Buurtteam werkten goed.", &[]),
            "Het buurtteam en Mijn Buurtteam werkten goed."
        );
    }

    #[test]
    fn numbers_and_email_addresses_go() {
        assert_eq!(
            redact("bel me op 06-12345678 of mail a.b@example.nl, ik woon op 3511 AB 12", &[]),
            "bel me op [nummer] of mail [e-mail], ik woon op [nummer] [naam] [nummer]"
        );
        assert_eq!(redact("bsn 123456782.", &[]), "bsn [nummer].");
    }

    #[test]
    fn a_text_without_names_or_numbers_is_left_as_it_is() {
        let text = "Fijn dat er snel iemand kwam.\nDank jullie wel!";
        assert_eq!(redact(text, &["Öztürk"]), text);
    }
}
