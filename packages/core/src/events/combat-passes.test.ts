import { describe, expect, it } from 'vitest';
import { advanceTurn, passTurn } from './combat-turns.js';
import type { ActiveEffect, Combat, Combatant } from '../model/documents.js';
import { createTableState } from '../model/state.js';
import { turnTicks, withTicks } from './effect-ticks.js';

const fighter = (id: string, initiative: number | null, defeated = false): Combatant => ({
  id,
  name: id,
  tokenId: null,
  actorId: null,
  initiative,
  hidden: false,
  defeated,
});

function combatOf(passStep: number | null, ...combatants: Combatant[]): Combat {
  return {
    id: 'c',
    sceneId: null,
    round: 0,
    turn: null,
    combatants: Object.fromEntries(combatants.map((c) => [c.id, c])),
    ...(passStep === null ? {} : { passStep, pass: 0 }),
  };
}

/** Every (round, pass, turn) until round `rounds` ends. */
function run(combat: Combat, rounds: number): string[] {
  const seen: string[] = [];
  let current = combat;
  for (let i = 0; i < 100; i++) {
    const next = advanceTurn(current);
    if (next.round > rounds) break;
    seen.push(`${next.round}.${next.pass ?? '-'} ${next.turn}`);
    current = passTurn(current, next);
  }
  return seen;
}

describe('initiative passes', () => {
  it('runs later passes for those whose initiative stays above 0 after -10 per pass', () => {
    const combat = combatOf(10, fighter('sam', 23), fighter('ork', 12), fighter('kid', 7));
    expect(run(combat, 2)).toEqual([
      '1.1 sam',
      '1.1 ork',
      '1.1 kid',
      '1.2 sam', // 13
      '1.2 ork', // 2
      '1.3 sam', // 3; ork at -8 and kid at -13 skip
      '2.1 sam',
      '2.1 ork',
      '2.1 kid',
      '2.2 sam',
      '2.2 ork',
      '2.3 sam',
    ]);
  });

  it('counts passes on the whole initiative: a tie-break fraction never earns a pass', () => {
    const combat = combatOf(10, fighter('edge', 20.04), fighter('ten', 10.99), fighter('low', 9.5));
    expect(run(combat, 1)).toEqual(['1.1 edge', '1.1 ten', '1.1 low', '1.2 edge']);
  });

  it('keeps one pass per round without a pass step, and skips defeated combatants in any pass', () => {
    expect(run(combatOf(null, fighter('a', 30), fighter('b', 5)), 2)).toEqual([
      '1.- a',
      '1.- b',
      '2.- a',
      '2.- b',
    ]);
    const withDefeated = combatOf(10, fighter('a', 30), fighter('b', 25, true), fighter('c', 5));
    expect(run(withDefeated, 1)).toEqual(['1.1 a', '1.1 c', '1.2 a', '1.3 a']);
  });

  it('ticks round-end effects once per round, not once per pass', () => {
    let combat = combatOf(10, { ...fighter('a', 25), tokenId: 'ta' }, fighter('b', 8));
    const stunned: ActiveEffect = {
      id: 'e',
      target: { collection: 'tokens', id: 'ta' },
      label: 'stunned',
      icon: null,
      statuses: [],
      origin: null,
      duration: { unit: 'rounds', remaining: 2, tick: 'round-end' },
      hidden: false,
      flags: {},
    };
    let docs = { ...createTableState({ campaignId: 'c', name: 'c', gmUserId: 'gm', seed: 1 }) };
    docs = { ...docs, effects: docs.effects.set('e', stunned) };
    const remaining: number[] = [];
    for (let i = 0; i < 6; i++) {
      const to = advanceTurn(combat);
      docs = { ...docs, effects: withTicks(docs.effects, turnTicks(docs, combat, to)) };
      combat = passTurn(combat, to);
      const d = docs.effects.get('e')?.duration;
      remaining.push(d?.unit === 'rounds' ? d.remaining : 0);
    }
    // round 1: a, b (pass 1), a (pass 2), a (pass 3); round 2 starts: tick once.
    expect(remaining).toEqual([2, 2, 2, 2, 1, 1]);
  });
});
