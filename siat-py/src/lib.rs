//! The compiled module `siat._siat` of the Python package `siat`.
//!
//! It converts between Python objects (or Arrow data) and the types of
//! `siat-core`, which does all validation and scoring. The public API is
//! re-exported, with the pandas and polars helpers, by `python/siat/__init__.py`.

mod advice;
mod arrow;
mod charts;
mod check;
mod cohort;
mod convert;
mod errors;
mod frame;
mod html;
mod limits;
mod options;
mod results;
mod template;
mod wide;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

#[pymodule]
fn _siat(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();

    module.add_class::<template::Template>()?;
    module.add_class::<results::Issue>()?;
    module.add_class::<results::Scorecard>()?;
    module.add_class::<results::DimensionScore>()?;
    module.add_class::<results::IndicatorScore>()?;
    module.add_class::<results::Report>()?;
    module.add_class::<frame::FrameResult>()?;
    module.add_class::<limits::Limits>()?;
    module.add_class::<cohort::CohortCore>()?;

    module.add_function(wrap_pyfunction!(check::check, module)?)?;
    module.add_function(wrap_pyfunction!(check::validate, module)?)?;
    module.add_function(wrap_pyfunction!(check::score, module)?)?;
    module.add_function(wrap_pyfunction!(check::validate_field, module)?)?;
    module.add_function(wrap_pyfunction!(frame::check_arrow, module)?)?;
    module.add_function(wrap_pyfunction!(frame::check_records, module)?)?;
    module.add_function(wrap_pyfunction!(charts::bars_svg, module)?)?;
    module.add_function(wrap_pyfunction!(advice::advise, module)?)?;
    module.add_function(wrap_pyfunction!(advice::knowledge_base, module)?)?;
    module.add_function(wrap_pyfunction!(advice::migrate, module)?)?;
    module.add_function(wrap_pyfunction!(advice::add_language, module)?)?;
    module.add_function(wrap_pyfunction!(advice::languages, module)?)?;

    let codes: Vec<&str> = siat_core::Code::ALL
        .iter()
        .map(|code| code.as_str())
        .collect();
    module.add("ISSUE_CODES", PyTuple::new(py, &codes)?)?;
    let severities = PyDict::new(py);
    for code in siat_core::Code::ALL {
        severities.set_item(code.as_str(), results::severity_name(code.severity()))?;
    }
    module.add("ISSUE_SEVERITIES", severities)?;
    module.add("LANGUAGES", PyTuple::new(py, siat_core::i18n::languages())?)?;
    let methods: Vec<&str> = siat_core::WeightingMethod::ALL
        .iter()
        .map(|method| method.as_str())
        .collect();
    module.add("WEIGHTING_METHODS", PyTuple::new(py, methods)?)?;
    let aggregations: Vec<&str> = siat_core::Aggregation::ALL
        .iter()
        .map(|aggregation| aggregation.as_str())
        .collect();
    module.add("AGGREGATIONS", PyTuple::new(py, aggregations)?)?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
