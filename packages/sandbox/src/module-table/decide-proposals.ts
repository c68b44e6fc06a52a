/**
 * Turns what module code proposes into event drafts, deciding each core
 * action as the acting user with core's own `decide`: the same schema and
 * permission checks as the user's own actions, so module code can never do
 * more than the user could.
 */
import {
  commit,
  decide,
  VttError,
  type CompendiumLookup,
  type EventDraft,
  type GuestProposal,
  type RngState,
  type RollRecord,
  type TableState,
} from '@vtt/core';
import { checkedMessage, recordsById } from './host-rolls.js';

/** Core actions a module may not propose: undo, and the dice session (the GM's alone, with the host's seed). */
const NOT_PROPOSABLE = new Set(['core:undo', 'core:start-session', 'core:end-session']);

/** Who acts, when, and which module proposed the changes. */
export interface ProposalContext {
  readonly moduleId: string;
  readonly userId: string;
  readonly now: number;
  /** The generator state after the module's own dice, to continue from. */
  readonly rng: RngState;
  /** The rolls the host drew for the module in this call: the only ones its messages may show. */
  readonly rolls?: readonly RollRecord[];
  /** The modules' pack entries, so that a module may propose `core:import-compendium`. */
  readonly compendium?: CompendiumLookup;
}

/**
 * Decides `proposals` in order against `state`. Returns every draft; the
 * first carries the module's generator state so the dice it rolled are never
 * rolled again. Throws the first VttError any proposal raises (nothing
 * changes then).
 */
export function decideProposals(
  state: TableState,
  proposals: readonly GuestProposal[],
  ctx: ProposalContext,
): EventDraft[] {
  let current: TableState = { ...state, rng: ctx.rng };
  const drafts: EventDraft[] = [];
  const records = recordsById(ctx.rolls);
  for (const proposal of proposals) {
    let decided: EventDraft[];
    if (proposal.kind === 'action') {
      if (!proposal.type.startsWith('core:') || NOT_PROPOSABLE.has(proposal.type)) {
        throw new VttError('VTT_ERR_MODULE_PROPOSAL', {
          moduleId: ctx.moduleId,
          type: proposal.type,
        });
      }
      const action = { type: proposal.type, payload: proposal.payload };
      decided = decide(current, action, {
        userId: ctx.userId,
        now: ctx.now,
        ...(ctx.compendium ? { compendium: ctx.compendium } : {}),
      });
    } else {
      const { roll, data, verified } = checkedMessage(ctx.moduleId, records, proposal);
      const action = {
        type: 'core:send-message',
        payload: { text: proposal.text, whisper: [...proposal.whisper] },
      };
      decided = decide(current, action, { userId: ctx.userId, now: ctx.now }).map((draft) => {
        if (draft.type !== 'core:message-posted') return draft;
        const flags =
          data === null
            ? draft.payload.message.flags
            : { ...draft.payload.message.flags, [ctx.moduleId]: data };
        const message = {
          ...draft.payload.message,
          roll,
          flags,
          ...(verified ? { verified } : {}),
        };
        return { ...draft, payload: { ...draft.payload, message } };
      });
    }
    // Later proposals are decided against the state the earlier ones produce.
    current = commit(current, decided, { author: ctx.userId, now: ctx.now }).state;
    drafts.push(...decided);
  }
  if (drafts.length > 0 && drafts[0]!.server?.rng === undefined) {
    drafts[0] = { ...drafts[0]!, server: { ...drafts[0]!.server, rng: ctx.rng } };
  }
  return drafts;
}
