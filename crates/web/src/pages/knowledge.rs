//! The knowledge base pages (kennisbank, issue 20; decision 0035): search with ranked results
//! and highlighted snippets (`/knowledge`), one article with its versions (`/knowledge/{id}`),
//! writing and changing an article (`/knowledge/new`, `/knowledge/{id}/edit`, for those who
//! write) and the articles past their review date (`/knowledge/review`). The "Nuttig hier"
//! aside of the family file and the plan is [`useful_here`].

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_app::AppError;
use buurtteam_app::knowledge::{self as uc, ArticleInput, ArticleView, VersionView};
use buurtteam_domain::codes::LifeDomain;
use buurtteam_domain::knowledge::diff::Line;
use buurtteam_domain::policy::Actor;
use buurtteam_store::knowledge::Article;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde::Deserialize;

use super::form::{FormData, FormState, PageForm, Scope};
use super::i18n::Tr;
use super::{Chrome, StaffPage, app_error_page, render, saved};
use crate::AppState;

type Options = Vec<(String, String)>;

const AREA: &str = "knowledge";

fn when(tr: Tr, tz: &TimeZone, ts: Timestamp) -> String {
    let z = ts.to_zoned(tz.clone());
    tr.t2("plan-at", "date", tr.date(&z.date()), "time", format!("{:02}:{:02}", z.hour(), z.minute()))
}

fn domain_options(tr: Tr, first: Option<String>) -> Options {
    first
        .map(|f| (String::new(), f))
        .into_iter()
        .chain(LifeDomain::ALL.iter().map(|d| (d.code().to_owned(), tr.code("life-domain", d.code()))))
        .collect()
}

fn domain_names(tr: Tr, domains: &[LifeDomain]) -> String {
    domains.iter().map(|d| tr.code("life-domain", d.code())).collect::<Vec<_>>().join(", ")
}

fn scope() -> Scope {
    Scope::new("", "knowledge")
}

// ---------------------------------------------------------------------------------------
// Search and the list.

/// `GET /knowledge?q=&category=&life_domain=`: the search words are no client data.
#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    pub q: Option<String>,
    pub category: Option<String>,
    pub life_domain: Option<String>,
}

pub struct ResultRow {
    pub id: i64,
    pub title: String,
    /// Escaped text with the matching words in `<mark>` (`domain::knowledge::search::snippet`).
    pub snippet: String,
    pub categories: String,
    pub life_domains: String,
}

#[derive(Template)]
#[template(path = "knowledge/list.html")]
struct ListPage {
    page: Chrome,
    filter: FormState,
    categories: Options,
    domains: Options,
    rows: Vec<ResultRow>,
    searched: bool,
    may_write: bool,
}

pub async fn list(State(state): State<AppState>, staff: StaffPage, Query(q): Query<ListQuery>) -> Response {
    let chrome = staff.chrome(AREA);
    let tr = staff.tr();
    let text = q.q.as_deref().map(str::trim).unwrap_or_default();
    // A domain that is not one (an edited address) is no filter rather than an error page.
    let domain = q.life_domain.as_deref().and_then(LifeDomain::parse);
    let filter = uc::SearchFilter { category: q.category.as_deref(), life_domain: domain.map(|d| d.code()) };
    let (items, categories) = match (
        uc::search(&state.app, &staff.actor, text, &filter).await,
        uc::categories(&state.app, &staff.actor).await,
    ) {
        (Ok(items), Ok(categories)) => (items, categories),
        (Err(e), _) | (_, Err(e)) => return app_error_page(&chrome, e),
    };
    let may_write = uc::may_write(&state.app, &staff.actor).await.unwrap_or(false);
    let rows = items
        .iter()
        .map(|i| ResultRow {
            id: i.id,
            title: i.title.clone(),
            snippet: i.snippet.clone(),
            categories: i.categories.join(", "),
            life_domains: domain_names(tr, &i.life_domains),
        })
        .collect();
    let mut values = FormData::default();
    for (k, v) in [("q", &q.q), ("category", &q.category), ("life_domain", &q.life_domain)] {
        if let Some(v) = v {
            values.0.push((k.into(), v.clone()));
        }
    }
    let page = ListPage {
        filter: FormState::new(values).in_scope(Scope::new("", "knowledge-filter")),
        categories: std::iter::once((String::new(), tr.t("knowledge-filter-all")))
            .chain(categories.into_iter().map(|c| (c.clone(), c)))
            .collect(),
        domains: domain_options(tr, Some(tr.t("knowledge-filter-all"))),
        rows,
        searched: !text.is_empty(),
        may_write,
        page: chrome,
    };
    render(StatusCode::OK, &page)
}

// ---------------------------------------------------------------------------------------
// One article.

pub struct DiffLine {
    /// `same`, `added` or `removed` (the CSS class and the sign before the line).
    pub kind: &'static str,
    pub sign: &'static str,
    pub text: String,
}

pub struct VersionRow {
    pub number: i32,
    pub who: String,
    pub when: String,
    pub changed: String,
    pub lines: Vec<DiffLine>,
}

#[derive(Template)]
#[template(path = "knowledge/article.html")]
struct ArticlePage {
    page: Chrome,
    id: i64,
    title: String,
    summary: String,
    /// Sanitised HTML from `domain::knowledge::markdown::to_html`.
    html: String,
    owner: String,
    review_by: String,
    review_due: bool,
    categories: String,
    life_domains: String,
    updated: String,
    may_edit: bool,
    versions: Vec<VersionRow>,
}

fn version_row(tr: Tr, tz: &TimeZone, v: &VersionView) -> VersionRow {
    let changed = if v.version.version == 1 {
        tr.t("knowledge-version-first")
    } else {
        let fields = v
            .changed_fields
            .iter()
            .map(|f| tr.t(&format!("knowledge-field-{}", f.replace('_', "-"))))
            .collect::<Vec<_>>()
            .join(", ");
        tr.t1("knowledge-changed", "fields", fields)
    };
    let lines = v
        .body_diff
        .iter()
        .filter(|l| v.version.version > 1 || !matches!(l, Line::Same(_)))
        .map(|l| match l {
            Line::Same(t) => DiffLine { kind: "same", sign: " ", text: t.trim_end_matches('\r').to_owned() },
            Line::Added(t) => DiffLine { kind: "added", sign: "+", text: t.trim_end_matches('\r').to_owned() },
            Line::Removed(t) => DiffLine { kind: "removed", sign: "−", text: t.trim_end_matches('\r').to_owned() },
        })
        .collect::<Vec<_>>();
    // A version that did not touch the body shows no diff.
    let lines = if lines.iter().all(|l| l.kind == "same") { Vec::new() } else { lines };
    VersionRow {
        number: v.version.version,
        who: v.version.changed_by_name.clone(),
        when: when(tr, tz, v.version.changed_at),
        changed,
        lines,
    }
}

pub async fn article(State(state): State<AppState>, staff: StaffPage, Path(id): Path<i64>) -> Response {
    let chrome = staff.chrome(AREA);
    let tr = staff.tr();
    let tz = state.app.settings.time_zone.clone();
    let view = match uc::get(&state.app, &staff.actor, id).await {
        Ok(v) => v,
        Err(e) => return app_error_page(&chrome, e),
    };
    let versions = match uc::versions(&state.app, &staff.actor, id).await {
        Ok(v) => v,
        Err(e) => return app_error_page(&chrome, e),
    };
    let ArticleView { article: a, html, review_due, may_edit } = view;
    let page = ArticlePage {
        id: a.id,
        title: a.draft.title,
        summary: a.draft.summary,
        html,
        owner: a.owner_name,
        review_by: tr.date(&a.draft.review_by),
        review_due,
        categories: a.draft.categories.join(", "),
        life_domains: domain_names(tr, &a.draft.life_domains),
        updated: tr.t2("knowledge-updated", "who", a.updated_by_name, "when", when(tr, &tz, a.updated_at)),
        may_edit,
        versions: versions.iter().map(|v| version_row(tr, &tz, v)).collect(),
        page: chrome,
    };
    render(StatusCode::OK, &page)
}

// ---------------------------------------------------------------------------------------
// Writing and changing an article.

#[derive(Template)]
#[template(path = "knowledge/form.html")]
struct FormPage {
    page: Chrome,
    heading: String,
    action: String,
    back: String,
    form: FormState,
    domains: Options,
}

fn form_page(staff: &StaffPage, id: Option<i64>, form: FormState, status: StatusCode) -> Response {
    let tr = staff.tr();
    let (heading, action, back) = match id {
        Some(id) => (tr.t("knowledge-edit-title"), format!("/knowledge/{id}/edit"), format!("/knowledge/{id}")),
        None => (tr.t("knowledge-new-title"), "/knowledge/new".to_owned(), "/knowledge".to_owned()),
    };
    let page = FormPage { heading, action, back, form, domains: domain_options(tr, None), page: staff.chrome(AREA) };
    render(status, &page)
}

/// Refuses the form to those who do not write, as the use case would refuse its post.
async fn writer(state: &AppState, staff: &StaffPage) -> Option<Response> {
    match uc::may_write(&state.app, &staff.actor).await {
        Ok(true) => None,
        Ok(false) => Some(app_error_page(&staff.chrome(AREA), AppError::Forbidden("knowledge base".into()))),
        Err(e) => Some(app_error_page(&staff.chrome(AREA), e)),
    }
}

/// What the form sends for lists it shows: nothing checked is an empty list, not "unchanged".
fn from_form(input: &ArticleInput) -> ArticleInput {
    let mut input = input.clone();
    // A browser sends a textarea's lines with CRLF; the text is kept with LF, as imported.
    input.body_markdown = input.body_markdown.map(|b| b.replace("\r\n", "\n"));
    input.life_domains.get_or_insert_with(Vec::new);
    input.categories.get_or_insert_with(Vec::new);
    input
}

fn shown_again(staff: &StaffPage, values: &FormData, e: AppError, id: Option<i64>) -> Response {
    let tr = staff.tr();
    match e {
        AppError::Validation(errors) => {
            let shown = FormState::new(values.clone()).in_scope(scope()).with_errors(tr, &errors);
            form_page(staff, id, shown, StatusCode::UNPROCESSABLE_ENTITY)
        }
        AppError::Conflict { .. } if id.is_some() => {
            let mut shown = FormState::new(values.clone()).in_scope(scope());
            shown.general = Some(tr.t("knowledge-edit-conflict"));
            form_page(staff, id, shown, StatusCode::CONFLICT)
        }
        e => app_error_page(&staff.chrome(AREA), e),
    }
}

pub async fn new_form(State(state): State<AppState>, staff: StaffPage) -> Response {
    if let Some(refused) = writer(&state, &staff).await {
        return refused;
    }
    form_page(&staff, None, FormState::default().in_scope(scope()), StatusCode::OK)
}

pub async fn new_submit(State(state): State<AppState>, form: PageForm<ArticleInput>) -> Response {
    let staff = &form.page;
    match uc::create(&state.app, &staff.actor, &from_form(&form.input)).await {
        Ok(view) => saved(&format!("/knowledge/{}", view.article.id), "knowledge-created"),
        Err(e) => shown_again(staff, &form.values, e, None),
    }
}

fn article_values(a: &Article) -> FormData {
    let d = &a.draft;
    let mut v = vec![
        ("title".to_owned(), d.title.clone()),
        ("summary".to_owned(), d.summary.clone()),
        ("body_markdown".to_owned(), d.body_markdown.clone()),
        ("categories".to_owned(), d.categories.join(", ")),
        ("review_by".to_owned(), d.review_by.to_string()),
        ("version".to_owned(), a.version.to_string()),
    ];
    v.extend(d.life_domains.iter().map(|l| ("life_domains".to_owned(), l.code().to_owned())));
    FormData(v)
}

pub async fn edit_form(State(state): State<AppState>, staff: StaffPage, Path(id): Path<i64>) -> Response {
    if let Some(refused) = writer(&state, &staff).await {
        return refused;
    }
    match uc::get(&state.app, &staff.actor, id).await {
        Ok(view) => {
            let form = FormState::new(article_values(&view.article)).in_scope(scope());
            form_page(&staff, Some(id), form, StatusCode::OK)
        }
        Err(e) => app_error_page(&staff.chrome(AREA), e),
    }
}

pub async fn edit_submit(State(state): State<AppState>, Path(id): Path<i64>, form: PageForm<ArticleInput>) -> Response {
    let staff = &form.page;
    match uc::change(&state.app, &staff.actor, id, &from_form(&form.input)).await {
        Ok(_) => saved(&format!("/knowledge/{id}"), "knowledge-changed"),
        Err(e) => shown_again(staff, &form.values, e, Some(id)),
    }
}

// ---------------------------------------------------------------------------------------
// Past their review date.

pub struct ReviewRow {
    pub id: i64,
    pub title: String,
    pub owner: String,
    pub review_by: String,
    pub own: bool,
}

#[derive(Template)]
#[template(path = "knowledge/review.html")]
struct ReviewPage {
    page: Chrome,
    rows: Vec<ReviewRow>,
}

pub async fn review(State(state): State<AppState>, staff: StaffPage) -> Response {
    let chrome = staff.chrome(AREA);
    let tr = staff.tr();
    let mut due = match uc::review_due(&state.app, &staff.actor).await {
        Ok(d) => d,
        Err(e) => return app_error_page(&chrome, e),
    };
    // One's own articles first, then the longest overdue.
    due.sort_by_key(|a| (a.owner_id != staff.actor.user_id, a.draft.review_by));
    let rows = due
        .into_iter()
        .map(|a| ReviewRow {
            id: a.id,
            own: a.owner_id == staff.actor.user_id,
            title: a.draft.title,
            owner: a.owner_name,
            review_by: tr.date(&a.draft.review_by),
        })
        .collect();
    render(StatusCode::OK, &ReviewPage { rows, page: chrome })
}

// ---------------------------------------------------------------------------------------
// "Nuttig hier" on the family file and the plan.

/// An article offered beside a case.
#[derive(Debug, Clone)]
pub struct Useful {
    pub id: i64,
    pub title: String,
    pub summary: String,
}

/// A few articles for the case's life domains; nothing when there are none (or on an error,
/// which must not cost the family file its page).
pub async fn useful_here(state: &AppState, actor: &Actor, domains: &[LifeDomain]) -> Vec<Useful> {
    match uc::useful_for(&state.app, actor, domains).await {
        Ok(articles) => {
            articles.into_iter().map(|a| Useful { id: a.id, title: a.draft.title, summary: a.draft.summary }).collect()
        }
        Err(e) => {
            tracing::warn!(error = %e, "the useful articles could not be read");
            Vec::new()
        }
    }
}
