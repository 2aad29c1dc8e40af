//! Reads what a chart, a benchmark or advice is about: a scorecard the
//! caller already has, or an assessment to score first.

use crate::convert::{is_plain_object, object_keys, Reader, MAX_DEPTH};
use crate::{read_input, Failure, Input};
use siat_core::{Options, Scorecard, Template};
use wasm_bindgen::prelude::*;

/// Returns the scorecard of `input` for `template`.
///
/// A plain object with `dimensions` and `indicators` but no `answers` is read
/// as a scorecard and checked against the template. Anything else is an
/// assessment (an object or JSON text) and is scored with `options`. An
/// assessment with errors gives [`Failure::Invalid`] with every issue.
pub fn scorecard_of(
    template: &Template,
    input: &JsValue,
    options: &Options,
) -> Result<Scorecard, Failure> {
    if looks_like_scorecard(input) {
        return read_scorecard(template, input);
    }
    let report = match read_input(input, options)? {
        Input::Value(value) => template.check(&value, options)?,
        Input::Text(text) => template.check_json(&text, options)?,
    };
    report.scorecard.ok_or(Failure::Invalid(report.issues))
}

fn looks_like_scorecard(input: &JsValue) -> bool {
    if !input.is_object() || !is_plain_object(input) {
        return false;
    }
    let Ok(keys) = object_keys(input) else {
        return false;
    };
    let has = |name: &str| {
        keys.iter()
            .any(|key| key.as_string().as_deref() == Some(name))
    };
    has("dimensions") && has("indicators") && !has("answers")
}

/// Reads a scorecard object, such as one `score` returned.
fn read_scorecard(template: &Template, input: &JsValue) -> Result<Scorecard, Failure> {
    let value = Reader::new(MAX_DEPTH)
        .read(input)
        .map_err(|_| Failure::TooLarge)?;
    let scorecard: Scorecard = serde_json::from_value(value.to_serde()).map_err(|error| {
        Failure::InvalidArgument(format!(
            "the scorecard is not valid: {error}; pass a scorecard that `score` returned, or the assessment"
        ))
    })?;
    check_scorecard(template, &scorecard).map_err(Failure::InvalidArgument)?;
    Ok(scorecard)
}

/// Checks that a scorecard belongs to `template` and that its scores are in
/// range, so that charts and advice never draw from a mismatched or edited one.
pub fn check_scorecard(template: &Template, scorecard: &Scorecard) -> Result<(), String> {
    let own = &scorecard.template;
    if own.id != template.id || own.version != template.version {
        return Err(format!(
            "the scorecard is of template `{}` version `{}`, not `{}` version `{}`",
            own.id, own.version, template.id, template.version
        ));
    }

    let dimensions: Vec<&str> = scorecard
        .dimensions
        .iter()
        .map(|entry| entry.id.as_str())
        .collect();
    let expected: Vec<&str> = template
        .dimensions
        .iter()
        .map(|entry| entry.id.as_str())
        .collect();
    if dimensions != expected {
        return Err(format!(
            "the scorecard's dimensions [{}] are not the template's [{}]",
            dimensions.join(", "),
            expected.join(", ")
        ));
    }
    let indicators = scorecard
        .indicators
        .iter()
        .map(|entry| (entry.id.as_str(), entry.dimension.as_str()));
    let expected = template
        .indicators
        .iter()
        .map(|entry| (entry.id.as_str(), entry.dimension.as_str()));
    if !indicators.eq(expected) {
        return Err(
            "the scorecard's indicators are not the template's, in template order".to_owned(),
        );
    }

    within("/index/score", scorecard.index.score, 100.0)?;
    for (position, dimension) in scorecard.dimensions.iter().enumerate() {
        let path = format!("/dimensions/{position}");
        within(&format!("{path}/score"), dimension.score, 100.0)?;
        within(
            &format!("{path}/priority_gap"),
            dimension.priority_gap,
            100.0,
        )?;
        within(&format!("{path}/coverage"), Some(dimension.coverage), 1.0)?;
        within(&format!("{path}/weight"), Some(dimension.weight), 1.0)?;
    }
    for (position, indicator) in scorecard.indicators.iter().enumerate() {
        within(
            &format!("/indicators/{position}/score"),
            indicator.score,
            100.0,
        )?;
    }
    Ok(())
}

fn within(path: &str, value: Option<f64>, max: f64) -> Result<(), String> {
    match value {
        Some(number) if !(0.0..=max).contains(&number) => Err(format!(
            "the scorecard's value `{number}` at `{path}` is outside 0 to {max}"
        )),
        _ => Ok(()),
    }
}
