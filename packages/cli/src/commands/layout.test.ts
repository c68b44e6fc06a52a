/**
 * The shape of the commands folder (CONVENTIONS.md): one command per file,
 * which loads its implementation `run-<command>.ts` only when it runs; an
 * implementation imports nothing back from a command file, so there is no
 * import circle and `vtt --help` loads no implementation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const folder = fileURLToPath(new URL('.', import.meta.url));
const sources = readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
const commands = sources.filter((f) => !f.startsWith('run-'));
const imports = (file: string) =>
  [
    ...readFileSync(`${folder}/${file}`, 'utf8').matchAll(
      /^import (type )?[^;]*?from '([^']+)'/gms,
    ),
  ].map((m) => ({ typeOnly: m[1] !== undefined, from: m[2]! }));

describe('packages/cli/src/commands', () => {
  it.each(commands)('%s has its implementation in run-<command>.ts', (file) => {
    expect(sources).toContain(`run-${file}`);
  });

  it.each(commands)('%s imports its implementation only lazily (or its types)', (file) => {
    const eager = imports(file).filter((i) => i.from.startsWith('./') && !i.typeOnly);
    expect(eager).toEqual([]);
    expect(readFileSync(`${folder}/${file}`, 'utf8')).toContain(
      `await import('./run-${file.replace(/\.ts$/, '.js')}')`,
    );
  });

  it.each(sources.filter((f) => f.startsWith('run-')))(
    '%s imports nothing from a command file',
    (file) => {
      const back = imports(file).filter((i) => i.from.startsWith('./'));
      expect(back).toEqual([]);
    },
  );
});
