//! Limits on the size of input, so hostile or broken input gets an issue
//! instead of exhausting memory or time.
//!
//! The defaults leave a wide margin: a complete assessment of the built-in
//! template is about 3 KB of JSON, 4 levels deep, with strings of at most
//! 200 characters and lists of at most 11 items.

use crate::issue::{pointer, Code, Issue};
use crate::value::Value;
use serde::{Deserialize, Serialize};

/// Maximum sizes of one input; a caller may raise or lower each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Maximum length of JSON text, in bytes (default 1 MiB).
    pub max_input_bytes: usize,
    /// Maximum nesting of arrays and objects (default 32).
    pub max_depth: usize,
    /// Maximum length of one string, in characters (default 10 000).
    pub max_string_chars: usize,
    /// Maximum entries in one array or object (default 10 000).
    pub max_items: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 1 << 20,
            max_depth: 32,
            max_string_chars: 10_000,
            max_items: 10_000,
        }
    }
}

fn exceeded(path: &str, reason: &str, value: usize, max: usize) -> Issue {
    Issue::new(Code::OutOfRange, path)
        .with("value", value)
        .with("max", max)
        .with("reason", reason)
}

impl Limits {
    /// Returns an issue when JSON text is longer than [`Limits::max_input_bytes`].
    pub(crate) fn check_text(&self, text: &str) -> Option<Issue> {
        (text.len() > self.max_input_bytes)
            .then(|| exceeded("", "input_bytes", text.len(), self.max_input_bytes))
    }

    /// Returns an issue for each place where a value exceeds a limit; the
    /// walk stops below a place that does.
    pub(crate) fn check_value(&self, value: &Value) -> Vec<Issue> {
        let mut issues = Vec::new();
        self.walk(value, "", 0, &mut issues);
        issues
    }

    fn walk(&self, value: &Value, path: &str, depth: usize, issues: &mut Vec<Issue>) {
        // Stop early so that a flood of oversized values gives a bounded list.
        if issues.len() >= 100 {
            return;
        }
        match value {
            Value::Text(text) => {
                let characters = text.chars().count();
                if characters > self.max_string_chars {
                    issues.push(exceeded(
                        path,
                        "string_length",
                        characters,
                        self.max_string_chars,
                    ));
                }
            }
            Value::List(items) => {
                if self.container(path, depth, items.len(), issues) {
                    for (position, item) in items.iter().enumerate() {
                        self.walk(
                            item,
                            &pointer(path, &position.to_string()),
                            depth + 1,
                            issues,
                        );
                    }
                }
            }
            Value::Object(map) => {
                if self.container(path, depth, map.len(), issues) {
                    for (key, item) in map {
                        if key.chars().count() > self.max_string_chars {
                            issues.push(exceeded(
                                path,
                                "string_length",
                                key.chars().count(),
                                self.max_string_chars,
                            ));
                            continue;
                        }
                        self.walk(item, &pointer(path, key), depth + 1, issues);
                    }
                }
            }
            Value::Null | Value::Bool(_) | Value::Number(_) | Value::Other(_) => {}
        }
    }

    /// Checks an array or object; returns whether to look inside it.
    fn container(&self, path: &str, depth: usize, entries: usize, issues: &mut Vec<Issue>) -> bool {
        if depth + 1 > self.max_depth {
            issues.push(exceeded(path, "depth", depth + 1, self.max_depth));
            return false;
        }
        if entries > self.max_items {
            issues.push(exceeded(path, "items", entries, self.max_items));
            return false;
        }
        true
    }
}
