//! Validates and scores structured input: a valid assessment with arbitrary
//! changes, or an arbitrary value. Values that JSON can carry must give
//! the same issues through `check` and through `check_json` on their JSON text.

#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use siat_core::Template;
use siat_fuzz::{
    assert_report_consistent, changed_baseline, has_json_form, AnyValue, Change, FuzzOptions,
};

#[derive(Debug, Arbitrary)]
struct Input {
    options: FuzzOptions,
    changes: Vec<Change>,
    whole: Option<AnyValue>,
}

fuzz_target!(|input: Input| {
    let value = match &input.whole {
        Some(whole) => whole.0.clone(),
        None => changed_baseline(&input.changes),
    };
    let options = input.options.build();
    let template = Template::builtin();

    let report = template
        .check(&value, &options)
        .expect("the options are valid");
    assert_report_consistent(&report);

    if has_json_form(&value) {
        let by_text = template
            .check_json(&value.to_json(), &options)
            .expect("the options are valid");
        assert_eq!(
            by_text.issues, report.issues,
            "check and check_json disagree"
        );
        assert_eq!(
            by_text.scorecard, report.scorecard,
            "check and check_json score differently"
        );
    }

    for change in &input.changes {
        if let Change::Answer(index, answer) = change {
            let indicators = &template.indicators;
            let indicator = &indicators[usize::from(*index) % indicators.len()];
            let _ = template.validate_field(&indicator.id, &answer.0, &options);
        }
    }
});
