/**
 * The part of a WebSocket the client uses: the browser's `WebSocket` and the
 * `ws` package's both fit, so Node programs and tests inject `ws`.
 */

/** The event of a received frame. */
export interface SocketMessageEvent {
  readonly data: unknown;
}

/** The event of a closed socket. */
export interface SocketCloseEvent {
  readonly code: number;
  readonly reason: string;
}

/** An open or opening WebSocket. Handlers take `never` so both implementations' event types fit. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
}

/**
 * A WebSocket constructor: the browser's global (which ignores `options`),
 * or `ws`'s `WebSocket`, which sends `options.headers` with the upgrade.
 */
export type WebSocketConstructor = new (
  url: string,
  protocols?: string | string[],
  options?: { headers?: Record<string, string> },
) => WebSocketLike;

/** The `fetch` the client calls: the global one by default. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
