//! Scoring: indicator scores, dimension scores, weights and the SI index.
//!
//! Every sum runs in template order in `f64`, and powers use the `libm`
//! crate rather than the platform's maths library, so native code and
//! WebAssembly give bit-identical results.

use crate::assessment::TemplateRef;
use crate::issue::{Code, Issue};
use crate::options::{Aggregation, Options};
use crate::scorecard::{DimensionScore, IndexScore, IndicatorScore, Scorecard, Status};
use crate::template::{AnswerType, Indicator, Rule, Template};
use crate::validate::{AnswerState, Checked, Decoded, Priorities};
use crate::weights;

/// Scores one valid answer, in points 0–100.
pub(crate) fn indicator_score(indicator: &Indicator, answer: &Decoded) -> f64 {
    // Adding 0.0 turns −0 (from an answer of −0) into 0, which every JSON writer prints alike.
    raw_indicator_score(indicator, answer) + 0.0
}

fn raw_indicator_score(indicator: &Indicator, answer: &Decoded) -> f64 {
    match answer {
        Decoded::Bool(flag) => {
            if *flag != indicator.invert {
                100.0
            } else {
                0.0
            }
        }
        Decoded::Number(number) => number_score(indicator, *number),
        Decoded::Options(chosen) => {
            let total: f64 = chosen
                .iter()
                .filter_map(|index| indicator.options.get(*index))
                .map(|option| option.points.unwrap_or(0.0))
                .fold(0.0, |total, term| total + term);
            total.min(100.0)
        }
    }
}

fn number_score(indicator: &Indicator, number: f64) -> f64 {
    match (&indicator.rule, indicator.answer_type) {
        (Some(Rule::Linear { x0, s0, x1, s1 }), _) => linear(number, *x0, *s0, *x1, *s1),
        (Some(Rule::Parity { centre }), _) => (100.0 - 2.0 * (number - centre).abs()).max(0.0),
        (_, AnswerType::Likert5) => (number - 1.0) * 25.0,
        (_, AnswerType::Count) => linear(number, 0.0, 0.0, indicator.target.unwrap_or(1.0), 100.0),
        // Percent, and Number, which a template check gives a linear rule.
        _ => number.clamp(0.0, 100.0),
    }
}

/// Clamps `x` to the segment from `x0` to `x1` and interpolates from `s0` to `s1`.
fn linear(x: f64, x0: f64, s0: f64, x1: f64, s1: f64) -> f64 {
    let clamped = x.clamp(x0.min(x1), x0.max(x1));
    s0 + (clamped - x0) * (s1 - s0) / (x1 - x0)
}

/// Computes the dimension weights for a validated assessment.
pub(crate) fn dimension_weights(checked: &Checked, dimension_count: usize) -> Vec<f64> {
    match &checked.priorities {
        Priorities::Ranks(ranks) if checked.method.uses_ranks() => {
            weights::from_ranks(checked.method, ranks)
        }
        Priorities::Points(points) if checked.method == crate::options::WeightingMethod::Points => {
            weights::from_points(points)
        }
        _ => weights::equal(dimension_count),
    }
}

/// Sums for one dimension, in template order.
struct Tally {
    weighted_sum: f64,
    answered_weight: f64,
    applicable_weight: f64,
}

/// Scores a validated assessment and adds a `low_coverage` warning for each
/// dimension that is not scored.
pub(crate) fn score(
    template: &Template,
    checked: &Checked,
    options: &Options,
    issues: &mut Vec<Issue>,
) -> Scorecard {
    let min_coverage = options.min_coverage.unwrap_or(template.min_coverage);

    let indicators: Vec<IndicatorScore> = template
        .indicators
        .iter()
        .zip(&checked.answers)
        .map(|(indicator, state)| {
            let (score, status) = match state {
                AnswerState::Answered(answer) => {
                    (Some(indicator_score(indicator, answer)), Status::Answered)
                }
                AnswerState::Unanswered => (None, Status::Unanswered),
                AnswerState::NotApplicable => (None, Status::NotApplicable),
            };
            IndicatorScore {
                id: indicator.id.clone(),
                dimension: indicator.dimension.clone(),
                score,
                status,
            }
        })
        .collect();

    let weights = dimension_weights(checked, template.dimensions.len());
    let mut dimensions = Vec::with_capacity(template.dimensions.len());
    for (dimension, weight) in template.dimensions.iter().zip(weights) {
        let tally = tally(template, &indicators, &dimension.id);
        let coverage = if tally.applicable_weight > 0.0 {
            tally.answered_weight / tally.applicable_weight
        } else {
            0.0
        };

        let scored = tally.answered_weight > 0.0 && coverage >= min_coverage;
        // The clamp only removes rounding error: a weighted mean of scores in 0–100 lies in 0–100.
        let score = scored.then(|| (tally.weighted_sum / tally.answered_weight).clamp(0.0, 100.0));
        if !scored {
            let mut issue = Issue::new(Code::LowCoverage, "/answers")
                .with("dimension", dimension.id.clone())
                .with("coverage", coverage)
                .with("min_coverage", min_coverage);
            if tally.applicable_weight == 0.0 {
                issue = issue.with("reason", "nothing_applicable");
            }
            issues.push(issue);
        }

        dimensions.push(DimensionScore {
            id: dimension.id.clone(),
            score,
            coverage,
            weight,
            level: score
                .and_then(|score| template.level_of(score))
                .map(|level| level.id.clone()),
            priority_gap: score.map(|score| weight * (100.0 - score)),
        });
    }

    let index = index_score(&dimensions, options.aggregation);
    Scorecard {
        template: TemplateRef {
            id: template.id.clone(),
            version: template.version.clone(),
        },
        name: checked.name.clone(),
        weighting: checked.method,
        aggregation: options.aggregation,
        min_coverage,
        index: IndexScore {
            score: index,
            level: index
                .and_then(|score| template.level_of(score))
                .map(|level| level.id.clone()),
        },
        dimensions,
        indicators,
        issues: Vec::new(),
    }
}

fn tally(template: &Template, indicators: &[IndicatorScore], dimension: &str) -> Tally {
    let mut tally = Tally {
        weighted_sum: 0.0,
        answered_weight: 0.0,
        applicable_weight: 0.0,
    };
    for (indicator, result) in template.indicators.iter().zip(indicators) {
        if indicator.dimension != dimension || result.status == Status::NotApplicable {
            continue;
        }
        tally.applicable_weight += indicator.weight;
        if let Some(score) = result.score {
            tally.answered_weight += indicator.weight;
            tally.weighted_sum += indicator.weight * score;
        }
    }
    tally
}

/// Aggregates the dimension scores into the SI index, in points 0–100.
///
/// Returns `None` unless every dimension is scored.
pub(crate) fn index_score(dimensions: &[DimensionScore], aggregation: Aggregation) -> Option<f64> {
    let scored: Option<Vec<(f64, f64)>> = dimensions
        .iter()
        .map(|dimension| dimension.score.map(|score| (dimension.weight, score)))
        .collect();
    let scored = scored?;

    let index = match aggregation {
        Aggregation::Arithmetic => scored
            .iter()
            .map(|(weight, score)| weight * score)
            .fold(0.0, |total, term| total + term),
        Aggregation::Geometric => {
            if scored
                .iter()
                .any(|(weight, score)| *weight > 0.0 && *score == 0.0)
            {
                0.0
            } else {
                scored
                    .iter()
                    .map(|(weight, score)| libm::pow(*score, *weight))
                    .fold(1.0, |product, factor| product * factor)
            }
        }
    };
    // The clamp only removes rounding error: a weighted mean of scores in 0–100 lies in 0–100.
    Some(index.clamp(0.0, 100.0))
}
