//! The `Limits` class and the `limits` keyword of the module's functions.

use crate::errors::OptionsError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyMapping};

/// The names of the limits, in the order of the class's fields.
const NAMES: [&str; 4] = [
    "max_input_bytes",
    "max_depth",
    "max_string_chars",
    "max_items",
];

/// Maximum sizes of one input. Input beyond a limit gets an `out_of_range`
/// issue whose `params.reason` names the limit, instead of exhausting
/// memory or time.
#[pyclass(frozen, eq, module = "siat", name = "Limits")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Limits {
    pub(crate) inner: siat_core::Limits,
}

#[pymethods]
impl Limits {
    /// Creates limits; each one left out keeps its default.
    #[new]
    #[pyo3(signature = (*, max_input_bytes = None, max_depth = None, max_string_chars = None, max_items = None))]
    fn new(
        max_input_bytes: Option<&Bound<'_, PyAny>>,
        max_depth: Option<&Bound<'_, PyAny>>,
        max_string_chars: Option<&Bound<'_, PyAny>>,
        max_items: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Limits> {
        let mut inner = siat_core::Limits::default();
        let given = [
            ("max_input_bytes", max_input_bytes),
            ("max_depth", max_depth),
            ("max_string_chars", max_string_chars),
            ("max_items", max_items),
        ];
        for (name, value) in given {
            if let Some(value) = value.filter(|value| !value.is_none()) {
                set(&mut inner, name, value)?;
            }
        }
        Ok(Limits { inner })
    }

    /// Maximum length of JSON text, in bytes (default 1 MiB). It applies to
    /// text and files only: a dict has no length in bytes.
    #[getter]
    fn max_input_bytes(&self) -> usize {
        self.inner.max_input_bytes
    }

    /// Maximum nesting of lists and objects (default 32).
    #[getter]
    fn max_depth(&self) -> usize {
        self.inner.max_depth
    }

    /// Maximum length of one string, in characters (default 10 000).
    #[getter]
    fn max_string_chars(&self) -> usize {
        self.inner.max_string_chars
    }

    /// Maximum number of entries in one list or object (default 10 000).
    #[getter]
    fn max_items(&self) -> usize {
        self.inner.max_items
    }

    /// Returns the limits as a dict keyed by their names.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for name in NAMES {
            dict.set_item(name, get(&self.inner, name))?;
        }
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        let fields: Vec<String> = NAMES
            .iter()
            .map(|name| format!("{name}={}", get(&self.inner, name)))
            .collect();
        format!("Limits({})", fields.join(", "))
    }
}

fn get(limits: &siat_core::Limits, name: &str) -> usize {
    match name {
        "max_input_bytes" => limits.max_input_bytes,
        "max_depth" => limits.max_depth,
        "max_string_chars" => limits.max_string_chars,
        _ => limits.max_items,
    }
}

/// Sets one limit from a Python value, which must be an int ≥ 0.
fn set(limits: &mut siat_core::Limits, name: &str, value: &Bound<'_, PyAny>) -> PyResult<()> {
    let number = if value.is_instance_of::<PyInt>() && !value.is_instance_of::<PyBool>() {
        value.extract::<usize>().ok()
    } else {
        None
    };
    let Some(number) = number else {
        let shown = value
            .repr()
            .map(|repr| repr.to_string())
            .unwrap_or_default();
        return Err(OptionsError::new_err(format!(
            "limit `{name}` is {shown}; give a whole number of 0 or more"
        )));
    };
    let slot = match name {
        "max_input_bytes" => &mut limits.max_input_bytes,
        "max_depth" => &mut limits.max_depth,
        "max_string_chars" => &mut limits.max_string_chars,
        _ => &mut limits.max_items,
    };
    *slot = number;
    Ok(())
}

/// Reads the `limits` keyword: `None` for the defaults, a `siat.Limits`, or
/// a mapping of limit names to whole numbers, where a name left out keeps
/// its default. Raises `siat.OptionsError` for an unknown name or a value
/// that is not a whole number of 0 or more.
pub(crate) fn read(argument: Option<&Bound<'_, PyAny>>) -> PyResult<siat_core::Limits> {
    let Some(argument) = argument.filter(|argument| !argument.is_none()) else {
        return Ok(siat_core::Limits::default());
    };
    if let Ok(limits) = argument.cast::<Limits>() {
        return Ok(limits.get().inner);
    }
    let Ok(mapping) = argument.cast::<PyMapping>() else {
        let type_name = argument.get_type().name()?;
        return Err(OptionsError::new_err(format!(
            "limits of type `{type_name}` are not supported; give a siat.Limits or a dict such as {{\"max_depth\": 64}}"
        )));
    };

    let mut limits = siat_core::Limits::default();
    for entry in mapping.items()?.iter() {
        let (key, value): (Bound<'_, PyAny>, Bound<'_, PyAny>) = entry.extract()?;
        let key: String = match key.extract() {
            Ok(key) => key,
            Err(_) => key.repr()?.to_string(),
        };
        if !NAMES.contains(&key.as_str()) {
            return Err(OptionsError::new_err(format!(
                "`{key}` is not a limit; the limits are {}",
                NAMES.join(", ")
            )));
        }
        set(&mut limits, &key, &value)?;
    }
    Ok(limits)
}
