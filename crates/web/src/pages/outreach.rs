//! Outreach campaigns for staff (issue 16, decision 0033): the list with the weighing, a new
//! campaign, one campaign with the signal upload (a real file input), the work basket with its
//! filters and the assign form. One address with its signals and attempts is
//! `pages::outreach_attempts`.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use buurtteam_app::AppError;
use buurtteam_app::outreach::basket::{self as basket_uc, AssignInput, BasketQuery, WeighingInput};
use buurtteam_app::outreach::campaigns::{self as uc, CampaignChange, CampaignView};
use buurtteam_domain::validation::FieldError;
use buurtteam_store::outreach::basket::Address;
use serde::Deserialize;

use super::form::{FormData, FormState, PageForm, Scope};
use super::i18n::{Arg, Tr};
use super::{Chrome, StaffPage, app_error_page, render};
use crate::AppState;
use crate::api::outreach::euros;

const STATUSES: &[&str] = &["open", "reached", "offer_made", "accepted", "declined", "unreachable"];

pub(super) fn key(prefix: &str, code: &str) -> String {
    format!("{prefix}-{}", code.replace('_', "-"))
}

/// A field error in the page's language: for a line of a signal file the file's own wording
/// first (`campaign-csv-error-<code>`), then the form's (`field-error-<code>`), else as the use
/// case wrote it.
fn message(tr: Tr, e: &FieldError, in_file: bool) -> String {
    let code = e.code.replace('_', "-");
    let args: Vec<(&str, Arg)> = e.args.iter().map(|(k, v)| (*k, Arg::from(v.as_str()))).collect();
    let keys = [format!("campaign-csv-error-{code}"), format!("field-error-{code}")];
    keys[usize::from(!in_file)..]
        .iter()
        .map(|k| (k, tr.tn(k, &args)))
        .find(|(k, m)| m != *k)
        .map_or_else(|| e.message.clone(), |(_, m)| m)
}

/// Field errors as shown above a form: the field's label where the catalogue has one; for a
/// signal file the line and the column.
fn shown(tr: Tr, errors: &[FieldError]) -> Vec<String> {
    errors
        .iter()
        .map(|e| match e.field.strip_prefix("lines[").and_then(|r| r.split(']').next()) {
            Some(line) => {
                let column = e.field.rsplit('.').next().unwrap_or_default();
                let at = tr.t2("campaign-upload-line", "line", line, "column", column);
                format!("{at}: {}", message(tr, e, true))
            }
            None => {
                let base = e.field.split(['[', '.']).next().unwrap_or(&e.field);
                // The catalogue names the labels by the field as sent: `campaign-field-starts_on`.
                let label = tr.t(&format!("campaign-field-{base}"));
                format!("{label}: {}", message(tr, e, false))
            }
        })
        .collect()
}

pub(super) struct CampaignRow {
    id: i64,
    name: String,
    kind: String,
    status: String,
    starts: String,
    addresses: i64,
    signals: i64,
}

#[derive(Template)]
#[template(path = "outreach/campaigns.html")]
struct ListPage {
    page: Chrome,
    rows: Vec<CampaignRow>,
    may_create: bool,
    weighing: Option<(i32, i32, i32, i32)>,
}

/// `/campaigns`: the campaigns the user has to do with; the weighing for managers.
pub(super) async fn list(State(s): State<AppState>, staff: StaffPage) -> Response {
    let chrome = staff.chrome("outreach");
    let tr = chrome.tr;
    let views = match uc::list(&s.app, &staff.actor).await {
        Ok(v) => v,
        Err(e) => return app_error_page(&chrome, e),
    };
    let weighing = basket_uc::weighing(&s.app, &staff.actor)
        .await
        .ok()
        .map(|w| (w.per_hundred_euros, w.per_partner, w.per_month, w.per_child));
    let rows = views
        .into_iter()
        .map(|v| {
            let c = v.campaign;
            CampaignRow {
                id: c.id,
                name: c.name,
                kind: tr.t(&key("campaign-kind", c.kind.code())),
                status: tr.t(if c.closed_on.is_some() { "campaign-closed" } else { "campaign-open" }),
                starts: tr.date(&c.starts_on),
                addresses: c.addresses,
                signals: c.signals,
            }
        })
        .collect();
    let may_create = weighing.is_some();
    render(StatusCode::OK, &ListPage { page: chrome, rows, may_create, weighing })
}

/// Saves the weighing from the list page.
pub(super) async fn weigh(State(s): State<AppState>, form: PageForm<WeighingInput, StaffPage>) -> Response {
    let PageForm { page: staff, input, .. } = form;
    match basket_uc::set_weighing(&s.app, &staff.actor, &input).await {
        Ok(_) => Redirect::to("/campaigns?done=weighing-saved").into_response(),
        Err(e) => app_error_page(&staff.chrome("outreach"), e),
    }
}

pub(super) struct BasketRow {
    pub(super) id: i64,
    pub(super) address: String,
    pub(super) postcode: String,
    pub(super) district: String,
    pub(super) partners: String,
    pub(super) kinds: String,
    pub(super) amount: String,
    pub(super) months: i32,
    pub(super) grouping: String,
    pub(super) known: String,
    pub(super) worker: String,
    pub(super) status: String,
    pub(super) weight: i32,
}

fn address_line(a: &Address) -> String {
    let mut s = format!("{} {}", a.street, a.house_number);
    s.push_str(&a.house_letter.to_uppercase());
    if !a.house_number_addition.is_empty() {
        s.push('-');
        s.push_str(&a.house_number_addition);
    }
    s
}

fn postcode(p: &str) -> String {
    if p.len() == 6 { format!("{} {}", &p[..4], &p[4..]) } else { p.to_owned() }
}

pub(super) fn basket_row(tr: Tr, a: Address) -> BasketRow {
    let s = &a.summary;
    BasketRow {
        id: a.id,
        address: address_line(&a),
        postcode: postcode(&a.postcode),
        district: a.district_name.clone().unwrap_or_else(|| tr.t("campaign-no-district")),
        partners: s.partners.join(", "),
        kinds: s.kinds.iter().map(|k| tr.t(&key("campaign-arrears", k.code()))).collect::<Vec<_>>().join(", "),
        amount: format!("€ {}", euros(s.total_cents).replace('.', ",")),
        months: s.months,
        grouping: s.grouping.map(|g| tr.t(&key("campaign-grouping", g.code()))).unwrap_or_default(),
        known: a.known_to_team.clone().map(|t| tr.t1("campaign-known-to", "team", t)).unwrap_or_default(),
        worker: a.assigned_to.clone().map(|(_, n)| n).unwrap_or_else(|| tr.t("campaign-unassigned")),
        status: tr.t(&key("campaign-status", &a.status)),
        weight: a.weight,
    }
}

#[derive(Template)]
#[template(path = "outreach/campaign.html")]
struct OnePage {
    page: Chrome,
    id: i64,
    name: String,
    kind: String,
    status: String,
    closed: bool,
    period: String,
    help_offered: String,
    approaches: String,
    workers: Vec<(i64, String)>,
    may_manage: bool,
    may_read_basket: bool,
    may_assign: bool,
    upload_errors: Vec<String>,
    imported: Option<String>,
    rows: Vec<BasketRow>,
    total: i64,
    districts: Vec<(i64, String, bool)>,
    worker_filter: Vec<(String, String, bool)>,
    statuses: Vec<(&'static str, String, bool)>,
    /// The assign form under the basket: its errors beside the addresses and the worker.
    assign_form: FormState,
}

/// Query of the campaign page: the basket's filters and what an upload did.
#[derive(Debug, Default, Deserialize)]
pub(super) struct OneQuery {
    district_id: Option<String>,
    worker: Option<String>,
    status: Option<String>,
    imported: Option<i64>,
    grouped: Option<i64>,
    duplicates: Option<i64>,
}

async fn one_page(s: &AppState, staff: &StaffPage, id: i64, q: &OneQuery, upload_errors: Vec<String>) -> Response {
    one_page_with(s, staff, id, q, upload_errors, FormState::new(FormData::default()).in_scope(assign_scope())).await
}

fn assign_scope() -> Scope {
    Scope::new("assign", "assign")
}

async fn one_page_with(
    s: &AppState,
    staff: &StaffPage,
    id: i64,
    q: &OneQuery,
    upload_errors: Vec<String>,
    assign_form: FormState,
) -> Response {
    let chrome = staff.chrome("outreach");
    let tr = chrome.tr;
    let v: CampaignView = match uc::get(&s.app, &staff.actor, id).await {
        Ok(v) => v,
        Err(e) => return app_error_page(&chrome, e),
    };
    let bq = BasketQuery {
        district_id: q.district_id.as_deref().and_then(|d| d.parse().ok()),
        worker: q.worker.clone().filter(|w| !w.is_empty()),
        status: q.status.clone().filter(|w| !w.is_empty()),
    };
    let (rows, total) = if v.allowed.read_basket {
        match basket_uc::basket(&s.app, &staff.actor, id, &bq).await {
            Ok(b) => (b.items.into_iter().map(|a| basket_row(tr, a)).collect(), b.total),
            Err(e) => return app_error_page(&chrome, e),
        }
    } else {
        (Vec::new(), 0)
    };
    let districts = buurtteam_app::organisation::list_districts(&s.app, &staff.actor).await.unwrap_or_default();
    let c = v.campaign;
    let mut worker_filter =
        vec![("none".to_owned(), tr.t("campaign-unassigned"), bq.worker.as_deref() == Some("none"))];
    worker_filter.extend(
        c.workers.iter().map(|(u, n)| (u.0.to_string(), n.clone(), bq.worker.as_deref() == Some(&u.0.to_string()))),
    );
    let page = OnePage {
        id,
        name: c.name.clone(),
        kind: tr.t(&key("campaign-kind", c.kind.code())),
        status: tr.t(if c.closed_on.is_some() { "campaign-closed" } else { "campaign-open" }),
        closed: c.closed_on.is_some(),
        period: match c.ends_on {
            Some(e) => format!("{} – {}", tr.date(&c.starts_on), tr.date(&e)),
            None => tr.t1("campaign-from", "date", tr.date(&c.starts_on)),
        },
        help_offered: c.help_offered.clone(),
        approaches: c
            .approaches
            .iter()
            .map(|a| tr.t(&key("campaign-approach", a.code())))
            .collect::<Vec<_>>()
            .join(", "),
        workers: c.workers.iter().map(|(u, n)| (u.0, n.clone())).collect(),
        may_manage: v.allowed.manage,
        may_read_basket: v.allowed.read_basket,
        may_assign: v.allowed.assign,
        upload_errors,
        imported: q.imported.map(|i| {
            tr.tn(
                "campaign-upload-done",
                &[
                    ("imported", Arg::from(i)),
                    ("grouped", Arg::from(q.grouped.unwrap_or(0))),
                    ("duplicates", Arg::from(q.duplicates.unwrap_or(0))),
                ],
            )
        }),
        rows,
        total,
        districts: districts
            .into_iter()
            .filter(|d| c.district_ids.contains(&d.id))
            .map(|d| (d.id.0, d.name, bq.district_id == Some(d.id.0)))
            .collect(),
        worker_filter,
        statuses: STATUSES
            .iter()
            .map(|st| (*st, tr.t(&key("campaign-status", st)), bq.status.as_deref() == Some(*st)))
            .collect(),
        assign_form,
        page: chrome,
    };
    let status = if page.upload_errors.is_empty() && !page.assign_form.is_invalid() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render(status, &page)
}

/// `/campaigns/{id}`: details, upload, basket.
pub(super) async fn one(
    State(s): State<AppState>,
    staff: StaffPage,
    Path(id): Path<i64>,
    Query(q): Query<OneQuery>,
) -> Response {
    one_page(&s, &staff, id, &q, Vec::new()).await
}

/// The upload form: a file field `csv` (multipart), its name in `csv_file_name`.
#[derive(Debug, Default, Deserialize)]
pub(super) struct Upload {
    csv: Option<String>,
    #[allow(dead_code)]
    csv_file_name: Option<String>,
}

/// Imports the chosen file; the campaign page again with what it did, or with the errors.
pub(super) async fn upload(
    State(s): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<Upload, StaffPage>,
) -> Response {
    let PageForm { page: staff, input, .. } = form;
    let tr = staff.chrome("outreach").tr;
    let text = input.csv.unwrap_or_default();
    match basket_uc::import_signals(&s.app, &staff.actor, id, &text).await {
        Ok(d) => Redirect::to(&format!(
            "/campaigns/{id}?imported={}&grouped={}&duplicates={}",
            d.imported, d.grouped_addresses, d.duplicates
        ))
        .into_response(),
        Err(AppError::Validation(errors)) => one_page(&s, &staff, id, &OneQuery::default(), shown(tr, &errors)).await,
        Err(AppError::Conflict { .. }) => {
            one_page(&s, &staff, id, &OneQuery::default(), vec![tr.t("campaign-upload-closed")]).await
        }
        Err(e) => app_error_page(&staff.chrome("outreach"), e),
    }
}

/// Assigns the ticked addresses to the chosen worker (or to nobody).
pub(super) async fn assign(
    State(s): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<AssignInput, StaffPage>,
) -> Response {
    let PageForm { page: staff, input, values, .. } = form;
    match basket_uc::assign(&s.app, &staff.actor, id, &input).await {
        Ok(_) => Redirect::to(&format!("/campaigns/{id}?done=addresses-assigned")).into_response(),
        Err(AppError::Validation(errors)) => {
            let mut shown = FormState::new(values).in_scope(assign_scope()).with_errors(staff.tr(), &errors);
            for e in &mut shown.errors {
                if e.field == "worker_id" {
                    e.anchor = "assign-worker".to_owned();
                }
            }
            one_page_with(&s, &staff, id, &OneQuery::default(), Vec::new(), shown).await
        }
        Err(e) => app_error_page(&staff.chrome("outreach"), e),
    }
}

/// Closes the campaign, or opens it again (`closed=false`).
#[derive(Debug, Default, Deserialize)]
pub(super) struct CloseInput {
    closed: Option<bool>,
}

pub(super) async fn close(
    State(s): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<CloseInput, StaffPage>,
) -> Response {
    let PageForm { page: staff, input, .. } = form;
    let change = CampaignChange { closed: Some(input.closed.unwrap_or(true)), ..CampaignChange::default() };
    match uc::change(&s.app, &staff.actor, id, &change).await {
        Ok(_) => Redirect::to(&format!("/campaigns/{id}")).into_response(),
        Err(e) => app_error_page(&staff.chrome("outreach"), e),
    }
}
