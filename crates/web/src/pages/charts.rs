//! Charts drawn on the server as inline SVG: no JavaScript, no chart library. Each chart is
//! an image with a name (`role="img"`, `aria-label` and `<title>`); the page shows the same
//! figures in a table beside it, which is what a screen reader reads. Colours come from CSS
//! classes (`bt-chart__bar--current` ...) that `buurtteam.css` fills from the design tokens,
//! and every bar carries its value as text, so nothing is told by colour alone.

use std::fmt::Write;

/// One value of a chart: drawn when `value` is known, and always labelled with `text`
/// ("12", "33,3%", "<5" when suppressed, "—" when there is nothing to compute it over).
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub value: Option<f64>,
    pub text: String,
}

/// A row of the chart: one label with a value per series (this period, the previous one).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub label: String,
    pub points: Vec<Point>,
}

/// A reference line, e.g. the target for intakes within 5 working days.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub value: f64,
    pub label: String,
}

/// A horizontal bar chart with one bar per series in each group.
pub struct BarChart<'a> {
    /// Unique on the page (ids of the title).
    pub id: &'a str,
    /// The chart's name, read out by screen readers.
    pub title: &'a str,
    /// Series names with their CSS modifier (`current`, `previous`), in the order of the points.
    pub series: &'a [(String, &'static str)],
    pub groups: &'a [Group],
    /// A fixed end of the scale (100 for percentages); otherwise from the data.
    pub max: Option<f64>,
    pub reference: Option<Reference>,
    /// Formats the numbers of the axis (in the page's language).
    pub axis_label: &'a dyn Fn(f64) -> String,
    /// Shown instead of bars when there are no groups.
    pub empty_text: &'a str,
}

const WIDTH: f64 = 640.0;
const LABEL_W: f64 = 200.0;
const PLOT_X0: f64 = 210.0;
const PLOT_X1: f64 = 560.0;
const BAR_H: f64 = 14.0;
const GROUP_GAP: f64 = 12.0;
const TOP: f64 = 40.0;
const AXIS_H: f64 = 28.0;

/// A "nice" step for about four intervals up to `max`: 1, 2 or 5 times a power of ten.
pub fn nice_step(max: f64) -> f64 {
    if !max.is_finite() || max <= 0.0 {
        return 1.0;
    }
    let raw = max / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let m = raw / magnitude;
    let nice = if m <= 1.0 {
        1.0
    } else if m <= 2.0 {
        2.0
    } else if m <= 5.0 {
        5.0
    } else {
        10.0
    };
    // Counts are whole numbers: no steps below 1.
    (nice * magnitude).max(1.0)
}

/// The scale of a chart: its end (a multiple of the step, at least the largest value) and
/// the ticks from 0 to the end.
pub fn scale(values: impl IntoIterator<Item = f64>, fixed: Option<f64>) -> (f64, Vec<f64>) {
    if let Some(max) = fixed.filter(|m| *m > 0.0) {
        let step = nice_step(max);
        let n = (max / step).ceil() as usize;
        return (max, (0..=n).map(|i| (i as f64 * step).min(max)).collect());
    }
    let largest = values.into_iter().filter(|v| v.is_finite()).fold(0.0f64, f64::max);
    let step = nice_step(largest);
    let n = ((largest / step).ceil() as usize).max(1);
    let end = n as f64 * step;
    (end, (0..=n).map(|i| i as f64 * step).collect())
}

/// Escapes text for XML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Shortens a label to `max` characters with an ellipsis (the table has the full text).
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max { s.to_owned() } else { format!("{}…", s.chars().take(max - 1).collect::<String>()) }
}

/// The x coordinate of `v` on a scale ending at `end`.
fn x_of(v: f64, end: f64) -> f64 {
    PLOT_X0 + (v.clamp(0.0, end) / end) * (PLOT_X1 - PLOT_X0)
}

/// Renders the chart as an `<svg>` element.
pub fn bar_chart(c: &BarChart) -> String {
    let per_group = c.series.len().max(1) as f64 * BAR_H + GROUP_GAP;
    let plot_h = if c.groups.is_empty() { 30.0 } else { c.groups.len() as f64 * per_group };
    let height = TOP + plot_h + AXIS_H;
    let values = c.groups.iter().flat_map(|g| g.points.iter().filter_map(|p| p.value));
    let reference = c.reference.as_ref().map(|r| r.value);
    let (end, ticks) = scale(values.chain(reference), c.max);
    let id = escape(c.id);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="bt-chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{id}-title" focusable="false" xmlns="http://www.w3.org/2000/svg"><title id="{id}-title">{}</title>"#,
        escape(c.title)
    );
    // Legend.
    let mut lx = PLOT_X0;
    for (name, class) in c.series {
        let _ = write!(
            s,
            r#"<rect class="bt-chart__bar bt-chart__bar--{class}" x="{lx}" y="8" width="12" height="12"/><text class="bt-chart__text" x="{}" y="18">{}</text>"#,
            lx + 16.0,
            escape(name)
        );
        lx += 24.0 + name.chars().count() as f64 * 7.0;
    }
    // Grid and axis.
    let axis_y = TOP + plot_h;
    for t in &ticks {
        let x = x_of(*t, end);
        let _ = write!(
            s,
            r#"<line class="bt-chart__grid" x1="{x:.1}" y1="{TOP}" x2="{x:.1}" y2="{axis_y}"/><text class="bt-chart__text bt-chart__tick" x="{x:.1}" y="{}" text-anchor="middle">{}</text>"#,
            axis_y + 18.0,
            escape(&(c.axis_label)(*t))
        );
    }
    if c.groups.is_empty() {
        let _ = write!(
            s,
            r#"<text class="bt-chart__text" x="{PLOT_X0}" y="{}">{}</text>"#,
            TOP + 20.0,
            escape(c.empty_text)
        );
    }
    for (gi, g) in c.groups.iter().enumerate() {
        let gy = TOP + gi as f64 * per_group;
        let label_y = gy + per_group / 2.0 - GROUP_GAP / 2.0 + 4.0;
        let _ = write!(
            s,
            r#"<text class="bt-chart__text" x="{}" y="{label_y:.1}" text-anchor="end">{}</text>"#,
            LABEL_W,
            escape(&shorten(&g.label, 30))
        );
        for (pi, p) in g.points.iter().enumerate() {
            let class = c.series.get(pi).map_or("current", |(_, k)| *k);
            let y = gy + pi as f64 * BAR_H;
            let w = p.value.map_or(0.0, |v| x_of(v, end) - PLOT_X0);
            if p.value.is_some() {
                let _ = write!(
                    s,
                    r#"<rect class="bt-chart__bar bt-chart__bar--{class}" x="{PLOT_X0}" y="{y:.1}" width="{w:.1}" height="{}"/>"#,
                    BAR_H - 2.0
                );
            }
            let _ = write!(
                s,
                r#"<text class="bt-chart__text bt-chart__value" x="{:.1}" y="{:.1}">{}</text>"#,
                PLOT_X0 + w + 4.0,
                y + BAR_H - 3.0,
                escape(&p.text)
            );
        }
    }
    if let Some(r) = &c.reference {
        let x = x_of(r.value, end);
        let _ = write!(
            s,
            r#"<line class="bt-chart__reference" x1="{x:.1}" y1="{}" x2="{x:.1}" y2="{axis_y}"/><text class="bt-chart__text bt-chart__reference-label" x="{x:.1}" y="{}" text-anchor="middle">{}</text>"#,
            TOP - 6.0,
            TOP - 8.0,
            escape(&r.label)
        );
    }
    s.push_str("</svg>");
    s
}

/// The colour class (1 to 5, light to dark) of a tile of the reach map: `value` in five equal
/// steps from 0 to `max`; `None` for a value that is not shown (suppressed or without
/// population figures).
pub fn tile_class(value: Option<f64>, max: f64) -> Option<u8> {
    let v = value?;
    if max <= 0.0 {
        return Some(1);
    }
    let step = (v / max * 5.0).ceil().clamp(1.0, 5.0);
    Some(step as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(v: Option<f64>, text: &str) -> Point {
        Point { value: v, text: text.to_owned() }
    }

    fn chart(groups: &[Group], max: Option<f64>, reference: Option<Reference>) -> String {
        let series = [("Deze periode".to_owned(), "current"), ("Vorige periode".to_owned(), "previous")];
        let fmt = |v: f64| format!("{v}");
        bar_chart(&BarChart {
            id: "c",
            title: "Aanmeldingen <per bron>",
            series: &series,
            groups,
            max,
            reference,
            axis_label: &fmt,
            empty_text: "Geen gegevens",
        })
    }

    #[test]
    fn steps_and_scales_are_round_numbers() {
        assert_eq!(nice_step(100.0), 50.0, "100 / 4 = 25 rounds up to 50");
        assert_eq!(nice_step(40.0), 10.0);
        assert_eq!(nice_step(7.0), 2.0);
        assert_eq!(nice_step(3.0), 1.0, "never below one");
        assert_eq!(nice_step(0.0), 1.0);
        assert_eq!(nice_step(f64::NAN), 1.0);
        assert_eq!(nice_step(12_000.0), 5_000.0);
        let (end, ticks) = scale([3.0, 17.0, 9.0], None);
        assert_eq!(end, 20.0);
        assert_eq!(ticks, [0.0, 5.0, 10.0, 15.0, 20.0]);
        let (end, ticks) = scale([33.3], Some(100.0));
        assert_eq!(end, 100.0);
        assert_eq!(ticks, [0.0, 50.0, 100.0]);
        let (end, ticks) = scale([], None);
        assert_eq!((end, ticks.len()), (1.0, 2), "an empty chart still has an axis 0..1");
    }

    #[test]
    fn bars_are_as_long_as_their_values_and_carry_their_text() {
        let groups = [
            Group { label: "School".into(), points: vec![point(Some(20.0), "20"), point(Some(10.0), "10")] },
            Group { label: "Huisarts".into(), points: vec![point(Some(5.0), "5"), point(Some(0.0), "0")] },
        ];
        let svg = chart(&groups, None, None);
        // Scale 0..20 over 350 px: 20 -> 350, 10 -> 175, 5 -> 87.5.
        assert!(svg.contains(r#"width="350.0""#), "{svg}");
        assert!(svg.contains(r#"width="175.0""#));
        assert!(svg.contains(r#"width="87.5""#));
        assert_eq!(svg.matches("bt-chart__bar--previous").count(), 3, "two bars and the legend");
        assert!(svg.contains(r#"role="img""#) && svg.contains("<title id=\"c-title\">"));
        assert!(svg.contains("Aanmeldingen &lt;per bron&gt;"), "text is escaped");
        assert!(svg.contains(">20</text>") && svg.contains(">School</text>"));
    }

    #[test]
    fn suppressed_values_have_no_bar_but_say_so() {
        let groups = [Group { label: "Team A".into(), points: vec![point(None, "<5"), point(Some(8.0), "8")] }];
        let svg = chart(&groups, None, None);
        assert_eq!(svg.matches("bt-chart__bar--current").count(), 1, "only the legend's square");
        assert!(svg.contains("&lt;5</text>"), "the suppressed value is written out");
        assert!(!svg.contains("NaN"));
    }

    #[test]
    fn an_empty_chart_says_there_is_no_data() {
        let svg = chart(&[], None, None);
        assert!(svg.contains("Geen gegevens"));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
    }

    #[test]
    fn the_reference_line_stands_at_its_value() {
        let groups = [Group { label: "Op tijd".into(), points: vec![point(Some(50.0), "50%")] }];
        let svg = chart(&groups, Some(100.0), Some(Reference { value: 90.0, label: "Norm 90%".into() }));
        // 90 of 100 over 350 px from x = 210: 525.
        assert!(svg.contains(r#"<line class="bt-chart__reference" x1="525.0""#), "{svg}");
        assert!(svg.contains("Norm 90%"));
        // A reference beyond the data stretches the scale (to 100) so that it is visible.
        let svg = chart(&groups, None, Some(Reference { value: 90.0, label: "Norm".into() }));
        assert!(svg.contains(r#"<line class="bt-chart__reference" x1="525.0""#), "{svg}");
        assert!(svg.contains(r#"width="175.0""#), "50 of 100");
    }

    #[test]
    fn tiles_fall_in_five_classes() {
        assert_eq!(tile_class(None, 3.0), None);
        assert_eq!(tile_class(Some(0.0), 3.0), Some(1));
        assert_eq!(tile_class(Some(0.6), 3.0), Some(1));
        assert_eq!(tile_class(Some(0.7), 3.0), Some(2));
        assert_eq!(tile_class(Some(3.0), 3.0), Some(5));
        assert_eq!(tile_class(Some(1.0), 0.0), Some(1));
    }
}
