//! JSON Schemas that editors and form builders can check files with.
//!
//! The assessment schema is generated from a template, so it lists that
//! template's own indicators, options and limits. The schema of template
//! files is derived from the Rust types with `schemars` (feature `schema`).
//! Both are looser than validation in one way: they cannot express rules
//! across fields, such as `year_founded` not after the assessment's year.

use crate::assessment::NOT_APPLICABLE;
use crate::options::WeightingMethod;
use crate::template::{
    localise, AnswerType, ChoiceOption, FieldType, Indicator, ProfileField, Template,
};
use serde_json::{json, Map, Value};

/// The JSON Schema dialect of every schema here.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

fn option_ids(options: &[ChoiceOption]) -> Vec<&str> {
    options.iter().map(|option| option.id.as_str()).collect()
}

fn number(kind: &str, min: Option<f64>, max: Option<f64>) -> Value {
    let mut schema = Map::new();
    schema.insert("type".to_owned(), json!(kind));
    if let Some(min) = min {
        schema.insert("minimum".to_owned(), json!(min));
    }
    if let Some(max) = max {
        schema.insert("maximum".to_owned(), json!(max));
    }
    Value::Object(schema)
}

fn multi_choice(options: &[ChoiceOption]) -> Value {
    json!({"type": "array", "items": {"enum": option_ids(options)}, "uniqueItems": true})
}

fn answer_schema(indicator: &Indicator, lang: &str) -> Value {
    let value = match indicator.answer_type {
        AnswerType::Boolean => json!({"type": "boolean"}),
        AnswerType::Percent => number("number", Some(0.0), Some(100.0)),
        AnswerType::Likert5 => number("integer", Some(1.0), Some(5.0)),
        AnswerType::Count => number("integer", Some(indicator.min.unwrap_or(0.0)), indicator.max),
        AnswerType::Number => number("number", indicator.min, indicator.max),
        AnswerType::Choice => json!({"enum": option_ids(&indicator.options)}),
        AnswerType::MultiChoice => multi_choice(&indicator.options),
    };
    let mut choices = vec![value, json!({"type": "null"})];
    if indicator.na_allowed {
        choices.push(json!({"const": NOT_APPLICABLE}));
    }
    json!({"description": localise(&indicator.label, lang), "anyOf": choices})
}

fn profile_schema(field: &ProfileField, lang: &str) -> Value {
    let value = match field.field_type {
        FieldType::Text => {
            let mut schema = Map::new();
            schema.insert("type".to_owned(), json!("string"));
            if let Some(min) = field.min_length {
                schema.insert("minLength".to_owned(), json!(min));
            }
            if let Some(max) = field.max_length {
                schema.insert("maxLength".to_owned(), json!(max));
            }
            Value::Object(schema)
        }
        FieldType::Country => json!({"type": "string", "pattern": "^[A-Z]{2}$"}),
        FieldType::Choice => json!({"enum": option_ids(&field.options)}),
        FieldType::MultiChoice => multi_choice(&field.options),
        FieldType::Integer => number("integer", field.min, field.max),
        FieldType::Number => number("number", field.min, field.max),
    };
    json!({"description": localise(&field.label, lang), "anyOf": [value, {"type": "null"}]})
}

impl Template {
    /// Generates the JSON Schema (draft 2020-12) of assessments for this template.
    pub fn assessment_schema(&self) -> Value {
        let lang = self.languages.first().map_or("en", String::as_str);
        let dimension_ids: Vec<&str> = self
            .dimensions
            .iter()
            .map(|dimension| dimension.id.as_str())
            .collect();
        let methods: Vec<&str> = WeightingMethod::ALL
            .iter()
            .map(|method| method.as_str())
            .collect();
        let table = |value: Value| {
            let properties: Map<String, Value> = dimension_ids
                .iter()
                .map(|id| ((*id).to_owned(), value.clone()))
                .collect();
            json!({"type": "object", "additionalProperties": false, "properties": properties})
        };
        #[allow(
            clippy::cast_precision_loss,
            reason = "a template has at most 12 dimensions"
        )]
        let lowest_rank = dimension_ids.len() as f64;

        let profile: Map<String, Value> = self
            .profile
            .iter()
            .map(|field| (field.id.clone(), profile_schema(field, lang)))
            .collect();
        let required: Vec<&str> = self
            .profile
            .iter()
            .filter(|field| field.required)
            .map(|field| field.id.as_str())
            .collect();
        let answers: Map<String, Value> = self
            .indicators
            .iter()
            .map(|indicator| (indicator.id.clone(), answer_schema(indicator, lang)))
            .collect();

        json!({
            "$schema": DIALECT,
            "title": format!("Assessment for template {} {}", self.id, self.version),
            "type": "object",
            "additionalProperties": false,
            "required": ["template", "profile", "answers"],
            "properties": {
                "template": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["id", "version"],
                    "properties": {"id": {"const": self.id}, "version": {"const": self.version}}
                },
                "profile": {"type": "object", "additionalProperties": false, "required": required, "properties": profile},
                "prioritisation": {
                    "anyOf": [
                        {
                            "type": "object",
                            "additionalProperties": false,
                            "properties": {
                                "method": {"enum": methods},
                                "ranks": table(number("integer", Some(1.0), Some(lowest_rank))),
                                "points": table(number("number", Some(0.0), None))
                            }
                        },
                        {"type": "null"}
                    ]
                },
                "answers": {"type": "object", "additionalProperties": false, "properties": answers},
                "meta": {
                    "anyOf": [
                        {
                            "type": "object",
                            "additionalProperties": false,
                            "properties": {
                                "date": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
                                "respondent_role": {"type": "string"}
                            }
                        },
                        {"type": "null"}
                    ]
                }
            }
        })
    }

    /// Generates the JSON Schema of template files from the Rust types.
    #[cfg(feature = "schema")]
    pub fn file_schema() -> Value {
        serde_json::to_value(schemars::schema_for!(Template)).unwrap_or(Value::Null)
    }
}
