/**
 * The services each plugin adds to the Fastify instance, in one place so
 * that every plugin codes against the others' contracts (declaration
 * merging, as Fastify's own plugins do).
 */
import type { Role, TableState } from '@vtt/core';
import type { ModuleBundle, SandboxHost } from '@vtt/sandbox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { ServerConfig } from './config/server-config.js';
import type { ApiScope } from './plugins/auth/api-scopes.js';
import type { Database } from './persistence/database-schema.js';
import type { OpenDatabase } from './persistence/open-database.js';
import type { ServerBus } from './server-bus.js';

/** The user a request or a socket acts as, from a verified access token or API token. */
export interface AuthUser {
  readonly userId: string;
  /** The login session of an access token; null for an API token. */
  readonly sessionId: string | null;
  /** The API token's id; null for a login session. */
  readonly tokenId: string | null;
  /**
   * What an API token may do (see `requireScope` in plugins/auth/api-scopes.ts);
   * null for a login session, which may do everything its user may.
   */
  readonly scopes: readonly ApiScope[] | null;
  readonly name: string;
  readonly isAdmin: boolean;
}

/** Accounts and tokens (plugins/auth). */
export interface AuthService {
  /**
   * Verifies an access token (algorithm pinned, signature, expiry) and that
   * its session is live, or an API token (`vtt_pat_...`: known, secret,
   * not revoked or expired, within its request limit). Checks no scope.
   * @throws VttError `VTT_ERR_AUTH_TOKEN_INVALID`, `..._TOKEN_EXPIRED`, `..._SESSION_REVOKED`,
   * `..._TOKEN_REVOKED` or `..._RATE_LIMITED`.
   */
  verifyAccessToken(token: string): Promise<AuthUser>;
  /**
   * The user of a request's `Authorization: Bearer` header; an API token
   * only where its scopes cover the route (`requireRouteScope`).
   * @throws VttError `VTT_ERR_AUTH_REQUIRED` when there is none, `VTT_ERR_AUTH_SCOPE` past a token's scopes.
   */
  requireUser(request: FastifyRequest): Promise<AuthUser>;
  /**
   * Creates an account (scrypt hash, per-user salt).
   * @throws VttError `VTT_ERR_AUTH_NAME_TAKEN`, `VTT_ERR_AUTH_WEAK_PASSWORD`, `VTT_ERR_HTTP_INVALID`.
   */
  createUser(input: {
    readonly name: string;
    readonly displayName?: string;
    readonly password: string;
    readonly isAdmin?: boolean;
  }): Promise<{ readonly userId: string; readonly name: string; readonly displayName: string }>;
  /** Starts a session for a user: what login answers (access token, refresh secret, expiries). */
  issueSession(userId: string, address: string): Promise<SessionTokens>;
  /**
   * What a login answers for `tokens`: sets the HttpOnly refresh cookie on
   * `reply` and returns the body (tokens and the user), so every route that
   * logs someone in leaves a browser able to refresh.
   */
  answerLogin(
    reply: FastifyReply,
    tokens: SessionTokens,
  ): Promise<{
    readonly accessToken: string;
    readonly expiresIn: number;
    readonly refreshToken: string;
    readonly user: {
      readonly id: string;
      readonly name: string;
      readonly displayName: string;
      readonly isAdmin: boolean;
    };
  }>;
  /** The display name of a user (members lists, table membership). */
  displayNameOf(userId: string): Promise<string | null>;
}

/** What a login returns. */
export interface SessionTokens {
  readonly accessToken: string;
  /** Seconds until the access token expires. */
  readonly expiresIn: number;
  /** Secret for `POST /api/auth/refresh`; also set as an HttpOnly cookie. */
  readonly refreshToken: string;
  readonly sessionId: string;
  readonly userId: string;
}

/** Campaign membership (plugins/campaigns). */
export interface CampaignService {
  /** The user's role in a live (not archived) campaign, or null when they are no member or it does not exist. */
  roleOf(campaignId: string, userId: string): Promise<Role | null>;
  /**
   * The campaign (not archived) and the user's role, or `VTT_ERR_CAMPAIGN_NOT_FOUND`
   * (404) for a campaign that does not exist and one the user is no member of alike.
   */
  requireMember(
    campaignId: string,
    userId: string,
  ): Promise<{ readonly role: Role; readonly system: string }>;
}

/** Installed modules (plugins/modules). */
export interface ModuleService {
  /** The bundles a campaign's table runs: its system first, then enabled add-ons. */
  bundlesFor(campaignId: string): Promise<ModuleBundle[]>;
  /**
   * The bundles a campaign's table would run with add-ons `addons` (in hook
   * order), each at its active version: what a change of add-ons loads.
   * @throws VttError `VTT_ERR_MODULE_NOT_INSTALLED` for a module with no active version.
   */
  bundlesWith(campaignId: string, addons: readonly string[]): Promise<ModuleBundle[]>;
  /** Whether an active system module of this id is installed. */
  hasSystem(moduleId: string): Promise<boolean>;
}

/** Live tables (plugins/tables). */
export interface TableService {
  /** Records a membership change in the campaign's table state (`core:set-member` / `core:remove-member`). */
  syncMember(
    campaignId: string,
    member: { readonly userId: string; readonly name: string; readonly role: Role | null },
  ): Promise<void>;
  /** Gives the campaign's table its new name (`core:update-campaign`), after a rename over HTTP. */
  syncName(campaignId: string, name: string): Promise<void>;
  /**
   * The authoritative state of a campaign's table (loading it if needed), for
   * server-side checks such as which map tiles lie under fog. Never sent as is.
   */
  state(campaignId: string): Promise<TableState>;
  /** Creates the first state and event of a new campaign. */
  createTable(campaign: {
    readonly id: string;
    readonly name: string;
    readonly system: string;
    readonly gmUserId: string;
    readonly gmName: string;
    readonly seed?: string;
  }): Promise<void>;
  /**
   * Gives the campaign's live table (loading it if needed) the rules of its
   * system and `addons`, keeping its state and its sockets: the new rules
   * are loaded first, then `save` records the set (`campaign_modules`), then
   * the table swaps them in and records `addons` in its state. When loading
   * or `save` fails, the old rules keep running and the error is thrown.
   *
   * @example
   * await app.tables.reloadModules(id, { addons: ['probe'], save: () => writeRows(['probe']) });
   */
  reloadModules(
    campaignId: string,
    change: { readonly addons: readonly string[]; readonly save: () => Promise<void> },
  ): Promise<void>;
  /**
   * Reloads the rules of every loaded table that runs `moduleId`, one after
   * another, each with the bundles its campaign's modules have now (a
   * development build of `vtt dev` where one is set), keeping state and
   * sockets. A table whose reload fails keeps its old rules; with
   * `stopIfFirstFails` a failure of the first table leaves the others untouched. Tables not
   * loaded take the new rules when they load.
   *
   * @returns each table tried, in order, with the error of a failed one.
   * @example
   * const outcomes = await app.tables.reloadRunning('heroes', { stopIfFirstFails: true });
   */
  reloadRunning(
    moduleId: string,
    options: { readonly stopIfFirstFails: boolean },
  ): Promise<{ readonly campaignId: string; readonly error: unknown }[]>;
  /** Whether each module's rules apply at the campaign's live table (loading it if needed), in hook order. */
  moduleStatus(
    campaignId: string,
  ): Promise<{ readonly moduleId: string; readonly state: 'active' | 'suspended' }[]>;
  /** Unloads the campaign's live table, closing its sockets with `code`. */
  dropTable(campaignId: string, code: number, reason: string): Promise<void>;
}

/** Uploaded images (plugins/assets). */
export interface AssetService {
  /**
   * The pixel size and type of an asset of the campaign, or null when there
   * is none with that id (e.g. to size a new scene to its map).
   *
   * @example
   * const info = await app.assets.info(campaignId, assetId); // { width: 4096, height: 3072, mime: 'image/webp' }
   */
  info(
    campaignId: string,
    assetId: string,
  ): Promise<{ readonly width: number; readonly height: number; readonly mime: string } | null>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The resolved settings. */
    vttConfig: ServerConfig;
    /** The database, migrated. */
    db: Kysely<Database>;
    dbInfo: OpenDatabase;
    /** Server-wide notifications between plugins (sessions revoked, members changed). */
    bus: ServerBus;
    /** The signing key of access tokens (32 random bytes, kept in the data folder). */
    signingKey: Uint8Array;
    auth: AuthService;
    campaigns: CampaignService;
    modules: ModuleService;
    tables: TableService;
    assets: AssetService;
    sandbox: SandboxHost;
    /** The one-time setup secret while no admin exists (printed as the setup link), else null. */
    setupToken: string | null;
  }
}
