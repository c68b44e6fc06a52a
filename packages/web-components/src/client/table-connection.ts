/**
 * One user's live connection to one campaign's table: joins, keeps the
 * view replica with core's `applyViewEvent`, sends requests with client
 * ids, shows token moves at once, and reconnects from its last seq.
 */
import {
  applyViewEvent,
  CLOSE_CODE_REASONS,
  CLOSE_CODES,
  reviveView,
  VttError,
  type AckMessage,
  type JsonValue,
  type ModuleStatusEntry,
  type PresenceEntry,
  type RequestMessage,
  type ServerEphemeralMessage,
  type ServerMessage,
  type TableActionMap,
  type TableActionType,
  type TableView,
  type ViewEvent,
} from '@vtt/core';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { VttRequestError } from './request-error.js';
import type { SocketCloseEvent, SocketMessageEvent, WebSocketLike } from './socket-types.js';

/**
 * Where a connection stands: `connecting` until the first view arrives,
 * `live` while joined, `reconnecting` after a dropped connection (requests
 * wait and are sent after the rejoin), `closed` for good (see `closeInfo`).
 */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'closed';

/** Why a connection closed for good. */
export interface CloseInfo {
  /** The WebSocket close code (`CLOSE_CODES`), or 1000 when the client closed it. */
  readonly code: number;
  /** What happened and what to do next. */
  readonly reason: string;
}

/** The events a {@link TableConnection} dispatches, by type. */
export interface TableConnectionEventMap {
  /** The view, presence, module status or pending moves changed. */
  change: Event;
  /** `status` changed. */
  status: Event;
  /** A request was refused; the same error rejects its promise. */
  rejected: CustomEvent<VttRequestError>;
  /** The server refused a message that had no usable id. */
  'server-error': CustomEvent<VttRequestError>;
  /** An ephemeral message (pointer, drag, typing) from another user. */
  ephemeral: CustomEvent<ServerEphemeralMessage>;
}

/** How a connection reaches the server: made by `VttClient`. */
export interface LiveTransport {
  /**
   * A new socket to the campaign's live table. `probe`: the last attempt
   * failed before the socket opened, so check over HTTP why first.
   * @throws VttRequestError with an HTTP status when the server refuses.
   */
  open(campaignId: string, probe: boolean): Promise<WebSocketLike>;
  /** Renews the access token; false when the session has ended. */
  reauthenticate(): Promise<boolean>;
}

/** Options of {@link TableConnection}; `VttClient.join` fills them. */
export interface TableConnectionOptions {
  readonly campaignId: string;
  readonly transport: LiveTransport;
  /** Prefix of client request ids, unique per user and campaign. */
  readonly idPrefix: string;
  readonly reconnect?: BackoffOptions;
}

/** A token position shown before the server confirmed it. */
export interface PendingMove {
  readonly tokenId: string;
  readonly x: number;
  readonly y: number;
}

/** A request the server has not answered yet, sent or waiting for the connection. */
interface Outgoing {
  readonly message: RequestMessage;
  readonly move: PendingMove | null;
  readonly resolve: (ack: AckMessage) => void;
  readonly reject: (error: VttRequestError) => void;
}

/** What a request carries besides its `type` and `id`. */
type RequestFields<T extends RequestMessage['type']> = Omit<
  Extract<RequestMessage, { type: T }>,
  'type' | 'id'
>;

/** The payload of an action: core's typed payload, or any JSON for a module action. */
export type ActionPayload<T extends string> = T extends TableActionType
  ? TableActionMap[T]
  : JsonValue;

const OPEN = 1;
/** Close codes after which reconnecting cannot help. */
const FINAL_CODES: ReadonlySet<number> = new Set([
  CLOSE_CODES.PROTOCOL_ERROR,
  CLOSE_CODES.MESSAGE_TOO_BIG,
  CLOSE_CODES.FORBIDDEN,
  CLOSE_CODES.NOT_FOUND,
]);
/** HTTP answers while connecting after which reconnecting cannot help, as close codes. */
const FINAL_STATUSES: Readonly<Record<number, number>> = {
  401: CLOSE_CODES.UNAUTHORIZED,
  403: CLOSE_CODES.FORBIDDEN,
  404: CLOSE_CODES.NOT_FOUND,
};

/**
 * The live table of one campaign for one user. Made by `VttClient.join`;
 * connects at once. `view` is what elements show: the confirmed view with
 * the user's pending token moves applied.
 *
 * @fires change - the view, presence, module status or pending moves changed
 * @fires status - `status` changed
 * @fires rejected - a request was refused (`CustomEvent<VttRequestError>`)
 * @fires server-error - a message without id was refused
 * @fires ephemeral - a pointer, drag or typing message from another user
 *
 * @example
 * const table = client.join(campaignId);
 * table.addEventListener('status', () => banner.hidden = table.status !== 'reconnecting');
 * await table.ready();
 * await table.moveToken('t-ayla', 350, 200); // shown at once, confirmed by the ack
 */
export class TableConnection extends EventTarget {
  /** The campaign of this table. */
  readonly campaignId: string;
  readonly #transport: LiveTransport;
  readonly #idPrefix: string;
  readonly #backoff: BackoffOptions;
  readonly #outbox = new Map<string, Outgoing>();
  #status: ConnectionStatus = 'connecting';
  #closeInfo: CloseInfo | null = null;
  #confirmed: TableView | null = null;
  #view: TableView | null = null;
  #seq: number | null = null;
  #presence: readonly PresenceEntry[] = [];
  #modules: readonly ModuleStatusEntry[] = [];
  #socket: WebSocketLike | null = null;
  #joined = false;
  #attempt = 0;
  #probe = false;
  #counter = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #wasLive = false;

  constructor(options: TableConnectionOptions) {
    super();
    this.campaignId = options.campaignId;
    this.#transport = options.transport;
    this.#idPrefix = options.idPrefix;
    this.#backoff = options.reconnect ?? {};
    void this.#connect();
  }

  /** Where the connection stands; a `status` event tells each change. */
  get status(): ConnectionStatus {
    return this.#status;
  }

  /** Why the connection closed for good; null unless `status` is `closed`. */
  get closeInfo(): CloseInfo | null {
    return this.#closeInfo;
  }

  /** What the elements show: the confirmed view with pending moves applied; null before the first snapshot. */
  get view(): TableView | null {
    if (this.#view === null && this.#confirmed !== null) {
      let tokens = this.#confirmed.tokens;
      for (const { move } of this.#outbox.values()) {
        const token = move === null ? undefined : tokens.get(move.tokenId);
        if (move !== null && token !== undefined) {
          tokens = tokens.set(move.tokenId, { ...token, x: move.x, y: move.y });
        }
      }
      this.#view =
        tokens === this.#confirmed.tokens ? this.#confirmed : { ...this.#confirmed, tokens };
    }
    return this.#view;
  }

  /** The view as the server confirmed it, without pending moves. */
  get confirmed(): TableView | null {
    return this.#confirmed;
  }

  /** Seq of the last event applied (null before the first snapshot). */
  get seq(): number | null {
    return this.#seq;
  }

  /** Who is at the table, with their open connections. */
  get presence(): readonly PresenceEntry[] {
    return this.#presence;
  }

  /** Whether each module's rules apply at the table. */
  get modules(): readonly ModuleStatusEntry[] {
    return this.#modules;
  }

  /** Token moves sent but not yet answered, oldest first. */
  get pendingMoves(): readonly PendingMove[] {
    return [...this.#outbox.values()].flatMap((o) => (o.move === null ? [] : [o.move]));
  }

  /** Requests not yet answered (sent, or waiting for the connection). */
  get pendingRequests(): number {
    return this.#outbox.size;
  }

  /**
   * Resolves once the connection is `live` (at once when it is); rejects
   * with `VTT_ERR_PROTOCOL_CONNECTION_CLOSED` when it closes for good first.
   */
  ready(): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        if (this.#status === 'live') resolve();
        else if (this.#status === 'closed') reject(this.#closedError(''));
        else return false;
        this.removeEventListener('status', check);
        return true;
      };
      if (!check()) this.addEventListener('status', check);
    });
  }

  /**
   * Sends an action (`core:*` or a module's); resolves to its ack once its
   * events are durable and applied to `view`.
   * @throws VttRequestError with the server's code when it is refused.
   *
   * @example
   * await table.action('core:create-token', { sceneId: 's1', name: 'Ogre', x: 0, y: 0 });
   */
  action<T extends string>(type: T, payload: ActionPayload<T>): Promise<AckMessage> {
    return this.#request('action', { action: { type, payload: payload as JsonValue } });
  }

  /**
   * Moves a token (`core:move-token`) and shows the new position in `view`
   * at once; the ack confirms it, a rejection snaps the token back.
   */
  moveToken(tokenId: string, x: number, y: number): Promise<AckMessage> {
    return this.#request(
      'action',
      { action: { type: 'core:move-token', payload: { tokenId, x, y } } },
      { tokenId, x, y },
    );
  }

  /** A module's named roll; the ack's `result` is its typed outcome. */
  roll(request: RequestFields<'roll'>): Promise<AckMessage> {
    return this.#request('roll', request);
  }

  /** Rolls initiative with the system's model. */
  initiative(request: RequestFields<'initiative'> = {}): Promise<AckMessage> {
    return this.#request('initiative', request);
  }

  /** A chat line; `/command args` runs a module chat command. */
  chat(text: string, speaker?: string | null): Promise<AckMessage> {
    return this.#request('chat', speaker === undefined ? { text } : { text, speaker });
  }

  /** Runs a module's macro. */
  macro(request: RequestFields<'macro'>): Promise<AckMessage> {
    return this.#request('macro', request);
  }

  /** An actor's derived data as the user may see it, in the ack's `result`. */
  derived(actorId: string): Promise<AckMessage> {
    return this.#request('derived', { actorId });
  }

  /** A GM restarts a suspended module at the table. */
  restartModule(moduleId: string): Promise<AckMessage> {
    return this.#request('restart-module', { moduleId });
  }

  /** Sends a pointer ping, drag or typing notice; dropped while not `live` (they are never stored). */
  ephemeral(message: Omit<ServerEphemeralMessage, 'type' | 'from'>): void {
    if (this.#joined) this.#sendFrame({ type: 'ephemeral', ...message });
  }

  /** Closes the connection for good; unanswered requests reject. */
  close(): void {
    this.#end({ code: 1000, reason: 'The client closed the connection.' });
  }

  #request<T extends RequestMessage['type']>(
    type: T,
    fields: object,
    move: PendingMove | null = null,
  ): Promise<AckMessage> {
    if (this.#status === 'closed') return Promise.reject(this.#closedError(''));
    const id = `${this.#idPrefix}-${++this.#counter}`;
    const message = { type, id, ...fields } as RequestMessage;
    return new Promise<AckMessage>((resolve, reject) => {
      this.#outbox.set(id, { message, move, resolve, reject });
      if (this.#joined) this.#sendFrame(message);
      if (move !== null) this.#changed();
    });
  }

  async #connect(): Promise<void> {
    this.#timer = null;
    let socket: WebSocketLike;
    try {
      socket = await this.#transport.open(this.campaignId, this.#probe);
    } catch (error) {
      if (this.#status === 'closed') return;
      const final =
        error instanceof VttRequestError ? FINAL_STATUSES[error.status ?? 0] : undefined;
      if (final !== undefined) {
        this.#end({ code: final, reason: (error as VttRequestError).message });
      } else {
        this.#retry();
      }
      return;
    }
    if (this.#status === 'closed') {
      socket.close(1000);
      return;
    }
    this.#socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.#sendFrame(this.#seq === null ? { type: 'join' } : { type: 'join', since: this.#seq });
    };
    socket.onmessage = (event: SocketMessageEvent) => {
      if (socket === this.#socket) this.#onMessage(String(event.data));
    };
    socket.onerror = () => {}; // a close event follows
    socket.onclose = (event: SocketCloseEvent) => {
      if (socket === this.#socket) void this.#onClosed(event, opened);
    };
  }

  async #onClosed(event: SocketCloseEvent, opened: boolean): Promise<void> {
    this.#socket = null;
    this.#joined = false;
    if (this.#status === 'closed') return;
    if (FINAL_CODES.has(event.code)) {
      this.#end({ code: event.code, reason: reasonOf(event) });
      return;
    }
    if (event.code === CLOSE_CODES.UNAUTHORIZED) {
      const renewed = await this.#transport.reauthenticate().catch(() => true);
      if (!renewed) {
        this.#end({ code: event.code, reason: reasonOf(event) });
        return;
      }
    }
    this.#probe = !opened;
    this.#retry();
  }

  #retry(): void {
    if (this.#status === 'closed') return;
    this.#setStatus(this.#wasLive ? 'reconnecting' : 'connecting');
    const delay = backoffDelay(this.#attempt++, this.#backoff);
    this.#timer = setTimeout(() => void this.#connect(), delay);
  }

  #onMessage(text: string): void {
    let message: ServerMessage;
    try {
      message = JSON.parse(text) as ServerMessage;
    } catch {
      return;
    }
    switch (message.type) {
      case 'snapshot':
        this.#confirmed = reviveView(message.view);
        this.#seq = message.seq;
        this.#joinedWith(message.presence, message.modules);
        return;
      case 'replay':
        if (!this.#apply(message.events)) return;
        this.#seq = Math.max(this.#seq ?? 0, message.seq);
        this.#joinedWith(message.presence, message.modules);
        return;
      case 'events':
        if (this.#apply(message.events)) this.#changed();
        return;
      case 'ack':
      case 'rejected':
        this.#answered(message);
        return;
      case 'error':
        this.dispatchEvent(
          new CustomEvent('server-error', { detail: new VttRequestError(message.error) }),
        );
        return;
      case 'presence':
        this.#presence = message.presence;
        this.#changed();
        return;
      case 'modules':
        this.#modules = message.modules;
        this.#changed();
        return;
      case 'ephemeral':
        this.dispatchEvent(new CustomEvent('ephemeral', { detail: message }));
        return;
    }
  }

  /** Applies projected events after `seq`; on a replica that cannot take them, rejoins afresh. */
  #apply(events: readonly ViewEvent[]): boolean {
    let view = this.#confirmed;
    let seq = this.#seq;
    if (view === null || seq === null) return false;
    try {
      for (const event of events) {
        if (event.seq <= seq) continue;
        view = applyViewEvent(view, event);
        seq = event.seq;
      }
    } catch {
      this.#resync();
      return false;
    }
    this.#confirmed = view;
    this.#seq = seq;
    return true;
  }

  #joinedWith(presence: readonly PresenceEntry[], modules: readonly ModuleStatusEntry[]): void {
    this.#presence = presence;
    this.#modules = modules;
    this.#joined = true;
    this.#attempt = 0;
    this.#probe = false;
    // Unanswered requests go again with their ids: the server applies each id once.
    for (const { message } of this.#outbox.values()) this.#sendFrame(message);
    this.#wasLive = true;
    this.#setStatus('live');
    this.#changed();
  }

  #answered(message: Extract<ServerMessage, { type: 'ack' | 'rejected' }>): void {
    const outgoing = this.#outbox.get(message.id);
    if (outgoing === undefined) return;
    this.#outbox.delete(message.id);
    if (outgoing.move !== null) this.#changed();
    if (message.type === 'ack') {
      outgoing.resolve(message);
      return;
    }
    const error = new VttRequestError(message.error, { requestId: message.id });
    this.dispatchEvent(new CustomEvent('rejected', { detail: error }));
    outgoing.reject(error);
  }

  /** Drops a replica that went wrong and joins again for a fresh snapshot. */
  #resync(): void {
    this.#detach();
    this.#seq = null;
    this.#confirmed = null;
    this.#changed();
    this.#retry();
  }

  #end(info: CloseInfo): void {
    if (this.#status === 'closed') return;
    this.#closeInfo = info;
    this.#detach();
    this.#setStatus('closed');
    const waiting = [...this.#outbox.values()];
    this.#outbox.clear();
    for (const outgoing of waiting) outgoing.reject(this.#closedError(outgoing.message.id));
    if (waiting.some((o) => o.move !== null)) this.#changed();
  }

  #detach(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    const socket = this.#socket;
    this.#socket = null;
    this.#joined = false;
    if (socket !== null && socket.readyState <= OPEN) socket.close(1000);
  }

  #sendFrame(message: object): void {
    const socket = this.#socket;
    if (socket !== null && socket.readyState === OPEN) socket.send(JSON.stringify(message));
  }

  #setStatus(status: ConnectionStatus): void {
    if (this.#status === status) return;
    this.#status = status;
    this.dispatchEvent(new Event('status'));
  }

  #changed(): void {
    this.#view = null;
    this.dispatchEvent(new Event('change'));
  }

  #closedError(id: string): VttRequestError {
    const reason = this.#closeInfo?.reason ?? 'closed';
    return new VttRequestError(
      new VttError('VTT_ERR_PROTOCOL_CONNECTION_CLOSED', { reason, id }).toJSON(),
      id === '' ? {} : { requestId: id },
    );
  }
}

function reasonOf(event: SocketCloseEvent): string {
  if (event.reason !== '') return event.reason;
  return (
    (CLOSE_CODE_REASONS as Readonly<Record<number, string>>)[event.code] ?? `closed (${event.code})`
  );
}
