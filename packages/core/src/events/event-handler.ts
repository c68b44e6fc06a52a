/**
 * The shape of the per-event-type code the reducer, `authorize` and the
 * projection share. One table per document area (`*-events.ts`).
 */
import type { Member } from '../model/documents.js';
import type { TableEventMap, TableEventType, ViewEvent } from './event-types.js';
import type { DocRef, TableDocs, TableState } from '../model/state.js';

/** The envelope fields of the event being applied. */
export interface EventMeta {
  readonly seq: number;
  readonly author: string;
  readonly time: number;
}

/** What `apply` gets: the documents (a state or a view), the payload and the envelope. */
export interface ApplyContext<P> {
  readonly docs: TableDocs;
  readonly payload: P;
  readonly event: EventMeta;
}

/** What `check` and `permit` get: the state before the event and its author. */
export interface CheckContext<P> {
  readonly state: TableState;
  readonly member: Member;
  readonly payload: P;
}

/** What a custom projection gets. */
export interface ProjectContext<P> {
  readonly before: TableState;
  readonly after: TableState;
  readonly member: Member;
  readonly payload: P;
  readonly event: EventMeta & { readonly type: TableEventType };
}

/** The code of one event type. */
export interface EventHandler<P> {
  /**
   * Applies the event to a state or a view and returns only the top-level
   * fields that changed. Pure; reads only the documents listed by `changes`
   * unless `transparent` is false. Unknown ids are a no-op.
   */
  apply(ctx: ApplyContext<P>): Partial<TableDocs>;
  /** The documents whose content the event may change, computed on the state before. */
  changes(ctx: { readonly docs: TableDocs; readonly payload: P }): readonly DocRef[];
  /**
   * The documents whose change needs the author's permission, when not all
   * of `changes`: a deletion needs it for what it deletes, and what the link
   * rules change with it follows (see `links.ts`).
   */
  checked?(ctx: { readonly docs: TableDocs; readonly payload: P }): readonly DocRef[];
  /** Integrity checks for every author (ids exist or are free, shapes valid); throws VttError. */
  check?(ctx: CheckContext<P>): void;
  /** An event-specific permission rule that replaces the per-document rules (chat, members). */
  permit?(ctx: CheckContext<P>): void;
  /** Custom projection for non-GM viewers, where per-document diffing does not fit (chat). */
  project?(ctx: ProjectContext<P>): ViewEvent[];
  /** Whether the author may undo it. */
  readonly undoable: boolean;
  /** False when a viewer must get per-document syncs instead of the event itself. */
  readonly transparent?: boolean;
}

/** A table of handlers for some event types, type-checked against their payloads. */
export type EventHandlers<K extends TableEventType> = {
  readonly [T in K]: EventHandler<TableEventMap[T]>;
};

/**
 * Identity helper that type-checks one area's handler table.
 *
 * @example
 * export const NOTE_EVENTS = defineEventHandlers({ 'core:note-deleted': { ... } });
 */
export function defineEventHandlers<K extends TableEventType>(
  table: EventHandlers<K>,
): EventHandlers<K> {
  return table;
}
