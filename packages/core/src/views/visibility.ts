/**
 * What one member may see of each document. GMs see every document whole;
 * everyone else gets `undefined` for what they may not see and a redacted
 * copy where part of a document is secret. A document with nothing to
 * redact is returned as the same object, which the projection relies on.
 */
import { isPointRevealed } from '../geometry/index.js';
import type {
  ActiveEffect,
  Actor,
  Campaign,
  ChatMessage,
  Combat,
  Combatant,
  DocLink,
  Item,
  Member,
  Note,
  Scene,
  TimelineEntry,
  Token,
} from '../model/documents.js';
import type { Drawing, MeasuredTemplate } from '../model/scene-marks.js';
import type { DocRef, TableDocs } from '../model/state.js';
import type { RollTable } from '../model/roll-tables.js';
import { getDoc } from '../model/doc-refs.js';
import type { VisibilityPolicy } from '../model/visibility-policy.js';
import { actorLevel, ownsToken } from '../permissions/ownership.js';
import { viewJournalDoc } from './journal-visibility.js';
import { viewRollTable } from './roll-table-visibility.js';
import { viewMark } from './scene-mark-visibility.js';
import { viewActor } from './redact-actor.js';
import { viewItem } from './redact-item.js';
import { withViewedFlags } from './redact-flags.js';

/** True when `member` may see `scene` (GMs always, others unless it is hidden). */
export function sceneVisible(scene: Scene | undefined, member: Member): boolean {
  return scene !== undefined && (member.role === 'gm' || !scene.hidden);
}

/**
 * True when `member` sees `token`: not hidden, on a visible scene, and either
 * owned by `member` or standing (its centre) where the scene's fog is revealed.
 */
export function tokenVisible(docs: TableDocs, token: Token, member: Member): boolean {
  if (member.role === 'gm') return true;
  if (token.hidden) return false;
  const scene = docs.scenes.get(token.sceneId);
  if (scene === undefined || scene.hidden) return false;
  if (!scene.fog.enabled || ownsToken(docs, token, member)) return true;
  const half = scene.grid.size / 2;
  return isPointRevealed(scene.fog, scene.grid, {
    x: token.x + token.width * half,
    y: token.y + token.height * half,
  });
}

/** True when `member` sees `note`: public, on a visible scene, and its author or not under fog. */
export function noteVisible(docs: TableDocs, note: Note, member: Member): boolean {
  if (member.role === 'gm') return true;
  if (note.visibility !== 'public') return false;
  const scene = docs.scenes.get(note.sceneId);
  if (scene === undefined || scene.hidden) return false;
  return note.author === member.id || isPointRevealed(scene.fog, scene.grid, note);
}

/** True when `member` may see `actor` at all: `limited` level or more (limited: name and image only). */
export function actorVisible(actor: Actor, member: Member): boolean {
  return actorLevel(actor, member) !== 'none';
}

/** True when `member` may see `actor`'s data (observer level or more), the GM- and owner-only fields aside. */
export function actorDataVisible(actor: Actor, member: Member): boolean {
  const level = actorLevel(actor, member);
  return level !== 'none' && level !== 'limited';
}

/** True when `member` may see the document a timeline link points to. */
export function linkVisible(docs: TableDocs, link: DocLink, member: Member): boolean {
  if (link.collection !== 'timeline') return viewDoc(docs, link, member) !== undefined;
  const entry = docs.timeline.get(link.id); // not viewDoc: entries linking each other would recurse
  return entry !== undefined && (member.role === 'gm' || entry.visibility === 'public');
}

/** The entry as `member` sees it: `undefined` when GM-only, links to unseen documents removed. */
export function viewTimelineEntry(
  docs: TableDocs,
  entry: TimelineEntry,
  member: Member,
): TimelineEntry | undefined {
  if (member.role === 'gm') return entry;
  if (entry.visibility !== 'public') return undefined;
  const links = entry.links.filter((link) => linkVisible(docs, link, member));
  return links.length === entry.links.length ? entry : { ...entry, links };
}

/** True when `member` sees the actor or token `effect` is on. */
function effectTargetVisible(docs: TableDocs, effect: ActiveEffect, member: Member): boolean {
  const { collection, id } = effect.target;
  if (collection === 'tokens') {
    const token = docs.tokens.get(id);
    return token !== undefined && tokenVisible(docs, token, member);
  }
  const actor = docs.actors.get(id);
  return actor !== undefined && actorVisible(actor, member);
}

/**
 * True when `member` sees `effect`: GMs always; others when it is not
 * hidden and they see its target (at `limited` for an actor).
 */
export function effectVisible(docs: TableDocs, effect: ActiveEffect, member: Member): boolean {
  if (member.role === 'gm') return true;
  return !effect.hidden && effectTargetVisible(docs, effect, member);
}

/** True when `member` owns the target of `effect` (GMs own all). */
export function ownsEffectTarget(docs: TableDocs, effect: ActiveEffect, member: Member): boolean {
  if (member.role === 'gm') return true;
  const { collection, id } = effect.target;
  if (collection === 'tokens') {
    const token = docs.tokens.get(id);
    return token !== undefined && ownsToken(docs, token, member);
  }
  const actor = docs.actors.get(id);
  return actor !== undefined && actorLevel(actor, member) === 'owner';
}

/** True when `member` sees `combatant`: not hidden, and its token (if any) is visible. */
export function combatantVisible(docs: TableDocs, combatant: Combatant, member: Member): boolean {
  if (member.role === 'gm') return true;
  if (combatant.hidden) return false;
  if (combatant.tokenId === null) return true;
  const token = docs.tokens.get(combatant.tokenId);
  return token !== undefined && tokenVisible(docs, token, member);
}

/** The combat as `member` sees it: unseen combatants removed, `turn` null when theirs. */
export function viewCombat(docs: TableDocs, combat: Combat, member: Member): Combat {
  if (member.role === 'gm') return combat;
  let combatants: Record<string, Combatant> | undefined;
  for (const id in combat.combatants) {
    const combatant = combat.combatants[id]!;
    if (!combatantVisible(docs, combatant, member)) {
      combatants ??= { ...combat.combatants };
      delete combatants[id];
    }
  }
  if (combatants === undefined) return combat;
  const turn = combat.turn !== null && combat.turn in combatants ? combat.turn : null;
  return { ...combat, combatants, turn };
}

/**
 * The message as `member` sees it: whispers reach their author, recipients
 * and GMs; a blind roll reaches GMs, and its author without the result;
 * module flags as `policy` (the campaign's) declares, the author counting
 * as the message's owner.
 */
export function viewMessage(
  message: ChatMessage,
  member: Member,
  policy: VisibilityPolicy | undefined,
): ChatMessage | undefined {
  if (member.role === 'gm') return message;
  if (message.blind) {
    if (message.author !== member.id) return undefined;
    // Its records and its module data (the card) carry the hidden dice too.
    const { verified: _verified, ...rest } = message;
    return { ...rest, roll: null, flags: {} };
  }
  if (
    message.whisper.length > 0 &&
    message.author !== member.id &&
    !message.whisper.includes(member.id)
  ) {
    return undefined;
  }
  return withViewedFlags(message, policy, message.author === member.id);
}

/**
 * The document at `ref` as `member` sees it, or `undefined` when it does not
 * exist or `member` may not see it. Members and the campaign are public.
 * Module flags and actor data are redacted as the campaign's visibility
 * policy declares (see `viewActor`, `viewFlags`).
 *
 * @example
 * viewDoc(state, { collection: 'tokens', id: 't1' }, player); // undefined when hidden
 */
export function viewDoc(docs: TableDocs, ref: DocRef, member: Member): unknown {
  const seen = visibleDoc(docs, ref, member);
  if (seen === undefined || member.role === 'gm') return seen;
  const policy = docs.campaign.visibility;
  switch (ref.collection) {
    case 'campaign':
    case 'scenes':
      return withViewedFlags(seen as Campaign | Scene, policy, false);
    case 'tokens':
      return withViewedFlags(seen as Token, policy, ownsToken(docs, seen as Token, member));
    case 'notes':
    case 'timeline':
      return withViewedFlags(seen as Note, policy, (seen as Note).author === member.id);
    case 'effects':
      return withViewedFlags(
        seen as ActiveEffect,
        policy,
        ownsEffectTarget(docs, seen as ActiveEffect, member),
      );
    default:
      return seen; // members, combat, folders carry no flags; actors, items, entries, playlists, marks redact their own
  }
}

/** The document at `ref` if `member` may see it, before flags are redacted. */
function visibleDoc(docs: TableDocs, ref: DocRef, member: Member): unknown {
  const doc = getDoc(docs, ref);
  if (doc === undefined || member.role === 'gm') return doc;
  switch (ref.collection) {
    case 'campaign':
    case 'members':
      return doc;
    case 'scenes':
      return sceneVisible(doc as Scene, member) ? doc : undefined;
    case 'tokens':
      return tokenVisible(docs, doc as Token, member) ? doc : undefined;
    case 'actors':
      return viewActor(doc as Actor, member, docs.campaign.visibility);
    case 'items': {
      const item = doc as Item;
      const actor = item.actorId === null ? undefined : docs.actors.get(item.actorId);
      return viewItem(item, actor, member, docs.campaign.visibility);
    }
    case 'notes':
      return noteVisible(docs, doc as Note, member) ? doc : undefined;
    case 'combat':
      return viewCombat(docs, doc as Combat, member);
    case 'timeline':
      return viewTimelineEntry(docs, doc as TimelineEntry, member);
    case 'journal':
    case 'folders':
    case 'playlists':
      return viewJournalDoc(docs, ref.collection, doc, member);
    case 'effects':
      return effectVisible(docs, doc as ActiveEffect, member) ? doc : undefined;
    case 'rollTables':
      return viewRollTable(docs, doc as RollTable, member);
    case 'templates':
    case 'drawings':
      return viewMark(docs, doc as MeasuredTemplate | Drawing, member);
  }
}
