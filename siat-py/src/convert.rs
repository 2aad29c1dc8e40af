//! Conversions between Python objects and the core's values.
//!
//! Python objects become [`Value`]s directly, without a detour through JSON
//! text, so NaN and the infinities survive and validation reports them as
//! `not_finite`. Objects that JSON cannot express, such as sets, bytes,
//! complex numbers, dicts with keys that are not strings and lists that
//! contain themselves, become [`Value::Other`], which validation reports as
//! `wrong_type` at their own path, as the JavaScript package does.

use crate::errors::InputError;
use indexmap::IndexMap;
use pyo3::exceptions::PyOverflowError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMapping, PyMemoryView,
    PyString, PyTuple, PyType,
};
use siat_core::Value;

/// Deepest nesting of lists and objects the conversion reads, the same as
/// the core's JSON reader; deeper input raises `siat.InputError`.
const MAX_DEPTH: usize = siat_core::value::MAX_DEPTH;

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
    /// Input nested too deep to read, with the JSON Pointer segments from
    /// the value up to the root.
    TooDeep { segments: Vec<String> },
    /// An exception that Python code raised during the conversion, such as a
    /// mapping's `items()`; it reaches the caller unchanged.
    Raised(PyErr),
}

impl Failure {
    fn within(mut self, segment: impl Into<String>) -> Failure {
        if let Failure::TooDeep { segments } = &mut self {
            segments.push(segment.into());
        }
        self
    }

    fn into_pyerr(self, context: Option<&str>) -> PyErr {
        let segments = match self {
            Failure::TooDeep { segments } => segments,
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
        InputError::new_err(format!(
            "the value is nested more than {MAX_DEPTH} levels deep, the most siat reads, at `{shown}`{context}"
        ))
    }
}

impl From<PyErr> for Failure {
    fn from(error: PyErr) -> Failure {
        Failure::Raised(error)
    }
}

/// The state of one conversion.
struct Reader {
    missing: Missing,
    /// Containers nested deeper than this become a placeholder, which the
    /// core's `max_depth` limit reports at the container above it.
    max_depth: usize,
    /// Addresses of the containers on the path from the root, to find a
    /// list or dict that contains itself.
    ancestors: Vec<usize>,
}

/// Converts a Python object to an input value.
///
/// `context` names where the object came from, such as a table cell, for
/// error messages. `max_depth` is the nesting limit of the options: deeper
/// containers are not read, because validation reports the container at the
/// limit. Raises `siat.InputError` only for nesting deeper than 128 levels
/// when the limit allows more, and lets exceptions raised by the object's
/// own Python code, such as a mapping's `items()`, reach the caller.
pub(crate) fn to_value(
    object: &Bound<'_, PyAny>,
    missing: Missing,
    context: Option<&str>,
    max_depth: usize,
) -> PyResult<Value> {
    let mut reader = Reader {
        missing,
        max_depth,
        ancestors: Vec::new(),
    };
    reader
        .convert(object, 0)
        .map_err(|failure| failure.into_pyerr(context))
}

/// Describes a Python object JSON cannot express, for `wrong_type` messages.
fn unsupported(description: impl Into<String>) -> Value {
    Value::Other(description.into())
}

/// Names the type of an object, e.g. `set`.
fn type_name(object: &Bound<'_, PyAny>) -> String {
    object
        .get_type()
        .name()
        .map(|name| name.to_string())
        .unwrap_or_else(|_| "object".to_owned())
}

impl Reader {
    fn convert(&mut self, object: &Bound<'_, PyAny>, depth: usize) -> Result<Value, Failure> {
        if object.is_none() || is_pandas_missing(object) {
            return Ok(Value::Null);
        }

        // A Python bool is an int subclass, so it is tested first: a bool is never a number.
        if let Ok(flag) = object.cast::<PyBool>() {
            return Ok(Value::Bool(flag.is_true()));
        }
        if object.is_instance_of::<PyInt>() {
            return Ok(int_to_value(object));
        }
        if let Ok(number) = object.cast::<PyFloat>() {
            return Ok(self.real(number.value()));
        }

        if let Ok(text) = object.cast::<PyString>() {
            return Ok(match text.to_cow() {
                Ok(text) => Value::Text(text.into_owned()),
                Err(_) => unsupported("str with a lone surrogate"),
            });
        }
        if object.is_instance_of::<PyBytes>()
            || object.is_instance_of::<PyByteArray>()
            || object.is_instance_of::<PyMemoryView>()
        {
            return Ok(unsupported(type_name(object)));
        }

        if is_container(object) {
            return self.container(object, depth);
        }

        if is_numpy(object) {
            if let Some(plain) = numpy_to_plain(object) {
                return self.convert(&plain, depth);
            }
        }
        if let Some(date) = date_text(object).ok().flatten() {
            return Ok(Value::Text(date));
        }
        if is_real_number(object) {
            return Ok(match real_to_f64(object) {
                Some(number) => self.real(number),
                None => unsupported(type_name(object)),
            });
        }
        Ok(unsupported(type_name(object)))
    }

    /// Reads a float; in a table cell NaN means a missing value.
    fn real(&self, number: f64) -> Value {
        if number.is_nan() && self.missing == Missing::Unanswered {
            Value::Null
        } else {
            Value::Number(number)
        }
    }

    /// Reads a dict, mapping, list or tuple, unless it is nested too deep or
    /// contains itself.
    fn container(&mut self, object: &Bound<'_, PyAny>, depth: usize) -> Result<Value, Failure> {
        if depth > self.max_depth.min(MAX_DEPTH) {
            if depth > MAX_DEPTH {
                return Err(Failure::TooDeep {
                    segments: Vec::new(),
                });
            }
            return Ok(unsupported("value nested too deep"));
        }
        let address = object.as_ptr() as usize;
        if self.ancestors.contains(&address) {
            return Ok(unsupported("circular reference"));
        }

        self.ancestors.push(address);
        let converted = if let Ok(dict) = object.cast::<PyDict>() {
            self.entries(dict.items().iter(), depth)
        } else if let Ok(list) = object.cast::<PyList>() {
            self.items(list.iter(), depth)
        } else if let Ok(tuple) = object.cast::<PyTuple>() {
            self.items(tuple.iter(), depth)
        } else {
            match object.cast::<PyMapping>() {
                Ok(mapping) => match mapping.items() {
                    Ok(items) => self.entries(items.iter(), depth),
                    Err(error) => Err(Failure::Raised(error)),
                },
                Err(_) => Ok(unsupported(type_name(object))),
            }
        };
        self.ancestors.pop();
        converted
    }

    fn entries<'py>(
        &mut self,
        entries: impl Iterator<Item = Bound<'py, PyAny>>,
        depth: usize,
    ) -> Result<Value, Failure> {
        let mut map = IndexMap::new();
        for entry in entries {
            let (key, item): (Bound<'py, PyAny>, Bound<'py, PyAny>) = entry.extract()?;
            // JSON object keys are strings; json.dumps would turn 1 into "1"
            // silently, so the whole object is reported instead.
            let Ok(key) = key.cast::<PyString>() else {
                return Ok(unsupported(format!(
                    "dict with a key of type {}",
                    type_name(&key)
                )));
            };
            let Ok(key) = key.to_cow() else {
                return Ok(unsupported("dict with a key that has a lone surrogate"));
            };
            let key = key.into_owned();
            let value = self
                .convert(&item, depth + 1)
                .map_err(|failure| failure.within(key.clone()))?;
            if self.missing == Missing::Unanswered && value == Value::Null {
                continue;
            }
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }

    fn items<'py>(
        &mut self,
        items: impl Iterator<Item = Bound<'py, PyAny>>,
        depth: usize,
    ) -> Result<Value, Failure> {
        // Inside a list a NaN is a wrong answer, not a missing cell.
        let missing = std::mem::replace(&mut self.missing, Missing::Kept);
        let mut values = Vec::new();
        let mut outcome = Ok(());
        for (position, item) in items.enumerate() {
            match self.convert(&item, depth + 1) {
                Ok(value) => values.push(value),
                Err(failure) => {
                    outcome = Err(failure.within(position.to_string()));
                    break;
                }
            }
        }
        self.missing = missing;
        outcome.map(|()| Value::List(values))
    }
}

/// Tells whether an object is a dict, list, tuple or other mapping.
fn is_container(object: &Bound<'_, PyAny>) -> bool {
    object.is_instance_of::<PyDict>()
        || object.is_instance_of::<PyList>()
        || object.is_instance_of::<PyTuple>()
        || object.cast::<PyMapping>().is_ok()
}

/// Converts a numpy scalar or array to the plain Python value it stands for
/// (`np.bool_` → `bool`, `np.int64` → `int`, an array → a list), or `None`
/// when `tolist` fails or gives a numpy object again, such as for
/// `np.longdouble`.
fn numpy_to_plain<'py>(object: &Bound<'py, PyAny>) -> Option<Bound<'py, PyAny>> {
    let plain = object.call_method0("tolist").ok()?;
    (!is_numpy(&plain)).then_some(plain)
}

/// Converts a Python int to a number; ints too large for `f64` become
/// ±infinity, which validation reports as `not_finite`.
fn int_to_value(object: &Bound<'_, PyAny>) -> Value {
    match object.extract::<f64>() {
        Ok(number) => Value::Number(number),
        Err(_) => Value::Number(if object.lt(0).unwrap_or(false) {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        }),
    }
}

/// Converts another real number, such as a `Decimal` or a `Fraction`, to
/// `f64`: too large a number becomes ±infinity, and `None` means that it
/// has no float value (a signalling NaN `Decimal`).
fn real_to_f64(object: &Bound<'_, PyAny>) -> Option<f64> {
    match object.extract::<f64>() {
        Ok(number) => Some(number),
        Err(error) if error.is_instance_of::<PyOverflowError>(object.py()) => {
            Some(if object.lt(0).unwrap_or(false) {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            })
        }
        Err(_) => None,
    }
}

/// Tells whether the type of an object comes from the numpy package.
fn is_numpy(object: &Bound<'_, PyAny>) -> bool {
    module_name(object).is_some_and(|module| module == "numpy" || module.starts_with("numpy."))
}

/// Returns the module an object's type comes from, e.g. `numpy`.
fn module_name(object: &Bound<'_, PyAny>) -> Option<String> {
    let module = object.get_type().module().ok()?;
    Some(module.to_cow().ok()?.into_owned())
}

/// Tells whether an object is `pd.NA` or `pd.NaT`, pandas' missing values.
fn is_pandas_missing(object: &Bound<'_, PyAny>) -> bool {
    if !module_name(object).is_some_and(|module| module.starts_with("pandas")) {
        return false;
    }
    let kind = object.get_type();
    kind.name()
        .ok()
        .and_then(|name| {
            name.to_cow()
                .ok()
                .map(|name| name == "NAType" || name == "NaTType")
        })
        .unwrap_or(false)
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
fn is_real_number(object: &Bound<'_, PyAny>) -> bool {
    static REAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

    let py = object.py();
    let is_instance = |kind: PyResult<&Bound<'_, PyType>>| {
        kind.and_then(|kind| object.is_instance(kind))
            .unwrap_or(false)
    };
    is_instance(REAL.import(py, "numbers", "Real"))
        || is_instance(DECIMAL.import(py, "decimal", "Decimal"))
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

/// Converts an input value back to Python: objects become dicts, lists
/// lists, whole numbers below 2^53 ints, and other numbers (NaN and the
/// infinities included) floats.
///
/// A [`Value::Other`] has no Python form and becomes `None`, so callers
/// reject such values first (see [`find_unsupported`]).
pub(crate) fn value_to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    let object = match value {
        Value::Null | Value::Other(_) => py.None().into_bound(py),
        Value::Bool(flag) => PyBool::new(py, *flag).to_owned().into_any(),
        Value::Number(number) => number_value_to_py(py, *number)?,
        Value::Text(text) => PyString::new(py, text).into_any(),
        Value::List(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(value_to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, value_to_py(py, item)?)?;
            }
            dict.into_any()
        }
    };
    Ok(object)
}

/// 2^53: below it every whole `f64` is an exact integer.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_992.0;

fn number_value_to_py(py: Python<'_>, number: f64) -> PyResult<Bound<'_, PyAny>> {
    let whole = number.is_finite()
        && number.trunc() == number
        && number.abs() < MAX_SAFE_INTEGER
        && !(number == 0.0 && number.is_sign_negative());
    if whole {
        #[allow(
            clippy::cast_possible_truncation,
            reason = "a whole number below 2^53 fits an i64 exactly"
        )]
        let integer = number as i64;
        return Ok(integer.into_pyobject(py)?.into_any());
    }
    Ok(PyFloat::new(py, number).into_any())
}

/// Finds the first [`Value::Other`] in a value, as its JSON Pointer and description.
pub(crate) fn find_unsupported(value: &Value, path: &str) -> Option<(String, String)> {
    match value {
        Value::Other(description) => Some((path.to_owned(), description.clone())),
        Value::List(items) => items
            .iter()
            .enumerate()
            .find_map(|(position, item)| find_unsupported(item, &format!("{path}/{position}"))),
        Value::Object(map) => map.iter().find_map(|(key, item)| {
            let segment = key.replace('~', "~0").replace('/', "~1");
            find_unsupported(item, &format!("{path}/{segment}"))
        }),
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::Text(_) => None,
    }
}
