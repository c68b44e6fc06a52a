/** The live-table wire protocol: messages, their schemas, close codes and limits. */
export { CLOSE_CODE_REASONS, CLOSE_CODES } from './close-codes.js';
export type { CloseCode } from './close-codes.js';
export { PROTOCOL_LIMITS } from './protocol-limits.js';
export { CLIENT_MESSAGE_SCHEMAS } from './protocol-schemas.js';
export { parseClientFrame } from './wire-shape.js';
export { validateClientMessage } from './validate-message.js';
export {
  CLIENT_MESSAGE_TYPES,
  EPHEMERAL_KINDS,
  SERVER_MESSAGE_TYPES,
} from './protocol-messages.js';
export type {
  AckMessage,
  ActionMessage,
  ChatMessageRequest,
  ClientMessage,
  ClientMessageMap,
  ClientMessageType,
  DerivedMessage,
  EphemeralKind,
  EphemeralMessage,
  ErrorMessage,
  EventsMessage,
  InitiativeMessage,
  JoinMessage,
  MacroMessage,
  ModulesMessage,
  ModuleStatusEntry,
  PresenceEntry,
  PresenceMessage,
  RejectedMessage,
  ReplayMessage,
  RequestMessage,
  RestartModuleMessage,
  RollMessage,
  ServerEphemeralMessage,
  ServerMessage,
  ServerMessageMap,
  ServerMessageType,
  SnapshotMessage,
  WireError,
} from './protocol-messages.js';
