//! The closed code lists of the domain. Each code has one stable snake_case spelling
//! (used in the API and the database) and a Dutch label for the user interface.

/// Declares a code list: the enum, its stable codes, Dutch labels and parsing.
macro_rules! code_list {
    // With a Dutch label per code (shown where no catalogue text exists).
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $code:literal, $label:literal;)+ }) => {
        code_list!(@enum $(#[$doc])* $name { $($(#[$vdoc])* $variant = $code),+ });

        impl $name {
            /// The Dutch label shown to users.
            pub fn label_nl(self) -> &'static str {
                match self { $(Self::$variant => $label),+ }
            }
        }
    };
    // Codes only: their texts are in the message catalogues.
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        code_list!(@enum $(#[$doc])* $name { $($(#[$vdoc])* $variant = $code),+ });
    };
    (@enum $(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $code:literal),+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vdoc])* $variant),+ }

        impl $name {
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The stable code, as stored and as the API spells it.
            pub fn code(self) -> &'static str {
                match self { $(Self::$variant => $code),+ }
            }

            pub fn parse(code: &str) -> Option<Self> {
                match code { $($code => Some(Self::$variant),)+ _ => None }
            }

            /// The accepted codes, comma-separated, for error messages.
            pub fn accepted() -> String {
                Self::ALL.iter().map(|c| c.code()).collect::<Vec<_>>().join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}
code_list!(
    /// The role of an account. All but the last three are staff (`Role::is_staff`): family
    /// and network members are portal accounts of Mijn Buurtteam, created only by invitation;
    /// a partner is an account of a partner organisation (`users.partner_id`), created by an
    /// admin, that may only submit referrals and read their status (decision 0041).
    Role {
        FamilyWorker = "family_worker", "Gezinswerker";
        TeamManager = "team_manager", "Teammanager";
        Analyst = "analyst", "Analist";
        Admin = "admin", "Functioneel beheerder";
        // The privacy officer (functionaris gegevensbescherming): reviews emergency access and
        // unusual access, handles requests for destruction, watches the log's integrity. Sees
        // logs, never content.
        PrivacyOfficer = "privacy_officer", "Functionaris gegevensbescherming";
        // Human resources (personeelszaken): records contract hours and absence spells of every
        // staff member (issue 20), never a medical reason; sees no client data at all.
        Hr = "hr", "HR-adviseur";
        FamilyMember = "family_member", "Gezinslid";
        NetworkMember = "network_member", "Belangrijke ander";
        Partner = "partner", "Partnerorganisatie";
    }
);

impl Role {
    /// The staff roles, in the order of the access matrix.
    pub const STAFF: &'static [Self] =
        &[Self::FamilyWorker, Self::TeamManager, Self::Analyst, Self::Admin, Self::PrivacyOfficer, Self::Hr];

    /// Whether this is a staff account (not a portal or partner account).
    pub fn is_staff(self) -> bool {
        Self::STAFF.contains(&self)
    }

    /// The start page of an account of this role: staff the worklist, portal accounts Mijn
    /// Buurtteam, partner accounts their referrals.
    pub fn start_page(self) -> &'static str {
        match self {
            Self::Partner => "/partner",
            role if role.is_portal() => "/portal",
            _ => "/",
        }
    }

    /// Whether this is an account of Mijn Buurtteam (a household or network member).
    pub fn is_portal(self) -> bool {
        matches!(self, Self::FamilyMember | Self::NetworkMember)
    }
}

code_list!(
    /// The kind of team: a neighbourhood team belongs to a district; school teams work city-wide.
    TeamKind {
        Neighbourhood = "neighbourhood", "Buurtteam";
        SecondarySchool = "secondary_school", "Voortgezet-onderwijsteam";
        VocationalSchool = "vocational_school", "Mbo-team";
    }
);

code_list!(
    /// A person's place in the household.
    HouseholdRole {
        Parent = "parent", "Ouder";
        Child = "child", "Kind";
        Other = "other", "Ander gezinslid";
    }
);

code_list!(
    /// Who referred the family (aanmelder).
    ReferralSource {
        SelfReferral = "self", "Zelfmelder";
        Gp = "gp", "Huisarts";
        School = "school", "School / kernpartner";
        YouthHealth = "youth_health", "Jeugdgezondheidszorg";
        SafeAtHome = "safe_at_home", "Veilig Thuis";
        Municipality = "municipality", "Gemeente";
        Outreach = "outreach", "Outreachend / vroegsignalering";
        Other = "other", "Anders";
    }
);

code_list!(
    /// Who asked for an intake later than the 5-working-day norm.
    LaterIntakeRequestedBy {
        Referrer = "referrer", "Aanmelder";
        Family = "family", "Gezin";
    }
);

code_list!(
    /// Life domains (leefgebieden): the 13 of the Dutch self-sufficiency matrix plus three
    /// that youth and family work adds.
    LifeDomain {
        Finances = "finances", "Financiën";
        WorkEducation = "work_education", "Werk en opleiding";
        TimeUse = "time_use", "Tijdsbesteding";
        Housing = "housing", "Huisvesting";
        DomesticRelations = "domestic_relations", "Huiselijke relaties";
        MentalHealth = "mental_health", "Geestelijke gezondheid";
        PhysicalHealth = "physical_health", "Lichamelijke gezondheid";
        SubstanceUse = "substance_use", "Middelengebruik";
        BasicAdl = "basic_adl", "Basale ADL";
        InstrumentalAdl = "instrumental_adl", "Instrumentele ADL";
        SocialNetwork = "social_network", "Sociaal netwerk";
        SocialParticipation = "social_participation", "Maatschappelijke participatie";
        Justice = "justice", "Justitie";
        Parenting = "parenting", "Opvoeding";
        DevelopmentSchool = "development_school", "Ontwikkeling en school";
        Safety = "safety", "Veiligheid";
    }
);

code_list!(
    /// The form of a contact moment, chosen consciously per contact.
    ContactForm {
        HomeVisit = "home_visit", "Huisbezoek";
        Office = "office", "Op kantoor";
        School = "school", "Op school";
        GpPractice = "gp_practice", "Bij de huisartsenpraktijk";
        Phone = "phone", "Telefonisch";
        Video = "video", "Beeldbellen";
        Chat = "chat", "Chat";
        Group = "group", "Groep";
    }
);

code_list!(
    /// The three closure categories the half-year report uses.
    ClosureReason {
        ResultAchieved = "result_achieved", "Passend resultaat";
        ExternalCircumstances = "external_circumstances", "Externe omstandigheden";
        Other = "other", "Overige redenen";
    }
);

code_list!(
    /// The detail under a closure category. Each detail belongs to exactly one category.
    ClosureDetail {
        GoalsAchieved = "goals_achieved", "Doelen bereikt";
        NoHelpNeeded = "no_help_needed", "Geen hulp (meer) nodig";
        ReferredOnward = "referred_onward", "Verder geholpen door andere hulp";
        SocialBase = "social_base", "Verder in de sociale basis";
        Moved = "moved", "Verhuisd";
        Deceased = "deceased", "Overleden";
        OtherExternal = "other_external", "Andere externe omstandigheid";
        Unreachable = "unreachable", "Geen contact meer mogelijk";
        Declined = "declined", "Gezin wil geen hulp (meer)";
        TrustBroken = "trust_broken", "Vertrouwen in hulp verloren";
        OtherReason = "other_reason", "Andere reden";
    }
);

code_list!(
    /// Why a referral was voided (`domain::repair`), beside a free text.
    VoidReason {
        Duplicate = "duplicate", "Dubbel geregistreerd";
        WrongHousehold = "wrong_household", "Bij het verkeerde gezin of de verkeerde persoon";
        WrongTeam = "wrong_team", "Bij het verkeerde team geregistreerd";
        Test = "test", "Test of oefening";
        Other = "other", "Andere vergissing";
    }
);

impl ClosureDetail {
    /// The category this detail belongs to.
    pub fn reason(self) -> ClosureReason {
        match self {
            Self::GoalsAchieved | Self::NoHelpNeeded | Self::ReferredOnward | Self::SocialBase => {
                ClosureReason::ResultAchieved
            }
            Self::Moved | Self::Deceased | Self::OtherExternal => ClosureReason::ExternalCircumstances,
            Self::Unreachable | Self::Declined | Self::TrustBroken | Self::OtherReason => ClosureReason::Other,
        }
    }

    /// The details that belong to `reason`, for error messages and pickers.
    pub fn for_reason(reason: ClosureReason) -> Vec<Self> {
        Self::ALL.iter().copied().filter(|d| d.reason() == reason).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_match_serde() {
        for d in LifeDomain::ALL {
            assert_eq!(LifeDomain::parse(d.code()), Some(*d));
            assert_eq!(serde_json::to_string(d).ok(), Some(format!("\"{}\"", d.code())));
        }
        assert_eq!(LifeDomain::ALL.len(), 16);
        assert_eq!(ReferralSource::parse("self"), Some(ReferralSource::SelfReferral));
        assert_eq!(ReferralSource::parse("Self"), None);
    }

    #[test]
    fn every_closure_category_has_details() {
        for r in ClosureReason::ALL {
            assert!(!ClosureDetail::for_reason(*r).is_empty());
        }
    }
}

code_list!(
    /// The status of a goal of the family plan.
    GoalStatus {
        Open = "open", "Loopt";
        Achieved = "achieved", "Bereikt";
        Stopped = "stopped", "Gestopt";
    }
);

code_list!(
    /// Who carries out an action under a goal.
    Performer {
        FamilyMember = "family_member", "Gezinslid";
        NetworkMember = "network_member", "Belangrijke ander";
        FamilyWorker = "family_worker", "Gezinswerker";
        Partner = "partner", "Partnerorganisatie";
    }
);

code_list!(
    /// The state of a change to a goal proposed in the portal.
    ProposalStatus {
        Pending = "pending", "Wacht op de gezinswerker";
        Accepted = "accepted", "Overgenomen";
        Declined = "declined", "Niet overgenomen";
    }
);

// Retention and destruction (decision 0024).

code_list!(
    /// How much of a file a request for destruction asks to destroy (`domain::retention`).
    DestructionScope {
        Full = "full", "Het hele dossier";
        Partial = "partial", "Een deel: werkaantekeningen, verslagen van contacten en afspraken";
    }
);

code_list!(
    /// The privacy officer's decision on a request for destruction.
    DestructionOutcome {
        Granted = "granted", "Toegewezen";
        PartiallyGranted = "partially_granted", "Deels toegewezen";
        Refused = "refused", "Afgewezen";
    }
);

code_list!(
    /// Why a request for destruction is refused (Jeugdwet art. 7.3.9 lid 3).
    RefusalGround {
        OthersInterest = "others_interest", "Het belang van een ander weegt zwaarder";
        LegalDuty = "legal_duty", "Een wettelijke plicht om te bewaren";
    }
);

code_list!(
    /// Why a file was destroyed.
    DestructionReason {
        RetentionExpired = "retention_expired", "Bewaartermijn verstreken";
        Request = "request", "Op verzoek";
    }
);

code_list!(
    /// How the person asking for destruction relates to the file.
    RequesterRelation {
        Parent = "parent", "Ouder met gezag";
        YoungPerson = "young_person", "Jongere vanaf 12 jaar";
    }
);

/// For the code lists of other modules (`domain::groups`, `domain::outreach`), so every code
/// list has one shape.
pub(crate) use code_list;
