//! Messages in the respondent's language.
//!
//! The catalogue is data: one file per language in `data/messages/`, with a
//! message per issue code, a phrase per expected value kind, the patterns of
//! cohort findings and the words of the cohort report. Adding a language is
//! adding a file there, or calling [`add_language`] at run time; no code
//! changes.

use crate::issue::Issue;
use indexmap::IndexMap;
use serde::Deserialize;
use std::sync::{Arc, OnceLock, RwLock};

mod built_in {
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

pub use built_in::BUILT_IN;

/// Longest rendering of one value in a message, in characters; the full
/// value stays in the issue's `params`.
const MAX_VALUE_CHARS: usize = 80;

/// The messages of one language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// Phrases for what a value should be, keyed by kind (`percent`, `boolean`…).
    pub expected: IndexMap<String, String>,
    /// Message patterns keyed by issue code, or `code.reason` for a variant;
    /// `{name}` is replaced by the parameter `name`.
    pub messages: IndexMap<String, String>,
    /// Patterns of cohort findings keyed by kind, such as `strongest_dimension`.
    pub findings: IndexMap<String, String>,
    /// Words of the cohort report keyed by id, such as `rank` or `median`.
    pub report: IndexMap<String, String>,
}

impl Language {
    /// Lists the keys of `reference` that this language lacks, as `section.key`.
    pub fn missing_keys(&self, reference: &Language) -> Vec<String> {
        let sections = [
            ("expected", &self.expected, &reference.expected),
            ("messages", &self.messages, &reference.messages),
            ("findings", &self.findings, &reference.findings),
            ("report", &self.report, &reference.report),
        ];
        let mut missing = Vec::new();
        for (name, own, wanted) in sections {
            for key in wanted.keys().filter(|key| !own.contains_key(*key)) {
                missing.push(format!("{name}.{key}"));
            }
        }
        missing
    }
}

/// Message catalogue: language code → messages.
pub type Catalogue = IndexMap<String, Language>;

fn store() -> &'static RwLock<Arc<Catalogue>> {
    static STORE: OnceLock<RwLock<Arc<Catalogue>>> = OnceLock::new();
    STORE.get_or_init(|| {
        // The test built_in_catalogues_complete checks that every file parses.
        let catalogue = BUILT_IN
            .iter()
            .filter_map(|(code, text)| {
                Some((
                    (*code).to_owned(),
                    serde_json::from_str::<Language>(text).ok()?,
                ))
            })
            .collect();
        RwLock::new(Arc::new(catalogue))
    })
}

/// Returns the catalogue: the built-in languages and any added with [`add_language`].
pub fn catalogue() -> Arc<Catalogue> {
    match store().read() {
        Ok(guard) => Arc::clone(&guard),
        Err(poisoned) => Arc::clone(&poisoned.into_inner()),
    }
}

/// Adds or replaces a language from the JSON text of a catalogue file.
///
/// Fails when the text is not a catalogue or lacks any key the English
/// catalogue has, so every message exists in every language.
pub fn add_language(code: &str, json: &str) -> Result<(), String> {
    let language: Language = serde_json::from_str(json)
        .map_err(|error| format!("invalid message catalogue `{code}`: {error}"))?;
    if let Some(english) = catalogue().get("en") {
        let missing = language.missing_keys(english);
        if !missing.is_empty() {
            return Err(format!(
                "message catalogue `{code}` lacks {}",
                missing.join(", ")
            ));
        }
    }
    let mut guard = match store().write() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    };
    let mut next = Catalogue::clone(&guard);
    next.insert(code.to_owned(), language);
    *guard = Arc::new(next);
    Ok(())
}

/// Returns the language codes messages exist in, e.g. `["en", "nl"]`.
pub fn languages() -> Vec<String> {
    catalogue().keys().cloned().collect()
}

/// Looks up a word of the cohort report, such as `median`, in a language,
/// falling back to English and then to the key itself.
pub fn word(lang: &str, key: &str) -> String {
    let catalogue = catalogue();
    catalogue
        .get(lang)
        .and_then(|language| language.report.get(key))
        .or_else(|| {
            catalogue
                .get("en")
                .and_then(|language| language.report.get(key))
        })
        .cloned()
        .unwrap_or_else(|| key.to_owned())
}

/// Writes each issue's message in a language; the caller has checked that
/// the catalogue has it.
pub(crate) fn write_messages(issues: &mut [Issue], lang: &str) {
    let catalogue = catalogue();
    let Some(language) = catalogue.get(lang) else {
        return;
    };
    for issue in issues {
        issue.message = message(language, issue);
    }
}

fn message(language: &Language, issue: &Issue) -> String {
    let code = issue.code.as_str();
    let variant = issue
        .params
        .get("reason")
        .and_then(serde_json::Value::as_str)
        .map(|reason| format!("{code}.{reason}"));
    let pattern = variant
        .and_then(|key| language.messages.get(&key))
        .or_else(|| language.messages.get(code))
        .map_or(code, String::as_str);
    fill(pattern, language, issue)
}

/// Replaces each `{name}` or `{name:format}` in a pattern by what `lookup`
/// returns for the name and format.
pub(crate) fn fill_pattern(pattern: &str, lookup: impl Fn(&str, &str) -> String) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest
            .get(open..)
            .and_then(|tail| tail.find('}'))
            .map(|offset| open + offset)
        else {
            break;
        };
        out.push_str(rest.get(..open).unwrap_or_default());
        let placeholder = rest.get(open + 1..close).unwrap_or_default();
        let (name, format) = placeholder.split_once(':').unwrap_or((placeholder, ""));
        out.push_str(&lookup(name, format));
        rest = rest.get(close + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

fn fill(pattern: &str, language: &Language, issue: &Issue) -> String {
    fill_pattern(pattern, |name, format| {
        render(name, format, language, issue)
    })
}

fn render(name: &str, format: &str, language: &Language, issue: &Issue) -> String {
    let Some(value) = issue.params.get(name) else {
        return String::new();
    };
    if name == "expected" && issue.code == crate::issue::Code::WrongType {
        if let Some(phrase) = value.as_str().and_then(|kind| language.expected.get(kind)) {
            return phrase.clone();
        }
    }
    // A wrong type is easier to see with JSON quoting: `"85"` is a string.
    if name == "value" && issue.code == crate::issue::Code::WrongType {
        return shorten(&value.to_string());
    }
    if format == "percent" {
        if let Some(share) = value.as_f64() {
            return format_number(share * 100.0);
        }
    }
    // Long values are cut; lists of allowed options are shown whole.
    if name == "value" {
        return shorten(&plain(value));
    }
    plain(value)
}

/// Writes a parameter without JSON quoting: strings bare, lists joined by commas.
fn plain(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(text) => text.clone(),
        serde_json::Value::Number(number) => number
            .as_f64()
            .map_or_else(|| number.to_string(), exact_number),
        serde_json::Value::Array(items) => items.iter().map(plain).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

/// Writes a number in full: whole numbers without a decimal point.
fn exact_number(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        return format!("{number:.0}");
    }
    number.to_string()
}

/// Writes a number briefly: whole numbers without a decimal point, others to
/// at most two decimals.
pub(crate) fn format_number(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        return format!("{number:.0}");
    }
    let rounded = format!("{number:.2}");
    rounded
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_owned()
}

fn shorten(text: &str) -> String {
    if text.chars().count() <= MAX_VALUE_CHARS {
        return text.to_owned();
    }
    let kept: String = text.chars().take(MAX_VALUE_CHARS).collect();
    format!("{kept}…")
}
