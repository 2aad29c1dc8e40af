//! A self-contained HTML report of a cohort: findings, charts and tables.
//!
//! The page loads nothing: styles are inline, charts are inline SVG, and a
//! Content-Security-Policy forbids scripts and network requests. Every piece
//! of user text is escaped.

use crate::advice::{advise, AdviceOptions};
use crate::chart::{bars, escape, radar};
use crate::cohort::{Cohort, CohortStats, GroupStats, Summary};
use crate::i18n::fill_pattern;
use crate::i18n::word;
use crate::knowledge::KnowledgeBase;
use crate::report::SiatError;
use crate::template::{localise, Template};
use std::fmt::Write as _;

/// Choices for the cohort report beyond the cohort itself.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportOptions {
    /// Language of the text, e.g. `en` or `nl`.
    pub lang: String,
    /// Profile field to group the cohort by, such as `country`.
    pub group_by: Option<String>,
    /// Number of random weight vectors for the sensitivity columns; 0 leaves them out.
    pub samples: usize,
    /// Seed of the random weight vectors.
    pub seed: u64,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            lang: "en".to_owned(),
            group_by: None,
            samples: 1000,
            seed: 1,
        }
    }
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#222;margin:0;background:#fff}\
main{max-width:1100px;margin:0 auto;padding:24px}\
h1{font-size:1.6em;margin:0 0 4px}h3{font-size:1em;margin:14px 0 4px}h2{font-size:1.2em;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}\
table{border-collapse:collapse;width:100%;font-size:.88em;margin:8px 0}\
th,td{padding:4px 6px;border-bottom:1px solid #eee;text-align:right;vertical-align:top}\
th:first-child,td:first-child,td.text,th.text{text-align:left}\
th{background:#f4f4f4}\
.note{color:#555;font-size:.85em}\
ul.findings li{margin:4px 0}\
figure{margin:8px 0}svg{max-width:100%;height:auto}\
@media print{main{max-width:none;padding:0}h2{break-after:avoid}table,figure{break-inside:avoid}th{background:#eee}}";

fn number(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |value| format!("{value:.1}"))
}

fn fill(lang: &str, key: &str, values: &[(&str, String)]) -> String {
    fill_pattern(&word(lang, key), |name, _| {
        values
            .iter()
            .find(|(key, _)| *key == name)
            .map_or_else(String::new, |(_, value)| value.clone())
    })
}

fn dimension_labels<'a>(template: &'a Template, lang: &str) -> Vec<&'a str> {
    template
        .dimensions
        .iter()
        .map(|dimension| localise(&dimension.label, lang))
        .collect()
}

fn summary_row(out: &mut String, label: &str, summary: &Summary) {
    let _ = write!(
        out,
        "<tr><td>{}</td><td>{}</td>",
        escape(label),
        summary.count
    );
    for value in [
        summary.mean,
        summary.std,
        summary.min,
        summary.q1,
        summary.median,
        summary.q3,
        summary.max,
    ] {
        let _ = write!(out, "<td>{}</td>", number(value));
    }
    out.push_str("</tr>");
}

fn summary_header(out: &mut String, lang: &str, first: &str) {
    let _ = write!(
        out,
        "<table><thead><tr><th>{}</th>",
        escape(&word(lang, first))
    );
    for key in ["count", "mean", "std", "min", "q1", "median", "q3", "max"] {
        let _ = write!(out, "<th>{}</th>", escape(&word(lang, key)));
    }
    out.push_str("</tr></thead><tbody>");
}

impl Cohort {
    /// Writes the cohort report as one self-contained HTML page.
    ///
    /// Fails for an unsupported language, a field that cannot group, or
    /// more samples than the sensitivity analysis allows.
    pub fn to_html(&self, options: &ReportOptions) -> Result<String, SiatError> {
        let lang = options.lang.as_str();
        let findings = self.findings(lang, options.group_by.as_deref())?;
        let stats = self.stats();
        let groups = match &options.group_by {
            Some(field) => Some((field.as_str(), self.stats_by(field)?)),
            None => None,
        };
        let sensitivity = if options.samples > 0 {
            Some(self.sensitivity(options.samples, options.seed)?)
        } else {
            None
        };

        let template = &self.template;
        let title = fill(lang, "title", &[("count", stats.count.to_string())]);
        let mut out = String::with_capacity(64 * 1024);
        let _ = write!(
            out,
            "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\
<title>{}</title><style>{STYLE}</style></head><body><main>",
            escape(lang),
            escape(&title)
        );
        let _ = write!(
            out,
            "<h1>{}</h1><p class=\"note\">{}</p>",
            escape(&title),
            escape(localise(&template.title, lang))
        );

        let _ = write!(
            out,
            "<h2>{}</h2><ul class=\"findings\">",
            escape(&word(lang, "findings"))
        );
        for finding in &findings {
            let _ = write!(out, "<li>{}</li>", escape(&finding.text));
        }
        out.push_str("</ul>");

        let mut ranked: Vec<(String, Option<f64>)> = self
            .members
            .iter()
            .map(|member| {
                (
                    member
                        .scorecard
                        .name
                        .clone()
                        .unwrap_or_else(|| member.label.clone()),
                    member.scorecard.index.score,
                )
            })
            .collect();
        ranked.sort_by(|a, b| {
            b.1.unwrap_or(f64::NEG_INFINITY)
                .total_cmp(&a.1.unwrap_or(f64::NEG_INFINITY))
        });
        let bar_title = word(lang, "index_by_initiative");
        let _ = write!(
            out,
            "<h2>{}</h2><figure>{}</figure>",
            escape(&bar_title),
            bars(&bar_title, &ranked, lang)
        );
        let _ = write!(
            out,
            "<h2>{}</h2><figure>{}</figure>",
            escape(&word(lang, "cohort_profile")),
            radar(template, None, Some(&stats), lang)
        );

        self.ranking_table(&mut out, &stats, sensitivity.as_deref(), lang);
        if let Some(sensitivity_options) = sensitivity.as_ref().map(|_| options) {
            let note = fill(
                lang,
                "sensitivity",
                &[
                    ("samples", sensitivity_options.samples.to_string()),
                    ("seed", sensitivity_options.seed.to_string()),
                ],
            );
            let _ = write!(out, "<p class=\"note\">{}</p>", escape(&note));
        }

        let _ = write!(out, "<h2>{}</h2>", escape(&word(lang, "dimensions")));
        summary_header(&mut out, lang, "dimension");
        for (label, dimension) in dimension_labels(template, lang)
            .iter()
            .zip(&stats.dimensions)
        {
            summary_row(&mut out, label, &dimension.scores);
        }
        summary_row(&mut out, &word(lang, "index"), &stats.index);
        out.push_str("</tbody></table>");

        indicator_table(&mut out, template, &stats, lang);
        self.advice_section(&mut out, lang)?;
        if let Some((field, groups)) = &groups {
            group_table(&mut out, template, field, groups, lang);
        }
        self.rejected_list(&mut out, lang);

        let note = fill(
            lang,
            "template_note",
            &[
                ("template", template.id.clone()),
                ("version", template.version.clone()),
            ],
        );
        let _ = write!(
            out,
            "<p class=\"note\">{}</p><p class=\"note\">{}</p></main></body></html>",
            escape(&word(lang, "method_note")),
            escape(&note)
        );
        Ok(out)
    }

    fn ranking_table(
        &self,
        out: &mut String,
        stats: &CohortStats,
        sensitivity: Option<&[crate::sensitivity::Sensitivity]>,
        lang: &str,
    ) {
        let _ = write!(
            out,
            "<h2>{}</h2><table><thead><tr>",
            escape(&word(lang, "ranking"))
        );
        let mut headers = vec![word(lang, "rank"), word(lang, "initiative")];
        headers.extend(
            dimension_labels(&self.template, lang)
                .iter()
                .map(|label| (*label).to_owned()),
        );
        headers.extend([
            word(lang, "index"),
            word(lang, "level"),
            word(lang, "percentile"),
        ]);
        if sensitivity.is_some() {
            headers.extend([word(lang, "rank_kept"), word(lang, "rank_range")]);
        }
        for (position, header) in headers.iter().enumerate() {
            let class = if position == 1 { " class=\"text\"" } else { "" };
            let _ = write!(out, "<th{class}>{}</th>", escape(header));
        }
        out.push_str("</tr></thead><tbody>");

        let mut order: Vec<usize> = (0..self.members.len()).collect();
        order.sort_by_key(|slot| {
            stats
                .standings
                .get(*slot)
                .and_then(|standing| standing.rank)
                .unwrap_or(usize::MAX)
        });
        for slot in order {
            let (Some(member), Some(standing)) =
                (self.members.get(slot), stats.standings.get(slot))
            else {
                continue;
            };
            let name = member
                .scorecard
                .name
                .clone()
                .unwrap_or_else(|| member.label.clone());
            let rank = standing
                .rank
                .map_or_else(|| "—".to_owned(), |rank| rank.to_string());
            let _ = write!(
                out,
                "<tr><td>{rank}</td><td class=\"text\">{}</td>",
                escape(&name)
            );
            for dimension in &member.scorecard.dimensions {
                let _ = write!(out, "<td>{}</td>", number(dimension.score));
            }
            let level = member
                .scorecard
                .index
                .level
                .as_deref()
                .and_then(|id| self.template.levels.iter().find(|level| level.id == id))
                .map_or_else(
                    || "—".to_owned(),
                    |level| localise(&level.label, lang).to_owned(),
                );
            let _ = write!(
                out,
                "<td>{}</td><td class=\"text\">{}</td><td>{}</td>",
                number(member.scorecard.index.score),
                escape(&level),
                number(standing.percentile)
            );
            if let Some(entry) = sensitivity.and_then(|rows| rows.get(slot)) {
                let kept = entry
                    .rank_kept
                    .map_or_else(|| "—".to_owned(), |share| format!("{:.0}%", share * 100.0));
                let range = match (entry.best_rank, entry.worst_rank) {
                    (Some(best), Some(worst)) => format!("{best}–{worst}"),
                    _ => "—".to_owned(),
                };
                let _ = write!(out, "<td>{kept}</td><td>{range}</td>");
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table>");
    }

    /// Lists the first three recommendations for each member.
    fn advice_section(&self, out: &mut String, lang: &str) -> Result<(), SiatError> {
        let _ = write!(out, "<h2>{}</h2>", escape(&word(lang, "advice")));
        let options = AdviceOptions {
            limit: 3,
            per_dimension: 1,
        };
        for member in &self.members {
            let recommendations = advise(
                &self.template,
                &member.scorecard,
                KnowledgeBase::builtin(),
                lang,
                options,
            )?;
            if recommendations.is_empty() {
                continue;
            }
            let name = member
                .scorecard
                .name
                .clone()
                .unwrap_or_else(|| member.label.clone());
            let _ = write!(out, "<h3>{}</h3><ol>", escape(&name));
            for recommendation in &recommendations {
                let _ = write!(out, "<li>{}</li>", escape(&recommendation.text));
            }
            out.push_str("</ol>");
        }
        Ok(())
    }

    fn rejected_list(&self, out: &mut String, lang: &str) {
        if self.rejected.is_empty() {
            return;
        }
        let _ = write!(out, "<h2>{}</h2><ul>", escape(&word(lang, "rejected")));
        for rejected in &self.rejected {
            let errors = rejected
                .issues
                .iter()
                .filter(|issue| issue.is_error())
                .count();
            let count = fill(lang, "errors", &[("count", errors.to_string())]);
            let _ = write!(
                out,
                "<li>{}: {}</li>",
                escape(&rejected.label),
                escape(&count)
            );
        }
        out.push_str("</ul>");
    }
}

fn indicator_table(out: &mut String, template: &Template, stats: &CohortStats, lang: &str) {
    let _ = write!(
        out,
        "<h2>{}</h2><table><thead><tr>",
        escape(&word(lang, "indicators"))
    );
    let headers = [
        "indicator",
        "answered",
        "not_applicable",
        "unanswered",
        "mean_answer",
        "median",
        "mean_score",
        "shares",
    ];
    for (position, key) in headers.iter().enumerate() {
        let class = if position == 0 || position == headers.len() - 1 {
            " class=\"text\""
        } else {
            ""
        };
        let _ = write!(out, "<th{class}>{}</th>", escape(&word(lang, key)));
    }
    out.push_str("</tr></thead><tbody>");
    for (indicator, row) in template.indicators.iter().zip(&stats.indicators) {
        let option_label = |id: &str| match id {
            "true" => word(lang, "yes"),
            "false" => word(lang, "no"),
            other => indicator
                .options
                .iter()
                .find(|option| option.id == other)
                .map_or_else(
                    || other.to_owned(),
                    |option| localise(&option.label, lang).to_owned(),
                ),
        };
        let shares: Vec<String> = row
            .shares
            .iter()
            .filter(|share| share.count > 0)
            .map(|share| {
                format!(
                    "{} {:.0}%",
                    option_label(&share.option),
                    share.share * 100.0
                )
            })
            .collect();
        let values = row.values.as_ref();
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"text\">{}</td></tr>",
            escape(localise(&indicator.label, lang)),
            row.answered,
            row.not_applicable,
            row.unanswered,
            number(values.and_then(|values| values.mean)),
            number(values.and_then(|values| values.median)),
            number(row.scores.mean),
            escape(&shares.join(", "))
        );
    }
    out.push_str("</tbody></table>");
}

fn group_table(
    out: &mut String,
    template: &Template,
    field: &str,
    groups: &[GroupStats],
    lang: &str,
) {
    let field_label = template
        .profile_field(field)
        .map_or(field, |definition| localise(&definition.label, lang));
    let heading = fill(lang, "groups", &[("field", field_label.to_owned())]);
    let _ = write!(
        out,
        "<h2>{}</h2><table><thead><tr><th>{}</th><th>{}</th>",
        escape(&heading),
        escape(&word(lang, "group")),
        escape(&word(lang, "count"))
    );
    for label in dimension_labels(template, lang) {
        let _ = write!(out, "<th>{}</th>", escape(label));
    }
    let _ = write!(
        out,
        "<th>{}</th></tr></thead><tbody>",
        escape(&word(lang, "index"))
    );
    for group in groups {
        let name = match &group.value {
            Some(value) => template
                .profile_field(field)
                .and_then(|definition| definition.options.iter().find(|option| &option.id == value))
                .map_or_else(
                    || value.clone(),
                    |option| localise(&option.label, lang).to_owned(),
                ),
            None => word(lang, "not_given"),
        };
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td>",
            escape(&name),
            group.stats.count
        );
        for dimension in &group.stats.dimensions {
            let _ = write!(out, "<td>{}</td>", number(dimension.scores.mean));
        }
        let _ = write!(out, "<td>{}</td></tr>", number(group.stats.index.mean));
    }
    out.push_str("</tbody></table>");
}
