//! The access log of a case, for team managers.

use super::*;

// ---------------------------------------------------------------------------------------
// The access log of a case, for team managers.

pub struct AccessRow {
    pub when: String,
    pub who: String,
    pub role: String,
    pub what: String,
    pub goal: String,
    pub about: String,
    pub session: String,
}

#[derive(Template)]
#[template(path = "plan_access_log.html")]
struct AccessLogPage {
    page: Chrome,
    head: Head,
    rows: Vec<AccessRow>,
    limit: i64,
}

/// The catalogue key of an access-log action `a.b_c`: `access-action-a-b-c`. Every
/// [`AuditAction`] has one (a test below); a code this version does not know shows as itself.
pub(super) fn access_action_key(action: &str) -> String {
    format!("access-action-{}", action.replace(['.', '_'], "-"))
}

pub async fn access_log(State(state): State<AppState>, staff: StaffPage, Path(id): Path<i64>) -> Response {
    let chrome = staff.chrome("");
    // The log first: only team managers read it, and for anyone else nothing else is read.
    let log = or_error_page!(uc::case_access_log(&state.app, &staff.actor, CaseId(id)).await, &chrome);
    let file = or_error_page!(cases::file(&state.app, &staff.actor, CaseId(id)).await, &chrome);
    let tr = staff.tr();
    let tz = state.app.settings.time_zone.clone();
    let rows = log
        .iter()
        .map(|r| {
            let key = access_action_key(&r.action);
            let mut what = tr.t(&key);
            if what == key {
                what = r.action.clone();
            }
            let mut about = r.client_id.and_then(|c| name_in(&file, c)).unwrap_or_default();
            if let Some(person) = r.acting_for.and_then(|p| name_in(&file, p)) {
                about = tr.t1("access-acting-for", "name", person);
            }
            AccessRow {
                when: when(tr, &tz, r.occurred_at),
                who: match (&r.actor_name, r.actor_user_id) {
                    // The account's number tells two people of the same name apart.
                    (Some(name), Some(user)) => {
                        tr.t2("access-who", "name", name.as_str(), "account", user.0.to_string())
                    }
                    (Some(name), None) => name.clone(),
                    _ => "—".to_owned(),
                },
                role: r.actor_role.as_deref().map(|c| tr.code("role", c)).unwrap_or_else(|| "—".to_owned()),
                what,
                goal: r.goal_title.clone().unwrap_or_default(),
                about,
                session: r.session_ref.clone().unwrap_or_default(),
            }
        })
        .collect();
    render(
        StatusCode::OK,
        &AccessLogPage { page: chrome, head: Head::of(tr, &file), rows, limit: uc::ACCESS_LOG_LIMIT },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every action, refusals and answered retries included, reads as words in a team
    /// manager's access log, in Dutch and in English; no label is left for an action that no
    /// longer exists.
    #[test]
    fn every_audit_action_has_a_label_in_the_access_log() {
        use buurtteam_domain::audit::AuditAction;
        let keys: Vec<String> = AuditAction::ALL.iter().map(|a| access_action_key(a.as_str())).collect();
        let sources = [include_str!("../../../locales/nl-plan.ftl"), include_str!("../../../locales/en-plan.ftl")];
        crate::pages::i18n::assert_labels("access-action-", &keys, &sources);
    }
}
