//! Exports of the dashboard's tables: CSV and XLSX.
//!
//! CSV: separated by semicolons, numbers in the page language's notation (a decimal comma
//! in Dutch), UTF-8 with a byte-order mark, lines ending in CRLF: what Excel with Dutch
//! regional settings opens correctly by a double click (with commas it puts everything in
//! one column, and without the mark it misreads "ë"). Fields are quoted where they hold a
//! semicolon, a quote or a line break (RFC 4180 quoting). Text cells starting with `=`, `+`,
//! `-` or `@` get a leading apostrophe, so a team name can never run as a formula.
//!
//! XLSX: `rust_xlsxwriter` without its optional features; numbers are numbers, suppressed
//! cells the text "<5".

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::dashboards::{Cell, DataTable};
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

/// The table as an XLSX workbook with one sheet, named after the table.
pub fn xlsx(tr: Tr, t: &DataTable) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let one_decimal = Format::new().set_num_format("0.0");
    let ws = wb.add_worksheet();
    ws.set_name(t.name.chars().take(31).collect::<String>())?;
    for (c, name) in t.columns.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, name, &bold)?;
        ws.set_column_width(c as u16, if c == 0 { 36 } else { 18 })?;
    }
    for (r, row) in t.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Number(v, 0) => {
                    ws.write_number(r, c, *v)?;
                }
                Cell::Number(v, _) => {
                    ws.write_number_with_format(r, c, *v, &one_decimal)?;
                }
                Cell::Empty => {}
                other => {
                    ws.write_string(r, c, other.text(tr))?;
                }
            }
        }
    }
    wb.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::i18n::Lang;

    fn table() -> DataTable {
        DataTable {
            name: "referrals_by_team",
            title: "Aanmeldingen per team".into(),
            columns: vec!["Team".into(), "Aantal".into(), "Aandeel".into()],
            rows: vec![
                vec![Cell::Text("Team \"Noord\"; west".into()), Cell::Number(1234.0, 0), Cell::Number(33.3, 1)],
                vec![Cell::Text("=HYPERLINK(1)".into()), Cell::Suppressed, Cell::Empty],
            ],
            chart: None,
        }
    }

    #[test]
    fn csv_is_semicolon_separated_quoted_and_in_dutch_notation() {
        let text = csv(Tr::new(Lang::Nl), &table());
        assert_eq!(
            text,
            "\u{feff}Team;Aantal;Aandeel\r\n\"Team \"\"Noord\"\"; west\";1.234;33,3\r\n'=HYPERLINK(1);<5;\r\n"
        );
        let text = csv(Tr::new(Lang::En), &table());
        assert!(text.contains(";1,234;33.3\r\n"), "{text}");
    }

    #[test]
    fn xlsx_is_a_zip_with_the_sheet() {
        let bytes = xlsx(Tr::new(Lang::Nl), &table()).expect("xlsx");
        assert_eq!(&bytes[..2], b"PK", "an XLSX file is a zip archive");
        assert!(bytes.len() > 1000);
    }
}
