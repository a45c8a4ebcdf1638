//! Partners and the social map (sociale kaart, issue 15 part 1; decision 0039).
//!
//! A partner is an organisation the team works with: a GP practice where a family worker holds
//! consultations (sociaal-medische basiszorg), a school or early-education (VE) location where a
//! family worker is the kernpartner, specialist care, the safety team, debt services and the
//! sociale basis. The code lists are fixed by the API contract; the rules below decide what a
//! partner of each kind may carry:
//! - a collaboration status ([`GpStatus`]) only for GP practices, dated, in order
//!   ([`check_gp_status_change`]);
//! - linked family workers as kernpartner only for schools and VE locations; a GP practice has
//!   its linked worker(s) too ([`PartnerKind::takes_linked_workers`]).

use jiff::civil::Date;

use crate::codes::code_list;

code_list!(
    /// The kind of partner organisation (API codes fixed by issue 15).
    PartnerKind {
        GpPractice = "gp_practice", "Huisartsenpraktijk";
        PrimarySchool = "primary_school", "Basisschool";
        SecondarySchool = "secondary_school", "Middelbare school";
        VocationalSchool = "vocational_school", "Mbo-school";
        SpecialEducation = "special_education", "Speciaal onderwijs";
        EarlyEducation = "early_education", "VE-locatie (voorschool)";
        YouthHealthCare = "youth_health_care", "Jeugdgezondheidszorg (JGZ)";
        SpecialistYouthCare = "specialist_youth_care", "Specialistische jeugdhulp";
        SafetyTeam = "safety_team", "Veiligheidsteam (EVU)";
        DebtServices = "debt_services", "Schuldhulpverlening";
        AdultMentalHealth = "adult_mental_health", "Volwassenen-ggz";
        WorkAndIncome = "work_and_income", "Werk en Inkomen";
        Community = "community", "Sociale basis (welzijn, sport, buurt)";
    }
);

code_list!(
    /// How far a GP practice works with the team (sociaal-medische basiszorg).
    GpStatus {
        None = "none", "Geen samenwerking";
        InTalks = "in_talks", "In gesprek";
        Started = "started", "Gestart";
        AlternativeAgreement = "alternative_agreement", "Andere afspraak";
    }
);

impl PartnerKind {
    /// Whether the kind is a school or an early-education location, where a family worker is
    /// the kernpartner.
    pub fn is_school_or_early_education(self) -> bool {
        matches!(
            self,
            Self::PrimarySchool
                | Self::SecondarySchool
                | Self::VocationalSchool
                | Self::SpecialEducation
                | Self::EarlyEducation
        )
    }

    /// Whether the kind carries a collaboration status.
    pub fn has_gp_status(self) -> bool {
        self == Self::GpPractice
    }

    /// Whether family workers can be linked to a partner of this kind: the kernpartner of a
    /// school or VE location, the worker(s) holding consultations at a GP practice.
    pub fn takes_linked_workers(self) -> bool {
        self.is_school_or_early_education() || self == Self::GpPractice
    }
}

impl GpStatus {
    /// Whether the practice counts as working with the team (the KPI's numerator).
    pub fn counts_as_collaborating(self) -> bool {
        matches!(self, Self::Started | Self::AlternativeAgreement)
    }
}

/// Why a GP status change is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GpStatusFault {
    /// The partner is not a GP practice.
    NotAGpPractice(PartnerKind),
    /// `since` lies after today.
    InTheFuture { today: Date },
    /// `since` lies before the date of the latest recorded change.
    BeforePrevious { previous: Date },
}

/// Checks recording `status` from `since` on a partner of `kind` whose latest change (if any)
/// dates from `previous`. The same status twice in a row is allowed (a correction of nothing
/// is harmless and the history stays readable); the same day as the previous change is too.
pub fn check_gp_status_change(
    kind: PartnerKind,
    since: Date,
    previous: Option<Date>,
    today: Date,
) -> Result<(), GpStatusFault> {
    if !kind.has_gp_status() {
        return Err(GpStatusFault::NotAGpPractice(kind));
    }
    if since > today {
        return Err(GpStatusFault::InTheFuture { today });
    }
    if let Some(previous) = previous
        && since < previous
    {
        return Err(GpStatusFault::BeforePrevious { previous });
    }
    Ok(())
}

/// The status in force on `day`, from a history ordered by date (then by recording order):
/// the last change on or before `day`; `None` before the first.
pub fn status_on(history: &[(Date, GpStatus)], day: Date) -> Option<GpStatus> {
    history.iter().take_while(|(since, _)| *since <= day).last().map(|(_, s)| *s)
}

/// Why a worker link is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkFault {
    /// The partner's kind takes no linked workers.
    KindTakesNoWorkers(PartnerKind),
    /// `until` lies before `from`.
    EndsBeforeItStarts,
}

/// Checks a worker link from `from` until `until` on a partner of `kind`.
pub fn check_link(kind: PartnerKind, from: Date, until: Option<Date>) -> Result<(), LinkFault> {
    if !kind.takes_linked_workers() {
        return Err(LinkFault::KindTakesNoWorkers(kind));
    }
    if until.is_some_and(|u| u < from) {
        return Err(LinkFault::EndsBeforeItStarts);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    #[test]
    fn the_api_codes_are_the_issues() {
        let codes: Vec<&str> = PartnerKind::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(
            codes,
            [
                "gp_practice",
                "primary_school",
                "secondary_school",
                "vocational_school",
                "special_education",
                "early_education",
                "youth_health_care",
                "specialist_youth_care",
                "safety_team",
                "debt_services",
                "adult_mental_health",
                "work_and_income",
                "community"
            ]
        );
        assert_eq!(GpStatus::accepted(), "none, in_talks, started, alternative_agreement");
    }

    #[test]
    fn only_gp_practices_carry_a_status() {
        let today = date(2024, 5, 1);
        for kind in PartnerKind::ALL {
            let r = check_gp_status_change(*kind, date(2024, 1, 1), None, today);
            assert_eq!(r.is_ok(), *kind == PartnerKind::GpPractice, "{kind:?}");
        }
    }

    #[test]
    fn kernpartner_links_only_for_schools_and_early_education_and_gp_workers() {
        assert!(check_link(PartnerKind::EarlyEducation, date(2024, 1, 1), None).is_ok());
        assert!(check_link(PartnerKind::GpPractice, date(2024, 1, 1), None).is_ok());
        assert_eq!(
            check_link(PartnerKind::DebtServices, date(2024, 1, 1), None),
            Err(LinkFault::KindTakesNoWorkers(PartnerKind::DebtServices))
        );
        assert_eq!(
            check_link(PartnerKind::PrimarySchool, date(2024, 2, 1), Some(date(2024, 1, 31))),
            Err(LinkFault::EndsBeforeItStarts)
        );
    }

    #[test]
    fn a_status_reads_back_per_day() {
        let h = [(date(2021, 3, 1), GpStatus::InTalks), (date(2021, 9, 1), GpStatus::Started)];
        assert_eq!(status_on(&h, date(2021, 2, 28)), None);
        assert_eq!(status_on(&h, date(2021, 3, 1)), Some(GpStatus::InTalks));
        assert_eq!(status_on(&h, date(2022, 1, 1)), Some(GpStatus::Started));
    }

    fn day() -> impl Strategy<Value = Date> {
        (0i64..3000).prop_map(|n| date(2018, 1, 1).checked_add(jiff::Span::new().days(n)).unwrap_or(date(2018, 1, 1)))
    }

    fn status() -> impl Strategy<Value = GpStatus> {
        prop::sample::select(GpStatus::ALL)
    }

    proptest! {
        /// Whatever is asked for, the accepted changes form a history ordered by date, none in
        /// the future, and the status read back on each change's day is the last one recorded.
        #[test]
        fn accepted_changes_keep_the_history_in_order(
            asks in prop::collection::vec((day(), status()), 0..30),
            today in day(),
        ) {
            let mut history: Vec<(Date, GpStatus)> = Vec::new();
            for (since, s) in asks {
                let previous = history.last().map(|(d, _)| *d);
                match check_gp_status_change(PartnerKind::GpPractice, since, previous, today) {
                    Ok(()) => history.push((since, s)),
                    Err(GpStatusFault::InTheFuture { .. }) => prop_assert!(since > today),
                    Err(GpStatusFault::BeforePrevious { previous: p }) => prop_assert!(since < p),
                    Err(GpStatusFault::NotAGpPractice(_)) => prop_assert!(false, "a GP practice"),
                }
            }
            prop_assert!(history.windows(2).all(|w| w[0].0 <= w[1].0));
            prop_assert!(history.iter().all(|(d, _)| *d <= today));
            if let Some((last_day, last)) = history.last() {
                prop_assert_eq!(status_on(&history, *last_day), Some(*last));
                prop_assert_eq!(status_on(&history, today), Some(*last));
            }
        }

        /// A change is accepted exactly when it is neither in the future nor before the previous.
        #[test]
        fn the_rule_is_exactly_the_two_bounds(since in day(), previous in prop::option::of(day()), today in day()) {
            let ok = check_gp_status_change(PartnerKind::GpPractice, since, previous, today).is_ok();
            prop_assert_eq!(ok, since <= today && previous.is_none_or(|p| since >= p));
        }
    }
}
