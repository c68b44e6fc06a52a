import { describe, expect, it } from 'vitest';
import { populatedTable, run, runAndProject, USERS } from '../../test-support/table-fixture.js';
import type { ViewEvent } from '../events/event-types.js';
import type { TableState } from '../model/state.js';
import { applyViewEvent } from '../reducer/apply-event.js';
import { combatantName, UNKNOWN_COMBATANT } from './combatant-name.js';
import { viewFor } from './view-for.js';

const { gm, p1, p2 } = USERS;
const CANARY = 'CANARYNAME';

/** Runs GM actions, folding what `viewer` receives into their view; returns the state, view and all events. */
function gmSteps(s0: TableState, viewer: string, steps: [string, unknown][]) {
  let state = s0;
  let view = viewFor(s0, viewer);
  const received: ViewEvent[] = [];
  for (const [type, payload] of steps) {
    const r = runAndProject(state, gm, type as never, payload as never, viewer);
    state = r.state;
    received.push(...r.received);
    view = r.received.reduce(applyViewEvent, view);
  }
  expect(view).toStrictEqual(viewFor(state, viewer));
  return { state, view, text: JSON.stringify(received) + JSON.stringify(view) };
}

describe('combatant names are derived, never copied', () => {
  it("does not put a hidden actor's name into a combatant players see", () => {
    const { state, view, text } = gmSteps(populatedTable(), p1, [
      ['core:create-actor', { id: 'boss', name: `${CANARY} Lich`, type: 'npc' }],
      ['core:add-combatant', { id: 'c9', actorId: 'boss' }],
    ]);
    expect(text).not.toContain(CANARY);
    expect(combatantName(view, view.combat!.combatants.c9!)).toBe(UNKNOWN_COMBATANT);
    expect(combatantName(state, state.combat!.combatants.c9!)).toBe(`${CANARY} Lich`);
    expect(combatantName(state, state.combat!.combatants.c9!, state.members.get(p1))).toBe(
      UNKNOWN_COMBATANT,
    );
  });

  it("shows a fogged token's combatant under its new name only, once revealed", () => {
    const { state, view, text } = gmSteps(populatedTable(), p2, [
      ['core:configure-fog', { sceneId: 's1', enabled: true }],
      ['core:create-token', { id: 'amb', sceneId: 's1', name: `${CANARY} Assassin`, x: 0, y: 0 }],
      ['core:add-combatant', { id: 'c9', tokenId: 'amb' }],
      ['core:update-token', { tokenId: 'amb', patch: { name: 'Stranger' } }],
      ['core:paint-fog', { sceneId: 's1', mode: 'reveal', shape: { kind: 'all' } }],
    ]);
    expect(text).not.toContain(CANARY);
    expect(combatantName(view, view.combat!.combatants.c9!)).toBe('Stranger');
    expect(state.combat!.combatants.c9!.name).toBeNull();
  });

  it('follows a rename of its token, and an explicit name wins until it is cleared', () => {
    let s = run(populatedTable(), gm, 'core:update-token', {
      tokenId: 't1',
      patch: { name: 'Ann the Brave' },
    }).state;
    expect(combatantName(viewFor(s, p1), s.combat!.combatants.c1!)).toBe('Ann the Brave');
    s = run(s, gm, 'core:update-combatant', { combatantId: 'c1', patch: { name: 'Ann' } }).state;
    expect(combatantName(s, s.combat!.combatants.c1!)).toBe('Ann');
    s = run(s, gm, 'core:update-combatant', { combatantId: 'c1', patch: { name: null } }).state;
    expect(combatantName(s, s.combat!.combatants.c1!)).toBe('Ann the Brave');
  });

  it('writes the initiative message with the name as the roller sees it', () => {
    const { state } = run(populatedTable(), p1, 'core:roll-initiative', {
      combatantId: 'c1',
      formula: '1d20',
    });
    expect(state.chat.at(-1)!.text).toBe('Token t1 rolls initiative');
  });

  it('gives a combatant of a hidden token no hidden flag of its own: it is seen with its token', () => {
    const s = populatedTable();
    expect(s.combat!.combatants.c2).toMatchObject({ hidden: false, name: null });
    expect(viewFor(s, p1).combat!.combatants.c2).toBeUndefined();
    const revealed = run(s, gm, 'core:update-token', {
      tokenId: 'hid-1',
      patch: { hidden: false, name: 'Goblin' },
    }).state;
    const view = viewFor(revealed, p1);
    expect(combatantName(view, view.combat!.combatants.c2!)).toBe('Goblin');
  });
});
