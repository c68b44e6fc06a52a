/**
 * The documents of a table: plain JSON objects stored in `Record<id, Doc>`
 * maps of {@link TableState}. See docs/reference/state-model.md.
 */
import type { RollRecord, RollResult } from '../dice/index.js';
import type { FogState, Grid } from '../geometry/index.js';
import type { Flags, JsonValue } from './json.js';
import type { VisibilityPolicy } from './visibility-policy.js';

/** Campaign roles. A GM sees and may change everything; observers only watch and chat. */
export const ROLES = { gm: 'gm', player: 'player', observer: 'observer' } as const;
/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[keyof typeof ROLES];

/**
 * Per-document ownership levels, from least to most: `limited` sees an
 * actor's name, type and image but not its data or flags; `observer` sees
 * its data except what the system declares GM- or owner-only; `owner` sees
 * all but GM-only data and may change it.
 */
export const OWNERSHIP_LEVELS = {
  none: 'none',
  limited: 'limited',
  observer: 'observer',
  owner: 'owner',
} as const;
/** One of {@link OWNERSHIP_LEVELS}. */
export type OwnershipLevel = (typeof OWNERSHIP_LEVELS)[keyof typeof OWNERSHIP_LEVELS];

/** Who may see a note or timeline entry. */
export const VISIBILITIES = { public: 'public', gm: 'gm' } as const;
/** One of {@link VISIBILITIES}. */
export type Visibility = (typeof VISIBILITIES)[keyof typeof VISIBILITIES];

/** Drawing layers of tokens (display only; `hidden` is what hides a token). */
export const TOKEN_LAYERS = {
  background: 'background',
  tokens: 'tokens',
  overlay: 'overlay',
} as const;
/** One of {@link TOKEN_LAYERS}. */
export type TokenLayer = (typeof TOKEN_LAYERS)[keyof typeof TOKEN_LAYERS];

/** When an effect measured in rounds loses one of them (on its combatant's turn, or each round). */
export const EFFECT_TICKS = {
  /** At the start of its combatant's turn. */
  turnStart: 'turn-start',
  /** At the end of its combatant's turn. */
  turnEnd: 'turn-end',
  /** When a new round begins. */
  roundEnd: 'round-end',
} as const;
/** One of {@link EFFECT_TICKS}. */
export type EffectTick = (typeof EFFECT_TICKS)[keyof typeof EFFECT_TICKS];

/** Campaign-wide settings of the engine (module settings live in `Campaign.flags`). */
export interface CampaignSettings {
  /** Chat messages kept in state; the event log keeps all. */
  readonly chatLimit: number;
  /** Undoable actions remembered per user. */
  readonly undoDepth: number;
  /**
   * In-world seconds a combat round lasts: the clock advances by this much
   * when a round ends (0: combat does not move the clock). Absent: 6.
   */
  readonly roundSeconds?: number;
}

/** The campaign: name, the game system module and add-on modules. */
export interface Campaign {
  readonly id: string;
  readonly name: string;
  /** Id of the game system module, `null` until one is chosen. */
  readonly system: string | null;
  /** Ids of enabled add-on modules. */
  readonly modules: readonly string[];
  readonly settings: CampaignSettings;
  /**
   * In-world time in seconds since the campaign began (a module's calendar
   * formats it). Advanced by `core:advance-time` and by combat rounds;
   * absent in tables made before it existed, which read it as 0.
   */
  readonly clock?: number;
  readonly flags: Flags;
  /**
   * What the loaded modules declare hidden (actor fields, module flags);
   * absent until a module table sets it. Set only by `core:visibility-set`.
   */
  readonly visibility?: VisibilityPolicy;
  /** The dice session: its public commitment, and its seed once revealed. See {@link DiceSession}. */
  readonly dice: DiceSession;
}

/**
 * The public face of the table's dice session. A session starts with the
 * commitment to its secret seed (`seedCommitment(seed)`), which every member
 * sees; when a GM ends it (`core:end-session`) its seed is revealed here and
 * in the `core:dice-session-ended` event, so anyone can re-derive every roll
 * of the session (`rollLog`, `vtt roll --verify`).
 */
export interface DiceSession {
  /** 1 for the table's first session, +1 for each `core:start-session`. */
  readonly session: number;
  /** SHA-256 (hex) of the session's seed, published when the session starts. */
  readonly commitment: string;
  /** The seed, once the session ended; `null` while it runs (then no one may know it). */
  readonly seed: string | null;
}

/** A user's membership of the campaign. */
export interface Member {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}

/** The background image of a scene. */
export interface SceneBackground {
  /** Asset id (content hash) or URL. */
  readonly asset: string;
}

/** A map: background, size in pixels, grid and fog of war. */
export interface Scene {
  readonly id: string;
  readonly name: string;
  readonly background: SceneBackground | null;
  readonly width: number;
  readonly height: number;
  readonly grid: Grid;
  readonly fog: FogState;
  /** Hidden scenes, and everything on them, are seen by GMs only. */
  readonly hidden: boolean;
  readonly flags: Flags;
}

/** A resource bar shown on a token, e.g. hit points. */
export interface ResourceBar {
  readonly value: number;
  readonly max: number;
}

/** A piece on a scene. Ownership comes from its linked actor. */
export interface Token {
  readonly id: string;
  readonly sceneId: string;
  readonly name: string;
  /** Top-left corner in scene pixels. */
  readonly x: number;
  readonly y: number;
  /** Size in grid cells. */
  readonly width: number;
  readonly height: number;
  /** Degrees clockwise. */
  readonly rotation: number;
  /** In the scene's grid units. */
  readonly elevation: number;
  readonly image: string | null;
  readonly layer: TokenLayer;
  /** Hidden tokens are seen by GMs only, owners included. */
  readonly hidden: boolean;
  readonly actorId: string | null;
  readonly bars: Readonly<Record<string, ResourceBar>>;
  /** Status effect ids shown on the token, e.g. `'prone'`. */
  readonly statuses: readonly string[];
  readonly flags: Flags;
}

/** A character, creature or vehicle; `type` and `data` belong to the game module. */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly image: string | null;
  readonly data: JsonValue;
  /** Per-user level; users not listed get `defaultOwnership`. */
  readonly ownership: Readonly<Record<string, OwnershipLevel>>;
  readonly defaultOwnership: OwnershipLevel;
  readonly flags: Flags;
  /** The compendium entry it was imported from (`core:import-compendium`); absent otherwise. */
  readonly source?: DocSource | null;
}

/** Where an imported document came from: a module's compendium pack entry. */
export interface DocSource {
  /** The module id, e.g. `'dnd5e'`. */
  readonly module: string;
  /** The pack id in the module's manifest, e.g. `'spells'`. */
  readonly pack: string;
  /** The entry id in the pack, e.g. `'fireball'`. */
  readonly entry: string;
}

/**
 * A thing of a type the game system declares (weapon, armour, spell, gear,
 * cyberware...); `type` and `data` belong to the module, like an actor's.
 * With `actorId` it is in that actor's inventory and follows the actor's
 * ownership and visibility; with `actorId: null` it is in the GM's library,
 * seen and changed by GMs only.
 */
export interface Item {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly image: string | null;
  readonly data: JsonValue;
  /** The actor whose inventory holds it, or `null` for the GM's library. */
  readonly actorId: string | null;
  /** Position in the inventory, ascending (ties by id). */
  readonly sort: number;
  /** The compendium entry it was imported from, or `null`. */
  readonly source: DocSource | null;
  /** The user who created it; a player's items count toward their share of the table. */
  readonly author: string;
  readonly flags: Flags;
}

/** A map marker with a note; GM notes are seen by GMs only. */
export interface Note {
  readonly id: string;
  readonly sceneId: string;
  readonly x: number;
  readonly y: number;
  readonly title: string;
  readonly text: string;
  readonly icon: string | null;
  readonly visibility: Visibility;
  /** The user who created it; players may edit their own public notes. */
  readonly author: string;
  readonly flags: Flags;
}

/** How long an effect lasts. */
export const EFFECT_UNITS = {
  rounds: 'rounds',
  seconds: 'seconds',
  permanent: 'permanent',
} as const;
/** One of {@link EFFECT_UNITS}. */
export type EffectUnit = (typeof EFFECT_UNITS)[keyof typeof EFFECT_UNITS];

/**
 * The duration of an effect: combat rounds left (ticking on its target's
 * combatant's turn or at each round's end, kept between combats), until the
 * campaign clock reaches `until` (in-world seconds), or until removed.
 */
export type EffectDuration =
  | { readonly unit: 'rounds'; readonly remaining: number; readonly tick: EffectTick }
  | { readonly unit: 'seconds'; readonly until: number }
  | { readonly unit: 'permanent' };

/** Collections an effect may be on. */
export const EFFECT_TARGETS = { actors: 'actors', tokens: 'tokens' } as const;
/** The document an effect is on. */
export interface EffectTarget {
  readonly collection: (typeof EFFECT_TARGETS)[keyof typeof EFFECT_TARGETS];
  readonly id: string;
}

/**
 * A condition or effect on an actor or token, e.g. "Blessed, 10 rounds",
 * in `TableDocs.effects`. Core stores, ticks and expires it; what it does
 * is the game module's (derived data, hooks).
 */
export interface ActiveEffect {
  readonly id: string;
  readonly target: EffectTarget;
  readonly label: string;
  readonly icon: string | null;
  /** Status ids it shows on its token (or its actor's tokens), e.g. `'prone'`. */
  readonly statuses: readonly string[];
  /** What caused it (an actor id, a module id), or `null`. */
  readonly origin: string | null;
  readonly duration: EffectDuration;
  /** Seen by GMs only; only GMs add hidden effects. */
  readonly hidden: boolean;
  readonly flags: Flags;
}

/** One participant of a combat. */
export interface Combatant {
  readonly id: string;
  /**
   * Its own name, or `null` to be called after its token or actor. Never a
   * copy of theirs: read the display name with `combatantName`.
   */
  readonly name: string | null;
  readonly tokenId: string | null;
  readonly actorId: string | null;
  /** `null` until rolled or set; such combatants act last. */
  readonly initiative: number | null;
  /** Hidden combatants are seen by GMs only. */
  readonly hidden: boolean;
  readonly defeated: boolean;
}

/** The running combat of the table. Turn order: initiative descending, then id. */
export interface Combat {
  readonly id: string;
  readonly sceneId: string | null;
  readonly round: number;
  /** Id of the combatant whose turn it is, `null` when there is none. */
  readonly turn: string | null;
  readonly combatants: Readonly<Record<string, Combatant>>;
  /**
   * Initiative passes (Shadowrun-style): after everyone has acted, each
   * combatant's initiative drops by `passStep` and those still above 0 act
   * again, until nobody is; then the round ends. Absent or null: one pass.
   */
  readonly passStep?: number | null;
  /** The current pass of the round, from 1; absent without passes. */
  readonly pass?: number;
}

/** A chat message, optionally with a roll, optionally whispered. */
export interface ChatMessage {
  readonly id: string;
  /** Seq of the event that posted it. */
  readonly seq: number;
  readonly author: string;
  readonly time: number;
  readonly text: string;
  readonly roll: RollResult | null;
  /** Recipients of a whisper (besides author and GMs); empty for a public message. */
  readonly whisper: readonly string[];
  /** A blind roll: only GMs see the result, the author sees that it was made. */
  readonly blind: boolean;
  /** Name the message is spoken as, e.g. a character's name. */
  readonly speaker: string | null;
  readonly flags: Flags;
  /**
   * Set by the host only, never by a user's or a module's payload: who
   * posted the message's rolls (`'core'` or a module id) and where each was
   * drawn. A message without it carries no verified roll, whatever its text
   * or flags say.
   */
  readonly verified?: VerifiedRolls;
}

/** The host's record that the rolls of a message were drawn from the table's generator. */
export interface VerifiedRolls {
  /** `'core'` for core's own rolls, else the id of the module whose rolls they are. */
  readonly by: string;
  /** Every roll the message shows (its `roll` and any in its module's data), as the host drew them. */
  readonly rolls: readonly RollRecord[];
}

/** A date in the game world: a sortable number in the module's calendar and its label. */
export interface InWorldDate {
  readonly value: number;
  readonly label: string;
}

/** Collections a timeline entry may link to. */
export const LINK_COLLECTIONS = {
  scenes: 'scenes',
  tokens: 'tokens',
  actors: 'actors',
  items: 'items',
  notes: 'notes',
  timeline: 'timeline',
} as const;
/** One of {@link LINK_COLLECTIONS}. */
export type LinkCollection = (typeof LINK_COLLECTIONS)[keyof typeof LINK_COLLECTIONS];

/** A link from a timeline entry to a document. */
export interface DocLink {
  readonly collection: LinkCollection;
  readonly id: string;
}

/** An event of the campaign's in-world history. */
export interface TimelineEntry {
  readonly id: string;
  readonly date: InWorldDate;
  readonly category: string;
  readonly title: string;
  readonly text: string;
  /** Links to documents; a viewer sees only links to documents they can see. */
  readonly links: readonly DocLink[];
  readonly visibility: Visibility;
  readonly author: string;
  readonly flags: Flags;
}
