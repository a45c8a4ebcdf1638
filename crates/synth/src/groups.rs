//! Group offers of the synthetic city (issue 19; docs/calibration.md, "Groups"): in every
//! district a group on young people's mental health run by its first team and one on another
//! theme run by its second, with weekly sessions, clients of cases in support (and a few people
//! who are not clients) as participants, a waiting list where a group is full, and attendance
//! of the sessions that have taken place.

use buurtteam_domain::groups::{self as rules, GroupStatus, GroupTheme};
use buurtteam_domain::ids::{DistrictId, TeamId, UserId};
use buurtteam_domain::person::age_on;
use buurtteam_store::Db;
use buurtteam_store::groups::{self as store, NewGroup, NewParticipant};
use jiff::civil::{Date, time};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};

use crate::generate::GenerateError;
use crate::model::{Rng, pick};
use crate::names;

/// The share of placed participants present at a session that took place. The seeds give no
/// figure; 75% is the attendance that group work in youth care commonly reports.
pub const ATTENDANCE: f64 = 0.75;
/// Weekly sessions per group.
pub const SESSIONS: i64 = 8;

/// A district as the groups need it: its id and name, its two teams and their workers.
pub(crate) struct DistrictTeams {
    pub id: DistrictId,
    pub name: String,
    pub teams: [(TeamId, Vec<UserId>); 2],
}

/// What was made.
#[derive(Debug, Clone, Copy, Default)]
pub struct GroupsMade {
    pub groups: usize,
    pub sessions: usize,
    pub participants: usize,
    pub attendance: usize,
}

const OTHER_THEMES: [GroupTheme; 4] =
    [GroupTheme::Money, GroupTheme::Parenting, GroupTheme::Divorce, GroupTheme::First1000Days];

pub(crate) fn at_evening(d: Date) -> Timestamp {
    d.to_datetime(time(19, 0, 0, 0))
        .to_zoned(TimeZone::get("Europe/Amsterdam").unwrap_or(TimeZone::UTC))
        .map_or(Timestamp::UNIX_EPOCH, |z| z.timestamp())
}

pub(crate) async fn generate(
    db: &Db,
    districts: &[DistrictTeams],
    today: Date,
    seed: u64,
) -> Result<GroupsMade, GenerateError> {
    let mut rng: Rng = ChaCha8Rng::seed_from_u64(seed ^ 0x0006_7209_u64);
    let now = at_evening(today);
    let mut made = GroupsMade::default();
    let mut tx = db.begin().await?;
    for (k, d) in districts.iter().enumerate() {
        for (slot, (team, workers)) in d.teams.iter().enumerate() {
            let Some(creator) = workers.first().copied() else { continue };
            let (theme, name, ages, capacity, partner) = if slot == 0 {
                (
                    GroupTheme::YouthMentalHealth,
                    format!("Sterk in je hoofd {}", d.name),
                    (Some(12), Some(18)),
                    12,
                    "JGZ Utrecht",
                )
            } else {
                let theme = OTHER_THEMES[k % OTHER_THEMES.len()];
                let (name, ages, partner) = match theme {
                    GroupTheme::Money => ("Grip op je geld", (Some(18), None), "Schuldhulpverlening"),
                    GroupTheme::Parenting => ("Opvoeden doe je samen", (Some(18), None), "Bibliotheek"),
                    GroupTheme::Divorce => ("Kinderen in scheiding", (Some(8), Some(14)), "JGZ Utrecht"),
                    _ => ("Samen sterk de eerste 1000 dagen", (Some(16), None), "Verloskundigenpraktijk"),
                };
                (theme, format!("{name} {}", d.name), ages, 10, partner)
            };
            let new = NewGroup {
                team_id: *team,
                theme,
                name,
                target_group: String::new(),
                min_age: ages.0,
                max_age: ages.1,
                location: format!("Wijkcentrum {}", d.name),
                capacity,
                district_ids: vec![d.id],
                facilitator_ids: workers.iter().take(2).copied().collect(),
                partner_facilitators: vec![format!("{} ({partner})", pick(&mut rng, names::GIVEN_NAMES_ADULT))],
                created_by: creator,
            };
            let group = store::insert(&mut tx, &new, now).await?;
            made.groups += 1;
            // Every other group of the second slot is still planned; the others run: six weekly
            // sessions behind them, two to come.
            let running = slot == 0 || k % 2 == 0;
            let first = today.checked_add((if running { -42 } else { 14 }).days()).unwrap_or(today);
            let mut sessions = Vec::new();
            for week in 0..SESSIONS {
                let day = first.checked_add((week * 7).days()).unwrap_or(first);
                let id = store::insert_session(&mut tx, group, at_evening(day), &new.location, creator, now).await?;
                sessions.push((id, day));
                made.sessions += 1;
            }
            if running {
                store::set_status(&mut tx, group, GroupStatus::Running, now).await?;
            }
            // Clients of the team's cases in support whose age fits, 60–110% of the places,
            // and one to three people who are not clients.
            let candidates = store::clients_in_support(&mut tx, *team, 400).await?;
            let fits: Vec<_> = candidates
                .into_iter()
                .filter(|(_, _, born)| rules::age_fits(new.min_age, new.max_age, *born, today))
                .collect();
            let wanted = (capacity as f64 * rng.random_range(0.6..1.1)).round() as usize;
            let enrolled_on = first.checked_add((-7).days()).unwrap_or(first);
            let mut placed = Vec::new();
            let mut seen = std::collections::HashSet::new();
            let mut enrolled = 0;
            for (case, person, born) in fits {
                if enrolled >= wanted {
                    break;
                }
                if !seen.insert(person) || age_on(born, today) < 0 {
                    continue;
                }
                enrolled += 1;
                let waiting = rules::goes_on_waiting_list(placed.len() as i64, capacity);
                let p = NewParticipant {
                    group_id: group,
                    person_id: Some(person),
                    case_id: Some(case),
                    goal_id: None,
                    name: None,
                    waiting,
                    enrolled_on,
                    created_by: creator,
                };
                let id = store::insert_participant(&mut tx, &p, now).await?;
                made.participants += 1;
                if !waiting {
                    placed.push(id);
                }
            }
            for _ in 0..rng.random_range(1..=3) {
                let name =
                    format!("{} {}", pick(&mut rng, names::GIVEN_NAMES_ADULT), pick(&mut rng, names::FAMILY_NAMES));
                let waiting = rules::goes_on_waiting_list(placed.len() as i64, capacity);
                let p = NewParticipant {
                    group_id: group,
                    person_id: None,
                    case_id: None,
                    goal_id: None,
                    name: Some(name),
                    waiting,
                    enrolled_on,
                    created_by: creator,
                };
                let id = store::insert_participant(&mut tx, &p, now).await?;
                made.participants += 1;
                if !waiting {
                    placed.push(id);
                }
            }
            for (session, day) in sessions.iter().filter(|(_, day)| *day < today) {
                let marks: Vec<_> = placed.iter().map(|p| (*p, rng.random::<f64>() < ATTENDANCE)).collect();
                let anonymous = rng.random_range(0..=2);
                store::record_attendance(&mut tx, *session, &marks, anonymous, at_evening(*day)).await?;
                made.attendance += marks.len();
            }
        }
    }
    tx.commit().await?;
    Ok(made)
}
