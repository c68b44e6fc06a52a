import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commit,
  createTableState,
  decide,
  rollLog,
  type RollLog,
  type TableAction,
  type TableEvent,
  type TableState,
} from '@vtt/core';
import { bufferIo } from '../lib/io.js';
import { runCli } from '../program.js';

async function vtt(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** A session of three rolls (one by a player), ended by the GM so its seed is revealed. */
function playedSession(): RollLog {
  let state: TableState = createTableState({
    campaignId: 'c1',
    name: 'T',
    gmUserId: 'gm',
    seed: 'cli-audit',
  });
  const start = state.campaign.dice;
  const events: TableEvent[] = [];
  const act = (userId: string, type: string, payload: unknown) => {
    const drafts = decide(state, { type, payload } as TableAction, { userId, now: 1 });
    const done = commit(state, drafts, { author: userId, now: 1 });
    state = done.state;
    events.push(...done.events);
  };
  act('gm', 'core:set-member', { userId: 'p1', name: 'Ann', role: 'player' });
  act('p1', 'core:send-message', { text: 'attack', roll: '1d20+5' });
  act('gm', 'core:send-message', { text: 'damage', roll: '2d6!' });
  act('p1', 'core:send-message', { text: 'stats', roll: '4d6kh3' });
  act('gm', 'core:end-session', {});
  return rollLog(events, { start });
}

describe('vtt roll --verify', () => {
  let dir: string;
  let log: RollLog;
  const write = async (name: string, body: unknown) => {
    const file = join(dir, name);
    await writeFile(file, typeof body === 'string' ? body : JSON.stringify(body));
    return file;
  };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vtt-roll-verify-'));
    log = playedSession();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('re-derives every roll of a revealed session: "3 rolls verified", exit 0', async () => {
    const { code, out } = await vtt('roll', '--verify', await write('good.json', log));
    expect(code).toBe(0);
    expect(out).toBe('3 rolls verified\n');
    const json = await vtt('roll', '--verify', join(dir, 'good.json'), '--json');
    expect(JSON.parse(json.out)).toEqual({ ok: true, verified: 3, errors: [] });
  });

  it('reports an edited die with its code and roll id, exit 1', async () => {
    const [session] = log.sessions;
    const [first, ...rest] = session!.rolls;
    const face = (first!.draws[0]!.value % 20) + 1; // any other face
    const edited = { ...first!, total: face + 5, draws: [{ sides: 20, value: face }] };
    const file = await write('edited.json', {
      ...log,
      sessions: [{ ...session, rolls: [edited, ...rest] }],
    });
    const { code, out } = await vtt('roll', '--verify', file, '--json');
    expect(code).toBe(1);
    const body = JSON.parse(out) as {
      ok: boolean;
      verified: number;
      errors: { code: string }[];
      problems: { code: string; params: { id: string } }[];
    };
    expect(body).toMatchObject({ ok: false, verified: 2 });
    expect(body.errors.map((e) => e.code)).toEqual(['VTT_ERR_ROLL_MISMATCH']);
    expect(body.problems.map((e) => [e.code, e.params.id])).toEqual([
      ['VTT_ERR_ROLL_MISMATCH', first!.id],
    ]);
  });

  it('reports a seed that does not match the commitment, and a roll that reuses dice', async () => {
    const [session] = log.sessions;
    const swapped = await write('swapped.json', {
      ...log,
      sessions: [{ ...session, seed: 'ab'.repeat(32) }],
    });
    const a = await vtt('roll', '--verify', swapped);
    expect(a.code).toBe(1);
    expect(a.err).toContain('VTT_ERR_ROLL_COMMITMENT_MISMATCH');
    const rolls = session!.rolls;
    const reused = await write('reused.json', {
      ...log,
      sessions: [{ ...session, rolls: [rolls[0], { ...rolls[0]!, id: 'again' }] }],
    });
    const b = await vtt('roll', '--verify', reused, '--json');
    expect(JSON.parse(b.out).errors.map((e: { code: string }) => e.code)).toEqual([
      'VTT_ERR_ROLL_MISMATCH',
    ]);
  });

  it('refuses a file that is not a roll log, and a session whose seed is still hidden', async () => {
    for (const body of ['not json', { format: 'other' }]) {
      const { code, out } = await vtt('roll', '--verify', await write('bad.json', body), '--json');
      expect(code).toBe(1);
      expect(JSON.parse(out).errors[0].code).toBe('VTT_ERR_ROLL_LOG_INVALID');
    }
    const [session] = log.sessions;
    const hidden = await write('hidden.json', { ...log, sessions: [{ ...session, seed: null }] });
    const { code, err } = await vtt('roll', '--verify', hidden);
    expect(code).toBe(1);
    expect(err).toContain('VTT_ERR_ROLL_SEED_HIDDEN');
  });
});
