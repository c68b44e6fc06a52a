import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { startVitest } from 'vitest/node';
import type { Diagnostic } from '@vtt/core';
import { cliError, coded } from '../lib/cli-error.js';
import { CliError, type CliIo } from '../lib/io.js';
import { vttPackageEntries } from '../lib/vtt-packages.js';

/** Options of `vtt test`. */
export interface TestOptions {
  readonly json: boolean;
  readonly filter?: string;
}

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
 * imports to the SDK this CLI ships. Throws a CliError (exit 1) with one
 * `VTT_ERR_PROJECT_TEST_FAILED` per failing test (file, line, column), or
 * `VTT_ERR_PROJECT_NO_TESTS`; with --json the counts go with the errors.
 */
export async function runTest(
  dirArg: string,
  options: TestOptions,
  io: CliIo,
): Promise<TestSummary> {
  const dir = resolve(dirArg);
  if (!existsSync(dir)) throw cliError('VTT_ERR_PROJECT_DIR_MISSING', { dir });
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
      includeTaskLocation: true,
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
  const files = vitest.state.getFiles() as unknown as TaskNode[];
  await vitest.close();
  const run = countTasks(dir, files);
  const { passed, failed, skipped } = run;
  const summary: TestSummary = {
    ok: run.errors.length === 0 && passed > 0,
    passed,
    failed,
    skipped,
    files: files.length,
  };
  if (options.json) {
    if (summary.ok) io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    io.stdout(
      `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''} in ${files.length} file(s)\n`,
    );
  }
  const counts = { passed, failed, skipped, files: files.length };
  if (files.length === 0 || passed + failed === 0) {
    throw cliError('VTT_ERR_PROJECT_NO_TESTS', { dir }, {}, { data: counts });
  }
  const [first, ...rest] = run.errors;
  if (first !== undefined) {
    throw new CliError([first, ...rest], {
      summary:
        failed > 0
          ? `${failed} test(s) failed.`
          : `The test run failed with ${run.errors.length} error(s).`,
      data: counts,
    });
  }
  return summary;
}

/** What `vtt test` reads of vitest's task tree (files, suites and tests). */
interface TaskNode {
  readonly type: string;
  readonly name: string;
  readonly mode?: string;
  readonly filepath?: string;
  readonly location?: { readonly line: number; readonly column: number };
  readonly result?: { readonly state?: string; readonly errors?: readonly { message?: string }[] };
  readonly tasks?: readonly TaskNode[];
}

/** The gist of an error message: its first line (and the next, after a colon), without colours. */
function firstLine(message: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const lines = (message ?? 'no message').replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  const text = lines.map((line) => line.trim()).filter((line) => line !== '');
  const gist = text[0]?.endsWith(':') && text[1] ? `${text[0]} ${text[1]}` : (text[0] ?? '');
  return gist.length > 300 ? `${gist.slice(0, 297)}...` : gist;
}

/** Counts the tests of a run and turns each failure into a coded error at its file and line. */
function countTasks(dir: string, files: readonly TaskNode[]) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const errors: Diagnostic[] = [];
  for (const root of files) {
    const file = relative(dir, root.filepath ?? root.name) || root.name;
    const visit = (task: TaskNode, names: readonly string[]) => {
      const here = task === root ? names : [...names, task.name];
      const at = { file, ...(task.location ?? {}) };
      if (task.type === 'test') {
        if (task.mode === 'skip' || task.mode === 'todo') skipped++;
        else if (task.result?.state === 'pass') passed++;
        else {
          failed++;
          const problem = firstLine(task.result?.errors?.[0]?.message ?? 'it did not run');
          errors.push(
            coded('VTT_ERR_PROJECT_TEST_FAILED', { test: here.join(' > '), problem }, at),
          );
        }
      } else if (task.result?.state === 'fail' && (task.result.errors?.length ?? 0) > 0) {
        // A file that does not load, or a failing beforeAll/afterAll of a suite.
        const problem = firstLine(task.result.errors![0]!.message);
        errors.push(
          task === root
            ? coded('VTT_ERR_PROJECT_TEST_FILE_FAILED', { file, problem }, { file })
            : coded('VTT_ERR_PROJECT_TEST_FAILED', { test: here.join(' > '), problem }, at),
        );
        if (task === root && (task.tasks?.length ?? 0) === 0) failed++;
      }
      for (const child of task.tasks ?? []) visit(child, here);
    };
    visit(root, []);
  }
  return { passed, failed, skipped, errors };
}
