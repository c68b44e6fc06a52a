/**
 * Every command's main failure, in-process: a code from core's error table,
 * a non-zero exit code, and with --json the failure as data on stdout:
 * `{ ok: false, errors: [{ code, message, fix, file?, line?, column? }] }`.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@vtt/core';
import { asCliError } from '../lib/cli-error.js';
import { EXIT_CODES, bufferIo } from '../lib/io.js';
import { runCli } from '../program.js';

interface ErrorEntry {
  code: string;
  message: string;
  fix: string;
  file?: string;
  pointer?: string;
  line?: number;
  column?: number;
}
interface Failure {
  ok: false;
  errors: ErrorEntry[];
  warnings: ErrorEntry[];
  [field: string]: unknown;
}

const fixture = fileURLToPath(new URL('../../test-fixtures/heroes', import.meta.url));
let temp: string;

async function vtt(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** Runs `vtt <argv> --json`, expects it to fail, and returns the parsed error document. */
async function failure(...argv: string[]): Promise<Failure & { exit: number }> {
  const { code, out } = await vtt(...argv, '--json');
  expect(code).not.toBe(EXIT_CODES.ok);
  const document = JSON.parse(out) as Failure;
  expect(document.ok).toBe(false);
  expect(document.errors.length).toBeGreaterThan(0);
  for (const error of document.errors) {
    expect(Object.keys(ERROR_CODES)).toContain(error.code);
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.fix.length).toBeGreaterThan(0);
  }
  return { ...document, exit: code };
}

/** A fresh copy of the fixture module. */
async function heroes(name: string): Promise<string> {
  const dir = join(temp, name);
  await cp(fixture, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'vtt-json-errors-'));
});
afterAll(() => rm(temp, { recursive: true, force: true }));

describe('vtt roll --json on bad notation', () => {
  it('prints the dice code and the 1-based column as data, and no caret', async () => {
    const { code, out, err } = await vtt('roll', '2d', '--json');
    expect(code).toBe(EXIT_CODES.failure);
    expect(err).toBe('');
    const document = JSON.parse(out) as Failure;
    expect(document.errors).toMatchObject([{ code: 'VTT_ERR_DICE_SYNTAX', column: 3 }]);
  });

  it('prints a limit code the same way', async () => {
    const document = await failure('roll', '1000000000d6');
    expect(document.errors[0]!.code).toBe('VTT_ERR_DICE_TOO_MANY_DICE');
  });
});

describe('vtt new', () => {
  it.each([
    ['my/game', 'VTT_ERR_PROJECT_NAME_IS_PATH'],
    ['Ça va', 'VTT_ERR_PROJECT_NAME_INVALID'],
    ['ab', 'VTT_ERR_PROJECT_NAME_BAD_ID'],
    ['vtt', 'VTT_ERR_PROJECT_NAME_RESERVED'],
  ])('refuses the name %j with %s', async (name, expected) => {
    const document = await failure('new', name, '--dir', temp);
    expect(document.errors.map((e) => e.code)).toEqual([expected]);
  });

  it('refuses a folder that is not empty with VTT_ERR_PROJECT_DIR_NOT_EMPTY', async () => {
    await heroes('taken');
    const document = await failure('new', 'taken', '--dir', temp);
    expect(document.errors[0]!.code).toBe('VTT_ERR_PROJECT_DIR_NOT_EMPTY');
  });
});

describe('vtt build', () => {
  it('says the folder does not exist', async () => {
    const document = await failure('build', join(temp, 'nowhere'));
    expect(document.errors[0]!.code).toBe('VTT_ERR_PROJECT_DIR_MISSING');
  });

  it('gives a syntax error its file, line and column', async () => {
    const dir = await heroes('broken-build');
    const source = await readFile(join(dir, 'src/module.ts'), 'utf8');
    await writeFile(join(dir, 'src/module.ts'), `${source}\nconst broken = ;\n`);
    const document = await failure('build', dir);
    expect(document.errors).toMatchObject([
      {
        code: 'VTT_ERR_PROJECT_BUILD_FAILED',
        file: 'src/module.ts',
        line: source.split('\n').length + 1,
        column: 16,
      },
    ]);
    expect(document['outFile']).toBe('dist/module.js');
  });

  it('builds with a warning that does not say the build failed', async () => {
    const dir = await heroes('warned');
    const source = await readFile(join(dir, 'src/module.ts'), 'utf8');
    await writeFile(
      join(dir, 'src/module.ts'),
      `${source}\nexport const twice = { a: 1, a: 2 };\n`,
    );
    const human = await vtt('build', dir);
    expect(human.code).toBe(EXIT_CODES.ok);
    expect(human.err).toContain('warning VTT_ERR_PROJECT_BUILD_WARNING');
    expect(human.err).not.toContain('FAILED');
    const { code, out } = await vtt('build', dir, '--json');
    expect(code).toBe(EXIT_CODES.ok);
    const report = JSON.parse(out) as { ok: boolean; warnings: ErrorEntry[] };
    expect(report.ok).toBe(true);
    expect(report.warnings).toMatchObject([
      { code: 'VTT_ERR_PROJECT_BUILD_WARNING', file: 'src/module.ts' },
    ]);
  });
});

describe('vtt validate and vtt pack', () => {
  it('validate says there is no manifest', async () => {
    const document = await failure('validate', temp);
    expect(document.errors[0]!.code).toBe('VTT_ERR_PROJECT_NO_MANIFEST');
  });

  it('validate gives a JSON syntax error its line and column', async () => {
    const dir = await heroes('bad-json');
    await writeFile(join(dir, 'vtt-module.json'), '{\n  "id": "heroes"\n  "name": "Heroes"\n}\n');
    const document = await failure('validate', dir);
    expect(document.errors).toMatchObject([
      { code: 'VTT_ERR_PROJECT_JSON_INVALID', file: 'vtt-module.json', line: 3 },
    ]);
  });

  it('validate points into a roll-table pack at the range that leaves a gap', async () => {
    const dir = await heroes('bad-table');
    const manifestPath = join(dir, 'vtt-module.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
      compendium: object[];
    };
    manifest.compendium.push({
      id: 'tables',
      label: 'Tables',
      documentType: 'rollTable',
      path: 'packs/tables.json',
    });
    await writeFile(manifestPath, JSON.stringify(manifest));
    const table = {
      id: 'loot',
      name: 'Loot',
      data: {
        formula: '1d6',
        results: [
          { range: [1, 3], text: 'Coins' },
          { range: [5, 6], text: 'A gem' },
        ],
      },
    };
    await writeFile(join(dir, 'packs/tables.json'), JSON.stringify([table]));
    const document = await failure('validate', dir);
    expect(document.errors).toMatchObject([
      {
        code: 'VTT_ERR_ROLLTABLE_RANGE_GAP',
        file: 'packs/tables.json',
        pointer: '/0/data/results/1/range',
      },
    ]);
    expect(document.errors[0]!.message).toContain('covers 4,');
  });

  it('pack refuses an invalid module with the validation codes', async () => {
    const dir = await heroes('bad-pack');
    await writeFile(join(dir, 'packs/heroes.json'), '[{"id": "x"}]');
    const document = await failure('pack', dir);
    expect(document.errors.every((e) => e.file === 'packs/heroes.json')).toBe(true);
    expect(document.errors[0]!.code).toMatch(/^VTT_ERR_MODULE_/);
  });
});

describe('vtt test and vtt inspect', () => {
  it('test says the folder does not exist, or has no tests', async () => {
    expect((await failure('test', join(temp, 'nowhere'))).errors[0]!.code).toBe(
      'VTT_ERR_PROJECT_DIR_MISSING',
    );
    const dir = await heroes('untested');
    await rm(join(dir, 'src/module.test.ts'));
    const document = await failure('test', dir);
    expect(document.errors[0]!.code).toBe('VTT_ERR_PROJECT_NO_TESTS');
    expect(document).toMatchObject({ passed: 0, failed: 0 });
  });

  it('test names each failing test, its file and line', async () => {
    const dir = await heroes('failing');
    const test = await readFile(join(dir, 'src/module.test.ts'), 'utf8');
    await writeFile(
      join(dir, 'src/module.test.ts'),
      test.replace("toBe('success')", "toBe('failure')"),
    );
    const document = await failure('test', dir);
    expect(document).toMatchObject({ passed: 0, failed: 1 });
    expect(document.errors).toMatchObject([
      {
        code: 'VTT_ERR_PROJECT_TEST_FAILED',
        file: 'src/module.test.ts',
        line: test.split('\n').findIndex((line) => line.includes("it('rolls a check'")) + 1,
      },
    ]);
    expect(document.errors[0]!.message).toContain('heroes > rolls a check');
  });

  it('inspect says a path is not an archive', async () => {
    const document = await failure('inspect', join(temp, 'missing.vttmod'));
    expect(document.errors[0]!.code).toBe('VTT_ERR_PROJECT_ARCHIVE_MISSING');
  });

  it('inspect passes the archive code of a file that is not an archive', async () => {
    await writeFile(join(temp, 'fake.vttmod'), 'not a gzip stream');
    const document = await failure('inspect', join(temp, 'fake.vttmod'));
    expect(document.errors[0]).toMatchObject({ code: 'VTT_ERR_ARCHIVE_NOT_GZIP' });
  });
});

describe("commander's own errors", () => {
  it.each([
    [['roll', '1d6', '--bogus']],
    [['roll', '1d6', '--times', 'lots']],
    [['build', '.', 'extra']],
    [['inspect']],
  ])('are usage errors (exit 2) with VTT_ERR_CLI_USAGE under --json: %j', async (argv) => {
    const document = await failure(...argv);
    expect(document.exit).toBe(EXIT_CODES.usage);
    expect(document.errors).toMatchObject([{ code: 'VTT_ERR_CLI_USAGE' }]);
    expect(document.errors[0]!.fix).toContain(`vtt ${argv[0]} --help`);
  });

  it('stay human text on stderr without --json', async () => {
    const { code, out, err } = await vtt('roll', '1d6', '--bogus');
    expect(code).toBe(EXIT_CODES.usage);
    expect(out).toBe('');
    expect(err).toContain('--bogus');
  });
});

describe('an unexpected error', () => {
  it('becomes VTT_ERR_CLI_INTERNAL, with its stack for people', () => {
    const failed = asCliError(new TypeError('x is undefined'), 'vtt build');
    expect(failed.code).toBe('VTT_ERR_CLI_INTERNAL');
    expect(failed.errors[0].message).toContain('x is undefined');
    expect(failed.detail).toContain('TypeError');
  });
});
