import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeEditorTypes } from '../lib/editor-types.js';
import { cliError } from '../lib/cli-error.js';
import type { CliIo } from '../lib/io.js';
import { MODULE_TEMPLATES, type ModuleTemplate } from '../lib/module-templates.js';

/** Options of `vtt new`, as commander parses them. */
export interface NewOptions {
  readonly template: ModuleTemplate;
  /** Folder to create the module folder in; the working directory by default. */
  readonly dir?: string;
  readonly json: boolean;
}

/** The placeholders template files use, valid inside JSON and TypeScript strings. */
export const TEMPLATE_PLACEHOLDERS = {
  id: '__MODULE_ID__',
  name: '__MODULE_NAME__',
} as const;

/** Template files stored under another name, because npm leaves `.gitignore` out of packages. */
const RENAMED_FILES: Readonly<Record<string, string>> = { _gitignore: '.gitignore' };

/** Entries that do not make a folder "not empty" (a fresh `git init` or clone). */
const IGNORED_ENTRIES = new Set(['.git', '.DS_Store', 'Thumbs.db']);

/** Ids that would clash with the engine's own namespaces. */
const RESERVED_IDS = new Set(['core', 'vtt']);

/** The module's id and display name, derived from what the user typed. */
export interface ModuleNames {
  /** Kebab-case id: folder name, manifest id and action prefix. */
  readonly id: string;
  /** Display name for the manifest and README. */
  readonly name: string;
}

/** What `vtt new` created (also its `--json` output). */
export interface NewResult {
  /** Absolute path of the module folder. */
  readonly dir: string;
  readonly id: string;
  readonly template: ModuleTemplate;
  /** Files written, relative to `dir`, with forward slashes, sorted. */
  readonly files: readonly string[];
}

const ALLOWED_NAME = /^[A-Za-z0-9 _-]+$/;
const MODULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Turns the `<name>` argument into a module id and display name:
 * `"My Game"` gives `my-game` / `My Game`, `star-trader` gives
 * `star-trader` / `Star Trader`. Throws a CliError (`VTT_ERR_PROJECT_NAME_*`)
 * saying what is allowed when no valid id comes out.
 *
 * @example
 * moduleNames('Neon Streets'); // { id: 'neon-streets', name: 'Neon Streets' }
 */
export function moduleNames(input: string): ModuleNames {
  const text = input.trim().replace(/\s+/g, ' ');
  if (/[/\\]/.test(text)) throw cliError('VTT_ERR_PROJECT_NAME_IS_PATH', { input });
  if (!ALLOWED_NAME.test(text)) throw cliError('VTT_ERR_PROJECT_NAME_INVALID', { input });
  const id = text
    .toLowerCase()
    .replace(/[ _-]+/g, '-')
    .replace(/^-|-$/g, '');
  if (id.length < 3 || id.length > 64 || !MODULE_ID.test(id)) {
    throw cliError('VTT_ERR_PROJECT_NAME_BAD_ID', { input, id });
  }
  if (RESERVED_IDS.has(id)) throw cliError('VTT_ERR_PROJECT_NAME_RESERVED', { id });
  const name = /[A-Z ]/.test(text)
    ? text
    : id
        .split('-')
        .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
        .join(' ');
  return { id, name };
}

/**
 * Finds the `templates` folder of this package: walks up from this file
 * (`src/commands/` when run from source, `dist/` when built) to the folder
 * whose package.json is `@vtt/cli`.
 */
export function templatesRoot(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(join(dir, 'templates')) && existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
      if (name === '@vtt/cli') return join(dir, 'templates');
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw cliError('VTT_ERR_PROJECT_TEMPLATES_MISSING');
    }
    dir = parent;
  }
}

async function listFiles(root: string, under = ''): Promise<string[]> {
  const entries = await readdir(join(root, under), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = under === '' ? entry.name : `${under}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await listFiles(root, path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/** Replaces every placeholder in a template file's text. */
export function fillTemplate(text: string, names: ModuleNames): string {
  return text
    .replaceAll(TEMPLATE_PLACEHOLDERS.id, names.id)
    .replaceAll(TEMPLATE_PLACEHOLDERS.name, names.name);
}

async function ensureEmptyFolder(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      await mkdir(dir, { recursive: true });
      return;
    }
    if (code === 'ENOTDIR') {
      throw cliError('VTT_ERR_PROJECT_DIR_IS_FILE', { dir });
    }
    throw error;
  }
  const present = entries.filter((entry) => !IGNORED_ENTRIES.has(entry));
  if (present.length > 0) {
    const shown = present.slice(0, 3).join(', ') + (present.length > 3 ? ', ...' : '');
    throw cliError('VTT_ERR_PROJECT_DIR_NOT_EMPTY', { dir, entries: shown });
  }
}

const shellQuote = (path: string) => (/^[\w./~-]+$/.test(path) ? path : `"${path}"`);

/**
 * Scaffolds a module project from a template into `<dir>/<id>` (the working
 * directory when `dir` is not given), then prints the files and the next
 * steps, or the {@link NewResult} as JSON. Refuses a folder that is not
 * empty, and never overwrites a file.
 *
 * @example
 * await runNew('My Game', { template: 'd20', json: false }, io); // creates ./my-game
 */
export async function runNew(input: string, options: NewOptions, io: CliIo): Promise<NewResult> {
  const names = moduleNames(input);
  const template = options.template;
  if (!Object.hasOwn(MODULE_TEMPLATES, template)) {
    throw cliError('VTT_ERR_PROJECT_TEMPLATE_UNKNOWN', {
      template,
      templates: Object.keys(MODULE_TEMPLATES).join(', '),
    });
  }
  const source = join(templatesRoot(), template);
  const dir = resolve(options.dir ?? process.cwd(), names.id);
  await ensureEmptyFolder(dir);

  const files: string[] = [];
  for (const file of (await listFiles(source)).sort()) {
    const segments = file.split('/');
    const last = segments.pop()!;
    const target = [...segments, RENAMED_FILES[last] ?? last].join('/');
    const text = fillTemplate(await readFile(join(source, file), 'utf8'), names);
    await mkdir(dirname(join(dir, target)), { recursive: true });
    await writeFile(join(dir, target), text, { flag: 'wx' });
    files.push(target);
  }
  files.sort();
  await writeEditorTypes(dir);
  const result: NewResult = { dir, id: names.id, template, files };

  if (options.json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return result;
  }
  const fromHere = relative(process.cwd(), dir);
  const cdPath =
    fromHere.startsWith('..') || isAbsolute(fromHere) ? dir : fromHere.split(sep).join('/');
  io.stdout(
    [
      `Created ${names.name} (${names.id}) from the ${template} template in ${dir}:`,
      ...files.map((file) => `  ${file}`),
      '',
      'Next steps:',
      `  cd ${shellQuote(cdPath)} && vtt build && vtt test && vtt pack`,
      '',
    ].join('\n'),
  );
  return result;
}
