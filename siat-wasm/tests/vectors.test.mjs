// Runs every shared case in tests/vectors through the built package, by
// `import` and by `require`, as users load it.

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import * as imported from 'siat';
import { assertMeetsExpectations, inputOf, loadCases, templateFor } from './support/vectors.mjs';

const required = createRequire(import.meta.url)('siat');
const cases = loadCases();

test('vectors folder has cases', () => {
  assert.ok(cases.length >= 40, `expected at least 40 cases, found ${cases.length}`);
});

test('custom template cases load their template', () => {
  const custom = cases.filter(({ case: testCase }) => typeof testCase.template === 'string');
  assert.ok(custom.some(({ name }) => name.startsWith('601-')), 'case 601 names a template');
  for (const { name, case: testCase } of custom) {
    const template = templateFor(imported, testCase);
    assert.equal(template.id, testCase.assessment.template.id, name);
    template.free();
  }
});

for (const [entry, siat] of [['import', imported], ['require', required]]) {
  describe(`vectors through ${entry}`, () => {
    for (const { name, case: testCase, snapshot } of cases) {
      test(name, () => {
        const template = templateFor(siat, testCase);
        const report = template.check(inputOf(testCase), testCase.options);

        assertMeetsExpectations(report, testCase.expect);
        if (snapshot !== null) {
          // The Rust suite writes the full report; equal numbers here mean equal bits.
          assert.deepStrictEqual(report, snapshot);
        }
      });
    }
  });
}

describe('vectors as JSON text', () => {
  for (const { name, case: testCase, snapshot } of cases) {
    if (snapshot === null || 'assessment_text' in testCase) {
      continue;
    }
    test(name, () => {
      const text = JSON.stringify(testCase.assessment);
      const report = templateFor(imported, testCase).check(text, testCase.options);
      assert.deepStrictEqual(report, snapshot);
    });
  }
});

describe('score agrees with check', () => {
  for (const { name, case: testCase } of cases) {
    test(name, () => {
      const template = templateFor(imported, testCase);
      const input = inputOf(testCase);
      const report = template.check(input, testCase.options);

      if (report.valid) {
        assert.deepStrictEqual(template.score(input, testCase.options), report.scorecard);
        return;
      }
      assert.throws(
        () => template.score(input, testCase.options),
        (error) => {
          assert.ok(error instanceof imported.SiatValidationError);
          assert.deepStrictEqual(error.issues, report.issues);
          return true;
        },
      );
    });
  }
});
