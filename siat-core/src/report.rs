//! The ladder of entry points: check everything, validate, score, check one field.

use crate::assessment::{self, Answer, Assessment};
use crate::issue::{has_errors, Code, Issue};
use crate::options::Options;
use crate::scorecard::Scorecard;
use crate::template::{Template, TemplateError};
use crate::value::Value;
use crate::{i18n, score, validate};
use serde::Serialize;

/// A mistake of the caller rather than of the assessment.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SiatError {
    /// The requested message language is not in the catalogue.
    #[error("unsupported language `{lang}`; supported: {}", .supported.join(", "))]
    UnsupportedLanguage {
        /// The language requested.
        lang: String,
        /// The languages messages exist in.
        supported: Vec<String>,
    },
    /// An option is outside what it allows.
    #[error("invalid options: {0}")]
    InvalidOptions(String),
    /// A template file is not valid.
    #[error(transparent)]
    InvalidTemplate(#[from] TemplateError),
    /// A migration mapping does not fit the assessment, or is not valid.
    #[error("{0}")]
    Migration(String),
    /// An id names no indicator or profile field of the template.
    #[error("`{0}` is neither an indicator nor a profile field of the template")]
    UnknownField(String),
}

impl SiatError {
    /// Returns a stable snake_case name of the error's kind, for bindings.
    pub fn kind(&self) -> &'static str {
        match self {
            SiatError::UnsupportedLanguage { .. } => "unsupported_language",
            SiatError::InvalidOptions(_) => "invalid_options",
            SiatError::InvalidTemplate(_) => "invalid_template",
            SiatError::UnknownField(_) => "unknown_field",
            SiatError::Migration(_) => "migration",
        }
    }

    /// Returns the problems of an invalid template; empty for other kinds.
    pub fn problems(&self) -> &[crate::template::TemplateProblem] {
        match self {
            SiatError::InvalidTemplate(error) => &error.problems,
            _ => &[],
        }
    }
}

/// Reason scoring returned no scorecard.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ScoreError {
    /// The assessment has errors; every issue is listed, warnings included.
    #[error("the assessment is not valid: {}", summary(.0))]
    Invalid(Vec<Issue>),
    /// The caller's options or template are wrong.
    #[error(transparent)]
    Caller(#[from] SiatError),
}

fn summary(issues: &[Issue]) -> String {
    issues
        .iter()
        .filter(|issue| issue.is_error())
        .map(|issue| format!("{} at `{}`", issue.message, issue.path))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The outcome of checking one assessment: its issues and, when it has no
/// errors, its scorecard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Whether the assessment has no errors (warnings are allowed).
    pub valid: bool,
    /// Every issue, errors and warnings, with messages in the requested language.
    pub issues: Vec<Issue>,
    /// The scorecard, present exactly when `valid` is true.
    pub scorecard: Option<Scorecard>,
}

impl Template {
    /// Validates and scores an input value in one pass.
    ///
    /// Returns every issue at once; the scorecard is present when there are
    /// no errors. Fails only for caller mistakes: an unsupported language or
    /// options out of range.
    pub fn check(&self, input: &Value, options: &Options) -> Result<Report, SiatError> {
        check_options(options)?;

        let mut issues = options.limits.check_value(input);
        if !issues.is_empty() {
            i18n::write_messages(&mut issues, &options.lang);
            return Ok(Report {
                valid: false,
                issues,
                scorecard: None,
            });
        }

        let (assessment, mut issues) = assessment::read(input);
        let checked =
            assessment.map(|assessment| validate::check(self, &assessment, options, &mut issues));

        let mut scorecard = None;
        if let Some(checked) = checked.filter(|_| !has_errors(&issues)) {
            scorecard = Some(score::score(self, &checked, options, &mut issues));
        }

        i18n::write_messages(&mut issues, &options.lang);
        if let Some(scorecard) = scorecard.as_mut() {
            scorecard.issues.clone_from(&issues);
        }
        Ok(Report {
            valid: !has_errors(&issues),
            issues,
            scorecard,
        })
    }

    /// Validates and scores JSON text; text that is not JSON gives an
    /// `invalid_json` issue.
    pub fn check_json(&self, text: &str, options: &Options) -> Result<Report, SiatError> {
        if let Some(issue) = options.limits.check_text(text) {
            check_options(options)?;
            let mut issues = vec![issue];
            i18n::write_messages(&mut issues, &options.lang);
            return Ok(Report {
                valid: false,
                issues,
                scorecard: None,
            });
        }
        match Value::from_json(text) {
            Ok(value) => self.check(&value, options),
            Err(error) => {
                check_options(options)?;
                let mut issues = vec![assessment::invalid_json(&error)];
                i18n::write_messages(&mut issues, &options.lang);
                Ok(Report {
                    valid: false,
                    issues,
                    scorecard: None,
                })
            }
        }
    }

    /// Validates and scores the bytes of a file; bytes that are not UTF-8
    /// give an `invalid_json` issue with the position of the first bad byte.
    pub fn check_bytes(&self, bytes: &[u8], options: &Options) -> Result<Report, SiatError> {
        let error = match std::str::from_utf8(bytes) {
            Ok(text) => return self.check_json(text, options),
            Err(error) => error,
        };
        check_options(options)?;
        let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
        let before = String::from_utf8_lossy(valid);
        let line = before.matches('\n').count() + 1;
        let column = before
            .rsplit('\n')
            .next()
            .map_or(0, |current| current.chars().count())
            + 1;
        let mut issues = vec![Issue::new(Code::InvalidJson, "")
            .with(
                "detail",
                format!(
                    "byte {} is not UTF-8; save the file as UTF-8 text",
                    error.valid_up_to()
                ),
            )
            .with("line", line)
            .with("column", column)];
        i18n::write_messages(&mut issues, &options.lang);
        Ok(Report {
            valid: false,
            issues,
            scorecard: None,
        })
    }

    /// Validates and scores a typed assessment.
    pub fn check_assessment(
        &self,
        assessment: &Assessment,
        options: &Options,
    ) -> Result<Report, SiatError> {
        self.check(&assessment.to_value(), options)
    }

    /// Returns every issue of an input value, errors and warnings.
    pub fn validate(&self, input: &Value, options: &Options) -> Result<Vec<Issue>, SiatError> {
        self.check(input, options).map(|report| report.issues)
    }

    /// Scores an input value.
    ///
    /// Returns [`ScoreError::Invalid`] with every issue when it has errors.
    pub fn score(&self, input: &Value, options: &Options) -> Result<Scorecard, ScoreError> {
        let report = self.check(input, options)?;
        report.scorecard.ok_or(ScoreError::Invalid(report.issues))
    }

    /// Checks one answer or profile value on its own, as a form does while
    /// someone types. `id` names an indicator or a profile field.
    ///
    /// Returns the issues of that value alone, with paths such as
    /// `/answers/organic_share`; an empty value gives no `unanswered` warning.
    pub fn validate_field(
        &self,
        id: &str,
        value: &Value,
        options: &Options,
    ) -> Result<Vec<Issue>, SiatError> {
        check_options(options)?;

        let mut issues = if let Some(indicator) = self.indicator(id) {
            let path = crate::issue::pointer("/answers", id);
            validate::check_answer(indicator, &Answer::from_value(value), &path)
                .err()
                .unwrap_or_default()
        } else if let Some(field) = self.profile_field(id) {
            let path = crate::issue::pointer("/profile", id);
            let year = options
                .today
                .or_else(crate::date::Date::today)
                .map(|date| date.year);
            match value {
                Value::Null if field.required => vec![assessment::missing(&path, id)],
                Value::Null => Vec::new(),
                value => validate::check_profile_value(field, value, &path, year),
            }
        } else {
            return Err(SiatError::UnknownField(id.to_owned()));
        };

        i18n::write_messages(&mut issues, &options.lang);
        Ok(issues)
    }
}

fn check_options(options: &Options) -> Result<(), SiatError> {
    if !i18n::catalogue().contains_key(&options.lang) {
        return Err(SiatError::UnsupportedLanguage {
            lang: options.lang.clone(),
            supported: i18n::languages(),
        });
    }
    if let Some(share) = options.min_coverage {
        if !(0.0..=1.0).contains(&share) {
            return Err(SiatError::InvalidOptions(format!(
                "min_coverage `{share}` is outside 0–1; give a share such as 0.5"
            )));
        }
    }
    Ok(())
}

/// Lists every issue code with its severity, for bindings to expose.
pub fn codes() -> Vec<(&'static str, crate::issue::Severity)> {
    Code::ALL
        .iter()
        .map(|code| (code.as_str(), code.severity()))
        .collect()
}
