/**
 * Type declarations for editors: a module folder anywhere on disk gets the
 * `.d.ts` files of the SDK this CLI ships in `.vtt/types/`, and its
 * tsconfig.json maps `@vtt/sdk` there, so editors complete and check module
 * code with nothing installed. `vtt new` writes them; `vtt build` refreshes
 * them (they follow the CLI's version).
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { VTT_PACKAGES } from './vtt-packages.js';

const require = createRequire(import.meta.url);

async function declarations(root: string, folder = ''): Promise<string[]> {
  const entries = await readdir(join(root, folder), { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory()) found.push(...(await declarations(root, path)));
    else if (entry.name.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

/**
 * Copies the built declarations of the SDK packages into `<dir>/.vtt/types`,
 * replacing what was there. Returns the number of files written, or 0 when
 * they are already up to date or the packages are not built (a CLI run from
 * source), in which case nothing changes.
 *
 * @example
 * await writeEditorTypes('./my-system'); // 14
 */
export async function writeEditorTypes(dir: string): Promise<number> {
  const sources = VTT_PACKAGES.map((name) => ({
    folder: name.slice('@vtt/'.length), // `.vtt/types/sdk`, as the module's tsconfig maps it
    dist: join(dirname(require.resolve(`${name}/package.json`)), 'dist'),
  }));
  if (!sources.every((source) => existsSync(join(source.dist, 'index.d.ts')))) return 0;
  const target = join(dir, '.vtt', 'types');
  // A stamp of the declarations' build: unchanged SDK, nothing to copy (keeps `vtt build` fast).
  const built = await Promise.all(sources.map((s) => stat(join(s.dist, 'index.d.ts'))));
  const stamp = built.map((info) => `${info.size}:${info.mtimeMs}`).join(',');
  const stampFile = join(target, '.stamp');
  if ((await readFile(stampFile, 'utf8').catch(() => '')) === stamp) return 0;
  await rm(target, { recursive: true, force: true });
  let count = 0;
  for (const source of sources) {
    for (const file of await declarations(source.dist)) {
      const to = join(target, source.folder, file);
      await mkdir(dirname(to), { recursive: true });
      await copyFile(join(source.dist, file), to);
      count++;
    }
  }
  await writeFile(stampFile, stamp);
  return count;
}

/** Where the declarations go, relative to the module folder (for messages). */
export const EDITOR_TYPES_DIR = relative('.', join('.vtt', 'types'));
