/** Reading a table's items: one by id, an actor's inventory in order. */
import type { Item } from './documents.js';
import type { TableDocs } from './state.js';

/** Every item of `docs`, in the collection's order. */
export function allItems(docs: Pick<TableDocs, 'items'>): Item[] {
  return [...docs.items.values()];
}

/** The item `id` of `docs`, or `undefined`. */
export function itemOf(docs: Pick<TableDocs, 'items'>, id: string): Item | undefined {
  return docs.items.get(id);
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
  return docs.items.filter((item) => item.actorId === actorId).sort(compareItems);
}

/** The `sort` that puts a new item last in `actorId`'s inventory: one more than the largest. */
export function nextItemSort(docs: Pick<TableDocs, 'items'>, actorId: string | null): number {
  let max = 0;
  docs.items.forEach((item) => {
    if (item.actorId === actorId && item.sort > max) max = item.sort;
  });
  return Math.floor(max) + 1;
}
