/**
 * `ModuleTable.dispatch`: a core action after the modules' before-hooks, or
 * a module's custom action; then the after-hooks.
 */
import { decide, deepEqual, isVttError, validateAction, VttError, type JsonValue } from '@vtt/core';
import { announceQuarantine } from './quarantine.js';
import { badReply } from './reply-shape.js';
import type { TableChange } from './module-table-types.js';
import { runProposals } from './run-proposals.js';
import { invalidIf, isSuspended, slotFor, userOf } from './table-checks.js';
import type { TableContext } from './table-context.js';

/** The system's initiative passes go into every combat started without its own. */
function withPassStep(ctx: TableContext, payload: JsonValue): JsonValue {
  const system = [...ctx.slots.values()].find((slot) => slot.description.initiative);
  const step = system?.description.initiativePassStep ?? null;
  if (step === null || typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return payload;
  }
  return 'passStep' in payload ? payload : { ...payload, passStep: step };
}

/** Where and why a hook's adjusted payload fails the action's schema, or undefined when it fits. */
function invalidAdjustment(
  type: string,
  payload: JsonValue,
): { pointer: string; problem: string } | undefined {
  try {
    validateAction({ type, payload });
    return undefined;
  } catch (error) {
    if (!isVttError(error)) throw error;
    const at = error.params['pointer'];
    return {
      pointer: typeof at === 'string' ? at : '/payload',
      problem: `the adjusted action fails its schema (${String(error.params['problem'] ?? error.code)})`,
    };
  }
}

/** Runs one action as `userId` (see `ModuleTable.dispatch`). */
export async function dispatchAction(
  ctx: TableContext,
  action: { readonly type: string; readonly payload: unknown },
  userId: string,
): Promise<TableChange> {
  const user = userOf(ctx, userId);
  const now = ctx.clock();
  const type = typeof action?.type === 'string' ? action.type : '';
  if (type === '' || type.startsWith('core:')) {
    validateAction(action); // the user's own mistakes are theirs, before any module sees them
    let payload = (action?.payload ?? null) as JsonValue;
    for (const slot of ctx.slots.values()) {
      // A suspended module takes no part: the table plays on core rules.
      if (!slot.description.hooks.before.includes(type) || isSuspended(slot)) continue;
      let reply;
      try {
        reply = await ctx.call(slot, 'before', { type, payload, user }, ctx.state.rng);
      } catch (error) {
        if (isSuspended(slot)) continue; // this failure quarantined it
        throw error;
      }
      if ('rejected' in reply.value)
        throw new VttError('VTT_ERR_MODULE_VETOED', {
          moduleId: slot.id,
          type,
          reason: reply.value.rejected.reason,
        });
      const adjusted = reply.value.payload;
      const broken = deepEqual(adjusted, payload) ? undefined : invalidAdjustment(type, adjusted);
      if (broken !== undefined) {
        // The user's action was valid: a hook that breaks it is the module's failure, and counts.
        const error = badReply(
          { moduleId: slot.id, call: 'before' },
          broken.pointer,
          broken.problem,
        );
        slot.instance.reportFailure(error);
        await announceQuarantine(ctx, slot, error);
        if (isSuspended(slot)) continue;
        throw error;
      }
      payload = adjusted;
    }
    if (type === 'core:start-combat') payload = withPassStep(ctx, payload);
    const rng = ctx.dice.coreRng(ctx.state);
    const drafts = decide(
      ctx.state,
      { ...action, payload },
      {
        userId,
        now,
        ...(rng ? { rng } : {}),
        ...(type === 'core:start-session' ? { seed: ctx.newSeed() } : {}),
        compendium: ctx.compendium,
      },
    );
    return ctx.commitAndSync(drafts, userId, now);
  }
  const moduleId = type.slice(0, type.indexOf(':'));
  const slot = slotFor(
    ctx,
    moduleId === '' ? type : moduleId,
    'action',
    type,
    (d) => type in d.actions,
  );
  invalidIf(slot.validators.get(type)?.(action.payload) ?? []);
  return runProposals(
    ctx,
    slot,
    'action',
    type,
    { type, payload: (action.payload ?? null) as JsonValue, user },
    userId,
  );
}
