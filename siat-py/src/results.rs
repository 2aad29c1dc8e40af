//! The Python classes of what validation and scoring return: issues,
//! scorecards and their parts. Each wraps the core's type and converts its
//! fields on access.

use crate::charts;
use crate::convert::{json_to_py, serde_to_py};
use crate::html;
use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyString};
use std::sync::Arc;

/// Shows a float or `None` the way Python's `repr` does.
fn repr_number(py: Python<'_>, number: Option<f64>) -> String {
    match number {
        None => "None".to_owned(),
        Some(number) => PyFloat::new(py, number)
            .repr()
            .map(|repr| repr.to_string())
            .unwrap_or_else(|_| number.to_string()),
    }
}

/// Shows a string or `None` the way Python's `repr` does.
fn repr_text(py: Python<'_>, text: Option<&str>) -> String {
    match text {
        None => "None".to_owned(),
        Some(text) => PyString::new(py, text)
            .repr()
            .map(|repr| repr.to_string())
            .unwrap_or_else(|_| format!("'{text}'")),
    }
}

/// One validation finding: where it is, its machine code, its severity and
/// a message in the requested language.
#[pyclass(frozen, eq, module = "siat", name = "Issue")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Issue {
    inner: siat_core::Issue,
}

impl From<siat_core::Issue> for Issue {
    fn from(inner: siat_core::Issue) -> Issue {
        Issue { inner }
    }
}

#[pymethods]
impl Issue {
    /// JSON Pointer to the value concerned, e.g. `/answers/organic_share`;
    /// the empty string for the whole input.
    #[getter]
    fn path(&self) -> &str {
        &self.inner.path
    }

    /// The machine code, one of `siat.ISSUE_CODES`.
    #[getter]
    fn code(&self) -> &'static str {
        self.inner.code.as_str()
    }

    /// `"error"` (blocks scoring) or `"warning"`.
    #[getter]
    fn severity(&self) -> &'static str {
        severity_name(self.inner.severity)
    }

    /// The message, naming the value and what is allowed.
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }

    /// The facts the message states, such as `value`, `min` and `max`.
    #[getter]
    fn params<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (key, value) in &self.inner.params {
            dict.set_item(key, json_to_py(py, value)?)?;
        }
        Ok(dict)
    }

    /// Returns the issue as a dict with the keys `path`, `code`,
    /// `severity`, `message` and `params`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serde_to_py(py, &self.inner)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Issue(code={}, path={}, severity={}, message={})",
            repr_text(py, Some(self.code())),
            repr_text(py, Some(&self.inner.path)),
            repr_text(py, Some(self.severity())),
            repr_text(py, Some(&self.inner.message)),
        )
    }

    fn __str__(&self) -> String {
        format!(
            "{}: {} at `{}` ({})",
            self.severity(),
            self.inner.message,
            crate::errors::display_path(&self.inner.path),
            self.code()
        )
    }
}

/// Names a severity as the JSON form does.
pub(crate) fn severity_name(severity: siat_core::Severity) -> &'static str {
    match severity {
        siat_core::Severity::Error => "error",
        siat_core::Severity::Warning => "warning",
    }
}

/// The result for one dimension.
#[pyclass(frozen, eq, module = "siat", name = "DimensionScore")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DimensionScore {
    inner: siat_core::DimensionScore,
}

#[pymethods]
impl DimensionScore {
    /// Dimension id, e.g. `economic`.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// Points 0–100, or `None` when the coverage is below the minimum.
    #[getter]
    fn score(&self) -> Option<f64> {
        self.inner.score
    }

    /// Answered share (0–1, by indicator weight) of the applicable indicators.
    #[getter]
    fn coverage(&self) -> f64 {
        self.inner.coverage
    }

    /// Weight of the dimension in the index (0–1; the weights sum to 1).
    #[getter]
    fn weight(&self) -> f64 {
        self.inner.weight
    }

    /// Id of the level the score falls in, or `None` without a score.
    #[getter]
    fn level(&self) -> Option<&str> {
        self.inner.level.as_deref()
    }

    /// weight·(100 − score), or `None` without a score.
    #[getter]
    fn priority_gap(&self) -> Option<f64> {
        self.inner.priority_gap
    }

    /// Returns the result as a dict, as in the scorecard's JSON form.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serde_to_py(py, &self.inner)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "DimensionScore(id={}, score={}, level={}, coverage={}, weight={})",
            repr_text(py, Some(&self.inner.id)),
            repr_number(py, self.inner.score),
            repr_text(py, self.inner.level.as_deref()),
            repr_number(py, Some(self.inner.coverage)),
            repr_number(py, Some(self.inner.weight)),
        )
    }
}

/// The result for one indicator.
#[pyclass(frozen, eq, module = "siat", name = "IndicatorScore")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct IndicatorScore {
    inner: siat_core::IndicatorScore,
}

#[pymethods]
impl IndicatorScore {
    /// Indicator id, e.g. `organic_share`.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// Id of the dimension the indicator belongs to.
    #[getter]
    fn dimension(&self) -> &str {
        &self.inner.dimension
    }

    /// Points 0–100, or `None` unless answered.
    #[getter]
    fn score(&self) -> Option<f64> {
        self.inner.score
    }

    /// `"answered"`, `"unanswered"` or `"not_applicable"`.
    #[getter]
    fn status(&self) -> &'static str {
        match self.inner.status {
            siat_core::Status::Answered => "answered",
            siat_core::Status::Unanswered => "unanswered",
            siat_core::Status::NotApplicable => "not_applicable",
        }
    }

    /// Returns the result as a dict, as in the scorecard's JSON form.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serde_to_py(py, &self.inner)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "IndicatorScore(id={}, score={}, status={})",
            repr_text(py, Some(&self.inner.id)),
            repr_number(py, self.inner.score),
            repr_text(py, Some(self.status())),
        )
    }
}

/// Everything scoring returns for one assessment.
#[pyclass(frozen, eq, module = "siat", name = "Scorecard")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Scorecard {
    pub(crate) inner: siat_core::Scorecard,
    /// The template it was scored with, for charts and advice.
    pub(crate) template: Arc<siat_core::Template>,
    /// The language of its messages, the default of its charts and advice.
    pub(crate) lang: String,
}

impl Scorecard {
    pub(crate) fn new(
        inner: siat_core::Scorecard,
        template: Arc<siat_core::Template>,
        lang: String,
    ) -> Scorecard {
        Scorecard {
            inner,
            template,
            lang,
        }
    }
}

#[pymethods]
impl Scorecard {
    /// The SI index, points 0–100, or `None` unless every dimension is scored.
    #[getter]
    fn index(&self) -> Option<f64> {
        self.inner.index.score
    }

    /// Id of the level the index falls in, e.g. `established`, or `None`.
    #[getter]
    fn index_level(&self) -> Option<&str> {
        self.inner.index.level.as_deref()
    }

    /// The initiative's name from its profile.
    #[getter]
    fn name(&self) -> Option<&str> {
        self.inner.name.as_deref()
    }

    /// The template scored with, as `{"id": ..., "version": ...}`.
    #[getter]
    fn template<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serde_to_py(py, &self.inner.template)
    }

    /// The weighting method that produced the dimension weights.
    #[getter]
    fn weighting(&self) -> &'static str {
        self.inner.weighting.as_str()
    }

    /// How the dimension scores were combined: `arithmetic` or `geometric`.
    #[getter]
    fn aggregation(&self) -> &'static str {
        self.inner.aggregation.as_str()
    }

    /// Coverage (0–1) a dimension needed to be scored.
    #[getter]
    fn min_coverage(&self) -> f64 {
        self.inner.min_coverage
    }

    /// One result per dimension, in template order.
    #[getter]
    fn dimensions(&self) -> Vec<DimensionScore> {
        self.inner
            .dimensions
            .iter()
            .map(|inner| DimensionScore {
                inner: inner.clone(),
            })
            .collect()
    }

    /// One result per indicator, in template order.
    #[getter]
    fn indicators(&self) -> Vec<IndicatorScore> {
        self.inner
            .indicators
            .iter()
            .map(|inner| IndicatorScore {
                inner: inner.clone(),
            })
            .collect()
    }

    /// The warnings found while validating and scoring.
    #[getter]
    fn issues(&self) -> Vec<Issue> {
        self.inner.issues.iter().cloned().map(Issue::from).collect()
    }

    /// Finds a dimension's result by id; raises `KeyError` for an unknown id.
    fn dimension(&self, id: &str) -> PyResult<DimensionScore> {
        self.inner
            .dimension(id)
            .map(|inner| DimensionScore {
                inner: inner.clone(),
            })
            .ok_or_else(|| PyKeyError::new_err(id.to_owned()))
    }

    /// Finds an indicator's result by id; raises `KeyError` for an unknown id.
    fn indicator(&self, id: &str) -> PyResult<IndicatorScore> {
        self.inner
            .indicator(id)
            .map(|inner| IndicatorScore {
                inner: inner.clone(),
            })
            .ok_or_else(|| PyKeyError::new_err(id.to_owned()))
    }

    /// Returns the scorecard as nested dicts and lists, the shape of its JSON form.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serde_to_py(py, &self.inner)
    }

    /// Writes the scorecard as pretty-printed JSON, the same text the Rust
    /// library and the `siat` command write.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// Draws the radar chart of the dimension scores as SVG text, over the
    /// median and interquartile band of `cohort` when given.
    ///
    /// `cohort` is a `siat.Cohort` scored with the same template; `lang`
    /// sets the labels and defaults to the language the scorecard was
    /// scored in.
    #[pyo3(signature = (cohort = None, *, lang = None))]
    fn radar_svg(
        slf: &Bound<'_, Self>,
        cohort: Option<&Bound<'_, PyAny>>,
        lang: Option<&str>,
    ) -> PyResult<String> {
        if let Some(cohort) = cohort.filter(|cohort| !cohort.is_none()) {
            let keywords = PyDict::new(slf.py());
            keywords.set_item("lang", lang)?;
            return cohort
                .call_method("radar_svg", (slf,), Some(&keywords))?
                .extract();
        }
        let card = slf.get();
        let lang = lang.unwrap_or(&card.lang);
        charts::check_language(lang)?;
        Ok(siat_core::chart::radar(
            &card.template,
            Some(&card.inner),
            None,
            lang,
        ))
    }

    /// Renders the radar chart and a compact HTML table for Jupyter.
    fn _repr_html_(&self) -> String {
        let radar = siat_core::chart::radar(&self.template, Some(&self.inner), None, &self.lang);
        html::scorecard(&self.inner, &radar)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Scorecard(name={}, index={}, index_level={})",
            repr_text(py, self.inner.name.as_deref()),
            repr_number(py, self.inner.index.score),
            repr_text(py, self.inner.index.level.as_deref()),
        )
    }
}

/// The outcome of checking one assessment: whether it is valid, every issue,
/// and the scorecard when there are no errors.
#[pyclass(frozen, module = "siat", name = "Report")]
#[derive(Debug, Clone)]
pub(crate) struct Report {
    inner: siat_core::Report,
    template: Arc<siat_core::Template>,
    lang: String,
}

impl Report {
    pub(crate) fn new(
        inner: siat_core::Report,
        template: Arc<siat_core::Template>,
        lang: String,
    ) -> Report {
        Report {
            inner,
            template,
            lang,
        }
    }
}

#[pymethods]
impl Report {
    /// Whether the assessment has no errors (warnings are allowed).
    #[getter]
    fn valid(&self) -> bool {
        self.inner.valid
    }

    /// Every issue, errors and warnings.
    #[getter]
    fn issues(&self) -> Vec<Issue> {
        self.inner.issues.iter().cloned().map(Issue::from).collect()
    }

    /// The scorecard, or `None` when the assessment has errors.
    #[getter]
    fn scorecard(&self) -> Option<Scorecard> {
        self.inner
            .scorecard
            .clone()
            .map(|inner| Scorecard::new(inner, self.template.clone(), self.lang.clone()))
    }

    /// Returns the report as nested dicts: `valid`, `issues`, `scorecard`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serde_to_py(py, &self.inner)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let errors = self
            .inner
            .issues
            .iter()
            .filter(|issue| issue.is_error())
            .count();
        let warnings = self.inner.issues.len() - errors;
        let index = self
            .inner
            .scorecard
            .as_ref()
            .and_then(|scorecard| scorecard.index.score);
        format!(
            "Report(valid={}, errors={errors}, warnings={warnings}, index={})",
            if self.inner.valid { "True" } else { "False" },
            repr_number(py, index),
        )
    }
}
