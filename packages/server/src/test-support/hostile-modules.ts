/**
 * Hostile game systems for server tests: one whose rules loop forever, one
 * whose every rules call throws. Each is a module folder (manifest and
 * built bundle) that the server installs like any other; the bundle is
 * plain JavaScript speaking the guest protocol, so it can misbehave in
 * ways `@vtt/sdk` would not let a module author write.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST_FILE, MODULE_PROTOCOL_VERSION } from '@vtt/core';

/** A module folder's two files. */
export interface HostileModule {
  readonly id: string;
  readonly manifest: Record<string, unknown>;
  readonly source: string;
}

const ENTRY = 'dist/module.js';

/**
 * A system `id` hooking `hooks`, registering `registers`, with the guest
 * functions of `body`; it loads its replica and follows the events unless
 * `body` defines `vttLoad` or `vttApply` itself.
 */
function hostile(
  id: string,
  hooks: { before: string[]; after: string[] },
  registers: { actions: string[]; rolls: string[]; chatCommands: string[] },
  body: string,
): HostileModule {
  const replica = {
    vttLoad:
      'export function vttLoad(call) { if (call.seq !== undefined) seq = call.seq; return { seq }; }',
    vttApply:
      'export function vttApply(call) { for (const e of call.events) seq = e.seq; return { seq }; }',
  };
  const own = Object.entries(replica)
    .filter(([name]) => !body.includes(`function ${name}(`))
    .map(([, fn]) => fn)
    .join('\n');
  const description = {
    protocol: MODULE_PROTOCOL_VERSION,
    id,
    actions: Object.fromEntries(registers.actions.map((a) => [a, { schema: { type: 'object' } }])),
    hooks,
    derived: ['hero'],
    initiative: false,
    initiativePassStep: null,
    rolls: Object.fromEntries(registers.rolls.map((r) => [r, { label: r }])),
    chatCommands: Object.fromEntries(registers.chatCommands.map((c) => [c, {}])),
    macros: {},
  };
  const source = `
const description = ${JSON.stringify(description)};
let seq = 0;
export function vttDescribe() { return description; }
${own}
${body}
`;
  const manifest = {
    id,
    name: `Hostile ${id}`,
    version: '1.0.0',
    kind: 'system',
    engine: '^0.1.0',
    entry: ENTRY,
    capabilities: { hooks },
    actorTypes: { hero: { label: 'Hero', schema: { type: 'object' } } },
  };
  return { id, manifest, source };
}

/**
 * Loops forever: its before-hook on `core:move-token`, its action
 * `looper:spin` and its roll `spin` in plain JavaScript (stopped by the
 * CPU deadline); its action `looper:jam` inside a built-in that ignores
 * the interrupt (stopped by the watchdog, which replaces the worker).
 */
export const LOOPER = hostile(
  'looper',
  { before: ['core:move-token'], after: [] },
  { actions: ['looper:spin', 'looper:jam'], rolls: ['spin'], chatCommands: [] },
  `
export function vttBefore() { for (;;) {} }
export function vttAction(call) {
  if (call.type === 'looper:jam') return Array.prototype.indexOf.call({ length: 2 ** 32 - 1 }, 0);
  for (;;) {}
}
export function vttRoll() { for (;;) {} }
`,
);

/**
 * Throws on every call but `describe` and `load`: its hooks, action
 * `thrower:boom`, roll `boom`, chat command `/boom`, derived data, and
 * feeding its replica the table's events.
 */
export const THROWER = hostile(
  'thrower',
  { before: ['core:move-token'], after: ['core:token-moved'] },
  { actions: ['thrower:boom'], rolls: ['boom'], chatCommands: ['boom'] },
  `
const boom = (what) => { throw new Error('thrower broke in ' + what); };
export function vttBefore() { boom('before'); }
export function vttAfter() { boom('after'); }
export function vttAction() { boom('action'); }
export function vttRoll() { boom('roll'); }
export function vttChat() { boom('chat'); }
export function vttMacro() { boom('macro'); }
export function vttDerive() { boom('derive'); }
export function vttInitiative() { boom('initiative'); }
export function vttApply() { boom('apply'); }
`,
);

/** Throws on every call but `describe`, its load included: no table can run it. */
export const LOAD_THROWER = hostile(
  'loadthrower',
  { before: [], after: [] },
  { actions: [], rolls: [], chatCommands: [] },
  `
export function vttLoad() { throw new Error('loadthrower broke in load'); }
export function vttApply() { throw new Error('loadthrower broke in apply'); }
`,
);

/** Writes `module` as a folder under `root` and returns its path. */
export async function writeModuleFolder(root: string, module: HostileModule): Promise<string> {
  const folder = join(root, module.id);
  await mkdir(join(folder, 'dist'), { recursive: true });
  await writeFile(join(folder, MANIFEST_FILE), JSON.stringify(module.manifest, null, 2));
  await writeFile(join(folder, ENTRY), module.source);
  return folder;
}
