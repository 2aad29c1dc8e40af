// Runs the JavaScript examples of docs/javascript.md and README.md the way a
// reader would: pasted into `node --input-type=module` in a project where
// `siat` is installed and `assessment.json` is an example assessment. The
// project also has the copies the guide asks for: `cohort/`
// (examples/cohort), `templates/` (examples/templates) and `mapping.json`
// (the example migration). An example that prints the index of
// `assessment.json` must print what the command line tool gives, and one
// followed by "This prints:" and a text block must print exactly that.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { scoreWithCli } from './support/cli.mjs';
import { repositoryRoot } from './support/vectors.mjs';

const ASSESSMENT = join(repositoryRoot, 'examples', 'cohort', 'nl-de-groene-kist.json');
const DOCUMENTS = ['docs/javascript.md', 'README.md'];

/**
 * Returns the ```js blocks of a Markdown file that import the package, each
 * with the output a following "This prints:" and ```text block states.
 */
function examplesIn(file) {
  const path = join(repositoryRoot, file);
  if (!existsSync(path)) {
    return [];
  }
  const blocks = [...readFileSync(path, 'utf8').matchAll(/^```(?:js|javascript)\n([\s\S]*?)^```\n(?:\nThis prints:\n\n```text\n([\s\S]*?)^```)?/gm)];
  return blocks
    .map((match) => ({ code: match[1], output: match[2] ?? null }))
    .filter(({ code }) => /from 'siat'/.test(code));
}

let project;

before(() => {
  project = mkdtempSync(join(tmpdir(), 'siat-docs-'));
  mkdirSync(join(project, 'node_modules'));
  const packageDir = dirname(createRequire(import.meta.url).resolve('siat/package.json'));
  symlinkSync(packageDir, join(project, 'node_modules', 'siat'));
  copyFileSync(ASSESSMENT, join(project, 'assessment.json'));
  cpSync(join(repositoryRoot, 'examples', 'cohort'), join(project, 'cohort'), { recursive: true });
  cpSync(join(repositoryRoot, 'examples', 'templates'), join(project, 'templates'), { recursive: true });
  copyFileSync(join(repositoryRoot, 'tests', 'migrations', 'siat-1.0-to-1.1.json'), join(project, 'mapping.json'));
});

after(() => {
  rmSync(project, { recursive: true, force: true });
});

function run(code) {
  return execFileSync(process.execPath, ['--input-type=module'], { cwd: project, input: code, encoding: 'utf8' });
}

test('user guide has examples', () => {
  const examples = examplesIn('docs/javascript.md');
  assert.ok(examples.length >= 3);
  assert.ok(examples.some(({ output }) => output !== null), 'an example states its whole output');
});

for (const file of DOCUMENTS) {
  describe(`examples in ${file}`, () => {
    examplesIn(file).forEach(({ code, output: stated }, position) => {
      test(`example ${position + 1} runs`, () => {
        const output = run(code);
        if (stated !== null) {
          assert.equal(output, stated);
        }
        const printsIndex = /index\.score/.test(code) && /'assessment\.json'/.test(code);
        if (printsIndex) {
          const expected = scoreWithCli(join(project, 'assessment.json'));
          assert.equal(Number(output.trim().split(/\s+/)[0]), expected.index.score, output);
        }
      });
    });
  });
}
