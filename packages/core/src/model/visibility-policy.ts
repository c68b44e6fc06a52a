/**
 * The table's visibility policy: which parts of documents only some viewers
 * see, as the loaded modules declare it in their manifests. It lives in the
 * campaign document (`campaign.visibility`), so the server, snapshots,
 * replays and every client replica project with the same policy. Only the
 * `core:visibility-set` event changes it; no action produces that event.
 */

/** Who sees a field of actor data: GMs only, or the actor's owners and GMs. */
export const FIELD_VISIBILITIES = { gm: 'gm', owner: 'owner' } as const;
/** One of {@link FIELD_VISIBILITIES}. */
export type FieldVisibilityLevel = (typeof FIELD_VISIBILITIES)[keyof typeof FIELD_VISIBILITIES];

/**
 * Who sees a module's flags on a document: GMs only, the document's owner
 * (an actor's or token's owners, a note's, entry's or message's author) and
 * GMs, or every viewer who sees the document.
 */
export const FLAG_VISIBILITIES = { gm: 'gm', owner: 'owner', viewer: 'viewer' } as const;
/** One of {@link FLAG_VISIBILITIES}. */
export type FlagVisibilityLevel = (typeof FLAG_VISIBILITIES)[keyof typeof FLAG_VISIBILITIES];

/**
 * The visibility declared at one place of actor data, compiled from the
 * `x-vtt-visibility` keywords of a type's JSON Schema. Only places with a
 * declaration at or below them appear.
 */
export interface FieldVisibility {
  /** The value here is seen only by these viewers. */
  readonly visibility?: FieldVisibilityLevel;
  /** Declarations of named properties of an object. */
  readonly properties?: Readonly<Record<string, FieldVisibility>>;
  /** The declaration of every other property of an object (`additionalProperties`). */
  readonly additional?: FieldVisibility;
  /** The declaration of every element of an array (`items`). */
  readonly items?: FieldVisibility;
}

/** One module's declaration of its flags (`flags` in its manifest). */
export interface FlagVisibility {
  /** Who sees `flags[moduleId]`, and the default for keys not in `keys`. */
  readonly visibility: FlagVisibilityLevel;
  /** Per key of `flags[moduleId]` (an object), who sees it. */
  readonly keys?: Readonly<Record<string, FlagVisibilityLevel>>;
}

/** The compiled declarations of a table's modules. */
export interface VisibilityPolicy {
  /** Field declarations by actor type; types without any are absent. */
  readonly actorTypes: Readonly<Record<string, FieldVisibility>>;
  /**
   * Field declarations by item type, as for actors (an item on an actor
   * follows the actor's ownership); absent when no item type declares any.
   */
  readonly itemTypes?: Readonly<Record<string, FieldVisibility>>;
  /**
   * Flag declarations by module id. Flags under a key no module declares
   * are seen by GMs only.
   */
  readonly flags: Readonly<Record<string, FlagVisibility>>;
}
