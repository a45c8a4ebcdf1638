//! The steering dashboards, their exports and the half-year report over HTTP, on the seven
//! cases of `kpis::seven_cases` (team A: C1-C6, team B: C7; April and May 2026).

use crate::harness::Client;
use crate::kpis::seven_cases;

async fn get(c: &Client, path: &str) -> (u16, String, String, Vec<u8>) {
    let r = c.http.get(format!("{}{path}", c.base)).send().await.expect("GET");
    let status = r.status().as_u16();
    let ct = r.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let disposition =
        r.headers().get("content-disposition").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let bytes = r.bytes().await.expect("body").to_vec();
    (status, ct, disposition, bytes)
}

async fn text(c: &Client, path: &str) -> (u16, String, String) {
    let (status, ct, _, body) = get(c, path).await;
    (status, ct, String::from_utf8_lossy(&body).into_owned())
}

/// Whether a page shows a suppressed count: "<5" escaped by askama (in HTML) or by the chart
/// writer (in SVG).
fn suppressed(html: &str) -> bool {
    html.contains("&#60;5") || html.contains("&lt;5")
}

/// The second quarter of 2026 (April to June) against the first.
const Q2: &str = "period=quarter&start=2026-05-15";

#[tokio::test]
async fn a_team_dashboard_shows_exact_figures_to_its_manager() {
    let (t, o) = seven_cases().await;
    let audit_before = t.count("audit_log").await;
    let (status, ct, html) = text(&o.manager, &format!("/dashboards?scope=team-{}&{Q2}", o.team_a)).await;
    assert_eq!(status, 200, "{html}");
    assert_eq!(ct, "text/html; charset=utf-8");
    // One kpi.read for both periods; the survey's section adds survey_results.read and, for
    // the team's manager, survey_open_answers.read.
    assert_eq!(t.count("audit_log").await, audit_before + 3, "one kpi.read for both periods");
    assert!(html.contains("Sturing: Team Buurtteam Overvecht"));
    assert!(html.contains("Deze periode: 1 april 2026 t/m 30 juni 2026."));
    assert!(html.contains("Norm 90%"), "the intake target line, from the settings (default 90)");
    assert!(html.contains("Vergeleken met de vorige periode: 1 januari 2026 t/m 31 maart 2026."));
    // C1-C4 referred in the quarter; C5 in the first quarter, and C6 (2 March).
    assert!(html.contains("<p class=\"bt-kpi__label\">Aanmeldingen</p>\n    <p class=\"bt-kpi__value\">4</p>\n    <p class=\"bt-kpi__previous\">Vorige periode: 2</p>\n    <p class=\"bt-kpi__difference\">2 meer dan de vorige periode</p>"), "{html}");
    // Charts are images with a name, with the 90% target line on the intake chart.
    // One team: no comparison of teams or districts, no reach per district, no map.
    assert!(!html.contains("Aanmeldingen per team") && !html.contains("Aanmeldingen per wijk"), "{html}");
    assert!(!html.contains("Bereik per wijk") && !html.contains("bt-tilemap"));
    // Intake, sources, life domains, waiting time, duration, closures and contact forms: a
    // chart each where the quarter has figures, a sentence where it has none.
    // (The experience survey's tables follow, suppressed for everyone: decision 0031.)
    let kpis = html.split("bt-dash-table--survey").next().unwrap_or_default();
    let charts = kpis.matches("role=\"img\"").count();
    let empty = kpis.matches("class=\"utrecht-paragraph bt-chart-empty\"").count();
    // And the five group tables (issue 19): the overview, reasons, themes, districts, collective;
    // and absence and capacity (issue 20; no contract hours here, so no chart); GP practices
    // (issue 15: none recorded here, which the table says instead of a chart; the VE locations
    // table has no chart); onward referrals (issue 15: by kind, by district, the closures with
    // one; none recorded here, so a sentence each).
    assert_eq!(charts + empty, 17, "a chart or its absence for every table but the key figures");
    assert!(html.contains("Er zijn (nog) geen huisartsenpraktijken vastgelegd voor dit gebied."));
    assert!(html.contains("class=\"bt-chart__reference\""));
    assert!(html.contains("Norm 90%"));
    assert!(!suppressed(kpis), "a manager sees their own team exactly");
    assert!(html.contains(&format!("href=\"/dashboards/workbook.xlsx?scope=team-{}", o.team_a)), "download all");
    // Every text comes from the catalogue.
    assert!(!html.contains(">dash-") && !html.contains("\"dash-"), "a message key leaked into the page");
    assert!(!html.contains("style="), "no inline styles (CSP)");
}

#[tokio::test]
async fn csv_and_xlsx_exports_of_a_table() {
    let (_t, o) = seven_cases().await;
    let q = format!("scope=team-{}&{Q2}", o.team_a);
    let (status, ct, disposition, body) =
        get(&o.manager, &format!("/dashboards/export.csv?{q}&table=closures_by_reason")).await;
    assert_eq!(status, 200);
    assert_eq!(ct, "text/csv; charset=utf-8");
    assert_eq!(
        disposition,
        format!("attachment; filename=\"sturing-closures_by_reason-team-{}-quarter-2026-04-01.csv\"", o.team_a)
    );
    // C2 closed with a result on 29 May, C6 for another reason on 15 April; none in Q1.
    assert_eq!(
        String::from_utf8_lossy(&body),
        "\u{feff}Reden;Aantal deze periode;Aantal vorige periode\r\n\
         Passend resultaat;1;0\r\n\
         Externe omstandigheden;0;0\r\n\
         Overige redenen;1;0\r\n"
    );
    let (_, _, _, body) = get(&o.manager, &format!("/dashboards/export.csv?{q}&table=intake")).await;
    // C1 on time, C2 and C3 late: 1 of 3; without C3 (requested later) 1 of 2. Q1: C5 on time.
    assert_eq!(
        String::from_utf8_lossy(&body),
        "\u{feff}Cijfer;Deze periode;Vorige periode\r\n\
         Kennismaking binnen 5 werkdagen;33,3;100,0\r\n\
         Kennismaking binnen 5 werkdagen, zonder verzoek om later;50,0;100,0\r\n"
    );
    let (status, ct, _, body) =
        get(&o.manager, &format!("/dashboards/export.xlsx?{q}&table=referrals_by_source")).await;
    assert_eq!(status, 200);
    assert_eq!(ct, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert_eq!(&body[..2], b"PK");
    let (status, _, _) = text(&o.manager, &format!("/dashboards/export.csv?{q}&table=nonsense")).await;
    assert_eq!(status, 404);
    let (status, _, _) = text(&o.manager, &format!("/dashboards/export.pdf?{q}")).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn analysts_get_suppressed_pages_and_exports() {
    let (_t, o) = seven_cases().await;
    let (status, _, html) = text(&o.analyst, &format!("/dashboards?scope=city&{Q2}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Aantallen onder de 5 staan er als"));
    assert!(html.contains("href=\"/dashboards\" aria-current=\"page\">Sturing</a>"), "the navigation has Sturing");
    // Five referrals in the city (C1-C4 and C7), but April's 3 are hidden in April, so the
    // quarter protects them ("afgeschermd", not "<5"); the closures (2) are small themselves.
    let referrals = html.split("<p class=\"bt-kpi__label\">Aanmeldingen</p>").nth(1).unwrap_or_default();
    assert!(
        referrals.trim_start().starts_with("<p class=\"bt-kpi__value\">afgeschermd</p>"),
        "{}",
        &referrals[..200.min(referrals.len())]
    );
    assert!(html.contains("Cijfers van 5 of meer waaruit"), "the note explains the marker");
    let closures = html.split("<p class=\"bt-kpi__label\">Afgesloten begeleidingen</p>").nth(1).unwrap_or_default();
    assert!(
        closures.trim_start().starts_with("<p class=\"bt-kpi__value\">&#60;5</p>"),
        "{}",
        &closures[..200.min(closures.len())]
    );
    let (_, _, _, body) =
        get(&o.analyst, &format!("/dashboards/export.csv?scope=city&{Q2}&table=referrals_by_team")).await;
    let csv = String::from_utf8_lossy(&body).into_owned();
    assert!(csv.contains("Buurtteam Overvecht;<5;<5;<5;<5\r\n"), "{csv}");
    assert!(csv.contains("Buurtteam Kanaleneiland;<5;<5;<5;<5\r\n"), "{csv}");
    let (_, _, _, body) =
        get(&o.analyst, &format!("/dashboards/export.csv?scope=city&{Q2}&table=closures_by_reason")).await;
    assert_eq!(
        String::from_utf8_lossy(&body),
        "\u{feff}Reden;Aantal deze periode;Aantal vorige periode\r\n\
         Passend resultaat;<5;<5\r\n\
         Externe omstandigheden;<5;<5\r\n\
         Overige redenen;<5;<5\r\n"
    );
    // The report, for the first half year of 2026 against the second of 2025.
    let (status, _, html) =
        text(&o.analyst, &format!("/reports/half-year?start=2026-03-01&scope=district-{}", o.district_a)).await;
    assert_eq!(status, 200);
    assert!(html.contains("Halfjaarrapportage 1e halfjaar 2026: Wijk Overvecht"), "{html}");
    assert!(html.contains("Vergeleken met de vorige periode: 1 juli 2025 t/m 31 december 2025."));
    assert!(suppressed(&html));
}

#[tokio::test]
async fn who_may_open_which_dashboard() {
    let (t, o) = seven_cases().await;
    // A family worker: their own team by default, nothing wider.
    let (status, _, html) = text(&o.worker_a, &format!("/dashboards?{Q2}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Sturing: Team Buurtteam Overvecht"));
    assert!(!html.contains("value=\"city\""), "the city is not offered");
    assert_eq!(text(&o.worker_a, &format!("/dashboards?scope=city&{Q2}")).await.0, 403);
    assert_eq!(text(&o.worker_a, &format!("/dashboards?scope=team-{}&{Q2}", o.team_b)).await.0, 403);
    assert_eq!(text(&o.worker_a, &format!("/dashboards/export.csv?scope=team-{}&{Q2}", o.team_b)).await.0, 403);
    // Admins read no KPIs and get no link to them.
    assert_eq!(text(&o.admin, "/dashboards").await.0, 403);
    assert!(!text(&o.admin, "/account").await.2.contains("href=\"/dashboards\""));
    // An unknown team is a 404; an unreadable selection falls back to the default and says so.
    assert_eq!(text(&o.analyst, "/dashboards?scope=team-999999").await.0, 404);
    let (status, _, html) = text(&o.analyst, "/dashboards?period=week&start=morgen").await;
    assert_eq!(status, 200);
    assert!(html.contains("Een deel van de keuze klopte niet"));
    // A running period would grow day by day: refused to an analyst, in Dutch; a family
    // worker's own team is exact, so the running year runs to today.
    let today = t.app.today();
    let (status, _, html) = text(&o.analyst, &format!("/dashboards?scope=city&period=year&start={today}")).await;
    assert_eq!(status, 422);
    assert!(html.contains("Deze periode is nog niet voorbij"), "{html}");
    assert!(html.contains("href=\"/dashboards\">Naar Sturing</a>"), "an analyst has no worklist: {html}");
    let (status, _, _) = text(&o.worker_a, &format!("/dashboards?period=year&start={today}")).await;
    assert_eq!(status, 200);

    // On 20 November 2026 the second half year runs: every dashboard offers the report of the
    // first, the last complete one, whoever reads it.
    t.app.clock.set("2026-11-20T12:00:00Z".parse().expect("time"));
    let (_, _, html) = text(&o.analyst, "/dashboards?scope=city&period=month&start=2026-10-01").await;
    assert!(html.contains("start=2026-01-01\">Halfjaarrapportage 1e halfjaar 2026"), "{html}");
    let (status, _, _) = text(&o.analyst, "/reports/half-year?scope=city&start=2026-01-01").await;
    assert_eq!(status, 200);
    let (_, _, html) = text(&o.worker_a, "/dashboards?period=month&start=2026-10-01").await;
    assert!(html.contains("start=2026-01-01\">Halfjaarrapportage 1e halfjaar 2026"), "{html}");
}

#[tokio::test]
async fn a_team_manager_lands_on_their_team() {
    let (_t, o) = seven_cases().await;
    let (status, _, html) = text(&o.manager, &format!("/dashboards?{Q2}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("<h1 class=\"utrecht-heading-1\">Sturing: Team Buurtteam Overvecht</h1>"), "{html}");
    assert!(html.contains(&format!("<option value=\"team-{}\" selected>", o.team_a)), "their team is chosen");
    assert!(html.contains("<option value=\"city\">"), "the city stays on offer");
    // The survey's figures are suppressed for everyone (decision 0031); the KPIs before them not.
    let kpis = html.split("bt-dash-table--survey").next().unwrap_or_default();
    assert!(!suppressed(kpis), "their own team: exact figures");
    // An analyst still starts at the city, with the comparison of districts.
    let (_, _, html) = text(&o.analyst, &format!("/dashboards?{Q2}")).await;
    assert!(html.contains("Sturing: Hele stad") && html.contains("Aanmeldingen per wijk"), "{html}");
}

#[tokio::test]
async fn the_half_year_report_opens_on_the_last_complete_half_year() {
    let (t, _o) = seven_cases().await;
    for (now, title, previous) in [
        ("2026-06-30T21:00:00Z", "Halfjaarrapportage 2e halfjaar 2025", "1 januari 2025 t/m 30 juni 2025"),
        ("2026-07-01T08:00:00Z", "Halfjaarrapportage 1e halfjaar 2026", "1 juli 2025 t/m 31 december 2025"),
        ("2026-12-31T12:00:00Z", "Halfjaarrapportage 1e halfjaar 2026", "1 juli 2025 t/m 31 december 2025"),
        ("2027-01-01T08:00:00Z", "Halfjaarrapportage 2e halfjaar 2026", "1 januari 2026 t/m 30 juni 2026"),
    ] {
        t.app.clock.set(now.parse().expect("time"));
        // Logged in anew: a jump of the clock ends the session.
        let manager = t.login("m@test.nl").await;
        let (status, _, html) = text(&manager, "/reports/half-year").await;
        assert_eq!(status, 200, "{now}");
        assert!(
            html.contains(&format!("<h1 class=\"utrecht-heading-1\">{title}: Team Buurtteam Overvecht</h1>")),
            "{now}: {html}"
        );
        assert!(html.contains(&format!("Vergeleken met de vorige periode: {previous}.")), "{now}");
        assert!(!html.contains("De periode loopt nog"), "{now}: a complete half year");
        assert!(html.contains("data-bt-print hidden>Afdrukken of opslaan als pdf</button>"), "the print button");
    }
}

/// The files of an XLSX archive by name.
fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).expect("entry");
            let mut text = String::new();
            f.read_to_string(&mut text).expect("utf-8");
            (f.name().expect("name").into_owned(), text)
        })
        .collect()
}

/// The sheet names of a workbook, in order.
fn sheets(files: &std::collections::BTreeMap<String, String>) -> Vec<String> {
    files["xl/workbook.xml"]
        .split("<sheet name=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn the_workbook_holds_every_table_with_scope_period_and_percentages() {
    let (_t, o) = seven_cases().await;
    let q = format!("scope=team-{}&{Q2}", o.team_a);
    let (status, ct, disposition, body) = get(&o.manager, &format!("/dashboards/workbook.xlsx?{q}")).await;
    assert_eq!(status, 200);
    assert_eq!(ct, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert_eq!(disposition, format!("attachment; filename=\"sturing-team-{}-quarter-2026-04-01.xlsx\"", o.team_a));
    let files = unzip(&body);
    assert_eq!(
        sheets(&files),
        [
            "Over deze export",
            "Kerncijfers",
            "Kennismaking binnen 5 werkdagen",
            "Aanmeldingen per aanmelder",
            "Aanmeldingen per leefgebied",
            "Wachtlijst naar wachttijd",
            "Afgesloten begeleidingen naar d",
            "Afsluitingen naar reden",
            "Contactmomenten naar vorm",
            // Group support and the collective approach (issue 19).
            "Groepsaanbod en collectieve aan",
            "Waarom geen groep (overwogen, n",
            "Groepen per thema",
            "Groepen per wijk",
            "Collectieve aanpak per wijk",
            "Verzuim en capaciteit (streefwa",
            // Partners (issue 15).
            "Samenwerking met huisartsenprak",
            "VE-locaties met een gekoppelde",
            // Onward referrals (issue 15).
            "Aanvullende hulp per soort hulp",
            "Aanvullende hulp per wijk",
            "Afgesloten begeleidingen met aa",
            // The experience survey (issue 17).
            "Ervaringswijzer hoe gezinnen de",
            "Ervaringswijzer per kwartaal",
            "Respons op de Ervaringswijzer p",
            "Open antwoorden uit de Ervaring",
            // Complaints (issue 17).
            "Klachten per team",
            // Outreach (issue 16): without a campaign in the team's district, one table saying so.
            "Outreach en vroegsignalering pe",
        ],
        "a sheet per table of the team's dashboard, no comparison of teams"
    );
    let strings = &files["xl/sharedStrings.xml"];
    for text in [
        "Team Buurtteam Overvecht",
        "1 april 2026 t/m 30 juni 2026",
        "1 januari 2026 t/m 31 maart 2026",
        "Gebied",
        "Periode",
    ] {
        assert!(strings.contains(text), "{text}");
    }
    // Intake within 5 working days: 1 of 3 = 33.3%, the number 0.333 with a percent format.
    let intake = &files["xl/worksheets/sheet3.xml"];
    let cell = intake.split("<c r=\"B7\"").nth(1).and_then(|c| c.split("</c>").next()).unwrap_or_default();
    let value: f64 =
        cell.split("<v>").nth(1).and_then(|v| v.split('<').next()).and_then(|v| v.parse().ok()).expect("a number");
    assert!((value - 0.333).abs() < 1e-9, "B7 of the intake sheet: {cell}");
    let style: usize =
        cell.split("s=\"").nth(1).and_then(|s| s.split('"').next()).and_then(|s| s.parse().ok()).expect("a style");
    let styles = &files["xl/styles.xml"];
    let xf = styles.split("<cellXfs").nth(1).and_then(|x| x.split("<xf ").nth(style + 1)).unwrap_or_default();
    let fmt_id = xf.split("numFmtId=\"").nth(1).and_then(|s| s.split('"').next()).unwrap_or_default();
    assert!(
        styles.contains(&format!("numFmtId=\"{fmt_id}\" formatCode=\"0.0%\"")),
        "a percent format: {xf} in {styles}"
    );
}

#[tokio::test]
async fn the_workbook_keeps_suppression() {
    let (_t, o) = seven_cases().await;
    let (status, _, _, body) = get(&o.analyst, &format!("/dashboards/workbook.xlsx?scope=city&{Q2}")).await;
    assert_eq!(status, 200);
    let files = unzip(&body);
    assert!(sheets(&files).contains(&"Aanmeldingen per team".to_owned()));
    assert!(sheets(&files).contains(&"Bereik per wijk".to_owned()));
    let strings = &files["xl/sharedStrings.xml"];
    assert!(strings.contains("&lt;5") && strings.contains("afgeschermd"), "the markers as on the page");
    assert!(strings.contains("Kleine aantallen"), "the note on suppression");
    // Referrals in the city: 5, protected on the page. No sheet holds it as a number: the
    // key figures sheet has the marker where the page has it.
    let kpis = &files["xl/worksheets/sheet2.xml"];
    let b7 = kpis.split("<c r=\"B7\"").nth(1).and_then(|c| c.split("</c>").next()).unwrap_or_default();
    assert!(b7.contains("t=\"s\""), "a text cell, not a number: {b7}");
    let index: usize =
        b7.split("<v>").nth(1).and_then(|v| v.split('<').next()).and_then(|v| v.parse().ok()).expect("index");
    let shared: Vec<&str> = strings.split("<si>").skip(1).collect();
    assert!(shared[index].contains(">afgeschermd<"), "{}", shared[index]);
    let (_, _, _, csv) = get(&o.analyst, &format!("/dashboards/export.csv?scope=city&{Q2}&table=kpis")).await;
    assert!(String::from_utf8_lossy(&csv).contains("\r\nAanmeldingen;afgeschermd;"), "the same as the CSV");
}
