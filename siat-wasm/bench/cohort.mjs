// Times the cohort calls of the built package in Node.js on the 16 example
// assessments, median of 7 rounds, and measures the WebAssembly memory a
// kept cohort holds. Run after scripts/build-wasm:
//
//   node siat-wasm/bench/cohort.mjs
//
// "rebuild and stats" is what a wrapper that kept only the assessments in
// JavaScript would pay for each call, against "stats of a kept cohort".

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Catch the instance the package creates, to read its memory size.
const instances = [];
const OriginalInstance = WebAssembly.Instance;
WebAssembly.Instance = function Instance(module, imports) {
  const instance = new OriginalInstance(module, imports);
  instances.push(instance);
  return instance;
};
const { advise, compareCohort, radarSvg, score } = await import('siat');
WebAssembly.Instance = OriginalInstance;

const ROUNDS = 7;

const cohortDir = fileURLToPath(new URL('../../examples/cohort/', import.meta.url));
const texts = readdirSync(cohortDir)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => readFileSync(join(cohortDir, name), 'utf8'));
const objects = texts.map((text) => JSON.parse(text));
const kept = compareCohort(objects);
const scorecard = score(objects[0]);

/** Returns the median time of one call in milliseconds, over `repeat` calls per round. */
function median(repeat, run) {
  const times = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const start = process.hrtime.bigint();
    for (let call = 0; call < repeat; call += 1) {
      run();
    }
    times.push(Number(process.hrtime.bigint() - start) / 1e6 / repeat);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(ROUNDS / 2)];
}

const steps = [
  ['compareCohort, 16 objects', 50, () => compareCohort(objects).free()],
  ['compareCohort, 16 JSON texts', 50, () => compareCohort(texts).free()],
  ['stats of a kept cohort', 200, () => kept.stats()],
  ['rebuild and stats', 50, () => { const cohort = compareCohort(objects); cohort.stats(); cohort.free(); }],
  ['findings', 200, () => kept.findings()],
  ['benchmark one assessment', 200, () => kept.benchmark(objects[0])],
  ['sensitivity, 1000 samples', 10, () => kept.sensitivity({ samples: 1000, seed: 1 })],
  ['toHtml, 1000 samples', 10, () => kept.toHtml()],
  ['radarSvg over the cohort', 200, () => radarSvg(scorecard, { cohort: kept })],
  ['advise a scorecard', 200, () => advise(scorecard)],
];

console.log('| step | per call |');
console.log('|---|---|');
for (const [name, repeat, run] of steps) {
  console.log(`| ${name} | ${median(repeat, run).toFixed(3)} ms |`);
}

const memory = () => instances[0].exports.memory.buffer.byteLength;
const COHORTS = 500;
const before = memory();
const many = Array.from({ length: COHORTS }, () => compareCohort(objects));
const grown = memory() - before;
many.forEach((cohort) => cohort.free());
console.log(`\n${COHORTS} kept cohorts of 16 grew WebAssembly memory by ${grown} bytes, about ${Math.round(grown / COHORTS / 1024)} KiB each`);
kept.free();
