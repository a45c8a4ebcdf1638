//! `buurtteam report half-year`: the half-year report as a PDF. The page is the one staff see
//! at /reports/half-year, rendered for a named staff member (their access rules and small-count
//! suppression apply, and the read is in the audit log under their name), served once on
//! 127.0.0.1 under a random path and printed by Debian's headless Chromium.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, bail};
use buurtteam_app::App;
use buurtteam_web::pages::i18n::Lang;
use clap::Args;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[derive(Args)]
pub struct HalfYearArgs {
    /// A day in the half year, YYYY-MM-DD.
    #[arg(long)]
    pub start: String,
    /// city, district-N or team-N.
    #[arg(long, default_value = "city")]
    pub scope: String,
    /// The staff member the report is made for (e-mail address); their access rules apply.
    #[arg(long = "as", value_name = "EMAIL")]
    pub as_user: String,
    /// The PDF file to write.
    #[arg(long)]
    pub out: PathBuf,
    /// nl or en.
    #[arg(long, default_value = "nl")]
    pub lang: String,
    /// The browser that prints.
    #[arg(long, env = "BUURTTEAM_CHROMIUM", default_value = "/usr/bin/chromium")]
    pub chromium: PathBuf,
}

/// How long the browser may take to print.
const PRINT_LIMIT: Duration = Duration::from_secs(120);

pub async fn half_year(app: App, args: HalfYearArgs) -> anyhow::Result<()> {
    let lang = Lang::parse(&args.lang).with_context(|| format!("--lang {:?} is not nl or en", args.lang))?;
    if !args.chromium.exists() {
        bail!("no browser at {} to print with (apt-get install chromium, or set --chromium)", args.chromium.display());
    }
    let email = args.as_user.trim().to_lowercase();
    let mut tx = app.db.begin_read().await?;
    let user = buurtteam_store::organisation::find_login(&mut tx, &email).await?.map(|(u, _)| u);
    drop(tx);
    let user = match user {
        Some(u) if u.active => u,
        _ => bail!("no active staff member has the e-mail address {email}"),
    };
    let actor = buurtteam_app::auth::actor_of(&user);
    let mut secret = [0u8; 16];
    rand_fill(&mut secret);
    let secret: String = secret.iter().map(|b| format!("{b:02x}")).collect();
    let router =
        buurtteam_web::pages::print::router(app, buurtteam_web::WebConfig::default(), actor, user, lang, &secret);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.context("cannot listen on 127.0.0.1")?;
    let addr = listener.local_addr()?;
    let server = tokio::spawn(async move { axum_serve(listener, router).await });
    let path = format!("/{secret}/reports/half-year?start={}&scope={}", encode(&args.start), encode(&args.scope));
    // Ask once ourselves, so that a refusal or a bad date is a clear error, not a printed one.
    let status = status_of(addr, &path).await?;
    if status != 200 {
        server.abort();
        bail!(
            "the report cannot be made for {email}: the page answered {status} (check --start, --scope and whether this role may read that scope)"
        );
    }
    let url = format!("http://{addr}{path}");
    let printed = print(&args.chromium, &url, &args.out).await;
    server.abort();
    printed?;
    let size = std::fs::metadata(&args.out).map(|m| m.len()).unwrap_or(0);
    println!("Wrote the half-year report to {} ({size} bytes).", args.out.display());
    Ok(())
}

async fn axum_serve(listener: tokio::net::TcpListener, router: buurtteam_web::Router) -> std::io::Result<()> {
    buurtteam_web::serve_router(listener, router).await
}

fn rand_fill(bytes: &mut [u8]) {
    buurtteam_app::auth::random_bytes(bytes);
}

/// Percent-encodes a query value.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The status code of a GET on our own server (HTTP/1.0, no client library needed).
async fn status_of(addr: std::net::SocketAddr, path: &str) -> anyhow::Result<u16> {
    let mut stream = tokio::net::TcpStream::connect(addr).await?;
    stream.write_all(format!("GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").as_bytes()).await?;
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).await.context("the report server gave no answer")?;
    let line = String::from_utf8_lossy(&head);
    line.get(9..12).and_then(|s| s.parse().ok()).with_context(|| format!("unexpected answer {line:?}"))
}

async fn print(chromium: &Path, url: &str, out: &Path) -> anyhow::Result<()> {
    let profile = tempfile_dir()?;
    let out_abs = if out.is_absolute() { out.to_owned() } else { std::env::current_dir()?.join(out) };
    let _ = std::fs::remove_file(&out_abs);
    let mut cmd = tokio::process::Command::new(chromium);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-pdf-header-footer",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .arg(format!("--print-to-pdf={}", out_abs.display()))
    .arg(url)
    .stdout(std::process::Stdio::null())
    .stderr(std::process::Stdio::piped())
    .kill_on_drop(true);
    let child = cmd.spawn().with_context(|| format!("cannot start {}", chromium.display()))?;
    let output = tokio::time::timeout(PRINT_LIMIT, child.wait_with_output())
        .await
        .context("the browser did not finish printing within two minutes")??;
    let _ = std::fs::remove_dir_all(&profile);
    let pdf = std::fs::read(&out_abs).unwrap_or_default();
    if !output.status.success() || !pdf.starts_with(b"%PDF") {
        let err = String::from_utf8_lossy(&output.stderr);
        let last = err.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("no message");
        bail!("the browser could not print the report ({}): {last}", output.status);
    }
    Ok(())
}

/// A fresh, empty browser profile (so no cookies or history of anyone else are used).
fn tempfile_dir() -> anyhow::Result<PathBuf> {
    let mut name = [0u8; 8];
    rand_fill(&mut name);
    let dir = std::env::temp_dir()
        .join(format!("buurtteam-print-{}", name.iter().map(|b| format!("{b:02x}")).collect::<String>()));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    Ok(dir)
}
