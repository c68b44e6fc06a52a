import { defineErrors } from './error-spec.js';

/** Error codes of table actions, documents, permissions and undo (`VTT_ERR_ACTION_*`, `VTT_ERR_PERMISSION_*`, ...). */
export const TABLE_ERRORS = defineErrors({
  // --- actions: shape and kind
  VTT_ERR_ACTION_INVALID: {
    message: 'The action field {pointer} is invalid: {problem}.',
    fix: '{fix} The payload of every core action is listed in docs/reference/state-model.md.',
    status: 400,
  },
  VTT_ERR_ACTION_UNKNOWN: {
    message: 'Unknown action type "{type}".',
    fix: 'Use one of the core:* action types listed in docs/reference/state-model.md, or a type registered by an enabled module.',
    status: 400,
  },
  // --- events: replay and integrity
  VTT_ERR_EVENT_UNKNOWN: {
    message: 'Unknown event type "{type}".',
    fix: 'Enable the module that defines this event, or upgrade the engine.',
    status: 400,
  },
  VTT_ERR_EVENT_SEQUENCE: {
    message: 'Event seq {seq} does not follow the table seq {expected}.',
    fix: 'Apply events in order without gaps; reload the table from a snapshot and replay the log from its seq.',
    status: 409,
  },
  // --- documents
  VTT_ERR_DOCUMENT_NOT_FOUND: {
    message: 'There is no {collection} document "{id}" that you can see.',
    fix: 'Check the id; the document may have been deleted or hidden. Reload the table view.',
    status: 404,
  },
  VTT_ERR_DOCUMENT_EXISTS: {
    message: 'A {collection} document with id "{id}" already exists.',
    fix: 'Choose another id, or leave the id out to let the server choose one.',
    status: 409,
  },
  VTT_ERR_DOCUMENT_ID_GM_ONLY: {
    message: 'Only a GM may choose the id of a new {collection} document.',
    fix: 'Leave the id out: the server picks one and names it in the events you receive before the ack.',
    status: 403,
  },
  VTT_ERR_DOCUMENT_TOO_LARGE: {
    message:
      'The {collection} document "{id}" would be {length} characters of JSON; the limit is {max}.',
    fix: 'Keep less in one document: split long text into several notes or timeline entries, attach big content as an asset, and keep module flags small (ids, not copies of documents).',
    status: 413,
  },
  VTT_ERR_DOCUMENT_TOO_DEEP: {
    message:
      'The {collection} document "{id}" would nest objects and arrays more than {max} levels deep.',
    fix: 'Flatten the data (e.g. a list of entries with ids instead of objects inside objects); module flags and actor data rarely need more than a few levels.',
    status: 413,
  },
  VTT_ERR_MEMBER_CONTRIBUTION_TOO_LARGE: {
    message:
      'Member "{userId}" would have {length} characters of chat messages, notes, timeline entries, items, journal entries, templates and drawings at this table; the limit per player is {max}.',
    fix: 'Delete some of your own notes, timeline entries, items, journal entries, templates or drawings (old chat messages leave the table on their own), or ask a GM to post the content: GMs are bounded per document only.',
    status: 413,
  },
  VTT_ERR_DOCUMENT_INVALID: {
    message: 'The {collection} document "{id}" would be invalid: {problem}.',
    fix: '{fix} The fields of every document are listed in docs/reference/state-model.md.',
    status: 400,
  },
  // --- permissions
  VTT_ERR_PERMISSION_NOT_MEMBER: {
    message: 'User "{userId}" is not a member of this campaign.',
    fix: 'Ask a GM of the campaign to invite you.',
    status: 403,
  },
  VTT_ERR_PERMISSION_GM_ONLY: {
    message: 'Only a GM may change {collection} documents this way ({what}).',
    fix: 'Ask a GM to do it.',
    status: 403,
  },
  VTT_ERR_PERMISSION_OBSERVER: {
    message: 'Observers may watch and chat but not change the table.',
    fix: 'Ask a GM to make you a player.',
    status: 403,
  },
  VTT_ERR_PERMISSION_NOT_OWNER: {
    message: 'You do not own {collection} "{id}".',
    fix: 'Ask a GM to give you owner rights on it (through its actor for tokens).',
    status: 403,
  },
  VTT_ERR_PERMISSION_FIELD: {
    message: 'You may not change the field "{field}" of {collection} "{id}".',
    fix: 'Leave "{field}" out of the change, or ask a GM to make it.',
    status: 403,
  },
  VTT_ERR_PERMISSION_LAST_GM: {
    message: 'User "{userId}" is the last GM of the campaign.',
    fix: 'Make another member a GM first.',
    status: 409,
  },
  // --- combat
  VTT_ERR_COMBAT_NOT_ACTIVE: {
    message: 'No combat is running.',
    fix: 'Start a combat first (core:start-combat).',
    status: 409,
  },
  VTT_ERR_COMBAT_ALREADY_ACTIVE: {
    message: 'A combat is already running.',
    fix: 'End it (core:end-combat) before starting another.',
    status: 409,
  },
  // --- undo
  VTT_ERR_UNDO_NOTHING: {
    message: 'You have no action left to undo.',
    fix: 'Only your own recent changes to documents can be undone; rolls and chat cannot.',
    status: 409,
  },
  VTT_ERR_UNDO_CONFLICT: {
    message: 'Your last action cannot be undone: {collection} "{id}" changed since.',
    fix: 'Change it back by hand, or ask whoever changed it.',
    status: 409,
  },
  VTT_ERR_SESSION_SEED_REQUIRED: {
    message: 'Starting a dice session needs a fresh secret seed from the host; none was given.',
    fix: "Pass `seed` (32 random bytes as hex, from the host's cryptographic source) in decide's options; the server and createModuleTable do this.",
    status: 500,
  },
});
