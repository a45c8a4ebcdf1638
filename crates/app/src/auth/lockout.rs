//! Limits on failed attempts. In the database (`store::attempts`, decision 0008): log-ins per
//! account and client address together, per account from all addresses, and failed portal
//! activations per code and per address. In memory, per node: log-ins per client address across
//! accounts (decision 0005).

use buurtteam_store::{Tx, attempts};
use jiff::{SignedDuration, Timestamp};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

use crate::{App, Result, Settings};

/// How long failed log-ins in a row are remembered without a new one.
const LOGIN_MEMORY: SignedDuration = SignedDuration::from_hours(24);

const LOGIN: &str = "login";
const LOGIN_ACCOUNT: &str = "login_account";
const ACTIVATION_CODE: &str = "activation_code";
const ACTIVATION_ADDRESS: &str = "activation_address";
const SURVEY_ADDRESS: &str = "survey_address";

fn key(parts: &[&str]) -> String {
    super::hex(&Sha256::digest(parts.join("\n").as_bytes()))
}

fn address(client: Option<IpAddr>) -> String {
    client.map_or_else(|| "unknown".to_owned(), |ip| ip.to_string())
}

fn secs(t: Timestamp) -> i64 {
    t.as_second()
}

/// Whole seconds, rounded up: a lock never ends before its time.
fn secs_up(t: Timestamp) -> i64 {
    t.as_second() + i64::from(t.subsec_nanosecond() > 0)
}

fn at(secs: i64) -> Option<Timestamp> {
    Timestamp::from_second(secs).ok()
}

fn later(now: Timestamp, by: SignedDuration) -> Timestamp {
    now.checked_add(by).unwrap_or(now)
}

/// What one log-in attempt counts against: the account named (by its e-mail address, whether
/// an account has it or not) from this client address, and that account from all addresses.
#[derive(Debug, Clone)]
pub(super) struct LoginKeys {
    pair: String,
    account: String,
}

impl LoginKeys {
    pub(super) fn new(email: &str, client: Option<IpAddr>) -> Self {
        Self { pair: key(&[email, &address(client)]), account: key(&[email]) }
    }
}

/// The lock on this account for this address (or for every address), while it lasts.
pub(super) async fn login_locked_until(app: &App, keys: &LoginKeys, now: Timestamp) -> Result<Option<Timestamp>> {
    let mut tx = app.db.begin_read().await?;
    let pair = attempts::locked_until(&mut tx, LOGIN, &keys.pair, secs(now)).await?;
    let account = attempts::locked_until(&mut tx, LOGIN_ACCOUNT, &keys.account, secs(now)).await?;
    Ok(pair.max(account).and_then(at))
}

/// Counts a failed log-in (in the caller's write transaction); the lock now in force, if the
/// failure brought one. Also forgets counts nobody added to for a long time.
pub(super) async fn record_login_failure(
    tx: &mut Tx,
    settings: &Settings,
    keys: &LoginKeys,
    now: Timestamp,
) -> Result<Option<Timestamp>> {
    let (n, forget) = (secs(now), secs(now) - LOGIN_MEMORY.as_secs());
    let lock = secs_up(later(now, settings.lock_duration));
    let pair = attempts::record(tx, LOGIN, &keys.pair, n, forget, settings.lock_after_failures, lock).await?.1;
    attempts::tag_account(tx, LOGIN, &keys.pair, &keys.account).await?;
    let all = settings.lock_after_failures_all_addresses;
    let account = attempts::record(tx, LOGIN_ACCOUNT, &keys.account, n, forget, all, lock).await?.1;
    let horizon = LOGIN_MEMORY.max(settings.activation_window).max(settings.lock_duration);
    attempts::forget(tx, n - horizon.as_secs(), n).await?;
    Ok(pair.max(account).filter(|u| *u > n).and_then(at))
}

/// A successful log-in forgets the failures from its address. The count over all addresses
/// stays until it is forgotten: a guesser spread over many addresses must not be able to reset
/// it by the owner logging in.
pub(super) async fn clear_login(tx: &mut Tx, keys: &LoginKeys) -> Result<()> {
    Ok(attempts::clear(tx, LOGIN, &keys.pair).await?)
}

/// Until when the account with this e-mail address is locked, from one address or from all,
/// if it is at `now`.
pub(crate) async fn account_locked_until(tx: &mut Tx, email: &str, now: Timestamp) -> Result<Option<Timestamp>> {
    let account = LoginKeys::new(email, None).account;
    Ok(attempts::account_locked_until(tx, LOGIN_ACCOUNT, &account, secs(now)).await?.and_then(at))
}

/// Forgets the failed log-ins of the account with this e-mail address, from every address (an
/// admin unlocked it). Whether any were counted.
pub(crate) async fn unlock_account(tx: &mut Tx, email: &str) -> Result<bool> {
    let account = LoginKeys::new(email, None).account;
    Ok(attempts::clear_account(tx, LOGIN_ACCOUNT, &account).await? > 0)
}

/// What a failed portal activation counts against: the code typed, and the client address.
#[derive(Debug, Clone)]
pub(crate) struct ActivationKeys {
    code: String,
    address: String,
}

impl ActivationKeys {
    /// `code_hash` is the stored hash of the (normalised) code typed.
    pub(crate) fn new(code_hash: &str, client: Option<IpAddr>) -> Self {
        Self { code: key(&[code_hash]), address: key(&[&address(client)]) }
    }
}

/// Until when activations with this code or from this address are held off, if they are.
pub(crate) async fn activation_blocked_until(
    app: &App,
    keys: &ActivationKeys,
    now: Timestamp,
) -> Result<Option<Timestamp>> {
    let mut tx = app.db.begin_read().await?;
    let code = attempts::locked_until(&mut tx, ACTIVATION_CODE, &keys.code, secs(now)).await?;
    let address = attempts::locked_until(&mut tx, ACTIVATION_ADDRESS, &keys.address, secs(now)).await?;
    Ok(code.max(address).and_then(at))
}

/// Counts a failed activation against its code and its address (in the caller's write
/// transaction): at most `activation_failures_per_code` and `_per_address` in a row, each less
/// than `activation_window` after the one before; then held off for that window.
pub(crate) async fn record_activation_failure(
    tx: &mut Tx,
    settings: &Settings,
    keys: &ActivationKeys,
    now: Timestamp,
) -> Result<()> {
    let window = settings.activation_window;
    let (n, forget, lock) = (secs(now), secs(now) - window.as_secs(), secs_up(later(now, window)));
    attempts::record(tx, ACTIVATION_CODE, &keys.code, n, forget, settings.activation_failures_per_code, lock).await?;
    let per_address = settings.activation_failures_per_address;
    attempts::record(tx, ACTIVATION_ADDRESS, &keys.address, n, forget, per_address, lock).await?;
    Ok(())
}

/// Failed log-ins per client address within a window: a guard against password guessing
/// across many accounts, which the per-account locks alone do not stop. Kept in memory,
/// per node; the account locks, which matter most, are in the database.
#[derive(Debug, Default)]
pub struct Throttle {
    windows: Mutex<HashMap<IpAddr, (Timestamp, u32)>>,
}

impl Throttle {
    /// When the address may try again, if it is over its limit now.
    pub(super) fn blocked_until(&self, ip: IpAddr, now: Timestamp, settings: &crate::Settings) -> Option<Timestamp> {
        let windows = self.windows.lock().ok()?;
        let (start, count) = windows.get(&ip)?;
        let end = start.checked_add(settings.lock_duration).ok()?;
        (now < end && *count >= settings.failures_per_address).then_some(end)
    }

    pub(super) fn record_failure(&self, ip: IpAddr, now: Timestamp, settings: &crate::Settings) {
        let Ok(mut windows) = self.windows.lock() else { return };
        if windows.len() > 100_000 {
            // Bound the memory an attacker with many addresses can take: drop expired windows.
            windows.retain(|_, (start, _)| start.checked_add(settings.lock_duration).is_ok_and(|end| end > now));
        }
        let entry = windows.entry(ip).or_insert((now, 0));
        if entry.0.checked_add(settings.lock_duration).is_ok_and(|end| end <= now) {
            *entry = (now, 0);
        }
        entry.1 += 1;
    }
}

pub(crate) fn wait(until: Timestamp, now: Timestamp) -> SignedDuration {
    until.duration_since(now).max(SignedDuration::from_secs(1))
}

/// Until when survey codes typed from this client address are held off, if they are: a guesser
/// of codes gets `activation_failures_per_address` unknown or expired codes in a row, each less
/// than `activation_window` after the one before (the portal activations' limits).
pub(crate) async fn survey_blocked_until(
    app: &App,
    client: Option<IpAddr>,
    now: Timestamp,
) -> Result<Option<Timestamp>> {
    let mut tx = app.db.begin_read().await?;
    let key = key(&["survey", &address(client)]);
    Ok(attempts::locked_until(&mut tx, SURVEY_ADDRESS, &key, secs(now)).await?.and_then(at))
}

/// Counts an unknown or expired survey code typed from this client address (in the caller's
/// write transaction).
pub(crate) async fn record_survey_failure(
    tx: &mut Tx,
    settings: &Settings,
    client: Option<IpAddr>,
    now: Timestamp,
) -> Result<()> {
    let window = settings.activation_window;
    let (n, forget, lock) = (secs(now), secs(now) - window.as_secs(), secs_up(later(now, window)));
    let key = key(&["survey", &address(client)]);
    attempts::record(tx, SURVEY_ADDRESS, &key, n, forget, settings.activation_failures_per_address, lock).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_throttle_blocks_an_address_after_its_limit_and_forgets_after_the_window() {
        let settings = crate::Settings { failures_per_address: 3, ..Default::default() };
        let t = Throttle::default();
        let ip: IpAddr = "192.0.2.1".parse().expect("ip");
        let now = Timestamp::from_second(1_800_000_000).expect("ts");
        for _ in 0..3 {
            assert!(t.blocked_until(ip, now, &settings).is_none());
            t.record_failure(ip, now, &settings);
        }
        assert!(t.blocked_until(ip, now, &settings).is_some());
        assert!(t.blocked_until("192.0.2.2".parse().expect("ip"), now, &settings).is_none());
        let later = now.checked_add(settings.lock_duration).expect("ts");
        assert!(t.blocked_until(ip, later, &settings).is_none());
    }
}
