//! "Now" for the whole application: one clock that tests can move forward.
//!
//! It reads the system clock and adds an offset that starts at zero. Production never changes
//! the offset; a test moves it (`app.clock.advance(..)`) to see what happens a day later:
//! sessions ending, idempotency keys expiring. Clones share the offset, so moving the clock of
//! the test's `App` moves the clock of the server it started.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use jiff::{SignedDuration, Timestamp};

#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// Added to the system clock, in milliseconds.
    offset_ms: Arc<AtomicI64>,
}

impl Clock {
    pub fn now(&self) -> Timestamp {
        let now = Timestamp::now();
        let offset = SignedDuration::from_millis(self.offset_ms.load(Ordering::Relaxed));
        now.checked_add(offset).unwrap_or(now)
    }

    /// Moves the clock forward (or back, with a negative duration) for every clone.
    pub fn advance(&self, by: SignedDuration) {
        let ms = i64::try_from(by.as_millis()).unwrap_or(i64::MAX);
        self.offset_ms.fetch_add(ms, Ordering::Relaxed);
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
