//! Referrals from partners (issue 15 part 3; decision 0041): the family's consent, the
//! referral source a partner's kind gives, and the status a partner may see, in words.

use jiff::civil::Date;

use crate::case::CaseStatus;
use crate::codes::{ReferralSource, code_list};
use crate::partners::PartnerKind;

code_list!(
    /// Who gave consent for the referral (toestemming). A young person of 16 or older decides
    /// alone about help for themselves (WGBO); for a younger child a parent or guardian does.
    ConsentBy {
        Parent = "parent", "Ouder of verzorger";
        Guardian = "guardian", "Voogd";
        YoungPerson = "young_person", "De jongere zelf (16 jaar of ouder)";
        ParentAndYoungPerson = "parent_and_young_person", "Ouder en jongere samen";
    }
);

/// The referral source a partner's referral is counted under, by the partner's kind:
///
/// | partner kind | source |
/// |---|---|
/// | `gp_practice` | `gp` |
/// | `primary_school`, `secondary_school`, `vocational_school`, `special_education`, `early_education` | `school` |
/// | `youth_health_care` | `youth_health` |
/// | every other kind | `other` |
pub fn source_for(kind: PartnerKind) -> ReferralSource {
    match kind {
        PartnerKind::GpPractice => ReferralSource::Gp,
        PartnerKind::PrimarySchool
        | PartnerKind::SecondarySchool
        | PartnerKind::VocationalSchool
        | PartnerKind::SpecialEducation
        | PartnerKind::EarlyEducation => ReferralSource::School,
        PartnerKind::YouthHealthCare => ReferralSource::YouthHealth,
        _ => ReferralSource::Other,
    }
}

/// What a partner sees of a referral it made: how far the team is, never more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferralStatus {
    /// Received; no intake planned yet.
    Received,
    /// An intake (kennismakingsgesprek) is planned on this day.
    IntakePlanned(Date),
    /// The intake was held; support has not started.
    IntakeHeld,
    /// The family is being supported.
    InSupport,
    /// The case was closed.
    Closed,
}

impl ReferralStatus {
    /// The status of a case referred by a partner: `planned` is the first appointment on the
    /// case while it waits for its intake.
    pub fn of(status: CaseStatus, planned: Option<Date>) -> Self {
        match (status, planned) {
            (CaseStatus::Referred, Some(day)) => Self::IntakePlanned(day),
            (CaseStatus::Referred, None) => Self::Received,
            (CaseStatus::IntakeHeld, _) => Self::IntakeHeld,
            (CaseStatus::InSupport, _) => Self::InSupport,
            (CaseStatus::Closed, _) => Self::Closed,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::IntakePlanned(_) => "intake_planned",
            Self::IntakeHeld => "intake_held",
            Self::InSupport => "in_support",
            Self::Closed => "closed",
        }
    }

    /// The status in Dutch words, as the API gives it.
    pub fn words(self) -> String {
        match self {
            Self::Received => "ontvangen".to_owned(),
            Self::IntakePlanned(day) => format!("kennismaking gepland op {}", dutch_date(day)),
            Self::IntakeHeld => "kennismaking gehouden".to_owned(),
            Self::InSupport => "in begeleiding".to_owned(),
            Self::Closed => "afgesloten".to_owned(),
        }
    }
}

/// A day as Dutch words: `7 december 2026`.
pub fn dutch_date(day: Date) -> String {
    const MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let month = MONTHS[usize::try_from(day.month() - 1).unwrap_or(0)];
    format!("{} {month} {}", day.day(), day.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_source_follows_the_kind() {
        assert_eq!(source_for(PartnerKind::GpPractice), ReferralSource::Gp);
        for k in [
            PartnerKind::PrimarySchool,
            PartnerKind::SecondarySchool,
            PartnerKind::VocationalSchool,
            PartnerKind::SpecialEducation,
            PartnerKind::EarlyEducation,
        ] {
            assert_eq!(source_for(k), ReferralSource::School, "{k:?}");
        }
        assert_eq!(source_for(PartnerKind::YouthHealthCare), ReferralSource::YouthHealth);
        assert_eq!(source_for(PartnerKind::DebtServices), ReferralSource::Other);
        assert_eq!(source_for(PartnerKind::SpecialistYouthCare), ReferralSource::Other);
    }

    #[test]
    fn the_status_in_words_follows_the_case() {
        assert_eq!(ReferralStatus::of(CaseStatus::Referred, None).words(), "ontvangen");
        let planned = ReferralStatus::of(CaseStatus::Referred, Some(date(2026, 12, 7)));
        assert_eq!(planned.code(), "intake_planned");
        assert_eq!(planned.words(), "kennismaking gepland op 7 december 2026");
        assert_eq!(ReferralStatus::of(CaseStatus::InSupport, Some(date(2026, 12, 7))).words(), "in begeleiding");
        assert_eq!(ReferralStatus::of(CaseStatus::Closed, None).words(), "afgesloten");
    }
}
