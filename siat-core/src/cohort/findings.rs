//! Findings in words, generated from the cohort statistics.
//!
//! Each finding carries the numbers it states, so a test or a chart can use
//! them without parsing the text.

use super::{Cohort, CohortStats, GroupStats};
use crate::i18n::{self, fill_pattern};
use crate::report::SiatError;
use crate::template::{localise, AnswerType, Template};
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// One statement about a cohort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Kind of finding: `cohort_size` (or `cohort_size_one`), `strongest_dimension`, `weakest_dimension`,
    /// `strongest_indicator`, `weakest_indicator`, `headline`, `group_above` or `group_below`.
    pub kind: String,
    /// Id of the dimension or indicator it is about, if any.
    pub subject: Option<String>,
    /// Group value it is about, for group findings.
    pub group: Option<String>,
    /// The statement in the requested language.
    pub text: String,
    /// The numbers the statement gives, unrounded: `mean`, `share` (0–100),
    /// `count`, `group_mean`, `difference` (points), `size` (members of the group).
    pub numbers: IndexMap<String, f64>,
}

/// Writes a number with at most one decimal, dropping `.0`.
fn brief(number: f64) -> String {
    let text = format!("{number:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_owned)
}

/// Smallest group that gets a finding of its own; a single initiative is
/// not a group to generalise from.
pub const MIN_GROUP_SIZE: usize = 2;

/// How the numbers of a finding are written.
#[derive(Clone, Copy)]
enum Style {
    /// Answers such as shares: at most one decimal, so 80 reads "80".
    Brief,
    /// Scores and differences in points: always one decimal.
    Points,
}

/// Writes one number of a finding; counts are whole numbers in any style.
fn number_text(key: &str, number: f64, style: Style, separator: &str) -> String {
    let text = match (key, style) {
        ("count" | "size", _) | (_, Style::Brief) => brief(number),
        (_, Style::Points) => format!("{number:.1}"),
    };
    text.replace('.', separator)
}

fn capitalise(text: &str) -> String {
    let mut characters = text.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}

/// Builds findings in one language.
struct Writer<'a> {
    template: &'a Template,
    lang: &'a str,
    patterns: &'a IndexMap<String, String>,
    separator: String,
    findings: Vec<Finding>,
}

impl Writer<'_> {
    /// Adds a finding from a catalogue pattern; `words` fill the pattern's
    /// text placeholders and `numbers` its number placeholders.
    fn add(
        &mut self,
        kind: &str,
        subject: Option<&str>,
        group: Option<&str>,
        words: &[(&str, String)],
        numbers: &[(&str, f64)],
    ) {
        let Some(pattern) = self.patterns.get(kind) else {
            return;
        };
        self.push(
            kind,
            pattern.clone(),
            Style::Points,
            subject,
            group,
            words,
            numbers,
        );
    }

    #[allow(
        clippy::too_many_arguments,
        reason = "each argument is one part of the finding"
    )]
    fn push(
        &mut self,
        kind: &str,
        pattern: String,
        style: Style,
        subject: Option<&str>,
        group: Option<&str>,
        words: &[(&str, String)],
        numbers: &[(&str, f64)],
    ) {
        let text = fill_pattern(&pattern, |name, _| {
            if let Some((_, word)) = words.iter().find(|(key, _)| *key == name) {
                return word.clone();
            }
            numbers
                .iter()
                .find(|(key, _)| *key == name)
                .map_or_else(String::new, |(key, number)| {
                    number_text(key, *number, style, &self.separator)
                })
        });
        self.findings.push(Finding {
            kind: kind.to_owned(),
            subject: subject.map(str::to_owned),
            group: group.map(str::to_owned),
            text: capitalise(&text),
            numbers: numbers
                .iter()
                .map(|(key, number)| ((*key).to_owned(), *number))
                .collect(),
        });
    }

    fn dimension_label(&self, id: &str) -> String {
        self.template.dimension(id).map_or_else(
            || id.to_owned(),
            |dimension| localise(&dimension.label, self.lang).to_owned(),
        )
    }

    fn extremes(&mut self, stats: &CohortStats) {
        let dimension_means: Vec<(&str, f64)> = stats
            .dimensions
            .iter()
            .filter_map(|dimension| {
                dimension
                    .scores
                    .mean
                    .map(|mean| (dimension.id.as_str(), mean))
            })
            .collect();
        if let (Some(best), Some(worst)) = (strongest(&dimension_means), weakest(&dimension_means))
        {
            let best_label = self.dimension_label(best.0);
            let worst_label = self.dimension_label(worst.0);
            self.add(
                "strongest_dimension",
                Some(best.0),
                None,
                &[("dimension", best_label)],
                &[("mean", best.1)],
            );
            self.add(
                "weakest_dimension",
                Some(worst.0),
                None,
                &[("dimension", worst_label)],
                &[("mean", worst.1)],
            );
        }

        let indicator_means: Vec<(&str, f64)> = stats
            .indicators
            .iter()
            .filter_map(|indicator| {
                indicator
                    .scores
                    .mean
                    .map(|mean| (indicator.id.as_str(), mean))
            })
            .collect();
        if let (Some(best), Some(worst)) = (strongest(&indicator_means), weakest(&indicator_means))
        {
            for (kind, (id, mean)) in [("strongest_indicator", best), ("weakest_indicator", worst)]
            {
                let label = self.template.indicator(id).map_or_else(
                    || id.to_owned(),
                    |indicator| localise(&indicator.label, self.lang).to_owned(),
                );
                self.add(
                    kind,
                    Some(id),
                    None,
                    &[("indicator", label)],
                    &[("mean", mean)],
                );
            }
        }
    }

    fn headlines(&mut self, stats: &CohortStats) {
        for (indicator, indicator_stats) in self.template.indicators.iter().zip(&stats.indicators) {
            if indicator.finding.is_empty() || indicator_stats.answered == 0 {
                continue;
            }
            let pattern = localise(&indicator.finding, self.lang).to_owned();
            #[allow(
                clippy::cast_precision_loss,
                reason = "cohorts are far smaller than 2^52"
            )]
            let count = indicator_stats.answered as f64;
            let numbers: Vec<(&str, f64)> = if indicator.answer_type == AnswerType::Boolean {
                let share = indicator_stats
                    .shares
                    .iter()
                    .find(|share| share.option == "true")
                    .map_or(0.0, |share| share.share * 100.0);
                vec![("share", share), ("count", count)]
            } else {
                let mean = indicator_stats
                    .values
                    .as_ref()
                    .and_then(|values| values.mean)
                    .unwrap_or(0.0);
                vec![("mean", mean), ("count", count)]
            };
            self.push(
                "headline",
                pattern,
                Style::Brief,
                Some(&indicator.id),
                None,
                &[],
                &numbers,
            );
        }
    }

    fn group_differences(&mut self, field: &str, stats: &CohortStats, groups: &[GroupStats]) {
        let option_label = |value: &str| {
            self.template
                .profile_field(field)
                .and_then(|definition| definition.options.iter().find(|option| option.id == value))
                .map_or_else(
                    || value.to_owned(),
                    |option| localise(&option.label, self.lang).to_owned(),
                )
        };
        for group in groups
            .iter()
            .filter(|group| group.stats.count >= MIN_GROUP_SIZE)
        {
            let Some(value) = &group.value else {
                continue;
            };
            let largest = group
                .stats
                .dimensions
                .iter()
                .zip(&stats.dimensions)
                .filter_map(|(inside, whole)| {
                    Some((inside.id.as_str(), inside.scores.mean?, whole.scores.mean?))
                })
                .fold(None::<(&str, f64, f64)>, |best, candidate| match best {
                    Some(best) if (best.1 - best.2).abs() >= (candidate.1 - candidate.2).abs() => {
                        Some(best)
                    }
                    _ => Some(candidate),
                });
            let Some((dimension, group_mean, mean)) = largest else {
                continue;
            };
            let difference = group_mean - mean;
            let kind = if difference >= 0.0 {
                "group_above"
            } else {
                "group_below"
            };
            let words = [
                ("group", option_label(value)),
                ("dimension", self.dimension_label(dimension)),
            ];
            #[allow(
                clippy::cast_precision_loss,
                reason = "cohorts are far smaller than 2^52"
            )]
            let size = group.stats.count as f64;
            let numbers = [
                ("group_mean", group_mean),
                ("mean", mean),
                ("difference", difference.abs()),
                ("size", size),
            ];
            self.add(kind, Some(dimension), Some(value), &words, &numbers);
        }
    }
}

/// Finds the entry with the highest number; the first one wins a tie.
fn strongest<'a>(entries: &[(&'a str, f64)]) -> Option<(&'a str, f64)> {
    entries
        .iter()
        .copied()
        .fold(None, |best, entry| match best {
            Some(best) if best.1 >= entry.1 => Some(best),
            _ => Some(entry),
        })
}

/// Finds the entry with the lowest number; the first one wins a tie.
fn weakest<'a>(entries: &[(&'a str, f64)]) -> Option<(&'a str, f64)> {
    entries
        .iter()
        .copied()
        .fold(None, |worst, entry| match worst {
            Some(worst) if worst.1 <= entry.1 => Some(worst),
            _ => Some(entry),
        })
}

impl Cohort {
    /// States the cohort's main results in words. The findings give its size
    /// and mean index, the strongest and weakest dimensions and indicators, and
    /// a headline per indicator whose template gives a finding pattern. With
    /// `group_by` they add where each group differs most from the whole cohort.
    ///
    /// Fails for an unsupported language or a field that cannot group.
    pub fn findings(&self, lang: &str, group_by: Option<&str>) -> Result<Vec<Finding>, SiatError> {
        let catalogue = i18n::catalogue();
        let Some(language) = catalogue.get(lang) else {
            return Err(SiatError::UnsupportedLanguage {
                lang: lang.to_owned(),
                supported: i18n::languages(),
            });
        };
        let stats = self.stats();
        let mut writer = Writer {
            template: &self.template,
            lang,
            patterns: &language.findings,
            separator: language
                .report
                .get("decimal_separator")
                .cloned()
                .unwrap_or_else(|| ".".to_owned()),
            findings: Vec::new(),
        };

        #[allow(
            clippy::cast_precision_loss,
            reason = "cohorts are far smaller than 2^52"
        )]
        let count = stats.count as f64;
        if let Some(mean) = stats.index.mean {
            let kind = if stats.count == 1 {
                "cohort_size_one"
            } else {
                "cohort_size"
            };
            writer.add(kind, None, None, &[], &[("count", count), ("mean", mean)]);
        }
        writer.extremes(&stats);
        writer.headlines(&stats);
        if let Some(field) = group_by {
            let groups = self.stats_by(field)?;
            writer.group_differences(field, &stats, &groups);
        }
        Ok(writer.findings)
    }
}
