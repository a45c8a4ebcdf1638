//! "Now" for the whole application: one clock that tests can move forward or stop.
//!
//! It reads the system clock and adds an offset that starts at zero. Production never changes
//! it; a test moves it (`app.clock.advance(..)`) to see what happens a day later (sessions
//! ending, idempotency keys expiring, jobs falling due), or stops it at a moment of its choosing
//! (`app.clock.set(..)`) where exact times matter. Clones share the state, so moving the clock of
//! the test's `App` moves the clock of the server it started.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, RwLock};

use jiff::{SignedDuration, Timestamp};

#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// Added to the system clock, in milliseconds.
    offset_ms: Arc<AtomicI64>,
    /// Set: the clock stands still at this moment.
    stopped_at: Arc<RwLock<Option<Timestamp>>>,
}

impl Clock {
    pub fn now(&self) -> Timestamp {
        if let Some(at) = self.stopped_at.read().ok().and_then(|t| *t) {
            return at;
        }
        let now = Timestamp::now();
        let offset = SignedDuration::from_millis(self.offset_ms.load(Ordering::Relaxed));
        now.checked_add(offset).unwrap_or(now)
    }

    /// Moves the clock forward (or back, with a negative duration) for every clone; a stopped
    /// clock stays stopped at the later moment.
    pub fn advance(&self, by: SignedDuration) {
        if let Ok(mut stopped) = self.stopped_at.write()
            && let Some(at) = *stopped
        {
            *stopped = Some(at.checked_add(by).unwrap_or(at));
            return;
        }
        let ms = i64::try_from(by.as_millis()).unwrap_or(i64::MAX);
        self.offset_ms.fetch_add(ms, Ordering::Relaxed);
    }

    /// Stops the clock at `at` for every clone.
    pub fn set(&self, at: Timestamp) {
        if let Ok(mut stopped) = self.stopped_at.write() {
            *stopped = Some(at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_the_moved_clock() {
        let clock = Clock::default();
        let shared = clock.clone();
        let before = shared.now();
        clock.advance(SignedDuration::from_hours(25));
        let moved = shared.now().duration_since(before);
        assert!(moved >= SignedDuration::from_hours(25), "{moved:?}");
        assert!(moved < SignedDuration::from_hours(26), "{moved:?}");
    }
}
