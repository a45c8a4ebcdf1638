//! The OpenAPI 3.1 document (generated from the handlers' annotations) and a readable API
//! reference page rendered from it on the server: no JavaScript, no CDN.

use std::fmt::Write;

use serde_json::Value;
use utoipa::OpenApi;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};

use crate::problem::{KINDS, Problem, ProblemField};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "buurtteam API",
        description = "Registration system for neighbourhood youth & family teams: referral, intake, support, closure. \
                       JSON, snake_case, dates as YYYY-MM-DD. Log in with POST /api/v1/auth/login; the session cookie \
                       `bt_session` authenticates every other call. Errors are RFC 9457 problem documents.",
        license(name = "EUPL-1.2"),
    ),
    components(schemas(Problem, ProblemField)),
    tags(
        (name = "auth", description = "Log-in and sessions"),
        (name = "organisation", description = "Districts, teams, users and closure days"),
        (name = "households", description = "Households and their members"),
        (name = "cases", description = "The case lifecycle and contact moments"),
        (name = "kpis", description = "Steering KPIs: aggregates only, small counts suppressed where the reader may not see them"),
    ),
)]
struct ApiDoc;

pub fn base() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// Adds what the route annotations do not carry: the session cookie as security scheme.
pub fn finish(mut doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    if let Some(components) = doc.components.as_mut() {
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(crate::session::COOKIE))),
        );
    }
    doc.security = Some(vec![utoipa::openapi::security::SecurityRequirement::new::<_, _, &str>("session", [])]);
    doc
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn ref_name(v: &Value) -> Option<String> {
    let r = v.get("$ref").and_then(Value::as_str)?;
    r.rsplit('/').next().map(str::to_owned)
}

/// A short type description of a schema: `string (date)`, `[LifeDomain]`, `CaseOut`...
fn type_of(v: &Value) -> String {
    if let Some(name) = ref_name(v) {
        return format!("<a href=\"#schema-{0}\">{0}</a>", esc(&name));
    }
    if let Some(all) = v.get("oneOf").or_else(|| v.get("anyOf")).and_then(Value::as_array) {
        return all.iter().map(type_of).collect::<Vec<_>>().join(" or ");
    }
    if let Some(values) = v.get("enum").and_then(Value::as_array) {
        let list: Vec<String> =
            values.iter().filter_map(Value::as_str).map(|s| format!("<code>{}</code>", esc(s))).collect();
        return format!("one of {}", list.join(", "));
    }
    let ty = match v.get("type") {
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(" | "),
        Some(Value::String(t)) => t.clone(),
        _ => "any".into(),
    };
    if ty.starts_with("array") {
        let item = v.get("items").map(type_of).unwrap_or_default();
        return format!("list of {item}");
    }
    match v.get("format").and_then(Value::as_str) {
        Some(f) => format!("{} ({})", esc(&ty), esc(f)),
        None => esc(&ty),
    }
}

/// The reference page: every operation with its parameters, body and responses, every
/// schema with its fields, and the problem types.
pub fn reference_page(doc: &utoipa::openapi::OpenApi) -> String {
    let json = serde_json::to_value(doc).unwrap_or(Value::Null);
    let mut h = String::new();
    let title = json.pointer("/info/title").and_then(Value::as_str).unwrap_or("API");
    let desc = json.pointer("/info/description").and_then(Value::as_str).unwrap_or("");
    let _ = write!(
        h,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{t} reference</title></head><body><header><h1>{t}</h1><p>{d}</p>\
         <p>Machine-readable: <a href=\"/api/v1/openapi.json\">/api/v1/openapi.json</a> (OpenAPI 3.1).</p></header><main>",
        t = esc(title),
        d = esc(desc)
    );
    h.push_str("<section><h2>Operations</h2>");
    if let Some(paths) = json.get("paths").and_then(Value::as_object) {
        for (path, item) in paths {
            let Some(ops) = item.as_object() else { continue };
            for method in ["get", "post", "put", "patch", "delete"] {
                let Some(op) = ops.get(method) else { continue };
                let summary = op.get("summary").or_else(|| op.get("description")).and_then(Value::as_str).unwrap_or("");
                let _ = write!(
                    h,
                    "<article><h3><code>{} {}</code></h3><p>{}</p>",
                    method.to_uppercase(),
                    esc(path),
                    esc(summary)
                );
                if let Some(params) = op.get("parameters").and_then(Value::as_array) {
                    h.push_str("<h4>Parameters</h4><ul>");
                    for p in params {
                        let _ = write!(
                            h,
                            "<li><code>{}</code> ({}{}): {} {}</li>",
                            esc(p.get("name").and_then(Value::as_str).unwrap_or("")),
                            esc(p.get("in").and_then(Value::as_str).unwrap_or("")),
                            if p.get("required").and_then(Value::as_bool) == Some(true) { ", required" } else { "" },
                            p.get("schema").map(type_of).unwrap_or_default(),
                            esc(p.get("description").and_then(Value::as_str).unwrap_or("")),
                        );
                    }
                    h.push_str("</ul>");
                }
                if let Some(body) = op.pointer("/requestBody/content/application~1json/schema") {
                    let _ = write!(h, "<h4>Body</h4><p>{}</p>", type_of(body));
                }
                if let Some(responses) = op.get("responses").and_then(Value::as_object) {
                    h.push_str("<h4>Responses</h4><ul>");
                    for (code, r) in responses {
                        let schema = r
                            .get("content")
                            .and_then(Value::as_object)
                            .and_then(|c| c.values().next())
                            .and_then(|c| c.get("schema"))
                            .map(type_of)
                            .unwrap_or_default();
                        let d = r.get("description").and_then(Value::as_str).unwrap_or("");
                        let _ = write!(h, "<li><strong>{}</strong> {} {}</li>", esc(code), esc(d), schema);
                    }
                    h.push_str("</ul>");
                }
                h.push_str("</article>");
            }
        }
    }
    h.push_str("</section><section><h2>Schemas</h2>");
    if let Some(schemas) = json.pointer("/components/schemas").and_then(Value::as_object) {
        for (name, schema) in schemas {
            let _ = write!(h, "<article id=\"schema-{0}\"><h3>{0}</h3>", esc(name));
            if let Some(d) = schema.get("description").and_then(Value::as_str) {
                let _ = write!(h, "<p>{}</p>", esc(d));
            }
            if let Some(props) = schema.get("properties").and_then(Value::as_object) {
                let required: Vec<&str> = schema
                    .get("required")
                    .and_then(Value::as_array)
                    .map(|r| r.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                h.push_str("<table><thead><tr><th scope=\"col\">field</th><th scope=\"col\">type</th><th scope=\"col\">description</th></tr></thead><tbody>");
                for (field, p) in props {
                    let _ = write!(
                        h,
                        "<tr><td><code>{}</code>{}</td><td>{}</td><td>{}</td></tr>",
                        esc(field),
                        if required.contains(&field.as_str()) { " (required)" } else { "" },
                        type_of(p),
                        esc(p.get("description").and_then(Value::as_str).unwrap_or("")),
                    );
                }
                h.push_str("</tbody></table>");
            } else {
                let _ = write!(h, "<p>{}</p>", type_of(schema));
            }
            h.push_str("</article>");
        }
    }
    h.push_str("</section><section><h2>Problem types</h2><p>Every error is <code>application/problem+json</code> (RFC 9457).</p><dl>");
    for (slug, status, title, detail) in KINDS {
        let _ = write!(h, "<dt id=\"problem-{slug}\">{status} {}</dt><dd>{}</dd>", esc(title), esc(detail));
    }
    h.push_str("</dl></section></main></body></html>");
    h
}
