/**
 * Deciding `core:import-compendium`. Core knows no packs: the host (a
 * module table, which holds its modules' manifests and packs) resolves the
 * entry and passes the lookup to `decide` as `DecideOptions.compendium`.
 */
import { VttError } from '../errors/vtt-error.js';
import type { EventDraft } from '../events/event-types.js';
import type { DocSource, Item } from '../model/documents.js';
import { itemOf, nextItemSort } from '../model/item-list.js';
import { rollTablesOf } from '../model/roll-tables.js';
import { rollTableFromEntry } from '../compendium/roll-table-entry.js';
import type { JsonValue } from '../model/json.js';
import { defineActionHandlers } from './action-handler.js';

/** An item embedded in an actor entry of a pack: imported onto the new actor. */
export interface EmbeddedItemEntry {
  readonly name: string;
  readonly type: string;
  readonly data: JsonValue;
  readonly image?: string | null;
}

/** A pack entry as the host resolved it for an import. */
export interface ResolvedCompendiumEntry {
  /** From the pack's reference in the manifest. */
  readonly documentType: 'actor' | 'item' | 'rollTable';
  readonly name: string;
  readonly type: string;
  readonly data: JsonValue;
  /** The entry's image (a module table passes the pack entry's module-relative `img`), or null. */
  readonly image?: string | null;
  /** An actor entry's embedded items, in inventory order. */
  readonly items?: readonly EmbeddedItemEntry[];
}

/**
 * What the host answers for one pack entry: the entry, or which part of
 * the address it does not know (a module not loaded at the table, a pack
 * it does not declare, an entry not in the pack).
 */
export type CompendiumResolution =
  { readonly entry: ResolvedCompendiumEntry } | { readonly missing: 'module' | 'pack' | 'entry' };

/**
 * Resolves `source` to a pack entry; pure, like `decide`. Hosts build it
 * from their modules' packs.
 *
 * @example
 * const compendium: CompendiumLookup = ({ module, pack, entry }) =>
 *   packs.get(module)?.get(pack)?.get(entry) ? { entry: ... } : { missing: 'entry' };
 */
export type CompendiumLookup = (source: DocSource) => CompendiumResolution;

/**
 * Handler of `core:import-compendium`: an actor entry becomes an actor with
 * its embedded items, an item entry an item (on `actorId` or in the
 * library), a roll-table entry a GM-only roll table (`rollTableFromEntry`).
 */
export const IMPORT_ACTIONS = defineActionHandlers({
  'core:import-compendium': ({ state, member, payload: p, newId, compendium }) => {
    const source: DocSource = { module: p.module, pack: p.pack, entry: p.entry };
    const found = compendium?.(source) ?? { missing: 'module' as const };
    if ('missing' in found) {
      throw new VttError('VTT_ERR_COMPENDIUM_NOT_FOUND', { ...source, missing: found.missing });
    }
    const { entry } = found;
    const itemTaken = (id: string) => itemOf(state, id) !== undefined;
    const item = (e: EmbeddedItemEntry, actorId: string | null, sort: number, id?: string) =>
      ({
        id: newId(itemTaken, 'item', id, 'items'),
        name: e.name,
        type: e.type,
        image: e.image ?? null,
        data: e.data,
        actorId,
        sort,
        source,
        author: member.id,
        flags: {},
      }) satisfies Item;
    if (entry.documentType === 'item') {
      const actorId = p.actorId ?? null;
      const created = item(entry, actorId, nextItemSort(state, actorId), p.id);
      return [{ type: 'core:item-created', payload: { item: created } }];
    }
    const table = entry.documentType === 'rollTable';
    if (p.actorId !== undefined) {
      throw new VttError('VTT_ERR_COMPENDIUM_TARGET', {
        ...source,
        actorId: p.actorId,
        kind: table ? 'a roll table' : 'an actor',
        document: table ? 'roll table' : 'actor',
      });
    }
    if (table) {
      const id = newId((x) => rollTablesOf(state).has(x), 'table', p.id, 'rollTables');
      return [
        {
          type: 'core:roll-table-created',
          payload: { table: { id, ...rollTableFromEntry(entry) } },
        },
      ];
    }
    const actorId = newId((id) => state.actors.has(id), 'actor', p.id, 'actors');
    const drafts: EventDraft[] = [
      {
        type: 'core:actor-created',
        payload: {
          actor: {
            id: actorId,
            name: entry.name,
            type: entry.type,
            image: entry.image ?? null,
            data: entry.data,
            ownership: {},
            defaultOwnership: 'none',
            flags: {},
            source,
          },
        },
      },
    ];
    (entry.items ?? []).forEach((e, i) => {
      drafts.push({ type: 'core:item-created', payload: { item: item(e, actorId, i + 1) } });
    });
    return drafts;
  },
});
