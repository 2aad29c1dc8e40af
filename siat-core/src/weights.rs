//! Dimension weights from a prioritisation.
//!
//! Ranks are ordinal: only their order counts. Tied dimensions share the mean
//! of the positions they occupy (fractional ranking), so ranks 1, 1, 2, 3, 3
//! and 1, 1, 3, 4, 4 both give positions 1.5, 1.5, 3, 4.5, 4.5.

use crate::options::WeightingMethod;

/// The positions a group of tied dimensions occupies: `first` to `first + size − 1`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Group {
    first: usize,
    size: usize,
}

impl Group {
    /// The mean of the positions the group occupies.
    #[allow(
        clippy::cast_precision_loss,
        reason = "positions are at most the number of dimensions"
    )]
    fn position(self) -> f64 {
        self.first as f64 + (self.size as f64 - 1.0) / 2.0
    }
}

fn group_of(ranks: &[f64], rank: f64) -> Group {
    let better = ranks.iter().filter(|other| **other < rank).count();
    let tied = ranks.iter().filter(|other| **other == rank).count();
    Group {
        first: better + 1,
        size: tied,
    }
}

/// Converts ranks (1 = most important, ties allowed) to fractional positions.
pub fn positions(ranks: &[f64]) -> Vec<f64> {
    ranks
        .iter()
        .map(|rank| group_of(ranks, *rank).position())
        .collect()
}

/// Returns the rank-order-centroid weight of one whole position among `count`:
/// (1/count)·Σ_{k=position..count} 1/k.
#[allow(
    clippy::cast_precision_loss,
    reason = "positions are at most the number of dimensions"
)]
fn centroid(position: usize, count: usize) -> f64 {
    let tail: f64 = (position..=count)
        .map(|k| 1.0 / k as f64)
        .fold(0.0, |total, term| total + term);
    tail / count as f64
}

/// Computes dimension weights from ranks by a rank method, normalised to sum to 1.
///
/// `ranks` contains one rank per dimension in template order. A method that
/// does not read ranks gives equal weights.
#[allow(
    clippy::cast_precision_loss,
    reason = "positions are at most the number of dimensions"
)]
pub fn from_ranks(method: WeightingMethod, ranks: &[f64]) -> Vec<f64> {
    let count = ranks.len();
    let raw: Vec<f64> = ranks
        .iter()
        .map(|rank| {
            let group = group_of(ranks, *rank);
            match method {
                WeightingMethod::RankSum => count as f64 - group.position() + 1.0,
                WeightingMethod::Reciprocal => 1.0 / group.position(),
                WeightingMethod::RankOrderCentroid => {
                    let shared: f64 = (group.first..group.first + group.size)
                        .map(|k| centroid(k, count))
                        .fold(0.0, |total, term| total + term);
                    shared / group.size as f64
                }
                WeightingMethod::Points | WeightingMethod::Equal => 1.0,
            }
        })
        .collect();
    normalise(&raw)
}

/// Computes dimension weights proportional to points, normalised to sum to 1.
pub fn from_points(points: &[f64]) -> Vec<f64> {
    normalise(points)
}

/// Returns `count` equal weights.
#[allow(
    clippy::cast_precision_loss,
    reason = "a template has at most 12 dimensions"
)]
pub fn equal(count: usize) -> Vec<f64> {
    vec![1.0 / count as f64; count]
}

/// Divides each value by the sum, added up in order; all zeros give equal weights.
fn normalise(raw: &[f64]) -> Vec<f64> {
    let total: f64 = raw.iter().fold(0.0, |total, term| total + term);
    if total.is_infinite() {
        // Points near f64's maximum overflow the sum; dividing by the largest
        // first keeps their proportions.
        let largest = raw
            .iter()
            .fold(0.0, |largest: f64, value| largest.max(*value));
        let scaled: Vec<f64> = raw.iter().map(|value| value / largest).collect();
        return normalise(&scaled);
    }
    if total <= 0.0 || !total.is_finite() {
        return equal(raw.len());
    }
    raw.iter().map(|value| value / total).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_share_mean_position() {
        assert_eq!(
            positions(&[1.0, 1.0, 2.0, 3.0, 3.0]),
            vec![1.5, 1.5, 3.0, 4.5, 4.5]
        );
        assert_eq!(
            positions(&[1.0, 1.0, 3.0, 4.0, 4.0]),
            vec![1.5, 1.5, 3.0, 4.5, 4.5]
        );
    }

    #[test]
    fn rank_sum_without_ties() {
        let weights = from_ranks(WeightingMethod::RankSum, &[3.0, 4.0, 1.0, 2.0, 5.0]);
        let expected = [3.0 / 15.0, 2.0 / 15.0, 5.0 / 15.0, 4.0 / 15.0, 1.0 / 15.0];
        for (weight, want) in weights.iter().zip(expected) {
            assert!((weight - want).abs() < 1e-12, "{weight} != {want}");
        }
    }

    #[test]
    fn centroid_ties_average_shared_positions() {
        let weights = from_ranks(
            WeightingMethod::RankOrderCentroid,
            &[1.0, 1.0, 2.0, 3.0, 4.0],
        );
        let roc = |k: usize| {
            (k..=5)
                .map(|j| 1.0 / j as f64)
                .fold(0.0, |total, term| total + term)
                / 5.0
        };
        let tied = (roc(1) + roc(2)) / 2.0;
        assert!((weights[0] - tied).abs() < 1e-12);
        assert!((weights[1] - tied).abs() < 1e-12);
        assert!((weights[4] - roc(5)).abs() < 1e-12);
    }
}
