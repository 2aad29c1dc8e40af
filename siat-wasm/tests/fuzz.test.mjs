// Feeds 10 000 random inputs, seeded so a failure repeats, through the
// package: every call must return issues or throw a SiatError, and no
// WebAssembly trap (`RuntimeError: unreachable`) may reach JavaScript.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as siat from 'siat';
import { vectorsDir } from './support/vectors.mjs';

const ITERATIONS = 10_000;
const SEED = Number(process.env.SIAT_FUZZ_SEED ?? 20261204);

/** mulberry32: a small seeded generator of floats in [0, 1). */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const random = generator(SEED);
const below = (count) => Math.floor(random() * count);
const pick = (items) => items[below(items.length)];

const template = siat.describe('en');
const fieldIds = [...template.indicators.map((indicator) => indicator.id), ...template.profile.map((field) => field.id)];
const optionIds = template.indicators.flatMap((indicator) => (indicator.options ?? []).map((option) => option.id));
const baseline = JSON.parse(readFileSync(join(vectorsDir, '001-baseline-all-answered.json'), 'utf8')).assessment;
const severityOf = Object.fromEntries(siat.codes.map(({ code, severity }) => [code, severity]));

const NUMBERS = [0, -0, 1, 3, 5, 12, 50, 99.5, 100, 100.000001, -1, 1e300, -1e300, 2 ** 53, 0.1, NaN, Infinity, -Infinity, 1800, 2026];
const STRINGS = ['', 'n/a', 'N/A', 'NL', 'nl', 'XX', 'rank_sum', 'points', 'siat', '1.0', '2026-05-14', '2026-02-30', '\u{1F955}', '\ud800', 'a'.repeat(300), '{"template":', 'null'];

function randomPrimitive() {
  switch (below(7)) {
    case 0: return undefined;
    case 1: return null;
    case 2: return random() < 0.5;
    case 3: return pick(NUMBERS);
    case 4: return (random() - 0.5) * 10 ** below(6);
    case 5: return pick(optionIds);
    default: return pick(STRINGS);
  }
}

function randomExotic() {
  switch (below(8)) {
    case 0: return () => 1;
    case 1: return Symbol('fuzz');
    case 2: return BigInt(below(100));
    case 3: return new Map([[pick(fieldIds), randomPrimitive()]]);
    case 4: return new Date(below(2 ** 40));
    case 5: return new Proxy({}, { ownKeys() { throw new Error('trap'); } });
    case 6: {
      const looped = { organic_share: 1 };
      looped.self = looped;
      return looped;
    }
    default: return new Uint8Array(below(4));
  }
}

function randomValue(depth = 0) {
  const roll = random();
  if (depth > 3 || roll < 0.55) {
    return randomPrimitive();
  }
  if (roll < 0.65) {
    return randomExotic();
  }
  if (roll < 0.82) {
    return Array.from({ length: below(5) }, () => (random() < 0.5 ? pick(optionIds) : randomValue(depth + 1)));
  }
  const object = {};
  for (let key = below(5); key > 0; key -= 1) {
    object[random() < 0.7 ? pick(fieldIds) : pick(STRINGS)] = randomValue(depth + 1);
  }
  return object;
}

/** Returns the baseline assessment with a few random changes. */
function mutatedAssessment() {
  const assessment = structuredClone(baseline);
  for (let change = 1 + below(4); change > 0; change -= 1) {
    const section = pick(['template', 'profile', 'prioritisation', 'answers', 'meta', 'root']);
    if (section === 'root') {
      assessment[pick(['template', 'profile', 'answers', 'extra', 'meta'])] = randomValue(1);
    } else if (assessment[section] !== null && typeof assessment[section] === 'object') {
      assessment[section][random() < 0.8 ? pick(fieldIds) : pick(STRINGS)] = randomValue(2);
    } else {
      assessment[section] = randomValue(1);
    }
  }
  return assessment;
}

/** Returns a valid answer for an indicator, or no answer. */
function validAnswer(indicator) {
  if (random() < 0.1) {
    return undefined;
  }
  if (indicator.na_allowed && random() < 0.1) {
    return 'n/a';
  }
  const ids = (indicator.options ?? []).map((option) => option.id);
  switch (indicator.type) {
    case 'boolean': return random() < 0.5;
    case 'percent': return random() < 0.3 ? below(101) : random() * 100;
    case 'likert5': return 1 + below(5);
    case 'count': return below(30);
    case 'number': return random() * (indicator.max ?? 1000);
    case 'choice': return pick(ids);
    default: return ids.filter((id) => !(indicator.options.find((option) => option.id === id).exclusive) && random() < 0.4);
  }
}

/** Returns an assessment that passes validation, with random answers and priorities. */
function validAssessment() {
  const assessment = structuredClone(baseline);
  for (const indicator of template.indicators) {
    assessment.answers[indicator.id] = validAnswer(indicator);
  }
  const dimensions = template.dimensions.map((dimension) => dimension.id);
  if (random() < 0.5) {
    assessment.prioritisation = { ranks: Object.fromEntries(dimensions.map((id) => [id, 1 + below(5)])) };
  } else {
    assessment.prioritisation = { points: Object.fromEntries(dimensions.map((id, position) => [id, position === 0 ? 1 + below(50) : below(50)])) };
  }
  return assessment;
}

function randomOptions() {
  const options = {};
  if (random() < 0.3) options.lang = pick(['en', 'nl']);
  if (random() < 0.2) options.method = pick(['rank_sum', 'rank_order_centroid', 'reciprocal', 'points', 'equal']);
  if (random() < 0.2) options.minCoverage = pick([0, 0.25, 0.5, 1]);
  if (random() < 0.2) options.aggregation = pick(['arithmetic', 'geometric']);
  if (random() < 0.5) options.today = '2026-12-04';
  return options;
}

function assertIssue(issue) {
  assert.equal(typeof issue.path, 'string');
  assert.ok(issue.path === '' || issue.path.startsWith('/'), `path ${issue.path}`);
  assert.equal(issue.severity, severityOf[issue.code], `severity of ${issue.code}`);
  assert.equal(typeof issue.message, 'string');
  assert.ok(issue.message.length > 0, `message of ${issue.code}`);
  assert.equal(Object.getPrototypeOf(issue.params), Object.prototype);
}

/** Runs one call; a SiatError is allowed, any other exception fails the test. */
function expectIssuesOrSiatError(call, context) {
  try {
    return call();
  } catch (error) {
    if (error instanceof siat.SiatError) {
      return null;
    }
    assert.fail(`${context}: ${error?.name}: ${error?.message}`);
  }
}

test(`${ITERATIONS} random inputs give issues, never a crash (seed ${SEED})`, () => {
  let scored = 0;
  for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
    const roll = random();
    let input;
    if (roll < 0.2) {
      input = validAssessment();
    } else if (roll < 0.8) {
      input = mutatedAssessment();
    } else {
      input = randomValue();
    }
    const options = randomOptions();
    if (roll < 0.2 && input.prioritisation.points) {
      // Rank methods reject points; leave the method to the assessment.
      delete options.method;
    }
    const context = `iteration ${iteration}`;

    const result = expectIssuesOrSiatError(() => siat.validate(input, options), context);
    assert.ok(result, `${context}: validate threw a SiatError for valid options`);
    assert.equal(typeof result.valid, 'boolean');
    result.issues.forEach(assertIssue);
    assert.equal(result.valid, !result.issues.some((issue) => issue.severity === 'error'));

    try {
      const scorecard = siat.score(input, options);
      assert.ok(result.valid, `${context}: scored an invalid assessment`);
      assert.equal(scorecard.dimensions.length, 5);
      for (const score of [scorecard.index.score, ...scorecard.dimensions.map((dimension) => dimension.score)]) {
        assert.ok(score === null || (score >= 0 && score <= 100), `${context}: score ${score} outside 0–100`);
      }
      scored += 1;
    } catch (error) {
      assert.ok(error instanceof siat.SiatValidationError, `${context}: ${error?.name}: ${error?.message}`);
      assert.equal(result.valid, false);
    }

    const id = random() < 0.9 ? pick(fieldIds) : randomValue();
    const fieldIssues = expectIssuesOrSiatError(() => siat.validateField(id, randomValue(), options), `${context} validateField`);
    fieldIssues?.forEach(assertIssue);
  }

  // A fifth of the inputs are built valid, so scoring ran on them.
  assert.ok(scored >= ITERATIONS / 10, `only ${scored} random inputs were scored`);
  assert.equal(siat.validate(baseline, { today: '2026-12-04' }).valid, true);
});
