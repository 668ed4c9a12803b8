//! The milestone drift as a picture (SVG): meetings along the horizontal axis, planned dates
//! along the vertical one, one line per milestone, the stages as bands behind.
//!
//! The picture is laid out here with no font metrics at hand, so text widths are estimated
//! generously (see `text_w`) and every label is fitted or moved so that none overlaps another:
//! the dates as written above their interval bars, moved up until they are clear of the
//! labels and dots placed before them; the milestones' names beside the chart when there are
//! few, in a numbered legend below it when there are many.
//! Nothing is loaded from outside: no fonts, no scripts, no links.

use std::fmt::Write as _;
use std::io::{self, Write};

use chrono::{Datelike, NaiveDate, TimeDelta};

use crate::dates::MONTH_NAMES as MONTHS;
use crate::model::Stage;
use crate::snapshot::{Milestone, Status};
use crate::timeline::{Drift, Timeline};

/// Escape text for XML (element content and attribute values alike).
pub fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

const FONT: &str = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif";
/// The x of the vertical axis: the year and quarter labels stand left of it.
const LEFT: f64 = 78.0;
/// The width a meeting's column wants.
const COL_W: f64 = 150.0;
const MIN_PLOT_W: f64 = 300.0;
const MAX_PLOT_W: f64 = 900.0;
/// Room right of the plot for the milestones' names.
const LABELS_W: f64 = 290.0;
const RIGHT_PAD: f64 = 24.0;
/// Room for the title and the key under even the smallest chart.
const MIN_WIDTH: f64 = 640.0;
/// More milestones than this get numbers and a legend below instead of names beside the lines.
const MAX_NAMED: usize = 5;
/// Where the stage strip starts under a one-line title and subtitle.
const STRIP_TOP: f64 = 56.0;
const STRIP_H: f64 = 22.0;
const GAP_BETWEEN_CHARTS: f64 = 28.0;
/// Colours for milestones (Okabe–Ito, told apart by most colour-blind readers too).
const PALETTE: [&str; 8] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F5F1F", "#000000",
];

/// One SVG document holding a chart per timeline, stacked top to bottom.
pub fn timelines(out: &mut impl Write, timelines: &[Timeline]) -> io::Result<()> {
    let charts: Vec<Chart> = timelines.iter().map(Chart::new).collect();
    let width = charts
        .iter()
        .map(|c| c.width)
        .fold(MIN_WIDTH, f64::max)
        .ceil();
    let mut body = String::new();
    let mut y = 0.0;
    for (i, c) in charts.iter().enumerate() {
        if i > 0 {
            let _ = writeln!(
                body,
                r##"  <line x1="12" y1="{}" x2="{}" y2="{}" stroke="#cccccc"/>"##,
                num(y + GAP_BETWEEN_CHARTS / 2.0),
                num(width - 12.0),
                num(y + GAP_BETWEEN_CHARTS / 2.0)
            );
            y += GAP_BETWEEN_CHARTS;
        }
        c.render(&mut body, y, width);
        y += c.height;
    }
    if charts.is_empty() {
        let _ = writeln!(
            body,
            r##"  <text x="{LEFT}" y="40" fill="#666666">No timeline to draw.</text>"##
        );
        y = 64.0;
    }
    let height = y.ceil();
    let names: Vec<&str> = timelines.iter().map(|t| t.dossier.as_str()).collect();
    writeln!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" font-family="{FONT}" font-size="12">"##,
        w = num(width),
        h = num(height)
    )?;
    writeln!(
        out,
        "  <title>Milestone drift: {}</title>",
        xml_escape(&names.join(", "))
    )?;
    writeln!(
        out,
        r##"  <rect x="0" y="0" width="{}" height="{}" fill="#ffffff"/>"##,
        num(width),
        num(height)
    )?;
    out.write_all(body.as_bytes())?;
    writeln!(out, "</svg>")
}

/// A number for an attribute: one decimal at most, no `-0`.
fn num(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// The estimated width of text at a font size. There are no font metrics here, so each
/// character is given a width on the generous side of the common sans-serif fonts
/// (DejaVu Sans, Verdana, Arial): digits and capitals wide, `i`, `l`, `.` narrow.
fn text_w(s: &str, size: f64) -> f64 {
    s.chars().map(char_em).sum::<f64>() * size
}

fn char_em(c: char) -> f64 {
    // DejaVu Sans, the widest of the fonts named, rounded up: `a` 0.61, `m` 0.97, `W` 0.99.
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.3,
        'f' | 't' | 'r' | ' ' | '(' | ')' | '-' | '/' => 0.42,
        's' | 'c' | 'z' => 0.56,
        'm' => 0.98,
        'w' => 0.83,
        '0'..='9' => 0.64,
        'M' | 'W' => 1.0,
        'I' | 'J' => 0.4,
        c if c.is_uppercase() => 0.78,
        '—' | '…' | '→' | '–' | '−' => 0.84,
        _ => 0.63,
    }
}

/// Fit text into `px` at `size`: whole words with an ellipsis where it can, cut mid-word
/// where one word is most of it.
fn fit(s: &str, px: f64, size: f64) -> String {
    if text_w(s, size) <= px {
        return s.to_string();
    }
    let room = px - text_w("…", size);
    if room <= 0.0 {
        return String::new();
    }
    let mut out = String::new();
    for word in s.split_whitespace() {
        let candidate = if out.is_empty() {
            word.to_string()
        } else {
            format!("{out} {word}")
        };
        if text_w(&candidate, size) > room {
            break;
        }
        out = candidate;
    }
    if text_w(&out, size) < room / 2.0 {
        out.clear();
        for c in s.chars() {
            out.push(c);
            if text_w(&out, size) > room {
                out.pop();
                break;
            }
        }
    }
    let trimmed = out.trim_end_matches([' ', ',', ';', ':', '.', '-', '(']);
    format!("{trimmed}…")
}

/// A date as a fractional month count (January of year 0 is 0), so the axis is linear in
/// calendar months as the diff's "+6 months" is.
fn month_index(d: NaiveDate) -> f64 {
    let dim = days_in_month(d.year(), d.month());
    f64::from(d.year()) * 12.0 + f64::from(d.month0()) + f64::from(d.day0()) / f64::from(dim)
}

fn days_in_month(y: i32, m: u32) -> u32 {
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    match (NaiveDate::from_ymd_opt(y, m, 1), next) {
        (Some(a), Some(b)) => u32::try_from(b.signed_duration_since(a).num_days()).unwrap_or(30),
        _ => 30,
    }
}

/// The end of a day as a month index.
fn end_of(d: NaiveDate) -> f64 {
    d.checked_add_signed(TimeDelta::days(1))
        .map_or_else(|| month_index(d), month_index)
}

/// The vertical domain (month indices, whole quarters) and the plot's height for these
/// values: at least two quarters, with room above the highest interval for its label.
fn domain(values: &[f64]) -> (f64, f64, f64) {
    let (Some(min), Some(max)) = (
        values.iter().copied().reduce(f64::min),
        values.iter().copied().reduce(f64::max),
    ) else {
        return (0.0, 6.0, 220.0);
    };
    let (mut lo, mut hi) = ((min / 3.0).floor() * 3.0, (max / 3.0).ceil() * 3.0);
    let height = |lo: f64, hi: f64| ((hi - lo) * 11.0).clamp(220.0, 440.0);
    if hi - lo < 6.0 {
        let missing = ((6.0 - (hi - lo)) / 3.0).ceil() as i64;
        hi += 3.0 * (missing - missing / 2) as f64;
        lo -= 3.0 * (missing / 2) as f64;
    }
    let ppm = |lo: f64, hi: f64| height(lo, hi) / (hi - lo);
    if (hi - max) * ppm(lo, hi) < 20.0 {
        hi += 3.0;
    }
    if (min - lo) * ppm(lo, hi) < 6.0 {
        lo -= 3.0;
    }
    (lo, hi, height(lo, hi))
}

/// Fill and text colour of a stage's band.
fn stage_colours(s: Stage) -> (&'static str, &'static str) {
    match s {
        Stage::Voorstel => ("#eceff4", "#4c566a"),
        Stage::Raadsonderhandelingen => ("#e3effa", "#1f5f99"),
        Stage::Raadspositie => ("#e4f3e6", "#2e6b31"),
        Stage::Triloog => ("#fcefd9", "#8a5200"),
        Stage::VoorlopigAkkoord => ("#f5e4f0", "#86295f"),
        Stage::Aangenomen => ("#e9e5f7", "#4a3aa0"),
        Stage::InWerking => ("#e2f3ef", "#00695c"),
    }
}

fn months_word(m: i32) -> String {
    match m {
        0 => "no net move".to_string(),
        1 => "+1 month".to_string(),
        -1 => "−1 month".to_string(),
        m if m > 0 => format!("+{m} months"),
        m => format!("−{} months", m.unsigned_abs()),
    }
}

/// A point in the words a reader uses: `2024`, `okt 2023`, `1 okt 2023`.
fn short_point(p: &crate::model::Point) -> String {
    use crate::model::Point as P;
    let month = |m: u32| {
        MONTHS
            .get(m.saturating_sub(1) as usize)
            .map_or("?", |name| &name[..3])
    };
    match *p {
        P::Year(y) => y.to_string(),
        P::Month(y, m) => format!("{} {y}", month(m)),
        P::Day(d) => format!("{} {} {}", d.day(), month(d.month()), d.year()),
    }
}

/// The words that gave a date, with what they resolve to where the words alone do not say
/// (`deze maand (okt 2023)`, `1 oktober jl. (2023)`), so that every label reads without the
/// report at hand.
fn phrase_label(m: &Milestone) -> String {
    let phrase = m.phrase.trim();
    if phrase.is_empty() {
        return m.when.to_string();
    }
    let has_year = phrase
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit));
    if has_year {
        return phrase.to_string();
    }
    let lower = phrase.to_lowercase();
    let names_month = MONTHS.iter().any(|name| lower.contains(name));
    let (a, b) = (m.when.start, m.when.end);
    let resolved = if names_month {
        let (ya, yb) = (a.first_day().year(), b.last_day().year());
        if ya == yb {
            ya.to_string()
        } else {
            format!("{ya}–{yb}")
        }
    } else if a == b {
        short_point(&a)
    } else {
        format!("{} – {}", short_point(&a), short_point(&b))
    };
    format!("{phrase} ({resolved})")
}

fn status_word(s: Status) -> &'static str {
    match s {
        Status::Done => "done",
        Status::Planned => "planned",
    }
}

/// A milestone as stated at one entry.
struct Point<'a> {
    /// The entry (column).
    k: usize,
    m: &'a Milestone,
    /// First and last moment of the interval, and its middle, as month indices.
    first: f64,
    end: f64,
    mid: f64,
}

/// One milestone's line.
struct Series<'a> {
    drift: &'a Drift,
    colour: &'static str,
    /// Horizontal offset from the column's centre, so that equal dates stay apart.
    dx: f64,
    points: Vec<Point<'a>>,
}

impl Series<'_> {
    /// "najaar 2024 → voorjaar 2025 → najaar 2025, +12 months": the dates it was given, in
    /// order, each once.
    fn history(&self) -> String {
        let mut phrases: Vec<String> = Vec::new();
        let mut last: Option<&Milestone> = None;
        for p in &self.points {
            if last.is_none_or(|l| l.when != p.m.when) {
                phrases.push(phrase_label(p.m));
            }
            last = Some(p.m);
        }
        let moved = match self.drift.total_months() {
            Some(m) => format!(", {}", months_word(m)),
            None => String::new(),
        };
        format!("{}{moved}", phrases.join(" → "))
    }
}

/// Bold text is wider: its estimate is scaled by this.
const BOLD: f64 = 1.15;
const NAME_SIZE: f64 = 12.0;
const NAME_LINE: f64 = 14.0;
const HISTORY_SIZE: f64 = 10.5;
const HISTORY_LINE: f64 = 13.0;
/// From the last baseline of one name to the first of the next.
const BLOCK_GAP: f64 = 22.0;
const PHRASE_SIZE: f64 = 10.5;
/// The baseline of the title's first line, and the distance between its lines.
const TITLE_Y: f64 = 24.0;
const TITLE_LINE: f64 = 18.0;
const SUB_SIZE: f64 = 11.0;
const SUB_LINE: f64 = 14.0;
/// The numbered legend: a name's lines, then its dates' lines.
const LEGEND_SIZE: f64 = 11.0;
const LEGEND_LINE: f64 = 14.0;
/// The key's rows, from baseline to baseline.
const KEY_ROW: f64 = 18.0;
/// The room a placed label keeps from everything else, on every side.
const PAD: f64 = 1.5;

/// The estimated width of a line of text in the picture, as its layout measures it (public so
/// that tests measure the labels as the layout did).
pub fn text_width(s: &str, size: f64, bold: bool) -> f64 {
    text_w(s, if bold { size * BOLD } else { size })
}

/// How far a line of text reaches above its baseline, and below it, as a fraction of the font
/// size: the box every label is given (DejaVu Sans and Verdana reach 0.76 and 0.24).
pub const ASCENT: f64 = 0.8;
/// See [`ASCENT`].
pub const DESCENT: f64 = 0.25;

/// Where an x is on a line of text, as `text-anchor` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    Start,
    Middle,
}

impl Anchor {
    fn attr(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
        }
    }
}

/// A box in the chart's coordinates: left, top, right, bottom.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Rect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Rect {
    /// The box of `lines` lines of text at most `w` wide, the first baseline at `y`.
    fn text(x: f64, y: f64, w: f64, size: f64, lines: usize, line_h: f64, a: Anchor) -> Rect {
        let x0 = match a {
            Anchor::Start => x,
            Anchor::Middle => x - w / 2.0,
        };
        Rect {
            x0,
            y0: y - ASCENT * size,
            x1: x0 + w,
            y1: y + line_h * (lines.max(1) - 1) as f64 + DESCENT * size,
        }
    }

    fn h(&self) -> f64 {
        self.y1 - self.y0
    }

    fn shift(&self, dx: f64, dy: f64) -> Rect {
        Rect {
            x0: self.x0 + dx,
            y0: self.y0 + dy,
            x1: self.x1 + dx,
            y1: self.y1 + dy,
        }
    }

    fn grow(&self, d: f64) -> Rect {
        Rect {
            x0: self.x0 - d,
            y0: self.y0 - d,
            x1: self.x1 + d,
            y1: self.y1 + d,
        }
    }

    fn hits(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    fn inside(&self, o: &Rect) -> bool {
        self.x0 >= o.x0 && self.x1 <= o.x1 && self.y0 >= o.y0 && self.y1 <= o.y1
    }

    /// Whether the segment from `a` to `b` runs through the box (Liang–Barsky clipping).
    fn cut_by(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
        for (p, q) in [
            (-dx, a.0 - self.x0),
            (dx, self.x1 - a.0),
            (-dy, a.1 - self.y0),
            (dy, self.y1 - a.1),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let r = q / p;
                if p < 0.0 {
                    t0 = t0.max(r);
                } else {
                    t1 = t1.min(r);
                }
                if t0 > t1 {
                    return false;
                }
            }
        }
        true
    }
}

/// What a chart has drawn so far, as far as a label must keep clear of it: the segments of
/// every line, and the boxes of dots, bars and labels already placed.
#[derive(Default)]
struct Scene {
    boxes: Vec<Rect>,
    segments: Vec<((f64, f64), (f64, f64))>,
}

impl Scene {
    fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64) {
        self.segments.push(((x1, y1), (x2, y2)));
    }

    fn polyline(&mut self, points: &[(f64, f64)]) {
        for w in points.windows(2) {
            self.segments.push((w[0], w[1]));
        }
    }

    fn mark(&mut self, r: Rect) {
        self.boxes.push(r);
    }

    fn free(&self, r: &Rect) -> bool {
        let g = r.grow(PAD);
        self.boxes.iter().all(|b| !b.hits(&g))
            && self.segments.iter().all(|&(a, b)| !g.cut_by(a, b))
    }

    /// The first candidate that lies inside `bounds` (moved in sideways where it sticks out)
    /// and clear of everything drawn; it is then taken.
    fn place(&mut self, candidates: impl IntoIterator<Item = Rect>, bounds: &Rect) -> Option<Rect> {
        let found = candidates
            .into_iter()
            .map(|c| {
                let dx = if c.x0 < bounds.x0 {
                    bounds.x0 - c.x0
                } else if c.x1 > bounds.x1 {
                    bounds.x1 - c.x1
                } else {
                    0.0
                };
                c.shift(dx, 0.0)
            })
            .find(|c| c.inside(bounds) && self.free(c))?;
        self.boxes.push(found);
        Some(found)
    }
}

/// Where a label of `w`×`h` may go beside the mark `a`, nearest first: above, below, right,
/// left, then each of those moved a little further, up and down and sideways.
fn around(a: Rect, w: f64, h: f64) -> Vec<Rect> {
    let (cx, cy) = ((a.x0 + a.x1) / 2.0, (a.y0 + a.y1) / 2.0);
    let gap = 3.0;
    let at = |x0: f64, y0: f64| Rect {
        x0,
        y0,
        x1: x0 + w,
        y1: y0 + h,
    };
    let base = [
        at(cx - w / 2.0, a.y0 - gap - h),
        at(cx - w / 2.0, a.y1 + gap),
        at(a.x1 + gap, cy - h / 2.0),
        at(a.x0 - gap - w, cy - h / 2.0),
    ];
    let mut out = base.to_vec();
    for step in 1..=10 {
        let d = f64::from(step) * 5.0;
        for b in &base {
            out.extend([
                b.shift(0.0, -d),
                b.shift(0.0, d),
                b.shift(d * 2.0, 0.0),
                b.shift(-d * 2.0, 0.0),
                b.shift(d * 2.0, -d),
                b.shift(-d * 2.0, -d),
                b.shift(d * 2.0, d),
                b.shift(-d * 2.0, d),
            ]);
        }
    }
    out
}

/// Text broken at spaces into lines of at most `px` (the first at most `first`); a word wider
/// than a line gets a line of its own and is never cut.
fn wrap_px(s: &str, first: f64, px: f64, size: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let room = if lines.is_empty() { first } else { px };
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && text_w(&candidate, size) > room {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The widest of some lines.
fn widest(lines: &[String], size: f64) -> f64 {
    lines.iter().map(|l| text_w(l, size)).fold(0.0, f64::max)
}

/// A `<text>` of one line or more; lines after the first are `tspan`s with `x` and `dy`.
struct Label<'a> {
    class: &'a str,
    x: f64,
    y: f64,
    anchor: Anchor,
    size: f64,
    bold: bool,
    fill: &'a str,
    line_h: f64,
    lines: &'a [String],
    /// More attributes, written as they are (a leading space each).
    extra: &'a str,
    tip: Option<&'a str>,
}

impl Label<'_> {
    fn write(&self, o: &mut String) {
        let class = if self.class.is_empty() {
            String::new()
        } else {
            format!(r#" class="{}""#, self.class)
        };
        let anchor = match self.anchor {
            Anchor::Start => String::new(),
            a => format!(r#" text-anchor="{}""#, a.attr()),
        };
        let weight = if self.bold {
            r#" font-weight="bold""#
        } else {
            ""
        };
        let _ = write!(
            o,
            r#"    <text{class} x="{}" y="{}"{anchor} font-size="{}"{weight} fill="{}"{}>"#,
            num(self.x),
            num(self.y),
            self.size,
            self.fill,
            self.extra
        );
        for (i, line) in self.lines.iter().enumerate() {
            if i == 0 {
                o.push_str(&xml_escape(line));
            } else {
                let _ = write!(
                    o,
                    r#"<tspan x="{}" dy="{}">{}</tspan>"#,
                    num(self.x),
                    num(self.line_h),
                    xml_escape(line)
                );
            }
        }
        if let Some(tip) = self.tip {
            let _ = write!(o, "<title>{}</title>", xml_escape(tip));
        }
        let _ = writeln!(o, "</text>");
    }
}

/// A milestone's name and dates beside the chart.
struct NameBlock {
    /// The baseline of the first line.
    y: f64,
    name: Vec<String>,
    history: Vec<String>,
}

impl NameBlock {
    fn history_y(&self) -> f64 {
        self.y + NAME_LINE * (self.name.len().max(1) - 1) as f64 + 15.0
    }

    /// From the first baseline to the last.
    fn height(&self) -> f64 {
        self.history_y() - self.y + HISTORY_LINE * (self.history.len().max(1) - 1) as f64
    }

    fn bottom(&self) -> f64 {
        self.y + self.height() + 4.0
    }
}

/// A milestone in the numbered legend below the chart.
struct LegendRow {
    /// The baseline of its first line.
    y: f64,
    name: Vec<String>,
    history: Vec<String>,
}

impl LegendRow {
    fn history_y(&self) -> f64 {
        self.y + LEGEND_LINE * self.name.len() as f64
    }

    fn bottom(&self) -> f64 {
        self.history_y() + HISTORY_LINE * (self.history.len().max(1) - 1) as f64
    }
}

/// The marks the key can explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeyMark {
    Done,
    Planned,
    Interval,
    MeetingDate,
}

impl KeyMark {
    fn class(self) -> &'static str {
        match self {
            KeyMark::Done => "done",
            KeyMark::Planned => "planned",
            KeyMark::Interval => "interval",
            KeyMark::MeetingDate => "meeting-date",
        }
    }

    fn text(self) -> &'static str {
        match self {
            KeyMark::Done => "done",
            KeyMark::Planned => "planned",
            KeyMark::Interval => "the interval the words cover (najaar = Sep–Nov)",
            KeyMark::MeetingDate => "the meeting date",
        }
    }
}

/// Which dots a timeline's picture draws: (done, planned).
fn statuses(t: &Timeline) -> (bool, bool) {
    let stated = || t.drift.iter().flat_map(|d| d.at.iter().flatten());
    (
        stated().any(|m| m.status == Status::Done),
        stated().any(|m| m.status == Status::Planned),
    )
}

/// What the picture's vertical axis holds, in words that match the dots it draws: "Planned
/// dates", "Dates done", "Planned and done dates", or "Meeting dates" where it draws no
/// milestone (the HTML page's caption says the same).
pub fn dates_drawn(t: &Timeline) -> &'static str {
    match statuses(t) {
        (true, true) => "Planned and done dates",
        (false, true) => "Planned dates",
        (true, false) => "Dates done",
        (false, false) => "Meeting dates",
    }
}

/// What the dots mean, for the marks drawn: "a filled dot is done, a hollow one planned".
pub fn dots_drawn(t: &Timeline) -> Option<&'static str> {
    match statuses(t) {
        (true, true) => Some("a filled dot is done, a hollow one planned"),
        (false, true) => Some("a hollow dot is planned"),
        (true, false) => Some("a filled dot is done"),
        (false, false) => None,
    }
}

/// The layout of one timeline's chart.
struct Chart<'a> {
    t: &'a Timeline,
    n: usize,
    col_w: f64,
    plot_w: f64,
    plot_h: f64,
    /// The vertical domain, in month indices, quarter-aligned.
    lo: f64,
    hi: f64,
    series: Vec<Series<'a>>,
    /// Names beside the lines (few milestones) or a numbered legend below (many).
    named: bool,
    /// The names beside the chart, per series.
    names: Vec<NameBlock>,
    /// The numbered legend, per series.
    legend: Vec<LegendRow>,
    /// The title's lines (the first follows the dossier id) and the subtitle's.
    title: Vec<String>,
    subtitle: Vec<String>,
    /// Where the stage strip starts: below the title, however many lines it took.
    strip_top: f64,
    /// The key's marks: what, where (x), and on which row.
    key: Vec<(KeyMark, f64, usize)>,
    width: f64,
    height: f64,
}

impl<'a> Chart<'a> {
    fn new(t: &'a Timeline) -> Chart<'a> {
        let n = t.entries.len();
        let plot_w = (n as f64 * COL_W).clamp(MIN_PLOT_W, MAX_PLOT_W);
        let col_w = plot_w / n.max(1) as f64;
        let m = t.drift.len();
        let step = (col_w * 0.3 / m.max(1) as f64).min(9.0);
        let series: Vec<Series> = t
            .drift
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let points =
                    d.at.iter()
                        .enumerate()
                        .filter_map(|(k, m)| {
                            let m = m.as_ref()?;
                            let first = month_index(m.when.first_day());
                            let end = end_of(m.when.last_day());
                            Some(Point {
                                k,
                                m,
                                first,
                                end,
                                mid: (first + end) / 2.0,
                            })
                        })
                        .collect();
                Series {
                    drift: d,
                    colour: PALETTE[i % PALETTE.len()],
                    dx: (i as f64 - (m as f64 - 1.0) / 2.0) * step,
                    points,
                }
            })
            .filter(|s| !s.points.is_empty())
            .collect();
        // The domain holds every interval and every meeting date, rounded out to quarters.
        let values: Vec<f64> = series
            .iter()
            .flat_map(|s| s.points.iter().flat_map(|p| [p.first, p.end]))
            .chain(t.entries.iter().map(|e| month_index(e.date)))
            .collect();
        let (lo, hi, plot_h) = domain(&values);
        let named = series.len() <= MAX_NAMED;
        let mut chart = Chart {
            t,
            n,
            col_w,
            plot_w,
            plot_h,
            lo,
            hi,
            series,
            named,
            names: Vec::new(),
            legend: Vec::new(),
            title: Vec::new(),
            subtitle: Vec::new(),
            strip_top: STRIP_TOP,
            key: Vec::new(),
            width: (LEFT + plot_w + RIGHT_PAD).max(MIN_WIDTH),
            height: 0.0,
        };
        if named && !chart.series.is_empty() {
            chart.width = (LEFT + plot_w + LABELS_W).max(MIN_WIDTH);
        }
        chart.place_title();
        chart.place_names();
        chart.place_key();
        let key_y = chart.key_y(chart.key.last().map_or(0, |k| k.2));
        let mut bottom = key_y + 14.0;
        if !chart.named {
            let mut y = key_y + 22.0;
            let room = chart.width - LEFT - 44.0 - 12.0;
            for s in &chart.series {
                let row = LegendRow {
                    y,
                    name: wrap_px(&s.drift.event, room, room, LEGEND_SIZE * BOLD),
                    history: wrap_px(&s.history(), room, room, HISTORY_SIZE),
                };
                y = row.bottom() + 18.0;
                bottom = bottom.max(row.bottom() + 8.0);
                chart.legend.push(row);
            }
        }
        if let Some(last) = chart.names.iter().map(NameBlock::bottom).reduce(f64::max) {
            bottom = bottom.max(last + 12.0);
        }
        if n == 0 {
            bottom = chart.plot_top() + 30.0;
        }
        chart.height = bottom.ceil();
        chart
    }

    fn plot_top(&self) -> f64 {
        self.strip_top + STRIP_H
    }

    fn plot_bottom(&self) -> f64 {
        self.plot_top() + self.plot_h
    }

    fn y(&self, month: f64) -> f64 {
        self.plot_top() + (self.hi - month) / (self.hi - self.lo) * self.plot_h
    }

    fn x(&self, k: usize) -> f64 {
        LEFT + (k as f64 + 0.5) * self.col_w
    }

    /// The plot's box, where the dates as written may go.
    fn plot_box(&self) -> Rect {
        Rect {
            x0: LEFT + 2.0,
            y0: self.plot_top() + 2.0,
            x1: LEFT + self.plot_w - 2.0,
            y1: self.plot_bottom() - 2.0,
        }
    }

    /// The baseline of the key's row `row`.
    fn key_y(&self, row: usize) -> f64 {
        self.plot_bottom() + 54.0 + KEY_ROW * row as f64
    }

    /// The title wrapped whole over as many lines as it takes (the first after the dossier
    /// id), then the subtitle; the chart moves down to make room.
    fn place_title(&mut self) {
        let t = self.t;
        let room = self.width - 24.0;
        let first = room - text_w(&t.dossier, 15.0 * BOLD) - 10.0;
        self.title = if t.title.trim().is_empty() {
            Vec::new()
        } else {
            wrap_px(&t.title, first, room, 13.0)
        };
        let git = t.entries.iter().any(|e| e.commit.is_some());
        let what = if git { "commit" } else { "meeting" };
        let span = match (t.entries.first(), t.entries.last()) {
            (Some(a), Some(b)) if self.n > 1 => {
                format!("{} {what}s, {} → {}", self.n, a.meeting, b.meeting)
            }
            (Some(a), _) => format!("1 {what}, {}", a.meeting),
            _ => format!("no {what}s"),
        };
        let sub = if self.series.is_empty() {
            format!(
                "No dated milestones; the {what}s (horizontal) at their dates (vertical) · {span}"
            )
        } else {
            format!(
                "{} (vertical) as stated at each {what} (horizontal) · {span}",
                dates_drawn(t)
            )
        };
        self.subtitle = wrap_px(&sub, room, room, SUB_SIZE);
        self.strip_top = STRIP_TOP
            + TITLE_LINE * (self.title.len().max(1) - 1) as f64
            + SUB_LINE * (self.subtitle.len().max(1) - 1) as f64;
    }

    /// The key's marks: only those the chart draws, in rows that fit the width.
    fn place_key(&mut self) {
        if self.n == 0 {
            return;
        }
        let (done, planned) = statuses(self.t);
        let marks = [
            (KeyMark::Done, done),
            (KeyMark::Planned, planned),
            (KeyMark::Interval, !self.series.is_empty()),
            (KeyMark::MeetingDate, true),
        ];
        let (mut x, mut row) = (LEFT, 0);
        for (mark, drawn) in marks {
            if !drawn {
                continue;
            }
            let w = 16.0 + text_w(mark.text(), 10.5);
            if x > LEFT && x + w > self.width - 8.0 {
                x = LEFT;
                row += 1;
            }
            self.key.push((mark, x, row));
            x += w + 18.0;
        }
    }

    /// Where each milestone's name goes beside the chart: at the height of its last point,
    /// wrapped whole, moved apart where two would touch.
    fn place_names(&mut self) {
        if !self.named || self.series.is_empty() {
            return;
        }
        let room = LABELS_W - 26.0;
        let mut blocks: Vec<NameBlock> = self
            .series
            .iter()
            .map(|s| NameBlock {
                y: s.points.last().map_or(0.0, |p| self.y(p.mid)) + 4.0,
                name: wrap_px(&s.drift.event, room, room, NAME_SIZE * BOLD),
                history: wrap_px(&s.history(), room, room, HISTORY_SIZE),
            })
            .collect();
        let mut order: Vec<usize> = (0..blocks.len()).collect();
        order.sort_by(|&a, &b| blocks[a].y.total_cmp(&blocks[b].y).then(a.cmp(&b)));
        // Move blocks up rather than down, keeping them apart by their heights.
        let hi = self.plot_bottom() - 6.0;
        if let Some(&last) = order.last() {
            blocks[last].y = blocks[last].y.min(hi);
        }
        for w in (0..order.len().saturating_sub(1)).rev() {
            let (a, b) = (order[w], order[w + 1]);
            blocks[a].y = blocks[a]
                .y
                .min(blocks[b].y - blocks[a].height() - BLOCK_GAP);
        }
        if let Some(&first) = order.first() {
            blocks[first].y = blocks[first].y.max(self.plot_top() + 8.0);
        }
        for w in 1..order.len() {
            let (a, b) = (order[w - 1], order[w]);
            blocks[b].y = blocks[b]
                .y
                .max(blocks[a].y + blocks[a].height() + BLOCK_GAP);
        }
        self.names = blocks;
    }

    fn render(&self, o: &mut String, top: f64, _width: f64) {
        let t = self.t;
        let _ = writeln!(
            o,
            r#"  <g class="chart" data-dossier="{}" transform="translate(0,{})">"#,
            xml_escape(&t.dossier),
            num(top)
        );
        self.title(o);
        if self.n == 0 {
            let _ = writeln!(
                o,
                r##"    <text class="empty" x="{LEFT}" y="{}" fill="#666666" font-style="italic">No meetings in this range.</text>"##,
                num(self.plot_top())
            );
            let _ = writeln!(o, "  </g>");
            return;
        }
        let mut scene = Scene::default();
        self.stage_bands(o);
        self.axes(o, &mut scene);
        self.meeting_line(o, &mut scene);
        for s in &self.series {
            self.series_line(o, s, &mut scene);
        }
        if self.named {
            self.names(o, &mut scene);
        } else {
            self.numbers(o, &mut scene);
        }
        if self.series.is_empty() {
            self.empty(o, &mut scene);
        }
        self.phrase_labels(o, &mut scene);
        if !self.named {
            self.legend(o);
        }
        self.key(o);
        let _ = writeln!(o, "  </g>");
    }

    fn title(&self, o: &mut String) {
        let t = self.t;
        let _ = write!(
            o,
            r##"    <text class="title" x="12" y="{TITLE_Y}" font-size="15" fill="#111111"><tspan font-weight="bold">{}</tspan>"##,
            xml_escape(&t.dossier)
        );
        for (i, line) in self.title.iter().enumerate() {
            if i == 0 {
                let _ = write!(
                    o,
                    r##"<tspan dx="10" font-size="13" fill="#444444">{}</tspan>"##,
                    xml_escape(line)
                );
            } else {
                let _ = write!(
                    o,
                    r##"<tspan x="12" dy="{TITLE_LINE}" font-size="13" fill="#444444">{}</tspan>"##,
                    xml_escape(line)
                );
            }
        }
        let _ = writeln!(
            o,
            "<title>{} — {}</title></text>",
            xml_escape(&t.dossier),
            xml_escape(&t.title)
        );
        Label {
            class: "subtitle",
            x: 12.0,
            y: TITLE_Y + 19.0 + TITLE_LINE * (self.title.len().max(1) - 1) as f64,
            anchor: Anchor::Start,
            size: SUB_SIZE,
            bold: false,
            fill: "#555555",
            line_h: SUB_LINE,
            lines: &self.subtitle,
            extra: "",
            tip: None,
        }
        .write(o);
    }

    /// A light band per run of entries at the same stage, named in the strip above the plot.
    fn stage_bands(&self, o: &mut String) {
        let entries = &self.t.entries;
        let strip = self.strip_top;
        let mut k0 = 0;
        while k0 < entries.len() {
            let stage = entries[k0].stage;
            let mut k1 = k0;
            while k1 + 1 < entries.len() && entries[k1 + 1].stage == stage {
                k1 += 1;
            }
            let x = LEFT + k0 as f64 * self.col_w;
            let w = (k1 - k0 + 1) as f64 * self.col_w;
            let meetings = if k0 == k1 {
                entries[k0].meeting.clone()
            } else {
                format!("{} – {}", entries[k0].meeting, entries[k1].meeting)
            };
            match stage {
                Some(s) => {
                    let (fill, ink) = stage_colours(s);
                    let _ = writeln!(
                        o,
                        r#"    <rect class="stage-band" x="{}" y="{}" width="{}" height="{}" fill="{fill}"/>"#,
                        num(x),
                        num(strip),
                        num(w),
                        num(STRIP_H + self.plot_h)
                    );
                    // A long stage name in a narrow band is set smaller before it is cut.
                    let size =
                        (11.0 * (w - 10.0) / text_w(s.as_str(), 11.0 * BOLD)).clamp(8.5, 11.0);
                    let size = (size * 2.0).floor() / 2.0;
                    let label = fit(s.as_str(), w - 10.0, size * BOLD);
                    let _ = writeln!(
                        o,
                        r#"    <text class="stage" x="{}" y="{}" text-anchor="middle" font-size="{size}" font-weight="bold" fill="{ink}">{}<title>stage {}: {}</title></text>"#,
                        num(x + w / 2.0),
                        num(strip + 15.0),
                        xml_escape(&label),
                        s.as_str(),
                        xml_escape(&meetings)
                    );
                }
                None => {
                    let label = fit("stage not read", w - 10.0, 10.0);
                    if label.chars().count() < 4 {
                        k0 = k1 + 1;
                        continue;
                    }
                    let _ = writeln!(
                        o,
                        r##"    <text class="stage-unknown" x="{}" y="{}" text-anchor="middle" font-size="10" font-style="italic" fill="#888888">{}<title>no stage read: {}</title></text>"##,
                        num(x + w / 2.0),
                        num(strip + 15.0),
                        xml_escape(&label),
                        xml_escape(&meetings)
                    );
                }
            }
            k0 = k1 + 1;
        }
    }

    /// Year and quarter gridlines and labels on the left; meetings along the bottom.
    fn axes(&self, o: &mut String, scene: &mut Scene) {
        let (x0, x1) = (LEFT, LEFT + self.plot_w);
        let ppm = self.plot_h / (self.hi - self.lo);
        let lo = self.lo.round() as i64;
        let hi = self.hi.round() as i64;
        // Gridlines: every quarter where a line of the dates as written fits between two,
        // else every year. A year's line reaches into the quarter labels, not the years'.
        let quarters = ppm * 3.0 >= 18.0;
        let mut q = lo;
        while q <= hi {
            let y = self.y(q as f64);
            let year_start = q.rem_euclid(12) == 0;
            if year_start || quarters {
                let (stroke, from) = if year_start {
                    ("#b8b8b8", x0 - 30.0)
                } else {
                    ("#e6e6e6", x0 - 4.0)
                };
                let _ = writeln!(
                    o,
                    r#"    <line class="grid" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{stroke}" stroke-width="1"/>"#,
                    num(from),
                    num(y),
                    num(x1),
                    num(y)
                );
                scene.line(from, y, x1, y);
            }
            q += 3;
        }
        // Quarter labels in the middle of their quarter, where there is room for them.
        if ppm * 3.0 >= 16.0 {
            let mut q = lo;
            while q < hi {
                let label = format!("Q{}", q.rem_euclid(12) / 3 + 1);
                let _ = writeln!(
                    o,
                    r##"    <text class="quarter" x="{}" y="{}" text-anchor="end" font-size="10" fill="#777777">{label}</text>"##,
                    num(x0 - 6.0),
                    num(self.y(q as f64 + 1.5) + 3.5)
                );
                q += 3;
            }
        }
        // Year labels in the middle of the part of the year that shows, every `every` years.
        let ppy = ppm * 12.0;
        let every = if ppy >= 18.0 {
            1
        } else if ppy * 2.0 >= 18.0 {
            2
        } else {
            5
        };
        let first_year = lo.div_euclid(12);
        let last_year = (hi - 1).div_euclid(12);
        for year in first_year..=last_year {
            if year.rem_euclid(every) != 0 && every > 1 {
                continue;
            }
            let a = ((year * 12).max(lo)) as f64;
            let b = ((year * 12 + 12).min(hi)) as f64;
            if (b - a) * ppm < 16.0 {
                continue;
            }
            let _ = writeln!(
                o,
                r##"    <text class="year" x="{}" y="{}" text-anchor="start" font-size="12" font-weight="bold" fill="#333333">{year}</text>"##,
                num(8.0),
                num(self.y((a + b) / 2.0) + 4.0)
            );
        }
        // The axes.
        let _ = writeln!(
            o,
            r##"    <line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#888888"/>"##,
            num(x0),
            num(self.plot_top()),
            num(x0),
            num(self.plot_bottom())
        );
        scene.line(x0, self.plot_top(), x0, self.plot_bottom());
        let _ = writeln!(
            o,
            r##"    <line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#888888"/>"##,
            num(x0),
            num(self.plot_bottom()),
            num(x1),
            num(self.plot_bottom())
        );
        scene.line(x0, self.plot_bottom(), x1, self.plot_bottom());
        // Meetings: a tick and a label per column, thinned out where columns are narrow.
        let every = (76.0 / self.col_w).ceil().max(1.0) as usize;
        for (k, e) in self.t.entries.iter().enumerate() {
            let x = self.x(k);
            let _ = writeln!(
                o,
                r##"    <line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#888888"/>"##,
                num(x),
                num(self.plot_bottom()),
                num(x),
                num(self.plot_bottom() + 4.0)
            );
            if k % every != 0 {
                continue;
            }
            let second = match &e.commit {
                Some(c) => c.id.chars().take(7).collect::<String>(),
                None => e.date.to_string(),
            };
            let tip = match &e.commit {
                Some(c) => format!(
                    "commit {} {} {}: {} (meeting {})",
                    c.id, c.date, c.author, c.summary, e.meeting
                ),
                None => format!("meeting {}, {}", e.meeting, e.date),
            };
            let room = self.col_w * every as f64 - 8.0;
            let _ = writeln!(
                o,
                r##"    <text class="meeting" x="{}" y="{}" text-anchor="middle" font-size="12" fill="#222222">{}<title>{}</title></text>"##,
                num(x),
                num(self.plot_bottom() + 18.0),
                xml_escape(&fit(&e.meeting, room, 12.0)),
                xml_escape(&tip)
            );
            let _ = writeln!(
                o,
                r##"    <text x="{}" y="{}" text-anchor="middle" font-size="10" fill="#777777">{}</text>"##,
                num(x),
                num(self.plot_bottom() + 32.0),
                xml_escape(&fit(&second, room, 10.0))
            );
        }
    }

    /// The meeting dates themselves, dashed: a planned date below this line lies in the past.
    fn meeting_line(&self, o: &mut String, scene: &mut Scene) {
        let xy: Vec<(f64, f64)> = self
            .t
            .entries
            .iter()
            .enumerate()
            .map(|(k, e)| (self.x(k), self.y(month_index(e.date))))
            .collect();
        scene.polyline(&xy);
        let points: Vec<String> = xy
            .iter()
            .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
            .collect();
        let _ = writeln!(
            o,
            r##"    <polyline class="meeting-date" points="{}" fill="none" stroke="#999999" stroke-width="1.2" stroke-dasharray="5 4"/>"##,
            points.join(" ")
        );
        for ((x, y), e) in xy.iter().zip(&self.t.entries) {
            scene.mark(Rect {
                x0: x - 3.0,
                y0: y - 3.0,
                x1: x + 3.0,
                y1: y + 3.0,
            });
            let _ = writeln!(
                o,
                r##"    <circle class="meeting-dot" cx="{}" cy="{}" r="2.5" fill="#999999"><title>meeting {}, {}</title></circle>"##,
                num(*x),
                num(*y),
                xml_escape(&e.meeting),
                e.date
            );
        }
    }

    /// One milestone: its line through the midpoints, a bar per statement for the interval,
    /// a dot (filled: done; hollow: planned) with the statement as a tooltip.
    fn series_line(&self, o: &mut String, s: &Series, scene: &mut Scene) {
        let xy: Vec<(f64, f64)> = s
            .points
            .iter()
            .map(|p| (self.x(p.k) + s.dx, self.y(p.mid)))
            .collect();
        scene.polyline(&xy);
        let points: Vec<String> = xy
            .iter()
            .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
            .collect();
        let _ = writeln!(
            o,
            r#"    <g class="series" fill="{c}" stroke="{c}">"#,
            c = s.colour
        );
        let _ = writeln!(
            o,
            r#"      <polyline class="milestone" points="{}" fill="none" stroke-width="2.2" stroke-linejoin="round"><title>{}</title></polyline>"#,
            points.join(" "),
            xml_escape(&s.drift.event)
        );
        for p in &s.points {
            let x = self.x(p.k) + s.dx;
            let (top, bottom) = (self.y(p.end), self.y(p.first));
            let h = (bottom - top).max(3.0);
            let tip = format!(
                "{}\n{}: {} ({}), {}",
                s.drift.event,
                self.t.entries[p.k].meeting,
                p.m.when,
                p.m.phrase,
                status_word(p.m.status)
            );
            let bar_top = (top + bottom) / 2.0 - h / 2.0;
            scene.mark(Rect {
                x0: x - 3.0,
                y0: bar_top,
                x1: x + 3.0,
                y1: bar_top + h,
            });
            let _ = writeln!(
                o,
                r#"      <rect class="interval" x="{}" y="{}" width="6" height="{}" rx="2" fill-opacity="0.3" stroke="none"/>"#,
                num(x - 3.0),
                num(bar_top),
                num(h)
            );
            let (fill, class) = match p.m.status {
                Status::Done => (s.colour, "dot done"),
                Status::Planned => ("#ffffff", "dot planned"),
            };
            let y = self.y(p.mid);
            scene.mark(Rect {
                x0: x - 5.5,
                y0: y - 5.5,
                x1: x + 5.5,
                y1: y + 5.5,
            });
            let _ = writeln!(
                o,
                r#"      <circle class="{class}" cx="{}" cy="{}" r="4.5" fill="{fill}" stroke-width="2"><title>{}</title></circle>"#,
                num(x),
                num(y),
                xml_escape(&tip)
            );
        }
        let _ = writeln!(o, "    </g>");
    }

    /// "No dated milestones" where nothing crosses it: the middle of the plot if it is free,
    /// else the free place nearest to it.
    fn empty(&self, o: &mut String, scene: &mut Scene) {
        let size = 13.0;
        let text = format!(
            "No dated milestones at {}.",
            if self.n == 1 {
                "this meeting"
            } else {
                "these meetings"
            }
        );
        let w = text_w(&text, size) + 2.0;
        let h = (ASCENT + DESCENT) * size;
        let plot = self.plot_box();
        let (cx, cy) = (
            LEFT + self.plot_w / 2.0,
            self.plot_top() + self.plot_h / 2.0,
        );
        let centre = Rect {
            x0: cx - w / 2.0,
            y0: cy - h / 2.0,
            x1: cx + w / 2.0,
            y1: cy + h / 2.0,
        };
        let mut candidates = vec![centre];
        for step in 1..=40 {
            let d = f64::from(step) * 4.0;
            for (dx, dy) in [
                (0.0, -d),
                (0.0, d),
                (-d * 2.0, -d),
                (d * 2.0, -d),
                (-d * 2.0, d),
                (d * 2.0, d),
                (-d * 3.0, 0.0),
                (d * 3.0, 0.0),
            ] {
                candidates.push(centre.shift(dx, dy));
            }
        }
        // Nowhere free (a chart full of lines): the middle, as before.
        let b = scene.place(candidates, &plot).unwrap_or(centre);
        Label {
            class: "empty",
            x: (b.x0 + b.x1) / 2.0,
            y: b.y0 + ASCENT * size,
            anchor: Anchor::Middle,
            size,
            bold: false,
            fill: "#666666",
            line_h: 0.0,
            lines: &[text],
            extra: r#" font-style="italic""#,
            tip: None,
        }
        .write(o);
    }

    /// The date as written, beside its interval bar wherever it differs from the statement
    /// before. Labels are placed one by one, each where it crosses no line, dot, bar or label
    /// placed before it: above the bar, below, right, left, then a little further out; one
    /// that finds no room is left out (its dot's tooltip and the milestone's dates beside the
    /// chart still say it).
    fn phrase_labels(&self, o: &mut String, scene: &mut Scene) {
        let size = PHRASE_SIZE;
        let max_w = (self.col_w * 2.4).min(200.0).max(self.col_w - 12.0);
        // (column, bar, lines, colour)
        let mut wanted: Vec<(usize, Rect, Vec<String>, &str)> = Vec::new();
        for s in &self.series {
            for (i, p) in s.points.iter().enumerate() {
                if i > 0 && s.points[i - 1].m.when == p.m.when {
                    continue;
                }
                let lines = wrap_px(&phrase_label(p.m), max_w, max_w, size);
                let x = self.x(p.k) + s.dx;
                let (top, bottom) = (self.y(p.end), self.y(p.first));
                let mid = self.y(p.mid);
                let bar = Rect {
                    x0: x - 5.5,
                    y0: top.min(mid - 5.5),
                    x1: x + 5.5,
                    y1: bottom.max(mid + 5.5),
                };
                // The same words at the same place are said once.
                if let Some(l) = wanted
                    .iter_mut()
                    .find(|l| l.0 == p.k && l.2 == lines && (l.1.y0 - bar.y0).abs() < 1.0)
                {
                    l.3 = "#333333";
                    continue;
                }
                wanted.push((p.k, bar, lines, s.colour));
            }
        }
        wanted.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.y0.total_cmp(&b.1.y0)));
        let plot = self.plot_box();
        for (_, bar, lines, colour) in &wanted {
            let w = widest(lines, size) + 2.0;
            let h = Rect::text(0.0, 0.0, w, size, lines.len(), HISTORY_LINE, Anchor::Start).h();
            let Some(b) = scene.place(around(*bar, w, h), &plot) else {
                continue;
            };
            Label {
                class: "phrase",
                x: (b.x0 + b.x1) / 2.0,
                y: b.y0 + ASCENT * size,
                anchor: Anchor::Middle,
                size,
                bold: false,
                fill: colour,
                line_h: HISTORY_LINE,
                lines,
                extra: r##" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke""##,
                tip: None,
            }
            .write(o);
        }
    }

    /// Each milestone's name and its dates beside the chart, joined to its last point.
    fn names(&self, o: &mut String, scene: &mut Scene) {
        let x_text = LEFT + self.plot_w + 18.0;
        for (s, block) in self.series.iter().zip(&self.names) {
            let Some(last) = s.points.last() else {
                continue;
            };
            let (px, py) = (self.x(last.k) + s.dx + 5.0, self.y(last.mid));
            let dash = if last.k + 1 < self.n {
                r#" stroke-dasharray="3 3""#
            } else {
                ""
            };
            let leader = [
                (px, py),
                (LEFT + self.plot_w + 6.0, block.y - 4.0),
                (x_text - 3.0, block.y - 4.0),
            ];
            scene.polyline(&leader);
            let points: Vec<String> = leader
                .iter()
                .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
                .collect();
            let _ = writeln!(
                o,
                r#"    <polyline class="leader" points="{}" fill="none" stroke="{}" stroke-width="1"{dash}/>"#,
                points.join(" "),
                s.colour
            );
            let name = Label {
                class: "name",
                x: x_text,
                y: block.y,
                anchor: Anchor::Start,
                size: NAME_SIZE,
                bold: true,
                fill: s.colour,
                line_h: NAME_LINE,
                lines: &block.name,
                extra: "",
                tip: Some(&s.drift.event),
            };
            name.write(o);
            let history = s.history();
            let dates = Label {
                class: "history",
                y: block.history_y(),
                size: HISTORY_SIZE,
                bold: false,
                fill: "#444444",
                line_h: HISTORY_LINE,
                lines: &block.history,
                tip: Some(&history),
                ..name
            };
            dates.write(o);
            for l in [&name, &dates] {
                let size = if l.bold { NAME_SIZE * BOLD } else { l.size };
                let w = widest(l.lines, size);
                scene.mark(Rect::text(
                    l.x,
                    l.y,
                    w,
                    l.size,
                    l.lines.len(),
                    l.line_h,
                    l.anchor,
                ));
            }
        }
    }

    /// Many milestones: a number beside each line's last dot, placed as the dates are.
    fn numbers(&self, o: &mut String, scene: &mut Scene) {
        let size = 11.0;
        let mut bounds = self.plot_box();
        bounds.x1 += RIGHT_PAD - 4.0;
        for (i, s) in self.series.iter().enumerate() {
            let Some(last) = s.points.last() else {
                continue;
            };
            let (x, y) = (self.x(last.k) + s.dx, self.y(last.mid));
            let dot = Rect {
                x0: x - 5.5,
                y0: y - 5.5,
                x1: x + 5.5,
                y1: y + 5.5,
            };
            let text = (i + 1).to_string();
            let w = text_w(&text, size * BOLD) + 2.0;
            let h = (ASCENT + DESCENT) * size;
            let mut candidates = around(dot, w, h);
            // Right of the dot first: that is where a line ends.
            candidates.swap(0, 2);
            let Some(b) = scene.place(candidates, &bounds) else {
                continue;
            };
            Label {
                class: "number",
                x: b.x0 + 1.0,
                y: b.y0 + ASCENT * size,
                anchor: Anchor::Start,
                size,
                bold: true,
                fill: s.colour,
                line_h: 0.0,
                lines: &[text],
                extra: r##" stroke="#ffffff" stroke-width="3" paint-order="stroke""##,
                tip: Some(&s.drift.event),
            }
            .write(o);
        }
    }

    /// Many milestones: a legend below the chart, each name and its dates whole.
    fn legend(&self, o: &mut String) {
        for (i, (s, row)) in self.series.iter().zip(&self.legend).enumerate() {
            let _ = writeln!(
                o,
                r#"    <line class="swatch" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="3"/>"#,
                num(LEFT),
                num(row.y - 4.0),
                num(LEFT + 16.0),
                num(row.y - 4.0),
                s.colour
            );
            let number = [(i + 1).to_string()];
            let name = Label {
                class: "legend-number",
                x: LEFT + 22.0,
                y: row.y,
                anchor: Anchor::Start,
                size: LEGEND_SIZE,
                bold: true,
                fill: s.colour,
                line_h: LEGEND_LINE,
                lines: &number,
                extra: "",
                tip: None,
            };
            name.write(o);
            Label {
                class: "name",
                x: LEFT + 44.0,
                lines: &row.name,
                tip: Some(&s.drift.event),
                ..name
            }
            .write(o);
            let history = s.history();
            Label {
                class: "history",
                x: LEFT + 44.0,
                y: row.history_y(),
                size: HISTORY_SIZE,
                bold: false,
                fill: "#444444",
                line_h: HISTORY_LINE,
                lines: &row.history,
                extra: "",
                tip: Some(&history),
                anchor: Anchor::Start,
            }
            .write(o);
        }
    }

    /// What the marks mean, under the meetings: the marks the chart draws and no others.
    fn key(&self, o: &mut String) {
        for &(mark, x, row) in &self.key {
            let y = self.key_y(row);
            let cy = num(y - 3.5);
            let shape = match mark {
                KeyMark::Done | KeyMark::Planned => format!(
                    r##"<circle cx="{}" cy="{cy}" r="4" fill="{}" stroke="#555555" stroke-width="1.5"/>"##,
                    num(x + 5.0),
                    if mark == KeyMark::Done {
                        "#555555"
                    } else {
                        "#ffffff"
                    }
                ),
                KeyMark::Interval => format!(
                    r##"<rect x="{}" y="{}" width="6" height="14" rx="2" fill="#555555" fill-opacity="0.3"/>"##,
                    num(x + 2.0),
                    num(y - 11.0)
                ),
                KeyMark::MeetingDate => format!(
                    r##"<line x1="{}" y1="{cy}" x2="{}" y2="{cy}" stroke="#999999" stroke-width="1.2" stroke-dasharray="5 4"/>"##,
                    num(x - 2.0),
                    num(x + 12.0)
                ),
            };
            let _ = writeln!(
                o,
                r##"    <g class="key" data-mark="{}">{shape}<text x="{}" y="{}" font-size="10.5" fill="#555555">{}</text></g>"##,
                mark.class(),
                num(x + 16.0),
                num(y),
                xml_escape(mark.text())
            );
        }
    }
}
