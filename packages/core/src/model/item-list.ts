/**
 * Reading a table's items: one by id, an actor's inventory in order. The
 * items collection is a {@link DocMap}; a view parsed from JSON that has
 * not been revived holds its plain `{ id: item }` form, which these read too.
 */
import { DocMap } from './doc-map.js';
import type { Item } from './documents.js';
import type { TableDocs } from './state.js';

type Items = DocMap<Item> | Readonly<Record<string, Item>>;

/** Every item of `docs`, in the collection's order. */
export function allItems(docs: Pick<TableDocs, 'items'>): Item[] {
  const items = docs.items as Items;
  return DocMap.isDocMap(items) ? [...items.values()] : Object.values(items);
}

/** The item `id` of `docs`, or `undefined`. */
export function itemOf(docs: Pick<TableDocs, 'items'>, id: string): Item | undefined {
  const items = docs.items as Items;
  if (DocMap.isDocMap(items)) return items.get(id);
  return Object.hasOwn(items, id) ? items[id] : undefined;
}

/** Orders items by `sort`, then by id. */
export function compareItems(a: Item, b: Item): number {
  return a.sort - b.sort || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The items in the inventory of actor `actorId` (`null`: the GM's library),
 * ordered by `sort`, ties by id.
 *
 * @example
 * itemsOfActor(state, 'a1').map((i) => i.name); // ['Longsword', 'Shield']
 */
export function itemsOfActor(docs: Pick<TableDocs, 'items'>, actorId: string | null): Item[] {
  const items = docs.items as Items;
  const out = DocMap.isDocMap(items)
    ? items.filter((item) => item.actorId === actorId)
    : Object.values(items).filter((item) => item.actorId === actorId);
  return out.sort(compareItems);
}

/** The `sort` that puts a new item last in `actorId`'s inventory: one more than the largest. */
export function nextItemSort(docs: Pick<TableDocs, 'items'>, actorId: string | null): number {
  let max = 0;
  for (const item of allItems(docs))
    if (item.actorId === actorId && item.sort > max) max = item.sort;
  return Math.floor(max) + 1;
}
