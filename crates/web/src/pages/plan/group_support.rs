//! The plan page's section "Groepsaanbod overwogen?" (issue 19): whether group support was
//! considered and, if it is not used, why; the groups the family takes part in. The form
//! posts `app::plan::GroupSupportInput`, as `PUT /api/v1/cases/{id}/group-support` takes it.

use buurtteam_app::plan::{GroupSupportInput, GroupSupportView, PlanView};
use buurtteam_domain::group_support::NotUsedReason;

use super::*;

/// What the section shows.
pub struct GroupSupportCard {
    /// "Ja, overwogen" / "Nee, nog niet overwogen" / "Nog niet vastgelegd".
    pub state: String,
    /// Whether considered (or used): the badge's colour.
    pub considered: bool,
    /// The groups the family takes part in ("Neemt deel aan ...").
    pub groups: Vec<String>,
    /// The reason in words, with the free text.
    pub reason: Option<String>,
    pub reason_text: String,
    /// "Vastgelegd op 20 juni 2026".
    pub recorded: Option<String>,
    pub may_record: bool,
    pub form: FormState,
    pub considered_options: Options,
    pub reason_options: Options,
}

/// The section of the plan page, for a reader who may read it.
pub(super) fn card(tr: Tr, plan: &PlanView, form: Option<FormState>) -> Option<GroupSupportCard> {
    let v: &GroupSupportView = plan.group_support.as_ref()?;
    let record = v.record.as_ref();
    let state = match (v.considered(), record) {
        (true, _) => tr.t("group-support-state-considered"),
        (false, Some(_)) => tr.t("group-support-state-not-considered"),
        (false, None) => tr.t("group-support-state-not-recorded"),
    };
    // The form starts from what was recorded.
    let form = form.unwrap_or_else(|| {
        let mut pairs = Vec::new();
        if let Some(r) = record {
            pairs.push(("considered".to_owned(), r.considered.to_string()));
            if let Some(reason) = r.reason {
                pairs.push(("reason".to_owned(), reason.code().to_owned()));
            }
            pairs.push(("reason_text".to_owned(), r.reason_text.clone()));
        }
        Target::GroupSupport.form(pairs)
    });
    let mut reason_options = vec![(String::new(), tr.t("group-support-reason-none"))];
    reason_options
        .extend(NotUsedReason::ALL.iter().map(|r| (r.code().to_owned(), tr.code("group-support-reason", r.code()))));
    Some(GroupSupportCard {
        state,
        considered: v.considered(),
        groups: v.groups.clone(),
        reason: record.and_then(|r| r.reason).map(|r| tr.code("group-support-reason", r.code())),
        reason_text: record.map(|r| r.reason_text.clone()).unwrap_or_default(),
        recorded: record.map(|r| tr.t1("group-support-recorded-on", "date", tr.date(&r.recorded_on))),
        may_record: v.may_record,
        form,
        considered_options: vec![
            ("true".to_owned(), tr.t("group-support-considered-yes")),
            ("false".to_owned(), tr.t("group-support-considered-no")),
        ],
        reason_options,
    })
}

/// `POST /cases/{id}/plan/group-support`: records it and returns to the section, or shows the
/// plan again with the errors beside the fields.
pub async fn record_group_support(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: PageForm<GroupSupportInput>,
) -> Response {
    let PageForm { page, input, values, rows } = form;
    let result = uc::record_group_support(&state.app, &page.actor, CaseId(id), &input).await;
    after(&state, &page, id, (values, rows), result, Target::GroupSupport, |_| "group-support-heading".to_owned()).await
}
