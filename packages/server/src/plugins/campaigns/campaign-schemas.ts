/**
 * JSON Schemas of the campaign, member and invite routes: what Fastify
 * validates bodies and params against and serializes answers with (and
 * what the OpenAPI document is generated from).
 */

/** Any id in a path: checked against the database, so a wrong one answers 404 like another campaign's. */
const pathId = { type: 'string', minLength: 1, maxLength: 128 } as const;

const role = { type: 'string', enum: ['gm', 'player', 'observer'] } as const;

/** A campaign as its members see it. */
export const campaignView = {
  type: 'object',
  required: ['id', 'name', 'system', 'role', 'archived', 'createdAt'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    system: { type: 'string' },
    /** The requester's role. */
    role,
    archived: { type: 'boolean' },
    createdAt: { type: 'integer' },
  },
} as const;

const campaignName = { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' } as const;

/** `:id` of `/api/campaigns/:id`. */
export const campaignParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: pathId },
} as const;

/** `POST /api/campaigns`. */
export const createCampaignSchema = {
  body: {
    type: 'object',
    required: ['name', 'system'],
    additionalProperties: false,
    properties: {
      name: campaignName,
      system: { type: 'string', minLength: 1, maxLength: 64 },
      /** The dice seed of the table's first session; 32 random bytes when omitted. */
      seed: { type: 'string', minLength: 1, maxLength: 256 },
    },
  },
  response: { 201: campaignView },
} as const;

/** `GET /api/campaigns`. */
export const listCampaignsSchema = {
  response: {
    200: {
      type: 'object',
      required: ['campaigns'],
      properties: { campaigns: { type: 'array', items: campaignView } },
    },
  },
} as const;

/** `GET /api/campaigns/:id`. */
export const getCampaignSchema = {
  params: campaignParams,
  response: { 200: campaignView },
} as const;

/** `PATCH /api/campaigns/:id`. */
export const patchCampaignSchema = {
  params: campaignParams,
  body: {
    type: 'object',
    minProperties: 1,
    additionalProperties: false,
    properties: { name: campaignName, archived: { type: 'boolean' } },
  },
  response: { 200: campaignView },
} as const;

/** `DELETE /api/campaigns/:id`. */
export const deleteCampaignSchema = {
  params: campaignParams,
  response: { 204: { type: 'null' } },
} as const;

const member = {
  type: 'object',
  required: ['id', 'displayName', 'role', 'joinedAt'],
  properties: {
    id: { type: 'string' },
    displayName: { type: 'string' },
    role,
    joinedAt: { type: 'integer' },
  },
} as const;

const memberParams = {
  type: 'object',
  required: ['id', 'userId'],
  additionalProperties: false,
  properties: { id: pathId, userId: pathId },
} as const;

/** `GET /api/campaigns/:id/members`. */
export const listMembersSchema = {
  params: campaignParams,
  response: {
    200: {
      type: 'object',
      required: ['members'],
      properties: { members: { type: 'array', items: member } },
    },
  },
} as const;

/** `PATCH /api/campaigns/:id/members/:userId`. */
export const patchMemberSchema = {
  params: memberParams,
  body: {
    type: 'object',
    required: ['role'],
    additionalProperties: false,
    properties: { role },
  },
  response: { 200: member },
} as const;

/** `DELETE /api/campaigns/:id/members/:userId`. */
export const deleteMemberSchema = {
  params: memberParams,
  response: { 204: { type: 'null' } },
} as const;

/** Longest invite lifetime: 30 days. */
export const MAX_INVITE_SECONDS = 30 * 24 * 3600;
/** Most uses of one invite. */
export const MAX_INVITE_USES = 1000;

const invite = {
  type: 'object',
  required: ['id', 'role', 'expiresAt', 'maxUses', 'uses', 'state', 'createdAt', 'createdBy'],
  properties: {
    id: { type: 'string' },
    role: { type: 'string', enum: ['player', 'observer'] },
    expiresAt: { type: 'integer' },
    maxUses: { type: 'integer' },
    uses: { type: 'integer' },
    /** Whether it can still be used, and if not, why. */
    state: { type: 'string', enum: ['active', 'expired', 'used-up', 'revoked'] },
    createdAt: { type: 'integer' },
    createdBy: { type: 'string' },
  },
} as const;

/** `POST /api/campaigns/:id/invites`. */
export const createInviteSchema = {
  params: campaignParams,
  body: {
    type: 'object',
    required: ['role', 'expiresInSeconds', 'maxUses'],
    additionalProperties: false,
    properties: {
      role: { type: 'string', enum: ['player', 'observer'] },
      expiresInSeconds: { type: 'integer', minimum: 1, maximum: MAX_INVITE_SECONDS },
      maxUses: { type: 'integer', minimum: 1, maximum: MAX_INVITE_USES },
    },
  },
  response: {
    201: {
      ...invite,
      required: [...invite.required, 'url', 'secret'],
      properties: {
        ...invite.properties,
        /** The link to hand out: the secret is in the fragment, which browsers never send. */
        url: { type: 'string' },
        /** Shown once; only its SHA-256 is kept. */
        secret: { type: 'string' },
      },
    },
  },
} as const;

/** `GET /api/campaigns/:id/invites`. */
export const listInvitesSchema = {
  params: campaignParams,
  response: {
    200: {
      type: 'object',
      required: ['invites'],
      properties: { invites: { type: 'array', items: invite } },
    },
  },
} as const;

/** `DELETE /api/campaigns/:id/invites/:inviteId`. */
export const revokeInviteSchema = {
  params: {
    type: 'object',
    required: ['id', 'inviteId'],
    additionalProperties: false,
    properties: { id: pathId, inviteId: pathId },
  },
  response: { 204: { type: 'null' } },
} as const;

const secret = { type: 'string', minLength: 16, maxLength: 128 } as const;

/** `POST /api/invites/accept`. */
export const acceptInviteSchema = {
  body: {
    type: 'object',
    required: ['secret'],
    additionalProperties: false,
    properties: { secret },
  },
  response: {
    200: {
      type: 'object',
      required: ['campaign', 'joined'],
      properties: {
        campaign: campaignView,
        /** False when the user was a member already (the invite was not used). */
        joined: { type: 'boolean' },
      },
    },
  },
} as const;

/** `POST /api/invites/register`: answers like a login, plus the campaign joined. */
export const registerInviteSchema = {
  body: {
    type: 'object',
    required: ['secret', 'name', 'password'],
    additionalProperties: false,
    properties: {
      secret,
      name: { type: 'string', minLength: 1, maxLength: 64 },
      password: { type: 'string', minLength: 1, maxLength: 1024 },
      displayName: { type: 'string', minLength: 1, maxLength: 64 },
    },
  },
  response: {
    201: {
      type: 'object',
      required: ['accessToken', 'expiresIn', 'refreshToken', 'user', 'campaign'],
      properties: {
        accessToken: { type: 'string' },
        expiresIn: { type: 'integer' },
        refreshToken: { type: 'string' },
        user: {
          type: 'object',
          required: ['id', 'name', 'displayName', 'isAdmin'],
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            displayName: { type: 'string' },
            isAdmin: { type: 'boolean' },
          },
        },
        campaign: campaignView,
      },
    },
  },
} as const;
