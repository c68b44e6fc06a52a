import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleModule } from './bundle-module.js';

const fixture = fileURLToPath(new URL('../../../cli/test-fixtures/heroes', import.meta.url));
const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

async function copyAt(...segments: string[]): Promise<string> {
  const parent = await mkdtemp(join(tmpdir(), 'vtt-bundle-'));
  made.push(parent);
  const dir = join(parent, ...segments);
  await mkdir(dir, { recursive: true });
  await cp(fixture, dir, { recursive: true });
  return dir;
}

describe('bundleModule', () => {
  it('gives the same bundle and source map wherever the module folder is', async () => {
    const near = await copyAt('m');
    const far = await copyAt('a', 'much', 'deeper', 'folder');
    const first = await bundleModule({ entry: join(near, 'src/module.ts') });
    const second = await bundleModule({ entry: join(far, 'src/module.ts') });
    expect(first.errors).toEqual([]);
    expect(second.code).toBe(first.code);
    expect(second.map).toBe(first.map);
    expect(first.code).not.toContain(near);
    expect(first.map).not.toContain(tmpdir());
    expect(JSON.parse(first.map!).sources).toContain('src/module.ts');
  });

  it('leaves out what the module does not use (no JSON Schema compiler in the bundle)', async () => {
    const dir = await copyAt('m');
    const { code } = await bundleModule({ entry: join(dir, 'src/module.ts') });
    expect(code).toContain('vttDescribe');
    expect(code).not.toMatch(/ajv/i);
  });
});
