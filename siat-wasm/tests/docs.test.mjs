// Runs the JavaScript examples of docs/javascript.md and README.md the way a
// reader would: pasted into `node --input-type=module` in a project where
// `siat` is installed and `assessment.json` is an example assessment. The
// example that prints the index must print what the command line tool gives.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { scoreWithCli } from './support/cli.mjs';
import { repositoryRoot } from './support/vectors.mjs';

const ASSESSMENT = join(repositoryRoot, 'examples', 'cohort', 'nl-de-groene-kist.json');
const DOCUMENTS = ['docs/javascript.md', 'README.md'];

/** Returns the ```js blocks of a Markdown file that import the package. */
function examplesIn(file) {
  const path = join(repositoryRoot, file);
  if (!existsSync(path)) {
    return [];
  }
  const blocks = [...readFileSync(path, 'utf8').matchAll(/^```(?:js|javascript)\n([\s\S]*?)^```/gm)];
  return blocks.map((match) => match[1]).filter((code) => /from 'siat'/.test(code));
}

let project;

before(() => {
  project = mkdtempSync(join(tmpdir(), 'siat-docs-'));
  mkdirSync(join(project, 'node_modules'));
  const packageDir = dirname(createRequire(import.meta.url).resolve('siat/package.json'));
  symlinkSync(packageDir, join(project, 'node_modules', 'siat'));
  copyFileSync(ASSESSMENT, join(project, 'assessment.json'));
});

after(() => {
  rmSync(project, { recursive: true, force: true });
});

function run(code) {
  return execFileSync(process.execPath, ['--input-type=module'], { cwd: project, input: code, encoding: 'utf8' });
}

test('user guide has examples', () => {
  assert.ok(examplesIn('docs/javascript.md').length >= 3);
});

for (const file of DOCUMENTS) {
  describe(`examples in ${file}`, () => {
    examplesIn(file).forEach((code, position) => {
      test(`example ${position + 1} runs`, () => {
        const output = run(code);
        const printsIndex = /index\.score/.test(code);
        if (printsIndex) {
          const expected = scoreWithCli(join(project, 'assessment.json'));
          assert.equal(Number(output.trim().split(/\s+/)[0]), expected.index.score, output);
        }
      });
    });
  });
}
