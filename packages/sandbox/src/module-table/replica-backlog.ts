/**
 * Committed events a module's replica has not been sent yet. A commit only
 * queues them; the replica is brought up to date right before the module's
 * next call. So a core action that no module hooks makes no sandbox round
 * trip at all, and a module that is called gets every event, in order,
 * before it answers.
 */
import type { TableEvent } from '@vtt/core';

/**
 * Most events held for one replica. Past it the backlog is dropped and the
 * replica is loaded whole before the module's next call: memory stays
 * bounded however long a table plays without calling a module.
 */
export const MAX_BACKLOG_EVENTS = 2048;

/** One replica's backlog (see the module comment). */
export interface ReplicaBacklog {
  /** Events to apply before the next call, in seq order (server-only data stripped). */
  events: TableEvent[];
  /** True when events were dropped or could not be applied: the next call loads the whole state first. */
  stale: boolean;
}

/** A fresh, empty backlog (the replica is current). */
export const currentBacklog = (): ReplicaBacklog => ({ events: [], stale: false });

/** Queues `events` for a replica, or marks it stale once the backlog would pass its bound. */
export function queueEvents(backlog: ReplicaBacklog, events: readonly TableEvent[]): void {
  if (backlog.stale) return;
  if (backlog.events.length + events.length > MAX_BACKLOG_EVENTS) {
    backlog.events = [];
    backlog.stale = true;
    return;
  }
  backlog.events.push(...events);
}
