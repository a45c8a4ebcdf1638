//! `buurtteam-load`: an HTTP load test of the buurtteam API, built on goose.
//!
//! `buurtteam-load run --scenario NAME ...` runs one scenario against a running server and
//! writes a per-request summary (Markdown and JSON). `buurtteam-load summarise --dir DIR`
//! turns the JSON files of several runs into one results page (throughput against the
//! `/healthz` ceiling, latencies, the targets). `bench/run-load` drives both; see
//! `bench/README.md`.

mod report;
mod scenarios;
mod summarise;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::scenarios::ScenarioKind;

/// Load test of the buurtteam API (plain http, meant for 127.0.0.1).
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run one scenario and print its per-request summary.
    Run(RunArgs),
    /// Combine the JSON summaries of several runs into one Markdown results page.
    Summarise(summarise::SummariseArgs),
}

#[derive(clap::Args)]
pub struct RunArgs {
    /// Base URL of the server.
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    pub host: String,
    /// worklist, open_case, register_contact, register_referral, healthz or mixed.
    #[arg(long)]
    pub scenario: ScenarioKind,
    /// Concurrent goose users. Each logs in as a family worker: with u users and n logins, user i
    /// takes login i*n/u when u < n (spread over the list), else login i mod n (round-robin).
    #[arg(long, short = 'c', default_value_t = 8)]
    pub concurrency: usize,
    /// Seconds measured, from the moment every user has logged in and finished its set-up.
    #[arg(long, default_value_t = 20)]
    pub run_time: u64,
    /// Seconds over which the users are started (and log in); not measured.
    #[arg(long, default_value_t = 5)]
    pub ramp_up: u64,
    /// File of family-worker logins: one e-mail address per line; blank lines and lines
    /// starting with `#` are skipped, anything after the first whitespace is ignored.
    #[arg(long, value_name = "FILE")]
    pub logins: Option<PathBuf>,
    /// A family-worker e-mail address; repeat for more. Added to those of --logins.
    #[arg(long = "login", value_name = "EMAIL")]
    pub login: Vec<String>,
    /// The password of every login.
    #[arg(long, env = "BUURTTEAM_LOAD_PASSWORD", default_value = "demo-wachtwoord", hide_env_values = true)]
    pub password: String,
    /// Write the run's summary as JSON to this file (input of `summarise`).
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Write the run's summary as a Markdown table to this file.
    #[arg(long, value_name = "FILE")]
    pub markdown: Option<PathBuf>,
    /// Free text stored in the JSON summary (e.g. the database used).
    #[arg(long, default_value = "")]
    pub label: String,
    /// Think time: each user waits between half and one and a half times this many
    /// milliseconds between requests (0: closed loop, the next request as soon as the last is
    /// answered). Models people reading a page before the next click.
    #[arg(long, default_value_t = 0)]
    pub think_ms: u64,
    /// Further goose options, after `--` (e.g. `-- --no-print-metrics -q`).
    #[arg(last = true)]
    pub goose_args: Vec<String>,
}

/// Seconds the users may take, after the ramp-up, to finish their set-up (log-ins included)
/// before the run is given up.
pub const SETUP_LIMIT_S: u64 = 120;

fn read_logins(args: &RunArgs) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    if let Some(path) = &args.logins {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(email) = line.split_whitespace().next() {
                out.push(email.to_owned());
            }
        }
        if out.is_empty() {
            return Err(format!("{} holds no logins", path.display()));
        }
    }
    out.extend(args.login.iter().cloned());
    if out.is_empty() {
        return Err("give the family workers to log in as: --logins FILE and/or --login EMAIL".into());
    }
    Ok(out)
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Run(args) => run(args).await,
        Command::Summarise(args) => summarise::summarise(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("buurtteam-load: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: RunArgs) -> Result<(), String> {
    if args.concurrency == 0 {
        return Err("--concurrency must be at least 1".into());
    }
    let logins = if args.scenario == ScenarioKind::Healthz { Vec::new() } else { read_logins(&args)? };
    scenarios::configure(scenarios::Shared {
        logins: logins.clone(),
        password: args.password.clone(),
        users: args.concurrency,
        run_time: std::time::Duration::from_secs(args.run_time),
        think: std::time::Duration::from_millis(args.think_ms),
    });

    // The run ends when the measured window has closed (see scenarios::Window); goose's own
    // run time is only the upper bound, for set-ups that never finish.
    let limit = args.run_time + SETUP_LIMIT_S;
    let mut goose_args: Vec<String> = vec![
        "--host".into(),
        args.host.trim_end_matches('/').into(),
        "--users".into(),
        args.concurrency.to_string(),
        "--run-time".into(),
        limit.to_string(),
        // No controllers: nothing listens but the server under test.
        "--no-telnet".into(),
    ];
    if args.concurrency >= 2 && args.ramp_up > 0 {
        goose_args.extend(["--increase-time".into(), args.ramp_up.to_string()]);
    } else {
        goose_args.extend(["--increase-rate".into(), args.concurrency.max(1).to_string()]);
    }
    goose_args.extend(args.goose_args.iter().cloned());
    let config = goose::config::GooseConfiguration::parse_args_default(&goose_args)
        .map_err(|e| format!("goose options {goose_args:?}: {e}"))?;

    eprintln!(
        "buurtteam-load: scenario {} with {} users against {} for {} s after a {} s ramp-up ({} logins)",
        args.scenario.name(),
        args.concurrency,
        args.host,
        args.run_time,
        args.ramp_up,
        logins.len()
    );
    let attack = goose::GooseAttack::initialize_with_config(config).map_err(|e| e.to_string())?;
    let mut scenario = scenarios::scenario(args.scenario);
    if args.think_ms > 0 {
        let (min, max) = (args.think_ms / 2, args.think_ms * 3 / 2);
        scenario = scenario
            .set_wait_time(std::time::Duration::from_millis(min), std::time::Duration::from_millis(max))
            .map_err(|e| format!("think time: {e}"))?;
    }
    let attack = attack.register_scenario(scenario);
    let metrics = match attack.execute().await {
        Ok(m) => m,
        Err(goose::GooseError::ThresholdsFailed { metrics, .. }) => *metrics.0,
        Err(e) => return Err(format!("the load test failed: {e}")),
    };

    let summary = report::RunSummary::from_metrics(&args, logins.len(), &metrics);
    let markdown = summary.markdown();
    println!("{markdown}");
    if let Some(reason) = &summary.aborted {
        eprintln!("buurtteam-load: the run was stopped early: {reason}");
    }
    if let Some(path) = &args.markdown {
        std::fs::write(path, &markdown).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    if let Some(path) = &args.json {
        let json = serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())?;
        std::fs::write(path, json + "\n").map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    if summary.aborted.is_some() {
        return Err("the run did not complete; see the messages above".into());
    }
    Ok(())
}
