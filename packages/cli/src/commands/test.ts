import { Command } from 'commander';
import type { CliIo } from '../lib/io.js';
import type { TestOptions } from './run-test.js';

/** Defines `vtt test`; the implementation is loaded only when the command runs. */
export function testCommand(io: CliIo): Command {
  return new Command('test')
    .summary("run the module's tests against the real sandbox")
    .description(
      "Run the module's tests (src/**/*.test.ts and test/**/*.test.ts) with vitest. Tests import " +
        'createTestTable, describe, it and expect from @vtt/sdk/testing: the module runs in the real ' +
        'QuickJS sandbox through the same pipeline as the server. Nothing to install or configure.',
    )
    .argument('[dir]', 'the module folder', '.')
    .option('-t, --filter <pattern>', 'only run tests whose name matches the pattern')
    .option('--json', 'print { ok, passed, failed, skipped, files } as JSON', false)
    .addHelpText(
      'after',
      ['', 'Examples:', '  $ vtt test', '  $ vtt test ./my-system -t "critical"'].join('\n'),
    )
    .action(async (dir: string, options: TestOptions) => {
      const { runTest } = await import('./run-test.js');
      await runTest(dir, options, io);
    });
}
