/**
 * The app at `/`: files with their types and caching, the single-page
 * fallback, the security headers, the API's 404 kept, no way out of the
 * folder, and a helpful page when the app is not built.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

const HTML = { accept: 'text/html,application/xhtml+xml' };
const INDEX = '<!doctype html><title>app</title><vtt-app></vtt-app>';

/** A GET with the path sent exactly as given (fetch would normalise `..`). */
function rawGet(server: TestServer, path: string): Promise<{ status: number; body: string }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers: HTML }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the web app plugin', () => {
  let root: string;
  let server: TestServer;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vtt-web-app-'));
    const app = join(root, 'browser');
    await mkdir(app);
    await writeFile(join(app, 'index.html'), INDEX);
    await writeFile(join(app, 'vtt-app.js'), 'export {};');
    await writeFile(join(app, 'chunk-ABCD2345.js'), 'export const x = 1;');
    await writeFile(join(app, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    await writeFile(join(app, 'manifest.webmanifest'), '{"name":"VTT"}');
    await writeFile(join(app, 'quickjs.wasm'), new Uint8Array([0, 97, 115, 109]));
    await writeFile(join(root, 'secret.txt'), 'outside the app folder');
    server = await startTestServer({ webAppDir: app });
  });

  afterAll(async () => {
    await server.dispose();
    await rm(root, { recursive: true, force: true });
  });

  it('answers index.html at / and at every page of the app, with strict security headers', async () => {
    for (const path of ['/', '/setup', '/login', '/join', '/invite', '/c/abc/manage']) {
      const res = await fetch(`${server.url}${path}`, { headers: HTML });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(await res.text(), path).toBe(INDEX);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('serves files with their types, hashed ones cached for good and the rest revalidated', async () => {
    const chunk = await fetch(`${server.url}/chunk-ABCD2345.js`);
    expect(chunk.status).toBe(200);
    expect(chunk.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(chunk.headers.get('cache-control')).toContain('immutable');
    const entry = await fetch(`${server.url}/vtt-app.js`);
    expect(entry.headers.get('cache-control')).toBe('no-cache');
    const sw = await fetch(`${server.url}/sw.js`);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(sw.headers.get('content-type')).toMatch(/^text\/javascript/);
    const wasm = await fetch(`${server.url}/quickjs.wasm`);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    const manifest = await fetch(`${server.url}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
  });

  it('keeps the JSON 404 of unknown API routes and of missing files', async () => {
    const api = await fetch(`${server.url}/api/nope`, { headers: HTML });
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe(
      'VTT_ERR_HTTP_NOT_FOUND',
    );
    const missing = await fetch(`${server.url}/missing.js`, { headers: HTML });
    expect(missing.status).toBe(404);
    const data = await fetch(`${server.url}/c/abc`, { headers: { accept: 'application/json' } });
    expect(data.status).toBe(404);
  });

  it('never answers a file outside its folder', async () => {
    for (const path of [
      '/..%2fsecret.txt',
      '/..%2f..%2fetc/passwd',
      '/%2e%2e/secret.txt',
      '/../secret.txt',
      '/..%5csecret.txt',
      '/%00secret.txt',
    ]) {
      const res = await rawGet(server, path);
      expect(res.body, path).not.toContain('outside the app folder');
      expect(res.body, path).not.toContain('root:');
    }
  });
});

describe('the web app plugin without a build', () => {
  it('answers a page saying to run npm run build, and logs it once', async () => {
    const server = await startTestServer({ webAppDir: join(tmpdir(), 'vtt-no-such-app-folder') });
    try {
      for (let i = 0; i < 2; i++) {
        const res = await fetch(`${server.url}/`, { headers: HTML });
        expect(res.status).toBe(503);
        expect(await res.text()).toContain('npm run build');
      }
      expect(
        server.logLines.filter((l) => l.includes('the browser app is not built')),
      ).toHaveLength(1);
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      await server.dispose();
    }
  });
});
