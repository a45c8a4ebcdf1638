//! `buurtteam report cbs-jeugd --half 2026-1 --provider CODE`: the half-yearly delivery to CBS
//! (Beleidsinformatie Jeugd, decision 0042) as CSV on stdout (or `--out`), one row per
//! trajectory in the columns of `domain::cbs::COLUMNS`; the count goes to stderr, so that stdout
//! is the file and nothing else.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use buurtteam_app::App;
use buurtteam_domain::cbs::COLUMNS;
use clap::Args;

#[derive(Args, Clone)]
pub struct CbsArgs {
    /// The half year: 2026-1 (January-June) or 2026-2 (July-December); it must have ended.
    #[arg(long)]
    half: String,
    /// The organisation's provider code at CBS.
    #[arg(long, env = "BUURTTEAM_CBS_PROVIDER")]
    provider: String,
    /// The file to write (stdout when left out).
    #[arg(long)]
    out: Option<PathBuf>,
}

/// A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180).
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_owned() }
}

pub async fn run(app: &App, args: &CbsArgs) -> anyhow::Result<()> {
    let delivery = buurtteam_app::cbs::delivery(app, &args.half, &args.provider).await.map_err(crate::describe)?;
    let mut text = String::new();
    text.push_str(&COLUMNS.join(","));
    text.push_str("\r\n");
    for t in &delivery.trajectories {
        let row: Vec<String> = t.fields(args.provider.trim()).iter().map(|f| field(f)).collect();
        text.push_str(&row.join(","));
        text.push_str("\r\n");
    }
    match &args.out {
        Some(path) => {
            // Written whole or not at all: a half-written delivery file is worse than none.
            let tmp = path.with_extension("partial");
            std::fs::write(&tmp, &text).with_context(|| format!("cannot write {}", tmp.display()))?;
            std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    eprintln!(
        "{} trajectories of half year {}-{}.",
        delivery.trajectories.len(),
        delivery.half.year,
        delivery.half.half
    );
    Ok(())
}
