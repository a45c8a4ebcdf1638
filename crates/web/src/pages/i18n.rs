//! The message catalogues (Fluent, `locales/*.ftl`): Dutch first, English second. Every text
//! on the pages comes from here, with dates and numbers in the language's notation.

use std::sync::LazyLock;

use axum::http::HeaderMap;
use buurtteam_app::reference::Labels;
use buurtteam_domain::audit::AuditAction;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use jiff::civil::Date;

pub const LANG_COOKIE: &str = "bt_lang";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Self::Nl => "nl",
            Self::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "nl" => Some(Self::Nl),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    /// The language chosen with the switch (a cookie); Dutch otherwise.
    pub fn from_headers(headers: &HeaderMap) -> Self {
        crate::session::cookie_value(headers, LANG_COOKIE).and_then(|v| Self::parse(&v)).unwrap_or(Self::Nl)
    }
}

/// One catalogue per language, kept in a file per part of the application.
pub const NL_SOURCE: &str = concat!(
    include_str!("../../locales/nl.ftl"),
    "\n",
    include_str!("../../locales/nl-plan.ftl"),
    "\n",
    include_str!("../../locales/nl-portal.ftl"),
    "\n",
    include_str!("../../locales/nl-audit.ftl"),
    "\n",
    include_str!("../../locales/nl-admin.ftl"),
    "\n",
    include_str!("../../locales/nl-repair.ftl"),
    "\n",
    include_str!("../../locales/nl-privacy.ftl"),
    "\n",
    include_str!("../../locales/nl-groups.ftl"),
    "\n",
    include_str!("../../locales/nl-survey.ftl"),
    "\n",
    include_str!("../../locales/nl-complaints.ftl"),
    "\n",
    include_str!("../../locales/nl-outreach.ftl"),
    "\n",
    include_str!("../../locales/nl-outreach-steering.ftl"),
    "\n",
    include_str!("../../locales/nl-knowledge.ftl"),
    "\n",
    include_str!("../../locales/nl-staff.ftl"),
    "\n",
    include_str!("../../locales/nl-absence.ftl"),
    "\n",
    include_str!("../../locales/nl-partners.ftl"),
    "\n",
    include_str!("../../locales/nl-onward.ftl"),
    "\n",
    include_str!("../../locales/nl-partner-referrals.ftl"),
);
pub const EN_SOURCE: &str = concat!(
    include_str!("../../locales/en.ftl"),
    "\n",
    include_str!("../../locales/en-plan.ftl"),
    "\n",
    include_str!("../../locales/en-portal.ftl"),
    "\n",
    include_str!("../../locales/en-audit.ftl"),
    "\n",
    include_str!("../../locales/en-admin.ftl"),
    "\n",
    include_str!("../../locales/en-repair.ftl"),
    "\n",
    include_str!("../../locales/en-privacy.ftl"),
    "\n",
    include_str!("../../locales/en-groups.ftl"),
    "\n",
    include_str!("../../locales/en-survey.ftl"),
    "\n",
    include_str!("../../locales/en-complaints.ftl"),
    "\n",
    include_str!("../../locales/en-outreach.ftl"),
    "\n",
    include_str!("../../locales/en-outreach-steering.ftl"),
    "\n",
    include_str!("../../locales/en-knowledge.ftl"),
    "\n",
    include_str!("../../locales/en-staff.ftl"),
    "\n",
    include_str!("../../locales/en-absence.ftl"),
    "\n",
    include_str!("../../locales/en-partners.ftl"),
    "\n",
    include_str!("../../locales/en-onward.ftl"),
    "\n",
    include_str!("../../locales/en-partner-referrals.ftl"),
);

fn bundle(lang: &str, source: &str) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, errors)| {
        tracing::error!(?errors, lang, "errors in a message catalogue");
        r
    });
    let id = lang.parse().unwrap_or_default();
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around placeables: the pages are single-direction.
    b.set_use_isolating(false);
    if let Err(errors) = b.add_resource(resource) {
        tracing::error!(?errors, lang, "duplicate messages in a catalogue");
    }
    b
}

static NL: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle("nl", NL_SOURCE));
static EN: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle("en", EN_SOURCE));

/// The translator a page renders with.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    pub lang: Lang,
    /// Speaking to a family (Mijn Buurtteam, and the log-in and account pages they use): a
    /// message `<key>--je` is preferred over `<key>`. Staff pages say "u"; families read "je",
    /// and are never sent to a "functioneel beheerder".
    pub family: bool,
    /// The organisation's own labels of code lists, before the catalogue's (`code`).
    labels: Option<&'static Labels>,
}

/// The suffix of a message's family variant.
pub const FAMILY_VARIANT: &str = "--je";

impl Tr {
    pub fn new(lang: Lang) -> Self {
        Self { lang, family: false, labels: None }
    }

    /// The same translator, with the organisation's own code-list labels.
    pub fn with_labels(self, labels: &'static Labels) -> Self {
        Self { labels: Some(labels), ..self }
    }

    /// The same translator, speaking to a family.
    pub fn for_family(self) -> Self {
        Self { family: true, ..self }
    }

    fn bundle(&self) -> &'static FluentBundle<FluentResource> {
        match self.lang {
            Lang::Nl => &NL,
            Lang::En => &EN,
        }
    }

    fn format(&self, key: &str, args: Option<&FluentArgs>) -> String {
        let bundle = self.bundle();
        let variant = self.family.then(|| format!("{key}{FAMILY_VARIANT}"));
        let message = variant.and_then(|v| bundle.get_message(&v)).or_else(|| bundle.get_message(key));
        let Some(pattern) = message.and_then(|m| m.value()) else {
            tracing::warn!(key, lang = self.lang.code(), "missing message");
            return key.to_owned();
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(key, ?errors, "message formatting");
        }
        text.into_owned()
    }

    /// The message `key`.
    pub fn t(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// The message `key` with one argument.
    pub fn t1(&self, key: &str, name: &str, value: impl Into<Arg>) -> String {
        let mut args = FluentArgs::new();
        args.set(name.to_owned(), value.into().0);
        self.format(key, Some(&args))
    }

    /// The message `key` with two arguments.
    pub fn t2(&self, key: &str, n1: &str, v1: impl Into<Arg>, n2: &str, v2: impl Into<Arg>) -> String {
        let mut args = FluentArgs::new();
        args.set(n1.to_owned(), v1.into().0);
        args.set(n2.to_owned(), v2.into().0);
        self.format(key, Some(&args))
    }

    /// The message `key` with arguments.
    pub fn tn(&self, key: &str, pairs: &[(&str, Arg)]) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in pairs {
            args.set((*name).to_owned(), value.0.clone());
        }
        self.format(key, Some(&args))
    }

    /// The label of a code from a closed list, e.g. `code("status", "referred")`: the
    /// organisation's own wording where it has one (`/admin/reference`), else the catalogue's.
    pub fn code(&self, list: &str, code: &str) -> String {
        if let Some(own) = self.labels.and_then(|l| l.get(self.lang.code(), list, code)) {
            return own;
        }
        self.standard_code(list, code)
    }

    /// The catalogue's label of a code, whatever the organisation calls it.
    pub fn standard_code(&self, list: &str, code: &str) -> String {
        self.t(&format!("{list}-{}", code.replace('_', "-")))
    }

    /// The sentence of an audit action for Mijn Buurtteam's access log, e.g. "Fatima de Vries
    /// (gezinswerker) heeft het gezinsplan bekeken." (`who` did it; `goal` for goal actions).
    pub fn audit(&self, action: AuditAction, who: String, goal: String) -> String {
        self.tn(&audit_key(action), &[("who", who.into()), ("goal", goal.into())])
    }

    /// "23 november 2026" / "23 November 2026".
    pub fn date(&self, d: &Date) -> String {
        let month = self.t(&format!("month-{}", d.month()));
        format!("{} {month} {}", d.day(), d.year())
    }

    /// "23-11-2026" (nl) / "23/11/2026" (en).
    pub fn date_short(&self, d: &Date) -> String {
        let sep = if self.lang == Lang::Nl { '-' } else { '/' };
        format!("{:02}{sep}{:02}{sep}{}", d.day(), d.month(), d.year())
    }

    /// How far `due` is from `today` in calendar days ("nog 3 dagen", "vandaag", "2 dagen te
    /// laat"), and whether it is overdue.
    pub fn countdown(&self, due: Date, today: Date) -> (String, bool) {
        let days = i64::from((due - today).get_days());
        let text = match days {
            0 => self.t("countdown-today"),
            n if n > 0 => self.t1("countdown-days-left", "days", n),
            n => self.t1("countdown-days-late", "days", -n),
        };
        (text, days < 0)
    }

    pub fn opt_date(&self, d: &Option<Date>) -> String {
        d.as_ref().map_or_else(|| "—".to_owned(), |d| self.date(d))
    }

    /// A whole number with the language's thousands separator.
    pub fn number(&self, n: impl std::borrow::Borrow<i64>) -> String {
        let n = *n.borrow();
        let sep = if self.lang == Lang::Nl { '.' } else { ',' };
        let digits = n.unsigned_abs().to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(sep);
            }
            out.push(c);
        }
        if n < 0 { format!("-{out}") } else { out }
    }
}

/// The catalogue message of an audit action (`locales/*-audit.ftl`): `audit-` and its stored
/// code with dashes, e.g. `audit-case-intake-held` for `case.intake_held`.
pub fn audit_key(action: AuditAction) -> String {
    format!("audit-{}", action.as_str().replace(['.', '_'], "-"))
}

/// A message argument.
pub struct Arg(FluentValue<'static>);

impl From<i64> for Arg {
    fn from(v: i64) -> Self {
        Self(FluentValue::from(v))
    }
}

impl From<i32> for Arg {
    fn from(v: i32) -> Self {
        Self(FluentValue::from(v))
    }
}

impl From<usize> for Arg {
    fn from(v: usize) -> Self {
        Self(FluentValue::from(i64::try_from(v).unwrap_or(i64::MAX)))
    }
}

impl From<&i64> for Arg {
    fn from(v: &i64) -> Self {
        (*v).into()
    }
}

impl From<&i32> for Arg {
    fn from(v: &i32) -> Self {
        (*v).into()
    }
}

impl From<&usize> for Arg {
    fn from(v: &usize) -> Self {
        (*v).into()
    }
}

impl From<&String> for Arg {
    fn from(v: &String) -> Self {
        Self(FluentValue::from(v.clone()))
    }
}

impl From<String> for Arg {
    fn from(v: String) -> Self {
        Self(FluentValue::from(v))
    }
}

impl From<&str> for Arg {
    fn from(v: &str) -> Self {
        Self(FluentValue::from(v.to_owned()))
    }
}

/// For tests of label sets: every key in `keys` has a label in Dutch and in English, and
/// `sources` (the catalogues holding them) have no label with `prefix` that no key names.
#[cfg(test)]
pub(crate) fn assert_labels(prefix: &str, keys: &[String], sources: &[&str]) {
    for lang in [Lang::Nl, Lang::En] {
        let tr = Tr::new(lang);
        for key in keys {
            assert_ne!(tr.t(key), *key, "{key} in {lang:?}");
        }
    }
    for source in sources {
        let stale: Vec<&str> = source
            .lines()
            .filter_map(|l| l.split_once(" = ").map(|(k, _)| k))
            .filter(|k| k.starts_with(prefix) && !keys.iter().any(|w| w == k))
            .collect();
        assert!(stale.is_empty(), "labels without a code: {stale:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(source: &str) -> BTreeSet<String> {
        let resource = FluentResource::try_new(source.to_owned()).expect("catalogue parses");
        resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }

    /// Every rule a use case names (`.code("…")` on a field error) reads as a sentence beside
    /// its field in Dutch, so that a refusal is never shown in the English of the log. The
    /// codes are read from the sources of the crates that make field errors.
    #[test]
    fn every_field_error_code_has_a_message() {
        fn sources(dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).expect("source folder").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    sources(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(std::fs::read_to_string(&path).expect("source file"));
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut texts = Vec::new();
        for krate in ["app", "domain", "web"] {
            sources(&root.join(krate).join("src"), &mut texts);
        }
        let mut codes = BTreeSet::new();
        for text in &texts {
            // `tr.code("list", …)` names a catalogue list, not a rule.
            for (i, _) in text.match_indices(".code(\"").filter(|(i, _)| !text[..*i].ends_with("tr")) {
                let rest = &text[i + 7..];
                // Field-error codes are snake_case; `tr.code("list", …)` names catalogue lists.
                if let Some(end) = rest.find('"')
                    && rest[..end].bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
                {
                    codes.insert(rest[..end].to_owned());
                }
            }
        }
        // The lifecycle's date refusals name their codes in the domain.
        use buurtteam_domain::case::{Milestone, Step, StepRefused};
        let day = jiff::civil::date(2026, 3, 2);
        for milestone in [Milestone::Referral, Milestone::Intake, Milestone::SupportStarted] {
            let refusal = StepRefused::DateBefore { step: Step::Close, date: day, milestone, before: day };
            codes.extend(refusal.field_error().map(|e| e.code.to_owned()));
        }
        assert!(codes.len() > 40 && codes.contains("future_date") && codes.contains("before_intake"), "{codes:?}");
        let nl = keys(NL_SOURCE);
        let missing: Vec<String> =
            codes.iter().map(|c| format!("field-error-{}", c.replace('_', "-"))).filter(|k| !nl.contains(k)).collect();
        assert!(missing.is_empty(), "field errors without a Dutch message: {missing:?}");
    }

    /// The catalogue files of one language are joined into one bundle, where a second
    /// definition of a key is only logged and one of the two silently wins: two files of one
    /// language may not define the same message (or term). Every file is also in the bundle.
    #[test]
    fn no_message_key_is_defined_in_two_files_of_one_language() {
        use std::collections::BTreeMap;
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
            .expect("locales folder")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
            .collect();
        files.sort();
        assert!(files.len() >= 30, "the catalogue files: {files:?}");
        let mut clashes = Vec::new();
        for (lang, joined) in [("nl", NL_SOURCE), ("en", EN_SOURCE)] {
            let mut seen: BTreeMap<String, String> = BTreeMap::new();
            for path in &files {
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
                if name.split(['-', '.']).next() != Some(lang) {
                    continue;
                }
                let text = std::fs::read_to_string(path).expect("catalogue file");
                assert!(joined.contains(text.trim()), "{name} is not in the {lang} catalogue (NL_SOURCE/EN_SOURCE)");
                let resource = FluentResource::try_new(text).unwrap_or_else(|(_, e)| panic!("{name} parses: {e:?}"));
                for entry in resource.entries() {
                    let key = match entry {
                        fluent_syntax::ast::Entry::Message(m) => m.id.name.to_owned(),
                        fluent_syntax::ast::Entry::Term(t) => format!("-{}", t.id.name),
                        _ => continue,
                    };
                    if let Some(first) = seen.insert(key.clone(), name.clone()) {
                        clashes.push(format!("{key} in {first} and {name}"));
                    }
                }
            }
        }
        assert!(clashes.is_empty(), "message keys defined twice in one language: {clashes:?}");
    }

    #[test]
    fn both_catalogues_have_the_same_messages() {
        let (nl, en) = (keys(NL_SOURCE), keys(EN_SOURCE));
        let only_nl: Vec<_> = nl.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&nl).collect();
        assert!(only_nl.is_empty() && only_en.is_empty(), "only in nl: {only_nl:?}; only in en: {only_en:?}");
    }

    #[test]
    fn every_message_used_in_templates_and_code_exists() {
        let nl = keys(NL_SOURCE);
        let mut used = BTreeSet::new();
        let mut files = Vec::new();
        let mut dirs: Vec<_> = ["templates", "src/pages"]
            .iter()
            .map(|d| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(d))
            .collect();
        // The page modules split by capability live in folders of their own.
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).expect("dir") {
                let path = entry.expect("entry").path();
                if path.is_dir() { dirs.push(path) } else { files.push(path) }
            }
        }
        for path in files {
            let text = std::fs::read_to_string(&path).expect("read");
            for call in [".t(\"", ".t1(\"", ".t2(\"", ".tn(\""] {
                for part in text.split(call).skip(1) {
                    if let Some(key) = part.split('"').next() {
                        used.insert(key.to_owned());
                    }
                }
            }
        }
        let missing: Vec<_> = used.iter().filter(|k| !nl.contains(*k)).collect();
        assert!(missing.is_empty(), "messages used but not in the catalogue: {missing:?}");
    }

    #[test]
    fn every_field_error_and_every_code_has_a_translation() {
        use buurtteam_domain::codes::*;
        let nl = keys(NL_SOURCE);
        let mut wanted: Vec<String> = vec!["field-error-invalid".into()];
        for dir in ["../app/src", "../domain/src"] {
            let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            for entry in std::fs::read_dir(base).expect("dir") {
                let text = std::fs::read_to_string(entry.expect("entry").path()).unwrap_or_default();
                for part in text.split(".code(\"").skip(1) {
                    if let Some(code) = part.split('"').next() {
                        wanted.push(format!("field-error-{}", code.replace('_', "-")));
                    }
                }
            }
        }
        let lists: [(&str, Vec<&str>); 12] = [
            ("role", Role::ALL.iter().map(|c| c.code()).collect()),
            ("household-role", HouseholdRole::ALL.iter().map(|c| c.code()).collect()),
            ("source", ReferralSource::ALL.iter().map(|c| c.code()).collect()),
            ("requested-by", LaterIntakeRequestedBy::ALL.iter().map(|c| c.code()).collect()),
            ("life-domain", LifeDomain::ALL.iter().map(|c| c.code()).collect()),
            ("contact-form", ContactForm::ALL.iter().map(|c| c.code()).collect()),
            ("closure-reason", ClosureReason::ALL.iter().map(|c| c.code()).collect()),
            ("closure-detail", ClosureDetail::ALL.iter().map(|c| c.code()).collect()),
            ("status", buurtteam_domain::case::CaseStatus::ALL.iter().map(|c| c.code()).collect()),
            ("goal-status", GoalStatus::ALL.iter().map(|c| c.code()).collect()),
            ("performer", Performer::ALL.iter().map(|c| c.code()).collect()),
            ("proposal-status", ProposalStatus::ALL.iter().map(|c| c.code()).collect()),
        ];
        for (list, codes) in lists {
            wanted.extend(codes.iter().map(|c| format!("{list}-{}", c.replace('_', "-"))));
        }
        let missing: Vec<_> = wanted.iter().filter(|k| !nl.contains(*k)).collect();
        assert!(missing.is_empty(), "no translation for: {missing:?}");
    }

    #[test]
    fn every_audit_action_has_a_sentence_in_dutch_and_english() {
        let mut codes = BTreeSet::new();
        let mut wanted = BTreeSet::new();
        for &action in AuditAction::ALL {
            assert!(codes.insert(action.as_str()), "two actions share the stored code {action}");
            let key = audit_key(action);
            for lang in [Lang::Nl, Lang::En] {
                let tr = Tr::new(lang);
                let message = tr.bundle().get_message(&key).and_then(|m| m.value());
                assert!(message.is_some(), "no message {key} in {lang:?}");
                let text = tr.audit(action, "Fatima de Vries".into(), "Rust in huis".into());
                assert!(text.starts_with("Fatima de Vries ") && text.ends_with('.'), "{key} in {lang:?}: {text}");
            }
            assert!(wanted.insert(key), "two actions share a message");
        }
        // And no sentence for an action that no longer exists.
        for source in [NL_SOURCE, EN_SOURCE] {
            let stale: Vec<_> =
                keys(source).into_iter().filter(|k| k.starts_with("audit-") && !wanted.contains(k)).collect();
            assert!(stale.is_empty(), "sentences without an action: {stale:?}");
        }
    }

    #[test]
    fn dates_and_numbers_in_dutch_and_english_notation() {
        let d = jiff::civil::date(2026, 11, 3);
        assert_eq!(Tr::new(Lang::Nl).date(&d), "3 november 2026");
        assert_eq!(Tr::new(Lang::En).date(&d), "3 November 2026");
        assert_eq!(Tr::new(Lang::Nl).date_short(&d), "03-11-2026");
        assert_eq!(Tr::new(Lang::Nl).number(1_234_567), "1.234.567");
        assert_eq!(Tr::new(Lang::En).number(-1234), "-1,234");
    }

    #[test]
    fn plurals_follow_the_language() {
        let nl = Tr::new(Lang::Nl);
        assert_eq!(nl.t1("countdown-left", "days", 1), "nog 1 werkdag");
        assert_eq!(nl.t1("countdown-left", "days", 2), "nog 2 werkdagen");
        assert_eq!(Tr::new(Lang::En).t1("countdown-left", "days", 1), "1 working day left");
    }

    /// Everything a family member reads on the log-in, account and second-factor pages says
    /// "je", never "u", and never sends them to a "functioneel beheerder"; staff keep "u".
    #[test]
    fn families_are_spoken_to_as_je() {
        let formal = |text: &str| {
            text.split(|c: char| !c.is_alphanumeric()).any(|w| matches!(w, "u" | "U" | "uw" | "Uw" | "beheerder"))
        };
        let nl = Tr::new(Lang::Nl);
        let family = nl.for_family();
        let keys = NL_SOURCE
            .lines()
            .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim()))
            .filter(|k| !k.is_empty() && !k.starts_with('#') && !k.starts_with(' ') && !k.ends_with(FAMILY_VARIANT))
            .filter(|k| {
                [
                    "login-",
                    "account-",
                    "setup-",
                    "second-factor-",
                    "portal-",
                    "footer-",
                    "error-",
                    "field-error-password-",
                    "survey-",
                ]
                .iter()
                .any(|p| k.starts_with(p))
                    || [
                        "field-error-wrong-password",
                        "done-password-changed",
                        "hint-new-password",
                        "hint-disable-second-factor",
                        "hint-totp-code",
                    ]
                    .contains(k)
            })
            .collect::<Vec<_>>();
        assert!(keys.len() > 40, "{keys:?}");
        let args = [("minutes", 5.into())];
        for key in &keys {
            let text = family.tn(key, &args);
            assert!(!formal(&text), "{key} says u to a family: {text}");
        }
        // Staff pages keep "u".
        assert!(formal(&nl.t("login-help")));
        assert!(!formal(&family.t("login-help")));
        assert_eq!(family.t("login-logged-out"), "Je bent uitgelogd.");
    }
}
