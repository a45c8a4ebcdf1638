//! A small typesetter for readable PDF documents made on the server (the inzage export):
//! headings, paragraphs and list items on A4 pages, wrapped at word boundaries, with page
//! numbers. Text is set in DejaVu Sans (from the `dejavu` crate, embedded whole and
//! compressed), so every name a Dutch family has (Öztürk, Şahin, Zoë) renders, and a
//! `ToUnicode` map makes the text searchable and extractable. Written with `pdf-writer`, which
//! builds in seconds; layout beyond this (tables, images) is not needed here (decision 0025).

use std::collections::BTreeMap;
use std::io::Write as _;
use std::sync::OnceLock;

use flate2::Compression;
use flate2::write::ZlibEncoder;
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

/// One piece of a document, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The document's title, once at the top.
    Title(String),
    /// A part of the document ("Jouw gegevens", "Doelen").
    Heading(String),
    /// A heading within a part (one goal).
    Subheading(String),
    Para(String),
    /// A line of a list, with a bullet.
    Item(String),
    /// A small grey line (dates, who wrote it).
    Meta(String),
}

const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 56.0;
const BOTTOM: f32 = 64.0;
const BULLET_INDENT: f32 = 14.0;

/// A font as the typesetter uses it: metrics from the file, the file compressed once.
struct Face {
    data: &'static [u8],
    compressed: Vec<u8>,
    units: f32,
    ascent: f32,
    descent: f32,
    cap_height: f32,
    bbox: Rect,
    /// Glyph advance widths in font units, by glyph id.
    advances: Vec<u16>,
    /// The PostScript name the PDF gives it.
    name: &'static [u8],
}

impl Face {
    fn load(data: &'static [u8], name: &'static [u8]) -> Option<Self> {
        let face = ttf_parser::Face::parse(data, 0).ok()?;
        let advances =
            (0..face.number_of_glyphs()).map(|g| face.glyph_hor_advance(ttf_parser::GlyphId(g)).unwrap_or(0)).collect();
        let b = face.global_bounding_box();
        let mut enc = ZlibEncoder::new(Vec::new(), Compression::default());
        enc.write_all(data).ok()?;
        Some(Self {
            data,
            compressed: enc.finish().ok()?,
            units: f32::from(face.units_per_em()),
            ascent: f32::from(face.ascender()),
            descent: f32::from(face.descender()),
            cap_height: f32::from(face.capital_height().unwrap_or(face.ascender())),
            bbox: Rect::new(f32::from(b.x_min), f32::from(b.y_min), f32::from(b.x_max), f32::from(b.y_max)),
            advances,
            name,
        })
    }

    fn glyph(&self, c: char) -> u16 {
        let face = ttf_parser::Face::parse(self.data, 0).ok();
        let id = |c| face.as_ref().and_then(|f| f.glyph_index(c)).map(|g| g.0);
        id(c).or_else(|| id('?')).unwrap_or(0)
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        let face = ttf_parser::Face::parse(self.data, 0).ok();
        text.chars()
            .map(|c| {
                let g = face.as_ref().and_then(|f| f.glyph_index(c).or_else(|| f.glyph_index('?'))).map_or(0, |g| g.0);
                f32::from(self.advances.get(usize::from(g)).copied().unwrap_or(0))
            })
            .sum::<f32>()
            * size
            / self.units
    }
}

struct Faces {
    regular: Face,
    bold: Face,
}

fn faces() -> Option<&'static Faces> {
    static FACES: OnceLock<Option<Faces>> = OnceLock::new();
    FACES
        .get_or_init(|| {
            Some(Faces {
                regular: Face::load(dejavu::sans::regular(), b"DejaVuSans")?,
                bold: Face::load(dejavu::sans::bold(), b"DejaVuSans-Bold")?,
            })
        })
        .as_ref()
}

#[derive(Clone, Copy, PartialEq)]
enum Weight {
    Regular,
    Bold,
}

/// One line placed on a page.
struct Line {
    x: f32,
    y: f32,
    size: f32,
    weight: Weight,
    grey: bool,
    text: String,
}

/// Splits `text` into lines no wider than `width`, at spaces (a word longer than a line is cut).
fn wrap(face: &Face, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if face.width(&candidate, size) <= width || line.is_empty() && face.width(word, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than the line: cut it where it no longer fits.
            let mut rest = word.to_owned();
            while face.width(&rest, size) > width {
                let mut cut = String::new();
                for c in rest.chars() {
                    if face.width(&format!("{cut}{c}"), size) > width && !cut.is_empty() {
                        break;
                    }
                    cut.push(c);
                }
                rest = rest[cut.len()..].to_owned();
                lines.push(cut);
            }
            line = rest;
        }
        lines.push(line);
    }
    lines
}

/// Places the blocks on pages.
fn layout(faces: &Faces, blocks: &[Block]) -> Vec<Vec<Line>> {
    let mut pages: Vec<Vec<Line>> = vec![Vec::new()];
    let mut y = PAGE_H - MARGIN;
    let width = PAGE_W - 2.0 * MARGIN;
    for block in blocks {
        let (size, weight, grey, before, indent, bullet, keep) = match block {
            Block::Title(_) => (20.0, Weight::Bold, false, 0.0, 0.0, false, 1),
            Block::Heading(_) => (14.0, Weight::Bold, false, 16.0, 0.0, false, 3),
            Block::Subheading(_) => (11.5, Weight::Bold, false, 10.0, 0.0, false, 3),
            Block::Para(_) => (10.5, Weight::Regular, false, 4.0, 0.0, false, 1),
            Block::Item(_) => (10.5, Weight::Regular, false, 2.0, BULLET_INDENT, true, 1),
            Block::Meta(_) => (9.0, Weight::Regular, true, 1.0, 0.0, false, 1),
        };
        let text = match block {
            Block::Title(t)
            | Block::Heading(t)
            | Block::Subheading(t)
            | Block::Para(t)
            | Block::Item(t)
            | Block::Meta(t) => t,
        };
        let face = if weight == Weight::Bold { &faces.bold } else { &faces.regular };
        let leading = size * 1.4;
        let lines = wrap(face, text, size, width - indent);
        // A heading keeps a few lines of what follows with it on its page.
        let needed = before + leading * (lines.len().min(keep) as f32 + if keep > 1 { 2.0 } else { 0.0 });
        if y - needed < BOTTOM && !pages.last().is_some_and(Vec::is_empty) {
            pages.push(Vec::new());
            y = PAGE_H - MARGIN;
        } else {
            y -= before;
        }
        for (i, line) in lines.into_iter().enumerate() {
            if y - leading < BOTTOM {
                pages.push(Vec::new());
                y = PAGE_H - MARGIN;
            }
            y -= leading;
            let page = pages.last_mut().expect("a page");
            if bullet && i == 0 {
                page.push(Line { x: MARGIN + 2.0, y, size, weight, grey, text: "•".into() });
            }
            page.push(Line { x: MARGIN + indent, y, size, weight, grey, text: line });
        }
    }
    pages
}

/// The glyphs a font shows, for its width array and `ToUnicode` map.
#[derive(Default)]
struct Used(BTreeMap<u16, char>);

fn encode(face: &Face, used: &mut Used, text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() * 2);
    for c in text.chars() {
        let g = face.glyph(c);
        used.0.entry(g).or_insert(c);
        out.extend_from_slice(&g.to_be_bytes());
    }
    out
}

fn write_font(pdf: &mut Pdf, next: &mut impl FnMut() -> Ref, face: &Face, used: &Used, id: Ref) {
    let (cid, descriptor, file, cmap_ref) = (next(), next(), next(), next());
    let info = SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };
    pdf.type0_font(id)
        .base_font(Name(face.name))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap_ref);
    let scale = 1000.0 / face.units;
    let mut font = pdf.cid_font(cid);
    font.subtype(CidFontType::Type2)
        .base_font(Name(face.name))
        .system_info(info)
        .font_descriptor(descriptor)
        .default_width(0.0)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    {
        let mut widths = font.widths();
        for g in used.0.keys() {
            let w = f32::from(face.advances.get(usize::from(*g)).copied().unwrap_or(0)) * scale;
            widths.consecutive(*g, [w]);
        }
    }
    font.finish();
    let s = |v: f32| v * scale;
    pdf.font_descriptor(descriptor)
        .name(Name(face.name))
        .flags(FontFlags::NON_SYMBOLIC)
        .bbox(Rect::new(s(face.bbox.x1), s(face.bbox.y1), s(face.bbox.x2), s(face.bbox.y2)))
        .italic_angle(0.0)
        .ascent(s(face.ascent))
        .descent(s(face.descent))
        .cap_height(s(face.cap_height))
        .stem_v(80.0)
        .font_file2(file);
    pdf.stream(file, &face.compressed).filter(Filter::FlateDecode).pair(Name(b"Length1"), face.data.len() as i32);
    let mut cmap = UnicodeCmap::<u16>::new(Name(b"Custom"), info);
    for (g, c) in &used.0 {
        cmap.pair(*g, *c);
    }
    let cmap = cmap.finish();
    pdf.cmap(cmap_ref, &cmap);
}

/// Renders the blocks as a PDF: `title` in the document's properties, `footer(page, pages)`
/// at the foot of every page. `None` only if the embedded font cannot be read.
pub fn render(title: &str, lang: &str, blocks: &[Block], footer: impl Fn(usize, usize) -> String) -> Option<Vec<u8>> {
    let faces = faces()?;
    let pages = layout(faces, blocks);
    let mut pdf = Pdf::new();
    let mut counter = 0;
    let mut next = move || {
        counter += 1;
        Ref::new(counter)
    };
    let (catalog, tree, info, regular_id, bold_id) = (next(), next(), next(), next(), next());
    let mut used_regular = Used::default();
    let mut used_bold = Used::default();
    let total = pages.len();
    let mut page_ids = Vec::new();
    for (n, lines) in pages.iter().enumerate() {
        let (page_id, content_id) = (next(), next());
        page_ids.push(page_id);
        let mut content = Content::new();
        let mut draw = |content: &mut Content, line: &Line| {
            let (face, used, font) = match line.weight {
                Weight::Regular => (&faces.regular, &mut used_regular, Name(b"F1")),
                Weight::Bold => (&faces.bold, &mut used_bold, Name(b"F2")),
            };
            let grey = if line.grey { 0.33 } else { 0.0 };
            content.set_fill_rgb(grey, grey, grey);
            content.begin_text();
            content.set_font(font, line.size);
            content.next_line(line.x, line.y);
            content.show(Str(&encode(face, used, &line.text)));
            content.end_text();
        };
        for line in lines {
            draw(&mut content, line);
        }
        let foot = footer(n + 1, total);
        let foot_line =
            Line { x: MARGIN, y: BOTTOM - 28.0, size: 8.5, weight: Weight::Regular, grey: true, text: foot };
        draw(&mut content, &foot_line);
        let data = content.finish();
        let mut enc = ZlibEncoder::new(Vec::new(), Compression::default());
        enc.write_all(&data).ok()?;
        let data = enc.finish().ok()?;
        pdf.stream(content_id, &data).filter(Filter::FlateDecode);
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H)).parent(tree).contents(content_id);
        page.resources().fonts().pair(Name(b"F1"), regular_id).pair(Name(b"F2"), bold_id);
        page.finish();
    }
    pdf.pages(tree).kids(page_ids.iter().copied()).count(page_ids.len() as i32);
    pdf.catalog(catalog).pages(tree).lang(TextStr(lang));
    pdf.document_info(info).title(TextStr(title)).creator(TextStr("Buurtteam"));
    write_font(&mut pdf, &mut next, &faces.regular, &used_regular, regular_id);
    write_font(&mut pdf, &mut next, &faces.bold, &used_bold, bold_id);
    Some(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_wraps_within_the_page_and_keeps_every_word() {
        let Some(faces) = faces() else { panic!("the embedded font reads") };
        let text = "Şahin Öztürk wil dat de ochtenden rustiger verlopen, zodat Zoë op tijd op school is. ".repeat(8);
        let lines = wrap(&faces.regular, &text, 10.5, 300.0);
        assert!(lines.len() > 4, "{lines:?}");
        for l in &lines {
            assert!(faces.regular.width(l, 10.5) <= 300.0, "{l}");
        }
        assert_eq!(lines.join(" ").split_whitespace().collect::<Vec<_>>(), text.split_whitespace().collect::<Vec<_>>());
    }

    #[test]
    fn many_blocks_flow_onto_more_pages() {
        let Some(faces) = faces() else { panic!("the embedded font reads") };
        let blocks: Vec<Block> = (0..120).map(|i| Block::Para(format!("Regel {i}"))).collect();
        let pages = layout(faces, &blocks);
        assert!(pages.len() >= 2);
        for page in &pages {
            assert!(page.iter().all(|l| l.y >= BOTTOM));
        }
        let bytes = render("Test", "nl", &blocks, |n, of| format!("Pagina {n} van {of}")).unwrap_or_default();
        assert!(bytes.starts_with(b"%PDF-"));
    }
}
