//! Recommendations from the knowledge base, and the knowledge base itself.

use crate::arguments::whole_number;
use crate::scorecards::scorecard_of;
use crate::{respond, Failure, TemplateHandle};
use siat_core::{advise, AdviceOptions, KnowledgeBase, Value};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl TemplateHandle {
    /// Draws recommendations for an assessment (scored first) or a scorecard
    /// of this template. `options` are the scoring options plus `limit` and
    /// `perDimension`, the most recommendations in all and from one dimension.
    pub fn advise(&self, input: &JsValue, options: &JsValue) -> String {
        respond(self.loaded().and_then(|template| {
            let (options, extras) = crate::options::read_with(options, &["limit", "per_dimension"])
                .map_err(Failure::options)?;
            let mut advice = AdviceOptions::default();
            if let Some(limit) = extras.get("limit") {
                advice.limit = count("limit", limit)?;
            }
            if let Some(per_dimension) = extras.get("per_dimension") {
                advice.per_dimension = count("perDimension", per_dimension)?;
            }

            let scorecard = scorecard_of(template, input, &options)?;
            let knowledge = KnowledgeBase::builtin();
            Ok(advise(
                template,
                &scorecard,
                knowledge,
                &options.lang,
                advice,
            )?)
        }))
    }
}

/// Reads a count option; numbers beyond the address space mean "no maximum".
fn count(name: &str, value: &Value) -> Result<usize, Failure> {
    let count = whole_number(value).ok_or_else(|| {
        Failure::options(format!(
            "`{name}` must be a whole number from 0 upwards, not {}",
            value.kind()
        ))
    })?;
    Ok(usize::try_from(count).unwrap_or(usize::MAX))
}

/// Returns the built-in knowledge base: every entry with its texts in every
/// language and the indicators and dimensions it strengthens.
#[wasm_bindgen(js_name = knowledgeBase)]
pub fn knowledge_base() -> String {
    respond(Ok(KnowledgeBase::builtin()))
}
