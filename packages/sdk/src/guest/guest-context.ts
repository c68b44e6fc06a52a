/**
 * Builds the context objects handlers receive inside the sandbox. Dice draw
 * from `sandbox.randomInt`, which the host feeds from the table's seeded RNG.
 */
import {
  isVttError,
  roll,
  type Actor,
  type GuestProposal,
  type GuestUser,
  type JsonValue,
  type RollResult,
  type TableDocs,
} from '@vtt/core';
import type { DiceApi, ModuleContext, ProposingContext } from '../context.js';

/** The guest's view of the host's `sandbox` global (see @vtt/sandbox's prelude). */
interface SandboxGlobal {
  randomInt(bound: number): number;
  now(): number;
}

/** Thrown by `ctx.reject`; turned into a rejection result, never a fault. */
export class ModuleRejection {
  constructor(
    readonly reason: string,
    readonly data: JsonValue | undefined,
  ) {}
}

const sandboxGlobal = (): SandboxGlobal | undefined =>
  (globalThis as { sandbox?: SandboxGlobal }).sandbox;

const diceSource = {
  next(sides: number): number {
    const box = sandboxGlobal();
    if (box === undefined) {
      throw new Error(
        'ctx.dice needs the sandbox: run the module through @vtt/sdk/testing or a server.',
      );
    }
    return 1 + box.randomInt(sides);
  },
};

/** Dice drawing from the host's seeded RNG. */
export const guestDice: DiceApi = {
  roll(notation, options) {
    let result: RollResult;
    try {
      result = roll(notation, { source: diceSource });
    } catch (error) {
      // Bad notation (often built from a user's input) refuses the request; it is not a fault.
      if (isVttError(error) && error.code.startsWith('VTT_ERR_DICE_')) {
        throw new ModuleRejection(error.message, null);
      }
      throw error;
    }
    return options?.label === undefined
      ? result
      : { ...result, text: `${options.label}: ${result.text}` };
  },
};

/** Everything needed to build the contexts of one call. */
export interface ContextScope {
  readonly moduleId: string;
  readonly docs: TableDocs;
  readonly user: GuestUser;
  readonly derive: (actorId: string) => JsonValue;
}

/** The base context of one call. */
export function baseContext(scope: ContextScope): ModuleContext {
  const { moduleId, docs } = scope;
  return {
    moduleId,
    state: docs,
    user: scope.user,
    now: sandboxGlobal()?.now() ?? 0,
    dice: guestDice,
    actor: (id) => (id ? (docs.actors[id] as Actor | undefined) : undefined),
    derived: (actorId) => scope.derive(actorId),
    flags: (doc) => doc.flags[moduleId] as never,
    reject(reason, data) {
      throw new ModuleRejection(String(reason), data);
    },
  };
}

/** A base context whose `act` and `say` collect proposals into `out`. */
export function proposingContext(scope: ContextScope, out: GuestProposal[]): ProposingContext {
  return {
    ...baseContext(scope),
    act(type, payload) {
      out.push({ kind: 'action', type, payload: payload as unknown as JsonValue });
    },
    say(text, options) {
      const roll: RollResult | null = options?.roll ?? null;
      out.push({
        kind: 'message',
        text: String(text),
        roll,
        whisper: [...(options?.whisper ?? [])],
        data: options?.data ?? null,
      });
    },
  };
}
