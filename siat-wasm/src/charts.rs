//! Charts as SVG text: the radar of one scorecard and bar charts of named scores.

use crate::arguments::{check_language, read_object};
use crate::convert::{Reader, MAX_DEPTH};
use crate::scorecards::scorecard_of;
use crate::{respond, Failure, TemplateHandle};
use siat_core::{chart, Value};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl TemplateHandle {
    /// Draws the radar chart of one assessment's or scorecard's dimension
    /// scores; `options` are the scoring options, whose `lang` sets the labels.
    #[wasm_bindgen(js_name = radarSvg)]
    pub fn radar_svg(&self, input: &JsValue, options: &JsValue) -> String {
        respond(self.loaded().and_then(|template| {
            let options = crate::options::read(options).map_err(Failure::options)?;
            check_language(&options.lang)?;
            if input.is_undefined() || input.is_null() {
                return Err(Failure::InvalidArgument(
                    "give the scorecard or assessment to draw, or draw a cohort's radar".to_owned(),
                ));
            }
            let scorecard = scorecard_of(template, input, &options)?;
            Ok(chart::radar(
                template,
                Some(&scorecard),
                None,
                &options.lang,
            ))
        }))
    }
}

/// Draws a horizontal bar chart of named scores, in the order given.
///
/// `bars` is an array of `{label, score}` with a score in points 0–100, or
/// `null` for "not scored"; options `{lang}`.
#[wasm_bindgen(js_name = barsSvg)]
pub fn bars_svg(title: &JsValue, bars: &JsValue, options: &JsValue) -> String {
    respond(draw_bars(title, bars, options))
}

fn draw_bars(title: &JsValue, bars: &JsValue, options: &JsValue) -> Result<String, Failure> {
    let Some(title) = title.as_string() else {
        return Err(Failure::InvalidArgument(
            "the chart title must be a string".to_owned(),
        ));
    };
    let entries = read_object(options, &["lang"])?;
    let lang = entries.language("lang")?.unwrap_or_else(|| "en".to_owned());

    let value = Reader::new(MAX_DEPTH)
        .read(bars)
        .map_err(|_| Failure::TooLarge)?;
    let Value::List(items) = value else {
        return Err(Failure::InvalidArgument(
            "the bars must be an array of {label, score} objects".to_owned(),
        ));
    };
    let bars = items
        .iter()
        .enumerate()
        .map(|(position, item)| read_bar(position, item))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(chart::bars(&title, &bars, &lang))
}

/// Reads one `{label, score}` bar.
fn read_bar(position: usize, item: &Value) -> Result<(String, Option<f64>), Failure> {
    let invalid = |problem: &str| {
        Failure::InvalidArgument(format!(
            "bar {position}: {problem}; give {{label, score}} with a score from 0 to 100 or null"
        ))
    };
    let Value::Object(entries) = item else {
        return Err(invalid("not an object"));
    };
    if let Some(key) = entries
        .keys()
        .find(|key| *key != "label" && *key != "score")
    {
        return Err(invalid(&format!("unknown key `{key}`")));
    }
    let label = match entries.get("label") {
        Some(Value::Text(label)) => label.clone(),
        _ => return Err(invalid("the label is not a string")),
    };
    let score = match entries.get("score") {
        None | Some(Value::Null) => None,
        Some(Value::Number(score)) if (0.0..=100.0).contains(score) => Some(*score),
        Some(_) => return Err(invalid("the score is not a number from 0 to 100")),
    };
    Ok((label, score))
}
