//! The knowledge base: what the SMARTCHAIN project learned about social
//! innovation in short food supply chains, as data linked to indicators.
//!
//! Entries are the definition of social innovation, why it matters, its
//! drivers, best practices, take-home lessons and co-creation tools. Each
//! carries its `origin`: `smartchain` for the project's published material
//! and `siat_project` for entries this project added where that material
//! does not cover an indicator.

use crate::issue::pointer;
use crate::template::{Template, TemplateError, TemplateProblem, Text};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::OnceLock;

/// The JSON text of the built-in knowledge base.
pub const BUILTIN_JSON: &str = include_str!("../data/knowledge.json");

/// The kind of a knowledge-base entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// The definition of social innovation in short food supply chains.
    Definition,
    /// Why social innovation matters.
    Why,
    /// Something that drives social innovation.
    Driver,
    /// A practice that proved to work.
    BestPractice,
    /// A take-home lesson.
    Lesson,
    /// A co-creation tool.
    Toolkit,
}

/// One entry of the knowledge base.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Entry id, snake_case.
    pub id: String,
    /// Kind of entry.
    pub kind: EntryKind,
    /// `smartchain` for the project's published material, `siat_project` for additions.
    pub origin: String,
    /// For best practices: `physical`, `social` or both.
    #[serde(default)]
    pub practice_types: Vec<String>,
    /// Short name.
    pub title: Text,
    /// Content of the entry.
    pub text: Text,
    /// Next step an initiative can take; absent for the definition and why.
    #[serde(default)]
    pub advice: Option<Text>,
    /// Ids of the indicators it strengthens.
    #[serde(default)]
    pub indicators: Vec<String>,
    /// Ids of the dimensions it strengthens.
    #[serde(default)]
    pub dimensions: Vec<String>,
}

/// The knowledge base.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnowledgeBase {
    /// Language codes every text is given in.
    pub languages: Vec<String>,
    /// The entries, in reading order.
    pub entries: Vec<Entry>,
}

impl KnowledgeBase {
    /// Returns the built-in knowledge base, linked to the built-in template.
    pub fn builtin() -> &'static KnowledgeBase {
        static BUILTIN: OnceLock<KnowledgeBase> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            #[allow(
                clippy::expect_used,
                reason = "the test builtin_knowledge_covers_template reads the same embedded file"
            )]
            serde_json::from_str(BUILTIN_JSON).expect("the built-in knowledge base is valid")
        })
    }

    /// Reads a knowledge base from JSON text.
    pub fn from_json(text: &str) -> Result<KnowledgeBase, TemplateError> {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(&mut deserializer)
            .map_err(|error| TemplateError::from_serde(&error))
    }

    /// Lists the entries with advice that strengthen an indicator.
    pub fn for_indicator<'a>(&'a self, indicator: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries.iter().filter(move |entry| {
            entry.advice.is_some() && entry.indicators.iter().any(|id| id == indicator)
        })
    }

    /// Checks the knowledge base against a template: links to indicators and
    /// dimensions it has, texts in its languages, and advice for every indicator.
    pub fn check(&self, template: &Template) -> Vec<TemplateProblem> {
        let mut problems = Vec::new();
        let mut report =
            |path: String, message: String| problems.push(TemplateProblem { path, message });
        let mut seen = HashSet::new();

        for (position, entry) in self.entries.iter().enumerate() {
            let path = pointer("/entries", &position.to_string());
            if !seen.insert(entry.id.as_str()) {
                report(pointer(&path, "id"), format!("duplicate id `{}`", entry.id));
            }
            let texts = [
                ("title", Some(&entry.title)),
                ("text", Some(&entry.text)),
                ("advice", entry.advice.as_ref()),
            ];
            for (key, text) in texts {
                for lang in template
                    .languages
                    .iter()
                    .filter(|lang| text.is_some_and(|text| !text.contains_key(*lang)))
                {
                    report(
                        pointer(&pointer(&path, key), lang),
                        format!("missing text in language `{lang}`"),
                    );
                }
            }
            for id in entry
                .indicators
                .iter()
                .filter(|id| template.indicator(id).is_none())
            {
                report(
                    pointer(&path, "indicators"),
                    format!("`{id}` is not an indicator of template `{}`", template.id),
                );
            }
            for id in entry
                .dimensions
                .iter()
                .filter(|id| template.dimension(id).is_none())
            {
                report(
                    pointer(&path, "dimensions"),
                    format!("`{id}` is not a dimension of template `{}`", template.id),
                );
            }
        }
        for indicator in &template.indicators {
            if self.for_indicator(&indicator.id).next().is_none() {
                report(
                    "/entries".to_owned(),
                    format!(
                        "no entry with advice strengthens indicator `{}`",
                        indicator.id
                    ),
                );
            }
        }
        problems
    }
}
