//! The input value: what a respondent wrote, before validation.
//!
//! It is JSON's data model with one difference: a number is an `f64` that may
//! be NaN or infinite. JSON text cannot carry those, but Python and JavaScript
//! objects can, and validation must report them (`not_finite`) rather than
//! lose them in a conversion.

mod parse;
mod write;

pub use parse::MAX_DEPTH;

use indexmap::IndexMap;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use std::fmt;

/// One input value: JSON's data model with `f64` numbers that may be non-finite.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    /// JSON `null`: an unanswered question.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number; NaN and the infinities are kept so validation can report them.
    Number(f64),
    /// A string.
    Text(String),
    /// An array.
    List(Vec<Value>),
    /// An object, in the key order of the input.
    Object(IndexMap<String, Value>),
    /// A value JSON cannot express, such as a JavaScript function or a Python
    /// set, described by its type name. Validation reports it as `wrong_type`.
    Other(String),
}

/// Failure to read JSON text, with its position.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("invalid JSON at line {line}, column {column}: {detail}")]
pub struct JsonError {
    /// Line of the failure, from 1.
    pub line: usize,
    /// Column of the failure, from 1.
    pub column: usize,
    /// Description of the failure.
    pub detail: String,
}

impl Value {
    /// Parses JSON text into a value.
    ///
    /// A number too large for `f64` such as `1e999` reads as an infinity, as
    /// in JavaScript, so validation can report it. Returns a [`JsonError`]
    /// with line and column when the text is not JSON, repeats a key in one
    /// object, or nests deeper than [`MAX_DEPTH`].
    pub fn from_json(text: &str) -> Result<Value, JsonError> {
        parse::parse(text)
    }

    /// Writes the value as compact JSON. ±infinity becomes `1e999` /
    /// `-1e999`, which [`Value::from_json`] reads back as infinity; NaN,
    /// which JSON cannot express, becomes `null`.
    pub fn to_json(&self) -> String {
        write::write(self, false)
    }

    /// Writes the value as JSON indented by two spaces, like [`Value::to_json`].
    pub fn to_json_pretty(&self) -> String {
        write::write(self, true)
    }

    /// Names the JSON type of the value, as used in messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::Text(_) => "string",
            Value::List(_) => "array",
            Value::Object(_) => "object",
            Value::Other(_) => "unsupported value",
        }
    }

    /// Returns the text of a string value.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Text(text) => Some(text),
            _ => None,
        }
    }

    /// Returns the entries of an object value.
    pub fn as_object(&self) -> Option<&IndexMap<String, Value>> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    /// Converts to a `serde_json::Value`, writing non-finite numbers as the
    /// strings `NaN`, `Infinity` and `-Infinity` so that messages can show them.
    pub fn to_serde(&self) -> serde_json::Value {
        match self {
            Value::Null => serde_json::Value::Null,
            Value::Bool(flag) => serde_json::Value::Bool(*flag),
            Value::Number(number) => number_to_serde(*number),
            Value::Text(text) => serde_json::Value::String(text.clone()),
            Value::List(items) => {
                serde_json::Value::Array(items.iter().map(Value::to_serde).collect())
            }
            Value::Object(map) => serde_json::Value::Object(
                map.iter()
                    .map(|(key, value)| (key.clone(), value.to_serde()))
                    .collect(),
            ),
            Value::Other(description) => serde_json::Value::String(description.clone()),
        }
    }
}

/// Converts a number to JSON, naming non-finite numbers in a string.
pub(crate) fn number_to_serde(number: f64) -> serde_json::Value {
    if let Some(json) = serde_json::Number::from_f64(number) {
        return serde_json::Value::Number(json);
    }
    let name = if number.is_nan() {
        "NaN"
    } else if number > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    };
    serde_json::Value::String(name.to_owned())
}

impl From<serde_json::Value> for Value {
    fn from(json: serde_json::Value) -> Self {
        match json {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(flag) => Value::Bool(flag),
            serde_json::Value::Number(number) => Value::Number(number.as_f64().unwrap_or(f64::NAN)),
            serde_json::Value::String(text) => Value::Text(text),
            serde_json::Value::Array(items) => {
                Value::List(items.into_iter().map(Value::from).collect())
            }
            serde_json::Value::Object(map) => Value::Object(
                map.into_iter()
                    .map(|(key, value)| (key, Value::from(value)))
                    .collect(),
            ),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(flag) => serializer.serialize_bool(*flag),
            Value::Number(number) => serialize_number(*number, serializer),
            Value::Text(text) => serializer.serialize_str(text),
            Value::List(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(map) => {
                let mut out = serializer.serialize_map(Some(map.len()))?;
                for (key, value) in map {
                    out.serialize_entry(key, value)?;
                }
                out.end()
            }
            Value::Other(description) => serializer.serialize_str(description),
        }
    }
}

/// Writes whole numbers in the `i64` range as integers, so `3` stays `3`.
fn serialize_number<S: Serializer>(number: f64, serializer: S) -> Result<S::Ok, S::Error> {
    const EXACT_INTEGER_LIMIT: f64 = 9_007_199_254_740_992.0; // 2^53
    if number.fract() == 0.0
        && number.abs() < EXACT_INTEGER_LIMIT
        && !(number == 0.0 && number.is_sign_negative())
    {
        #[allow(
            clippy::cast_possible_truncation,
            reason = "the number is whole and below 2^53"
        )]
        return serializer.serialize_i64(number as i64);
    }
    serializer.serialize_f64(number)
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        Deserialize::deserialize(deserializer)
    }

    fn visit_bool<E: de::Error>(self, flag: bool) -> Result<Value, E> {
        Ok(Value::Bool(flag))
    }

    #[allow(
        clippy::cast_precision_loss,
        reason = "answers are f64 numbers, as in JSON and JavaScript"
    )]
    fn visit_i64<E: de::Error>(self, number: i64) -> Result<Value, E> {
        Ok(Value::Number(number as f64))
    }

    #[allow(
        clippy::cast_precision_loss,
        reason = "answers are f64 numbers, as in JSON and JavaScript"
    )]
    fn visit_u64<E: de::Error>(self, number: u64) -> Result<Value, E> {
        Ok(Value::Number(number as f64))
    }

    fn visit_f64<E: de::Error>(self, number: f64) -> Result<Value, E> {
        Ok(Value::Number(number))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Value, E> {
        Ok(Value::Text(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Value, E> {
        Ok(Value::Text(text))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = IndexMap::new();
        while let Some((key, value)) = access.next_entry::<String, Value>()? {
            if map.contains_key(&key) {
                return Err(de::Error::custom(format!("duplicate key `{key}`")));
            }
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }
}
