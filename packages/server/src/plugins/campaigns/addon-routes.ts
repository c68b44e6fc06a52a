/**
 * `/api/campaigns/:id/modules`: the system and add-on modules a campaign
 * runs (members), and the GM's choice of add-ons, which the live table
 * loads at once, keeping its state and its sockets.
 */
import type { FastifyInstance } from 'fastify';
import { bearer, errorAnswer } from '../../http/route-schemas.js';
import {
  campaignModules,
  checkAddons,
  enabledAddons,
  saveAddons,
  type CampaignModule,
} from './campaign-addons.js';
import { requireAccess } from './campaign-access.js';
import { campaignParams } from './campaign-schemas.js';
import { authenticate, userOf } from './request-user.js';

/** At most this many add-ons in one campaign. */
export const MAX_CAMPAIGN_ADDONS = 32;

const moduleId = { type: 'string', pattern: '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$', maxLength: 64 };

const moduleEntry = {
  type: 'object',
  required: ['id', 'name', 'version', 'state'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    version: { type: 'string', description: 'The active version, which the table runs.' },
    state: {
      type: 'string',
      enum: ['active', 'suspended'],
      description:
        "Whether the module's rules apply at the live table; a suspended one was quarantined until a GM restarts it.",
    },
  },
} as const;

const modulesAnswer = {
  type: 'object',
  required: ['system', 'addons'],
  properties: {
    system: moduleEntry,
    addons: { type: 'array', items: moduleEntry, description: 'In hook order.' },
  },
} as const;

const getSchema = {
  summary: "The campaign's game system and enabled add-on modules, as its live table runs them.",
  tags: ['campaigns'],
  security: bearer,
  params: campaignParams,
  response: { 200: modulesAnswer, 404: errorAnswer, 409: errorAnswer },
} as const;

const putSchema = {
  summary:
    "Sets the campaign's add-on modules (GMs): the live table reloads its rules with them, keeping its state and its sockets.",
  tags: ['campaigns'],
  security: bearer,
  params: campaignParams,
  body: {
    type: 'object',
    required: ['addons'],
    additionalProperties: false,
    properties: {
      addons: {
        type: 'array',
        maxItems: MAX_CAMPAIGN_ADDONS,
        uniqueItems: true,
        items: moduleId,
        description: 'Ids of installed add-ons, in hook order (after the system).',
      },
    },
  },
  response: {
    200: modulesAnswer,
    400: errorAnswer,
    403: errorAnswer,
    404: errorAnswer,
    409: errorAnswer,
    422: errorAnswer,
  },
} as const;

interface IdParams {
  readonly id: string;
}

/** Adds `GET` and `PUT /api/campaigns/:id/modules`. */
export function registerAddonRoutes(app: FastifyInstance): void {
  const preValidation = authenticate(app);

  /** The answer: each module with whether its rules apply at the live table. */
  const answer = async (
    campaignId: string,
    system: CampaignModule,
    addons: readonly CampaignModule[],
  ) => {
    const status = new Map(
      (await app.tables.moduleStatus(campaignId)).map((m) => [m.moduleId, m.state]),
    );
    // A module the table does not run (it just failed to load) has no rules that apply.
    const entry = ({ id, name, version }: CampaignModule) => ({
      id,
      name,
      version,
      state: status.get(id) ?? 'suspended',
    });
    return { system: entry(system), addons: addons.map(entry) };
  };

  app.get<{ Params: IdParams }>(
    '/api/campaigns/:id/modules',
    { schema: getSchema, preValidation },
    async (request) => {
      const { id } = request.params;
      const access = await requireAccess(app.db, id, userOf(request).userId, { live: true });
      const { system, addons } = await campaignModules(
        app.db,
        access.system,
        await enabledAddons(app.db, id),
      );
      return answer(id, system, addons);
    },
  );

  app.put<{ Params: IdParams; Body: { addons: string[] } }>(
    '/api/campaigns/:id/modules',
    { schema: putSchema, preValidation },
    async (request) => {
      const { id } = request.params;
      const user = userOf(request);
      const access = await requireAccess(app.db, id, user.userId, { gm: true, live: true });
      const ids = request.body.addons;
      const { system, addons } = await checkAddons(app.db, access.system, ids);
      await app.tables.reloadModules(id, { addons: ids, save: () => saveAddons(app.db, id, ids) });
      request.log.info({ campaignId: id, addons: ids, by: user.userId }, 'campaign add-ons set');
      return answer(id, system, addons);
    },
  );
}
