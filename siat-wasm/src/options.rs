//! Reads the caller's options object into [`Options`].

use crate::convert::{Reader, TooLarge, MAX_DEPTH};
use indexmap::IndexMap;
use siat_core::{Date, Options, Value};
use wasm_bindgen::prelude::*;

const MILLISECONDS_PER_DAY: f64 = 86_400_000.0;

/// The keys of the scoring options, by their snake_case names.
const OPTION_KEYS: &[&str] = &[
    "lang",
    "method",
    "min_coverage",
    "aggregation",
    "today",
    "limits",
];

/// 2^53: below it every whole `f64` is an exact integer.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_992.0;

#[wasm_bindgen]
extern "C" {
    /// `Date.prototype.getTime`, which throws for anything but a real `Date`.
    #[wasm_bindgen(js_namespace = ["Date", "prototype", "getTime"], js_name = call, catch)]
    fn date_time(date: &JsValue) -> Result<f64, JsValue>;
}

/// Converts a JavaScript options object such as `{lang: "nl", minCoverage: 0.6}`.
///
/// `undefined` and `null` give the defaults, and so does any key whose value
/// is `undefined` or `null`. Keys may be written in camelCase, so
/// `minCoverage` is accepted as well as `min_coverage`. `today` may be a
/// `YYYY-MM-DD` string or a `Date`, read as its UTC day. Without `today`, the UTC date of the JavaScript clock is
/// used, because WebAssembly has no clock of its own.
///
/// Returns a message naming the mistake when the options are not valid.
pub fn read(options: &JsValue) -> Result<Options, String> {
    read_with(options, &[]).map(|(parsed, _)| parsed)
}

/// Converts an options object that contains the scoring options and the
/// `extra` keys of one call, such as `limit` for advice.
///
/// Returns the scoring options and the extra entries by their snake_case
/// names; `perDimension` is accepted as well as `per_dimension`.
pub fn read_with(
    options: &JsValue,
    extra: &[&str],
) -> Result<(Options, IndexMap<String, Value>), String> {
    let (mut parsed, extras) = if options.is_undefined() || options.is_null() {
        (Options::default(), IndexMap::new())
    } else {
        parse(options, extra)?
    };

    if parsed.today.is_none() {
        parsed.today = Some(date_of(js_sys::Date::now()));
    }
    Ok((parsed, extras))
}

/// Returns the snake_case name of an option given in camelCase, such as
/// `min_coverage` for `minCoverage`; other names come back unchanged.
pub(crate) fn snake_case(key: &str) -> String {
    let mut name = String::with_capacity(key.len() + 2);
    for character in key.chars() {
        if character.is_ascii_uppercase() {
            name.push('_');
            name.push(character.to_ascii_lowercase());
        } else {
            name.push(character);
        }
    }
    name
}

fn parse(options: &JsValue, extra: &[&str]) -> Result<(Options, IndexMap<String, Value>), String> {
    let value = Reader::new(MAX_DEPTH)
        .read(options)
        .map_err(|TooLarge| "the options object is too large".to_owned())?;
    let Value::Object(entries) = value else {
        return Err(format!(
            "options must be an object such as {{lang: \"nl\"}}, not {}",
            describe(&value)
        ));
    };

    let mut json = serde_json::Map::new();
    let mut extras = IndexMap::new();
    let mut today = None;
    // The spelling each key was given in, for the message when one repeats.
    let mut spellings: IndexMap<String, String> = IndexMap::new();
    for (given, entry) in entries {
        if entry == Value::Null {
            continue;
        }
        let snake = snake_case(&given);
        let key = if OPTION_KEYS.contains(&snake.as_str()) || extra.contains(&snake.as_str()) {
            snake
        } else {
            given.clone()
        };
        if let Some(first) = spellings.insert(key.clone(), given.clone()) {
            return Err(format!("give `{first}` or `{given}`, not both"));
        }
        if key == "today" {
            today = Some(entry);
        } else if extra.contains(&key.as_str()) {
            extras.insert(key, entry);
        } else {
            json.insert(key, to_json(&entry));
        }
    }

    let mut parsed: Options = serde_json::from_value(serde_json::Value::Object(json))
        .map_err(|error| error.to_string())?;
    if let Some(today) = today {
        parsed.today = Some(read_today(options, today)?);
    }
    Ok((parsed, extras))
}

/// Reads `today` from a `YYYY-MM-DD` string or, read afresh from the
/// options object, a `Date`.
fn read_today(options: &JsValue, converted: Value) -> Result<Date, String> {
    if let Value::Text(text) = &converted {
        return Date::parse(text)
            .ok_or_else(|| format!("`today` `{text}` is not a date written YYYY-MM-DD"));
    }

    let original =
        js_sys::Reflect::get(options, &JsValue::from_str("today")).unwrap_or(JsValue::UNDEFINED);
    match date_time(&original) {
        Ok(milliseconds) if milliseconds.is_finite() => Ok(date_of(milliseconds)),
        Ok(_) => Err("`today` is an invalid Date".to_owned()),
        Err(_) => Err(format!(
            "`today` must be a date written YYYY-MM-DD or a Date, not {}",
            describe(&converted)
        )),
    }
}

/// Converts an option value to JSON for serde, writing whole numbers as
/// integers so that integer options such as `limits.max_depth` accept `200`.
fn to_json(value: &Value) -> serde_json::Value {
    match value {
        Value::Number(number) if number.fract() == 0.0 && number.abs() < MAX_SAFE_INTEGER =>
        {
            #[allow(
                clippy::cast_possible_truncation,
                reason = "the number is whole and below 2^53"
            )]
            serde_json::Value::from(*number as i64)
        }
        Value::List(items) => items.iter().map(to_json).collect(),
        Value::Object(map) => map
            .iter()
            .map(|(key, entry)| (key.clone(), to_json(entry)))
            .collect(),
        other => other.to_serde(),
    }
}

/// Returns the UTC calendar date of a time in milliseconds since 1970-01-01.
fn date_of(milliseconds: f64) -> Date {
    #[allow(
        clippy::cast_possible_truncation,
        reason = "a finite JavaScript time is below 8.64e15 ms, about 1e8 days"
    )]
    let days = (milliseconds / MILLISECONDS_PER_DAY).floor() as i64;
    Date::from_days_since_epoch(days)
}

fn describe(value: &Value) -> String {
    let json = value.to_serde().to_string();
    if json.chars().count() > 60 {
        return value.kind().to_owned();
    }
    format!("`{json}`")
}
