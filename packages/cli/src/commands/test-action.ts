import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startVitest } from 'vitest/node';
import { CliError, type CliIo } from '../lib/io.js';
import { vttPackageEntries } from '../lib/vtt-packages.js';
import type { TestOptions } from './test.js';

/** The counts of one run. */
export interface TestSummary {
  readonly ok: boolean;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly files: number;
}

/**
 * Runs the tests of the module in `dirArg` with vitest, resolving `@vtt/*`
 * imports to the SDK this CLI ships. Throws CliError (exit 1) when a test
 * fails or none exists.
 */
export async function runTest(
  dirArg: string,
  options: TestOptions,
  io: CliIo,
): Promise<TestSummary> {
  const dir = resolve(dirArg);
  if (!existsSync(dir)) throw new CliError(`The folder ${dir} does not exist.`);
  const alias = vttPackageEntries().map(([find, replacement]) => ({
    find: new RegExp(`^${find.replace(/[/]/g, '\\/')}$`),
    replacement,
  }));
  const vitest = await startVitest(
    'test',
    [],
    {
      root: dir,
      config: false,
      watch: false,
      include: ['src/**/*.test.ts', 'src/**/*.test.js', 'test/**/*.test.ts', 'test/**/*.test.js'],
      passWithNoTests: true,
      testTimeout: 30_000,
      reporters: options.json ? [] : ['default'],
      ...(options.filter === undefined ? {} : { testNamePattern: options.filter }),
    },
    {
      resolve: { alias },
      logLevel: options.json ? 'silent' : 'warn',
      // Vite's cache goes to the system's temp folder, never into the module folder.
      cacheDir: join(tmpdir(), 'vtt-test-cache'),
    },
    // With --json, stdout carries only the JSON: vitest's own output goes to stderr.
    options.json ? { stdout: process.stderr, stderr: process.stderr } : {},
  );
  const files = vitest.state.getFiles();
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const visit = (task: {
    type: string;
    mode?: string;
    result?: { state?: string };
    tasks?: unknown[];
  }) => {
    if (task.type === 'test') {
      if (task.mode === 'skip' || task.mode === 'todo') skipped++;
      else if (task.result?.state === 'pass') passed++;
      else failed++;
    }
    for (const child of (task.tasks ?? []) as (typeof task)[]) visit(child);
  };
  for (const file of files) {
    visit(file as never);
    if (
      (file as { result?: { state?: string } }).result?.state === 'fail' &&
      (file as { tasks?: unknown[] }).tasks?.length === 0
    )
      failed++;
  }
  await vitest.close();
  const summary: TestSummary = {
    ok: failed === 0 && passed > 0,
    passed,
    failed,
    skipped,
    files: files.length,
  };
  if (options.json) io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
  else
    io.stdout(
      `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''} in ${files.length} file(s)\n`,
    );
  if (files.length === 0 || passed + failed === 0) {
    throw new CliError(
      `No tests found in ${dir} (src/**/*.test.ts). Add one: see docs/modules/tutorial.md.`,
    );
  }
  if (failed > 0) throw new CliError(`${failed} test(s) failed.`);
  return summary;
}
