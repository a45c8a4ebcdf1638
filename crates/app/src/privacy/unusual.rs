//! Reports of unusual access for the privacy officer (decision 0023), computed from the access
//! log over a chosen period, each row marked justified or not with a note:
//!
//! - `many_files`: a staff member read more than [`BURST_CASES`] distinct case files within
//!   [`BURST_MINUTES`] minutes;
//! - `family_name`: a staff member read a file of a household with a member who shares their
//!   family name;
//! - `colleague`: a staff member read a file of a household with a member who shares the family
//!   name of a colleague (someone of one of the reader's teams): a colleague's household, as
//!   far as the records can tell (staff records hold no address or birth date).
//!
//! The officer sees staff names, case numbers, times and the matched family name, never the
//! content of a file.

use std::collections::BTreeMap;

use buurtteam_domain::audit::AuditAction;
use buurtteam_domain::emergency::{self as rules, BURST_CASES, BURST_MINUTES, Read};
use buurtteam_domain::ids::{CaseId, HouseholdId, UserId};
use buurtteam_domain::validation::Errors;
use buurtteam_store::audit;
use buurtteam_store::emergency::{self as store, Review};
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use serde::Deserialize;

use super::emergency::{ReviewInput, review_fields};
use crate::{App, AppError, Result, audit_entry, input};

/// The kinds of report row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    ManyFiles,
    FamilyName,
    Colleague,
}

impl Kind {
    pub const ALL: &'static [Self] = &[Self::ManyFiles, Self::FamilyName, Self::Colleague];

    pub fn code(self) -> &'static str {
        match self {
            Self::ManyFiles => "many_files",
            Self::FamilyName => "family_name",
            Self::Colleague => "colleague",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.code() == code)
    }
}

/// The period asked for: dates `YYYY-MM-DD`, both optional (the last 7 days up to today).
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PeriodQuery {
    /// The first day (default: six days before `to`).
    pub from: Option<String>,
    /// The last day, included (default: today).
    pub to: Option<String>,
}

/// The longest period one report covers.
pub const MAX_DAYS: i64 = 92;
/// The most file reads one report looks at.
pub const MAX_READS: i64 = 200_000;

/// One row of a report.
#[derive(Debug, Clone)]
pub struct Row {
    pub kind: Kind,
    pub user: UserId,
    pub user_name: String,
    /// What the review names the row by: the case id, or the window's start for `many_files`.
    pub subject: String,
    pub from: Timestamp,
    pub to: Timestamp,
    /// The case files concerned (numbers only).
    pub cases: Vec<CaseId>,
    /// `family_name`, `colleague`: the family name that matched, as recorded for the member.
    pub matched_name: Option<String>,
    /// `colleague`: the colleague whose family name it is.
    pub colleague_name: Option<String>,
    pub review: Option<Review>,
}

/// A report over a period.
#[derive(Debug, Clone)]
pub struct Report {
    pub from: Date,
    pub to: Date,
    pub burst_cases: usize,
    pub burst_minutes: i64,
    /// Rows not yet reviewed first, then by time.
    pub rows: Vec<Row>,
}

/// Reads the period of a report (every error at once).
fn period(app: &App, q: &PeriodQuery) -> Result<(Date, Date)> {
    let mut errors = Errors::default();
    let from = input::optional_date(&mut errors, "from", q.from.as_deref());
    let to = input::optional_date(&mut errors, "to", q.to.as_deref());
    errors.finish()?;
    let to = to.unwrap_or_else(|| app.today());
    let from = from.unwrap_or_else(|| to.checked_sub(jiff::Span::new().days(6)).unwrap_or(to));
    let mut errors = Errors::default();
    if to < from {
        errors.add("to", format!("lies before from ({from})")).code("before_from").arg("date", from);
    } else if from.until(to).map(|s| s.get_days()).unwrap_or(i32::MAX) as i64 >= MAX_DAYS {
        errors.add("to", format!("a report covers at most {MAX_DAYS} days")).code("too_long").arg("max", MAX_DAYS);
    }
    errors.finish()?;
    Ok((from, to))
}

/// The report of unusual access over the period (privacy officers only).
pub async fn report(app: &App, actor: &buurtteam_domain::policy::Actor, q: &PeriodQuery) -> Result<Report> {
    super::open_privacy(app, actor).await?;
    let (from, to) = period(app, q)?;
    let tz = app.settings.time_zone.clone();
    let start = |d: Date| d.to_zoned(tz.clone()).map(|z| z.timestamp()).map_err(|e| AppError::Internal(e.to_string()));
    let (t0, t1) = (start(from)?, start(to.tomorrow().unwrap_or(to))?);
    let mut tx = app.db.begin_read().await?;
    let reads = store::case_reads(&mut tx, t0, t1, MAX_READS).await?;
    let staff = store::staff(&mut tx).await?;
    let mut households: Vec<HouseholdId> = reads.iter().map(|r| r.household).collect();
    households.sort();
    households.dedup();
    let names = store::family_names(&mut tx, &households).await?;
    let reviews = store::report_reviews(&mut tx).await?;
    drop(tx);

    let name_of: BTreeMap<UserId, &str> = staff.iter().map(|(id, n, _)| (*id, n.as_str())).collect();
    let mut members: BTreeMap<HouseholdId, Vec<&str>> = BTreeMap::new();
    for (h, n) in &names {
        members.entry(*h).or_default().push(n.as_str());
    }
    let mut rows = Vec::new();

    // Many files in a short time.
    let plain: Vec<Read> = reads.iter().map(|r| Read { user: r.user, case: r.case, at: r.at }).collect();
    for b in rules::bursts(&plain, BURST_CASES, SignedDuration::from_mins(BURST_MINUTES)) {
        rows.push(Row {
            kind: Kind::ManyFiles,
            user: b.user,
            user_name: name_of.get(&b.user).copied().unwrap_or_default().to_owned(),
            subject: b.from.to_string(),
            from: b.from,
            to: b.to,
            cases: b.cases,
            matched_name: None,
            colleague_name: None,
            review: None,
        });
    }

    // Family names: one row per (kind, reader, case), over its first and last read.
    let mut by_case: BTreeMap<(Kind, UserId, CaseId), Row> = BTreeMap::new();
    for r in &reads {
        let Some(reader) = name_of.get(&r.user) else { continue };
        let Some(family) = members.get(&r.household) else { continue };
        let mut hit = |kind: Kind, matched: &str, colleague: Option<&str>| {
            let row = by_case.entry((kind, r.user, r.case)).or_insert_with(|| Row {
                kind,
                user: r.user,
                user_name: (*reader).to_owned(),
                subject: r.case.0.to_string(),
                from: r.at,
                to: r.at,
                cases: vec![r.case],
                matched_name: Some(matched.to_owned()),
                colleague_name: colleague.map(str::to_owned),
                review: None,
            });
            row.to = r.at;
        };
        for member in family {
            if rules::same_family_name(reader, member) {
                hit(Kind::FamilyName, member, None);
            }
        }
        let teams = staff.iter().find(|(id, _, _)| *id == r.user).map(|(_, _, t)| t.as_slice()).unwrap_or_default();
        for (colleague, name, their_teams) in &staff {
            if *colleague == r.user || !their_teams.iter().any(|t| teams.contains(t)) {
                continue;
            }
            if let Some(member) = family.iter().find(|m| rules::same_family_name(name, m)) {
                hit(Kind::Colleague, member, Some(name));
            }
        }
    }
    rows.extend(by_case.into_values());

    for row in &mut rows {
        row.review = reviews
            .iter()
            .find(|v| v.kind == row.kind.code() && v.user == row.user && v.subject == row.subject)
            .map(|v| v.review.clone());
    }
    rows.sort_by_key(|r| (r.review.is_some(), r.from, r.kind, r.user));
    Ok(Report { from, to, burst_cases: BURST_CASES, burst_minutes: BURST_MINUTES, rows })
}

/// A review of one report row.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RowReviewInput {
    /// `many_files`, `family_name` or `colleague`. Required.
    pub kind: Option<String>,
    /// The staff member of the row. Required.
    pub user_id: Option<i64>,
    /// The row's subject as the report gives it. Required.
    pub subject: Option<String>,
    /// Whether the access was justified. Required.
    pub justified: Option<bool>,
    /// Why (up to 1000 characters). Required.
    pub note: Option<String>,
}

/// Records the privacy officer's review of a report row (audited, `unusual_access.reviewed`).
pub async fn review(app: &App, actor: &buurtteam_domain::policy::Actor, input: &RowReviewInput) -> Result<()> {
    super::open_privacy(app, actor).await?;
    let mut errors = Errors::default();
    let kind = input::code(&mut errors, "kind", input.kind.as_deref(), Kind::parse, || {
        Kind::ALL.iter().map(|k| k.code()).collect::<Vec<_>>().join(", ")
    });
    let user = input::id(&mut errors, "user_id", input.user_id);
    let subject = input::text(&mut errors, "subject", input.subject.as_deref(), 100);
    let fields = review_fields(&ReviewInput { justified: input.justified, note: input.note.clone() });
    let (justified, note) = match fields {
        Ok(f) => f,
        Err(AppError::Validation(more)) => {
            errors.0.extend(more);
            (false, String::new())
        }
        Err(other) => return Err(other),
    };
    errors.finish()?;
    let (kind, user, subject) =
        (kind.unwrap_or(Kind::ManyFiles), UserId(user.unwrap_or(0)), subject.unwrap_or_default());
    let owned_actor = actor.clone();
    let now = app.now();
    app.db
        .write(move |tx| {
            Box::pin(async move {
                let actor = &owned_actor;
                if store::user_name(tx, user).await?.is_none() {
                    return Err(AppError::NotFound("user"));
                }
                store::review_report(tx, (kind.code(), user, &subject), actor.user_id, justified, &note, now).await?;
                let mut entry = audit_entry(Some(actor), now, AuditAction::UnusualAccessReviewed, "unusual_access");
                entry.object_id = Some(user.0);
                entry.detail = serde_json::json!({
                    "kind": kind.code(), "user_id": user.0, "subject": subject, "justified": justified, "note": note,
                });
                audit::append(tx, &entry).await?;
                Ok(())
            })
        })
        .await
}
