// Drives the demo page (examples/web) in Debian's Chromium. It fills in one
// example assessment through the form, checks live validation, scores it and
// compares the scores on the page with the command line tool's. It checks
// the radar over the example cohort and the advice, then switches to Dutch.
// Screenshots go to test-output/.
//
// Needs /usr/bin/chromium (apt-get install chromium) and the built package
// (scripts/build-wasm). SIAT_E2E_EXAMPLE names another file in examples/cohort.

import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as siat from 'siat';
import { startServer } from '../../../examples/web/serve.mjs';
import { launchChromium } from '../support/chromium.mjs';
import { scoreWithCli } from '../support/cli.mjs';
import { fillItem, fillPrioritisation } from '../support/demo-form.mjs';
import { repositoryRoot } from '../support/vectors.mjs';

const exampleName = process.env.SIAT_E2E_EXAMPLE ?? 'fr-marche-paysan-du-plateau-verdier.json';
const examplePath = join(repositoryRoot, 'examples', 'cohort', exampleName);
const example = JSON.parse(readFileSync(examplePath, 'utf8'));
const outputDir = join(repositoryRoot, 'test-output');

const cohortDir = join(repositoryRoot, 'examples', 'cohort');
const cohort = siat.compareCohort(readdirSync(cohortDir).filter((name) => name.endsWith('.json')).sort()
  .map((name) => ({ label: name, assessment: JSON.parse(readFileSync(join(cohortDir, name), 'utf8')) })));

let server;
let browser;
let page;
let pageErrors;
let requests;

before(async () => {
  server = await startServer();
  browser = await launchChromium();
  ({ page, errors: pageErrors, requests } = browser);
});

after(async () => {
  cohort.free();
  await browser?.close();
  await server?.close();
});

/** Reads the issue codes shown next to one field. */
function issueCodesAt(path) {
  return page.locator(`[data-path="${path}"] > ul.issues li`).evaluateAll((items) => items.map((item) => item.dataset.code));
}

test('demo form scores an example like the CLI', async () => {
  const form = siat.describe('en');
  const expected = scoreWithCli(examplePath);

  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('body[data-cohort="ready"]');
  assert.equal(await page.textContent('#title'), form.title);

  // Live validation: a share above 100 is reported while typing.
  await page.fill('input[name="answers.organic_share"]', '140');
  assert.deepEqual(await issueCodesAt('/answers/organic_share'), ['out_of_range']);
  assert.match(await page.textContent('[data-path="/answers/organic_share"] > ul.issues'), /140/);
  await page.fill('input[name="answers.organic_share"]', 'many');
  assert.deepEqual(await issueCodesAt('/answers/organic_share'), ['wrong_type']);

  for (const item of form.profile) {
    await fillItem(page, 'profile', item, example.profile[item.id]);
  }
  for (const item of form.indicators) {
    await fillItem(page, 'answers', item, example.answers[item.id]);
  }
  assert.deepEqual(await issueCodesAt('/answers/organic_share'), [], 'the message goes once the value is valid');
  if (example.prioritisation) {
    await fillPrioritisation(page, example.prioritisation);
  }
  await page.fill('input[name="meta.date"]', example.meta.date);
  await page.fill('input[name="meta.respondent_role"]', example.meta.respondent_role);

  await page.click('button[type="submit"]');
  await page.waitForSelector('#results:not([hidden])');

  const shownIndex = Number(await page.getAttribute('#index-score', 'data-score'));
  assert.equal(shownIndex, expected.index.score, 'index');
  for (const dimension of expected.dimensions) {
    const row = `#results tr[data-dimension="${dimension.id}"]`;
    assert.equal(Number(await page.getAttribute(`${row} td.score`, 'data-score')), dimension.score, `${dimension.id} score`);
    assert.equal(Number(await page.getAttribute(`${row} td.weight`, 'data-weight')), dimension.weight, `${dimension.id} weight`);
    const level = form.levels.find((entry) => entry.id === dimension.level).label;
    assert.equal(await page.textContent(`${row} td.level`), level, `${dimension.id} level`);
  }
  assert.equal(await page.locator('#results tr[data-dimension]').count(), 5);

  // The radar over the cohort: the node-drawn chart has the same shapes and texts.
  const radar = siat.radarSvg(expected, { cohort, lang: 'en' });
  assert.equal(await page.textContent('#comparison svg > title'), example.profile.name);
  assert.equal(await page.locator('#comparison svg path').count(), (radar.match(/<path /g) ?? []).length);
  assert.deepEqual(await page.locator('#comparison svg text').allTextContents(), [...radar.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((match) => match[1]));
  assert.match(await page.textContent('#comparison .note'), /16/);

  // Advice: the same recommendations as the package gives in Node.js.
  const advice = siat.advise(expected, { lang: 'en' });
  assert.ok(advice.length > 0);
  assert.deepEqual(await page.locator('#advice li').evaluateAll((items) => items.map((item) => item.dataset.indicator)), advice.map((entry) => entry.indicator));
  assert.equal(await page.textContent('#advice li:first-child .recommendation'), advice[0].text);

  mkdirSync(outputDir, { recursive: true });
  await page.screenshot({ path: join(outputDir, 'web-demo-en.png'), fullPage: true });

  // Dutch: labels change, answers and scores stay.
  const dutch = siat.describe('nl');
  await page.selectOption('#lang', 'nl');
  await page.waitForFunction(() => document.documentElement.lang === 'nl');
  const governance = dutch.dimensions.find((dimension) => dimension.id === 'governance').label;
  assert.equal(governance, 'Bestuur');
  assert.equal(await page.textContent('fieldset[data-dimension="governance"] > legend'), governance);
  const organicLabel = dutch.indicators.find((indicator) => indicator.id === 'organic_share').label;
  assert.equal(await page.textContent('[data-path="/answers/organic_share"] > label'), organicLabel);
  assert.equal(await page.inputValue('input[name="profile.name"]'), example.profile.name);
  assert.equal(Number(await page.getAttribute('#index-score', 'data-score')), expected.index.score);
  const indexLevel = dutch.levels.find((level) => level.id === expected.index.level).label;
  assert.equal((await page.textContent('#results .index .level')).trim(), indexLevel);

  const dutchAdvice = siat.advise(expected, { lang: 'nl' });
  assert.equal(await page.textContent('#advice h3'), 'Wat nu te doen');
  assert.equal(await page.textContent('#advice li:first-child .recommendation'), dutchAdvice[0].text);
  assert.match(await page.textContent('#comparison svg'), new RegExp(governance));

  await page.screenshot({ path: join(outputDir, 'web-demo-nl.png'), fullPage: true });
  await page.locator('#results').screenshot({ path: join(outputDir, 'web-demo-scorecard-nl.png') });
  assert.deepEqual(pageErrors, [], 'the page logged no errors');
});

test('demo page requests only its own files', () => {
  const origin = new URL(server.url).origin;
  const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`));
  assert.deepEqual(elsewhere, []);
  assert.ok(requests.some((url) => url.endsWith('/cohort/index.json')));
});

test('demo form shows errors next to fields', async () => {
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');

  await page.fill('input[name="answers.food_miles_km"]', '-5');
  await page.click('button[type="submit"]');

  assert.ok((await page.getAttribute('#status', 'class')).includes('error'));
  assert.ok(await page.locator('#results').isHidden());
  assert.deepEqual(await issueCodesAt('/profile/name'), ['missing_required']);
  assert.deepEqual(await issueCodesAt('/answers/food_miles_km'), ['out_of_range']);
  assert.deepEqual(pageErrors, [], 'the page logged no errors');
});
