//! Writes reports and scorecards as tables, JSON and CSV.

use crate::{display_path, Failure};
use siat_core::i18n::word;
use siat_core::template::localise;
use siat_core::{Report, Scorecard, Severity, Template};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Shown where a score is absent.
const ABSENT: &str = "—";

fn count(number: usize, noun: &str) -> String {
    if number == 1 {
        format!("1 {noun}")
    } else {
        format!("{number} {noun}s")
    }
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// Lists a file's issues, one per line, after a heading with the counts.
pub fn file_issues(file: &Path, report: &Report) -> String {
    let errors = report
        .issues
        .iter()
        .filter(|issue| issue.is_error())
        .count();
    let warnings = report.issues.len() - errors;
    let mut out = if report.valid {
        format!(
            "{}: valid, {}\n",
            file.display(),
            count(warnings, "warning")
        )
    } else {
        format!(
            "{}: {}, {}\n",
            file.display(),
            count(errors, "error"),
            count(warnings, "warning")
        )
    };
    let path_width = report
        .issues
        .iter()
        .map(|issue| display_path(&issue.path).len())
        .max()
        .unwrap_or(0);
    for issue in &report.issues {
        let _ = writeln!(
            out,
            "  {:<7}  {:<path_width$}  {:<22}  {}",
            severity_name(issue.severity),
            display_path(&issue.path),
            issue.code.as_str(),
            issue.message,
        );
    }
    out
}

/// Lists every file's issues.
pub fn validation_table(reports: &[(PathBuf, Report)]) -> String {
    reports
        .iter()
        .map(|(file, report)| file_issues(file, report))
        .collect()
}

#[derive(serde::Serialize)]
struct FileValidation<'a> {
    file: String,
    valid: bool,
    issues: &'a [siat_core::Issue],
}

/// Writes `{"file", "valid", "issues"}` for one file, or an array of them for several.
pub fn validation_json(reports: &[(PathBuf, Report)]) -> Result<String, Failure> {
    let entries: Vec<FileValidation<'_>> = reports
        .iter()
        .map(|(file, report)| FileValidation {
            file: file.display().to_string(),
            valid: report.valid,
            issues: &report.issues,
        })
        .collect();
    let json = match entries.as_slice() {
        [single] => serde_json::to_string_pretty(single)?,
        all => serde_json::to_string_pretty(all)?,
    };
    Ok(format!("{json}\n"))
}

fn score_text(score: Option<f64>) -> String {
    score.map_or_else(|| ABSENT.to_owned(), |score| format!("{score:.1}"))
}

fn level_text(template: &Template, level: Option<&str>, lang: &str) -> String {
    level
        .and_then(|id| template.levels.iter().find(|candidate| candidate.id == id))
        .map_or_else(
            || ABSENT.to_owned(),
            |level| localise(&level.label, lang).to_owned(),
        )
}

/// Writes one detailed block for a single scorecard, or one row per
/// scorecard when there are several.
pub fn score_table(scored: &[(&Path, &Scorecard)], template: &Template, lang: &str) -> String {
    match scored {
        [] => String::new(),
        [(file, scorecard)] => scorecard_block(file, scorecard, template, lang),
        _ => cohort_table(scored, template, lang),
    }
}

fn scorecard_block(file: &Path, scorecard: &Scorecard, template: &Template, lang: &str) -> String {
    let name = scorecard.name.as_deref().unwrap_or("(no name)");
    let mut out = format!("{name} ({})\n", file.display());
    let labels: Vec<&str> = template
        .dimensions
        .iter()
        .map(|dimension| localise(&dimension.label, lang))
        .collect();
    let width = labels
        .iter()
        .map(|label| label.chars().count())
        .max()
        .unwrap_or(0)
        .max(8);

    let _ = writeln!(
        out,
        "  {:<width$}  {:>5}  {:<16}  {:>6}  {:>8}",
        word(lang, "dimension"),
        word(lang, "score"),
        word(lang, "level"),
        word(lang, "weight"),
        word(lang, "coverage")
    );
    for (dimension, label) in scorecard.dimensions.iter().zip(&labels) {
        let _ = writeln!(
            out,
            "  {:<width$}  {:>5}  {:<16}  {:>6.3}  {:>7.0}%",
            label,
            score_text(dimension.score),
            level_text(template, dimension.level.as_deref(), lang),
            dimension.weight,
            dimension.coverage * 100.0,
        );
    }
    let _ = writeln!(
        out,
        "  {:<width$}  {:>5}  {}",
        word(lang, "index"),
        score_text(scorecard.index.score),
        level_text(template, scorecard.index.level.as_deref(), lang),
    );
    let _ = writeln!(
        out,
        "  {}: {}, {}: {}",
        word(lang, "weighting"),
        scorecard.weighting,
        word(lang, "aggregation").to_lowercase(),
        scorecard.aggregation
    );
    for issue in &scorecard.issues {
        let _ = writeln!(
            out,
            "  {} {}: {}",
            severity_name(issue.severity),
            display_path(&issue.path),
            issue.message
        );
    }
    out
}

fn cohort_table(scored: &[(&Path, &Scorecard)], template: &Template, lang: &str) -> String {
    let names: Vec<&str> = scored
        .iter()
        .map(|(_, scorecard)| scorecard.name.as_deref().unwrap_or("(no name)"))
        .collect();
    let name_width = names
        .iter()
        .map(|name| name.chars().count())
        .max()
        .unwrap_or(0)
        .max(10);
    let headers: Vec<&str> = template
        .dimensions
        .iter()
        .map(|dimension| localise(&dimension.label, lang))
        .collect();
    let widths: Vec<usize> = headers
        .iter()
        .map(|header| header.chars().count().max(5))
        .collect();

    let mut out = format!("{:<name_width$}", word(lang, "initiative"));
    for (header, width) in headers.iter().zip(&widths) {
        let _ = write!(out, "  {header:>width$}");
    }
    let _ = writeln!(out, "  {:>8}  {}", word(lang, "index"), word(lang, "level"));

    for ((_, scorecard), name) in scored.iter().zip(&names) {
        let _ = write!(out, "{name:<name_width$}");
        for (dimension, width) in scorecard.dimensions.iter().zip(&widths) {
            let _ = write!(out, "  {:>width$}", score_text(dimension.score));
        }
        let _ = writeln!(
            out,
            "  {:>8}  {}",
            score_text(scorecard.index.score),
            level_text(template, scorecard.index.level.as_deref(), lang)
        );
    }
    let with_warnings = scored
        .iter()
        .filter(|(_, scorecard)| !scorecard.issues.is_empty())
        .count();
    let summary = if scored.len() == 1 {
        word(lang, "assessment_scored")
    } else {
        word(lang, "assessments_scored").replace("{count}", &scored.len().to_string())
    };
    out.push_str(&summary);
    if with_warnings > 0 {
        out.push_str(&word(lang, "with_warnings").replace("{count}", &with_warnings.to_string()));
    }
    out.push('\n');
    out
}

/// Writes the scorecard as JSON: one object for a single input file, an array otherwise.
pub fn score_json(scored: &[(&Path, &Scorecard)], single_input: bool) -> Result<String, Failure> {
    let json = match scored {
        [(_, scorecard)] if single_input => serde_json::to_string_pretty(scorecard)?,
        all => {
            let scorecards: Vec<&Scorecard> = all.iter().map(|(_, scorecard)| *scorecard).collect();
            serde_json::to_string_pretty(&scorecards)?
        }
    };
    Ok(format!("{json}\n"))
}

/// Writes one CSV row per scorecard: file, name, a column per dimension score, index, level.
pub fn score_csv(scored: &[(&Path, &Scorecard)], template: &Template) -> Result<String, Failure> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["file".to_owned(), "name".to_owned()];
    header.extend(
        template
            .dimensions
            .iter()
            .map(|dimension| dimension.id.clone()),
    );
    header.extend(["index".to_owned(), "index_level".to_owned()]);
    writer.write_record(&header)?;

    for (file, scorecard) in scored {
        let mut row = vec![
            file.display().to_string(),
            scorecard.name.clone().unwrap_or_default(),
        ];
        row.extend(
            scorecard
                .dimensions
                .iter()
                .map(|dimension| number_cell(dimension.score)),
        );
        row.push(number_cell(scorecard.index.score));
        row.push(scorecard.index.level.clone().unwrap_or_default());
        writer.write_record(&row)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|error| Failure(error.to_string()))?;
    String::from_utf8(bytes).map_err(Failure::from)
}

/// Writes a score in full precision, or an empty cell when absent.
fn number_cell(score: Option<f64>) -> String {
    score.map(|score| score.to_string()).unwrap_or_default()
}

/// Width that advice text wraps at, in characters.
const WRAP_WIDTH: usize = 78;

/// Wraps text at word boundaries, indenting every line after the first.
fn wrap(text: &str, first_prefix: &str, indent: usize) -> String {
    let mut out = String::from(first_prefix);
    let mut column = first_prefix.chars().count();
    for word in text.split_whitespace() {
        let length = word.chars().count();
        if column > indent && column + 1 + length > WRAP_WIDTH {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            column = indent;
        } else if column > indent {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += length;
    }
    out.push('\n');
    out
}

/// Lists recommendations, numbered, each with its practices.
pub fn advice(
    scorecard: &Scorecard,
    recommendations: &[siat_core::Recommendation],
    lang: &str,
) -> String {
    let name = scorecard.name.clone().unwrap_or_default();
    let heading = siat_core::i18n::word(lang, "advice_for").replace("{name}", &name);
    let mut out = format!("{heading}\n");
    for (position, recommendation) in recommendations.iter().enumerate() {
        out.push('\n');
        out.push_str(&wrap(
            &recommendation.text,
            &format!("{:>2}. ", position + 1),
            4,
        ));
        let others: Vec<&str> = recommendation
            .practices
            .iter()
            .skip(1)
            .map(|practice| practice.title.as_str())
            .collect();
        if !others.is_empty() {
            let also = format!(
                "{}: {}",
                siat_core::i18n::word(lang, "also"),
                others.join("; ")
            );
            out.push_str(&wrap(&also, "    ", 4));
        }
    }
    out
}
