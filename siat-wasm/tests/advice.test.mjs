// Advice from the knowledge base, custom templates, template version
// migration, JSON Schemas and languages added at run time.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import * as siat from 'siat';
import { runCli } from './support/cli.mjs';
import { repositoryRoot } from './support/vectors.mjs';

const read = (...parts) => readFileSync(join(repositoryRoot, ...parts), 'utf8');
const weakestFile = 'examples/cohort/rs-seoska-korpa-sremska.json';
const weakest = JSON.parse(read(weakestFile));
const groeneKist = JSON.parse(read('examples', 'cohort', 'nl-de-groene-kist.json'));
const foodHubTemplateText = read('examples', 'templates', 'food-hub-3d.json');
const foodHubExample = JSON.parse(read('examples', 'templates', 'food-hub-example.json'));
const mappingText = read('tests', 'migrations', 'siat-1.0-to-1.1.json');

const scratch = mkdtempSync(join(tmpdir(), 'siat-advice-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('advise', () => {
  test('advice equals the command line tool in both languages', () => {
    for (const lang of ['en', 'nl']) {
      const expected = JSON.parse(runCli(['advise', weakestFile, '--format', 'json', '--lang', lang]));
      assert.deepStrictEqual(siat.advise(weakest, { lang }), expected, lang);
    }
  });

  test('recommendations follow the priority gap', () => {
    const advice = siat.advise(weakest, { limit: 20, perDimension: 20 });
    const gaps = advice.map((recommendation) => recommendation.priority_gap);
    assert.deepEqual(gaps, [...gaps].sort((a, b) => b - a));
    for (let position = 1; position < advice.length; position += 1) {
      const [before, current] = [advice[position - 1], advice[position]];
      if (before.dimension === current.dimension) {
        assert.ok(before.score <= current.score, `${before.indicator} before ${current.indicator}`);
      }
    }
  });

  test('default gives at most six, three per dimension', () => {
    const advice = siat.advise(weakest);
    assert.equal(advice.length, 6);
    const perDimension = new Map();
    for (const { dimension } of advice) {
      perDimension.set(dimension, (perDimension.get(dimension) ?? 0) + 1);
    }
    assert.ok([...perDimension.values()].every((count) => count <= 3));
  });

  test('limit and perDimension are applied', () => {
    assert.equal(siat.advise(weakest, { limit: 2 }).length, 2);
    const one = siat.advise(weakest, { per_dimension: 1, limit: 10 });
    assert.equal(new Set(one.map((recommendation) => recommendation.dimension)).size, one.length);
    assert.deepEqual(siat.advise(weakest, { limit: 0 }), []);
  });

  test('each recommendation names practices with advice', () => {
    for (const recommendation of siat.advise(weakest, { lang: 'nl' })) {
      assert.ok(recommendation.practices.length > 0, recommendation.indicator);
      assert.ok(recommendation.practices.every((practice) => practice.advice.length > 0));
      assert.ok(recommendation.text.includes(recommendation.label));
    }
  });

  test('scorecard and assessment give the same advice', () => {
    const scorecard = siat.score(weakest);
    assert.deepStrictEqual(siat.advise(scorecard, { lang: 'nl' }), siat.advise(weakest, { lang: 'nl' }));
    assert.deepStrictEqual(siat.advise(JSON.stringify(weakest)), siat.advise(weakest));
  });

  test('scoring options change the advice', () => {
    const equal = siat.advise(weakest, { method: 'equal', limit: 20 });
    const own = siat.advise(weakest, { limit: 20 });
    assert.notDeepStrictEqual(equal.map((entry) => entry.priority_gap), own.map((entry) => entry.priority_gap));
  });

  test('invalid assessment throws SiatValidationError', () => {
    assert.throws(() => siat.advise({ template: { id: 'siat', version: '1.0' } }), siat.SiatValidationError);
  });

  test('invalid options throw', () => {
    assert.throws(() => siat.advise(weakest, { limit: -1 }), { kind: 'invalid_options' });
    assert.throws(() => siat.advise(weakest, { perDimension: 1.5 }), { kind: 'invalid_options' });
    assert.throws(() => siat.advise(weakest, { perDimension: 1, per_dimension: 1 }), { kind: 'invalid_options' });
    assert.throws(() => siat.advise(weakest, { limits: 3 }), { kind: 'invalid_options' });
    assert.throws(() => siat.advise(weakest, { lang: 'fr' }), { kind: 'unsupported_language' });
  });

  test('custom template advice has no knowledge-base links', () => {
    const template = siat.Template.fromJson(foodHubTemplateText);
    const advice = template.advise(foodHubExample, { lang: 'nl' });
    assert.ok(advice.length > 0);
    assert.ok(advice.every((recommendation) => recommendation.practices.length === 0));
    template.free();
  });
});

describe('knowledgeBase', () => {
  const knowledge = siat.knowledgeBase();

  test('every built-in indicator has advice', () => {
    for (const indicator of siat.describe('en').indicators) {
      const entries = knowledge.entries.filter((entry) => entry.advice && entry.indicators.includes(indicator.id));
      assert.ok(entries.length > 0, indicator.id);
    }
  });

  test('texts exist in English and Dutch', () => {
    assert.deepEqual(knowledge.languages, ['en', 'nl']);
    for (const entry of knowledge.entries) {
      assert.ok(entry.title.en, `${entry.id} title en`);
      assert.ok(entry.title.nl, `${entry.id} title nl`);
      assert.ok(entry.text.en, `${entry.id} text en`);
      assert.ok(entry.text.nl, `${entry.id} text nl`);
    }
  });

  test('each call returns a fresh copy', () => {
    knowledge.entries.length = 0;
    assert.ok(siat.knowledgeBase().entries.length > 20);
  });
});

describe('custom templates', () => {
  test('food hub example scores 74.5', () => {
    const template = siat.Template.fromJson(foodHubTemplateText);
    const scorecard = template.score(foodHubExample);
    assert.equal(template.id, 'food_hub');
    assert.ok(Math.abs(scorecard.index.score - 74.5) <= 1e-9, `index ${scorecard.index.score}`);
    assert.equal(scorecard.index.level, 'lead');
    assert.deepEqual(scorecard.dimensions.map((dimension) => dimension.id), ['people', 'planet', 'prosperity']);
    assert.deepStrictEqual(template.score(JSON.stringify(foodHubExample)), scorecard);
    template.free();
  });

  test('food hub example equals the command line tool', () => {
    const template = siat.Template.fromJson(foodHubTemplateText);
    const expected = JSON.parse(runCli(['score', 'examples/templates/food-hub-example.json', '--template', 'examples/templates/food-hub-3d.json', '--format', 'json']));
    assert.deepStrictEqual(template.score(foodHubExample), expected);
    template.free();
  });

  test('built-in template rejects the food hub assessment', () => {
    const { issues } = siat.validate(foodHubExample);
    assert.deepEqual(issues.map((issue) => issue.code), ['unknown_template']);
  });

  test('Dutch labels of a custom template', () => {
    const template = siat.Template.fromJson(foodHubTemplateText);
    assert.deepEqual(template.describe('nl').dimensions.map((dimension) => dimension.label), ['Mensen', 'Planeet', 'Welvaart']);
    template.free();
  });
});

describe('migrate', () => {
  test('example mapping renames and drops', () => {
    const migrated = siat.migrate(groeneKist, JSON.parse(mappingText));
    assert.deepEqual(migrated.assessment.template, { id: 'siat', version: '1.1' });
    assert.deepEqual(migrated.renamed, [{ from: 'local_jobs', to: 'local_jobs_fte' }]);
    assert.deepEqual(migrated.dropped, { collective_credit: groeneKist.answers.collective_credit });
    assert.equal(migrated.assessment.answers.local_jobs_fte, groeneKist.answers.local_jobs);
    assert.equal('local_jobs' in migrated.assessment.answers, false);
    assert.deepEqual(groeneKist.template, { id: 'siat', version: '1.0' }, 'the input is unchanged');
  });

  test('migrated assessment scores with the new version', () => {
    const newer = siat.Template.fromJson(read('tests', 'migrations', 'siat-1.1.json'));
    const { assessment } = siat.migrate(JSON.stringify(groeneKist), mappingText);
    assert.equal(newer.check(assessment).valid, true);
    assert.deepEqual(siat.validate(assessment).issues.map((issue) => issue.code), ['unsupported_version']);
    newer.free();
  });

  test('migration equals the command line tool', () => {
    const output = join(scratch, 'migrated.json');
    runCli(['migrate', 'examples/cohort/nl-de-groene-kist.json', '--mapping', 'tests/migrations/siat-1.0-to-1.1.json', '--output', output]);
    assert.deepStrictEqual(siat.migrate(groeneKist, mappingText).assessment, JSON.parse(readFileSync(output, 'utf8')));
  });

  test('assessment of another version throws migration', () => {
    const newer = structuredClone(groeneKist);
    newer.template.version = '1.1';
    assert.throws(() => siat.migrate(newer, mappingText), (error) => {
      assert.equal(error.kind, 'migration');
      assert.match(error.message, /1\.1/);
      return true;
    });
  });

  test('two answers for one new id throw migration', () => {
    const clash = structuredClone(groeneKist);
    clash.answers.local_jobs_fte = 3;
    assert.throws(() => siat.migrate(clash, mappingText), { kind: 'migration' });
  });

  test('invalid mappings throw migration', () => {
    assert.throws(() => siat.migrate(groeneKist, '{'), { kind: 'migration' });
    assert.throws(() => siat.migrate(groeneKist, { template: 'siat', from: '1.0', to: '1.1', extra: true }), { kind: 'migration' });
    assert.throws(() => siat.migrate(groeneKist, 42), { kind: 'invalid_argument' });
  });

  test('values JSON cannot carry throw invalid_argument', () => {
    const odd = structuredClone(groeneKist);
    odd.answers.organic_share = NaN;
    assert.throws(() => siat.migrate(odd, mappingText), (error) => {
      assert.equal(error.kind, 'invalid_argument');
      assert.match(error.message, /\/answers\/organic_share/);
      return true;
    });
    odd.answers.organic_share = new Date();
    assert.throws(() => siat.migrate(odd, mappingText), { kind: 'invalid_argument' });
  });

  test('assessment text that is not JSON throws migration', () => {
    assert.throws(() => siat.migrate('{"template"', mappingText), { kind: 'migration' });
  });
});

describe('assessmentSchema', () => {
  test('built-in schema equals the published file', () => {
    assert.deepStrictEqual(siat.assessmentSchema(), JSON.parse(read('schemas', 'siat-1.0.assessment.schema.json')));
  });

  test('custom template schema equals the command line tool', () => {
    const template = siat.Template.fromJson(foodHubTemplateText);
    const expected = JSON.parse(runCli(['schema', 'assessment', '--template', 'examples/templates/food-hub-3d.json']));
    assert.deepStrictEqual(siat.assessmentSchema({ template }), expected);
    assert.deepStrictEqual(template.assessmentSchema(), expected);
    template.free();
  });

  test('invalid options throw', () => {
    assert.throws(() => siat.assessmentSchema({ template: {} }), { kind: 'invalid_argument' });
    assert.throws(() => siat.assessmentSchema({ lang: 'nl' }), { kind: 'invalid_options' });
    assert.throws(() => siat.assessmentSchema('siat'), { kind: 'invalid_options' });
    const freed = siat.Template.fromJson(foodHubTemplateText);
    freed.free();
    assert.throws(() => siat.assessmentSchema({ template: freed }), { kind: 'invalid_argument' });
  });
});

// Adding a language changes this process's catalogue, so these run last.
describe('addLanguage', () => {
  const english = JSON.parse(read('siat-core', 'data', 'messages', 'en.json'));

  /** Builds the test-only language `xx`: English with every message marked. */
  function testLanguage() {
    const catalogue = structuredClone(english);
    for (const section of Object.values(catalogue)) {
      for (const key of Object.keys(section)) {
        section[key] = `[xx] ${section[key]}`;
      }
    }
    return catalogue;
  }

  test('catalogue missing a key throws invalid_catalogue', () => {
    const catalogue = testLanguage();
    delete catalogue.messages.out_of_range;
    assert.throws(() => siat.addLanguage('xx', catalogue), (error) => {
      assert.equal(error.kind, 'invalid_catalogue');
      assert.match(error.message, /messages\.out_of_range/);
      return true;
    });
    assert.throws(() => siat.validate(groeneKist, { lang: 'xx' }), { kind: 'unsupported_language' });
  });

  test('text that is no catalogue throws invalid_catalogue', () => {
    assert.throws(() => siat.addLanguage('xx', '{'), { kind: 'invalid_catalogue' });
    assert.throws(() => siat.addLanguage('xx', '{"messages": {}}'), { kind: 'invalid_catalogue' });
  });

  test('arguments of the wrong type throw invalid_argument', () => {
    assert.throws(() => siat.addLanguage(undefined, testLanguage()), { kind: 'invalid_argument' });
    assert.throws(() => siat.addLanguage('', testLanguage()), { kind: 'invalid_argument' });
    assert.throws(() => siat.addLanguage('xx', 42), { kind: 'invalid_argument' });
  });

  test('added language writes messages and findings', () => {
    const languages = siat.addLanguage('xx', JSON.stringify(testLanguage()));
    assert.deepEqual(languages, ['en', 'nl', 'xx']);

    const broken = structuredClone(groeneKist);
    broken.answers.organic_share = 140;
    const [issue] = siat.validate(broken, { lang: 'xx' }).issues;
    assert.equal(issue.code, 'out_of_range');
    assert.match(issue.message, /^\[xx\] /);

    // Headlines come from the template, which has no texts in `xx`.
    const cohort = siat.compareCohort([groeneKist, weakest]);
    const fromCatalogue = cohort.findings({ lang: 'xx' }).filter((finding) => finding.kind !== 'headline');
    assert.ok(fromCatalogue.length >= 5);
    assert.ok(fromCatalogue.every((finding) => finding.text.startsWith('[xx] ')));
    cohort.free();
  });

  test('a language replaced twice keeps the last catalogue', () => {
    const catalogue = testLanguage();
    catalogue.messages.out_of_range = 'buiten bereik (test)';
    siat.addLanguage('xx', catalogue);
    const broken = structuredClone(groeneKist);
    broken.answers.organic_share = 140;
    assert.equal(siat.validate(broken, { lang: 'xx' }).issues[0].message, 'buiten bereik (test)');
  });
});

