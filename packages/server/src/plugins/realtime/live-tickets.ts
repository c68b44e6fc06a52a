/**
 * One-time tickets for opening a live socket from a browser, which cannot
 * set an `Authorization` header on a WebSocket. A ticket is 32 random bytes,
 * valid for one campaign, once, for {@link TICKET_TTL_MS}; redeeming it
 * verifies the access token it was issued for again, so a session revoked
 * in between is refused.
 */
import { randomBytes } from 'node:crypto';
import { VttError } from '@vtt/core';

/** How long a ticket may wait before it is used. */
export const TICKET_TTL_MS = 30_000;

/** Outstanding tickets one user may hold; more evict their oldest. */
const PER_USER = 16;

interface Ticket {
  readonly accessToken: string;
  readonly userId: string;
  readonly campaignId: string;
  readonly expiresAt: number;
}

/** The tickets of this process (in memory: a ticket is redeemed where it was issued). */
export class LiveTickets {
  readonly #tickets = new Map<string, Ticket>();

  /** A new ticket for `campaignId`, bound to the access token that asked for it. */
  issue(input: { accessToken: string; userId: string; campaignId: string }): string {
    const now = Date.now();
    const mine: string[] = [];
    for (const [secret, t] of this.#tickets) {
      if (t.expiresAt <= now) this.#tickets.delete(secret);
      else if (t.userId === input.userId) mine.push(secret);
    }
    for (const old of mine.slice(0, Math.max(0, mine.length - PER_USER + 1))) {
      this.#tickets.delete(old);
    }
    const secret = randomBytes(32).toString('base64url');
    this.#tickets.set(secret, { ...input, expiresAt: now + TICKET_TTL_MS });
    return secret;
  }

  /**
   * Takes a ticket out (it never works twice) and returns the access token it
   * stands for.
   * @throws VttError `VTT_ERR_AUTH_TICKET_INVALID` for an unknown, used,
   * expired or other campaign's ticket.
   */
  redeem(secret: string, campaignId: string): string {
    const ticket = this.#tickets.get(secret);
    this.#tickets.delete(secret);
    if (
      ticket === undefined ||
      ticket.expiresAt <= Date.now() ||
      ticket.campaignId !== campaignId
    ) {
      throw new VttError('VTT_ERR_AUTH_TICKET_INVALID');
    }
    return ticket.accessToken;
  }

  /** Forgets every ticket (server close). */
  clear(): void {
    this.#tickets.clear();
  }
}
