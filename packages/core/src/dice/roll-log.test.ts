import { describe, expect, it } from 'vitest';
import { createRng, seedCommitment } from '../random/rng.js';
import { rollLog, verifyRollLog, type RollLog, type RollLogEntry } from './roll-log.js';
import { drawRoll } from './roll-record.js';

const SEED = 'ef'.repeat(32);

/** A revealed session whose rolls are drawn in order from SEED. */
function session(notations: readonly string[]): { log: RollLog; rolls: RollLogEntry[] } {
  const rng = createRng(SEED);
  const rolls = notations.map((notation, i) => ({
    ...drawRoll(rng, notation).record,
    seq: i + 1,
    messageId: `m${i + 1}`,
    by: 'core',
  }));
  const log: RollLog = {
    format: 'vtt-roll-log',
    version: 1,
    sessions: [{ session: 1, commitment: seedCommitment(SEED), seed: SEED, rolls }],
  };
  return { log, rolls };
}

const withRolls = (log: RollLog, rolls: RollLogEntry[]): RollLog => ({
  ...log,
  sessions: [{ ...log.sessions[0]!, rolls }],
});

describe('verifyRollLog', () => {
  it('verifies rolls whatever order their messages came in, and a roll shown twice once', () => {
    const { log, rolls } = session(['1d20', '4d6kh3', '2d6!', '5']);
    expect(verifyRollLog(log)).toEqual({ verified: 4, problems: [] });
    const shuffled = [
      rolls[2]!,
      rolls[0]!,
      { ...rolls[0]!, messageId: 'm9' },
      rolls[3]!,
      rolls[1]!,
    ];
    expect(verifyRollLog(withRolls(log, shuffled))).toEqual({ verified: 4, problems: [] });
  });

  it('flags a roll that reuses the draws of another, even one drawn within it', () => {
    const { log, rolls } = session(['10d6', '1d6']);
    const inside = { ...rolls[1]!, id: 'inside', position: rolls[0]!.position + 2 };
    const again = createRng({ ...createRng(SEED).state(), position: inside.position });
    const forged = { ...inside, ...drawRoll(again, '1d6', { id: 'inside' }).record };
    const result = verifyRollLog(withRolls(log, [rolls[0]!, forged, rolls[1]!]));
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'VTT_ERR_ROLL_MISMATCH',
        params: expect.objectContaining({ id: 'inside' }),
      }),
    ]);
    expect(result.verified).toBe(2);
  });

  it('flags a different roll under an id already seen', () => {
    const { log, rolls } = session(['1d20']);
    const twin = { ...rolls[0]!, notation: '1d20+1', total: rolls[0]!.total + 1 };
    expect(verifyRollLog(withRolls(log, [rolls[0]!, twin])).problems.map((p) => p.code)).toEqual([
      'VTT_ERR_ROLL_MISMATCH',
    ]);
  });

  it('verifies two rolls without dice drawn at one position, though they share an id', () => {
    const { log } = session(['5', '6', '1d4']);
    expect(verifyRollLog(log)).toEqual({ verified: 3, problems: [] });
  });

  it('builds no session without rolls or a reveal', () => {
    expect(rollLog([]).sessions).toEqual([]);
  });
});
