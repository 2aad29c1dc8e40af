// Runs the catalogue of bad inputs in tests/hostile through the built
// package: each case's JSON text must give the issue codes, paths,
// severities and parameters the case lists, as in the Rust suite. The same
// input read by JSON.parse and passed as an object must give the same
// issues, and no call may throw anything but a SiatError. The case format
// is described in tests/hostile/README.md.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import * as siat from 'siat';
import { repositoryRoot } from './support/vectors.mjs';

const hostileDir = join(repositoryRoot, 'tests', 'hostile');

/** Minimum number of cases in the catalogue. */
const MIN_CASES = 80;

/** Absolute tolerance for hand-computed numbers such as 340/7. */
const TOLERANCE = 1e-9;

/** Returns the value at a JSON Pointer and its parent, or throws naming the case. */
function parentAt(root, pointer, name) {
  const tokens = pointer.split('/').slice(1).map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
  const last = tokens.pop();
  let parent = root;
  for (const token of tokens) {
    parent = parent?.[token];
  }
  if (parent === null || typeof parent !== 'object' || !(last in parent)) {
    throw new Error(`${name}: generate.path \`${pointer}\` names no value of the assessment`);
  }
  return [parent, last];
}

/**
 * Applies a `generate` instruction: puts a long string (`repeat` a piece
 * `times` times) or a long array (`items`, `times` copies) at a JSON
 * Pointer, so the case file itself stays small.
 */
function generate(assessment, instruction, name) {
  const { path, repeat, items, times } = instruction;
  if (!Number.isInteger(times) || times < 0) {
    throw new Error(`${name}: generate.times must be a count`);
  }
  if ((repeat === undefined) === (items === undefined)) {
    throw new Error(`${name}: generate needs exactly one of \`repeat\` (a string) and \`items\``);
  }
  const [parent, key] = parentAt(assessment, path, name);
  parent[key] = repeat !== undefined ? String(repeat).repeat(times) : Array.from({ length: times }, () => structuredClone(items));
}

/** Returns every case, sorted by file name, with its input text built. */
function loadCases() {
  if (!existsSync(hostileDir)) {
    return [];
  }
  return readdirSync(hostileDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const json = JSON.parse(readFileSync(join(hostileDir, file), 'utf8'));
      const hasObject = 'assessment' in json;
      if (hasObject === ('assessment_text' in json)) {
        throw new Error(`${file}: a case needs exactly one of \`assessment\` and \`assessment_text\``);
      }
      let text = json.assessment_text;
      if (hasObject) {
        const assessment = structuredClone(json.assessment);
        if (json.generate) {
          generate(assessment, json.generate, file);
        }
        text = JSON.stringify(assessment);
      } else if (json.generate) {
        throw new Error(`${file}: \`generate\` needs \`assessment\``);
      }
      const template = typeof json.template === 'string' ? readFileSync(join(hostileDir, json.template), 'utf8') : null;
      return { file, json, text, template };
    });
}

const issueKey = (issue) => `${issue.code} ${JSON.stringify(issue.path)} ${issue.severity}`;

function compareIssues(report, expect, failures) {
  const actual = report.issues.map(issueKey).sort();
  const expected = expect.issues.map(issueKey).sort();
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    failures.push(`issues: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
  for (const wanted of expect.issues.filter((issue) => issue.params)) {
    const found = report.issues.some((issue) => issueKey(issue) === issueKey(wanted)
      && Object.entries(wanted.params).every(([key, value]) => JSON.stringify(issue.params[key]) === JSON.stringify(value)));
    if (!found) {
      const got = report.issues.filter((issue) => issueKey(issue) === issueKey(wanted)).map((issue) => issue.params);
      failures.push(`params of ${issueKey(wanted)}: got ${JSON.stringify(got)}, expected ${JSON.stringify(wanted.params)}`);
    }
  }
}

function compareNumber(failures, label, actual, expected) {
  const same = expected === null
    ? actual === null || actual === undefined
    : typeof actual === 'number' && Math.abs(actual - expected) <= TOLERANCE;
  if (!same) {
    failures.push(`${label}: got ${actual}, expected ${expected}`);
  }
}

function compareScores(report, expect, failures) {
  const { scorecard } = report;
  if (!scorecard) {
    return;
  }
  if ('name' in expect && scorecard.name !== expect.name) {
    failures.push(`name: got ${JSON.stringify(scorecard.name)}, expected ${JSON.stringify(expect.name)}`);
  }
  if ('index' in expect) {
    compareNumber(failures, 'index', scorecard.index.score, expect.index);
  }
  if ('index_level' in expect && scorecard.index.level !== expect.index_level) {
    failures.push(`index_level: got ${scorecard.index.level}, expected ${expect.index_level}`);
  }
  for (const section of ['dimensions', 'indicators']) {
    for (const [id, fields] of Object.entries(expect[section] ?? {})) {
      const entry = scorecard[section].find((candidate) => candidate.id === id) ?? {};
      for (const [key, want] of Object.entries(fields)) {
        const got = entry[key] ?? null;
        if (typeof want === 'number' || (want === null && typeof got !== 'string')) {
          compareNumber(failures, `${section}.${id}.${key}`, got, want);
        } else if (got !== want) {
          failures.push(`${section}.${id}.${key}: got ${got}, expected ${want}`);
        }
      }
    }
  }
}

/** Lists every way a report differs from a case's expectations. */
function compare(report, expect) {
  const failures = [];
  if (report.valid !== expect.valid) {
    failures.push(`valid: got ${report.valid}, expected ${expect.valid}`);
  }
  compareIssues(report, expect, failures);
  compareScores(report, expect, failures);
  return failures;
}

/** Runs a call; a SiatError is allowed, anything else is returned as a failure. */
function unexpectedThrow(call) {
  try {
    call();
    return null;
  } catch (error) {
    return error instanceof siat.SiatError ? null : `${error?.name}: ${error?.message}`;
  }
}

/** Tells whether the core rejects the text before reading it as a value. */
function rejectedAsText(report) {
  return report.issues.some((issue) => issue.code === 'invalid_json' || issue.params.reason === 'input_bytes');
}

const cases = loadCases();

/** Runs `body(templateObject, testCase)` with the case's template loaded, freeing it afterwards. */
function withTemplate(testCase, body) {
  const template = testCase.template === null ? siat.Template.builtin() : siat.Template.fromJson(testCase.template);
  try {
    return body(template);
  } finally {
    template.free();
  }
}

test('hostile catalogue has cases', () => {
  assert.ok(cases.length >= MIN_CASES, `expected at least ${MIN_CASES} cases in tests/hostile, found ${cases.length}`);
});

describe('hostile cases as JSON text', () => {
  for (const testCase of cases) {
    test(testCase.file, () => {
      const failures = withTemplate(testCase, (template) => compare(template.check(testCase.text, testCase.json.options), testCase.json.expect));
      assert.deepEqual(failures, []);
    });
  }
});

/** Parses a case's text as JavaScript would; returns undefined when it cannot be an object argument. */
function asObject(text) {
  try {
    const object = JSON.parse(text);
    // A string argument is read as JSON text, not as a value.
    return typeof object === 'string' ? undefined : object;
  } catch {
    return undefined;
  }
}

/**
 * Tells whether the engine rejects a case's text before reading it: as not
 * JSON, which JSON.parse may still read (repeated keys), or as too many
 * bytes, a limit of text that an object does not have.
 */
function rejectedBeforeReading(testCase) {
  return withTemplate(testCase, (template) => rejectedAsText(template.check(testCase.text, testCase.json.options)));
}

describe('hostile cases as objects', () => {
  const objectCases = cases.filter((candidate) => asObject(candidate.text) !== undefined && !rejectedBeforeReading(candidate));
  for (const testCase of objectCases) {
    test(testCase.file, () => {
      const object = asObject(testCase.text);
      withTemplate(testCase, (template) => {
        const fromText = template.check(testCase.text, testCase.json.options);
        const fromObject = template.check(object, testCase.json.options);
        assert.deepEqual(fromObject.issues.map(issueKey).sort(), fromText.issues.map(issueKey).sort());
        assert.deepStrictEqual(fromObject.scorecard, fromText.scorecard);
      });
    });
  }
});

test('hostile cases never throw anything but SiatError', () => {
  const failures = [];
  for (const testCase of cases) {
    let object;
    try {
      object = JSON.parse(testCase.text);
    } catch {
      object = testCase.text;
    }
    withTemplate(testCase, (template) => {
      for (const lang of ['en', 'nl']) {
        const options = { ...testCase.json.options, lang };
        const calls = {
          validate: () => template.validate(testCase.text, options),
          score: () => template.score(object, options),
          advise: () => template.advise(testCase.text, options),
          radarSvg: () => template.radarSvg(object, options),
          compareCohort: () => template.compareCohort([testCase.text, object], options).free(),
        };
        for (const [name, call] of Object.entries(calls)) {
          const failure = unexpectedThrow(call);
          if (failure) {
            failures.push(`${testCase.file} ${name} (${lang}): ${failure}`);
          }
        }
      }
    });
  }
  assert.deepEqual(failures, []);
});
