/**
 * `defineModule`: the one entry point of a game-system or add-on module.
 */
import type {
  ActionContext,
  AfterContext,
  BeforeContext,
  CommandContext,
  DeriveContext,
  InitiativeContext,
  RollContext,
} from './context.js';
import type { JsonValue, RollOutcome } from './core-types.js';

/**
 * Payload types of custom actions by full name, for autocompletion and type
 * errors. Modules add theirs by declaration merging:
 *
 * @example
 * declare module '@vtt/sdk' {
 *   interface ModuleActions {
 *     'dnd5e:take-rest': { actorId: string; kind: 'short' | 'long' };
 *   }
 * }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleActions {}

/**
 * Argument types of named rolls by name, added by declaration merging like
 * {@link ModuleActions}.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleRolls {}

/** A JSON Schema (draft 2020-12 subset that ajv's strict mode accepts). */
export type JsonSchema = { readonly [key: string]: unknown };

/** A custom action: its payload schema and the handler that proposes events. */
export interface ActionDefinition<P = JsonValue> {
  /** JSON Schema of the payload; the host checks it before the handler runs. */
  readonly schema: JsonSchema;
  /** One line for docs and tooling. */
  readonly description?: string;
  /** Proposes changes with `ctx.act` and `ctx.say`, or refuses with `ctx.reject`. */
  readonly handle: (ctx: ActionContext<P>) => void;
}

/** What a before-hook returns: nothing (go on), or an adjusted payload. */
export type BeforeHookResult = void | { readonly payload: JsonValue };

/** A named roll: typed result from the module's rules. */
export interface RollDefinition<A = JsonValue> {
  /** Shown on buttons and chat cards. */
  readonly label?: string;
  /** JSON Schema of the arguments. */
  readonly args?: JsonSchema;
  /** Rolls with `ctx.dice` and returns the typed outcome (without `name`, filled in by the SDK). */
  readonly roll: (ctx: RollContext<A>) => Omit<RollOutcome, 'name'> & { readonly name?: string };
}

/** A chat command such as `/sr 8 3`: `args` is the text after the command. */
export interface ChatCommandDefinition {
  readonly description?: string;
  readonly run: (ctx: CommandContext<string>) => void;
}

/** A macro a user can run from a hotbar or sheet. */
export interface MacroDefinition {
  readonly label?: string;
  readonly run: (ctx: CommandContext<JsonValue>) => void;
}

/** How the system rolls initiative for one combatant. */
export interface InitiativeModel {
  /**
   * Returns the combatant's initiative: a number where higher acts first.
   * Break ties by adding a fraction (e.g. DEX score / 100), as Foundry does.
   */
  readonly roll: (ctx: InitiativeContext) => number;
  /**
   * Initiative passes: after everyone has acted, initiative drops by this
   * much and those still above 0 act again (Shadowrun: 10). Combats started
   * at a table with this system use it. Omit for one pass per round.
   */
  readonly passStep?: number;
}

type ActionMap = { readonly [K in keyof ModuleActions]?: ActionDefinition<ModuleActions[K]> } & {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly [name: string]: ActionDefinition<any>;
};

type RollMap = { readonly [K in keyof ModuleRolls]?: RollDefinition<ModuleRolls[K]> } & {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly [name: string]: RollDefinition<any>;
};

/** Everything a module registers. Every handler takes one context object. */
export interface ModuleDefinition {
  /** The module's id, as in its manifest. Action names start with `<id>:`. */
  readonly id: string;
  /** Custom actions by full name, `<id>:<verb-noun>`. */
  readonly actions?: ActionMap;
  /** Hooks on core actions (before: veto or adjust) and on committed events (after). */
  readonly hooks?: {
    readonly before?: { readonly [coreAction: string]: (ctx: BeforeContext) => BeforeHookResult };
    readonly after?: { readonly [eventType: string]: (ctx: AfterContext) => void };
  };
  /** Derived data by actor type, e.g. ability modifiers from scores. Pure: no dice, no events. */
  readonly derived?: { readonly [actorType: string]: (ctx: DeriveContext) => JsonValue };
  /** The initiative model of the system. */
  readonly initiative?: InitiativeModel;
  /** Named rolls with typed results. */
  readonly rolls?: RollMap;
  /** Chat commands by name, without the slash. */
  readonly chatCommands?: { readonly [name: string]: ChatCommandDefinition };
  /** Macros by name. */
  readonly macros?: { readonly [name: string]: MacroDefinition };
}

/**
 * Declares a module. An identity function that gives the definition its
 * types; the `vtt` toolchain bundles it with the guest runtime that runs it
 * in the sandbox.
 *
 * @example
 * export default defineModule({
 *   id: 'coin',
 *   actions: {
 *     'coin:flip': {
 *       schema: { type: 'object', additionalProperties: false, properties: {} },
 *       handle: (ctx) => {
 *         const r = ctx.dice.roll('1d2');
 *         ctx.say(r.total === 1 ? 'Heads' : 'Tails', { roll: r });
 *       },
 *     },
 *   },
 *   rolls: {
 *     check: { roll: (ctx) => { const r = ctx.dice.roll('1d20'); return { label: 'Check', total: r.total, rolls: [r] }; } },
 *   },
 * });
 */
export function defineModule<const D extends ModuleDefinition>(definition: D): D {
  return definition;
}

/**
 * Declares one custom action with its payload type inferred from usage.
 *
 * @example
 * const rest = defineAction<{ actorId: string }>({ schema: {...}, handle: (ctx) => {...} });
 */
export function defineAction<P = JsonValue>(definition: ActionDefinition<P>): ActionDefinition<P> {
  return definition;
}
