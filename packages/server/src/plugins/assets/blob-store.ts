/**
 * The content-addressed blob store on disk: `assets/<sha256 first 2>/<sha256>`
 * under the data folder, each blob stored once however many asset rows use
 * it, with its derived files beside it (`<sha256>.thumb.webp`,
 * `<sha256>.tiles/`). A file appears under its final name only complete and
 * fsynced: written to a temp file in the same file system, fsynced, renamed,
 * and its folder fsynced.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const SHA256 = /^[0-9a-f]{64}$/;

/** True for a lower-case hex SHA-256, the only names the store makes paths of. */
export function isSha256(value: string): boolean {
  return SHA256.test(value);
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Files of one blob. */
export interface BlobPaths {
  readonly dir: string;
  readonly blob: string;
  readonly thumb: string;
  readonly tiles: string;
}

/**
 * The blob store rooted at `root` (the data folder's `assets/`), with a
 * per-blob lock so that storing a blob and removing it never interleave.
 *
 * @example
 * const store = new BlobStore(join(dataDir, 'assets'));
 * const temp = store.tempPath();
 * // ... stream the upload into temp, hash it ...
 * await store.withLock(sha, () => store.adopt(temp, sha));
 */
export class BlobStore {
  readonly root: string;
  readonly #locks = new Map<string, Promise<unknown>>();

  constructor(root: string) {
    this.root = root;
  }

  /** The paths of blob `sha256`. @throws Error for anything but a hex SHA-256. */
  paths(sha256: string): BlobPaths {
    if (!isSha256(sha256)) throw new Error(`not a sha256: ${sha256}`);
    const dir = join(this.root, sha256.slice(0, 2));
    return {
      dir,
      blob: join(dir, sha256),
      thumb: join(dir, `${sha256}.thumb.webp`),
      tiles: join(dir, `${sha256}.tiles`),
    };
  }

  /** A fresh temp file name in the store's root (same file system as every blob). */
  tempPath(): string {
    return join(this.root, `.upload-${randomBytes(12).toString('hex')}`);
  }

  /** Runs `work` alone among the works on the same blob. */
  async withLock<T>(sha256: string, work: () => Promise<T>): Promise<T> {
    const before = this.#locks.get(sha256) ?? Promise.resolve();
    const run = before.then(work, work);
    const settled = run.catch(() => undefined);
    this.#locks.set(sha256, settled);
    try {
      return await run;
    } finally {
      if (this.#locks.get(sha256) === settled) this.#locks.delete(sha256);
    }
  }

  /**
   * Makes the complete temp file `temp` the blob `sha256`: fsyncs it,
   * renames it into place and fsyncs the folder; when the blob is already
   * stored (same bytes uploaded before) the temp file is removed instead.
   * Call under {@link withLock}.
   */
  async adopt(temp: string, sha256: string): Promise<void> {
    const { dir, blob } = this.paths(sha256);
    if (await exists(blob)) {
      await rm(temp, { force: true });
      return;
    }
    await fsyncPath(temp);
    const made = !(await exists(dir));
    await mkdir(dir, { recursive: true, mode: 0o700 });
    if (made) await fsyncPath(this.root);
    await rename(temp, blob);
    await fsyncPath(dir);
  }

  /** Writes `bytes` as the file `path` beside a blob: temp file in the same folder, fsync, rename, fsync the folder. */
  async writeBeside(path: string, bytes: Uint8Array): Promise<void> {
    const dir = join(path, '..');
    const temp = join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    await fsyncPath(dir);
  }

  /**
   * Makes a folder of derived files (`fill` writes into the temp folder it
   * is given), then renames it into place as `path` and fsyncs the parent.
   * A folder already there is kept (another request made it first).
   */
  async writeFolderBeside(path: string, fill: (temp: string) => Promise<void>): Promise<void> {
    const dir = join(path, '..');
    const temp = join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
    await mkdir(temp, { mode: 0o700 });
    try {
      await fill(temp);
      if (await exists(path)) return;
      await rename(temp, path);
      await fsyncPath(dir);
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  }

  /** Removes the blob and its derived files. Call under {@link withLock}, after checking no row uses it. */
  async remove(sha256: string): Promise<void> {
    const { blob, thumb, tiles, dir } = this.paths(sha256);
    await rm(tiles, { recursive: true, force: true });
    await rm(thumb, { force: true });
    await rm(blob, { force: true });
    await fsyncPath(dir).catch(() => undefined);
  }
}
