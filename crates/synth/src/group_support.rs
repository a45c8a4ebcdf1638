//! The synthetic city's group support side (issue 19, part G2): whether group support was
//! considered in the cases (with the reasons it is not used), and meetings of the collective
//! approach in every district. The groups themselves, their sessions and attendance are made
//! beside this. Run after the cases exist; same seed, same data.

use buurtteam_domain::codes::Role;
use buurtteam_domain::group_support::{NotUsedReason, Participants};
use buurtteam_domain::ids::{CaseId, DistrictId, TeamId, UserId};
use buurtteam_store::group_support::{self as store, Considered, NewCollectiveActivity};
use buurtteam_store::{Db, bulk, organisation};
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};

use crate::model::{pick, weighted};

/// Themes of the collective approach's meetings, in the teams' own words.
const THEMES: &[&str] = &[
    "Mentale gezondheid van jongeren",
    "Geldzorgen in het gezin",
    "Opvoeden in de pubertijd",
    "Scheiden en de kinderen",
    "De eerste 1000 dagen",
    "Pesten op school en online",
    "Veilig buitenspelen in de wijk",
];

const PARTNERS: &[&[&str]] = &[
    &["JGZ", "MO gemeente"],
    &["JGZ", "School"],
    &["MO gemeente", "Jongerenwerk"],
    &["JGZ", "MO gemeente", "Welzijnsorganisatie"],
    &["School", "Huisarts"],
];

/// Signals as teams write them: about the district, never about a named family.
const SIGNALS: &[&str] = &[
    "Ouders merken dat jongeren 's avonds weinig plek hebben om samen te komen.",
    "Meer vragen over schulden na de stijging van de energieprijzen.",
    "Jonge ouders voelen zich alleen en zoeken contact met andere ouders.",
    "Zorgen over somberheid bij jongeren in de onderbouw.",
    "Ouders willen meer weten over gamen en schermtijd.",
    "Scholen zien meer spanning thuis rond scheidingen.",
];

/// The reasons group support is not used, with their weights.
const REASONS: &[(NotUsedReason, f64)] = &[
    (NotUsedReason::NoSuitableGroup, 0.30),
    (NotUsedReason::FamilyDeclined, 0.25),
    (NotUsedReason::NotNeededNow, 0.25),
    (NotUsedReason::WaitingForAGroup, 0.12),
    (NotUsedReason::Other, 0.08),
];

/// What was made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Made {
    pub considered: usize,
    pub collective_activities: usize,
}

/// Records "considered" for most cases with an intake (a record some days after the intake,
/// not after `today` nor after closure), and one or two collective meetings a month in every
/// district over the year up to `today`.
pub async fn generate(db: &Db, seed: u64, today: Date) -> Result<Made, buurtteam_store::StoreError> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x0019_6a02);
    let now = Timestamp::now();
    let mut tx = db.begin().await?;
    let cases = bulk::case_facts(&mut tx).await?;
    let teams = organisation::list_teams(&mut tx).await?;
    let mut workers: Vec<(TeamId, UserId)> = Vec::new();
    for t in &teams {
        if let Some((u, _, _)) = organisation::team_staff(&mut tx, t.id)
            .await?
            .into_iter()
            .find(|(_, _, r)| matches!(r, Role::FamilyWorker | Role::TeamManager))
        {
            workers.push((t.id, u));
        }
    }
    let worker = |team: TeamId| workers.iter().find(|(t, _)| *t == team).map(|(_, u)| *u);
    let mut made = Made::default();
    for c in &cases {
        let Some(held) = c.intake_held_on.map(|d| d.to_jiff()) else { continue };
        let Some(by) = worker(TeamId(c.team_id)) else { continue };
        // Most teams ask it in the first weeks; some cases are not recorded (yet).
        if rng.random::<f64>() > 0.8 {
            continue;
        }
        let mut on = held.checked_add((rng.random_range(0..21i64)).days()).unwrap_or(held);
        if let Some(closed) = c.closed_on.map(|d| d.to_jiff()) {
            on = on.min(closed);
        }
        if on > today {
            continue;
        }
        let considered = rng.random::<f64>() < 0.75;
        let reason = considered.then(|| weighted(&mut rng, REASONS));
        let reason_text =
            if reason == Some(NotUsedReason::Other) { "Past niet bij de werktijden van de ouders." } else { "" };
        let record = Considered {
            considered,
            reason,
            reason_text: reason_text.to_owned(),
            recorded_on: on,
            recorded_by: by,
            recorded_at: now,
        };
        store::record_considered(&mut tx, CaseId(c.id), &record).await?;
        made.considered += 1;
    }
    let first = today.checked_sub(1.year()).unwrap_or(today);
    for t in teams.iter().filter(|t| t.district_ids.len() == 1) {
        let (Some(district), Some(by)) = (t.district_ids.first().copied(), worker(t.id)) else { continue };
        let mut day = first;
        while day <= today {
            let meetings = rng.random_range(0..3u32);
            for _ in 0..meetings {
                let held_on = day.checked_add(rng.random_range(0..28i64).days()).unwrap_or(day).min(today);
                let partners: Vec<String> = pick(&mut rng, PARTNERS).iter().map(|p| (*p).to_owned()).collect();
                let activity = NewCollectiveActivity {
                    team_id: t.id,
                    district_id: DistrictId(district.0),
                    held_on,
                    theme: pick::<&str>(&mut rng, THEMES),
                    partners: &partners,
                    participants: Participants {
                        parents: rng.random_range(4..25),
                        young_people: rng.random_range(0..15),
                        professionals: rng.random_range(2..9),
                    },
                    signals: pick::<&str>(&mut rng, SIGNALS),
                };
                store::insert_collective_activity(&mut tx, &activity, by, now).await?;
                made.collective_activities += 1;
            }
            day = day.checked_add(1.month()).unwrap_or(today.tomorrow().unwrap_or(today));
        }
    }
    tx.commit().await?;
    Ok(made)
}
