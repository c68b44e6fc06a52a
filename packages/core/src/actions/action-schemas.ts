/**
 * The JSON Schema of every core action's payload, by action type. Checked
 * by `validateAction` with ajv in strict mode.
 */
import type { TableActionType } from './action-types.js';
import { JOURNAL_ACTION_SCHEMAS } from './journal-action-types.js';
import { ROLL_TABLE_ACTION_SCHEMAS } from './roll-table-action-types.js';
import { SCENE_MARK_ACTION_SCHEMAS } from './scene-mark-action-types.js';
import {
  ACTION_LIMITS,
  assetSchema,
  barsSchema,
  coordSchema,
  dateSchema,
  flagsSchema,
  fogShapeSchema,
  gridSchema,
  idSchema,
  linksSchema,
  moduleIdSchema,
  nameSchema,
  object,
  ownershipLevelSchema,
  ownershipSchema,
  patch,
  positiveSchema,
  statusesSchema,
  textSchema,
  visibilitySchema,
} from './schema-parts.js';

const number = { type: 'number', minimum: -1e9, maximum: 1e9 } as const;
/** Pack and entry ids of a module's compendium (see `COMPENDIUM_ENTRY_SCHEMA`). */
const compendiumIdSchema = {
  type: 'string',
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$',
} as const;
const bool = { type: 'boolean' } as const;
const empty = object({});

const sceneFields = {
  name: nameSchema,
  background: {
    type: ['object', 'null'],
    required: ['asset'],
    additionalProperties: false,
    properties: { asset: { type: 'string', minLength: 1, maxLength: 2048 } },
  },
  width: positiveSchema,
  height: positiveSchema,
  grid: gridSchema,
  hidden: bool,
  flags: flagsSchema,
};

const tokenFields = {
  name: nameSchema,
  sceneId: idSchema,
  x: coordSchema,
  y: coordSchema,
  width: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
  height: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
  rotation: { type: 'number', minimum: -360, maximum: 360 },
  elevation: number,
  image: assetSchema,
  layer: { enum: ['background', 'tokens', 'overlay'] },
  hidden: bool,
  actorId: { anyOf: [idSchema, { type: 'null' }] },
  bars: barsSchema,
  statuses: statusesSchema,
  flags: flagsSchema,
};

const actorFields = {
  name: nameSchema,
  type: { type: 'string', minLength: 1, maxLength: 64 },
  image: assetSchema,
  data: {},
  ownership: ownershipSchema,
  defaultOwnership: ownershipLevelSchema,
  flags: flagsSchema,
};

const itemFields = {
  name: nameSchema,
  type: { type: 'string', minLength: 1, maxLength: 64 },
  image: assetSchema,
  data: {},
  sort: number,
  flags: flagsSchema,
};

const noteFields = {
  x: coordSchema,
  y: coordSchema,
  title: nameSchema,
  text: textSchema,
  icon: assetSchema,
  visibility: visibilitySchema,
  flags: flagsSchema,
};

const timelineFields = {
  date: dateSchema,
  category: { type: 'string', minLength: 1, maxLength: 64 },
  title: nameSchema,
  text: textSchema,
  links: linksSchema,
  visibility: visibilitySchema,
  flags: flagsSchema,
};

/**
 * Payload schemas of the core actions, e.g. for generated docs or client-side forms.
 *
 * @example
 * const schema = ACTION_SCHEMAS['core:move-token']; // { type: 'object', required: ['tokenId', 'x', 'y'], ... }
 */
export const ACTION_SCHEMAS: Readonly<Record<TableActionType, object>> = {
  'core:update-campaign': patch({
    name: nameSchema,
    system: { anyOf: [moduleIdSchema, { type: 'null' }] },
    modules: {
      type: 'array',
      maxItems: ACTION_LIMITS.maxModules,
      uniqueItems: true,
      items: moduleIdSchema,
    },
    settings: patch({
      chatLimit: { type: 'integer', minimum: 1, maximum: 10_000 },
      undoDepth: { type: 'integer', minimum: 0, maximum: 100 },
      roundSeconds: { type: 'integer', minimum: 0, maximum: 86_400 },
    }),
    flags: flagsSchema,
  }),
  'core:set-member': object(
    { userId: idSchema, name: nameSchema, role: { enum: ['gm', 'player', 'observer'] } },
    ['userId', 'name', 'role'],
  ),
  'core:remove-member': object({ userId: idSchema }, ['userId']),
  'core:create-scene': object({ id: idSchema, ...sceneFields }, ['name']),
  'core:update-scene': object({ sceneId: idSchema, patch: patch(sceneFields) }, [
    'sceneId',
    'patch',
  ]),
  'core:delete-scene': object({ sceneId: idSchema }, ['sceneId']),
  'core:paint-fog': object(
    { sceneId: idSchema, mode: { enum: ['reveal', 'hide'] }, shape: fogShapeSchema },
    ['sceneId', 'mode', 'shape'],
  ),
  'core:configure-fog': object({ sceneId: idSchema, enabled: bool, clear: bool }, [
    'sceneId',
    'enabled',
  ]),
  'core:create-token': object({ id: idSchema, ...tokenFields }, ['sceneId', 'name', 'x', 'y']),
  'core:move-token': object(
    { tokenId: idSchema, x: coordSchema, y: coordSchema, elevation: number },
    ['tokenId', 'x', 'y'],
  ),
  'core:update-token': object({ tokenId: idSchema, patch: patch(tokenFields) }, [
    'tokenId',
    'patch',
  ]),
  'core:delete-token': object({ tokenId: idSchema }, ['tokenId']),
  'core:create-actor': object({ id: idSchema, ...actorFields }, ['name', 'type']),
  'core:update-actor': object({ actorId: idSchema, patch: patch(actorFields) }, [
    'actorId',
    'patch',
  ]),
  'core:delete-actor': object({ actorId: idSchema }, ['actorId']),
  'core:create-item': object(
    { id: idSchema, ...itemFields, actorId: { anyOf: [idSchema, { type: 'null' }] } },
    ['name', 'type'],
  ),
  'core:update-item': object({ itemId: idSchema, patch: patch(itemFields) }, ['itemId', 'patch']),
  'core:delete-item': object({ itemId: idSchema }, ['itemId']),
  'core:move-item': object(
    { itemId: idSchema, actorId: { anyOf: [idSchema, { type: 'null' }] }, sort: number },
    ['itemId', 'actorId'],
  ),
  'core:import-compendium': object(
    {
      module: moduleIdSchema,
      pack: compendiumIdSchema,
      entry: compendiumIdSchema,
      actorId: idSchema,
      id: idSchema,
    },
    ['module', 'pack', 'entry'],
  ),
  'core:create-note': object({ id: idSchema, sceneId: idSchema, ...noteFields }, [
    'sceneId',
    'x',
    'y',
    'title',
  ]),
  'core:update-note': object({ noteId: idSchema, patch: patch(noteFields) }, ['noteId', 'patch']),
  'core:delete-note': object({ noteId: idSchema }, ['noteId']),
  'core:start-combat': object({
    sceneId: idSchema,
    passStep: { type: 'integer', minimum: 1, maximum: 1000 },
  }),
  'core:end-combat': empty,
  'core:add-combatant': object({
    id: idSchema,
    name: nameSchema,
    tokenId: idSchema,
    actorId: idSchema,
    initiative: { anyOf: [number, { type: 'null' }] },
    hidden: bool,
  }),
  'core:update-combatant': object(
    {
      combatantId: idSchema,
      patch: patch({
        name: { anyOf: [nameSchema, { type: 'null' }] },
        hidden: bool,
        defeated: bool,
      }),
    },
    ['combatantId', 'patch'],
  ),
  'core:remove-combatant': object({ combatantId: idSchema }, ['combatantId']),
  'core:set-initiative': object(
    { combatantId: idSchema, initiative: { anyOf: [number, { type: 'null' }] } },
    ['combatantId', 'initiative'],
  ),
  'core:roll-initiative': object(
    {
      combatantId: idSchema,
      formula: { type: 'string', minLength: 1, maxLength: ACTION_LIMITS.notationLength },
    },
    ['combatantId', 'formula'],
  ),
  'core:next-turn': empty,
  'core:add-effect': object(
    {
      target: object({ collection: { enum: ['actors', 'tokens'] }, id: idSchema }, [
        'collection',
        'id',
      ]),
      id: idSchema,
      label: nameSchema,
      icon: assetSchema,
      statuses: statusesSchema,
      origin: { anyOf: [{ type: 'string', minLength: 1, maxLength: 200 }, { type: 'null' }] },
      duration: {
        oneOf: [
          object(
            {
              unit: { const: 'rounds' },
              rounds: { type: 'integer', minimum: 1, maximum: ACTION_LIMITS.maxEffectRounds },
              tick: { enum: ['turn-start', 'turn-end', 'round-end'] },
            },
            ['unit', 'rounds'],
          ),
          object(
            {
              unit: { const: 'seconds' },
              seconds: { type: 'integer', minimum: 1, maximum: ACTION_LIMITS.maxAdvanceSeconds },
            },
            ['unit', 'seconds'],
          ),
          object({ unit: { const: 'permanent' } }, ['unit']),
        ],
      },
      hidden: bool,
      flags: flagsSchema,
    },
    ['target', 'label', 'duration'],
  ),
  'core:remove-effect': object({ effectId: idSchema }, ['effectId']),
  'core:advance-time': object(
    { seconds: { type: 'integer', minimum: 1, maximum: ACTION_LIMITS.maxAdvanceSeconds } },
    ['seconds'],
  ),
  'core:send-message': object(
    {
      text: { type: 'string', maxLength: ACTION_LIMITS.chatLength },
      roll: { type: 'string', minLength: 1, maxLength: ACTION_LIMITS.notationLength },
      whisper: {
        type: 'array',
        maxItems: ACTION_LIMITS.maxWhisper,
        uniqueItems: true,
        items: idSchema,
      },
      blind: bool,
      speaker: nameSchema,
      flags: flagsSchema,
    },
    ['text'],
  ),
  'core:delete-message': object({ messageId: idSchema }, ['messageId']),
  'core:create-timeline-entry': object({ id: idSchema, ...timelineFields }, ['date', 'title']),
  'core:update-timeline-entry': object({ entryId: idSchema, patch: patch(timelineFields) }, [
    'entryId',
    'patch',
  ]),
  'core:delete-timeline-entry': object({ entryId: idSchema }, ['entryId']),
  ...JOURNAL_ACTION_SCHEMAS,
  ...ROLL_TABLE_ACTION_SCHEMAS,
  ...SCENE_MARK_ACTION_SCHEMAS,
  'core:undo': empty,
  'core:start-session': empty,
  'core:end-session': empty,
};
