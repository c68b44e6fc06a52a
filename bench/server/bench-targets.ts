/**
 * The two servers the load generator drives, behind one interface: where a
 * client connects, and what a received frame means (moves heard, acks,
 * refusals, a snapshot). A move is keyed by its seq on the real server
 * (its ack says which) and by its client id on the bare one.
 */
import type { ServerMessage } from '@vtt/core';
import type { ServerChild } from './child-process.js';
import type { BenchTable } from './vtt-setup.js';

/** What one received frame says. */
export interface Decoded {
  /** Keys of the token moves it carries. */
  readonly moves: readonly string[];
  readonly ack?: { readonly id: string; readonly key: string; readonly duplicate?: boolean };
  readonly rejected?: { readonly id: string | null; readonly code: string };
  readonly snapshot?: boolean;
  readonly presence?: boolean;
}

/** A server under load. */
export interface Target {
  readonly name: string;
  readonly child: ServerChild;
  /** The WebSocket URL of `table`. */
  socketUrl(table: BenchTable): string;
  /** Headers of a socket opened as the user of `token`. */
  headers(token: string): Record<string, string>;
  decode(text: string): Decoded;
}

const NONE: Decoded = { moves: [] };

/** The real server: `GET /api/campaigns/:id/live`, bearer token, `events` frames keyed by seq. */
export function vttTarget(child: ServerChild): Target {
  const base = child.url.replace(/^http/, 'ws');
  return {
    name: 'vtt',
    child,
    socketUrl: (table) => `${base}/api/campaigns/${table.id}/live`,
    headers: (token) => ({ authorization: `Bearer ${token}` }),
    decode(text) {
      const m = JSON.parse(text) as ServerMessage;
      switch (m.type) {
        case 'events':
          return {
            moves: m.events.filter((e) => e.type === 'core:token-moved').map((e) => String(e.seq)),
          };
        case 'ack':
          return {
            moves: [],
            ack: { id: m.id, key: String(m.seq), duplicate: m.duplicate === true },
          };
        case 'rejected':
          return { moves: [], rejected: { id: m.id, code: m.error.code } };
        case 'error':
          return { moves: [], rejected: { id: null, code: m.error.code } };
        case 'snapshot':
          return { moves: [], snapshot: true };
        case 'presence':
          return { moves: [], presence: true };
        default:
          return NONE;
      }
    },
  };
}

/** The bare `ws` relay: `/room/<id>`, the client's own frame relayed, keyed by its id. */
export function bareTarget(child: ServerChild): Target {
  const base = child.url.replace(/^http/, 'ws');
  return {
    name: 'bare ws',
    child,
    socketUrl: (table) => `${base}/room/${table.id}`,
    headers: () => ({}),
    decode(text) {
      const m = JSON.parse(text) as { type: string; id?: string };
      if (m.type === 'action') return { moves: [m.id!] };
      if (m.type === 'ack') return { moves: [], ack: { id: m.id!, key: m.id! } };
      if (m.type === 'snapshot') return { moves: [], snapshot: true };
      if (m.type === 'presence') return { moves: [], presence: true };
      return NONE;
    },
  };
}
