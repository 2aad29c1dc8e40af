//! Runs the catalogue of bad inputs in `tests/hostile`: each case's issues
//! must match, checking must never panic in any message language, and
//! checking must leave its input unchanged. A property test checks that
//! assessment JSON survives the typed model without losing meaning.
//!
//! The case format is described in `tests/hostile/README.md`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use indexmap::IndexMap;
use proptest::prelude::*;
use serde_json::Value as Json;
use siat_core::template::AnswerType;
use siat_core::{Assessment, Issue, Options, Report, Template, Value, WeightingMethod};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// Absolute tolerance for hand-computed numbers such as 340/7.
const TOLERANCE: f64 = 1e-9;

/// Minimum number of cases in the catalogue.
const MIN_CASES: usize = 80;

fn hostile_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/hostile")
}

/// One case file, read and with its input text built.
struct Case {
    file: String,
    json: Json,
    text: String,
    template: Template,
    options: Options,
}

fn case_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(hostile_dir())
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

/// Applies a `generate` instruction: puts a long string or a long array at a
/// JSON Pointer, so the case file itself stays small.
fn generate(assessment: &mut Json, instruction: &Json) {
    let path = instruction["path"]
        .as_str()
        .expect("generate.path is a JSON Pointer");
    let times = usize::try_from(
        instruction["times"]
            .as_u64()
            .expect("generate.times is a count"),
    )
    .unwrap();
    let built = match (instruction.get("repeat"), instruction.get("items")) {
        (Some(Json::String(piece)), None) => Json::String(piece.repeat(times)),
        (None, Some(item)) => Json::Array(vec![item.clone(); times]),
        _ => panic!("generate needs exactly one of `repeat` (a string) and `items`"),
    };
    *assessment
        .pointer_mut(path)
        .unwrap_or_else(|| panic!("generate.path `{path}` names no value of the assessment")) =
        built;
}

fn load(file: &Path) -> Case {
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    let json: Json = serde_json::from_str(&std::fs::read_to_string(file).unwrap())
        .unwrap_or_else(|error| panic!("{name} is not a JSON case file: {error}"));

    let text = match (json.get("assessment"), json.get("assessment_text")) {
        (Some(assessment), None) => {
            let mut assessment = assessment.clone();
            if let Some(instruction) = json.get("generate") {
                generate(&mut assessment, instruction);
            }
            assessment.to_string()
        }
        (None, Some(Json::String(text))) => {
            assert!(
                json.get("generate").is_none(),
                "{name}: `generate` needs `assessment`"
            );
            text.clone()
        }
        _ => panic!("{name}: a case needs exactly one of `assessment` and `assessment_text`"),
    };

    let template = match json.get("template").and_then(Json::as_str) {
        Some(relative) => {
            let template_text = std::fs::read_to_string(hostile_dir().join(relative)).unwrap();
            Template::from_json(&template_text).unwrap()
        }
        None => Template::builtin().clone(),
    };
    let options = match json.get("options") {
        Some(options) => serde_json::from_value(options.clone())
            .unwrap_or_else(|error| panic!("{name}: invalid options: {error}")),
        None => Options::default(),
    };
    Case {
        file: name,
        json,
        text,
        template,
        options,
    }
}

fn all_cases() -> Vec<Case> {
    case_files().iter().map(|file| load(file)).collect()
}

fn issue_key(code: &str, path: &str, severity: &str) -> String {
    format!("{code} {path:?} {severity}")
}

fn actual_key(issue: &Issue) -> String {
    let severity = serde_json::to_value(issue.severity).unwrap();
    issue_key(issue.code.as_str(), &issue.path, severity.as_str().unwrap())
}

/// Tells whether an issue has every parameter an expected issue lists.
fn has_params(issue: &Issue, expected: &serde_json::Map<String, Json>) -> bool {
    expected
        .iter()
        .all(|(key, value)| issue.params.get(key) == Some(value))
}

fn check_number(failures: &mut Vec<String>, label: &str, actual: &Json, expected: &Json) {
    let matches = match (actual.as_f64(), expected.as_f64()) {
        (Some(actual), Some(expected)) => (actual - expected).abs() <= TOLERANCE,
        (None, None) => actual.is_null() && expected.is_null(),
        _ => false,
    };
    if !matches {
        failures.push(format!("{label}: got {actual}, expected {expected}"));
    }
}

fn compare_issues(report: &Report, expect: &Json, failures: &mut Vec<String>) {
    let expected_issues = expect["issues"].as_array().unwrap();
    let mut expected_keys: Vec<String> = expected_issues
        .iter()
        .map(|issue| {
            issue_key(
                issue["code"].as_str().unwrap(),
                issue["path"].as_str().unwrap(),
                issue["severity"].as_str().unwrap(),
            )
        })
        .collect();
    let mut actual_keys: Vec<String> = report.issues.iter().map(actual_key).collect();
    expected_keys.sort();
    actual_keys.sort();
    if actual_keys != expected_keys {
        failures.push(format!(
            "issues: got {actual_keys:#?}, expected {expected_keys:#?}"
        ));
    }

    for expected in expected_issues {
        let Some(params) = expected.get("params").and_then(Json::as_object) else {
            continue;
        };
        let key = issue_key(
            expected["code"].as_str().unwrap(),
            expected["path"].as_str().unwrap(),
            expected["severity"].as_str().unwrap(),
        );
        let found = report
            .issues
            .iter()
            .any(|issue| actual_key(issue) == key && has_params(issue, params));
        if !found {
            let got: Vec<_> = report
                .issues
                .iter()
                .filter(|issue| actual_key(issue) == key)
                .map(|issue| &issue.params)
                .collect();
            failures.push(format!("params of {key}: got {got:?}, expected {params:?}"));
        }
    }
}

fn compare_scores(report: &Report, expect: &Json, failures: &mut Vec<String>) {
    let Some(scorecard) = &report.scorecard else {
        return;
    };
    if let Some(name) = expect.get("name") {
        let got = scorecard.name.as_deref();
        if got != name.as_str() {
            failures.push(format!("name: got {got:?}, expected {name}"));
        }
    }

    let scorecard = serde_json::to_value(scorecard).unwrap();
    if let Some(index) = expect.get("index") {
        check_number(failures, "index", &scorecard["index"]["score"], index);
    }
    if let Some(level) = expect.get("index_level") {
        if &scorecard["index"]["level"] != level {
            failures.push(format!(
                "index_level: got {}, expected {level}",
                scorecard["index"]["level"]
            ));
        }
    }
    for section in ["dimensions", "indicators"] {
        let Some(expected) = expect.get(section).and_then(Json::as_object) else {
            continue;
        };
        for (id, fields) in expected {
            let entry = scorecard[section]
                .as_array()
                .unwrap()
                .iter()
                .find(|entry| entry["id"] == id.as_str())
                .unwrap_or(&Json::Null);
            for (key, want) in fields.as_object().unwrap() {
                let got = entry.get(key).unwrap_or(&Json::Null);
                let label = format!("{section}.{id}.{key}");
                if want.is_number() || (want.is_null() && !got.is_string()) {
                    check_number(failures, &label, got, want);
                } else if got != want {
                    failures.push(format!("{label}: got {got}, expected {want}"));
                }
            }
        }
    }
}

/// Lists every way a report differs from a case's expectations.
fn compare(report: &Report, expect: &Json) -> Vec<String> {
    let mut failures = Vec::new();
    let valid = expect["valid"].as_bool().unwrap();
    if report.valid != valid {
        failures.push(format!("valid: got {}, expected {valid}", report.valid));
    }
    compare_issues(report, expect, &mut failures);
    compare_scores(report, expect, &mut failures);
    failures
}

#[test]
fn hostile_cases_match_expectations() {
    let cases = all_cases();
    assert!(
        cases.len() >= MIN_CASES,
        "expected at least {MIN_CASES} cases, found {}",
        cases.len()
    );

    let mut failures = Vec::new();
    for case in &cases {
        let report = case.template.check_json(&case.text, &case.options).unwrap();
        for failure in compare(&report, &case.json["expect"]) {
            failures.push(format!("{}: {failure}", case.file));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Runs every entry point on one input and returns what looks wrong.
fn run_every_entry_point(case: &Case, options: &Options) -> Vec<String> {
    let mut problems = Vec::new();
    let report = case.template.check_json(&case.text, options).unwrap();
    if report.valid != report.scorecard.is_some() {
        problems.push("`valid` disagrees with the presence of a scorecard".to_owned());
    }
    for issue in &report.issues {
        if issue.message.trim().is_empty() {
            problems.push(format!("{} at {:?} has no message", issue.code, issue.path));
        }
    }

    // A value has no byte length, so only check_json applies max_input_bytes.
    let rejected_by_size = report
        .issues
        .iter()
        .any(|issue| issue.params.get("reason") == Some(&Json::from("input_bytes")));
    if let Ok(value) = Value::from_json(&case.text) {
        let by_value = case.template.check(&value, options).unwrap();
        if by_value.valid != report.valid && !rejected_by_size {
            problems.push("check and check_json disagree on validity".to_owned());
        }
        let _ = case.template.validate(&value, options);
        let _ = case.template.score(&value, options);
        if let Ok(assessment) = Assessment::from_value(&value) {
            let _ = case.template.check_assessment(&assessment, options);
            let _ = assessment.to_json();
        }
    }
    problems
}

#[test]
fn hostile_cases_never_panic() {
    let mut failures = Vec::new();
    for case in all_cases() {
        for lang in ["en", "nl"] {
            let options = Options {
                lang: lang.to_owned(),
                ..case.options.clone()
            };
            match catch_unwind(AssertUnwindSafe(|| run_every_entry_point(&case, &options))) {
                Ok(problems) => failures.extend(
                    problems
                        .into_iter()
                        .map(|problem| format!("{} ({lang}): {problem}", case.file)),
                ),
                Err(_) => failures.push(format!("{} ({lang}): panicked", case.file)),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn checking_never_mutates_input() {
    let mut checked = 0;
    for case in all_cases() {
        let Ok(value) = Value::from_json(&case.text) else {
            continue;
        };
        let before = value.clone();
        let _ = case.template.check(&value, &case.options);
        let _ = case.template.score(&value, &case.options);
        assert_eq!(value, before, "{}: check changed its input", case.file);

        if let Ok(assessment) = Assessment::from_value(&value) {
            let typed_before = assessment.clone();
            let _ = case.template.check_assessment(&assessment, &case.options);
            assert_eq!(
                assessment, typed_before,
                "{}: check_assessment changed its input",
                case.file
            );
        }
        checked += 1;
    }
    assert!(
        checked >= MIN_CASES / 2,
        "only {checked} cases parse as JSON"
    );
}

/// Returns the reports of the cases that are valid, with their file names.
fn valid_reports() -> Vec<(String, Report)> {
    all_cases()
        .into_iter()
        .filter_map(|case| {
            let report = case.template.check_json(&case.text, &case.options).unwrap();
            report.valid.then_some((case.file, report))
        })
        .collect()
}

/// Lists every number of a scorecard with a name for messages.
fn scorecard_numbers(report: &Report) -> Vec<(String, f64)> {
    let Some(scorecard) = &report.scorecard else {
        return Vec::new();
    };
    let mut numbers = Vec::new();
    numbers.extend(
        scorecard
            .index
            .score
            .map(|score| ("index".to_owned(), score)),
    );
    for dimension in &scorecard.dimensions {
        let id = &dimension.id;
        numbers.push((format!("{id}.coverage"), dimension.coverage));
        numbers.push((format!("{id}.weight"), dimension.weight));
        numbers.extend(dimension.score.map(|score| (format!("{id}.score"), score)));
        numbers.extend(
            dimension
                .priority_gap
                .map(|gap| (format!("{id}.priority_gap"), gap)),
        );
    }
    for indicator in &scorecard.indicators {
        numbers.extend(
            indicator
                .score
                .map(|score| (format!("{}.score", indicator.id), score)),
        );
    }
    numbers
}

#[test]
fn scorecard_numbers_are_finite() {
    let mut failures = Vec::new();
    for (file, report) in valid_reports() {
        for (label, number) in scorecard_numbers(&report) {
            if !number.is_finite() {
                failures.push(format!("{file}: {label} is {number}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// JSON writers disagree on negative zero (`-0.0` from Rust and Python,
/// `0` from JavaScript's `JSON.stringify`), so a score of -0 would give
/// different scorecard text in different languages.
#[test]
fn scores_are_never_negative_zero() {
    let mut failures = Vec::new();
    for (file, report) in valid_reports() {
        for (label, number) in scorecard_numbers(&report) {
            if number == 0.0 && number.is_sign_negative() {
                failures.push(format!("{file}: {label} is -0"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// An answer such as `1e400` reads as an infinity and is an error. Writing
/// the assessment back as JSON must keep it an error, not turn it into an
/// unanswered question.
#[test]
fn non_finite_answers_survive_round_trip() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for case in all_cases() {
        let report = case.template.check_json(&case.text, &case.options).unwrap();
        let not_finite: Vec<&str> = report
            .issues
            .iter()
            .filter(|issue| issue.code.as_str() == "not_finite")
            .map(|issue| issue.path.as_str())
            .collect();
        let Ok(assessment) = Assessment::from_json(&case.text) else {
            continue;
        };
        if not_finite.is_empty() {
            continue;
        }
        checked += 1;

        let written = assessment.to_json();
        let again = case.template.check_json(&written, &case.options).unwrap();
        for path in not_finite {
            let still_reported = again
                .issues
                .iter()
                .any(|issue| issue.path == path && issue.is_error());
            if !still_reported {
                failures.push(format!(
                    "{}: the error at {path} is gone after to_json",
                    case.file
                ));
            }
        }
    }
    assert!(checked > 0, "no case has a not_finite answer");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------
// Round trip of generated assessments through the typed model.

/// Generates text with the characters that break naive handling: emoji with joiners,
/// right-to-left scripts and controls, combining marks, noncharacters and
/// JSON's special characters.
fn unicode_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("👩\u{200d}🌾".to_owned()),
        Just("🇳🇱".to_owned()),
        Just("\u{200f}שדה".to_owned()),
        Just("\u{202e}مزرعة\u{202c}".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("Z\u{336}\u{335}".to_owned()),
        Just("\u{0}\u{1b}\t\n".to_owned()),
        Just("\u{feff}\u{fffd}\u{ffff}\u{10ffff}".to_owned()),
        Just("\u{2028}\u{2029}".to_owned()),
        Just("\"\\/<>&'".to_owned()),
        Just("n/a".to_owned()),
        "\\PC{0,8}",
    ];
    prop::collection::vec(pieces, 0..6).prop_map(|pieces| pieces.concat())
}

/// Generates finite numbers, drawing the awkward ones often.
fn finite_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(-0.0),
        Just(5e-324),
        Just(1e300),
        Just(f64::MAX),
        Just(18_446_744_073_709_551_616.0),
        Just(9_007_199_254_740_993.0),
        (-1000i32..1000).prop_map(f64::from),
        any::<f64>().prop_filter("finite", |number| number.is_finite()),
    ]
}

/// Generates any JSON value with finite numbers and Unicode text, a few levels deep.
fn json_like() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        finite_number().prop_map(Value::Number),
        unicode_text().prop_map(Value::Text),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::List),
            prop::collection::vec((unicode_text(), inner), 0..4)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

/// Generates an answer of the indicator's kind, "n/a", null, or any value at all:
/// reading an assessment keeps answers that validation will reject.
fn answer_for(answer_type: AnswerType, options: Vec<String>) -> BoxedStrategy<Value> {
    let typed = match answer_type {
        AnswerType::Boolean => any::<bool>().prop_map(Value::Bool).boxed(),
        AnswerType::Percent | AnswerType::Number => finite_number().prop_map(Value::Number).boxed(),
        AnswerType::Likert5 | AnswerType::Count => (0u32..40)
            .prop_map(|number| Value::Number(f64::from(number)))
            .boxed(),
        AnswerType::Choice => prop::sample::select(options).prop_map(Value::Text).boxed(),
        AnswerType::MultiChoice => prop::sample::subsequence(options.clone(), 0..=options.len())
            .prop_map(|chosen| Value::List(chosen.into_iter().map(Value::Text).collect()))
            .boxed(),
    };
    prop_oneof![
        6 => typed,
        1 => Just(Value::Text("n/a".to_owned())),
        1 => Just(Value::Null),
        1 => json_like(),
    ]
    .boxed()
}

fn answers() -> impl Strategy<Value = IndexMap<String, Value>> {
    let per_indicator: Vec<_> = Template::builtin()
        .indicators
        .iter()
        .map(|indicator| {
            let options = indicator
                .options
                .iter()
                .map(|option| option.id.clone())
                .collect();
            let id = indicator.id.clone();
            prop::option::of(answer_for(indicator.answer_type, options))
                .prop_map(move |answer| answer.map(|answer| (id.clone(), answer)))
        })
        .collect();
    let unknown = prop::collection::vec((unicode_text(), json_like()), 0..3);
    (per_indicator, unknown)
        .prop_map(|(known, unknown)| known.into_iter().flatten().chain(unknown).collect())
}

fn profile() -> impl Strategy<Value = IndexMap<String, Value>> {
    (
        unicode_text(),
        prop::sample::select(vec!["NL", "nl", "ＮＬ", "XX", ""]),
        prop::option::of(prop::sample::select(vec!["csa", "box_scheme", "shop"])),
        prop::option::of(finite_number()),
        prop::option::of(prop::collection::vec(
            prop::sample::select(vec!["eggs", "honey", "fish"]),
            0..4,
        )),
        prop::option::of((unicode_text(), json_like())),
    )
        .prop_map(|(name, country, sfsc_type, year, products, extra)| {
            let mut profile = IndexMap::new();
            profile.insert("name".to_owned(), Value::Text(name));
            profile.insert("country".to_owned(), Value::Text(country.to_owned()));
            if let Some(kind) = sfsc_type {
                profile.insert("sfsc_type".to_owned(), Value::Text(kind.to_owned()));
            }
            if let Some(year) = year {
                profile.insert("year_founded".to_owned(), Value::Number(year));
            }
            if let Some(products) = products {
                let items = products
                    .into_iter()
                    .map(|id| Value::Text(id.to_owned()))
                    .collect();
                profile.insert("products".to_owned(), Value::List(items));
            }
            if let Some((key, value)) = extra {
                profile.insert(key, value);
            }
            profile
        })
}

/// Generates a prioritisation by ranks or by points with any numbers, or none.
fn prioritisation() -> impl Strategy<Value = Option<Value>> {
    let dimensions: Vec<String> = Template::builtin()
        .dimensions
        .iter()
        .map(|dimension| dimension.id.clone())
        .collect();
    let table = prop::collection::vec(finite_number(), dimensions.len()).prop_map(move |numbers| {
        Value::Object(
            dimensions
                .iter()
                .cloned()
                .zip(numbers.into_iter().map(Value::Number))
                .collect(),
        )
    });
    let method = prop::option::of(prop::sample::select(WeightingMethod::ALL.to_vec()));
    prop::option::of(
        (any::<bool>(), table, method).prop_map(|(by_ranks, table, method)| {
            let mut map = IndexMap::new();
            if let Some(method) = method {
                map.insert("method".to_owned(), Value::Text(method.as_str().to_owned()));
            }
            map.insert(if by_ranks { "ranks" } else { "points" }.to_owned(), table);
            Value::Object(map)
        }),
    )
}

fn meta() -> impl Strategy<Value = Option<Value>> {
    let date = (0u32..=9999, 1u32..=12, 1u32..=28)
        .prop_map(|(year, month, day)| format!("{year:04}-{month:02}-{day:02}"));
    prop::option::of((prop::option::of(date), prop::option::of(unicode_text()))).prop_map(
        |fields| {
            let (date, role) = fields?;
            let mut map = IndexMap::new();
            if let Some(date) = date {
                map.insert("date".to_owned(), Value::Text(date));
            }
            if let Some(role) = role {
                map.insert("respondent_role".to_owned(), Value::Text(role));
            }
            (!map.is_empty()).then_some(Value::Object(map))
        },
    )
}

fn assessment_input() -> impl Strategy<Value = Value> {
    (
        unicode_text(),
        profile(),
        prioritisation(),
        answers(),
        meta(),
    )
        .prop_map(|(version, profile, prioritisation, answers, meta)| {
            let mut root = IndexMap::new();
            root.insert(
                "template".to_owned(),
                Value::Object(IndexMap::from([
                    ("id".to_owned(), Value::Text("siat".to_owned())),
                    ("version".to_owned(), Value::Text(version)),
                ])),
            );
            root.insert("profile".to_owned(), Value::Object(profile));
            if let Some(prioritisation) = prioritisation {
                root.insert("prioritisation".to_owned(), prioritisation);
            }
            root.insert("answers".to_owned(), Value::Object(answers));
            if let Some(meta) = meta {
                root.insert("meta".to_owned(), meta);
            }
            Value::Object(root)
        })
}

/// Compares two values as JSON data: objects as sets of entries, numbers by
/// value (so `3` equals `3.0`), text byte for byte.
fn same_meaning(left: &Value, right: &Value) -> bool {
    match (left, right) {
        (Value::Object(left), Value::Object(right)) => {
            left.len() == right.len()
                && left.iter().all(|(key, value)| {
                    right
                        .get(key)
                        .is_some_and(|other| same_meaning(value, other))
                })
        }
        (Value::List(left), Value::List(right)) => {
            left.len() == right.len() && left.iter().zip(right).all(|(a, b)| same_meaning(a, b))
        }
        (Value::Number(left), Value::Number(right)) => left == right,
        _ => left == right,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn assessment_round_trip_keeps_meaning(input in assessment_input()) {
        let text = input.to_json();
        let model = Assessment::from_json(&text);
        prop_assert!(model.is_ok(), "{text} was not read: {model:?}");
        let model = model.unwrap();

        let written = model.to_json();
        let again = Value::from_json(&written).unwrap();
        prop_assert!(same_meaning(&again, &input), "{text}\nwas written back as\n{written}");
        prop_assert_eq!(Assessment::from_json(&written).unwrap(), model.clone());

        let name = input.as_object().and_then(|root| root.get("profile")).and_then(|profile| profile.as_object())
            .and_then(|profile| profile.get("name")).and_then(Value::as_str);
        prop_assert_eq!(model.name(), name);
    }

    #[test]
    fn scorecard_keeps_unicode_name(name in unicode_text().prop_filter("1 to 200 characters", |name| (1..=200).contains(&name.chars().count()))) {
        let input = Value::from_json(&format!(
            r#"{{"template": {{"id": "siat", "version": "1.0"}},
                "profile": {{"name": {}, "country": "NL", "sfsc_type": "csa"}},
                "answers": {{"organic_share": 50}}}}"#,
            serde_json::to_string(&name).unwrap()
        )).unwrap();
        let report = Template::builtin().check(&input, &Options::default()).unwrap();
        prop_assert!(report.valid, "{:?}", report.issues);
        prop_assert_eq!(report.scorecard.unwrap().name, Some(name));
    }
}

#[test]
fn templates_with_overflowing_numbers_rejected() {
    for (file, path) in [
        ("templates/huge-weights.json", "/indicators/0/weight"),
        ("templates/huge-linear-range.json", "/indicators/0/rule/x0"),
    ] {
        let text = std::fs::read_to_string(hostile_dir().join(file)).unwrap();
        let error = Template::from_json(&text).unwrap_err();
        let paths: Vec<&str> = error
            .problems
            .iter()
            .map(|problem| problem.path.as_str())
            .collect();
        assert!(paths.contains(&path), "{file}: {paths:?}");
    }
}
