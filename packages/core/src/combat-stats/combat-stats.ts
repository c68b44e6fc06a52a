/**
 * Combat history and statistics derived from the event log: each combat's
 * turns, and per combatant its rolls, damage and healing, as one reader may
 * know them. Pure and system-agnostic: the system's manifest says which
 * actor data is health (`combat.health`), the rolls' typed outcomes say
 * what was a crit or a hit. See docs/guide/combat-statistics.md.
 */
import type { TableEvent } from '../events/event-types.js';
import { parsePointer } from '../manifest/diagnostics.js';
import type { CombatHealthPath } from '../manifest/manifest-types.js';
import type { JsonValue } from '../model/json.js';
import type { Actor, ChatMessage, Combat, Combatant, Member } from '../model/documents.js';
import type { TableDocs, TableState } from '../model/state.js';
import { applyEvent } from '../reducer/apply-event.js';
import { ownsCombatant } from '../permissions/ownership.js';
import { combatantName } from '../views/combatant-name.js';
import { combatantVisible, viewDoc, viewMessage } from '../views/visibility.js';
import type { CombatHistory, CombatantStats, CombatTurn, RollTally } from './combat-stats-types.js';
import { addTally, messageRoll, NO_ROLLS } from './roll-tally.js';

/** What {@link createCombatStats} derives for. */
export interface CombatStatsOptions {
  /** The system manifest's `combat.health` (none: no damage or healing is counted). */
  readonly health?: readonly CombatHealthPath[];
  /**
   * The reader: only what they could see at the time counts (combatants
   * visible to them, messages that reached them, health fields of actor
   * data they could read). Absent: everything, as a GM sees it.
   */
  readonly viewerId?: string;
}

/** Takes the log one event at a time; see {@link createCombatStats}. */
export interface CombatStatsBuilder {
  /** Takes `event` with the states just before and just after it (in seq order). */
  add(event: TableEvent, before: TableDocs, after: TableDocs): void;
  /** The combats so far, oldest first; a running one has `endedSeq: null`. */
  combats(): CombatHistory[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface OpenCombat {
  readonly history: Mutable<Omit<CombatHistory, 'turns' | 'combatants' | 'unattributed'>>;
  readonly turns: CombatTurn[];
  readonly combatants: Map<string, Mutable<CombatantStats>>;
  readonly unattributed: { rolls: RollTally; damage: number; healing: number };
}

const GM_READER: Member = { id: '', name: '', role: 'gm' };

/**
 * Starts deriving combat statistics from a log fed event by event with
 * the states around each (the server walks its log this way, windows at a
 * time). Rules:
 *
 * - A combat runs from the event that makes `combat` its (`core:combat-started`,
 *   or an undo bringing it back) to the one that clears it; its turns are
 *   the `core:turn-advanced` events.
 * - Damage and healing: a change of a declared health number of a
 *   combatant's actor (a `pool` going down is damage, up healing; a
 *   `damage` track the other way round) is taken (or received) by that
 *   combatant and dealt (or done) by the combatant whose turn it was.
 * - Rolls: a named roll's card counts for the combatant of the actor it was
 *   rolled for; a roll with no actor (core's `/roll`) for the combatant
 *   whose turn it is when its author owns it (GMs own all), else for the
 *   author's one combatant, else as unattributed. Core's initiative rolls
 *   do not count.
 * - With `viewerId`, what the reader could not see at the time is left out:
 *   hidden combatants entirely (turns, numbers, name), messages that did
 *   not reach them, changes of fields of actor data hidden from them.
 *
 * @example
 * const stats = createCombatStats({ health: manifest.combat?.health, viewerId: 'u-player' });
 * for (const { event, before, after } of walk) stats.add(event, before, after);
 * stats.combats()[0].combatants[0].damageDealt; // 12
 */
export function createCombatStats(options: CombatStatsOptions = {}): CombatStatsBuilder {
  const health = options.health ?? [];
  const all: OpenCombat[] = [];
  let current: OpenCombat | undefined;
  let previous: TableEvent | undefined;

  const readerAt = (before: TableDocs, after: TableDocs): Member => {
    if (options.viewerId === undefined) return GM_READER;
    const id = options.viewerId;
    // Someone who was no member then is read as a player owning nothing.
    return after.members.get(id) ?? before.members.get(id) ?? { id, name: '', role: 'player' };
  };

  const open = (combat: Combat, event: TableEvent): OpenCombat => {
    const known = all.find((c) => c.history.id === combat.id);
    if (known !== undefined) {
      known.history.endedSeq = null;
      known.history.endedAt = null;
      return known;
    }
    const opened: OpenCombat = {
      history: {
        id: combat.id,
        sceneId: combat.sceneId,
        startedSeq: event.seq,
        startedAt: event.time,
        endedSeq: null,
        endedAt: null,
        rounds: 0,
      },
      turns: [],
      combatants: new Map(),
      unattributed: { rolls: NO_ROLLS, damage: 0, healing: 0 },
    };
    all.push(opened);
    return opened;
  };

  const close = (combat: OpenCombat, event: TableEvent): void => {
    combat.history.endedSeq = event.seq;
    combat.history.endedAt = event.time;
  };

  /** The stats of `c` when the reader sees it in `docs` (its name refreshed), else undefined. */
  const seen = (
    docs: TableDocs,
    c: Combatant | undefined,
    reader: Member,
  ): Mutable<CombatantStats> | undefined => {
    if (current === undefined || c === undefined || !combatantVisible(docs, c, reader)) {
      return undefined;
    }
    const name = combatantName(docs, c, reader);
    let stats = current.combatants.get(c.id);
    if (stats === undefined) {
      stats = {
        combatantId: c.id,
        name,
        actorId: c.actorId,
        turns: 0,
        rolls: NO_ROLLS,
        damageDealt: 0,
        damageTaken: 0,
        healingDone: 0,
        healingReceived: 0,
      };
      current.combatants.set(c.id, stats);
    }
    stats.name = name;
    stats.actorId = c.actorId;
    return stats;
  };

  const refresh = (docs: TableDocs, reader: Member): void => {
    for (const c of Object.values(docs.combat?.combatants ?? {})) seen(docs, c, reader);
  };

  const countRoll = (
    event: TableEvent<'core:message-posted'>,
    before: TableDocs,
    after: TableDocs,
    reader: Member,
  ): void => {
    const combat = before.combat;
    if (current === undefined || combat === null) return;
    const author = event.payload.author ?? event.author;
    const message: ChatMessage = {
      ...event.payload.message,
      seq: event.seq,
      author,
      time: event.time,
    };
    const shown = viewMessage(message, reader, after.campaign.visibility);
    const roll = shown === undefined ? null : messageRoll(shown);
    if (roll === null || isInitiativeCard(event, previous)) return;
    const target = rollCombatant(combat, before, roll.actorId, after.members.get(author));
    if (target === undefined) {
      current.unattributed.rolls = addTally(current.unattributed.rolls, roll.tally);
      return;
    }
    const stats = seen(before, target, reader);
    if (stats !== undefined) stats.rolls = addTally(stats.rolls, roll.tally);
  };

  const countHealth = (before: TableDocs, after: TableDocs, reader: Member): void => {
    const combat = after.combat ?? before.combat;
    if (current === undefined || combat === null || health.length === 0) return;
    if (before.actors === after.actors) return;
    const turn = before.combat?.turn ?? null;
    const acting = turn === null ? undefined : before.combat?.combatants[turn];
    const actor = acting === undefined ? undefined : seen(before, acting, reader);
    for (const [actorId, target] of combatantsByActor(combat)) {
      const was = before.actors.get(actorId);
      const is = after.actors.get(actorId);
      if (was === undefined || is === undefined || was === is) continue;
      const { damage, healing } = healthChange(was, is, health, reader, before, after);
      if (damage === 0 && healing === 0) continue;
      const taker = seen(after, target, reader);
      if (taker === undefined) continue;
      taker.damageTaken += damage;
      taker.healingReceived += healing;
      if (actor === undefined) {
        current.unattributed.damage += damage;
        current.unattributed.healing += healing;
      } else {
        actor.damageDealt += damage;
        actor.healingDone += healing;
      }
    }
  };

  return {
    add(event, before, after) {
      const reader = readerAt(before, after);
      if (after.combat !== null && after.combat.id !== current?.history.id) {
        if (current !== undefined) close(current, event);
        current = open(after.combat, event);
      }
      if (current !== undefined) {
        if (before.combat !== after.combat || before.tokens !== after.tokens) {
          refresh(after, reader);
        }
        if (event.type === 'core:turn-advanced' && after.combat !== null) {
          current.history.rounds = Math.max(current.history.rounds, after.combat.round);
          const turn = after.combat.turn;
          const stats =
            turn === null ? undefined : seen(after, after.combat.combatants[turn], reader);
          if (stats !== undefined) {
            stats.turns += 1;
            current.turns.push({
              seq: event.seq,
              time: event.time,
              round: after.combat.round,
              ...(after.combat.pass === undefined ? {} : { pass: after.combat.pass }),
              combatantId: stats.combatantId,
            });
          }
        }
        if (event.type === 'core:message-posted') {
          countRoll(event as TableEvent<'core:message-posted'>, before, after, reader);
        }
        countHealth(before, after, reader);
        if (after.combat === null) {
          refresh(before, reader);
          close(current, event);
          current = undefined;
        }
      }
      previous = event;
    },
    combats() {
      return all.map((c) => ({
        ...c.history,
        turns: [...c.turns],
        combatants: [...c.combatants.values()].map((s) => ({ ...s })),
        unattributed: { ...c.unattributed },
      }));
    },
  };
}

/**
 * Combat statistics of a stretch of the log replayed from `start` (the
 * state just before its first event): {@link createCombatStats} fed with
 * every event and the states `applyEvent` makes. For tests and tools; the
 * server walks its log in windows instead.
 *
 * @example
 * combatStats(events, createTableState(opts), { health: [{ path: '/hp/value', kind: 'pool' }] });
 */
export function combatStats(
  events: readonly TableEvent[],
  start: TableState,
  options: CombatStatsOptions = {},
): CombatHistory[] {
  const stats = createCombatStats(options);
  let state = start;
  for (const event of events) {
    const after = applyEvent(state, event);
    stats.add(event, state, after);
    state = after;
  }
  return stats.combats();
}

/** Core's `core:roll-initiative` posts its card right after its `core:initiative-set`. */
function isInitiativeCard(event: TableEvent, previous: TableEvent | undefined): boolean {
  return (
    (event as TableEvent<'core:message-posted'>).payload.message.verified?.by === 'core' &&
    previous?.type === 'core:initiative-set' &&
    previous.seq === event.seq - 1 &&
    previous.author === event.author
  );
}

/** The combatant a roll counts for (see {@link createCombatStats}), or undefined. */
function rollCombatant(
  combat: Combat,
  docs: TableDocs,
  actorId: string | null,
  author: Member | undefined,
): Combatant | undefined {
  const turn = combat.turn === null ? undefined : combat.combatants[combat.turn];
  if (actorId !== null) {
    if (turn?.actorId === actorId) return turn;
    return combatantsByActor(combat).get(actorId);
  }
  if (author === undefined) return undefined;
  if (turn !== undefined && ownsCombatant(docs, turn, author)) return turn;
  if (author.role === 'gm') return undefined;
  const own = Object.values(combat.combatants).filter((c) => ownsCombatant(docs, c, author));
  return own.length === 1 ? own[0] : undefined;
}

/** Each actor of the combat with the one combatant that stands for it: the first to join. */
function combatantsByActor(combat: Combat): Map<string, Combatant> {
  const out = new Map<string, Combatant>();
  for (const c of Object.values(combat.combatants)) {
    if (c.actorId !== null && !out.has(c.actorId)) out.set(c.actorId, c);
  }
  return out;
}

/**
 * Damage and healing between two versions of an actor, over the paths its
 * type declares. A `damage` track not written yet holds 0. For a reader who
 * is no GM, a path counts only where they could read it on both sides.
 */
function healthChange(
  was: Actor,
  is: Actor,
  health: readonly CombatHealthPath[],
  reader: Member,
  before: TableDocs,
  after: TableDocs,
): { damage: number; healing: number } {
  let damage = 0;
  let healing = 0;
  const ref = { collection: 'actors', id: is.id } as const;
  let seenWas: JsonValue | undefined;
  let seenIs: JsonValue | undefined;
  if (reader.role !== 'gm') {
    seenWas = (viewDoc(before, ref, reader) as Actor | undefined)?.data;
    seenIs = (viewDoc(after, ref, reader) as Actor | undefined)?.data;
  }
  for (const entry of health) {
    if (entry.actorTypes !== undefined && !entry.actorTypes.includes(is.type)) continue;
    const rawFrom = numberAt(was.data, entry.path);
    const rawTo = numberAt(is.data, entry.path);
    if (reader.role !== 'gm') {
      const hidden = (raw: number | undefined, seen: JsonValue | undefined) =>
        raw !== undefined && numberAt(seen, entry.path) !== raw;
      if (seenWas === undefined || seenIs === undefined) continue;
      if (hidden(rawFrom, seenWas) || hidden(rawTo, seenIs)) continue;
    }
    const unset = entry.kind === 'damage' ? 0 : undefined;
    const from = rawFrom ?? unset;
    const to = rawTo ?? unset;
    if (from === undefined || to === undefined || from === to) continue;
    const harm = entry.kind === 'pool' ? from - to : to - from;
    if (harm > 0) damage += harm;
    else healing -= harm;
  }
  return { damage, healing };
}

/** The number at JSON pointer `path` of `data`, or undefined. */
function numberAt(data: JsonValue | undefined, path: string): number | undefined {
  let node: unknown = data;
  for (const token of parsePointer(path) ?? []) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return typeof node === 'number' && Number.isFinite(node) ? node : undefined;
}
