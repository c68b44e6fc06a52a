/**
 * The checks every entry point of a module table makes on its request:
 * who asks, which module answers, what the actor and arguments are.
 */
import {
  viewDoc,
  VttError,
  type GuestUser,
  type JsonValue,
  type ModuleDescription,
} from '@vtt/core';
import { rejectionOf } from './guest-replies.js';
import type { ModuleSlot } from './module-slot.js';
import type { TableContext } from './table-context.js';

/** The member `userId` as guests see it; throws NOT_MEMBER when they are none. */
export function userOf(ctx: TableContext, userId: string): GuestUser {
  const member = ctx.state.members[userId];
  if (member === undefined) throw new VttError('VTT_ERR_PERMISSION_NOT_MEMBER', { userId });
  return { id: member.id, role: member.role };
}

/**
 * The module that registered `name` (of `kind`): the one named `moduleId`,
 * or the first that has it. Throws NOT_FOUND / UNKNOWN_NAME otherwise.
 */
export function slotFor(
  ctx: TableContext,
  moduleId: string | undefined,
  kind: string,
  name: string,
  has: (d: ModuleDescription) => boolean,
): ModuleSlot {
  if (moduleId !== undefined) {
    const slot = ctx.slots.get(moduleId);
    if (slot === undefined) throw new VttError('VTT_ERR_MODULE_NOT_FOUND', { moduleId });
    if (!has(slot.description)) throw new VttError('VTT_ERR_MODULE_UNKNOWN_NAME', { kind, name });
    return slot;
  }
  for (const slot of ctx.slots.values()) if (has(slot.description)) return slot;
  throw new VttError('VTT_ERR_MODULE_UNKNOWN_NAME', { kind, name });
}

/** Throws VTT_ERR_MODULE_REJECTED when the module's reply is a `ctx.reject`. */
export function throwIfRejected(slot: ModuleSlot, what: string, value: JsonValue): void {
  const rejection = rejectionOf(value);
  if (rejection)
    throw new VttError('VTT_ERR_MODULE_REJECTED', {
      moduleId: slot.id,
      what,
      reason: rejection.reason,
    });
}

/** Throws NOT_FOUND unless `userId` may see actor `actorId` (as for anything hidden). */
export function visibleActor(ctx: TableContext, userId: string, actorId: string): void {
  const member = ctx.state.members[userId];
  const ref = { collection: 'actors', id: actorId } as const;
  if (member === undefined || viewDoc(ctx.state, ref, member) === undefined) {
    throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', ref);
  }
}

/** The actor a user speaks as: null, or an actor the user can see. */
export function speakerFor(
  ctx: TableContext,
  userId: string,
  speaker: string | null | undefined,
): string | null {
  if (speaker === undefined || speaker === null) return null;
  visibleActor(ctx, userId, speaker);
  return speaker;
}

/** Throws VTT_ERR_ACTION_INVALID for the first schema problem, naming its pointer. */
export function invalidIf(
  problems: readonly { pointer: string; message: string; fix: string }[],
): void {
  const first = problems[0];
  if (first === undefined) return;
  const { pointer, message, fix } = first;
  const problem = message.replace(/\.$/, ''); // the template ends the sentence itself
  throw new VttError('VTT_ERR_ACTION_INVALID', { pointer, problem, fix });
}
