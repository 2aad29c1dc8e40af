//! `siat compare`: cohort statistics, findings, ranking and weight sensitivity.

use crate::{
    emit, inputs, load_template, read_bytes, render, CompareArgs, Failure, ValidateFormat,
};
use siat_core::cohort::{Cohort, CohortStats, Rejected, Summary};
use siat_core::i18n::word;
use siat_core::template::localise;
use siat_core::{ReportOptions, Value};
use std::fmt::Write as _;

/// Runs the command; returns whether every input was valid.
pub fn run(args: &CompareArgs) -> Result<bool, Failure> {
    let template = load_template(args.common.template.as_ref())?;
    let options = args.scoring.options(&args.common.lang);
    let lang = args.common.lang.as_str();

    let mut entries = Vec::new();
    let mut unreadable = Vec::new();
    for file in inputs::collect(&args.paths)? {
        let bytes = read_bytes(&file)?;
        let label = file.display().to_string();
        match std::str::from_utf8(&bytes)
            .ok()
            .and_then(|text| Value::from_json(text).ok())
        {
            Some(value) => entries.push((label, value)),
            None => {
                let report = template.check_bytes(&bytes, &options)?;
                unreadable.push(Rejected {
                    label,
                    issues: report.issues,
                });
            }
        }
    }
    let mut cohort = Cohort::new(&template, entries, &options)?;
    cohort.rejected.extend(unreadable);
    for rejected in &cohort.rejected {
        let report = siat_core::Report {
            valid: false,
            issues: rejected.issues.clone(),
            scorecard: None,
        };
        eprint!(
            "{}",
            render::file_issues(std::path::Path::new(&rejected.label), &report)
        );
    }
    if cohort.members.is_empty() {
        return Err(Failure("no valid assessment to compare".to_owned()));
    }

    let stats = cohort.stats();
    let findings = cohort.findings(lang, args.group_by.as_deref())?;
    let groups = args
        .group_by
        .as_deref()
        .map(|field| cohort.stats_by(field))
        .transpose()?;
    let sensitivity = cohort.sensitivity(args.samples, args.seed)?;

    if let Some(path) = &args.html {
        let report_options = ReportOptions {
            lang: lang.to_owned(),
            group_by: args.group_by.clone(),
            samples: args.samples,
            seed: args.seed,
        };
        let html = cohort.to_html(&report_options)?;
        std::fs::write(path, html)
            .map_err(|error| Failure(format!("cannot write `{}`: {error}", path.display())))?;
        eprintln!("wrote {}", path.display());
    }

    let output = match args.format {
        ValidateFormat::Json => {
            let json = serde_json::json!({
                "stats": stats,
                "groups": groups,
                "findings": findings,
                "sensitivity": sensitivity,
                "rejected": cohort.rejected,
            });
            format!("{}\n", serde_json::to_string_pretty(&json)?)
        }
        ValidateFormat::Table => {
            let mut out = String::new();
            let _ = writeln!(out, "{}\n", word(lang, "findings"));
            for finding in &findings {
                let _ = writeln!(out, "  - {}", finding.text);
            }
            out.push('\n');
            dimension_table(&mut out, &cohort, &stats, lang);
            out.push('\n');
            ranking_table(&mut out, &stats, &sensitivity, lang);
            out
        }
    };
    emit(&output)?;
    Ok(cohort.rejected.is_empty())
}

fn cell(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |value| format!("{value:.1}"))
}

fn summary_line(out: &mut String, label: &str, width: usize, summary: &Summary) {
    let _ = write!(out, "{label:<width$}  {:>3}", summary.count);
    for value in [
        summary.mean,
        summary.std,
        summary.min,
        summary.q1,
        summary.median,
        summary.q3,
        summary.max,
    ] {
        let _ = write!(out, "  {:>6}", cell(value));
    }
    out.push('\n');
}

fn dimension_table(out: &mut String, cohort: &Cohort, stats: &CohortStats, lang: &str) {
    let labels: Vec<&str> = cohort
        .template
        .dimensions
        .iter()
        .map(|dimension| localise(&dimension.label, lang))
        .collect();
    let index_label = word(lang, "index");
    let width = labels
        .iter()
        .map(|label| label.chars().count())
        .chain([index_label.chars().count()])
        .max()
        .unwrap_or(8);
    let _ = write!(
        out,
        "{:<width$}  {:>3}",
        word(lang, "dimension"),
        word(lang, "count")
    );
    for key in ["mean", "std", "min", "q1", "median", "q3", "max"] {
        let _ = write!(out, "  {:>6}", word(lang, key));
    }
    out.push('\n');
    for (label, dimension) in labels.iter().zip(&stats.dimensions) {
        summary_line(out, label, width, &dimension.scores);
    }
    summary_line(out, &index_label, width, &stats.index);
}

fn ranking_table(
    out: &mut String,
    stats: &CohortStats,
    sensitivity: &[siat_core::Sensitivity],
    lang: &str,
) {
    let names: Vec<String> = stats
        .standings
        .iter()
        .map(|standing| {
            standing
                .name
                .clone()
                .unwrap_or_else(|| standing.label.clone())
        })
        .collect();
    let width = names
        .iter()
        .map(|name| name.chars().count())
        .max()
        .unwrap_or(10)
        .max(10);
    let _ = writeln!(
        out,
        "{:>4}  {:<width$}  {:>8}  {:>10}  {:>10}  {}",
        word(lang, "rank"),
        word(lang, "initiative"),
        word(lang, "index"),
        word(lang, "percentile"),
        word(lang, "rank_kept"),
        word(lang, "rank_range"),
    );
    let mut order: Vec<usize> = (0..stats.standings.len()).collect();
    order.sort_by_key(|slot| {
        stats
            .standings
            .get(*slot)
            .and_then(|standing| standing.rank)
            .unwrap_or(usize::MAX)
    });
    for slot in order {
        let (Some(standing), Some(name)) = (stats.standings.get(slot), names.get(slot)) else {
            continue;
        };
        let entry = sensitivity.get(slot);
        let kept = entry
            .and_then(|entry| entry.rank_kept)
            .map_or_else(|| "—".to_owned(), |share| format!("{:.0}%", share * 100.0));
        let range = match entry.map(|entry| (entry.best_rank, entry.worst_rank)) {
            Some((Some(best), Some(worst))) => format!("{best}–{worst}"),
            _ => "—".to_owned(),
        };
        let rank = standing
            .rank
            .map_or_else(|| "—".to_owned(), |rank| rank.to_string());
        let _ = writeln!(
            out,
            "{rank:>4}  {name:<width$}  {:>8}  {:>10}  {kept:>10}  {range}",
            cell(standing.index),
            cell(standing.percentile),
        );
    }
}
