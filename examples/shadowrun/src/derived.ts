/**
 * Derived data: augmented attributes, Essence, armor, limits, condition
 * monitors, the wound modifier and initiative, all computed from the
 * augmented stats (attributes with cyberware, worn armor) and marked damage.
 */
import type { Attribute } from './actor-data.js';
import type { Stats } from './stats.js';

/** How badly hurt a character is. */
export const STATUS = {
  ok: 'ok',
  unconscious: 'unconscious',
  dying: 'dying',
  dead: 'dead',
} as const;
export type Status = (typeof STATUS)[keyof typeof STATUS];

/** Everything the `derived` schema of the manifest describes. */
export type Derived = {
  /** Augmented attributes (natural + cyberware, capped); Magic after Essence loss. */
  readonly attributes: Readonly<Record<Attribute, number>>;
  /** Attributes whose augmentations were cut to the cap (+4, natural maximum + 4). */
  readonly capped: Attribute[];
  readonly essence: number;
  /** Armor against damage: worn armor and implants. */
  readonly armor: number;
  readonly limits: { readonly physical: number; readonly mental: number; readonly social: number };
  readonly monitors: {
    readonly physical: { readonly value: number; readonly max: number };
    readonly stun: { readonly value: number; readonly max: number };
    /** Boxes of physical overflow a character survives (Body); one more is death. */
    readonly overflow: { readonly value: number; readonly max: number };
  };
  /** Dice lost to wounds (0 or negative): -1 per 3 boxes on each track. */
  readonly woundModifier: number;
  readonly initiative: { readonly base: number; readonly dice: number };
  /** Edge points left to spend this session. */
  readonly edgeLeft: number;
  readonly status: Status;
};

/** Physical, Mental and Social limits. */
export function limitsOf(stats: Pick<Stats, 'attributes' | 'essence'>): Derived['limits'] {
  const a = stats.attributes;
  return {
    physical: Math.ceil((a.strength * 2 + a.body + a.reaction) / 3),
    mental: Math.ceil((a.logic * 2 + a.intuition + a.willpower) / 3),
    social: Math.ceil((a.charisma * 2 + a.willpower + Math.ceil(stats.essence)) / 3),
  };
}

/** Boxes of the physical (8 + ceil(BOD/2)) and stun (8 + ceil(WIL/2)) monitors. */
export function monitorSizes(stats: Stats): { physical: number; stun: number; overflow: number } {
  return {
    physical: 8 + Math.ceil(stats.attributes.body / 2),
    stun: 8 + Math.ceil(stats.attributes.willpower / 2),
    overflow: stats.attributes.body,
  };
}

/**
 * The wound modifier: -1 die per full 3 boxes of damage on each track,
 * added across both tracks (5 physical and 6 stun give -1 + -2 = -3).
 */
export function woundModifier(stats: Stats): number {
  const wounds = Math.floor(stats.damage.physical / 3) + Math.floor(stats.damage.stun / 3);
  return wounds === 0 ? 0 : -wounds;
}

/** Whether the character is up, unconscious (stun full), dying (physical full) or dead. */
export function statusOf(stats: Stats): Status {
  const sizes = monitorSizes(stats);
  if (stats.damage.overflow > sizes.overflow) return STATUS.dead;
  if (stats.damage.physical >= sizes.physical) return STATUS.dying;
  if (stats.damage.stun >= sizes.stun) return STATUS.unconscious;
  return STATUS.ok;
}

/**
 * All derived data of a runner or NPC, as the sheet shows it.
 *
 * @example
 * deriveStats(statsOf(ctx, actor)).limits.physical; // 5
 */
export function deriveStats(stats: Stats): Derived {
  const sizes = monitorSizes(stats);
  return {
    attributes: { ...stats.attributes },
    capped: [...stats.capped],
    essence: stats.essence,
    armor: stats.armor,
    limits: limitsOf(stats),
    monitors: {
      physical: { value: stats.damage.physical, max: sizes.physical },
      stun: { value: stats.damage.stun, max: sizes.stun },
      overflow: { value: stats.damage.overflow, max: sizes.overflow },
    },
    woundModifier: woundModifier(stats),
    initiative: {
      base: stats.attributes.reaction + stats.attributes.intuition,
      dice: stats.initiativeDice,
    },
    edgeLeft: Math.max(0, stats.attributes.edge - stats.edgeSpent),
    status: statusOf(stats),
  };
}
