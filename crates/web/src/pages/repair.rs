//! Data repair by team managers (decision 0020): voiding a referral registered by mistake
//! (`/cases/{id}/void`), and merging a household registered twice into this one
//! (`/households/{id}/merge`). The case file links here; the admin area only lists what was
//! repaired (`pages::admin::repair`), in ids and counts.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_app::AppError;
use buurtteam_app::repair::{self as uc, Candidate, MergeInput, VoidInput};
use buurtteam_domain::codes::VoidReason;
use buurtteam_domain::ids::{CaseId, HouseholdId, PersonId};
use buurtteam_store::cases::Case;
use buurtteam_store::households::{Household, Person};

use super::form::{FormData, FormState, PageForm, Scope};
use super::i18n::Tr;
use super::{Chrome, StaffPage, app_error_page, render, saved};
use crate::AppState;

type Options = Vec<(String, String)>;

/// What the case file shows of data repair: that the referral was voided, and for team
/// managers the links to void it (before its intake) and to merge its household.
pub struct CaseRepair {
    pub voided: Option<String>,
    pub void_href: String,
    pub merge_href: String,
}

impl CaseRepair {
    pub fn of(tr: Tr, c: &Case) -> Self {
        let voided = c
            .voided
            .as_ref()
            .map(|v| tr.t2("voided-banner", "date", tr.date(&v.on), "reason", tr.code("void-reason", v.code.code())));
        let open = c.voided.is_none();
        Self {
            voided,
            void_href: if open && c.status == buurtteam_domain::case::CaseStatus::Referred {
                format!("/cases/{}/void", c.id.0)
            } else {
                String::new()
            },
            merge_href: if open { format!("/households/{}/merge", c.household_id.0) } else { String::new() },
        }
    }
}

#[derive(Template)]
#[template(path = "repair/void.html")]
struct VoidPage {
    page: Chrome,
    id: i64,
    title: String,
    form: FormState,
    reasons: Options,
}

fn reasons(tr: Tr) -> Options {
    std::iter::once((String::new(), tr.t("choose")))
        .chain(VoidReason::ALL.iter().map(|r| (r.code().to_owned(), tr.code("void-reason", r.code()))))
        .collect()
}

async fn void_page(state: &AppState, staff: &StaffPage, id: i64, form: FormState, status: StatusCode) -> Response {
    let chrome = staff.chrome("");
    let file = match buurtteam_app::cases::file(&state.app, &staff.actor, CaseId(id)).await {
        Ok(f) => f,
        Err(e) => return app_error_page(&chrome, e),
    };
    let tr = staff.tr();
    let title = file.view.case.clients_label();
    render(status, &VoidPage { page: chrome, id, title, form, reasons: reasons(tr) })
}

/// The void form's labels are `label-void-*` first (its `reason` is not a closure's).
fn void_scope() -> Scope {
    Scope::new("", "void")
}

pub async fn void_form(State(state): State<AppState>, staff: StaffPage, Path(id): Path<i64>) -> Response {
    void_page(&state, &staff, id, FormState::default().in_scope(void_scope()), StatusCode::OK).await
}

pub async fn void_submit(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<VoidInput>) -> Response {
    let staff = &form.page;
    match uc::void_case(&state.app, &staff.actor, CaseId(id), &form.input).await {
        Ok(_) => saved(&format!("/cases/{id}"), "voided"),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(form.values.clone()).in_scope(void_scope()).with_errors(staff.tr(), &errors);
            void_page(&state, staff, id, shown, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => app_error_page(&staff.chrome(""), e),
    }
}

/// A household as the merge page shows it.
pub struct HouseholdView {
    pub id: i64,
    pub address: String,
    pub members: Vec<String>,
    /// Members of the other household that may be the same person as one here.
    pub same: Vec<String>,
}

fn person_line(tr: Tr, p: &Person) -> String {
    format!("{} {}, {}", p.given_name, p.family_name, tr.date(&p.birth_date))
}

fn household_view(tr: Tr, h: &Household, same: &[(PersonId, PersonId)], keep: &Household) -> HouseholdView {
    let name = |hh: &Household, id: PersonId| {
        hh.members
            .iter()
            .find(|m| m.id == id)
            .map(|m| format!("{} {}", m.given_name, m.family_name))
            .unwrap_or_default()
    };
    HouseholdView {
        id: h.id.0,
        address: format!("{} {}, {} {}", h.address.street, h.address.house_number, h.address.postcode, h.address.city),
        members: h.members.iter().map(|m| person_line(tr, m)).collect(),
        same: same
            .iter()
            .map(|(here, there)| tr.t2("merge-same-person", "here", name(keep, *here), "there", name(h, *there)))
            .collect(),
    }
}

#[derive(Template)]
#[template(path = "repair/merge.html")]
struct MergePage {
    page: Chrome,
    keep: HouseholdView,
    candidates: Vec<HouseholdView>,
    form: FormState,
}

async fn merge_page(state: &AppState, staff: &StaffPage, id: i64, form: FormState, status: StatusCode) -> Response {
    let chrome = staff.chrome("");
    let (keep, found) = match uc::merge_candidates(&state.app, &staff.actor, HouseholdId(id)).await {
        Ok(x) => x,
        Err(e) => return app_error_page(&chrome, e),
    };
    let tr = staff.tr();
    let candidates = found
        .iter()
        .map(|Candidate { household, same_persons }| household_view(tr, household, same_persons, &keep))
        .collect();
    let keep = household_view(tr, &keep, &[], &keep);
    render(status, &MergePage { page: chrome, keep, candidates, form })
}

pub async fn merge_form(State(state): State<AppState>, staff: StaffPage, Path(id): Path<i64>) -> Response {
    merge_page(&state, &staff, id, FormState::new(FormData::default()), StatusCode::OK).await
}

pub async fn merge_submit(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<MergeInput>) -> Response {
    let staff = &form.page;
    match uc::merge_households(&state.app, &staff.actor, HouseholdId(id), &form.input).await {
        Ok(_) => saved(&format!("/households/{id}/merge"), "merged"),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(form.values.clone()).with_errors(staff.tr(), &errors);
            merge_page(&state, staff, id, shown, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => app_error_page(&staff.chrome(""), e),
    }
}
