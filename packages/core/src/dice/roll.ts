import { VttError } from '../errors/vtt-error.js';
import { createRng, type Rng } from '../random/rng.js';
import type { DiceNode } from './ast.js';
import { evaluate } from './evaluate.js';
import { DEFAULT_DICE_LIMITS, limitsKey, resolveDiceLimits, type DiceLimits } from './limits.js';
import { RecentCache } from './recent-cache.js';
import { parseWithLimits } from './parse.js';
import { formatValue } from './render.js';
import type { RollResult } from './result.js';
import type { RollContext } from './roll-term.js';
import { rngDiceSource, type DiceSource } from './source.js';

/**
 * How to roll. Give exactly one source of randomness: core never falls back
 * to `Math.random`, so every roll is reproducible and auditable.
 */
export interface RollOptions {
  /** A seeded generator, e.g. the table's; the roll advances it. */
  readonly rng?: Rng;
  /** A seed for a fresh generator: the same seed gives the same roll everywhere. */
  readonly seed?: number | string;
  /** Any dice source: `forcedDiceSource`, `replayDiceSource`, or your own. */
  readonly source?: DiceSource;
  /** Caps to use instead of {@link DEFAULT_DICE_LIMITS}. */
  readonly limits?: Partial<DiceLimits>;
}

/** Parsed trees by notation (and limits); trees in it are never handed out, so never mutated. */
const parsedWithDefaults = new RecentCache<string, DiceNode>(500);
const parsedWithOtherLimits = new RecentCache<string, DiceNode>(100);

function parseCached(notation: string, limits: DiceLimits): DiceNode {
  if (typeof notation !== 'string') return parseWithLimits(notation, limits); // throws
  const defaults = limits === DEFAULT_DICE_LIMITS;
  const cache = defaults ? parsedWithDefaults : parsedWithOtherLimits;
  const key = defaults ? notation : `${limitsKey(limits)}|${notation}`;
  let tree = cache.get(key);
  if (tree === undefined) {
    tree = parseWithLimits(notation, limits);
    cache.set(key, tree);
  }
  return tree;
}

function pickSource(options: RollOptions | undefined): DiceSource {
  const source = options?.source;
  const rng = options?.rng;
  const seed = options?.seed;
  const given =
    (source === undefined ? 0 : 1) + (rng === undefined ? 0 : 1) + (seed === undefined ? 0 : 1);
  if (given !== 1) {
    const names: string[] = [];
    if (rng !== undefined) names.push('rng');
    if (seed !== undefined) names.push('seed');
    if (source !== undefined) names.push('source');
    throw new VttError('VTT_ERR_DICE_RANDOMNESS', {
      given: given === 0 ? 'none' : names.join(' and '),
    });
  }
  if (source !== undefined) return source;
  if (rng !== undefined) return rngDiceSource(rng);
  return rngDiceSource(createRng(seed!));
}

/**
 * Parses (through a small cache) and rolls dice notation. Runs synchronously
 * and draws every die from the one source of randomness given in `options`.
 * Returns a JSON-serialisable {@link RollResult}; its `draws` replay the roll
 * exactly through `replayDiceSource`. Throws a `VttError`
 * (`VTT_ERR_DICE_SYNTAX`, a limit code, `VTT_ERR_DICE_RANDOMNESS`, ...).
 *
 * @example
 * const result = roll('4d6kh3', { seed: 42 });
 * result.total; // 3..18
 * result.text;  // e.g. '4d6kh3 [6, 5, 3, 1d] = 14'
 * roll('10d6>=5', { rng: table.rng }).successes;
 * roll('1d6!', { source: forcedDiceSource([6, 6, 2]) }).total; // 14
 */
export function roll(notation: string, options: RollOptions): RollResult {
  const source = pickSource(options);
  const limits = resolveDiceLimits(options.limits);
  const tree = parseCached(notation, limits);
  const ctx: RollContext = { source, limits, draws: [], terms: [] };
  const root = evaluate(tree, ctx);
  let counting = false;
  let successes = 0;
  let failures = 0;
  for (const term of ctx.terms) {
    if (term.successes === undefined) continue;
    counting = true;
    successes += term.successes;
    failures += term.failures ?? 0;
  }
  const text = `${root.text} = ${formatValue(root.value)}`;
  return counting
    ? { notation, total: root.value, successes, failures, terms: ctx.terms, text, draws: ctx.draws }
    : { notation, total: root.value, terms: ctx.terms, text, draws: ctx.draws };
}
