//! `buurtteam generate`, `buurtteam calibration` and the data behind `buurtteam demo`.

use std::io::Write;

use anyhow::{Context, anyhow};
use buurtteam_app::App;
use buurtteam_domain::codes::Role;
use buurtteam_synth::{Options, Summary, profile};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

/// The password of every generated user.
pub const PASSWORD: &str = "demo-wachtwoord";

#[derive(Args, Clone)]
pub struct GenerateArgs {
    /// `city` (Utrecht: ten districts, ~15,000 referrals a year) or `region` (~200,000 a year).
    #[arg(long, default_value = "city")]
    pub profile: String,
    /// Years of referrals, ending today.
    #[arg(long, default_value_t = 1)]
    pub years: u32,
    /// Same seed, same data.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Also write the family workers' e-mail addresses here, one per line (for load tests).
    #[arg(long)]
    pub users_file: Option<std::path::PathBuf>,
}

pub async fn run(app: &App, args: &GenerateArgs) -> anyhow::Result<Summary> {
    let profile = profile::by_name(&args.profile)
        .ok_or_else(|| anyhow!("unknown profile {:?}; use city or region", args.profile))?;
    if args.years == 0 || args.years > 50 {
        return Err(anyhow!("--years is 1 to 50"));
    }
    let hash = buurtteam_app::auth::hash_password_async(PASSWORD.to_owned()).await.map_err(|e| anyhow!("{e}"))?;
    let opts =
        Options { years: args.years, seed: args.seed, today: app.today(), password_hash: hash, batch_cases: 2000 };
    let bar = ProgressBar::new(0).with_style(
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} cases ({per_sec}, {eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message(format!("Generating {} ({} year(s), seed {})", profile.city, args.years, args.seed));
    let summary = buurtteam_synth::generate(&app.db, &profile, &opts, |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })
    .await
    .context("generating failed")?;
    bar.finish_and_clear();
    println!(
        "Generated {} districts, {} teams, {} users, {} households, {} persons, {} cases and {} contact moments, \
         {} groups with {} participants: {} rows in {:.1} s ({:.0} rows/s).",
        summary.districts,
        summary.teams,
        summary.users,
        summary.households,
        summary.persons,
        summary.cases,
        summary.contacts,
        summary.groups.groups,
        summary.groups.participants,
        summary.rows,
        summary.seconds,
        summary.rows_per_second()
    );
    if let Some(path) = &args.users_file {
        let mut f = std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
        for (_, email) in summary.logins.iter().filter(|(r, _)| *r == Role::FamilyWorker) {
            writeln!(f, "{email}")?;
        }
        println!("Family workers' log-ins written to {}.", path.display());
    }
    Ok(summary)
}

/// One log-in per role for the demo banner: the first of each.
pub fn demo_logins(summary: &Summary) -> Vec<(String, String)> {
    [Role::FamilyWorker, Role::TeamManager, Role::Analyst, Role::Admin, Role::PrivacyOfficer, Role::Hr, Role::Partner]
        .iter()
        .filter_map(|role| {
            summary.logins.iter().find(|(r, _)| r == role).map(|(r, e)| (r.code().to_owned(), e.clone()))
        })
        .collect()
}

pub async fn print_calibration(app: &App, profile_name: &str) -> anyhow::Result<()> {
    let profile = profile::by_name(profile_name)
        .ok_or_else(|| anyhow!("unknown profile {profile_name:?}; use city or region"))?;
    let report = buurtteam_synth::calibration::report(&app.db, &profile).await?;
    println!("Calibration against the seed documents ({} cases):\n\n{}", report.cases, report.markdown());
    Ok(())
}
