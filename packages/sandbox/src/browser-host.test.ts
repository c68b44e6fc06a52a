import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  BrowserSandboxDriver,
  DriverEvent,
  DriverOutcome,
} from './test-support/browser-page.js';
import { serveSandboxPage, type SandboxPageServer } from './test-support/browser-server.js';
import type { SandboxLimits } from './limits.js';
import type { JsonValue } from './types.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/**
 * No assertion here bounds how long something took (on a loaded machine any
 * such bound fails now and then): what stopped a call is told by its error
 * code and params, and by whether a worker was replaced.
 */
const CPU_MS = 100;
/** The watchdog's grace for calls that only it can stop (built-ins that ignore the interrupt). */
const GRACE_MS = 200;
/** The spinner's grace: a call the interrupt handler failed to stop would end as `watchdog: true`. */
const LONG_GRACE_MS = 10_000;

const RULES = `
let calls = 0;
export function heal({ hp, amount }) { calls += 1; return { hp: Math.min(hp + amount, 20), calls }; }
export function spin() { while (true) {} }
export function nest(n) { return eval('('.repeat(n) + '1' + ')'.repeat(n)); }
export function indexOfHuge() { return Array.prototype.indexOf.call({ length: 2 ** 32 - 1 }, 0); }
export function probe() {
  return {
    fetch: typeof fetch, XMLHttpRequest: typeof XMLHttpRequest, importScripts: typeof importScripts,
    WebAssembly: typeof WebAssembly, postMessage: typeof postMessage, self: typeof self,
    viaFunction: Function('return [typeof fetch, typeof self, typeof postMessage]')(),
  };
}
`;

const missingChromium = !existsSync(CHROMIUM);
const skip = missingChromium && !process.env['CI'];
if (skip) {
  console.warn(
    `browser-host.test.ts skipped: no Chromium at ${CHROMIUM} ` +
      '(apt-get install -y --no-install-recommends chromium; CI always runs it)',
  );
}

/** The driver the page puts on its global (see test-support/browser-page.ts). */
type PageGlobal = { vttSandboxDriver: BrowserSandboxDriver };

async function openDriverPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => 'vttSandboxDriver' in globalThis, undefined, {
    timeout: 15_000,
  });
  return page;
}

const start = (page: Page, workers = 2): Promise<DriverOutcome> =>
  page.evaluate(
    (options) =>
      (globalThis as unknown as PageGlobal).vttSandboxDriver.start({
        wasmUrl: '/quickjs.wasm',
        ...options,
      }),
    { workers, limits: { cpuMs: CPU_MS, watchdogGraceMs: GRACE_MS } },
  );

describe.skipIf(skip)('browser sandbox host (real QuickJS in real Chromium Web Workers)', () => {
  let server: SandboxPageServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];

  const load = (
    key: string,
    source = RULES,
    limits: Partial<SandboxLimits> = {},
  ): Promise<DriverOutcome> =>
    page.evaluate(
      ({ key: k, source: s, limits: l }) =>
        (globalThis as unknown as PageGlobal).vttSandboxDriver.load(k, s, l),
      { key, source, limits },
    );
  const call = (key: string, fn: string, arg: JsonValue = null): Promise<DriverOutcome> =>
    page.evaluate(
      ({ key: k, fn: f, argJson }) =>
        (globalThis as unknown as PageGlobal).vttSandboxDriver.call(
          k,
          f,
          JSON.parse(argJson) as JsonValue,
        ),
      { key, fn, argJson: JSON.stringify(arg) },
    );
  const takeEvents = (): Promise<DriverEvent[]> =>
    page.evaluate(() => (globalThis as unknown as PageGlobal).vttSandboxDriver.takeEvents());

  beforeAll(async () => {
    server = await serveSandboxPage();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await openDriverPage(browser, `${server.origin}/`);
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    expect(await start(page)).toMatchObject({ ok: true });
  }, 20_000);

  afterAll(async () => {
    if (browser) {
      await page
        .evaluate(() => (globalThis as unknown as PageGlobal).vttSandboxDriver.close())
        .catch(() => undefined);
      await browser.close();
    }
    await server?.close();
  });

  it('runs a module bundle in a Web Worker and returns its JSON result', async () => {
    expect(await load('table-1:rules')).toMatchObject({ ok: true });
    expect(await call('table-1:rules', 'heal', { hp: 15, amount: 3 })).toMatchObject({
      ok: true,
      value: { hp: 18, calls: 1 },
    });
    expect(await call('table-1:rules', 'heal', { hp: 19, amount: 3 })).toMatchObject({
      ok: true,
      value: { hp: 20, calls: 2 },
    });
    expect(pageErrors).toEqual([]);
  });

  it('stops while(true){} with VTT_ERR_SANDBOX_TIMEOUT at the deadline; another instance then works', async () => {
    await takeEvents();
    const spinnerLimits = { watchdogGraceMs: LONG_GRACE_MS };
    expect(await load('table-2:spinner', RULES, spinnerLimits)).toMatchObject({ ok: true });
    expect(await load('table-3:bystander')).toMatchObject({ ok: true });
    const spun = await call('table-2:spinner', 'spin');
    expect(spun).toMatchObject({
      ok: false,
      code: 'VTT_ERR_SANDBOX_TIMEOUT',
      params: { fn: 'spin', limitMs: CPU_MS },
    });
    // The interrupt handler stopped it, not the watchdog: no worker was replaced.
    expect(spun.ok === false && spun.params['watchdog']).toBeFalsy();
    expect(await call('table-3:bystander', 'heal', { hp: 1, amount: 1 })).toMatchObject({
      ok: true,
      value: { hp: 2, calls: 1 },
    });
    expect(await call('table-2:spinner', 'heal', { hp: 1, amount: 2 })).toMatchObject({
      ok: true,
      value: { hp: 3, calls: 1 },
    });
    expect(await takeEvents()).not.toContainEqual(
      expect.objectContaining({ type: 'worker-replaced' }),
    );
  });

  it('terminates the Web Worker of a built-in that ignores the interrupt, and keeps serving', async () => {
    await takeEvents();
    expect(await load('table-4:stuck')).toMatchObject({ ok: true });
    expect(await load('table-5:neighbour')).toMatchObject({ ok: true });
    expect(await call('table-4:stuck', 'heal', { hp: 1, amount: 1 })).toMatchObject({ ok: true });
    const workers = page.workers();
    expect(workers).toHaveLength(2);
    const closed = workers.map((worker) => {
      let isClosed = false;
      worker.once('close', () => (isClosed = true));
      return () => isClosed;
    });
    const stuck = await call('table-4:stuck', 'indexOfHuge');
    expect(stuck).toMatchObject({
      ok: false,
      code: 'VTT_ERR_SANDBOX_TIMEOUT',
      params: { fn: 'indexOfHuge', limitMs: CPU_MS, watchdog: true },
    });
    expect(await takeEvents()).toContainEqual(
      expect.objectContaining({ type: 'worker-replaced', reason: 'watchdog' }),
    );
    // The stuck Web Worker goes away (else it would spin for minutes); Chromium
    // stops a worker busy in a script about 2 s after terminate().
    await expect
      .poll(() => closed.map((isClosed) => isClosed()), { timeout: 20_000 })
      .toContain(true);
    expect(page.workers()).toHaveLength(2);
    // Both instances answer again; the stuck one was reloaded in the new worker.
    expect(await call('table-5:neighbour', 'heal', { hp: 5, amount: 1 })).toMatchObject({
      ok: true,
      value: { hp: 6, calls: 1 },
    });
    expect(await call('table-4:stuck', 'heal', { hp: 5, amount: 2 })).toMatchObject({
      ok: true,
      value: { hp: 7, calls: 1 },
    });
    expect(await takeEvents()).toContainEqual(
      expect.objectContaining({ type: 'instance-reloaded', key: 'table-4:stuck' }),
    );
    expect(await load('table-6:fresh')).toMatchObject({ ok: true });
    expect(await call('table-6:fresh', 'heal', { hp: 0, amount: 4 })).toMatchObject({
      ok: true,
      value: { hp: 4, calls: 1 },
    });
    // The new worker got the module compiled at start: the wasm was fetched once.
    expect(server?.requests.filter((path) => path === '/quickjs.wasm')).toHaveLength(1);
  });

  it('turns 5,000 nested brackets in eval, or a bundle of them, into a stack overflow, not a crash', async () => {
    await takeEvents();
    expect(await load('table-8:nester')).toMatchObject({ ok: true });
    expect(await call('table-8:nester', 'heal', { hp: 1, amount: 1 })).toMatchObject({ ok: true });
    expect(await call('table-8:nester', 'nest', 5_000)).toMatchObject({
      ok: false,
      code: 'VTT_ERR_SANDBOX_STACK_OVERFLOW',
    });
    expect(await call('table-8:nester', 'heal', { hp: 1, amount: 1 })).toMatchObject({ ok: true });
    const brackets = `export const x = ${'['.repeat(10_000)}${']'.repeat(10_000)};`;
    expect(await load('table-8:brackets', brackets)).toMatchObject({
      ok: false,
      code: 'VTT_ERR_SANDBOX_STACK_OVERFLOW',
    });
    expect(await takeEvents()).not.toContainEqual(
      expect.objectContaining({ type: 'worker-replaced' }),
    );
    expect(pageErrors).toEqual([]);
  });

  it('gives module code no fetch, XMLHttpRequest, importScripts, WebAssembly, postMessage or self', async () => {
    expect(await load('table-7:probe')).toMatchObject({ ok: true });
    expect(await call('table-7:probe', 'probe')).toMatchObject({
      ok: true,
      value: {
        fetch: 'undefined',
        XMLHttpRequest: 'undefined',
        importScripts: 'undefined',
        WebAssembly: 'undefined',
        postMessage: 'undefined',
        self: 'undefined',
        viaFunction: ['undefined', 'undefined', 'undefined'],
      },
    });
    expect(pageErrors).toEqual([]);
  });

  it('fails to start, without respawning workers, when web-worker-entry.js is not served', async () => {
    const broken = await openDriverPage(browser as Browser, `${server?.origin}/no-worker/`);
    const entryRequests = (): number =>
      server?.requests.filter((path) => path === '/no-worker/web-worker-entry.js').length ?? 0;
    try {
      const started = await start(broken, 1);
      expect(started).toMatchObject({ ok: false, code: 'VTT_ERR_SANDBOX_START_FAILED' });
      // The one worker was started once: its script was asked for (and not found, which is
      // what failed the start), and no worker was started in its place.
      expect(entryRequests()).toBe(1);
      expect(
        await broken.evaluate(() =>
          (globalThis as unknown as PageGlobal).vttSandboxDriver.workersConstructed(),
        ),
      ).toBe(1);
      expect(broken.workers()).toHaveLength(0);
    } finally {
      await broken.close();
    }
  });

  it("runs the worker and wasm of another origin's server (an embedding page), imported from a blob: worker", async () => {
    const other = await serveSandboxPage({ cors: true });
    const embedding = await openDriverPage(browser as Browser, `${server?.origin}/`);
    try {
      const started = await embedding.evaluate(
        (urls) =>
          (globalThis as unknown as PageGlobal).vttSandboxDriver.start({
            ...urls,
            workers: 1,
            limits: {},
          }),
        {
          wasmUrl: `${other.origin}/quickjs.wasm`,
          workerUrl: `${other.origin}/web-worker-entry.js`,
        },
      );
      expect(started).toMatchObject({ ok: true });
      expect(other.requests).toEqual(
        expect.arrayContaining(['/quickjs.wasm', '/web-worker-entry.js']),
      );
      const loaded = await embedding.evaluate(
        (source) =>
          (globalThis as unknown as PageGlobal).vttSandboxDriver.load('embed:rules', source),
        RULES,
      );
      expect(loaded).toMatchObject({ ok: true });
      const healed = await embedding.evaluate(() =>
        (globalThis as unknown as PageGlobal).vttSandboxDriver.call('embed:rules', 'heal', {
          hp: 5,
          amount: 2,
        }),
      );
      expect(healed).toMatchObject({ ok: true, value: { hp: 7, calls: 1 } });
    } finally {
      await embedding
        .evaluate(() => (globalThis as unknown as PageGlobal).vttSandboxDriver.close())
        .catch(() => undefined);
      await embedding.close();
      await other.close();
    }
  });
});
