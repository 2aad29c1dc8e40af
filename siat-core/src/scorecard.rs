//! Everything scoring returns for one assessment.

use crate::assessment::TemplateRef;
use crate::issue::Issue;
use crate::options::{Aggregation, WeightingMethod};
use serde::{Deserialize, Serialize};

/// Whether and how an indicator was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A valid answer was given.
    Answered,
    /// No answer was given.
    Unanswered,
    /// The answer was `"n/a"`.
    NotApplicable,
}

/// The SI index: the weighted aggregate of the dimension scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexScore {
    /// Points 0–100; absent unless every dimension is scored.
    pub score: Option<f64>,
    /// Id of the level the score falls in.
    pub level: Option<String>,
}

/// The result for one dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionScore {
    /// Dimension id.
    pub id: String,
    /// Points 0–100; absent when coverage is below the minimum.
    pub score: Option<f64>,
    /// Answered share (0–1, by indicator weight) of the applicable indicators.
    pub coverage: f64,
    /// Weight of the dimension in the index (0–1; all weights sum to 1).
    pub weight: f64,
    /// Id of the level the score falls in.
    pub level: Option<String>,
    /// weight·(100 − score): where priorities and results disagree most.
    pub priority_gap: Option<f64>,
}

/// The result for one indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorScore {
    /// Indicator id.
    pub id: String,
    /// Id of the dimension it belongs to.
    pub dimension: String,
    /// Points 0–100; absent unless answered.
    pub score: Option<f64>,
    /// Whether and how it was answered.
    pub status: Status,
}

/// Everything scoring returns for one assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    /// Template the assessment was scored with.
    pub template: TemplateRef,
    /// The initiative's name from its profile.
    pub name: Option<String>,
    /// Weighting method that produced the dimension weights.
    pub weighting: WeightingMethod,
    /// Aggregation used to combine the dimension scores into the index.
    pub aggregation: Aggregation,
    /// Coverage (0–1) a dimension needed to be scored.
    pub min_coverage: f64,
    /// The SI index.
    pub index: IndexScore,
    /// One entry per dimension, in template order.
    pub dimensions: Vec<DimensionScore>,
    /// One entry per indicator, in template order.
    pub indicators: Vec<IndicatorScore>,
    /// Warnings found while validating and scoring.
    pub issues: Vec<Issue>,
}

impl Scorecard {
    /// Writes the scorecard as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Finds a dimension's result by id.
    pub fn dimension(&self, id: &str) -> Option<&DimensionScore> {
        self.dimensions.iter().find(|dimension| dimension.id == id)
    }

    /// Finds an indicator's result by id.
    pub fn indicator(&self, id: &str) -> Option<&IndicatorScore> {
        self.indicators.iter().find(|indicator| indicator.id == id)
    }
}
