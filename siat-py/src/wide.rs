//! The wide table form of assessments: one row per assessment, one column
//! per profile field, prioritisation entry, answer and metadata entry.
//!
//! | column | becomes |
//! |---|---|
//! | `template.id`, `template.version` | `template`; a missing cell takes the scoring template's value |
//! | `profile.<field>` | `profile.<field>` |
//! | `method` | `prioritisation.method` |
//! | `rank.<dimension>` | `prioritisation.ranks.<dimension>` |
//! | `points.<dimension>` | `prioritisation.points.<dimension>` |
//! | `answer.<indicator>` | `answers.<indicator>` |
//! | `meta.<key>` | `meta.<key>`, e.g. `meta.date` |
//! | `template`, `profile`, `prioritisation`, `answers`, `meta` | the whole section, from a dict or struct cell |
//! | any other name | a top-level key of that name, which validation reports as `unknown_field` |
//!
//! A missing cell means "not given". Profile, answer and metadata cells keep
//! their key with `null`, which validation reads as unanswered, so a column
//! naming an unknown field is reported in every row. Rank and points cells
//! that are missing are left out, and the prioritisation only exists in a
//! row where one of its cells is given: a row that uses points has no ranks.

use indexmap::IndexMap;
use siat_core::Value;

/// The part of an assessment that one column of a wide table gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Column {
    /// `template.<key>`.
    TemplateKey(String),
    /// A column holding a whole section.
    Section(String),
    /// `profile.<field>`.
    Profile(String),
    /// `method`.
    Method,
    /// `rank.<dimension>`.
    Rank(String),
    /// `points.<dimension>`.
    Points(String),
    /// `answer.<indicator>`.
    Answer(String),
    /// `meta.<key>`.
    Meta(String),
    /// Any other name, kept as a top-level key.
    Other(String),
}

impl Column {
    /// Reads a column name.
    pub(crate) fn parse(name: &str) -> Column {
        if name == "method" {
            return Column::Method;
        }
        if siat_core::assessment::SECTIONS.contains(&name) {
            return Column::Section(name.to_owned());
        }
        let Some((prefix, key)) = name.split_once('.') else {
            return Column::Other(name.to_owned());
        };
        let key = key.to_owned();
        match prefix {
            "template" => Column::TemplateKey(key),
            "profile" => Column::Profile(key),
            "rank" => Column::Rank(key),
            "points" => Column::Points(key),
            "answer" => Column::Answer(key),
            "meta" => Column::Meta(key),
            _ => Column::Other(name.to_owned()),
        }
    }

    /// Names the section the column gives a part of, if any.
    fn section(&self) -> Option<&'static str> {
        match self {
            Column::TemplateKey(_) => Some("template"),
            Column::Profile(_) => Some("profile"),
            Column::Method | Column::Rank(_) | Column::Points(_) => Some("prioritisation"),
            Column::Answer(_) => Some("answers"),
            Column::Meta(_) => Some("meta"),
            Column::Section(_) | Column::Other(_) => None,
        }
    }
}

/// Reads the column names of a table.
///
/// Returns an error for a name given twice, and for a column holding a whole
/// section beside columns that give parts of it (e.g. `answers` and
/// `answer.organic_share`), because the two cannot be merged safely.
pub(crate) fn parse_columns(names: &[String]) -> Result<Vec<Column>, String> {
    let mut seen = std::collections::HashSet::new();
    for name in names {
        if !seen.insert(name.as_str()) {
            return Err(format!(
                "the column `{name}` appears twice; give each column once"
            ));
        }
    }

    let columns: Vec<Column> = names.iter().map(|name| Column::parse(name)).collect();
    for column in &columns {
        let Column::Section(section) = column else {
            continue;
        };
        if let Some(part) = names
            .iter()
            .zip(&columns)
            .find(|(_, part)| part.section() == Some(section.as_str()))
        {
            return Err(format!(
                "the column `{section}` gives the whole section and `{}` a part of it; keep one of the two",
                part.0
            ));
        }
    }
    Ok(columns)
}

/// Builds the assessment of one row from its cells, in column order.
/// `template_id` and `template_version` fill the template reference where
/// the row does not give it.
pub(crate) fn assessment(
    columns: &[Column],
    cells: Vec<Value>,
    template_id: &str,
    template_version: &str,
) -> Value {
    let mut sections: IndexMap<String, Value> = IndexMap::new();
    let mut template = IndexMap::new();
    let mut profile = IndexMap::new();
    let mut answers = IndexMap::new();
    let mut meta: Option<IndexMap<String, Value>> = None;
    let mut prioritisation = IndexMap::new();
    let mut ranks = IndexMap::new();
    let mut points = IndexMap::new();
    let mut others = Vec::new();

    for (column, cell) in columns.iter().zip(cells) {
        let given = cell != Value::Null;
        match column {
            Column::TemplateKey(key) if given => {
                template.insert(key.clone(), cell);
            }
            Column::Profile(field) => {
                profile.insert(field.clone(), cell);
            }
            Column::Answer(indicator) => {
                answers.insert(indicator.clone(), cell);
            }
            Column::Meta(key) => {
                meta.get_or_insert_with(IndexMap::new)
                    .insert(key.clone(), cell);
            }
            Column::Method if given => {
                prioritisation.insert("method".to_owned(), cell);
            }
            Column::Rank(dimension) if given => {
                ranks.insert(dimension.clone(), cell);
            }
            Column::Points(dimension) if given => {
                points.insert(dimension.clone(), cell);
            }
            Column::Section(name) if given => {
                sections.insert(name.clone(), cell);
            }
            Column::Other(name) => others.push((name.clone(), cell)),
            _ => {}
        }
    }

    let mut root = IndexMap::new();
    let template_ref = sections.swap_remove("template").unwrap_or_else(|| {
        let id = template
            .swap_remove("id")
            .unwrap_or_else(|| Value::Text(template_id.to_owned()));
        let version = template
            .swap_remove("version")
            .unwrap_or_else(|| Value::Text(template_version.to_owned()));
        let mut reference =
            IndexMap::from([("id".to_owned(), id), ("version".to_owned(), version)]);
        reference.extend(template);
        Value::Object(reference)
    });
    root.insert("template".to_owned(), template_ref);
    root.insert(
        "profile".to_owned(),
        sections
            .swap_remove("profile")
            .unwrap_or(Value::Object(profile)),
    );

    if !ranks.is_empty() {
        prioritisation.insert("ranks".to_owned(), Value::Object(ranks));
    }
    if !points.is_empty() {
        prioritisation.insert("points".to_owned(), Value::Object(points));
    }
    let prioritisation = sections
        .swap_remove("prioritisation")
        .or_else(|| (!prioritisation.is_empty()).then_some(Value::Object(prioritisation)));
    if let Some(prioritisation) = prioritisation {
        root.insert("prioritisation".to_owned(), prioritisation);
    }

    root.insert(
        "answers".to_owned(),
        sections
            .swap_remove("answers")
            .unwrap_or(Value::Object(answers)),
    );
    if let Some(meta) = sections.swap_remove("meta").or(meta.map(Value::Object)) {
        root.insert("meta".to_owned(), meta);
    }
    root.extend(others);
    Value::Object(root)
}
