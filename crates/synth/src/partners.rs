//! Partners and the social map in the synthetic city (issue 15), calibrated to the seeds:
//! - per district GP practices, primary and secondary schools, early-education (VE) locations
//!   and a welfare organisation, with fictitious names; city-wide the specialist youth care
//!   organisations the seeds name (KOOS, Spoor030, Yeph), the safety team EVU, debt services,
//!   adult mental health, Work & Income, youth health care and a vocational school;
//! - GP practices' collaboration over time: at the end of 2021 a quarter `started` and another
//!   quarter `in_talks`; by the end of 2024 80% `started` or `alternative_agreement` (the seeds:
//!   "in 2021 a quarter of practices worked with the team, another quarter was in talks ... 80%
//!   was reached by 2024");
//! - a kernpartner (a family worker of the district) for every VE location, most schools, and
//!   each practice from the day it started.
//!
//! Each practice's place in the order of joining is a shuffled index, so the shares are exact
//! for any number of practices (up to rounding). Changes after `today` are not written.
//! Same seed, same data. See docs/calibration.md.

use buurtteam_domain::codes::Role;
use buurtteam_domain::ids::{DistrictId, PartnerId, UserId};
use buurtteam_domain::partners::{GpStatus, PartnerKind, status_on};
use buurtteam_store::partners::{self as store, PartnerFields};
use buurtteam_store::{Db, StoreError, Tx, organisation};
use jiff::Timestamp;
use jiff::civil::{Date, date};
use rand::rngs::ChaCha8Rng;
use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};

use crate::model::{Rng, pick};
use crate::names;

/// Per district: GP practices, primary schools, secondary schools, VE locations.
pub const GP_PRACTICES_PER_DISTRICT: usize = 8;
const PRIMARY_SCHOOLS: usize = 5;
const SECONDARY_SCHOOLS: usize = 2;
const VE_LOCATIONS: usize = 3;
/// The share of schools with a kernpartner (every VE location has one).
const SCHOOLS_LINKED: f64 = 0.8;

const SCHOOL_NAMES: &[&str] = &[
    "De Regenboog",
    "Het Zonnewiel",
    "De Vlinderboom",
    "De Klimop",
    "Het Kompas",
    "De Wilgenhof",
    "De Sterrenwacht",
    "Het Mozaïek",
    "De Boomgaard",
    "De Horizon",
    "Het Anker",
    "De Zevensprong",
    "De Lindeboom",
    "Het Palet",
];
const CITY_WIDE: &[(PartnerKind, &str)] = &[
    (PartnerKind::SpecialistYouthCare, "KOOS"),
    (PartnerKind::SpecialistYouthCare, "Spoor030"),
    (PartnerKind::SpecialistYouthCare, "Yeph"),
    (PartnerKind::SafetyTeam, "Expertiseteam Vrijwillig Uitvoeren (EVU)"),
    (PartnerKind::DebtServices, "Schuldhulpverlening Buurtstad"),
    (PartnerKind::AdultMentalHealth, "Ggz-team Volwassenen Buurtstad"),
    (PartnerKind::WorkAndIncome, "Werk en Inkomen Buurtstad"),
    (PartnerKind::YouthHealthCare, "Jeugdgezondheidszorg Buurtstad"),
    (PartnerKind::VocationalSchool, "ROC Buurtstad"),
    (PartnerKind::SpecialEducation, "Mytylschool De Brug"),
];

/// What was made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Made {
    pub partners: usize,
    pub gp_status_changes: usize,
    pub worker_links: usize,
}

fn day_in(rng: &mut Rng, year: i16, from_month: i8, to_month: i8) -> Date {
    date(year, rng.random_range(from_month..=to_month), rng.random_range(1..=28))
}

/// The status history of the practice at fraction `f` of the order of joining (0 joins first).
fn gp_history(rng: &mut Rng, f: f64) -> Vec<(Date, GpStatus)> {
    let mut h = vec![(day_in(rng, 2019, 1, 6), GpStatus::None)];
    if f < 0.25 {
        // Started in 2021 (the seeds' first quarter).
        h.push((day_in(rng, 2020, 3, 10), GpStatus::InTalks));
        h.push((day_in(rng, 2021, 1, 11), GpStatus::Started));
    } else if f < 0.5 {
        // In talks at the end of 2021, started in 2022 or 2023.
        h.push((day_in(rng, 2021, 2, 11), GpStatus::InTalks));
        let year = 2022 + rng.random_range(0..2i16);
        h.push((day_in(rng, year, 1, 11), GpStatus::Started));
    } else if f < 0.8 {
        // Joined later; one in five with an alternative agreement instead.
        h.push((day_in(rng, 2022, 1, 11), GpStatus::InTalks));
        let status = if f < 0.74 { GpStatus::Started } else { GpStatus::AlternativeAgreement };
        let year = 2023 + rng.random_range(0..2i16);
        h.push((day_in(rng, year, 1, 11), status));
    } else if f < 0.9 {
        h.push((day_in(rng, 2024, 1, 11), GpStatus::InTalks));
    }
    h
}

/// Makes the partners, their GP status histories and worker links, up to `today`.
pub async fn generate(db: &Db, seed: u64, today: Date) -> Result<Made, StoreError> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x0015_9a27);
    let now = Timestamp::now();
    let mut tx = db.begin().await?;
    let districts = organisation::list_districts(&mut tx).await?;
    let teams = organisation::list_teams(&mut tx).await?;
    let mut workers: Vec<(DistrictId, Vec<UserId>)> = Vec::new();
    for t in &teams {
        let Some(d) = t.district_ids.first().copied().filter(|_| t.district_ids.len() == 1) else { continue };
        let staff = organisation::team_staff(&mut tx, t.id).await?;
        let fw: Vec<UserId> =
            staff.into_iter().filter(|(_, _, r)| *r == Role::FamilyWorker).map(|(u, _, _)| u).collect();
        match workers.iter_mut().find(|(x, _)| *x == d) {
            Some((_, w)) => w.extend(fw),
            None => workers.push((d, fw)),
        }
    }
    let mut made = Made::default();
    let Some(by) = workers.iter().flat_map(|(_, w)| w.first()).next().copied() else { return Ok(made) };
    let mut practices: Vec<PartnerId> = Vec::new();
    for d in districts.iter().filter(|d| d.ended_on.is_none()) {
        let (streets, _) = names::streets(&d.name);
        let district_workers: &[UserId] =
            workers.iter().find(|(x, _)| *x == d.id).map(|(_, w)| w.as_slice()).unwrap_or_default();
        let street = |rng: &mut Rng| if streets.is_empty() { "Hoofdstraat" } else { *pick(rng, streets) };
        let make = async |tx: &mut Tx, rng: &mut Rng, kind: PartnerKind, name: String| {
            let s = street(rng);
            let fields = PartnerFields {
                address: format!("{s} {}", rng.random_range(1..120)),
                phone: format!(
                    "030 {:03} {:02} {:02}",
                    rng.random_range(200..999),
                    rng.random_range(0..99),
                    rng.random_range(0..99)
                ),
                contact_person: format!("{} {}", pick(rng, names::GIVEN_NAMES_ADULT), pick(rng, names::FAMILY_NAMES)),
                name,
                ..Default::default()
            };
            store::insert(tx, kind, &fields, &[d.id], by, now).await
        };
        for _ in 0..GP_PRACTICES_PER_DISTRICT {
            let name = format!("Huisartsenpraktijk {} ({})", pick(&mut rng, names::FAMILY_NAMES), d.name);
            practices.push(make(&mut tx, &mut rng, PartnerKind::GpPractice, name).await?);
            made.partners += 1;
        }
        for (kind, n, prefix) in [
            (PartnerKind::PrimarySchool, PRIMARY_SCHOOLS, "Basisschool"),
            (PartnerKind::SecondarySchool, SECONDARY_SCHOOLS, "College"),
            (PartnerKind::EarlyEducation, VE_LOCATIONS, "Voorschool"),
        ] {
            for _ in 0..n {
                let name = format!("{prefix} {} {}", pick(&mut rng, SCHOOL_NAMES), d.name);
                let id = make(&mut tx, &mut rng, kind, name).await?;
                made.partners += 1;
                let linked = kind == PartnerKind::EarlyEducation || rng.random::<f64>() < SCHOOLS_LINKED;
                if linked && !district_workers.is_empty() {
                    let from = date(2022, 8, 29).min(today);
                    store::link_worker(&mut tx, id, *pick(&mut rng, district_workers), from, by, now).await?;
                    made.worker_links += 1;
                }
            }
        }
        make(&mut tx, &mut rng, PartnerKind::Community, format!("Welzijn {}", d.name)).await?;
        made.partners += 1;
    }
    let all: Vec<DistrictId> = districts.iter().filter(|d| d.ended_on.is_none()).map(|d| d.id).collect();
    for (kind, name) in CITY_WIDE {
        let fields = PartnerFields { name: (*name).to_owned(), ..Default::default() };
        store::insert(&mut tx, *kind, &fields, &all, by, now).await?;
        made.partners += 1;
    }
    // The order in which practices join: a shuffle, so that every district has early joiners.
    let mut order: Vec<usize> = (0..practices.len()).collect();
    order.shuffle(&mut rng);
    for (rank, i) in order.into_iter().enumerate() {
        let id = practices[i];
        let f = rank as f64 / practices.len() as f64;
        for (since, status) in gp_history(&mut rng, f) {
            if since > today {
                break;
            }
            store::record_gp_status(&mut tx, id, status, since, by, now).await?;
            made.gp_status_changes += 1;
            if status == GpStatus::Started {
                let p = store::get(&mut tx, id).await?;
                let district = p.and_then(|p| p.district_ids.first().copied());
                let w = district.and_then(|d| workers.iter().find(|(x, _)| *x == d)).map(|(_, w)| w.as_slice());
                if let Some(w) = w.filter(|w| !w.is_empty()) {
                    store::link_worker(&mut tx, id, *pick(&mut rng, w), since, by, now).await?;
                    made.worker_links += 1;
                }
            }
        }
    }
    tx.commit().await?;
    Ok(made)
}

/// Adds the partner rows to the calibration report: the GP practices' shares at the end of 2021
/// and 2024, read back by the domain's own `status_on`, and the VE locations with a worker.
pub async fn calibrate(db: &Db, report: &mut crate::calibration::Report) -> Result<(), StoreError> {
    use crate::calibration::Row;
    let mut tx = db.begin_read().await?;
    let filter = store::Filter { include_ended: true, ..Default::default() };
    let partners = store::list(&mut tx, &filter).await?;
    drop(tx);
    let gps: Vec<Vec<(Date, GpStatus)>> = partners
        .iter()
        .filter(|p| p.kind == PartnerKind::GpPractice)
        .map(|p| p.gp_history.iter().map(|c| (c.since, c.status)).collect())
        .collect();
    let share = |day: Date, ok: &dyn Fn(GpStatus) -> bool| {
        let n = gps.iter().filter(|h| status_on(h, day).is_some_and(ok)).count();
        (n as u64, gps.len() as u64)
    };
    let mut row = |measure: &str, target: &str, (part, whole): (u64, u64), ok: &dyn Fn(f64) -> bool| {
        let value = 100.0 * part as f64 / whole.max(1) as f64;
        report.rows.push(Row {
            measure: measure.to_owned(),
            target: target.to_owned(),
            generated: format!("{value:.1}% ({part} of {whole})"),
            ok: whole > 0 && ok(value),
        });
    };
    let end2021 = date(2021, 12, 31);
    let end2024 = date(2024, 12, 31);
    row(
        "GP practices started, end of 2021",
        "a quarter (25% ± 3)",
        share(end2021, &|s| s == GpStatus::Started),
        &|v| (v - 25.0).abs() <= 3.0,
    );
    row(
        "GP practices in talks, end of 2021",
        "another quarter (25% ± 3)",
        share(end2021, &|s| s == GpStatus::InTalks),
        &|v| (v - 25.0).abs() <= 3.0,
    );
    row(
        "GP practices started or alternative agreement, end of 2024",
        "80% ± 3",
        share(end2024, &|s: GpStatus| s.counts_as_collaborating()),
        &|v| (v - 80.0).abs() <= 3.0,
    );
    let ve: Vec<_> = partners.iter().filter(|p| p.kind == PartnerKind::EarlyEducation).collect();
    let linked = ve.iter().filter(|p| !p.workers.is_empty()).count();
    row("VE locations with a linked family worker", "every one (100%)", (linked as u64, ve.len() as u64), &|v| {
        v >= 100.0
    });
    Ok(())
}
