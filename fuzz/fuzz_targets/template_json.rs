//! Reads arbitrary bytes as a template file. A template that loads must read
//! back its own JSON unchanged and score a typical assessment within the
//! documented bounds; its radar chart must draw.

#![no_main]

use libfuzzer_sys::fuzz_target;
use siat_core::{chart, Options, Template};
use siat_fuzz::{assert_report_consistent, typical_assessment};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(template) = Template::from_json(&text) else {
        return;
    };
    let again = Template::from_json(&template.to_json())
        .expect("a checked template reads back its own JSON");
    assert_eq!(
        again, template,
        "the template changed on its way through JSON"
    );

    let options = Options {
        today: siat_core::Date::parse("2026-12-04"),
        ..Options::default()
    };
    let report = template
        .check(&typical_assessment(&template), &options)
        .expect("the options are valid");
    // The template check keeps numbers within ±1e12, so sums stay finite.
    assert_report_consistent(&report);
    let _ = chart::radar(&template, report.scorecard.as_ref(), None, "en");
});
