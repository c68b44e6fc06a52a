/** `ModuleTable.chat`: a chat line, or a module's `/command`. */
import { decide } from '@vtt/core';
import type { ModuleTable, TableChange } from './module-table-types.js';
import { runProposals } from './run-proposals.js';
import { slotFor, speakerFor, userOf } from './table-checks.js';
import type { TableContext } from './table-context.js';

/** Posts a chat line, or runs `/command args` in the module that registered it. */
export async function runChat(
  ctx: TableContext,
  request: Parameters<ModuleTable['chat']>[0],
): Promise<TableChange> {
  const user = userOf(ctx, request.userId);
  const speaker = speakerFor(ctx, request.userId, request.speaker);
  const match = /^\/([a-z][\w-]*)(?:\s+([\s\S]*))?$/i.exec(request.text.trim());
  if (match === null) {
    const now = ctx.clock();
    const drafts = decide(
      ctx.state,
      {
        type: 'core:send-message',
        payload: { text: request.text, ...(speaker === null ? {} : { speaker }) },
      },
      { userId: request.userId, now },
    );
    return ctx.commitAndSync(drafts, request.userId, now);
  }
  const command = match[1]!;
  const slot = slotFor(
    ctx,
    undefined,
    'chat command',
    `/${command}`,
    (d) => command in d.chatCommands,
  );
  return runProposals(
    ctx,
    slot,
    'chat',
    `/${command}`,
    { command, args: match[2] ?? '', user, speaker },
    request.userId,
  );
}
