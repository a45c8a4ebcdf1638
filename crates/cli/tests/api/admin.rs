//! The administration's own pages (`/admin`, `/admin/settings`): open to admins only, a
//! refusal logged for anyone else, and the settings page true to the server's settings and to
//! the options `serve` really has.

use buurtteam_app::Settings;
use buurtteam_domain::codes::Role;

use crate::harness::{org, spawn, spawn_with};
use crate::pages::logged_in;

#[tokio::test]
async fn only_admins_enter_the_administration_and_others_are_refused_and_logged() {
    let t = spawn().await;
    let _org = org(&t).await;
    let admin = logged_in(&t.base, "admin@test.nl").await;
    let page = admin.get(format!("{}/admin", t.base)).send().await.expect("get");
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap_or_default();
    for href in ["/admin/organisation", "/admin/users", "/admin/settings", "/admin/audit"] {
        assert!(html.contains(&format!("href=\"{href}\"")), "the start page links {href}");
    }
    assert!(html.contains("href=\"/admin\""), "the menu has Beheer");
    for email in ["a@test.nl", "m@test.nl", "an@test.nl"] {
        let mark = t.audit_mark().await;
        let b = logged_in(&t.base, email).await;
        for path in ["/admin", "/admin/settings"] {
            let r = b.get(format!("{}{path}", t.base)).send().await.expect("get");
            assert_eq!(r.status(), 403, "{email} {path}");
            let html = r.text().await.unwrap_or_default();
            assert!(!html.contains("href=\"/admin\""), "no Beheer in {email}'s menu");
        }
        let refused: Vec<_> = t
            .audit_since(mark)
            .await
            .into_iter()
            .filter(|r| r.action == "organisation.access_refused" && r.object_type == "administration")
            .collect();
        assert_eq!(refused.len(), 2, "{email}: one refusal row per page");
    }
}

#[tokio::test]
async fn the_settings_page_shows_what_the_server_runs_with_and_where_each_is_set() {
    let settings = Settings {
        intake_target_pct: 85.0,
        silent_after_weeks: 8,
        // Not admins: they would have to set up their second factor first.
        second_factor_roles: vec![Role::FamilyWorker, Role::TeamManager],
        ..Settings::default()
    };
    let t = spawn_with(settings).await;
    let admin = logged_in(&t.base, "admin@test.nl").await;
    let html =
        admin.get(format!("{}/admin/settings", t.base)).send().await.expect("get").text().await.unwrap_or_default();
    assert!(html.contains("<strong>85 %</strong>"), "the intake target");
    assert!(html.contains("<strong>8 weken</strong>"), "the silent-case weeks");
    assert!(html.contains("<strong>Gezinswerker, Teammanager</strong>"), "the roles");
    assert!(html.contains("<strong>60 minuten</strong>"), "the idle session time");
    assert!(!html.contains("sqlite://") && !html.contains("postgres://"), "never the database address");
    // Every place the page names is one `serve` really reads.
    let help = std::process::Command::new(crate::cli::BIN).args(["serve", "--help"]).output().expect("serve --help");
    let help = String::from_utf8_lossy(&help.stdout);
    let named: Vec<&str> = html.split("<code>").skip(1).filter_map(|c| c.split("</code>").next()).collect();
    assert!(named.len() >= 30, "every setting names its variable and flag: {named:?}");
    for n in named {
        let what = n.strip_prefix("buurtteam serve ").unwrap_or(n);
        assert!(help.contains(what), "`serve --help` knows {what}");
    }
}
