//! Matching people by name, whatever the case, accents or script they were written in.
//!
//! One folding function, [`fold`], turns a name into lowercase ASCII letters and digits with
//! single spaces between words: `Öztürk`, `öztürk`, `OZTÜRK` and `Ozturk` all become
//! `ozturk`; `Yılmaz` becomes `yilmaz`, `Groß` `gross`, `Ĳsselmeer` `ijsselmeer`, `Ğ` `g`,
//! `Şahin` `sahin`. Other scripts are transliterated (`Жуков` → `zhukov`). Letters come
//! from the `deunicode` crate's table (per character, no allocation features), decision 0014.
//! Apostrophes vanish (`D'Souza` = `DSouza`), other punctuation separates words
//! (`El-Amrani` = `El Amrani`).
//!
//! Folding works character by character, so the fold of any part of a name is a part of the
//! fold of the whole: a stored [`name_key`] is searched with the folded query as a substring.
//! The store finds candidates through the key's [`trigrams`] (an ordinary index on both
//! backends) before it compares the substring; the database never folds anything itself.

use std::collections::BTreeSet;

/// Characters that vanish when folded rather than separate words.
fn vanishes(c: char) -> bool {
    matches!(c, '\'' | '`')
}

/// Lowercase ASCII letters and digits, words separated by one space, no space at either end.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else if !vanishes(c) {
            gap = true;
        }
    };
    for c in text.chars() {
        if c.is_ascii() {
            push(c, &mut out);
        } else {
            for t in deunicode::deunicode_char(c).unwrap_or(" ").chars() {
                push(t, &mut out);
            }
        }
    }
    out
}

/// The search key of a person: the folded given and family name, in that order, so that a
/// part of either and a "given family" part are substrings of it.
pub fn name_key(given_name: &str, family_name: &str) -> String {
    let (given, family) = (fold(given_name), fold(family_name));
    match (given.is_empty(), family.is_empty()) {
        (true, _) => family,
        (_, true) => given,
        _ => format!("{given} {family}"),
    }
}

/// The distinct three-character windows of a folded text (a folded text is ASCII).
pub fn trigrams(folded: &str) -> BTreeSet<&str> {
    (0..folded.len().saturating_sub(2)).filter_map(|i| folded.get(i..i + 3)).collect()
}

/// The most trigrams one query looks up: the first, the last and ones between them. Every
/// candidate is checked against the whole query afterwards, so fewer only costs selectivity.
pub const QUERY_TRIGRAMS: usize = 4;

/// The trigrams a folded query is looked up by (empty for a query shorter than three).
pub fn query_trigrams(folded: &str) -> Vec<&str> {
    let all: Vec<&str> = (0..folded.len().saturating_sub(2)).filter_map(|i| folded.get(i..i + 3)).collect();
    if all.len() <= QUERY_TRIGRAMS {
        let mut unique = all;
        unique.sort_unstable();
        unique.dedup();
        return unique;
    }
    let last = all.len() - 1;
    let mut picked: Vec<&str> = (0..QUERY_TRIGRAMS).map(|k| all[k * last / (QUERY_TRIGRAMS - 1)]).collect();
    picked.sort_unstable();
    picked.dedup();
    picked
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_names_of_the_tracker_fold_alike() {
        for spelling in ["Öztürk", "öztürk", "Ozturk", "OZTÜRK", "O\u{308}ztu\u{308}rk"] {
            assert_eq!(fold(spelling), "ozturk", "{spelling}");
        }
        assert_eq!(fold("Çelik"), "celik");
        assert_eq!(fold("Şahin"), fold("sahin"));
        assert_eq!(fold("Yılmaz"), "yilmaz");
        assert_eq!(fold("YILMAZ"), "yilmaz");
        assert_eq!(fold("İpek"), "ipek");
        assert_eq!(fold("Doğan"), "dogan");
        assert_eq!(fold("DOĞAN"), "dogan");
        assert_eq!(fold("Groß"), "gross");
        assert_eq!(fold("GROSS"), "gross");
        assert_eq!(fold("Ĳsbrand"), "ijsbrand");
        assert_eq!(fold("ĳsbrand"), fold("IJsbrand"));
        assert_eq!(fold("Жуков"), "zhukov");
    }

    #[test]
    fn punctuation_separates_words_and_apostrophes_vanish() {
        assert_eq!(fold("  El-Amrani "), "el amrani");
        assert_eq!(fold("El  Amrani"), "el amrani");
        assert_eq!(fold("D’Souza"), "dsouza");
        assert_eq!(fold("D'Souza"), "dsouza");
        assert_eq!(fold("--"), "");
        assert_eq!(name_key("Priya", "Öztürk"), "priya ozturk");
        assert_eq!(name_key("-", "Öztürk"), "ozturk");
    }

    #[test]
    fn trigrams_cover_the_key_and_a_query_looks_up_a_few() {
        assert_eq!(trigrams("li").len(), 0);
        assert_eq!(trigrams("ozturk").into_iter().collect::<Vec<_>>(), ["ozt", "tur", "urk", "ztu"]);
        assert_eq!(query_trigrams("oz"), Vec::<&str>::new());
        assert_eq!(query_trigrams("ozturk"), ["ozt", "tur", "urk", "ztu"]);
        let long = query_trigrams("priya ozturk");
        assert_eq!(long.len(), QUERY_TRIGRAMS);
        assert!(long.contains(&"pri") && long.contains(&"urk"));
        let key = name_key("Priya", "Öztürk");
        let stored = trigrams(&key);
        assert!(long.iter().all(|g| stored.contains(g)));
    }

    /// Letters of the scripts our families write their names in, with their folds.
    const LETTERS: &[(&str, &str)] = &[
        ("a", "a"),
        ("e", "e"),
        ("k", "k"),
        ("m", "m"),
        ("r", "r"),
        ("t", "t"),
        ("z", "z"),
        ("Ö", "o"),
        ("ö", "o"),
        ("Ü", "u"),
        ("ü", "u"),
        ("Ç", "c"),
        ("ç", "c"),
        ("Ş", "s"),
        ("ş", "s"),
        ("Ğ", "g"),
        ("ğ", "g"),
        ("ı", "i"),
        ("İ", "i"),
        ("I", "i"),
        ("ß", "ss"),
        ("Ĳ", "ij"),
        ("ĳ", "ij"),
        ("é", "e"),
        ("ë", "e"),
        ("Å", "a"),
        ("ñ", "n"),
        ("Ł", "l"),
        ("Ж", "zh"),
        ("д", "d"),
    ];

    /// A name of one to three words, each written in a random mix of these letters.
    fn name() -> impl Strategy<Value = Vec<Vec<usize>>> {
        prop::collection::vec(prop::collection::vec(0..LETTERS.len(), 2..9), 1..4)
    }

    fn spell(words: &[Vec<usize>], folded: bool) -> String {
        let pick = |i: &usize| if folded { LETTERS[*i].1 } else { LETTERS[*i].0 };
        words.iter().map(|w| w.iter().map(pick).collect::<String>()).collect::<Vec<_>>().join(" ")
    }

    /// What the store does: candidates by every query trigram, then the substring.
    fn found(key: &str, query: &str) -> bool {
        let q = fold(query);
        let stored = trigrams(key);
        q.len() >= 2 && query_trigrams(&q).iter().all(|g| stored.contains(g)) && key.contains(&q)
    }

    proptest! {
        #[test]
        fn a_name_is_found_by_its_own_and_its_folded_spelling_and_any_part(
            given in name(), family in name(), case in any::<u64>(), from in 0usize..200, len in 2usize..40,
        ) {
            let original_given = spell(&given, false);
            let family_original = spell(&family, false);
            // Upper-case some letters of the original spelling too.
            let written: String = family_original
                .chars()
                .enumerate()
                .flat_map(|(i, c)| {
                    let upper = case >> (i % 64) & 1 == 1;
                    if upper { c.to_uppercase().collect::<Vec<_>>() } else { vec![c] }
                })
                .collect();
            let key = name_key(&original_given, &written);
            prop_assert_eq!(&key, &name_key(&spell(&given, true), &spell(&family, true)));
            prop_assert!(found(&key, &written), "{} by {}", key, written);
            prop_assert!(found(&key, &spell(&family, true)));
            prop_assert!(found(&key, &original_given.to_uppercase()));
            let full = format!("{original_given} {written}");
            prop_assert!(found(&key, &full));
            // Any part of two or more characters of "given family", as written.
            let whole: Vec<char> = full.chars().collect();
            let start = from % whole.len();
            let end = (start + len).min(whole.len());
            let part: String = whole[start..end].iter().collect();
            if part.trim().chars().count() >= 2 {
                prop_assert!(found(&key, &part), "{} by part {:?}", key, part);
            }
        }
    }
}
