/**
 * Invite secrets and joining with one. Only the SHA-256 of a secret is
 * stored; a use is counted in the same transaction that adds the member,
 * and only when it adds one, so joining twice uses an invite once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { VttError, type Role } from '@vtt/core';
import type { Kysely } from 'kysely';
import type { Database, InvitesTable } from '../../persistence/database-schema.js';

/** A new invite secret: 32 random bytes, base64url. */
export function newInviteSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored of a secret. */
export function inviteHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Whether an invite can still be used at `now`, and if not, why. */
export function inviteState(
  invite: Pick<InvitesTable, 'revoked_at' | 'expires_at' | 'uses' | 'max_uses'>,
  now: number,
): 'active' | 'expired' | 'used-up' | 'revoked' {
  if (invite.revoked_at !== null) return 'revoked';
  if (Number(invite.expires_at) <= now) return 'expired';
  if (invite.uses >= invite.max_uses) return 'used-up';
  return 'active';
}

/** The campaign an invite is for, checked as {@link joinWithInvite} checks it, without using it. */
export async function checkInvite(
  db: Kysely<Database>,
  secret: string,
  now: number = Date.now(),
): Promise<{ readonly campaignId: string; readonly role: Role }> {
  const invite = await db
    .selectFrom('invites')
    .innerJoin('campaigns', 'campaigns.id', 'invites.campaign_id')
    .select([
      'invites.campaign_id',
      'invites.role',
      'invites.revoked_at',
      'invites.expires_at',
      'invites.uses',
      'invites.max_uses',
      'campaigns.archived_at',
    ])
    .where('invites.token_hash', '=', inviteHash(secret))
    .executeTakeFirst();
  if (invite === undefined || inviteState(invite, now) !== 'active') {
    throw new VttError('VTT_ERR_INVITE_INVALID');
  }
  if (invite.archived_at !== null) {
    throw new VttError('VTT_ERR_CAMPAIGN_ARCHIVED', { id: invite.campaign_id });
  }
  return { campaignId: invite.campaign_id, role: invite.role as Role };
}

/**
 * Makes `userId` a member of the invite's campaign with the invite's role
 * and counts one use, atomically. A user who is a member already keeps
 * their role and the invite is not used (`joined: false`).
 *
 * @throws VttError `VTT_ERR_INVITE_INVALID` (unknown, expired, used up or
 * revoked), `VTT_ERR_CAMPAIGN_ARCHIVED`.
 */
export async function joinWithInvite(
  db: Kysely<Database>,
  secret: string,
  userId: string,
  now: number = Date.now(),
): Promise<{ readonly campaignId: string; readonly role: Role; readonly joined: boolean }> {
  const hash = inviteHash(secret);
  return db.transaction().execute(async (trx) => {
    const invite = await trx
      .selectFrom('invites')
      .innerJoin('campaigns', 'campaigns.id', 'invites.campaign_id')
      .select([
        'invites.id',
        'invites.campaign_id',
        'invites.role',
        'invites.revoked_at',
        'invites.expires_at',
        'campaigns.archived_at',
      ])
      .where('invites.token_hash', '=', hash)
      .executeTakeFirst();
    if (invite === undefined || invite.revoked_at !== null || Number(invite.expires_at) <= now) {
      throw new VttError('VTT_ERR_INVITE_INVALID');
    }
    const campaignId = invite.campaign_id;
    if (invite.archived_at !== null)
      throw new VttError('VTT_ERR_CAMPAIGN_ARCHIVED', { id: campaignId });
    // The member row first: a concurrent join of the same user waits on it and then adds nothing.
    const added = await trx
      .insertInto('members')
      .values({ campaign_id: campaignId, user_id: userId, role: invite.role, joined_at: now })
      .onConflict((c) => c.columns(['campaign_id', 'user_id']).doNothing())
      .executeTakeFirst();
    if (Number(added.numInsertedOrUpdatedRows ?? 0) === 0) {
      const member = await trx
        .selectFrom('members')
        .select('role')
        .where('campaign_id', '=', campaignId)
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow();
      return { campaignId, role: member.role as Role, joined: false };
    }
    const used = await trx
      .updateTable('invites')
      .set((eb) => ({ uses: eb('uses', '+', 1) }))
      .where('id', '=', invite.id)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .whereRef('uses', '<', 'max_uses')
      .executeTakeFirst();
    // Used up (or revoked meanwhile): throwing rolls the member row back.
    if (Number(used.numUpdatedRows) === 0) throw new VttError('VTT_ERR_INVITE_INVALID');
    return { campaignId, role: invite.role as Role, joined: true };
  });
}
