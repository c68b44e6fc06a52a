/**
 * `vtt serve` as a GM runs it: the real binary in a child process, a real
 * port on 127.0.0.1, a real data folder, stopped with a real signal.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../packages/cli/bin/vtt.js', import.meta.url));
const folders: string[] = [];

async function dataFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vtt-serve-'));
  folders.push(dir);
  return join(dir, 'data');
}

afterEach(async () => {
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true });
});

interface Running {
  readonly child: ChildProcessWithoutNullStreams;
  readonly output: () => string;
  readonly exited: Promise<{ code: number | null; signal: string | null }>;
}

function serve(args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, [bin, 'serve', ...args], {
    env: { ...process.env, ...env },
  });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  return { child, output: () => text, exited };
}

async function waitFor(running: Running, pattern: RegExp): Promise<RegExpMatchArray> {
  for (let i = 0; i < 300; i++) {
    const match = running.output().match(pattern);
    if (match !== null) return match;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${String(pattern)}; output so far:\n${running.output()}`);
}

describe('vtt serve', () => {
  it('starts on a free port, prints the URL and a setup link, and stops cleanly on SIGTERM', async () => {
    const data = await dataFolder();
    const running = serve(['--port', '0', '--data', data, '--no-examples']);
    const [, url] = await waitFor(running, /running at (http:\/\/127\.0\.0\.1:\d+)/);
    const [, setup = ''] = await waitFor(running, /(http:\/\/\S+\/setup#\S+)/);
    expect(setup.startsWith(`${url}/setup#`)).toBe(true);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    running.child.kill('SIGTERM');
    expect(await running.exited).toEqual({ code: 0, signal: null });
    expect(running.output()).toContain('Stopped.');
  });

  it('reads its settings from the environment', async () => {
    const data = await dataFolder();
    const running = serve(['--no-examples'], { VTT_PORT: '0', VTT_DATA: data });
    await waitFor(running, /running at http:\/\/127\.0\.0\.1:\d+/);
    expect(running.output()).toContain(data);
    running.child.kill('SIGINT');
    expect((await running.exited).code).toBe(0);
  });

  it('stops at once on a bad setting, naming it and the fix', async () => {
    const running = serve(['--port', 'seventy', '--data', await dataFolder()]);
    expect((await running.exited).code).toBe(1);
    expect(running.output()).toContain('VTT_ERR_CONFIG_INVALID');
    expect(running.output()).toContain('--port (VTT_PORT)');
  });

  it('says when the port is in use and suggests --port', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const port = String((blocker.address() as { port: number }).port);
    try {
      const running = serve(['--port', port, '--data', await dataFolder(), '--no-examples']);
      expect((await running.exited).code).toBe(1);
      expect(running.output()).toContain(`Port ${port}`);
      expect(running.output()).toContain('--port');
    } finally {
      blocker.close();
    }
  });

  it('lists every setting in --help', async () => {
    const running = serve(['--help']);
    expect((await running.exited).code).toBe(0);
    for (const flag of ['--host', '--port', '--data', '--public-url', 'VTT_PUBLIC_URL']) {
      expect(running.output()).toContain(flag);
    }
  });
});
