//! Pieces the fuzz targets share: input values and assessments built from
//! fuzzer bytes, and the invariants every report must keep.
//!
//! Structured input starts from a valid assessment and changes it, so most
//! generated inputs get past the shape checks and reach scoring.

use arbitrary::{Arbitrary, Result, Unstructured};
use indexmap::IndexMap;
use siat_core::template::{AnswerType, FieldType};
use siat_core::{Aggregation, Date, Options, Report, Template, Value, WeightingMethod};
use std::sync::OnceLock;

/// Deepest nesting of a generated value. The JSON text targets cover deeper input.
const MAX_VALUE_DEPTH: usize = 6;

/// Maximum entries in a generated array or object.
const MAX_ENTRIES: usize = 8;

/// A valid assessment of the built-in template, which structured input changes.
const BASELINE: &str = r#"{
  "template": {"id": "siat", "version": "1.0"},
  "profile": {"name": "Fuzz Farm", "country": "NL", "sfsc_type": "csa", "year_founded": 2010,
              "intermediaries": 0, "products": ["eggs", "honey"]},
  "prioritisation": {"ranks": {"socio_cultural": 1, "governance": 2, "economic": 3,
                               "environmental": 4, "influence": 5}},
  "answers": {
    "producer_price_share": 80, "price_transparency": 4, "sfsc_turnover_share": 90, "local_jobs": 5,
    "local_sourcing_share": 75, "fair_wages": "at_agreement", "collective_investment": true,
    "collective_credit": false, "customer_prefinancing": true, "organic_share": 80,
    "eco_packaging": ["reusable"], "food_miles_km": 38, "waste_measures": ["composting"],
    "renewable_energy_share": "n/a", "low_emission_logistics": false, "biodiversity_practices": 5,
    "local_traditional_share": 75, "women_share": 55, "community_events": 9,
    "cooperation_training": true, "social_inclusion": true, "extra_working_conditions": false,
    "customer_trust": 5, "shared_spaces": true, "decision_making": "member_vote",
    "actors_involved": ["consumers", "workers"], "transparency": 4, "formal_agreements": false,
    "informal_rules_trust": 3, "shared_vision": true, "customers_in_governance": false,
    "leadership": "collective", "networks": 3, "cross_sector_partners": ["education"],
    "knowledge_sharing": 3, "policy_engagement": false, "replications": 0,
    "public_communication": 3, "public_institution_supply": true
  },
  "meta": {"date": "2026-05-14", "respondent_role": "coordinator"}
}"#;

/// Text that user-written names are likely to contain, including markup
/// that a report writer must escape.
const PAYLOADS: &[&str] = &[
    "n/a",
    "N/A",
    "",
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "]]><!--",
    "👩\u{200d}🌾",
    "\u{202e}tsoh\u{202c}",
    "e\u{301}",
    "\u{0}",
    "a/b~c",
];

/// Returns the baseline assessment as a value.
pub fn baseline() -> Value {
    static BASELINE_VALUE: OnceLock<Value> = OnceLock::new();
    BASELINE_VALUE
        .get_or_init(|| Value::from_json(BASELINE).expect("the baseline is valid JSON"))
        .clone()
}

/// Ids and words of the built-in template that structured input picks from,
/// so generated answers often name real options.
fn words() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let template = Template::builtin();
        let mut words: Vec<String> = PAYLOADS.iter().map(|text| (*text).to_owned()).collect();
        words.extend(
            template
                .indicators
                .iter()
                .map(|indicator| indicator.id.clone()),
        );
        words.extend(
            template
                .dimensions
                .iter()
                .map(|dimension| dimension.id.clone()),
        );
        words.extend(template.profile.iter().map(|field| field.id.clone()));
        for indicator in &template.indicators {
            words.extend(indicator.options.iter().map(|option| option.id.clone()));
        }
        for field in &template.profile {
            words.extend(field.options.iter().map(|option| option.id.clone()));
        }
        words.extend(
            WeightingMethod::ALL
                .iter()
                .map(|method| method.as_str().to_owned()),
        );
        words.extend(["siat", "1.0", "NL", "nl", "2026-02-29", "2024-02-29"].map(str::to_owned));
        words
    })
}

fn number(u: &mut Unstructured<'_>) -> Result<f64> {
    const SPECIAL: &[f64] = &[
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        -0.0,
        0.5,
        2.5,
        1e300,
        -1e300,
        f64::MAX,
        f64::MIN_POSITIVE,
        5e-324,
        9_007_199_254_740_993.0,
        18_446_744_073_709_551_616.0,
    ];
    Ok(match u.int_in_range(0..=2)? {
        0 => *u.choose(SPECIAL)?,
        1 => f64::from(u.int_in_range(-10i32..=2100)?),
        _ => f64::from_bits(u.arbitrary()?),
    })
}

fn text(u: &mut Unstructured<'_>) -> Result<String> {
    if u.arbitrary()? {
        Ok(u.choose(words())?.clone())
    } else {
        u.arbitrary()
    }
}

fn value(u: &mut Unstructured<'_>, depth: usize) -> Result<Value> {
    let kinds = if depth >= MAX_VALUE_DEPTH { 4 } else { 6 };
    Ok(match u.int_in_range(0..=kinds)? {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => Value::Number(number(u)?),
        3 => Value::Text(text(u)?),
        4 => Value::Other("function".to_owned()),
        5 => {
            let count = u.int_in_range(0..=MAX_ENTRIES)?;
            let mut items = Vec::with_capacity(count);
            for _ in 0..count {
                items.push(value(u, depth + 1)?);
            }
            Value::List(items)
        }
        _ => {
            let count = u.int_in_range(0..=MAX_ENTRIES)?;
            let mut map = IndexMap::with_capacity(count);
            for _ in 0..count {
                map.insert(text(u)?, value(u, depth + 1)?);
            }
            Value::Object(map)
        }
    })
}

/// Any input value, with numbers that may be NaN or infinite.
#[derive(Debug, Clone)]
pub struct AnyValue(pub Value);

impl<'a> Arbitrary<'a> for AnyValue {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        value(u, 0).map(AnyValue)
    }
}

/// A key: an id of the built-in template, a markup payload, or any text.
#[derive(Debug, Clone)]
pub struct Key(pub String);

impl<'a> Arbitrary<'a> for Key {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        text(u).map(Key)
    }
}

/// Top-level sections of an assessment, and one key that is not a section.
const SECTIONS: &[&str] = &[
    "template",
    "profile",
    "prioritisation",
    "answers",
    "meta",
    "extra",
];

/// One change to an assessment.
#[derive(Debug, Clone, Arbitrary)]
pub enum Change {
    /// Sets the answer to the indicator at this position (modulo the number of indicators).
    Answer(u8, AnyValue),
    /// Sets an answer under any key.
    AnswerKey(Key, AnyValue),
    /// Removes the answer to the indicator at this position.
    RemoveAnswer(u8),
    /// Sets the profile field at this position (modulo the number of fields).
    Profile(u8, AnyValue),
    /// Sets the rank of the dimension at this position.
    Rank(u8, AnyValue),
    /// Replaces the ranks by points.
    Points([u8; 5]),
    /// Sets the weighting method.
    Method(AnyValue),
    /// Sets `meta.date` or `meta.respondent_role`.
    Meta(bool, AnyValue),
    /// Sets `template.id` or `template.version`.
    TemplateRef(bool, AnyValue),
    /// Replaces a whole section, or adds an unknown one.
    Section(u8, AnyValue),
    /// Removes a section.
    RemoveSection(u8),
}

fn pick<T: Clone>(items: &[T], index: u8) -> Option<T> {
    if items.is_empty() {
        return None;
    }
    items.get(usize::from(index) % items.len()).cloned()
}

/// Returns the object under a top-level key, creating it when it is missing
/// or not an object.
fn section<'v>(
    root: &'v mut IndexMap<String, Value>,
    key: &str,
) -> &'v mut IndexMap<String, Value> {
    let entry = root
        .entry(key.to_owned())
        .or_insert_with(|| Value::Object(IndexMap::new()));
    if !matches!(entry, Value::Object(_)) {
        *entry = Value::Object(IndexMap::new());
    }
    match entry {
        Value::Object(map) => map,
        _ => unreachable!("the entry was just made an object"),
    }
}

impl Change {
    /// Applies the change to an assessment value whose root is an object.
    pub fn apply(&self, assessment: &mut Value) {
        let Value::Object(root) = assessment else {
            return;
        };
        let template = Template::builtin();
        let indicator_ids: Vec<String> = template
            .indicators
            .iter()
            .map(|item| item.id.clone())
            .collect();
        let field_ids: Vec<String> = template
            .profile
            .iter()
            .map(|field| field.id.clone())
            .collect();
        let dimension_ids: Vec<String> = template
            .dimensions
            .iter()
            .map(|item| item.id.clone())
            .collect();

        match self {
            Change::Answer(index, value) => {
                let id = pick(&indicator_ids, *index).unwrap_or_default();
                section(root, "answers").insert(id, value.0.clone());
            }
            Change::AnswerKey(key, value) => {
                section(root, "answers").insert(key.0.clone(), value.0.clone());
            }
            Change::RemoveAnswer(index) => {
                let id = pick(&indicator_ids, *index).unwrap_or_default();
                section(root, "answers").shift_remove(&id);
            }
            Change::Profile(index, value) => {
                let id = pick(&field_ids, *index).unwrap_or_default();
                section(root, "profile").insert(id, value.0.clone());
            }
            Change::Rank(index, value) => {
                let id = pick(&dimension_ids, *index).unwrap_or_default();
                let prioritisation = section(root, "prioritisation");
                prioritisation.shift_remove("points");
                let ranks = prioritisation
                    .entry("ranks".to_owned())
                    .or_insert_with(|| Value::Object(IndexMap::new()));
                if let Value::Object(ranks) = ranks {
                    ranks.insert(id, value.0.clone());
                }
            }
            Change::Points(points) => {
                let table = dimension_ids
                    .iter()
                    .zip(points)
                    .map(|(id, points)| (id.clone(), Value::Number(f64::from(*points))))
                    .collect();
                let prioritisation = section(root, "prioritisation");
                prioritisation.shift_remove("ranks");
                prioritisation.insert("points".to_owned(), Value::Object(table));
            }
            Change::Method(value) => {
                section(root, "prioritisation").insert("method".to_owned(), value.0.clone());
            }
            Change::Meta(date, value) => {
                let key = if *date { "date" } else { "respondent_role" };
                section(root, "meta").insert(key.to_owned(), value.0.clone());
            }
            Change::TemplateRef(id, value) => {
                let key = if *id { "id" } else { "version" };
                section(root, "template").insert(key.to_owned(), value.0.clone());
            }
            Change::Section(index, value) => {
                let key = pick(SECTIONS, *index).unwrap_or("extra");
                root.insert(key.to_owned(), value.0.clone());
            }
            Change::RemoveSection(index) => {
                let key = pick(SECTIONS, *index).unwrap_or("extra");
                root.shift_remove(key);
            }
        }
    }
}

/// Applies changes to the baseline, at most 16 of them.
pub fn changed_baseline(changes: &[Change]) -> Value {
    let mut assessment = baseline();
    for change in changes.iter().take(16) {
        change.apply(&mut assessment);
    }
    assessment
}

/// Valid options drawn from fuzzer bytes.
#[derive(Debug, Clone, Arbitrary)]
pub struct FuzzOptions {
    dutch: bool,
    method: Option<u8>,
    min_coverage: Option<u8>,
    geometric: bool,
}

impl FuzzOptions {
    /// Builds the options, with `today` fixed so that runs repeat exactly.
    pub fn build(&self) -> Options {
        Options {
            lang: if self.dutch { "nl" } else { "en" }.to_owned(),
            method: self
                .method
                .and_then(|index| pick(WeightingMethod::ALL, index)),
            min_coverage: self.min_coverage.map(|share| f64::from(share) / 255.0),
            aggregation: if self.geometric {
                Aggregation::Geometric
            } else {
                Aggregation::Arithmetic
            },
            today: Date::parse("2026-12-04"),
            ..Options::default()
        }
    }
}

/// Tells whether JSON text can carry a value unchanged: no NaN, no
/// infinities and no values that JSON has no form for.
pub fn has_json_form(value: &Value) -> bool {
    match value {
        Value::Number(number) => number.is_finite(),
        Value::List(items) => items.iter().all(has_json_form),
        Value::Object(map) => map.values().all(has_json_form),
        Value::Null | Value::Bool(_) | Value::Text(_) => true,
        Value::Other(_) => false,
    }
}

fn is_points(score: f64) -> bool {
    (0.0..=100.0).contains(&score)
}

/// Panics when a report breaks a documented rule: a scorecard exactly when
/// there are no errors, a message on every issue, scores within 0–100,
/// coverage and weights within 0–1, and weights that sum to 1.
pub fn assert_report_consistent(report: &Report) {
    let has_errors = report.issues.iter().any(|issue| issue.is_error());
    assert_eq!(
        report.valid, !has_errors,
        "`valid` disagrees with the issues"
    );
    assert_eq!(
        report.valid,
        report.scorecard.is_some(),
        "`valid` disagrees with the scorecard"
    );
    for issue in &report.issues {
        assert!(
            !issue.message.trim().is_empty(),
            "{} at {:?} has no message",
            issue.code,
            issue.path
        );
    }

    let Some(scorecard) = &report.scorecard else {
        return;
    };
    for indicator in &scorecard.indicators {
        let answered = indicator.status == siat_core::Status::Answered;
        assert_eq!(
            answered,
            indicator.score.is_some(),
            "{}: status and score disagree",
            indicator.id
        );
        if let Some(score) = indicator.score {
            assert!(is_points(score), "{} scored {score}", indicator.id);
        }
    }
    let mut total_weight = 0.0;
    for dimension in &scorecard.dimensions {
        assert!(
            (0.0..=1.0).contains(&dimension.coverage),
            "{} coverage {}",
            dimension.id,
            dimension.coverage
        );
        assert!(
            (0.0..=1.0).contains(&dimension.weight),
            "{} weight {}",
            dimension.id,
            dimension.weight
        );
        if let Some(score) = dimension.score {
            assert!(is_points(score), "{} scored {score}", dimension.id);
        }
        total_weight += dimension.weight;
    }
    assert!(
        (total_weight - 1.0).abs() < 1e-9,
        "weights sum to {total_weight}"
    );
    if let Some(index) = scorecard.index.score {
        assert!(is_points(index), "index {index}");
    }
}


/// Builds an assessment that answers every indicator of a template with a
/// middle value and gives every required profile field a plausible value.
pub fn typical_assessment(template: &Template) -> Value {
    let mut profile = IndexMap::new();
    for field in template.profile.iter().filter(|field| field.required) {
        let value = match field.field_type {
            FieldType::Text => Value::Text("x".repeat(field.min_length.unwrap_or(1).clamp(1, 200))),
            FieldType::Country => Value::Text("NL".to_owned()),
            FieldType::Choice => Value::Text(
                field
                    .options
                    .first()
                    .map(|option| option.id.clone())
                    .unwrap_or_default(),
            ),
            FieldType::MultiChoice => Value::List(Vec::new()),
            FieldType::Integer | FieldType::Number => {
                Value::Number(field.min.unwrap_or(0.0).max(0.0).floor())
            }
        };
        profile.insert(field.id.clone(), value);
    }

    let mut answers = IndexMap::new();
    for indicator in &template.indicators {
        let middle = |low: f64, high: f64| low / 2.0 + high / 2.0;
        let value = match indicator.answer_type {
            AnswerType::Boolean => Value::Bool(true),
            AnswerType::Percent => Value::Number(50.0),
            AnswerType::Likert5 => Value::Number(3.0),
            AnswerType::Count => Value::Number((indicator.target.unwrap_or(1.0) / 2.0).floor()),
            AnswerType::Number => {
                let low = indicator.min.unwrap_or(0.0);
                let high = indicator.max.unwrap_or(low + 100.0);
                Value::Number(middle(low, high))
            }
            AnswerType::Choice => Value::Text(
                indicator
                    .options
                    .first()
                    .map(|option| option.id.clone())
                    .unwrap_or_default(),
            ),
            AnswerType::MultiChoice => Value::List(
                indicator
                    .options
                    .iter()
                    .filter(|option| !option.exclusive)
                    .take(2)
                    .map(|option| Value::Text(option.id.clone()))
                    .collect(),
            ),
        };
        answers.insert(indicator.id.clone(), value);
    }

    let mut reference = IndexMap::new();
    reference.insert("id".to_owned(), Value::Text(template.id.clone()));
    reference.insert("version".to_owned(), Value::Text(template.version.clone()));
    let mut root = IndexMap::new();
    root.insert("template".to_owned(), Value::Object(reference));
    root.insert("profile".to_owned(), Value::Object(profile));
    root.insert("answers".to_owned(), Value::Object(answers));
    Value::Object(root)
}
