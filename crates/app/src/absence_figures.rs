//! Absence figures per team on the absence page (issue 20, decision 0036): for HR, who steers on
//! the organisation's 7% target but does not see the steering dashboards, and for the team
//! manager beside their team's people. The same formulas as the KPIs (`domain::absence`): this
//! month up to today, last month, and the last twelve months with the frequency and the long
//! spells. No suppression: these readers see the people themselves on the same page.

use buurtteam_domain::absence::{MonthFigures, StaffMember, period_figures};
use buurtteam_domain::calendar::WorkingDayCalendar;
use buurtteam_domain::ids::UserId;
use buurtteam_store::{StoreError, Tx, organisation};
use jiff::ToSpan;
use jiff::civil::Date;

use crate::App;

/// The figures of one group of people.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    /// From the first of this month up to today.
    pub this_month: MonthFigures,
    pub last_month: MonthFigures,
    /// The twelve months up to today.
    pub last_year: MonthFigures,
}

/// The ranges measured on `today`: this month so far, last month, the last twelve months.
fn ranges(today: Date) -> [(Date, Date); 3] {
    let first = today.first_of_month();
    let last_month_end = first.yesterday().unwrap_or(first);
    let year_from = today.checked_sub(1.year()).unwrap_or(today).tomorrow().unwrap_or(today);
    [(first, today), (last_month_end.first_of_month(), last_month_end), (year_from, today)]
}

/// The figures of each group in `groups` (the people by id), measured on `today` with the
/// organisation's calendar; read in the caller's transaction.
pub(crate) async fn of_groups(
    app: &App,
    tx: &mut Tx,
    groups: &[Vec<UserId>],
    today: Date,
) -> Result<Vec<Figures>, StoreError> {
    let [this, last, year] = ranges(today);
    let counted = buurtteam_store::absence::counted(tx, buurtteam_store::kpi::Scope::City, year.0).await?;
    let closure_days = organisation::list_closure_days(tx).await?;
    let calendar = WorkingDayCalendar::new(app.settings.holiday_rules, closure_days.into_iter().map(|(d, _)| d));
    Ok(groups
        .iter()
        .map(|ids| {
            let staff: Vec<StaffMember> = counted
                .iter()
                .filter(|c| ids.contains(&c.user_id))
                .map(|c| StaffMember { contract_hours: c.contract_hours, spells: c.spells.clone() })
                .collect();
            let measure = |(from, to): (Date, Date)| period_figures(&calendar, from, to, &staff, today);
            Figures { this_month: measure(this), last_month: measure(last), last_year: measure(year) }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_ranges_are_this_month_so_far_last_month_and_twelve_months() {
        assert_eq!(
            ranges(date(2026, 3, 10)),
            [
                (date(2026, 3, 1), date(2026, 3, 10)),
                (date(2026, 2, 1), date(2026, 2, 28)),
                (date(2025, 3, 11), date(2026, 3, 10)),
            ]
        );
        // January: last month is December of the year before; a leap day's year back.
        assert_eq!(ranges(date(2024, 1, 1))[1], (date(2023, 12, 1), date(2023, 12, 31)));
        assert_eq!(ranges(date(2024, 2, 29))[2], (date(2023, 3, 1), date(2024, 2, 29)));
    }
}
