import { describe, expect, it } from 'vitest';
import { bufferIo } from '../lib/io.js';
import { runCli } from '../program.js';

async function vtt(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('vtt roll', () => {
  it('prints a breakdown that ends with the total', async () => {
    const { code, out } = await vtt('roll', '4d6kh3', '--seed', '42');
    expect(code).toBe(0);
    expect(out).toMatch(/^4d6kh3 .*= \d+\n$/);
    const total = Number(/= (\d+)\n$/.exec(out)?.[1]);
    expect(total).toBeGreaterThanOrEqual(3);
    expect(total).toBeLessThanOrEqual(18);
  });

  it('gives the same dice for the same seed, and prints JSON with --json', async () => {
    const a = await vtt('roll', '3d6+2', '--seed', '7', '--json');
    const b = await vtt('roll', '3d6+2', '--seed', '7', '--json');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const result = JSON.parse(a.out) as { total: number; notation: string };
    expect(result.notation).toBe('3d6+2');
    expect(result.total).toBeGreaterThanOrEqual(5);
    expect(result.total).toBeLessThanOrEqual(20);
  });

  it('prints an array of n results with --times n --json, drawn from one sequence', async () => {
    const { code, out } = await vtt('roll', '1d1000', '--times', '5', '--seed', '3', '--json');
    expect(code).toBe(0);
    const results = JSON.parse(out) as { total: number }[];
    expect(results).toHaveLength(5);
    expect(new Set(results.map((r) => r.total)).size).toBeGreaterThan(1);
  });

  it('prints one line per roll with --times', async () => {
    const { out } = await vtt('roll', '1d20', '--times', '4', '--seed', 'abc');
    expect(out.trimEnd().split('\n')).toHaveLength(4);
  });

  it('fails with exit code 1, the error code and a caret on bad notation', async () => {
    const { code, out, err } = await vtt('roll', '2d6+', '--seed', '1');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('VTT_ERR_DICE_SYNTAX');
    expect(err).toMatch(/\n {2}2d6\+\n {2} {4}\^/);
  });

  it('refuses hostile notation with its own limit code', async () => {
    const { code, err } = await vtt('roll', '1000000000d6', '--seed', '1');
    expect(code).toBe(1);
    expect(err).toContain('VTT_ERR_DICE_TOO_MANY_DICE');
  });

  it('treats a bad --times as a usage error (exit 2)', async () => {
    const { code, err } = await vtt('roll', '1d6', '--times', 'lots');
    expect(code).toBe(2);
    expect(err).toContain('--times');
  });

  it('has --help with examples', async () => {
    const { code, out } = await vtt('roll', '--help');
    expect(code).toBe(0);
    expect(out).toContain('Examples:');
    expect(out).toContain('--seed');
  });
});
