//! Staff absence in the synthetic city (issue 20; decision 0036): contract hours for every
//! staff member and a few absence spells, so that HR's start page and the team manager's view
//! are not empty: one running full-time, one partial (50%), one ended, and some short spells
//! in the past months. Full-time running spells stay out of the first two teams (those of
//! `teammanager1`), whose worklist the browser tests read. Never a reason.

use buurtteam_domain::absence::Spell;
use buurtteam_domain::codes::Role;
use buurtteam_domain::ids::TeamId;
use buurtteam_store::{Db, StoreError, absence, organisation, users};
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};

/// What was made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Made {
    /// Staff members given contract hours.
    pub people: usize,
    pub spells: usize,
}

/// Contract hours per week in hundredths: managers full-time, family workers a mix of
/// full-time and part-time (28.8 hours is four days of 7.2).
fn hours(role: Role, n: usize) -> i32 {
    match role {
        Role::TeamManager => 3600,
        Role::FamilyWorker => [3600, 2880, 3200, 2400, 3600][n % 5],
        _ => 3200,
    }
}

fn day(today: Date, days: i64) -> Date {
    today.checked_add(days.days()).unwrap_or(today)
}

pub async fn generate(db: &Db, seed: u64, today: Date) -> Result<Made, StoreError> {
    let now = Timestamp::now();
    let mut tx = db.begin().await?;
    let staff: Vec<_> =
        organisation::list_users(&mut tx).await?.into_iter().filter(|u| u.role.is_staff() && u.active).collect();
    let Some(hr) = staff.iter().find(|u| u.role == Role::Hr).map(|u| u.id) else {
        return Ok(Made::default());
    };
    let mut made = Made::default();
    for (n, u) in staff.iter().enumerate() {
        users::update(&mut tx, u.id, &u.name, u.role, Some(hours(u.role, n + seed as usize))).await?;
        made.people += 1;
    }
    let mut team_ids: Vec<TeamId> = staff.iter().flat_map(|u| u.team_ids.iter().copied()).collect();
    team_ids.sort_unstable_by_key(|t| t.0);
    team_ids.dedup();
    let first_two: Vec<TeamId> = team_ids.iter().take(2).copied().collect();
    let mut workers: Vec<_> = staff.iter().filter(|u| u.role == Role::FamilyWorker).collect();
    workers.sort_by_key(|u| u.id.0);
    let (first, others): (Vec<_>, Vec<_>) =
        workers.into_iter().partition(|u| u.team_ids.iter().any(|t| first_two.contains(t)));
    let spell = |from: i64, back: Option<i64>, until: Option<i64>, percentage: u8| Spell {
        starts_on: day(today, from),
        expected_back_on: back.map(|b| day(today, b)),
        ends_on: until.map(|u| day(today, u)),
        percentage,
    };
    let mut spells = Vec::new();
    if let Some(u) = others.first() {
        spells.push((u.id, spell(-9, Some(5), None, 100)));
    }
    if let Some(u) = others.get(5) {
        spells.push((u.id, spell(-40, Some(20), None, 50)));
    }
    if let Some(u) = others.get(10) {
        spells.push((u.id, spell(-70, None, Some(-62), 100)));
    }
    if let Some(u) = first.get(1) {
        spells.push((u.id, spell(-30, Some(-26), Some(-26), 100)));
    }
    if let Some(u) = first.get(3) {
        spells.push((u.id, spell(-14, Some(14), None, 50)));
    }
    // Short spells in the past months, for the monthly figures.
    for (k, u) in others.iter().enumerate().skip(2).step_by(7) {
        let back = -20 - 11 * (k as i64 % 9);
        spells.push((u.id, spell(back - 3, None, Some(back), 100)));
    }
    for (user, s) in &spells {
        absence::insert(&mut tx, *user, s, hr, now).await?;
    }
    made.spells = spells.len();
    tx.commit().await?;
    Ok(made)
}
