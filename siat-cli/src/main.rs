//! The `siat` command line tool: validate and score SIAT self-assessments.

mod compare;
mod inputs;
mod render;

use clap::{Args, Parser, Subcommand, ValueEnum};
use siat_core::{Aggregation, Options, Report, Template, WeightingMethod};
use std::io::{IsTerminal, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

/// Validate and score SIAT self-assessments of short food supply chains.
#[derive(Debug, Parser)]
#[command(name = "siat", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check assessment files and list every issue.
    Validate(ValidateArgs),
    /// Score assessment files: dimension scores, levels and the SI index.
    Score(ScoreArgs),
    /// Give advice for one assessment from the knowledge base, largest priority gap first.
    Advise(AdviseArgs),
    /// Compare a cohort: statistics, findings in words, ranking and weight sensitivity.
    Compare(CompareArgs),
    /// Print the template as JSON (the built-in one unless --template is given).
    Template(TemplateArgs),
    /// Print a JSON Schema: of assessments for the template, or of template files.
    Schema(SchemaArgs),
    /// Move assessments to a newer template version through a mapping file.
    Migrate(MigrateArgs),
}

#[derive(Debug, Args)]
struct Common {
    /// Template file to use instead of the built-in `siat` 1.0 template.
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,
    /// Language of labels and messages.
    #[arg(long, default_value = "en", value_name = "LANG")]
    lang: String,
}

#[derive(Debug, Args)]
struct ValidateArgs {
    /// Assessment files (JSON), or folders whose *.json files are read.
    #[arg(required = true, value_name = "FILE|DIR")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    common: Common,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ValidateFormat::Table)]
    format: ValidateFormat,
}

#[derive(Debug, Args)]
struct ScoreArgs {
    /// Assessment files (JSON), or folders whose *.json files are read.
    #[arg(required = true, value_name = "FILE|DIR")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    common: Common,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ScoreFormat::Table)]
    format: ScoreFormat,
    #[command(flatten)]
    scoring: ScoringArgs,
}

#[derive(Debug, Args)]
struct ScoringArgs {
    /// Weighting method that overrides the one in each assessment.
    #[arg(long, value_enum)]
    method: Option<MethodArg>,
    /// Share (0–1) of a dimension that must be answered for it to be scored; the template's value by default.
    #[arg(long, value_name = "SHARE")]
    min_coverage: Option<f64>,
    /// Aggregation of the dimension scores into the SI index.
    #[arg(long, value_enum, default_value_t = AggregationArg::Arithmetic)]
    aggregation: AggregationArg,
}

#[derive(Debug, Args)]
struct CompareArgs {
    /// Assessment files (JSON), or folders whose *.json files are read.
    #[arg(required = true, value_name = "FILE|DIR")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    common: Common,
    #[command(flatten)]
    scoring: ScoringArgs,
    /// Output format of the statistics and findings.
    #[arg(long, value_enum, default_value_t = ValidateFormat::Table)]
    format: ValidateFormat,
    /// Profile field to group the cohort by, e.g. `country`, `sfsc_type` or `area`.
    #[arg(long, value_name = "FIELD")]
    group_by: Option<String>,
    /// Also write a self-contained HTML report to this file.
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    /// Number of random weight vectors for the sensitivity analysis.
    #[arg(long, default_value_t = 1000, value_name = "N")]
    samples: usize,
    /// Seed of the random weight vectors; the same seed gives the same vectors.
    #[arg(long, default_value_t = 1, value_name = "SEED")]
    seed: u64,
}

#[derive(Debug, Args)]
struct TemplateArgs {
    /// Template file to check and print instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct AdviseArgs {
    /// Assessment file (JSON).
    #[arg(value_name = "FILE")]
    path: PathBuf,
    #[command(flatten)]
    common: Common,
    #[command(flatten)]
    scoring: ScoringArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ValidateFormat::Table)]
    format: ValidateFormat,
    /// Most recommendations in all.
    #[arg(long, default_value_t = 6, value_name = "N")]
    limit: usize,
    /// Most recommendations from one dimension.
    #[arg(long, default_value_t = 3, value_name = "N")]
    per_dimension: usize,
}

#[derive(Debug, Args)]
struct SchemaArgs {
    /// Which schema to print.
    #[arg(value_enum)]
    kind: SchemaKind,
    /// Template whose assessments the schema describes, instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum SchemaKind {
    /// Assessments filled in for the template.
    Assessment,
    /// Template files.
    Template,
}

#[derive(Debug, Args)]
struct MigrateArgs {
    /// Assessment file (JSON) for the mapping's old version.
    #[arg(value_name = "FILE")]
    path: PathBuf,
    /// Mapping file: template, from, to, renamed and removed indicators.
    #[arg(long, value_name = "FILE")]
    mapping: PathBuf,
    /// File to write the migrated assessment to; standard output by default.
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ValidateFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ScoreFormat {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
#[value(rename_all = "snake_case")]
enum MethodArg {
    RankSum,
    RankOrderCentroid,
    Reciprocal,
    Points,
    Equal,
}

impl From<MethodArg> for WeightingMethod {
    fn from(method: MethodArg) -> Self {
        match method {
            MethodArg::RankSum => WeightingMethod::RankSum,
            MethodArg::RankOrderCentroid => WeightingMethod::RankOrderCentroid,
            MethodArg::Reciprocal => WeightingMethod::Reciprocal,
            MethodArg::Points => WeightingMethod::Points,
            MethodArg::Equal => WeightingMethod::Equal,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum AggregationArg {
    Arithmetic,
    Geometric,
}

impl From<AggregationArg> for Aggregation {
    fn from(aggregation: AggregationArg) -> Self {
        match aggregation {
            AggregationArg::Arithmetic => Aggregation::Arithmetic,
            AggregationArg::Geometric => Aggregation::Geometric,
        }
    }
}

/// A failure that ends the command with exit code 2.
#[derive(Debug)]
struct Failure(String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(error: E) -> Self {
        Failure(error.to_string())
    }
}

/// Number of files from which a terminal shows progress.
const PROGRESS_FROM: usize = 500;

/// Exit code when any assessment has errors.
const EXIT_INVALID: u8 = 1;
/// Exit code for usage and I/O failures.
const EXIT_FAILURE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Validate(args) => validate(&args),
        Command::Score(args) => score(&args),
        Command::Advise(args) => advise(&args),
        Command::Compare(args) => compare::run(&args),
        Command::Template(args) => print_template(&args),
        Command::Schema(args) => print_schema(&args),
        Command::Migrate(args) => migrate(&args),
    };
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(EXIT_INVALID),
        Err(Failure(message)) => {
            eprintln!("siat: {message}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// Writes command output to standard output. A closed pipe, as when the
/// output goes to `head`, ends the output quietly instead of failing.
fn emit(text: &str) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure(format!("cannot write the output: {error}")))
        }
        _ => Ok(()),
    }
}

fn load_template(path: Option<&PathBuf>) -> Result<Template, Failure> {
    let Some(path) = path else {
        return Ok(Template::builtin().clone());
    };
    let text = std::fs::read_to_string(path).map_err(|error| {
        Failure(format!(
            "cannot read template `{}`: {error}",
            path.display()
        ))
    })?;
    Template::from_json(&text).map_err(|error| {
        let problems: Vec<String> = error
            .problems
            .iter()
            .map(|problem| format!("  {}: {}", display_path(&problem.path), problem.message))
            .collect();
        Failure(format!(
            "invalid template `{}`:\n{}",
            path.display(),
            problems.join("\n")
        ))
    })
}

/// Shows the empty JSON Pointer, which points at the whole input, in words.
fn display_path(path: &str) -> &str {
    if path.is_empty() {
        "(whole input)"
    } else {
        path
    }
}

/// Checks every input file; returns the reports in input order.
fn check_all(
    paths: &[PathBuf],
    template: &Template,
    options: &Options,
) -> Result<Vec<(PathBuf, Report)>, Failure> {
    let files = inputs::collect(paths)?;
    let total = files.len();
    let show_progress = total >= PROGRESS_FROM && std::io::stderr().is_terminal();
    let mut reports = Vec::with_capacity(total);
    for (done, file) in files.into_iter().enumerate() {
        let report = template.check_bytes(&read_bytes(&file)?, options)?;
        reports.push((file, report));
        if show_progress && (done + 1) % 100 == 0 {
            eprint!("\rchecked {} of {total} files", done + 1);
        }
    }
    if show_progress {
        eprintln!("\rchecked {total} of {total} files");
    }
    Ok(reports)
}

fn validate(args: &ValidateArgs) -> Result<bool, Failure> {
    let template = load_template(args.common.template.as_ref())?;
    let options = Options {
        lang: args.common.lang.clone(),
        ..Options::default()
    };
    let reports = check_all(&args.paths, &template, &options)?;

    let output = match args.format {
        ValidateFormat::Table => render::validation_table(&reports),
        ValidateFormat::Json => render::validation_json(&reports)?,
    };
    emit(&output)?;
    Ok(reports.iter().all(|(_, report)| report.valid))
}

fn score(args: &ScoreArgs) -> Result<bool, Failure> {
    let template = load_template(args.common.template.as_ref())?;
    let options = args.scoring.options(&args.common.lang);
    let reports = check_all(&args.paths, &template, &options)?;

    for (file, report) in reports.iter().filter(|(_, report)| !report.valid) {
        eprint!("{}", render::file_issues(file, report));
    }
    let scored: Vec<_> = reports
        .iter()
        .filter_map(|(file, report)| {
            report
                .scorecard
                .as_ref()
                .map(|scorecard| (file.as_path(), scorecard))
        })
        .collect();

    let output = match args.format {
        ScoreFormat::Table => render::score_table(&scored, &template, &args.common.lang),
        ScoreFormat::Json => render::score_json(&scored, reports.len() == 1)?,
        ScoreFormat::Csv => render::score_csv(&scored, &template)?,
    };
    emit(&output)?;
    Ok(reports.iter().all(|(_, report)| report.valid))
}

impl ScoringArgs {
    fn options(&self, lang: &str) -> Options {
        Options {
            lang: lang.to_owned(),
            method: self.method.map(WeightingMethod::from),
            min_coverage: self.min_coverage,
            aggregation: self.aggregation.into(),
            ..Options::default()
        }
    }
}

fn print_template(args: &TemplateArgs) -> Result<bool, Failure> {
    let template = load_template(args.template.as_ref())?;
    emit(&format!("{}\n", template.to_json()))?;
    Ok(true)
}

fn print_schema(args: &SchemaArgs) -> Result<bool, Failure> {
    let schema = match args.kind {
        SchemaKind::Assessment => load_template(args.template.as_ref())?.assessment_schema(),
        SchemaKind::Template => Template::file_schema(),
    };
    emit(&format!("{}\n", serde_json::to_string_pretty(&schema)?))?;
    Ok(true)
}

/// Reads a file's bytes, naming a folder given where a file belongs.
fn read_bytes(path: &std::path::Path) -> Result<Vec<u8>, Failure> {
    if path.is_dir() {
        return Err(Failure(format!(
            "`{}` is a folder; give a file",
            path.display()
        )));
    }
    std::fs::read(path)
        .map_err(|error| Failure(format!("cannot read `{}`: {error}", path.display())))
}

/// Reads a text file, such as a mapping or a template.
fn read_file(path: &std::path::Path) -> Result<String, Failure> {
    String::from_utf8(read_bytes(path)?).map_err(|_| {
        Failure(format!(
            "`{}` is not UTF-8 text; save it as UTF-8",
            path.display()
        ))
    })
}

fn migrate(args: &MigrateArgs) -> Result<bool, Failure> {
    let migration = siat_core::Migration::from_json(&read_file(&args.mapping)?)?;
    let input = siat_core::Value::from_json(&read_file(&args.path)?)
        .map_err(|error| Failure(format!("`{}`: {error}", args.path.display())))?;
    let migrated = migration.apply(&input)?;

    let json = migrated.assessment.to_json_pretty() + "\n";
    match &args.output {
        Some(path) => std::fs::write(path, json)
            .map_err(|error| Failure(format!("cannot write `{}`: {error}", path.display())))?,
        None => emit(&json)?,
    }
    for (old, new) in &migrated.renamed {
        eprintln!("renamed {old} to {new}");
    }
    for (id, value) in &migrated.dropped {
        eprintln!("dropped {id} (was {})", value.to_json());
    }
    Ok(true)
}

fn advise(args: &AdviseArgs) -> Result<bool, Failure> {
    let template = load_template(args.common.template.as_ref())?;
    let options = args.scoring.options(&args.common.lang);
    let report = template.check_bytes(&read_bytes(&args.path)?, &options)?;
    let Some(scorecard) = report.scorecard.as_ref() else {
        eprint!("{}", render::file_issues(&args.path, &report));
        return Ok(false);
    };

    let advice_options = siat_core::AdviceOptions {
        limit: args.limit,
        per_dimension: args.per_dimension,
    };
    let knowledge = siat_core::KnowledgeBase::builtin();
    let recommendations = siat_core::advise(
        &template,
        scorecard,
        knowledge,
        &args.common.lang,
        advice_options,
    )?;
    let output = match args.format {
        ValidateFormat::Json => serde_json::to_string_pretty(&recommendations)? + "\n",
        ValidateFormat::Table => render::advice(scorecard, &recommendations, &args.common.lang),
    };
    emit(&output)?;

    // Unscored dimensions get no advice; say so, so the list is not taken as complete.
    for issue in scorecard
        .issues
        .iter()
        .filter(|issue| issue.code == siat_core::Code::LowCoverage)
    {
        eprintln!("warning: {}", issue.message);
    }
    Ok(true)
}
