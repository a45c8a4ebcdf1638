//! The inzage as a readable PDF: the same DTO as the JSON (`api::inzage::InzageOut`), told
//! in plain Dutch (B1) with a heading per part. Every text comes from the catalogue
//! (`inzage-pdf-*`); the document is always Dutch, the language of the file.

use buurtteam_domain::audit::AuditAction;
use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::api::inzage::InzageOut;
use crate::pages::i18n::{Lang, Tr};
use crate::pdf::{self, Block};

fn when(tr: Tr, tz: &TimeZone, ts: Timestamp) -> String {
    let z = ts.to_zoned(tz.clone());
    tr.t2("portal-date-time", "date", tr.date(&z.date()), "time", format!("{:02}:{:02}", z.hour(), z.minute()))
}

fn or_dash(v: Option<String>) -> String {
    v.filter(|s| !s.trim().is_empty()).unwrap_or_else(|| "—".to_owned())
}

/// The document's blocks, in reading order.
pub(crate) fn blocks(tr: Tr, tz: &TimeZone, x: &InzageOut) -> Vec<Block> {
    let mut b = Vec::new();
    let s = &x.subject;
    b.push(Block::Title(tr.t1("inzage-pdf-title", "name", s.name.clone())));
    b.push(Block::Meta(tr.t2(
        "inzage-pdf-made",
        "organisation",
        x.organisation.clone(),
        "date",
        when(tr, tz, x.generated_at),
    )));
    b.push(Block::Para(tr.t("inzage-pdf-intro")));
    if let Some(r) = &x.written_request {
        b.push(Block::Para(tr.t2("inzage-pdf-request", "date", tr.date(&r.received_on), "who", r.produced_by.clone())));
    }

    b.push(Block::Heading(tr.t("inzage-pdf-you")));
    b.push(Block::Item(tr.t1("inzage-pdf-name", "value", s.name.clone())));
    if let Some(d) = s.birth_date {
        b.push(Block::Item(tr.t1("inzage-pdf-birth-date", "value", tr.date(&d))));
    }
    if let Some(r) = &s.household_role {
        b.push(Block::Item(tr.t1("inzage-pdf-role", "value", r.label.clone())));
    }
    if s.kind == "household_member" {
        b.push(Block::Item(tr.t(if s.client { "inzage-pdf-client-yes" } else { "inzage-pdf-client-no" })));
        b.push(Block::Item(tr.t1("inzage-pdf-phone", "value", or_dash(s.phone.clone()))));
        if let Some(p) = &s.other_phone {
            b.push(Block::Item(tr.t1("inzage-pdf-other-phone", "value", p.clone())));
        }
        b.push(Block::Item(tr.t1("inzage-pdf-email", "value", or_dash(s.email.clone()))));
    }
    for r in &s.network_relations {
        b.push(Block::Item(tr.t1("inzage-pdf-relation", "value", r.clone())));
    }

    if let Some(c) = &x.case {
        b.push(Block::Heading(tr.t("inzage-pdf-case")));
        b.push(Block::Item(tr.t1("inzage-pdf-case-number", "value", c.id)));
        b.push(Block::Item(tr.t1("inzage-pdf-case-status", "value", c.status.label.clone())));
        b.push(Block::Item(tr.t1("inzage-pdf-referred-on", "value", tr.date(&c.referred_on))));
        if let Some(d) = c.started_on {
            b.push(Block::Item(tr.t1("inzage-pdf-started-on", "value", tr.date(&d))));
        }
        if let Some(d) = c.closed_on {
            b.push(Block::Item(tr.t1("inzage-pdf-closed-on", "value", tr.date(&d))));
        }
    }
    if let Some(c) = &x.contact {
        b.push(Block::Heading(tr.t("inzage-pdf-contact")));
        b.push(Block::Item(match &c.worker_name {
            Some(w) => tr.t2("portal-contact-worker", "name", w.clone(), "team", c.team_name.clone()),
            None => tr.t1("portal-contact-no-worker", "team", c.team_name.clone()),
        }));
        if let Some(p) = &c.phone {
            b.push(Block::Item(tr.t1("inzage-pdf-phone", "value", p.clone())));
        }
        if let Some(e) = &c.email {
            b.push(Block::Item(tr.t1("inzage-pdf-email", "value", e.clone())));
        }
    }
    if !x.household.is_empty() {
        b.push(Block::Heading(tr.t("inzage-pdf-household")));
        for m in &x.household {
            let client = if m.client { format!(", {}", tr.t("inzage-pdf-is-client")) } else { String::new() };
            b.push(Block::Item(format!("{} ({}{client})", m.name, m.household_role.label.to_lowercase())));
        }
    }

    b.push(Block::Heading(tr.t("inzage-pdf-goals")));
    if x.goals.is_empty() {
        b.push(Block::Para(tr.t("inzage-pdf-none")));
    }
    for g in &x.goals {
        b.push(Block::Subheading(g.title.clone()));
        let whose = match &g.client_name {
            Some(n) => tr.t1("inzage-pdf-goal-of", "name", n.clone()),
            None => tr.t("inzage-pdf-goal-of-household"),
        };
        b.push(Block::Meta(format!("{whose} · {} · {}", g.life_domain.label, g.status.label)));
        if !g.description.trim().is_empty() {
            b.push(Block::Para(g.description.clone()));
        }
        if let Some(reason) = &g.confidential_reason {
            b.push(Block::Meta(tr.t1("inzage-pdf-confidential", "reason", reason.clone())));
        }
        if let Some(scores) = &g.scores {
            for sc in scores {
                b.push(Block::Item(tr.tn(
                    "portal-score",
                    &[("score", i64::from(sc.score).into()), ("date", tr.date(&sc.measured_on).into())],
                )));
            }
        }
        for a in &g.actions {
            let who = a.performer_name.clone().unwrap_or_else(|| a.performer.label.clone());
            let mut line = tr.t2("inzage-pdf-action", "what", a.description.clone(), "who", who);
            if let Some(d) = a.due_on {
                line.push_str(&format!(" {}", tr.t1("portal-action-due", "date", tr.date(&d))));
            }
            if let Some(d) = a.done_on {
                line.push_str(&format!(" {}", tr.t1("portal-action-done-on", "date", tr.date(&d))));
            }
            b.push(Block::Item(line));
        }
        for c in &g.comments {
            b.push(Block::Item(tr.t2(
                "inzage-pdf-comment",
                "who",
                format!("{} ({})", c.author_name, c.author_role.label.to_lowercase()),
                "text",
                c.body.clone(),
            )));
            b.push(Block::Meta(when(tr, tz, c.created_at)));
        }
        for p in &g.proposals {
            b.push(Block::Item(tr.t2(
                "inzage-pdf-proposal",
                "title",
                p.title.clone(),
                "status",
                p.status.label.clone(),
            )));
        }
        for n in &g.network {
            b.push(Block::Item(tr.t2("inzage-pdf-network", "name", n.name.clone(), "relation", n.relation.clone())));
        }
    }

    if let Some(list) = &x.evaluations {
        b.push(Block::Heading(tr.t("inzage-pdf-evaluations")));
        if list.is_empty() {
            b.push(Block::Para(tr.t("inzage-pdf-none")));
        }
        for e in list {
            b.push(Block::Subheading(tr.date(&e.held_on)));
            b.push(Block::Para(tr.t1("inzage-pdf-went-well", "text", e.went_well.clone())));
            b.push(Block::Para(tr.t1("inzage-pdf-changes", "text", e.changes.clone())));
        }
    }
    if let Some(list) = &x.appointments {
        b.push(Block::Heading(tr.t("inzage-pdf-appointments")));
        if list.is_empty() {
            b.push(Block::Para(tr.t("inzage-pdf-none")));
        }
        for a in list {
            b.push(Block::Item(format!("{} — {} ({})", when(tr, tz, a.starts_at), a.description, a.place)));
        }
    }
    if !x.agreements.is_empty() {
        b.push(Block::Heading(tr.t("inzage-pdf-agreements")));
        for a in &x.agreements {
            b.push(Block::Item(tr.t2(
                "inzage-pdf-agreement",
                "version",
                a.version,
                "date",
                when(tr, tz, a.created_at),
            )));
        }
    }
    if let Some(rows) = &x.access_log {
        b.push(Block::Heading(tr.t("inzage-pdf-access-log")));
        b.push(Block::Para(tr.t("inzage-pdf-access-log-intro")));
        if rows.is_empty() {
            b.push(Block::Para(tr.t("inzage-pdf-none")));
        }
        for r in rows {
            let who = match (&r.actor_name, &r.actor_role) {
                (Some(n), Some(role)) => format!("{n} ({})", role.label.to_lowercase()),
                (Some(n), None) => n.clone(),
                _ => tr.t("portal-log-someone"),
            };
            let goal = r.goal_title.clone().unwrap_or_default();
            // The portal's own sentence: working notes show as the file read or brought up to
            // date, which is what the portal says of them too.
            let stored = match r.action.as_str() {
                "file.read" => Some(AuditAction::WorkingNotesRead),
                "file.updated" => Some(AuditAction::WorkingNoteAdded),
                code => AuditAction::parse(code),
            };
            let sentence = match stored {
                Some(AuditAction::PlanRead) if r.goal_title.is_some() => {
                    tr.tn("portal-log-goal-read", &[("who", who.into()), ("goal", goal.into())])
                }
                Some(action) => tr.audit(action, who, goal),
                None => tr.tn(
                    if r.goal_title.is_some() { "portal-log-other-goal" } else { "portal-log-other" },
                    &[("who", who.into()), ("goal", goal.into())],
                ),
            };
            let times =
                if r.times > 1 { tr.t1("inzage-pdf-times", "count", i64::from(r.times)) } else { String::new() };
            b.push(Block::Item(format!("{} — {sentence}{times}", when(tr, tz, r.occurred_at))));
        }
    }
    b.push(Block::Heading(tr.t("inzage-pdf-not-in")));
    b.push(Block::Para(tr.t("inzage-pdf-not-in-text")));
    b
}

/// The PDF of an inzage, in Dutch.
pub(crate) fn pdf(x: &InzageOut, tz: &TimeZone) -> Option<Vec<u8>> {
    let tr = Tr::new(Lang::Nl);
    let title = tr.t1("inzage-pdf-title", "name", x.subject.name.clone());
    let made = tr.date(&x.generated_at.to_zoned(tz.clone()).date());
    pdf::render(&title, "nl", &blocks(tr, tz, x), |n, of| {
        tr.tn(
            "inzage-pdf-footer",
            &[
                ("organisation", x.organisation.clone().into()),
                ("date", made.clone().into()),
                ("page", (n as i64).into()),
                ("pages", (of as i64).into()),
            ],
        )
    })
}
