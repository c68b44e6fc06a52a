import { stat } from 'node:fs/promises';
import { createServer as netServer } from 'node:net';
import { join } from 'node:path';
import { isVttError } from '@vtt/core';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from './config/server-config.js';
import { createServer } from './create-server.js';
import { startTestServer } from './test-support/test-server.js';

describe('createServer', () => {
  it('serves /healthz on a free port, with a private data folder and signing key', async () => {
    const server = await startTestServer();
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.config.port).toBeGreaterThan(0);
      const res = await fetch(`${server.url}/healthz`);
      expect(res.status).toBe(200);
      expect(((await stat(server.dataDir)).mode & 0o777).toString(8)).toBe('700');
      expect(((await stat(join(server.dataDir, 'signing-key'))).mode & 0o777).toString(8)).toBe(
        '600',
      );
      expect((await stat(join(server.dataDir, 'vtt.sqlite'))).isFile()).toBe(true);
      const missing = await fetch(`${server.url}/no/such/route?secret=1`);
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as { error: { code: string } }).error.code).toBe(
        'VTT_ERR_HTTP_NOT_FOUND',
      );
    } finally {
      await server.dispose();
    }
  });

  it('keeps the signing key across restarts and never logs it', async () => {
    const first = await startTestServer();
    const key = Buffer.from(first.app.signingKey).toString('hex');
    await first.close();
    const second = await startTestServer({}, first.dataDir);
    try {
      expect(Buffer.from(second.app.signingKey).toString('hex')).toBe(key);
      const log = [...first.logLines, ...second.logLines].join('\n');
      expect(log).not.toContain(key);
      expect(log).not.toContain(Buffer.from(second.app.signingKey).toString('base64'));
    } finally {
      await second.dispose();
      await first.dispose();
    }
  });

  it('says which port is in use and suggests --port', async () => {
    const blocker = netServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const port = (blocker.address() as { port: number }).port;
    try {
      const error = await startTestServer({ port }).catch((e: unknown) => e);
      expect(isVttError(error) && error.code).toBe('VTT_ERR_CONFIG_PORT_IN_USE');
      expect((error as Error).message).toContain(String(port));
      expect((error as Error).message).toContain('--port');
    } finally {
      blocker.close();
    }
  });

  it('refuses a bad setting, naming it and the fix', async () => {
    const error = await createServer({ port: 'seventy' }).catch((e: unknown) => e);
    expect(isVttError(error) && error.code).toBe('VTT_ERR_CONFIG_INVALID');
    expect((error as Error).message).toContain('--port (VTT_PORT)');
    expect(() => resolveConfig({}, { VTT_PUBLIC_URL: 'ftp://x' })).toThrow(/--public-url/);
    expect(resolveConfig({}, { VTT_PORT: '8080' }).port).toBe(8080);
    expect(resolveConfig({ port: 9000 }, { VTT_PORT: '8080' }).port).toBe(9000);
  });
});
