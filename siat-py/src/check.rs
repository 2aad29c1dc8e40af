//! The module functions for one assessment: `check`, `validate`, `score`
//! and `validate_field`.

use crate::convert::{to_value, Missing};
use crate::errors::{caller_error, validation_error};
use crate::options;
use crate::results::{Issue, Report, Scorecard};
use crate::template::{read_source, Template};
use pyo3::prelude::*;
use pyo3::types::PyString;
use siat_core::{Options, Value};

/// An assessment as the caller gave it.
enum Input {
    /// JSON text, read from a string or a file; the core parses it, so text
    /// that is not JSON gives an `invalid_json` issue.
    Text(String),
    /// A Python object converted to a value.
    Value(Value),
}

/// Reads the `assessment` argument: a `str` or path is JSON text (see
/// `read_source`), anything else a Python object such as a dict.
fn read_input(assessment: &Bound<'_, PyAny>) -> PyResult<Input> {
    if assessment.is_instance_of::<PyString>() || assessment.hasattr("__fspath__")? {
        return read_source(assessment, "assessment").map(Input::Text);
    }
    to_value(assessment, Missing::Kept, None).map(Input::Value)
}

/// Validates and scores one assessment with the GIL released.
fn run(
    py: Python<'_>,
    assessment: &Bound<'_, PyAny>,
    template: Option<&Bound<'_, PyAny>>,
    options: &Options,
) -> PyResult<siat_core::Report> {
    let input = read_input(assessment)?;
    let template = Template::resolve(template)?;
    let outcome = py.detach(|| match &input {
        Input::Text(text) => template.check_json(text, options),
        Input::Value(value) => template.check(value, options),
    });
    outcome.map_err(|error| caller_error(py, error))
}

/// Validates and scores an assessment in one pass.
#[pyfunction]
#[pyo3(signature = (
    assessment, *, template = None, method = None, min_coverage = None,
    aggregation = "arithmetic", lang = "en", today = None
))]
#[allow(
    clippy::too_many_arguments,
    reason = "each argument is a keyword of the Python function"
)]
pub(crate) fn check(
    py: Python<'_>,
    assessment: &Bound<'_, PyAny>,
    template: Option<&Bound<'_, PyAny>>,
    method: Option<&str>,
    min_coverage: Option<f64>,
    aggregation: &str,
    lang: &str,
    today: Option<&Bound<'_, PyAny>>,
) -> PyResult<Report> {
    let options = options::build(lang, method, min_coverage, aggregation, today)?;
    run(py, assessment, template, &options).map(Report::from)
}

/// Lists every issue of an assessment, errors and warnings.
#[pyfunction]
#[pyo3(signature = (
    assessment, *, template = None, method = None, min_coverage = None,
    aggregation = "arithmetic", lang = "en", today = None
))]
#[allow(
    clippy::too_many_arguments,
    reason = "each argument is a keyword of the Python function"
)]
pub(crate) fn validate(
    py: Python<'_>,
    assessment: &Bound<'_, PyAny>,
    template: Option<&Bound<'_, PyAny>>,
    method: Option<&str>,
    min_coverage: Option<f64>,
    aggregation: &str,
    lang: &str,
    today: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Issue>> {
    let options = options::build(lang, method, min_coverage, aggregation, today)?;
    let report = run(py, assessment, template, &options)?;
    Ok(report.issues.into_iter().map(Issue::from).collect())
}

/// Scores an assessment; raises `siat.ValidationError` listing every issue
/// when it has errors.
#[pyfunction]
#[pyo3(signature = (
    assessment, *, template = None, method = None, min_coverage = None,
    aggregation = "arithmetic", lang = "en", today = None
))]
#[allow(
    clippy::too_many_arguments,
    reason = "each argument is a keyword of the Python function"
)]
pub(crate) fn score(
    py: Python<'_>,
    assessment: &Bound<'_, PyAny>,
    template: Option<&Bound<'_, PyAny>>,
    method: Option<&str>,
    min_coverage: Option<f64>,
    aggregation: &str,
    lang: &str,
    today: Option<&Bound<'_, PyAny>>,
) -> PyResult<Scorecard> {
    let options = options::build(lang, method, min_coverage, aggregation, today)?;
    let report = run(py, assessment, template, &options)?;
    match report.scorecard {
        Some(scorecard) => Ok(Scorecard::from(scorecard)),
        None => Err(validation_error(report.issues, None)),
    }
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
    let options = options::build(lang, None, None, "arithmetic", today)?;
    let value = to_value(value, Missing::Kept, None)?;
    let template = Template::resolve(template)?;
    let issues = template
        .validate_field(id, &value, &options)
        .map_err(|error| caller_error(py, error))?;
    Ok(issues.into_iter().map(Issue::from).collect())
}
