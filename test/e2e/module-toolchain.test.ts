/**
 * The module author's whole flow through the real `vtt` binary, for every
 * template, in a folder outside the repository:
 * new -> build -> validate -> test -> pack -> inspect.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../packages/cli/bin/vtt.js', import.meta.url));
const dist = fileURLToPath(new URL('../../packages/cli/dist/index.js', import.meta.url));

async function vtt(cwd: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let parent: string;
beforeAll(async () => {
  if (!existsSync(dist)) throw new Error('The CLI is not built: run `npm run build` first.');
  parent = await mkdtemp(join(tmpdir(), 'vtt-e2e-'));
});
afterAll(() => rm(parent, { recursive: true, force: true }));

describe.each(['d20', 'dice-pool', '2d6', 'blank'])(
  'the %s template, through the vtt binary',
  (template) => {
    const name = `e2e ${template} game`.replace('2d6', 'two-dice');
    const id = name.replace(/ /g, '-');
    const dir = () => join(parent, id);

    it('scaffolds, builds, validates, tests, packs and inspects', async () => {
      const created = await vtt(parent, 'new', name, '--template', template, '--json');
      expect(created.code, created.stderr).toBe(0);
      expect(JSON.parse(created.stdout)).toMatchObject({ id, template });

      // Editors: the module type-checks against the SDK declarations the CLI put in .vtt/types.
      const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
      const typecheck = await run(process.execPath, [tsc, '-p', dir()]).then(
        () => 0,
        (error: { stdout: string }) => error.stdout,
      );
      expect(typecheck).toBe(0);

      const built = await vtt(dir(), 'build', '--json');
      expect(built.code, built.stderr).toBe(0);
      expect(JSON.parse(built.stdout)).toMatchObject({ ok: true, outFile: 'dist/module.js' });

      const validated = await vtt(dir(), 'validate', '--json');
      expect(validated.code, validated.stdout).toBe(0);
      expect(JSON.parse(validated.stdout)).toMatchObject({ ok: true, errors: [], warnings: [] });

      const tested = await vtt(dir(), 'test', '--json');
      expect(tested.code, tested.stderr).toBe(0);
      const counts = JSON.parse(tested.stdout) as { passed: number; failed: number };
      expect(counts.failed).toBe(0);
      expect(counts.passed).toBeGreaterThan(0);

      const packed = await vtt(dir(), 'pack', '--json');
      expect(packed.code, packed.stderr).toBe(0);
      const archive = JSON.parse(packed.stdout) as {
        file: string;
        digest: string;
        files: string[];
      };
      expect(archive.files).toContain('vtt-module.json');
      expect(archive.files).toContain('dist/module.js');
      const repacked = await vtt(dir(), 'pack', '--json', '--out', 'again.vttmod');
      expect(
        Buffer.compare(await readFile(archive.file), await readFile(join(dir(), 'again.vttmod'))),
      ).toBe(0);
      expect(JSON.parse(repacked.stdout).digest).toBe(archive.digest);

      const inspected = await vtt(dir(), 'inspect', archive.file);
      expect(inspected.code, inspected.stderr).toBe(0);
      expect(inspected.stdout).toContain(`digest sha256 ${archive.digest} (verified)`);
    });
  },
);
