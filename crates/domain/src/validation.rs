//! Field-level validation errors shared by every layer: each names the field (as the
//! API spells it) and says in plain words what is accepted.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field as the API spells it, e.g. `members[1].bsn`.
    pub field: String,
    /// What is wrong and what is accepted, in words a person can act on (English).
    pub message: String,
    /// Which rule was broken (`required`, `too_long`, `future_date` ...): the key under which
    /// the pages find the message in their own language. `invalid` when nothing more specific.
    pub code: &'static str,
    /// Values the translated message needs (`max`, `value`, `today` ...).
    #[serde(skip)]
    pub args: Vec<(&'static str, String)>,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self { field: field.into(), message: message.into(), code: "invalid", args: Vec::new() }
    }

    /// Names the broken rule (see `code`).
    pub fn code(&mut self, code: &'static str) -> &mut Self {
        self.code = code;
        self
    }

    /// Adds a value for the translated message.
    pub fn arg(&mut self, name: &'static str, value: impl ToString) -> &mut Self {
        self.args.push((name, value.to_string()));
        self
    }
}

/// Collects field errors so that a form or request reports all of them at once.
#[derive(Debug, Default)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    /// Adds an error; chain `.code(..)` and `.arg(..)` on the result to make it translatable.
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) -> &mut FieldError {
        self.0.push(FieldError::new(field, message));
        let last = self.0.len() - 1;
        &mut self.0[last]
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(())` when nothing was added, else all errors.
    pub fn finish(self) -> Result<(), Vec<FieldError>> {
        if self.0.is_empty() { Ok(()) } else { Err(self.0) }
    }
}
