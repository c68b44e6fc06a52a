import type { DiceCompare, DiceKeep } from './ast.js';
import { matches } from './compare.js';

/**
 * Which of `values` a keep/drop modifier removes, as one flag per value.
 * Ties go by position: of two equal values the earlier one is kept by `kh`
 * and `kl`, and dropped first by `dh` and `dl`.
 */
export function droppedByKeep(values: readonly number[], keep: DiceKeep): boolean[] {
  const n = values.length;
  const high = keep.mode === 'kh' || keep.mode === 'dh';
  const order = n <= 64 ? insertionOrder(values, high) : sortedOrder(values, high);
  const keeping = keep.mode === 'kh' || keep.mode === 'kl';
  const dropped = new Array<boolean>(n).fill(keeping);
  const chosen = Math.min(keep.count, n);
  for (let i = 0; i < chosen; i++) dropped[order[i]!] = !keeping;
  return dropped;
}

/** Indices of `values` by value (highest first when `high`), ties in index order. */
function sortedOrder(values: readonly number[], high: boolean): number[] {
  const order = values.map((_, i) => i);
  return order.sort((a, b) => (high ? values[b]! - values[a]! : values[a]! - values[b]!) || a - b);
}

/** {@link sortedOrder} for a few values, without a comparator call per step. */
function insertionOrder(values: readonly number[], high: boolean): number[] {
  const order = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    let j = i;
    while (j > 0) {
      const before = values[order[j - 1]!]!;
      if (high ? before >= value : before <= value) break;
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = i;
  }
  return order;
}

/** Something that can meet a success or failure target: a die or a pool group. */
export interface Countable {
  readonly value: number;
  dropped: boolean;
  success: boolean;
  failure: boolean;
}

/** Tally of {@link countOutcomes}. */
export interface Outcome {
  readonly value: number;
  readonly successes: number;
  readonly failures: number;
  readonly counting: boolean;
}

/**
 * Sums the items that count (`isCounted`, not dropped), or, with a success
 * or failure target, marks and counts them instead: the value is then
 * successes minus failures.
 */
export function countOutcomes(
  items: readonly Countable[],
  isCounted: (item: Countable) => boolean,
  success: DiceCompare | undefined,
  failure: DiceCompare | undefined,
): Outcome {
  const counting = success !== undefined || failure !== undefined;
  let value = 0;
  let successes = 0;
  let failures = 0;
  for (const item of items) {
    if (item.dropped || !isCounted(item)) continue;
    if (!counting) {
      value += item.value;
      continue;
    }
    if (success !== undefined && matches(success, item.value)) {
      item.success = true;
      successes++;
    }
    if (failure !== undefined && matches(failure, item.value)) {
      item.failure = true;
      failures++;
    }
  }
  return { value: counting ? successes - failures : value, successes, failures, counting };
}
