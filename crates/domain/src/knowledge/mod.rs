//! The knowledge base (kennisbank, issue 20): articles on basishulp in Markdown, each change a
//! version, searched in Dutch (decision 0035). This module holds the rules without I/O: the
//! limits of an article's fields, its categories, when it is due for review; beside it the
//! text analysis search uses on both backends ([`search`]), the safe Markdown rendering
//! ([`markdown`]) and the diff between two versions ([`diff`]).

pub mod diff;
pub mod markdown;
pub mod search;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::codes::LifeDomain;
use crate::validation::Errors;

pub const MAX_TITLE: usize = 200;
pub const MAX_SUMMARY: usize = 600;
pub const MAX_BODY: usize = 100_000;
pub const MAX_CATEGORY: usize = 60;
pub const MAX_CATEGORIES: usize = 10;
/// An article is looked at again a year after it was written or last reviewed, unless the
/// editor names another day.
pub const REVIEW_AFTER_MONTHS: i8 = 12;

/// The review-by day of an article written or reviewed on `on`, when none is given.
pub fn default_review_by(on: Date) -> Date {
    on.checked_add(i32::from(REVIEW_AFTER_MONTHS).months()).unwrap_or(on)
}

/// Whether an article with this review-by day is past it on `today` (the day itself is not).
pub fn is_review_due(review_by: Date, today: Date) -> bool {
    review_by < today
}

/// Reads the categories as written: comma-separated or one per item, trimmed, without
/// duplicates (case-insensitive), in the order given. Errors name `categories`.
pub fn categories(errors: &mut Errors, raw: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in raw.iter().flat_map(|r| r.split([',', ';', '\n'])).map(str::trim).filter(|c| !c.is_empty()) {
        if c.chars().count() > MAX_CATEGORY {
            errors
                .add("categories", format!("{c:?} is longer than {MAX_CATEGORY} characters"))
                .code("too_long")
                .arg("max", MAX_CATEGORY);
        } else if !out.iter().any(|o| o.to_lowercase() == c.to_lowercase()) {
            out.push(c.to_owned());
        }
    }
    if out.len() > MAX_CATEGORIES {
        errors
            .add("categories", format!("at most {MAX_CATEGORIES} categories"))
            .code("too_many")
            .arg("max", MAX_CATEGORIES);
    }
    out
}

/// Reads the life domains by their codes; an unknown code is an error naming the accepted ones.
pub fn life_domains(errors: &mut Errors, raw: &[String]) -> Vec<LifeDomain> {
    let mut out = Vec::new();
    for code in raw.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        match LifeDomain::parse(code) {
            Some(d) if !out.contains(&d) => out.push(d),
            Some(_) => {}
            None => {
                errors
                    .add("life_domains", format!("{code:?} is not a life domain; accepted: {}", LifeDomain::accepted()))
                    .code("unknown_code")
                    .arg("accepted", LifeDomain::accepted());
            }
        }
    }
    out.sort();
    out
}

/// Life domains as stored: their codes, comma-separated (`finances,housing`).
pub fn domains_to_stored(domains: &[LifeDomain]) -> String {
    domains.iter().map(|d| d.code()).collect::<Vec<_>>().join(",")
}

/// Life domains as stored, read back; unknown codes (from a later version) are left out.
pub fn domains_from_stored(stored: &str) -> Vec<LifeDomain> {
    stored.split(',').filter_map(LifeDomain::parse).collect()
}

/// Categories as stored: one per line.
pub fn categories_to_stored(categories: &[String]) -> String {
    categories.join("\n")
}

pub fn categories_from_stored(stored: &str) -> Vec<String> {
    stored.lines().filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn review_is_due_the_day_after_the_review_by_day() {
        let review_by = default_review_by(date(2026, 2, 28));
        assert_eq!(review_by, date(2027, 2, 28));
        assert!(!is_review_due(review_by, date(2027, 2, 28)));
        assert!(is_review_due(review_by, date(2027, 3, 1)));
        // A leap day reviews on the last day of February.
        assert_eq!(default_review_by(date(2028, 2, 29)), date(2029, 2, 28));
    }

    #[test]
    fn categories_are_split_trimmed_and_deduplicated() {
        let mut errors = Errors::default();
        let got = categories(&mut errors, &["Scheiding, Contact".into(), "scheiding".into(), " ".into()]);
        assert_eq!(got, vec!["Scheiding".to_owned(), "Contact".to_owned()]);
        assert!(errors.is_empty());
        let many: Vec<String> = (0..11).map(|i| format!("c{i}")).collect();
        categories(&mut errors, &many);
        assert!(!errors.is_empty());
    }

    #[test]
    fn life_domains_must_be_known_codes() {
        let mut errors = Errors::default();
        let got = life_domains(&mut errors, &["parenting".into(), "finances".into(), "parenting".into()]);
        assert_eq!(got, vec![LifeDomain::Finances, LifeDomain::Parenting]);
        assert_eq!(domains_from_stored(&domains_to_stored(&got)), got);
        life_domains(&mut errors, &["money".into()]);
        assert!(!errors.is_empty());
    }
}
