//! Comparative analysis of a set of assessments scored with one template.

mod benchmark;
mod findings;
pub mod summary;

pub use benchmark::{Benchmark, Position};
pub use findings::Finding;
pub use summary::Summary;

use crate::assessment::{self, Answer, Assessment};
use crate::issue::Issue;
use crate::options::Options;
use crate::report::SiatError;
use crate::scorecard::Scorecard;
use crate::template::{AnswerType, FieldType, Template};
use crate::value::Value;
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use summary::{percentile_rank, rank};

/// Largest cohort one call accepts; each member keeps its answers and scorecard in memory.
pub const MAX_MEMBERS: usize = 100_000;

/// One valid assessment in a cohort.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// Label given by the caller, such as the file name.
    pub label: String,
    /// The assessment as read.
    pub assessment: Assessment,
    /// Its scorecard.
    pub scorecard: Scorecard,
}

/// An input left out of a cohort because it has errors.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rejected {
    /// Label given by the caller, such as the file name.
    pub label: String,
    /// Every issue of the input.
    pub issues: Vec<Issue>,
}

/// A set of assessments scored with the same template and options.
#[derive(Debug, Clone, PartialEq)]
pub struct Cohort {
    /// Template every member was scored with.
    pub template: Template,
    /// Options every member was scored with.
    pub options: Options,
    /// The valid assessments, in input order.
    pub members: Vec<Member>,
    /// Inputs with errors, in input order.
    pub rejected: Vec<Rejected>,
}

/// The share of answers that gave one value of a boolean or choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OptionShare {
    /// The value: an option id, or `true` / `false`.
    pub option: String,
    /// How many answers gave it.
    pub count: usize,
    /// `count` divided by the number of answered members (0–1); for
    /// multi-choice questions the shares can add up to more than 1.
    pub share: f64,
}

/// Statistics of one indicator across a cohort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorStats {
    /// Indicator id.
    pub id: String,
    /// Id of its dimension.
    pub dimension: String,
    /// Members that answered it.
    pub answered: usize,
    /// Members that answered `"n/a"`.
    pub not_applicable: usize,
    /// Members that left it unanswered.
    pub unanswered: usize,
    /// The answers themselves, for numeric indicators (e.g. percent 0–100, kilometres).
    pub values: Option<Summary>,
    /// The indicator scores, points 0–100.
    pub scores: Summary,
    /// The share of each value, for boolean and choice indicators.
    pub shares: Vec<OptionShare>,
}

/// Statistics of one dimension's scores across a cohort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionStats {
    /// Dimension id.
    pub id: String,
    /// Scores of the members where the dimension is scored, points 0–100.
    pub scores: Summary,
}

/// Position of one member in the cohort by its SI index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Standing {
    /// Label given by the caller.
    pub label: String,
    /// The initiative's name.
    pub name: Option<String>,
    /// Its SI index, points 0–100.
    pub index: Option<f64>,
    /// Competition rank, 1 = highest index; level indexes share the best rank.
    pub rank: Option<usize>,
    /// Percentile rank (0–100): members below plus half of those level with it.
    pub percentile: Option<f64>,
}

/// The statistics of a cohort or of one group in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CohortStats {
    /// Number of members.
    pub count: usize,
    /// One entry per indicator, in template order.
    pub indicators: Vec<IndicatorStats>,
    /// One entry per dimension, in template order.
    pub dimensions: Vec<DimensionStats>,
    /// The SI index of the members that have one.
    pub index: Summary,
    /// One entry per member, in cohort order.
    pub standings: Vec<Standing>,
}

/// The statistics of the members that share one value of a profile field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupStats {
    /// Profile field grouped by.
    pub field: String,
    /// The shared value; absent for members that did not give the field.
    pub value: Option<String>,
    /// The group's statistics.
    pub stats: CohortStats,
}

impl Cohort {
    /// Scores every input with one template and options and keeps the valid ones.
    ///
    /// `inputs` pairs a label (such as a file name) with an assessment value.
    /// Inputs with errors are kept in [`Cohort::rejected`] with their issues.
    /// Fails for caller mistakes (unsupported language, options out of range)
    /// and for more than [`MAX_MEMBERS`] inputs.
    pub fn new(
        template: &Template,
        inputs: Vec<(String, Value)>,
        options: &Options,
    ) -> Result<Cohort, SiatError> {
        if inputs.len() > MAX_MEMBERS {
            return Err(SiatError::InvalidOptions(format!(
                "too many assessments: {} given, the limit is {MAX_MEMBERS}; compare the cohort in parts",
                inputs.len()
            )));
        }
        let mut cohort = Cohort {
            template: template.clone(),
            options: options.clone(),
            members: Vec::new(),
            rejected: Vec::new(),
        };
        for (label, input) in inputs {
            let report = template.check(&input, options)?;
            let (read, _) = assessment::read(&input);
            match (report.scorecard, read) {
                (Some(scorecard), Some(assessment)) => cohort.members.push(Member {
                    label,
                    assessment,
                    scorecard,
                }),
                _ => cohort.rejected.push(Rejected {
                    label,
                    issues: report.issues,
                }),
            }
        }
        Ok(cohort)
    }

    /// Computes the statistics of the whole cohort.
    pub fn stats(&self) -> CohortStats {
        let all: Vec<&Member> = self.members.iter().collect();
        stats_of(&self.template, &all)
    }

    /// Computes the statistics of each group of members sharing a value of a
    /// profile field (a choice field or the country), in order of first appearance.
    ///
    /// Fails when the template has no such field.
    pub fn stats_by(&self, field: &str) -> Result<Vec<GroupStats>, SiatError> {
        let groupable = self
            .template
            .profile_field(field)
            .is_some_and(|definition| {
                matches!(
                    definition.field_type,
                    FieldType::Choice | FieldType::Country
                )
            });
        if !groupable {
            let choices: Vec<&str> = self
                .template
                .profile
                .iter()
                .filter(|definition| {
                    matches!(
                        definition.field_type,
                        FieldType::Choice | FieldType::Country
                    )
                })
                .map(|definition| definition.id.as_str())
                .collect();
            return Err(SiatError::InvalidOptions(format!(
                "cannot group by `{field}`; choose a choice or country field of the profile: {}",
                choices.join(", ")
            )));
        }

        let mut groups: IndexMap<Option<String>, Vec<&Member>> = IndexMap::new();
        for member in &self.members {
            let value = member
                .assessment
                .profile
                .get(field)
                .and_then(Value::as_str)
                .map(str::to_owned);
            groups.entry(value).or_default().push(member);
        }
        Ok(groups
            .into_iter()
            .map(|(value, members)| GroupStats {
                field: field.to_owned(),
                value,
                stats: stats_of(&self.template, &members),
            })
            .collect())
    }

    /// Returns the scores of the members, in cohort order.
    pub fn scorecards(&self) -> Vec<&Scorecard> {
        self.members
            .iter()
            .map(|member| &member.scorecard)
            .collect()
    }
}

/// Returns what a member answered for one indicator.
fn answer_of<'a>(member: &'a Member, indicator_id: &str) -> &'a Answer {
    member
        .assessment
        .answers
        .get(indicator_id)
        .unwrap_or(&Answer::Unanswered)
}

fn stats_of(template: &Template, members: &[&Member]) -> CohortStats {
    let indicators = template
        .indicators
        .iter()
        .enumerate()
        .map(|(position, indicator)| indicator_stats(indicator, position, members))
        .collect();

    let dimensions = template
        .dimensions
        .iter()
        .enumerate()
        .map(|(position, dimension)| {
            let scores: Vec<f64> = members
                .iter()
                .filter_map(|member| {
                    member
                        .scorecard
                        .dimensions
                        .get(position)
                        .and_then(|entry| entry.score)
                })
                .collect();
            DimensionStats {
                id: dimension.id.clone(),
                scores: Summary::of(&scores),
            }
        })
        .collect();

    let indexes: Vec<f64> = members
        .iter()
        .filter_map(|member| member.scorecard.index.score)
        .collect();
    let standings = members
        .iter()
        .map(|member| {
            let index = member.scorecard.index.score;
            Standing {
                label: member.label.clone(),
                name: member.scorecard.name.clone(),
                index,
                rank: index.map(|index| rank(index, &indexes)),
                percentile: index.and_then(|index| percentile_rank(index, &indexes)),
            }
        })
        .collect();

    CohortStats {
        count: members.len(),
        indicators,
        dimensions,
        index: Summary::of(&indexes),
        standings,
    }
}

fn indicator_stats(
    indicator: &crate::template::Indicator,
    position: usize,
    members: &[&Member],
) -> IndicatorStats {
    let mut answered = 0;
    let mut not_applicable = 0;
    let mut values = Vec::new();
    let mut scores = Vec::new();
    let mut counts: IndexMap<String, usize> = match indicator.answer_type {
        AnswerType::Boolean => IndexMap::from([("true".to_owned(), 0), ("false".to_owned(), 0)]),
        AnswerType::Choice | AnswerType::MultiChoice => indicator
            .options
            .iter()
            .map(|option| (option.id.clone(), 0))
            .collect(),
        _ => IndexMap::new(),
    };

    for member in members {
        match answer_of(member, &indicator.id) {
            Answer::Unanswered => {}
            Answer::NotApplicable => not_applicable += 1,
            Answer::Given(value) => {
                answered += 1;
                match value {
                    Value::Number(number) => values.push(*number),
                    Value::Bool(flag) => *counts.entry(flag.to_string()).or_default() += 1,
                    Value::Text(id) => *counts.entry(id.clone()).or_default() += 1,
                    Value::List(items) => {
                        for id in items.iter().filter_map(Value::as_str) {
                            *counts.entry(id.to_owned()).or_default() += 1;
                        }
                    }
                    Value::Null | Value::Object(_) | Value::Other(_) => {}
                }
            }
        }
        if let Some(score) = member
            .scorecard
            .indicators
            .get(position)
            .and_then(|entry| entry.score)
        {
            scores.push(score);
        }
    }

    let numeric = matches!(
        indicator.answer_type,
        AnswerType::Percent | AnswerType::Likert5 | AnswerType::Count | AnswerType::Number
    );
    #[allow(
        clippy::cast_precision_loss,
        reason = "cohorts are far smaller than 2^52"
    )]
    let shares = counts
        .into_iter()
        .map(|(option, count)| OptionShare {
            option,
            count,
            share: if answered == 0 {
                0.0
            } else {
                count as f64 / answered as f64
            },
        })
        .collect();
    IndicatorStats {
        id: indicator.id.clone(),
        dimension: indicator.dimension.clone(),
        answered,
        not_applicable,
        unanswered: members.len() - answered - not_applicable,
        values: numeric.then(|| Summary::of(&values)),
        scores: Summary::of(&scores),
        shares,
    }
}
