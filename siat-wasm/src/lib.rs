//! WebAssembly bindings of `siat-core` for the `siat` npm package.
//!
//! This layer only converts: JavaScript values in, JSON text out. Every
//! export returns a tagged result instead of throwing, and the package's
//! JavaScript wrapper (`siat-wasm/js/api.js`) turns failures into
//! `SiatError` and `SiatValidationError` exceptions:
//!
//! - `{"status": "ok", "value": …}`
//! - `{"status": "invalid", "message": …, "issues": […]}` when scoring meets
//!   an assessment with errors
//! - `{"status": "error", "error": {"kind", "message", "problems"}}` for a
//!   caller's mistake: `unsupported_language`, `invalid_options`,
//!   `invalid_template`, `unknown_field`, `invalid_argument`,
//!   `input_too_large`, `migration` or `invalid_catalogue`.
//!
//! No export panics on any input: conversions never unwrap, and JavaScript
//! calls that can throw are bound with `catch`.

mod advice;
mod arguments;
mod charts;
mod cohort;
pub mod convert;
pub mod describe;
mod migrate;
pub mod options;
mod scorecards;

use serde::Serialize;
use serde_json::json;
use siat_core::{Issue, Options, Report, ScoreError, SiatError, Template, Value};
use std::borrow::Cow;
use wasm_bindgen::prelude::*;

/// A template loaded into WebAssembly memory, or the reason it failed to load.
#[wasm_bindgen]
pub struct TemplateHandle {
    template: Result<Cow<'static, Template>, Failure>,
}

/// A failure to report to the caller as a `SiatError`, or as a
/// `SiatValidationError` for an assessment with errors.
#[derive(Clone)]
enum Failure {
    Caller(SiatError),
    InvalidArgument(String),
    TooLarge,
    /// An assessment that had to be scored has errors; every issue is listed.
    Invalid(Vec<Issue>),
    /// A message catalogue given to `addLanguage` is not valid.
    InvalidCatalogue(String),
}

impl Failure {
    /// Creates the failure for an option with a wrong value or an unknown key.
    fn options(message: String) -> Failure {
        Failure::Caller(SiatError::InvalidOptions(message))
    }
}

impl From<SiatError> for Failure {
    fn from(error: SiatError) -> Self {
        Failure::Caller(error)
    }
}

/// The assessment argument: an object to walk or JSON text to parse.
enum Input {
    Value(Value),
    Text(String),
}

#[wasm_bindgen]
impl TemplateHandle {
    /// Returns the built-in `siat` 1.0 template.
    pub fn builtin() -> TemplateHandle {
        TemplateHandle {
            template: Ok(Cow::Borrowed(Template::builtin())),
        }
    }

    /// Reads a template file's JSON text. A handle that failed to load
    /// reports why through [`TemplateHandle::failure`].
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &JsValue) -> TemplateHandle {
        let template = match text.as_string() {
            Some(text) => Template::from_json(&text)
                .map(Cow::Owned)
                .map_err(|error| Failure::Caller(error.into())),
            None => Err(Failure::InvalidArgument(
                "the template must be given as JSON text; call JSON.stringify on an object first"
                    .to_owned(),
            )),
        };
        TemplateHandle { template }
    }

    /// Returns the tagged error of a template that failed to load, or `undefined`.
    pub fn failure(&self) -> Option<String> {
        self.template.as_ref().err().map(failure)
    }

    /// Returns the template's JSON form, every text in every language.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        respond(
            self.loaded()
                .map(|template| serde_json::to_value(template).unwrap_or_default()),
        )
    }

    /// Returns the template with every text in one language; `lang`
    /// defaults to the template's first language.
    pub fn describe(&self, lang: &JsValue) -> String {
        respond(self.loaded().and_then(|template| {
            let lang = match lang.as_string() {
                Some(lang) => lang,
                None if lang.is_undefined() || lang.is_null() => {
                    template.languages.first().cloned().unwrap_or_default()
                }
                None => {
                    return Err(Failure::InvalidArgument(
                        "the language must be a string such as \"nl\"".to_owned(),
                    ))
                }
            };
            describe::describe(template, &lang).map_err(Failure::from)
        }))
    }

    /// Validates and scores an assessment: `{valid, issues, scorecard}`.
    pub fn check(&self, input: &JsValue, options: &JsValue) -> String {
        respond(self.run_check(input, options))
    }

    /// Validates an assessment: `{valid, issues}`.
    pub fn validate(&self, input: &JsValue, options: &JsValue) -> String {
        respond(
            self.run_check(input, options)
                .map(|report| json!({"valid": report.valid, "issues": report.issues})),
        )
    }

    /// Scores an assessment; an assessment with errors gives the tagged
    /// `invalid` result with every issue.
    pub fn score(&self, input: &JsValue, options: &JsValue) -> String {
        respond(
            self.run_check(input, options)
                .and_then(|report| report.scorecard.ok_or(Failure::Invalid(report.issues))),
        )
    }

    /// Returns the JSON Schema (draft 2020-12) of assessments for this template.
    #[wasm_bindgen(js_name = assessmentSchema)]
    pub fn assessment_schema(&self) -> String {
        respond(self.loaded().map(Template::assessment_schema))
    }

    /// Checks one answer or profile value on its own, for live feedback in a form.
    #[wasm_bindgen(js_name = validateField)]
    pub fn validate_field(&self, id: &JsValue, value: &JsValue, options: &JsValue) -> String {
        respond(self.loaded().and_then(|template| {
            let Some(id) = id.as_string() else {
                return Err(Failure::InvalidArgument(
                    "the field id must be a string such as \"organic_share\"".to_owned(),
                ));
            };
            let options = options::read(options).map_err(SiatError::InvalidOptions)?;
            let value = reader_for(&options)
                .read(value)
                .map_err(|_| Failure::TooLarge)?;
            Ok(template.validate_field(&id, &value, &options)?)
        }))
    }
}

impl TemplateHandle {
    fn loaded(&self) -> Result<&Template, Failure> {
        match &self.template {
            Ok(template) => Ok(template),
            Err(error) => Err(error.clone()),
        }
    }

    fn run_check(&self, input: &JsValue, options: &JsValue) -> Result<Report, Failure> {
        let template = self.loaded()?;
        let options = options::read(options).map_err(SiatError::InvalidOptions)?;
        let input = read_input(input, &options)?;
        let report = match input {
            Input::Value(value) => template.check(&value, &options)?,
            Input::Text(text) => template.check_json(&text, &options)?,
        };
        Ok(report)
    }
}

/// Reads an assessment: a string is JSON text, anything else a value.
fn read_input(input: &JsValue, options: &Options) -> Result<Input, Failure> {
    if let Some(text) = input.as_string() {
        return Ok(Input::Text(text));
    }
    reader_for(options)
        .read(input)
        .map(Input::Value)
        .map_err(|_| Failure::TooLarge)
}

/// Creates a reader that reads one level deeper than the engine's depth
/// limit, so the engine reports nesting beyond it as it does for JSON text.
fn reader_for(options: &Options) -> convert::Reader {
    convert::Reader::new(options.limits.max_depth.saturating_add(1))
}

/// Lists every issue code with its severity: `[{code, severity}]`.
#[wasm_bindgen]
pub fn codes() -> String {
    let codes: Vec<_> = siat_core::report::codes()
        .into_iter()
        .map(|(code, severity)| json!({"code": code, "severity": severity}))
        .collect();
    serde_json::Value::from(codes).to_string()
}

/// Lists the languages messages exist in, e.g. `["en","nl"]`.
#[wasm_bindgen]
pub fn languages() -> String {
    serde_json::Value::from(siat_core::i18n::languages()).to_string()
}

/// Adds or replaces the message catalogue of a language, given as the JSON
/// text or object of a catalogue file. Returns the languages that messages
/// exist in afterwards.
#[wasm_bindgen(js_name = addLanguage)]
pub fn add_language(code: &JsValue, catalogue: &JsValue) -> String {
    respond(read_catalogue(code, catalogue).and_then(|(code, text)| {
        siat_core::i18n::add_language(&code, &text).map_err(Failure::InvalidCatalogue)?;
        Ok(siat_core::i18n::languages())
    }))
}

fn read_catalogue(code: &JsValue, catalogue: &JsValue) -> Result<(String, String), Failure> {
    let code = code
        .as_string()
        .filter(|code| !code.trim().is_empty())
        .ok_or_else(|| {
            Failure::InvalidArgument(
                "the language code must be a non-empty string such as \"fy\"".to_owned(),
            )
        })?;
    if let Some(text) = catalogue.as_string() {
        return Ok((code, text));
    }
    let value = convert::Reader::new(convert::MAX_DEPTH)
        .read(catalogue)
        .map_err(|_| Failure::TooLarge)?;
    if !matches!(value, Value::Object(_)) {
        return Err(Failure::InvalidArgument(
            "the catalogue must be the JSON text or object of a message file".to_owned(),
        ));
    }
    Ok((code, value.to_serde().to_string()))
}

/// Returns the version of the engine, e.g. `0.1.0`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

fn respond<T: Serialize>(outcome: Result<T, Failure>) -> String {
    match outcome {
        Ok(value) => json!({"status": "ok", "value": value}).to_string(),
        Err(error) => failure(&error),
    }
}

fn failure(error: &Failure) -> String {
    if let Failure::Invalid(issues) = error {
        let message = ScoreError::Invalid(issues.clone()).to_string();
        return json!({"status": "invalid", "message": message, "issues": issues}).to_string();
    }
    let (kind, message, problems) = match error {
        Failure::Caller(error) => {
            let kind = error.kind();
            let problems = json!(error.problems());
            (kind, error.to_string(), problems)
        }
        Failure::InvalidArgument(message) => ("invalid_argument", message.clone(), json!([])),
        Failure::TooLarge => (
            "input_too_large",
            format!(
                "the input holds more than {} values, far more than an assessment has; check that the right object is passed",
                convert::MAX_VALUES
            ),
            json!([]),
        ),
        Failure::InvalidCatalogue(message) => ("invalid_catalogue", message.clone(), json!([])),
        // Handled above, because it has a status of its own.
        Failure::Invalid(_) => ("invalid_assessment", String::new(), json!([])),
    };
    json!({"status": "error", "error": {"kind": kind, "message": message, "problems": problems}})
        .to_string()
}
