/** Sessions: a row per login, revocable; access tokens name their session. */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../persistence/database-schema.js';
import type { SessionTokens } from '../../server-types.js';
import { signAccessToken } from './access-tokens.js';

/** SHA-256 (hex) of a secret: what the database keeps of it. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A new random secret, 32 bytes base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Settings the session code needs. */
export interface SessionSettings {
  readonly db: Kysely<Database>;
  readonly key: Uint8Array;
  readonly accessTokenSeconds: number;
  readonly sessionSeconds: number;
}

/** Starts a session: its row (with the refresh secret's hash) and the tokens. */
export async function startSession(
  settings: SessionSettings,
  userId: string,
  address: string,
): Promise<SessionTokens> {
  const sessionId = randomUUID();
  const refreshToken = `${sessionId}.${newSecret()}`;
  const now = Date.now();
  await settings.db
    .insertInto('sessions')
    .values({
      id: sessionId,
      user_id: userId,
      refresh_hash: secretHash(refreshToken),
      created_at: now,
      expires_at: now + settings.sessionSeconds * 1000,
      revoked_at: null,
      address,
    })
    .execute();
  return {
    accessToken: await signAccessToken(
      { userId, sessionId },
      settings.key,
      settings.accessTokenSeconds,
    ),
    expiresIn: settings.accessTokenSeconds,
    refreshToken,
    sessionId,
    userId,
  };
}

/** Revokes sessions (all of a user's when `sessionIds` is omitted); returns the revoked ids. */
export async function revokeSessions(
  db: Kysely<Database>,
  userId: string,
  sessionIds?: readonly string[],
): Promise<string[]> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: Date.now() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (sessionIds !== undefined) {
    if (sessionIds.length === 0) return [];
    query = query.where('id', 'in', [...sessionIds]);
  }
  const rows = await query.returning('id').execute();
  return rows.map((r) => r.id);
}
