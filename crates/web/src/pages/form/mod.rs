//! Submitted forms, and what a form shows again after an error: the user's input, each
//! error beside its field (in the page's language) and a summary at the top.
//!
//! A page handler takes a [`PageForm`]: the session's page, the CSRF token checked, and the
//! fields read into the same input struct the API takes (`fields`), so a handler cannot forget
//! the token and the use case's field errors name the form's fields.

mod fields;
mod multipart;
mod submitted;

pub use fields::Rows;
pub use submitted::{FormSession, NoFields, PageForm};

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use buurtteam_domain::validation::FieldError;

use super::i18n::{Arg, Tr};

/// A submitted form (`application/x-www-form-urlencoded`, or `multipart/form-data` where it
/// has a file field) as name/value pairs (names repeat for checkboxes).
#[derive(Debug, Default, Clone)]
pub struct FormData(pub Vec<(String, String)>);

impl FormData {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// The value as an owned option, empty counting as absent.
    pub fn opt(&self, name: &str) -> Option<String> {
        self.get(name).map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)
    }

    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0.iter().filter(|(n, _)| n == name).map(|(_, v)| v.as_str()).collect()
    }
}

/// The body of a form posted without a session (logging in, activating an account), whose
/// handlers check their own token. Pages with a session take a [`PageForm`].
impl<S: Send + Sync> FromRequest<S> for FormData {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let content_type = req.headers().get(axum::http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok());
        let multipart = content_type.and_then(multipart::boundary);
        let bytes = Bytes::from_request(req, state).await.map_err(IntoResponse::into_response)?;
        if let Some(boundary) = multipart {
            // A form with a file field (the population file).
            return multipart::fields(&bytes, &boundary)
                .map(FormData)
                .ok_or_else(|| (StatusCode::BAD_REQUEST, "The form could not be read.").into_response());
        }
        serde_html_form::from_bytes::<Vec<(String, String)>>(&bytes)
            .map(FormData)
            .map_err(|_| (StatusCode::BAD_REQUEST, "The form could not be read.").into_response())
    }
}

/// One error as shown: the field's id and the message in the page's language.
#[derive(Debug, Clone)]
pub struct ShownError {
    pub field: String,
    pub anchor: String,
    pub message: String,
    /// The message with the field's name, for the summary at the top.
    pub summary: String,
}

/// The row of a household member field: `members[1].bsn` -> 1.
fn member_row(field: &str) -> Option<usize> {
    field.strip_prefix("members[")?.split(']').next()?.parse().ok()
}

/// The catalogue name of a field's label: `members[0].given_name` -> `given_name`,
/// `client_ids[1]` -> `client_ids`.
fn label_base(field: &str) -> String {
    let last = field.rsplit('.').next().unwrap_or(field);
    last.split('[').next().unwrap_or(last).replace('_', "-")
}

/// The state of a form on a page: the values to show and the errors.
#[derive(Debug, Clone, Default)]
pub struct FormState {
    pub values: FormData,
    pub errors: Vec<ShownError>,
    /// An error that belongs to no field (a conflict, say).
    pub general: Option<String>,
    /// Where a page has several forms with the same field names (a form per goal), what sets
    /// this form's HTML ids apart (`g12-action`) and the catalogue's name of the form for
    /// its labels (`action`: `label-action-description` before `label-description`).
    pub scope: Scope,
}

/// A form among others on its page: see [`FormState::scope`].
#[derive(Debug, Clone, Default)]
pub struct Scope {
    pub ids: String,
    pub labels: &'static str,
}

impl Scope {
    pub fn new(ids: impl Into<String>, labels: &'static str) -> Self {
        Self { ids: ids.into(), labels }
    }
}

/// The HTML id of a field: `members[0].bsn` becomes `members-0-bsn`.
pub fn anchor(field: &str) -> String {
    field
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' })
        .collect::<String>()
        .replace("--", "-")
        .trim_end_matches('-')
        .to_owned()
}

/// Whether an error of `error_field` belongs to the form field `field`.
fn covers(field: &str, error_field: &str) -> bool {
    error_field.strip_prefix(field).is_some_and(|rest| rest.is_empty() || rest.starts_with(['[', '.']))
}

impl FormState {
    pub fn new(values: FormData) -> Self {
        Self { values, errors: Vec::new(), general: None, scope: Scope::default() }
    }

    /// This form among others on its page.
    pub fn in_scope(self, scope: Scope) -> Self {
        Self { scope, ..self }
    }

    /// Translates the use case's field errors; their fields are the form's fields.
    pub fn with_errors(mut self, tr: Tr, errors: &[FieldError]) -> Self {
        for e in errors {
            let key = format!("field-error-{}", e.code.replace('_', "-"));
            // A date is written the page's way ("3 november 2026"), never as stored.
            let args: Vec<(&str, Arg)> = e
                .args
                .iter()
                .map(|(k, v)| match v.parse::<jiff::civil::Date>() {
                    Ok(d) if v.len() == 10 => (*k, Arg::from(tr.date(&d))),
                    _ => (*k, Arg::from(v.as_str())),
                })
                .collect();
            // A form may word a code its own way (`field-error-knowledge-too-many`).
            let scoped = format!("field-error-{}-{}", self.scope.labels.replace('_', "-"), e.code.replace('_', "-"));
            let mut message = tr.tn(&scoped, &args);
            if message == scoped {
                message = tr.tn(&key, &args);
            }
            if message == key {
                message = e.message.clone();
            }
            // The summary names the field; beside the field the message stands alone.
            let base = label_base(&e.field);
            let keys = [format!("label-{}-{base}", self.scope.labels.replace('_', "-")), format!("label-{base}")];
            let start = usize::from(self.scope.labels.is_empty());
            let label = keys[start..].iter().map(|k| (k, tr.t(k))).find(|(k, l)| l != *k).map(|(_, l)| l);
            let mut label = label.unwrap_or_default();
            // A member row's field says which member: "Gezinslid 2, Voornaam".
            if let Some(row) = member_row(&e.field) {
                let member = tr.t1("household-member", "number", row + 1);
                label = if label.is_empty() { member } else { format!("{member}, {label}") };
            }
            let summary = if label.is_empty() { message.clone() } else { format!("{label}: {message}") };
            self.errors.push(ShownError { field: e.field.clone(), anchor: self.id(&e.field), message, summary });
        }
        self
    }

    /// The HTML id of a field: unique on the page also where forms share field names.
    pub fn id(&self, name: &str) -> String {
        if self.scope.ids.is_empty() { anchor(name) } else { anchor(&format!("{}-{name}", self.scope.ids)) }
    }

    pub fn value(&self, name: &str) -> String {
        self.values.get(name).unwrap_or_default().to_owned()
    }

    pub fn checked(&self, name: &str, value: &str) -> bool {
        self.values.all(name).contains(&value)
    }

    pub fn selected(&self, name: &str, value: &str) -> bool {
        self.values.get(name) == Some(value)
    }

    /// Errors for the field itself or its parts (`client_ids` covers `client_ids[2]`,
    /// `scores[1]` covers `scores[1].goal_id`).
    pub fn has(&self, field: &str) -> bool {
        self.errors.iter().any(|e| covers(field, &e.field))
    }

    pub fn error(&self, field: &str) -> String {
        self.errors.iter().filter(|e| covers(field, &e.field)).map(|e| e.message.as_str()).collect::<Vec<_>>().join(" ")
    }

    pub fn is_invalid(&self) -> bool {
        !self.errors.is_empty() || self.general.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_valid_ids() {
        assert_eq!(anchor("members[0].bsn"), "members-0-bsn");
        assert_eq!(anchor("address.postcode"), "address-postcode");
        assert_eq!(anchor("referred_on"), "referred_on");
    }

    #[test]
    fn the_summary_names_the_member_row() {
        let tr = Tr::new(super::super::i18n::Lang::Nl);
        let mut e = FieldError::new("members[1].given_name", "is required");
        e.code("required");
        let state = FormState::default().with_errors(tr, &[e]);
        assert_eq!(state.errors[0].summary, "Gezinslid 2, Voornaam: Vul dit in.");
        assert_eq!(state.errors[0].message, "Vul dit in.");
    }

    #[test]
    fn element_errors_show_at_their_list_field() {
        let tr = Tr::new(super::super::i18n::Lang::Nl);
        let mut e = FieldError::new("client_ids[1]", "person 9 is not a member of this household");
        e.code("not_household_member");
        let state = FormState::default().with_errors(tr, &[e]);
        assert!(state.has("client_ids"));
        assert!(!state.has("client"));
        assert!(!state.error("client_ids").is_empty());
    }
}
