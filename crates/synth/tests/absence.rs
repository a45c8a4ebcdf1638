//! The demo's staff absence (issue 20): an HR account, contract hours for every staff member,
//! and spells of each kind so that HR's start page is not empty, none with a first day after
//! today and none running at 100% in teammanager1's teams (the browser tests read that worklist).

use buurtteam_domain::codes::Role;
use buurtteam_store::{Db, absence, organisation, users};
use buurtteam_synth::{Options, generate, profile};
use jiff::civil::{Date, date};

const TODAY: Date = date(2026, 11, 23);

#[tokio::test]
async fn the_demo_has_an_hr_account_contract_hours_and_spells_of_each_kind() {
    let mut p = profile::city();
    p.cases_per_year = 500;
    p.workers_per_team = 3;
    let dir = tempfile::tempdir().expect("dir");
    let db = Db::connect(&format!("sqlite://{}", dir.path().join("synth.db").display())).await.expect("connect");
    db.migrate().await.expect("migrate");
    let opts = Options { years: 1, seed: 3, today: TODAY, password_hash: "x".into(), batch_cases: 500 };
    generate(&db, &p, &opts, |_, _| {}).await.expect("generate");

    let mut tx = db.begin_read().await.expect("tx");
    let staff = organisation::list_users(&mut tx).await.expect("users");
    let hr = staff.iter().find(|u| u.role == Role::Hr).expect("an HR account");
    assert_eq!(hr.email, "hr@demo.buurtteam.nl");
    let extras = users::extras(&mut tx).await.expect("extras");
    for u in staff.iter().filter(|u| u.role.is_staff()) {
        let hours = extras.iter().find(|(id, _)| *id == u.id).and_then(|(_, e)| e.contract_hours_hundredths);
        assert!(hours.is_some_and(|h| (1000..=4000).contains(&h)), "{}: {hours:?}", u.email);
    }
    let mut spells = Vec::new();
    for u in &staff {
        spells.extend(absence::of_user(&mut tx, u.id).await.expect("spells"));
    }
    assert!(spells.iter().all(|a| a.spell.starts_on <= TODAY && a.spell.validate(TODAY).is_ok()));
    assert!(spells.iter().any(|a| a.spell.ends_on.is_none() && a.spell.percentage == 100), "running, fully");
    assert!(spells.iter().any(|a| a.spell.ends_on.is_none() && a.spell.percentage < 100), "running, partly");
    assert!(spells.iter().any(|a| a.spell.ends_on.is_some()), "ended");
    let manager = staff.iter().find(|u| u.email == "teammanager1@demo.buurtteam.nl").expect("teammanager1");
    let covering = absence::covering(&mut tx, TODAY).await.expect("covering");
    for a in covering.iter().filter(|a| a.spell.percentage == 100) {
        let who = staff.iter().find(|u| u.id == a.user_id).expect("staff");
        assert!(!who.team_ids.iter().any(|t| manager.team_ids.contains(t)), "{} is fully absent", who.email);
    }
}
