import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isVttError } from '@vtt/core';
import { extractArchive, inspectArchive, readArchive } from './index.js';
import { containerRefusals } from './test-support/container-refusals.js';
import { contentRefusals } from './test-support/content-refusals.js';

const cases = [...containerRefusals, ...contentRefusals];

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isVttError(error)) return error.code;
    throw error;
  }
  return 'nothing thrown';
}

describe('readArchive refuses', () => {
  it.each(cases)('$name ($code)', ({ archive, code, limits }) => {
    const bytes = archive(join(tmpdir(), 'never-created'));
    expect(codeOf(() => readArchive(bytes, limits))).toBe(`VTT_ERR_ARCHIVE_${code}`);
    expect(codeOf(() => inspectArchive(bytes, limits))).toBe(`VTT_ERR_ARCHIVE_${code}`);
  });
});

describe('extractArchive refuses without writing anything', () => {
  let base = '';
  let into = '';
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'vtt-archive-test-'));
    into = join(base, 'into');
    await mkdir(into);
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it.each(cases)('$name ($code)', async ({ archive, code, limits }) => {
    const bytes = archive(base);
    await expect(extractArchive(bytes, { into, limits })).rejects.toMatchObject({
      code: `VTT_ERR_ARCHIVE_${code}`,
    });
    expect(await readdir(into)).toEqual([]);
    expect(await readdir(base)).toEqual(['into']);
    expect(existsSync(join(into, '..', 'evil'))).toBe(false);
  });
});
