//! Comparison of one assessment with a cohort.

use super::summary::{percentile_rank, Summary};
use super::Cohort;
use crate::scorecard::Scorecard;
use serde::{Deserialize, Serialize};

/// One score of an assessment beside the cohort's distribution of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Position {
    /// Dimension or indicator id; `index` for the SI index.
    pub id: String,
    /// The assessment's score, points 0–100.
    pub score: Option<f64>,
    /// The cohort's first quartile.
    pub q1: Option<f64>,
    /// The cohort's median.
    pub median: Option<f64>,
    /// The cohort's third quartile.
    pub q3: Option<f64>,
    /// Percentile rank (0–100) of the score among the cohort's scores.
    pub percentile: Option<f64>,
}

/// An assessment's scores beside the cohort's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Benchmark {
    /// The initiative's name.
    pub name: Option<String>,
    /// The SI index.
    pub index: Position,
    /// One entry per dimension, in template order.
    pub dimensions: Vec<Position>,
    /// One entry per indicator, in template order.
    pub indicators: Vec<Position>,
}

fn position(id: &str, score: Option<f64>, cohort_scores: &[f64]) -> Position {
    let summary = Summary::of(cohort_scores);
    Position {
        id: id.to_owned(),
        score,
        q1: summary.q1,
        median: summary.median,
        q3: summary.q3,
        percentile: score.and_then(|score| percentile_rank(score, cohort_scores)),
    }
}

impl Cohort {
    /// Places a scorecard (scored with the same template) against the cohort.
    pub fn benchmark(&self, scorecard: &Scorecard) -> Benchmark {
        let indexes: Vec<f64> = self
            .members
            .iter()
            .filter_map(|member| member.scorecard.index.score)
            .collect();
        let dimensions = scorecard
            .dimensions
            .iter()
            .enumerate()
            .map(|(slot, dimension)| {
                let scores: Vec<f64> = self
                    .members
                    .iter()
                    .filter_map(|member| {
                        member
                            .scorecard
                            .dimensions
                            .get(slot)
                            .and_then(|entry| entry.score)
                    })
                    .collect();
                position(&dimension.id, dimension.score, &scores)
            })
            .collect();
        let indicators = scorecard
            .indicators
            .iter()
            .enumerate()
            .map(|(slot, indicator)| {
                let scores: Vec<f64> = self
                    .members
                    .iter()
                    .filter_map(|member| {
                        member
                            .scorecard
                            .indicators
                            .get(slot)
                            .and_then(|entry| entry.score)
                    })
                    .collect();
                position(&indicator.id, indicator.score, &scores)
            })
            .collect();
        Benchmark {
            name: scorecard.name.clone(),
            index: position("index", scorecard.index.score, &indexes),
            dimensions,
            indicators,
        }
    }
}
