//! A cohort of assessments compared together, held in WebAssembly memory.

use crate::arguments::{read_object, Entries};
use crate::convert::{is_array, is_plain_object, object_keys, unsupported};
use crate::scorecards::scorecard_of;
use crate::{failure, reader_for, respond, Failure, TemplateHandle};
use serde_json::json;
use siat_core::cohort::{Cohort, Rejected, MAX_MEMBERS};
use siat_core::{chart, Options, ReportOptions, Template, Value};
use wasm_bindgen::prelude::*;

/// Random weight vectors the sensitivity analysis draws by default.
const DEFAULT_SAMPLES: usize = 1000;

/// Seed of the random weight vectors by default.
const DEFAULT_SEED: u64 = 1;

/// A cohort scored with one template and options, or the reason it failed.
#[wasm_bindgen]
pub struct CohortHandle {
    cohort: Result<Cohort, Failure>,
}

#[wasm_bindgen]
impl TemplateHandle {
    /// Scores every assessment of an array with this template and keeps the
    /// valid ones; a handle that failed reports why through
    /// [`CohortHandle::failure`].
    ///
    /// An element is an assessment object, its JSON text, or a
    /// `{label, assessment}` pair. Elements without a label are labelled by
    /// their position: `#1`, `#2`, …
    #[wasm_bindgen(js_name = compareCohort)]
    pub fn compare_cohort(&self, inputs: &JsValue, options: &JsValue) -> CohortHandle {
        let cohort = self.loaded().and_then(|template| {
            let options = crate::options::read(options).map_err(Failure::options)?;
            build(template, inputs, &options)
        });
        CohortHandle { cohort }
    }
}

#[wasm_bindgen]
impl CohortHandle {
    /// Returns the tagged error of a cohort that failed to build, or `undefined`.
    pub fn failure(&self) -> Option<String> {
        self.cohort.as_ref().err().map(failure)
    }

    /// Returns the template of the cohort as `{id, version}`.
    #[wasm_bindgen(js_name = templateRef)]
    pub fn template_ref(&self) -> String {
        respond(
            self.loaded().map(
                |cohort| json!({"id": cohort.template.id, "version": cohort.template.version}),
            ),
        )
    }

    /// Lists the valid assessments as `[{label, scorecard}]`, in input order.
    pub fn members(&self) -> String {
        respond(self.loaded().map(|cohort| {
            cohort
                .members
                .iter()
                .map(|member| json!({"label": member.label, "scorecard": member.scorecard}))
                .collect::<Vec<_>>()
        }))
    }

    /// Returns the number of valid assessments.
    #[wasm_bindgen(js_name = memberCount)]
    pub fn member_count(&self) -> usize {
        self.cohort
            .as_ref()
            .map_or(0, |cohort| cohort.members.len())
    }

    /// Lists the inputs left out as `[{label, issues}]`, in input order.
    pub fn rejected(&self) -> String {
        respond(self.loaded().map(|cohort| &cohort.rejected))
    }

    /// Returns the statistics of the whole cohort.
    pub fn stats(&self) -> String {
        respond(self.loaded().map(Cohort::stats))
    }

    /// Returns the statistics of each group sharing a value of a profile field.
    #[wasm_bindgen(js_name = statsBy)]
    pub fn stats_by(&self, field: &JsValue) -> String {
        respond(self.loaded().and_then(|cohort| {
            let Some(field) = field.as_string() else {
                return Err(Failure::InvalidArgument(
                    "the field must be a string such as \"country\"".to_owned(),
                ));
            };
            Ok(cohort.stats_by(&field)?)
        }))
    }

    /// Returns the findings in words; options `{lang, groupBy}`.
    pub fn findings(&self, options: &JsValue) -> String {
        respond(self.loaded().and_then(|cohort| {
            let entries = read_object(options, &["lang", "group_by"])?;
            let lang = language(&entries, cohort)?;
            let group_by = entries.text("group_by")?;
            Ok(cohort.findings(&lang, group_by.as_deref())?)
        }))
    }

    /// Places an assessment (scored with the cohort's template and options)
    /// or a scorecard of the same template against the cohort.
    pub fn benchmark(&self, input: &JsValue) -> String {
        respond(self.loaded().and_then(|cohort| {
            let scorecard = scorecard_of(&cohort.template, input, &cohort.options)?;
            Ok(cohort.benchmark(&scorecard))
        }))
    }

    /// Returns the weight sensitivity of every member; options `{samples, seed}`.
    pub fn sensitivity(&self, options: &JsValue) -> String {
        respond(self.loaded().and_then(|cohort| {
            let entries = read_object(options, &["samples", "seed"])?;
            let samples = entries.samples("samples")?.unwrap_or(DEFAULT_SAMPLES);
            let seed = entries.seed("seed")?.unwrap_or(DEFAULT_SEED);
            Ok(cohort.sensitivity(samples, seed)?)
        }))
    }

    /// Writes the self-contained HTML report; options `{lang, groupBy, samples, seed}`.
    #[wasm_bindgen(js_name = toHtml)]
    pub fn to_html(&self, options: &JsValue) -> String {
        respond(self.loaded().and_then(|cohort| {
            let entries = read_object(options, &["lang", "group_by", "samples", "seed"])?;
            let report = ReportOptions {
                lang: language(&entries, cohort)?,
                group_by: entries.text("group_by")?,
                samples: entries.samples("samples")?.unwrap_or(DEFAULT_SAMPLES),
                seed: entries.seed("seed")?.unwrap_or(DEFAULT_SEED),
            };
            Ok(cohort.to_html(&report)?)
        }))
    }

    /// Draws the radar chart of the cohort's median and interquartile band,
    /// under one assessment's or scorecard's dimension scores when given;
    /// options `{lang}`.
    #[wasm_bindgen(js_name = radarSvg)]
    pub fn radar_svg(&self, input: &JsValue, options: &JsValue) -> String {
        respond(self.loaded().and_then(|cohort| {
            let entries = read_object(options, &["lang"])?;
            let lang = language(&entries, cohort)?;
            let scorecard = if input.is_undefined() || input.is_null() {
                None
            } else {
                Some(scorecard_of(&cohort.template, input, &cohort.options)?)
            };
            Ok(chart::radar(
                &cohort.template,
                scorecard.as_ref(),
                Some(&cohort.stats()),
                &lang,
            ))
        }))
    }
}

impl CohortHandle {
    fn loaded(&self) -> Result<&Cohort, Failure> {
        match &self.cohort {
            Ok(cohort) => Ok(cohort),
            Err(error) => Err(error.clone()),
        }
    }
}

/// Returns the `lang` option, or the language the cohort was scored in.
fn language(entries: &Entries, cohort: &Cohort) -> Result<String, Failure> {
    Ok(entries
        .language("lang")?
        .unwrap_or_else(|| cohort.options.lang.clone()))
}

/// One element of the input array, read.
enum Element {
    /// A value to score.
    Value(Value),
    /// JSON text that is too long or not JSON, with the issues that report it.
    Unreadable(Rejected),
}

/// Scores every element of `inputs` and keeps the rejected ones in input order.
fn build(template: &Template, inputs: &JsValue, options: &Options) -> Result<Cohort, Failure> {
    if !is_array(inputs).unwrap_or(false) {
        return Err(Failure::InvalidArgument(
            "the assessments must be an array of assessments, their JSON text, or {label, assessment} pairs".to_owned(),
        ));
    }
    let Some(length) = js_sys::Reflect::get(inputs, &JsValue::from_str("length"))
        .ok()
        .and_then(|length| length.as_f64())
    else {
        return Err(Failure::InvalidArgument(
            "the length of the assessments array could not be read".to_owned(),
        ));
    };
    #[allow(clippy::cast_precision_loss, reason = "MAX_MEMBERS is far below 2^52")]
    if length > MAX_MEMBERS as f64 {
        return Err(Failure::options(format!(
            "too many assessments: {length} given, the limit is {MAX_MEMBERS}; compare the cohort in parts"
        )));
    }
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "length is a JavaScript array length no larger than MAX_MEMBERS"
    )]
    let length = length as u32;

    // Each value goes to the core labelled by its position, so that members
    // and rejected inputs can be put back in input order with their labels.
    let mut labels = Vec::with_capacity(length as usize);
    let mut values = Vec::new();
    let mut unreadable = Vec::new();
    for position in 0..length {
        let Ok(element) = js_sys::Reflect::get_u32(inputs, position) else {
            labels.push(format!("#{}", u64::from(position) + 1));
            values.push((position.to_string(), unsupported("unreadable element")));
            continue;
        };
        let (label, input) = split_pair(&element, position)?;
        match read_element(template, &input, label.clone(), options)? {
            Element::Value(value) => values.push((position.to_string(), value)),
            Element::Unreadable(rejected) => unreadable.push((position as usize, rejected)),
        }
        labels.push(label);
    }

    let mut cohort = Cohort::new(template, values, options)?;
    // Every tag is a position written above, so it parses and has a label.
    let restore = |tag: &mut String| -> usize {
        let position = tag.parse::<usize>().unwrap_or(usize::MAX);
        if let Some(label) = labels.get(position) {
            tag.clone_from(label);
        }
        position
    };
    for member in &mut cohort.members {
        restore(&mut member.label);
    }
    let mut rejected: Vec<(usize, Rejected)> = cohort
        .rejected
        .drain(..)
        .map(|mut entry| (restore(&mut entry.label), entry))
        .collect();
    rejected.extend(unreadable);
    rejected.sort_by_key(|(position, _)| *position);
    cohort.rejected = rejected.into_iter().map(|(_, entry)| entry).collect();
    Ok(cohort)
}

/// Splits a `{label, assessment}` pair; any other element is an assessment
/// labelled by its position.
fn split_pair(element: &JsValue, position: u32) -> Result<(String, JsValue), Failure> {
    let default_label = format!("#{}", u64::from(position) + 1);
    if !element.is_object() || !is_plain_object(element) {
        return Ok((default_label, element.clone()));
    }
    let Ok(keys) = object_keys(element) else {
        return Ok((default_label, element.clone()));
    };
    let names: Vec<String> = keys.iter().filter_map(|key| key.as_string()).collect();
    let is_pair = names.iter().any(|name| name == "assessment")
        && names
            .iter()
            .all(|name| name == "assessment" || name == "label");
    if !is_pair {
        return Ok((default_label, element.clone()));
    }

    let read = |name: &str| js_sys::Reflect::get(element, &JsValue::from_str(name));
    let label = match read("label") {
        Ok(label) if label.is_undefined() || label.is_null() => default_label,
        Ok(label) => label.as_string().ok_or_else(|| {
            Failure::InvalidArgument(format!(
                "the label of assessment {default_label} must be a string"
            ))
        })?,
        Err(_) => {
            return Err(Failure::InvalidArgument(format!(
                "the label of assessment {default_label} could not be read"
            )))
        }
    };
    let assessment = read("assessment").unwrap_or(JsValue::UNDEFINED);
    Ok((label, assessment))
}

/// Reads one assessment: JSON text is parsed here, so that text the core
/// would reject before parsing keeps the issues `check_json` gives it.
fn read_element(
    template: &Template,
    input: &JsValue,
    label: String,
    options: &Options,
) -> Result<Element, Failure> {
    let Some(text) = input.as_string() else {
        let value = reader_for(options)
            .read(input)
            .map_err(|_| Failure::TooLarge)?;
        return Ok(Element::Value(value));
    };

    // NOTE: this repeats the core's size rule for JSON text, because the
    // core checks it only inside `check_json`.
    if text.len() <= options.limits.max_input_bytes {
        if let Ok(value) = Value::from_json(&text) {
            return Ok(Element::Value(value));
        }
    }
    let report = template.check_json(&text, options)?;
    Ok(Element::Unreadable(Rejected {
        label,
        issues: report.issues,
    }))
}
