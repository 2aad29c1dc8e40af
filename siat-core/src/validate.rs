//! Checks an assessment's values against a template and decodes the answers.

mod values;

use crate::assessment::{missing, unknown_field, Answer, Assessment, Prioritisation};
use crate::country::is_country_code;
use crate::date::Date;
use crate::issue::{pointer, Code, Issue};
use crate::options::{Options, WeightingMethod};
use crate::template::{FieldType, Indicator, ProfileField, Template};
use crate::value::Value;
use indexmap::IndexMap;
use values::{check_range, decode_integer, decode_number, decode_options, Bounds};

pub(crate) use values::Decoded;

/// Validation's finding about one indicator.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum AnswerState {
    /// No answer given.
    Unanswered,
    /// Answered `"n/a"` where that is allowed.
    NotApplicable,
    /// A valid answer.
    Answered(Decoded),
}

/// The dimensions' importance as the prioritisation gives it, in template order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Priorities {
    /// No prioritisation given.
    Missing,
    /// Rank of each dimension, 1 = most important.
    Ranks(Vec<f64>),
    /// Points of each dimension, ≥ 0.
    Points(Vec<f64>),
}

/// A validated assessment, ready for scoring.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Checked {
    /// The profile's name.
    pub name: Option<String>,
    /// One state per template indicator, in template order.
    pub answers: Vec<AnswerState>,
    /// The dimensions' importance.
    pub priorities: Priorities,
    /// The weighting method that applies after the caller's override.
    pub method: WeightingMethod,
}

/// Checks an assessment against a template, adding every issue found.
///
/// `issues` already contains the problems of shape; a section that has one is
/// not checked again, so one mistake gives one issue.
pub(crate) fn check(
    template: &Template,
    assessment: &Assessment,
    options: &Options,
    issues: &mut Vec<Issue>,
) -> Checked {
    let broken = |path: &str| {
        issues
            .iter()
            .any(|issue| issue.path == path || issue.path.starts_with(&format!("{path}/")))
    };
    let template_broken = broken("/template");
    let answers_broken = issues.iter().any(|issue| issue.path == "/answers");
    let profile_broken = issues.iter().any(|issue| issue.path == "/profile");
    let prioritisation_broken = broken("/prioritisation");

    // Answers to another template or version cannot be read with this one,
    // so a mismatch is the only issue reported.
    if !template_broken && !check_template_ref(template, assessment, issues) {
        return Checked {
            name: None,
            answers: Vec::new(),
            priorities: Priorities::Missing,
            method: WeightingMethod::Equal,
        };
    }

    let year_limit = assessment
        .meta
        .date
        .or(options.today)
        .or_else(Date::today)
        .map(|date| date.year);
    if !profile_broken {
        check_profile(template, &assessment.profile, year_limit, issues);
    }

    let (priorities, method) = if prioritisation_broken {
        (Priorities::Missing, WeightingMethod::Equal)
    } else {
        check_prioritisation(
            template,
            assessment.prioritisation.as_ref(),
            options.method,
            issues,
        )
    };

    let answers = check_answers(template, &assessment.answers, answers_broken, issues);

    Checked {
        name: assessment.name().map(str::to_owned),
        answers,
        priorities,
        method,
    }
}

/// Checks the template id and version; returns whether they match.
fn check_template_ref(
    template: &Template,
    assessment: &Assessment,
    issues: &mut Vec<Issue>,
) -> bool {
    let reference = &assessment.template;
    if reference.id != template.id {
        issues.push(
            Issue::new(Code::UnknownTemplate, "/template/id")
                .with("value", reference.id.clone())
                .with("expected", template.id.clone()),
        );
    } else if reference.version != template.version {
        issues.push(
            Issue::new(Code::UnsupportedVersion, "/template/version")
                .with("value", reference.version.clone())
                .with("expected", template.version.clone()),
        );
    } else {
        return true;
    }
    false
}

fn check_profile(
    template: &Template,
    profile: &IndexMap<String, Value>,
    year_limit: Option<i32>,
    issues: &mut Vec<Issue>,
) {
    let allowed: Vec<&str> = template
        .profile
        .iter()
        .map(|field| field.id.as_str())
        .collect();
    for key in profile.keys() {
        if template.profile_field(key).is_none() {
            issues.push(unknown_field("/profile", key, &allowed));
        }
    }

    for field in &template.profile {
        let path = pointer("/profile", &field.id);
        match profile.get(&field.id) {
            None | Some(Value::Null) => {
                if field.required {
                    issues.push(missing(&path, &field.id));
                }
            }
            Some(value) => issues.extend(check_profile_value(field, value, &path, year_limit)),
        }
    }
}

/// Checks one profile value; returns its issues (errors and warnings).
pub(crate) fn check_profile_value(
    field: &ProfileField,
    value: &Value,
    path: &str,
    year_limit: Option<i32>,
) -> Vec<Issue> {
    let mut issues = Vec::new();
    let result = match field.field_type {
        FieldType::Text => check_text(field, value, path),
        FieldType::Country => check_country(value, path),
        FieldType::Choice => match value {
            Value::Text(_) => decode_options(&field.options, value, path, false).map(drop),
            other => Err(vec![crate::assessment::wrong_type(path, other, "choice")]),
        },
        FieldType::MultiChoice => decode_options(&field.options, value, path, true).map(drop),
        FieldType::Integer | FieldType::Number => {
            check_profile_number(field, value, path, year_limit, &mut issues)
        }
    };
    if let Err(errors) = result {
        issues.extend(errors);
    }
    issues
}

fn check_text(field: &ProfileField, value: &Value, path: &str) -> Result<(), Vec<Issue>> {
    let Value::Text(text) = value else {
        return Err(vec![crate::assessment::wrong_type(path, value, "text")]);
    };
    let length = text.chars().count();
    let min = field.min_length.unwrap_or(0);
    let max = field.max_length.unwrap_or(usize::MAX);
    if length < min || length > max {
        let mut issue = Issue::new(Code::OutOfRange, path)
            .with("value", length)
            .with("min", min)
            .with("reason", "length");
        if let Some(max) = field.max_length {
            issue = issue.with("max", max);
        }
        return Err(vec![issue]);
    }
    Ok(())
}

fn check_country(value: &Value, path: &str) -> Result<(), Vec<Issue>> {
    let Value::Text(code) = value else {
        return Err(vec![crate::assessment::wrong_type(path, value, "country")]);
    };
    if is_country_code(code) {
        return Ok(());
    }
    Err(vec![Issue::new(Code::UnknownOption, path)
        .with("value", code.clone())
        .with("reason", "country")])
}

fn check_profile_number(
    field: &ProfileField,
    value: &Value,
    path: &str,
    year_limit: Option<i32>,
    warnings: &mut Vec<Issue>,
) -> Result<(), Vec<Issue>> {
    let expected = field.field_type.as_str();
    let number = if field.field_type == FieldType::Integer {
        decode_integer(value, path, expected)
    } else {
        decode_number(value, path, expected)
    }
    .map_err(|issue| vec![issue])?;

    let year_max = if field.max_assessment_year {
        year_limit.map(f64::from)
    } else {
        None
    };
    let max = match (field.max, year_max) {
        (Some(max), Some(year)) => Some(max.min(year)),
        (max, year) => max.or(year),
    };
    let after_year =
        year_max.is_some_and(|year| number > year) && field.max.is_none_or(|max| number <= max);
    if let Some(mut issue) = check_range(
        number,
        path,
        Bounds {
            min: field.min,
            max,
        },
    ) {
        if after_year {
            issue = issue.with("reason", "after_assessment_year");
        }
        return Err(vec![issue]);
    }

    if let Some(warn) = &field.warn_above {
        if number > warn.value {
            warnings.push(
                Issue::new(warn.code, path)
                    .with("value", number)
                    .with("max", warn.value),
            );
        }
    }
    Ok(())
}

fn check_prioritisation(
    template: &Template,
    prioritisation: Option<&Prioritisation>,
    override_method: Option<WeightingMethod>,
    issues: &mut Vec<Issue>,
) -> (Priorities, WeightingMethod) {
    let Some(prioritisation) = prioritisation else {
        issues.push(Issue::new(Code::NoPrioritisation, "/prioritisation"));
        return (Priorities::Missing, WeightingMethod::Equal);
    };

    let priorities = match (&prioritisation.ranks, &prioritisation.points) {
        (Some(_), Some(_)) => {
            issues.push(
                Issue::new(Code::InvalidPrioritisation, "/prioritisation")
                    .with("reason", "ranks_and_points"),
            );
            return (Priorities::Missing, WeightingMethod::Equal);
        }
        (None, None) => {
            issues.push(
                Issue::new(Code::InvalidPrioritisation, "/prioritisation")
                    .with("reason", "no_ranks_or_points"),
            );
            return (Priorities::Missing, WeightingMethod::Equal);
        }
        (Some(ranks), None) => Priorities::Ranks(check_ranks(template, ranks, issues)),
        (None, Some(points)) => Priorities::Points(check_points(template, points, issues)),
    };

    let uses_ranks = matches!(priorities, Priorities::Ranks(_));
    let default = if uses_ranks {
        WeightingMethod::RankSum
    } else {
        WeightingMethod::Points
    };
    let method = override_method.or(prioritisation.method).unwrap_or(default);
    if method.uses_ranks() && !uses_ranks {
        issues.push(
            Issue::new(Code::InvalidPrioritisation, "/prioritisation")
                .with("reason", "method_needs_ranks")
                .with("method", method.as_str()),
        );
    } else if method == WeightingMethod::Points && uses_ranks {
        issues.push(
            Issue::new(Code::InvalidPrioritisation, "/prioritisation")
                .with("reason", "method_needs_points")
                .with("method", method.as_str()),
        );
    }
    (priorities, method)
}

/// Reads one number per dimension from a ranks or points table.
fn per_dimension(
    template: &Template,
    table: &IndexMap<String, Value>,
    path: &str,
    issues: &mut Vec<Issue>,
    decode: impl Fn(&Value, &str) -> Result<f64, Issue>,
) -> Vec<f64> {
    let allowed: Vec<&str> = template
        .dimensions
        .iter()
        .map(|dimension| dimension.id.as_str())
        .collect();
    for key in table.keys() {
        if template.dimension(key).is_none() {
            issues.push(unknown_field(path, key, &allowed));
        }
    }

    let mut numbers = Vec::with_capacity(template.dimensions.len());
    for dimension in &template.dimensions {
        let entry_path = pointer(path, &dimension.id);
        match table.get(&dimension.id) {
            None | Some(Value::Null) => issues.push(missing(&entry_path, &dimension.id)),
            Some(value) => match decode(value, &entry_path) {
                Ok(number) => numbers.push(number),
                Err(issue) => issues.push(issue),
            },
        }
    }
    numbers
}

fn check_ranks(
    template: &Template,
    ranks: &IndexMap<String, Value>,
    issues: &mut Vec<Issue>,
) -> Vec<f64> {
    #[allow(
        clippy::cast_precision_loss,
        reason = "a template has at most 12 dimensions"
    )]
    let lowest = template.dimensions.len() as f64;
    per_dimension(
        template,
        ranks,
        "/prioritisation/ranks",
        issues,
        |value, path| {
            let rank = decode_integer(value, path, "integer")?;
            match check_range(
                rank,
                path,
                Bounds {
                    min: Some(1.0),
                    max: Some(lowest),
                },
            ) {
                Some(issue) => Err(issue),
                None => Ok(rank),
            }
        },
    )
}

fn check_points(
    template: &Template,
    points: &IndexMap<String, Value>,
    issues: &mut Vec<Issue>,
) -> Vec<f64> {
    let numbers = per_dimension(
        template,
        points,
        "/prioritisation/points",
        issues,
        |value, path| {
            let number = decode_number(value, path, "number")?;
            match check_range(
                number,
                path,
                Bounds {
                    min: Some(0.0),
                    max: None,
                },
            ) {
                Some(issue) => Err(issue),
                None => Ok(number),
            }
        },
    );
    let complete = numbers.len() == template.dimensions.len();
    if complete && numbers.iter().all(|points| *points == 0.0) {
        issues.push(
            Issue::new(Code::InvalidPrioritisation, "/prioritisation/points")
                .with("reason", "all_points_zero"),
        );
    }
    numbers
}

fn check_answers(
    template: &Template,
    answers: &IndexMap<String, Answer>,
    answers_broken: bool,
    issues: &mut Vec<Issue>,
) -> Vec<AnswerState> {
    for key in answers.keys() {
        if template.indicator(key).is_none() {
            let mut issue = Issue::new(Code::UnknownIndicator, pointer("/answers", key))
                .with("field", key.clone())
                .with("template", template.id.clone());
            let ids = template
                .indicators
                .iter()
                .map(|indicator| indicator.id.as_str());
            if let Some(suggestion) = crate::suggest::suggest(key, ids) {
                issue = issue
                    .with("suggestion", suggestion)
                    .with("reason", "did_you_mean");
            }
            issues.push(issue);
        }
    }

    let mut states = Vec::with_capacity(template.indicators.len());
    for indicator in &template.indicators {
        let path = pointer("/answers", &indicator.id);
        let answer = answers.get(&indicator.id).unwrap_or(&Answer::Unanswered);
        match check_answer(indicator, answer, &path) {
            Ok(AnswerState::Unanswered) => {
                if !answers_broken {
                    issues.push(
                        Issue::new(Code::Unanswered, &path).with("field", indicator.id.clone()),
                    );
                }
                states.push(AnswerState::Unanswered);
            }
            Ok(state) => states.push(state),
            Err(errors) => {
                issues.extend(errors);
                states.push(AnswerState::Unanswered);
            }
        }
    }
    states
}

/// Checks one answer against its indicator.
pub(crate) fn check_answer(
    indicator: &Indicator,
    answer: &Answer,
    path: &str,
) -> Result<AnswerState, Vec<Issue>> {
    match answer {
        Answer::Unanswered => Ok(AnswerState::Unanswered),
        Answer::NotApplicable if indicator.na_allowed => Ok(AnswerState::NotApplicable),
        Answer::NotApplicable => Err(vec![
            Issue::new(Code::NaNotAllowed, path).with("field", indicator.id.clone())
        ]),
        Answer::Given(value) => {
            values::decode_answer(indicator, value, path).map(AnswerState::Answered)
        }
    }
}
