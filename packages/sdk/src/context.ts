/**
 * The one context object every handler a module registers receives. New
 * fields are added here, never as new positional arguments, so no handler
 * ever needs a `V2`.
 */
import type {
  ActiveEffect,
  Actor,
  GuestUser,
  Item,
  JsonValue,
  RollOptionsForGuest,
  RollResult,
  TableActionMap,
  TableActionType,
  TableDocs,
} from './core-types.js';

/** Rolling dice from inside a module: draws come from the table's seeded RNG on the host. */
export interface DiceApi {
  /**
   * Rolls engine notation (see docs/reference/dice.md) with the table's RNG.
   *
   * @example
   * const attack = ctx.dice.roll('1d20 + 5');
   * if (attack.dice[0]?.value === 20) critical = true;
   */
  roll(notation: string, options?: RollOptionsForGuest): RollResult;
}

/** What every handler gets. */
export interface ModuleContext {
  /** The id of the module the handler belongs to. */
  readonly moduleId: string;
  /** The module's replica of the table (the viewer's view in the browser). Read-only. */
  readonly state: TableDocs;
  /** Who is acting: the user whose action, roll or command this is. */
  readonly user: GuestUser;
  /** The host's time for this call, in ms since the epoch (constant during the call). */
  readonly now: number;
  /** Dice rolled with the table's RNG. */
  readonly dice: DiceApi;
  /** The actor with `id`, or undefined. */
  actor(id: string | null | undefined): Actor | undefined;
  /**
   * The items in actor `actorId`'s inventory, ordered by `sort` (ties by
   * id), as the calling user may see them: all of them, whole, for GMs and
   * in derived data; for a player only the items of actors whose data they
   * see, without the fields the item type hides from them. Empty for an
   * unknown actor.
   *
   * @example
   * const armour = ctx.items(actorId).find((i) => i.type === 'armor');
   */
  items(actorId: string): readonly Item[];
  /**
   * The effects on the actor or token `id` (conditions, spells, ...), in id
   * order; in the browser only those the viewer sees. A module decides what
   * they do, e.g. in derived data, which is computed from the replica on
   * every call and so follows each added, ticked or expired effect.
   *
   * @example
   * const poisoned = ctx.effects(actorId).some((e) => e.statuses.includes('dnd5e.poisoned'));
   */
  effects(id: string | null | undefined): ActiveEffect[];
  /**
   * The ids of the tokens the measured template `templateId` hits (sorted),
   * by the engine's template geometry (`tokensInTemplate` of @vtt/core: a
   * token is hit when one of the grid cells it occupies has its centre in
   * the template's shape; on gridless scenes when the shape touches it).
   * Only tokens the calling user sees are returned: all of them for GMs
   * and in derived data. A template the user cannot see (a GM-only one, or
   * none with that id) refuses the request with `VTT_ERR_DOCUMENT_NOT_FOUND`
   * as the refusal's `data.code`; catch it to answer otherwise.
   *
   * @example
   * for (const tokenId of ctx.templateTargets(ctx.payload.templateId)) {
   *   const actorId = ctx.state.tokens.get(tokenId)?.actorId;
   * }
   */
  templateTargets(templateId: string): string[];
  /** The module's derived data of an actor (see `derived` in the module definition). */
  derived(actorId: string): JsonValue;
  /** This module's flags on a document: `doc.flags[moduleId]`. */
  flags<T extends JsonValue = JsonValue>(doc: {
    readonly flags: Readonly<Record<string, JsonValue>>;
  }): T | undefined;
  /**
   * Refuses the action on purpose: the user gets `reason`, nothing changes,
   * and the refusal never counts toward the module's quarantine.
   */
  reject(reason: string, data?: JsonValue): never;
}

/**
 * A context that may change the table. Changes are proposals: the host
 * decides each as the acting user, with the same schema and permission
 * checks as the user's own actions, after the handler returns. So a module
 * can never do more than the user could (move another player's token,
 * reveal a hidden one, ...).
 */
export interface ProposingContext extends ModuleContext {
  /**
   * Proposes a core action, decided as the acting user.
   *
   * @example
   * ctx.act('core:update-actor', { actorId, patch: { data: { ...data, hp: hp - damage } } });
   */
  act<T extends TableActionType>(type: T, payload: TableActionMap[T]): void;
  /**
   * Posts a chat message as the acting user, optionally with a roll result
   * and module data for the chat card (stored in `flags[moduleId]`).
   *
   * @example
   * ctx.say(`${hits} hits`, { roll: pool, data: { hits, glitch } });
   */
  say(
    text: string,
    options?: {
      readonly roll?: RollResult;
      readonly whisper?: readonly string[];
      readonly data?: JsonValue;
    },
  ): void;
}

/** Context of a custom action's handler. */
export interface ActionContext<P> extends ProposingContext {
  /** The action's payload, already checked against the action's schema. */
  readonly payload: P;
  /** The full action name, `<moduleId>:<verb-noun>`. */
  readonly type: string;
}

/** Context of a before-hook on a core action. */
export interface BeforeContext extends ModuleContext {
  /** The core action's name, e.g. `core:move-token`. */
  readonly type: string;
  /** The core action's payload. */
  readonly payload: JsonValue;
}

/** Context of an after-hook on committed events. */
export interface AfterContext extends ProposingContext {
  /** The committed event the hook is registered for. */
  readonly event: {
    readonly seq: number;
    readonly type: string;
    readonly author: string;
    readonly payload: JsonValue;
  };
}

/** Context of a derived-data function. */
export interface DeriveContext extends Omit<ModuleContext, 'user' | 'dice' | 'reject'> {
  /** The actor whose data is derived. */
  readonly subject: Actor;
}

/** Context of the initiative model. */
export interface InitiativeContext extends ModuleContext {
  /** The combatant whose initiative is rolled. */
  readonly combatant: {
    readonly id: string;
    readonly name: string;
    readonly actorId: string | null;
    readonly tokenId: string | null;
  };
  /** The combatant's actor, if any. */
  readonly subject: Actor | undefined;
  /** Options the user gave when rolling (e.g. which characteristic), or null. */
  readonly args: JsonValue;
}

/** Context of a named roll. Its outcome is posted to chat; `say` adds more. */
export interface RollContext<A> extends ProposingContext {
  /** The actor rolling, if any. */
  readonly subject: Actor | undefined;
  /** The roll's arguments, checked against its `args` schema. */
  readonly args: A;
}

/** Context of a chat command or macro. */
export interface CommandContext<A> extends ProposingContext {
  /** The text after the command (chat), or the macro's arguments. */
  readonly args: A;
  /**
   * The actor the user speaks as (chosen in the chat box), if any and if the
   * user may see it; for a chat command, often the actor to roll for.
   */
  readonly speaker: Actor | undefined;
}
