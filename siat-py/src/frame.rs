//! Batch checking of tables in the wide form (see `wide`): from Arrow data
//! or from rows of Python objects, scored with the GIL released.

use crate::arrow::column_values;
use crate::convert::{to_value, Missing};
use crate::errors::{caller_error, validation_error, InputError, OptionsError};
use crate::options;
use crate::results::severity_name;
use crate::template::Template;
use crate::wide;
use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int64Type};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Float64Array, Int64Array, ListArray, RecordBatch, StringArray,
    StructArray,
};
use arrow_buffer::OffsetBuffer;
use arrow_schema::{ArrowError, DataType, Field, Fields, Schema};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use pyo3_arrow::input::AnyRecordBatch;
use pyo3_arrow::PyTable;
use siat_core::{Report, Value};
use std::sync::Arc;

/// One row's assessment as read, and the outcome of checking it.
type Checked = (Value, Result<Report, siat_core::SiatError>);

/// The result of a batch check: one row of scores per input row, and one
/// row per issue.
#[pyclass(frozen, module = "siat._siat", name = "FrameResult")]
pub(crate) struct FrameResult {
    scores: RecordBatch,
    issues: RecordBatch,
}

#[pymethods]
impl FrameResult {
    /// Returns the scores as an Arrow table (an object with `__arrow_c_stream__`).
    fn scores_arrow(&self) -> PyResult<PyTable> {
        PyTable::try_new(vec![self.scores.clone()], self.scores.schema())
    }

    /// Returns the issues as an Arrow table (an object with `__arrow_c_stream__`).
    fn issues_arrow(&self) -> PyResult<PyTable> {
        PyTable::try_new(vec![self.issues.clone()], self.issues.schema())
    }

    /// Returns the scores as a dict of column name → list of Python values.
    fn scores_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        batch_to_columns(py, &self.scores)
    }

    /// Returns the issues as a dict of column name → list of Python values.
    fn issues_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        batch_to_columns(py, &self.issues)
    }
}

/// The `errors` argument of `score_frame`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OnError {
    /// Bad rows get empty scores and their issues.
    Report,
    /// The first bad row raises `siat.ValidationError`.
    Raise,
}

fn on_error(errors: &str) -> PyResult<OnError> {
    match errors {
        "report" => Ok(OnError::Report),
        "raise" => Ok(OnError::Raise),
        other => Err(OptionsError::new_err(format!(
            "errors `{other}` is not an option; give `report` or `raise`"
        ))),
    }
}

/// Checks every row of Arrow data in the wide form.
///
/// `data` is any object with `__arrow_c_stream__` or `__arrow_c_array__`
/// (a pyarrow or polars table, a record batch, a stream). The data is read
/// from the stream with the GIL held, then converted and scored without it.
#[pyfunction]
#[pyo3(signature = (
    data, *, template = None, method = None, min_coverage = None,
    aggregation = "arithmetic", lang = "en", today = None, limits = None, errors = "report"
))]
#[allow(
    clippy::too_many_arguments,
    reason = "each argument is a keyword of the Python function"
)]
pub(crate) fn check_arrow(
    py: Python<'_>,
    data: AnyRecordBatch,
    template: Option<&Bound<'_, PyAny>>,
    method: Option<&str>,
    min_coverage: Option<f64>,
    aggregation: &str,
    lang: &str,
    today: Option<&Bound<'_, PyAny>>,
    limits: Option<&Bound<'_, PyAny>>,
    errors: &str,
) -> PyResult<FrameResult> {
    let options = options::build(lang, method, min_coverage, aggregation, today, limits)?;
    let on_error = on_error(errors)?;
    let template = Template::resolve(template)?;
    let inputs = arrow_assessments(py, data, &template)?;
    let checked = py.detach(|| check_all(inputs, &template, &options));
    finish(py, checked, &template, on_error)
}

/// Checks rows of Python objects in the wide form. This is the slow path,
/// for tables that Arrow cannot hold, such as pandas object columns that mix
/// numbers and the text `"n/a"`.
///
/// `rows` is an iterable of sequences, each with one cell per column name.
#[pyfunction]
#[pyo3(signature = (
    columns, rows, *, template = None, method = None, min_coverage = None,
    aggregation = "arithmetic", lang = "en", today = None, limits = None, errors = "report"
))]
#[allow(
    clippy::too_many_arguments,
    reason = "each argument is a keyword of the Python function"
)]
pub(crate) fn check_records(
    py: Python<'_>,
    columns: Vec<String>,
    rows: &Bound<'_, PyAny>,
    template: Option<&Bound<'_, PyAny>>,
    method: Option<&str>,
    min_coverage: Option<f64>,
    aggregation: &str,
    lang: &str,
    today: Option<&Bound<'_, PyAny>>,
    limits: Option<&Bound<'_, PyAny>>,
    errors: &str,
) -> PyResult<FrameResult> {
    let options = options::build(lang, method, min_coverage, aggregation, today, limits)?;
    let on_error = on_error(errors)?;
    let template = Template::resolve(template)?;
    let inputs = record_assessments(&columns, rows, &template, options.limits.max_depth)?;
    let checked = py.detach(|| check_all(inputs, &template, &options));
    finish(py, checked, &template, on_error)
}

fn check_all(
    inputs: Vec<Value>,
    template: &siat_core::Template,
    options: &siat_core::Options,
) -> Vec<Checked> {
    inputs
        .into_iter()
        .map(|input| {
            let report = template.check(&input, options);
            (input, report)
        })
        .collect()
}

/// Reads every row of Arrow data in the wide form as an assessment value,
/// with the GIL released once the data is read from the stream.
pub(crate) fn arrow_assessments(
    py: Python<'_>,
    data: AnyRecordBatch,
    template: &siat_core::Template,
) -> PyResult<Vec<Value>> {
    let (batches, schema) = data.into_table()?.into_inner();
    let names: Vec<String> = schema
        .fields()
        .iter()
        .map(|field| field.name().clone())
        .collect();
    let columns = wide::parse_columns(&names).map_err(InputError::new_err)?;

    let outcome = py.detach(|| -> Result<Vec<Value>, String> {
        // Arrow data from outside is checked in full before it is read: pyarrow
        // 26.0.1 can build a string array with bytes that are not UTF-8 from
        // a pandas column that mixes text and bytes.
        for batch in &batches {
            for (name, column) in names.iter().zip(batch.columns()) {
                column.to_data().validate_full().map_err(|error| {
                    format!("the column `{name}` is not valid Arrow data: {error}")
                })?;
            }
        }

        let mut inputs = Vec::new();
        for batch in &batches {
            for row in arrow_rows(batch, &names)? {
                inputs.push(wide::assessment(
                    &columns,
                    row,
                    &template.id,
                    &template.version,
                ));
            }
        }
        Ok(inputs)
    });
    outcome.map_err(InputError::new_err)
}

/// Reads rows of Python objects in the wide form as assessment values;
/// `max_depth` is the nesting limit of the options.
pub(crate) fn record_assessments(
    columns: &[String],
    rows: &Bound<'_, PyAny>,
    template: &siat_core::Template,
    max_depth: usize,
) -> PyResult<Vec<Value>> {
    let parsed = wide::parse_columns(columns).map_err(InputError::new_err)?;

    let mut inputs = Vec::new();
    for (position, row) in rows.try_iter()?.enumerate() {
        let row: Vec<Bound<'_, PyAny>> = row?.try_iter()?.collect::<PyResult<_>>()?;
        if row.len() != columns.len() {
            return Err(InputError::new_err(format!(
                "row {position} has {} cells for {} columns; give one cell per column",
                row.len(),
                columns.len()
            )));
        }
        let mut cells = Vec::with_capacity(columns.len());
        for (name, cell) in columns.iter().zip(&row) {
            let context = format!("row {position}, column `{name}`");
            cells.push(to_value(
                cell,
                Missing::Unanswered,
                Some(&context),
                max_depth,
            )?);
        }
        inputs.push(wide::assessment(
            &parsed,
            cells,
            &template.id,
            &template.version,
        ));
    }
    Ok(inputs)
}

/// Converts one record batch to rows of cells.
fn arrow_rows(batch: &RecordBatch, names: &[String]) -> Result<Vec<Vec<Value>>, String> {
    let mut columns = Vec::with_capacity(batch.num_columns());
    for (name, array) in names.iter().zip(batch.columns()) {
        let values = column_values(array.as_ref(), Missing::Unanswered)
            .map_err(|error| format!("the column `{name}` {error}"))?;
        columns.push(values.into_iter());
    }
    let mut rows = Vec::with_capacity(batch.num_rows());
    for _ in 0..batch.num_rows() {
        rows.push(
            columns
                .iter_mut()
                .map(|column| column.next().unwrap_or_default())
                .collect(),
        );
    }
    Ok(rows)
}

/// Builds the result tables, or raises for the first invalid row when asked.
fn finish(
    py: Python<'_>,
    checked: Vec<Checked>,
    template: &siat_core::Template,
    on_error: OnError,
) -> PyResult<FrameResult> {
    let mut rows = Vec::with_capacity(checked.len());
    for (position, (input, report)) in checked.into_iter().enumerate() {
        let report = report.map_err(|error| caller_error(py, error))?;
        if on_error == OnError::Raise && !report.valid {
            return Err(validation_error(report.issues, Some(position)));
        }
        rows.push((profile_name(&input), report));
    }

    let scores = scores_batch(&rows, template).map_err(arrow_failure)?;
    let issues = issues_batch(&rows).map_err(arrow_failure)?;
    Ok(FrameResult { scores, issues })
}

fn arrow_failure(error: ArrowError) -> PyErr {
    pyo3::exceptions::PyRuntimeError::new_err(format!("cannot build the result table: {error}"))
}

/// Returns the profile name a row gives, so that invalid rows are named too.
fn profile_name(input: &Value) -> Option<String> {
    input
        .as_object()?
        .get("profile")?
        .as_object()?
        .get("name")?
        .as_str()
        .map(str::to_owned)
}

/// Builds the scores table: `name`, `valid`, `index`, `index_level`,
/// `weighting`, then `score.<dimension>`, `level.<dimension>`,
/// `coverage.<dimension>`, `weight.<dimension>` and
/// `priority_gap.<dimension>` in template order, then `issues`.
fn scores_batch(
    rows: &[(Option<String>, Report)],
    template: &siat_core::Template,
) -> Result<RecordBatch, ArrowError> {
    let mut fields = Vec::new();
    let mut arrays: Vec<ArrayRef> = Vec::new();
    let scorecards: Vec<Option<&siat_core::Scorecard>> = rows
        .iter()
        .map(|(_, report)| report.scorecard.as_ref())
        .collect();

    let names: Vec<Option<String>> = rows.iter().map(|(name, _)| name.clone()).collect();
    push(
        &mut fields,
        &mut arrays,
        "name",
        Arc::new(StringArray::from(names)),
    );
    let valid: Vec<bool> = rows.iter().map(|(_, report)| report.valid).collect();
    push(
        &mut fields,
        &mut arrays,
        "valid",
        Arc::new(BooleanArray::from(valid)),
    );
    let index: Vec<Option<f64>> = scorecards
        .iter()
        .map(|card| card.and_then(|card| card.index.score))
        .collect();
    push(
        &mut fields,
        &mut arrays,
        "index",
        Arc::new(Float64Array::from(index)),
    );
    let level: Vec<Option<String>> = scorecards
        .iter()
        .map(|card| card.and_then(|card| card.index.level.clone()))
        .collect();
    push(
        &mut fields,
        &mut arrays,
        "index_level",
        Arc::new(StringArray::from(level)),
    );
    let weighting: Vec<Option<&str>> = scorecards
        .iter()
        .map(|card| card.map(|card| card.weighting.as_str()))
        .collect();
    push(
        &mut fields,
        &mut arrays,
        "weighting",
        Arc::new(StringArray::from(weighting)),
    );

    let dimension = |card: Option<&&siat_core::Scorecard>, id: &str| {
        card.and_then(|card| card.dimension(id)).cloned()
    };
    for id in template
        .dimensions
        .iter()
        .map(|dimension| dimension.id.as_str())
    {
        let results: Vec<_> = scorecards
            .iter()
            .map(|card| dimension(card.as_ref(), id))
            .collect();
        let numbers = |read: fn(&siat_core::DimensionScore) -> Option<f64>| -> ArrayRef {
            Arc::new(Float64Array::from(
                results
                    .iter()
                    .map(|result| result.as_ref().and_then(read))
                    .collect::<Vec<_>>(),
            ))
        };
        push(
            &mut fields,
            &mut arrays,
            &format!("score.{id}"),
            numbers(|result| result.score),
        );
        let levels: Vec<Option<String>> = results
            .iter()
            .map(|result| result.as_ref().and_then(|result| result.level.clone()))
            .collect();
        push(
            &mut fields,
            &mut arrays,
            &format!("level.{id}"),
            Arc::new(StringArray::from(levels)),
        );
        push(
            &mut fields,
            &mut arrays,
            &format!("coverage.{id}"),
            numbers(|result| Some(result.coverage)),
        );
        push(
            &mut fields,
            &mut arrays,
            &format!("weight.{id}"),
            numbers(|result| Some(result.weight)),
        );
        push(
            &mut fields,
            &mut arrays,
            &format!("priority_gap.{id}"),
            numbers(|result| result.priority_gap),
        );
    }

    let lengths = rows.iter().map(|(_, report)| report.issues.len());
    let all_issues: Vec<&siat_core::Issue> = rows
        .iter()
        .flat_map(|(_, report)| report.issues.iter())
        .collect();
    let flat = issue_struct(&all_issues)?;
    let item = Arc::new(Field::new("item", flat.data_type().clone(), false));
    let list = ListArray::try_new(
        item,
        OffsetBuffer::<i32>::from_lengths(lengths),
        Arc::new(flat),
        None,
    )?;
    push(&mut fields, &mut arrays, "issues", Arc::new(list));

    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)
}

/// Builds the issues table: `row` (position from 0), `path`, `code`,
/// `severity`, `message`.
fn issues_batch(rows: &[(Option<String>, Report)]) -> Result<RecordBatch, ArrowError> {
    let mut positions = Vec::new();
    let mut issues = Vec::new();
    for (position, (_, report)) in rows.iter().enumerate() {
        for issue in &report.issues {
            positions.push(i64::try_from(position).unwrap_or(i64::MAX));
            issues.push(issue);
        }
    }
    let flat = issue_struct(&issues)?;
    let mut fields = vec![Field::new("row", DataType::Int64, false)];
    fields.extend(flat.fields().iter().map(|field| field.as_ref().clone()));
    let mut arrays: Vec<ArrayRef> = vec![Arc::new(Int64Array::from(positions))];
    arrays.extend(flat.columns().iter().cloned());
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)
}

fn issue_struct(issues: &[&siat_core::Issue]) -> Result<StructArray, ArrowError> {
    let text = |read: fn(&siat_core::Issue) -> &str| -> ArrayRef {
        Arc::new(StringArray::from(
            issues.iter().map(|issue| read(issue)).collect::<Vec<_>>(),
        ))
    };
    let fields = Fields::from(
        ["path", "code", "severity", "message"]
            .map(|name| Field::new(name, DataType::Utf8, false))
            .to_vec(),
    );
    let columns = vec![
        text(|issue| &issue.path),
        text(|issue| issue.code.as_str()),
        text(|issue| severity_name(issue.severity)),
        text(|issue| &issue.message),
    ];
    StructArray::try_new(fields, columns, None)
}

fn push(fields: &mut Vec<Field>, arrays: &mut Vec<ArrayRef>, name: &str, array: ArrayRef) {
    fields.push(Field::new(name, array.data_type().clone(), true));
    arrays.push(array);
}

/// Converts a result table to a dict of column name → list, for callers
/// without pyarrow.
fn batch_to_columns<'py>(py: Python<'py>, batch: &RecordBatch) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (field, array) in batch.schema().fields().iter().zip(batch.columns()) {
        dict.set_item(field.name(), array_to_list(py, array.as_ref())?)?;
    }
    Ok(dict)
}

/// Converts one of the result table's columns to a Python list: the types
/// are the few that `scores_batch` and `issues_batch` write.
fn array_to_list<'py>(py: Python<'py>, array: &dyn Array) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for row in 0..array.len() {
        if array.is_null(row) {
            list.append(py.None())?;
            continue;
        }
        if let Some(numbers) = array.as_primitive_opt::<Float64Type>() {
            list.append(numbers.value(row))?;
        } else if let Some(numbers) = array.as_primitive_opt::<Int64Type>() {
            list.append(numbers.value(row))?;
        } else if let Some(flags) = array.as_boolean_opt() {
            list.append(flags.value(row))?;
        } else if let Some(strings) = array.as_string_opt::<i32>() {
            list.append(strings.value(row))?;
        } else if let Some(lists) = array.as_list_opt::<i32>() {
            list.append(array_to_list(py, lists.value(row).as_ref())?)?;
        } else if let Some(structs) = array.as_struct_opt() {
            let entry = PyDict::new(py);
            for (field, column) in structs.fields().iter().zip(structs.columns()) {
                let value = array_to_list(py, column.slice(row, 1).as_ref())?;
                entry.set_item(field.name(), value.get_item(0)?)?;
            }
            list.append(entry)?;
        } else {
            return Err(pyo3::exceptions::PyRuntimeError::new_err(format!(
                "result column of type `{}` has no Python conversion",
                array.data_type()
            )));
        }
    }
    Ok(list)
}
