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
        contact(name = "buurtteam", url = "https://github.com/buurtteam/buurtteam", email = "api@buurtteam.nl"),
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

/// The full version of this API, sent as the `API-Version` header of every answer under
/// `/api/v1` (API Design Rules, /core/version-header).
pub const API_VERSION: &str = "1.0.0";

/// The API's base path; the document's paths are relative to it (its `servers` entry).
const BASE: &str = "/api/v1";

/// Adds what the route annotations do not carry: the session cookie as security scheme, and
/// what the Dutch API Design Rules ask of every operation (see [`conform`]).
pub fn finish(mut doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    if let Some(components) = doc.components.as_mut() {
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(crate::session::COOKIE))),
        );
    }
    doc.security = Some(vec![utoipa::openapi::security::SecurityRequirement::new::<_, _, &str>("session", [])]);
    doc.info.version = API_VERSION.into();
    let Ok(mut json) = serde_json::to_value(&doc) else { return doc };
    conform(&mut json);
    serde_json::from_value(json).unwrap_or(doc)
}

/// What the route annotations would otherwise repeat on every operation:
/// - paths relative to the server `/api/v1`, which carries the major version;
/// - a `description` on every response (OpenAPI requires one), from its status;
/// - the `API-Version` header on every 2xx and 3xx response;
/// - a 400 problem answer (a malformed body or query) on every operation that takes input.
fn conform(doc: &mut Value) {
    doc["servers"] = serde_json::json!([{ "url": BASE, "description": "This server" }]);
    upper_camel_schema_names(doc);
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else { return };
    let old = std::mem::take(paths);
    for (path, mut item) in old {
        let relative = path.strip_prefix(BASE).filter(|p| p.starts_with('/')).unwrap_or(&path).to_owned();
        if let Some(ops) = item.as_object_mut() {
            for (method, op) in ops.iter_mut() {
                if !["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                    continue;
                }
                conform_operation(method, op);
            }
        }
        paths.insert(relative, item);
    }
}

/// Generic schemas come out as `ListOut_TeamOut`; the rules want UpperCamelCase: `ListOutTeamOut`.
fn upper_camel_schema_names(doc: &mut Value) {
    let names: Vec<String> = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .map(|s| s.keys().filter(|k| k.contains('_')).cloned().collect())
        .unwrap_or_default();
    if names.is_empty() {
        return;
    }
    let mut text = doc.to_string();
    for old in names {
        let new = old.replace('_', "");
        text = text
            .replace(&format!("\"#/components/schemas/{old}\""), &format!("\"#/components/schemas/{new}\""))
            .replace(&format!("\"{old}\":"), &format!("\"{new}\":"));
    }
    if let Ok(renamed) = serde_json::from_str(&text) {
        *doc = renamed;
    }
}

fn conform_operation(method: &str, op: &mut Value) {
    let takes_input = op.get("requestBody").is_some()
        || op.get("parameters").and_then(Value::as_array).is_some_and(|p| !p.is_empty())
        || !matches!(method, "get" | "delete");
    let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else { return };
    if takes_input && !responses.contains_key("400") {
        responses.insert(
            "400".into(),
            serde_json::json!({
                "description": "The request is malformed: a body that is not JSON, a query parameter of the wrong type.",
                "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } }
            }),
        );
    }
    for (status, response) in responses.iter_mut() {
        let Some(r) = response.as_object_mut() else { continue };
        if r.get("description").and_then(Value::as_str).is_none_or(str::is_empty) {
            r.insert("description".into(), Value::String(describe_status(status).into()));
        }
        if status.starts_with('2') || status.starts_with('3') {
            let headers = r.entry("headers").or_insert_with(|| serde_json::json!({}));
            headers["API-Version"] = serde_json::json!({
                "description": "The full version of the API.",
                "schema": { "type": "string", "example": API_VERSION }
            });
        }
    }
}

/// Sends `API-Version` with every answer under `/api/`.
pub async fn version_header(req: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    let api = req.uri().path().starts_with("/api/");
    let mut r = next.run(req).await;
    if api {
        r.headers_mut().insert("api-version", axum::http::HeaderValue::from_static(API_VERSION));
    }
    r
}

fn describe_status(status: &str) -> &'static str {
    match status {
        "200" => "OK.",
        "201" => "Created.",
        "204" => "Done; no content.",
        "303" => "See the `Location` header.",
        "400" => "The request is malformed.",
        "401" => "Not logged in, or the session has ended.",
        "403" => "Your role may not do this.",
        "404" => "Not found, or not yours to see (the two answers are the same).",
        "409" => "Not possible in the current state.",
        "413" => "The body is too large.",
        "415" => "Send JSON.",
        "422" => "Invalid fields: `errors` names each with what is accepted.",
        "429" => "Too many attempts; `Retry-After` says when to try again.",
        "503" => "The database cannot take the request now; `Retry-After` says when to try again.",
        _ => "See the problem document.",
    }
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
                    "<article><h3><code>{} {}{}</code></h3><p>{}</p>",
                    method.to_uppercase(),
                    BASE,
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
