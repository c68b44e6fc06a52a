/**
 * What an API token may do: its scopes, and the one decision of which
 * scopes a route needs. A login session (`scopes: null`) may do everything
 * its user may; a token only what a scope it holds covers, and never
 * anything a route does not explicitly open to tokens.
 */
import { VttError } from '@vtt/core';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../../server-types.js';

/** The scopes a token may be given. */
export const API_SCOPES = {
  /** GET routes of the user's campaigns: list, read, members, chat and log pages, assets and tiles. */
  campaignsRead: 'campaigns:read',
  /** A campaign's live socket, receiving only: requests and ephemeral messages are refused. */
  tablesObserve: 'tables:observe',
  /** A campaign's live socket as the user, requests included. */
  tablesAct: 'tables:act',
  /** `GET /metrics`, for a token of a server admin. */
  serverMetrics: 'server:metrics',
  /**
   * For a token of a server admin: install modules (`POST /api/modules`) and
   * hot-reload a module under development into live tables (`vtt dev`).
   */
  modulesInstall: 'modules:install',
  /** On a server that is a module registry: publish modules (`vtt publish`). */
  modulesPublish: 'modules:publish',
} as const;

/** One scope of {@link API_SCOPES}. */
export type ApiScope = (typeof API_SCOPES)[keyof typeof API_SCOPES];

/** Every scope, for schemas. */
export const API_SCOPE_LIST: readonly ApiScope[] = Object.values(API_SCOPES);

/** The scopes only a server admin may grant: each opens admin routes to a token. */
export const ADMIN_SCOPES: readonly ApiScope[] = [
  API_SCOPES.serverMetrics,
  API_SCOPES.modulesInstall,
];

/** The scopes that open a live socket. */
const LIVE: readonly ApiScope[] = [API_SCOPES.tablesObserve, API_SCOPES.tablesAct];

/**
 * Routes open to tokens beyond the GET rule, by `METHOD url-pattern`. Every
 * other route that changes something answers `VTT_ERR_AUTH_SCOPE` to a token.
 */
const TOKEN_ROUTES: Readonly<Record<string, readonly ApiScope[]>> = {
  'GET /metrics': [API_SCOPES.serverMetrics],
  'POST /api/modules': [API_SCOPES.modulesInstall],
  'POST /api/modules/dev': [API_SCOPES.modulesInstall],
  'DELETE /api/modules/dev/:id': [API_SCOPES.modulesInstall],
  'POST /api/modules/install-from-registry': [API_SCOPES.modulesInstall],
  'POST /api/registry/modules': [API_SCOPES.modulesPublish],
  'GET /api/campaigns/:campaignId/live': LIVE,
  // A browser (an embedded map) cannot set a header on a socket: it opens it with a ticket.
  'POST /api/campaigns/:campaignId/live-ticket': LIVE,
};

/** Campaign GET routes that stay with sessions: managing invites is no reading. */
const SESSION_ONLY_GETS = new Set(['/api/campaigns/:id/invites']);

/**
 * The scopes of which a token needs one for `method url` (a route pattern),
 * or an empty list when no token may call it.
 *
 * @example
 * routeScopes('GET', '/api/campaigns/:campaignId/log'); // ['campaigns:read']
 * routeScopes('POST', '/api/campaigns'); // []
 */
export function routeScopes(method: string, url: string): readonly ApiScope[] {
  const verb = method === 'HEAD' ? 'GET' : method;
  const listed = TOKEN_ROUTES[`${verb} ${url}`];
  if (listed !== undefined) return listed;
  if (verb === 'GET' && url === '/api/me') return API_SCOPE_LIST;
  if (
    verb === 'GET' &&
    (url === '/api/campaigns' || url.startsWith('/api/campaigns/')) &&
    !SESSION_ONLY_GETS.has(url)
  ) {
    return [API_SCOPES.campaignsRead];
  }
  return [];
}

/**
 * Refuses a token that holds none of `needed` (an empty list: no token may);
 * a login session passes. `what` names the action in the error.
 *
 * @throws VttError `VTT_ERR_AUTH_SCOPE` (403), `params.scope` naming what is needed.
 * @example
 * requireScope(user, [API_SCOPES.tablesAct], { method: 'WS', route: 'request' });
 */
export function requireScope(
  user: AuthUser,
  needed: readonly ApiScope[],
  what: { readonly method: string; readonly route: string },
): void {
  if (user.scopes === null) return;
  if (needed.some((scope) => user.scopes!.includes(scope))) return;
  throw new VttError('VTT_ERR_AUTH_SCOPE', {
    scope: needed.length === 0 ? 'session' : needed.join(' or '),
    granted: user.scopes.join(', '),
    method: what.method,
    route: what.route,
  });
}

/** {@link requireScope} for the route `request` matched. */
export function requireRouteScope(user: AuthUser, request: FastifyRequest): void {
  if (user.scopes === null) return;
  const url = request.routeOptions.url ?? request.url.split('?')[0] ?? '/';
  requireScope(user, routeScopes(request.method, url), { method: request.method, route: url });
}
