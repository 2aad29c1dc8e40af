// Times the built package in Node.js: the 16 example assessments repeated to
// 10 000 items, median of 7 rounds. Run after scripts/build-wasm:
//
//   node siat-wasm/bench/score.mjs

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { score, validate, validateField } from 'siat';

const ITEMS = 10_000;
const ROUNDS = 7;
const OPTIONS = { today: '2026-12-04' };

const cohortDir = fileURLToPath(new URL('../../examples/cohort/', import.meta.url));
const cohort = readdirSync(cohortDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => readFileSync(join(cohortDir, name), 'utf8'));
const objects = cohort.map((text) => JSON.parse(text));

/** Returns the median time per item in microseconds. */
function median(run) {
  const times = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const start = process.hrtime.bigint();
    for (let item = 0; item < ITEMS; item += 1) {
      run(item);
    }
    times.push(Number(process.hrtime.bigint() - start) / 1000 / ITEMS);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(ROUNDS / 2)];
}

const steps = [
  ['validate an object', (item) => validate(objects[item % objects.length], OPTIONS)],
  ['score an object', (item) => score(objects[item % objects.length], OPTIONS)],
  ['score JSON text', (item) => score(cohort[item % cohort.length], OPTIONS)],
  ['validateField, one answer', (item) => validateField('organic_share', item % 120, OPTIONS)],
];

console.log('| step | per call | calls per second |');
console.log('|---|---|---|');
for (const [name, run] of steps) {
  const micros = median(run);
  console.log(`| ${name} | ${micros.toFixed(1)} µs | ${Math.round(1e6 / micros).toLocaleString('en')} |`);
}
