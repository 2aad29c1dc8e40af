//! Measures validation and scoring speed on the example cohort.
//!
//! Run with `cargo bench -p siat-core --bench score`. It prints the median
//! time of several rounds; docs/benchmarks.md records the numbers with the
//! machine they were measured on.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use siat_core::{Options, Template, Value};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// Rounds per measurement; the median is reported.
const ROUNDS: usize = 7;

fn cohort() -> Vec<String> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/cohort");
    let mut paths: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| std::fs::read_to_string(path).unwrap())
        .collect()
}

/// Returns the median duration of `ROUNDS` runs of `work`.
fn median(mut work: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[ROUNDS / 2]
}

fn report(name: &str, items: usize, time: Duration) {
    let per_item = time.as_secs_f64() / items as f64;
    println!(
        "{name:<40} {items:>7} items  {:>9.2} ms  {:>8.2} µs/item  {:>10.0} items/s",
        time.as_secs_f64() * 1e3,
        per_item * 1e6,
        1.0 / per_item
    );
}

fn main() {
    let template = Template::builtin();
    let options = Options::default();
    let texts = cohort();
    let values: Vec<Value> = texts
        .iter()
        .map(|text| Value::from_json(text).unwrap())
        .collect();
    let repeats = 10_000 / texts.len();

    let time = median(|| {
        for _ in 0..repeats {
            for text in &texts {
                black_box(Value::from_json(black_box(text)).unwrap());
            }
        }
    });
    report("parse JSON text", repeats * texts.len(), time);

    let time = median(|| {
        for _ in 0..repeats {
            for value in &values {
                black_box(template.check(black_box(value), &options).unwrap());
            }
        }
    });
    report(
        "validate and score a parsed value",
        repeats * values.len(),
        time,
    );

    let time = median(|| {
        for _ in 0..repeats {
            for text in &texts {
                black_box(template.check_json(black_box(text), &options).unwrap());
            }
        }
    });
    report(
        "parse, validate and score JSON text",
        repeats * texts.len(),
        time,
    );
}
