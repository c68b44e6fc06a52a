/**
 * A raw live-table client for server tests: a real `ws` socket to a real
 * server, every frame it receives kept (as text, for canary checks) and
 * awaited by type or by request id.
 */
import type { AckMessage, RejectedMessage, ServerMessage } from '@vtt/core';
import { WebSocket } from 'ws';
import type { VttServer } from '../create-server.js';
import { request, type TestUser } from './http-client.js';

/** How a socket closed. */
export interface Closed {
  readonly code: number;
  readonly reason: string;
}

/** Options of {@link LiveClient.open}. */
export interface OpenOptions {
  /** Bearer token (default: the user's); null sends none. */
  readonly token?: string | null;
  /** A one-time ticket instead of the header. */
  readonly ticket?: string;
  /** The Origin header to send (browsers always do). */
  readonly origin?: string;
}

/** A refused upgrade: the HTTP status and body the server answered. */
export class UpgradeRefused extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`upgrade refused: ${status} ${body}`);
  }
}

let counter = 0;

/** One socket to a campaign's live table. */
export class LiveClient {
  /** Every text frame received, in order. */
  readonly frames: string[] = [];
  /** The same frames, parsed. */
  readonly messages: ServerMessage[] = [];
  /** Resolves once the socket is closed. */
  readonly closed: Promise<Closed>;
  /** Messages already returned by `next`, by index. */
  readonly #taken = new Set<number>();
  #low = 0;
  readonly #waiters = new Set<() => void>();
  #closedWith: Closed | null = null;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = String(data as Buffer);
      this.frames.push(text);
      this.messages.push(JSON.parse(text) as ServerMessage);
      for (const w of this.#waiters) w();
    });
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        this.#closedWith = { code, reason: String(reason) };
        resolve(this.#closedWith);
        for (const w of this.#waiters) w();
      });
    });
  }

  /**
   * Opens a socket to `campaignId` as `user`.
   * @throws UpgradeRefused with the server's HTTP answer when it refuses the upgrade.
   */
  static open(
    server: Pick<VttServer, 'url'>,
    campaignId: string,
    user: Pick<TestUser, 'token'> | null,
    options: OpenOptions = {},
  ): Promise<LiveClient> {
    const base = server.url.replace(/^http/, 'ws');
    const query =
      options.ticket === undefined ? '' : `?ticket=${encodeURIComponent(options.ticket)}`;
    const token = options.token === undefined ? user?.token : options.token;
    const socket = new WebSocket(`${base}/api/campaigns/${campaignId}/live${query}`, {
      headers: {
        ...(token === null || token === undefined ? {} : { authorization: `Bearer ${token}` }),
        ...(options.origin === undefined ? {} : { origin: options.origin }),
      },
    });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new LiveClient(socket)));
      socket.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += String(c)));
        res.on('end', () => reject(new UpgradeRefused(res.statusCode ?? 0, body)));
      });
      socket.once('error', reject);
    });
  }

  /** Sends a message object, or a raw text frame as is. */
  send(message: object | string): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /**
   * The next message not yet taken that matches (by type, or a predicate),
   * waiting up to `timeoutMs`. Messages before it stay available to later
   * calls.
   */
  next<T extends ServerMessage = ServerMessage>(
    match: ServerMessage['type'] | ((m: ServerMessage) => boolean),
    timeoutMs = 5_000,
  ): Promise<T> {
    const test = typeof match === 'string' ? (m: ServerMessage) => m.type === match : match;
    return new Promise((resolve, reject) => {
      const look = (): boolean => {
        for (let i = this.#low; i < this.messages.length; i++) {
          if (this.#taken.has(i)) continue;
          const m = this.messages[i]!;
          if (test(m)) {
            this.#taken.add(i);
            while (this.#taken.has(this.#low)) this.#low++;
            resolve(m as T);
            return true;
          }
        }
        if (this.#closedWith !== null) {
          reject(new Error(`socket closed (${this.#closedWith.code}) before ${String(match)}`));
          return true;
        }
        return false;
      };
      if (look()) return;
      const waiter = (): void => {
        if (look()) done();
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${String(match)} within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.#waiters.delete(waiter);
      };
      this.#waiters.add(waiter);
    });
  }

  /** Sends `join` and waits for the snapshot or replay. */
  async join(since?: number): Promise<ServerMessage> {
    this.send(since === undefined ? { type: 'join' } : { type: 'join', since });
    return this.next((m) => m.type === 'snapshot' || m.type === 'replay');
  }

  /** Sends a request with a fresh id (or the given one) and waits for its ack or rejection. */
  async request(
    message: Record<string, unknown>,
    id = `r${++counter}`,
  ): Promise<AckMessage | RejectedMessage> {
    this.send({ ...message, id });
    return this.next<AckMessage | RejectedMessage>(
      (m) => (m.type === 'ack' || m.type === 'rejected') && m.id === id,
    );
  }

  /** Sends a core or module action and waits for its answer. */
  action(type: string, payload: unknown, id?: string): Promise<AckMessage | RejectedMessage> {
    return this.request({ type: 'action', action: { type, payload } }, id);
  }

  /** Closes the socket and waits until it is closed. */
  async close(): Promise<Closed> {
    if (this.#closedWith === null) this.socket.close(1000);
    return this.closed;
  }
}

/** A campaign made by `gm` over HTTP, with `players` joined through an invite. */
export async function campaignWith(
  server: Pick<VttServer, 'url'>,
  gm: TestUser,
  players: readonly TestUser[],
  options: { system?: string; name?: string; role?: 'player' | 'observer' } = {},
): Promise<string> {
  const made = await request<{ id: string }>(server, 'POST', '/api/campaigns', {
    token: gm.token,
    body: { name: options.name ?? 'Tomb of Horrors', system: options.system ?? 'dnd5e' },
  });
  if (made.status !== 201) throw new Error(`campaign not made: ${made.text}`);
  if (players.length === 0) return made.body.id;
  const invite = await request<{ secret: string }>(
    server,
    'POST',
    `/api/campaigns/${made.body.id}/invites`,
    {
      token: gm.token,
      body: { role: options.role ?? 'player', expiresInSeconds: 3600, maxUses: players.length },
    },
  );
  if (invite.status !== 201) throw new Error(`invite not made: ${invite.text}`);
  for (const p of players) {
    const joined = await request(server, 'POST', '/api/invites/accept', {
      token: p.token,
      body: { secret: invite.body.secret },
    });
    if (joined.status !== 200) throw new Error(`join failed: ${joined.text}`);
  }
  return made.body.id;
}
