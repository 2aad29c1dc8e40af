//! Decodes single values: numbers, whole numbers, ranges and options.

use crate::assessment::wrong_type;
use crate::issue::{pointer, Code, Issue};
use crate::template::{AnswerType, ChoiceOption, Indicator};
use crate::value::{number_to_serde, Value};

/// A valid answer in the form scoring reads.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Decoded {
    /// A boolean answer.
    Bool(bool),
    /// A finite number within the indicator's range.
    Number(f64),
    /// Indexes into the indicator's options, in template order without repeats.
    Options(Vec<usize>),
}

/// Inclusive limits of a number; `None` means unbounded.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounds {
    pub min: Option<f64>,
    pub max: Option<f64>,
}

/// Decodes a finite number; `expected` names the kind for a `wrong_type` message.
pub(crate) fn decode_number(value: &Value, path: &str, expected: &str) -> Result<f64, Issue> {
    match value {
        Value::Number(number) if number.is_finite() => Ok(*number),
        Value::Number(number) => {
            Err(Issue::new(Code::NotFinite, path).with("value", number_to_serde(*number)))
        }
        other => Err(wrong_type(path, other, expected)),
    }
}

/// Decodes a whole number; `3.0` counts as `3`.
pub(crate) fn decode_integer(value: &Value, path: &str, expected: &str) -> Result<f64, Issue> {
    let number = decode_number(value, path, expected)?;
    if number.fract() != 0.0 {
        return Err(Issue::new(Code::NotInteger, path).with("value", number));
    }
    Ok(number)
}

/// Returns an `out_of_range` issue when a number lies outside its bounds.
pub(crate) fn check_range(number: f64, path: &str, bounds: Bounds) -> Option<Issue> {
    let too_low = bounds.min.is_some_and(|min| number < min);
    let too_high = bounds.max.is_some_and(|max| number > max);
    if !too_low && !too_high {
        return None;
    }
    let mut issue = Issue::new(Code::OutOfRange, path).with("value", number);
    if let Some(min) = bounds.min {
        issue = issue.with("min", min);
    }
    if let Some(max) = bounds.max {
        issue = issue.with("max", max);
    }
    match (bounds.min, bounds.max) {
        (Some(_), None) => Some(issue.with("reason", "at_least")),
        (None, Some(_)) => Some(issue.with("reason", "at_most")),
        _ => Some(issue),
    }
}

/// Decodes one answer by the indicator's type.
pub(crate) fn decode_answer(
    indicator: &Indicator,
    value: &Value,
    path: &str,
) -> Result<Decoded, Vec<Issue>> {
    let expected = indicator.answer_type.as_str();
    let number_in = |bounds: Bounds, whole: bool| {
        let number = if whole {
            decode_integer(value, path, expected)
        } else {
            decode_number(value, path, expected)
        }
        .map_err(|issue| vec![issue])?;
        match check_range(number, path, bounds) {
            Some(issue) => Err(vec![issue]),
            None => Ok(Decoded::Number(number)),
        }
    };

    match indicator.answer_type {
        AnswerType::Boolean => match value {
            Value::Bool(flag) => Ok(Decoded::Bool(*flag)),
            other => Err(vec![wrong_type(path, other, expected)]),
        },
        AnswerType::Percent => number_in(
            Bounds {
                min: Some(0.0),
                max: Some(100.0),
            },
            false,
        ),
        AnswerType::Likert5 => number_in(
            Bounds {
                min: Some(1.0),
                max: Some(5.0),
            },
            true,
        ),
        AnswerType::Count => number_in(
            Bounds {
                min: Some(indicator.min.unwrap_or(0.0)),
                max: indicator.max,
            },
            true,
        ),
        AnswerType::Number => number_in(
            Bounds {
                min: indicator.min,
                max: indicator.max,
            },
            false,
        ),
        AnswerType::Choice => match value {
            Value::Text(_) => {
                decode_options(&indicator.options, value, path, false).map(Decoded::Options)
            }
            other => Err(vec![wrong_type(path, other, expected)]),
        },
        AnswerType::MultiChoice => {
            decode_options(&indicator.options, value, path, true).map(Decoded::Options)
        }
    }
}

/// Decodes one option id (`multiple` false) or a list of distinct ids.
///
/// Returns the indexes of the chosen options in template order.
pub(crate) fn decode_options(
    options: &[ChoiceOption],
    value: &Value,
    path: &str,
    multiple: bool,
) -> Result<Vec<usize>, Vec<Issue>> {
    let allowed: Vec<&str> = options.iter().map(|option| option.id.as_str()).collect();
    let find = |id: &str, item_path: &str| {
        options
            .iter()
            .position(|option| option.id == id)
            .ok_or_else(|| {
                let issue = Issue::new(Code::UnknownOption, item_path)
                    .with("value", id.to_owned())
                    .with("allowed", allowed.clone());
                match crate::suggest::suggest(id, allowed.iter().copied()) {
                    Some(suggestion) => issue
                        .with("suggestion", suggestion)
                        .with("reason", "did_you_mean"),
                    None => issue,
                }
            })
    };

    if !multiple {
        let Value::Text(id) = value else {
            return Err(vec![wrong_type(path, value, "choice")]);
        };
        return find(id, path)
            .map(|index| vec![index])
            .map_err(|issue| vec![issue]);
    }

    let Value::List(items) = value else {
        return Err(vec![wrong_type(path, value, "multi_choice")]);
    };
    let mut issues = Vec::new();
    let mut chosen: Vec<usize> = Vec::with_capacity(items.len());
    for (position, item) in items.iter().enumerate() {
        let item_path = pointer(path, &position.to_string());
        let Value::Text(id) = item else {
            issues.push(wrong_type(&item_path, item, "option_id"));
            continue;
        };
        match find(id, &item_path) {
            Ok(index) if chosen.contains(&index) => {
                issues
                    .push(Issue::new(Code::DuplicateOption, &item_path).with("value", id.clone()));
            }
            Ok(index) => chosen.push(index),
            Err(issue) => issues.push(issue),
        }
    }

    let exclusive = chosen
        .iter()
        .filter_map(|index| options.get(*index))
        .find(|option| option.exclusive);
    if let Some(option) = exclusive {
        if chosen.len() > 1 {
            issues.push(Issue::new(Code::ExclusiveOption, path).with("option", option.id.clone()));
        }
    }

    if !issues.is_empty() {
        return Err(issues);
    }
    chosen.sort_unstable();
    Ok(chosen)
}
