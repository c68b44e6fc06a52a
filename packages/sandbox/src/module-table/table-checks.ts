/**
 * The checks every entry point of a module table makes on its request:
 * who asks, which module answers, what the actor and arguments are.
 */
import {
  actorDataVisible,
  viewDoc,
  VttError,
  type GuestProposal,
  type GuestRejection,
  type GuestUser,
  type ModuleDescription,
} from '@vtt/core';
import type { ModuleSlot } from './module-slot.js';
import type { TableContext } from './table-context.js';

/** The member `userId` as guests see it; throws NOT_MEMBER when they are none. */
export function userOf(ctx: TableContext, userId: string): GuestUser {
  const member = ctx.state.members.get(userId);
  if (member === undefined) throw new VttError('VTT_ERR_PERMISSION_NOT_MEMBER', { userId });
  return { id: member.id, role: member.role };
}

/**
 * Whether a module's rules are suspended at this table: its instance was
 * quarantined (or disposed by a restart that failed). A suspended module
 * takes no part until a GM restarts it.
 */
export function isSuspended(slot: ModuleSlot): boolean {
  return slot.instance.status().state !== 'ready';
}

/** Throws VTT_ERR_MODULE_SUSPENDED, naming the module, when its rules are suspended. */
export function ensureActive(slot: ModuleSlot, what: string): ModuleSlot {
  if (!isSuspended(slot)) return slot;
  const status = slot.instance.status();
  throw new VttError('VTT_ERR_MODULE_SUSPENDED', {
    moduleId: slot.id,
    what,
    failures: status.failuresInRow,
    lastCode: status.lastError?.code ?? 'none',
  });
}

/**
 * Throws VTT_ERR_MODULE_CAPABILITY_UNDECLARED for the first proposal its
 * manifest does not declare (`ctx.say` proposes `core:send-message`).
 * A bundle without a manifest is not checked.
 */
export function checkDeclared(slot: ModuleSlot, proposals: readonly GuestProposal[]): void {
  const declared = slot.capabilities?.propose;
  if (declared === undefined) return;
  for (const proposal of proposals) {
    const type = proposal.kind === 'action' ? proposal.type : 'core:send-message';
    if (declared.has(type) || !type.startsWith('core:')) continue; // non-core: VTT_ERR_MODULE_PROPOSAL
    throw new VttError('VTT_ERR_MODULE_CAPABILITY_UNDECLARED', {
      moduleId: slot.id,
      what: 'proposed',
      name: type,
      pointer: '/capabilities/propose',
    });
  }
}

/**
 * The active module that registered `name` (of `kind`): the one named
 * `moduleId`, or the first that has it. Throws NOT_FOUND / UNKNOWN_NAME
 * otherwise, and SUSPENDED when that module's rules are suspended.
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
    return ensureActive(slot, `${kind} ${name}`);
  }
  for (const slot of ctx.slots.values())
    if (has(slot.description)) return ensureActive(slot, `${kind} ${name}`);
  throw new VttError('VTT_ERR_MODULE_UNKNOWN_NAME', { kind, name });
}

/** Throws VTT_ERR_MODULE_REJECTED when the module's reply is a `ctx.reject`. */
export function throwIfRejected<T extends object>(
  slot: ModuleSlot,
  what: string,
  value: T | GuestRejection,
): asserts value is Exclude<T, GuestRejection> {
  if ('rejected' in value)
    throw new VttError('VTT_ERR_MODULE_REJECTED', {
      moduleId: slot.id,
      what,
      reason: value.rejected.reason,
    });
}

/**
 * Throws NOT_FOUND unless `userId` may see actor `actorId` (as for anything
 * hidden); with `data`, unless they may also see its data (not `limited`).
 */
export function visibleActor(
  ctx: TableContext,
  userId: string,
  actorId: string,
  data = false,
): void {
  const member = ctx.state.members.get(userId);
  const ref = { collection: 'actors', id: actorId } as const;
  if (
    member === undefined ||
    viewDoc(ctx.state, ref, member) === undefined ||
    (data && !actorDataVisible(ctx.state.actors.get(actorId)!, member))
  ) {
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
