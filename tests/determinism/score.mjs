// Scores the determinism inputs with the built `siat` npm package
// (siat-wasm/pkg, found through the siat-wasm/node_modules/siat link that
// scripts/build-wasm makes).
//
// For each line of the inputs (see generate.py), writes one line to the
// output with three fields: 1 or 0 for a valid assessment or one with
// errors; the SHA-256 of the canonical form of the report for the JSON
// text; and the SHA-256 for the object that JSON.parse reads from that
// text, or `-` when the line is not plain JSON. canonical.py defines the
// canonical form.
//
// Usage: node score.mjs INPUTS OUTPUT

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const repository = new URL('../../', import.meta.url);
const siat = createRequire(new URL('siat-wasm/package.json', repository))('siat');

const bits = new DataView(new ArrayBuffer(8));

/** Writes a number as `#` and the hex digits of its binary64 bits. */
function number(value) {
  bits.setFloat64(0, value);
  return `#${bits.getBigUint64(0).toString(16).padStart(16, '0')}`;
}

/** Orders keys by Unicode code point, as UTF-8 bytes compare. */
function byCodePoint(left, right) {
  return Buffer.compare(Buffer.from(left, 'utf8'), Buffer.from(right, 'utf8'));
}

function canonical(value) {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    return JSON.stringify(number(value));
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort(byCodePoint);
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  throw new TypeError(`a report holds no value of type ${typeof value}`);
}

function reportHash(report) {
  return createHash('sha256').update(canonical(report), 'utf8').digest('hex');
}

const [inputs, output] = process.argv.slice(2);
const templates = new Map();
const lines = readFileSync(inputs, 'utf8').split('\n').filter((line) => line !== '');
const results = [];
for (const line of lines) {
  const input = JSON.parse(line);
  let template = siat.Template.builtin();
  if (input.template !== undefined) {
    if (!templates.has(input.template)) {
      templates.set(input.template, siat.Template.fromJson(readFileSync(new URL(input.template, repository), 'utf8')));
    }
    template = templates.get(input.template);
  }

  const report = template.check(input.text, input.options);
  const fromText = reportHash(report);
  const fromObject = input.plain ? reportHash(template.check(JSON.parse(input.text), input.options)) : '-';
  results.push(`${report.valid ? 1 : 0} ${fromText} ${fromObject}\n`);
}
writeFileSync(output, results.join(''));
