//! Caller's choices for scoring: language, weighting, coverage and index.

use crate::date::Date;
use crate::limits::Limits;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Method that turns the prioritisation into dimension weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WeightingMethod {
    /// From ranks: weight ∝ n − position + 1.
    RankSum,
    /// From ranks: weight = (1/n)·Σ_{k=position..n} 1/k.
    RankOrderCentroid,
    /// From ranks: weight ∝ 1/position.
    Reciprocal,
    /// From points: weight ∝ points.
    Points,
    /// Every dimension weighs the same.
    Equal,
}

impl WeightingMethod {
    /// Every method, in the order of the documentation.
    pub const ALL: &'static [WeightingMethod] = &[
        WeightingMethod::RankSum,
        WeightingMethod::RankOrderCentroid,
        WeightingMethod::Reciprocal,
        WeightingMethod::Points,
        WeightingMethod::Equal,
    ];

    /// Returns the method's snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            WeightingMethod::RankSum => "rank_sum",
            WeightingMethod::RankOrderCentroid => "rank_order_centroid",
            WeightingMethod::Reciprocal => "reciprocal",
            WeightingMethod::Points => "points",
            WeightingMethod::Equal => "equal",
        }
    }

    /// Tells whether the method reads ranks.
    pub fn uses_ranks(self) -> bool {
        matches!(
            self,
            WeightingMethod::RankSum
                | WeightingMethod::RankOrderCentroid
                | WeightingMethod::Reciprocal
        )
    }
}

/// Aggregation of the dimension scores into the SI index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// Weighted arithmetic mean: Σ w·D.
    #[default]
    Arithmetic,
    /// Weighted geometric mean: Π D^w; a low dimension is harder to make up for.
    Geometric,
}

impl Aggregation {
    /// Every aggregation, in the order of the documentation.
    pub const ALL: &'static [Aggregation] = &[Aggregation::Arithmetic, Aggregation::Geometric];

    /// Returns the aggregation's snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Aggregation::Arithmetic => "arithmetic",
            Aggregation::Geometric => "geometric",
        }
    }
}

macro_rules! parse_by_name {
    ($type:ty, $what:literal, $($variant:expr),*) => {
        impl FromStr for $type {
            type Err = String;

            fn from_str(name: &str) -> Result<Self, String> {
                let all = [$($variant),*];
                all.into_iter().find(|item| item.as_str() == name).ok_or_else(|| {
                    let names: Vec<&str> = all.iter().map(|item| item.as_str()).collect();
                    format!("unknown {} `{name}`; expected one of: {}", $what, names.join(", "))
                })
            }
        }

        impl fmt::Display for $type {
            fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str(self.as_str())
            }
        }
    };
}

parse_by_name!(
    WeightingMethod,
    "weighting method",
    WeightingMethod::RankSum,
    WeightingMethod::RankOrderCentroid,
    WeightingMethod::Reciprocal,
    WeightingMethod::Points,
    WeightingMethod::Equal
);
parse_by_name!(
    Aggregation,
    "aggregation",
    Aggregation::Arithmetic,
    Aggregation::Geometric
);

/// Choices a caller makes when validating or scoring.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Language of messages, e.g. `en` or `nl`.
    pub lang: String,
    /// Weighting method that overrides the assessment's own.
    pub method: Option<WeightingMethod>,
    /// Share (0–1) of a dimension that must be answered for it to be scored;
    /// the template's value (0.5 in `siat`) when absent.
    pub min_coverage: Option<f64>,
    /// Aggregation of the dimension scores into the index.
    pub aggregation: Aggregation,
    /// Date that date rules use when the assessment has no `meta.date`;
    /// the system clock's date when absent.
    #[serde(with = "optional_date")]
    pub today: Option<Date>,
    /// Maximum sizes of the input.
    pub limits: Limits,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: "en".to_owned(),
            method: None,
            min_coverage: None,
            aggregation: Aggregation::Arithmetic,
            today: None,
            limits: Limits::default(),
        }
    }
}

impl Options {
    /// Reads options from JSON text such as `{"lang": "nl", "method": "reciprocal"}`.
    pub fn from_json(text: &str) -> Result<Options, String> {
        if text.trim().is_empty() {
            return Ok(Options::default());
        }
        serde_json::from_str(text).map_err(|error| format!("invalid options: {error}"))
    }
}

mod optional_date {
    use crate::date::Date;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &Option<Date>, serializer: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => serializer.serialize_str(&date.to_string()),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Date>, D::Error> {
        let text: Option<String> = Option::deserialize(deserializer)?;
        text.map(|text| {
            Date::parse(&text).ok_or_else(|| {
                serde::de::Error::custom(format!("`{text}` is not a date written YYYY-MM-DD"))
            })
        })
        .transpose()
    }
}
