//! Descriptive statistics of a list of numbers.
//!
//! Quartiles interpolate linearly between order statistics (type 7 of
//! Hyndman and Fan, the default of numpy and pandas), and the standard
//! deviation is the sample one (n − 1), as pandas computes it.

use serde::{Deserialize, Serialize};

/// Count, mean, spread and quartiles of a list of numbers; all absent when it is empty.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Summary {
    /// How many numbers there are.
    pub count: usize,
    /// Arithmetic mean.
    pub mean: Option<f64>,
    /// Sample standard deviation; absent with fewer than two numbers.
    pub std: Option<f64>,
    /// Smallest number.
    pub min: Option<f64>,
    /// First quartile.
    pub q1: Option<f64>,
    /// Median.
    pub median: Option<f64>,
    /// Third quartile.
    pub q3: Option<f64>,
    /// Largest number.
    pub max: Option<f64>,
}

/// Returns the quantile `p` (0–1) of sorted numbers by linear interpolation.
pub fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    #[allow(
        clippy::cast_precision_loss,
        reason = "cohorts are far smaller than 2^52"
    )]
    let position = p.clamp(0.0, 1.0) * last as f64;
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "position lies in 0..=last"
    )]
    let below = position.floor() as usize;
    let lower = *sorted.get(below)?;
    let upper = *sorted.get((below + 1).min(last))?;
    #[allow(
        clippy::cast_precision_loss,
        reason = "cohorts are far smaller than 2^52"
    )]
    let fraction = position - below as f64;
    Some(lower + fraction * (upper - lower))
}

/// Adds numbers in the order given.
pub(crate) fn sum(numbers: &[f64]) -> f64 {
    numbers.iter().fold(0.0, |total, number| total + number)
}

impl Summary {
    /// Summarises numbers, given in cohort order.
    #[allow(
        clippy::cast_precision_loss,
        reason = "cohorts are far smaller than 2^52"
    )]
    pub fn of(numbers: &[f64]) -> Summary {
        let count = numbers.len();
        if count == 0 {
            return Summary::default();
        }
        let mean = sum(numbers) / count as f64;
        let std = (count > 1).then(|| {
            let squares: Vec<f64> = numbers
                .iter()
                .map(|number| (number - mean) * (number - mean))
                .collect();
            (sum(&squares) / (count - 1) as f64).sqrt()
        });

        let mut sorted = numbers.to_vec();
        sorted.sort_by(f64::total_cmp);
        Summary {
            count,
            mean: Some(mean),
            std,
            min: sorted.first().copied(),
            q1: quantile(&sorted, 0.25),
            median: quantile(&sorted, 0.5),
            q3: quantile(&sorted, 0.75),
            max: sorted.last().copied(),
        }
    }
}

/// Returns the percentile rank (0–100) of a number among others: the share
/// below it plus half the share level with it, itself included.
#[allow(
    clippy::cast_precision_loss,
    reason = "cohorts are far smaller than 2^52"
)]
pub fn percentile_rank(number: f64, all: &[f64]) -> Option<f64> {
    if all.is_empty() {
        return None;
    }
    let below = all.iter().filter(|other| **other < number).count() as f64;
    let level = all.iter().filter(|other| **other == number).count() as f64;
    Some(100.0 * (below + 0.5 * level) / all.len() as f64)
}

/// Returns the competition rank of a number among others, 1 = highest:
/// level numbers share the best rank they occupy (1, 2, 2, 4).
pub fn rank(number: f64, all: &[f64]) -> usize {
    1 + all.iter().filter(|other| **other > number).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quartiles_match_numpy() {
        // numpy.percentile([1, 2, 3, 4], [25, 50, 75]) == [1.75, 2.5, 3.25]
        let summary = Summary::of(&[4.0, 1.0, 3.0, 2.0]);
        assert_eq!(summary.q1, Some(1.75));
        assert_eq!(summary.median, Some(2.5));
        assert_eq!(summary.q3, Some(3.25));
        assert_eq!(summary.mean, Some(2.5));
    }

    #[test]
    fn sample_standard_deviation() {
        // pandas.Series([2, 4, 4, 4, 5, 5, 7, 9]).std() == 2.138089935299395
        let summary = Summary::of(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]);
        assert!((summary.std.unwrap() - 2.138_089_935_299_395).abs() < 1e-12);
    }

    #[test]
    fn single_number_has_no_spread() {
        let summary = Summary::of(&[42.0]);
        assert_eq!(summary.std, None);
        assert_eq!(summary.q1, Some(42.0));
        assert_eq!(summary.q3, Some(42.0));
    }

    #[test]
    fn empty_summary_absent() {
        assert_eq!(Summary::of(&[]), Summary::default());
    }

    #[test]
    fn ranks_share_best_place() {
        let all = [90.0, 80.0, 80.0, 70.0];
        assert_eq!(rank(90.0, &all), 1);
        assert_eq!(rank(80.0, &all), 2);
        assert_eq!(rank(70.0, &all), 4);
        assert_eq!(percentile_rank(80.0, &all), Some(50.0));
        assert_eq!(percentile_rank(90.0, &all), Some(87.5));
    }
}
