//! The module functions for one assessment: `check`, `validate`, `score`
//! and `validate_field`.

use crate::convert::{to_value, Missing};
use crate::errors::{caller_error, validation_error, InputError};
use crate::options;
use crate::results::{Issue, Report, Scorecard};
use crate::template::{read_source, Template};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyMemoryView, PyString};
use siat_core::{Options, Value};
use std::sync::Arc;

/// An assessment as the caller gave it.
pub(crate) enum Input {
    /// JSON text, read from a string or a file; the core parses it, so text
    /// that is not JSON gives an `invalid_json` issue.
    Text(String),
    /// A Python object converted to a value.
    Value(Value),
}

/// Reads the `assessment` argument: a `str` or path is JSON text (see
/// `read_source`), `bytes` (or a `bytearray` or `memoryview`) is UTF-8 JSON
/// text, and anything else is a Python object such as a dict.
///
/// `max_depth` is the nesting limit of the options. Raises
/// `siat.InputError` for bytes that are not UTF-8.
pub(crate) fn read_input(assessment: &Bound<'_, PyAny>, max_depth: usize) -> PyResult<Input> {
    if assessment.is_instance_of::<PyString>() || assessment.hasattr("__fspath__")? {
        return read_source(assessment, "assessment").map(Input::Text);
    }
    if assessment.is_instance_of::<PyBytes>()
        || assessment.is_instance_of::<PyByteArray>()
        || assessment.is_instance_of::<PyMemoryView>()
    {
        let copied = assessment.py().get_type::<PyBytes>().call1((assessment,))?;
        let bytes = copied.cast::<PyBytes>()?.as_bytes().to_vec();
        return String::from_utf8(bytes).map(Input::Text).map_err(|error| {
            InputError::new_err(format!(
                "the JSON text is not valid UTF-8: {error}; decode it to a str first if it uses another encoding"
            ))
        });
    }
    to_value(assessment, Missing::Kept, None, max_depth).map(Input::Value)
}

/// Validates and scores one assessment with a template, with the GIL released.
pub(crate) fn check_with(
    assessment: &Bound<'_, PyAny>,
    template: &siat_core::Template,
    options: &Options,
) -> PyResult<siat_core::Report> {
    let py = assessment.py();
    let input = read_input(assessment, options.limits.max_depth)?;
    let outcome = py.detach(|| match &input {
        Input::Text(text) => template.check_json(text, options),
        Input::Value(value) => template.check(value, options),
    });
    outcome.map_err(|error| caller_error(py, error))
}

/// Returns the scorecard of a report, or raises `siat.ValidationError`
/// listing every issue when the assessment has errors.
pub(crate) fn scorecard_of(report: siat_core::Report) -> PyResult<siat_core::Scorecard> {
    match report.scorecard {
        Some(scorecard) => Ok(scorecard),
        None => Err(validation_error(report.issues, None)),
    }
}

/// Validates and scores one assessment with the template argument; returns
/// the report and the template it was checked with.
fn run(
    assessment: &Bound<'_, PyAny>,
    template: Option<&Bound<'_, PyAny>>,
    options: &Options,
) -> PyResult<(siat_core::Report, Arc<siat_core::Template>)> {
    let template = Template::resolve(template)?;
    let report = check_with(assessment, &template, options)?;
    Ok((report, template))
}

/// Validates and scores an assessment in one pass.
#[pyfunction]
#[pyo3(signature = (
    assessment, *, template = None, method = None, min_coverage = None,
    aggregation = "arithmetic", lang = "en", today = None, limits = None
))]
#[allow(
    clippy::too_many_arguments,
    reason = "each argument is a keyword of the Python function"
)]
pub(crate) fn check(
    assessment: &Bound<'_, PyAny>,
    template: Option<&Bound<'_, PyAny>>,
    method: Option<&str>,
    min_coverage: Option<f64>,
    aggregation: &str,
    lang: &str,
    today: Option<&Bound<'_, PyAny>>,
    limits: Option<&Bound<'_, PyAny>>,
) -> PyResult<Report> {
    let options = options::build(lang, method, min_coverage, aggregation, today, limits)?;
    let (report, template) = run(assessment, template, &options)?;
    Ok(Report::new(report, template, options.lang))
}

/// Lists every issue of an assessment, errors and warnings.
#[pyfunction]
#[pyo3(signature = (
    assessment, *, template = None, method = None, min_coverage = None,
    aggregation = "arithmetic", lang = "en", today = None, limits = None
))]
#[allow(
    clippy::too_many_arguments,
    reason = "each argument is a keyword of the Python function"
)]
pub(crate) fn validate(
    assessment: &Bound<'_, PyAny>,
    template: Option<&Bound<'_, PyAny>>,
    method: Option<&str>,
    min_coverage: Option<f64>,
    aggregation: &str,
    lang: &str,
    today: Option<&Bound<'_, PyAny>>,
    limits: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Issue>> {
    let options = options::build(lang, method, min_coverage, aggregation, today, limits)?;
    let (report, _) = run(assessment, template, &options)?;
    Ok(report.issues.into_iter().map(Issue::from).collect())
}

/// Scores an assessment; raises `siat.ValidationError` listing every issue
/// when it has errors.
#[pyfunction]
#[pyo3(signature = (
    assessment, *, template = None, method = None, min_coverage = None,
    aggregation = "arithmetic", lang = "en", today = None, limits = None
))]
#[allow(
    clippy::too_many_arguments,
    reason = "each argument is a keyword of the Python function"
)]
pub(crate) fn score(
    assessment: &Bound<'_, PyAny>,
    template: Option<&Bound<'_, PyAny>>,
    method: Option<&str>,
    min_coverage: Option<f64>,
    aggregation: &str,
    lang: &str,
    today: Option<&Bound<'_, PyAny>>,
    limits: Option<&Bound<'_, PyAny>>,
) -> PyResult<Scorecard> {
    let options = options::build(lang, method, min_coverage, aggregation, today, limits)?;
    let (report, template) = run(assessment, template, &options)?;
    let scorecard = scorecard_of(report)?;
    Ok(Scorecard::new(scorecard, template, options.lang))
}

/// Checks one answer or profile value on its own, as a form does while
/// someone types; `id` names an indicator or a profile field.
#[pyfunction]
#[pyo3(signature = (id, value, *, template = None, lang = "en", today = None))]
pub(crate) fn validate_field(
    py: Python<'_>,
    id: &str,
    value: &Bound<'_, PyAny>,
    template: Option<&Bound<'_, PyAny>>,
    lang: &str,
    today: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Issue>> {
    let options = options::build(lang, None, None, "arithmetic", today, None)?;
    let value = to_value(value, Missing::Kept, None, options.limits.max_depth)?;
    let template = Template::resolve(template)?;
    let issues = template
        .validate_field(id, &value, &options)
        .map_err(|error| caller_error(py, error))?;
    Ok(issues.into_iter().map(Issue::from).collect())
}
