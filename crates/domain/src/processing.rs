//! The processing register (verwerkingsregister, AVG art. 30): the processing activities
//! (verwerkingsactiviteiten) the product carries out, and which one every audit action belongs
//! to. The Logboek Dataverwerkingen export (decision 0027) names the activity of each row.
//!
//! The codes are fixed here; their texts (name, purpose, legal basis, categories, retention)
//! live in the database, seeded by migration 0028, and an admin may word them anew. A new
//! [`AuditAction`] does not compile until [`AuditAction::processing_activity`] maps it.

use crate::audit::AuditAction;

/// Declares the activities: the enum and their stored codes.
macro_rules! processing_activities {
    ($($(#[$doc:meta])* $variant:ident = $code:literal,)+) => {
        /// One processing activity of the register.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum ProcessingActivity { $($(#[$doc])* $variant),+ }

        impl ProcessingActivity {
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The stable code, as stored in `processing_activities.code`, e.g. `family-support`.
            pub fn code(self) -> &'static str {
                match self { $(Self::$variant => $code),+ }
            }

            /// The activity of a code; `None` for a code this version does not know.
            pub fn parse(code: &str) -> Option<Self> {
                match code { $($code => Some(Self::$variant),)+ _ => None }
            }
        }
    };
}

processing_activities!(
    /// Support of families: referrals, households, case files, contacts, the family plan and
    /// working notes (ondersteuning van gezinnen).
    FamilySupport = "family-support",
    /// Mijn Buurtteam: inviting family members and network members, their sign-up.
    FamilyPortal = "family-portal",
    /// The access log shown to a family or a team manager, and its export (NEN 7513).
    AccessLogging = "access-logging",
    /// Requests of data subjects: inzage and a copy, destruction on request (rechten van
    /// betrokkenen).
    DataSubjectRights = "data-subject-rights",
    /// Signing in and refusing what a role may not do (beveiliging en toegangscontrole).
    Security = "security",
    /// Staff accounts: creating, changing, activating and locking them.
    StaffAccounts = "staff-accounts",
    /// Setting up the organisation: districts, teams, closure days, code lists, this register.
    Organisation = "organisation",
    /// Steering figures: aggregates only, and the district populations they divide by.
    Steering = "steering",
    /// Synthetic organisations for demos and tests: no real person's data.
    SyntheticData = "synthetic-data",
    /// Group support: offers, participants, their attendance and leaving (groepsaanbod).
    GroupSupport = "group-support",
    /// The experience survey: inviting families, collecting answers that lead back to no one.
    ExperienceSurvey = "experience-survey",
    /// Handling complaints of families about the help, a worker or the organisation
    /// (klachtenbehandeling, Jeugdwet art. 4.2.1 ff.; decision 0032).
    ComplaintsHandling = "complaints-handling",
    /// Early signalling of payment arrears and outreach campaigns (vroegsignalering, Wgs
    /// art. 3a; decisions 0033 and 0034).
    Outreach = "outreach",
    /// Staff absence (verzuim) and capacity: HR data about staff, never a reason (decision 0036).
    StaffAbsence = "staff-absence",
    /// The statutory half-yearly delivery of youth-care trajectories to CBS (Beleidsinformatie
    /// Jeugd; decision 0042): person-level, without names.
    StatutoryReporting = "statutory-reporting",
);

impl std::fmt::Display for ProcessingActivity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl AuditAction {
    /// The processing activity this action is part of. Exhaustive on purpose: no wildcard, so
    /// that a new action does not compile until someone decides where it belongs.
    pub fn processing_activity(self) -> ProcessingActivity {
        use ProcessingActivity as P;
        match self {
            Self::CaseReferred
            | Self::CaseRead
            | Self::CaseList
            | Self::CaseIntakeHeld
            | Self::CaseSupportStarted
            | Self::CaseClosed
            | Self::CaseClaimed
            | Self::CaseAssigned
            | Self::CaseCorrected
            | Self::CaseReopened
            | Self::CaseVoided
            | Self::ContactRecorded
            | Self::OnwardReferralRecorded
            | Self::OnwardReferralChanged
            | Self::OnwardReferralList
            | Self::ContactList
            | Self::HouseholdCreated
            // A partner's referral registers a household and a case; its list is of that
            // partner's referrals (decision 0041).
            | Self::PartnerReferralSubmitted
            | Self::PartnerReferralsListed
            | Self::HouseholdRead
            | Self::HouseholdSearch
            | Self::HouseholdUpdated
            | Self::HouseholdMerged
            | Self::PlanRead
            | Self::PlanHistoryRead
            | Self::PlanAgreed
            | Self::GoalAdded
            | Self::CaseClientAdded
            | Self::GoalChanged
            | Self::GoalSharingChanged
            | Self::GoalScored
            | Self::GoalCommented
            | Self::GoalChangeProposed
            | Self::GoalProposalAccepted
            | Self::GoalProposalDeclined
            | Self::ActionAdded
            | Self::ActionDone
            | Self::ActionReopened
            | Self::EvaluationRecorded
            | Self::AppointmentPlanned
            | Self::WorkingNoteAdded
            | Self::WorkingNotesRead
            | Self::NetworkInvited
            | Self::NetworkRevoked
            // Breaking the glass is reading a file to support a family in a crisis.
            | Self::CaseEmergencyAccessGranted
            | Self::CaseEmergencyRead
            // Keeping the file for its retention period and destroying it after, the end of
            // the same processing (decision 0024).
            | Self::CaseDestroyed
            | Self::LegalHoldPlaced
            | Self::LegalHoldLifted
            // Considering group support is part of the family plan.
            | Self::CaseGroupSupportRecorded
            // Who carries the case, and which team (decision 0037).
            | Self::CaseHandedOver
            | Self::CaseTransferred
            | Self::CaseStandInSet => P::FamilySupport,
            Self::PortalInvited | Self::PortalActivated | Self::PortalActivationFailed => P::FamilyPortal,
            Self::AccessLogRead
            | Self::LdvExported
            | Self::EmergencyAccessReviewed
            | Self::UnusualAccessReviewed => P::AccessLogging,
            Self::PortalExported
            | Self::CaseInzageProduced
            | Self::DestructionRequested
            | Self::DestructionDecided
            | Self::CasePartiallyDestroyed => P::DataSubjectRights,
            Self::AuthLogin
            | Self::AuthPasswordAccepted
            | Self::AuthLoginFailed
            | Self::AuthLoginRefusedLocked
            | Self::AuthPasswordChanged
            | Self::AuthRecoveryCodeUsed
            | Self::AuthSecondFactorEnabled
            | Self::AuthSecondFactorDisabled
            | Self::CaseAccessRefused
            | Self::HouseholdAccessRefused
            | Self::TeamAccessRefused
            | Self::KpiAccessRefused
            | Self::OrganisationAccessRefused
            | Self::FormAccessRefused
            | Self::RequestReplayed => P::Security,
            Self::UserCreated
            | Self::UserChanged
            | Self::UserDeactivated
            | Self::UserReactivated
            | Self::UserUnlocked
            | Self::UserSecondFactorReset
            | Self::UserActivationCodeIssued
            | Self::UserActivated
            | Self::UserActivationFailed => P::StaffAccounts,
            Self::DistrictCreated
            | Self::TeamCreated
            | Self::TeamChanged
            | Self::ClosureDayAdded
            | Self::ClosureDayRemoved
            | Self::DistrictChanged
            | Self::NeighbourhoodCreated
            | Self::NeighbourhoodChanged
            | Self::CodeLabelChanged
            | Self::ProcessingActivityChanged => P::Organisation,
            Self::KpiRead | Self::PopulationImported | Self::SurveyResultsRead | Self::SurveyOpenAnswersRead => {
                P::Steering
            }
            // The collective approach's meetings: counts and signals without names, for
            // steering (decision 0029).
            Self::CollectiveActivityRecorded | Self::CollectiveActivitiesRead => P::Steering,
            Self::SynthGenerated => P::SyntheticData,
            Self::CbsExported => P::StatutoryReporting,
            Self::GroupCreated
            | Self::GroupChanged
            | Self::GroupSessionAdded
            | Self::GroupParticipantEnrolled
            | Self::GroupParticipantLeft
            | Self::GroupParticipantMovedUp
            | Self::GroupAttendanceRecorded
            | Self::GroupParticipantsRead => P::GroupSupport,
            Self::SurveyInvited
            | Self::SurveyReminded
            | Self::SurveyLetterPrinted
            | Self::SurveyPaperEntered
            | Self::SurveyQuestionnaireChanged => P::ExperienceSurvey,
            Self::ComplaintRegistered
            | Self::ComplaintSubmitted
            | Self::ComplaintRead
            | Self::ComplaintList
            | Self::ComplaintStepRecorded
            | Self::ComplaintExtended
            | Self::ComplaintLessonsRecorded => P::ComplaintsHandling,
            Self::CampaignCreated
            | Self::CampaignChanged
            | Self::CampaignSignalsImported
            | Self::CampaignBasketRead
            | Self::CampaignAddressRead
            | Self::CampaignAddressAssigned
            | Self::OutreachWeighingChanged => P::Outreach,
            Self::OutreachAttemptRecorded | Self::OutreachSignalsDestroyed => P::Outreach,
            // The knowledge base holds guidance, no client data; its authors are staff, as
            // with the organisation's other set-up (decision 0035).
            Self::KnowledgeArticleCreated | Self::KnowledgeArticleChanged => P::Organisation,
            Self::AbsenceRecorded | Self::AbsenceChanged | Self::AbsencesRead => P::StaffAbsence,
            // The social map: organisations and which staff member is their contact, no client
            // data (decision 0039).
            Self::PartnerCreated
            | Self::PartnerChanged
            | Self::PartnerGpStatusRecorded
            | Self::PartnerWorkersChanged => P::Organisation,
        }
    }

    /// Whether the processing did not happen as asked: a refused attempt or a failed sign-in
    /// or activation (LDV `STATUS_CODE_ERROR`).
    pub fn is_failure(self) -> bool {
        self.is_refusal()
            || matches!(
                self,
                Self::AuthLoginFailed
                    | Self::AuthLoginRefusedLocked
                    | Self::PortalActivationFailed
                    | Self::UserActivationFailed
            )
    }
}

/// The texts of an activity an admin may change (the code never changes).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActivityTexts {
    pub name_nl: String,
    pub name_en: String,
    /// Why the data is processed (doel).
    pub purpose: String,
    /// The legal basis (grondslag), e.g. `AVG art. 6 lid 1 sub e; Jeugdwet hoofdstuk 7.4`.
    pub legal_basis: String,
    /// Whose data (categorieën betrokkenen).
    pub data_subjects: String,
    /// Which data (categorieën persoonsgegevens).
    pub data_categories: String,
    /// How long it is kept (bewaartermijn).
    pub retention: String,
    /// Whether the organisation carries the activity out now.
    pub active: bool,
}

impl ActivityTexts {
    /// The names of the fields that differ from `other`, in the order of the struct.
    pub fn changed_fields(&self, other: &Self) -> Vec<&'static str> {
        let texts: [(&'static str, &String, &String); 7] = [
            ("name_nl", &self.name_nl, &other.name_nl),
            ("name_en", &self.name_en, &other.name_en),
            ("purpose", &self.purpose, &other.purpose),
            ("legal_basis", &self.legal_basis, &other.legal_basis),
            ("data_subjects", &self.data_subjects, &other.data_subjects),
            ("data_categories", &self.data_categories, &other.data_categories),
            ("retention", &self.retention, &other.retention),
        ];
        let mut out: Vec<_> = texts.into_iter().filter(|(_, a, b)| a != b).map(|(n, _, _)| n).collect();
        if self.active != other.active {
            out.push("active");
        }
        out
    }
}

/// The register's identifier of one version of an activity, as the export's
/// `dpl.core.processing_activity_id` gives it: a URN naming the code and the version, so that
/// a log row points at the wording that held when it was written (LDV, component Register).
pub fn activity_urn(code: &str, version: i64) -> String {
    format!("urn:buurtteam:processing-activity:{code}:{version}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case_and_read_back() {
        let mut seen = std::collections::HashSet::new();
        for &p in ProcessingActivity::ALL {
            assert!(seen.insert(p.code()), "{p} twice");
            assert_eq!(ProcessingActivity::parse(p.code()), Some(p));
            assert!(p.code().chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{p}");
        }
        assert_eq!(ProcessingActivity::parse("Family-Support"), None);
    }

    #[test]
    fn every_action_has_an_activity_and_every_activity_an_action() {
        let used: std::collections::HashSet<_> = AuditAction::ALL.iter().map(|a| a.processing_activity()).collect();
        for p in ProcessingActivity::ALL {
            assert!(used.contains(p), "{p} has no action");
        }
    }

    #[test]
    fn client_file_work_is_support_and_refusals_are_security() {
        assert_eq!(AuditAction::CaseRead.processing_activity(), ProcessingActivity::FamilySupport);
        assert_eq!(AuditAction::WorkingNotesRead.processing_activity(), ProcessingActivity::FamilySupport);
        assert_eq!(AuditAction::PortalActivated.processing_activity(), ProcessingActivity::FamilyPortal);
        assert_eq!(AuditAction::ProcessingActivityChanged.processing_activity(), ProcessingActivity::Organisation);
        for a in AuditAction::ALL {
            if a.is_refusal() {
                assert_eq!(a.processing_activity(), ProcessingActivity::Security, "{a}");
                assert!(a.is_failure(), "{a}");
            }
        }
        assert!(AuditAction::AuthLoginFailed.is_failure());
        assert!(!AuditAction::AuthLogin.is_failure());
        assert!(!AuditAction::CaseRead.is_failure());
    }

    #[test]
    fn changes_name_the_fields_that_differ() {
        let a = ActivityTexts { name_nl: "A".into(), active: true, ..Default::default() };
        let mut b = a.clone();
        assert!(a.changed_fields(&b).is_empty());
        b.retention = "20 jaar".into();
        b.active = false;
        assert_eq!(a.changed_fields(&b), ["retention", "active"]);
    }

    #[test]
    fn the_urn_names_code_and_version() {
        assert_eq!(activity_urn("family-support", 3), "urn:buurtteam:processing-activity:family-support:3");
    }
}
