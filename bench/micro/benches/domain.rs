//! Micro-benchmarks of the hot paths of `buurtteam-domain`: the working-day calendar
//! (every deadline and countdown on every case read and worklist row), the intake deadline
//! and the access policy (asked on every request). Run with `cargo bench` in `bench/`.

use buurtteam_domain::calendar::{HolidayRules, LiberationDayRule, WorkingDayCalendar, public_holidays};
use buurtteam_domain::case::intake_due_on;
use buurtteam_domain::codes::Role;
use buurtteam_domain::ids::{TeamId, UserId};
use buurtteam_domain::policy::{self, Action, Actor, Relation};
use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use jiff::ToSpan;
use jiff::civil::{Date, date};

fn main() {
    divan::main();
}

/// The default rules (Good Friday not off, Liberation Day in lustrum years), no closure days.
fn plain() -> WorkingDayCalendar {
    WorkingDayCalendar::default()
}

/// Every optional holiday off plus a few closure days (bridge days and the Christmas week).
fn with_closures() -> WorkingDayCalendar {
    WorkingDayCalendar::new(
        HolidayRules { good_friday: true, liberation_day: LiberationDayRule::EveryYear },
        [date(2026, 5, 15), date(2026, 12, 24), date(2026, 12, 28), date(2026, 12, 29), date(2026, 12, 30)],
    )
}

/// Start days through 2026: every weekday, and the weeks before Easter, King's Day,
/// Ascension, Whitsun and Christmas, where a deadline crosses holidays.
fn start_days() -> Vec<Date> {
    let mut days: Vec<Date> =
        (0..52i64).map(|w| date(2026, 1, 5).checked_add((w * 7 + w % 5).days()).expect("in range")).collect();
    days.extend([date(2026, 4, 2), date(2026, 4, 24), date(2026, 5, 13), date(2026, 5, 22), date(2026, 12, 22)]);
    days
}

mod add_working_days {
    use super::*;

    fn run(bencher: Bencher, calendar: WorkingDayCalendar, n: u32) {
        let days = start_days();
        bencher.counter(ItemsCount::new(days.len())).bench(|| {
            for d in &days {
                black_box(black_box(&calendar).add_working_days(black_box(*d), black_box(n)));
            }
        });
    }

    /// n working days from each of the start days, default rules.
    #[divan::bench(args = [5, 20])]
    fn plain_calendar(bencher: Bencher, n: u32) {
        run(bencher, plain(), n);
    }

    /// The same with all optional holidays and five closure days.
    #[divan::bench(args = [5, 20])]
    fn with_closure_days(bencher: Bencher, n: u32) {
        run(bencher, with_closures(), n);
    }
}

mod working_days_between {
    use super::*;

    fn run(bencher: Bencher, calendar: WorkingDayCalendar, from: Date, to: Date) {
        bencher.bench(|| black_box(&calendar).working_days_between(black_box(from), black_box(to)));
    }

    /// November 2026 (30 days).
    #[divan::bench]
    fn month(bencher: Bencher) {
        run(bencher, plain(), date(2026, 11, 1), date(2026, 12, 1));
    }

    /// All of 2026 (365 days).
    #[divan::bench]
    fn year(bencher: Bencher) {
        run(bencher, plain(), date(2026, 1, 1), date(2027, 1, 1));
    }

    /// December 2026, with closure days.
    #[divan::bench]
    fn month_with_closure_days(bencher: Bencher) {
        run(bencher, with_closures(), date(2026, 12, 1), date(2027, 1, 1));
    }

    /// All of 2026, with closure days.
    #[divan::bench]
    fn year_with_closure_days(bencher: Bencher) {
        run(bencher, with_closures(), date(2026, 1, 1), date(2027, 1, 1));
    }
}

mod holidays {
    use super::*;

    /// The holidays of one year under the default rules.
    #[divan::bench(args = [2026, 2030])]
    fn default_rules(year: i16) -> usize {
        public_holidays(black_box(year), black_box(HolidayRules::default())).len()
    }

    /// With Good Friday and Liberation Day every year.
    #[divan::bench(args = [2026, 2030])]
    fn all_holidays(year: i16) -> usize {
        let rules = HolidayRules { good_friday: true, liberation_day: LiberationDayRule::EveryYear };
        public_holidays(black_box(year), black_box(rules)).len()
    }
}

mod intake_deadline {
    use super::*;

    /// `case::intake_due_on` for each of the start days.
    #[divan::bench]
    fn plain_calendar(bencher: Bencher) {
        let (calendar, days) = (plain(), start_days());
        bencher.counter(ItemsCount::new(days.len())).bench(|| {
            for d in &days {
                black_box(intake_due_on(black_box(&calendar), black_box(*d)));
            }
        });
    }

    /// The same with all optional holidays and five closure days.
    #[divan::bench]
    fn with_closure_days(bencher: Bencher) {
        let (calendar, days) = (with_closures(), start_days());
        bencher.counter(ItemsCount::new(days.len())).bench(|| {
            for d in &days {
                black_box(intake_due_on(black_box(&calendar), black_box(*d)));
            }
        });
    }
}

mod access_policy {
    use super::*;

    /// `policy::decide` for every role × relation × action (4 × 3 × 12 = 144 decisions).
    #[divan::bench]
    fn decide_whole_matrix(bencher: Bencher) {
        let n = Role::ALL.len() * Relation::ALL.len() * Action::ALL.len();
        bencher.counter(ItemsCount::new(n)).bench(|| {
            for role in black_box(Role::ALL) {
                for relation in black_box(Relation::ALL) {
                    for action in black_box(Action::ALL) {
                        black_box(policy::decide(*role, *relation, *action));
                    }
                }
            }
        });
    }

    /// `policy::case_scope` for a family worker in three teams and for an analyst.
    #[divan::bench]
    fn case_scope(bencher: Bencher) {
        let worker =
            Actor { user_id: UserId(1), role: Role::FamilyWorker, team_ids: vec![TeamId(3), TeamId(7), TeamId(12)] };
        let analyst = Actor { role: Role::Analyst, ..worker.clone() };
        bencher.counter(ItemsCount::new(2usize)).bench(|| {
            black_box(policy::case_scope(black_box(&worker)).map(<[TeamId]>::len));
            black_box(policy::case_scope(black_box(&analyst)).map(<[TeamId]>::len));
        });
    }
}
