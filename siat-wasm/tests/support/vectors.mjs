// Reads the shared test vectors in tests/vectors and compares a report with
// a case's expectations; the format is described in tests/vectors/README.md.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const vectorsDir = join(repositoryRoot, 'tests', 'vectors');

/** Absolute tolerance for hand-computed numbers such as 200/3. */
const TOLERANCE = 1e-9;

/** Returns every case, sorted by file name, with its snapshot when one exists. */
export function loadCases() {
  return readdirSync(vectorsDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const snapshotPath = join(vectorsDir, 'snapshots', name);
      return {
        name,
        case: JSON.parse(readFileSync(join(vectorsDir, name), 'utf8')),
        snapshot: existsSync(snapshotPath) ? JSON.parse(readFileSync(snapshotPath, 'utf8')) : null,
      };
    });
}

/** Returns the template a case names, loaded with `Template.fromJson`, or the built-in one. */
export function templateFor(siat, testCase) {
  if (typeof testCase.template !== 'string') {
    return siat.Template.builtin();
  }
  return siat.Template.fromJson(readFileSync(join(vectorsDir, testCase.template), 'utf8'));
}

/** Returns the case's input: the assessment object, or its JSON text. */
export function inputOf(testCase) {
  return 'assessment_text' in testCase ? testCase.assessment_text : testCase.assessment;
}

function assertNumber(actual, expected, label) {
  if (expected === null) {
    assert.equal(actual, null, `${label}: expected no value`);
    return;
  }
  assert.equal(typeof actual, 'number', `${label}: expected a number, got ${actual}`);
  assert.ok(Math.abs(actual - expected) <= TOLERANCE, `${label}: got ${actual}, expected ${expected}`);
}

function assertFields(actual, expected, label) {
  assert.ok(actual, `${label}: missing from the scorecard`);
  for (const [key, want] of Object.entries(expected)) {
    const got = actual[key] ?? null;
    if (typeof want === 'number' || (want === null && typeof got !== 'string')) {
      assertNumber(got, want, `${label}.${key}`);
    } else {
      assert.deepEqual(got, want, `${label}.${key}`);
    }
  }
}

/** Asserts that a report meets a case's `expect` section. */
export function assertMeetsExpectations(report, expect) {
  assert.equal(report.valid, expect.valid, 'valid');

  const key = (issue) => `${issue.code} ${issue.path} ${issue.severity}`;
  assert.deepEqual(report.issues.map(key).sort(), expect.issues.map(key).sort(), 'issues');

  if (!report.scorecard) {
    return;
  }
  const { scorecard } = report;
  if ('index' in expect) {
    assertNumber(scorecard.index.score, expect.index, 'index');
  }
  if ('index_level' in expect) {
    assert.equal(scorecard.index.level, expect.index_level, 'index_level');
  }
  for (const section of ['dimensions', 'indicators']) {
    for (const [id, fields] of Object.entries(expect[section] ?? {})) {
      assertFields(
        scorecard[section].find((entry) => entry.id === id),
        fields,
        `${section}.${id}`,
      );
    }
  }
}
