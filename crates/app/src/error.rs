//! Errors of the use cases. The web layer maps each variant to one HTTP status, once.

use buurtteam_domain::case::CaseStatus;
use buurtteam_domain::validation::FieldError;
use buurtteam_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The input is invalid; each error names its field and what is accepted.
    #[error("the input is invalid")]
    Validation(Vec<FieldError>),
    #[error("not logged in, or the session has ended")]
    Unauthenticated,
    #[error("{0}")]
    Forbidden(String),
    /// Too many failed log-ins: from this address, or for this account (then it is locked).
    #[error("too many failed log-ins; try again later")]
    TooManyAttempts { retry_after: jiff::SignedDuration, account_locked: bool },
    /// Too many failed portal activations with this code or from this address.
    #[error("too many failed activations; try again later")]
    TooManyActivations { retry_after: jiff::SignedDuration },
    /// The password was right, and this account also needs its second factor (TOTP code).
    #[error("the second factor (a code from the authenticator app) is required")]
    SecondFactorRequired,
    /// The organisation requires a second factor for this role and it is not set up yet.
    #[error("set up the second factor first")]
    SecondFactorEnrolmentRequired,
    /// Not found, or not visible to this user (the two are indistinguishable on purpose).
    #[error("{0} not found")]
    NotFound(&'static str),
    /// The step is not possible in the current state.
    #[error("{message}")]
    Conflict { message: String, current_status: Option<CaseStatus> },
    /// A step of the case's lifecycle that its state or its dates do not allow (409; pages say
    /// which date field and why, in words).
    #[error("{refusal}")]
    StepRefused { refusal: buurtteam_domain::case::StepRefused, current_status: CaseStatus },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<Vec<FieldError>> for AppError {
    fn from(v: Vec<FieldError>) -> Self {
        Self::Validation(v)
    }
}

impl buurtteam_store::CarriesStoreError for AppError {
    fn store_error(&self) -> Option<&StoreError> {
        match self {
            Self::Store(e) => Some(e),
            _ => None,
        }
    }
}
