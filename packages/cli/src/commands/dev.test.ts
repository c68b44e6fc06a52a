/**
 * `vtt dev` against a real running server, with a GM connected over a
 * real socket: every save reloads the module into the live table, the
 * next action runs the new rules, the socket stays open and the table
 * keeps its state; a build error and a build the server cannot load keep
 * the old rules; stopping goes back to the installed version.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArchive, writeArchive } from '@vtt/sdk/archive';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../lib/io.js';
import { runCli } from '../program.js';
import { packModule } from '../lib/pack-module.js';
import { runDev, type DevReload } from './run-dev.js';
import { startTestServer, type TestServer } from '../../../server/src/test-support/test-server.js';
import {
  addUser,
  request,
  setupAdmin,
  type TestUser,
} from '../../../server/src/test-support/http-client.js';
import { campaignWith, LiveClient } from '../../../server/src/test-support/live-client.js';

const fixture = fileURLToPath(new URL('../../test-fixtures/heroes', import.meta.url));
let base: string;
let moduleDir: string;
let sourceFile: string;
let original: string;
let server: TestServer;
let gm: TestUser;
let devToken: string;
let campaignId: string;
let table: LiveClient;

/** An error answer (or any other answer, whose `error` is then undefined). */
type ErrorBody = { error?: { code: string; params?: Record<string, unknown> } };

/** POSTs raw archive bytes to the server with `token`. */
async function postArchive(path: string, bytes: Uint8Array, token: string) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: new Blob([new Uint8Array(bytes)]),
  });
  return { status: res.status, body: (await res.json()) as ErrorBody };
}

/** What the table says when the GM rests: the text of the chat message `heroes:rest` makes. */
async function restText(client: LiveClient): Promise<string> {
  const from = client.messages.length;
  const answer = await client.action('heroes:rest', {});
  expect(answer.type, JSON.stringify(answer)).toBe('ack');
  const said = client.messages
    .slice(from)
    .flatMap((m) => JSON.stringify(m).match(/"text":"([^"]*rests[^"]*)"/)?.[1] ?? []);
  expect(said).toHaveLength(1);
  return said[0]!;
}

/** Rewrites the fixture's rest message to `words` (what the author saves). */
async function saveRestMessage(words: string): Promise<void> {
  await writeFile(sourceFile, original.replace('`${ctx.user.id} rests`', words));
}

/** Waits until `reloads` has `count` entries (the watcher saw a save and finished). */
async function reloadNumber(reloads: readonly DevReload[], count: number): Promise<DevReload> {
  const deadline = Date.now() + 20_000;
  while (reloads.length < count) {
    if (Date.now() > deadline) throw new Error(`no reload ${count} within 20 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return reloads[count - 1]!;
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'vtt-dev-'));
  moduleDir = join(base, 'heroes');
  await cp(fixture, moduleDir, { recursive: true });
  sourceFile = join(moduleDir, 'src', 'module.ts');
  original = await readFile(sourceFile, 'utf8');
  server = await startTestServer();
  gm = await setupAdmin(server);
  const packed = await packModule(moduleDir, {}, bufferIo());
  const installed = await postArchive('/api/modules', packed.archive, gm.token);
  expect(installed.status, JSON.stringify(installed.body)).toBe(201);
  const made = await request<{ token: string }>(server, 'POST', '/api/auth/tokens', {
    token: gm.token,
    body: { name: 'vtt dev', scopes: ['modules:install'] },
  });
  expect(made.status, made.text).toBe(201);
  devToken = made.body.token;
  campaignId = await campaignWith(server, gm, [], { system: 'heroes', name: 'Dev table' });
  table = await LiveClient.open(server, campaignId, gm);
  await table.join();
}, 60_000);

afterAll(async () => {
  await table?.close();
  await server?.dispose();
  await rm(base, { recursive: true, force: true });
});

describe('vtt dev against a running server', () => {
  it('reloads every save into the live table, keeps its state and socket, and keeps the old rules on a broken build', async () => {
    const made = await table.action('core:create-actor', {
      name: 'Ayla',
      type: 'hero',
      data: { score: 14, hp: 9 },
    });
    expect(made.type, JSON.stringify(made)).toBe('ack');
    expect(await restText(table)).toBe(`${gm.id} rests`);

    const stop = new AbortController();
    const io = bufferIo();
    const reloads: DevReload[] = [];
    const running = runDev(
      moduleDir,
      { server: server.url, token: devToken, keep: false, json: false, signal: stop.signal },
      {
        ...io,
        stdout: (text) => {
          io.stdout(text);
          if (text.startsWith('reloaded ')) reloads.push({ ok: true, packMs: 0, serverMs: 0 });
        },
      },
    );
    // The first build goes out at start, into the one loaded table.
    await reloadNumber(reloads, 1);
    expect(io.out()).toMatch(/^reloaded heroes@1\.0\.0 into 1 table in \d+ ms/m);

    const saved = performance.now();
    await saveRestMessage('`${ctx.user.id} rests by the fire`');
    await reloadNumber(reloads, 2);
    expect(await restText(table)).toBe(`${gm.id} rests by the fire`);
    const ms = performance.now() - saved;
    console.info(`vtt dev: save to the new rules answering took ${Math.round(ms)} ms`);

    // A syntax error: printed to the author, nothing sent, the last good rules keep answering.
    const errorsBefore = io.err().split('VTT_ERR_PROJECT_BUILD_FAILED').length;
    await writeFile(sourceFile, `${original}\nexport const broken = ;\n`);
    const deadline = Date.now() + 20_000;
    while (io.err().split('VTT_ERR_PROJECT_BUILD_FAILED').length === errorsBefore) {
      if (Date.now() > deadline) throw new Error(`no build error printed:\n${io.err()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(io.err()).toContain('the tables keep the rules they ran before');
    expect(reloads).toHaveLength(2);
    expect(await restText(table)).toBe(`${gm.id} rests by the fire`);

    // Stopping drops the build: the table runs the installed version again.
    stop.abort();
    await running;
    expect(io.err()).toMatch(/tables run heroes@1\.0\.0 as installed again \(1 reloaded\)/);
    expect(await restText(table)).toBe(`${gm.id} rests`);

    // Through every reload: the same socket, the same actor, no lost seq.
    expect(table.messages.some((m) => m.type === 'error')).toBe(false);
    const rejoined = await LiveClient.open(server, campaignId, gm);
    const snapshot = JSON.stringify(await rejoined.join());
    await rejoined.close();
    expect(snapshot).toContain('"Ayla"');
    expect(snapshot).toContain('"score":14');
    await writeFile(sourceFile, original);
  }, 90_000);

  it('refuses a build the table cannot load, and the table keeps the rules it ran', async () => {
    const packed = await packModule(moduleDir, {}, bufferIo());
    const files = readArchive(packed.archive).files;
    const broken = writeArchive({
      files: [...files].map(([path, data]) => ({
        path,
        data:
          path === 'dist/module.js'
            ? new TextEncoder().encode('throw new Error("the module fails as it loads");\n')
            : data,
      })),
    });
    const refused = await postArchive('/api/modules/dev', broken, devToken);
    expect([refused.status, refused.body.error?.code]).toEqual([422, 'VTT_ERR_DEV_RELOAD_FAILED']);
    expect(refused.body.error?.params?.campaignId).toBe(campaignId);
    expect(await restText(table)).toBe(`${gm.id} rests`);
    // Nothing was left set: there is no build to drop.
    const drop = await request(server, 'DELETE', '/api/modules/dev/heroes', { token: devToken });
    expect([drop.status, (drop.body as ErrorBody).error?.code]).toEqual([
      404,
      'VTT_ERR_DEV_NO_BUILD',
    ]);
  });

  it('lets only an admin, or an admin token with modules:install, send a build', async () => {
    const packed = await packModule(moduleDir, {}, bufferIo());
    const player = await addUser(server, gm, 'pim');
    const asPlayer = await postArchive('/api/modules/dev', packed.archive, player.token);
    expect([asPlayer.status, asPlayer.body.error?.code]).toEqual([403, 'VTT_ERR_AUTH_ADMIN_ONLY']);
    const reader = await request<{ token: string }>(server, 'POST', '/api/auth/tokens', {
      token: gm.token,
      body: { name: 'reader', scopes: ['campaigns:read'] },
    });
    const asReader = await postArchive('/api/modules/dev', packed.archive, reader.body.token);
    expect([asReader.status, asReader.body.error?.code]).toEqual([403, 'VTT_ERR_AUTH_SCOPE']);
    // A player may not make a token that installs.
    const grab = await request(server, 'POST', '/api/auth/tokens', {
      token: player.token,
      body: { name: 'grab', scopes: ['modules:install'] },
    });
    expect([grab.status, (grab.body as ErrorBody).error?.code]).toEqual([
      403,
      'VTT_ERR_AUTH_ADMIN_ONLY',
    ]);
    expect(await restText(table)).toBe(`${gm.id} rests`);
  });

  it('refuses a module the server does not have, and says how to install it', async () => {
    const manifestFile = join(moduleDir, 'vtt-module.json');
    const manifest = await readFile(manifestFile, 'utf8');
    await writeFile(manifestFile, manifest.replace('"id": "heroes"', '"id": "villains"'));
    await writeFile(
      sourceFile,
      original.replace("id: 'heroes'", "id: 'villains'").replaceAll('heroes:', 'villains:'),
    );
    try {
      const io = bufferIo();
      const stop = new AbortController();
      await runDev(
        moduleDir,
        { server: server.url, token: devToken, keep: false, json: true, signal: stop.signal },
        // The first reload's line tells; stop watching right after it.
        { ...io, stdout: (text) => (io.stdout(text), stop.abort()) },
      );
      const line = JSON.parse(io.out().split('\n')[0]!) as {
        ok: boolean;
        errors: { code: string; message: string }[];
      };
      expect(line.ok).toBe(false);
      expect(line.errors[0]?.code).toBe('VTT_ERR_CLI_SERVER_REFUSED');
      expect(line.errors[0]?.message).toContain('VTT_ERR_DEV_MODULE_NOT_INSTALLED');
      expect(io.out() + io.err()).not.toContain(devToken);
    } finally {
      await writeFile(manifestFile, manifest);
      await writeFile(sourceFile, original);
    }
  });

  it('needs a server to send to', async () => {
    const io = bufferIo();
    const saved = process.env['VTT_SERVER'];
    delete process.env['VTT_SERVER'];
    try {
      expect(await runCli(['dev', moduleDir], io)).toBe(1);
    } finally {
      if (saved !== undefined) process.env['VTT_SERVER'] = saved;
    }
    expect(io.err()).toContain('VTT_ERR_DEV_NO_SERVER');
    expect(io.err()).toContain('--server');
  });
});
