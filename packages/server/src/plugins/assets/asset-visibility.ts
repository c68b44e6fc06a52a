/**
 * Which assets a player or observer may download: those their own
 * projected view (`viewFor`) refers to, `public` ones and their own
 * uploads, and never the background of a fogged scene (that one reaches
 * them only as fog-checked tiles). Worked out once per (campaign, state
 * seq, user) and cached, so a page of 50 token images runs `viewFor` once.
 */
import { journalOf, viewFor, type TableState } from '@vtt/core';
import type { AssetsTable } from '../../persistence/database-schema.js';
import { BoundedCache } from './bounded-cache.js';

const ASSET_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * The asset ids a reference holds: the bare id, or a URL or Markdown that
 * names it (`/api/campaigns/c/assets/<id>`, `![map](asset:<id>)`). Asset ids
 * are random UUIDs; campaign ids in the same URL are harmless extras.
 *
 * @example
 * assetIdsIn('![door](/api/campaigns/c1/assets/0b9f...)'); // ['0b9f...']
 */
export function assetIdsIn(reference: string | null | undefined): string[] {
  if (reference === null || reference === undefined) return [];
  return (reference.match(ASSET_ID) ?? []).map((id) => id.toLowerCase());
}

/** What a viewer's view lets them download. */
export interface VisibleAssets {
  /** Ids referenced by what the view holds. */
  readonly referenced: ReadonlySet<string>;
  /** Ids used as the background of a fogged scene (any scene, seen or not): never served whole. */
  readonly fogged: ReadonlySet<string>;
  /** Ids of the scenes the view holds. */
  readonly scenes: ReadonlySet<string>;
}

/** Ids used as backgrounds of scenes with fog on, in the whole state. */
export function foggedBackgrounds(state: TableState): Set<string> {
  const out = new Set<string>();
  state.scenes.forEach((scene) => {
    if (scene.fog.enabled) for (const id of assetIdsIn(scene.background?.asset)) out.add(id);
  });
  return out;
}

/**
 * The assets `viewerId`'s view of `state` refers to: images of the tokens,
 * actors and items they see, note icons, images and Markdown of the
 * journal entries they see, and backgrounds of the scenes they see that
 * have no fog.
 *
 * @example
 * const { referenced, fogged } = visibleAssets(await app.tables.state(id), user.userId);
 */
export function visibleAssets(state: TableState, viewerId: string): VisibleAssets {
  const referenced = new Set<string>();
  const add = (reference: string | null | undefined): void => {
    for (const id of assetIdsIn(reference)) referenced.add(id);
  };
  const fogged = foggedBackgrounds(state);
  const scenes = new Set<string>();
  if (!state.members.has(viewerId)) return { referenced, fogged, scenes };
  const view = viewFor(state, viewerId);
  view.scenes.forEach((scene) => {
    scenes.add(scene.id);
    if (!scene.fog.enabled) add(scene.background?.asset);
  });
  view.tokens.forEach((token) => add(token.image));
  view.actors.forEach((actor) => add(actor.image));
  view.items.forEach((item) => add(item.image));
  view.notes.forEach((note) => add(note.icon));
  journalOf(view).forEach((entry) => {
    for (const image of entry.images) add(image);
    add(entry.text);
  });
  return { referenced, fogged, scenes };
}

/** Whether a non-GM may download the asset `row` (see the module comment). */
export function playerMaySee(
  row: Pick<AssetsTable, 'id' | 'visibility' | 'uploaded_by'>,
  userId: string,
  visible: VisibleAssets,
): boolean {
  const id = row.id.toLowerCase();
  if (visible.fogged.has(id)) return false;
  return row.visibility === 'public' || row.uploaded_by === userId || visible.referenced.has(id);
}

/**
 * A cache of {@link visibleAssets} by (campaign, state seq, user): a state
 * change makes a new key, old keys age out.
 *
 * @example
 * const cache = new VisibleAssetCache(256);
 * const visible = cache.get(state, campaignId, userId);
 */
export class VisibleAssetCache {
  readonly #entries: BoundedCache<string, VisibleAssets>;
  /** How many times a view was worked out (tests check the cache with it). */
  computed = 0;

  constructor(max = 256) {
    this.#entries = new BoundedCache(max);
  }

  /** The viewer's visible assets in `state`, worked out at most once per seq. */
  get(state: TableState, campaignId: string, userId: string): VisibleAssets {
    const key = `${campaignId}\u0000${state.seq}\u0000${userId}`;
    const known = this.#entries.get(key);
    if (known !== undefined) return known;
    this.computed++;
    return this.#entries.set(key, visibleAssets(state, userId));
  }
}
