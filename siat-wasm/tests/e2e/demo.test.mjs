// Drives the demo page (examples/web) in Debian's Chromium: fills in one
// example assessment through the form, checks live validation, scores it and
// compares the scores on the page with the command line tool's, then switches
// to Dutch. A screenshot goes to test-output/.
//
// Needs /usr/bin/chromium (apt-get install chromium) and the built package
// (scripts/build-wasm). SIAT_E2E_EXAMPLE names another file in examples/cohort.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import * as siat from 'siat';
import { startServer } from '../../../examples/web/serve.mjs';
import { scoreWithCli } from '../support/cli.mjs';
import { repositoryRoot } from '../support/vectors.mjs';

const CHROMIUM = '/usr/bin/chromium';
// Keep Chromium off the network: this machine reaches only package registries.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const exampleName = process.env.SIAT_E2E_EXAMPLE ?? 'fr-marche-paysan-du-plateau-verdier.json';
const examplePath = join(repositoryRoot, 'examples', 'cohort', exampleName);
const example = JSON.parse(readFileSync(examplePath, 'utf8'));
const outputDir = join(repositoryRoot, 'test-output');

let server;
let userDataDir;
let context;
let page;
const pageErrors = [];

before(async () => {
  server = await startServer();
  userDataDir = mkdtempSync(join(tmpdir(), 'siat-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1100, height: 900 },
  });
  // Anything but the local server is aborted, so a stray request cannot leave the machine.
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    return hostname === '127.0.0.1' ? route.continue() : route.abort();
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
});

after(async () => {
  await context?.close();
  await server?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

/** Fills one indicator or profile field through its control, as a person would. */
async function fillItem(section, item, value) {
  const name = `${section}.${item.id}`;
  if (value === undefined || value === null) {
    return;
  }
  if (value === 'n/a') {
    await page.check(`input[name="${name}.na"]`);
    return;
  }
  switch (item.type) {
    case 'boolean':
    case 'likert5':
      await page.check(`input[name="${name}"][value="${String(value)}"]`);
      return;
    case 'multi_choice':
      for (const option of value) {
        await page.check(`input[name="${name}"][value="${option}"]`);
      }
      return;
    case 'choice':
      await page.selectOption(`select[name="${name}"]`, value);
      return;
    default:
      await page.fill(`input[name="${name}"]`, String(value));
  }
}

async function fillPrioritisation(prioritisation) {
  const mode = prioritisation.points ? 'points' : 'ranks';
  await page.check(`input[name="prioritisation.mode"][value="${mode}"]`);
  for (const [dimension, value] of Object.entries(prioritisation[mode])) {
    const selector = `[name="prioritisation.${mode}.${dimension}"]`;
    if (mode === 'ranks') {
      await page.selectOption(selector, String(value));
    } else {
      await page.fill(selector, String(value));
    }
  }
  if (prioritisation.method) {
    await page.selectOption('select[name="prioritisation.method"]', prioritisation.method);
  }
}

/** Reads the issue codes shown next to one field. */
function issueCodesAt(path) {
  return page.locator(`[data-path="${path}"] > ul.issues li`).evaluateAll((items) => items.map((item) => item.dataset.code));
}

test('demo form scores an example like the CLI', async () => {
  const form = siat.describe('en');
  const expected = scoreWithCli(examplePath);

  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.textContent('#title'), form.title);

  // Live validation: a share above 100 is reported while typing.
  await page.fill('input[name="answers.organic_share"]', '140');
  assert.deepEqual(await issueCodesAt('/answers/organic_share'), ['out_of_range']);
  assert.match(await page.textContent('[data-path="/answers/organic_share"] > ul.issues'), /140/);
  await page.fill('input[name="answers.organic_share"]', 'many');
  assert.deepEqual(await issueCodesAt('/answers/organic_share'), ['wrong_type']);

  for (const item of form.profile) {
    await fillItem('profile', item, example.profile[item.id]);
  }
  for (const item of form.indicators) {
    await fillItem('answers', item, example.answers[item.id]);
  }
  assert.deepEqual(await issueCodesAt('/answers/organic_share'), [], 'the message goes once the value is valid');
  if (example.prioritisation) {
    await fillPrioritisation(example.prioritisation);
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

  await page.screenshot({ path: join(outputDir, 'web-demo-nl.png'), fullPage: true });
  await page.locator('#results').screenshot({ path: join(outputDir, 'web-demo-scorecard-nl.png') });
  assert.deepEqual(pageErrors, [], 'the page logged no errors');
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
