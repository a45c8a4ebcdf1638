//! `/admin/settings`: what this server runs with, read-only, and where each value is set (the
//! environment variable and the `serve` flag). A setting is changed where it is set and takes
//! effect when the server restarts; the page shows no secrets and no database address.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use buurtteam_domain::calendar::LiberationDayRule;

use super::AdminPage;
use crate::AppState;
use crate::pages::i18n::Tr;
use crate::pages::{Chrome, render};

/// One setting as the page shows it.
pub struct Shown {
    /// The catalogue key of its label (`settings-<key>`) and explanation (`settings-<key>-help`).
    pub key: &'static str,
    pub value: String,
    /// The environment variable that sets it (the flag is its lower-case, dashed form).
    pub env: &'static str,
}

impl Shown {
    /// `serve`'s flag for this setting, e.g. `--session-idle-minutes`.
    pub fn flag(&self) -> String {
        // The one flag not named after its variable.
        if self.env == "BUURTTEAM_TRUST_X_FORWARDED_FOR" {
            return "--trust-forwarded-for".to_owned();
        }
        let name = self.env.strip_prefix("BUURTTEAM_").unwrap_or(self.env);
        format!("--{}", name.to_lowercase().replace('_', "-"))
    }
}

/// A group of settings under one heading.
pub struct Group {
    pub title: String,
    pub settings: Vec<(String, String, Shown)>,
}

#[derive(Template)]
#[template(path = "admin/settings.html")]
struct SettingsPage {
    page: Chrome,
    groups: Vec<Group>,
}

/// The settings this server runs with, grouped as the page shows them (label keys unresolved).
pub fn shown(state: &AppState, tr: Tr) -> Vec<(&'static str, Vec<Shown>)> {
    let s = &state.app.settings;
    let c = &state.config;
    let yes_no = |b: bool| tr.t(if b { "settings-yes" } else { "settings-no" });
    let minutes = |d: jiff::SignedDuration| tr.t1("settings-minutes", "n", d.as_mins());
    let item = |key, value, env| Shown { key, value, env };
    let roles = if s.second_factor_roles.is_empty() {
        tr.t("settings-none")
    } else {
        s.second_factor_roles.iter().map(|r| tr.code("role", r.code())).collect::<Vec<_>>().join(", ")
    };
    // Secrets at rest (decision 0026): which key, by its id, never the key itself.
    let keys = &state.app.secrets;
    let secret_key = keys
        .current_id()
        .map_or_else(|| tr.t("settings-secret-key-none"), |id| tr.t1("settings-secret-key-id", "id", id.to_owned()));
    let old_keys = keys.old_ids();
    let old_keys = if old_keys.is_empty() { tr.t("settings-none") } else { old_keys.join(", ") };
    let liberation = match s.holiday_rules.liberation_day {
        LiberationDayRule::EveryYear => "every-year",
        LiberationDayRule::LustrumYears => "lustrum-years",
        LiberationDayRule::Never => "never",
    };
    vec![
        (
            "settings-group-casework",
            vec![
                item("intake-target", format!("{} %", s.intake_target_pct), "BUURTTEAM_INTAKE_TARGET_PCT"),
                item("absence-target", format!("{} %", s.absence_target_pct), "BUURTTEAM_ABSENCE_TARGET_PCT"),
                item("gp-target", format!("{} %", s.gp_target_pct), "BUURTTEAM_GP_TARGET_PCT"),
                item("fte-hours", tr.t1("settings-hours", "n", s.fte_hours.to_string()), "BUURTTEAM_FTE_HOURS"),
                item(
                    "silent-after",
                    tr.t1("settings-weeks", "n", i64::from(s.silent_after_weeks)),
                    "BUURTTEAM_SILENT_AFTER_WEEKS",
                ),
                item(
                    "emergency-hours",
                    tr.t1("settings-hours", "n", i64::from(s.emergency_access_hours)),
                    "BUURTTEAM_EMERGENCY_ACCESS_HOURS",
                ),
                item(
                    "retention-years",
                    tr.t1("settings-years", "n", i64::from(s.retention_years)),
                    "BUURTTEAM_RETENTION_YEARS",
                ),
                item(
                    "survey-after",
                    tr.t1("survey-settings-months", "n", i64::from(s.survey_after_months)),
                    "BUURTTEAM_SURVEY_AFTER_MONTHS",
                ),
                item("good-friday", yes_no(s.holiday_rules.good_friday), "BUURTTEAM_GOOD_FRIDAY"),
                item("liberation-day", tr.t(&format!("settings-liberation-{liberation}")), "BUURTTEAM_LIBERATION_DAY"),
            ],
        ),
        (
            "settings-group-sessions",
            vec![
                item("session-idle", minutes(s.session_idle), "BUURTTEAM_SESSION_IDLE_MINUTES"),
                item(
                    "session-max",
                    tr.t1("settings-hours", "n", s.session_absolute.as_hours()),
                    "BUURTTEAM_SESSION_MAX_HOURS",
                ),
                item("second-factor-roles", roles, "BUURTTEAM_SECOND_FACTOR_ROLES"),
            ],
        ),
        (
            "settings-group-lockout",
            vec![
                item("lock-after", s.lock_after_failures.to_string(), "BUURTTEAM_LOCK_AFTER_FAILURES"),
                item(
                    "lock-after-all",
                    s.lock_after_failures_all_addresses.to_string(),
                    "BUURTTEAM_LOCK_AFTER_FAILURES_ALL_ADDRESSES",
                ),
                item("lock-minutes", minutes(s.lock_duration), "BUURTTEAM_LOCK_MINUTES"),
                item("failures-per-address", s.failures_per_address.to_string(), "BUURTTEAM_FAILURES_PER_ADDRESS"),
                item(
                    "activation-per-code",
                    s.activation_failures_per_code.to_string(),
                    "BUURTTEAM_ACTIVATION_FAILURES_PER_CODE",
                ),
                item(
                    "activation-per-address",
                    s.activation_failures_per_address.to_string(),
                    "BUURTTEAM_ACTIVATION_FAILURES_PER_ADDRESS",
                ),
                item("activation-window", minutes(s.activation_window), "BUURTTEAM_ACTIVATION_WINDOW_MINUTES"),
            ],
        ),
        (
            "settings-group-server",
            vec![
                item("database", tr.t(&format!("settings-database-{}", state.app.db.backend_name())), "DATABASE_URL"),
                item("secure-cookies", yes_no(c.secure_cookies), "BUURTTEAM_SECURE_COOKIES"),
                item("forwarded-for", yes_no(c.trust_forwarded_for), "BUURTTEAM_TRUST_X_FORWARDED_FOR"),
                item(
                    "theme",
                    c.theme.as_ref().map_or_else(|| tr.t("settings-theme-default"), |t| t.class.clone()),
                    "BUURTTEAM_THEME_CSS",
                ),
                item(
                    "header-timeout",
                    tr.t1("settings-seconds", "n", i64::try_from(c.header_read_timeout.as_secs()).unwrap_or(i64::MAX)),
                    "BUURTTEAM_HEADER_READ_TIMEOUT_SECS",
                ),
            ],
        ),
        (
            "settings-group-secrets",
            vec![
                item("secret-key", secret_key, "BUURTTEAM_SECRET_KEY_FILE"),
                item("secret-key-old", old_keys, "BUURTTEAM_SECRET_KEY_OLD_FILES"),
            ],
        ),
    ]
}

pub async fn page(State(state): State<AppState>, AdminPage(admin): AdminPage) -> Response {
    let chrome = admin.chrome("admin");
    let tr = chrome.tr;
    let groups = shown(&state, tr)
        .into_iter()
        .map(|(title, items)| Group {
            title: tr.t(title),
            settings: items
                .into_iter()
                .map(|s| (tr.t(&format!("settings-{}", s.key)), tr.t(&format!("settings-{}-help", s.key)), s))
                .collect(),
        })
        .collect();
    render(StatusCode::OK, &SettingsPage { page: chrome, groups })
}
