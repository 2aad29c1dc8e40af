//! Cohort statistics, findings, benchmarks, sensitivity, charts and the report.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use siat_core::chart::{bars, radar};
use siat_core::{Cohort, Options, ReportOptions, Template, Value};
use std::path::{Path, PathBuf};

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Reads every example assessment as (file name, value).
fn example_inputs() -> Vec<(String, Value)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(repository().join("examples/cohort"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                Value::from_json(&text).unwrap(),
            )
        })
        .collect()
}

fn example_cohort() -> Cohort {
    Cohort::new(Template::builtin(), example_inputs(), &Options::default()).unwrap()
}

/// A one-dimension template whose scores equal the answers, so hand sums are easy.
fn share_template() -> Template {
    Template::from_json(
        r#"{
        "schema_version": 1, "id": "shares", "version": "1", "languages": ["en", "nl"],
        "title": {"en": "Shares", "nl": "Aandelen"},
        "levels": [{"id": "all", "min": 0, "max": 100, "label": {"en": "all", "nl": "alle"}}],
        "profile": [{"id": "name", "type": "text", "label": {"en": "Name", "nl": "Naam"}},
                    {"id": "kind", "type": "choice", "label": {"en": "Kind", "nl": "Soort"},
                     "options": [{"id": "shop", "label": {"en": "shop", "nl": "winkel"}},
                                 {"id": "market", "label": {"en": "market", "nl": "markt"}}]}],
        "dimensions": [{"id": "people", "label": {"en": "People", "nl": "Mensen"}}],
        "indicators": [
            {"id": "share", "dimension": "people", "type": "percent", "label": {"en": "Share", "nl": "Aandeel"},
             "finding": {"en": "on average {mean}% share", "nl": "gemiddeld {mean}% aandeel"}},
            {"id": "open", "dimension": "people", "type": "boolean", "label": {"en": "Open", "nl": "Open"}}
        ]}"#,
    )
    .unwrap()
}

fn share_input(name: &str, kind: &str, share: f64, open: bool) -> (String, Value) {
    let text = format!(
        r#"{{"template": {{"id": "shares", "version": "1"}}, "profile": {{"name": "{name}", "kind": "{kind}"}},
            "answers": {{"share": {share}, "open": {open}}}}}"#
    );
    (name.to_owned(), Value::from_json(&text).unwrap())
}

/// Four members: dimension scores are (share + open·100) / 2.
fn share_cohort() -> Cohort {
    let inputs = vec![
        share_input("A", "shop", 20.0, false),  // (20 + 0) / 2 = 10
        share_input("B", "shop", 40.0, true),   // (40 + 100) / 2 = 70
        share_input("C", "market", 60.0, true), // (60 + 100) / 2 = 80
        share_input("D", "market", 40.0, true), // (40 + 100) / 2 = 70
    ];
    Cohort::new(&share_template(), inputs, &Options::default()).unwrap()
}

#[test]
fn small_cohort_statistics_by_hand() {
    let stats = share_cohort().stats();
    assert_eq!(stats.count, 4);

    // Answers 20, 40, 60, 40: mean 40; sorted 20, 40, 40, 60 give Q1 35, median 40, Q3 45.
    let share = &stats.indicators[0];
    let values = share.values.as_ref().unwrap();
    assert_eq!(values.mean, Some(40.0));
    assert_eq!(values.q1, Some(35.0));
    assert_eq!(values.median, Some(40.0));
    assert_eq!(values.q3, Some(45.0));
    assert_eq!((values.min, values.max), (Some(20.0), Some(60.0)));
    // Sample SD: deviations −20, 0, 20, 0 → sqrt(800 / 3).
    assert!((values.std.unwrap() - (800.0f64 / 3.0).sqrt()).abs() < 1e-12);

    let open = &stats.indicators[1];
    assert_eq!(open.shares[0].option, "true");
    assert_eq!(open.shares[0].count, 3);
    assert_eq!(open.shares[0].share, 0.75);
    assert!(open.values.is_none());

    // Index = dimension score: 10, 70, 80, 70.
    assert_eq!(stats.index.mean, Some(57.5));
    assert_eq!(stats.index.median, Some(70.0));
    let ranks: Vec<Option<usize>> = stats
        .standings
        .iter()
        .map(|standing| standing.rank)
        .collect();
    assert_eq!(ranks, [Some(4), Some(2), Some(1), Some(2)]);
    // B: one below (10), two level (70, 70) → (1 + 0.5·2) / 4 = 50.
    assert_eq!(stats.standings[1].percentile, Some(50.0));
    assert_eq!(stats.standings[2].percentile, Some(87.5));
}

#[test]
fn groups_split_by_choice() {
    let groups = share_cohort().stats_by("kind").unwrap();
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].value.as_deref(), Some("shop"));
    assert_eq!(groups[0].stats.index.mean, Some(40.0));
    assert_eq!(groups[1].value.as_deref(), Some("market"));
    assert_eq!(groups[1].stats.index.mean, Some(75.0));
}

#[test]
fn grouping_by_text_field_rejected() {
    let error = share_cohort().stats_by("name").unwrap_err();
    assert!(
        error.to_string().contains("cannot group by `name`"),
        "{error}"
    );
}

#[test]
fn small_cohort_findings() {
    let findings = share_cohort().findings("en", Some("kind")).unwrap();
    let headline = findings
        .iter()
        .find(|finding| finding.kind == "headline")
        .unwrap();
    assert_eq!(headline.text, "On average 40% share");
    assert_eq!(headline.numbers["mean"], 40.0);

    let shops = findings
        .iter()
        .find(|finding| finding.group.as_deref() == Some("shop"))
        .unwrap();
    assert_eq!(shops.kind, "group_below");
    assert_eq!(shops.numbers["difference"], 17.5);
    assert_eq!(
        shops.text,
        "Shop (2 initiatives) scores 17.5 points below the whole cohort in People (40.0 against 57.5)"
    );

    assert_eq!(shops.numbers["size"], 2.0);

    let dutch = share_cohort().findings("nl", None).unwrap();
    let size = dutch
        .iter()
        .find(|finding| finding.kind == "cohort_size")
        .unwrap();
    assert_eq!(
        size.text,
        "4 initiatieven zijn vergeleken; hun gemiddelde SI-index is 57,5"
    );
    assert!(dutch
        .iter()
        .any(|finding| finding.text == "Gemiddeld 40% aandeel"));
}

#[test]
fn example_findings_state_case_study_shares() {
    let cohort = example_cohort();
    assert_eq!(cohort.members.len(), 16);
    assert!(cohort.rejected.is_empty());

    let findings = cohort.findings("en", None).unwrap();
    let headline = |id: &str| {
        findings
            .iter()
            .find(|finding| finding.subject.as_deref() == Some(id) && finding.kind == "headline")
            .unwrap()
    };
    assert_eq!(headline("organic_share").numbers["mean"], 80.0);
    assert_eq!(
        headline("organic_share").text,
        "On average 80% of production is organic"
    );
    assert_eq!(headline("local_traditional_share").numbers["mean"], 75.0);
    assert_eq!(
        headline("local_traditional_share").text,
        "On average 75% of products are local or traditional"
    );

    let dutch = cohort.findings("nl", None).unwrap();
    assert!(dutch
        .iter()
        .any(|finding| finding.text == "Gemiddeld is 80% van de productie biologisch"));
}

#[test]
fn example_statistics_match_raw_answers() {
    // Computed straight from the files, apart from the engine.
    let inputs = example_inputs();
    let organic: Vec<f64> = inputs
        .iter()
        .map(|(_, value)| {
            let Value::Object(root) = value else { panic!() };
            let Some(Value::Object(answers)) = root.get("answers") else {
                panic!()
            };
            let Some(Value::Number(share)) = answers.get("organic_share") else {
                panic!()
            };
            *share
        })
        .collect();
    let mean = organic.iter().sum::<f64>() / organic.len() as f64;

    let stats = example_cohort().stats();
    let organic_stats = stats
        .indicators
        .iter()
        .find(|indicator| indicator.id == "organic_share")
        .unwrap();
    assert_eq!(organic_stats.answered, 16);
    assert!((organic_stats.values.as_ref().unwrap().mean.unwrap() - mean).abs() < 1e-12);
}

#[test]
fn benchmark_places_member_in_cohort() {
    let cohort = example_cohort();
    let stats = cohort.stats();
    let member = &cohort.members[0];
    let benchmark = cohort.benchmark(&member.scorecard);
    assert_eq!(benchmark.index.score, member.scorecard.index.score);
    assert_eq!(benchmark.index.median, stats.index.median);
    assert_eq!(benchmark.index.percentile, stats.standings[0].percentile);
    assert_eq!(benchmark.dimensions.len(), 5);
    assert_eq!(benchmark.indicators.len(), 39);
    assert_eq!(
        benchmark.dimensions[0].median,
        stats.dimensions[0].scores.median
    );
}

#[test]
fn sensitivity_reproducible_with_seed() {
    let cohort = example_cohort();
    let first = cohort.sensitivity(200, 7).unwrap();
    let second = cohort.sensitivity(200, 7).unwrap();
    let other = cohort.sensitivity(200, 8).unwrap();
    assert_eq!(first, second);
    assert_ne!(first, other);

    for (entry, member) in first.iter().zip(&cohort.members) {
        let own_method = member.scorecard.weighting.as_str();
        assert_eq!(
            entry.methods[own_method], member.scorecard.index.score,
            "{}",
            entry.label
        );
        assert!(entry.methods["equal"].is_some());
        let spread = entry.random.as_ref().unwrap();
        assert!(spread.min <= spread.median && spread.median <= spread.max);
        let kept = entry.rank_kept.unwrap();
        assert!((0.0..=1.0).contains(&kept));
        assert!(entry.best_rank.unwrap() <= entry.rank.unwrap() || kept == 0.0);
    }
}

#[test]
fn sensitivity_limits_samples() {
    assert!(example_cohort()
        .sensitivity(siat_core::sensitivity::MAX_SAMPLES + 1, 1)
        .is_err());
}

/// Compares text with a pinned file; `SIAT_UPDATE_SNAPSHOTS=1` rewrites it.
fn assert_snapshot(name: &str, actual: &str) {
    let path = repository().join("tests/snapshots").join(name);
    if std::env::var("SIAT_UPDATE_SNAPSHOTS").is_ok_and(|value| value == "1") {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let pinned = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        pinned == actual,
        "{} differs; run with SIAT_UPDATE_SNAPSHOTS=1 after checking the change",
        path.display()
    );
}

#[test]
fn radar_snapshot() {
    let cohort = example_cohort();
    let stats = cohort.stats();
    let member = cohort
        .members
        .iter()
        .find(|member| member.scorecard.name.as_deref() == Some("De Groene Kist"))
        .unwrap();
    let svg = radar(
        Template::builtin(),
        Some(&member.scorecard),
        Some(&stats),
        "en",
    );
    roxmltree::Document::parse(&svg).unwrap();
    assert_snapshot("radar-de-groene-kist.svg", &svg);
}

#[test]
fn bar_chart_snapshot() {
    let cohort = example_cohort();
    let items: Vec<(String, Option<f64>)> = cohort
        .members
        .iter()
        .map(|member| {
            (
                member.scorecard.name.clone().unwrap(),
                member.scorecard.index.score,
            )
        })
        .collect();
    let svg = bars("SI-index", &items, "nl");
    roxmltree::Document::parse(&svg).unwrap();
    assert_snapshot("bars-index-nl.svg", &svg);
}

const HOSTILE_NAMES: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "' onmouseover='alert(1)",
    "&lt;already escaped&gt; & more",
    "]]><svg onload=alert(1)>",
];

fn hostile_cohort() -> Cohort {
    let inputs: Vec<(String, Value)> = HOSTILE_NAMES
        .iter()
        .enumerate()
        .map(|(position, name)| {
            let (_, mut value) =
                share_input("x", "shop", 10.0 * position as f64, position % 2 == 0);
            let Value::Object(root) = &mut value else {
                panic!()
            };
            let Some(Value::Object(profile)) = root.get_mut("profile") else {
                panic!()
            };
            profile.insert("name".to_owned(), Value::Text((*name).to_owned()));
            ((*name).to_owned(), value)
        })
        .collect();
    Cohort::new(&share_template(), inputs, &Options::default()).unwrap()
}

#[test]
fn charts_escape_user_text() {
    let cohort = hostile_cohort();
    let stats = cohort.stats();
    for member in &cohort.members {
        let svg = radar(
            &cohort.template,
            Some(&member.scorecard),
            Some(&stats),
            "en",
        );
        let document = roxmltree::Document::parse(&svg).unwrap();
        let elements: Vec<&str> = document
            .descendants()
            .filter(|node| node.is_element())
            .map(|node| node.tag_name().name())
            .collect();
        assert!(
            !elements.contains(&"script") && !elements.contains(&"img"),
            "{elements:?}"
        );
        let title = document
            .descendants()
            .find(|node| node.has_tag_name("title"))
            .unwrap();
        assert_eq!(title.text(), member.scorecard.name.as_deref());
    }

    let items: Vec<(String, Option<f64>)> = cohort
        .members
        .iter()
        .map(|member| (member.label.clone(), Some(50.0)))
        .collect();
    let svg = bars("<b>title</b>", &items, "en");
    let document = roxmltree::Document::parse(&svg).unwrap();
    let texts: Vec<&str> = document
        .descendants()
        .filter_map(|node| node.text())
        .collect();
    for name in HOSTILE_NAMES {
        assert!(texts.contains(name), "{name} missing from {texts:?}");
    }
}

#[test]
fn html_report_is_self_contained() {
    let cohort = hostile_cohort();
    let options = ReportOptions {
        group_by: Some("kind".to_owned()),
        samples: 50,
        ..ReportOptions::default()
    };
    let html = cohort.to_html(&options).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Content-Security-Policy"));
    assert!(!html.to_lowercase().contains("<script"));
    assert!(!html.contains("<img"));
    // The SVG namespace is a name, not a request; no other address may appear.
    assert!(!html
        .replace("http://www.w3.org/2000/svg", "")
        .contains("://"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn html_report_in_dutch() {
    let html = example_cohort()
        .to_html(&ReportOptions {
            lang: "nl".to_owned(),
            samples: 20,
            ..ReportOptions::default()
        })
        .unwrap();
    assert!(html.contains("<html lang=\"nl\">"));
    assert!(html.contains("Vergelijking van 16 initiatieven"));
    assert!(html.contains("Gemiddeld is 80% van de productie biologisch"));
}
