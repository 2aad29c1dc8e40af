// Starts Debian's Chromium for the browser tests, kept off the network: a
// fresh profile, no background services, and every request to a host other
// than 127.0.0.1 aborted. Records each request, page error and console
// error, so a test can assert that a page made none it should not.

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Launches Chromium with a fresh user data directory.
 *
 * @returns {Promise<{context, page, requests: string[], errors: string[], close: () => Promise<void>}>}
 *   `requests` lists every URL the browser asked for, including the aborted ones.
 */
export async function launchChromium({ viewport = { width: 1100, height: 900 } } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'siat-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
  });
  const requests = [];
  const errors = [];
  context.on('request', (request) => requests.push(request.url()));
  // Anything but the local server is aborted, so a stray request cannot leave the machine.
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    return hostname === '127.0.0.1' ? route.continue() : route.abort();
  });

  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });

  return {
    context,
    page,
    requests,
    errors,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Serves fixed documents on 127.0.0.1: `pages` maps a path such as
 * `/report.html` to `{type, body}`. Anything else is a 404.
 *
 * @returns {Promise<{origin: string, close: () => Promise<void>}>}
 */
export function servePages(pages) {
  const server = createServer((request, response) => {
    const page = pages.get(new URL(request.url, 'http://127.0.0.1').pathname);
    if (request.method !== 'GET' || page === undefined) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('not found\n');
      return;
    }
    response.writeHead(200, { 'Content-Type': page.type, 'Cache-Control': 'no-store' });
    response.end(page.body);
  });
  return new Promise((resolveStart, rejectStart) => {
    server.once('error', rejectStart);
    server.listen(0, '127.0.0.1', () => {
      resolveStart({
        origin: `http://127.0.0.1:${server.address().port}`,
        close: () => new Promise((resolveClose) => {
          server.closeAllConnections();
          server.close(() => resolveClose());
        }),
      });
    });
  });
}
