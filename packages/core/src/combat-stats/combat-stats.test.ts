import { describe, expect, it } from 'vitest';
import { fixtureTable, run, USERS } from '../../test-support/table-fixture.js';
import type { TableEvent } from '../events/event-types.js';
import type { CombatHealthPath } from '../manifest/manifest-types.js';
import type { JsonValue } from '../model/json.js';
import type { TableState } from '../model/state.js';
import { commit } from '../reducer/commit.js';
import { campaignCombatTotals } from './campaign-totals.js';
import { combatStats } from './combat-stats.js';

const { gm, p1, p2 } = USERS;
const HEALTH: CombatHealthPath[] = [
  { path: '/hp/value', kind: 'pool' },
  { path: '/wounds', kind: 'damage', actorTypes: ['npc'] },
];

/** Records every event run through it, so a test can derive from the log. */
class Script {
  readonly events: TableEvent[] = [];
  constructor(public state: TableState) {}
  act(user: string, type: string, payload: unknown): this {
    const out = run(this.state, user, type as never, payload as never);
    this.state = out.state;
    this.events.push(...out.events);
    return this;
  }
  /** A module's named-roll card, as the sandbox host posts it. */
  card(user: string, outcome: Record<string, JsonValue>, actorId: string): this {
    const message = {
      id: `msg${this.state.seq + 1}`,
      text: 'roll',
      roll: null,
      whisper: [],
      blind: false,
      speaker: null,
      flags: {
        sys: { outcome: { name: 'attack', label: 'Attack', rolls: [], ...outcome }, actorId },
      },
      verified: { by: 'sys', rolls: [] },
    };
    const out = commit(
      this.state,
      [{ type: 'core:message-posted', payload: { message, dropBefore: 0 } }],
      { author: user, now: 2_000 },
    );
    this.state = out.state;
    this.events.push(...out.events);
    return this;
  }
  hp(actorId: string, data: JsonValue): this {
    return this.act(gm, 'core:update-actor', { actorId, patch: { data } });
  }
}

/**
 * Ann's a1 (c1, 15), the GM's hidden goblin g1 (c2, 12, type npc; everyone
 * observes the actor, but its health fields are the GM's) and Bob's
 * a2 (c3, 10). Round 1: Ann crits the goblin (hp 10 -> 3, wounds 0 -> 1);
 * the goblin fumbles, then hits Bob (hp 12 -> 8); Bob rolls core dice and
 * heals himself 2 (8 -> 10). Round 2 starts with Ann; the combat ends.
 */
function scripted(): { start: TableState; script: Script } {
  let start = fixtureTable();
  start = run(start, gm, 'core:update-actor', {
    actorId: 'a1',
    patch: { data: { hp: { value: 11 } } },
  }).state;
  start = run(start, gm, 'core:update-actor', {
    actorId: 'a2',
    patch: { data: { hp: { value: 12 } } },
  }).state;
  start = run(start, gm, 'core:create-actor', {
    id: 'g1',
    name: 'SECRET Goblin',
    type: 'npc',
    data: { hp: { value: 10 }, wounds: 0 },
    defaultOwnership: 'observer',
  }).state;
  // As a module table sets it: npcs' health is the GM's, the module's cards everyone's.
  const gmOnly = { visibility: 'gm' } as const;
  const visibility = {
    actorTypes: { npc: { properties: { hp: gmOnly, wounds: gmOnly } } },
    flags: { sys: { visibility: 'viewer' } },
  } as const;
  start = { ...start, campaign: { ...start.campaign, visibility } };
  const script = new Script(start)
    .act(gm, 'core:start-combat', {})
    .act(gm, 'core:add-combatant', { id: 'c1', actorId: 'a1' })
    .act(gm, 'core:add-combatant', { id: 'c2', actorId: 'g1', hidden: true })
    .act(gm, 'core:add-combatant', { id: 'c3', actorId: 'a2' })
    .act(gm, 'core:set-initiative', { combatantId: 'c1', initiative: 15 })
    .act(gm, 'core:set-initiative', { combatantId: 'c2', initiative: 12 })
    .act(p2, 'core:roll-initiative', { combatantId: 'c3', formula: '1d20' })
    .act(gm, 'core:set-initiative', { combatantId: 'c3', initiative: 10 })
    .act(gm, 'core:next-turn', {}) // round 1, c1
    .card(p1, { total: 25, critical: 'success', margin: 12 }, 'a1')
    .hp('g1', { hp: { value: 3 }, wounds: 1 })
    .act(p1, 'core:next-turn', {}) // c2
    .card(gm, { total: 2, critical: 'failure', margin: -11 }, 'g1')
    .card(gm, { total: 18, critical: null, margin: 4 }, 'g1')
    .hp('a2', { hp: { value: 8 } })
    .act(gm, 'core:next-turn', {}) // c3
    .act(p2, 'core:send-message', { text: 'heal', roll: '2d6' })
    .hp('a2', { hp: { value: 10 } })
    .act(p2, 'core:next-turn', {}) // round 2, c1
    .act(gm, 'core:end-combat', {});
  return { start, script };
}

describe('combatStats', () => {
  it("derives the GM's turns, rolls, damage and healing of a scripted combat", () => {
    const { start, script } = scripted();
    const [combat, ...rest] = combatStats(script.events, start, { health: HEALTH });
    expect(rest).toEqual([]);
    expect(combat).toMatchObject({ rounds: 2, endedSeq: script.state.seq, sceneId: null });
    expect(combat!.turns.map((t) => `${t.round}:${t.combatantId}`)).toEqual([
      '1:c1',
      '1:c2',
      '1:c3',
      '2:c1',
    ]);
    const by = Object.fromEntries(combat!.combatants.map((c) => [c.combatantId, c]));
    // Ann: one crit success; dealt 7 hp + 1 wound = 8 to the goblin.
    expect(by['c1']).toMatchObject({
      name: 'Ann PC',
      turns: 2,
      rolls: { count: 1, crits: 1, fumbles: 0, successes: 1, failures: 0 },
      damageDealt: 8,
      damageTaken: 0,
    });
    // Goblin: a fumble (margin -11) and a success (margin 4); dealt 12 - 8 = 4; took 8.
    expect(by['c2']).toMatchObject({
      name: 'SECRET Goblin',
      turns: 1,
      rolls: { count: 2, crits: 0, fumbles: 1, successes: 1, failures: 1 },
      damageDealt: 4,
      damageTaken: 8,
    });
    // Bob: his 2d6 (initiative not counted); took 4, healed himself 10 - 8 = 2.
    expect(by['c3']).toMatchObject({
      turns: 1,
      rolls: { count: 1, crits: 0 },
      damageTaken: 4,
      healingDone: 2,
      healingReceived: 2,
    });
    expect(combat!.unattributed).toMatchObject({ damage: 0, healing: 0, rolls: { count: 0 } });
  });

  it("leaves a hidden combatant out of a player's stats, and what they could not see", () => {
    const { start, script } = scripted();
    const [combat] = combatStats(script.events, start, { health: HEALTH, viewerId: p1 });
    expect(combat!.combatants.map((c) => c.combatantId)).toEqual(['c1', 'c3']);
    expect(combat!.turns.map((t) => t.combatantId)).toEqual(['c1', 'c3', 'c1']);
    expect(JSON.stringify(combat)).not.toContain('SECRET');
    expect(JSON.stringify(combat)).not.toContain('g1');
    const by = Object.fromEntries(combat!.combatants.map((c) => [c.combatantId, c]));
    // The goblin's health is not Ann's to see: her 8 damage to it is not counted for her.
    expect(by['c1']).toMatchObject({ rolls: { count: 1, crits: 1 }, damageDealt: 0 });
    // Bob's hp she sees (observer): 4 taken in a turn she could not see.
    expect(by['c3']).toMatchObject({ damageTaken: 4, healingDone: 2 });
    expect(combat!.unattributed).toMatchObject({ damage: 4, healing: 0 });
  });

  it('counts nothing for health without declarations, and rolls outside combat not at all', () => {
    const { start, script } = scripted();
    script.act(p1, 'core:send-message', { text: 'after', roll: '1d20' });
    const [combat] = combatStats(script.events, start);
    const total = combat!.combatants.reduce((n, c) => n + c.damageDealt + c.damageTaken, 0);
    expect(total).toBe(0);
    expect(combat!.combatants.reduce((n, c) => n + c.rolls.count, 0)).toBe(4);
  });

  it('sums the combats per actor for the campaign', () => {
    const { start, script } = scripted();
    script
      .act(gm, 'core:start-combat', {})
      .act(gm, 'core:add-combatant', { id: 'd1', actorId: 'a1' })
      .act(gm, 'core:next-turn', {})
      .card(p1, { total: 9, glitch: 'critical', successes: 0 }, 'a1')
      .hp('a1', { hp: { value: 5 } })
      .act(gm, 'core:end-combat', {});
    const combats = combatStats(script.events, start, { health: HEALTH });
    expect(combats.map((c) => c.id)).toHaveLength(2);
    const totals = campaignCombatTotals(combats);
    const ann = totals.find((t) => t.actorId === 'a1');
    // 2 + 1 turns; 1 + 1 rolls (a crit, then a critical glitch); dealt 8, then 6 to herself.
    expect(ann).toMatchObject({
      combats: 2,
      turns: 3,
      rolls: { count: 2, crits: 1, fumbles: 1, glitches: 1 },
      damageDealt: 14,
      damageTaken: 6,
    });
    expect(totals[0]!.actorId).toBe('a1');
  });
});
