//! The knowledge base (decision 0035): articles, their versions, the editor right, and the
//! search index, which each backend keeps in its own way (FTS5 on SQLite, a `dutch` tsvector
//! under a GIN index on PostgreSQL). What goes into the index is made in
//! `domain::knowledge::search`, so both backends index and query the same words.

use buurtteam_domain::codes::LifeDomain;
use buurtteam_domain::ids::UserId;
use buurtteam_domain::knowledge::search::{self, Query};
use buurtteam_domain::knowledge::{self as rules, markdown};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{Result, StoreError, Tx, sql_date, sql_ts};

/// An article's text and metadata, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub title: String,
    pub summary: String,
    pub body_markdown: String,
    pub categories: Vec<String>,
    pub life_domains: Vec<LifeDomain>,
    pub review_by: Date,
}

/// An article as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub id: i64,
    pub draft: Draft,
    pub owner_id: UserId,
    pub owner_name: String,
    pub version: i32,
    pub source_path: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub updated_by_name: String,
}

/// One version of an article (the first is its creation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub version: i32,
    pub draft: Draft,
    pub changed_by: UserId,
    pub changed_by_name: String,
    pub changed_at: Timestamp,
}

/// A search hit: the article and its rank (higher is better; comparable within one search).
#[derive(Debug, Clone)]
pub struct Hit {
    pub article: Article,
    pub rank: f64,
}

/// Whether the user holds the knowledge base's editor right.
pub async fn is_editor(tx: &mut Tx, user: UserId) -> Result<bool> {
    let flag: Option<bool> = on!(tx, |c| sqlx::query_scalar("SELECT knowledge_editor FROM users WHERE id = $1")
        .bind(user.0)
        .fetch_optional(&mut *c)
        .await)?;
    Ok(flag.unwrap_or(false))
}

/// Gives or takes the editor right.
pub async fn set_editor(tx: &mut Tx, user: UserId, editor: bool) -> Result<()> {
    exec!(tx, |c| sqlx::query("UPDATE users SET knowledge_editor = $2 WHERE id = $1")
        .bind(user.0)
        .bind(editor)
        .execute(&mut *c)
        .await)?;
    Ok(())
}

/// Creates an article with its first version and its index entry; returns its id.
pub async fn insert(tx: &mut Tx, d: &Draft, owner: UserId, source_path: Option<&str>, now: Timestamp) -> Result<i64> {
    let id: i64 = on!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO knowledge_articles (title, summary, body_markdown, categories, life_domains, owner_id, review_by, \
         source_path, version, created_by, created_at, updated_by, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $6, $9, $6, $9) RETURNING id"
    )
    .bind(&d.title)
    .bind(&d.summary)
    .bind(&d.body_markdown)
    .bind(rules::categories_to_stored(&d.categories))
    .bind(rules::domains_to_stored(&d.life_domains))
    .bind(owner.0)
    .bind(sql_date(d.review_by))
    .bind(source_path)
    .bind(sql_ts(now))
    .fetch_one(&mut *c)
    .await
    })?;
    add_version(tx, id, 1, d, owner, now).await?;
    index(tx, id, d, false).await?;
    Ok(id)
}

/// Changes an article: its text in force, a new version, its index entry. `expected` is the
/// version the change was made on; another change in between makes this `Concurrent`.
pub async fn update(tx: &mut Tx, id: i64, expected: i32, d: &Draft, by: UserId, now: Timestamp) -> Result<i32> {
    let version = expected + 1;
    let n = exec!(tx, |c| sqlx::query(
        "UPDATE knowledge_articles SET title = $3, summary = $4, body_markdown = $5, categories = $6, \
         life_domains = $7, review_by = $8, version = $2, updated_by = $9, updated_at = $10 \
         WHERE id = $1 AND version = $11"
    )
    .bind(id)
    .bind(version)
    .bind(&d.title)
    .bind(&d.summary)
    .bind(&d.body_markdown)
    .bind(rules::categories_to_stored(&d.categories))
    .bind(rules::domains_to_stored(&d.life_domains))
    .bind(sql_date(d.review_by))
    .bind(by.0)
    .bind(sql_ts(now))
    .bind(expected)
    .execute(&mut *c)
    .await)?;
    if n != 1 {
        return Err(StoreError::Concurrent);
    }
    add_version(tx, id, version, d, by, now).await?;
    index(tx, id, d, true).await?;
    Ok(version)
}

async fn add_version(tx: &mut Tx, id: i64, version: i32, d: &Draft, by: UserId, now: Timestamp) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "INSERT INTO knowledge_versions (article_id, version, title, summary, body_markdown, categories, life_domains, \
         review_by, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
    )
    .bind(id)
    .bind(version)
    .bind(&d.title)
    .bind(&d.summary)
    .bind(&d.body_markdown)
    .bind(rules::categories_to_stored(&d.categories))
    .bind(rules::domains_to_stored(&d.life_domains))
    .bind(sql_date(d.review_by))
    .bind(by.0)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    Ok(())
}

/// Writes the article's entry in the search index (replacing the old one).
async fn index(tx: &mut Tx, id: i64, d: &Draft, replace: bool) -> Result<()> {
    let body = markdown::to_plain_text(&d.body_markdown);
    let categories = d.categories.join(" ");
    match tx {
        Tx::Sqlite(t) => {
            if replace {
                sqlx::query("DELETE FROM knowledge_search WHERE rowid = $1").bind(id).execute(&mut **t).await?;
            }
            sqlx::query("INSERT INTO knowledge_search (rowid, title, summary, body) VALUES ($1, $2, $3, $4)")
                .bind(id)
                .bind(search::stemmed_text(&d.title))
                .bind(search::stemmed_text(&format!("{} {categories}", d.summary)))
                .bind(search::stemmed_text(&body))
                .execute(&mut **t)
                .await?;
        }
        Tx::Postgres(t) => {
            sqlx::query(
                "INSERT INTO knowledge_search (article_id, document) VALUES ($1, \
                 setweight(to_tsvector('dutch', $2), 'A') || setweight(to_tsvector('dutch', $3), 'B') || \
                 setweight(to_tsvector('dutch', $4), 'C')) \
                 ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document",
            )
            .bind(id)
            .bind(search::folded_text(&d.title))
            .bind(search::folded_text(&format!("{} {categories}", d.summary)))
            .bind(search::folded_text(&body))
            .execute(&mut **t)
            .await?;
        }
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    title: String,
    summary: String,
    body_markdown: String,
    categories: String,
    life_domains: String,
    owner_id: i64,
    owner_name: String,
    review_by: jiff_sqlx::Date,
    source_path: Option<String>,
    version: i32,
    created_at: jiff_sqlx::Timestamp,
    updated_at: jiff_sqlx::Timestamp,
    updated_by_name: String,
}

// The article's columns and the joins for its owner's and last writer's names, as macros so
// that `COLUMNS` is one literal made of them.
macro_rules! columns_only {
    () => {
        "SELECT a.id, a.title, a.summary, a.body_markdown, a.categories, a.life_domains, a.owner_id, \
         o.name AS owner_name, a.review_by, a.source_path, a.version, a.created_at, a.updated_at, \
         w.name AS updated_by_name"
    };
}
macro_rules! users {
    () => {
        "JOIN users o ON o.id = a.owner_id JOIN users w ON w.id = a.updated_by"
    };
}
const COLUMNS_ONLY: &str = columns_only!();
const USERS: &str = users!();
const COLUMNS: &str = concat!(columns_only!(), " FROM knowledge_articles a ", users!());

fn article(r: Row) -> Article {
    Article {
        id: r.id,
        draft: Draft {
            title: r.title,
            summary: r.summary,
            body_markdown: r.body_markdown,
            categories: rules::categories_from_stored(&r.categories),
            life_domains: rules::domains_from_stored(&r.life_domains),
            review_by: r.review_by.to_jiff(),
        },
        owner_id: UserId(r.owner_id),
        owner_name: r.owner_name,
        version: r.version,
        source_path: r.source_path,
        created_at: r.created_at.to_jiff(),
        updated_at: r.updated_at.to_jiff(),
        updated_by_name: r.updated_by_name,
    }
}

pub async fn get(tx: &mut Tx, id: i64) -> Result<Option<Article>> {
    let sql = format!("{COLUMNS} WHERE a.id = $1");
    let row: Option<Row> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(&mut *c).await)?;
    Ok(row.map(article))
}

pub async fn by_source_path(tx: &mut Tx, path: &str) -> Result<Option<Article>> {
    let id: Option<i64> = on!(tx, |c| sqlx::query_scalar("SELECT id FROM knowledge_articles WHERE source_path = $1")
        .bind(path)
        .fetch_optional(&mut *c)
        .await)?;
    match id {
        Some(id) => get(tx, id).await,
        None => Ok(None),
    }
}

/// What a list or search is narrowed to: one category (as written, or in other capitals), one
/// life domain. Applied in the query, before the limit, so a filter finds every matching article
/// and not only those among the first results.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub category: Option<String>,
    pub life_domain: Option<LifeDomain>,
}

impl Filter {
    /// The filter's condition on `a` (knowledge_articles), with its three parameters numbered
    /// from `first`: the category as written, the category in lower case, the domain code.
    /// Categories are stored one per line and domains comma-separated, so a value is matched
    /// between separators, never as a part of another one.
    fn condition(first: usize, sqlite: bool) -> String {
        let (c, l, d) = (first, first + 1, first + 2);
        let nl = if sqlite { "char(10)" } else { "chr(10)" };
        let (find, text) = if sqlite { ("instr", "") } else { ("strpos", "::text") };
        format!(
            "(${c}{text} IS NULL OR {find}({nl} || a.categories || {nl}, {nl} || ${c} || {nl}) > 0 \
             OR {find}({nl} || lower(a.categories) || {nl}, {nl} || ${l} || {nl}) > 0) \
             AND (${d}{text} IS NULL OR {find}(',' || a.life_domains || ',', ',' || ${d} || ',') > 0)"
        )
    }

    fn binds(&self) -> (Option<String>, Option<String>, Option<&'static str>) {
        let category = self.category.as_deref().map(str::trim).filter(|c| !c.is_empty());
        (category.map(str::to_owned), category.map(str::to_lowercase), self.life_domain.map(|d| d.code()))
    }
}

/// The newest articles first (the knowledge base's front page), narrowed by `filter`, at most
/// `limit`.
pub async fn recent(tx: &mut Tx, filter: &Filter, limit: i64) -> Result<Vec<Article>> {
    let sqlite = matches!(tx, Tx::Sqlite(_));
    let sql =
        format!("{COLUMNS} WHERE {} ORDER BY a.updated_at DESC, a.id DESC LIMIT $1", Filter::condition(2, sqlite));
    let (category, lower, domain) = filter.binds();
    let rows: Vec<Row> = on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
        .bind(limit)
        .bind(category.as_deref())
        .bind(lower.as_deref())
        .bind(domain)
        .fetch_all(&mut *c)
        .await)?;
    Ok(rows.into_iter().map(article).collect())
}

/// Every category in use, each once (the first spelling met), in alphabetical order.
pub async fn categories(tx: &mut Tx) -> Result<Vec<String>> {
    let stored: Vec<String> =
        on!(tx, |c| sqlx::query_scalar("SELECT DISTINCT categories FROM knowledge_articles WHERE categories <> ''")
            .fetch_all(&mut *c)
            .await)?;
    let mut out: Vec<String> = Vec::new();
    for c in stored.iter().flat_map(|s| rules::categories_from_stored(s)) {
        if !out.iter().any(|x| x.to_lowercase() == c.to_lowercase()) {
            out.push(c);
        }
    }
    out.sort_by_key(|c| c.to_lowercase());
    Ok(out)
}

/// Articles past their review date on `today`, the oldest review-by first.
pub async fn review_due(tx: &mut Tx, today: Date) -> Result<Vec<Article>> {
    let sql = format!("{COLUMNS} WHERE a.review_by < $1 ORDER BY a.review_by, a.id");
    let rows: Vec<Row> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(sql_date(today)).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(article).collect())
}

/// Articles tagged with any of `domains`, those sharing most domains first (then the newest),
/// at most `limit`. Counted and cut in the query, so a large knowledge base is not read whole.
pub async fn for_life_domains(tx: &mut Tx, domains: &[LifeDomain], limit: i64) -> Result<Vec<Article>> {
    if domains.is_empty() {
        return Ok(Vec::new());
    }
    let find = if matches!(tx, Tx::Sqlite(_)) { "instr" } else { "strpos" };
    // The codes are the fixed identifiers of `LifeDomain` (letters and `_`), never typed text,
    // so they are written into the statement.
    let shared = domains
        .iter()
        .map(|d| format!("(CASE WHEN {find}(',' || a.life_domains || ',', ',{},') > 0 THEN 1 ELSE 0 END)", d.code()))
        .collect::<Vec<_>>()
        .join(" + ");
    let sql = format!(
        "{COLUMNS} WHERE a.life_domains <> '' AND ({shared}) > 0 \
         ORDER BY ({shared}) DESC, a.updated_at DESC, a.id DESC LIMIT $1"
    );
    let rows: Vec<Row> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(limit).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(article).collect())
}

/// Every version of an article, oldest first.
pub async fn versions(tx: &mut Tx, id: i64) -> Result<Vec<Version>> {
    type VRow = (i32, String, String, String, String, String, jiff_sqlx::Date, i64, String, jiff_sqlx::Timestamp);
    let rows: Vec<VRow> = on!(tx, |c| sqlx::query_as(
        "SELECT v.version, v.title, v.summary, v.body_markdown, v.categories, v.life_domains, v.review_by, \
         v.changed_by, u.name, v.changed_at FROM knowledge_versions v JOIN users u ON u.id = v.changed_by \
         WHERE v.article_id = $1 ORDER BY v.version"
    )
    .bind(id)
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows
        .into_iter()
        .map(|(version, title, summary, body, categories, domains, review_by, by, name, at)| Version {
            version,
            draft: Draft {
                title,
                summary,
                body_markdown: body,
                categories: rules::categories_from_stored(&categories),
                life_domains: rules::domains_from_stored(&domains),
                review_by: review_by.to_jiff(),
            },
            changed_by: UserId(by),
            changed_by_name: name,
            changed_at: at.to_jiff(),
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct HitRow {
    #[sqlx(flatten)]
    row: Row,
    rank: f64,
}

/// The articles matching `query` and `filter`, best first, at most `limit`, in one statement:
/// title matches weigh most, then the summary and categories, then the body (bm25 on SQLite,
/// ts_rank on PostgreSQL). Ties go to the lower id, so the order is stable.
pub async fn search(tx: &mut Tx, query: &Query, filter: &Filter, limit: i64) -> Result<Vec<Hit>> {
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let (category, lower, domain) = filter.binds();
    // Each backend ranks with its own index; the statement has the same parameters on both.
    let (sql, words) = match tx {
        Tx::Sqlite(_) => (
            format!(
                "{COLUMNS_ONLY}, -bm25(knowledge_search, 10.0, 4.0, 1.0) AS rank FROM knowledge_search s \
                 JOIN knowledge_articles a ON a.id = s.rowid {USERS} \
                 WHERE knowledge_search MATCH $1 AND {} ORDER BY rank DESC, a.id LIMIT $2",
                Filter::condition(3, true)
            ),
            query.fts5(),
        ),
        Tx::Postgres(_) => (
            format!(
                "{COLUMNS_ONLY}, ts_rank('{{0.1, 0.2, 0.4, 1.0}}', s.document, q)::float8 AS rank \
                 FROM knowledge_search s CROSS JOIN to_tsquery('dutch', $1) q \
                 JOIN knowledge_articles a ON a.id = s.article_id {USERS} \
                 WHERE s.document @@ q AND {} ORDER BY rank DESC, a.id LIMIT $2",
                Filter::condition(3, false)
            ),
            query.tsquery(),
        ),
    };
    let rows: Vec<HitRow> = on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
        .bind(&words)
        .bind(limit)
        .bind(category.as_deref())
        .bind(lower.as_deref())
        .bind(domain)
        .fetch_all(&mut *c)
        .await)?;
    Ok(rows.into_iter().map(|r| Hit { rank: r.rank, article: article(r.row) }).collect())
}

/// How many articles there are.
pub async fn count(tx: &mut Tx) -> Result<i64> {
    Ok(on!(tx, |c| sqlx::query_scalar("SELECT COUNT(*) FROM knowledge_articles").fetch_one(&mut *c).await)?)
}
