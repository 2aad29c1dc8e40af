// Cohorts in JavaScript: building one from objects, JSON text and labelled
// pairs, then its statistics, findings, benchmarks, weight sensitivity, HTML
// report and charts. Statistics are checked against numbers computed here,
// and every output against the command line tool's.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import * as siat from 'siat';
import { runCli } from './support/cli.mjs';
import { repositoryRoot } from './support/vectors.mjs';

const TOLERANCE = 1e-9;
const SAMPLES = 200;
const SEED = 7;

// The command line tool labels each member by its path; the JavaScript
// cohort gets the same labels, so every output can be compared whole.
const scratch = mkdtempSync(join(tmpdir(), 'siat-cohort-'));
const cliHtml = join(scratch, 'report.html');
const cli = JSON.parse(runCli([
  'compare', 'examples/cohort', '--format', 'json', '--lang', 'nl', '--group-by', 'country',
  '--samples', String(SAMPLES), '--seed', String(SEED), '--html', cliHtml,
]));
const labels = cli.stats.standings.map((standing) => standing.label);
const pairs = labels.map((label) => ({ label, assessment: JSON.parse(readFileSync(join(repositoryRoot, label), 'utf8')) }));
const assessments = pairs.map((pair) => pair.assessment);
const cohort = siat.compareCohort(pairs, { lang: 'nl' });

const foodHubTemplate = readFileSync(join(repositoryRoot, 'examples', 'templates', 'food-hub-3d.json'), 'utf8');
const foodHubExample = JSON.parse(readFileSync(join(repositoryRoot, 'examples', 'templates', 'food-hub-example.json'), 'utf8'));

after(() => {
  cohort.free();
  rmSync(scratch, { recursive: true, force: true });
});

/** Returns the quantile p of numbers by linear interpolation (numpy's default). */
function quantile(numbers, p) {
  const sorted = [...numbers].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/** Summarises numbers the way the guide describes: sample standard deviation, type 7 quartiles. */
function summarise(numbers) {
  const mean = numbers.reduce((sum, number) => sum + number, 0) / numbers.length;
  const variance = numbers.reduce((sum, number) => sum + (number - mean) ** 2, 0) / (numbers.length - 1);
  return {
    count: numbers.length,
    mean,
    std: Math.sqrt(variance),
    min: Math.min(...numbers),
    q1: quantile(numbers, 0.25),
    median: quantile(numbers, 0.5),
    q3: quantile(numbers, 0.75),
    max: Math.max(...numbers),
  };
}

function assertClose(actual, expected, label) {
  assert.ok(Math.abs(actual - expected) <= TOLERANCE, `${label}: got ${actual}, expected ${expected}`);
}

function assertSummary(actual, numbers, label) {
  const expected = summarise(numbers);
  assert.equal(actual.count, expected.count, `${label}.count`);
  for (const key of ['mean', 'std', 'min', 'q1', 'median', 'q3', 'max']) {
    assertClose(actual[key], expected[key], `${label}.${key}`);
  }
}

function valid(name) {
  const assessment = structuredClone(assessments[0]);
  assessment.profile.name = name;
  return assessment;
}

describe('compareCohort', () => {
  test('example cohort has every member', () => {
    assert.ok(cohort instanceof siat.Cohort);
    assert.equal(cohort.size, 16);
    assert.deepEqual(cohort.rejected, []);
    assert.deepEqual(cohort.members.map((member) => member.label), labels);
    assert.deepStrictEqual(cohort.members[0].scorecard, siat.score(assessments[0]));
  });

  test('labels default to positions', () => {
    const unlabelled = siat.compareCohort([valid('A'), JSON.stringify(valid('B')), { assessment: valid('C') }]);
    assert.deepEqual(unlabelled.members.map((member) => member.label), ['#1', '#2', '#3']);
    assert.deepEqual(unlabelled.members.map((member) => member.scorecard.name), ['A', 'B', 'C']);
    unlabelled.free();
  });

  test('JSON text members equal objects', () => {
    const fromText = siat.compareCohort(pairs.map(({ label, assessment }) => ({ label, assessment: JSON.stringify(assessment) })), { lang: 'nl' });
    assert.deepStrictEqual(fromText.stats(), cohort.stats());
    fromText.free();
  });

  test('rejected inputs keep input order', () => {
    const broken = valid('Broken');
    broken.answers.organic_share = NaN;
    const mixed = siat.compareCohort([
      valid('First'),
      '{"template": ',
      { label: 'nan', assessment: broken },
      JSON.stringify(valid('x'.repeat(300))),
      42,
      valid('Last'),
    ], { limits: { max_input_bytes: 100_000 } });

    assert.deepEqual(mixed.members.map((member) => member.label), ['#1', '#6']);
    assert.deepEqual(mixed.rejected.map((entry) => entry.label), ['#2', 'nan', '#4', '#5']);
    const codes = mixed.rejected.map((entry) => entry.issues.filter((issue) => issue.severity === 'error').map((issue) => `${issue.path} ${issue.code}`));
    assert.deepEqual(codes, [[' invalid_json'], ['/answers/organic_share not_finite'], ['/profile/name out_of_range'], [' wrong_type']]);
    mixed.free();
  });

  test('oversized JSON text is rejected before parsing', () => {
    const small = siat.compareCohort([JSON.stringify(valid('Big'))], { limits: { max_input_bytes: 100 } });
    assert.equal(small.size, 0);
    assert.deepEqual(small.rejected[0].issues.map((issue) => [issue.path, issue.code, issue.params.reason]), [['', 'out_of_range', 'input_bytes']]);
    small.free();
  });

  test('scoring options apply to every member', () => {
    const equal = siat.compareCohort(assessments.slice(0, 3), { method: 'equal' });
    assert.deepEqual(equal.members.map((member) => member.scorecard.weighting), ['equal', 'equal', 'equal']);
    equal.free();
  });

  test('messages of rejected inputs follow lang', () => {
    const dutch = siat.compareCohort([{}], { lang: 'nl' });
    assert.match(dutch.rejected[0].issues[0].message, /ontbreekt|verplicht/);
    dutch.free();
  });

  test('empty array gives an empty cohort', () => {
    const empty = siat.compareCohort([]);
    assert.equal(empty.size, 0);
    assert.equal(empty.stats().count, 0);
    assert.equal(empty.stats().index.mean, null);
    empty.free();
  });

  test('argument that is not an array throws invalid_argument', () => {
    const unreadable = new Proxy([], { get() { throw new Error('trap'); } });
    for (const input of [undefined, null, {}, 'text', new Set([1]), unreadable]) {
      assert.throws(() => siat.compareCohort(input), { name: 'SiatError', kind: 'invalid_argument' });
    }
  });

  test('label that is not a string throws invalid_argument', () => {
    assert.throws(() => siat.compareCohort([{ label: 7, assessment: valid('A') }]), { kind: 'invalid_argument' });
  });

  test('more members than the limit throws invalid_options', () => {
    assert.throws(() => siat.compareCohort(new Array(100_001)), (error) => {
      assert.equal(error.kind, 'invalid_options');
      assert.match(error.message, /100000/);
      return true;
    });
  });

  test('invalid scoring options throw', () => {
    assert.throws(() => siat.compareCohort(assessments, { language: 'nl' }), { kind: 'invalid_options' });
    assert.throws(() => siat.compareCohort(assessments, { lang: 'fr' }), { kind: 'unsupported_language' });
  });

  test('constructor is private', () => {
    assert.throws(() => new siat.Cohort(), TypeError);
  });

  test('members and rejected are fresh copies', () => {
    cohort.members[0].scorecard.index.score = -1;
    assert.notEqual(cohort.members[0].scorecard.index.score, -1);
  });
});

describe('statistics', () => {
  const stats = cohort.stats();

  test('indicator answers match values computed here', () => {
    const organic = stats.indicators.find((entry) => entry.id === 'organic_share');
    assert.equal(organic.answered, 16);
    assertSummary(organic.values, assessments.map((assessment) => assessment.answers.organic_share), 'organic_share');

    const renewable = stats.indicators.find((entry) => entry.id === 'renewable_energy_share');
    const given = assessments.map((assessment) => assessment.answers.renewable_energy_share);
    assert.equal(renewable.not_applicable, given.filter((answer) => answer === 'n/a').length);
    assertSummary(renewable.values, given.filter((answer) => typeof answer === 'number'), 'renewable_energy_share');
  });

  test('boolean shares match counts computed here', () => {
    const investment = stats.indicators.find((entry) => entry.id === 'collective_investment');
    const yes = assessments.filter((assessment) => assessment.answers.collective_investment === true).length;
    const share = investment.shares.find((entry) => entry.option === 'true');
    assert.equal(share.count, yes);
    assertClose(share.share, yes / investment.answered, 'share');
  });

  test('dimension and index summaries match the scorecards', () => {
    const scorecards = assessments.map((assessment) => siat.score(assessment));
    stats.dimensions.forEach((dimension, position) => {
      assertSummary(dimension.scores, scorecards.map((scorecard) => scorecard.dimensions[position].score), dimension.id);
    });
    assertSummary(stats.index, scorecards.map((scorecard) => scorecard.index.score), 'index');
  });

  test('ranks and percentiles match values computed here', () => {
    const indexes = stats.standings.map((standing) => standing.index);
    for (const standing of stats.standings) {
      const higher = indexes.filter((index) => index > standing.index).length;
      const below = indexes.filter((index) => index < standing.index).length;
      const level = indexes.filter((index) => index === standing.index).length;
      assert.equal(standing.rank, higher + 1, standing.label);
      assertClose(standing.percentile, (100 * (below + level / 2)) / indexes.length, standing.label);
    }
  });

  test('stats equal the command line tool', () => {
    assert.deepStrictEqual(stats, cli.stats);
  });

  test('statsBy equals the command line tool', () => {
    assert.deepStrictEqual(cohort.statsBy('country'), cli.groups);
  });

  test('statsBy of a field that cannot group throws invalid_options', () => {
    assert.throws(() => cohort.statsBy('name'), { kind: 'invalid_options' });
    assert.throws(() => cohort.statsBy(3), { kind: 'invalid_argument' });
  });
});

describe('findings', () => {
  test('headlines state organic share 80 and local or traditional 75', () => {
    const findings = cohort.findings({ lang: 'en' });
    const organic = findings.find((finding) => finding.subject === 'organic_share');
    assert.equal(organic.text, 'On average 80% of production is organic');
    assertClose(organic.numbers.mean, 80, 'organic mean');
    const local = findings.find((finding) => finding.subject === 'local_traditional_share');
    assert.equal(local.text, 'On average 75% of products are local or traditional');
    assertClose(local.numbers.mean, 75, 'local mean');
  });

  test('Dutch grouped findings equal the command line tool', () => {
    assert.deepStrictEqual(cohort.findings({ lang: 'nl', groupBy: 'country' }), cli.findings);
    assert.deepStrictEqual(cohort.findings({ group_by: 'country' }), cli.findings);
  });

  test('findings default to the cohort language', () => {
    assert.match(cohort.findings()[0].text, /initiatieven/);
  });

  test('invalid options throw', () => {
    assert.throws(() => cohort.findings({ lang: 'fr' }), { kind: 'unsupported_language' });
    assert.throws(() => cohort.findings({ language: 'nl' }), { kind: 'invalid_options' });
    assert.throws(() => cohort.findings({ lang: 1 }), { kind: 'invalid_options' });
    assert.throws(() => cohort.findings({ groupBy: 'country', group_by: 'country' }), { kind: 'invalid_options' });
    assert.throws(() => cohort.findings('nl'), { kind: 'invalid_options' });
  });
});

describe('benchmark', () => {
  test('member benchmark matches its standing', () => {
    const stats = cohort.stats();
    const benchmark = cohort.benchmark(assessments[3]);
    assert.equal(benchmark.name, assessments[3].profile.name);
    assert.equal(benchmark.index.percentile, stats.standings[3].percentile);
    assert.equal(benchmark.index.median, stats.index.median);
    benchmark.dimensions.forEach((position, slot) => {
      assert.equal(position.q1, stats.dimensions[slot].scores.q1);
      assert.equal(position.q3, stats.dimensions[slot].scores.q3);
    });
    assert.equal(benchmark.indicators.length, 39);
  });

  test('scorecard and assessment give one benchmark', () => {
    const scorecard = siat.score(assessments[5]);
    assert.deepStrictEqual(cohort.benchmark(scorecard), cohort.benchmark(assessments[5]));
    assert.deepStrictEqual(cohort.benchmark(JSON.stringify(assessments[5])), cohort.benchmark(assessments[5]));
  });

  test('invalid assessment throws SiatValidationError', () => {
    const broken = valid('Broken');
    broken.answers.organic_share = 140;
    assert.throws(() => cohort.benchmark(broken), (error) => {
      assert.ok(error instanceof siat.SiatValidationError);
      assert.deepEqual(error.issues.map((issue) => issue.code), ['out_of_range']);
      return true;
    });
  });

  test('scorecard of another template throws invalid_argument', () => {
    const template = siat.Template.fromJson(foodHubTemplate);
    const scorecard = template.score(foodHubExample);
    assert.throws(() => cohort.benchmark(scorecard), { kind: 'invalid_argument' });
    template.free();
  });
});

describe('sensitivity', () => {
  test('same seed gives the same result', () => {
    const first = cohort.sensitivity({ samples: 100, seed: 11 });
    assert.deepStrictEqual(cohort.sensitivity({ samples: 100, seed: 11 }), first);
    assert.notDeepStrictEqual(cohort.sensitivity({ samples: 100, seed: 12 }), first);
  });

  test('sensitivity equals the command line tool', () => {
    assert.deepStrictEqual(cohort.sensitivity({ samples: SAMPLES, seed: SEED }), cli.sensitivity);
  });

  test('BigInt seed equals the same number', () => {
    assert.deepStrictEqual(cohort.sensitivity({ samples: 50, seed: 123n }), cohort.sensitivity({ samples: 50, seed: 123 }));
  });

  test('seeds up to 2^64 - 1 are read', () => {
    const largest = cohort.sensitivity({ samples: 20, seed: 2n ** 64n - 1n });
    assert.deepStrictEqual(cohort.sensitivity({ samples: 20, seed: 18446744073709551615n }), largest);
    assert.notDeepStrictEqual(cohort.sensitivity({ samples: 20, seed: 2n ** 63n }), largest);
    assert.deepStrictEqual(cohort.sensitivity({ samples: 20, seed: 2 ** 53 - 1 }), cohort.sensitivity({ samples: 20, seed: 2n ** 53n - 1n }));
  });

  const badSeeds = [
    ['negative', -1],
    ['fraction', 1.5],
    ['2^53', 2 ** 53],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['string', '7'],
    ['negative BigInt', -1n],
    ['BigInt 2^64', 2n ** 64n],
    ['boolean', true],
    ['object', { seed: 1 }],
  ];
  for (const [name, seed] of badSeeds) {
    test(`${name} seed throws invalid_argument`, () => {
      assert.throws(() => cohort.sensitivity({ samples: 10, seed }), (error) => {
        assert.ok(error instanceof siat.SiatError);
        assert.equal(error.kind, 'invalid_argument');
        assert.match(error.message, /seed/);
        return true;
      });
    });
  }

  test('invalid sample counts throw', () => {
    for (const samples of [-1, 0.5, '100', 2 ** 53, 1n]) {
      assert.throws(() => cohort.sensitivity({ samples }), { kind: 'invalid_argument' }, String(samples));
    }
    assert.throws(() => cohort.sensitivity({ samples: 100_001 }), { kind: 'invalid_options' });
    assert.throws(() => cohort.sensitivity({ sample: 10 }), { kind: 'invalid_options' });
  });

  test('zero samples give the methods only', () => {
    const [first] = cohort.sensitivity({ samples: 0 });
    assert.equal(first.random, null);
    assert.equal(first.rank_kept, null);
    assert.equal(typeof first.methods.equal, 'number');
  });

  test('default is 1000 samples from seed 1', () => {
    assert.deepStrictEqual(cohort.sensitivity(), cohort.sensitivity({ samples: 1000, seed: 1 }));
  });
});

describe('HTML report', () => {
  test('report equals the command line report', () => {
    const html = cohort.toHtml({ lang: 'nl', groupBy: 'country', samples: SAMPLES, seed: SEED });
    assert.equal(html, readFileSync(cliHtml, 'utf8'));
  });

  test('report forbids scripts and requests', () => {
    const html = cohort.toHtml({ lang: 'en', samples: 0 });
    assert.match(html, /^<!DOCTYPE html><html lang="en">/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.doesNotMatch(html, /<script|<link|src="http/i);
  });

  test('report escapes names', () => {
    const hostile = siat.compareCohort([
      { label: '<b>label</b>', assessment: valid('<script>alert(1)</script>') },
      valid('"><img src=x onerror=alert(1)>'),
    ]);
    const html = hostile.toHtml({ samples: 10 });
    assert.doesNotMatch(html, /<script>alert|<img src=x|<b>label/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    hostile.free();
  });

  test('invalid report options throw', () => {
    assert.throws(() => cohort.toHtml({ groupBy: 'name' }), { kind: 'invalid_options' });
    assert.throws(() => cohort.toHtml({ seed: -3 }), { kind: 'invalid_argument' });
    assert.throws(() => cohort.toHtml({ title: 'x' }), { kind: 'invalid_options' });
  });
});

describe('charts', () => {
  const scorecard = siat.score(assessments[2]);

  test('radar over a cohort shows the median and band', () => {
    const svg = siat.radarSvg(scorecard, { cohort, lang: 'en' });
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /median/i);
    assert.equal(svg, cohort.radarSvg(scorecard, { lang: 'en' }));
    assert.equal(svg, siat.Template.builtin().radarSvg(scorecard, { cohort, lang: 'en' }));
  });

  test('radar takes an assessment or a scorecard', () => {
    assert.equal(siat.radarSvg(assessments[2]), siat.radarSvg(scorecard));
    assert.equal(siat.radarSvg(JSON.stringify(assessments[2])), siat.radarSvg(scorecard));
  });

  test('radar without a cohort has no band', () => {
    const svg = siat.radarSvg(scorecard);
    assert.doesNotMatch(svg, /interquart/i);
    assert.match(svg, new RegExp(assessments[2].profile.name));
  });

  test('radar of the cohort alone', () => {
    assert.equal(cohort.radarSvg(null, { lang: 'nl' }), siat.radarSvg(undefined, { cohort, lang: 'nl' }));
    assert.match(cohort.radarSvg(), /Bestuur/);
  });

  test('radar labels follow lang', () => {
    assert.match(siat.radarSvg(scorecard, { lang: 'nl' }), /Bestuur/);
    assert.match(siat.radarSvg(scorecard, { lang: 'en' }), /Governance/);
    assert.throws(() => siat.radarSvg(scorecard, { lang: 'fr' }), { kind: 'unsupported_language' });
  });

  test('edited scorecard throws invalid_argument', () => {
    const edited = structuredClone(scorecard);
    edited.dimensions[0].score = 140;
    assert.throws(() => siat.radarSvg(edited), (error) => {
      assert.equal(error.kind, 'invalid_argument');
      assert.match(error.message, /\/dimensions\/0\/score/);
      return true;
    });
    const reordered = structuredClone(scorecard);
    reordered.dimensions.reverse();
    assert.throws(() => siat.radarSvg(reordered), { kind: 'invalid_argument' });
    const incomplete = structuredClone(scorecard);
    delete incomplete.weighting;
    assert.throws(() => siat.radarSvg(incomplete), { kind: 'invalid_argument' });
  });

  test('radar without anything to draw throws invalid_argument', () => {
    assert.throws(() => siat.radarSvg(), { kind: 'invalid_argument' });
  });

  test('radar with something other than a cohort throws invalid_argument', () => {
    for (const other of [{}, siat.Template.builtin(), 'cohort', new Proxy({}, { get() { throw new Error('trap'); } })]) {
      assert.throws(() => siat.radarSvg(scorecard, { cohort: other }), { kind: 'invalid_argument' });
    }
  });

  test('invalid assessment throws SiatValidationError', () => {
    assert.throws(() => siat.radarSvg({}), siat.SiatValidationError);
  });

  test('bars draw one row per item', () => {
    const svg = siat.barsSvg('SI index', [{ label: 'A & B', score: 50 }, { label: 'C', score: null }, { label: 'D' }], { lang: 'nl' });
    assert.match(svg, /A &amp; B/);
    assert.match(svg, /geen score/);
    assert.equal((svg.match(/<rect /g) ?? []).length, 1);
  });

  const badBars = [
    ['not an array', { label: 'A', score: 1 }],
    ['score above 100', [{ label: 'A', score: 101 }]],
    ['negative score', [{ label: 'A', score: -1 }]],
    ['NaN score', [{ label: 'A', score: NaN }]],
    ['string score', [{ label: 'A', score: '50' }]],
    ['missing label', [{ score: 50 }]],
    ['unknown key', [{ label: 'A', value: 50 }]],
    ['pair', [['A', 50]]],
  ];
  for (const [name, bars] of badBars) {
    test(`bars with ${name} throw invalid_argument`, () => {
      assert.throws(() => siat.barsSvg('t', bars), { kind: 'invalid_argument' });
    });
  }

  test('bars need a title and a known language', () => {
    assert.throws(() => siat.barsSvg(undefined, []), { kind: 'invalid_argument' });
    assert.throws(() => siat.barsSvg('t', [], { lang: 'fr' }), { kind: 'unsupported_language' });
  });
});

describe('custom template cohort', () => {
  test('three dimensions are compared and drawn', () => {
    const template = siat.Template.fromJson(foodHubTemplate);
    const second = structuredClone(foodHubExample);
    second.profile.name = 'Hub Twee';
    second.answers.member_voice = 2;
    const hubs = template.compareCohort([foodHubExample, second]);

    assert.equal(hubs.size, 2);
    assert.deepEqual(hubs.stats().dimensions.map((dimension) => dimension.id), ['people', 'planet', 'prosperity']);
    assertClose(hubs.members[0].scorecard.index.score, 74.5, 'index');
    const svg = siat.radarSvg(foodHubExample, { cohort: hubs });
    assert.match(svg, /Planet/);
    assert.equal(svg, template.radarSvg(foodHubExample, { cohort: hubs }));
    assert.throws(() => siat.Template.builtin().radarSvg(assessments[0], { cohort: hubs }), { kind: 'invalid_argument' });
    assert.throws(() => siat.radarSvg(assessments[0], { cohort: hubs }), siat.SiatValidationError);
    hubs.free();
    template.free();
  });
});

describe('memory', () => {
  test('freed cohort throws invalid_argument', () => {
    const short = siat.compareCohort(assessments.slice(0, 2));
    short.free();
    short.free();
    for (const call of [() => short.stats(), () => short.size, () => short.members, () => short.toHtml(), () => siat.radarSvg(assessments[0], { cohort: short })]) {
      assert.throws(call, { name: 'SiatError', kind: 'invalid_argument' });
    }
  });

  test('Symbol.dispose frees the cohort', () => {
    const short = siat.compareCohort(assessments.slice(0, 2));
    short[Symbol.dispose]();
    assert.throws(() => short.stats(), { kind: 'invalid_argument' });
  });
});
