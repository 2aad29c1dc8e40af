//! One filled-in template: profile, prioritisation, answers, metadata.
//!
//! [`read`] turns an input [`Value`] into an [`Assessment`], reporting every
//! problem of shape (unknown keys, sections of the wrong type) at once. What
//! the values mean is checked against a template in `validate`.

use crate::date::Date;
use crate::issue::{pointer, Code, Issue};
use crate::options::WeightingMethod;
use crate::value::Value;
use indexmap::IndexMap;
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Deserializer, Serialize};

/// The answer that marks an indicator as not applicable.
pub const NOT_APPLICABLE: &str = "n/a";

/// Top-level keys of an assessment, in canonical order.
pub const SECTIONS: &[&str] = &["template", "profile", "prioritisation", "answers", "meta"];

const TEMPLATE_KEYS: &[&str] = &["id", "version"];
const PRIORITISATION_KEYS: &[&str] = &["method", "ranks", "points"];
const META_KEYS: &[&str] = &["date", "respondent_role"];

/// The template an assessment was filled in for.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateRef {
    /// Template id, e.g. `siat`.
    pub id: String,
    /// Template version, e.g. `1.0`.
    pub version: String,
}

/// The value given for one indicator.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// `null`: not answered.
    Unanswered,
    /// `"n/a"`: the indicator does not apply to this initiative.
    NotApplicable,
    /// Any other value, checked against the indicator's type by validation.
    Given(Value),
}

impl Answer {
    /// Reads an answer from its input value.
    pub fn from_value(value: &Value) -> Answer {
        match value {
            Value::Null => Answer::Unanswered,
            Value::Text(text) if text == NOT_APPLICABLE => Answer::NotApplicable,
            other => Answer::Given(other.clone()),
        }
    }

    /// Returns the answer as an input value.
    pub fn to_value(&self) -> Value {
        match self {
            Answer::Unanswered => Value::Null,
            Answer::NotApplicable => Value::Text(NOT_APPLICABLE.to_owned()),
            Answer::Given(value) => value.clone(),
        }
    }
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_value().serialize(serializer)
    }
}

/// Importance of each dimension to the initiative, as ranks or points.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Prioritisation {
    /// Weighting method the respondent chose; the caller's options may override it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<WeightingMethod>,
    /// Dimension id → rank, 1 = most important; ties allowed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ranks: Option<IndexMap<String, Value>>,
    /// Dimension id → points ≥ 0, not all zero.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<IndexMap<String, Value>>,
}

/// Facts about the filling-in itself.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Meta {
    /// Day the assessment was filled in; date rules use it.
    pub date: Option<Date>,
    /// Role of the person who filled it in, e.g. `coordinator`.
    pub respondent_role: Option<String>,
}

impl Meta {
    fn is_empty(&self) -> bool {
        self.date.is_none() && self.respondent_role.is_none()
    }
}

impl Serialize for Meta {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(date) = &self.date {
            map.serialize_entry("date", &date.to_string())?;
        }
        if let Some(role) = &self.respondent_role {
            map.serialize_entry("respondent_role", role)?;
        }
        map.end()
    }
}

/// One filled-in template.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Assessment {
    /// Template the assessment was filled in for.
    pub template: TemplateRef,
    /// Profile field id → value, checked against the template's profile.
    pub profile: IndexMap<String, Value>,
    /// Ranks or points of the dimensions; absent means equal weights.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prioritisation: Option<Prioritisation>,
    /// Indicator id → answer, in input order.
    pub answers: IndexMap<String, Answer>,
    /// Date and respondent.
    #[serde(skip_serializing_if = "Meta::is_empty")]
    pub meta: Meta,
}

impl Assessment {
    /// Reads an assessment from JSON text.
    ///
    /// Returns every problem of shape at once: `invalid_json`, `wrong_type`,
    /// `unknown_field`, `missing_required` and the like. Messages are in English.
    pub fn from_json(text: &str) -> Result<Assessment, Vec<Issue>> {
        let value = Value::from_json(text).map_err(|error| {
            let mut issues = vec![invalid_json(&error)];
            crate::i18n::write_messages(&mut issues, "en");
            issues
        })?;
        Assessment::from_value(&value)
    }

    /// Reads an assessment from an input value; see [`Assessment::from_json`].
    pub fn from_value(value: &Value) -> Result<Assessment, Vec<Issue>> {
        let (assessment, mut issues) = read(value);
        crate::i18n::write_messages(&mut issues, "en");
        match assessment {
            Some(assessment) if issues.is_empty() => Ok(assessment),
            _ => Err(issues),
        }
    }

    /// Writes the assessment as canonical JSON, indented; infinite answers
    /// are kept as `1e999` so they read back as the same error.
    pub fn to_json(&self) -> String {
        self.to_value().to_json_pretty()
    }

    /// Returns the assessment as an input value.
    pub fn to_value(&self) -> Value {
        let text = |text: &str| Value::Text(text.to_owned());
        let mut root = IndexMap::new();
        root.insert(
            "template".to_owned(),
            Value::Object(IndexMap::from([
                ("id".to_owned(), text(&self.template.id)),
                ("version".to_owned(), text(&self.template.version)),
            ])),
        );
        root.insert("profile".to_owned(), Value::Object(self.profile.clone()));
        if let Some(prioritisation) = &self.prioritisation {
            let mut section = IndexMap::new();
            if let Some(method) = prioritisation.method {
                section.insert("method".to_owned(), text(method.as_str()));
            }
            if let Some(ranks) = &prioritisation.ranks {
                section.insert("ranks".to_owned(), Value::Object(ranks.clone()));
            }
            if let Some(points) = &prioritisation.points {
                section.insert("points".to_owned(), Value::Object(points.clone()));
            }
            root.insert("prioritisation".to_owned(), Value::Object(section));
        }
        let answers = self
            .answers
            .iter()
            .map(|(id, answer)| (id.clone(), answer.to_value()))
            .collect();
        root.insert("answers".to_owned(), Value::Object(answers));
        if !self.meta.is_empty() {
            let mut meta = IndexMap::new();
            if let Some(date) = &self.meta.date {
                meta.insert("date".to_owned(), Value::Text(date.to_string()));
            }
            if let Some(role) = &self.meta.respondent_role {
                meta.insert("respondent_role".to_owned(), text(role));
            }
            root.insert("meta".to_owned(), Value::Object(meta));
        }
        Value::Object(root)
    }

    /// Returns the profile's `name`, if it is a string.
    pub fn name(&self) -> Option<&str> {
        self.profile.get("name").and_then(Value::as_str)
    }
}

impl<'de> Deserialize<'de> for Assessment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Assessment::from_value(&value).map_err(|issues| {
            let summary: Vec<String> = issues
                .iter()
                .map(|issue| format!("{} at `{}`", issue.message, issue.path))
                .collect();
            serde::de::Error::custom(summary.join("; "))
        })
    }
}

/// Builds the `invalid_json` issue for text that does not parse.
pub(crate) fn invalid_json(error: &crate::value::JsonError) -> Issue {
    Issue::new(Code::InvalidJson, "")
        .with("detail", error.detail.clone())
        .with("line", error.line)
        .with("column", error.column)
}

/// Reads the shape of an assessment, collecting every problem.
///
/// Returns no assessment when the input is not an object. Sections with
/// problems are left empty, so template checks can still run on the rest.
pub(crate) fn read(value: &Value) -> (Option<Assessment>, Vec<Issue>) {
    let mut issues = Vec::new();
    let Some(root) = value.as_object() else {
        issues.push(wrong_type("", value, "object"));
        return (None, issues);
    };

    let mut assessment = Assessment::default();
    report_unknown_keys(root, "", SECTIONS, &mut issues);

    match root.get("template") {
        None => issues.push(missing("/template", "template")),
        Some(section) => assessment.template = read_template_ref(section, &mut issues),
    }
    match root.get("profile") {
        None => issues.push(missing("/profile", "profile")),
        Some(section) => assessment.profile = read_object(section, "/profile", &mut issues),
    }
    match root.get("prioritisation") {
        None | Some(Value::Null) => {}
        Some(section) => assessment.prioritisation = read_prioritisation(section, &mut issues),
    }
    match root.get("answers") {
        None => issues.push(missing("/answers", "answers")),
        Some(section) => {
            let answers = read_object(section, "/answers", &mut issues);
            assessment.answers = answers
                .iter()
                .map(|(id, value)| (id.clone(), Answer::from_value(value)))
                .collect();
        }
    }
    match root.get("meta") {
        None | Some(Value::Null) => {}
        Some(section) => assessment.meta = read_meta(section, &mut issues),
    }

    (Some(assessment), issues)
}

fn read_template_ref(section: &Value, issues: &mut Vec<Issue>) -> TemplateRef {
    let Some(map) = section.as_object() else {
        issues.push(wrong_type("/template", section, "object"));
        return TemplateRef::default();
    };
    report_unknown_keys(map, "/template", TEMPLATE_KEYS, issues);
    let mut text = |key: &str| match map.get(key) {
        None => {
            issues.push(missing(&pointer("/template", key), key));
            String::new()
        }
        Some(Value::Text(text)) => text.clone(),
        Some(other) => {
            issues.push(wrong_type(&pointer("/template", key), other, "text"));
            String::new()
        }
    };
    TemplateRef {
        id: text("id"),
        version: text("version"),
    }
}

fn read_object(section: &Value, path: &str, issues: &mut Vec<Issue>) -> IndexMap<String, Value> {
    match section.as_object() {
        Some(map) => map.clone(),
        None => {
            issues.push(wrong_type(path, section, "object"));
            IndexMap::new()
        }
    }
}

fn read_prioritisation(section: &Value, issues: &mut Vec<Issue>) -> Option<Prioritisation> {
    let Some(map) = section.as_object() else {
        issues.push(wrong_type("/prioritisation", section, "object"));
        return None;
    };
    report_unknown_keys(map, "/prioritisation", PRIORITISATION_KEYS, issues);

    let method = match map.get("method") {
        None | Some(Value::Null) => None,
        Some(Value::Text(name)) => match name.parse::<WeightingMethod>() {
            Ok(method) => Some(method),
            Err(_) => {
                let allowed: Vec<&str> = WeightingMethod::ALL
                    .iter()
                    .map(|method| method.as_str())
                    .collect();
                issues.push(
                    Issue::new(Code::UnknownOption, "/prioritisation/method")
                        .with("value", name.clone())
                        .with("allowed", allowed),
                );
                None
            }
        },
        Some(other) => {
            issues.push(wrong_type("/prioritisation/method", other, "method"));
            None
        }
    };
    let mut table = |key: &str| match map.get(key) {
        None | Some(Value::Null) => None,
        Some(value) => Some(read_object(value, &pointer("/prioritisation", key), issues)),
    };
    Some(Prioritisation {
        method,
        ranks: table("ranks"),
        points: table("points"),
    })
}

fn read_meta(section: &Value, issues: &mut Vec<Issue>) -> Meta {
    let Some(map) = section.as_object() else {
        issues.push(wrong_type("/meta", section, "object"));
        return Meta::default();
    };
    report_unknown_keys(map, "/meta", META_KEYS, issues);

    let date = match map.get("date") {
        None | Some(Value::Null) => None,
        Some(value) => {
            let parsed = value.as_str().and_then(Date::parse);
            if parsed.is_none() {
                let mut issue = wrong_type("/meta/date", value, "date");
                if value.as_str().is_some_and(Date::is_shaped) {
                    issue = issue.with("reason", "no_such_date");
                }
                issues.push(issue);
            }
            parsed
        }
    };
    let respondent_role = match map.get("respondent_role") {
        None | Some(Value::Null) => None,
        Some(Value::Text(role)) => Some(role.clone()),
        Some(other) => {
            issues.push(wrong_type("/meta/respondent_role", other, "text"));
            None
        }
    };
    Meta {
        date,
        respondent_role,
    }
}

fn report_unknown_keys(
    map: &IndexMap<String, Value>,
    path: &str,
    known: &[&str],
    issues: &mut Vec<Issue>,
) {
    for key in map.keys() {
        if !known.contains(&key.as_str()) {
            issues.push(unknown_field(path, key, known));
        }
    }
}

/// Builds an `unknown_field` issue for a key under `path`, suggesting the
/// allowed key it was most likely meant to be.
pub(crate) fn unknown_field(path: &str, key: &str, allowed: &[&str]) -> Issue {
    let issue = Issue::new(Code::UnknownField, pointer(path, key))
        .with("field", key.to_owned())
        .with("allowed", allowed.to_vec());
    match crate::suggest::suggest(key, allowed.iter().copied()) {
        Some(suggestion) => issue
            .with("suggestion", suggestion)
            .with("reason", "did_you_mean"),
        None => issue,
    }
}

/// Builds a `missing_required` issue.
pub(crate) fn missing(path: &str, field: &str) -> Issue {
    Issue::new(Code::MissingRequired, path).with("field", field.to_owned())
}

/// Kinds of value that are numbers, for the hint on numbers written as text.
const NUMERIC_KINDS: &[&str] = &["percent", "likert5", "count", "number", "integer"];

/// Builds a `wrong_type` issue; `expected` names a kind in the message catalogue.
///
/// A text that is a number with a unit or `%` (`"85%"`) or a not-applicable
/// mark in the wrong case (`"N/A"`) gets a `reason` whose message says how
/// to write it.
pub(crate) fn wrong_type(path: &str, value: &Value, expected: &str) -> Issue {
    let mut issue = Issue::new(Code::WrongType, path)
        .with("value", value.to_serde())
        .with("expected", expected.to_owned())
        .with("found", value.kind());
    if let Value::Text(text) = value {
        let trimmed = text.trim();
        let bare = trimmed.trim_end_matches('%').trim().replace(',', ".");
        if trimmed.eq_ignore_ascii_case(NOT_APPLICABLE) {
            issue = issue.with("reason", "not_applicable_case");
        } else if NUMERIC_KINDS.contains(&expected) && bare.parse::<f64>().is_ok_and(f64::is_finite)
        {
            issue = issue.with("reason", "number_as_text");
        }
    }
    issue
}
