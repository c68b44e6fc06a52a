/**
 * Combat statistics of a campaign as one member may know them, derived from
 * the whole log and kept: a later request walks only the events since.
 */
import {
  createCombatStats,
  type CombatHealthPath,
  type CombatHistory,
  type CombatStatsBuilder,
  type ModuleManifest,
  type TableState,
} from '@vtt/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../persistence/database-schema.js';
import { statesForward } from './projected-history.js';

/** Derivations kept at once (each holds one table state). */
const KEPT = 16;

interface Derivation {
  /** The system module and version whose health declarations it used. */
  readonly system: string;
  readonly seq: number;
  readonly state: TableState;
  readonly stats: CombatStatsBuilder;
}

/** The system's `combat.health` and its id@version, from its active manifest. */
async function healthOf(
  db: Kysely<Database>,
  systemId: string,
): Promise<{ readonly key: string; readonly health: readonly CombatHealthPath[] }> {
  const row = await db
    .selectFrom('modules')
    .select(['version', 'manifest'])
    .where('id', '=', systemId)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (row === undefined) return { key: `${systemId}@-`, health: [] };
  const manifest = JSON.parse(row.manifest) as ModuleManifest;
  return { key: `${systemId}@${row.version}`, health: manifest.combat?.health ?? [] };
}

/** Kept derivations by campaign and reader, least recently used first. */
export class CombatStatsCache {
  readonly #kept = new Map<string, Derivation>();

  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The campaign's combats as `viewerId` may know them (see
   * `createCombatStats`), up to the campaign's seq now: the kept derivation
   * walked on to it, or a new one walked from the first snapshot.
   *
   * @example
   * const combats = await cache.combats(campaign.id, campaign.system, userId);
   */
  async combats(campaignId: string, systemId: string, viewerId: string): Promise<CombatHistory[]> {
    const key = `${campaignId}\u0000${viewerId}`;
    const { key: system, health } = await healthOf(this.db, systemId);
    // Taken out while walking, so a concurrent request starts its own walk.
    let kept = this.#kept.get(key);
    this.#kept.delete(key);
    const latest = await this.db
      .selectFrom('campaigns')
      .select('seq')
      .where('id', '=', campaignId)
      .executeTakeFirst();
    if (kept !== undefined && (kept.system !== system || kept.seq > Number(latest?.seq ?? 0))) {
      kept = undefined; // another system version, or the log was replaced (restore)
    }
    const stats = kept?.stats ?? createCombatStats({ health, viewerId });
    let state = kept?.state;
    let seq = kept?.seq;
    const resume = state === undefined || seq === undefined ? undefined : { seq, state };
    for await (const step of statesForward(this.db, campaignId, resume)) {
      stats.add(step.event, step.before, step.after);
      state = step.after;
      seq = step.event.seq;
    }
    if (state !== undefined && seq !== undefined) {
      this.#kept.set(key, { system, seq, state, stats });
      if (this.#kept.size > KEPT) this.#kept.delete(this.#kept.keys().next().value!);
    }
    return stats.combats();
  }
}
