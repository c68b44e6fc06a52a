/** The handler of every core action type, merged from the area tables. */
import type { TableActionType } from './action-types.js';
import { UNDO_ACTIONS } from '../undo/undo-actions.js';
import type { ActionHandlers } from './action-handler.js';
import { ACTOR_ACTIONS } from './actor-actions.js';
import { CAMPAIGN_ACTIONS } from './campaign-actions.js';
import { CHAT_ACTIONS } from './chat-actions.js';
import { COMBAT_ACTIONS } from './combat-actions.js';
import { IMPORT_ACTIONS } from './import-actions.js';
import { ITEM_ACTIONS } from './item-actions.js';
import { JOURNAL_ACTIONS } from './journal-actions.js';
import { EFFECT_ACTIONS } from './effect-actions.js';
import { NOTE_ACTIONS } from './note-actions.js';
import { PLAYLIST_ACTIONS } from './playlist-actions.js';
import { ROLL_TABLE_ACTIONS } from './roll-table-actions.js';
import { SCENE_ACTIONS } from './scene-actions.js';
import { SCENE_MARK_ACTIONS } from './scene-mark-actions.js';
import { SESSION_ACTIONS } from './session-actions.js';
import { TIMELINE_ACTIONS } from './timeline-actions.js';
import { TOKEN_ACTIONS } from './token-actions.js';

/** Every core action type's handler. */
export const ACTION_HANDLERS: ActionHandlers<TableActionType> = {
  ...CAMPAIGN_ACTIONS,
  ...SCENE_ACTIONS,
  ...TOKEN_ACTIONS,
  ...ACTOR_ACTIONS,
  ...ITEM_ACTIONS,
  ...IMPORT_ACTIONS,
  ...NOTE_ACTIONS,
  ...COMBAT_ACTIONS,
  ...EFFECT_ACTIONS,
  ...CHAT_ACTIONS,
  ...TIMELINE_ACTIONS,
  ...UNDO_ACTIONS,
  ...SESSION_ACTIONS,
  ...JOURNAL_ACTIONS,
  ...PLAYLIST_ACTIONS,
  ...ROLL_TABLE_ACTIONS,
  ...SCENE_MARK_ACTIONS,
};
