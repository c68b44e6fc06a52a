/**
 * @vtt/core: the system-agnostic table engine.
 *
 * Everything here runs unchanged in Node, in the browser and inside QuickJS.
 * Each section below is owned by one area; add exports to your own section.
 */

// --- errors -----------------------------------------------------------------
export { ERROR_CODES } from './errors/codes.js';
export type { ErrorCode } from './errors/codes.js';
export { defineErrors } from './errors/error-spec.js';
export type { ErrorSpec } from './errors/error-spec.js';
export { VttError, formatErrorMessage, isVttError } from './errors/vtt-error.js';
export type { ErrorParams } from './errors/vtt-error.js';

// --- random -----------------------------------------------------------------
export { createRng, DICE_STREAM, normalizeSeed, seedCommitment } from './random/rng.js';
export type { Rng, RngState } from './random/rng.js';
export { withForcedFaces } from './random/forced-rng.js';
export { chacha20Block } from './random/chacha20.js';
export { sha256Hex } from './random/sha256.js';

// --- dice -------------------------------------------------------------------
export {
  COMPARE_OPERATORS,
  DEFAULT_DICE_LIMITS,
  DICE_FUNCTIONS,
  EXPLODE_MODES,
  KEEP_MODES,
  FORCED_STREAM,
  ROLL_LOG_FORMAT,
  drawRoll,
  matchesRecord,
  rollLog,
  verifyRollLog,
  forcedDiceSource,
  formatDice,
  parseDice,
  replayDiceSource,
  rngDiceSource,
  roll,
} from './dice/index.js';
export type {
  CallNode,
  CompareOperator,
  DiceCompare,
  DiceDraw,
  DiceExplode,
  DiceFunction,
  DiceKeep,
  DiceLimits,
  DiceModifiers,
  DiceNode,
  DiceReroll,
  DiceSource,
  DiceTermNode,
  DiceTermResult,
  DieResult,
  ExplodeMode,
  KeepMode,
  NegateNode,
  NumberNode,
  PoolGroupResult,
  PoolModifiers,
  PoolNode,
  PoolTermResult,
  ProductNode,
  RollOptions,
  RollLog,
  RollLogEntry,
  RollLogSession,
  RollProblem,
  RollRecord,
  RollResult,
  RollVerification,
  SumNode,
  TermResult,
} from './dice/index.js';

// --- grid and fog geometry --------------------------------------------------
export {
  cellAt,
  cellCenter,
  cellPolygon,
  cellsInPolygon,
  cellsInRadius,
  compactFog,
  defaultFog,
  defaultGrid,
  DIAGONAL_RULES,
  FOG_LIMITS,
  FOG_MODES,
  FOG_SHAPE_KINDS,
  GRID_TYPES,
  gridDistance,
  isCellRevealed,
  isPointRevealed,
  MAX_AREA_CELLS,
  measure,
  neighbours,
  pointInPolygon,
  validateFogShape,
  validateGrid,
} from './geometry/index.js';
export { footprintCells, templateCells, tokensInTemplate } from './geometry/templates.js';
export type {
  Cell,
  DiagonalRule,
  DistanceOptions,
  FogLimits,
  FogMode,
  FogOp,
  FogShape,
  FogShapeKind,
  FogState,
  Grid,
  GridType,
  Point,
} from './geometry/index.js';

// --- table model: documents, actions, events, reducer -----------------------
export {
  EFFECT_TARGETS,
  EFFECT_TICKS,
  EFFECT_UNITS,
  LINK_COLLECTIONS,
  OWNERSHIP_LEVELS,
  ROLES,
  TOKEN_LAYERS,
  VISIBILITIES,
} from './model/documents.js';
export type {
  ActiveEffect,
  Actor,
  Campaign,
  CampaignSettings,
  ChatMessage,
  DiceSession,
  VerifiedRolls,
  Combat,
  Combatant,
  DocLink,
  DocSource,
  EffectDuration,
  EffectTarget,
  EffectTick,
  EffectUnit,
  InWorldDate,
  Item,
  LinkCollection,
  Member,
  Note,
  OwnershipLevel,
  ResourceBar,
  Role,
  Scene,
  SceneBackground,
  TimelineEntry,
  Token,
  TokenLayer,
  Visibility,
} from './model/documents.js';
export { DocMap } from './model/doc-map.js';
export { compareItems, itemOf, itemsOfActor } from './model/item-list.js';
export { clockOf, effectsOf, effectsOn, roundSecondsOf, shownStatuses } from './model/effects.js';
export type { DocMapSource } from './model/doc-map.js';
export { reviveDocs, reviveState, reviveView } from './model/revive.js';
export type { DocsJson } from './model/revive.js';
export {
  asDocMap,
  foldersOf,
  JOURNAL_VISIBILITIES,
  journalOf,
  PLAYLIST_MODES,
  playlistsOf,
} from './model/journal-documents.js';
export type {
  JournalEntry,
  JournalFolder,
  JournalVisibility,
  Playback,
  Playlist,
  PlaylistMode,
  PlaylistTrack,
  PlaylistView,
} from './model/journal-documents.js';
export {
  resultAt,
  ROLL_TABLE_LIMITS,
  ROLL_TABLE_VISIBILITIES,
  rollTablesOf,
} from './model/roll-tables.js';
export type {
  RollTable,
  RollTableResult,
  RollTableResultInput,
  RollTableVisibility,
} from './model/roll-tables.js';
export {
  defaultFormula,
  formulaSpan,
  resultsFromInputs,
  rollTableProblems,
  tableCycle,
} from './model/roll-table-ranges.js';
export type { FormulaSpan, RollTableProblem } from './model/roll-table-ranges.js';
export {
  CONE_APERTURE_5E,
  DRAWING_LIMITS,
  DRAWING_SHAPES,
  drawingsOf,
  MARK_VISIBILITIES,
  normalizeAngle,
  TEMPLATE_SHAPES,
  templatesOf,
} from './model/scene-marks.js';
export type {
  Drawing,
  DrawingShape,
  MarkVisibility,
  MeasuredTemplate,
  TemplateShape,
} from './model/scene-marks.js';
export { deepEqual } from './model/json.js';
export { canonicalJson, stateHash } from './model/state-hash.js';
export type { Flags, JsonValue } from './model/json.js';
export {
  createTableState,
  DEFAULT_CAMPAIGN_SETTINGS,
  DOC_COLLECTIONS,
  KEYED_COLLECTIONS,
} from './model/state.js';
export type {
  CreateTableOptions,
  DocCollection,
  KeyedCollection,
  DocRef,
  TableDocs,
  TableState,
  TableView,
  UndoChange,
  UndoEntry,
} from './model/state.js';
export type {
  ItemFields,
  AddEffectDuration,
  TableAction,
  TableActionMap,
  TableActionType,
} from './actions/action-types.js';
export type {
  CompendiumLookup,
  CompendiumResolution,
  EmbeddedItemEntry,
  ResolvedCompendiumEntry,
} from './actions/import-actions.js';
export type {
  JournalActionMap,
  JournalEntryFields,
  JournalFolderFields,
  PlaylistFields,
  TrackInput,
} from './actions/journal-action-types.js';
export { JOURNAL_LIMITS } from './actions/journal-action-types.js';
export type { JournalEventMap } from './events/journal-event-types.js';
export type { RollTableActionMap, RollTableFields } from './actions/roll-table-action-types.js';
export { ROLL_TABLE_FIELD_SCHEMAS } from './actions/roll-table-action-types.js';
export type { RollTableEventMap } from './events/roll-table-event-types.js';
export type {
  DrawingFields,
  SceneMarkActionMap,
  TemplateFields,
} from './actions/scene-mark-action-types.js';
export type { SceneMarkEventMap } from './events/scene-mark-event-types.js';
export type {
  EventDraft,
  EventServerData,
  Patch,
  PostedMessage,
  TableEvent,
  TableEventMap,
  TableEventType,
  ViewEvent,
  ViewOnlyEventMap,
} from './events/event-types.js';
export { ACTION_SCHEMAS } from './actions/action-schemas.js';
export { ACTION_LIMITS } from './actions/schema-parts.js';
export { validateAction } from './actions/validate-action.js';
export { decide } from './actions/decide.js';
export type { DecideOptions } from './actions/decide.js';
export { applyEvent, applyEvents, applyViewEvent } from './reducer/apply-event.js';
export { commit } from './reducer/commit.js';
export type { CommitContext } from './reducer/commit.js';
export { advanceTurn, turnOrder } from './events/combat-turns.js';
export { clockTicks, turnTicks } from './events/effect-ticks.js';
export type { EffectTicks } from './events/effect-ticks.js';

// --- permissions, views and undo --------------------------------------------
export { authorize } from './permissions/authorize.js';
export { actorLevel, ownsCombatant, ownsToken } from './permissions/ownership.js';
export { memberOf, viewFor } from './views/view-for.js';
export { sceneVisible, tokenVisible } from './views/visibility.js';
export { projectEvent } from './views/project-event.js';
export {
  entryVisible,
  folderVisible,
  viewJournalEntry,
  viewJournalFolder,
  viewPlaylist,
} from './views/journal-visibility.js';
export { actorDataVisible, effectVisible, viewDoc } from './views/visibility.js';
export { rollTableVisible, viewRollTable } from './views/roll-table-visibility.js';
export { markVisible, viewMark } from './views/scene-mark-visibility.js';
export { combatantName, UNKNOWN_COMBATANT } from './views/combatant-name.js';
export { redactData, seesWholeActor, viewActor } from './views/redact-actor.js';
export { viewItem } from './views/redact-item.js';
export { viewFlags } from './views/redact-flags.js';
export { FIELD_VISIBILITIES, FLAG_VISIBILITIES } from './model/visibility-policy.js';
export type {
  FieldVisibility,
  FieldVisibilityLevel,
  FlagVisibility,
  FlagVisibilityLevel,
  VisibilityPolicy,
} from './model/visibility-policy.js';

// --- module manifests and sheets ---------------------------------------------
export { CORE_API_VERSION } from './manifest/core-api-version.js';
export { checkEngine } from './manifest/check-engine.js';
export { compileDataSchema } from './manifest/compile-data-schema.js';
export type { CompiledDataSchema, DataValidator } from './manifest/compile-data-schema.js';
export { DATA_SCHEMA_LIMITS } from './manifest/data-schema-limits.js';
export { compileFieldVisibility, VISIBILITY_KEYWORD } from './manifest/field-visibility.js';
export { compileVisibilityPolicy } from './manifest/visibility-policy.js';
export { STATE_LIMITS, checkStateLimits } from './limits/state-limits.js';
export { createDiagnostic } from './manifest/diagnostics.js';
export type { Diagnostic, DiagnosticReport } from './manifest/diagnostics.js';
export { MANIFEST_SCHEMA } from './manifest/manifest-schema.js';
export {
  DOCUMENT_TYPES,
  HEALTH_KINDS,
  MANIFEST_FILE,
  MODULE_KINDS,
  PACK_DOCUMENT_TYPES,
} from './manifest/manifest-types.js';
export type {
  CombatDeclaration,
  CombatHealthPath,
  HealthKind,
  CompendiumReference,
  DocumentType,
  PackDocumentType,
  DocumentTypeDefinition,
  JsonSchema,
  ModuleAuthor,
  ModuleCapabilities,
  ModuleKind,
  ModuleManifest,
  SheetReference,
} from './manifest/manifest-types.js';
export { checkCombatHealth } from './manifest/check-combat-health.js';
export { createCombatStats, combatStats } from './combat-stats/combat-stats.js';
export type { CombatStatsBuilder, CombatStatsOptions } from './combat-stats/combat-stats.js';
export { campaignCombatTotals } from './combat-stats/campaign-totals.js';
export { addTally, messageRoll, NO_ROLLS } from './combat-stats/roll-tally.js';
export type { MessageRoll } from './combat-stats/roll-tally.js';
export type {
  ActorCombatTotals,
  CombatantStats,
  CombatHistory,
  CombatTurn,
  RollTally,
  UnattributedStats,
} from './combat-stats/combat-stats-types.js';
export { compareSemver, formatSemver, parseSemver } from './manifest/semver.js';
export type { SemVer } from './manifest/semver.js';
export { isSemverRange, parseSemverRange, satisfiesRange } from './manifest/semver-range.js';
export type { Comparator, RangeOperator, SemverRange } from './manifest/semver-range.js';
export { SHEET_SCHEMA } from './manifest/sheet-schema.js';
export { SHEET_NODE_KINDS, SHEET_WIDGETS } from './manifest/sheet-types.js';
export type {
  SheetDefinition,
  SheetField,
  SheetNode,
  SheetNodeKind,
  SheetOption,
  SheetItemField,
  SheetItemRoll,
  SheetItems,
  SheetRoll,
  SheetRow,
  SheetSection,
  SheetTab,
  SheetTabs,
  SheetWidget,
} from './manifest/sheet-types.js';
export {
  COMPENDIUM_ENTRY_SCHEMA,
  COMPENDIUM_MAX_ITEMS,
  COMPENDIUM_TAG_LIMITS,
  validateCompendiumEntries,
} from './manifest/validate-compendium.js';
export type {
  CompendiumEmbeddedItem,
  CompendiumEntry,
  CompendiumValidation,
  CompendiumValidationOptions,
} from './manifest/validate-compendium.js';
export { createCompendiumIndex, getCompendiumEntry } from './compendium/compendium-index.js';
export {
  checkRollTableEntries,
  ROLL_TABLE_ENTRY_SCHEMA,
  ROLL_TABLE_ENTRY_TYPE,
  rollTableFromEntry,
} from './compendium/roll-table-entry.js';
export type { RollTableEntryData } from './compendium/roll-table-entry.js';
export type {
  CompendiumIndex,
  CompendiumPackInput,
  CompendiumRef,
  IndexedEntry,
} from './compendium/compendium-index.js';
export {
  COMPENDIUM_MATCH_RANKS,
  COMPENDIUM_QUERY_LIMITS,
  searchCompendium,
} from './compendium/search-compendium.js';
export type { CompendiumQuery, CompendiumSearchResult } from './compendium/search-compendium.js';
export { foldText } from './compendium/search-text.js';
export { validateManifest } from './manifest/validate-manifest.js';
export {
  checkCapabilities,
  compareHooks,
  declaredCapabilities,
  UNPROPOSABLE_ACTIONS,
} from './manifest/capabilities.js';
export type { DeclaredCapabilities } from './manifest/capabilities.js';
export { describeCapabilities } from './manifest/capability-text.js';
export type { CapabilityLine } from './manifest/capability-text.js';
export type { ManifestValidation } from './manifest/validate-manifest.js';
export { validateModuleData } from './manifest/validate-module-data.js';
export type { ModuleDataInput, ModuleDataValidation } from './manifest/validate-module-data.js';
export { MAX_SHEET_DEPTH, validateSheet } from './manifest/validate-sheet.js';
export type { SheetValidation } from './manifest/validate-sheet.js';

// --- module guest protocol ----------------------------------------------------
export { GUEST_CALLS, MODULE_PROTOCOL_VERSION } from './module-protocol/guest-protocol.js';
export { CORE_ACTION_TYPES, CORE_EVENT_TYPES, unknownHook } from './module-protocol/hook-names.js';
export type { HookPhase, UnknownHook } from './module-protocol/hook-names.js';
export type {
  ActionCall,
  AfterCall,
  ApplyCall,
  BeforeCall,
  BeforeResult,
  ChatCall,
  DeriveCall,
  GuestArg,
  GuestCall,
  GuestCallMap,
  GuestNeedsLoad,
  GuestProposal,
  GuestReply,
  GuestProposals,
  GuestRejection,
  GuestUser,
  InitiativeCall,
  InitiativeResult,
  LoadBegin,
  LoadCall,
  LoadChat,
  LoadCollection,
  LoadDocs,
  LoadEnd,
  LoadReply,
  LoadWhole,
  MacroCall,
  ModuleDescription,
  ReplicaReply,
  RollCall,
  RollOutcome,
  RollReply,
} from './module-protocol/guest-protocol.js';

// --- the live-table wire protocol ----------------------------------------------
export {
  CLIENT_MESSAGE_SCHEMAS,
  CLIENT_MESSAGE_TYPES,
  CLOSE_CODE_REASONS,
  CLOSE_CODES,
  EPHEMERAL_KINDS,
  parseClientFrame,
  PROTOCOL_LIMITS,
  SERVER_MESSAGE_TYPES,
  validateClientMessage,
} from './protocol/index.js';
export type {
  AckMessage,
  ActionMessage,
  ChatMessageRequest,
  ClientMessage,
  ClientMessageMap,
  ClientMessageType,
  CloseCode,
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
} from './protocol/index.js';
