//! The experience survey (Ervaringswijzer, issue 17): questionnaires, invitations, responses
//! and what the steering may see of them.

pub mod redact;
pub mod results;
