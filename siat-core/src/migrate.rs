//! Moves an assessment from one template version to the next through a
//! declared mapping of renamed and removed indicators.

use crate::issue::pointer;
use crate::report::SiatError;
use crate::value::Value;
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// A declared change of indicators between two versions of a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Migration {
    /// Id of the template both versions belong to.
    pub template: String,
    /// Version the assessment was filled in for.
    pub from: String,
    /// Version the assessment moves to.
    pub to: String,
    /// What changed, for people reading the file.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Old indicator id → new indicator id.
    #[serde(default)]
    pub renamed: IndexMap<String, String>,
    /// Indicator ids the new version no longer has.
    #[serde(default)]
    pub removed: Vec<String>,
}

/// The outcome of a migration.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Migrated {
    /// The assessment for the new version.
    pub assessment: Value,
    /// Answers moved to a new id, as (old id, new id).
    pub renamed: Vec<(String, String)>,
    /// Answers that the new version has no place for, by old id, with the value dropped.
    pub dropped: IndexMap<String, Value>,
}

impl Migration {
    /// Reads a mapping from JSON text.
    pub fn from_json(text: &str) -> Result<Migration, SiatError> {
        serde_json::from_str(text)
            .map_err(|error| SiatError::Migration(format!("invalid mapping: {error}")))
    }

    /// Applies the mapping to an assessment.
    ///
    /// Fails when the assessment is not an object, names another template or
    /// version, or would get two answers for one new id.
    pub fn apply(&self, input: &Value) -> Result<Migrated, SiatError> {
        let Value::Object(root) = input else {
            return Err(SiatError::Migration(
                "the assessment is not a JSON object".to_owned(),
            ));
        };
        let reference = root.get("template").and_then(Value::as_object);
        let id = reference
            .and_then(|map| map.get("id"))
            .and_then(Value::as_str);
        let version = reference
            .and_then(|map| map.get("version"))
            .and_then(Value::as_str);
        if id != Some(self.template.as_str()) || version != Some(self.from.as_str()) {
            return Err(SiatError::Migration(format!(
                "the assessment is for template `{}` version `{}`; this mapping moves `{}` {} to {}",
                id.unwrap_or("?"),
                version.unwrap_or("?"),
                self.template,
                self.from,
                self.to
            )));
        }

        let mut root = root.clone();
        root.insert(
            "template".to_owned(),
            Value::Object(IndexMap::from([
                ("id".to_owned(), Value::Text(self.template.clone())),
                ("version".to_owned(), Value::Text(self.to.clone())),
            ])),
        );

        let mut renamed = Vec::new();
        let mut dropped = IndexMap::new();
        if let Some(Value::Object(answers)) = root.get("answers") {
            let mut moved = IndexMap::with_capacity(answers.len());
            for (old_id, answer) in answers {
                if self.removed.contains(old_id) {
                    dropped.insert(old_id.clone(), answer.clone());
                    continue;
                }
                let new_id = self.renamed.get(old_id).unwrap_or(old_id);
                if moved.contains_key(new_id) {
                    return Err(SiatError::Migration(format!(
                        "two answers map to `{}`; remove one of them first",
                        pointer("/answers", new_id)
                    )));
                }
                if new_id != old_id {
                    renamed.push((old_id.clone(), new_id.clone()));
                }
                moved.insert(new_id.clone(), answer.clone());
            }
            root.insert("answers".to_owned(), Value::Object(moved));
        }

        Ok(Migrated {
            assessment: Value::Object(root),
            renamed,
            dropped,
        })
    }
}
