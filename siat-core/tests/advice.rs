//! The knowledge base and the advice drawn from it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use siat_core::knowledge::EntryKind;
use siat_core::{advise, AdviceOptions, KnowledgeBase, Options, Scorecard, Template, Value};
use std::path::Path;

fn score_example(file: &str) -> Scorecard {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/cohort")
        .join(file);
    let input = Value::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    Template::builtin()
        .score(&input, &Options::default())
        .unwrap()
}

#[test]
fn builtin_knowledge_covers_template() {
    let knowledge = KnowledgeBase::from_json(siat_core::knowledge::BUILTIN_JSON).unwrap();
    assert_eq!(&knowledge, KnowledgeBase::builtin());
    let problems = knowledge.check(Template::builtin());
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn knowledge_has_every_kind() {
    let knowledge = KnowledgeBase::builtin();
    for kind in [
        EntryKind::Definition,
        EntryKind::Why,
        EntryKind::Driver,
        EntryKind::BestPractice,
        EntryKind::Lesson,
        EntryKind::Toolkit,
    ] {
        assert!(
            knowledge.entries.iter().any(|entry| entry.kind == kind),
            "no {kind:?}"
        );
    }
    let drivers = knowledge
        .entries
        .iter()
        .filter(|entry| entry.kind == EntryKind::Driver && entry.origin == "smartchain")
        .count();
    assert_eq!(drivers, 4);
}

#[test]
fn knowledge_check_finds_broken_links() {
    let mut knowledge = KnowledgeBase::builtin().clone();
    knowledge.entries[2]
        .indicators
        .push("salary_level".to_owned());
    knowledge
        .entries
        .retain(|entry| !entry.indicators.contains(&"leadership".to_owned()));
    let messages: Vec<String> = knowledge
        .check(Template::builtin())
        .into_iter()
        .map(|problem| problem.message)
        .collect();
    assert!(
        messages
            .iter()
            .any(|message| message.contains("`salary_level` is not an indicator")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|message| message.contains("strengthens indicator `leadership`")),
        "{messages:?}"
    );
}

#[test]
fn advice_follows_priority_gap() {
    let scorecard = score_example("rs-seoska-korpa-sremska.json");
    let recommendations = advise(
        Template::builtin(),
        &scorecard,
        KnowledgeBase::builtin(),
        "en",
        AdviceOptions::default(),
    )
    .unwrap();
    assert_eq!(recommendations.len(), 6);

    let gaps: Vec<f64> = recommendations
        .iter()
        .map(|recommendation| recommendation.priority_gap)
        .collect();
    assert!(gaps.windows(2).all(|pair| pair[0] >= pair[1]), "{gaps:?}");
    let largest = scorecard
        .dimensions
        .iter()
        .filter_map(|dimension| dimension.priority_gap)
        .fold(0.0, f64::max);
    assert_eq!(gaps[0], largest);

    for pair in recommendations.windows(2) {
        if pair[0].dimension == pair[1].dimension {
            assert!(pair[0].score <= pair[1].score);
        }
    }
    for recommendation in &recommendations {
        assert!(recommendation.score < 100.0);
        assert!(!recommendation.practices.is_empty());
        assert!(recommendation.text.contains(&recommendation.label));
    }

    // A practice's advice is given in full once; later it is named by title.
    let mut given: Vec<&str> = Vec::new();
    for recommendation in &recommendations {
        let lead = &recommendation.practices[0];
        if given.contains(&lead.id.as_str()) {
            assert!(
                !recommendation.text.contains(&lead.advice),
                "{}",
                recommendation.text
            );
            assert!(
                recommendation.text.contains(&lead.title),
                "{}",
                recommendation.text
            );
        } else {
            assert!(
                recommendation.text.contains(&lead.advice),
                "{}",
                recommendation.text
            );
            given.push(&lead.id);
        }
    }
}

#[test]
fn advice_without_linked_practice_says_so() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/templates");
    let template =
        Template::from_json(&std::fs::read_to_string(root.join("food-hub-3d.json")).unwrap())
            .unwrap();
    let input =
        Value::from_json(&std::fs::read_to_string(root.join("food-hub-example.json")).unwrap())
            .unwrap();
    let scorecard = template.score(&input, &Options::default()).unwrap();
    let recommendations = advise(
        &template,
        &scorecard,
        KnowledgeBase::builtin(),
        "en",
        AdviceOptions::default(),
    )
    .unwrap();
    assert!(!recommendations.is_empty());
    for recommendation in &recommendations {
        assert!(recommendation.practices.is_empty());
        assert!(
            recommendation
                .text
                .ends_with("the knowledge base has no practice linked to it."),
            "{}",
            recommendation.text
        );
    }
}

#[test]
fn advice_leads_vary() {
    let scorecard = score_example("rs-seoska-korpa-sremska.json");
    let recommendations = advise(
        Template::builtin(),
        &scorecard,
        KnowledgeBase::builtin(),
        "en",
        AdviceOptions::default(),
    )
    .unwrap();
    let mut leads: Vec<&str> = recommendations
        .iter()
        .map(|recommendation| recommendation.practices[0].id.as_str())
        .collect();
    let count = leads.len();
    leads.sort_unstable();
    leads.dedup();
    assert!(leads.len() >= count - 1, "leads repeat: {leads:?}");
}

#[test]
fn advice_in_dutch() {
    let scorecard = score_example("rs-seoska-korpa-sremska.json");
    let options = AdviceOptions {
        limit: 2,
        per_dimension: 1,
    };
    let recommendations = advise(
        Template::builtin(),
        &scorecard,
        KnowledgeBase::builtin(),
        "nl",
        options,
    )
    .unwrap();
    assert_eq!(recommendations.len(), 2);
    assert_ne!(recommendations[0].dimension, recommendations[1].dimension);
    assert!(
        recommendations[0].text.contains(" scoort "),
        "{}",
        recommendations[0].text
    );
}

#[test]
fn advice_rejects_unknown_language() {
    let scorecard = score_example("rs-seoska-korpa-sremska.json");
    assert!(advise(
        Template::builtin(),
        &scorecard,
        KnowledgeBase::builtin(),
        "fr",
        AdviceOptions::default()
    )
    .is_err());
}
