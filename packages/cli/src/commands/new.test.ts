import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateModuleData, type JsonValue } from '@vtt/core';
import { bundleModule } from '@vtt/sdk/bundle';
import { createTestTable } from '@vtt/sdk/testing';
import { EXIT_CODES, bufferIo } from '../lib/io.js';
import { MODULE_TEMPLATES, type ModuleTemplate } from '../lib/module-templates.js';
import { runCli } from '../program.js';
import { moduleNames, templatesRoot, type NewResult } from './run-new.js';

/** Runs `vtt <argv>` in-process: exit code and output. */
async function vtt(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

async function filesUnder(dir: string, under = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(join(dir, under), { withFileTypes: true })) {
    const path = under === '' ? entry.name : `${under}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await filesUnder(dir, path)));
    else files.push(path);
  }
  return files.sort();
}

const readJson = async (path: string): Promise<unknown> =>
  JSON.parse(await readFile(path, 'utf8')) as unknown;

let temp: string;
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'vtt-new-'));
});
afterAll(() => rm(temp, { recursive: true, force: true }));

/** Per template: a name, its pack file, and one run of its action and named roll. */
const CASES: Record<
  ModuleTemplate,
  {
    name: string;
    id: string;
    pack: string;
    data: JsonValue;
    action: string;
    payload: JsonValue;
    roll: string;
    args?: JsonValue;
    dice: number[];
    total: number;
  }
> = {
  d20: {
    name: 'Sword Tales',
    id: 'sword-tales',
    pack: 'packs/weapons.json',
    data: {
      abilities: { str: 14, dex: 12, con: 10, int: 10, wis: 10, cha: 10 },
      hp: { value: 3, max: 8 },
    },
    action: 'heal',
    payload: { actorId: 'a1', amount: 2 },
    roll: 'check',
    args: { ability: 'str', dc: 12 },
    dice: [10],
    total: 12,
  },
  'dice-pool': {
    name: 'neon_streets',
    id: 'neon-streets',
    pack: 'packs/gear.json',
    data: {
      attributes: { body: 3, agility: 4, reaction: 3, logic: 3, intuition: 3, willpower: 3 },
      edge: { value: 1, max: 2 },
    },
    action: 'spend-edge',
    payload: { actorId: 'a1' },
    roll: 'test',
    args: { attribute: 'agility' },
    dice: [5, 6, 2, 1],
    total: 2,
  },
  '2d6': {
    name: 'star-trader',
    id: 'star-trader',
    pack: 'packs/equipment.json',
    data: {
      characteristics: { str: 7, dex: 7, end: 7, int: 9, edu: 7, soc: 7 },
      luck: { value: 1, max: 1 },
    },
    action: 'spend-luck',
    payload: { actorId: 'a1' },
    roll: 'check',
    args: { characteristic: 'int' },
    dice: [3, 4],
    total: 8,
  },
  blank: {
    name: 'My Game',
    id: 'my-game',
    pack: 'packs/characters.json',
    data: { level: 1 },
    action: 'say-hello',
    payload: {},
    roll: 'check',
    dice: [13],
    total: 13,
  },
};

describe.each(Object.keys(MODULE_TEMPLATES) as ModuleTemplate[])(
  'vtt new --template %s',
  (template) => {
    const spec = CASES[template];
    let result: NewResult;

    beforeAll(async () => {
      const parent = join(temp, template);
      const run = await vtt('new', spec.name, '--template', template, '--dir', parent, '--json');
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      result = JSON.parse(run.out) as NewResult;
    });

    it('creates the module folder named by the id, with every file and no placeholder left', async () => {
      expect(result).toMatchObject({ id: spec.id, template, dir: join(temp, template, spec.id) });
      const expected = [
        '.gitignore',
        'README.md',
        spec.pack,
        'sheets/character.json',
        'src/module.test.ts',
        'src/module.ts',
        'tsconfig.json',
        'vtt-module.json',
      ].sort();
      expect(result.files).toEqual(expected);
      // .vtt/types holds the SDK declarations for editors (copied from the built packages).
      const written = await filesUnder(result.dir);
      expect(written.filter((file) => !file.startsWith('.vtt/'))).toEqual(expected);
      const sdkBuilt = existsSync(
        fileURLToPath(new URL('../../../sdk/dist/index.d.ts', import.meta.url)),
      );
      expect(written.includes('.vtt/types/sdk/index.d.ts')).toBe(sdkBuilt);
      for (const file of expected) {
        expect(await readFile(join(result.dir, file), 'utf8'), file).not.toContain('__MODULE_');
      }
      const source = await readFile(join(result.dir, 'src/module.ts'), 'utf8');
      expect(source).toContain(`id: '${spec.id}'`);
      expect(source).toContain(`'${spec.id}:${spec.action}'`);
      expect(await readFile(join(result.dir, '.gitignore'), 'utf8')).toMatch(/^dist\/$/m);
    });

    it('writes a manifest, sheets and packs that validate with no errors or warnings', async () => {
      const manifest = (await readJson(join(result.dir, 'vtt-module.json'))) as {
        id: string;
        name: string;
        entry: string;
        engine: string;
        sheets: { path: string }[];
        compendium: { path: string }[];
      };
      expect(manifest).toMatchObject({ id: spec.id, entry: 'dist/module.js', engine: '^0.1.0' });
      expect(manifest.name).toBe(moduleNames(spec.name).name);
      const files: Record<string, unknown> = {};
      for (const { path } of [...manifest.sheets, ...manifest.compendium]) {
        files[path] = await readJson(join(result.dir, path));
      }
      expect(Object.keys(files)).toEqual(['sheets/character.json', spec.pack]);
      const report = validateModuleData({ manifest, files });
      expect(report.errors).toEqual([]);
      expect(report.warnings).toEqual([]);
    });

    it('bundles, and runs its action and named roll in the sandbox', async () => {
      const entry = join(result.dir, 'src/module.ts');
      const built = await bundleModule({ entry, sourcemap: false });
      expect(built.errors).toEqual([]);
      expect(built.code).not.toBeNull();

      const t = await createTestTable({ modules: [entry], players: [] });
      try {
        const described = t.table.modules.get(spec.id)!;
        expect(Object.keys(described.actions)).toEqual([`${spec.id}:${spec.action}`]);
        expect(Object.keys(described.rolls)).toEqual([spec.roll]);
        await t.gm.act('core:create-actor', {
          id: 'a1',
          name: 'Hero',
          type: 'character',
          data: spec.data,
        });
        const change = await t.gm.act(`${spec.id}:${spec.action}`, spec.payload);
        expect(change.events.at(-1)?.type).toBe('core:message-posted');
        t.forceDice(...spec.dice);
        const rolled = await t.gm.roll(spec.roll, {
          actorId: 'a1',
          ...(spec.args === undefined ? {} : { args: spec.args }),
        });
        expect(rolled.outcome).toMatchObject({ name: spec.roll, total: spec.total });
      } finally {
        await t.close();
      }
    });
  },
);

describe('vtt new', () => {
  it('turns a name into a kebab-case id and a display name', () => {
    expect(moduleNames('My Game')).toEqual({ id: 'my-game', name: 'My Game' });
    expect(moduleNames('  Neon   Streets ')).toEqual({ id: 'neon-streets', name: 'Neon Streets' });
    expect(moduleNames('star_trader')).toEqual({ id: 'star-trader', name: 'Star Trader' });
    expect(moduleNames('d20-hack')).toEqual({ id: 'd20-hack', name: 'D20 Hack' });
  });

  it('finds its templates from the source file and from a built chunk in dist/', () => {
    const cliRoot = fileURLToPath(new URL('../../', import.meta.url));
    const templates = join(cliRoot, 'templates');
    expect(templatesRoot()).toBe(templates);
    expect(templatesRoot(pathToFileURL(join(cliRoot, 'dist/run-new-X1.js')).href)).toBe(templates);
  });

  it('prints the files it created and the next steps', async () => {
    const { code, out } = await vtt('new', 'printed', '--template', 'blank', '--dir', temp);
    expect(code).toBe(0);
    expect(out).toContain(`in ${join(temp, 'printed')}:`);
    expect(out).toContain('  vtt-module.json\n');
    expect(out).toMatch(/\n {2}cd \S*printed && vtt build && vtt test && vtt pack\n/);
  });

  it('refuses a folder that is not empty, names it, and overwrites nothing', async () => {
    const dir = join(temp, 'taken');
    await mkdir(dir);
    await writeFile(join(dir, 'vtt-module.json'), 'mine');
    const { code, out, err } = await vtt('new', 'taken', '--template', 'blank', '--dir', temp);
    expect(code).toBe(EXIT_CODES.failure);
    expect(out).toBe('');
    expect(err).toContain('VTT_ERR_PROJECT_DIR_NOT_EMPTY');
    expect(err).toContain(dir);
    expect(await readdir(dir)).toEqual(['vtt-module.json']);
    expect(await readFile(join(dir, 'vtt-module.json'), 'utf8')).toBe('mine');
  });

  it('writes into an existing folder that holds only a .git folder', async () => {
    const dir = join(temp, 'cloned');
    await mkdir(join(dir, '.git'), { recursive: true });
    const { code } = await vtt('new', 'cloned', '--template', 'blank', '--dir', temp);
    expect(code).toBe(0);
    expect((await readdir(dir)).sort()).toContain('vtt-module.json');
  });

  it.each([
    ['my/game', 'VTT_ERR_PROJECT_NAME_IS_PATH'],
    ['1st-game', 'VTT_ERR_PROJECT_NAME_BAD_ID'],
    ['ab', 'VTT_ERR_PROJECT_NAME_BAD_ID'],
    ['Ça va', 'VTT_ERR_PROJECT_NAME_INVALID'],
    ['core', 'VTT_ERR_PROJECT_NAME_RESERVED'],
  ])('refuses the invalid name %j with %s, and says what is allowed', async (name, expected) => {
    const { code, err } = await vtt('new', name, '--dir', temp);
    expect(code).toBe(EXIT_CODES.failure);
    expect(err).toContain(`error ${expected}: `);
    expect(err).toContain('    fix: ');
    expect(await readdir(temp)).not.toContain(name);
  });

  it('treats a missing name or an unknown template as a usage error (exit 2)', async () => {
    expect((await vtt('new')).code).toBe(EXIT_CODES.usage);
    const { code, err } = await vtt('new', 'some-game', '--template', 'd100', '--dir', temp);
    expect(code).toBe(EXIT_CODES.usage);
    expect(err).toContain('d20, dice-pool, 2d6, blank');
    expect(await readdir(temp)).not.toContain('some-game');
  });

  it('has --help with the templates and examples', async () => {
    const { code, out } = await vtt('new', '--help');
    expect(code).toBe(0);
    expect(out).toContain('Examples:');
    expect(out).toContain('$ vtt new my-game');
    for (const template of Object.keys(MODULE_TEMPLATES)) expect(out).toContain(template);
  });
});
