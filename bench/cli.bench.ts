/**
 * Toolchain speed: `vtt build` and `vtt pack` on a scaffolded module, beside
 * a bare esbuild bundle of the same source in the same run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bufferIo, runCli } from '@vtt/cli';
import { build } from 'esbuild';
import { latency, printRows } from './harness.js';

/** Runs the CLI benchmarks and prints their table. */
export async function benchCli(): Promise<void> {
  const parent = await mkdtemp(join(tmpdir(), 'vtt-bench-'));
  try {
    const io = bufferIo();
    if ((await runCli(['new', 'bench-module', '--template', 'd20', '--dir', parent], io)) !== 0) {
      throw new Error(`vtt new failed: ${io.err()}`);
    }
    const dir = join(parent, 'bench-module');
    const run = async (...argv: string[]) => {
      const out = bufferIo();
      const code = await runCli(argv, out);
      if (code !== 0) throw new Error(`vtt ${argv.join(' ')} failed: ${out.err()}`);
    };
    // The bare baseline: esbuild alone on the same input (the module and the SDK guest
    // runtime it is wrapped in), SDK resolved from this repository, nothing written.
    const entry = join(dir, 'src/module.ts');
    const bare = await latency(async () => {
      await build({
        stdin: {
          contents: [
            `import definition from ${JSON.stringify(entry)};`,
            `import { createGuestEntry } from '@vtt/sdk/guest';`,
            'export default createGuestEntry(definition);',
          ].join('\n'),
          resolveDir: join(dir, 'src'),
          loader: 'js',
        },
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'neutral',
        conditions: ['@vtt/source'],
        mainFields: ['module', 'main'],
        logLevel: 'silent',
        nodePaths: [join(process.cwd(), 'node_modules')],
      });
    }, 20);
    const built = await latency(() => run('build', dir), 20);
    const packed = await latency(() => run('pack', dir), 10);
    printRows('toolchain (baseline: bare esbuild bundle of the same source, in the same run)', [
      {
        name: 'vtt build (scaffolded d20 module)',
        value: built.p50 / 1000,
        baseline: bare.p50 / 1000,
        unit: 'ms',
        better: 'lower',
      },
      {
        name: 'vtt pack (validate+build+sandbox check+archive)',
        value: packed.p50 / 1000,
        baseline: bare.p50 / 1000,
        unit: 'ms',
        better: 'lower',
      },
    ]);
  } finally {
    await rm(parent, { recursive: true, force: true });
  }
}
