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
        (name = "admin", description = "The administration: the admin log (changes with before and after, never client reads)"),
        (name = "complaints", description = "Complaints: registered on a case or submitted in Mijn Buurtteam, handled in steps within six weeks (once put off by four), what the team learned"),
        (name = "privacy", description = "The privacy lifecycle: emergency and unusual access reviewed, requests for destruction and legal holds, the audit log's integrity, the processing register and the log in the form of the Logboek Dataverwerkingen (logs and registrations, never a file's content)"),
        (name = "groups", description = "Group support: group offers, sessions, participants, the waiting list and attendance"),
        (name = "knowledge", description = "The knowledge base (kennisbank): articles in Markdown with their versions, searched in Dutch (word forms and accents do not matter)"),
        (name = "survey", description = "The experience survey: the questionnaire a one-time code opens and the answer with it (no login), invitations, paper responses, the admins' questionnaire; no operation returns one response"),
        (name = "absence", description = "Staff absence (verzuim): spells recorded by HR or the team manager, read by them and the person themselves; never a reason"),
        (name = "partners", description = "Partners and the social map: GP practices with their collaboration status over time, schools and early-education locations with their kernpartner, specialist care, the sociale basis"),
        (name = "partner-referrals", description = "Referrals from partners: a partner organisation's account refers a family with its consent and follows only the status of its own referrals, in words"),
        (name = "outreach", description = "Outreach: campaigns, signals of payment arrears, the work basket, attempts to reach an address (an accepted offer becomes a referral) and the campaign's funnel"),
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

/// The API reference page: Swagger UI (from npm, compiled into the binary like the NL Design
/// System assets; no CDN) reading `/api/v1/openapi.json`, with every operation, schema and example.
/// "Try it out" sends the session cookie of whoever is logged in, so a call sees what that user
/// may see. Below it, server-rendered, the problem types: their URIs point here.
pub fn reference_page() -> String {
    use crate::pages::assets::url;
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>buurtteam API</title><link rel=\"stylesheet\" href=\"{}\"><link rel=\"stylesheet\" href=\"{}\">\
         </head><body><main><div id=\"swagger-ui\" data-url=\"{BASE}/openapi.json\"></div>\
         <section class=\"bt-problems\"><h2>Problem types</h2>\
         <p>Every error is <code>application/problem+json</code> (RFC 9457); its <code>type</code> links here.</p><dl>",
        url("swagger-ui.css"),
        url("api-reference.css"),
    );
    for (slug, status, title, detail) in KINDS {
        let _ = write!(h, "<dt id=\"problem-{slug}\">{status} {}</dt><dd>{}</dd>", esc(title), esc(detail));
    }
    let _ = write!(
        h,
        "</dl></section></main><script src=\"{}\"></script><script src=\"{}\"></script></body></html>",
        url("swagger-ui-bundle.js"),
        url("api-reference.js")
    );
    h
}

#[cfg(test)]
mod tests {
    /// `finish` serves the document unfinished when it cannot read its own JSON back (a schema
    /// utoipa cannot parse, such as a `serde_json::Value` field without a type); catch that here
    /// rather than as hundreds of lint errors.
    #[test]
    fn the_whole_document_reads_back_so_finish_applies() {
        let (_, doc) = crate::api::routes().split_for_parts();
        let json = serde_json::to_value(&doc).expect("the document serialises");
        let back: Result<utoipa::openapi::OpenApi, _> = serde_json::from_value(json);
        assert!(back.is_ok(), "the OpenAPI document does not read back: {:?}", back.err());
    }
}
