/**
 * Caps that keep hostile notation from hanging or exhausting a server. Each
 * cap has its own error code (see docs/reference/dice.md).
 */
export interface DiceLimits {
  /** Longest notation, in characters (`VTT_ERR_DICE_EXPRESSION_TOO_LONG`). */
  readonly maxLength: number;
  /** Deepest nesting of `( { floor(` and unary minus (`VTT_ERR_DICE_NESTING_TOO_DEEP`). */
  readonly maxDepth: number;
  /** Most dice one roll may draw, explosions and rerolls included (`VTT_ERR_DICE_TOO_MANY_DICE`). */
  readonly maxDice: number;
  /** Most sides of one die (`VTT_ERR_DICE_TOO_MANY_SIDES`). */
  readonly maxSides: number;
  /** Longest chain of explosions, or of rerolls, of one die (`VTT_ERR_DICE_EXPLOSION_LIMIT`). */
  readonly maxExplosionDepth: number;
}

/**
 * The limits {@link roll} and {@link parseDice} use unless given others.
 *
 * @example
 * roll('2000d6', { seed: 1, limits: { maxDice: 5000 } }); // raise one cap for a trusted caller
 */
export const DEFAULT_DICE_LIMITS: DiceLimits = Object.freeze({
  maxLength: 1000,
  maxDepth: 32,
  maxDice: 1000,
  maxSides: 1_000_000,
  maxExplosionDepth: 100,
});

/** Fills the caps not given from {@link DEFAULT_DICE_LIMITS}; returns the defaults object itself when none are given. */
export function resolveDiceLimits(limits: Partial<DiceLimits> | undefined): DiceLimits {
  if (limits === undefined) return DEFAULT_DICE_LIMITS;
  return {
    maxLength: limits.maxLength ?? DEFAULT_DICE_LIMITS.maxLength,
    maxDepth: limits.maxDepth ?? DEFAULT_DICE_LIMITS.maxDepth,
    maxDice: limits.maxDice ?? DEFAULT_DICE_LIMITS.maxDice,
    maxSides: limits.maxSides ?? DEFAULT_DICE_LIMITS.maxSides,
    maxExplosionDepth: limits.maxExplosionDepth ?? DEFAULT_DICE_LIMITS.maxExplosionDepth,
  };
}

/** A short key that tells limit sets apart, for the parse cache. */
export function limitsKey(limits: DiceLimits): string {
  return `${limits.maxLength},${limits.maxDepth},${limits.maxDice},${limits.maxSides},${limits.maxExplosionDepth}`;
}
