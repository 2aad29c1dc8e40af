// Output safety in Chromium: thirty script-injection payloads go into
// initiative names, labels of a custom template, cohort labels and answers
// where option ids belong. The HTML report, the radar and bar charts and the
// demo page's scorecard view must show each payload as text: no payload may
// run (each tries to set `window.__pwned`), no page may request anything but
// itself, and nothing may log an error. The example cohort's report is
// opened the same way, in English and Dutch. Screenshots go to test-output/.
//
// Needs /usr/bin/chromium and the built package (scripts/build-wasm).

import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as siat from 'siat';
import { startServer } from '../../../examples/web/serve.mjs';
import { launchChromium, servePages } from '../support/chromium.mjs';
import { fillAssessment } from '../support/demo-form.mjs';
import { repositoryRoot } from '../support/vectors.mjs';

const outputDir = join(repositoryRoot, 'test-output');

/**
 * Thirty payloads; payload `n` tries to set `window.__pwned = n`. None is
 * longer than 200 characters, the limit of an initiative's name.
 */
const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '"><script>window.__pwned=2</script>',
  '"><img src=x onerror="window.__pwned=3">',
  "'><img src=x onerror='window.__pwned=4'>",
  '<svg onload=window.__pwned=5>',
  '<svg><script>window.__pwned=6</script></svg>',
  '</title><script>window.__pwned=7</script>',
  '</text><script>window.__pwned=8</script><text>',
  'javascript:window.__pwned=9',
  '<a href="javascript:window.__pwned=10">open</a>',
  '<iframe srcdoc="<script>parent.__pwned=11</script>"></iframe>',
  '<iframe src="javascript:parent.__pwned=12"></iframe>',
  '<div style="width:expression(window.__pwned=13)">x</div>',
  "{{constructor.constructor('window.__pwned=14')()}}",
  '${window.__pwned=15}',
  '`;window.__pwned=16;`',
  '\\u003cscript\\u003ewindow.__pwned=17\\u003c/script\\u003e',
  '<scr<script>ipt>window.__pwned=18</scr</script>ipt>',
  '" onmouseover="window.__pwned=19" x="',
  "' onfocus='window.__pwned=20' autofocus='",
  '<details open ontoggle=window.__pwned=21>',
  '<object data="javascript:window.__pwned=22"></object>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=23">',
  '<base href="javascript:window.__pwned=24//">',
  '<x:script xmlns:x="http://www.w3.org/1999/xhtml">window.__pwned=25</x:script>',
  ']]><script>window.__pwned=26</script><![CDATA[',
  '&lt;script&gt;window.__pwned=27&lt;/script&gt;',
  '<svg><animate onbegin=window.__pwned=28 attributeName=x dur=1s>',
  '<style>@import "http://127.0.0.2/x.css";</style><img src=x onerror=window.__pwned=29>',
  '\u2028<math><mtext><img src=x onerror=window.__pwned=30></mtext></math>',
];

/** Elements no page here has unless a payload became markup. */
const FOREIGN_ELEMENTS = 'script, iframe, img, object, embed, link, base, a, input, details, math, animate, foreignObject, meta[http-equiv="refresh"]';

const cohortDir = join(repositoryRoot, 'examples', 'cohort');
const exampleFiles = readdirSync(cohortDir).filter((name) => name.endsWith('.json')).sort();
const examples = exampleFiles.map((name) => JSON.parse(readFileSync(join(cohortDir, name), 'utf8')));
const foodHubTemplate = JSON.parse(readFileSync(join(repositoryRoot, 'examples', 'templates', 'food-hub-3d.json'), 'utf8'));
const foodHubExample = JSON.parse(readFileSync(join(repositoryRoot, 'examples', 'templates', 'food-hub-example.json'), 'utf8'));

/** Returns an example assessment named `name`, the nth of the example cohort. */
function named(name, position) {
  const assessment = structuredClone(examples[position % examples.length]);
  assessment.profile.name = name;
  return assessment;
}

/**
 * Returns the food hub template with a payload in every text: title,
 * description, level, profile, dimension, indicator, option and finding
 * labels, in both languages. `offset` shifts which payload lands where.
 */
function hostileTemplate(offset) {
  const template = structuredClone(foodHubTemplate);
  let slot = offset;
  const next = () => PAYLOADS[slot++ % PAYLOADS.length];
  const relabel = (entry, key = 'label') => {
    const payload = next();
    entry[key] = { en: payload, nl: payload };
  };
  relabel(template, 'title');
  relabel(template, 'description');
  template.levels.forEach((level) => relabel(level));
  template.profile.forEach((field) => {
    relabel(field);
    (field.options ?? []).forEach((option) => relabel(option));
  });
  template.dimensions.forEach((dimension) => relabel(dimension));
  template.indicators.forEach((indicator) => {
    relabel(indicator);
    (indicator.options ?? []).forEach((option) => relabel(option));
    if (indicator.finding) {
      const payload = next();
      indicator.finding = { en: `${payload} {mean}`, nl: `${payload} {mean}` };
    }
  });
  return template;
}

/** Returns the food hub example named `name`, with one answer changed by `position`. */
function hub(name, position) {
  const assessment = structuredClone(foodHubExample);
  assessment.profile.name = name;
  assessment.profile.hub_type = ['distribution', 'processing', 'market_hall'][position % 3];
  assessment.answers.member_voice = 1 + (position % 5);
  assessment.answers.farmers_supplying = position;
  return assessment;
}

// Cohort of the built-in template: every member named and labelled by a
// payload, and one rejected input per payload with payloads where option
// ids, numbers and dates belong.
const namesCohort = siat.compareCohort([
  ...PAYLOADS.map((payload, position) => ({ label: payload, assessment: named(payload, position) })),
  ...PAYLOADS.map((payload, position) => {
    const rejected = named(payload, position);
    rejected.answers.fair_wages = payload;
    rejected.answers.eco_packaging = [payload];
    rejected.answers.organic_share = payload;
    rejected.meta.date = payload;
    return { label: `rejected ${payload}`, assessment: rejected };
  }),
]);

// Cohorts of the food hub template with payload labels, shifted so each
// payload is a dimension or indicator label in one of them.
const hostileTemplates = [0, 10, 20].map((offset) => siat.Template.fromJson(JSON.stringify(hostileTemplate(offset))));
const labelCohorts = hostileTemplates.map((template) => template.compareCohort(PAYLOADS.map((payload, position) => hub(payload, position))));

let browser;
let pages;
const documents = new Map();

/** Adds a document for the browser to open; returns its path. */
function addDocument(path, type, body) {
  documents.set(path, { type, body });
  return path;
}

/** Removes the report's Content-Security-Policy, so escaping alone must keep the payloads inert. */
const withoutPolicy = (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');

before(async () => {
  pages = await servePages(documents);
  browser = await launchChromium({ viewport: { width: 1200, height: 900 } });
});

after(async () => {
  await browser?.close();
  await pages?.close();
  namesCohort.free();
  labelCohorts.forEach((cohort) => cohort.free());
  hostileTemplates.forEach((template) => template.free());
});

/** Opens a document and returns what a payload could have changed. */
async function open(path) {
  const url = `${pages.origin}${path}`;
  const before = browser.requests.length;
  await browser.page.goto(url, { waitUntil: 'load' });
  // Give a timer, animation or focus handler the chance to fire.
  await browser.page.waitForTimeout(100);
  const state = await browser.page.evaluate((selector) => ({
    pwned: window.__pwned ?? null,
    text: document.documentElement.textContent,
    foreign: [...document.querySelectorAll(selector)].map((element) => element.outerHTML.slice(0, 80)),
    handlers: [...document.querySelectorAll('*')].flatMap((element) => element.getAttributeNames().filter((name) => name.toLowerCase().startsWith('on'))),
  }), FOREIGN_ELEMENTS);
  return { ...state, url, requests: browser.requests.slice(before) };
}

/** Asserts that nothing ran, nothing was requested and nothing became markup. */
function assertInert(state, label) {
  assert.equal(state.pwned, null, `${label}: payload ${state.pwned} ran`);
  assert.deepEqual(state.requests, [state.url], `${label}: requests`);
  assert.deepEqual(state.foreign, [], `${label}: elements made from text`);
  assert.deepEqual(state.handlers, [], `${label}: event handler attributes`);
  assert.deepEqual(browser.errors, [], `${label}: console errors`);
}

function assertShown(state, texts, label) {
  for (const text of texts) {
    assert.ok(state.text.includes(text), `${label}: ${JSON.stringify(text)} is not shown as text`);
  }
}

test('payloads are thirty, each short enough for a name', () => {
  assert.equal(PAYLOADS.length, 30);
  assert.equal(new Set(PAYLOADS).size, 30);
  assert.ok(PAYLOADS.every((payload) => payload.length <= 200));
  assert.equal(namesCohort.size, 30);
  assert.equal(namesCohort.rejected.length, 30);
  labelCohorts.forEach((cohort) => assert.equal(cohort.size, 30));
});

test('unescaped payloads are caught', async () => {
  // A control: the same checks on a page that inserts payloads as markup must fail.
  const html = `<!DOCTYPE html><html><head><title>control</title></head><body>${PAYLOADS.slice(0, 5).join('')}</body></html>`;
  const state = await open(addDocument('/control.html', 'text/html; charset=utf-8', html));
  assert.notEqual(state.pwned, null);
  assert.ok(state.foreign.length > 0);
  assert.ok(state.handlers.length > 0);
  assert.ok(state.requests.length > 1, 'the control page requests its broken image');
  browser.errors.length = 0;
});

test('payload option ids are rejected by the template check', () => {
  const template = structuredClone(foodHubTemplate);
  template.indicators.find((indicator) => indicator.id === 'cold_chain_energy').options[0].id = PAYLOADS[0];
  assert.throws(() => siat.Template.fromJson(JSON.stringify(template)), (error) => {
    assert.equal(error.kind, 'invalid_template');
    assert.ok(error.problems.some((problem) => problem.path.startsWith('/indicators/4/options/0/id')));
    return true;
  });
});

describe('HTML report', () => {
  test('names and labels in the report stay text', async () => {
    const html = namesCohort.toHtml({ samples: 50 });
    for (const [name, body] of [['report', html], ['report-without-policy', withoutPolicy(html)]]) {
      const state = await open(addDocument(`/${name}.html`, 'text/html; charset=utf-8', body));
      assertInert(state, name);
      assertShown(state, PAYLOADS, name);
      assertShown(state, PAYLOADS.map((payload) => `rejected ${payload}`), name);
    }
    mkdirSync(outputDir, { recursive: true });
    await browser.page.screenshot({ path: join(outputDir, 'report-payloads.png'), fullPage: true });
  });

  test('custom template labels in the report stay text', async () => {
    for (const [position, cohort] of labelCohorts.entries()) {
      const html = withoutPolicy(cohort.toHtml({ lang: position === 1 ? 'nl' : 'en', groupBy: 'hub_type', samples: 20 }));
      const state = await open(addDocument(`/labels-${position}.html`, 'text/html; charset=utf-8', html));
      assertInert(state, `labels ${position}`);
      const template = hostileTemplates[position].describe('en');
      assertShown(state, [...template.dimensions, ...template.indicators].map((entry) => entry.label), `labels ${position}`);
    }
    await browser.page.screenshot({ path: join(outputDir, 'report-payload-labels.png'), fullPage: true });
  });
});

describe('charts', () => {
  test('radar documents show names as text', async () => {
    for (const [position, payload] of PAYLOADS.entries()) {
      const svg = siat.radarSvg(named(payload, position), { cohort: namesCohort });
      const state = await open(addDocument(`/radar-${position}.svg`, 'image/svg+xml', svg));
      assertInert(state, `radar ${position + 1}`);
      assertShown(state, [payload], `radar ${position + 1}`);
    }
  });

  test('radar of payload labels shows them as text', async () => {
    for (const [position, cohort] of labelCohorts.entries()) {
      const svg = cohort.radarSvg(hub(PAYLOADS[position], position));
      const state = await open(addDocument(`/radar-labels-${position}.svg`, 'image/svg+xml', svg));
      assertInert(state, `radar labels ${position}`);
      assertShown(state, hostileTemplates[position].describe('en').dimensions.map((dimension) => dimension.label), `radar labels ${position}`);
    }
  });

  test('bar documents show labels and titles as text', async () => {
    for (const [position, title] of PAYLOADS.entries()) {
      const bars = PAYLOADS.map((label, row) => ({ label, score: row % 7 === 0 ? null : (row * 37) % 101 }));
      const svg = siat.barsSvg(title, bars, { lang: position % 2 === 0 ? 'en' : 'nl' });
      const state = await open(addDocument(`/bars-${position}.svg`, 'image/svg+xml', svg));
      assertInert(state, `bars ${position + 1}`);
      assertShown(state, PAYLOADS, `bars ${position + 1}`);
    }
  });

  test('charts inline in an HTML page stay text', async () => {
    const figures = [
      ...PAYLOADS.map((payload, position) => siat.radarSvg(named(payload, position), { cohort: namesCohort, lang: 'nl' })),
      ...labelCohorts.map((cohort) => cohort.radarSvg(null)),
      siat.barsSvg(PAYLOADS[0], PAYLOADS.map((label) => ({ label, score: 50 }))),
    ];
    const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>charts</title></head><body>${figures.map((svg) => `<figure>${svg}</figure>`).join('')}</body></html>`;
    const state = await open(addDocument('/charts.html', 'text/html; charset=utf-8', html));
    assertInert(state, 'inline charts');
    assertShown(state, PAYLOADS, 'inline charts');
    await browser.page.screenshot({ path: join(outputDir, 'charts-payloads.png'), fullPage: true });
  });
});

describe('demo page', () => {
  let demo;

  before(async () => {
    demo = await startServer();
  });

  after(async () => {
    await demo?.close();
  });

  test('scorecard view shows names and answers as text', async () => {
    const { page } = browser;
    const form = siat.describe('en');
    const assessment = examples[0];
    const requestsBefore = browser.requests.length;

    await page.goto(demo.url);
    await page.waitForSelector('body[data-cohort="ready"]');
    await fillAssessment(page, form, assessment);

    for (const [position, payload] of PAYLOADS.entries()) {
      // A payload where a number belongs: the live message quotes it.
      await page.fill('input[name="answers.organic_share"]', payload);
      assert.equal(await page.locator('[data-path="/answers/organic_share"] li[data-code="wrong_type"]').count(), 1);
      await page.fill('input[name="answers.organic_share"]', String(assessment.answers.organic_share));

      await page.fill('input[name="profile.name"]', payload);
      await page.fill('input[name="meta.respondent_role"]', payload);
      await page.click('button[type="submit"]');
      await page.waitForSelector('#results:not([hidden])');
      assert.equal(await page.textContent('#results h2'), `Scorecard: ${payload}`, `payload ${position + 1}`);
      assert.equal(await page.textContent('#comparison svg > title'), payload, `payload ${position + 1}`);

      const state = await page.evaluate((selector) => ({
        pwned: window.__pwned ?? null,
        foreign: [...document.querySelectorAll(`#results :is(${selector}), #assessment :is(${selector})`)].length,
        handlers: [...document.querySelectorAll('#results *')].flatMap((element) => element.getAttributeNames().filter((name) => name.startsWith('on'))),
      }), FOREIGN_ELEMENTS.replace(', input', ''));
      assert.equal(state.pwned, null, `payload ${state.pwned} ran`);
      assert.equal(state.foreign, 0, `payload ${position + 1} made elements`);
      assert.deepEqual(state.handlers, [], `payload ${position + 1} made handlers`);
    }

    await page.locator('#results').screenshot({ path: join(outputDir, 'web-demo-payload-scorecard.png') });
    const origin = new URL(demo.url).origin;
    assert.deepEqual(browser.requests.slice(requestsBefore).filter((url) => !url.startsWith(`${origin}/`)), []);
    assert.deepEqual(browser.errors, [], 'console errors');
  });
});

describe('example cohort report', () => {
  for (const lang of ['en', 'nl']) {
    test(`opens without errors or requests (${lang})`, async () => {
      const cohort = siat.compareCohort(exampleFiles.map((name, position) => ({ label: name, assessment: examples[position] })));
      const html = cohort.toHtml({ lang, groupBy: 'country' });
      cohort.free();

      const state = await open(addDocument(`/cohort-${lang}.html`, 'text/html; charset=utf-8', html));
      assertInert(state, `cohort report ${lang}`);
      assert.equal(await browser.page.getAttribute('html', 'lang'), lang);
      assertShown(state, examples.map((assessment) => assessment.profile.name), `cohort report ${lang}`);
      await browser.page.screenshot({ path: join(outputDir, `cohort-report-${lang}.png`), fullPage: true });
    });
  }
});
