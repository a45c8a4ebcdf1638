//! `summarise`: the JSON summaries of a series of runs (one file per scenario and
//! concurrency, as `bench/run-load` writes them) as one Markdown page: throughput as a
//! ratio to the `/healthz` ceiling at the same concurrency, latencies per request type,
//! the server's peak RSS, and the targets of the benchmark issue.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::report::RunSummary;
use crate::scenarios::ScenarioKind;

#[derive(clap::Args)]
pub struct SummariseArgs {
    /// Folder with the runs' `*.json` summaries (and optionally `header.md`, included first,
    /// and `<run>.rss_kb` / `<run>.rss_end_kb` files with the server's peak RSS during each run
    /// and its RSS right after it).
    #[arg(long)]
    pub dir: PathBuf,
    /// Write the page here (default: standard output).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The concurrency the targets are judged at.
    #[arg(long, default_value_t = 64)]
    pub target_users: usize,
}

fn load(dir: &Path) -> Result<Vec<RunSummary>, String> {
    let mut runs = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths.iter().filter(|p| p.extension().is_some_and(|x| x == "json")) {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let mut run: RunSummary =
            serde_json::from_str(&text).map_err(|e| format!("{} is no run summary: {e}", path.display()))?;
        if run.server_peak_rss_kb.is_none()
            && let Ok(kb) = std::fs::read_to_string(path.with_extension("rss_kb"))
        {
            run.server_peak_rss_kb = kb.trim().parse().ok();
        }
        if run.server_end_rss_kb.is_none()
            && let Ok(kb) = std::fs::read_to_string(path.with_extension("rss_end_kb"))
        {
            run.server_end_rss_kb = kb.trim().parse().ok();
        }
        runs.push(run);
    }
    if runs.is_empty() {
        return Err(format!("{} holds no run summaries (*.json)", dir.display()));
    }
    let order = |s: &str| ScenarioKind::parse(s).and_then(|k| ScenarioKind::ALL.iter().position(|x| *x == k));
    runs.sort_by_key(|r| (r.concurrency, order(&r.scenario), r.scenario.clone()));
    Ok(runs)
}

fn mb(kb: Option<u64>) -> String {
    kb.map_or_else(|| "–".into(), |kb| format!("{:.1}", kb as f64 / 1024.0))
}

fn successes_per_s(run: &RunSummary) -> f64 {
    if run.measured_s > 0.0 { (run.total_requests - run.total_errors) as f64 / run.measured_s } else { 0.0 }
}

pub fn summarise(args: &SummariseArgs) -> Result<(), String> {
    let runs = load(&args.dir)?;
    let page = page(&runs, args.target_users, std::fs::read_to_string(args.dir.join("header.md")).ok());
    match &args.out {
        Some(path) => std::fs::write(path, page).map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => {
            print!("{page}");
            Ok(())
        }
    }
}

fn page(runs: &[RunSummary], target_users: usize, header: Option<String>) -> String {
    let ceiling: BTreeMap<usize, f64> =
        runs.iter().filter(|r| r.scenario == "healthz").map(|r| (r.concurrency, r.total_rps)).collect();
    let find = |scenario: &str, users: usize| runs.iter().find(|r| r.scenario == scenario && r.concurrency == users);
    let mut out = String::new();
    if let Some(h) = header {
        out.push_str(h.trim_end());
        out.push_str("\n\n");
    }

    out.push_str("## Throughput against the `/healthz` ceiling\n\n");
    out.push_str(
        "Each scenario alone, closed loop (every user sends its next request as soon as the last one is answered). \
         *vs healthz* is the scenario's throughput divided by that of `GET /healthz` at the same concurrency \
         (no database, no session: the ceiling of the server and the load generator on this machine). \
         Server RSS: the peak during the run (VmHWM, log-ins included) and the RSS right after it.\n\n",
    );
    out.push_str(
        "| users | scenario | req/s | vs healthz | errors | p50 ms | p99 ms | server RSS MB: peak | after |\n",
    );
    out.push_str("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for r in runs {
        let ratio = ceiling
            .get(&r.concurrency)
            .filter(|c| **c > 0.0)
            .map_or_else(|| "–".into(), |c| format!("{:.0} %", r.total_rps / c * 100.0));
        let (p50, p99) = match r.requests.as_slice() {
            [one] => (format!("{:.2}", one.p50_ms), format!("{:.2}", one.p99_ms)),
            _ => ("–".into(), "–".into()),
        };
        let aborted = if r.aborted.is_some() { " (stopped early)" } else { "" };
        let _ = writeln!(
            out,
            "| {} | {}{} | {:.0} | {} | {} | {} | {} | {} | {} |",
            r.concurrency,
            r.scenario,
            aborted,
            r.total_rps,
            ratio,
            r.total_errors,
            p50,
            p99,
            mb(r.server_peak_rss_kb),
            mb(r.server_end_rss_kb)
        );
    }

    out.push_str("\n## Latency per request type\n\n");
    out.push_str("| users | scenario | request | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |\n");
    out.push_str("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for r in runs {
        for q in &r.requests {
            let _ = writeln!(
                out,
                "| {} | {} | {} {} | {} | {:.0} | {:.2} | {:.2} | {:.2} | {:.1} | {} |",
                r.concurrency,
                r.scenario,
                q.method,
                q.name,
                q.requests,
                q.rps,
                q.p50_ms,
                q.p95_ms,
                q.p99_ms,
                q.max_ms,
                q.errors
            );
        }
    }
    let odd: Vec<String> = runs
        .iter()
        .flat_map(|r| {
            r.requests.iter().flat_map(move |q| {
                q.status_codes
                    .iter()
                    .filter(|(code, _)| !(200..300).contains(*code))
                    .map(move |(code, n)| format!("{} × {} in {} at {} users", n, code, q.name, r.concurrency))
            })
        })
        .collect();
    if !odd.is_empty() {
        let _ = writeln!(out, "\nError responses (status 0: no response): {}.", odd.join("; "));
    }
    let aborted: Vec<String> = runs
        .iter()
        .filter_map(|r| r.aborted.as_ref().map(|a| format!("{} at {} users: {a}", r.scenario, r.concurrency)))
        .collect();
    if !aborted.is_empty() {
        let _ = writeln!(out, "\nStopped early: {}.", aborted.join("; "));
    }

    let _ = writeln!(out, "\n## Against the targets ({target_users} users)\n");
    out.push_str("| target | measured | met |\n|---|---|---|\n");
    let verdict = |ok: Option<bool>| match ok {
        Some(true) => "yes",
        Some(false) => "**no**",
        None => "not measured",
    };
    let p99 = |scenario: &str| find(scenario, target_users).and_then(|r| r.requests.first()).map(|q| q.p99_ms);
    for (scenario, limit, label) in
        [("open_case", 20.0, "open a case"), ("register_contact", 30.0, "register a contact")]
    {
        let m = p99(scenario);
        let _ = writeln!(
            out,
            "| {label}: p99 < {limit} ms | {} | {} |",
            m.map_or_else(|| "–".into(), |v| format!("p99 {v:.2} ms")),
            verdict(m.map(|v| v < limit))
        );
    }
    let referral = find("register_referral", target_users).map(successes_per_s);
    let best_referral = runs.iter().filter(|r| r.scenario == "register_referral").map(successes_per_s).reduce(f64::max);
    let _ = writeln!(
        out,
        "| register a referral: ≥ 1,000 acknowledged creates/s | {} | {} |",
        match (referral, best_referral) {
            (Some(v), Some(b)) => format!("{v:.0}/s (best at any concurrency {b:.0}/s)"),
            _ => "–".into(),
        },
        verdict(referral.map(|v| v >= 1000.0))
    );
    let mixed = find("mixed", target_users).map(|r| r.total_rps);
    let _ = writeln!(
        out,
        "| mixed: ≥ 2,000 requests/s | {} | {} |",
        mixed.map_or_else(|| "–".into(), |v| format!("{v:.0}/s")),
        verdict(mixed.map(|v| v >= 2000.0))
    );
    let ceiling_at = ceiling.get(&target_users).copied().filter(|c| *c > 0.0);
    for scenario in ["worklist", "open_case"] {
        let ratio = find(scenario, target_users).zip(ceiling_at).map(|(r, c)| r.total_rps / c);
        let _ = writeln!(
            out,
            "| reads ({scenario}): ≥ 25 % of the `/healthz` ceiling | {} | {} |",
            ratio.map_or_else(|| "–".into(), |v| format!("{:.0} %", v * 100.0)),
            verdict(ratio.map(|v| v >= 0.25))
        );
    }
    let rss = runs.iter().filter_map(|r| r.server_peak_rss_kb).max();
    let _ = writeln!(
        out,
        "| server RSS < 150 MB (peak over all runs) | {} | {} |",
        rss.map_or_else(|| "–".into(), |kb| format!("{} MB", mb(Some(kb)))),
        verdict(rss.map(|kb| kb < 150 * 1024))
    );
    out.push_str("| the same load on PostgreSQL, reported beside it | run `bench/run-load` with a `postgres://` DATABASE_URL | see that page |\n");
    out
}
