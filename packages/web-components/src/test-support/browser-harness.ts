import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Launch flags of STACK.md. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Why browser tests must be skipped here, or `null` to run them: they are
 * skipped only without Chromium and outside CI (CI always runs them, and
 * fails when Chromium is missing). Prints the reason once per caller.
 *
 * @example
 * const skip = chromiumSkipReason('dice-roller.test.ts') !== null;
 * describe.skipIf(skip)('...', () => { ... });
 */
export function chromiumSkipReason(testFile: string): string | null {
  if (existsSync(CHROMIUM) || process.env['CI']) return null;
  const reason =
    `${testFile} skipped: no Chromium at ${CHROMIUM} ` +
    '(apt-get install -y --no-install-recommends chromium; CI always runs it)';
  console.warn(reason);
  return reason;
}

/** The repository root, from this file's place in it. */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Where test screenshots go: `test-output/screenshots/` at the repository root (git-ignored). */
export const SCREENSHOT_DIR = `${ROOT}test-output/screenshots/`;

/**
 * Bundles `entry` (an absolute path) for the browser with esbuild, resolving
 * workspace packages to their TypeScript sources (`@vtt/source`). Returns
 * the ES module's text.
 *
 * @example
 * const js = await bundleForBrowser(fileURLToPath(new URL('../elements/index.ts', import.meta.url)));
 */
export async function bundleForBrowser(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@vtt/source'],
    outfile: '/bundle.js',
    logLevel: 'silent',
  });
  const file = result.outputFiles.find((output) => output.path === '/bundle.js');
  if (file === undefined) throw new Error(`esbuild wrote no bundle for ${entry}`);
  return file.text;
}

/** A page serving one bundle on 127.0.0.1. */
export interface TestPageServer {
  /** `http://127.0.0.1:<port>`: `/` is an empty page that loads `/bundle.js`. */
  readonly origin: string;
  close(): Promise<void>;
}

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>vtt elements</title>
<style>body { margin: 0; padding: 16px; font-family: system-ui, sans-serif; background: #e9eaee; }
body.dark { background: #0d0e11; }</style>
<script type="module" src="/bundle.js"></script></head><body></body></html>`;

/** Options of {@link serveTestPage}. */
export interface TestPageOptions {
  /**
   * A real server (`http://127.0.0.1:<port>`) that every other path is
   * proxied to, WebSocket upgrades included, with the page's Host header:
   * the page, its `/api` requests and its live socket share one origin, as
   * in the app that `vtt serve` serves.
   */
  readonly backend?: string;
  /** More files by path, e.g. `{ '/quickjs.wasm': { body, type: 'application/wasm' } }`. */
  readonly files?: Readonly<Record<string, { body: string | Uint8Array; type: string }>>;
  /** The page's markup instead of the default empty page that loads `/bundle.js`. */
  readonly page?: string;
}

/**
 * Serves `bundle` (see {@link bundleForBrowser}) under a test page on an
 * ephemeral port of 127.0.0.1. Anything but `/`, `/bundle.js` and
 * `options.files` is proxied to `options.backend`, or a 404 without one.
 *
 * @example
 * const server = await serveTestPage(await bundleForBrowser(entry), { backend: vtt.url });
 * await page.goto(`${server.origin}/`);
 */
export async function serveTestPage(
  bundle: string,
  options: TestPageOptions = {},
): Promise<TestPageServer> {
  const files = new Map<string, { body: string | Uint8Array; type: string }>([
    ['/', { body: options.page ?? PAGE, type: 'text/html; charset=utf-8' }],
    ['/bundle.js', { body: bundle, type: 'text/javascript; charset=utf-8' }],
    ...Object.entries(options.files ?? {}),
  ]);
  const backend = options.backend === undefined ? null : new URL(options.backend);
  const server = createServer((request, response) => {
    const file = files.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (file !== undefined) {
      response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' });
      response.end(file.body);
      return;
    }
    if (backend === null) {
      response.writeHead(404).end();
      return;
    }
    const forward = httpRequest(
      {
        host: backend.hostname,
        port: backend.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forward.on('error', () => response.destroy());
    request.pipe(forward);
  });
  server.on('upgrade', (request, socket, head) => {
    if (backend === null) {
      socket.destroy();
      return;
    }
    // The upgrade request goes out as it came (same Host and Origin), then bytes flow both ways.
    const upstream = connect(Number(backend.port), backend.hostname, () => {
      const lines = [`${request.method} ${request.url} HTTP/1.1`];
      for (let i = 0; i < request.rawHeaders.length; i += 2)
        lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
    socket.on('close', () => upstream.destroy());
    upstream.on('close', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Chromium with the page server of one bundle; `close` stops both. */
export interface ElementHarness {
  readonly browser: Browser;
  readonly server: TestPageServer;
  /**
   * A fresh page at the test page with `body` as its markup (test-controlled
   * HTML, e.g. `<vtt-dice-roller seed="s1"></vtt-dice-roller>`), once every
   * custom element in it is defined. Page errors are collected in `errors`.
   */
  open(body: string, options?: { dark?: boolean }): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

/**
 * Bundles `entry`, serves it (see {@link serveTestPage} for `options`) and
 * launches Chromium (flags of STACK.md).
 *
 * @example
 * const harness = await startElementHarness(entry);
 * const { page } = await harness.open('<vtt-chat-log></vtt-chat-log>');
 */
export async function startElementHarness(
  entry: string,
  options: TestPageOptions = {},
): Promise<ElementHarness> {
  const server = await serveTestPage(await bundleForBrowser(entry), options);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    browser,
    server,
    async open(body, options = {}) {
      const page = await browser.newPage({ viewport: { width: 720, height: 960 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(`${server.origin}/`);
      await page.evaluate(
        async ({ markup, dark }) => {
          type Doc = {
            body: {
              innerHTML: string;
              className: string;
              querySelectorAll(s: string): ArrayLike<{ localName: string }>;
            };
          };
          type Registry = { whenDefined(name: string): Promise<unknown> };
          const g = globalThis as unknown as { document: Doc; customElements: Registry };
          g.document.body.className = dark ? 'dark' : '';
          g.document.body.innerHTML = markup;
          const tags = new Set(
            Array.from(g.document.body.querySelectorAll('*'), (el) => el.localName).filter((name) =>
              name.includes('-'),
            ),
          );
          await Promise.all([...tags].map((tag) => g.customElements.whenDefined(tag)));
        },
        { markup: body, dark: options.dark ?? false },
      );
      return { page, errors };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Sets JavaScript properties (not attributes) of the element `target`
 * locates, e.g. a chat log's `messages`, and waits for its Lit update.
 * Values cross as JSON.
 */
export async function setProperties(
  target: Locator,
  properties: Readonly<Record<string, unknown>>,
): Promise<void> {
  await target.evaluate(async (element, json) => {
    const host = element as unknown as Record<string, unknown> & {
      updateComplete?: Promise<unknown>;
    };
    Object.assign(host, JSON.parse(json) as Record<string, unknown>);
    await host.updateComplete;
  }, JSON.stringify(properties));
}

/**
 * Saves a PNG of `target` to `test-output/screenshots/<name>.png` and
 * returns its path.
 */
export async function saveScreenshot(target: Page | Locator, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}${name}.png`;
  await target.screenshot({ path, animations: 'disabled' });
  return path;
}
