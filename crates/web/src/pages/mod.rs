//! The staff pages: server-rendered HTML (askama templates in `templates/`), in Dutch first
//! (English second) from the message catalogues, styled with the NL Design System and
//! progressively enhanced with htmx. Every flow works without JavaScript.
//!
//! Safety: every form carries a CSRF token tied to the session; client data never travels
//! in URLs (searches are POSTed); a form with errors is shown again with the input kept and
//! each error beside its field, and nothing is saved.

/// The value of a use case's result, or (from the enclosing handler) the error page for its
/// error: the one shape every page handler shares.
macro_rules! or_error_page {
    ($result:expr, $chrome:expr) => {
        match $result {
            Ok(value) => value,
            Err(e) => return $crate::pages::app_error_page($chrome, e),
        }
    };
}

mod absence;
mod account;
mod activation;
mod admin;
mod area_start;
pub mod assets;
mod case_file;
pub mod charts;
mod collective;
mod complaints;
pub mod dashboards;
mod emergency;
pub mod export;
mod form;
mod groups;
mod handover;
mod households;
pub mod i18n;
pub(crate) mod inzage;
mod knowledge;
mod login;
mod onward_referrals;
mod outreach;
mod outreach_attempts;
mod outreach_form;
mod partner_referrals;
mod partners;
mod plan;
mod portal;
pub mod print;
mod privacy;
mod redirect;
mod referral;
mod repair;
mod search;
mod sso;
mod staff_activation;
mod survey;
mod worklist;

use askama::Template;
use axum::Router;
use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use buurtteam_app::{AppError, auth};
use buurtteam_domain::codes::Role;
use buurtteam_domain::policy::{self, Actor, Area};
use buurtteam_store::organisation::User;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::AppState;
use i18n::{Lang, Tr};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(worklist::page))
        .route("/teams/{id}/waiting-list", get(worklist::waiting_list))
        .route("/teams/{id}/caseload", get(worklist::caseload))
        .route("/login", get(login::form).post(login::submit))
        .route("/login/second-factor", get(login::second_factor_form).post(login::second_factor_submit))
        .route("/logout", post(login::logout))
        .merge(sso::routes())
        .route("/language", get(language))
        .route("/search", get(search::form).post(search::submit))
        .route("/emergency-access", get(emergency::form).post(emergency::submit))
        .route("/referrals/new", get(referral::form).post(referral::submit))
        .route("/referrals/new/search", post(referral::search_households))
        .route("/households/new", get(households::household_form).post(households::household_submit))
        .route("/cases/{id}", get(case_file::page))
        .route("/cases/{id}/handover", get(handover::page).post(handover::hand_over))
        .route("/cases/{id}/stand-ins", post(handover::stand_in))
        .route("/teams/{id}/handover", get(handover::team).post(handover::team_hand_over))
        .route("/cases/{id}/intake", post(case_file::hold_intake))
        .route("/cases/{id}/start", post(case_file::start_support))
        .route("/cases/{id}/contacts", post(case_file::record_contact))
        .route("/cases/{id}/close", post(case_file::close))
        .route("/cases/{id}/onward-referrals", get(onward_referrals::page).post(onward_referrals::record))
        .route("/cases/{case}/onward-referrals/{id}", post(onward_referrals::change))
        .route("/cases/{id}/corrections", post(case_file::correct))
        .route("/cases/{id}/reopen", post(case_file::reopen))
        .route("/cases/{id}/void", get(repair::void_form).post(repair::void_submit))
        .route("/households/{id}/merge", get(repair::merge_form).post(repair::merge_submit))
        .route("/cases/{id}/contact-corrections", post(case_file::correct_contact))
        .route("/cases/{id}/member-reach", post(case_file::member_reach))
        .route("/cases/{id}/claim", post(worklist::claim))
        .route("/cases/{id}/assign", post(worklist::assign))
        .merge(admin::routes())
        .merge(privacy::routes())
        .route("/account", get(account::page))
        .route("/account/password", post(account::change_password))
        .route("/account/activate", get(staff_activation::form).post(staff_activation::submit))
        .route("/account/second-factor", get(account::second_factor_page).post(account::second_factor_submit))
        .route("/groups", get(groups::list))
        .route("/groups/new", get(groups::new_form).post(groups::new_submit))
        .route("/groups/{id}", get(groups::page))
        .route("/groups/{id}/sessions", post(groups::add_session))
        .route("/groups/{id}/status", post(groups::set_status))
        .route("/groups/{id}/participants", post(groups::enrol_by_name))
        .route("/group-participants/{id}/leave", post(groups::leave))
        .route("/group-sessions/{id}/attendance", get(groups::attendance_form).post(groups::attendance_submit))
        .route("/cases/{id}/groups", get(groups::case_enrol_form).post(groups::case_enrol_submit))
        .route("/dashboards", get(dashboards::page))
        .route("/dashboards/{file}", get(dashboards::export))
        .route("/reports/half-year", get(dashboards::half_year_report))
        .merge(plan::routes())
        .merge(portal::routes())
        .route("/complaints", get(complaints::list))
        .route("/complaints/{id}", get(complaints::one))
        .route("/complaints/{id}/steps", post(complaints::step))
        .route("/complaints/{id}/extension", post(complaints::extend))
        .route("/complaints/{id}/lessons", post(complaints::lessons))
        .route("/cases/{id}/complaints", get(complaints::case_complaints).post(complaints::case_register))
        .route("/campaigns", get(outreach::list))
        .route("/campaigns/weighing", post(outreach::weigh))
        .route("/campaigns/new", get(outreach_form::new_form).post(outreach_form::create))
        .route("/campaigns/{id}/edit", get(outreach_form::edit_form).post(outreach_form::edit))
        .route("/campaigns/{id}", get(outreach::one))
        .route("/campaigns/{id}/signals", post(outreach::upload))
        .route("/campaigns/{id}/assignments", post(outreach::assign))
        .route("/campaigns/{id}/close", post(outreach::close))
        .route("/campaign-addresses/{id}", get(outreach_attempts::address))
        .route("/campaign-addresses/{id}/attempts", post(outreach_attempts::record))
        .merge(inzage::routes())
        .merge(absence::routes())
        .route("/knowledge", get(knowledge::list))
        .route("/knowledge/new", get(knowledge::new_form).post(knowledge::new_submit))
        .route("/knowledge/review", get(knowledge::review))
        .route("/knowledge/{id}", get(knowledge::article))
        .route("/knowledge/{id}/edit", get(knowledge::edit_form).post(knowledge::edit_submit))
        .merge(partner_referrals::routes())
        .route("/partners", get(partners::list))
        .route("/partners/new", get(partners::new_form).post(partners::new_submit))
        .route("/partners/{id}", get(partners::partner))
        .route("/partners/{id}/edit", post(partners::edit_submit))
        .route("/partners/{id}/workers", post(partners::workers_submit))
        .route("/partners/{id}/gp-status", post(partners::gp_status_submit))
        .route("/groups/collective", get(collective::list).post(collective::record))
        .merge(survey::routes())
        .route("/assets/{name}", get(assets::serve))
        // Browsers ask for it on every site; there is none, and a 404 would clutter the logs.
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
}

/// What every page's frame needs: language, who is logged in, the CSRF token, the theme.
#[derive(Debug, Clone)]
pub struct Chrome {
    pub tr: Tr,
    /// The logged-in user's name and role label, when there is one.
    pub user_name: Option<String>,
    pub role_label: String,
    /// Show the team-manager links of a case (its access log).
    pub is_manager: bool,
    /// The navigation menu: the areas the policy opens to the user (`policy::navigation`).
    pub nav: Vec<NavItem>,
    /// The CSRF token as the page shows it: for a session, masked afresh for every response
    /// ([`mask_csrf`]), so that compressed pages never repeat the same secret bytes.
    pub csrf: String,
    /// The session's CSRF token a posted form is checked against; empty without a session.
    csrf_secret: String,
    pub theme_class: String,
    pub has_custom_theme: bool,
    /// The navigation item of this page.
    pub current: &'static str,
    /// The path of this page.
    pub path: String,
    /// Its query string (ids and codes only, never client data), kept by the language switch.
    pub query: String,
    /// What the last form did, said at the top of the page it led to (`?done=<code>` after a
    /// POST redirected to a GET: message `done-<code>`).
    pub notice: Option<String>,
}

/// An item of the navigation menu.
#[derive(Debug, Clone)]
pub struct NavItem {
    pub area: Area,
    pub href: &'static str,
    pub label: String,
}

impl NavItem {
    fn of(tr: Tr, area: Area) -> Self {
        let (href, key) = match area {
            Area::Worklist => ("/", "nav-worklist"),
            Area::NewReferral => ("/referrals/new", "nav-new-referral"),
            Area::Search => ("/search", "nav-search"),
            Area::PortalPlan => ("/portal", "nav-portal-plan"),
            Area::PortalAccessLog => ("/portal/access-log", "nav-portal-log"),
            Area::Dashboards => ("/dashboards", "nav-dashboards"),
            Area::Admin => ("/admin", "nav-admin"),
            Area::Privacy => ("/privacy", "nav-privacy"),
            Area::Account => ("/account", "nav-account"),
            Area::Groups => ("/groups", "nav-groups"),
            Area::Complaints => ("/complaints", "nav-complaints"),
            Area::Outreach => ("/campaigns", "nav-outreach"),
            Area::Knowledge => ("/knowledge", "nav-knowledge"),
            Area::Partners => ("/partners", "nav-partners"),
            Area::Absence => ("/absence", "nav-absence"),
            Area::PartnerReferrals => ("/partner", "nav-partner-referrals"),
        };
        Self { area, href, label: tr.t(key) }
    }

    /// The name a page gives as its current navigation item.
    pub fn code(&self) -> &'static str {
        self.area.code()
    }
}

impl Chrome {
    /// Whether this is Mijn Buurtteam (the home, the footer and the error pages say so).
    pub fn portal(&self) -> bool {
        self.nav.iter().any(|i| i.area == Area::PortalPlan)
    }

    /// Where an error page sends the user back to, and how it says so: the start of the
    /// user's first navigation area (an analyst's is the dashboards, a family's the portal).
    pub fn home_link(&self) -> (&'static str, String) {
        let key = match self.nav.first().map(|i| i.area) {
            Some(Area::PortalPlan | Area::PortalAccessLog) => "error-back-to-portal",
            Some(Area::Dashboards) => "error-back-to-dashboards",
            Some(Area::Admin) => "error-back-to-admin",
            Some(Area::Privacy) => "error-back-to-privacy",
            Some(Area::Account) => "error-back-to-account",
            Some(Area::Absence) => "error-back-to-absence",
            _ => "error-back-to-worklist",
        };
        (self.nav.first().map_or("/", |i| i.href), self.tr.t(key))
    }

    pub fn css(&self, name: &str) -> String {
        assets::url(name)
    }

    pub fn other_lang(&self) -> &'static str {
        match self.tr.lang {
            Lang::Nl => "en",
            Lang::En => "nl",
        }
    }

    /// This page's path, encoded for a query string (the language switch returns here).
    pub fn back(&self) -> String {
        let back = if self.query.is_empty() { self.path.clone() } else { format!("{}?{}", self.path, self.query) };
        login::urlencode(&back)
    }

    /// Fills in who is logged in and the navigation the policy gives them.
    pub fn for_user(&mut self, actor: &Actor, user: &User) {
        if user.role.is_portal() {
            self.tr = self.tr.for_family();
        }
        self.user_name = Some(user.name.clone());
        self.role_label = self.tr.code("role", user.role.code());
        self.is_manager = user.role == Role::TeamManager;
        self.nav = policy::navigation(actor).into_iter().map(|a| NavItem::of(self.tr, a)).collect();
    }

    pub fn is(&self, item: &str) -> bool {
        self.current == item
    }
}

pub(crate) fn base_chrome(state: &AppState, headers: &HeaderMap, path: &str) -> Chrome {
    Chrome {
        tr: Tr::new(Lang::from_headers(headers)).with_labels(state.app.labels),
        user_name: None,
        role_label: String::new(),
        is_manager: false,
        nav: Vec::new(),
        csrf: String::new(),
        csrf_secret: String::new(),
        theme_class: state.config.theme.as_ref().map_or_else(|| "utrecht-theme".to_owned(), |t| t.class.clone()),
        has_custom_theme: state.config.theme.is_some(),
        current: "",
        path: path.to_owned(),
        query: String::new(),
        notice: None,
    }
}

/// The confirmation of `?done=<code>` in `query`, if the code is one of the catalogue's
/// (`done-<code>`); an unknown code says nothing.
fn done_notice(tr: Tr, query: &str) -> Option<String> {
    let code = query.split('&').find_map(|p| p.strip_prefix("done="))?;
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
        return None;
    }
    let key = format!("done-{code}");
    let text = tr.t(&key);
    (text != key).then_some(text)
}

/// Where a saved form leads: `path` with `done=<code>` added before its `#fragment`, so that
/// the page says what was saved and a reload sends nothing again.
pub fn saved(path: &str, done: &str) -> Response {
    let (base, fragment) = path.split_once('#').map_or((path, ""), |(b, f)| (b, f));
    let sep = if base.contains('?') { '&' } else { '?' };
    let hash = if fragment.is_empty() { String::new() } else { format!("#{fragment}") };
    Redirect::to(&format!("{base}{sep}done={done}{hash}")).into_response()
}

/// The CSRF token of a session: derived from the session token, which only the browser
/// holding the HttpOnly cookie knows, so a page of another site cannot know it.
pub fn csrf_token(session_token: &str) -> String {
    Sha256::digest(format!("csrf\0{session_token}").as_bytes()).iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// Masks a CSRF token (32 hex digits) with a fresh random pad: the pad and the token XOR the
/// pad, 64 hex digits. Pages go out gzipped; a secret that appears the same in every response
/// beside text an attacker can put in the page (a search) could be guessed from the
/// compressed sizes (BREACH). Masked, the bytes differ in every response.
pub fn mask_csrf(token: &str) -> String {
    let Some(secret) = hex_bytes(token) else { return token.to_owned() };
    let mut pad = vec![0u8; secret.len()];
    rand::fill(pad.as_mut_slice());
    let masked = secret.iter().zip(&pad).map(|(s, p)| s ^ p);
    pad.iter().copied().chain(masked).map(|b| format!("{b:02x}")).collect()
}

/// Whether `sent` is `token`, masked ([`mask_csrf`]) or as it is (a page shown before masking).
pub fn csrf_matches(sent: &str, token: &str) -> bool {
    if token.is_empty() {
        return false;
    }
    if sent.len() == 2 * token.len()
        && let (Some(pad), Some(masked)) = (hex_bytes(&sent[..token.len()]), hex_bytes(&sent[token.len()..]))
    {
        let unmasked: String = pad.iter().zip(&masked).map(|(p, m)| format!("{:02x}", p ^ m)).collect();
        return constant_eq(unmasked.as_bytes(), token.as_bytes());
    }
    constant_eq(sent.as_bytes(), token.as_bytes())
}

fn hex_bytes(hex: &str) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) || !hex.is_ascii() {
        return None;
    }
    (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).ok()).collect()
}

impl Chrome {
    /// The session's CSRF token: kept to check a posted form against, shown masked.
    pub fn set_session_csrf(&mut self, session_token: &str) {
        let secret = csrf_token(session_token);
        self.csrf = mask_csrf(&secret);
        self.csrf_secret = secret;
    }

    /// Whether a posted `_csrf` is this session's token.
    pub fn csrf_accepts(&self, sent: &str) -> bool {
        csrf_matches(sent, &self.csrf_secret)
    }
}

/// A logged-in staff member on a page. Without a session the browser is sent to the log-in
/// page; where the organisation requires a second factor that is not set up yet, to its set-up.
pub struct StaffPage {
    pub actor: Actor,
    pub user: User,
    pub chrome: Chrome,
    pub token: String,
}

impl StaffPage {
    /// The chrome for the page with navigation item `current`.
    pub fn chrome(&self, current: &'static str) -> Chrome {
        Chrome { current, ..self.chrome.clone() }
    }

    pub fn tr(&self) -> Tr {
        self.chrome.tr
    }
}

impl form::FormSession for StaffPage {
    fn chrome(&self) -> &Chrome {
        &self.chrome
    }

    fn actor(&self) -> &Actor {
        &self.actor
    }
}

/// The page for a form without the session's CSRF token, carrying the refusal to be logged
/// (`form.access_refused`). Only `form::PageForm` answers with it.
fn csrf_refused(chrome: &Chrome, actor: &Actor) -> Response {
    let page = error_page(chrome, StatusCode::FORBIDDEN, "error-csrf-title", "error-csrf-detail");
    let refusal = crate::refusals::Refusal {
        actor: actor.clone(),
        reason: "csrf_token",
        method: "POST".into(),
        path: chrome.path.clone(),
    };
    crate::refusals::attach(page, refusal)
}

fn constant_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// To the log-in page, and back to `path` (when it is a path of this site) after it.
fn login_redirect(path: &str) -> Response {
    let next = redirect::same_origin_path(Some(path));
    if next == "/" {
        return Redirect::to("/login").into_response();
    }
    Redirect::to(&format!("/login?next={}", login::urlencode(&next))).into_response()
}

/// A logged-in page's first steps, staff and portal alike: the chrome of the page, and who is
/// logged in (to the log-in page with a way back when no one is). The caller decides where this
/// user belongs.
pub(crate) struct LoggedIn {
    pub path: String,
    pub chrome: Chrome,
    pub token: String,
    pub actor: Actor,
    pub user: User,
}

impl LoggedIn {
    pub(crate) async fn from_parts(parts: &Parts, state: &AppState) -> Result<Self, Response> {
        let path = parts.uri.path().to_owned();
        // The organisation's own code-list labels, reloaded when another node changed them.
        state.app.labels.refresh_if_stale(&state.app.db).await;
        let mut chrome = base_chrome(state, &parts.headers, &path);
        chrome.query = parts.uri.query().unwrap_or_default().to_owned();
        chrome.notice = done_notice(chrome.tr, &chrome.query);
        let Some(token) = crate::session::token(&parts.headers) else { return Err(login_redirect(&path)) };
        let (actor, user) = match auth::authenticate(&state.app, &token).await {
            Ok(found) => found,
            Err(AppError::Unauthenticated) => return Err(login_redirect(&path)),
            Err(e) => return Err(app_error_page(&chrome, e)),
        };
        chrome.for_user(&actor, &user);
        chrome.set_session_csrf(&token);
        Ok(Self { path, chrome, token, actor, user })
    }
}

impl FromRequestParts<AppState> for StaffPage {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let LoggedIn { path, chrome, token, actor, user } = LoggedIn::from_parts(parts, state).await?;
        if auth::must_enrol(&state.app, &user)
            && !path.starts_with("/account")
            && !buurtteam_app::sso::second_factor_at_provider(&state.app, &token).await
        {
            return Err(Redirect::to("/account/second-factor").into_response());
        }
        // Portal accounts work in Mijn Buurtteam; of the staff pages they share only the account.
        // Partner accounts work on their own start page (`/partner`), likewise.
        if !user.role.is_staff() && !path.starts_with("/account") {
            return Err(Redirect::to(user.role.start_page()).into_response());
        }
        Ok(Self { actor, user, chrome, token })
    }
}

/// Anyone, logged in or not (the log-in pages).
pub struct AnyPage {
    pub chrome: Chrome,
}

impl FromRequestParts<AppState> for AnyPage {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(Self { chrome: base_chrome(state, &parts.headers, parts.uri.path()) })
    }
}

/// Renders a template as a page with `status`.
pub fn render(status: StatusCode, template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => {
            let mut r = (status, Html(html)).into_response();
            // Pages hold client data: never keep them in shared or browser caches.
            r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            r
        }
        Err(e) => {
            tracing::error!(error = %e, "template rendering failed");
            (StatusCode::INTERNAL_SERVER_ERROR, Html("<!doctype html><title>Error</title><p>Error</p>".to_owned()))
                .into_response()
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: Chrome,
    title: String,
    detail: String,
}

pub fn error_page(chrome: &Chrome, status: StatusCode, title_key: &str, detail_key: &str) -> Response {
    let tr = chrome.tr;
    render(
        status,
        &ErrorPage { page: Chrome { current: "", ..chrome.clone() }, title: tr.t(title_key), detail: tr.t(detail_key) },
    )
}

/// The page for an error a use case returned (other than a form's own validation errors).
pub fn app_error_page(chrome: &Chrome, e: AppError) -> Response {
    match e {
        AppError::Unauthenticated => login_redirect(&chrome.path),
        AppError::NotFound(_) => {
            error_page(chrome, StatusCode::NOT_FOUND, "error-not-found-title", "error-not-found-detail")
        }
        AppError::Forbidden(_) | AppError::SecondFactorEnrolmentRequired => {
            error_page(chrome, StatusCode::FORBIDDEN, "error-forbidden-title", "error-forbidden-detail")
        }
        AppError::StepRefused { refusal, .. } => {
            tracing::info!(%refusal, "step refused on a page");
            error_page(chrome, StatusCode::CONFLICT, "error-conflict-title", "error-conflict-detail")
        }
        AppError::Conflict { message, .. } => {
            tracing::info!(%message, "conflict on a page");
            error_page(chrome, StatusCode::CONFLICT, "error-conflict-title", "error-conflict-detail")
        }
        AppError::Store(err) if err.is_unavailable() => {
            tracing::error!(error = %err, "database cannot take the request");
            let mut r = error_page(
                chrome,
                StatusCode::SERVICE_UNAVAILABLE,
                "error-unavailable-title",
                "error-unavailable-detail",
            );
            r.headers_mut().insert(axum::http::header::RETRY_AFTER, crate::problem::RETRY_UNAVAILABLE_SECS.into());
            r
        }
        other => {
            tracing::error!(error = %other, "error on a page");
            error_page(chrome, StatusCode::INTERNAL_SERVER_ERROR, "error-internal-title", "error-internal-detail")
        }
    }
}

/// The fallback for paths no route has: an HTML page for browsers, problem+json for the API.
pub fn not_found_page(state: &AppState, headers: &HeaderMap, path: &str) -> Response {
    let chrome = base_chrome(state, headers, path);
    error_page(&chrome, StatusCode::NOT_FOUND, "error-not-found-title", "error-not-found-detail")
}

#[derive(Deserialize)]
struct LanguageQuery {
    set: String,
    back: Option<String>,
}

/// The language switch: remembers the choice in a cookie and returns to the page (a path of
/// this site; anything else goes to the start page).
async fn language(Query(q): Query<LanguageQuery>) -> Response {
    let lang = Lang::parse(&q.set).unwrap_or(Lang::Nl);
    let back = redirect::same_origin_path(q.back.as_deref());
    let mut r = Redirect::to(&back).into_response();
    let cookie = format!("{}={}; Path=/; SameSite=Lax; Max-Age=31536000", i18n::LANG_COOKIE, lang.code());
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        r.headers_mut().insert(header::SET_COOKIE, v);
    }
    r
}

#[cfg(test)]
mod csrf_tests {
    use super::{csrf_matches, csrf_token, mask_csrf};

    #[test]
    fn a_masked_token_differs_every_time_and_still_matches() {
        let token = csrf_token("session-token");
        let (a, b) = (mask_csrf(&token), mask_csrf(&token));
        assert_ne!(a, b, "a fresh pad each time");
        assert!(!a.contains(&token));
        assert!(csrf_matches(&a, &token) && csrf_matches(&b, &token));
        assert!(csrf_matches(&token, &token), "an unmasked token of an older page");
        // Another session's token, a changed digit, nonsense and nothing are refused.
        assert!(!csrf_matches(&mask_csrf(&csrf_token("other")), &token));
        let mut changed = a.clone().into_bytes();
        changed[40] = if changed[40] == b'0' { b'1' } else { b'0' };
        assert!(!csrf_matches(&String::from_utf8(changed).unwrap_or_default(), &token));
        assert!(!csrf_matches(&"zz".repeat(32), &token));
        assert!(!csrf_matches("", &token));
        assert!(!csrf_matches(&a, ""), "no session: nothing matches");
    }
}
