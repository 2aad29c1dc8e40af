// Runs the `siat` command line tool of this checkout, for comparisons.

import { execFileSync } from 'node:child_process';
import { repositoryRoot } from './vectors.mjs';

/** Runs `siat ARGS…` from the repository root and returns what it printed. */
export function runCli(args) {
  return execFileSync(
    'cargo',
    ['run', '--quiet', '-p', 'siat-cli', '--', ...args],
    { cwd: repositoryRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
  );
}

/** Scores one assessment file with `siat score FILE --format json` and returns the scorecard. */
export function scoreWithCli(file) {
  return JSON.parse(runCli(['score', file, '--format', 'json']));
}
