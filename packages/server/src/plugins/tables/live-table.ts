/**
 * One live table in memory: a `ModuleTable` over the campaign's state, a
 * queue that runs its requests one at a time, and the flush that makes
 * each request's events durable (with its ack) before anyone hears of them.
 */
import {
  applyEvent,
  stateHash,
  type AckMessage,
  type JsonValue,
  type RequestMessage,
  type TableEvent,
  type TableState,
  VttError,
} from '@vtt/core';
import {
  createModuleTable,
  type ModuleBundle,
  type ModuleTable,
  type SandboxHost,
} from '@vtt/sandbox';
import type { Kysely } from 'kysely';
import type { Database } from '../../persistence/database-schema.js';
import {
  appendEvents,
  appliedAck,
  type AppliedRequest,
  loadState,
  saveSnapshot,
} from './table-store.js';

/** Events made durable together, with the states around each (`states[i]` before `events[i]`). */
export interface CommitBatch {
  readonly events: readonly TableEvent[];
  readonly states: readonly TableState[];
}

/** What a live table needs from the server. */
export interface LiveTableDeps {
  readonly db: Kysely<Database>;
  readonly host: SandboxHost;
  readonly snapshotEvery: number;
  readonly bundles: (campaignId: string) => Promise<ModuleBundle[]>;
  readonly log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** Told how long each append took to become durable, in ms (metrics). */
  readonly onAppended?: (ms: number) => void;
  /** An uploaded image's pixel size (a new scene's default size is its map's). */
  readonly imageSize?: (
    campaignId: string,
    assetId: string,
  ) => Promise<{ readonly width: number; readonly height: number } | null>;
}

/** Client action types only the server itself dispatches (membership comes from the campaign's members). */
const SERVER_ONLY = new Set(['core:set-member', 'core:remove-member']);

/** A payload that sets the campaign's add-ons: only the server records them, as `campaign_modules` says. */
const hasModules = (payload: unknown): boolean =>
  typeof payload === 'object' && payload !== null && 'modules' in payload;

let generation = 0;

/**
 * A module table of `modules` over `state`. A failed load disposes the
 * sandbox instances it had opened before the module that failed.
 */
async function buildModuleTable(
  deps: LiveTableDeps,
  campaignId: string,
  state: TableState,
  modules: readonly ModuleBundle[],
  onCommit: (events: readonly TableEvent[]) => void,
): Promise<ModuleTable> {
  const tableId = `${campaignId}#${++generation}`;
  try {
    return await createModuleTable({ host: deps.host, tableId, state, modules, onCommit });
  } catch (error) {
    await Promise.all(
      modules.map((bundle, i) =>
        deps.host
          .get(`${tableId}:${bundle.id ?? `module-${i}`}`)
          ?.dispose()
          .catch(() => undefined),
      ),
    );
    throw error;
  }
}

/** Whether two lists of module ids are the same, in the same order. */
const sameIds = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/** A campaign's table, loaded from its snapshot and log. */
export class LiveTable {
  readonly campaignId: string;
  readonly #deps: LiveTableDeps;
  #table!: ModuleTable;
  #pending: TableEvent[] = [];
  #flushed!: TableState;
  #snapshotSeq = 0;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #listeners = new Set<(batch: CommitBatch) => void>();
  readonly #moduleListeners = new Set<() => void>();
  /** Set when the memory got ahead of the disk: the table must be reloaded. */
  broken = false;
  /** Last time a request ran or a connection came or went. */
  lastUsed = Date.now();
  /** Open connections (the realtime plugin counts them); idle unload waits for 0. */
  connections = 0;

  private constructor(campaignId: string, deps: LiveTableDeps) {
    this.campaignId = campaignId;
    this.#deps = deps;
  }

  /** Loads the latest snapshot and the events after it, starts the modules' rules, persists their load events. */
  static async load(campaignId: string, deps: LiveTableDeps): Promise<LiveTable> {
    const live = new LiveTable(campaignId, deps);
    const { state, snapshotSeq } = await loadState(deps.db, campaignId);
    live.#flushed = state;
    live.#snapshotSeq = snapshotSeq;
    live.#table = await buildModuleTable(
      deps,
      campaignId,
      state,
      await deps.bundles(campaignId),
      (events) => void live.#pending.push(...events),
    );
    // The module policy's events (seqs right after the loaded state) come before any hook's.
    live.#pending.unshift(...live.#table.loadEvents);
    await live.#flush(null);
    return live;
  }

  /** The authoritative state (secret: never sent as is). */
  get state(): TableState {
    return this.#flushed;
  }

  /** The modules' status, for every member to see. */
  moduleStatus(): { moduleId: string; state: 'active' | 'suspended' }[] {
    return this.#table.moduleStatus().map((m) => ({ moduleId: m.moduleId, state: m.state }));
  }

  /** Listens to every durable batch of events; returns the unsubscribe function. */
  subscribe(listener: (batch: CommitBatch) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Listens to every change of the table's rules (its modules reloaded); returns the unsubscribe function. */
  onModulesChanged(listener: () => void): () => void {
    this.#moduleListeners.add(listener);
    return () => this.#moduleListeners.delete(listener);
  }

  /**
   * Swaps in the rules of `bundles` (the system first, then the add-ons),
   * in the request queue so no request interleaves, keeping the state:
   * loads them over the current state, records `addons` in the state
   * (`core:update-campaign`), runs `save`, then swaps them in, persists the
   * module policy's load events and the record, and disposes the old
   * sandbox instances. Until the swap nothing has changed: when a module
   * fails to load, or `save` fails, the old rules keep running and the
   * error is thrown.
   *
   * @example
   * await live.reloadModules({ bundles, addons: ['probe'], save: () => writeRows() });
   */
  reloadModules(change: {
    readonly bundles: readonly ModuleBundle[];
    readonly addons: readonly string[];
    readonly save: () => Promise<void>;
  }): Promise<void> {
    return this.#enqueue(async () => {
      this.lastUsed = Date.now();
      if (this.broken) throw new VttError('VTT_ERR_SERVER_INTERNAL');
      const sink = { live: false, events: [] as TableEvent[] };
      const next = await buildModuleTable(
        this.#deps,
        this.campaignId,
        this.#flushed,
        change.bundles,
        (events) => void (sink.live ? this.#pending : sink.events).push(...events),
      );
      try {
        const gm = [...next.state.members.values()].find((m) => m.role === 'gm');
        if (gm !== undefined && !sameIds(next.state.campaign.modules, change.addons)) {
          await next.dispatch(
            { type: 'core:update-campaign', payload: { modules: [...change.addons] } },
            gm.id,
          );
        }
        await change.save();
      } catch (error) {
        await next.close();
        throw error;
      }
      const old = this.#table;
      this.#table = next;
      sink.live = true;
      this.#pending.push(...next.loadEvents, ...sink.events);
      try {
        await this.#flush(null);
      } finally {
        await old
          .close()
          .catch((error: unknown) =>
            this.#deps.log.warn(
              { err: error, campaignId: this.campaignId },
              'the old rules could not be disposed',
            ),
          );
        for (const listener of this.#moduleListeners) listener();
      }
    });
  }

  /** Runs `work` after every earlier request, alone. */
  #enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Makes the pending events (and the request's ack) durable, then tells the listeners. */
  async #flush(applied: AppliedRequest | null): Promise<void> {
    const events = this.#pending;
    this.#pending = [];
    if (events.length === 0 && applied === null) return;
    const started = performance.now();
    try {
      await appendEvents(this.#deps.db, this.campaignId, events, applied);
      this.#deps.onAppended?.(performance.now() - started);
    } catch (error) {
      this.broken = true;
      this.#deps.log.error(
        { err: error, campaignId: this.campaignId },
        'events could not be written; the table reloads',
      );
      throw new VttError('VTT_ERR_SERVER_INTERNAL', {}, { cause: error });
    }
    if (events.length === 0) return;
    const states = [this.#flushed];
    for (let i = 0; i < events.length - 1; i++) states.push(applyEvent(states[i]!, events[i]!));
    states.push(this.#table.state);
    this.#flushed = this.#table.state;
    for (const listener of this.#listeners) listener({ events, states });
    if (this.#flushed.seq - this.#snapshotSeq >= this.#deps.snapshotEvery) {
      this.#snapshotSeq = this.#flushed.seq;
      await saveSnapshot(this.#deps.db, this.campaignId, this.#flushed).catch((error: unknown) =>
        this.#deps.log.warn(
          { err: error, campaignId: this.campaignId },
          'snapshot failed; the log still holds every event',
        ),
      );
    }
  }

  /**
   * Runs one request of `userId` and answers its ack once its events are
   * durable. A client id already applied answers the first ack again
   * (`duplicate: true`) and changes nothing.
   * @throws VttError when the request is refused; nothing changed then.
   */
  request(userId: string, message: RequestMessage): Promise<AckMessage> {
    return this.#enqueue(async () => {
      this.lastUsed = Date.now();
      if (this.broken) throw new VttError('VTT_ERR_SERVER_INTERNAL');
      const before = await appliedAck(this.#deps.db, this.campaignId, userId, message.id);
      if (before !== null) return { ...(JSON.parse(before) as AckMessage), duplicate: true };
      let result: JsonValue | undefined;
      let warnings: readonly VttError[];
      try {
        const change = await this.#run(userId, message);
        result = change.result;
        warnings = change.warnings;
      } catch (error) {
        await this.#flush(null); // a quarantine notice is an event too
        throw error;
      }
      const ack: AckMessage = {
        type: 'ack',
        id: message.id,
        seq: this.#table.state.seq,
        ...(result === undefined ? {} : { result }),
        ...(warnings.length === 0 ? {} : { warnings: warnings.map((w) => w.toJSON()) }),
      };
      const changed = this.#pending.length > 0;
      await this.#flush(
        changed ? { userId, clientId: message.id, ack: JSON.stringify(ack) } : null,
      );
      return ack;
    });
  }

  /** A `core:create-scene` with a map but no size gets the map's pixel size. */
  async #withMapSize(type: string, payload: unknown): Promise<unknown> {
    if (type !== 'core:create-scene' || this.#deps.imageSize === undefined) return payload;
    if (typeof payload !== 'object' || payload === null) return payload;
    const fields = payload as { background?: unknown; width?: unknown; height?: unknown };
    const asset = (fields.background as { asset?: unknown } | null | undefined)?.asset;
    if (typeof asset !== 'string' || (fields.width !== undefined && fields.height !== undefined)) {
      return payload;
    }
    const size = await this.#deps.imageSize(this.campaignId, asset);
    if (size === null) return payload;
    return { ...fields, width: fields.width ?? size.width, height: fields.height ?? size.height };
  }

  async #run(
    userId: string,
    message: RequestMessage,
  ): Promise<{ result?: JsonValue; warnings: readonly VttError[] }> {
    const table = this.#table;
    switch (message.type) {
      case 'action': {
        if (SERVER_ONLY.has(message.action.type)) {
          throw new VttError('VTT_ERR_PROTOCOL_SERVER_ONLY', { type: message.action.type });
        }
        if (message.action.type === 'core:update-campaign' && hasModules(message.action.payload)) {
          throw new VttError('VTT_ERR_PROTOCOL_MODULES_OVER_HTTP');
        }
        return table.dispatch(
          {
            type: message.action.type,
            payload: await this.#withMapSize(message.action.type, message.action.payload ?? null),
          },
          userId,
        );
      }
      case 'roll': {
        const change = await table.roll({
          name: message.name,
          userId,
          ...(message.actorId === undefined ? {} : { actorId: message.actorId }),
          ...(message.args === undefined ? {} : { args: message.args }),
          ...(message.moduleId === undefined ? {} : { moduleId: message.moduleId }),
        });
        return { result: change.outcome as unknown as JsonValue, warnings: change.warnings };
      }
      case 'initiative':
        return table.rollInitiative({
          userId,
          ...(message.combatantIds === undefined ? {} : { combatantIds: message.combatantIds }),
          ...(message.args === undefined ? {} : { args: message.args }),
        });
      case 'chat':
        return table.chat({
          userId,
          text: message.text,
          ...(message.speaker === undefined ? {} : { speaker: message.speaker }),
        });
      case 'macro':
        return table.macro({
          userId,
          name: message.name,
          ...(message.args === undefined ? {} : { args: message.args }),
          ...(message.moduleId === undefined ? {} : { moduleId: message.moduleId }),
          ...(message.speaker === undefined ? {} : { speaker: message.speaker }),
        });
      case 'derived':
        return { result: await table.derived(message.actorId, userId), warnings: [] };
      case 'restart-module':
        return table.restartModule(message.moduleId, userId);
    }
  }

  /** Records a membership change, dispatched as a GM of the table (the server's own doing). */
  syncMember(member: {
    readonly userId: string;
    readonly name: string;
    readonly role: string | null;
  }): Promise<void> {
    return this.#enqueue(async () => {
      this.lastUsed = Date.now();
      const state = this.#table.state;
      const gm =
        [...state.members.values()].find((m) => m.role === 'gm' && m.id !== member.userId) ??
        [...state.members.values()].find((m) => m.role === 'gm');
      if (gm === undefined) throw new Error(`campaign ${this.campaignId} has no GM in its table`);
      const current = state.members.get(member.userId);
      try {
        if (member.role === null) {
          if (current !== undefined)
            await this.#table.dispatch(
              { type: 'core:remove-member', payload: { userId: member.userId } },
              gm.id,
            );
        } else if (current?.role !== member.role || current.name !== member.name) {
          await this.#table.dispatch(
            {
              type: 'core:set-member',
              payload: { userId: member.userId, name: member.name, role: member.role },
            },
            gm.id,
          );
        }
      } finally {
        await this.#flush(null);
      }
    });
  }

  /**
   * Brings the table in line with the campaign's rows (its name, its
   * enabled add-ons, and its members with their roles and display names), as the server itself:
   * changes made while the table was not loaded (an archived campaign
   * renamed or left) reach it when it loads. Joins and role changes go
   * first, removals last, so a GM is always there to record them.
   */
  async reconcile(campaign: {
    readonly name: string;
    readonly addons: readonly string[];
    readonly members: readonly {
      readonly userId: string;
      readonly name: string;
      readonly role: string;
    }[];
  }): Promise<void> {
    const known = new Set(campaign.members.map((m) => m.userId));
    for (const member of campaign.members) await this.syncMember(member);
    for (const userId of [...this.state.members.keys()]) {
      if (!known.has(userId)) await this.syncMember({ userId, name: userId, role: null });
    }
    await this.syncName(campaign.name);
    await this.#syncAddons(campaign.addons);
  }

  /** Records the add-ons the table runs (`campaign_modules`) in its state, dispatched as a GM of the table. */
  #syncAddons(addons: readonly string[]): Promise<void> {
    return this.#enqueue(async () => {
      const state = this.#table.state;
      if (sameIds(state.campaign.modules, addons)) return;
      const gm = [...state.members.values()].find((m) => m.role === 'gm');
      if (gm === undefined) throw new Error(`campaign ${this.campaignId} has no GM in its table`);
      try {
        await this.#table.dispatch(
          { type: 'core:update-campaign', payload: { modules: [...addons] } },
          gm.id,
        );
      } finally {
        await this.#flush(null);
      }
    });
  }

  /** Gives the table the campaign's name (renamed over HTTP), dispatched as a GM of the table. */
  syncName(name: string): Promise<void> {
    return this.#enqueue(async () => {
      this.lastUsed = Date.now();
      const state = this.#table.state;
      if (state.campaign.name === name) return;
      const gm = [...state.members.values()].find((m) => m.role === 'gm');
      if (gm === undefined) throw new Error(`campaign ${this.campaignId} has no GM in its table`);
      try {
        await this.#table.dispatch({ type: 'core:update-campaign', payload: { name } }, gm.id);
      } finally {
        await this.#flush(null);
      }
    });
  }

  /** SHA-256 of the whole state, for checks that a reload gives the same table. */
  hash(): string {
    return stateHash(this.#flushed);
  }

  /** Waits for the requests in flight, then closes the modules' sandbox instances. */
  async close(): Promise<void> {
    await this.#enqueue(async () => undefined);
    this.broken = true;
    await this.#table.close();
  }
}
