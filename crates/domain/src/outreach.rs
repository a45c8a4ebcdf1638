//! Outreach (issue 16): early signalling of payment arrears (vroegsignalering) and proactive
//! campaigns. The code lists are fixed by the API contract; the rules (CSV validation,
//! grouping, weighing, the attempt results, the funnel) live beside them.

use crate::codes::code_list;

code_list!(
    /// What a campaign is for.
    CampaignKind {
        PaymentArrears = "payment_arrears", "Vroegsignalering betalingsachterstanden";
        BenefitsScandal = "benefits_scandal", "Hersteloperatie toeslagen";
        Other = "other", "Andere campagne";
    }
);

code_list!(
    /// The kind of arrears a signal partner reports.
    ArrearsKind {
        Rent = "rent", "Huur";
        Energy = "energy", "Energie";
        Water = "water", "Water";
        HealthInsurance = "health_insurance", "Zorgverzekering";
        Other = "other", "Anders";
    }
);

code_list!(
    /// How a worker tries to reach an address.
    Approach {
        HouseVisit = "house_visit", "Huisbezoek";
        Phone = "phone", "Telefoon";
        Letter = "letter", "Brief";
        Flyer = "flyer", "Flyer";
        PhoneAndFlyer = "phone_and_flyer", "Telefoon en flyer";
        EMail = "e_mail", "E-mail";
    }
);

code_list!(
    /// The result of one attempt.
    AttemptResult {
        NotHome = "not_home", "Niet thuis";
        NoAnswer = "no_answer", "Geen gehoor";
        WrongNumber = "wrong_number", "Verkeerd nummer";
        Spoken = "spoken", "Gesproken";
        OfferMade = "offer_made", "Hulp aangeboden";
        Accepted = "accepted", "Hulp aangenomen";
        Declined = "declined", "Hulp afgeslagen";
        Unreachable = "unreachable", "Niet bereikbaar";
    }
);

code_list!(
    /// Why a household declined the help offered (the seeds' reasons).
    DeclineReason {
        Lawyer = "lawyer", "Al geholpen door een advocaat";
        TaxOfficeArrangement = "tax_office_arrangement", "Regeling met de Belastingdienst";
        NoQuestionAfterCompensation = "no_question_after_compensation", "Geen vraag meer na de compensatie";
        NoTrust = "no_trust", "Geen vertrouwen in instanties";
        AlreadyHelped = "already_helped", "Al geholpen";
        Other = "other", "Andere reden";
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for k in CampaignKind::ALL {
            assert_eq!(CampaignKind::parse(k.code()), Some(*k));
        }
        for r in AttemptResult::ALL {
            assert_eq!(AttemptResult::parse(r.code()), Some(*r));
        }
        assert_eq!(Approach::parse("e_mail"), Some(Approach::EMail));
        assert_eq!(DeclineReason::parse("nope"), None);
    }
}
