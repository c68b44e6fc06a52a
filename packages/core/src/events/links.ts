/**
 * Links between documents, and what deleting a document does to the
 * documents that link to it, so that no link ever dangles (a later document
 * with the same id must not inherit it):
 *
 * | link | when its target is deleted |
 * |---|---|
 * | token, note → scene | the token or note is deleted too |
 * | combat → scene | `sceneId` becomes null |
 * | combatant → token | the combatant leaves the combat (the turn passes on) |
 * | token, combatant → actor | `actorId` becomes null |
 * | item → actor | the item is deleted too |
 * | timeline entry → any document | the link is dropped |
 * | journal entry, folder → folder | moved to the deleted folder's parent (`journal-links.ts`) |
 * | effect → actor, token | the effect is deleted too |
 * | roll table result → roll table; roll table → folder | `tableId` becomes null; moved to the parent (`roll-table-links.ts`) |
 * | template, drawing → scene | the template or drawing is deleted too |
 *
 * A token's combatant carries its token's `actorId` and follows it when the
 * token is linked to another actor (`combatantsFollow`).
 *
 * The reducer applies these rules in the deleting event itself, so replay
 * rebuilds them and undo restores what they changed; `relink` applies the
 * same rules to a document that undo brings back after its target went.
 */
import { VttError } from '../errors/vtt-error.js';
import type { DocMap } from '../model/doc-map.js';
import { getDoc, ref, refKey, setDoc } from '../model/doc-refs.js';
import { asDocMap } from '../model/journal-documents.js';
import type {
  ActiveEffect,
  Combat,
  Combatant,
  DocLink,
  Item,
  Note,
  TimelineEntry,
  Token,
} from '../model/documents.js';
import {
  drawingsOf,
  templatesOf,
  type Drawing,
  type MeasuredTemplate,
} from '../model/scene-marks.js';
import type { DocCollection, DocRef, KEYED_COLLECTIONS, TableDocs } from '../model/state.js';
import { withoutCombatant } from './combat-turns.js';
import { journalLinksOf, moveOutOfGoneFolders, withoutCycle } from './journal-links.js';
import { rollTableLinksOf, unlinkFromGone, withoutTableCycle } from './roll-table-links.js';

type Gone = Readonly<
  Record<
    'scenes' | 'tokens' | 'actors' | 'items' | 'notes' | 'timeline' | 'templates' | 'drawings',
    Set<string>
  >
>;

function goneSets(refs: readonly DocRef[]): Gone {
  const gone: Gone = {
    scenes: new Set(),
    tokens: new Set(),
    actors: new Set(),
    items: new Set(),
    notes: new Set(),
    timeline: new Set(),
    templates: new Set(),
    drawings: new Set(),
  };
  for (const r of refs) if (r.collection in gone) gone[r.collection as keyof Gone].add(r.id);
  return gone;
}

/** `map` without the ids in `gone`, then with `change` applied to the rest (same object if nothing changed). */
/** `map` without the `gone` ids, and with `change` applied to the rest when given (a walk). */
function prune<T>(map: DocMap<T>, gone: ReadonlySet<string>, change?: (doc: T) => T): DocMap<T> {
  let out = map;
  for (const id of gone) out = out.delete(id);
  return change === undefined ? out : out.project(change);
}

function isGone(gone: Gone, link: DocLink): boolean {
  return link.collection in gone && gone[link.collection as keyof Gone].has(link.id);
}

function unlinkCombat(combat: Combat, gone: Gone): Combat {
  let out = combat;
  for (const id in combat.combatants) {
    const c = combat.combatants[id]!;
    if (c.tokenId !== null && gone.tokens.has(c.tokenId)) out = withoutCombatant(out, id);
    else if (c.actorId !== null && gone.actors.has(c.actorId)) {
      const unlinked: Combatant = { ...c, actorId: null };
      out = { ...out, combatants: { ...out.combatants, [id]: unlinked } };
    }
  }
  if (out.sceneId !== null && gone.scenes.has(out.sceneId)) out = { ...out, sceneId: null };
  return out;
}

function unlinkEntry(entry: TimelineEntry, gone: Gone): TimelineEntry {
  const links = entry.links.filter((link) => !isGone(gone, link));
  return links.length === entry.links.length ? entry : { ...entry, links };
}

/** The effects of `docs` without those on a gone actor or token (the same map if none). */
function pruneEffects(docs: TableDocs, gone: Gone): TableDocs['effects'] {
  if (gone.tokens.size === 0 && gone.actors.size === 0) return docs.effects;
  let out = docs.effects;
  docs.effects.forEach((e) => {
    if (gone[e.target.collection].has(e.target.id)) out = out.delete(e.id);
  });
  return out;
}

/** The templates and drawings without the gone ones (only the fields that change). */
function pruneMarks(docs: TableDocs, gone: Gone): Partial<TableDocs> {
  const out: { templates?: TableDocs['templates']; drawings?: TableDocs['drawings'] } = {};
  if (gone.templates.size > 0) out.templates = prune(templatesOf(docs), gone.templates);
  if (gone.drawings.size > 0) out.drawings = prune(drawingsOf(docs), gone.drawings);
  return out;
}

/**
 * The top-level fields to spread over `docs` so that the documents at
 * `refs` are gone together with everything the deletion rules remove, and no
 * remaining document links to any of them. Works on a state and on a view
 * alike; touches only documents that link to what goes.
 *
 * @example
 * const patch = removeDocs(state, [ref('scenes', 's1')]); // its tokens, notes, combatants go too
 */
export function removeDocs(docs: TableDocs, refs: readonly DocRef[]): Partial<TableDocs> {
  const gone = goneSets(refs);
  let base = docs; // the combat, members, campaign: nothing links to them
  for (const r of refs) if (!(r.collection in gone)) base = { ...base, ...setDoc(base, r, null) };
  if (gone.scenes.size > 0) {
    base.tokens.forEach((t, id) => void (gone.scenes.has(t.sceneId) && gone.tokens.add(id)));
    base.notes.forEach((n, id) => void (gone.scenes.has(n.sceneId) && gone.notes.add(id)));
    templatesOf(base).forEach(
      (t, id) => void (gone.scenes.has(t.sceneId) && gone.templates.add(id)),
    );
    drawingsOf(base).forEach((d, id) => void (gone.scenes.has(d.sceneId) && gone.drawings.add(id)));
  }
  if (gone.actors.size > 0) {
    base.items.forEach((item, id) => {
      if (item.actorId !== null && gone.actors.has(item.actorId)) gone.items.add(id);
    });
  }
  const next: TableDocs = {
    ...base,
    scenes: prune(base.scenes, gone.scenes),
    actors: prune(base.actors, gone.actors),
    items: prune(base.items, gone.items),
    notes: prune(base.notes, gone.notes),
    tokens: prune(
      base.tokens,
      gone.tokens,
      gone.actors.size === 0
        ? undefined
        : (t: Token) =>
            t.actorId !== null && gone.actors.has(t.actorId) ? { ...t, actorId: null } : t,
    ),
    timeline: prune(base.timeline, gone.timeline, (e) => unlinkEntry(e, gone)),
    combat: base.combat === null ? null : unlinkCombat(base.combat, gone),
    ...moveOutOfGoneFolders(docs, base, refs),
    ...unlinkFromGone(docs, base, refs),
    effects: pruneEffects(base, gone),
    ...pruneMarks(base, gone),
  };
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof TableDocs)[]) {
    if (next[key] !== docs[key]) patch[key] = next[key];
  }
  return patch as Partial<TableDocs>;
}

/**
 * The documents {@link removeDocs} changes or removes, computed on the
 * documents before: the `changes` of every deleting event.
 */
export function removalChanges(docs: TableDocs, refs: readonly DocRef[]): DocRef[] {
  const patch = removeDocs(docs, refs);
  const out: DocRef[] = [];
  const seen = new Set<string>();
  const add = (r: DocRef) => {
    if (!seen.has(refKey(r))) out.push(r);
    seen.add(refKey(r));
  };
  for (const r of refs) add(r);
  const changed = (collection: (typeof KEYED_COLLECTIONS)[number]) => {
    if (patch[collection] === undefined) return;
    const next = asDocMap<unknown>(patch[collection]);
    asDocMap<unknown>(docs[collection]).forEach((doc, id) => {
      if (next.get(id) !== doc) add(ref(collection, id));
    });
  };
  for (const collection of ['scenes', 'actors', 'items', 'tokens', 'notes', 'timeline'] as const)
    changed(collection);
  if (patch.combat !== undefined) add(ref('combat', 'combat'));
  for (const collection of [
    'templates',
    'drawings',
    'folders',
    'journal',
    'rollTables',
    'effects',
  ] as const)
    changed(collection);
  return out;
}

/** The documents `doc`, at `collection`, links to. */
function linksOf(collection: DocCollection, doc: unknown): DocRef[] {
  switch (collection) {
    case 'tokens': {
      const t = doc as Token;
      return [ref('scenes', t.sceneId), ...(t.actorId === null ? [] : [ref('actors', t.actorId)])];
    }
    case 'notes':
      return [ref('scenes', (doc as Note).sceneId)];
    case 'templates':
    case 'drawings':
      return [ref('scenes', (doc as MeasuredTemplate | Drawing).sceneId)];
    case 'items': {
      const actorId = (doc as Item).actorId;
      return actorId === null ? [] : [ref('actors', actorId)];
    }
    case 'combat': {
      const c = doc as Combat;
      const out = c.sceneId === null ? [] : [ref('scenes', c.sceneId)];
      for (const id in c.combatants) {
        const { tokenId, actorId } = c.combatants[id]!;
        if (tokenId !== null) out.push(ref('tokens', tokenId));
        if (actorId !== null) out.push(ref('actors', actorId));
      }
      return out;
    }
    case 'timeline':
      return (doc as TimelineEntry).links.map((l) => ref(l.collection, l.id));
    case 'effects':
      return [ref((doc as ActiveEffect).target.collection, (doc as ActiveEffect).target.id)];
    default:
      return [...journalLinksOf(collection, doc), ...rollTableLinksOf(collection, doc)];
  }
}

/**
 * `doc` as it may be put back at `target` among `docs`: links to documents
 * that no longer exist resolved by the deletion rules (an actor link
 * becomes null, a gone token's combatant and a link to a gone document are
 * dropped). Throws `VTT_ERR_DOCUMENT_NOT_FOUND`, naming what it needs,
 * when `doc` is a token, note, template or drawing whose scene is gone, an item whose actor is
 * gone, or an effect whose actor or token is gone: it cannot exist without it.
 *
 * @example
 * relink(state, ref('tokens', 't1'), token); // actorId null when its actor was deleted
 */
export function relink(docs: TableDocs, target: DocRef, restored: unknown): unknown {
  if (restored == null) return restored;
  const doc = withoutTableCycle(docs, target, withoutCycle(docs, target, restored));
  const missing = linksOf(target.collection, doc).filter((l) => getDoc(docs, l) === undefined);
  if (missing.length === 0) return doc;
  const placed = { ...docs, ...setDoc(docs, target, doc) };
  const out = getDoc({ ...placed, ...removeDocs(placed, missing) }, target);
  if (out === undefined) {
    const needed =
      target.collection === 'items' ? 'actors' : target.collection === 'effects' ? null : 'scenes';
    const gone = missing.find((l) => l.collection === needed) ?? missing[0]!;
    throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', { collection: gone.collection, id: gone.id });
  }
  return out;
}

/**
 * The combat after token `tokenId` is linked from actor `from` to `to`: its
 * combatants that carried `from` carry `to`. `undefined` when none changes.
 *
 * @example
 * combatantsFollow(state.combat, 't1', 'a1', 'a2')?.combatants.c1.actorId; // 'a2'
 */
export function combatantsFollow(
  combat: Combat | null,
  tokenId: string,
  from: string | null,
  to: string | null,
): Combat | undefined {
  if (combat === null || from === to) return undefined;
  let combatants: Record<string, Combatant> | undefined;
  for (const id in combat.combatants) {
    const c = combat.combatants[id]!;
    if (c.tokenId !== tokenId || c.actorId !== from) continue;
    combatants ??= { ...combat.combatants };
    combatants[id] = { ...c, actorId: to };
  }
  return combatants === undefined ? undefined : { ...combat, combatants };
}
