/**
 * One line of human text per activity-log event, for the exports' summary
 * column: a chat message's text (and roll), a move's destination, or else
 * the names and ids the payload carries. Made from the projected event
 * only, so it says no more than the event.
 */
import type { ViewEvent } from '@vtt/core';

type Fields = Readonly<Record<string, unknown>>;

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A document's name or title, when it has one. */
function labelOf(doc: unknown): string | null {
  if (!isFields(doc)) return null;
  for (const key of ['name', 'title']) {
    if (typeof doc[key] === 'string' && doc[key] !== '') return doc[key];
  }
  return null;
}

/** The names of the documents and the ids a payload carries, and the fields a patch sets. */
function genericSummary(payload: Fields): string {
  const parts: string[] = [];
  for (const value of Object.values(payload)) {
    const label = labelOf(value);
    if (label !== null) parts.push(label);
  }
  for (const [key, value] of Object.entries(payload)) {
    if (key.endsWith('Id') && typeof value === 'string') parts.push(value);
  }
  if (isFields(payload['patch'])) parts.push(`set ${Object.keys(payload['patch']).join(', ')}`);
  return parts.join(' · ');
}

/**
 * A short human summary of a projected event; a chat message's text is
 * given whole, as written (line breaks included).
 *
 * @example
 * summaryOf({ seq: 9, type: 'core:token-moved', author: 'u1', time: 0,
 *   payload: { tokenId: 't1', x: 10, y: 20 } }); // 't1 to (10, 20)'
 */
export function summaryOf(event: ViewEvent): string {
  switch (event.type) {
    case 'core:message-posted': {
      const { text, roll, speaker } = event.payload.message;
      const said = speaker === null ? text : `${speaker}: ${text}`;
      return roll === null ? said : `${said} [${roll.notation} = ${roll.total}]`;
    }
    case 'core:token-moved':
      return `${event.payload.tokenId} to (${event.payload.x}, ${event.payload.y})`;
    case 'core:document-synced': {
      const label = labelOf(event.payload.doc);
      const { collection, id } = event.payload;
      return label === null ? `${collection} ${id}` : `${collection} ${id} ${label}`;
    }
    case 'core:document-removed':
      return `${event.payload.collection} ${event.payload.id} removed`;
    case 'core:view-replaced':
      return 'whole view replaced';
    case 'core:time-advanced':
      return `${event.payload.seconds} s`;
    default:
      return genericSummary(event.payload as Fields);
  }
}
