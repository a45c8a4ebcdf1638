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

/// The form's member rows. A family has one or two parents and often several children; the
/// form always has this many rows and a row left empty is no member (the form reader drops
/// it and maps the errors back to the form's rows). Chosen over an "add a person" button:
/// it works without JavaScript in one post, nothing typed is lost, and there is no second
/// kind of submit to tell apart from sending the referral. A larger family is added to by
/// the team after the intake.
pub const ROWS: usize = 6;

#[derive(Template)]
#[template(path = "partner_referral_new.html")]
struct FormPage {
    page: Chrome,
    form: FormState,
    rows: Vec<usize>,
    roles: Options,
    life_domains: Options,
    consent_by: Options,
    /// The district names to choose from, when the postcode lies in no postcode area (after
    /// such an error, or once chosen); empty otherwise (decision 0041).
    districts: Options,
}

async fn form_page(state: &AppState, partner: PartnerPage, status: StatusCode, form: FormState) -> Response {
    let chrome = partner.chrome;
    let tr = chrome.tr;
    let needed = form.has("district_id") || form.values.opt("district_id").is_some();
    let districts = if needed {
        match uc::district_choices(&state.app, &partner.actor).await {
            Ok(list) => with_blank(tr, list.into_iter().map(|(id, name)| (id.0.to_string(), name)).collect()),
            Err(e) => return app_error_page(&chrome, e),
        }
    } else {
        Vec::new()
    };
    let page = FormPage {
        form,
        rows: (0..ROWS).collect(),
        roles: with_blank(tr, code_options(tr, "household-role", HouseholdRole::ALL, HouseholdRole::code)),
        life_domains: code_options(tr, "life-domain", LifeDomain::ALL, LifeDomain::code),
        consent_by: code_options(tr, "consent-by", ConsentBy::ALL, ConsentBy::code),
        districts,
        page: chrome,
    };
    render(status, &page)
}

pub async fn new_form(State(state): State<AppState>, partner: PartnerPage) -> Response {
    // Only the partner's own account gets the form (an ended link is refused here already).
    or_error_page!(uc::own_organisation(&state.app, &partner.actor).await, &partner.chrome);
    // No member row is filled in beforehand: a preset role would make an unused row count.
    let defaults = FormData(vec![("address.city".into(), "Utrecht".into())]);
    form_page(&state, partner, StatusCode::OK, FormState::new(defaults)).await
}

/// One member row of the form: the fields of [`MemberInput`] and whether the member has a
/// request for help of their own (`client_members` of the API).
#[derive(Debug, Default, Deserialize)]
pub struct MemberRow {
    given_name: Option<String>,
    family_name: Option<String>,
    birth_date: Option<String>,
    role: Option<String>,
    phone: Option<String>,
    #[serde(default)]
    is_client: bool,
}

/// The form's fields: those of [`PartnerReferralInput`] without its flattened household,
/// which the form reader cannot fill (a flattened struct reads every value as text).
#[derive(Debug, Default, Deserialize)]
pub struct ReferralForm {
    address: Option<AddressInput>,
    /// Only sent once the form offers it: when the postcode lies in no postcode area.
    district_id: Option<i64>,
    #[serde(default)]
    members: Vec<MemberRow>,
    request: Option<String>,
    #[serde(default)]
    life_domains: Vec<String>,
    referrer_name: Option<String>,
    consent_by: Option<String>,
    consent_on: Option<String>,
}

impl From<ReferralForm> for PartnerReferralInput {
    fn from(f: ReferralForm) -> Self {
        let client_members = f.members.iter().enumerate().filter(|(_, m)| m.is_client).map(|(i, _)| i).collect();
        let members = f
            .members
            .into_iter()
            .map(|m| MemberInput {
                given_name: m.given_name,
                family_name: m.family_name,
                birth_date: m.birth_date,
                role: m.role,
                phone: m.phone,
                ..MemberInput::default()
            })
            .collect();
        Self {
            household: HouseholdInput { address: f.address, district_id: f.district_id, members },
            client_members,
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
            form_page(&state, partner, StatusCode::UNPROCESSABLE_ENTITY, shown).await
        }
        Err(e) => app_error_page(&partner.chrome, e),
    }
}
