/**
 * A table with its modules: the authoritative pipeline of ARCHITECTURE.md
 * ("action -> events -> state") with module rules in the sandbox. Used by the
 * server and by `@vtt/sdk/testing`, so module tests run the production path.
 */
import {
  commit,
  decide,
  viewDoc,
  VttError,
  type EventDraft,
  type GuestUser,
  type JsonValue,
  type ModuleDescription,
  type RngState,
  type RollRecord,
  type TableAction,
  type TableEvent,
  type TableState,
} from '@vtt/core';
import { actorDataValidators, checkActorData } from './actor-data-check.js';
import { decideProposals } from './decide-proposals.js';
import type { ModuleTable, ModuleTableOptions, TableChange } from './module-table-types.js';
import { openModuleSlot, type ModuleSlot } from './module-slot.js';
import { initiativeOf, needsLoad, outcomeOf, proposalsOf, rejectionOf } from './guest-replies.js';
import { createDiceSeam, cryptoSeed } from './dice-seam.js';
import { checkedOutcome, recordsById } from './host-rolls.js';

const stripServer = (events: readonly TableEvent[]): TableEvent[] =>
  events.map(({ server: _server, ...event }) => event as TableEvent);

const docsOf = (state: TableState) => {
  const { seq: _s, rng: _r, undo: _u, ...docs } = state;
  return docs;
};

/**
 * Loads `options.modules` into the sandbox for one table and returns the
 * table's pipeline. Each module's replica is loaded with the state and kept
 * in step by feeding it every committed event.
 *
 * @example
 * const table = await createModuleTable({ host, tableId: 'c1', state, modules: [{ id: 'dnd5e', source }] });
 * await table.dispatch({ type: 'dnd5e:take-rest', payload: { actorId: 'a1' } }, 'u-player');
 */
export async function createModuleTable(options: ModuleTableOptions): Promise<ModuleTable> {
  const clock = options.clock ?? Date.now;
  let state = options.state;
  const slots = new Map<string, ModuleSlot>();
  const dice = createDiceSeam(); // tests' forced faces: never in `state`
  const newSeed = options.newSeed ?? cryptoSeed;
  const actorData = actorDataValidators(
    options.modules.flatMap((bundle) => (bundle.manifest ? [bundle.manifest] : [])),
  );
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const load = (slot: Pick<ModuleSlot, 'instance'>) =>
    slot.instance.call(
      'vttLoad',
      { docs: docsOf(state), seq: state.seq, viewerId: null } as unknown as JsonValue,
      { now: clock() },
    );

  const call = async (
    slot: ModuleSlot,
    fn: string,
    arg: unknown,
    rng?: RngState,
  ): Promise<{ value: JsonValue; rng: RngState; rolls: readonly RollRecord[] }> => {
    const options = { now: clock(), ...(rng ? { rng, ...dice.callOptions() } : {}) };
    try {
      let result = await slot.instance.call(fn, arg as JsonValue, options);
      if (needsLoad(result.value)) {
        await load(slot);
        result = await slot.instance.call(fn, arg as JsonValue, options);
      }
      dice.used(result.forcedUsed);
      return result;
    } catch (error) {
      await announceQuarantine(slot, error);
      throw error;
    }
  };

  /**
   * Tells the GMs, once, in a chat message only they see, that a module was
   * quarantined at this table and why; other tables are unaffected.
   */
  const announced = new Set<string>();
  const announceQuarantine = async (slot: ModuleSlot, error: unknown): Promise<void> => {
    const status = slot.instance.status();
    if (status.state !== 'quarantined' || announced.has(slot.id)) return;
    const gms = Object.values(state.members).filter((m) => m.role === 'gm');
    if (gms.length === 0) return;
    announced.add(slot.id);
    const cause =
      status.lastError?.code ?? (error as { code?: string } | null)?.code ?? 'repeated failures';
    const text =
      `Module "${slot.id}" was stopped at this table after ${status.failuresInRow} failures in a row ` +
      `(last: ${cause}). Its actions, rolls and hooks are refused until the table reloads it; ` +
      `other tables are not affected. Report it to the module's author.`;
    const now = clock();
    const action = { type: 'core:send-message', payload: { text, whisper: gms.map((m) => m.id) } };
    const drafts = decide(state, action as unknown as TableAction, { userId: gms[0]!.id, now });
    await commitAndSync(drafts, gms[0]!.id, now, false);
  };

  const userOf = (userId: string): GuestUser => {
    const member = state.members[userId];
    if (member === undefined) throw new VttError('VTT_ERR_PERMISSION_NOT_MEMBER', { userId });
    return { id: member.id, role: member.role };
  };

  const slotFor = (
    moduleId: string | undefined,
    kind: string,
    name: string,
    has: (d: ModuleDescription) => boolean,
  ): ModuleSlot => {
    if (moduleId !== undefined) {
      const slot = slots.get(moduleId);
      if (slot === undefined) throw new VttError('VTT_ERR_MODULE_NOT_FOUND', { moduleId });
      if (!has(slot.description)) throw new VttError('VTT_ERR_MODULE_UNKNOWN_NAME', { kind, name });
      return slot;
    }
    for (const slot of slots.values()) if (has(slot.description)) return slot;
    throw new VttError('VTT_ERR_MODULE_UNKNOWN_NAME', { kind, name });
  };

  const rejected = (slot: ModuleSlot, what: string, value: JsonValue) => {
    const rejection = rejectionOf(value);
    if (rejection)
      throw new VttError('VTT_ERR_MODULE_REJECTED', {
        moduleId: slot.id,
        what,
        reason: rejection.reason,
      });
  };

  /** Commits drafts as one batch, feeds the replicas, and runs after-hooks once. */
  const commitAndSync = async (
    drafts: readonly EventDraft[],
    userId: string,
    now: number,
    runAfter = true,
  ): Promise<TableChange> => {
    if (drafts.length === 0) return { events: [], warnings: [] };
    const committed = commit(state, drafts, { author: userId, now });
    checkActorData(actorData, drafts, committed.state);
    state = committed.state;
    const forGuests = stripServer(committed.events) as unknown as JsonValue;
    for (const slot of slots.values()) {
      // A replica that misses events reloads itself on its next call (needsLoad).
      await slot.instance.call('vttApply', { events: forGuests }, { now }).catch(() => undefined);
    }
    const events = [...committed.events];
    const warnings: VttError[] = [];
    if (!runAfter) return { events, warnings };
    const user = userOf(userId);
    for (const slot of slots.values()) {
      const hooked = new Set(slot.description.hooks.after);
      const relevant = committed.events.filter((e) => hooked.has(e.type));
      if (relevant.length === 0) continue;
      try {
        const reply = await call(
          slot,
          'vttAfter',
          { events: stripServer(relevant), user },
          state.rng,
        );
        rejected(slot, 'the follow-up', reply.value);
        const follow = decideProposals(state, proposalsOf(slot.id, 'vttAfter', reply.value), {
          moduleId: slot.id,
          userId,
          now,
          rng: reply.rng,
          rolls: reply.rolls,
        });
        const more = await commitAndSync(follow, userId, now, false);
        events.push(...more.events);
      } catch (error) {
        if (!(error instanceof VttError)) throw error;
        warnings.push(error);
      }
    }
    return { events, warnings };
  };

  /** Throws NOT_FOUND unless `userId` may see actor `actorId` (as for anything hidden). */
  const visibleActor = (userId: string, actorId: string): void => {
    const member = state.members[userId];
    const ref = { collection: 'actors', id: actorId } as const;
    if (member === undefined || viewDoc(state, ref, member) === undefined) {
      throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', ref);
    }
  };

  /** The actor a user speaks as: null, or an actor the user can see. */
  const speakerFor = (userId: string, speaker: string | null | undefined): string | null => {
    if (speaker === undefined || speaker === null) return null;
    visibleActor(userId, speaker);
    return speaker;
  };

  /** Throws VTT_ERR_ACTION_INVALID for the first schema problem, naming its pointer. */
  const invalidIf = (problems: readonly { pointer: string; message: string; fix: string }[]) => {
    const first = problems[0];
    if (first === undefined) return;
    const { pointer, message, fix } = first;
    const problem = message.replace(/\.$/, ''); // the template ends the sentence itself
    throw new VttError('VTT_ERR_ACTION_INVALID', { pointer, problem, fix });
  };

  /** The system's initiative passes go into every combat started without its own. */
  const withPassStep = (payload: JsonValue): JsonValue => {
    const system = [...slots.values()].find((slot) => slot.description.initiative);
    const step = system?.description.initiativePassStep ?? null;
    if (
      step === null ||
      typeof payload !== 'object' ||
      payload === null ||
      Array.isArray(payload)
    ) {
      return payload;
    }
    return 'passStep' in payload ? payload : { ...payload, passStep: step };
  };

  const runProposals = async (
    slot: ModuleSlot,
    fn: string,
    what: string,
    arg: unknown,
    userId: string,
  ): Promise<TableChange> => {
    const now = clock();
    const reply = await call(slot, fn, arg, state.rng);
    rejected(slot, what, reply.value);
    const drafts = decideProposals(state, proposalsOf(slot.id, fn, reply.value), {
      moduleId: slot.id,
      userId,
      now,
      rng: reply.rng,
      rolls: reply.rolls,
    });
    return commitAndSync(drafts, userId, now);
  };

  for (const [index, bundle] of options.modules.entries()) {
    const slot = await openModuleSlot({
      host: options.host,
      key: `${options.tableId}:${bundle.id ?? `module-${index}`}`,
      bundle,
      rng: state.rng,
      now: clock(),
      taken: (id) => slots.has(id),
    });
    await load(slot);
    slots.set(slot.id, slot);
  }

  return {
    get state() {
      return state;
    },
    modules: new Map([...slots].map(([id, slot]) => [id, slot.description])),
    dispatch: (action, userId) =>
      serial(async () => {
        const user = userOf(userId);
        const now = clock();
        const type = typeof action?.type === 'string' ? action.type : '';
        if (type === '' || type.startsWith('core:')) {
          let payload = (action?.payload ?? null) as JsonValue;
          for (const slot of slots.values()) {
            if (!slot.description.hooks.before.includes(type)) continue;
            const reply = await call(slot, 'vttBefore', { type, payload, user }, state.rng);
            const rejection = rejectionOf(reply.value);
            if (rejection)
              throw new VttError('VTT_ERR_MODULE_VETOED', {
                moduleId: slot.id,
                type,
                reason: rejection.reason,
              });
            payload = ((reply.value as { payload?: JsonValue } | null)?.payload ??
              payload) as JsonValue;
          }
          if (type === 'core:start-combat') payload = withPassStep(payload);
          const rng = dice.coreRng(state);
          const drafts = decide(state, { ...action, payload } as unknown as TableAction, {
            userId,
            now,
            ...(rng ? { rng } : {}),
            ...(type === 'core:start-session' ? { seed: newSeed() } : {}),
          });
          return commitAndSync(drafts, userId, now);
        }
        const moduleId = type.slice(0, type.indexOf(':'));
        const slot = slotFor(
          moduleId === '' ? type : moduleId,
          'action',
          type,
          (d) => type in d.actions,
        );
        invalidIf(slot.validators.get(type)?.(action.payload) ?? []);
        return runProposals(
          slot,
          'vttAction',
          type,
          { type, payload: action.payload, user },
          userId,
        );
      }),
    roll: (request) =>
      serial(async () => {
        const user = userOf(request.userId);
        const slot = slotFor(
          request.moduleId,
          'roll',
          request.name,
          (d) => request.name in d.rolls,
        );
        const actorId = request.actorId ?? null;
        if (actorId !== null) visibleActor(request.userId, actorId);
        // A roll that declares an args schema gets {} when the request has none.
        const argsValidator = slot.validators.get(`roll:${request.name}`);
        const args = request.args ?? (argsValidator === undefined ? null : {});
        invalidIf(argsValidator?.(args) ?? []);
        const now = clock();
        const reply = await call(
          slot,
          'vttRoll',
          {
            name: request.name,
            actorId: request.actorId ?? null,
            args,
            user,
          },
          state.rng,
        );
        rejected(slot, `roll ${request.name}`, reply.value);
        const outcome = checkedOutcome(
          slot.id,
          recordsById(reply.rolls),
          outcomeOf(slot.id, reply.value),
        );
        const card = {
          kind: 'message' as const,
          text: `${outcome.label || outcome.name}: ${outcome.total}`,
          roll: outcome.rolls[0] ?? null,
          whisper: [],
          data: { outcome } as unknown as JsonValue,
        };
        const proposals = [card, ...proposalsOf(slot.id, 'vttRoll', reply.value)];
        const drafts = decideProposals(state, proposals, {
          moduleId: slot.id,
          userId: request.userId,
          now,
          rng: reply.rng,
          rolls: reply.rolls,
        });
        return { outcome, ...(await commitAndSync(drafts, request.userId, now)) };
      }),
    rollInitiative: (request) =>
      serial(async () => {
        const user = userOf(request.userId);
        const slot = slotFor(undefined, 'initiative model', 'initiative', (d) => d.initiative);
        const combat = state.combat;
        const ids =
          request.combatantIds ??
          Object.values(combat?.combatants ?? {})
            .filter((c) => c.initiative === null)
            .map((c) => c.id);
        const now = clock();
        const reply = await call(
          slot,
          'vttInitiative',
          { combatantIds: ids, user, args: request.args ?? null },
          state.rng,
        );
        rejected(slot, 'initiative', reply.value);
        const proposals = initiativeOf(slot.id, reply.value).map((r) => ({
          kind: 'action' as const,
          type: 'core:set-initiative',
          payload: { combatantId: r.combatantId, initiative: r.value } as JsonValue,
        }));
        const drafts = decideProposals(state, proposals, {
          moduleId: slot.id,
          userId: request.userId,
          now,
          rng: reply.rng,
          rolls: reply.rolls,
        });
        return commitAndSync(drafts, request.userId, now);
      }),
    chat: (request) =>
      serial(async () => {
        const user = userOf(request.userId);
        const speaker = speakerFor(request.userId, request.speaker);
        const match = /^\/([a-z][\w-]*)(?:\s+([\s\S]*))?$/i.exec(request.text.trim());
        if (match === null) {
          const now = clock();
          const drafts = decide(
            state,
            {
              type: 'core:send-message',
              payload: { text: request.text, ...(speaker === null ? {} : { speaker }) },
            } as unknown as TableAction,
            { userId: request.userId, now },
          );
          return commitAndSync(drafts, request.userId, now);
        }
        const command = match[1]!;
        const slot = slotFor(
          undefined,
          'chat command',
          `/${command}`,
          (d) => command in d.chatCommands,
        );
        return runProposals(
          slot,
          'vttChat',
          `/${command}`,
          { command, args: match[2] ?? '', user, speaker },
          request.userId,
        );
      }),
    macro: (request) =>
      serial(async () => {
        const user = userOf(request.userId);
        const speaker = speakerFor(request.userId, request.speaker);
        const slot = slotFor(
          request.moduleId,
          'macro',
          request.name,
          (d) => request.name in d.macros,
        );
        return runProposals(
          slot,
          'vttMacro',
          `macro ${request.name}`,
          { name: request.name, args: request.args ?? null, user, speaker },
          request.userId,
        );
      }),
    derived: (actorId) =>
      serial(async () => {
        const actor = state.actors[actorId];
        if (actor === undefined)
          throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', { collection: 'actors', id: actorId });
        for (const slot of slots.values()) {
          if (!slot.description.derived.includes(actor.type)) continue;
          const { value } = await call(slot, 'vttDerive', { actorId });
          return ((value as { data?: JsonValue } | null)?.data ?? null) as JsonValue;
        }
        return null;
      }),
    forceDice: (faces) => dice.force(faces),
    status: (moduleId) => slots.get(moduleId)?.instance.status(),
    close: async () => {
      await queue;
      await Promise.all([...slots.values()].map((slot) => slot.instance.dispose()));
      slots.clear();
    },
  };
}
