//! Onward referrals (inzet aanvullende hulp, issue 15 part 2; decision 0040).
//!
//! When a family needs more than the buurtteam gives, the worker refers it on to a partner of
//! the social map: specialist youth care, intensive voluntary help (the safety team), debt
//! assistance, adult mental health care, work and income, or the sociale basis. The family
//! worker stays coordinator by default. The rules here, without I/O:
//! - which partner kinds fit which onward kind ([`OnwardReferralKind::fitting_partners`]);
//! - the dates ([`check_dates`]): referred on a day between the case's referral and today,
//!   started on or after that, ended on or after the start (or the referral, when it never
//!   started); none of them in the future: they are facts, recorded when they happened;
//! - an outcome only with an end date, and one that fits whether the help started.

use jiff::civil::Date;

use crate::codes::code_list;
use crate::partners::PartnerKind;

code_list!(
    /// What kind of further help the family is referred to (API codes fixed by issue 15).
    OnwardReferralKind {
        SpecialistYouthCare = "specialist_youth_care", "Specialistische jeugdhulp";
        IntensiveVoluntaryHelp = "intensive_voluntary_help", "Intensieve vrijwillige hulp";
        DebtAssistance = "debt_assistance", "Schuldhulpverlening";
        AdultMentalHealth = "adult_mental_health", "Volwassenen-ggz";
        WorkAndIncome = "work_and_income", "Werk en Inkomen";
        Community = "community", "Sociale basis";
    }
);

code_list!(
    /// How an onward referral ended.
    OnwardOutcome {
        Completed = "completed", "Afgerond";
        StoppedEarly = "stopped_early", "Voortijdig gestopt";
        NotStarted = "not_started", "Niet gestart";
        ReferredFurther = "referred_further", "Verder verwezen";
    }
);

impl OnwardReferralKind {
    /// The partner kinds an onward referral of this kind may go to. Intensive voluntary help
    /// is given by the safety team or specialist youth care; adult mental health care also
    /// by the GP practice (its POH-ggz).
    pub fn fitting_partners(self) -> &'static [PartnerKind] {
        match self {
            Self::SpecialistYouthCare => &[PartnerKind::SpecialistYouthCare],
            Self::IntensiveVoluntaryHelp => &[PartnerKind::SafetyTeam, PartnerKind::SpecialistYouthCare],
            Self::DebtAssistance => &[PartnerKind::DebtServices],
            Self::AdultMentalHealth => &[PartnerKind::AdultMentalHealth, PartnerKind::GpPractice],
            Self::WorkAndIncome => &[PartnerKind::WorkAndIncome],
            Self::Community => &[PartnerKind::Community],
        }
    }

    /// Whether a partner of `kind` fits.
    pub fn fits(self, kind: PartnerKind) -> bool {
        self.fitting_partners().contains(&kind)
    }

    /// The onward kinds a partner of `kind` can take.
    pub fn for_partner(kind: PartnerKind) -> Vec<Self> {
        Self::ALL.iter().copied().filter(|k| k.fits(kind)).collect()
    }
}

/// The dates and outcome of an onward referral, as they would be after a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dates {
    pub referred_on: Date,
    pub started_on: Option<Date>,
    pub ended_on: Option<Date>,
    pub outcome: Option<OnwardOutcome>,
}

/// Why dates or an outcome are refused; each names its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFault {
    /// `referred_on`, `started_on` or `ended_on` lies after today.
    InTheFuture { field: &'static str },
    /// `referred_on` lies before the case's referral.
    BeforeCaseReferral { case_referred_on: Date },
    /// `started_on` lies before `referred_on`.
    StartBeforeReferral,
    /// `ended_on` lies before `started_on` (or before `referred_on` when it never started).
    EndBeforeStart,
    /// An outcome without `ended_on`.
    OutcomeWithoutEnd,
    /// `not_started` while `started_on` is set, or `completed`/`stopped_early` without it.
    OutcomeContradictsStart,
}

impl DateFault {
    /// The field the fault belongs to.
    pub fn field(self) -> &'static str {
        match self {
            Self::InTheFuture { field } => field,
            Self::BeforeCaseReferral { .. } => "referred_on",
            Self::StartBeforeReferral => "started_on",
            Self::EndBeforeStart => "ended_on",
            Self::OutcomeWithoutEnd | Self::OutcomeContradictsStart => "outcome",
        }
    }

    /// A stable code for the problem's field error.
    pub fn code(self) -> &'static str {
        match self {
            Self::InTheFuture { .. } => "future_date",
            Self::BeforeCaseReferral { .. } => "before_referral",
            Self::StartBeforeReferral => "start_before_referral",
            Self::EndBeforeStart => "end_before_start",
            Self::OutcomeWithoutEnd => "outcome_without_end",
            Self::OutcomeContradictsStart => "outcome_contradicts_start",
        }
    }

    /// The English message of the problem's field error.
    pub fn message(self) -> String {
        match self {
            Self::InTheFuture { .. } => "may not lie in the future".into(),
            Self::BeforeCaseReferral { case_referred_on } => {
                format!("may not lie before the case's referral ({case_referred_on})")
            }
            Self::StartBeforeReferral => "may not lie before referred_on".into(),
            Self::EndBeforeStart => "may not lie before started_on (or referred_on)".into(),
            Self::OutcomeWithoutEnd => "only with ended_on".into(),
            Self::OutcomeContradictsStart => {
                "not_started only without started_on; completed and stopped_early only with it".into()
            }
        }
    }
}

/// Checks the dates of an onward referral on a case referred on `case_referred_on`; every fault
/// found, in field order.
pub fn check_dates(d: &Dates, case_referred_on: Date, today: Date) -> Vec<DateFault> {
    let mut faults = Vec::new();
    if d.referred_on > today {
        faults.push(DateFault::InTheFuture { field: "referred_on" });
    }
    if d.referred_on < case_referred_on {
        faults.push(DateFault::BeforeCaseReferral { case_referred_on });
    }
    if let Some(s) = d.started_on {
        if s > today {
            faults.push(DateFault::InTheFuture { field: "started_on" });
        }
        if s < d.referred_on {
            faults.push(DateFault::StartBeforeReferral);
        }
    }
    if let Some(e) = d.ended_on {
        if e > today {
            faults.push(DateFault::InTheFuture { field: "ended_on" });
        }
        if e < d.started_on.unwrap_or(d.referred_on) {
            faults.push(DateFault::EndBeforeStart);
        }
    }
    match (d.outcome, d.ended_on) {
        (Some(_), None) => faults.push(DateFault::OutcomeWithoutEnd),
        (Some(OnwardOutcome::NotStarted), Some(_)) if d.started_on.is_some() => {
            faults.push(DateFault::OutcomeContradictsStart)
        }
        (Some(OnwardOutcome::Completed | OnwardOutcome::StoppedEarly), Some(_)) if d.started_on.is_none() => {
            faults.push(DateFault::OutcomeContradictsStart)
        }
        _ => {}
    }
    faults
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    #[test]
    fn the_api_codes_are_the_issues() {
        assert_eq!(
            OnwardReferralKind::accepted(),
            "specialist_youth_care, intensive_voluntary_help, debt_assistance, adult_mental_health, \
             work_and_income, community"
        );
        assert_eq!(OnwardOutcome::accepted(), "completed, stopped_early, not_started, referred_further");
    }

    #[test]
    fn every_kind_has_a_fitting_partner_kind() {
        for kind in OnwardReferralKind::ALL {
            assert!(!kind.fitting_partners().is_empty(), "{kind:?}");
        }
        assert!(OnwardReferralKind::IntensiveVoluntaryHelp.fits(PartnerKind::SafetyTeam));
        assert!(OnwardReferralKind::DebtAssistance.fits(PartnerKind::DebtServices));
        assert!(!OnwardReferralKind::DebtAssistance.fits(PartnerKind::PrimarySchool));
        assert!(OnwardReferralKind::for_partner(PartnerKind::PrimarySchool).is_empty());
    }

    #[test]
    fn outcomes_follow_the_end_and_the_start() {
        let (case_on, today) = (date(2024, 1, 10), date(2024, 6, 1));
        let mut d = Dates { referred_on: date(2024, 2, 1), started_on: None, ended_on: None, outcome: None };
        assert!(check_dates(&d, case_on, today).is_empty());
        d.outcome = Some(OnwardOutcome::NotStarted);
        assert_eq!(check_dates(&d, case_on, today), [DateFault::OutcomeWithoutEnd]);
        d.ended_on = Some(date(2024, 3, 1));
        assert!(check_dates(&d, case_on, today).is_empty());
        d.outcome = Some(OnwardOutcome::Completed);
        assert_eq!(check_dates(&d, case_on, today), [DateFault::OutcomeContradictsStart]);
        d.started_on = Some(date(2024, 2, 15));
        assert!(check_dates(&d, case_on, today).is_empty());
        d.referred_on = date(2024, 1, 9);
        assert_eq!(check_dates(&d, case_on, today)[0].field(), "referred_on");
    }

    fn day() -> impl Strategy<Value = Date> {
        (0i64..2000).prop_map(|n| date(2020, 1, 1).checked_add(jiff::Span::new().days(n)).unwrap_or(date(2020, 1, 1)))
    }

    proptest! {
        /// Accepted dates are ordered: the case's referral <= referred_on <= started_on <= ended_on <= today.
        #[test]
        fn accepted_dates_are_in_order(
            case_on in day(), today in day(), referred_on in day(),
            started_on in prop::option::of(day()), ended_on in prop::option::of(day()),
        ) {
            let d = Dates { referred_on, started_on, ended_on, outcome: None };
            let ok = check_dates(&d, case_on, today).is_empty();
            let ordered = case_on <= referred_on && referred_on <= today
                && started_on.is_none_or(|s| referred_on <= s && s <= today)
                && ended_on.is_none_or(|e| started_on.unwrap_or(referred_on) <= e && e <= today);
            prop_assert_eq!(ok, ordered);
        }

        /// An outcome is accepted only with an end date, whatever the dates.
        #[test]
        fn no_outcome_without_an_end(
            case_on in day(), today in day(), referred_on in day(), started_on in prop::option::of(day()),
            outcome in prop::sample::select(OnwardOutcome::ALL),
        ) {
            let d = Dates { referred_on, started_on, ended_on: None, outcome: Some(outcome) };
            prop_assert!(check_dates(&d, case_on, today).contains(&DateFault::OutcomeWithoutEnd));
        }
    }
}
