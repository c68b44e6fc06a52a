/**
 * One live socket: its messages parsed, schema-checked and rate-limited,
 * `join` answered through its table's room, requests run on the live table
 * with exactly one `ack` or `rejected` each, and a bound on what may wait
 * in its send buffer.
 */
import {
  CLOSE_CODE_REASONS,
  CLOSE_CODES,
  type ClientMessage,
  type CloseCode,
  parseClientFrame,
  PROTOCOL_LIMITS,
  type RequestMessage,
  type ServerMessage,
  validateClientMessage,
  VttError,
  type WireError,
} from '@vtt/core';
import type { RawData, WebSocket } from 'ws';
import type { AuthUser } from '../../server-types.js';
import { API_SCOPES, requireScope } from '../auth/api-scopes.js';
import type { RoomConnection, TableRoom } from './table-room.js';
import { TokenBucket } from './token-bucket.js';

/** Requests of one socket that may wait for their ack at once. */
const MAX_IN_FLIGHT = 64;

/** What a connection needs from the plugin. */
export interface LiveConnectionDeps {
  /** The room of the connection's campaign (loading its table on first use). */
  readonly room: () => Promise<TableRoom>;
  readonly log: {
    warn(obj: object, msg: string): void;
    error(obj: object, msg: string): void;
  };
  /** Called once the socket is closed. */
  readonly onClosed: (connection: LiveConnection) => void;
  /** Told of every acknowledged request and every refusal (metrics). */
  readonly metrics?: {
    requestDone(kind: string, actionType: string, ms: number): void;
    rejected(code: string): void;
  };
}

/** A user's socket to one campaign's table. */
export class LiveConnection implements RoomConnection {
  readonly userId: string;
  /** The login session it was opened with, or null for an API token. */
  readonly sessionId: string | null;
  /** The API token it was opened with, or null for a login session. */
  readonly tokenId: string | null;
  readonly campaignId: string;
  /** When the client was last heard (a message or a pong), for the idle check. */
  lastHeard = Date.now();
  /** Set once the close began. */
  closed = false;
  readonly #user: AuthUser;
  readonly #socket: WebSocket;
  readonly #deps: LiveConnectionDeps;
  #room: TableRoom | null = null;
  /** Messages wait here while a join loads the table, so they run in order. */
  #chain: Promise<void> = Promise.resolve();
  readonly #frames = new TokenBucket(
    PROTOCOL_LIMITS.requestsPerSecond + PROTOCOL_LIMITS.ephemeralPerSecond,
    PROTOCOL_LIMITS.requestBurst + PROTOCOL_LIMITS.ephemeralBurst,
  );
  readonly #requests = new TokenBucket(
    PROTOCOL_LIMITS.requestsPerSecond,
    PROTOCOL_LIMITS.requestBurst,
  );
  readonly #ephemeral = new TokenBucket(
    PROTOCOL_LIMITS.ephemeralPerSecond,
    PROTOCOL_LIMITS.ephemeralBurst,
  );
  #refusedInRow = 0;
  #inFlight = 0;

  constructor(socket: WebSocket, user: AuthUser, campaignId: string, deps: LiveConnectionDeps) {
    this.#socket = socket;
    this.userId = user.userId;
    this.sessionId = user.sessionId;
    this.tokenId = user.tokenId;
    this.#user = user;
    this.campaignId = campaignId;
    this.#deps = deps;
    socket.on('message', (data, isBinary) => {
      this.lastHeard = Date.now();
      this.#chain = this.#chain.then(() => this.#onFrame(data, isBinary));
    });
    socket.on('pong', () => {
      this.lastHeard = Date.now();
    });
    socket.on('close', () => this.#onClosed());
    socket.on('error', (error) => {
      deps.log.warn({ err: error, campaignId }, 'live socket error');
    });
  }

  /** Sends when the socket is open; a client whose buffer passed its bound is closed instead. */
  send(message: ServerMessage | string): void {
    if (this.closed || this.#socket.readyState !== this.#socket.OPEN) return;
    if (this.#socket.bufferedAmount > PROTOCOL_LIMITS.maxBufferedBytes) {
      this.close(CLOSE_CODES.SLOW_CONSUMER);
      return;
    }
    this.#socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Closes with a protocol code; the reason says what the client does next. */
  close(code: CloseCode): void {
    if (this.closed) return;
    this.closed = true;
    this.#room?.leave(this);
    if (code === CLOSE_CODES.SLOW_CONSUMER) {
      // Its buffer is full: a close frame would wait behind it.
      this.#socket.terminate();
    } else {
      this.#socket.close(code, CLOSE_CODE_REASONS[code]);
      // A client that never answers the close is cut off.
      setTimeout(() => this.#socket.terminate(), 5_000).unref();
    }
    this.#deps.onClosed(this);
  }

  /** Pings the client; closes it when it has been silent past `idleMs`. */
  heartbeat(idleMs: number): void {
    if (this.closed) return;
    if (Date.now() - this.lastHeard > idleMs) {
      this.close(CLOSE_CODES.IDLE);
      return;
    }
    this.#socket.ping();
  }

  #onClosed(): void {
    if (!this.closed) {
      this.closed = true;
      this.#deps.onClosed(this);
    }
    this.#room?.leave(this);
  }

  async #onFrame(data: RawData, isBinary: boolean): Promise<void> {
    if (this.closed) return;
    if (!this.#frames.take()) {
      this.#refuse(null, rateLimited());
      return;
    }
    let raw: Record<string, unknown> | null = null;
    let text = '';
    let message: ClientMessage;
    try {
      if (isBinary) {
        throw new VttError('VTT_ERR_PROTOCOL_MALFORMED', {
          problem: 'binary frames are not accepted, only JSON text',
        });
      }
      text = textOf(data);
      raw = parseClientFrame(text);
      message = validateClientMessage(raw);
    } catch (error) {
      if (
        raw === null &&
        error instanceof VttError &&
        error.code === 'VTT_ERR_PROTOCOL_FORBIDDEN_KEY'
      ) {
        // Valid JSON with a refused key: its id (an own property of the parsed copy) is still usable.
        raw = JSON.parse(text) as Record<string, unknown>;
      }
      this.#error(idOf(raw), error);
      return;
    }
    try {
      await this.#handle(message);
    } catch (error) {
      this.#error('id' in message ? (message as { id: string }).id : null, error);
    }
  }

  async #handle(message: ClientMessage): Promise<void> {
    if (message.type === 'join') {
      if (!this.#requests.take()) return this.#refuse(null, rateLimited());
      await this.#join(message.since);
      return;
    }
    const room = this.#room;
    if (room === null) {
      throw new VttError('VTT_ERR_PROTOCOL_NOT_JOINED');
    }
    // A tables:observe token only listens: everything it would send to the table is refused.
    requireScope(this.#user, [API_SCOPES.tablesAct], { method: 'WS', route: message.type });
    if (message.type === 'ephemeral') {
      if (!this.#ephemeral.take()) {
        return this.#refuse(null, rateLimited(PROTOCOL_LIMITS.ephemeralPerSecond));
      }
      this.#refusedInRow = 0;
      room.relay(this, message);
      return;
    }
    this.#request(room, message);
  }

  async #join(since: number | undefined): Promise<void> {
    let room: TableRoom;
    try {
      room = await this.#deps.room();
    } catch (error) {
      this.#deps.log.error(
        { err: error, campaignId: this.campaignId },
        'the table could not be loaded for a join',
      );
      this.close(CLOSE_CODES.TABLE_UNAVAILABLE);
      return;
    }
    if (this.closed) return;
    if (this.#room !== null && this.#room !== room) this.#room.leave(this);
    let answer: ServerMessage;
    try {
      answer = room.join(this, since);
    } catch (error) {
      if (error instanceof VttError && error.code === 'VTT_ERR_PERMISSION_NOT_MEMBER') {
        this.close(CLOSE_CODES.FORBIDDEN);
        return;
      }
      throw error;
    }
    this.#room = room;
    this.#refusedInRow = 0;
    this.send(answer);
    room.presenceChanged();
  }

  #request(room: TableRoom, message: RequestMessage): void {
    if (!this.#requests.take() || this.#inFlight >= MAX_IN_FLIGHT) {
      this.#refuse(message.id, rateLimited());
      return;
    }
    this.#refusedInRow = 0;
    this.#inFlight++;
    const started = performance.now();
    room.table.request(this.userId, message).then(
      (ack) => {
        this.#inFlight--;
        this.send(ack);
        // An acknowledged action's type is core's or an installed module's: a bounded label.
        const type = message.type === 'action' ? message.action.type : '';
        this.#deps.metrics?.requestDone(message.type, type, performance.now() - started);
      },
      (error: unknown) => {
        this.#inFlight--;
        this.send({ type: 'rejected', id: message.id, error: this.#wire(error) });
        if (room.table.broken) room.closeAll(CLOSE_CODES.GOING_AWAY);
      },
    );
  }

  /** Answers a refused message: `rejected` when it had an id, else `error`. */
  #error(id: string | null, error: unknown): void {
    const wire = this.#wire(error);
    this.send(id === null ? { type: 'error', error: wire } : { type: 'rejected', id, error: wire });
  }

  /** A refusal over the rate; past `maxRefusedInRow` in a row the socket closes. */
  #refuse(id: string | null, error: VttError): void {
    this.#refusedInRow++;
    if (this.#refusedInRow > PROTOCOL_LIMITS.maxRefusedInRow) {
      this.close(CLOSE_CODES.RATE_LIMITED);
      return;
    }
    this.#error(id, error);
  }

  #wire(error: unknown): WireError {
    const wire = this.#wireOf(error);
    this.#deps.metrics?.rejected(wire.code);
    return wire;
  }

  #wireOf(error: unknown): WireError {
    if (error instanceof VttError) return error.toJSON();
    this.#deps.log.error(
      { err: error, campaignId: this.campaignId },
      'a live request failed unexpectedly',
    );
    return new VttError('VTT_ERR_SERVER_INTERNAL').toJSON();
  }
}

function rateLimited(rate: number = PROTOCOL_LIMITS.requestsPerSecond): VttError {
  return new VttError('VTT_ERR_PROTOCOL_RATE_LIMITED', { rate });
}

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

/** The request id of a message that failed its checks, when it has a usable one. */
function idOf(raw: Record<string, unknown> | null): string | null {
  const id = raw?.['id'];
  return typeof id === 'string' && id.length > 0 && id.length <= PROTOCOL_LIMITS.maxClientIdLength
    ? id
    : null;
}
