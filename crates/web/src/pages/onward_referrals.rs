//! `/cases/{id}/onward-referrals`: the onward referrals of a case (inzet aanvullende hulp;
//! decision 0040) with a typed form to record one (the partner picker grouped by the kind of
//! help, so only fitting partners are offered under each) and, per onward referral, a form to
//! keep its start, end and outcome up. The same use cases as the API; the family file shows
//! them in a section and on its timeline.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_app::AppError;
use buurtteam_app::onward_referrals::{self as uc, OnwardReferralChange, OnwardReferralInput};
use buurtteam_domain::case::CaseStatus;
use buurtteam_domain::codes::LifeDomain;
use buurtteam_domain::ids::{CaseId, OnwardReferralId};
use buurtteam_domain::onward_referrals::{OnwardOutcome, OnwardReferralKind};
use buurtteam_store::onward_referrals::OnwardReferral;

use super::case_file::Event;
use super::form::{FormData, FormState, PageForm, Scope};
use super::i18n::Tr;
use super::{Chrome, StaffPage, app_error_page, render, saved};
use crate::AppState;

type Options = Vec<(String, String)>;

/// One line per onward referral for the family file: "Schuldhulpverlening bij Schuldhulp
/// Overvecht, doorverwezen 28 april 2026, gestart 5 mei 2026, coördinator Fatima de Vries".
pub fn lines(tr: Tr, list: &[OnwardReferral]) -> Vec<String> {
    list.iter().map(|o| line(tr, o)).collect()
}

fn line(tr: Tr, o: &OnwardReferral) -> String {
    let mut parts = vec![tr.tn(
        "onward-line",
        &[
            ("kind", tr.code("onward-kind", o.kind.code()).into()),
            ("partner", o.partner_name.as_str().into()),
            ("date", tr.date(&o.referred_on).into()),
        ],
    )];
    if let Some(d) = o.started_on {
        parts.push(tr.t1("onward-line-started", "date", tr.date(&d)));
    }
    if let Some(d) = o.ended_on {
        parts.push(tr.t1("onward-line-ended", "date", tr.date(&d)));
    }
    if let Some(x) = o.outcome {
        parts.push(tr.code("onward-outcome", x.code()));
    }
    if let Some(name) = &o.coordinator_name {
        parts.push(tr.t1("onward-line-coordinator", "name", name.as_str()));
    }
    parts.join(", ")
}

/// The timeline's events of the onward referrals: referred, started, ended.
pub fn events(tr: Tr, list: &[OnwardReferral], events: &mut Vec<Event>) {
    for o in list {
        let what = tr.t2(
            "onward-event-detail",
            "kind",
            tr.code("onward-kind", o.kind.code()),
            "partner",
            o.partner_name.as_str(),
        );
        let mut push = |date, title: String, detail: String| {
            events.push(Event { date, date_text: tr.date(&date), title, detail, note: String::new() });
        };
        push(o.referred_on, tr.t("onward-event-referred"), what.clone());
        if let Some(d) = o.started_on {
            push(d, tr.t("onward-event-started"), what.clone());
        }
        if let Some(d) = o.ended_on {
            let how = o.outcome.map(|x| format!(" ({})", tr.code("onward-outcome", x.code()))).unwrap_or_default();
            push(d, tr.t("onward-event-ended"), format!("{what}{how}"));
        }
    }
}

/// One onward referral on the page, with its progress form.
struct Item {
    id: i64,
    heading: String,
    facts: Vec<(String, String)>,
    form: FormState,
    /// Who may coordinate: the team's active workers, and the current coordinator if they left.
    coordinators: Options,
}

#[derive(Template)]
#[template(path = "onward_referrals.html")]
struct OnwardPage {
    page: Chrome,
    case_id: i64,
    title: String,
    items: Vec<Item>,
    /// Whether the page offers changes (not under an emergency grant).
    writable: bool,
    /// Whether a new onward referral can be recorded (the case is open).
    open: bool,
    form: FormState,
    kinds: Options,
    /// Per kind of help (its label), the active partners that fit it.
    partners: Vec<(String, Options)>,
    clients: Options,
    life_domains: Options,
    outcomes: Options,
}

fn new_scope() -> Scope {
    Scope::new("new", "onward")
}

fn item_scope(id: i64) -> Scope {
    Scope::new(format!("or{id}"), "onward")
}

async fn show(
    state: &AppState,
    staff: &StaffPage,
    case: i64,
    new_form: Option<FormState>,
    changed: Option<(i64, FormState)>,
    status: StatusCode,
) -> Response {
    let chrome = staff.chrome("");
    let tr = staff.tr();
    let file = match buurtteam_app::cases::file(&state.app, &staff.actor, CaseId(case)).await {
        Ok(f) => f,
        Err(e) => return app_error_page(&chrome, e),
    };
    let partners = match buurtteam_app::partners::list(&state.app, &staff.actor, &Default::default()).await {
        Ok(p) => p,
        Err(e) => return app_error_page(&chrome, e),
    };
    let c = &file.view.case;
    let today = state.app.today();
    let choose = || std::iter::once((String::new(), tr.t("choose")));
    let items = file
        .onward_referrals
        .iter()
        .map(|o| {
            let form = match &changed {
                Some((id, f)) if *id == o.id.0 => f.clone(),
                _ => {
                    let values = FormData(vec![
                        ("started_on".into(), o.started_on.map(|d| d.to_string()).unwrap_or_default()),
                        ("ended_on".into(), o.ended_on.map(|d| d.to_string()).unwrap_or_default()),
                        ("outcome".into(), o.outcome.map(|x| x.code().to_owned()).unwrap_or_default()),
                        ("coordinator_id".into(), o.coordinator_id.map(|u| u.0.to_string()).unwrap_or_default()),
                    ]);
                    FormState::new(values).in_scope(item_scope(o.id.0))
                }
            };
            let clients: Vec<String> = o
                .client_ids
                .iter()
                .filter_map(|p| file.household.members.iter().find(|m| m.id == *p))
                .map(|m| format!("{} {}", m.given_name, m.family_name))
                .collect();
            let domains: Vec<String> = o.life_domains.iter().map(|d| tr.code("life-domain", d.code())).collect();
            let mut facts = vec![
                (tr.t("label-onward-referred-on"), tr.date(&o.referred_on)),
                (tr.t("onward-for"), clients.join(", ")),
            ];
            if !domains.is_empty() {
                facts.push((tr.t("label-life-domains"), domains.join(", ")));
            }
            if let Some(name) = &o.coordinator_name {
                facts.push((tr.t("onward-coordinator"), name.clone()));
            }
            let mut coordinators: Options =
                file.staff.iter().map(|(id, name, _)| (id.0.to_string(), name.clone())).collect();
            if let (Some(id), Some(name)) = (o.coordinator_id, &o.coordinator_name)
                && !file.staff.iter().any(|(s, _, _)| *s == id)
            {
                coordinators.insert(0, (id.0.to_string(), name.clone()));
            }
            if o.coordinator_id.is_none() {
                coordinators.insert(0, (String::new(), tr.t("choose")));
            }
            Item {
                id: o.id.0,
                coordinators,
                heading: tr.t2(
                    "onward-event-detail",
                    "kind",
                    tr.code("onward-kind", o.kind.code()),
                    "partner",
                    o.partner_name.as_str(),
                ),
                facts,
                form,
            }
        })
        .collect();
    let form = new_form.unwrap_or_else(|| {
        FormState::new(FormData(vec![("referred_on".into(), today.to_string())])).in_scope(new_scope())
    });
    let page = OnwardPage {
        case_id: case,
        title: c.clients_label(),
        items,
        writable: file.emergency_until.is_none(),
        open: c.status != CaseStatus::Closed,
        form,
        kinds: choose()
            .chain(OnwardReferralKind::ALL.iter().map(|k| (k.code().to_owned(), tr.code("onward-kind", k.code()))))
            .collect(),
        partners: OnwardReferralKind::ALL
            .iter()
            .map(|k| {
                let fitting = partners
                    .iter()
                    .filter(|p| k.fits(p.partner.kind) && p.partner.fields.ended_on.is_none())
                    .map(|p| (p.partner.id.0.to_string(), p.partner.fields.name.clone()))
                    .collect();
                (tr.code("onward-kind", k.code()), fitting)
            })
            .filter(|(_, list): &(String, Options)| !list.is_empty())
            .collect(),
        clients: file
            .household
            .members
            .iter()
            .map(|m| (m.id.0.to_string(), format!("{} {}", m.given_name, m.family_name)))
            .collect(),
        life_domains: LifeDomain::ALL.iter().map(|d| (d.code().to_owned(), tr.code("life-domain", d.code()))).collect(),
        outcomes: std::iter::once((String::new(), tr.t("onward-outcome-none")))
            .chain(OnwardOutcome::ALL.iter().map(|x| (x.code().to_owned(), tr.code("onward-outcome", x.code()))))
            .collect(),
        page: chrome,
    };
    render(status, &page)
}

pub async fn page(State(state): State<AppState>, staff: StaffPage, Path(id): Path<i64>) -> Response {
    show(&state, &staff, id, None, None, StatusCode::OK).await
}

pub async fn record(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<OnwardReferralInput>,
) -> Response {
    let staff = &form.page;
    match uc::record(&state.app, &staff.actor, CaseId(id), &form.input).await {
        Ok(_) => saved(&format!("/cases/{id}/onward-referrals"), "onward-recorded"),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(form.values.clone()).in_scope(new_scope()).with_errors(staff.tr(), &errors);
            show(&state, staff, id, Some(shown), None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => app_error_page(&staff.chrome(""), e),
    }
}

pub async fn change(
    State(state): State<AppState>,
    Path((case, id)): Path<(i64, i64)>,
    form: PageForm<OnwardReferralChange>,
) -> Response {
    let staff = &form.page;
    // A page form always sends every field: an empty one clears it.
    let mut input = form.input.clone();
    for v in [&mut input.started_on, &mut input.ended_on, &mut input.outcome] {
        v.get_or_insert_with(String::new);
    }
    match uc::change(&state.app, &staff.actor, OnwardReferralId(id), &input).await {
        Ok(o) => saved(&format!("/cases/{}/onward-referrals", o.case_id.0), "onward-changed"),
        Err(AppError::Validation(errors)) => {
            let shown = FormState::new(form.values.clone()).in_scope(item_scope(id)).with_errors(staff.tr(), &errors);
            show(&state, staff, case, None, Some((id, shown)), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => app_error_page(&staff.chrome(""), e),
    }
}
