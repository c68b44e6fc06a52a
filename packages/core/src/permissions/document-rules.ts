/**
 * What a player may change, judged on each document an event changes
 * (before and after), so module events and undo pass the same rules as the
 * user's own actions. GMs may change anything; observers nothing.
 */
import { VttError } from '../errors/vtt-error.js';
import type {
  ActiveEffect,
  Actor,
  Combat,
  Combatant,
  Item,
  Member,
  Note,
  TimelineEntry,
  Token,
} from '../model/documents.js';
import { deepEqual } from '../model/json.js';
import type { DocCollection, DocRef, TableDocs } from '../model/state.js';
import { advanceTurn, passTurn } from '../events/combat-turns.js';
import {
  actorVisible,
  combatantVisible,
  effectVisible,
  ownsEffectTarget,
  linkVisible,
  sceneVisible,
  viewDoc,
} from '../views/visibility.js';
import { ref, refKey } from '../model/doc-refs.js';
import { entryRule, mustBeGm } from './journal-rules.js';
import { markRule } from './scene-mark-rules.js';
import { actorLevel, ownsCombatant, ownsToken } from './ownership.js';

/** One changed document as the rules see it: `undefined` before a create, after a delete. */
export interface DocChange {
  readonly docs: TableDocs;
  readonly member: Member;
  readonly collection: DocCollection;
  readonly id: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** Fields a token's owner may change. */
const PLAYER_TOKEN_FIELDS = new Set(['x', 'y', 'elevation', 'rotation', 'bars', 'statuses']);
/** Fields an actor's owner may change. */
const PLAYER_ACTOR_FIELDS = new Set(['name', 'image', 'data', 'flags']);
/** Fields an owner of an item's actor may change (`actorId`: to another actor they own). */
const PLAYER_ITEM_FIELDS = new Set(['name', 'image', 'data', 'flags', 'sort', 'actorId']);
/** Fields the author of a public note may change. */
const PLAYER_NOTE_FIELDS = new Set(['x', 'y', 'title', 'text', 'icon', 'flags']);
/** Fields the author of a public timeline entry may change. */
const PLAYER_ENTRY_FIELDS = new Set(['date', 'category', 'title', 'text', 'links', 'flags']);
/** Fields a combatant's owner may change. */
const PLAYER_COMBATANT_FIELDS = new Set(['initiative']);

const notFound = (collection: string, id: string) =>
  new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', { collection, id });
const gmOnly = (collection: string, what: string) =>
  new VttError('VTT_ERR_PERMISSION_GM_ONLY', { collection, what });

function onlyFields(
  c: DocChange,
  allowed: ReadonlySet<string>,
  before: object,
  after: object,
): void {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (!allowed.has(field) && !deepEqual(b[field], a[field])) {
      throw new VttError('VTT_ERR_PERMISSION_FIELD', { collection: c.collection, id: c.id, field });
    }
  }
}

function tokenRule(c: DocChange, before?: Token, after?: Token): void {
  if (!before || !after) throw gmOnly('tokens', before ? 'delete' : 'create');
  if (!ownsToken(c.docs, before, c.member)) {
    throw new VttError('VTT_ERR_PERMISSION_NOT_OWNER', { collection: 'tokens', id: c.id });
  }
  onlyFields(c, PLAYER_TOKEN_FIELDS, before, after);
}

function actorRule(c: DocChange, before?: Actor, after?: Actor): void {
  if (!before || !after) throw gmOnly('actors', before ? 'delete' : 'create');
  if (actorLevel(before, c.member) !== 'owner') {
    throw new VttError('VTT_ERR_PERMISSION_NOT_OWNER', { collection: 'actors', id: c.id });
  }
  onlyFields(c, PLAYER_ACTOR_FIELDS, before, after);
}

/**
 * Items follow their actor: its owners create, change, reorder and delete
 * the items on it; moving one to another actor needs ownership of both.
 * The library (`actorId: null`) is the GM's.
 */
function itemRule(c: DocChange, before?: Item, after?: Item): void {
  for (const item of [before, after]) {
    if (item === undefined) continue;
    if (item.actorId === null) throw gmOnly('items', 'change the library');
    const actor = c.docs.actors.get(item.actorId);
    if (actor === undefined || !actorVisible(actor, c.member)) {
      throw notFound('actors', item.actorId);
    }
    if (actorLevel(actor, c.member) !== 'owner') {
      throw new VttError('VTT_ERR_PERMISSION_NOT_OWNER', { collection: 'actors', id: actor.id });
    }
  }
  if (before && after) onlyFields(c, PLAYER_ITEM_FIELDS, before, after);
}

/** Notes and timeline entries: players create, edit and delete their own public ones. */
function authoredRule(
  c: DocChange,
  fields: ReadonlySet<string>,
  before?: Note & TimelineEntry,
  after?: Note & TimelineEntry,
): void {
  const doc = (after ?? before)!;
  if (doc.author !== c.member.id || (before && before.author !== c.member.id)) {
    throw new VttError('VTT_ERR_PERMISSION_NOT_OWNER', { collection: c.collection, id: c.id });
  }
  if (after && after.visibility !== 'public') {
    throw new VttError('VTT_ERR_PERMISSION_FIELD', {
      collection: c.collection,
      id: c.id,
      field: 'visibility',
    });
  }
  if (
    after &&
    c.collection === 'notes' &&
    !sceneVisible(c.docs.scenes.get(after.sceneId), c.member)
  ) {
    throw notFound('scenes', after.sceneId);
  }
  // Only links it adds: a GM's links to what the player cannot see may stay.
  for (const link of after?.links ?? []) {
    const kept = before?.links.some((l) => l.collection === link.collection && l.id === link.id);
    if (!kept && !linkVisible(c.docs, link, c.member)) throw notFound(link.collection, link.id);
  }
  if (before && after) onlyFields(c, fields, before, after);
}

function combatRule(c: DocChange, before?: Combat, after?: Combat): void {
  if (!before || !after) throw gmOnly('combat', before ? 'end' : 'start');
  if (before.id !== after.id || before.sceneId !== after.sceneId) throw gmOnly('combat', 'replace');
  if (before.passStep !== after.passStep) throw gmOnly('combat', 'change the initiative passes');
  if (before.round !== after.round || before.turn !== after.turn || before.pass !== after.pass) {
    const current = before.turn === null ? undefined : before.combatants[before.turn];
    const canonical = passTurn(before, advanceTurn(before));
    if (!current || !ownsCombatant(c.docs, current, c.member) || !deepEqual(after, canonical)) {
      throw gmOnly('combat', 'change the turn other than ending your own');
    }
    return;
  }
  for (const id of new Set([...Object.keys(before.combatants), ...Object.keys(after.combatants)])) {
    const b: Combatant | undefined = before.combatants[id];
    const a: Combatant | undefined = after.combatants[id];
    if (b === a) continue;
    if (b && !combatantVisible(c.docs, b, c.member)) throw notFound('combat', id);
    if (!b || !a) throw gmOnly('combat', b ? 'remove a combatant' : 'add a combatant');
    if (!ownsCombatant(c.docs, b, c.member)) {
      throw new VttError('VTT_ERR_PERMISSION_NOT_OWNER', { collection: 'combat', id });
    }
    onlyFields({ ...c, id }, PLAYER_COMBATANT_FIELDS, b, a);
  }
}

/**
 * Effects: whoever may update the target (its owner) adds and removes the
 * non-hidden effects on it; hidden effects are the GM's.
 */
function effectRule(c: DocChange, before?: ActiveEffect, after?: ActiveEffect): void {
  for (const effect of [before, after]) {
    if (effect === undefined) continue;
    const { collection, id } = effect.target;
    const target = collection === 'tokens' ? c.docs.tokens.get(id) : c.docs.actors.get(id);
    if (target === undefined || !effectVisible(c.docs, { ...effect, hidden: false }, c.member)) {
      throw notFound(collection, id);
    }
    if (effect.hidden) throw gmOnly('effects', 'add a hidden effect');
    if (!ownsEffectTarget(c.docs, effect, c.member)) {
      throw new VttError('VTT_ERR_PERMISSION_NOT_OWNER', { collection, id });
    }
  }
}

/** The documents `doc` of `collection` hangs from: its scene, actor or effect target. */
function parentRefs(collection: DocCollection, doc: unknown): DocRef[] {
  if (doc === undefined || doc === null) return [];
  const d = doc as { sceneId?: unknown; actorId?: unknown; target?: DocRef };
  switch (collection) {
    case 'tokens':
    case 'notes':
    case 'templates':
    case 'drawings':
    case 'items': {
      const refs: DocRef[] = [];
      if (typeof d.sceneId === 'string') refs.push(ref('scenes', d.sceneId));
      if (typeof d.actorId === 'string') refs.push(ref('actors', d.actorId));
      return refs;
    }
    case 'effects':
      return d.target ? [d.target] : [];
    default:
      return [];
  }
}

/**
 * Throws unless `change.member` may make `change`. Hidden or unseen
 * documents answer `VTT_ERR_DOCUMENT_NOT_FOUND`, so a rejection never
 * confirms that a secret exists.
 *
 * @example
 * checkDocChange({ docs: state, member, collection: 'tokens', id, before, after });
 */
export function checkDocChange(change: DocChange): void {
  const { member, docs } = change;
  if (member.role === 'gm') return;
  // What the member cannot see answers as missing before any other refusal,
  // so an observer or a player learns nothing by naming a hidden id.
  if (
    change.before !== undefined &&
    viewDoc(docs, ref(change.collection, change.id), member) === undefined
  )
    throw notFound(change.collection, change.id);
  const kept = new Set(parentRefs(change.collection, change.before).map(refKey));
  for (const parent of parentRefs(change.collection, change.after)) {
    if (!kept.has(refKey(parent)) && viewDoc(docs, parent, member) === undefined)
      throw notFound(parent.collection, parent.id);
  }
  if (member.role === 'observer') throw new VttError('VTT_ERR_PERMISSION_OBSERVER');
  const before = change.before as never;
  const after = change.after as never;
  switch (change.collection) {
    case 'tokens':
      return tokenRule(change, before, after);
    case 'actors':
      return actorRule(change, before, after);
    case 'items':
      return itemRule(change, before, after);
    case 'notes':
      return authoredRule(change, PLAYER_NOTE_FIELDS, before, after);
    case 'timeline':
      return authoredRule(change, PLAYER_ENTRY_FIELDS, before, after);
    case 'combat':
      return combatRule(change, before, after);
    case 'journal':
      return entryRule({ docs, member, id: change.id, before, after });
    case 'folders':
    case 'playlists':
      return mustBeGm(docs, member, change.collection, change.id, change.before !== undefined);
    case 'effects':
      return effectRule(change, before, after);
    case 'rollTables':
      throw gmOnly('rollTables', 'change');
    case 'templates':
    case 'drawings':
      return markRule({
        docs,
        member,
        collection: change.collection,
        id: change.id,
        before,
        after,
      });
    case 'scenes':
      throw gmOnly(change.collection, 'change');
    default:
      throw gmOnly(change.collection, 'change');
  }
}
