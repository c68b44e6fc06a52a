/** `ModuleTable.macro`: a module's macro. */
import type { ModuleTable, TableChange } from './module-table-types.js';
import { runProposals } from './run-proposals.js';
import { slotFor, speakerFor, userOf } from './table-checks.js';
import type { TableContext } from './table-context.js';

/** Runs a macro, optionally speaking as an actor the user can see. */
export async function runMacro(
  ctx: TableContext,
  request: Parameters<ModuleTable['macro']>[0],
): Promise<TableChange> {
  const user = userOf(ctx, request.userId);
  const speaker = speakerFor(ctx, request.userId, request.speaker);
  const slot = slotFor(
    ctx,
    request.moduleId,
    'macro',
    request.name,
    (d) => request.name in d.macros,
  );
  return runProposals(
    ctx,
    slot,
    'macro',
    `macro ${request.name}`,
    { name: request.name, args: request.args ?? null, user, speaker },
    request.userId,
  );
}
