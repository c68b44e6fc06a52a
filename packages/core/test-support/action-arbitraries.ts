/**
 * fast-check arbitraries of (user, action) steps over small id pools, so
 * that random sequences hit the same documents often. Secret material has
 * recognisable names (see SECRET_MARKERS) and the generator never makes it
 * public, so a scan for those markers in non-GM output must find nothing.
 */
import fc from 'fast-check';
import type { TableAction } from '../src/actions/action-types.js';
import type { EventDraft } from '../src/events/event-types.js';
import { USERS } from './table-fixture.js';
import {
  gmSecretJournalActions,
  journalActions,
  playerJournalActions,
} from './journal-arbitraries.js';
import { playerRollTableActions, rollTableActions } from './roll-table-arbitraries.js';
import { gmSecretMarkActions, markActions, playerMarkActions } from './scene-mark-arbitraries.js';
import { asSent } from './step-names.js';
import { policyDraft, visibilityActions } from './visibility-arbitraries.js';

const SCENES = ['s1', 's2'];
const TOKENS = ['t1', 't2', 't3'];
const HIDDEN_TOKENS = ['hid-1', 'hid-2'];
const ACTORS = ['a1', 'a2', 'a3'];
const HIDDEN_ACTORS = ['ha-1'];
const ANY_ACTOR = [...ACTORS, ...HIDDEN_ACTORS];
const ITEMS = ['i1', 'i2', 'i3'];
const LIBRARY_ITEMS = ['li-1'];
const NOTES = ['n1', 'n2'];
const GM_NOTES = ['gn-1', 'gn-2'];
const ENTRIES = ['e1', 'e2'];
const COMBATANTS = ['c1', 'c2', 'c3', 'c4'];
const EFFECTS = ['fx1', 'fx2', 'gfx-1'];
const PLAYERS = [USERS.p1, USERS.p2, USERS.obs];

/** Strings that only secret material contains. */
export const SECRET_MARKERS = {
  hiddenToken: 'SECRETTOKEN',
  gmNote: 'GMNOTESECRET',
  hiddenActor: 'SECRETACTOR',
  libraryItem: 'LIBRARYSECRET',
  hiddenEffect: 'SECRETEFFECT',
} as const;

/** Item data with a GM-only canary (`weapon`s declare `gmOnly` GM-only). */
const itemData = fc.integer({ min: 0, max: 9 }).map((dmg) => ({
  dmg,
  note: 'owner note',
  gmOnly: 'GMFIELDSECRET item',
}));
const itemFlags = { pub: { shown: 'public flag' }, undeclared: 'GMFIELDSECRET item flag' };

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const coord = fc.integer({ min: 0, max: 8 }).map((n) => n * 50);
const level = pick(['none', 'limited', 'observer', 'owner'] as const);
const action = <T extends TableAction['type']>(type: T, payload: fc.Arbitrary<unknown>) =>
  payload.map((p) => ({ type, payload: p }) as TableAction);

const cells = fc.array(
  fc.record({ q: fc.integer({ min: 0, max: 4 }), r: fc.integer({ min: 0, max: 4 }) }),
  {
    minLength: 1,
    maxLength: 4,
  },
);
const shape = fc.oneof(
  fc.constant({ kind: 'all' as const }),
  cells.map((c) => ({ kind: 'cells' as const, cells: c })),
  fc.tuple(coord, coord).map(([x, y]) => ({
    kind: 'polygon' as const,
    points: [
      { x, y },
      { x: x + 150, y },
      { x: x + 150, y: y + 150 },
    ],
  })),
);

const target = fc.oneof(
  pick([...TOKENS, ...HIDDEN_TOKENS]).map((id) => ({ collection: 'tokens' as const, id })),
  pick(ANY_ACTOR).map((id) => ({ collection: 'actors' as const, id })),
);
const duration = fc.oneof(
  fc.record({
    unit: fc.constant('rounds' as const),
    rounds: fc.integer({ min: 1, max: 3 }),
    tick: pick(['turn-start', 'turn-end', 'round-end'] as const),
  }),
  fc.record({ unit: fc.constant('seconds' as const), seconds: pick([6, 12, 60]) }),
  fc.constant({ unit: 'permanent' as const }),
);

const link = fc.oneof(
  fc.record({
    collection: fc.constant('tokens' as const),
    id: pick([...TOKENS, ...HIDDEN_TOKENS]),
  }),
  fc.record({ collection: fc.constant('notes' as const), id: pick([...NOTES, ...GM_NOTES]) }),
  fc.record({ collection: fc.constant('scenes' as const), id: pick(SCENES) }),
  fc.record({ collection: fc.constant('actors' as const), id: pick(ANY_ACTOR) }),
  fc.record({ collection: fc.constant('timeline' as const), id: pick(ENTRIES) }),
  fc.record({ collection: fc.constant('items' as const), id: pick([...ITEMS, ...LIBRARY_ITEMS]) }),
);

/** GM item actions: inventories of every actor, the secret library item, moves and reorders. */
const itemActions: fc.Arbitrary<TableAction> = fc.oneof(
  action(
    'core:create-item',
    fc
      .record({ id: pick(ITEMS), actorId: pick([...ANY_ACTOR, null]), data: itemData })
      .map((p) => ({ ...p, name: `Item ${p.id}`, type: 'weapon', flags: itemFlags })),
  ),
  action(
    'core:create-item',
    fc
      .record({ id: pick(['i2', 'i3']), actorId: pick(ANY_ACTOR) })
      .map((p) => ({ ...p, name: `Gear ${p.id}`, type: 'gear', data: { weight: 1 } })),
  ),
  action(
    'core:create-item',
    fc.record({ id: pick(LIBRARY_ITEMS) }).map((p) => ({
      ...p,
      name: `${SECRET_MARKERS.libraryItem} ${p.id}`,
      type: 'weapon',
    })),
  ),
  action(
    'core:update-item',
    fc.record({
      itemId: pick(ITEMS),
      patch: fc.oneof(
        fc.record({ name: pick(['Axe', 'Bow']) }),
        fc.record({ sort: fc.integer({ min: 0, max: 5 }) }),
      ),
    }),
  ),
  action(
    'core:update-item',
    fc.record({
      itemId: pick(LIBRARY_ITEMS),
      patch: fc.constant({ name: `${SECRET_MARKERS.libraryItem} renamed` }),
    }),
  ),
  // Only on weapons: their type hides the canary.
  action(
    'core:update-item',
    fc.record({ itemId: pick(['i1']), patch: itemData.map((data) => ({ data })) }),
  ),
  action(
    'core:move-item',
    fc.record({
      itemId: pick(ITEMS),
      actorId: pick([...ANY_ACTOR, null]),
      sort: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    }),
  ),
  action('core:delete-item', fc.record({ itemId: pick([...ITEMS, ...LIBRARY_ITEMS]) })),
);

/** Actions that never reveal secret material. */
const actions: fc.Arbitrary<TableAction> = fc.oneof(
  action(
    'core:create-scene',
    fc.record({ id: pick(SCENES), name: fc.constant('Map'), hidden: fc.boolean() }),
  ),
  action(
    'core:update-scene',
    fc.record({ sceneId: pick(SCENES), patch: fc.record({ hidden: fc.boolean() }) }),
  ),
  action('core:delete-scene', fc.record({ sceneId: pick(SCENES) })),
  action(
    'core:paint-fog',
    fc.record({ sceneId: pick(SCENES), mode: pick(['reveal', 'hide'] as const), shape }),
  ),
  action(
    'core:configure-fog',
    fc.record({ sceneId: pick(SCENES), enabled: fc.boolean(), clear: fc.boolean() }),
  ),
  action(
    'core:create-token',
    fc
      .record({
        id: pick(TOKENS),
        sceneId: pick(SCENES),
        x: coord,
        y: coord,
        actorId: pick(ANY_ACTOR),
        hidden: fc.boolean(),
      })
      .map((p) => ({ ...p, name: `Token ${p.id}` })),
  ),
  action(
    'core:create-token',
    fc.record({ id: pick(HIDDEN_TOKENS), sceneId: pick(SCENES), x: coord, y: coord }).map((p) => ({
      ...p,
      name: `${SECRET_MARKERS.hiddenToken} ${p.id}`,
      hidden: true,
    })),
  ),
  action(
    'core:move-token',
    fc.record({ tokenId: pick([...TOKENS, ...HIDDEN_TOKENS]), x: coord, y: coord }),
  ),
  action(
    'core:update-token',
    fc.record({
      tokenId: pick(TOKENS),
      patch: fc.oneof(
        fc.record({ hidden: fc.boolean() }),
        fc.record({ rotation: fc.integer({ min: 0, max: 90 }) }),
        fc.record({ sceneId: pick(SCENES) }),
        fc.record({ actorId: pick(ANY_ACTOR) }),
        fc.record({ name: pick(['Scout', 'Guard']) }),
      ),
    }),
  ),
  action(
    'core:update-token',
    fc.record({
      tokenId: pick(HIDDEN_TOKENS),
      patch: fc.constant({ name: `${SECRET_MARKERS.hiddenToken} renamed` }),
    }),
  ),
  action('core:delete-token', fc.record({ tokenId: pick([...TOKENS, ...HIDDEN_TOKENS]) })),
  action(
    'core:create-actor',
    fc
      .record({
        id: pick(ACTORS),
        ownership: fc.dictionary(pick(PLAYERS), level, { maxKeys: 2 }),
        defaultOwnership: level,
      })
      .map((p) => ({ ...p, name: `Actor ${p.id}`, type: 'npc' })),
  ),
  action(
    'core:update-actor',
    fc.record({
      actorId: pick(ACTORS),
      patch: fc.oneof(
        fc.record({ ownership: fc.dictionary(pick(PLAYERS), level, { maxKeys: 2 }) }),
        fc.record({ defaultOwnership: level }),
        fc.record({ data: fc.record({ hp: fc.integer({ min: 0, max: 20 }) }) }),
      ),
    }),
  ),
  action(
    'core:create-actor',
    fc.record({ id: pick(HIDDEN_ACTORS) }).map((p) => ({
      ...p,
      name: `${SECRET_MARKERS.hiddenActor} ${p.id}`,
      type: 'npc',
      defaultOwnership: 'none' as const,
    })),
  ),
  action('core:delete-actor', fc.record({ actorId: pick(ANY_ACTOR) })),
  action(
    'core:create-note',
    fc.record({ id: pick(NOTES), sceneId: pick(SCENES), x: coord, y: coord }).map((p) => ({
      ...p,
      title: 'Public note',
      text: 'Everyone may read this',
      visibility: 'public' as const,
    })),
  ),
  action(
    'core:create-note',
    fc.record({ id: pick(GM_NOTES), sceneId: pick(SCENES), x: coord, y: coord }).map((p) => ({
      ...p,
      title: `${SECRET_MARKERS.gmNote} title`,
      text: `${SECRET_MARKERS.gmNote} ${p.id}`,
      visibility: 'gm' as const,
    })),
  ),
  action(
    'core:update-note',
    fc.record({ noteId: pick(NOTES), patch: fc.record({ x: coord, y: coord }) }),
  ),
  action('core:delete-note', fc.record({ noteId: pick([...NOTES, ...GM_NOTES]) })),
  action('core:start-combat', fc.record({ sceneId: pick(SCENES) })),
  action('core:end-combat', fc.constant({})),
  action(
    'core:add-combatant',
    fc.record({
      id: pick(COMBATANTS),
      tokenId: pick([...TOKENS, ...HIDDEN_TOKENS]),
      hidden: fc.boolean(),
    }),
  ),
  action(
    'core:add-combatant',
    fc.record({ id: pick(COMBATANTS), actorId: pick(ANY_ACTOR), hidden: fc.boolean() }),
  ),
  action(
    'core:update-combatant',
    fc.record({
      combatantId: pick(COMBATANTS),
      patch: fc.oneof(fc.record({ hidden: fc.boolean() }), fc.record({ defeated: fc.boolean() })),
    }),
  ),
  action('core:remove-combatant', fc.record({ combatantId: pick(COMBATANTS) })),
  action(
    'core:set-initiative',
    fc.record({ combatantId: pick(COMBATANTS), initiative: fc.integer({ min: 1, max: 20 }) }),
  ),
  action(
    'core:roll-initiative',
    fc.record({ combatantId: pick(COMBATANTS), formula: fc.constant('1d20') }),
  ),
  action('core:next-turn', fc.constant({})),
  action(
    'core:add-effect',
    fc.record({
      target,
      id: pick(['fx1', 'fx2']),
      label: fc.constant('Blessed'),
      statuses: fc.constant(['blessed']),
      duration,
    }),
  ),
  action(
    'core:add-effect',
    fc.record({ target, duration }).map((p) => ({
      ...p,
      id: 'gfx-1',
      label: 'SECRETEFFECT curse',
      origin: 'SECRETEFFECT origin',
      hidden: true,
    })),
  ),
  action('core:remove-effect', fc.record({ effectId: pick(EFFECTS) })),
  action('core:advance-time', fc.record({ seconds: pick([6, 30, 60]) })),
  action(
    'core:update-campaign',
    fc.record({ settings: fc.record({ roundSeconds: pick([0, 6, 60]) }) }),
  ),
  action('core:delete-timeline-entry', fc.record({ entryId: pick(ENTRIES) })),
  action('core:send-message', fc.record({ text: fc.constant('Hello all') })),
  action(
    'core:send-message',
    fc.record({ text: fc.constant('Roll!'), roll: fc.constant('2d6'), blind: fc.boolean() }),
  ),
  action(
    'core:send-message',
    fc
      .record({ whisper: fc.array(pick(PLAYERS), { minLength: 1, maxLength: 1 }) })
      .map((p) => ({ ...p, text: `WHISPERTO:${p.whisper.join(',')}` })),
  ),
  action(
    'core:create-timeline-entry',
    fc
      .record({
        id: pick(ENTRIES),
        links: fc.array(link, { maxLength: 2 }),
        visibility: pick(['public', 'gm'] as const),
      })
      .map((p) => ({ ...p, title: 'An event', date: { value: 1, label: 'Day 1' } })),
  ),
  action(
    'core:update-timeline-entry',
    fc.record({
      entryId: pick(ENTRIES),
      patch: fc.record({ links: fc.array(link, { maxLength: 2 }) }),
    }),
  ),
  action(
    'core:set-member',
    fc.record({ userId: pick(PLAYERS), role: pick(['player', 'observer'] as const) }).map((p) => ({
      ...p,
      name: p.userId,
    })),
  ),
  action(
    'core:update-campaign',
    fc.record({ settings: fc.record({ chatLimit: fc.integer({ min: 1, max: 4 }) }) }),
  ),
  // Undo often, so that players undo after hidden changes and deletions.
  action('core:undo', fc.constant({})),
  action('core:undo', fc.constant({})),
  action('core:undo', fc.constant({})),
  { arbitrary: visibilityActions, weight: 4 },
  { arbitrary: itemActions, weight: 6 },
  { arbitrary: journalActions, weight: 2 },
  { arbitrary: markActions, weight: 4 },
);

const user = fc.oneof(
  { arbitrary: fc.constant(USERS.gm), weight: 2 },
  { arbitrary: pick([USERS.p1, USERS.p2, USERS.obs]), weight: 2 },
);

/**
 * What players do to their own things (p1 owns a1's token t1 and combatant
 * c1, p2 owns t2), then undo, often after hidden changes by the GM.
 */
const playerActions: fc.Arbitrary<TableAction> = fc.oneof(
  action('core:move-token', fc.record({ tokenId: pick(['t1', 't2']), x: coord, y: coord })),
  action(
    'core:set-initiative',
    fc.record({ combatantId: pick(['c1', 'c3']), initiative: fc.integer({ min: 1, max: 20 }) }),
  ),
  action(
    'core:add-effect',
    fc.record({
      target: fc.oneof(
        pick(['t1', 't2']).map((id) => ({ collection: 'tokens' as const, id })),
        pick(['a1', 'a2']).map((id) => ({ collection: 'actors' as const, id })),
      ),
      id: pick(['fx1', 'fx2']),
      label: fc.constant('Haste'),
      duration: fc.constant({ unit: 'rounds' as const, rounds: 2 }),
    }),
  ),
  action('core:remove-effect', fc.record({ effectId: pick(['fx1', 'fx2']) })),
  action(
    'core:create-note',
    fc.record({ id: pick(NOTES), sceneId: pick(SCENES), x: coord, y: coord }).map((p) => ({
      ...p,
      title: 'My note',
    })),
  ),
  action('core:update-note', fc.record({ noteId: pick(NOTES), patch: fc.record({ x: coord }) })),
  action('core:delete-note', fc.record({ noteId: pick(NOTES) })),
  action(
    'core:create-item',
    fc
      .record({ id: pick(ITEMS), actorId: pick(['a1', 'a2']) })
      .map((p) => ({ ...p, name: 'My item', type: 'weapon', data: { dmg: 1 } })),
  ),
  action(
    'core:update-item',
    fc.record({
      itemId: pick(ITEMS),
      patch: fc.oneof(
        fc.record({ data: fc.record({ dmg: fc.integer({ min: 0, max: 9 }) }) }),
        fc.record({ name: fc.constant('Mine') }),
      ),
    }),
  ),
  action('core:move-item', fc.record({ itemId: pick(ITEMS), actorId: pick(['a1', 'a2', null]) })),
  action('core:delete-item', fc.record({ itemId: pick(ITEMS) })),
  action(
    'core:create-timeline-entry',
    fc
      .record({ id: pick(ENTRIES), links: fc.array(link, { maxLength: 2 }) })
      .map((p) => ({ ...p, title: 'We did it', date: { value: 2, label: 'Day 2' } })),
  ),
  action(
    'core:update-timeline-entry',
    fc.record({
      entryId: pick(ENTRIES),
      patch: fc.record({ links: fc.array(link, { maxLength: 2 }) }),
    }),
  ),
  action('core:undo', fc.constant({})),
  action('core:undo', fc.constant({})),
  { arbitrary: playerJournalActions, weight: 2 },
  { arbitrary: playerMarkActions, weight: 2 },
);

/**
 * One step: who sends which action (GMs send half of them; players also act
 * on their own things), or now and then an event a host commits without an
 * action (the visibility policy). Only GMs' creates choose ids: others' are
 * sent without, their pool id as the step's `name` (`asSent`).
 */
export const stepArbitrary: fc.Arbitrary<{
  userId: string;
  action?: TableAction;
  draft?: EventDraft;
  name?: string;
}> = fc.oneof(
  { arbitrary: fc.record({ userId: user, action: actions }).map(asSent), weight: 30 },
  {
    arbitrary: fc.record({ userId: pick([USERS.p1, USERS.p2]), action: playerActions }).map(asSent),
    weight: 10,
  },
  { arbitrary: fc.record({ userId: user, draft: policyDraft }), weight: 1 },
  {
    arbitrary: fc.record({ userId: fc.constant(USERS.gm), action: gmSecretJournalActions }),
    weight: 1,
  },
  { arbitrary: fc.record({ userId: user, action: rollTableActions }).map(asSent), weight: 2 },
  {
    arbitrary: fc
      .record({ userId: pick([USERS.p1, USERS.p2]), action: playerRollTableActions })
      .map(asSent),
    weight: 1,
  },
  {
    arbitrary: fc.record({ userId: fc.constant(USERS.gm), action: gmSecretMarkActions }),
    weight: 1,
  },
);

/** A sequence of steps. */
export const stepsArbitrary = fc.array(stepArbitrary, {
  minLength: 10,
  maxLength: 60,
  size: 'max',
});
