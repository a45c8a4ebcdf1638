//! Articles are written in Markdown and shown as HTML, safely: raw HTML in the text is dropped
//! (shown as nothing), links go only to `http`, `https`, `mailto` or a relative address (any
//! other link, such as `javascript:`, is shown as its text), images are shown as their
//! description. pulldown-cmark escapes every text and attribute it writes.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

/// Whether a link target is allowed: http(s), mailto, or relative (no scheme at all).
pub fn is_allowed_link(dest: &str) -> bool {
    let d = dest.trim();
    let scheme_end = d.find(':');
    let first_delim = d.find(['/', '?', '#']);
    match scheme_end {
        // A colon after the first slash, ? or # is part of a relative address.
        Some(c) if first_delim.is_none_or(|p| c < p) => {
            let scheme = d[..c].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
        _ => !d.starts_with("//") || d.is_empty(),
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// The article's Markdown as safe HTML.
pub fn to_html(markdown: &str) -> String {
    let mut links: Vec<bool> = Vec::new();
    let mut in_image = 0usize;
    let events = Parser::new_ext(markdown, options()).filter_map(|event| match event {
        Event::Html(_) | Event::InlineHtml(_) => None,
        Event::Start(Tag::Link { ref dest_url, .. }) => {
            let ok = is_allowed_link(dest_url);
            links.push(ok);
            ok.then_some(event)
        }
        Event::End(TagEnd::Link) => links.pop().unwrap_or(false).then_some(event),
        Event::Start(Tag::Image { .. }) => {
            in_image += 1;
            None
        }
        Event::End(TagEnd::Image) => {
            in_image = in_image.saturating_sub(1);
            None
        }
        other => Some(other),
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

/// The article's text without its markup (for snippets and the search index).
pub fn to_plain_text(markdown: &str) -> String {
    to_plain_blocks(markdown).join(" ")
}

/// The text without markup, one entry per block (heading, paragraph, list item, table cell),
/// so a snippet can stay inside one block instead of running a heading into the next line.
pub fn to_plain_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current = String::new();
    let mut end_block = |current: &mut String| {
        let block = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !block.is_empty() {
            blocks.push(block);
        }
        current.clear();
    };
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => current.push_str(&t),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            // A list item's own text ends where a nested list or paragraph starts.
            Event::Start(Tag::Paragraph | Tag::List(_) | Tag::Item) => end_block(&mut current),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell) => {
                end_block(&mut current)
            }
            _ => {}
        }
    }
    end_block(&mut current);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_dropped_and_text_escaped() {
        let html = to_html("Hallo <script>alert(1)</script> & <b>vet</b>\n\n<div onclick=x>blok</div>");
        assert!(!html.contains("<script") && !html.contains("<b>") && !html.contains("<div"), "{html}");
        assert!(html.contains("&amp;"), "{html}");
    }

    #[test]
    fn only_safe_links_are_links() {
        let html = to_html(
            "[a](https://voorbeeld.nl) [b](mailto:x@y.nl) [c](/knowledge/2) [d](javascript:alert(1)) [e](data:text/html,x) [f](JaVaScRiPt:x)",
        );
        assert!(html.contains("href=\"https://voorbeeld.nl\""));
        assert!(html.contains("href=\"mailto:x@y.nl\""));
        assert!(html.contains("href=\"/knowledge/2\""));
        assert!(!html.to_lowercase().contains("javascript") || !html.contains("href=\"javascript"), "{html}");
        assert!(!html.contains("href=\"data:") && !html.to_lowercase().contains("href=\"javascript"), "{html}");
        assert!(html.contains(">d<") || html.contains(" d "), "the text stays: {html}");
    }

    #[test]
    fn images_show_their_description_only() {
        let html = to_html("![een plaatje](https://x/y.png)");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("een plaatje"), "{html}");
    }

    #[test]
    fn plain_text_has_no_markup() {
        assert_eq!(
            to_plain_text("# Kop\n\nEen **vette** [link](https://x).\n\n- een\n- twee"),
            "Kop Een vette link. een twee"
        );
    }

    #[test]
    fn plain_blocks_keep_headings_paragraphs_and_items_apart() {
        assert_eq!(
            to_plain_blocks(
                "# Kop\n\nEen **vette**\nregel.\n\n- een\n  - half\n- twee\n\n| a | b |\n|---|---|\n| c | d |"
            ),
            vec!["Kop", "Een vette regel.", "een", "half", "twee", "a", "b", "c", "d"]
        );
    }
}
