//! Exports of the dashboard's tables: CSV and XLSX.
//!
//! CSV: separated by semicolons, numbers in the page language's notation (a decimal comma
//! in Dutch), UTF-8 with a byte-order mark, lines ending in CRLF: what Excel with Dutch
//! regional settings opens correctly by a double click (with commas it puts everything in
//! one column, and without the mark it misreads "ë"). Fields are quoted where they hold a
//! semicolon, a quote or a line break (RFC 4180 quoting). Text cells starting with `=`, `+`,
//! `-` or `@` get a leading apostrophe, so a team name can never run as a formula.
//!
//! XLSX: `rust_xlsxwriter` without its optional features. A sheet per table, each opening
//! with a block that names the table, the scope and the periods, so a sheet copied out of
//! the workbook still says what it is. Numbers are numbers, percentages fractions with a
//! percent format (33.3 becomes 0.333 shown as "33,3%"), suppressed cells the same text as on
//! the page ("<5", "afgeschermd"): the number behind them never reaches the file. The
//! workbook of the whole dashboard starts with a sheet "Over deze export".

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::dashboards::{Cell, Dashboard, DataTable};
use super::i18n::Tr;

pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn quote(field: &str) -> String {
    if field.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// A text cell that a spreadsheet could take for a formula is made plain text.
fn defuse(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_owned() }
}

fn field(tr: Tr, c: &Cell) -> String {
    match c {
        Cell::Text(t) => quote(&defuse(t)),
        Cell::Empty => String::new(),
        other => quote(&other.text(tr)),
    }
}

/// The table as CSV: a header line and a line per row.
pub fn csv(tr: Tr, t: &DataTable) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&t.columns.iter().map(|c| quote(&defuse(c))).collect::<Vec<_>>().join(";"));
    out.push_str("\r\n");
    for row in &t.rows {
        out.push_str(&row.iter().map(|c| field(tr, c)).collect::<Vec<_>>().join(";"));
        out.push_str("\r\n");
    }
    out
}

/// The lines that say what a sheet holds: (label, text).
fn context(tr: Tr, d: &Dashboard) -> Vec<(String, String)> {
    let mut period = d.period_label.clone();
    if d.running {
        period = format!("{period} ({})", tr.t("dash-xlsx-running"));
    }
    vec![
        (tr.t("dash-xlsx-scope"), d.scope_label.clone()),
        (tr.t("dash-xlsx-period"), period),
        (tr.t("dash-xlsx-previous"), d.previous_label.clone()),
    ]
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique in the book.
fn sheet_name(title: &str, taken: &[String]) -> String {
    let clean: String = title.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
    let mut name = clean.trim().to_owned();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        let suffix = format!(" {n}");
        name = clean.chars().take(31 - suffix.len()).collect::<String>() + &suffix;
        n += 1;
    }
    name
}

/// Writes one table on a sheet: its title, the context lines, a blank row, the header and rows.
fn write_table(ws: &mut Worksheet, tr: Tr, t: &DataTable, context: &[(String, String)]) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let one_decimal = Format::new().set_num_format("0.0");
    let percent = Format::new().set_num_format("0.0%");
    ws.write_string_with_format(0, 0, &t.title, &title)?;
    for (i, (label, text)) in context.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string_with_format(r, 0, label, &bold)?;
        ws.write_string(r, 1, text)?;
    }
    let header = context.len() as u32 + 2;
    for (c, name) in t.columns.iter().enumerate() {
        ws.write_string_with_format(header, c as u16, name, &bold)?;
        ws.set_column_width(c as u16, if c == 0 { 36 } else { 18 })?;
    }
    for (r, row) in t.rows.iter().enumerate() {
        let r = header + 1 + r as u32;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Number(v, 0) => {
                    ws.write_number(r, c, *v)?;
                }
                Cell::Number(v, _) => {
                    ws.write_number_with_format(r, c, *v, &one_decimal)?;
                }
                Cell::Pct(v) => {
                    ws.write_number_with_format(r, c, *v / 100.0, &percent)?;
                }
                Cell::Empty => {}
                // Text, and the markers of suppression exactly as on the page.
                other => {
                    ws.write_string(r, c, other.text(tr))?;
                }
            }
        }
    }
    Ok(())
}

/// One table as an XLSX workbook with one sheet.
pub fn xlsx(tr: Tr, d: &Dashboard, t: &DataTable) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(&t.title, &[]))?;
    write_table(ws, tr, t, &context(tr, d))?;
    wb.save_to_buffer()
}

/// The whole dashboard as one workbook: a sheet "Over deze export" with the scope, the
/// periods, the note on suppression and the list of sheets, then a sheet per table.
pub fn workbook(tr: Tr, d: &Dashboard, made_on: &str) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let wrap = Format::new().set_text_wrap();
    let context = context(tr, d);
    let mut names = vec![sheet_name(&tr.t("dash-xlsx-about"), &[])];
    for t in &d.tables {
        let name = sheet_name(&t.title, &names);
        names.push(name);
    }
    let about = wb.add_worksheet();
    about.set_name(&names[0])?;
    about.set_column_width(0, 28)?;
    about.set_column_width(1, 80)?;
    about.write_string_with_format(0, 0, format!("{}: {}", tr.t("dash-title"), d.scope_label), &title)?;
    let mut r = 2u32;
    for (label, text) in context.iter().chain(std::iter::once(&(tr.t("dash-xlsx-made-on"), made_on.to_owned()))) {
        about.write_string_with_format(r, 0, label, &bold)?;
        about.write_string(r, 1, text)?;
        r += 1;
    }
    if d.suppressed {
        r += 1;
        about.write_string_with_format(r, 0, tr.t("dash-xlsx-suppression"), &bold)?;
        about.write_string_with_format(r, 1, tr.t("dash-suppressed-note"), &wrap)?;
        r += 1;
    }
    r += 1;
    about.write_string_with_format(r, 0, tr.t("dash-xlsx-sheets"), &bold)?;
    for (t, name) in d.tables.iter().zip(&names[1..]) {
        about.write_string(r, 1, name)?;
        if *name != t.title {
            about.write_string(r, 2, &t.title)?;
        }
        r += 1;
    }
    for (t, name) in d.tables.iter().zip(&names[1..]) {
        let ws = wb.add_worksheet();
        ws.set_name(name)?;
        write_table(ws, tr, t, &context)?;
    }
    wb.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;
    use crate::pages::i18n::Lang;

    fn table() -> DataTable {
        DataTable {
            name: "referrals_by_team",
            title: "Aanmeldingen per team".into(),
            columns: vec!["Team".into(), "Aantal".into(), "Aandeel".into()],
            rows: vec![
                vec![Cell::Text("Team \"Noord\"; west".into()), Cell::Number(1234.0, 0), Cell::Pct(33.3)],
                vec![Cell::Text("=HYPERLINK(1)".into()), Cell::Suppressed, Cell::Empty],
                vec![Cell::Text("Zuid".into()), Cell::Protected, Cell::Suppressed],
            ],
            chart: None,
            no_chart: None,
        }
    }

    fn dashboard() -> Dashboard {
        Dashboard {
            scope_label: "Team Overvecht".into(),
            period_label: "1 april 2026 t/m 30 juni 2026".into(),
            previous_label: "1 januari 2026 t/m 31 maart 2026".into(),
            running: false,
            suppressed: true,
            tiles: Vec::new(),
            tables: vec![table(), DataTable { name: "kpis", title: "Kerncijfers: alles [samen]?".into(), ..table() }],
            map: Vec::new(),
            legend: Vec::new(),
            query: String::new(),
        }
    }

    /// The files of an XLSX archive by name.
    fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
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

    #[test]
    fn csv_is_semicolon_separated_quoted_and_in_dutch_notation() {
        let text = csv(Tr::new(Lang::Nl), &table());
        assert_eq!(
            text,
            "\u{feff}Team;Aantal;Aandeel\r\n\"Team \"\"Noord\"\"; west\";1.234;33,3\r\n'=HYPERLINK(1);<5;\r\nZuid;afgeschermd;<5\r\n"
        );
        let text = csv(Tr::new(Lang::En), &table());
        assert!(text.contains(";1,234;33.3\r\n"), "{text}");
    }

    #[test]
    fn one_table_as_xlsx_says_what_it_is() {
        let files = unzip(&xlsx(Tr::new(Lang::Nl), &dashboard(), &table()).expect("xlsx"));
        assert!(files["xl/workbook.xml"].contains("name=\"Aanmeldingen per team\""));
        let strings = &files["xl/sharedStrings.xml"];
        for text in ["Team Overvecht", "1 april 2026 t/m 30 juni 2026", "Gebied", "Periode"] {
            assert!(strings.contains(text), "{text} in {strings}");
        }
    }

    #[test]
    fn the_workbook_has_a_sheet_per_table_percentages_as_numbers_and_suppression_kept() {
        let files = unzip(&workbook(Tr::new(Lang::Nl), &dashboard(), "2 december 2026").expect("xlsx"));
        let book = &files["xl/workbook.xml"];
        let sheets: Vec<&str> = book.split("<sheet name=\"").skip(1).filter_map(|s| s.split('"').next()).collect();
        assert_eq!(sheets, ["Over deze export", "Aanmeldingen per team", "Kerncijfers alles samen"]);
        let strings = &files["xl/sharedStrings.xml"];
        for text in ["Team Overvecht", "1 januari 2026 t/m 31 maart 2026", "2 december 2026", "Kleine aantallen"] {
            assert!(strings.contains(text), "{text} in {strings}");
        }
        // 33.3% is the number 0.333 with a percent format; the suppressed cells are text.
        let sheet = &files["xl/worksheets/sheet2.xml"];
        assert!(sheet.contains("<v>0.33299999999999996</v>"), "33.3 / 100 as a double: {sheet}");
        let styles = &files["xl/styles.xml"];
        assert!(styles.contains("formatCode=\"0.0%\""), "{styles}");
        assert!(strings.contains("&lt;5") && strings.contains("afgeschermd"));
        assert!(!sheet.contains("<v>1</v><v>") && !strings.contains("1234"), "nothing but what the page shows");
    }
}
