//! Single sign-on through OpenID Connect (decision 0017): the authorization code flow with
//! PKCE, `state` and `nonce`, for staff against the organisation's identity providers and for
//! family members through a DigiD broker.
//!
//! - `begin` discovers the provider (cached), records the log-in under way (the hash of its
//!   `state`, the `nonce`, the PKCE verifier, where to go afterwards) and gives the address at
//!   the provider. The caller binds the `state` to the browser (a cookie).
//! - `finish` takes the log-in under way by its state (once), exchanges the code with the
//!   verifier, verifies the ID token (signature, issuer, audience, nonce, expiry by the
//!   application's clock), finds the account and opens a session, in one transaction with its
//!   audit row.
//! - Staff: the subject already linked to an account, else the configured claim (e-mail) on
//!   an account's e-mail address; the subject is then linked, so a renamed address keeps the
//!   link. Unknown people are refused unless the provider provisions them. Deactivated
//!   accounts are refused. The second factor is the provider's when its ID token asserts one.
//! - Family members (DigiD): the BSN claim finds the portal account linked to a person with
//!   that BSN, or else that person's open portal invitation, which then makes the account and
//!   is spent. Nothing else opens the door; the BSN is never written to the audit log.

pub mod config;
mod http;
mod portal;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use base64::Engine;
use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::codes::Role;
use buurtteam_domain::ids::UserId;
use buurtteam_store::organisation::{self, User};
use buurtteam_store::{credentials, sessions, sso as store};
use jiff::{SignedDuration, Timestamp};
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreIdToken};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet, EndpointNotSet, EndpointSet, IssuerUrl,
    Nonce, PkceCodeChallenge, PkceCodeVerifier, ProviderMetadataWithLogout, RedirectUrl, Scope, TokenResponse,
};

pub use config::{Kind, LocalPasswords, Provider, SsoConfig};

use crate::auth::{LoggedIn, actor_of, random_bytes, token_hash};
use crate::{App, AppError, audit_entry, secrets};

/// How long a log-in may stay at the provider before its state is forgotten.
const REQUEST_TTL: SignedDuration = SignedDuration::from_mins(10);
/// How long a provider's discovery document (and its keys) is kept before it is read again.
const DISCOVERY_TTL: SignedDuration = SignedDuration::from_mins(10);
/// `amr` values that say the provider checked a second factor.
const MFA_METHODS: &[&str] = &["mfa", "otp", "hwk", "sms"];

type Metadata = ProviderMetadataWithLogout;
/// A client of a discovered provider: authorization and token endpoints known.
type Rp = CoreClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointMaybeSet, EndpointMaybeSet>;

/// The configured providers and what was learnt of them.
pub struct Sso {
    pub config: SsoConfig,
    discovered: Mutex<HashMap<String, (Timestamp, Arc<Metadata>)>>,
}

impl std::fmt::Debug for Sso {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sso").field("config", &self.config).finish_non_exhaustive()
    }
}

impl Default for Sso {
    fn default() -> Self {
        Self::new(SsoConfig::default())
    }
}

impl Sso {
    pub fn new(config: SsoConfig) -> Self {
        Self { config, discovered: Mutex::default() }
    }

    /// The provider's discovery document, read again after `DISCOVERY_TTL` or when `fresh`.
    async fn metadata(&self, provider: &Provider, now: Timestamp, fresh: bool) -> Result<Arc<Metadata>, Failure> {
        if !fresh
            && let Some((at, m)) = self.discovered.lock().ok().and_then(|d| d.get(&provider.id).cloned())
            && now.duration_since(at) < DISCOVERY_TTL
            && at <= now
        {
            return Ok(m);
        }
        let issuer = IssuerUrl::new(provider.issuer.clone()).map_err(|_| Failure::Unavailable)?;
        let m = Metadata::discover_async(issuer, &http::send).await.map_err(|e| {
            tracing::warn!(provider = %provider.id, error = %e, "the provider's discovery document could not be read");
            Failure::Unavailable
        })?;
        let m = Arc::new(m);
        if let Ok(mut d) = self.discovered.lock() {
            d.insert(provider.id.clone(), (now, m.clone()));
        }
        Ok(m)
    }
}

/// Why a log-in through a provider did not open a session. Each is logged
/// (`auth.login_failed` with `{"sso": provider, "failed": code}`).
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error("no such provider")]
    UnknownProvider,
    #[error("the provider cannot be reached")]
    Unavailable,
    /// The answer does not belong to a log-in this browser started (wrong, used or old state).
    #[error("the log-in's state does not match")]
    State,
    /// The provider refused the log-in or the code (a code used twice, say).
    #[error("the provider refused the log-in")]
    Refused,
    /// The ID token is not valid for us (signature, issuer, audience, nonce, expiry).
    #[error("the ID token is not valid: {0}")]
    Token(String),
    /// Nobody with an account here (and no provisioning).
    #[error("no account")]
    UnknownAccount,
    #[error("the account is deactivated")]
    Deactivated,
    /// DigiD: no invited person, nor an account, with this BSN.
    #[error("not invited")]
    NotInvited,
    #[error(transparent)]
    App(#[from] AppError),
}

impl From<buurtteam_store::StoreError> for Failure {
    fn from(e: buurtteam_store::StoreError) -> Self {
        Self::App(e.into())
    }
}

impl Failure {
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnknownProvider => "unknown_provider",
            Self::Unavailable => "unavailable",
            Self::State => "state",
            Self::Refused => "refused",
            Self::Token(_) => "token",
            Self::UnknownAccount => "unknown_account",
            Self::Deactivated => "deactivated",
            Self::NotInvited => "not_invited",
            Self::App(_) => "error",
        }
    }
}

fn provider<'a>(app: &'a App, id: &str) -> Result<&'a Provider, Failure> {
    app.sso.config.provider(id).ok_or(Failure::UnknownProvider)
}

fn random_hex(n: usize) -> String {
    let mut bytes = vec![0u8; n];
    random_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn client(app: &App, p: &Provider, m: &Metadata) -> Result<Rp, Failure> {
    let redirect = RedirectUrl::new(p.redirect_uri(&app.sso.config.public_url)).map_err(|_| Failure::Unavailable)?;
    Ok(CoreClient::from_provider_metadata(
        m.clone(),
        ClientId::new(p.client_id.clone()),
        Some(ClientSecret::new(p.client_secret.clone())),
    )
    .set_redirect_uri(redirect))
}

/// A log-in started: send the browser to `url`, and bind `state` to it.
pub struct Started {
    pub url: String,
    pub state: String,
}

/// Starts a log-in at provider `id`; `next` is where to go afterwards (a path of this site).
pub async fn begin(app: &App, id: &str, next: &str) -> Result<Started, Failure> {
    let p = provider(app, id)?;
    let now = app.now();
    let m = app.sso.metadata(p, now, false).await?;
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let state = random_hex(32);
    let nonce = random_hex(32);
    let client = client(app, p, &m)?;
    let (state_for_url, nonce_for_url) = (state.clone(), nonce.clone());
    let mut request = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            move || CsrfToken::new(state_for_url),
            move || Nonce::new(nonce_for_url),
        )
        .set_pkce_challenge(challenge);
    if p.kind == Kind::Staff {
        request = request.add_scope(Scope::new("email".into())).add_scope(Scope::new("profile".into()));
    }
    let (url, _, _) = request.url();
    let hash = token_hash(&state);
    // The verifier is a secret until the callback: stored encrypted (decision 0026).
    let verifier_place = secrets::Place { column: secrets::Column::SsoPkceVerifier, row: &hash };
    let row = store::Request {
        provider: p.id.clone(),
        nonce,
        pkce_verifier: app.secrets.seal(verifier_place, verifier.secret()).map_err(AppError::from)?,
        next: next.to_owned(),
        created_at: now,
    };
    let forget_before = now.checked_sub(REQUEST_TTL).unwrap_or(now);
    app.db
        .write(move |tx| {
            Box::pin(async move { Ok::<_, AppError>(store::insert_request(tx, &hash, &row, forget_before).await?) })
        })
        .await?;
    Ok(Started { url: url.to_string(), state })
}

/// What the provider sent back to the callback, and the state this browser was given.
#[derive(Debug, Default)]
pub struct Callback<'a> {
    pub code: Option<&'a str>,
    pub state: Option<&'a str>,
    /// The provider's `error` (the person cancelled, say).
    pub error: Option<&'a str>,
    /// The state bound to the browser when the log-in began (the cookie).
    pub bound_state: Option<&'a str>,
}

/// A finished log-in: the session, and where to go.
pub struct Finished {
    pub logged_in: LoggedIn,
    pub next: String,
    pub kind: Kind,
}

/// Completes a log-in at provider `id` (see the module); every refusal is logged.
pub async fn finish(app: &App, id: &str, callback: &Callback<'_>) -> Result<Finished, Failure> {
    let p = provider(app, id)?;
    let now = app.now();
    let result = verify(app, p, callback, now).await;
    let outcome = match result {
        Ok(verified) => match p.kind {
            Kind::Staff => staff_login(app, p, verified, now).await,
            Kind::DigiD => portal::login(app, p, verified, now).await,
        },
        Err(e) => Err((e, None)),
    };
    match outcome {
        Ok(done) => Ok(done),
        Err((failure, user)) => {
            if !matches!(failure, Failure::App(_)) {
                let mut entry = audit_entry(None, now, AuditAction::AuthLoginFailed, "user");
                entry.object_id = user.map(|u| u.0);
                entry.detail = serde_json::json!({ "sso": p.id, "failed": failure.code() });
                buurtteam_store::audit::log(&app.db, entry).await?;
            }
            Err(failure)
        }
    }
}

/// A verified ID token.
pub(crate) struct Verified {
    pub subject: String,
    /// The token as it came (for logging out at the provider).
    pub id_token: String,
    /// Its claims, as JSON (after verification).
    pub claims: serde_json::Map<String, serde_json::Value>,
    /// The provider asserted a second factor (`amr` or `acr`).
    pub second_factor: bool,
    pub next: String,
}

async fn verify(app: &App, p: &Provider, cb: &Callback<'_>, now: Timestamp) -> Result<Verified, Failure> {
    let (Some(state), Some(bound)) = (cb.state, cb.bound_state) else { return Err(Failure::State) };
    if !constant_eq(state.as_bytes(), bound.as_bytes()) {
        return Err(Failure::State);
    }
    let hash = token_hash(state);
    let taken = hash.clone();
    let request = app
        .db
        .write(move |tx| Box::pin(async move { Ok::<_, AppError>(store::take_request(tx, &taken).await?) }))
        .await?;
    let Some(request) = request.filter(|r| r.provider == p.id && now.duration_since(r.created_at) < REQUEST_TTL) else {
        return Err(Failure::State);
    };
    let verifier_place = secrets::Place { column: secrets::Column::SsoPkceVerifier, row: &hash };
    let pkce_verifier = app.secrets.open(verifier_place, &request.pkce_verifier).map_err(AppError::from)?;
    if cb.error.is_some() {
        return Err(Failure::Refused);
    }
    let Some(code) = cb.code else { return Err(Failure::Refused) };
    let m = app.sso.metadata(p, now, false).await?;
    let client = client(app, p, &m)?;
    let exchange = client.exchange_code(AuthorizationCode::new(code.to_owned())).map_err(|_| Failure::Unavailable)?;
    let tokens =
        exchange.set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier)).request_async(&http::send).await.map_err(
            |e| {
                tracing::info!(provider = %p.id, error = %e, "the provider refused the code");
                Failure::Refused
            },
        )?;
    let token: &CoreIdToken = tokens.id_token().ok_or_else(|| Failure::Token("no ID token".into()))?;
    let nonce = Nonce::new(request.nonce.clone());
    let checked = {
        let verifier = client.id_token_verifier().set_time_fn(move || chrono_of(now));
        token.claims(&verifier, &nonce).cloned()
    };
    let claims = match checked {
        Ok(c) => c,
        // The provider may have turned its keys: read them once more, then try again.
        Err(openidconnect::ClaimsVerificationError::SignatureVerification(_)) => {
            let m = app.sso.metadata(p, now, true).await?;
            let client = self::client(app, p, &m)?;
            let verifier = client.id_token_verifier().set_time_fn(move || chrono_of(now));
            token.claims(&verifier, &nonce).cloned().map_err(|e| Failure::Token(e.to_string()))?
        }
        Err(e) => return Err(Failure::Token(e.to_string())),
    };
    let id_token = token.to_string();
    let raw = payload(&id_token).ok_or_else(|| Failure::Token("unreadable claims".into()))?;
    let amr = claims.auth_method_refs().map(|a| a.iter().map(|m| m.as_str().to_owned()).collect::<Vec<_>>());
    let acr = claims.auth_context_ref().map(|a| a.as_str().to_owned());
    let second_factor = amr.is_some_and(|a| a.iter().any(|m| MFA_METHODS.contains(&m.as_str())))
        || acr.is_some_and(|a| p.mfa_acr.contains(&a));
    Ok(Verified {
        subject: claims.subject().as_str().to_owned(),
        id_token,
        claims: raw,
        second_factor,
        next: request.next,
    })
}

fn constant_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn chrono_of(t: Timestamp) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(t.as_second(), t.subsec_nanosecond().unsigned_abs()).unwrap_or_default()
}

/// The claims of a JWT that was verified already, as JSON.
fn payload(jwt: &str) -> Option<serde_json::Map<String, serde_json::Value>> {
    let part = jwt.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(part.trim_end_matches('=')).ok()?;
    serde_json::from_slice(&bytes).ok()
}

fn claim<'a>(v: &'a Verified, name: &str) -> Option<&'a str> {
    v.claims.get(name).and_then(serde_json::Value::as_str).map(str::trim).filter(|s| !s.is_empty())
}

type Outcome = Result<Finished, (Failure, Option<UserId>)>;

async fn staff_login(app: &App, p: &Provider, v: Verified, now: Timestamp) -> Outcome {
    let mut tx = app.db.begin_read().await.map_err(|e| (e.into(), None))?;
    let linked = store::user_by_identity(&mut tx, &p.id, &v.subject).await.map_err(|e| (e.into(), None))?;
    let by_claim = match (linked, p.match_claim.as_str()) {
        (Some(_), _) | (None, "sub") => None,
        (None, name) => {
            // An address the provider says it did not verify matches nobody.
            let unverified = name == "email" && v.claims.get("email_verified") == Some(&serde_json::Value::Bool(false));
            match claim(&v, name).filter(|_| !unverified) {
                Some(value) => credentials::by_email(&mut tx, &value.to_lowercase())
                    .await
                    .map_err(|e| (e.into(), None))?
                    .map(|c| c.user_id),
                None => None,
            }
        }
    };
    let found = match linked.or(by_claim) {
        Some(id) => organisation::get_user(&mut tx, id).await.map_err(|e| (e.into(), None))?,
        None => None,
    };
    let has_totp = match &found {
        Some(u) => credentials::by_user(&mut tx, u.id)
            .await
            .map_err(|e| (e.into(), None))?
            .is_some_and(|c| c.totp_enabled_at.is_some()),
        None => false,
    };
    drop(tx);
    let user = match found {
        Some(u) if !u.role.is_staff() => return Err((Failure::UnknownAccount, None)),
        Some(u) if !u.active => return Err((Failure::Deactivated, Some(u.id))),
        Some(u) => u,
        None => provision(app, p, &v, now).await?,
    };
    let pending = has_totp && !v.second_factor;
    open_session(app, p, &v, user, pending, now).await.map_err(|e| (e, None))
}

/// Makes an account for someone the provider knows and we do not, where the provider is set
/// to provision (in its team, with its role), with an audit row like any account made.
async fn provision(app: &App, p: &Provider, v: &Verified, now: Timestamp) -> Result<User, (Failure, Option<UserId>)> {
    let Some((team, role)) = p.provision.clone() else { return Err((Failure::UnknownAccount, None)) };
    let email = claim(v, "email").map(str::to_lowercase).filter(|e| crate::organisation::valid_email(e));
    let Some(email) = email else { return Err((Failure::UnknownAccount, None)) };
    let name = claim(v, "name")
        .map(str::to_owned)
        .or_else(|| {
            let parts: Vec<&str> = [claim(v, "given_name"), claim(v, "family_name")].into_iter().flatten().collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        })
        .unwrap_or_else(|| email.clone());
    let (provider, subject) = (p.id.clone(), v.subject.clone());
    let created = app
        .db
        .write(move |tx| {
            Box::pin(async move {
                let Some(team_id) = store::team_by_name(tx, &team).await? else {
                    tracing::warn!(provider = %provider, team = %team, "the provisioning team does not exist");
                    return Ok(None);
                };
                let new = organisation::NewUser {
                    email: &email,
                    name: &name,
                    role,
                    password_hash: organisation::NO_LOCAL_PASSWORD,
                    team_ids: &[team_id],
                };
                let id = match organisation::insert_user(tx, &new, now).await {
                    Ok(id) => id,
                    // The address has an account that the provider's subject is not linked to.
                    Err(buurtteam_store::StoreError::Duplicate) => return Ok(None),
                    Err(e) => return Err(AppError::from(e)),
                };
                store::link_identity(tx, &provider, &subject, id, now).await?;
                let mut entry = audit_entry(None, now, AuditAction::UserCreated, "user");
                entry.object_id = Some(id.0);
                entry.detail = serde_json::json!({
                    "before": null,
                    "after": { "email": email, "name": name, "role": role.code(), "team_ids": [team_id.0] },
                    "provisioned_by": provider,
                });
                buurtteam_store::audit::append(tx, &entry).await?;
                Ok(organisation::get_user(tx, id).await?)
            })
        })
        .await
        .map_err(|e| (Failure::App(e), None))?;
    created.ok_or((Failure::UnknownAccount, None))
}

/// Opens the session (waiting for our second factor when `pending`), links the provider's
/// subject for staff, and logs the log-in, in one transaction.
async fn open_session(
    app: &App,
    p: &Provider,
    v: &Verified,
    user: User,
    pending: bool,
    now: Timestamp,
) -> Result<Finished, Failure> {
    let token = random_hex(32);
    let hash = token_hash(&token);
    let expires = now.checked_add(app.settings.session_absolute).unwrap_or(now);
    let actor = actor_of(&user);
    // The ID token names the person: stored encrypted, bound to this session (decision 0026).
    let id_token = app
        .secrets
        .seal(secrets::Place { column: secrets::Column::SsoIdToken, row: &hash }, &v.id_token)
        .map_err(AppError::from)?;
    let (provider, subject, kind) = (p.id.clone(), v.subject.clone(), p.kind);
    let by_provider = v.second_factor;
    app.db
        .write(move |tx| {
            Box::pin(async move {
                if kind == Kind::Staff {
                    store::link_identity(tx, &provider, &subject, actor.user_id, now).await?;
                }
                sessions::insert(tx, &hash, actor.user_id, now, expires, pending).await?;
                store::set_session_provider(tx, &hash, &provider, &id_token, by_provider).await?;
                let action = if pending { AuditAction::AuthPasswordAccepted } else { AuditAction::AuthLogin };
                let mut entry = audit_entry(Some(&actor), now, action, "user");
                entry.object_id = Some(actor.user_id.0);
                entry.detail = serde_json::json!({ "sso": provider, "second_factor_by_provider": by_provider });
                buurtteam_store::audit::append(tx, &entry).await?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    let next = if v.next == "/" { user.role.start_page().to_owned() } else { v.next.clone() };
    Ok(Finished { logged_in: LoggedIn { token, user, second_factor_pending: pending }, next, kind: p.kind })
}

/// Which provider, and where to send the browser after our session ended, to end the provider's session too
/// (RP-initiated logout), when the session came from a provider that offers it. Call before
/// `auth::logout`.
pub async fn end_session_url(app: &App, token: &str) -> Option<(String, String)> {
    let hash = token_hash(token);
    let mut tx = app.db.begin_read().await.ok()?;
    let (id, stored) = store::session_provider(&mut tx, &hash).await.ok()??;
    drop(tx);
    // Without the hint the provider asks the person to confirm the logout: still a logout.
    let place = secrets::Place { column: secrets::Column::SsoIdToken, row: &hash };
    let id_token = match stored.as_str() {
        "" => String::new(),
        sealed => app.secrets.open(place, sealed).unwrap_or_else(|e| {
            tracing::warn!(error = %e, "logging out at the provider without the ID token hint");
            String::new()
        }),
    };
    let p = app.sso.config.provider(&id)?;
    let m = app.sso.metadata(p, app.now(), false).await.ok()?;
    let endpoint = m.additional_metadata().end_session_endpoint.as_ref()?;
    let mut url = endpoint.url().clone();
    {
        let mut q = url.query_pairs_mut();
        if !id_token.is_empty() {
            q.append_pair("id_token_hint", &id_token);
        }
        q.append_pair("client_id", &p.client_id);
        q.append_pair("post_logout_redirect_uri", &post_logout_uri(app, p));
    }
    Some((p.id.clone(), url.to_string()))
}

/// The address the provider sends the browser back to after logging out (register it there).
pub fn post_logout_uri(app: &App, p: &Provider) -> String {
    format!("{}/login/sso/{}/logged-out", app.sso.config.public_url, p.id)
}

/// Whether the session behind `token` came from a provider that asserted a second factor:
/// then a role that must set up our TOTP (`auth::must_enrol`) is not asked to.
pub async fn second_factor_at_provider(app: &App, token: &str) -> bool {
    let hash = token_hash(token);
    match app.db.begin_read().await {
        Ok(mut tx) => store::session_second_factor(&mut tx, &hash).await.unwrap_or(false),
        Err(_) => false,
    }
}

/// Whether `role` may log in with a password here (`BUURTTEAM_LOCAL_PASSWORDS`).
pub fn password_allowed(app: &App, role: Role) -> bool {
    app.sso.config.local_passwords.allow(role)
}
