/** The handler of every core event type, merged from the area tables. */
import { VttError } from '../errors/vtt-error.js';
import type { TableEventType } from './event-types.js';
import { ACTOR_EVENTS } from './actor-events.js';
import { CAMPAIGN_EVENTS } from './campaign-events.js';
import { CHAT_EVENTS } from './chat-events.js';
import { COMBAT_EVENTS } from './combat-events.js';
import { EFFECT_EVENTS } from './effect-events.js';
import type { EventHandler, EventHandlers } from './event-handler.js';
import { ITEM_EVENTS } from './item-events.js';
import { JOURNAL_EVENTS } from './journal-events.js';
import { NOTE_EVENTS } from './note-events.js';
import { PLAYLIST_EVENTS } from './playlist-events.js';
import { RESTORE_EVENTS } from './restore-events.js';
import { ROLL_TABLE_EVENTS } from './roll-table-events.js';
import { SCENE_EVENTS } from './scene-events.js';
import { SCENE_MARK_EVENTS } from './scene-mark-events.js';
import { SESSION_EVENTS } from './session-events.js';
import { TIMELINE_EVENTS } from './timeline-events.js';
import { TOKEN_EVENTS } from './token-events.js';

/** Every core event type's handler. */
export const EVENT_HANDLERS: EventHandlers<TableEventType> = {
  ...CAMPAIGN_EVENTS,
  ...SCENE_EVENTS,
  ...TOKEN_EVENTS,
  ...ACTOR_EVENTS,
  ...ITEM_EVENTS,
  ...NOTE_EVENTS,
  ...COMBAT_EVENTS,
  ...EFFECT_EVENTS,
  ...CHAT_EVENTS,
  ...TIMELINE_EVENTS,
  ...RESTORE_EVENTS,
  ...SESSION_EVENTS,
  ...JOURNAL_EVENTS,
  ...PLAYLIST_EVENTS,
  ...ROLL_TABLE_EVENTS,
  ...SCENE_MARK_EVENTS,
};

/** The handler of `type`, or a `VTT_ERR_EVENT_UNKNOWN` error. */
export function handlerFor(type: string): EventHandler<unknown> {
  const handler = Object.prototype.hasOwnProperty.call(EVENT_HANDLERS, type)
    ? (EVENT_HANDLERS as Record<string, EventHandler<never>>)[type]
    : undefined;
  if (handler === undefined) throw new VttError('VTT_ERR_EVENT_UNKNOWN', { type });
  return handler as EventHandler<unknown>;
}
