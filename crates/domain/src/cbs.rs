//! CBS Beleidsinformatie Jeugd (issue 15; decision 0042): what a youth-care provider delivers
//! to CBS per trajectory each half year (Regeling Jeugdwet, bijlage 2, the "Informatieprotocol
//! Beleidsinformatie Jeugd"), mapped from our cases. A trajectory is one young person (a client
//! under 18 on the day support started) in one case whose support started; it runs from the
//! start of support to the closure.
//!
//! The mappings from our referral sources and closure details to the protocol's categories are
//! tables here, documented in docs/kpi.md ("CBS Beleidsinformatie Jeugd"): the organisation
//! checks them against the protocol version it delivers under before the first delivery.

use jiff::ToSpan;
use jiff::civil::{Date, date};

use crate::codes::{ClosureDetail, ReferralSource, code_list};

code_list!(
    /// The protocol's referrer (verwijzer) categories.
    CbsReferrer {
        MunicipalAccess = "gemeentelijke_toegang", "Gemeentelijke toegang";
        Gp = "huisarts", "Huisarts";
        YouthDoctor = "jeugdarts", "Jeugdarts";
        CertifiedInstitution = "gecertificeerde_instelling", "Gecertificeerde instelling";
        MedicalSpecialist = "medisch_specialist", "Medisch specialist";
        Justice = "justitie", "Rechter, Officier van Justitie of justitiële jeugdinrichting";
        NoReferrer = "geen_verwijzer", "Geen verwijzer";
    }
);

code_list!(
    /// The protocol's reason of ending (reden beëindiging).
    CbsEndReason {
        AsPlanned = "volgens_plan", "Beëindigd volgens plan";
        EarlyByClient = "voortijdig_eenzijdig_client", "Voortijdig afgesloten: eenzijdig door de cliënt";
        EarlyExternal = "voortijdig_externe_omstandigheden", "Voortijdig afgesloten: externe omstandigheden";
        Unknown = "onbekend", "Onbekend";
    }
);

/// The form of help of every trajectory of a neighbourhood team.
pub const HELP_FORM: &str = "jeugdhulp_zonder_verblijf_wijk_of_buurtteam";

/// Who referred, in the protocol's categories. The team itself is the municipal access, so a
/// family that came on its own, through outreach, a school or Veilig Thuis has no referrer in
/// the protocol's sense; the municipality's own referral is the municipal access.
pub fn referrer(source: ReferralSource) -> CbsReferrer {
    match source {
        ReferralSource::Gp => CbsReferrer::Gp,
        ReferralSource::YouthHealth => CbsReferrer::YouthDoctor,
        ReferralSource::Municipality => CbsReferrer::MunicipalAccess,
        ReferralSource::SelfReferral
        | ReferralSource::School
        | ReferralSource::SafeAtHome
        | ReferralSource::Outreach
        | ReferralSource::Other => CbsReferrer::NoReferrer,
    }
}

/// Why the trajectory ended, in the protocol's categories: a fitting result ended as planned;
/// moving, death and other external circumstances ended it early from outside; a family that
/// could no longer be reached, declined or lost trust ended it one-sidedly; "another reason"
/// says too little to choose and is delivered as unknown.
pub fn end_reason(detail: ClosureDetail) -> CbsEndReason {
    match detail {
        ClosureDetail::GoalsAchieved
        | ClosureDetail::NoHelpNeeded
        | ClosureDetail::ReferredOnward
        | ClosureDetail::SocialBase => CbsEndReason::AsPlanned,
        ClosureDetail::Moved | ClosureDetail::Deceased | ClosureDetail::OtherExternal => CbsEndReason::EarlyExternal,
        ClosureDetail::Unreachable | ClosureDetail::Declined | ClosureDetail::TrustBroken => {
            CbsEndReason::EarlyByClient
        }
        ClosureDetail::OtherReason => CbsEndReason::Unknown,
    }
}

/// A delivery half year: January-June (1) or July-December (2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HalfYear {
    pub year: i16,
    pub half: u8,
}

/// Why a half year cannot be delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HalfYearFault {
    /// Not of the form `2026-1` / `2026-2`.
    Malformed,
    /// The half year has not ended yet (its last day is today or later).
    NotEnded { last_day: Date },
}

impl HalfYear {
    /// Parses `2026-1` or `2026-2`; only a half year that ended before `today` is delivered.
    pub fn parse(text: &str, today: Date) -> Result<Self, HalfYearFault> {
        let (y, h) = text.trim().split_once('-').ok_or(HalfYearFault::Malformed)?;
        let year: i16 = y.parse().map_err(|_| HalfYearFault::Malformed)?;
        let half: u8 = h.parse().map_err(|_| HalfYearFault::Malformed)?;
        if !(2000..=2999).contains(&year) || !(1..=2).contains(&half) {
            return Err(HalfYearFault::Malformed);
        }
        let h = Self { year, half };
        if h.last_day() >= today {
            return Err(HalfYearFault::NotEnded { last_day: h.last_day() });
        }
        Ok(h)
    }

    pub fn first_day(self) -> Date {
        date(self.year, if self.half == 1 { 1 } else { 7 }, 1)
    }

    pub fn last_day(self) -> Date {
        if self.half == 1 { date(self.year, 6, 30) } else { date(self.year, 12, 31) }
    }
}

/// A client in a case whose support started, as the store reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrajectoryInput {
    pub bsn: Option<String>,
    pub birth_date: Date,
    pub postcode: String,
    pub source: ReferralSource,
    pub started_on: Date,
    pub closed_on: Option<Date>,
    pub closure_detail: Option<ClosureDetail>,
    /// The same person had a trajectory that ended before this one started.
    pub earlier_trajectory: bool,
}

/// One delivered trajectory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trajectory {
    pub bsn: Option<String>,
    pub birth_date: Date,
    /// The four digits (the protocol asks for the postcode area of residence).
    pub postcode_digits: String,
    pub referrer: CbsReferrer,
    /// `nieuw` or `herhaald` (a repeat: an earlier trajectory of the same person had ended).
    pub start_kind: &'static str,
    pub started_on: Date,
    /// Only when it ended within or before the half year.
    pub ended_on: Option<Date>,
    pub end_reason: Option<CbsEndReason>,
}

/// Whether a client born on `birth_date` is a young person (under 18) on `day`.
pub fn is_youth(birth_date: Date, day: Date) -> bool {
    birth_date.checked_add(18.years()).is_ok_and(|adult| day < adult)
}

/// The trajectories of `half` from the clients read: young people whose support ran during
/// the half year (started on or before its last day, not closed before its first).
pub fn trajectories(half: HalfYear, rows: &[TrajectoryInput]) -> Vec<Trajectory> {
    let (first, last) = (half.first_day(), half.last_day());
    rows.iter()
        .filter(|r| r.started_on <= last && r.closed_on.is_none_or(|c| c >= first))
        .filter(|r| is_youth(r.birth_date, r.started_on))
        .map(|r| {
            let ended = r.closed_on.filter(|c| *c <= last);
            Trajectory {
                bsn: r.bsn.clone(),
                birth_date: r.birth_date,
                postcode_digits: r.postcode.chars().filter(char::is_ascii_digit).take(4).collect(),
                referrer: referrer(r.source),
                start_kind: if r.earlier_trajectory { "herhaald" } else { "nieuw" },
                started_on: r.started_on,
                ended_on: ended,
                end_reason: ended.map(|_| r.closure_detail.map_or(CbsEndReason::Unknown, end_reason)),
            }
        })
        .collect()
}

/// The columns of the delivery file, in order. `geslacht` and `gestart_met_crisis` are part of
/// the protocol but not recorded by the teams: delivered empty (unknown), never guessed.
pub const COLUMNS: [&str; 12] = [
    "aanbieder",
    "bsn",
    "geboortedatum",
    "geslacht",
    "postcode",
    "verwijzer",
    "hulpvorm",
    "gestart_met_crisis",
    "soort_start",
    "datum_aanvang",
    "datum_einde",
    "reden_beeindiging",
];

impl Trajectory {
    /// The row of the delivery file for `provider` (the organisation's code), in [`COLUMNS`] order.
    pub fn fields(&self, provider: &str) -> [String; 12] {
        [
            provider.to_owned(),
            self.bsn.clone().unwrap_or_default(),
            self.birth_date.to_string(),
            String::new(),
            self.postcode_digits.clone(),
            self.referrer.code().to_owned(),
            HELP_FORM.to_owned(),
            String::new(),
            self.start_kind.to_owned(),
            self.started_on.to_string(),
            self.ended_on.map(|d| d.to_string()).unwrap_or_default(),
            self.end_reason.map(|r| r.code().to_owned()).unwrap_or_default(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(birth: Date, started: Date, closed: Option<Date>, detail: Option<ClosureDetail>) -> TrajectoryInput {
        TrajectoryInput {
            bsn: Some("111222333".into()),
            birth_date: birth,
            postcode: "3533 AB".into(),
            source: ReferralSource::Gp,
            started_on: started,
            closed_on: closed,
            closure_detail: detail,
            earlier_trajectory: false,
        }
    }

    #[test]
    fn a_half_year_is_delivered_only_once_it_has_ended() {
        let today = date(2026, 12, 3);
        assert_eq!(HalfYear::parse("2026-1", today), Ok(HalfYear { year: 2026, half: 1 }));
        assert_eq!(HalfYear::parse("2026-2", today), Err(HalfYearFault::NotEnded { last_day: date(2026, 12, 31) }));
        assert_eq!(HalfYear::parse("2026-3", today), Err(HalfYearFault::Malformed));
        assert_eq!(HalfYear::parse("H1 2026", today), Err(HalfYearFault::Malformed));
        assert_eq!(HalfYear::parse("2025-2", today).map(HalfYear::first_day), Ok(date(2025, 7, 1)));
    }

    #[test]
    fn every_closure_detail_and_source_maps_to_a_protocol_category() {
        for d in ClosureDetail::ALL {
            let r = end_reason(*d);
            // A fitting result is never reported as ended early, and the reverse.
            assert_eq!(
                r == CbsEndReason::AsPlanned,
                d.reason() == crate::codes::ClosureReason::ResultAchieved,
                "{d:?}"
            );
        }
        assert_eq!(referrer(ReferralSource::Gp), CbsReferrer::Gp);
        assert_eq!(referrer(ReferralSource::SelfReferral), CbsReferrer::NoReferrer);
        assert_eq!(ReferralSource::ALL.iter().map(|s| referrer(*s)).filter(|r| *r == CbsReferrer::Justice).count(), 0);
    }

    #[test]
    fn a_trajectory_is_a_young_persons_support_running_in_the_half_year() {
        let half = HalfYear { year: 2026, half: 1 };
        let rows = [
            // Ran through the half year, still open.
            row(date(2015, 5, 1), date(2025, 11, 3), None, None),
            // Closed in the half year: ended as planned.
            row(date(2012, 1, 9), date(2026, 2, 2), Some(date(2026, 6, 30)), Some(ClosureDetail::GoalsAchieved)),
            // Closed after it: delivered without an end.
            row(date(2012, 1, 9), date(2026, 2, 2), Some(date(2026, 7, 1)), Some(ClosureDetail::Moved)),
            // Closed before it, started after it: not in this half year.
            row(date(2012, 1, 9), date(2025, 2, 2), Some(date(2025, 12, 31)), Some(ClosureDetail::Declined)),
            row(date(2012, 1, 9), date(2026, 7, 1), None, None),
            // A parent, and a young person who turns 18 the day support started.
            row(date(1985, 3, 3), date(2026, 3, 3), None, None),
            row(date(2008, 3, 2), date(2026, 3, 2), None, None),
        ];
        let t = trajectories(half, &rows);
        assert_eq!(t.len(), 3);
        assert_eq!((t[0].ended_on, t[0].end_reason), (None, None));
        assert_eq!((t[1].ended_on, t[1].end_reason), (Some(date(2026, 6, 30)), Some(CbsEndReason::AsPlanned)));
        assert_eq!((t[2].ended_on, t[2].end_reason), (None, None));
        assert_eq!(t[0].postcode_digits, "3533");
        let f = t[1].fields("LKL01");
        assert_eq!(f.len(), COLUMNS.len());
        assert_eq!(
            f.join(";"),
            "LKL01;111222333;2012-01-09;;3533;huisarts;jeugdhulp_zonder_verblijf_wijk_of_buurtteam;;nieuw;2026-02-02;2026-06-30;volgens_plan"
        );
        assert!(is_youth(date(2008, 3, 3), date(2026, 3, 2)));
        assert!(!is_youth(date(2008, 3, 2), date(2026, 3, 2)));
    }
}
