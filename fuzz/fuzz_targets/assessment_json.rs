//! Checks arbitrary bytes as assessment JSON text (invalid UTF-8 is replaced
//! by U+FFFD first, because `check_json` takes a `&str`).
//!
//! Beyond not panicking: the report keeps its documented rules, and any text
//! that reads as an assessment survives the typed model unchanged.

#![no_main]

use libfuzzer_sys::fuzz_target;
use siat_core::{Assessment, Options, Template, Value};
use siat_fuzz::assert_report_consistent;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let dutch = data.first().is_some_and(|byte| byte % 2 == 1);
    let options = Options {
        lang: if dutch { "nl" } else { "en" }.to_owned(),
        today: siat_core::Date::parse("2026-12-04"),
        ..Options::default()
    };

    let report = Template::builtin()
        .check_json(&text, &options)
        .expect("the options are valid");
    assert_report_consistent(&report);

    let Ok(value) = Value::from_json(&text) else {
        return;
    };
    // Infinities are written as 1e999 and read back, so every assessment round-trips.
    if let Ok(assessment) = Assessment::from_value(&value) {
        let written = assessment.to_json();
        let again = Assessment::from_json(&written).expect("an assessment reads back its own JSON");
        assert_eq!(
            again, assessment,
            "the assessment changed on its way through JSON"
        );
    }
});
