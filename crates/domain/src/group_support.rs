//! Group-based support considered in every case, and the collective approach (issue 19).
//!
//! - **Considered**: the family plan records whether group support (groepsaanbod) was
//!   considered and, when it is not used, why ([`NotUsedReason`], with free text beside it).
//!   "Used" is never recorded by hand: a case uses group support when one of its people takes
//!   part in a group (a participant not on a waiting list). The rule of what a record must
//!   hold is [`check_considered`].
//! - **Collective activities** (collectieve aanpak): meetings of parents, young people and
//!   professionals around a shared question in one district. Only counts of participants by
//!   kind are kept, never names, and the signals gathered are stored with names and numbers
//!   removed ([`clean_signals`], decision 0029).

use serde::{Deserialize, Serialize};

use crate::survey::redact::redact;

/// Why group support is not used in a case although it was considered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NotUsedReason {
    /// There is no group that fits (theme, age, place or time).
    NoSuitableGroup,
    /// The family does not want to take part.
    FamilyDeclined,
    /// Not needed now; perhaps later.
    NotNeededNow,
    /// A group fits, but it has not started or is full.
    WaitingForAGroup,
    /// Another reason, in free text.
    Other,
}

impl NotUsedReason {
    pub const ALL: &'static [Self] =
        &[Self::NoSuitableGroup, Self::FamilyDeclined, Self::NotNeededNow, Self::WaitingForAGroup, Self::Other];

    pub fn code(self) -> &'static str {
        match self {
            Self::NoSuitableGroup => "no_suitable_group",
            Self::FamilyDeclined => "family_declined",
            Self::NotNeededNow => "not_needed_now",
            Self::WaitingForAGroup => "waiting_for_a_group",
            Self::Other => "other",
        }
    }

    /// The Dutch label (the KPI breakdowns carry it; the pages take theirs from the catalogue).
    pub fn label_nl(self) -> &'static str {
        match self {
            Self::NoSuitableGroup => "Geen passende groep",
            Self::FamilyDeclined => "Gezin wil niet",
            Self::NotNeededNow => "Nu niet nodig",
            Self::WaitingForAGroup => "Wacht op een groep",
            Self::Other => "Anders",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|r| r.code() == code)
    }

    /// The accepted codes, comma-separated, for error messages.
    pub fn accepted() -> String {
        Self::ALL.iter().map(|r| r.code()).collect::<Vec<_>>().join(", ")
    }
}

impl std::fmt::Display for NotUsedReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The longest free text beside a reason.
pub const MAX_REASON_TEXT: usize = 500;
/// The longest theme and partner name of a collective activity.
pub const MAX_THEME: usize = 200;
/// The longest text of the signals gathered at a collective activity.
pub const MAX_SIGNALS: usize = 4000;
/// The most partners named on one collective activity.
pub const MAX_PARTNERS: usize = 20;
/// The largest count of participants of one kind at one collective activity.
pub const MAX_PARTICIPANTS: i64 = 10_000;

/// What is wrong with a record of "considered", as a field and a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsideredError {
    /// A reason was given while group support was not considered.
    ReasonWithoutConsidering,
    /// Considered and not used, but no reason given.
    ReasonRequired,
    /// `other` without free text.
    TextRequiredForOther,
}

impl ConsideredError {
    pub fn field(self) -> &'static str {
        match self {
            Self::ReasonWithoutConsidering | Self::ReasonRequired => "reason",
            Self::TextRequiredForOther => "reason_text",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::ReasonWithoutConsidering => "reason_without_considering",
            Self::ReasonRequired => "reason_required",
            Self::TextRequiredForOther => "text_required_for_other",
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            Self::ReasonWithoutConsidering => "is only given when group support was considered",
            Self::ReasonRequired => "is required when group support was considered and is not used",
            Self::TextRequiredForOther => "is required with the reason other",
        }
    }
}

/// The rule of a "considered" record: a reason only when considered; when considered and the
/// case does not use group support, a reason is required; `other` needs free text. When the
/// case uses group support a reason may be left out (it is kept if given: the family may take
/// part in one group and wait for another).
pub fn check_considered(
    considered: bool,
    used: bool,
    reason: Option<NotUsedReason>,
    text: &str,
) -> Result<(), ConsideredError> {
    match (considered, reason) {
        (false, Some(_)) => Err(ConsideredError::ReasonWithoutConsidering),
        (true, None) if !used => Err(ConsideredError::ReasonRequired),
        (true, Some(NotUsedReason::Other)) if text.trim().is_empty() => Err(ConsideredError::TextRequiredForOther),
        _ => Ok(()),
    }
}

/// Counts of the participants of a collective activity, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Participants {
    pub parents: u64,
    pub young_people: u64,
    pub professionals: u64,
}

impl Participants {
    pub fn total(&self) -> u64 {
        self.parents + self.young_people + self.professionals
    }
}

/// The signals gathered at a collective activity as they may be stored: never about a named
/// family, so names (any capitalised word that does not start a sentence), numbers and e-mail
/// addresses are removed (`survey::redact`). Returns the text to store and whether anything
/// was removed, so that the page can say so and the writer can rephrase.
pub fn clean_signals(text: &str) -> (String, bool) {
    let trimmed = text.trim();
    let cleaned = redact(trimmed, &[]);
    let changed = cleaned != trimmed;
    (cleaned, changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ConsideredError::*;
    use NotUsedReason::*;

    #[test]
    fn a_reason_only_when_considered_and_required_when_not_used() {
        assert_eq!(check_considered(false, false, None, ""), Ok(()));
        assert_eq!(check_considered(false, false, Some(FamilyDeclined), ""), Err(ReasonWithoutConsidering));
        assert_eq!(check_considered(true, false, None, ""), Err(ReasonRequired));
        assert_eq!(check_considered(true, true, None, ""), Ok(()), "used: no reason needed");
        assert_eq!(check_considered(true, false, Some(NotNeededNow), ""), Ok(()));
        assert_eq!(check_considered(true, false, Some(Other), "  "), Err(TextRequiredForOther));
        assert_eq!(check_considered(true, false, Some(Other), "past de tijd niet"), Ok(()));
        assert_eq!(ReasonRequired.field(), "reason");
        assert_eq!(TextRequiredForOther.field(), "reason_text");
    }

    #[test]
    fn every_reason_reads_back_from_its_code() {
        for r in NotUsedReason::ALL {
            assert_eq!(NotUsedReason::parse(r.code()), Some(*r));
        }
        assert_eq!(NotUsedReason::parse("busy"), None);
        assert!(NotUsedReason::accepted().contains("waiting_for_a_group"));
    }

    #[test]
    fn signals_lose_names_and_numbers_and_say_so() {
        let (text, changed) = clean_signals("Ouders zoeken steun bij geldzorgen. Familie Öztürk belt 0612345678.");
        assert!(changed);
        assert!(!text.contains("Öztürk"), "{text}");
        assert!(!text.contains("0612345678"), "{text}");
        assert!(text.starts_with("Ouders zoeken steun bij geldzorgen."), "{text}");
        let (text, changed) = clean_signals("  jongeren willen meer plekken om te sporten  ");
        assert_eq!((text.as_str(), changed), ("jongeren willen meer plekken om te sporten", false));
    }

    #[test]
    fn participants_add_up() {
        let p = Participants { parents: 7, young_people: 4, professionals: 3 };
        assert_eq!(p.total(), 14);
    }
}
