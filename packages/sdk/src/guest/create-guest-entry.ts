/**
 * The guest runtime: wraps a module definition into the functions the host
 * calls inside the sandbox (see `GUEST_CALLS` in @vtt/core). It keeps a
 * replica of the table, fed with the table's events, so a call carries the
 * action, not the whole state.
 */
import {
  applyViewEvent,
  reviveView,
  type DocMap,
  combatantName,
  MODULE_PROTOCOL_VERSION,
  type GUEST_CALLS,
  type GuestArg,
  type GuestCall,
  type GuestNeedsLoad,
  type GuestProposal,
  type GuestRejection,
  type GuestReply,
  type InitiativeResult,
  type JsonValue,
  type TableView,
  type ViewEvent,
} from '@vtt/core';
import type { ActionDefinition, ModuleDefinition, RollDefinition } from '../define-module.js';
import {
  baseContext,
  guestDice,
  ModuleRejection,
  proposingContext,
  type ContextScope,
} from './guest-context.js';

/**
 * The functions a module bundle exports to the host: one per entry of
 * core's `GuestCallMap`, named by `GUEST_CALLS` (`vttLoad`, `vttRoll`, ...).
 */
export type GuestEntry = {
  readonly [K in GuestCall as (typeof GUEST_CALLS)[K]]: (call: GuestArg<K>) => GuestReply<K>;
};

/** Thrown when the host calls before loading the replica (e.g. after a worker restart). */
class NeedsLoad {}

/** The answer that makes the host load the replica and call again. */
export type NeedsLoadReply = GuestNeedsLoad;

function rejection(error: unknown): GuestRejection | GuestNeedsLoad {
  if (error instanceof NeedsLoad) return { needsLoad: true };
  if (error instanceof ModuleRejection) {
    return {
      rejected:
        error.data === undefined
          ? { reason: error.reason }
          : { reason: error.reason, data: error.data },
    };
  }
  throw error;
}

/** Runs `body`, turning `ctx.reject` into a rejection result; other throws stay faults. */
function guarded<T>(body: () => T): T | GuestRejection | GuestNeedsLoad {
  try {
    return body();
  } catch (error) {
    return rejection(error);
  }
}

/**
 * Wraps `definition` into the guest entry. Called once, at the top level of
 * the bundle that `vtt build` (or `bundleModule`) produces.
 *
 * @example
 * // the bundle's generated entry:
 * import definition from './src/module.ts';
 * export default createGuestEntry(definition);
 */
export function createGuestEntry(definition: ModuleDefinition): GuestEntry {
  const moduleId = definition.id;
  let replica: TableView | null = null;
  let seq = 0;
  /** A replica being loaded in parts (see `LoadCall`): current once its `end` arrives. */
  let loading: { seq: number; docs: TableView } | null = null;

  const docs = (): TableView => {
    if (replica === null) throw new NeedsLoad();
    return replica;
  };
  const derive = (actorId: string): JsonValue => {
    const state = docs();
    const subject = state.actors.get(actorId);
    const fn = subject === undefined ? undefined : definition.derived?.[subject.type];
    if (subject === undefined || fn === undefined) return null;
    const {
      user: _u,
      dice: _d,
      reject: _r,
      ...base
    } = baseContext({
      moduleId,
      docs: state,
      derive,
      user: { id: '', role: 'observer' },
      whole: true,
    });
    return fn({ ...base, subject });
  };
  const scope = (user: ContextScope['user']): ContextScope => ({
    moduleId,
    docs: docs(),
    user,
    derive,
  });
  const pick = <T>(table: Readonly<Record<string, T>> | undefined, name: string): T => {
    const found =
      table !== undefined && Object.prototype.hasOwnProperty.call(table, name)
        ? table[name]
        : undefined;
    if (found === undefined)
      throw new ModuleRejection(`module ${moduleId} has no "${name}"`, undefined);
    return found;
  };

  return {
    vttDescribe() {
      const entries = <T, R>(
        table: Readonly<Record<string, T>> | undefined,
        map: (value: T) => R,
      ) =>
        Object.fromEntries(Object.entries(table ?? {}).map(([name, value]) => [name, map(value)]));
      return {
        protocol: MODULE_PROTOCOL_VERSION,
        id: moduleId,
        actions: entries(definition.actions, (a) => ({
          schema: a.schema as JsonValue,
          ...(a.description ? { description: a.description } : {}),
        })),
        hooks: {
          before: Object.keys(definition.hooks?.before ?? {}),
          after: Object.keys(definition.hooks?.after ?? {}),
        },
        derived: Object.keys(definition.derived ?? {}),
        initiative: definition.initiative !== undefined,
        initiativePassStep: definition.initiative?.passStep ?? null,
        rolls: entries(definition.rolls, (r) => ({
          ...(r.label ? { label: r.label } : {}),
          ...(r.args ? { args: r.args as JsonValue } : {}),
        })),
        chatCommands: entries(definition.chatCommands, (c) =>
          c.description ? { description: c.description } : {},
        ),
        macros: entries(definition.macros, (m) => (m.label ? { label: m.label } : {})),
      };
    },
    vttLoad(call) {
      if (call.part === undefined || call.part === 'begin') {
        const docs = reviveView({ ...call.docs, viewerId: call.viewerId ?? '' });
        replica = null;
        loading = null;
        if (call.part === 'begin') {
          loading = { seq: call.seq, docs };
          return { seq: call.seq };
        }
        replica = docs;
        seq = call.seq;
        return { seq };
      }
      if (loading === null) return { needsLoad: true }; // a part without its begin: start over
      if (call.part === 'docs') {
        let into = loading.docs[call.collection] as DocMap<unknown>;
        for (const [id, doc] of Object.entries(call.docs)) into = into.set(id, doc);
        loading = { ...loading, docs: { ...loading.docs, [call.collection]: into } };
        return { seq: loading.seq };
      }
      if (call.part === 'chat') {
        const chat = loading.docs.chat as unknown[];
        for (const message of call.messages) chat.push(message);
        return { seq: loading.seq };
      }
      replica = loading.docs;
      seq = loading.seq;
      loading = null;
      return { seq };
    },
    vttApply(call) {
      if (replica === null) return { needsLoad: true };
      let next = replica;
      for (const event of call.events) {
        if (event.seq <= seq) continue; // already applied (a reload raced with this batch)
        if (event.seq !== seq + 1) {
          replica = null; // a gap: ask the host for the whole state on the next call
          return { needsLoad: true };
        }
        next = applyViewEvent(next, event as ViewEvent);
        seq = event.seq;
      }
      replica = next;
      return { seq };
    },
    vttAction(call) {
      return guarded(() => {
        const action = pick(definition.actions, call.type) as ActionDefinition;
        const proposals: GuestProposal[] = [];
        action.handle({
          ...proposingContext(scope(call.user), proposals),
          type: call.type,
          payload: call.payload,
        });
        return { proposals };
      });
    },
    vttBefore(call) {
      const hook = definition.hooks?.before?.[call.type];
      if (hook === undefined) return { payload: call.payload };
      return guarded(() => {
        const result = hook({
          ...baseContext(scope(call.user)),
          type: call.type,
          payload: call.payload,
        });
        // Always send a payload: the host refuses a before-hook reply without one.
        const payload = result?.payload === undefined ? call.payload : result.payload;
        return { payload };
      });
    },
    vttAfter(call) {
      return guarded(() => {
        const proposals: GuestProposal[] = [];
        for (const event of call.events) {
          const hook = definition.hooks?.after?.[event.type];
          if (hook === undefined) continue;
          hook({
            ...proposingContext(scope(call.user), proposals),
            event: {
              seq: event.seq,
              type: event.type,
              author: event.author,
              payload: event.payload as unknown as JsonValue,
            },
          });
        }
        return { proposals };
      });
    },
    vttDerive(call) {
      return guarded(() => ({ data: derive(call.actorId) }));
    },
    vttInitiative(call) {
      return guarded(() => {
        const model = definition.initiative;
        if (model === undefined)
          throw new ModuleRejection(`module ${moduleId} has no initiative model`, undefined);
        const state = docs();
        const results = call.combatantIds.map((combatantId) => {
          const combatant = state.combat?.combatants[combatantId];
          if (combatant === undefined)
            throw new ModuleRejection(`no combatant ${combatantId}`, undefined);
          const rolls: InitiativeResult['rolls'][number][] = [];
          const dice = {
            roll: (notation: string, options?: { label?: string }) => {
              const r = guestDice.roll(notation, options);
              rolls.push(r);
              return r;
            },
          };
          const subject = combatant.actorId ? state.actors.get(combatant.actorId) : undefined;
          const value = model.roll({
            ...baseContext(scope(call.user)),
            dice,
            args: call.args ?? null,
            combatant: {
              id: combatant.id,
              name: combatantName(state, combatant),
              actorId: combatant.actorId,
              tokenId: combatant.tokenId,
            },
            subject,
          });
          if (typeof value !== 'number' || !Number.isFinite(value))
            throw new Error(
              `module ${moduleId}: initiative must be a finite number, got ${String(value)}`,
            );
          return { combatantId, value, rolls };
        });
        return { results };
      });
    },
    vttRoll(call) {
      return guarded(() => {
        const named = pick(definition.rolls, call.name) as RollDefinition;
        const proposals: GuestProposal[] = [];
        const state = docs();
        const subject = call.actorId ? state.actors.get(call.actorId) : undefined;
        if (call.actorId && subject === undefined)
          throw new ModuleRejection(`no actor ${call.actorId}`, undefined);
        const result = named.roll({
          ...proposingContext(scope(call.user), proposals),
          subject,
          args: call.args,
        });
        const outcome = { ...result, name: result.name ?? call.name };
        if (typeof outcome.total !== 'number' || !Number.isFinite(outcome.total))
          throw new Error(`module ${moduleId}: roll "${call.name}" returned no finite total`);
        return { outcome, proposals };
      });
    },
    vttChat(call) {
      return guarded(() => {
        const command = pick(definition.chatCommands, call.command);
        const proposals: GuestProposal[] = [];
        const speaker = call.speaker ? docs().actors.get(call.speaker) : undefined;
        command.run({ ...proposingContext(scope(call.user), proposals), args: call.args, speaker });
        return { proposals };
      });
    },
    vttMacro(call) {
      return guarded(() => {
        const macro = pick(definition.macros, call.name);
        const proposals: GuestProposal[] = [];
        const speaker = call.speaker ? docs().actors.get(call.speaker) : undefined;
        macro.run({ ...proposingContext(scope(call.user), proposals), args: call.args, speaker });
        return { proposals };
      });
    },
  };
}
