/**
 * The group commit of `appendEvents` on a real SQLite file: appends of many
 * tables made at once all land, each exactly once, one table's failed
 * append fails only that table's, and an append never joins a transaction
 * another query holds open on the same SQLite handle.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TableEvent } from '@vtt/core';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../persistence/database-schema.js';
import { openDatabase } from '../../persistence/open-database.js';
import { appendEvents } from './table-store.js';

let dir: string;
let db: Kysely<Database>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vtt-table-store-'));
  ({ db } = await openDatabase({ dataDir: dir, databaseUrl: null }));
});
afterEach(async () => {
  await db.destroy();
  await rm(dir, { recursive: true, force: true });
});

const addCampaigns = (ids: readonly string[]) =>
  db
    .insertInto('campaigns')
    .values(
      ids.map((id) => ({
        id,
        name: id,
        system: 'dnd5e',
        created_by: 'u-gm',
        created_at: 1,
        seq: 0,
      })),
    )
    .execute();

const moved = (seq: number): TableEvent =>
  ({
    seq,
    type: 'core:token-moved',
    payload: { tokenId: 't1', x: seq, y: 0 },
    author: 'u-gm',
    time: 1,
  }) as unknown as TableEvent;

const rows = (campaignId: string) =>
  db
    .selectFrom('events')
    .select(['seq'])
    .where('campaign_id', '=', campaignId)
    .orderBy('seq')
    .execute()
    .then((r) => r.map((row) => Number(row.seq)));

describe('appendEvents: one transaction for the appends of a moment', () => {
  it('lands the appends of 50 tables made at once, each once, with their acks', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `c${i}`);
    await addCampaigns(ids);
    await Promise.all(
      ids.map((id, i) =>
        appendEvents(db, id, [moved(1), moved(2)], {
          userId: 'u-gm',
          clientId: `r${i}`,
          ack: `{"type":"ack","id":"r${i}","seq":2}`,
        }),
      ),
    );
    for (const id of ids) expect(await rows(id)).toEqual([1, 2]);
    const acks = await db.selectFrom('applied_requests').select('client_id').execute();
    expect(acks).toHaveLength(50);
    const seqs = await db.selectFrom('campaigns').select('seq').execute();
    expect(seqs.every((c) => Number(c.seq) === 2)).toBe(true);
  });

  it("fails only the append that cannot be written, not the other tables' of the same moment", async () => {
    await addCampaigns(['good', 'taken']);
    await appendEvents(db, 'taken', [moved(1)], null);
    const results = await Promise.allSettled([
      appendEvents(db, 'good', [moved(1)], null),
      appendEvents(db, 'taken', [moved(1)], null), // seq 1 is taken already
      appendEvents(db, 'missing', [moved(1)], null), // no such campaign
      appendEvents(db, 'good', [moved(2)], null),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect(await rows('good')).toEqual([1, 2]);
    expect(await rows('taken')).toEqual([1]);
    expect(await rows('missing')).toEqual([]);
  });

  it('waits for a Kysely transaction open on the same handle, and outlives its rollback', async () => {
    await addCampaigns(['c1']);
    let appended: Promise<void> | undefined;
    const rolledBack = db
      .transaction()
      .execute(async (trx) => {
        await trx
          .updateTable('campaigns')
          .set({ name: 'renamed' })
          .where('id', '=', 'c1')
          .execute();
        appended = appendEvents(db, 'c1', [moved(1)], {
          userId: 'u-gm',
          clientId: 'r1',
          ack: '{"type":"ack","id":"r1","seq":1}',
        });
        await new Promise((resolve) => setTimeout(resolve, 50)); // the append comes in meanwhile
        throw new Error('roll back');
      })
      .catch((error: unknown) => error);
    expect(await rolledBack).toBeInstanceOf(Error);
    await appended;
    expect(await rows('c1')).toEqual([1]);
    const campaign = await db.selectFrom('campaigns').select(['name', 'seq']).executeTakeFirst();
    expect(campaign).toEqual({ name: 'c1', seq: 1 });
  });
});
