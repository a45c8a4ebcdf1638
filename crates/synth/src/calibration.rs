//! The calibration report: what was generated, read back from the database, next to each
//! target from the seed documents, with the tolerance that counts as a match.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;

use buurtteam_store::Db;
use buurtteam_store::bulk::{self, CaseFacts};
use buurtteam_store::organisation;

use crate::profile::Profile;

#[derive(Debug, Clone)]
pub struct Row {
    pub measure: String,
    pub target: String,
    pub generated: String,
    pub ok: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub rows: Vec<Row>,
    pub cases: usize,
}

impl Report {
    pub fn all_ok(&self) -> bool {
        self.rows.iter().all(|r| r.ok)
    }

    pub fn markdown(&self) -> String {
        let mut s = String::from("| measure | target (seeds) | generated | within tolerance |\n|---|---|---|---|\n");
        for r in &self.rows {
            let _ =
                writeln!(s, "| {} | {} | {} | {} |", r.measure, r.target, r.generated, if r.ok { "yes" } else { "NO" });
        }
        s
    }

    fn pct(&mut self, measure: &str, target: f64, tolerance: f64, num: usize, den: usize) {
        let value = if den == 0 { f64::NAN } else { 100.0 * num as f64 / den as f64 };
        self.rows.push(Row {
            measure: measure.to_owned(),
            target: format!("{target:.0}% ± {tolerance}"),
            generated: format!("{value:.1}% ({num} of {den})"),
            ok: (value - target).abs() <= tolerance,
        });
    }
}

fn days(a: jiff::civil::Date, b: jiff::civil::Date) -> i64 {
    (b - a).get_days().into()
}

/// Compares the cases in `db` with the seeds' figures.
pub async fn report(db: &Db, profile: &Profile) -> Result<Report, buurtteam_store::StoreError> {
    let mut tx = db.begin_read().await?;
    let facts: Vec<CaseFacts> = bulk::case_facts(&mut tx).await?;
    let domains = bulk::life_domains(&mut tx).await?;
    let districts = organisation::list_districts(&mut tx).await?;
    let teams = organisation::list_teams(&mut tx).await?;
    drop(tx);
    let mut r = Report { cases: facts.len(), ..Report::default() };

    // Intake timeliness: of the intakes held, how many by the 5th working day.
    let held: Vec<&CaseFacts> = facts.iter().filter(|c| c.intake_held_on.is_some()).collect();
    let on_time =
        held.iter().filter(|c| c.intake_held_on.map(|h| h.to_jiff()) <= Some(c.intake_due_on.to_jiff())).count();
    r.pct("intakes within 5 working days", 58.0, 3.0, on_time, held.len());
    let delays: Vec<i64> =
        held.iter().filter_map(|c| c.intake_held_on.map(|h| days(c.referred_on.to_jiff(), h.to_jiff()))).collect();
    let mean = delays.iter().sum::<i64>() as f64 / delays.len().max(1) as f64;
    r.rows.push(Row {
        measure: "mean days from referral to intake (calendar days)".into(),
        target: "just over 7 (7.0–8.0)".into(),
        generated: format!("{mean:.2}"),
        ok: (7.0..=8.0).contains(&mean),
    });

    // Start of support after the intake.
    let started: Vec<i64> = facts
        .iter()
        .filter_map(|c| c.started_on.zip(c.intake_held_on).map(|(s, h)| days(h.to_jiff(), s.to_jiff())))
        .collect();
    r.pct(
        "support started within 2 weeks of the intake",
        86.0,
        3.0,
        started.iter().filter(|d| **d <= 14).count(),
        started.len(),
    );
    r.pct(
        "support started within 4 weeks of the intake",
        91.0,
        3.0,
        started.iter().filter(|d| **d <= 28).count(),
        started.len(),
    );

    // Closure reasons.
    let closed: Vec<&str> = facts.iter().filter_map(|c| c.closure_reason.as_deref()).collect();
    for (reason, target, tol) in
        [("result_achieved", 80.0, 3.0), ("external_circumstances", 4.0, 1.5), ("other", 16.0, 3.0)]
    {
        let n = closed.iter().filter(|r| **r == reason).count();
        r.pct(&format!("closures: {reason}"), target, tol, n, closed.len());
    }

    // Reach: households that received support per 1,000 inhabitants, per district.
    let mut households: HashMap<i64, HashSet<i64>> = HashMap::new();
    for c in facts.iter().filter(|c| c.started_on.is_some()) {
        households.entry(c.district_id).or_default().insert(c.household_id);
    }
    let mut reach: Vec<(String, f64)> = districts
        .iter()
        .filter_map(|d| {
            let spec = profile.districts.iter().find(|s| s.name == d.name)?;
            let n = households.get(&d.id.0).map_or(0, HashSet::len);
            Some((d.name.clone(), 1000.0 * n as f64 / f64::from(spec.population)))
        })
        .collect();
    reach.sort_by(|a, b| b.1.total_cmp(&a.1));
    let top: Vec<&str> = reach.iter().take(3).map(|(n, _)| n.as_str()).collect();
    let expected = ["Overvecht", "Zuidwest", "Noordwest"];
    r.rows.push(Row {
        measure: "districts with the highest reach (households supported per 1,000 inhabitants)".into(),
        target: expected.join(", "),
        generated: reach.iter().take(3).map(|(n, v)| format!("{n} {v:.1}")).collect::<Vec<_>>().join(", "),
        ok: expected.iter().all(|e| top.contains(e)),
    });

    // The most frequent life domain in the school teams and in three districts.
    let by_case: HashMap<i64, &CaseFacts> = facts.iter().map(|c| (c.id, c)).collect();
    let school: HashSet<i64> = teams.iter().filter(|t| t.district_id.is_none()).map(|t| t.id.0).collect();
    let district_id = |name: &str| districts.iter().find(|d| d.name == name).map(|d| d.id.0);
    // (label, district): `None` stands for the city-wide school teams.
    let mut groups: Vec<(String, Option<i64>)> = vec![("school teams".into(), None)];
    for name in ["Noordoost", "Oost", "Vleuten-De Meern"] {
        if let Some(id) = district_id(name) {
            groups.push((format!("neighbourhood teams in {name}"), Some(id)));
        }
    }
    let member = |c: &CaseFacts, district: Option<i64>| match district {
        None => school.contains(&c.team_id),
        Some(id) => c.district_id == id && !school.contains(&c.team_id),
    };
    for (label, district) in &groups {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for (case_id, domain) in &domains {
            if by_case.get(case_id).is_some_and(|c| member(c, *district)) {
                *counts.entry(domain.as_str()).or_default() += 1;
            }
        }
        let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
        ranked.sort_by_key(|x| std::cmp::Reverse(x.1));
        let total: usize = ranked.iter().map(|x| x.1).sum();
        let top = ranked.first().map_or("none", |x| x.0);
        r.rows.push(Row {
            measure: format!("most frequent life domain, {label}"),
            target: "mental_health".into(),
            generated: ranked
                .iter()
                .take(2)
                .map(|(d, n)| format!("{d} {:.0}%", 100.0 * *n as f64 / total.max(1) as f64))
                .collect::<Vec<_>>()
                .join(", "),
            ok: top == "mental_health",
        });
    }
    crate::survey::calibrate(db, &mut r).await?;
    crate::outreach::calibrate(db, &mut r).await?;
    crate::partners::calibrate(db, &mut r).await?;
    crate::onward_referrals::calibrate(db, &mut r).await?;
    Ok(r)
}
