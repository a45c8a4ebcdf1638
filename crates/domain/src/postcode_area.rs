//! Postcode areas (postcodegebieden): the part of the postcodes of the city that lies in one
//! neighbourhood (buurt), so that a household's district follows from its postcode.
//!
//! An area is a closed range of six-character postcodes, written as people know them:
//! - `3511`: one PC4 area, every postcode `3511 AA` to `3511 ZZ`;
//! - `3511-3514`: several PC4 areas in a row;
//! - `3511 AB-3511 AZ`: part of a PC4 area, where a PC4 area is split over neighbourhoods.
//!
//! Areas of different neighbourhoods may not overlap, so at most one area holds a postcode
//! (decision 0019). Postcodes compare as text: four digits, then two capital letters.

use std::fmt;

use crate::person::normalise_postcode;

/// A closed range of postcodes, both ends normalised (`3511AB`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PostcodeArea {
    from: String,
    to: String,
}

/// Why a written area is no postcode area.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AreaError {
    #[error(
        "is not a postcode area: write four digits (3511), a range of them (3511-3514) or of postcodes (3511 AB-3511 AZ)"
    )]
    Format,
    #[error("begins after it ends: write the lower postcode first")]
    Reversed,
}

impl AreaError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Format => "invalid_postcode_area",
            Self::Reversed => "reversed_postcode_area",
        }
    }
}

/// One end of a range: a PC4 (`3511`) as its lowest or highest postcode, or a full postcode.
fn end(text: &str, high: bool) -> Option<String> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.len() == 4 && compact.bytes().all(|b| b.is_ascii_digit()) && !compact.starts_with('0') {
        return Some(format!("{compact}{}", if high { "ZZ" } else { "AA" }));
    }
    normalise_postcode(&compact)
}

impl PostcodeArea {
    /// Reads an area as written (`3511`, `3511-3514`, `3511 AB-3511 AZ`; spaces and case do
    /// not matter).
    pub fn parse(text: &str) -> Result<Self, AreaError> {
        let text = text.trim();
        let (low, high) = match text.split_once('-') {
            Some((a, b)) => (a, b),
            None => (text, text),
        };
        let (Some(from), Some(to)) = (end(low, false), end(high, true)) else {
            return Err(AreaError::Format);
        };
        if from > to {
            return Err(AreaError::Reversed);
        }
        Ok(Self { from, to })
    }

    /// The lowest postcode of the area (`3511AA`).
    pub fn from(&self) -> &str {
        &self.from
    }

    /// The highest postcode of the area (`3511ZZ`).
    pub fn to(&self) -> &str {
        &self.to
    }

    /// An area from its stored ends; `None` unless both are postcodes in order.
    pub fn from_ends(from: &str, to: &str) -> Option<Self> {
        let (from, to) = (normalise_postcode(from)?, normalise_postcode(to)?);
        (from <= to).then_some(Self { from, to })
    }

    /// Whether the (normalised) postcode lies in the area.
    pub fn contains(&self, postcode: &str) -> bool {
        self.from.as_str() <= postcode && postcode <= self.to.as_str()
    }

    /// Whether the two areas share a postcode.
    pub fn overlaps(&self, other: &Self) -> bool {
        self.from <= other.to && other.from <= self.to
    }
}

/// As people write it, and as [`PostcodeArea::parse`] reads it back: `3511`, `3511-3514`,
/// `3511 AB-3511 AZ`, `3511 AB`.
impl fmt::Display for PostcodeArea {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (fp, fl) = self.from.split_at(4);
        let (tp, tl) = self.to.split_at(4);
        if fl == "AA" && tl == "ZZ" {
            if fp == tp { write!(f, "{fp}") } else { write!(f, "{fp}-{tp}") }
        } else if self.from == self.to {
            write!(f, "{fp} {fl}")
        } else {
            write!(f, "{fp} {fl}-{tp} {tl}")
        }
    }
}

/// The one of `areas` (with what it belongs to) that holds `postcode`, if any. Areas do not
/// overlap, so there is at most one; should stored data ever overlap, the lowest area wins.
pub fn find<'a, T>(areas: &'a [(PostcodeArea, T)], postcode: &str) -> Option<&'a T> {
    areas.iter().filter(|(a, _)| a.contains(postcode)).min_by(|x, y| x.0.cmp(&y.0)).map(|(_, t)| t)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn written_forms() {
        let a = PostcodeArea::parse("3511").expect("a postcode area");
        assert_eq!((a.from(), a.to()), ("3511AA", "3511ZZ"));
        assert_eq!(a.to_string(), "3511");
        let a = PostcodeArea::parse(" 3511 - 3514 ").expect("a postcode area");
        assert_eq!((a.from(), a.to()), ("3511AA", "3514ZZ"));
        assert_eq!(a.to_string(), "3511-3514");
        let a = PostcodeArea::parse("3511ab-3511 az").expect("a postcode area");
        assert_eq!((a.from(), a.to()), ("3511AB", "3511AZ"));
        assert_eq!(a.to_string(), "3511 AB-3511 AZ");
        let a = PostcodeArea::parse("3511 AB").expect("a postcode area");
        assert_eq!((a.from(), a.to()), ("3511AB", "3511AB"));
        assert_eq!(PostcodeArea::parse("3514-3511"), Err(AreaError::Reversed));
        for bad in ["", "351", "0351", "35111", "3511 A", "abcd", "3511-", "-3511", "3511--3512", "3511 ab-x"] {
            assert_eq!(PostcodeArea::parse(bad), Err(AreaError::Format), "{bad:?}");
        }
    }

    #[test]
    fn a_postcode_belongs_to_the_area_that_holds_it() {
        let areas = vec![
            (PostcodeArea::parse("3511").expect("a postcode area"), "Binnenstad"),
            (PostcodeArea::parse("3512 AA-3512 KZ").expect("a postcode area"), "Wijk C"),
            (PostcodeArea::parse("3512 LA-3512 ZZ").expect("a postcode area"), "Lombok"),
        ];
        assert_eq!(find(&areas, "3511AB"), Some(&"Binnenstad"));
        assert_eq!(find(&areas, "3512KZ"), Some(&"Wijk C"));
        assert_eq!(find(&areas, "3512LA"), Some(&"Lombok"));
        assert_eq!(find(&areas, "3513AA"), None);
        assert_eq!(find(&areas, "3510ZZ"), None);
        assert!(PostcodeArea::parse("3512").expect("a postcode area").overlaps(&areas[1].0));
        assert!(!areas[1].0.overlaps(&areas[2].0), "touching is not overlapping");
    }

    fn postcode() -> impl Strategy<Value = String> {
        (1000u32..10_000, b'A'..=b'Z', b'A'..=b'Z').prop_map(|(n, a, b)| format!("{n}{}{}", a as char, b as char))
    }

    fn area() -> impl Strategy<Value = PostcodeArea> {
        (postcode(), postcode(), 0u8..3).prop_map(|(a, b, shape)| {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            match shape {
                0 => PostcodeArea::parse(&lo[..4]).expect("a postcode area"),
                1 => PostcodeArea::parse(&format!("{}-{}", &lo[..4], &hi[..4])).expect("a postcode area"),
                _ => PostcodeArea::from_ends(&lo, &hi).expect("a postcode area"),
            }
        })
    }

    proptest! {
        #[test]
        fn what_is_written_reads_back_the_same(a in area()) {
            prop_assert_eq!(PostcodeArea::parse(&a.to_string()), Ok(a));
        }

        #[test]
        fn areas_overlap_exactly_when_a_postcode_lies_in_both(a in area(), b in area(), p in postcode()) {
            // No shared postcode without an overlap; and an overlap always has a shared
            // postcode: the higher of the two lower ends.
            if a.contains(&p) && b.contains(&p) {
                prop_assert!(a.overlaps(&b));
            }
            if a.overlaps(&b) {
                let shared = a.from().max(b.from());
                prop_assert!(a.contains(shared) && b.contains(shared));
            }
            prop_assert_eq!(a.overlaps(&b), b.overlaps(&a));
        }

        #[test]
        fn among_areas_that_do_not_overlap_at_most_one_holds_a_postcode(
            areas in proptest::collection::vec(area(), 1..8), p in postcode()
        ) {
            let mut kept: Vec<(PostcodeArea, usize)> = Vec::new();
            for (i, a) in areas.into_iter().enumerate() {
                if kept.iter().all(|(k, _)| !k.overlaps(&a)) {
                    kept.push((a, i));
                }
            }
            let holding = kept.iter().filter(|(a, _)| a.contains(&p)).count();
            prop_assert!(holding <= 1);
            prop_assert_eq!(find(&kept, &p).is_some(), holding == 1);
        }
    }
}
