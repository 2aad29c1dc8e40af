//! The questionnaire definition: dimensions, indicators, scoring rules, levels.
//!
//! A template is data. The built-in `siat` 1.0 template is a JSON file
//! embedded in the crate and read through [`Template::from_json`], the same
//! path a user's own template file takes.

mod check;

use crate::issue::Code;
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

pub use check::{TemplateError, TemplateProblem};

/// The only template file layout this version reads.
pub const SCHEMA_VERSION: u32 = 1;

/// The JSON text of the built-in template.
pub const BUILTIN_JSON: &str = include_str!("../data/siat-1.0.json");

/// A text in each of the template's languages, keyed by language code (`en`, `nl`).
pub type Text = IndexMap<String, String>;

/// A questionnaire definition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// Layout version of the file; must be [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Template id that assessments name, e.g. `siat`.
    pub id: String,
    /// Template version that assessments name, e.g. `1.0`.
    pub version: String,
    /// Language codes every label must be given in; the first is the default.
    pub languages: Vec<String>,
    /// Title of the questionnaire.
    pub title: Text,
    /// Longer description of the questionnaire.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub description: Text,
    /// Share (0–1) of a dimension's applicable indicator weight that must be
    /// answered for the dimension to be scored.
    #[serde(default = "default_min_coverage")]
    pub min_coverage: f64,
    /// Labels of the five points of a `likert5` scale, from 1 to 5.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub likert5: Vec<Text>,
    /// Named score bands covering 0–100 without gaps, lowest first.
    pub levels: Vec<Level>,
    /// Fields that describe the initiative; they are validated, not scored.
    #[serde(default)]
    pub profile: Vec<ProfileField>,
    /// Scored areas, in the order results are reported.
    pub dimensions: Vec<Dimension>,
    /// Scored questions, in the order results are reported.
    pub indicators: Vec<Indicator>,
}

fn default_min_coverage() -> f64 {
    0.5
}

fn default_weight() -> f64 {
    1.0
}

fn is_false(flag: &bool) -> bool {
    !*flag
}

fn is_one(weight: &f64) -> bool {
    *weight == 1.0
}

/// A named band of scores: `min` ≤ score < `max`, and the top band includes its `max`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Level id, e.g. `established`.
    pub id: String,
    /// Lowest score in the band, points 0–100.
    pub min: f64,
    /// Score where the next band starts, points 0–100.
    pub max: f64,
    /// Name shown to respondents.
    pub label: Text,
}

/// A scored area such as `economic`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// Dimension id, used in prioritisations and results.
    pub id: String,
    /// Name shown to respondents.
    pub label: Text,
    /// Longer explanation.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub description: Text,
}

/// The kind of value an indicator takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AnswerType {
    /// `true` or `false`.
    Boolean,
    /// A finite number from 0 to 100.
    Percent,
    /// A whole number from 1 (not at all) to 5 (fully).
    Likert5,
    /// A whole number ≥ 0.
    Count,
    /// A finite number within the indicator's `min` and `max`.
    Number,
    /// One option id.
    Choice,
    /// A set of distinct option ids.
    MultiChoice,
}

impl AnswerType {
    /// Returns the type's name as written in template files.
    pub fn as_str(self) -> &'static str {
        match self {
            AnswerType::Boolean => "boolean",
            AnswerType::Percent => "percent",
            AnswerType::Likert5 => "likert5",
            AnswerType::Count => "count",
            AnswerType::Number => "number",
            AnswerType::Choice => "choice",
            AnswerType::MultiChoice => "multi_choice",
        }
    }
}

/// A scoring rule that replaces the answer type's default rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Rule {
    /// Clamp the answer to the segment from `x0` to `x1`, then interpolate
    /// from score `s0` to score `s1`; `s0` > `s1` means lower is better.
    Linear {
        /// Answer at the first end.
        x0: f64,
        /// Score at `x0`, points 0–100.
        s0: f64,
        /// Answer at the second end.
        x1: f64,
        /// Score at `x1`, points 0–100.
        s1: f64,
    },
    /// Score 100 − 2·|answer − centre|, at least 0 (e.g. gender balance).
    Parity {
        /// Answer that scores 100.
        centre: f64,
    },
    /// Score the options' points (the default for choices).
    Points,
}

/// One answer option of a choice or multi-choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// Option id, the value an answer gives.
    pub id: String,
    /// Name shown to respondents.
    pub label: Text,
    /// Points 0–100 the option scores; profile options have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<f64>,
    /// Whether the option (e.g. "none of these") must stand alone in a multi-choice answer.
    #[serde(default, skip_serializing_if = "is_false")]
    pub exclusive: bool,
}

/// One scored question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Indicator id, the key of its answer.
    pub id: String,
    /// Id of the dimension it belongs to.
    pub dimension: String,
    /// Kind of value it takes.
    #[serde(rename = "type")]
    pub answer_type: AnswerType,
    /// Question shown to respondents.
    pub label: Text,
    /// Extra guidance shown with the question.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub help: Text,
    /// Cohort finding pattern, such as "on average {mean}% of production is
    /// organic"; `{mean}` is the mean answer and `{share}` the percentage
    /// answering `true`.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub finding: Text,
    /// Weight within its dimension, > 0; 1 by default.
    #[serde(default = "default_weight", skip_serializing_if = "is_one")]
    pub weight: f64,
    /// Whether the answer `"n/a"` (not applicable) is accepted.
    #[serde(default, skip_serializing_if = "is_false")]
    pub na_allowed: bool,
    /// Scoring rule replacing the type's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
    /// For `count`: the count that scores 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// For `number` and `count`: the lowest valid answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// For `number` and `count`: the highest valid answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// For `boolean`: whether `false` scores 100 and `true` 0.
    #[serde(default, skip_serializing_if = "is_false")]
    pub invert: bool,
    /// For `choice` and `multi_choice`: the options with their points.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ChoiceOption>,
}

/// The kind of value a profile field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    /// A string of `min_length` to `max_length` characters.
    Text,
    /// An ISO 3166-1 alpha-2 country code in capitals, e.g. `NL`.
    Country,
    /// One option id.
    Choice,
    /// A set of distinct option ids.
    MultiChoice,
    /// A whole number.
    Integer,
    /// A finite number.
    Number,
}

impl FieldType {
    /// Returns the type's name as written in template files.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldType::Text => "text",
            FieldType::Country => "country",
            FieldType::Choice => "choice",
            FieldType::MultiChoice => "multi_choice",
            FieldType::Integer => "integer",
            FieldType::Number => "number",
        }
    }
}

/// A warning raised when a profile number exceeds a value, e.g. more than
/// one intermediary means the chain is not short.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WarnAbove {
    /// Highest value that raises no warning.
    pub value: f64,
    /// Warning code to raise.
    pub code: Code,
}

/// One field of the profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProfileField {
    /// Field id, the key in the assessment's `profile`.
    pub id: String,
    /// Kind of value it takes.
    #[serde(rename = "type")]
    pub field_type: FieldType,
    /// Whether the field must be given.
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// Question shown to respondents.
    pub label: Text,
    /// Extra guidance shown with the question.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub help: Text,
    /// For `text`: fewest characters (Unicode scalar values).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<usize>,
    /// For `text`: most characters (Unicode scalar values).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<usize>,
    /// For numbers: the lowest valid value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// For numbers: the highest valid value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// For numbers: whether the value may not exceed the assessment's year.
    #[serde(default, skip_serializing_if = "is_false")]
    pub max_assessment_year: bool,
    /// For numbers: the warning raised above a value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warn_above: Option<WarnAbove>,
    /// For `choice` and `multi_choice`: the options.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ChoiceOption>,
}

impl Template {
    /// Returns the built-in `siat` 1.0 template.
    pub fn builtin() -> &'static Template {
        static BUILTIN: OnceLock<Template> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            #[allow(
                clippy::expect_used,
                reason = "the test builtin_template_is_valid reads the same embedded file"
            )]
            Template::from_json(BUILTIN_JSON).expect("the built-in template is valid")
        })
    }

    /// Reads a template from JSON text and checks it.
    ///
    /// Returns every problem found at once, each with its JSON Pointer path,
    /// when the text is not a valid template.
    pub fn from_json(text: &str) -> Result<Template, TemplateError> {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let parsed: Result<Template, _> = serde_path_to_error::deserialize(&mut deserializer);
        let template = match parsed {
            Ok(template) => template,
            Err(error) => {
                return Err(
                    structure_problems(text).unwrap_or_else(|| TemplateError::from_serde(&error))
                )
            }
        };
        deserializer
            .end()
            .map_err(|error| TemplateError::single("", format!("invalid JSON: {error}")))?;

        let problems = check::check(&template);
        if problems.is_empty() {
            Ok(template)
        } else {
            Err(TemplateError { problems })
        }
    }

    /// Writes the template as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Finds a dimension by id.
    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|dimension| dimension.id == id)
    }

    /// Finds an indicator by id.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|indicator| indicator.id == id)
    }

    /// Finds a profile field by id.
    pub fn profile_field(&self, id: &str) -> Option<&ProfileField> {
        self.profile.iter().find(|field| field.id == id)
    }

    /// Returns the indicators of one dimension, in template order.
    pub fn indicators_of<'a>(
        &'a self,
        dimension: &'a str,
    ) -> impl Iterator<Item = &'a Indicator> + 'a {
        self.indicators
            .iter()
            .filter(move |indicator| indicator.dimension == dimension)
    }

    /// Finds the level a score (points 0–100) falls in.
    pub fn level_of(&self, score: f64) -> Option<&Level> {
        let last = self.levels.len().checked_sub(1)?;
        self.levels
            .iter()
            .enumerate()
            .find_map(|(position, level)| {
                let below_max = score < level.max || (position == last && score <= level.max);
                (score >= level.min && below_max).then_some(level)
            })
    }

    /// Tells whether labels exist in a language.
    pub fn has_language(&self, lang: &str) -> bool {
        self.languages.iter().any(|language| language == lang)
    }
}

/// Reads one list element at a path, adding its structure problems.
type ReadElement = fn(&str, &serde_json::Value, &mut Vec<TemplateProblem>);

/// Reads each element of the template's lists on its own, so that every
/// element with a structure problem is reported, not only the first.
///
/// Returns `None` when the text is not JSON or no element has a problem,
/// and the caller reports the first error serde found.
fn structure_problems(text: &str) -> Option<TemplateError> {
    fn element<T: serde::de::DeserializeOwned>(
        path: &str,
        value: &serde_json::Value,
        problems: &mut Vec<TemplateProblem>,
    ) {
        if let Err(error) = serde_path_to_error::deserialize::<_, T>(value.clone()) {
            let inner = TemplateError::from_serde(&error);
            problems.extend(inner.problems.into_iter().map(|problem| TemplateProblem {
                path: format!("{path}{}", problem.path),
                message: problem.message,
            }));
        }
    }

    let mut root: serde_json::Value = serde_json::from_str(text).ok()?;
    let mut problems = Vec::new();
    let lists: [(&str, ReadElement); 5] = [
        ("levels", element::<Level>),
        ("profile", element::<ProfileField>),
        ("dimensions", element::<Dimension>),
        ("indicators", element::<Indicator>),
        ("likert5", element::<Text>),
    ];
    for (key, read) in lists {
        let Some(items) = root.get_mut(key).and_then(serde_json::Value::as_array_mut) else {
            continue;
        };
        for (position, item) in items.iter().enumerate() {
            read(&format!("/{key}/{position}"), item, &mut problems);
        }
        // The lists are checked; an empty one lets the rest be checked too.
        items.clear();
    }
    if let Err(error) = serde_path_to_error::deserialize::<_, Template>(root) {
        problems.insert(
            0,
            TemplateError::from_serde(&error)
                .problems
                .into_iter()
                .next()?,
        );
    }
    (!problems.is_empty()).then_some(TemplateError { problems })
}

/// Picks the text in a language, falling back to the first one given.
pub fn localise<'a>(text: &'a Text, lang: &str) -> &'a str {
    text.get(lang)
        .or_else(|| text.values().next())
        .map_or("", String::as_str)
}
