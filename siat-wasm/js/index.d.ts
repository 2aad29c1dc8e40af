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

/** A caller's mistake: unsupported language, invalid options, invalid template… */
export class SiatError extends Error {
  /**
   * `unsupported_language`, `invalid_options`, `invalid_template`,
   * `unknown_field`, `invalid_argument`, `input_too_large`, or
   * `invalid_assessment` for a `SiatValidationError`.
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
  /** Releases the WebAssembly memory now; the built-in template is never released. */
  free(): void;
}

/** Every issue code with its severity. */
export const codes: readonly { readonly code: Code; readonly severity: Severity }[];
/** Languages messages exist in, e.g. `['en', 'nl']`. */
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
