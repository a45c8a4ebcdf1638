//! The actions of the audit (access) log: one variant per kind of event, each with the stable
//! dotted code stored in `audit_log.action` (and in `plan_versions.change` for changes of a
//! family plan). The column stays text, so rows written before this enum existed still read.
//!
//! Adding an action: a variant here (with its code), and a sentence for Mijn Buurtteam's
//! access log in both catalogues of `web` (`audit-<code with dashes>`); a test there fails
//! while either is missing.

use std::str::FromStr;

/// Declares the actions: the enum, their stored codes and parsing.
macro_rules! audit_actions {
    ($($(#[$doc:meta])* $variant:ident = $code:literal,)+) => {
        /// One kind of event in the audit log.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum AuditAction { $($(#[$doc])* $variant),+ }

        impl AuditAction {
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The stable dotted code, as stored, e.g. `case.intake_held`.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $code),+ }
            }

            /// The action of a stored code; `None` for a code this version does not know
            /// (written by another version): callers keep the raw string then.
            pub fn parse(code: &str) -> Option<Self> {
                match code { $($code => Some(Self::$variant),)+ _ => None }
            }
        }
    };
}

audit_actions!(
    // The case and its contacts.
    CaseReferred = "case.referred",
    /// A case file read.
    CaseRead = "case.read",
    /// A list of cases read (worklist, waiting list, search).
    CaseList = "case.list",
    CaseIntakeHeld = "case.intake_held",
    CaseSupportStarted = "case.support_started",
    CaseClosed = "case.closed",
    /// A worker picked up a new referral nobody carried yet.
    CaseClaimed = "case.claimed",
    /// A team manager gave a case to a worker.
    CaseAssigned = "case.assigned",
    /// A wrongly recorded intake, start or closure date put right, with a reason.
    CaseCorrected = "case.corrected",
    /// A closed case opened again by the team manager, with a reason.
    CaseReopened = "case.reopened",
    /// A referral registered by mistake voided by the team manager, with a reason: it stays
    /// readable ("Vervallen") but leaves every list and figure.
    CaseVoided = "case.voided",
    /// Emergency access to a case of another team granted, with the reason in the detail
    /// (decision 0023).
    CaseEmergencyAccessGranted = "case.emergency_access_granted",
    /// A read of a case file (its case, household, contacts or plan) under an emergency grant:
    /// one row beside the read's own, with the grant in the detail.
    CaseEmergencyRead = "case.emergency_read",
    ContactRecorded = "contact.recorded",
    ContactList = "contact.list",
    // Households.
    HouseholdCreated = "household.created",
    HouseholdRead = "household.read",
    HouseholdSearch = "household.search",
    /// How to reach a member changed (phone numbers, e-mail).
    HouseholdUpdated = "household.updated",
    /// Two records of one household merged: members and cases moved to the surviving one (a
    /// row on each household, and one on each case that moved).
    HouseholdMerged = "household.merged",
    // The family plan.
    PlanRead = "plan.read",
    PlanHistoryRead = "plan.history_read",
    PlanAgreed = "plan.agreed",
    GoalAdded = "goal.added",
    /// A household member was made a client of the case from the plan ("Ook cliënt maken").
    CaseClientAdded = "case.client_added",
    GoalChanged = "goal.changed",
    /// Only whether the goal is shared with the family changed.
    GoalSharingChanged = "goal.sharing_changed",
    GoalScored = "goal.scored",
    GoalCommented = "goal.commented",
    GoalChangeProposed = "goal.change_proposed",
    GoalProposalAccepted = "goal.proposal_accepted",
    GoalProposalDeclined = "goal.proposal_declined",
    ActionAdded = "action.added",
    ActionDone = "action.done",
    ActionReopened = "action.reopened",
    EvaluationRecorded = "evaluation.recorded",
    AppointmentPlanned = "appointment.planned",
    WorkingNoteAdded = "working_note.added",
    WorkingNotesRead = "working_notes.read",
    NetworkInvited = "network.invited",
    NetworkRevoked = "network.revoked",
    /// The access log of a case read (by a team manager or a family member).
    AccessLogRead = "access_log.read",
    /// The log exported in the form of the Logboek Dataverwerkingen (decision 0027).
    LdvExported = "ldv.exported",
    /// The half-yearly delivery file for CBS (Beleidsinformatie Jeugd, decision 0042) made:
    /// the half year and the number of trajectories, never a person.
    CbsExported = "cbs.exported",
    // Mijn Buurtteam.
    PortalInvited = "portal.invited",
    PortalActivated = "portal.activated",
    PortalActivationFailed = "portal.activation_failed",
    /// A household or network member downloaded their own data (inzage, as JSON or PDF).
    PortalExported = "portal.exported",
    /// Staff produced the export of one household member for a written request (inzage), with
    /// the date the request was received; the row names the member, never the content.
    CaseInzageProduced = "case.inzage_produced",
    // Accounts.
    AuthLogin = "auth.login",
    /// The password was right; the second factor is still to come.
    AuthPasswordAccepted = "auth.password_accepted",
    AuthLoginFailed = "auth.login_failed",
    AuthLoginRefusedLocked = "auth.login_refused_locked",
    AuthPasswordChanged = "auth.password_changed",
    AuthRecoveryCodeUsed = "auth.recovery_code_used",
    AuthSecondFactorEnabled = "auth.second_factor_enabled",
    AuthSecondFactorDisabled = "auth.second_factor_disabled",
    // The organisation.
    DistrictCreated = "district.created",
    TeamCreated = "team.created",
    /// A team's contact details (phone, e-mail) changed.
    TeamChanged = "team.changed",
    UserCreated = "user.created",
    /// A staff account's name, role, teams or contract hours changed by an admin.
    UserChanged = "user.changed",
    /// A staff account deactivated (its sessions ended) or made active again.
    UserDeactivated = "user.deactivated",
    UserReactivated = "user.reactivated",
    /// An admin cleared the lock-out of a staff account.
    UserUnlocked = "user.unlocked",
    /// An admin cleared a staff account's second factor (TOTP and recovery codes).
    UserSecondFactorReset = "user.second_factor_reset",
    /// An admin issued a one-time activation code for a staff account (never the code itself).
    UserActivationCodeIssued = "user.activation_code_issued",
    /// A member of staff set their password with an activation code.
    UserActivated = "user.activated",
    /// A refused staff activation (unknown, used or expired code, or another address).
    UserActivationFailed = "user.activation_failed",
    ClosureDayAdded = "closure_day.added",
    ClosureDayRemoved = "closure_day.removed",
    /// A district renamed or ended (or its end undone).
    DistrictChanged = "district.changed",
    NeighbourhoodCreated = "neighbourhood.created",
    /// A neighbourhood renamed, ended, or its postcode areas changed.
    NeighbourhoodChanged = "neighbourhood.changed",
    /// The organisation's own wording of a code list's label set or cleared.
    CodeLabelChanged = "code_label.changed",
    /// The texts of a processing activity of the register changed (purpose, legal basis,
    /// retention ...), a new version of it.
    ProcessingActivityChanged = "processing_activity.changed",
    // The privacy officer.
    /// An emergency access reviewed: justified or not, with a note.
    EmergencyAccessReviewed = "emergency_access.reviewed",
    /// A report of unusual access reviewed: justified or not, with a note.
    UnusualAccessReviewed = "unusual_access.reviewed",
    // Steering figures.
    KpiRead = "kpi.read",
    PopulationImported = "population.imported",
    /// Experience survey results read (aggregates, suppressed; decision 0031).
    SurveyResultsRead = "survey_results.read",
    /// A team's open survey answers read by its team manager (no date, moment or family).
    SurveyOpenAnswersRead = "survey_open_answers.read",
    // Refused attempts, one per kind of thing attempted (`store::audit::Refused`).
    CaseAccessRefused = "case.access_refused",
    HouseholdAccessRefused = "household.access_refused",
    TeamAccessRefused = "team.access_refused",
    KpiAccessRefused = "kpi.access_refused",
    OrganisationAccessRefused = "organisation.access_refused",
    /// A form without the session's CSRF token, or a state change from another site.
    FormAccessRefused = "form.access_refused",
    // Retention and destruction (decision 0024). No detail holds personal data.
    /// A file destroyed (by the retention job or on request): the row the tombstone keeps.
    CaseDestroyed = "case.destroyed",
    /// Part of a file destroyed on request (working notes, contact summaries, appointments).
    CasePartiallyDestroyed = "case.partially_destroyed",
    /// A written request to destroy a file registered, with its deadline.
    DestructionRequested = "destruction.requested",
    /// The privacy officer decided a request (granted, partly, or refused with a ground).
    DestructionDecided = "destruction.decided",
    /// A legal hold placed on a file: it is kept past its retention date.
    LegalHoldPlaced = "legal_hold.placed",
    LegalHoldLifted = "legal_hold.lifted",
    // Group support (issue 19).
    /// Whether group support was considered in a case recorded (and why it is not used), with
    /// the record before and after in the detail: the history of the plan's group section.
    CaseGroupSupportRecorded = "case.group_support_recorded",
    /// A meeting of the collective approach recorded in a district (counts, never names).
    CollectiveActivityRecorded = "collective_activity.recorded",
    /// The collective activities of districts read.
    CollectiveActivitiesRead = "collective_activity.list",
    // The system.
    /// A retried request answered from its idempotency key instead of being done again.
    RequestReplayed = "request.replayed",
    /// A synthetic organisation generated (`buurtteam generate`).
    SynthGenerated = "synth.generated",
    // Group support (issue 19).
    /// A group offer created (or its status changed: `group.changed`).
    GroupCreated = "group.created",
    GroupChanged = "group.changed",
    GroupSessionAdded = "group.session_added",
    /// A participant enrolled (a client from their case: a row on the case too), or put on the
    /// waiting list (`"waiting": true` in the detail).
    GroupParticipantEnrolled = "group.participant_enrolled",
    /// A participant left, with a reason; the first on the waiting list may move up.
    GroupParticipantLeft = "group.participant_left",
    /// A participant moved up from the waiting list.
    GroupParticipantMovedUp = "group.participant_moved_up",
    GroupAttendanceRecorded = "group.attendance_recorded",
    /// The participants (and waiting list) of a group read.
    GroupParticipantsRead = "group.participants_read",
    // The experience survey (decision 0030). No row ever names what was answered, and a
    // response that comes in through a code or the portal has no row at all.
    /// A person of a case invited for the survey (by a worker, or by the job), with the moment.
    SurveyInvited = "survey.invited",
    /// An open invitation reminded once (by the job).
    SurveyReminded = "survey.reminded",
    /// A worker printed the letter with the code again.
    SurveyLetterPrinted = "survey.letter_printed",
    /// A paper response typed in by staff: the team only, never the case or the invitation.
    SurveyPaperEntered = "survey.paper_entered",
    /// An admin saved a new version of the questionnaire.
    SurveyQuestionnaireChanged = "survey.questionnaire_changed",
    // Complaints (decision 0032).
    /// A complaint registered by staff on a case.
    ComplaintRegistered = "complaint.registered",
    /// A complaint submitted by a family member in Mijn Buurtteam.
    ComplaintSubmitted = "complaint.submitted",
    /// A complaint read (its steps; the notes only by team managers).
    ComplaintRead = "complaint.read",
    /// A list of complaints read (the team manager's list, the portal's).
    ComplaintList = "complaint.list",
    ComplaintStepRecorded = "complaint.step_recorded",
    /// The decision put off by four weeks, with notice to the complainant.
    ComplaintExtended = "complaint.extended",
    /// What the team learned from a complaint written down.
    ComplaintLessonsRecorded = "complaint.lessons_recorded",
    // Outreach campaigns, signals and the work basket (issue 16, decision 0033).
    CampaignCreated = "campaign.created",
    /// Name, period, approaches, workers, help offered changed, or the campaign closed.
    CampaignChanged = "campaign.changed",
    /// A signal file imported (the counts; never the rows).
    CampaignSignalsImported = "campaign.signals_imported",
    /// The work basket read: addresses and the signals behind them.
    CampaignBasketRead = "campaign.basket_read",
    /// One address of a campaign read with its signals.
    CampaignAddressRead = "campaign_address.read",
    /// Addresses assigned or reassigned to an outreach worker.
    CampaignAddressAssigned = "campaign_address.assigned",
    /// The organisation's weighing of the work basket changed.
    OutreachWeighingChanged = "outreach.weighing_changed",
    // Outreach attempts and the retention of signals (issue 16, decision 0034).
    /// An attempt to reach a campaign address recorded (an accepted offer also writes
    /// `case.referred` for the referral it creates).
    OutreachAttemptRecorded = "outreach.attempt_recorded",
    /// The signal data of an address that did not become a client destroyed after the term.
    OutreachSignalsDestroyed = "outreach.signals_destroyed",
    // Handing cases over (issue 20, decision 0037).
    /// The team manager handed a case to another worker of its team (one, or many at once).
    CaseHandedOver = "case.handed_over",
    /// A case transferred to another team (the household moved): the old team loses access.
    CaseTransferred = "case.transferred",
    /// A stand-in (waarnemer) set on a case for a period.
    CaseStandInSet = "case.stand_in_set",
    // The knowledge base (decision 0035). Reading an article is not logged: it holds no
    // personal data.
    /// A knowledge base article written (imported, or created on the page or the API).
    KnowledgeArticleCreated = "knowledge.article_created",
    /// A knowledge base article changed: a new version.
    KnowledgeArticleChanged = "knowledge.article_changed",
    // Staff absence (decision 0036): never a reason, so never in the detail either.
    /// An absence spell of a staff member recorded (HR or their team manager).
    AbsenceRecorded = "absence.recorded",
    /// An absence spell changed: its end, expected return or percentage.
    AbsenceChanged = "absence.changed",
    /// A staff member's absence spells read.
    AbsencesRead = "absence.read",
    // Partners and the social map (issue 15, decision 0039). Reading is not logged: the
    // social map holds no personal data of clients.
    /// A partner organisation created.
    PartnerCreated = "partner.created",
    /// A partner's contact details, districts or end changed.
    PartnerChanged = "partner.changed",
    /// A GP practice's change of collaboration status recorded.
    PartnerGpStatusRecorded = "partner.gp_status_recorded",
    /// Family workers linked to a partner, or their links ended.
    PartnerWorkersChanged = "partner.workers_changed",
    // Onward referrals (issue 15 part 2, decision 0040): on a case, so logged as its writes.
    /// An onward referral of the case to a partner recorded.
    OnwardReferralRecorded = "onward_referral.recorded",
    /// An onward referral's start, end or outcome changed.
    OnwardReferralChanged = "onward_referral.changed",
    /// The onward referrals of a case read.
    OnwardReferralList = "onward_referral.list",
    // Referrals from partners (issue 15 part 3, decision 0041).
    /// A partner organisation's account submitted a referral (a new household and case).
    PartnerReferralSubmitted = "partner_referral.submitted",
    /// A partner organisation's account read the status of its referrals.
    PartnerReferralsListed = "partner_referral.list",
);

impl AuditAction {
    /// Whether this is a refused attempt (`<kind>.access_refused`).
    pub fn is_refusal(self) -> bool {
        matches!(
            self,
            Self::CaseAccessRefused
                | Self::HouseholdAccessRefused
                | Self::TeamAccessRefused
                | Self::KpiAccessRefused
                | Self::OrganisationAccessRefused
                | Self::FormAccessRefused
        )
    }

    /// Whether this is a change made in the administration (functioneel beheer): shown in the
    /// admin log (`GET /api/v1/admin/audit`, `/admin/audit`). Its row's `detail` holds
    /// `{"before": {..}, "after": {..}}` with the fields that changed (`before` is `null` for
    /// something created, `after` for something removed), and never client data.
    pub fn is_admin_change(self) -> bool {
        matches!(
            self,
            Self::DistrictCreated
                | Self::DistrictChanged
                | Self::NeighbourhoodCreated
                | Self::NeighbourhoodChanged
                | Self::CodeLabelChanged
                | Self::ProcessingActivityChanged
                | Self::TeamCreated
                | Self::TeamChanged
                | Self::UserCreated
                | Self::UserChanged
                | Self::UserDeactivated
                | Self::UserReactivated
                | Self::UserUnlocked
                | Self::UserSecondFactorReset
                | Self::UserActivationCodeIssued
                | Self::ClosureDayAdded
                | Self::ClosureDayRemoved
                | Self::PopulationImported
                | Self::SurveyQuestionnaireChanged
        )
    }

    /// Whether this action changes the family plan, and so is recorded as one of its versions
    /// (`plan_versions.change`, shown in the plan's history).
    pub fn is_plan_change(self) -> bool {
        matches!(
            self,
            Self::GoalAdded
                | Self::GoalChanged
                | Self::GoalSharingChanged
                | Self::GoalScored
                | Self::GoalProposalAccepted
                | Self::ActionAdded
                | Self::ActionDone
                | Self::ActionReopened
                | Self::EvaluationRecorded
                | Self::NetworkInvited
                | Self::NetworkRevoked
        )
    }

    /// How a family member sees this action in Mijn Buurtteam's access log ("who looked at my
    /// file"), as the code the portal API gives it: `None` for refused attempts, which are
    /// never shown there. Working notes are not even hinted at: their reads and writes show as
    /// the file being read (`file.read`) or updated (`file.updated`), which is what they are.
    pub fn portal_code(self) -> Option<&'static str> {
        match self {
            a if a.is_refusal() => None,
            Self::WorkingNotesRead => Some("file.read"),
            Self::WorkingNoteAdded => Some("file.updated"),
            a => Some(a.as_str()),
        }
    }
}

/// The code a family member sees for a stored action in Mijn Buurtteam's access log, or
/// `None` when the row is not shown there ([`AuditAction::portal_code`]). A code this version
/// does not know (written by another version) shows as stored, unless it names a refusal: the
/// family still sees that someone did something, and the page says so in general words.
pub fn portal_code(stored: &str) -> Option<&str> {
    match AuditAction::parse(stored) {
        Some(action) => action.portal_code(),
        None if stored.ends_with("access_refused") => None,
        None => Some(stored),
    }
}

impl std::fmt::Display for AuditAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A stored code that no variant has.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown audit action {0:?}")]
pub struct UnknownAction(pub String);

impl FromStr for AuditAction {
    type Err = UnknownAction;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s).ok_or_else(|| UnknownAction(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_as_its_action_and_codes_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for &a in AuditAction::ALL {
            assert!(seen.insert(a.as_str()), "{} twice", a.as_str());
            assert_eq!(AuditAction::parse(a.as_str()), Some(a));
            assert_eq!(a.as_str().parse::<AuditAction>(), Ok(a));
            assert_eq!(a.to_string(), a.as_str());
            // Dotted snake_case, the shape the catalogue keys are derived from.
            let (object, verb) = a.as_str().split_once('.').expect("dotted");
            for part in [object, verb] {
                assert!(!part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{a}");
            }
        }
    }

    #[test]
    fn an_unknown_code_is_an_error_not_a_panic() {
        assert_eq!(AuditAction::parse("goal.archived"), None);
        assert_eq!("".parse::<AuditAction>(), Err(UnknownAction(String::new())));
        assert_eq!(AuditAction::parse("Case.Read"), None);
    }

    #[test]
    fn refusals_are_hidden_from_the_family_and_working_notes_disguised() {
        let refusals: Vec<_> = AuditAction::ALL.iter().filter(|a| a.is_refusal()).collect();
        assert_eq!(
            refusals.iter().map(|a| a.as_str()).collect::<Vec<_>>(),
            [
                "case.access_refused",
                "household.access_refused",
                "team.access_refused",
                "kpi.access_refused",
                "organisation.access_refused",
                "form.access_refused"
            ]
        );
        for a in AuditAction::ALL {
            assert_eq!(a.is_refusal(), a.as_str().ends_with(".access_refused"), "{a}");
            assert_eq!(a.portal_code().is_none(), a.is_refusal(), "{a}");
            assert!(!a.portal_code().unwrap_or_default().contains("working_note"), "{a}");
        }
        assert_eq!(AuditAction::WorkingNotesRead.portal_code(), Some("file.read"));
        assert_eq!(AuditAction::WorkingNoteAdded.portal_code(), Some("file.updated"));
        assert_eq!(AuditAction::PlanRead.portal_code(), Some("plan.read"));
        assert_eq!(portal_code("working_notes.read"), Some("file.read"));
        assert_eq!(portal_code("case.access_refused"), None);
        // Codes this version does not know.
        assert_eq!(portal_code("goal.archived"), Some("goal.archived"));
        assert_eq!(portal_code("school.access_refused"), None);
        // Written by earlier versions, which logged the plan's refusals on their own.
        assert_eq!(portal_code("plan.access_refused"), None);
    }
}
