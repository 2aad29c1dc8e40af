//! Advice from the knowledge base, the knowledge base itself, migration of
//! assessments between template versions, and added message languages.
//!
//! These functions return the dicts and lists of the results' JSON form;
//! `siat/_advice.py` and `siat/_migrate.py` turn them into objects.

use crate::charts::check_language;
use crate::check::{check_with, read_input, scorecard_of, Input};
use crate::convert::{find_unsupported, serde_to_py, value_to_py};
use crate::errors::{caller_error, CatalogueError, InputError, MigrationError, OptionsError};
use crate::options;
use crate::results::Scorecard;
use crate::template::Template;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use siat_core::{AdviceOptions, KnowledgeBase, Migration, Value};

/// Draws recommendations for an assessment or a `Scorecard` from the
/// built-in knowledge base, largest priority gap first.
///
/// An assessment is scored with the scoring keywords first and raises
/// `siat.ValidationError` when it has errors. A scorecard keeps the template
/// it was scored with, so the scoring keywords raise `siat.OptionsError`
/// with it. `lang` defaults to the scorecard's language, or `en`.
#[pyfunction]
#[pyo3(signature = (
    assessment, *, lang = None, limit = 6, per_dimension = 3, template = None, method = None,
    min_coverage = None, aggregation = None, today = None, limits = None
))]
#[allow(
    clippy::too_many_arguments,
    reason = "each argument is a keyword of the Python function"
)]
pub(crate) fn advise<'py>(
    py: Python<'py>,
    assessment: &Bound<'py, PyAny>,
    lang: Option<&str>,
    limit: usize,
    per_dimension: usize,
    template: Option<&Bound<'py, PyAny>>,
    method: Option<&str>,
    min_coverage: Option<f64>,
    aggregation: Option<&str>,
    today: Option<&Bound<'py, PyAny>>,
    limits: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let is_given =
        |argument: Option<&Bound<'_, PyAny>>| argument.is_some_and(|value| !value.is_none());
    let (scorecard, template, lang) = if let Ok(card) = assessment.cast::<Scorecard>() {
        let scoring_keywords = is_given(template)
            || method.is_some()
            || min_coverage.is_some()
            || aggregation.is_some()
            || is_given(today)
            || is_given(limits);
        if scoring_keywords {
            return Err(OptionsError::new_err(
                "template, method, min_coverage, aggregation, today and limits apply to an assessment; \
                 a scorecard is already scored, so give only lang, limit and per_dimension",
            ));
        }
        let card = card.get();
        let lang = lang.unwrap_or(&card.lang).to_owned();
        (card.inner.clone(), card.template.clone(), lang)
    } else {
        let lang = lang.unwrap_or("en");
        let aggregation = aggregation.unwrap_or("arithmetic");
        let options = options::build(lang, method, min_coverage, aggregation, today, limits)?;
        let template = Template::resolve(template)?;
        let scorecard = scorecard_of(check_with(assessment, &template, &options)?)?;
        (scorecard, template, options.lang)
    };

    check_language(&lang)?;
    let options = AdviceOptions {
        limit,
        per_dimension,
    };
    let advice = py
        .detach(|| {
            siat_core::advise(
                &template,
                &scorecard,
                KnowledgeBase::builtin(),
                &lang,
                options,
            )
        })
        .map_err(|error| caller_error(py, error))?;
    serde_to_py(py, &advice)
}

/// Returns the built-in knowledge base in its JSON form: `languages` and
/// `entries`.
#[pyfunction]
pub(crate) fn knowledge_base(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    serde_to_py(py, KnowledgeBase::builtin())
}

/// Reads JSON text from a `str`, a path or `bytes`, or writes a dict as
/// JSON text; `what` names the argument in messages.
fn read_document(source: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    let value = match read_input(source, siat_core::value::MAX_DEPTH)? {
        Input::Text(text) => return Ok(text),
        Input::Value(value) => value,
    };
    reject_unsupported(&value, what)?;
    Ok(value.to_json())
}

/// Raises `siat.InputError` naming the first value JSON cannot express.
fn reject_unsupported(value: &Value, what: &str) -> PyResult<()> {
    match find_unsupported(value, "") {
        Some((path, description)) => Err(InputError::new_err(format!(
            "the {what} has a value with no JSON counterpart ({description}) at `{}`",
            crate::errors::display_path(&path)
        ))),
        None => Ok(()),
    }
}

/// Moves an assessment to a newer template version through a mapping of
/// renamed and removed indicators.
///
/// Returns `{"assessment", "renamed", "dropped"}` with `renamed` as
/// `(old id, new id)` pairs. Raises `siat.MigrationError` when the mapping
/// is not valid or does not fit the assessment, and `siat.InputError` for
/// an assessment with a value that has no JSON counterpart.
#[pyfunction]
pub(crate) fn migrate<'py>(
    py: Python<'py>,
    assessment: &Bound<'py, PyAny>,
    mapping: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyDict>> {
    let mapping = Migration::from_json(&read_document(mapping, "mapping")?)
        .map_err(|error| caller_error(py, error))?;
    let input = match read_input(assessment, siat_core::value::MAX_DEPTH)? {
        Input::Value(value) => value,
        Input::Text(text) => Value::from_json(&text).map_err(|error| {
            MigrationError::new_err(format!("the assessment is not valid JSON: {error}"))
        })?,
    };
    reject_unsupported(&input, "assessment")?;

    let migrated = mapping
        .apply(&input)
        .map_err(|error| caller_error(py, error))?;
    let result = PyDict::new(py);
    result.set_item("assessment", value_to_py(py, &migrated.assessment)?)?;
    let renamed = PyList::empty(py);
    for (old, new) in &migrated.renamed {
        renamed.append((old, new))?;
    }
    result.set_item("renamed", renamed)?;
    let dropped = PyDict::new(py);
    for (id, value) in &migrated.dropped {
        dropped.set_item(id, value_to_py(py, value)?)?;
    }
    result.set_item("dropped", dropped)?;
    Ok(result)
}

/// Adds or replaces a message language from a catalogue: a dict, JSON text
/// or a path, in the form of the files in `siat-core/data/messages/`.
///
/// The language then works everywhere `lang` is taken, in this process.
/// Raises `siat.CatalogueError` when the catalogue is not valid or lacks a
/// key that the English catalogue has.
#[pyfunction]
pub(crate) fn add_language(code: &str, catalogue: &Bound<'_, PyAny>) -> PyResult<()> {
    let text = read_document(catalogue, "catalogue")?;
    siat_core::i18n::add_language(code, &text).map_err(CatalogueError::new_err)
}

/// Lists the languages messages exist in, the added ones included.
#[pyfunction]
pub(crate) fn languages() -> Vec<String> {
    siat_core::i18n::languages()
}
