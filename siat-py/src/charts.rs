//! Charts as SVG text, drawn by the core: the module function `bars_svg`
//! and the language check the chart methods share.

use crate::errors::{InputError, UnsupportedLanguageError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyMapping, PyString};

/// Raises `siat.UnsupportedLanguageError` unless messages exist in `lang`.
pub(crate) fn check_language(lang: &str) -> PyResult<()> {
    let supported = siat_core::i18n::languages();
    if supported.iter().any(|code| code == lang) {
        return Ok(());
    }
    let message = siat_core::SiatError::UnsupportedLanguage {
        lang: lang.to_owned(),
        supported: supported.clone(),
    }
    .to_string();
    Err(UnsupportedLanguageError::new_err((
        message,
        lang.to_owned(),
        supported,
    )))
}

/// Draws a horizontal bar chart of named scores as SVG text, in the order given.
///
/// `bars` is a mapping of label → score or an iterable of `(label, score)`
/// pairs, each score in points 0–100 or `None` for "not scored". Raises
/// `siat.InputError` for anything else.
#[pyfunction]
#[pyo3(signature = (title, bars, *, lang = "en"))]
pub(crate) fn bars_svg(title: &str, bars: &Bound<'_, PyAny>, lang: &str) -> PyResult<String> {
    check_language(lang)?;
    let pairs = match bars.cast::<PyMapping>() {
        Ok(mapping) => mapping.items()?.into_any(),
        Err(_) => bars.clone(),
    };
    let mut items = Vec::new();
    for (position, pair) in pairs.try_iter()?.enumerate() {
        items.push(read_bar(position, &pair?)?);
    }
    Ok(siat_core::chart::bars(title, &items, lang))
}

fn read_bar(position: usize, pair: &Bound<'_, PyAny>) -> PyResult<(String, Option<f64>)> {
    let invalid = || {
        InputError::new_err(format!(
            "bar {position} is not a (label, score) pair with a str label and a score from 0 to 100 or None"
        ))
    };
    let (label, score): (Bound<'_, PyAny>, Bound<'_, PyAny>) =
        pair.extract().map_err(|_| invalid())?;
    let label = label
        .cast::<PyString>()
        .map_err(|_| invalid())?
        .to_cow()
        .map_err(|_| invalid())?
        .into_owned();
    if score.is_none() {
        return Ok((label, None));
    }
    if score.is_instance_of::<PyBool>() {
        return Err(invalid());
    }
    let score: f64 = score.extract().map_err(|_| invalid())?;
    if !(0.0..=100.0).contains(&score) {
        return Err(invalid());
    }
    Ok((label, Some(score)))
}
