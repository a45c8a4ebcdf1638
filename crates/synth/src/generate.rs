//! The generator: an organisation from a profile, then `years` of referrals up to `today`,
//! each case simulated through the lifecycle with the domain's own rules (deadlines from the
//! working-day calendar, statuses from the state machine), and written in batches.

use std::time::Instant;

use buurtteam_domain::address::HouseNumber;
use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::calendar::WorkingDayCalendar;
use buurtteam_domain::case::{self, CaseStatus};
use buurtteam_domain::codes::{Role, TeamKind};
use buurtteam_domain::ids::{DistrictId, TeamId, UserId};
use buurtteam_domain::person::age_on;
use buurtteam_domain::postcode_area::PostcodeArea;
use buurtteam_store::bulk::{self, Batch};
use buurtteam_store::organisation::{self, NewUser};
use buurtteam_store::{Db, audit, districts};
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};

use crate::model::{self, Rng, pick, weighted};
use crate::names;
use crate::profile::Profile;

/// E-mail domain of every synthetic user.
pub const EMAIL_DOMAIN: &str = "demo.buurtteam.nl";

#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("the database already holds an organisation; generate needs an empty database")]
    NotEmpty,
    #[error("the profile's postcode areas of {0}")]
    Profile(String),
    #[error(transparent)]
    Store(#[from] buurtteam_store::StoreError),
}

pub struct Options {
    pub years: u32,
    pub seed: u64,
    /// The last day of the generated period ("today" for the data).
    pub today: Date,
    /// The password hash given to every synthetic user.
    pub password_hash: String,
    /// Cases per batch (one transaction each).
    pub batch_cases: usize,
}

/// What was made, for the summary.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub districts: usize,
    pub teams: usize,
    pub users: usize,
    pub households: usize,
    pub persons: usize,
    pub cases: usize,
    pub contacts: usize,
    /// Group offers, their sessions, participants and attendance marks (`groups`).
    pub groups: crate::groups::GroupsMade,
    pub rows: usize,
    pub seconds: f64,
    /// (role, e-mail) of the users, family workers first per team order.
    pub logins: Vec<(Role, String)>,
    /// Experience survey invitations and responses (`crate::survey`).
    pub survey: crate::survey::SurveySummary,
}

impl Summary {
    pub fn rows_per_second(&self) -> f64 {
        if self.seconds > 0.0 { self.rows as f64 / self.seconds } else { 0.0 }
    }
}

struct TeamInfo {
    id: TeamId,
    school: bool,
    workers: Vec<UserId>,
}

struct DistrictInfo {
    id: DistrictId,
    name: String,
    weight: f64,
    mental_health_focus: bool,
    high_reach: bool,
    teams: [usize; 2],
}

struct Org {
    /// Every staff member, with contract hours and absence; `true` for the people of
    /// teammanager1's two teams, whose worklist the browser tests read: they are never fully
    /// absent today.
    staff: Vec<(UserId, bool)>,
    /// HR, who records the synthetic absence.
    hr: UserId,
    districts: Vec<DistrictInfo>,
    teams: Vec<TeamInfo>,
    school_teams: Vec<usize>,
}

async fn create_org(db: &Db, p: &Profile, opts: &Options, summary: &mut Summary) -> Result<Org, GenerateError> {
    let now = Timestamp::now();
    let mut tx = db.begin().await?;
    if !organisation::list_districts(&mut tx).await?.is_empty() {
        return Err(GenerateError::NotEmpty);
    }
    let hash = opts.password_hash.as_str();
    let user = |email: String, name: String, role: Role, teams: Vec<TeamId>| (email, name, role, teams);
    let mut staff = vec![user(format!("beheer@{EMAIL_DOMAIN}"), "Bea Beheer".into(), Role::Admin, vec![])];
    staff.push(user(format!("analist@{EMAIL_DOMAIN}"), "Anouk Analist".into(), Role::Analyst, vec![]));
    staff.push(user(format!("privacy@{EMAIL_DOMAIN}"), "Priya Şahin".into(), Role::PrivacyOfficer, vec![]));
    staff.push(user(format!("hr@{EMAIL_DOMAIN}"), "Cem Yıldız".into(), Role::Hr, vec![]));
    let mut districts = Vec::new();
    let mut teams = Vec::new();
    for d in &p.districts {
        let id = organisation::insert_district(&mut tx, &d.name, now).await?;
        if !d.postcode_areas.is_empty() {
            // One neighbourhood per district holding its postcodes, so a signal file's
            // addresses land in the district (and an accepted offer finds its team).
            let areas = d
                .postcode_areas
                .iter()
                .map(|a| PostcodeArea::parse(a))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| GenerateError::Profile(format!("{}: {e}", d.name)))?;
            let n = districts::insert_neighbourhood(&mut tx, id, &d.name, now).await?;
            districts::set_areas(&mut tx, n, &areas, now).await?;
        }
        let mut idx = [0usize; 2];
        for (k, name) in d.teams.iter().enumerate() {
            let tid = organisation::insert_team(&mut tx, name, TeamKind::Neighbourhood, Some(id), now).await?;
            idx[k] = teams.len();
            teams.push(TeamInfo { id: tid, school: false, workers: Vec::new() });
        }
        districts.push(DistrictInfo {
            id,
            name: d.name.clone(),
            weight: f64::from(d.population) * d.reach,
            mental_health_focus: d.mental_health_focus,
            high_reach: d.reach >= 1.5,
            teams: idx,
        });
    }
    let mut school_teams = Vec::new();
    for (name, kind) in &p.school_teams {
        let kind = TeamKind::parse(kind).unwrap_or(TeamKind::SecondarySchool);
        let tid = organisation::insert_team(&mut tx, name, kind, None, now).await?;
        school_teams.push(teams.len());
        teams.push(TeamInfo { id: tid, school: true, workers: Vec::new() });
    }
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed ^ 0x0005_eed0_f0a9);
    let mut worker_no = 0;
    for (t, team) in teams.iter().enumerate() {
        for _ in 0..p.workers_per_team {
            worker_no += 1;
            let name = format!("{} {}", pick(&mut rng, names::GIVEN_NAMES_ADULT), pick(&mut rng, names::FAMILY_NAMES));
            staff.push(user(
                format!("gezinswerker{worker_no}@{EMAIL_DOMAIN}"),
                name,
                Role::FamilyWorker,
                vec![team.id],
            ));
        }
        // One manager per two teams.
        if t % 2 == 0 {
            let mut managed = vec![team.id];
            if let Some(next) = teams.get(t + 1) {
                managed.push(next.id);
            }
            let name = format!("{} {}", pick(&mut rng, names::GIVEN_NAMES_ADULT), pick(&mut rng, names::FAMILY_NAMES));
            staff.push(user(format!("teammanager{}@{EMAIL_DOMAIN}", t / 2 + 1), name, Role::TeamManager, managed));
        }
    }
    let (mut all_staff, mut hr) = (Vec::new(), UserId(0));
    let quiet_teams: Vec<TeamId> = teams.iter().take(2).map(|t| t.id).collect();
    for (email, name, role, team_ids) in &staff {
        let id = organisation::insert_user(
            &mut tx,
            &NewUser { email, name, role: *role, password_hash: hash, team_ids },
            now,
        )
        .await?;
        all_staff.push((id, team_ids.iter().any(|t| quiet_teams.contains(t))));
        if *role == Role::Hr {
            hr = id;
        }
        if *role == Role::FamilyWorker
            && let Some(t) = teams.iter_mut().find(|t| team_ids.contains(&t.id))
        {
            t.workers.push(id);
        }
    }
    tx.commit().await?;
    summary.districts = districts.len();
    summary.teams = teams.len();
    summary.users = staff.len();
    let order = |r: &Role| Role::ALL.iter().position(|x| x == r);
    let mut logins: Vec<(Role, String)> = staff.into_iter().map(|(e, _, r, _)| (r, e)).collect();
    logins.sort_by_key(|(r, _)| order(r));
    summary.logins = logins;
    Ok(Org { staff: all_staff, hr, districts, teams, school_teams })
}

/// Referral dates over the period, in order, following the season and the week.
fn referral_dates(rng: &mut Rng, first: Date, today: Date, per_year: u32) -> Vec<Date> {
    let weight = |d: Date| {
        let wd = match d.weekday() {
            jiff::civil::Weekday::Saturday => 0.05,
            jiff::civil::Weekday::Sunday => 0.03,
            _ => 1.0,
        };
        model::SEASON[(d.month() - 1) as usize] * wd
    };
    let mut days = Vec::new();
    let mut d = first;
    while d <= today {
        days.push(d);
        d = d.tomorrow().unwrap_or(today);
        if d == today && days.last() == Some(&today) {
            break;
        }
    }
    let total_weight: f64 = days.iter().map(|d| weight(*d)).sum();
    let years = days.len() as f64 / 365.25;
    let per_weight = f64::from(per_year) * years / total_weight;
    let mut out = Vec::new();
    for d in days {
        let lambda = weight(d) * per_weight;
        let n = lambda.floor() as usize + usize::from(rng.random::<f64>() < lambda.fract());
        out.extend(std::iter::repeat_n(d, n));
    }
    out
}

fn add_days(d: Date, n: i64) -> Date {
    d.checked_add(n.days()).unwrap_or(d)
}

/// Ids handed out in order, per table.
#[derive(Default)]
struct Ids {
    household: i64,
    person: i64,
    case: i64,
    contact: i64,
}

fn next(counter: &mut i64) -> i64 {
    *counter += 1;
    *counter
}

struct Ctx<'a> {
    org: &'a Org,
    profile: &'a Profile,
    calendar: &'a WorkingDayCalendar,
    today: Date,
}

/// A house number as the BAG has them: about one in eight with a letter (12a), one in twenty
/// with an addition (12-bis, 12-2). Letter and addition come from the household id, not the
/// random stream, so every other draw of the generator stays as calibrated.
fn house_number(number: u32, household_id: i64) -> HouseNumber {
    let letter = (household_id % 8 == 3).then(|| char::from(b'a' + (household_id / 8 % 4) as u8));
    let addition =
        (household_id % 20 == 7).then(|| ["bis", "1", "2", "h"][(household_id / 20 % 4) as usize].to_owned());
    HouseNumber { number, letter, addition }
}

fn postcode(rng: &mut Rng, areas: &[u16]) -> String {
    // Letter pairs SA, SD and SS are not used in Dutch postcodes.
    loop {
        let a = char::from(b'A' + rng.random_range(0..26u8));
        let b = char::from(b'A' + rng.random_range(0..26u8));
        if !(a == 'S' && matches!(b, 'A' | 'D' | 'S')) {
            return format!("{}{a}{b}", pick(rng, areas));
        }
    }
}

/// Simulates one case and adds its rows to `batch`.
fn simulate_case(ctx: &Ctx<'_>, rng: &mut Rng, ids: &mut Ids, batch: &mut Batch, referred_on: Date) {
    let org = ctx.org;
    let weights: Vec<(usize, f64)> = org.districts.iter().enumerate().map(|(i, d)| (i, d.weight)).collect();
    let district = &org.districts[weighted(rng, &weights)];
    let school = !org.school_teams.is_empty() && rng.random::<f64>() < ctx.profile.school_share;
    let team_idx = if school { *pick(rng, &org.school_teams) } else { district.teams[rng.random_range(0..2)] };
    let team = &org.teams[team_idx];
    let worker = team.workers.get(rng.random_range(0..team.workers.len().max(1))).copied().unwrap_or(UserId(1));
    let created_at =
        referred_on.at(9, 0, 0, 0).in_tz("Europe/Amsterdam").map(|z| z.timestamp()).unwrap_or(Timestamp::UNIX_EPOCH);

    // The household.
    let household_id = next(&mut ids.household);
    let (streets, areas) = names::streets(&district.name);
    batch.households.push(bulk::Household {
        id: household_id,
        street: (*pick(rng, streets)).to_owned(),
        house_number: house_number(rng.random_range(1..260), household_id),
        postcode: postcode(rng, areas),
        city: ctx.profile.city.to_owned(),
        district_id: district.id.0,
        created_by: worker.0,
        created_at,
    });
    let family = *pick(rng, names::FAMILY_NAMES);
    let two_parents = rng.random::<f64>() < if district.high_reach { 0.45 } else { 0.6 };
    let children = weighted(rng, &[(1, 0.35), (2, 0.35), (3, 0.18), (4, 0.08), (5, 0.04)]);
    let year = referred_on.year();
    let mut members: Vec<(i64, &str, i16, &'static str)> = Vec::new();
    let parent_age = rng.random_range(27..52);
    let parents = if two_parents { 2 } else { 1 };
    for k in 0..parents {
        let age = parent_age + if k == 1 { rng.random_range(-3..5) } else { 0 };
        members.push((next(&mut ids.person), *pick(rng, names::GIVEN_NAMES_ADULT), age, "parent"));
    }
    let youngest_age_limit = if school { 12 } else { 0 };
    for k in 0..children {
        let max_age = (parent_age - 18).clamp(1, 18);
        let mut age = rng.random_range(0..max_age);
        if k == 0 && school {
            age = rng.random_range(youngest_age_limit.max(12)..(if team.school && k == 0 { 19 } else { 18 }));
        }
        members.push((next(&mut ids.person), *pick(rng, names::GIVEN_NAMES_CHILD), age, "child"));
    }
    for (i, (pid, given, age, role)) in members.iter().enumerate() {
        let birth_year = year - age;
        let birth = jiff::civil::date(birth_year, rng.random_range(1..=12), rng.random_range(1..=28));
        let birth = if birth > referred_on { add_days(referred_on, -30) } else { birth };
        let family_name =
            if i == 1 && two_parents && rng.random::<f64>() < 0.4 { *pick(rng, names::FAMILY_NAMES) } else { family };
        batch.persons.push(bulk::Person {
            id: *pid,
            household_id,
            given_name: (*given).to_owned(),
            family_name: family_name.to_owned(),
            birth_date: birth,
            role,
            bsn: (rng.random::<f64>() < 0.8).then(|| model::bsn(rng)),
            created_at,
        });
    }

    // The referral.
    let case_id = next(&mut ids.case);
    let child_idx = parents; // the first child
    let (focus_pid, focus_name, _, _) = members[child_idx];
    let focus_birth = batch.persons[batch.persons.len() - members.len() + child_idx].birth_date;
    let mut clients = vec![focus_pid];
    if !school && rng.random::<f64>() < 0.55 {
        clients.push(members[0].0);
    }
    let main = model::main_domain(rng, team.school, district.mental_health_focus, district.high_reach);
    let mut domains = vec![main];
    for _ in 0..weighted(rng, &[(0, 0.4), (1, 0.4), (2, 0.2)]) {
        let extra = model::main_domain(rng, team.school, district.mental_health_focus, district.high_reach);
        if !domains.contains(&extra) {
            domains.push(extra);
        }
    }
    let request = model::request_text(rng, main, focus_name, age_on(focus_birth, referred_on));
    let source = model::source(rng, team.school);
    let intake_due = case::intake_due_on(ctx.calendar, referred_on);

    // The lifecycle, decided up front and then cut off at today.
    let never_intake = rng.random::<f64>() < 0.04;
    let wd = model::intake_working_days(rng);
    let planned_intake = ctx.calendar.add_working_days(referred_on, wd);
    let later_by = (wd > 5 && !never_intake && rng.random::<f64>() < 0.35)
        .then(|| if rng.random::<f64>() < 0.6 { "family" } else { "referrer" });
    let requested = later_by.map(|_| planned_intake);
    let mut status = CaseStatus::Referred;
    let (mut held, mut start_due, mut started, mut closed, mut closure) = (None, None, None, None, None);
    if never_intake {
        let on = add_days(referred_on, rng.random_range(8..26));
        if on <= ctx.today {
            closed = Some(on);
            closure = Some(model::closure_before_support(rng, false));
            status = CaseStatus::Closed;
        }
    } else if planned_intake <= ctx.today {
        held = Some(planned_intake);
        start_due = Some(case::start_due_on(planned_intake));
        status = CaseStatus::IntakeHeld;
        if rng.random::<f64>() < 0.07 {
            let on = add_days(planned_intake, rng.random_range(2..21));
            if on <= ctx.today {
                closed = Some(on);
                closure = Some(model::closure_before_support(rng, true));
                status = CaseStatus::Closed;
            }
        } else {
            let on = add_days(planned_intake, model::start_days(rng));
            if on <= ctx.today {
                started = Some(on);
                status = CaseStatus::InSupport;
                let end = add_days(on, model::support_days(rng));
                if end <= ctx.today {
                    closed = Some(end);
                    closure = Some(model::closure_after_support(rng));
                    status = CaseStatus::Closed;
                }
            }
        }
    }
    let next_due = case::next_due_on(status, intake_due, requested, start_due);
    let last_day = closed.unwrap_or(ctx.today);
    batch.cases.push(bulk::Case {
        id: case_id,
        household_id,
        district_id: district.id.0,
        team_id: team.id.0,
        status: status.code(),
        referred_on,
        source,
        request,
        later_intake_requested_by: later_by,
        requested_intake_on: requested,
        intake_due_on: intake_due,
        intake_held_on: held,
        intake_worker_id: held.map(|_| worker.0),
        worker_id: held.map(|_| worker.0),
        start_due_on: start_due,
        started_on: started,
        closed_on: closed,
        closure_reason: closure.map(|c| c.0),
        closure_detail: closure.map(|c| c.1),
        closure_summary: closure.map(|_| "Afgesloten in overleg met het gezin.".to_owned()),
        next_due_on: next_due,
        created_by: worker.0,
        created_at,
        updated_at: created_at,
    });
    batch.case_clients.extend(clients.iter().map(|p| (case_id, *p)));
    batch.case_life_domains.extend(domains.iter().map(|d| (case_id, *d)));

    // Contact moments: a call before the intake, the intake itself, then support.
    let mut add_contact = |rng: &mut Rng, batch: &mut Batch, on: Date, form: Option<&'static str>| {
        let (f, (lo, hi)) = model::contact_form(rng);
        let form = form.unwrap_or(f);
        let id = next(&mut ids.contact);
        batch.contacts.push(bulk::Contact {
            id,
            case_id,
            contact_on: on,
            form,
            minutes: rng.random_range(lo..=hi),
            recorded_by: worker.0,
            created_at,
        });
        for p in &clients {
            if rng.random::<f64>() < 0.8 {
                batch.contact_participants.push((id, *p));
            }
        }
    };
    let first_call = add_days(referred_on, 1);
    if rng.random::<f64>() < 0.5 && first_call <= last_day && held.is_none_or(|h| first_call < h) {
        add_contact(rng, batch, first_call, Some("phone"));
    }
    if let Some(h) = held {
        let form = if rng.random::<f64>() < 0.6 { "home_visit" } else { "office" };
        add_contact(rng, batch, h, Some(form));
    }
    if let Some(s) = started {
        let mut on = s;
        while on <= last_day {
            add_contact(rng, batch, on, None);
            let gap = -ctx.profile.contact_gap_days * rng.random::<f64>().max(1e-9).ln();
            on = add_days(on, 1 + gap.round() as i64);
        }
    }
}

/// Generates the organisation and `years` of cases into an empty database.
pub async fn generate(
    db: &Db,
    profile: &Profile,
    opts: &Options,
    mut progress: impl FnMut(usize, usize),
) -> Result<Summary, GenerateError> {
    let started = Instant::now();
    let mut summary = Summary::default();
    let org = create_org(db, profile, opts, &mut summary).await?;
    let calendar = WorkingDayCalendar::default();
    let ctx = Ctx { org: &org, profile, calendar: &calendar, today: opts.today };
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    let first = add_days(opts.today, -(i64::from(opts.years) * 365) + 1);
    let dates = referral_dates(&mut rng, first, opts.today, profile.cases_per_year);
    let total = dates.len();
    let mut ids = Ids::default();
    let mut done = 0;
    let mut rows = summary.districts + summary.teams + summary.users;
    for chunk in dates.chunks(opts.batch_cases.max(1)) {
        let mut batch = Batch::default();
        for d in chunk {
            simulate_case(&ctx, &mut rng, &mut ids, &mut batch, *d);
        }
        summary.households += batch.households.len();
        summary.persons += batch.persons.len();
        summary.cases += batch.cases.len();
        summary.contacts += batch.contacts.len();
        rows += batch.rows();
        let mut tx = db.begin().await?;
        bulk::insert(&mut tx, &batch).await?;
        tx.commit().await?;
        done += chunk.len();
        progress(done, total);
    }
    summary.survey = crate::survey::generate(db, opts.today, opts.seed).await?;
    rows += summary.survey.invitations + summary.survey.responses * (1 + crate::survey::AGREEMENT.len());
    let mut tx = db.begin().await?;
    bulk::reset_sequences(&mut tx).await?;
    tx.commit().await?;
    let district_teams: Vec<crate::groups::DistrictTeams> = org
        .districts
        .iter()
        .map(|d| crate::groups::DistrictTeams {
            id: d.id,
            name: d.name.clone(),
            teams: d.teams.map(|t| (org.teams[t].id, org.teams[t].workers.clone())),
        })
        .collect();
    summary.groups = crate::groups::generate(db, &district_teams, opts.today, opts.seed).await?;
    rows += summary.groups.groups + summary.groups.sessions + summary.groups.participants + summary.groups.attendance;
    // Group support considered in the cases, and the collective approach (issue 19).
    let made = crate::group_support::generate(db, opts.seed, opts.today).await?;
    rows += made.considered + made.collective_activities;
    // Outreach campaigns calibrated to the seeds (issue 16): an address, a signal and its
    // import row each, and the attempts.
    let outreach = crate::outreach::generate(db, opts.seed, opts.today).await?;
    rows += outreach.campaigns + outreach.addresses * 3 + outreach.attempts;
    // Partners and the social map (issue 15): GP practices calibrated to the seeds, schools and
    // VE locations with their kernpartner, the city-wide specialist care.
    let partners = crate::partners::generate(db, opts.seed, opts.today).await?;
    rows += partners.partners + partners.gp_status_changes + partners.worker_links;
    // A partner account (decision 0041): the practice nurse of the first GP practice working
    // with the team, who submits referrals and follows their status in words.
    if let Some(email) = partner_account(db, opts.password_hash.as_str()).await? {
        summary.logins.push((Role::Partner, email));
        summary.users += 1;
        rows += 1;
    }
    // Onward referrals to partners (issue 15 part 2): every case closed as referred_onward,
    // some in support, a few closed otherwise.
    let onward = crate::onward_referrals::generate(db, opts.seed, opts.today).await?;
    rows += onward.onward_referrals;
    // Contract hours and sickness absence of the staff (issue 20), around the 7% target.
    let absence = crate::absence::generate(db, &org.staff, org.hr, first, opts.today, opts.seed).await?;
    rows += absence.spells;
    let mut tx = db.begin().await?;
    let entry = audit::Entry {
        occurred_at: Timestamp::now(),
        actor: None,
        action: AuditAction::SynthGenerated,
        object_type: "organisation",
        object_id: None,
        case_id: None,
        household_id: None,
        client_id: None,
        acting_for: None,
        goal_id: None,
        session_ref: None,
        detail: serde_json::json!({
            "profile": profile.name, "years": opts.years, "seed": opts.seed, "today": opts.today.to_string(),
            "cases": summary.cases, "contacts": summary.contacts,
        }),
    };
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    summary.rows = rows + 1;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// The demo's partner account `huisarts@…`, linked to the first GP practice (by name) that works
/// with the team; none when the city has no such practice.
async fn partner_account(db: &Db, hash: &str) -> Result<Option<String>, GenerateError> {
    use buurtteam_domain::partners::PartnerKind;
    use buurtteam_store::partners::{Filter, list};
    let mut tx = db.begin().await?;
    let filter = Filter { kind: Some(PartnerKind::GpPractice), ..Filter::default() };
    let practices = list(&mut tx, &filter).await?;
    let Some(practice) = practices.iter().find(|p| p.gp_status().is_some_and(|s| s.counts_as_collaborating())) else {
        return Ok(None);
    };
    let email = format!("huisarts@{EMAIL_DOMAIN}");
    let user =
        NewUser { email: &email, name: "Fatma Öztürk", role: Role::Partner, password_hash: hash, team_ids: &[] };
    let id = organisation::insert_user(&mut tx, &user, Timestamp::now()).await?;
    buurtteam_store::partner_referrals::set_partner_of_user(&mut tx, id, practice.id).await?;
    tx.commit().await?;
    Ok(Some(email))
}
