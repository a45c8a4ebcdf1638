-- The knowledge base (kennisbank, issue 20; decision 0035).
--
-- An article holds its current text; every change, the first included, is also kept whole as a
-- version (who, when, the full text), so a diff between any two can be shown. `source_path` is
-- the file an article was imported from (`buurtteam import knowledge DIR`), so a re-import finds
-- it again. Life domains are stored as their codes, comma-separated; categories one per line.
--
-- The search index differs per backend on purpose: here an FTS5 table holding each article's
-- words folded and stemmed in Rust (SQLite has no Dutch stemmer), its rowid the article's id;
-- PostgreSQL keeps a tsvector of the folded text made with the `dutch` configuration, under a
-- GIN index. The schema-parity test leaves `knowledge_search*` out on both sides.
ALTER TABLE users ADD COLUMN knowledge_editor BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE knowledge_articles (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    body_markdown TEXT NOT NULL,
    categories TEXT NOT NULL DEFAULT '',
    life_domains TEXT NOT NULL DEFAULT '',
    owner_id INTEGER NOT NULL REFERENCES users (id),
    review_by TEXT NOT NULL,
    source_path TEXT UNIQUE,
    version INTEGER NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_by INTEGER NOT NULL REFERENCES users (id),
    updated_at TEXT NOT NULL
);
CREATE INDEX knowledge_articles_review ON knowledge_articles (review_by);

CREATE TABLE knowledge_versions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES knowledge_articles (id),
    version INTEGER NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    body_markdown TEXT NOT NULL,
    categories TEXT NOT NULL,
    life_domains TEXT NOT NULL,
    review_by TEXT NOT NULL,
    changed_by INTEGER NOT NULL REFERENCES users (id),
    changed_at TEXT NOT NULL,
    UNIQUE (article_id, version)
);

CREATE VIRTUAL TABLE knowledge_search USING fts5 (
    title,
    summary,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
