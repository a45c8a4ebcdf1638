//! The scenarios. Every one but `healthz` starts by logging in as a family worker (the
//! logins are spread evenly over the goose users) and fetching what it needs
//! (case ids from that user's own worklist, a household of its own); those set-up requests
//! are named `setup: ...` and left out of the results. Every user then waits until all
//! users are set up: the measured window opens at that moment, for everyone at once, and
//! closes `run_time` later (see [`Window`]). In the window each user loops its transaction
//! without pause: a closed loop, so throughput is what the server sustains.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use goose::prelude::*;
use jiff::ToSpan;
use jiff::civil::Date;
use serde_json::{Value, json};

/// What every user shares: the logins and their password, how many users there are and
/// how long to measure.
pub struct Shared {
    pub logins: Vec<String>,
    pub password: String,
    pub users: usize,
    pub run_time: Duration,
    /// The mean think time between requests (zero: closed loop).
    pub think: Duration,
}

static SHARED: OnceLock<Shared> = OnceLock::new();
static ABORTED: Mutex<Option<String>> = Mutex::new(None);
/// Users that finished their set-up.
static READY: AtomicUsize = AtomicUsize::new(0);
/// When the last user finished its set-up: the measured window opens.
static OPENED: OnceLock<Instant> = OnceLock::new();
/// When the measured window closed.
static CLOSED: OnceLock<Instant> = OnceLock::new();

/// The measured window: from the moment every user is set up to `run_time` later.
pub struct Window {
    pub opened: Option<Instant>,
    pub closed: Option<Instant>,
}

pub fn window() -> Window {
    Window { opened: OPENED.get().copied(), closed: CLOSED.get().copied() }
}

/// Called by each user at the end of its set-up; returns when the window opens. The last user
/// to arrive opens it and starts the clock that closes it (and then ends the goose run).
async fn ready_and_wait() {
    let shared = shared();
    if READY.fetch_add(1, Ordering::SeqCst) + 1 >= shared.users && OPENED.set(Instant::now()).is_ok() {
        let run_time = shared.run_time;
        tokio::spawn(async move {
            tokio::time::sleep(run_time).await;
            let _ = CLOSED.set(Instant::now());
            goose::trigger_killswitch("the measured time is over");
        });
    }
    while OPENED.get().is_none() && !goose::is_killswitch_triggered() {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    // With think time, people do not all click at the same moment: each user starts at a
    // random point of one think time (else the first requests arrive as one burst).
    let think = shared.think.as_millis();
    if think > 0 {
        let offset = fastrand::u64(0..u64::try_from(think).unwrap_or(u64::MAX));
        tokio::time::sleep(Duration::from_millis(offset)).await;
    }
}

/// Whether the window is open; once it has closed, a user idles instead of sending requests
/// until goose has stopped all users, so only requests sent within the window count.
async fn measuring() -> bool {
    if CLOSED.get().is_some() || OPENED.get().is_none() {
        tokio::time::sleep(Duration::from_millis(50)).await;
        return false;
    }
    true
}

pub fn configure(shared: Shared) {
    let _ = SHARED.set(shared);
}

fn shared() -> &'static Shared {
    SHARED.get_or_init(|| Shared {
        logins: Vec::new(),
        password: String::new(),
        users: 1,
        run_time: Duration::ZERO,
        think: Duration::ZERO,
    })
}

/// The reason the run was stopped early, if it was.
pub fn aborted() -> Option<String> {
    ABORTED.lock().ok().and_then(|g| g.clone())
}

/// Stops the whole run: a set-up that cannot work would only produce errors.
fn abort(reason: String) -> Box<TransactionError> {
    if let Ok(mut g) = ABORTED.lock()
        && g.is_none()
    {
        eprintln!("buurtteam-load: {reason}");
        *g = Some(reason.clone());
    }
    goose::trigger_killswitch(&reason);
    reason.into()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum ScenarioKind {
    Worklist,
    /// The worklist page (`/`, HTML) as a family worker sees it.
    WorklistPage,
    /// The family file page (`/cases/{id}`, HTML).
    FilePage,
    OpenCase,
    RegisterContact,
    RegisterReferral,
    Healthz,
    Mixed,
}

impl ScenarioKind {
    pub const ALL: &'static [Self] =
        &[
            Self::Healthz,
            Self::Worklist,
            Self::OpenCase,
            Self::RegisterContact,
            Self::RegisterReferral,
            Self::Mixed,
            Self::WorklistPage,
            Self::FilePage,
        ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Worklist => "worklist",
            Self::WorklistPage => "worklist_page",
            Self::FilePage => "file_page",
            Self::OpenCase => "open_case",
            Self::RegisterContact => "register_contact",
            Self::RegisterReferral => "register_referral",
            Self::Healthz => "healthz",
            Self::Mixed => "mixed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.name() == s)
    }
}

/// The weights of the mixed scenario.
pub const MIX: &[(&str, usize)] =
    &[("worklist", 30), ("open_case", 40), ("register_contact", 20), ("register_referral", 10)];

/// What one user learnt while setting up.
#[derive(Clone, Default)]
struct Session {
    email: String,
    team_ids: Vec<i64>,
    /// Cases of the user's own teams (any status), from its worklist.
    case_ids: Vec<i64>,
    /// Cases not closed, with their referral date.
    open_cases: Vec<(i64, Date)>,
    /// The household this user registered, and its member ids.
    household: Option<(i64, Vec<i64>)>,
}

fn today() -> Date {
    let tz = jiff::tz::TimeZone::get("Europe/Amsterdam").unwrap_or(jiff::tz::TimeZone::UTC);
    jiff::Timestamp::now().to_zoned(tz).date()
}

pub fn scenario(kind: ScenarioKind) -> Scenario {
    let s = Scenario::new(kind.name());
    match kind {
        ScenarioKind::Healthz => s
            .register_transaction(transaction!(setup_healthz).set_on_start().set_name("setup"))
            .register_transaction(transaction!(healthz).set_name("healthz")),
        ScenarioKind::Worklist => s
            .register_transaction(transaction!(setup_worklist).set_on_start().set_name("setup"))
            .register_transaction(transaction!(worklist).set_name("worklist")),
        ScenarioKind::WorklistPage => s
            .register_transaction(transaction!(setup_worklist).set_on_start().set_name("setup"))
            .register_transaction(transaction!(worklist_page).set_name("worklist_page")),
        ScenarioKind::FilePage => s
            .register_transaction(transaction!(setup_open_case).set_on_start().set_name("setup"))
            .register_transaction(transaction!(file_page).set_name("file_page")),
        ScenarioKind::OpenCase => s
            .register_transaction(transaction!(setup_open_case).set_on_start().set_name("setup"))
            .register_transaction(transaction!(open_case).set_name("open_case")),
        ScenarioKind::RegisterContact => s
            .register_transaction(transaction!(setup_register_contact).set_on_start().set_name("setup"))
            .register_transaction(transaction!(register_contact).set_name("register_contact")),
        ScenarioKind::RegisterReferral => s
            .register_transaction(transaction!(setup_register_referral).set_on_start().set_name("setup"))
            .register_transaction(transaction!(register_referral).set_name("register_referral")),
        // One transaction that draws each request by weight, so the mix holds from the first
        // second (goose's transaction weights hold only per full pass of 100 requests).
        ScenarioKind::Mixed => s
            .register_transaction(transaction!(setup_mixed).set_on_start().set_name("setup"))
            .register_transaction(transaction!(mixed).set_name("mixed")),
    }
}

// ---- requests ----

async fn get_json(user: &mut GooseUser, path: &str, name: &str) -> Result<(u16, Value), Box<TransactionError>> {
    let goose = user.get_named(path, name).await?;
    let response = goose.response?;
    let status = response.status().as_u16();
    let body = response.json::<Value>().await.unwrap_or(Value::Null);
    Ok((status, body))
}

async fn post_json(
    user: &mut GooseUser,
    path: &str,
    name: &str,
    body: &Value,
) -> Result<(u16, Value), Box<TransactionError>> {
    let builder = user.get_request_builder(&GooseMethod::Post, path)?.json(body);
    let request =
        GooseRequest::builder().method(GooseMethod::Post).path(path).name(name).set_request_builder(builder).build();
    let goose = user.request(request).await?;
    let response = goose.response?;
    let status = response.status().as_u16();
    let body = response.json::<Value>().await.unwrap_or(Value::Null);
    Ok((status, body))
}

fn session(user: &GooseUser) -> Result<&Session, Box<TransactionError>> {
    user.get_session_data::<Session>().ok_or_else(|| "this user has no session (its set-up failed)".into())
}

// ---- set-up ----

/// Logs in (the cookie jar keeps the session) and reads the user's teams.
async fn login(user: &mut GooseUser) -> Result<Session, Box<TransactionError>> {
    let shared = shared();
    if shared.logins.is_empty() {
        return Err(abort("no logins given".into()));
    }
    // Spread the users evenly over the list (which a generator writes team by team), so that a
    // few users still come from many teams: user i of u takes line i*n/u when u < n.
    let (i, n, u) = (user.weighted_users_index, shared.logins.len(), shared.users.max(1));
    let line = if u < n { i * n / u } else { i % n };
    let email = shared.logins[line % n].clone();
    let body = json!({ "email": email, "password": shared.password });
    let mut last = String::new();
    // Password hashing is deliberately slow: many users logging in at once may time out. Retry.
    for _ in 0..3 {
        match post_json(user, "/api/v1/auth/login", "setup: login", &body).await {
            Ok((200, _)) => {
                last.clear();
                break;
            }
            Ok((status @ (401 | 422), _)) => {
                return Err(abort(format!(
                    "logging in as {email} was refused ({status}): check the logins and password"
                )));
            }
            Ok((status, _)) => last = format!("status {status}"),
            Err(e) => last = e.to_string(),
        }
    }
    if !last.is_empty() {
        return Err(abort(format!("logging in as {email} failed: {last}")));
    }
    let (status, me) = get_json(user, "/api/v1/auth/me", "setup: me").await?;
    if status != 200 {
        return Err(abort(format!("GET /api/v1/auth/me for {email} answered {status}")));
    }
    let role = me["role"].as_str().unwrap_or_default();
    if role != "family_worker" && role != "team_manager" {
        return Err(abort(format!("{email} is a {role}, not a family worker: it sees no cases")));
    }
    let team_ids = me["team_ids"].as_array().map(|a| a.iter().filter_map(Value::as_i64).collect()).unwrap_or_default();
    Ok(Session { email, team_ids, ..Session::default() })
}

async fn fetch_case_ids(user: &mut GooseUser, s: &mut Session) -> TransactionResult {
    let (status, list) = get_json(user, "/api/v1/cases?status=all&limit=200", "setup: worklist").await?;
    if status != 200 {
        return Err(abort(format!("the worklist of {} answered {status}", s.email)));
    }
    s.case_ids = items(&list).filter_map(|c| c["id"].as_i64()).collect();
    if s.case_ids.is_empty() {
        return Err(abort(format!("{} sees no cases: nothing to open", s.email)));
    }
    Ok(())
}

async fn fetch_open_cases(user: &mut GooseUser, s: &mut Session) -> TransactionResult {
    let (status, list) = get_json(user, "/api/v1/cases?status=open&limit=200", "setup: open cases").await?;
    if status != 200 {
        return Err(abort(format!("the open worklist of {} answered {status}", s.email)));
    }
    s.open_cases = items(&list)
        .filter(|c| c["status"].as_str() != Some("closed"))
        .filter_map(|c| Some((c["id"].as_i64()?, c["referred_on"].as_str()?.parse::<Date>().ok()?)))
        .collect();
    if s.open_cases.is_empty() {
        return Err(abort(format!("{} has no open cases: nowhere to register a contact", s.email)));
    }
    Ok(())
}

async fn create_household(user: &mut GooseUser, s: &mut Session) -> TransactionResult {
    if s.team_ids.is_empty() {
        return Err(abort(format!("{} is in no team: cannot register a referral", s.email)));
    }
    let (status, districts) = get_json(user, "/api/v1/districts", "setup: districts").await?;
    let ids: Vec<i64> = items(&districts).filter_map(|d| d["id"].as_i64()).collect();
    if status != 200 || ids.is_empty() {
        return Err(abort(format!("no districts to register a household in ({status})")));
    }
    let district = ids[user.weighted_users_index % ids.len()];
    // A postcode outside the generated city's postcode areas, so the chosen district stands
    // (inside them the district follows the postcode and another one is refused).
    let body = json!({
        "address": {"street": "Laadtestlaan", "house_number": user.weighted_users_index + 1,
                    "postcode": "9999 AB", "city": "Utrecht"},
        "district_id": district,
        "members": [
            {"given_name": "Anouk", "family_name": "Laadtest", "birth_date": "1984-06-01", "role": "parent"},
            {"given_name": "Daan", "family_name": "Laadtest", "birth_date": "2014-02-11", "role": "child"}
        ]
    });
    let (status, h) = post_json(user, "/api/v1/households", "setup: household", &body).await?;
    let id = h["id"].as_i64();
    let members: Vec<i64> =
        h["members"].as_array().map(|m| m.iter().filter_map(|x| x["id"].as_i64()).collect()).unwrap_or_default();
    match (status, id) {
        (201, Some(id)) if !members.is_empty() => {
            s.household = Some((id, members));
            Ok(())
        }
        _ => Err(abort(format!("registering a household as {} answered {status}: {h}", s.email))),
    }
}

fn items(list: &Value) -> impl Iterator<Item = &Value> {
    list["items"].as_array().map(|a| a.as_slice()).unwrap_or_default().iter()
}

async fn setup_healthz(_user: &mut GooseUser) -> TransactionResult {
    ready_and_wait().await;
    Ok(())
}

/// What each scenario fetches after logging in.
#[derive(Clone, Copy)]
struct Needs {
    case_ids: bool,
    open_cases: bool,
    household: bool,
}

async fn set_up(user: &mut GooseUser, needs: Needs) -> Result<Session, Box<TransactionError>> {
    let mut s = login(user).await?;
    if needs.case_ids {
        fetch_case_ids(user, &mut s).await?;
    }
    if needs.open_cases {
        fetch_open_cases(user, &mut s).await?;
    }
    if needs.household {
        create_household(user, &mut s).await?;
    }
    Ok(s)
}

/// Sets the user up, then waits for the window to open. Any failure (a refused log-in, but also
/// a timeout) stops the whole run: a user that is not set up would keep the window shut.
async fn set_up_and_wait(user: &mut GooseUser, needs: Needs) -> TransactionResult {
    match set_up(user, needs).await {
        Ok(s) => {
            user.set_session_data(s);
            ready_and_wait().await;
            Ok(())
        }
        Err(e) => Err(abort(format!("a user's set-up failed: {e}"))),
    }
}

const NOTHING: Needs = Needs { case_ids: false, open_cases: false, household: false };

async fn setup_worklist(user: &mut GooseUser) -> TransactionResult {
    set_up_and_wait(user, NOTHING).await
}

async fn setup_open_case(user: &mut GooseUser) -> TransactionResult {
    set_up_and_wait(user, Needs { case_ids: true, ..NOTHING }).await
}

async fn setup_register_contact(user: &mut GooseUser) -> TransactionResult {
    set_up_and_wait(user, Needs { open_cases: true, ..NOTHING }).await
}

async fn setup_register_referral(user: &mut GooseUser) -> TransactionResult {
    set_up_and_wait(user, Needs { household: true, ..NOTHING }).await
}

async fn setup_mixed(user: &mut GooseUser) -> TransactionResult {
    set_up_and_wait(user, Needs { case_ids: true, open_cases: true, household: true }).await
}

// ---- the measured transactions ----

async fn healthz(user: &mut GooseUser) -> TransactionResult {
    if !measuring().await {
        return Ok(());
    }
    user.get_named("/healthz", "healthz").await?;
    Ok(())
}

async fn mixed(user: &mut GooseUser) -> TransactionResult {
    let total: usize = MIX.iter().map(|(_, w)| w).sum();
    let mut pick = fastrand::usize(..total);
    let name = MIX
        .iter()
        .find(|(_, w)| {
            if pick < *w {
                true
            } else {
                pick -= w;
                false
            }
        })
        .map_or("worklist", |m| m.0);
    match name {
        "open_case" => open_case(user).await,
        "register_contact" => register_contact(user).await,
        "register_referral" => register_referral(user).await,
        _ => worklist(user).await,
    }
}

async fn worklist(user: &mut GooseUser) -> TransactionResult {
    if !measuring().await {
        return Ok(());
    }
    user.get_named("/api/v1/cases?limit=50", "worklist").await?;
    Ok(())
}

/// The worklist page, rendered HTML; fails unless it is the page (not the log-in redirect).
async fn worklist_page(user: &mut GooseUser) -> TransactionResult {
    if !measuring().await {
        return Ok(());
    }
    let goose = user.get_named("/", "worklist_page").await?;
    check_page(user, goose, "worklist-results").await
}

async fn file_page(user: &mut GooseUser) -> TransactionResult {
    if !measuring().await {
        return Ok(());
    }
    let ids = &session(user)?.case_ids;
    let id = ids[fastrand::usize(..ids.len())];
    let goose = user.get_named(&format!("/cases/{id}"), "file_page").await?;
    check_page(user, goose, "timeline-heading").await
}

/// Marks the request failed unless it returned the page holding `marker` (a log-in redirect
/// or an error page would otherwise count as fast successes).
async fn check_page(user: &mut GooseUser, goose: goose::goose::GooseResponse, marker: &str) -> TransactionResult {
    let mut request = goose.request;
    let body = match goose.response {
        Ok(r) if r.status().as_u16() == 200 => r.text().await.unwrap_or_default(),
        _ => String::new(),
    };
    if body.contains(marker) { Ok(()) } else { user.set_failure("not the page", &mut request, None, None) }
}

async fn open_case(user: &mut GooseUser) -> TransactionResult {
    if !measuring().await {
        return Ok(());
    }
    let ids = &session(user)?.case_ids;
    let id = ids[fastrand::usize(..ids.len())];
    user.get_named(&format!("/api/v1/cases/{id}"), "open_case").await?;
    Ok(())
}

async fn register_contact(user: &mut GooseUser) -> TransactionResult {
    if !measuring().await {
        return Ok(());
    }
    let cases = &session(user)?.open_cases;
    let (id, referred_on) = cases[fastrand::usize(..cases.len())];
    let today = today();
    let span = today.since(referred_on).map(|s| s.get_days()).unwrap_or(0).max(0);
    let contact_on = referred_on.checked_add(i64::from(fastrand::i32(0..=span)).days()).unwrap_or(today).min(today);
    let body = json!({ "contact_on": contact_on.to_string(), "form": "phone", "minutes": 15 });
    post_json(user, &format!("/api/v1/cases/{id}/contacts"), "register_contact", &body).await?;
    Ok(())
}

async fn register_referral(user: &mut GooseUser) -> TransactionResult {
    if !measuring().await {
        return Ok(());
    }
    let s = session(user)?;
    let Some((household, members)) = s.household.clone() else {
        return Err("this user has no household (its set-up failed)".into());
    };
    let team = s.team_ids[fastrand::usize(..s.team_ids.len())];
    let referred_on = today().checked_sub(fastrand::i64(0..=3).days()).unwrap_or_else(|_| today());
    let body = json!({
        "household_id": household, "team_id": team, "referred_on": referred_on.to_string(), "source": "school",
        "request": "Laadtest: zorgen over de ontwikkeling van Daan thuis en op school.",
        "client_ids": [members[members.len() - 1]], "life_domains": ["parenting", "development_school"]
    });
    post_json(user, "/api/v1/cases", "register_referral", &body).await?;
    Ok(())
}
