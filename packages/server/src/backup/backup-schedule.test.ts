/**
 * Scheduled backups: a server configured to back up every 300 ms writes
 * archives that restore, keeps only the newest `backupKeep`, and the
 * pruning never touches other files.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/server-config.js';
import { startTestServer } from '../test-support/test-server.js';
import { pruneBackups, scheduledName } from './backup-schedule.js';
import { restoreBackup } from './restore-backup.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'vtt-backup-schedule-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('scheduled backups', () => {
  it('refuses a schedule that is no number of minutes, naming the setting', () => {
    for (const bad of ['-1', 'often', '']) {
      expect(() => resolveConfig({ backupEveryMinutes: bad }, {})).toThrow(
        expect.objectContaining({
          code: 'VTT_ERR_CONFIG_INVALID',
          params: expect.objectContaining({ setting: '--backup-every (VTT_BACKUP_EVERY)' }),
        }),
      );
    }
    expect(resolveConfig({}, { VTT_BACKUP_EVERY: '360' }).backupEveryMinutes).toBe(360);
  });

  it('prunes to the newest archives and leftover .partial files, nothing else', async () => {
    const dir = join(work, 'prune');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir);
    const names = Array.from({ length: 6 }, (_, i) =>
      scheduledName(new Date(Date.UTC(2026, 0, 1, i))),
    );
    for (const name of [...names].reverse()) await writeFile(join(dir, name), 'x');
    await writeFile(join(dir, `${scheduledName(new Date(Date.UTC(2026, 0, 2)))}.partial`), 'x');
    await writeFile(join(dir, 'my-own-notes.txt'), 'keep me');
    await pruneBackups(dir, 2);
    expect((await readdir(dir)).sort()).toEqual([...names.slice(4), 'my-own-notes.txt'].sort());
  });

  it('a server on a schedule writes backups that restore, keeping the newest 2', async () => {
    const server = await startTestServer({ backupEveryMinutes: 0.005, backupKeep: 2 });
    const dir = join(server.dataDir, 'backups');
    try {
      const archives = async () =>
        (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.tar.gz'));
      let seen = new Set<string>();
      for (let i = 0; i < 100 && seen.size < 4; i++) {
        for (const name of await archives()) seen = new Set([...seen, name]);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(seen.size).toBeGreaterThanOrEqual(4); // at least 4 were written over time...
      const kept = await archives();
      expect(kept.length).toBeLessThanOrEqual(2); // ...and only the newest 2 are kept
      expect(kept.length).toBeGreaterThanOrEqual(1);
      const newest = kept.sort().at(-1)!;
      const restored = await restoreBackup({
        archive: join(dir, newest),
        dataDir: join(work, 'restored'),
      });
      expect(restored.manifest.files.map((f) => f.path)).toContain('vtt.sqlite');
    } finally {
      await server.dispose();
    }
  }, 30_000);
});
