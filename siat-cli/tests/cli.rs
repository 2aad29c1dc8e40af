//! Runs the `siat` binary the way a user does and checks output and exit codes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn siat(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_siat"))
        .args(args)
        .current_dir(repository())
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// Writes a file into a fresh folder under the target directory.
fn scratch_file(name: &str, contents: &str) -> PathBuf {
    let folder =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

const FOUR_ERRORS: &str = r#"{
  "template": {"id": "siat", "version": "1.0"},
  "profile": {"name": "Broken Box", "country": "NL", "sfsc_type": "box_scheme"},
  "prioritisation": {"ranks": {"economic": 1, "environmental": 2, "socio_cultural": 3, "governance": 4}},
  "answers": {"organic_share": "85", "producer_price_share": 140, "salary_level": 3}
}"#;

#[test]
fn score_cohort_prints_every_initiative() {
    let output = siat(&["score", "examples/cohort"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("Initiative"), "{text}");
    assert!(text.contains("De Groene Kist"));
    assert!(text.contains("16 assessments scored"));
    assert_eq!(text.lines().count(), 18, "{text}");
}

#[test]
fn score_json_object_for_one_file() {
    let output = siat(&[
        "score",
        "examples/cohort/nl-de-groene-kist.json",
        "--format",
        "json",
    ]);
    assert!(output.status.success());
    let scorecard: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(scorecard["name"], "De Groene Kist");
    assert_eq!(scorecard["dimensions"].as_array().unwrap().len(), 5);
    assert_eq!(scorecard["indicators"].as_array().unwrap().len(), 39);
    assert!(scorecard["index"]["score"].is_f64());
}

#[test]
fn score_json_array_for_folder() {
    let output = siat(&["score", "examples/cohort", "--format", "json"]);
    let scorecards: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(scorecards.as_array().unwrap().len(), 16);
}

#[test]
fn score_csv_has_dimension_columns() {
    let output = siat(&["score", "examples/cohort", "--format", "csv"]);
    let text = stdout(&output);
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "file,name,economic,environmental,socio_cultural,governance,influence,index,index_level"
    );
    assert_eq!(lines.count(), 16);
}

#[test]
fn score_in_dutch_uses_dutch_labels() {
    let output = siat(&[
        "score",
        "examples/cohort/nl-de-groene-kist.json",
        "--lang",
        "nl",
    ]);
    let text = stdout(&output);
    assert!(text.contains("Sociaal-cultureel"), "{text}");
    assert!(
        text.contains("voorloper") || text.contains("gevestigd"),
        "{text}"
    );
}

#[test]
fn method_option_changes_weights() {
    let output = siat(&[
        "score",
        "examples/cohort/nl-de-groene-kist.json",
        "--format",
        "json",
        "--method",
        "equal",
    ]);
    let scorecard: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(scorecard["weighting"], "equal");
    for dimension in scorecard["dimensions"].as_array().unwrap() {
        assert_eq!(dimension["weight"], 0.2);
    }
}

#[test]
fn validate_lists_four_errors() {
    let file = scratch_file("four-errors.json", FOUR_ERRORS);
    let output = siat(&["validate", file.to_str().unwrap(), "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let result: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(result["valid"], false);
    let errors: Vec<(String, String)> = result["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|issue| issue["severity"] == "error")
        .map(|issue| {
            (
                issue["code"].as_str().unwrap().to_owned(),
                issue["path"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(errors.len(), 4, "{errors:?}");
    assert!(errors.contains(&("wrong_type".to_owned(), "/answers/organic_share".to_owned())));
    assert!(errors.contains(&(
        "out_of_range".to_owned(),
        "/answers/producer_price_share".to_owned()
    )));
    assert!(errors.contains(&(
        "unknown_indicator".to_owned(),
        "/answers/salary_level".to_owned()
    )));
    assert!(errors.contains(&(
        "missing_required".to_owned(),
        "/prioritisation/ranks/influence".to_owned()
    )));
}

#[test]
fn validate_table_names_paths() {
    let file = scratch_file("four-errors-table.json", FOUR_ERRORS);
    let output = siat(&["validate", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("4 errors"), "{text}");
    assert!(text.contains("/answers/producer_price_share"));
    assert!(text.contains("`140` is out of range; allowed: 0 to 100"));
}

#[test]
fn valid_files_scored_beside_invalid_one() {
    let bad = scratch_file("bad.json", FOUR_ERRORS);
    let output = siat(&[
        "score",
        "examples/cohort/nl-de-groene-kist.json",
        bad.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let scorecards: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(scorecards.as_array().unwrap().len(), 1);
    assert!(stderr(&output).contains("4 errors"));
}

#[test]
fn missing_file_exits_two() {
    let output = siat(&["score", "no/such/file.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("`no/such/file.json` not found"));
}

#[test]
fn unsupported_language_exits_two() {
    let output = siat(&["score", "examples/cohort", "--lang", "fr"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unsupported language `fr`"));
}

#[test]
fn invalid_json_reported_with_position() {
    let file = scratch_file("truncated.json", "{\"template\": {\"id\": \"siat\"");
    let output = siat(&["validate", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("invalid_json"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn template_command_prints_builtin() {
    let output = siat(&["template"]);
    assert!(output.status.success());
    let template = siat_core::Template::from_json(&stdout(&output)).unwrap();
    assert_eq!(&template, siat_core::Template::builtin());
}

#[test]
fn broken_template_file_exits_two() {
    let file = scratch_file(
        "broken-template.json",
        r#"{"schema_version": 1, "id": "x"}"#,
    );
    let output = siat(&[
        "score",
        "examples/cohort",
        "--template",
        file.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("invalid template"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn compare_prints_findings_and_ranking() {
    let output = siat(&["compare", "examples/cohort", "--samples", "100"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("On average 80% of production is organic"),
        "{text}"
    );
    assert!(text.contains("On average 75% of products are local or traditional"));
    assert!(text.contains("Solawi Auenfeld"));
}

#[test]
fn compare_json_groups_by_country() {
    let output = siat(&[
        "compare",
        "examples/cohort",
        "--format",
        "json",
        "--group-by",
        "country",
        "--samples",
        "50",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let result: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(result["stats"]["count"], 16);
    let groups = result["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 9);
    let members: u64 = groups
        .iter()
        .map(|group| group["stats"]["count"].as_u64().unwrap())
        .sum();
    assert_eq!(members, 16);
    assert_eq!(result["sensitivity"].as_array().unwrap().len(), 16);
}

#[test]
fn compare_writes_html_report() {
    let report =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("report-{}.html", std::process::id()));
    let output = siat(&[
        "compare",
        "examples/cohort",
        "--html",
        report.to_str().unwrap(),
        "--lang",
        "nl",
        "--samples",
        "50",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains("Vergelijking van 16 initiatieven"));
    assert!(html.contains("<svg"));
}

#[test]
fn compare_rejects_text_field_grouping() {
    let output = siat(&["compare", "examples/cohort", "--group-by", "name"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("cannot group by `name`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn published_schemas_match_code() {
    for (kind, file) in [
        ("assessment", "schemas/siat-1.0.assessment.schema.json"),
        ("template", "schemas/template.schema.json"),
    ] {
        let output = siat(&["schema", kind]);
        assert!(output.status.success(), "{}", stderr(&output));
        let published = std::fs::read_to_string(repository().join(file)).unwrap();
        assert!(
            stdout(&output) == published,
            "{file} is stale; regenerate it with `siat schema {kind} > {file}`"
        );
    }
}

#[test]
fn migrate_reports_dropped_answers() {
    let output = siat(&[
        "migrate",
        "examples/cohort/nl-de-groene-kist.json",
        "--mapping",
        "tests/migrations/siat-1.0-to-1.1.json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let migrated: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(migrated["template"]["version"], "1.1");
    assert!(migrated["answers"].get("local_jobs_fte").is_some());
    assert!(migrated["answers"].get("collective_credit").is_none());
    let messages = stderr(&output);
    assert!(
        messages.contains("renamed local_jobs to local_jobs_fte"),
        "{messages}"
    );
    assert!(messages.contains("dropped collective_credit"), "{messages}");
}

#[test]
fn migrate_rejects_wrong_version() {
    let file = scratch_file(
        "v11.json",
        r#"{"template": {"id": "siat", "version": "1.1"}, "profile": {}, "answers": {}}"#,
    );
    let output = siat(&[
        "migrate",
        file.to_str().unwrap(),
        "--mapping",
        "tests/migrations/siat-1.0-to-1.1.json",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("version `1.1`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn advise_lists_recommendations() {
    let output = siat(&[
        "advise",
        "examples/cohort/rs-seoska-korpa-sremska.json",
        "--format",
        "json",
        "--limit",
        "4",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let recommendations: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let list = recommendations.as_array().unwrap();
    assert_eq!(list.len(), 4);
    assert!(!list[0]["practices"].as_array().unwrap().is_empty());

    let dutch = siat(&[
        "advise",
        "examples/cohort/rs-seoska-korpa-sremska.json",
        "--lang",
        "nl",
    ]);
    assert!(
        stdout(&dutch).starts_with("Advies voor Seoska Korpa Sremska"),
        "{}",
        stdout(&dutch)
    );
}

#[test]
fn method_names_match_file_format() {
    let output = siat(&[
        "score",
        "examples/cohort/nl-de-groene-kist.json",
        "--format",
        "json",
        "--method",
        "rank_order_centroid",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let scorecard: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(scorecard["weighting"], "rank_order_centroid");
}

#[test]
fn closed_pipe_ends_output_quietly() {
    use std::io::Read as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_siat"))
        .args(["score", "examples/cohort", "--format", "json"])
        .current_dir(repository())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // Dropping the pipe's reading end closes it while siat still writes.
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
}

#[test]
fn non_utf8_file_reported_and_others_scored() {
    let folder =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("mixed-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(
        repository().join("examples/cohort/nl-de-groene-kist.json"),
        folder.join("a.json"),
    )
    .unwrap();
    std::fs::write(folder.join("b.json"), b"{\"profile\": \"caf\xe9\"}").unwrap();
    let output = siat(&["score", folder.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output).lines().count(), 2, "{}", stdout(&output));
    let messages = stderr(&output);
    assert!(messages.contains("invalid_json"), "{messages}");
    assert!(
        messages.contains("byte 16 is not UTF-8; save the file as UTF-8 text"),
        "{messages}"
    );
}

#[test]
fn dutch_table_headers() {
    let output = siat(&[
        "score",
        "examples/cohort/nl-de-groene-kist.json",
        "--lang",
        "nl",
    ]);
    let text = stdout(&output);
    assert!(text.contains("Gewicht"), "{text}");
    assert!(text.contains("Weging: rank_sum"), "{text}");
}

#[test]
fn advise_warns_about_unscored_dimensions() {
    let sparse = r#"{"template": {"id": "siat", "version": "1.0"},
        "profile": {"name": "Sparse", "country": "NL", "sfsc_type": "csa"},
        "answers": {"networks": 1, "knowledge_sharing": 2, "policy_engagement": false, "replications": 0}}"#;
    let file = scratch_file("sparse.json", sparse);
    let output = siat(&["advise", file.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let warnings = stderr(&output);
    assert_eq!(
        warnings.matches("warning: dimension").count(),
        4,
        "{warnings}"
    );
}
