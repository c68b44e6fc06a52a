/**
 * The Lit elements of `@vtt/web-components`. Importing this file registers
 * every tag (`<vtt-dice-roller>`, `<vtt-chat-log>`, ...).
 */
export { VttDiceRoller } from './dice-roller.js';
export type {
  DiceRollerFunction,
  VttRollErrorEventDetail,
  VttRollEventDetail,
} from './dice-roller.js';
export { VttChatLog } from './chat-log.js';
export type { VttChatEventDetail } from './chat-log.js';
export { chatOutcome } from './chat-outcome.js';
export type { ChatOutcome } from './chat-outcome.js';
export { dieStates, renderDiceBreakdown, diceBreakdownStyles } from './dice-breakdown.js';
export { rollErrorView } from './roll-error.js';
export type { RollErrorView } from './roll-error.js';
export { themeStyles } from './theme.js';
export type { VttTheme } from './theme.js';
export { VttMap, type MapTool, type TokenImageResolver } from './map/vtt-map.js';
export { snapTokenPosition, stepTokenPosition, rulerDistance } from './map/map-geometry.js';
export type { MapTransform } from './map/map-viewport.js';
export type {
  VttMapEventMap,
  VttTokenMoveEventDetail,
  VttTokenUpdateEventDetail,
  VttFogPaintEventDetail,
  VttFogConfigureEventDetail,
  VttTemplateCreateEventDetail,
  VttPingEventDetail,
  VttTokenSelectEventDetail,
} from './map/map-events.js';
