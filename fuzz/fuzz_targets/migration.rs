//! Applies migrations to changed assessments. A migration that succeeds must
//! keep every answer: under its old id, under its new id, or in `dropped`.

#![no_main]

use indexmap::IndexMap;
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use siat_core::{Migration, Options, Template, Value};
use siat_fuzz::{changed_baseline, Change, Key};

#[derive(Debug, Arbitrary)]
struct Input {
    mapping_text: Option<String>,
    to: Key,
    renamed: Vec<(u8, Key)>,
    removed: Vec<u8>,
    changes: Vec<Change>,
}

fn indicator_id(index: u8) -> String {
    let indicators = &Template::builtin().indicators;
    indicators[usize::from(index) % indicators.len()].id.clone()
}

fn answers_of(assessment: &Value) -> Option<&IndexMap<String, Value>> {
    assessment.as_object()?.get("answers")?.as_object()
}

fuzz_target!(|input: Input| {
    if let Some(text) = &input.mapping_text {
        let _ = Migration::from_json(text);
    }

    let migration = Migration {
        template: "siat".to_owned(),
        from: "1.0".to_owned(),
        to: input.to.0.clone(),
        description: String::new(),
        renamed: input
            .renamed
            .iter()
            .map(|(index, new_id)| (indicator_id(*index), new_id.0.clone()))
            .collect(),
        removed: input
            .removed
            .iter()
            .map(|index| indicator_id(*index))
            .collect(),
    };
    let assessment = changed_baseline(&input.changes);
    let Ok(migrated) = migration.apply(&assessment) else {
        return;
    };

    if let Some(before) = answers_of(&assessment) {
        let after = answers_of(&migrated.assessment).expect("the answers stay an object");
        assert_eq!(
            before.len(),
            after.len() + migrated.dropped.len(),
            "an answer was lost"
        );
        for (old_id, answer) in before {
            if let Some(dropped) = migrated.dropped.get(old_id) {
                assert_eq!(
                    dropped.to_serde(),
                    answer.to_serde(),
                    "`{old_id}` was dropped with another value"
                );
                continue;
            }
            let new_id = migration.renamed.get(old_id).unwrap_or(old_id);
            // Compared through serde_json, where NaN is the string "NaN" and equals itself.
            let arrived = after.get(new_id).map(Value::to_serde);
            assert_eq!(
                arrived,
                Some(answer.to_serde()),
                "`{old_id}` did not arrive at `{new_id}`"
            );
        }
    }
    let _ = Template::builtin().check(&migrated.assessment, &Options::default());
});
