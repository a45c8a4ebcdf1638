//! The `buurtteam` binary: parse the command line, call the library crates. Nothing else.

mod audit_cmd;
mod backup_cmd;
mod cbs_cmd;
mod demo_plan;
mod generate;
mod jobs_cmd;
mod knowledge_cmd;
mod ldv_cmd;
mod lock;
mod report;
mod secrets_cmd;

/// mimalloc returns freed memory to the system where glibc's per-thread arenas kept it (each
/// Argon2 hash frees a 19 MiB buffer): measured in bench/RESULTS.md.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::net::SocketAddr;
use std::path::Path;

use anyhow::{Context, bail};
use buurtteam_app::accounts::UserInput;
use buurtteam_app::{App, Settings};
use buurtteam_store::Db;
use buurtteam_web::WebConfig;
use clap::{Args, Parser, Subcommand};

/// buurtteam: registration, family portal and steering for neighbourhood youth & family teams.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone)]
struct DbArgs {
    /// The database: `sqlite://path/file.db` (created if missing) or `postgres://user:pass@host/db`.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://data/buurtteam.db")]
    database_url: String,
}

/// The organisation's settings that change behaviour.
#[derive(Args, Clone)]
struct SettingsArgs {
    /// Good Friday is a day off (it is not under most collective agreements).
    #[arg(long, env = "BUURTTEAM_GOOD_FRIDAY", default_value_t = false)]
    good_friday: bool,
    /// When Liberation Day (5 May) is a day off: every_year, lustrum_years or never.
    #[arg(long, env = "BUURTTEAM_LIBERATION_DAY", default_value = "lustrum_years")]
    liberation_day: String,
    /// Minutes without a request after which a session ends.
    #[arg(long, env = "BUURTTEAM_SESSION_IDLE_MINUTES", default_value_t = 60)]
    session_idle_minutes: u32,
    /// Hours after log-in after which a session ends, however active.
    #[arg(long, env = "BUURTTEAM_SESSION_MAX_HOURS", default_value_t = 12)]
    session_max_hours: u32,
    /// Failed log-ins in a row after which an account is locked for the address they came from.
    #[arg(long, env = "BUURTTEAM_LOCK_AFTER_FAILURES", default_value_t = 5)]
    lock_after_failures: u32,
    /// Minutes an account stays locked (and the window of the per-address limit).
    #[arg(long, env = "BUURTTEAM_LOCK_MINUTES", default_value_t = 15)]
    lock_minutes: u32,
    /// Failed log-ins allowed per client address within that window.
    #[arg(long, env = "BUURTTEAM_FAILURES_PER_ADDRESS", default_value_t = 30)]
    failures_per_address: u32,
    /// Failed log-ins in a row on one account from all addresses together that lock it for
    /// every address.
    #[arg(long, env = "BUURTTEAM_LOCK_AFTER_FAILURES_ALL_ADDRESSES", default_value_t = 50)]
    lock_after_failures_all_addresses: u32,
    /// Failed portal activations in a row with one code before it is held off.
    #[arg(long, env = "BUURTTEAM_ACTIVATION_FAILURES_PER_CODE", default_value_t = 10)]
    activation_failures_per_code: u32,
    /// Failed portal activations in a row from one client address before it is held off.
    #[arg(long, env = "BUURTTEAM_ACTIVATION_FAILURES_PER_ADDRESS", default_value_t = 20)]
    activation_failures_per_address: u32,
    /// Minutes a failed activation counts, and how long a held-off code or address waits.
    #[arg(long, env = "BUURTTEAM_ACTIVATION_WINDOW_MINUTES", default_value_t = 60)]
    activation_window_minutes: u32,
    /// Roles that must use a second factor (TOTP), comma-separated, e.g. team_manager,admin.
    #[arg(long, env = "BUURTTEAM_SECOND_FACTOR_ROLES", default_value = "", value_delimiter = ',')]
    second_factor_roles: Vec<String>,
    /// Target share (percent) of intakes within 5 working days, drawn on the dashboards.
    #[arg(long, env = "BUURTTEAM_INTAKE_TARGET_PCT", default_value_t = 90.0)]
    intake_target_pct: f64,
    /// The organisation's sickness absence target (percent), beside the absence figures.
    #[arg(long, env = "BUURTTEAM_ABSENCE_TARGET_PCT", default_value_t = 7.0)]
    absence_target_pct: f64,
    /// The target share (percent) of GP practices working with the team, beside the GP figures.
    #[arg(long, env = "BUURTTEAM_GP_TARGET_PCT", default_value_t = 60.0)]
    gp_target_pct: f64,
    /// Hours per week of one FTE, for caseload per FTE.
    #[arg(long, env = "BUURTTEAM_FTE_HOURS", default_value_t = 36.0)]
    fte_hours: f64,
    /// Weeks without a contact after which a case in support shows as silent on the worklist.
    #[arg(long, env = "BUURTTEAM_SILENT_AFTER_WEEKS", default_value_t = 6)]
    silent_after_weeks: u32,
    /// Hours an emergency access (break the glass) to a file of another team lasts (1 to 24).
    #[arg(long, env = "BUURTTEAM_EMERGENCY_ACCESS_HOURS", default_value_t = 4)]
    emergency_access_hours: u32,
    /// Years a closed file is kept after its last change before it is destroyed (a legal hold
    /// keeps it longer).
    #[arg(long, env = "BUURTTEAM_RETENTION_YEARS", default_value_t = 20)]
    retention_years: u16,
    /// Months after the start of support that families are invited to the experience survey
    /// (1 to 24; they are also invited at closure).
    #[arg(long, env = "BUURTTEAM_SURVEY_AFTER_MONTHS", default_value_t = 6)]
    survey_after_months: u32,
    /// Fruitless attempts (not home, no answer, wrong number) after which an outreach address
    /// never reached counts as unreachable (1 to 20).
    #[arg(long, env = "BUURTTEAM_OUTREACH_UNREACHABLE_AFTER", default_value_t = 3)]
    outreach_unreachable_after: u32,
    /// Months after the last signal that the signal data of people who did not become clients
    /// are destroyed (1 to 12; the law sets no number of months, the controller does: decision 0034).
    #[arg(long, env = "BUURTTEAM_OUTREACH_RETENTION_MONTHS", default_value_t = 12)]
    outreach_retention_months: u32,
}

impl SettingsArgs {
    fn settings(&self) -> anyhow::Result<Settings> {
        use buurtteam_domain::calendar::{HolidayRules, LiberationDayRule};
        let liberation_day = match self.liberation_day.as_str() {
            "every_year" => LiberationDayRule::EveryYear,
            "lustrum_years" => LiberationDayRule::LustrumYears,
            "never" => LiberationDayRule::Never,
            other => bail!("--liberation-day {other:?} is not one of every_year, lustrum_years, never"),
        };
        let mut second_factor_roles = Vec::new();
        for r in self.second_factor_roles.iter().map(|r| r.trim()).filter(|r| !r.is_empty()) {
            match buurtteam_domain::codes::Role::parse(r) {
                Some(role) => second_factor_roles.push(role),
                None => bail!("--second-factor-roles: {r:?} is not one of family_worker, team_manager, analyst, admin"),
            }
        }
        if !(0.0..=100.0).contains(&self.intake_target_pct) {
            bail!("--intake-target-pct must be between 0 and 100");
        }
        if !(0.0..=100.0).contains(&self.absence_target_pct) {
            bail!("--absence-target-pct must be between 0 and 100");
        }
        if !(0.0..=100.0).contains(&self.gp_target_pct) {
            bail!("--gp-target-pct must be between 0 and 100");
        }
        if !(1.0..=60.0).contains(&self.fte_hours) {
            bail!("--fte-hours must be between 1 and 60");
        }
        if !(1..=52).contains(&self.silent_after_weeks) {
            bail!("--silent-after-weeks must be between 1 and 52");
        }
        if !(1..=buurtteam_domain::emergency::MAX_HOURS).contains(&self.emergency_access_hours) {
            bail!("--emergency-access-hours must be between 1 and {}", buurtteam_domain::emergency::MAX_HOURS);
        }
        if !(1..=100).contains(&self.retention_years) {
            bail!("--retention-years must be between 1 and 100");
        }
        if !(1..=24).contains(&self.survey_after_months) {
            bail!("--survey-after-months must be between 1 and 24");
        }
        if !(1..=20).contains(&self.outreach_unreachable_after) {
            bail!("--outreach-unreachable-after must be between 1 and 20");
        }
        if !(1..=12).contains(&self.outreach_retention_months) {
            bail!(
                "--outreach-retention-months must be between 1 and 12 (12 is the longest this product keeps signal data; see docs/access.md)"
            );
        }
        if self.session_idle_minutes == 0 || self.session_max_hours == 0 {
            bail!("session lifetimes must be at least 1 minute / 1 hour");
        }
        Ok(Settings {
            holiday_rules: HolidayRules { good_friday: self.good_friday, liberation_day },
            session_idle: jiff::SignedDuration::from_mins(i64::from(self.session_idle_minutes)),
            session_absolute: jiff::SignedDuration::from_hours(i64::from(self.session_max_hours)),
            lock_after_failures: i32::try_from(self.lock_after_failures.max(1)).unwrap_or(5),
            lock_duration: jiff::SignedDuration::from_mins(i64::from(self.lock_minutes.max(1))),
            failures_per_address: self.failures_per_address.max(1),
            lock_after_failures_all_addresses: i32::try_from(self.lock_after_failures_all_addresses.max(1))
                .unwrap_or(50),
            activation_failures_per_code: i32::try_from(self.activation_failures_per_code.max(1)).unwrap_or(10),
            activation_failures_per_address: i32::try_from(self.activation_failures_per_address.max(1)).unwrap_or(20),
            activation_window: jiff::SignedDuration::from_mins(i64::from(self.activation_window_minutes.max(1))),
            second_factor_roles,
            intake_target_pct: self.intake_target_pct,
            absence_target_pct: self.absence_target_pct,
            gp_target_pct: self.gp_target_pct,
            fte_hours: self.fte_hours,
            silent_after_weeks: self.silent_after_weeks,
            emergency_access_hours: self.emergency_access_hours,
            retention_years: self.retention_years,
            survey_after_months: self.survey_after_months,
            outreach_unreachable_after: self.outreach_unreachable_after,
            outreach_retention_months: self.outreach_retention_months,
            ..Settings::default()
        })
    }
}

#[derive(Args, Clone)]
struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "BUURTTEAM_LISTEN", default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Mark the session cookie Secure (set this when users reach the server over HTTPS).
    #[arg(long, env = "BUURTTEAM_SECURE_COOKIES", default_value_t = false)]
    secure_cookies: bool,
    /// Take the client address from X-Forwarded-For (only behind a proxy that sets it).
    #[arg(long, env = "BUURTTEAM_TRUST_X_FORWARDED_FOR", default_value_t = false)]
    trust_forwarded_for: bool,
    /// Another organisation's NL Design System design tokens (a CSS file) instead of Utrecht's.
    #[arg(long, env = "BUURTTEAM_THEME_CSS")]
    theme_css: Option<std::path::PathBuf>,
    /// The class that applies those tokens, e.g. denhaag-theme.
    #[arg(long, env = "BUURTTEAM_THEME_CLASS", default_value = "utrecht-theme")]
    theme_class: String,
    /// Seconds a connection may take to send a request's head (and stay open idle) before it is closed.
    #[arg(long, env = "BUURTTEAM_HEADER_READ_TIMEOUT_SECS", default_value_t = 10)]
    header_read_timeout_secs: u64,
    #[command(flatten)]
    settings: SettingsArgs,
    #[command(flatten)]
    keys: secrets_cmd::KeyArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server (migrates the database first).
    Serve {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        serve: ServeArgs,
    },
    /// Apply database migrations and exit.
    Migrate {
        #[command(flatten)]
        db: DbArgs,
    },
    /// Start on a fresh demo database: one realistic year of a city's teams; prints the demo log-ins.
    Demo {
        /// The demo database file; it is deleted and created anew.
        #[arg(long, default_value = "data/demo.db")]
        file: String,
        /// Seed of the synthetic data (same seed, same families).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[command(flatten)]
        serve: ServeArgs,
    },
    /// Fill an empty database with a synthetic organisation and its cases.
    Generate {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        args: generate::GenerateArgs,
    },
    /// Compare the cases in the database with the seed documents' figures.
    Calibration {
        #[command(flatten)]
        db: DbArgs,
        /// The profile the data was generated with (for district populations).
        #[arg(long, default_value = "city")]
        profile: String,
    },
    /// Reports as files.
    Report {
        #[command(subcommand)]
        command: ReportCommand,
    },
    /// Import reference data.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// List the scheduled jobs (housekeeping such as expiring unused portal codes) and how they fared.
    Jobs {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        args: jobs_cmd::JobsArgs,
    },
    /// The audit log of a period in the form of the Logboek Dataverwerkingen (JSON Lines on stdout).
    ExportLdv {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        args: ldv_cmd::ExportLdvArgs,
    },
    /// The audit log's hash chain: verify it, or print its heads to keep elsewhere.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Manage staff users.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// The key for secrets at rest: make one, rotate to a new one.
    Secrets {
        #[command(subcommand)]
        command: secrets_cmd::SecretsCommand,
    },
    /// Copy a running SQLite database to a file and verify the copy's audit log.
    Backup(backup_cmd::BackupArgs),
}

#[derive(Subcommand)]
enum ReportCommand {
    /// The half-year report as a PDF, printed by headless Chromium, for a named staff member.
    HalfYear {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        args: report::HalfYearArgs,
    },
    /// The half-yearly delivery to CBS (Beleidsinformatie Jeugd) as CSV, one row per trajectory.
    CbsJeugd {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        args: cbs_cmd::CbsArgs,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// District populations (CSV: district,reference_date,residents[,residents_0_17]; lines
    /// starting with # name the source), the basis of reach per 1,000 residents.
    Populations {
        #[command(flatten)]
        db: DbArgs,
        /// The CSV file, e.g. data/populations/utrecht-2023.csv.
        file: std::path::PathBuf,
    },
    /// Knowledge base articles from a folder of Markdown files (front matter `title:`,
    /// `summary:`, `categories:`, `life_domains:`, `review_by:`; else the first heading and
    /// paragraph). One bad file: nothing is imported, and one line names it.
    Knowledge {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        args: knowledge_cmd::KnowledgeArgs,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check every chain of the audit log: exits 0 with `N rows verified`, or non-zero with one
    /// line naming the first row that does not fit. The outcome is kept for /privacy/log.
    Verify {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        args: audit_cmd::VerifyArgs,
    },
    /// Print where every chain ends (JSON with the time and the heads), to keep elsewhere and
    /// give to `audit verify --heads` later.
    Heads {
        #[command(flatten)]
        db: DbArgs,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a staff user. The password comes from BUURTTEAM_PASSWORD, else it is asked for.
    Add {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// family_worker, team_manager, analyst or admin.
        #[arg(long)]
        role: String,
        /// Team name; repeat for several teams.
        #[arg(long = "team")]
        teams: Vec<String>,
    },
}

fn main() {
    let cli = Cli::parse();
    // A command whose stdout is its output (an export, `audit`'s one line or JSON, meant for
    // scripts) logs to stderr, so the two never mix; `audit` logs warnings only unless
    // BUURTTEAM_LOG says otherwise.
    let quiet = matches!(cli.command, Command::Audit { .. });
    // Commands whose stdout is a file log to stderr.
    let to_stderr = quiet
        || matches!(
            cli.command,
            Command::ExportLdv { .. } | Command::Report { command: ReportCommand::CbsJeugd { .. } }
        );
    let filter = tracing_subscriber::EnvFilter::try_from_env("BUURTTEAM_LOG")
        .unwrap_or_else(|_| if quiet { "warn" } else { "info" }.into());
    let fmt = tracing_subscriber::fmt().with_env_filter(filter).with_target(false);
    if to_stderr {
        fmt.with_writer(std::io::stderr).init();
    } else {
        fmt.init();
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => fail(&anyhow::Error::from(e)),
    };
    if let Err(e) = runtime.block_on(run(cli)) {
        fail(&e);
    }
}

/// One clear line on stderr and a non-zero exit.
fn fail(e: &anyhow::Error) -> ! {
    eprintln!("buurtteam: {e:#}");
    std::process::exit(1);
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve { db, serve } => {
            let _lock = lock::take(&db.database_url)?;
            let settings = serve.settings.settings()?;
            let sso = sso_config()?;
            let keys = serve.keys.keyring()?;
            let db = open(&db.database_url).await?;
            let app = App::new(db, settings).with_sso(sso).with_secrets(keys);
            secrets_cmd::at_start(&app).await?;
            serve_app(app, &serve, None).await
        }
        Command::Migrate { db } => {
            open(&db.database_url).await?;
            println!("Database is up to date.");
            Ok(())
        }
        Command::Demo { file, seed, serve } => {
            // Before the old files are removed: they may belong to a running server.
            let _lock = lock::take_file(Path::new(&file))?;
            for suffix in ["", "-wal", "-shm", ".key"] {
                let path = format!("{file}{suffix}");
                if Path::new(&path).exists() {
                    std::fs::remove_file(&path)
                        .with_context(|| format!("cannot remove the old demo database {path}"))?;
                }
            }
            let settings = serve.settings.settings()?;
            // The demo works without set-up: a key of its own beside its database, unless given.
            let keys = if serve.keys.given() {
                serve.keys.keyring()?
            } else {
                let key_file = std::path::PathBuf::from(format!("{file}.key"));
                secrets_cmd::write_new_key(&key_file)?;
                secrets_cmd::KeyArgs { secret_key_file: Some(key_file), ..secrets_cmd::KeyArgs::default() }.keyring()?
            };
            let db = open(&format!("sqlite://{file}")).await?;
            let app = App::new(db, settings).with_sso(sso_config()?).with_secrets(keys);
            secrets_cmd::at_start(&app).await?;
            let args = generate::GenerateArgs { profile: "city".into(), years: 1, seed, users_file: None };
            let summary = generate::run(&app, &args).await?;
            knowledge_cmd::seed_demo(&app).await?;
            let mut logins = generate::demo_logins(&summary);
            if let Some((_, worker)) = logins.iter().find(|(role, _)| role == "family_worker") {
                let portal = demo_plan::seed(&app, worker, generate::PASSWORD).await?;
                logins.extend(portal);
            }
            serve_app(app, &serve, Some(logins)).await
        }
        Command::Generate { db, args } => {
            let app = App::new(open(&db.database_url).await?, Settings::default());
            let summary = generate::run(&app, &args).await?;
            generate::print_calibration(&app, &args.profile).await?;
            println!("Log in as any generated user with the password {}.", generate::PASSWORD);
            drop(summary);
            Ok(())
        }
        Command::Calibration { db, profile } => {
            let app = App::new(open(&db.database_url).await?, Settings::default());
            generate::print_calibration(&app, &profile).await
        }
        Command::Report { command: ReportCommand::HalfYear { db, args } } => {
            let app = App::new(open(&db.database_url).await?, Settings::default());
            report::half_year(app, args).await
        }
        Command::Report { command: ReportCommand::CbsJeugd { db, args } } => {
            let app = App::new(open(&db.database_url).await?, Settings::default());
            cbs_cmd::run(&app, &args).await
        }
        Command::ExportLdv { db, args } => {
            let app = App::new(open(&db.database_url).await?, Settings::default());
            ldv_cmd::run(&app, &args).await
        }
        Command::Jobs { db, args } => {
            let app = App::new(open(&db.database_url).await?, Settings::default());
            jobs_cmd::run(&app, &args).await
        }
        Command::Audit { command: AuditCommand::Verify { db, args } } => {
            let app = App::new(open(&db.database_url).await?, Settings::default());
            audit_cmd::verify(&app, &args).await
        }
        Command::Audit { command: AuditCommand::Heads { db } } => {
            let app = App::new(open(&db.database_url).await?, Settings::default());
            audit_cmd::heads(&app).await
        }
        Command::Import { command: ImportCommand::Populations { db, file } } => {
            let text = std::fs::read_to_string(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let app = App::new(open(&db.database_url).await?, Settings::default());
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let n = buurtteam_app::kpis::import_populations(&app, &text, &name).await.map_err(describe)?;
            println!("Imported the populations of {n} districts from {}.", file.display());
            Ok(())
        }
        Command::Import { command: ImportCommand::Knowledge { db, args } } => {
            let app = App::new(open(&db.database_url).await?, Settings::default());
            knowledge_cmd::run(&app, &args).await
        }
        Command::Secrets { command } => secrets_cmd::run(command).await,
        Command::Backup(args) => backup_cmd::run(&args).await,
        Command::User { command: UserCommand::Add { db, email, name, role, teams } } => {
            let db = open(&db.database_url).await?;
            let app = App::new(db, Settings::default());
            let password = match std::env::var("BUURTTEAM_PASSWORD") {
                Ok(p) => p,
                Err(_) => {
                    rpassword::prompt_password("Password for the new user: ").context("cannot read the password")?
                }
            };
            let mut tx = app.db.begin_read().await?;
            let all = buurtteam_store::organisation::list_teams(&mut tx).await?;
            drop(tx);
            let mut team_ids = Vec::new();
            for t in &teams {
                match all.iter().find(|x| x.name.eq_ignore_ascii_case(t)) {
                    Some(x) => team_ids.push(x.id.0),
                    None => bail!("no team is named {t:?}"),
                }
            }
            let input = UserInput {
                email: Some(email),
                name: Some(name),
                role: Some(role),
                team_ids,
                partner_id: None,
                password: Some(password),
                ..UserInput::default()
            };
            let user = buurtteam_app::accounts::create_user(&app, None, &input).await.map_err(describe)?;
            println!("Created user {} ({}) with id {}.", user.email, user.role, user.id);
            Ok(())
        }
    }
}

/// Turns a use-case error into one readable line.
fn describe(e: buurtteam_app::AppError) -> anyhow::Error {
    match e {
        buurtteam_app::AppError::Validation(fields) => anyhow::anyhow!(
            "{}",
            fields.iter().map(|f| format!("{} {}", f.field, f.message)).collect::<Vec<_>>().join("; ")
        ),
        other => anyhow::anyhow!("{other}"),
    }
}

/// Connects, creating the folder of an SQLite file where needed, and migrates.
async fn open(url: &str) -> anyhow::Result<Db> {
    if let Some(path) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) {
        let file = path.split('?').next().unwrap_or(path);
        if let Some(dir) = Path::new(file).parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create the folder {}", dir.display()))?;
        }
    }
    let db = Db::connect(url)
        .await
        .with_context(|| format!("cannot open the database {}", buurtteam_store::db_redact(url)))?;
    db.migrate().await.context("migrating the database failed")?;
    Ok(db)
}

/// Single sign-on: BUURTTEAM_PUBLIC_URL, BUURTTEAM_LOCAL_PASSWORDS and the providers in
/// BUURTTEAM_OIDC_PROVIDERS with their BUURTTEAM_OIDC_<NAME>_* (docs/operations.md).
fn sso_config() -> anyhow::Result<buurtteam_app::sso::SsoConfig> {
    buurtteam_app::sso::SsoConfig::from_vars(|k| std::env::var(k).ok())
        .map_err(|e| anyhow::anyhow!("single sign-on: {e}"))
}

async fn serve_app(mut app: App, args: &ServeArgs, logins: Option<Vec<(String, String)>>) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    let addr = listener.local_addr()?;
    if app.sso.config.public_url.is_empty() && !app.sso.config.providers.is_empty() {
        // Without BUURTTEAM_PUBLIC_URL the redirect URIs name the address listened on (fine on
        // one machine; behind a proxy, set it).
        let mut config = app.sso.config.clone();
        config.public_url = format!("http://{addr}");
        app = app.with_sso(config);
    }
    println!("buurtteam is running at http://{addr}/  (API reference: http://{addr}/api/v1/docs)");
    if let Some(logins) = logins {
        println!("Demo log-ins (password for all: {}):", generate::PASSWORD);
        for (role, email) in logins {
            println!("  {role:<14} {email}");
        }
    }
    let theme = match &args.theme_css {
        None => None,
        Some(path) => {
            let css = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the theme stylesheet {}", path.display()))?;
            Some(buurtteam_web::Theme { css, class: args.theme_class.clone() })
        }
    };
    if args.header_read_timeout_secs == 0 {
        bail!("--header-read-timeout-secs must be at least 1");
    }
    let config = WebConfig {
        secure_cookies: args.secure_cookies,
        trust_forwarded_for: args.trust_forwarded_for,
        theme,
        header_read_timeout: std::time::Duration::from_secs(args.header_read_timeout_secs),
    };
    let db = app.db.clone();
    // The job worker stops with the server: the first round at once, then every POLL.
    let (stop_jobs, stopped) = tokio::sync::oneshot::channel::<()>();
    let jobs = tokio::spawn(jobs_cmd::worker(&app).run(jobs_cmd::POLL, async {
        let _ = stopped.await;
    }));
    buurtteam_web::serve(listener, app, config, shutdown_signal()).await?;
    let _ = stop_jobs.send(());
    let _ = jobs.await;
    db.close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = terminate => {} }
}
