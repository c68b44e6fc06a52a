/**
 * Builds the context objects handlers receive inside the sandbox. Dice come
 * from `sandbox.roll`: the host draws them from the table's generator and
 * records each roll, so only those rolls can appear on a roll card.
 */
import {
  itemsOfActor,
  viewDoc,
  effectsOf,
  templatesOf,
  tokensInTemplate,
  VttError,
  type ActiveEffect,
  type Actor,
  type GuestProposal,
  type Item,
  type GuestUser,
  type JsonValue,
  type RollResult,
  type TableDocs,
} from '@vtt/core';
import type { DiceApi, ModuleContext, ProposingContext } from '../context.js';

/** The guest's view of the host's `sandbox` global (see @vtt/sandbox's prelude). */
interface SandboxGlobal {
  roll(notation: string, options?: { label?: string }): RollResult;
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

/** Dice drawn and recorded by the host (`sandbox.roll`). */
export const guestDice: DiceApi = {
  roll(notation, options) {
    const box = sandboxGlobal();
    if (box === undefined) {
      throw new Error(
        'ctx.dice needs the sandbox: run the module through @vtt/sdk/testing or a server.',
      );
    }
    let result: RollResult;
    try {
      result = box.roll(notation, options?.label === undefined ? {} : { label: options.label });
    } catch (error) {
      // Bad notation (often built from a user's input) refuses the request; it is not a fault.
      const code = (error as { code?: unknown } | null)?.code;
      if (typeof code === 'string' && code.startsWith('VTT_ERR_DICE_')) {
        throw new ModuleRejection((error as Error).message, null);
      }
      throw error;
    }
    return result; // the host already put the label in front of the text
  },
};

/** Everything needed to build the contexts of one call. */
export interface ContextScope {
  readonly moduleId: string;
  readonly docs: TableDocs;
  readonly user: GuestUser;
  /** True for derived data: it sees every item whole (the host gates who gets the result). */
  readonly whole?: boolean;
  readonly derive: (actorId: string) => JsonValue;
}

/** The effects on the actor or token `id` (both, should the ids coincide), in id order. */
function effectsOnId(docs: TableDocs, id: string | null | undefined): ActiveEffect[] {
  if (!id) return [];
  return effectsOf(docs)
    .filter((e) => e.target.id === id)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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
    actor: (id) => (id ? (docs.actors.get(id) as Actor | undefined) : undefined),
    items: (actorId) => itemsFor(scope, actorId),
    effects: (id) => effectsOnId(docs, id),
    templateTargets: (templateId) => targetsFor(scope, String(templateId)),
    derived: (actorId) => scope.derive(actorId),
    flags: (doc) => doc.flags[moduleId] as never,
    reject(reason, data) {
      throw new ModuleRejection(String(reason), data);
    },
  };
}

/** Actor `actorId`'s items in order, as the scope's user sees them (see `ModuleContext.items`). */
function itemsFor(scope: ContextScope, actorId: string): Item[] {
  const items = itemsOfActor(scope.docs, String(actorId));
  if (scope.whole === true || scope.user.role === 'gm') return items;
  const member = scope.docs.members.get(scope.user.id);
  if (member === undefined) return [];
  const out: Item[] = [];
  for (const item of items) {
    const seen = viewDoc(scope.docs, { collection: 'items', id: item.id }, member);
    if (seen !== undefined) out.push(seen as Item);
  }
  return out;
}

/** A refusal for a document the user cannot see: `code` as module code would branch on. */
export class NotFoundRejection extends ModuleRejection {
  readonly code = 'VTT_ERR_DOCUMENT_NOT_FOUND';
  constructor(collection: string, id: string) {
    const error = new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', { collection, id });
    super(error.message, { code: error.code, collection, id });
  }
}

/** The tokens template `templateId` hits, as the scope's user sees them (see `ModuleContext.templateTargets`). */
function targetsFor(scope: ContextScope, templateId: string): string[] {
  const { docs, user } = scope;
  const template = templatesOf(docs).get(templateId);
  const all = scope.whole === true || user.role === 'gm';
  const member = docs.members.get(user.id);
  const seen =
    template !== undefined &&
    (all ||
      (member !== undefined &&
        viewDoc(docs, { collection: 'templates', id: templateId }, member) !== undefined));
  if (!seen || !docs.scenes.has(template.sceneId))
    throw new NotFoundRejection('templates', templateId);
  const hit = tokensInTemplate(docs, templateId);
  if (all) return hit;
  return hit.filter((id) => viewDoc(docs, { collection: 'tokens', id }, member!) !== undefined);
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
