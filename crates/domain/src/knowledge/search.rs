//! The text analysis behind the knowledge base's search, the same on both backends
//! (decision 0035): words are folded (lower case, diacritics off: "ruzieën" → "ruzieen") and,
//! for SQLite's FTS5, which has no Dutch stemmer, stemmed here with the Snowball Dutch stemmer
//! (the algorithm PostgreSQL's `dutch` configuration runs). Dutch stop words (PostgreSQL's own
//! list) are left out on both, so a query means the same thing on each.
//!
//! Snippets are made here too, from the article's own text: the database finds and ranks, this
//! module shows why an article matched, escaped, with each matching word in `<mark>`.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

/// The Dutch stop words of PostgreSQL's `dutch` configuration (tsearch_data/dutch.stop, from
/// the Snowball project), so that both backends leave out the same words.
pub const STOP_WORDS: &[&str] = &[
    "de", "en", "van", "ik", "te", "dat", "die", "in", "een", "hij", "het", "niet", "zijn", "is", "was", "op", "aan",
    "met", "als", "voor", "had", "er", "maar", "om", "hem", "dan", "zou", "of", "wat", "mijn", "men", "dit", "zo",
    "door", "over", "ze", "zich", "bij", "ook", "tot", "je", "mij", "uit", "der", "daar", "haar", "naar", "heb", "hoe",
    "heeft", "hebben", "deze", "u", "want", "nog", "zal", "me", "zij", "nu", "ge", "geen", "omdat", "iets", "worden",
    "toch", "al", "waren", "veel", "meer", "doen", "toen", "moet", "ben", "zonder", "kan", "hun", "dus", "alles",
    "onder", "ja", "eens", "hier", "wie", "werd", "altijd", "doch", "wordt", "wezen", "kunnen", "ons", "zelf", "tegen",
    "na", "reeds", "wil", "kon", "niets", "uw", "iemand", "geweest", "andere",
];

/// The most words a query is read for; the rest is ignored.
pub const MAX_QUERY_WORDS: usize = 12;

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::Dutch))
}

/// A word folded: lower case, diacritics removed ("café" → "cafe"). A plural whose trema marks
/// the syllable break (ruzieën, ideeën, bacteriën) first loses it with its ending, since the
/// Snowball stemmer, on either backend, would keep "-een" whole: "ruzieën" → "ruzie".
pub fn fold(word: &str) -> String {
    let mut lower = word.to_lowercase();
    if let Some(stem) = lower.strip_suffix("eën") {
        lower = format!("{stem}e");
    } else if let Some(stem) = lower.strip_suffix("iën") {
        lower = format!("{stem}ie");
    } else if lower.len() > 4
        && let Some(stem) = lower.strip_suffix("ies")
    {
        // "ruzies": Snowball keeps an -s after a vowel.
        lower = format!("{stem}ie");
    }
    if lower.is_ascii() {
        return trema_typed_plain(lower);
    }
    let folded: String = lower
        .chars()
        .map(|c| if c.is_ascii() { c.to_string() } else { deunicode::deunicode_char(c).unwrap_or("").to_owned() })
        .collect::<String>()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    trema_typed_plain(folded)
}

/// The same plural typed without its trema ("ruzieen", "ideeen"): loses its ending too.
fn trema_typed_plain(word: String) -> String {
    if word.len() > 5 && (word.ends_with("ieen") || word.ends_with("eeen")) {
        word[..word.len() - 2].to_owned()
    } else {
        word
    }
}

/// The words of a text with their byte ranges: runs of letters and digits.
pub fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.contains(&folded)
}

/// The index term of one word: folded and stemmed; `None` for a stop word.
pub fn term(word: &str) -> Option<String> {
    let folded = fold(word);
    if folded.is_empty() || is_stop_word(&folded) {
        return None;
    }
    Some(stemmer().stem(&folded).into_owned())
}

/// A text folded word by word (for PostgreSQL's `to_tsvector('dutch', …)`, which stems itself).
pub fn folded_text(text: &str) -> String {
    words(text).into_iter().map(|(s, e)| fold(&text[s..e])).collect::<Vec<_>>().join(" ")
}

/// A text as SQLite's FTS5 index holds it: the terms of its words, separated by spaces.
pub fn stemmed_text(text: &str) -> String {
    words(text).into_iter().filter_map(|(s, e)| term(&text[s..e])).collect::<Vec<_>>().join(" ")
}

/// What a user typed, read as a search: the distinct folded words that are not stop words
/// (for PostgreSQL) and their terms (for FTS5 and the snippets). Empty: nothing to search for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub folded: Vec<String>,
    pub terms: Vec<String>,
}

impl Query {
    pub fn parse(q: &str) -> Self {
        let mut out = Self::default();
        for (s, e) in words(q) {
            let word = &q[s..e];
            let folded = fold(word);
            if let Some(t) = term(word)
                && !out.terms.contains(&t)
            {
                out.terms.push(t);
                out.folded.push(folded);
            }
            if out.terms.len() == MAX_QUERY_WORDS {
                break;
            }
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The FTS5 MATCH expression: every term, each quoted (so nothing typed is syntax), all
    /// required.
    pub fn fts5(&self) -> String {
        self.terms.iter().map(|t| format!("\"{}\"", t.replace('"', ""))).collect::<Vec<_>>().join(" AND ")
    }

    /// The PostgreSQL query text for `to_tsquery('dutch', …)`: the folded words joined by `&`;
    /// each is a plain run of letters and digits, so nothing typed is syntax.
    pub fn tsquery(&self) -> String {
        self.folded.join(" & ")
    }
}

/// How many words a snippet shows.
pub const SNIPPET_WORDS: usize = 24;

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Whether `text` holds a word matching the query.
pub fn has_match(text: &str, query: &Query) -> bool {
    words(text).iter().any(|&(s, e)| term(&text[s..e]).is_some_and(|t| query.terms.contains(&t)))
}

/// A snippet of `text` around the first word matching the query: HTML, escaped, each matching
/// word in `<mark>`, "…" where text was cut. No match: the start of the text, unmarked.
pub fn snippet(text: &str, query: &Query) -> String {
    let terms: BTreeSet<&str> = query.terms.iter().map(String::as_str).collect();
    let ws = words(text);
    if ws.is_empty() {
        return String::new();
    }
    let matches = |&(s, e): &(usize, usize)| term(&text[s..e]).is_some_and(|t| terms.contains(t.as_str()));
    let first = ws.iter().position(matches).unwrap_or(0);
    let from = first.saturating_sub(SNIPPET_WORDS / 3);
    let to = (from + SNIPPET_WORDS).min(ws.len());
    let (start, end) = (ws[from].0, ws[to - 1].1);
    let lead = if from == 0 { &text[..start] } else { "" };
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.push_str(&escape(lead));
    let mut at = start;
    for w in &ws[from..to] {
        out.push_str(&escape(&text[at..w.0]));
        if matches(w) {
            out.push_str("<mark>");
            out.push_str(&escape(&text[w.0..w.1]));
            out.push_str("</mark>");
        } else {
            out.push_str(&escape(&text[w.0..w.1]));
        }
        at = w.1;
    }
    debug_assert_eq!(at, end);
    if to < ws.len() {
        out.push('…');
    } else {
        out.push_str(&escape(&text[end..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_term(a: &str, b: &str) {
        assert_eq!(term(a), term(b), "{a} and {b} should share a term");
        assert!(term(a).is_some());
    }

    #[test]
    fn dutch_word_forms_share_a_term() {
        same_term("echtscheiding", "echtscheidingen");
        same_term("ruzie", "ruzieën");
        same_term("ruzie", "ruzies");
        same_term("ruzie", "ruzieen");
        same_term("idee", "ideeën");
        same_term("schuld", "schulden");
        same_term("Schulden", "schulden");
        same_term("gesprek", "gesprekken");
        same_term("café", "cafe");
        same_term("afspraak", "afspraken");
        same_term("school", "scholen");
        same_term("omgangsregeling", "omgangsregelingen");
        same_term("financiën", "financie");
    }

    #[test]
    fn stop_words_are_left_out_and_the_query_is_safe() {
        let q = Query::parse("de ruzie en \"OR\" NEAR(x) echtscheidingen");
        assert_eq!(q.terms.len(), 5, "{q:?}");
        assert!(!q.terms.iter().any(|t| t == "de" || t == "en"));
        assert!(q.fts5().split(" AND ").all(|t| t.starts_with('"') && t.ends_with('"')));
        assert!(Query::parse("de en het").is_empty());
        assert!(Query::parse("  ").is_empty());
    }

    #[test]
    fn snippets_are_escaped_and_mark_the_matching_words() {
        let q = Query::parse("ruzie");
        let s = snippet("Bij <b>ruzieën</b> & spanningen: blijf rustig.", &q);
        assert_eq!(s, "Bij &lt;b&gt;<mark>ruzieën</mark>&lt;/b&gt; &amp; spanningen: blijf rustig.");
        let long: String = (0..100).map(|i| format!("woord{i} ")).collect::<String>() + "echtscheidingen einde";
        let s = snippet(&long, &Query::parse("echtscheiding"));
        assert!(s.starts_with('…') && s.contains("<mark>echtscheidingen</mark>"), "{s}");
    }

    #[test]
    fn folded_text_keeps_the_words_in_order() {
        assert_eq!(folded_text("Ruzieën, ÉÉN café, bacteriën!"), "ruzie een cafe bacterie");
        assert_eq!(stemmed_text("de echtscheidingen"), term("echtscheiding").unwrap_or_default());
    }
}
