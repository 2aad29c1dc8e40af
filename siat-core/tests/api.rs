//! The typed API: templates, messages, single fields and the JSON entry points.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use siat_core::{i18n, json, Assessment, Code, Options, Severity, SiatError, Template, Value};
use std::path::Path;

/// The issue codes the user guide documents, errors first.
const DOCUMENTED_CODES: &[(&str, &str)] = &[
    ("invalid_json", "error"),
    ("unknown_template", "error"),
    ("unsupported_version", "error"),
    ("unknown_field", "error"),
    ("missing_required", "error"),
    ("wrong_type", "error"),
    ("not_finite", "error"),
    ("not_integer", "error"),
    ("out_of_range", "error"),
    ("unknown_option", "error"),
    ("duplicate_option", "error"),
    ("exclusive_option", "error"),
    ("unknown_indicator", "error"),
    ("na_not_allowed", "error"),
    ("invalid_prioritisation", "error"),
    ("unanswered", "warning"),
    ("low_coverage", "warning"),
    ("no_prioritisation", "warning"),
    ("not_short_chain", "warning"),
];

fn options(lang: &str) -> Options {
    Options {
        lang: lang.to_owned(),
        ..Options::default()
    }
}

#[test]
fn builtin_template_is_valid() {
    let template = Template::from_json(siat_core::template::BUILTIN_JSON).unwrap();
    assert_eq!(template.id, "siat");
    assert_eq!(template.version, "1.0");
    assert_eq!(template.dimensions.len(), 5);
    assert_eq!(template.indicators.len(), 39);
    assert_eq!(template.languages, ["en", "nl"]);
}

#[test]
fn builtin_template_survives_json_round_trip() {
    let template = Template::builtin();
    assert_eq!(&Template::from_json(&template.to_json()).unwrap(), template);
}

#[test]
fn codes_match_documentation() {
    let codes: Vec<(&str, &str)> = Code::ALL
        .iter()
        .map(|code| {
            let severity = match code.severity() {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            (code.as_str(), severity)
        })
        .collect();
    assert_eq!(codes, DOCUMENTED_CODES);
}

#[test]
fn built_in_catalogues_complete() {
    assert_eq!(
        i18n::BUILT_IN.len(),
        i18n::catalogue().len(),
        "a built-in catalogue file does not parse"
    );
    let catalogue = i18n::catalogue();
    let english = &catalogue["en"];
    for (lang, language) in catalogue.iter() {
        for code in Code::ALL {
            let covered = language.messages.contains_key(code.as_str())
                || language
                    .messages
                    .keys()
                    .any(|key| key.starts_with(&format!("{code}.")));
            assert!(covered, "{lang} lacks a message for {code}");
        }
        assert!(
            language.missing_keys(english).is_empty(),
            "{lang} lacks {:?}",
            language.missing_keys(english)
        );
        assert!(
            english.missing_keys(language).is_empty(),
            "en lacks {:?}",
            english.missing_keys(language)
        );
    }
}

#[test]
fn every_template_language_has_messages() {
    let catalogue = i18n::catalogue();
    for lang in &Template::builtin().languages {
        assert!(catalogue.contains_key(lang), "no messages in {lang}");
    }
}

#[test]
fn four_errors_reported_at_once() {
    let text = r#"{
        "template": {"id": "siat", "version": "1.0"},
        "profile": {"name": "De Groene Kist", "country": "NL", "sfsc_type": "box_scheme"},
        "prioritisation": {"ranks": {"economic": 1, "environmental": 2, "socio_cultural": 3, "governance": 4}},
        "answers": {"organic_share": "85", "producer_price_share": 140, "salary_level": 3}
    }"#;
    let report = Template::builtin()
        .check_json(text, &Options::default())
        .unwrap();
    let errors: Vec<(&str, &str)> = report
        .issues
        .iter()
        .filter(|issue| issue.is_error())
        .map(|issue| (issue.code.as_str(), issue.path.as_str()))
        .collect();
    assert_eq!(
        errors,
        [
            ("missing_required", "/prioritisation/ranks/influence"),
            ("unknown_indicator", "/answers/salary_level"),
            ("out_of_range", "/answers/producer_price_share"),
            ("wrong_type", "/answers/organic_share"),
        ]
    );
    assert!(report.scorecard.is_none());
}

#[test]
fn messages_in_dutch() {
    let issues = Template::builtin()
        .validate_field("organic_share", &Value::Number(140.0), &options("nl"))
        .unwrap();
    assert_eq!(issues.len(), 1);
    assert_eq!(
        issues[0].message,
        "`140` valt buiten het bereik; toegestaan: 0 tot en met 100"
    );
    assert_eq!(issues[0].params["min"], 0.0);
    assert_eq!(issues[0].params["max"], 100.0);
}

#[test]
fn wrong_type_hints_at_fix() {
    let template = Template::builtin();
    let check = |id: &str, text: &str| {
        template
            .validate_field(id, &Value::Text(text.to_owned()), &options("en"))
            .unwrap()
            .remove(0)
    };

    let percent = check("organic_share", "85%");
    assert_eq!(percent.params["reason"], "number_as_text");
    assert_eq!(
        percent.message,
        "expected a number from 0 to 100, got the text `\"85%\"`; write the number without quotes, units or %"
    );

    let not_applicable = check("renewable_energy_share", "N/A");
    assert_eq!(not_applicable.params["reason"], "not_applicable_case");

    let word = check("organic_share", "most");
    assert_eq!(
        word.message,
        "expected a number from 0 to 100, got `\"most\"`"
    );
}

#[test]
fn misspelt_ids_get_suggestions() {
    let report = Template::builtin()
        .check_json(
            r#"{"template": {"id": "siat", "version": "1.0"}, "profile": {"name": "X", "country": "NL", "sfsc_type": "box_schem"},
               "answers": {"organic_shares": 80}, "meta": {"dates": "2026-01-01"}}"#,
            &Options::default(),
        )
        .unwrap();
    let suggestion = |path: &str| {
        let issue = report
            .issues
            .iter()
            .find(|issue| issue.path == path)
            .unwrap();
        (
            issue.params["suggestion"].as_str().unwrap().to_owned(),
            issue.message.clone(),
        )
    };
    assert_eq!(suggestion("/answers/organic_shares").0, "organic_share");
    assert_eq!(suggestion("/profile/sfsc_type").0, "box_scheme");
    let (field, message) = suggestion("/meta/dates");
    assert_eq!(field, "date");
    assert_eq!(message, "unknown field `dates`; did you mean `date`?");
}

#[test]
fn impossible_date_named_as_such() {
    let report = Template::builtin()
        .check_json(
            r#"{"template": {"id": "siat", "version": "1.0"}, "profile": {}, "answers": {}, "meta": {"date": "2026-02-30"}}"#,
            &Options::default(),
        )
        .unwrap();
    let issue = report
        .issues
        .iter()
        .find(|issue| issue.path == "/meta/date")
        .unwrap();
    assert_eq!(issue.params["reason"], "no_such_date");
    assert_eq!(
        issue.message,
        "`\"2026-02-30\"` is written YYYY-MM-DD but that day does not exist"
    );
}

#[test]
fn field_validation_covers_profile() {
    let template = Template::builtin();
    let country = template
        .validate_field("country", &Value::Text("nl".to_owned()), &options("en"))
        .unwrap();
    assert_eq!(country[0].code, Code::UnknownOption);
    assert_eq!(country[0].path, "/profile/country");

    let chain = template
        .validate_field("intermediaries", &Value::Number(2.0), &options("en"))
        .unwrap();
    assert_eq!(chain[0].code, Code::NotShortChain);
    assert_eq!(chain[0].severity, Severity::Warning);

    let empty = template
        .validate_field("organic_share", &Value::Null, &options("en"))
        .unwrap();
    assert!(empty.is_empty());

    let unknown = template.validate_field("salary_level", &Value::Null, &options("en"));
    assert_eq!(
        unknown,
        Err(SiatError::UnknownField("salary_level".to_owned()))
    );
}

#[test]
fn unsupported_language_rejected() {
    let error = Template::builtin()
        .check(&Value::Null, &options("fr"))
        .unwrap_err();
    assert!(matches!(error, SiatError::UnsupportedLanguage { ref lang, .. } if lang == "fr"));
    // Other tests may add languages to the shared catalogue, so only the start is fixed.
    let message = error.to_string();
    assert!(
        message.starts_with("unsupported language `fr`; supported: en, nl"),
        "{message}"
    );
}

#[test]
fn min_coverage_outside_share_rejected() {
    let options = Options {
        min_coverage: Some(50.0),
        ..Options::default()
    };
    let error = Template::builtin()
        .check(&Value::Null, &options)
        .unwrap_err();
    assert!(matches!(error, SiatError::InvalidOptions(_)));
}

#[test]
fn assessment_rejects_unknown_sections() {
    let issues = Assessment::from_json(r#"{"template": {"id": "siat", "version": "1.0"}, "profile": {}, "answers": {}, "extra": 1}"#).unwrap_err();
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].code, Code::UnknownField);
    assert_eq!(issues[0].path, "/extra");
}

#[test]
fn assessment_deserializes_with_serde() {
    let text = r#"{"template": {"id": "siat", "version": "1.0"}, "profile": {"name": "X"}, "answers": {"organic_share": 85, "renewable_energy_share": "n/a", "local_jobs": null}}"#;
    let assessment: Assessment = serde_json::from_str(text).unwrap();
    assert_eq!(
        assessment.answers["renewable_energy_share"],
        siat_core::Answer::NotApplicable
    );
    assert_eq!(
        assessment.answers["local_jobs"],
        siat_core::Answer::Unanswered
    );
    assert!(serde_json::from_str::<Assessment>(r#"{"answers": 1}"#).is_err());
}

#[test]
fn json_entry_point_tags_outcome() {
    let ok: serde_json::Value = serde_json::from_str(&json::check(None, "[]", "")).unwrap();
    assert_eq!(ok["status"], "ok");
    assert_eq!(ok["report"]["valid"], false);
    assert_eq!(ok["report"]["issues"][0]["code"], "wrong_type");

    let failed: serde_json::Value =
        serde_json::from_str(&json::check(None, "{}", r#"{"lang": "xx"}"#)).unwrap();
    assert_eq!(failed["status"], "error");
    assert_eq!(failed["error"]["kind"], "unsupported_language");

    let bad_template: serde_json::Value =
        serde_json::from_str(&json::template(Some("{}"))).unwrap();
    assert_eq!(bad_template["error"]["kind"], "invalid_template");
}

/// Builds a small valid template, which each broken-template case changes.
fn small_template() -> serde_json::Value {
    serde_json::json!({
        "schema_version": 1,
        "id": "mini",
        "version": "1",
        "languages": ["en", "nl"],
        "title": {"en": "Mini", "nl": "Mini"},
        "levels": [
            {"id": "low", "min": 0, "max": 50, "label": {"en": "low", "nl": "laag"}},
            {"id": "high", "min": 50, "max": 100, "label": {"en": "high", "nl": "hoog"}}
        ],
        "dimensions": [{"id": "people", "label": {"en": "People", "nl": "Mensen"}}],
        "indicators": [
            {"id": "trust", "dimension": "people", "type": "likert5", "label": {"en": "Trust", "nl": "Vertrouwen"}},
            {"id": "model", "dimension": "people", "type": "choice", "label": {"en": "Model", "nl": "Model"},
             "options": [{"id": "a", "points": 0, "label": {"en": "A", "nl": "A"}}]}
        ]
    })
}

#[test]
fn small_template_scores() {
    let template = Template::from_json(&small_template().to_string()).unwrap();
    let input = Value::from_json(
        r#"{"template": {"id": "mini", "version": "1"}, "profile": {}, "answers": {"trust": 4, "model": "a"}}"#,
    )
    .unwrap();
    let scorecard = template.score(&input, &Options::default()).unwrap();
    assert_eq!(scorecard.dimensions[0].score, Some(37.5));
    assert_eq!(scorecard.index.score, Some(37.5));
    assert_eq!(scorecard.index.level.as_deref(), Some("low"));
}

#[test]
fn broken_template_reports_every_problem() {
    let mut broken = small_template();
    broken["schema_version"] = 2.into();
    broken["levels"][1]["min"] = 60.into();
    broken["dimensions"][0]["label"] = serde_json::json!({"en": "People"});
    broken["indicators"][1]["id"] = "trust".into();
    broken["indicators"][1]["options"][0]["points"] = 120.into();
    broken["indicators"].as_array_mut().unwrap().push(serde_json::json!(
        {"id": "miles", "dimension": "planet", "type": "number", "label": {"en": "Miles", "nl": "Mijlen"},
         "rule": {"kind": "linear", "x0": 5, "s0": 100, "x1": 5, "s1": 0}}
    ));
    broken["indicators"].as_array_mut().unwrap().push(serde_json::json!(
        {"id": "form", "dimension": "people", "type": "choice", "label": {"en": "Form", "nl": "Vorm"}}
    ));

    let error = Template::from_json(&broken.to_string()).unwrap_err();
    let paths: Vec<&str> = error
        .problems
        .iter()
        .map(|problem| problem.path.as_str())
        .collect();
    assert_eq!(
        paths,
        [
            "/schema_version",
            "/levels/1/min",
            "/dimensions/0/label/nl",
            "/indicators/1/id",
            "/indicators/1/options/0/points",
            "/indicators/2/dimension",
            "/indicators/2/rule",
            "/indicators/3/options",
        ],
        "{error}"
    );
}

#[test]
fn template_structure_error_has_path() {
    let mut broken = small_template();
    broken["indicators"][0]["type"] = "slider".into();
    let error = Template::from_json(&broken.to_string()).unwrap_err();
    assert_eq!(error.problems.len(), 1);
    assert_eq!(error.problems[0].path, "/indicators/0/type");
    assert!(
        error.problems[0].message.contains("slider"),
        "{}",
        error.problems[0].message
    );
}

/// A pseudo-localised test language (`en-XA`), added as a data file only.
const PSEUDO_MESSAGES: &str = include_str!("data/en-XA.json");

#[test]
fn third_language_added_as_data() {
    i18n::add_language("en-XA", PSEUDO_MESSAGES).unwrap();
    let mut template = small_template();
    template["languages"] = serde_json::json!(["en", "nl", "en-XA"]);
    template["title"]["en-XA"] = "[Mîñî]".into();
    for level in template["levels"].as_array_mut().unwrap() {
        level["label"]["en-XA"] = "[łévéł]".into();
    }
    template["dimensions"][0]["label"]["en-XA"] = "[Péøplé]".into();
    for indicator in template["indicators"].as_array_mut().unwrap() {
        indicator["label"]["en-XA"] = "[łåbél]".into();
        if let Some(options) = indicator
            .get_mut("options")
            .and_then(serde_json::Value::as_array_mut)
        {
            for option in options {
                option["label"]["en-XA"] = "[øptîøñ]".into();
            }
        }
    }
    let template = Template::from_json(&template.to_string()).unwrap();

    let issues = template
        .validate_field("trust", &Value::Number(7.0), &options("en-XA"))
        .unwrap();
    assert_eq!(issues[0].message, "[`7` îš øüt øf råñgé; ålløwéd: 1 tø 5]");
}

#[test]
fn incomplete_language_rejected() {
    let mut partial: serde_json::Value = serde_json::from_str(PSEUDO_MESSAGES).unwrap();
    partial["messages"]
        .as_object_mut()
        .unwrap()
        .remove("not_finite");
    let error = i18n::add_language("xx", &partial.to_string()).unwrap_err();
    assert!(error.contains("messages.not_finite"), "{error}");
    assert!(!i18n::languages().contains(&"xx".to_owned()));
}

fn migration_file(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/migrations")
            .join(name),
    )
    .unwrap()
}

#[test]
fn migration_renames_and_drops() {
    let migration =
        siat_core::Migration::from_json(&migration_file("siat-1.0-to-1.1.json")).unwrap();
    let newer = Template::from_json(&migration_file("siat-1.1.json")).unwrap();
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/cohort/nl-de-groene-kist.json"),
    )
    .unwrap();
    let input = Value::from_json(&text).unwrap();

    // The old assessment does not fit the new version as it is.
    let before = newer.check(&input, &Options::default()).unwrap();
    assert_eq!(before.issues[0].code, Code::UnsupportedVersion);

    let migrated = migration.apply(&input).unwrap();
    assert_eq!(
        migrated.renamed,
        [("local_jobs".to_owned(), "local_jobs_fte".to_owned())]
    );
    assert_eq!(
        migrated.dropped.keys().collect::<Vec<_>>(),
        ["collective_credit"]
    );

    let after = newer
        .check(&migrated.assessment, &Options::default())
        .unwrap();
    assert!(after.valid, "{:?}", after.issues);
    let old = Template::builtin()
        .score(&input, &Options::default())
        .unwrap();
    let new = after.scorecard.unwrap();
    assert_eq!(
        new.indicator("local_jobs_fte").unwrap().score,
        old.indicator("local_jobs").unwrap().score
    );
}

#[test]
fn migration_rejects_other_version() {
    let migration =
        siat_core::Migration::from_json(&migration_file("siat-1.0-to-1.1.json")).unwrap();
    let input = Value::from_json(
        r#"{"template": {"id": "siat", "version": "1.1"}, "profile": {}, "answers": {}}"#,
    )
    .unwrap();
    let error = migration.apply(&input).unwrap_err();
    assert!(error.to_string().contains("version `1.1`"), "{error}");
}

#[test]
fn oversized_text_rejected_before_parsing() {
    let options = Options {
        limits: siat_core::Limits {
            max_input_bytes: 100,
            ..siat_core::Limits::default()
        },
        ..Options::default()
    };
    let text = format!("{{\"profile\": {{\"name\": \"{}\"}}}}", "x".repeat(200));
    let report = Template::builtin().check_json(&text, &options).unwrap();
    assert_eq!(report.issues.len(), 1);
    assert_eq!(report.issues[0].code, Code::OutOfRange);
    assert_eq!(report.issues[0].path, "");
    assert_eq!(report.issues[0].params["reason"], "input_bytes");
    assert_eq!(
        report.issues[0].message,
        format!("the input has {} bytes; allowed: 100 or fewer", text.len())
    );
}

#[test]
fn long_string_reported_without_echo() {
    let huge = "é".repeat(20_000);
    let mut input = serde_json::json!({"template": {"id": "siat", "version": "1.0"}, "profile": {"name": "X", "country": "NL", "sfsc_type": "csa"}, "answers": {}});
    input["answers"]["fair_wages"] = huge.clone().into();
    let report = Template::builtin()
        .check(&Value::from(input), &Options::default())
        .unwrap();
    assert_eq!(report.issues.len(), 1);
    let issue = &report.issues[0];
    assert_eq!(issue.path, "/answers/fair_wages");
    assert_eq!(issue.params["reason"], "string_length");
    assert_eq!(issue.params["value"], 20_000);
    assert!(issue.message.len() < 200);
}

#[test]
fn deep_value_reported_at_limit() {
    let mut nested = Value::Null;
    for _ in 0..40 {
        nested = Value::List(vec![nested]);
    }
    let mut input = serde_json::json!({"template": {"id": "siat", "version": "1.0"}, "profile": {}, "answers": {}});
    input["answers"]["eco_packaging"] = serde_json::Value::Null;
    let mut value = Value::from(input);
    if let Value::Object(root) = &mut value {
        if let Some(Value::Object(answers)) = root.get_mut("answers") {
            answers.insert("eco_packaging".to_owned(), nested);
        }
    }
    let report = Template::builtin()
        .check(&value, &Options::default())
        .unwrap();
    assert_eq!(report.issues.len(), 1);
    assert_eq!(report.issues[0].params["reason"], "depth");
    assert_eq!(report.issues[0].params["max"], 32);
}

#[test]
fn template_structure_errors_reported_together() {
    let mut broken = small_template();
    broken["indicators"][0]["type"] = "percentage".into();
    broken["indicators"][1]["weigth"] = 2.into();
    broken["levels"][0]["label"] = "low".into();
    let error = Template::from_json(&broken.to_string()).unwrap_err();
    let paths: Vec<&str> = error
        .problems
        .iter()
        .map(|problem| problem.path.as_str())
        .collect();
    assert_eq!(
        paths,
        [
            "/levels/0/label",
            "/indicators/0/type",
            "/indicators/1/weigth"
        ],
        "{error}"
    );
    assert!(
        error.problems[2].message.contains("weigth"),
        "{}",
        error.problems[2].message
    );
}

#[test]
fn infinite_answer_survives_writing() {
    let text = r#"{"template": {"id": "siat", "version": "1.0"}, "profile": {"name": "X", "country": "NL", "sfsc_type": "csa"}, "answers": {"organic_share": 1e400, "eco_packaging": [-1e999]}}"#;
    let assessment = Assessment::from_json(text).unwrap();
    let written = assessment.to_json();
    assert!(written.contains("\"organic_share\": 1e999"), "{written}");
    let again = Assessment::from_json(&written).unwrap();
    assert_eq!(again, assessment);

    let report = Template::builtin()
        .check_assessment(&again, &Options::default())
        .unwrap();
    let codes: Vec<(&str, &str)> = report
        .issues
        .iter()
        .filter(|issue| issue.is_error())
        .map(|issue| (issue.code.as_str(), issue.path.as_str()))
        .collect();
    assert!(
        codes.contains(&("not_finite", "/answers/organic_share")),
        "{codes:?}"
    );
}

#[test]
fn negative_zero_scores_as_zero() {
    let text = r#"{"template": {"id": "siat", "version": "1.0"}, "profile": {"name": "X", "country": "NL", "sfsc_type": "csa"}, "answers": {"organic_share": -0}}"#;
    let report = Template::builtin()
        .check_json(text, &Options::default())
        .unwrap();
    let scorecard = report.scorecard.unwrap();
    let score = scorecard.indicator("organic_share").unwrap().score.unwrap();
    assert!(score == 0.0 && score.is_sign_positive());
    assert!(!scorecard.to_json().contains("-0.0"));
}

#[test]
fn huge_template_numbers_rejected() {
    let mut template = small_template();
    template["indicators"][0]["weight"] = 1e308.into();
    let error = Template::from_json(&template.to_string()).unwrap_err();
    assert_eq!(error.problems[0].path, "/indicators/0/weight");
}
