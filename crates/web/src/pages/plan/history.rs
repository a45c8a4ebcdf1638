//! The history of the plan: every version in words.

use super::*;
use buurtteam_domain::audit::AuditAction;

// ---------------------------------------------------------------------------------------
// The history: every version in words.

pub struct HistoryRow {
    pub version: i64,
    pub when: String,
    pub who: String,
    pub what: String,
    pub goal: String,
    pub details: Vec<String>,
}

#[derive(Template)]
#[template(path = "plan_history.html")]
struct HistoryPage {
    page: Chrome,
    head: Head,
    rows: Vec<HistoryRow>,
}

/// Reads the versions into words: the goal each concerns (by its latest title), and for each
/// change what was set or what went from what to what.
struct Describer<'a> {
    tr: Tr,
    file: &'a CaseFile,
    goals: std::collections::HashMap<i64, String>,
    invitations: std::collections::HashMap<i64, String>,
}

fn text_of(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned)
}

impl<'a> Describer<'a> {
    fn new(tr: Tr, file: &'a CaseFile, versions: &[Version]) -> Self {
        let mut goals = std::collections::HashMap::new();
        let mut invitations = std::collections::HashMap::new();
        // Oldest first, so that the latest title wins.
        for v in versions.iter().rev() {
            let Some(after) = &v.state_after else { continue };
            if let (Some(goal), Some(title)) = (v.goal_id, text_of(after, "title")) {
                goals.insert(goal.0, title);
            }
            if v.kind() == Some(AuditAction::NetworkInvited)
                && let Some(inv) = after.get("invitation_id").and_then(Value::as_i64)
            {
                let name = text_of(after, "name").unwrap_or_default();
                let relation = text_of(after, "relation").unwrap_or_default();
                invitations.insert(inv, format!("{name} ({relation})"));
            }
        }
        Self { tr, file, goals, invitations }
    }

    /// A goal field's value in words.
    fn value(&self, key: &str, v: Option<&Value>) -> String {
        let tr = self.tr;
        let v = v.unwrap_or(&Value::Null);
        match key {
            "life_domain" => v.as_str().map(|c| tr.code("life-domain", c)).unwrap_or_default(),
            "status" => v.as_str().map(|c| tr.code("goal-status", c)).unwrap_or_default(),
            "client_id" => owner_label(tr, self.file, v.as_i64().map(PersonId)),
            "confidential" | "shared" => tr.t(if v.as_bool() == Some(true) { "plan-yes" } else { "plan-no" }),
            _ => match v.as_str() {
                Some(s) if !s.is_empty() => format!("“{s}”"),
                _ => "—".to_owned(),
            },
        }
    }

    fn field_label(&self, key: &str) -> String {
        self.tr.t(&format!("plan-field-{}", key.replace('_', "-")))
    }

    fn date(&self, v: &Value, key: &str) -> Option<String> {
        text_of(v, key).and_then(|d| d.parse::<Date>().ok()).map(|d| self.tr.date(&d))
    }

    fn details(&self, version: &Version) -> Vec<String> {
        let tr = self.tr;
        let none = Value::Null;
        let before = version.state_before.as_ref().unwrap_or(&none);
        let after = version.state_after.as_ref().unwrap_or(&none);
        const GOAL_FIELDS: &[&str] = &[
            "title",
            "description",
            "life_domain",
            "client_id",
            "status",
            "confidential",
            "confidential_reason",
            "shared",
        ];
        let set = |key: &str| {
            tr.t2("plan-history-set", "field", self.field_label(key), "value", self.value(key, after.get(key)))
        };
        match version.kind() {
            Some(AuditAction::GoalAdded) => {
                let mut out: Vec<String> = ["title", "life_domain", "client_id"].iter().map(|k| set(k)).collect();
                if after.get("confidential").and_then(Value::as_bool) == Some(true) {
                    out.push(set("confidential_reason"));
                }
                out
            }
            Some(AuditAction::GoalChanged | AuditAction::GoalSharingChanged | AuditAction::GoalProposalAccepted) => {
                GOAL_FIELDS
                    .iter()
                    .filter(|k| before.get(**k) != after.get(**k))
                    .map(|k| {
                        tr.tn(
                            "plan-history-changed",
                            &[
                                ("field", self.field_label(k).into()),
                                ("before", self.value(k, before.get(*k)).into()),
                                ("after", self.value(k, after.get(*k)).into()),
                            ],
                        )
                    })
                    .collect()
            }
            Some(AuditAction::GoalScored) => {
                let score = after.get("score").and_then(Value::as_i64).unwrap_or_default();
                let on = self.date(after, "measured_on").unwrap_or_default();
                vec![tr.t2("plan-history-score", "score", score_label(tr, score), "date", on)]
            }
            Some(AuditAction::ActionAdded) => {
                let mut out =
                    vec![tr.t1("plan-history-action", "action", text_of(after, "description").unwrap_or_default())];
                if let Some(p) = text_of(after, "performer") {
                    // Who exactly: the household member, the network member or the organisation.
                    let named = after
                        .get("performer_person_id")
                        .and_then(Value::as_i64)
                        .and_then(|id| name_in(self.file, PersonId(id)))
                        .or_else(|| {
                            let inv = after.get("performer_invitation_id").and_then(Value::as_i64)?;
                            self.invitations.get(&inv).cloned()
                        })
                        .or_else(|| text_of(after, "performer_name"));
                    let mut value = tr.code("performer", &p);
                    if let Some(name) = named.filter(|n| !n.is_empty()) {
                        value = format!("{value}: {name}");
                    }
                    out.push(tr.t2("plan-history-set", "field", tr.t("plan-field-performer"), "value", value));
                }
                if let Some(due) = self.date(after, "due_on") {
                    out.push(tr.t1("plan-action-due", "date", due));
                }
                out
            }
            Some(AuditAction::ActionDone | AuditAction::ActionReopened) => {
                vec![tr.t1("plan-history-action", "action", text_of(after, "description").unwrap_or_default())]
            }
            Some(AuditAction::EvaluationRecorded) => {
                let e = after.get("evaluation").unwrap_or(&none);
                let mut out = Vec::new();
                if let Some(held) = self.date(e, "held_on") {
                    out.push(tr.t1("plan-history-evaluation-held", "date", held));
                }
                if let Some(next) = self.date(e, "next_on") {
                    out.push(tr.t2("plan-history-set", "field", tr.t("label-evaluation-next-on"), "value", next));
                }
                for s in after.get("scores").and_then(Value::as_array).into_iter().flatten() {
                    let goal = s.get("goal_id").and_then(Value::as_i64).unwrap_or_default();
                    let score = s.get("score").and_then(Value::as_i64).unwrap_or_default();
                    out.push(tr.t2(
                        "plan-history-goal-score",
                        "goal",
                        self.goals.get(&goal).cloned().unwrap_or_default(),
                        "score",
                        score_label(tr, score),
                    ));
                }
                out
            }
            Some(AuditAction::NetworkInvited | AuditAction::NetworkRevoked) => {
                let inv = after.get("invitation_id").and_then(Value::as_i64).unwrap_or_default();
                vec![tr.t1("plan-history-network", "name", self.invitations.get(&inv).cloned().unwrap_or_default())]
            }
            _ => Vec::new(),
        }
    }

    fn row(&self, tz: &TimeZone, v: &Version) -> HistoryRow {
        let tr = self.tr;
        let key = plan_change_key(&v.change);
        let mut what = tr.t(&key);
        if what == key {
            what = v.change.clone();
        }
        HistoryRow {
            version: v.version,
            when: when(tr, tz, v.created_at),
            who: format!("{} ({})", v.changed_by.name, tr.code("role", v.changed_by.role.code())),
            what,
            goal: v.goal_id.and_then(|g| self.goals.get(&g.0).cloned()).unwrap_or_default(),
            details: self.details(v),
        }
    }
}

pub async fn history(State(state): State<AppState>, staff: StaffPage, Path(id): Path<i64>) -> Response {
    let chrome = staff.chrome("");
    let file = or_error_page!(cases::file(&state.app, &staff.actor, CaseId(id)).await, &chrome);
    let versions = or_error_page!(uc::history(&state.app, &staff.actor, CaseId(id)).await, &chrome);
    let tr = staff.tr();
    let tz = state.app.settings.time_zone.clone();
    let describer = Describer::new(tr, &file, &versions);
    let rows = versions.iter().map(|v| describer.row(&tz, v)).collect();
    render(StatusCode::OK, &HistoryPage { page: chrome, head: Head::of(tr, &file), rows })
}

/// The catalogue key of a plan change `a.b_c`: `plan-change-a-b-c`. Every change of the plan
/// ([`AuditAction::is_plan_change`]) has one (a test below); a code this version does not know
/// shows as itself.
fn plan_change_key(change: &str) -> String {
    format!("plan-change-{}", change.replace(['.', '_'], "-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every change of the plan reads as words in its history, in Dutch and in English, and
    /// no label is left for a change that no longer makes a version.
    #[test]
    fn every_plan_change_has_a_label_in_the_history() {
        let keys: Vec<String> =
            AuditAction::ALL.iter().filter(|a| a.is_plan_change()).map(|a| plan_change_key(a.as_str())).collect();
        assert!(!keys.is_empty());
        let sources = [include_str!("../../../locales/nl-plan.ftl"), include_str!("../../../locales/en-plan.ftl")];
        crate::pages::i18n::assert_labels("plan-change-", &keys, &sources);
    }
}
