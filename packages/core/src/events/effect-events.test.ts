import { describe, expect, it } from 'vitest';
import { reviveState, type DocsJson } from '../model/revive.js';
import {
  createdId,
  errorCode,
  populatedTable,
  run,
  runAndProject,
  USERS,
} from '../../test-support/table-fixture.js';
import type { TableActionMap } from '../actions/action-types.js';
import { effectsOf, effectsOn, shownStatuses } from '../model/effects.js';
import type { TableState } from '../model/state.js';
import { viewFor } from '../views/view-for.js';

const { gm, p1, p2, obs } = USERS;
const token = (id: string) => ({ collection: 'tokens' as const, id });
const actor = (id: string) => ({ collection: 'actors' as const, id });
type Add = TableActionMap['core:add-effect'];

const add = (s: TableState, user: string, payload: Add) =>
  run(s, user, 'core:add-effect', payload).state;
/** Adds an effect without choosing its id (as players must): the new state and the id given. */
const addNew = (s: TableState, user: string, payload: Add) => {
  const { state, events } = run(s, user, 'core:add-effect', payload);
  return { state, id: createdId(events, 'core:effect-added') };
};
/** A blessing with no id, as a player adds it. */
const blessing: Add = {
  target: token('t1'),
  label: 'Blessed',
  statuses: ['blessed'],
  duration: { unit: 'rounds', rounds: 2, tick: 'turn-start' },
};
/** The blessing with the id a GM chose for it. */
const bless: Add = { ...blessing, id: 'bless' };
const next = (s: TableState) => run(s, gm, 'core:next-turn', {});
const ids = (s: TableState) => [...effectsOf(s).keys()].sort();
const texts = (s: TableState) => s.chat.map((m) => m.text);

/** Combat with c1 (t1, p1's) and c3 (t2, p2's); c2 (hidden token) is removed. */
function fight(): TableState {
  let s = populatedTable();
  s = run(s, gm, 'core:remove-combatant', { combatantId: 'c2' }).state;
  s = run(s, gm, 'core:add-combatant', { id: 'c3', tokenId: 't2' }).state;
  s = run(s, gm, 'core:set-initiative', { combatantId: 'c1', initiative: 15 }).state;
  return run(s, gm, 'core:set-initiative', { combatantId: 'c3', initiative: 10 }).state;
}

describe('effects: who may add and remove them', () => {
  it('lets the GM and the owner of the target add and remove non-hidden effects', () => {
    const blessed = addNew(populatedTable(), p1, blessing);
    let s = blessed.state;
    expect(effectsOf(s).get(blessed.id)).toMatchObject({
      target: token('t1'),
      hidden: false,
      origin: null,
      duration: { unit: 'rounds', remaining: 2, tick: 'turn-start' },
    });
    s = add(s, gm, { ...bless, id: 'haste', target: actor('a2') });
    const mine = addNew(s, p1, { ...blessing, target: actor('a1') });
    s = run(mine.state, p1, 'core:remove-effect', { effectId: blessed.id }).state;
    s = run(s, gm, 'core:remove-effect', { effectId: mine.id }).state;
    expect(ids(s)).toEqual(['haste']);
  });

  it('refuses another player, an observer and a player adding a hidden effect', () => {
    const s = add(populatedTable(), gm, { ...bless, id: 'gm-bless' });
    expect(errorCode(() => add(s, p2, blessing))).toBe('VTT_ERR_PERMISSION_NOT_OWNER');
    expect(errorCode(() => run(s, p2, 'core:remove-effect', { effectId: 'gm-bless' }))).toBe(
      'VTT_ERR_PERMISSION_NOT_OWNER',
    );
    expect(errorCode(() => add(s, obs, blessing))).toBe('VTT_ERR_PERMISSION_OBSERVER');
    expect(errorCode(() => add(s, p1, { ...blessing, hidden: true }))).toBe(
      'VTT_ERR_PERMISSION_GM_ONLY',
    );
  });

  it('answers a hidden effect, or one on an unseen target, as a missing one', () => {
    let s = add(populatedTable(), gm, { ...bless, id: 'curse', hidden: true });
    s = add(s, gm, { ...bless, id: 'on-hidden', target: token('hid-1') });
    for (const effectId of ['curse', 'on-hidden', 'nothing']) {
      expect(errorCode(() => run(s, p1, 'core:remove-effect', { effectId }))).toBe(
        'VTT_ERR_DOCUMENT_NOT_FOUND',
      );
    }
    expect(errorCode(() => add(s, p1, { ...blessing, target: token('hid-1') }))).toBe(
      'VTT_ERR_DOCUMENT_NOT_FOUND',
    );
    expect(errorCode(() => add(s, gm, { ...bless, id: 'x', target: token('nope') }))).toBe(
      'VTT_ERR_DOCUMENT_NOT_FOUND',
    );
    expect(errorCode(() => add(s, gm, { ...bless, id: 'curse' }))).toBe('VTT_ERR_DOCUMENT_EXISTS');
  });

  it('lets only a GM advance the clock, within bounds', () => {
    const s = populatedTable();
    expect(errorCode(() => run(s, p1, 'core:advance-time', { seconds: 60 }))).toBe(
      'VTT_ERR_PERMISSION_GM_ONLY',
    );
    expect(errorCode(() => run(s, gm, 'core:advance-time', { seconds: 0 }))).toBe(
      'VTT_ERR_ACTION_INVALID',
    );
    expect(errorCode(() => run(s, gm, 'core:advance-time', { seconds: 1e12 }))).toBe(
      'VTT_ERR_ACTION_INVALID',
    );
    expect(run(s, gm, 'core:advance-time', { seconds: 60 }).state.campaign.clock).toBe(60);
  });
});

describe('effects: what each viewer sees', () => {
  const CANARY = 'CANARYFX';
  function secrets(): TableState {
    let s = add(populatedTable(), gm, {
      ...bless,
      id: 'curse',
      label: `${CANARY} label`,
      origin: `${CANARY} origin`,
      statuses: [`${CANARY}-status`],
      hidden: true,
    });
    s = add(s, gm, { ...bless, id: 'on-hidden', label: 'x', target: token('hid-1') });
    s = add(s, gm, { ...bless, id: 'on-ha', label: 'y', target: actor('ha-1') });
    return add(s, gm, { ...bless, id: 'public' });
  }

  it('shows players the non-hidden effects on what they see, and GMs all', () => {
    const s = secrets();
    for (const viewer of [p1, p2, obs]) {
      const view = viewFor(s, viewer);
      expect([...effectsOf(view).keys()], viewer).toEqual(['public']);
      expect(JSON.stringify(view)).not.toContain(CANARY);
    }
    expect([...effectsOf(viewFor(s, gm)).keys()].sort()).toEqual([
      'curse',
      'on-ha',
      'on-hidden',
      'public',
    ]);
  });

  it('never sends a player a hidden effect, its change or its expiry', () => {
    let s = populatedTable();
    for (const viewer of [p1, p2, obs]) {
      const added = runAndProject(
        s,
        gm,
        'core:add-effect',
        { ...bless, id: 'curse', label: `${CANARY} x`, hidden: true },
        viewer,
      );
      expect(added.received).toEqual([]);
      const passed = runAndProject(added.state, gm, 'core:next-turn', {}, viewer);
      const expired = runAndProject(passed.state, gm, 'core:next-turn', {}, viewer);
      expect(JSON.stringify([passed.received, expired.received])).not.toContain(CANARY);
    }
    s = add(s, gm, { ...bless, id: 'curse', label: `${CANARY} x`, hidden: true });
    expect(JSON.stringify(viewFor(s, p1))).not.toContain(CANARY);
  });

  it('shows and hides an effect with its target', () => {
    const s = add(populatedTable(), gm, { ...bless, id: 'on-hidden', target: token('hid-1') });
    const shown = runAndProject(
      s,
      gm,
      'core:update-token',
      { tokenId: 'hid-1', patch: { hidden: false } },
      p1,
    );
    expect(shown.received).toContainEqual(
      expect.objectContaining({
        type: 'core:document-synced',
        payload: expect.objectContaining({ collection: 'effects', id: 'on-hidden' }),
      }),
    );
    expect(effectsOn(viewFor(shown.state, p1), token('hid-1')).map((e) => e.id)).toEqual([
      'on-hidden',
    ]);
  });

  it("derives a token's shown statuses from its own and its effects'", () => {
    let s = add(populatedTable(), gm, bless);
    s = add(s, gm, { ...bless, id: 'a', target: actor('a1'), statuses: ['prone', 'blessed'] });
    expect(shownStatuses(s, s.tokens.get('t1')!)).toEqual(['blessed', 'prone']);
  });
});

describe('effects: ticking and expiry', () => {
  it('ticks rounds on the combatant of their token or actor, and says in chat when they wear off', () => {
    let s = next(fight()).state; // round 1, c1
    const blessed = addNew(s, p1, {
      ...blessing,
      label: 'Blessed',
      duration: { unit: 'rounds', rounds: 1 },
    });
    s = add(blessed.state, gm, {
      ...bless,
      id: 'slow',
      label: 'Slowed',
      target: actor('a2'),
      duration: { unit: 'rounds', rounds: 1, tick: 'turn-end' },
    });
    s = next(s).state; // c3's turn starts: nothing of c1's ticks at turn-start
    expect(ids(s)).toEqual([blessed.id, 'slow'].sort());
    const { state, events } = next(s); // c3's turn ends (slow), c1's starts (bless)
    expect(ids(state)).toEqual([]);
    expect(events.map((e) => e.type)).toEqual([
      'core:turn-advanced',
      'core:message-posted',
      'core:message-posted',
    ]);
    expect(texts(state).slice(-2)).toEqual([
      'Blessed on Token t1 wore off',
      'Slowed on Bob PC wore off',
    ]);
    expect(state.chat.at(-1)).toMatchObject({ author: 'core', whisper: [] });
  });

  it('keeps rounds when the combat ends, and ticks them on in the next combat', () => {
    const blessed = addNew(next(fight()).state, p1, {
      ...blessing,
      duration: { unit: 'rounds', rounds: 3 },
    });
    let s = next(next(blessed.state).state).state; // round 2, c1: 3 -> 2
    s = run(s, gm, 'core:end-combat', {}).state;
    expect(effectsOf(s).get(blessed.id)!.duration).toMatchObject({ remaining: 2 });
    s = run(s, gm, 'core:advance-time', { seconds: 3600 }).state;
    expect(effectsOf(s).get(blessed.id)!.duration).toMatchObject({ remaining: 2 });
    s = run(s, gm, 'core:start-combat', { sceneId: 's1' }).state;
    s = run(s, gm, 'core:add-combatant', { id: 'k1', tokenId: 't1' }).state;
    s = next(s).state;
    expect(effectsOf(s).get(blessed.id)!.duration).toMatchObject({ remaining: 1 });
  });

  it('expires seconds at the clock, and permanent effects never', () => {
    let s = add(populatedTable(), gm, { ...bless, duration: { unit: 'seconds', seconds: 60 } });
    s = add(s, gm, { ...bless, id: 'forever', label: 'Cursed', duration: { unit: 'permanent' } });
    expect(effectsOf(s).get('bless')!.duration).toEqual({ unit: 'seconds', until: 60 });
    s = run(s, gm, 'core:advance-time', { seconds: 59 }).state;
    expect(ids(s)).toEqual(['bless', 'forever']);
    const { state, events } = run(s, gm, 'core:advance-time', { seconds: 1 });
    expect(ids(state)).toEqual(['forever']);
    expect(events.map((e) => e.type)).toEqual(['core:time-advanced', 'core:message-posted']);
    expect(texts(state).at(-1)).toBe('Blessed on Token t1 wore off');
    expect(run(state, gm, 'core:advance-time', { seconds: 315_360_000 }).state.campaign.clock).toBe(
      315_360_060,
    );
  });

  it('advances the clock by roundSeconds when a round ends, expiring seconds effects', () => {
    let s = next(fight()).state; // round 1
    s = add(s, gm, { ...bless, duration: { unit: 'seconds', seconds: 12 } });
    s = next(next(s).state).state; // round 2: clock 6
    expect(s.campaign.clock).toBe(6);
    s = run(s, gm, 'core:update-campaign', { settings: { roundSeconds: 0 } }).state;
    s = next(next(s).state).state; // round 3, no time passes
    expect(s.campaign.clock).toBe(6);
    s = run(s, gm, 'core:update-campaign', { settings: { roundSeconds: 6 } }).state;
    const round4 = next(next(s).state);
    expect(round4.state.campaign.clock).toBe(12);
    expect(ids(round4.state)).toEqual([]);
    expect(texts(round4.state).at(-1)).toBe('Blessed on Token t1 wore off');
  });

  it('whispers the expiry of a hidden effect, or one on an unseen target, to GMs only', () => {
    let s = add(populatedTable(), gm, {
      ...bless,
      id: 'curse',
      label: 'Cursed',
      hidden: true,
      duration: { unit: 'seconds', seconds: 6 },
    });
    s = add(s, gm, {
      ...bless,
      id: 'on-hidden',
      target: token('hid-1'),
      duration: { unit: 'seconds', seconds: 6 },
    });
    s = run(s, p1, 'core:update-actor', { actorId: 'a1', patch: { name: 'Ann' } }).state;
    const { state } = run(s, gm, 'core:advance-time', { seconds: 6 });
    const notices = state.chat.filter((m) => m.author === 'core');
    expect(notices.map((m) => m.whisper)).toEqual([[gm], [gm]]);
    for (const viewer of [p1, p2, obs]) {
      expect(
        viewFor(state, viewer).chat.some((m) => m.author === 'core'),
        viewer,
      ).toBe(false);
    }
  });

  it('lets a player end their own turn although effects they do not own tick', () => {
    let s = next(fight()).state; // c1 (p1's)
    s = add(s, gm, {
      ...bless,
      id: 'gm-fx',
      target: token('t2'),
      duration: { unit: 'rounds', rounds: 1, tick: 'turn-start' },
    });
    s = run(s, p1, 'core:next-turn', {}).state;
    expect(ids(s)).toEqual([]);
    expect(s.chat.at(-1)).toMatchObject({ author: 'core', text: 'Blessed on Token t2 wore off' });
  });
});

describe('effects: links and undo', () => {
  it("deletes the effects of a deleted token or actor, and of a deleted scene's tokens", () => {
    let s = add(populatedTable(), gm, bless);
    s = add(s, gm, { ...bless, id: 'on-a2', target: actor('a2') });
    s = add(s, gm, { ...bless, id: 'on-t3', target: token('t3') });
    s = run(s, gm, 'core:delete-token', { tokenId: 't1' }).state;
    expect(ids(s)).toEqual(['on-a2', 'on-t3']);
    s = run(s, gm, 'core:delete-actor', { actorId: 'a2' }).state;
    expect(ids(s)).toEqual(['on-t3']);
    const undone = run(
      run(s, gm, 'core:delete-scene', { sceneId: 's1' }).state,
      gm,
      'core:undo',
      {},
    ).state;
    expect(ids(undone)).toEqual(['on-t3']);
  });

  it('undoes adding and removing an effect', () => {
    let s = add(populatedTable(), p1, blessing);
    s = run(s, p1, 'core:undo', {}).state;
    expect(ids(s)).toEqual([]);
    const blessed = addNew(s, p1, blessing);
    s = run(blessed.state, p1, 'core:remove-effect', { effectId: blessed.id }).state;
    s = run(s, p1, 'core:undo', {}).state;
    expect(effectsOf(s).get(blessed.id)).toMatchObject({ label: 'Blessed' });
  });

  it('does not bring back an effect whose target was deleted since', () => {
    const blessed = addNew(populatedTable(), p1, { ...blessing, target: actor('a1') });
    let s = run(blessed.state, p1, 'core:remove-effect', { effectId: blessed.id }).state;
    s = run(s, gm, 'core:delete-actor', { actorId: 'a1' }).state;
    expect(errorCode(() => run(s, p1, 'core:undo', {}))).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
  });
});

describe('effects: tables from JSON and from before effects', () => {
  it('adds, ticks and expires effects on a snapshot parsed from JSON and on a table without effects or clock', () => {
    const parsed = reviveState(
      JSON.parse(JSON.stringify(add(populatedTable(), gm, bless))) as DocsJson<TableState>,
    );
    const { effects: _e, ...old } = populatedTable();
    const { clock: _c, ...campaign } = old.campaign;
    for (const s0 of [parsed, reviveState({ ...old, campaign } as DocsJson<TableState>)]) {
      let s = add(s0, gm, { ...bless, id: 'later', duration: { unit: 'seconds', seconds: 6 } });
      expect(viewFor(s, p1).effects.has('later')).toBe(true);
      s = run(s, gm, 'core:advance-time', { seconds: 6 }).state;
      expect(s.campaign.clock).toBe(6);
      expect(effectsOf(s).has('later')).toBe(false);
      s = run(s, gm, 'core:delete-token', { tokenId: 't1' }).state;
      expect(effectsOf(s).size).toBe(0);
    }
  });
});
