//! One campaign address for staff (issue 16, decisions 0033 and 0034): the address, whether it
//! is known to a team, its signals, the attempts to reach it so far, and the form to record the
//! next one. The form posts `app::outreach_attempts::AttemptInput`, as
//! `POST /api/v1/campaign-addresses/{id}/attempts` takes it, to the same use case: an accepted
//! offer creates the referral on the district team's worklist and the page then links to it.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_app::AppError;
use buurtteam_app::outreach::basket as basket_uc;
use buurtteam_app::outreach_attempts::{self as uc, AttemptInput};
use buurtteam_domain::outreach::{Approach, AttemptResult, DeclineReason};
use buurtteam_domain::policy::Actor;

use super::form::{FormData, FormState, PageForm, Scope};
use super::i18n::Tr;
use super::outreach::{BasketRow, basket_row, key};
use super::{Chrome, StaffPage, app_error_page, render, saved};
use crate::AppState;
use crate::api::outreach::euros;

pub(super) struct SignalRow {
    partner: String,
    received: String,
    name: String,
    kind: String,
    amount: String,
    months: i32,
}

/// One attempt as the list shows it.
pub(super) struct AttemptRow {
    on: String,
    approach: String,
    result: String,
    /// The decline reason and its explanation, if declined.
    reason: String,
    by: String,
}

/// The referral an accepted offer created.
pub(super) struct ReferralNote {
    case_id: i64,
    team: String,
    /// Whether the user works in the team that has it (and so may open it).
    may_open: bool,
}

#[derive(Template)]
#[template(path = "outreach/campaign_address.html")]
struct AddressPage {
    page: Chrome,
    id: i64,
    campaign_id: i64,
    campaign_name: String,
    row: BasketRow,
    /// The team the household is known to (its open case's, else its last one's); empty if none.
    known_team: String,
    signals: Vec<SignalRow>,
    may_record_attempt: bool,
    attempts: Vec<AttemptRow>,
    referral: Option<ReferralNote>,
    /// Nothing follows an accepted offer: no form then.
    accepted: bool,
    /// The address is not matched to a known household: an acceptance needs a birth date.
    ask_birth_date: bool,
    form: FormState,
    approach_options: Vec<(String, String)>,
    result_options: Vec<(String, String)>,
    reason_options: Vec<(String, String)>,
}

fn scope() -> Scope {
    Scope::new("attempt", "attempt")
}

fn options<T: Copy>(tr: Tr, prefix: &str, all: &[T], code: fn(T) -> &'static str) -> Vec<(String, String)> {
    all.iter().map(|c| (code(*c).to_owned(), tr.t(&key(prefix, code(*c))))).collect()
}

fn attempt_row(tr: Tr, a: buurtteam_store::outreach_attempts::StoredAttempt) -> AttemptRow {
    let mut reason = a.decline_reason.map(|r| tr.t(&key("attempt-decline", r.code()))).unwrap_or_default();
    if let Some(detail) = a.decline_detail.filter(|d| !d.is_empty()) {
        reason = if reason.is_empty() { detail } else { format!("{reason}: {detail}") };
    }
    AttemptRow {
        on: tr.date(&a.on),
        approach: tr.t(&key("campaign-approach", a.approach.code())),
        result: tr.t(&key("attempt-result", a.result.code())),
        reason,
        by: a.recorded_by_name,
    }
}

/// The form as first shown: today's date and the campaign's first approach chosen.
fn fresh_form(today: String, approach: Option<Approach>) -> FormState {
    let mut values = vec![("on".to_owned(), today)];
    if let Some(a) = approach {
        values.push(("approach".to_owned(), a.code().to_owned()));
    }
    FormState::new(FormData(values)).in_scope(scope())
}

fn may_open(actor: &Actor, referral: &uc::Referral) -> bool {
    actor.team_ids.contains(&referral.team_id)
}

/// The address page with `form` (fresh, or as sent with its errors) and `status`.
async fn show(s: &AppState, staff: &StaffPage, id: i64, form: Option<FormState>, status: StatusCode) -> Response {
    let chrome = staff.chrome("outreach");
    let tr = chrome.tr;
    let v = match basket_uc::address(&s.app, &staff.actor, id).await {
        Ok(v) => v,
        Err(e) => return app_error_page(&chrome, e),
    };
    let attempts = match uc::attempts(&s.app, &staff.actor, id).await {
        Ok(a) => a,
        Err(e) => return app_error_page(&chrome, e),
    };
    let signals = v
        .signals
        .into_iter()
        .map(|s| SignalRow {
            partner: s.partner,
            received: tr.date(&s.received_on),
            name: format!("{} {}", s.given_name, s.family_name),
            kind: tr.t(&key("campaign-arrears", s.kind.code())),
            amount: format!("€ {}", euros(s.amount_cents).replace('.', ",")),
            months: s.months,
        })
        .collect();
    let accepted = v.address.status == AttemptResult::Accepted.code();
    let ask_birth_date = v.address.household_id.is_none();
    let form = form.unwrap_or_else(|| fresh_form(s.app.today().to_string(), v.campaign.approaches.first().copied()));
    let mut reason_options = vec![(String::new(), tr.t("attempt-decline-none"))];
    reason_options.extend(options(tr, "attempt-decline", DeclineReason::ALL, DeclineReason::code));
    let page = AddressPage {
        id,
        campaign_id: v.campaign.id,
        campaign_name: v.campaign.name,
        known_team: v.address.known_to_team.clone().unwrap_or_default(),
        row: basket_row(tr, v.address),
        signals,
        may_record_attempt: v.allowed.record_attempt,
        attempts: attempts.items.into_iter().map(|a| attempt_row(tr, a)).collect(),
        referral: attempts.referral.map(|r| ReferralNote {
            case_id: r.case_id.0,
            may_open: may_open(&staff.actor, &r),
            team: r.team_name,
        }),
        accepted,
        ask_birth_date,
        form,
        approach_options: options(tr, "campaign-approach", Approach::ALL, Approach::code),
        result_options: options(tr, "attempt-result", AttemptResult::ALL, AttemptResult::code),
        reason_options,
        page: chrome,
    };
    render(status, &page)
}

/// `/campaign-addresses/{id}`: the address, its signals and attempts, the form for the next.
pub(super) async fn address(State(s): State<AppState>, staff: StaffPage, Path(id): Path<i64>) -> Response {
    show(&s, &staff, id, None, StatusCode::OK).await
}

/// Records an attempt; back to the address, which says what it did (and links the referral an
/// accepted offer created), or the form again with the errors beside their fields.
pub(super) async fn record(
    State(s): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<AttemptInput, StaffPage>,
) -> Response {
    let PageForm { page: staff, input, values, .. } = form;
    let tr = staff.tr();
    match uc::record_attempt(&s.app, &staff.actor, id, &input).await {
        Ok(r) if r.case_id.is_some() => saved(&format!("/campaign-addresses/{id}#attempts"), "attempt-referred"),
        Ok(_) => saved(&format!("/campaign-addresses/{id}#attempts"), "attempt-recorded"),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(values).in_scope(scope()).with_errors(tr, &errors);
            show(&s, &staff, id, Some(shown), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict { message, .. }) => {
            // Accepted meanwhile, destroyed, or no team serves the district: said in Dutch.
            let general = if message.contains("no open team") {
                "attempt-conflict-no-team"
            } else if message.contains("destroyed") {
                "attempt-conflict-destroyed"
            } else {
                "attempt-conflict-accepted"
            };
            let mut shown = FormState::new(values).in_scope(scope());
            shown.general = Some(tr.t(general));
            show(&s, &staff, id, Some(shown), StatusCode::CONFLICT).await
        }
        Err(e) => app_error_page(&staff.chrome("outreach"), e),
    }
}
