/**
 * Reading the effects of a table: the collection (a {@link DocMap}, or its
 * plain JSON form in a replica that came over the wire), an actor's or
 * token's effects, and the statuses effects show on a token.
 */
import type { DocMap } from './doc-map.js';
import { asDocMap } from './journal-documents.js';
import type { ActiveEffect, EffectTarget, Token } from './documents.js';
import type { TableDocs } from './state.js';

/**
 * The effects of `docs` as a {@link DocMap}, whatever form they arrived in
 * (a map, its JSON object, or absent in a table saved before effects).
 *
 * @example
 * effectsOf(JSON.parse(snapshot)).get('fx1')?.label; // 'Blessed'
 */
export function effectsOf(docs: Pick<TableDocs, 'effects'>): DocMap<ActiveEffect> {
  return asDocMap(docs.effects);
}

/**
 * The effects on `target` (an actor or a token), in id order. On a view,
 * only those the viewer sees.
 *
 * @example
 * effectsOn(state, { collection: 'actors', id: 'a1' }).map((e) => e.label); // ['Blessed']
 */
export function effectsOn(docs: Pick<TableDocs, 'effects'>, target: EffectTarget): ActiveEffect[] {
  return effectsOf(docs)
    .filter((e) => e.target.collection === target.collection && e.target.id === target.id)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The status ids to draw on `token`: its own `statuses`, then those of the
 * effects on it and on its actor, each once. Derived when read, never
 * copied into the token.
 *
 * @example
 * shownStatuses(state, state.tokens.t1); // ['prone', 'dnd5e.blessed']
 */
export function shownStatuses(docs: Pick<TableDocs, 'effects'>, token: Token): string[] {
  const out = new Set(token.statuses);
  const on = [
    ...effectsOn(docs, { collection: 'tokens', id: token.id }),
    ...(token.actorId === null ? [] : effectsOn(docs, { collection: 'actors', id: token.actorId })),
  ];
  for (const effect of on) for (const status of effect.statuses) out.add(status);
  return [...out];
}

/** The in-world time of `docs` in seconds (0 for a table saved before the clock). */
export function clockOf(docs: Pick<TableDocs, 'campaign'>): number {
  return docs.campaign.clock ?? 0;
}

/** In-world seconds a combat round lasts in `docs` (`campaign.settings.roundSeconds`, default 6). */
export function roundSecondsOf(docs: Pick<TableDocs, 'campaign'>): number {
  return docs.campaign.settings.roundSeconds ?? 6;
}
