/**
 * vtt backup and vtt restore, in-process, on a real server's data folder
 * while the server runs: the archive restores into a new folder that a
 * server starts on with the same campaign; the commands' refusals name the
 * problem and exit 1.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type VttServer } from '@vtt/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../lib/io.js';
import { runCli } from '../program.js';

let base: string;
let data: string;
let server: VttServer;

async function vtt(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'vtt-backup-cli-'));
  data = join(base, 'vtt-data');
  server = await createServer({
    host: '127.0.0.1',
    port: 0,
    dataDir: data,
    logLevel: 'silent',
    installExamples: false,
  });
});
afterAll(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

describe('vtt backup and vtt restore', () => {
  it('backs up a running server and restores it into a new folder a server starts on', async () => {
    const out = join(base, 'b.tar.gz');
    const made = await vtt('backup', '--data', data, '--out', out, '--json');
    expect(made.code, made.err).toBe(0);
    expect(JSON.parse(made.out)).toMatchObject({ path: out, campaigns: 0 });
    expect(made.err).toContain('[1/'); // progress, per file
    const target = join(base, 'restored');
    const restored = await vtt('restore', out, '--data', target);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toContain(`start it with: vtt serve --data ${target}`);
    const again = await createServer({
      host: '127.0.0.1',
      port: 0,
      dataDir: target,
      logLevel: 'silent',
      installExamples: false,
    });
    try {
      // Ready once its sandbox workers answer (a load balancer polls the same way).
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        status = (await fetch(`${again.url}/readyz`)).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(status).toBe(200);
    } finally {
      await again.close();
    }
  });

  it('refuses a folder with no database and an archive that is no backup, naming each', async () => {
    const empty = join(base, 'empty');
    const none = await vtt('backup', '--data', empty, '--out', join(base, 'x.tar.gz'));
    expect(none.code).toBe(1);
    expect(none.err).toContain('VTT_ERR_BACKUP_NO_SQLITE');
    const junk = join(base, 'junk.tar.gz');
    await writeFile(junk, 'not an archive');
    const bad = await vtt('restore', junk, '--data', join(base, 'from-junk'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('VTT_ERR_BACKUP_NOT_ARCHIVE');
    expect(bad.err).toContain('it is not gzip-compressed');
    expect(await readdir(base)).not.toContain('from-junk');
  });

  it('has --help for both commands', async () => {
    for (const command of ['backup', 'restore']) {
      const help = await vtt(command, '--help');
      expect(help.code).toBe(0);
      expect(help.out).toContain('Examples:');
    }
  });
});
