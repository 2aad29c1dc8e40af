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
 * @param {object} raw the wasm-bindgen module: `TemplateHandle`, `codes`,
 *   `languages` and `version`.
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

  // Only this module creates templates; `new Template()` from outside throws.
  const constructing = Symbol('constructing');
  let builtinTemplate = null;

  /** A questionnaire definition loaded into WebAssembly memory. */
  class Template {
    #handle;
    #summary = null;

    constructor(token, handle) {
      if (token !== constructing) {
        throw new TypeError('use Template.builtin() or Template.fromJson(text) to get a template');
      }
      this.#handle = handle;
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
];
