/**
 * A table with its modules: the authoritative pipeline of ARCHITECTURE.md
 * ("action -> events -> state") with module rules in the sandbox. Used by the
 * server and by `@vtt/sdk/testing`, so module tests run the production path.
 *
 * This file is the composition root: it loads the modules and wires the
 * entry points (one file each) to one shared {@link TableContext}, running
 * them one at a time.
 */
import { actorDataValidators } from './actor-data-check.js';
import { runChat } from './chat.js';
import { compendiumLookup } from './compendium-lookup.js';
import { commitAndSync } from './commit-sync.js';
import { derivedData } from './derived.js';
import { createDiceSeam, cryptoSeed } from './dice-seam.js';
import { dispatchAction } from './dispatch.js';
import { callGuest, loadGuest } from './guest-call.js';
import { itemDataValidators } from './item-data-check.js';
import { runMacro } from './macro.js';
import { openModuleSlot, type ModuleSlot } from './module-slot.js';
import type { ModuleTable, ModuleTableOptions } from './module-table-types.js';
import { moduleStatus, restartModule } from './restart.js';
import { rollInitiative } from './roll-initiative.js';
import { rollNamed } from './roll.js';
import type { TableContext } from './table-context.js';
import { withModulePolicy } from './visibility-load.js';

/**
 * Loads `options.modules` into the sandbox for one table and returns the
 * table's pipeline. Each module's replica is loaded with the state and kept
 * in step: the events committed since its last call are applied right
 * before its next one (an action no module hooks calls no sandbox).
 *
 * @example
 * const table = await createModuleTable({ host, tableId: 'c1', state, modules: [{ id: 'dnd5e', source }] });
 * await table.dispatch({ type: 'dnd5e:take-rest', payload: { actorId: 'a1' } }, 'u-player');
 */
export async function createModuleTable(options: ModuleTableOptions): Promise<ModuleTable> {
  const clock = options.clock ?? Date.now;
  const manifests = options.modules.flatMap((bundle) => (bundle.manifest ? [bundle.manifest] : []));
  const loaded = withModulePolicy(options.state, manifests, clock());
  const slots = new Map<string, ModuleSlot>();
  const ctx: TableContext = {
    state: loaded.state,
    slots,
    backlogs: new Map(),
    clock,
    announced: new Set(),
    dice: createDiceSeam(), // tests' forced faces: never in `state`
    newSeed: options.newSeed ?? cryptoSeed,
    onCommit: options.onCommit ?? (() => undefined),
    actorData: actorDataValidators(manifests),
    itemData: itemDataValidators(manifests),
    compendium: compendiumLookup(options.modules),
    call: (slot, fn, arg, rng) => callGuest(ctx, slot, fn, arg, rng),
    load: (slot) => loadGuest(ctx, slot),
    commitAndSync: (drafts, userId, now, runAfter) =>
      commitAndSync(ctx, drafts, userId, now, runAfter),
  };
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  for (const [index, bundle] of options.modules.entries()) {
    const slot = await openModuleSlot({
      host: options.host,
      key: `${options.tableId}:${bundle.id ?? `module-${index}`}`,
      bundle,
      rng: ctx.state.rng,
      now: ctx.clock(),
      taken: (id) => slots.has(id),
    });
    await ctx.load(slot);
    slots.set(slot.id, slot);
  }

  return {
    get state() {
      return ctx.state;
    },
    loadEvents: loaded.events,
    modules: new Map([...slots].map(([id, slot]) => [id, slot.description])),
    dispatch: (action, userId) => serial(() => dispatchAction(ctx, action, userId)),
    roll: (request) => serial(() => rollNamed(ctx, request)),
    rollInitiative: (request) => serial(() => rollInitiative(ctx, request)),
    chat: (request) => serial(() => runChat(ctx, request)),
    macro: (request) => serial(() => runMacro(ctx, request)),
    derived: (actorId, viewerId) => serial(() => derivedData(ctx, actorId, viewerId)),
    forceDice: (faces) => ctx.dice.force(faces),
    status: (moduleId) => slots.get(moduleId)?.instance.status(),
    moduleStatus: () => moduleStatus(ctx),
    restartModule: (moduleId, userId) =>
      serial(() => restartModule(ctx, options.host, moduleId, userId)),
    close: async () => {
      await queue;
      await Promise.all([...slots.values()].map((slot) => slot.instance.dispose()));
      slots.clear();
    },
  };
}
