// The JavaScript API of the built package: conversions, errors, templates.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import * as siat from 'siat';
import { repositoryRoot, vectorsDir } from './support/vectors.mjs';

const baseline = () => structuredClone(JSON.parse(readFileSync(join(vectorsDir, '001-baseline-all-answered.json'), 'utf8')).assessment);
const TODAY = { today: '2026-12-04' };

/** Returns the issues at one path as `code` strings. */
function codesAt(issues, path) {
  return issues.filter((issue) => issue.path === path).map((issue) => issue.code);
}

/** Validates the baseline with one answer replaced. */
function validateAnswer(id, value, options = TODAY) {
  const assessment = baseline();
  assessment.answers[id] = value;
  return siat.validate(assessment, options);
}

describe('entry points', () => {
  test('import and require share one instance', () => {
    const required = createRequire(import.meta.url)('siat');
    assert.equal(required.Template, siat.Template);
    assert.equal(required.SiatError, siat.SiatError);
    assert.equal(required.score, siat.score);
  });

  test('package version matches the workspace', () => {
    const manifest = createRequire(import.meta.url)('siat/package.json');
    const cargo = readFileSync(join(repositoryRoot, 'Cargo.toml'), 'utf8');
    const workspaceVersion = cargo.match(/\[workspace\.package\][^[]*?^version\s*=\s*"([^"]+)"/m)[1];
    assert.equal(manifest.version, workspaceVersion);
    assert.equal(siat.version, workspaceVersion);
  });

  test('every exports target is a packaged file', () => {
    const require = createRequire(import.meta.url);
    const manifestPath = require.resolve('siat/package.json');
    const packageDir = dirname(manifestPath);
    const manifest = require(manifestPath);
    const targets = [];
    const collect = (entry) => (typeof entry === 'string' ? targets.push(entry) : Object.values(entry).forEach(collect));
    collect(manifest.exports);

    for (const target of new Set(targets)) {
      assert.ok(existsSync(join(packageDir, target)), `${target} is missing`);
      // npm always packs package.json.
      const packaged = target === './package.json' || manifest.files.some((file) => target.slice(2) === file || target.slice(2).startsWith(file));
      assert.ok(packaged, `${target} is not in files`);
    }
  });

  test('exports resolve to the Node.js builds', () => {
    const require = createRequire(import.meta.url);
    assert.match(require.resolve('siat'), /pkg[/\\]node[/\\]index\.cjs$/);
    assert.match(import.meta.resolve('siat'), /pkg\/node\/index\.js$/);
  });
});

describe('issue codes', () => {
  // The codes and severities the assessment format defines.
  const documented = {
    invalid_json: 'error',
    unknown_template: 'error',
    unsupported_version: 'error',
    unknown_field: 'error',
    missing_required: 'error',
    wrong_type: 'error',
    not_finite: 'error',
    not_integer: 'error',
    out_of_range: 'error',
    unknown_option: 'error',
    duplicate_option: 'error',
    exclusive_option: 'error',
    unknown_indicator: 'error',
    na_not_allowed: 'error',
    invalid_prioritisation: 'error',
    unanswered: 'warning',
    low_coverage: 'warning',
    no_prioritisation: 'warning',
    not_short_chain: 'warning',
  };

  test('codes match the documented list', () => {
    const exported = Object.fromEntries(siat.codes.map(({ code, severity }) => [code, severity]));
    assert.deepEqual(exported, documented);
  });

  test('codes match the Code type in index.d.ts', () => {
    const declarations = readFileSync(createRequire(import.meta.url).resolve('siat/package.json').replace(/package\.json$/, 'index.d.ts'), 'utf8');
    const union = declarations.match(/export type Code =([^;]+);/)[1];
    const declared = [...union.matchAll(/'([a-z_]+)'/g)].map((match) => match[1]);
    assert.deepEqual(declared, siat.codes.map(({ code }) => code));
  });

  test('codes are frozen', () => {
    assert.ok(Object.isFrozen(siat.codes));
    assert.throws(() => siat.codes.push({ code: 'x', severity: 'error' }), TypeError);
  });
});

describe('value conversion', () => {
  test('NaN is not_finite', () => {
    assert.deepEqual(codesAt(validateAnswer('organic_share', NaN).issues, '/answers/organic_share'), ['not_finite']);
  });

  test('Infinity and -Infinity are not_finite', () => {
    assert.deepEqual(codesAt(validateAnswer('food_miles_km', Infinity).issues, '/answers/food_miles_km'), ['not_finite']);
    assert.deepEqual(codesAt(validateAnswer('food_miles_km', -Infinity).issues, '/answers/food_miles_km'), ['not_finite']);
  });

  test('not_finite message names the value', () => {
    const [issue] = validateAnswer('organic_share', NaN).issues;
    assert.equal(issue.params.value, 'NaN');
    assert.match(issue.message, /NaN/);
  });

  test('undefined answer is unanswered', () => {
    const result = validateAnswer('organic_share', undefined);
    assert.equal(result.valid, true);
    assert.deepEqual(codesAt(result.issues, '/answers/organic_share'), ['unanswered']);
  });

  test('null answer is unanswered', () => {
    assert.deepEqual(codesAt(validateAnswer('organic_share', null).issues, '/answers/organic_share'), ['unanswered']);
  });

  test('whole number written 3.0 counts as 3', () => {
    assert.equal(validateAnswer('price_transparency', 3.0).valid, true);
  });

  test('negative zero is a valid count', () => {
    assert.equal(validateAnswer('local_jobs', -0).valid, true);
  });

  test('string where a number belongs is wrong_type', () => {
    assert.deepEqual(codesAt(validateAnswer('organic_share', '80').issues, '/answers/organic_share'), ['wrong_type']);
  });

  test('number where a boolean belongs is wrong_type', () => {
    assert.deepEqual(codesAt(validateAnswer('collective_investment', 1).issues, '/answers/collective_investment'), ['wrong_type']);
  });

  const unsupported = [
    ['function', () => 1, 'function'],
    ['symbol', Symbol('x'), 'symbol'],
    ['bigint', 5n, 'bigint'],
    ['Map', new Map([['a', 1]]), 'Map'],
    ['Set', new Set([1]), 'Set'],
    ['Date', new Date(0), 'Date'],
    ['RegExp', /x/, 'RegExp'],
    ['boxed number', new Number(5), 'Number'],
    ['typed array', new Float64Array([1]), 'Float64Array'],
    ['class instance', new (class Answer {})(), 'Answer'],
  ];
  for (const [name, value, description] of unsupported) {
    test(`${name} answer is wrong_type`, () => {
      const { issues } = validateAnswer('organic_share', value);
      assert.deepEqual(codesAt(issues, '/answers/organic_share'), ['wrong_type']);
      assert.match(issues[0].message, new RegExp(description));
    });
  }

  test('function as a whole section is wrong_type', () => {
    const assessment = baseline();
    assessment.answers = () => ({});
    assert.deepEqual(codesAt(siat.validate(assessment, TODAY).issues, '/answers'), ['wrong_type']);
  });

  test('Map as the assessment is wrong_type at the root', () => {
    const { issues } = siat.validate(new Map(Object.entries(baseline())));
    assert.deepEqual(issues.map((issue) => [issue.path, issue.code]), [['', 'wrong_type']]);
  });

  test('Date as meta.date is wrong_type', () => {
    const assessment = baseline();
    assessment.meta.date = new Date('2026-05-14');
    assert.deepEqual(codesAt(siat.validate(assessment, TODAY).issues, '/meta/date'), ['wrong_type']);
  });

  test('Set as multi_choice answer is wrong_type at the answer', () => {
    const { issues } = validateAnswer('eco_packaging', new Set(['reusable']));
    assert.deepEqual(codesAt(issues, '/answers/eco_packaging'), ['wrong_type']);
    assert.equal(issues.length, 1);
  });

  test('object from Object.create(null) is read', () => {
    const assessment = baseline();
    assessment.answers = Object.assign(Object.create(null), assessment.answers);
    assert.equal(siat.validate(assessment, TODAY).valid, true);
  });

  test('symbol keys and non-enumerable keys are ignored', () => {
    const assessment = baseline();
    assessment.answers[Symbol('hidden')] = 'x';
    Object.defineProperty(assessment.answers, 'secret', { value: 1, enumerable: false });
    assert.equal(siat.validate(assessment, TODAY).valid, true);
  });

  test('array holes are unanswered elements', () => {
    // eslint-disable-next-line no-sparse-arrays
    const { issues } = validateAnswer('eco_packaging', ['reusable', , 'compostable']);
    assert.deepEqual(codesAt(issues, '/answers/eco_packaging/1'), ['wrong_type']);
  });

  test('circular reference is wrong_type, not a hang', () => {
    const assessment = baseline();
    assessment.answers.organic_share = assessment;
    assert.deepEqual(codesAt(siat.validate(assessment, TODAY).issues, '/answers/organic_share'), ['wrong_type']);
  });

  test('shared object that is not circular is read twice', () => {
    const assessment = baseline();
    const shared = ['reusable'];
    assessment.answers.eco_packaging = shared;
    assessment.answers.waste_measures = ['composting'];
    assessment.answers.cross_sector_partners = ['education'];
    assessment.answers.actors_involved = ['producers'];
    assert.equal(siat.validate(assessment, TODAY).valid, true);
  });

  test('deep nesting is out_of_range like JSON text', () => {
    let deep = 'reusable';
    for (let level = 0; level < 40; level += 1) {
      deep = [deep];
    }
    const assessment = baseline();
    assessment.answers.eco_packaging = deep;

    const fromObject = siat.validate(assessment, TODAY).issues;
    assert.deepEqual(fromObject.map((issue) => [issue.code, issue.params.reason]), [['out_of_range', 'depth']]);
    assert.ok(fromObject[0].path.startsWith('/answers/eco_packaging/0/0/'));
    assert.deepStrictEqual(fromObject, siat.validate(JSON.stringify(assessment), TODAY).issues);
  });

  test('nesting far past the limit is read no deeper', () => {
    let deep = 'reusable';
    for (let level = 0; level < 100_000; level += 1) {
      deep = [deep];
    }
    const { issues } = validateAnswer('eco_packaging', deep);
    assert.deepEqual(issues.map((issue) => [issue.code, issue.params.reason]), [['out_of_range', 'depth']]);
  });

  test('raised depth limit is read in full', () => {
    let deep = 'reusable';
    for (let level = 0; level < 150; level += 1) {
      deep = [deep];
    }
    const { issues } = validateAnswer('eco_packaging', deep, { ...TODAY, limits: { max_depth: 200 } });
    assert.deepEqual(issues.map((issue) => [issue.path, issue.code]), [['/answers/eco_packaging/0', 'wrong_type']]);
  });

  test('throwing getter is wrong_type', () => {
    const assessment = baseline();
    Object.defineProperty(assessment.answers, 'organic_share', {
      enumerable: true,
      get() {
        throw new Error('getter failed');
      },
    });
    assert.deepEqual(codesAt(siat.validate(assessment, TODAY).issues, '/answers/organic_share'), ['wrong_type']);
  });

  test('proxy with throwing traps is wrong_type', () => {
    const hostile = new Proxy({}, {
      ownKeys() {
        throw new Error('ownKeys failed');
      },
      getPrototypeOf() {
        throw new Error('getPrototypeOf failed');
      },
    });
    const assessment = baseline();
    assessment.profile = hostile;
    assert.deepEqual(codesAt(siat.validate(assessment, TODAY).issues, '/profile'), ['wrong_type']);
  });

  test('revoked proxy is wrong_type', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const assessment = baseline();
    assessment.answers = proxy;
    assert.deepEqual(codesAt(siat.validate(assessment, TODAY).issues, '/answers'), ['wrong_type']);
  });

  test('getter that calls back into the package is read', () => {
    const assessment = baseline();
    Object.defineProperty(assessment.answers, 'organic_share', {
      enumerable: true,
      get() {
        siat.validate(baseline(), TODAY);
        return 80;
      },
    });
    assert.equal(siat.validate(assessment, TODAY).valid, true);
  });

  test('huge array throws input_too_large', () => {
    assert.throws(
      () => validateAnswer('eco_packaging', new Array(200_000).fill('reusable')),
      (error) => error instanceof siat.SiatError && error.kind === 'input_too_large',
    );
  });

  test('exponential sharing throws input_too_large', () => {
    let node = [];
    for (let level = 0; level < 40; level += 1) {
      node = [node, node];
    }
    assert.throws(
      () => validateAnswer('eco_packaging', node),
      (error) => error instanceof siat.SiatError && error.kind === 'input_too_large',
    );
  });

  test('JSON text is parsed', () => {
    assert.equal(siat.validate(JSON.stringify(baseline()), TODAY).valid, true);
  });

  test('invalid JSON text is invalid_json', () => {
    const { issues } = siat.validate('{"template": ');
    assert.deepEqual(issues.map((issue) => [issue.path, issue.code]), [['', 'invalid_json']]);
  });
});

describe('results are plain objects', () => {
  test('scorecard holds no Map and survives JSON', () => {
    const scorecard = siat.score(baseline(), TODAY);
    assert.equal(Object.getPrototypeOf(scorecard), Object.prototype);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(scorecard)), scorecard);
  });

  test('issue params are plain objects', () => {
    const [issue] = validateAnswer('organic_share', 140).issues;
    assert.equal(Object.getPrototypeOf(issue.params), Object.prototype);
    assert.deepEqual(issue.params, { value: 140, min: 0, max: 100 });
  });
});

describe('options', () => {
  test('minCoverage and min_coverage are the same option', () => {
    const camel = siat.score(baseline(), { ...TODAY, minCoverage: 0.9 });
    const snake = siat.score(baseline(), { ...TODAY, min_coverage: 0.9 });
    assert.equal(camel.min_coverage, 0.9);
    assert.deepStrictEqual(camel, snake);
  });

  test('both spellings of min_coverage throw', () => {
    assert.throws(() => siat.score(baseline(), { minCoverage: 0.5, min_coverage: 0.5 }), { kind: 'invalid_options' });
  });

  test('undefined and null option values take the defaults', () => {
    const scorecard = siat.score(baseline(), { lang: undefined, method: null, today: undefined });
    assert.equal(scorecard.weighting, 'rank_sum');
  });

  test('method overrides the assessment', () => {
    assert.equal(siat.score(baseline(), { method: 'equal' }).weighting, 'equal');
  });

  test('geometric aggregation is used', () => {
    assert.equal(siat.score(baseline(), { aggregation: 'geometric' }).aggregation, 'geometric');
  });

  test('unknown option throws invalid_options', () => {
    assert.throws(() => siat.score(baseline(), { language: 'nl' }), (error) => {
      assert.ok(error instanceof siat.SiatError);
      assert.equal(error.kind, 'invalid_options');
      assert.match(error.message, /language/);
      return true;
    });
  });

  test('unknown method throws invalid_options', () => {
    assert.throws(() => siat.score(baseline(), { method: 'median' }), { kind: 'invalid_options' });
  });

  test('min_coverage outside 0–1 throws invalid_options', () => {
    assert.throws(() => siat.score(baseline(), { minCoverage: 1.5 }), { kind: 'invalid_options' });
    assert.throws(() => siat.score(baseline(), { minCoverage: NaN }), { kind: 'invalid_options' });
  });

  test('options that are not an object throw invalid_options', () => {
    assert.throws(() => siat.score(baseline(), 'nl'), { kind: 'invalid_options' });
    assert.throws(() => siat.score(baseline(), [1]), { kind: 'invalid_options' });
  });

  test('unsupported language throws unsupported_language', () => {
    assert.throws(() => siat.validate(baseline(), { lang: 'fr' }), (error) => {
      assert.equal(error.name, 'SiatError');
      assert.equal(error.kind, 'unsupported_language');
      assert.match(error.message, /`fr`/);
      return true;
    });
  });

  test('today as a string sets the year limit', () => {
    const assessment = baseline();
    delete assessment.meta;
    assessment.profile.year_founded = 2027;
    assert.equal(siat.validate(assessment, { today: '2027-01-01' }).valid, true);
    assert.equal(siat.validate(assessment, { today: '2026-12-31' }).valid, false);
  });

  test('today as a Date uses its UTC day', () => {
    const assessment = baseline();
    delete assessment.meta;
    assessment.profile.year_founded = 2027;
    assert.equal(siat.validate(assessment, { today: new Date('2027-01-01T00:30:00Z') }).valid, true);
    assert.equal(siat.validate(assessment, { today: new Date('2026-12-31T23:30:00Z') }).valid, false);
  });

  test('without today the current UTC year is the limit', () => {
    const assessment = baseline();
    delete assessment.meta;
    const thisYear = new Date().getUTCFullYear();
    assessment.profile.year_founded = thisYear;
    assert.equal(siat.validate(assessment).valid, true);
    assessment.profile.year_founded = thisYear + 1;
    assert.deepEqual(codesAt(siat.validate(assessment).issues, '/profile/year_founded'), ['out_of_range']);
  });

  test('limits are passed to the engine', () => {
    // The root object has five entries.
    const { issues } = siat.validate(baseline(), { ...TODAY, limits: { max_items: 4 } });
    assert.deepEqual(issues.map((issue) => [issue.path, issue.code, issue.params.reason]), [['', 'out_of_range', 'items']]);
    assert.throws(() => siat.validate(baseline(), { limits: { max_depth: 2.5 } }), { kind: 'invalid_options' });
    assert.throws(() => siat.validate(baseline(), { limits: { deepest: 3 } }), { kind: 'invalid_options' });
  });

  test('invalid today throws invalid_options', () => {
    assert.throws(() => siat.validate(baseline(), { today: '2026-02-30' }), { kind: 'invalid_options' });
    assert.throws(() => siat.validate(baseline(), { today: new Date('nonsense') }), { kind: 'invalid_options' });
    assert.throws(() => siat.validate(baseline(), { today: 20261204 }), { kind: 'invalid_options' });
  });

  test('lang nl writes Dutch messages', () => {
    const [issue] = validateAnswer('organic_share', 140, { ...TODAY, lang: 'nl' }).issues;
    assert.equal(issue.code, 'out_of_range');
    assert.match(issue.message, /buiten het bereik|toegestaan/);
  });
});

describe('errors', () => {
  test('score throws SiatValidationError with every issue', () => {
    const assessment = baseline();
    assessment.answers.organic_share = 140;
    assessment.answers.women_share = NaN;
    assert.throws(() => siat.score(assessment, TODAY), (error) => {
      assert.ok(error instanceof siat.SiatValidationError);
      assert.ok(error instanceof siat.SiatError);
      assert.ok(error instanceof Error);
      assert.equal(error.name, 'SiatValidationError');
      assert.equal(error.kind, 'invalid_assessment');
      assert.deepEqual(error.issues.map((issue) => issue.code), ['out_of_range', 'not_finite']);
      assert.match(error.message, /organic_share/);
      assert.ok(typeof error.stack === 'string');
      return true;
    });
  });

  test('validate never throws for a bad assessment', () => {
    for (const input of [undefined, null, 0, true, [], {}, 'not json', Symbol('x'), () => 1]) {
      const result = siat.validate(input);
      assert.equal(result.valid, false);
      assert.ok(result.issues.length > 0);
    }
  });

  test('check returns no scorecard for a bad assessment', () => {
    const report = siat.check({});
    assert.equal(report.valid, false);
    assert.equal(report.scorecard, null);
  });
});

describe('validateField', () => {
  test('valid answer has no issues', () => {
    assert.deepEqual(siat.validateField('organic_share', 80), []);
  });

  test('empty answer gives no unanswered warning', () => {
    assert.deepEqual(siat.validateField('organic_share', undefined), []);
    assert.deepEqual(siat.validateField('organic_share', null), []);
  });

  test('out of range answer has its path and message', () => {
    const [issue] = siat.validateField('organic_share', 140);
    assert.equal(issue.path, '/answers/organic_share');
    assert.equal(issue.code, 'out_of_range');
    assert.match(issue.message, /140/);
  });

  test('profile field is checked', () => {
    assert.deepEqual(siat.validateField('country', 'nl').map((issue) => [issue.path, issue.code]), [['/profile/country', 'unknown_option']]);
    assert.equal(siat.validateField('country', 'NL').length, 0);
    assert.deepEqual(siat.validateField('name', undefined).map((issue) => issue.code), ['missing_required']);
  });

  test('year_founded uses today', () => {
    assert.equal(siat.validateField('year_founded', 2027, { today: '2027-03-01' }).length, 0);
    assert.deepEqual(siat.validateField('year_founded', 2027, { today: '2026-03-01' }).map((issue) => issue.code), ['out_of_range']);
  });

  test('n/a where allowed is valid', () => {
    assert.deepEqual(siat.validateField('renewable_energy_share', 'n/a'), []);
    assert.deepEqual(siat.validateField('organic_share', 'n/a').map((issue) => issue.code), ['na_not_allowed']);
  });

  test('unknown field throws unknown_field', () => {
    assert.throws(() => siat.validateField('colour', 1), { name: 'SiatError', kind: 'unknown_field' });
  });

  test('non-string id throws invalid_argument', () => {
    assert.throws(() => siat.validateField(42, 1), { kind: 'invalid_argument' });
    assert.throws(() => siat.validateField(undefined, 1), { kind: 'invalid_argument' });
  });
});

describe('Template', () => {
  const builtinJson = readFileSync(join(repositoryRoot, 'siat-core', 'data', 'siat-1.0.json'), 'utf8');

  test('builtin is one shared object', () => {
    assert.equal(siat.Template.builtin(), siat.Template.builtin());
    assert.equal(siat.Template.builtin().id, 'siat');
    assert.equal(siat.Template.builtin().version, '1.0');
    assert.deepEqual(siat.Template.builtin().languages, ['en', 'nl']);
  });

  test('constructor is private', () => {
    assert.throws(() => new siat.Template(), TypeError);
  });

  test('fromJson reads a template file', () => {
    const template = siat.Template.fromJson(builtinJson);
    assert.deepStrictEqual(template.toJSON(), siat.Template.builtin().toJSON());
    assert.deepStrictEqual(template.score(baseline(), TODAY), siat.score(baseline(), TODAY));
    template.free();
  });

  test('freed template throws SiatError', () => {
    const template = siat.Template.fromJson(builtinJson);
    template.free();
    template.free();
    assert.throws(() => template.validate(baseline()), { name: 'SiatError', kind: 'invalid_argument' });
  });

  test('builtin ignores free', () => {
    siat.Template.builtin().free();
    assert.equal(siat.validate(baseline(), TODAY).valid, true);
  });

  test('invalid template lists every problem', () => {
    const data = JSON.parse(builtinJson);
    data.indicators[0].weight = -1;
    data.levels[0].min = 5;
    assert.throws(() => siat.Template.fromJson(JSON.stringify(data)), (error) => {
      assert.ok(error instanceof siat.SiatError);
      assert.equal(error.kind, 'invalid_template');
      assert.deepEqual(error.problems.map((problem) => problem.path).sort(), ['/indicators/0/weight', '/levels/0/min']);
      return true;
    });
  });

  test('template that is not JSON throws invalid_template', () => {
    assert.throws(() => siat.Template.fromJson('{'), { kind: 'invalid_template' });
  });

  test('template given as an object throws invalid_argument', () => {
    assert.throws(() => siat.Template.fromJson(JSON.parse(builtinJson)), { kind: 'invalid_argument' });
  });

  test('describe localises every text', () => {
    const english = siat.describe('en');
    const dutch = siat.describe('nl');
    assert.equal(dutch.lang, 'nl');
    assert.equal(dutch.dimensions.find((dimension) => dimension.id === 'governance').label, 'Bestuur');
    assert.equal(english.dimensions.find((dimension) => dimension.id === 'governance').label, 'Governance');
    assert.equal(dutch.likert5[0], 'helemaal niet');
    assert.equal(dutch.levels.find((level) => level.id === 'leading').label, 'voorloper');

    const packaging = dutch.indicators.find((indicator) => indicator.id === 'eco_packaging');
    assert.equal(packaging.type, 'multi_choice');
    assert.equal(typeof packaging.label, 'string');
    assert.deepEqual(packaging.options.at(-1), { id: 'none', label: 'geen van deze', points: 0, exclusive: true });
    assert.equal(dutch.indicators.length, 39);
    assert.equal(dutch.profile.find((field) => field.id === 'name').required, true);
  });

  test('describe without a language uses the first one', () => {
    assert.equal(siat.describe().lang, 'en');
  });

  test('describe of an unknown language throws', () => {
    assert.throws(() => siat.describe('fr'), { kind: 'unsupported_language' });
    assert.throws(() => siat.describe(7), { kind: 'invalid_argument' });
  });
});
