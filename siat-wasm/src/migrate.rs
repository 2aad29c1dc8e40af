//! Moves an assessment to a newer template version through a declared mapping.

use crate::convert::{Reader, MAX_DEPTH};
use crate::{respond, Failure};
use serde_json::json;
use siat_core::{Migration, SiatError, Value};
use wasm_bindgen::prelude::*;

/// Applies a mapping (an object or JSON text) to an assessment (an object
/// or JSON text): `{assessment, renamed: [{from, to}], dropped: {id: answer}}`.
#[wasm_bindgen]
pub fn migrate(input: &JsValue, mapping: &JsValue) -> String {
    respond(run(input, mapping))
}

fn run(input: &JsValue, mapping: &JsValue) -> Result<serde_json::Value, Failure> {
    let mapping = match mapping.as_string() {
        Some(text) => text,
        None => {
            let value = read("mapping", mapping)?;
            if !matches!(value, Value::Object(_)) {
                return Err(Failure::InvalidArgument(
                    "the mapping must be an object or its JSON text".to_owned(),
                ));
            }
            value.to_json()
        }
    };
    let migration = Migration::from_json(&mapping)?;

    let assessment = match input.as_string() {
        Some(text) => Value::from_json(&text).map_err(|error| {
            Failure::Caller(SiatError::Migration(format!(
                "the assessment is not JSON: {error}"
            )))
        })?,
        None => read("assessment", input)?,
    };
    let migrated = migration.apply(&assessment)?;

    let renamed: Vec<_> = migrated
        .renamed
        .iter()
        .map(|(from, to)| json!({"from": from, "to": to}))
        .collect();
    Ok(json!({
        "assessment": migrated.assessment,
        "renamed": renamed,
        "dropped": migrated.dropped,
    }))
}

/// Reads an argument that the result carries as JSON, so it may hold only
/// values JSON can express.
fn read(name: &str, input: &JsValue) -> Result<Value, Failure> {
    let value = Reader::new(MAX_DEPTH)
        .read(input)
        .map_err(|_| Failure::TooLarge)?;
    match first_unwritable(&value, "") {
        Some((path, kind)) => Err(Failure::InvalidArgument(format!(
            "the {name} holds {kind} at `{path}`, which JSON cannot carry; replace it with a JSON value first"
        ))),
        None => Ok(value),
    }
}

/// Finds the first value JSON cannot express, with its JSON Pointer.
fn first_unwritable(value: &Value, path: &str) -> Option<(String, String)> {
    match value {
        Value::Number(number) if !number.is_finite() => {
            Some((path.to_owned(), value.to_serde().to_string()))
        }
        Value::Other(kind) => Some((path.to_owned(), format!("a {kind}"))),
        Value::List(items) => items
            .iter()
            .enumerate()
            .find_map(|(position, item)| first_unwritable(item, &format!("{path}/{position}"))),
        Value::Object(map) => map.iter().find_map(|(key, item)| {
            let escaped = key.replace('~', "~0").replace('/', "~1");
            first_unwritable(item, &format!("{path}/{escaped}"))
        }),
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::Text(_) => None,
    }
}
