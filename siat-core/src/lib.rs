//! Validation and scoring of the Social Innovation Assessment Template (SIAT)
//! for short food supply chains.
//!
//! An initiative fills in a [`Template`]: a profile, a prioritisation of the
//! dimensions, and an answer per indicator. [`Template::check`] validates it,
//! reporting every [`Issue`] at once, and scores it into a [`Scorecard`]:
//! indicator and dimension scores (points 0–100), dimension weights, the
//! weighted SI index and its level.
//!
//! ```
//! use siat_core::{Options, Template, Value};
//!
//! let input = Value::from_json(r#"{
//!     "template": {"id": "siat", "version": "1.0"},
//!     "profile": {"name": "De Groene Kist", "country": "NL", "sfsc_type": "box_scheme"},
//!     "answers": {"organic_share": 140}
//! }"#).unwrap();
//! let report = Template::builtin().check(&input, &Options::default()).unwrap();
//! assert!(!report.valid);
//!
//! let error = report.issues.iter().find(|issue| issue.is_error()).unwrap();
//! assert_eq!(error.path, "/answers/organic_share");
//! assert_eq!(error.code.as_str(), "out_of_range");
//! assert_eq!(error.message, "`140` is out of range; allowed: 0 to 100");
//! ```
//!
//! The crate has no binding code: the Python and WebAssembly packages wrap it.

#![cfg_attr(
    test,
    allow(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic
    )
)]

pub mod advice;
pub mod assessment;
pub mod chart;
pub mod cohort;
pub mod country;
pub mod date;
pub mod html;
pub mod i18n;
pub mod issue;
pub mod json;
pub mod knowledge;
pub mod limits;
pub mod migrate;
pub mod options;
pub mod report;
pub mod schema;
pub mod scorecard;
pub mod sensitivity;
pub mod template;
pub mod value;
pub mod weights;

mod score;
mod suggest;
mod validate;

pub use advice::{advise, AdviceOptions, Recommendation};
pub use assessment::{Answer, Assessment, Meta, Prioritisation, TemplateRef};
pub use cohort::{Cohort, CohortStats, Finding, Summary};
pub use date::Date;
pub use html::ReportOptions;
pub use issue::{Code, Issue, Severity};
pub use knowledge::KnowledgeBase;
pub use limits::Limits;
pub use migrate::{Migrated, Migration};
pub use options::{Aggregation, Options, WeightingMethod};
pub use report::{Report, ScoreError, SiatError};
pub use scorecard::{DimensionScore, IndexScore, IndicatorScore, Scorecard, Status};
pub use sensitivity::Sensitivity;
pub use template::{Template, TemplateError, TemplateProblem};
pub use value::{JsonError, Value};
