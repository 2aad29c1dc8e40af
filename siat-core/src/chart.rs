//! Charts as SVG text, drawn in the core so every binding shows the same picture.
//!
//! Output is deterministic: coordinates are rounded to two decimals and the
//! trigonometry comes from `libm`, so the same input gives the same bytes on
//! every platform. Every piece of user text is escaped.

use crate::cohort::CohortStats;
use crate::i18n::word;
use crate::scorecard::Scorecard;
use crate::template::{localise, Template};
use std::fmt::Write as _;

const RADAR_WIDTH: f64 = 560.0;
const RADAR_HEIGHT: f64 = 440.0;
const RADAR_RADIUS: f64 = 150.0;
const SERIES_COLOUR: &str = "#d95f02";
const MEDIAN_COLOUR: &str = "#1b6ca8";
const BAND_COLOUR: &str = "#9ecae1";
const GRID_COLOUR: &str = "#c8c8c8";
const TEXT_COLOUR: &str = "#222222";

/// Escapes text for XML and HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Returns the point at `score` (0–100) on spoke `spoke` of `count`.
fn radar_point(spoke: usize, count: usize, score: f64) -> (f64, f64) {
    #[allow(
        clippy::cast_precision_loss,
        reason = "a template has at most 12 dimensions"
    )]
    let angle =
        -std::f64::consts::FRAC_PI_2 + 2.0 * std::f64::consts::PI * spoke as f64 / count as f64;
    let distance = RADAR_RADIUS * score.clamp(0.0, 100.0) / 100.0;
    (
        RADAR_WIDTH / 2.0 + distance * libm::cos(angle),
        RADAR_HEIGHT / 2.0 + 10.0 + distance * libm::sin(angle),
    )
}

/// Writes a closed path through one score per spoke.
fn ring(scores: &[f64]) -> String {
    let mut path = String::new();
    for (spoke, score) in scores.iter().enumerate() {
        let (x, y) = radar_point(spoke, scores.len(), *score);
        let command = if spoke == 0 { 'M' } else { 'L' };
        let _ = write!(path, "{command}{x:.2},{y:.2}");
    }
    path.push('Z');
    path
}

/// Draws a radar chart of the dimension scores of one scorecard, optionally
/// over a cohort's median and interquartile band; either may be absent.
///
/// Labels are in `lang`; a dimension that is not scored is drawn at 0 and
/// marked in its label.
pub fn radar(
    template: &Template,
    scorecard: Option<&Scorecard>,
    cohort: Option<&CohortStats>,
    lang: &str,
) -> String {
    let count = template.dimensions.len();
    let mut svg = String::new();
    let title = scorecard
        .and_then(|scorecard| scorecard.name.clone())
        .unwrap_or_else(|| word(lang, "cohort_profile"));
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {RADAR_WIDTH} {RADAR_HEIGHT}" width="{RADAR_WIDTH}" height="{RADAR_HEIGHT}" role="img" aria-label="{label}" font-family="sans-serif" font-size="12"><title>{label}</title>"##,
        label = escape(&title)
    );

    for level in [25.0, 50.0, 75.0, 100.0] {
        let _ = write!(
            svg,
            r##"<path d="{}" fill="none" stroke="{GRID_COLOUR}" stroke-width="1"/>"##,
            ring(&vec![level; count])
        );
    }
    for spoke in 0..count {
        let (x, y) = radar_point(spoke, count, 100.0);
        let (cx, cy) = radar_point(spoke, count, 0.0);
        let _ = write!(
            svg,
            r##"<line x1="{cx:.2}" y1="{cy:.2}" x2="{x:.2}" y2="{y:.2}" stroke="{GRID_COLOUR}" stroke-width="1"/>"##
        );
    }
    // Scale labels go straight below the centre, away from the dimension
    // labels, where each ring crosses: an edge's middle when the count of
    // spokes is odd, a spoke when it is even.
    #[allow(
        clippy::cast_precision_loss,
        reason = "a template has at most 12 dimensions"
    )]
    let crossing = if count % 2 == 1 {
        libm::cos(std::f64::consts::PI / count as f64)
    } else {
        1.0
    };
    for level in [25.0, 50.0, 75.0, 100.0] {
        let (x, y) = (
            RADAR_WIDTH / 2.0 + 3.0,
            RADAR_HEIGHT / 2.0 + 10.0 + crossing * RADAR_RADIUS * level / 100.0 - 2.0,
        );
        let _ = write!(
            svg,
            r##"<text x="{x:.2}" y="{y:.2}" fill="#777777" font-size="10">{level}</text>"##
        );
    }

    if let Some(stats) = cohort {
        let q1: Vec<f64> = stats
            .dimensions
            .iter()
            .map(|d| d.scores.q1.unwrap_or(0.0))
            .collect();
        let q3: Vec<f64> = stats
            .dimensions
            .iter()
            .map(|d| d.scores.q3.unwrap_or(0.0))
            .collect();
        let median: Vec<f64> = stats
            .dimensions
            .iter()
            .map(|d| d.scores.median.unwrap_or(0.0))
            .collect();
        let _ = write!(
            svg,
            r##"<path d="{}{}" fill="{BAND_COLOUR}" fill-opacity="0.45" fill-rule="evenodd" stroke="none"><title>{}</title></path>"##,
            ring(&q3),
            ring(&q1),
            escape(&word(lang, "band_series"))
        );
        let _ = write!(
            svg,
            r##"<path d="{}" fill="none" stroke="{MEDIAN_COLOUR}" stroke-width="2" stroke-dasharray="6 4"><title>{}</title></path>"##,
            ring(&median),
            escape(&word(lang, "median_series"))
        );
    }

    if let Some(scorecard) = scorecard {
        let scores: Vec<f64> = scorecard
            .dimensions
            .iter()
            .map(|d| d.score.unwrap_or(0.0))
            .collect();
        let _ = write!(
            svg,
            r##"<path d="{}" fill="{SERIES_COLOUR}" fill-opacity="0.2" stroke="{SERIES_COLOUR}" stroke-width="2"/>"##,
            ring(&scores)
        );
        for (spoke, dimension) in scorecard.dimensions.iter().enumerate() {
            let (x, y) = radar_point(spoke, count, dimension.score.unwrap_or(0.0));
            let value = dimension
                .score
                .map_or_else(|| word(lang, "not_scored"), |score| format!("{score:.1}"));
            let _ = write!(
                svg,
                r##"<circle cx="{x:.2}" cy="{y:.2}" r="3.5" fill="{SERIES_COLOUR}"><title>{}</title></circle>"##,
                escape(&value)
            );
        }
    }

    for (spoke, dimension) in template.dimensions.iter().enumerate() {
        let (x, y) = radar_point(spoke, count, 118.0);
        let anchor = if (x - RADAR_WIDTH / 2.0).abs() < 1.0 {
            "middle"
        } else if x > RADAR_WIDTH / 2.0 {
            "start"
        } else {
            "end"
        };
        let mut label = localise(&dimension.label, lang).to_owned();
        let score = scorecard.and_then(|scorecard| scorecard.dimensions.get(spoke));
        match score.map(|entry| entry.score) {
            Some(Some(value)) => {
                let _ = write!(label, " {value:.0}");
            }
            Some(None) => {
                let _ = write!(label, " ({})", word(lang, "not_scored"));
            }
            None => {}
        }
        let _ = write!(
            svg,
            r##"<text x="{x:.2}" y="{:.2}" text-anchor="{anchor}" fill="{TEXT_COLOUR}">{}</text>"##,
            y + 4.0,
            escape(&label)
        );
    }

    legend(&mut svg, scorecard, cohort.is_some(), lang);
    svg.push_str("</svg>");
    svg
}

fn legend(svg: &mut String, scorecard: Option<&Scorecard>, with_cohort: bool, lang: &str) {
    let mut entries: Vec<(String, String)> = Vec::new();
    if let Some(scorecard) = scorecard {
        entries.push((
            SERIES_COLOUR.to_owned(),
            scorecard.name.clone().unwrap_or_default(),
        ));
    }
    if with_cohort {
        entries.push((MEDIAN_COLOUR.to_owned(), word(lang, "median_series")));
        entries.push((BAND_COLOUR.to_owned(), word(lang, "band_series")));
    }
    for (row, (colour, text)) in entries.iter().enumerate() {
        #[allow(clippy::cast_precision_loss, reason = "at most three legend rows")]
        let y = 16.0 + 16.0 * row as f64;
        let _ = write!(
            svg,
            r##"<rect x="8" y="{:.2}" width="12" height="12" fill="{colour}"/><text x="26" y="{:.2}" fill="{TEXT_COLOUR}">{}</text>"##,
            y - 10.0,
            y,
            escape(text)
        );
    }
}

/// Draws a horizontal bar chart of named scores (points 0–100), in the order given.
///
/// An absent score gets no bar and the words "not scored" in `lang`.
pub fn bars(title: &str, items: &[(String, Option<f64>)], lang: &str) -> String {
    const WIDTH: f64 = 680.0;
    const LABEL_WIDTH: f64 = 250.0;
    const BAR_SPACE: f64 = 360.0;
    const ROW: f64 = 24.0;
    const TOP: f64 = 36.0;

    #[allow(
        clippy::cast_precision_loss,
        reason = "bar charts have far fewer than 2^52 rows"
    )]
    let height = TOP + ROW * items.len() as f64 + 28.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" aria-label="{label}" font-family="sans-serif" font-size="12"><title>{label}</title><text x="8" y="20" font-size="14" font-weight="bold" fill="{TEXT_COLOUR}">{label}</text>"##,
        label = escape(title)
    );
    for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let x = LABEL_WIDTH + BAR_SPACE * tick / 100.0;
        let bottom = height - 24.0;
        let _ = write!(
            svg,
            r##"<line x1="{x:.2}" y1="{TOP}" x2="{x:.2}" y2="{bottom:.2}" stroke="{GRID_COLOUR}" stroke-width="1"/><text x="{x:.2}" y="{:.2}" text-anchor="middle" fill="#777777" font-size="10">{tick}</text>"##,
            bottom + 14.0
        );
    }
    for (row, (name, score)) in items.iter().enumerate() {
        #[allow(
            clippy::cast_precision_loss,
            reason = "bar charts have far fewer than 2^52 rows"
        )]
        let y = TOP + ROW * row as f64;
        let _ = write!(
            svg,
            r##"<text x="{:.2}" y="{:.2}" text-anchor="end" fill="{TEXT_COLOUR}">{}</text>"##,
            LABEL_WIDTH - 8.0,
            y + 15.0,
            escape(name)
        );
        match score {
            Some(score) => {
                let length = BAR_SPACE * score.clamp(0.0, 100.0) / 100.0;
                let _ = write!(
                    svg,
                    r##"<rect x="{LABEL_WIDTH}" y="{:.2}" width="{length:.2}" height="16" fill="{MEDIAN_COLOUR}"><title>{}</title></rect><text x="{:.2}" y="{:.2}" fill="{TEXT_COLOUR}">{score:.1}</text>"##,
                    y + 3.0,
                    escape(name),
                    LABEL_WIDTH + length + 4.0,
                    y + 15.0
                );
            }
            None => {
                let _ = write!(
                    svg,
                    r##"<text x="{:.2}" y="{:.2}" fill="#777777">{}</text>"##,
                    LABEL_WIDTH + 4.0,
                    y + 15.0,
                    escape(&word(lang, "not_scored"))
                );
            }
        }
    }
    svg.push_str("</svg>");
    svg
}
