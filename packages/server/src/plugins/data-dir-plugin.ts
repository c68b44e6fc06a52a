/**
 * The data folder: created private to the server's user (0700), with the
 * token-signing key generated on first start (0600). The key is never
 * printed or logged.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { VttError } from '@vtt/core';
import fp from 'fastify-plugin';

/** Sub-folders of the data folder. */
export const DATA_FOLDERS = ['assets', 'modules', 'tmp'] as const;

const KEY_FILE = 'signing-key';

async function loadOrCreateKey(dataDir: string): Promise<Uint8Array> {
  const file = join(dataDir, KEY_FILE);
  try {
    const key = await readFile(file);
    if (key.length >= 32) return new Uint8Array(key);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  const handle = await open(file, 'wx', 0o600).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') return null; // another process made it first
    throw error;
  });
  if (handle === null) return new Uint8Array(await readFile(file));
  await handle.writeFile(key);
  await handle.sync();
  await handle.close();
  return new Uint8Array(key);
}

/** Prepares the data folder and decorates `signingKey`. */
export const dataDirPlugin = fp(
  async (app) => {
    const dir = app.vttConfig.dataDir;
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await chmod(dir, 0o700);
      for (const sub of DATA_FOLDERS) await mkdir(join(dir, sub), { recursive: true, mode: 0o700 });
      if (!(await stat(dir)).isDirectory()) throw new Error('not a folder');
    } catch (error) {
      throw new VttError(
        'VTT_ERR_CONFIG_DATA_DIR',
        { path: dir, problem: (error as Error).message },
        { cause: error },
      );
    }
    app.decorate('signingKey', await loadOrCreateKey(dir));
  },
  { name: 'vtt-data-dir' },
);
