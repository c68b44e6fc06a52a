/**
 * The sockets of one live table: they join with a snapshot or a replay,
 * hear every durable batch of events projected for their user, see who is
 * there, and relay ephemeral messages to those who may see them. Nothing
 * reaches a socket that has not been projected for its user.
 */
import {
  CLOSE_CODES,
  type CloseCode,
  type EphemeralMessage,
  isPointRevealed,
  type Member,
  type ModuleStatusEntry,
  ownsToken,
  type PresenceEntry,
  PROTOCOL_LIMITS,
  projectEvent,
  type ReplayMessage,
  sceneVisible,
  type ServerEphemeralMessage,
  type ServerMessage,
  type SnapshotMessage,
  type TableEvent,
  type TableState,
  tokenVisible,
  type ViewEvent,
  viewFor,
  VttError,
} from '@vtt/core';
import type { CommitBatch, LiveTable } from '../tables/live-table.js';

/**
 * How long a change of who is there waits before the room hears it: the
 * joins and leaves of that moment go out as one `presence` message, so a
 * crowd joining at once costs one message per socket, not one per pair.
 */
export const PRESENCE_COALESCE_MS = 50;

/** Events that change the table's members, hence its presence. */
const MEMBER_EVENTS = new Set(['core:member-set', 'core:member-removed']);

/** What a room needs of a socket. */
export interface RoomConnection {
  readonly userId: string;
  readonly sessionId: string | null;
  /** Sends a message (or its JSON text, made once for every socket of a user). */
  send(message: ServerMessage | string): void;
  /** Closes the socket with a protocol close code and its reason. */
  close(code: CloseCode): void;
}

interface HistoryEntry {
  readonly event: TableEvent;
  readonly before: TableState;
  readonly after: TableState;
}

/** Logging the room needs. */
export interface RoomLog {
  error(obj: object, msg: string): void;
}

/** A campaign's live table and the sockets joined to it. */
export class TableRoom {
  readonly table: LiveTable;
  readonly #log: RoomLog;
  readonly #connections = new Set<RoomConnection>();
  /** The last events with the states around them, for replays (persistent maps share their structure). */
  #history: HistoryEntry[] = [];
  #modulesText: string;
  #presenceText = '';
  #presenceTimer: NodeJS.Timeout | null = null;
  #sorted: { readonly of: TableState['members']; readonly list: readonly Member[] } | null = null;
  readonly #unsubscribe: readonly (() => void)[];

  constructor(table: LiveTable, log: RoomLog) {
    this.table = table;
    this.#log = log;
    this.#modulesText = JSON.stringify(table.moduleStatus());
    this.#unsubscribe = [
      table.subscribe((batch) => this.#onBatch(batch)),
      // Rules reloaded with another set of modules: the sockets stay and hear the new status.
      table.onModulesChanged(() => this.#modulesChanged()),
    ];
  }

  /** Sockets joined to the table. */
  get size(): number {
    return this.#connections.size;
  }

  /** Every joined socket (for closing them). */
  connections(): RoomConnection[] {
    return [...this.#connections];
  }

  /**
   * Adds a socket and answers its join, in one synchronous step so that it
   * hears every event after the seq it is given and none before: a replay
   * of what it missed since `since` when the room still holds those events
   * and they are few, else a snapshot.
   * @throws VttError `VTT_ERR_PERMISSION_NOT_MEMBER` when the table does not know the user.
   */
  join(connection: RoomConnection, since: number | undefined): SnapshotMessage | ReplayMessage {
    const state = this.table.state;
    const modules = this.#modules();
    const replay = since === undefined ? null : this.#replay(since, state, connection.userId);
    const message: SnapshotMessage | ReplayMessage =
      replay === null
        ? {
            type: 'snapshot',
            seq: state.seq,
            view: viewFor(state, connection.userId),
            presence: [],
            modules,
          }
        : { type: 'replay', seq: state.seq, events: replay, presence: [], modules };
    if (!this.#connections.has(connection)) {
      this.#connections.add(connection);
      this.table.connections++;
      this.table.lastUsed = Date.now();
    }
    return { ...message, presence: this.presence() };
  }

  /** Removes a socket (closed); the others hear the new presence. */
  leave(connection: RoomConnection): void {
    if (!this.#connections.delete(connection)) return;
    this.table.connections--;
    this.table.lastUsed = Date.now();
    this.presenceChanged();
  }

  /** Who is at the table: every member, with their open sockets. */
  presence(): PresenceEntry[] {
    const counts = new Map<string, number>();
    for (const c of this.#connections) counts.set(c.userId, (counts.get(c.userId) ?? 0) + 1);
    return this.#sortedMembers().map((m) => ({
      userId: m.id,
      name: m.name,
      role: m.role,
      connections: counts.get(m.id) ?? 0,
    }));
  }

  /** The members by user id, sorted once for each members map (a join storm sorted 100 of them per join). */
  #sortedMembers(): readonly Member[] {
    const members = this.table.state.members;
    if (this.#sorted?.of !== members) {
      const list = [...members.values()].sort((a, b) => a.id.localeCompare(b.id));
      this.#sorted = { of: members, list };
    }
    return this.#sorted.list;
  }

  /** Sends the presence to every socket within {@link PRESENCE_COALESCE_MS}, once for every change of that time. */
  presenceChanged(): void {
    if (this.#presenceTimer !== null) return;
    this.#presenceTimer = setTimeout(() => {
      this.#presenceTimer = null;
      this.#broadcastPresence();
    }, PRESENCE_COALESCE_MS);
  }

  /** Sends the presence to every socket when it changed since last sent. */
  #broadcastPresence(): void {
    const presence = this.presence();
    const text = JSON.stringify({ type: 'presence', presence });
    if (text === this.#presenceText) return;
    this.#presenceText = text;
    for (const c of this.#connections) c.send(text);
  }

  /** Closes every socket with `code` and stops listening to the table. */
  closeAll(code: CloseCode): void {
    for (const off of this.#unsubscribe) off();
    if (this.#presenceTimer !== null) clearTimeout(this.#presenceTimer);
    this.#presenceTimer = null;
    for (const c of [...this.#connections]) c.close(code);
    this.#connections.clear();
  }

  /** Closes the sockets of one user (removed, or their session ended). */
  closeUser(userId: string, code: CloseCode): void {
    for (const c of [...this.#connections]) if (c.userId === userId) c.close(code);
  }

  #modules(): ModuleStatusEntry[] {
    return this.table.moduleStatus();
  }

  /** The projected events after `since`, or null when a snapshot is needed. */
  #replay(since: number, state: TableState, userId: string): ViewEvent[] | null {
    if (since > state.seq || state.seq - since > PROTOCOL_LIMITS.maxReplayEvents) return null;
    if (since === state.seq) return [];
    const first = this.#history[0];
    if (first === undefined || first.event.seq > since + 1) return null;
    if (!state.members.has(userId)) return null;
    const out: ViewEvent[] = [];
    for (const h of this.#history) {
      if (h.event.seq > since) out.push(...projectEvent(h.event, h.before, h.after, userId));
    }
    return out;
  }

  #onBatch(batch: CommitBatch): void {
    const { events, states } = batch;
    for (let i = 0; i < events.length; i++) {
      this.#history.push({ event: events[i]!, before: states[i]!, after: states[i + 1]! });
    }
    const over = this.#history.length - PROTOCOL_LIMITS.maxReplayEvents;
    if (over > 0) this.#history = this.#history.slice(over);

    const texts = new Map<string, string | null | Error>();
    for (const connection of [...this.#connections]) {
      let text = texts.get(connection.userId);
      if (text === undefined) {
        text = this.#project(batch, connection.userId);
        texts.set(connection.userId, text);
      }
      if (text instanceof Error) connection.close(CLOSE_CODES.GOING_AWAY);
      else if (text !== null) connection.send(text);
    }

    const after = states[states.length - 1]!;
    for (const connection of [...this.#connections]) {
      if (!after.members.has(connection.userId)) connection.close(CLOSE_CODES.FORBIDDEN);
    }
    if (events.some((e) => MEMBER_EVENTS.has(e.type))) this.presenceChanged();
    this.#modulesChanged();
  }

  /** Sends the modules' status to every socket when it changed since last sent. */
  #modulesChanged(): void {
    const modulesText = JSON.stringify(this.#modules());
    if (modulesText === this.#modulesText) return;
    this.#modulesText = modulesText;
    const text = `{"type":"modules","modules":${modulesText}}`;
    for (const c of this.#connections) c.send(text);
  }

  /** The `events` message of a batch for one user, null when none concerns them. */
  #project(batch: CommitBatch, userId: string): string | null | Error {
    try {
      const events = batch.events.flatMap((e, i) =>
        projectEvent(e, batch.states[i]!, batch.states[i + 1]!, userId),
      );
      return events.length === 0 ? null : JSON.stringify({ type: 'events', events });
    } catch (error) {
      // Never send what could not be projected: the socket reconnects to a fresh snapshot.
      this.#log.error(
        { err: error, campaignId: this.table.campaignId },
        'an event could not be projected; the socket is closed',
      );
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  /**
   * Relays an ephemeral message to the sockets whose users may see it: a
   * ping to those who see the scene, a drag to those who see the token
   * where it is dragged, typing to everyone.
   * @throws VttError `VTT_ERR_PROTOCOL_INVALID` for a message that misses
   * its kind's fields or names something the sender cannot see or move.
   */
  relay(from: RoomConnection, message: EphemeralMessage): void {
    const state = this.table.state;
    const sender = state.members.get(from.userId);
    if (sender === undefined)
      throw new VttError('VTT_ERR_PERMISSION_NOT_MEMBER', { userId: from.userId });
    const need = (field: keyof EphemeralMessage): void => {
      if (message[field] === undefined) {
        throw new VttError('VTT_ERR_PROTOCOL_INVALID', {
          pointer: `/${field}`,
          problem: `a "${message.kind}" message needs it`,
        });
      }
    };
    let out: ServerEphemeralMessage;
    let sees: (userId: string) => boolean;
    switch (message.kind) {
      case 'typing': {
        need('typing');
        out = { type: 'ephemeral', kind: 'typing', from: from.userId, typing: message.typing! };
        sees = () => true;
        break;
      }
      case 'pointer': {
        need('sceneId');
        need('x');
        need('y');
        const scene = state.scenes.get(message.sceneId!);
        if (!sceneVisible(scene, sender)) {
          throw new VttError('VTT_ERR_PROTOCOL_INVALID', {
            pointer: '/sceneId',
            problem: 'no scene you can see has this id',
          });
        }
        out = {
          type: 'ephemeral',
          kind: 'pointer',
          from: from.userId,
          sceneId: message.sceneId!,
          x: message.x!,
          y: message.y!,
        };
        sees = (userId) => {
          const m = state.members.get(userId);
          return m !== undefined && sceneVisible(scene, m);
        };
        break;
      }
      case 'drag': {
        need('tokenId');
        need('x');
        need('y');
        const token = state.tokens.get(message.tokenId!);
        if (token === undefined || !tokenVisible(state, token, sender)) {
          throw new VttError('VTT_ERR_PROTOCOL_INVALID', {
            pointer: '/tokenId',
            problem: 'no token you can see has this id',
          });
        }
        if (sender.role !== 'gm' && !ownsToken(state, token, sender)) {
          throw new VttError('VTT_ERR_PROTOCOL_INVALID', {
            pointer: '/tokenId',
            problem: 'only its owners and GMs may drag this token',
          });
        }
        const scene = state.scenes.get(token.sceneId)!;
        const half = scene.grid.size / 2;
        const centre = {
          x: message.x! + token.width * half,
          y: message.y! + token.height * half,
        };
        out = {
          type: 'ephemeral',
          kind: 'drag',
          from: from.userId,
          sceneId: token.sceneId,
          tokenId: token.id,
          x: message.x!,
          y: message.y!,
        };
        sees = (userId) => {
          const m = state.members.get(userId);
          if (m === undefined || !tokenVisible(state, token, m)) return false;
          if (m.role === 'gm' || !scene.fog.enabled || ownsToken(state, token, m)) return true;
          return isPointRevealed(scene.fog, scene.grid, centre);
        };
        break;
      }
    }
    const text = JSON.stringify(out);
    const decided = new Map<string, boolean>();
    for (const c of this.#connections) {
      if (c === from) continue;
      let ok = decided.get(c.userId);
      if (ok === undefined) decided.set(c.userId, (ok = sees(c.userId)));
      if (ok) c.send(text);
    }
  }
}
