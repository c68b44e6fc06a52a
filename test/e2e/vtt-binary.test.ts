/**
 * Runs the real `vtt` binary (the built CLI, as `npx vtt` does after
 * `npm install`) in a child process.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../packages/cli/bin/vtt.js', import.meta.url));
const dist = fileURLToPath(new URL('../../packages/cli/dist/index.js', import.meta.url));

async function vtt(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the vtt binary', () => {
  beforeAll(() => {
    if (!existsSync(dist)) throw new Error('The CLI is not built: run `npm run build` first.');
  });

  it('rolls reproducibly from a seed and exits 0', async () => {
    const a = await vtt('roll', '4d6kh3', '--times', '6', '--seed', '42', '--json');
    const b = await vtt('roll', '4d6kh3', '--times', '6', '--seed', '42', '--json');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const totals = (JSON.parse(a.stdout) as { total: number }[]).map((r) => r.total);
    expect(totals).toHaveLength(6);
    for (const total of totals) expect(total).toBeGreaterThanOrEqual(3);
  });

  it('exits 1 with the error code on bad notation', async () => {
    const result = await vtt('roll', '3d');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('VTT_ERR_DICE_SYNTAX');
  });

  it('exits 2 on an unknown command and prints help on --help', async () => {
    expect((await vtt('fly')).code).toBe(2);
    const help = await vtt('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('roll');
  });
});
