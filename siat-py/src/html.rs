//! The HTML a scorecard shows as in Jupyter.

use siat_core::Scorecard;
use std::fmt::Write;

/// Renders a scorecard as HTML: the index and its level, the radar chart
/// (SVG text, inserted as given), then a table with one row per dimension.
/// Scores are rounded to one decimal here only; the scorecard keeps full
/// precision.
pub(crate) fn scorecard(scorecard: &Scorecard, radar: &str) -> String {
    let mut out = String::from("<div class=\"siat-scorecard\">\n<p>");
    if let Some(name) = &scorecard.name {
        let _ = write!(out, "<strong>{}</strong> — ", escape(name));
    }
    let _ = writeln!(
        out,
        "SI index <strong>{}</strong> ({})</p>",
        score(scorecard.index.score),
        escape(scorecard.index.level.as_deref().unwrap_or("not scored")),
    );

    out.push_str(radar);
    out.push_str("\n<table>\n<thead><tr><th>dimension</th><th>score</th><th>level</th>");
    out.push_str("<th>coverage</th><th>weight</th><th>priority gap</th></tr></thead>\n<tbody>\n");
    for dimension in &scorecard.dimensions {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{:.0}%</td><td>{:.3}</td><td>{}</td></tr>",
            escape(&dimension.id),
            score(dimension.score),
            escape(dimension.level.as_deref().unwrap_or("—")),
            dimension.coverage * 100.0,
            dimension.weight,
            score(dimension.priority_gap),
        );
    }
    out.push_str("</tbody>\n</table>\n");

    let warnings = scorecard.issues.len();
    if warnings > 0 {
        let plural = if warnings == 1 { "" } else { "s" };
        let _ = writeln!(
            out,
            "<p>{warnings} warning{plural}; see <code>.issues</code></p>"
        );
    }
    out.push_str("</div>");
    out
}

/// Writes a score to one decimal, or a dash when it is absent.
fn score(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |value| format!("{value:.1}"))
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}
