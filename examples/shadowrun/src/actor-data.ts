/**
 * The shape of runner and NPC data, the attribute and skill tables, and one
 * normalised reading of both actor types that every rule works from.
 */
import type { ModuleContext } from '@vtt/sdk';

/** An actor as the SDK hands it to handlers. */
export type Actor = NonNullable<ReturnType<ModuleContext['actor']>>;

/** Any JSON value. */
export type JsonValue = ReturnType<ModuleContext['derived']>;

/** The actor types this system defines. */
export const ACTOR_TYPES = { runner: 'runner', npc: 'npc' } as const;
export type ActorType = (typeof ACTOR_TYPES)[keyof typeof ACTOR_TYPES];

/** Attributes that can be rolled (Essence is a decimal and never rolled). */
export const ATTRIBUTES = {
  body: 'Body',
  agility: 'Agility',
  reaction: 'Reaction',
  strength: 'Strength',
  willpower: 'Willpower',
  logic: 'Logic',
  intuition: 'Intuition',
  charisma: 'Charisma',
  edge: 'Edge',
  magic: 'Magic',
} as const;
export type Attribute = keyof typeof ATTRIBUTES;

/** The three limits that cap hits. */
export const LIMITS = { physical: 'Physical', mental: 'Mental', social: 'Social' } as const;
export type LimitName = keyof typeof LIMITS;

/** Which limit caps a test of an attribute alone (Edge and Magic have none). */
export const ATTRIBUTE_LIMIT: Readonly<Record<Attribute, LimitName | null>> = {
  body: 'physical',
  agility: 'physical',
  reaction: 'physical',
  strength: 'physical',
  willpower: 'mental',
  logic: 'mental',
  intuition: 'mental',
  charisma: 'social',
  edge: null,
  magic: null,
};

/** Each skill with its linked attribute and the limit that usually caps it. */
export const SKILLS = {
  pistols: { label: 'Pistols', attribute: 'agility', limit: 'physical' },
  automatics: { label: 'Automatics', attribute: 'agility', limit: 'physical' },
  longarms: { label: 'Longarms', attribute: 'agility', limit: 'physical' },
  'heavy-weapons': { label: 'Heavy Weapons', attribute: 'agility', limit: 'physical' },
  blades: { label: 'Blades', attribute: 'agility', limit: 'physical' },
  clubs: { label: 'Clubs', attribute: 'agility', limit: 'physical' },
  'unarmed-combat': { label: 'Unarmed Combat', attribute: 'agility', limit: 'physical' },
  throwing: { label: 'Throwing', attribute: 'agility', limit: 'physical' },
  gymnastics: { label: 'Gymnastics', attribute: 'agility', limit: 'physical' },
  running: { label: 'Running', attribute: 'strength', limit: 'physical' },
  sneaking: { label: 'Sneaking', attribute: 'agility', limit: 'physical' },
  piloting: { label: 'Piloting', attribute: 'reaction', limit: 'physical' },
  perception: { label: 'Perception', attribute: 'intuition', limit: 'mental' },
  spellcasting: { label: 'Spellcasting', attribute: 'magic', limit: 'mental' },
  counterspelling: { label: 'Counterspelling', attribute: 'magic', limit: 'mental' },
  summoning: { label: 'Summoning', attribute: 'magic', limit: 'mental' },
  hacking: { label: 'Hacking', attribute: 'logic', limit: 'mental' },
  cybercombat: { label: 'Cybercombat', attribute: 'logic', limit: 'mental' },
  electronics: { label: 'Electronics', attribute: 'logic', limit: 'mental' },
  'first-aid': { label: 'First Aid', attribute: 'logic', limit: 'mental' },
  con: { label: 'Con', attribute: 'charisma', limit: 'social' },
  negotiation: { label: 'Negotiation', attribute: 'charisma', limit: 'social' },
  intimidation: { label: 'Intimidation', attribute: 'charisma', limit: 'social' },
  etiquette: { label: 'Etiquette', attribute: 'charisma', limit: 'social' },
  leadership: { label: 'Leadership', attribute: 'charisma', limit: 'social' },
} as const satisfies Record<string, { label: string; attribute: Attribute; limit: LimitName }>;
export type Skill = keyof typeof SKILLS;

/** Damage marked on the two condition monitors, plus physical overflow. */
export interface DamageState {
  readonly physical: number;
  readonly stun: number;
  readonly overflow: number;
}

/** The metatypes; each has its own natural attribute maxima. */
export const METATYPES = {
  human: 'Human',
  elf: 'Elf',
  dwarf: 'Dwarf',
  ork: 'Ork',
  troll: 'Troll',
} as const;
export type Metatype = keyof typeof METATYPES;

/**
 * A runner or NPC's own data, read the same way whatever its type: natural
 * attributes, before any augmentation (see `statsOf` for what rolls use).
 */
export interface NaturalStats {
  readonly metatype: Metatype;
  readonly attributes: Readonly<Record<Attribute, number>>;
  /** Skill ratings (0 = untrained) and specializations by skill. */
  readonly skills: Readonly<Record<string, { rating: number; specialization: string | null }>>;
  readonly edgeSpent: number;
  readonly damage: DamageState;
}

type Loose = Record<string, unknown>;

const record = (value: unknown): Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : {};

const int = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : fallback;

/** Whether `actor` is a runner or NPC of this system. */
export function isShadowrunActor(actor: Actor): boolean {
  return actor.type === ACTOR_TYPES.runner || actor.type === ACTOR_TYPES.npc;
}

/**
 * Reads a runner's or NPC's own data into {@link NaturalStats}. Runner
 * skills are `{ rating, specialization }`, NPC skills plain ratings; missing
 * values read as 0 (attributes as 1, the metatype as human). Rolls want the
 * augmented numbers of `statsOf` instead.
 *
 * @example
 * const { attributes } = readStats(actor); // attributes.agility === 5
 */
export function readStats(actor: Actor): NaturalStats {
  const data = record(actor.data);
  const raw = record(data['attributes']);
  const attributes = {} as Record<Attribute, number>;
  for (const name of Object.keys(ATTRIBUTES) as Attribute[]) {
    attributes[name] = int(raw[name], name === 'magic' || name === 'edge' ? 0 : 1);
  }
  const skills: Record<string, { rating: number; specialization: string | null }> = {};
  for (const [name, value] of Object.entries(record(data['skills']))) {
    if (typeof value === 'number') {
      skills[name] = { rating: int(value, 0), specialization: null };
    } else {
      const skill = record(value);
      const specialization = skill['specialization'];
      skills[name] = {
        rating: int(skill['rating'], 0),
        specialization:
          typeof specialization === 'string' && specialization !== '' ? specialization : null,
      };
    }
  }
  const damage = record(data['damage']);
  const metatype = data['metatype'];
  return {
    metatype:
      typeof metatype === 'string' && Object.hasOwn(METATYPES, metatype)
        ? (metatype as Metatype)
        : 'human',
    attributes,
    skills,
    edgeSpent: Math.max(0, int(data['edgeSpent'], 0)),
    damage: {
      physical: Math.max(0, int(damage['physical'], 0)),
      stun: Math.max(0, int(damage['stun'], 0)),
      overflow: Math.max(0, int(damage['overflow'], 0)),
    },
  };
}

/**
 * The actor's data with some top-level fields replaced: a whole `data`
 * value for `core:update-actor` (which replaces `data`, not merges it).
 *
 * @example
 * ctx.act('core:update-actor', { actorId, patch: { data: dataWith(actor, { edgeSpent: 1 }) } });
 */
export function dataWith(actor: Actor, fields: Readonly<Record<string, JsonValue>>): JsonValue {
  const data = actor.data;
  const base = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
  return { ...base, ...fields };
}
