//! The demo organisation: a few Utrecht districts and teams, a user per role, and families
//! in every stage of the lifecycle, dated relative to today so the deadlines are live.
//! Everything goes through the same use cases as the API, so it passes the same checks.
//! (The synthetic city of the benchmark issue replaces this with a full year of data.)

use anyhow::anyhow;
use buurtteam_app::App;
use buurtteam_app::auth::actor_of;
use buurtteam_app::cases::{self, CloseInput, ContactInput, IntakeInput, ReferralInput, StartInput};
use buurtteam_app::households::{self, AddressInput, HouseholdInput, MemberInput};
use buurtteam_app::organisation::{self, DistrictInput, TeamInput, UserInput};
use buurtteam_domain::ids::CaseId;
use jiff::ToSpan;
use jiff::civil::Date;

/// The password of every demo user.
pub const PASSWORD: &str = "demo-wachtwoord";

pub struct Login {
    pub role: String,
    pub email: String,
}

fn err(e: buurtteam_app::AppError) -> anyhow::Error {
    anyhow!("{e}: {e:?}")
}

fn s(v: &str) -> Option<String> {
    Some(v.to_owned())
}

fn user(email: &str, name: &str, role: &str, team_ids: Vec<i64>) -> UserInput {
    UserInput { email: s(email), name: s(name), role: s(role), team_ids, password: s(PASSWORD) }
}

/// One demo family: address, members (given, family, birth date, role), which members are
/// clients, the request, life domains, source, and how far the case has come.
struct Family {
    team: usize,
    street: &'static str,
    number: &'static str,
    postcode: &'static str,
    members: &'static [(&'static str, &'static str, &'static str, &'static str)],
    clients: &'static [usize],
    request: &'static str,
    domains: &'static [&'static str],
    source: &'static str,
    /// Days before today the referral came in.
    referred_days_ago: i64,
    stage: Stage,
}

enum Stage {
    Referred,
    LaterIntake(&'static str, i64),
    IntakeHeld(i64),
    InSupport(i64, i64),
    Closed(i64, i64, i64, &'static str, &'static str),
}

const FAMILIES: &[Family] = &[
    Family {
        team: 0,
        street: "Zamenhofdreef",
        number: "112",
        postcode: "3562 JW",
        members: &[
            ("Samira", "El Amrani", "1986-03-14", "parent"),
            ("Yassin", "El Amrani", "2015-09-02", "child"),
            ("Noor", "El Amrani", "2019-01-23", "child"),
        ],
        clients: &[0, 1],
        request: "Moeder maakt zich zorgen over de woede-uitbarstingen van Yassin thuis en op school.",
        domains: &["parenting", "mental_health"],
        source: "school",
        referred_days_ago: 1,
        stage: Stage::Referred,
    },
    Family {
        team: 0,
        street: "Wolgadreef",
        number: "38",
        postcode: "3564 TB",
        members: &[
            ("Kevin", "Bakker", "1990-07-30", "parent"),
            ("Lisa", "Bakker", "1992-11-05", "parent"),
            ("Daan", "Bakker", "2012-04-17", "child"),
        ],
        clients: &[0, 1],
        request: "Ouders hebben betalingsachterstanden bij de energieleverancier en ruzie over geld.",
        domains: &["finances", "domestic_relations"],
        source: "outreach",
        referred_days_ago: 9,
        stage: Stage::Referred,
    },
    Family {
        team: 0,
        street: "Neckardreef",
        number: "7",
        postcode: "3562 CK",
        members: &[("Elif", "Yilmaz", "1983-02-11", "parent"), ("Emre", "Yilmaz", "2009-12-01", "child")],
        clients: &[1],
        request: "Emre gaat niet meer naar school en zit veel op zijn kamer.",
        domains: &["development_school", "mental_health", "time_use"],
        source: "gp",
        referred_days_ago: 4,
        stage: Stage::LaterIntake("family", 10),
    },
    Family {
        team: 0,
        street: "Vechtzoom",
        number: "21",
        postcode: "3563 BA",
        members: &[
            ("Marieke", "Visser", "1979-05-28", "parent"),
            ("Sem", "Visser", "2013-08-08", "child"),
            ("Julia", "Visser", "2016-06-19", "child"),
        ],
        clients: &[0],
        request: "Alleenstaande moeder, overbelast na de scheiding; wil hulp bij de opvoeding.",
        domains: &["parenting", "social_network"],
        source: "self",
        referred_days_ago: 12,
        stage: Stage::IntakeHeld(8),
    },
    Family {
        team: 0,
        street: "Taagdreef",
        number: "64",
        postcode: "3561 VG",
        members: &[
            ("Ahmed", "Boukhari", "1975-10-10", "parent"),
            ("Fatima", "Boukhari", "1978-01-03", "parent"),
            ("Ilias", "Boukhari", "2008-03-30", "child"),
        ],
        clients: &[2],
        request: "Ilias is in aanraking gekomen met de politie; ouders willen weten hoe ze hem kunnen steunen.",
        domains: &["justice", "parenting"],
        source: "safe_at_home",
        referred_days_ago: 60,
        stage: Stage::InSupport(4, 12),
    },
    Family {
        team: 1,
        street: "Marshallaan",
        number: "215",
        postcode: "3527 TK",
        members: &[("Anna", "de Vries", "1988-09-09", "parent"), ("Mila", "de Vries", "2017-02-14", "child")],
        clients: &[0, 1],
        request: "Mila slaapt slecht en moeder heeft zelf ook psychische klachten.",
        domains: &["mental_health", "physical_health"],
        source: "youth_health",
        referred_days_ago: 3,
        stage: Stage::Referred,
    },
    Family {
        team: 1,
        street: "Columbuslaan",
        number: "540",
        postcode: "3526 EP",
        members: &[
            ("Hatice", "Öztürk", "1981-12-12", "parent"),
            ("Zeynep", "Öztürk", "2010-05-05", "child"),
            ("Mehmet", "Öztürk", "2012-07-07", "child"),
        ],
        clients: &[0],
        request: "Dreigende huisuitzetting door huurachterstand.",
        domains: &["housing", "finances"],
        source: "municipality",
        referred_days_ago: 120,
        stage: Stage::Closed(5, 15, 90, "result_achieved", "goals_achieved"),
    },
    Family {
        team: 1,
        street: "Cartesiusweg",
        number: "9",
        postcode: "3534 BA",
        members: &[("Tom", "Smit", "1993-04-04", "parent"), ("Finn", "Smit", "2020-10-10", "child")],
        clients: &[0],
        request: "Vader wil hulp bij het regelen van de omgang na de scheiding.",
        domains: &["domestic_relations", "parenting"],
        source: "self",
        referred_days_ago: 40,
        stage: Stage::Closed(6, 0, 30, "other", "unreachable"),
    },
    Family {
        team: 2,
        street: "Amsterdamsestraatweg",
        number: "401",
        postcode: "3551 CL",
        members: &[("Sanne", "van Dijk", "1987-08-21", "parent"), ("Lotte", "van Dijk", "2011-11-11", "child")],
        clients: &[1],
        request: "Lotte wordt gepest en wil niet meer naar de sportclub.",
        domains: &["social_participation", "mental_health"],
        source: "school",
        referred_days_ago: 7,
        stage: Stage::IntakeHeld(6),
    },
    Family {
        team: 2,
        street: "Prins Bernhardlaan",
        number: "23",
        postcode: "3554 BV",
        members: &[("Rachid", "Amrani", "1980-06-06", "parent"), ("Sara", "Amrani", "2007-03-03", "child")],
        clients: &[1],
        request: "Sara (18 binnenkort) zoekt woonruimte en hulp bij haar studiefinanciering.",
        domains: &["housing", "work_education", "finances"],
        source: "other",
        referred_days_ago: 200,
        stage: Stage::InSupport(3, 10),
    },
];

fn day(today: Date, days_ago: i64) -> String {
    today.checked_sub(days_ago.days()).unwrap_or(today).to_string()
}

pub async fn populate(app: &App) -> anyhow::Result<Vec<Login>> {
    let admin = organisation::create_user(app, None, &user("beheer@demo.buurtteam.nl", "Bea Beheer", "admin", vec![]))
        .await
        .map_err(err)?;
    let admin = actor_of(&admin);
    let mut districts = Vec::new();
    for name in ["Overvecht", "Zuidwest", "Noordwest"] {
        districts.push(
            organisation::create_district(app, &admin, &DistrictInput { name: s(name) }).await.map_err(err)?.id.0,
        );
    }
    let mut teams = Vec::new();
    for (name, district) in [("Buurtteam Overvecht-Noord", 0), ("Buurtteam Kanaleneiland", 1), ("Buurtteam Zuilen", 2)]
    {
        let t = TeamInput { name: s(name), district_id: Some(districts[district]), kind: None };
        teams.push(organisation::create_team(app, &admin, &t).await.map_err(err)?.id.0);
    }
    organisation::create_team(
        app,
        &admin,
        &TeamInput { name: s("VO-team Utrecht"), district_id: None, kind: s("secondary_school") },
    )
    .await
    .map_err(err)?;
    let people = [
        ("gezinswerker@demo.buurtteam.nl", "Fenna de Graaf", "family_worker", vec![teams[0]]),
        ("gezinswerker2@demo.buurtteam.nl", "Youssef Haddou", "family_worker", vec![teams[1]]),
        ("gezinswerker3@demo.buurtteam.nl", "Iris Kok", "family_worker", vec![teams[2]]),
        ("teammanager@demo.buurtteam.nl", "Martin Hendriks", "team_manager", vec![teams[0], teams[1]]),
        ("analist@demo.buurtteam.nl", "Anouk Peters", "analyst", vec![]),
    ];
    let mut workers = Vec::new();
    for (email, name, role, team_ids) in people {
        workers
            .push(organisation::create_user(app, Some(&admin), &user(email, name, role, team_ids)).await.map_err(err)?);
    }
    let today = app.today();
    for f in FAMILIES {
        let worker = actor_of(&workers[f.team]);
        let household = HouseholdInput {
            address: Some(AddressInput {
                street: s(f.street),
                house_number: s(f.number),
                postcode: s(f.postcode),
                city: s("Utrecht"),
            }),
            district_id: Some(districts[f.team]),
            members: f
                .members
                .iter()
                .map(|(given, family, birth, role)| MemberInput {
                    given_name: s(given),
                    family_name: s(family),
                    birth_date: s(birth),
                    role: s(role),
                    bsn: None,
                })
                .collect(),
        };
        let hh = households::create(app, &worker, &household).await.map_err(err)?;
        let (later_by, requested) = match f.stage {
            Stage::LaterIntake(by, in_days) => {
                (s(by), Some(today.checked_add(in_days.days()).unwrap_or(today).to_string()))
            }
            _ => (None, None),
        };
        let referral = ReferralInput {
            household_id: Some(hh.id.0),
            team_id: Some(teams[f.team]),
            referred_on: Some(day(today, f.referred_days_ago)),
            source: s(f.source),
            request: s(f.request),
            client_ids: f.clients.iter().map(|i| hh.members[*i].id.0).collect(),
            life_domains: f.domains.iter().map(|d| (*d).to_owned()).collect(),
            later_intake_requested_by: later_by,
            requested_intake_on: requested,
        };
        let case = cases::register_referral(app, &worker, &referral).await.map_err(err)?.case.id;
        advance(app, &worker, case, today, f).await?;
    }
    Ok(std::iter::once(("admin", "beheer@demo.buurtteam.nl"))
        .chain(workers.iter().map(|w| (w.role.code(), w.email.as_str())))
        .map(|(role, email)| Login { role: role.to_owned(), email: email.to_owned() })
        .collect())
}

async fn advance(
    app: &App,
    worker: &buurtteam_domain::policy::Actor,
    case: CaseId,
    today: Date,
    f: &Family,
) -> anyhow::Result<()> {
    let referred = f.referred_days_ago;
    let (intake_after, start_after, close_after, reason) = match f.stage {
        Stage::Referred | Stage::LaterIntake(..) => return Ok(()),
        Stage::IntakeHeld(a) => (a, None, None, None),
        Stage::InSupport(a, b) => (a, Some(b), None, None),
        Stage::Closed(a, b, c, r, d) => (a, (b > 0).then_some(b), Some(c), Some((r, d))),
    };
    let held = day(today, referred - intake_after);
    cases::hold_intake(app, worker, case, &IntakeInput { held_on: Some(held.clone()), worker_id: None })
        .await
        .map_err(err)?;
    let contact = ContactInput {
        contact_on: Some(held),
        form: s("home_visit"),
        minutes: Some(75),
        participants: vec![],
        other_participants: None,
    };
    cases::record_contact(app, worker, case, &contact).await.map_err(err)?;
    if let Some(b) = start_after {
        let started = day(today, referred - intake_after - b);
        cases::start_support(app, worker, case, &StartInput { started_on: Some(started.clone()) })
            .await
            .map_err(err)?;
        for (i, form) in ["office", "phone", "school"].iter().enumerate() {
            let on =
                today.checked_sub((referred - intake_after - b - 7 * (i as i64 + 1)).max(0).days()).unwrap_or(today);
            let c = ContactInput {
                contact_on: Some(on.to_string()),
                form: s(form),
                minutes: Some(45),
                participants: vec![],
                other_participants: None,
            };
            cases::record_contact(app, worker, case, &c).await.map_err(err)?;
        }
    }
    if let (Some(c), Some((reason, detail))) = (close_after, reason) {
        let close = CloseInput {
            closed_on: Some(day(today, referred - c)),
            reason: s(reason),
            reason_detail: s(detail),
            summary: s("Afgesloten in overleg met het gezin."),
        };
        cases::close(app, worker, case, &close).await.map_err(err)?;
    }
    Ok(())
}
