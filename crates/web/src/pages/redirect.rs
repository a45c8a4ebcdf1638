//! Where the browser may be sent back to after logging in (`/login?next=`) or switching the
//! language (`/language?back=`): only a path on this site. Anything else goes to `/`.
//!
//! Browsers are generous readers of a `Location`: they drop tabs and line breaks anywhere in
//! it (`/\t/evil.example/` becomes `//evil.example/`, another site), read `\` as `/`, and
//! resolve `/a/..//evil.example` to `//evil.example`. So the value is checked as text first
//! (no control characters or whitespace, also after percent-decoding; no backslash; one
//! leading `/`), then parsed as a URL against this site with the WHATWG rules browsers use
//! (the `url` crate), and what is sent is that parsed URL's path, query and fragment, checked
//! once more to start with a single `/`.

use std::borrow::Cow;

use percent_encoding::percent_decode_str;
use url::{Position, Url};

/// The longest return path kept; longer ones are no page of ours.
const MAX_LEN: usize = 2048;

/// `raw` when it is a path on this site (as sent: normalised and percent-encoded, safe for a
/// `Location` header), else `/`.
pub fn same_origin_path(raw: Option<&str>) -> String {
    raw.and_then(local_path).unwrap_or_else(|| "/".to_owned())
}

fn local_path(raw: &str) -> Option<String> {
    if raw.len() > MAX_LEN || raw.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    let decoded: Cow<'_, str> = percent_decode_str(raw).decode_utf8_lossy();
    if decoded.chars().any(char::is_control) || raw.contains('\\') || decoded.contains('\\') {
        return None;
    }
    if !raw.starts_with('/') || raw.starts_with("//") || decoded.starts_with("//") {
        return None;
    }
    let base = Url::parse("http://buurtteam.invalid/").ok()?;
    let url = base.join(raw).ok()?;
    if url.origin() != base.origin() || !url.username().is_empty() || url.password().is_some() {
        return None;
    }
    let path = &url[Position::BeforePath..];
    // The parsed path is checked as the text was: `/%2e/%2F` parses to `/%2F`, which decodes to
    // `//` and would be refused when it comes back.
    let decoded_path = percent_decode_str(path).decode_utf8_lossy();
    (path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') && !decoded_path.starts_with("//"))
        .then(|| path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What every answer must be: a path that a browser resolves on this site.
    fn assert_same_origin(input: &str, out: &str) {
        assert!(out.starts_with('/') && !out.starts_with("//"), "{input:?} gave {out:?}");
        assert!(out.bytes().all(|b| b.is_ascii_graphic()), "{input:?} gave {out:?}: only visible ASCII");
        assert!(!out.contains('\\'), "{input:?} gave {out:?}");
        let base = Url::parse("https://buurtteam.example/cases/1").expect("base");
        let resolved = base.join(out).expect("resolves");
        assert_eq!(resolved.origin(), base.origin(), "{input:?} gave {out:?}, which leaves the site");
        assert!(axum::http::HeaderValue::from_str(out).is_ok(), "{out:?} is a valid Location");
        assert_eq!(same_origin_path(Some(out)), out, "stable: {input:?}");
    }

    #[test]
    fn paths_of_this_site_are_kept() {
        for (input, out) in [
            ("/", "/"),
            ("/cases/12", "/cases/12"),
            ("/cases/12?tab=plan#goals", "/cases/12?tab=plan#goals"),
            ("/dashboards?scope=team-3&period=2026-Q1", "/dashboards?scope=team-3&period=2026-Q1"),
            ("/teams/3/waiting-list", "/teams/3/waiting-list"),
            ("/a/b/../c", "/a/c"),
            ("/zoek?q=a%20b", "/zoek?q=a%20b"),
            ("/café", "/caf%C3%A9"),
            // Encoded twice it stays encoded once: browsers do not decode a path, so this is
            // a (non-existent) page of this site.
            ("/%255C%255Cevil.example", "/%255C%255Cevil.example"),
            // An invisible format character is no whitespace to a browser: sent encoded.
            ("/\u{feff}/evil.example", "/%EF%BB%BF/evil.example"),
        ] {
            assert_eq!(same_origin_path(Some(input)), out, "{input:?}");
            assert_same_origin(input, out);
        }
        assert_eq!(same_origin_path(None), "/");
    }

    #[test]
    fn everything_else_goes_to_the_start_page() {
        let hostile = [
            "",
            "evil.example",
            "//evil.example",
            "///evil.example",
            "////evil.example/",
            "/\\evil.example",
            "\\\\evil.example",
            "\\/evil.example",
            "/\t/evil.example/",
            "/%09/evil.example/",
            "/\n/evil.example",
            "/%0a/evil.example",
            "/%0D%0A/evil.example",
            "/\r\n/evil.example",
            "/%2F/evil.example",
            "/%2f%2fevil.example",
            "/%5Cevil.example",
            "/%5cevil.example",
            "/..//evil.example",
            "/a/../..//evil.example",
            "/.//evil.example",
            "/%2e%2e//evil.example",
            "/%2E/%2E%2E//evil.example",
            "/%2e/%2F",
            "/%2e/%2F/evil.example",
            " /evil.example",
            "/ /evil.example",
            "/\u{3000}/evil.example",
            "/\u{2028}/evil.example",
            "/\u{0}",
            "/%00",
            "/\u{7f}",
            "/\u{85}/evil.example",
            "https://evil.example/",
            "http:evil.example",
            "http:/evil.example",
            "HTTPS://evil.example",
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "@evil.example",
            "?next=//evil.example",
            "#//evil.example",
        ];
        for input in hostile {
            assert_eq!(same_origin_path(Some(input)), "/", "{input:?} must go to the start page");
        }
        assert_eq!(same_origin_path(Some(&format!("/{}", "a".repeat(MAX_LEN)))), "/", "overly long");
    }

    /// Pieces that make up hostile return paths, put together in any order.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("/".to_owned()),
            Just("\\".to_owned()),
            Just("%2F".to_owned()),
            Just("%5C".to_owned()),
            Just("%09".to_owned()),
            Just("%0a".to_owned()),
            Just("%00".to_owned()),
            Just("%2e".to_owned()),
            Just("%25".to_owned()),
            Just(".".to_owned()),
            Just("..".to_owned()),
            Just("\t".to_owned()),
            Just("\n".to_owned()),
            Just(" ".to_owned()),
            Just(":".to_owned()),
            Just("@".to_owned()),
            Just("?".to_owned()),
            Just("#".to_owned()),
            Just("http:".to_owned()),
            Just("javascript:".to_owned()),
            Just("evil.example".to_owned()),
            Just("cases".to_owned()),
            any::<char>().prop_map(String::from),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn whatever_comes_in_the_answer_stays_on_this_site(parts in proptest::collection::vec(piece(), 0..12)) {
            let input = parts.concat();
            assert_same_origin(&input, &same_origin_path(Some(&input)));
        }

        #[test]
        fn whatever_string_comes_in_the_answer_stays_on_this_site(input in any::<String>()) {
            assert_same_origin(&input, &same_origin_path(Some(&input)));
        }
    }
}
