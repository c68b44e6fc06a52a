/** The first step of the pipeline: an action in, event drafts out. */
import { VttError } from '../errors/vtt-error.js';
import type { EventDraft } from '../events/event-types.js';
import type { TableState } from '../model/state.js';
import { authorize } from '../permissions/authorize.js';
import { createRng, type Rng } from '../random/rng.js';
import { applyEvent } from '../reducer/apply-event.js';
import { validateAction } from './validate-action.js';
import { memberOf } from '../views/view-for.js';
import type { ActionHandler } from './action-handler.js';
import { ACTION_HANDLERS } from './registry.js';
import type { CompendiumLookup } from './import-actions.js';

/** Who sends the action, when, and optionally the generator to roll with. */
export interface DecideOptions {
  readonly userId: string;
  /** Server time in ms since the epoch. */
  readonly now: number;
  /** Defaults to a generator resumed from `state.rng`. */
  readonly rng?: Rng;
  /**
   * A fresh secret seed for `core:start-session`: 32 bytes from the host's
   * cryptographic source, as 64 hex digits. Core has no source of its own.
   */
  readonly seed?: string;
  /**
   * The pack entries of the table's modules, for `core:import-compendium`:
   * module hosts pass it. Without it every import is refused
   * (`VTT_ERR_COMPENDIUM_NOT_FOUND`).
   */
  readonly compendium?: CompendiumLookup;
}

/**
 * Decides what `action` by `ctx.userId` does to `state`: validates it
 * against its JSON Schema (it takes `unknown`: whatever arrived, from a
 * socket or from module code, is checked here, so callers need no casts),
 * runs the action's handler (which rolls dice with
 * the table's generator and records the generator's new state in the
 * rolling draft's server-only data), then authorizes every draft in order
 * against the state the drafts before it produce. Pure; throws a VttError
 * to reject the action, and then nothing changes.
 *
 * @example
 * const drafts = decide(state, { type: 'core:move-token', payload: { tokenId: 't1', x: 200, y: 0 } },
 *   { userId: 'u-player', now: Date.now() });
 * const { state: next, events } = commit(state, drafts, { author: 'u-player', now });
 */
export function decide(state: TableState, action: unknown, ctx: DecideOptions): EventDraft[] {
  const valid = validateAction(action);
  const member = memberOf(state, ctx.userId);
  let rng = ctx.rng;
  const used = new Set<string>();
  const handler = ACTION_HANDLERS[valid.type] as ActionHandler<unknown>;
  const drafts = handler({
    state,
    member,
    payload: valid.payload,
    now: ctx.now,
    rng: () => (rng ??= createRng(state.rng)),
    seed: ctx.seed,
    compendium: ctx.compendium,
    newId: (taken, prefix, wanted, collection) => {
      if (wanted !== undefined) {
        // A player's chosen id would tell, by colliding, that a hidden document has it.
        if (member.role !== 'gm')
          throw new VttError('VTT_ERR_DOCUMENT_ID_GM_ONLY', { collection, id: wanted });
        if (taken(wanted) || used.has(wanted))
          throw new VttError('VTT_ERR_DOCUMENT_EXISTS', { collection, id: wanted });
        used.add(wanted);
        return wanted;
      }
      const base = `${prefix}${state.seq + 1}`;
      let id = base;
      for (let i = 1; taken(id) || used.has(id); i++) id = `${base}-${i}`;
      used.add(id);
      return id;
    },
  });
  let current = state;
  drafts.forEach((draft, i) => {
    authorize(current, ctx.userId, draft);
    if (i < drafts.length - 1) {
      const event = { ...draft, seq: current.seq + 1, author: ctx.userId, time: ctx.now };
      current = applyEvent(current, event as Parameters<typeof applyEvent>[1]);
    }
  });
  return drafts;
}
