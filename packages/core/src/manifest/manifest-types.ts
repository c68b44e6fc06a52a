import type { FlagVisibility } from '../model/visibility-policy.js';

/** The kinds of module: a game `system` (one per campaign) or an `addon`. */
export const MODULE_KINDS = ['system', 'addon'] as const;
/** `'system'` or `'addon'`. */
export type ModuleKind = (typeof MODULE_KINDS)[number];

/** The document types a module can declare types, sheets and compendium packs for. */
export const DOCUMENT_TYPES = ['actor', 'item'] as const;
/** `'actor'` or `'item'`. */
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/**
 * The document types of compendium packs: those of {@link DOCUMENT_TYPES},
 * and roll tables (`'rollTable'`), whose packs have no `type`.
 */
export const PACK_DOCUMENT_TYPES = ['actor', 'item', 'rollTable'] as const;
/** `'actor'`, `'item'` or `'rollTable'`. */
export type PackDocumentType = (typeof PACK_DOCUMENT_TYPES)[number];

/** The file name of a module's manifest, at the root of the module folder. */
export const MANIFEST_FILE = 'vtt-module.json';

/** A JSON Schema as parsed JSON. Shipped schemas are checked by `compileDataSchema`. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** One actor or item type of a module, e.g. `character` or `spell`. */
export interface DocumentTypeDefinition {
  /** Shown to people, e.g. `'Player Character'`. */
  readonly label: string;
  /** JSON Schema (draft-07, `type: 'object'`) of a document's `data`. */
  readonly schema: JsonSchema;
  /** JSON Schema of the derived data the module computes, for sheets' `derived` fields. */
  readonly derived?: JsonSchema;
  /** Id of the default sheet (one of the manifest's `sheets`). */
  readonly sheet?: string;
}

/** Where a sheet definition lives in the module. */
export interface SheetReference {
  readonly id: string;
  readonly documentType: DocumentType;
  /** The actor or item type the sheet is for. */
  readonly type: string;
  /** Relative path of the sheet JSON, e.g. `'sheets/character.json'`. */
  readonly path: string;
}

/** A compendium pack: a JSON array of entries of one type. */
export interface CompendiumReference {
  readonly id: string;
  readonly label: string;
  readonly documentType: PackDocumentType;
  /** The actor or item type of every entry; roll-table packs have none. */
  readonly type?: string;
  /** Relative path of the JSON array, e.g. `'packs/spells.json'`. */
  readonly path: string;
}

/** One author of a module. */
export interface ModuleAuthor {
  readonly name: string;
  readonly email?: string;
  readonly url?: string;
  /** What the module may do beyond its own names; see {@link ModuleCapabilities}. */
  readonly capabilities?: ModuleCapabilities;
  /** Which actor data is health, for combat statistics; see {@link CombatDeclaration}. */
  readonly combat?: CombatDeclaration;
}

/**
 * What a module may do at a table beyond its own actions, rolls and
 * commands: the core actions it may propose (`ctx.act`; `ctx.say` proposes
 * `core:send-message`) and the hooks it registers. The host refuses anything
 * else; GMs see it as text (`describeCapabilities`) before enabling the
 * module. Omitted lists are empty.
 */
export interface ModuleCapabilities {
  /** Core action types the module may propose, e.g. `['core:update-actor', 'core:send-message']`. */
  readonly propose?: readonly string[];
  /** The hooks the module registers: core action types (before) and core event types (after). */
  readonly hooks?: { readonly before?: readonly string[]; readonly after?: readonly string[] };
}

/** How a health value changes with harm: see {@link CombatHealthPath}. */
export const HEALTH_KINDS = ['pool', 'damage'] as const;
/** `'pool'` or `'damage'`. */
export type HealthKind = (typeof HEALTH_KINDS)[number];

/**
 * One number of an actor's data that combat statistics follow, e.g. D&D's
 * hit points or a Shadowrun condition monitor.
 *
 * @example
 * const hp: CombatHealthPath = { path: '/hp/value', kind: 'pool', label: 'Hit points' };
 * const stun: CombatHealthPath = { path: '/damage/stun', kind: 'damage', label: 'Stun' };
 */
export interface CombatHealthPath {
  /** JSON pointer into the actor's `data`, e.g. `'/hp/value'`; the schema must make it a number. */
  readonly path: string;
  /**
   * `'pool'`: the number is what is left (hit points, hull), so a decrease is
   * damage and an increase healing. `'damage'`: the number is damage marked
   * (condition boxes, wounds), so an increase is damage and a decrease healing.
   */
  readonly kind: HealthKind;
  /** Shown to people, e.g. `'Hit points'`. */
  readonly label?: string;
  /** The actor types that have the path; all the manifest's actor types when omitted. */
  readonly actorTypes?: readonly string[];
}

/** What the engine needs to know of a system's combat: see `docs/reference/manifest.md`, "Combat". */
export interface CombatDeclaration {
  /** The numbers whose changes are damage and healing in the combat statistics. */
  readonly health: readonly CombatHealthPath[];
}

/** A validated module manifest (`vtt-module.json`); see `docs/reference/manifest.md`. */
export interface ModuleManifest {
  /** Kebab-case, 3-64 characters, e.g. `'dnd5e'` or `'my-system'`. */
  readonly id: string;
  readonly name: string;
  /** Semver, e.g. `'1.0.0'`. */
  readonly version: string;
  readonly kind: ModuleKind;
  /** Semver range of the core API, e.g. `'^0.1.0'`. */
  readonly engine: string;
  /** Module id -> semver range. */
  readonly dependencies?: Readonly<Record<string, string>>;
  /** Relative path of the bundle, e.g. `'dist/module.js'`; data-only modules omit it. */
  readonly entry?: string;
  readonly actorTypes?: Readonly<Record<string, DocumentTypeDefinition>>;
  readonly itemTypes?: Readonly<Record<string, DocumentTypeDefinition>>;
  readonly sheets?: readonly SheetReference[];
  readonly compendium?: readonly CompendiumReference[];
  /** Relative paths or globs, e.g. `'assets/**\/*.webp'`. */
  readonly assets?: readonly string[];
  readonly authors?: readonly ModuleAuthor[];
  /** SPDX expression, e.g. `'MIT'`. */
  readonly license?: string;
  readonly description?: string;
  readonly url?: string;
  /**
   * Who sees this module's `flags[id]` on documents: `{ visibility, keys? }`
   * with `'gm'`, `'owner'` or `'viewer'`. Without it, GMs only.
   */
  readonly flags?: FlagVisibility;
  /** What the module may do beyond its own names; see {@link ModuleCapabilities}. */
  readonly capabilities?: ModuleCapabilities;
  /** Which actor data is health, for combat statistics; see {@link CombatDeclaration}. */
  readonly combat?: CombatDeclaration;
}
