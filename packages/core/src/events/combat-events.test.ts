import { describe, expect, it } from 'vitest';
import { errorCode, populatedTable, run, USERS } from '../../test-support/table-fixture.js';
import type { TableState } from '../model/state.js';
import { viewFor } from '../views/view-for.js';
import { turnOrder } from './combat-turns.js';
import type { EffectTick } from '../model/documents.js';
import { effectsOf } from '../model/effects.js';

const { gm, p1, p2 } = USERS;

/** Combat with c1 (t1, p1's, init 15), c3 (t2, p2's, init 10) and the hidden c2 (init 12). */
function fight(): TableState {
  let s = populatedTable();
  s = run(s, gm, 'core:add-combatant', { id: 'c3', tokenId: 't2' }).state;
  s = run(s, gm, 'core:set-initiative', { combatantId: 'c1', initiative: 15 }).state;
  s = run(s, gm, 'core:set-initiative', { combatantId: 'c2', initiative: 12 }).state;
  s = run(s, p2, 'core:set-initiative', { combatantId: 'c3', initiative: 10 }).state;
  return s;
}

const next = (s: TableState, user: string = gm) => run(s, user, 'core:next-turn', {}).state;

describe('combat rounds and turns', () => {
  it('orders by initiative and walks turns, wrapping into new rounds', () => {
    let s = fight();
    expect(turnOrder(s.combat!).map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    expect(s.combat).toMatchObject({ round: 0, turn: null });
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      s = next(s);
      seen.push(`${s.combat!.round}:${s.combat!.turn}`);
    }
    expect(seen).toEqual(['1:c1', '1:c2', '1:c3', '2:c1']);
  });

  it('skips defeated combatants', () => {
    let s = run(fight(), gm, 'core:update-combatant', {
      combatantId: 'c2',
      patch: { defeated: true },
    }).state;
    s = next(next(s));
    expect(s.combat!.turn).toBe('c3');
  });

  it("ticks the combatants' effects at turn start, turn end and round end, and ends them at zero", () => {
    let s = next(fight()); // round 1, c1
    // The effects go by their labels: the player's gets an id the server chooses.
    const add = (user: string, target: string, label: string, rounds: number, tick: EffectTick) =>
      (s = run(s, user, 'core:add-effect', {
        target: { collection: 'tokens', id: target },
        label,
        duration: { unit: 'rounds', rounds, tick },
      }).state);
    add(p1, 't1', 'bless', 2, 'turn-start');
    add(gm, 't1', 'haste', 1, 'turn-end');
    add(gm, 't2', 'fog', 2, 'round-end');
    const remaining = () =>
      Object.fromEntries(
        [...effectsOf(s).values()].map((e) => [
          e.label,
          e.duration.unit === 'rounds' ? e.duration.remaining : null,
        ]),
      );
    s = next(s); // c1's turn ends: haste 1 -> gone
    expect(remaining()).toEqual({ bless: 2, fog: 2 });
    s = next(next(s)); // round 2 begins with c1: fog 2 -> 1, bless 2 -> 1
    expect(remaining()).toEqual({ bless: 1, fog: 1 });
    s = next(next(next(s))); // round 3 with c1: both end
    expect(remaining()).toEqual({});
  });

  it('lets a player end only their own turn', () => {
    const s = next(fight()); // c1 (p1's)
    expect(errorCode(() => next(s, p2))).toBe('VTT_ERR_PERMISSION_GM_ONLY');
    expect(next(s, p1).combat!.turn).toBe('c2');
  });

  it("rejects a player's change to someone else's combatant or to the roster", () => {
    const s = fight();
    expect(
      errorCode(() => run(s, p1, 'core:set-initiative', { combatantId: 'c3', initiative: 1 })),
    ).toBe('VTT_ERR_PERMISSION_NOT_OWNER');
    expect(
      errorCode(() => run(s, p1, 'core:set-initiative', { combatantId: 'c2', initiative: 1 })),
    ).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
    expect(errorCode(() => run(s, p1, 'core:remove-combatant', { combatantId: 'c1' }))).toBe(
      'VTT_ERR_PERMISSION_GM_ONLY',
    );
    expect(errorCode(() => run(s, p1, 'core:end-combat', {}))).toBe('VTT_ERR_PERMISSION_GM_ONLY');
  });

  it('drops hidden combatants from player views, and their turn', () => {
    const s = next(next(fight())); // c2's turn
    const view = viewFor(s, p1);
    expect(Object.keys(view.combat!.combatants).sort()).toEqual(['c1', 'c3']);
    expect(view.combat!.turn).toBeNull();
    expect(viewFor(s, gm).combat!.turn).toBe('c2');
  });

  it('rolls initiative with the table generator, privately to the roller and GMs', () => {
    const s = run(fight(), gm, 'core:roll-initiative', {
      combatantId: 'c2',
      formula: '1d20+2',
    }).state;
    const message = s.chat[s.chat.length - 1]!;
    expect(s.combat!.combatants.c2!.initiative).toBe(message.roll!.total);
    expect(message.whisper).toEqual([gm]);
    expect(viewFor(s, p1).chat.some((m) => m.id === message.id)).toBe(false);
  });

  it('passes the turn on when the current combatant is removed', () => {
    const s = run(next(fight()), gm, 'core:remove-combatant', { combatantId: 'c1' }).state;
    expect(s.combat).toMatchObject({ round: 1, turn: 'c2' });
  });

  it('runs one combat at a time', () => {
    expect(errorCode(() => run(fight(), gm, 'core:start-combat', {}))).toBe(
      'VTT_ERR_COMBAT_ALREADY_ACTIVE',
    );
    const ended = run(fight(), gm, 'core:end-combat', {}).state;
    expect(ended.combat).toBeNull();
    expect(errorCode(() => next(ended))).toBe('VTT_ERR_COMBAT_NOT_ACTIVE');
  });
});
