/**
 * Combat history and statistics over HTTP (part of plugin `vtt-history`):
 * the campaign's combats, one combat's turns and per-combatant numbers,
 * and per-actor totals over all combats, derived from the event log with
 * `createCombatStats` for the requester, so a combatant hidden from them
 * is left out entirely (numbers, name and turns) and nothing counts that
 * they could not see at the time.
 */
import { campaignCombatTotals, VttError, type CombatHistory } from '@vtt/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireAccess } from '../campaigns/campaign-access.js';
import { userOf } from '../campaigns/request-user.js';
import {
  campaignCombatStatsSchema,
  combatHistorySchema,
  combatListSchema,
} from './combat-schemas.js';
import { CombatStatsCache } from './combat-stats-cache.js';

interface CampaignParams {
  readonly campaignId: string;
}

interface CombatParams extends CampaignParams {
  readonly combatId: string;
}

/** A combat without its turns and numbers: what the list shows. */
function summaryOf(combat: CombatHistory) {
  const { turns, combatants, unattributed: _u, ...span } = combat;
  return {
    ...span,
    turns: turns.length,
    combatants: combatants.map(({ combatantId, name, actorId }) => ({
      combatantId,
      name,
      actorId,
    })),
  };
}

/**
 * Adds `GET /api/campaigns/:campaignId/combats`,
 * `GET /api/campaigns/:campaignId/combats/:combatId` and
 * `GET /api/campaigns/:campaignId/combat-stats` to `app` (called by the
 * history plugin, with its authentication hook). Members only.
 *
 * @example
 * combatRoutes(app, authenticate(app));
 */
export function combatRoutes(
  app: FastifyInstance,
  preValidation: (request: FastifyRequest) => Promise<void>,
): void {
  const cache = new CombatStatsCache(app.db);
  const combatsFor = async (request: FastifyRequest<{ Params: CampaignParams }>) => {
    const viewerId = userOf(request).userId;
    const campaign = await requireAccess(app.db, request.params.campaignId, viewerId);
    return cache.combats(campaign.id, campaign.system, viewerId);
  };

  app.get<{ Params: CampaignParams }>(
    '/api/campaigns/:campaignId/combats',
    {
      schema: {
        ...combatListSchema,
        summary:
          "The campaign's combats, oldest first: when each ran, its rounds and turns, and the combatants the requester could see.",
        tags: ['combat'],
      },
      preValidation,
    },
    async (request) => ({ combats: (await combatsFor(request)).map(summaryOf) }),
  );

  app.get<{ Params: CombatParams }>(
    '/api/campaigns/:campaignId/combats/:combatId',
    {
      schema: {
        ...combatHistorySchema,
        summary:
          "One combat's history: its turns in order and, per combatant the requester could see, turns, rolls (crits, fumbles, successes, hits), damage dealt and taken, and healing.",
        tags: ['combat'],
      },
      preValidation,
    },
    async (request) => {
      const combat = (await combatsFor(request)).find((c) => c.id === request.params.combatId);
      if (combat === undefined) {
        throw new VttError('VTT_ERR_COMBAT_NOT_FOUND', { id: request.params.combatId });
      }
      return combat;
    },
  );

  app.get<{ Params: CampaignParams }>(
    '/api/campaigns/:campaignId/combat-stats',
    {
      schema: {
        ...campaignCombatStatsSchema,
        summary:
          "The campaign's combat statistics per actor, summed over its combats, as the requester could see them.",
        tags: ['combat'],
      },
      preValidation,
    },
    async (request) => {
      const combats = await combatsFor(request);
      return { combats: combats.length, actors: campaignCombatTotals(combats) };
    },
  );
}
