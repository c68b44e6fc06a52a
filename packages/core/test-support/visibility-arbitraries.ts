/**
 * fast-check arbitraries for the visibility policy: actor data and module
 * flags carrying canary strings in GM-only, owner-only and undeclared
 * places, and host steps that change the policy. See VISIBILITY_MARKERS.
 */
import fc from 'fast-check';
import type { TableAction } from '../src/actions/action-types.js';
import type { EventDraft } from '../src/events/event-types.js';
import type { FieldVisibility, VisibilityPolicy } from '../src/model/visibility-policy.js';

const ACTORS = ['a1', 'a2', 'a3'];
const NOTES = ['n1', 'n2'];

/** Canary strings: where each may appear is what the secret scan checks. */
export const VISIBILITY_MARKERS = {
  /** In GM-only actor fields and GM-only or undeclared flags: never in a non-GM's output. */
  gm: 'GMFIELDSECRET',
  /** `OWNERSECRET:<actorId>`: only owners of that actor (and GMs) see it. */
  owner: 'OWNERSECRET:',
  /** `ACTORDATA:<actorId>`: a public field, not seen at `limited` (nor `none`). */
  data: 'ACTORDATA:',
} as const;

const FIELDS: FieldVisibility = {
  properties: {
    gmOnly: { visibility: 'gm' },
    secret: { visibility: 'owner' },
    attacks: { items: { properties: { dc: { visibility: 'gm' } } } },
    spells: { additional: { visibility: 'owner' } },
  },
};

/** Item fields: `gmOnly` holds the GM canary; `note` is owner-only (no canary: items change hands). */
const ITEM_FIELDS: FieldVisibility = {
  properties: { gmOnly: { visibility: 'gm' }, note: { visibility: 'owner' } },
};

/** The policy the property tests start with (the fixture's actors are `character`s). */
export const TEST_POLICY: VisibilityPolicy = {
  actorTypes: { npc: FIELDS, character: FIELDS },
  itemTypes: { weapon: ITEM_FIELDS },
  flags: {
    pub: { visibility: 'viewer', keys: { hidden: 'gm' } },
    own: { visibility: 'owner' },
  },
};

const STRICT_FIELDS: FieldVisibility = {
  properties: {
    gmOnly: { visibility: 'gm' },
    secret: { visibility: 'gm' },
    attacks: { items: { properties: { dc: { visibility: 'gm' } } } },
    spells: { visibility: 'gm' },
  },
};

/** Another policy, for changes: the owner-only field becomes GM-only, `pub` owner-only. */
const STRICTER: VisibilityPolicy = {
  actorTypes: {
    npc: STRICT_FIELDS,
    character: STRICT_FIELDS,
  },
  itemTypes: {
    weapon: { properties: { gmOnly: { visibility: 'gm' }, note: { visibility: 'gm' } } },
  },
  flags: { pub: { visibility: 'owner', keys: { hidden: 'gm' } } },
};

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const action = <T extends TableAction['type']>(type: T, payload: fc.Arbitrary<unknown>) =>
  payload.map((p) => ({ type, payload: p }) as TableAction);

const dataFor = (actorId: string, hp: number) => ({
  hp,
  shown: `${VISIBILITY_MARKERS.data}${actorId}`,
  gmOnly: `${VISIBILITY_MARKERS.gm} ${actorId}`,
  secret: `${VISIBILITY_MARKERS.owner}${actorId}`,
  attacks: [
    { name: 'Bite', dc: `${VISIBILITY_MARKERS.gm} dc` },
    { name: 'Claw', dc: `${VISIBILITY_MARKERS.gm} dc` },
  ],
  spells: { sleep: `${VISIBILITY_MARKERS.owner}${actorId}` },
});

const flagsFor = (actorId: string) => ({
  pub: { shown: 'public flag', hidden: `${VISIBILITY_MARKERS.gm} flag` },
  own: `${VISIBILITY_MARKERS.owner}${actorId}`,
  undeclared: `${VISIBILITY_MARKERS.gm} undeclared`,
});

/** Flags whose owner-only part no player can be told apart by: used where the owner is an author. */
const authoredFlags = {
  pub: { shown: 'public flag', hidden: `${VISIBILITY_MARKERS.gm} flag` },
  undeclared: `${VISIBILITY_MARKERS.gm} undeclared`,
};

/** Actions that put canaries in actor data and flags of actors, notes and messages. */
export const visibilityActions: fc.Arbitrary<TableAction> = fc.oneof(
  action(
    'core:update-actor',
    fc
      .record({ actorId: pick(ACTORS), hp: fc.integer({ min: 0, max: 9 }) })
      .map(({ actorId, hp }) => ({ actorId, patch: { data: dataFor(actorId, hp) } })),
  ),
  action(
    'core:update-actor',
    pick(ACTORS).map((actorId) => ({ actorId, patch: { flags: flagsFor(actorId) } })),
  ),
  action(
    'core:create-actor',
    fc
      .record({
        id: pick(ACTORS),
        defaultOwnership: pick(['none', 'limited', 'observer', 'owner'] as const),
      })
      .map((p) => ({
        ...p,
        name: `Actor ${p.id}`,
        type: 'npc',
        data: dataFor(p.id, 5),
        flags: flagsFor(p.id),
      })),
  ),
  action(
    'core:update-note',
    pick(NOTES).map((noteId) => ({ noteId, patch: { flags: authoredFlags } })),
  ),
  action('core:send-message', fc.constant({ text: 'Card', flags: authoredFlags })),
  action(
    'core:update-roll-table',
    pick(['rt1', 'rtn']).map((tableId) => ({ tableId, patch: { flags: authoredFlags } })),
  ),
);

/** Host steps that set or change the policy; players are refused by `authorize` (removal is tested on its own). */
export const policyDraft: fc.Arbitrary<EventDraft> = pick([TEST_POLICY, STRICTER]).map(
  (policy) => ({ type: 'core:visibility-set', payload: { policy } }) as EventDraft,
);
