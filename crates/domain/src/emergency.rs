//! Emergency access ("break the glass", decision 0023) and the reports of unusual access.
//!
//! A family worker or team manager may open a file of another team when there is an acute
//! reason: they state it and get a grant that lets them READ the file (its case, household,
//! contacts and plan) as its own team does, until the grant ends. Whether a grant is active is
//! decided here ([`is_active`]); the policy turns an active grant into
//! [`Relation::Emergency`](crate::policy::Relation::Emergency) in one place
//! ([`crate::policy::relation_to_case`]), and decides every action under it.
//!
//! The privacy officer reviews every grant, and reports of unusual access computed from the
//! access log by the pure functions below: many files in a short time ([`bursts`]), and files
//! of people who share a family name with the reader or with a colleague ([`same_family_name`]).

use std::collections::{BTreeMap, BTreeSet};

use jiff::{SignedDuration, Timestamp};

use crate::ids::{CaseId, UserId};
use crate::matching::fold;

/// The fewest characters of a reason: a word or two do not say why.
pub const MIN_REASON_CHARS: usize = 10;
/// The most characters of a reason.
pub const MAX_REASON_CHARS: usize = 500;
/// How long a grant lasts unless the server is configured otherwise.
pub const DEFAULT_HOURS: u32 = 4;
/// The longest a grant may be configured to last: a shift, not a standing access.
pub const MAX_HOURS: u32 = 24;

/// Whether a grant that ends at `until` is active at `now` (it ends at `until` exactly).
pub fn is_active(until: Timestamp, now: Timestamp) -> bool {
    now < until
}

/// When a grant made at `from` for `hours` ends.
pub fn until(from: Timestamp, hours: u32) -> Timestamp {
    from.saturating_add(SignedDuration::from_hours(i64::from(hours.clamp(1, MAX_HOURS)))).unwrap_or(from)
}

/// A report is flagged when a staff member reads more than this many distinct case files ...
pub const BURST_CASES: usize = 10;
/// ... within this many minutes.
pub const BURST_MINUTES: i64 = 15;

/// One read of a case file, from the access log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Read {
    pub user: UserId,
    pub case: CaseId,
    pub at: Timestamp,
}

/// Many files in a short time: a staff member read more than `cases` distinct files within
/// `window`, starting at `from`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Burst {
    pub user: UserId,
    pub from: Timestamp,
    pub to: Timestamp,
    /// The distinct files read in the window, in the order first read.
    pub cases: Vec<CaseId>,
}

/// The bursts in `reads`: for each user, the windows of `window` in which they read more than
/// `cases` distinct files. Overlapping windows are reported once: a burst starts at a read
/// and runs on while the window that ends at each next read still holds more than `cases`
/// files; the next burst starts after it.
pub fn bursts(reads: &[Read], cases: usize, window: SignedDuration) -> Vec<Burst> {
    let mut by_user: BTreeMap<UserId, Vec<(Timestamp, CaseId)>> = BTreeMap::new();
    for r in reads {
        by_user.entry(r.user).or_default().push((r.at, r.case));
    }
    let mut out = Vec::new();
    for (user, mut rs) in by_user {
        rs.sort();
        let mut start = 0;
        let mut i = 0;
        while i < rs.len() {
            // The distinct files of the window that starts at read `start`.
            let end = rs[start].0.saturating_add(window).unwrap_or(rs[start].0);
            let mut seen = Vec::new();
            let mut j = start;
            while j < rs.len() && rs[j].0 <= end {
                if !seen.contains(&rs[j].1) {
                    seen.push(rs[j].1);
                }
                j += 1;
            }
            if seen.len() > cases {
                // Run on while each later read still lies in a window of more than `cases` files.
                let mut last = j - 1;
                let mut k = j;
                while k < rs.len() {
                    let from = rs[k].0.saturating_sub(window).unwrap_or(rs[k].0);
                    let distinct: BTreeSet<CaseId> =
                        rs[start..=k].iter().filter(|(at, _)| *at >= from).map(|(_, c)| *c).collect();
                    if distinct.len() <= cases {
                        break;
                    }
                    if !seen.contains(&rs[k].1) {
                        seen.push(rs[k].1);
                    }
                    last = k;
                    k += 1;
                }
                out.push(Burst { user, from: rs[start].0, to: rs[last].0, cases: seen });
                start = last + 1;
                i = start;
            } else {
                start += 1;
                i = start;
            }
        }
    }
    out
}

/// The part of a family name that is compared: its last folded word, so that `de Vries`,
/// `De Vries` and `Vries` match, and `Öztürk` matches `Ozturk`. Empty for a name without
/// letters.
pub fn family_name_core(name: &str) -> String {
    fold(name).rsplit(' ').next().unwrap_or_default().to_owned()
}

/// Whether a staff member's name (one field, "given family", e.g. `Fatma Öztürk` or `Jan de
/// Vries`) shares its family name with a person's recorded family name. A heuristic (decision
/// 0023): staff records hold one name field, so its last word is taken as the family name.
pub fn same_family_name(staff_name: &str, person_family_name: &str) -> bool {
    let staff = family_name_core(staff_name);
    !staff.is_empty() && staff == family_name_core(person_family_name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(min: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + min * 60).expect("a timestamp")
    }

    #[test]
    fn a_grant_ends_at_its_until_exactly() {
        let from = at(0);
        let u = until(from, 4);
        assert_eq!(u, at(240));
        assert!(is_active(u, at(239)));
        assert!(!is_active(u, u));
        assert!(!is_active(u, at(241)));
        // Hours are kept within 1..=24.
        assert_eq!(until(from, 0), at(60));
        assert_eq!(until(from, 100), at(24 * 60));
    }

    #[test]
    fn family_names_match_on_their_last_folded_word() {
        assert!(same_family_name("Fatma Öztürk", "Ozturk"));
        assert!(same_family_name("Jan de Vries", "De Vries"));
        assert!(same_family_name("Ayşe Şahin", "ŞAHİN"));
        assert!(!same_family_name("Jan de Vries", "Vriesema"));
        assert!(!same_family_name("", ""));
        assert!(!same_family_name("Jan Jansen", "Janssen"));
    }

    fn reads(user: i64, list: &[(i64, i64)]) -> Vec<Read> {
        list.iter().map(|(m, c)| Read { user: UserId(user), case: CaseId(*c), at: at(*m) }).collect()
    }

    #[test]
    fn eleven_files_in_a_quarter_hour_is_a_burst_ten_is_not() {
        let w = SignedDuration::from_mins(BURST_MINUTES);
        let ten: Vec<(i64, i64)> = (0..10).map(|i| (i, i + 1)).collect();
        assert!(bursts(&reads(1, &ten), BURST_CASES, w).is_empty());
        let eleven: Vec<(i64, i64)> = (0..11).map(|i| (i, i + 1)).collect();
        let b = bursts(&reads(1, &eleven), BURST_CASES, w);
        assert_eq!(b.len(), 1);
        assert_eq!((b[0].from, b[0].to, b[0].cases.len()), (at(0), at(10), 11));
        // The same file read again and again is no burst.
        let same: Vec<(i64, i64)> = (0..30).map(|i| (i / 3, 7)).collect();
        assert!(bursts(&reads(1, &same), BURST_CASES, w).is_empty());
        // Spread over more than the window: none.
        let slow: Vec<(i64, i64)> = (0..11).map(|i| (i * 2, i + 1)).collect();
        assert!(bursts(&reads(1, &slow), BURST_CASES, w).is_empty());
    }

    proptest! {
        #[test]
        fn every_burst_holds_more_than_n_files_within_the_window_and_bursts_do_not_overlap(
            list in proptest::collection::vec((0i64..120, 1i64..20, 1i64..3), 0..80),
            n in 1usize..6,
        ) {
            let w = SignedDuration::from_mins(10);
            let rs: Vec<Read> =
                list.iter().map(|(m, c, u)| Read { user: UserId(*u), case: CaseId(*c), at: at(*m) }).collect();
            let found = bursts(&rs, n, w);
            for b in &found {
                prop_assert!(b.cases.len() > n);
                prop_assert!(b.from <= b.to);
                // Every file listed was read by the user within the burst's span.
                for c in &b.cases {
                    prop_assert!(rs.iter().any(|r| r.user == b.user && r.case == *c && r.at >= b.from && r.at <= b.to));
                }
                // Some window of `w` in it does hold more than n files.
                let first: BTreeSet<CaseId> = rs.iter()
                    .filter(|r| r.user == b.user && r.at >= b.from && r.at <= b.from.saturating_add(w).expect("in range"))
                    .map(|r| r.case).collect();
                prop_assert!(first.len() > n);
            }
            for (i, a) in found.iter().enumerate() {
                for b in &found[i + 1..] {
                    prop_assert!(a.user != b.user || a.to < b.from || b.to < a.from);
                }
            }
            // And with no user over n distinct files at all, there is no burst.
            let mut per_user: BTreeMap<UserId, BTreeSet<CaseId>> = BTreeMap::new();
            for r in &rs { per_user.entry(r.user).or_default().insert(r.case); }
            for b in &found { prop_assert!(per_user[&b.user].len() > n); }
        }
    }
}
