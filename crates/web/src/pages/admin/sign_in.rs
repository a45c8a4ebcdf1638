//! `/admin/sign-in`: how people sign in here, read-only: the OpenID providers (staff and the
//! DigiD broker), what each matches on, whether it provisions, whether staff may still use a
//! password, and the variable each setting comes from. Secrets are never shown.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_app::sso::{Kind, LocalPasswords, Provider};

use super::AdminPage;
use crate::AppState;
use crate::pages::{Chrome, render};

/// One line of a provider's card: what, its value, and where it is set.
pub struct Line {
    label: String,
    value: String,
    source: String,
}

pub struct Card {
    name: String,
    lines: Vec<Line>,
}

#[derive(Template)]
#[template(path = "admin/sign_in.html")]
struct SignInPage {
    page: Chrome,
    passwords: String,
    passwords_source: String,
    public_url: String,
    cards: Vec<Card>,
}

fn card(chrome: &Chrome, p: &Provider, public_url: &str) -> Card {
    let tr = chrome.tr;
    let source = |setting: &'static str| {
        if p.defaulted.contains(&setting) {
            tr.t1("admin-sign-in-default", "variable", p.var(setting))
        } else {
            p.var(setting)
        }
    };
    let line = |key: &str, value: String, setting: &'static str| Line {
        label: tr.t(&format!("admin-sign-in-{key}")),
        value,
        source: source(setting),
    };
    let mut lines = vec![
        line(
            "kind",
            tr.t(if p.kind == Kind::DigiD { "admin-sign-in-kind-digid" } else { "admin-sign-in-kind-staff" }),
            "KIND",
        ),
        line("issuer", p.issuer.clone(), "ISSUER"),
        line("client-id", p.client_id.clone(), "CLIENT_ID"),
        Line {
            label: tr.t("admin-sign-in-redirect-uri"),
            value: p.redirect_uri(public_url),
            source: "BUURTTEAM_PUBLIC_URL".into(),
        },
    ];
    match p.kind {
        Kind::Staff => {
            lines.push(line("match", p.match_claim.clone(), "MATCH"));
            let provision = match &p.provision {
                Some((team, role)) => {
                    tr.t2("admin-sign-in-provision-on", "team", team.clone(), "role", tr.code("role", role.code()))
                }
                None => tr.t("admin-sign-in-provision-off"),
            };
            lines.push(Line {
                label: tr.t("admin-sign-in-provision"),
                value: provision,
                source: format!("{}, {}", p.var("PROVISION_TEAM"), p.var("PROVISION_ROLE")),
            });
            let acr = if p.mfa_acr.is_empty() { "–".to_owned() } else { p.mfa_acr.join(", ") };
            lines.push(line("mfa-acr", acr, "MFA_ACR"));
        }
        Kind::DigiD => lines.push(line("bsn-claim", p.bsn_claim.clone(), "BSN_CLAIM")),
    }
    Card { name: p.name.clone(), lines }
}

pub async fn page(State(state): State<AppState>, AdminPage(admin): AdminPage) -> Response {
    let chrome = admin.chrome("admin");
    let tr = chrome.tr;
    let config = &state.app.sso.config;
    let passwords = tr.t(match config.local_passwords {
        LocalPasswords::On => "admin-sign-in-passwords-on",
        LocalPasswords::Off => "admin-sign-in-passwords-off",
        LocalPasswords::AdminsOnly => "admin-sign-in-passwords-admins",
    });
    let cards = config.providers.iter().map(|p| card(&chrome, p, &config.public_url)).collect();
    let public_url = if config.public_url.is_empty() { "–".to_owned() } else { config.public_url.clone() };
    render(
        StatusCode::OK,
        &SignInPage {
            page: chrome,
            passwords,
            passwords_source: "BUURTTEAM_LOCAL_PASSWORDS".into(),
            public_url,
            cards,
        },
    )
}
