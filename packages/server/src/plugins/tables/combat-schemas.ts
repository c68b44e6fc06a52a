/** JSON Schemas of the combat history and statistics routes (`combat-routes.ts`). */
import { errorAnswer } from '../../http/route-schemas.js';

const campaignId = { type: 'string', minLength: 1, maxLength: 128 } as const;
const int = { type: 'integer' } as const;
const nullableInt = { type: ['integer', 'null'] } as const;
const nullableString = { type: ['string', 'null'] } as const;

const rollTally = {
  type: 'object',
  description: 'Rolls read from their typed outcomes (see docs/guide/combat-statistics.md).',
  required: ['count', 'crits', 'fumbles', 'glitches', 'successes', 'failures', 'hits'],
  properties: {
    count: int,
    crits: int,
    fumbles: int,
    glitches: int,
    successes: int,
    failures: int,
    hits: int,
  },
} as const;

/** The numbers every combatant and actor total has. */
const numbers = {
  turns: int,
  rolls: rollTally,
  damageDealt: { type: 'number' },
  damageTaken: { type: 'number' },
  healingDone: { type: 'number' },
  healingReceived: { type: 'number' },
} as const;
const numberFields = Object.keys(numbers);

const combatantStats = {
  type: 'object',
  required: ['combatantId', 'name', 'actorId', ...numberFields],
  properties: {
    combatantId: { type: 'string' },
    name: { type: 'string' },
    actorId: nullableString,
    ...numbers,
  },
} as const;

const turn = {
  type: 'object',
  required: ['seq', 'time', 'round', 'combatantId'],
  properties: { seq: int, time: int, round: int, pass: int, combatantId: { type: 'string' } },
} as const;

/** When a combat ran: what its summary and its history share. */
const span = {
  id: { type: 'string' },
  sceneId: nullableString,
  startedSeq: int,
  startedAt: int,
  endedSeq: nullableInt,
  endedAt: nullableInt,
  rounds: int,
} as const;
const spanFields = Object.keys(span);

const summary = {
  type: 'object',
  required: [...spanFields, 'turns', 'combatants'],
  properties: {
    ...span,
    turns: { ...int, description: 'Turns taken.' },
    combatants: {
      type: 'array',
      items: {
        type: 'object',
        required: ['combatantId', 'name', 'actorId'],
        properties: {
          combatantId: { type: 'string' },
          name: { type: 'string' },
          actorId: nullableString,
        },
      },
    },
  },
} as const;

const history = {
  type: 'object',
  required: [...spanFields, 'turns', 'combatants', 'unattributed'],
  properties: {
    ...span,
    turns: { type: 'array', items: turn },
    combatants: { type: 'array', items: combatantStats },
    unattributed: {
      type: 'object',
      required: ['rolls', 'damage', 'healing'],
      properties: { rolls: rollTally, damage: { type: 'number' }, healing: { type: 'number' } },
    },
  },
} as const;

const actorTotals = {
  type: 'object',
  required: ['actorId', 'name', 'combats', ...numberFields],
  properties: { actorId: { type: 'string' }, name: { type: 'string' }, combats: int, ...numbers },
} as const;

const campaignParams = {
  type: 'object',
  required: ['campaignId'],
  additionalProperties: false,
  properties: { campaignId },
} as const;

/** `GET /api/campaigns/:campaignId/combats`. */
export const combatListSchema = {
  params: campaignParams,
  response: {
    200: {
      type: 'object',
      required: ['combats'],
      properties: { combats: { type: 'array', items: summary } },
    },
    404: errorAnswer,
  },
} as const;

/** `GET /api/campaigns/:campaignId/combats/:combatId`. */
export const combatHistorySchema = {
  params: {
    type: 'object',
    required: ['campaignId', 'combatId'],
    additionalProperties: false,
    properties: { campaignId, combatId: { type: 'string', minLength: 1, maxLength: 64 } },
  },
  response: { 200: history, 404: errorAnswer },
} as const;

/** `GET /api/campaigns/:campaignId/combat-stats`. */
export const campaignCombatStatsSchema = {
  params: campaignParams,
  response: {
    200: {
      type: 'object',
      required: ['combats', 'actors'],
      properties: {
        combats: { ...int, description: 'Combats summed.' },
        actors: { type: 'array', items: actorTotals },
      },
    },
    404: errorAnswer,
  },
} as const;
