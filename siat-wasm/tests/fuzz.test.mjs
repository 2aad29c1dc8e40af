// Feeds 100 000 random inputs, seeded so a failure repeats, through the
// package: every call must return issues or throw a SiatError, and no
// WebAssembly trap (`RuntimeError: unreachable`) may reach JavaScript.
// Each input is validated and scored, and goes through one of the other
// calls as well: a single field, advice, charts, a cohort, migration.
// SIAT_FUZZ_ITERATIONS and SIAT_FUZZ_SEED change the run.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as siat from 'siat';
import { repositoryRoot, vectorsDir } from './support/vectors.mjs';

const ITERATIONS = Number(process.env.SIAT_FUZZ_ITERATIONS ?? 100_000);
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

const examples = ['nl-de-groene-kist.json', 'rs-seoska-korpa-sremska.json', 'it-osteria-valtorre.json']
  .map((name) => JSON.parse(readFileSync(join(repositoryRoot, 'examples', 'cohort', name), 'utf8')));
const cohort = siat.compareCohort(examples);
const exampleScorecard = siat.score(examples[0]);
const mapping = JSON.parse(readFileSync(join(repositoryRoot, 'tests', 'migrations', 'siat-1.0-to-1.1.json'), 'utf8'));

/** Returns the example scorecard with a few random changes. */
function mutatedScorecard() {
  const scorecard = structuredClone(exampleScorecard);
  // Chosen before any change, so every target is a plain object of the copy.
  const targets = [scorecard, scorecard.index, scorecard.template, pick(scorecard.dimensions), pick(scorecard.indicators)];
  for (let change = 1 + below(3); change > 0; change -= 1) {
    const target = pick(targets);
    target[pick([...Object.keys(target), 'extra'])] = randomValue(2);
  }
  return scorecard;
}

/** Returns random options for the calls that take more than scoring options. */
function randomCallOptions() {
  if (random() < 0.15) {
    return randomValue(1);
  }
  const options = {};
  const keys = ['lang', 'groupBy', 'group_by', 'samples', 'seed', 'limit', 'perDimension', 'cohort', 'template', 'today'];
  for (let count = below(4); count > 0; count -= 1) {
    const key = pick(keys);
    switch (key) {
      case 'samples': options.samples = pick([0, 1, 5, -1, 1.5, 1e9, '3', NaN, 2n]); break;
      case 'seed': options.seed = pick([0, 1, 2 ** 53 - 1, 2 ** 53, -1, 0.5, 7n, -7n, 2n ** 64n, 'x', null]); break;
      case 'cohort': options.cohort = pick([cohort, {}, cohort, null]); break;
      case 'template': options.template = pick([siat.Template.builtin(), {}, 'siat']); break;
      case 'groupBy':
      case 'group_by': options[key] = pick(['country', 'area', 'sfsc_type', 'name', 'none', 3]); break;
      default: options[key] = random() < 0.7 ? pick(['en', 'nl', 3, 'fr']) : randomPrimitive();
    }
  }
  return options;
}

/** Runs one of the calls beyond validate and score on a random input. */
function otherCall(input, options) {
  const callOptions = randomCallOptions();
  switch (below(9)) {
    case 0: {
      const id = random() < 0.9 ? pick(fieldIds) : randomValue();
      return siat.validateField(id, randomValue(), options);
    }
    case 1: return siat.advise(random() < 0.5 ? input : mutatedScorecard(), random() < 0.5 ? options : callOptions);
    case 2: return siat.radarSvg(random() < 0.5 ? input : mutatedScorecard(), callOptions);
    case 3: return cohort.benchmark(random() < 0.5 ? input : mutatedScorecard());
    case 4: {
      const members = Array.from({ length: below(4) }, () => (random() < 0.2 ? { label: randomPrimitive(), assessment: input } : pick([input, mutatedAssessment(), randomValue()])));
      const built = siat.compareCohort(random() < 0.9 ? members : randomValue(), options);
      try {
        built.stats();
        built.findings(callOptions);
        return built.sensitivity({ samples: below(20), seed: below(1000) });
      } finally {
        built.free();
      }
    }
    case 5: return siat.barsSvg(pick(['t', randomPrimitive()]), random() < 0.7 ? Array.from({ length: below(4) }, () => ({ label: pick(STRINGS), score: randomPrimitive() })) : randomValue(), callOptions);
    case 6: return siat.migrate(input, random() < 0.8 ? mapping : randomValue());
    case 7: return random() < 0.5 ? cohort.findings(callOptions) : cohort.sensitivity(callOptions);
    default: return siat.assessmentSchema(callOptions);
  }
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
    assert.fail(`${context}: ${error?.name}: ${error?.message}\n${error?.stack}`);
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

    expectIssuesOrSiatError(() => otherCall(input, options), `${context} other call`);
  }

  // A fifth of the inputs are built valid, so scoring ran on them.
  assert.ok(scored >= ITERATIONS / 10, `only ${scored} random inputs were scored`);
  assert.equal(siat.validate(baseline, { today: '2026-12-04' }).valid, true);
  assert.equal(cohort.size, 3);
  cohort.free();
});
