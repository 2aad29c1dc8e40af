//! Conversions between Python objects and the core's values.
//!
//! Python objects become [`Value`]s directly, without a detour through JSON
//! text, so NaN and the infinities survive and validation reports them as
//! `not_finite`.

use crate::errors::InputError;
use indexmap::IndexMap;
use pyo3::exceptions::PyOverflowError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple, PyType};
use siat_core::Value;

/// Deepest nesting of lists and objects an input may have. Assessments nest
/// four levels deep; the limit stops self-containing lists and dicts.
const MAX_DEPTH: usize = 64;

/// The reading of missing values in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Missing {
    /// A single assessment: `None` is `null`, and NaN stays a number so that
    /// validation reports it.
    Kept,
    /// A table cell: `None`, NaN, `pd.NA` and `pd.NaT` all mean unanswered,
    /// and object entries that are missing are left out.
    Unanswered,
}

/// A conversion failure.
enum Failure {
    /// A value with no JSON counterpart, with the JSON Pointer segments from
    /// the value up to the root.
    Unconvertible {
        segments: Vec<String>,
        message: String,
    },
    /// An exception that Python code raised during the conversion, such as a
    /// mapping's `items()`; it reaches the caller unchanged.
    Raised(PyErr),
}

impl Failure {
    fn new(message: String) -> Failure {
        Failure::Unconvertible {
            segments: Vec::new(),
            message,
        }
    }

    fn within(mut self, segment: impl Into<String>) -> Failure {
        if let Failure::Unconvertible { segments, .. } = &mut self {
            segments.push(segment.into());
        }
        self
    }

    fn into_pyerr(self, context: Option<&str>) -> PyErr {
        let (segments, message) = match self {
            Failure::Unconvertible { segments, message } => (segments, message),
            Failure::Raised(error) => return error,
        };
        let mut path = String::new();
        for segment in segments.iter().rev() {
            path.push('/');
            path.push_str(&segment.replace('~', "~0").replace('/', "~1"));
        }
        let shown = if path.is_empty() { "/" } else { path.as_str() };
        let context = context
            .map(|context| format!(" in {context}"))
            .unwrap_or_default();
        InputError::new_err(format!("{message} at `{shown}`{context}"))
    }
}

impl From<PyErr> for Failure {
    fn from(error: PyErr) -> Failure {
        Failure::Raised(error)
    }
}

/// Converts a Python object to an input value.
///
/// `context` names where the object came from, such as a table cell, for
/// error messages. Raises `siat.InputError` for objects with no JSON
/// counterpart, such as sets, dict keys that are not strings, or nesting
/// deeper than 64 levels.
pub(crate) fn to_value(
    object: &Bound<'_, PyAny>,
    missing: Missing,
    context: Option<&str>,
) -> PyResult<Value> {
    convert(object, missing, 0).map_err(|failure| failure.into_pyerr(context))
}

fn convert(object: &Bound<'_, PyAny>, missing: Missing, depth: usize) -> Result<Value, Failure> {
    if depth > MAX_DEPTH {
        return Err(Failure::new(format!(
            "the value is nested more than {MAX_DEPTH} levels deep (does a list or dict contain itself?)"
        )));
    }
    if object.is_none() || is_pandas_missing(object)? {
        return Ok(Value::Null);
    }
    // A Python bool is an int subclass, so it is tested first: a bool is never a number.
    if let Ok(flag) = object.cast::<PyBool>() {
        return Ok(Value::Bool(flag.is_true()));
    }
    if object.is_instance_of::<PyInt>() {
        return Ok(Value::Number(int_to_f64(object)?));
    }
    if let Ok(number) = object.cast::<PyFloat>() {
        return Ok(real(number.value(), missing));
    }
    if let Ok(text) = object.cast::<PyString>() {
        let text = text.to_cow().map_err(|_| {
            Failure::new(
                "the string is not valid Unicode (it contains a lone surrogate)".to_owned(),
            )
        })?;
        return Ok(Value::Text(text.into_owned()));
    }
    if let Ok(dict) = object.cast::<PyDict>() {
        return convert_entries(dict.items().iter(), missing, depth);
    }
    if let Ok(list) = object.cast::<PyList>() {
        return convert_items(list.iter(), depth);
    }
    if let Ok(tuple) = object.cast::<PyTuple>() {
        return convert_items(tuple.iter(), depth);
    }
    if is_numpy(object)? {
        // `tolist` turns numpy scalars into the plain Python values they stand
        // for (np.bool_ → bool, np.int64 → int) and arrays into lists.
        let plain = object.call_method0("tolist")?;
        return convert(&plain, missing, depth + 1);
    }
    if let Ok(mapping) = object.cast::<PyMapping>() {
        return convert_entries(mapping.items()?.iter(), missing, depth);
    }
    if let Some(date) = date_text(object)? {
        return Ok(Value::Text(date));
    }
    if is_real_number(object)? {
        return Ok(real(object.extract::<f64>()?, missing));
    }

    let type_name = object
        .get_type()
        .name()
        .map(|name| name.to_string())
        .unwrap_or_default();
    Err(Failure::new(format!(
        "a value of type `{type_name}` has no JSON counterpart; use None, bool, int, float, str, list or dict"
    )))
}

/// Reads a float; in a table cell NaN means a missing value.
fn real(number: f64, missing: Missing) -> Value {
    if number.is_nan() && missing == Missing::Unanswered {
        Value::Null
    } else {
        Value::Number(number)
    }
}

fn convert_entries<'py>(
    entries: impl Iterator<Item = Bound<'py, PyAny>>,
    missing: Missing,
    depth: usize,
) -> Result<Value, Failure> {
    let mut map = IndexMap::new();
    for entry in entries {
        let (key, item): (Bound<'py, PyAny>, Bound<'py, PyAny>) = entry.extract()?;
        let Ok(key) = key.cast::<PyString>() else {
            let shown = key.repr().map(|repr| repr.to_string()).unwrap_or_default();
            return Err(Failure::new(format!(
                "the dict key {shown} is not a string; keys must be str"
            )));
        };
        let key = key
            .to_cow()
            .map_err(|_| Failure::new("a dict key is not valid Unicode".to_owned()))?
            .into_owned();
        let value =
            convert(&item, missing, depth + 1).map_err(|failure| failure.within(key.clone()))?;
        if missing == Missing::Unanswered && value == Value::Null {
            continue;
        }
        map.insert(key, value);
    }
    Ok(Value::Object(map))
}

fn convert_items<'py>(
    items: impl Iterator<Item = Bound<'py, PyAny>>,
    depth: usize,
) -> Result<Value, Failure> {
    let mut values = Vec::new();
    for (position, item) in items.enumerate() {
        // Inside a list a NaN is a wrong answer, not a missing cell.
        let value = convert(&item, Missing::Kept, depth + 1)
            .map_err(|failure| failure.within(position.to_string()))?;
        values.push(value);
    }
    Ok(Value::List(values))
}

/// Converts a Python int to `f64`; ints too large for `f64` become ±infinity,
/// which validation reports as `not_finite`.
fn int_to_f64(object: &Bound<'_, PyAny>) -> Result<f64, Failure> {
    match object.extract::<f64>() {
        Ok(number) => Ok(number),
        Err(error) if error.is_instance_of::<PyOverflowError>(object.py()) => {
            let negative = object.lt(0)?;
            Ok(if negative {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            })
        }
        Err(error) => Err(error.into()),
    }
}

/// Tells whether the type of an object comes from the numpy package.
fn is_numpy(object: &Bound<'_, PyAny>) -> PyResult<bool> {
    let module = object.get_type().module()?;
    let module = module.to_cow()?;
    Ok(module == "numpy" || module.starts_with("numpy."))
}

/// Tells whether an object is `pd.NA` or `pd.NaT`, pandas' missing values.
fn is_pandas_missing(object: &Bound<'_, PyAny>) -> PyResult<bool> {
    let kind = object.get_type();
    let module = kind.module()?;
    if !module.to_cow()?.starts_with("pandas") {
        return Ok(false);
    }
    let name = kind.name()?;
    let name = name.to_cow()?;
    Ok(name == "NAType" || name == "NaTType")
}

/// Writes a `datetime.date` (or the date of a `datetime.datetime`) as `YYYY-MM-DD`.
pub(crate) fn date_text(object: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();

    let py = object.py();
    if !object.is_instance(DATE.import(py, "datetime", "date")?)? {
        return Ok(None);
    }
    let date = if object.is_instance(DATETIME.import(py, "datetime", "datetime")?)? {
        object.call_method0("date")?
    } else {
        object.clone()
    };
    Ok(Some(date.call_method0("isoformat")?.extract()?))
}

/// Tells whether an object is a real number of another kind, such as
/// `fractions.Fraction` (a `numbers.Real`) or `decimal.Decimal`.
fn is_real_number(object: &Bound<'_, PyAny>) -> PyResult<bool> {
    static REAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

    let py = object.py();
    Ok(object.is_instance(REAL.import(py, "numbers", "Real")?)?
        || object.is_instance(DECIMAL.import(py, "decimal", "Decimal")?)?)
}

/// Converts a JSON value (issue parameters, template parts) to Python:
/// objects become dicts, arrays lists, and whole numbers ints.
pub(crate) fn json_to_py<'py>(
    py: Python<'py>,
    json: &serde_json::Value,
) -> PyResult<Bound<'py, PyAny>> {
    let object = match json {
        serde_json::Value::Null => py.None().into_bound(py),
        serde_json::Value::Bool(flag) => PyBool::new(py, *flag).to_owned().into_any(),
        serde_json::Value::Number(number) => number_to_py(py, number)?,
        serde_json::Value::String(text) => PyString::new(py, text).into_any(),
        serde_json::Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            list.into_any()
        }
        serde_json::Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, json_to_py(py, item)?)?;
            }
            dict.into_any()
        }
    };
    Ok(object)
}

fn number_to_py<'py>(py: Python<'py>, number: &serde_json::Number) -> PyResult<Bound<'py, PyAny>> {
    if let Some(whole) = number.as_i64() {
        return Ok(whole.into_pyobject(py)?.into_any());
    }
    if let Some(whole) = number.as_u64() {
        return Ok(whole.into_pyobject(py)?.into_any());
    }
    let real = number.as_f64().unwrap_or(f64::NAN);
    Ok(PyFloat::new(py, real).into_any())
}

/// Converts any serialisable core type to Python through its JSON form.
pub(crate) fn serde_to_py<'py, T: serde::Serialize>(
    py: Python<'py>,
    item: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_value(item).map_err(|error| {
        pyo3::exceptions::PyRuntimeError::new_err(format!("cannot convert to Python: {error}"))
    })?;
    json_to_py(py, &json)
}
