//! `multipart/form-data`, the encoding of a form with a file field (the population file on
//! `/admin/reference`), read into the same name/value pairs as an urlencoded form. A file's
//! contents become the field's value (as text; the files taken are CSV), and its name the value
//! of `<field>_file_name`. The body limit of the router (1 MiB) bounds it.

/// The boundary of a `multipart/form-data` content type, if that is what it is.
pub fn boundary(content_type: &str) -> Option<String> {
    let mut parts = content_type.split(';').map(str::trim);
    if !parts.next()?.eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("boundary").then(|| v.trim().trim_matches('"').to_owned())
    })
}

/// The value of `key="..."` in a Content-Disposition header.
fn param(header: &str, key: &str) -> Option<String> {
    header.split(';').map(str::trim).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim() == key).then(|| v.trim().trim_matches('"').to_owned())
    })
}

/// The fields of a multipart body; `None` when it is not one.
pub fn fields(body: &[u8], boundary: &str) -> Option<Vec<(String, String)>> {
    let text = String::from_utf8_lossy(body);
    let delimiter = format!("--{boundary}");
    let mut out = Vec::new();
    let mut sections = text.split(delimiter.as_str());
    sections.next()?; // the preamble
    for section in sections {
        if section.starts_with("--") {
            return Some(out); // the closing delimiter
        }
        let section = section.strip_prefix("\r\n")?;
        let (head, value) = section.split_once("\r\n\r\n")?;
        let value = value.strip_suffix("\r\n").unwrap_or(value);
        let disposition = head.lines().find(|l| l.to_ascii_lowercase().starts_with("content-disposition:"))?;
        let name = param(disposition, "name")?;
        if let Some(file_name) = param(disposition, "filename") {
            out.push((format!("{name}_file_name"), file_name));
        }
        out.push((name, value.to_owned()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_with_a_file_reads_as_fields() {
        let b = boundary("multipart/form-data; boundary=----x1").expect("boundary");
        assert_eq!(b, "----x1");
        assert!(boundary("application/x-www-form-urlencoded").is_none());
        let body = "------x1\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nabc\r\n\
            ------x1\r\nContent-Disposition: form-data; name=\"csv_file\"; filename=\"wijk.csv\"\r\n\
            Content-Type: text/csv\r\n\r\ndistrict,reference_date,residents\r\nWest,2024-01-01,10\r\n\r\n\
            ------x1--\r\n";
        let f = fields(body.as_bytes(), &b).expect("fields");
        assert_eq!(f[0], ("_csrf".to_owned(), "abc".to_owned()));
        assert_eq!(f[1], ("csv_file_file_name".to_owned(), "wijk.csv".to_owned()));
        assert_eq!(f[2].1, "district,reference_date,residents\r\nWest,2024-01-01,10\r\n");
        assert!(fields(b"------x1\r\nno headers", &b).is_none(), "a body cut short is no form");
    }
}
