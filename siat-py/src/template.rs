//! The `Template` class: the questionnaire definition, for scoring and for
//! building forms.

use crate::convert::{json_to_py, serde_to_py};
use crate::errors::{template_error_to_py, InputError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString, PyType};
use std::sync::{Arc, OnceLock};

/// A questionnaire definition: profile fields, dimensions, indicators,
/// scoring rules and levels.
#[pyclass(frozen, eq, module = "siat", name = "Template")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Template {
    pub(crate) inner: Arc<siat_core::Template>,
}

impl Template {
    fn shared_builtin() -> Arc<siat_core::Template> {
        static BUILTIN: OnceLock<Arc<siat_core::Template>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| Arc::new(siat_core::Template::builtin().clone()))
            .clone()
    }

    /// Reads the `template` argument of the module's functions: `None` for
    /// the built-in template, a `Template`, or what `Template.from_json` reads.
    pub(crate) fn resolve(
        argument: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Arc<siat_core::Template>> {
        match argument {
            None => Ok(Template::shared_builtin()),
            Some(object) if object.is_none() => Ok(Template::shared_builtin()),
            Some(object) => match object.cast::<Template>() {
                Ok(template) => Ok(template.get().inner.clone()),
                Err(_) => Template::from_source(object).map(|template| template.inner),
            },
        }
    }

    fn from_source(source: &Bound<'_, PyAny>) -> PyResult<Template> {
        let text = read_source(source, "template")?;
        let inner = siat_core::Template::from_json(&text)
            .map_err(|error| template_error_to_py(source.py(), &error))?;
        Ok(Template {
            inner: Arc::new(inner),
        })
    }
}

/// Reads JSON text from a `str` or a path.
///
/// A `str` whose first character after white space is `{` is JSON text;
/// any other `str`, and any `os.PathLike`, names a UTF-8 file, read as it
/// is, as the `siat` command reads it. File errors are Python's own
/// (`FileNotFoundError` and the like). Raises `siat.InputError` for a file
/// that is not UTF-8, a `str` with a lone surrogate, and other types;
/// `what` names the argument in its message.
pub(crate) fn read_source(source: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    if let Ok(text) = source.cast::<PyString>() {
        let text = text.to_cow().map_err(|_| {
            InputError::new_err(format!(
                "the {what} is not valid Unicode text: it has a lone surrogate"
            ))
        })?;
        if text.trim_start().starts_with('{') {
            return Ok(text.into_owned());
        }
    } else if !source.hasattr("__fspath__")? {
        let type_name = source.get_type().name()?;
        return Err(InputError::new_err(format!(
            "the {what} must be a JSON string or a path, not `{type_name}`"
        )));
    }

    let py = source.py();
    let path = py.import("pathlib")?.getattr("Path")?.call1((source,))?;
    let bytes = path.call_method0("read_bytes")?;
    let bytes = bytes.cast::<PyBytes>()?.as_bytes().to_vec();
    String::from_utf8(bytes).map_err(|error| {
        let shown = path.str().map(|name| name.to_string()).unwrap_or_default();
        InputError::new_err(format!(
            "the {what} file `{shown}` is not UTF-8 text: {error}; convert it to UTF-8 first"
        ))
    })
}

#[pymethods]
impl Template {
    /// Returns the built-in `siat` 1.0 template.
    #[staticmethod]
    fn builtin() -> Template {
        Template {
            inner: Template::shared_builtin(),
        }
    }

    /// Reads and checks a template from JSON text or a file.
    ///
    /// A `str` whose first character after white space is `{` is JSON text;
    /// any other `str` or `os.PathLike` is a path. Raises
    /// `siat.TemplateError` listing every problem of an invalid template.
    #[classmethod]
    fn from_json(_class: &Bound<'_, PyType>, source: &Bound<'_, PyAny>) -> PyResult<Template> {
        Template::from_source(source)
    }

    /// Template id that assessments name, e.g. `siat`.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// Template version that assessments name, e.g. `1.0`.
    #[getter]
    fn version(&self) -> &str {
        &self.inner.version
    }

    /// Language codes the labels are given in; the first is the default.
    #[getter]
    fn languages(&self) -> Vec<String> {
        self.inner.languages.clone()
    }

    /// Title of the questionnaire, keyed by language code.
    #[getter]
    fn title<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serde_to_py(py, &self.inner.title)
    }

    /// Share (0–1) of a dimension that must be answered for it to be scored.
    #[getter]
    fn min_coverage(&self) -> f64 {
        self.inner.min_coverage
    }

    /// The score bands, lowest first, as dicts with `id`, `min`, `max`, `label`.
    #[getter]
    fn levels<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serde_to_py(py, &self.inner.levels)
    }

    /// The profile fields, as dicts in the template file's form.
    #[getter]
    fn profile<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serde_to_py(py, &self.inner.profile)
    }

    /// The dimensions in report order, as dicts with `id`, `label` and `description`.
    #[getter]
    fn dimensions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serde_to_py(py, &self.inner.dimensions)
    }

    /// The indicators in report order, as dicts in the template file's form:
    /// `id`, `dimension`, `type`, `label`, and where set `help`, `weight`,
    /// `na_allowed`, `rule`, `target`, `min`, `max`, `invert`, `options`.
    #[getter]
    fn indicators<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serde_to_py(py, &self.inner.indicators)
    }

    /// Generates the JSON Schema (draft 2020-12) of assessments for this
    /// template, as a dict: its indicators, options and limits. It cannot
    /// express rules across fields, which validation still checks.
    fn assessment_schema<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.inner.assessment_schema())
    }

    /// Writes the template as pretty-printed JSON, which `from_json` reads back.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// Returns the whole template as nested dicts and lists.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serde_to_py(py, &*self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "Template(id={:?}, version={:?}, dimensions={}, indicators={})",
            self.inner.id,
            self.inner.version,
            self.inner.dimensions.len(),
            self.inner.indicators.len()
        )
    }
}
