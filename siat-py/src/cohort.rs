//! The compiled half of `siat.Cohort`: a set of assessments scored with one
//! template and options, and the comparisons the core computes over it.
//!
//! Results come back as the dicts and lists of their JSON form; the Python
//! class in `siat/_cohort.py` turns them into objects and DataFrames.

use crate::charts::check_language;
use crate::check::{check_with, read_input, scorecard_of, Input};
use crate::convert::serde_to_py;
use crate::errors::{caller_error, InputError, OptionsError};
use crate::frame::{arrow_assessments, record_assessments};
use crate::options;
use crate::results::{Issue, Scorecard};
use crate::template::Template;
use pyo3::prelude::*;
use pyo3_arrow::input::AnyRecordBatch;
use siat_core::cohort::{Cohort, Rejected, MAX_MEMBERS};
use siat_core::{chart, Options, ReportOptions, Value};
use std::sync::Arc;

/// A cohort scored with one template and options.
#[pyclass(frozen, module = "siat._siat", name = "CohortCore")]
pub(crate) struct CohortCore {
    inner: Cohort,
    template: Arc<siat_core::Template>,
}

/// One input after reading: a value to score, or the issues of text that
/// could not be read.
enum Entry {
    Value(Value),
    Unreadable(Vec<siat_core::Issue>),
}

/// Reads one input as `check` does. JSON text that is too long or not JSON
/// becomes the issues that report it.
fn read_entry(
    input: &Bound<'_, PyAny>,
    template: &siat_core::Template,
    options: &Options,
) -> PyResult<Entry> {
    let text = match read_input(input, options.limits.max_depth)? {
        Input::Value(value) => return Ok(Entry::Value(value)),
        Input::Text(text) => text,
    };
    if text.len() <= options.limits.max_input_bytes {
        if let Ok(value) = Value::from_json(&text) {
            return Ok(Entry::Value(value));
        }
    }
    let report = template
        .check_json(&text, options)
        .map_err(|error| caller_error(input.py(), error))?;
    Ok(Entry::Unreadable(report.issues))
}

/// Scores the entries with the GIL released and keeps the inputs with
/// errors, unreadable ones included, in input order.
fn build(
    py: Python<'_>,
    labels: Vec<String>,
    entries: Vec<Entry>,
    template: Arc<siat_core::Template>,
    options: Options,
) -> PyResult<CohortCore> {
    if labels.len() != entries.len() {
        return Err(InputError::new_err(format!(
            "{} labels were given for {} assessments; give one label per assessment",
            labels.len(),
            entries.len()
        )));
    }

    // The core labels each value by its position, so that members and
    // rejected inputs can be put back in input order with their own labels.
    let mut values = Vec::new();
    let mut unreadable = Vec::new();
    for (position, entry) in entries.into_iter().enumerate() {
        match entry {
            Entry::Value(value) => values.push((position.to_string(), value)),
            Entry::Unreadable(issues) => unreadable.push((position, issues)),
        }
    }
    let outcome = py.detach(|| Cohort::new(&template, values, &options));
    let mut cohort = outcome.map_err(|error| caller_error(py, error))?;

    let label_of = |position: usize| labels.get(position).cloned().unwrap_or_default();
    let position_of = |label: &str| label.parse::<usize>().unwrap_or(usize::MAX);
    for member in &mut cohort.members {
        member.label = label_of(position_of(&member.label));
    }
    let mut rejected: Vec<(usize, Rejected)> = cohort
        .rejected
        .drain(..)
        .map(|entry| {
            let position = position_of(&entry.label);
            let label = label_of(position);
            (
                position,
                Rejected {
                    label,
                    issues: entry.issues,
                },
            )
        })
        .collect();
    rejected.extend(unreadable.into_iter().map(|(position, issues)| {
        (
            position,
            Rejected {
                label: label_of(position),
                issues,
            },
        )
    }));
    rejected.sort_by_key(|(position, _)| *position);
    cohort.rejected = rejected.into_iter().map(|(_, entry)| entry).collect();

    Ok(CohortCore {
        inner: cohort,
        template,
    })
}

/// Gives each of `count` inputs without a label its position: `#1`, `#2`, …
fn position_labels(count: usize) -> Vec<String> {
    (1..=count).map(|position| format!("#{position}")).collect()
}

#[pymethods]
impl CohortCore {
    /// Scores a list of assessments, each a dict, JSON text or a path, as
    /// `siat.check` reads them.
    #[staticmethod]
    #[pyo3(signature = (
        labels, inputs, *, template = None, method = None, min_coverage = None,
        aggregation = "arithmetic", lang = "en", today = None, limits = None
    ))]
    #[allow(
        clippy::too_many_arguments,
        reason = "each argument is a keyword of the Python function"
    )]
    fn from_inputs(
        py: Python<'_>,
        labels: Vec<String>,
        inputs: Vec<Bound<'_, PyAny>>,
        template: Option<&Bound<'_, PyAny>>,
        method: Option<&str>,
        min_coverage: Option<f64>,
        aggregation: &str,
        lang: &str,
        today: Option<&Bound<'_, PyAny>>,
        limits: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<CohortCore> {
        let options = options::build(lang, method, min_coverage, aggregation, today, limits)?;
        let template = Template::resolve(template)?;
        check_size(inputs.len())?;
        let entries = inputs
            .iter()
            .map(|input| read_entry(input, &template, &options))
            .collect::<PyResult<Vec<_>>>()?;
        build(py, labels, entries, template, options)
    }

    /// Scores every row of Arrow data in the wide form; `labels` defaults
    /// to the row positions `#1`, `#2`, …
    #[staticmethod]
    #[pyo3(signature = (
        data, labels = None, *, template = None, method = None, min_coverage = None,
        aggregation = "arithmetic", lang = "en", today = None, limits = None
    ))]
    #[allow(
        clippy::too_many_arguments,
        reason = "each argument is a keyword of the Python function"
    )]
    fn from_arrow(
        py: Python<'_>,
        data: AnyRecordBatch,
        labels: Option<Vec<String>>,
        template: Option<&Bound<'_, PyAny>>,
        method: Option<&str>,
        min_coverage: Option<f64>,
        aggregation: &str,
        lang: &str,
        today: Option<&Bound<'_, PyAny>>,
        limits: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<CohortCore> {
        let options = options::build(lang, method, min_coverage, aggregation, today, limits)?;
        let template = Template::resolve(template)?;
        let values = arrow_assessments(py, data, &template)?;
        check_size(values.len())?;
        let labels = labels.unwrap_or_else(|| position_labels(values.len()));
        let entries = values.into_iter().map(Entry::Value).collect();
        build(py, labels, entries, template, options)
    }

    /// Scores rows of Python objects in the wide form, for tables Arrow
    /// cannot hold; `labels` defaults to the row positions `#1`, `#2`, …
    #[staticmethod]
    #[pyo3(signature = (
        columns, rows, labels = None, *, template = None, method = None, min_coverage = None,
        aggregation = "arithmetic", lang = "en", today = None, limits = None
    ))]
    #[allow(
        clippy::too_many_arguments,
        reason = "each argument is a keyword of the Python function"
    )]
    fn from_records(
        py: Python<'_>,
        columns: Vec<String>,
        rows: &Bound<'_, PyAny>,
        labels: Option<Vec<String>>,
        template: Option<&Bound<'_, PyAny>>,
        method: Option<&str>,
        min_coverage: Option<f64>,
        aggregation: &str,
        lang: &str,
        today: Option<&Bound<'_, PyAny>>,
        limits: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<CohortCore> {
        let options = options::build(lang, method, min_coverage, aggregation, today, limits)?;
        let template = Template::resolve(template)?;
        let values = record_assessments(&columns, rows, &template, options.limits.max_depth)?;
        check_size(values.len())?;
        let labels = labels.unwrap_or_else(|| position_labels(values.len()));
        let entries = values.into_iter().map(Entry::Value).collect();
        build(py, labels, entries, template, options)
    }

    /// The template every member was scored with.
    #[getter]
    fn template(&self) -> Template {
        Template {
            inner: self.template.clone(),
        }
    }

    /// The language the members were scored in.
    #[getter]
    fn lang(&self) -> &str {
        &self.inner.options.lang
    }

    /// Returns the number of valid assessments.
    fn member_count(&self) -> usize {
        self.inner.members.len()
    }

    /// Returns the number of inputs left out because they have errors.
    fn rejected_count(&self) -> usize {
        self.inner.rejected.len()
    }

    /// Lists the valid assessments as `(label, scorecard)`, in input order.
    fn members(&self) -> Vec<(String, Scorecard)> {
        self.inner
            .members
            .iter()
            .map(|member| {
                let scorecard = Scorecard::new(
                    member.scorecard.clone(),
                    self.template.clone(),
                    self.inner.options.lang.clone(),
                );
                (member.label.clone(), scorecard)
            })
            .collect()
    }

    /// Lists the inputs left out as `(label, issues)`, in input order.
    fn rejected(&self) -> Vec<(String, Vec<Issue>)> {
        self.inner
            .rejected
            .iter()
            .map(|entry| {
                let issues = entry.issues.iter().cloned().map(Issue::from).collect();
                (entry.label.clone(), issues)
            })
            .collect()
    }

    /// Returns the statistics of the whole cohort in their JSON form.
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let stats = py.detach(|| self.inner.stats());
        serde_to_py(py, &stats)
    }

    /// Returns the statistics of each group sharing a value of a profile field.
    fn stats_by<'py>(&self, py: Python<'py>, field: &str) -> PyResult<Bound<'py, PyAny>> {
        let groups = py
            .detach(|| self.inner.stats_by(field))
            .map_err(|error| caller_error(py, error))?;
        serde_to_py(py, &groups)
    }

    /// Returns the findings in words; `lang` defaults to the cohort's.
    #[pyo3(signature = (lang = None, group_by = None))]
    fn findings<'py>(
        &self,
        py: Python<'py>,
        lang: Option<&str>,
        group_by: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let lang = lang.unwrap_or(&self.inner.options.lang);
        let findings = py
            .detach(|| self.inner.findings(lang, group_by))
            .map_err(|error| caller_error(py, error))?;
        serde_to_py(py, &findings)
    }

    /// Places an assessment, scored with the cohort's template and options,
    /// or a `Scorecard` of the same template against the cohort.
    fn benchmark<'py>(
        &self,
        py: Python<'py>,
        assessment: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let scorecard = self.scorecard_for(assessment)?;
        serde_to_py(py, &self.inner.benchmark(&scorecard))
    }

    /// Returns the weight sensitivity of every member.
    fn sensitivity<'py>(
        &self,
        py: Python<'py>,
        samples: usize,
        seed: u64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let results = py
            .detach(|| self.inner.sensitivity(samples, seed))
            .map_err(|error| caller_error(py, error))?;
        serde_to_py(py, &results)
    }

    /// Writes the self-contained HTML report.
    #[pyo3(signature = (lang, group_by, samples, seed))]
    fn to_html(
        &self,
        py: Python<'_>,
        lang: Option<&str>,
        group_by: Option<String>,
        samples: usize,
        seed: u64,
    ) -> PyResult<String> {
        let options = ReportOptions {
            lang: lang.unwrap_or(&self.inner.options.lang).to_owned(),
            group_by,
            samples,
            seed,
        };
        py.detach(|| self.inner.to_html(&options))
            .map_err(|error| caller_error(py, error))
    }

    /// Draws the radar chart of the cohort's median and interquartile band,
    /// under one assessment's or scorecard's dimension scores when given.
    #[pyo3(signature = (assessment = None, *, lang = None))]
    fn radar_svg(
        &self,
        py: Python<'_>,
        assessment: Option<&Bound<'_, PyAny>>,
        lang: Option<&str>,
    ) -> PyResult<String> {
        let lang = lang.unwrap_or(&self.inner.options.lang);
        check_language(lang)?;
        let scorecard = assessment
            .filter(|assessment| !assessment.is_none())
            .map(|assessment| self.scorecard_for(assessment))
            .transpose()?;
        let stats = py.detach(|| self.inner.stats());
        Ok(chart::radar(
            &self.template,
            scorecard.as_ref(),
            Some(&stats),
            lang,
        ))
    }

    /// Draws a bar chart of the members' SI index, or of one dimension's
    /// score, highest first.
    #[pyo3(signature = (dimension = None, *, lang = None))]
    fn bars_svg(&self, dimension: Option<&str>, lang: Option<&str>) -> PyResult<String> {
        let lang = lang.unwrap_or(&self.inner.options.lang);
        check_language(lang)?;
        let (title, slot) = match dimension {
            None => (siat_core::i18n::word(lang, "index_by_initiative"), None),
            Some(id) => {
                let Some(slot) = self
                    .template
                    .dimensions
                    .iter()
                    .position(|entry| entry.id == id)
                else {
                    let ids: Vec<&str> = self
                        .template
                        .dimensions
                        .iter()
                        .map(|entry| entry.id.as_str())
                        .collect();
                    return Err(OptionsError::new_err(format!(
                        "the template has no dimension `{id}`; choose one of {}",
                        ids.join(", ")
                    )));
                };
                let label = self
                    .template
                    .dimensions
                    .get(slot)
                    .map(|entry| siat_core::template::localise(&entry.label, lang).to_owned())
                    .unwrap_or_default();
                (label, Some(slot))
            }
        };

        let mut bars: Vec<(String, Option<f64>)> = self
            .inner
            .members
            .iter()
            .map(|member| {
                let name = member
                    .scorecard
                    .name
                    .clone()
                    .unwrap_or_else(|| member.label.clone());
                let score = match slot {
                    None => member.scorecard.index.score,
                    Some(slot) => member
                        .scorecard
                        .dimensions
                        .get(slot)
                        .and_then(|entry| entry.score),
                };
                (name, score)
            })
            .collect();
        // A stable sort keeps cohort order between equal scores; absent scores go last.
        bars.sort_by(|a, b| {
            b.1.unwrap_or(f64::NEG_INFINITY)
                .total_cmp(&a.1.unwrap_or(f64::NEG_INFINITY))
        });
        Ok(chart::bars(&title, &bars, lang))
    }
}

impl CohortCore {
    /// Reads an assessment and scores it with the cohort's template and
    /// options, or takes a `Scorecard` scored with the same template.
    fn scorecard_for(&self, input: &Bound<'_, PyAny>) -> PyResult<siat_core::Scorecard> {
        if let Ok(scorecard) = input.cast::<Scorecard>() {
            let scorecard = &scorecard.get().inner;
            let reference = &scorecard.template;
            if reference.id != self.template.id || reference.version != self.template.version {
                return Err(InputError::new_err(format!(
                    "the scorecard is for template `{}` {}, but the cohort uses `{}` {}; score the assessment with the cohort's template",
                    reference.id, reference.version, self.template.id, self.template.version
                )));
            }
            return Ok(scorecard.clone());
        }

        scorecard_of(check_with(input, &self.template, &self.inner.options)?)
    }
}

/// Raises `siat.OptionsError` for more assessments than one cohort holds.
fn check_size(count: usize) -> PyResult<()> {
    if count > MAX_MEMBERS {
        return Err(OptionsError::new_err(format!(
            "too many assessments: {count} given, the limit is {MAX_MEMBERS}; compare the cohort in parts"
        )));
    }
    Ok(())
}
