//! Runs every shared case in `tests/vectors` against the hand-computed
//! expectations, and pins the full report in `tests/vectors/snapshots` so the
//! Python and JavaScript suites can check they give the very same bits.
//!
//! Set `SIAT_UPDATE_SNAPSHOTS=1` to rewrite the snapshots after a deliberate change.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use serde_json::Value as Json;
use siat_core::{Options, Report, Template};
use std::path::{Path, PathBuf};

/// Absolute tolerance for hand-computed numbers such as 200/3.
const TOLERANCE: f64 = 1e-9;

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

fn case_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(vectors_dir())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .collect();
    files.sort();
    files
}

/// Runs one case and returns its report.
fn run_case(case: &Json) -> Report {
    let template = match case.get("template").and_then(Json::as_str) {
        Some(relative) => {
            let text = std::fs::read_to_string(vectors_dir().join(relative)).unwrap();
            Template::from_json(&text).unwrap()
        }
        None => Template::builtin().clone(),
    };
    let options: Options = match case.get("options") {
        Some(options) => serde_json::from_value(options.clone()).unwrap(),
        None => Options::default(),
    };
    match (
        case.get("assessment"),
        case.get("assessment_text").and_then(Json::as_str),
    ) {
        (Some(assessment), None) => template
            .check_json(&assessment.to_string(), &options)
            .unwrap(),
        (None, Some(text)) => template.check_json(text, &options).unwrap(),
        _ => panic!("a case needs exactly one of `assessment` and `assessment_text`"),
    }
}

/// Compares a number or `null` from the report with the expected one.
fn check_number(failures: &mut Vec<String>, what: &str, actual: &Json, expected: &Json) {
    match (actual.as_f64(), expected.as_f64()) {
        (Some(actual), Some(expected)) if (actual - expected).abs() <= TOLERANCE => {}
        (None, None) if actual.is_null() && expected.is_null() => {}
        _ => failures.push(format!("{what}: got {actual}, expected {expected}")),
    }
}

fn check_fields(failures: &mut Vec<String>, what: &str, actual: &Json, expected: &Json) {
    for (key, want) in expected.as_object().unwrap() {
        let got = actual.get(key).unwrap_or(&Json::Null);
        if want.is_number() || (want.is_null() && !got.is_string()) {
            check_number(failures, &format!("{what}.{key}"), got, want);
        } else if got != want {
            failures.push(format!("{what}.{key}: got {got}, expected {want}"));
        }
    }
}

fn find_by_id<'a>(list: &'a Json, id: &str) -> &'a Json {
    list.as_array()
        .unwrap()
        .iter()
        .find(|entry| entry["id"] == id)
        .unwrap_or(&Json::Null)
}

/// Lists every way a report differs from a case's expectations.
fn compare(report: &Report, expect: &Json) -> Vec<String> {
    let mut failures = Vec::new();
    if report.valid != expect["valid"].as_bool().unwrap() {
        failures.push(format!(
            "valid: got {}, expected {}",
            report.valid, expect["valid"]
        ));
    }

    let mut actual_issues: Vec<String> = report
        .issues
        .iter()
        .map(|issue| {
            format!(
                "{} {} {}",
                issue.code,
                issue.path,
                serde_json::to_string(&issue.severity).unwrap()
            )
        })
        .collect();
    let mut expected_issues: Vec<String> = expect["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|issue| {
            format!(
                "{} {} \"{}\"",
                issue["code"].as_str().unwrap(),
                issue["path"].as_str().unwrap(),
                issue["severity"].as_str().unwrap()
            )
        })
        .collect();
    actual_issues.sort();
    expected_issues.sort();
    if actual_issues != expected_issues {
        failures.push(format!(
            "issues: got {actual_issues:#?}, expected {expected_issues:#?}"
        ));
    }

    let Some(scorecard) = &report.scorecard else {
        return failures;
    };
    let scorecard = serde_json::to_value(scorecard).unwrap();
    if let Some(index) = expect.get("index") {
        check_number(&mut failures, "index", &scorecard["index"]["score"], index);
    }
    if let Some(level) = expect.get("index_level") {
        if &scorecard["index"]["level"] != level {
            failures.push(format!(
                "index_level: got {}, expected {level}",
                scorecard["index"]["level"]
            ));
        }
    }
    for (section, list) in [
        ("dimensions", &scorecard["dimensions"]),
        ("indicators", &scorecard["indicators"]),
    ] {
        if let Some(expected) = expect.get(section).and_then(Json::as_object) {
            for (id, fields) in expected {
                check_fields(
                    &mut failures,
                    &format!("{section}.{id}"),
                    find_by_id(list, id),
                    fields,
                );
            }
        }
    }
    failures
}

fn snapshot_path(case_file: &Path) -> PathBuf {
    vectors_dir()
        .join("snapshots")
        .join(case_file.file_name().unwrap())
}

#[test]
fn vectors_match_hand_calculations() {
    let files = case_files();
    assert!(
        files.len() >= 40,
        "expected at least 40 cases, found {}",
        files.len()
    );

    let mut failures = Vec::new();
    for file in &files {
        let case: Json = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        let report = run_case(&case);
        for failure in compare(&report, &case["expect"]) {
            failures.push(format!(
                "{}: {failure}",
                file.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn vectors_match_snapshots() {
    let update = std::env::var("SIAT_UPDATE_SNAPSHOTS").is_ok_and(|value| value == "1");
    let mut stale = Vec::new();
    for file in case_files() {
        let case: Json = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let report = serde_json::to_string_pretty(&run_case(&case)).unwrap() + "\n";
        let path = snapshot_path(&file);
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &report).unwrap();
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(pinned) if pinned == report => {}
            Ok(_) => stale.push(format!("{} differs", path.display())),
            Err(_) => stale.push(format!("{} is missing", path.display())),
        }
    }
    assert!(
        stale.is_empty(),
        "run with SIAT_UPDATE_SNAPSHOTS=1 after checking the change:\n{}",
        stale.join("\n")
    );
}
