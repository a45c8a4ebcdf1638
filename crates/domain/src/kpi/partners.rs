//! The partner figures of the KPIs (issue 15, decision 0039): GP practices by collaboration
//! status and the share that works with the team (`started` or `alternative_agreement`)
//! against the organisation's target, per district and for the scope; VE locations with a
//! linked family worker (kernpartner).
//!
//! These figures count organisations, not people: they are never suppressed. They are a
//! stock, taken on the period's last day: a practice counts when it had not ended by then,
//! with the status in force that day (`partners::status_on`; no status recorded yet counts
//! as `none`).

use jiff::civil::Date;
use serde::Serialize;

use super::pct;
use crate::ids::DistrictId;
use crate::partners::{GpStatus, PartnerKind, status_on};

/// The organisations' target share of GP practices working with the team, in percent: the
/// seeds' target for the end of 2021 (60%; 80% was reached by 2024).
pub const DEFAULT_GP_TARGET_PCT: f64 = 60.0;

/// A partner as the figures need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerRow {
    pub kind: PartnerKind,
    pub district_ids: Vec<DistrictId>,
    pub ended_on: Option<Date>,
    /// The GP status history, oldest first (empty for other kinds).
    pub gp_history: Vec<(Date, GpStatus)>,
    /// The worker links with their period.
    pub links: Vec<(Date, Option<Date>)>,
}

impl PartnerRow {
    /// Whether the partner is active on `day`: it had not ended on or before it.
    fn active_on(&self, day: Date) -> bool {
        self.ended_on.is_none_or(|e| e > day)
    }

    fn serves(&self, district: Option<DistrictId>) -> bool {
        district.is_none_or(|d| self.district_ids.contains(&d))
    }

    fn linked_on(&self, day: Date) -> bool {
        self.links.iter().any(|(from, until)| *from <= day && until.is_none_or(|u| u >= day))
    }
}

/// The rows the partner figures are computed from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PartnerInputs {
    /// The target share of GP practices working with the team, in percent.
    pub target_pct: f64,
    /// The district the scope covers (`None`: the whole city).
    pub district: Option<DistrictId>,
    /// The GP practices and VE locations serving the scope (ended ones included).
    pub partners: Vec<PartnerRow>,
}

/// GP practices of one cell by the status in force on the day.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct GpFigures {
    /// Active GP practices.
    pub practices: u64,
    pub none: u64,
    pub in_talks: u64,
    pub started: u64,
    pub alternative_agreement: u64,
    /// (`started` + `alternative_agreement`) / `practices`, 0-100, one decimal; `null`
    /// without practices.
    pub started_pct: Option<f64>,
    /// Whether `started_pct` is below the target; `null` without practices.
    pub below_target: Option<bool>,
}

/// One district's GP figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DistrictGp {
    pub district_id: i64,
    pub name: String,
    #[serde(flatten)]
    pub figures: GpFigures,
}

/// The partner part of the report, flattened into it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnersReport {
    /// The share of the scope's GP practices that work with the team (the issue's
    /// `gp_practices_started_pct`).
    pub gp_practices_started_pct: Option<f64>,
    /// The target it is measured against.
    pub gp_practices_target_pct: f64,
    /// The scope's practices by status (a practice serving two districts counts once).
    pub gp_practices: GpFigures,
    /// The same per district in the scope, by name.
    pub gp_practices_by_district: Vec<DistrictGp>,
    /// Active VE locations (early education) serving the scope.
    pub early_education_locations: u64,
    /// ... of which with a family worker linked on the day.
    pub early_education_locations_linked: u64,
    pub early_education_linked_pct: Option<f64>,
}

fn gp_figures<'a>(practices: impl Iterator<Item = &'a PartnerRow>, day: Date, target: f64) -> GpFigures {
    let mut f = GpFigures::default();
    for p in practices {
        f.practices += 1;
        match status_on(&p.gp_history, day).unwrap_or(GpStatus::None) {
            GpStatus::None => f.none += 1,
            GpStatus::InTalks => f.in_talks += 1,
            GpStatus::Started => f.started += 1,
            GpStatus::AlternativeAgreement => f.alternative_agreement += 1,
        }
    }
    f.started_pct = pct(f.started + f.alternative_agreement, f.practices);
    f.below_target = f.started_pct.map(|p| p < target);
    f
}

/// The partner figures on `day` (the period's last day) for the scope of `inputs`, with a
/// row per district of `districts` (those in the scope: the caller passes one for a team or
/// district, all for the city).
pub fn compute(inputs: &PartnerInputs, districts: &[(DistrictId, String)], day: Date) -> PartnersReport {
    let target = inputs.target_pct;
    let active = |kind: PartnerKind, district: Option<DistrictId>| {
        inputs.partners.iter().filter(move |p| p.kind == kind && p.active_on(day) && p.serves(district))
    };
    let whole = gp_figures(active(PartnerKind::GpPractice, inputs.district), day, target);
    let by_district = districts
        .iter()
        .filter(|(d, _)| inputs.district.is_none_or(|x| x == *d))
        .map(|(d, name)| DistrictGp {
            district_id: d.0,
            name: name.clone(),
            figures: gp_figures(active(PartnerKind::GpPractice, Some(*d)), day, target),
        })
        .collect();
    let locations = active(PartnerKind::EarlyEducation, inputs.district).count() as u64;
    let linked = active(PartnerKind::EarlyEducation, inputs.district).filter(|p| p.linked_on(day)).count() as u64;
    PartnersReport {
        gp_practices_started_pct: whole.started_pct,
        gp_practices_target_pct: target,
        gp_practices: whole,
        gp_practices_by_district: by_district,
        early_education_locations: locations,
        early_education_locations_linked: linked,
        early_education_linked_pct: pct(linked, locations),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn gp(districts: &[i64], ended_on: Option<Date>, history: &[(Date, GpStatus)]) -> PartnerRow {
        PartnerRow {
            kind: PartnerKind::GpPractice,
            district_ids: districts.iter().map(|d| DistrictId(*d)).collect(),
            ended_on,
            gp_history: history.to_vec(),
            links: Vec::new(),
        }
    }

    fn names() -> Vec<(DistrictId, String)> {
        vec![(DistrictId(1), "Zuidwest".into()), (DistrictId(2), "Overvecht".into())]
    }

    /// The worked example of docs/kpi.md: four practices, one serving both districts, one
    /// ended, one without any status; on 2021-12-31 and on 2024-12-31.
    fn city() -> PartnerInputs {
        use GpStatus::{AlternativeAgreement, InTalks, Started};
        PartnerInputs {
            target_pct: 60.0,
            district: None,
            partners: vec![
                gp(&[1], None, &[(date(2021, 3, 1), InTalks), (date(2021, 9, 1), Started)]),
                gp(&[1, 2], None, &[(date(2022, 5, 1), AlternativeAgreement)]),
                gp(&[2], None, &[]),
                gp(&[2], Some(date(2023, 1, 1)), &[(date(2020, 1, 1), Started)]),
            ],
        }
    }

    #[test]
    fn a_practice_counts_with_the_status_in_force_on_the_day_and_once_for_the_city() {
        let r = compute(&city(), &names(), date(2021, 12, 31));
        // Practices 1 (started), 2 (none yet), 3 (none) and 4 (started, not yet ended).
        assert_eq!(r.gp_practices.practices, 4);
        assert_eq!((r.gp_practices.started, r.gp_practices.none), (2, 2));
        assert_eq!(r.gp_practices_started_pct, Some(50.0));
        assert_eq!(r.gp_practices.below_target, Some(true));
        let zuidwest = &r.gp_practices_by_district[0].figures;
        assert_eq!((zuidwest.practices, zuidwest.started_pct), (2, Some(50.0)));
        let overvecht = &r.gp_practices_by_district[1].figures;
        assert_eq!((overvecht.practices, overvecht.started_pct), (3, Some(33.3)));
    }

    #[test]
    fn an_ended_practice_leaves_the_count_and_an_alternative_agreement_counts_as_working_together() {
        let r = compute(&city(), &names(), date(2024, 12, 31));
        assert_eq!(r.gp_practices.practices, 3);
        assert_eq!((r.gp_practices.started, r.gp_practices.alternative_agreement), (1, 1));
        assert_eq!(r.gp_practices_started_pct, Some(66.7));
        assert_eq!(r.gp_practices.below_target, Some(false));
        // The day a practice ends it no longer counts.
        let r = compute(&city(), &names(), date(2023, 1, 1));
        assert_eq!(r.gp_practices.practices, 3);
    }

    #[test]
    fn a_district_scope_counts_only_its_own_practices() {
        let inputs = PartnerInputs { district: Some(DistrictId(2)), ..city() };
        let r = compute(&inputs, &names(), date(2024, 12, 31));
        assert_eq!(r.gp_practices.practices, 2);
        assert_eq!(r.gp_practices_started_pct, Some(50.0));
        assert_eq!(r.gp_practices_by_district.len(), 1);
        assert_eq!(r.gp_practices_by_district[0].name, "Overvecht");
    }

    #[test]
    fn without_practices_the_share_is_null_not_zero() {
        let inputs = PartnerInputs { target_pct: 60.0, ..PartnerInputs::default() };
        let r = compute(&inputs, &[], date(2024, 12, 31));
        assert_eq!(r.gp_practices_started_pct, None);
        assert_eq!(r.gp_practices.below_target, None);
        assert_eq!(r.early_education_linked_pct, None);
    }

    #[test]
    fn a_ve_location_counts_as_linked_while_a_link_is_open_on_the_day() {
        let ve = |links: &[(Date, Option<Date>)]| PartnerRow {
            kind: PartnerKind::EarlyEducation,
            district_ids: vec![DistrictId(1)],
            ended_on: None,
            gp_history: Vec::new(),
            links: links.to_vec(),
        };
        let inputs = PartnerInputs {
            target_pct: 60.0,
            district: None,
            partners: vec![
                ve(&[(date(2024, 1, 1), None)]),
                ve(&[(date(2023, 1, 1), Some(date(2024, 6, 30)))]),
                ve(&[]),
            ],
        };
        let r = compute(&inputs, &names(), date(2024, 6, 30));
        assert_eq!((r.early_education_locations, r.early_education_locations_linked), (3, 2));
        let r = compute(&inputs, &names(), date(2024, 7, 1));
        assert_eq!(r.early_education_locations_linked, 1);
        assert_eq!(r.early_education_linked_pct, Some(33.3));
    }
}
