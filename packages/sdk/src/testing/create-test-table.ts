/**
 * `createTestTable`: a real table for module tests. The module is bundled
 * exactly as `vtt build` bundles it and runs in the real QuickJS sandbox
 * through the same pipeline as the server (`createModuleTable`), so a test
 * that passes here passes in production.
 */
import {
  createModuleTable,
  createSandboxHost,
  type ModuleBundle,
  type ModuleTable,
  type RollChange,
  type SandboxHost,
  type SandboxLimits,
  type TableChange,
} from '@vtt/sandbox';
import type { VttError } from '@vtt/core';
import {
  commit,
  createTableState,
  decide,
  isVttError,
  sha256Hex,
  viewFor,
  type JsonValue,
  type TableState,
  type TableView,
  itemsOfActor,
  MANIFEST_FILE,
  validateManifest,
  type CompendiumEntry,
  type Item,
  type ModuleManifest,
  type TableActionMap,
} from '@vtt/core';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleModule } from '../bundle/bundle-module.js';

/**
 * A module for the test table: its entry file to bundle (a path, or a URL
 * such as `new URL('./module.ts', import.meta.url)`), or a built bundle.
 */
export type TestModule = string | URL | { readonly entry: string } | ModuleBundle;

/** Options of {@link createTestTable}. */
export interface TestTableOptions {
  /** The modules, system first: entry files (bundled like `vtt build`) or bundles. */
  readonly modules: readonly TestModule[];
  /** Player names; each becomes a member with id `player:<name>`. Default `['alice']`. */
  readonly players?: readonly string[];
  /** Seed of the table's dice. Default 1: tests are reproducible. */
  readonly seed?: number | string;
  /** The clock: start time in ms; it advances 1 s per change. Default 2026-01-01. */
  readonly startTime?: number;
  /** Sandbox limits for the modules (e.g. a longer CPU deadline under a debugger). */
  readonly limits?: Partial<SandboxLimits>;
}

/** One user at the test table. */
export interface TestUser {
  readonly id: string;
  /** Sends an action as this user (core or custom); rejects with the VttError the server would send. */
  act(type: string, payload?: unknown): Promise<TableChange>;
  /** Rolls a named roll as this user. */
  roll(
    name: string,
    options?: { readonly actorId?: string | null; readonly args?: JsonValue },
  ): Promise<RollChange>;
  /** Sends a chat line (`/command args` runs a module command), optionally speaking as an actor. */
  chat(text: string, options?: { readonly speaker?: string }): Promise<TableChange>;
  /** Runs a macro. */
  macro(
    name: string,
    args?: JsonValue,
    options?: { readonly speaker?: string },
  ): Promise<TableChange>;
  /** Rolls initiative for combatants with the system's model, with options for the model. */
  rollInitiative(combatantIds?: readonly string[], args?: JsonValue): Promise<TableChange>;
  /**
   * Creates an item as this user (`core:create-item`: on `actorId`'s
   * inventory, or in the GM's library without one) and returns it as stored.
   * @example
   * const sword = await t.gm.createItem({ name: 'Longsword', type: 'weapon', actorId: 'a1', data });
   */
  createItem(fields: TableActionMap['core:create-item']): Promise<Item>;
  /** What this user sees of the table: exactly what the server would send them. */
  view(): TableView;
}

/** A running test table. Call `close()` (e.g. in `afterAll`) to stop its sandbox workers. */
export interface TestTable {
  readonly gm: TestUser;
  /** The players, in the order of `options.players`. */
  readonly players: readonly TestUser[];
  /** The player with `name`. */
  player(name: string): TestUser;
  /** The authoritative state (what only the server holds). */
  readonly state: TableState;
  /** The module pipeline underneath, for anything the helpers do not cover. */
  readonly table: ModuleTable;
  /**
   * The next dice rolled show these faces, in order (d20 then d6: `[20, 4]`),
   * by modules and by core alike. The faces are held by the test table, never
   * put in the table's state; rolls that use them never verify.
   */
  forceDice(...faces: number[]): void;
  /**
   * The items of actor `actorId` (`null`: the GM's library) in inventory
   * order: all of them as stored, or with `viewerId` what that user sees.
   */
  items(actorId: string | null, viewerId?: string): readonly Item[];
  /** Derived data of an actor: the authoritative value, or with `viewerId` what that user may get (see `ModuleTable.derived`). */
  derived(actorId: string, viewerId?: string): Promise<JsonValue>;
  close(): Promise<void>;
}

/**
 * The manifest of the module whose source entry is `entry`: vtt-module.json
 * in the entry's folder or the one above (`src/module.ts`). Validated like
 * `vtt validate` does; an invalid one fails the test table loudly.
 */
async function manifestNear(
  entry: string,
): Promise<{ manifest: ModuleManifest; dir: string } | undefined> {
  for (const dir of [dirname(entry), dirname(dirname(entry))]) {
    const file = join(dir, MANIFEST_FILE);
    if (!existsSync(file)) continue;
    const checked = validateManifest(JSON.parse(await readFile(file, 'utf8')) as unknown);
    if (checked.manifest === undefined) {
      const first = checked.errors[0];
      throw new Error(
        `${file}${first?.pointer ?? ''}: ${first?.message ?? 'invalid manifest'} (run vtt validate)`,
      );
    }
    return { manifest: checked.manifest, dir };
  }
  return undefined;
}

/** The compendium packs `manifest` names, read from `dir` (`vtt validate` checks their entries). */
async function packsNear(
  manifest: ModuleManifest,
  dir: string,
): Promise<Record<string, readonly CompendiumEntry[]>> {
  const packs: Record<string, readonly CompendiumEntry[]> = {};
  for (const reference of manifest.compendium ?? []) {
    const file = join(dir, reference.path);
    const entries = JSON.parse(await readFile(file, 'utf8')) as unknown;
    if (!Array.isArray(entries))
      throw new Error(`${file}: a pack is a JSON array (run vtt validate)`);
    packs[reference.id] = entries as CompendiumEntry[];
  }
  return packs;
}

async function sourceOf(module: TestModule): Promise<ModuleBundle> {
  if (module instanceof URL) return sourceOf(fileURLToPath(module));
  if (typeof module === 'object' && 'source' in module) return module;
  const entry = typeof module === 'string' ? module : module.entry;
  const built = await bundleModule({ entry, sourcemap: false });
  if (built.code === null) {
    const first = built.errors[0];
    const where = first?.file ? `${first.file}:${first.line}:${(first.column ?? 0) + 1}: ` : '';
    throw new Error(
      `The module ${entry} does not build: ${where}${first?.text ?? 'unknown error'}`,
    );
  }
  const near = await manifestNear(entry);
  if (near === undefined) return { source: built.code };
  const { manifest, dir } = near;
  return { source: built.code, id: manifest.id, manifest, packs: await packsNear(manifest, dir) };
}

let tables = 0;

/**
 * Starts a table with a GM (`gm`) and players, loads the modules into a real
 * sandbox, and returns helpers to act as each user, force dice and read each
 * viewer's state.
 *
 * @example
 * const t = await createTestTable({ modules: ['src/module.ts'], players: ['alice'] });
 * await t.gm.act('core:create-actor', { id: 'a1', name: 'Hero', type: 'character', data: {...} });
 * t.forceDice(20);
 * const { outcome } = await t.player('alice').roll('attack', { actorId: 'a1' });
 * expect(outcome.critical).toBe('success');
 * await t.close();
 */
export async function createTestTable(options: TestTableOptions): Promise<TestTable> {
  const names = options.players ?? ['alice'];
  let time = options.startTime ?? Date.UTC(2026, 0, 1);
  const clock = () => (time += 1000);
  let state = createTableState({
    campaignId: `test-${++tables}`,
    name: 'Test table',
    gmUserId: 'gm',
    gmName: 'GM',
    seed: options.seed ?? 1,
  });
  for (const name of names) {
    const action = {
      type: 'core:set-member',
      payload: { userId: `player:${name}`, name, role: 'player' },
    };
    state = commit(state, decide(state, action, { userId: 'gm', now: time }), {
      author: 'gm',
      now: time,
    }).state;
  }
  const sources = await Promise.all(options.modules.map(sourceOf));
  const host: SandboxHost = await createSandboxHost({
    workers: 1,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  let table: ModuleTable;
  let sessions = 1;
  const seed = String(options.seed ?? 1);
  try {
    table = await createModuleTable({
      host,
      tableId: state.campaign.id,
      state,
      modules: sources,
      clock,
      // Seeded, so a test that starts a dice session is reproducible too.
      newSeed: () => sha256Hex(`${seed}:session-${++sessions}`),
    });
  } catch (error) {
    await host.close();
    throw error;
  }
  const user = (id: string): TestUser => ({
    id,
    act: (type, payload) => table.dispatch({ type, payload: payload ?? {} }, id),
    roll: (name, o) =>
      table.roll({ name, userId: id, actorId: o?.actorId ?? null, args: o?.args ?? null }),
    chat: (text, options) => table.chat({ text, userId: id, speaker: options?.speaker ?? null }),
    macro: (name, args, options) =>
      table.macro({ name, args: args ?? null, userId: id, speaker: options?.speaker ?? null }),
    rollInitiative: (combatantIds, args) =>
      table.rollInitiative({
        userId: id,
        ...(combatantIds ? { combatantIds } : {}),
        ...(args === undefined ? {} : { args }),
      }),
    createItem: async (fields) => {
      const { events } = await table.dispatch({ type: 'core:create-item', payload: fields }, id);
      const created = events.find((e) => e.type === 'core:item-created');
      if (created?.type !== 'core:item-created')
        throw new Error('core:create-item created no item');
      return table.state.items.get(created.payload.item.id) ?? created.payload.item;
    },
    view: () => viewFor(table.state, id),
  });
  const players = names.map((name) => user(`player:${name}`));
  return {
    gm: user('gm'),
    players,
    player(name) {
      const found = players.find((p) => p.id === `player:${name}`);
      if (found === undefined)
        throw new Error(`No player "${name}" at this table; players: ${names.join(', ')}`);
      return found;
    },
    get state() {
      return table.state;
    },
    table,
    forceDice: (...faces) => table.forceDice(faces),
    items: (actorId, viewerId) =>
      itemsOfActor(viewerId === undefined ? table.state : viewFor(table.state, viewerId), actorId),
    derived: (actorId, viewerId) => table.derived(actorId, viewerId ?? null),
    close: async () => {
      await table.close();
      await host.close();
    },
  };
}

/**
 * The id of the document that the first event of type `created` in
 * `change` created: players may not choose ids (only a GM may, since a
 * chosen id colliding with a hidden document would reveal it), so tests
 * acting as players read the id the table picked. Throws when no such
 * event is there.
 *
 * @example
 * const id = createdId(await t.player('alice').act('core:create-note', {...}), 'core:note-created');
 */
export function createdId(
  change: { readonly events: readonly { type: string; payload: unknown }[] },
  created: string,
): string {
  const event = change.events.find((e) => e.type === created);
  for (const value of Object.values((event?.payload ?? {}) as Record<string, unknown>)) {
    const id = (value as { id?: unknown } | null)?.id;
    if (typeof id === 'string') return id;
  }
  throw new Error(
    `No ${created} event with a document id among ${change.events.map((e) => e.type).join(', ') || 'no events'}.`,
  );
}

/**
 * Awaits `promise` and returns the VttError it rejects with, failing when it
 * resolves: for asserting on `code`.
 *
 * @example
 * const error = await rejectionOf(t.player('bob').act('core:move-token', {...}));
 * expect(error.code).toBe('VTT_ERR_PERMISSION_NOT_OWNER');
 */
export async function rejectionOf(promise: Promise<unknown>): Promise<VttError> {
  try {
    await promise;
  } catch (error) {
    if (isVttError(error)) return error as VttError;
    throw error;
  }
  throw new Error('Expected the promise to reject with a VttError, but it resolved.');
}
