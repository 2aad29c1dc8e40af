//! Reads the keyword arguments of the Python functions into the core's [`Options`].

use crate::convert::date_text;
use crate::errors::OptionsError;
use pyo3::prelude::*;
use pyo3::types::PyString;
use siat_core::{Aggregation, Date, Options, WeightingMethod};

/// Builds scoring options from Python arguments.
///
/// `today` is a `datetime.date`, a `YYYY-MM-DD` string or `None` (the
/// system clock's date), and `limits` is what `limits::read` reads. Raises
/// `siat.OptionsError` for an unknown method or aggregation, a malformed
/// date and invalid limits; the core checks the rest.
pub(crate) fn build(
    lang: &str,
    method: Option<&str>,
    min_coverage: Option<f64>,
    aggregation: &str,
    today: Option<&Bound<'_, PyAny>>,
    limits: Option<&Bound<'_, PyAny>>,
) -> PyResult<Options> {
    let method = method
        .map(|name| {
            name.parse::<WeightingMethod>()
                .map_err(OptionsError::new_err)
        })
        .transpose()?;
    let aggregation = aggregation
        .parse::<Aggregation>()
        .map_err(OptionsError::new_err)?;
    let today = today
        .filter(|value| !value.is_none())
        .map(read_date)
        .transpose()?;
    Ok(Options {
        lang: lang.to_owned(),
        method,
        min_coverage,
        aggregation,
        today,
        limits: crate::limits::read(limits)?,
    })
}

fn read_date(value: &Bound<'_, PyAny>) -> PyResult<Date> {
    let text = match value.cast::<PyString>() {
        Ok(text) => Some(text.to_cow()?.into_owned()),
        Err(_) => date_text(value)?,
    };
    text.as_deref().and_then(Date::parse).ok_or_else(|| {
        let shown = value
            .repr()
            .map(|repr| repr.to_string())
            .unwrap_or_default();
        OptionsError::new_err(format!(
            "today {shown} is not a date; give a datetime.date or a string written YYYY-MM-DD"
        ))
    })
}
