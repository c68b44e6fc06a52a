/**
 * Personal API tokens, `vtt_pat_<id>_<secret>`: made once and shown once,
 * kept as the SHA-256 of the secret, verified in constant time, refused
 * once revoked or expired, rate-limited per token, and their last use
 * noted at most once a minute.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { VttError } from '@vtt/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../persistence/database-schema.js';
import type { AuthUser } from '../../server-types.js';
import { API_SCOPE_LIST, type ApiScope } from './api-scopes.js';
import { secretHash } from './sessions.js';
import { SlidingWindow } from './sliding-window.js';

/** What every API token starts with (secret scanners can look for it). */
export const API_TOKEN_PREFIX = 'vtt_pat_';

/** 16 random bytes of id and 32 of secret, base64url: fixed lengths, so `_` in them is no separator. */
const TOKEN_PATTERN = new RegExp(`^${API_TOKEN_PREFIX}([A-Za-z0-9_-]{22})_([A-Za-z0-9_-]{43})$`);

/** `last_used_at` is written at most this often per token. */
const LAST_USED_EVERY_MS = 60_000;

/** A token as its owner sees it: never its secret. */
export interface ApiTokenInfo {
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly ApiScope[];
  readonly createdAt: number;
  readonly expiresAt: number | null;
  readonly lastUsedAt: number | null;
  readonly revokedAt: number | null;
}

/** Whether `token` has the shape of an API token (not a JWT). */
export function isApiToken(token: string): boolean {
  return token.startsWith(API_TOKEN_PREFIX);
}

function scopesOf(json: string): ApiScope[] {
  const parsed = JSON.parse(json) as unknown;
  return Array.isArray(parsed)
    ? parsed.filter((s): s is ApiScope => (API_SCOPE_LIST as readonly unknown[]).includes(s))
    : [];
}

function infoOf(row: {
  id: string;
  name: string;
  scopes: string;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  revoked_at: number | null;
}): ApiTokenInfo {
  return {
    id: row.id,
    name: row.name,
    scopes: scopesOf(row.scopes),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/** The API tokens of one server: its database and the per-token request limit. */
export class ApiTokens {
  readonly #requests = new SlidingWindow(60_000);
  /** When this process last wrote a token's `last_used_at`. */
  readonly #touched = new Map<string, number>();

  /**
   * @param db The server's database.
   * @param perMinute Requests a token may make a minute.
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly perMinute: number,
  ) {}

  /**
   * Makes a token for `userId`; the answer's `token` is the only place its secret ever is.
   *
   * @example
   * const { token } = await tokens.create({ userId, name: 'dice bot', scopes: ['tables:act'], expiresInDays: 90 });
   */
  async create(input: {
    readonly userId: string;
    readonly name: string;
    readonly scopes: readonly ApiScope[];
    readonly expiresInDays?: number;
  }): Promise<ApiTokenInfo & { readonly token: string }> {
    const id = randomBytes(16).toString('base64url');
    const secret = randomBytes(32).toString('base64url');
    const now = Date.now();
    const row = {
      id,
      user_id: input.userId,
      name: input.name,
      secret_hash: secretHash(secret),
      scopes: JSON.stringify([...new Set(input.scopes)]),
      created_at: now,
      expires_at:
        input.expiresInDays === undefined ? null : now + input.expiresInDays * 24 * 3600_000,
      last_used_at: null,
      revoked_at: null,
    };
    await this.db.insertInto('api_tokens').values(row).execute();
    return { ...infoOf(row), token: `${API_TOKEN_PREFIX}${id}_${secret}` };
  }

  /** The user's tokens, newest first, without secrets. */
  async list(userId: string): Promise<ApiTokenInfo[]> {
    const rows = await this.db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'scopes', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(infoOf);
  }

  /**
   * Revokes one of the user's tokens (again: no change).
   * @throws VttError `VTT_ERR_AUTH_TOKEN_NOT_FOUND` for an unknown id and another user's alike.
   */
  async revoke(userId: string, id: string): Promise<void> {
    const row = await this.db
      .selectFrom('api_tokens')
      .select('revoked_at')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (row === undefined) throw new VttError('VTT_ERR_AUTH_TOKEN_NOT_FOUND', { id });
    if (row.revoked_at !== null) return;
    await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: Date.now() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /**
   * The user a token acts as, with its scopes; counts the request against the token's limit.
   * @throws VttError `VTT_ERR_AUTH_TOKEN_INVALID` (malformed, unknown, wrong secret),
   * `VTT_ERR_AUTH_TOKEN_REVOKED` (revoked, expired) or `VTT_ERR_AUTH_RATE_LIMITED`.
   */
  async verify(token: string): Promise<AuthUser> {
    const match = TOKEN_PATTERN.exec(token);
    if (match === null) throw new VttError('VTT_ERR_AUTH_TOKEN_INVALID');
    const [, id, secret] = match as unknown as [string, string, string];
    const row = await this.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select([
        'api_tokens.secret_hash',
        'api_tokens.scopes',
        'api_tokens.expires_at',
        'api_tokens.revoked_at',
        'api_tokens.last_used_at',
        'users.id as userId',
        'users.display_name',
        'users.is_admin',
      ])
      .where('api_tokens.id', '=', id)
      .executeTakeFirst();
    const given = Buffer.from(secretHash(secret), 'hex');
    const stored = Buffer.from(row?.secret_hash ?? '', 'hex');
    if (row === undefined || stored.length !== given.length || !timingSafeEqual(stored, given)) {
      throw new VttError('VTT_ERR_AUTH_TOKEN_INVALID');
    }
    const now = Date.now();
    if (row.revoked_at !== null)
      throw new VttError('VTT_ERR_AUTH_TOKEN_REVOKED', { state: 'revoked' });
    if (row.expires_at !== null && row.expires_at <= now) {
      throw new VttError('VTT_ERR_AUTH_TOKEN_REVOKED', { state: 'expired' });
    }
    const wait = this.#requests.retryAfter(id, this.perMinute);
    if (wait > 0) {
      throw new VttError('VTT_ERR_AUTH_RATE_LIMITED', {
        what: `requests with this API token (at most ${this.perMinute} a minute)`,
        seconds: wait,
      });
    }
    this.#requests.hit(id);
    // The map spares a burst of requests from all writing before the first write is read back.
    const lastUsed = Math.max(row.last_used_at ?? 0, this.#touched.get(id) ?? 0);
    if (now - lastUsed >= LAST_USED_EVERY_MS) {
      this.#touched.set(id, now);
      await this.db
        .updateTable('api_tokens')
        .set({ last_used_at: now })
        .where('id', '=', id)
        .execute();
    }
    return {
      userId: row.userId,
      sessionId: null,
      tokenId: id,
      scopes: scopesOf(row.scopes),
      name: row.display_name,
      isAdmin: row.is_admin === 1,
    };
  }
}
