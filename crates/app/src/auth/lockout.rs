//! Limits on failed attempts: per client address in memory.

use jiff::{SignedDuration, Timestamp};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

/// per node; the account lock, which matters most, is in the database.
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

pub(super) fn wait(until: Timestamp, now: Timestamp) -> SignedDuration {
    until.duration_since(now).max(SignedDuration::from_secs(1))
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
