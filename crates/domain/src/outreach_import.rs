//! Signals of payment arrears in, as a CSV file from a signal partner (decision 0033), and the
//! rules the work basket applies to them: grouping per address and the weighing.
//!
//! The file has a header row naming the columns
//! `partner,received_on,given_name,family_name,street,house_number,postcode,kind,amount_eur,months`
//! (in any order; a `;` separator is taken too, as spreadsheets in Dutch write it). Every row is
//! checked; any error anywhere rejects the whole file ([`read_signals`] answers every error, by
//! line). A row's [`SignalRow::row_key`] is a hash of its normalised fields, so the same file
//! twice imports nothing twice.

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;
use sha2::{Digest, Sha256};

use crate::address::HouseNumber;
use crate::outreach::ArrearsKind;
use crate::person::normalise_postcode;
use crate::validation::FieldError;

/// The columns a signal file must have.
pub const COLUMNS: [&str; 10] = [
    "partner",
    "received_on",
    "given_name",
    "family_name",
    "street",
    "house_number",
    "postcode",
    "kind",
    "amount_eur",
    "months",
];

/// At most this many errors are answered; one more says there were more.
pub const MAX_ERRORS: usize = 100;
/// The longest text a name, street or partner field may hold.
pub const MAX_TEXT: usize = 100;
/// The highest amount a signal may name (ten million euros): more is a typing error.
pub const MAX_AMOUNT_CENTS: i64 = 1_000_000_000;
/// The most months of arrears a signal may name.
pub const MAX_MONTHS: i32 = 120;

/// One checked row of a signal file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignalRow {
    /// The line in the file (the header is line 1).
    pub line: usize,
    /// The signal partner as written (landlord, energy company, ...), trimmed.
    pub partner: String,
    pub received_on: Date,
    pub given_name: String,
    pub family_name: String,
    pub street: String,
    pub house_number: HouseNumber,
    /// Normalised: `3511AB`.
    pub postcode: String,
    pub kind: ArrearsKind,
    pub amount_cents: i64,
    pub months: i32,
}

/// Where an address is: postcode, number, letter, addition (the letter and addition as the
/// store keeps them: lowercase, empty when absent).
pub type AddressKey = (String, i32, String, String);

impl SignalRow {
    /// The address this signal names.
    pub fn address_key(&self) -> AddressKey {
        address_key(&self.postcode, &self.house_number)
    }

    /// A hash of the normalised row: the same signal, however it was spaced or capitalised,
    /// has the same key. The line number is not part of it.
    pub fn row_key(&self) -> String {
        let hn = &self.house_number;
        let fields = [
            self.partner.to_lowercase(),
            self.received_on.to_string(),
            self.given_name.to_lowercase(),
            self.family_name.to_lowercase(),
            self.street.to_lowercase(),
            hn.number.to_string(),
            hn.letter.map(String::from).unwrap_or_default(),
            hn.addition.clone().unwrap_or_default(),
            self.postcode.clone(),
            self.kind.code().to_owned(),
            self.amount_cents.to_string(),
            self.months.to_string(),
        ];
        let digest = Sha256::digest(fields.join("\u{1f}").as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// The key of an address.
pub fn address_key(postcode: &str, hn: &HouseNumber) -> AddressKey {
    (
        postcode.to_owned(),
        hn.number as i32,
        hn.letter.map(String::from).unwrap_or_default(),
        hn.addition.clone().unwrap_or_default(),
    )
}

/// Splits CSV text into records (RFC 4180: quoted fields with `""` for a quote, CRLF or LF),
/// each with the line it starts on.
fn records(text: &str, sep: char) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut record = Vec::new();
    let mut line = 1;
    let mut start = 1;
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            c if c == sep => record.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                if record.iter().any(|f| !f.trim().is_empty()) {
                    out.push((start, std::mem::take(&mut record)));
                }
                record.clear();
                line += 1;
                start = line;
            }
            c => field.push(c),
        }
    }
    record.push(field);
    if record.iter().any(|f| !f.trim().is_empty()) {
        out.push((start, record));
    }
    out
}

fn error(errors: &mut Vec<FieldError>, line: usize, field: &str, code: &'static str, message: &str) {
    let mut e = FieldError::new(format!("lines[{line}].{field}"), message.to_owned());
    e.code(code);
    errors.push(e);
}

/// An amount in euros with a decimal point (`1234.5`, `1234.50`, `1234`), as cents.
pub fn parse_amount(text: &str) -> Option<i64> {
    let t = text.trim();
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    if whole.is_empty() || whole.len() > 10 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if frac.len() > 2 || !frac.bytes().all(|b| b.is_ascii_digit()) || (t.contains('.') && frac.is_empty()) {
        return None;
    }
    let cents = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().ok()? * 10,
        _ => frac.parse::<i64>().ok()?,
    };
    let cents = whole.parse::<i64>().ok()?.checked_mul(100)?.checked_add(cents)?;
    (cents <= MAX_AMOUNT_CENTS).then_some(cents)
}

fn text_field(errors: &mut Vec<FieldError>, line: usize, field: &str, value: &str) -> String {
    let v = value.trim();
    if v.is_empty() {
        error(errors, line, field, "required", "is required");
    } else if v.chars().count() > MAX_TEXT || v.chars().any(char::is_control) {
        error(errors, line, field, "too_long", "is at most 100 characters on one line");
    }
    v.to_owned()
}

/// Reads and checks a signal file received `today`: every row, or every error (by line,
/// at most [`MAX_ERRORS`] and one saying there were more).
pub fn read_signals(text: &str, today: Date) -> Result<Vec<SignalRow>, Vec<FieldError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let sep = if first.contains(';') && !first.contains(',') { ';' } else { ',' };
    let mut recs = records(text, sep).into_iter();
    let mut errors = Vec::new();
    let Some((_, header)) = recs.next() else {
        let mut e = FieldError::new("file", "is empty: the first line names the columns");
        e.code("empty_file");
        return Err(vec![e]);
    };
    let header: Vec<String> = header.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
    let mut at = [0usize; 10];
    for (i, col) in COLUMNS.iter().enumerate() {
        match header.iter().position(|h| h == col) {
            Some(p) => at[i] = p,
            None => {
                let mut e = FieldError::new(
                    "lines[1]",
                    format!("misses the column {col}: the first line names {}", COLUMNS.join(",")),
                );
                e.code("missing_column").arg("column", col);
                errors.push(e);
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut rows = Vec::new();
    let mut more = false;
    for (line, rec) in recs {
        if errors.len() >= MAX_ERRORS {
            more = true;
            break;
        }
        if rec.len() != header.len() {
            error(
                &mut errors,
                line,
                "row",
                "wrong_field_count",
                &format!("has {} fields where the first line names {}", rec.len(), header.len()),
            );
            continue;
        }
        let get = |i: usize| rec[at[i]].as_str();
        let before = errors.len();
        let partner = text_field(&mut errors, line, "partner", get(0));
        let received_on = match get(1).trim().parse::<Date>() {
            Ok(d) if d > today => {
                error(&mut errors, line, "received_on", "future_date", "lies in the future");
                None
            }
            Ok(d) => Some(d),
            Err(_) => {
                error(&mut errors, line, "received_on", "invalid_date", "is a date written as YYYY-MM-DD");
                None
            }
        };
        let given_name = text_field(&mut errors, line, "given_name", get(2));
        let family_name = text_field(&mut errors, line, "family_name", get(3));
        let street = text_field(&mut errors, line, "street", get(4));
        let house_number = HouseNumber::parse(get(5))
            .map_err(|e| error(&mut errors, line, "house_number", e.code(), &e.to_string()))
            .ok();
        let postcode = normalise_postcode(get(6)).or_else(|| {
            error(
                &mut errors,
                line,
                "postcode",
                "invalid_postcode",
                "is a Dutch postcode: four digits and two letters, e.g. 3511 AB",
            );
            None
        });
        let kind = ArrearsKind::parse(get(7).trim()).or_else(|| {
            error(&mut errors, line, "kind", "invalid_code", "is one of rent, energy, water, health_insurance, other");
            None
        });
        let amount_cents = parse_amount(get(8)).or_else(|| {
            error(
                &mut errors,
                line,
                "amount_eur",
                "invalid_amount",
                "is an amount of 0 or more in euros with a decimal point, e.g. 1234.50",
            );
            None
        });
        let months = match get(9).trim().parse::<i32>() {
            Ok(m) if (1..=MAX_MONTHS).contains(&m) => Some(m),
            _ => {
                error(&mut errors, line, "months", "invalid_months", "is a whole number of months from 1 to 120");
                None
            }
        };
        if errors.len() > before {
            continue;
        }
        if let (Some(received_on), Some(house_number), Some(postcode), Some(kind), Some(amount_cents), Some(months)) =
            (received_on, house_number, postcode, kind, amount_cents, months)
        {
            rows.push(SignalRow {
                line,
                partner,
                received_on,
                given_name,
                family_name,
                street,
                house_number,
                postcode,
                kind,
                amount_cents,
                months,
            });
        }
    }
    if errors.len() > MAX_ERRORS {
        errors.truncate(MAX_ERRORS);
        more = true;
    }
    if more {
        let mut e = FieldError::new("file", format!("has more errors than the first {MAX_ERRORS} listed"));
        e.code("too_many_errors");
        errors.push(e);
    }
    if rows.is_empty() && errors.is_empty() {
        let mut e = FieldError::new("file", "holds no signals: only the line naming the columns");
        e.code("empty_file");
        errors.push(e);
    }
    if errors.is_empty() { Ok(rows) } else { Err(errors) }
}

/// How the signals of one address hang together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// One partner, no signal in consecutive months.
    Single,
    /// Two or more partners report arrears at this address.
    SeveralPartners,
    /// One partner, signals received in two or more consecutive calendar months.
    ConsecutiveMonths,
}

impl Grouping {
    pub fn code(self) -> &'static str {
        match self {
            Self::Single => "single",
            Self::SeveralPartners => "several_partners",
            Self::ConsecutiveMonths => "consecutive_months",
        }
    }
}

/// What the basket needs of one signal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignalFact {
    pub partner: String,
    pub received_on: Date,
    pub kind: ArrearsKind,
    pub amount_cents: i64,
    pub months: i32,
}

/// The signals of one address, summed up.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    pub signals: usize,
    /// The distinct partners, sorted (case-insensitively the same partner once).
    pub partners: Vec<String>,
    pub kinds: Vec<ArrearsKind>,
    /// The latest amount of each partner and kind, added up (a partner reporting the same
    /// arrears again next month is not counted twice).
    pub total_cents: i64,
    /// The most months of arrears any signal names.
    pub months: i32,
    pub grouping: Option<Grouping>,
}

/// Sums up the signals of one address.
pub fn summarise(signals: &[SignalFact]) -> Summary {
    if signals.is_empty() {
        return Summary::default();
    }
    // Each partner once, case-insensitively, under the spelling of its first signal.
    let mut partners: BTreeMap<String, String> = BTreeMap::new();
    for s in signals {
        partners.entry(s.partner.to_lowercase()).or_insert_with(|| s.partner.clone());
    }
    let mut kinds: Vec<ArrearsKind> = Vec::new();
    for s in signals {
        if !kinds.contains(&s.kind) {
            kinds.push(s.kind);
        }
    }
    kinds.sort_by_key(|k| ArrearsKind::ALL.iter().position(|a| a == k));
    // The latest amount per partner and kind.
    let mut latest: HashMap<(String, ArrearsKind), (Date, i64)> = HashMap::new();
    for s in signals {
        let e = latest.entry((s.partner.to_lowercase(), s.kind)).or_insert((s.received_on, s.amount_cents));
        if s.received_on >= e.0 {
            *e = (s.received_on, s.amount_cents);
        }
    }
    let total_cents = latest.values().map(|(_, a)| a).sum();
    let months = signals.iter().map(|s| s.months).max().unwrap_or(0);
    let grouping = if partners.len() > 1 {
        Grouping::SeveralPartners
    } else {
        let mut ym: Vec<i32> =
            signals.iter().map(|s| s.received_on.year() as i32 * 12 + s.received_on.month() as i32).collect();
        ym.sort_unstable();
        ym.dedup();
        if ym.windows(2).any(|w| w[1] == w[0] + 1) { Grouping::ConsecutiveMonths } else { Grouping::Single }
    };
    Summary {
        signals: signals.len(),
        partners: partners.into_values().collect(),
        kinds,
        total_cents,
        months,
        grouping: Some(grouping),
    }
}

/// The weights of the work basket's order, set by the organisation: points per hundred euros
/// of arrears, per partner, per month of arrears, per child in a known household.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weighing {
    pub per_hundred_euros: i32,
    pub per_partner: i32,
    pub per_month: i32,
    pub per_child: i32,
}

impl Default for Weighing {
    fn default() -> Self {
        Self { per_hundred_euros: 1, per_partner: 10, per_month: 5, per_child: 5 }
    }
}

/// The most a weight may be.
pub const MAX_WEIGHT: i32 = 1000;

impl Weighing {
    /// The weight of an address: higher comes first in the basket. Children are known only
    /// for a matched household (`None` counts as none).
    pub fn weight(&self, s: &Summary, children: Option<i64>) -> i64 {
        i64::from(self.per_hundred_euros) * (s.total_cents / 10_000)
            + i64::from(self.per_partner) * s.partners.len() as i64
            + i64::from(self.per_month) * i64::from(s.months)
            + i64::from(self.per_child) * children.unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    const HEAD: &str =
        "partner,received_on,given_name,family_name,street,house_number,postcode,kind,amount_eur,months\n";

    fn today() -> Date {
        date(2026, 6, 1)
    }

    #[test]
    fn a_good_file_reads_every_row() {
        let csv = format!(
            "{HEAD}Woonstad,2026-05-02,Ayşe,Öztürk,Kanaalstraat,12a-2,3531 cd,rent,1234.50,3\r\n\
             \"Eneco, Utrecht\",2026-05-03,Emre,Şahin,Kanaalstraat,12 A-2,3531CD,energy,80,1\n"
        );
        let rows = read_signals(&csv, today()).expect("rows");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].postcode, "3531CD");
        assert_eq!(rows[0].amount_cents, 123_450);
        assert_eq!(rows[1].partner, "Eneco, Utrecht");
        assert_eq!(rows[0].address_key(), rows[1].address_key());
        assert_eq!(rows[0].address_key(), ("3531CD".to_owned(), 12, "a".to_owned(), "2".to_owned()));
    }

    #[test]
    fn every_error_is_listed_by_line_and_field() {
        let csv = format!(
            "{HEAD}Woonstad,2026-07-02,A,B,Straat,0,1234 A,loan,12,50,0\n\
             Woonstad,2026-05-02,A,B,Straat,5,0123AB,loan,-3,0\n"
        );
        let errors = read_signals(&csv, today()).expect_err("bad");
        assert_eq!(errors[0].field, "lines[2].row");
        assert_eq!(errors[0].code, "wrong_field_count");
        let fields: Vec<(&str, &str)> = errors[1..].iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            fields,
            vec![
                ("lines[3].postcode", "invalid_postcode"),
                ("lines[3].kind", "invalid_code"),
                ("lines[3].amount_eur", "invalid_amount"),
                ("lines[3].months", "invalid_months"),
            ]
        );
        let future = format!("{HEAD}W,2026-06-02,A,B,S,1,1234AB,rent,1.00,1\n");
        assert_eq!(read_signals(&future, today()).expect_err("future")[0].code, "future_date");
    }

    #[test]
    fn a_missing_column_or_an_empty_file_is_refused() {
        let e = read_signals("partner,received_on\nx,2026-01-01\n", today()).expect_err("columns");
        assert!(e.iter().all(|e| e.code == "missing_column"));
        assert_eq!(read_signals("", today()).expect_err("empty")[0].code, "empty_file");
        assert_eq!(read_signals(HEAD, today()).expect_err("header only")[0].code, "empty_file");
    }

    #[test]
    fn too_many_errors_are_cut_off_with_a_note() {
        let mut csv = HEAD.to_owned();
        for _ in 0..150 {
            csv.push_str("W,2026-05-02,A,B,S,1,XXXX,rent,1.00,1\n");
        }
        let e = read_signals(&csv, today()).expect_err("bad");
        assert_eq!(e.len(), MAX_ERRORS + 1);
        assert_eq!(e.last().map(|e| e.code), Some("too_many_errors"));
    }

    #[test]
    fn semicolons_and_columns_in_another_order_are_read() {
        let csv = "months;partner;received_on;given_name;family_name;street;house_number;postcode;kind;amount_eur\n\
                   2;Vitens;2026-05-01;Jan;de Vries;Laan;7;3500 AA;water;45.10\n";
        let rows = read_signals(csv, today()).expect("rows");
        assert_eq!(rows[0].months, 2);
        assert_eq!(rows[0].kind, ArrearsKind::Water);
    }

    #[test]
    fn the_row_key_ignores_spacing_and_case_but_not_the_amount() {
        let a = format!("{HEAD}Woonstad,2026-05-02,Ayşe,Öztürk,Kanaalstraat,12a,3531 CD,rent,10.5,3\n");
        let b = format!("{HEAD}\n woonstad ,2026-05-02,AYŞE,öztürk,Kanaalstraat,12 A,3531cd,rent,10.50,3\n");
        let c = format!("{HEAD}Woonstad,2026-05-02,Ayşe,Öztürk,Kanaalstraat,12a,3531 CD,rent,10.51,3\n");
        let key = |t: &str| read_signals(t, today()).expect("rows")[0].row_key();
        assert_eq!(key(&a), key(&b));
        assert_ne!(key(&a), key(&c));
    }

    #[test]
    fn amounts() {
        assert_eq!(parse_amount("0"), Some(0));
        assert_eq!(parse_amount("12.5"), Some(1250));
        assert_eq!(parse_amount("12.05"), Some(1205));
        assert_eq!(parse_amount("12,50"), None);
        assert_eq!(parse_amount("12."), None);
        assert_eq!(parse_amount("-1"), None);
        assert_eq!(parse_amount("1.234"), None);
        assert_eq!(parse_amount("10000001.00"), None);
    }

    fn fact(partner: &str, on: Date, kind: ArrearsKind, eur: i64, months: i32) -> SignalFact {
        SignalFact { partner: partner.to_owned(), received_on: on, kind, amount_cents: eur * 100, months }
    }

    #[test]
    fn grouping_single_several_partners_consecutive_months() {
        let one = summarise(&[fact("Woonstad", date(2026, 3, 5), ArrearsKind::Rent, 900, 2)]);
        assert_eq!(one.grouping, Some(Grouping::Single));
        let two = summarise(&[
            fact("Woonstad", date(2026, 3, 5), ArrearsKind::Rent, 900, 2),
            fact("Eneco", date(2026, 3, 9), ArrearsKind::Energy, 200, 1),
        ]);
        assert_eq!(two.grouping, Some(Grouping::SeveralPartners));
        assert_eq!(two.total_cents, 110_000);
        assert_eq!(two.kinds, vec![ArrearsKind::Rent, ArrearsKind::Energy]);
        let again = summarise(&[
            fact("Woonstad", date(2026, 3, 5), ArrearsKind::Rent, 900, 2),
            fact("woonstad", date(2026, 4, 5), ArrearsKind::Rent, 1350, 3),
        ]);
        assert_eq!(again.grouping, Some(Grouping::ConsecutiveMonths));
        assert_eq!(again.partners, vec!["Woonstad"], "one partner, spelled as on its first signal");
        assert_eq!(two.partners, vec!["Eneco", "Woonstad"]);
        assert_eq!(again.total_cents, 135_000, "the latest amount, not the sum");
        assert_eq!(again.months, 3);
        let gap = summarise(&[
            fact("Woonstad", date(2026, 1, 5), ArrearsKind::Rent, 900, 2),
            fact("Woonstad", date(2026, 3, 5), ArrearsKind::Rent, 900, 2),
        ]);
        assert_eq!(gap.grouping, Some(Grouping::Single));
        let year = summarise(&[
            fact("W", date(2025, 12, 30), ArrearsKind::Rent, 1, 1),
            fact("W", date(2026, 1, 2), ArrearsKind::Rent, 1, 1),
        ]);
        assert_eq!(year.grouping, Some(Grouping::ConsecutiveMonths), "December and January are consecutive");
    }

    #[test]
    fn the_weighing_counts_amount_partners_months_and_children() {
        let s = summarise(&[
            fact("Woonstad", date(2026, 3, 5), ArrearsKind::Rent, 950, 4),
            fact("Eneco", date(2026, 3, 9), ArrearsKind::Energy, 100, 1),
        ]);
        let w = Weighing { per_hundred_euros: 2, per_partner: 10, per_month: 3, per_child: 7 };
        assert_eq!(w.weight(&s, None), 2 * 10 + 10 * 2 + 3 * 4);
        assert_eq!(w.weight(&s, Some(3)), 2 * 10 + 10 * 2 + 3 * 4 + 21);
    }

    proptest! {
        #[test]
        fn any_amount_with_two_decimals_round_trips(cents in 0i64..=MAX_AMOUNT_CENTS) {
            let text = format!("{}.{:02}", cents / 100, cents % 100);
            prop_assert_eq!(parse_amount(&text), Some(cents));
        }

        #[test]
        fn reading_never_panics_and_errors_name_a_line(body in "[ -~\n\";]{0,300}") {
            let csv = format!("{HEAD}{body}");
            if let Err(errors) = read_signals(&csv, today()) {
                prop_assert!(!errors.is_empty());
                prop_assert!(errors.iter().all(|e| e.field.starts_with("lines[") || e.field == "file"));
            }
        }

        #[test]
        fn more_weight_never_lowers_the_order(eur in 0i64..100_000, extra in 0i64..10_000, months in 1i32..24) {
            let w = Weighing::default();
            let a = summarise(&[fact("W", date(2026, 1, 1), ArrearsKind::Rent, eur, months)]);
            let b = summarise(&[fact("W", date(2026, 1, 1), ArrearsKind::Rent, eur + extra, months)]);
            prop_assert!(w.weight(&b, None) >= w.weight(&a, None));
        }
    }
}
