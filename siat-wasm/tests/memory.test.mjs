// The WebAssembly memory of cohorts and templates: freeing them must give
// their memory back, so a page that compares cohorts again and again does
// not grow. The package does not expose its memory, so this test catches
// the instance as the Node.js entry point creates it.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repositoryRoot } from './support/vectors.mjs';

const instances = [];
const OriginalInstance = WebAssembly.Instance;
WebAssembly.Instance = function Instance(module, imports) {
  const instance = new OriginalInstance(module, imports);
  instances.push(instance);
  return instance;
};
const siat = await import('siat');
WebAssembly.Instance = OriginalInstance;

const cohortDir = join(repositoryRoot, 'examples', 'cohort');
const assessments = readdirSync(cohortDir).sort().map((name) => JSON.parse(readFileSync(join(cohortDir, name), 'utf8')));
const templateText = readFileSync(join(repositoryRoot, 'examples', 'templates', 'food-hub-3d.json'), 'utf8');

function memoryBytes() {
  assert.equal(instances.length, 1, 'one WebAssembly instance');
  return instances[0].exports.memory.buffer.byteLength;
}

/** Builds, uses and frees `count` cohorts of the 16 examples. */
function useCohorts(count) {
  for (let round = 0; round < count; round += 1) {
    const cohort = siat.compareCohort(assessments);
    cohort.stats();
    cohort.findings();
    cohort.free();
  }
}

test('freed cohorts give their memory back', () => {
  useCohorts(50);
  const settled = memoryBytes();
  useCohorts(300);
  assert.equal(memoryBytes(), settled);
});

test('freed templates give their memory back', () => {
  const cycle = () => {
    for (let round = 0; round < 200; round += 1) {
      const template = siat.Template.fromJson(templateText);
      template.describe('en');
      template.free();
    }
  };
  cycle();
  const settled = memoryBytes();
  cycle();
  cycle();
  assert.equal(memoryBytes(), settled);
});

test('cohorts kept alive hold memory until freed', () => {
  useCohorts(10);
  const before = memoryBytes();
  const kept = Array.from({ length: 200 }, () => siat.compareCohort(assessments));
  const grown = memoryBytes();
  assert.ok(grown > before, 'two hundred cohorts need more memory');
  kept.forEach((cohort) => cohort.free());

  // The memory is reused, not returned to JavaScript: a second batch fits.
  const again = Array.from({ length: 200 }, () => siat.compareCohort(assessments));
  assert.ok(memoryBytes() <= grown, `memory grew from ${grown} to ${memoryBytes()} bytes`);
  again.forEach((cohort) => cohort.free());
});
