/**
 * WebSocket close codes of the live-table protocol. 1000-1015 are the
 * standard ones; 4000-4999 are this protocol's own. A client reconnects
 * after `GOING_AWAY`, `IDLE` and `SLOW_CONSUMER`, logs in again after
 * `UNAUTHORIZED`, and gives up on `FORBIDDEN` and `NOT_FOUND`.
 */
export const CLOSE_CODES = {
  /** The server is shutting down or restarting: reconnect with the last seq. */
  GOING_AWAY: 1001,
  /** A message broke the protocol badly enough that the connection ends. */
  PROTOCOL_ERROR: 1002,
  /** A frame larger than `PROTOCOL_LIMITS.maxMessageBytes`. */
  MESSAGE_TOO_BIG: 1009,
  /** The access token expired or its session was revoked (logout, password change). */
  UNAUTHORIZED: 4001,
  /** The user is no longer a member of the campaign. */
  FORBIDDEN: 4003,
  /** The campaign was deleted or archived. */
  NOT_FOUND: 4004,
  /** The client kept sending past the rate limit. */
  RATE_LIMITED: 4008,
  /** The client did not read its messages and the send buffer passed its bound. */
  SLOW_CONSUMER: 4009,
  /** Nothing was heard from the client (no message, no pong) for too long. */
  IDLE: 4010,
  /** The table's rules could not be loaded; the connection ends with the reason. */
  TABLE_UNAVAILABLE: 4011,
} as const;

/** A close code of {@link CLOSE_CODES}. */
export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

/** What each close code means and what a client does next: sent as the close reason, listed in the protocol reference. */
export const CLOSE_CODE_REASONS: Readonly<Record<CloseCode, string>> = Object.freeze({
  1001: 'The server is going away (shutdown or restart). Reconnect with the last seq.',
  1002: 'The client broke the protocol. Fix the client.',
  1009: 'A frame was larger than the message limit. Send smaller messages.',
  4001: 'The access token expired or the session ended. Log in again, then reconnect.',
  4003: 'You are no longer a member of this campaign.',
  4004: 'The campaign was deleted or archived.',
  4008: 'Too many messages past the rate limit. Slow down before reconnecting.',
  4009: 'The client did not read its messages fast enough. Reconnect with the last seq.',
  4010: 'Nothing was heard from the client for too long. Reconnect with the last seq.',
  4011: "The table's rules could not be loaded. Try again later; the GM sees why.",
});
