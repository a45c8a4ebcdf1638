//! The campaign form (issue 16, decision 0033): a new campaign (`/campaigns/new`) and the
//! change of a running one (`/campaigns/{id}/edit`: name, end, approaches, help offered and the
//! outreach workers; kind, districts and start stay as created, so the signals already
//! imported keep the districts they were matched to). One template, one worker picker
//! grouped per team with a search that works without JavaScript.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use buurtteam_app::AppError;
use buurtteam_app::outreach::campaigns::{self as uc, CampaignChange, CampaignInput};
use buurtteam_domain::outreach::{Approach, CampaignKind};
use buurtteam_domain::validation::FieldError;
use serde::Deserialize;

use super::form::{FormData, FormState, PageForm, Scope};
use super::outreach::key;
use super::{Chrome, StaffPage, app_error_page, render};
use crate::AppState;

/// One team's workers in the picker of the campaign form.
struct WorkerGroupRow {
    /// The team's name, or "no team".
    legend: String,
    /// The fieldset's id: `workers-team-<id>` (`workers-team-none`).
    id: String,
    /// (user id, name, ticked)
    workers: Vec<(i64, String, bool)>,
}

/// What a change cannot touch, shown as facts above the form.
struct Fixed {
    id: i64,
    kind: String,
    districts: String,
    starts: String,
}

#[derive(Template)]
#[template(path = "outreach/campaign_form.html")]
struct FormPage {
    page: Chrome,
    form: FormState,
    /// `Some` when a running campaign is changed.
    fixed: Option<Fixed>,
    kinds: Vec<(String, String)>,
    districts: Vec<(i64, String, bool)>,
    approaches: Vec<(&'static str, String, bool)>,
    /// The actor's own teams, always shown.
    own_groups: Vec<WorkerGroupRow>,
    /// The other teams, folded away unless searched or one of theirs is ticked.
    other_groups: Vec<WorkerGroupRow>,
    others_open: bool,
    /// The worker search (`?q=`): names or team names holding it; ticked workers stay shown.
    q: String,
    /// How many workers the search hides.
    hidden: usize,
}

impl FormPage {
    fn action(&self) -> String {
        self.fixed.as_ref().map_or_else(|| "/campaigns/new".to_owned(), |f| format!("/campaigns/{}/edit", f.id))
    }
}

fn campaign_scope() -> Scope {
    Scope::new("", "campaign")
}

/// Whether `text` holds `q`, case and accents aside.
fn matches_query(text: &str, q: &str) -> bool {
    let fold = buurtteam_domain::matching::fold;
    q.is_empty() || fold(text).contains(&fold(q))
}

async fn form_page(
    s: &AppState,
    staff: &StaffPage,
    form: FormState,
    fixed: Option<Fixed>,
    q: &str,
    status: StatusCode,
) -> Response {
    let chrome = staff.chrome("outreach");
    let tr = chrome.tr;
    let districts = match buurtteam_app::organisation::list_districts(&s.app, &staff.actor).await {
        Ok(d) => d,
        Err(e) => return app_error_page(&chrome, e),
    };
    let groups = match uc::worker_groups(&s.app, &staff.actor).await {
        Ok(w) => w,
        Err(e) => return app_error_page(&chrome, e),
    };
    let q = q.trim();
    let mut hidden = 0;
    let mut own_groups = Vec::new();
    let mut other_groups = Vec::new();
    let mut others_ticked = false;
    for g in groups {
        let team_name = g.team.as_ref().map_or_else(|| tr.t("campaign-workers-no-team"), |(_, n)| n.clone());
        let team_hit = g.team.is_some() && matches_query(&team_name, q);
        let mut workers = Vec::new();
        for (u, name) in g.workers {
            let ticked = form.checked("worker_ids", &u.0.to_string());
            if ticked || team_hit || matches_query(&name, q) {
                workers.push((u.0, name, ticked));
            } else {
                hidden += 1;
            }
        }
        if workers.is_empty() {
            continue;
        }
        let row = WorkerGroupRow {
            legend: team_name,
            id: format!("workers-team-{}", g.team.as_ref().map_or_else(|| "none".to_owned(), |(t, _)| t.0.to_string())),
            workers,
        };
        if g.own {
            own_groups.push(row);
        } else {
            others_ticked |= row.workers.iter().any(|w| w.2);
            other_groups.push(row);
        }
    }
    // An admin has no own teams: every team shown; a team manager opens the others at will.
    let others_open = own_groups.is_empty() || !q.is_empty() || others_ticked || form.has("worker_ids");
    let page = FormPage {
        kinds: CampaignKind::ALL.iter().map(|k| (k.code().to_owned(), tr.t(&key("campaign-kind", k.code())))).collect(),
        districts: districts
            .into_iter()
            .filter(|d| d.ended_on.is_none())
            .map(|d| {
                let ticked = form.checked("district_ids", &d.id.0.to_string());
                (d.id.0, d.name, ticked)
            })
            .collect(),
        approaches: Approach::ALL
            .iter()
            .map(|a| (a.code(), tr.t(&key("campaign-approach", a.code())), form.checked("approaches", a.code())))
            .collect(),
        own_groups,
        other_groups,
        others_open,
        q: q.to_owned(),
        hidden,
        form,
        fixed,
        page: chrome,
    };
    render(status, &page)
}

/// The query of the form page: the worker search.
#[derive(Debug, Default, Deserialize)]
pub(super) struct FormQuery {
    q: Option<String>,
}

/// `/campaigns/new`: the form (`?q=` narrows the worker picker).
pub(super) async fn new_form(State(s): State<AppState>, staff: StaffPage, Query(fq): Query<FormQuery>) -> Response {
    let kind = CampaignKind::PaymentArrears.code().to_owned();
    let form = FormState::new(FormData(vec![("kind".to_owned(), kind)])).in_scope(campaign_scope());
    form_page(&s, &staff, form, None, fq.q.as_deref().unwrap_or_default(), StatusCode::OK).await
}

/// The errors of a refused form, placed beside their fields.
fn shown(staff: &StaffPage, values: FormData, errors: &[FieldError]) -> FormState {
    let tr = staff.tr();
    let mut shown = FormState::new(values).in_scope(campaign_scope()).with_errors(tr, errors);
    for e in &mut shown.errors {
        // A list's error (`worker_ids[2]`) links to its group of checkboxes.
        if let Some((base, _)) = e.field.split_once('[') {
            e.anchor = base.to_owned();
        }
        // A group of checkboxes is chosen from, not filled in.
        if e.field == "district_ids" && e.message == tr.t("field-error-required") {
            e.message = tr.t("campaign-district-required");
            e.summary = format!("{}: {}", tr.t("label-campaign-district-ids"), e.message);
        }
    }
    shown
}

/// Creates the campaign and opens it; or the form again with the errors beside their fields.
pub(super) async fn create(State(s): State<AppState>, form: PageForm<CampaignInput, StaffPage>) -> Response {
    let PageForm { page: staff, input, values, .. } = form;
    // "Zoeken" in the worker picker: the same form again, narrowed, with everything kept.
    if values.get("search").is_some() {
        let q = values.get("q").unwrap_or_default().to_owned();
        let form = FormState::new(values).in_scope(campaign_scope());
        return form_page(&s, &staff, form, None, &q, StatusCode::OK).await;
    }
    match uc::create(&s.app, &staff.actor, &input).await {
        Ok(v) => Redirect::to(&format!("/campaigns/{}?done=campaign-created", v.campaign.id)).into_response(),
        Err(AppError::Validation(errors)) => {
            let shown = shown(&staff, values, &errors);
            let q = shown.value("q");
            form_page(&s, &staff, shown, None, &q, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => app_error_page(&staff.chrome("outreach"), e),
    }
}

/// The fixed facts of campaign `id` and its current values as form data; `Err` with the page
/// to answer when the actor may not change it.
async fn current(s: &AppState, staff: &StaffPage, id: i64) -> Result<(Fixed, FormData), Response> {
    let chrome = staff.chrome("outreach");
    let tr = chrome.tr;
    let v = match uc::for_change(&s.app, &staff.actor, id).await {
        Ok(v) => v,
        Err(e) => return Err(app_error_page(&chrome, e)),
    };
    let c = v.campaign;
    let districts = buurtteam_app::organisation::list_districts(&s.app, &staff.actor).await.unwrap_or_default();
    let fixed = Fixed {
        id,
        kind: tr.t(&key("campaign-kind", c.kind.code())),
        districts: districts
            .into_iter()
            .filter(|d| c.district_ids.contains(&d.id))
            .map(|d| d.name)
            .collect::<Vec<_>>()
            .join(", "),
        starts: tr.date(&c.starts_on),
    };
    let mut values = vec![
        ("name".to_owned(), c.name.clone()),
        ("ends_on".to_owned(), c.ends_on.map(|d| d.to_string()).unwrap_or_default()),
        ("help_offered".to_owned(), c.help_offered.clone()),
    ];
    values.extend(c.approaches.iter().map(|a| ("approaches".to_owned(), a.code().to_owned())));
    values.extend(c.workers.iter().map(|(u, _)| ("worker_ids".to_owned(), u.0.to_string())));
    Ok((fixed, FormData(values)))
}

/// `/campaigns/{id}/edit`: the form with the campaign's current values (`?q=` narrows the
/// worker picker).
pub(super) async fn edit_form(
    State(s): State<AppState>,
    staff: StaffPage,
    Path(id): Path<i64>,
    Query(fq): Query<FormQuery>,
) -> Response {
    match current(&s, &staff, id).await {
        Ok((fixed, values)) => {
            let form = FormState::new(values).in_scope(campaign_scope());
            form_page(&s, &staff, form, Some(fixed), fq.q.as_deref().unwrap_or_default(), StatusCode::OK).await
        }
        Err(page) => page,
    }
}

/// The change form as sent: every field present, so that unticking every approach or worker,
/// or emptying the end date, is a change too (the API's `PATCH` leaves out what it keeps).
#[derive(Debug, Default, Deserialize)]
pub(super) struct EditInput {
    #[serde(default)]
    name: String,
    #[serde(default)]
    ends_on: String,
    #[serde(default)]
    help_offered: String,
    #[serde(default)]
    approaches: Vec<String>,
    #[serde(default)]
    worker_ids: Vec<i64>,
}

impl From<EditInput> for CampaignChange {
    fn from(e: EditInput) -> Self {
        CampaignChange {
            name: Some(e.name),
            ends_on: Some(e.ends_on),
            help_offered: Some(e.help_offered),
            approaches: Some(e.approaches),
            worker_ids: Some(e.worker_ids),
            closed: None,
        }
    }
}

/// Saves the change and opens the campaign; or the form again with the errors beside their
/// fields.
pub(super) async fn edit(
    State(s): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<EditInput, StaffPage>,
) -> Response {
    let PageForm { page: staff, input, values, .. } = form;
    // A search or a refused change shows the form again, with the facts read afresh; a change
    // that saves needs none of them (the use case authorises it itself).
    let again = |form: FormState, q: String, status: StatusCode| {
        let (s, staff) = (&s, &staff);
        async move {
            match current(s, staff, id).await {
                Ok((fixed, _)) => form_page(s, staff, form, Some(fixed), &q, status).await,
                Err(page) => page,
            }
        }
    };
    if values.get("search").is_some() {
        let q = values.get("q").unwrap_or_default().to_owned();
        return again(FormState::new(values).in_scope(campaign_scope()), q, StatusCode::OK).await;
    }
    match uc::change(&s.app, &staff.actor, id, &input.into()).await {
        Ok(_) => Redirect::to(&format!("/campaigns/{id}?done=campaign-changed")).into_response(),
        Err(AppError::Validation(errors)) => {
            let shown = shown(&staff, values, &errors);
            let q = shown.value("q");
            again(shown, q, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => app_error_page(&staff.chrome("outreach"), e),
    }
}
