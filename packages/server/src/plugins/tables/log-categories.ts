/**
 * Categories of the activity log: a coarse grouping of event types for
 * filtering (`category=combat,rolls`) and for the exports' `category`
 * column. Core has no notion of it; the map below is the one place that
 * assigns each core event type its category.
 */
import type { DocCollection, ViewEvent } from '@vtt/core';

/** The categories of the activity log. */
export const LOG_CATEGORIES = {
  tokens: 'tokens',
  scenes: 'scenes',
  actors: 'actors',
  items: 'items',
  chat: 'chat',
  rolls: 'rolls',
  combat: 'combat',
  journal: 'journal',
  timeline: 'timeline',
  campaign: 'campaign',
  modules: 'modules',
  other: 'other',
} as const;
/** One of {@link LOG_CATEGORIES}. */
export type LogCategory = (typeof LOG_CATEGORIES)[keyof typeof LOG_CATEGORIES];

/** The category of each core event a viewer can receive (a new core event type must be added here). */
const BY_TYPE: Readonly<Record<ViewEvent['type'], LogCategory>> = {
  'core:campaign-updated': 'campaign',
  'core:member-set': 'campaign',
  'core:member-removed': 'campaign',
  'core:visibility-set': 'campaign',
  'core:view-replaced': 'campaign',
  'core:playlist-created': 'campaign',
  'core:playlist-updated': 'campaign',
  'core:playlist-deleted': 'campaign',
  'core:track-played': 'campaign',
  'core:track-stopped': 'campaign',
  'core:scene-created': 'scenes',
  'core:scene-updated': 'scenes',
  'core:scene-deleted': 'scenes',
  'core:fog-painted': 'scenes',
  'core:fog-configured': 'scenes',
  'core:note-created': 'scenes',
  'core:note-updated': 'scenes',
  'core:note-deleted': 'scenes',
  'core:template-created': 'scenes',
  'core:template-updated': 'scenes',
  'core:template-deleted': 'scenes',
  'core:drawing-created': 'scenes',
  'core:drawing-updated': 'scenes',
  'core:drawing-deleted': 'scenes',
  'core:token-created': 'tokens',
  'core:token-moved': 'tokens',
  'core:token-updated': 'tokens',
  'core:token-deleted': 'tokens',
  'core:actor-created': 'actors',
  'core:actor-updated': 'actors',
  'core:actor-deleted': 'actors',
  'core:effect-added': 'actors',
  'core:effect-removed': 'actors',
  'core:item-created': 'items',
  'core:item-updated': 'items',
  'core:item-moved': 'items',
  'core:item-deleted': 'items',
  'core:combat-started': 'combat',
  'core:combat-ended': 'combat',
  'core:combatant-added': 'combat',
  'core:combatant-updated': 'combat',
  'core:combatant-removed': 'combat',
  'core:initiative-set': 'combat',
  'core:turn-advanced': 'combat',
  'core:message-posted': 'chat',
  'core:message-deleted': 'chat',
  'core:chat-pruned': 'chat',
  'core:dice-session-started': 'rolls',
  'core:dice-session-ended': 'rolls',
  'core:roll-table-created': 'rolls',
  'core:roll-table-updated': 'rolls',
  'core:roll-table-deleted': 'rolls',
  'core:roll-table-drawn': 'rolls',
  'core:roll-table-reset': 'rolls',
  'core:journal-entry-created': 'journal',
  'core:journal-entry-updated': 'journal',
  'core:journal-entry-deleted': 'journal',
  'core:journal-folder-created': 'journal',
  'core:journal-folder-updated': 'journal',
  'core:journal-folder-deleted': 'journal',
  'core:journal-shown': 'journal',
  'core:timeline-entry-created': 'timeline',
  'core:timeline-entry-updated': 'timeline',
  'core:timeline-entry-deleted': 'timeline',
  'core:time-advanced': 'timeline',
  // By their payload's collection (see BY_COLLECTION).
  'core:document-synced': 'other',
  'core:document-removed': 'other',
};

/** The category of a document-synced / -removed event, by the document's collection. */
const BY_COLLECTION: Readonly<Record<DocCollection, LogCategory>> = {
  campaign: 'campaign',
  members: 'campaign',
  playlists: 'campaign',
  scenes: 'scenes',
  notes: 'scenes',
  templates: 'scenes',
  drawings: 'scenes',
  tokens: 'tokens',
  actors: 'actors',
  effects: 'actors',
  items: 'items',
  combat: 'combat',
  rollTables: 'rolls',
  journal: 'journal',
  folders: 'journal',
  timeline: 'timeline',
};

/**
 * The log category of a projected event: from the map above for core
 * events, `rolls` for a chat message that carries a roll (as the viewer
 * received it: a blind roll is `chat` for whoever does not see its result),
 * the document's collection for `core:document-synced` / `-removed`,
 * `modules` for a module's own events (`<moduleId>:...`) and `other` for
 * anything else.
 *
 * @example
 * categoryOf({ seq: 9, type: 'core:token-moved', author: 'u1', time: 0,
 *   payload: { tokenId: 't1', x: 0, y: 0 } }); // 'tokens'
 */
export function categoryOf(event: ViewEvent): LogCategory {
  const type: string = event.type;
  if (!type.startsWith('core:')) return /^[a-z0-9-]+:/.test(type) ? 'modules' : 'other';
  if (event.type === 'core:document-synced' || event.type === 'core:document-removed') {
    return BY_COLLECTION[event.payload.collection] ?? 'other';
  }
  if (event.type === 'core:message-posted' && event.payload.message.roll !== null) return 'rolls';
  return Object.hasOwn(BY_TYPE, type) ? BY_TYPE[event.type] : 'other';
}
