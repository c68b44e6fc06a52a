/**
 * The bounds of the live-table protocol, shared by the server (which
 * enforces them) and clients (which stay inside them).
 */
export const PROTOCOL_LIMITS = Object.freeze({
  /** Largest client message, in bytes of UTF-8 JSON (a document at its own limit fits). */
  maxMessageBytes: 512 * 1024,
  /** Deepest nesting of arrays and objects in a client message. */
  maxDepth: 64,
  /** Longest client action id. */
  maxClientIdLength: 64,
  /** Requests (actions, rolls, chat, ...) a connection may send per second, sustained. */
  requestsPerSecond: 30,
  /** Requests a connection may send in one burst above the sustained rate. */
  requestBurst: 60,
  /** Ephemeral messages (pings, drags, typing) per second, sustained. */
  ephemeralPerSecond: 30,
  /** Ephemeral burst. */
  ephemeralBurst: 60,
  /** Refused messages in a row (over the rate) after which the connection is closed. */
  maxRefusedInRow: 200,
  /** Bytes queued for a client that does not read, past which it is disconnected. */
  maxBufferedBytes: 4 * 1024 * 1024,
  /** Interval of the server's WebSocket pings, in ms; a client that misses two is closed. */
  pingIntervalMs: 20_000,
  /** A connection that sends nothing (no message, no pong) for this long is closed. */
  idleTimeoutMs: 120_000,
  /** Missed events a reconnect is replayed; a larger gap gets a fresh snapshot. */
  maxReplayEvents: 500,
  /** Largest ephemeral `data`, in bytes of JSON. */
  maxEphemeralBytes: 2 * 1024,
} as const);
