//! `buurtteam jobs`: the scheduled jobs and how they fared; and the worker `serve` runs.

use std::time::Duration;

use anyhow::bail;
use buurtteam_app::App;
use buurtteam_app::jobs::{Registry, Worker};
use buurtteam_store::jobs::JobStatus;
use clap::Args;

/// How often a server's worker looks for due jobs. The recurring jobs run hourly or daily, so
/// half a minute late is on time.
pub const POLL: Duration = Duration::from_secs(30);

#[derive(Args, Clone)]
pub struct JobsArgs {
    /// Only jobs with this status: queued, running, done or failed.
    #[arg(long)]
    status: Option<String>,
    /// At most this many, newest first.
    #[arg(long, default_value_t = 50)]
    limit: i64,
    /// Run the jobs that are due now (as a server's worker would), then list.
    #[arg(long)]
    run_due: bool,
}

/// The worker of a server, with the product's jobs.
pub fn worker(app: &App) -> Worker {
    Worker::new(app.clone(), Registry::builtin())
}

pub async fn run(app: &App, args: &JobsArgs) -> anyhow::Result<()> {
    let status = match args.status.as_deref() {
        None => None,
        Some("queued") => Some(JobStatus::Queued),
        Some("running") => Some(JobStatus::Running),
        Some("done") => Some(JobStatus::Done),
        Some("failed") => Some(JobStatus::Failed),
        Some(other) => bail!("--status {other:?} is not one of queued, running, done, failed"),
    };
    if args.run_due {
        let ran = worker(app).run_due().await.map_err(|e| anyhow::anyhow!("{e}"))?;
        println!("Ran {ran} due jobs.");
    }
    let jobs = buurtteam_app::jobs::list(app, status, args.limit.max(1)).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    if jobs.is_empty() {
        println!("No jobs.");
        return Ok(());
    }
    println!("{:>6}  {:<22} {:<8} {:>8}  {:<20}  outcome", "id", "kind", "status", "attempts", "due / finished");
    for j in jobs {
        let when = j.finished_at.unwrap_or(j.run_at).strftime("%Y-%m-%d %H:%M:%S").to_string();
        let outcome = j.last_error.filter(|_| j.status != JobStatus::Done).or(j.result).unwrap_or_default();
        println!(
            "{:>6}  {:<22} {:<8} {:>8}  {:<20}  {}",
            j.id,
            j.kind,
            j.status.as_str(),
            format!("{}/{}", j.attempts, j.max_attempts),
            when,
            outcome
        );
    }
    Ok(())
}
