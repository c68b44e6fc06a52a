/**
 * An example module copied out of the repository, as it is (without dist/,
 * .vtt/ or node_modules/), builds, validates, tests and packs with the `vtt`
 * CLI alone, as a scaffolded module does: nothing in the copy reaches back
 * into the repository (its tsconfig, its node_modules). In-process, from
 * source; .ci/run does the same for every example through the real binary.
 */
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferIo, runCli } from '@vtt/cli';

const example = fileURLToPath(new URL('../../examples/traveller', import.meta.url));
const LEFT_OUT = new Set(['dist', '.vtt', 'node_modules']);
let parent: string;
let dir: string;

async function vtt(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'vtt-copied-example-'));
  dir = join(parent, 'traveller');
  await cp(example, dir, {
    recursive: true,
    filter: (source) => {
      const name = source.slice(example.length + 1).split(/[\\/]/)[0] ?? '';
      return !LEFT_OUT.has(name) && !name.endsWith('.vttmod');
    },
  });
});
afterAll(() => rm(parent, { recursive: true, force: true }));

describe('the traveller example, copied out of the repository', () => {
  it('has nothing of the repository in it', async () => {
    const entries = await readdir(dir);
    expect(entries).toContain('tsconfig.json');
    for (const left of LEFT_OUT) expect(entries).not.toContain(left);
  });

  it('builds with no warning, and validates', async () => {
    const built = await vtt('build', dir, '--json');
    expect(built.code, built.out).toBe(0);
    expect(JSON.parse(built.out)).toMatchObject({ ok: true, errors: [], warnings: [] });
    const validated = await vtt('validate', dir, '--json');
    expect(validated.code, validated.out).toBe(0);
  });

  it('loads every test file and passes the data tests', async () => {
    // Every file is loaded (a broken tsconfig or import fails them all); one test runs, to keep CI fast.
    const tested = await vtt('test', dir, '--json', '--filter', 'validates: manifest');
    expect(tested.code, tested.out).toBe(0);
    const summary = JSON.parse(tested.out) as { passed: number; files: number };
    expect(summary.passed).toBeGreaterThan(0);
    expect(summary.files).toBeGreaterThan(1);
  });

  it('packs, checking the bundle in the sandbox', async () => {
    const packed = await vtt('pack', dir, '--json');
    expect(packed.code, packed.out).toBe(0);
    expect(JSON.parse(packed.out)).toMatchObject({
      files: expect.arrayContaining(['dist/module.js']),
    });
  });
});
