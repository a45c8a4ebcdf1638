//! The single sign-on configuration, read from environment variables an operator can write in
//! a systemd unit (decision 0017, docs/operations.md "Single sign-on"):
//!
//! ```text
//! BUURTTEAM_PUBLIC_URL=https://buurtteam.example.nl      # where browsers reach us (default: http://<listen address>)
//! BUURTTEAM_LOCAL_PASSWORDS=on | off | admins            # staff passwords (default on)
//! BUURTTEAM_OIDC_PROVIDERS=entra,digid                   # the providers, in button order
//! BUURTTEAM_OIDC_ENTRA_NAME=Gemeente Utrecht             # "Inloggen met Gemeente Utrecht"
//! BUURTTEAM_OIDC_ENTRA_ISSUER=https://login.microsoftonline.com/<tenant>/v2.0
//! BUURTTEAM_OIDC_ENTRA_CLIENT_ID=...
//! BUURTTEAM_OIDC_ENTRA_CLIENT_SECRET=...                 # or _CLIENT_SECRET_FILE=/run/credentials/...
//! BUURTTEAM_OIDC_ENTRA_MATCH=email                       # email | preferred_username | upn | sub
//! BUURTTEAM_OIDC_ENTRA_PROVISION_TEAM=Buurtteam Noord    # unknown people get an account there
//! BUURTTEAM_OIDC_ENTRA_PROVISION_ROLE=family_worker
//! BUURTTEAM_OIDC_ENTRA_MFA_ACR=...                       # acr values that count as a second factor
//! BUURTTEAM_OIDC_DIGID_KIND=digid                        # staff (default) | digid
//! BUURTTEAM_OIDC_DIGID_BSN_CLAIM=bsn
//! ```

use buurtteam_domain::codes::Role;

/// Who logs in through a provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Staff, matched to their account.
    Staff,
    /// Family members through a DigiD broker, matched by BSN to an invited person.
    DigiD,
}

/// Whether staff may log in with a password here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LocalPasswords {
    #[default]
    On,
    /// Staff log in through a provider only.
    Off,
    /// Only admins keep their password (a way in when the provider is down).
    AdminsOnly,
}

impl LocalPasswords {
    pub fn code(self) -> &'static str {
        match self {
            Self::On => "on",
            Self::Off => "off",
            Self::AdminsOnly => "admins",
        }
    }

    /// Whether an account of `role` may log in with its password.
    pub fn allow(self, role: Role) -> bool {
        !role.is_staff()
            || match self {
                Self::On => true,
                Self::Off => false,
                Self::AdminsOnly => role == Role::Admin,
            }
    }
}

/// One configured OpenID provider.
#[derive(Clone)]
pub struct Provider {
    /// The short name in the variables and in our paths (`/login/sso/<id>`), lower case.
    pub id: String,
    /// The name on the button.
    pub name: String,
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    pub kind: Kind,
    /// The claim a first log-in is matched on (staff).
    pub match_claim: String,
    /// Unknown staff get an account in this team with this role.
    pub provision: Option<(String, Role)>,
    /// `acr` values that count as a second factor (besides an `amr` of mfa, otp, hwk, ...).
    pub mfa_acr: Vec<String>,
    /// The claim with the BSN (DigiD).
    pub bsn_claim: String,
    /// Settings that took their default (shown so on the admin page).
    pub defaulted: Vec<&'static str>,
}

impl std::fmt::Debug for Provider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the secret.
        f.debug_struct("Provider").field("id", &self.id).field("issuer", &self.issuer).finish_non_exhaustive()
    }
}

impl Provider {
    /// The environment variable of one of this provider's settings.
    pub fn var(&self, setting: &str) -> String {
        var(&self.id, setting)
    }

    /// The redirect URI to register at the provider.
    pub fn redirect_uri(&self, public_url: &str) -> String {
        format!("{}/login/sso/{}/callback", public_url.trim_end_matches('/'), self.id)
    }
}

fn var(id: &str, setting: &str) -> String {
    format!("BUURTTEAM_OIDC_{}_{setting}", id.to_uppercase().replace('-', "_"))
}

/// The whole configuration.
#[derive(Debug, Clone, Default)]
pub struct SsoConfig {
    pub providers: Vec<Provider>,
    pub local_passwords: LocalPasswords,
    /// Where browsers reach this server (the redirect URIs start with it); when not set, the
    /// binary takes the address it listens on.
    pub public_url: String,
}

impl SsoConfig {
    pub fn provider(&self, id: &str) -> Option<&Provider> {
        self.providers.iter().find(|p| p.id == id)
    }

    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Provider> {
        self.providers.iter().filter(move |p| p.kind == kind)
    }

    /// Reads the configuration through `get` (the environment, in the binary); says what is
    /// wrong in terms of the variables.
    pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> Result<Self, String> {
        let get = |k: &str| get(k).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        let local_passwords = match get("BUURTTEAM_LOCAL_PASSWORDS").as_deref() {
            None | Some("on" | "true") => LocalPasswords::On,
            Some("off" | "false") => LocalPasswords::Off,
            Some("admins") => LocalPasswords::AdminsOnly,
            Some(other) => return Err(format!("BUURTTEAM_LOCAL_PASSWORDS={other:?} is not one of on, off, admins")),
        };
        let public_url = get("BUURTTEAM_PUBLIC_URL").unwrap_or_default().trim_end_matches('/').to_owned();
        let mut providers = Vec::new();
        let ids = get("BUURTTEAM_OIDC_PROVIDERS").unwrap_or_default();
        for id in ids.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let id = id.to_lowercase();
            if !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                return Err(format!("BUURTTEAM_OIDC_PROVIDERS: {id:?} may only hold letters, digits and -"));
            }
            if providers.iter().any(|p: &Provider| p.id == id) {
                return Err(format!("BUURTTEAM_OIDC_PROVIDERS names {id:?} twice"));
            }
            let mut defaulted = Vec::new();
            let required = |s: &str| get(&var(&id, s)).ok_or_else(|| format!("{} is not set", var(&id, s)));
            let mut optional = |s: &'static str, default: &str| {
                get(&var(&id, s)).unwrap_or_else(|| {
                    defaulted.push(s);
                    default.to_owned()
                })
            };
            let kind = match optional("KIND", "staff").as_str() {
                "staff" => Kind::Staff,
                "digid" => Kind::DigiD,
                other => return Err(format!("{}={other:?} is not one of staff, digid", var(&id, "KIND"))),
            };
            let name = optional("NAME", if kind == Kind::DigiD { "DigiD" } else { &id });
            let match_claim = optional("MATCH", "email");
            if !["email", "preferred_username", "upn", "sub"].contains(&match_claim.as_str()) {
                return Err(format!(
                    "{}={match_claim:?} is not one of email, preferred_username, upn, sub",
                    var(&id, "MATCH")
                ));
            }
            let bsn_claim = optional("BSN_CLAIM", "bsn");
            let mfa_acr =
                optional("MFA_ACR", "").split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
            let team = get(&var(&id, "PROVISION_TEAM"));
            let provision = match team {
                None => None,
                Some(team) => {
                    let role = optional("PROVISION_ROLE", "family_worker");
                    match Role::parse(&role).filter(|r| r.is_staff() && *r != Role::Admin) {
                        Some(r) => Some((team, r)),
                        None => {
                            return Err(format!(
                                "{}={role:?} is not one of family_worker, team_manager, analyst",
                                var(&id, "PROVISION_ROLE")
                            ));
                        }
                    }
                }
            };
            let issuer = required("ISSUER")?;
            if !(issuer.starts_with("https://")
                || issuer.starts_with("http://127.0.0.1")
                || issuer.starts_with("http://localhost"))
            {
                return Err(format!("{} must be an https:// address", var(&id, "ISSUER")));
            }
            let client_id = required("CLIENT_ID")?;
            let client_secret = match (get(&var(&id, "CLIENT_SECRET")), get(&var(&id, "CLIENT_SECRET_FILE"))) {
                (Some(s), _) => s,
                (None, Some(path)) => std::fs::read_to_string(&path)
                    .map_err(|e| format!("{}: cannot read {path}: {e}", var(&id, "CLIENT_SECRET_FILE")))?
                    .trim()
                    .to_owned(),
                (None, None) => return Err(format!("{} (or _FILE) is not set", var(&id, "CLIENT_SECRET"))),
            };
            providers.push(Provider {
                id,
                name,
                issuer,
                client_id,
                client_secret,
                kind,
                match_claim,
                provision,
                mfa_acr,
                bsn_claim,
                defaulted,
            });
        }
        if local_passwords == LocalPasswords::Off && !providers.iter().any(|p| p.kind == Kind::Staff) {
            return Err("BUURTTEAM_LOCAL_PASSWORDS=off needs a staff provider in BUURTTEAM_OIDC_PROVIDERS".into());
        }
        Ok(Self { providers, local_passwords, public_url })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn read(vars: &[(&str, &str)]) -> Result<SsoConfig, String> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        SsoConfig::from_vars(|k| map.get(k).cloned())
    }

    #[test]
    fn reads_providers_from_numbered_variables() {
        let c = read(&[
            ("BUURTTEAM_PUBLIC_URL", "https://bt.example.nl/"),
            ("BUURTTEAM_OIDC_PROVIDERS", "entra, digid"),
            ("BUURTTEAM_OIDC_ENTRA_NAME", "Gemeente"),
            ("BUURTTEAM_OIDC_ENTRA_ISSUER", "https://login.example/v2.0"),
            ("BUURTTEAM_OIDC_ENTRA_CLIENT_ID", "a"),
            ("BUURTTEAM_OIDC_ENTRA_CLIENT_SECRET", "s"),
            ("BUURTTEAM_OIDC_ENTRA_PROVISION_TEAM", "Noord"),
            ("BUURTTEAM_OIDC_DIGID_KIND", "digid"),
            ("BUURTTEAM_OIDC_DIGID_ISSUER", "https://broker.example"),
            ("BUURTTEAM_OIDC_DIGID_CLIENT_ID", "b"),
            ("BUURTTEAM_OIDC_DIGID_CLIENT_SECRET", "t"),
        ])
        .expect("config");
        assert_eq!(c.providers.len(), 2);
        assert_eq!(c.providers[0].provision, Some(("Noord".into(), Role::FamilyWorker)));
        assert_eq!(c.providers[1].name, "DigiD");
        assert_eq!(c.providers[1].kind, Kind::DigiD);
        assert_eq!(c.providers[0].redirect_uri(&c.public_url), "https://bt.example.nl/login/sso/entra/callback");
        assert!(!format!("{:?}", c.providers[0]).contains("client_secret"), "no secret in logs");
    }

    #[test]
    fn refuses_what_an_operator_would_regret() {
        let base = [
            ("BUURTTEAM_PUBLIC_URL", "https://bt.example.nl"),
            ("BUURTTEAM_OIDC_PROVIDERS", "kc"),
            ("BUURTTEAM_OIDC_KC_ISSUER", "https://kc.example/realms/bt"),
            ("BUURTTEAM_OIDC_KC_CLIENT_ID", "a"),
            ("BUURTTEAM_OIDC_KC_CLIENT_SECRET", "s"),
        ];
        assert!(read(&base).is_ok());
        let with = |extra: (&'static str, &'static str)| {
            let mut v = base.to_vec();
            v.push(extra);
            read(&v)
        };
        assert!(with(("BUURTTEAM_OIDC_KC_PROVISION_TEAM", "Noord")).is_ok());
        let mut admin = base.to_vec();
        admin.extend([("BUURTTEAM_OIDC_KC_PROVISION_TEAM", "Noord"), ("BUURTTEAM_OIDC_KC_PROVISION_ROLE", "admin")]);
        assert!(read(&admin).is_err(), "nobody becomes an admin by logging in");
        assert!(with(("BUURTTEAM_OIDC_KC_ISSUER", "http://kc.example")).is_err());
        assert!(with(("BUURTTEAM_OIDC_KC_MATCH", "name")).is_err());
        assert_eq!(read(&base[1..]).expect("config").public_url, "", "the binary fills in where it listens");
        assert!(read(&[("BUURTTEAM_LOCAL_PASSWORDS", "off")]).is_err(), "nobody could log in");
    }

    #[test]
    fn local_passwords_are_for_staff_roles_only() {
        assert!(LocalPasswords::Off.allow(Role::FamilyMember));
        assert!(!LocalPasswords::Off.allow(Role::Admin));
        assert!(LocalPasswords::AdminsOnly.allow(Role::Admin));
        assert!(!LocalPasswords::AdminsOnly.allow(Role::FamilyWorker));
    }
}
