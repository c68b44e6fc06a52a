/**
 * `@vtt/web-components`: the browser side of the virtual tabletop. The
 * `VttClient` keeps a table's state in the browser; the Lit elements show it
 * and each works alone, so an embedder can drop one into any page.
 */

// --- the client ----------------------------------------------------------------
/** The one client of a server: login, campaigns, live tables. */
export { VttClient } from './client/vtt-client.js';
export type {
  CampaignSummary,
  JoinOptions,
  VttClientOptions,
  VttUser,
} from './client/vtt-client.js';
/** One campaign's live table: the view replica, requests, optimistic moves, reconnects. */
export { TableConnection } from './client/table-connection.js';
export type {
  ActionPayload,
  CloseInfo,
  ConnectionStatus,
  LiveTransport,
  PendingMove,
  TableConnectionEventMap,
  TableConnectionOptions,
} from './client/table-connection.js';
/** A refused request, with the server's code, message and params. */
export { VttRequestError } from './client/request-error.js';
/** Reconnect delays: exponential with jitter. */
export { backoffDelay } from './client/backoff.js';
export type { BackoffOptions } from './client/backoff.js';
export type {
  FetchLike,
  SocketCloseEvent,
  SocketMessageEvent,
  WebSocketConstructor,
  WebSocketLike,
} from './client/socket-types.js';
/** Table state to Lit elements: a reactive controller and a context. */
export { TableController } from './client/table-controller.js';
export { consumeTable, provideTable, tableContext } from './client/table-context.js';

// --- the elements ---------------------------------------------------------------
/** Importing the package registers every tag (`<vtt-dice-roller>`, `<vtt-chat-log>`, ...). */
export {
  VttDiceRoller,
  VttChatLog,
  chatOutcome,
  dieStates,
  renderDiceBreakdown,
  diceBreakdownStyles,
  rollErrorView,
  themeStyles,
  VttMap,
  snapTokenPosition,
  stepTokenPosition,
  rulerDistance,
} from './elements/index.js';
export type {
  DiceRollerFunction,
  VttRollErrorEventDetail,
  VttRollEventDetail,
  VttChatEventDetail,
  ChatOutcome,
  RollErrorView,
  VttTheme,
  MapTool,
  TokenImageResolver,
  MapTransform,
  VttMapEventMap,
  VttTokenMoveEventDetail,
  VttTokenUpdateEventDetail,
  VttFogPaintEventDetail,
  VttFogConfigureEventDetail,
  VttTemplateCreateEventDetail,
  VttPingEventDetail,
  VttTokenSelectEventDetail,
} from './elements/index.js';
