import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** A page serving the browser sandbox host, for browser-host.test.ts. */
export interface SandboxPageServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Paths requested so far, in order. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

interface Served {
  readonly body: string | Buffer;
  readonly type: string;
}

const page = (script: string): Served => ({
  body: `<!doctype html><meta charset="utf-8"><script type="module" src="${script}"></script>`,
  type: 'text/html; charset=utf-8',
});

/**
 * Bundles test-support/browser-page.ts and web-worker-entry.ts from source
 * with esbuild and serves them on 127.0.0.1 (ephemeral port) with QuickJS's
 * `.wasm`: `/` is the working page, `/no-worker/` the same page with its
 * `web-worker-entry.js` missing (404). With `cors`, every answer allows any
 * origin, so another origin's page can take the worker and wasm from it.
 *
 * @example
 * const server = await serveSandboxPage();
 * await page.goto(`${server.origin}/`);
 */
export async function serveSandboxPage(
  options: { readonly cors?: boolean } = {},
): Promise<SandboxPageServer> {
  const here = fileURLToPath(new URL('..', import.meta.url));
  const result = await build({
    entryPoints: {
      page: `${here}test-support/browser-page.ts`,
      'web-worker-entry': `${here}web-worker-entry.ts`,
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@vtt/source'],
    outdir: '/',
    logLevel: 'silent',
  });
  const javascript = (name: string): Served => {
    const file = result.outputFiles.find((output) => output.path === `/${name}`);
    if (file === undefined) throw new Error(`esbuild wrote no ${name}`);
    return { body: file.text, type: 'text/javascript; charset=utf-8' };
  };
  const wasmPath = createRequire(import.meta.url).resolve(
    '@jitl/quickjs-wasmfile-release-sync/wasm',
  );
  const files = new Map<string, Served>([
    ['/', page('/page.js')],
    ['/page.js', javascript('page.js')],
    ['/web-worker-entry.js', javascript('web-worker-entry.js')],
    ['/quickjs.wasm', { body: await readFile(wasmPath), type: 'application/wasm' }],
    ['/no-worker/', page('/no-worker/page.js')],
    ['/no-worker/page.js', javascript('page.js')],
  ]);

  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    const file = files.get(path);
    if (file === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': file.type,
      'cache-control': 'no-store',
      ...(options.cors === true && { 'access-control-allow-origin': '*' }),
    });
    response.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
