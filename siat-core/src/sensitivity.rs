//! How much an SI index, and a cohort's ranking, depend on the weights.
//!
//! Two checks: the index under every weighting method the prioritisation
//! allows, and the index under random weight vectors drawn uniformly from
//! the simplex (all non-negative weights that sum to 1). A vector is drawn
//! by normalising independent exponential variates −ln(u), which gives the
//! flat Dirichlet(1, …, 1) distribution. The uniform numbers come from a
//! SplitMix64 generator seeded by the caller and the logarithm from `libm`,
//! so the same seed gives the same numbers in Rust, Python and WebAssembly.

use crate::assessment::Assessment;
use crate::cohort::summary::{quantile, rank};
use crate::cohort::Cohort;
use crate::options::{Aggregation, WeightingMethod};
use crate::report::SiatError;
use crate::score::index_score;
use crate::scorecard::Scorecard;
use crate::value::Value;
use crate::weights;
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// Most random weight vectors one call draws.
pub const MAX_SAMPLES: usize = 100_000;

/// Most indexes (members × samples) one call keeps in memory, 8 bytes each.
pub const MAX_CELLS: usize = 20_000_000;

/// SplitMix64: a small, fast generator with a fixed output for each seed.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Returns a uniform number in the open interval (0, 1).
    #[allow(clippy::cast_precision_loss, reason = "53 bits fit an f64 exactly")]
    fn uniform(&mut self) -> f64 {
        ((self.next() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
}

/// Draws `samples` weight vectors of `count` weights, uniform on the simplex.
pub fn random_weights(count: usize, samples: usize, seed: u64) -> Vec<Vec<f64>> {
    let mut generator = SplitMix64(seed);
    (0..samples)
        .map(|_| {
            let draws: Vec<f64> = (0..count)
                .map(|_| -libm::log(generator.uniform()))
                .collect();
            let total = draws.iter().fold(0.0, |sum, draw| sum + draw);
            draws.iter().map(|draw| draw / total).collect()
        })
        .collect()
}

/// The spread of one assessment's index under random weights.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexSpread {
    /// Lowest index, points 0–100.
    pub min: f64,
    /// 5th percentile.
    pub p05: f64,
    /// First quartile.
    pub q1: f64,
    /// Median.
    pub median: f64,
    /// Third quartile.
    pub q3: f64,
    /// 95th percentile.
    pub p95: f64,
    /// Highest index.
    pub max: f64,
}

impl IndexSpread {
    fn of(indexes: &mut [f64]) -> Option<IndexSpread> {
        indexes.sort_by(f64::total_cmp);
        Some(IndexSpread {
            min: *indexes.first()?,
            p05: quantile(indexes, 0.05)?,
            q1: quantile(indexes, 0.25)?,
            median: quantile(indexes, 0.5)?,
            q3: quantile(indexes, 0.75)?,
            p95: quantile(indexes, 0.95)?,
            max: *indexes.last()?,
        })
    }
}

/// The weight sensitivity of one assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sensitivity {
    /// Label given by the caller, such as the file name.
    pub label: String,
    /// The initiative's name.
    pub name: Option<String>,
    /// The index with the assessment's own weights.
    pub index: Option<f64>,
    /// The index under each weighting method, in documentation order; absent
    /// where the prioritisation does not allow the method.
    pub methods: IndexMap<String, Option<f64>>,
    /// The index under the random weight vectors; absent unless every
    /// dimension is scored.
    pub random: Option<IndexSpread>,
    /// Rank under the assessment's own weights, within its cohort.
    pub rank: Option<usize>,
    /// Share (0–1) of random weight vectors under which it keeps that rank.
    pub rank_kept: Option<f64>,
    /// Best rank it reaches under random weights.
    pub best_rank: Option<usize>,
    /// Worst rank it falls to under random weights.
    pub worst_rank: Option<usize>,
}

/// Reads the ranks or points of an assessment in template order.
fn priorities(
    assessment: &Assessment,
    dimensions: &[String],
) -> (Option<Vec<f64>>, Option<Vec<f64>>) {
    let read = |table: &IndexMap<String, Value>| -> Option<Vec<f64>> {
        dimensions
            .iter()
            .map(|id| match table.get(id) {
                Some(Value::Number(number)) => Some(*number),
                _ => None,
            })
            .collect()
    };
    let prioritisation = assessment.prioritisation.as_ref();
    (
        prioritisation.and_then(|p| p.ranks.as_ref()).and_then(read),
        prioritisation
            .and_then(|p| p.points.as_ref())
            .and_then(read),
    )
}

/// Recomputes an index with other weights.
fn reweighted(scorecard: &Scorecard, weights: &[f64], aggregation: Aggregation) -> Option<f64> {
    let mut dimensions = scorecard.dimensions.clone();
    for (dimension, weight) in dimensions.iter_mut().zip(weights) {
        dimension.weight = *weight;
    }
    index_score(&dimensions, aggregation)
}

fn method_indexes(
    assessment: &Assessment,
    scorecard: &Scorecard,
    dimensions: &[String],
    aggregation: Aggregation,
) -> IndexMap<String, Option<f64>> {
    let (ranks, points) = priorities(assessment, dimensions);
    WeightingMethod::ALL
        .iter()
        .map(|method| {
            let weights = match (method, &ranks, &points) {
                (WeightingMethod::Equal, _, _) => Some(weights::equal(dimensions.len())),
                (WeightingMethod::Points, _, Some(points)) => Some(weights::from_points(points)),
                (method, Some(ranks), _) if method.uses_ranks() => {
                    Some(weights::from_ranks(*method, ranks))
                }
                _ => None,
            };
            let index = weights.and_then(|weights| reweighted(scorecard, &weights, aggregation));
            (method.as_str().to_owned(), index)
        })
        .collect()
}

impl Cohort {
    /// Recomputes every member's index under each weighting method and under
    /// `samples` random weight vectors from `seed`, and counts how often each
    /// member keeps its rank.
    ///
    /// Fails when `samples` exceeds [`MAX_SAMPLES`] or members × samples
    /// exceeds [`MAX_CELLS`].
    pub fn sensitivity(&self, samples: usize, seed: u64) -> Result<Vec<Sensitivity>, SiatError> {
        if samples > MAX_SAMPLES {
            return Err(SiatError::InvalidOptions(format!(
                "samples `{samples}` is above the limit of {MAX_SAMPLES}"
            )));
        }
        if samples.saturating_mul(self.members.len()) > MAX_CELLS {
            return Err(SiatError::InvalidOptions(format!(
                "{samples} samples for {} assessments exceed {MAX_CELLS} indexes; draw fewer samples",
                self.members.len()
            )));
        }
        let dimensions: Vec<String> = self
            .template
            .dimensions
            .iter()
            .map(|dimension| dimension.id.clone())
            .collect();
        let aggregation = self.options.aggregation;
        let vectors = random_weights(dimensions.len(), samples, seed);

        // indexes[member][sample]; members without a full set of scores get none.
        let indexes: Vec<Option<Vec<f64>>> = self
            .members
            .iter()
            .map(|member| {
                vectors
                    .iter()
                    .map(|weights| reweighted(&member.scorecard, weights, aggregation))
                    .collect::<Option<Vec<f64>>>()
            })
            .collect();

        let own: Vec<f64> = self
            .members
            .iter()
            .filter_map(|member| member.scorecard.index.score)
            .collect();
        let own_ranks: Vec<Option<usize>> = self
            .members
            .iter()
            .map(|member| member.scorecard.index.score.map(|index| rank(index, &own)))
            .collect();
        let mut kept = vec![0usize; self.members.len()];
        let mut best = vec![usize::MAX; self.members.len()];
        let mut worst = vec![0usize; self.members.len()];
        for sample in 0..samples {
            let mut column: Vec<f64> = indexes
                .iter()
                .filter_map(|row| row.as_ref()?.get(sample).copied())
                .collect();
            column.sort_by(f64::total_cmp);
            for (slot, row) in indexes.iter().enumerate() {
                let (Some(index), Some(Some(own_rank))) = (
                    row.as_ref().and_then(|row| row.get(sample)),
                    own_ranks.get(slot),
                ) else {
                    continue;
                };
                // The competition rank: one more than the number of higher indexes.
                let sampled_rank =
                    1 + column.len() - column.partition_point(|other| other <= index);
                if let (Some(count), Some(low), Some(high)) =
                    (kept.get_mut(slot), best.get_mut(slot), worst.get_mut(slot))
                {
                    *count += usize::from(sampled_rank == *own_rank);
                    *low = (*low).min(sampled_rank);
                    *high = (*high).max(sampled_rank);
                }
            }
        }

        let results = self
            .members
            .iter()
            .enumerate()
            .map(|(slot, member)| {
                let index = member.scorecard.index.score;
                let mut row = indexes.get(slot).cloned().flatten();
                let random = row.as_mut().and_then(|row| IndexSpread::of(row));
                let ranked = index.is_some() && random.is_some() && samples > 0;
                #[allow(
                    clippy::cast_precision_loss,
                    reason = "samples are at most MAX_SAMPLES"
                )]
                let rank_kept =
                    ranked.then(|| kept.get(slot).copied().unwrap_or(0) as f64 / samples as f64);
                Sensitivity {
                    label: member.label.clone(),
                    name: member.scorecard.name.clone(),
                    index,
                    methods: method_indexes(
                        &member.assessment,
                        &member.scorecard,
                        &dimensions,
                        aggregation,
                    ),
                    random,
                    rank: own_ranks.get(slot).copied().flatten(),
                    rank_kept,
                    best_rank: ranked.then(|| best.get(slot).copied()).flatten(),
                    worst_rank: ranked.then(|| worst.get(slot).copied()).flatten(),
                }
            })
            .collect();
        Ok(results)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_weights_sum_to_one() {
        for weights in random_weights(5, 100, 7) {
            assert_eq!(weights.len(), 5);
            assert!(weights.iter().all(|weight| *weight > 0.0));
            assert!((weights.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        }
    }

    #[test]
    fn same_seed_same_weights() {
        assert_eq!(random_weights(5, 10, 42), random_weights(5, 10, 42));
        assert_ne!(random_weights(5, 10, 42), random_weights(5, 10, 43));
    }

    #[test]
    fn splitmix_known_output() {
        // SplitMix64 from seed 0 starts with 0xE220A8397B1DCDAF.
        assert_eq!(SplitMix64(0).next(), 0xE220_A839_7B1D_CDAF);
    }

    #[test]
    fn random_weights_uniform_on_average() {
        let vectors = random_weights(5, 20_000, 1);
        for dimension in 0..5 {
            let mean = vectors
                .iter()
                .map(|weights| weights[dimension])
                .sum::<f64>()
                / 20_000.0;
            assert!(
                (mean - 0.2).abs() < 0.005,
                "dimension {dimension} mean weight {mean}"
            );
        }
    }
}
