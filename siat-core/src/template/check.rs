//! Checks a template for problems that serde's structure cannot express.

use super::{
    AnswerType, ChoiceOption, FieldType, Indicator, ProfileField, Rule, Template, Text,
    SCHEMA_VERSION,
};
use crate::issue::{pointer, Severity};
use serde::Serialize;
use std::collections::HashSet;

/// Largest magnitude of a number in a template (weights, bounds, rule ends).
/// Real questionnaires need far less; the limit keeps sums finite.
pub const MAX_TEMPLATE_NUMBER: f64 = 1e12;

/// Most dimensions a template may have.
pub const MAX_DIMENSIONS: usize = 12;

/// One problem in a template file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TemplateProblem {
    /// JSON Pointer to the part of the template concerned.
    pub path: String,
    /// Description of the problem and of what is allowed.
    pub message: String,
}

/// Every problem found in a template file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("invalid template: {}", summary(.problems))]
pub struct TemplateError {
    /// The problems, in file order.
    pub problems: Vec<TemplateProblem>,
}

fn summary(problems: &[TemplateProblem]) -> String {
    problems
        .iter()
        .map(|problem| format!("{} at `{}`", problem.message, problem.path))
        .collect::<Vec<_>>()
        .join("; ")
}

impl TemplateError {
    pub(crate) fn single(path: &str, message: String) -> TemplateError {
        TemplateError {
            problems: vec![TemplateProblem {
                path: path.to_owned(),
                message,
            }],
        }
    }

    pub(crate) fn from_serde(
        error: &serde_path_to_error::Error<serde_json::Error>,
    ) -> TemplateError {
        let path = error
            .path()
            .iter()
            .map(|segment| match segment {
                serde_path_to_error::Segment::Seq { index } => index.to_string(),
                serde_path_to_error::Segment::Map { key } => key.clone(),
                serde_path_to_error::Segment::Enum { variant } => variant.clone(),
                serde_path_to_error::Segment::Unknown => "?".to_owned(),
            })
            .fold(String::new(), |parent, key| pointer(&parent, &key));
        let inner = error.inner();
        let message = if inner.is_syntax() || inner.is_eof() {
            format!("invalid JSON: {inner}")
        } else {
            strip_position(&inner.to_string())
        };
        TemplateError::single(&path, message)
    }
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message.get(..at).unwrap_or(message).to_owned(),
        None => message.to_owned(),
    }
}

/// Collects problems while walking a template.
struct Checker<'a> {
    languages: &'a [String],
    problems: Vec<TemplateProblem>,
}

impl Checker<'_> {
    fn report(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(TemplateProblem {
            path: path.to_owned(),
            message: message.into(),
        });
    }

    fn text(&mut self, path: &str, text: &Text) {
        for language in self.languages {
            if text
                .get(language)
                .is_none_or(|value| value.trim().is_empty())
            {
                self.report(
                    &pointer(path, language),
                    format!("missing text in declared language `{language}`"),
                );
            }
        }
        for language in text.keys() {
            if !self.languages.contains(language) {
                self.report(
                    &pointer(path, language),
                    format!("language `{language}` is not declared in `languages`"),
                );
            }
        }
    }

    fn id(&mut self, path: &str, id: &str, seen: &mut HashSet<String>) {
        let well_formed = id
            .chars()
            .next()
            .is_some_and(|first| first.is_ascii_lowercase())
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !well_formed {
            self.report(
                &pointer(path, "id"),
                format!("id `{id}` is not snake_case (lowercase letters, digits and `_`, starting with a letter)"),
            );
        }
        if !seen.insert(id.to_owned()) {
            self.report(&pointer(path, "id"), format!("duplicate id `{id}`"));
        }
    }

    /// Checks a number of the template: finite and within ±[`MAX_TEMPLATE_NUMBER`],
    /// so sums of weights and rule arithmetic cannot overflow.
    fn finite(&mut self, path: &str, value: f64) -> bool {
        if !value.is_finite() {
            self.report(path, format!("`{value}` is not a finite number"));
            return false;
        }
        if value.abs() > MAX_TEMPLATE_NUMBER {
            self.report(path, format!("`{value}` is too large; numbers in a template lie within ±{MAX_TEMPLATE_NUMBER:e}"));
            return false;
        }
        true
    }

    fn score_points(&mut self, path: &str, value: f64) {
        if self.finite(path, value) && !(0.0..=100.0).contains(&value) {
            self.report(path, format!("score `{value}` is outside 0–100"));
        }
    }

    fn options(&mut self, path: &str, options: &[ChoiceOption], scored: bool) {
        let options_path = pointer(path, "options");
        if options.is_empty() {
            self.report(&options_path, "a choice needs at least one option");
        }
        let mut seen = HashSet::new();
        for (index, option) in options.iter().enumerate() {
            let option_path = pointer(&options_path, &index.to_string());
            self.id(&option_path, &option.id, &mut seen);
            self.text(&pointer(&option_path, "label"), &option.label);
            match (scored, option.points) {
                (true, None) => self.report(
                    &pointer(&option_path, "points"),
                    "a scored option needs `points` (0–100)",
                ),
                (true, Some(points)) => self.score_points(&pointer(&option_path, "points"), points),
                (false, Some(_)) => self.report(
                    &pointer(&option_path, "points"),
                    "profile options are not scored; remove `points`",
                ),
                (false, None) => {}
            }
        }
    }
}

/// Returns every problem in a template that its structure allows but the
/// engine cannot use.
pub(crate) fn check(template: &Template) -> Vec<TemplateProblem> {
    let mut checker = Checker {
        languages: &template.languages,
        problems: Vec::new(),
    };

    check_header(&mut checker, template);
    check_levels(&mut checker, template);
    check_dimensions(&mut checker, template);

    let mut seen = HashSet::new();
    for (index, indicator) in template.indicators.iter().enumerate() {
        let path = pointer("/indicators", &index.to_string());
        checker.id(&path, &indicator.id, &mut seen);
        check_indicator(&mut checker, template, &path, indicator);
    }

    let mut seen = HashSet::new();
    for (index, field) in template.profile.iter().enumerate() {
        let path = pointer("/profile", &index.to_string());
        checker.id(&path, &field.id, &mut seen);
        check_profile_field(&mut checker, &path, field);
    }

    checker.problems
}

fn check_header(checker: &mut Checker<'_>, template: &Template) {
    if template.schema_version != SCHEMA_VERSION {
        checker.report(
            "/schema_version",
            format!(
                "unsupported schema_version `{}`; this version reads {SCHEMA_VERSION}",
                template.schema_version
            ),
        );
    }
    if template.id.trim().is_empty() {
        checker.report("/id", "the template id is empty");
    }
    if template.version.trim().is_empty() {
        checker.report("/version", "the template version is empty");
    }
    if template.languages.is_empty() {
        checker.report("/languages", "declare at least one language");
    }
    let mut seen = HashSet::new();
    for language in &template.languages {
        if !seen.insert(language) {
            checker.report(
                "/languages",
                format!("language `{language}` is declared twice"),
            );
        }
    }
    checker.text("/title", &template.title);
    if !template.description.is_empty() {
        checker.text("/description", &template.description);
    }
    if !(0.0..=1.0).contains(&template.min_coverage) {
        checker.report(
            "/min_coverage",
            format!("min_coverage `{}` is outside 0–1", template.min_coverage),
        );
    }
    if !template.likert5.is_empty() && template.likert5.len() != 5 {
        checker.report(
            "/likert5",
            format!("likert5 has {} labels; it needs 5", template.likert5.len()),
        );
    }
    for (index, label) in template.likert5.iter().enumerate() {
        checker.text(&pointer("/likert5", &index.to_string()), label);
    }
}

fn check_levels(checker: &mut Checker<'_>, template: &Template) {
    if template.levels.is_empty() {
        checker.report("/levels", "declare at least one level");
        return;
    }
    let mut seen = HashSet::new();
    let mut expected_min = 0.0;
    for (index, level) in template.levels.iter().enumerate() {
        let path = pointer("/levels", &index.to_string());
        checker.id(&path, &level.id, &mut seen);
        checker.text(&pointer(&path, "label"), &level.label);
        if level.min != expected_min {
            let message = if index == 0 {
                format!("the first level must start at 0, not `{}`", level.min)
            } else if level.min > expected_min {
                format!("gap between `{expected_min}` and `{}`", level.min)
            } else {
                format!(
                    "overlap: `{}` is below the previous level's max `{expected_min}`",
                    level.min
                )
            };
            checker.report(&pointer(&path, "min"), message);
        }
        if level.max <= level.min {
            checker.report(
                &pointer(&path, "max"),
                format!("max `{}` is not above min `{}`", level.max, level.min),
            );
        }
        expected_min = level.max;
    }
    if expected_min != 100.0 {
        let last = template.levels.len().saturating_sub(1);
        checker.report(
            &pointer(&pointer("/levels", &last.to_string()), "max"),
            format!("the last level must end at 100, not `{expected_min}`"),
        );
    }
}

fn check_dimensions(checker: &mut Checker<'_>, template: &Template) {
    let count = template.dimensions.len();
    if count == 0 || count > MAX_DIMENSIONS {
        checker.report(
            "/dimensions",
            format!("{count} dimensions; a template has 1 to {MAX_DIMENSIONS}"),
        );
    }
    let mut seen = HashSet::new();
    for (index, dimension) in template.dimensions.iter().enumerate() {
        let path = pointer("/dimensions", &index.to_string());
        checker.id(&path, &dimension.id, &mut seen);
        checker.text(&pointer(&path, "label"), &dimension.label);
        if !dimension.description.is_empty() {
            checker.text(&pointer(&path, "description"), &dimension.description);
        }
        if template.indicators_of(&dimension.id).next().is_none() {
            checker.report(
                &path,
                format!("dimension `{}` has no indicators", dimension.id),
            );
        }
    }
}

fn check_indicator(
    checker: &mut Checker<'_>,
    template: &Template,
    path: &str,
    indicator: &Indicator,
) {
    if template.dimension(&indicator.dimension).is_none() {
        checker.report(
            &pointer(path, "dimension"),
            format!(
                "indicator `{}` names dimension `{}`, which the template does not have",
                indicator.id, indicator.dimension
            ),
        );
    }
    checker.text(&pointer(path, "label"), &indicator.label);
    if !indicator.help.is_empty() {
        checker.text(&pointer(path, "help"), &indicator.help);
    }
    if !indicator.finding.is_empty() {
        checker.text(&pointer(path, "finding"), &indicator.finding);
    }
    if !(indicator.weight.is_finite()
        && indicator.weight > 0.0
        && indicator.weight <= MAX_TEMPLATE_NUMBER)
    {
        checker.report(
            &pointer(path, "weight"),
            format!("weight `{}` is not a number above 0", indicator.weight),
        );
    }

    let kind = indicator.answer_type;
    let is_choice = matches!(kind, AnswerType::Choice | AnswerType::MultiChoice);
    if is_choice {
        checker.options(path, &indicator.options, true);
    } else if !indicator.options.is_empty() {
        checker.report(
            &pointer(path, "options"),
            format!("a `{}` indicator has no options", kind.as_str()),
        );
    }
    if indicator.invert && kind != AnswerType::Boolean {
        checker.report(
            &pointer(path, "invert"),
            "`invert` applies to boolean indicators only",
        );
    }
    check_bounds(checker, path, indicator);
    check_rule(checker, path, indicator);
}

fn check_bounds(checker: &mut Checker<'_>, path: &str, indicator: &Indicator) {
    let kind = indicator.answer_type;
    let bounded = matches!(kind, AnswerType::Number | AnswerType::Count);
    for (key, bound) in [("min", indicator.min), ("max", indicator.max)] {
        if let Some(value) = bound {
            if !bounded {
                checker.report(
                    &pointer(path, key),
                    format!("`{key}` applies to number and count indicators only"),
                );
            } else {
                checker.finite(&pointer(path, key), value);
            }
        }
    }
    if let (Some(min), Some(max)) = (indicator.min, indicator.max) {
        if min >= max {
            checker.report(
                &pointer(path, "max"),
                format!("max `{max}` is not above min `{min}`"),
            );
        }
    }
    if kind == AnswerType::Count && indicator.min.is_some_and(|min| min < 0.0) {
        checker.report(&pointer(path, "min"), "a count cannot go below 0");
    }

    match (kind, indicator.target) {
        (AnswerType::Count, Some(target)) => {
            if checker.finite(&pointer(path, "target"), target) && target <= 0.0 {
                checker.report(
                    &pointer(path, "target"),
                    format!("target `{target}` is not a number above 0"),
                );
            }
        }
        (AnswerType::Count, None) if indicator.rule.is_none() => {
            checker.report(
                &pointer(path, "target"),
                "a count indicator needs a `target` (the count that scores 100) or a `linear` rule",
            );
        }
        (AnswerType::Count, None) => {}
        (_, Some(_)) => checker.report(
            &pointer(path, "target"),
            "`target` applies to count indicators only",
        ),
        (_, None) => {}
    }
}

fn check_rule(checker: &mut Checker<'_>, path: &str, indicator: &Indicator) {
    let kind = indicator.answer_type;
    let rule_path = pointer(path, "rule");
    match &indicator.rule {
        None if kind == AnswerType::Number => {
            checker.report(&rule_path, "a number indicator needs a `linear` rule");
        }
        None => {}
        Some(Rule::Linear { x0, s0, x1, s1 }) => {
            if matches!(
                kind,
                AnswerType::Boolean | AnswerType::Choice | AnswerType::MultiChoice
            ) {
                checker.report(
                    &rule_path,
                    format!(
                        "a `linear` rule does not apply to `{}` indicators",
                        kind.as_str()
                    ),
                );
            }
            let finite = checker.finite(&pointer(&rule_path, "x0"), *x0)
                & checker.finite(&pointer(&rule_path, "x1"), *x1);
            if finite && x0 == x1 {
                checker.report(
                    &rule_path,
                    format!("a `linear` rule needs x0 ≠ x1; both are `{x0}`"),
                );
            }
            checker.score_points(&pointer(&rule_path, "s0"), *s0);
            checker.score_points(&pointer(&rule_path, "s1"), *s1);
        }
        Some(Rule::Parity { centre }) => {
            if !matches!(kind, AnswerType::Percent | AnswerType::Number) {
                checker.report(
                    &rule_path,
                    format!(
                        "a `parity` rule does not apply to `{}` indicators",
                        kind.as_str()
                    ),
                );
            }
            checker.finite(&pointer(&rule_path, "centre"), *centre);
        }
        Some(Rule::Points) if !matches!(kind, AnswerType::Choice | AnswerType::MultiChoice) => {
            checker.report(
                &rule_path,
                "a `points` rule applies to choice and multi_choice indicators only",
            );
        }
        Some(Rule::Points) => {}
    }
}

fn check_profile_field(checker: &mut Checker<'_>, path: &str, field: &ProfileField) {
    checker.text(&pointer(path, "label"), &field.label);
    if !field.help.is_empty() {
        checker.text(&pointer(path, "help"), &field.help);
    }
    let kind = field.field_type;
    let is_choice = matches!(kind, FieldType::Choice | FieldType::MultiChoice);
    let is_number = matches!(kind, FieldType::Integer | FieldType::Number);
    if is_choice {
        checker.options(path, &field.options, false);
    } else if !field.options.is_empty() {
        checker.report(
            &pointer(path, "options"),
            format!("a `{}` field has no options", kind.as_str()),
        );
    }
    if kind != FieldType::Text && (field.min_length.is_some() || field.max_length.is_some()) {
        checker.report(
            path,
            "`min_length` and `max_length` apply to text fields only",
        );
    }
    if let (Some(min), Some(max)) = (field.min_length, field.max_length) {
        if min > max {
            checker.report(
                &pointer(path, "max_length"),
                format!("max_length `{max}` is below min_length `{min}`"),
            );
        }
    }
    let has_number_rules = field.min.is_some()
        || field.max.is_some()
        || field.max_assessment_year
        || field.warn_above.is_some();
    if !is_number && has_number_rules {
        checker.report(path, "`min`, `max`, `max_assessment_year` and `warn_above` apply to integer and number fields only");
    }
    if let Some(warn) = &field.warn_above {
        if warn.code.severity() != Severity::Warning {
            checker.report(
                &pointer(&pointer(path, "warn_above"), "code"),
                format!("`{}` is not a warning code", warn.code),
            );
        }
        checker.finite(&pointer(&pointer(path, "warn_above"), "value"), warn.value);
    }
}
