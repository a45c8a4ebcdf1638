//! The admin log, `/admin/audit`: every change made in the administration, newest first, with
//! who, when, what, and each field before and after in words; filtered by period, account and
//! action, 50 a page. It takes any action `AuditAction::is_admin_change` lists without knowing
//! it: the action's label comes from the catalogue (`access-action-*`), the fields' names
//! from `admin-audit-field-*` where the catalogue has them, else the stored key.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_app::repair::{self as uc, AdminLogInput};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde_json::Value;

use super::AdminPage;
use crate::AppState;
use crate::pages::i18n::Tr;
use crate::pages::{Chrome, app_error_page, render};

/// One field of a change: its name, and its value before and after, in words.
pub struct FieldChange {
    pub name: String,
    pub before: String,
    pub after: String,
}

pub struct LogRow {
    pub when: String,
    pub who: String,
    pub what: String,
    pub object: String,
    pub fields: Vec<FieldChange>,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    page: Chrome,
    rows: Vec<LogRow>,
    total: i64,
    from: String,
    to: String,
    actor: String,
    action: String,
    /// (id, name) of the accounts to filter on; (code, label) of the actions.
    actors: Vec<(String, String)>,
    actions: Vec<(String, String)>,
    previous: String,
    next: String,
    page_of: String,
    errors: Vec<(String, String)>,
}

/// "23 november 2026 om 14:05" in the organisation's time zone.
fn when(tr: Tr, tz: &TimeZone, ts: Timestamp) -> String {
    let z = ts.to_zoned(tz.clone());
    tr.t2("plan-at", "date", tr.date(&z.date()), "time", format!("{:02}:{:02}", z.hour(), z.minute()))
}

/// The label of `key` from the catalogue, or `fallback` where it has none.
fn label_or(tr: Tr, key: &str, fallback: &str) -> String {
    let text = tr.t(key);
    if text == key { fallback.to_owned() } else { text }
}

/// The catalogue key of a field `a_b`: `admin-audit-field-a-b`.
fn field_key(name: &str) -> String {
    format!("admin-audit-field-{}", name.replace('_', "-"))
}

/// A value in words: yes/no, nothing, lists joined, objects as `key: value`.
fn value_text(tr: Tr, v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "—".to_owned(),
        Some(Value::Bool(b)) => tr.t(if *b { "admin-audit-yes" } else { "admin-audit-no" }),
        Some(Value::String(s)) if s.is_empty() => "—".to_owned(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Array(a)) => {
            if a.is_empty() {
                "—".to_owned()
            } else {
                a.iter().map(|x| value_text(tr, Some(x))).collect::<Vec<_>>().join(", ")
            }
        }
        Some(Value::Object(m)) => m
            .iter()
            .map(|(k, x)| format!("{}: {}", label_or(tr, &field_key(k), k), value_text(tr, Some(x))))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// The fields of a change, in the order they are stored (by key), those before first.
pub fn field_changes(tr: Tr, before: &Value, after: &Value) -> Vec<FieldChange> {
    let mut names: Vec<&String> = Vec::new();
    for side in [before, after] {
        if let Some(map) = side.as_object() {
            for k in map.keys() {
                if !names.contains(&k) {
                    names.push(k);
                }
            }
        }
    }
    names
        .into_iter()
        .map(|k| FieldChange {
            name: label_or(tr, &field_key(k), k),
            before: value_text(tr, before.get(k)),
            after: value_text(tr, after.get(k)),
        })
        .collect()
}

pub async fn audit(
    State(state): State<AppState>,
    AdminPage(admin): AdminPage,
    query: Result<Query<AdminLogInput>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let chrome = admin.chrome("admin");
    let tr = chrome.tr;
    let q = query.map(|Query(q)| q).unwrap_or_default();
    let (log, errors) = match uc::admin_log(&state.app, &admin.actor, &q).await {
        Ok(log) => (log, Vec::new()),
        Err(buurtteam_app::AppError::Validation(errors)) => {
            let shown = errors
                .iter()
                .map(|e| {
                    (e.field.clone(), label_or(tr, &format!("field-error-{}", e.code.replace('_', "-")), &e.message))
                })
                .collect();
            match uc::admin_log(&state.app, &admin.actor, &AdminLogInput::default()).await {
                Ok(log) => (log, shown),
                Err(e) => return app_error_page(&chrome, e),
            }
        }
        Err(e) => return app_error_page(&chrome, e),
    };
    let tz = state.app.settings.time_zone.clone();
    let rows = log
        .rows
        .iter()
        .map(|r| {
            let (before, after) = uc::before_after(&r.detail);
            let key = format!("access-action-{}", r.action.replace(['.', '_'], "-"));
            LogRow {
                when: when(tr, &tz, r.occurred_at),
                who: match (&r.actor_name, r.actor_user_id) {
                    (Some(name), Some(user)) => {
                        tr.t2("access-who", "name", name.as_str(), "account", user.0.to_string())
                    }
                    _ => tr.t("admin-audit-system"),
                },
                what: label_or(tr, &key, &r.action),
                object: match r.object_id {
                    Some(id) => format!(
                        "{} {id}",
                        label_or(
                            tr,
                            &format!("admin-audit-object-{}", r.object_type.replace('_', "-")),
                            &r.object_type
                        )
                    ),
                    None => {
                        label_or(tr, &format!("admin-audit-object-{}", r.object_type.replace('_', "-")), &r.object_type)
                    }
                },
                fields: field_changes(tr, &before, &after),
            }
        })
        .collect();
    // The filter as given, kept in the links of the pager.
    let keep = |page: i64| {
        let mut parts = vec![format!("page={page}")];
        for (k, v) in [("from", &q.from), ("to", &q.to), ("action", &q.action)] {
            if let Some(v) = v.as_deref().filter(|v| !v.is_empty() && errors.is_empty()) {
                parts.push(format!("{k}={}", v.replace(['&', '#', ' '], "")));
            }
        }
        if let Some(a) = q.actor_id.filter(|_| errors.is_empty()) {
            parts.push(format!("actor_id={a}"));
        }
        format!("/admin/audit?{}", parts.join("&"))
    };
    let page = log.page;
    let page_of =
        if log.pages > 1 { tr.t2("admin-audit-page-of", "page", page, "pages", log.pages) } else { String::new() };
    let page_view = AuditPage {
        previous: if page > 1 { keep(page - 1) } else { String::new() },
        next: if page < log.pages { keep(page + 1) } else { String::new() },
        page_of,
        total: log.total,
        rows,
        from: q.from.clone().unwrap_or_default(),
        to: q.to.clone().unwrap_or_default(),
        actor: q.actor_id.map(|a| a.to_string()).unwrap_or_default(),
        action: q.action.clone().unwrap_or_default(),
        actors: log.actors.iter().map(|(id, name)| (id.0.to_string(), format!("{name} ({})", id.0))).collect(),
        actions: log
            .actions
            .iter()
            .map(|a| {
                let key = format!("access-action-{}", a.as_str().replace(['.', '_'], "-"));
                (a.as_str().to_owned(), label_or(tr, &key, a.as_str()))
            })
            .collect(),
        errors,
        page: chrome,
    };
    render(if page_view.errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY }, &page_view)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::i18n::Lang;
    use serde_json::json;

    #[test]
    fn any_change_reads_as_fields_before_and_after_with_unknown_names_kept() {
        let tr = Tr::new(Lang::Nl);
        let rows = field_changes(
            tr,
            &json!({"name": "Buurtteam Oost", "active": true}),
            &json!({"name": "Buurtteam Oost-Noord", "active": false, "some_new_field": [1, 2]}),
        );
        let got: Vec<(&str, &str, &str)> =
            rows.iter().map(|f| (f.name.as_str(), f.before.as_str(), f.after.as_str())).collect();
        assert_eq!(
            got,
            [
                ("Actief", "ja", "nee"),
                ("Naam", "Buurtteam Oost", "Buurtteam Oost-Noord"),
                ("some_new_field", "—", "1, 2")
            ]
        );
        // Something created: nothing before.
        let created = field_changes(tr, &Value::Null, &json!({"day": "2031-12-24"}));
        assert_eq!((created[0].before.as_str(), created[0].after.as_str()), ("—", "2031-12-24"));
    }
}
