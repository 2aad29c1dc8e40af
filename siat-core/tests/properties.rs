//! Invariants that hold for every assessment, checked on generated input.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use indexmap::IndexMap;
use proptest::prelude::*;
use siat_core::template::AnswerType;
use siat_core::{Assessment, Options, Template, Value, WeightingMethod};

/// Randomness for one indicator: whether it is answered, a share and a whole number.
type Draw = (u8, f64, u16);

fn builtin() -> &'static Template {
    Template::builtin()
}

/// Builds a valid answer from a draw, or `None` to leave it unanswered.
fn answer(
    indicator: &siat_core::template::Indicator,
    (state, share, whole): Draw,
) -> Option<Value> {
    if state == 0 {
        return None;
    }
    if state == 1 && indicator.na_allowed {
        return Some(Value::Text("n/a".to_owned()));
    }
    let options = &indicator.options;
    let value = match indicator.answer_type {
        AnswerType::Boolean => Value::Bool(whole % 2 == 0),
        AnswerType::Percent => Value::Number(share * 100.0),
        AnswerType::Likert5 => Value::Number(f64::from(1 + whole % 5)),
        AnswerType::Count => Value::Number(f64::from(whole % 30)),
        AnswerType::Number => Value::Number(share * indicator.max.unwrap_or(100.0)),
        AnswerType::Choice => Value::Text(options[usize::from(whole) % options.len()].id.clone()),
        AnswerType::MultiChoice => {
            let chosen: Vec<Value> = options
                .iter()
                .enumerate()
                .filter(|(position, option)| !option.exclusive && whole & (1 << position) != 0)
                .map(|(_, option)| Value::Text(option.id.clone()))
                .collect();
            Value::List(chosen)
        }
    };
    Some(value)
}

fn assessment_value(draws: &[Draw], ranks: &[u8], with_ranks: bool) -> Value {
    let mut answers = IndexMap::new();
    for (indicator, draw) in builtin().indicators.iter().zip(draws) {
        if let Some(value) = answer(indicator, *draw) {
            answers.insert(indicator.id.clone(), value);
        }
    }
    let mut root = IndexMap::new();
    root.insert(
        "template".to_owned(),
        Value::Object(IndexMap::from([
            ("id".to_owned(), Value::Text("siat".to_owned())),
            ("version".to_owned(), Value::Text("1.0".to_owned())),
        ])),
    );
    root.insert(
        "profile".to_owned(),
        Value::Object(IndexMap::from([
            (
                "name".to_owned(),
                Value::Text("Proeftuin 🍅 ‏שדה".to_owned()),
            ),
            ("country".to_owned(), Value::Text("NL".to_owned())),
            ("sfsc_type".to_owned(), Value::Text("csa".to_owned())),
        ])),
    );
    if with_ranks {
        let ranks: IndexMap<String, Value> = builtin()
            .dimensions
            .iter()
            .zip(ranks)
            .map(|(dimension, rank)| (dimension.id.clone(), Value::Number(f64::from(*rank))))
            .collect();
        root.insert(
            "prioritisation".to_owned(),
            Value::Object(IndexMap::from([("ranks".to_owned(), Value::Object(ranks))])),
        );
    }
    root.insert("answers".to_owned(), Value::Object(answers));
    Value::Object(root)
}

fn draws() -> impl Strategy<Value = Vec<Draw>> {
    prop::collection::vec((0u8..5, 0.0f64..=1.0, any::<u16>()), 39)
}

fn ranks() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(1u8..=5, 5)
}

fn method() -> impl Strategy<Value = Option<WeightingMethod>> {
    prop_oneof![
        Just(None),
        Just(Some(WeightingMethod::RankSum)),
        Just(Some(WeightingMethod::RankOrderCentroid)),
        Just(Some(WeightingMethod::Reciprocal)),
        Just(Some(WeightingMethod::Equal)),
    ]
}

/// Arbitrary JSON-like values, including non-finite numbers and deep nesting.
fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(Value::Number),
        prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(-0.0), Just(1e300)]
            .prop_map(Value::Number),
        "[a-z_/~n]{0,12}".prop_map(Value::Text),
        Just(Value::Text("n/a".to_owned())),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::List),
            prop::collection::vec(("[a-z_]{1,10}", inner), 0..6)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

fn all_finite(value: &Value) -> bool {
    match value {
        Value::Number(number) => number.is_finite(),
        Value::List(items) => items.iter().all(all_finite),
        Value::Object(map) => map.values().all(all_finite),
        _ => true,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn scores_stay_within_bounds(draws in draws(), ranks in ranks(), method in method(), geometric in any::<bool>()) {
        let options = Options {
            method,
            aggregation: if geometric { siat_core::Aggregation::Geometric } else { siat_core::Aggregation::Arithmetic },
            ..Options::default()
        };
        let report = builtin().check(&assessment_value(&draws, &ranks, true), &options).unwrap();
        prop_assert!(report.valid, "{:?}", report.issues);
        let scorecard = report.scorecard.unwrap();

        for indicator in &scorecard.indicators {
            if let Some(score) = indicator.score {
                prop_assert!((0.0..=100.0).contains(&score), "{} scored {score}", indicator.id);
            }
        }
        for dimension in &scorecard.dimensions {
            prop_assert!((0.0..=1.0).contains(&dimension.coverage));
            if let Some(score) = dimension.score {
                prop_assert!((0.0..=100.0).contains(&score));
            }
        }
        if let Some(index) = scorecard.index.score {
            prop_assert!((0.0..=100.0).contains(&index));
        }
        let total: f64 = scorecard.dimensions.iter().map(|dimension| dimension.weight).sum();
        prop_assert!((total - 1.0).abs() < 1e-12, "weights sum to {total}");
    }

    #[test]
    fn raising_answer_never_lowers_score(draws in draws(), ranks in ranks(), pick in 0usize..39, raise in 0.0f64..=1.0) {
        let template = builtin();
        let indicator = &template.indicators[pick];
        let increasing = indicator.rule.is_none()
            && matches!(indicator.answer_type, AnswerType::Percent | AnswerType::Likert5 | AnswerType::Count);
        prop_assume!(increasing);

        let mut draws = draws;
        draws[pick].0 = 2;
        let before = assessment_value(&draws, &ranks, true);
        let Value::Object(mut raised) = before.clone() else { unreachable!() };
        let Some(Value::Object(answers)) = raised.get_mut("answers") else { unreachable!() };
        let Some(Value::Number(old)) = answers.get(&indicator.id).cloned() else { unreachable!() };
        let ceiling = match indicator.answer_type {
            AnswerType::Percent => 100.0,
            AnswerType::Likert5 => 5.0,
            _ => 60.0,
        };
        let new = (old + (raise * (ceiling - old)).floor()).min(ceiling);
        answers.insert(indicator.id.clone(), Value::Number(new));

        let score = |input: &Value| builtin().score(input, &Options::default()).unwrap();
        let (low, high) = (score(&before), score(&Value::Object(raised)));
        let indicator_low = low.indicator(&indicator.id).unwrap().score.unwrap();
        let indicator_high = high.indicator(&indicator.id).unwrap().score.unwrap();
        prop_assert!(indicator_high >= indicator_low);
        let dimension_low = low.dimension(&indicator.dimension).unwrap().score;
        let dimension_high = high.dimension(&indicator.dimension).unwrap().score;
        if let (Some(low), Some(high)) = (dimension_low, dimension_high) {
            prop_assert!(high >= low, "{} fell from {low} to {high}", indicator.dimension);
        }
    }

    #[test]
    fn json_round_trip_is_lossless(draws in draws(), ranks in ranks(), with_ranks in any::<bool>()) {
        let input = assessment_value(&draws, &ranks, with_ranks);
        let assessment = Assessment::from_value(&input).unwrap();
        let again = Assessment::from_json(&assessment.to_json()).unwrap();
        prop_assert_eq!(&again, &assessment);
        prop_assert_eq!(again.to_value(), input);
    }

    #[test]
    fn scoring_is_deterministic(draws in draws(), ranks in ranks()) {
        let input = assessment_value(&draws, &ranks, true);
        let first = builtin().score(&input, &Options::default()).unwrap();
        let second = builtin().score(&input, &Options::default()).unwrap();
        prop_assert_eq!(first.to_json(), second.to_json());
    }

    #[test]
    fn arbitrary_values_never_panic(value in any_value()) {
        let report = builtin().check(&value, &Options::default()).unwrap();
        prop_assert_eq!(report.valid, report.scorecard.is_some());
    }

    #[test]
    fn arbitrary_answers_never_panic(draws in draws(), ranks in ranks(), pick in 0usize..39, junk in any_value()) {
        let Value::Object(mut root) = assessment_value(&draws, &ranks, true) else { unreachable!() };
        let Some(Value::Object(answers)) = root.get_mut("answers") else { unreachable!() };
        answers.insert(builtin().indicators[pick].id.clone(), junk);
        let report = builtin().check(&Value::Object(root), &Options { lang: "nl".to_owned(), ..Options::default() }).unwrap();
        for issue in &report.issues {
            prop_assert!(!issue.message.is_empty());
            prop_assert!(issue.path.starts_with('/') || issue.path.is_empty());
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let report = builtin().check_json(&text, &Options::default()).unwrap();
        prop_assert_eq!(report.valid, report.scorecard.is_some());
    }

    #[test]
    fn value_json_round_trip(value in any_value()) {
        // Non-finite numbers have no JSON form, so they are left out here.
        prop_assume!(all_finite(&value));
        let text = serde_json::to_string(&value).unwrap();
        let again = Value::from_json(&text).unwrap();
        prop_assert_eq!(serde_json::to_string(&again).unwrap(), text);
    }
}
