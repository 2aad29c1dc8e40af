//! Validation findings: one [`Issue`] type shared by every binding.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// How much an issue matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The assessment cannot be scored until this is fixed.
    Error,
    /// Scoring goes on; the result may be less complete.
    Warning,
}

macro_rules! codes {
    ($($variant:ident => $name:literal, $severity:ident;)*) => {
        /// The machine code of an issue. Its string form is stable across releases.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum Code {
            $(
                #[doc = concat!("`", $name, "`")]
                $variant,
            )*
        }

        impl Code {
            /// Every code, errors first, in the order of the documentation.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// Returns the code as its stable snake_case string.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            /// Returns the severity every issue with this code has.
            pub fn severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }
        }
    };
}

codes! {
    InvalidJson => "invalid_json", Error;
    UnknownTemplate => "unknown_template", Error;
    UnsupportedVersion => "unsupported_version", Error;
    UnknownField => "unknown_field", Error;
    MissingRequired => "missing_required", Error;
    WrongType => "wrong_type", Error;
    NotFinite => "not_finite", Error;
    NotInteger => "not_integer", Error;
    OutOfRange => "out_of_range", Error;
    UnknownOption => "unknown_option", Error;
    DuplicateOption => "duplicate_option", Error;
    ExclusiveOption => "exclusive_option", Error;
    UnknownIndicator => "unknown_indicator", Error;
    NaNotAllowed => "na_not_allowed", Error;
    InvalidPrioritisation => "invalid_prioritisation", Error;
    Unanswered => "unanswered", Warning;
    LowCoverage => "low_coverage", Warning;
    NoPrioritisation => "no_prioritisation", Warning;
    NotShortChain => "not_short_chain", Warning;
}

impl std::fmt::Display for Code {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// One validation finding about one place in an assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Issue {
    /// JSON Pointer to the value concerned, e.g. `/answers/organic_share`;
    /// the empty string for the whole input.
    pub path: String,
    /// The machine code.
    pub code: Code,
    /// `error` blocks scoring, `warning` does not.
    pub severity: Severity,
    /// The message in the requested language, naming the value and what is allowed.
    pub message: String,
    /// The facts the message states, e.g. `value`, `min`, `max`, `allowed`.
    pub params: IndexMap<String, serde_json::Value>,
}

impl Issue {
    /// Creates an issue with no message yet; [`crate::i18n`] writes it.
    pub(crate) fn new(code: Code, path: impl Into<String>) -> Issue {
        Issue {
            path: path.into(),
            code,
            severity: code.severity(),
            message: String::new(),
            params: IndexMap::new(),
        }
    }

    /// Adds one parameter.
    pub(crate) fn with(mut self, key: &str, value: impl Into<serde_json::Value>) -> Issue {
        self.params.insert(key.to_owned(), value.into());
        self
    }

    /// Tells whether the issue blocks scoring.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Tells whether any issue in the list is an error.
pub fn has_errors(issues: &[Issue]) -> bool {
    issues.iter().any(Issue::is_error)
}

/// Builds JSON Pointers (RFC 6901), escaping `~` and `/` in keys.
pub(crate) fn pointer(parent: &str, key: &str) -> String {
    let escaped = key.replace('~', "~0").replace('/', "~1");
    format!("{parent}/{escaped}")
}
