//! Builds a cohort from a few changed assessments and runs every analysis on
//! it: statistics, groups, findings, weight sensitivity, charts and the HTML
//! report. The report must never carry a markup payload unescaped.

#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use siat_core::{chart, Cohort, ReportOptions, Template};
use siat_fuzz::{changed_baseline, Change, FuzzOptions};

/// Maximum members per run, because findings and sensitivity slow down with each one.
const MAX_MEMBERS: usize = 6;

/// Profile fields to group by, including ones that cannot group.
const GROUP_FIELDS: &[&str] = &[
    "country",
    "sfsc_type",
    "area",
    "legal_form",
    "name",
    "no_such_field",
];

#[derive(Debug, Arbitrary)]
struct Input {
    options: FuzzOptions,
    members: Vec<Vec<Change>>,
    group_by: Option<u8>,
    seed: u64,
}

fuzz_target!(|input: Input| {
    let options = input.options.build();
    let template = Template::builtin();
    let inputs = input
        .members
        .iter()
        .take(MAX_MEMBERS)
        .enumerate()
        .map(|(position, changes)| (format!("member {position}"), changed_baseline(changes)))
        .collect();
    let cohort = Cohort::new(template, inputs, &options).expect("the options are valid");

    let stats = cohort.stats();
    assert_eq!(stats.count, cohort.members.len());
    let group_by = input
        .group_by
        .map(|index| GROUP_FIELDS[usize::from(index) % GROUP_FIELDS.len()]);
    if let Some(field) = group_by {
        let _ = cohort.stats_by(field);
    }
    let _ = cohort.findings(&options.lang, group_by).map_err(|_| ());
    let _ = cohort
        .findings(&options.lang, None)
        .expect("the language is supported");
    let _ = cohort
        .sensitivity(10, input.seed)
        .expect("10 samples are allowed");

    for member in &cohort.members {
        let _ = chart::radar(
            template,
            Some(&member.scorecard),
            Some(&stats),
            &options.lang,
        );
    }
    let bars: Vec<(String, Option<f64>)> = cohort
        .members
        .iter()
        .map(|member| {
            (
                member.scorecard.name.clone().unwrap_or_default(),
                member.scorecard.index.score,
            )
        })
        .collect();
    let svg = chart::bars("index", &bars, &options.lang);
    assert!(
        !svg.contains("<script"),
        "a name reached the bar chart unescaped"
    );

    let report_options = ReportOptions {
        lang: options.lang.clone(),
        group_by: group_by.map(str::to_owned),
        samples: 10,
        seed: input.seed,
    };
    if let Ok(html) = cohort.to_html(&report_options) {
        assert!(
            !html.contains("<script"),
            "a name reached the HTML report unescaped"
        );
        assert!(
            !html.contains("<img"),
            "a name reached the HTML report unescaped"
        );
    }
});
