// The public JavaScript API of the `siat` package, shared by the Node.js
// and browser entry points. scripts/build-wasm copies this file into the
// package as `api.js` (ES module) and `api.cjs` (CommonJS).
//
// The WebAssembly exports do not throw for any input: each returns JSON text
// tagged with a `status`. This module parses it and turns failures into
// exceptions.

/**
 * Builds the API over the module that wasm-bindgen generated.
 *
 * @param {object} raw the wasm-bindgen module: `TemplateHandle` (whose
 *   `compareCohort` makes a `CohortHandle`), `barsSvg`, `knowledgeBase`,
 *   `migrate`, `addLanguage`, `codes`, `languages` and `version`.
 */
export function createApi(raw) {
  /** A mistake of the caller: unsupported language, invalid options or template. */
  class SiatError extends Error {
    constructor(message, { kind, problems = [] } = {}) {
      super(message);
      this.name = 'SiatError';
      /** Machine-readable kind, e.g. `invalid_template` or `unsupported_language`. */
      this.kind = kind;
      /** For `invalid_template`: every problem of the file as `{path, message}`. */
      this.problems = problems;
    }
  }

  /** Scoring met an assessment with errors; `issues` lists every issue. */
  class SiatValidationError extends SiatError {
    constructor(message, issues) {
      super(message, { kind: 'invalid_assessment' });
      this.name = 'SiatValidationError';
      /** Every issue of the assessment, errors and warnings. */
      this.issues = issues;
    }
  }

  function unwrap(resultJson) {
    const result = JSON.parse(resultJson);
    if (result.status === 'ok') {
      return result.value;
    }
    if (result.status === 'invalid') {
      throw new SiatValidationError(result.message, result.issues);
    }
    const { kind, message, problems } = result.error;
    throw new SiatError(message, { kind, problems });
  }

  /** Describes a thrown value for a message, whatever it is. */
  function describeThrown(thrown) {
    try {
      return String(thrown?.message ?? thrown);
    } catch {
      return 'an exception that cannot be shown';
    }
  }

  /**
   * Takes one key out of an options object: a `Template` or `Cohort` that
   * only this module can read. Returns the value and the other options.
   */
  function takeOption(options, key) {
    if (options === null || typeof options !== 'object') {
      return [undefined, options];
    }
    try {
      if (!Object.hasOwn(options, key)) {
        return [undefined, options];
      }
      const { [key]: value, ...rest } = options;
      return [value, rest];
    } catch (thrown) {
      throw new SiatError(`the options could not be read: ${describeThrown(thrown)}`, { kind: 'invalid_options' });
    }
  }

  // Only this module creates templates and cohorts; `new Template()` from outside throws.
  const constructing = Symbol('constructing');
  let builtinTemplate = null;

  // Every live Template and Cohort, looked up without touching the value,
  // so a proxy passed in their place cannot run code.
  const templates = new WeakSet();
  const cohortHandles = new WeakMap();

  /** A questionnaire definition loaded into WebAssembly memory. */
  class Template {
    #handle;
    #summary = null;

    constructor(token, handle) {
      if (token !== constructing) {
        throw new TypeError('use Template.builtin() or Template.fromJson(text) to get a template');
      }
      this.#handle = handle;
      templates.add(this);
    }

    /** Returns the built-in `siat` 1.0 template; every call returns the same object. */
    static builtin() {
      builtinTemplate ??= new Template(constructing, raw.TemplateHandle.builtin());
      return builtinTemplate;
    }

    /**
     * Reads a template file's JSON text.
     * Throws a `SiatError` of kind `invalid_template` listing every problem.
     */
    static fromJson(text) {
      const handle = raw.TemplateHandle.fromJson(text);
      const failure = handle.failure();
      if (failure !== undefined) {
        handle.free();
        unwrap(failure);
      }
      return new Template(constructing, handle);
    }

    /** Template id that assessments name, e.g. `siat`. */
    get id() {
      return this.#summarise().id;
    }

    /** Template version that assessments name, e.g. `1.0`. */
    get version() {
      return this.#summarise().version;
    }

    /** Languages the template's texts are written in, the default first. */
    get languages() {
      return [...this.#summarise().languages];
    }

    /** Returns the template as in its JSON file, every text in every language. */
    toJSON() {
      return unwrap(this.#live().toJson());
    }

    /**
     * Returns the template with every text in one language: what a form
     * needs to render dimensions, indicators, options and labels.
     */
    describe(lang) {
      return unwrap(this.#live().describe(lang));
    }

    /** Validates and scores: `{valid, issues, scorecard}`; a bad assessment gives issues, not an exception. */
    check(assessment, options) {
      return unwrap(this.#live().check(assessment, options));
    }

    /** Validates: `{valid, issues}` with every issue at once. */
    validate(assessment, options) {
      return unwrap(this.#live().validate(assessment, options));
    }

    /** Scores; throws a `SiatValidationError` with every issue when the assessment has errors. */
    score(assessment, options) {
      return unwrap(this.#live().score(assessment, options));
    }

    /** Checks one answer or profile value on its own; returns its issues. */
    validateField(id, value, options) {
      return unwrap(this.#live().validateField(id, value, options));
    }

    /**
     * Scores an array of assessments (objects, JSON text or `{label,
     * assessment}` pairs) with this template and options, for comparison.
     * Inputs with errors are left out and listed in `rejected`.
     */
    compareCohort(assessments, options) {
      const handle = this.#live().compareCohort(assessments, options);
      const failure = handle.failure();
      if (failure !== undefined) {
        handle.free();
        unwrap(failure);
      }
      return new Cohort(constructing, handle);
    }

    /**
     * Returns recommendations for an assessment (scored with `options`) or a
     * scorecard: options `lang`, `limit`, `perDimension` and the scoring options.
     */
    advise(assessmentOrScorecard, options) {
      return unwrap(this.#live().advise(assessmentOrScorecard, options));
    }

    /**
     * Draws the radar chart of an assessment's or scorecard's dimension
     * scores as SVG text, over a cohort's median and interquartile band when
     * `options.cohort` is given.
     */
    radarSvg(assessmentOrScorecard, options) {
      const [cohort, rest] = takeOption(options, 'cohort');
      if (cohort === undefined || cohort === null) {
        return unwrap(this.#live().radarSvg(assessmentOrScorecard, rest));
      }
      const handle = liveCohort(cohort);
      const { id, version } = unwrap(handle.templateRef());
      if (id !== this.id || version !== this.version) {
        throw new SiatError(
          `the cohort was scored with template \`${id}\` version \`${version}\`, not \`${this.id}\` version \`${this.version}\``,
          { kind: 'invalid_argument' },
        );
      }
      return unwrap(handle.radarSvg(assessmentOrScorecard, rest));
    }

    /** Returns the JSON Schema (draft 2020-12) of assessments for this template. */
    assessmentSchema() {
      return unwrap(this.#live().assessmentSchema());
    }

    /**
     * Releases the template's WebAssembly memory now instead of at garbage
     * collection. The built-in template is shared and is never released.
     */
    free() {
      if (this === builtinTemplate || this.#handle === null) {
        return;
      }
      const handle = this.#handle;
      this.#handle = null;
      handle.free();
    }

    #live() {
      if (this.#handle === null) {
        throw new SiatError('the template was freed; load it again', { kind: 'invalid_argument' });
      }
      return this.#handle;
    }

    #summarise() {
      if (this.#summary === null) {
        const { id, version, languages } = this.toJSON();
        this.#summary = { id, version, languages };
      }
      return this.#summary;
    }
  }

  /** Returns the WebAssembly handle of a live cohort; throws for anything else. */
  function liveCohort(cohort) {
    const handle = cohortHandles.get(cohort);
    if (handle === undefined) {
      throw new SiatError('`cohort` must be a Cohort from compareCohort', { kind: 'invalid_argument' });
    }
    if (handle === null) {
      throw new SiatError('the cohort was freed; compare the assessments again', { kind: 'invalid_argument' });
    }
    return handle;
  }

  /**
   * A cohort: assessments scored with one template and options and compared
   * together. Its data live in WebAssembly memory until `free()`.
   */
  class Cohort {
    constructor(token, handle) {
      if (token !== constructing) {
        throw new TypeError('use compareCohort(assessments, options) to build a cohort');
      }
      cohortHandles.set(this, handle);
    }

    /** Number of valid assessments. */
    get size() {
      return liveCohort(this).memberCount();
    }

    /** The valid assessments as `{label, scorecard}`, in input order. */
    get members() {
      return unwrap(liveCohort(this).members());
    }

    /** The inputs left out as `{label, issues}`, in input order. */
    get rejected() {
      return unwrap(liveCohort(this).rejected());
    }

    /** Returns the statistics of every indicator, dimension and the index, and each member's standing. */
    stats() {
      return unwrap(liveCohort(this).stats());
    }

    /** Returns the statistics of each group of members sharing a value of a profile field, such as `country`. */
    statsBy(field) {
      return unwrap(liveCohort(this).statsBy(field));
    }

    /** Returns the findings in words; options `lang` and `groupBy`. */
    findings(options) {
      return unwrap(liveCohort(this).findings(options));
    }

    /** Returns an assessment's or scorecard's scores beside the cohort's quartiles, with percentiles. */
    benchmark(assessmentOrScorecard) {
      return unwrap(liveCohort(this).benchmark(assessmentOrScorecard));
    }

    /** Returns each member's index under every weighting method and random weights; options `samples` and `seed`. */
    sensitivity(options) {
      return unwrap(liveCohort(this).sensitivity(options));
    }

    /** Writes the self-contained HTML report; options `lang`, `groupBy`, `samples` and `seed`. */
    toHtml(options) {
      return unwrap(liveCohort(this).toHtml(options));
    }

    /**
     * Draws the radar chart of the cohort's median and interquartile band as
     * SVG text, under an assessment's or scorecard's scores when given.
     */
    radarSvg(assessmentOrScorecard, options) {
      return unwrap(liveCohort(this).radarSvg(assessmentOrScorecard, options));
    }

    /** Releases the cohort's WebAssembly memory now instead of at garbage collection. */
    free() {
      const handle = cohortHandles.get(this);
      if (handle) {
        cohortHandles.set(this, null);
        handle.free();
      }
    }
  }

  // `using cohort = compareCohort(…)` frees at the end of the block where
  // the runtime has explicit resource management.
  if (typeof Symbol.dispose === 'symbol') {
    Template.prototype[Symbol.dispose] = Template.prototype.free;
    Cohort.prototype[Symbol.dispose] = Cohort.prototype.free;
  }

  /** Returns the template an options object names in `template`, or the built-in one. */
  function templateOption(options) {
    if (options !== undefined && options !== null && typeof options !== 'object') {
      throw new SiatError(`options must be an object such as {template}, not a ${typeof options}`, { kind: 'invalid_options' });
    }
    const [template, rest] = takeOption(options, 'template');
    let unknown = [];
    try {
      if (rest !== undefined && rest !== null) {
        unknown = Object.keys(rest);
      }
    } catch (thrown) {
      throw new SiatError(`the options could not be read: ${describeThrown(thrown)}`, { kind: 'invalid_options' });
    }
    if (unknown.length > 0) {
      throw new SiatError(`unknown option \`${unknown[0]}\`; expected \`template\``, { kind: 'invalid_options' });
    }
    if (template === undefined || template === null) {
      return Template.builtin();
    }
    if (!templates.has(template)) {
      throw new SiatError('`template` must be a Template from Template.builtin() or Template.fromJson(text)', { kind: 'invalid_argument' });
    }
    return template;
  }

  const codes = Object.freeze(JSON.parse(raw.codes()).map((entry) => Object.freeze(entry)));

  return {
    SiatError,
    SiatValidationError,
    Template,
    codes,
    languages: Object.freeze(JSON.parse(raw.languages())),
    version: raw.version(),
    describe: (lang) => Template.builtin().describe(lang),
    check: (assessment, options) => Template.builtin().check(assessment, options),
    validate: (assessment, options) => Template.builtin().validate(assessment, options),
    score: (assessment, options) => Template.builtin().score(assessment, options),
    validateField: (id, value, options) => Template.builtin().validateField(id, value, options),
    Cohort,
    compareCohort: (assessments, options) => Template.builtin().compareCohort(assessments, options),
    radarSvg: (assessmentOrScorecard, options) => {
      const [cohort, rest] = takeOption(options, 'cohort');
      if (cohort === undefined || cohort === null) {
        return Template.builtin().radarSvg(assessmentOrScorecard, rest);
      }
      return unwrap(liveCohort(cohort).radarSvg(assessmentOrScorecard, rest));
    },
    barsSvg: (title, bars, options) => unwrap(raw.barsSvg(title, bars, options)),
    advise: (assessmentOrScorecard, options) => Template.builtin().advise(assessmentOrScorecard, options),
    knowledgeBase: () => unwrap(raw.knowledgeBase()),
    migrate: (assessment, mapping) => unwrap(raw.migrate(assessment, mapping)),
    assessmentSchema: (options) => templateOption(options).assessmentSchema(),
    addLanguage: (code, catalogue) => unwrap(raw.addLanguage(code, catalogue)),
  };
}

/** The names every entry point exports, in this order. */
export const EXPORTS = [
  'SiatError',
  'SiatValidationError',
  'Template',
  'codes',
  'languages',
  'version',
  'describe',
  'check',
  'validate',
  'score',
  'validateField',
  'Cohort',
  'compareCohort',
  'radarSvg',
  'barsSvg',
  'advise',
  'knowledgeBase',
  'migrate',
  'assessmentSchema',
  'addLanguage',
];
