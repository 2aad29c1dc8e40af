//! A template as a form needs it: the same structure, every text in one language.

use siat_core::template::{localise, Text};
use siat_core::{SiatError, Template};

/// Keys whose values are texts keyed by language in a template file.
const TEXT_KEYS: &[&str] = &["title", "description", "label", "help"];

/// Returns the template's JSON form with every text (`title`, `description`,
/// `label`, `help` and the `likert5` labels) replaced by its text in `lang`,
/// plus `lang` itself.
///
/// Fails with [`SiatError::UnsupportedLanguage`] when the template has no
/// texts in `lang`.
pub fn describe(template: &Template, lang: &str) -> Result<serde_json::Value, SiatError> {
    if !template.has_language(lang) {
        return Err(SiatError::UnsupportedLanguage {
            lang: lang.to_owned(),
            supported: template.languages.clone(),
        });
    }

    let mut json = serde_json::to_value(template).unwrap_or_default();
    localise_texts(&mut json, lang);
    if let serde_json::Value::Object(map) = &mut json {
        map.insert("lang".to_owned(), serde_json::Value::from(lang));
    }
    Ok(json)
}

fn localise_texts(json: &mut serde_json::Value, lang: &str) {
    match json {
        serde_json::Value::Object(map) => {
            for (key, entry) in map.iter_mut() {
                if TEXT_KEYS.contains(&key.as_str()) {
                    localise_one(entry, lang);
                } else if key == "likert5" {
                    if let serde_json::Value::Array(labels) = entry {
                        labels
                            .iter_mut()
                            .for_each(|label| localise_one(label, lang));
                    }
                } else {
                    localise_texts(entry, lang);
                }
            }
        }
        serde_json::Value::Array(items) => {
            items.iter_mut().for_each(|item| localise_texts(item, lang))
        }
        _ => {}
    }
}

/// Replaces a `{"en": …, "nl": …}` text by its string in `lang`.
fn localise_one(entry: &mut serde_json::Value, lang: &str) {
    if let Ok(text) = serde_json::from_value::<Text>(entry.clone()) {
        *entry = serde_json::Value::from(localise(&text, lang));
    }
}
