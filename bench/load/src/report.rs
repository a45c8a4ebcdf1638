//! One run's summary: per request type the count, throughput, latency percentiles and
//! errors, from goose's metrics. Only requests sent in the measured window are named after
//! their request type; the set-up requests (`setup: ...`, log-ins included) are counted apart.

use std::collections::BTreeMap;

use std::time::Instant;

use goose::metrics::GooseMetrics;
use serde::{Deserialize, Serialize};

use crate::RunArgs;
use crate::scenarios::Window;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RequestStats {
    pub name: String,
    pub method: String,
    pub requests: usize,
    pub errors: usize,
    pub rps: f64,
    pub mean_ms: f64,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    /// Responses per HTTP status code (0: no response, e.g. a connection error or timeout).
    pub status_codes: BTreeMap<u16, usize>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RunSummary {
    pub scenario: String,
    pub concurrency: usize,
    pub host: String,
    pub label: String,
    pub logins: usize,
    pub ramp_up_s: u64,
    /// Seconds measured: from the moment every user was set up to the end of the window.
    pub measured_s: f64,
    /// The measured requests, all types together.
    pub total_requests: usize,
    pub total_errors: usize,
    pub total_rps: f64,
    pub requests: Vec<RequestStats>,
    /// Log-ins and other set-up requests still made after the metrics reset (not in the totals).
    pub setup_requests: usize,
    pub setup_errors: usize,
    /// Transactions that ended in an error without a failed request (e.g. no session).
    pub transaction_errors: usize,
    /// Why the run was stopped early, if it was.
    pub aborted: Option<String>,
    /// The server's peak RSS during the run in kB, filled in by `bench/run-load`.
    #[serde(default)]
    pub server_peak_rss_kb: Option<u64>,
    /// The server's RSS right after the run in kB (what it kept), filled in by `bench/run-load`.
    #[serde(default)]
    pub server_end_rss_kb: Option<u64>,
}

fn ms(us: u64) -> f64 {
    (us as f64 / 1000.0 * 100.0).round() / 100.0
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn per_second(count: usize, seconds: f64) -> f64 {
    if seconds > 0.0 { round2(count as f64 / seconds) } else { 0.0 }
}

/// Seconds measured: the window from the moment every user was set up until it closed (or
/// the run ended).
fn measured_seconds(window: &Window, ended: Instant) -> Option<f64> {
    let opened = window.opened?;
    let closed = window.closed.unwrap_or(ended);
    Some(closed.saturating_duration_since(opened).as_secs_f64().max(0.001))
}

impl RunSummary {
    pub fn from_metrics(args: &RunArgs, logins: usize, metrics: &GooseMetrics) -> Self {
        let mut aborted = crate::scenarios::aborted();
        let measured_s = match measured_seconds(&crate::scenarios::window(), Instant::now()) {
            Some(s) => s,
            None => {
                aborted.get_or_insert_with(|| {
                    format!(
                        "not all {} users finished their set-up within {} s after the ramp-up",
                        args.concurrency,
                        crate::SETUP_LIMIT_S
                    )
                });
                0.0
            }
        };
        let mut requests = Vec::new();
        let (mut setup_requests, mut setup_errors) = (0, 0);
        for (key, agg) in &metrics.requests {
            let (method, name) = key.split_once(' ').unwrap_or(("", key.as_str()));
            let count = agg.success_count + agg.fail_count;
            if name.starts_with("setup") {
                setup_requests += count;
                setup_errors += agg.fail_count;
                continue;
            }
            let t = &agg.raw_data;
            requests.push(RequestStats {
                name: name.to_owned(),
                method: method.to_owned(),
                requests: count,
                errors: agg.fail_count,
                rps: per_second(count, measured_s),
                mean_ms: if t.counter > 0 { ms(t.total_time_us / t.counter as u64) } else { 0.0 },
                p50_ms: ms(t.percentile_us(0.50)),
                p95_ms: ms(t.percentile_us(0.95)),
                p99_ms: ms(t.percentile_us(0.99)),
                max_ms: ms(t.maximum_time_us),
                status_codes: agg.status_code_counts.iter().map(|(k, v)| (*k, *v)).collect(),
            });
        }
        requests.sort_by_key(|r| crate::scenarios::MIX.iter().position(|(n, _)| *n == r.name).unwrap_or(usize::MAX));
        let total_requests = requests.iter().map(|r| r.requests).sum();
        let total_errors = requests.iter().map(|r| r.errors).sum();
        let transaction_errors = metrics.transaction_errors.values().map(|e| e.occurrences).sum();
        RunSummary {
            scenario: args.scenario.name().to_owned(),
            concurrency: args.concurrency,
            host: args.host.clone(),
            label: args.label.clone(),
            logins,
            ramp_up_s: args.ramp_up,
            measured_s: round2(measured_s),
            total_requests,
            total_errors,
            total_rps: per_second(total_requests, measured_s),
            requests,
            setup_requests,
            setup_errors,
            transaction_errors,
            aborted,
            server_peak_rss_kb: None,
            server_end_rss_kb: None,
        }
    }

    pub fn markdown(&self) -> String {
        let mut out = format!(
            "Scenario `{}`, {} users, {} logins, {:.1} s measured once all users were set up (ramp-up {} s).\n\n",
            self.scenario, self.concurrency, self.logins, self.measured_s, self.ramp_up_s
        );
        out.push_str("| request | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |\n");
        out.push_str("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for r in &self.requests {
            out.push_str(&format!(
                "| {} {} | {} | {:.0} | {:.2} | {:.2} | {:.2} | {:.1} | {} |\n",
                r.method, r.name, r.requests, r.rps, r.p50_ms, r.p95_ms, r.p99_ms, r.max_ms, r.errors
            ));
        }
        if self.requests.len() > 1 {
            out.push_str(&format!(
                "| **all** | {} | {:.0} | | | | | {} |\n",
                self.total_requests, self.total_rps, self.total_errors
            ));
        }
        if self.setup_requests > 0 || self.transaction_errors > 0 {
            out.push_str(&format!(
                "\nNot counted above: {} set-up requests after goose's metrics reset ({} failed); {} transaction errors.\n",
                self.setup_requests, self.setup_errors, self.transaction_errors
            ));
        }
        out
    }
}
