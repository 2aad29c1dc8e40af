#!/usr/bin/env node
// Serves the demo page and the built `siat` package on 127.0.0.1 only:
//
//   node examples/web/serve.mjs [--port 8080]
//
// `/` is this folder, `/siat/` is siat-wasm/pkg/ (run scripts/build-wasm
// first) and `/cohort/` is examples/cohort/, whose `.json` files
// `/cohort/index.json` lists. Port 0, the default, picks a free port; the
// address is printed.

import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HOST = '127.0.0.1';
const pageDir = resolve(fileURLToPath(new URL('.', import.meta.url)));
const packageDir = resolve(pageDir, '..', '..', 'siat-wasm', 'pkg');
const cohortDir = resolve(pageDir, '..', 'cohort');
const COHORT_INDEX = '/cohort/index.json';

// URL prefixes served from other folders than the page's.
const MOUNTS = [
  ['/siat/', packageDir],
  ['/cohort/', cohortDir],
];

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Maps a URL path to a file inside the page or package folder, or null. */
function fileFor(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const mount = MOUNTS.find(([prefix]) => decoded.startsWith(prefix));
  const [root, rest] = mount
    ? [mount[1], decoded.slice(mount[0].length)]
    : [pageDir, decoded === '/' ? 'index.html' : decoded.slice(1)];
  const file = resolve(root, rest);
  // Reject `..` and absolute paths that leave the folder.
  return file === root || file.startsWith(root + sep) ? file : null;
}

async function handle(request, response) {
  const send = (status, text) => {
    response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(`${text}\n`);
  };

  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(405, 'only GET and HEAD are served');
    return;
  }
  const { pathname } = new URL(request.url, `http://${HOST}`);
  if (pathname === COHORT_INDEX) {
    const names = (await readdir(cohortDir)).filter((name) => name.endsWith('.json')).sort();
    const body = JSON.stringify(names);
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES['.json'], 'Cache-Control': 'no-store' });
    response.end(request.method === 'HEAD' ? undefined : body);
    return;
  }
  const file = fileFor(pathname);
  if (file === null) {
    send(404, 'not found');
    return;
  }
  const info = await stat(file).catch(() => null);
  if (info === null || !info.isFile()) {
    send(404, 'not found');
    return;
  }

  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': 'no-store',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}

/**
 * Starts the server on 127.0.0.1.
 *
 * @param {{port?: number}} [options] port 0 picks a free port.
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
export function startServer({ port = 0 } = {}) {
  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      console.error(`serve: ${request.method} ${request.url} failed: ${error.message}`);
      if (!response.headersSent) {
        response.writeHead(500);
      }
      response.end();
    });
  });
  return new Promise((resolveStart, rejectStart) => {
    server.once('error', rejectStart);
    server.listen(port, HOST, () => {
      const { port: chosen } = server.address();
      resolveStart({
        url: `http://${HOST}:${chosen}/`,
        close: () => new Promise((resolveClose) => {
          server.closeAllConnections();
          server.close(() => resolveClose());
        }),
      });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const flag = process.argv.indexOf('--port');
  const port = flag === -1 ? 0 : Number(process.argv[flag + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('serve: --port takes a number from 0 to 65535');
    process.exit(2);
  }
  const { url } = await startServer({ port });
  console.log(`serving the SIAT demo at ${url} (Ctrl+C stops)`);
}
