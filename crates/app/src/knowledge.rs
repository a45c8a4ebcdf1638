//! The knowledge base (kennisbank, issue 20; decision 0035): articles on basishulp that every
//! staff member reads and searches, and that admins, team managers and editors write. Each
//! change is a version; reading is not logged (no personal data is read), writing is.

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::codes::LifeDomain;
use buurtteam_domain::ids::UserId;
use buurtteam_domain::knowledge::search::{self, Query};
use buurtteam_domain::knowledge::{self as rules, diff, markdown};
use buurtteam_domain::policy::knowledge::{EditorRight, KnowledgeAction, decide};
use buurtteam_domain::policy::{Actor, Decision};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit::{self, Refused};
use buurtteam_store::knowledge::{self as store, Article, Draft};
use buurtteam_store::{StoreError, Tx};
use jiff::Timestamp;
use serde::Deserialize;
use serde_json::json;

use crate::refusals::{self, Attempt};
use crate::{App, AppError, Result, audit_entry, input};

/// The most results a search gives.
pub const SEARCH_LIMIT: i64 = 50;

/// An article to write, or a change of one (`POST`/`PUT`/`PATCH /api/v1/knowledge`, the form).
/// In a change a field left out stays as it is.
#[derive(Debug, Default, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleInput {
    pub title: Option<String>,
    /// A few sentences: what the article is about (shown in lists).
    pub summary: Option<String>,
    /// The text in Markdown; raw HTML is not shown, links only to http(s), mailto or relative.
    pub body_markdown: Option<String>,
    /// Life domain codes (`parenting`, `finances`, ...).
    pub life_domains: Option<Vec<String>>,
    /// Free categories, e.g. `Scheiding`.
    pub categories: Option<Vec<String>>,
    /// `YYYY-MM-DD`: when the owner looks at it again (default: a year on).
    pub review_by: Option<String>,
    /// For a change: the version it was made on; another change in between is a 409.
    pub version: Option<i32>,
}

/// An article as shown: its text, safe HTML, metadata.
#[derive(Debug, Clone)]
pub struct ArticleView {
    pub article: Article,
    pub html: String,
    pub review_due: bool,
    pub may_edit: bool,
}

/// A search result.
#[derive(Debug, Clone)]
pub struct SearchItem {
    pub id: i64,
    pub title: String,
    pub summary: String,
    /// HTML: escaped text with each matching word in `<mark>`.
    pub snippet: String,
    pub categories: Vec<String>,
    pub life_domains: Vec<LifeDomain>,
}

/// A version with what changed against the one before.
#[derive(Debug, Clone)]
pub struct VersionView {
    pub version: store::Version,
    /// The fields other than the body that changed.
    pub changed_fields: Vec<&'static str>,
    pub body_diff: Vec<diff::Line>,
}

async fn right(app: &App, actor: &Actor) -> Result<EditorRight> {
    if !actor.role.is_staff() {
        return Ok(EditorRight::NotGiven);
    }
    let mut tx = app.db.begin_read().await?;
    Ok(EditorRight::of(store::is_editor(&mut tx, actor.user_id).await?))
}

/// Asks the policy; a refusal is logged like other organisation-wide refusals.
async fn authorise(app: &App, actor: &Actor, action: KnowledgeAction) -> Result<()> {
    let refusal = match decide(actor.role, right(app, actor).await?, action) {
        Decision::Allow => return Ok(()),
        Decision::Deny => AppError::Forbidden("you may not write in the knowledge base".into()),
        Decision::Hidden => AppError::NotFound("knowledge base"),
    };
    let attempt = Attempt::new(Refused::Organisation, "knowledge").with("attempted", action.code());
    Err(refusals::refuse(app, Some(actor), attempt, refusal).await)
}

/// Whether the actor may write (for pages: show the buttons).
pub async fn may_write(app: &App, actor: &Actor) -> Result<bool> {
    Ok(decide(actor.role, right(app, actor).await?, KnowledgeAction::Write) == Decision::Allow)
}

/// Reads a complete draft from `input`, starting from `base` (a change) or nothing (new).
fn read_draft(app: &App, input: &ArticleInput, base: Option<&Draft>) -> Result<Draft> {
    let mut errors = Errors::default();
    let text = |errors: &mut Errors, field: &str, given: Option<&String>, old: Option<&String>, max, long| {
        let value = given.or(old).map(String::as_str);
        if long { input::long_text(errors, field, value, max) } else { input::text(errors, field, value, max) }
    };
    let title = text(&mut errors, "title", input.title.as_ref(), base.map(|b| &b.title), rules::MAX_TITLE, false);
    let summary =
        text(&mut errors, "summary", input.summary.as_ref(), base.map(|b| &b.summary), rules::MAX_SUMMARY, true);
    let body = text(
        &mut errors,
        "body_markdown",
        input.body_markdown.as_ref(),
        base.map(|b| &b.body_markdown),
        rules::MAX_BODY,
        true,
    );
    let life_domains = match &input.life_domains {
        Some(raw) => rules::life_domains(&mut errors, raw),
        None => base.map(|b| b.life_domains.clone()).unwrap_or_default(),
    };
    let categories = match &input.categories {
        Some(raw) => rules::categories(&mut errors, raw),
        None => base.map(|b| b.categories.clone()).unwrap_or_default(),
    };
    let review_by = match input.review_by.as_deref().filter(|r| !r.trim().is_empty()) {
        Some(r) => input::date(&mut errors, "review_by", Some(r)),
        None => Some(base.map_or_else(|| rules::default_review_by(app.today()), |b| b.review_by)),
    };
    errors.finish()?;
    Ok(Draft {
        title: title.unwrap_or_default(),
        summary: summary.unwrap_or_default(),
        body_markdown: body.unwrap_or_default(),
        categories,
        life_domains,
        review_by: review_by.unwrap_or_else(|| app.today()),
    })
}

fn draft_value(d: &Draft) -> serde_json::Value {
    json!({
        "title": d.title,
        "life_domains": d.life_domains.iter().map(|l| l.code()).collect::<Vec<_>>(),
        "categories": d.categories,
        "review_by": d.review_by.to_string(),
    })
}

async fn write_created(
    tx: &mut Tx,
    actor: Option<&Actor>,
    owner: UserId,
    draft: &Draft,
    source: Option<&str>,
    now: Timestamp,
) -> Result<i64> {
    let id = store::insert(tx, draft, owner, source, now).await?;
    let mut entry = audit_entry(actor, now, AuditAction::KnowledgeArticleCreated, "knowledge_article");
    entry.object_id = Some(id);
    entry.detail = json!({ "version": 1, "after": draft_value(draft), "source": source });
    audit::append(tx, &entry).await?;
    Ok(id)
}

async fn write_changed(
    tx: &mut Tx,
    actor: Option<&Actor>,
    by: UserId,
    before: &Article,
    draft: &Draft,
    now: Timestamp,
) -> Result<i32> {
    let version = store::update(tx, before.id, before.version, draft, by, now).await.map_err(|e| match e {
        StoreError::Concurrent => AppError::Conflict {
            message: "the article was changed by someone else in the meantime; reload it and make the change again"
                .into(),
            current_status: None,
        },
        other => other.into(),
    })?;
    let mut entry = audit_entry(actor, now, AuditAction::KnowledgeArticleChanged, "knowledge_article");
    entry.object_id = Some(before.id);
    entry.detail = json!({ "version": version, "fields": changed_fields(&before.draft, draft) });
    audit::append(tx, &entry).await?;
    Ok(version)
}

/// Writes a new article, owned by its writer.
pub async fn create(app: &App, actor: &Actor, input: &ArticleInput) -> Result<ArticleView> {
    authorise(app, actor, KnowledgeAction::Write).await?;
    let draft = read_draft(app, input, None)?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let id = write_created(&mut tx, Some(actor), actor.user_id, &draft, None, now).await?;
    tx.commit().await?;
    get(app, actor, id).await
}

/// Changes an article: a new version, unless nothing changed.
pub async fn change(app: &App, actor: &Actor, id: i64, input: &ArticleInput) -> Result<ArticleView> {
    authorise(app, actor, KnowledgeAction::Write).await?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let before = store::get(&mut tx, id).await?.ok_or(AppError::NotFound("article"))?;
    if let Some(v) = input.version
        && v != before.version
    {
        return Err(AppError::Conflict {
            message: format!(
                "the article is at version {} now, not {v}; reload it and make the change again",
                before.version
            ),
            current_status: None,
        });
    }
    let draft = read_draft(app, input, Some(&before.draft))?;
    if draft != before.draft {
        write_changed(&mut tx, Some(actor), actor.user_id, &before, &draft, now).await?;
        tx.commit().await?;
    }
    get(app, actor, id).await
}

fn view(app: &App, article: Article, may_edit: bool) -> ArticleView {
    let html = markdown::to_html(&article.draft.body_markdown);
    let review_due = rules::is_review_due(article.draft.review_by, app.today());
    ArticleView { article, html, review_due, may_edit }
}

/// One article (every staff member).
pub async fn get(app: &App, actor: &Actor, id: i64) -> Result<ArticleView> {
    authorise(app, actor, KnowledgeAction::Read).await?;
    let may_edit = may_write(app, actor).await?;
    let mut tx = app.db.begin_read().await?;
    let article = store::get(&mut tx, id).await?.ok_or(AppError::NotFound("article"))?;
    Ok(view(app, article, may_edit))
}

fn item(article: Article, query: &Query) -> SearchItem {
    // The snippet comes from the summary when it holds a match, else from the first block of
    // the text (a paragraph, heading or list item) that does: a snippet never runs a heading
    // into the next paragraph. No match anywhere (a filter alone): the summary.
    // The text is only taken apart when the summary does not match.
    let summary = &article.draft.summary;
    let snippet = if search::has_match(summary, query) {
        search::snippet(summary, query)
    } else {
        let blocks = markdown::to_plain_blocks(&article.draft.body_markdown);
        search::snippet(blocks.iter().find(|b| search::has_match(b, query)).unwrap_or(summary), query)
    };
    SearchItem {
        id: article.id,
        title: article.draft.title,
        summary: article.draft.summary,
        snippet,
        categories: article.draft.categories,
        life_domains: article.draft.life_domains,
    }
}

/// What a search is narrowed to, as typed (`?category=&lifeDomain=`).
#[derive(Debug, Default, Clone)]
pub struct SearchFilter<'a> {
    pub category: Option<&'a str>,
    pub life_domain: Option<&'a str>,
}

impl SearchFilter<'_> {
    fn parse(&self) -> Result<store::Filter> {
        let life_domain = match self.life_domain.map(str::trim).filter(|d| !d.is_empty()) {
            None => None,
            Some(code) => match LifeDomain::parse(code) {
                Some(d) => Some(d),
                None => {
                    let mut errors = Errors::default();
                    errors
                        .add(
                            "lifeDomain",
                            format!("{code:?} is not a life domain; accepted: {}", LifeDomain::accepted()),
                        )
                        .code("unknown_code")
                        .arg("accepted", LifeDomain::accepted());
                    return Err(AppError::Validation(errors.0));
                }
            },
        };
        let category = self.category.map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned);
        Ok(store::Filter { category, life_domain })
    }
}

/// Searches the knowledge base, best match first; an empty query gives the newest articles.
/// The filter narrows the whole knowledge base, not only the first results.
pub async fn search(app: &App, actor: &Actor, q: &str, filter: &SearchFilter<'_>) -> Result<Vec<SearchItem>> {
    authorise(app, actor, KnowledgeAction::Read).await?;
    let query = Query::parse(q);
    let filter = filter.parse()?;
    let mut tx = app.db.begin_read().await?;
    let articles = if query.is_empty() {
        store::recent(&mut tx, &filter, SEARCH_LIMIT).await?
    } else {
        store::search(&mut tx, &query, &filter, SEARCH_LIMIT).await?.into_iter().map(|h| h.article).collect()
    };
    Ok(articles.into_iter().map(|a| item(a, &query)).collect())
}

/// Every category in use (the search page's filter).
pub async fn categories(app: &App, actor: &Actor) -> Result<Vec<String>> {
    authorise(app, actor, KnowledgeAction::Read).await?;
    let mut tx = app.db.begin_read().await?;
    Ok(store::categories(&mut tx).await?)
}

fn changed_fields(a: &Draft, b: &Draft) -> Vec<&'static str> {
    let mut out = Vec::new();
    if a.title != b.title {
        out.push("title");
    }
    if a.summary != b.summary {
        out.push("summary");
    }
    if a.body_markdown != b.body_markdown {
        out.push("body_markdown");
    }
    if a.categories != b.categories {
        out.push("categories");
    }
    if a.life_domains != b.life_domains {
        out.push("life_domains");
    }
    if a.review_by != b.review_by {
        out.push("review_by");
    }
    out
}

/// Every version of an article, newest first, each with its diff against the one before.
pub async fn versions(app: &App, actor: &Actor, id: i64) -> Result<Vec<VersionView>> {
    authorise(app, actor, KnowledgeAction::Read).await?;
    let mut tx = app.db.begin_read().await?;
    store::get(&mut tx, id).await?.ok_or(AppError::NotFound("article"))?;
    let versions = store::versions(&mut tx, id).await?;
    let mut out: Vec<VersionView> = Vec::with_capacity(versions.len());
    let mut previous: Option<Draft> = None;
    for v in versions {
        let (changed_fields, body_diff) = match &previous {
            Some(p) => (changed_fields(p, &v.draft), diff::lines(&p.body_markdown, &v.draft.body_markdown)),
            None => (Vec::new(), diff::lines("", &v.draft.body_markdown)),
        };
        previous = Some(v.draft.clone());
        out.push(VersionView { version: v, changed_fields, body_diff });
    }
    out.reverse();
    Ok(out)
}

/// The articles past their review date (those who write).
pub async fn review_due(app: &App, actor: &Actor) -> Result<Vec<Article>> {
    authorise(app, actor, KnowledgeAction::ListReviewDue).await?;
    let mut tx = app.db.begin_read().await?;
    Ok(store::review_due(&mut tx, app.today()).await?)
}

/// "Nuttig hier": a few articles for these life domains (the family file, the plan). Nothing
/// for an actor who may not read the knowledge base.
pub async fn useful_for(app: &App, actor: &Actor, domains: &[LifeDomain]) -> Result<Vec<Article>> {
    if decide(actor.role, EditorRight::NotGiven, KnowledgeAction::Read) != Decision::Allow || domains.is_empty() {
        return Ok(Vec::new());
    }
    let mut tx = app.db.begin_read().await?;
    Ok(store::for_life_domains(&mut tx, domains, 4).await?)
}

/// Gives or takes a staff member's editor right (admins, from the user page).
pub async fn set_editor(app: &App, actor: &Actor, user: UserId, editor: bool) -> Result<()> {
    crate::organisation::organisation_wide(app, actor, buurtteam_domain::policy::Action::ManageUsers, "user").await?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    buurtteam_store::organisation::get_user(&mut tx, user)
        .await?
        .filter(|u| u.role.is_staff())
        .ok_or(AppError::NotFound("user"))?;
    let before = store::is_editor(&mut tx, user).await?;
    if before == editor {
        return Ok(());
    }
    store::set_editor(&mut tx, user, editor).await?;
    let mut entry = audit_entry(Some(actor), now, AuditAction::UserChanged, "user");
    entry.object_id = Some(user.0);
    entry.detail = json!({ "before": { "knowledge_editor": before }, "after": { "knowledge_editor": editor } });
    audit::append(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}

pub mod import;
