//! The outreach section of the dashboards, their exports and the half-year report (issue 16):
//! per campaign, approach and district the cumulative funnel of the addresses in the scope as
//! it stood at the end of the period (addresses, reached, offer made, accepted, declined,
//! unreachable, each with its rate), the offer rate per approach side by side in a chart, and
//! the declines by reason. Read through `app::outreach_steering` with the logged-in actor, so
//! the dashboards' rule per scope holds: exact for a team's own staff, small counts suppressed
//! for the rest, no section for those who may not read the scope.

use buurtteam_app::outreach_steering::{self as steering_uc, CampaignFunnel};
use buurtteam_domain::outreach::{Approach, DeclineReason};
use buurtteam_domain::outreach_steering::{STAGES, ShownStages, Stage};
use buurtteam_domain::policy::Actor;

use super::*;

fn count(c: &Count) -> Cell {
    match c {
        Shown::Value(v) => Cell::Number(*v as f64, 0),
        Shown::Suppressed => Cell::Suppressed,
        Shown::Protected => Cell::Protected,
    }
}

fn rate(s: &Stat) -> Cell {
    match s {
        Shown::Value(Some(v)) => Cell::Pct(*v),
        Shown::Value(None) => Cell::Empty,
        Shown::Suppressed => Cell::Suppressed,
        Shown::Protected => Cell::Protected,
    }
}

/// The cells of one funnel row after its label: the addresses, then each stage and its rate.
pub fn stage_cells(s: &ShownStages) -> Vec<Cell> {
    let mut cells = vec![count(&s.addresses)];
    for (c, r) in &s.stages {
        cells.push(count(c));
        cells.push(rate(r));
    }
    cells
}

/// The columns of a funnel table after the first.
fn stage_columns(tr: Tr, first: &str) -> Vec<String> {
    let mut columns = vec![tr.t(first), tr.t("dash-outreach-addresses")];
    for s in STAGES {
        let key = format!("dash-outreach-{}", s.code().replace('_', "-"));
        columns.push(tr.t(&key));
        columns.push(tr.t(&format!("{key}-pct")));
    }
    columns
}

fn approach_label(tr: Tr, a: Approach) -> String {
    tr.t(&format!("campaign-approach-{}", a.code().replace('_', "-")))
}

fn row(label: String, cells: Vec<Cell>) -> Vec<Cell> {
    let mut r = vec![Cell::Text(label)];
    r.extend(cells);
    r
}

/// The approaches a campaign's rows show: with small counts suppressed every approach (a
/// missing row would tell a zero); exact, those with addresses.
fn approaches(c: &CampaignFunnel) -> Vec<&(Approach, ShownStages)> {
    let f = &c.funnel;
    f.by_approach.iter().filter(|(_, s)| f.small_counts_suppressed || !matches!(s.addresses, Shown::Value(0))).collect()
}

/// The outreach tables for the dashboard, or none when the reader may not read the scope.
pub async fn tables(state: &AppState, actor: &Actor, tr: Tr, sel: &Selection) -> Vec<DataTable> {
    let Ok(Some(view)) = steering_uc::read(&state.app, actor, sel.scope, sel.period.to).await else {
        return Vec::new();
    };
    let districts = match state.app.db.begin_read().await {
        Ok(mut tx) => buurtteam_store::organisation::list_districts(&mut tx).await.unwrap_or_default(),
        Err(_) => Vec::new(),
    };
    let district_name = |id: buurtteam_domain::ids::DistrictId| {
        districts.iter().find(|d| d.id == id).map_or_else(|| id.0.to_string(), |d| d.name.clone())
    };
    build_tables(tr, &view.campaigns, &tr.date(&view.until), district_name)
}

/// The four tables: per campaign, per approach (with the offer rates side by side), per
/// district, and the declines by reason; without campaigns only the first, saying so.
pub fn build_tables(
    tr: Tr,
    campaigns: &[CampaignFunnel],
    until: &str,
    district_name: impl Fn(buurtteam_domain::ids::DistrictId) -> String,
) -> Vec<DataTable> {
    let part = |c: &CampaignFunnel, p: String| tr.t2("dash-outreach-row", "campaign", c.name.as_str(), "part", p);
    let note =
        if campaigns.is_empty() { tr.t("dash-outreach-none") } else { tr.t1("dash-outreach-note", "date", until) };
    let overall = DataTable {
        name: "outreach_campaigns",
        title: tr.t("dash-outreach-title"),
        columns: stage_columns(tr, "dash-outreach-campaign"),
        rows: campaigns.iter().map(|c| row(c.name.clone(), stage_cells(&c.funnel.total))).collect(),
        chart: None,
        no_chart: Some(note),
    };
    if campaigns.is_empty() {
        return vec![overall];
    }

    let mut by_approach = DataTable {
        name: "outreach_approaches",
        title: tr.t("dash-outreach-approaches-title"),
        columns: stage_columns(tr, "dash-outreach-campaign-approach"),
        rows: campaigns
            .iter()
            .flat_map(|c| approaches(c).into_iter().map(|(a, s)| row(part(c, approach_label(tr, *a)), stage_cells(s))))
            .collect(),
        chart: None,
        no_chart: None,
    };
    // The offer rate per approach side by side (the seeds' 15% by house visits against 5% by
    // phone and flyer): a bar chart per campaign, of the approaches whose rate is shown.
    let series = [(tr.t("dash-outreach-offer-made-pct"), "current")];
    let fmt = move |v: f64| format!("{}%", number(tr, v, if v.fract() == 0.0 { 0 } else { 1 }));
    let mut charts = String::new();
    for c in campaigns {
        let groups: Vec<Group> = approaches(c)
            .into_iter()
            .filter_map(|(a, s)| {
                let cell = rate(&s.rate(Stage::OfferMade));
                let value = cell.value()?;
                Some(Group {
                    label: approach_label(tr, *a),
                    points: vec![Point { value: Some(value), text: format!("{}%", cell.text(tr)) }],
                })
            })
            .collect();
        if groups.is_empty() {
            continue;
        }
        charts.push_str(&charts::bar_chart(&BarChart {
            id: &format!("chart-outreach-approaches-{}", c.id),
            title: &tr.t1("dash-outreach-chart-title", "campaign", c.name.as_str()),
            series: &series,
            groups: &groups,
            max: Some(100.0),
            reference: None,
            axis_label: &fmt,
            empty_text: &tr.t("dash-no-data"),
        }));
    }
    if charts.is_empty() {
        by_approach.no_chart = Some(tr.t("dash-outreach-no-rates"));
    } else {
        by_approach.chart = Some(charts);
    }

    let by_district = DataTable {
        name: "outreach_districts",
        title: tr.t("dash-outreach-districts-title"),
        columns: stage_columns(tr, "dash-outreach-campaign-district"),
        rows: campaigns
            .iter()
            .flat_map(|c| c.funnel.by_district.iter().map(|(d, s)| row(part(c, district_name(*d)), stage_cells(s))))
            .collect(),
        chart: None,
        no_chart: None,
    };

    let mut columns = vec![tr.t("dash-outreach-campaign"), tr.t("dash-outreach-declined")];
    columns.extend(
        DeclineReason::ALL.iter().map(|r| tr.t(&format!("dash-outreach-reason-{}", r.code().replace('_', "-")))),
    );
    let declines = DataTable {
        name: "outreach_declines",
        title: tr.t("dash-outreach-declines-title"),
        columns,
        rows: campaigns
            .iter()
            .map(|c| {
                let mut r = vec![Cell::Text(c.name.clone()), count(&c.funnel.total.count(Stage::Declined))];
                r.extend(c.funnel.declined_by_reason.iter().map(|(_, n)| count(n)));
                r
            })
            .collect(),
        chart: None,
        no_chart: None,
    };
    vec![overall, by_approach, by_district, declines]
}
