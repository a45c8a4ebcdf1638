//! `/partner`: the start page of a partner organisation's account (issue 15 part 3; decision
//! 0041): its own referrals with their status in words, and `/partner/referrals/new`, the
//! form to refer a family with its consent. A partner reaches no other page but its account.

use askama::Template;
use axum::Router;
use axum::extract::{FromRequestParts, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use buurtteam_app::households::{AddressInput, HouseholdInput, MemberInput};
use buurtteam_app::partner_referrals::{self as uc, PartnerReferralInput};
use buurtteam_app::{AppError, auth};
use buurtteam_domain::codes::{HouseholdRole, LifeDomain, Role};
use buurtteam_domain::partner_referrals::{ConsentBy, ReferralStatus};
use buurtteam_domain::policy::Actor;
use serde::Deserialize;

use super::form::{FormData, FormSession, FormState, PageForm};
use super::referral::{Options, code_options, with_blank};
use super::{Chrome, app_error_page, render};
use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/partner", get(start)).route("/partner/referrals/new", get(new_form).post(new_submit))
}

/// A logged-in partner organisation's account. Without a session the browser goes to the
/// log-in page; every other role goes to its own start page.
pub struct PartnerPage {
    pub actor: Actor,
    pub chrome: Chrome,
}

impl FormSession for PartnerPage {
    fn chrome(&self) -> &Chrome {
        &self.chrome
    }

    fn actor(&self) -> &Actor {
        &self.actor
    }
}

impl FromRequestParts<AppState> for PartnerPage {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let super::LoggedIn { mut chrome, actor, user, .. } = super::LoggedIn::from_parts(parts, state).await?;
        if auth::must_enrol(&state.app, &user) {
            return Err(Redirect::to("/account/second-factor").into_response());
        }
        if user.role != Role::Partner {
            return Err(Redirect::to(user.role.start_page()).into_response());
        }
        chrome.current = "partner-referrals";
        Ok(Self { actor, chrome })
    }
}

/// A referral as the list shows it.
struct Row {
    id: i64,
    referred_on: String,
    status: String,
}

#[derive(Template)]
#[template(path = "partner_start.html")]
struct StartPage {
    page: Chrome,
    organisation: String,
    referrals: Vec<Row>,
}

fn status_words(page: &Chrome, status: ReferralStatus) -> String {
    let key = format!("partner-status-{}", status.code().replace('_', "-"));
    match status {
        ReferralStatus::IntakePlanned(day) => page.tr.t1(&key, "date", page.tr.date(&day)),
        _ => page.tr.t(&key),
    }
}

pub async fn start(State(state): State<AppState>, partner: PartnerPage) -> Response {
    let chrome = partner.chrome;
    let organisation = or_error_page!(uc::own_organisation(&state.app, &partner.actor).await, &chrome);
    let listed = or_error_page!(uc::list(&state.app, &partner.actor).await, &chrome);
    let referrals = listed
        .into_iter()
        .map(|r| Row {
            id: r.id.0,
            referred_on: chrome.tr.date(&r.referred_on),
            status: status_words(&chrome, r.status),
        })
        .collect();
    render(StatusCode::OK, &StartPage { page: chrome, organisation: organisation.fields.name, referrals })
}

/// The form's member rows: a parent and a child.
const ROWS: usize = 2;

#[derive(Template)]
#[template(path = "partner_referral_new.html")]
struct FormPage {
    page: Chrome,
    form: FormState,
    rows: Vec<usize>,
    roles: Options,
    members: Options,
    life_domains: Options,
    consent_by: Options,
}

fn form_page(chrome: Chrome, status: StatusCode, form: FormState) -> Response {
    let tr = chrome.tr;
    let page = FormPage {
        form,
        rows: (0..ROWS).collect(),
        roles: with_blank(tr, code_options(tr, "household-role", HouseholdRole::ALL, HouseholdRole::code)),
        members: (0..ROWS).map(|i| (i.to_string(), tr.t1("household-member", "number", i + 1))).collect(),
        life_domains: code_options(tr, "life-domain", LifeDomain::ALL, LifeDomain::code),
        consent_by: code_options(tr, "consent-by", ConsentBy::ALL, ConsentBy::code),
        page: chrome,
    };
    render(status, &page)
}

pub async fn new_form(State(state): State<AppState>, partner: PartnerPage) -> Response {
    // Only the partner's own account gets the form (an ended link is refused here already).
    or_error_page!(uc::own_organisation(&state.app, &partner.actor).await, &partner.chrome);
    let defaults = FormData(vec![
        ("address.city".into(), "Utrecht".into()),
        ("members[0].role".into(), "parent".into()),
        ("members[1].role".into(), "child".into()),
    ]);
    form_page(partner.chrome, StatusCode::OK, FormState::new(defaults))
}

/// The form's fields: those of [`PartnerReferralInput`] without its flattened household,
/// which the form reader cannot fill (a flattened struct reads every value as text).
#[derive(Debug, Default, Deserialize)]
pub struct ReferralForm {
    address: Option<AddressInput>,
    #[serde(default)]
    members: Vec<MemberInput>,
    #[serde(default)]
    client_members: Vec<usize>,
    request: Option<String>,
    #[serde(default)]
    life_domains: Vec<String>,
    referrer_name: Option<String>,
    consent_by: Option<String>,
    consent_on: Option<String>,
}

impl From<ReferralForm> for PartnerReferralInput {
    fn from(f: ReferralForm) -> Self {
        Self {
            household: HouseholdInput { address: f.address, district_id: None, members: f.members },
            client_members: f.client_members,
            request: f.request,
            life_domains: f.life_domains,
            referrer_name: f.referrer_name,
            consent_by: f.consent_by,
            consent_on: f.consent_on,
        }
    }
}

/// Saves the referral and goes back to `/partner` with a confirmation (PRG); without consent,
/// or with another error, nothing is saved and the form shows the errors beside the fields.
pub async fn new_submit(State(state): State<AppState>, form: PageForm<ReferralForm, PartnerPage>) -> Response {
    let PageForm { page: partner, input, values, rows } = form;
    let input = PartnerReferralInput::from(input);
    match uc::submit(&state.app, &partner.actor, &input).await {
        Ok(_) => super::saved("/partner", "partner-referred"),
        Err(AppError::Validation(errors)) => {
            let errors = rows.errors(errors);
            let shown = FormState::new(values).with_errors(partner.chrome.tr, &errors);
            form_page(partner.chrome, StatusCode::UNPROCESSABLE_ENTITY, shown)
        }
        Err(e) => app_error_page(&partner.chrome, e),
    }
}
