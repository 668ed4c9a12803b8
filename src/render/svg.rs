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

use crate::extract::dates::MONTH_NAMES as MONTHS;
use crate::extract::stage::Stage;
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
const STRIP_TOP: f64 = 56.0;
const STRIP_H: f64 = 22.0;
const PLOT_TOP: f64 = STRIP_TOP + STRIP_H;
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
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.3,
        'f' | 't' | 'r' | ' ' | '(' | ')' | '-' | '/' => 0.4,
        'm' | 'w' => 0.9,
        '0'..='9' => 0.64,
        c if c.is_uppercase() => 0.72,
        '—' | '…' | '→' | '–' => 0.84,
        _ => 0.6,
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
fn short_point(p: &crate::extract::dates::Point) -> String {
    use crate::extract::dates::Point as P;
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

    /// The same, shortened to first and last where the whole does not fit.
    fn history_fitted(&self, px: f64, size: f64) -> String {
        let full = self.history();
        if text_w(&full, size) <= px || self.points.len() < 2 {
            return fit(&full, px, size);
        }
        let (Some(a), Some(b)) = (self.points.first(), self.points.last()) else {
            return fit(&full, px, size);
        };
        let moved = match self.drift.total_months() {
            Some(m) => format!(", {}", months_word(m)),
            None => String::new(),
        };
        let short = format!("{} → … → {}{moved}", phrase_label(a.m), phrase_label(b.m));
        fit(&short, px, size)
    }
}

/// Bold text is wider: its estimate is scaled by this.
const BOLD: f64 = 1.15;
const NAME_SIZE: f64 = 12.0;
const NAME_LINE: f64 = 14.0;
const HISTORY_LINE: f64 = 13.0;
/// From the last baseline of one name to the first of the next.
const BLOCK_GAP: f64 = 22.0;

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

/// Text wrapped at spaces into at most `lines` lines of `px`, the last fitted with an
/// ellipsis where the text goes on.
fn wrap_fit(s: &str, px: f64, size: f64, lines: usize) -> Vec<String> {
    let mut wrapped: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && text_w(&candidate, size) > px {
            wrapped.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        wrapped.push(line);
    }
    if wrapped.len() > lines {
        let rest = wrapped[lines - 1..].join(" ");
        wrapped.truncate(lines - 1);
        wrapped.push(fit(&rest, px, size));
    }
    wrapped.into_iter().map(|l| fit(&l, px, size)).collect()
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
            width: LEFT + plot_w + RIGHT_PAD,
            height: 0.0,
        };
        if named && !chart.series.is_empty() {
            chart.width = LEFT + plot_w + LABELS_W;
        }
        chart.place_names();
        let key_y = chart.plot_bottom() + 54.0;
        let mut bottom = key_y + 14.0;
        if !chart.named {
            bottom = key_y + 14.0 + 18.0 * chart.series.len() as f64;
        }
        if let Some(last) = chart.names.iter().map(NameBlock::bottom).reduce(f64::max) {
            bottom = bottom.max(last + 12.0);
        }
        if n == 0 {
            bottom = PLOT_TOP + 30.0;
        }
        chart.height = bottom.ceil();
        chart
    }

    fn plot_bottom(&self) -> f64 {
        PLOT_TOP + self.plot_h
    }

    fn y(&self, month: f64) -> f64 {
        PLOT_TOP + (self.hi - month) / (self.hi - self.lo) * self.plot_h
    }

    fn x(&self, k: usize) -> f64 {
        LEFT + (k as f64 + 0.5) * self.col_w
    }

    /// Where each milestone's name goes beside the chart: at the height of its last point,
    /// wrapped onto two lines at most, moved apart where two would touch.
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
                name: wrap_fit(&s.drift.event, room, NAME_SIZE * BOLD, 2),
                history: wrap_fit(&s.history(), room, 10.5, 2),
            })
            .collect();
        let mut order: Vec<usize> = (0..blocks.len()).collect();
        order.sort_by(|&a, &b| blocks[a].y.total_cmp(&blocks[b].y).then(a.cmp(&b)));
        // Move blocks up rather than down, as `spread` does, keeping them apart by their heights.
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
            blocks[first].y = blocks[first].y.max(PLOT_TOP + 8.0);
        }
        for w in 1..order.len() {
            let (a, b) = (order[w - 1], order[w]);
            blocks[b].y = blocks[b]
                .y
                .max(blocks[a].y + blocks[a].height() + BLOCK_GAP);
        }
        self.names = blocks;
    }

    fn render(&self, o: &mut String, top: f64, width: f64) {
        let t = self.t;
        let _ = writeln!(
            o,
            r#"  <g class="chart" data-dossier="{}" transform="translate(0,{})">"#,
            xml_escape(&t.dossier),
            num(top)
        );
        self.title(o, width);
        if self.n == 0 {
            let _ = writeln!(
                o,
                r##"    <text x="{LEFT}" y="{}" fill="#666666" font-style="italic">No meetings in this range.</text>"##,
                num(PLOT_TOP)
            );
            let _ = writeln!(o, "  </g>");
            return;
        }
        self.stage_bands(o);
        self.axes(o);
        self.meeting_line(o);
        for s in &self.series {
            self.series_line(o, s);
        }
        self.phrase_labels(o);
        if self.series.is_empty() {
            let _ = writeln!(
                o,
                r##"    <text class="empty" x="{}" y="{}" text-anchor="middle" fill="#666666" font-size="13" font-style="italic">No dated milestones at {}.</text>"##,
                num(LEFT + self.plot_w / 2.0),
                num(PLOT_TOP + self.plot_h / 2.0),
                if self.n == 1 {
                    "this meeting"
                } else {
                    "these meetings"
                }
            );
        }
        if self.named {
            self.names(o);
        } else {
            self.legend(o, width);
        }
        self.key(o, width);
        let _ = writeln!(o, "  </g>");
    }

    fn title(&self, o: &mut String, width: f64) {
        let t = self.t;
        let room = width - 24.0 - text_w(&t.dossier, 15.0 * BOLD) - 12.0;
        let title = fit(&t.title, room, 13.0);
        let _ = writeln!(
            o,
            r##"    <text x="12" y="24" font-size="15" fill="#111111"><tspan font-weight="bold">{}</tspan><tspan dx="10" font-size="13" fill="#444444">{}</tspan><title>{} — {}</title></text>"##,
            xml_escape(&t.dossier),
            xml_escape(&title),
            xml_escape(&t.dossier),
            xml_escape(&t.title)
        );
        let git = t.entries.iter().any(|e| e.commit.is_some());
        let what = if git { "commit" } else { "meeting" };
        let span = match (t.entries.first(), t.entries.last()) {
            (Some(a), Some(b)) if self.n > 1 => {
                format!("{} {what}s, {} → {}", self.n, a.meeting, b.meeting)
            }
            (Some(a), _) => format!("1 {what}, {}", a.meeting),
            _ => format!("no {what}s"),
        };
        let sub =
            format!("Planned dates (vertical) as stated at each {what} (horizontal) · {span}");
        let _ = writeln!(
            o,
            r##"    <text x="12" y="43" font-size="11" fill="#555555">{}</text>"##,
            xml_escape(&fit(&sub, width - 24.0, 11.0))
        );
    }

    /// A light band per run of entries at the same stage, named in the strip above the plot.
    fn stage_bands(&self, o: &mut String) {
        let entries = &self.t.entries;
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
                        r#"    <rect class="stage-band" x="{}" y="{STRIP_TOP}" width="{}" height="{}" fill="{fill}"/>"#,
                        num(x),
                        num(w),
                        num(STRIP_H + self.plot_h)
                    );
                    let label = fit(s.as_str(), w - 10.0, 11.0);
                    let _ = writeln!(
                        o,
                        r#"    <text class="stage" x="{}" y="{}" text-anchor="middle" font-size="11" font-weight="bold" fill="{ink}">{}<title>stage {}: {}</title></text>"#,
                        num(x + w / 2.0),
                        num(STRIP_TOP + 15.0),
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
                        num(STRIP_TOP + 15.0),
                        xml_escape(&label),
                        xml_escape(&meetings)
                    );
                }
            }
            k0 = k1 + 1;
        }
    }

    /// Year and quarter gridlines and labels on the left; meetings along the bottom.
    fn axes(&self, o: &mut String) {
        let (x0, x1) = (LEFT, LEFT + self.plot_w);
        let ppm = self.plot_h / (self.hi - self.lo);
        let lo = self.lo.round() as i64;
        let hi = self.hi.round() as i64;
        // Gridlines: every quarter where quarters are at least 6 px apart, else every year.
        let mut q = lo;
        while q <= hi {
            let y = self.y(q as f64);
            let year_start = q.rem_euclid(12) == 0;
            if year_start || ppm * 3.0 >= 6.0 {
                let (stroke, width) = if year_start {
                    ("#b8b8b8", "1")
                } else {
                    ("#e6e6e6", "1")
                };
                let _ = writeln!(
                    o,
                    r#"    <line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{stroke}" stroke-width="{width}"/>"#,
                    num(x0 - if year_start { 42.0 } else { 4.0 }),
                    num(y),
                    num(x1),
                    num(y)
                );
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
                    r##"    <text x="{}" y="{}" text-anchor="end" font-size="10" fill="#777777">{label}</text>"##,
                    num(x0 - 6.0),
                    num(self.y(q as f64 + 1.5) + 3.5)
                );
                q += 3;
            }
        }
        // Year labels in the middle of the part of the year that shows, every `every` years.
        let ppy = ppm * 12.0;
        let every = if ppy >= 16.0 {
            1
        } else if ppy * 2.0 >= 16.0 {
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
            if (b - a) * ppm < 13.0 {
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
            num(PLOT_TOP),
            num(x0),
            num(self.plot_bottom())
        );
        let _ = writeln!(
            o,
            r##"    <line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#888888"/>"##,
            num(x0),
            num(self.plot_bottom()),
            num(x1),
            num(self.plot_bottom())
        );
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
    fn meeting_line(&self, o: &mut String) {
        let points: Vec<String> = self
            .t
            .entries
            .iter()
            .enumerate()
            .map(|(k, e)| format!("{},{}", num(self.x(k)), num(self.y(month_index(e.date)))))
            .collect();
        let _ = writeln!(
            o,
            r##"    <polyline class="meeting-date" points="{}" fill="none" stroke="#999999" stroke-width="1.2" stroke-dasharray="5 4"/>"##,
            points.join(" ")
        );
        for (k, e) in self.t.entries.iter().enumerate() {
            let _ = writeln!(
                o,
                r##"    <circle cx="{}" cy="{}" r="2.5" fill="#999999"><title>meeting {}, {}</title></circle>"##,
                num(self.x(k)),
                num(self.y(month_index(e.date))),
                xml_escape(&e.meeting),
                e.date
            );
        }
    }

    /// One milestone: its line through the midpoints, a bar per statement for the interval,
    /// a dot (filled: done; hollow: planned) with the statement as a tooltip.
    fn series_line(&self, o: &mut String, s: &Series) {
        let points: Vec<String> = s
            .points
            .iter()
            .map(|p| format!("{},{}", num(self.x(p.k) + s.dx), num(self.y(p.mid))))
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
            let _ = writeln!(
                o,
                r#"      <rect x="{}" y="{}" width="6" height="{}" rx="2" fill-opacity="0.3" stroke="none"/>"#,
                num(x - 3.0),
                num((top + bottom) / 2.0 - h / 2.0),
                num(h)
            );
            let fill = match p.m.status {
                Status::Done => s.colour,
                Status::Planned => "#ffffff",
            };
            let _ = writeln!(
                o,
                r#"      <circle cx="{}" cy="{}" r="4.5" fill="{fill}" stroke-width="2"><title>{}</title></circle>"#,
                num(x),
                num(self.y(p.mid)),
                xml_escape(&tip)
            );
        }
        let _ = writeln!(o, "    </g>");
    }

    /// The date as written, above its interval bar wherever it differs from the statement
    /// before. Labels are placed one by one, each moved up from its bar until it overlaps
    /// none placed before it; one that finds no room is left out (its dot's tooltip and the
    /// milestone's name beside the chart still say it).
    fn phrase_labels(&self, o: &mut String) {
        let size = 10.5;
        let max_w = (self.col_w * 2.4).min(200.0).max(self.col_w - 12.0);
        // (column, baseline, text, colour)
        let mut wanted: Vec<(usize, f64, String, &str)> = Vec::new();
        for s in &self.series {
            for (i, p) in s.points.iter().enumerate() {
                if i > 0 && s.points[i - 1].m.when == p.m.when {
                    continue;
                }
                let text = fit(&phrase_label(p.m), max_w, size);
                let y = self.y(p.end) - 6.0;
                // The same words at the same place are said once.
                if let Some(l) = wanted
                    .iter_mut()
                    .find(|l| l.0 == p.k && l.2 == text && (l.1 - y).abs() < 1.0)
                {
                    l.3 = "#333333";
                    continue;
                }
                wanted.push((p.k, y, text, s.colour));
            }
        }
        wanted.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let (left, right) = (LEFT + 2.0, LEFT + self.plot_w - 2.0);
        let (top, bottom) = (PLOT_TOP + 2.0, self.plot_bottom() - 2.0);
        // The dots are in the way too, so that no label hides one.
        let mut placed: Vec<[f64; 4]> = self
            .series
            .iter()
            .flat_map(|s| {
                s.points.iter().map(move |p| {
                    let (x, y) = (self.x(p.k) + s.dx, self.y(p.mid));
                    [x - 5.0, y - 5.0, x + 5.0, y + 5.0]
                })
            })
            .collect();
        for (k, y0, text, colour) in &wanted {
            let w = text_w(text, size) + 4.0;
            if text.chars().count() < 3 || w > right - left {
                continue;
            }
            let x = self.x(*k).clamp(left + w / 2.0, right - w / 2.0);
            let spot = [0.0, -14.0, -28.0, -42.0, 16.0, 30.0, -56.0, 44.0, -70.0]
                .iter()
                .map(|dy| y0 + dy)
                .map(|y| {
                    [
                        x - w / 2.0,
                        y - size * 0.8 - 1.0,
                        x + w / 2.0,
                        y + size * 0.25 + 1.0,
                    ]
                })
                .find(|b| {
                    b[1] >= top
                        && b[3] <= bottom
                        && placed
                            .iter()
                            .all(|p| b[2] <= p[0] || p[2] <= b[0] || b[3] <= p[1] || p[3] <= b[1])
                });
            let Some(b) = spot else {
                continue;
            };
            placed.push(b);
            // A plate behind the words, so that no gridline or line runs through them.
            let _ = writeln!(
                o,
                r##"    <rect x="{}" y="{}" width="{}" height="{}" rx="2" fill="#ffffff" fill-opacity="0.85"/>"##,
                num(b[0]),
                num(b[1]),
                num(b[2] - b[0]),
                num(b[3] - b[1])
            );
            let _ = writeln!(
                o,
                r##"    <text class="phrase" x="{}" y="{}" text-anchor="middle" font-size="{size}" fill="{colour}" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">{}</text>"##,
                num(x),
                num(b[3] - size * 0.25 - 1.0),
                xml_escape(text)
            );
        }
    }

    /// Each milestone's name and its dates beside the chart, joined to its last point.
    fn names(&self, o: &mut String) {
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
            let _ = writeln!(
                o,
                r#"    <polyline class="leader" points="{},{} {},{} {},{}" fill="none" stroke="{}" stroke-width="1"{dash}/>"#,
                num(px),
                num(py),
                num(LEFT + self.plot_w + 6.0),
                num(block.y - 4.0),
                num(x_text - 3.0),
                num(block.y - 4.0),
                s.colour
            );
            let _ = write!(
                o,
                r#"    <text class="name" x="{}" y="{}" font-size="{NAME_SIZE}" font-weight="bold" fill="{}">"#,
                num(x_text),
                num(block.y),
                s.colour,
            );
            for (i, line) in block.name.iter().enumerate() {
                let dy = if i == 0 { 0.0 } else { NAME_LINE };
                let _ = write!(
                    o,
                    r#"<tspan x="{}" dy="{}">{}</tspan>"#,
                    num(x_text),
                    num(dy),
                    xml_escape(line)
                );
            }
            let _ = writeln!(o, "<title>{}</title></text>", xml_escape(&s.drift.event));
            let _ = write!(
                o,
                r##"    <text class="history" x="{}" y="{}" font-size="10.5" fill="#444444">"##,
                num(x_text),
                num(block.history_y())
            );
            for (i, line) in block.history.iter().enumerate() {
                let dy = if i == 0 { 0.0 } else { HISTORY_LINE };
                let _ = write!(
                    o,
                    r#"<tspan x="{}" dy="{}">{}</tspan>"#,
                    num(x_text),
                    num(dy),
                    xml_escape(line)
                );
            }
            let _ = writeln!(o, "<title>{}</title></text>", xml_escape(&s.history()));
        }
    }

    /// Many milestones: a number at each line's end and a legend below the chart.
    fn legend(&self, o: &mut String, width: f64) {
        for (i, s) in self.series.iter().enumerate() {
            let Some(last) = s.points.last() else {
                continue;
            };
            let _ = writeln!(
                o,
                r##"    <text x="{}" y="{}" font-size="11" font-weight="bold" fill="{}" stroke="#ffffff" stroke-width="3" paint-order="stroke">{}</text>"##,
                num(self.x(last.k) + s.dx + 7.0),
                num(self.y(last.mid) + 4.0),
                s.colour,
                i + 1
            );
        }
        let top = self.plot_bottom() + 54.0 + 22.0;
        let room = width - LEFT - 44.0 - 12.0;
        for (i, s) in self.series.iter().enumerate() {
            let y = top + 18.0 * i as f64;
            let _ = writeln!(
                o,
                r#"    <line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="3"/>"#,
                num(LEFT),
                num(y - 4.0),
                num(LEFT + 16.0),
                num(y - 4.0),
                s.colour
            );
            // The name gets up to 60% of the line; the dates what is left, after a gap.
            let event = fit(&s.drift.event, room * 0.6, 11.0 * BOLD);
            let rest = room - text_w(&event, 11.0 * BOLD) - 14.0;
            let history = s.history_fitted(rest, 10.5);
            let _ = writeln!(
                o,
                r##"    <text class="name" x="{}" y="{}" font-size="11" fill="{}"><tspan font-weight="bold">{}</tspan><tspan x="{}" font-weight="bold">{}</tspan><tspan dx="12" font-size="10.5" fill="#444444">{}</tspan><title>{}: {}</title></text>"##,
                num(LEFT + 22.0),
                num(y),
                s.colour,
                i + 1,
                num(LEFT + 44.0),
                xml_escape(&event),
                xml_escape(&history),
                xml_escape(&s.drift.event),
                xml_escape(&s.history())
            );
        }
    }

    /// What the marks mean, in one line under the meetings (items that do not fit are left
    /// out rather than overlapping).
    fn key(&self, o: &mut String, width: f64) {
        let y = self.plot_bottom() + 54.0;
        let cy = num(y - 3.5);
        let items = [
            "done",
            "planned",
            "the interval the words cover (najaar = Sep–Nov)",
            "the meeting date",
        ];
        let mut x = LEFT;
        for (i, text) in items.iter().enumerate() {
            // Without milestones, only the meeting date is drawn.
            if self.series.is_empty() && i < 3 {
                continue;
            }
            if x + 16.0 + text_w(text, 10.5) > width - 8.0 {
                break;
            }
            let mark = match i {
                0 | 1 => format!(
                    r##"<circle cx="{}" cy="{cy}" r="4" fill="{}" stroke="#555555" stroke-width="1.5"/>"##,
                    num(x + 5.0),
                    if i == 0 { "#555555" } else { "#ffffff" }
                ),
                2 => format!(
                    r##"<rect x="{}" y="{}" width="6" height="14" rx="2" fill="#555555" fill-opacity="0.3"/>"##,
                    num(x + 2.0),
                    num(y - 11.0)
                ),
                _ => format!(
                    r##"<line x1="{}" y1="{cy}" x2="{}" y2="{cy}" stroke="#999999" stroke-width="1.2" stroke-dasharray="5 4"/>"##,
                    num(x - 2.0),
                    num(x + 12.0)
                ),
            };
            let _ = writeln!(o, "    {mark}");
            let _ = writeln!(
                o,
                r##"    <text x="{}" y="{}" font-size="10.5" fill="#555555">{}</text>"##,
                num(x + 16.0),
                num(y),
                xml_escape(text)
            );
            x += 16.0 + text_w(text, 10.5) + 18.0;
        }
    }
}
