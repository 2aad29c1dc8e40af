// Runs the `siat` command line tool of this checkout, for comparisons.

import { execFileSync } from 'node:child_process';
import { repositoryRoot } from './vectors.mjs';

/** Scores one assessment file with `siat score FILE --format json` and returns the scorecard. */
export function scoreWithCli(file) {
  const output = execFileSync(
    'cargo',
    ['run', '--quiet', '-p', 'siat-cli', '--', 'score', file, '--format', 'json'],
    { cwd: repositoryRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(output);
}
