//! The exceptions the module raises.
//!
//! The classes are written in Python (`siat/_errors.py`) so that they can
//! inherit from both `siat.SiatError` and a built-in exception such as
//! `ValueError`. This module imports them on first use.

use crate::results::Issue;
use pyo3::prelude::*;
use pyo3::types::PyList;
use siat_core::TemplateError;

pyo3::import_exception!(siat._errors, CatalogueError);
pyo3::import_exception!(siat._errors, InputError);
pyo3::import_exception!(siat._errors, MigrationError);
pyo3::import_exception!(siat._errors, OptionsError);
pyo3::import_exception!(siat._errors, UnknownFieldError);
pyo3::import_exception!(siat._errors, UnsupportedLanguageError);
pyo3::import_exception!(siat._errors, ValidationError);

/// Converts a caller mistake reported by the core to its exception.
pub(crate) fn caller_error(py: Python<'_>, error: siat_core::SiatError) -> PyErr {
    use siat_core::SiatError as Core;

    let message = error.to_string();
    match error {
        Core::UnsupportedLanguage { lang, supported } => {
            UnsupportedLanguageError::new_err((message, lang, supported))
        }
        Core::InvalidOptions(_) => OptionsError::new_err(message),
        Core::InvalidTemplate(template_error) => template_error_to_py(py, &template_error),
        Core::UnknownField(id) => UnknownFieldError::new_err((message, id)),
        Core::Migration(_) => MigrationError::new_err(message),
    }
}

/// Builds a `siat.TemplateError` whose `problems` lists every problem as
/// `TemplateProblem(path, message)`.
pub(crate) fn template_error_to_py(py: Python<'_>, error: &TemplateError) -> PyErr {
    let built = (|| -> PyResult<PyErr> {
        let errors = py.import("siat._errors")?;
        let problem_class = errors.getattr("TemplateProblem")?;
        let problems = PyList::empty(py);
        for problem in &error.problems {
            problems
                .append(problem_class.call1((problem.path.as_str(), problem.message.as_str()))?)?;
        }
        let exception = errors
            .getattr("TemplateError")?
            .call1((error.to_string(), problems))?;
        Ok(PyErr::from_value(exception))
    })();
    built.unwrap_or_else(|import_error| import_error)
}

/// Builds a `siat.ValidationError` listing every issue of an invalid
/// assessment; `row` is the table row it came from, if any.
pub(crate) fn validation_error(issues: Vec<siat_core::Issue>, row: Option<usize>) -> PyErr {
    let summary: Vec<String> = issues
        .iter()
        .filter(|issue| issue.is_error())
        .map(|issue| format!("{} at `{}`", issue.message, display_path(&issue.path)))
        .collect();
    let prefix = row.map(|row| format!("row {row}: ")).unwrap_or_default();
    let message = format!(
        "{prefix}the assessment is not valid: {}",
        summary.join("; ")
    );
    let issues: Vec<Issue> = issues.into_iter().map(Issue::from).collect();
    ValidationError::new_err((message, issues, row))
}

/// Shows an empty JSON Pointer (the whole input) as `/`.
pub(crate) fn display_path(path: &str) -> &str {
    if path.is_empty() {
        "/"
    } else {
        path
    }
}
