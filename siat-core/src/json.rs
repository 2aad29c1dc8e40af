//! Entry points that take and return JSON text, for bindings and tools
//! that exchange strings.
//!
//! Each answer is an object tagged by `status`, so callers never need to
//! catch: `{"status": "ok", ...}` or `{"status": "error", "error": {"kind",
//! "message", "problems"}}`.

use crate::options::Options;
use crate::report::SiatError;
use crate::template::Template;
use serde_json::json;

/// Validates and scores an assessment.
///
/// `template_json` is a template file's text, or `None` for the built-in
/// template; `options_json` is an [`Options`] object (`""` for defaults).
/// Returns `{"status": "ok", "report": {valid, issues, scorecard}}`.
pub fn check(template_json: Option<&str>, assessment_json: &str, options_json: &str) -> String {
    let outcome = load(template_json).and_then(|template| {
        let options = Options::from_json(options_json).map_err(SiatError::InvalidOptions)?;
        template.check_json(assessment_json, &options)
    });
    match outcome {
        Ok(report) => json!({"status": "ok", "report": report}).to_string(),
        Err(error) => failure(&error),
    }
}

/// Reads and checks a template; returns `{"status": "ok", "template": {...}}`.
pub fn template(template_json: Option<&str>) -> String {
    match load(template_json) {
        Ok(template) => json!({"status": "ok", "template": template}).to_string(),
        Err(error) => failure(&error),
    }
}

fn load(template_json: Option<&str>) -> Result<Template, SiatError> {
    match template_json {
        None => Ok(Template::builtin().clone()),
        Some(text) => Template::from_json(text).map_err(SiatError::from),
    }
}

fn failure(error: &SiatError) -> String {
    json!({
        "status": "error",
        "error": {"kind": error.kind(), "message": error.to_string(), "problems": error.problems()}
    })
    .to_string()
}
