//! Reads the option objects of the cohort, chart and advice calls, such as
//! `{lang: "nl", groupBy: "country"}` or `{samples: 500, seed: 7n}`.

use crate::convert::{Reader, MAX_DEPTH};
use crate::options::snake_case;
use crate::Failure;
use indexmap::IndexMap;
use siat_core::{i18n, SiatError, Value};
use wasm_bindgen::prelude::*;

/// 2^53 − 1, `Number.MAX_SAFE_INTEGER`: up to it, JavaScript numbers
/// represent every integer exactly.
pub const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// The entries of an options object, by their snake_case names.
pub struct Entries {
    entries: IndexMap<String, Value>,
    /// The key each entry was given under, such as `groupBy`.
    spellings: IndexMap<String, String>,
    source: JsValue,
}

/// Reads an options object whose keys are `allowed` (snake_case names;
/// camelCase spellings such as `groupBy` are accepted too).
///
/// `undefined` and `null` give no entries, and so does a key whose value
/// is `undefined` or `null`. Fails with `invalid_options` for an unknown
/// key, a key given in both spellings, or a value that is not an object.
pub fn read_object(options: &JsValue, allowed: &[&str]) -> Result<Entries, Failure> {
    let mut read = Entries {
        entries: IndexMap::new(),
        spellings: IndexMap::new(),
        source: options.clone(),
    };
    if options.is_undefined() || options.is_null() {
        return Ok(read);
    }

    let value = Reader::new(MAX_DEPTH)
        .read(options)
        .map_err(|_| Failure::TooLarge)?;
    let Value::Object(entries) = value else {
        return Err(Failure::options(format!(
            "options must be an object such as {{lang: \"nl\"}}, not {}",
            value.kind()
        )));
    };
    for (given, entry) in entries {
        if entry == Value::Null {
            continue;
        }
        let key = snake_case(&given);
        if !allowed.contains(&key.as_str()) {
            return Err(Failure::options(format!(
                "unknown option `{given}`; expected one of {}",
                allowed.join(", ")
            )));
        }
        if let Some(first) = read.spellings.insert(key.clone(), given.clone()) {
            return Err(Failure::options(format!(
                "give `{first}` or `{given}`, not both"
            )));
        }
        read.entries.insert(key, entry);
    }
    Ok(read)
}

impl Entries {
    /// Returns a string option, such as `lang`.
    pub fn text(&self, key: &str) -> Result<Option<String>, Failure> {
        match self.entries.get(key) {
            None => Ok(None),
            Some(Value::Text(text)) => Ok(Some(text.clone())),
            Some(other) => Err(Failure::options(format!(
                "`{}` must be a string, not {}",
                self.spelling(key),
                other.kind()
            ))),
        }
    }

    /// Returns a language option, checked against the message catalogue.
    pub fn language(&self, key: &str) -> Result<Option<String>, Failure> {
        let lang = self.text(key)?;
        if let Some(lang) = &lang {
            check_language(lang)?;
        }
        Ok(lang)
    }

    /// Returns the number of random weight vectors to draw; `invalid_argument`
    /// unless it is a whole number from 0 to 2^53 − 1.
    pub fn samples(&self, key: &str) -> Result<Option<usize>, Failure> {
        let Some(value) = self.entries.get(key) else {
            return Ok(None);
        };
        match whole_number(value) {
            Some(count) => Ok(Some(usize::try_from(count).unwrap_or(usize::MAX))),
            None => Err(Failure::InvalidArgument(format!(
                "`{}` must be a whole number of samples from 0 upwards, not {}",
                self.spelling(key),
                shown(value)
            ))),
        }
    }

    /// Returns a seed: a whole number from 0 to 2^53 − 1, or a BigInt
    /// from 0 to 2^64 − 1; `invalid_argument` for anything else.
    pub fn seed(&self, key: &str) -> Result<Option<u64>, Failure> {
        let Some(value) = self.entries.get(key) else {
            return Ok(None);
        };
        if let Some(seed) = whole_number(value) {
            return Ok(Some(seed));
        }
        // The reader keeps no BigInt, so read the original value again.
        if matches!(value, Value::Other(kind) if kind == "bigint") {
            let original =
                js_sys::Reflect::get(&self.source, &JsValue::from_str(self.spelling(key)))
                    .unwrap_or(JsValue::UNDEFINED);
            if let Ok(seed) = u64::try_from(original) {
                return Ok(Some(seed));
            }
        }
        Err(Failure::InvalidArgument(format!(
            "`{}` must be a whole number from 0 to 2^53 - 1 or a BigInt from 0n to 2n ** 64n - 1n, not {}",
            self.spelling(key),
            shown(value)
        )))
    }

    fn spelling<'a>(&'a self, key: &'a str) -> &'a str {
        self.spellings.get(key).map_or(key, String::as_str)
    }
}

/// Returns a whole number from 0 to 2^53 − 1; `-0` counts as 0.
pub fn whole_number(value: &Value) -> Option<u64> {
    let Value::Number(number) = value else {
        return None;
    };
    if !(0.0..=MAX_SAFE_INTEGER).contains(number) || number.fract() != 0.0 {
        return None;
    }
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "the number is whole and within 0..=2^53 - 1"
    )]
    Some(*number as u64)
}

/// Fails with `unsupported_language` unless messages exist in `lang`.
pub fn check_language(lang: &str) -> Result<(), Failure> {
    if i18n::catalogue().contains_key(lang) {
        return Ok(());
    }
    Err(Failure::Caller(SiatError::UnsupportedLanguage {
        lang: lang.to_owned(),
        supported: i18n::languages(),
    }))
}

/// Shows a value in a message: short JSON in backticks, or its kind.
fn shown(value: &Value) -> String {
    // Whole numbers as JavaScript writes them: `-1`, not `-1.0`.
    let json = match value {
        Value::Number(number) if number.fract() == 0.0 && number.abs() <= MAX_SAFE_INTEGER => {
            #[allow(
                clippy::cast_possible_truncation,
                reason = "the number is whole and at most 2^53 - 1"
            )]
            let whole = *number as i64;
            whole.to_string()
        }
        _ => value.to_serde().to_string(),
    };
    if json.chars().count() > 40 {
        return value.kind().to_owned();
    }
    if let Value::Other(kind) = value {
        return format!("a {kind}");
    }
    format!("`{json}`")
}
