//! The knowledge base (kennisbank, decision 0035): every staff member searches and reads it;
//! admins, team managers and editors write. Who may do what is `domain::policy::knowledge`.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderName, StatusCode, header};
use buurtteam_app::knowledge::{self as uc, ArticleInput, ArticleView, SearchItem, VersionView};
use buurtteam_domain::knowledge::diff::Line;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::Body;
use super::dto::ListOut;
use crate::AppState;
use crate::problem::{ApiError, Problem};
use crate::session::Staff as Account;

/// An article.
#[derive(Debug, Serialize, ToSchema)]
pub struct ArticleOut {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub body_markdown: String,
    /// The body as safe HTML (no raw HTML; links only to http(s), mailto or relative).
    pub body_html: String,
    pub categories: Vec<String>,
    /// Life domain codes.
    pub life_domains: Vec<String>,
    pub owner_id: i64,
    pub owner: String,
    pub review_by: Date,
    /// Whether the review-by date has passed.
    pub review_due: bool,
    /// The current version (1 for a new article); give it back with a change.
    pub version: i32,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub updated_by: String,
}

impl From<ArticleView> for ArticleOut {
    fn from(v: ArticleView) -> Self {
        let a = v.article;
        Self {
            id: a.id,
            title: a.draft.title,
            summary: a.draft.summary,
            body_markdown: a.draft.body_markdown,
            body_html: v.html,
            categories: a.draft.categories,
            life_domains: a.draft.life_domains.iter().map(|d| d.code().to_owned()).collect(),
            owner_id: a.owner_id.0,
            owner: a.owner_name,
            review_by: a.draft.review_by,
            review_due: v.review_due,
            version: a.version,
            created_at: a.created_at,
            updated_at: a.updated_at,
            updated_by: a.updated_by_name,
        }
    }
}

/// A search result.
#[derive(Debug, Serialize, ToSchema)]
pub struct ArticleHitOut {
    pub id: i64,
    pub title: String,
    /// HTML: the text around the first match, escaped, each matching word in `<mark>`.
    pub snippet: String,
    pub summary: String,
    pub categories: Vec<String>,
    pub life_domains: Vec<String>,
}

impl From<SearchItem> for ArticleHitOut {
    fn from(i: SearchItem) -> Self {
        Self {
            id: i.id,
            title: i.title,
            snippet: i.snippet,
            summary: i.summary,
            categories: i.categories,
            life_domains: i.life_domains.iter().map(|d| d.code().to_owned()).collect(),
        }
    }
}

/// One line of a diff.
#[derive(Debug, Serialize, ToSchema)]
pub struct DiffLineOut {
    /// `same`, `added` or `removed`.
    pub op: &'static str,
    pub text: String,
}

/// One version of an article, with what changed against the one before.
#[derive(Debug, Serialize, ToSchema)]
pub struct ArticleVersionOut {
    pub version: i32,
    pub title: String,
    pub changed_by: String,
    pub changed_at: Timestamp,
    /// The fields other than the body that changed against the version before.
    pub changed_fields: Vec<&'static str>,
    /// The body's lines against the version before (all added for the first).
    pub body_diff: Vec<DiffLineOut>,
}

impl From<VersionView> for ArticleVersionOut {
    fn from(v: VersionView) -> Self {
        Self {
            version: v.version.version,
            title: v.version.draft.title,
            changed_by: v.version.changed_by_name,
            changed_at: v.version.changed_at,
            changed_fields: v.changed_fields,
            body_diff: v
                .body_diff
                .into_iter()
                .map(|l| match l {
                    Line::Same(text) => DiffLineOut { op: "same", text },
                    Line::Added(text) => DiffLineOut { op: "added", text },
                    Line::Removed(text) => DiffLineOut { op: "removed", text },
                })
                .collect(),
        }
    }
}

/// The search.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct KnowledgeQuery {
    /// What to look for, in Dutch: word forms and accents do not matter ("echtscheiding" finds
    /// "echtscheidingen", "ruzie" finds "ruzieën"). Empty: the newest articles.
    pub q: Option<String>,
    /// Only articles in this category (as written; other capitals match too).
    pub category: Option<String>,
    /// Only articles for this life domain (a code: `parenting`, `finances`, ...); 422 for
    /// another value.
    #[serde(rename = "lifeDomain", alias = "life_domain")]
    pub life_domain: Option<String>,
}

type Created = Result<(StatusCode, [(HeaderName, String); 2], Json<ArticleOut>), ApiError>;

/// Write an article (admins, team managers and editors). Every field but `life_domains`,
/// `categories` and `review_by` (default: a year on) is required.
#[utoipa::path(post, path = "/api/v1/knowledge", tag = "knowledge", request_body = ArticleInput,
    responses(
        (status = 201, body = ArticleOut, headers(("Location" = String, description = "The article"))),
        (status = 403, description = "Not an editor", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_article(State(s): State<AppState>, a: Account, body: Body<ArticleInput>) -> Created {
    let Json(input) = body?;
    let v = uc::create(&s.app, &a.actor, &input).await?;
    let at = format!("/api/v1/knowledge/{}", v.article.id);
    Ok((StatusCode::CREATED, [(header::LOCATION, at.clone()), (header::CONTENT_LOCATION, at)], Json(v.into())))
}

/// Search the knowledge base (every staff member): best match first (a match in the title
/// above one in the summary, above one in the text), at most 50, each with a snippet;
/// `category` and `lifeDomain` narrow the whole knowledge base before the 50 are taken.
#[utoipa::path(get, path = "/api/v1/knowledge", tag = "knowledge", params(KnowledgeQuery),
    responses(
        (status = 200, body = ListOut<ArticleHitOut>),
        (status = 404, description = "A portal account", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn search_articles(
    State(s): State<AppState>,
    a: Account,
    query: Result<Query<KnowledgeQuery>, QueryRejection>,
) -> Result<Json<ListOut<ArticleHitOut>>, ApiError> {
    let Query(q) = query?;
    let filter = uc::SearchFilter { category: q.category.as_deref(), life_domain: q.life_domain.as_deref() };
    let items = uc::search(&s.app, &a.actor, q.q.as_deref().unwrap_or(""), &filter).await?;
    Ok(Json(ListOut { items: items.into_iter().map(Into::into).collect() }))
}

/// One article, its Markdown and its rendered HTML.
#[utoipa::path(get, path = "/api/v1/knowledge/{id}", tag = "knowledge", params(("id" = i64, Path)),
    responses(
        (status = 200, body = ArticleOut),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_article(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
) -> Result<Json<ArticleOut>, ApiError> {
    Ok(Json(uc::get(&s.app, &a.actor, id).await?.into()))
}

/// Change an article: a new version (none if nothing changed). Fields left out stay as they
/// are; `version` (optional) guards against overwriting someone else's change (409).
#[utoipa::path(put, path = "/api/v1/knowledge/{id}", tag = "knowledge", params(("id" = i64, Path)),
    request_body = ArticleInput,
    responses(
        (status = 200, body = ArticleOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Changed by someone else meanwhile", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn put_article(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<ArticleInput>,
) -> Result<Json<ArticleOut>, ApiError> {
    let Json(input) = body?;
    Ok(Json(uc::change(&s.app, &a.actor, id, &input).await?.into()))
}

/// Change an article (the same as PUT: fields left out stay as they are).
#[utoipa::path(patch, path = "/api/v1/knowledge/{id}", tag = "knowledge", params(("id" = i64, Path)),
    request_body = ArticleInput,
    responses(
        (status = 200, body = ArticleOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn patch_article(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
    body: Body<ArticleInput>,
) -> Result<Json<ArticleOut>, ApiError> {
    put_article(State(s), a, Path(id), body).await
}

/// Every version of an article, newest first, with who changed it when and the diff.
#[utoipa::path(get, path = "/api/v1/knowledge/{id}/versions", tag = "knowledge", params(("id" = i64, Path)),
    responses(
        (status = 200, body = ListOut<ArticleVersionOut>),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn article_versions(
    State(s): State<AppState>,
    a: Account,
    Path(id): Path<i64>,
) -> Result<Json<ListOut<ArticleVersionOut>>, ApiError> {
    let items = uc::versions(&s.app, &a.actor, id).await?;
    Ok(Json(ListOut { items: items.into_iter().map(Into::into).collect() }))
}

/// The articles past their review date, oldest first (those who write).
#[utoipa::path(get, path = "/api/v1/knowledge/review-due", tag = "knowledge",
    responses(
        (status = 200, body = ListOut<ArticleHitOut>),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn review_due(State(s): State<AppState>, a: Account) -> Result<Json<ListOut<ArticleHitOut>>, ApiError> {
    let items = uc::review_due(&s.app, &a.actor).await?;
    Ok(Json(ListOut {
        items: items
            .into_iter()
            .map(|a| ArticleHitOut {
                id: a.id,
                title: a.draft.title,
                snippet: buurtteam_domain::knowledge::search::escape(&a.draft.summary),
                summary: a.draft.summary,
                categories: a.draft.categories,
                life_domains: a.draft.life_domains.iter().map(|d| d.code().to_owned()).collect(),
            })
            .collect(),
    }))
}

/// The editor right of a staff member.
#[derive(Debug, Deserialize, ToSchema)]
pub struct EditorInput {
    /// `true`: may write in the knowledge base.
    pub editor: bool,
}

/// Give or take a staff member's editor right (admins; the admin user page does the same).
/// Admins and team managers write anyway.
#[utoipa::path(put, path = "/api/v1/knowledge/editors/{user_id}", tag = "knowledge", params(("user_id" = i64, Path)),
    request_body = EditorInput,
    responses(
        (status = 204, description = "Set"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn set_editor(
    State(s): State<AppState>,
    a: Account,
    Path(user_id): Path<i64>,
    body: Body<EditorInput>,
) -> Result<StatusCode, ApiError> {
    let Json(input) = body?;
    uc::set_editor(&s.app, &a.actor, buurtteam_domain::ids::UserId(user_id), input.editor).await?;
    Ok(StatusCode::NO_CONTENT)
}
