import { describe, expect, it } from 'vitest';
import { errorCode, fixtureTable, run, USERS } from '../../test-support/table-fixture.js';
import type { Actor, Member } from '../model/documents.js';
import type { TableState } from '../model/state.js';
import type { VisibilityPolicy } from '../model/visibility-policy.js';
import { authorize } from '../permissions/authorize.js';
import { commit } from '../reducer/commit.js';
import { applyEvent, applyViewEvent } from '../reducer/apply-event.js';
import { projectEvent } from './project-event.js';
import { redactData, seesWholeActor, viewActor } from './redact-actor.js';
import { viewFlags } from './redact-flags.js';
import { viewFor } from './view-for.js';
import { viewMessage } from './visibility.js';

const policy: VisibilityPolicy = {
  actorTypes: {
    npc: {
      properties: {
        hp: { visibility: 'gm' },
        background: { visibility: 'owner' },
        attacks: { items: { properties: { bonus: { visibility: 'gm' } } } },
        notes: { additional: { visibility: 'owner' } },
      },
    },
  },
  flags: { dnd5e: { visibility: 'viewer', keys: { dc: 'gm' } }, diary: { visibility: 'owner' } },
};

const monster: Actor = {
  id: 'm1',
  name: 'Orc',
  type: 'npc',
  image: 'orc.webp',
  data: {
    hp: { value: 15, max: 15 },
    ac: 13,
    background: 'Exiled chieftain',
    attacks: [{ name: 'Axe', bonus: 5 }, { name: 'Spear' }],
    notes: { gm: 'Flees at 5 HP' },
  },
  ownership: { [USERS.p1]: 'owner', [USERS.p2]: 'limited' },
  defaultOwnership: 'observer',
  flags: { dnd5e: { size: 'medium', dc: 14 }, diary: 'day 1', other: 'secret' },
};

const member = (id: string, role: Member['role'] = 'player'): Member => ({ id, name: id, role });

describe('redactData', () => {
  it('removes hidden properties, nested and in arrays, and keeps the rest', () => {
    expect(redactData(monster.data, policy.actorTypes['npc']!, false)).toEqual({
      ac: 13,
      attacks: [{ name: 'Axe' }, { name: 'Spear' }],
      notes: {},
    });
  });

  it('returns the same object when nothing is hidden, and the value itself for owners of owner-only data', () => {
    const data = { ac: 13, attacks: [{ name: 'Spear' }] };
    expect(redactData(data, policy.actorTypes['npc']!, false)).toBe(data);
    const own = { background: 'x', notes: { a: 'b' } };
    expect(redactData(own, policy.actorTypes['npc']!, true)).toBe(own);
  });

  it('removes hidden array elements and a hidden root', () => {
    expect(redactData([1, 2], { items: { visibility: 'gm' } }, true)).toEqual([]);
    expect(redactData({ a: 1 }, { visibility: 'owner' }, false)).toBeUndefined();
  });

  it('keeps a `__proto__` key an own property', () => {
    const data = JSON.parse('{"__proto__": {"hp": 1}, "hp": 2}') as Record<string, never>;
    const seen = redactData(data, { properties: { hp: { visibility: 'gm' } } }, false) as object;
    expect(Object.keys(seen)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(seen)).toBe(Object.prototype);
  });
});

describe('viewActor', () => {
  it('shows a limited viewer the name, type, image and ownership, without data or flags', () => {
    const seen = viewActor(monster, member(USERS.p2), policy)!;
    expect(seen).toEqual({ ...monster, data: null, flags: {} });
    expect(seesWholeActor(monster, member(USERS.p2), policy)).toBe(false);
  });

  it('hides GM-only and owner-only fields from observers, GM-only fields from owners', () => {
    const observer = viewActor(monster, member(USERS.obs), policy)!;
    expect(observer.data).toEqual({
      ac: 13,
      attacks: [{ name: 'Axe' }, { name: 'Spear' }],
      notes: {},
    });
    expect(observer.flags).toEqual({ dnd5e: { size: 'medium' } });
    const owner = viewActor(monster, member(USERS.p1), policy)!;
    expect(owner.data).toEqual({
      ac: 13,
      background: 'Exiled chieftain',
      attacks: [{ name: 'Axe' }, { name: 'Spear' }],
      notes: { gm: 'Flees at 5 HP' },
    });
    expect(owner.flags).toEqual({ dnd5e: { size: 'medium' }, diary: 'day 1' });
  });

  it('gives GMs, and viewers from whom nothing is hidden, the actor itself', () => {
    expect(viewActor(monster, member(USERS.gm, 'gm'), policy)).toBe(monster);
    const plain = { ...monster, type: 'character', flags: { dnd5e: { size: 'small' } } };
    expect(viewActor(plain, member(USERS.obs), policy)).toBe(plain);
    expect(seesWholeActor(plain, member(USERS.obs), policy)).toBe(true);
    expect(viewActor({ ...monster, defaultOwnership: 'none' }, member(USERS.obs), policy)).toBe(
      undefined,
    );
  });
});

describe('module flags', () => {
  it('are seen by GMs only unless a module declares them', () => {
    expect(viewFlags({ mine: 1 }, undefined, true)).toEqual({});
    expect(viewFlags({ dnd5e: 1, diary: 2 }, policy, false)).toEqual({ dnd5e: 1 });
    const flags = { dnd5e: { size: 'm' } };
    expect(viewFlags(flags, policy, false)).toBe(flags);
  });

  it('of a blind roll are not shown to its author, whose card carries the result', () => {
    const message = {
      id: 'm1',
      seq: 1,
      author: USERS.p1,
      time: 0,
      text: 'Stealth',
      roll: null,
      whisper: [],
      blind: true,
      speaker: null,
      flags: { dnd5e: { outcome: { total: 17 } } },
    };
    expect(viewMessage(message, member(USERS.p1), policy)?.flags).toEqual({});
    expect(viewMessage({ ...message, blind: false }, member(USERS.p2), policy)?.flags).toEqual(
      message.flags,
    );
  });
});

describe('core:visibility-set', () => {
  const setPolicy = (state: TableState, next: VisibilityPolicy | null) =>
    commit(state, [{ type: 'core:visibility-set', payload: { policy: next } }], {
      author: USERS.gm,
      now: 1,
    });

  it('is refused to players, so no player changes the policy', () => {
    const state = fixtureTable();
    const draft = { type: 'core:visibility-set', payload: { policy: null } } as const;
    expect(errorCode(() => authorize(state, USERS.p1, draft))).toBe('VTT_ERR_PERMISSION_GM_ONLY');
    expect(errorCode(() => authorize(state, USERS.gm, draft))).toBeUndefined();
  });

  it('gives players a new view, and removing it restores the undeclared view', () => {
    let state = run(fixtureTable(), USERS.gm, 'core:create-actor', {
      id: 'm1',
      name: 'Orc',
      type: 'npc',
      data: { hp: { value: 3, max: 3 }, ac: 12 },
      defaultOwnership: 'observer',
    }).state;
    let view = viewFor(state, USERS.obs);
    for (const next of [policy, null]) {
      const { events } = setPolicy(state, next);
      const after = applyEvent(state, events[0]!);
      const received = projectEvent(events[0]!, state, after, USERS.obs);
      expect(received.map((e) => e.type)).toEqual(['core:view-replaced']);
      expect(projectEvent(events[0]!, state, after, USERS.gm)[0]!.type).toBe('core:visibility-set');
      view = received.reduce(applyViewEvent, view);
      state = after;
      expect(view).toEqual(viewFor(state, USERS.obs));
    }
    expect(state.campaign.visibility).toBeUndefined();
    expect(view.actors.get('m1')!.data).toEqual({ hp: { value: 3, max: 3 }, ac: 12 });
  });

  it('sends observers nothing when only a GM-only field changes', () => {
    let state = setPolicy(fixtureTable(), policy).state;
    state = run(state, USERS.gm, 'core:create-actor', {
      id: 'm1',
      name: 'Orc',
      type: 'npc',
      data: { hp: 3, ac: 12 },
      defaultOwnership: 'observer',
    }).state;
    const { events } = run(state, USERS.gm, 'core:update-actor', {
      actorId: 'm1',
      patch: { data: { hp: 1, ac: 12 } },
    });
    const after = applyEvent(state, events[0]!);
    // hp changed, but the observer's copy did not: nothing to send.
    expect(projectEvent(events[0]!, state, after, USERS.obs)).toEqual([]);
    expect(viewFor(after, USERS.obs).actors.get('m1')!.data).toEqual({ ac: 12 });
  });
});
