// Types of the `siat` package. Data objects use the snake_case keys of the
// JSON exchange format, so a scorecard here equals the one the Rust engine
// and the command line tool write.

/** Machine code of an issue; stable across releases. */
export type Code =
  | 'invalid_json'
  | 'unknown_template'
  | 'unsupported_version'
  | 'unknown_field'
  | 'missing_required'
  | 'wrong_type'
  | 'not_finite'
  | 'not_integer'
  | 'out_of_range'
  | 'unknown_option'
  | 'duplicate_option'
  | 'exclusive_option'
  | 'unknown_indicator'
  | 'na_not_allowed'
  | 'invalid_prioritisation'
  | 'unanswered'
  | 'low_coverage'
  | 'no_prioritisation'
  | 'not_short_chain';

/** `error` blocks scoring; `warning` does not. */
export type Severity = 'error' | 'warning';

/** Method that turns the prioritisation into dimension weights. */
export type WeightingMethod = 'rank_sum' | 'rank_order_centroid' | 'reciprocal' | 'points' | 'equal';

/** Rule that combines the dimension scores into the SI index. */
export type Aggregation = 'arithmetic' | 'geometric';

/** One validation finding. */
export interface Issue {
  /** JSON Pointer to the value, e.g. `/answers/organic_share`; `""` for the whole input. */
  path: string;
  code: Code;
  severity: Severity;
  /** The message in the requested language. */
  message: string;
  /** The facts the message states, e.g. `value`, `min`, `max`, `allowed`. */
  params: Record<string, unknown>;
}

/** An answer: absent or `null` is unanswered, `"n/a"` is not applicable. */
export type Answer = boolean | number | string | string[] | null | undefined;

/** Importance of each dimension: ranks (1 = most important) or points. */
export interface Prioritisation {
  method?: WeightingMethod;
  ranks?: Record<string, number>;
  points?: Record<string, number>;
}

/** One filled-in template, as in the JSON exchange format. */
export interface Assessment {
  template: { id: string; version: string };
  profile: Record<string, unknown>;
  prioritisation?: Prioritisation | null;
  answers: Record<string, Answer>;
  meta?: { date?: string; respondent_role?: string } | null;
}

/** Choices when validating or scoring; every key is optional. */
export interface Options {
  /** Language of messages, `en` (default) or `nl`. */
  lang?: string;
  /** Weighting method that overrides the assessment's own. */
  method?: WeightingMethod;
  /** Share (0–1) of a dimension that must be answered for it to be scored. */
  minCoverage?: number;
  /** The same as `minCoverage`, in the spelling of the JSON options. */
  min_coverage?: number;
  aggregation?: Aggregation;
  /**
   * Date that date rules use when the assessment has no `meta.date`: a
   * `YYYY-MM-DD` string or a `Date` (its UTC day). Defaults to today's UTC date.
   */
  today?: string | Date;
  /** Maximum sizes of one input; each value beyond them is an `out_of_range` issue. */
  limits?: Limits;
}

/** Maximum sizes of one input; every key is optional. */
export interface Limits {
  /** Maximum length of JSON text, in bytes (default 1 MiB). */
  max_input_bytes?: number;
  /** Maximum nesting of arrays and objects (default 32). */
  max_depth?: number;
  /** Maximum length of one string, in characters (default 10 000). */
  max_string_chars?: number;
  /** Maximum entries in one array or object (default 10 000). */
  max_items?: number;
}

export interface IndexScore {
  /** Points 0–100; `null` unless every dimension is scored. */
  score: number | null;
  level: string | null;
}

export interface DimensionScore {
  id: string;
  /** Points 0–100; `null` when coverage is below the minimum. */
  score: number | null;
  /** Answered share (0–1, by indicator weight) of the applicable indicators. */
  coverage: number;
  /** Weight in the index (0–1); all weights sum to 1. */
  weight: number;
  level: string | null;
  /** weight × (100 − score). */
  priority_gap: number | null;
}

export interface IndicatorScore {
  id: string;
  dimension: string;
  /** Points 0–100; `null` unless answered. */
  score: number | null;
  status: 'answered' | 'unanswered' | 'not_applicable';
}

/** Everything scoring returns for one assessment. */
export interface Scorecard {
  template: { id: string; version: string };
  name: string | null;
  weighting: WeightingMethod;
  aggregation: Aggregation;
  min_coverage: number;
  index: IndexScore;
  dimensions: DimensionScore[];
  indicators: IndicatorScore[];
  /** Warnings found while validating and scoring. */
  issues: Issue[];
}

export interface ValidationResult {
  /** Whether the assessment has no errors (warnings allowed). */
  valid: boolean;
  issues: Issue[];
}

export interface Report extends ValidationResult {
  /** Present exactly when `valid` is true. */
  scorecard: Scorecard | null;
}

/** One option of a choice question, texts in the described language. */
export interface OptionDescription {
  id: string;
  label: string;
  /** Points 0–100 the option scores; absent for profile options. */
  points?: number;
  /** Whether the option (e.g. "none") must stand alone in a multi-choice answer. */
  exclusive?: boolean;
}

export type AnswerType = 'boolean' | 'percent' | 'likert5' | 'count' | 'number' | 'choice' | 'multi_choice';

export type FieldType = 'text' | 'country' | 'choice' | 'multi_choice' | 'integer' | 'number';

export type Rule =
  | { kind: 'linear'; x0: number; s0: number; x1: number; s1: number }
  | { kind: 'parity'; centre: number }
  | { kind: 'points' };

export interface IndicatorDescription {
  id: string;
  dimension: string;
  type: AnswerType;
  label: string;
  help?: string;
  /** Weight within its dimension; absent means 1. */
  weight?: number;
  /** Whether the answer `"n/a"` is accepted. */
  na_allowed?: boolean;
  rule?: Rule;
  /** For `count`: the count that scores 100. */
  target?: number;
  min?: number;
  max?: number;
  invert?: boolean;
  options?: OptionDescription[];
}

export interface ProfileFieldDescription {
  id: string;
  type: FieldType;
  required?: boolean;
  label: string;
  help?: string;
  min_length?: number;
  max_length?: number;
  min?: number;
  max?: number;
  /** Whether the value may not exceed the assessment's year. */
  max_assessment_year?: boolean;
  warn_above?: { value: number; code: Code };
  options?: OptionDescription[];
}

export interface DimensionDescription {
  id: string;
  label: string;
  description?: string;
}

export interface LevelDescription {
  id: string;
  /** Lowest score in the band, points 0–100. */
  min: number;
  /** Score where the next band starts; the top band includes it. */
  max: number;
  label: string;
}

/** A template with every text in one language. */
export interface TemplateDescription {
  schema_version: number;
  id: string;
  version: string;
  /** The language of the texts. */
  lang: string;
  languages: string[];
  title: string;
  description?: string;
  min_coverage: number;
  /** Labels of the five points of a `likert5` scale, from 1 to 5. */
  likert5?: string[];
  levels: LevelDescription[];
  profile: ProfileFieldDescription[];
  dimensions: DimensionDescription[];
  indicators: IndicatorDescription[];
}

/** Count, mean, spread and quartiles of a list of numbers; each is `null` for an empty list. */
export interface Summary {
  count: number;
  mean: number | null;
  /** Sample standard deviation (divided by n − 1); `null` with fewer than two numbers. */
  std: number | null;
  min: number | null;
  /** Quartiles interpolate linearly between the sorted numbers, as numpy and pandas do by default. */
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
}

/** How many answers gave one value of a boolean or choice question. */
export interface OptionShare {
  /** An option id, or `true` / `false`. */
  option: string;
  count: number;
  /** `count` divided by the members that answered (0–1); multi-choice shares can sum above 1. */
  share: number;
}

/** Statistics of one indicator across a cohort. */
export interface IndicatorStats {
  id: string;
  dimension: string;
  answered: number;
  not_applicable: number;
  unanswered: number;
  /** The answers themselves (percent, count, kilometres…), for numeric indicators; else `null`. */
  values: Summary | null;
  /** The indicator scores, points 0–100. */
  scores: Summary;
  /** The share of each value, for boolean and choice indicators; else empty. */
  shares: OptionShare[];
}

export interface DimensionStats {
  id: string;
  /** Scores of the members where the dimension is scored, points 0–100. */
  scores: Summary;
}

/** One member's place in the cohort by its SI index. */
export interface Standing {
  label: string;
  name: string | null;
  index: number | null;
  /** 1 = highest index; members with the same index share the best rank (1, 2, 2, 4). */
  rank: number | null;
  /** 100 × (members below + half of those with the same index) / members. */
  percentile: number | null;
}

/** The statistics of a cohort or of one group in it. */
export interface CohortStats {
  count: number;
  indicators: IndicatorStats[];
  dimensions: DimensionStats[];
  index: Summary;
  standings: Standing[];
}

/** The statistics of the members that share one value of a profile field. */
export interface GroupStats {
  field: string;
  /** The shared value; `null` for members that did not give the field. */
  value: string | null;
  stats: CohortStats;
}

export type FindingKind =
  | 'cohort_size'
  | 'strongest_dimension'
  | 'weakest_dimension'
  | 'strongest_indicator'
  | 'weakest_indicator'
  | 'headline'
  | 'group_above'
  | 'group_below';

/** One statement about a cohort, with the numbers it states. */
export interface Finding {
  kind: FindingKind;
  /** The dimension or indicator it is about. */
  subject: string | null;
  /** The group value it is about, for group findings. */
  group: string | null;
  text: string;
  /** The stated numbers, unrounded: `mean`, `share` (0–100), `count`, `group_mean`, `difference`. */
  numbers: Record<string, number>;
}

/** One score beside the cohort's quartiles of it. */
export interface Position {
  /** Dimension or indicator id; `index` for the SI index. */
  id: string;
  score: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  /** Percentile rank (0–100) of the score among the cohort's. */
  percentile: number | null;
}

export interface Benchmark {
  name: string | null;
  index: Position;
  dimensions: Position[];
  indicators: Position[];
}

/** Quantiles of one member's index under random weights, points 0–100. */
export interface IndexSpread {
  min: number;
  p05: number;
  q1: number;
  median: number;
  q3: number;
  p95: number;
  max: number;
}

/** How much one member's index and rank depend on the weights. */
export interface Sensitivity {
  label: string;
  name: string | null;
  index: number | null;
  /** The index under each weighting method; `null` where the prioritisation does not allow it. */
  methods: Record<WeightingMethod, number | null>;
  random: IndexSpread | null;
  rank: number | null;
  /** Share (0–1) of the random weight vectors under which it keeps its rank. */
  rank_kept: number | null;
  best_rank: number | null;
  worst_rank: number | null;
}

/** A valid member of a cohort. */
export interface CohortMember {
  label: string;
  scorecard: Scorecard;
}

/** An input left out of a cohort, with every issue. */
export interface RejectedInput {
  label: string;
  issues: Issue[];
}

/** One input of a cohort: an assessment, its JSON text, or a labelled pair. */
export type CohortInput = Assessment | string | { label?: string; assessment: Assessment | string };

/** The subject of a chart, a benchmark or advice: an assessment (scored first), its JSON text, or a scorecard. */
export type Subject = Assessment | Scorecard | string;

export interface FindingsOptions {
  /** Language of the text; defaults to the `lang` the cohort was compared with. */
  lang?: string;
  /** Profile field to group by, such as `country`; adds where each group differs most. */
  groupBy?: string;
  group_by?: string;
}

export interface SensitivityOptions {
  /** Number of random weight vectors, 0 to 100 000 (default 1000). */
  samples?: number;
  /** Seed of the vectors: a whole number from 0 to 2^53 − 1 or a BigInt below 2^64 (default 1). */
  seed?: number | bigint;
}

export interface ReportOptions extends FindingsOptions, SensitivityOptions {}

export interface ChartOptions {
  /** Language of the labels (default `en`, or the cohort's). */
  lang?: string;
}

export interface RadarOptions extends Options {
  /** A cohort whose median and interquartile band the chart shows under the scores. */
  cohort?: Cohort | null;
}

/** One bar: a label and a score in points 0–100, or `null` for "not scored". */
export interface Bar {
  label: string;
  score?: number | null;
}

export interface AdviceOptions extends Options {
  /** Maximum number of recommendations (default 6). */
  limit?: number;
  /** Maximum number from one dimension (default 3). */
  perDimension?: number;
  per_dimension?: number;
}

export type EntryKind = 'definition' | 'why' | 'driver' | 'best_practice' | 'lesson' | 'toolkit';

/** A knowledge-base entry a recommendation names, in the requested language. */
export interface PracticeLink {
  id: string;
  kind: EntryKind;
  title: string;
  advice: string;
}

/** One indicator to raise, with the practices that raise it. */
export interface Recommendation {
  indicator: string;
  label: string;
  dimension: string;
  /** The indicator's score, points 0–100. */
  score: number;
  /** The dimension's weight × (100 − score). */
  priority_gap: number;
  /** Linked entries, best practices first. */
  practices: PracticeLink[];
  text: string;
}

/** A text in several languages, keyed by language code. */
export type Texts = Record<string, string>;

export interface KnowledgeEntry {
  id: string;
  kind: EntryKind;
  /** `smartchain` for the SMARTCHAIN project's material, `siat_project` for this project's additions. */
  origin: string;
  /** For best practices: `physical`, `social` or both. */
  practice_types: string[];
  title: Texts;
  text: Texts;
  /** A next step an initiative can take; `null` for the definition and why. */
  advice: Texts | null;
  indicators: string[];
  dimensions: string[];
}

export interface KnowledgeBase {
  languages: string[];
  entries: KnowledgeEntry[];
}

/** A declared change of indicators between two versions of a template. */
export interface Mapping {
  template: string;
  from: string;
  to: string;
  description?: string;
  /** Old indicator id → new indicator id. */
  renamed?: Record<string, string>;
  /** Indicator ids the new version no longer has. */
  removed?: string[];
}

export interface Migrated {
  /** The assessment for the new version. */
  assessment: Assessment;
  renamed: { from: string; to: string }[];
  /** The answers the new version has no place for, by old id. */
  dropped: Record<string, unknown>;
}

/** A caller's mistake: unsupported language, invalid options, invalid template… */
export class SiatError extends Error {
  /**
   * `unsupported_language`, `invalid_options`, `invalid_template`,
   * `unknown_field`, `invalid_argument`, `input_too_large`, `migration`,
   * `invalid_catalogue`, or `invalid_assessment` for a `SiatValidationError`.
   */
  readonly kind: string;
  /** For `invalid_template`: every problem in the file. */
  readonly problems: { path: string; message: string }[];
}

/** Thrown by `score` for an assessment with errors. */
export class SiatValidationError extends SiatError {
  /** Every issue, errors and warnings. */
  readonly issues: Issue[];
}

/** A questionnaire definition loaded into WebAssembly memory. */
export class Template {
  private constructor();
  /** Returns the built-in `siat` 1.0 template (the same object on every call). */
  static builtin(): Template;
  /** Reads a template file's JSON text; throws a `SiatError` (`invalid_template`) with every problem. */
  static fromJson(text: string): Template;
  readonly id: string;
  readonly version: string;
  readonly languages: string[];
  /** Returns the template as in its JSON file: texts keyed by language. */
  toJSON(): Record<string, unknown>;
  /** Returns the template with every text in `lang` (default: its first language). */
  describe(lang?: string): TemplateDescription;
  /** Validates and scores; throws only for a caller's mistake, not for a bad assessment. A string is read as JSON text. */
  check(assessment: Assessment | string, options?: Options): Report;
  /** Validates, reporting every issue at once. */
  validate(assessment: Assessment | string, options?: Options): ValidationResult;
  /** Scores; throws a `SiatValidationError` when the assessment has errors. */
  score(assessment: Assessment | string, options?: Options): Scorecard;
  /** Checks one answer (indicator id) or profile value (field id) on its own. */
  validateField(id: string, value: unknown, options?: Options): Issue[];
  /** Scores assessments with this template for comparison; inputs with errors go to `rejected`. */
  compareCohort(assessments: readonly CohortInput[], options?: Options): Cohort;
  /** Returns recommendations for an assessment or scorecard of this template. */
  advise(subject: Subject, options?: AdviceOptions): Recommendation[];
  /** Draws the radar chart of the dimension scores as SVG text, over a cohort of this template when given. */
  radarSvg(subject: Subject, options?: RadarOptions): string;
  /** Returns the JSON Schema (draft 2020-12) of assessments for this template. */
  assessmentSchema(): Record<string, unknown>;
  /** Releases the WebAssembly memory now; the built-in template is never released. */
  free(): void;
}

/**
 * Assessments scored with one template and options and compared together,
 * held in WebAssembly memory until `free()`.
 */
// NOTE: at run time Cohort and Template also have `[Symbol.dispose]()`
// where the runtime defines `Symbol.dispose`; it is not declared here,
// because TypeScript rejects the declaration unless `lib` includes
// `esnext.disposable`.
export class Cohort {
  private constructor();
  /** Number of valid assessments. */
  readonly size: number;
  /** The valid assessments, in input order. */
  readonly members: CohortMember[];
  /** The inputs left out, in input order. */
  readonly rejected: RejectedInput[];
  /** Returns the statistics of every indicator, dimension and the index, and each member's standing. */
  stats(): CohortStats;
  /** Returns the statistics per value of a choice or country field of the profile. */
  statsBy(field: string): GroupStats[];
  findings(options?: FindingsOptions): Finding[];
  /** Places an assessment or scorecard of the same template against the cohort. */
  benchmark(subject: Subject): Benchmark;
  sensitivity(options?: SensitivityOptions): Sensitivity[];
  /** Writes one self-contained HTML page: no scripts, no requests. */
  toHtml(options?: ReportOptions): string;
  /** Draws the cohort's median and interquartile band as SVG text, under a subject's scores when given. */
  radarSvg(subject?: Subject | null, options?: ChartOptions): string;
  /** Releases the WebAssembly memory now instead of at garbage collection. */
  free(): void;
}

/** Every issue code with its severity. */
export const codes: readonly { readonly code: Code; readonly severity: Severity }[];
/** Languages messages exist in when the package loaded, e.g. `['en', 'nl']`; `addLanguage` returns the current list. */
export const languages: readonly string[];
/** Version of the engine. */
export const version: string;

/** `Template.builtin().describe(lang)`. */
export function describe(lang?: string): TemplateDescription;
/** `Template.builtin().check(assessment, options)`. */
export function check(assessment: Assessment | string, options?: Options): Report;
/** `Template.builtin().validate(assessment, options)`. */
export function validate(assessment: Assessment | string, options?: Options): ValidationResult;
/** `Template.builtin().score(assessment, options)`. */
export function score(assessment: Assessment | string, options?: Options): Scorecard;
/** `Template.builtin().validateField(id, value, options)`. */
export function validateField(id: string, value: unknown, options?: Options): Issue[];
/** `Template.builtin().compareCohort(assessments, options)`. */
export function compareCohort(assessments: readonly CohortInput[], options?: Options): Cohort;
/** Draws the radar chart of a subject's dimension scores as SVG text; with `cohort`, in that cohort's template. */
export function radarSvg(subject: Subject | null | undefined, options?: RadarOptions): string;
/** Draws a horizontal bar chart of named scores (points 0–100) as SVG text, in the order given. */
export function barsSvg(title: string, bars: readonly Bar[], options?: ChartOptions): string;
/** `Template.builtin().advise(subject, options)`. */
export function advise(subject: Subject, options?: AdviceOptions): Recommendation[];
/** Returns the built-in knowledge base, every text in every language. */
export function knowledgeBase(): KnowledgeBase;
/** Moves an assessment (object or JSON text) to another template version through a mapping (object or JSON text). */
export function migrate(assessment: Assessment | string, mapping: Mapping | string): Migrated;
/** Returns the JSON Schema of assessments for `template` (default: the built-in one). */
export function assessmentSchema(options?: { template?: Template | null }): Record<string, unknown>;
/** Adds or replaces a message catalogue (JSON text or object); returns the languages messages now exist in. */
export function addLanguage(code: string, catalogue: string | Record<string, unknown>): string[];
