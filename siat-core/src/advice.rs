//! Recommendations for a scorecard, drawn from the knowledge base.
//!
//! Dimensions come in order of priority gap, weight × (100 − score): where
//! the initiative's own priorities and its results disagree most. Within a
//! dimension, the answered indicators with the lowest scores come first.

use crate::i18n::{self, fill_pattern};
use crate::knowledge::{EntryKind, KnowledgeBase};
use crate::report::SiatError;
use crate::scorecard::Scorecard;
use crate::template::{localise, Template};
use serde::{Deserialize, Serialize};

/// How many recommendations to give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AdviceOptions {
    /// Maximum number of recommendations.
    pub limit: usize,
    /// Maximum number of recommendations from one dimension, so advice spreads over the largest gaps.
    pub per_dimension: usize,
}

impl Default for AdviceOptions {
    fn default() -> Self {
        AdviceOptions {
            limit: 6,
            per_dimension: 3,
        }
    }
}

/// A knowledge-base entry named by a recommendation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PracticeLink {
    /// Entry id.
    pub id: String,
    /// Kind of entry, e.g. `best_practice`.
    pub kind: EntryKind,
    /// Entry title in the requested language.
    pub title: String,
    /// The entry's advice in the requested language.
    pub advice: String,
}

/// One piece of advice: an indicator to raise and the practices that raise it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    /// Indicator id.
    pub indicator: String,
    /// Indicator label in the requested language.
    pub label: String,
    /// Id of its dimension.
    pub dimension: String,
    /// The indicator's score, points 0–100.
    pub score: f64,
    /// The dimension's priority gap, weight × (100 − score).
    pub priority_gap: f64,
    /// Linked entries, best practices first.
    pub practices: Vec<PracticeLink>,
    /// The recommendation in the requested language.
    pub text: String,
}

/// Ranks entry kinds by how directly they give a next step.
fn kind_order(kind: EntryKind) -> u8 {
    match kind {
        EntryKind::BestPractice => 0,
        EntryKind::Driver => 1,
        EntryKind::Lesson => 2,
        EntryKind::Toolkit => 3,
        EntryKind::Definition | EntryKind::Why => 4,
    }
}

/// Draws recommendations for a scorecard of `template` from a knowledge base.
///
/// Fails for an unsupported language.
pub fn advise(
    template: &Template,
    scorecard: &Scorecard,
    knowledge: &KnowledgeBase,
    lang: &str,
    options: AdviceOptions,
) -> Result<Vec<Recommendation>, SiatError> {
    let catalogue = i18n::catalogue();
    let Some(language) = catalogue.get(lang) else {
        return Err(SiatError::UnsupportedLanguage {
            lang: lang.to_owned(),
            supported: i18n::languages(),
        });
    };
    let pattern = |key: &str| language.report.get(key).cloned().unwrap_or_default();

    let mut dimensions: Vec<(usize, f64)> = scorecard
        .dimensions
        .iter()
        .enumerate()
        .filter_map(|(position, dimension)| dimension.priority_gap.map(|gap| (position, gap)))
        .collect();
    // A stable sort keeps template order between equal gaps.
    dimensions.sort_by(|a, b| b.1.total_cmp(&a.1));

    let mut recommendations = Vec::new();
    let mut leads: Vec<String> = Vec::new();
    for (position, gap) in dimensions {
        let Some(dimension) = scorecard.dimensions.get(position) else {
            continue;
        };
        let mut candidates: Vec<(&str, f64)> = scorecard
            .indicators
            .iter()
            .filter(|indicator| indicator.dimension == dimension.id)
            .filter_map(|indicator| {
                indicator
                    .score
                    .filter(|score| *score < 100.0)
                    .map(|score| (indicator.id.as_str(), score))
            })
            .collect();
        candidates.sort_by(|a, b| a.1.total_cmp(&b.1));

        for (id, score) in candidates.into_iter().take(options.per_dimension) {
            let label = template
                .indicator(id)
                .map_or(id, |indicator| localise(&indicator.label, lang))
                .to_owned();
            let mut entries: Vec<_> = knowledge.for_indicator(id).collect();
            entries.sort_by_key(|entry| kind_order(entry.kind));
            // Lead with an entry no earlier recommendation led with, so advice does not repeat.
            if let Some(fresh) = entries.iter().position(|entry| !leads.contains(&entry.id)) {
                let lead = entries.remove(fresh);
                entries.insert(0, lead);
            }
            // A lead already given in full is named, not repeated.
            let repeated = entries.first().is_some_and(|lead| leads.contains(&lead.id));
            if let Some(lead) = entries.first() {
                leads.push(lead.id.clone());
            }
            let key = match (entries.is_empty(), repeated) {
                (true, _) => "recommendation_plain",
                (false, true) => "recommendation_again",
                (false, false) => "recommendation",
            };
            let practices: Vec<PracticeLink> = entries
                .iter()
                .map(|entry| PracticeLink {
                    id: entry.id.clone(),
                    kind: entry.kind,
                    title: localise(&entry.title, lang).to_owned(),
                    advice: entry
                        .advice
                        .as_ref()
                        .map(|advice| localise(advice, lang).to_owned())
                        .unwrap_or_default(),
                })
                .collect();
            let dimension_label = template
                .dimension(&dimension.id)
                .map_or(dimension.id.as_str(), |found| localise(&found.label, lang));
            let first = practices.first();
            let text = fill_pattern(&pattern(key), |name, _| match name {
                "indicator" => label.clone(),
                "score" => format!("{score:.0}"),
                "dimension" => dimension_label.to_owned(),
                "practice" => first
                    .map(|practice| practice.title.clone())
                    .unwrap_or_default(),
                "advice" => first
                    .map(|practice| practice.advice.clone())
                    .unwrap_or_default(),
                _ => String::new(),
            });
            recommendations.push(Recommendation {
                indicator: id.to_owned(),
                label,
                dimension: dimension.id.clone(),
                score,
                priority_gap: gap,
                practices,
                text,
            });
        }
    }
    recommendations.truncate(options.limit);
    Ok(recommendations)
}
