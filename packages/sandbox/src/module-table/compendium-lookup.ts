/**
 * The pack entries of a table's modules, as core's `core:import-compendium`
 * asks for them: the module table holds its modules' manifests and packs,
 * core holds none.
 */
import type {
  CompendiumEntry,
  CompendiumLookup,
  EmbeddedItemEntry,
  JsonValue,
  ResolvedCompendiumEntry,
} from '@vtt/core';
import { ROLL_TABLE_ENTRY_TYPE } from '@vtt/core';
import type { ModuleBundle } from './module-table-types.js';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** An actor entry's embedded items (`items: [{ name, type, data, image? }]`), as validated at install. */
function embeddedItems(entry: CompendiumEntry): EmbeddedItemEntry[] {
  const items = (entry as { readonly items?: unknown }).items;
  if (!Array.isArray(items)) return [];
  return items.filter(isObject).map((item) => ({
    name: String(item['name']),
    type: String(item['type']),
    data: (item['data'] ?? {}) as JsonValue,
    image: typeof item['image'] === 'string' ? item['image'] : null,
  }));
}

/**
 * The lookup over the packs of `bundles` that came with a manifest and
 * their packs (`ModuleBundle.packs`): an entry by module, pack and entry id,
 * or which of the three is unknown.
 *
 * @example
 * const compendium = compendiumLookup(options.modules);
 * compendium({ module: 'dnd5e', pack: 'spells', entry: 'fireball' }); // { entry: {...} }
 */
export function compendiumLookup(bundles: readonly ModuleBundle[]): CompendiumLookup {
  const modules = new Map<string, Map<string, Map<string, ResolvedCompendiumEntry>>>();
  for (const bundle of bundles) {
    const manifest = bundle.manifest;
    if (manifest === undefined || modules.has(manifest.id)) continue;
    const packs = new Map<string, Map<string, ResolvedCompendiumEntry>>();
    for (const reference of manifest.compendium ?? []) {
      const entries = new Map<string, ResolvedCompendiumEntry>();
      const given = bundle.packs?.[reference.id] ?? [];
      for (const entry of given) {
        const items = reference.documentType === 'actor' ? embeddedItems(entry) : [];
        entries.set(entry.id, {
          documentType: reference.documentType,
          name: entry.name,
          type: reference.documentType === 'rollTable' ? ROLL_TABLE_ENTRY_TYPE : entry.type,
          data: entry.data as JsonValue,
          image: entry.img ?? null,
          ...(items.length > 0 ? { items } : {}),
        });
      }
      packs.set(reference.id, entries);
    }
    modules.set(manifest.id, packs);
  }
  return ({ module, pack, entry }) => {
    const packs = modules.get(module);
    if (packs === undefined) return { missing: 'module' };
    const entries = packs.get(pack);
    if (entries === undefined) return { missing: 'pack' };
    const found = entries.get(entry);
    return found === undefined ? { missing: 'entry' } : { entry: found };
  };
}
