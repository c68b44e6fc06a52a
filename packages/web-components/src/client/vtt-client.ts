/**
 * The one client of a VTT server: logs in, lists campaigns, and opens a
 * {@link TableConnection} per campaign. Browser code by default (the global
 * `fetch` and `WebSocket`); both are injectable, so Node programs and tests
 * pass `ws`'s WebSocket.
 */
import { VttError, type Role, type WireError } from '@vtt/core';
import type { BackoffOptions } from './backoff.js';
import { VttRequestError } from './request-error.js';
import type { FetchLike, WebSocketConstructor, WebSocketLike } from './socket-types.js';
import { TableConnection, type LiveTransport } from './table-connection.js';

/** The logged-in user, as the server describes them. */
export interface VttUser {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  readonly isAdmin: boolean;
}

/** A campaign the user is a member of, with their role. */
export interface CampaignSummary {
  readonly id: string;
  readonly name: string;
  readonly system: string;
  readonly role: Role;
  readonly archived: boolean;
  readonly createdAt: number;
}

/** Options of {@link VttClient}. */
export interface VttClientOptions {
  /** The server's origin, e.g. `https://vtt.example.org`; default: the page's origin. */
  readonly baseUrl?: string;
  /** Default: the global `fetch`. */
  readonly fetch?: FetchLike;
  /** Default: the global `WebSocket`. */
  readonly WebSocket?: WebSocketConstructor;
  /**
   * How the live socket authenticates: `ticket` (default; a one-time
   * `?ticket=`, what browsers must use) or `header` (`Authorization: Bearer`,
   * for a WebSocket that can send headers, such as `ws` in Node).
   */
  readonly socketAuth?: 'ticket' | 'header';
  /** Reconnect delays and their randomness (seeded in tests). */
  readonly reconnect?: BackoffOptions;
  /**
   * A personal API token (`vtt_...`, from `POST /api/auth/tokens`) instead
   * of a login: every request carries it, nothing is renewed, and its scopes
   * decide what the client may do (`tables:observe` to watch a table). What
   * an embedder on another site uses; see docs/embedding.md.
   */
  readonly apiToken?: string;
}

/** Options of {@link VttClient.join}. */
export interface JoinOptions {
  /** Prefix of this connection's client request ids; default: 8 random bytes as hex. */
  readonly idPrefix?: string;
}

interface LoginAnswer {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly user: VttUser;
}

/**
 * Talks to one VTT server as one user. Holds the access token in memory
 * (never in storage) and renews it with the refresh token when the server
 * says it expired; renewals are shared, so the rotating refresh token is
 * never spent twice.
 *
 * @example
 * const client = new VttClient({ baseUrl: 'https://vtt.example.org' });
 * await client.login('ana', 'correct horse battery');
 * const [first] = await client.campaigns();
 * const table = client.join(first.id);
 * table.addEventListener('change', () => render(table.view));
 */
export class VttClient {
  readonly #baseUrl: string;
  readonly #fetch: FetchLike;
  readonly #WebSocket: WebSocketConstructor | undefined;
  readonly #socketAuth: 'ticket' | 'header';
  readonly #reconnect: BackoffOptions;
  #accessToken: string | null = null;
  #refreshToken: string | null = null;
  #user: VttUser | null = null;
  #refreshing: Promise<boolean> | null = null;
  readonly #apiToken: boolean;

  constructor(options: VttClientOptions = {}) {
    const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
    const baseUrl = options.baseUrl ?? origin;
    if (baseUrl === undefined) throw new TypeError('VttClient needs a baseUrl outside a browser');
    this.#baseUrl = baseUrl.replace(/\/+$/, '');
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#WebSocket =
      options.WebSocket ??
      (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket ??
      undefined;
    this.#socketAuth = options.socketAuth ?? 'ticket';
    this.#reconnect = options.reconnect ?? {};
    this.#apiToken = options.apiToken !== undefined;
    if (options.apiToken !== undefined) this.#accessToken = options.apiToken;
  }

  /** The logged-in user, or null before {@link login} (and after {@link logout}). */
  get user(): VttUser | null {
    return this.#user;
  }

  /**
   * The user an API token acts for (`GET /api/me`), remembered as
   * {@link user}. With a login, the same answer for the logged-in user.
   * @throws VttRequestError `VTT_ERR_AUTH_REQUIRED` for a revoked or unknown token.
   */
  async me(): Promise<VttUser> {
    this.#user = await this.request<VttUser>('GET', '/api/me');
    return this.#user;
  }

  /**
   * Logs in with a name and password (`POST /api/auth/login`).
   * @throws VttRequestError `VTT_ERR_AUTH_BAD_CREDENTIALS`, `VTT_ERR_AUTH_RATE_LIMITED`.
   */
  async login(name: string, password: string): Promise<VttUser> {
    const answer = await this.#json<LoginAnswer>('POST', '/api/auth/login', {
      body: { name, password },
      auth: false,
    });
    return this.#loggedIn(answer);
  }

  /**
   * Picks up the session of an earlier login from the refresh cookie (a page
   * reload): the user, or null when there is no live session.
   */
  async resume(): Promise<VttUser | null> {
    return (await this.refresh()) ? this.#user : null;
  }

  /**
   * A new access token from the refresh token (`POST /api/auth/refresh`,
   * the token from the login answer, else the HttpOnly cookie). Concurrent
   * calls share one renewal. Resolves false when the session has ended.
   */
  refresh(): Promise<boolean> {
    // An API token is not renewed: once refused, it stays refused.
    if (this.#apiToken) return Promise.resolve(false);
    this.#refreshing ??= (async () => {
      try {
        const body = this.#refreshToken === null ? {} : { refreshToken: this.#refreshToken };
        this.#loggedIn(
          await this.#json<LoginAnswer>('POST', '/api/auth/refresh', { body, auth: false }),
        );
        return true;
      } catch (error) {
        if (error instanceof VttRequestError && error.status === 401) {
          this.#forget();
          return false;
        }
        throw error;
      } finally {
        this.#refreshing = null;
      }
    })();
    return this.#refreshing;
  }

  /** Ends the session (`POST /api/auth/logout`); its live sockets close on the server. */
  async logout(): Promise<void> {
    try {
      await this.request('POST', '/api/auth/logout', {});
    } finally {
      this.#forget();
    }
  }

  /** The campaigns the user is a member of (`GET /api/campaigns`). */
  async campaigns(): Promise<CampaignSummary[]> {
    const answer = await this.request<{ campaigns: CampaignSummary[] }>('GET', '/api/campaigns');
    return answer.campaigns;
  }

  /**
   * An authorized JSON request to the server's HTTP API; on an expired
   * token it renews the token once and repeats the request.
   * @throws VttRequestError with the server's code, message, params and status.
   *
   * @example
   * const { events } = await client.request('GET', `/api/campaigns/${id}/log?limit=20`);
   */
  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    try {
      return await this.#json<T>(method, path, { body, auth: true });
    } catch (error) {
      if (!(error instanceof VttRequestError) || error.status !== 401) throw error;
      if (!(await this.refresh())) throw error;
      return this.#json<T>(method, path, { body, auth: true });
    }
  }

  /**
   * An authorized multipart upload (`POST` of a `FormData`), such as an
   * image to `POST /api/campaigns/{id}/assets`; renews an expired token once,
   * as {@link request} does.
   * @throws VttRequestError with the server's code, message, params and status.
   *
   * @example
   * const form = new FormData();
   * form.append('file', file);
   * const asset = await client.upload(`/api/campaigns/${id}/assets`, form);
   */
  upload<T = Record<string, unknown>>(path: string, form: FormData): Promise<T> {
    return this.request<T>('POST', path, form);
  }

  /**
   * Authorized bytes of a GET route, such as an asset image
   * (`GET /api/campaigns/{id}/assets/{assetId}`), for a blob URL an `<img>`
   * can show; renews an expired token once, as {@link request} does.
   * @throws VttRequestError with the server's code, message, params and status.
   *
   * @example
   * const url = URL.createObjectURL(await client.blob(asset.url));
   */
  async blob(path: string): Promise<Blob> {
    const get = async (): Promise<Response> => {
      if (this.#accessToken === null) throw notLoggedIn();
      return this.#fetch(`${this.#baseUrl}${path}`, {
        headers: { authorization: `Bearer ${this.#accessToken}` },
        credentials: 'same-origin',
      });
    };
    let res = await get();
    if (res.status === 401 && (await this.refresh())) res = await get();
    if (res.ok) return res.blob();
    const parsed = (await res.json().catch(() => ({}))) as { error?: WireError };
    throw new VttRequestError(parsed.error ?? new VttError('VTT_ERR_SERVER_INTERNAL').toJSON(), {
      status: res.status,
    });
  }

  /**
   * Opens the live table of a campaign: a {@link TableConnection} that starts
   * connecting at once (`status` `connecting`) and keeps the user's view.
   *
   * @example
   * const table = client.join(campaignId);
   * await table.ready();
   */
  join(campaignId: string, options: JoinOptions = {}): TableConnection {
    return new TableConnection({
      campaignId,
      transport: this.#transport(),
      idPrefix: options.idPrefix ?? randomPrefix(),
      reconnect: this.#reconnect,
    });
  }

  #transport(): LiveTransport {
    return {
      open: (campaignId, probe) => this.#openSocket(campaignId, probe),
      reauthenticate: () => this.refresh(),
    };
  }

  async #openSocket(campaignId: string, probe: boolean): Promise<WebSocketLike> {
    const Socket = this.#WebSocket;
    if (Socket === undefined) throw new TypeError('no WebSocket: pass options.WebSocket');
    const id = encodeURIComponent(campaignId);
    const url = `${this.#baseUrl.replace(/^http/, 'ws')}/api/campaigns/${id}/live`;
    if (this.#socketAuth === 'ticket') {
      const { ticket } = await this.request<{ ticket: string }>(
        'POST',
        `/api/campaigns/${id}/live-ticket`,
        {},
      );
      return new Socket(`${url}?ticket=${encodeURIComponent(ticket)}`);
    }
    // A socket cannot tell why its upgrade was refused: after a failed attempt, HTTP says.
    if (probe) await this.request('GET', `/api/campaigns/${id}`);
    if (this.#accessToken === null) throw notLoggedIn();
    return new Socket(url, [], { headers: { authorization: `Bearer ${this.#accessToken}` } });
  }

  #loggedIn(answer: LoginAnswer): VttUser {
    this.#accessToken = answer.accessToken;
    this.#refreshToken = answer.refreshToken;
    this.#user = answer.user;
    return answer.user;
  }

  #forget(): void {
    this.#accessToken = null;
    this.#refreshToken = null;
    this.#user = null;
  }

  async #json<T>(
    method: string,
    path: string,
    options: { readonly body?: unknown; readonly auth: boolean },
  ): Promise<T> {
    const form = options.body instanceof FormData ? options.body : null;
    const headers: Record<string, string> = {};
    if (options.body !== undefined && form === null) headers['content-type'] = 'application/json';
    if (options.auth) {
      if (this.#accessToken === null) throw notLoggedIn();
      headers['authorization'] = `Bearer ${this.#accessToken}`;
    }
    const res = await this.#fetch(`${this.#baseUrl}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body === undefined ? {} : { body: form ?? JSON.stringify(options.body) }),
    });
    const text = await res.text();
    const parsed = text === '' ? {} : (JSON.parse(text) as unknown);
    if (res.ok) return parsed as T;
    const error = (parsed as { error?: WireError }).error;
    throw new VttRequestError(error ?? new VttError('VTT_ERR_SERVER_INTERNAL').toJSON(), {
      status: res.status,
    });
  }
}

function notLoggedIn(): VttRequestError {
  return new VttRequestError(new VttError('VTT_ERR_AUTH_REQUIRED').toJSON(), { status: 401 });
}

function randomPrefix(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
